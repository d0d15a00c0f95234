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


def stages(corpus: Path, index_dir: Path, claims: list[str]) -> dict:
    """Mean wall milliseconds per claim in each step of ``check()``, from timers wrapped
    around the steps (the p50s are timed without them; run in a fresh process, since a claim
    checked again reuses its parses): the claim split
    includes the claim's parse, the checks the parses of passages not read before;
    ``unattributed`` is the rest of ``check()``."""
    from collections import Counter
    from contextlib import ExitStack
    from functools import wraps
    from unittest import mock

    import verifier.checks
    import verifier.verify as vv
    from verifier.verify import Verifier

    v = Verifier(corpus, index_dir=index_dir)
    for c in claims[:3]:
        v.check(c)
    spent: Counter = Counter()

    def timed(fn, name):
        @wraps(fn)
        def run(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - t
        return run

    steps = [(vv, "split_claim", "claim split (spaCy parse)"),
             (v.embedder, "embed", "query embedding"),
             (v.retriever, "search_many", "retrieval (dense + BM25)"),
             (v, "_relevance", "relevance (cosine, word overlap)"),
             (verifier.checks, "run_checks", "checks"),
             (vv, "_with_absent", "absent names and figures"),
             (v, "_with_timeline", "timeline"),
             (v.nli, "score", "NLI model"),
             (v, "_assemble", "verdict and citations")]
    with ExitStack() as stack:
        for owner, attr, name in steps:
            stack.enter_context(mock.patch.object(owner, attr, timed(getattr(owner, attr), name)))
        t = time.perf_counter()
        for c in claims:
            v.check(c)
        total = time.perf_counter() - t
    n = len(claims)
    out = {name: round(1000 * spent[name] / n, 2) for _, _, name in steps}
    # no step calls another (the relevance step embeds a passage read in context only the
    # first time a claim retrieves it)
    out["unattributed"] = round(1000 * (total - sum(spent.values())) / n, 2)
    out["check_mean_ms"] = round(1000 * total / n, 2)
    return out


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
    ap.add_argument("--stages", action="store_true",
                    help="also time each step of check() in a fresh process (mean ms/claim)")
    ap.add_argument("--stages-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.stages_child:  # a fresh process: no claim parsed or reworded before
        print(json.dumps(stages(args.corpus, args.index_dir, read_claims(args.claims)[: args.n])))
        return

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
        if args.stages:
            child = subprocess.run(
                [sys.executable, __file__, "--stages-child", "--corpus", str(args.corpus),
                 "--index-dir", str(index_dir), "--claims", str(args.claims), "-n", str(args.n)],
                check=True, capture_output=True, text=True, env={**os.environ,
                                                                  "HF_HUB_OFFLINE": "1"})
            result["stages_mean_ms_per_claim"] = json.loads(child.stdout.strip().splitlines()[-1])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
