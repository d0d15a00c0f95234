"""Typed results shared by every layer: documents, passages, citations, verdicts.

Everything here is a frozen dataclass or a ``str`` Enum, so the library, the CSV writer,
the JSON output and the CLI use the same shapes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class Label(str, Enum):
    """The three verdicts a claim can get."""

    SUPPORTED = "SUPPORTED"
    CONTRADICTED = "CONTRADICTED"
    NOT_FOUND = "NOT_FOUND"

    def __str__(self) -> str:  # so f-strings and CSV cells show the bare name
        return self.value


class Stance(str, Enum):
    """How a cited passage relates to the claim."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    NOT_EVIDENCE = "not_evidence"  # nearest passages shown for NOT_FOUND

    def __str__(self) -> str:
        return self.value


class SentenceKind(str, Enum):
    """Body text is citable; captions, teasers and similar furniture are not."""

    BODY = "body"
    CAPTION = "caption"
    TEASER = "teaser"
    BOILERPLATE = "boilerplate"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Document:
    """One source document.

    ``raw`` is the text sentences and passages are offsets into: the file decoded as UTF-8;
    for ``.jsonl`` corpora the ``text`` field of that line; for HTML the page's text
    (``corpus.html_text_map``), whose ``source_map`` leads back to the file, so citations
    carry offsets into the HTML file itself (``to_source``).
    """

    doc_id: str
    source: str  # path of the raw file, relative to the corpus root where possible
    title: str
    raw: str
    content_hash: str
    # runs (raw_start, raw_len, file_start, file_len) from ``raw`` back to the file; empty when
    # ``raw`` is the file's text itself
    source_map: tuple[tuple[int, int, int, int], ...] = ()

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """``raw[start:end]`` as offsets into the file's text (the same offsets unless
        ``source_map`` says otherwise; then the span covers every source character the
        slice came from, entity references whole)."""
        if not self.source_map or end <= start:
            return start, end
        runs = self.source_map
        keys = [r[0] for r in runs]

        def run_at(i: int) -> tuple[int, int, int, int]:
            return runs[max(bisect_right(keys, i) - 1, 0)]

        t0, tn, h0, hn = run_at(start)
        s = h0 + (start - t0) if tn == hn else h0
        t0, tn, h0, hn = run_at(end - 1)
        e = h0 + (end - t0) if tn == hn else h0 + hn
        return s, max(e, s)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document, with offsets into ``Document.raw``."""

    doc_id: str
    index: int  # position among the document's sentences (all kinds)
    start: int
    end: int
    text: str  # the raw slice, whitespace- and dehyphenation-normalised
    kind: SentenceKind = SentenceKind.BODY

    @property
    def citable(self) -> bool:
        return self.kind is SentenceKind.BODY


@dataclass(frozen=True)
class Passage:
    """A retrieval unit: one sentence or a window of neighbouring body sentences."""

    passage_id: str  # f"{doc_id}:{first}-{last}"
    doc_id: str
    source: str
    first_sentence: int
    last_sentence: int
    start: int
    end: int
    text: str

    @property
    def n_sentences(self) -> int:
        return self.last_sentence - self.first_sentence + 1

    def within(self, other: Passage) -> bool:
        """This passage lies within ``other`` (or is it)."""
        return (self.doc_id == other.doc_id and other.start <= self.start
                and self.end <= other.end)


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with its scores."""

    passage: Passage
    score: float  # fused score (higher is better)
    dense_score: float | None = None
    lexical_score: float | None = None
    dense_rank: int | None = None
    lexical_rank: int | None = None


@dataclass(frozen=True)
class Citation:
    """Evidence a reader can check: ``raw[start:end]`` of ``source`` (the file's text),
    normalised, is ``text``; for an HTML page, ``corpus.html_text`` of that slice is."""

    doc_id: str
    source: str
    start: int
    end: int
    text: str
    stance: Stance
    score: float

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["stance"] = self.stance.value
        return d


@dataclass(frozen=True)
class Finding:
    """What one consistency check found for a claim against a passage.

    ``status`` is ``"agree"``, ``"conflict"``, ``"missing"`` (the claim states something, a
    name or a count, that the passage never mentions), ``"rough"`` (an exact figure the
    passage gives only roughly: it can neither confirm nor refute it), ``"misplaced"`` (a date
    the passage gives to another deed, while it tells the claim's deed undated; a count of
    those a casualty befell where the passage counts the same people for another deed; or a
    thing the claim's name owns that the passage gives to another name), ``"redated"`` (the
    claim's one date, which the passage never gives while it gives another date of that kind,
    tied to no deed of the claim's: "completion day 2 June" against "completed on June 12"),
    ``"unreal"`` (a deed the
    passage tells only as meant, expected or possible: "aimed at securing a deal" for "signed
    a deal"), ``"unplaced"`` (the claim puts its deed in a place the passage never names:
    "met Putin in Moscow"), ``"unnamed"`` (the claim makes a country the doer of a deed the
    passage never tells, and the passage names the country only as whose people or things
    are: "brokered by Moscow" against "Russian peacekeepers"), ``"unsaid"`` (the claim says a
    name said something, "Aliyev hailed the pullout", and the passage tells nothing said by
    it), ``"absent"``
    (a name the whole corpus never mentions, or a count no figure of it comes near; the
    verifier adds it to every passage of the claim), ``"undated"`` (a year or month of the
    claim's that the whole corpus never gives: no passage can confirm it, one may still
    contradict it; added the same way) or ``"not_applicable"``. Checks only
    report ``conflict`` when claim and passage speak about the same thing.
    """

    check: str  # "numbers", "dates", "entities", "negation", "antonyms", "roles", "contrast"
    status: str
    detail: str = ""
    claim_span: str = ""
    evidence_span: str = ""
    # a finding tied to the claim's very thing: a conflict on one named thing both sides date
    # ("a mandate extending to 2030" / "a mandate to remain until 2025"), on a named person's
    # title or portfolio ("O'Brien held the East Asian portfolio"), or the timeline's
    # reading of the deed whose length the claim gives off its dated start and end. The
    # passage is about the claim's thing, however else the claim is worded, and counts as
    # close to it (``DecisionSettings.conflict_relevance``)
    pinned: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CorpusTerms:
    """What a corpus mentions at all, for the ``absent`` findings: its lower-cased words (with
    the country each capital or demonym stands for; ``checks.entities.word_set``) and its
    figures, sorted (``checks.numbers.figures``)."""

    words: frozenset[str]
    figures: tuple[float, ...]


@dataclass(frozen=True)
class NLIScores:
    entailment: float
    neutral: float
    contradiction: float

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


@dataclass(frozen=True)
class Verdict:
    """The answer for one claim (or one sub-claim)."""

    claim: str
    label: Label
    confidence: float
    citations: tuple[Citation, ...] = ()
    explanation: str = ""
    findings: tuple[Finding, ...] = ()
    subclaims: tuple[Verdict, ...] = ()
    versions: dict[str, str] = field(default_factory=dict)
    # SUPPORTED or CONTRADICTED when a choice is forced (binary benchmarks): the side the
    # evidence leans to, even when it is too weak for a verdict.
    forced_label: Label | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "label": self.label.value,
            "confidence": round(float(self.confidence), 4),
            "citations": [c.to_dict() for c in self.citations],
            "explanation": self.explanation,
            "findings": [f.to_dict() for f in self.findings],
            "subclaims": [s.to_dict() for s in self.subclaims],
            "versions": dict(self.versions),
        }
