"""Named entities and roles.

Conflict when the claim puts another person, place or organisation in the slot the passage
fills (same verb or same role noun), e.g. "agreed between Putin and Erdogan" against "agreed
between ... Putin and ... Ilham Aliyev"; or gives a named person another title ("Prime
Minister Ararat Mirzoyan" against "Foreign Minister Ararat Mirzoyan"). Name variants match with
rapidfuzz ("Putin" ~ "Vladimir Putin"); capitals stand for their countries. A claim entity the
passage never names (and no conflict) is reported as ``missing``: that passage alone cannot
state the claim. A passage that gives what the claim's name owns to another name ("Russia's
defence ministry" against "Azerbaijan's Defense Ministry") is ``misplaced``: it cannot confirm
the claim.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process

from verifier.checks.common import (
    ALIASES,
    anchored,
    canon,
    conj_head,
    denied,
    governing_verb,
    parse,
    per_doc,
    shared_start,
)
from verifier.types import Finding

LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
ROLES = [
    "assistant secretary of state", "secretary of state", "deputy prime minister",
    "prime minister", "foreign minister", "defense minister", "defence minister",
    "finance minister", "interior minister", "vice president", "president", "chancellor",
    "king", "queen", "ambassador", "governor", "mayor", "senator", "spokesman", "spokeswoman",
    "general", "commander", "chief executive", "chairman", "speaker", "minister",
]
_ROLE_ALT = "|".join(re.escape(r) for r in ROLES)
_NAME = r"((?:[A-Z][\w'’.-]+\s?){1,3})"
# "Foreign Minister Ararat Mirzoyan", "Assistant Secretary of State for Europe and Eurasia James
# O'Brien"
_ROLE_RE = re.compile(r"\b(?i:(" + _ROLE_ALT + r"))(?:\s+for(?:\s+(?:and\s+)?[A-Z]\w+)+)?\s+"
                      + _NAME)
# "Ararat Mirzoyan is Armenia's defense minister", "... serves as the US secretary of state"
_COPULA_RE = re.compile(_NAME.replace("{1,3}", "{2,3}") + r"\s*(?:is|was|serves as|served as)"
                        r"\s+(?:the\s+)?(?:[A-Z][\w.]*(?:'s|’s)?\s+)*?(?i:(" + _ROLE_ALT + r"))\b")
GENERIC_ROLES = {"minister", "secretary", "general", "speaker"}
# one-word countries and capitals the small NER model may miss (adjectives such as "Armenian"
# are left to it): the countries of the alias table and its capitals
_ADJECTIVAL = {"armenian", "azerbaijani", "russian", "american", "ukrainian", "british",
               "french", "german", "chinese", "iranian", "turkish", "israeli", "us", "eu", "uk"}
PLACES = ({w for w in set(ALIASES) | set(ALIASES.values()) if w.isalpha()} - _ADJECTIVAL) | {
    "karabakh", "nagorno-karabakh", "afghanistan", "pakistan", "japan", "iran", "iraq",
    "europe", "asia", "africa"}


def _fold(text: str) -> str:
    """Lower case without accents: "Sánchez" -> "sanchez"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _same_entity(a: str, b: str) -> bool:
    ca, cb = canon(a), canon(b)
    if ca == cb:
        return True
    la, lb = _fold(a), _fold(b)
    if la in lb or lb in la:
        return True
    return fuzz.token_set_ratio(la, lb) >= 90 or fuzz.ratio(ca, cb) >= 88


def person_roles(text: str) -> dict[str, str]:
    """{person surname: role} from 'Role Firstname Lastname' patterns."""
    out = {}
    for m in _ROLE_RE.finditer(text):
        role = m.group(1).lower().replace("defence", "defense")
        name = m.group(2).strip().split()
        if name and name[0][0].isupper():
            out[name[-1].strip(".,").lower()] = role
    for m in _COPULA_RE.finditer(text):
        name = m.group(1).strip().split()
        out.setdefault(name[-1].strip(".,").lower(),
                       m.group(2).lower().replace("defence", "defense"))
    return out


def roles_compatible(a: str, b: str) -> bool:
    """Same title, or one is a bare generic one ("minister" fits "foreign minister")."""
    return a == b or (a in GENERIC_ROLES and a in b) or (b in GENERIC_ROLES and b in a)


