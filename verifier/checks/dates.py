"""Dates: years, decades, months, days, weekdays and weekends, including ranges ("from 1988 to
1994").

A conflict needs the same event: the claim and the passage share most content words (or the
date attaches to the same verb), the passage dates it, and no date of the passage matches.
"Last September" and "last year" carry no absolute year, so only their month is compared.
A claim's year, month or day that the passage never gives is reported as ``missing``: that
passage cannot state the whole claim (and, where another passage contradicts the claim, the
decision rule's tie-break knows this one is about something else). A date the passage gives
to another deed is ``misplaced``: told in a relative clause on the claim deed's argument, or
done by other actors while the passage never tells the claim's deed ("Ilham Aliyev visited
Moscow in April" against "The withdrawal, which began in April, ..."). Such a passage cannot
confirm the date.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from verifier.calendar_words import DAY_ORDINALS
from verifier.checks.antonyms import OPPOSITE, OTHER_STAGE, STAGES
from verifier.checks.common import (
    LIGHT,
    MONTHS,
    WEEKDAYS,
    anchored,
    argument_heads,
    canon,
    content_lemmas,
    contrasted,
    deed_noun,
    deed_verb,
    described_noun,
    fell_to,
    governing_verb,
    infinitive,
    noun_of,
    objects_of,
    one_deed,
    one_deed_noun,
    parse,
    per_doc,
    phrasal,
    same_deed,
    tells,
)
from verifier.checks.numbers import WORDS, is_year, quantities, short_year
from verifier.lexicon import synonymous
from verifier.types import Finding

# nouns a date may be said to be, with a clause telling what happened then ("March was the
# month the pullout started")
_TIME_NOUNS = {"month", "day", "year", "date", "week", "time", "weekday"}
# verbs that name a date as what a time was ("gave June 21 as the date the pullout ended")
_NAMING = {"give", "name", "cite", "set", "put", "announce", "report", "state", "list", "log",
           "record", "register"}


def _clause_dated(tok):
    """The verb of the clause a date is said to be the time of: "March was the month the
    pullout started", "The month the pullout began was March", "April is when the pullout
    began", "gave June 21 as the date the pullout ended" (started, began, began, ended); else
    None. The date itself is no adjunct of that verb, so the parse hangs it elsewhere."""
    while tok.dep_ in {"nummod", "compound", "appos"} and tok.head.i != tok.i:
        tok = tok.head  # "April 2024": April
    head = tok.head
    if head.lemma_.lower() == "be" and tok.dep_ in {"nsubj", "attr"}:
        for c in head.children:
            if c.i == tok.i:
                continue
            if c.dep_ in {"nsubj", "attr"} and c.lemma_.lower() in _TIME_NOUNS:
                return next((g for g in c.children if g.dep_ == "relcl"), None)
            if c.dep_ == "advcl" and any(g.lower_ == "when" for g in c.children):
                return c
        return None
    if tok.dep_ in {"dobj", "npadvmod"} and head.lemma_.lower() in _NAMING:
        nouns = [g for p in head.children if p.dep_ == "prep" and p.lower_ == "as"
                 for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in _TIME_NOUNS]
        return next((g for n in nouns for g in n.children if g.dep_ == "relcl"), None)
    return None


def date_verb(tok):
    """The verb a date token dates: the clause it is said to be the time of
    (:func:`_clause_dated`), else the verb it hangs on (``common.governing_verb``)."""
    return _clause_dated(tok) or governing_verb(tok)


# Kinds that name a point in the calendar: a claim's year, month or day the passage never gives
# is ``missing`` (weekdays and "last month" are too vague to require).
_ABSOLUTE = ("day", "year", "month")
# Relative expressions as the set of calendar-year offsets they can mean ("last month" may be
# December of last year); compared only with other relative expressions.
_REL_UNITS = {"year": 1, "years": 1, "month": 0, "months": 0, "week": 0, "weeks": 0,
              "decade": 10, "decades": 10}


_DAY_RE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")


def _day_number(tok) -> int | None:
    """1 to 31 from "12", "12th", "twelfth" or "twenty-first"."""
    m = _DAY_RE.fullmatch(tok.lower_)
    n = int(m.group(1)) if m else DAY_ORDINALS.get(tok.lower_)
    doc = tok.doc
    if not m and n is not None and n < 10 and tok.i >= 2 and doc[tok.i - 1].text == "-":
        n += {"twenty": 20, "thirty": 30}.get(doc[tok.i - 2].lower_, 0)
    return n if n is not None and 1 <= n <= 31 else None


def _day(toks, i: int) -> tuple[int, str, int] | None:
    """(day, text, index of its first token) of the month at ``toks[i]``: "June 12", "June
    12th", "12 June", "the 12th of June", "the twelfth of June"."""
    month = toks[i]
    if i + 1 < len(toks) and _DAY_RE.fullmatch(toks[i + 1].lower_) and \
            _day_number(toks[i + 1]) is not None:
        return _day_number(toks[i + 1]), f"{month.text} {toks[i + 1].text}", i
    if i >= 1 and _DAY_RE.fullmatch(toks[i - 1].lower_) and _day_number(toks[i - 1]):
        return _day_number(toks[i - 1]), f"{toks[i - 1].text} {month.text}", i - 1
    day = _day_number(toks[i - 2]) if i >= 2 and toks[i - 1].lower_ == "of" else None
    if day is not None:
        start = i - 4 if i >= 4 and toks[i - 3].text == "-" and day > 20 else i - 2
        return day, month.doc[start:i + 1].text, start  # from "twenty" in "twenty-first"
    return None


def _day_span(toks, i: int) -> tuple[tuple[int, int], str] | None:
    """The days of the year (month * 32 + day) a day of the month at ``toks[i]`` can be, and
    its text: one day, or every later or earlier day after "after" / "before" ("born before
    15 January")."""
    day = _day(toks, i)
    if day is None:
        return None
    n, text, start = day
    v = MONTHS.index(toks[i].lower_) * 32 + n
    j = start - 1 if start >= 1 and toks[start - 1].lower_ != "the" else start - 2
    prev = toks[j].lower_ if j >= 0 else ""
    if prev in {"after", "before"}:
        return ((v + 1, 9999) if prev == "after" else (0, v - 1)), f"{toks[j].text} {text}"
    return (v, v), text


# a season as its months (the northern seasons news writes of)
_SEASONS = {"spring": frozenset({2, 3, 4}), "summer": frozenset({5, 6, 7}),
            "autumn": frozenset({8, 9, 10}), "fall": frozenset({8, 9, 10}),
            "winter": frozenset({11, 0, 1})}
_SEASONS |= {f"{season}time": months for season, months in _SEASONS.items()
             if season in {"spring", "summer", "winter"}}  # "in the springtime"


# a span of years written as one token ("1988-94" with an en dash, "1988-1994")
_JOINED_SPAN = re.compile(r"((?:18|19|20)\d\d)[-–]((?:18|19|20)?\d\d)")


