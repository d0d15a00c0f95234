"""Named entities and roles.

Conflict when the claim puts another person, place or organisation in the slot the passage
fills (same verb or same role noun), e.g. "agreed between Putin and Erdogan" against "agreed
between ... Putin and ... Ilham Aliyev"; or gives a named person another title ("Prime
Minister Ararat Mirzoyan" against "Foreign Minister Ararat Mirzoyan"), or a title one person
holds at a time to another person ("Russian President Dmitry Medvedev" against "Russian
President Vladimir Putin"; a counterpart holds the title of whom it is the counterpart of, a
former holder none). Name variants match with
rapidfuzz ("Putin" ~ "Vladimir Putin"); capitals stand for their countries. A claim entity the
passage never names (and no conflict) is reported as ``missing``: that passage alone cannot
state the claim. A passage that gives what the claim's name owns to another name ("Russia's
defence ministry" against "Azerbaijan's Defense Ministry") is ``misplaced``: it cannot confirm
the claim. People's titles are read by ``checks.titles``.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process

from verifier.calendar_words import CALENDAR
from verifier.checks.common import (
    ALIASES,
    COUNTRIES,
    NATIONS,
    PLACES,
    anchored,
    argument_heads,
    canon,
    conj_head,
    demonym_plural,
    denied,
    governing_verb,
    has_negation,
    objects_of,
    one_deed_noun,
    parse,
    per_doc,
    same_deed,
    shared_start,
    tells,
)
from verifier.checks.titles import TITLE_WORDS, country_of, title_conflict
from verifier.lexicon import senses
from verifier.types import Finding

LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


def _fold(text: str) -> str:
    """Lower case without accents or apostrophes: "Sánchez" -> "sanchez", "O'Brien" ->
    "obrien" (as a chat writes it)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "'’")


def _spelled_alike(la: str, lb: str) -> bool:
    """Folded names (:func:`_fold`) one inside the other or spelled nearly alike."""
    return la in lb or lb in la or fuzz.token_set_ratio(la, lb) >= 90


def _same_entity(a: str, b: str) -> bool:
    """The same name, spelled alike or another name of it (``canon``: "Baku" is
    "Azerbaijan")."""
    ca, cb = canon(a), canon(b)
    return ca == cb or _spelled_alike(_fold(a), _fold(b)) or fuzz.ratio(ca, cb) >= 88


# Relations loosely the same slot: a subject never stands for an object, nor the reverse.
_SUBJECTS = {"nsubj", "nsubjpass"}
_OBJECTS = {"conj", "pobj", "appos", "dobj", "compound", "poss"}


_DEMONYM_ENDINGS = ("ian", "ani", "ish", "ese", "ench", "eli", "can", "man")
# the demonyms of the alias table ("azerbaijani", "armenian")
_NATIONALITIES = {w for w in ALIASES if w.endswith(_DEMONYM_ENDINGS)}
_GEO = {"GPE", "LOC", "NORP"}
# a place or nationality qualifying a noun: the small parser calls it either ("Azerbaijani
# population" a compound, "Armenian population" an amod); not "nmod", mostly a misparse
# ("returned to Azerbaijan four frontier villages")
_MODIFIER = {"amod", "compound"}
# a place a verb goes to or comes from is not its object: "left Karabakh" / "left for Armenia"
_DIRECTIONS = {"to", "for", "from", "into", "toward", "towards", "onto"}


def _role(tok) -> str:
    """A token's relation, with the two qualifier relations as one."""
    return "modifier" if tok.dep_ in _MODIFIER else tok.dep_


def _directed(tok) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in _DIRECTIONS


def _quals(noun) -> set[str]:
    return {c.lemma_.lower() for c in noun.children if c.dep_ in _MODIFIER | {"nmod"}}


def _same_noun(a, b) -> bool:
    """The same noun, or one qualifying the other ("an Azerbaijani majority" / "a majority
    Armenian population")."""
    la, lb = a.lemma_.lower(), b.lemma_.lower()
    return la == lb or la in _quals(b) or lb in _quals(a)


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
    # A nationality or place qualifying a noun is one slot however the parser tags it ("a
    # majority Azerbaijani population" / "a majority Armenian population"). Not a title: "the
    # Azerbaijani president" and "Russian President Vladimir Putin" may be two people
    # (person_nations compares titles).
    geo = {ce.label_, ee.label_} <= _GEO
    same_noun = ch.lemma_.lower() == eh.lemma_.lower() or (geo and _same_noun(ch, eh))
    same_role = same_dep or (geo and _role(c_root) == _role(e_root))
    same_head = (same_noun and ch.pos_ == "NOUN" and same_role and verbs_fit
                 and ch.lemma_.lower() not in TITLE_WORDS)
    return same_slot or same_head


def _argument_of(tok):
    """The argument of a verb that holds ``tok`` (the first of its coordinated nouns): what
    ``tok`` hangs on, up to the word a verb takes."""
    for _ in range(12):
        if tok.head.i == tok.i or tok.head.pos_ in {"VERB", "AUX"}:
            break
        tok = tok.head
    return conj_head(tok)


def _denied(ent) -> bool:
    """The claim denies what it says of the name ("Karabakh was not historically an
    Azerbaijani-majority region"): another name in its slot does not contradict it."""
    # "something other than an Indian film" denies the name too
    other_than = any(a.lower_ == "than" and a.head.lower_ in {"other", "rather"}
                     for a in ent.root.ancestors)
    return other_than or denied(governing_verb(conj_head(ent.root)))


def _capitalised_word(ent) -> bool:
    """A one-word "name" that opens a sentence and is a common verb: a headline's word the
    small model takes for a name ("Blitz by Baku unleashed ..."), not a name."""
    t = ent[0]
    return len(ent) == 1 and t.is_sent_start and t.lower_ not in PLACES | _NATIONALITIES \
        and t.lower_ not in ALIASES and bool(senses(t.lower_, "v"))


