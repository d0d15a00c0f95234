"""Numbers and quantities, with hedges.

Each quantity becomes an interval: "nearly 2,000" is [1700, 2000], "about two thousand" is
[1700, 2300], "more than 2,000" is (2000, inf). Two quantities agree when their intervals
overlap, so "nearly 2,000" and "about two thousand" agree while "more than 2,000" and "around
5,000" do not. Quantities are compared only when they count the same thing (the same head noun,
or the noun the count is "of"), so a mismatch about something else is never a conflict.
Years (a bare 1800-2100 number) and days of the month are left to the dates check. A claim
quantity (2 or more) with no counterpart in the passage is reported as ``missing``; an exact
claim figure that the passage gives only roughly ("exactly 1,960" against "nearly 2,000") as
``rough``: the passage can neither confirm nor refute it. A count of those killed or wounded
against the passage's count of the same people for another deed ("24 peacekeepers were killed"
/ "Nearly 2,000 peacekeepers had been stationed") is ``misplaced``: never compared, and never
confirmed by that passage. A claim count that no figure of the
whole corpus comes near (:func:`absent_figures`) is ``absent``: such a corpus cannot support it.
Shares told in words are intervals too ("almost the entire population" is [0.8, 1], "only a small
part of the population" [0, 0.35]): disjoint shares of the same thing conflict (:func:`shares`).

>>> check("About two thousand troops were deployed.", "Nearly 2,000 troops were deployed.").status
'agree'
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from verifier.checks.antonyms import OPPOSITE
from verifier.checks.common import (
    ARMED,
    MONTHS,
    NATIONS,
    anchored,
    canon,
    contrasted,
    objects_of,
    parse,
    per_doc,
    same_deed,
)
from verifier.lexicon import synonymous
from verifier.types import Finding

WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "dozens": 12, "half": 0.5,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "dozen": 12}
# Units that rescale into another head ("three decades" = 30 years).
UNITS = {"decade": ("year", 10), "century": ("year", 100), "fortnight": ("day", 14)}
_INF = math.inf
_EPS = 1e-9
# hedge -> (low, high) as functions of the value; open ends use a tiny epsilon.
HEDGES: dict[str, tuple[float, float]] = {
    "nearly": (0.85, 1.0), "almost": (0.85, 1.0), "close to": (0.85, 1.0),
    "just under": (0.85, 1.0 - _EPS), "a little under": (0.85, 1.0 - _EPS),
    "just below": (0.85, 1.0 - _EPS), "just above": (1.0 + _EPS, 1.15),
    "a little over": (1.0 + _EPS, 1.15), "north of": (1.0 + _EPS, _INF),
    "just shy of": (0.85, 1.0 - _EPS), "shy of": (0.85, 1.0 - _EPS),
    "short of": (0.85, 1.0 - _EPS), "a shade under": (0.85, 1.0 - _EPS),
    "a little short of": (0.85, 1.0 - _EPS), "a bit short of": (0.85, 1.0 - _EPS),
    # verbs that bound a figure: "the force exceeded 10,000"
    "exceeded": (1.0 + _EPS, _INF), "exceeding": (1.0 + _EPS, _INF),
    "exceeds": (1.0 + _EPS, _INF), "surpassed": (1.0 + _EPS, _INF),
    "topped": (1.0 + _EPS, _INF), "outlasted": (1.0 + _EPS, _INF),
    "outlived": (1.0 + _EPS, _INF), "outlasting": (1.0 + _EPS, _INF),
    "about": (0.85, 1.15), "around": (0.85, 1.15), "roughly": (0.85, 1.15),
    "approximately": (0.85, 1.15), "some": (0.85, 1.15), "circa": (0.85, 1.15),
    "an estimated": (0.85, 1.15), "estimated": (0.85, 1.15), "~": (0.85, 1.15),
    "over": (1.0 + _EPS, _INF), "more than": (1.0 + _EPS, _INF), "above": (1.0 + _EPS, _INF),
    "in excess of": (1.0 + _EPS, _INF), "upwards of": (1.0 + _EPS, _INF),
    "just over": (1.0 + _EPS, 1.15), "at least": (1.0, _INF),
    "under": (0.0, 1.0 - _EPS), "fewer than": (0.0, 1.0 - _EPS),
    "less than": (0.0, 1.0 - _EPS), "below": (0.0, 1.0 - _EPS),
    "up to": (0.0, 1.0), "at most": (0.0, 1.0), "no more than": (0.0, 1.0),
    "exactly": (1.0, 1.0), "precisely": (1.0, 1.0),
    "something like": (0.85, 1.15), "in the region of": (0.85, 1.15),
    "better part of": (0.5, 1.0), "best part of": (0.5, 1.0),
    # a length bounded above: "within two months", "inside roughly ten weeks"
    "within": (0.0, 1.0), "inside": (0.0, 1.0), "in under": (0.0, 1.0 - _EPS),
    "within about": (0.0, 1.15), "within roughly": (0.0, 1.15), "within around": (0.0, 1.15),
    "inside about": (0.0, 1.15), "inside roughly": (0.0, 1.15),
}
# hedges after the figure: "ten years or so"
_AFTER = {("or", "so"), ("or", "thereabouts")}
# words before a hedge or a number that do not change it ("comfortably more than 2,000")
_TRANSPARENT = {"only", "just", "well", "some", "comfortably", "easily", "considerably",
                "significantly", "substantially", "far", "much", "slightly"}
_NUM_RE = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?")


@dataclass(frozen=True)
class Quantity:
    value: float
    low: float
    high: float
    head: str  # lemma of the counted noun ("percent" for percentages)
    anchors: frozenset[str]  # head plus the noun it is "of" / the subject it describes
    text: str  # hedge + number + unit as written
    start: int  # token index of the first token of ``text``

    def overlaps(self, other: Quantity) -> bool:
        lo, hi = max(self.low, other.low), min(self.high, other.high)
        return lo <= hi * (1 + 1e-12)


def _word_value(s: str) -> float | None:
    s = s.lower()
    if s in WORDS:
        return float(WORDS[s])
    if "-" in s:  # "twenty-five"
        parts = s.split("-")
        if all(p in WORDS for p in parts):
            return float(sum(WORDS[p] for p in parts))
    return None


# a figure with its scale as a letter: "100k", "1.2bn" (not "5m": metres as often as millions)
_SUFFIXED = re.compile(r"(\d+(?:\.\d+)?)(k|bn)", re.I)
_SUFFIXES = {"k": 1000, "bn": 1_000_000_000}


def _token_value(t) -> float | None:
    if _NUM_RE.fullmatch(t.text):
        return float(t.text.replace(",", ""))
    m = _SUFFIXED.fullmatch(t.text)
    if m:
        return float(m[1]) * _SUFFIXES[m[2].lower()]
    return _word_value(t.text)


# plurals that name one event, never a count of things ("the 2020 hostilities")
_EVENT_PLURALS = frozenset({"hostilities", "elections", "talks", "negotiations", "protests",
                            "clashes", "riots", "games", "olympics", "polls", "floods", "fires",
                            "unrest", "troubles", "celebrations", "commemorations", "hearings"})


def is_year(t) -> bool:
    """A bare 1800-2100 number that counts nothing: a noun in the plural that it modifies,
    or right after it, is counted ("2000 troops", "about 2000 Russian soldiers"); one in the
    singular is what the year names ("the 2020 war", "a 2019 study"), as is a plural that
    names one event ("the 2020 hostilities", "the 2018 elections")."""
    if not re.fullmatch(r"(18|19|20)\d\d", t.text) or int(t.text) > 2100:
        return False
    if t.dep_ == "nummod" and t.head.pos_ == "NOUN" and t.head.i > t.i:
        return t.head.tag_ != "NNS" or t.head.lower_ in _EVENT_PLURALS
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return not (nxt is not None and nxt.pos_ == "NOUN" and nxt.dep_ != "npadvmod"
                and nxt.tag_ != "NN")


def short_year(t) -> int | None:
    """The year a two-digit number closing a span of years stands for ("1988-94": 1994,
    "1998-2001" needs none), or None."""
    if not re.fullmatch(r"\d\d", t.text) or t.i < 2:
        return None
    dash, first = t.doc[t.i - 1], t.doc[t.i - 2]
    if dash.text not in {"-", "–"} or not re.fullmatch(r"(18|19|20)\d\d", first.text):
        return None
    start = int(first.text)
    year = start - start % 100 + int(t.text)
    return year if year > start else year + 100


def _hedge_before(toks, i: int) -> tuple[str, int]:
    """The hedge phrase ending just before token i and where it starts."""
    j = i
    while j > 0 and toks[j - 1].lower_ in _TRANSPARENT and toks[j - 1].lower_ != "some":
        j -= 1
    for n in (4, 3, 2, 1):
        if j - n < 0:
            continue
        phrase = " ".join(x.lower_ for x in toks[j - n: j])
        if phrase in HEDGES:
            # "fought over in two wars": "over" must modify the number, not a verb
            if n == 1 and phrase in {"over", "under", "about", "around", "some", "above"} \
                    and toks[j - 1].head.i != i and toks[j - 1].dep_ == "prt":
                return "", i
            start = j - n
            while start > 0 and toks[start - 1].lower_ in _TRANSPARENT - {"some"}:
                start -= 1
            if phrase == "short of" and start > 0 and toks[start - 1].lemma_ in {"fall", "come"}:
                start -= 1  # "fell just short of 2,000": the verb is part of the bound
            return phrase, start
    return "", i


# plural counts that give only an order of magnitude: "hundreds of", "tens of thousands of"
_PLURAL_SCALES = {"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1000,
                  "millions": 1_000_000, "billions": 1_000_000_000}


def _vague(toks, i: int) -> tuple[float, float, int, int] | None:
    """A count given only roughly at token i, as (low, high, end of its words, the token that
    carries the count): "a few hundred" is [200, 900], "several thousand" [3,000, 9,000],
    (but "a few" and "several" alone count nothing: "several peacekeepers were killed"),
    "hundreds of" [200, 999], "tens of thousands of" [20,000, 99,999], "a couple (of) thousand"
    about two thousand [1,700, 2,300]; None otherwise."""
    def word(k: int) -> str:
        return toks[k].lower_ if k < len(toks) else ""

    if (word(i), word(i + 1)) == ("a", "few") or word(i) == "several":
        k = i + (2 if word(i) == "a" else 1)
        scale = SCALES.get(word(k))
        n = 3 if word(i) == "several" else 2
        # without a scale, "several peacekeepers were killed" is a few of them, not a count
        # of all: no quantity
        return (n * scale, 9 * scale, k + 1, k) if scale is not None else None
    if (word(i), word(i + 1)) == ("a", "couple"):  # "a couple (of) thousand": about two
        k = i + (3 if word(i + 2) == "of" else 2)
        scale = SCALES.get(word(k))
        return (1.7 * scale, 2.3 * scale, k + 1, k) if scale is not None else None
    if word(i) in _PLURAL_SCALES and word(i + 1) == "of":
        size, k = _PLURAL_SCALES[word(i)], i + 2
        if word(k) in _PLURAL_SCALES and word(k + 1) == "of":  # "tens of thousands of"
            size, k = size * _PLURAL_SCALES[word(k)], k + 2
        return 2 * size, 10 * size - 1, k, k - 2
    return None


# nouns for how many of a thing there are: "the strength of the force was 5,000" counts the force
_AMOUNTS = frozenset({"number", "strength", "size", "total", "count", "tally", "headcount"})


# verbs that give their subject's size through a preposition ("amounted to 10,000 people")
_AMOUNTING = {"amount", "total", "number", "stand", "reach", "come", "swell", "grow", "rise",
              "fall", "drop", "shrink"}


def _amount_of(noun) -> set[str]:
    """What an amount noun counts ("the number of peacekeepers": peacekeeper); nothing for
    another noun."""
    if noun.lemma_.lower() not in _AMOUNTS:
        return set()
    return {g.lemma_.lower() for g in objects_of(noun)}


# nouns for the people of a place, counted as the people the modifier names ("the ethnic
# Armenian community numbered 10,000" counts Armenians)
_PEOPLES = frozenset({"community", "population", "populace", "diaspora"})


def _peoples(noun) -> set[str]:
    """For a people noun, the nationality it is of ("Armenian community": armenian; "Armenian
    inhabitants": armenian)."""
    if noun.lemma_.lower() not in _DWELLERS:
        return set()
    return {c.lemma_.lower() for c in noun.children
            if c.dep_ in {"amod", "compound"} and c.ent_type_ == "NORP"}


def _anchors(head, num) -> set[str]:
    if head.lemma_.lower() == "strong" and head.head.i != head.i:
        # "a 5,000-strong contingent", "the contingent was 5,000 strong": the contingent
        head = head.head
        if head.pos_ in {"NOUN", "PROPN"}:
            return {head.lemma_.lower()}
    out = {head.lemma_.lower()} | _peoples(head) if head.pos_ in {"NOUN", "PROPN"} else set()
    out |= _amount_of(head)  # "Count of Russian peacekeepers: more than 2,000"
    # "population of around 100,000 Armenians" -> also "population"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        out.add(head.head.head.lemma_.lower())
    # "the population amounted to a mere 10,000 people" -> also "population"
    verb = head.head.head if head.dep_ == "pobj" else None
    if head.dep_ in {"dobj", "attr"} and head.lemma_.lower() in _DWELLERS:
        verb = head.head  # "the community numbered 300,000 people": the community's people
    if head.pos_ == "ADP":
        # "the population stood at roughly half a million": the number is the object itself
        verb = head.head
    if verb is not None and verb.lemma_.lower() in _AMOUNTING:
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"}:
                out |= {c.lemma_.lower()} | _peoples(c)
    # "the population was about 10,000" -> "population"
    if num.dep_ in {"attr", "dobj", "npadvmod"} or head.pos_ in {"AUX", "VERB"}:
        verb = num.head if num.head.pos_ in {"AUX", "VERB"} else head
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"}:
                out.add(c.lemma_.lower())
                # "the number of peacekeepers exceeded 5,000": what the number is of
                out |= _amount_of(c) | _peoples(c)
        if not out and head.lemma_ == "be":
            # "The number of villages Armenia gave back was six", which the parser often
            # reads without a subject for "was": the amount named before the number
            out |= next((a for t in reversed(list(num.doc[:num.i])) if (a := _amount_of(t))),
                        set())
    return {a for a in out if a.isalpha() or a == "percent"}


# after a percentage: a statistical interval's level, not a quantity ("95% CI 1.04 to 1.48")
_INTERVAL_WORDS = {"ci", "cis", "confidence", "credible", "cri", "ui", "uncertainty",
                   "prediction", "pi"}


@per_doc
def quantities(doc) -> tuple[Quantity, ...]:
    """Every quantity in a parsed text, as an interval with its counted noun."""
    out: list[Quantity] = []
    toks = list(doc)
    i = 0
    while i < len(toks):
        t = toks[i]
        low = t.lower_
        vague = _vague(toks, i)
        if vague is not None:
            lo, hi, j, at = vague
            head, head_lemma, _ = _counted(toks, j, toks[at])
            out.append(Quantity(lo, lo, hi, head_lemma, _anchor_set(head, head_lemma, toks[at]),
                                doc[i:at + 1].text, i))
            i = j
            continue
        if low == "one" and t.dep_ != "nummod" and any(
                c.dep_ in {"det", "amod"} for c in t.children):
            i += 1  # "the earlier one", "this one": a pronoun, not a count
            continue
        unit_at = _quarter_of(toks, i)
        v = 0.25 if unit_at is not None else _token_value(t)
        if unit_at is None and low in {"a", "an"} and i + 1 < len(toks) and (
                toks[i + 1].lower_ in SCALES or toks[i + 1].lemma_.lower() in UNITS):
            v = 1.0
        if v is None or is_year(t) or short_year(t) or (i > 0 and toks[i - 1].lower_ in MONTHS) or \
                (i + 1 < len(toks) and toks[i + 1].lower_ in MONTHS) or \
                (low == "half" and not (i + 1 < len(toks) and toks[i + 1].lower_ in {"a", "an"})
                 and i + 1 < len(toks) and toks[i + 1].lower_ == "of"):
            i += 1
            continue
        j = unit_at if unit_at is not None else i + 1
        while j < len(toks):
            w = toks[j].lower_
            if w in {"a", "an"} and low == "half":
                j += 1
                continue
            if w == "-" and j + 1 < len(toks) and 10 <= v < 100 and \
                    (_word_value(toks[j + 1].lower_) or 10) < 10:
                v += _word_value(toks[j + 1].lower_) or 0  # "twenty-five"
                j += 2
                continue
            if w in SCALES:
                v *= SCALES[w]
            elif w == "k" and (j + 1 == len(toks) or toks[j + 1].text != "-"):
                v *= 1000  # "2K", which the tokenizer splits; "a hundred k", "100 k"
            elif w.rstrip("s") in SCALES and w.endswith("s"):
                v *= SCALES[w.rstrip("s")]
            elif _word_value(w) is not None and w not in {"half", "dozen"} and not \
                    _NUM_RE.fullmatch(toks[j].text) and (_word_value(w) or 0) < 10 <= v < 100:
                v += _word_value(w) or 0  # "twenty five"
            else:
                break
            j += 1
        last = toks[j - 1]
        head, head_lemma, k = _counted(toks, j, last)
        if head_lemma == "percent" and k < len(toks) and toks[k].lower_ in _INTERVAL_WORDS:
            i = j  # "95% CI", "95% confidence interval": how sure, not a figure of the finding
            continue
        if head_lemma in UNITS:
            head_lemma, factor = UNITS[head_lemma]
            v *= factor
        if head_lemma in _TIME_HEADS and k < len(toks) and toks[k].lower_ in {"ago", "back"}:
            i = j  # "three years ago" is a point in time (the dates check's), not a length
            continue
        hedge, start = _hedge_before(toks, i)
        lo_f, hi_f = HEDGES.get(hedge, (1.0, 1.0))
        if not hedge and k + 1 < len(toks) and (toks[k].lower_, toks[k + 1].lower_) in _AFTER:
            lo_f, hi_f = HEDGES["about"]
        lo, hi = v * lo_f, (v * hi_f if hi_f != _INF else _INF)
        end = k if head_lemma == "percent" else j  # the conflicting words: hedge + number
        text = doc[start:end].text
        out.append(Quantity(v, lo, hi, head_lemma, _anchor_set(head, head_lemma, last), text,
                            start))
        i = j
    return tuple(out)


def _quarter_of(toks, i: int) -> int | None:
    """Where the unit or scale is, for "a quarter of a century", "a quarter century", "a
    quarter-century", "a quarter-million" starting at token ``i``; else None."""
    if toks[i].lower_ not in {"a", "an"} or i + 1 >= len(toks) or toks[i + 1].lower_ != "quarter":
        return None
    k = i + 2
    if k + 1 < len(toks) and toks[k].lower_ == "of" and toks[k + 1].lower_ in {"a", "an"}:
        k += 2
    elif k < len(toks) and toks[k].text == "-":
        k += 1
    return k if k < len(toks) and (toks[k].lemma_.lower() in UNITS or toks[k].lower_ in SCALES) \
        else None


def _counted(toks, j: int, last):
    """(head token or None, counted noun's lemma, end) for a number ending before token j:
    "percent", or the noun just right of it ("four frontier villages"), else its head."""
    head = None
    k = j
    if k < len(toks) and toks[k].lower_ in {"%", "percent", "pc"}:
        return None, "percent", k + 1
    if k + 1 < len(toks) and toks[k].lower_ == "per" and toks[k + 1].lower_ == "cent":
        return None, "percent", k + 2
    if k < len(toks) and toks[k].lower_ == "of" and last.lower_ not in {"one", "1"}:
        # a part told by its whole ("5,000 of Moscow's soldiers", "some 300 of the
        # refugees"): the plural noun counts; not "one of the villages", nor "two of the four
        # villages", a part of a counted whole
        whole = next((c for c in toks[k].children if c.dep_ == "pobj"), None)
        if whole is not None and whole.tag_ in {"NNS", "NNPS"} and \
                not any(c.dep_ == "nummod" for c in whole.children):
            return whole, whole.lemma_.lower(), whole.i + 1
    while k < len(toks) and k < j + 4 and toks[k].pos_ in {"ADJ", "NOUN", "PROPN"}:
        if k + 3 < len(toks) and toks[k].pos_ in {"PROPN", "ADJ"} and toks[k + 1].text == "-" \
                and not toks[k].whitespace_ and not toks[k + 1].whitespace_ and \
                toks[k + 2].pos_ in {"VERB", "ADJ"}:
            # a name's hyphened modifier ("5,000 Moscow-sent peacekeepers", "Russian-led");
            # not an age ("5 year-old children" counts years)
            k += 3
            j += 2  # the window counts the three tokens as one word
            continue
        if toks[k].pos_ in {"NOUN", "PROPN"}:
            head = toks[k]
            if toks[k].dep_ != "compound":
                break
        k += 1
    if head is None:
        head = last.head if last.head.i != last.i else last
        # "numbered around one million" is often parsed with the number under its hedge
        while head.pos_ == "ADP" and head.lower_ in HEDGES and head.head.i != head.i:
            head = head.head
    else:
        k = head.i + 1
    return head, head.lemma_.lower() if head.pos_ in {"NOUN", "PROPN"} else "", k


def _anchor_set(head, head_lemma: str, last) -> frozenset[str]:
    """The counted noun's lemma (as rescaled: "decade" counts years) and its anchors."""
    anchors = {head_lemma} if head_lemma else set()
    if head is not None:
        anchors |= _anchors(head, last)
        if head_lemma != head.lemma_.lower():
            anchors.discard(head.lemma_.lower())
    return frozenset(anchors)


def _similar(a: str, b: str) -> bool:
    """One counted noun: the same lemma, a spelling variant, WordNet synonyms among their
    first senses ("ten settlements" / "four villages"), or words for armed people ("five
    thousand troops" / "2,000 peacekeepers")."""
    return a == b or (len(a) > 3 and len(b) > 3 and fuzz.ratio(a, b) >= 85) or \
        (not {a, b} & _MEASURES and synonymous(a, b, "n", top=3)) or {a, b} <= ARMED or \
        {a, b} <= _PEOPLES


def same_thing(a: Quantity, b: Quantity) -> bool:
    """Two quantities count the same thing: their heads or "of"-nouns match."""
    if (a.head == "percent") != (b.head == "percent"):
        return False
    if a.head == "percent":
        return True
    return any(_similar(x, y) for x in a.anchors for y in b.anchors)


_EXACT = ("exactly", "precisely")


def _finer(q: Quantity, e: Quantity) -> bool:
    """The claim gives an exact figure where the passage gives only a rough one, and another
    value (or insists: "exactly 2,000" against "nearly 2,000"): the passage cannot confirm it."""
    insists = q.text.lower().startswith(_EXACT)
    return q.low == q.high and e.low < e.high and (q.value != e.value or insists)


def _confirming(q: Quantity, same: list[Quantity]) -> list[Quantity]:
    """The passage quantities (of the same thing as ``q``) that confirm it."""
    return [e for e in same if q.overlaps(e) and not _finer(q, e)]


def _rough(q: Quantity, same: list[Quantity]) -> list[Quantity]:
    """The passage quantities (of the same thing as ``q``) that give it only roughly."""
    return [e for e in same if q.overlaps(e) and _finer(q, e)]


def _word_after(doc, q: Quantity):
    """The token after ``q``'s text ("decades" in "nearly three decades"), or None."""
    end = doc[q.start].idx + len(q.text)
    return next((t for t in doc[q.start:] if t.idx >= end), None)


def _span(doc, q: Quantity, with_unit: bool) -> tuple[int, int]:
    """Character span of ``q`` in ``doc``, through its unit word ("three decades", "30
    years") when ``with_unit``."""
    a = doc[q.start].idx
    b = a + len(q.text)
    nxt = _word_after(doc, q)
    if with_unit and nxt is not None and nxt.lemma_.lower() in {*UNITS, q.head}:
        b = nxt.idx + len(nxt.text)
    return a, b


def _has_unit(doc, q: Quantity) -> bool:
    nxt = _word_after(doc, q)
    return nxt is not None and nxt.lemma_.lower() in UNITS


def align(claim: str, evidence: str) -> str:
    """The claim with each of its quantities that agrees with the passage (or that the
    passage gives only roughly: "exactly 1,960" for "nearly 2,000") written as the passage
    writes it ("almost 30 years" -> "nearly three decades"), so the NLI model judges the rest
    of the claim, not a reworded hedge; the claim unchanged when none differ."""
    cd, ed = parse(claim), parse(evidence)
    eq = quantities(ed)
    edits = []
    for q in quantities(cd):
        same = [e for e in eq if same_thing(q, e)]
        confirming = _confirming(q, same) or _rough(q, same)
        if not confirming or q.text == confirming[0].text:
            continue
        e = confirming[0]
        unit = _has_unit(cd, q) or _has_unit(ed, e)
        a, b = _span(cd, q, unit)
        c, d = _span(ed, e, unit)
        text = evidence[c:d]
        if c == ed[0].idx and not ed[0].text.isupper() and ed[0].pos_ != "PROPN":
            text = text[:1].lower() + text[1:]  # "Nearly 2,000" opening the passage
        if cd[q.start].pos_ in {"VERB", "AUX"}:
            text = "numbered " + text  # "exceeded 1,500", "fell short of 2,000"
        edits.append((a, b, text))
    for a, b, text in sorted(edits, reverse=True):
        claim = claim[:a] + (text if a else text[:1].upper() + text[1:]) + claim[b:]
    return claim


# shares of a whole told in words, as intervals of the fraction
_SHARE_WORDS = {"all": (0.95, 1.0), "every": (0.95, 1.0), "entire": (0.95, 1.0),
                "whole": (0.95, 1.0), "most": (0.5, 1.0), "majority": (0.5, 1.0),
                "minority": (0.0, 0.5), "half": (0.4, 0.6), "few": (0.0, 0.35),
                "handful": (0.0, 0.2), "none": (0.0, 0.0), "bulk": (0.5, 1.0),
                "quarter": (0.2, 0.3), "third": (0.28, 0.38)}
_PARTS = {"part", "portion", "share", "fraction", "proportion"}  # "a small part of"
_NEARLY = {"almost", "nearly", "virtually", "practically"}
_QUANTIFIER_DEPS = {"amod", "det", "predet", "nummod", "compound", "quantmod"}
# share nouns that give a share only with "of": "a majority Armenian population" says what the
# population was among others, not how much of it did something
_OF_ONLY = {"majority", "minority", "handful", "bulk", "quarter", "third"} | _PARTS


@dataclass(frozen=True)
class Share:
    low: float
    high: float
    text: str
    things: frozenset[str]  # lemmas of the whole it is a share of


def _share_of(t) -> tuple[float, float] | None:
    """The interval a share word stands for, with the words before it ("almost all",
    "not all", "a small part"); None for a word that is no share."""
    word = t.lower_
    if word in _PARTS:
        small = any(c.lower_ in {"small", "tiny"} for c in t.children if c.dep_ == "amod")
        return (0.0, 0.35) if small else None
    if word not in _SHARE_WORDS:
        return None
    low, high = _SHARE_WORDS[word]
    before = {w.lower_ for w in t.doc[max(0, t.i - 3):t.i]}
    if high == 1.0 and low > 0.9 and before & _NEARLY:
        low = 0.8  # "almost all", "nearly the entire"
    if "not" in before or any(c.dep_ == "neg" for c in t.children):
        low, high = (0.0, 0.95) if low > 0.9 else (0.0, low)  # "not all", "not most"
    return low, high


def _whole(noun) -> frozenset[str]:
    """The noun a share is of, and the nouns it is "of" in turn ("the population of 100,000
    ethnic Armenians": population, Armenian)."""
    out, todo = set(), [noun]
    while todo:
        n = todo.pop()
        out.add(n.lemma_.lower().removesuffix("s") if n.pos_ == "PROPN" else n.lemma_.lower())
        todo.extend(objects_of(n))
    if noun.lemma_.lower() in _DWELLERS:
        # the people of a place, by any name, and the nationality they are told of ("the
        # enclave's ethnic Armenian inhabitants" / "the local population of ... Armenians")
        out |= {"population"} | {c.lemma_.lower() for c in noun.children
                                 if c.dep_ in {"amod", "compound"} and c.ent_type_ == "NORP"}
    return frozenset(out)


_DWELLERS = _PEOPLES | {"inhabitant", "resident", "people", "local", "dweller", "citizen",
                        "civilian"}


@per_doc
def shares(doc) -> tuple[Share, ...]:
    """The shares of a whole the text tells in words: "Almost the entire local population",
    "nearly all of the residents", "only a few Armenians", "a small part of the population".
    A share word counts only where it quantifies a noun ("after all" is none)."""
    out = []
    for t in doc:
        interval = _share_of(t)
        if interval is None:
            continue
        of = [g for g in objects_of(t) if g.pos_ in {"NOUN", "PROPN"}]
        if of:
            whole = _whole(of[0])
        elif t.dep_ in _QUANTIFIER_DEPS and t.head.pos_ in {"NOUN", "PROPN"} and \
                t.head.i != t.i and t.lower_ not in _OF_ONLY:
            whole = _whole(t.head)
        else:
            continue
        first = next((w.i for w in t.doc[max(0, t.i - 3):t.i] if w.lower_ in _NEARLY), t.i)
        out.append(Share(*interval, doc[min(first, t.left_edge.i):t.i + 1].text, whole))
    return tuple(out)


def _verbs(doc) -> set[str]:
    return {t.lemma_.lower() for t in doc if t.pos_ == "VERB"}


def _share_conflict(cd, ed) -> Finding | None:
    """A share of the claim that no share the passage gives of the same whole overlaps, where
    both tell the same deed ("Only a few ethnic Armenians left" against "Almost the entire
    local population ... left for Armenia"; not "Most of the population was Armenian"), or
    its complement where they tell opposite deeds ("The bulk of the Armenians remained")."""
    theirs, mine = shares(ed), shares(cd)
    if not theirs or not mine:
        return None
    deeds = any(same_deed(a, b) for a in _verbs(cd) for b in _verbs(ed))
    # the opposite deed: "the bulk of them remained" is a small share leaving
    flip = not deeds and any(b in OPPOSITE.get(a, ()) for a in _verbs(cd) for b in _verbs(ed))
    for c in mine:
        low, high = (1 - c.high, 1 - c.low) if flip else (c.low, c.high)
        same = [e for e in theirs if e.things & c.things]
        if same and (deeds or flip) and not any(e.low <= high and low <= e.high for e in same) \
                and anchored(cd, ed, 0.4):
            e = same[0]
            return Finding("numbers", "conflict", f"'{c.text}' vs '{e.text}'",
                           claim_span=c.text, evidence_span=e.text)
    return None




def _counted_noun(doc, q: Quantity):
    """The token of a quantity's counted noun ("troops" in "5,000 Azerbaijani troops"), or
    None."""
    return next((t for t in doc[q.start: q.start + 8] if t.lemma_.lower() == q.head), None)


def _nations(doc, q: Quantity) -> set[str]:
    """The countries qualifying a quantity's counted noun ("5,000 Azerbaijani troops")."""
    head = _counted_noun(doc, q)
    if head is None:
        return set()
    return {canon(c.text) for c in head.children if c.dep_ in {"amod", "compound", "nmod", "poss"}
            and canon(c.text) in NATIONS}


def _other_nations(cd, q: Quantity, ed, e: Quantity) -> bool:
    """The two counts are of different countries' people ("Azerbaijani troops" / "Russian
    peacekeepers")."""
    a, b = _nations(cd, q), _nations(ed, e)
    return bool(a and b and not a & b)


# deeds that befall some of a count ("24 peacekeepers were killed" counts no force's size)
_CASUALTIES = ({"kill", "die", "perish", "execute", "murder", "slay"}, {"wound", "injure"})
_CASUALTY = set().union(*_CASUALTIES)
_DEATHS = {"death", "killing", "fatality", "casualty"}


def _count_deed(doc, q: Quantity) -> str | None:
    """What befell those a count counts: the casualty verb its noun is the subject or object
    of, or that hangs on it ("24 peacekeepers were killed", "two dozen peacekeepers lost their
    lives", "troops killed in the offensive", "the deaths of 888,000 bats"); ``"other"`` for
    another verb ("2,000 peacekeepers had been stationed"); None where the parse ties it to
    no verb, and for a share ("killed 29 percent of the coral" is compared as a share)."""
    if q.head == "percent":
        return None
    head = _counted_noun(doc, q)
    if head is None:
        return None
    if head.dep_ == "pobj" and head.head.lower_ == "of" and \
            head.head.head.lemma_.lower() in _DEATHS:
        return "die"  # "the deaths of 888,000 bats"
    hung = next((c.lemma_.lower() for c in head.children
                 if c.dep_ == "acl" and c.lemma_.lower() in _CASUALTY), None)
    if hung is not None:
        return hung  # "troops killed in the offensive"
    if head.dep_ not in {"nsubj", "nsubjpass", "dobj"} or head.head.pos_ not in {"VERB", "AUX"}:
        return None  # "died fourteen years before" counts years, not the dead
    verb = head.head
    lemma = verb.lemma_.lower()
    if lemma == "lose" and any(c.lemma_.lower() == "life" for c in verb.children):
        return "die"
    return lemma if lemma in _CASUALTY else "other"


def _other_deeds(a: str | None, b: str | None) -> bool:
    """Of two counts' deeds (:func:`_count_deed`), one is a casualty and the other befell
    the same people for another deed, or is another casualty ("two dozen peacekeepers died" /
    "Nearly 2,000 peacekeepers had been stationed"). A count the parse ties to no verb is
    compared as before."""
    if a is None or b is None or (a == "other" and b == "other"):
        return False
    return not any(a in g and b in g for g in _CASUALTIES)


def check(claim: str, evidence: str, claim_doc=None, evidence_doc=None) -> Finding:
    """Compare the claim's quantities with the passage's quantities of the same thing."""
    cd = claim_doc if claim_doc is not None else parse(claim)
    ed = evidence_doc if evidence_doc is not None else parse(evidence)
    cq, eq = quantities(cd), quantities(ed)
    share = _share_conflict(cd, ed)
    if not cq:
        return share or Finding("numbers", "not_applicable")
    agrees, missing, rough, misplaced = [], [], [], []
    for q in cq:
        if contrasted(cd[q.start]):
            continue  # "two wars, not one": the claim denies that figure
        like = [e for e in eq if same_thing(q, e) and not _other_nations(cd, q, ed, e)]
        deed = _count_deed(cd, q) if like else None
        same = [e for e in like if not _other_deeds(deed, _count_deed(ed, e))]
        if like and not same:
            # a count of the fallen where the passage counts only the force, even by the same
            # figure ("2,000 peacekeepers died" / "2,000 peacekeepers had been stationed"):
            # the passage gives its count to another deed
            misplaced.append(q)
            continue
        if not same:
            if q.value >= 2 and not any(e.value == q.value for e in eq):
                missing.append(q)
            continue
        if _confirming(q, same):
            agrees.append(q)
            continue
        if _rough(q, same):
            rough.append(q)  # "exactly 1,960" where the passage says "nearly 2,000"
            continue
        e = same[0]
        what = q.head or e.head or min(q.anchors & e.anchors or q.anchors, default="")
        return Finding("numbers", "conflict", f"'{q.text}' vs '{e.text}' ({what})",
                       claim_span=q.text, evidence_span=e.text)
    if share is not None:
        return share
    if misplaced:
        return Finding("numbers", "misplaced", ", ".join(q.text for q in misplaced),
                       claim_span=misplaced[0].text)
    if rough:  # the passage gives the count, only roughly: it can neither confirm nor refute
        return Finding("numbers", "rough", ", ".join(q.text for q in rough),
                       claim_span=rough[0].text)
    if missing:  # a count the passage never gives: it cannot state the whole claim
        return Finding("numbers", "missing", ", ".join(q.text for q in missing),
                       claim_span=missing[0].text)
    if agrees:
        return Finding("numbers", "agree", ", ".join(q.text for q in agrees),
                       claim_span=agrees[0].text)
    return Finding("numbers", "not_applicable")


# Figures a corpus may give as a span of time rather than a number ("from 1988 to 1994" for
# "lasted six years"): a claim's count of these is never called absent.
_TIME_HEADS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
_FIGURE_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)*")
_ROOM = 1.15  # a corpus figure stands for anything within this factor of it (the widest hedge)
# "over 200" is open-ended, yet no writer means 2,000 by it: for absence, an open upper end
# reaches this many times the figure
_OPEN_REACH = 5.0
# units and spans of time are compared by value, never as WordNet synonyms ("a minute" and "a
# second" share the sense "a short time")
_MEASURES = frozenset({"percent", *_TIME_HEADS, *UNITS, *(u for u, _ in UNITS.values())})


