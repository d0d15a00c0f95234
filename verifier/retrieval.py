"""Hybrid retrieval: dense (FAISS over MiniLM embeddings) + lexical (BM25 via bm25s), fused
with reciprocal rank fusion; quoted phrases in the query are matched fuzzily with rapidfuzz."""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from verifier.index import CorpusIndex
from verifier.types import Hit, Passage

RRF_K = 60
MODES = ("hybrid", "dense", "bm25")
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201d]{4,})[\"\u201d]")


class HybridRetriever:
    """Search an index by meaning and by words. ``mode``: hybrid, dense or bm25."""

    def __init__(self, index: CorpusIndex, embedder, mode: str = "hybrid") -> None:  # noqa: ANN001
        if mode not in MODES:
            raise ValueError(f"retrieval mode must be one of {MODES}, got {mode!r}")
        self.index = index
        self.embedder = embedder
        self.mode = mode
        self._bm25 = None
        if mode != "dense":
            import bm25s
            import Stemmer

            self._stemmer = Stemmer.Stemmer("english")
            tokens = bm25s.tokenize([p.text for p in index.passages], stopwords="en",
                                    stemmer=self._stemmer, show_progress=False)
            self._bm25 = bm25s.BM25()
            self._bm25.index(tokens, show_progress=False)

    def search(self, query: str, k: int = 10) -> list[Hit]:
        """The ``k`` best passages for ``query``."""
        return self.search_many([query], k)[0]

    def search_many(self, queries: list[str], k: int = 10) -> list[list[Hit]]:
        """Batched search: one embedding call and one BM25 call for all queries."""
        n_pass = len(self.index.passages)
        if not queries or n_pass == 0:
            return [[] for _ in queries]
        depth = min(n_pass, max(50, 5 * k))
        dense: list[dict[int, tuple[int, float]]] = [{} for _ in queries]
        lexical: list[dict[int, tuple[int, float]]] = [{} for _ in queries]
        if self.mode != "bm25":
            qv = self.embedder.embed(list(queries))
            scores, ids = self.index.search_dense(qv, depth)
            for qi in range(len(queries)):
                for rank, (pid, sc) in enumerate(zip(ids[qi], scores[qi])):
                    if pid >= 0:
                        dense[qi][int(pid)] = (rank, float(sc))
        if self._bm25 is not None:
            import bm25s

            qt = bm25s.tokenize(list(queries), stopwords="en", stemmer=self._stemmer,
                                show_progress=False)
            docs, scores = self._bm25.retrieve(qt, k=depth, show_progress=False, n_threads=1)
            for qi in range(len(queries)):
                for rank, (pid, sc) in enumerate(zip(docs[qi], scores[qi])):
                    if sc > 0:
                        lexical[qi][int(pid)] = (rank, float(sc))
        out = []
        for qi, q in enumerate(queries):
            fused: dict[int, float] = defaultdict(float)
            for table in (dense[qi], lexical[qi]):
                for pid, (rank, _) in table.items():
                    fused[pid] += 1.0 / (RRF_K + rank + 1)
            for pid in quoted_matches(q, self.index.passages):
                fused[pid] += 1.0 / RRF_K
            best = sorted(fused, key=lambda p: (-fused[p], p))[:k]
            out.append([
                Hit(self.index.passages[p], fused[p],
                    dense[qi][p][1] if p in dense[qi] else None,
                    lexical[qi][p][1] if p in lexical[qi] else None,
                    dense[qi][p][0] if p in dense[qi] else None,
                    lexical[qi][p][0] if p in lexical[qi] else None)
                for p in best
            ])
        return out


def quoted_matches(query: str, passages: list[Passage], threshold: float = 90.0) -> list[int]:
    """Passages containing (fuzzily) a phrase quoted in the query."""
    phrases = _QUOTED.findall(query)
    if not phrases:
        return []
    from rapidfuzz import fuzz

    return [i for i, p in enumerate(passages)
            if any(fuzz.partial_ratio(ph.lower(), p.text.lower()) >= threshold for ph in phrases)]


def best_by_document(hits: list[Hit]) -> list[tuple[str, float]]:
    """Documents ranked by their best passage (for abstract-level retrieval)."""
    best: dict[str, float] = {}
    for h in hits:
        best[h.passage.doc_id] = max(best.get(h.passage.doc_id, -np.inf), h.score)
    return sorted(best.items(), key=lambda kv: -kv[1])