# the words before a season that make it a date: a determiner ("in the spring", "last
# summer") or, for a past deed or beside a year, a preposition alone ("began in spring")
_SEASON_DETERMINERS = frozenset({"the", "last", "this", "next", "early", "late", "mid"})
_SEASON_PREPOSITIONS = frozenset({"in", "during", "by", "since", "until", "through"})


def _past_season(tok) -> bool:
    """A season word without a determiner dates a past deed ("began in spring", "during
    springtime of the preceding year") or comes with a year ("by spring 2023"); not "fall"
    before "of" or "from" ("in fall of the regime")."""
    if tok.lower_ == "fall" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in \
            {"of", "from"}:
        return False
    if tok.i + 1 < len(tok.doc) and re.fullmatch(r"(18|19|20)\d\d", tok.doc[tok.i + 1].text):
        return True
    verb = date_verb(tok)  # past: "began", "had begun", "was completed"; not "is found"
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children))


@per_doc
def date_items(doc) -> dict[str, tuple[tuple[object, str, object], ...]]:
    """{'year': ((value_range, text, token), ...), 'month': ..., 'day': ..., 'weekday': ...,
    'span': (((first, last), "from 1988 to 1994", token), ...)} (read once per doc: a passage is
    compared with every claim)"""
    out: dict[str, list] = {"year": [], "month": [], "day": [], "weekday": [], "rel": [],
                            "span": []}
    toks = list(doc)
    for i, t in enumerate(toks):
        low = t.lower_
        nxt = toks[i + 1].lower_ if i + 1 < len(toks) else ""
        if low in {"last", "this", "next", "past"} and nxt in {"year", "month", "week"} | \
                set(MONTHS) and t.dep_ != "advmod":
            if nxt == "year":
                off = {"last": {-1}, "past": {-1}, "this": {0}, "next": {1}}[low]
            else:
                off = {"last": {0, -1}, "past": {0, -1}, "this": {0}, "next": {0, 1}}[low]
            out["rel"].append((frozenset(off), f"{t.text} {toks[i + 1].text}", toks[i + 1]))
        elif low in {"ago", "back"} and i >= 2 and toks[i - 1].lower_ in _REL_UNITS:
            # "two years ago", "two years back"
            n_tok = toks[i - 2]
            n = WORDS.get(n_tok.lower_) if not n_tok.text.isdigit() else int(n_tok.text)
            if n_tok.lower_ in {"a", "an"}:
                n = 1
            if n is not None:
                unit = _REL_UNITS[toks[i - 1].lower_]
                off = {-int(n * unit)} if unit else {0, -1} if n < 12 else {-(n // 12)}
                out["rel"].append((frozenset(off), doc[i - 2: i + 1].text, t))
        closing = short_year(t)  # "1988-94"
        joined = _JOINED_SPAN.fullmatch(t.text)  # the same as one token
        if closing is not None:
            out["year"].append(((closing, closing), t.text, t))
            out["span"].append(((int(toks[i - 2].text), closing), doc[i - 2:i + 1].text, t))
        elif joined:
            first, last = int(joined[1]), int(joined[2])
            if last < 100:
                last += first - first % 100 + (100 if last <= first % 100 else 0)
            if first < last:
                out["year"] += [((first, first), t.text, t), ((last, last), t.text, t)]
                out["span"].append(((first, last), t.text, t))
        elif re.fullmatch(r"(18|19|20)\d\d", t.text) and is_year(t):
            y = int(t.text)
            prev = toks[i - 1].lower_ if i else ""
            # "released after 2000": any later year; "before 2000": any earlier one
            span = {"after": (y + 1, 9999), "before": (0, y - 1)}.get(prev, (y, y))
            text = f"{toks[i - 1].text} {t.text}" if prev in {"after", "before"} else t.text
            out["year"].append((span, text, t))
            # "from 1988 to 1994", "between 1988 and 1994", "1988-1994": the years between too
            # ("1988 through 1994", "1988 to 1994" alone too; "and" only after "between")
            if i >= 2 and toks[i - 1].lower_ in {"to", "and", "-", "–", "until", "through"} \
                    and re.fullmatch(r"(18|19|20)\d\d", toks[i - 2].text) \
                    and int(toks[i - 2].text) < y and (toks[i - 1].lower_ != "and" or (
                        i >= 3 and toks[i - 3].lower_ in {"from", "between"})):
                out["span"].append(((int(toks[i - 2].text), y), doc[i - 2:i + 1].text, t))
        elif re.fullmatch(r"(18|19|20)\d0s", t.text):
            y = int(t.text[:4])
            out["year"].append(((y, y + 9), t.text, t))
        elif low in MONTHS and (t.text[0].isupper()) and not (low == "may" and t.pos_ == "AUX"):
            out["month"].append((frozenset({MONTHS.index(low)}), t.text, t))
            day = _day_span(toks, i)
            if day is not None:
                out["day"].append((day[0], day[1], t))
        elif low in _SEASONS and t.pos_ in {"NOUN", "PROPN"} and i and (
                toks[i - 1].lower_ in _SEASON_DETERMINERS
                or (toks[i - 1].lower_ in _SEASON_PREPOSITIONS and _past_season(t))):
            # "began in the spring", "began during springtime", "by spring 2023": March to
            # May (a season with no determiner only for a past deed: "warming occurs during
            # winter" tells a season of every year)
            out["month"].append((_SEASONS[low], t.text, t))
        elif low in WEEKDAYS:  # weekdays as sets of days: "the weekend" is two
            out["weekday"].append((frozenset({WEEKDAYS.index(low)}), t.text, t))
        elif low == "weekend":
            out["weekday"].append((frozenset({5, 6}), t.text, t))
        elif low in {"midweek", "mid-week"}:  # Tuesday to Thursday
            out["weekday"].append((frozenset({1, 2, 3}), t.text, t))
    return {kind: tuple(items) for kind, items in out.items()}


def _described(tok) -> frozenset[str]:
    """The noun a date's clause describes and the nouns naming it ("a mandate to remain until
    2025": mandate; "a ceasefire agreement ..., signed in 2020": agreement, ceasefire), or
    those naming the thing whose date the date is ("The ceasefire accord date was November
    2021": ceasefire, accord)."""
    verb = date_verb(tok)
    if verb.lemma_ == "be" and tok.dep_ in {"attr", "npadvmod", "pobj", "nummod", "appos"}:
        # "The ceasefire accord date was November 2021": the accord's date
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"),
                       None)
        if subject is not None and subject.lemma_.lower() in _DATE_NOUNS:
            return frozenset(c.lemma_.lower() for c in subject.children
                             if c.dep_ in {"compound", "amod"} and c.pos_ in {"NOUN", "ADJ"})
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        noun = described_noun(verb)  # past names the parser hangs it on
        return frozenset({noun.lemma_.lower()} | {c.lemma_.lower() for c in noun.children
                                                   if c.dep_ == "compound"})
    return frozenset()


# words of date expressions themselves ("next year" / "last year"), never a shared topic
_DATE_WORDS = {"year", "month", "week", "day", "decade", "century", *MONTHS, *WEEKDAYS}


def _context(tok) -> set[str]:
    """Content lemmas of the clause the date belongs to, other than date words and places (in
    an article about two countries, every clause names one: "brokered the November 2020
    truce between Armenia and Azerbaijan" and "the withdrawal ... from Azerbaijan was
    completed on June 12" share no deed)."""
    verb = date_verb(tok)
    names = {t.lemma_.lower() for t in verb.subtree if t.ent_type_ in {"GPE", "LOC"}}
    return (content_lemmas(verb.subtree) | {verb.lemma_.lower()}) - _DATE_WORDS - names


def _shared_context(tok, ev_toks) -> bool:
    c = _context(tok)
    return any(len(c & _context(e)) >= 1 for e in ev_toks)


_STAGE_WORDS = {w for pair in STAGES for w in pair}
# verbs that give a thing its date ("put the end of the pullout on June 21")
_DATING = {"put", "date", "place", "set", "fix"}
_NO_DEED = LIGHT | _DATING  # verbs whose date is no deed of their own
_CORE = {"nsubj", "nsubjpass", "dobj"}


def _beside(dated, verb) -> bool:
    """``dated`` is another deed told in a relative clause on one of ``verb``'s arguments
    ("The withdrawal, which began in April, had been agreed"). Not a coordinated verb, which
    may share the date ("scored a hat-trick and gave an assist on December 3"), a reported
    clause ("completed on June 12, the ministry said") nor a circumstance ("stationed in
    accordance with an agreement signed in 2020"): their date may be the claim's deed's too."""
    return dated.dep_ in {"relcl", "acl"} and dated.head.dep_ in _CORE and \
        dated.head.head == verb


def _dated_verb(tok):
    """The verb a date is an adjunct of ("began in April", "agreed on June 12", "left last
    September", and the clause a date is said to be the time of, :func:`_clause_dated`), or
    None where the date describes something else ("Hush (2016 film)")."""
    clause = _clause_dated(tok)
    if clause is not None:
        return clause
    head = tok.head
    if head.pos_ == "ADP" and tok.dep_ == "pobj":
        head = head.head
    elif tok.dep_ not in {"npadvmod", "tmod"}:
        return None
    # a "be" of a state that tells a deed done ("were out by June 12") dates that deed
    return head if head.pos_ == "VERB" or (head.lemma_ == "be" and _state(head)) else None


def _other_stage(tok, ev_toks) -> bool:
    """The passage gives the claim's date only to another stage of a deed: "started leaving
    in June" against "the withdrawal ... was completed on June 12"."""
    mine = _stages(tok)
    return all(any(OTHER_STAGE.get(v, set()) & _stages(t) for v in mine) for t in ev_toks)


def _declares(verb, ev_toks) -> bool:
    """The claim dates saying a deed done, and the passage dates that deed: "On June 12 the
    ministry declared the exit finished" / "was completed on June 12, the ministry said" (the
    date of the deed it declares)."""
    return verb.lemma_.lower() in _MADE_KNOWN | _PUT_OUT and any(
        c.dep_ == "ccomp" and same_deed(c.lemma_.lower(), date_verb(t).lemma_.lower())
        for c in verb.children for t in ev_toks)


def _misplaced(tok, ev_toks, ed) -> bool:
    """The passage gives the claim's date to another deed and tells the claim's deed beside it
    without one (or with another): "Putin and Aliyev agreed on the withdrawal in April" against "The
    withdrawal, which began in April, had been agreed between Putin and Aliyev"."""
    # the claim's date may hang on the verb's object ("agreed on the withdrawal in April")
    if tok.dep_ not in {"pobj", "npadvmod", "tmod"}:
        return False
    verb = date_verb(tok)
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma in _NO_DEED:
        return False
    if lemma in {date_verb(t).lemma_.lower() for t in ev_toks}:
        return False  # the passage dates the claim's own deed
    if _declares(verb, ev_toks):
        return False
    other_deeds = [d for d in map(_dated_verb, ev_toks) if d is not None]
    told = [t for t in ed if t.pos_ == "VERB" and (t.lemma_.lower() == lemma
                                                   or one_deed(t.lemma_.lower(), lemma))]
    if any(_beside(d, t) for d in other_deeds for t in told):
        return True
    # or told with a date of its own in a relative clause on the dated deed's argument: "Last
    # month, Yerevan seized the villages" against "Last month, Yerevan returned ... villages
    # that it had captured in the 1990s"
    own = {date_verb(x).i for items in date_items(ed).values() for _, _, x in items}
    return any(t.dep_ in {"relcl", "acl"} and t.i in own and governing_verb(t.head) == d
               for d in other_deeds for t in told)


def _arguments(verb, preps: bool = True) -> set[str]:
    """Lemmas and country names of what a verb is told of: its subject, object and (with
    ``preps``) prepositional objects, and the noun a relative clause hangs on ("The
    withdrawal, which began ...")."""
    heads = argument_heads(verb, preps)
    heads += [c for h in heads for c in h.children if c.dep_ == "conj"]
    # "the process of the full withdrawal ... was completed": what the process is of
    heads += [g for h in heads for g in objects_of(h)]
    # "Paramore is a band ..., disbanded in 2004": the band is Paramore
    heads += [c for h in heads if h.dep_ == "attr" for c in h.head.children
              if c.dep_ in {"nsubj", "nsubjpass"}]
    return {w for h in heads for w in (h.lemma_.lower(), canon(h.text))}


def _elsewhere(tok, ev_toks, ed) -> bool:
    """The passage gives the claim's date to another deed of other actors and never tells the
    claim's deed: "Ilham Aliyev visited Moscow in April" against "The withdrawal, which began
    in April, had been agreed between Putin and Aliyev"."""
    verb = _dated_verb(tok)  # only a date of the claim's deed ("visited Moscow in April")
    if verb is None or verb.lemma_.lower() in _NO_DEED or tells(verb, ed) or \
            _declares(verb, ev_toks):
        return False
    # whose deed the claim's is: its subject, or the noun a participle describes ("a meeting
    # held in Moscow in April")
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) and not (
            verb.dep_ == "acl" and verb.head.pos_ == "NOUN"):
        return False
    mine = _arguments(verb, preps=False) - _DATE_WORDS - _TIME_NOUNS  # not "the month ..."
    for t in ev_toks:
        dated = _dated_verb(t)
        theirs = _arguments(dated) if dated is not None else set()
        if dated is None or mine & theirs or _described(tok) & _described(t) or any(
                one_deed_noun(a, b) for a in mine for b in theirs if a.isalpha() and b.isalpha()):
            return False  # the date describes a thing, or a deed of the claim's actor or thing
        subjects = [c for c in dated.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if (dated.dep_ not in {"relcl", "acl"} and not subjects) or \
                any(c.pos_ == "PRON" and c.tag_ != "WDT" for c in subjects):
            return False  # whose deed it is, the passage or its parse does not say
    return True


def _doers(verb) -> set[str]:
    """What a dated verb is told of (:func:`_arguments` without prepositional objects),
    pronouns left out: empty where the parse does not say."""
    pronouns = {t.lemma_.lower() for t in verb.doc if t.pos_ == "PRON"}
    # "Her third album, Glassheart, was released": the album is Glassheart
    names = {c.lemma_.lower() for h in verb.children if h.dep_ in _CORE
             for c in h.children if c.dep_ == "appos"}
    return (_arguments(verb, preps=False) | names) - pronouns - _DATE_WORDS


def _other_event(tok, ev_tok, cd) -> bool:
    """The same verb told of other things: "Russia's war in Ukraine began in February"
    against "... Moscow's war in Ukraine is putting pressure ... The withdrawal, which began in
    April" is another beginning. Both verbs must name what they are told of, the passage must
    name the claim's subject elsewhere (a passage about "the withdrawal" alone may be telling of
    the claim's "pullout"), and the claim must nowhere name the passage's thing, a noun of the
    same deed ("pullout" / "withdrawal") nor its verb ("withdraw" / "withdrawal")."""
    verb, ev_verb = date_verb(tok), date_verb(ev_tok)
    if "acl" in {verb.dep_, ev_verb.dep_}:
        return False  # a reduced relative clause: the small parser often hangs it on a name
    mine, theirs = _doers(verb), _doers(ev_verb)
    if not mine or not theirs or mine & theirs:
        return False
    subjects = {c.lemma_.lower() for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}}
    if not subjects & {t.lemma_.lower() for t in ev_tok.doc}:
        return False
    if subjects & _arguments(ev_verb):
        return False  # "the offensive happened" / "took over the territory in an offensive"
    words = {t.lemma_.lower(): t.pos_ for t in cd if t.is_alpha and not t.is_stop}
    return not any(w == x or (pos == "NOUN" and one_deed_noun(w, x))
                   or (pos == "VERB" and noun_of(w, x))
                   for x in theirs for w, pos in words.items())


