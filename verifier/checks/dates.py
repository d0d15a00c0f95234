"""Dates: years, decades, months, days and weekdays, including ranges ("from 1988 to 1994").

A conflict needs the same event: the claim and the passage share most content words (or the
date attaches to the same verb), the passage dates it, and no date of the passage matches.
"Last September" and "last year" carry no absolute year, so only their month is compared.
"""

from __future__ import annotations

import re

from verifier.checks.common import anchored, governing_verb, parse
from verifier.types import Finding

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def date_items(doc) -> dict[str, list[tuple[object, str, object]]]:  # noqa: ANN001
    """{'year': [(value_range, text, token)], 'month': ..., 'day': ..., 'weekday': ...}"""
    out: dict[str, list] = {"year": [], "month": [], "day": [], "weekday": []}
    toks = list(doc)
    for i, t in enumerate(toks):
        low = t.lower_
        if re.fullmatch(r"(18|19|20)\d\d", t.text):
            y = int(t.text)
            out["year"].append(((y, y), t.text, t))
        elif re.fullmatch(r"(18|19|20)\d0s", t.text):
            y = int(t.text[:4])
            out["year"].append(((y, y + 9), t.text, t))
        elif low in MONTHS and (t.text[0].isupper()) and not (low == "may" and t.pos_ == "AUX"):
            out["month"].append((MONTHS.index(low), t.text, t))
            if i + 1 < len(toks) and re.fullmatch(r"\d{1,2}", toks[i + 1].text):
                out["day"].append(((MONTHS.index(low), int(toks[i + 1].text)),
                                   f"{t.text} {toks[i + 1].text}", t))
        elif low in WEEKDAYS:
            out["weekday"].append((WEEKDAYS.index(low), t.text, t))
    return out


def _match(kind: str, a: object, b: object) -> bool:
    if kind == "year":
        (a0, a1), (b0, b1) = a, b  # type: ignore[misc]
        return a0 <= b1 and b0 <= a1
    return a == b


def check(claim: str, evidence: str, claim_doc=None, evidence_doc=None) -> Finding:  # noqa: ANN001
    cd = claim_doc if claim_doc is not None else parse(claim)
    ed = evidence_doc if evidence_doc is not None else parse(evidence)
    ci, ei = date_items(cd), date_items(ed)
    if not any(ci.values()) or not any(ei.values()):
        return Finding("dates", "not_applicable")
    same_topic = anchored(cd, ed, 0.5)
    agreed = []
    for kind in ("day", "year", "month", "weekday"):
        for value, text, tok in ci[kind]:
            if not ei[kind]:
                continue
            if any(_match(kind, value, v) for v, _, _ in ei[kind]):
                agreed.append(text)
                continue
            verb = governing_verb(tok).lemma_.lower()
            same_verb = any(governing_verb(t).lemma_.lower() == verb for _, _, t in ei[kind])
            if kind == "month" and ci["day"] and ei["day"]:
                continue  # judged as a day
            if same_topic or same_verb:
                other = ei[kind][0][1]
                return Finding("dates", "conflict", f"'{text}' vs '{other}'",
                               claim_span=text, evidence_span=other)
    if agreed:
        return Finding("dates", "agree", ", ".join(agreed), claim_span=agreed[0])
    return Finding("dates", "not_applicable")
