"""One table across the consistency checks, including where each must NOT fire (the per-check
tables are in the test_check_*.py files beside this one)."""

from __future__ import annotations

import pytest
from conftest import AGREED, PROFITS, ROLE, STATIONED, VILLAGES, WARS

from verifier.checks import antonyms, dates, entities, negation, numbers, roles, run_checks
from verifier.checks.highlight import mismatch_spans


@pytest.mark.parametrize(
    ("check", "claim", "evidence", "status"),
    [
        # numbers: hedges
        (numbers, "About two thousand Russian peacekeepers were stationed in Karabakh.",
         STATIONED, "agree"),
        (numbers, "Around 5,000 Russian peacekeepers were stationed in Karabakh.", STATIONED,
         "conflict"),
        (numbers, "More than 2,000 Russian peacekeepers were stationed in Karabakh.", STATIONED,
         "conflict"),
        (numbers, "Yerevan returned five villages to Azerbaijan.", VILLAGES, "conflict"),
        (numbers, "Yerevan returned four villages to Azerbaijan.", VILLAGES, "agree"),
        (numbers, "Profits rose by 30 percent in 2019.", PROFITS, "conflict"),
        # numbers about different things never conflict (the passage's silence is "missing")
        (numbers, "The country has 3 million inhabitants.", STATIONED, "missing"),
        (numbers, "Azerbaijan and Armenia fought three wars.", STATIONED, "missing"),
        (numbers, "Peacekeepers were stationed in Karabakh.", STATIONED, "not_applicable"),
        # dates
        (dates, "The ceasefire agreement was signed in December 2020.", STATIONED, "conflict"),
        (dates, "The ceasefire was signed in November 2020.", STATIONED, "agree"),
        (dates, "The first war between Azerbaijan and Armenia ended in 1996.", WARS, "conflict"),
        (dates, "The withdrawal began in May.", AGREED, "conflict"),
        (dates, "The villages were captured in 1993.", VILLAGES, "agree"),
        (dates, "The elections in France were held in May 2022.", AGREED, "missing"),
        (dates, "The company was founded in 1850.", WARS, "redated"),
        # negation
        (negation, "The Russian peacekeepers intervened to stop the offensive.",
         "The peacekeeping contingent did not intervene.", "conflict"),
        (negation, "The peacekeepers did not intervene.",
         "The peacekeeping contingent did not intervene.", "agree"),
        (negation, "The peacekeepers did not leave the region.",
         "The peacekeeping contingent did not intervene.", "not_applicable"),
        (negation, "The board approved the merger.", "The board did not approve the merger.",
         "conflict"),
        # antonyms
        (antonyms, "Ties between Russia and Armenia have improved.",
         "The conflict has seen ties sour between traditional allies Russia and Armenia.",
         "conflict"),
        (antonyms, "Washington and Yerevan agreed to downgrade their dialogue.",
         "Washington and Yerevan have agreed to upgrade the status of their bilateral dialogue.",
         "conflict"),
        (antonyms, "Ties between Russia and Armenia have soured.",
         "The conflict has seen ties sour between traditional allies Russia and Armenia.",
         "not_applicable"),
        (antonyms, "Oil prices rose sharply.", "The population of the town fell.",
         "not_applicable"),
        # entities and roles
        (entities, "Armenian Prime Minister Ararat Mirzoyan issued a joint statement.", ROLE,
         "conflict"),
        (entities, "The withdrawal was agreed between Putin and Erdogan.", AGREED, "conflict"),
        (entities, "The withdrawal was agreed between Putin and Aliyev.", AGREED, "agree"),
        (entities, "Ararat Mirzoyan issued a statement with James O'Brien.", ROLE, "agree"),
        (entities, "Germany won the World Cup in 2014.", AGREED, "missing"),
        # same noun, another event: "replaced by Turkish troops" is not "the Russian troops"
        # (no conflict; the passage gives "troops" only to another owner, so it cannot confirm)
        (entities, "The peacekeepers will be replaced by Turkish troops next year.",
         STATIONED + " The Russian troops had a mandate to remain until 2025.", "misplaced"),
        # who did what to whom
        (roles, "Azerbaijan returned four villages to Armenia.", VILLAGES, "conflict"),
        (roles, "Armenia returned four villages to Azerbaijan.", VILLAGES, "agree"),
        (roles, "Armenian separatists recaptured the region from Baku.",
         "Baku recaptured the region from Armenian separatists.", "conflict"),
        (roles, "Baku recaptured the region from Armenian separatists.",
         "Baku recaptured the region from Armenian separatists.", "agree"),
        (roles, "France sold wine to Germany.", VILLAGES, "not_applicable"),
    ],
)
def test_check_table(check, claim, evidence, status):
    finding = check.check(claim, evidence)
    assert finding.status == status, finding


def test_run_checks_runs_all_and_highlights_conflict():
    claim = "Around 5,000 Russian peacekeepers were stationed in Karabakh."
    findings = run_checks(claim, STATIONED)
    assert {f.check for f in findings} == {"numbers", "dates", "entities", "negation",
                                           "antonyms", "roles", "contrast"}
    spans = mismatch_spans(claim, findings)
    assert spans and claim[spans[0][0]: spans[0][1]] == "Around 5,000"


def test_paraphrase_has_no_conflict():
    claim = "Almost 2,000 troops from Russia had been based in Karabakh."
    assert not [f for f in run_checks(claim, STATIONED) if f.status == "conflict"]
