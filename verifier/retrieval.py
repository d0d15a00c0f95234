"""Hybrid retrieval over a ``CorpusIndex``: dense (FAISS over MiniLM vectors) and lexical (BM25,
``bm25s`` with the PyStemmer English stemmer and English stopwords), fused with reciprocal rank
fusion (RRF, k=60) over the top ``max(50, 5k)`` of each list.

A phrase quoted in the query (``"full withdrawal"``) adds a third ranked list: passages that
contain it, fuzzily (rapidfuzz ``partial_ratio`` >= 90), so an exact quote or name wins even when
both retrievers rank it low. For small indexes every passage is scanned for the quote; above
``QUOTE_SCAN_LIMIT`` passages, only the dense and lexical candidates are.

Example::

    from verifier.retrieval import HybridRetriever
    r = HybridRetriever(index, embedder)          # mode="hybrid" | "dense" | "bm25"
    for hit in r.search("Russian peacekeepers left Karabakh", k=3):
        print(hit.passage.source, hit.passage.start, hit.passage.end, hit.score)
    docs = r.search_docs("claim about an abstract", k=10)   # per document, max over passages
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from verifier.calendar_words import MONTHS, WEEKDAYS, capitalised
from verifier.errors import InvalidClaimError
from verifier.index import CorpusIndex
from verifier.types import Hit, Passage

RRF_K = 60
MODES = ("hybrid", "dense", "bm25")
QUOTE_THRESHOLD = 90.0
QUOTE_SCAN_LIMIT = 20_000
# when a claim dates something and no passage found gives its date (a weekday, a month, a
# year), the best-ranked other passages that each give another date of that kind join them: the
# passage that dates the claim's deed may rank below windows that only share its words ("wrapped up
# on a Thursday" against "on Wednesday completed their withdrawal"; "commenced in March,
# three months before its June 12 completion" against "The withdrawal, which began in April")
_DATE_KINDS = {
    "weekday": re.compile(rf"\b(?:{capitalised(WEEKDAYS)})\b"),
    # (capitalised: not the "may" of "may leave")
    "month": re.compile(rf"\b(?:{capitalised(MONTHS)})\b"),
    "year": re.compile(r"\b(?:1[89]|20)\d\d(?:s|\b)"),
}
_DATE_JOINS = 2  # how many such passages join at most
_QUOTED = re.compile(r"[\"\u201c\u201e]([^\"\u201c\u201d\u201e]{3,200})[\"\u201d\u201c]")


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quoted phrase best matches: ``passages[passage_index].text[start:end]``."""

    passage_index: int
    score: float  # rapidfuzz partial_ratio, 0-100
    start: int
    end: int


@dataclass(frozen=True)
class DocHit:
    """A document ranked by its best passage; ``hits`` are its passages, best first."""

    doc_id: str
    score: float
    hits: tuple[Hit, ...]


def quoted_phrases(query: str) -> list[str]:
    """Phrases in double (straight or typographic) quotes, in order."""
    return [m.strip() for m in _QUOTED.findall(query) if m.strip()]


def best_quote_match(
    quote: str, passages: Sequence[Passage], threshold: float = QUOTE_THRESHOLD
) -> QuoteMatch | None:
    """The passage that best contains ``quote`` (case-insensitive, fuzzy), or None below
    ``threshold``.

    >>> best_quote_match("full withdrawl", [p1, p2])   # doctest: +SKIP
    QuoteMatch(passage_index=1, score=96.3, start=27, end=42)
    """
    from rapidfuzz import fuzz

    best: QuoteMatch | None = None
    q = quote.lower()
    for i, p in enumerate(passages):
        al = fuzz.partial_ratio_alignment(q, p.text.lower(), score_cutoff=threshold)
        if al is not None and (best is None or al.score > best.score):
            best = QuoteMatch(i, float(al.score), al.dest_start, al.dest_end)
    return best


def rank_documents(hits: Sequence[Hit], k: int | None = None) -> list[DocHit]:
    """Group passage hits by document; a document scores its best passage (max)."""
    groups: dict[str, list[Hit]] = defaultdict(list)
    for h in hits:
        groups[h.passage.doc_id].append(h)
    docs = [DocHit(d, max(h.score for h in hs), tuple(sorted(hs, key=lambda h: -h.score)))
            for d, hs in groups.items()]
    docs.sort(key=lambda dh: (-dh.score, dh.doc_id))
    return docs[:k] if k is not None else docs


