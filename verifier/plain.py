"""Plain wording for a claim: informal idioms, clipped years, decade words, long country names.

Claims come from people, and people write "the pullout got rolling in April", "the Russians
could have hung around till 2025", "the peacekeepers just sat it out", "the wars of '88 to '94"
and "villages it grabbed in the nineties". The retriever looks for the claim's words, the checks
read its verbs and years, and the small NLI model reads it word by word: none of them knows
those idioms. Each is written here the way news prose says it ("began", "remained", "did not
intervene", "1988 to 1994", "the 1990s"), in the idiom's own tense, before anything reads the
claim; so are the long forms of country names ("the Republic of Armenia": Armenia). Only fixed
phrases are rewritten; a claim without one comes back unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

from verifier.calendar_words import DAY_ORDINALS, MONTHS, capitalised

# verb forms: base (and non-third-person present), third person, past, past participle, -ing
_FORMS = {
    "get": ("get", "gets", "got", "gotten", "getting"),
    "wrap": ("wrap", "wraps", "wrapped", "wrapped", "wrapping"),
    "call": ("call", "calls", "called", "called", "calling"),
    "pull": ("pull", "pulls", "pulled", "pulled", "pulling"),
    "hang": ("hang", "hangs", "hung", "hung", "hanging"),
    "stick": ("stick", "sticks", "stuck", "stuck", "sticking"),
    "stay": ("stay", "stays", "stayed", "stayed", "staying"),
    "keep": ("keep", "keeps", "kept", "kept", "keeping"),
    "pack": ("pack", "packs", "packed", "packed", "packing"),
    "step": ("step", "steps", "stepped", "stepped", "stepping"),
    "hit": ("hit", "hits", "hit", "hit", "hitting"),
    "take": ("take", "takes", "took", "taken", "taking"),
    "sit": ("sit", "sits", "sat", "sat", "sitting"),
    "stand": ("stand", "stands", "stood", "stood", "standing"),
    "clear": ("clear", "clears", "cleared", "cleared", "clearing"),
    "put": ("put", "puts", "put", "put", "putting"),
    "ink": ("ink", "inks", "inked", "inked", "inking"),
    "sign": ("sign", "signs", "signed", "signed", "signing"),
    "come": ("come", "comes", "came", "come", "coming"),
    "head": ("head", "heads", "headed", "headed", "heading"),
    "issue": ("issue", "issues", "issued", "issued", "issuing"),
    "oppose": ("oppose", "opposes", "opposed", "opposed", "opposing"),
    "support": ("support", "supports", "supported", "supported", "supporting"),
    "move": ("move", "moves", "moved", "moved", "moving"),
    "begin": ("begin", "begins", "began", "begun", "beginning"),
    "finish": ("finish", "finishes", "finished", "finished", "finishing"),
    "end": ("end", "ends", "ended", "ended", "ending"),
    "remain": ("remain", "remains", "remained", "remained", "remaining"),
    "leave": ("leave", "leaves", "left", "left", "leaving"),
    "intervene": ("intervene", "intervenes", "intervened", "intervened", "intervening"),
    "protest": ("protest", "protests", "protested", "protested", "protesting"),
    "jump": ("jump", "jumps", "jumped", "jumped", "jumping"),
    "wade": ("wade", "wades", "waded", "waded", "wading"),
    "go": ("go", "goes", "went", "gone", "going"),
    "cross": ("cross", "crosses", "crossed", "crossed", "crossing"),
    "fight": ("fight", "fights", "fought", "fought", "fighting"),
    "look": ("look", "looks", "looked", "looked", "looking"),
    "do": ("do", "does", "did", "done", "doing"),
    "cut": ("cut", "cuts", "cut", "cut", "cutting"),
}

# (verb, what follows it, plain verb): the plain verb takes the idiom's form; "not intervene"
# is a denial, written with the idiom's tense ("sat it out": "did not intervene")
_IDIOMS = [
    ("get", r"(?:rolling|going|started|under\s?way)", "begin"),
    ("wrap", r"(?:(?:it|things|everything)\s+)?up", "finish"),
    ("wrap", r"(?=\s+(?:on|by|last|this)\b)", "finish"),  # "wrapped on June 12"
    ("call", r"it\s+(?:a\s+day|quits)", "finish"),
    ("call", r"time\s+on", "end"),  # "called time on the mission": ended the mission
    ("pull", r"the\s+plug\s+on", "end"),
    ("hang", r"(?:around|about)", "remain"),
    ("stick", r"around", "remain"),
    ("stay", r"put", "remain"),
    ("pack", r"up\s+and\s+(?:leave|left|go|went|gone|leaves|goes|leaving|going)", "leave"),
    ("pack", r"(?:their|its|his|her)\s+bags\s+and\s+(?:leave|left|go|went|gone|leaves|goes|"
             r"leaving|going)", "leave"),
    # "cut and run years early": left years early (not "cut and run through committee")
    ("cut", r"and\s+r[au]n(?=\s*[,.;!]|\s*$|\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|early|"
            r"before|after|when|as|once|from)\b)", "leave"),
    ("clear", r"out(?:\s+of)?", "leave"),  # "cleared out of Karabakh": left Karabakh
    ("move", r"out\s+of", "leave"),
    ("cross", r"out\s+of", "leave"),  # "crossed out of Azerbaijan": left Azerbaijan
    ("get", r"out\s+of", "leave"),
    ("head", r"for\s+the\s+(?:door|doors|exit|exits)", "leave"),
    ("head", r"(?:back\s+)?(?:for\s+)?home\b(?!\s+(?:to|of)\b)", "leave"),  # "began heading home"
    ("step", r"in", "intervene"),
    # "jumped in to stop the attack", not "jumped in 2020" nor "a jump in prices"
    ("jump", r"in(?=\s+to\b|\s+and\b|\s*[,.;]|\s*$)", "intervene"),
    ("wade", r"in(?=\s+to\b|\s+and\b|\s*[,.;]|\s*$)", "intervene"),
    ("get", r"involved", "intervene"),  # "did not get involved": did not intervene
    ("go", r"to\s+war", "fight"),  # "went to war over Karabakh": fought over Karabakh
    ("come", r"out\s+against", "oppose"),  # "came out against the deal": opposed it
    ("come", r"out\s+in\s+(?:favou?r|support)\s+of", "support"),
    # "put their signatures on the truce": signed the truce; "inked a deal": signed it
    ("put", r"(?:their|its|his|her|there|the)\s+(?:signatures?|names?)\s+(?:on|to)", "sign"),
    ("ink", r"(?=\s+(?:a|an|the|their|its|this|that)\b)", "sign"),
    ("ink", r"(?=\s+(?:in|on|during|last|early|late)\b)", "sign"),  # "was inked in 2020"
    # "put out a statement": issued it
    ("put", r"out(?=\s+(?:a|an|the|their|its|his|her|this|that)\s+(?:[\w-]+\s+)?"
            r"(?:statement|text|communiqu[eé]|declaration|release|readout)s?\b)", "issue"),
    ("hit", r"the\s+streets", "protest"),
    ("take", r"to\s+the\s+streets", "protest"),
    ("sit", r"(?:it|things)\s+out", "not intervene"),
    # "sat out the fighting", "sat out Azeri takeover"
    ("sit", r"out\s+(?:the\s+)?(?:[\w-]+\s+)?(?:fighting|offensive|war|conflict|assault|"
            r"takeover|attack|advance|operation)\b", "not intervene"),
    ("sit", r"on\s+the\s+sidelines", "not intervene"),
    ("sit", r"on\s+(?:their|its|his|her)\s+hands", "not intervene"),
    ("stay", r"on\s+the\s+sidelines", "not intervene"),
    ("keep", r"out\s+of\s+(?:it|the\s+(?:fighting|offensive|war|conflict|fray))", "not intervene"),
    ("stand", r"idly\s+by", "not intervene"),
    ("stand", r"aside(?=\s+(?:as|while|when|and)\b|\s*[,.;]|\s*$)", "not intervene"),
    # "took no action to block the takeover", "did nothing to stop the offensive"; "took no
    # action to intervene" is the same denial said twice
    ("take", r"no\s+action(?:\s+to\s+(?:intervene|interfere|act|step\s+in))?"
             r"(?=\s+to\b|\s+(?:as|while|when|and)\b|\s*[,.;]|\s*$)", "not intervene"),
    ("do", r"nothing(?=\s+to\s+(?:stop|halt|block|prevent|resist|counter|repel)\b)",
     "not intervene"),
    # "stood by as Baku took over", "looked on while ...", "remained passive bystanders"
    ("stand", r"by(?=\s+(?:as|while|when|and)\b|\s*[,.;]|\s*$)", "not intervene"),
    ("look", r"on(?=\s+(?:as|while|when|and)\b|\s*[,.;]|\s*$)", "not intervene"),
    ("remain", r"(?:passive|idle)(?:\s+(?:bystanders?|onlookers?|observers?))?", "not intervene"),
]

# words before a verb that fix its form: "had" a participle, a modal or "to" the base form
_HAVE = re.compile(r"\b(?:had|has|have|'d|'ve)\s+(?:\w+ly\s+)?$", re.I)
_MODALS = r"to|will|would|could|can|may|might|should|must|do|does|did"
_MODAL = re.compile(rf"(?:\b(?:{_MODALS})|'ll)\s+(?:\w+ly\s+)?$", re.I)


def _form(verb: str, word: str, before: str) -> int:
    """Which of ``verb``'s forms ``word`` is, by the words before it where forms look alike:
    "got" and "come" are participles after "had"/"has"/"have"; "hit" is the past unless a
    modal or "to" comes before it."""
    forms, w = _FORMS[verb], word.lower()
    if w == forms[0] == forms[3] and _HAVE.search(before):  # "has come out against"
        return 3
    if w == forms[2]:
        if _HAVE.search(before):
            return 3
        return 0 if _MODAL.search(before) else 2
    return forms.index(w)


# verbs whose base and third-person forms are as often nouns ("a step in the right
# direction", "steps in the process", "a hit on the streets"): those forms only after a
# modal, "to" or "not"
_NOUNISH = {"step", "hit", "call", "pack", "stand", "move", "put", "ink", "clear", "head",
            "jump", "look"}
_BEFORE_VERB = re.compile(rf"(?:\b(?:{_MODALS}|not|never)|n't|'ll)\s+(?:\w+ly\s+)?$", re.I)


def _inflect(plain: str, i: int) -> str:
    if plain.startswith("not "):
        verb = plain[4:]
        # "sat it out": did not intervene; "sits it out": does not intervene; "had sat it
        # out": had not intervened; "sitting it out": not intervening; "will sit it out":
        # will not intervene
        return ("not " + _FORMS[verb][0], "does not " + _FORMS[verb][0],
                "did not " + _FORMS[verb][0], "not " + _FORMS[verb][3],
                "not " + _FORMS[verb][4])[i]
    return _FORMS[plain][i]


def _compile() -> list[tuple[re.Pattern, str, str]]:
    out = []
    for verb, tail, plain in _IDIOMS:
        words = "|".join(sorted(set(_FORMS[verb]), key=len, reverse=True))
        sep = "" if tail.startswith("(?=") else r"\s+"
        out.append((re.compile(rf"\b({words}){sep}{tail}\b", re.I), verb, plain))
    return out


_PATTERNS = _compile()

# "'88", "'90s": the century a clipped year of news most likely means (up to '29: the 2000s)
_CLIPPED = re.compile(r"(?<![\w'’])['’](\d{2})(s?)\b")
_DECADES = {"fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}
_DECADE_WORDS = re.compile(
    r"\b(the\s+(?:(?:early|mid|late)[\s-]+)?)(?:nineteen[\s-]+)?(" + "|".join(_DECADES) + r")\b",
    re.I)


# long forms of country names ("the Republic of Armenia", "the Russian Federation")
# (not "the Democratic Republic of Congo", "People's Republic of China")
_LONG_NAMES = [(re.compile(r"(?:\b(?i:the)\s+|^)Republic\s+of\s+(?=[A-Z])"), ""),
               (re.compile(r"\b(?:(?i:the)\s+)?Russian\s+Federation\b"), "Russia"),
               (re.compile(r"\bUnited\s+States\s+of\s+America\b"), "United States")]
# offices told by what their holder runs or by a nickname ("heads Armenia's defence
# portfolio", "runs its military ministry", "its top diplomat"), written as the title
_OFFICE_WORDS = {"defence": "defence minister", "defense": "defence minister",
                 "military": "defence minister", "foreign": "foreign minister",
                 "diplomatic": "foreign minister", "finance": "finance minister",
                 "interior": "interior minister"}
_HOLDS = re.compile(
    r"\b(heads|holds|runs|leads|helms|headed|held|ran|led|helmed)\s+"
    r"((?:the\s+|[A-Z][\w.]*['’]s\s+|its\s+|their\s+|his\s+|her\s+)?)"
    r"(?:(defen[cs]e|military|foreign(?:\s+affairs)?|finance|interior)\s+"
    r"(?:portfolio|ministry|department|brief)|(diplomatic)\s+(?:service|corps))\b", re.I)
# ministries by their long or informal names, written as news writes the passage's
# ("Azerbaijan's Defense Ministry"): "the Ministry of Foreign Affairs", "the MFA", "the
# diplomatic service", "the military ministry"
_MINISTRIES = [
    (re.compile(r"\s*\(MFA\)"), ""),
    (re.compile(r"\b(?:[Mm]inistry\s+of\s+[Ff]oreign\s+[Aa]ffairs|(?i:foreign\s+affairs\s+"
                r"ministry)|MFA|(?i:diplomatic\s+service))\b"), "Foreign Ministry"),
    (re.compile(r"\b[Mm]inistry\s+of\s+(?:[Dd]efen([cs])e)\b"), r"Defen\1e Ministry"),
    (re.compile(r"\bM[oO]D\b"), "Defense Ministry"),  # "the MoD statement"
    (re.compile(r"\b(?i:military\s+(?:ministry|establishment)|defen[cs]e\s+establishment)\b"),
     "Defense Ministry"),
]
_NICKNAMES = [(re.compile(r"\b(?:defen[cs]e|military)\s+chief\b", re.I), "defence minister"),
              # "minister of defence", "minister for foreign affairs", as titles are written
              (re.compile(r"\bminister\s+(?:of|for)\s+defen([cs])e\b", re.I), r"defen\1e minister"),
              # one with a region is no foreign minister: Washington's "top diplomat for
              # Europe and Eurasia" heads the State Department's bureau for it
              (re.compile(r"\b((?:Washington|America)['’]s|US|U\.S\.)\s+top\s+diplomat\b"
                          r"(?=\s+for\s+(?:the\s+)?[A-Z])"), r"\1 assistant secretary of state"),
              (re.compile(r"\btop\s+diplomat\b(?=\s+(?:for|on)\s+(?:the\s+)?[A-Z])", re.I),
               "diplomat"),
              (re.compile(r"\btop\s+diplomat\b", re.I), "foreign minister"),
              (re.compile(r"\b(?:minister\s+(?:of|for)\s+foreign\s+affairs|foreign\s+affairs\s+"
                          r"minister)\b", re.I), "foreign minister"),
              # wire shorthand before a name ("FM Mirzoyan", "PM Pashinyan"; not "3 PM Friday")
              (re.compile(r"(?<!\d )\bFM(?=\s+[A-Z][a-z])"), "Foreign Minister"),
              (re.compile(r"(?<!\d )\bPM(?=\s+[A-Z][a-z])"), "Prime Minister"),
              (re.compile(r"\bSecState\b"), "Secretary of State")]


def _holds(m: re.Match) -> str:
    was = m[1].lower() in {"headed", "held", "ran", "led", "helmed"}
    owner = m[2] if m[2].strip().lower() != "the" else ""
    office = _OFFICE_WORDS[(m[3] or m[4]).split()[0].lower()]
    return f"{'was' if was else 'is'} {owner or 'the '}{office}"


# "back" before a time says only that it was long ago ("villages it seized back in the
# 1990s", "began way back in April"), not that something was taken back: after verbs whose
# "back" is no deed of its own
_BACK = re.compile(
    r"\b((?:captured|seized|grabbed|occupied|signed|started|began|begun|agreed|fought|"
    r"stationed|deployed|ended|erupted|happened|arrived|left|leaving|withdrew|withdrawn|"
    r"withdrawing|broke\s+out)\s+)(?:way\s+)?back\s+"
    r"(?=(?:in|during|on)\s)", re.I)
_WAY_BACK = re.compile(r"\bway\s+back\s+(?=(?:in|during|on)\s)", re.I)
# "the pullout was done and dusted on June 12": complete
_DUSTED = re.compile(r"\bdone\s+and\s+dusted\b", re.I)
# "didn't lift a finger to intervene": did not intervene
_FINGER = re.compile(r"(n't|\bnot|\bnever)\s+lift(?:ed)?\s+a\s+finger\s+to\s+", re.I)


# spoken numbers in dates, as a newsreader or a transcript writes them: "nineteen ninety-four",
# "twenty twenty-five", "the twenty-first of June", "June the twelfth"
_UNIT_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEEN_WORDS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
               "seventeen", "eighteen", "nineteen"]
_TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_TWO_DIGITS = {w: 10 + i for i, w in enumerate(_TEEN_WORDS)} | {
    f"{t} {u}" if u else t: 20 + 10 * i + j
    for i, t in enumerate(_TENS_WORDS) for j, u in enumerate(["", *_UNIT_WORDS])} | {
    f"oh {u}": 1 + j for j, u in enumerate(_UNIT_WORDS)}
_TWO_DIGIT = "|".join(sorted((k.replace(" ", r"[\s-]+") for k in _TWO_DIGITS), key=len,
                             reverse=True))
# "nineteen ninety-four", "twenty twenty" (not "twenty-five twenty", nor "the nineteen and a
# half"): the centuries of news
_SPOKEN_YEAR = re.compile(rf"\b(nineteen|twenty)[\s-]+({_TWO_DIGIT})\b(?![\s-]+(?:{_TWO_DIGIT}|"
                          r"hundred|thousand|million|percent|per\s+cent)\b)", re.I)
_ORDINAL = "|".join(sorted((k.replace(" ", r"[\s-]+") for k in DAY_ORDINALS), key=len,
                           reverse=True)) + r"|\d{1,2}(?:st|nd|rd|th)"
_MONTH = capitalised(MONTHS)
# "the twenty-first of June": June 21; "June the twelfth", "June twelfth": June 12
# (a month by its capital: "they may first ask" is no date)
_DAY_OF_MONTH = re.compile(rf"\b(?:[Tt]he\s+)?((?i:{_ORDINAL}))\s+of\s+({_MONTH})\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH})\s+(?:the\s+)?((?i:{_ORDINAL}))\b")
# a spoken span of clipped years ("from eighty eight to ninety four"): the years, where the
# first is of the last century and the span ends the phrase (not "from eighty to ninety
# troops")
_SPOKEN_SPAN = re.compile(rf"\b(from|between)\s+({_TWO_DIGIT})\s+(to|and|through|till|until)\s+"
                          rf"({_TWO_DIGIT})\b(?=\s*(?:[,.;:!?]|$|\s+(?:and|then|when|before|"
                          r"after|with|in|but|while|over)\b))", re.I)
# a year before its month, as a data sheet writes it ("2021, November", "2020 Nov"):
# "November 2021" (not before a day: "2020, November 10" stays)
_YEAR_MONTH = re.compile(rf"\b((?:1[89]|20)\d\d),?\s+({_MONTH})\b(?![\s.]*\d)")


def _two_digits(words: str) -> int:
    """The number two spoken digits say ("ninety-four", "oh two")."""
    return _TWO_DIGITS[re.sub(r"[\s-]+", " ", words.lower())]


def _day(word: str) -> int:
    word = re.sub(r"[\s-]+", " ", word.lower())
    return int(word[:-2]) if word[:1].isdigit() else DAY_ORDINALS[word]


def spoken_dates(text: str) -> str:
    """``text`` with spoken years and days of the month in digits: "in nineteen ninety-four"
    -> "in 1994", "until twenty twenty-five" -> "until 2025", "the twenty-first of June" ->
    "June 21"; a year before its month in the usual order: "2021, November" -> "November
    2021"; a spoken span of clipped years: "from eighty eight to ninety four" -> "from 1988 to
    1994"."""
    def year(m: re.Match) -> str:
        century = 1900 if m[1].lower() == "nineteen" else 2000
        return str(century + _two_digits(m[2]))

    def span(m: re.Match) -> str:
        first, last = _two_digits(m[2]), _two_digits(m[4])
        if first < 40 or not 0 < _full_year(last) - (1900 + first) <= 30:
            return m[0]
        return f"{m[1]} {1900 + first} {m[3]} {_full_year(last)}"

    out = _SPOKEN_SPAN.sub(span, _SPOKEN_YEAR.sub(year, text))
    out = _DAY_OF_MONTH.sub(lambda m: f"{m[2]} {_day(m[1])}", out)
    out = _YEAR_MONTH.sub(lambda m: f"{m[2]} {m[1]}", out)
    return _MONTH_DAY.sub(lambda m: f"{m[1]} {_day(m[2])}", out)


