"""Negation: the claim and the passage say opposite things about the same predicate.

"The peacekeeping contingent did not intervene." vs "The peacekeepers intervened." conflicts;
a negation on another verb does not. The same predicate is the same verb, a WordNet synonym
among both verbs' first senses ("has not finished withdrawing" / "completed the withdrawal")
or a verb of the same deed in a short curated table ("leave" / "withdraw"), or the passage's
noun for one of them, as affirmed or denied as the verb it hangs on ("did not withdraw" /
"completed their withdrawal"; "have not left" / "completed their withdrawal").
"""

from __future__ import annotations

from verifier.checks.common import (
    DOING,
    HOLD_OFF,
    NEG_VERBS,
    anchored,
    canon,
    deed_noun,
    denied,
    governing_verb,
    infinitive,
    parse,
    per_doc,
    phrasal,
    same_deed,
)
from verifier.types import Finding

NEG_WORDS = {"not", "n't", "never", "no"}
_NEUTRAL = {"be", "have", "say"}  # too common to carry a claim's polarity
# what is only meant or expected to happen ("a mandate to remain", "plans to leave", "could
# stay") says nothing of whether it did
_INTENT = {"plan", "intend", "expect", "want", "hope", "promise", "aim", "seek", "try",
           "threaten", "vow", "pledge", "decide", "agree", "mandate", "order", "ask", "urge",
           # leave to do: "were allowed to stay until 2025" does not say they stayed
           "allow", "permit", "authorise", "authorize", "license", "licence", "entitle",
           "empower"}
# verbs that tell an aim pursued, not a deed done ("has pursued new security alliances")
_STRIVE = {"pursue", "attempt", "strive", "endeavor", "endeavour", "work_toward",
           "work_towards", "push_for"}
_MODALS = {"would", "could", "may", "might", "should", "must", "will", "shall", "can"}
# verbs of finding out: "has not been assessed" says nothing of whether the thing assessed
# happened, so their nouns ("the detection of HPV") take no polarity from them
_INQUIRY = {"assess", "examine", "study", "investigate", "evaluate", "test", "measure",
            "determine", "explore", "analyse", "analyze", "address", "characterize",
            "characterise", "clarify", "understand", "know", "describe", "review", "compare"}

# ... of which a clause is a question, with or without its "whether"
_ASKING = {"assess", "examine", "investigate", "evaluate", "test", "explore", "study", "ask",
           "question", "wonder"}


def _irrealis(t) -> bool:
    """The verb tells what is meant, expected, possible or asked, not what happened."""
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in t.children):
        return True
    to = infinitive(t)
    # "a mandate to remain until 2025"; a purpose: "the effectiveness of GCS to reduce DVT"
    if t.dep_ in {"acl", "advcl"} and to:
        return True
    # inside a question or a condition: "to examine whether use is associated with increased
    # risk", "if the drug reduces ..."
    if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"}
           for a in (t, *t.ancestors) for c in a.children):
        return True
    # what a study sets out to learn: "to assess [whether] screening leads to improvements"
    if t.dep_ == "ccomp" and t.head.lemma_.lower() in _ASKING:
        return True
    return t.dep_ == "xcomp" and t.head.lemma_.lower() in _INTENT


@per_doc
def predicates(doc) -> dict[str, bool]:
    """Verb lemma -> negated? (for content verbs)."""
    out: dict[str, bool] = {}
    for t in doc:
        if t.pos_ not in {"VERB", "AUX"} or t.dep_ in {"aux", "auxpass"}:
            continue
        if t.pos_ == "AUX" and t.lemma_ not in {"be", "have"}:
            continue
        lemma = t.lemma_.lower()
        if lemma in NEG_VERBS or _irrealis(t) or phrasal(t) in HOLD_OFF:
            continue
        neg = denied(t)
        lemma = phrasal(t)
        out[lemma] = neg if lemma not in out else (out[lemma] or neg)
    return out


