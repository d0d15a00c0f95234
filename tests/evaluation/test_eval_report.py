from __future__ import annotations

import json
from pathlib import Path

from verifier.evaluation.metrics import classification_report, ece, reliability_bins
from verifier.evaluation.report import environment_info, write_report
from verifier.types import Label

S, C, N = Label.SUPPORTED, Label.CONTRADICTED, Label.NOT_FOUND
PNG = b"\x89PNG\r\n\x1a\n"


def _run() -> tuple[dict, list[dict]]:
    gold = [S, S, C, N, N, C]
    pred = [S, C, C, S, N, S]
    conf = [0.9, 0.7, 0.8, 0.55, 0.3, 0.65]
    rows = [{"id": str(i), "claim": f"claim {i} | with a pipe", "gold": g.value,
             "pred": p.value, "confidence": c, "correct": g is p, "citation": f"cited {i}"}
            for i, (g, p, c) in enumerate(zip(gold, pred, conf))]
    ok = [r["correct"] for r in rows]
    metrics = {"task": "toy", **classification_report(gold, pred), "ece": ece(conf, ok),
               "reliability": reliability_bins(conf, ok), "claims_per_s": 12.5,
               "environment": environment_info(), "skipped": {"DISPUTED": 2}}
    return metrics, rows


def test_write_report_files(tmp_path: Path) -> None:
    metrics, rows = _run()
    paths = write_report(metrics, rows, tmp_path / "out")
    assert set(paths) == {"metrics", "report", "predictions", "confusion_matrix", "reliability"}
    lines = paths["predictions"].read_text(encoding="utf-8").splitlines()
    assert [json.loads(x) for x in lines] == rows
    loaded = json.loads(paths["metrics"].read_text(encoding="utf-8"))
    assert loaded["accuracy"] == metrics["accuracy"] and loaded["task"] == "toy"
    for key in ("confusion_matrix", "reliability"):
        data = paths[key].read_bytes()
        assert data.startswith(PNG) and len(data) > 1000
    md = paths["report"].read_text(encoding="utf-8")
    assert md.startswith("# Evaluation: toy")
    assert "| accuracy | 0.500 |" in md
    assert "| gold \\ pred | SUPPORTED | CONTRADICTED | NOT_FOUND |" in md
    assert "| SUPPORTED | 1 | 1 | 0 |" in md
    assert "### NOT_FOUND → SUPPORTED (1)" in md and "### CONTRADICTED → SUPPORTED (1)" in md
    assert "claim 3 \\| with a pipe" in md
    assert "2 DISPUTED" in md and "ECE" in md
    assert "![reliability](reliability.png)" in md


def test_write_report_without_plottable_data(tmp_path: Path) -> None:
    paths = write_report({"task": "empty", "n": 0}, [], tmp_path)
    assert set(paths) == {"metrics", "report", "predictions"}
    assert paths["predictions"].read_text(encoding="utf-8") == ""
    assert json.loads(paths["metrics"].read_text(encoding="utf-8")) == {"task": "empty", "n": 0}


def test_environment_info() -> None:
    env = environment_info()
    assert set(env) >= {"git_commit", "cores", "python", "platform", "torch"}
    assert env["cores"] >= 1
    assert env["git_commit"] is None or len(env["git_commit"]) == 40
