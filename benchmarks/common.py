"""Helpers shared by the benchmark scripts: where a run happened and how much memory it took."""

from __future__ import annotations

import csv
import json
import os
import resource
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from verifier.evaluation.report import environment_info


def read_claims(path: Path) -> list[str]:
    """The non-blank ``claim`` column of a claims CSV (such as benchmarks/claims/seed_dev.csv)."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        claims = [(r.get("claim") or "").strip() for r in csv.DictReader(f)]
    return [c for c in claims if c]


def machine(note: str | None = None) -> dict:
    """Commit, cores, platform and libraries (``environment_info``), plus the load average when
    the run started and torch's thread count, so a reader can tell a busy CPU from a free one."""
    import torch

    info = environment_info()
    info["commit"] = (info.get("git_commit") or "")[:7] + ("+dirty" if info.get("git_dirty")
                                                           else "")
    info["torch_threads"] = torch.get_num_threads()
    info["load_avg_at_start"] = [round(x, 2) for x in os.getloadavg()]
    busy = info["load_avg_at_start"][0] > 0.5 * (info["cores"] or 1)
    info["note"] = note or ("the CPU was busy with other work when this run started (load average "
                            "above half the cores): timings are pessimistic" if busy else
                            "the CPU was idle when this run started")
    return info


def write_json(result: dict, out: Path | None) -> None:
    """Print ``result`` as JSON on stdout and, with ``out``, save it there too."""
    text = json.dumps(result, indent=2)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n")
    print(text)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return kb / 1024 / (1024 if sys.platform == "darwin" else 1)