# a span of clipped years without their apostrophes, after a word that dates ("once 88-94",
# "the 98-02 talks"): the years, where the second comes after the first within 30 years
_BARE_SPAN = re.compile(r"\b(in|from|between|during|once|since|the|of)\s+(\d{2})\s*[-–]\s*"
                        r"(\d{2})\b(?!\s*(?:%|percent|per\s+cent|points?|votes?)\b)", re.I)


def _bare_span(m: re.Match) -> str:
    first, last = _full_year(int(m[2])), _full_year(int(m[3]))
    return f"{m[1]} {first}-{last}" if 0 < last - first <= 30 else m[0]


def _full_year(two: int) -> int:
    """The year a clipped year of news most likely means ('88: 1988, up to '29: the 2000s)."""
    return 1900 + two if two >= 30 else 2000 + two


def _year(m: re.Match) -> str:
    return f"{_full_year(int(m[1]))}{m[2]}"


# clipped hedges before a figure: "approx. 100,000", "est. 2,000"
_HEDGE_ABBREVIATIONS = [(re.compile(r"\b([Aa])pprox\.?(?=\s)"), r"\1pproximately"),
                        (re.compile(r"\b([Ee])st\.(?=\s+\d)"), r"\1stimated"),
                        (re.compile(r"(?<![\w.])([Cc])\.\s*(?=\d)"), r"\1irca "),
                        # "somewhere near 300,000", which parses "near" as a place
                        (re.compile(r"\b[Ss]omewhere\s+(?:near|around|about|close\s+to|"
                                    r"in\s+the\s+region\s+of)\s+(?=\d)"), "about "),
                        # a tilde before a figure, as notes write it: "~10k"
                        (re.compile(r"(?<![\w~])~\s*(?=\d)"), "about ")]

