"""``Verifier``: claims in, verdicts with citations out.

>>> from verifier import Verifier
>>> v = Verifier("corpus")                       # builds or updates the index as needed
>>> verdict = v.check("Russian peacekeepers left Karabakh.")
>>> verdict.label, verdict.citations[0].text      # doctest: +SKIP

For each claim: split compound claims, retrieve passages (hybrid dense + BM25), score each with
the NLI model, run the consistency checks, and let the decision rule label it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from verifier.claims import (
    as_read,
    expand_codes,
    join_split_words,
    leans_back,
    relative_date,
    split_claim,
    validate_claim,
)
from verifier.decision import (
    Candidate,
    Decision,
    DecisionSettings,
    combine,
    decide,
    needs_nli,
)
from verifier.explain import explain
from verifier.types import (
    Citation,
    CorpusTerms,
    Finding,
    Label,
    NLIScores,
    Passage,
    Stance,
    Verdict,
)

log = logging.getLogger(__name__)


# NLI scores of a passage the model was not run on (see ``Verifier._evidence``)
_MAX_READ_VECTORS = 50_000  # embeddings of passages as read in context kept at most
_UNSCORED = NLIScores(entailment=0.0, neutral=1.0, contradiction=0.0)


@dataclass(frozen=True)
class Evidence:
    """A candidate passage for one atomic claim, with everything the rule looked at."""

    passage: Passage
    nli: NLIScores
    relevance: float  # max(dense cosine, content-word overlap counting synonyms)
    retrieval_score: float
    findings: tuple[Finding, ...]
    hypothesis: str = ""  # the claim as the NLI model read it against this passage


def _hypothesis(claim: str, passage: str, findings: tuple[Finding, ...]) -> str:
    """What the NLI model reads against ``passage``: the claim, with its quantities worded as
    the passage words them where the numbers check found them all agreeing (small models call
    "almost 30 years" against "nearly three decades" a contradiction; the check vouches for
    the quantities, the model judges the rest), and its words the passage says with a WordNet
    synonym written the passage's way ("did not step in" -> "did not intervene"), its main
    clause in the voice the passage tells the verb in ("separatists controlled Karabakh" ->
    "Karabakh was controlled by separatists"), and a deed it denies in other words told as "did
    not" ("stood aside rather than intervening" -> "did not intervene"; ``verifier.paraphrase``)."""
    from verifier.paraphrase import align_voice, align_words, expand_initials, plain_denial

    claim = plain_denial(expand_initials(claim, passage), passage)
    if any(f.check == "numbers" and f.status in {"agree", "rough"} for f in findings):
        from verifier.checks.numbers import align

        claim = align(claim, passage)
    if any(f.check == "entities" and f.status == "agree" for f in findings):
        from verifier.checks import entities

        claim = entities.align(claim, passage)
    if any(f.check == "dates" and f.status == "agree" for f in findings):
        from verifier.checks import dates

        claim = dates.align(claim, passage)
    return align_voice(align_words(claim, passage), passage)


