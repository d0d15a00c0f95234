"""Consistency checks: small rule-based judges that back up (or overrule) the NLI model.

Each module exposes ``check(claim, evidence, claim_doc=None, evidence_doc=None) -> Finding``
with status ``agree``, ``conflict`` or ``not_applicable``. A check reports ``conflict`` only
when the claim and the passage speak about the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from verifier.checks import antonyms, contrast, dates, entities, negation, numbers, roles
from verifier.checks.common import decleft, parse
from verifier.types import Finding

CHECKS: dict[str, Callable[..., Finding]] = {
    "numbers": numbers.check,
    "dates": dates.check,
    "entities": entities.check,
    "negation": negation.check,
    "antonyms": antonyms.check,
    "roles": roles.check,
    "contrast": contrast.check,
}


def select(only: Iterable[str] | None = None, without: Iterable[str] = ()) -> list[str]:
    """The names of the checks to run, in registry order: those in ``only`` (default all)
    minus those in ``without``. Raises ``ValueError`` naming any unknown check."""
    only = list(CHECKS) if only is None else list(only)
    without = list(without)
    unknown = sorted(set(only + without) - set(CHECKS))
    if unknown:
        raise ValueError(f"unknown check(s) {', '.join(unknown)}; known: {', '.join(CHECKS)}")
    return [c for c in CHECKS if c in only and c not in without]


def run_checks(claim: str, evidence: str, only: list[str] | None = None) -> list[Finding]:
    """Run every check (or those named in ``only``) on one claim and one passage (a cleft
    claim, "It was X that ...", is read as "X ...")."""
    cd, ed = parse(decleft(claim)), parse(evidence)
    return [fn(claim, evidence, cd, ed) for name, fn in CHECKS.items()
            if only is None or name in only]
