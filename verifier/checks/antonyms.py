"""Antonyms and opposite directions (upgrade/downgrade, sour/improve, rise/fall, ...).

A curated table of lemma pairs: WordNet's antonym relation (shipped in ``verifier/data``)
misses most of the news-style pairs below, and adding its direct antonyms cost SciFact dev
0.8 F1 ("free" / "bound" histones; benchmarks/README.md, "Tried and not kept").

Fires only when the claim and the passage share the rest of their content words and the two
opposite words stand in the same place: they share an argument or the word they modify ("its
first meeting" is no opposite of "last month"). Beginning and completing a process are not
opposites (both can be true), but they conflict when the claim puts the beginning at the time
the passage gives for the end ("began on Wednesday" against "completed on Wednesday").
"""

from __future__ import annotations

from verifier.checks.common import (
    FAST,
    MONTHS,
    NATIONS,
    SLOW,
    STOP_POS,
    WEEKDAYS,
    anchored,
    canon,
    denied,
    governing_verb,
    parse,
    per_doc,
    phrasal,
)
from verifier.types import Finding

PAIRS = [
    ("upgrade", "downgrade"), ("sour", "improve"), ("sour", "warm"), ("worsen", "improve"),
    ("increase", "decrease"), ("increase", "reduce"), ("rise", "fall"), ("rise", "drop"),
    ("raise", "lower"), ("win", "lose"), ("accept", "reject"), ("approve", "reject"),
    ("support", "oppose"), ("strengthen", "weaken"), ("deepen", "weaken"), ("withdraw", "deploy"),
    ("withdraw", "arrive"), ("leave_behind", "withdraw"), ("leave_behind", "withdrawal"),
    ("leave", "arrive"), ("leave", "stay"), ("leave", "remain"),
    ("join", "leave"), ("open", "close"), ("ally", "enemy"), ("ally", "rival"),
    ("ally", "adversary"), ("ally", "foe"),
    ("friend", "enemy"), ("gain", "lose"), ("expand", "shrink"), ("before", "after"),
    ("first", "last"), ("higher", "lower"), ("more", "less"), ("more", "fewer"),
    ("majority", "minority"), ("legal", "illegal"), ("success", "failure"),
    ("succeed", "fail"), ("agree", "refuse"), ("agree", "disagree"), ("allow", "forbid"),
    ("allow", "ban"), ("capture", "lose"), ("recapture", "lose"), ("defend", "criticize"),
    ("defend", "condemn"), ("defend", "denounce"), ("defend", "oppose"),
    ("praise", "criticize"), ("protect", "abandon"), ("peace", "war"), ("positive", "negative"),
    ("early", "late"), ("cheap", "expensive"), ("strong", "weak"), ("large", "small"),
    ("traditional", "new"), ("internationally", "domestically"), ("sign", "reject"),
    # setting off or stopping an event, a process going on or halted ("cause"/"prevent" is
    # left out: "the absence of X causes Y" says what "X prevents Y" says, as a SciFact train
    # claim did; so are "help"/"hurt" and "boost"/"hurt" for the same reason)
    ("trigger", "avert"), ("trigger", "prevent"), ("spark", "avert"), ("spark", "prevent"),
    ("provoke", "prevent"),
    ("complete", "suspend"), ("complete", "halt"), ("complete", "abandon"),
    ("continue", "suspend"), ("continue", "halt"), ("resume", "suspend"), ("resume", "halt"),
    ("secure", "scuttle"), ("secure", "jeopardize"), ("secure", "undermine"),
    ("strengthen", "undermine"), ("ease", "worsen"), ("ease", "intensify"), ("ease", "tighten"),
    ("confirm", "deny"), ("admit", "deny"), ("impose", "lift"), ("release", "detain"),
    ("release", "arrest"), ("acquit", "convict"), ("import", "export"), ("profit", "loss"),
    ("surplus", "deficit"), ("victory", "defeat"), ("expand", "cut"), ("widen", "narrow"),
    # phrasal verbs are read with their particle ("took over" is "take_over")
    ("take_over", "lose"), ("seize", "lose"), ("retake", "lose"), ("take_over", "cede"),
    ("capture", "cede"), ("recapture", "cede"), ("pull_out", "deploy"), ("pull_out", "stay"),
    # ties made closer or broken ("deepening ties with the West" / "cut its ties with the West",
    # "distancing itself from the West")
    ("deepen", "cut"), ("deepen", "sever"), ("deepen", "distance"), ("strengthen", "sever"),
    ("forge", "sever"), ("deepen", "loosen"), ("strengthen", "loosen"), ("tighten", "loosen"),
    ("deepen", "turn_away"), ("deepen", "move_away"), ("deepen", "drift_away"),
    ("forge", "move_away"), ("strengthen", "move_away"), ("deepen", "shun"), ("forge", "shun"),
    ("strengthen", "shun"),
    ("sour", "cement"), ("sour", "tighten"), ("sour", "closer"), ("deepen", "cool"),
    ("strengthen", "cool"), ("warm", "cool"),
    # a dialogue or a presence raised or cut back
    ("upgrade", "scale_back"), ("upgrade", "cut_back"), ("upgrade", "downsize"),
    ("deepen", "cut_back"), ("deepen", "scale_back"), ("strengthen", "cut_back"),
    ("deepen", "reduce"), ("strengthen", "reduce"),
    # a move met with welcome or with protest ("widely welcomed in Armenia" / "sparked a wave
    # of mass protests in Armenia")
    ("welcome", "protest"), ("celebrate", "protest"),
    ("approval", "protest"), ("praise", "protest"),
    # thanks or praise against blame ("Armenia thanked Russia for shielding it" / "Yerevan
    # accusing the Kremlin of failing to protect it")
    ("thank", "accuse"), ("praise", "accuse"), ("thank", "blame"), ("praise", "blame"),
    # pressure eased against pressure put on ("eased the strain on Russia's armed forces" /
    # "is putting pressure on the country's armed forces"): the verbs share their objects
    ("ease", "put"), ("relieve", "put"),
    # a deed done fast or slowly ("a lightning offensive" / "a slow, months-long campaign")
    *((a, b) for a in sorted(FAST) for b in sorted(SLOW)),
]
# Stages of one process: not opposites (a withdrawal both begins and ends), but a date of one
# stage says nothing about another (used by the dates check).
STAGES = [("begin", "end"), ("begin", "complete"), ("begin", "finish"), ("start", "end"),
          ("start", "complete"), ("start", "finish"), ("launch", "complete")]


