"""Synthetic NLI pairs that teach what SNLI does not.

Each generator takes a parsed sentence (a spaCy ``Doc``) and returns a perturbed hypothesis or
``None`` when the sentence offers nothing to perturb. Contradictions: a changed number, year,
month, weekday, named entity, role title, an inserted or removed negation, an antonym, swapped
agent and recipient. Entailments: hedged numbers, dropped modifiers. Neutrals come from other
sentences of the same document (on topic, not stated).

Only sentences of corpora other than the seed article are used (SciFact abstracts, FNC-1 news
bodies, FEVER evidence); see ``verifier.training.data``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ROLES = [
    "prime minister", "foreign minister", "defense minister", "president", "vice president",
    "finance minister", "interior minister", "secretary of state", "ambassador", "chancellor",
    "governor", "mayor", "spokesman", "chief executive", "chairman", "general", "senator",
]
# Pairs of opposites; both directions are used.
ANTONYMS = {
    "increase": "decrease", "increased": "decreased", "increases": "decreases",
    "rise": "fall", "rose": "fell", "rises": "falls", "rising": "falling",
    "higher": "lower", "more": "fewer", "larger": "smaller", "largest": "smallest",
    "upgrade": "downgrade", "improve": "worsen", "improved": "worsened",
    "strengthen": "weaken", "strengthened": "weakened", "won": "lost", "win": "lose",
    "accepted": "rejected", "accept": "reject", "approved": "rejected", "support": "oppose",
    "supported": "opposed", "began": "ended", "started": "finished", "completed": "began",
    "before": "after", "allies": "rivals", "positive": "negative", "positively": "negatively",
    "success": "failure", "successful": "unsuccessful", "enhances": "inhibits",
    "enhanced": "inhibited", "promotes": "suppresses", "activates": "inhibits",
    "reduced": "increased", "reduces": "increases", "lower": "higher", "decreased": "increased",
    "withdrew": "deployed", "joined": "left", "entered": "left", "opened": "closed",
    "agreed": "refused", "legal": "illegal", "common": "rare", "early": "late",
    "sour": "improve", "soured": "improved", "deepening": "weakening", "gained": "lost",
}


def _with_reverse(table: dict[str, str]) -> dict[str, str]:
    """The table plus each one-word value mapped back to its key (a key keeps its own entry)."""
    back = {v: k for k, v in table.items() if v not in table and " " not in v}
    return {**table, **back}


ANTONYMS = _with_reverse(ANTONYMS)
# Same-meaning words (both directions are used): a one-word change is not always a
# contradiction, so the model must not learn "near-identical with one word changed" as one.
SYNONYMS = {
    "remain": "stay", "remained": "stayed", "remains": "stays", "returned": "handed back",
    "return": "hand back", "seized": "took over", "began": "started", "begin": "start",
    "completed": "finished", "complete": "finish", "said": "stated", "says": "states",
    "rapid": "quick", "quickly": "rapidly", "border": "frontier", "soldiers": "troops",
    "troops": "forces", "about": "around", "nearly": "almost", "large": "big",
    "small": "little", "showed": "demonstrated", "shows": "demonstrates", "show": "demonstrate",
    "increase": "rise", "increased": "rose", "decrease": "decline", "decreased": "declined",
    "reduced": "lowered", "patients": "subjects", "study": "trial", "found": "observed",
    "associated": "linked", "significant": "substantial", "help": "assist", "helped": "assisted",
    "buy": "purchase", "bought": "purchased", "attempt": "try", "attempted": "tried",
    "fled": "escaped", "leave": "depart", "left": "departed", "residents": "inhabitants",
    "people": "persons", "killed": "slain", "town": "city", "cars": "vehicles", "car": "vehicle",
    "children": "kids", "child": "kid", "man": "guy", "woman": "lady", "big": "large",
    "agreed": "consented", "agreement": "deal", "talks": "negotiations", "ties": "relations",
    "announced": "declared", "built": "constructed", "ended": "concluded", "end": "conclusion",
    "strain": "pressure", "straining": "pressuring", "intervene": "step in",
    "intervened": "stepped in", "captured": "seized", "recaptured": "retook",
}
SYNONYMS = _with_reverse(SYNONYMS)
HEDGES = ["about", "around", "roughly", "approximately", "some", "nearly", "almost"]
NUMBER_WORDS = {
    1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
    9: "nine", 10: "ten", 12: "twelve", 20: "twenty", 30: "thirty", 40: "forty", 50: "fifty",
    100: "a hundred", 1000: "a thousand",
}
IRREGULAR_PAST = {
    "be": "was", "have": "had", "do": "did", "go": "went", "take": "took", "make": "made",
    "say": "said", "give": "gave", "find": "found", "show": "showed", "leave": "left",
    "begin": "began", "win": "won", "lose": "lost", "sign": "signed", "hold": "held",
    "tell": "told", "see": "saw", "come": "came", "get": "got", "put": "put", "run": "ran",
    "keep": "kept", "bring": "brought", "seek": "sought", "fight": "fought", "meet": "met",
    "cut": "cut", "set": "set", "let": "let", "hit": "hit", "shut": "shut", "spread": "spread",
    "cost": "cost", "hurt": "hurt", "quit": "quit", "split": "split", "cast": "cast",
    "burst": "burst", "build": "built", "send": "sent", "spend": "spent", "lend": "lent",
    "bend": "bent", "buy": "bought", "catch": "caught", "teach": "taught", "think": "thought",
    "sell": "sold", "stand": "stood", "understand": "understood", "lead": "led", "feel": "felt",
    "deal": "dealt", "mean": "meant", "pay": "paid", "lay": "laid", "rise": "rose",
    "fall": "fell", "grow": "grew", "know": "knew", "throw": "threw", "draw": "drew",
    "drive": "drove", "write": "wrote", "speak": "spoke", "break": "broke", "choose": "chose",
    "eat": "ate", "drink": "drank", "sink": "sank", "strike": "struck", "stick": "stuck",
    "hang": "hung", "swing": "swung", "sweep": "swept", "sleep": "slept", "creep": "crept",
    "flee": "fled", "feed": "fed", "bleed": "bled", "breed": "bred", "shoot": "shot",
    "light": "lit", "slide": "slid", "hide": "hid", "bite": "bit", "ride": "rode",
    "rid": "rid", "wear": "wore", "tear": "tore", "bear": "bore", "swear": "swore",
}
AUX_NEGATABLE = {"is", "was", "are", "were", "has", "have", "had", "will", "can", "could",
                 "would", "should", "may", "might", "must", "does", "did", "do"}


def number_to_words(n: int) -> str | None:
    """Words for round numbers (``2000`` -> ``"two thousand"``), else ``None``."""
    if n in NUMBER_WORDS:
        return NUMBER_WORDS[n]
    for unit, word in ((1_000_000, "million"), (1000, "thousand"), (100, "hundred")):
        if n % unit == 0 and 1 < n // unit < 10 and (n // unit) in NUMBER_WORDS:
            return f"{NUMBER_WORDS[n // unit]} {word}"
    return None


def parse_int(text: str) -> int | None:
    clean = text.replace(",", "")
    return int(clean) if clean.isdigit() and len(clean) < 10 else None


def is_year(tok) -> bool:
    v = parse_int(tok.text)
    return v is not None and 1800 <= v <= 2100 and "," not in tok.text


def replace_span(doc, start: int, end: int, new: str) -> str:
    """Replace tokens ``doc[start:end]`` with ``new``, keeping the rest of the text as is."""
    left = doc[:start].text_with_ws if start > 0 else ""
    span = doc[start:end]
    right = doc[end:].text_with_ws if end < len(doc) else ""
    ws = span[-1].whitespace_ if len(span) else ""
    out = f"{left}{new}{ws}{right}".strip()
    return out[:1].upper() + out[1:]


def _other(rng: random.Random, choices: list[str], current: str) -> str:
    pool = [c for c in choices if c.lower() != current.lower()]
    return rng.choice(pool)


@dataclass(frozen=True)
class Pair:
    premise: str
    hypothesis: str
    label: str  # entailment | neutral | contradiction
    source: str


# ---- contradictions -------------------------------------------------------------------------


def _pick_count(doc, rng: random.Random):
    """A random integer token that is not a year, with its value."""
    nums = [t for t in doc if t.like_num and parse_int(t.text) is not None and not is_year(t)]
    if not nums:
        return None
    tok = rng.choice(nums)
    return tok, parse_int(tok.text)


def swap_number(doc, rng: random.Random) -> str | None:
    picked = _pick_count(doc, rng)
    if picked is None:
        return None
    tok, v = picked
    factor = rng.choice([2, 3, 5, 10]) if v > 20 else rng.choice([2, 3, 4])
    new = v * factor if rng.random() < 0.6 or v < 4 else max(1, v // factor)
    if new == v:
        new = v + rng.randint(1, 9)
    text = f"{new:,}" if "," in tok.text or new >= 10000 else str(new)
    return replace_span(doc, tok.i, tok.i + 1, text)


def hedge_conflict(doc, rng: random.Random) -> str | None:
    """'nearly 2,000' -> 'more than 2,000' (nearly means fewer than)."""
    for t in doc[:-1]:
        if t.lower_ in {"nearly", "almost"} and doc[t.i + 1].like_num:
            return replace_span(doc, t.i, t.i + 1, rng.choice(["more than", "over", "at least"]))
        if t.lower_ in {"over"} and doc[t.i + 1].like_num and t.dep_ in {"advmod", "quantmod"}:
            return replace_span(doc, t.i, t.i + 1, rng.choice(["fewer than", "under", "nearly"]))
    return None


def swap_year(doc, rng: random.Random) -> str | None:
    years = [t for t in doc if is_year(t)]
    if not years:
        return None
    tok = rng.choice(years)
    v = parse_int(tok.text)
    assert v is not None
    delta = rng.choice([-5, -3, -2, -1, 1, 2, 3, 4])
    return replace_span(doc, tok.i, tok.i + 1, str(v + delta))


def swap_month_or_weekday(doc, rng: random.Random) -> str | None:
    cands = [t for t in doc if t.text in MONTHS or t.text in WEEKDAYS]
    if not cands:
        return None
    tok = rng.choice(cands)
    pool = MONTHS if tok.text in MONTHS else WEEKDAYS
    return replace_span(doc, tok.i, tok.i + 1, _other(rng, pool, tok.text))


def swap_entity(doc, rng: random.Random, pool: dict[str, list[str]]) -> str | None:
    ents = [e for e in doc.ents if e.label_ in {"PERSON", "GPE", "ORG", "NORP", "LOC"}]
    if not ents:
        return None
    ent = rng.choice(ents)
    same_type = pool.get(ent.label_, [])
    sample = rng.sample(same_type, min(20, len(same_type)))
    choices = [c for c in sample if c.lower() not in doc.text.lower()]
    if not choices:
        return None
    return replace_span(doc, ent.start, ent.end, rng.choice(choices))


def swap_role(doc, rng: random.Random) -> str | None:
    low = doc.text.lower()
    found = [r for r in ROLES if re.search(rf"\b{re.escape(r)}\b", low)]
    if not found:
        return None
    role = max(found, key=len)
    m = re.search(rf"\b{re.escape(role)}\b", doc.text, flags=re.IGNORECASE)
    assert m is not None
    new = _other(rng, ROLES, role)
    if doc.text[m.start()].isupper():
        new = new.title()
    return doc.text[: m.start()] + new + doc.text[m.end():]


def past_tense(lemma: str) -> str:
    """"intervene" -> "intervened"; the ``IRREGULAR_PAST`` table, "-ied", and a doubled final
    consonant for one-syllable verbs ("stop" -> "stopped", not "score" -> "scorred")."""
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdglmnprt]", lemma):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def add_s(word: str) -> str:
    """A noun's plural or a verb's third person: "study" -> "studies", "reach" -> "reaches"."""
    if word == "have":
        return "has"
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def toggle_negation(doc, rng: random.Random) -> str | None:
    """Remove an existing negation, or insert one on the main verb."""
    for t in doc:
        if t.dep_ == "neg" or t.lower_ in {"not", "n't", "never"}:
            head = t.head
            prev = doc[t.i - 1] if t.i > 0 else None
            if prev is not None and prev.lower_ in {"did", "does", "do"} and head.pos_ == "VERB":
                # "did not intervene" -> "intervened"
                verb = past_tense(head.lemma_) if prev.lower_ == "did" else add_s(head.lemma_)
                text = replace_span(doc, head.i, head.i + 1, verb)
                redoc_tokens = [tok.text_with_ws for tok in doc]
                redoc_tokens[prev.i] = ""
                redoc_tokens[t.i] = ""
                redoc_tokens[head.i] = verb + head.whitespace_
                return "".join(redoc_tokens).strip() or text
            toks = [tok.text_with_ws for tok in doc]
            toks[t.i] = ""
            if t.lower_ == "n't" and t.i > 0:
                toks[t.i - 1] = doc[t.i - 1].text + " "
            return "".join(toks).strip()
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    auxes = [c for c in root.children if c.dep_ in {"aux", "auxpass"} and c.lower_ in AUX_NEGATABLE]
    if auxes:
        a = auxes[0]
        return replace_span(doc, a.i, a.i + 1, a.text + " not")
    if root.lower_ in {"is", "was", "are", "were"}:
        return replace_span(doc, root.i, root.i + 1, root.text + " not")
    if root.pos_ == "VERB" and root.tag_ in {"VBD", "VBZ", "VBP"}:
        aux = {"VBD": "did", "VBZ": "does", "VBP": "do"}[root.tag_]
        return replace_span(doc, root.i, root.i + 1, f"{aux} not {root.lemma_}")
    if rng.random() < 0.3 and root.pos_ == "VERB" and root.tag_ == "VBN":
        return None
    return None


def swap_antonym(doc, rng: random.Random) -> str | None:
    cands = [t for t in doc if t.lower_ in ANTONYMS]
    if not cands:
        return None
    tok = rng.choice(cands)
    new = ANTONYMS[tok.lower_]
    if tok.text[0].isupper():
        new = new.capitalize()
    return replace_span(doc, tok.i, tok.i + 1, new)


def swap_agents(doc, rng: random.Random) -> str | None:
    """Swap who did what to whom: subject entity <-> object/prepositional entity."""
    ents = {e.root.i: e for e in doc.ents if e.label_ in {"PERSON", "GPE", "ORG", "NORP"}}
    subj = next((ents[t.i] for t in doc if t.dep_ in {"nsubj", "nsubjpass"} and t.i in ents), None)
    if subj is None:
        return None
    obj = next(
        (ents[t.i] for t in doc if t.dep_ in {"dobj", "pobj", "dative"} and t.i in ents
         and ents[t.i].start != subj.start and t.head.i != subj.root.i),
        None,
    )
    if obj is None or obj.text.lower() == subj.text.lower():
        return None
    first, second = sorted([subj, obj], key=lambda e: e.start)
    toks = [t.text_with_ws for t in doc]
    out = (
        "".join(toks[: first.start]) + second.text + doc[first.end - 1].whitespace_
        + "".join(toks[first.end: second.start]) + first.text + doc[second.end - 1].whitespace_
        + "".join(toks[second.end:])
    )
    return out.strip()


# ---- entailments ----------------------------------------------------------------------------


def hedge_number(doc, rng: random.Random) -> str | None:
    """'nearly 2,000' -> 'about two thousand'; '2,000' -> 'around 2,000'."""
    picked = _pick_count(doc, rng)
    if picked is None:
        return None
    tok, v = picked
    start = tok.i
    if start > 0 and doc[start - 1].lower_ in {"nearly", "almost", "about", "around", "some",
                                                "roughly", "approximately"}:
        start -= 1
    elif start > 0 and doc[start - 1].lower_ in {"over", "than", "least", "under", "up"}:
        return None
    words = number_to_words(v) if rng.random() < 0.5 else None
    return replace_span(doc, start, tok.i + 1, f"{rng.choice(HEDGES[:5])} {words or tok.text}")


def drop_modifiers(doc, rng: random.Random) -> str | None:
    """Drop adjectives/adverbs/prepositional phrases that only add detail."""
    drop: set[int] = set()
    for t in doc:
        if t.dep_ == "amod" and t.pos_ == "ADJ" and t.lower_ not in {"no", "not", "former"}:
            drop.add(t.i)
        elif t.dep_ == "prep" and t.head.pos_ in {"VERB", "NOUN"} and rng.random() < 0.5:
            sub = list(t.subtree)
            if len(sub) <= 6 and not any(x.like_num or x.ent_type_ for x in sub):
                drop.update(x.i for x in sub)
    if not drop or len(drop) >= len(doc) - 3:
        return None
    toks = [t.text_with_ws for t in doc if t.i not in drop]
    out = re.sub(r"\s+([,.;])", r"\1", "".join(toks)).strip()
    out = re.sub(r"\s{2,}", " ", out)
    return out if out != doc.text else None


def swap_synonym(doc, rng: random.Random) -> str | None:
    """Replace one word by a word of the same meaning (an entailment, not a contradiction)."""
    cands = [t for t in doc if t.lower_ in SYNONYMS]
    if not cands:
        return None
    tok = rng.choice(cands)
    new = SYNONYMS[tok.lower_]
    if tok.text[0].isupper():
        new = new[:1].upper() + new[1:]
    return replace_span(doc, tok.i, tok.i + 1, new)


_WN_TAGS = {"NN": "n", "NNS": "n", "JJ": "a", "RB": "r", "VB": "v", "VBP": "v", "VBD": "v",
            "VBZ": "v"}


def _inflect(lemma: str, tag: str) -> str:
    """A WordNet lemma ("step_in") written with the tag's inflection ("stepped in" for VBD;
    the particle stays as is). Only single-word nouns are swapped in, so NNS inflects the
    head."""
    head, _, rest = lemma.partition("_")
    if tag == "VBD":
        head = past_tense(head)
    elif tag in {"NNS", "VBZ"}:
        head = add_s(head)
    return f"{head} {rest.replace('_', ' ')}".strip()


def swap_wordnet_synonym(doc, rng: random.Random) -> str | None:
    """Write one or two content words with another word of their first WordNet sense
    ("the study found" -> "the survey found"): an entailment. The other word must have that
    sense as its own first one, so the swap keeps the common reading of both."""
    from verifier.lexicon import senses, synonyms

    cands = []
    for t in doc:
        pos = _WN_TAGS.get(t.tag_)
        if pos is None or t.is_stop or not t.is_alpha or t.ent_type_ or len(t) < 3:
            continue
        if (t.i > 0 and doc[t.i - 1].text == "-") or (t.i + 1 < len(doc)
                                                      and doc[t.i + 1].text == "-"):
            continue  # part of a hyphenated word
        first = senses(t.lemma_.lower(), pos, 1)
        others = [w for w in synonyms(t.lemma_.lower(), pos, 1)
                  if w.replace("_", "").isalpha() and first[0] in senses(w, pos, 1)
                  and w.count("_") <= (1 if pos == "v" else 0)]  # phrasal verbs only
        if others:
            cands.append((t, others))
    if not cands:
        return None
    rng.shuffle(cands)
    text = doc.text
    # right to left, so the character offsets of the earlier edits stay valid
    for t, others in sorted(cands[: rng.choice((1, 1, 2))], key=lambda c: -c[0].idx):
        new = _inflect(rng.choice(others), t.tag_)
        if t.text[0].isupper():
            new = new[:1].upper() + new[1:]
        text = text[: t.idx] + new + text[t.idx + len(t):]
    return text


# ---- reorderings (entailment): the same words, the same roles, another order ------------------
# v6 learned from agent/recipient swaps that "same words, other order" means contradiction, and
# reads "Yerevan returned four villages to Azerbaijan last month" against "Last month, Yerevan
# returned to Azerbaijan four villages" as one (0.80). These pairs are the contrast the swaps
# lack: an adverbial moved, the dative shifted, coordinated names swapped keep the meaning.

_FRONTABLE = {"prep", "npadvmod", "advcl"}
_DATIVE_VERBS = {"give", "hand", "send", "offer", "sell", "grant", "lend", "pay", "show", "award",
                 "return", "deliver", "transfer", "provide"}


def _text_of(tokens) -> str:
    out = "".join(t.text_with_ws for t in tokens).strip()
    return re.sub(r"\s+([,.;:])", r"\1", out)


def _lower_first(doc, span_start: int, text: str) -> str:
    """Lower-case a sentence-initial word that is not a name ("Last month" -> "last month")."""
    t = doc[span_start]
    if t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP", "LOC"} or \
            t.text.isupper():
        return text
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def move_adverbial(doc, rng: random.Random) -> str | None:
    """Move a fronted adverbial ("Last month, X did Y.") to the end ("X did Y last month."),
    or a final one of the main verb to the front."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in {"VERB", "AUX"} or len(doc) < 6:
        return None
    end = len(doc) - 1 if doc[-1].is_punct else len(doc)
    final = doc[end].text if end < len(doc) else "."
    for child in root.children:  # a fronted adverbial ending in a comma
        sub = list(child.subtree)
        a, b = sub[0].i, sub[-1].i + 1
        if (a == 0 and child.dep_ in _FRONTABLE and b < end - 3 and doc[b].text == ","
                and not any(t.lower_ in {"however", "but", "although", "though", "if", "when",
                                         "while", "because"} for t in sub)):
            adv = _lower_first(doc, 0, _text_of(sub))
            rest = _upper_first(_text_of(doc[b + 1: end]))
            return f"{rest} {adv}{final}"
    children = [c for c in root.rights if c.dep_ in {"prep", "npadvmod"}]
    if not children:
        return None
    last = children[-1]
    sub = list(last.subtree)
    a, b = sub[0].i, sub[-1].i + 1
    if b != end or a < 3 or len(sub) > 8 or not any(
            t.ent_type_ in {"DATE", "TIME", "GPE", "LOC"} for t in sub):
        return None  # only a final time or place phrase of the main verb
    if doc[a - 1].text == ",":
        a -= 1
    head = _lower_first(doc, 0, _text_of(doc[:a]))
    return f"{_upper_first(_text_of(sub))}, {head}{final}"


