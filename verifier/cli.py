"""The `verifier` command line: parses arguments, calls the library, renders results.

Every command is a thin layer over the public API; library errors (``VerifierError``) become a
one-line message on stderr and exit code 1.
"""

from __future__ import annotations

import logging
import sys

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

# ---- batch command ----

# ---- bench command ----

# ---- train-nli command ----


def run() -> None:
    try:
        app()
    except VerifierError as exc:  # pragma: no cover - typer handles most paths
        fail(str(exc))
