"""Who did what to whom: agent and recipient swapped.

"Yerevan returned to Azerbaijan four villages" against "Azerbaijan returned four villages to
Armenia" (Yerevan stands for Armenia) conflicts; so does "Armenian separatists recaptured the
region from Baku" against "Baku recaptured the region from Armenian separatists", and
"Azerbaijan had captured the villages" against "Yerevan returned to Azerbaijan villages that it
had captured" (the relative clause's "that" is the villages, its "it" the main clause's
subject). Told with another verb, only a full swap of doer and recipient done to the same thing
conflicts ("Azerbaijan handed four villages to Armenia"); "took villages from Armenia" is
another preposition, and no swap. The claim's doer given the same thing by the passage's doer
is a swap too ("Azerbaijan gave back four villages"), and a participle shares its verb's doer
("Azerbaijan gave back the villages, handing them to Armenia"). A deal given a side the
passage does not give it conflicts too ("a deal between Putin and Pashinyan" against "agreed
between Russian President Vladimir Putin and his Azerbaijani counterpart Ilham Aliyev").
"""

from __future__ import annotations

from verifier.checks.common import (
    COUNTRIES,
    DOING,
    GIVE,
    canon,
    deed_noun,
    deed_verb,
    demonym_plural,
    one_deed,
    one_deed_noun,
    parse,
    per_doc,
    phrasal,
)
from verifier.checks.titles import country_of
from verifier.types import Finding

_ARG_PREPS = {"to", "from", "with", "against", "by"}
_RELATIVE = {"which", "that", "who", "whom"}
_PRONOUNS = {"it", "they", "he", "she"}
_OBJECT_PRONOUNS = {"it", "them"}
_SHARING = {"advcl", "conj", "xcomp"}  # verbs that may share their head verb's doer


def _arg(tok) -> str:
    """The argument's name: the entity or noun phrase head, canonicalised; a people is not
    its state ("Azerbaijanis returned to Karabakh" tells no deed of Azerbaijan's)."""
    if demonym_plural(tok.lower_):
        return tok.lower_
    if tok.ent_type_:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return canon(ent.text)
    mods = [c.text for c in tok.children if c.dep_ in {"amod", "compound"} and c.ent_type_]
    base = canon(tok.lemma_.lower())
    return canon(mods[0]) + " " + base if mods else base


def _named(tok) -> bool:
    return bool(tok.ent_type_ or tok.pos_ == "PROPN" or any(
        c.ent_type_ for c in tok.children if c.dep_ in {"amod", "compound"}))


def _resolve(tok, verb):
    """A relative clause's pronouns stand for what they refer to: its "which"/"that" for the
    noun the clause hangs on, its "it"/"they" subject for that noun's clause's subject ("Yerevan
    returned villages that it had captured": it = Yerevan). Other words stand for themselves."""
    if verb.dep_ != "relcl":
        return tok
    if tok.lower_ in _RELATIVE:
        return verb.head
    if tok.lower_ in _PRONOUNS and tok.dep_ == "nsubj":
        outer = verb.head
        for _ in range(4):  # up from the noun to the verb whose argument it is
            if outer.pos_ in {"VERB", "AUX"} or outer.head.i == outer.i:
                break
            outer = outer.head
        subj = next((c for c in outer.children if c.dep_ == "nsubj"), None)
        return subj if subj is not None and _named(subj) else tok
    return tok


def _passive(v) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in v.children)