def _both_ways(pairs: list[tuple[str, str]]) -> dict[str, set[str]]:
    """word -> the words paired with it, in either order."""
    out: dict[str, set[str]] = {}
    for a, b in pairs:
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return out


OPPOSITE = _both_ways(PAIRS)
# Opposites that two sides of one exchange say at once ("Armenia lost the territory" and
# "Baku took over the territory" agree): they conflict only when told of the same subject.
_LOSE = {"lose", "cede"}
_GAIN = {"win", "gain", "capture", "recapture", "take_over", "seize", "retake"}
CONVERSE = _both_ways([(a, b) for a in _LOSE for b in _GAIN])
OTHER_STAGE = _both_ways(STAGES)

_VERB_HOMOGRAPHS = {"last", "first", "more", "less", "late", "early"}
# words that oppose only when said of the parties ("Moscow and Yerevan have grown closer"),
# not of a noun, whose parties may be others ("a push for closer ties with the West")
_PREDICATIVE = {"closer"}


def _drawn_into(tok) -> bool:
    """``tok`` describes what a deed brings the parties into ("drew Russia and Armenia into
    an even closer partnership"): said of the parties, as "grew closer" is."""
    noun = tok.head
    return noun.dep_ == "pobj" and noun.head.lower_ == "into" and noun.head.head.pos_ == "VERB"


