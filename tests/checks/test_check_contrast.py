from __future__ import annotations

import pytest
from conftest import (
    AGREED,
    COMPLETED,
    NOT_INTERVENE,
    POPULATION,
    PROFITS,
    RECAPTURED,
    ROLE,
    STATIONED,
    VILLAGES,
)

from verifier.checks import contrast, run_checks
from verifier.checks.common import decleft


@pytest.mark.parametrize(
    ("claim", "evidence", "status"),
    [
        # the passage puts Y in X's slot
        ("It was officials in Yerevan, not Baku, who said the withdrawal was complete.",
         RECAPTURED, "conflict"),
        ("Baku, not Yerevan, returned four villages.", VILLAGES, "conflict"),
        # "ones" stands for X's noun
        ("Armenian officials, not Azerbaijani ones, declared the withdrawal completed.",
         RECAPTURED, "conflict"),
        ("Azerbaijani officials, not Armenian ones, declared the withdrawal completed.",
         RECAPTURED, "agree"),
        ("Baku itself, not Yerevan, returned four villages.", VILLAGES, "conflict"),
        # the passage tells the rest of the claim and names Y, never X
        ("It was Pashinyan, rather than Aliyev, whom Putin agreed the Russian drawdown with.",
         AGREED, "conflict"),
        ("The statement was issued by Pashinyan himself rather than his foreign minister.",
         ROLE, "conflict"),
        ("The villages were returned to Russia instead of Azerbaijan.", VILLAGES, "conflict"),
        # the doer of a passive saying is the subject of an active one ("announced by
        # Armenian officials rather than by officials in Baku" / "officials in Baku said")
        ("The completion of the pullout was announced by Armenian officials rather than by "
         "officials in Baku.", RECAPTURED, "conflict"),
        ("The completion of the pullout was announced by officials in Baku rather than by "
         "Armenian officials.", RECAPTURED, "agree"),
        # Y a pronoun placed somewhere: the place ("rather than from anyone in Baku")
        ("Word of the withdrawal came from officials in Yerevan rather than from anyone in "
         "Baku.", RECAPTURED, "conflict"),
        # the passage lists Y with X ("a ceasefire agreement between Yerevan and Baku")
        ("The ceasefire was a deal between Moscow and Baku, not Yerevan.", STATIONED,
         "conflict"),
        ("It was Putin and Armenia's leadership, rather than Aliyev, who agreed on the "
         "withdrawal.", AGREED, "conflict"),
        # ... or lists Y with the deed's subject, never naming X ("with X, not with Y")
        ("Putin struck the withdrawal deal with Pashinyan, not with Aliyev.", AGREED,
         "conflict"),
        ("Putin agreed the withdrawal with Aliyev, not with Pashinyan.", AGREED,
         "not_applicable"),
        # ... or with the claim's partner of X's deed through "with" or whose X is (", and
        # not Y" is a marker too)
        ("Pashinyan, not Aliyev, agreed the withdrawal with Putin.", AGREED, "conflict"),
        ("Armenia's Pashinyan, not Azerbaijan's Aliyev, agreed the troop exit with Putin.",
         AGREED, "conflict"),
        ("Nikol Pashinyan, and not Aliyev, was Putin's counterpart in agreeing on the "
         "pullout.", AGREED, "conflict"),
        ("Aliyev, not Pashinyan, agreed the withdrawal with Putin.", AGREED, "not_applicable"),
        # where a verb of going goes is one slot ("resettled in" / "left for")
        ("Most ethnic Armenians resettled in Russia, not in Armenia.", POPULATION,
         "conflict"),
        ("Most ethnic Armenians fled to Armenia rather than Russia.", POPULATION, "agree"),
        # X and Y share a head the passage names
        ("The statement came from Azerbaijan's Foreign Ministry rather than its Defense "
         "Ministry.", COMPLETED, "conflict"),
        ("The company's revenue, not its profits, rose by 12 percent.", PROFITS, "conflict"),
        # the passage says what the claim says
        ("It was officials in Baku, not Yerevan, who said the withdrawal was complete.",
         RECAPTURED, "agree"),
        ("Yerevan, not Baku, returned four villages.", VILLAGES, "agree"),
        ("The statement came from Azerbaijan's Defense Ministry instead of its Foreign "
         "Ministry.", COMPLETED, "agree"),
        # must not fire: bare names found somewhere else in the passage, contrasted verbs
        # (the negation check's), no contrast, a passage about something else
        ("The villages were returned to Russia instead of Azerbaijan.",
         "Last month, Yerevan returned four frontier villages that Azerbaijan had lost in the "
         "1990s.", "not_applicable"),
        ("Russia's peacekeepers stood aside rather than intervening.", NOT_INTERVENE,
         "not_applicable"),
        ("Officials in Baku said the withdrawal was complete.", RECAPTURED, "not_applicable"),
        ("It was Moscow, not Baku, that brokered the truce.", RECAPTURED, "not_applicable"),
        # Y not listed with X: the passage's list is the claim's
        ("The ceasefire was a deal between Yerevan and Baku, not Moscow.", STATIONED,
         "not_applicable"),
        ("It was Putin and Aliyev, rather than Armenia's leadership, who agreed on the "
         "withdrawal.", AGREED, "not_applicable"),
        ("The company's revenue, not its profits, rose by 12 percent.", VILLAGES,
         "not_applicable"),
        # a bare possessive Y is the owner of X's thing ("Moscow's defence ministry, not
        # Azerbaijan's"), read against the owner the passage gives that thing
        ("Moscow's defence ministry, not Azerbaijan's, issued the statement.", COMPLETED,
         "conflict"),
        ("Azerbaijan's defence ministry, not Russia's, issued the statement.", COMPLETED,
         "agree"),
        ("Moscow's foreign ministry, not Azerbaijan's, issued the statement.", COMPLETED,
         "not_applicable"),
        # a phrasal verb of the passage's deed ("hammered out" / "agreed")
        ("Putin hammered out the exit with Pashinyan rather than Baku's president.", AGREED,
         "conflict"),
    ],
)
def test_contrast(claim, evidence, status):
    finding = contrast.check(claim, evidence)
    assert finding.status == status, finding


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("It was Baku that returned the villages.", "Baku returned the villages."),
        ("It was officials in Yerevan, not Baku, who said so.",
         "officials in Yerevan, not Baku, said so."),
        ("It is the Kremlin that decides.", "the Kremlin decides."),
        # ... also after a time
        ("Last month it was Azerbaijan that returned the villages.",
         "Last month Azerbaijan returned the villages."),
        # a time said to be when something happened: the time hangs on the deed
        ("April was when the withdrawal ended.", "The withdrawal ended in April."),
        ("June 12 was when the withdrawal was completed.",
         "The withdrawal was completed on June 12."),
        ("Last September was when Baku took over.", "Baku took over last September."),
        ("April was a cruel month.", "April was a cruel month."),
        ("June is the month when the pullout was starting.",
         "The pullout was starting in June."),
        # a preposition's phrase
        ("It was from Russian troops, not from Armenian separatists, that Baku recaptured "
         "the region.",
         "From Russian troops, not from Armenian separatists, Baku recaptured the region."),
        ("It was to Azerbaijan that the villages were returned.",
         "To Azerbaijan, the villages were returned."),
        ("It was in April that the drawdown started, following an accord.",
         "In April, the drawdown started, following an accord."),
        # "the one" who did it
        ("Last month Azerbaijan was the one giving villages to Armenia.",
         "Last month Azerbaijan was giving villages to Armenia."),
        ("Armenia was the one who gave the villages back.", "Armenia gave the villages back."),
        ("He was the one.", "He was the one."),
        ("This was the one thing that mattered.", "This was the one thing that mattered."),
        # an adjective opening the noun phrase
        ("It was Armenian officials, not Azerbaijani ones, who declared it over.",
         "Armenian officials, not Azerbaijani ones, declared it over."),
        # not clefts
        ("It was clear that the war was over.", "It was clear that the war was over."),
        ("It was quite clear that the war was over.",
         "It was quite clear that the war was over."),
        ("It was controlled by separatists.", "It was controlled by separatists."),
    ],
)
def test_decleft(claim, expected):
    assert decleft(claim) == expected


