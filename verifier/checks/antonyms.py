"""Antonyms and opposite directions (upgrade/downgrade, sour/improve, rise/fall, ...).

A curated table of lemma pairs (WordNet is not shipped in a pip package usable offline, and its
antonym relation misses most of the news-style pairs below). Fires only when the claim and the
passage share the rest of their content words.
"""

from __future__ import annotations

from verifier.checks.common import anchored, parse
from verifier.types import Finding

PAIRS = [
    ("upgrade", "downgrade"), ("sour", "improve"), ("sour", "warm"), ("worsen", "improve"),
    ("increase", "decrease"), ("increase", "reduce"), ("rise", "fall"), ("rise", "drop"),
    ("raise", "lower"), ("win", "lose"), ("accept", "reject"), ("approve", "reject"),
    ("support", "oppose"), ("strengthen", "weaken"), ("deepen", "weaken"), ("begin", "end"),
    ("begin", "complete"), ("start", "finish"), ("start", "end"), ("withdraw", "deploy"),
    ("withdraw", "arrive"), ("leave", "arrive"), ("leave", "stay"), ("leave", "remain"),
    ("join", "leave"), ("open", "close"), ("ally", "enemy"), ("ally", "rival"),
    ("friend", "enemy"), ("gain", "lose"), ("expand", "shrink"), ("before", "after"),
    ("first", "last"), ("higher", "lower"), ("more", "less"), ("more", "fewer"),
    ("majority", "minority"), ("legal", "illegal"), ("success", "failure"),
    ("succeed", "fail"), ("agree", "refuse"), ("agree", "disagree"), ("allow", "forbid"),
    ("allow", "ban"), ("capture", "lose"), ("recapture", "lose"), ("defend", "criticize"),
    ("praise", "criticize"), ("protect", "abandon"), ("peace", "war"), ("positive", "negative"),
    ("early", "late"), ("cheap", "expensive"), ("strong", "weak"), ("large", "small"),
    ("traditional", "new"), ("internationally", "domestically"), ("sign", "reject"),
]
OPPOSITE: dict[str, set[str]] = {}
for a, b in PAIRS:
    OPPOSITE.setdefault(a, set()).add(b)
    OPPOSITE.setdefault(b, set()).add(a)


_VERB_HOMOGRAPHS = {"last", "first", "more", "less", "late", "early"}


def _pos_class(t) -> str:
    return {"AUX": "VERB", "PROPN": "NOUN", "ADV": "ADJ"}.get(t.pos_, t.pos_)


def check(claim: str, evidence: str, claim_doc=None, evidence_doc=None) -> Finding:
    cd = claim_doc if claim_doc is not None else parse(claim)
    ed = evidence_doc if evidence_doc is not None else parse(evidence)
    ev_lemmas = {t.lemma_.lower(): t for t in ed}
    ev_words = {t.lower_: t for t in ed}
    claim_lemmas = {t.lemma_.lower() for t in cd} | {t.lower_ for t in cd}
    for t in cd:
        lem = t.lemma_.lower()
        for opp in OPPOSITE.get(lem, set()) | OPPOSITE.get(t.lower_, set()):
            hit = ev_lemmas.get(opp) or ev_words.get(opp)
            if hit is None or lem in ev_lemmas or opp in claim_lemmas:
                continue
            if _pos_class(t) == "VERB" and lem in _VERB_HOMOGRAPHS:
                continue  # "lasted" (to last) is no opposite of "first"
            if anchored(cd, ed, 0.4):
                return Finding("antonyms", "conflict", f"'{t.text}' vs '{hit.text}'",
                               claim_span=t.text, evidence_span=hit.text)
    return Finding("antonyms", "not_applicable")
