from __future__ import annotations

import pytest
from conftest import AGREED, STATIONED, TIES, VILLAGES

from verifier.checks import roles

RECAPTURE = "Baku recaptured the region from Armenian separatists."


MANDATE = ("The Russian troops had a mandate to remain until 2025, but Moscow's war in Ukraine "
           "is putting pressure on the country's armed forces.")


@pytest.mark.parametrize(
    ("claim", "evidence", "status"),
    [
        ("Azerbaijan returned four villages to Armenia.", VILLAGES, "conflict"),
        # a passive whose "by" the parser reads as a plain preposition
        ("Last month, four frontier villages were returned to Armenia by Azerbaijan.",
         VILLAGES, "conflict"),
        ("Last month, four frontier villages were returned to Azerbaijan by Armenia.",
         VILLAGES, "agree"),
        ("Azerbaijan returned villages to Yerevan.", VILLAGES, "conflict"),
        # land said to change hands the other way, with no doer named
        ("Last month's village transfer ran from Azerbaijani hands into Armenian ones.",
         VILLAGES, "conflict"),
        ("Last month's territorial transfer ran from Azerbaijan to Armenia.", VILLAGES,
         "conflict"),
        ("In last month's land deal, Azerbaijani-held villages passed to Armenian control.",
         VILLAGES, "conflict"),
        ("Last month's village transfer ran from Armenia to Azerbaijan.", VILLAGES,
         "not_applicable"),
        ("Four villages passed to Azerbaijani control.", VILLAGES, "not_applicable"),
        ("Refugees moved from Karabakh to Armenia.", VILLAGES, "not_applicable"),
        ("Protests broke out in Armenia in response to Yerevan's return of the villages.",
         VILLAGES, "not_applicable"),
        # peoples for their states in a full swap; a thing named by a WordNet synonym
        ("Azeris return 4 frontier hamlets to Armenians - report", VILLAGES, "conflict"),
        ("Armenia returned four villages to Azerbaijan.", VILLAGES, "agree"),
        ("Armenian separatists recaptured the region from Baku.", RECAPTURE, "conflict"),
        ("Azerbaijan recaptured the region from Armenian separatists.", RECAPTURE, "agree"),
        # a doer named by a common noun the passage names with its side ("Armenian
        # separatists"); "took back" is a verb of the same deed as "recaptured"
        ("Separatists took the region back from Azerbaijan.", RECAPTURE, "conflict"),
        ("Separatists recaptured the region from Baku.", RECAPTURE, "conflict"),
        ("Baku took the region back from the separatists.", RECAPTURE, "agree"),
        ("Villagers recaptured the region from Baku.", RECAPTURE, "not_applicable"),
        # "Karabakh from ..." parsed onto the object still counts as the verb's "from"
        ("Yerevan recaptured Karabakh from Azerbaijani separatists.", RECAPTURE, "conflict"),
        # the relative clause: "that" = the villages, "it" = Yerevan
        ("Azerbaijan had captured the four villages in the 1990s.", VILLAGES, "conflict"),
        ("Armenia had captured the four villages in the 1990s.", VILLAGES, "agree"),
        # blaming is accusing: who blamed whom
        ("Moscow blamed Yerevan for failing to protect it.", TIES, "conflict"),
        ("Yerevan blamed Moscow for failing to protect it.", TIES, "agree"),
        # taking land is capturing it ("took a loan" is not)
        ("Azerbaijan took the four villages in the 1990s.", VILLAGES, "conflict"),
        ("Armenia took the four villages in the 1990s.", VILLAGES, "agree"),
        # another doer of the same deed, but the passage never names the claim's doer (the
        # entities check's case), or another thing captured, or several doers: no swap
        ("France had captured the four villages in the 1990s.", VILLAGES, "not_applicable"),
        ("Azerbaijan had captured the town in the 1990s.", VILLAGES, "not_applicable"),
        ("Azerbaijan and Armenia had captured the villages.", VILLAGES, "not_applicable"),
        # another verb for the same deed (done to the same villages): only a full swap of
        # giver and recipient conflicts; "back to" and a "to" parsed as a dative count too
        ("Azerbaijan handed four border villages to Armenia.", VILLAGES, "conflict"),
        ("Baku gave back four villages to Yerevan.", VILLAGES, "conflict"),
        # a verb of the same deed ("handed back" / "returned") is read as the same verb
        ("Armenia handed four border villages back to Azerbaijan.", VILLAGES, "agree"),
        # the claim's doer is the passage's recipient of the same villages, with the same verb
        # or one of its group; a participle shares its verb's doer and "them" its object
        ("Azerbaijan returned four villages.", VILLAGES, "conflict"),
        ("Azerbaijan gave back four villages.", VILLAGES, "conflict"),
        ("Azerbaijan gave back the villages, handing them to Armenia.", VILLAGES, "conflict"),
        ("Armenia gave back the villages, handing them to Azerbaijan.", VILLAGES, "agree"),
        # ...and never another deed, nor a converse verb with its own preposition
        ("Azerbaijan sent a letter to Armenia.", VILLAGES, "not_applicable"),
        ("Azerbaijan took back four villages from Armenia.", VILLAGES, "not_applicable"),
        # "took back" shares a WordNet sense with "returned", but is the receiving end
        ("Azerbaijan took back four villages last month.", VILLAGES, "not_applicable"),
        # the same doer told two ways (a shared word) does the same deed: no other doer
        ("The Russian peacekeepers had a mandate to stay until 2025.", MANDATE, "not_applicable"),
        # another topic; a passive without an agent is not a swap
        ("France sold wine to Germany.", VILLAGES, "not_applicable"),
        # a people returning somewhere is not its state giving something back
        ("About 100,000 Azerbaijanis returned to Karabakh after the offensive.", VILLAGES,
         "not_applicable"),
        ("The villages returned to Azerbaijan had been captured by Armenia in the 1990s.",
         VILLAGES, "not_applicable"),
        # a deed told as a noun, its doer a "by" phrase or an owner
        ("The handover of four border villages was made by Baku to Yerevan.", VILLAGES,
         "conflict"),
        ("The handover of four villages by Baku to Yerevan happened last month.", VILLAGES,
         "conflict"),
        ("The handover of four villages by Yerevan to Baku happened last month.", VILLAGES,
         "agree"),
        ("Baku's return of four villages to Armenia sparked protests.", VILLAGES, "conflict"),
        ("Azerbaijan cedes four border hamlets to Armenia.", VILLAGES, "conflict"),
        ("Armenia ceded four border villages to Azerbaijan.", VILLAGES, "agree"),
        # a swap is of one deed: other people sent to Baku are not the villages returned
        ("Separatist leaders were detained by Azerbaijan authorities and transferred to Baku.",
         VILLAGES, "not_applicable"),
    ],
)
def test_roles(claim, evidence, status):
    finding = roles.check(claim, evidence)
    assert finding.status == status, finding