# Relations loosely the same slot: a subject never stands for an object, nor the reverse.
_SUBJECTS = {"nsubj", "nsubjpass"}
_OBJECTS = {"conj", "pobj", "appos", "dobj", "compound", "poss"}


_GEO = {"GPE", "LOC", "NORP"}
# a place a verb goes to or comes from is not its object: "left Karabakh" / "left for Armenia"
_DIRECTIONS = {"to", "for", "from", "into", "toward", "towards", "onto"}


def _directed(tok) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in _DIRECTIONS


def _same_slot(ce, ee, strict: bool) -> bool:
    """The passage's entity ``ee`` fills the slot the claim's ``ce`` fills: same verb and the
    same (or, unless ``strict``, any argument) relation, or the same head noun ("part of X",
    "Russian troops") doing the same thing."""
    # the small model tells countries, regions and nationalities apart unreliably ("the
    # West" is a LOC, "Russia" a GPE, "Russian" a NORP): one family here
    if ee.label_ != ce.label_ and not {ee.label_, ce.label_} <= _GEO:
        return False
    c_root, e_root = conj_head(ce.root), conj_head(ee.root)
    verb, ev_verb = governing_verb(c_root), governing_verb(e_root)
    same_verb = verb.lemma_.lower() == ev_verb.lemma_.lower()
    same_dep = c_root.dep_ == e_root.dep_
    loose = any({c_root.dep_, e_root.dep_} <= group for group in (_SUBJECTS, _OBJECTS)) \
        and not (_directed(c_root) or _directed(e_root))
    same_slot = same_verb and (same_dep or (not strict and loose))
    ch, eh = c_root.head, e_root.head
    if ch.pos_ == "ADP" and eh.pos_ == "ADP":  # "part of X": compare what "of" hangs on
        if strict and ch.lower_ != eh.lower_:
            return False
        ch, eh = ch.head, eh.head
    # Same noun ("Turkish troops" / "Russian troops") is only the same slot when the noun does
    # the same thing: "replaced by Turkish troops" is another event.
    verbs_fit = same_verb or "be" in {verb.lemma_.lower(), ev_verb.lemma_.lower()}
    same_head = (ch.lemma_.lower() == eh.lemma_.lower() and ch.pos_ == "NOUN" and same_dep
                 and verbs_fit)
    return same_slot or same_head


def _denied(ent) -> bool:
    """The claim denies what it says of the name ("Karabakh was not historically an
    Azerbaijani-majority region"): another name in its slot does not contradict it."""
    return denied(governing_verb(conj_head(ent.root)))


@per_doc
def named(doc) -> tuple:
    """spaCy's named entities, plus known countries and capitals it missed (the small model
    often misses a sentence-initial "Armenia")."""
    from spacy.tokens import Span

    # a known country or capital is a place whatever the small model calls it ("Yerevan"
    # comes out as PERSON)
    ents = [Span(doc, e.start, e.end, label="GPE") if e.text.lower() in PLACES else e
            for e in doc.ents if e.label_ in LABELS]
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    label_of = {i: e.label_ for e in ents for i in range(e.start, e.end)}
    for t in doc:
        if t.i not in covered and t.pos_ == "PROPN" and t.lower_ in PLACES:
            ents.append(Span(doc, t.i, t.i + 1, label="GPE"))
        # a name coordinated with a named one is of its kind ("Putin and Pashinyan": the
        # small model often tags only the first)
        elif t.i not in covered and t.pos_ == "PROPN" and t.dep_ == "conj" and \
                t.head.i in label_of and not any(c.dep_ == "compound" for c in t.children):
            ents.append(Span(doc, t.i, t.i + 1, label=label_of[t.head.i]))
    return tuple(sorted(ents, key=lambda e: e.start))


_WORD = re.compile(r"[^\W\d_]+")
_NAME_FILLER = {"the", "of", "and", "for", "s", "de", "la", "van", "von"}


def word_set(texts) -> frozenset[str]:
    """The lower-cased words of ``texts`` (letters only), with the country each capital or
    demonym stands for ("yerevan" also gives "armenia"): what :func:`absent_names` looks in."""
    words: set[str] = set()
    for text in texts:
        words.update(_WORD.findall(text.lower()))
    for alias, country in ALIASES.items():
        if alias in words:
            words.update(country.split())
    return frozenset(words)


