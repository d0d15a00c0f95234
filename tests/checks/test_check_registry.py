from __future__ import annotations

import pytest
from conftest import STATIONED

from verifier.checks import CHECKS, run_checks
from verifier.checks.highlight import mismatch_spans
from verifier.types import Finding


def test_run_checks_runs_every_registered_check():
    findings = run_checks("Around 5,000 Russian peacekeepers were stationed there.", STATIONED)
    assert [f.check for f in findings] == list(CHECKS)
    assert all(f.status in {"agree", "conflict", "not_applicable"} for f in findings)


def test_highlight_spans_the_conflicting_words():
    claim = "Around 5,000 Russian peacekeepers were stationed in Karabakh."
    spans = mismatch_spans(claim, run_checks(claim, STATIONED))
    assert [claim[a:b] for a, b in spans] == ["Around 5,000"]


def test_highlight_ignores_agreements():
    claim = "About 2,000 peacekeepers were stationed."
    assert mismatch_spans(claim, [Finding("numbers", "agree", claim_span="About 2,000")]) == []


def test_paraphrase_has_no_conflict():
    claim = "Almost 2,000 troops from Russia had been based in Karabakh."
    assert not [f for f in run_checks(claim, STATIONED) if f.status == "conflict"]


@pytest.mark.parametrize(
    ("british", "american"),
    [("recognise", "recognize"), ("organisation", "organization"), ("defence", "defense"),
     ("rise", "rise"), ("exercise", "exercise"), ("promise", "promise"), ("advise", "advise")],
)
def test_british_spellings_get_american_lemmas(british, american):
    from verifier.nlp import american as to_american

    assert to_american(british) == american


@pytest.mark.parametrize(
    ("check", "claim", "evidence"),
    [
        ("entities", "Officials in Geneva confirmed that the withdrawal was complete.",
         "Russian peacekeepers on Wednesday completed their withdrawal, officials in Baku said."),
        ("numbers", "The offensive left more than 200 soldiers dead.",
         "Last September, Baku took over the territory in a lightning offensive."),
    ],
)
def test_unstated_names_and_counts_are_missing_not_conflicts(check, claim, evidence):
    finding = next(f for f in run_checks(claim, evidence) if f.check == check)
    assert finding.status == "missing", finding


def test_select_keeps_registry_order_and_refuses_unknown_names():
    from verifier.checks import select

    assert select() == list(CHECKS)
    assert select(["roles", "numbers"]) == ["numbers", "roles"]
    assert select(without=["numbers"]) == [c for c in CHECKS if c != "numbers"]
    with pytest.raises(ValueError, match=r"unknown check.*spelling"):
        select(without=["spelling"])