@per_doc
def event_nouns(doc) -> dict[str, bool]:
    """Noun lemma -> negated?, as the verb it hangs on: "completed their withdrawal" (no),
    "did not complete the withdrawal" (yes); "no" on the noun denies it ("found no
    association")."""
    out: dict[str, bool] = {}
    for t in doc:
        if t.pos_ != "NOUN" or not t.is_alpha or not _argument(t):
            continue
        verb = governing_verb(t)
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in _NEUTRAL | _INQUIRY \
                or _irrealis(verb):
            continue
        neg = denied(verb)
        if any(c.lower_ == "no" and c.dep_ in {"det", "neg"} for c in t.children):
            neg = not neg
        lemma = t.lemma_.lower()
        out[lemma] = neg if lemma not in out else (out[lemma] or neg)
    return out


def _argument(noun) -> bool:
    """The noun is what its verb is told of (its subject or object, or what one of those is
    "of" or names), not a circumstance: "did not complete the withdrawal of the troops", but
    not "failing to protect it in the face of a threat"."""
    t = noun
    for _ in range(6):
        if t.head.pos_ in {"VERB", "AUX"} or t.head.i == t.i:
            return t.dep_ not in {"pobj", "npadvmod", "advmod", "advcl"}
        if t.dep_ == "pobj" and t.head.lower_ != "of":
            return False
        t = t.head
    return False


def _counterparts(v: str, ep: dict[str, bool], en: dict[str, bool]) -> list[tuple[str, bool]]:
    """The passage's predicates that say what the claim's verb ``v`` says: itself, a verb of
    the same deed, and nouns for it (``common.same_deed``, ``common.deed_noun``)."""
    if v in ep:
        return [(v, ep[v])]
    out = [(w, neg) for w, neg in ep.items() if w not in _NEUTRAL and same_deed(v, w)]
    return out or [(w, neg) for w, neg in en.items() if deed_noun(v, w)]


def _intended(t) -> bool:
    """The verb is told only as intended: under a word of intent ("aimed at securing a peace
    deal", "agreed to upgrade", "a mandate to remain"). Not a modal, a purpose or a future
    ("will need", "to emphasize", "went on to sell"): those often tell what did happen."""
    return any(a.pos_ in {"VERB", "NOUN"} and a.lemma_.lower() in _INTENT for a in t.ancestors)


def unreal(cd, ed) -> str | None:
    """The claim's affirmed deed that the passage tells only as intended: "Armenia and
    Azerbaijan signed a definitive peace deal" against "aimed at securing a definitive peace
    deal", "The troops remained until 2025" against "a mandate to remain until 2025". The
    passage must not tell the deed as done (same verb, a verb of the same deed, or a noun for
    it); the deed is the claim's verb or, where the passage never tells that verb, the noun
    it acts on. None when there is no such deed."""
    cp, ep, en = predicates(cd), predicates(ed), event_nouns(ed)
    for t in cd:
        if t.pos_ != "VERB" or t.dep_ not in {"ROOT", "conj"}:
            continue  # the claim's main deeds, not a gerund subject ("Screening ... leads")
        if _intended(t) or _irrealis(t) or infinitive(t) or any(
                c.dep_ == "acl" and c.lemma_.lower() in _INTENT for c in t.children):
            # the claim's own deed is meant ("were supposed to stay until 2025", "their stay
            # authorised until 2025", where the small parser makes "stay" the verb)
            continue
        v = phrasal(t)
        if v in _INTENT | _STRIVE:
            continue  # the claim tells an aim itself ("has pursued new alliances")
        if v in _NEUTRAL or cp.get(v) is not False or _counterparts(v, ep, en):
            continue
        verbs = [u for u in ed if u.pos_ == "VERB" and same_deed(v, phrasal(u))]
        if verbs:
            if all(_intended(u) for u in verbs):
                return f"'{t.text}' is only intended there"
            continue
        for o in (c for c in t.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN"):
            there = [u for u in ed if u.lemma_ == o.lemma_ and u.pos_ == "NOUN"]
            if there and all(_intended(governing_verb(u)) for u in there):
                return f"'{o.text}' is only intended there"
    return None


# verbs that say a deed happened, its noun telling which ("no pullout took place")
_HAPPEN = {"happen", "occur", "take_place", "come"}


@per_doc
def done_nouns(doc) -> dict[str, bool]:
    """Deed noun lemma -> denied?, for what a verb of doing does (``common.DOING``) or what is
    said to happen (``_HAPPEN``): "No intervention was undertaken" (intervention: yes)."""
    return {n: neg for n, neg in event_nouns(doc).items()
            if any(t.lemma_.lower() == n and t.head.pos_ == "VERB" and (
                (t.dep_ in {"dobj", "nsubjpass"} and phrasal(t.head) in DOING)
                or (t.dep_ == "nsubj" and _happened(t.head))) for t in doc)}


def _happened(verb) -> bool:
    lemma = phrasal(verb)
    return lemma in _HAPPEN or (lemma == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children))