def shift_dative(doc, rng: random.Random) -> str | None:
    """'returned to Azerbaijan four villages' <-> 'returned four villages to Azerbaijan'."""
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _DATIVE_VERBS:
            continue
        obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        to = next((c for c in verb.rights if c.dep_ in {"prep", "dative"}
                   and c.lower_ == "to"), None)
        if obj is None or to is None:
            continue
        o, p = list(obj.subtree), list(to.subtree)
        if len(p) < 2 or len(o) > 10 or len(p) > 8:
            continue
        first, second = (o, p) if o[0].i < p[0].i else (p, o)
        if second[0].i != first[-1].i + 1:
            continue  # only two neighbouring constituents
        a, b = first[0].i, second[-1].i + 1
        left = doc[:a].text_with_ws if a > 0 else ""
        right = doc[b - 1].whitespace_ + doc[b:].text if b < len(doc) else ""
        out = f"{left}{_text_of(second)} {_text_of(first)}{right}"
        return re.sub(r"\s+([,.;:])", r"\1", out).strip()
    return None


def swap_conjuncts(doc, rng: random.Random) -> str | None:
    """'Azerbaijan and Armenia fought' -> 'Armenia and Azerbaijan fought' (two coordinated
    names in the subject: the same claim)."""
    if any(t.lower_ in {"respectively", "followed", "before", "after", "then"} for t in doc):
        return None
    for t in doc:
        if t.dep_ not in {"nsubj", "nsubjpass"} or t.ent_type_ not in {
                "PERSON", "ORG", "GPE", "NORP", "LOC"}:
            continue
        conj = [c for c in t.children if c.dep_ == "conj"]
        cc = [c for c in t.children if c.dep_ == "cc" and c.lower_ == "and"]
        if len(conj) != 1 or len(cc) != 1 or conj[0].ent_type_ != t.ent_type_:
            continue
        ent_a = next((e for e in doc.ents if e.start <= t.i < e.end), None)
        ent_b = next((e for e in doc.ents if e.start <= conj[0].i < e.end), None)
        if ent_a is None or ent_b is None or ent_a.end != cc[0].i or cc[0].i + 1 != ent_b.start:
            continue
        out = replace_span(doc, ent_a.start, ent_b.end, f"{ent_b.text} and {ent_a.text}")
        return out if out != doc.text else None
    return None