class Verifier:
    """Verify claims against a corpus (or against evidence you pass in, see ``check_pairs``)."""

    def __init__(
        self,
        corpus: str | Path | None = "corpus",
        index_dir: str | Path | None = None,
        *,
        settings: DecisionSettings | None = None,
        embedder=None,
        nli=None,
        use_checks: bool = True,
        checks: Collection[str] | None = None,
        retrieval_mode: str = "hybrid",
        progress: bool = False,
        precision: str | None = None,
    ) -> None:
        from verifier.embedding import get_embedder
        from verifier.nli import get_nli

        # which consistency checks run (None: all of them); for ablations
        self.checks: list[str] | None = None
        if checks is not None:
            from verifier.checks import select

            self.checks = select(checks)
        self.settings = settings or DecisionSettings.load()
        # precision: auto (bf16 where the CPU computes it natively, else fp32), fp32 or bf16
        self.embedder = embedder or get_embedder(precision)
        self.nli = nli or get_nli(precision=precision)
        self.use_checks = use_checks
        self.index = None
        self.retriever = None
        self._moments: dict[str, list] = {}  # a document's dated starts and ends, by its id
        self._read_vectors: dict[str, np.ndarray] = {}  # passages as read in context
        if corpus is not None:
            from verifier.index import open_index
            from verifier.retrieval import HybridRetriever

            self.index = open_index(corpus, index_dir=index_dir, embedder=self.embedder,
                                    progress=progress)
            self.retriever = HybridRetriever(self.index, self.embedder, mode=retrieval_mode)

    # ---- public API ---------------------------------------------------------------------

    @property
    def versions(self) -> dict[str, str]:
        from verifier.precision import tag

        v = {
            "nli_model": f"{self.nli.name}@{self.nli.version}",
            "embedder": f"{self.embedder.name}@{self.embedder.weights_hash}"
                        + tag(getattr(self.embedder, "precision", "fp32")),
        }
        if self.index is not None:
            v["index"] = self.index.version
        from verifier import __version__

        v["verifier"] = __version__
        return v

    def check(self, claim: str) -> Verdict:
        """Verify one claim against the corpus."""
        return self.check_many([claim])[0]

    def check_many(self, claims: Sequence[str], batch_size: int = 32) -> list[Verdict]:
        """Verify many claims with batched retrieval and NLI calls.

        Raises ``InvalidClaimError`` for an empty or too long claim; validate first
        (``verifier.claims.validate_claim``) to handle bad rows yourself.
        """
        if self.retriever is None:
            raise ValueError("this Verifier has no corpus: use check_pairs(), or pass corpus=")
        cleaned = [validate_claim(c) for c in claims]

        def found(text: str) -> list[str]:
            return [h.passage.text for h in
                    self.retriever.search(text, k=self.settings.retrieve_k)]

        # country codes as the countries the corpus names ("AZ retook the area"), compounds
        # split in two as the corpus writes them ("peace keepers")
        words = self.index.terms.words
        codes = [join_split_words(expand_codes(c, words), words) for c in cleaned]
        parts = [_dated_parts(split_claim(c), found) for c in codes]
        atoms = [p for ps in parts for p in ps]
        # a compound claim with a part that leans on another ("..., and the second came in
        # 2020") is judged whole too: one passage may state all of it
        wholes = [(i, as_read(c)) for i, (c, ps) in enumerate(zip(codes, parts))
                  if len(ps) > 1 and any(leans_back(p) for p in ps)]
        atoms += [w for _, w in wholes]
        qv = self.embedder.embed(atoms)  # once, for retrieval and for relevance
        hits = self.retriever.search_many(atoms, k=self.settings.retrieve_k, query_vecs=qv)
        cands = [[h.passage for h in hs] for hs in hits]
        rel = [[h.score for h in hs] for hs in hits]
        judged = self._judge(atoms, cands, rel, batch_size, qv, terms=self.index.terms)
        whole = dict(zip((i for i, _ in wholes), judged[len(judged) - len(wholes):]))
        return self._assemble(cleaned, parts, judged[:len(judged) - len(wholes)], whole)

    def check_pairs(
        self, pairs: Sequence[tuple[str, Sequence[str]]], batch_size: int = 32
    ) -> list[Verdict]:
        """Verify claims against given evidence texts (oracle evidence, no retrieval).

        Each evidence text is a candidate on its own, and all of them joined is one more.
        Citations then point into the joined evidence (``doc_id`` ``"evidence"``).
        """
        cleaned = [validate_claim(c) for c, _ in pairs]
        parts = [_dated_parts(split_claim(c), lambda _, ev=ev: [t for t in ev if t])
                 for c, (_, ev) in zip(cleaned, pairs)]
        atoms, cands, rels = [], [], []
        for (_, evidence), ps in zip(pairs, parts):
            texts = [t for t in evidence if t and t.strip()]
            passages = _evidence_passages(texts)
            for p in ps:
                atoms.append(p)
                cands.append(passages)
                rels.append([1.0] * len(passages))
        judged = self._judge(atoms, cands, rels, batch_size)
        return self._assemble(cleaned, parts, judged)

    # ---- internals ----------------------------------------------------------------------

    def gather(self, claims: Sequence[str]) -> list[list[Evidence]]:
        """Candidate evidence for each claim as is (no compound split), before the decision
        rule: what ``benchmarks/fit_decision.py`` fits thresholds on."""
        if self.retriever is None:
            raise ValueError("this Verifier has no corpus: pass corpus=")
        atoms = [validate_claim(c) for c in claims]
        qv = self.embedder.embed(atoms)
        hits = self.retriever.search_many(atoms, k=self.settings.retrieve_k, query_vecs=qv)
        return self._evidence(atoms, [[h.passage for h in hs] for hs in hits],
                              [[h.score for h in hs] for hs in hits], 32, qv, prune=False,
                              terms=self.index.terms)

    def gather_pairs(self, pairs: Sequence[tuple[str, Sequence[str]]]) -> list[list[Evidence]]:
        """Like ``gather`` for claims with given evidence texts."""
        atoms = [validate_claim(c) for c, _ in pairs]
        cands = [_evidence_passages([t for t in ev if t and t.strip()]) for _, ev in pairs]
        return self._evidence(atoms, cands, [[1.0] * len(c) for c in cands], 32, prune=False)

    def _evidence(
        self,
        atoms: list[str],
        cands: list[list[Passage]],
        retrieval: list[list[float]],
        batch_size: int,
        query_vecs: np.ndarray | None = None,
        prune: bool = True,
        terms: CorpusTerms | None = None,
    ) -> list[list[Evidence]]:
        """Evidence for each claim. With ``prune``, passages too far from the claim to change
        the label through NLI (``decision.needs_nli``) are not run through the model and
        count as neutral; ``gather`` keeps every score for fitting. ``terms``: the corpus's
        words and figures, for the findings on names and counts the corpus never mentions
        (given evidence has no corpus to say that of)."""
        # as read: with the names the document gave earlier (``CorpusIndex.in_context``)
        texts = [[self.index.in_context(p) if self.index is not None else p.text for p in ps]
                 for ps in cands]
        run_checks = None
        if self.use_checks:
            from verifier.checks import run_checks
            from verifier.checks.common import parse

            for a in atoms:  # the checks read the full parse: the relevance step reuses it
                parse(a)
        relevance = self._relevance(atoms, cands, query_vecs, texts)
        flat = [(a, t, not prune or needs_nli(float(r), self.settings))
                for a, ts, rel in zip(atoms, texts, relevance) for t, r in zip(ts, rel)]
        findings = [tuple(run_checks(a, p, only=self.checks)) if run_checks else ()
                    for a, p, _ in flat]
        if run_checks and terms is not None:
            findings = _with_absent(atoms, cands, findings, terms, self.checks)
        if run_checks and self.index is not None and (self.checks is None
                                                      or "dates" in self.checks):
            findings = self._with_timeline(atoms, cands, findings)
        # a passage a finding pins to the claim's thing is about it, however the claim words
        # the rest ("The pullout spanned something like six months" / the dated start and
        # end; "a mandate extending to 2030" / "a mandate to remain until 2025"): its
        # finding counts as a check's would on a passage close to the claim
        k = 0
        for i, ps in enumerate(cands):
            for j in range(len(ps)):
                if any(f.pinned for f in findings[k]):
                    relevance[i][j] = max(relevance[i][j], self.settings.conflict_relevance)
                k += 1
        hyps = [_hypothesis(a, p, fs) if run else a for (a, p, run), fs in zip(flat, findings)]
        alts = self._alternatives(flat, findings, atoms) if run_checks else []
        scored = iter(self.nli.score([(p, h) for (_, p, run), h in zip(flat, hyps) if run]
                                     + [(flat[i][1], h) for i, h, _ in alts],
                                     batch_size=batch_size))
        scores = [next(scored) if run else _UNSCORED for _, _, run in flat]
        for (i, hyp, (x, y)), nli in zip(alts, scored):
            if nli.entailment >= self.settings.support_threshold:
                findings[i] = findings[i] + (Finding(
                    "contrast", "conflict",
                    f"the claim says {x}, not {y}; the model reads the passage as saying \"{hyp}\" "
                    f"(entailment {nli.entailment:.2f})", claim_span=x, evidence_span=""),)
        out = []
        i = 0
        for ps, rs, rel in zip(cands, retrieval, relevance):
            evs = []
            for j, p in enumerate(ps):
                evs.append(Evidence(p, scores[i], float(rel[j]), float(rs[j]), findings[i],
                                    hyps[i]))
                i += 1
            out.append(_window_contradictions(evs, self.settings.support_threshold))
        return out

    def _alternatives(self, flat, findings, atoms) -> list[tuple[int, str, tuple[str, str]]]:
        """The pairs that read a contrast's alternative, the claim with Y in X's place where it
        says "X, not Y" (``checks.contrast.alternative``; "It is Yerevan that charges the
        Kremlin ..." for "It is Baku, not Yerevan, that charges ..."), which the claim denies:
        (the pair's place in ``flat``, the alternative, (X, Y)). A passage the model reads as
        entailing it contradicts the claim. No pair where the contrast check does not run,
        found X in its slot or a conflict already, or where the numbers, dates or entities
        check finds the alternative's figure, date or name denied or missing there: then it is
        not what the passage says, whatever the model reads into it."""
        if self.checks is not None and "contrast" not in self.checks:
            return []
        from verifier.checks import run_checks
        from verifier.checks.contrast import alternative

        alts = {a: alternative(a) for a in dict.fromkeys(atoms)}
        out = []
        for i, (atom, passage, run) in enumerate(flat):
            if not run or alts.get(atom) is None or any(
                    f.check == "contrast" and f.status in {"agree", "conflict"}
                    for f in findings[i]):
                continue
            alt, x, y = alts[atom]
            found = tuple(run_checks(alt, passage, only=["numbers", "dates", "entities"]))
            if not any(f.status in {"conflict", "missing"} for f in found):
                out.append((i, alt, (x, y)))  # as written: aligned, it moved 3, 2 to wrong
        return out

    def _with_timeline(self, atoms: list[str], cands: list[list[Passage]],
                       findings: list[tuple[Finding, ...]]) -> list[tuple[Finding, ...]]:
        """Add the dates check's finding on a claim's length of a deed, read off the dated
        start and end its document gives (``checks.timeline``; pinned), to the claim's
        passages that hold either date."""
        from verifier.checks.common import decleft, parse
        from verifier.checks.timeline import claim_lengths, length_finding, moments

        out, i = list(findings), 0
        for atom, ps in zip(atoms, cands):
            doc = parse(decleft(atom)) if ps else None
            if doc is None or not claim_lengths(doc):  # most claims: no document is read
                i += len(ps)
                continue
            for doc_id in dict.fromkeys(p.doc_id for p in ps):
                if doc_id not in self._moments:
                    self._moments[doc_id] = moments(
                        [s.text for s in self.index.sentences_for_doc(doc_id) if s.citable])
                found = length_finding(doc, self._moments[doc_id])
                if found is None:
                    continue
                for j, p in enumerate(ps):
                    if p.doc_id == doc_id and any(w in p.text for w in found.sentences):
                        out[i + j] = out[i + j] + (found.finding,)
            i += len(ps)
        return out

    def _judge(
        self,
        atoms: list[str],
        cands: list[list[Passage]],
        retrieval: list[list[float]],
        batch_size: int,
        query_vecs: np.ndarray | None = None,
        terms: CorpusTerms | None = None,
    ) -> list[tuple[Decision, list[Evidence]]]:
        return [(decide(candidates_of(evs), self.settings), evs)
                for evs in self._evidence(atoms, cands, retrieval, batch_size, query_vecs,
                                          terms=terms)]

    def _relevance(self, atoms: list[str], cands: list[list[Passage]],
                   query_vecs: np.ndarray | None, texts: list[list[str]]) -> list[np.ndarray]:
        """Cosine similarity of each claim with each candidate as read (``texts``; stored
        vectors where a passage is indexed and read as written)."""
        if not atoms:
            return []
        rows = self.index.row_of if self.index is not None else {}

        def stored(p: Passage, text: str) -> bool:
            return p.passage_id in rows and text == p.text

        # passages read with their document's names differ from the indexed text: embedded
        # once, then kept (a corpus has few of them, and every claim may retrieve them)
        vec = self._read_vectors
        missing = sorted({t for ps, ts in zip(cands, texts) for p, t in zip(ps, ts)
                          if not stored(p, t) and t not in vec})
        if len(vec) + len(missing) > _MAX_READ_VECTORS:
            vec.clear()
        vec.update(zip(missing, self.embedder.embed(missing)) if missing else ())
        qv = query_vecs if query_vecs is not None else self.embedder.embed(list(atoms))

        def v(p: Passage, text: str) -> np.ndarray:
            return self.index.vectors[rows[p.passage_id]] if stored(p, text) else vec[text]

        return [np.array([max(float(np.dot(q, v(p, t))), _overlap(a, t)) for p, t in zip(ps, ts)])
                for a, q, ps, ts in zip(atoms, qv, cands, texts)]

    def _assemble(
        self,
        claims: list[str],
        parts: list[list[str]],
        judged: list[tuple[Decision, list[Evidence]]],
        whole: dict[int, tuple[Decision, list[Evidence]]] | None = None,
    ) -> list[Verdict]:
        verdicts = []
        i = 0
        versions = self.versions
        whole = whole or {}
        for n, (claim, ps) in enumerate(zip(claims, parts)):
            subs = []
            for atom in ps:
                decision, evs = judged[i]
                i += 1
                subs.append(self._verdict(atom, decision, evs, versions))
            if len(subs) == 1:  # the claim as given, not as read ("The article reports ...")
                verdicts.append(replace(subs[0], claim=claim))
                continue
            label = combine([s.label for s in subs])
            if label is Label.NOT_FOUND and n in whole and \
                    whole[n][0].label is Label.SUPPORTED and \
                    all(leans_back(s.claim) for s in subs if s.label is Label.NOT_FOUND):
                # the corpus states the whole claim, while the parts it leaves unfound are
                # those that lean on another part ("the second came in 2020")
                decision, evs = whole[n]
                verdicts.append(replace(self._verdict(claim, decision, evs, versions),
                                        subclaims=tuple(subs)))
                continue
            deciding = [s for s in subs if s.label is label] or subs
            conf = min(s.confidence for s in deciding)
            if label is Label.CONTRADICTED:
                conf = max(s.confidence for s in deciding)
            cites = tuple(c for s in deciding for c in s.citations)
            verdicts.append(
                Verdict(
                    claim=claim,
                    label=label,
                    confidence=conf,
                    citations=cites,
                    explanation=explain_compound(label, subs),
                    findings=tuple(f for s in subs for f in s.findings),
                    subclaims=tuple(subs),
                    versions=versions,
                    forced_label=label if label is not Label.NOT_FOUND else combine(
                        [s.forced_label or s.label for s in subs]),
                )
            )
        return verdicts

    def _verdict(
        self, claim: str, d: Decision, evs: list[Evidence], versions: dict[str, str]
    ) -> Verdict:
        s = self.settings
        cites: list[Citation] = []
        lead: int | None = None

        decisive: set[int] = set()  # keys of the passages cited as evidence

        def cite(key: int, stance: Stance, score: float) -> Citation:
            p = evs[key].passage
            if stance is not Stance.NOT_EVIDENCE:
                decisive.add(key)
            start, end = (self.index.source_span(p) if self.index is not None  # into the file
                          else (p.start, p.end))
            return Citation(p.doc_id, p.source, start, end, p.text, stance, round(score, 4))

        if d.label is Label.SUPPORTED:
            keys = _prefer_short(d.supporting, evs)[: s.max_citations]
            lead = keys[0]
            cites = [cite(k, Stance.SUPPORTS, evs[k].nli.entailment) for k in keys]
            if d.mixed:
                k = d.contradicting[0]
                cites.append(cite(k, Stance.CONTRADICTS, evs[k].nli.contradiction))
        elif d.label is Label.CONTRADICTED:
            keys = _prefer_short(d.contradicting, evs)[: s.max_citations]
            lead = keys[0]
            cites = [cite(k, Stance.CONTRADICTS, max(evs[k].nli.contradiction,
                                                      s.conflict_score if evs[k].findings
                                                      and any(f.status == "conflict"
                                                              for f in evs[k].findings)
                                                      else 0.0)) for k in keys]
            if d.mixed:
                k = d.supporting[0]
                cites.append(cite(k, Stance.SUPPORTS, evs[k].nli.entailment))
        else:
            order = sorted(range(len(evs)), key=lambda k: -evs[k].relevance)[:2]
            cites = [cite(k, Stance.NOT_EVIDENCE, evs[k].relevance) for k in order]
        findings = tuple(
            f for k in sorted(decisive) for f in evs[k].findings if f.status != "not_applicable"
        )
        return Verdict(
            claim=claim,
            label=d.label,
            confidence=d.confidence,
            citations=tuple(cites),
            explanation=explain(claim, d, evs, lead),
            findings=findings,
            versions=versions,
            forced_label=d.label if d.label is not Label.NOT_FOUND else (
                Label.SUPPORTED if d.support_score >= d.contradict_score
                else Label.CONTRADICTED),
        )