# clipped calendar names, as headlines and notes write them: "Sept offensive", "Nov 2020",
# "out Mon", "finished Thurs". Names that are also words or names of their own ("Sat",
# "Sun", "Wed", "Mar", "Jan") count only after a word that dates ("on Wed", "last Sat") or
# before a day or year ("Mar 3", "Jan 2021").
_CLIPPED_NAMES = {"Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April",
                  "Jun": "June", "Jul": "July", "Aug": "August", "Sep": "September",
                  "Sept": "September", "Oct": "October", "Nov": "November", "Dec": "December",
                  "Mon": "Monday", "Tue": "Tuesday", "Tues": "Tuesday", "Wed": "Wednesday",
                  "Thu": "Thursday", "Thur": "Thursday", "Thurs": "Thursday", "Fri": "Friday",
                  "Sat": "Saturday", "Sun": "Sunday"}
_WORDLIKE = {"Sat", "Sun", "Wed", "Mar", "Jan"}
_CLIPPED_NAME = re.compile(
    r"(?:\b(on|last|this|next|by|since|until|till|from|before|after|early|late|mid)\s+)?"
    rf"(?<![Tt]he\s)\b({'|'.join(sorted(_CLIPPED_NAMES, key=len, reverse=True))})\b"
    r"(?:\.(?=,?\s+[a-zA-Z0-9]))?"
    rf"(?=(,?\s+(?:\d|(?:{'|'.join(MONTHS)}|{'|'.join(k for k in _CLIPPED_NAMES if len(k) == 3)})"
    r"\b))?)(?![\w'’-])", re.I)


