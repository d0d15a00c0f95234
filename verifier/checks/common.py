"""Helpers shared by the checks: cached parsing, content lemmas, anchors, aliases."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

from verifier.calendar_words import MONTHS, WEEKDAYS
from verifier.nlp import get_nlp

STOP_POS = {"DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "PART", "PRON", "AUX", "SPACE", "NUM"}
# Capitals and common metonyms stand for their country when comparing who did what.
ALIASES = {
    "yerevan": "armenia", "armenian": "armenia", "baku": "azerbaijan", "azerbaijani": "azerbaijan",
    "azeri": "azerbaijan",
    "moscow": "russia", "kremlin": "russia", "russian": "russia", "washington": "united states",
    "u.s.": "united states", "us": "united states", "america": "united states",
    "american": "united states", "kyiv": "ukraine", "kiev": "ukraine", "ukrainian": "ukraine",
    "london": "united kingdom", "britain": "united kingdom", "british": "united kingdom",
    "uk": "united kingdom", "paris": "france", "french": "france", "berlin": "germany",
    "german": "germany", "beijing": "china", "chinese": "china", "tehran": "iran",
    "iranian": "iran", "ankara": "turkey", "turkish": "turkey", "tbilisi": "georgia",
    "brussels": "european union", "eu": "european union", "tokyo": "japan", "delhi": "india",
    "new delhi": "india", "jerusalem": "israel", "israeli": "israel", "damascus": "syria",
    "baghdad": "iraq", "cairo": "egypt", "rome": "italy", "madrid": "spain", "warsaw": "poland",
    "minsk": "belarus", "islamabad": "pakistan", "kabul": "afghanistan", "ottawa": "canada",
    "canberra": "australia", "pyongyang": "north korea", "seoul": "south korea",
    # the combining forms of "Russo-Armenian ties", "Sino-Russian trade"
    "russo": "russia", "sino": "china",
}
# one-word countries and capitals the small NER model may miss (adjectives such as "Armenian"
# are left to it): the countries of the alias table and its capitals
_ADJECTIVAL = {"armenian", "azerbaijani", "azeri", "russian", "american", "ukrainian", "british",
               "french", "german", "chinese", "iranian", "turkish", "israeli", "us", "eu", "uk",
               "russo", "sino"}
PLACES = ({w for w in set(ALIASES) | set(ALIASES.values()) if w.isalpha()} - _ADJECTIVAL) | {
    "karabakh", "nagorno-karabakh", "afghanistan", "pakistan", "japan", "iran", "iraq",
    "europe", "asia", "africa"}
# the countries of the alias table and the known places
# the countries the aliases name (no bare places such as Karabakh)
NATIONS = frozenset(ALIASES.values())
COUNTRIES = set(NATIONS) | {w for w in PLACES if w not in ALIASES}


_CACHED = 4096
_FULL: OrderedDict = OrderedDict()
_WORDS: OrderedDict = OrderedDict()


def _remember(memo: OrderedDict, text: str, doc):
    memo[text] = doc
    if len(memo) > _CACHED:
        memo.popitem(last=False)
    return doc


def parse(text: str):
    """spaCy's full parse of ``text``, cached (the last 4,096 texts)."""
    doc = _FULL.get(text)
    if doc is None:
        return _remember(_FULL, text, get_nlp()(text))
    _FULL.move_to_end(text)
    return doc


def parse_words(text: str):
    """The parse without named entities: words, tags, lemmas and the tree, for the rewording
    steps that read a claim's reworded forms and never their names
    (``verifier.paraphrase``); the full parse where one is cached. The entity recogniser is
    half of a short sentence's parse."""
    doc = _FULL.get(text) or _WORDS.get(text)
    if doc is not None:
        return doc
    nlp = get_nlp()
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name != "ner":
            doc = proc(doc)
    return _remember(_WORDS, text, doc)


R = TypeVar("R")


def per_doc(fn: Callable[..., R]) -> Callable[..., R]:
    """Keep what ``fn(doc, ...)`` found in the Doc's ``user_data``: a passage is read against
    every claim, and a claim against each of its passages, so each is read once. Other first
    arguments (a span, a list of tokens) are computed each time. Results must not be changed
    by callers (return tuples or frozensets)."""

    @wraps(fn)
    def wrapper(doc, *args, **kwargs):
        memo = getattr(doc, "user_data", None)
        if memo is None:
            return fn(doc, *args, **kwargs)
        key = (fn.__module__, fn.__qualname__, *args, *sorted(kwargs.items()))
        if key not in memo:
            memo[key] = fn(doc, *args, **kwargs)
        return memo[key]

    return wrapper


