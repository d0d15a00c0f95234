"""Exceptions the library raises; the CLI turns each into a one-line message and exit code."""

from __future__ import annotations


class VerifierError(Exception):
    """Base class: a problem the user can fix; the message says how."""


class CorpusError(VerifierError):
    """The corpus path is missing, empty or unreadable."""


class IndexError_(VerifierError):
    """The persisted index is stale, foreign or corrupt and could not be rebuilt."""


class InvalidClaimError(VerifierError):
    """A claim is empty, whitespace-only or too long."""


class ModelError(VerifierError):
    """A bundled model is missing or cannot be loaded."""
