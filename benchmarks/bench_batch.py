"""Batch verification benchmark: claims/s of ``run_batch`` with the real ``Verifier``, its ratio
against calling ``Verifier.check()`` once per claim in the same process, and peak RSS of a
2,000-row run against a 100,000-row run (memory should stay flat: rows are streamed).

Claims are made from ``benchmarks/claims/seed_dev.csv`` (or a few built-in seed-style claims when
it is missing) by repetition and light variation, so every run sees the same inputs.

    python benchmarks/bench_batch.py --corpus corpus --out benchmarks/results/batch.json
    python benchmarks/bench_batch.py --large-rows 0            # skip the 100,000-row run

Each measurement runs in its own subprocess so peak RSS is that run's alone. The 100,000-row run
with the real models takes a long time on a laptop CPU (about rows / claims-per-second);
``--large-verifier standin`` measures the batch machinery's memory with a hash-based stand-in
instead. Timings are medians over ``--repeats`` runs; the first run of each kind warms up and is
discarded.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import REPO, machine, peak_rss_mb, read_claims

SEED_CSV = REPO / "benchmarks" / "claims" / "seed_dev.csv"
FALLBACK_CLAIMS = [
    "Russian peacekeepers completed their withdrawal from the Nagorno-Karabakh region.",
    "Nearly 2,000 Russian peacekeepers had been stationed in Karabakh.",
    "The ceasefire agreement between Yerevan and Baku was signed in November 2020.",
    "Azerbaijan's Defense Ministry said the withdrawal was completed on June 12.",
    "The Russian troops had a mandate to remain until 2025.",
    "Around 5,000 Russian peacekeepers were stationed in Karabakh.",
    "The peacekeepers were replaced by Turkish troops.",
    "Moscow's war in Ukraine is putting pressure on Russia's armed forces.",
]
PREFIXES = ["", "", "", "Officials said that ", "Reports say ", "According to the statement, "]
SUFFIXES = ["", "", "", " (reported)", ", officials said.", " according to Baku"]


# ---- inputs ---------------------------------------------------------------------------------


def seed_claims(path: Path = SEED_CSV) -> list[str]:
    """The ``claim`` column of the seed file, or the built-in claims when it is missing."""
    if not path.is_file():
        return list(FALLBACK_CLAIMS)
    return read_claims(path) or list(FALLBACK_CLAIMS)


def vary(claim: str, rng: random.Random) -> str:
    body = claim.rstrip(".")
    prefix = rng.choice(PREFIXES)
    first = body.split(" ", 1)[0]
    if prefix and first in {"The", "A", "An", "It", "This", "There", "All", "Some"}:
        body = body[:1].lower() + body[1:]  # never lowercase a name
    return f"{prefix}{body}{rng.choice(SUFFIXES) or '.'}"


def write_claims(path: Path, n: int, seeds: list[str], seed: int = 0) -> Path:
    """``n`` rows (id, claim): the seeds in turn, the first pass verbatim, later ones varied."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "claim"])
        for i in range(n):
            base = seeds[i % len(seeds)]
            w.writerow([f"b{i:06d}", base if i < len(seeds) else vary(base, rng)])
    return path


# ---- children (one measurement per process) -------------------------------------------------


class _StandIn:
    """Hash-based verdicts, no models: isolates the batch machinery's own cost and memory."""

    @property
    def versions(self) -> dict[str, str]:
        return {"standin": "1"}

    def check_many(self, claims: list[str], batch_size: int = 32) -> list:
        import hashlib

        from verifier.types import Label, Verdict

        labels = list(Label)
        return [Verdict(claim=c, label=labels[hashlib.sha256(c.encode()).digest()[0] % 3],
                        confidence=0.5) for c in claims]

    def check(self, claim: str):
        return self.check_many([claim])[0]


def _make(args: argparse.Namespace):
    if args.verifier == "standin":
        return _StandIn()
    from verifier.verify import Verifier

    return Verifier(args.corpus, index_dir=args.index_dir)


def child_run(args: argparse.Namespace) -> dict:
    """One ``run_batch`` over ``--input``; RSS after loading the models and at the end."""
    from verifier.batch import run_batch

    t0 = time.perf_counter()
    v = _make(args)
    load_s = time.perf_counter() - t0
    rss_loaded = peak_rss_mb()
    out = Path(args.workdir) / f"out-{os.getpid()}.csv"
    s = run_batch(v, args.input, out, batch_size=args.batch_size, progress=False)
    out.unlink()
    return {"rows": s.rows_read, "errors": s.errors, "counts": s.counts,
            "elapsed_s": s.elapsed_s, "claims_per_s": s.claims_per_s, "load_s": load_s,
            "peak_rss_mb_after_load": rss_loaded, "peak_rss_mb": peak_rss_mb()}


