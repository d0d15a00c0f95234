"""Load a corpus: a directory (recursively) or single files of .txt, .md, .html and .jsonl.

Offsets we cite are Python string indices into ``Document.raw``: the file decoded as UTF-8 for
.txt/.md; the text extracted by BeautifulSoup (scripts and styles dropped) for .html; the
``text`` field of each line for .jsonl (one document per line: ``id``, ``title``, ``text``).
Unreadable, binary or non-UTF-8 files are skipped with a warning.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from verifier.errors import CorpusError
from verifier.types import Document

log = logging.getLogger(__name__)

SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl"}


def file_hash(path: Path) -> str:
    """sha256 of a file's bytes."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def corpus_root(path: str | Path) -> Path:
    p = Path(path).expanduser().resolve()
    return p if p.is_dir() else p.parent


def iter_corpus_files(path: str | Path) -> list[Path]:
    """The corpus files under ``path`` (sorted, so ids and order are stable)."""
    p = Path(path).expanduser()
    if not p.exists():
        raise CorpusError(f"corpus path not found: {p}")
    if p.is_file():
        if p.suffix.lower() not in SUFFIXES:
            raise CorpusError(f"{p}: unsupported file type; use {', '.join(sorted(SUFFIXES))}")
        return [p.resolve()]
    files = sorted(
        f.resolve() for f in p.rglob("*")
        if f.is_file() and f.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in f.relative_to(p).parts)
    )
    if not files:
        raise CorpusError(f"no corpus files ({', '.join(sorted(SUFFIXES))}) under {p}")
    return files


def _html_text(html: str) -> tuple[str, str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    title = soup.title.get_text(strip=True) if soup.title else ""
    if soup.title:
        soup.title.decompose()
    blocks = [b.get_text(" ", strip=True) for b in soup.find_all(
        ["p", "h1", "h2", "h3", "h4", "li", "blockquote", "figcaption", "td", "pre"])]
    blocks = [b for b in blocks if b]
    text = "\n\n".join(blocks) if blocks else soup.get_text("\n", strip=True)
    return text, title


def load_file(path: Path, root: Path) -> list[Document]:
    """Documents of one file ([] with a warning when it cannot be read as text)."""
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.warning("skipping %s: cannot read it (%s)", rel, exc)
        return []
    if b"\x00" in data[:8192]:
        log.warning("skipping %s: looks like a binary file", rel)
        return []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        log.warning("skipping %s: not UTF-8 (%s); convert it with iconv", rel, exc.reason)
        return []
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm"}:
        body, title = _html_text(text)
        return [Document(rel, rel, title or path.stem, body, digest)]
    if suffix == ".jsonl":
        docs = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                body = rec["text"]
            except (json.JSONDecodeError, KeyError, TypeError):
                log.warning("skipping %s line %d: not a JSON object with a 'text' field", rel, n)
                continue
            doc_id = f"{rel}#{rec.get('id', n)}"
            docs.append(Document(doc_id, rel, str(rec.get("title", "")), str(body),
                                 hashlib.sha256(line.encode("utf-8")).hexdigest()))
        return docs
    return [Document(rel, rel, path.stem, text, digest)]


def load_corpus(path: str | Path) -> list[Document]:
    """All documents under ``path``; raises ``CorpusError`` if there are none."""
    root = corpus_root(path)
    docs = [d for f in iter_corpus_files(path) for d in load_file(f, root)]
    if not docs:
        raise CorpusError(f"no readable documents in {path}")
    return docs