# a deed's first or last doers, as a group: "the first units", "the last convoy" (not "the
# first war", which is which war)
_BATCHES = {"convoy", "batch", "wave", "column", "group", "contingent", "unit"}
_ORDINAL_STAGES = {"first": "start", "earliest": "start", "initial": "start", "last": "end",
                   "final": "end"}


def _started(verb) -> bool:
    """Idioms of starting: "got under way", "got going", "kicked off"."""
    lemma = verb.lemma_.lower()
    if lemma == "go":
        return any(c.dep_ == "aux" and c.lemma_.lower() == "get" for c in verb.children)
    if lemma == "kick":
        return any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    return lemma == "get" and any(
        c.lower_ == "underway" or (c.lower_ == "under" and any(g.lower_ == "way" for g in
                                                              c.children))
        for c in verb.children)


# the nouns of a stage a verb of dating may date
_STAGE_NOUNS = {"end": "end", "completion": "end", "conclusion": "end", "finish": "end",
                "expiry": "end", "expiration": "end",
                "start": "start", "beginning": "start", "onset": "start", "outset": "start"}


# verbs whose subject is a date and whose object the stage it dates ("March saw the start")
_MARKING = {"mark", "see", "witness"}
_DATE_NOUNS = {"date", "day", "deadline", "month", "weekday", "year"}


