"""Word alignment: the claim with its words written as the passage writes their synonyms.

A small NLI model reads "The contingent did not step in" against "The peacekeeping contingent
did not intervene" as unrelated (entailment 0.07); with "step in" written as the passage's
"intervene" it reads the claim the way a person does. A claim word is replaced only by a passage
word of the same part of speech and inflection that shares a WordNet synset with it among the
first senses of both (``verifier.lexicon.synonymous``), and only where the passage does not use
the claim's own word. The checks still read the claim as written; only the NLI model reads the
aligned text (``Evidence.hypothesis``).
"""

from __future__ import annotations

from dataclasses import dataclass

from verifier.checks.common import parse, per_doc
from verifier.lexicon import POS, senses, synonymous

_KINDS = {"VERB", "ADJ", "ADV", "NOUN"}
SENSES = 5  # how many of each word's WordNet senses may carry the shared meaning


@dataclass(frozen=True)
class _Unit:
    lemma: str  # WordNet key: "step_in" for a verb with its particle
    pos: str  # WordNet part of speech
    tag: str  # fine-grained tag (inflection)
    start: int  # character span in its text
    end: int
    text: str


@per_doc
def _units(doc) -> tuple[_Unit, ...]:
    """Content words, phrasal verbs ("step in", "took over") as one unit."""
    out = []
    for t in doc:
        if t.pos_ not in _KINDS or t.is_stop or not t.is_alpha:
            continue
        lemma, end = t.lemma_.lower(), t.idx + len(t)
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        # a verb and the particle after it that hangs on it, where WordNet knows the pair
        # ("step in"; not the "up" of "save up to $750 million")
        if t.pos_ == "VERB" and nxt is not None and nxt.head.i == t.i and \
                nxt.dep_ in {"prt", "advmod"} and senses(f"{lemma}_{nxt.lower_}", "v", 1):
            lemma, end = f"{lemma}_{nxt.lower_}", nxt.idx + len(nxt)
        out.append(_Unit(lemma, POS[t.pos_], t.tag_, t.idx, end, doc.text[t.idx:end]))
    return tuple(out)


def align_words(claim: str, passage: str) -> str:
    """The claim with each content word the passage says with a synonym written the passage's
    way; the claim unchanged when there is none."""
    cu, pu = _units(parse(claim)), _units(parse(passage))
    have = {u.lemma for u in pu} | {u.lemma.split("_")[0] for u in pu}
    claim_lemmas = {u.lemma for u in cu}
    edits = []
    for u in cu:
        if u.lemma in have or u.lemma.split("_")[0] in have:
            continue  # the passage has the word (or the phrasal verb's verb) itself
        for p in pu:
            if p.pos == u.pos and p.tag == u.tag and p.lemma not in claim_lemmas and \
                    synonymous(u.lemma, p.lemma, p.pos, SENSES):
                edits.append((u.start, u.end, p.text))
                break
    for a, b, text in sorted(edits, reverse=True):
        if a == 0:
            text = text[:1].upper() + text[1:]
        claim = claim[:a] + text + claim[b:]
    return claim