@per_doc
def named(doc) -> tuple:
    """spaCy's named entities, plus known countries and capitals it missed (the small model
    often misses a sentence-initial "Armenia")."""
    from spacy.tokens import Span

    # a known country or capital is a place whatever the small model calls it ("Yerevan"
    # comes out as PERSON)
    # and a known nationality a nationality ("a majority Azerbaijani population" tags it PERSON)
    ents = [Span(doc, e.start, e.end, label="GPE") if e.text.lower() in PLACES
            else Span(doc, e.start, e.end, label="NORP") if e.text.lower() in _NATIONALITIES
            else e for e in doc.ents if e.label_ in LABELS and not _capitalised_word(e)
            and e.text.lower() not in CALENDAR]
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    label_of = {i: e.label_ for e in ents for i in range(e.start, e.end)}
    for t in doc:
        if t.i not in covered and t.pos_ == "PROPN" and t.lower_ in PLACES:
            ents.append(Span(doc, t.i, t.i + 1, label="GPE"))
        # a name coordinated with a named one is of its kind ("Putin and Pashinyan": the
        # small model often tags only the first)
        elif t.i not in covered and t.pos_ == "PROPN" and \
                not any(c.dep_ == "compound" for c in t.children):
            # either way round: "Pashinyan and Putin" tags only the second
            kin = [t.head] if t.dep_ == "conj" else \
                [c for c in t.children if c.dep_ == "conj"]
            label = next((label_of[k.i] for k in kin if k.i in label_of), None)
            if label is not None:
                ents.append(Span(doc, t.i, t.i + 1, label=label))
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
    a corpus saying "Russia"), "Western" for a corpus saying "the West", and another spelling
    of a word of 5 letters or more ("Aliev" for "Aliyev", rapidfuzz ratio >= 88; not "Europe"
    for "European")."""
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
    are only exchanged for demonyms and peoples for peoples ("Russian" never becomes "Russia",
    "Azerbaijanis" never "Baku", "the Armenian side" never "the Armenians side"); a name the passage
    also writes the claim's way is left alone. The claim unchanged when nothing differs."""
    cd, ed = parse(claim), parse(evidence)
    edits = []
    for ce in named(cd):
        if _says(evidence, ce.text.lower()):
            continue
        key = canon(ce.text)
        for ee in named(ed):
            if canon(ee.text) == key and _name_kind(ce) == _name_kind(ee) \
                    and ee.text.lower() != ce.text.lower():
                edits.append((ce.start_char, ce.end_char, ee.text))
                break
    for a, b, name in sorted(edits, reverse=True):
        if name.lower().startswith("the ") and claim[:a].lower().endswith("the "):
            name = name[4:]  # "the US" -> "the United States", not "the the United States"
        claim = claim[:a] + name + claim[b:]
    return claim


def _name_kind(span) -> str:
    """"people" ("Armenians"), "demonym" ("Armenian") or "place" ("Armenia", "Yerevan")."""
    if demonym_plural(span.text.lower()):
        return "people"
    return "demonym" if _demonym(span) else "place"


def _says(text: str, name: str) -> bool:
    """``text`` has ``name`` (lower-case) as whole words."""
    return re.search(r"\b" + re.escape(name) + r"\b", text.lower()) is not None


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
        keys.update(g.lemma_.lower() for g in objects_of(n))
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


_LATER = {"since", "later", "subsequently", "afterwards", "afterward", "eventually", "onward",
          "onwards"}


# where a move goes: "fled to Georgia" / "left for Armenia"
_GOALS = {"to", "for", "into", "toward", "towards"}
_MOTION = {"leave", "flee", "depart", "go", "head", "move", "relocate", "emigrate", "escape",
           "travel", "decamp", "evacuate", "resettle"}
# some of a people: where some went, others may not have ("some fled to Russia")
_SOME = {"some", "few", "several", "number", "handful", "minority", "part", "portion"}


def _later(doc) -> bool:
    """The sentence tells of a later deed ("have since left", "travelled on to Russia")."""
    return any((t.lower_ in _LATER and t.dep_ == "advmod") or
               (t.lower_ in {"on", "further"} and t.dep_ in {"prt", "advmod"}
                and t.head.lemma_.lower() in _MOTION | {"continue"}) for t in doc)


def _one_goal(keys, prep, ev_keys, ev_prep, doc) -> bool:
    """Both places are where a move went, told with any verb of moving ("fled to Georgia" /
    "left for Armenia"), and the claim's movers are not some of them ("some fled to
    Russia")."""
    return prep in _GOALS and ev_prep in _GOALS and bool(keys & _MOTION) and \
        bool(ev_keys & _MOTION) and not any(t.lower_ in _SOME for t in doc)


def place_conflict(cd, ed) -> Finding | None:
    """The passage puts the same thing in another place: "protests took place in Azerbaijan"
    against "sparked a wave of mass protests in Armenia", "left Armenia for Karabakh" or "fled
    to Georgia" against "left for Armenia". A passage that also gives the claim's place there
    (a list) does not conflict; only the first place of a list in the claim is compared (the
    small parser often hangs the rest of a list on a neighbouring name). A move told as a
    later one ("have since left Armenia for Russia") is another move."""
    es = place_slots(ed)
    if _later(cd):
        return None
    for keys, prep, place in place_slots(cd, lists=False):
        there = [p for k, pr, p in es
                 if (pr == prep and k & keys) or _one_goal(keys, prep, k, pr, cd)]
        if there and not any(_same_entity(place, p) for p in there) and anchored(cd, ed, 0.4):
            return Finding("entities", "conflict", f"'{place}' vs '{there[0]}'",
                           claim_span=place, evidence_span=there[0])
    return None