_CLEFT = re.compile(
    r"^\s*(?P<pre>(?:(?:Last|This|Next|In|On|At)\s+[\w ]{1,30}?),?\s+)?[Ii]t\s+(?:is|was|were)\s+"
    r"(?P<x>.+?)(?P<comma>,?)\s+(?:that|who)\s+(?P<rest>.+)$", re.S)


# "April was when the withdrawal ended", "Last September was when Baku took over", "June is the
# month when the pullout started"
_TIME_CLEFT = re.compile(
    r"^\s*(?P<t>(?:(?:last|this|next)\s+)?(?:(?:" + "|".join(MONTHS + WEEKDAYS) +
    r")\b[\w ,]*?|(?:18|19|20)\d\d))\s+(?:is|was)\s+(?:when|the\s+(?:month|year|day|week|date)\s+"
    r"(?:when|in\s+which|on\s+which))\s+(?P<rest>.+?)(?P<end>[.!?]?)\s*$",
    re.S | re.I)


# "Azerbaijan was the one giving villages to Armenia", "Baku is the side that returned them"
_ONE_CLEFT = re.compile(
    r"^\s*(?P<x>.+?)\s+(?P<be>is|was|were|are)\s+the\s+(?:one|ones|side|party|country)\s+"
    r"(?:(?:that|who)\s+)?(?P<rest>\w+.*)$", re.S)


def _one_cleft(text: str) -> str:
    m = _ONE_CLEFT.match(text)
    if not m:
        return text
    doc = parse(text)
    first = next((t for t in doc if t.idx >= m.start("rest")), None)
    subject = next((t for t in doc if t.idx >= m.start("x")), None)
    if first is None or subject is None or \
            subject.pos_ not in {"PROPN", "NOUN", "DET", "ADV", "ADJ"}:
        return text
    if first.tag_ in {"VBD", "VBZ", "VBP"}:  # "the one that gave": gave
        return f"{m['x']} {m['rest']}"
    if first.tag_ == "VBG":  # "the one giving": was giving
        return f"{m['x']} {m['be']} {m['rest']}"
    return text


def decleft(text: str) -> str:
    """'It was Baku that returned the villages' -> 'Baku returned the villages' (also after a
    time: 'Last month it was Baku that ...'; 'It was from the separatists that Baku took it'
    -> 'From the separatists, Baku took it'; and 'Baku was the one giving the villages back'
    -> 'Baku was giving the villages back'), so the checks see who did it in the subject's
    place; 'April was when the withdrawal ended' -> 'The withdrawal ended in April', so the
    date hangs on its deed; other sentences (including 'It was clear that ...') come back
    unchanged."""
    t = _TIME_CLEFT.match(text)
    if t:
        words = [w.strip(",").lower() for w in t["t"].split()]
        if words[0] in {"last", "this", "next"}:  # "last September": no preposition
            when = t["t"][:1].lower() + t["t"][1:]
        elif any(w in WEEKDAYS or (w.isdigit() and len(w) <= 2) for w in words):
            when = f"on {t['t']}"  # a day
        else:
            when = f"in {t['t']}"
        return f"{t['rest'][:1].upper()}{t['rest'][1:]} {when}{t['end']}"
    m = _CLEFT.match(text)
    if not m:
        return _one_cleft(text)
    doc = parse(text)  # the word after "It was" must start a noun phrase
    first = next((t for t in doc if t.idx >= m.start("x")), None)
    if first is not None and first.pos_ == "ADP" and first.dep_ != "prt":
        # "It was from Russian troops that Baku recaptured it" -> "From Russian troops, Baku
        # recaptured it" (fronted, so it hangs on the main verb, not on a clause at the end)
        x = f"{m['x'][:1].upper()}{m['x'][1:]}" if not m["pre"] else m["x"]
        return f"{m['pre'] or ''}{x}, {m['rest']}"
    # (an adjective opens a noun phrase when a noun follows it: "It was Armenian officials
    # who ...", not "It was clear that ...")
    nxt = doc[first.i + 1] if first is not None and first.i + 1 < len(doc) else None
    if first is None or (first.pos_ not in {"PROPN", "NOUN", "DET", "NUM", "PRON"} and not (
            first.pos_ == "ADJ" and nxt is not None and nxt.pos_ in {"NOUN", "PROPN"})):
        return text
    return f"{m['pre'] or ''}{m['x']}{m['comma']} {m['rest']}"


