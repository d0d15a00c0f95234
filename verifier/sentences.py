"""Split a document into sentences with exact offsets, and mark non-article lines.

Paragraphs are separated by blank lines; sentences never cross them. Within a paragraph,
pysbd segments the cleaned text (it keeps quoted speech such as
``"...completed on June 12," Azerbaijan's Defense Ministry said`` whole, where spaCy's small
parser split the seed article into 19 pieces). A paragraph that is a photo caption with its
credit (``... Stringer / AFP``) or a teaser (``Related article: ...``) becomes one sentence of
that kind; those are never cited.
"""

from __future__ import annotations

import re
from functools import lru_cache

from verifier.cleaning import normalize_span, normalize_with_map
from verifier.types import Document, Sentence, SentenceKind

_PARA = re.compile(r"\n[ \t\r\f\v\u00a0\ufeff]*\n")
_AGENCIES = (r"AFP|Reuters|AP|EPA|Getty Images|Getty|AFP/Getty Images|Bloomberg|Xinhua|TASS|"
             r"Anadolu|Shutterstock|Sipa|ANP|DPA|EFE|Pool|Handout|Wikimedia Commons")
_CREDIT = re.compile(rf"(?:/|\|)\s*(?:{_AGENCIES})\s*\.?$|\((?:Photo|Image):[^)]*\)$|"
                     rf"\b(?:Photo|Image|Credit)s?:\s*\S.*$", re.IGNORECASE)
_TEASER = re.compile(r"^(?:Related(?: article| story| content)?|Read more|Read also|See also|"
                     r"Also read|More on this|Recommended|Watch)\s*[:|]", re.IGNORECASE)
_BOILER = re.compile(r"^(?:Subscribe|Sign up|Advertisement|Copyright|©|All rights reserved|"
                     r"Share this|Follow us)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _segmenter():  # noqa: ANN202
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def classify_paragraph(text: str) -> SentenceKind:
    """Body text, or one of the kinds that are never evidence."""
    if _TEASER.match(text):
        return SentenceKind.TEASER
    if _BOILER.match(text):
        return SentenceKind.BOILERPLATE
    if _CREDIT.search(text) and len(text) < 400:
        return SentenceKind.CAPTION
    return SentenceKind.BODY


def paragraph_spans(raw: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph of ``raw``."""
    spans, pos = [], 0
    for m in _PARA.finditer(raw):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(raw)))
    return [(a, b) for a, b in spans if raw[a:b].strip()]


def _split(text: str) -> list[tuple[int, int]]:
    spans = []
    for s in _segmenter().segment(text):
        a, b = s.start, s.end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans or [(0, len(text))]


def segment(doc: Document) -> list[Sentence]:
    """Sentences of ``doc`` in order, each with raw offsets and its kind."""
    out: list[Sentence] = []
    for pa, pb in paragraph_spans(doc.raw):
        norm, idx = normalize_with_map(doc.raw[pa:pb])
        lead = len(norm) - len(norm.lstrip())
        norm = norm.strip()
        idx = idx[lead: lead + len(norm)]
        if not norm:
            continue
        kind = classify_paragraph(norm)
        spans = [(0, len(norm))] if kind is not SentenceKind.BODY else _split(norm)
        for a, b in spans:
            start, end = pa + idx[a], pa + idx[b - 1] + 1
            text = normalize_span(doc.raw[start:end])
            out.append(Sentence(doc.doc_id, len(out), start, end, text, kind))
    return out