def _stage_nouns(tok) -> list:
    """The nouns of a stage a date is given to: by a verb of dating ("put the end of the
    pullout on June 21"), as the subject of a verb that marks it ("March marked the beginning
    of the departure"), or as what the date is ("the date given for the completion of the
    pullout was 21 June", "the completion came on 21 June", "a 2030 end date")."""
    verb = date_verb(tok)
    lemma = verb.lemma_.lower()
    # the small parser often reads a subject date as a modifier: "March/npadvmod saw the start"
    subject = tok.dep_ == "nsubj" or (tok.dep_ == "npadvmod" and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children))
    if lemma in _DATING or (lemma in _MARKING and subject):
        nouns = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    elif lemma in {"be", "come", "fall"}:
        nouns = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    else:
        nouns = []
    if tok.head.lemma_.lower() in _DATE_NOUNS:
        nouns.append(tok.head)  # "a 2030 end date"
    if tok.dep_ in {"appos", "npadvmod", "nummod"} and tok.head.dep_ == "ROOT" and \
            tok.head.pos_ == "NOUN" and any(c.lower_ == ":" for c in tok.head.children):
        nouns.append(tok.head)  # a data sheet's field: "Completion: 21 June"
    if tok.dep_ in {"dobj", "npadvmod"} and lemma in _NAMING:  # "gave June 21 as the end date"
        nouns += [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
                  for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in _DATE_NOUNS]
    dates = [n for n in nouns if n.lemma_.lower() in _DATE_NOUNS]
    nouns += [c for n in dates for c in n.children if c.dep_ == "compound"]
    nouns += [g for n in dates for g in n.subtree
              if g.dep_ == "pobj" and g.head.lower_ in {"for", "of"}]
    return [n for n in nouns if n.lemma_.lower() in _STAGE_NOUNS]


def _staged(tok) -> set[str]:
    """What the date's stage nouns are of ("the beginning of the departure", "the pullout's
    completion": departure, pullout)."""
    return {g.lemma_.lower() for n in _stage_nouns(tok)
            for g in (*objects_of(n), *(c for c in n.children if c.dep_ == "poss"),
                      # "the pullout completion date": pullout
                      *(c for c in n.head.children if c.dep_ == "compound" and c.i < n.i
                        and n.dep_ == "compound" and c.lemma_.lower() not in _STAGE_NOUNS))}


# states that tell a deed done ("the pullout was complete", "the troops were gone")
_STATES = {"complete": "complete", "completed": "complete", "over": "end", "finished": "finish",
           "done": "finish", "gone": "leave", "out": "leave"}


def _state(verb) -> str | None:
    """The deed a "be" of a state tells done: "the pullout was complete on Friday" (complete),
    "the peacekeepers were gone on Friday" (leave; parsed as a passive "go"), "the war was
    over by 1994" (end)."""
    lemma = verb.lemma_.lower()
    if lemma == "go" and any(c.dep_ == "auxpass" for c in verb.children):
        return "leave"
    if lemma == "be":
        return next((_STATES[c.lower_] for c in verb.children
                     if c.dep_ in {"acomp", "advmod"} and c.lower_ in _STATES), None)
    return None