def absent_names(claim_doc, words: frozenset[str]) -> list[str]:
    """The claim's names of which not one word occurs in ``words`` (a corpus's
    :func:`word_set`): "Tavush", "Antony Blinken". A corpus that never names a thing cannot
    support a claim about it. Deliberately lenient: one shared word ("European Union" against a
    corpus saying "union") counts as named, and so do a name whose alias occurs ("Kremlin" for
    a corpus saying "Russia") and another spelling of a word of 5 letters or more ("Aliev" for
    "Aliyev", rapidfuzz ratio >= 88; not "Europe" for "European")."""
    out = []
    for e in named(claim_doc):
        toks = [w for w in _WORD.findall(e.text.lower()) if w not in _NAME_FILLER]
        toks += canon(e.text).split()
        if toks and not any(w in words or _spelled_otherwise(w, words) for w in toks):
            out.append(e.text)
    return list(dict.fromkeys(out))


def _spelled_otherwise(word: str, words: frozenset[str]) -> bool:
    if len(word) < 5:
        return False
    return process.extractOne(word, words, scorer=fuzz.ratio, score_cutoff=88) is not None


def align(claim: str, evidence: str) -> str:
    """The claim with each place or organisation that the passage names only by another name
    of the same country written the passage's way ("Azerbaijan seized" against "Baku took
    over": "Baku seized"), so the NLI model does not read a metonym as another actor. Demonyms
    are only exchanged for demonyms ("Russian" never becomes "Russia"); a name the passage
    also writes the claim's way is left alone. The claim unchanged when nothing differs."""
    cd, ed = parse(claim), parse(evidence)
    edits = []
    for ce in named(cd):
        if _says(evidence, ce.text.lower()):
            continue
        key = canon(ce.text)
        for ee in named(ed):
            if canon(ee.text) == key and _demonym(ce) == _demonym(ee) \
                    and ee.text.lower() != ce.text.lower():
                edits.append((ce.start_char, ce.end_char, ee.text))
                break
    for a, b, name in sorted(edits, reverse=True):
        claim = claim[:a] + name + claim[b:]
    return claim


def _says(text: str, name: str) -> bool:
    """``text`` has ``name`` (lower-case) as whole words."""
    return re.search(r"\b" + re.escape(name) + r"\b", text.lower()) is not None


_DEMONYM_ENDINGS = ("ian", "ani", "ish", "ese", "ench", "eli", "can", "man")


def _demonym(span) -> bool:
    """"Azerbaijani", "Russian", "American": by its ending (the small model tags a
    sentence-final "Azerbaijani" as a PERSON), spaCy's NORP, or an adjective."""
    return span.text.lower().endswith(_DEMONYM_ENDINGS) or span.root.ent_type_ == "NORP" \
        or span.root.pos_ == "ADJ"


_PLACE_PREPS = {"in", "at", "to", "for", "from", "into", "inside"}
# "took place in X": where the event happened is where its subject did
_LIGHT_VERBS = {"take", "occur", "happen", "hold", "erupt", "break", "unfold", "be"}


