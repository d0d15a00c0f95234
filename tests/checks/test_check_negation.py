from __future__ import annotations

import pytest
from conftest import NOT_INTERVENE

from verifier.checks import negation


@pytest.mark.parametrize(
    ("claim", "evidence", "status"),
    [
        ("The Russian peacekeepers intervened to stop the offensive.", NOT_INTERVENE,
         "conflict"),
        ("The peacekeepers did not intervene.", NOT_INTERVENE, "agree"),
        ("Russia's peacekeepers stood aside rather than intervening.", NOT_INTERVENE, "agree"),
        ("The peacekeepers never intervened.", NOT_INTERVENE, "agree"),
        ("The peacekeepers failed to intervene.", NOT_INTERVENE, "agree"),
        ("The board approved the merger.", "The board did not approve the merger.",
         "conflict"),
        ("The board didn't approve the merger.", "The board approved the merger.", "conflict"),
        ("The minister refused to sign the treaty.", "The minister signed the treaty.",
         "conflict"),
        # a negation on another verb
        ("The peacekeepers did not leave the region.", NOT_INTERVENE, "not_applicable"),
        ("Oil prices rose.", NOT_INTERVENE, "not_applicable"),
    ],
)
def test_negation(claim, evidence, status):
    finding = negation.check(claim, evidence)
    assert finding.status == status, finding
