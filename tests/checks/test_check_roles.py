from __future__ import annotations

import pytest
from conftest import VILLAGES

from verifier.checks import roles

RECAPTURE = "Baku recaptured the region from Armenian separatists."


@pytest.mark.parametrize(
    ("claim", "evidence", "status"),
    [
        ("Azerbaijan returned four villages to Armenia.", VILLAGES, "conflict"),
        ("Azerbaijan returned villages to Yerevan.", VILLAGES, "conflict"),
        ("Armenia returned four villages to Azerbaijan.", VILLAGES, "agree"),
        ("Armenian separatists recaptured the region from Baku.", RECAPTURE, "conflict"),
        ("Azerbaijan recaptured the region from Armenian separatists.", RECAPTURE, "agree"),
        # another topic; a passive without an agent is not a swap
        ("France sold wine to Germany.", VILLAGES, "not_applicable"),
        ("The villages returned to Azerbaijan had been captured by Armenia in the 1990s.",
         VILLAGES, "not_applicable"),
    ],
)
def test_roles(claim, evidence, status):
    finding = roles.check(claim, evidence)
    assert finding.status == status, finding