def _overlap(claim: str, passage: str) -> float:
    """Share of the claim's content words (lemmas) found in the passage, a word the passage
    says with a WordNet synonym counting as found (the claim read with it written the
    passage's way, ``verifier.paraphrase.align_words``: "The pullout started in April" shares
    "began" and "April" with "The withdrawal, which began in April, ..."; names and figures
    keep their own wording; a synonym in another inflection counts as found, ``said_otherwise``:
    "had started" / "began"). Embedding cosine undervalues short claims ("The contingent
    intervened." vs "... did not intervene."), so relevance is the larger of the two."""
    from verifier.checks.common import content_lemmas, parse, parse_words
    from verifier.paraphrase import align_words, said_otherwise

    ev = content_lemmas(parse(passage))

    def share(text: str, also: frozenset[str] = frozenset()) -> float:
        c = content_lemmas(parse_words(text))
        return len(c & (ev | also)) / len(c) if c else 0.0

    aligned = align_words(claim, passage)
    # a synonym in another inflection counts too ("had started" / "began")
    own = share(claim, said_otherwise(claim, passage))
    return max(own, share(aligned)) if aligned != claim else own


def _with_absent(atoms: list[str], cands: list[list[Passage]],
                 findings: list[tuple[Finding, ...]], terms: CorpusTerms,
                 checks: list[str] | None) -> list[tuple[Finding, ...]]:
    """Add to every candidate of a claim the finding ``absent`` of the entities check when the
    claim names something the corpus never mentions (``checks.entities.absent_names``), and of
    the numbers check when it gives a count no figure of the corpus comes near
    (``checks.numbers.absent_figures``); and the finding ``undated`` of the dates check when
    it gives a year or month the corpus never gives (``checks.dates.absent_dates``);
    ``checks``: the checks that run (None: all)."""
    from verifier.checks.common import decleft, parse
    from verifier.checks.dates import absent_dates
    from verifier.checks.entities import absent_names
    from verifier.checks.numbers import absent_figures

    def on(check: str) -> bool:
        return checks is None or check in checks

    out, i = [], 0
    for atom, ps in zip(atoms, cands):
        extra: tuple[Finding, ...] = ()
        if ps:
            doc = parse(decleft(atom))
            found = {"entities": absent_names(doc, terms.words) if on("entities") else [],
                     "numbers": absent_figures(doc, terms.figures) if on("numbers") else []}
            extra = tuple(Finding(check, "absent", ", ".join(what), claim_span=what[0])
                          for check, what in found.items() if what)
            undated = absent_dates(doc, terms.words, terms.figures) if on("dates") else []
            if undated:
                extra += (Finding("dates", "undated", ", ".join(undated),
                                  claim_span=undated[0]),)
        out.extend(f + extra for f in findings[i: i + len(ps)])
        i += len(ps)
    return out


