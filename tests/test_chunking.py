from __future__ import annotations

from pathlib import Path

import pytest

from verifier.chunking import ChunkingSettings, make_passages
from verifier.cleaning import normalize_span
from verifier.corpus import load_corpus
from verifier.sentences import segment

SEED = Path(__file__).parents[1] / "corpus" / "000_8555a464c2dfd455.txt"
DATA = Path(__file__).parent / "data" / "corpus"


@pytest.fixture(scope="module")
def seed():
    (doc,) = load_corpus(SEED)
    return doc, segment(doc)


def test_sentence_passages_then_windows(seed):
    doc, sents = seed
    passages = make_passages(doc, sents)
    singles = [p for p in passages if p.n_sentences == 1]
    pairs = [p for p in passages if p.n_sentences == 2]
    assert len(singles) == 16
    # 16 body sentences in runs of 6 and 10 (caption first, teaser at index 7): 5 + 9 pairs
    assert len(pairs) == 14
    assert len({p.passage_id for p in passages}) == len(passages)
    for p in passages:
        assert normalize_span(doc.raw[p.start:p.end]) == p.text
        assert p.passage_id == f"{doc.doc_id}:{p.first_sentence}-{p.last_sentence}"


def test_windows_cross_paragraphs_but_skip_captions_and_teasers(seed):
    doc, sents = seed
    by_id = {p.passage_id: p for p in make_passages(doc, sents)}
    move = by_id[f"{doc.doc_id}:16-17"]
    assert move.text.startswith("Last month, Yerevan returned")
    assert "The move, which Prime Minister" in move.text
    assert f"{doc.doc_id}:6-8" not in by_id and f"{doc.doc_id}:6-7" not in by_id
    assert f"{doc.doc_id}:0-1" not in by_id
    assert all("Related article" not in p.text and "Stringer" not in p.text for p in by_id.values())


def test_window_sizes(seed):
    doc, sents = seed
    assert len(make_passages(doc, sents, window=1)) == 16
    three = make_passages(doc, sents, window=3)
    assert sum(p.n_sentences == 3 for p in three) == 4 + 8
    with pytest.raises(ValueError, match="at least 1"):
        make_passages(doc, sents, window=0)


def test_crafted_files_round_trip():
    for doc in load_corpus(DATA):
        for p in make_passages(doc, segment(doc), window=3):
            assert normalize_span(doc.raw[p.start:p.end]) == p.text


def test_settings_to_dict():
    d = ChunkingSettings(window=3).to_dict()
    assert d["window"] == 3 and d["segmenter"].startswith("pysbd")
    assert ChunkingSettings() == ChunkingSettings(**ChunkingSettings().to_dict())
