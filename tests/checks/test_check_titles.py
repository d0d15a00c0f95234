"""People's titles as the text gives them (``checks.titles``); the conflicts they make are
tested through the entities check in ``test_check_entities.py``."""

from __future__ import annotations

import pytest
from conftest import AGREED

from verifier.checks import titles


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [("foreign minister", "minister", True), ("secretary of state",
                                              "assistant secretary of state", False),
     ("prime minister", "foreign minister", False), ("president", "president", True)],
)
def test_roles_compatible(a, b, ok):
    assert titles.roles_compatible(a, b) is ok


def test_person_roles_in_apposition():
    assert titles.person_roles("Ararat Mirzoyan, Armenia's prime minister, spoke.") == {
        "mirzoyan": "prime minister"}
    assert titles.person_nations("Ararat Mirzoyan, Armenia's prime minister, spoke.") == {
        "mirzoyan": ("armenia", "Armenia")}
    assert titles.person_roles("On Tuesday, the president spoke.") == {}
    # a name in a phrase of the subject is not the subject; the subject before it is
    assert titles.person_roles("O'Brien, co-signer with Mirzoyan, is the US assistant "
                               "secretary of state.") == {"o'brien": "assistant secretary of state"}
    # a title that owns the predicate is someone else's
    assert titles.person_roles("O'Brien, the US official, was the Armenian minister's "
                               "co-signatory.") == {}
    assert titles.person_roles("Vladimir Putin, Prime Minister Nikol Pashinyan") == {
        "pashinyan": "prime minister"}
    # in a capacity, a role, acting or serving as
    for text in ("Ararat Mirzoyan, acting in his capacity as prime minister, spoke.",
                 "Ararat Mirzoyan, in his role as prime minister, spoke.",
                 "Ararat Mirzoyan, serving as prime minister, spoke.",
                 "Mirzoyan signed as Armenia's prime minister.",
                 "Mirzoyan acted as prime minister when co-signing.",
                 "The text bears the name of Mirzoyan, signing as Armenia's prime minister.",
                 "Ararat Mirzoyan, who serves as Armenia's prime minister, spoke.",
                 "Ararat Mirzoyan, who is the prime minister, spoke.",
                 # an apposition's comma before the copula ("Yerevan's signatory, Mirzoyan,
                 # is the ...", as plain wording writes "holds the ... portfolio")
                 "Yerevan's signatory, Mirzoyan, is the prime minister.",
                 # an aside between the name and its copula
                 "Ararat Mirzoyan, Yerevan's signatory, is the prime minister."):
        assert titles.person_roles(text) == {"mirzoyan": "prime minister"}, text


def test_person_roles_with_the_title_first():
    assert titles.person_roles("Armenia's foreign minister is Pashinyan.") == {
        "pashinyan": "foreign minister"}
    assert titles.person_nations("Armenia's foreign minister is Pashinyan.") == {
        "pashinyan": ("armenia", "Armenia")}
    assert titles.person_roles("The president was Vladimir Putin") == {"putin": "president"}
    # the name must close the clause: "Putin's ally" is no name of the president
    assert titles.person_roles("The president was Putin's ally.") == {}


def test_title_holders_table():
    assert titles.title_holders(AGREED) == {("russia", "president"): "putin",
                                            ("azerbaijan", "president"): "aliyev"}


def test_country_of():
    assert titles.country_of("is Russia's") == ("russia", "Russia")
    assert titles.country_of("Azerbaijani") == ("azerbaijan", "Azerbaijani")
    assert titles.country_of("the treaty") is None


_OBRIEN = ("On Tuesday, Armenian Foreign Minister Ararat Mirzoyan and the United States Assistant "
           "Secretary of State for Europe and Eurasia James O'Brien issued a joint statement.")


@pytest.mark.parametrize(("claim", "conflict"), [
    # another part of the world, in apposition, after "as", before the name
    ("James O'Brien, Washington's assistant secretary of state in charge of the Middle East, "
     "co-authored it.", True),
    ("O'Brien as Washington's Assistant Secretary handling Africa signed it.", True),
    ("Assistant Secretary of State for East Asia and the Pacific James O'Brien signed.", True),
    # ... or the region's adjective before the portfolio
    ("O'Brien held the State Department's East Asian and Pacific portfolio.", True),
    ("O'Brien held the State Department's European and Eurasian portfolio.", False),
    # a part of the portfolio, or the same one
    ("O'Brien, assistant secretary of state for Europe, signed it.", False),
    ("Assistant Secretary of State for Eurasia James O'Brien signed.", False),
    # ... after "of state", or after an aside and a copula
    ("James O'Brien is America's assistant secretary of state for African affairs.", True),
    ("O'Brien, Armenia's counterpart on the statement, is America's assistant secretary of "
     "state for African affairs.", True),
    ("O'Brien, Armenia's counterpart on the statement, is the assistant secretary of state for "
     "Europe and Eurasia.", False),
    # another person's portfolio
    ("Mirzoyan met the envoy for Africa and O'Brien.", False),
])
def test_portfolio_region(claim, conflict):
    found = titles.title_conflict(claim, _OBRIEN)
    assert (found is not None and found.status == "conflict") == conflict, found


def test_a_persons_title_conflict_is_pinned_to_them():
    # the passage is about the person, however else the claim is worded
    found = titles.title_conflict("O'Brien held the East Asian and Pacific portfolio.", _OBRIEN)
    assert found is not None and found.pinned
    found = titles.title_conflict(
        "Mirzoyan, then serving as Armenia's defence minister, signed the text.", _OBRIEN)
    assert found is not None and found.status == "conflict" and found.pinned
