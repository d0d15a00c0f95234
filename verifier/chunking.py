"""Passages: every body sentence, plus windows of neighbouring body sentences.

Windows cross paragraph breaks (news articles often put one sentence in a paragraph, and "The
move, which ..." refers back to the previous one) but never include captions or teasers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from verifier.cleaning import normalize_span
from verifier.types import Document, Passage, Sentence


@dataclass(frozen=True)
class ChunkingSettings:
    window: int = 2  # sentences per window passage; 1 = sentences only
    segmenter: str = "pysbd-0.3"
    version: int = 1

    def to_dict(self) -> dict:
        return asdict(self)


def make_passages(doc: Document, sentences: list[Sentence], window: int = 2) -> list[Passage]:
    """Sentence passages first, then windows of ``window`` consecutive body sentences."""
    body = [s for s in sentences if s.citable]
    out = [
        Passage(f"{doc.doc_id}:{s.index}-{s.index}", doc.doc_id, doc.source, s.index, s.index,
                s.start, s.end, s.text)
        for s in body
    ]
    for size in range(2, window + 1):
        for i in range(len(body) - size + 1):
            first, last = body[i], body[i + size - 1]
            text = normalize_span(doc.raw[first.start: last.end])
            out.append(Passage(f"{doc.doc_id}:{first.index}-{last.index}", doc.doc_id,
                               doc.source, first.index, last.index, first.start, last.end, text))
    return out
