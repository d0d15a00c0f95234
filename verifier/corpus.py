"""Load a corpus: a directory (recursively) or a single file of .txt, .md, .html and .jsonl.

Offsets we cite are Python string indices into ``Document.raw``:

* ``.txt`` / ``.md``: the file's bytes decoded as UTF-8, unchanged (CRLF and a BOM included;
  a BOM is character 0 and the cleaner treats it as whitespace);
* ``.html`` / ``.htm``: the text BeautifulSoup extracts (``html.parser``; ``script``, ``style``,
  ``noscript`` and ``template`` dropped; block elements become paragraphs separated by a blank
  line, whitespace inside a block collapsed). Offsets refer to this extracted text, not to the
  HTML source;
* ``.jsonl``: one document per line with fields ``id``, ``title``, ``text``; ``raw`` is ``text``
  and ``doc_id`` is ``f"{relpath}#{id}"``.

Document ids are the file's path relative to the corpus root, POSIX style (for a single file:
its name), so they are stable across machines. ``content_hash`` is the sha256 of the file's
bytes (of the line's bytes for ``.jsonl``). Unreadable, binary (NUL bytes) or non-UTF-8 files
are skipped with a warning.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
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


def html_text(html: str) -> tuple[str, str]:
    """(text, title) of an HTML page: one paragraph per block element, blank-line separated."""
    from bs4 import BeautifulSoup, NavigableString, Tag
    from bs4.element import PreformattedString

    soup = BeautifulSoup(html, "html.parser")
    title_tag = soup.find("title")
    title = title_tag.get_text(" ", strip=True) if title_tag else ""
    for tag in soup(_DROP_TAGS + ["title"]):
        tag.decompose()
    parts: list[str] = []

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, PreformattedString):  # comments, doctype, CDATA
                continue
            if isinstance(child, NavigableString):
                parts.append(str(child))
            elif isinstance(child, Tag):
                if child.name == "br":
                    parts.append("\n")
                elif child.name in _BLOCK_TAGS:
                    parts.append("\n\n")
                    walk(child)
                    parts.append("\n\n")
                else:
                    walk(child)

    walk(soup)
    blocks = [_WS.sub(" ", b).strip() for b in _PARA_BREAK.split("".join(parts))]
    text = "\n\n".join(b for b in blocks if b)
    if not title:
        h1 = soup.find("h1")
        title = h1.get_text(" ", strip=True) if h1 else ""
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
    title = path.stem
    if suffix in {".html", ".htm"}:
        text, html_title = html_text(text)
        title = html_title or title
    if not text.strip():
        log.warning("skipping %s: no text", rel)
        return []
    return [Document(rel, rel, title, text, hashlib.sha256(data).hexdigest())]


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
