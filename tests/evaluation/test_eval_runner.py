"""Runners with stand-in verifiers (the real one is beside the point here)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from verifier.errors import InvalidClaimError
from verifier.evaluation.loaders import ClaimExample, ExampleList, SciFactDoc, load_scifact
from verifier.evaluation.runner import (
    citation_overlaps,
    citation_sentences,
    evaluate_claims,
    evaluate_pairs,
    evaluate_scifact,
    forced_label,
    verdict_to_scifact,
)
from verifier.types import Citation, Label, NLIScores, Stance, Verdict

S, C, N = Label.SUPPORTED, Label.CONTRADICTED, Label.NOT_FOUND
DATA = Path(__file__).resolve().parents[1] / "data" / "eval"


def cite(text: str, stance: Stance = Stance.SUPPORTS, doc_id: str = "d", start: int = 0,
         end: int | None = None) -> Citation:
    return Citation(doc_id, doc_id, start, len(text) if end is None else end, text, stance, 0.9)


class Table:
    """Answers from a dict claim -> Verdict; raises InvalidClaimError for unknown claims."""

    def __init__(self, answers: dict[str, Verdict]) -> None:
        self.answers = answers
        self.calls: list[list] = []

    def _get(self, claim: str) -> Verdict:
        if claim not in self.answers:
            raise InvalidClaimError(f"bad claim {claim!r}")
        return self.answers[claim]

    def check_many(self, claims: Sequence[str]) -> list[Verdict]:
        self.calls.append(list(claims))
        return [self._get(c) for c in claims]

    def check_pairs(self, pairs: Sequence[tuple[str, list[str]]]) -> list[Verdict]:
        self.calls.append(list(pairs))
        return [self._get(c) for c, _ in pairs]


def test_evaluate_claims_metrics_rows_and_citation_overlap() -> None:
    examples = ExampleList([
        ClaimExample("1", "a", S, ("The sky is blue during the day.",)),
        ClaimExample("2", "b", C, ("Cats are reptiles.",)),
        ClaimExample("3", "c", N),
        ClaimExample("4", "d", S, ("Water boils at 100 C.",)),
        ClaimExample("5", "", S),
    ], skipped={"DISPUTED": 3})
    v = Table({
        "a": Verdict("a", S, 0.9, (cite("the sky is blue during the day"),)),
        "b": Verdict("b", C, 0.8, (cite("Penguins are birds.", Stance.CONTRADICTS),)),
        "c": Verdict("c", S, 0.6),
        "d": Verdict("d", N, 0.3, versions={"nli_model": "x@1"}),
    })
    metrics, rows = evaluate_claims(v, examples, progress=False, task="toy")
    assert metrics["task"] == "toy" and metrics["n"] == 5
    assert metrics["accuracy"] == pytest.approx(2 / 5)
    assert metrics["errors"] == 1 and rows[4]["error"] and rows[4]["pred"] == "NOT_FOUND"
    assert metrics["confusion_matrix"]["matrix"] == [[1, 0, 2], [0, 1, 0], [1, 0, 0]]
    assert set(metrics["per_label"]["SUPPORTED"]) >= {"precision", "recall", "f1"}
    assert metrics["citation"]["judged"] == 2 and metrics["citation"]["overlapping"] == 1
    assert metrics["citation"]["overlap_rate"] == 0.5
    assert rows[0]["citation_overlaps_gold"] is True and rows[1]["citation_overlaps_gold"] is False
    assert metrics["claims_per_s"] > 0 and 0 <= metrics["ece"] <= 1
    assert metrics["skipped"] == {"DISPUTED": 3}
    assert metrics["versions"] == {}  # taken from the first verdict
    assert "cores" in metrics["environment"] and "macro_f1" in metrics
    assert evaluate_claims(v, examples, limit=2, progress=False)[0]["n"] == 2


def test_citation_overlap_rule() -> None:
    assert citation_overlaps("Water boils at 100 C", ["At sea level, water boils at 100 C."])
    assert citation_overlaps("At sea level, water boils at 100 C. More text here.",
                             ["water boils at 100 C"])
    assert citation_overlaps("water boils at 100 degrees C", ["water boils at 100 C"])
    assert not citation_overlaps("Penguins are birds.", ["Cats are reptiles."])
    assert not citation_overlaps("", ["x"])


@dataclass(frozen=True)
class ScoredVerdict(Verdict):
    nli: NLIScores | None = None


@dataclass(frozen=True)
class ForcedVerdict(Verdict):
    forced_label: str | None = None


def test_forced_label_rules() -> None:
    assert forced_label(Verdict("x", C, 0.9)) is C
    assert forced_label(ForcedVerdict("x", N, 0.5, forced_label="SUPPORTED")) is S
    assert forced_label(ScoredVerdict("x", N, 0.5, nli=NLIScores(0.5, 0.3, 0.2))) is S
    assert forced_label(ScoredVerdict("x", N, 0.5, nli=NLIScores(0.2, 0.3, 0.5))) is C
    assert forced_label(Verdict("x", N, 0.5)) is C  # no scores: not established


def test_evaluate_pairs_binary_reports_forced_accuracy() -> None:
    examples = [ClaimExample("1", "a", S, ("e1",)), ClaimExample("2", "b", C, ("e2",)),
                ClaimExample("3", "c", S, ("e3",)), ClaimExample("4", "d", C, ("e4",))]
    v = Table({
        "a": Verdict("a", S, 0.9),
        "b": Verdict("b", N, 0.5),
        "c": ScoredVerdict("c", N, 0.5, nli=NLIScores(0.6, 0.3, 0.1)),
        "d": Verdict("d", S, 0.7),
    })
    metrics, rows = evaluate_pairs(v, examples, progress=False)
    assert v.calls[0][0] == ("a", ["e1"])
    assert metrics["accuracy"] == 0.25
    assert metrics["binary"] and metrics["accuracy_forced"] == 0.75
    assert metrics["not_found_rate"] == 0.5
    assert [r["forced"] for r in rows] == ["SUPPORTED", "CONTRADICTED", "SUPPORTED", "SUPPORTED"]
    assert metrics["forced"]["confusion_matrix"]["labels"] == ["SUPPORTED", "CONTRADICTED"]


def test_evaluate_pairs_three_way_has_no_forced_accuracy() -> None:
    examples = [ClaimExample("1", "a", N, ("e",))]
    metrics, _ = evaluate_pairs(Table({"a": Verdict("a", N, 0.9)}), examples, progress=False)
    assert metrics["accuracy"] == 1.0 and "accuracy_forced" not in metrics


def test_citation_sentences_from_offsets_or_index() -> None:
    _, corpus = load_scifact(DATA / "scifact/claims_dev.jsonl", DATA / "scifact/corpus.jsonl")
    doc = corpus["14717500"]
    a, b = doc.spans[5]
    assert citation_sentences(cite(doc.sentences[5], start=a, end=b), doc) == [5]
    a2 = doc.spans[2][0]
    assert citation_sentences(cite("x", start=a2, end=b), doc) == [2, 3, 4, 5]

    @dataclass(frozen=True)
    class Indexed(Citation):
        sentence_index: int = 0

    c = Indexed("d", "d", 0, 1, "x", Stance.SUPPORTS, 0.9, sentence_index=7)
    assert citation_sentences(c, doc) == [7]


def _sent_cite(doc: SciFactDoc, i: int, stance: Stance) -> Citation:
    a, b = doc.spans[i]
    return Citation(f"scifact.jsonl#{doc.doc_id}", "scifact.jsonl", a, b, doc.sentences[i],
                    stance, 0.9)


def test_evaluate_scifact_end_to_end_with_stand_in() -> None:
    claims, corpus = load_scifact(DATA / "scifact/claims_dev.jsonl", DATA / "scifact/corpus.jsonl")
    by_id = {c.id: c for c in claims}
    d3, d42 = corpus["14717500"], corpus["18174210"]
    answers = {
        # claim 3: gold sets [2, 5] and [7] in 14717500; cite 7 then 2 (set [2, 5] incomplete)
        by_id["3"].claim: Verdict(by_id["3"].claim, S, 0.9, (
            _sent_cite(d3, 7, Stance.SUPPORTS), _sent_cite(d3, 2, Stance.SUPPORTS),
            _sent_cite(d42, 0, Stance.CONTRADICTS))),  # mixed-stance citation: ignored
        # claim 42: gold CONTRADICT [1, 9], [10]; predicted SUPPORT -> selection only
        by_id["42"].claim: Verdict(by_id["42"].claim, S, 0.6, (
            _sent_cite(d42, 10, Stance.SUPPORTS),)),
    }
    for c in claims:
        answers.setdefault(c.claim, Verdict(c.claim, N, 0.5, (
            _sent_cite(d3, 0, Stance.NOT_EVIDENCE),)))
    metrics, rows = evaluate_scifact(Table(answers), claims, corpus, progress=False)
    assert metrics["predictions"]["3"] == {"14717500": {"label": "SUPPORT", "sentences": [7, 2]}}
    assert metrics["predictions"]["42"] == {"18174210": {"label": "SUPPORT", "sentences": [10]}}
    assert metrics["predictions"]["1"] == {}
    sci = metrics["scifact"]
    # gold pairs: claims 3, 5, 42 -> 3; predicted docs: 2; correct label: claim 3 only
    assert (sci["abstract_label_only"]["correct"], sci["abstract_label_only"]["predicted"],
            sci["abstract_label_only"]["gold"]) == (1, 2, 3)
    assert sci["abstract_label_rationale"]["correct"] == 1
    # gold sentences: 3 + 1 + 3 = 7; predicted 3; selection: 7 and 10; with label: 7
    assert (sci["sentence_selection"]["correct"], sci["sentence_selection"]["predicted"],
            sci["sentence_selection"]["gold"]) == (2, 3, 7)
    assert sci["sentence_selection_label"]["correct"] == 1
    # claim-level 3-way: 1, 13, 36 NEI correct; 3 correct; 5 and 42 wrong
    assert metrics["accuracy"] == pytest.approx(4 / 6)
    assert rows[1]["gold_docs"] == ["14717500"]


def test_verdict_to_scifact_ignores_unknown_docs_and_dedupes() -> None:
    _, corpus = load_scifact(DATA / "scifact/claims_dev.jsonl", DATA / "scifact/corpus.jsonl")
    d = corpus["13734012"]
    v = Verdict("x", C, 0.9, (_sent_cite(d, 4, Stance.CONTRADICTS),
                              _sent_cite(d, 4, Stance.CONTRADICTS),
                              Citation("other.jsonl#999", "o", 0, 1, "x", Stance.CONTRADICTS, 1)))
    assert verdict_to_scifact(v, corpus) == {"13734012": {"label": "CONTRADICT",
                                                          "sentences": [4]}}
