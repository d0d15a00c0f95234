from __future__ import annotations

import pytest

from verifier.paraphrase import (
    align_voice,
    align_words,
    expand_initials,
    plain_denial,
    said_otherwise,
)

NOT_INTERVENE = "The peacekeeping contingent did not intervene."
TOOK_OVER = "Last September, Baku took over the territory in a lightning offensive."


@pytest.mark.parametrize(
    ("claim", "passage", "aligned"),
    [
        # a phrasal verb and its one-word synonym, both ways
        ("The contingent did not step in.", NOT_INTERVENE, "The contingent did not intervene."),
        ("Azerbaijan seized the territory.", TOOK_OVER, "Azerbaijan took over the territory."),
        ("Russian troops had a mandate to stay until 2025.",
         "The Russian troops had a mandate to remain until 2025.",
         "Russian troops had a mandate to remain until 2025."),
        # "up" belongs to "up to $750 million", not to the verb; the passage's "save" is the
        # claim's own verb
        ("The system can save up to $750 million.", "The system could save as much as "
         "$750 million.", "The system can save up to $750 million."),
        # one speed, whatever the part of speech ("lightning" is a noun); not the opposite one
        ("The region fell in a swift offensive.", TOOK_OVER,
         "The region fell in a lightning offensive."),
        ("The region fell in a slow offensive.", TOOK_OVER, "The region fell in a slow offensive."),
        # nothing to align: the passage uses the claim's word, an unrelated word, an antonym,
        # or the synonym in another inflection
        ("The contingent did not intervene.", NOT_INTERVENE, "The contingent did not intervene."),
        ("The contingent did not leave.", NOT_INTERVENE, "The contingent did not leave."),
        ("Prices decreased.", "Prices increased.", "Prices decreased."),
        ("Azerbaijan seizes the territory.", TOOK_OVER, "Azerbaijan seizes the territory."),
        # a verb keeps its object or its lack of one ("the statement issued" is no paraphrase)
        ("The joint statement came out on Tuesday.", "On Tuesday, they issued a joint statement.",
         "The joint statement came out on Tuesday."),
        # the noun of a complex preposition is no word to align to ("accord" is not the
        # "accordance" of "in accordance with"); the passage's own noun for it is
        ("The ceasefire accord dates from 2020.", "Troops were stationed there, in accordance "
         "with a ceasefire agreement signed in 2020.", "The ceasefire agreement dates from 2020."),
    ],
)
def test_align_words(claim, passage, aligned):
    assert align_words(claim, passage) == aligned


DECADES = "It was controlled by pro-Yerevan separatists for nearly three decades."
RECAPTURED = ("Russian peacekeepers completed their withdrawal from the region, which Baku "
              "recaptured last year from Armenian separatists.")
AGREED = ("The withdrawal, which began in April, had been agreed between Russian President "
          "Vladimir Putin and his Azerbaijani counterpart Ilham Aliyev.")


@pytest.mark.parametrize(
    ("claim", "passage", "aligned"),
    [
        # active claim, passive passage (also when the parser reads the subject as a noun
        # with a reduced relative clause, as it does here)
        ("Pro-Yerevan separatists controlled Karabakh for about thirty years.", DECADES,
         "Karabakh was controlled by pro-Yerevan separatists for about thirty years."),
        ("Putin and Aliyev agreed the withdrawal.", AGREED,
         "The withdrawal had been agreed by Putin and Aliyev."),
        ("Last year separatists controlled the villages.", DECADES,
         "Last year the villages were controlled by separatists."),
        # passive claim, active passage
        ("The region was recaptured by Azerbaijan last year.", RECAPTURED,
         "Azerbaijan recaptured the region last year."),
        # must NOT change: the same voice, a negated or auxiliary verb, another verb, a
        # clause with more between its parts
        ("Baku recaptured Karabakh.", RECAPTURED, None),
        ("Separatists did not control Karabakh.", DECADES, None),
        ("Separatists have controlled Karabakh.", DECADES, None),
        ("Separatists ruled Karabakh.", DECADES, None),
        ("The region was handed to Azerbaijan by Armenia.", RECAPTURED, None),
    ],
)
def test_align_voice(claim, passage, aligned):
    assert align_voice(claim, passage) == (aligned or claim)


ROLE = ("On Tuesday, Armenian Foreign Minister Ararat Mirzoyan and the United States Assistant "
        "Secretary of State for Europe and Eurasia James O'Brien issued a joint statement.")


@pytest.mark.parametrize(("claim", "passage", "expanded"), [
    ("Armenian FM, US envoy issue joint statement", ROLE,
     "Armenian Foreign Minister, United States envoy issue joint statement"),
    ("PM Pashinyan defended the move", "Prime Minister Nikol Pashinyan has defended the move",
     "Prime Minister Pashinyan defended the move"),
    # initials the passage writes itself, or spells nowhere, stay
    ("The US and Armenia issued a statement", "The US and Armenia issued a statement.",
     "The US and Armenia issued a statement"),
    ("The UN said so", ROLE, "The UN said so"),
])
def test_expand_initials(claim, passage, expanded):
    assert expand_initials(claim, passage) == expanded


AGREED = ("The withdrawal, which began in April, had been agreed between Russian President "
          "Vladimir Putin and his Azerbaijani counterpart Ilham Aliyev.")


@pytest.mark.parametrize(("claim", "found"), [
    # a synonym in another inflection; a verb whose deed the passage names with a noun
    ("The peacekeepers had started to leave in January.", {"start", "leave"}),
    ("The pullout was agreed by Moscow.", {"pullout", "agree"}),  # "agree" as itself too
    ("The protests grew.", set()),
])
def test_said_otherwise(claim, found):
    assert said_otherwise(claim, AGREED) == found


NOT_INTERVENE = "The peacekeeping contingent did not intervene."


@pytest.mark.parametrize(("claim", "passage", "plain"), [
    ("Russia's peacekeepers stood aside rather than intervening.", NOT_INTERVENE,
     "Russia's peacekeepers did not intervene."),
    ("Russia's peacekeeping unit held back from intervening.", NOT_INTERVENE,
     "Russia's peacekeeping unit did not intervene."),
    ("Last September, Russian troops refrained from intervening in the fighting.",
     NOT_INTERVENE, "Last September, Russian troops did not intervene in the fighting."),
    ("Russia's peacekeepers, for their part, refrained from any intervention.", NOT_INTERVENE,
     "Russia's peacekeepers did not intervene."),
    ("The peacekeepers did nothing to stop the offensive.", "Baku stopped the offensive.",
     "The peacekeepers did not stop the offensive."),
    ("Moscow's contingent never intervened during the blitz.", NOT_INTERVENE,
     "Moscow's contingent did not intervene during the blitz."),
    # unchanged: a plain "not", a deed the passage never tells, no denial
    ("The contingent never left.", NOT_INTERVENE, "The contingent never left."),
    ("The peacekeepers did not intervene.", NOT_INTERVENE,
     "The peacekeepers did not intervene."),
    ("The peacekeepers failed to stop the offensive.", NOT_INTERVENE,
     "The peacekeepers failed to stop the offensive."),
    ("The peacekeepers moved in rather than waiting.", NOT_INTERVENE,
     "The peacekeepers moved in rather than waiting."),
    ("The peacekeepers refrained from comment.", NOT_INTERVENE,
     "The peacekeepers refrained from comment."),
])
def test_plain_denial(claim, passage, plain):
    assert plain_denial(claim, passage) == plain