def candidates_of(evs: list[Evidence]) -> list[Candidate]:
    """The decision rule's view of a claim's evidence. A sentence that opens on a pronoun
    ("It was controlled by pro-Yerevan separatists ...") is judged through a window among the
    evidence that holds the sentence before, where what the pronoun stands for is said: alone,
    its NLI scores are the model's guess at the referent (it called the claim about "the
    region" a contradiction at 1.00, the same claim about "Karabakh" entailed at 0.96), so
    they count as neutral; the checks' findings on it still count."""
    from verifier.context import read_in_window

    read = read_in_window([e.passage for e in evs])
    return [Candidate(k, _UNSCORED if k in read else e.nli, e.relevance, e.findings)
            for k, e in enumerate(evs)]


def _prefer_short(keys: Sequence[int], evs: list[Evidence]) -> list[int]:
    """Cite a single sentence rather than a window containing it, when both qualify."""
    chosen: list[int] = []
    for k in keys:
        p = evs[k].passage
        if p.n_sentences > 1 and any(
            evs[q].passage.n_sentences == 1 and evs[q].passage.within(p) for q in keys
        ):
            continue
        if any(p.within(evs[c].passage) or evs[c].passage.within(p) for c in chosen):
            continue
        chosen.append(k)
    return chosen


def _window_contradictions(evs: list[Evidence], entails: float = 0.5) -> list[Evidence]:
    """A window of sentences one of which entails the claim (``entails``: the support
    threshold) contradicts it no more than its most contradicting sentence scored on its own,
    where no check found a conflict: the small model, given "Russian peacekeepers on
    Wednesday completed their withdrawal" and the next sentence's "completed on June 12",
    contradicts "completed its withdrawal on Wednesday", which the first sentence alone
    entails (0.72). A document that states the claim in one sentence and denies it in the next
    is rare; the model misreading two sentences is not."""
    singles = [e for e in evs if e.passage.n_sentences == 1 and e.nli is not _UNSCORED]
    out = []
    for e in evs:
        parts = [s for s in singles if s.passage.within(e.passage)]
        entailing = [s for s in parts if s.nli.entailment >= entails
                     and not any(f.status == "conflict" for f in s.findings)]
        if e.passage.n_sentences > 1 and entailing and \
                not any(f.status == "conflict" for f in e.findings):
            cap = max(s.nli.contradiction for s in parts)
            if e.nli.contradiction > cap:
                nli = replace(e.nli, contradiction=cap,
                              neutral=e.nli.neutral + e.nli.contradiction - cap)
                e = replace(e, nli=nli)
        out.append(e)
    return out


