"""Load a corpus: a directory (recursively) or a single file of .txt, .md, .html and .jsonl.

Offsets we cite are Python string indices into the file's text (decoded as UTF-8), or into
``Document.raw`` for ``.jsonl``:

* ``.txt`` / ``.md``: ``raw`` is the file's text, unchanged (CRLF and a BOM included; a BOM is
  character 0 and the cleaner treats it as whitespace);
* ``.html`` / ``.htm``: ``raw`` is the page's text (``html_text_map``, on the standard
  library's ``html.parser``: ``script``, ``style``, ``noscript``, ``template`` and ``head``
  dropped; block elements become paragraphs separated by a blank line, whitespace inside a
  block collapsed; entities decoded). Its ``source_map`` takes offsets back to the HTML file,
  so a citation's ``start``/``end`` point into the file: ``html_text`` of that slice of the
  file, normalised, is the quote;
* ``.jsonl``: one document per line with fields ``id``, ``title``, ``text``; ``raw`` is ``text``
  and ``doc_id`` is ``f"{relpath}#{id}"``.

Document ids are the file's path relative to the corpus root, POSIX style (for a single file:
its name), so they are stable across machines. ``content_hash`` is the sha256 of the file's
bytes (of the line's bytes for ``.jsonl``). Unreadable, binary (NUL bytes) or non-UTF-8 files
are skipped with a warning.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import json
import logging
import re
from html.parser import HTMLParser
from pathlib import Path

from verifier.errors import CorpusError
from verifier.types import Document

log = logging.getLogger(__name__)

SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl"}

_DROP_TAGS = ["script", "style", "noscript", "template", "head"]
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th",
    "tr", "ul",
}
_PARA_BREAK = re.compile(r"\s*\n\s*\n\s*")
_WS = re.compile(r"\s+")


def file_hash(path: str | Path) -> str:
    """sha256 of a file's bytes (hex)."""
    h = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def corpus_root(path: str | Path) -> Path:
    """The directory document ids are relative to: ``path`` itself, or a file's parent."""
    p = Path(path).expanduser().resolve()
    return p if p.is_dir() else p.parent


def iter_corpus_files(path: str | Path) -> list[Path]:
    """The corpus files under ``path`` (resolved, sorted, hidden files and folders skipped).

    Raises ``CorpusError`` when ``path`` is missing or holds no file with a known suffix.
    """
    p = Path(path).expanduser()
    if not p.exists():
        raise CorpusError(f"corpus path not found: {p}")
    if p.is_file():
        if p.suffix.lower() not in SUFFIXES:
            raise CorpusError(f"{p}: unsupported file type; use {', '.join(sorted(SUFFIXES))}")
        return [p.resolve()]
    files = sorted(
        (f.resolve() for f in p.rglob("*")
         if f.is_file() and f.suffix.lower() in SUFFIXES
         and not any(part.startswith(".") for part in f.relative_to(p).parts)),
        key=lambda f: f.relative_to(p.resolve()).as_posix(),
    )
    if not files:
        raise CorpusError(f"no corpus files ({', '.join(sorted(SUFFIXES))}) under {p}")
    return files