def _pos_class(t) -> str:
    return {"AUX": "VERB", "PROPN": "NOUN", "ADV": "ADJ"}.get(t.pos_, t.pos_)


_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "prep", "pobj", "agent", "dative",
             "compound", "amod", "poss", "nmod", "appos", "acomp", "npadvmod"}


def _phrases(tok, deps: set[str], skip: int | None = None) -> list:
    """The words of ``tok``'s dependents in ``deps`` (each with its whole phrase), leaving out
    the dependent at index ``skip``."""
    return [w for c in tok.children if c.dep_ in deps and c.i != skip for w in c.subtree]


_SUBJ = {"nsubj", "nsubjpass"}


def _context(tok) -> set[str]:
    """Content lemmas around a word: what it modifies and its nominal arguments."""
    words = [tok.head] if tok.head.i != tok.i else []
    words += _phrases(tok, _ARG_DEPS)
    if tok.dep_ == "conj" and tok.pos_ == "VERB" and tok.head.pos_ == "VERB":
        # "Pashinyan disowned the handover and condemned it": the subject both verbs share,
        # and what "it" stands for
        if not any(c.dep_ in _SUBJ for c in tok.children):
            words += _phrases(tok.head, _SUBJ)
        if any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in tok.children):
            words += [w for c in tok.head.children if c.dep_ == "dobj" for w in c.subtree]
    # a phrasal verb's arguments may hang on its particle: "turned away from the West"
    words += [w for c in tok.children if c.dep_ in {"prt", "advmod"} and tok.pos_ == "VERB"
              for w in _phrases(c, {"prep"})]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        # what a measure of it is said of: "a wave of mass protests in Armenia"
        owner = tok.head.head
        words += [owner, *_phrases(owner, _ARG_DEPS, skip=tok.head.i)]
    if tok.lemma_.lower() in FAST | SLOW or tok.lower_ in FAST | SLOW:
        # how fast a thing was done: the deed it was done in and who did it to what ("Baku
        # took over the territory in a lightning offensive" / "... in a slow campaign"; the
        # parser may read the speed as a verb of its own: "regained it after a protracted,
        # grinding campaign")
        verb = governing_verb(tok.head)
        if verb.pos_ == "VERB" and (tok.dep_ in {"amod", "compound"} or (
                tok.pos_ == "VERB" and tok.dep_ in {"advcl", "pobj"})):
            words += [verb, *_phrases(verb, _SUBJ | {"dobj"})]
        # and the names of its clause: the parse often hangs the deed elsewhere ("Baku's
        # takeover of Karabakh came after a slow, grinding campaign", "slow" read as the
        # object of "after"; not "Baku took over the territory, and talks made slow progress")
        words += [w for w in governing_verb(tok).subtree if w.pos_ == "PROPN"]
    if tok.pos_ == "ADV" and tok.dep_ == "advmod":
        # how a deed left its object or subject: "drawn Moscow and Yerevan closer together"
        verb = governing_verb(tok)
        if verb.pos_ == "VERB":
            words += [verb, *_phrases(verb, _SUBJ | {"dobj"})]
    if _drawn_into(tok):  # "drew Russia and Armenia into a closer partnership"
        verb = tok.head.head.head
        words += [verb, *_phrases(verb, _SUBJ | {"dobj"})]
    if tok.dep_ in {"attr", "acomp", "oprd", "xcomp"}:
        # a predicate's subject is its verb's: "Russia and Armenia have long been rivals",
        # "most of the Armenians chose to stay"
        words += _phrases(tok.head, _SUBJ)
    if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ == "VERB":
        # what a thing is regarded as is said of the verb's object, or of the noun a
        # participle qualifies: "Russia and Armenia, long regarded as rivals, ..."
        verb = tok.head.head
        words += _phrases(verb, _SUBJ | {"dobj"})
        if verb.dep_ in {"acl", "relcl", "amod"}:
            words += [w for w in verb.head.subtree if w.i < verb.i]
    return {canon(w.lemma_.lower()) for w in words
            if w.pos_ not in STOP_POS and not w.is_stop and w.is_alpha} - {
        canon(tok.lemma_.lower())}