def _dated_parts(parts: list[str], found: Callable[[str], list[str]]) -> list[str]:
    """Each part that dates one deed by another ("The statement came a day before the troops
    left", :func:`verifier.claims.relative_date`) as two dated parts, the day of one deed taken
    from the passages ``found`` for it ("The statement came on Tuesday.", "The troops left on
    Wednesday."): each part is then verified, so the gap is right only if the second deed's
    day is. A part whose deeds no passage dates stays whole."""
    from verifier.checks.timeline import day_of

    out = []
    for part in parts:
        rel = relative_date(part)
        if rel is not None and rel.days is None:  # an order only: both deeds need a day
            first, second = (day_of(d, found(d)) for d in (rel.first, rel.second))
            gap = first.until(second) if first is not None and second is not None else None
            if gap is None:
                out.append(part)
            elif gap * rel.order > 0:  # in the claim's order: each on its own day
                out += rel.parts(str(first), str(second))
            else:  # the second deed on a day the claim's order needs, which the text denies
                out += rel.parts(str(first), str(first.shifted(rel.order)))
            continue
        first = day_of(rel.first, found(rel.first)) if rel is not None else None
        second = day_of(rel.second, found(rel.second)) if rel and first is None else None
        if first is not None:
            out += rel.parts(str(first), str(first.shifted(rel.days)))
        elif second is not None:
            out += rel.parts(str(second.shifted(-rel.days)), str(second))
        else:
            out.append(part)
    return out


def _evidence_passages(texts: list[str]) -> list[Passage]:
    """Oracle evidence as passages: each text alone, plus all joined when there are several."""
    joined = " ".join(t.strip() for t in texts)
    out, pos = [], 0
    for i, t in enumerate(texts):
        t = t.strip()
        out.append(Passage(f"evidence:{i}", "evidence", "evidence", i, i, pos, pos + len(t), t))
        pos += len(t) + 1
    if len(texts) > 1:
        out.append(Passage("evidence:all", "evidence", "evidence", 0, len(texts) - 1, 0,
                           len(joined), joined))
    return out


def explain_compound(label: Label, subs: list[Verdict]) -> str:
    parts = "; ".join(f"'{s.claim}' is {s.label.value}" for s in subs)
    rule = {
        Label.CONTRADICTED: "a part is contradicted",
        Label.SUPPORTED: "every part is supported",
        Label.NOT_FOUND: "not every part could be verified",
    }[label]
    return f"Compound claim split into {len(subs)} parts: {parts}. {label.value} because {rule}."
