"""Evaluation: benchmark loaders, metrics, runners and reports (``verifier bench`` uses these).

>>> from verifier.evaluation import load_pairs, evaluate_pairs, write_report  # doctest: +SKIP
>>> metrics, rows = evaluate_pairs(Verifier(corpus=None), load_pairs(path, limit=200))
>>> write_report(metrics, rows, Path("benchmarks/results/healthver"))
"""

from __future__ import annotations

from verifier.evaluation.labels import map_gold_label
from verifier.evaluation.loaders import (
    ClaimExample,
    ExampleList,
    GoldEvidence,
    SciFactClaim,
    SciFactDoc,
    cached_scifact_corpus,
    load_claims_csv,
    load_climate_fever,
    load_covid_fact,
    load_fever_jsonl,
    load_healthver_csv,
    load_pairs,
    load_scifact,
    load_scifact_claims,
    load_scifact_corpus,
    load_vitaminc,
    write_scifact_corpus,
)
from verifier.evaluation.metrics import (
    LABELS,
    accuracy,
    classification_report,
    confusion_matrix,
    ece,
    ndcg_at_k,
    recall_at_k,
    reliability_bins,
    scifact_gold,
    scifact_metrics,
)
from verifier.evaluation.report import environment_info, write_report
from verifier.evaluation.runner import (
    citation_overlaps,
    citation_sentences,
    evaluate_claims,
    evaluate_pairs,
    evaluate_scifact,
    forced_label,
    run_benchmark,
    scifact_doc_id,
    verdict_to_scifact,
)

__all__ = [
    "LABELS",
    "ClaimExample",
    "ExampleList",
    "GoldEvidence",
    "SciFactClaim",
    "SciFactDoc",
    "accuracy",
    "cached_scifact_corpus",
    "citation_overlaps",
    "citation_sentences",
    "classification_report",
    "confusion_matrix",
    "ece",
    "environment_info",
    "evaluate_claims",
    "evaluate_pairs",
    "evaluate_scifact",
    "forced_label",
    "load_claims_csv",
    "load_climate_fever",
    "load_covid_fact",
    "load_fever_jsonl",
    "load_healthver_csv",
    "load_pairs",
    "load_scifact",
    "load_scifact_claims",
    "load_scifact_corpus",
    "load_vitaminc",
    "map_gold_label",
    "ndcg_at_k",
    "recall_at_k",
    "reliability_bins",
    "run_benchmark",
    "scifact_doc_id",
    "scifact_gold",
    "scifact_metrics",
    "verdict_to_scifact",
    "write_report",
    "write_scifact_corpus",
]
