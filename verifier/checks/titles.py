"""Titles of named people, read from the text (a helper of the entities check).

"Foreign Minister Ararat Mirzoyan", "Mirzoyan, Armenia's prime minister,", "Mirzoyan is the
foreign minister" and "Armenia's foreign minister is Mirzoyan" give Mirzoyan a title;
"Russian President Vladimir Putin and his Azerbaijani counterpart Ilham Aliyev" gives Aliyev
Putin's. A claim conflicts with a passage that gives the
same person another title, gives a title one person holds at a time in a country to another
person ("Russian President Dmitry Medvedev" against "Russian President Vladimir Putin"; a
former holder holds none), puts a person's title in another country, or gives a portfolio
another part of the world ("... Assistant Secretary handling Africa" against "Assistant
Secretary of State for Europe and Eurasia James O'Brien").
"""

from __future__ import annotations

import re

from verifier.checks.common import COUNTRIES, MONTHS, WEEKDAYS, canon
from verifier.types import Finding

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
_ROLE_RE = re.compile(r"\b(?i:(" + _ROLE_ALT + r"))(?:\s+for(?:\s+(?:and\s+)?[A-Z]\w+)+)?,?\s+"
                      + _NAME)
# "Ararat Mirzoyan is Armenia's defense minister", "... serves as the US secretary of state",
# "Mirzoyan, who serves as Armenia's defence minister,",
# "James O'Brien, who signed the statement, is the US Secretary of State"; in apposition
# ("Ararat Mirzoyan, Armenia's prime minister,") or "(, acting) in his capacity as", "in her role
# as", "acting as", "signing as"; never a title that belongs to the name after it ("Vladimir
# Putin, Prime Minister Nikol Pashinyan")
_COPULA_RE = re.compile(r"(?<![\w'’-])" + _NAME + r"(?:,\s+(?:who\s)?[^,]{1,80},)?"
                        r"(?:,?\s*(?:is|was|serves as|served as)|,\s+who\s+(?:is|was|serves\s+as|"
                        r"served\s+as)|,?\s+(?:(?:then|now|still|later|once|formerly)\s+)?"
                        r"(?:[a-z]+(?:ing|ed)\s+)?"
                        r"(?:in\s+(?:his|her|their)\s+(?:capacity|role)\s+)?as|,)"
                        r"\s+(?:the\s+)?(?:[A-Z][\w.]*(?:'s|’s)?\s+)*?(?i:(" + _ROLE_ALT + r"))\b"
                        r"(?!\s+[A-Z]|['’]s\b)")  # not another's: "was the minister's aide"
# "Armenia's foreign minister is Pashinyan", "the president was Vladimir Putin" (the name
# closes the clause: not "the president was Putin's ally")
_ROLE_IS_RE = re.compile(r"\b(?i:(" + _ROLE_ALT + r"))\s+(?:is|was)\s+"
                         r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})(?=\s*(?:[.,;!?]|$))")
# "Russian President Vladimir Putin and his Azerbaijani counterpart Ilham Aliyev"
_COUNTERPART_RE = re.compile(r"\b(?:his|her|its|their)\s+([A-Z]\w+)\s+counterparts?,?\s+"
                             + _NAME)
# words that open a capitalised phrase which is no name ("On Tuesday, the president said")
_NO_NAME = {"on", "in", "at", "last", "this", "next", "the", "a", "an", "after", "before",
            "since", "during", "by", *MONTHS, *WEEKDAYS}


# a name after a preposition is no subject of the copula after it ("O'Brien, co-signer with
# Mirzoyan, is the US assistant secretary of state": O'Brien is); "the name of Mirzoyan,
# signing as ..." still gives Mirzoyan the title
_OBJECT_BEFORE = re.compile(r"\b(?:with|of|for|by|to|from|and|alongside|than)\s+$")