REORDERINGS: dict[str, Callable] = {
    "reorder_adverbial": move_adverbial,
    "reorder_dative": shift_dative,
    "reorder_conjuncts": swap_conjuncts,
}


CONTRADICTIONS: dict[str, Callable] = {
    "number": swap_number,
    "hedge_conflict": hedge_conflict,
    "year": swap_year,
    "month_weekday": swap_month_or_weekday,
    "role": swap_role,
    "negation": toggle_negation,
    "antonym": swap_antonym,
    "agent_swap": swap_agents,
}
ENTAILMENTS: dict[str, Callable] = {
    "hedged_number": hedge_number,
    "drop_modifiers": drop_modifiers,
    "synonym": swap_synonym,
}


def entity_pool(docs: Iterable) -> dict[str, list[str]]:
    pool: dict[str, set[str]] = {}
    for d in docs:
        for e in d.ents:
            if e.label_ in {"PERSON", "GPE", "ORG", "NORP", "LOC"} and 2 < len(e.text) < 40:
                pool.setdefault(e.label_, set()).add(e.text)
    return {k: sorted(v) for k, v in pool.items()}


def generate(
    documents: list[list],  # list of documents, each a list of parsed sentence Docs
    rng: random.Random,
    source: str,
    pool: dict[str, list[str]],
    paraphrase: bool = False,
    added_detail: bool = True,
) -> list[Pair]:
    """Make synthetic pairs from parsed documents. Premise: the sentence, sometimes with its
    neighbour (evidence often spans two sentences). ``paraphrase`` adds synonym swaps
    (entailment) and, unless ``added_detail`` is off, added detail (neutral); without
    ``paraphrase`` the pairs are exactly those the v2 model was trained on (same random
    draws)."""
    entailments = ENTAILMENTS if paraphrase else {
        k: v for k, v in ENTAILMENTS.items() if k != "synonym"}
    pairs: list[Pair] = []
    for sents in documents:
        for i, doc in enumerate(sents):
            if len(doc) < 6 or len(doc) > 60:
                continue
            premise = doc.text
            if rng.random() < 0.3 and len(sents) > 1:
                j = i - 1 if i > 0 and rng.random() < 0.5 else min(i + 1, len(sents) - 1)
                if j != i:
                    premise = f"{sents[min(i, j)].text} {sents[max(i, j)].text}"
            kinds = list(CONTRADICTIONS.items())
            rng.shuffle(kinds)
            for name, fn in kinds[:3]:
                hyp = fn(doc, rng)
                if hyp and hyp != doc.text:
                    pairs.append(Pair(premise, hyp, "contradiction", f"{source}:{name}"))
                    break
            ent_hyp = swap_entity(doc, rng, pool)
            if ent_hyp and rng.random() < 0.5:
                pairs.append(Pair(premise, ent_hyp, "contradiction", f"{source}:entity"))
            for name, fn in entailments.items():
                hyp = fn(doc, rng)
                if hyp and hyp != doc.text:
                    pairs.append(Pair(premise, hyp, "entailment", f"{source}:{name}"))
                    if (paraphrase and added_detail and name == "drop_modifiers"
                            and rng.random() < 0.5):
                        # the other way round the hypothesis adds detail the premise does not
                        # state ("The contingent did not intervene" / "The Russian contingent
                        # did not intervene"): neutral, not a contradiction
                        pairs.append(Pair(hyp, doc.text, "neutral", f"{source}:added_detail"))
            if rng.random() < 0.15:
                pairs.append(Pair(premise, doc.text, "entailment", f"{source}:identity"))
            others = [s for k, s in enumerate(sents) if abs(k - i) > 1 and len(s) >= 6]
            if others and rng.random() < 0.6:
                other = rng.choice(others)
                if other.text not in premise:
                    pairs.append(Pair(premise, other.text, "neutral", f"{source}:same_doc"))
    return pairs
