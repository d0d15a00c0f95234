from __future__ import annotations

import pytest

from verifier.checks import common
from verifier.checks.common import content_lemmas, parse, per_doc


def test_per_doc_reads_a_doc_once_and_keeps_arguments_apart():
    calls = []

    @per_doc
    def words(doc, lower=False):
        calls.append(lower)
        return tuple(t.lower_ if lower else t.text for t in doc)

    doc = parse("Baku recaptured the region.")
    assert words(doc) == ("Baku", "recaptured", "the", "region", ".")
    assert words(doc) is words(doc)
    assert words(doc, lower=True)[0] == "baku"
    assert calls == [False, True]  # once per argument set
    # a span is not a Doc: computed each time, never stored
    assert words(doc[:2]) == ("Baku", "recaptured")
    assert words(doc[:2]) == ("Baku", "recaptured")
    assert calls == [False, True, False, False]


def test_content_lemmas_of_a_doc_and_of_a_span_agree():
    doc = parse("Russian peacekeepers completed their withdrawal.")
    assert content_lemmas(doc) == frozenset({"russian", "peacekeeper", "complete", "withdrawal"})
    assert content_lemmas(doc[1:3]) == frozenset({"peacekeeper", "complete"})


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("withdraw", "withdraw", True),
        ("step_in", "intervene", True),  # WordNet
        ("leave", "withdraw", True),  # the curated table
        ("hand", "return", True),
        ("leave", "stay", False),
        ("leave_behind", "withdraw", False),
        ("sign", "return", False),
        ("kick_off", "trigger", True),  # setting off what follows
        ("grab", "capture", True),
        ("trash", "criticize", True),
        ("trigger", "capture", False),
        ("park", "station", True),
        ("promote", "upgrade", True),
        ("conclude", "sign", True),  # a ceasefire concluded / signed
        ("reproach", "accuse", True),
        ("conclude", "finish", True),
        ("sign", "finish", False),
    ],
)
def test_same_deed(a, b, same):
    assert common.same_deed(a, b) is same


@pytest.mark.parametrize(
    ("verb", "noun", "names"),
    [
        ("withdraw", "withdrawal", True),
        ("leave", "withdrawal", True),  # through "withdraw", of its group
        ("intervene", "intervention", True),
        ("leave", "leaflet", False),
        ("sign", "signal", False),
        ("leave", "pullout", True),  # "pull_out", of its group, spaces and hyphens aside
        ("withdraw", "pull-out", True),
        ("withdraw", "drawdown", True),
        ("continue", "contingent", False),  # a shared start, but no noun of a deed
        ("continue", "continuation", True),
        ("hand_over", "handover", True),
    ],
)
def test_deed_noun(verb, noun, names):
    assert common.deed_noun(verb, noun) is names


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("pullout", "withdrawal", True),  # nouns of verbs of one group
        ("offensive", "assault", True),  # the curated noun table
        ("truce", "ceasefire", True),  # WordNet
        ("offensive", "withdrawal", False),
        ("demonstration", "protest", True),  # "no large demonstrations" / "mass protests"
        ("announcement", "statement", True),
        ("statement", "protest", False),
    ],
)
def test_one_deed_noun(a, b, same):
    assert common.one_deed_noun(a, b) is same


@pytest.mark.parametrize(("sentence", "verb", "lemma"), [
    ("Russia pulled out of Karabakh.", "pulled", "pull_out"),
    ("Baku took over the territory.", "took", "take_over"),
    ("The troops pulled back.", "pulled", "pull_back"),
    ("The troops marched out.", "marched", "march_out"),
    ("The troops pulled weapons out of the region.", "pulled", "pull"),  # "out" not by the verb
    ("Russia pulled its troops out of Karabakh.", "pulled", "pull_out"),  # ... but troops out
    ("They went to Baku.", "went", "go"),
    ("They scaled back the talks.", "scaled", "scale_back"),  # not in WordNet: our table
])
def test_phrasal(sentence, verb, lemma):
    from verifier.checks.common import phrasal

    doc = parse(sentence)
    assert phrasal(next(t for t in doc if t.text == verb)) == lemma


def test_objects_of():
    doc = common.parse("The withdrawal of the troops from Karabakh to Russia ended.")
    withdrawal = doc[1]
    assert [t.text for t in common.objects_of(withdrawal)] == ["troops"]
    assert [t.text for t in common.objects_of(withdrawal, "from")] == ["Karabakh"]
    assert common.objects_of(doc[-2]) == []  # "ended" has no "of" phrase


@pytest.mark.parametrize(
    ("claim", "lemma"),
    [
        ("Armenia took the villages.", "capture"),  # taking land is capturing it
        ("Armenia took control of the enclave.", "capture"),
        ("Armenia returned the villages that it had taken.", "capture"),
        ("Armenia took a loan.", "take"),
        ("Armenia took part in talks.", "take"),
        ("Baku took over the territory.", "take_over"),
    ],
)
def test_phrasal_reads_taking_land_as_capture(claim, lemma):
    doc = parse(claim)
    verb = next(t for t in doc if t.lemma_ == "take")
    assert common.phrasal(verb) == lemma


def test_parse_words_is_the_parse_without_names():
    from verifier.checks.common import parse, parse_words

    text = "Baku took over Karabakh in a lightning offensive, parse_words test."
    light = parse_words(text)
    assert not light.ents
    full = parse(text + " ")
    assert [(t.text, t.tag_, t.dep_, t.lemma_) for t in light] == \
        [(t.text, t.tag_, t.dep_, t.lemma_) for t in full][:len(light)]
    # the full parse where one is cached
    assert parse_words(text + " ") is full
