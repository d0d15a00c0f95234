"""Which consistency check earns its keep: the full verifier with each check turned off in turn
(and with none), on the seed dev claims and on SciFact dev (open retrieval), in one process so
the models and indexes load once. The same runs one at a time:
``verifier bench ... --without-check NAME``.

    python benchmarks/bench_checks.py --scifact-corpus /tmp/verifier-bench/scifact_corpus.jsonl \
        --out benchmarks/results/checks_ablation.json

Writes the JSON and a Markdown table beside it (``.md``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import REPO, machine, write_json


def run(verifier, task: str, data: dict) -> dict:
    from verifier import evaluation as ev

    if task == "seed_dev":
        metrics, _ = ev.evaluate_claims(verifier, data["examples"], progress=False)
        return {"accuracy": round(metrics["accuracy"], 4),
                "macro_f1": round(metrics["macro_f1"], 4)}
    metrics, _ = ev.evaluate_scifact(verifier, data["claims"], data["corpus"], progress=False)
    sf = metrics["scifact"]
    return {"accuracy": round(metrics["accuracy"], 4),
            "abstract_label_only_f1": round(100 * sf["abstract_label_only"]["f1"], 1),
            "sentence_selection_label_f1": round(100 * sf["sentence_selection_label"]["f1"], 1)}


def main() -> None:
    from verifier import evaluation as ev
    from verifier.checks import CHECKS
    from verifier.verify import Verifier

    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=Path, default=REPO / "benchmarks/claims/seed_dev.csv")
    ap.add_argument("--corpus", type=Path, default=REPO / "corpus")
    ap.add_argument("--scifact-claims", type=Path,
                    default=REPO.parent / "shared/data/scifact/claims_dev.jsonl")
    ap.add_argument("--scifact-corpus", type=Path, default=None,
                    help="SciFact corpus.jsonl to retrieve from (default: none, seed only)")
    ap.add_argument("--index-dir", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None, help="only the first N claims of each set")
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks/results/checks_ablation.json")
    args = ap.parse_args()

    variants = {"all": list(CHECKS), **{f"without {c}": [x for x in CHECKS if x != c]
                                        for c in CHECKS}, "none": []}
    tasks = {"seed_dev": (args.corpus, {"examples": ev.load_claims_csv(args.claims, args.limit)})}
    if args.scifact_corpus:
        claims, corpus = ev.load_scifact(args.scifact_claims, args.scifact_corpus,
                                          args.limit)
        corpus_file = ev.cached_scifact_corpus(corpus, args.scifact_corpus, args.index_dir)
        tasks["scifact_dev"] = (corpus_file, {"claims": claims, "corpus": corpus})
    result: dict = {"variants": {}, "limit": args.limit, "environment": machine()}
    for task, (corpus_path, data) in tasks.items():
        base = Verifier(corpus_path, index_dir=args.index_dir)
        for name, checks in variants.items():
            t = time.perf_counter()
            v = Verifier(None, nli=base.nli, embedder=base.embedder, checks=checks,
                         use_checks=bool(checks))
            v.index, v.retriever = base.index, base.retriever
            row = run(v, task, data)
            result["variants"].setdefault(name, {})[task] = row
            print(f"{task:12s} {name:20s} {row}  ({time.perf_counter() - t:.0f}s)",
                  file=sys.stderr)
    result["versions"] = {k: v for k, v in base.versions.items() if k != "index"}
    write_json(result, args.out)
    args.out.with_suffix(".md").write_text(markdown(result), encoding="utf-8")


def markdown(result: dict) -> str:
    tasks = sorted({t for row in result["variants"].values() for t in row})
    cols = [("seed_dev", "accuracy"), ("seed_dev", "macro_f1"), ("scifact_dev", "accuracy"),
            ("scifact_dev", "abstract_label_only_f1"),
            ("scifact_dev", "sentence_selection_label_f1")]
    cols = [c for c in cols if c[0] in tasks]
    env = result["environment"]
    lines = ["# Consistency checks, one at a time", "",
             f"commit `{env['commit']}`, {env['cores']} cores; versions "
             f"{', '.join(f'{k} `{v}`' for k, v in result['versions'].items())}"
             + (f"; first {result['limit']} claims of each set" if result.get("limit") else "")
             + ".", "",
             "| checks | " + " | ".join(f"{t} {m}" for t, m in cols) + " |",
             "|---|" + "---|" * len(cols)]
    for name, row in result["variants"].items():
        lines.append(f"| {name} | " + " | ".join(str(row.get(t, {}).get(m, "")) for t, m in cols)
                     + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
