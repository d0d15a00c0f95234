from __future__ import annotations

import pytest
from conftest import DECADES, POPULATION, STATIONED, VILLAGES, WARS

from verifier.checks import numbers
from verifier.checks.common import parse


@pytest.mark.parametrize(
    ("claim", "evidence", "status"),
    [
        ("About two thousand Russian peacekeepers were stationed in Karabakh.", STATIONED,
         "agree"),
        ("Roughly 2,000 peacekeepers were stationed there.", STATIONED, "agree"),
        ("Just under 2,000 peacekeepers were stationed there.", STATIONED, "agree"),
        ("Around 5,000 Russian peacekeepers were stationed in Karabakh.", STATIONED, "conflict"),
        # troops, soldiers and peacekeepers are one kind of counted people
        ("Moscow's Karabakh contingent numbered some five thousand troops.", STATIONED,
         "conflict"),
        ("About 2,000 Russian soldiers were stationed in Karabakh.", STATIONED, "agree"),
        # a part told by its whole counts the whole's noun
        ("5,000 of Moscow's soldiers were stationed in Karabakh.", STATIONED, "conflict"),
        ("Around 2,000 of Moscow's troops were stationed in Karabakh.", STATIONED, "agree"),
        # a hyphened modifier before the counted noun is no counted noun
        ("Roughly 5,000 Moscow-sent peacekeepers were stationed in Karabakh.", STATIONED,
         "conflict"),
        ("Nearly 2,000 Russian-led peacekeepers were stationed in Karabakh.", STATIONED,
         "agree"),
        # ... of one country: another country's troops are other people
        ("About 5,000 Azerbaijani troops took part in last September's offensive.", STATIONED,
         "missing"),
        ("More than 2,000 Russian peacekeepers were stationed in Karabakh.", STATIONED,
         "conflict"),
        ("At least 3,000 peacekeepers were stationed there.", STATIONED, "conflict"),
        ("Yerevan returned five villages to Azerbaijan.", VILLAGES, "conflict"),
        ("Yerevan returned four villages to Azerbaijan.", VILLAGES, "agree"),
        ("Separatists held the territory for only about a decade.", DECADES, "conflict"),
        ("Separatists held the territory for almost 30 years.", DECADES, "agree"),
        ("The local Armenian population was only about 10,000.", POPULATION, "conflict"),
        ("Some 100,000 ethnic Armenians fled.", POPULATION, "agree"),
        ("Profits rose by 30 percent.", "Profits rose by 12 percent in 2019.", "conflict"),
        ("Profits rose by 12%.", "Profits rose by 12 percent in 2019.", "agree"),
        ("A dozen schools closed.", "Twelve schools closed last week.", "agree"),
        ("Half a million people voted.", "About 500,000 people voted.", "agree"),
        ("Twenty-five soldiers were hurt.", "25 soldiers were hurt.", "agree"),
        # a number parsed under its hedge still counts its verb's subject
        ("The ethnic Armenian population that left the region numbered around one million.",
         POPULATION, "conflict"),
        # WordNet synonyms count one thing
        ("Yerevan returned ten settlements to Azerbaijan.", VILLAGES, "conflict"),
        # a year naming a thing in the singular is no count of it
        ("Turkey backed Azerbaijan in the 2020 war.", WARS, "not_applicable"),
        # different things, no number, or only years: never a conflict (a count the passage
        # never gives is "missing")
        ("The country has 3 million inhabitants.", STATIONED, "missing"),
        ("Azerbaijan and Armenia fought three wars.", STATIONED, "missing"),
        ("Peacekeepers were stationed in Karabakh.", STATIONED, "not_applicable"),
        ("The first war ended in 1996.", WARS, "not_applicable"),
        ("The region the peacekeepers left was fought over in two wars.", WARS, "agree"),
        # the level of a statistical interval is not a figure of the finding
        ("5% of perinatal mortality is due to low birth weight.",
         "Odds ratios were 1.24 (95% confidence interval [CI] 1.04 to 1.48).", "missing"),
        ("Incidence of heart failure decreased by 10% in women.",
         "Survival was worse among men than women (relative risk, 1.33; 95% CI, 1.24-1.43).",
         "missing"),
        ("Survival improved by 95% in women.", "Survival improved by 95% in women.", "agree"),
        # shares told in words: disjoint shares of the same whole conflict
        ("Only a small part of the local population left for Armenia.", POPULATION,
         "conflict"),
        ("Only a few ethnic Armenians left for Armenia.", POPULATION, "conflict"),
        # the people of a place by any name ("inhabitants" / "population")
        ("Fewer than half of the enclave's ethnic Armenian inhabitants departed for Armenia.",
         POPULATION, "conflict"),
        ("Half of the population left for Armenia.", POPULATION, "conflict"),
        # ... overlapping ones, shares of another whole and words that are no share do not
        ("Nearly all of the local population left for Armenia.", POPULATION, "not_applicable"),
        ("Most of the Armenians left.", POPULATION, "not_applicable"),
        ("Only a few peacekeepers stayed behind.", POPULATION, "not_applicable"),
        ("The territory was historically home to a minority Armenian population.",
         "The territory was home to a majority Armenian population. " + POPULATION,
         "not_applicable"),
        ("Only half of the local population was Armenian.", POPULATION, "not_applicable"),
        ("After all, only a few left.", "After all, the entire population left.",
         "not_applicable"),
        # what a number, strength or size is of; a force or contingent counts troops
        ("The strength of the Russian peacekeeping force in Karabakh exceeded five thousand.",
         STATIONED, "conflict"),
        ("The number of Russian peacekeepers in Karabakh exceeded five thousand.", STATIONED,
         "conflict"),
        ("The Russian peacekeeping force in Karabakh numbered more than five thousand.",
         STATIONED, "conflict"),
        ("The Russian contingent numbered about two thousand.", STATIONED, "agree"),
        # "N strong" counts its noun
        ("The Russian contingent in Karabakh was around five thousand strong.", STATIONED,
         "conflict"),
        ("A 5,000-strong Russian contingent was stationed in Karabakh.", STATIONED, "conflict"),
        ("The Russian contingent was about 2,000 strong.", STATIONED, "agree"),
        ("The protest was 5,000 strong.", STATIONED, "missing"),
        # "a couple (of) thousand" is about two thousand; a scale as a letter ("2K", "100k")
        ("Russia had a couple thousand peacekeepers in Karabakh.", STATIONED, "agree"),
        ("Russia had a couple of hundred peacekeepers in Karabakh.", STATIONED, "conflict"),
        ("Russia had 2K peacekeepers in Karabakh.", STATIONED, "agree"),
        ("Russia had 5k peacekeepers in Karabakh.", STATIONED, "conflict"),
        # ... spoken apart ("two k", "2 k")
        ("Russia had two k peacekeepers in Karabakh.", STATIONED, "agree"),
        ("Russia had 5 k peacekeepers in Karabakh.", STATIONED, "conflict"),
        # those a casualty befell are not the force ("24 peacekeepers were killed" / "Nearly
        # 2,000 peacekeepers had been stationed"); two counts of one casualty are compared
        ("About 24 Russian peacekeepers were killed.", STATIONED, "misplaced"),
        ("Two dozen Russian peacekeepers lost their lives.", STATIONED, "misplaced"),
        ("Nearly 2,000 Russian peacekeepers died in Karabakh.", STATIONED, "misplaced"),
        ("About 24 Russian peacekeepers were killed.", "Some 300 Russian peacekeepers died.",
         "conflict"),
        ("About 24 Russian peacekeepers were wounded.", "Some 300 Russian peacekeepers died.",
         "misplaced"),
        ("Wind turbines kill 5 million bats a year.",
         "Wind turbines resulted in the deaths of 888,000 bats.", "conflict"),
        # a count the parse ties to no verb is compared as before
        ("59 fans died in the shooting.", "He grieves for all 59 fans lost their lives.",
         "agree"),
        # a count of time beside a death is no count of the dead
        ("His parents died fourteen years before the film's events.",
         "Fourteen years prior, his parents passed away on Christmas Eve.", "agree"),
        ("Russia had a couple of peacekeepers there.", STATIONED, "not_applicable"),
        # "the number of X ... was six" (a "was" the parser leaves without a subject), "Count
        # of X: ..."; an intensifier before a hedge leaves it as it is
        ("The number of frontier villages Armenia gave back to Azerbaijan last month was six.",
         VILLAGES, "conflict"),
        ("The number of villages returned was four.", VILLAGES, "agree"),
        ("Count of Russian peacekeepers in the enclave: comfortably more than 2,000.",
         STATIONED, "conflict"),
        ("Far more than 2,000 Russian peacekeepers were stationed in Karabakh.", STATIONED,
         "conflict"),
        # a size given through a preposition counts the subject; "just shy of" is under
        ("Karabakh's Armenian population amounted to a mere 10,000 people.", POPULATION,
         "conflict"),
        ("Karabakh's Armenian population amounted to about 100,000 people.", POPULATION,
         "agree"),
        ("Karabakh's Armenian population stood at roughly half a million.", POPULATION,
         "conflict"),
        ("Karabakh's Armenian population stood at about 100,000.", POPULATION, "agree"),
        ("Moscow had parked just shy of two thousand peacekeepers in Karabakh.", STATIONED,
         "agree"),
        ("Moscow had just shy of 3,000 peacekeepers in Karabakh.", STATIONED, "conflict"),
        ("The Russian deployment fell just short of two thousand personnel.", STATIONED,
         "agree"),
        ("The Russian deployment in Karabakh exceeded 2,000 troops.", STATIONED, "conflict"),
        ("Moscow's Karabakh force topped 1,500 troops.", STATIONED, "agree"),
        # hedges after the figure, and bounds from above
        ("Separatists held the territory for ten years or so.", DECADES, "conflict"),
        ("Separatists held the territory for thirty years or so.", DECADES, "agree"),
        ("Separatists held the territory for the better part of three decades.", DECADES,
         "agree"),
        ("Separatists held the territory for something like a decade.", DECADES, "conflict"),
        ("Separatists lost the territory within five years.", DECADES, "conflict"),
        ("Close to two thousand Russian servicemen kept the peace in Karabakh.", STATIONED,
         "agree"),
        # a people noun counts the people its nationality names; a garrison counts troops
        ("The enclave's ethnic Armenian community numbered a mere ten thousand.", POPULATION,
         "conflict"),
        ("The ethnic Armenian community numbered about 100,000.", POPULATION, "agree"),
        ("Moscow's Karabakh garrison swelled to roughly twenty thousand.", STATIONED,
         "conflict"),
        ("The number of protesters exceeded five thousand.", STATIONED, "missing"),
        # shares in words: a quarter, and the share of the opposite deed ("remained")
        ("Only about a quarter of the local Armenian population left for Armenia.",
         POPULATION, "conflict"),
        ("The bulk of the local Armenian population remained.", POPULATION, "conflict"),
        ("Only a few of the local Armenians remained.", POPULATION, "not_applicable"),
        # "three years ago" is a point in time (the dates check's), not a length of time
        ("Yerevan returned the villages three years ago.", DECADES, "not_applicable"),
        ("Separatists held the territory for three years.", DECADES, "conflict"),
    ],
)
def test_numbers(claim, evidence, status):
    finding = numbers.check(claim, evidence)
    assert finding.status == status, finding


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "head"),
    [
        ("nearly 2,000 troops", 2000, 1700, 2000, "troop"),
        ("about two thousand troops", 2000, 1700, 2300, "troop"),
        ("up to 300 people", 300, 0, 300, "people"),
        ("nearly three decades", 30, 25.5, 30, "year"),
        ("a quarter of a century", 25, 25, 25, "year"),
        ("a quarter century", 25, 25, 25, "year"),
        ("a quarter-million people", 250_000, 250_000, 250_000, "people"),
        ("a quarter of a million people", 250_000, 250_000, 250_000, "people"),
        ("outlasted half a century", 50, 50, float("inf"), "year"),
        ("2.5 million barrels", 2_500_000, 2_500_000, 2_500_000, "barrel"),
    ],
)
def test_quantity_intervals(text, value, low, high, head):
    (q,) = numbers.quantities(parse(text))
    assert (q.value, q.head) == (value, head)
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)


