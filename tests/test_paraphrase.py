from __future__ import annotations

import pytest

from verifier.paraphrase import align_words

NOT_INTERVENE = "The peacekeeping contingent did not intervene."
TOOK_OVER = "Last September, Baku took over the territory in a lightning offensive."


@pytest.mark.parametrize(
    ("claim", "passage", "aligned"),
    [
        # a phrasal verb and its one-word synonym, both ways
        ("The contingent did not step in.", NOT_INTERVENE, "The contingent did not intervene."),
        ("Azerbaijan seized the territory.", TOOK_OVER, "Azerbaijan took over the territory."),
        ("Russian troops had a mandate to stay until 2025.",
         "The Russian troops had a mandate to remain until 2025.",
         "Russian troops had a mandate to remain until 2025."),
        # "up" belongs to "up to $750 million", not to the verb; the passage's "save" is the
        # claim's own verb
        ("The system can save up to $750 million.", "The system could save as much as "
         "$750 million.", "The system can save up to $750 million."),
        # nothing to align: the passage uses the claim's word, an unrelated word, an antonym,
        # or the synonym in another inflection
        ("The contingent did not intervene.", NOT_INTERVENE, "The contingent did not intervene."),
        ("The contingent did not leave.", NOT_INTERVENE, "The contingent did not leave."),
        ("Prices decreased.", "Prices increased.", "Prices decreased."),
        ("Azerbaijan seizes the territory.", TOOK_OVER, "Azerbaijan seizes the territory."),
    ],
)
def test_align_words(claim, passage, aligned):
    assert align_words(claim, passage) == aligned