def _stages(tok) -> set[str]:
    """The verb a date belongs to and the verb that verb completes, if any ("began pulling
    out in April": pull, begin), as lemmas, an idiom of starting as "start", a stage a date is
    given to as its verb (:func:`_stage_nouns`; "put the end of the pullout on June 21": end):
    what tells a start from an end."""
    verb = date_verb(tok)
    out = {verb.lemma_.lower()}
    if phrasal(verb) == "capture" or fell_to(verb):  # "took the villages", "fell to Armenia"
        out.add("capture")
    state = _state(verb)
    if state:
        out.add(state)
    if verb.dep_ == "xcomp":
        out.add(verb.head.lemma_.lower())
    if _started(verb):
        out.add("start")
    # the deed's first or last doers: "the first units left in April" dates the start,
    # "the last troops left on June 12" the end
    doers = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if verb.dep_ == "acl":  # the small parser's "[the first troops] left/acl in April"
        doers.append(verb.head)
    out.update(_ORDINAL_STAGES[m.lower_] for d in doers for m in d.children
               if m.dep_ == "amod" and m.lower_ in _ORDINAL_STAGES
               and (d.tag_ in {"NNS", "NNPS"} or d.lemma_.lower() in _BATCHES))
    out.update(_STAGE_NOUNS[n.lemma_.lower()] for n in _stage_nouns(tok))
    return out


def _completed(tok) -> set[str]:
    """The verbs of the deeds a date's verb completes, told as nouns: "the withdrawal was
    completed on June 12" dates the withdrawing done, as "the last of them left on 21 June"
    does."""
    verb = date_verb(tok)
    if verb.lemma_.lower() not in _ENDS:
        return set()
    return {v for h in argument_heads(verb, preps=False) for n in (h, *objects_of(h))
            if n.pos_ == "NOUN" and (v := deed_verb(n.lemma_.lower()))}


def stage(tok) -> str | None:
    """"start" where a date's verb starts something ("began in April"), "end" where it ends or
    completes something ("was completed on June 12"), else None."""
    stages = _stages(tok)
    if stages & _STARTS:
        return "start"
    return "end" if stages & _ENDS or _completed(tok) else None


def staged_deeds(tok) -> set[str]:
    """The deeds a date's stage is of, told as nouns: what its verb completes ("the withdrawal
    was completed": withdraw) and what its stage nouns are of ("the pullout's completion")."""
    return _completed(tok) | _staged(tok)


def _same_stage(tok, ev_tok) -> bool:
    """The dated verbs, or the verbs they complete, are one stage (``common.same_deed``:
    "started" / "began") of one deed: what the claim's verb is told of, or the deed it starts,
    is the passage's ("the withdrawal started" / "the withdrawal, which began"; "started
    leaving" / "the withdrawal, which began"; not "the protests started"), or the passage's
    verb completes the claim's deed told as a noun (:func:`_completed`)."""
    mine, theirs = _stages(tok), _stages(ev_tok)
    if _dated_verb(tok) is not None:  # the claim dates its verb, not a noun ("a May offensive")
        theirs |= _completed(ev_tok)
    if not any(same_deed(a, b) for a in mine for b in theirs):
        return False
    verb, ev_verb = date_verb(tok), date_verb(ev_tok)
    things = (_arguments(verb, preps=False) | {phrasal(verb)} | mine | _staged(tok)) \
        - _DATE_WORDS - _STAGE_WORDS
    if verb.dep_ == "xcomp":
        things |= _arguments(verb.head, preps=False)
    told = (_arguments(ev_verb, preps=False) | (theirs - _STAGE_WORDS) | _staged(ev_tok)) \
        - _DATE_WORDS
    return bool(things & told) or any(deed_noun(a, b) or one_deed_noun(a, b)
                                      for a in things for b in told)


# verbs that say only that their subject happened ("the war took place in 2016")
_OCCUR = {"happen", "occur", "erupt", "unfold"}


def _dated_thing(tok, ev_tok) -> bool:
    """The claim gives a thing its date ("the announcement, dated Thursday", "the statement
    was dated Thursday", "the armistice of 2019", "the 2019 armistice") and the passage dates
    a deed told of that thing or another name of it ("issued a joint statement on Tuesday",
    "a ceasefire agreement ..., signed in November 2020")."""
    verb = date_verb(tok)
    if tok.dep_ == "nummod" and tok.head.pos_ == "PROPN":
        tok = tok.head  # the year of a month: "the truce of Nov 2021"
    head = tok.head
    if head.lower_ == "of" and tok.dep_ == "pobj" and head.head.pos_ == "NOUN":
        things = [head.head]  # "the armistice of 2019"
    elif tok.dep_ in {"compound", "nummod", "amod", "poss"} and head.pos_ == "NOUN":
        things = [head]  # "the 2019 armistice", "Monday's statement"
    elif verb.lemma_.lower() not in _DATING:
        return False
    else:  # "the statement was dated Thursday", "the ceasefire accord dates from 2022"
        things = [verb.head] if verb.dep_ == "acl" else [
            c for c in verb.children if c.dep_ == "nsubjpass"
            or (c.dep_ == "nsubj" and verb.lemma_.lower() == "date")]
    things += [c for t in things for c in t.children if c.dep_ == "compound"]
    # what the passage's verb is told of, and the nouns naming those ("a ceasefire agreement")
    told = [t for h in argument_heads(date_verb(ev_tok))
            for t in (h, *(c for c in h.children if c.dep_ == "compound"))]
    return any(t.pos_ == "NOUN" and one_deed_noun(t.lemma_.lower(), h.lemma_.lower())
               for t in things for h in told)


# verbs that make a thing known, and the passage's verbs that put out a statement saying it
_MADE_KNOWN = {"announce", "unveil", "reveal", "declare", "publish", "release", "proclaim"}
_PUT_OUT = {"issue", "release", "publish", "announce", "declare", "say", "state", "sign"}


def _announced(tok, ev_tok) -> bool:
    """The claim dates making a thing known ("the partnership upgrade was unveiled on
    Thursday") and the passage dates a statement that says it ("On Tuesday, ... issued a joint
    statement saying Washington and Yerevan have agreed to upgrade ...")."""
    verb, ev_verb = date_verb(tok), date_verb(ev_tok)
    if phrasal(verb) not in _MADE_KNOWN or ev_verb.lemma_.lower() not in _PUT_OUT:
        return False
    heads = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
    if verb.dep_ in {"acl", "xcomp"} and verb.head.pos_ == "NOUN":
        heads.append(verb.head)  # "the upgrade unveiled on Thursday"
    things = {t.lemma_.lower() for c in heads
              for t in (c, *(g for g in c.children if g.dep_ in {"compound", "amod"}))
              if t.pos_ == "NOUN"}
    said = {t.lemma_.lower(): t.pos_ for t in ev_verb.subtree if t.i != ev_verb.i}
    return any(w == x or (pos == "VERB" and deed_noun(x, w)) for x in things
               for w, pos in said.items())


def _occurred(verb) -> bool:
    lemma = verb.lemma_.lower()
    if lemma == "date" and any(c.dep_ == "prep" and c.lower_ in {"from", "to"}
                               for c in verb.children):
        return True  # "the truce dates from September 2020"
    if lemma == "come":  # "the assault came last March", not "came to Karabakh"
        return not any(c.dep_ in {"prep", "prt", "dobj"} and c.lower_ not in {"in", "on"}
                       for c in verb.children)
    return lemma in _OCCUR or (lemma == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)) or (
        lemma == "break" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children))


