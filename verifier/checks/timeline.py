"""How long a deed went on, from the dates a document gives its start and its end.

"The withdrawal, which began in April, ..." and, sentences later, "... was completed on June
12" put the withdrawal at 43 to 72 days. No one passage says so, so the per-passage checks
cannot judge "the Russian drawdown dragged on for around half a year" or "was over in less
than two weeks"; this module reads the whole document. A claimed length outside the possible
range conflicts; one that covers only part of it and not its middle ("lasted more than nine
weeks") can be neither confirmed nor refuted (``rough``); one that covers the middle is left
to the model.

Only a length told of a deed (:func:`verifier.checks.dates.length_of`: "the drawdown dragged
on for ...", "a six-month pullout") and only deeds the document gives both a dated start and a
dated end ("began in April", "was completed on June 12"). Dates without a year are read as one
year's (a start after the end is the year before); a month is any of its days; a year is any of
its days. Spans of years told in one clause ("from 1988 to 1994") are the dates check's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from verifier.checks.common import (
    MONTHS,
    WEEKDAYS,
    argument_heads,
    content_lemmas,
    deed_noun,
    objects_of,
    one_deed_noun,
    parse,
    same_deed,
)
from verifier.checks.dates import date_items, date_verb, length_of, stage, staged_deeds, told_of
from verifier.checks.numbers import Quantity, quantities
from verifier.types import Finding

# a length's unit in days
_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}


@dataclass(frozen=True)
class Moment:
    """A dated start or end of a deed: the words the deed is told with, the first and last day
    it can be (days from 1 January of the year 1, or of an unknown year), and the sentence."""

    stage: str  # "start" or "end"
    deeds: frozenset[str]
    first: int
    last: int
    year_known: bool
    sentence: str


def _days(year: int | None, month: int, day: int | None) -> tuple[int, int]:
    y = year or 2001  # a year without 29 February, for dates the text gives no year
    if day is not None:
        d = date(y, month + 1, day).toordinal()
        return d, d
    end = date(y + (month == 11), (month + 1) % 12 + 1, 1).toordinal() - 1
    return date(y, month + 1, 1).toordinal(), end


def moments(sentences: list[str]) -> list[Moment]:
    """The dated starts and ends a document's sentences tell."""
    out = []
    for text in sentences:
        doc = parse(text)
        items = date_items(doc)
        years = [v[0] for v, _, _ in items["year"] if v[0] == v[1]]
        year = years[0] if len(years) == 1 else None
        dated = [(tok, _days(year, v[0] // 32, v[0] % 32)) for v, _, tok in items["day"]
                 if v[0] == v[1] and 1 <= v[0] % 32 <= 31]
        day_months = {tok.i for tok, _ in dated}
        dated += [(tok, _days(year, next(iter(v)), None)) for v, _, tok in items["month"]
                  if len(v) == 1 and tok.i not in day_months]
        for tok, (first, last) in dated:
            which = stage(tok)
            if which is None:
                continue
            heads = argument_heads(date_verb(tok), preps=False)
            # what the verb is told of, and what those are of ("the process of the withdrawal")
            deeds = {g.lemma_.lower() for h in heads for g in (h, *objects_of(h))
                     if g.pos_ == "NOUN"} | staged_deeds(tok)
            out.append(Moment(which, frozenset(deeds), first, last, year is not None, text))
    return out


def _told(told: set[str], deeds: frozenset[str]) -> bool:
    # (also a claim's verb and the passage's noun of it: "the drawdown dragged on" is told of
    # the drawdown, "withdrew over two months" of withdrawing)
    return any(told_of(n, x) or deed_noun(n, x) for n in told for x in deeds)


def claim_lengths(claim_doc) -> list[tuple[Quantity, set[str]]]:
    """A claim's lengths of time, each with what it is told of (:func:`length_of`): "dragged
    on for around half a year" with "drawdown"; [] for a claim that gives none, so no document
    need be read for it."""
    out = []
    for q in quantities(claim_doc):
        if q.head in _DAYS and (told := length_of(claim_doc[q.start])):
            out.append((q, told))
    return out


@dataclass(frozen=True)
class LengthFinding:
    """The dates check's finding on a claim's length of a deed, and the sentences that gave
    the deed's start and end (the passages holding either get the finding)."""

    finding: Finding
    sentences: tuple[str, ...]


def length_finding(claim_doc, doc_moments: list[Moment]) -> LengthFinding | None:
    """The finding on a claim's length of a deed against a document's moments; None where the
    claim gives no such length or the document no dated start and end of its deed."""
    for q, told in claim_lengths(claim_doc):
        starts = [m for m in doc_moments if m.stage == "start" and _told(told, m.deeds)]
        ends = [m for m in doc_moments if m.stage == "end" and _told(told, m.deeds)]
        if not starts or not ends:
            continue
        s, e = starts[0], ends[0]
        shift = 0
        if not (s.year_known and e.year_known) and s.first > e.last:
            shift = 365  # "began in November ... completed on June 12": the year before
        low, high = max(0, e.first - s.last + shift), e.last - s.first + shift
        c_low, c_high = q.low * _DAYS[q.head], q.high * _DAYS[q.head]
        where = (s.sentence, e.sentence)
        span = f"{s.sentence[:40]}… to {e.sentence[:40]}…"
        if c_high < low or c_low > high:
            return LengthFinding(Finding(
                "dates", "conflict", f"'{q.text}' {q.head}s vs {low} to {high} days from the "
                "dated start to the dated end", claim_span=q.text, evidence_span=span, pinned=True),
                where)
        if not (c_low <= (low + high) / 2 <= c_high) and not (c_low <= low and high <= c_high):
            return LengthFinding(Finding(
                "dates", "rough", f"'{q.text}' {q.head}s against {low} to {high} days",
                claim_span=q.text, pinned=True), where)
    return None


# verbs that say only that a deed took place ("the statement came a day before ..."): no
# word to find the deed by
_LIGHT = frozenset({"come", "be", "happen", "take", "place", "occur", "go", "get", "make",
                    "arrive", "follow", "precede", "land", "drop"})


@dataclass(frozen=True)
class Day:
    """A day a document dates a deed on: a weekday (0 is Monday) or a day of a month."""

    weekday: int | None = None
    month: int | None = None  # 0 is January
    day: int | None = None

    def shifted(self, days: int) -> Day:
        if self.weekday is not None:
            return Day(weekday=(self.weekday + days) % 7)
        d = date(2001, self.month + 1, self.day) + timedelta(days=days)
        return Day(month=d.month - 1, day=d.day)

    def until(self, other: Day) -> int | None:
        """Days from this day to ``other`` (weekdays read as one week: Tuesday to Wednesday is
        1, Wednesday to Tuesday -1); None between a weekday and a date."""
        if (self.weekday is None) != (other.weekday is None):
            return None
        if self.weekday is not None:
            return (other.weekday - self.weekday + 3) % 7 - 3
        return (date(2001, other.month + 1, other.day) - date(2001, self.month + 1, self.day)).days

    def __str__(self) -> str:
        if self.weekday is not None:
            return WEEKDAYS[self.weekday].capitalize()
        return f"{MONTHS[self.month].capitalize()} {self.day}"


def _found_in(words: set[str], clause: set[str]) -> set[str]:
    """The deed's words a clause tells, as themselves or as words of the same deed ("the
    pullout had finished" / "completed their withdrawal")."""
    return {w for w in words if w in clause or any(
        same_deed(w, x) or one_deed_noun(w, x) or deed_noun(w, x) or deed_noun(x, w)
        for x in clause)}


def day_of(deed: str, passages: list[str]) -> Day | None:
    """The one day the first of ``passages`` that tells ``deed`` ("The joint statement came")
    dates it on: a weekday or a day of a month whose clause holds two of the deed's words (or
    its only one), light verbs aside ("On Tuesday, ... issued a joint statement": Tuesday).
    None where no passage does, or one gives the deed two days."""
    words = content_lemmas(parse(deed)) - _LIGHT
    need = min(2, len(words))
    if not need:
        return None
    for text in passages:
        doc = parse(text)
        items = date_items(doc)
        found = set()
        for kind in ("weekday", "day"):
            for v, _, tok in items[kind]:
                clause = {t.lemma_.lower() for t in date_verb(tok).subtree}
                if len(_found_in(words, clause)) < need:
                    continue
                if kind == "weekday" and len(v) == 1:
                    found.add(Day(weekday=next(iter(v))))
                elif kind == "day" and v[0] == v[1] and 1 <= v[0] % 32 <= 31:
                    found.add(Day(month=v[0] // 32, day=v[0] % 32))
        if len(found) == 1:
            return found.pop()
        if found:
            return None
    return None
