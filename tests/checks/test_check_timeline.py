"""A deed's length read off the dated start and end its document gives."""

from __future__ import annotations

import pytest

from verifier.checks.common import parse
from verifier.checks.timeline import Day, day_of, length_finding, moments

STRIKE = [
    "The dockers' strike, which began in March, was backed by the union.",
    "Talks with the port authority went nowhere for weeks.",
    "The union said the strike was ended on May 20 after a vote.",
]


def test_moments_read_starts_and_ends():
    ms = moments(STRIKE)
    assert [(m.stage, "strike" in m.deeds) for m in ms] == [("start", True), ("end", True)]
    start, end = ms
    assert end.last - start.first == 80 and end.first - start.last == 50  # 1-31 March: 20 May


@pytest.mark.parametrize(("claim", "status"), [
    # outside 50 to 80 days
    ("The dockers' strike dragged on for around half a year.", "conflict"),
    ("The strike was over in less than two weeks.", "conflict"),
    ("The strike lasted more than one year.", "conflict"),
    # over part of it, not its middle: neither confirmed nor refuted
    ("The strike lasted more than ten weeks.", "rough"),
    # over its middle or all of it: left to the model
    ("The strike lasted roughly two months.", None),
    ("The strike lasted fewer than ninety days.", None),
    ("The strike was wrapped up inside roughly ten weeks.", None),
    # hedges around the figure: "something like", "or so", "within"
    ("The strike spanned something like six months.", "conflict"),
    ("The strike went on for ten months or so.", "conflict"),
    ("The strike was over within three weeks.", "conflict"),
    # another deed's length, or no length at all
    ("The talks dragged on for half a year.", None),
    ("The strike began in March.", None),
])
def test_length_of_a_deed(claim, status):
    found = length_finding(parse(claim), moments(STRIKE))
    assert (found.finding.status if found else None) == status
    if found:
        assert found.sentences == (STRIKE[0], STRIKE[2])  # with the start and with the end


def test_a_start_after_the_end_is_the_year_before():
    ms = moments(["The siege began in November.", "The siege ended on February 2."])
    assert length_finding(parse("The siege lasted about three months."), ms) is None
    found = length_finding(parse("The siege lasted twelve months."), ms)
    assert found is not None and found.finding.status == "conflict"


STATEMENT = [
    "On Tuesday, the foreign minister and a US envoy issued a joint statement on trade.",
    "The dockers' strike was ended on Wednesday, the union said.",
    "The talks resumed on March 3 in Geneva.",
]


@pytest.mark.parametrize(("deed", "day"), [
    ("The joint statement came", "Tuesday"),
    ("the dockers' strike was ended", "Wednesday"),
    ("The talks resumed", "March 3"),
    # words of the same deed: "the stoppage was over" / "strike was ended"
    ("the dockers' stoppage was finished", "Wednesday"),
    # no deed of its words, or only light verbs to find it by
    ("The ceasefire collapsed", None),
    ("It came", None),
])
def test_day_of_a_deed(deed, day):
    found = day_of(deed, STATEMENT)
    assert (str(found) if found else None) == day


def test_days_between_two_days():
    tuesday, wednesday = Day(weekday=1), Day(weekday=2)
    assert tuesday.until(wednesday) == 1 and wednesday.until(tuesday) == -1
    assert Day(weekday=6).until(Day(weekday=0)) == 1  # Sunday to Monday: one week
    assert Day(month=5, day=11).until(Day(month=5, day=12)) == 1
    assert tuesday.until(Day(month=5, day=12)) is None


def test_days_shift_across_weeks_and_months():
    assert str(Day(weekday=6).shifted(1)) == "Monday"
    assert str(Day(weekday=0).shifted(-1)) == "Sunday"
    assert str(Day(month=5, day=30).shifted(1)) == "July 1"
