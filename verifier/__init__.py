"""Offline fact-checking claim verifier."""

from __future__ import annotations

from verifier.types import (
    Citation,
    Document,
    Finding,
    Hit,
    Label,
    NLIScores,
    Passage,
    Sentence,
    SentenceKind,
    Stance,
    Verdict,
)

__version__ = "0.1.0"

__all__ = [
    "Citation",
    "Document",
    "Finding",
    "Hit",
    "Label",
    "NLIScores",
    "Passage",
    "Sentence",
    "SentenceKind",
    "Stance",
    "Verdict",
    "__version__",
]
