"""Passages: every body sentence, plus windows of neighbouring body sentences.

Windows cross paragraph breaks (news articles often put one sentence in a paragraph, and "The
move, which ..." refers back to the previous one) but never include a caption, teaser or
boilerplate: a window only spans body sentences whose indices are consecutive, so its raw slice
``raw[start:end]`` holds nothing else.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from verifier.cleaning import normalize_span
from verifier.types import Document, Passage, Sentence


@dataclass(frozen=True)
class ChunkingSettings:
    """How documents were cut into passages; saved in the index manifest."""

    window: int = 2  # largest window of consecutive body sentences; 1 = sentences only
    segmenter: str = "pysbd-0.3"
    version: int = 2  # bump when segmentation or cleaning changes what passages contain

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _runs(body: list[Sentence]) -> list[list[Sentence]]:
    """Body sentences grouped into runs with consecutive indices (no furniture between)."""
    runs: list[list[Sentence]] = []
    for s in body:
        if runs and runs[-1][-1].index + 1 == s.index:
            runs[-1].append(s)
        else:
            runs.append([s])
    return runs


def make_passages(doc: Document, sentences: list[Sentence], window: int = 2) -> list[Passage]:
    """Sentence passages first, then windows of 2..``window`` consecutive body sentences.

    ``passage_id`` is ``f"{doc_id}:{first}-{last}"`` (sentence indices, inclusive) and
    ``normalize_span(doc.raw[p.start:p.end]) == p.text``.
    """
    if window < 1:
        raise ValueError(f"window must be at least 1 (got {window}); 1 means sentences only")
    body = [s for s in sentences if s.citable]
    out = [
        Passage(f"{doc.doc_id}:{s.index}-{s.index}", doc.doc_id, doc.source, s.index, s.index,
                s.start, s.end, s.text)
        for s in body
    ]
    runs = _runs(body)
    for size in range(2, window + 1):
        for run in runs:
            for i in range(len(run) - size + 1):
                first, last = run[i], run[i + size - 1]
                text = normalize_span(doc.raw[first.start: last.end])
                out.append(Passage(f"{doc.doc_id}:{first.index}-{last.index}", doc.doc_id,
                                   doc.source, first.index, last.index, first.start, last.end,
                                   text))
    return out