def _subjects(tok) -> set[str]:
    """Canonical names of a verb's subjects ("Baku" and "Azerbaijan" are one)."""
    return {canon(c.lemma_.lower()) for c in tok.children if c.dep_ in _SUBJ}


def _times(tok) -> set[str]:
    """Time words (dates, weekdays, months, day numbers) among a verb's dependents."""
    return {w.lower_ for c in tok.children if c.dep_ in {"prep", "npadvmod", "tmod"}
            for w in c.subtree
            if w.ent_type_ in {"DATE", "TIME"} or w.lower_ in MONTHS or w.lower_ in WEEKDAYS}


def _verb_key(t) -> str:
    """A verb's lemma with its particle ("take_over"), or an idiom's verb ("turned its back
    on the West": shun)."""
    back = next((c for c in t.children if c.dep_ == "dobj" and c.lower_ == "back"), None)
    if t.lemma_.lower() == "turn" and back is not None and any(
            c.dep_ == "prep" and c.lower_ == "on" for c in (*t.children, *back.children)):
        return "shun"
    return phrasal(t)


@per_doc
def _base(t) -> str:
    """The lemma, a comparative or superlative as its base word where the tagger left it
    ("warmer": warm, "bigger": big, "closer": close, "happier": happy)."""
    lemma = t.lemma_.lower()
    if t.pos_ != "ADJ" or lemma in OPPOSITE:  # the tagger often calls "warmer" plain JJ
        return lemma
    for end in ("er", "est"):
        if lemma.endswith(end) and len(lemma) > len(end) + 2:
            stem = lemma[:-len(end)]
            for base in (stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else "",
                         stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
                if base in OPPOSITE:
                    return base
    return lemma


@per_doc
def _words(doc) -> tuple[dict, dict, frozenset[str], tuple]:
    """(lemma -> token, with phrasal verbs as "take_over" and idioms as their verb, and a
    comparative as its base word; word -> token; every lemma and word; (token, its lemma) in
    order), read once per doc."""
    lemmas = {_base(t): t for t in doc} | {_verb_key(t): t for t in doc if t.pos_ == "VERB"}
    words = {t.lower_: t for t in doc}
    keyed = tuple((t, _verb_key(t) if t.pos_ == "VERB" else _base(t)) for t in doc)
    return lemmas, words, frozenset(lemmas) | frozenset(words), keyed


# words for how ties between parties go
_TIES = frozenset({"sour", "improve", "warm", "worsen", "deepen", "strengthen", "weaken", "cut",
                   "sever", "distance", "forge", "loosen", "tighten", "closer", "close", "cool",
                   "cement", "deteriorate", "cut_back", "scale_back", "reduce"})


# blocs a country has ties with ("closer to the West")
_BLOCS = {"west": "west", "western": "west", "europe": "europe", "european": "europe",
          "eu": "europe", "nato": "nato"}


def _parties(tok) -> set[str]:
    """The countries and blocs named around a word (:func:`_context`), by name, capital or
    people ("ties sour between ... Russia and Armenia": Russia, Armenia; "the Armenians have
    been getting closer to the West": Armenia, the West)."""
    words = _context(tok) | _doer_words(tok)
    return {c for w in words if (c := _BLOCS.get(w) or canon(w)) in NATIONS
            or c in _BLOCS.values()}


def _doer_words(tok) -> set[str]:
    """The lower-cased words of who does a ties word's deed, found up its clauses: the subject
    of the nearest verb above it that has one ("Yerevan has sought to forge new alliances by
    deepening ties": Yerevan), or the object a verb pushes to do it ("pushed Yerevan to cut
    back its dealings": Yerevan)."""
    node = tok
    while node.head.i != node.i:
        up = node.head
        if up.pos_ in {"VERB", "AUX"}:
            if node.dep_ == "xcomp":
                obj = next((c for c in up.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return {w.lower_ for w in obj.subtree}
            subj = next((c for c in up.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None:
                return {w.lower_ for w in subj.subtree}
        node = up
    return set()


_PERSONAL = {"them", "him", "her", "us", "me", "you"}


def _people_object(tok) -> bool:
    """A verb done to people named by a pronoun ("the Kremlin had abandoned them")."""
    return any(c.dep_ == "dobj" and c.lower_ in _PERSONAL for c in tok.children)


def _thing_object(tok) -> bool:
    """A verb done to a thing named by a noun ("completed their withdrawal")."""
    return any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in tok.children)


def check(claim: str, evidence: str, claim_doc=None, evidence_doc=None) -> Finding:
    cd = claim_doc if claim_doc is not None else parse(claim)
    ed = evidence_doc if evidence_doc is not None else parse(evidence)
    ev_lemmas, ev_words, _, _ = _words(ed)
    _, _, claim_lemmas, claim_tokens = _words(cd)
    for t, lem in claim_tokens:
        for opp in sorted(OPPOSITE.get(lem, set()) | OPPOSITE.get(t.lower_, set())):
            hit = ev_lemmas.get(opp) or ev_words.get(opp)
            if hit is None or lem in ev_lemmas or opp in claim_lemmas:
                continue
            if _pos_class(t) == "VERB" and lem in _VERB_HOMOGRAPHS:
                continue  # "lasted" (to last) is no opposite of "first"
            if t.lower_ in _PREDICATIVE and t.dep_ == "amod" and not _drawn_into(t):
                continue
            if opp in CONVERSE.get(lem, set()) and not _subjects(t) & _subjects(hit):
                continue  # one side lost what the other won
            if t.pos_ == "VERB" and hit.pos_ == "VERB" and denied(t) != denied(hit):
                continue  # denying the opposite says the same ("did not stay" / "left")
            if t.pos_ == "VERB" and hit.pos_ != "VERB" and denied(t):
                continue  # ... or its noun ("did not leave its weapons behind" / "withdrawal")
            if t.pos_ == "VERB" and any(
                    c.dep_ == "dobj" and (c.lower_ in {"nothing", "none"}
                                          or any(d.lower_ == "no" for d in c.children))
                    for c in t.children):
                continue  # "left behind nothing", "left no equipment behind"
            if _people_object(t) and _thing_object(hit):
                continue  # "abandoned them" (people) is no opposite of "completed the pullout"
            # a speed is said of a deed in many words ("seized Karabakh in a lengthy campaign
            # lasting several years"): less of the claim need be found
            share = 0.25 if lem in FAST | SLOW else 0.4
            # ties between the same two parties are the same thing, whatever else the claim
            # says of them ("Armenia and Russia have grown closer as a result of the fighting")
            # ("Armenia and Azerbaijan have grown closer" is not the ties of Russia and Armenia)
            same = anchored(cd, ed, share)
            if lem in _TIES and opp in _TIES:
                mine, theirs = _parties(t), _parties(hit)
                if len(mine) >= 2 and len(theirs) >= 2:
                    same = len(mine & theirs) >= 2
            if same and _context(t) & _context(hit):
                return Finding("antonyms", "conflict", f"'{t.text}' vs '{hit.text}'",
                               claim_span=t.text, evidence_span=hit.text)
        for other in sorted(OTHER_STAGE.get(lem, set())):
            hit = ev_lemmas.get(other)
            if hit is None or lem in ev_lemmas or other in claim_lemmas:
                continue
            shared = _times(t) & _times(hit)
            if shared and _context(t) & _context(hit) and anchored(cd, ed, 0.4):
                when = " ".join(sorted(shared))
                return Finding("antonyms", "conflict",
                               f"'{t.text}' vs '{hit.text}' ({when})",
                               claim_span=t.text, evidence_span=hit.text)
    return Finding("antonyms", "not_applicable")
