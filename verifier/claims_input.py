"""Reading a table of claims (CSV, semicolon- or tab-separated) for batch runs.

Rows are streamed, never loaded whole. What is accepted:

- UTF-8 with or without a byte-order mark; any other codec with ``encoding=``. Text that does not
  decode raises ``ClaimTableError`` saying to pass ``--encoding`` (no replacement characters are
  invented: a claim is either read exactly or the run stops before writing anything).
- The delimiter is one of ``,`` ``;`` ``\\t``, chosen from a sample of the first 64 KiB: the
  delimiter under which the header has the claim column and the most sample rows have the
  header's width wins; ties go to ``csv.Sniffer`` (restricted to those delimiters), then comma.
- Quoted fields with embedded newlines, delimiters and doubled quotes (RFC 4180).
- Completely empty lines are skipped and counted (``blank_lines``); they are not data rows.
  A line of only delimiters (``,,``) is a data row with empty cells.
- Rows shorter than the header are padded with empty cells; extra cells of longer rows are kept.

The claim column (and the optional id column) is found by name, ignoring case and surrounding
spaces; an exact match wins over a case-insensitive one, the first of duplicates wins.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from verifier.errors import VerifierError

DELIMITERS = ",;\t"
SAMPLE_CHARS = 64 * 1024
STDIN = "-"


class ClaimTableError(VerifierError):
    """The claims table cannot be read: bad encoding, no header, missing column, broken CSV."""


def source_name(source: Path | str) -> str:
    return "standard input" if str(source) == STDIN else str(source)


def resolve_encoding(encoding: str | None) -> str:
    """The codec to read with: UTF-8 (BOM tolerated) unless told otherwise."""
    if encoding is None:
        return "utf-8-sig"
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise ClaimTableError(
            f"unknown encoding {encoding!r}: pass a Python codec name such as utf-8, cp1252 "
            "or latin-1"
        ) from None
    return "utf-8-sig" if name == "utf-8" else name


@contextmanager
def big_fields() -> Iterator[None]:
    """Let ``csv`` read fields of any size while inside (a too-long claim is a row error,
    not a crash); restores the process-wide limit afterwards."""
    old = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)
    try:
        yield
    finally:
        csv.field_size_limit(old)


@contextmanager
def open_text(source: Path | str, encoding: str) -> Iterator[TextIO]:
    """Open a file, or standard input for ``-``, as text with ``newline=""`` (as csv wants)."""
    if str(source) == STDIN:
        stream = io.TextIOWrapper(sys.stdin.buffer, encoding=encoding, newline="")
        try:
            yield stream
        finally:
            stream.detach()  # leave sys.stdin open
    else:
        with open(source, encoding=encoding, newline="") as stream:
            yield stream


def decode_error(exc: UnicodeDecodeError, name: str, encoding: str | None, where: str
                 ) -> ClaimTableError:
    bad = exc.object[exc.start:exc.end].hex(" ") if isinstance(exc.object, bytes) else "?"
    if encoding is None:
        return ClaimTableError(
            f"{name} is not UTF-8 text (byte {bad} {where}): pass --encoding with the file's "
            "encoding, e.g. --encoding cp1252 or --encoding latin-1"
        )
    return ClaimTableError(
        f"{name} cannot be decoded as {encoding} (byte {bad} {where}): check --encoding"
    )


def find_column(header: list[str], name: str, what: str = "claim") -> int:
    """Index of column ``name`` in ``header`` (exact first, then ignoring case and spaces)."""
    if name in header:
        return header.index(name)
    want = name.strip().casefold()
    for i, h in enumerate(header):
        if h.strip().casefold() == want:
            return i
    present = ", ".join(repr(h) for h in header) or "(none)"
    option = "--claim-column" if what == "claim" else "--id-column"
    raise ClaimTableError(
        f"no {what} column {name!r} in the header; columns present: {present}. "
        f"Pass {option} with one of them."
    )


def _records(lines: Iterable[str], delimiter: str) -> Iterator[list[str]]:
    return csv.reader(lines, delimiter=delimiter, quotechar='"', doublequote=True, strict=False)


def _has_column(header: list[str], name: str) -> bool:
    try:
        find_column(header, name)
    except ClaimTableError:
        return False
    return True


def choose_delimiter(sample: str, complete: bool, claim_column: str) -> str:
    """Pick ``,`` ``;`` or tab for a sample of the file's first lines (see module doc)."""
    scores: dict[str, tuple[bool, float]] = {}
    for d in DELIMITERS:
        recs = [r for r in _records(io.StringIO(sample, newline=""), d) if r]
        if not complete and len(recs) > 1:
            recs = recs[:-1]  # the sample may cut the last record short
        if not recs:
            scores[d] = (False, 0.0)
            continue
        header, rows = recs[0], recs[1:]
        fit = sum(len(r) == len(header) for r in rows) / len(rows) if rows else 1.0
        scores[d] = (_has_column(header, claim_column), fit)
    best = max(scores.values())
    tied = [d for d in DELIMITERS if scores[d] == best]
    if len(tied) == 1:
        return tied[0]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(tied)).delimiter
    except csv.Error:
        sniffed = ""
    return sniffed if sniffed in tied else tied[0]