def _copulas(text: str) -> list:
    """:data:`_COPULA_RE` matches whose name is a name: no word that opens a phrase, and one
    word alone only a surname, not a place ("Mirzoyan is Armenia's defence minister"; not
    "Armenia is ...")."""
    return [m for m in _COPULA_RE.finditer(text)
            if not {w.lower() for w in m.group(1).split()} & _NO_NAME
            and (len(m.group(1).split()) > 1 or canon(m.group(1).strip()) not in COUNTRIES)
            and not (_OBJECT_BEFORE.search(text, 0, m.start(1))
                     and not re.search(r"\bas\b", text[m.end(1):m.start(2)]))]


# the words of titles ("the Azerbaijani president": a title, not a thing Azerbaijan owns)
TITLE_WORDS = {w for r in ROLES for w in r.split()} - {"of", "state"}
GENERIC_ROLES = {"minister", "secretary", "general", "speaker"}


def person_roles(text: str) -> dict[str, str]:
    """{person surname: role} from 'Role Firstname Lastname' patterns; a counterpart holds the
    role of the person it is the counterpart of ("Russian President Vladimir Putin and his
    Azerbaijani counterpart Ilham Aliyev": Aliyev is a president)."""
    out = {}
    ends = []
    for m in _ROLE_RE.finditer(text):
        role = m.group(1).lower().replace("defence", "defense")
        name = m.group(2).strip().split()
        if name and name[0][0].isupper():
            out[name[-1].strip(".,").lower()] = role
            ends.append((m.end(), role))
    for m in _COUNTERPART_RE.finditer(text):
        role = next((r for end, r in reversed(ends) if 0 <= m.start() - end <= 12), None)
        name = m.group(2).strip().split()
        if role is not None and name:
            out.setdefault(name[-1].strip(".,").lower(), role)
    for m in _ROLE_IS_RE.finditer(text):
        out.setdefault(m.group(2).split()[-1].lower(),
                       m.group(1).lower().replace("defence", "defense"))
    for m in _copulas(text):
        name = m.group(1).strip().split()
        out.setdefault(name[-1].strip(".,").lower(),
                       m.group(2).lower().replace("defence", "defense"))
    return out


_BEFORE = re.compile(r"((?:[A-Z][\w'’.]+\s+){1,2})$")
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?([A-Z]\w+(?:\s+[A-Z]\w+)?)")


def country_of(words: str) -> tuple[str, str] | None:
    """(country, its word) for "Russian", "is Russia's", "the United States", else None."""
    words = re.sub(r"['’]s\b", "", words).strip()
    for cand in (*words.split()[-1:], " ".join(words.split()[-2:])):
        if canon(cand) in COUNTRIES:
            return canon(cand), cand
    return None


def person_nations(text: str) -> dict[str, tuple[str, str]]:
    """{person surname: (country, its word)} from a title's country: "Russian President
    Vladimir Putin", "Ilham Aliyev is the president of Russia", "Putin and his Azerbaijani
    counterpart Ilham Aliyev"."""
    out: dict[str, tuple[str, str]] = {}

    def put(name: str, words: str) -> None:
        country = country_of(words)
        if country is not None and name.split():
            out.setdefault(name.split()[-1].strip(".,").lower(), country)

    # the title's country before it: "Russian President Vladimir Putin", "Armenia's foreign
    # minister is Mirzoyan"
    for m in (*_ROLE_RE.finditer(text), *_ROLE_IS_RE.finditer(text)):
        before = _BEFORE.search(text[:m.start()])
        if before is not None:
            put(m.group(2), before.group(1))
    for m in _copulas(text):
        qual = text[m.start(1) + len(m.group(1)):m.start(2)]
        after = _OF_PLACE.match(text, m.end())
        put(m.group(1), after.group(1) if after is not None else qual)
    for m in _COUNTERPART_RE.finditer(text):
        put(m.group(2), m.group(1))
    return out


