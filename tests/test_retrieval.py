"""Hybrid retrieval: fusion, modes, quoted phrases, document level, and the search CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verifier.embedding import HashEmbedder
from verifier.errors import InvalidClaimError
from verifier.index import open_index
from verifier.retrieval import (
    HybridRetriever,
    best_quote_match,
    quoted_phrases,
    rank_documents,
)
from verifier.types import Hit, Passage

ROOT = Path(__file__).parents[1]
SEED = ROOT / "corpus"


@pytest.fixture
def small(tmp_path: Path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "cats.txt").write_text(
        "Cats purr when they are content.\n\nA group of cats is called a clowder.\n\n"
        "Domestic cats sleep for most of the day.", encoding="utf-8")
    (d / "rivers.txt").write_text(
        "The Danube flows through ten countries.\n\nThe Rhine reaches the North Sea.",
        encoding="utf-8")
    emb = HashEmbedder()
    return open_index(d, tmp_path / "ix", emb), emb


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_modes_find_the_passage(small, mode: str):
    index, emb = small
    hits = HybridRetriever(index, emb, mode=mode).search("What is a group of cats called?", k=3)
    assert hits[0].passage.text == "A group of cats is called a clowder."
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    top = hits[0]
    if mode == "dense":
        assert top.lexical_score is None and top.dense_rank == 1
    elif mode == "bm25":
        assert top.dense_score is None and top.lexical_rank == 1 and top.lexical_score > 0
    else:
        assert top.dense_score is not None and top.lexical_score is not None
        assert top.score == pytest.approx(1 / (60 + top.dense_rank) + 1 / (60 + top.lexical_rank))


def test_search_many_matches_search_and_k(small):
    index, emb = small
    r = HybridRetriever(index, emb)
    qs = ["Danube countries", "cats sleep"]
    many = r.search_many(qs, k=2)
    assert [len(h) for h in many] == [2, 2]
    assert [[h.passage.passage_id for h in hs] for hs in many] == [
        [h.passage.passage_id for h in r.search(q, k=2)] for q in qs]
    calls = emb.calls
    r.search_many(qs + ["Rhine"], k=2)
    assert emb.calls == calls + 1  # one batched embedding call
    assert HybridRetriever(index, emb, mode="bm25").search("zzzz the qqqq", k=3) == []
    assert all(h.lexical_score is None for h in r.search("zzzz qqqq", k=3))


def test_empty_query_and_bad_mode(small):
    index, emb = small
    with pytest.raises(InvalidClaimError, match="empty"):
        HybridRetriever(index, emb).search("   ")
    with pytest.raises(ValueError, match="hybrid, dense, bm25"):
        HybridRetriever(index, emb, mode="sparse")


def test_quoted_phrase_boosts_the_passage_that_contains_it(small):
    index, emb = small
    r = HybridRetriever(index, emb, mode="dense")
    plain = {h.passage.passage_id: h.score
             for h in r.search("cats cats cats ten countries", k=20)}
    quoted = r.search('cats cats cats "ten countries"', k=5)  # same words: same dense scores
    assert quoted[0].passage.text == "The Danube flows through ten countries."
    assert quoted[0].score > plain[quoted[0].passage.passage_id]


def test_best_quote_match_is_fuzzy():
    ps = [Passage(f"d:{i}-{i}", "d", "d", i, i, 0, len(t), t) for i, t in
          enumerate(["Nothing here.", "Officials said the full withdrawal was completed."])]
    m = best_quote_match("full withdrawl", ps)
    assert m is not None and m.passage_index == 1 and m.score >= 90
    assert ps[1].text[m.start:m.end].lower().startswith("full with")
    assert best_quote_match("entirely unrelated words", ps) is None
    assert quoted_phrases('He said \u201cfull withdrawal\u201d and "June 12"') == [
        "full withdrawal", "June 12"]


def test_rank_documents_takes_the_best_passage(small):
    index, emb = small
    r = HybridRetriever(index, emb)
    docs = r.search_docs("cats clowder", k=2)
    assert docs[0].doc_id == "cats.txt" and len(docs) == 2
    assert docs[0].score == max(h.score for h in docs[0].hits) == docs[0].hits[0].score
    p = index.passages[0]
    hits = [Hit(p, 0.2), Hit(index.passages[-1], 0.5), Hit(p, 0.9)]
    top = rank_documents(hits)[0]
    assert (top.doc_id, top.score) == (p.doc_id, 0.9)


# ---- the real model ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_retriever(tmp_path_factory: pytest.TempPathFactory):
    from verifier.embedding import get_embedder

    emb = get_embedder()
    index = open_index(SEED, tmp_path_factory.mktemp("seed-ix"), emb)
    return HybridRetriever(index, emb)


@pytest.mark.parametrize("query, expected", [
    ("How many Russian peacekeepers were stationed in Karabakh?", "Nearly 2,000 Russian"),
    ("Did the peacekeepers intervene?", "The peacekeeping contingent did not intervene."),
])
def test_seed_article_queries_with_minilm(seed_retriever, query: str, expected: str):
    hits = seed_retriever.search(query, k=3)
    assert expected in hits[0].passage.text
    from verifier.cleaning import normalize_span

    p = hits[0].passage
    assert normalize_span(seed_retriever.index.documents[p.doc_id].raw[p.start:p.end]) == p.text


# ---- CLI --------------------------------------------------------------------------------------


def test_cli_search_json_and_errors(small, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import verifier.embedding
    from verifier.cli import app

    monkeypatch.setattr(verifier.embedding, "get_embedder", lambda: HashEmbedder())
    runner = CliRunner()
    corpus = tmp_path / "corpus"
    env = {"VERIFIER_INDEX_DIR": str(tmp_path / "ix")}
    res = runner.invoke(app, ["search", "group of cats", "--corpus", str(corpus), "--k", "2",
                              "--json"], env=env)
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert len(rows) == 2 and set(rows[0]) == {"doc_id", "source", "start", "end", "text",
                                               "score", "dense_score", "lexical_score"}
    assert rows[0]["text"] == "A group of cats is called a clowder."
    raw = (corpus / rows[0]["source"]).read_text()
    assert raw[rows[0]["start"]:rows[0]["end"]] == rows[0]["text"]
    res = runner.invoke(app, ["search", "Rhine", "--corpus", str(corpus), "--k", "1"], env=env)
    assert res.exit_code == 0 and "rivers.txt:" in res.stdout and "North Sea" in res.stdout
    res = runner.invoke(app, ["search", "  ", "--corpus", str(corpus)], env=env)
    assert res.exit_code == 1 and res.stderr.startswith("Error: the query is empty")
    res = runner.invoke(app, ["search", "x", "--corpus", str(tmp_path / "none")], env=env)
    assert res.exit_code == 1 and res.stderr.startswith("Error: corpus path not found")
    (tmp_path / "empty").mkdir()
    res = runner.invoke(app, ["search", "x", "--corpus", str(tmp_path / "empty")], env=env)
    assert res.exit_code == 1 and res.stderr.startswith("Error: no corpus files")
    assert runner.invoke(app, ["search", "--help"]).exit_code == 0


def test_cli_search_subprocess(tmp_path: Path):
    env = {**os.environ, "VERIFIER_INDEX_DIR": str(tmp_path / "ix"), "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run(
        [sys.executable, "cli.py", "search", "When was the withdrawal completed?",
         "--corpus", str(SEED), "--k", "2", "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert len(rows) == 2 and any("June 12" in r["text"] for r in rows)
    assert (tmp_path / "ix" / "manifest.json").exists()
    proc = subprocess.run([sys.executable, "cli.py", "search", ""], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1 and proc.stderr.strip() == (
        "Error: the query is empty: give some words to search for")


def _news(tmp_path: Path, *paragraphs: str) -> HybridRetriever:
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "news.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    emb = HashEmbedder()
    return HybridRetriever(open_index(d, tmp_path / "ix", emb), emb)


def _texts(r: HybridRetriever, query: str, k: int) -> list[str]:
    return [h.passage.text for h in r.search(query, k=k)]


def test_a_dated_claim_gets_a_passage_that_gives_a_date_of_its_kind(tmp_path: Path):
    r = _news(tmp_path, "The troops finished their pullout, the ministry said.",
              "The troops finished the pullout of their armour.",
              "The troops pulled out the last of their troops.",
              "Crowds gathered on Wednesday in the capital.")
    dated = _texts(r, "The troops finished their pullout on Thursday.", 2)
    undated = _texts(r, "The troops finished their pullout.", 2)
    # the weekday passage joins the two best, which give no weekday; without one, it does not
    assert len(dated) == 3 and "Wednesday" in dated[2]
    assert dated[:2] == undated and len(undated) == 2
    assert not any("Wednesday" in t for t in undated)


def test_a_month_no_passage_found_gives_brings_one_more(tmp_path: Path):
    r = _news(tmp_path, "The strike ended on June 12, the union said.",
              "The strike ended on June 12 after a vote.",
              "Dockers voted to end the strike in a ballot.",
              "The walkout, which began in April, was long.")
    # "June" is found; "March" is not, so the best passage with another month joins
    assert len(_texts(r, "The strike ended on June 12, the union said.", 1)) == 1
    hits = _texts(r, "The strike began in March and ended on June 12, the union said.", 1)
    assert len(hits) == 2 and "April" in hits[1]
    # a lower-case "may" is no month
    assert len(_texts(r, "The strike may end on June 12, the union said.", 1)) == 1


def test_at_most_two_passages_with_other_dates_join(tmp_path: Path):
    r = _news(tmp_path, "The strike ended after a vote of the dockers.",
              "A second vote came in May.",
              "The walkout, which began in April, was long.",
              "Talks resumed in January.")
    hits = _texts(r, "The strike ended in March after a vote of the dockers.", 1)
    # the best passage gives no month: the two best-ranked that give another month join it
    assert len(hits) == 3 and all(any(m in t for m in ("May", "April", "January"))
                                  for t in hits[1:])