# events a claim may deny outright ("without a single protest", "no public backlash"): each
# group names one kind of event
_EVENTS = [{"protest", "demonstration", "rally", "backlash", "outcry", "unrest"},
           {"fighting", "clash", "violence", "hostility", "bloodshed"},
           {"casualty", "fatality", "death"},
           {"offensive", "assault", "attack", "invasion", "incursion"}]
_NONE = {"no", "zero"}


def _none_of(noun) -> bool:
    """The noun is denied by a word on it: "no protests", "zero protests", "without (a single,
    any) protest", "not a single protest", "nary a protest", "little in the way of
    protest"."""
    kids = {c.lower_ for c in noun.children}
    if kids & _NONE or (noun.dep_ == "pobj" and noun.head.lower_ == "without"):
        return True
    before = noun.doc[noun.left_edge.i - 1].lower_ if noun.left_edge.i else ""
    if "single" in kids and (before == "not" or "not" in kids):
        return True
    if any(t.lower_ == "nary" for t in noun.doc[max(noun.i - 3, 0):noun.i]):
        return True  # "with nary a protest in sight"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "way":
        into = noun.head.head.head  # "provoking little in the way of protest"
        return into.lower_ == "in" and any(c.lower_ in {"little", "nothing"}
                                           for c in (into.head, *into.head.children))
    return False


def denied_event(cd, ed) -> Finding | None:
    """The claim denies an event the passage tells ("without a single protest" / "has sparked
    mass protests"): a noun of one ``_EVENTS`` group, denied in the claim and told, not
    denied, in the passage."""
    def names(doc) -> set[str]:
        return {canon(t.lemma_.lower().removesuffix("s")) for t in doc
                if t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "GPE", "NORP", "ORG", "LOC"}}

    if not names(cd) <= names(ed):
        return None  # "no protests in Moscow" against "mass protests in Armenia"
    told = event_nouns(ed)
    for t in cd:
        lemma = t.lemma_.lower()
        group = next((g for g in _EVENTS if lemma in g), None)
        if group is None or t.pos_ != "NOUN" or not _none_of(t):
            continue
        for e in ed:
            other = e.lemma_.lower()
            if e.pos_ == "NOUN" and other in group and not _none_of(e) and \
                    not told.get(other, False):
                return Finding("negation", "conflict", f"'{t.text}': claim negates it",
                               claim_span=t.text, evidence_span=e.text)
    return None


# deeds of force that intervening would take ("fought back against the offensive", "used
# force to stop it", "took up arms"), and the words for armed bodies that may do them
_FORCE = {"fight", "fight_back", "resist", "repel", "repulse", "battle", "clash", "confront",
          "engage", "defend", "shield", "hold_back", "push_back", "counter", "counterattack"}
_FORCE_OBJECTS = {"use": {"force", "weapon", "arm"}, "take_up": {"arm", "weapon"},
                  "open": {"fire"}, "return": {"fire"}}
_HOLDING = {"hold_back", "push_back"}  # force only done to someone ("held them back")
_ARMED = {"peacekeeper", "contingent", "troop", "force", "soldier", "unit", "mission", "army",
          "military"}