# titles one person holds at a time in a country ("the Russian president")
_ONE_HOLDER = {"president", "prime minister", "foreign minister", "defense minister",
               "finance minister", "interior minister", "vice president", "chancellor", "king",
               "queen", "secretary of state"}
_PAST_HOLDER = re.compile(r"\b(?:former|ex|late|then|previous|past)[\s-]+(?:\w+\s+){0,2}$", re.I)


def title_holders(text: str, roles: dict[str, str] | None = None,
                  nations: dict[str, tuple[str, str]] | None = None
                  ) -> dict[tuple[str, str], str]:
    """{(country, title): surname} for the titles one person holds at a time in a country:
    "Russian President Vladimir Putin" -> {("russia", "president"): "putin"}; a former holder
    ("former Russian President Dmitry Medvedev") holds nothing now. ``roles`` and ``nations``:
    the text's :func:`person_roles` and :func:`person_nations`, where the caller has them."""
    roles = person_roles(text) if roles is None else roles
    nations = person_nations(text) if nations is None else nations
    out = {}
    for name, role in roles.items():
        if role not in _ONE_HOLDER or name not in nations:
            continue
        at = text.lower().find(nations[name][1].lower())
        if at >= 0 and _PAST_HOLDER.search(text[:at]):
            continue
        out[(nations[name][0], role)] = name
    return out


def _as_written(text: str, word: str) -> str:
    """``word`` (lower-case) as ``text`` writes it."""
    m = re.search(re.escape(word), text, re.IGNORECASE)
    return m.group(0) if m else word


def roles_compatible(a: str, b: str) -> bool:
    """Same title, or one is a bare generic one ("minister" fits "foreign minister")."""
    return a == b or (a in GENERIC_ROLES and a in b) or (b in GENERIC_ROLES and b in a)


# world regions an official's portfolio covers ("Assistant Secretary of State for Europe and
# Eurasia"), each to its usual name; a part ("East Asia") is read as its whole by ``_region``
_REGIONS = {"europe": "europe", "eurasia": "eurasia", "africa": "africa", "asia": "asia",
            "middle east": "middle east", "near east": "middle east", "pacific": "pacific",
            "latin america": "latin america", "western hemisphere": "western hemisphere",
            "the americas": "western hemisphere", "americas": "western hemisphere"}
_REGION_ALT = r"(?:(?:east|south|southeast|central|north|west|sub-saharan)\s+)?(?:" + "|".join(
    re.escape(r) for r in sorted(_REGIONS, key=len, reverse=True)) + ")"
_PORTFOLIO_RE = re.compile(
    r"\b(?:secretary|envoy|ambassador|minister|commissioner|representative|director|"
    r"diplomat|official)\b[^.;:]{0,40}?\b(?:for|in\s+charge\s+of|handling|responsible\s+for|"
    r"covering|overseeing|dealing\s+with)\s+(?:the\s+)?(" + _REGION_ALT + r")(?:\s+and\s+"
    r"(?:the\s+)?(" + _REGION_ALT + r"))?\b", re.I)
# ... or named by the region's adjective before the portfolio ("held the East Asian and
# Pacific portfolio", "ran the African affairs desk")
_PORTFOLIO_NOUN_RE = re.compile(
    r"\b(" + _REGION_ALT + r")(?:n|an|ern)?(?:\s+and\s+(" + _REGION_ALT + r")(?:n|an|ern)?)?"
    r"\s+(?:affairs\s+)?(?:portfolio|desk|brief|bureau|affairs)\b", re.I)


def _region(region: str) -> str:
    """A region's usual name, a part read as its whole ("Near East": "middle east", "South
    Asia": "asia")."""
    words = region.lower().split()
    for n in (2, 1):
        if " ".join(words[-n:]) in _REGIONS:
            return _REGIONS[" ".join(words[-n:])]
    return region.lower()