def _clipped_name(m: re.Match) -> str:
    name = m[2]  # the table's keys are capitalised as written: "sept" alone is no month,
    if name not in _CLIPPED_NAMES and not (
            name.capitalize() in _CLIPPED_NAMES
            and (m[3] or (m[1] and name.capitalize() not in _WORDLIKE))):
        return m[0]  # but "sept 2020", "dec 12" and "last sept" are, as chats write them
    name = name.capitalize()
    # "Wed." and "Mar." with the stop of a clipped name, as written ("Completion: Wed."),
    # are no words
    dotted = m[2][:1].isupper() and (m[0].endswith(".") or m.string[m.end():m.end() + 1] == ".")
    # "wrapped up Wed, per officials": after a word in lower case, closing a clause
    closing = m[2][:1].isupper() and re.match(r"\s*(?:[,;]|$)", m.string[m.end():]) and \
        re.search(r"\b[a-z]+\s+$", m.string[:m.start()])
    if name in _WORDLIKE and not (m[1] or m[3] or dotted or closing):
        return m[0]
    return f"{m[1]} {_CLIPPED_NAMES[name]}" if m[1] else _CLIPPED_NAMES[name]


# a clipped month as notes write it: "last mo.", "3 mos"
_CLIPPED_MONTH = re.compile(r"\b(last|this|next|past|a|one|\d+)\s+(mos?)\b\.?(?=\s|$|[,;:])", re.I)