# prepositions that put a deed somewhere ("met in Moscow", "at a summit", "travelled to
# Washington", "left through Armenia"); "for"/"from" name sides and origins as often as places
_WHERE = {"in", "at", "to", "through", "via"}
# "during talks in Moscow", "at a summit in Sochi", "after talks in Washington"
_OCCASION = {"during", "at", "after", "before", "following"}
# what a light verb holds where it is held ("held talks in Washington")
_MEETINGS = {"talk", "meeting", "summit", "negotiation", "ceremony", "conference"}
# "according to Yerevan", "due to Moscow": a source or a cause, not a place
_NOT_WHERE = {"according", "due", "owing", "thanks", "prior"}
# verbs whose direct object is the place the deed is done in ("O'Brien visited Yerevan")
_VISIT_VERBS = {"visit", "tour"}


def _as_place(tok) -> bool:
    """The token may name a place there: it is not (in) a subject or an owner ("Washington
    and Yerevan have agreed", "Moscow's war", "the United States Assistant Secretary of State
    ... issued"), where a country acts or owns rather than locates, nor a side someone is for
    or against ("pro-Yerevan separatists"). A modifier locates ("US sales", "the
    Nagorno-Karabakh region")."""
    i = tok.i
    if i >= 2 and tok.doc[i - 1].text == "-" and tok.doc[i - 2].lower_ in {"pro", "anti"}:
        return False
    for _ in range(6):
        if tok.dep_ not in {"compound", "amod", "conj", "appos", "nmod"} or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok.dep_ not in {"nsubj", "nsubjpass", "poss"}


def _same_name(a: str, b: str) -> bool:
    """The same name, spelled alike (no aliases: "Moscow" is not "Russian")."""
    return _spelled_alike(_fold(a).removeprefix("the "), _fold(b).removeprefix("the "))


# the capitals (and seats of power) of the alias table: a place inside its country
_CAPITALS = {"yerevan", "baku", "moscow", "kremlin", "washington", "kyiv", "kiev", "london",
             "paris", "berlin", "beijing", "tehran", "ankara", "tbilisi", "brussels", "tokyo",
             "delhi", "new delhi", "jerusalem", "damascus", "baghdad", "cairo", "rome", "madrid",
             "warsaw", "minsk", "islamabad", "kabul", "ottawa", "canberra", "pyongyang",
             "seoul"}


def _holds(there: str, place: str) -> bool:
    """A deed done in ``there`` is done in ``place``: the same name or another name of it
    ("the United States" / "US"), or ``there`` is the capital of the country ``place`` ("in
    Baku" is "in Azerbaijan"; "in Armenia" is not "in Yerevan")."""
    if _same_name(there, place):
        return True
    return canon(there) == canon(place) and _fold(place).removeprefix("the ") not in _CAPITALS


@per_doc
def _places_named(doc) -> tuple[str, ...]:
    """The places a text names as places (:func:`_as_place`), read once per doc: a passage is
    compared with every claim."""
    return tuple(p for p in (_place(t) for t in doc if t.dep_ not in {"det", "case", "punct"}
                             and _as_place(t)) if p is not None)


