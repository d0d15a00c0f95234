"""Explanations a person can read: why a claim got its label."""

from __future__ import annotations

from typing import TYPE_CHECKING

from verifier.types import Label

if TYPE_CHECKING:  # pragma: no cover
    from verifier.decision import Decision
    from verifier.verify import Evidence


def _quote(text: str, limit: int = 120) -> str:
    return f'"{text}"' if len(text) <= limit else f'"{text[: limit - 1]}…"'


# what a NOT_FOUND explanation adds, by the nearest passage's findings, most telling first
# (status, check or None for any, lead)
_WHY_NOT = (("absent", None, "The corpus never mentions"),
            ("missing", None, "It does not mention"),
            ("rough", None, "It gives only a rough figure for"),
            ("misplaced", "dates", "It gives this date to another event"),
            ("misplaced", "numbers", "It gives this count to another event"),
            ("undated", None, "The corpus never gives the date"),
            ("redated", None, "It gives another date than"),
            ("misplaced", "entities", "It names another owner"),
            ("unplaced", None, "It never names the place"),
            ("unnamed", None, "It never names as the doer"),
            ("unsaid", None, "It tells nothing said by"),
            ("unreal", None, "It tells this only as meant or expected"))


def explain(claim: str, d: Decision, evs: list[Evidence], lead: int | None = None) -> str:
    """One or two sentences saying what decided the label (``lead``: the first cited key)."""
    if d.label is Label.SUPPORTED:
        e = evs[lead if lead is not None else d.supporting[0]]
        msg = (f"The corpus states this: {_quote(e.passage.text)} "
               f"(entailment {e.nli.entailment:.2f}).")
    elif d.label is Label.CONTRADICTED:
        e = evs[lead if lead is not None else d.contradicting[0]]
        conflicts = [f for f in e.findings if f.status == "conflict"]
        if conflicts:
            why = "; ".join(f"{f.check}: {f.detail}" if f.detail else f.check for f in conflicts)
            msg = f"The corpus says otherwise ({why}): {_quote(e.passage.text)}."
        else:  # right about half as often as a check's conflict (``decision.basis``): say so
            msg = (f"The corpus says otherwise: {_quote(e.passage.text)} "
                   f"(contradiction {e.nli.contradiction:.2f}). No check found another figure, "
                   "date, name or a negation there: this rests on the model's reading alone.")
    else:
        if not evs:
            return "No passage of the corpus relates to this claim."
        best = max(evs, key=lambda e: e.relevance)
        msg = (
            "No passage of the corpus states or contradicts this "
            f"(best entailment {d.support_score:.2f}, best contradiction "
            f"{d.contradict_score:.2f}). Nearest passage: {_quote(best.passage.text)}."
        )
        for status, check, lead in _WHY_NOT:  # the first the nearest passage's findings give
            details = [f.detail for f in best.findings if f.status == status and f.detail
                       and check in (None, f.check)]
            if details:
                msg += f" {lead}: {'; '.join(details)}."
                break
    if d.mixed:
        msg += " Note: the corpus also holds evidence pointing the other way; both are cited."
    return msg
