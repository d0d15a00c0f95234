from __future__ import annotations

import json
from pathlib import Path

import pytest

from verifier.evaluation.loaders import (
    ClaimExample,
    SciFactDoc,
    cached_scifact_corpus,
    load_averitec,
    load_claims_csv,
    load_climate_fever,
    load_covid_fact,
    load_fever_jsonl,
    load_healthver_csv,
    load_pairs,
    load_scifact,
    load_vitaminc,
    write_scifact_corpus,
)
from verifier.types import Label

DATA = Path(__file__).resolve().parents[1] / "data" / "eval"
SHARED = Path("/work/shared/data")
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="shared benchmark data not here")


def test_claims_csv_with_and_without_evidence(tmp_path: Path) -> None:
    p = tmp_path / "claims.csv"
    p.write_text('id,claim,label,evidence\n1,"Water boils, at sea level",SUPPORTS,"It does."\n'
                 "2,The moon is cheese,refutes,\n", encoding="utf-8")
    got = load_claims_csv(p)
    assert got == [ClaimExample("1", "Water boils, at sea level", Label.SUPPORTED, ("It does.",)),
                   ClaimExample("2", "The moon is cheese", Label.CONTRADICTED, ())]
    assert load_claims_csv(p, limit=1) == got[:1]
    p.write_text("id,text,label\n1,x,SUPPORTS\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"missing column.*claim"):
        load_claims_csv(p)
    p.write_text("id,claim,label\n7,x,perhaps\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"example 7.*'perhaps'"):
        load_claims_csv(p)


def test_healthver_slice() -> None:
    got = load_healthver_csv(DATA / "healthver_dev.csv")
    assert len(got) == 6
    assert got[0] == ClaimExample(
        "224", "The CORONAVIRUS is not of natural origin", Label.NOT_FOUND,
        ("Covid19 infection began in Wuhan (Hubei, China) in December, 2019.",))
    assert load_pairs(DATA / "healthver_dev.csv", limit=2) == got[:2]


def test_fever_symmetric_slice() -> None:
    got = load_fever_jsonl(DATA / "fever_symmetric_dev.jsonl", limit=3)
    assert len(got) == 3
    assert got[0].id == "54253" and got[0].label is Label.CONTRADICTED
    evidence = "It is of recent origin , associated with the 2006 wave of dancehall music ."
    assert got[0].evidence == (evidence,)
    assert got[1].label is Label.SUPPORTED
    assert load_pairs(DATA / "fever_symmetric_dev.jsonl", limit=3) == got


def test_fever_style_variants(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    rows = [{"claim": "A", "gold_label": "NOT ENOUGH INFO", "evidence": ["e1", " ", "e2"]},
            {"id": 9, "label": "SUPPORTS", "claim": "B", "evidence": "", "page": "P",
             "evid": [["from evid", 1.0]]}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    assert load_pairs(p) == [ClaimExample("0", "A", Label.NOT_FOUND, ("e1", "e2")),
                             ClaimExample("9", "B", Label.SUPPORTED, ("from evid",))]


def test_averitec_slice() -> None:
    got = load_averitec(DATA / "averitec_dev.json")
    assert [e.id for e in got] == ["0", "1", "2", "3"]  # the fourth label is skipped, counted
    assert got.skipped == {"Conflicting Evidence/Cherrypicking": 1}
    assert [e.label for e in got] == [Label.CONTRADICTED, Label.CONTRADICTED, Label.SUPPORTED,
                                      Label.NOT_FOUND]
    assert got[0].claim.startswith("In a letter to Steve Jobs, Sean Connery refused")
    # question and answer together; a question gets its question mark
    assert got[0].evidence[0] == ("Where was the claim first published? It was first published "
                                  "on Sccopertino")
    # a yes/no answer keeps its explanation; an unanswerable question gives no evidence
    assert got[3].evidence == ("Was 1950's U.S GDP less than half of 2020's GDP of 33.1? Yes. "
                               "28.1 percent in 1953",)
    assert load_pairs(DATA / "averitec_dev.json", limit=2) == got[:2]


def test_averitec_rejects_other_json(tmp_path: Path) -> None:
    p = tmp_path / "x.json"
    p.write_text('{"claim": "A"}', encoding="utf-8")
    with pytest.raises(ValueError, match="JSON list"):
        load_pairs(p)
    p.write_text('[{"claim": "A"}]', encoding="utf-8")
    with pytest.raises(ValueError, match="claim 0 needs"):
        load_pairs(p)
    p.write_text("[{", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid JSON"):
        load_pairs(p)


def test_vitaminc_zip_slice() -> None:
    got = load_vitaminc(DATA / "vitaminc_real.zip", limit=4)
    assert len(got) == 4
    assert got[0].id == "5ed4de07c9e77c000848a180_1"
    assert got[0].label is Label.NOT_FOUND
    assert got[0].claim == "Westlife made under 23.5 million sales in the UK ."
    assert load_pairs(DATA / "vitaminc_real.zip", limit=4) == got
    with pytest.raises(ValueError, match="no member"):
        load_vitaminc(DATA / "vitaminc_real.zip", member="dev.jsonl")


def test_climate_fever_skips_and_counts_disputed() -> None:
    got = load_climate_fever(DATA / "climate-fever.jsonl")
    assert len(got) == 5
    assert got.skipped == {"DISPUTED": 2}
    assert all(len(e.evidence) == 5 for e in got)
    assert got[0].id == "0" and got[0].label is Label.SUPPORTED
    limited = load_pairs(DATA / "climate-fever.jsonl", limit=2)
    assert limited == got[:2] and limited.skipped == {"DISPUTED": 1}


def test_covid_fact_jsonl_and_rte_tsv() -> None:
    base = DATA / "covid-fact"
    got = load_covid_fact(base / "COVIDFACT_dataset.jsonl", limit=3)
    assert [e.id for e in got] == ["0", "1", "2"]
    assert {e.label for e in got} <= {Label.SUPPORTED, Label.CONTRADICTED}
    assert all(e.evidence for e in got)
    dev = load_pairs(base / "RTE-covidfact" / "dev.tsv")
    assert len(dev) == 5
    assert dev[0].claim == ("Rapid clinical deterioration of severe covid-19 may be associated "
                            "with stroke")
    assert dev[0].label is Label.SUPPORTED and dev[1].label is Label.CONTRADICTED
    test = load_covid_fact(base / "RTE-covidfact" / "test.tsv")
    assert len(test) == 4 and test.skipped == {"unjoined": 1}


def test_load_pairs_refuses_scifact_and_unknown(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="load_scifact"):
        load_pairs(DATA / "scifact" / "claims_dev.jsonl")
    p = tmp_path / "x.txt"
    p.write_text("hi", encoding="utf-8")
    with pytest.raises(ValueError, match="unsupported file type"):
        load_pairs(p)
    with pytest.raises(ValueError, match="no such file"):
        load_pairs(tmp_path / "missing.csv")


def test_scifact_slice(tmp_path: Path) -> None:
    claims, corpus = load_scifact(DATA / "scifact" / "claims_dev.jsonl",
                                  DATA / "scifact" / "corpus.jsonl")
    assert [c.id for c in claims] == ["1", "3", "5", "13", "36", "42"]
    assert claims[0].label is Label.NOT_FOUND and claims[0].cited_doc_ids == ("31715818",)
    ev = claims[1].evidence["14717500"]
    assert ev.label == "SUPPORT" and ev.sentences == ((2, 5), (7,))
    assert ev.to_dict() == {"label": "SUPPORT", "sentences": [[2, 5], [7]]}
    assert claims[5].label is Label.CONTRADICTED
    doc = corpus["14717500"]
    for i, (a, b) in enumerate(doc.spans):
        assert doc.text[a:b] == doc.sentences[i]
    assert doc.text.split("\n\n") == list(doc.sentences)
    out = write_scifact_corpus(corpus, tmp_path / "scifact.jsonl")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["id"] for r in rows} == set(corpus)
    assert rows[0]["text"] == corpus[rows[0]["id"]].text
    assert len(load_scifact(DATA / "scifact" / "claims_dev.jsonl",
                            DATA / "scifact" / "corpus.jsonl", limit=2)[0]) == 2


def test_scifact_doc_normalises_whitespace_but_keeps_indices() -> None:
    doc = SciFactDoc("1", "t", ("a", "", "b"))
    assert doc.text == "a\n\n\n\nb" and doc.spans == [(0, 1), (3, 3), (5, 6)]


def test_scifact_corpus_mismatch(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"doc_id": 14717500, "title": "t", "abstract": ["one"]}) + "\n",
                      encoding="utf-8")
    with pytest.raises(ValueError, match="no sentence"):
        load_scifact(DATA / "scifact" / "claims_dev.jsonl", corpus, limit=2)


# ---- the real files, a few rows each ---------------------------------------------------------


@needs_shared
@pytest.mark.parametrize(
    "rel, labels",
    [
        ("healthver/healthver_dev.csv", {Label.SUPPORTED, Label.CONTRADICTED, Label.NOT_FOUND}),
        ("fever-symmetric/fever_symmetric_dev.jsonl", {Label.SUPPORTED, Label.CONTRADICTED}),
        ("vitaminc/vitaminc_synthetic.zip", {Label.SUPPORTED, Label.CONTRADICTED}),
        ("vitaminc/vitaminc_real.zip", {Label.SUPPORTED, Label.CONTRADICTED, Label.NOT_FOUND}),
        ("covid-fact/COVIDFACT_dataset.jsonl", {Label.SUPPORTED, Label.CONTRADICTED}),
        ("covid-fact/RTE-covidfact/dev.tsv", {Label.SUPPORTED, Label.CONTRADICTED}),
        ("covid-fact/RTE-covidfact/test.tsv", {Label.SUPPORTED, Label.CONTRADICTED}),
        ("climate-fever/climate-fever.jsonl",
         {Label.SUPPORTED, Label.CONTRADICTED, Label.NOT_FOUND}),
    ],
)
def test_real_files_load(rel: str, labels: set[Label]) -> None:
    got = load_pairs(SHARED / rel, limit=200)
    assert len(got) == 200
    assert {e.label for e in got} <= labels
    assert all(e.claim and e.evidence for e in got)
    assert len({e.id for e in got}) == 200


@needs_shared
def test_real_scifact_dev() -> None:
    claims, corpus = load_scifact(SHARED / "scifact/claims_dev.jsonl",
                                  SHARED / "scifact/corpus.jsonl", limit=50)
    assert len(claims) == 50 and len(corpus) == 5183
    assert {c.label for c in claims} == {Label.SUPPORTED, Label.CONTRADICTED, Label.NOT_FOUND}


def test_cached_scifact_corpus_is_written_once_per_content(tmp_path: Path) -> None:
    src = tmp_path / "corpus.jsonl"
    src.write_text(json.dumps({"doc_id": 1, "title": "t", "abstract": ["A.", "B."]}) + "\n",
                   encoding="utf-8")
    corpus = {"1": SciFactDoc("1", "t", ("A.", "B."))}
    index_dir = tmp_path / "index"
    first = cached_scifact_corpus(corpus, src, index_dir)
    assert first.parent.parent == tmp_path / "index-scifact-corpus"  # beside the index
    assert json.loads(first.read_text(encoding="utf-8"))["text"] == "A.\n\nB."
    mtime = first.stat().st_mtime_ns
    assert cached_scifact_corpus(corpus, src, index_dir) == first
    assert first.stat().st_mtime_ns == mtime  # reused, not rewritten
    src.write_text(src.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cached_scifact_corpus(corpus, src, index_dir) != first  # new content, new file