def _meets(verb) -> bool:
    """A light verb that holds a meeting: "held talks", "talks held in Yerevan"."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _MEETINGS for c in verb.children) or (
        verb.dep_ == "acl" and verb.head.lemma_.lower() in _MEETINGS)


def unplaced(cd, ed) -> Finding | None:
    """The claim puts its deed in a place the passage never names as a place: "Aliyev met
    Putin in Moscow to discuss the withdrawal" against "The withdrawal ... had been agreed
    between Russian President Vladimir Putin and ... Ilham Aliyev" ("Russian" is no place),
    or "O'Brien visited Yerevan" against a joint statement where "Yerevan" is a party.
    Such a passage cannot confirm the claim (a small NLI model entails it from the deed
    alone); it may still contradict it. Only a place a verb's deed is done in or to counts:
    not where a thing is ("is in China", "a voice role in Underdog", where the small model
    may take a title for a place), nor which people a subject is ("officials in Baku"). In
    the passage, only a name told as a place counts (:func:`_as_place`); where the passage
    has the name as something else than a place ("at FC Jostoos" tagged an organisation there
    and a place in the claim), the finding is left out."""
    theirs = _places_named(ed)
    for t in cd:
        if t.dep_ == "dobj" and t.head.lemma_.lower() in _VISIT_VERBS:
            verb = t.head  # "visited Yerevan": the object is where the deed is done
        elif t.dep_ == "pobj" and t.head.lower_ in _WHERE and t.head.dep_ == "prep" and \
                t.head.head.lower_ not in _NOT_WHERE:
            verb = t.head.head
            # where the occasion of the deed was ("settled it during talks in Moscow")
            if verb.pos_ == "NOUN" and verb.dep_ == "pobj" and verb.head.lower_ in _OCCASION:
                verb = governing_verb(verb.head)  # the parser may hang it on the object
            elif verb.pos_ == "NOUN" and verb.lemma_.lower() in _MEETINGS:
                verb = governing_verb(verb)  # "held talks in Washington"
        else:
            continue
        if verb.pos_ != "VERB" or (verb.lemma_.lower() in _LIGHT_VERBS and not _meets(verb)):
            continue
        place = _place(t)
        if place is None or any(c.isdigit() for c in place) or \
                any(_holds(p, place) for p in theirs):
            continue  # (no place name has a digit: the small model took "COVID-19" for one)
        # the passage has the name as another kind: the claim's may be a title (a known
        # country or capital stays a place: the small model tags "Yerevan" a person)
        if _fold(place) not in PLACES and any(
                e.label_ not in {"GPE", "LOC", "FAC"} and
                fuzz.token_set_ratio(_fold(place), _fold(e.text)) >= 90 for e in ed.ents):
            continue
        # the passage's own place, where it names one: it may say the deed was done there
        return Finding("entities", "unplaced", f"'{place}'", claim_span=place,
                       evidence_span=theirs[0] if theirs else "")
    return None


# a country keeping its own forces somewhere: "Moscow kept 2,000 soldiers in Karabakh" tells
# no more than "2,000 Russian peacekeepers had been stationed in Karabakh"
_KEEPING = frozenset({"keep", "have", "maintain", "station", "deploy", "base", "post", "field",
                      "retain", "garrison", "hold", "send", "dispatch"})
_FORCES = frozenset({"soldier", "troop", "peacekeeper", "personnel", "force", "contingent",
                     "unit", "garrison", "man", "serviceman", "servicemember", "trooper",
                     "army", "mission", "battalion", "brigade"})


def _keeps_own(verb, owner) -> bool:
    """``verb`` keeps or sends forces (``_KEEPING``, ``_FORCES``) and the passage's country
    word ``owner`` ("Russian") says whose forces: the country's keeping them is what the
    passage tells."""
    # what it keeps, wherever the parser hangs it ("kept a shade under 2,000 personnel")
    kept = [t for c in verb.children if c.dep_ not in {"nsubj", "agent"} for t in c.subtree]
    return verb.lemma_.lower() in _KEEPING and owner.head.lemma_.lower() in _FORCES and any(
        t.pos_ == "NOUN" and t.lemma_.lower() in _FORCES for t in kept)


def unnamed_doer(cd, ed) -> Finding | None:
    """The claim makes a country the doer of a deed the passage never tells, and the passage
    names that country only as whose people or things are: "The November 2020 ceasefire was
    brokered by Moscow" against "... Russian peacekeepers had been stationed in Karabakh, in
    accordance with a ceasefire agreement between Yerevan and Baku, signed in November 2020".
    "Russian" says whose the peacekeepers are, not who brokered anything; a small NLI model
    entails the claim from it. Such a passage cannot confirm the claim; it may still
    contradict it. Where the passage names the country as a noun, or tells the deed, the
    finding is left out (the other checks and the model judge it)."""
    # the main clause's deeds ("Separatists backed by Armenia ..." is a description), done by
    # a country or its capital ("Moscow"), not its people ("Armenians made up most") nor a
    # region ("Karabakh")
    doers = [(verb, doer) for verb in cd
             if verb.pos_ == "VERB" and verb.lemma_.lower() not in _LIGHT_VERBS
             and verb.dep_ in {"ROOT", "conj"}
             for doer in (*(c for c in verb.children if c.dep_ == "nsubj"),
                          *(g for a in verb.children if a.dep_ == "agent"
                            for g in a.children if g.dep_ == "pobj"))
             if doer.pos_ == "PROPN" and canon(doer.text) in NATIONS
             and (doer.lower_ in ALIASES or doer.lower_ in NATIONS)]
    if not doers:
        return None
    # whose people or things: "Russian peacekeepers", "Moscow's war in Ukraine"; not
    # "pro-Yerevan separatists", which tells whom they back
    owning = {"poss", "amod", "compound"}
    named = {canon(t.text) for t in ed if t.pos_ == "PROPN" and t.dep_ not in owning}
    adjectives = {canon(t.text): t for t in ed
                  if (t.pos_ == "ADJ" or t.dep_ in owning)
                  and not (t.i >= 2 and ed[t.i - 1].text == "-" and ed[t.i - 2].lower_ in
                           {"pro", "anti"})}
    for verb, doer in doers:
        country = canon(doer.text)
        if country in named or country not in adjectives or tells(verb, ed) or \
                _keeps_own(verb, adjectives[country]):
            continue
        return Finding("entities", "unnamed",
                       f"'{doer.text}' (only '{adjectives[country].text}' there)",
                       claim_span=doer.text)
    return None


# verbs that tell what someone said, and how they took a thing ("hailed", "slammed", "vowed")
_VOICED = {"say", "state", "tell", "announce", "declare", "confirm", "report", "claim", "insist",
           "deny", "warn", "accuse", "blame", "hail", "praise", "welcome", "applaud", "laud",
           "celebrate", "condemn", "slam", "criticize", "criticise", "denounce", "decry",
           "lament", "vow", "pledge", "promise", "urge", "demand", "dismiss", "call", "describe",
           "brand", "dub", "tout", "trumpet", "herald", "stress", "acknowledge", "admit",
           "argue", "defend", "thank", "rebuke", "blast", "lash", "castigate", "commend"}
# and in a passage, also the verbs that report a statement ("issued a statement saying")
_VOICING = _VOICED | {"issue", "add", "note", "write", "quote", "publish", "release"}


def _speakers(doc) -> set[str]:
    """The names of whoever a text says said something: the subject (or "by" phrase) of a
    verb of saying, names inside it included ("officials in Moscow and Baku said"), and "according
    to X"."""
    out: set[str] = set()
    for t in doc:
        if t.lemma_.lower() not in _VOICING and t.lower_ != "according":
            continue
        heads = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
        heads += [g for a in t.children if a.dep_ in {"agent", "prep"} and (
            a.dep_ == "agent" or t.lower_ == "according") for g in a.children if g.dep_ == "pobj"]
        if t.dep_ in {"acl", "relcl"} and t.head.pos_ in {"NOUN", "PROPN"}:
            heads.append(t.head)  # "a statement saying ...": whose statement, below
        for h in heads:
            out.update(canon(x.text) for x in h.subtree if x.pos_ == "PROPN")
            if h.lower_ in {"statement", "declaration", "communique"}:
                verb = h.head  # "Mirzoyan and O'Brien issued a joint statement saying ..."
                out.update(canon(x.text) for c in verb.children if c.dep_ == "nsubj"
                           for x in c.subtree if x.pos_ == "PROPN")
    return out


def unsaid(cd, ed) -> Finding | None:
    """The claim says a named doer said something or took a thing some way ("Aliyev hailed the
    pullout", "Moscow slammed the handover"), and the passage tells nothing said by that name
    nor the claim's verb: a small NLI model entails "Aliyev hails the pullout" from "The
    withdrawal ... had been agreed between Putin and ... Aliyev". Such a passage cannot
    confirm the claim; it may still contradict it."""
    speakers = None
    for verb, doers in _sayings(cd):
        if tells(verb, ed):
            continue
        for doer in doers:
            if speakers is None:
                speakers = _speakers(ed)
            if canon(doer.text) not in speakers:  # (its name: "Grigoryan", not "Armenian")
                return Finding("entities", "unsaid", f"'{doer.text}' {verb.text}",
                               claim_span=doer.text)
    return None


