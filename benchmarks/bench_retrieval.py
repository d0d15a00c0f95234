"""Retrieval benchmark: SciFact dev recall@1/5/10 of gold abstracts and of gold rationale
sentences, nDCG@10 of abstracts, for dense, BM25 and hybrid retrieval; query latency p50/p95 on
the seed corpus and on SciFact.

Uses the SciFact index that ``bench_index.py`` built (same ``--workdir``), so run that first.

    python benchmarks/bench_retrieval.py --out benchmarks/results/retrieval_scifact.json

Abstract metrics rank documents by their best passage (``HybridRetriever.search_docs_many``).
A rationale sentence counts as found at k when one of the top-k passages covers it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_index import SCIFACT, to_markdown
from common import machine, peak_rss_mb

from verifier.evaluation import ndcg_at_k, recall_at_k

KS = (1, 5, 10)


def sentence_spans(abstract: list[str]) -> list[tuple[int, int]]:
    """Offsets of each sentence in the converted text (sentences joined by blank lines)."""
    spans, pos = [], 0
    for s in abstract:
        s = s.strip()
        spans.append((pos, pos + len(s)))
        pos += len(s) + 2
    return spans


def evaluate(retriever, claims: list[dict], spans: dict[str, list[tuple[int, int]]]) -> dict:
    queries = [c["claim"] for c in claims]
    t = time.perf_counter()
    passage_hits = retriever.search_many(queries, k=max(KS))
    doc_hits = retriever.search_docs_many(queries, k=max(KS))
    seconds = time.perf_counter() - t
    doc_recall = {k: [] for k in KS}
    sent_recall = {k: [] for k in KS}
    ndcgs = []
    for c, ph, dh in zip(claims, passage_hits, doc_hits):
        gold_docs = {str(d) for d in c["evidence"]}
        ranked = [h.doc_id.split("#", 1)[1] for h in dh]
        for k in KS:
            doc_recall[k].append(recall_at_k(ranked, gold_docs, k))
        ndcgs.append(ndcg_at_k(ranked, gold_docs, 10))
        gold_sents = {(d, i) for d, sets in c["evidence"].items() for s in sets
                      for i in s["sentences"]}
        for k in KS:
            found = 0
            for d, i in gold_sents:
                a, b = spans[str(d)][i]
                found += any(h.passage.doc_id.split("#", 1)[1] == str(d)
                             and h.passage.start < b and h.passage.end > a for h in ph[:k])
            sent_recall[k].append(found / len(gold_sents))
    mean = statistics.fmean
    return {
        **{f"abstract_recall@{k}": round(mean(v), 4) for k, v in doc_recall.items()},
        "abstract_ndcg@10": round(mean(ndcgs), 4),
        **{f"rationale_recall@{k}_passages": round(mean(v), 4) for k, v in sent_recall.items()},
        "batched_seconds": round(seconds, 2),
    }


def latency(retriever, queries: list[str], k: int = 10) -> dict:
    retriever.search(queries[0], k)  # warm-up
    times = []
    for q in queries:
        t = time.perf_counter()
        retriever.search(q, k)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"queries": len(times), "p50_ms": round(times[len(times) // 2], 1),
            "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/verifier-bench"))
    ap.add_argument("--seed-corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--latency-queries", type=int, default=60)
    ap.add_argument("--out", type=Path, default=Path("benchmarks/results/retrieval_scifact.json"))
    args = ap.parse_args()

    from verifier.embedding import get_embedder
    from verifier.index import CorpusIndex, build_index
    from verifier.retrieval import HybridRetriever

    info = machine()
    emb = get_embedder()
    index = CorpusIndex.load(args.workdir / "scifact_index", emb)
    indexed = {d.split("#", 1)[1] for d in index.documents}
    corpus = {str(d["doc_id"]): d for d in map(json.loads, (SCIFACT / "corpus.jsonl").open())}
    spans = {d: sentence_spans(corpus[d]["abstract"]) for d in indexed}
    claims = [c for c in map(json.loads, (SCIFACT / "claims_dev.jsonl").open()) if c["evidence"]]
    claims = [c for c in claims if set(map(str, c["evidence"])) <= indexed]

    results: dict = {"scifact_dev": {}, "latency": {}}
    for mode in ("dense", "bm25", "hybrid"):
        t = time.perf_counter()
        r = HybridRetriever(index, emb, mode=mode)
        setup = time.perf_counter() - t
        results["scifact_dev"][mode] = {**evaluate(r, claims, spans),
                                        "retriever_setup_s": round(setup, 2)}
        print(mode, results["scifact_dev"][mode], file=sys.stderr)
        if mode == "hybrid":
            qs = [c["claim"] for c in claims][: args.latency_queries]
            results["latency"]["scifact_hybrid_k10"] = latency(r, qs)

    seed_dir = args.workdir / "seed_index"
    build_index(args.seed_corpus, seed_dir, emb, progress=False)
    seed = HybridRetriever(CorpusIndex.load(seed_dir, emb), emb)
    seed_q = ["Russian peacekeepers withdrew from Karabakh", "When was the withdrawal completed?",
              "How many Russian peacekeepers were stationed in Karabakh?",
              '"full withdrawal" of the contingent', "Armenian population left for Armenia",
              "ceasefire agreement signed in November 2020"]
    results["latency"]["seed_hybrid_k5"] = latency(
        seed, (seed_q * 10)[: args.latency_queries], k=5)
    result = {
        "benchmark": "retrieval",
        "dataset": f"SciFact dev: {len(claims)} claims with evidence, against the "
                   f"{len(index.documents)}-abstract index of bench_index.py",
        "machine": info,
        "model": {"name": emb.name, "weights_hash": emb.weights_hash,
                  "precision": emb.precision},
        "index": {"version": index.version, "passages": len(index.passages),
                  "faiss": index.manifest["faiss"], "chunking": index.manifest["chunking"]},
        "settings": {"rrf_k": 60, "depth": "max(50, 5k) per list",
                     "doc_level": "max over top max(100, 20k) fused passages"},
        **results,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    args.out.with_suffix(".md").write_text(
        to_markdown(result, "Retrieval quality and latency (SciFact dev, seed corpus)"),
        encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
