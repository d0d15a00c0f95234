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


def render_verdict(verdict, color: bool = True) -> str:  # noqa: ANN001 - Verdict
    """Human-readable verdict: label, confidence, cited quotes with places, explanation."""
    label = verdict.label.value
    head = typer.style(label, fg=_LABEL_STYLE[label], bold=True) if color else label
    spans: list[tuple[int, int]] = []
    try:
        from verifier.checks.highlight import mismatch_spans

        spans = mismatch_spans(verdict.claim, list(verdict.findings))
    except Exception:  # noqa: BLE001 - highlighting is cosmetic
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
    index_dir: Optional[Path] = typer.Option(
        None, "--index-dir", envvar="VERIFIER_INDEX_DIR",
        help="Where the index is kept (default: a cache directory per corpus).",
    ),
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

# ---- bench command ----

# ---- train-nli command ----


def run() -> None:
    try:
        app()
    except VerifierError as exc:  # pragma: no cover - typer handles most paths
        fail(str(exc))
