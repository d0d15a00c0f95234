"""Negation: the claim and the passage say opposite things about the same predicate.

"The peacekeeping contingent did not intervene." vs "The peacekeepers intervened." conflicts;
a negation on another verb does not.
"""

from __future__ import annotations

from verifier.checks.common import anchored, parse
from verifier.types import Finding

NEG_WORDS = {"not", "n't", "never", "no"}
NEG_VERBS = {"fail", "refuse", "decline"}  # "failed to intervene" negates "intervene"


def predicates(doc) -> dict[str, bool]:
    """Verb lemma -> negated? (for content verbs)."""
    out: dict[str, bool] = {}
    for t in doc:
        if t.pos_ not in {"VERB", "AUX"} or t.dep_ in {"aux", "auxpass"}:
            continue
        if t.pos_ == "AUX" and t.lemma_ not in {"be", "have"}:
            continue
        neg = any(c.dep_ == "neg" or c.lower_ in {"never"} for c in t.children)
        # "stood aside rather than intervening", "instead of fighting", "without firing"
        left = [x.lower_ for x in doc[max(0, t.i - 2): t.i]]
        if left[-1:] == ["without"] or left == ["rather", "than"] or left == ["instead", "of"]:
            neg = True
        head = t.head
        if t.dep_ == "xcomp" and head.lemma_.lower() in NEG_VERBS:
            neg = not neg
        lemma = t.lemma_.lower()
        if lemma in NEG_VERBS:
            continue
        out[lemma] = neg if lemma not in out else (out[lemma] or neg)
    return out


def check(claim: str, evidence: str, claim_doc=None, evidence_doc=None) -> Finding:
    cd = claim_doc if claim_doc is not None else parse(claim)
    ed = evidence_doc if evidence_doc is not None else parse(evidence)
    cp, ep = predicates(cd), predicates(ed)
    shared = [v for v in cp if v in ep and v not in {"be", "have", "say"}]
    if not shared:
        return Finding("negation", "not_applicable")
    for v in shared:
        if cp[v] != ep[v] and anchored(cd, ed, 0.2):
            which = "claim negates" if cp[v] else "passage negates"
            return Finding("negation", "conflict", f"'{v}': {which} it", claim_span=v,
                           evidence_span=v)
    return Finding("negation", "agree", ", ".join(shared))
