"""Contrasts: the claim names one thing in place of another.

"It was officials in Yerevan, not Baku, who said ..." against "... officials in Baku said"
conflicts: the passage puts Baku where the claim puts Yerevan. So does "came from its Foreign
Ministry rather than its Defense Ministry" against "Azerbaijan's Defense Ministry said". The
markers are ", not Y", "rather than Y" and "instead of Y" after a noun phrase X. The passage
agrees when it puts X there and not Y. Where the passage has nothing in X's slot, it is read as
a whole only when X and Y share a head it names ("Foreign Ministry" / "Defense Ministry");
otherwise, or where it names both, the check stays silent.
Contrasted verbs ("stood aside rather than intervening") are the negation check's.
"""

from __future__ import annotations

from verifier.checks.common import (
    anchored,
    canon,
    conj_head,
    content_lemmas,
    governing_verb,
    one_deed,
    parse,
    phrasal,
)
from verifier.types import Finding

# (marker word, the word before it): ", not Y" (", and not Y"), "rather than Y", "instead of Y"
_MARKERS = {("not", ","), ("not", "and"), ("than", "rather"), ("of", "instead")}
_STOP_Y = {"who", "that", "which", "whose", "where", "when", "but", "and"}


def _key(tok) -> str:
    return canon(tok.lemma_.lower())


_REFLEXIVE = {"himself", "herself", "itself", "themselves"}


def _in_deed(words: set[str], cd, ed) -> bool:
    """The passage names ``words`` as a party to a verb the claim tells (its lemma or one of
    its deed group)."""
    told = {w for t in cd if t.pos_ in {"VERB", "AUX"} for w in (t.lemma_.lower(), phrasal(t))}
    verbs = {phrasal(governing_verb(t)) for t in ed if _key(t) in words}
    return any(v == w or one_deed(v, w) for v in verbs for w in told)


def contrasts(doc) -> list[tuple[object, object]]:
    """(X, Y) spans for each ", not Y" / "rather than Y" / "instead of Y" after a noun X."""
    return [(x, y) for x, y, _, _ in _contrasts(doc)]


_AMOUNTS = {"thousands", "hundreds", "millions", "tens", "dozens", "billions", "handful",
            "few", "many", "several", "dozen"}


def alternative(claim: str) -> tuple[str, str, str] | None:
    """The claim with Y in X's place and the contrast dropped, which the claim denies, with X
    and Y: "It is Baku, not Yerevan, that charges the Kremlin" -> ("It is Yerevan that charges
    the Kremlin", "Baku", "Yerevan"). A passage that entails it contradicts the claim, though
    the small model, reading past the "not", may say it entails the claim too. None for a
    claim with no contrast of nouns."""
    doc = parse(claim)
    found = _contrasts(doc)
    if not found:
        return None
    x, y, start, end = found[0]
    if any(t.like_num or t.lower_ in _AMOUNTS for t in (*x, *y)):
        return None  # "in the low thousands, not the tens of thousands": the numbers check's
    if end < len(doc) and doc[end].text == ",":
        end += 1
    words = [t.text_with_ws for t in doc[:x.start]] + [y.text + (" " if x[-1].whitespace_
                                                                 else "")]
    words += [t.text_with_ws for t in doc[x.end:start]]
    text = "".join(words).rstrip(" ,")
    rest = doc[end:].text if end < len(doc) else ""
    if rest and rest[0] not in ".!?;:":
        text += " " + rest
    else:
        text += rest
    return text[:1].upper() + text[1:], x.text, y.text


