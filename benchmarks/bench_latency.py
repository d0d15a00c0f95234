"""Single-claim latency: warm ``Verifier.check()`` p50/p90 in one process, the share of it spent
in the NLI model (a baseline timed in the same process on the same pairs), and cold
``verifier check`` wall time (a fresh process: imports, model loads, index open).

Claims are the ``claim`` column of ``benchmarks/claims/seed_dev.csv``; the index over the corpus
is built before timing starts, so "cold" means a cold *process*, not a cold index.

    python benchmarks/bench_latency.py --corpus corpus --out benchmarks/results/latency.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import REPO, machine, peak_rss_mb, read_claims


def quantiles(ms: list[float]) -> dict[str, float]:
    q = statistics.quantiles(ms, n=10)
    return {"p50_ms": round(statistics.median(ms), 1), "p90_ms": round(q[8], 1),
            "mean_ms": round(statistics.fmean(ms), 1), "n": len(ms)}


def warm(corpus: Path, index_dir: Path, claims: list[str]) -> dict:
    from verifier.verify import Verifier

    t = time.perf_counter()
    v = Verifier(corpus, index_dir=index_dir)
    load_s = time.perf_counter() - t
    for c in claims[:3]:  # first calls pay lazy loads (spaCy, tokenizer caches)
        v.check(c)
    check_ms, nli_ms, pairs_per_claim = [], [], []
    for c in claims:
        t = time.perf_counter()
        verdict = v.check(c)
        check_ms.append(1000 * (time.perf_counter() - t))
        # baseline: the NLI model alone on this claim's retrieved passages, same process
        passages = [h.passage.text for h in v.retriever.search(c, k=v.settings.retrieve_k)]
        pairs = [(p, c) for p in passages]
        t = time.perf_counter()
        v.nli.score(pairs)
        nli_ms.append(1000 * (time.perf_counter() - t))
        pairs_per_claim.append(len(pairs))
        assert verdict.label is not None
    t = time.perf_counter()
    v.check_many(claims)
    batch_s = time.perf_counter() - t
    check = quantiles(check_ms)
    nli = quantiles(nli_ms)
    return {"load_s": round(load_s, 2), "versions": v.versions,  # precision: -bf16 suffix
            "check": check, "nli_only": nli,
            "nli_share_of_p50": round(nli["p50_ms"] / check["p50_ms"], 3),
            "nli_pairs_per_claim": round(statistics.fmean(pairs_per_claim), 1),
            "check_many_claims_per_s": round(len(claims) / batch_s, 1),
            "peak_rss_mb": round(peak_rss_mb(), 1)}


def cold(corpus: Path, index_dir: Path, claim: str, repeats: int) -> dict:
    cmd = [sys.executable, str(REPO / "cli.py"), "check", claim, "--corpus", str(corpus),
           "--index-dir", str(index_dir), "--json"]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    walls = []
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=REPO)
        walls.append(time.perf_counter() - t)
    return {"wall_s_median": round(statistics.median(walls), 2),
            "wall_s_runs": [round(w, 2) for w in walls], "command": " ".join(cmd[1:])}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=REPO / "corpus")
    ap.add_argument("--claims", type=Path, default=REPO / "benchmarks/claims/seed_dev.csv")
    ap.add_argument("-n", type=int, default=100, help="claims timed warm")
    ap.add_argument("--cold-repeats", type=int, default=3)
    ap.add_argument("--index-dir", type=Path, default=None,
                    help="index folder (default: a fresh temporary one, built before timing)")
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks/results/latency.json")
    args = ap.parse_args(argv)

    claims = read_claims(args.claims)[: args.n]
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = args.index_dir or Path(tmp) / "index"
        from verifier.embedding import get_embedder
        from verifier.index import build_index

        build_index(args.corpus, index_dir, get_embedder(), progress=False)
        info = machine()
        result = {"benchmark": "latency", "machine": info, "corpus": str(args.corpus),
                  "claims": str(args.claims),
                  "warm": warm(args.corpus, index_dir, claims),
                  "cold_cli": cold(args.corpus, index_dir, claims[0], args.cold_repeats),
                  "goal": "warm check p50 <= 50 ms on 2 cores"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