def test_one_standing_for_a_noun_is_no_count():
    # "the earlier one" is a war, not one war
    quantities = numbers.quantities(parse("two wars, the earlier one running to 1994"))
    assert [q.value for q in quantities] == [2]
    assert [q.value for q in numbers.quantities(parse("They fought one war."))] == [1]


def test_more_than_is_open_at_the_value():
    (q,) = numbers.quantities(parse("more than 2,000 troops"))
    assert q.low > 2000 and q.high == float("inf")


def test_years_are_not_quantities():
    assert numbers.quantities(parse("The deal was signed in November 2020 on June 12.")) == ()


@pytest.mark.parametrize(
    ("claim", "evidence", "aligned"),
    [
        # agreeing quantities are written as the passage writes them, units included
        ("Separatists held the territory for almost 30 years.", DECADES,
         "Separatists held the territory for nearly three decades."),
        ("Just under 2,000 Russian peacekeepers had been deployed.", STATIONED,
         "Nearly 2,000 Russian peacekeepers had been deployed."),
        # a figure finer than the passage's too: the model then judges the rest of the claim
        # (the decision rule lets such a passage contradict, never support)
        ("Exactly 1,960 Russian peacekeepers were stationed.", STATIONED,
         "Nearly 2,000 Russian peacekeepers were stationed."),
        # a verb that bounds the figure keeps a verb ("fell short of" -> "numbered nearly")
        ("The Russian deployment fell just short of two thousand personnel.", STATIONED,
         "The Russian deployment numbered nearly 2,000 personnel."),
        ("Moscow's force in Karabakh topped 1,500 troops.", STATIONED,
         "Moscow's force in Karabakh numbered nearly 2,000 troops."),
        # nothing to align: a conflict, no quantity
        ("Around 5,000 Russian peacekeepers were stationed there.", STATIONED,
         "Around 5,000 Russian peacekeepers were stationed there."),
        ("Russian peacekeepers were stationed in Karabakh.", STATIONED,
         "Russian peacekeepers were stationed in Karabakh."),
    ],
)
def test_align_rewrites_agreeing_quantities(claim, evidence, aligned):
    assert numbers.align(claim, evidence) == aligned