def _contrasts(doc) -> list[tuple[object, object, int, int]]:
    """(X, Y, start, end) for each contrast: the marker's words run from ``start`` to
    ``end`` (", not Yerevan")."""
    out = []
    for t in doc:
        before = doc[t.i - 1] if t.i > 0 else None
        if before is None or (t.lower_, before.lower_) not in _MARKERS:
            continue
        x_end, y_start = t.i - 1, t.i + 1
        if before.lower_ == "and":  # ", and not Y"
            if t.i < 2 or doc[t.i - 2].text != ",":
                continue
            x_end -= 1
        start = x_end - 1 if x_end >= 1 and doc[x_end - 1].text == "," and \
            before.lower_ in {"rather", "instead"} else x_end
        if y_start + 1 < len(doc) and doc[y_start].pos_ == "ADP":
            y_start += 1  # "with Pashinyan, not with Aliyev"
        if x_end < 1 or y_start >= len(doc):
            continue
        y_end = y_start
        while y_end < len(doc) and not doc[y_end].is_punct and doc[y_end].lower_ not in _STOP_Y \
                and doc[y_end].pos_ not in {"VERB", "AUX"} and y_end - y_start < 5:
            y_end += 1
        last = doc[x_end - 1]  # the word just before the marker (and its comma)
        if last.text == "," and t.lower_ != "not" and x_end >= 2:
            last = doc[x_end - 2]  # "Putin and Armenia's leadership, rather than Aliyev,"
        if last.lower_ in _REFLEXIVE and last.i >= 1:
            last = doc[last.i - 1]  # "Pashinyan himself, not Mirzoyan,"
        y = doc[y_start:y_end]
        if len(y) and y.root.pos_ == "PRON":  # "rather than from anyone in Baku": Baku
            place = next((g for p in y.root.children if p.dep_ == "prep" for g in p.children
                          if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            if place is not None:
                y = doc[place.left_edge.i:place.right_edge.i + 1]
        if not len(y) or y.root.pos_ not in {"NOUN", "PROPN"} or last.pos_ not in {"NOUN",
                                                                                 "PROPN"}:
            continue
        chunk = next((c for c in doc.noun_chunks if c.start <= last.i < c.end), None)
        x = doc[chunk.start:last.i + 1] if chunk is not None else doc[last.i:last.i + 1]
        out.append((x, y, start, y_end))
    return out


def _words(span) -> set[str]:
    return {_key(t) for t in span if t.pos_ in {"NOUN", "PROPN", "ADJ"} and not t.is_stop}


# verbs of saying, one slot for whoever says ("announced by Armenian officials" / "officials
# in Baku said")
_SAY = {"say", "announce", "state", "report", "declare", "confirm"}


def _verb_key(verb) -> str:
    lemma = verb.lemma_.lower()
    return "say" if lemma in _SAY else lemma


# verbs of going somewhere, one slot for where to ("left for Armenia" / "resettled in Russia")
_GO = {"leave", "flee", "go", "move", "head", "resettle", "settle", "relocate", "emigrate",
       "escape", "travel", "migrate"}
_TO = {"to", "for", "in", "into", "toward", "towards"}


def _slot(tok) -> tuple[str, str]:
    """Where a word sits: the doer of a verb (its active subject or its passive "by" phrase),
    where a verb of going goes, the preposition and what it hangs on ("officials in _"), else
    its relation to its head."""
    tok = conj_head(tok)
    h = tok.head
    if h.dep_ == "agent":
        return "doer", _verb_key(h.head)
    if h.pos_ == "ADP" and h.lower_ in _TO and h.head.lemma_.lower() in _GO:
        return "to", "go"
    if h.pos_ == "ADP":
        return h.lower_, h.head.lemma_.lower()
    if tok.dep_ == "nsubj":
        return "doer", _verb_key(h)
    return tok.dep_, h.lemma_.lower()


def _phrase(tok) -> set[str]:
    """The keys of a noun phrase: the word and what qualifies it, not its clauses nor its
    owner ("officials in Baku": official, Baku; "the company's profits": profit)."""
    out, todo = set(), [tok]
    while todo:
        t = todo.pop()
        out.add(_key(t))
        todo.extend(c for c in t.children if c.dep_ not in {"relcl", "acl", "advcl", "appos",
                                                            "poss", "punct", "cc"})
    return out


def _group(tok) -> set[str]:
    """The keys of a word and the words coordinated with it ("Moscow and Baku")."""
    out, todo = set(), [conj_head(tok)]
    while todo:
        t = todo.pop()
        out.add(_key(t))
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return out


def _parties(x, y) -> set[str]:
    """The names the claim makes the subject of X's verb ("Putin" in "Putin struck the deal
    with Pashinyan, not Aliyev") or its partner through "with" ("Putin" in "Pashinyan, not
    Aliyev, agreed the exit with Putin") or a possessive ("was Putin's counterpart"): X's
    partners in the deed."""
    verb = governing_verb(x.root)
    heads = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    # (the parser hangs "with Putin" on the verb or on its object)
    hosts = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    heads += [g for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
              for g in c.children if g.dep_ == "pobj"]
    # "X, not Y, was Putin's counterpart": whose counterpart
    heads += [g for c in verb.children if c.dep_ == "attr" for g in c.children
              if g.dep_ == "poss"]
    return {_key(t) for c in heads for t in c.subtree if t.pos_ == "PROPN"} - \
        {_key(t) for t in x} - {_key(t) for t in y}


def _listed_with(x, ed, only_y: set[str], extra: frozenset[str] = frozenset()) -> bool:
    """The passage coordinates Y with a name of the claim's X group (or with ``extra``): "a
    deal between Moscow and Baku, not Yerevan" against "an agreement between Yerevan and
    Baku"."""
    # the names of X's group, and the names inside X ("Putin and Armenia's leadership")
    xs = (_group(x.root) | {_key(t) for t in x if t.pos_ == "PROPN"} | extra) - only_y
    # a name in apposition is listed where its noun is ("Putin and his counterpart Aliyev")
    return any(_key(t) in only_y and _group(t.head if t.dep_ == "appos" else t) & xs
               for t in ed if t.pos_ == "PROPN")


def _owner_of(x, y, ed) -> str | None:
    """For "Moscow's defence ministry, not Azerbaijan's": whose the passage says the thing is,
    "claim" (Moscow's), "other" (Azerbaijan's), or None where it does not tell (the claim's
    Y is no bare possessive, or the passage names no owner of the same thing)."""
    owner = next((c for c in x.root.children if c.dep_ == "poss"), None)
    if owner is None or not (len(y) <= 2 and y[-1].tag_ == "POS"):
        return None
    kinds = {_key(c) for c in x.root.children if c.dep_ in {"compound", "amod"}}
    for t in ed:
        if _key(t) != _key(x.root) or not kinds <= {_key(c) for c in t.children
                                                    if c.dep_ in {"compound", "amod"}}:
            continue  # not the same thing ("foreign ministry" / "Defense Ministry")
        # (the parser reads an owner written with a curly apostrophe as a modifier, "nmod")
        theirs = next((c for c in t.children if c.dep_ == "poss" or (
            c.dep_ == "nmod" and any(g.dep_ == "case" for g in c.children))), None)
        if theirs is not None and _key(theirs) == _key(owner):
            return "claim"
        if theirs is not None and _key(theirs) == _key(y.root):
            return "other"
    return None


def check(claim: str, evidence: str, claim_doc=None, evidence_doc=None) -> Finding:
    cd = claim_doc if claim_doc is not None else parse(claim)
    ed = evidence_doc if evidence_doc is not None else parse(evidence)
    pairs = contrasts(cd)
    if not pairs or not anchored(cd, ed, 0.3):
        return Finding("contrast", "not_applicable")
    said = {_key(t) for t in ed} | {canon(w) for w in content_lemmas(ed)}
    for x, y in pairs:
        owner = _owner_of(x, y, ed)  # "Moscow's defence ministry, not Azerbaijan's"
        if owner == "other":
            return Finding("contrast", "conflict",
                           f"the claim says {x.text}, not {y.text}; the passage has {y.text} "
                           "there", claim_span=x.text, evidence_span=y.text)
        if owner == "claim":
            return Finding("contrast", "agree", f"{x.text}, not {y.text}")
        xs, ys = _words(x), _words(y)
        if y.root.lower_ in {"one", "ones"}:  # "Armenian officials, not Azerbaijani ones"
            ys = (ys - {"one"}) | {_key(x.root)}
        only_x, only_y = xs - ys, ys - xs
        if not only_x or not only_y:
            continue
        # first where the passage puts something in the claim's slot for X ...
        slot = _slot(x.root)
        in_slot = {k for t in ed if _slot(t) == slot for k in _phrase(t)}
        if in_slot & only_y and not in_slot & only_x:
            return Finding("contrast", "conflict",
                           f"the claim says {x.text}, not {y.text}; the passage has {y.text} there",
                           claim_span=x.text, evidence_span=y.text)
        if in_slot & only_x and not in_slot & only_y:
            return Finding("contrast", "agree", f"{x.text}, not {y.text}")
        if _listed_with(x, ed, only_y):
            return Finding("contrast", "conflict",
                           f"the claim says {x.text}, not {y.text}; the passage names {y.text} "
                           f"with {x.text}", claim_span=x.text, evidence_span=y.text)
        # ... or with X's partner in the deed, where the passage never names X ("Putin struck
        # the deal with Pashinyan, not Aliyev" / "agreed between Putin and ... Aliyev")
        partners = frozenset(_parties(x, y)) if not only_x & said else frozenset()
        if partners and _listed_with(x, ed, only_y, partners):
            return Finding("contrast", "conflict",
                           f"the claim says {x.text}, not {y.text}; the passage names {y.text} "
                           "as the other party", claim_span=x.text, evidence_span=y.text)
        # ... else anywhere in it, when X and Y share a head the passage names ("Foreign
        # Ministry" / "Defense Ministry"); bare names need the slot (a passage naming Baku
        # somewhere says nothing about who said what)
        shared = xs & ys
        if not shared and only_y <= said and not only_x & said and \
                anchored(cd, ed, 0.5, skip=[*x, *y]) and _in_deed(only_y, cd, ed):
            # ... or the passage tells the rest of the claim and names Y, never X, in a deed
            # the claim tells ("It was Pashinyan, rather than Aliyev, whom Putin agreed the
            # drawdown with" / "agreed between ... Putin and ... Aliyev"; not "villages that
            # Azerbaijan had lost" for "returned to Russia instead of Azerbaijan")
            return Finding("contrast", "conflict",
                           f"the claim says {x.text}, not {y.text}; the passage names {y.text}, "
                           f"never {x.text}", claim_span=x.text, evidence_span=y.text)
        if not shared or not shared <= said:
            continue
        has_x, has_y = only_x <= said, only_y <= said
        if has_y and not has_x:
            return Finding("contrast", "conflict",
                           f"the claim says {x.text}, not {y.text}; the passage names {y.text}",
                           claim_span=x.text, evidence_span=y.text)
        if has_x and not has_y:
            return Finding("contrast", "agree", f"{x.text}, not {y.text}")
    return Finding("contrast", "not_applicable")