def _same_event(tok, ev_tok) -> bool:
    """The claim dates a thing by saying it happened, began or ended, and the passage dates a
    deed told of that thing: "The second Karabakh war took place in 2016" / "had fought two
    wars ... in 2020"; "The first war started in 1994" / "fought two wars — first from 1988 to
    1994"."""
    verb = date_verb(tok)
    if not (_occurred(verb) or _bounds(tok)):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    # and what a part of it is of ("the first round of fighting got going in 1992")
    # ("of fighting" is often parsed as a verb: its word, not its lemma)
    events = {c.lemma_.lower() for c in subjects} | {
        g.lemma_.lower() if g.pos_ == "NOUN" else g.lower_ for c in subjects
        for g in objects_of(c) if g.pos_ in {"NOUN", "VERB"}}
    # what the passage's verb is told of, and the nouns naming those ("a ceasefire agreement")
    heads = argument_heads(date_verb(ev_tok))
    told = {t.lemma_.lower() for h in heads
            for t in (h, *(c for c in h.children if c.dep_ == "compound"))}
    # or names the passage's deed itself ("the takeover came in July" / "took over in September")
    return bool(events & told) or any(one_deed_noun(a, b) for a in events for b in told) \
        or any(deed_noun(phrasal(date_verb(ev_tok)), a) for a in events)


_STARTS = {"begin", "start", "launch", "erupt", "break", "outbreak"}
_ENDS = {"end", "finish", "complete", "conclude", "cease", "stop", "halt"}


def _span_ends(items) -> set[int]:
    """Token indices of the years that open or close a span of years."""
    return {i for _, _, t in items["span"] for i in (t.i - 2, t.i)}


def _bounds(tok) -> bool:
    """The date's verb starts or ends something ("started in 1994", "ended in 1988")."""
    return bool(_stages(tok) & (_STARTS | _ENDS))


def _part(span: tuple[int, int], tok) -> tuple[int, int]:
    """The part of a span of years a claim's date can fall in: its first year for a start
    ("broke out in 1988"), its last for an end, else the whole span."""
    stages = _stages(tok)
    if stages & _STARTS:
        return span[0], span[0]
    if stages & _ENDS:
        return span[1], span[1]
    return span


# staying, and being let stay ("troops authorised for Karabakh until 2030")
_STAY = {"stay", "remain", "linger", "authorize", "mandate"}
_UNTIL = {"until", "till", "through"}


# what keeping is staying ("to keep their posts through 2030")
_POSTS = {"post", "position", "presence", "base", "deployment"}


def _stays(verb) -> bool:
    """The verb tells a stay: "remain", "stay", "keep their posts"."""
    lemma = verb.lemma_.lower()
    return lemma in _STAY or (lemma in {"keep", "maintain", "hold"} and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _POSTS for c in verb.children))


def _until(tok) -> bool:
    """The date ends a stay: "remain until 2025"."""
    return _stays(date_verb(tok)) and tok.dep_ == "pobj" and tok.head.lower_ in _UNTIL


def _leaving(tok) -> bool:
    verb = date_verb(tok)
    return verb.pos_ == "VERB" and same_deed(phrasal(verb), "leave")


def _planned(tok) -> bool:
    """The dated verb is an infinitive: what was due or meant ("due to leave", "a mandate to
    remain"), not what happened."""
    return infinitive(date_verb(tok))


def _doer(verb):
    """The subject of a verb, or of the verb its infinitive or participle hangs on ("the
    troops had a mandate to remain": troops)."""
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None or verb.head.i == verb.i:
            return subj
        verb = date_verb(verb.head) if verb.head.pos_ != "VERB" else verb.head
    return None


_EXPIRE = {"expire", "lapse", "end", "run_out"}
_RUN = {"run", "last", "extend", "continue", "stretch"}  # "ran through 2030"


def _expiry(tok) -> set[str]:
    """What a date says ends ("the mandate would have expired in 2030", "the mandate ran
    through 2030", "a 2030 end date was fixed for the mandate": mandate)."""
    verb = date_verb(tok)
    lemma = phrasal(verb)
    if (lemma in _EXPIRE and verb.pos_ != "NOUN") or (lemma in _RUN and tok.dep_ == "pobj"
                            and tok.head.lower_ in _UNTIL | {"to"}):
        # "the mandate ran through 2030" ("was to run all the way to 2030") ends it then too
        doer = _doer(verb)
        return {doer.lemma_.lower()} if doer is not None and doer.pos_ == "NOUN" else set()
    nouns = _stage_nouns(tok)
    if not {_STAGE_NOUNS[n.lemma_.lower()] for n in nouns} & _ENDS:
        return set()
    # what the end is of: "fixed for the mandate", "the end of the mandate", "the mandate's
    # end date"
    heads = [verb, *(n.head if n.dep_ == "compound" else n for n in nouns)]
    owners = [g for h in heads for g in (*(c for c in h.children if c.dep_ == "poss"),
                                         *objects_of(h, "for"), *objects_of(h, "of"))]
    # a data sheet's field: "Mandate expiry: 2030" (the small tagger may call "Mandate" an
    # adjective or a name there)
    owners += [c for n in nouns if tok.head.i == n.i for c in n.children if c.dep_ == "compound"]
    return {g.lemma_.lower() for g in owners if g.pos_ in {"NOUN", "ADJ", "PROPN"}}


def _stay_ends(tok, ev_tok) -> bool:
    """One side dates a leaving, the other the end of the same stay, both as done or both as
    due: "were due to leave in 2030" against "a mandate to remain until 2025"; or one side
    dates the end of what the other says lasts until a date. The claim's
    doer must be a common noun or named in the passage ("Armenia left the alliance in 2027"
    is another leaving)."""
    if (_until(ev_tok) and _expiry(tok) & _described(ev_tok)) or \
            (_until(tok) and _expiry(ev_tok) & _described(tok)):
        return True  # "the mandate expires in 2030" / "a mandate to remain until 2025"
    if not ((_leaving(tok) and _until(ev_tok)) or (_until(tok) and _leaving(ev_tok))):
        return False
    if _planned(tok) != _planned(ev_tok):
        return False  # "left in 2024" against "a mandate to remain until 2025"
    return _doer_named(tok, ev_tok)


def _one_thing(tok, ev_tok) -> bool:
    """Both dates are told of one named thing: what each date's clause describes or says
    ends ("a mandate extending to 2030" / "a mandate to remain until 2025": mandate)."""
    return bool((_described(tok) | _expiry(tok)) & (_described(ev_tok) | _expiry(ev_tok)))


def _doer_named(tok, ev_tok) -> bool:
    """The claim's doer is a common noun or named in the passage."""
    doer = _doer(date_verb(tok))
    if doer is None:
        return False
    named = {canon(t.text) for t in ev_tok.doc} | {t.lemma_.lower() for t in ev_tok.doc}
    return doer.pos_ == "NOUN" or canon(doer.text) in named