def demonym_plural(word: str) -> bool:
    """A lower-cased plural of a demonym in the alias table ("armenians"), which the small
    model keeps as its own lemma."""
    return word not in ALIASES and word.endswith("s") and word[:-1] in ALIASES


# "Western" names "the West" as "Armenian" names Armenia
_COMPASS = {"western": "west", "eastern": "east", "northern": "north", "southern": "south"}


def canon(text: str) -> str:
    t = text.lower().strip().removeprefix("the ").strip()
    if demonym_plural(t):
        t = t[:-1]  # "Armenians" is "Armenian", whose country the alias table gives
    return ALIASES.get(t) or _COMPASS.get(t, t)


@per_doc
def content_lemmas(doc) -> frozenset[str]:
    return frozenset(t.lemma_.lower() for t in doc if t.pos_ not in STOP_POS and not t.is_stop
                     and t.is_alpha)


def shared_start(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` share from their start ("portugal" / "portuguese": 6)."""
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def noun_of(verb: str, noun: str) -> bool:
    """``noun`` names the deed of ``verb`` ("withdrawal", "intervention", "completion";
    "pullout" of "pull_out"): they share all but the last two letters of the shorter, and at
    least five, spaces and hyphens aside."""
    verb, noun = verb.replace("_", "").replace("-", ""), noun.replace("-", "")
    n = shared_start(verb, noun)
    # the noun goes on as nouns of deeds do ("withdraw-al", "interven-tion", "depart-ure"), not
    # as another word that shares the start ("contin-gent" / "contin-ue")
    return n >= 5 and n >= min(len(verb), len(noun)) - 2 and noun[n:] in _DEED_ENDINGS


_DEED_ENDINGS = {"", "e", "s", "y", "al", "ion", "tion", "sion", "ation", "ition", "ure", "ment",
                 "ance", "ence", "ce", "se", "ing", "age", "ery"}


# giving a thing to another: "returned", "gave back", "handed over", "ceded"
GIVE = frozenset({"return", "hand", "give_back", "hand_back", "hand_over", "cede", "transfer"})
# Verbs that tell one deed in news, which WordNet's first senses do not tie ("have not left"
# against "completed their withdrawal").
_DEEDS = [
    # "the pullout", "the drawdown", "the removal of the troops", "began packing up"
    {"leave", "withdraw", "depart", "exit", "evacuate", "flee", "pull_out", "pull_back",
     "draw_down", "remove", "pack_up", "move_out", "clear_out", "ship_out", "fly_out",
     "quit", "decamp"},
    GIVE,  # "gave back"
    {"capture", "seize", "recapture", "retake", "conquer", "grab", "overrun", "take_over"},
    # taking back, not "capture": what one side captured, the other took back
    {"recapture", "retake", "take_back", "win_back"},
    {"station", "deploy", "base", "post", "park"},  # "2,000 peacekeepers parked in Karabakh"
    {"end", "finish", "complete", "conclude", "finalize", "finalise", "wrap_up"},
    {"sign", "conclude", "seal", "ink"},  # "a ceasefire concluded in November" / "signed"
    {"begin", "start", "commence", "kick_off", "launch"},  # WordNet's "kick off" is "inaugurate"
    {"criticize", "criticise", "condemn", "denounce", "slam", "blast", "bash", "trash",
     "lambast", "lambaste"},
    # "blamed Armenia for failing" / "accusing Moscow of failing"
    {"accuse", "blame", "fault", "reproach"},
    {"upgrade", "elevate", "promote"},  # "dialogue promoted to a commission" / "upgrade"
    # coming to terms: "Putin hammered out the exit with Aliyev" / "agreed between Putin and"
    {"agree", "hammer_out", "thrash_out", "hash_out", "work_out"},
    # setting off what follows ("a blitz that kicked off a refugee crisis")
    {"trigger", "spark", "set_off", "touch_off", "kick_off", "unleash"},
]


# Nouns that name one deed in news, which WordNet's first senses do not tie ("a lightning
# offensive" / "a swift assault").
_DEED_NOUNS = [
    {"offensive", "assault", "attack", "onslaught", "incursion", "blitz"},
    {"ceasefire", "truce", "armistice"},
    # nouns of leaving too short or too unlike their verbs for ``noun_of``
    {"exit", "withdrawal", "pullout", "pull-out", "departure", "drawdown", "removal"},
    {"war", "warfare", "fighting", "hostility"},  # "a round of fighting" / "two wars"
    # "large demonstrations" / "mass protests"; "no unrest", "no street mobilisation"
    {"protest", "demonstration", "rally", "march", "unrest", "mobilisation", "mobilization"},
    # "a joint statement", "their shared message"
    {"statement", "announcement", "declaration", "communique", "message"},
]


# Words for how fast a deed was done ("a lightning offensive", "a swift offensive"), which
# WordNet does not tie ("lightning" is only a noun there): one group says one speed.
FAST = frozenset({"lightning", "rapid", "swift", "quick", "fast", "speedy", "quickly",
                  "swiftly", "rapidly"})
# "a grinding campaign", "the push grinds on", "dragged on slowly"
SLOW = frozenset({"slow", "lengthy", "protracted", "gradual", "prolonged", "grinding", "grind",
                  "slog", "slowly", "gradually"})


def one_speed(a: str, b: str) -> bool:
    """Lemmas ``a`` and ``b`` say the same speed (both in ``FAST`` or both in ``SLOW``)."""
    return a != b and ((a in FAST and b in FAST) or (a in SLOW and b in SLOW))


def same_deed(a: str, b: str) -> bool:
    """Verb lemmas ``a`` and ``b`` tell the same deed: the same verb, WordNet synonyms among
    their first senses, or one of the groups above."""
    from verifier.lexicon import synonymous

    return a == b or synonymous(a, b, "v") or one_deed(a, b)


# verbs too light to tell a deed of their own ("had a mandate", "took place", "dates from 2020")
LIGHT = frozenset({"be", "have", "do", "take", "make", "get", "go", "come", "date"})


def tells(verb, doc) -> bool:
    """``doc`` tells ``verb``'s deed: the same verb, a verb of the same deed (not a light
    verb: "had a mandate" tells no "meeting held") or a noun for it (:func:`same_deed`,
    :func:`deed_noun`)."""
    lemma = phrasal(verb)
    for t in doc:
        w = t.lemma_.lower()
        if w == lemma or (t.pos_ == "VERB" and w not in LIGHT and same_deed(lemma, w)) or \
                (t.pos_ == "NOUN" and deed_noun(lemma, w)):
            return True
    return False


def one_deed(a: str, b: str) -> bool:
    """Verb lemmas ``a`` and ``b`` are in one of the groups above."""
    return any(a in g and b in g for g in _DEEDS)


# phrasal verbs of news that WordNet lacks
_PHRASALS = {"scale_back", "wind_down", "draw_down", "move_away", "pack_up", "fly_out"}


# Nouns news uses for the same armed people, which WordNet's synonyms do not tie ("a troop" is a
# unit there, "a peacekeeper" a kind of soldier); what a country pulls out when it pulls out
# ("pulled its troops out of Karabakh")
ARMED = frozenset({"troop", "soldier", "peacekeeper", "serviceman", "servicemen",
                   "personnel", "servicemember", "force", "contingent", "garrison"})


def phrasal(verb) -> str:
    """The verb's lemma with its particle where WordNet (or ``_PHRASALS``) knows the pair:
    "left ... behind" is "leave_behind", another deed than "leave"; "took over" is
    "take_over"; "pulled out of the country" and "pulled its troops out of the country" are
    "pull_out" (the parser calls that "out" a preposition; not "pulled weapons out of the
    region"); "scaled back" is "scale_back"."""
    from verifier.lexicon import senses

    lemma = verb.lemma_.lower()
    doc = verb.doc
    for c in verb.children:
        out_of = c.dep_ == "prep" and c.lower_ == "out" and c.i + 1 < len(doc) \
            and doc[c.i + 1].lower_ == "of" and (c.i == verb.i + 1 or any(
                o.dep_ == "dobj" and o.lemma_.lower() in ARMED and o.i < c.i
                for o in verb.children))
        if ((c.dep_ in {"prt", "advmod"} and c.is_alpha) or out_of) \
                and (senses(f"{lemma}_{c.lower_}", "v", 1) or f"{lemma}_{c.lower_}" in _PHRASALS):
            return f"{lemma}_{c.lower_}"
    return "capture" if lemma == "take" and _taken_ground(verb) else lemma


# what is captured when it is taken ("took the villages", "took control of the enclave")
_GROUND = frozenset({"village", "town", "city", "region", "territory", "enclave", "land", "area",
                    "district", "province", "settlement", "capital", "stronghold", "control"})


def _ground(noun) -> bool:
    # a known place counts without the entity recogniser (``parse_words``)
    return noun.lemma_.lower() in _GROUND or noun.ent_type_ in {"GPE", "LOC"} or \
        (noun.pos_ == "PROPN" and noun.lower_ in PLACES)


def _taken_ground(verb) -> bool:
    """"took" tells a capture: its object, or the noun its relative clause describes ("the
    villages it had taken"), is land or a place."""
    objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}
            and c.lower_ not in {"that", "which"}]
    if not objs and verb.dep_ == "relcl":
        noun = described_noun(verb)
        if noun.lemma_.lower() == "one" and noun.dep_ == "attr":  # "were ones it had taken"
            noun = next((c for c in noun.head.children if c.dep_ == "nsubj"), noun)
        objs = [noun]
    return any(_ground(o) for o in objs)


def fell_to(verb) -> bool:
    """"fell to Armenia", "fell into Armenian hands": the subject was captured (by the
    object)."""
    return verb.lemma_.lower() == "fall" and any(
        c.dep_ == "prep" and (c.lower_ == "to" or (c.lower_ == "into" and any(
            o.lemma_.lower() == "hand" for o in c.children)))
        for c in verb.children) and any(
        c.dep_ == "nsubj" and _ground(c) for c in verb.children)


@lru_cache(maxsize=65536)
def deed_noun(verb: str, noun: str) -> bool:
    """``noun`` names the deed of ``verb`` or of a verb of its group ("leave" /
    "withdrawal")."""
    return any(noun_of(v, noun) for v in {verb}.union(*(g for g in _DEEDS if verb in g)))


@lru_cache(maxsize=4096)
def deed_verb(noun: str) -> str | None:
    """The verb of a group above whose deed ``noun`` names ("handover": hand_over,
    "withdrawal": withdraw), or None."""
    return next((v for g in _DEEDS for v in sorted(g) if noun_of(v, noun)), None)


@lru_cache(maxsize=65536)
def one_deed_noun(a: str, b: str) -> bool:
    """Noun lemmas ``a`` and ``b`` name one deed: the same noun, WordNet synonyms among their
    first senses, nouns of one group above or nouns of verbs of one group above ("departure" /
    "withdrawal")."""
    from verifier.lexicon import synonymous

    return a == b or synonymous(a, b, "n") or any(a in g and b in g for g in _DEED_NOUNS) or any(
        any(noun_of(v, a) for v in g) and any(noun_of(v, b) for v in g) for g in _DEEDS)


def anchored(claim_doc, ev_doc, min_share: float = 0.5, skip=()) -> bool:
    """Claim and evidence speak about the same thing: most claim content words recur, as
    themselves, as another name of the same country or as a synonym ("Moscow and Yerevan" /
    "Russia and Armenia"; "relations" / "ties"; ``paraphrase.said_otherwise``). ``skip``: claim
    tokens left out (the words a check compares on its own)."""
    from verifier.paraphrase import said_otherwise

    c = content_lemmas(claim_doc) if not skip else content_lemmas(
        [t for t in claim_doc if t not in skip])
    if not c:
        return False
    e = content_lemmas(ev_doc) | {canon(x) for x in content_lemmas(ev_doc)}
    shared = {w for w in c if w in e or canon(w) in e}
    if len(shared) / len(c) < min_share:
        shared |= c & said_otherwise(claim_doc.text, ev_doc.text)
    return len(shared) / len(c) >= min_share


# verbs that only say a deed was done, its noun telling which ("no intervention was
# undertaken", "the handover was made by Baku")
DOING = frozenset({"undertake", "carry_out", "conduct", "perform", "stage", "mount", "make"})


def objects_of(tok, prep: str = "of") -> list:
    """The objects of ``tok``'s ``prep`` phrases ("the withdrawal of the troops": troops)."""
    return [g for p in tok.children if p.dep_ == "prep" and p.lower_ == prep
            for g in p.children if g.dep_ == "pobj"]


def argument_heads(verb, preps: bool = True) -> list:
    """The tokens a verb is told of: its subject and object, the objects of its "by" phrase
    and (with ``preps``) of its other prepositions, and the noun a relative clause hangs on
    ("The withdrawal, which began ...")."""
    heads = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    heads += [g for p in verb.children if p.dep_ == "agent" or (preps and p.dep_ == "prep")
              for g in p.children if g.dep_ == "pobj"]
    if verb.dep_ in {"relcl", "acl"}:
        heads.append(verb.head)
        noun = described_noun(verb)
        if noun is not verb.head:
            heads.append(noun)
    return heads


def described_noun(verb):
    """The noun a relative clause or participle describes: its head, or, where the small
    parser hangs the participle on the last name of a phrase, the noun the names qualify ("a
    ceasefire agreement between Yerevan and Baku, signed in 2020": agreement)."""
    noun = verb.head
    while noun.pos_ == "PROPN" and noun.dep_ in {"pobj", "conj"} and \
            noun.head.pos_ in {"ADP", "PROPN"}:
        up = noun.head if noun.head.pos_ == "PROPN" else noun.head.head
        if up.pos_ not in {"NOUN", "PROPN"}:
            break
        noun = up
    return noun


def conj_head(tok):
    """The first of coordinated words ("Azerbaijan and Armenia fought": Azerbaijan), whose
    relation the others share."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def infinitive(verb) -> bool:
    """The verb has its "to" ("a mandate to remain", "due to leave")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# "at no point did they intervene", "in no way", "under no circumstances"
_NO_OCCASION = {"point", "time", "stage", "moment", "way", "circumstance", "case"}


def has_negation(verb) -> bool:
    """"not"/"n't" or "never" on the verb itself, or a "no" occasion before it ("At no point
    did the force intervene")."""
    return any(c.dep_ == "neg" or c.lower_ == "never" or (
        c.dep_ == "prep" and c.i < verb.i and any(
            o.dep_ == "pobj" and o.lemma_.lower() in _NO_OCCASION
            and any(d.dep_ == "det" and d.lower_ == "no" for d in o.children)
            for o in c.children)) for c in verb.children)


NEG_VERBS = {"fail", "refuse", "decline"}  # "failed to intervene" negates "intervene"
# "held back from intervening", "refrained from intervening"
HOLD_OFF = {"refrain", "abstain", "hold_back", "hold_off", "desist", "shy_away", "keep_off"}


def denied(verb) -> bool:
    """The verb is denied: "not"/"never" on it, "without"/"rather than"/"instead of" before it
    ("stood aside rather than intervening"), or it is what "failed"/"refused" to happen or
    what was held back from ("refrained from intervening")."""
    neg = has_negation(verb)
    left = [x.lower_ for x in verb.doc[max(0, verb.i - 2): verb.i]]
    if left[-1:] == ["without"] or left == ["rather", "than"] or left == ["instead", "of"]:
        # not where the deed it is set against is the same one done another way ("flew out
        # rather than leaving overland" leaves)
        main = governing_verb(verb.head.head) if verb.head.i != verb.i else verb
        neg = main is verb or not (main.pos_ == "VERB" and same_deed(phrasal(main),
                                                                     phrasal(verb)))
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NEG_VERBS:
        neg = not neg
    elif verb.dep_ == "pcomp" and verb.head.lower_ == "from":
        held = verb.head.head  # "held back from intervening": the parser may hang it on "back"
        if held.pos_ == "ADV":
            held = held.head
        if phrasal(held) in HOLD_OFF:
            neg = not neg
    return neg


def governing_verb(tok):
    t = tok
    for _ in range(6):
        if t.pos_ in {"VERB", "AUX"} or t.dep_ == "ROOT":
            return t
        if t.head.i == t.i:
            break
        t = t.head
    return t


def contrasted(tok) -> bool:
    """The date or figure is the other side of a contrast, which the claim denies: ", not (in)
    the 1990s", "two wars, not one", "rather than in April", "instead of June"."""
    i = tok.i - 1
    while i >= 0 and tok.doc[i].pos_ in {"ADP", "DET"} and tok.doc[i].lower_ not in {"than", "of"}:
        i -= 1
    words = [t.lower_ for t in tok.doc[max(0, i - 1): i + 1]]
    return words == [",", "not"] or words in (["rather", "than"], ["instead", "of"])