@per_doc
def _sayings(cd) -> tuple:
    """(verb, its named subjects) for each main verb of ``_VOICED`` told in the active voice."""
    out = []
    for verb in cd:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _VOICED or \
                verb.dep_ not in {"ROOT", "conj"}:
            continue
        if any(c.dep_ == "auxpass" for c in verb.children) or (
                verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)):
            continue  # "Russia and Armenia, described as allies, ...": said of them
        # (the small parser reads a sentence-opening "Aliyev" as a noun)
        doers = tuple(c for c in verb.children if c.dep_ == "nsubj" and (c.pos_ == "PROPN" or (
            c.text[:1].isupper() and not senses(c.lemma_.lower(), "n"))))
        if doers:
            out.append((verb, doers))
    return tuple(out)


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


def _things(verb) -> set[str]:
    """The common nouns a verb is told of: subject, object, prepositional objects and the noun
    a relative clause hangs on ("signed off on the withdrawal", "The withdrawal ... had been
    agreed")."""
    return {h.lemma_.lower() for h in argument_heads(verb) if h.pos_ == "NOUN"}


def _same_deal(verb, ev_verb) -> bool:
    """Two verbs tell one deed: verbs told of the same thing or of one deed's nouns ("Putin and
    Pashinyan signed off on the withdrawal", "negotiated the departure" / "The withdrawal ...
    had been agreed between Putin and ... Aliyev")."""
    return any(one_deed_noun(a, b) for a in _things(verb) for b in _things(ev_verb))


def partner_conflict(cd, ed, c_ents, e_ents, missing) -> Finding | None:
    """The claim pairs a name the passage pairs with someone else, in the same deed: "Putin
    and Pashinyan agreed on the withdrawal" against "agreed between Putin and his Azerbaijani
    counterpart Ilham Aliyev"."""
    for ce in missing:
        verb = governing_verb(conj_head(ce.root))
        for x in _partners(ce, c_ents):
            for ex in (e for e in e_ents if _same_entity(x.text, e.text)):
                ev_verb = governing_verb(conj_head(ex.root))
                # the same verb or one of its group on the same topic, or one deal
                deal = _same_deal(verb, ev_verb)
                if not deal and not same_deed(verb.lemma_.lower(), ev_verb.lemma_.lower()):
                    continue
                other = [e for e in _partners(ex, e_ents)
                         if not any(_same_entity(e.text, c.text) for c in c_ents)]
                if other and (deal or anchored(cd, ed, 0.4)) and not _denied(ce):
                    return Finding("entities", "conflict", f"'{ce.text}' vs '{other[0].text}'",
                                   claim_span=ce.text, evidence_span=other[0].text)
    return None


def _unapposed(tok):
    """The word a name is in apposition to ("the Armenian prime minister, Nikol Pashinyan":
    minister), else the name's own."""
    while tok.dep_ == "appos" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _pairs(doc, ents) -> list[tuple[set[str], list]]:
    """Each "between A and B" of ``doc``: (what it is between, as lemmas, [A, B, ...] as
    entities). What it is between is the word the phrase hangs on with its compounds ("a
    ceasefire agreement between ...": agreement, ceasefire) and, for a verb, its subject ("the
    agreement was signed between ...": sign, agreement)."""
    out = []
    if "between" not in doc.text.lower():
        return out
    for b in doc:
        if b.lower_ != "between" or b.dep_ != "prep":
            continue
        members = [e for e in ents if conj_head(_unapposed(e.root)).head.i == b.i
                   and conj_head(_unapposed(e.root)).dep_ == "pobj"]
        head = b.head
        words = [head, *(c for c in head.children if c.dep_ == "compound")]
        if head.pos_ in {"VERB", "AUX"}:
            for c in head.children:
                if c.dep_ in {"nsubj", "nsubjpass"}:
                    words += [c, *(g for g in c.children if g.dep_ == "compound")]
        if len(members) >= 2:
            out.append(({w.lemma_.lower() for w in words}, members))
    return out


def _names(party, ent) -> bool:
    """The passage's ``party`` of a pair names the claim's ``ent``, itself or in a qualifier
    of its phrase ("his Azerbaijani counterpart Ilham Aliyev" names Azerbaijan)."""
    return _same_entity(ent.text, party.text) or any(
        t.pos_ in {"PROPN", "ADJ"} and _same_entity(ent.text, t.text)
        for t in party.root.subtree if conj_head(t) != conj_head(party.root) or t == party.root)


def pair_conflict(cd, ed, c_ents, e_ents) -> Finding | None:
    """The claim puts another party in a "between" pair the passage gives for the same thing:
    "The ceasefire agreement was signed between Moscow and Baku" against "a ceasefire
    agreement between Yerevan and Baku". The pairs must share a party and hang on the same
    word; a party the passage's phrase names in a qualifier ("his Azerbaijani counterpart Ilham
    Aliyev" for "Azerbaijan") is named."""
    theirs = _pairs(ed, e_ents)
    for keys, mine in _pairs(cd, c_ents):
        for e_keys, other in theirs:
            if not keys & e_keys and not any(one_deed_noun(a, b) for a in keys for b in e_keys):
                continue
            odd = [x for x in mine if not any(_names(e, x) for e in other)]
            # the parties are compared here: the rest of the claim must be the passage's topic
            parties = {t for x in mine for t in _unapposed(x.root).subtree}
            if odd and len(odd) < len(mine) and anchored(cd, ed, 0.4, skip=parties) \
                    and not _denied(odd[0]):
                rest = [e for e in other if not any(_names(e, x) for x in mine)]
                if rest:
                    return Finding("entities", "conflict", f"'{odd[0].text}' vs '{rest[0].text}'",
                                   claim_span=odd[0].text, evidence_span=rest[0].text)
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


