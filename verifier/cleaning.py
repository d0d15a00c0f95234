"""Text cleaning that remembers where every character came from.

``normalize_with_map(raw)`` returns the cleaned text and, for each of its characters, the index
of the raw character it came from. Cleaning: runs of whitespace (newlines, tabs, NBSP, a BOM)
become one space; a word split by a hyphen at a line end is joined; typographic quotes become
ASCII quotes (one character for one, so offsets stay exact).

The contract every sentence and passage keeps: ``normalize_span(raw[start:end]) == text``.

Line-end hyphens: ``Nagorno-`` + newline + ``Karabakh`` keeps its hyphen (the next part starts
with a capital or digit, or the first part is a common prefix such as ``self``/``well``/``non``);
``recap-`` + newline + ``tured`` becomes ``recaptured``. The rule is local to the characters
around the break, so a slice normalises exactly as it does inside the whole document.
"""

from __future__ import annotations

import re

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                         "\u00a0": " ", "\ufeff": " ", "\u2009": " ", "\u202f": " "})
_KEEP_PREFIXES = {
    "self", "well", "non", "anti", "pro", "co", "ex", "post", "pre", "semi", "cross", "multi",
    "full", "half", "high", "low", "all", "one", "two", "three", "four", "five", "long", "short",
    "so", "mid", "pan", "inter", "intra", "over", "under", "cease", "re", "de", "vice",
}
_HYPHEN_BREAK = re.compile(r"(?<=\w)-[ \t]*\r?\n[ \t]*(?=\w)")
_WS = re.compile(r"\s+")


def _keep_hyphen(text: str, hyphen_at: int, next_char: str) -> bool:
    if next_char.isupper() or next_char.isdigit():
        return True
    word_start = hyphen_at
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    return text[word_start:hyphen_at].lower() in _KEEP_PREFIXES


def normalize_with_map(raw: str) -> tuple[str, list[int]]:
    """Clean ``raw``; return (text, index map from text positions to raw positions)."""
    out: list[str] = []
    idx: list[int] = []
    breaks = {m.start(): m.end() for m in _HYPHEN_BREAK.finditer(raw)}
    i, n = 0, len(raw)
    while i < n:
        if i in breaks:
            end = breaks[i]
            if _keep_hyphen(raw, i, raw[end]):
                out.append("-")
                idx.append(i)
            i = end
            continue
        ch = raw[i].translate(_QUOTES)
        if ch.isspace():
            j = i
            while j < n and raw[j].translate(_QUOTES).isspace() and j not in breaks:
                j += 1
            if out and out[-1] != " ":
                out.append(" ")
                idx.append(i)
            i = j
            continue
        out.append(ch)
        idx.append(i)
        i += 1
    return "".join(out), idx


def normalize_span(raw_slice: str) -> str:
    """The cleaned form of a raw slice: what a citation's ``text`` is compared with."""
    return normalize_with_map(raw_slice)[0].strip()


def normalize_for_match(text: str) -> str:
    """Looser form for matching quotes: cleaned, lower-cased, dashes unified."""
    t = normalize_span(text).lower()
    return _WS.sub(" ", t.replace("\u2014", "-").replace("\u2013", "-"))
