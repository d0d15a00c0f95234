"""Passages read in their document's context.

A news sentence often names a thing in full once and then shortly: "Russia's peacekeeping
contingent" early on, "The peacekeeping contingent did not intervene" later. Read alone, the
later sentence does not say whose contingent it was, and a small NLI model calls "The Russian
peacekeepers did not intervene" unrelated to it (entailment 0.01; 0.98 against "Russia's
peacekeeping contingent did not intervene"). So the checks and the model read each passage with
its bare definite noun phrases ("the peacekeeping contingent") given the named modifier
("Russia's", "Russian") that the nearest earlier mention of the same phrase in the document
carried. Citations still quote the document as written. A sentence that opens on a subject
pronoun ("It was controlled by ...") is judged through a passage that also holds the sentence
before it (:func:`read_in_window`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from verifier.checks.common import parse

if TYPE_CHECKING:  # pragma: no cover
    from verifier.types import Passage

# named modifiers worth carrying over: nationality, country, organisation, person
_NAMED = {"NORP", "GPE", "ORG", "PERSON", "LOC"}
LOOKBACK = 12  # earlier sentences searched for a fuller mention


def _words(chunk) -> tuple[str, ...]:
    """A noun phrase's head and its noun/adjective modifiers, as lower-cased lemmas."""
    return tuple(t.lemma_.lower() for t in chunk if t.pos_ in {"NOUN", "ADJ"} and not t.ent_type_)


def _bare(chunk) -> bool:
    """'the peacekeeping contingent': a definite phrase with no name in it."""
    return chunk[0].lower_ == "the" and not any(
        t.ent_type_ or t.pos_ == "PROPN" or t.dep_ == "poss" for t in chunk)


def _named_modifier(chunk) -> tuple[str, bool] | None:
    """The name that modifies a phrase's head, as written, and whether it is a possessive
    ("Russia's peacekeeping contingent" -> ("Russia's", True); "the Russian troops" ->
    ("Russian", False)); None when there is none."""
    for t in chunk.root.children:
        if t.dep_ == "poss" and t.ent_type_ in _NAMED:
            end = t.i + 1
            if end < len(t.doc) and t.doc[end].tag_ == "POS":
                end += 1
            first = min(x.i for x in t.subtree)
            return t.doc[first:end].text, True
        if t.dep_ in {"amod", "compound"} and t.ent_type_ in _NAMED and t.i < chunk.root.i:
            ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
            return (ent.text if ent is not None else t.text), False
    return None


def in_context(text: str, earlier: Sequence[str]) -> str:
    """``text`` with each bare definite noun phrase given the named modifier of the nearest
    earlier mention (in ``earlier``, the document's preceding sentences in order) of a phrase
    with the same words; ``text`` unchanged when there is none. A modifier the passage already
    uses is not added."""
    doc = parse(text)
    chunks = [c for c in doc.noun_chunks if _bare(c) and _words(c)]
    if not chunks or not earlier:
        return text
    lowered = text.lower()
    edits = []
    for chunk in chunks:
        key = _words(chunk)
        for sentence in reversed(earlier[-LOOKBACK:]):
            found = [c for c in parse(sentence).noun_chunks if _words(c) == key]
            named = next((m for m in map(_named_modifier, found) if m is not None), None)
            if named is not None:
                name, possessive = named
                if name.lower().removesuffix("'s").removesuffix("’s") not in lowered:
                    edits.append((chunk[0], name, possessive))
                break
    for det, name, possessive in sorted(edits, key=lambda e: -e[0].idx):
        a, b = det.idx, det.idx + len(det.text)
        # "The peacekeeping contingent" -> "Russia's peacekeeping contingent"; "the troops" ->
        # "the Russian troops"
        new = (name if a else name[:1].upper() + name[1:]) if possessive else f"{det.text} {name}"
        text = text[:a] + new + text[b:]
    return text


# subject pronouns that stand for something said before the sentence
_ANAPHORS = {"it", "they", "he", "she", "this", "these"}


def read_in_window(passages: Sequence[Passage]) -> set[int]:
    """Indices of single sentences opening on an anaphoric subject pronoun for which a passage
    holding the sentence before it is among ``passages``: their model scores are a guess at
    the referent, and the verifier counts them as neutral (``verify.candidates_of``)."""
    out = set()
    for k, p in enumerate(passages):
        first = p.text.split(maxsplit=1)[0].lower() if p.text.strip() else ""
        if p.n_sentences != 1 or first not in _ANAPHORS:
            continue
        if not any(p.within(q) and q.start < p.start for q in passages):
            continue
        doc = parse(p.text)
        # the pronoun is the subject and a verb follows ("It was", "They also"); not "These
        # in vivo studies suggest", which the small parser makes a pronoun with a phrase
        if len(doc) > 1 and doc[0].dep_ in {"nsubj", "nsubjpass"} and \
                doc[1].pos_ in {"AUX", "VERB", "ADV", "PART"}:
            out.add(k)
    return out