@pytest.mark.parametrize("claim", [
    "Exactly 1,960 Russian peacekeepers were stationed.",
    "Exactly 2,000 Russian peacekeepers were stationed.",  # insists on the rough figure
    "1,960 Russian peacekeepers were stationed.",
])
def test_exact_figure_against_a_rough_one_is_rough_not_agree(claim):
    """'Nearly 2,000' cannot confirm 'exactly 1,960' (nor refute it)."""
    assert numbers.check(claim, STATIONED).status == "rough"


def test_plain_figure_equal_to_a_rough_one_agrees():
    assert numbers.check("2,000 Russian peacekeepers were stationed.", STATIONED).status == "agree"


def test_figures_reads_digits_words_scales_and_units():
    found = numbers.figures(["Nearly 2,000 troops; two thousand more; three decades; 1.5 "
                             "million; twenty five; half of them", "4 villages"])
    assert {2000.0, 2.0, 3.0, 30.0, 1.5, 1_500_000.0, 25.0, 0.5, 50.0, 4.0} <= set(found)
    assert list(found) == sorted(found)
    assert numbers.figures(["No figures here."]) == ()


CORPUS_FIGURES = numbers.figures([STATIONED, POPULATION, VILLAGES, DECADES, WARS])


@pytest.mark.parametrize("claim, absent", [
    ("Around 3,000 pieces of equipment left the region.", ["Around 3,000"]),
    ("Some 10,000 people joined the protests.", ["Some 10,000"]),
    ("Five villages were returned.", ["Five"]),
    # near a corpus figure, whatever it counts: lenient, the other checks judge the thing counted
    ("About two thousand peacekeepers were deployed.", []),
    ("About 1,800 peacekeepers were deployed.", []),
    ("A hundred thousand people fled.", []),
    # open upwards, yet no writer means ten times the figure: 2,000 is not near "over 200"
    ("More than 200 soldiers died.", ["More than 200"]),
    ("More than 1,000 soldiers died.", []),
    ("Four villages were returned.", []),
    # spans of time may be given as dates ("from 1988 to 1994"); small counts are not judged
    ("The first war lasted around six years.", []),
    ("The withdrawal took eleven months.", []),
    ("One village was returned.", []),
])
def test_absent_figures(claim, absent):
    assert numbers.absent_figures(parse(claim), CORPUS_FIGURES) == absent