class ClaimTable:
    """The rows of a claims table, streamed once; use as a context manager.

    >>> with ClaimTable("claims.csv") as table:           # doctest: +SKIP
    ...     table.header, table.claim_index
    ...     for row in table.rows(): ...
    """

    def __init__(
        self,
        source: Path | str,
        *,
        claim_column: str = "claim",
        id_column: str | None = None,
        encoding: str | None = None,
        delimiter: str | None = None,
    ) -> None:
        self.source = source
        self.name = source_name(source)
        self.user_encoding = encoding
        self.encoding = resolve_encoding(encoding)
        self.blank_lines = 0
        self.rows_read = 0
        self._cm = open_text(source, self.encoding)
        stream = self._cm.__enter__()
        try:
            sample_lines = self._sample(stream)
            sample = "".join(sample_lines)
            complete = sum(map(len, sample_lines)) < SAMPLE_CHARS
            self.delimiter = delimiter or choose_delimiter(sample, complete, claim_column)
            self._reader = _records(_chain(sample_lines, stream), self.delimiter)
            header = self._next_record("the header")
            if header is None:
                raise ClaimTableError(f"{self.name} is empty: expected a header row with a "
                                      f"{claim_column!r} column")
            if header and header[0].startswith("\ufeff"):
                header[0] = header[0][1:]  # a BOM left by a non-UTF-8-sig codec
            self.header = header
            self.claim_index = find_column(header, claim_column, "claim")
            self.id_index = None if id_column is None else find_column(header, id_column, "id")
        except BaseException:
            self.close()
            raise

    def _sample(self, stream: TextIO) -> list[str]:
        lines: list[str] = []
        size = 0
        try:
            while size < SAMPLE_CHARS:
                line = stream.readline()
                if not line:
                    break
                lines.append(line)
                size += len(line)
        except UnicodeDecodeError as exc:
            raise decode_error(exc, self.name, self.user_encoding, "near the start") from None
        return lines

    def _next_record(self, where: str) -> list[str] | None:
        try:
            for rec in self._reader:
                if rec:
                    return rec
                self.blank_lines += 1
        except UnicodeDecodeError as exc:
            raise decode_error(exc, self.name, self.user_encoding, f"in {where}") from None
        except csv.Error as exc:
            raise ClaimTableError(f"{self.name}: malformed CSV in {where}: {exc}") from None
        return None

    def rows(self) -> Iterator[list[str]]:
        """Data rows in order, each padded to the header's width (longer rows kept whole)."""
        width = len(self.header)
        while True:
            row = self._next_record(f"data row {self.rows_read + 1}")
            if row is None:
                return
            self.rows_read += 1
            if len(row) < width:
                row.extend([""] * (width - len(row)))
            yield row

    def close(self) -> None:
        if self._cm is not None:
            cm, self._cm = self._cm, None
            cm.__exit__(None, None, None)

    def __enter__(self) -> ClaimTable:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _chain(first: list[str], rest: TextIO) -> Iterator[str]:
    yield from first
    yield from rest


def count_rows(path: Path, encoding: str | None, delimiter: str) -> tuple[int, int]:
    """(data rows, blank lines) of a file, in a cheap pass with the same reader."""
    rows = blank = 0
    with open_text(path, resolve_encoding(encoding)) as stream:
        try:
            for rec in _records(stream, delimiter):
                if rec:
                    rows += 1
                else:
                    blank += 1
        except UnicodeDecodeError as exc:
            where = f"near data row {max(rows, 1)}"
            raise decode_error(exc, source_name(path), encoding, where) from None
        except csv.Error as exc:
            raise ClaimTableError(f"{path}: malformed CSV near data row {rows}: {exc}") from None
    return max(rows - 1, 0), blank  # the first record is the header
