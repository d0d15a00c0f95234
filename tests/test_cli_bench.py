"""`verifier bench` through typer's CliRunner, with the real bundled models."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verifier import cli
from verifier.checks import CHECKS

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "benchmarks" / "claims" / "seed_dev.csv"
CORPUS = REPO / "corpus"

KEYS = {"task", "n", "accuracy", "macro_f1", "confusion_matrix", "claims_per_s", "environment",
        "settings"}

FEVER_ROWS = [
    {"id": "1", "claim": "The Cretaceous ended .", "gold_label": "SUPPORTS",
     "evidence": "The Cretaceous ended with a large mass extinction , the Cretaceous -- "
                 "Paleogene extinction event ."},
    {"id": "2", "claim": "Lost is a political party .", "gold_label": "REFUTES",
     "evidence": "Lost is an American television drama series that originally aired on ABC "
                 "from 2004 to 2010 ."},
    {"id": "3", "claim": "Paris is the capital of France .", "gold_label": "SUPPORTS",
     "evidence": "Paris is the capital and most populous city of France ."},
]


def _plain(text: str) -> str:
    """Usage errors come in a rich box that wraps lines: drop the frame and the wrapping."""
    return " ".join(re.sub(r"[\u2500-\u257f]", " ", text).split())


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _check_metrics(metrics: dict, task: str, n: int) -> None:
    assert set(metrics) >= KEYS
    assert metrics["task"] == task
    assert metrics["n"] == n
    assert 0.0 <= metrics["accuracy"] <= 1.0
    assert 0.0 <= metrics["macro_f1"] <= 1.0
    cm = metrics["confusion_matrix"]
    assert cm["labels"] == ["SUPPORTED", "CONTRADICTED", "NOT_FOUND"]
    assert sum(map(sum, cm["matrix"])) == n
    assert metrics["claims_per_s"] > 0
    assert metrics["environment"]["cores"] >= 1
    assert metrics["settings"]["task"] == task


def test_bench_pairs_fever_style(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "fever.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in FEVER_ROWS), encoding="utf-8")
    out = tmp_path / "metrics.json"
    report = tmp_path / "report"
    res = runner.invoke(cli.app, ["bench", "pairs", str(data), "--output", str(out),
                                  "--report-dir", str(report)])
    assert res.exit_code == 0, res.output
    metrics = json.loads(out.read_text(encoding="utf-8"))
    _check_metrics(metrics, "pairs", 3)
    assert metrics["binary"] is True and metrics["oracle_evidence"] is True
    assert metrics["settings"]["retrieval"] is None
    assert metrics["settings"]["checks"] == list(CHECKS)
    assert "nli_model" in metrics["versions"]
    assert (report / "metrics.json").is_file() and (report / "report.md").is_file()
    assert res.stdout == ""  # metrics went to --output; progress and summary to stderr


def test_bench_without_one_check(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "fever.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in FEVER_ROWS), encoding="utf-8")
    out = tmp_path / "metrics.json"
    res = runner.invoke(cli.app, ["bench", "pairs", str(data), "--output", str(out),
                                  "--without-check", "numbers", "--without-check", "roles"])
    assert res.exit_code == 0, res.output
    used = json.loads(out.read_text(encoding="utf-8"))["settings"]["checks"]
    assert used == [c for c in CHECKS if c not in {"numbers", "roles"}]
    bad = runner.invoke(cli.app, ["bench", "pairs", str(data), "--without-check", "spelling"])
    assert bad.exit_code != 0 and "unknown check" in bad.output


def test_bench_claims_to_stdout(runner: CliRunner, tmp_path: Path) -> None:
    with SEED.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))[:3]
    claims = tmp_path / "claims.csv"
    with claims.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    res = runner.invoke(cli.app, ["bench", "claims", str(claims), "--corpus", str(CORPUS),
                                  "--index-dir", str(tmp_path / "index"), "--retrieval", "bm25",
                                  "--no-checks", "--limit", "3"])
    assert res.exit_code == 0, res.output
    metrics = json.loads(res.stdout)
    _check_metrics(metrics, "claims", 3)
    assert metrics["settings"] == {"task": "claims", "path": str(claims), "retrieval": "bm25",
                                   "checks": [], "limit": 3, "corpus": str(CORPUS)}
    assert "citation" in metrics and "index" in metrics["versions"]


def test_bench_missing_path(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(cli.app, ["bench", "pairs", str(tmp_path / "nope.jsonl")])
    assert res.exit_code == 2
    assert "does not exist" in _plain(res.output)


def test_bench_unknown_task(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "x.jsonl"
    data.write_text("{}\n", encoding="utf-8")
    res = runner.invoke(cli.app, ["bench", "nonsense", str(data)])
    assert res.exit_code == 2
    assert "nonsense" in _plain(res.output)


def test_bench_bad_file_is_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "claims.csv"
    data.write_text("a,b\n1,2\n", encoding="utf-8")
    res = runner.invoke(cli.app, ["bench", "pairs", str(data)])
    assert res.exit_code == 1
    assert res.stderr.startswith("Error: ") and res.stderr.count("\n") == 1
    assert "missing column" in res.stderr


def test_bench_scifact_without_corpus(runner: CliRunner, tmp_path: Path) -> None:
    claims = tmp_path / "claims_dev.jsonl"
    claims.write_text(json.dumps({"id": 1, "claim": "x", "evidence": {},
                                  "cited_doc_ids": []}) + "\n", encoding="utf-8")
    res = runner.invoke(cli.app, ["bench", "scifact", str(claims)])
    assert res.exit_code == 1
    assert "--scifact-corpus" in res.stderr


def test_run_benchmark_is_the_python_api_of_bench(tmp_path: Path) -> None:
    from verifier.evaluation import run_benchmark

    data = tmp_path / "fever.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in FEVER_ROWS), encoding="utf-8")
    metrics, rows = run_benchmark("pairs", data, checks=["numbers"], limit=2)
    _check_metrics(metrics, "pairs", 2)
    assert len(rows) == 2
    assert metrics["settings"]["checks"] == ["numbers"]
    assert metrics["settings"]["retrieval"] is None
    assert metrics["versions"]["nli_model"]
    with pytest.raises(ValueError, match="unknown task"):
        run_benchmark("fever", data)