MERGER = ("The merger, which closed in May, had been agreed between Acme chief executive John "
          "Smith and his Globex counterpart Jane Doe.")


@pytest.mark.parametrize(
    ("claim", "evidence", "status"),
    [
        # a deal given a side the passage does not give it
        ("The pullout was a deal between Putin and Pashinyan.", AGREED, "conflict"),
        ("Putin cut the withdrawal deal with Armenian leader Pashinyan.", AGREED, "conflict"),
        ("The ceasefire agreement was signed between Moscow and Baku.", STATIONED, "conflict"),
        ("Smith struck the merger deal with Bob Jones.", MERGER, "conflict"),
        ("Putin hashed out the withdrawal with Armenia's premier Pashinyan.", AGREED, "conflict"),
        ("Putin hashed out the withdrawal with Aliyev.", AGREED, "not_applicable"),
        # the passage's sides, a deal about something else, or one side only
        ("Putin and Aliyev agreed the withdrawal.", AGREED, "not_applicable"),
        ("Putin and Pashinyan agreed on a new arms pact.", AGREED, "not_applicable"),
        ("Smith and Doe agreed the merger.", MERGER, "not_applicable"),
        ("Putin agreed the withdrawal.", AGREED, "not_applicable"),
    ],
)
def test_deal_sides(claim, evidence, status):
    finding = roles.check(claim, evidence)
    assert finding.status == status, finding