def test_cleft_claim_is_checked_as_its_plain_form():
    """'It was Baku that returned the villages' names Baku where the passage has Yerevan."""
    findings = run_checks("It was Baku that returned the villages.", VILLAGES)
    assert any(f.check == "entities" and f.status == "conflict" for f in findings), findings


@pytest.mark.parametrize(("claim", "expected"), [
    ("It is Baku, not Yerevan, that charges the Kremlin with failing to protect it.",
     ("It is Yerevan that charges the Kremlin with failing to protect it.", "Baku", "Yerevan")),
    ("Russia, not Armenia, absorbed the bulk of the refugees.",
     ("Armenia absorbed the bulk of the refugees.", "Russia", "Armenia")),
    ("News of the pullout was sourced to Azerbaijani officials rather than to Moscow.",
     ("News of the pullout was sourced to Moscow.", "Azerbaijani officials", "Moscow")),
    ("It was with the Armenian prime minister, and not with Baku, that Putin agreed it.",
     ("It was with Baku that Putin agreed it.", "the Armenian prime minister", "Baku")),
    ("The Russians left in June.", None),
    # amounts are the numbers check's
    ("The force numbered in the low thousands, not the tens of thousands.", None),
])
def test_alternative(claim, expected):
    assert contrast.alternative(claim) == expected
