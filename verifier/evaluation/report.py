"""Write an evaluation run to a folder: metrics.json, report.md and two plots.

>>> paths = write_report(metrics, rows, Path("benchmarks/results/healthver"))  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from collections import defaultdict
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from verifier.evaluation.metrics import reliability_bins

_REPO = Path(__file__).resolve().parents[2]


def environment_info() -> dict[str, Any]:
    """Where a result came from: git commit (``None`` outside a checkout), cores, Python,
    platform and library versions (read from package metadata, so torch is not imported)."""

    def git(*args: str) -> str | None:
        try:
            out = subprocess.run(["git", *args], cwd=_REPO, capture_output=True, text=True,
                                 timeout=10, check=True)
        except (OSError, subprocess.SubprocessError):
            return None
        return out.stdout.strip()

    def version(pkg: str) -> str | None:
        try:
            return metadata.version(pkg)
        except metadata.PackageNotFoundError:
            return None

    status = git("status", "--porcelain", "--untracked-files=no")
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count()
    return {
        "git_commit": git("rev-parse", "HEAD"),
        "git_dirty": None if status is None else bool(status),
        "cores": usable,
        "cpu_count": os.cpu_count(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "machine": platform.machine(),
        "torch": version("torch"),
        "numpy": version("numpy"),
        "verifier": version("verifier"),
    }


def write_report(
    metrics: dict[str, Any],
    examples: Sequence[dict[str, Any]],
    report_dir: str | Path,
    *,
    wrong_per_kind: int = 5,
) -> dict[str, Path]:
    """Write ``metrics.json``, ``report.md``, ``predictions.jsonl`` (one row per example, for
    error analysis), ``confusion_matrix.png`` and ``reliability.png``.

    ``metrics`` is what the runner returns (``classification_report`` keys plus ``task``,
    ``ece``, ``reliability`` ...); ``examples`` are its rows (``id``, ``claim``, ``gold``,
    ``pred``, ``confidence``, ``correct``, optionally ``citation``). A plot whose data is
    missing (no confusion matrix, no confidences) is not written. Returns the written paths.
    """
    report_dir = Path(report_dir)
    report_dir.mkdir(parents=True, exist_ok=True)
    paths = {"metrics": report_dir / "metrics.json", "report": report_dir / "report.md"}
    paths["metrics"].write_text(json.dumps(metrics, indent=2, default=str) + "\n",
                                encoding="utf-8")
    paths["predictions"] = report_dir / "predictions.jsonl"
    paths["predictions"].write_text(
        "".join(json.dumps(e, ensure_ascii=False, default=str) + "\n" for e in examples),
        encoding="utf-8")

    bins = metrics.get("reliability")
    if bins is None and examples and all("confidence" in e and "correct" in e for e in examples):
        bins = reliability_bins([float(e["confidence"]) for e in examples],
                                [bool(e["correct"]) for e in examples])

    plt = _pyplot()
    cm = metrics.get("confusion_matrix")
    if cm and cm.get("matrix"):
        paths["confusion_matrix"] = report_dir / "confusion_matrix.png"
        _plot_confusion(plt, cm, metrics.get("task", ""), paths["confusion_matrix"])
    if bins and sum(b["count"] for b in bins):
        paths["reliability"] = report_dir / "reliability.png"
        _plot_reliability(plt, bins, metrics.get("ece"), metrics.get("task", ""),
                          paths["reliability"])

    paths["report"].write_text(_markdown(metrics, examples, wrong_per_kind, paths),
                               encoding="utf-8")
    return paths


# ---- markdown -------------------------------------------------------------------------------


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return "-" if v is None else str(v)


def _cell(text: Any, width: int = 160) -> str:
    s = " ".join(str(text).split()).replace("|", "\\|")
    return s if len(s) <= width else s[: width - 1] + "…"


def _markdown(metrics: dict[str, Any], examples: Sequence[dict[str, Any]], k: int,
              paths: dict[str, Path]) -> str:
    out = [f"# Evaluation: {metrics.get('task', 'unnamed')}", ""]
    summary = [
        ("examples", metrics.get("n")),
        ("accuracy", metrics.get("accuracy")),
        ("macro-F1", metrics.get("macro_f1")),
        ("accuracy (forced S/C)", metrics.get("accuracy_forced")),
        ("ECE", metrics.get("ece")),
        ("claims/s", metrics.get("claims_per_s")),
        ("first citation overlaps gold", (metrics.get("citation") or {}).get("overlap_rate")),
    ]
    out += ["| metric | value |", "|---|---|"]
    out += [f"| {name} | {_fmt(v)} |" for name, v in summary if v is not None]
    if metrics.get("skipped"):
        skipped = ", ".join(f"{n} {why}" for why, n in metrics["skipped"].items())
        out += ["", f"Skipped while loading: {skipped}."]
    if metrics.get("errors"):
        out += ["", f"Claims the verifier rejected (scored as NOT_FOUND): {metrics['errors']}."]

    sci = metrics.get("scifact")
    if sci:
        out += ["", "## SciFact (official metrics)", "",
                "| metric | precision | recall | F1 |", "|---|---|---|---|"]
        out += [f"| {name} | {_fmt(v['precision'])} | {_fmt(v['recall'])} | {_fmt(v['f1'])} |"
                for name, v in sci.items()]

    per = metrics.get("per_label")
    if per:
        out += ["", "## Per label", "", "| label | precision | recall | F1 | support |",
                "|---|---|---|---|---|"]
        out += [f"| {lab} | {_fmt(v['precision'])} | {_fmt(v['recall'])} | {_fmt(v['f1'])} "
                f"| {v['support']} |" for lab, v in per.items()]

    cm = metrics.get("confusion_matrix")
    if cm and cm.get("matrix"):
        labels = cm["labels"]
        out += ["", "## Confusion matrix (rows gold, columns predicted)", "",
                "| gold \\ pred | " + " | ".join(labels) + " |",
                "|---" * (len(labels) + 1) + "|"]
        out += [f"| {g} | " + " | ".join(str(c) for c in row) + " |"
                for g, row in zip(labels, cm["matrix"])]

    if "ece" in metrics:
        n_bins = len(metrics.get("reliability") or [])
        out += ["", "## Calibration", "", f"ECE ({n_bins} bins): {_fmt(metrics['ece'])}."]
    for key in ("confusion_matrix", "reliability"):
        if key in paths:
            out += ["", f"![{key}]({paths[key].name})"]

    wrong: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in examples:
        if not e.get("correct", True):
            wrong[f"{e.get('gold')} → {e.get('pred')}"].append(e)
    if wrong:
        out += ["", "## Wrong cases", ""]
        for kind, rows in sorted(wrong.items(), key=lambda kv: -len(kv[1])):
            out += [f"### {kind} ({len(rows)})", "", "| id | claim | confidence | citation |",
                    "|---|---|---|---|"]
            out += [f"| {_cell(r.get('id', ''), 40)} | {_cell(r.get('claim', ''))} | "
                    f"{_fmt(r.get('confidence'))} | {_cell(r.get('citation') or '')} |"
                    for r in rows[:k]]
            out.append("")

    env = metrics.get("environment")
    if env:
        out += ["", "## Environment", ""]
        out += [f"- {k}: {_fmt(v)}" for k, v in env.items()]
    return "\n".join(out).rstrip() + "\n"


# ---- plots ----------------------------------------------------------------------------------


def _pyplot() -> Any:  # matplotlib.pyplot
    try:
        import matplotlib
    except ImportError as e:
        raise ImportError("report plots need matplotlib: pip install 'verifier[bench]'") from e
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _plot_confusion(plt: Any, cm: dict[str, Any], task: str, path: Path) -> None:
    labels, m = cm["labels"], cm["matrix"]
    fig, ax = plt.subplots(figsize=(1.6 * len(labels) + 2, 1.4 * len(labels) + 1.5))
    ax.imshow(m, cmap="Blues")
    top = max((c for row in m for c in row), default=0)
    for i, row in enumerate(m):
        for j, c in enumerate(row):
            ax.text(j, i, str(c), ha="center", va="center",
                    color="white" if top and c > top / 2 else "black")
    ax.set_xticks(range(len(labels)), labels, rotation=20)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title(f"Confusion matrix {task}".strip())
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _plot_reliability(plt: Any, bins: list[dict[str, float]], ece_value: float | None, task: str,
                      path: Path) -> None:
    fig, ax = plt.subplots(figsize=(5, 5))
    used = [b for b in bins if b["count"]]
    width = bins[0]["hi"] - bins[0]["lo"]
    ax.bar([b["lo"] for b in used], [b["accuracy"] for b in used], width=width, align="edge",
           edgecolor="black", alpha=0.7, label="accuracy")
    ax.plot([b["mean_confidence"] for b in used], [b["accuracy"] for b in used], "o",
            color="black", label="mean confidence")
    ax.plot([0, 1], [0, 1], "--", color="gray", label="perfect calibration")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("confidence")
    ax.set_ylabel("accuracy")
    title = f"Reliability {task}".strip()
    if ece_value is not None:
        title += f" (ECE {ece_value:.3f})"
    ax.set_title(title)
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