def _one_verb(a: str, b: str) -> bool:
    """The same verb, or WordNet synonyms among their first senses ("stay" / "remain"); verbs
    of a stage ("started" / "began") only with what they start (:func:`_same_stage`)."""
    return a == b or (synonymous(a, b, "v") and not {a, b} & _STAGE_WORDS)


def _one_deed_done(tok, ev_tok) -> bool:
    """The claim's dated verb and the passage's are verbs of one deed in news ("concluded" /
    "signed" a truce, :func:`one_deed`), the claim's told as done, not as expected ("a pact
    expected inked before December")."""
    from verifier.checks.negation import _intended

    verb, ev_verb = date_verb(tok), date_verb(ev_tok)
    a, b = verb.lemma_.lower(), ev_verb.lemma_.lower()
    return one_deed(a, b) and not {a, b} & _STAGE_WORDS and not _intended(verb)


def _match(kind: str, a: object, b: object) -> bool:
    if kind in {"rel", "weekday", "month"}:
        return bool(a & b)  # type: ignore[operator]
    if kind in {"year", "day"}:
        (a0, a1), (b0, b1) = a, b  # type: ignore[misc]
        return a0 <= b1 and b0 <= a1
    return a == b


# a length of time in years, by its unit
_IN_YEARS = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25}
# words that tell which of several things ("first from 1988 to 1994 and then again in 2020")
_WHICH = {"first", "second", "third", "last", "latest", "next", "initial", "opening", "earlier",
          "later", "former", "latter", "final"}
# a time told as an offset or a gap between two things, not how long one thing went on
_OFFSET = {"ago", "later", "after", "before", "earlier", "since", "apart", "between", "separate",
           "gap", "interval", "pass", "elapse"}


def _spanned(tok) -> tuple[set[str], set[str], bool]:
    """What a passage's span of years ("first from 1988 to 1994") is of: the nouns its verb is
    told of and its verb, as lemmas; the words among its heads that say which of them it is
    ("first"); and whether the clause dates another thing too ("and then again in 2020")."""
    which, verb = set(), tok
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
        if verb.lower_ in _WHICH:
            which.add(verb.lower_)
    things = {h.lemma_.lower() for h in argument_heads(verb, preps=False) if h.pos_ == "NOUN"}
    other = any(is_year(t) and t.i not in {tok.i - 2, tok.i} for t in verb.subtree)
    return things | {verb.lemma_.lower()}, which, other


# verbs that tell how long their subject went on ("the war lasted six years")
_LASTING = {"last", "run", "span", "go", "continue", "stretch", "drag", "be", "come", "take"}


