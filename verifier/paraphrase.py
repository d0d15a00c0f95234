"""Word alignment: the claim with its words written as the passage writes their synonyms.

A small NLI model reads "The contingent did not step in" against "The peacekeeping contingent
did not intervene" as unrelated (entailment 0.07); with "step in" written as the passage's
"intervene" it reads the claim the way a person does. A claim word is replaced only by a passage
word of the same part of speech and inflection that shares a WordNet synset with it among the
first senses of both (``verifier.lexicon.synonymous``) or, for a verb, that tells the same deed
(``checks.common.one_deed``: "fled to Armenia" read as "left to Armenia" against "left for
Armenia", entailment 0.31 -> 0.98) or, for a noun, that names the same deed
(``checks.common.one_deed_noun``: "the pullout" read as "the withdrawal"); or by a passage word
of any part of speech that says the same speed (``checks.common.one_speed``: "a swift
offensive" read as "a lightning offensive", where "lightning" is a noun); and only where the
passage does not use the claim's own word.
The checks still read the claim as written; only the NLI model reads the aligned text
(``Evidence.hypothesis``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from verifier.checks.common import (
    HOLD_OFF,
    deed_noun,
    denied,
    has_negation,
    one_deed,
    one_deed_noun,
    one_speed,
    parse,
    parse_words,
    per_doc,
    phrasal,
    same_deed,
)
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
    has_object: bool = False  # a verb told with a direct object ("issued a statement")


def _in_preposition(t) -> bool:
    """``t`` is the noun of a complex preposition ("in accordance with", "on behalf of", "in
    response to"): no word of its own to say with a synonym ("accord" is not "accordance")."""
    return t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ in {"in", "on", "by"} and \
        not any(c.dep_ == "det" for c in t.children) and \
        any(c.dep_ == "prep" and c.lower_ in {"with", "of", "to"} for c in t.children)


@per_doc
def _units(doc) -> tuple[_Unit, ...]:
    """Content words, phrasal verbs ("step in", "took over") as one unit; not the noun of a
    complex preposition."""
    out = []
    for t in doc:
        if t.pos_ not in _KINDS or t.is_stop or not t.is_alpha or _in_preposition(t):
            continue
        lemma, end = t.lemma_.lower(), t.idx + len(t)
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        # a verb and the particle after it that hangs on it, where WordNet knows the pair
        # ("step in"; not the "up" of "save up to $750 million")
        if t.pos_ == "VERB" and nxt is not None and nxt.head.i == t.i and \
                nxt.dep_ in {"prt", "advmod"} and senses(f"{lemma}_{nxt.lower_}", "v", 1):
            lemma, end = f"{lemma}_{nxt.lower_}", nxt.idx + len(nxt)
        out.append(_Unit(lemma, POS[t.pos_], t.tag_, t.idx, end, doc.text[t.idx:end],
                         t.pos_ == "VERB" and any(c.dep_ == "dobj" for c in t.children)))
    return tuple(out)


_INITIALS = re.compile(r"\b[A-Z]{2,5}\b")


def expand_initials(claim: str, passage: str) -> str:
    """The claim with each set of initials the passage never writes spelled out as the
    passage's capitalised words with those initials ("Armenian FM" against "Armenian Foreign
    Minister Ararat Mirzoyan": "Armenian Foreign Minister"; "PM Pashinyan" against "Prime
    Minister Nikol Pashinyan"), so the NLI model reads the title it stands for. The claim
    unchanged where the passage writes the initials or no such words."""
    words = list(re.finditer(r"[A-Z][a-z]+", passage))
    edits = []
    for m in _INITIALS.finditer(claim):
        short = m.group()
        if re.search(r"\b" + short + r"\b", passage):
            continue
        for i in range(len(words) - len(short) + 1):
            run = words[i:i + len(short)]
            # consecutive words, one space apart, whose initials spell it
            if "".join(w.group()[0] for w in run) == short and all(
                    passage[a.end():b.start()] == " " for a, b in pairwise(run)):
                edits.append((m.start(), m.end(), passage[run[0].start():run[-1].end()]))
                break
    for a, b, text in sorted(edits, reverse=True):
        claim = claim[:a] + text + claim[b:]
    return claim


def _synonym(u: _Unit, p: _Unit) -> bool:
    """Claim unit ``u`` and passage unit ``p`` are one word in another wording, any inflection
    (see the module's docstring)."""
    return p.pos == u.pos and _synonyms(u.lemma, p.lemma, p.pos)


@lru_cache(maxsize=65536)
def _synonyms(a: str, b: str, pos: str) -> bool:
    return synonymous(a, b, pos, SENSES) or (pos == "v" and one_deed(a, b)) \
        or (pos == "n" and one_deed_noun(a, b))


@lru_cache(maxsize=4096)
def said_otherwise(claim: str, passage: str) -> frozenset[str]:
    """Lemmas of the claim's content words that the passage says with a synonym, in any
    inflection ("had started" / "began": start), or as a noun or verb of the same deed ("left"
    / "the withdrawal"): what the relevance step counts as found."""
    cu, pu = _units(parse_words(claim)), _units(parse(passage))
    return frozenset(u.lemma.split("_")[0] for u in cu
                     if any(_said_as(u.lemma, u.pos, p.lemma, p.pos) for p in pu))


@lru_cache(maxsize=65536)
def _said_as(a: str, a_pos: str, b: str, b_pos: str) -> bool:
    """Claim word ``a`` is said by passage word ``b``: a synonym (any inflection), a word of
    the same speed, or a verb and a noun for its deed, either way round ("left" / "the
    withdrawal")."""
    if a_pos == b_pos and _synonyms(a, b, a_pos):
        return True
    if one_speed(a, b):
        return True
    if a_pos == "v" and b_pos == "n":
        return deed_noun(a, b)
    return a_pos == "n" and b_pos == "v" and deed_noun(b, a)


@lru_cache(maxsize=4096)
def align_words(claim: str, passage: str) -> str:
    """The claim with each content word the passage says with a synonym written the passage's
    way; the claim unchanged when there is none. Cached: the relevance step
    (``verify._overlap``) and the model's hypothesis (``verify._hypothesis``) both read it
    for the same claim and passage."""
    cu, pu = _units(parse_words(claim)), _units(parse(passage))
    have = {u.lemma for u in pu} | {u.lemma.split("_")[0] for u in pu}
    claim_lemmas = {u.lemma for u in cu}
    edits = []
    for u in cu:
        if u.lemma in have or u.lemma.split("_")[0] in have:
            continue  # the passage has the word (or the phrasal verb's verb) itself
        for p in pu:
            # (a verb keeps its object or its lack of one: "the statement came out" is not
            # "the statement issued", though the passage "issued a statement")
            if p.lemma not in claim_lemmas and p.has_object == u.has_object and (
                    (p.tag == u.tag and _synonym(u, p)) or one_speed(u.lemma, p.lemma)):
                edits.append((u.start, u.end, p.text))
                break
    for a, b, text in sorted(edits, reverse=True):
        if a == 0:
            text = text[:1].upper() + text[1:]
        claim = claim[:a] + text + claim[b:]
    return claim


def _subtree_span(tok) -> tuple[int, int]:
    toks = list(tok.subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _child(verb, deps: set[str]):
    return next((c for c in verb.children if c.dep_ in deps), None)


def _moved(span_text: str, first_tok) -> str:
    """A noun phrase moved off the start of the sentence: lower-cased unless a name."""
    if first_tok.pos_ == "PROPN" or first_tok.text == "I":
        return span_text
    return span_text[:1].lower() + span_text[1:]


@per_doc
def _voiced(doc, lemma: str, passive: bool):
    """A verb of ``lemma`` in ``doc`` told in the passive (``passive``) or the active voice."""
    for t in doc:
        if t.pos_ == "VERB" and t.lemma_.lower() == lemma:
            is_passive = _child(t, {"auxpass", "nsubjpass"}) is not None
            if is_passive == passive and (passive or _child(t, {"dobj"}) is not None):
                return t
    return None


def align_voice(claim: str, passage: str) -> str:
    """The claim's main clause in the voice the passage tells the same verb in: "Pro-Yerevan
    separatists controlled Karabakh for decades" against "It was controlled by pro-Yerevan
    separatists" reads "Karabakh was controlled by pro-Yerevan separatists for decades" (the
    small NLI model, taught that swapped arguments contradict, calls the active against the
    passive a contradiction). Only a plain clause (subject, verb, object, or object, passive
    verb, "by" agent, in that order) is rewritten; the claim unchanged otherwise."""
    cd = parse_words(claim)
    verb = next((t for t in cd if t.dep_ == "ROOT"), None)
    subj = None
    if verb is not None and verb.pos_ == "NOUN":
        # the small parser often reads "Separatists controlled Karabakh" as a noun with a
        # reduced relative clause: the noun is the subject, the clause's verb the main verb
        subj = verb
        verb = next((c for c in verb.children if c.dep_ == "acl" and c.tag_ in {"VBD", "VBN"}
                     and _child(c, {"dobj"}) is not None), None)
    if verb is None or verb.pos_ != "VERB":
        return claim
    lemma = verb.lemma_.lower()
    if _child(verb, {"auxpass", "nsubjpass"}) is None:  # active -> the passage's passive
        obj = _child(verb, {"dobj"})
        other = _voiced(parse(passage), lemma, passive=True)
        head_noun = subj is not None  # the misparse: the subject is the noun up to its end
        if subj is None:
            subj = _child(verb, {"nsubj"})
        if subj is None or obj is None or other is None or \
                _child(verb, {"aux", "neg", "prt", "dative"}) is not None:
            return claim
        s0, s1 = (subj.left_edge.idx, subj.idx + len(subj.text)) if head_noun \
            else _subtree_span(subj)
        o0, o1 = _subtree_span(obj)
        if claim[s1:verb.idx].strip() or claim[verb.idx + len(verb.text):o0].strip():
            return claim
        aux = [c.text for c in other.children if c.dep_ in {"aux", "auxpass"}]
        plural = obj.tag_ in {"NNS", "NNPS"} or _child(obj, {"conj"}) is not None
        aux = [("were" if plural else "was") if a.lower() in {"was", "were"} else a for a in aux]
        head = claim[o0:o1] if s0 else claim[o0:o1][:1].upper() + claim[o0:o1][1:]
        by = _moved(claim[s0:s1], cd[subj.left_edge.i])
        return f"{claim[:s0]}{head} {' '.join(aux + [other.text])} by {by}{claim[o1:]}"
    # passive -> the passage's active
    obj = _child(verb, {"nsubjpass"}) if subj is None else None
    agent = next((c for c in verb.children if c.dep_ == "agent"
                  or (c.dep_ == "prep" and c.lower_ == "by")), None)
    pobj = _child(agent, {"pobj"}) if agent is not None else None
    other = _voiced(parse(passage), lemma, passive=False)
    if obj is None or pobj is None or other is None or _child(verb, {"neg", "prt"}) is not None:
        return claim
    (o0, o1), (a0, a1) = _subtree_span(obj), _subtree_span(agent)
    between = [t for t in cd if o1 <= t.idx < a0 and t.i != verb.i]
    if any(t.dep_ not in {"aux", "auxpass"} for t in between) or \
            claim[verb.idx + len(verb.text):a0].strip():
        return claim
    aux = [c.text for c in other.children if c.dep_ == "aux"]
    subj_text = claim[_subtree_span(pobj)[0]:a1]
    head = subj_text if o0 else subj_text[:1].upper() + subj_text[1:]
    moved = _moved(claim[o0:o1], cd[obj.left_edge.i])
    return f"{claim[:o0]}{head} {' '.join(aux + [other.text])} {moved}{claim[a1:]}"


def _did_not(claim: str, subj, verb: str, head) -> str:
    """The claim up to its subject, "did not" ``verb``, and what follows ``head`` in its
    phrase ("Russia's peacekeepers" + "did not intervene" + "in the fighting")."""
    doc = head.doc
    tail = [t for t in head.subtree if t.i > head.i and not t.is_punct]
    rest = doc[tail[0].i:tail[-1].i + 1].text if tail else ""
    s0 = subj.left_edge.idx
    return f"{claim[:s0]}{claim[s0:subj.idx + len(subj.text)]} did not " \
           f"{verb}{' ' + rest if rest else ''}."


def plain_denial(claim: str, passage: str) -> str:
    """The claim with a deed it denies in other words told as "did not" where the passage
    tells that deed: "Russia's peacekeepers stood aside rather than intervening" reads
    "Russia's peacekeepers did not intervene" against "The peacekeeping contingent did not
    intervene" (the small NLI model reads the first as a contradiction, 0.67; the negation
    check finds both deny it). So do "held back from intervening", "refrained from
    intervening", "refrained from any intervention", "failed to stop the offensive"
    (``checks.common.denied``), "did nothing to stop the offensive" and a past deed "never"
    done ("never intervened") where the passage denies it too. Only a denied verb
    under the main verb (or a noun for it after a verb of holding off) is rewritten, with its
    subject and what follows the verb; the claim unchanged otherwise."""
    cd = parse_words(claim)
    root = next((t for t in cd if t.dep_ == "ROOT"), None)
    subj = _child(root, {"nsubj"}) if root is not None and root.pos_ == "VERB" else None
    if subj is None:
        return claim
    never = next((c for c in root.children if c.dep_ == "neg" and c.lower_ == "never"), None)
    if never is not None and never.i == root.i - 1 and root.tag_ == "VBD" and any(
            t.pos_ == "VERB" and has_negation(t) and same_deed(phrasal(t), phrasal(root))
            for t in parse(passage)):
        # "never intervened" against "did not intervene": the model reads "never" as "no"
        return f"{claim[:never.idx]}did not {root.lemma_.lower()}" \
               f"{claim[root.idx + len(root.text):]}"
    if has_negation(root):
        return claim
    told = None  # the passage's verbs, read only for a claim that denies a deed
    if phrasal(root) in HOLD_OFF:
        # "refrained from any intervention": the deed told as a noun
        noun = next((g for p in root.children if p.dep_ == "prep" and p.lower_ == "from"
                     for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
        if noun is not None:
            told = {phrasal(t) for t in parse(passage) if t.pos_ == "VERB"}
            verb = next((w for w in sorted(told) if deed_noun(w, noun.lemma_.lower())), None)
            if verb is not None:
                return _did_not(claim, subj, verb.replace("_", " "), noun)
    for verb in cd:
        if verb.pos_ != "VERB" or verb.i == root.i or has_negation(verb):
            continue
        # "did nothing to stop the offensive"
        nothing = verb.head.lower_ == "nothing" and verb.head.head.i == root.i and \
            root.lemma_.lower() == "do"
        if not (nothing or denied(verb)):
            continue
        # the denied verb hangs on the main verb: "failed to stop", "stood aside rather than
        # intervening", "held back from intervening"
        up = verb.head.head if verb.head.pos_ in {"ADP", "PRON"} else verb.head
        if up.pos_ == "ADV":
            up = up.head
        if up.i != root.i:
            continue
        if told is None:
            told = {phrasal(t) for t in parse(passage) if t.pos_ == "VERB"}
        if not any(same_deed(phrasal(verb), w) for w in told):
            continue
        return _did_not(claim, subj, verb.lemma_.lower(), verb)
    return claim