def child_compare(args: argparse.Namespace) -> dict:
    """Same process, same claims: ``run_batch`` against a ``check()`` loop, medians."""
    from verifier.batch import run_batch

    v = _make(args)
    with open(args.input, encoding="utf-8", newline="") as f:
        claims = [r["claim"] for r in csv.DictReader(f)]
    out = Path(args.workdir) / f"cmp-{os.getpid()}.csv"
    batch_s, loop_s = [], []
    for i in range(args.repeats + 1):  # run 0 warms up caches and lazy loads
        t = time.perf_counter()
        run_batch(v, args.input, out, batch_size=args.batch_size, progress=False)
        b = time.perf_counter() - t
        t = time.perf_counter()
        for c in claims:
            v.check(c)
        lp = time.perf_counter() - t
        if i:
            batch_s.append(b)
            loop_s.append(lp)
    out.unlink(missing_ok=True)
    n = len(claims)
    b, lp = statistics.median(batch_s), statistics.median(loop_s)
    return {"claims": n, "repeats": args.repeats, "batch_median_s": b, "loop_median_s": lp,
            "batch_claims_per_s": n / b, "loop_claims_per_s": n / lp, "speedup": lp / b,
            "batch_s": batch_s, "loop_s": loop_s}


def spawn(mode: str, args: argparse.Namespace, input_: Path, verifier: str) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--input", str(input_),
           "--workdir", str(input_.parent), "--verifier", verifier,
           "--corpus", str(args.corpus), "--batch-size", str(args.batch_size),
           "--repeats", str(args.repeats)]
    if args.index_dir:
        cmd += ["--index-dir", str(args.index_dir)]
    print(f"[bench_batch] {mode} {input_.name} ({verifier})", file=sys.stderr, flush=True)
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode:
        sys.stderr.write(res.stderr)
        raise SystemExit(f"child {mode} failed with exit code {res.returncode}")
    return json.loads(res.stdout.strip().splitlines()[-1])


# ---- orchestration --------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", type=Path, default=REPO / "corpus",
                   help="corpus the real Verifier checks against (default: corpus/)")
    p.add_argument("--index-dir", type=Path, default=None, help="index location (optional)")
    p.add_argument("--seed-csv", type=Path, default=SEED_CSV,
                   help="CSV with a 'claim' column to build the inputs from")
    p.add_argument("--rows", type=int, default=2000, help="rows of the main run (2000)")
    p.add_argument("--subset", type=int, default=200,
                   help="claims for the run_batch vs check()-loop comparison (200)")
    p.add_argument("--large-rows", type=int, default=100_000,
                   help="rows of the memory run; 0 skips it (100000)")
    p.add_argument("--large-verifier", choices=["real", "standin"], default="real",
                   help="verifier for the large run: the real models, or a hash stand-in that "
                        "measures only the batch machinery (fast)")
    p.add_argument("--batch-size", type=int, default=32, help="run_batch batch size (32)")
    p.add_argument("--repeats", type=int, default=3, help="timed repeats for medians (3)")
    p.add_argument("--out", type=Path, default=None, help="write the results JSON here")
    # internal: one measurement in a child process
    p.add_argument("--child", choices=["run", "compare"], help=argparse.SUPPRESS)
    p.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--verifier", choices=["real", "standin"], default="real",
                   help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.child:
        result = child_run(args) if args.child == "run" else child_compare(args)
        print(json.dumps(result))
        return
    seeds = seed_claims(args.seed_csv)
    result: dict = {"machine": machine(), "settings": {
        "rows": args.rows, "subset": args.subset, "large_rows": args.large_rows,
        "large_verifier": args.large_verifier, "batch_size": args.batch_size,
        "repeats": args.repeats, "corpus": str(args.corpus),
        "seed_claims": len(seeds), "seed_source": str(args.seed_csv)
        if args.seed_csv.is_file() else "built-in"}}
    with tempfile.TemporaryDirectory(prefix="bench_batch-") as tmp:
        work = Path(tmp)
        main_csv = write_claims(work / "main.csv", args.rows, seeds)
        subset_csv = write_claims(work / "subset.csv", args.subset, seeds)
        result["run"] = spawn("run", args, main_csv, "real")
        result["compare"] = spawn("compare", args, subset_csv, "real")
        if args.large_rows:
            large_csv = write_claims(work / "large.csv", args.large_rows, seeds)
            result["large_run"] = spawn("run", args, large_csv, args.large_verifier)
            if args.large_verifier == "standin":  # compare like with like
                result["small_run_standin"] = spawn("run", args, main_csv, "standin")
                small = result["small_run_standin"]
            else:
                small = result["run"]
            result["rss_ratio_large_vs_small"] = (result["large_run"]["peak_rss_mb"]
                                                  / small["peak_rss_mb"])
    r, c = result["run"], result["compare"]
    print(f"run_batch, {r['rows']:,} rows: {r['claims_per_s']:.1f} claims/s, "
          f"peak RSS {r['peak_rss_mb']:.0f} MB (models loaded: "
          f"{r['peak_rss_mb_after_load']:.0f} MB)")
    print(f"{c['claims']} claims: run_batch {c['batch_claims_per_s']:.1f} claims/s vs check() "
          f"loop {c['loop_claims_per_s']:.1f} claims/s -> {c['speedup']:.2f}x")
    if "large_run" in result:
        lr = result["large_run"]
        print(f"{lr['rows']:,} rows ({args.large_verifier}): peak RSS {lr['peak_rss_mb']:.0f} "
              f"MB, {result['rss_ratio_large_vs_small']:.2f}x the {args.rows:,}-row run")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