@pytest.mark.parametrize(("claim", "status"), [
    # counts given only roughly are intervals too
    ("Only a few hundred ethnic Armenians left.", "conflict"),
    ("Several thousand ethnic Armenians left.", "conflict"),
    ("Thousands of ethnic Armenians left.", "conflict"),
    ("Hundreds of thousands of ethnic Armenians left.", "conflict"),
    ("Tens of thousands of ethnic Armenians left.", "agree"),
    # "several" or "a few" alone is some of them, not how many there were
    ("Several ethnic Armenians left.", "not_applicable"),
])
def test_rough_counts_against_around_100000(claim, status):
    assert numbers.check(claim, POPULATION).status == status


def test_rough_counts_in_a_corpus_are_figures():
    found = numbers.figures(["Tens of thousands of people protested; a few hundred were held."])
    assert {20_000.0, 90_000.0, 200.0, 900.0} <= set(found)
    assert numbers.absent_figures(parse("About 50,000 people protested."), found) == []
    assert numbers.absent_figures(parse("About 500,000 people protested."), found) == \
        ["About 500,000"]


def test_a_two_digit_closing_year_is_no_count():
    from verifier.checks.common import parse

    assert [q.text for q in numbers.quantities(parse("Two wars over the enclave: 1988-94."))] == \
        ["Two"]
    assert numbers.short_year(parse("from 1998-02")[3]) == 2002