def length_of(tok) -> set[str]:
    """What a claim's length of time is told of, as lemmas: the subject of a verb of lasting
    ("the first war lasted six years": war), else the verb the length hangs on ("fought for
    two years": fight); a noun it describes ("a six-year war": war)."""
    verb = tok
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        if verb.pos_ == "NOUN" and verb.lemma_.lower() not in {*_IN_YEARS, "decade", "century"}:
            return {verb.lemma_.lower()}  # "a six-year war"
        verb = verb.head  # through the unit ("years") and its preposition ("for")
    if verb.pos_ not in {"VERB", "AUX"}:
        return set()
    if verb.lemma_.lower() in _LASTING:
        return {c.lemma_.lower() for c in verb.children
                if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"}
    return {verb.lemma_.lower()}


def told_of(told: str, thing: str) -> bool:
    """What a claim's length is told of (:func:`length_of`) names ``thing``, a noun or verb
    lemma of a passage: the same word, one deed's nouns or verbs, or its verb and a noun of
    it ("pullout" / "withdrawal", "fight" / "war")."""
    return thing == told or one_deed_noun(told, thing) or deed_noun(thing, told) or \
        same_deed(told, thing)


def span_length_conflict(cd, ed) -> Finding | None:
    """A claim's length of time for a thing the passage dates from one year to another: "The
    first war lasted well over a decade" or "... 18 months" against "fought two wars — first
    from 1988 to 1994 ..." (a little over 5 to a little under 7 years). Only a length told of
    the same thing (:func:`length_of` names a noun or verb of the span's clause; where the
    clause dates another thing too, the same "first" / "second"; not "collecting data for
    over a century" against "data ... reveal a rise from 1993 to 2017"), in a claim that
    gives no year of its own and tells no offset or gap ("six years later", "26 years
    apart")."""
    spans = date_items(ed)["span"]
    if not spans or date_items(cd)["year"]:
        return None
    lemmas = {t.lemma_.lower() for t in cd}
    if lemmas & _OFFSET:
        return None
    which = {t.lower_ for t in cd} & _WHICH
    for q in quantities(cd):
        if q.head not in _IN_YEARS:
            continue
        told = length_of(cd[q.start])
        if not told:
            continue
        low, high = q.low * _IN_YEARS[q.head], q.high * _IN_YEARS[q.head]
        for (a, b), text, tok in spans:
            if b <= a or (b - a - 1 <= high and low <= b - a + 1):
                continue  # the claim's length fits the span
            things, their_which, other = _spanned(tok)
            if not any(told_of(n, x) for n in told for x in things):
                continue
            if (other or which) and not which & their_which:
                continue  # maybe the other thing the clause dates ("the second war")
            return Finding("dates", "conflict", f"'{q.text}' vs '{text}' ({q.head}s)",
                           claim_span=q.text, evidence_span=text)
    return None


_MIDWEEK = re.compile(r"\b(?:(?:in|at)\s+)?(?:the\s+)?mid-?week\b", re.I)


# a season as a claim words it ("in the spring", "during springtime", "late summer")
_SEASON_WORDS = re.compile(r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(spring|summer|autumn|"
                           r"winter|(?<=the\s)fall|(?<=in\s)fall)(?:time)?\b(?!\s+(?:of|from)\s+"
                           r"(?:the\s+)?[a-z]+\s+(?:regime|government|power|grace))", re.I)


def align(claim: str, evidence: str) -> str:
    """The claim with "midweek" written as the one midweek day the passage gives ("Midweek,
    the troops left" -> "On Wednesday, the troops left"), and a season as the one month of it
    the passage gives ("began in the spring" -> "began in April"): the model reads no weekday
    into "midweek" and no month into "spring"; the check has found the two agree."""
    days = {d for d in WEEKDAYS[1:4] if re.search(rf"\b{d}\b", evidence, re.I)}
    if len(days) == 1:
        day = days.pop().capitalize()
        claim = _MIDWEEK.sub(lambda m: f"{'On' if m[0][:1].isupper() else 'on'} {day}", claim)

    def month(m: re.Match) -> str:
        given = {i for i, name in enumerate(MONTHS)
                 if re.search(rf"\b{name.capitalize()}\b", evidence)} & _SEASONS[m[1].lower()]
        if len(given) != 1:
            return m[0]
        return MONTHS[given.pop()].capitalize()

    return _SEASON_WORDS.sub(month, claim)


_YEAR_END = re.compile(r"\b(?:(?:the\s+)?end\s+of\s+(?:the|this)\s+year|year(?:'s|\u2019s)?"
                       r"[\s-]end)\b", re.I)


def absent_dates(claim_doc, words: frozenset[str], corpus_figures: tuple[float, ...]) -> list[str]:
    """The claim's years and months (a season: every month of it) that the whole corpus never
    gives: "seized the enclave in March" against a corpus whose months are April, June and
    September, "fought again in 2016" against one whose years are 1988, 1994, 2020 and 2025
    (``words``: its lower-cased words; ``corpus_figures``: ``checks.numbers.figures``, whose
    digits hold every year it writes). Such a corpus cannot confirm the claim's date, though a
    passage may still contradict it. So is a deadline at the year's end ("by year's end")
    where the corpus never speaks of an end. A date told relative to another ("last year")
    and a year's open end ("after 2000") are never absent."""
    items = date_items(claim_doc)
    out = []
    for (low, high), text, _ in items["year"]:
        i = bisect_left(corpus_figures, low)  # the first corpus figure from the year on
        if high - low <= 9 and (i == len(corpus_figures) or corpus_figures[i] > high):
            out.append(text)
    for months, text, _ in items["month"]:
        if not any(MONTHS[m] in words for m in months) and text.lower() not in words:
            out.append(text)
    # a deadline at this year's end ("by year's end", "before the end of the year") in a
    # corpus that never speaks of an end
    out += [m[0] for m in _YEAR_END.finditer(claim_doc.text) if "end" not in words]
    return list(dict.fromkeys(out))


def check(claim: str, evidence: str, claim_doc=None, evidence_doc=None) -> Finding:
    cd = claim_doc if claim_doc is not None else parse(claim)
    ed = evidence_doc if evidence_doc is not None else parse(evidence)
    lasted = span_length_conflict(cd, ed)
    if lasted is not None:
        return lasted
    ci, ei = date_items(cd), date_items(ed)
    if not any(ci.values()) or not (any(ei.values()) or any(ci[k] for k in _ABSOLUTE)):
        return Finding("dates", "not_applicable")
    same_topic = anchored(cd, ed, 0.5)
    agreed, missing, misplaced, other_dates = [], [], [], []
    dayed = {t.i for _, _, t in ci["day"]}  # the months of days ("June" of "June 12")
    for kind in ("day", "year", "month", "weekday", "rel"):
        for value, text, tok in ci[kind]:
            if contrasted(tok):
                continue  # "taken in 2020, not in the 1990s": the claim denies that date
            same = [t for v, _, t in ei[kind] if _match(kind, value, v)]
            if kind == "year":  # within a span of years, or at its start or end for a verb
                if _bounds(tok):  # "started in 1994" / "from 1988 to 1994"
                    same = [t for t in same if t.i not in _span_ends(ei)]
                same += [t for v, _, t in ei["span"] if _match(kind, value, _part(v, tok))]
                wrong = [o for v, o, t in ei["span"] if not same and _match(kind, value, v)
                         and _same_event(tok, t) and not _other_event(tok, t, cd)]
                if wrong:  # "ended in 1988" / "from 1988 to 1994"
                    return Finding("dates", "conflict", f"'{text}' vs '{wrong[0]}'",
                                   claim_span=text, evidence_span=wrong[0])
            # ("Last month, Yerevan seized the villages" against "Last month, Yerevan
            # returned ... villages that it had captured in the 1990s")
            if same and ((kind in _ABSOLUTE and (_misplaced(tok, same, ed)
                                                 or _elsewhere(tok, same, ed)
                                                 or _other_stage(tok, same)))
                         or (kind == "rel" and _misplaced(tok, same, ed))):
                misplaced.append(text)
            elif same:
                agreed.append(text)
            if same:
                continue
            if kind in _ABSOLUTE and not (kind == "month" and tok.i in dayed):
                missing.append(text)
            if not ei[kind]:
                continue
            if kind in _ABSOLUTE:
                other_dates.append(text)
            verb = date_verb(tok).lemma_.lower()
            ev_stages = set().union(*(_stages(t) for _, _, t in ei[kind]))
            if kind == "month" and tok.i in dayed and ei["day"]:
                continue  # judged as a day
            stay_ends = [t for _, _, t in ei[kind] if _stay_ends(tok, t)]
            if stay_ends and not _other_event(tok, stay_ends[0], cd):
                other = next(o for _, o, t in ei[kind] if t is stay_ends[0])
                return Finding("dates", "conflict", f"'{text}' vs until '{other}'",
                               claim_span=text, evidence_span=other,
                               pinned=_one_thing(tok, stay_ends[0]))
            if any((OPPOSITE.get(v, set()) | OTHER_STAGE.get(v, set())) & ev_stages
                   for v in _stages(tok)):
                continue  # a start date and an end date are different events
            described = _described(tok)
            for _, other, ev_tok in ei[kind]:
                # same verb; or one noun dated by two verbs ("a mandate to stay until 2030" /
                # "a mandate to remain until 2025"); or the same topic and clause words, or a
                # verb of the same deed or stage ("started leaving in February" / "the
                # withdrawal, which began in April"); or two ends of a stay ("keep their posts
                # through 2030" / "remain until 2025"); or making a thing known against a
                # statement that says it
                if ((_one_verb(date_verb(ev_tok).lemma_.lower(), verb)
                        or _one_deed_done(tok, ev_tok) or described & _described(ev_tok)
                        or (same_topic and _shared_context(tok, [ev_tok]))
                        or _same_stage(tok, ev_tok) or _same_event(tok, ev_tok)
                        or _dated_thing(tok, ev_tok)
                        or (_until(tok) and _until(ev_tok) and _doer_named(tok, ev_tok))) and \
                        not _other_event(tok, ev_tok, cd)) or _announced(tok, ev_tok):
                    return Finding("dates", "conflict", f"'{text}' vs '{other}'",
                                   claim_span=text, evidence_span=other,
                                   pinned=_one_thing(tok, ev_tok))
    if misplaced:  # the passage dates another deed: it cannot confirm the claim's date
        return Finding("dates", "misplaced", ", ".join(misplaced), claim_span=misplaced[0])
    dates_given = sum(len(ci[k]) for k in _ABSOLUTE) - sum(t.i in dayed for _, _, t in ci["month"])
    if len(missing) == 1 and other_dates == missing and dates_given == 1:
        # the claim's one date, where the passage gives another of its kind and ties neither
        # to the other's deed ("completion day 2 June" / "completed on June 12"): the passage
        # cannot confirm it
        return Finding("dates", "redated", missing[0], claim_span=missing[0])
    if missing:  # a date the passage never gives: it cannot state the whole claim
        return Finding("dates", "missing", ", ".join(missing), claim_span=missing[0])
    if agreed:
        return Finding("dates", "agree", ", ".join(agreed), claim_span=agreed[0])
    return Finding("dates", "not_applicable")
