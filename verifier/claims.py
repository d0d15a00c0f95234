"""Claims: validation and splitting compound claims into atomic sub-claims.

A frame that only says the source says the claim ("The article reports that ...") or a spoken
lead-in ("So, ...", "Turns out ...") is read away first (:func:`strip_frame`), and informal
idioms are written plainly (:mod:`verifier.plain`). "A and B", "A, but B", "A; B" become two
sub-claims when each side has its own verb; a second part without a subject borrows the first
part's subject ("Russia withdrew its troops and completed the handover" -> "... and Russia
completed the handover"; also after an adverb: "... and then left"), and so does a part whose
subject is a pronoun standing for it ("Putin is Russia's president, and he visited Baku" ->
"Putin visited Baku."). A deed dated by another deed's weekday ("issued the text on Wednesday,
the very day the troops left") becomes two dated parts; one dated only by a gap from another
("came a day before the troops left", :func:`relative_date`) becomes two once the corpus gives
either deed's day (``verify._dated_parts``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verifier.calendar_words import MONTHS, WEEKDAYS
from verifier.errors import InvalidClaimError
from verifier.plain import plain_words

MAX_CLAIM_CHARS = 2000
_SPLIT_WORDS = {"and", "but", "while", "whereas", "although", "though", "yet"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM"}


# A frame that says only that the source says the claim ("The article reports that ...",
# "Reports indicate ...", "It is stated that ...", "According to the article, ...", "...,
# the article notes."): the source is the corpus itself, so the frame adds nothing to check,
# while its words dilute the claim for the model and for relevance. A named source ("officials
# in Baku said") is content and stays.
# The source may be the reader's own paper, addressed ("your article says ...", "as your
# correspondent noted", "you report", "according to you", "by your account").
_SOURCE = (r"(?:(?:the|this|your|our)\s+(?:article|report|story|piece|text|document|source|"
           r"coverage|record|paper|newspaper|reporter|correspondent|writer|account|label|"
           r"caption|dispatch)|you|"
           # reporting in general, unnamed ("per reporting", "field reports say", "per sources")
           r"(?:(?:news|press|media|field|initial|early)\s+)?(?:reporting|reports)|sources)")
_SAYS = (r"(?:reports?|says?|states?|notes?|indicates?|mentions?|suggests?|explains?|"
         r"describes?|claims?|adds?|shows?|confirms?|writes?|records?|reported|said|stated|"
         r"noted|indicated|mentioned|explained|claimed|suggested|wrote|recorded|"
         r"(?:reminds?|tells?|told|reminded)\s+us)")
_FRAMES = [
    re.compile(rf"^(?:{_SOURCE}|(?:news\s+)?reports|sources)\s+{_SAYS}\s+(?:that\s+)?(?=\S)",
               re.I),
    re.compile(r"^it\s+(?:is|was|has\s+been)\s+(?:reported|stated|noted|said|mentioned)\s+"
               r"(?:in\s+" + _SOURCE + r"\s+)?that\s+", re.I),
    re.compile(rf"^(?:according\s+to|as\s+(?:reported|stated|noted)\s+in|per|by)\s+{_SOURCE}"
               r"\s*,\s*", re.I),
    re.compile(rf"^as\s+{_SOURCE}\s+{_SAYS}\s*,\s*", re.I),
]
# the one who swears a sworn statement, named by its role ("Declarant avers that ...", "The
# affiant states ...", "..., deponent records."): the claim is what is sworn; a witness or a
# claimant stays, being a source whose saying so is itself the claim
_SWORN = r"(?:the\s+)?(?:declarant|affiant|deponent|undersigned)"
_SWEARS = (r"(?:(?:further|also|hereby|solemnly)\s+)?(?:avers|swears|attests|states|declares|"
           r"affirms|certifies|records|says|observes|notes|confirms|testifies|deposes|asserts|"
           r"maintains|reports|adds)")
# a live blog's time stamp ("14:02 \u2014 ...", "9.30am: ...")
_STAMP = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|local)?\s*"
                    r"[-\u2013\u2014:]\s+(?=\S)", re.I)
# where a line sits in a document ("Para. 51 \u2014 ...", "\u00b6 12: ...", "Item 3 - ...",
# "Section 2.1: ..."): no part of the claim
_DOC_REF = re.compile(r"^(?:(?:para(?:graph)?|item|point|section|sec|clause|entry|line|no)\.?\s*"
                      r"|[\u00b6\u00a7]\s*)\d+(?:\.\d+)*[a-z]?\s*[-\u2013\u2014:.)]+\s*(?=\S)",
                      re.I)
# a list's bullet or number ("- ...", "\u2022 ...", "2. ...", "b) ...", "(3) ..."): no part
# of the claim
_BULLET = re.compile(r"^(?:(?:[-*\u2022\u2023\u25aa\u25e6\u2013\u2014]|\d{1,2}[.)]|\(\d{1,2}\))\s+"
                     r"(?=\S)|(?:[a-h][.)]|\([a-h]\))\s+(?=[A-Z]))")  # not "e. coli"
# who a speaker addresses: readers, students, a parliament's members
_AUDIENCE = (r"(?:students|debaters|readers|viewers|listeners|clients|investors|subscribers|"
             r"travell?ers|staff|teams|everyone|you|we|(?:the\s+)?(?:honourable|hon\.)\s+"
             r"(?:member|members|gentleman|lady)|members|the\s+(?:house|chamber))")
# A spoken lead-in that only frames what follows ("So, ...", "Turns out ...", "Here's the
# thing: ...", "Let's be real, ...", "Why were they there at all? They were ..."): it carries
# nothing to check and its words mislead the model.
_LEADS = [
    re.compile(r"^(?:so(?!\s+(?:far|many|much|few|long|that|called)\b)|well|okay|ok|listen|"
               r"basically|honestly|actually|now|and|plus|folks|apparently|frankly|"
               r"no surprise(?:\s+there)?|"
               r"also|yes|yeah|right|fun fact|get this|it's official|let's be real|let's be honest|"
               r"let's be clear|let's not forget(?:\s+that)?|don't forget(?:\s+that)?|"
               r"from what I (?:gather|hear|read|understand)|(?:pretty\s+)?wild that|"
               r"here's the (?:thing|kicker|reality|truth|deal|story)(?:,?\s+plain and simple)?|"
               r"make no mistake(?:,\s*folks)?|let me spell (?:it|this) out|"
               r"(?:if|when) (?:anyone|someone|they) tells? you otherwise,?\s+remember|"
               r"bottom line|(?:it\s+)?turns out(?:\s+that)?|"
               r"in short|in sum|as of now|the answer is(?:\s+that)?|no(?=\s*[,\u2014]))"
               r"\b\s*[,:;\u2014-]?\s+(?=\S)", re.I),
    # the claim as what an audience should know ("Students should know that ...", "Debaters
    # can point out that ...", "Readers will want to remember ..."): the audience is no part
    # of the claim
    re.compile(rf"^{_AUDIENCE}\s+(?:should|must|can|could|may|might|will|would|need\s+to|"
               r"ought\s+to|will\s+want\s+to)\s+"
               r"(?:(?:know|note|remember|recall|bear\s+in\s+mind|keep\s+in\s+mind|"
               r"understand|be\s+aware)(?:\s+that)?|(?:point\s+out|mention|cite|stress|"
               r"highlight|argue|be\s+(?:clear|in\s+no\s+doubt))\s+that)\s*[,:]?\s+(?=\S)",
               re.I),
    # a speaker's own address ("I say to the House that ...", "I would remind the Chamber
    # that ...", "It is a matter of record that ...")
    re.compile(rf"^(?:I|we)\s+(?:would\s+)?(?:say\s+to|remind|tell)\s+{_AUDIENCE}\s+that\s+"
               r"(?=\S)|^it\s+is\s+a\s+matter\s+of\s+(?:public\s+)?record\s+that\s+(?=\S)", re.I),
    # the speaker's own word on what follows ("I can tell you that ...", "I would note that
    # ...", "We assess ...", "I can confirm ...", "What I can say is that ...", "Our
    # assessment is that ...", "As I said yesterday, ...", "Let me be clear: ...", "For the
    # record, ..."): a speaker vouching for a claim adds nothing to check
    re.compile(r"^(?:I|we)(?:'d|'ll)?\s+(?:(?:can|could|would|will|must|should|just|also|"
               r"again|want\s+to|have\s+to|need\s+to)\s+){0,2}"
               r"(?:tell\s+(?:you|folks|everyone)|say|note|confirm|add|stress|remind\s+"
               rf"(?:{_AUDIENCE}|folks|people)|point\s+out|mention|emphasi[sz]e|repeat|"
               r"reiterate|assure\s+you|recall|assess|believe|think|understand|gather)"
               # not "I think about ...", "we believe in ..."
               r"(?!\s+(?:about|of|on|in|over|back|so)\b)(?:\s+that)?\s*[,:]?\s+(?=\S)"
               r"|^(?:what\s+(?:I|we)\s+(?:[\w']+\s+){0,2}(?:say|tell\s+you|see|seeing|know|"
               r"confirm)|(?:our|my)\s+(?:[\w-]+\s+)?(?:assessment|understanding|view|reading|"
               r"sense)|the\s+(?:fact|point|truth|bottom\s+line))\s+is(?:\s+that)?\s*[,:]?\s+(?=\S)"
               r"|^(?:as\s+(?:I|we)\s+(?:(?:have|had|just)\s+)?(?:said|mentioned|noted|told\s+you|"
               r"stated)(?:\s+(?:yesterday|before|earlier|last\s+week|at\s+the\s+time|then|back\s+then|"
               r"in\s+(?:my|our|a|the)\s+[a-z-]+))?|for\s+the\s+record|"
               r"to\s+be\s+(?:clear|precise|fair)|(?:let\s+me|I\s+want\s+to)\s+be\s+"
               r"(?:(?:very|crystal)\s+)?(?:clear|precise)(?:\s+(?:here|on\s+this))?)"
               r"\s*[,:\u2014-]\s*(?=\S)", re.I),
    re.compile(rf"^{_SWORN}\s+{_SWEARS}(?:\s+that)?\s*[,:]?\s+(?=\S)", re.I),
    # a memoir's or witness's word on what they were told, noted or wrote ("I was told, and
    # believed, that ...", "In those briefings I always stressed that ...", "I drafted a memo
    # explaining that ...", "I took careful note when ...", "Going by my diary, ...", "I
    # counted them once in a cable: ..."): the claim is what they tell
    re.compile(r"^(?:(?:in|at|during|on|from)\s+(?:[a-z]+\s+){1,3})?(?:I|we)\s+"
               r"(?:(?:always|often|once|repeatedly|then|later|also|first)\s+)?"
               r"(?:(?:was|were)\s+told|stressed|noted|observed|wrote|argued|warned|recorded|"
               r"explained|remember|recall|told\s+[a-z]+(?:\s+[a-z]+)?)"
               r"(?:\s*,\s*and\s+(?:believed|agreed)\s*,)?\s+that\s+(?=\S)"
               r"|^(?:I|we)\s+(?:drafted|wrote|sent|filed|penned|prepared)\s+(?:a|an|the|my|one)\s+"
               r"[a-z-]+\s+(?:explaining|noting|saying|stating|arguing|warning|stressing|"
               r"reporting)\s+that\s+(?=\S)"
               r"|^(?:I|we)\s+(?:took|made)\s+(?:careful\s+|a\s+|special\s+)?note\s+"
               r"(?:when|that|of\s+how)\s+(?=\S)"
               r"|^(?:going|judging)\s+by\s+(?:my|our)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s*,\s*(?=\S)",
               re.I),
    re.compile(r"^(?:I|[Ww]e)(?:\s+[a-z']+){1,7}\s*:\s+(?=[A-Z])"),
    # a short label before a colon ("Headcount check: ...", "Reminder: ..."); not a named
    # source or a title ("Baku: ...", "Yerevan's complaint: ...", "Maleficent : Mistress of
    # Evil": see ``_label``)
    re.compile(r"^[A-Za-z]+(?:-[a-z]+)?(?:\s+[a-z]+(?:-[a-z]+)?){0,3}:\s+(?=\S)"),
    # ... or before a dash ("FYI - ...", "Ops FYI - ...", "Note - ...")
    re.compile(r"^(?:[A-Za-z]+\s+){0,2}(?:FYI|PSA|note|update|alert|reminder|breaking|flash|"
               r"developing)(?:\s+\d{1,2})?(?:\s*\([^()]{1,20}\))?\s*[-\u2013\u2014]\s+(?=\S)",
               re.I),
    # a short question the rest answers ("Why were Russians there at all? They were ...")
    re.compile(r"^(?:why|what|how|who|when|where|which)\b(?:\s+[^\s?.!]+){0,6}\?\s+(?=[A-Z])",
               re.I),
]
# one-word labels of a spoken or posted claim ("Fact: ...")
_LABELS = {"fact", "reminder", "update", "note", "recap", "context", "summary", "fyi", "psa",
           "breaking", "confirmed", "background", "quick", "tldr", "heads-up", "alert", "tip"}
_SAID_OBJECTS = {"nothing", "little", "much", "something", "everything", "so", "otherwise"}
# ", the article notes." at the end, ", according to the article," anywhere
_ASIDE = rf"(?:(?:as\s+)?{_SOURCE}\s+{_SAYS}|(?:according\s+to|per)\s+{_SOURCE})"
_TRAILING_FRAME = re.compile(rf",\s*{_ASIDE}(?=\s*[.!?]?\s*$)", re.I)
# the speaker on their own knowing, saying or records, with no name and no number ("I
# learned from your story", "I recall vividly", "my files show", "as I knew him")
_SPEAKER_SAYS = (r"(?-i:(?:I|we|(?:my|our)\s+[a-z]+)(?:\s+[a-z']+){0,2}?\s+(?:learned|learnt|read|"
                 r"heard|think|believe|believed|find|found|guess|suppose|gather|want|wanted|know|"
                 r"knew|recall|remember|note|noted|say|said|hope|observed|noticed|understood|"
                 r"understand|told|stressed|judged|wrote|recorded|saw|show|shows|showed)"
                 r"\b[^,;:.!?\dA-Z]*)")
# a closing aside of the speaker's that says nothing of the claim ("..., if I remember the
# story right", "..., for what it's worth", "..., our teams should note", "..., that's the
# stated reason", "..., people seem to forget that")
_SPEAKER_ASIDE = re.compile(
    r"(?:,|\s+[\u2014\u2013])\s*(?:if I remember(?:\s+[\w']+){0,3}|for what it'?s worth|"
    r"as far as I know|"
    r"I (?:think|believe|guess|reckon)|(?:our|your) (?:teams|staff|readers) should note|"
    rf"(?:people|folks|many) (?:seem to )?forget that|that'?s the (?:stated reason|timeline)|"
    rf"(?:and )?(?:both )?spelled out in {_SOURCE}|(?:and )?{_SOURCE} says as much|"
    r"(?:per\s+(?:the\s+|our\s+)?)?(?:advisory|memo|briefing|bulletin)(?:\s+(?:says|notes|recap))?|"
    r"(?:and\s+)?(?:let\s+(?:nobody|no\s+one)|don't\s+let\s+(?:anyone|anybody))\s+"
    r"(?:pretend|tell\s+you)\s+otherwise|"
    # the speaker's closing word on their own knowing or saying, with no name and no number
    # in it ("..., I learned from your story", "..., which I find heartening", "..., and I
    # want to be clear on that"; not "..., we have been under military rule"), or a source
    # of their own ("..., per our timeline")
    rf"(?:and\s+|which\s+|as\s+)?{_SPEAKER_SAYS}|(?:according\s+to|per)\s+(?:our|your)\s+[\w-]+"
    # the sworn statement's speaker ("..., deponent records.")
    rf"|{_SWORN}\s+{_SWEARS})"
    r"(?=\s*[.!?]?\s*$)"
    # a closing label after a dash ("... - staff note.")
    r"|\s+[-\u2013\u2014]\s+(?:[a-z]+\s+)?(?:note|update|fyi)(?=\s*[.!?]?\s*$)", re.I)
# "reportedly": the report is the corpus ("Armenia reportedly sought ...", "..., reportedly.")
_REPORTEDLY = re.compile(r"\s*,\s*reportedly\s*,\s*|^reportedly\s*,?\s*|,?\s*\breportedly\b\s*"
                         r"(?=[.!?]?\s*$)|\breportedly\s+", re.I)
_MID_FRAME = re.compile(rf",\s*(?:{_ASIDE}|(?:as\s+)?{_SPEAKER_SAYS})\s*,\s*", re.I)
# ", the House should note,", ", as members will recall,", ", I remind the House,"
_MID_ADDRESS = re.compile(
    rf",\s*(?:as\s+)?(?:{_AUDIENCE}\s+(?:should|will|may|must)\s+(?:note|recall|remember|know)|"
    rf"I\s+(?:would\s+)?remind\s+{_AUDIENCE}|{_SWORN}\s+{_SWEARS})\s*,\s*", re.I)


def _label(lead: str, rest: str) -> bool:
    """A lead before a colon is a label, not a source or a title: one of ``_LABELS``, or two
    or three words of which none is a name, before a clause of its own. Before a bare value
    the words are a data sheet's field, and the claim's subject ("Opening conflict period:
    1988 to 1994", "Pullout accord parties: Putin and Aliyev")."""
    from verifier.checks.common import PLACES, parse

    words = lead.rstrip(": ")
    if " " not in words:
        return words.lower() in _LABELS
    if words.split()[-1].lower() in _LABELS | {"check", "point"}:  # "Staff note", "Memo point"
        return not any(w.lower() in PLACES for w in words.split())
    clause = parse(plain_words(rest))
    # (a participle that opens it is said of the words: "Pullout deal: negotiated by ...")
    return not any(t.pos_ == "PROPN" or t.lower_ in PLACES or t.ent_type_
                   for t in parse(words)) and any(t.pos_ in {"VERB", "AUX"} for t in clause) \
        and not (len(clause) and clause[0].tag_ == "VBN")


# a headline's cry before the claim ("Boom! ...", "Handshake deal! ...", "Shock reversal!
# ..."): up to three words and an exclamation mark
_CRY = re.compile(r"^((?:[\w'’-]+\s+){0,2}[\w'’-]+)!+\s+(?=\S)")


def _cry(m: re.Match | None) -> bool:
    """The cry tells nothing to check: no figure, no calendar word, no place, no capital after
    its first word, no verb ("Friday farewell!", "Baku triumphs!" and "Streets explode!"
    stay)."""
    from verifier.checks.common import PLACES, parse

    if m is None:
        return False
    words = m[1].split()
    return not re.search(r"\d", m[1]) and not any(
        w.lower() in MONTHS or w.lower() in WEEKDAYS or w.lower() in PLACES for w in words) \
        and not any(w[:1].isupper() for w in words[1:]) \
        and not any(t.pos_ in {"VERB", "AUX"} for t in parse(m[1]))


def _mid_gap(m: re.Match) -> str:
    """What an aside in mid-claim leaves: a comma after an opening clause ("When Baku's
    forces swept in, I remember, the peacekeepers stood by"), else a space ("Baku, as the
    article says, took the region")."""
    return ", " if _OPENING_CLAUSE.match(m.string[:m.start()]) else " "


_OPENING_CLAUSE = re.compile(r"(?:when|after|before|as|while|although|though|if|once|since|"
                             r"because|until)\b[^,]*$", re.I)


def strip_frame(claim: str) -> str:
    """The claim without a spoken lead-in ("So, turns out the pullout began in April") or a
    headline's cry ("Boom! ..."), and without a frame that only says the source says it ("The
    article reports that the pullout began in April"): "The pullout began in April";
    unchanged otherwise."""
    out = _STAMP.sub("", _DOC_REF.sub("", _BULLET.sub("", claim, count=1), count=1), count=1)
    for _ in range(3):  # "So, turns out ..."
        before = out
        for lead in _LEADS:
            m = lead.match(out)
            if m and (":" not in m.group() or _label(m.group(), out[m.end():])):
                out = out[m.end():]
        cry = _CRY.match(out)
        if _cry(cry):
            out = out[cry.end():]
        if out == before:
            break
    for frame in _FRAMES:
        out = frame.sub("", out, count=1)
    out = _MID_FRAME.sub(_mid_gap, _SPEAKER_ASIDE.sub("", _TRAILING_FRAME.sub("", out)))
    out = _REPORTEDLY.sub(lambda m: " " if m.group().count(",") == 2 else "", out)
    out = _MID_ADDRESS.sub(" ", out)
    if out == claim or len(out.split()) < 3 or out.split()[0].lower() in _SAID_OBJECTS:
        return claim  # "The article says nothing about casualties" is a claim about the article
    return out[:1].upper() + out[1:]


_CODE = re.compile(r"(?<![\w.])[A-Z]{2,3}(?![\w.])")
# a name clipped with a stop, as wires and alerts write it ("Az. forces", "Arm. FM"); the
# stop stays where it ends the sentence
_CLIPPED_NAME = re.compile(r"(?<![\w.])[A-Z][a-z]{1,4}\.(?=\s*$|[\s,;:)])")
# clipped words of their own: titles, ranks, months, weekdays, units and the like
_CLIPPED_WORDS = frozenset({
    "mr", "mrs", "ms", "mx", "dr", "st", "gen", "col", "lt", "sgt", "capt", "cpl", "pvt", "maj",
    "adm", "brig", "cmdr", "gov", "sen", "rep", "jr", "sr", "inc", "co", "corp", "ltd", "no",
    "vol", "fig", "prof", "rev", "hon", "pres", "sec", "amb", "min", "dept", "est", "approx",
    "ave", "mt", "ft", "vs", "etc", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    "sat", "sun", "op", "ed", "eds"})


def expand_codes(claim: str, words: frozenset[str]) -> str:
    """A claim with its country codes written as the country a corpus names ("AZ retook the
    area", "US-ARM talks", "RU forces" against a corpus of "Azerbaijan", "Armenia" and
    "Russia"): a word of two or three capitals, or a clipped name with a stop ("Az. forces",
    "Arm. FM"), that the corpus never uses (``words``, its lower-cased words), that is no
    known abbreviation ("EU", "UK", "Gen.", "Sept.") or function word, and that opens the
    name of exactly one country or place of the corpus. Without it the code is a name the
    corpus never mentions, and the claim cannot be found."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from verifier.checks.common import ALIASES, COUNTRIES, canon

    def country(code: str) -> str | None:
        low = code.lower()
        if low in words or low in ALIASES or low in STOP_WORDS:
            return None
        named = {canon(w) for w in words if w.startswith(low)}
        named = {n for n in named if n in COUNTRIES and n.isalpha()}
        return named.pop().capitalize() if len(named) == 1 else None

    def expand(m: re.Match) -> str:
        return country(m.group()) or m.group()

    def unclip(m: re.Match) -> str:
        code = m.group()[:-1]
        name = None if code.lower() in _CLIPPED_WORDS else country(code)
        if name is None:
            return m.group()
        return name + ("." if not m.string[m.end():].strip() else "")

    if _CODE.search(claim):
        claim = _CODE.sub(expand, claim)
    return _CLIPPED_NAME.sub(unclip, claim) if _CLIPPED_NAME.search(claim) else claim


_WORD_PAIR = re.compile(r"\b([A-Za-z]{3,})\s+(?=([a-z]{3,})\b)")


def join_split_words(claim: str, words: frozenset[str]) -> str:
    """A claim with a compound written as two words, as dictation and hurried typing split
    it ("peace keepers", "partner ship"), joined where the corpus writes it as one word of at
    least eight letters (``words``, its lower-cased words), never uses one of the halves, and
    neither half is a function word ("every one" stays; so does "birth weight" in a corpus
    that writes both "birthweight" and "birth weight"). Without it the counted noun or the
    name of the thing is one the corpus never uses."""
    from spacy.lang.en.stop_words import STOP_WORDS

    def join(m: re.Match) -> str:
        a, b = m[1], m[2]
        whole = (a + b).lower()
        if len(whole) < 8 or whole not in words or a.lower() in STOP_WORDS or \
                b in STOP_WORDS or (a.lower() in words and b in words):
            return m[0]
        return a

    return _WORD_PAIR.sub(join, claim)


def validate_claim(text: object) -> str:
    """Return the stripped claim, or raise ``InvalidClaimError`` saying what is wrong."""
    if not isinstance(text, str):
        raise InvalidClaimError(f"claim must be text, got {type(text).__name__}")
    claim = text.strip()
    if not claim:
        raise InvalidClaimError("claim is empty: pass a sentence to check")
    if len(claim) > MAX_CLAIM_CHARS:
        raise InvalidClaimError(
            f"claim is {len(claim):,} characters; the limit is {MAX_CLAIM_CHARS:,}. "
            "Split it into separate claims."
        )
    if "\x00" in claim or "\ufffd" in claim:
        raise InvalidClaimError("claim contains undecodable characters (NUL or U+FFFD)")
    if not re.search(r"[^\W\d_]", claim):
        raise InvalidClaimError(f"claim {claim!r} has no words to verify: pass a sentence")
    return re.sub(r"\s+", " ", claim)


def _has_verb(span) -> bool:
    """A verb that can head a clause: participles used as adjectives ("long considered
    allies", dep ``amod``) do not count; a word with a subject does, whatever its tag (the
    small tagger calls "retook" in "Baku retook Karabakh" a noun)."""
    return any((t.pos_ in {"VERB", "AUX"} and t.dep_ != "amod")
               or any(c.dep_ in _SUBJECTS for c in t.children) for t in span)


def _joins_clauses(cc) -> bool:
    """False when the coordinator ends a comma list of nouns ("personnel, weapons and
    equipment had left" is one claim, not "... weapons." + "Equipment had left.")."""
    head = cc.head
    if cc.text == ";" or head.pos_ not in _NOMINAL \
            or any(c.dep_ in _SUBJECTS for c in head.children):
        return True
    conj = next((c for c in head.children if c.dep_ == "conj" and c.i > cc.i), None)
    if conj is not None and conj.pos_ in _NOMINAL \
            and not any(c.dep_ in _SUBJECTS for c in conj.children) \
            and not any(t.pos_ in {"VERB", "AUX"} and t.dep_ == "conj" and t.head.i < cc.i
                        for t in cc.doc[cc.i + 1:]) and (_one_subject(head) or
                                                         _subject_before_verb(head, conj, cc)):
        # two nouns, no second clause: "the ceasefire deal between Armenia and Azerbaijan was
        # signed", "It was Putin and Armenia's leadership who agreed", "According to Baku, the
        # last soldiers and weaponry left on June 12" (the subject of a verb after both)
        return False
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return not any(t.text == "," for t in cc.doc[first.i: cc.i])


# verbs whose clause complement may open with two subjects ("said Washington and Baku had
# agreed"); after another verb the parser's "left Karabakh and Armenia returned" is two clauses
_REPORTING = {"say", "state", "announce", "report", "claim", "argue", "add", "note", "confirm",
              "deny", "insist", "suggest", "show", "find", "believe", "think", "tell", "write",
              "be"}


def _one_subject(noun) -> bool:
    """The coordinated nouns are no subject, or the subject of a clause a reporting verb (or a
    cleft's "It was ... that") takes."""
    if noun.dep_ not in _SUBJECTS:
        return True
    verb = noun.head
    return verb.dep_ in {"ccomp", "relcl"} and verb.head.lemma_.lower() in _REPORTING


def _subject_before_verb(noun, conj, cc) -> bool:
    """The coordinated nouns are the subject of a verb after both, and no verb before the
    coordinator governs them or hangs on them ("According to Baku, the last soldiers and
    weaponry left": one subject; not the misparsed "left Karabakh and Armenia returned" nor
    "The troops left in June and Baku celebrated")."""
    if noun.dep_ not in _SUBJECTS or noun.head.i < conj.i:
        return False
    mine = {t.i for t in noun.subtree} | {t.i for t in noun.ancestors}
    return not any(t.pos_ in {"VERB", "AUX"} and t.i in mine for t in cc.doc[:cc.i])


_ANAPHORIC_NOUNS = {"one", "ones", "latter", "former"}
# words on a subject that point back to a thing of an earlier part ("and this exit took
# weeks", "its army is strained", "relations between those partners soured")
_BACK_POINTERS = {"this", "that", "these", "those", "its", "their"}
# subjects that count the things of an earlier part ("the second came in 2020")
_ORDINAL_SUBJECTS = {"second", "next", "other", "rest", "first", "last"}


def leans_back(part: str) -> bool:
    """A part of a split claim whose subject stands for a thing the claim named in another
    part ("the second came in 2020", "its army is strained", "relations between those
    partners soured", "this exit took weeks"), or that has no subject at all ("to come closer
    to the West"): read alone, it may say nothing the corpus states in so many words."""
    from verifier.checks.common import parse

    doc = parse(part)
    subject = _subject(doc)
    if subject is None:  # a verb without one; not a headline read as a noun phrase
        return any(t.pos_ == "VERB" for t in doc)
    return subject.lemma_.lower() in _ANAPHORIC_NOUNS | _ORDINAL_SUBJECTS or any(
        t.lower_ in _BACK_POINTERS and t.dep_ in {"det", "poss"} for t in subject.subtree)


def _subject(span):
    return next((t for t in span if t.dep_ in _SUBJECTS), None)


def _own_subject(span):
    """The subject of a later part's own verb, not of a clause inside it ("did not step in
    when Baku moved": none; Baku is the subject of "moved")."""
    verbs = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    return next((c for v in verbs for c in v.children if c.dep_ in _SUBJECTS), None)


def _subject_text(subject) -> str:
    sub = list(subject.subtree)
    return subject.doc[sub[0].i: sub[-1].i + 1].text


def _refers_to(pronoun, subject) -> bool:
    """Whether a later part's subject pronoun can stand for the first part's subject: "he" or
    "she" for a person, "it" for a thing, "they" for a plural or a coordination."""
    p = pronoun.lower_
    person = subject.ent_type_ == "PERSON"
    plural = subject.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subject.children)
    if p in {"he", "she"}:
        return person and not plural
    if p == "it":
        return not person and not plural and subject.pos_ in {"NOUN", "PROPN"}
    return p == "they" and plural


def _lead_in(verb) -> str:
    """The words before a later part's verb that it shares with the first part: the verb that
    a coordinated infinitive hangs on ("moved to block the advance and shield the
    population": "moved to " for "shield"), else nothing."""
    first = verb.head if verb.dep_ == "conj" else None
    if first is None or first.dep_ != "xcomp" or first.head.i > first.i:
        return ""
    to = next((c for c in first.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    return f"{verb.doc[first.head.i:to.i + 1].text} " if to is not None else ""


def _shared_subject(verb) -> str | None:
    """The subject of the verb a later part's verb is coordinated with, where that verb sits
    inside another clause ("Reports confirm the force stood aside and took no action": the
    force took no action, not the reports); None where it is the first part's own verb."""
    head = verb.head if verb.dep_ == "conj" and verb.head.i < verb.i else None
    if head is None or head.dep_ not in {"ccomp", "xcomp"}:
        return None
    subject = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    return _subject_text(subject)


_WEEKDAYS = [w.capitalize() for w in WEEKDAYS]
# "X on Tuesday, the day before Y": what happened on the weekday, and Y on its own weekday
_DAY_APPOSITION = re.compile(
    r"^(?P<a>.*\b(?:on|by)\s+(?P<day>" + "|".join(_WEEKDAYS) + r"))\s*,\s*"
    r"(?:(?:just|only|exactly)\s+)?(?:(?:one|a|the)\s+day\s+"
    r"(?P<rel>before|after|ahead\s+of|earlier\s+than|later\s+than)|"
    r"the\s+(?:very\s+|same\s+)?day)"
    r"\s+(?:that\s+|when\s+|on\s+which\s+)?(?P<b>[^,;]+?)[.!]?$")
_SHIFT = {"before": 1, "ahead of": 1, "earlier than": 1, "prior to": 1, "after": -1,
          "later than": -1}


def _day_apposition(claim: str) -> list[str] | None:
    """A claim that dates a deed by its weekday and another deed by the first ("They issued
    the statement on Tuesday, the day before the last troops left"), as its two parts: "They
    issued the statement on Tuesday." and "The last troops left on Wednesday."; None for any
    other claim, and where the second deed is no clause."""
    m = _DAY_APPOSITION.match(claim)
    if m is None:
        return None
    if not _is_clause(m["b"]):
        return None  # "on Tuesday, the day before the handover": no clause to date
    rel = re.sub(r"\s+", " ", m["rel"] or "")
    day = _WEEKDAYS[(_WEEKDAYS.index(m["day"]) + _SHIFT.get(rel, 0)) % 7]
    second = m["b"].strip()
    return [f"{m['a'].strip()}.", f"{second[:1].upper()}{second[1:]} on {day}."]


# "X came one day before Y", "X was issued two days after Y": the second deed's date is the
# first's moved by the gap (in days)
_GAP_WORDS = {"a": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_RELATIVE = re.compile(
    r"^(?P<a>.+?)\s+(?:(?:just|only|exactly|precisely)\s+)?(?P<n>a|one|the|two|three|four|five|"
    r"six|\d)\s+days?\s+(?P<rel>before|after|ahead\s+of|earlier\s+than|later\s+than|"
    r"prior\s+to)\s+(?:that\s+|when\s+)?(?P<b>[^,;]+?)[.!]?$", re.I)


_TIME_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "decade",
               "decades", "hour", "hours", "night", "morning", "evening", "time", "times"}
# "The statement came after the troops had left": an order, no gap
_ORDER = re.compile(
    r"^(?P<a>.+?)\s+(?:(?:only|just|shortly|soon|well|long)\s+)?(?P<rel>before|after|ahead\s+of|"
    r"prior\s+to)\s+(?:that\s+|when\s+)?(?P<b>[^,;]+?)[.!]?$", re.I)


@dataclass(frozen=True)
class RelativeDate:
    """A claim that dates one deed by another: "The statement came one day before the troops
    left" is ``first`` "The statement came", ``second`` "the troops left", ``days`` 1 (the
    second deed's day minus the first's)."""

    first: str
    second: str
    days: int | None  # None: only the order, the second deed later (1) or earlier (-1)
    order: int = 1

    def parts(self, first_date: str, second_date: str) -> list[str]:
        """The claim as two dated claims: "The statement came on Tuesday.", "The troops left
        on Wednesday."."""
        second = self.second[:1].upper() + self.second[1:]
        return [f"{self.first} on {first_date}.", f"{second} on {second_date}."]


def relative_date(claim: str) -> RelativeDate | None:
    """The claim as a :class:`RelativeDate`, or None for a claim that dates no deed by
    another (or by a deed it tells as no clause: "a day before the handover")."""
    m = _RELATIVE.match(claim.strip())
    if m is None:
        m = _ORDER.match(claim.strip())
        if m is not None and m["a"].split()[-1].lower() in _TIME_UNITS:
            return None  # "the year before the pullout": a time, told by the dates check
    if m is None or not _is_clause(m["b"]) or not _is_clause(m["a"]):
        return None
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if "n" not in m.groupdict():
        return RelativeDate(m["a"].strip(), m["b"].strip(), None, _SHIFT[rel])
    n = int(m["n"]) if m["n"].isdigit() else _GAP_WORDS[m["n"].lower()]
    return RelativeDate(m["a"].strip(), m["b"].strip(), n * _SHIFT[rel], _SHIFT[rel])


def _is_clause(text: str) -> bool:
    from verifier.checks.common import parse

    return any(t.pos_ in {"VERB", "AUX"} and any(c.dep_ in _SUBJECTS for c in t.children)
               for t in parse(text))


# a data sheet's line: a short label, a colon, a dash or an equals sign, and a bare value
# ("Withdrawal kickoff - April", "Yerevan's top diplomat = Pashinyan")
_FIELD = re.compile(r"^(?P<label>[^:=\u2013\u2014]{3,80}?)\s*(?::|\s[-\u2013\u2014=]\s)\s*"
                    r"(?P<value>[^:=\u2013\u2014]+?)\s*[.!]?\s*$")
_DATE_LABELS = {"date", "day", "weekday", "month", "year", "period", "time", "deadline"}
# a count as a line's whole value ("qty 4", "about 200", "nearly 2,000")
_COUNT_VALUE = re.compile(
    r"^(?:(?:quantity|count|number|total)\s*:?\s*)?((?:(?:about|around|nearly|almost|"
    r"roughly|some|over|under|approximately|circa|more than|fewer than|at least)\s+)?"
    r"(?:\d[\d,.]*(?:\s*(?:k|thousand|million))?|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|a dozen|dozens|hundreds|thousands))$", re.I)


def _counted(label, count: str) -> str | None:
    """A line whose value counts what its label names, as the sentence it stands for:
    "Frontier villages returned last month: quantity 4" -> "4 frontier villages returned last
    month", "Azerbaijani troops killed: about 200" -> "About 200 Azerbaijani troops killed"
    (the count stands before the noun it counts, as the numbers check reads it). The label
    must open with a plural noun's phrase of its own (no article, no owner)."""
    from verifier.checks.titles import country_of

    head = next((t for t in label if t.pos_ in {"NOUN", "PROPN"} and t.dep_ != "compound"),
                None)
    if head is None or head.tag_ != "NNS" or label[0].pos_ == "DET" or any(
            t.dep_ == "poss" or t.pos_ == "NUM" for t in label):
        return None
    text = label.text.strip()
    if country_of(label[0].text) is None:
        text = text[:1].lower() + text[1:]  # not "Azerbaijani troops"
    out = f"{count} {text}."
    return out[:1].upper() + out[1:]


def field_sentence(claim: str) -> str:
    """A data sheet's line as the sentence it stands for: "Withdrawal kickoff - April" -> "The
    withdrawal kickoff was in April", "Completion weekday: Wednesday" -> "The completion
    weekday was Wednesday", "Yerevan's top diplomat = Pashinyan" -> "Yerevan's top diplomat
    is Pashinyan" (the model reads a sentence; it reads a bare label and value as unrelated).
    The label must be a common noun's phrase of at most six words without a verb, the value
    at most eight words without one (a single participle may be the value: "Relations:
    strengthened"); a count as the value goes before the label (:func:`_counted`).
    Unchanged otherwise."""
    from verifier.checks.common import parse
    from verifier.checks.dates import date_items

    m = _FIELD.match(claim)
    if not m or len(m["label"].split()) > 6 or len(m["value"].split()) > 8:
        return claim
    label, value = parse(m["label"]), parse(m["value"])
    count = _COUNT_VALUE.match(m["value"].strip())
    if count is not None:
        return _counted(label, count[1]) or claim
    root = next((t for t in label if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "NOUN" or any(
            t.pos_ in {"VERB", "AUX"} and t.tag_ != "VBG" for t in label):
        return claim
    # a participle that opens the value says the deed done to the label's thing ("Pullout
    # deal: negotiated between Putin and Aliyev")
    done = value[0].tag_ == "VBN" and not any(t.pos_ in {"VERB", "AUX"} for t in value[1:])
    if len(value) > 1 and any(t.pos_ in {"VERB", "AUX"} for t in value) and not done:
        return claim
    dates = date_items(value)
    if dates.get("span") and re.search(r"\d[-\u2013]|[-\u2013]\d", m["value"]):
        return claim  # "First war: 1988-94" reads as it is; "was in 1988-94" does not
    plural = root.tag_ == "NNS"
    dated = any(dates.values())
    verb = ("were" if plural else "was") if dated or done else ("are" if plural else "is")
    prep = ""
    if dated and not done and label[-1].lemma_.lower() not in _DATE_LABELS:
        first = value[0].lower_
        prep = "on " if first in WEEKDAYS or (value[0].like_num and len(value) > 1 and
                                              not value[-1].like_num) else "in "
        if first in {"in", "on", "by", "since", "until", "from", "through"}:
            prep = ""
    text = m["label"].strip()
    if label[0].pos_ in {"NOUN", "ADJ", "PROPN", "VERB"} and not label[0].ent_type_ and \
            not any(t.dep_ == "poss" for t in label):
        text = "The " + text[:1].lower() + text[1:]  # "Withdrawal kickoff" (not "Russia's")
    elif label[0].pos_ in {"NOUN", "ADJ"} and label[0].ent_type_ == "NORP":
        text = "The " + text  # "The Russian exit"
    return f"{text} {verb} {prep}{m['value'].strip()}."


def as_read(claim: str) -> str:
    """The claim as the pipeline reads it before any split: without a frame that only says
    the source says it (:func:`strip_frame`), in plain wording
    (:func:`verifier.plain.plain_words`), and a data sheet's line as a sentence
    (:func:`field_sentence`)."""
    return field_sentence(plain_words(strip_frame(claim)))


def split_claim(claim: str, nlp=None) -> list[str]:
    """Split a compound claim into atomic sub-claims (a single claim gives ``[claim]``), each
    without a frame that only says the source says it (:func:`strip_frame`) and in plain
    wording (:func:`verifier.plain.plain_words`)."""
    stripped = as_read(claim)
    if stripped != claim:
        return split_claim(stripped, nlp)
    dated = _day_apposition(claim)
    if dated is not None:
        return [p for part in dated for p in split_claim(part, nlp)]
    if nlp is None:
        from verifier.checks.common import parse  # cached: the checks parse the claim too

        doc = parse(claim)
    else:
        doc = nlp(claim)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return [claim]
    # Coordinated clauses: conj children of the root verb, split at the coordinator.
    cuts: list[int] = []
    for t in doc:
        if (t.dep_ == "cc" or t.text == ";") and t.lower_ in _SPLIT_WORDS | {";"}:
            left, right = doc[: t.i], doc[t.i + 1:]
            if any(a.dep_ in {"relcl", "acl", "advcl"} for a in t.ancestors):
                continue  # "which began in April and ended in June" stays whole
            if len(right) >= 2 and _has_verb(left) and _has_verb(right) and _joins_clauses(t):
                cuts.append(t.i)
    if not cuts:
        return [claim]
    parts, prev = [], 0
    for c in cuts:
        parts.append(doc[prev:c])
        prev = c + 1
    parts.append(doc[prev:])
    # a later part whose subject stands for a thing of an earlier one ("... two wars, and the
    # most recent one was in 2020", "the latter") says nothing read alone: judged whole
    if any((s := _own_subject(span)) is not None and s.lemma_.lower() in _ANAPHORIC_NOUNS
           for span in parts[1:]):
        return [claim]
    # the subject of the first part's own verb, not of a clause before it ("When Baku
    # attacked, the peacekeepers stepped up and fought back": the peacekeepers fought back)
    first_subject = _own_subject(parts[0]) or _subject(parts[0])
    subject = _subject_text(first_subject) if first_subject is not None else None
    out = []
    for i, span in enumerate(parts):
        text = span.text.strip(" ,;")
        if not text:
            continue
        own = _own_subject(span) if i > 0 else None
        # the part's verb, after an adverb ("and then left")
        verb = span[1] if len(span) > 1 and span[0].pos_ == "ADV" else span[0]
        if i > 0 and subject and own is None and verb.pos_ in {"VERB", "AUX"}:
            top = next((t for t in span if not span.start <= t.head.i < span.end), verb)
            text = f"{_shared_subject(top) or subject} {_lead_in(verb)}{text[:1].lower()}{text[1:]}"
        if (own is not None and first_subject is not None and own.pos_ == "PRON"
                and first_subject.pos_ != "PRON" and _refers_to(own, first_subject)
                and text.lower().startswith(own.lower_ + " ")):
            text = f"{subject}{text[len(own.text):]}"  # "he visited Baku" -> "Putin visited Baku"
        text = text[:1].upper() + text[1:]
        if not text.endswith((".", "!", "?")):
            text += "."
        out.append(text)
    return out if len(out) > 1 else [claim]