def _clipped_month(m: re.Match) -> str:
    stop = "." if m[0].endswith(".") and not m.string[m.end():].strip() else ""
    return f"{m[1]} month{'s' if m[2].lower() == 'mos' else ''}{stop}"


# month names written in lower case, as chats and notes write them ("signed in sept 2020",
# "left on 21 june", "since april"): capitalised where a day, a year or a word that dates
# stands beside them, so the dates check reads them ("may" and "march" alone are words)
_LOWER_MONTH = re.compile(rf"\b({'|'.join(MONTHS)})\b")
_DATING = {"in", "on", "since", "until", "till", "by", "from", "last", "this", "next", "early",
           "late", "mid", "of", "before", "after", "during"}


def _lower_month(m: re.Match) -> str:
    before, after = m.string[:m.start()], m.string[m.end():]
    words = before.split()
    if re.match(r"\s+\d", after) or re.search(r"\d\s+$", before) or (
            words and words[-1].lower() in _DATING):
        return m[1].capitalize()
    return m[0]


# sets named by their size: "a trio of wars" -> "three wars", "a quartet of settlements"
_SETS = {"pair": "two", "trio": "three", "quartet": "four", "quintet": "five"}
_SET_OF = re.compile(
    rf"\b(?:(?:an?|the)\s+)?({'|'.join(_SETS)})\s+of\s+(?!the\b|th[eo]se\b|them\b)", re.I)


