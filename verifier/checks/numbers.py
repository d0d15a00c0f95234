"""Numbers and quantities, with hedges.

"nearly 2,000" and "about two thousand" agree (their ranges overlap); "more than 2,000" and
"around 5,000" do not agree with "nearly 2,000". Quantities are compared only when they count
the same thing (same head noun), so a mismatch about something else never fires. Years are
left to the dates check.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from verifier.checks.common import parse
from verifier.types import Finding

WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a": 1, "half": 0.5,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# hedge -> (low factor, high factor, low open, high open)
HEDGES = {
    "nearly": (0.8, 1.0, False, True), "almost": (0.8, 1.0, False, True),
    "about": (0.8, 1.2, False, False), "around": (0.8, 1.2, False, False),
    "roughly": (0.8, 1.2, False, False), "approximately": (0.8, 1.2, False, False),
    "some": (0.8, 1.2, False, False), "circa": (0.8, 1.2, False, False),
    "over": (1.0, math.inf, True, False), "more": (1.0, math.inf, True, False),
    "least": (1.0, math.inf, False, False), "above": (1.0, math.inf, True, False),
    "exceeding": (1.0, math.inf, True, False),
    "under": (0.0, 1.0, False, True), "fewer": (0.0, 1.0, False, True),
    "less": (0.0, 1.0, False, True), "below": (0.0, 1.0, False, True),
    "up": (0.0, 1.0, False, False), "most": (0.0, 1.0, False, False),
}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"}


@dataclass(frozen=True)
class Quantity:
    value: float
    low: float
    high: float
    head: str  # lemma of the counted noun
    text: str

    def overlaps(self, other: Quantity) -> bool:
        return self.low <= other.high and other.low <= self.high


def _token_value(t) -> float | None:  # noqa: ANN001
    s = t.text.lower().replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", s):
        return float(s)
    if s in WORDS and (s not in {"a", "half"}):
        return float(WORDS[s])
    return None


def is_year(t) -> bool:  # noqa: ANN001
    return bool(re.fullmatch(r"(18|19|20)\d\d", t.text))


def quantities(doc) -> list[Quantity]:  # noqa: ANN001
    out: list[Quantity] = []
    i = 0
    toks = list(doc)
    while i < len(toks):
        t = toks[i]
        v = _token_value(t)
        if v is None or is_year(t) or (i > 0 and toks[i - 1].lower_ in MONTHS) or \
                (i + 1 < len(toks) and toks[i + 1].lower_ in MONTHS):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and (toks[j].lower_ in SCALES or _token_value(toks[j]) is not None
                                 and toks[j].lower_ in WORDS):
            if toks[j].lower_ in SCALES:
                v *= SCALES[toks[j].lower_]
            else:
                v += float(WORDS[toks[j].lower_])
            j += 1
        last = toks[j - 1]
        head = last.head if last.head.i != last.i else last
        # The counted noun is normally just right of the number ("four frontier villages");
        # prefer that over the parse, which sometimes attaches numbers oddly.
        k = j
        while k < len(toks) and k < j + 4 and toks[k].pos_ in {"ADJ", "NOUN", "PROPN"}:
            if toks[k].pos_ in {"NOUN", "PROPN"}:
                head = toks[k]
                if toks[k].dep_ != "compound":
                    break
            k += 1
        if j < len(toks) and toks[j].lower_ == "%" or (j < len(toks) and toks[j].lower_ == "percent"):
            head_lemma = "percent"
        else:
            head_lemma = head.lemma_.lower()
        lo, hi = v, v
        prev = [x.lower_ for x in toks[max(0, i - 2): i]]
        hedge_at = i
        for k, h in reversed(list(enumerate(prev))):
            if h in HEDGES:
                hedge_at = i - len(prev) + k
                fl, fh, _, _ = HEDGES[h]
                lo, hi = v * fl, (v * fh if fh != math.inf else math.inf)
                if h in {"over", "more", "above", "exceeding"}:
                    lo = v * 1.0001
                if h in {"under", "fewer", "less", "below", "nearly", "almost"}:
                    hi = v * 0.9999 if h not in {"nearly", "almost"} else v * 0.99999
                break
        span = doc[hedge_at:j].text
        out.append(Quantity(v, lo, hi, head_lemma, span))
        i = j
    return out


def _same_thing(a: Quantity, b: Quantity) -> bool:
    if a.head == b.head:
        return True
    from rapidfuzz import fuzz

    return fuzz.ratio(a.head, b.head) >= 85


def check(claim: str, evidence: str, claim_doc=None, evidence_doc=None) -> Finding:  # noqa: ANN001
    cd = claim_doc if claim_doc is not None else parse(claim)
    ed = evidence_doc if evidence_doc is not None else parse(evidence)
    cq, eq = quantities(cd), quantities(ed)
    if not cq or not eq:
        return Finding("numbers", "not_applicable")
    agrees = []
    for q in cq:
        same = [e for e in eq if _same_thing(q, e)]
        if not same:
            continue
        if any(q.overlaps(e) for e in same):
            agrees.append(q)
            continue
        e = same[0]
        return Finding("numbers", "conflict", f"'{q.text}' vs '{e.text}' ({q.head})",
                       claim_span=q.text, evidence_span=e.text)
    if agrees:
        return Finding("numbers", "agree", ", ".join(q.text for q in agrees),
                       claim_span=agrees[0].text)
    return Finding("numbers", "not_applicable")