def _possessor(ent) -> str | None:
    """Who owns a name: "Russia" for "Russia's Foreign Ministry" (a possessive on it, or a
    country inside an organisation's name: "the Armenian Defence Ministry")."""
    owner = next((c for c in ent.root.children if c.dep_ == "poss" and c not in ent), None)
    if owner is not None:
        return owner.text
    owned = _owned(ent) if ent.label_ == "ORG" else None
    return owned[0] if owned is not None and owned[1] == ent.root.lemma_.lower() else None


def _owned_by_others(a, b) -> bool:
    """Both names have owners, and they differ: two organisations, not one slot."""
    x, y = _possessor(a), _possessor(b)
    return x is not None and y is not None and not _same_owner(x, y)


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
        if thing in TITLE_WORDS and canon(owner) in COUNTRIES:
            continue  # "the Azerbaijani president" and "Russian President Putin": two people
        others = [o for o, t in theirs if t == thing]
        # a claim may qualify the thing twice ("Russia's former Karabakh peacekeepers"): one
        # owner the passage shares is enough
        claimed = [o for o, t in mine if t == thing]
        # nor is it moved where the claim names the passage's owner too ("Armenians made up
        # most of Karabakh's population" / "a majority Armenian population")
        named_too = [o for o in others if any(_same_owner(ce.text, o) for ce in c_ents)]
        if others and not named_too and \
                not any(_same_owner(c, o) for c in claimed for o in others):
            return Finding("entities", "misplaced", f"{thing}: '{owner}' vs '{others[0]}'",
                           claim_span=owner, evidence_span=others[0])
    return None


# verbs that say whose a territory is held to be ("recognized as part of Azerbaijan")
_DEEM = {"recognize", "recognise", "regard", "consider", "deem", "acknowledge", "view", "see",
         "count", "treat", "classify"}
_LAND = {"part", "territory", "land", "soil", "province", "region"}


_STATE = {"state", "country", "nation", "republic"}


def _objects(tok, prep: str) -> list[str]:
    """The objects of ``tok``'s ``prep`` phrases ("part of Azerbaijan": Azerbaijan; "part of
    the Armenian state": Armenian)."""
    return [next((c.text for c in o.children if c.dep_ in {"amod", "poss"}), o.text)
            if o.lemma_.lower() in _STATE | _LAND else o.text for o in objects_of(tok, prep)]


# verbs that put a territory inside a country ("the enclave forms part of Armenian territory",
# "places the territory within Armenia's borders"), and the words for the territory itself
_PLACE_IN = {"form", "constitute", "lie", "fall", "sit", "place", "put"}
_TERRITORY = {"territory", "enclave", "region", "area", "karabakh", "nagorno-karabakh"}
_INSIDE = {"within", "inside"}
_BOUNDS = {"border", "boundary", "territory", "frontier"}


def _placed_in(v) -> list[str]:
    """The country words of "forms part of X" / "lies within X's borders" / "places the
    territory within X's borders", said of a territory (subject, or object of "place")."""
    role = {"dobj"} if v.lemma_.lower() in {"place", "put"} else {"nsubj", "nsubjpass"}
    if not any(c.dep_ in role and c.lemma_.lower() in _TERRITORY for c in v.children):
        return []
    words = []
    for c in v.children:
        if c.dep_ in {"dobj", "attr"} and c.lemma_.lower() == "part":
            words += _objects(c, "of")
        if c.dep_ == "prep" and c.lower_ in _INSIDE:
            words += [w.text for g in c.children if g.dep_ == "pobj"
                      and g.lemma_.lower() in _BOUNDS
                      for w in g.children if w.dep_ in {"poss", "amod"}]
    return words


@per_doc
def deemed_owners(doc) -> tuple[tuple[object, str, str], ...]:
    """(verb, country, its word) for each "recognized as part of X" / "regarded as X's territory" /
    "seen as Armenian land" / "recognised as belonging to X" / "belongs to X" (said now, not
    "belonged") in a text."""
    out = []
    for v in doc:
        if v.lemma_.lower() == "belong" and v.tag_ in {"VBZ", "VBP"}:  # "belongs to Armenia"
            words = _objects(v, "to")
            out += [(v, *c) for c in map(country_of, words) if c is not None]
            continue
        if v.lemma_.lower() in _PLACE_IN:
            out += [(v, *c) for c in map(country_of, _placed_in(v)) if c is not None]
            continue
        if v.lemma_.lower() not in _DEEM:
            continue
        # "as part of X", "as belonging to X"; without "as", a small clause the parser reads
        # as an object ("deems Karabakh part of Armenia", "considers it Armenian territory")
        lands = [g for p in v.children if p.dep_ == "prep" and p.lower_ in {"as", "like"}
                 for g in p.children if g.dep_ in {"pobj", "pcomp"}]
        lands += [c for c in v.children if c.dep_ in {"dobj", "ccomp", "oprd", "xcomp"}
                  and c.pos_ == "NOUN"]
        words = []
        for g in lands:
            if g.lemma_.lower() in _LAND:
                # in a small clause a name before the noun is the territory itself
                # ("deems Karabakh/compound part of Armenia")
                mods = {"amod", "poss"} | ({"compound"} if g.dep_ == "pobj" else set())
                words += [c.text for c in g.children if c.dep_ in mods]
                words += _objects(g, "of")
            elif g.dep_ == "pcomp" and g.lemma_.lower() == "belong":
                words += _objects(g, "to")
            elif g.dep_ == "pobj" and g.pos_ in {"ADJ", "PROPN"}:
                words.append(g.text)  # "recognised as Armenian"
        out += [(v, *c) for c in map(country_of, words) if c is not None]
    return tuple(out)