def _place(tok) -> str | None:
    """The place a token names: a place entity's text, or a known country or capital (the small
    model merges "Armenia for Karabakh" into one ORG)."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None and ent.label_ in {"GPE", "LOC"}:
        return ent.text
    return tok.text if tok.lower_ in PLACES else None


def _keys(head) -> set[str]:
    """What a place phrase locates: its head word ("protests in Armenia", "left for Armenia")
    and, for a noun, what it is "of" ("a wave of protests"); for a light verb ("took place in
    Azerbaijan") its subject instead. A subject's place says which one it is ("officials in
    Baku"), not where something happened: no keys."""
    nouns = [head]
    if head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() in _LIGHT_VERBS:
        nouns = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    elif head.dep_ in {"nsubj", "nsubjpass"}:
        return set()  # "officials in Baku said": the place tells which officials, not where
    keys = set()
    for n in nouns:
        keys.add(n.lemma_.lower())
        for p in n.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                keys.update(g.lemma_.lower() for g in p.children if g.dep_ == "pobj")
    return keys - _LIGHT_VERBS


@per_doc
def place_slots(doc, lists: bool = True) -> tuple[tuple[frozenset[str], str, str], ...]:
    """(what is located, preposition, place) for each place in a prepositional phrase; with
    ``lists``, also for the places coordinated with it ("in Las Cruces, New Mexico, ...")."""
    out = []
    for t in doc:
        if t.dep_ != "pobj" or t.head.lower_ not in _PLACE_PREPS:
            continue
        prep = conj_head(t.head)  # "for Armenia and for Russia"
        keys = frozenset(_keys(prep.head))
        # "in Las Cruces, New Mexico, Atlanta ...": every place of the list fills the slot
        todo, seen = [t], set()
        while todo:
            w = todo.pop()
            seen.add(w.i)
            place = _place(w)
            if place is not None and (keys, t.head.lower_, place) not in out:
                out.append((keys, t.head.lower_, place))
            if lists:
                todo.extend(c for c in w.children
                            if c.dep_ in {"conj", "appos"} and c.i not in seen)
    return tuple(out)


def place_conflict(cd, ed) -> Finding | None:
    """The passage puts the same thing in another place: "protests took place in Azerbaijan"
    against "sparked a wave of mass protests in Armenia", "left Armenia for Karabakh" against
    "left for Armenia". A passage that also gives the claim's place there (a list) does not
    conflict; only the first place of a list in the claim is compared (the small parser often
    hangs the rest of a list on a neighbouring name)."""
    es = place_slots(ed)
    for keys, prep, place in place_slots(cd, lists=False):
        there = [p for k, pr, p in es if pr == prep and k & keys]
        if there and not any(_same_entity(place, p) for p in there) and anchored(cd, ed, 0.4):
            return Finding("entities", "conflict", f"'{place}' vs '{there[0]}'",
                           claim_span=place, evidence_span=there[0])
    return None


def _partners(ent, ents) -> list:
    """The entities coordinated with ``ent`` ("Putin and Pashinyan"; "between Putin and his
    Azerbaijani counterpart Ilham Aliyev": the counterpart's phrase), of the same label."""
    first = conj_head(ent.root)
    group = [first, *(t for t in first.subtree if t.dep_ == "conj" and conj_head(t) == first)]
    mine = next((g for g in reversed(group) if g.i <= ent.root.i and
                 ent.root.i in {t.i for t in g.subtree}), first)
    others = {t.i for g in group if g.i != mine.i for t in g.subtree
              if conj_head(t) != first or t.i == g.i}
    return [e for e in ents if e.label_ == ent.label_ and e.root.i in others]


def partner_conflict(cd, ed, c_ents, e_ents, missing) -> Finding | None:
    """The claim pairs a name the passage pairs with someone else, in the same deed: "Putin
    and Pashinyan agreed on the withdrawal" against "agreed between Putin and his Azerbaijani
    counterpart Ilham Aliyev"."""
    for ce in missing:
        verb = governing_verb(conj_head(ce.root)).lemma_.lower()
        for x in _partners(ce, c_ents):
            for ex in (e for e in e_ents if _same_entity(x.text, e.text)):
                if governing_verb(conj_head(ex.root)).lemma_.lower() != verb:
                    continue
                other = [e for e in _partners(ex, e_ents)
                         if not any(_same_entity(e.text, c.text) for c in c_ents)]
                if other and anchored(cd, ed, 0.4) and not _denied(ce):
                    return Finding("entities", "conflict", f"'{ce.text}' vs '{other[0].text}'",
                                   claim_span=ce.text, evidence_span=other[0].text)
    return None


_OWNER_DEPS = {"poss", "compound", "amod"}


def _owned(ent) -> tuple[str, str] | None:
    """(owner, the noun it owns or qualifies) for a name: "Russia's defence ministry" ->
    ("Russia", "ministry"), "Turkish troops" -> ("Turkish", "troop"); a country inside an
    organisation's name counts too ("the Armenian Defence Ministry" -> ("Armenian",
    "ministry")). Only a possessive says that a person or organisation owns a thing ("the
    Howard family" and "Coronavirus vaccines" name a kind, not an owner). None for a name that
    owns nothing."""
    head = ent.root.head
    dep = ent.root.dep_
    owner = dep == "poss" or (dep in _OWNER_DEPS and ent.label_ in _GEO)
    if owner and head.pos_ in {"NOUN", "PROPN"} and head not in ent:
        return re.sub(r"['’]s$", "", ent.text), head.lemma_.lower()
    if ent.label_ == "ORG":
        place = next((t for t in ent if t != ent.root
                      and (t.lower_ in ALIASES or t.lower_ in PLACES)), None)
        if place is not None:
            return place.text, ent.root.lemma_.lower()
    return None


def _same_owner(a: str, b: str) -> bool:
    """The same name, or a country and its demonym ("Portugal" / "Portuguese", "Britain" /
    "British"): they share their first four letters and half of the shorter word."""
    if _same_entity(a, b):
        return True
    x, y = _fold(a), _fold(b)
    n = shared_start(x, y)
    return n >= 4 and 2 * n >= min(len(x), len(y))


def owner_moved(c_ents, e_ents) -> Finding | None:
    """The passage gives what the claim's name owns to another name: "Russia's defence ministry
    confirmed ..." against "Azerbaijan's Defense Ministry said ...". Such a passage cannot
    confirm the claim (``misplaced``); whether it refutes it is left to the model, since both
    may have spoken."""
    theirs = [o for o in map(_owned, e_ents) if o is not None]
    mine = [o for o in (_owned(ce) for ce in c_ents
                        if ce.label_ in {"PERSON", "ORG", "GPE", "NORP"} and not _denied(ce))
            if o is not None]
    for owner, thing in mine:
        others = [o for o, t in theirs if t == thing]
        # a claim may qualify the thing twice ("Russia's former Karabakh peacekeepers"): one
        # owner the passage shares is enough
        claimed = [o for o, t in mine if t == thing]
        if others and not any(_same_owner(c, o) for c in claimed for o in others):
            return Finding("entities", "misplaced", f"{thing}: '{owner}' vs '{others[0]}'",
                           claim_span=owner, evidence_span=others[0])
    return None


def check(claim: str, evidence: str, claim_doc=None, evidence_doc=None) -> Finding:
    cd = claim_doc if claim_doc is not None else parse(claim)
    ed = evidence_doc if evidence_doc is not None else parse(evidence)
    # Roles of the same named person.
    cr, er = person_roles(cd.text), person_roles(ed.text)
    for name, role in cr.items():
        if name in er and not roles_compatible(role, er[name]):
            return Finding("entities", "conflict", f"{name.title()}: '{role}' vs '{er[name]}'",
                           claim_span=role, evidence_span=er[name])
    # The same thing in another place.
    moved = place_conflict(cd, ed)
    if moved is not None:
        return moved
    c_ents, e_ents = named(cd), named(ed)
    if not c_ents:
        return Finding("entities", "not_applicable")
    matched, missing = [], []
    for ce in c_ents:
        if any(_same_entity(ce.text, ee.text) for ee in e_ents) or \
                _says(ed.text, canon(ce.text)):
            matched.append(ce)
        else:
            missing.append(ce)
    for ce in missing:
        for ee in e_ents:
            if any(_same_entity(ee.text, x.text) and x.root.dep_ == ee.root.dep_
                   for x in c_ents):
                continue  # the passage's entity fills the same kind of slot in the claim
            if _same_slot(ce, ee, strict=False) and anchored(cd, ed, 0.4) and not _denied(ce):
                return Finding("entities", "conflict", f"'{ce.text}' vs '{ee.text}'",
                               claim_span=ce.text, evidence_span=ee.text)
    paired = partner_conflict(cd, ed, c_ents, e_ents, missing)
    if paired is not None:
        return paired
    # A claim entity the passage names elsewhere can still sit in another entity's slot:
    # "recognised as part of Armenia" against "part of Azerbaijan ... Armenian population".
    for ce in matched:
        # (a passage entity the claim also names elsewhere is a swap, left to the roles check)
        same = [ee for ee in e_ents if _same_slot(ce, ee, strict=True) and not any(
            _same_entity(ee.text, x.text) for x in c_ents if x is not ce)]
        if same and not _denied(ce) and anchored(cd, ed, 0.4) and \
                not any(_same_entity(ce.text, ee.text) for ee in same):
            return Finding("entities", "conflict", f"'{ce.text}' vs '{same[0].text}'",
                           claim_span=ce.text, evidence_span=same[0].text)
    moved_owner = owner_moved(c_ents, e_ents)
    if moved_owner is not None:
        return moved_owner
    if missing:  # the passage cannot state the whole claim: it never names these
        names = ", ".join(dict.fromkeys(e.text for e in missing))
        return Finding("entities", "missing", names, claim_span=missing[0].text)
    if matched:
        return Finding("entities", "agree", ", ".join(e.text for e in matched))
    return Finding("entities", "not_applicable")
