"""Batch verification of a claims table: every row answered, in order, resumable.

>>> from verifier.verify import Verifier
>>> from verifier.batch import run_batch
>>> summary = run_batch(Verifier("corpus"), "claims.csv", "verdicts.csv")   # doctest: +SKIP
>>> print(summary.text())                                                 # doctest: +SKIP

Output: one row per input data row, in input order. CSV keeps every input cell and header name
as it was (duplicate names too; short rows padded with empty cells) and appends ``label``,
``confidence`` (4 decimals), ``citations`` (a JSON array of ``Citation.to_dict()`` objects),
``explanation`` and ``error``; the extra cells of a row longer than the header follow those five.
A row whose claim is empty, blank, longer than ``MAX_CLAIM_CHARS`` or holds NUL / U+FFFD gets an
empty label and the reason in ``error``; the run goes on. JSONL writes one object per row: the
input columns by name (a repeated name, or one equal to a result field, gets ``_2``, ``_3``...),
the five fields (``label``/``confidence`` ``null`` and ``error`` a message for a rejected row,
``error`` ``null`` otherwise) and ``_extra`` (a list) for the cells of a row longer than the
header.

Bytes are deterministic: UTF-8 without BOM, ``\\n`` line ends, comma-separated output whatever
the input's delimiter, fields quoted only when they hold ``,`` ``"`` CR or LF, JSON with
``ensure_ascii=False`` and fixed key order. Same input, settings and models give the same file.

Never losing work: a file output is written to ``OUTPUT.partial`` with a state file
``OUTPUT.partial.json`` (input size and sha256, settings, model versions, rows and bytes
committed). After each batch the partial is flushed and fsynced, then the state is replaced
atomically; at the end the partial is renamed onto OUTPUT. An interrupted run (Ctrl-C, kill -9,
a crash) leaves only ``.partial`` files, never a truncated OUTPUT. ``resume=True`` truncates
the partial to the last committed batch (dropping any half-written row), checks that the input,
settings and models match and that the kept rows parse and match the input row for row, then
goes on; the result is byte-identical to an uninterrupted run. Output to stdout is written as it
goes and cannot be resumed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from verifier.claims import validate_claim
from verifier.claims_input import (
    STDIN,
    ClaimTable,
    ClaimTableError,
    big_fields,
    count_rows,
    source_name,
)
from verifier.errors import InvalidClaimError, VerifierError
from verifier.types import Label, Verdict

log = logging.getLogger(__name__)

RESULT_FIELDS = ("label", "confidence", "citations", "explanation", "error")
EXTRA_KEY = "_extra"
STATE_FORMAT = "verifier-batch-partial"
STATE_VERSION = 1


class OutputFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"


class SupportsCheckMany(Protocol):
    """What ``run_batch`` needs from a verifier (``verifier.verify.Verifier`` fits)."""

    def check_many(self, claims: list[str], batch_size: int = 32) -> list[Verdict]: ...


class BatchError(VerifierError):
    """The batch cannot start or resume; the message says what to do."""


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C during a batch; ``str()`` says how far it got and how to resume."""

    def __init__(self, message: str, rows_done: int, partial: Path | None) -> None:
        super().__init__(message)
        self.rows_done = rows_done
        self.partial = partial

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass
class BatchSummary:
    """What a batch run did. ``rows_read`` counts every data row in the output (resumed ones
    included); ``claims_per_s`` is the rows answered in this run per second of wall time."""

    rows_read: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {lb.value: 0 for lb in Label})
    errors: int = 0
    elapsed_s: float = 0.0
    claims_per_s: float = 0.0
    rows_resumed: int = 0
    blank_lines: int = 0
    output: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def text(self) -> str:
        counts = ", ".join(f"{k} {v:,}" for k, v in self.counts.items())
        extra = []
        if self.rows_resumed:
            extra.append(f"{self.rows_resumed:,} resumed from the partial")
        if self.blank_lines:
            extra.append(f"{self.blank_lines:,} blank line(s) skipped")
        more = f" ({'; '.join(extra)})" if extra else ""
        done = self.rows_read - self.rows_resumed
        return (f"{self.rows_read:,} rows read{more}: {counts}, errors {self.errors:,}. "
                f"{done:,} rows in {self.elapsed_s:.1f} s ({self.claims_per_s:.1f} claims/s)")

    def _tally(self, label: str, error: str) -> None:
        self.rows_read += 1
        if error:
            self.errors += 1
        elif label in self.counts:
            self.counts[label] += 1