def _set_of(m: re.Match) -> str:
    word = _SETS[m[1].lower()]
    return (word.capitalize() if m[0][:1].isupper() else word) + " "


# "Pre-2025:", "Post-2020 —": a year's before or after as a label, which the dates check reads
# (a name the corpus never gives otherwise; "the post-2020 order" stays)
_PRE_POST = re.compile(r"\b(Pre|Post)-((?:1[89]|20)\d\d)\b")
# "1988 right through 1998": the span's words, without the stress
_RIGHT_THROUGH = re.compile(r"\b(\d{4})\s+(?:right|straight|all\s+the\s+way)\s+through\b", re.I)
# "drawn-out" parses as a verb and a particle, which hang the speed on nothing
_DRAWN_OUT = re.compile(r"\b(?:long[-\s])?drawn[-\s]out\b", re.I)


# chat spelling: shorthand words ("ppl", "bc", "w/"), contractions without their apostrophe
# ("didnt", "wasnt": the model reads "didn't") and the chat's own asides ("smh", "tbh"),
# which carry nothing to check
_CHAT_WORDS = {"ppl": "people", "bc": "because", "b/c": "because", "cuz": "because",
               "coz": "because", "bcuz": "because", "w/": "with", "w/o": "without",
               "govt": "government", "gov't": "government", "thru": "through", "til": "until",
               "tho": "though", "abt": "about", "yrs": "years", "rn": "right now", "u": "you",
               "ur": "your", "tmrw": "tomorrow", "yday": "yesterday", "esp": "especially",
               "gonna": "going to", "wanna": "want to", "kinda": "kind of", "sorta": "sort of",
               "dunno": "do not know", "thats": "that's", "theyre": "they're",
               "theres": "there's", "whats": "what's", "asst": "assistant",
               "dept": "department", "intl": "international", "natl": "national",
               "yr": "year", "stmt": "statement", "qty": "quantity"}