def _agent_and_patient(v):
    """The verb's doer and its direct object: active subject and object, or the passive's "by"
    phrase and subject."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if subj is None:
        by = next((c for c in v.children if c.dep_ == "agent"), None)
        if by is None and _passive(v):  # (the parser may read the passive's "by" as "prep")
            by = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        subj = next((g for g in by.children if g.dep_ == "pobj"), None) if by else None
        obj = next((c for c in v.children if c.dep_ == "nsubjpass"), obj)
    subj = _resolve(subj, v) if subj is not None else None
    obj = _resolve(obj, v) if obj is not None else None
    # a participle or coordinated verb shares its head verb's doer, and its "them" is that
    # verb's object ("Baku gave back the villages, handing them to Yerevan")
    if v.dep_ in _SHARING and v.head.pos_ == "VERB" and v.head.i != v.i and (
            subj is None or (obj is not None and obj.lower_ in _OBJECT_PRONOUNS)):
        head_subj, head_obj = _agent_and_patient(v.head)
        if subj is None and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in v.children):
            subj = head_subj
        if obj is not None and obj.lower_ in _OBJECT_PRONOUNS and head_obj is not None:
            obj = head_obj
    return subj, obj


def _deed(v) -> str:
    """The verb's lemma, or with its particle where that names a deed of a group in
    ``common`` ("gave back": give_back, told like "returned"; "took out a loan" stays
    "take")."""
    lemma, ph = v.lemma_.lower(), phrasal(v)
    return ph if ph != lemma and one_deed(ph, ph) else lemma


@per_doc
def triples(doc, common: bool = False) -> tuple[tuple[str, str, str, str], ...]:
    """(verb lemma, subject, relation, other argument) for each verb with a named subject (or,
    with ``common``, a common noun: "Separatists recaptured ..."); relation "obj" is the
    direct object (named, or a noun's lemma), a preposition otherwise."""
    out = []
    for v in doc:
        if v.pos_ != "VERB":
            continue
        subj, obj = _agent_and_patient(v)
        if subj is None or any(c.dep_ == "conj" for c in subj.children) or not (
                _named(subj) or (common and subj.pos_ == "NOUN")):
            continue  # no named doer, or several ("Russia and Armenia signed")
        verb, who = _deed(v), _arg(subj)
        # prepositions on the verb, and on its object ("recaptured Karabakh from the
        # separatists" is often parsed with "from" on "Karabakh")
        # "returned villages to Baku", "handed villages back to Baku" ("to" on "back"), "gave
        # back villages to Baku" ("to" parsed as a dative)
        preps = [c for c in v.children if c.dep_ == "prep"
                 or (c.dep_ == "dative" and c.pos_ == "ADP")]
        preps += [g for c in v.children if c.dep_ in {"prt", "advmod"}
                  for g in c.children if g.dep_ == "prep"]
        if obj is not None and obj.dep_ == "dobj":
            preps += [c for c in obj.children if c.dep_ == "prep"]
        for c in preps:
            if c.lower_ not in _ARG_PREPS or (c.lower_ == "by" and _passive(v)):
                continue  # (a passive's "by" names its doer)
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            out.append((verb, who, c.lower_, _arg(pobj)))
            # "returned to Azerbaijan four villages" is often parsed with the recipient as a
            # modifier of the object: count it as an argument too.
            for g in pobj.children:
                if g.dep_ in {"nmod", "compound"} and g.ent_type_:
                    out.append((verb, who, c.lower_, _arg(g)))
        if obj is not None and obj.pos_ in {"NOUN", "PROPN"}:
            out.append((verb, who, "obj", _arg(obj)))
        for c in v.children:  # "gave Armenia the villages"
            if c.dep_ == "dative" and _named(c):
                out.append((verb, who, "to", _arg(c)))
    return tuple(out + _noun_triples(doc, common))


# a deed told as a noun is done by the verbs of doing, and by completing it ("the handover was
# completed by Baku")
_DOING = DOING | {"complete"}


def _noun_triples(doc, common: bool) -> list[tuple[str, str, str, str]]:
    """Triples of deeds told as a noun of a verb of ``common``'s groups: "the handover of four
    villages by Baku to Yerevan", "Baku's handover of the villages", "the handover ... was made
    by Baku to Yerevan"; the doer is the noun's "by" phrase or owner, or the "by" phrase of the
    verb of doing whose subject the noun is."""
    out = []
    for n in doc:
        verb = deed_verb(n.lemma_.lower()) if n.pos_ == "NOUN" else None
        if verb is None:
            continue
        heads = [n]
        if n.dep_ == "nsubjpass" and phrasal(n.head) in _DOING:
            heads.append(n.head)
        args = {c.lower_: g for h in heads for c in h.children if c.dep_ in {"prep", "agent"}
                for g in c.children if g.dep_ == "pobj"}
        subj = args.get("by") or next((c for c in n.children if c.dep_ == "poss"), None)
        if subj is None or not (_named(subj) or (common and subj.pos_ == "NOUN")):
            continue
        who = _arg(subj)
        for rel, other in (("obj", args.get("of")), ("to", args.get("to")),
                           ("from", args.get("from"))):
            if other is not None:
                out.append((verb, who, rel, _arg(other)))
    return out


def _same(a: str, b: str) -> bool:
    return a == b or a in b.split() or b in a.split() or a.endswith(b) or b.endswith(a)


def _state(name: str) -> str:
    """The state a people's name stands for ("armenians": armenia), else the name."""
    return canon(name[:-1]) if demonym_plural(name) else name


def _same_thing(a: str, b: str) -> bool:
    """One thing done to: the same name, or nouns that are WordNet synonyms among their first
    senses ("four hamlets" / "four villages")."""
    from verifier.lexicon import synonymous

    return _same(a, b) or (a.isalpha() and b.isalpha() and synonymous(a, b, "n"))


def _mentions(doc, name: str) -> bool:
    """The text names ``name`` (canonicalised: "Baku" for "Azerbaijan") somewhere."""
    words = {canon(t.lower_) for t in doc} | {canon(e.text) for e in doc.ents}
    return any(_same(name, w) for w in words if w)


def _things(ts: list[tuple[str, str, str, str]], verb: str, people: set[str]) -> set[str]:
    """What ``verb`` is done to in these triples: its arguments other than ``people``."""
    return {o for v, _, _, o in ts if v == verb and not any(_same(o, p) for p in people)}


_GIVEN_TO = {"to"}


def _recipient_did(c: tuple[str, str, str, str], e: tuple[str, str, str, str],
                   et: list[tuple[str, str, str, str]]) -> bool:
    """The claim's doer is whom the passage's doer gave the same thing to, in one deed told
    with another verb: "Azerbaijan gave back four villages" against "Yerevan returned to
    Azerbaijan four villages"."""
    verb, subj, _, thing = c
    v2, s2, _, _ = e
    # one deed by the same verb or a verb of its group, not any WordNet synonym: "took back"
    # shares a sense with "returned" and is the receiving end
    if not (verb == v2 or one_deed(verb, v2)) or _same(subj, s2) or \
            set(subj.split()) & set(s2.split()):
        return False
    given = [o for v, _, r, o in et if v == v2 and r in _GIVEN_TO and _same(subj, o)]
    return bool(given) and any(_same_thing(thing, o) for o in _things(et, v2, {s2, *given}))


def _conflict(c: tuple[str, str, str, str], e: tuple[str, str, str, str]) -> Finding:
    return Finding("roles", "conflict",
                   f"claim: {c[1]} {c[0]} ({c[2]} {c[3]}); passage: {e[1]} {e[0]} ({e[2]} {e[3]})",
                   claim_span=c[1], evidence_span=e[1])


# deeds of giving a thing to another (``common``'s group of "return"), words that tell a
# thing changing hands without a doer ("the villages passed to Armenian control", "the
# handover ran from Azerbaijan to Armenia"), and words for land
_CHANGE_HANDS = GIVE | {"pass", "move", "go", "run", "shift", "handover", "hand-over",
                         "cession"}
# what a country's word names the side holding land by ("into Armenian hands", "to Armenian
# control"; not "in response to Yerevan's return")
_HOLDERS = {"hand", "control", "rule", "side", "sovereignty", "one", "possession", "custody",
            "jurisdiction", "authority"}
_LAND = {"village", "hamlet", "settlement", "town", "land", "territory", "territorial",
         "district", "area"}


def _country(tok) -> str | None:
    """The country a preposition's object names ("Azerbaijan", "Armenian hands", "Armenian
    control"), canonical; None for anything else."""
    found = country_of(tok.text)
    if found is None and tok.lemma_.lower() in _HOLDERS:
        found = next((f for c in tok.children if c.dep_ in {"amod", "compound"}
                      for f in [country_of(c.text)] if f), None)
    return found[0] if found else None


def direction_conflict(cd, et: tuple[tuple[str, str, str, str], ...]) -> Finding | None:
    """The claim has land change hands the other way than the passage has it given: "the
    villages passed to Armenian control" / "the transfer ran from Azerbaijan to Armenia"
    against "Yerevan returned to Azerbaijan four frontier villages" (``et``: the passage's
    :func:`triples`)."""
    # (giver, recipient, thing): the thing is the deed's other argument, as object or as
    # "to" phrase ("returned to Azerbaijan four villages" is often parsed "to ... villages")
    given = [(canon(s), canon(o), thing) for v, s, r, o in et
             if r == "to" and v in GIVE and country_of(o) and canon(s) != canon(o)
             for v2, s2, _, thing in et
             if (v2, s2) == (v, s) and thing != o and not country_of(thing)]
    if not given or not any(phrasal(t) in _CHANGE_HANDS or t.lemma_.lower() in _CHANGE_HANDS
                            for t in cd):
        return None
    lemmas = {t.lemma_.lower() for t in cd}
    sources = {c for t in cd if t.lower_ == "from" for g in t.children if g.dep_ == "pobj"
               for c in [_country(g)] if c}
    targets = {c for t in cd if t.lower_ in {"to", "into"} for g in t.children
               if g.dep_ == "pobj" for c in [_country(g)] if c}
    # "Azerbaijani-held villages": their holder before
    sources |= {c for t in cd if t.lemma_.lower() == "hold" and t.dep_ == "amod"
                for g in t.children if g.dep_ == "npadvmod" for c in [_country(g)] if c}
    for giver, recipient, thing in given:
        if not (thing in lemmas or (thing in _LAND and lemmas & _LAND)):
            continue
        if (giver in targets and recipient not in targets) or \
                (recipient in sources and giver not in sources):
            return Finding("roles", "conflict", f"claim: to {', '.join(sorted(targets))} from "
                           f"{', '.join(sorted(sources))}; passage: {giver} gave {thing} to "
                           f"{recipient}", claim_span=thing, evidence_span=recipient)
    return None


# words of a deal two sides strike ("agreed between Putin and Aliyev", "a deal between
# Putin and Pashinyan", "Putin cut the deal with Pashinyan")
_PACT = {"agree", "agreement", "deal", "accord", "pact", "treaty", "arrangement", "bargain",
         "negotiate", "broker"}
# verbs that strike the deal their object names ("cut the pullout deal with Pashinyan")
_STRIKE = {"cut", "strike", "seal", "make", "reach", "sign", "conclude", "ink", "hammer"}


# coming to terms on a thing ("Putin hashed out the withdrawal with Pashinyan")
_WORK_OUT = {"hammer_out", "hash_out", "thrash_out", "work_out"}


def _party(tok) -> str | None:
    """A side of a deal: a person by surname or a country, canonical ("Armenian leader
    Pashinyan": pashinyan; "Yerevan": armenia; "his counterpart Ilham Aliyev": aliyev); None
    for anything else."""
    name = canon(tok.text)
    if name in COUNTRIES:
        return name
    if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN":
        return tok.lower_
    # "his Azerbaijani counterpart Ilham Aliyev": the name in apposition
    return next((n for c in tok.children if c.dep_ == "appos" for n in [_party(c)] if n), None)


def _and_others(tok) -> list:
    """The token and those coordinated with it ("Putin and Aliyev", "Putin, Aliyev")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _and_others(c)
    return out


def deal_parties(doc) -> list[tuple[object, frozenset[str]]]:
    """(deal word, its sides) for each deal the text names two or more sides of: those
    "between" whom it is, its striker and those it is struck "with"."""
    out = []
    for t in doc:
        if t.lemma_.lower() not in _PACT and phrasal(t) not in _WORK_OUT:
            continue
        heads = [t]
        if t.pos_ == "NOUN" and t.dep_ in {"dobj", "nsubjpass"} and \
                t.head.lemma_.lower() in _STRIKE:
            heads.append(t.head)
        if phrasal(t) in _WORK_OUT:  # the parser may hang "with ..." on the thing worked out
            heads += [c for c in t.children if c.dep_ == "dobj"]
        sides = []
        for h in heads:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in {"between", "with"}:
                    sides += [g for p in c.children if p.dep_ == "pobj" for g in _and_others(p)]
                elif c.dep_ == "nsubj" and h.pos_ in {"VERB", "AUX"}:
                    sides += _and_others(c)
        names = frozenset(n for n in map(_party, sides) if n)
        if len(names) >= 2:
            out.append((t, names))
    return out


def _people(names: frozenset[str]) -> frozenset[str]:
    return frozenset(n for n in names if n not in COUNTRIES)


def _countries(names: frozenset[str]) -> frozenset[str]:
    return frozenset(n for n in names if n in COUNTRIES)


def _written(doc, name: str) -> str:
    """A side's name as the text writes it."""
    return next((t.text for t in doc if t.lower_ == name or canon(t.text) == name), name)


def party_conflict(cd, ed) -> Finding | None:
    """The claim gives a deal a side the passage does not: "a deal between Putin and
    Pashinyan" against "agreed between Putin and ... Aliyev". Both name two or more sides of
    the same kind (people or countries), share one, and each names one the other lacks; the
    deal must be about the same thing (the claim's other words recur in the passage, as the
    same word or a word for the same deed: "the russians leaving" / "The withdrawal")."""
    mine, theirs = deal_parties(cd), deal_parties(ed)
    if not mine or not theirs:
        return None
    names = {n for _, ns in mine + theirs for n in ns}
    words = {t.lemma_.lower() for t in ed if t.pos_ in {"NOUN", "VERB"}}
    about = {t.lemma_.lower() for t in cd if t.pos_ in {"NOUN", "VERB"}} - _PACT - _STRIKE \
        - names - {"be", "have"}
    if not any(a == b or deed_noun(a, b) or deed_noun(b, a) or one_deed_noun(a, b)
               for a in about for b in words):
        return None
    for _, c in mine:
        for _, e in theirs:
            for kind in (_people, _countries):
                ck, ek = kind(c), kind(e)
                if len(ck) >= 2 and len(ek) >= 2 and ck & ek and ck - ek and ek - ck:
                    extra = _written(cd, sorted(ck - ek)[0])
                    other = _written(ed, sorted(ek - ck)[0])
                    return Finding("roles", "conflict", f"a deal with '{extra}' vs with "
                                   f"'{other}'", claim_span=extra, evidence_span=other)
    return None


def check(claim: str, evidence: str, claim_doc=None, evidence_doc=None) -> Finding:
    cd = claim_doc if claim_doc is not None else parse(claim)
    ed = evidence_doc if evidence_doc is not None else parse(evidence)
    et = triples(ed)
    turned = direction_conflict(cd, et) or party_conflict(cd, ed)
    if turned is not None:
        return turned
    # a claim's doer named by a common noun counts where the passage names it with its side
    # ("Separatists took the enclave back from Azerbaijan" / "Baku recaptured [it] from
    # Armenian separatists")
    parties = {x for _, s2, _, o2 in et for x in (s2, o2)}
    named_parties = [x for x in parties if " " in x]  # "armenia separatist"
    named = triples(cd)
    ct = [t for t in triples(cd, common=True) if t in named
          or any(_same(t[1], x) for x in named_parties)]
    claim_subjects = {s for _, s, _, _ in ct}
    for verb, subj, rel, other in ct:
        for v2, s2, r2, o2 in et:
            if rel == "obj" and \
                    _recipient_did((verb, subj, rel, other), (v2, s2, r2, o2), et):
                return _conflict((verb, subj, rel, other), (v2, s2, r2, o2))
            if rel != r2:
                continue
            if verb != v2 and not one_deed(verb, v2):
                # another verb: only a full swap of doer and recipient, done to the same thing
                # ("Azerbaijan handed four villages to Armenia" / "Yerevan returned to
                # Azerbaijan four villages")
                people = {subj, other, s2, o2}
                if (rel != "obj" and _same(subj, o2) and _same(other, s2)
                        and any(_same_thing(a, b) for a in _things(ct, verb, people)
                                for b in _things(et, v2, people))):
                    return _conflict((verb, subj, rel, other), (v2, s2, r2, o2))
                continue
            if _same(subj, s2) and _same(other, o2):
                return Finding("roles", "agree", f"{subj} {verb} {rel} {other}")
            # (a people stands for its state only in a full swap: "Azeris return villages to
            # Armenians" / "Yerevan returned to Azerbaijan villages")
            swapped = _same(subj, o2) or _same(other, s2) or (
                _same(_state(subj), o2) and _same(_state(other), s2))
            # the same deed done to the same thing by another named doer, while the passage
            # also names the claim's doer: "Azerbaijan had captured the villages" against
            # "Yerevan returned to Azerbaijan villages that it had captured". Doers that share
            # a word are the same one told two ways ("Russian peacekeepers" / "Russian troops")
            other_doer = (rel == "obj" and _same_thing(other, o2) and not _same(subj, s2)
                          and not set(subj.split()) & set(s2.split())
                          and not any(_same(s2, s) for s in claim_subjects)
                          and _mentions(ed, subj))
            people = {subj, other, s2, o2}
            if swapped and rel != "obj" and not _things(ct, verb, people):
                # a swap is of one deed: where the claim's triples tell no thing its verb is
                # done to, a noun of the claim must name the passage's ("leaders ...
                # transferred to Baku" / "Yerevan returned to Azerbaijan four villages")
                theirs = _things(et, v2, people)
                swapped = not theirs or any(_same_thing(t.lemma_.lower(), b) for t in cd
                                            if t.pos_ == "NOUN" for b in theirs)
            if swapped or other_doer:
                return _conflict((verb, subj, rel, other), (v2, s2, r2, o2))
    return Finding("roles", "not_applicable")
