"""Who did what to whom: agent and recipient swapped.

"Yerevan returned to Azerbaijan four villages" against "Azerbaijan returned four villages to
Armenia" (Yerevan stands for Armenia) conflicts; so does "Armenian separatists recaptured the
region from Baku" against "Baku recaptured the region from Armenian separatists".
"""

from __future__ import annotations

from verifier.checks.common import canon, parse
from verifier.types import Finding

_ARG_PREPS = {"to", "from", "with", "against", "by"}


def _arg(tok) -> str:
    """The argument's name: the entity or noun phrase head, canonicalised."""
    if tok.ent_type_:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return canon(ent.text)
    mods = [c.text for c in tok.children if c.dep_ in {"amod", "compound"} and c.ent_type_]
    base = canon(tok.lemma_.lower())
    return canon(mods[0]) + " " + base if mods else base


def triples(doc) -> list[tuple[str, str, str, str]]:
    """(verb lemma, subject, relation, other argument) for each verb with a subject."""
    out = []
    for v in doc:
        if v.pos_ != "VERB":
            continue
        # the agent: an active subject or a passive "by" phrase, and a named actor
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None:
            by = next((c for c in v.children if c.dep_ == "agent"), None)
            subj = next((g for g in by.children if g.dep_ == "pobj"), None) if by else None
        if subj is None or not (subj.ent_type_ or subj.pos_ == "PROPN" or any(
                c.ent_type_ for c in subj.children if c.dep_ in {"amod", "compound"})):
            continue
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in _ARG_PREPS:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    out.append((v.lemma_.lower(), _arg(subj), c.lower_, _arg(obj)))
                    # "returned to Azerbaijan four villages" is often parsed with the
                    # recipient as a modifier of the object: count it as an argument too.
                    for g in obj.children:
                        if g.dep_ in {"nmod", "compound"} and g.ent_type_:
                            out.append((v.lemma_.lower(), _arg(subj), c.lower_, _arg(g)))
            elif c.dep_ in {"dobj", "dative"} and (c.ent_type_ or c.pos_ == "PROPN"):
                out.append((v.lemma_.lower(), _arg(subj), "obj", _arg(c)))
    return out


def _same(a: str, b: str) -> bool:
    return a == b or a in b.split() or b in a.split() or a.endswith(b) or b.endswith(a)


def check(claim: str, evidence: str, claim_doc=None, evidence_doc=None) -> Finding:
    cd = claim_doc if claim_doc is not None else parse(claim)
    ed = evidence_doc if evidence_doc is not None else parse(evidence)
    ct, et = triples(cd), triples(ed)
    for verb, subj, rel, other in ct:
        for v2, s2, r2, o2 in et:
            if verb != v2 or rel != r2:
                continue
            if _same(subj, s2) and _same(other, o2):
                return Finding("roles", "agree", f"{subj} {verb} {rel} {other}")
            if _same(subj, o2) or _same(other, s2):
                return Finding(
                    "roles", "conflict",
                    f"claim: {subj} {verb} ({rel} {other}); passage: {s2} {v2} ({r2} {o2})",
                    claim_span=subj, evidence_span=s2,
                )
    return Finding("roles", "not_applicable")