def figures(texts: Iterable[str]) -> tuple[float, ...]:
    """Every figure the texts give, sorted: digits, number words, and either with the scale or
    unit after it ("two thousand", "three decades" also give 2,000 and 30). Read by a regular
    expression, not the parser, so a corpus of thousands of documents takes a second; lenient
    on purpose (each number also stands alone), since :func:`absent_figures` looks in it."""
    out: set[float] = set()
    for text in texts:
        toks = _FIGURE_TOKEN.findall(text.lower())
        for i, w in enumerate(toks):
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            # counts given only roughly ("hundreds of", "tens of thousands", "a few hundred"):
            # every figure they may stand for, 2 to 9 of the unit
            size = _PLURAL_SCALES.get(w) or (SCALES.get(nxt) if w in {"few", "several"} else 0)
            if size:
                if i >= 2 and toks[i - 1] == "of" and toks[i - 2] in _PLURAL_SCALES:
                    size *= _PLURAL_SCALES[toks[i - 2]]
                out.update(k * size for k in range(2, 10))
            v = float(w.replace(",", "")) if w[0].isdigit() else _word_value(w)
            if v is None:
                continue
            out.add(v)
            unit = UNITS.get(nxt) or UNITS.get(nxt[:-1])  # "decades" -> ("year", 10)
            scale = SCALES.get(nxt) or SCALES.get(nxt[:-1]) or (unit[1] if unit else 0)
            if scale:
                out.add(v * scale)
            if 20 <= v < 100 and (_word_value(nxt) or 10) < 10:
                out.add(v + (_word_value(nxt) or 0))  # "twenty five"
            if 0 < v < 1:
                out.add(v * 100)  # "half" as a percentage
    return tuple(sorted(out))


def absent_figures(claim_doc, corpus_figures: tuple[float, ...]) -> list[str]:
    """The claim's counts (2 or more; not spans of time, which a corpus may give as dates) that
    no figure of the corpus comes near: "around 3,000 pieces of equipment" against a corpus
    whose figures are 2,000 and 100,000. Lenient: a corpus figure v stands for anything from
    v / 1.15 to v x 1.15 ("over 200" reaches up to 1,000: the corpus's 2,000 is not near it),
    and a figure only has to be in the corpus, not about the same thing
    (``corpus_figures`` from :func:`figures`, sorted)."""
    out = []
    for q in quantities(claim_doc):
        if q.value < 2 or q.head in _TIME_HEADS:
            continue
        i = bisect_left(corpus_figures, q.low / _ROOM)
        high = min(q.high, q.value * _OPEN_REACH)
        if i == len(corpus_figures) or corpus_figures[i] > high * _ROOM:
            out.append(q.text)
    return list(dict.fromkeys(out))