@pytest.mark.parametrize(("claim", "status"), [
    # dwellers of a nationality count that people ("Armenian inhabitants" / "ethnic Armenians")
    ("Some three hundred thousand Armenian inhabitants left for Armenia.", "conflict"),
    ("About 100,000 Armenian residents left for Armenia.", "agree"),
    ("About a quarter-million ethnic Armenians left for Armenia.", "conflict"),
    # the people a community numbered are that community's
    ("The Armenian community numbered about 300,000 people.", "conflict"),
    ("The Armenian community numbered about 100,000 people.", "agree"),
])
def test_dwellers_of_a_people_against_around_100000(claim, status):
    assert numbers.check(claim, POPULATION).status == status


@pytest.mark.parametrize(("text", "year"), [
    # a plural that names one event is dated by the year, not counted
    ("They were seized in the 2020 hostilities.", True),
    ("Turnout fell in the 2018 elections.", True),
    ("Baku sent 2020 troops.", False),
])
def test_a_year_before_a_plural_event(text, year):
    (t,) = [t for t in parse(text) if t.text.isdigit()]
    assert numbers.is_year(t) is year


@pytest.mark.parametrize(("claim", "status"), [
    # the other side of a contrast is the figure the claim denies
    ("Two wars, not one, were fought over the enclave.", "agree"),
    ("Three wars, not two, were fought over the enclave.", "conflict"),
])
def test_a_denied_figure_is_not_the_claims(claim, status):
    assert numbers.check(claim, WARS).status == status
