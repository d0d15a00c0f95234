"""Passages read in their document's context (``verifier.context``)."""

from __future__ import annotations

import pytest

from verifier.context import in_context

QUOTE = ('"The process of the full withdrawal of the manpower, weapons, and equipment of '
         "Russia's peacekeeping contingent [in Karabakh] from Azerbaijan was completed on "
         'June 12," Azerbaijan\'s Defense Ministry said in a statement.')


@pytest.mark.parametrize(("text", "earlier", "read"), [
    # the nearest earlier mention of the same phrase gives its name
    ("The peacekeeping contingent did not intervene.", [QUOTE, "Baku took over the region."],
     "Russia's peacekeeping contingent did not intervene."),
    ("Later the troops left.", ["The Russian troops had a mandate to remain until 2025."],
     "Later the Russian troops left."),
    ("The troops left.", ["The Russian troops had a mandate.", "The troops stayed a year."],
     "The Russian troops left."),
    # must NOT change: no earlier mention, one without a name, another phrase, a phrase that
    # already has a name, a name the passage already uses, nothing earlier
    ("The peacekeeping contingent did not intervene.", ["Baku took over the region."], None),
    ("The territory is recognised as Azerbaijani.", ["Baku took over the territory."], None),
    ("The contingent did not intervene.", [QUOTE], None),
    ("The Turkish contingent did not intervene.", [QUOTE], None),
    ("The peacekeeping contingent of Russia did not intervene.", [QUOTE], None),
    ("The peacekeeping contingent did not intervene.", [], None),
])
def test_in_context(text, earlier, read):
    assert in_context(text, earlier) == (read or text)
