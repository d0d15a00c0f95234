from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from verifier.cleaning import normalize_span
from verifier.corpus import load_corpus
from verifier.sentences import classify, segment
from verifier.types import Document, SentenceKind

DATA = Path(__file__).parent / "data" / "corpus"
SEED = Path(__file__).parents[1] / "corpus" / "000_8555a464c2dfd455.txt"


@pytest.fixture(scope="module")
def seed():
    (doc,) = load_corpus(SEED)
    return doc, segment(doc)


def _roundtrip(doc, sentences):
    for s in sentences:
        assert normalize_span(doc.raw[s.start:s.end]) == s.text
        assert not doc.raw[s.start].isspace() and not doc.raw[s.end - 1].isspace()
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))


def test_seed_has_16_body_sentences_a_caption_and_a_teaser(seed):
    doc, sents = seed
    _roundtrip(doc, sents)
    kinds = [s.kind for s in sents]
    assert kinds.count(SentenceKind.BODY) == 16
    assert kinds.count(SentenceKind.CAPTION) == 1 and kinds.count(SentenceKind.TEASER) == 1
    assert len(sents) == 18
    assert sents[0].kind is SentenceKind.CAPTION and sents[0].text.endswith("Stringer / AFP")
    assert sents[7].kind is SentenceKind.TEASER
    assert sents[7].text.startswith("Related article: A Life in One Suitcase")


def test_seed_sentences_are_whole(seed):
    _, sents = seed
    body = [s.text for s in sents if s.citable]
    assert body[0] == (
        "Russian peacekeepers on Wednesday completed their withdrawal from the Nagorno-Karabakh "
        "region, which Baku recaptured last year from Armenian separatists, officials in Baku "
        "said.")
    assert body[2].startswith('"The process of the full withdrawal')
    assert body[2].endswith('June 12," Azerbaijan\'s Defense Ministry said in a statement.')
    assert body[3].endswith("signed in November 2020.")
    assert body[4].startswith("The Russian troops had a mandate")
    assert body[8] == "The peacekeeping contingent did not intervene."
    assert "then-breakaway" in body[1]
    assert body[-1].startswith("The move, which Prime Minister Nikol Pashinyan")
    assert all(s.endswith(('.', '"', ".'")) for s in body)


def test_offsets_are_into_raw(seed):
    doc, sents = seed
    first = next(s for s in sents if s.citable)
    assert doc.raw[first.start:first.end].startswith("Russian peacekeepers")
    assert doc.raw[first.start:first.end].endswith("officials in\nBaku said.")
    assert "Nagorno-\nKarabakh" in doc.raw[first.start:first.end]


def test_crafted_files_round_trip():
    docs = load_corpus(DATA)
    for doc in docs:
        sents = segment(doc)
        assert sents, doc.doc_id
        _roundtrip(doc, sents)


def test_crlf_bom_file():
    (doc,) = load_corpus(DATA / "crlf_bom.txt")
    sents = segment(doc)
    assert [s.text for s in sents] == [
        "The council met on Monday.",
        'It approved the budget of "five million" euros.',
        "The mayor's office said the vote was recaptured from the opposition.",
        "Turnout was high.",
    ]
    assert sents[0].start == 1  # after the BOM


def test_markdown_kinds_and_heading():
    (doc,) = load_corpus(DATA / "sub" / "hyphen.md")
    sents = segment(doc)
    got = [(s.kind.value, s.text) for s in sents]
    assert got[0] == ("body", "Withdrawal from Nagorno-Karabakh")
    assert got[1] == ("body", ("Russian peacekeepers completed their withdrawal from the "
                               "Nagorno-Karabakh region, which Baku recaptured last year."))
    assert got[2][1].startswith("The then-breakaway enclave")
    assert [k for k, _ in got[3:]] == ["caption", "teaser", "boilerplate"]


def test_sentences_never_cross_paragraphs():
    raw = "First paragraph ends without a stop\n\nSecond paragraph starts here. And ends."
    sents = segment(Document("d", "d", "", raw, ""))
    assert [s.text for s in sents] == [
        "First paragraph ends without a stop", "Second paragraph starts here.", "And ends."]


@pytest.mark.parametrize(("text", "kind"), [
    ("Protesters in Yerevan on Tuesday. Karen Minasyan / AFP", SentenceKind.CAPTION),
    ("A convoy near Lachin. Photo: Reuters", SentenceKind.CAPTION),
    ("See also: The war in numbers", SentenceKind.TEASER),
    ("Read more: Peacekeepers leave", SentenceKind.TEASER),
    ("Subscribe to our newsletter", SentenceKind.BOILERPLATE),
    ("The AP reported the withdrawal on Wednesday.", SentenceKind.BODY),
    ("Prices rose 5/AP analysts said more is coming.", SentenceKind.BODY),
])
def test_classify(text, kind):
    assert classify(text) is kind
