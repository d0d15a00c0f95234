"""Rank the runs of sweep.sh by their best checkpoint's pipeline objective, export the best
as fp16 into OUT_DIR in parts of 15 MB (for transfers with a per-file limit; ``cat
model.part* > model.safetensors`` joins them) with a tarball of every run's log and config."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PART = 15_000_000


def main() -> None:
    runs, out = Path(sys.argv[1]), Path(sys.argv[2])
    table = []
    for cfg in sorted(runs.glob("*/training_config.json")):
        c = json.loads(cfg.read_text())
        for h in c["history"]:
            print(cfg.parent.name, h["step"], h["pairs"], round(h["dev_acc"], 4),
                  h["pipeline"]["objective"])
        table.append((c["best_score"], cfg.parent.name))
    if not table:
        sys.exit(f"no finished run under {runs}: see its *.log files")
    table.sort(reverse=True)
    print("ranking:", table)
    best = runs / table[0][1]
    export = Path(tempfile.mkdtemp()) / "export"
    subprocess.run([sys.executable, "-m", "verifier.training.export", str(best / "best"),
                    "--dest", str(export)], check=True)
    weights = (export / "model.safetensors").read_bytes()
    for i in range(0, len(weights), PART):
        (out / f"model.part{i // PART}").write_bytes(weights[i:i + PART])
    with tarfile.open(out / "meta.tar.gz", "w:gz") as t:
        for p in export.iterdir():
            if p.name != "model.safetensors":
                t.add(p, f"export/{p.name}")
        for p in runs.glob("*.log"):
            t.add(p, f"logs/{p.name}")
        for p in runs.glob("*/training_config.json"):
            t.add(p, f"configs/{p.parent.name}.json")
    print("picked", best.name)


if __name__ == "__main__":
    main()