# the "of" of a title ("secretary of state for African affairs"), which names no one else
_OF_STATE = re.compile(r"\bof\s+state\b", re.I)
_ASIDE = re.compile(r"^,[^,.;]{1,80},")


def person_portfolios(text: str, names) -> dict[str, set[str]]:
    """{surname: the regions their portfolio covers} for ``names``: "Assistant Secretary of
    State for Europe and Eurasia James O'Brien" -> {"o'brien": {"europe", "eurasia"}}; a
    portfolio is a name's only where the name stands right after it or shortly before it with
    no one else between ("met the envoy for Africa and O'Brien" gives O'Brien none)."""
    out: dict[str, set[str]] = {}
    for m in (*_PORTFOLIO_RE.finditer(text), *_PORTFOLIO_NOUN_RE.finditer(text)):
        for name in names:
            for x in re.finditer(re.escape(name), text, re.I):
                after = text[m.end():x.start()]
                # an aside between the name and its copula is no one else ("O'Brien, the
                # co-signer, is the ... secretary for African affairs")
                before = _ASIDE.sub("", text[x.end():m.start()], count=1)
                # the name after the title ("... Eurasia James O'Brien") or before it, in
                # apposition or as its subject ("O'Brien, the US ... secretary", "O'Brien as
                # ..."), with no one else between
                if (x.start() >= m.end() and re.fullmatch(r"(?:\s+[A-Z][\w'’.-]*)*\s*", after)) \
                        or (x.end() <= m.start() and len(before) <= 50 and not re.search(
                            r"[.;]|\b(?:and|with|met|of|to|by|from)\b",
                            _OF_STATE.sub("", before))):
                    out.setdefault(name, set()).update(_region(r) for r in m.groups() if r)
    return out


def title_conflict(claim: str, evidence: str) -> Finding | None:
    """An ``entities`` conflict where the claim gives a person another title, a title one
    person holds at a time to another person, the same title over another part of the
    world, or a person's title to another country. A named person's own title or portfolio
    is pinned (``Finding.pinned``): the passage is about that person, however else the claim
    is worded ("O'Brien held the East Asian and Pacific portfolio")."""
    cr, er = person_roles(claim), person_roles(evidence)
    for name, role in cr.items():
        if name in er and not roles_compatible(role, er[name]):
            return Finding("entities", "conflict", f"{name.title()}: '{role}' vs '{er[name]}'",
                           claim_span=role, evidence_span=er[name], pinned=True)
    # the same title over another part of the world ("Assistant Secretary ... for Africa"
    # against "... for Europe and Eurasia")
    cp = person_portfolios(claim, er.keys())  # ("Assistant Secretary" alone is no title)
    ep = person_portfolios(evidence, cp.keys())
    for name, words in cp.items():
        if ep.get(name) and not words & ep[name]:
            mine, theirs = " and ".join(sorted(words)), " and ".join(sorted(ep[name]))
            return Finding("entities", "conflict", f"{name.title()}: '{mine}' vs '{theirs}'",
                           claim_span=_as_written(claim, name),
                           evidence_span=_as_written(evidence, name), pinned=True)
    cn, en = person_nations(claim), person_nations(evidence)
    # a title one person holds at a time in a country given to another person
    eh = title_holders(evidence, er, en)
    for key, name in title_holders(claim, cr, cn).items():
        if key in eh and eh[key] != name and name not in er:
            mine, theirs = _as_written(claim, name), _as_written(evidence, eh[key])
            return Finding("entities", "conflict", f"{key[0].title()}'s {key[1]}: '{mine}' vs "
                           f"'{theirs}'", claim_span=mine, evidence_span=theirs)
    # a named person's title given to another country
    for name, (country, words) in cn.items():
        if name in en and en[name][0] != country and name in er.keys() | cr.keys():
            return Finding("entities", "conflict", f"{name.title()}: '{words}' vs "
                           f"'{en[name][1]}'", claim_span=words, evidence_span=en[name][1])
    return None