class _HTMLEvents(HTMLParser):
    """The page as (kind, data, start) events in source order; every source character belongs
    to one event, so an event ends where the next starts. Kinds: ``text`` (raw text, or
    the characters an entity reference stands for), ``open`` and ``close`` (tag names)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)  # entities arrive apart, with their place
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.events: list[tuple[str, str, int]] = []
        self.feed(html)
        self.close()

    def _at(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def handle_data(self, data: str) -> None:
        self.events.append(("text", data, self._at()))

    def handle_entityref(self, name: str) -> None:
        self.events.append(("text", html_lib.unescape(f"&{name};"), self._at()))

    def handle_charref(self, name: str) -> None:
        self.events.append(("text", html_lib.unescape(f"&#{name};"), self._at()))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.events.append(("open", tag, self._at()))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.events.append(("open", tag, self._at()))
        self.events.append(("close", tag, self._at()))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("close", tag, self._at()))

    def _skip(self, *_: object) -> None:
        self.events.append(("skip", "", self._at()))

    handle_comment = handle_decl = handle_pi = unknown_decl = _skip


def html_text_map(html: str) -> tuple[str, str, tuple[tuple[int, int, int, int], ...]]:
    """(text, title, source map) of an HTML page: one paragraph per block element,
    blank-line separated, whitespace inside a block collapsed; ``script``, ``style``,
    ``noscript``, ``template`` and ``head`` dropped (the title is kept apart).

    The source map is a tuple of runs ``(text_start, text_len, html_start, html_len)``: those
    characters of the text come from those of the page (one for one when the lengths are
    equal; an entity such as ``&amp;`` or a collapsed stretch of whitespace otherwise), so a
    passage of the text can be cited by its place in the HTML file (``Document.to_source``).
    """
    events = _HTMLEvents(html).events
    chars: list[tuple[str, int, int]] = []  # (character, html start, html end)
    title: list[str] = []
    h1: list[str] = []
    dropped: list[str] = []  # open elements whose text is not part of the page's text
    in_title = in_h1 = False
    for n, (kind, data, at) in enumerate(events):
        end = events[n + 1][2] if n + 1 < len(events) else len(html)
        if kind == "open":
            if data == "body":
                dropped.clear()  # a <head> left open ends where the body starts
            if data in _DROP_TAGS or data == "title":
                dropped.append(data)
                in_title = in_title or data == "title"
            elif not dropped and data in _BLOCK_TAGS:
                chars += [("\n", at, at), ("\n", at, at)]
            elif not dropped and data == "br":
                chars.append(("\n", at, at))
            in_h1 = in_h1 or (data == "h1" and not h1 and not dropped)
        elif kind == "close":
            if dropped and data == dropped[-1]:
                dropped.pop()
                in_title = in_title and data != "title"
            elif not dropped and data in _BLOCK_TAGS:
                chars += [("\n", at, at), ("\n", at, at)]
            in_h1 = in_h1 and data != "h1"
        elif kind == "text":
            if in_title:
                title.append(data)
            if dropped:
                continue
            if in_h1:
                h1.append(data)
            if end - at == len(data):  # raw text: one character for one
                chars += [(ch, at + i, at + i + 1) for i, ch in enumerate(data)]
            else:  # an entity reference: every character it stands for spans all of it
                chars += [(ch, at, end) for ch in data]
    joined = "".join(c for c, _, _ in chars)
    out: list[tuple[str, int, int]] = []
    starts = [0] + [m.end() for m in _PARA_BREAK.finditer(joined)]
    ends = [m.start() for m in _PARA_BREAK.finditer(joined)] + [len(joined)]
    for a, b in zip(starts, ends):
        block: list[tuple[str, int, int]] = []
        i = a
        while i < b:
            if not joined[i].isspace():
                block.append(chars[i])
                i += 1
                continue
            j = i
            while j < b and joined[j].isspace():
                j += 1
            if block and j < b:  # whitespace between words: one space (none at the ends)
                block.append((" ", chars[i][1], chars[j - 1][2]))
            i = j
        if block:
            if out:  # blocks are separated by a blank line
                out += [("\n", block[0][1], block[0][1])] * 2
            out += block
    text = "".join(c for c, _, _ in out)
    page_title = _WS.sub(" ", "".join(title)).strip() or _WS.sub(" ", "".join(h1)).strip()
    return text, page_title, _runs(out)


def _runs(chars: list[tuple[str, int, int]]) -> tuple[tuple[int, int, int, int], ...]:
    """Compress per-character source spans into runs (see ``html_text_map``)."""
    runs: list[list[int]] = []
    for i, (_, a, b) in enumerate(chars):
        last = runs[-1] if runs else None
        one_for_one = b - a == 1
        if (last is not None and one_for_one and last[1] == last[3]
                and last[2] + last[3] == a):
            last[1] += 1
            last[3] += 1
        else:
            runs.append([i, 1, a, b - a])
    return tuple(tuple(r) for r in runs)  # type: ignore[misc]


def html_text(html: str) -> tuple[str, str]:
    """(text, title) of an HTML page (see ``html_text_map``)."""
    text, title, _ = html_text_map(html)
    return text, title


def _jsonl_documents(text: str, rel: str) -> list[Document]:
    docs: list[Document] = []
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            log.warning("skipping %s line %d: not JSON (%s)", rel, n, exc.msg)
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            log.warning("skipping %s line %d: not an object with a string 'text' field", rel, n)
            continue
        if not rec["text"].strip():
            log.warning("skipping %s line %d: empty 'text'", rel, n)
            continue
        key = str(rec.get("id", n))
        if key in seen:
            log.warning("skipping %s line %d: duplicate id %r", rel, n, key)
            continue
        seen.add(key)
        docs.append(Document(
            doc_id=f"{rel}#{key}",
            source=rel,
            title=str(rec.get("title") or ""),
            raw=rec["text"],
            content_hash=hashlib.sha256(line.encode("utf-8")).hexdigest(),
        ))
    return docs


def load_file(path: Path, root: Path) -> list[Document]:
    """Documents of one file ([] with a warning when it cannot be read as text)."""
    path = Path(path)
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.warning("skipping %s: cannot read it (%s)", rel, exc)
        return []
    if b"\x00" in data:
        log.warning("skipping %s: looks like a binary file (NUL bytes)", rel)
        return []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        log.warning("skipping %s: not UTF-8 (%s at byte %d); convert it with iconv",
                    rel, exc.reason, exc.start)
        return []
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return _jsonl_documents(text, rel)
    title, source_map = path.stem, ()
    if suffix in {".html", ".htm"}:
        text, html_title, source_map = html_text_map(text)
        title = html_title or title
    if not text.strip():
        log.warning("skipping %s: no text", rel)
        return []
    return [Document(rel, rel, title, text, hashlib.sha256(data).hexdigest(), source_map)]


def load_corpus(path: str | Path) -> list[Document]:
    """All documents under ``path`` (a directory, recursively, or one file), in a stable order.

    Raises ``CorpusError`` when the path is missing or no document could be read.

    >>> docs = load_corpus("corpus")  # doctest: +SKIP
    >>> docs[0].doc_id
    '000_8555a464c2dfd455.txt'
    """
    root = corpus_root(path)
    docs = [d for f in iter_corpus_files(path) for d in load_file(f, root)]
    if not docs:
        raise CorpusError(
            f"no usable documents in {path}: every file was empty, binary or not UTF-8 "
            "(see the warnings above)")
    return docs
