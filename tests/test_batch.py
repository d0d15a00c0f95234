"""`verifier.batch.run_batch` and `verifier batch`: input robustness, output shape, errors.

A hash-based stand-in verifier (tests/data/batch/standin.py) replaces the models: these tests
are about reading and writing rows, not about verdicts.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verifier import cli
from verifier.batch import (
    RESULT_FIELDS,
    BatchError,
    ClaimTableError,
    csv_line,
    run_batch,
    unique_keys,
)
from verifier.claims import MAX_CLAIM_CHARS
from verifier.errors import VerifierError

DATA = Path(__file__).parent / "data" / "batch"
_spec = importlib.util.spec_from_file_location("batch_standin", DATA / "standin.py")
standin = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(standin)
StandInVerifier = standin.StandInVerifier


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def run(tmp_path: Path, src: Path | str, **kw) -> tuple[list[list[str]], Path]:
    out = tmp_path / "out.csv"
    kw.setdefault("progress", False)
    run_batch(StandInVerifier(), src, out, **kw)
    return read_csv(out), out


def expected_label(claim: str) -> str:
    return StandInVerifier._verdict(" ".join(claim.split())).label.value


# ---- output shape ---------------------------------------------------------------------------


def test_output_columns_order_and_values(tmp_path: Path) -> None:
    rows, out = run(tmp_path, DATA / "simple.csv")
    assert rows[0] == ["id", "claim", "category", *RESULT_FIELDS]
    assert [r[:3] for r in rows[1:]] == [
        ["1", "Russian peacekeepers left Karabakh.", "a"],
        ["2", 'Baku said, "done".', "b"],
    ]
    for r in rows[1:]:
        label, conf, cites, expl, err = r[3:]
        assert label == expected_label(r[1])
        assert len(conf.split(".")[1]) == 4 and 0 <= float(conf) <= 1
        parsed = json.loads(cites)
        assert isinstance(parsed, list)
        v = StandInVerifier._verdict(r[1])
        assert parsed == [c.to_dict() for c in v.citations]
        assert expl == v.explanation  # embedded newline survives quoting
        assert err == ""
    assert out.read_bytes().endswith(b"\n") and b"\r" not in out.read_bytes()
    assert not (tmp_path / "out.csv.partial").exists()
    assert not (tmp_path / "out.csv.partial.json").exists()


def test_summary_counts(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("claim\nA.\nB.\n\n  \nC.\n", encoding="utf-8")
    s = run_batch(StandInVerifier(), src, tmp_path / "o.csv", progress=False)
    assert s.rows_read == 4 and s.errors == 1 and s.blank_lines == 1
    assert sum(s.counts.values()) == 3
    assert s.counts[expected_label("A.")] >= 1
    assert set(s.counts) == {"SUPPORTED", "CONTRADICTED", "NOT_FOUND"}
    assert "4 rows read" in s.text() and "errors 1" in s.text()
    assert s.claims_per_s > 0 and s.elapsed_s > 0


def test_deterministic_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    run_batch(StandInVerifier(), DATA / "multiline.csv", a, progress=False)
    run_batch(StandInVerifier(), DATA / "multiline.csv", b, progress=False, batch_size=1)
    assert a.read_bytes() == b.read_bytes()


def test_invalid_claims_get_errors_and_batch_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "bad.csv"
    claims = ["Fine claim.", "", "   \t ", "x" * (MAX_CLAIM_CHARS + 1), "bad \ufffd byte",
              "nul \x00 here", "Another fine claim."]
    with open(src, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["n", "claim"])
        w.writerows([str(i), c] for i, c in enumerate(claims))
    v = StandInVerifier()
    out = tmp_path / "out.csv"
    s = run_batch(v, src, out, progress=False, batch_size=3)
    rows = read_csv(out)[1:]
    assert [r[1] for r in rows] == claims  # cells unchanged, including the bad ones
    assert [bool(r[6]) for r in rows] == [False, True, True, True, True, True, False]
    for r in rows[1:6]:
        assert r[2:6] == ["", "", "", ""]
    assert "empty" in rows[1][6] and "empty" in rows[2][6]
    assert "2,000" in rows[3][6]
    assert "undecodable" in rows[4][6] and "undecodable" in rows[5][6]
    assert s.errors == 5
    sent = [c for call in v.calls for c in call]
    assert sent == ["Fine claim.", "Another fine claim."]  # invalid ones never reach the model


def test_verifier_rejecting_a_claim_only_fails_that_row(tmp_path: Path) -> None:
    from verifier.errors import InvalidClaimError

    class Picky(StandInVerifier):
        def check_many(self, claims, batch_size=32):
            if any("forbidden" in c for c in claims):
                raise InvalidClaimError("forbidden word")
            return super().check_many(claims, batch_size)

    src = tmp_path / "in.csv"
    src.write_text("claim\nok one\nforbidden one\nok two\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    run_batch(Picky(), src, out, progress=False)
    rows = read_csv(out)[1:]
    assert [r[1] != "" for r in rows] == [True, False, True]
    assert "forbidden word" in rows[1][5]


# ---- input robustness -----------------------------------------------------------------------


def test_utf8_bom(tmp_path: Path) -> None:
    rows, out = run(tmp_path, DATA / "bom.csv")
    assert rows[0][:2] == ["id", "claim"]
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_utf8_bom_with_explicit_utf8(tmp_path: Path) -> None:
    rows, _ = run(tmp_path, DATA / "bom.csv", encoding="utf-8")
    assert rows[0][:2] == ["id", "claim"]


def test_latin1_without_encoding_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ClaimTableError, match="--encoding") as e:
        run(tmp_path, DATA / "latin1.csv")
    assert "not UTF-8" in str(e.value)
    assert not (tmp_path / "out.csv.partial").exists()  # fails before writing anything


def test_latin1_with_encoding(tmp_path: Path) -> None:
    rows, _ = run(tmp_path, DATA / "latin1.csv", encoding="latin-1")
    assert rows[1][1] == "Café owners in Köln protested."
    assert rows[1][2] == expected_label("Café owners in Köln protested.")


def test_unknown_encoding(tmp_path: Path) -> None:
    with pytest.raises(ClaimTableError, match="unknown encoding"):
        run(tmp_path, DATA / "simple.csv", encoding="no-such-codec")


def test_semicolon_delimiter(tmp_path: Path) -> None:
    rows, _ = run(tmp_path, DATA / "semicolon.csv")
    assert rows[0][:3] == ["id", "claim", "note"]
    assert rows[1][:3] == ["1", "Russia, said officials, withdrew.", "x"]
    assert rows[2][:3] == ["2", "Semi; colon", "y"]


def test_tab_delimiter(tmp_path: Path) -> None:
    rows, _ = run(tmp_path, DATA / "tab.csv")
    assert rows[0][:2] == ["id", "claim"]
    assert rows[1][:2] == ["1", "Tabs, and commas."]
    assert rows[2][:2] == ["2", "quoted\ttab"]


def test_single_column_with_unquoted_commas(tmp_path: Path) -> None:
    src = tmp_path / "one.csv"
    src.write_text("claim\nRussia, officials said, withdrew.\nA plain claim.\n",
                   encoding="utf-8")
    rows, _ = run(tmp_path, src)
    assert [r[0] for r in rows[1:]] == ["Russia, officials said, withdrew.", "A plain claim."]


def test_embedded_newlines_and_quotes(tmp_path: Path) -> None:
    rows, _ = run(tmp_path, DATA / "multiline.csv")
    assert rows[1][1] == "first line\nsecond line"
    assert rows[2][1] == 'she said "no"'
    assert rows[1][2] == expected_label("first line second line")


def test_blank_lines_skipped(tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    s = run_batch(StandInVerifier(), DATA / "blank_lines.csv", out, progress=False)
    rows = read_csv(out)
    assert [r[:2] for r in rows[1:]] == [["1", "A claim."], ["2", "Another claim."]]
    assert s.rows_read == 2 and s.blank_lines == 4


def test_duplicate_columns_preserved_csv(tmp_path: Path) -> None:
    rows, _ = run(tmp_path, DATA / "duplicate_columns.csv")
    assert rows[0] == ["claim", "id", "claim", "ID", *RESULT_FIELDS]
    assert rows[1][:4] == ["first claim", "1", "second", "x"]
    assert rows[1][4] == expected_label("first claim")  # the first 'claim' column is used


def test_duplicate_columns_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    run_batch(StandInVerifier(), DATA / "duplicate_columns.csv", out, fmt="jsonl",
              progress=False)
    obj = json.loads(out.read_text(encoding="utf-8"))
    assert list(obj) == ["claim", "id", "claim_2", "ID", *RESULT_FIELDS]
    assert obj["claim"] == "first claim" and obj["claim_2"] == "second"
    assert obj["label"] == expected_label("first claim") and obj["error"] is None


def test_jsonl_input_column_named_like_a_result_field(tmp_path: Path) -> None:
    src = tmp_path / "gold.csv"
    src.write_text("claim,label\nA.,SUPPORTED\n,NOT_FOUND\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    run_batch(StandInVerifier(), src, out, fmt="jsonl", progress=False)
    a, b = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert a["label_2"] == "SUPPORTED" and a["label"] == expected_label("A.")
    assert b["label"] is None and b["confidence"] is None and "empty" in b["error"]
    assert isinstance(a["confidence"], float) and isinstance(a["citations"], list)


def test_claim_column_case_insensitive(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("ID, Claim \n1,Upper case header.\n", encoding="utf-8")
    rows, _ = run(tmp_path, src)
    assert rows[0][:2] == ["ID", " Claim "]
    assert rows[1][2] == expected_label("Upper case header.")


def test_custom_claim_column(tmp_path: Path) -> None:
    rows, _ = run(tmp_path, DATA / "no_claim_column.csv", claim_column="TEXT")
    assert rows[1][2] == expected_label("No claim column here.")


def test_header_only(tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    s = run_batch(StandInVerifier(), DATA / "header_only.csv", out, progress=False)
    assert out.read_text(encoding="utf-8") == "id,claim,note," + ",".join(RESULT_FIELDS) + "\n"
    assert s.rows_read == 0


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    src = tmp_path / "empty.csv"
    src.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ClaimTableError, match="empty"):
        run(tmp_path, src)


def test_missing_claim_column_lists_columns(tmp_path: Path) -> None:
    with pytest.raises(ClaimTableError) as e:
        run(tmp_path, DATA / "no_claim_column.csv")
    assert "'id', 'text'" in str(e.value) and "--claim-column" in str(e.value)
    assert isinstance(e.value, VerifierError)


def test_missing_id_column(tmp_path: Path) -> None:
    with pytest.raises(ClaimTableError, match="--id-column"):
        run(tmp_path, DATA / "simple.csv", id_column="uid")


def test_ragged_rows_padded_and_kept(tmp_path: Path) -> None:
    rows, _ = run(tmp_path, DATA / "ragged.csv")
    assert rows[0] == ["id", "claim", "note", *RESULT_FIELDS]
    assert rows[1][:3] == ["1", "Short row", ""]
    assert len(rows[1]) == 3 + len(RESULT_FIELDS)
    assert rows[2][:3] == ["2", "Long row", "n"]
    assert rows[2][3] == expected_label("Long row")
    assert rows[2][-2:] == ["extra1", "extra2"]  # extra cells after the result fields


def test_ragged_rows_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    run_batch(StandInVerifier(), DATA / "ragged.csv", out, fmt="jsonl", progress=False)
    short, long_ = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert short["note"] == "" and "_extra" not in short
    assert long_["_extra"] == ["extra1", "extra2"]


def test_output_same_as_input_refused(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("claim\nA.\n", encoding="utf-8")
    with pytest.raises(BatchError, match="overwrite the input"):
        run_batch(StandInVerifier(), src, src, progress=False)


def test_existing_partial_without_resume_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    (tmp_path / "o.csv.partial").write_text("id,claim\n", encoding="utf-8")
    with pytest.raises(BatchError, match="--resume"):
        run_batch(StandInVerifier(), DATA / "simple.csv", out, progress=False)


def test_csv_line_quotes_bare_cr() -> None:
    line = csv_line(["a\rb", "c", 'q"', "", "x,y"])
    assert list(csv.reader(io.StringIO(line, newline=""))) == [["a\rb", "c", 'q"', "", "x,y"]]
    assert csv_line([""]) == '""\n'


def test_unique_keys() -> None:
    assert unique_keys(["a", "a", "label", "a_2", "error"]) == [
        "a", "a_2", "label_2", "a_2_2", "error_2"]


# ---- stdin / stdout and the CLI -------------------------------------------------------------


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setattr(cli, "_make_verifier", lambda corpus, index_dir: StandInVerifier())
    return CliRunner()


def test_cli_stdin_to_stdout(runner: CliRunner) -> None:
    data = (DATA / "simple.csv").read_bytes()
    res = runner.invoke(cli.app, ["batch", "-", "--no-progress"], input=data)
    assert res.exit_code == 0, res.output
    rows = list(csv.reader(io.StringIO(res.stdout, newline="")))
    assert rows[0] == ["id", "claim", "category", *RESULT_FIELDS]
    assert len(rows) == 3
    assert "2 rows read" in res.stderr and "claims/s" in res.stderr
    assert "rows read" not in res.stdout


def test_cli_file_matches_library(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "cli.csv"
    res = runner.invoke(cli.app, ["batch", str(DATA / "multiline.csv"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    lib = tmp_path / "lib.csv"
    run_batch(StandInVerifier(), DATA / "multiline.csv", lib, progress=False)
    assert out.read_bytes() == lib.read_bytes()


def test_cli_format_from_suffix(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "v.jsonl"
    res = runner.invoke(cli.app, ["batch", str(DATA / "simple.csv"), "-o", str(out),
                                  "--no-progress"])
    assert res.exit_code == 0, res.output
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == [
        "1", "2"]


def test_cli_missing_column_one_line_error(runner: CliRunner) -> None:
    res = runner.invoke(cli.app, ["batch", str(DATA / "no_claim_column.csv")])
    assert res.exit_code == 1
    assert res.stderr.startswith("Error: no claim column 'claim'")
    assert "Traceback" not in res.output


def test_cli_decode_error_says_encoding(runner: CliRunner) -> None:
    res = runner.invoke(cli.app, ["batch", str(DATA / "latin1.csv")])
    assert res.exit_code == 1 and "--encoding" in res.stderr
    res = runner.invoke(cli.app, ["batch", str(DATA / "latin1.csv"), "--encoding", "latin-1",
                                  "--no-progress"])
    assert res.exit_code == 0 and "Köln" in res.stdout


def test_cli_resume_to_stdout_refused(runner: CliRunner) -> None:
    res = runner.invoke(cli.app, ["batch", str(DATA / "simple.csv"), "--resume"])
    assert res.exit_code == 1 and "stdout cannot be resumed" in res.stderr


def test_cli_missing_input(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(cli.app, ["batch", str(tmp_path / "nope.csv")])
    assert res.exit_code == 1 and "does not exist" in res.stderr


def test_cli_help_on_every_option() -> None:
    import click
    import typer.main

    cmd = typer.main.get_command(cli.app).commands["batch"]
    assert cmd.help
    for p in cmd.params:
        if isinstance(p, click.Option):
            assert p.help, p.name