def deemed_conflict(cd, ed) -> Finding | None:
    """The claim holds a territory to be another country's than the passage does
    ("recognised as Armenian territory" / "recognized as part of Azerbaijan"), or denies it is
    held to be the passage's country's ("does not consider it part of Azerbaijan")."""
    theirs = {country: word for verb, country, word in deemed_owners(ed) if not denied(verb)}
    for verb, country, word in deemed_owners(cd):
        if theirs and country not in theirs and not denied(verb):
            other = theirs[sorted(theirs)[0]]
            return Finding("entities", "conflict", f"held to be {word}, not {other}",
                           claim_span=word, evidence_span=other)
        if country in theirs and denied(verb):  # "not considered part of Azerbaijan"
            return Finding("entities", "conflict", f"not held to be {word}, but is",
                           claim_span=word, evidence_span=theirs[country])
    return None


# verbs that say who formed a majority ("Armenians formed the majority")
_FORM = {"form", "make", "constitute", "comprise", "be"}
_PEOPLE = {"people", "population", "resident", "inhabitant"}  # "most people were Armenians"
_MOSTLY = {"predominantly", "mainly", "mostly", "largely", "overwhelmingly", "chiefly",
           "primarily"}
_MAKEUP = {"composition", "makeup", "make-up"}  # "its ethnic composition was mainly Armenian"
_PEOPLED = {"populate", "inhabit", "people", "settle"}  # "populated mainly by Azerbaijanis"


@per_doc
def majorities(doc) -> tuple[tuple[str, str], ...]:
    """(country, its word) for each people said to be a majority: "an ethnic Armenian
    majority", "the majority of people were Azerbaijani" (not "..., not Armenian"), "most
    people there were Armenians", "Azerbaijanis formed the majority" (not "a majority of
    Armenians left": a part of a people, not the people a majority is)."""
    out = []
    for t in doc:  # "predominantly Azerbaijani": said of a population or its make-up
        if t.lower_ not in _MOSTLY or has_negation(governing_verb(t)):
            continue
        word = t.head
        if word.pos_ in {"AUX", "VERB"}:  # (the parser may hang it on "was")
            word = next((c for c in word.children if c.dep_ in {"acomp", "attr"}), word)
        people = word.head if word.dep_ not in {"acomp", "attr"} else next(
            (c for c in word.head.children if c.dep_ == "nsubj"), word)  # "its make-up was"
        if people.lemma_.lower() in _PEOPLE | _MAKEUP:
            out += [c for c in [country_of(word.text)] if c is not None]
        # "populated mainly by Azerbaijanis", "was home mainly to Azerbaijanis"
        verb = t.head
        if verb.lemma_.lower() in _PEOPLED or (verb.lemma_ == "be" and any(
                c.dep_ == "attr" and c.lower_ == "home" for c in verb.children)):
            out += [c for p in verb.children if p.dep_ in {"agent", "prep"}
                    and p.lower_ in {"by", "to"} for g in p.children if g.dep_ == "pobj"
                    for c in [country_of(g.text)] if c is not None]
    for m in doc:
        lemma = m.lemma_.lower()
        most = lemma in _PEOPLE and any(c.lower_ == "most" for c in m.children)
        # "formed most of the territory's inhabitants"
        most = most or (lemma == "most" and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.lemma_.lower() in _PEOPLE
                                                          for g in c.children)
            for c in m.children))
        if (lemma != "majority" and not most) or has_negation(governing_verb(m)):
            continue  # "was not an Azerbaijani-majority region" gives the majority to nobody
        words = [c.text for c in m.children if c.dep_ in {"amod", "compound"}]
        if m.dep_ in {"amod", "compound", "nmod"} and m.head.lemma_.lower() in _PEOPLE:
            # "a majority Armenian population"
            words += [c.text for c in m.head.children
                      if c.dep_ in {"amod", "compound"} and c.i != m.i]
        verb = m.head
        if verb.lemma_.lower() in _FORM and m.dep_ in {"nsubj", "dobj", "attr"}:
            # the people the majority is said to be, or who are said to form it ("was
            # Azerbaijani, not Armenian": not the one after "not")
            words += [c.text for c in verb.children if c.dep_ in {"attr", "acomp", "nsubj"}
                      and c.i != m.i and not any(n.dep_ == "neg" and n.i < c.i
                                                 for n in c.children)]
        out += [c for c in map(country_of, words) if c is not None]
    return tuple(dict.fromkeys(out))


def majority_conflict(cd, ed) -> Finding | None:
    """The claim gives the majority to another people than the passage ("the majority was
    Azerbaijani" / "an ethnic Armenian majority")."""
    theirs = dict(majorities(ed))
    for country, word in majorities(cd):
        if theirs and country not in theirs:
            other = theirs[sorted(theirs)[0]]
            return Finding("entities", "conflict", f"the majority {word}, not {other}",
                           claim_span=word, evidence_span=other)
    return None


_SIDE_RE = re.compile(r"\b((?i:pro|anti))-([A-Z][\w’'-]*)\s+([a-z]+)")


_DEMONYM_RE = re.compile(r"\b([A-Z][a-z]+)\s+([a-z]+)")
# "separatists loyal to Baku", "separatists backed by Yerevan", "Yerevan-backed separatists"
_LOYAL_RE = re.compile(r"\b([A-Za-z]+)\s+(?:(?:loyal|allied|aligned|close)\s+(?:to|with)|"
                       r"(?:backed|supported|sponsored|controlled)\s+by)\s+(?:the\s+)?"
                       r"([A-Z][\w’'-]*)")
_BACKED_RE = re.compile(r"\b([A-Z][\w’']*)-(?:backed|supported|aligned|allied|sponsored)\s+"
                        r"([a-z]+)")