# ---- output rows ----------------------------------------------------------------------------

_Result = Verdict | str  # a verdict, or the reason the row was not verified


def _csv_cell(s: str) -> str:
    if any(ch in s for ch in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s


def csv_line(cells: Sequence[str]) -> str:
    """One CSV record ending in ``\\n``; unlike ``csv.writer`` with ``\\n`` line ends this also
    quotes a bare CR, so every cell reads back exactly."""
    if len(cells) == 1 and cells[0] == "":
        return '""\n'
    return ",".join(_csv_cell(c) for c in cells) + "\n"


def unique_keys(header: Sequence[str]) -> list[str]:
    """JSONL keys for the input columns: a repeat or a result-field name gets ``_2``, ``_3``..."""
    taken = set(RESULT_FIELDS) | {EXTRA_KEY}
    keys = []
    for name in header:
        key, n = name, 2
        while key in taken:
            key, n = f"{name}_{n}", n + 1
        taken.add(key)
        keys.append(key)
    return keys


def _citations(v: Verdict) -> list[dict[str, Any]]:
    return [c.to_dict() for c in v.citations]


def _label(v: Verdict) -> str:
    return getattr(v.label, "value", str(v.label))


class _Rows:
    """Turns (input row, result) into output bytes, and reads them back on resume."""

    def __init__(self, fmt: OutputFormat, header: list[str]) -> None:
        self.fmt = fmt
        self.header = header
        self.width = len(header)
        self.keys = unique_keys(header)

    def head(self) -> bytes:
        if self.fmt is OutputFormat.jsonl:
            return b""
        return csv_line([*self.header, *RESULT_FIELDS]).encode("utf-8")

    def encode(self, row: list[str], result: _Result) -> bytes:
        cells, extra = row[: self.width], row[self.width:]
        if self.fmt is OutputFormat.csv:
            if isinstance(result, str):
                out = ["", "", "", "", result]
            else:
                out = [_label(result), f"{float(result.confidence):.4f}",
                       json.dumps(_citations(result), ensure_ascii=False),
                       result.explanation, ""]
            return csv_line([*cells, *out, *extra]).encode("utf-8")
        obj: dict[str, Any] = dict(zip(self.keys, cells))
        if isinstance(result, str):
            obj.update(label=None, confidence=None, citations=[], explanation="", error=result)
        else:
            obj.update(label=_label(result), confidence=round(float(result.confidence), 4),
                       citations=_citations(result), explanation=result.explanation, error=None)
        if extra:
            obj[EXTRA_KEY] = extra
        return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")

    def decode(self, f: BinaryIO, name: str) -> Iterator[tuple[list[str], str, str]]:
        """(input cells, label, error) of each row of a partial output, after its header."""
        import csv
        import io

        if self.fmt is OutputFormat.jsonl:
            for n, line in enumerate(f, 1):
                try:
                    obj = json.loads(line)
                    cells = [obj[k] for k in self.keys] + list(obj.get(EXTRA_KEY, []))
                    yield cells, obj["label"] or "", obj["error"] or ""
                except (ValueError, KeyError, TypeError):
                    raise BatchError(f"{name} is damaged at row {n}: delete it and its .json "
                                     "state file to start over") from None
            return
        text = io.TextIOWrapper(f, encoding="utf-8", newline="")
        try:
            records = csv.reader(text, delimiter=",", quotechar='"', doublequote=True)
            head = next(records, None)
            if head != [*self.header, *RESULT_FIELDS]:
                raise BatchError(f"{name} has a different header than this input would give: "
                                 "delete it and its .json state file to start over")
            w = self.width
            for rec in records:
                if len(rec) < w + len(RESULT_FIELDS):
                    raise BatchError(f"{name} is damaged: a row has too few cells; delete it "
                                     "and its .json state file to start over")
                yield rec[:w] + rec[w + len(RESULT_FIELDS):], rec[w], rec[w + 4]
        finally:
            text.detach()


# ---- where rows go ------------------------------------------------------------------------


class _Stdout:
    """Rows go to stdout as they are made; nothing to resume."""

    partial: Path | None = None

    def __init__(self) -> None:
        sys.stdout.flush()
        self._buf = getattr(sys.stdout, "buffer", None)

    def write(self, data: bytes, rows: int) -> None:
        if self._buf is not None:
            self._buf.write(data)
            self._buf.flush()
        else:  # a text-only stream (some test harnesses)
            sys.stdout.write(data.decode("utf-8"))
            sys.stdout.flush()

    def finish(self) -> None:
        pass

    def close(self) -> None:
        pass


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class _Partial:
    """``OUTPUT.partial`` plus its state file ``OUTPUT.partial.json``."""

    def __init__(self, output: Path, state: dict[str, Any]) -> None:
        self.output = output
        self.partial = output.with_name(output.name + ".partial")
        self.state_path = output.with_name(output.name + ".partial.json")
        self.state = dict(state)
        self._f: BinaryIO | None = None

    def exists(self) -> bool:
        if self.partial.exists():
            return True
        if self.state_path.exists():  # stale: left between the final rename and its cleanup
            self.state_path.unlink()
        return False

    def start(self, head: bytes) -> None:
        self._f = open(self.partial, "wb")  # noqa: SIM115 - closed in finish()/close()
        self.state.update(rows_done=0, bytes_done=0)
        self.write(head, 0)

    def write(self, data: bytes, rows: int) -> None:
        assert self._f is not None
        self._f.write(data)
        self._f.flush()
        os.fsync(self._f.fileno())
        self.state["rows_done"] += rows
        self.state["bytes_done"] += len(data)
        tmp = self.state_path.with_name(self.state_path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(self.state, f, ensure_ascii=False, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.state_path)

    def finish(self) -> None:
        assert self._f is not None
        self._f.close()
        self._f = None
        os.replace(self.partial, self.output)
        _fsync_dir(self.output.parent)
        self.state_path.unlink(missing_ok=True)

    def close(self) -> None:
        if self._f is not None:
            self._f.close()
            self._f = None

    def resume(self, rows_fmt: _Rows, rows: Iterator[list[str]], summary: BatchSummary,
               id_index: int | None) -> None:
        """Check the partial against this run, cut it to its last committed batch, replay
        its rows into ``summary`` while consuming the same input rows, and open it to append."""
        name = str(self.partial)
        again = (f"delete {self.partial} and {self.state_path} to start over")
        if not self.state_path.exists():
            raise BatchError(f"{name} has no state file {self.state_path.name}, so it cannot be "
                             f"resumed safely: {again}")
        try:
            old = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise BatchError(f"cannot read {self.state_path} ({exc}): {again}") from None
        if old.get("format") != STATE_FORMAT or old.get("version") != STATE_VERSION:
            raise BatchError(f"{self.state_path} is not a state file this version can resume: "
                             f"{again}")
        if old.get("input") != self.state["input"]:
            raise BatchError(f"the input is not the one the interrupted run read "
                             f"({_describe_input(old.get('input'))}, now "
                             f"{_describe_input(self.state['input'])}): rerun with that input, "
                             f"or {again}")
        diffs = [f"{k}: {old.get('settings', {}).get(k)!r} then, {v!r} now"
                 for k, v in self.state["settings"].items()
                 if old.get("settings", {}).get(k) != v]
        if diffs:
            raise BatchError("the settings differ from the interrupted run ("
                             + "; ".join(diffs) + f"): rerun with the same ones, or {again}")
        rows_done, bytes_done = int(old["rows_done"]), int(old["bytes_done"])
        size = self.partial.stat().st_size
        if size < bytes_done:
            raise BatchError(f"{name} is shorter than its state file says ({size} < "
                             f"{bytes_done} bytes): {again}")
        if size > bytes_done:
            log.info("dropping %d uncommitted bytes at the end of %s", size - bytes_done, name)
        with open(self.partial, "r+b") as f:
            f.truncate(bytes_done)
        n = 0
        with open(self.partial, "rb") as f:
            for (cells, label, error), row in zip(rows_fmt.decode(f, name), rows):
                n += 1
                if cells != row:
                    ident = "" if id_index is None else f" (id {row[id_index]!r})"
                    raise BatchError(f"row {n}{ident} of {name} does not match row {n} of the "
                                     f"input: {again}")
                summary._tally(label, error)
                if n == rows_done:
                    break
        if n != rows_done:
            raise BatchError(f"{name} holds {n} rows but its state says {rows_done}: {again}")
        self.state.update(rows_done=rows_done, bytes_done=bytes_done)
        self._f = open(self.partial, "ab")  # noqa: SIM115 - closed in finish()/close()


def _describe_input(ident: Any) -> str:
    if not isinstance(ident, dict):
        return "unknown"
    if ident.get("path") == STDIN:
        return "standard input"
    return f"{ident.get('path')}, {ident.get('size')} bytes, sha256 {str(ident.get('sha256'))[:12]}"


def _file_identity(path: Path) -> dict[str, Any]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return {"path": str(path.resolve()), "size": size, "sha256": h.hexdigest()}


# ---- verifying ------------------------------------------------------------------------------


def _versions(verifier: object) -> dict[str, str]:
    v = getattr(verifier, "versions", None)
    if callable(v):
        v = v()
    return {str(k): str(x) for k, x in dict(v or {}).items()}


def _chunks(rows: Iterator[list[str]], size: int) -> Iterator[list[list[str]]]:
    chunk: list[list[str]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def verify_rows(verifier: SupportsCheckMany, claims: Iterable[str], batch_size: int = 32
                ) -> list[_Result]:
    """A verdict for each valid claim, the reason (``str``) for each invalid one."""
    out: list[_Result] = []
    valid: list[int] = []
    cleaned: list[str] = []
    for i, text in enumerate(claims):
        try:
            cleaned.append(validate_claim(text))
            valid.append(i)
            out.append("")
        except InvalidClaimError as exc:
            out.append(f"invalid claim: {exc}")
    if not cleaned:
        return out
    try:
        verdicts: list[_Result] = list(verifier.check_many(cleaned, batch_size=batch_size))
    except InvalidClaimError:  # stricter than validate_claim: find the culprit(s) one by one
        verdicts = []
        for c in cleaned:
            try:
                verdicts.append(verifier.check_many([c], batch_size=batch_size)[0])
            except InvalidClaimError as exc:
                verdicts.append(f"invalid claim: {exc}")
    if len(verdicts) != len(cleaned):
        raise RuntimeError(f"check_many returned {len(verdicts)} verdicts for "
                           f"{len(cleaned)} claims")
    for i, v in zip(valid, verdicts):
        out[i] = v
    return out


def run_batch(
    verifier: SupportsCheckMany,
    input: Path | str,
    output: Path | str | None = None,
    *,
    claim_column: str = "claim",
    id_column: str | None = None,
    fmt: OutputFormat | str = OutputFormat.csv,
    resume: bool = False,
    encoding: str | None = None,
    batch_size: int = 32,
    progress: bool = True,
) -> BatchSummary:
    """Verify every row of the claims table ``input`` (a path, or ``"-"`` for stdin) and write
    one output row per input row to ``output`` (a path; ``None`` or ``"-"``: stdout).

    Raises ``ClaimTableError`` / ``BatchError`` (both ``VerifierError``) for problems the user
    can fix, and ``BatchInterrupted`` (a ``KeyboardInterrupt``) on Ctrl-C; see the module doc
    for the output format and resuming.
    """
    t0 = time.perf_counter()
    fmt = OutputFormat(fmt)
    if batch_size < 1:
        raise BatchError(f"batch size must be at least 1, got {batch_size}")
    from_stdin = str(input) == STDIN
    to_stdout = output is None or str(output) == STDIN
    if to_stdout and resume:
        raise BatchError("--resume needs --output FILE: output to stdout cannot be resumed")
    if not from_stdin:
        input = Path(input)
        if not input.is_file():
            raise ClaimTableError(f"input file {input} does not exist or is not a file")
        if not to_stdout and Path(output).resolve() == input.resolve():  # type: ignore[arg-type]
            raise BatchError("the output would overwrite the input: pick another --output")
    if not to_stdout:
        out = Path(output)  # type: ignore[arg-type]
        if out.is_dir():
            raise BatchError(f"output {out} is a directory: give a file name")
        if not out.parent.is_dir():
            raise BatchError(f"the folder of output {out} does not exist: create it first")

    summary = BatchSummary(output=None if to_stdout else str(output))
    with big_fields(), ClaimTable(input, claim_column=claim_column, id_column=id_column,
                                  encoding=encoding) as table:
        total = None
        ident: dict[str, Any] = {"path": STDIN}
        if not from_stdin:
            total, _ = count_rows(Path(input), encoding, table.delimiter)
            if not to_stdout:
                ident = _file_identity(Path(input))
        rows_fmt = _Rows(fmt, table.header)
        rows = table.rows()
        sink: _Stdout | _Partial
        if to_stdout:
            sink = _Stdout()
            sink.write(rows_fmt.head(), 0)
        else:
            settings = {"claim_column": claim_column, "id_column": id_column,
                        "format": fmt.value, "encoding": table.encoding,
                        "delimiter": table.delimiter, "batch_size": batch_size,
                        "versions": _versions(verifier)}
            sink = _Partial(Path(output), {"format": STATE_FORMAT,  # type: ignore[arg-type]
                                           "version": STATE_VERSION, "input": ident,
                                           "settings": settings})
            if sink.exists():
                if not resume:
                    raise BatchError(
                        f"{sink.partial} exists from an interrupted run: pass --resume to "
                        f"continue it, or delete it and {sink.state_path.name} to start over")
                sink.resume(rows_fmt, rows, summary, table.id_index)
                summary.rows_resumed = summary.rows_read
            else:
                if resume:
                    log.warning("no %s to resume: starting from the first row", sink.partial)
                sink.start(rows_fmt.head())
        summary.blank_lines = table.blank_lines
        bar = _progress_bar(progress, total, summary.rows_read)
        try:
            for chunk in _chunks(rows, batch_size):
                results = verify_rows(verifier, (r[table.claim_index] for r in chunk),
                                      batch_size)
                sink.write(b"".join(rows_fmt.encode(r, res) for r, res in zip(chunk, results)),
                           len(chunk))
                for res in results:
                    if isinstance(res, str):
                        summary._tally("", res)
                    else:
                        summary._tally(_label(res), "")
                bar.update(len(chunk))
            sink.finish()
        except KeyboardInterrupt:
            sink.close()
            done = summary.rows_read
            if sink.partial is None:
                msg = (f"interrupted after {done:,} rows; output to stdout cannot be resumed: "
                       "use --output FILE to be able to resume")
            else:
                msg = (f"interrupted after {done:,} rows; {sink.partial} keeps the finished "
                       "batches: rerun the same command with --resume to continue")
            raise BatchInterrupted(msg, done, sink.partial) from None
        except BaseException:
            sink.close()
            raise
        finally:
            bar.close()
        summary.blank_lines = table.blank_lines
    summary.elapsed_s = time.perf_counter() - t0
    new = summary.rows_read - summary.rows_resumed
    summary.claims_per_s = new / summary.elapsed_s if summary.elapsed_s > 0 else 0.0
    return summary


def _progress_bar(enabled: bool, total: int | None, initial: int):
    from tqdm.auto import tqdm

    return tqdm(total=total, initial=initial, unit="claim", desc="verifying", file=sys.stderr,
                disable=not enabled, dynamic_ncols=True, smoothing=0.1)


__all__ = [
    "RESULT_FIELDS",
    "BatchError",
    "BatchInterrupted",
    "BatchSummary",
    "ClaimTableError",
    "OutputFormat",
    "SupportsCheckMany",
    "csv_line",
    "run_batch",
    "source_name",
    "unique_keys",
    "verify_rows",
]
