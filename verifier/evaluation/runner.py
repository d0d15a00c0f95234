"""Run a verifier over a benchmark and score it.

Three settings, so retrieval errors and verdict errors can be told apart:

* :func:`evaluate_claims`: claims against the verifier's corpus (``check_many``); scores the
  verdict and whether the first citation overlaps the gold evidence.
* :func:`evaluate_pairs`: claims with their gold evidence (``check_pairs``, oracle evidence).
* :func:`evaluate_scifact`: SciFact claims against the SciFact corpus; verdict citations become
  SciFact predictions (doc id + sentence indices) scored with the official metrics.

:func:`run_benchmark` loads a benchmark file, builds the verifier for it and runs one of the
three (what ``verifier bench`` does).

The verifier is anything with ``check_many(list[str]) -> list[Verdict]`` (and
``check_pairs(list[(claim, list[str])]) -> list[Verdict]`` for pairs).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from verifier.errors import InvalidClaimError
from verifier.evaluation.labels import map_gold_label
from verifier.evaluation.loaders import (
    ClaimExample,
    SciFactClaim,
    SciFactDoc,
    cached_scifact_corpus,
    load_claims_csv,
    load_pairs,
    load_scifact,
)
from verifier.evaluation.metrics import (
    LABELS,
    classification_report,
    ece,
    reliability_bins,
    scifact_gold,
    scifact_metrics,
)
from verifier.evaluation.report import environment_info
from verifier.types import Label, Stance, Verdict

log = logging.getLogger(__name__)

OVERLAP_THRESHOLD = 80.0  # rapidfuzz partial_ratio, 0-100
CHUNK = 32  # claims per verifier call: big enough to batch, small enough for a live progress bar


TASKS = ("claims", "scifact", "pairs")


def run_benchmark(
    task: str,
    path: Path,
    *,
    corpus: Path = Path("corpus"),
    index_dir: Path | None = None,
    checks: Collection[str] | None = None,
    retrieval: str = "hybrid",
    limit: int | None = None,
    scifact_corpus: Path | None = None,
    progress: bool = False,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Evaluate a new ``Verifier`` on the benchmark file ``path`` for ``task`` (one of
    ``TASKS``): a claims CSV against ``corpus``, SciFact claims against the SciFact corpus
    (``scifact_corpus``, default ``corpus.jsonl`` beside ``path``, indexed once and cached) or
    claims with their gold evidence. ``checks``: the consistency checks to run (None: all;
    empty: none, the NLI-only ablation). Returns (metrics with the run's settings and the
    versions of the models and index used, one row per example)."""
    from verifier.verify import Verifier

    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}: use one of {', '.join(TASKS)}")
    use_checks = checks is None or bool(checks)
    options = {"use_checks": use_checks, "checks": list(checks) if checks is not None else None}
    settings: dict[str, Any] = {"task": task, "path": str(path),
                                "retrieval": None if task == "pairs" else retrieval,
                                "checks": list(checks) if checks is not None else None,
                                "limit": limit, "corpus": None}
    if task == "claims":
        settings["corpus"] = str(corpus)
        verifier = Verifier(corpus, index_dir=index_dir, retrieval_mode=retrieval,
                            progress=progress, **options)
        metrics, rows = evaluate_claims(verifier, load_claims_csv(path, limit), task=task)
    elif task == "scifact":
        sf_path = scifact_corpus or path.parent / "corpus.jsonl"
        if not sf_path.is_file():
            raise ValueError(f"{sf_path}: no SciFact corpus; pass --scifact-corpus PATH")
        claims, docs = load_scifact(path, sf_path, limit)
        settings["corpus"] = str(sf_path)
        settings["corpus_documents"] = len(docs)
        verifier = Verifier(cached_scifact_corpus(docs, sf_path, index_dir), index_dir=index_dir,
                            retrieval_mode=retrieval, progress=progress, **options)
        metrics, rows = evaluate_scifact(verifier, claims, docs, task=task)
    else:
        verifier = Verifier(corpus=None, **options)
        metrics, rows = evaluate_pairs(verifier, load_pairs(path, limit), task=task)
    metrics["settings"] = settings
    metrics.setdefault("versions", {}).update(verifier.versions)
    return metrics, rows