def _subject(verb):
    """The verb's subject, or that of the verb it is the complement of ("fought to hold them
    back"); None where there is none."""
    for v in (verb, verb.head):
        subject = next((c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return subject
        if v.dep_ not in {"xcomp", "advcl", "conj"}:
            break
    return None


def _names_of(noun) -> set[str]:
    """The lemmas of a subject phrase's head and modifiers, countries as their canonical
    names ("Russia's peacekeeping contingent": contingent, peacekeeping, russia)."""
    return {canon(t.lemma_.lower()) if t.pos_ == "PROPN" or t.ent_type_ else t.lemma_.lower()
            for t in noun.subtree if t.pos_ in {"NOUN", "PROPN", "ADJ"}}


def _same_body(claim_subject, ev_subject) -> bool:
    """Two subjects name one armed body: both armed bodies' words with a name or word in common
    ("Russia's contingent" / "Russia's peacekeeping contingent"; "the Russian peacekeepers" /
    "Russia's peacekeeping contingent"), or the passage's body and its country ("Russia")."""
    mine, theirs = _names_of(claim_subject), _names_of(ev_subject)
    if claim_subject.lemma_.lower() not in _ARMED:
        return canon(claim_subject.text) in theirs and ev_subject.lemma_.lower() in _ARMED
    if ev_subject.lemma_.lower() not in _ARMED:
        return False
    stems = {w[:8] for w in mine if len(w) >= 8} & {w[:8] for w in theirs if len(w) >= 8}
    return bool(((mine & theirs) - _ARMED) or stems)


def used_force(cd, ed) -> Finding | None:
    """The claim has an armed body fight ("Russia's contingent fought back against the
    advance", "used force to stop the offensive") that the passage says did not intervene."""
    held_off = [(v, s) for v in ed if v.lemma_.lower() == "intervene" and denied(v)
                for s in [_subject(v)] if s is not None]
    if not held_off:
        return None
    for v in cd:
        if v.pos_ != "VERB" or denied(v) or _irrealis(v):
            continue
        deed = phrasal(v)
        objects = {c.lemma_.lower() for c in v.children if c.dep_ == "dobj"}
        if deed not in _FORCE and not objects & _FORCE_OBJECTS.get(deed, set()):
            continue
        if deed in _HOLDING and not objects:
            continue  # "held back from intervening" holds itself back
        subject = _subject(v)
        if subject is not None and any(_same_body(subject, s) for _, s in held_off):
            return Finding("negation", "conflict", f"'{deed}': the passage says it did not "
                           "intervene", claim_span=v.text, evidence_span="intervene")
    return None


def check(claim: str, evidence: str, claim_doc=None, evidence_doc=None) -> Finding:
    cd = claim_doc if claim_doc is not None else parse(claim)
    ed = evidence_doc if evidence_doc is not None else parse(evidence)
    forced = used_force(cd, ed)
    if forced is not None:
        return forced
    if anchored(cd, ed, 0.2):
        none = denied_event(cd, ed)
        if none is not None:
            return none
    cp, ep = predicates(cd), predicates(ed)
    en = event_nouns(ed)
    shared = []
    # the claim's verbs, and its deeds told as a noun done ("no intervention was undertaken"
    # against "did not intervene")
    told = [(v, neg, _counterparts(v, ep, en)) for v, neg in cp.items() if v not in _NEUTRAL]
    told += [(n, neg, [(w, wneg) for w, wneg in ep.items() if deed_noun(w, n)]
              or [(w, wneg) for w, wneg in en.items() if w == n])
             for n, neg in done_nouns(cd).items()]
    for v, neg_v, counterparts in told:
        for w, neg in counterparts:
            if neg_v != neg and anchored(cd, ed, 0.2):
                which = "claim negates" if neg_v else "passage negates"
                return Finding("negation", "conflict", f"'{v}': {which} it", claim_span=v,
                               evidence_span=w)
            shared.append(v)
    intended = unreal(cd, ed)
    if intended is not None:
        return Finding("negation", "unreal", intended)
    if not shared:
        return Finding("negation", "not_applicable")
    return Finding("negation", "agree", ", ".join(dict.fromkeys(shared)))
