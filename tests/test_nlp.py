from __future__ import annotations

import pytest

from verifier.nlp import get_nlp


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Completion of the pull-out was announced.", "pull-out", "pullout"),
        ("The cease-fire held.", "cease-fire", "ceasefire"),
        ("Both ministers co-signed the statement.", "co-signed", "cosign"),
        ("A build-up of troops followed.", "build-up", "buildup"),
    ],
)
def test_hyphenated_words_wordnet_knows_are_one_token(text, word, lemma):
    tok = next(t for t in get_nlp()(text) if t.text == word)
    assert tok.lemma_ == lemma
    assert tok.is_alpha  # a word, counted as content like "pullout"


@pytest.mark.parametrize(
    "text",
    ["Russian troops left Nagorno-Karabakh.", "Pro-Yerevan separatists held it.",
     "It ended on the twenty-first of June.", "The then-breakaway enclave fell.",
     "Warming is natural, not man-made."],  # an adjective: its parts are read
)
def test_names_numbers_and_unknown_compounds_stay_apart(text):
    assert "-" in [t.text for t in get_nlp()(text)]