# ---- claims against the corpus ----------------------------------------------------------------


def evaluate_claims(
    verifier: Any,
    examples: Sequence[ClaimExample],
    limit: int | None = None,
    progress: bool = True,
    task: str = "claims",
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Verify each example's claim against the corpus and score the verdicts.

    Besides the classification metrics, ``metrics["citation"]`` reports, among correct
    SUPPORTED/CONTRADICTED verdicts on examples that have gold evidence, the share whose first
    citation overlaps a gold evidence text (substring either way, or rapidfuzz
    ``partial_ratio`` >= 80).
    """
    skipped = _skipped(examples)
    examples = list(examples)[:limit] if limit is not None else list(examples)
    start = time.perf_counter()
    verdicts, errors = _run(lambda chunk: verifier.check_many([e.claim for e in chunk]),
                            examples, progress, f"{task}: verifying")
    seconds = time.perf_counter() - start

    rows = []
    judged = overlapping = 0
    for ex, v in zip(examples, verdicts):
        row = _row(ex, v)
        row["citation_overlaps_gold"] = None
        if v is not None and row["correct"] and v.label is not Label.NOT_FOUND and ex.evidence:
            judged += 1
            hit = bool(v.citations) and citation_overlaps(v.citations[0].text, ex.evidence)
            overlapping += hit
            row["citation_overlaps_gold"] = hit
        rows.append(row)

    metrics = _base_metrics(task, rows, seconds, verdicts, errors)
    metrics["skipped"] = skipped
    metrics["citation"] = {
        "judged": judged,
        "overlapping": overlapping,
        "overlap_rate": overlapping / judged if judged else None,
        "threshold": OVERLAP_THRESHOLD,
    }
    return metrics, rows


def citation_overlaps(citation: str, evidence: Sequence[str],
                      threshold: float = OVERLAP_THRESHOLD) -> bool:
    """Whether a cited text and any gold evidence text are the same passage, loosely: one
    contains the other (whitespace and case normalised) or partial_ratio >= ``threshold``."""
    c = " ".join(citation.lower().split())
    if not c:
        return False
    for ev in evidence:
        e = " ".join(ev.lower().split())
        if not e:
            continue
        if c in e or e in c or fuzz.partial_ratio(c, e) >= threshold:
            return True
    return False


# ---- oracle evidence --------------------------------------------------------------------------


def forced_label(verdict: Verdict) -> Label:
    """SUPPORTED or CONTRADICTED for a binary benchmark (one without NOT_FOUND gold).

    1. ``verdict.forced_label`` when the verdict object has one (a backend that knows best);
    2. the verdict's own label when it is SUPPORTED or CONTRADICTED;
    3. for NOT_FOUND, NLI scores from ``verdict.nli`` or ``verdict.scores`` (an object or a
       dict with ``entailment`` and ``contradiction``): SUPPORTED if entailment >
       contradiction, else CONTRADICTED;
    4. NOT_FOUND without scores -> CONTRADICTED: in these sets (FEVER-Symmetric, VitaminC
       synthetic, COVID-Fact) the negative class is "the evidence does not back the claim",
       as in RTE's not_entailment, and the verifier failed to establish support.
    """
    forced = getattr(verdict, "forced_label", None)
    if forced is not None:
        return map_gold_label(forced)
    if verdict.label is not Label.NOT_FOUND:
        return verdict.label
    for name in ("nli", "scores"):
        scores = getattr(verdict, name, None)
        if scores is None:
            continue
        ent, con = _score(scores, "entailment"), _score(scores, "contradiction")
        if ent is not None and con is not None:
            return Label.SUPPORTED if ent > con else Label.CONTRADICTED
    return Label.CONTRADICTED


def evaluate_pairs(
    verifier: Any,
    examples: Sequence[ClaimExample],
    limit: int | None = None,
    progress: bool = True,
    task: str = "pairs",
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Verify each claim against its own gold evidence (``check_pairs``).

    For a binary set (no NOT_FOUND gold) the metrics also carry ``accuracy_forced`` (each
    prediction forced to SUPPORTED/CONTRADICTED by :func:`forced_label`), its report under
    ``forced``, and ``not_found_rate``.
    """
    skipped = _skipped(examples)
    examples = list(examples)[:limit] if limit is not None else list(examples)
    start = time.perf_counter()
    verdicts, errors = _run(
        lambda chunk: verifier.check_pairs([(e.claim, list(e.evidence)) for e in chunk]),
        examples, progress, f"{task}: verifying pairs",
    )
    seconds = time.perf_counter() - start
    rows = [_row(ex, v) for ex, v in zip(examples, verdicts)]
    metrics = _base_metrics(task, rows, seconds, verdicts, errors)
    metrics["skipped"] = skipped
    metrics["oracle_evidence"] = True
    binary = bool(examples) and all(e.label is not Label.NOT_FOUND for e in examples)
    metrics["binary"] = binary
    if binary:
        forced = [forced_label(v) if v is not None else Label.CONTRADICTED for v in verdicts]
        for row, f in zip(rows, forced):
            row["forced"] = f.value
        gold = [e.label for e in examples]
        labels = (Label.SUPPORTED, Label.CONTRADICTED)
        report = classification_report(gold, forced, labels)
        metrics["accuracy_forced"] = report["accuracy"]
        metrics["forced"] = report
        metrics["not_found_rate"] = sum(r["pred"] == Label.NOT_FOUND.value for r in rows) / len(
            rows)
    return metrics, rows


# ---- SciFact --------------------------------------------------------------------------------


def scifact_doc_id(citation_doc_id: str) -> str:
    """The SciFact doc id in a corpus doc id: ``"corpus.jsonl#4983"`` -> ``"4983"``."""
    return str(citation_doc_id).rsplit("#", 1)[-1]


def citation_sentences(citation: Any, doc: SciFactDoc) -> list[int]:
    """Sentence indices of ``doc`` a citation covers.

    ``citation.sentence_index`` (an int) or ``citation.sentence_indices`` (ints) win when
    present; otherwise the citation's ``[start, end)`` offsets into ``doc.text`` pick every
    sentence whose span they overlap (sentence *i* is paragraph *i* of ``doc.text``).
    """
    idx = getattr(citation, "sentence_indices", None)
    if idx is not None:
        return [int(i) for i in idx]
    idx = getattr(citation, "sentence_index", None)
    if idx is not None:
        return [int(idx)]
    start, end = int(citation.start), int(citation.end)
    hits = [i for i, (a, b) in enumerate(doc.spans) if a < end and start < b]
    if not hits and start == end:  # an empty span still sits inside one sentence
        hits = [i for i, (a, b) in enumerate(doc.spans) if a <= start <= b][:1]
    return hits


def verdict_to_scifact(
    verdict: Verdict,
    corpus: Mapping[str, SciFactDoc],
    doc_id_of: Callable[[str], str] = scifact_doc_id,
) -> dict[str, dict[str, Any]]:
    """One claim's SciFact prediction from its verdict.

    NOT_FOUND -> no documents. Otherwise each cited document whose citation stance agrees
    with the verdict gets the verdict's label (SUPPORT / CONTRADICT) and the cited sentences,
    in citation order (which matters: abstract-level scoring reads the first three).
    Citations to documents not in ``corpus`` are ignored.
    """
    if verdict.label is Label.NOT_FOUND:
        return {}
    label = "SUPPORT" if verdict.label is Label.SUPPORTED else "CONTRADICT"
    stance = Stance.SUPPORTS if verdict.label is Label.SUPPORTED else Stance.CONTRADICTS
    out: dict[str, dict[str, Any]] = {}
    for c in verdict.citations:
        if c.stance is not stance:
            continue
        doc = corpus.get(doc_id_of(c.doc_id))
        if doc is None:
            continue
        entry = out.setdefault(doc.doc_id, {"label": label, "sentences": []})
        for i in citation_sentences(c, doc):
            if i not in entry["sentences"]:
                entry["sentences"].append(i)
    return out


def evaluate_scifact(
    verifier: Any,
    claims: Sequence[SciFactClaim],
    corpus: Mapping[str, SciFactDoc],
    limit: int | None = None,
    progress: bool = True,
    task: str = "scifact",
    doc_id_of: Callable[[str], str] = scifact_doc_id,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Verify SciFact claims against a verifier whose corpus is the SciFact corpus (written
    with :func:`verifier.evaluation.loaders.write_scifact_corpus`).

    Metrics: the claim-level 3-way report (claim label vs verdict label), and under
    ``scifact`` the official abstract/sentence-level P/R/F1; ``predictions`` holds the
    predictions in the official shape.
    """
    claims = list(claims)[:limit] if limit is not None else list(claims)
    examples = [ClaimExample(c.id, c.claim, c.label) for c in claims]
    start = time.perf_counter()
    verdicts, errors = _run(lambda chunk: verifier.check_many([e.claim for e in chunk]),
                            examples, progress, f"{task}: verifying")
    seconds = time.perf_counter() - start
    rows, predictions = [], {}
    for c, ex, v in zip(claims, examples, verdicts):
        row = _row(ex, v)
        pred = verdict_to_scifact(v, corpus, doc_id_of) if v is not None else {}
        predictions[c.id] = pred
        row["predicted_docs"] = pred
        row["gold_docs"] = sorted(c.evidence)
        rows.append(row)
    metrics = _base_metrics(task, rows, seconds, verdicts, errors)
    metrics["scifact"] = scifact_metrics(scifact_gold(claims), predictions)
    metrics["predictions"] = predictions
    return metrics, rows


# ---- shared ---------------------------------------------------------------------------------


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i: i + size]


def _run(
    call: Callable[[Sequence[ClaimExample]], list[Verdict]],
    examples: Sequence[ClaimExample],
    progress: bool,
    desc: str,
) -> tuple[list[Verdict | None], int]:
    """Verdicts in example order. A chunk with an invalid claim is retried one by one; a claim
    the verifier rejects gets ``None`` (scored as NOT_FOUND) and is counted in ``errors``."""
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(examples), desc=desc, unit="claim")  # tqdm writes to stderr
    out: list[Verdict | None] = []
    errors = 0
    try:
        for chunk in _chunks(examples, CHUNK):
            try:
                got: list[Verdict | None] = list(call(chunk))
            except InvalidClaimError:
                got = []
                for ex in chunk:
                    try:
                        got.append(call([ex])[0])
                    except InvalidClaimError as e:
                        log.warning("example %s: %s", ex.id, e)
                        got.append(None)
                        errors += 1
            if len(got) != len(chunk):
                raise ValueError(f"verifier returned {len(got)} verdicts for {len(chunk)} claims")
            out.extend(got)
            if bar is not None:
                bar.update(len(chunk))
    finally:
        if bar is not None:
            bar.close()
    return out, errors


def _row(ex: ClaimExample, v: Verdict | None) -> dict[str, Any]:
    pred = v.label if v is not None else Label.NOT_FOUND
    return {
        "id": ex.id,
        "claim": ex.claim,
        "gold": ex.label.value,
        "pred": pred.value,
        "confidence": float(v.confidence) if v is not None else 0.0,
        "correct": pred is ex.label,
        "citation": v.citations[0].text if v is not None and v.citations else None,
        "error": v is None,
    }


def _base_metrics(
    task: str,
    rows: list[dict[str, Any]],
    seconds: float,
    verdicts: Sequence[Verdict | None],
    errors: int,
) -> dict[str, Any]:
    gold = [Label(r["gold"]) for r in rows]
    pred = [Label(r["pred"]) for r in rows]
    conf = [min(max(r["confidence"], 0.0), 1.0) for r in rows]
    correct = [r["correct"] for r in rows]
    metrics: dict[str, Any] = {"task": task, **classification_report(gold, pred, LABELS)}
    metrics["ece"] = ece(conf, correct) if rows else None
    metrics["reliability"] = reliability_bins(conf, correct)
    metrics["seconds"] = seconds
    metrics["claims_per_s"] = len(rows) / seconds if seconds > 0 else None
    metrics["errors"] = errors
    first = next((v for v in verdicts if v is not None), None)
    metrics["versions"] = dict(getattr(first, "versions", {}) or {})
    metrics["environment"] = environment_info()
    return metrics


def _skipped(examples: Any) -> dict[str, int]:
    """What the loader skipped (an ``ExampleList`` records it; a plain list skipped nothing)."""
    return dict(getattr(examples, "skipped", None) or {})


def _score(scores: Any, name: str) -> float | None:
    value = scores.get(name) if isinstance(scores, Mapping) else getattr(scores, name, None)
    return None if value is None else float(value)