_SEC_OF_STATE = re.compile(r"\b([Ss])ec\.?(?=\s+of\s+[Ss]tate\b)")
# a clipped title before a name: "pres. Aliyev", "Pres Putin"
_PRESIDENT = re.compile(r"\b[Pp]res\.?\s+(?=[A-Z][a-z])")
_CHAT_WORD = re.compile(
    r"(?<![\w'’/])(" + "|".join(re.escape(w) for w in sorted(_CHAT_WORDS, key=len, reverse=True))
    + r")(?![\w'’])(\.(?=\s+(?-i:[a-z])))?", re.I)  # and the stop of a clipped word ("Intl. law")
_BARE_NT = re.compile(r"\b(do|does|did|is|was|were|are|has|have|had|ca|could|would|should|wo|"
                      r"must|ai)nt\b", re.I)
_CHAT_ASIDE = re.compile(r"(?:^|(?<=\s))(?:smh|tbh|tbf|idk|imo|imho|ngl|lol|lmao|omg|btw|fwiw|"
                         r"afaik|iirc|um+|uh+|erm+|hmm+|you know)\b[,.!]*(?:\s+|$)", re.I)
# a spoken "like" that only fills a pause ("the russians like finished", "there were like
# 2,000"): before a past-tense verb, a figure or a word of roughness; not "fought like lions"
_FILLER_LIKE = re.compile(r"(?<=\w)(?:\s*,)?\s+like\s*,?\s+(?=(?:[a-z]+ed|about|around|almost|"
                          r"nearly|roughly|over|under|\d)\b)", re.I)
# a closing tag a speaker adds ("..., right?", "... or something")
_SPOKEN_TAG = re.compile(r"(?:\s*,\s*(?:right|or something|or whatever|and stuff)|\s+right\?|"
                         r"\s+(?:or something|or whatever|and stuff))[?.!]*\s*$", re.I)


def _chat_word(m: re.Match) -> str:
    word = _CHAT_WORDS[m[1].lower()]
    if m[1].isupper():
        return m[0]  # "U.S.", "BC", "UR": initials and names
    return word[:1].upper() + word[1:] if m[1][:1].isupper() else word


@lru_cache(maxsize=1)
def _possessive() -> re.Pattern:
    """A one-word country's name with an "s" and no apostrophe ("armenias"); not "Americas"."""
    from verifier.checks.common import COUNTRIES

    names = sorted(c for c in COUNTRIES if c.isalpha() and c != "america")
    return re.compile(rf"\b((?i:{'|'.join(names)}))s\b(?!['’])")


_AMPERSAND = re.compile(r"\s+&\s+")
# a note's one clipped word in brackets ("(orig.)", "(hist.)", "(est.)"): a qualifier the
# field reads as well without, that breaks its parse
_ABBREVIATED_ASIDE = re.compile(r"\s*\([A-Za-z]{2,6}\.\)")
_SHOUTED = re.compile(r"\b[A-Z]{3,}\b")


