"""Property: any table the csv module can write comes back with the same rows and columns."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verifier.batch import RESULT_FIELDS, run_batch

DATA = Path(__file__).parent / "data" / "batch"
_spec = importlib.util.spec_from_file_location("batch_standin", DATA / "standin.py")
standin = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(standin)

# Header names as people write them (no delimiters, quotes or line breaks); cells are anything.
names = st.text(st.characters(categories=("L", "N", "Zs"), include_characters="_-.()"),
                min_size=1, max_size=12)
cells = st.text(max_size=40)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]], str]:
    header = draw(st.lists(names, min_size=0, max_size=4))
    header.insert(draw(st.integers(0, len(header))), draw(st.sampled_from(["claim", "Claim"])))
    width = len(header)
    rows = draw(st.lists(st.lists(cells, min_size=width, max_size=width), max_size=8))
    return header, rows, draw(st.sampled_from([",", ";", "\t"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=tables(), fmt=st.sampled_from(["csv", "jsonl"]), batch_size=st.integers(1, 4))
def test_rows_and_columns_survive(table: tuple[list[str], list[list[str]], str], fmt: str,
                                  batch_size: int) -> None:
    header, rows, delimiter = table
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter).writerows([header, *rows])
    with tempfile.TemporaryDirectory() as d:
        src, out = Path(d) / "in.csv", Path(d) / f"out.{fmt}"
        src.write_bytes(buf.getvalue().encode("utf-8"))
        summary = run_batch(standin.StandInVerifier(), src, out, fmt=fmt,
                            batch_size=batch_size, progress=False)
        data = out.read_bytes()
    assert summary.rows_read == len(rows)
    n = len(header)
    if fmt == "csv":
        got = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
        assert got[0] == [*header, *RESULT_FIELDS]
        assert [r[:n] for r in got[1:]] == rows
        assert all(len(r) == n + len(RESULT_FIELDS) for r in got[1:])
    else:
        from verifier.batch import unique_keys

        keys = unique_keys(header)
        objs = [json.loads(line) for line in data.split(b"\n") if line]
        assert [[o[k] for k in keys] for o in objs] == rows
        assert all(list(o)[n:] == list(RESULT_FIELDS) for o in objs)