class HybridRetriever:
    """Search an index by meaning and by words. ``mode``: ``hybrid``, ``dense`` or ``bm25``.

    The BM25 index is built in memory from the passages when the retriever is created (a few
    seconds for 100,000 passages).
    """

    def __init__(self, index: CorpusIndex, embedder=None, mode: str = "hybrid",
                 quote_threshold: float = QUOTE_THRESHOLD) -> None:
        if mode not in MODES:
            raise ValueError(f"retrieval mode must be one of {', '.join(MODES)}; got {mode!r}")
        if embedder is None and mode != "bm25":
            from verifier.embedding import get_embedder

            embedder = get_embedder()
        self.index = index
        self.embedder = embedder
        self.mode = mode
        self.quote_threshold = quote_threshold
        self._lower = [p.text.lower() for p in index.passages]
        self._bm25 = None
        if mode != "dense" and index.passages:
            import bm25s
            import Stemmer

            logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs each build at DEBUG
            self._stemmer = Stemmer.Stemmer("english")
            tokens = bm25s.tokenize(self._lower, stopwords="en", stemmer=self._stemmer,
                                    show_progress=False)
            self._bm25 = bm25s.BM25()
            self._bm25.index(tokens, show_progress=False)

    def search(self, query: str, k: int = 10) -> list[Hit]:
        """The ``k`` best passages for ``query``, best first."""
        return self.search_many([query], k)[0]

    def search_docs(self, query: str, k: int = 10, depth: int | None = None) -> list[DocHit]:
        """The ``k`` best documents for ``query`` (each scored by its best passage)."""
        return self.search_docs_many([query], k, depth)[0]

    def search_docs_many(self, queries: Sequence[str], k: int = 10,
                         depth: int | None = None) -> list[list[DocHit]]:
        """Document-level search: fuse ``depth`` passages (default ``max(100, 20k)``), then
        group them by document. Use it where the unit of relevance is a document (SciFact
        abstracts)."""
        depth = depth or max(100, 20 * k)
        return [rank_documents(hs, k) for hs in self.search_many(queries, depth)]

    def search_many(self, queries: Sequence[str], k: int = 10,
                    query_vecs: np.ndarray | None = None) -> list[list[Hit]]:
        """Batched search: one embedding call and one BM25 call for all queries.

        ``query_vecs``: the queries' embeddings when the caller has them already.

        Raises ``InvalidClaimError`` for an empty query.
        """
        queries = list(queries)
        for q in queries:
            if not isinstance(q, str) or not q.strip():
                raise InvalidClaimError("the query is empty: give some words to search for")
        n_pass = len(self.index.passages)
        if not queries or n_pass == 0 or k <= 0:
            return [[] for _ in queries]
        depth = min(n_pass, max(50, 5 * k))
        dense = (self._dense(queries, depth, query_vecs) if self.mode != "bm25"
                 else [{} for _ in queries])
        lexical = self._lexical(queries, depth) if self._bm25 is not None else [
            {} for _ in queries]
        out = []
        for qi, q in enumerate(queries):
            fused: dict[int, float] = defaultdict(float)
            for table in (dense[qi], lexical[qi]):
                for row, (rank, _) in table.items():
                    fused[row] += 1.0 / (RRF_K + rank + 1)
            phrases = quoted_phrases(q)
            if phrases:
                pool = (range(n_pass) if n_pass <= QUOTE_SCAN_LIMIT
                        else sorted(set(dense[qi]) | set(lexical[qi])))
                for rank, row in enumerate(self._quote_rows(phrases, pool)):
                    fused[row] += 1.0 / (RRF_K + rank + 1)
            pool = sorted(fused, key=lambda r: (-fused[r], r))
            best = pool[:k]
            for rx in _DATE_KINDS.values():
                said = set(rx.findall(q))
                found = {w for r in best for w in rx.findall(self._text(r))}
                if said - found:  # the next passages that each give another such date
                    joined = 0
                    for r in pool[k:]:
                        dates = set(rx.findall(self._text(r)))
                        if dates - found and joined < _DATE_JOINS:
                            best.append(r)
                            found |= dates
                            joined += 1
            out.append([self._hit(r, fused[r], dense[qi], lexical[qi]) for r in best])
        return out

    # ---- internals ---------------------------------------------------------------------------

    def _text(self, row: int) -> str:
        return self.index.passages[row].text

    def _hit(self, row: int, score: float, dense: dict, lexical: dict) -> Hit:
        d, lx = dense.get(row), lexical.get(row)
        return Hit(self.index.passages[row], float(score),
                   dense_score=d[1] if d else None, lexical_score=lx[1] if lx else None,
                   dense_rank=d[0] + 1 if d else None, lexical_rank=lx[0] + 1 if lx else None)

    def _dense(self, queries: list[str], depth: int,
               query_vecs: np.ndarray | None = None) -> list[dict[int, tuple[int, float]]]:
        if query_vecs is None:
            query_vecs = self.embedder.embed(queries)
        qv = np.asarray(query_vecs, dtype=np.float32)
        scores, rows = self.index.search_dense(qv, depth)
        out: list[dict[int, tuple[int, float]]] = []
        for qi in range(len(queries)):
            table: dict[int, tuple[int, float]] = {}
            for rank, (row, sc) in enumerate(zip(rows[qi], scores[qi])):
                if row >= 0:
                    table[int(row)] = (rank, float(sc))
            out.append(table)
        return out

    def _lexical(self, queries: list[str], depth: int) -> list[dict[int, tuple[int, float]]]:
        import bm25s

        toks = bm25s.tokenize([q.lower() for q in queries], stopwords="en",
                              stemmer=self._stemmer, show_progress=False, return_ids=False)
        out: list[dict[int, tuple[int, float]]] = [{} for _ in queries]
        # bm25s cannot score a query with no indexed token; those get an empty lexical list
        vocab = self._bm25.vocab_dict
        live = [i for i, t in enumerate(toks) if any(w in vocab for w in t)]
        if not live:
            return out
        rows, scores = self._bm25.retrieve([[w for w in toks[i] if w in vocab] for i in live],
                                           k=depth, show_progress=False, n_threads=0)
        for j, qi in enumerate(live):
            rank = 0
            for row, sc in zip(rows[j], scores[j]):
                if sc > 0:
                    out[qi][int(row)] = (rank, float(sc))
                    rank += 1
        return out

    def _quote_rows(self, phrases: list[str], pool: Sequence[int]) -> list[int]:
        """Rows in ``pool`` containing any phrase (fuzzily), best match first."""
        from rapidfuzz import fuzz, process

        best: dict[int, float] = {}
        choices = {r: self._lower[r] for r in pool}
        for ph in phrases:
            for _, score, row in process.extract(ph.lower(), choices, scorer=fuzz.partial_ratio,
                                                 score_cutoff=self.quote_threshold, limit=None):
                best[row] = max(best.get(row, 0.0), float(score))
        return sorted(best, key=lambda r: (-best[r], r))