@lru_cache(maxsize=1)
def _plain_caps() -> frozenset[str]:
    """Words a headline may shout that are never initials: function words ("NOT", "NOTHING",
    "NEVER") and number words ("THIRTY", "TEN YEARS"). Not "WHO" (the organisation)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    numbers = {*_TEEN_WORDS, *_TENS_WORDS, *_UNIT_WORDS, "hundred", "thousand", "million",
               "year", "years", "zero"}
    return frozenset((STOP_WORDS | numbers) - {"who"})


def unshout(text: str) -> str:
    """``text`` with the function and number words it shouts in capitals written plainly
    ("stood by and did NOTHING" -> "did nothing", "for almost THIRTY YEARS"); a claim all in
    capitals, and initials ("DNA", "WHO", "NATO"), stay as written."""
    if not re.search(r"\b[a-z]{2,}\b", text):
        return text
    plain = _plain_caps()
    return _SHOUTED.sub(lambda m: m[0].lower() if m[0].lower() in plain else m[0], text)


def chat_spelling(text: str) -> str:
    """``text`` with chat shorthand spelled out: "ppl didnt leave bc of the war, tbh" ->
    "people didn't leave because of the war"; a country's possessive without its
    apostrophe ("armenias defence ministry") with it; "&" between words as "and"; shouted
    function and number words in lower case (:func:`unshout`); one clipped word in brackets
    ("(orig.)") left out; a speaker's fillers ("um", "like" before a verb or a figure, a
    closing ", right?") left out."""
    out = _FILLER_LIKE.sub(" ", _CHAT_ASIDE.sub("", text))
    if out != text:  # spoken: a bare closing "right" is a tag too ("... on wednesday right")
        out = re.sub(r"\s+right\s*$", "", out, flags=re.I)
    out = _SPOKEN_TAG.sub("", out)
    if out != text:
        out = re.sub(r"\s*[,;:]\s*$", "", out)  # "We can't say, lol": "We can't say"
    out = _possessive().sub(r"\1's", out)
    out = unshout(_AMPERSAND.sub(" and ", out))  # "Putin & Aliyev"
    out = _ABBREVIATED_ASIDE.sub("", out)  # "Mandate end (orig.): 2025"
    out = _SEC_OF_STATE.sub(r"\1ecretary", _PRESIDENT.sub("President ", out))
    out = _BARE_NT.sub(lambda m: f"{m[1]}n't", out)
    return _CHAT_WORD.sub(_chat_word, out).strip() or text


def plain_words(text: str) -> str:
    """``text`` with its informal idioms, clipped years and decade words written plainly
    (see the module's docstring)."""
    out = chat_spelling(text)
    for pattern, verb, plain in _PATTERNS:
        def sub(m: re.Match, verb: str = verb, plain: str = plain) -> str:
            before = m.string[:m.start()]
            i = _form(verb, m[1], before)
            if verb in _NOUNISH and i in (0, 1) and m[1].lower() != _FORMS[verb][2] and \
                    not _BEFORE_VERB.search(before):
                return m[0]  # "a step in the right direction"
            word = _inflect(plain, i)
            return word[:1].upper() + word[1:] if m[1][:1].isupper() else word
        out = pattern.sub(sub, out)
    for pattern, plain in _HEDGE_ABBREVIATIONS:
        out = pattern.sub(plain, out)
    out = _LOWER_MONTH.sub(_lower_month, out)
    out = _SET_OF.sub(_set_of, _CLIPPED_NAME.sub(_clipped_name, out))
    out = _CLIPPED_MONTH.sub(_clipped_month, out)
    out = _FINGER.sub(lambda m: f"{m[1]} ", out)
    out = _DRAWN_OUT.sub("protracted", _DUSTED.sub("complete", out))
    out = _RIGHT_THROUGH.sub(r"\1 through", out)
    out = _PRE_POST.sub(lambda m: ("Before " if m[1] == "Pre" else "After ") + m[2], out)
    out = _WAY_BACK.sub("", _BACK.sub(lambda m: m[1], out))
    for pattern, name in _LONG_NAMES:
        out = pattern.sub(name, out)
    out = _HOLDS.sub(_holds, out)
    for pattern, title in _NICKNAMES + _MINISTRIES:
        out = pattern.sub(title, out)
    out = _BARE_SPAN.sub(_bare_span, _CLIPPED.sub(_year, spoken_dates(out)))
    return _DECADE_WORDS.sub(lambda m: f"{m[1]}19{_DECADES[m[2].lower()]}0s", out)