def _sides(text: str) -> dict[str, tuple[str, str, bool]]:
    """Group noun -> (country whose side it is on, the words saying so, whether they name a
    side outright), from "pro-Baku separatists", "separatists loyal to Baku", "Baku-backed
    separatists" (outright) and "Armenian separatists" (a group named by a demonym is on its
    country's side). Only known countries, capitals and demonyms: "anti-PD-1 antibodies" names
    no side."""
    out: dict[str, tuple[str, str, bool]] = {}
    for m in _DEMONYM_RE.finditer(text):
        if m[1].lower() in _NATIONALITIES and canon(m[1]) in COUNTRIES:
            out.setdefault(m[2].rstrip("s"), (canon(m[1]), m[0], False))
    for m in _SIDE_RE.finditer(text):
        if m[1].lower() == "pro" and canon(m[2]) in COUNTRIES:
            out[m[3].rstrip("s")] = (canon(m[2]), m[0], True)
    for noun, country, words in [*((m[1], m[2], m[0]) for m in _LOYAL_RE.finditer(text)),
                                 *((m[2], m[1], m[0]) for m in _BACKED_RE.finditer(text))]:
        if canon(country) in COUNTRIES:
            out[noun.lower().rstrip("s")] = (canon(country), words, True)
    return out


def side_conflict(claim: str, evidence: str) -> Finding | None:
    """The same group on another country's side: "pro-Baku separatists" or "Azerbaijani
    separatists" against "pro-Yerevan separatists" (a country, its capital and its demonym are
    one side), "anti-Baku" against "anti-Yerevan"."""
    def side(m):
        return canon(m[2]) if canon(m[2]) in COUNTRIES else None

    theirs = {(m[1].lower(), m[3].rstrip("s")): side(m) for m in _SIDE_RE.finditer(evidence)}
    for m in _SIDE_RE.finditer(claim):
        other = theirs.get((m[1].lower(), m[3].rstrip("s")))
        if other is not None and side(m) is not None and other != side(m):
            return Finding("entities", "conflict", f"'{m[0]}' vs a {m[1].lower()}-{other.title()} "
                           f"{m[3]}", claim_span=f"{m[1]}-{m[2]}")
    mine, there = _sides(claim), _sides(evidence)
    for noun, (country, words, outright) in mine.items():
        if noun in there and there[noun][0] != country and (outright or there[noun][2]):
            return Finding("entities", "conflict", f"'{words}' vs '{there[noun][1]}'",
                           claim_span=words, evidence_span=there[noun][1])
    return None


def check(claim: str, evidence: str, claim_doc=None, evidence_doc=None) -> Finding:
    cd = claim_doc if claim_doc is not None else parse(claim)
    ed = evidence_doc if evidence_doc is not None else parse(evidence)
    titled = title_conflict(cd.text, ed.text)
    if titled is not None:
        return titled
    # The same thing in another place, the same group on another side.
    moved = place_conflict(cd, ed) or side_conflict(cd.text, ed.text) or \
        deemed_conflict(cd, ed) or majority_conflict(cd, ed)
    if moved is not None:
        return moved
    c_ents, e_ents = named(cd), named(ed)
    if not c_ents:
        return unsaid(cd, ed) or Finding("entities", "not_applicable")
    matched, missing = [], []
    for ce in c_ents:
        if any(_same_entity(ce.text, ee.text) for ee in e_ents) or \
                _says(ed.text, canon(ce.text)):
            matched.append(ce)
        else:
            missing.append(ce)
    for ce in missing:
        if _directed(conj_head(ce.root)) and _later(cd):
            continue  # "have since left Armenia for Russia": a later move
        for ee in e_ents:
            if any(_same_entity(ee.text, x.text) and (x.root.dep_ == ee.root.dep_ or x.root.dep_
                                                      in _MODIFIER) for x in c_ents):
                # the passage's entity fills the same kind of slot in the claim, or qualifies a
                # word there ("recognises Karabakh as Azerbaijani land" / "recognized as part of
                # Azerbaijan")
                continue
            if _owned_by_others(ce, ee):
                continue  # "Russia's Foreign Ministry" / "Azerbaijan's Defense Ministry"
            if _same_slot(ce, ee, strict=False) and anchored(cd, ed, 0.4) and not _denied(ce):
                return Finding("entities", "conflict", f"'{ce.text}' vs '{ee.text}'",
                               claim_span=ce.text, evidence_span=ee.text)
    paired = partner_conflict(cd, ed, c_ents, e_ents, missing) or \
        pair_conflict(cd, ed, c_ents, e_ents)
    if paired is not None:
        return paired
    # A claim entity the passage names elsewhere can still sit in another entity's slot:
    # "recognised as part of Armenia" against "part of Azerbaijan ... Armenian population".
    for ce in matched:
        # (a passage entity the claim also names elsewhere is a swap, left to the roles check)
        same = [ee for ee in e_ents if _same_slot(ce, ee, strict=True) and not any(
            _same_entity(ee.text, x.text) for x in c_ents if x is not ce)]
        # the claim's name in the same phrase ("officials in Moscow and Baku said", which the
        # small parser reads as "officials ... and Baku" said, for "Moscow said")
        # (or anywhere in the verb's argument that holds it: "Mirzoyan and the United States
        # Assistant Secretary of State for Europe and Eurasia James O'Brien issued", which the
        # small parser reads with "Eurasia" on "O'Brien", for "a US diplomat issued")
        same = [ee for ee in same if _same_entity(ce.text, ee.text) or not any(
            _same_entity(ce.text, x.text) for x in e_ents
            if x.root.i in {t.i for t in conj_head(ee.root).subtree}
            or x.root.i in {t.i for t in _argument_of(ee.root).subtree})]
        if same and not _denied(ce) and anchored(cd, ed, 0.4) and \
                not any(_same_entity(ce.text, ee.text) for ee in same):
            return Finding("entities", "conflict", f"'{ce.text}' vs '{same[0].text}'",
                           claim_span=ce.text, evidence_span=same[0].text)
    moved_owner = owner_moved(c_ents, e_ents) or unplaced(cd, ed) or unnamed_doer(cd, ed)
    if moved_owner is not None:
        return moved_owner
    voiced = unsaid(cd, ed)
    if voiced is not None:
        return voiced
    if missing:  # the passage cannot state the whole claim: it never names these
        names = ", ".join(dict.fromkeys(e.text for e in missing))
        return Finding("entities", "missing", names, claim_span=missing[0].text)
    if matched:
        return Finding("entities", "agree", ", ".join(e.text for e in matched))
    return Finding("entities", "not_applicable")
