from __future__ import annotations

import pytest
from conftest import COMPLETED, POPULATION, RECAPTURED, TIES, UPGRADE, VILLAGES, WARS

from verifier.checks import antonyms

WEST = ("After the loss of Karabakh, Yerevan has sought to forge new security alliances by "
        "deepening ties with the West.")

OFFENSIVE = ("Last September, Baku took over the territory in a lightning offensive that "
             "triggered a refugee crisis.")


PRESSURE = ("The Russian troops had a mandate to remain until 2025, but Moscow's war in Ukraine "
            "is putting pressure on the country's armed forces.")
PROTESTED = ("The move, which Prime Minister Nikol Pashinyan has defended as aimed at securing a "
             "definitive peace deal with Baku, sparked a wave of mass protests in Armenia.")

@pytest.mark.parametrize(
    ("claim", "evidence", "status"),
    [
        ("Ties between Russia and Armenia have improved.", TIES, "conflict"),
        # what was left behind was not withdrawn; leaving nothing behind is no opposite
        ("Russian equipment was left behind in Karabakh.", COMPLETED, "conflict"),
        ("The contingent left behind no equipment.", COMPLETED, "not_applicable"),
        ("The contingent did not leave its weapons behind.", COMPLETED, "not_applicable"),
        # a grinding push is no lightning one
        ("Baku's September push to seize Karabakh grinds on for months.", OFFENSIVE,
         "conflict"),
        ("Baku took the territory after a grinding campaign.", OFFENSIVE, "conflict"),
        # ... nor one the parser reads as verbs, nor an adverb's
        ("Baku regained the territory only after a protracted, grinding campaign.", OFFENSIVE,
         "conflict"),
        ("Baku's takeover dragged on slowly for months.", OFFENSIVE, "conflict"),
        ("The conflict has cemented the partnership between Yerevan and the Kremlin.", TIES,
         "conflict"),
        ("Pashinyan has condemned the village handover as a threat to peace with Baku.",
         PROTESTED, "conflict"),
        ("Washington and Yerevan agreed to downgrade their dialogue.", UPGRADE, "conflict"),
        ("Washington and Yerevan agreed to scale back their dialogue.", UPGRADE, "conflict"),
        ("Since losing Karabakh, Yerevan has cut back its ties with the West.",
         "After the loss of Karabakh, Yerevan has sought to forge new security alliances by "
         "deepening ties with the West.", "conflict"),
        # ties drawn closer or cooled against ties souring or deepened; "closer" only when
        # said of the parties, not of ties with someone else
        ("The conflict has drawn Moscow and Yerevan closer together.", TIES, "conflict"),
        ("Russia and Armenia have grown closer.", TIES, "conflict"),
        # the ties of the same two parties, whatever else the claim says; not of two others
        ("Armenia and Russia have actually grown closer as a result of the Karabakh fighting.",
         TIES, "conflict"),
        ("Relations between Armenia and Azerbaijan have grown closer.", TIES, "not_applicable"),
        ("With Karabakh gone, the Armenians have been getting closer to the West.", TIES,
         "not_applicable"),
        ("Officials welcomed Armenia's push for closer ties with the West.", TIES,
         "not_applicable"),
        # ... or what a deed drew the parties into
        ("The conflict has drawn Russia and Armenia into an even closer partnership.", TIES,
         "conflict"),
        ("Yerevan has cooled on the West since the loss of Karabakh.",
         "After the loss of Karabakh, Yerevan has sought to forge new security alliances by "
         "deepening ties with the West.", "conflict"),
        ("The company's sales increased last year.", "The company's sales decreased last year.",
         "conflict"),
        ("Parliament rejected the treaty.", "Parliament accepted the treaty.", "conflict"),
        # causing against preventing, going on against halted (not from the seed article)
        ("The drought averted a food crisis.", "The drought triggered a food crisis.",
         "conflict"),
        ("The company suspended its merger with the bank.",
         "The company completed its merger with the bank.", "conflict"),
        ("The court denied the appeal was late.", "The court confirmed the appeal was late.",
         "conflict"),
        # ties made closer against ties broken (not from the seed article)
        ("The island has cut its ties with the mainland.",
         "The island has sought new alliances by deepening ties with the mainland.",
         "conflict"),
        ("The party distanced itself from the unions.",
         "The party has been deepening its ties with the unions.", "conflict"),
        ("The island has been loosening its ties with the mainland.",
         "The island has been deepening its ties with the mainland.", "conflict"),
        # a predicate's subject is its copula's or its controlling verb's
        ("Russia and Armenia have long been rivals.", TIES, "conflict"),
        ("Russia and Armenia have long been adversaries.", TIES, "conflict"),
        # what they are regarded as is said of the noun the participle qualifies
        ("Russia and Armenia, long regarded as rivals, have drifted further apart.", TIES,
         "conflict"),
        ("Azerbaijan and Turkey, long regarded as rivals, signed a deal.", TIES,
         "not_applicable"),
        ("Most ethnic Armenians chose to stay.", POPULATION, "conflict"),
        # a comparative is its base word ("warmer": warm)
        ("Relations between Russia and Armenia have become warmer.", TIES, "conflict"),
        # denying the opposite says the same; denying both keeps the conflict
        ("Most ethnic Armenians did not stay.", POPULATION, "not_applicable"),
        ("The troops did not leave the valley.", "The troops did not stay in the valley.",
         "conflict"),
        # must NOT fire: the predicate is said of another subject
        ("The peacekeepers were rivals of the separatists.", TIES, "not_applicable"),
        ("The soldiers chose to stay in the valley.",
         "Almost all of the villagers left the valley.", "not_applicable"),
        # must NOT fire: cutting something else than what is deepened
        ("The island has cut its taxes.",
         "The island has sought new alliances by deepening ties with the mainland.",
         "not_applicable"),
        # must NOT fire: "the absence of X causes Y" is what "X prevents Y" says
        ("The absence of the enzyme causes sensitivity to iron.",
         "The enzyme pathways prevent sensitivity to iron.", "not_applicable"),
        # must NOT fire: the opposite word is about another thing
        ("The drought averted a food crisis.", "The rains triggered a flood in the valley.",
         "not_applicable"),
        # paraphrase, another topic, homograph
        ("Ties between Russia and Armenia have soured.", TIES, "not_applicable"),
        ("Oil prices rose sharply.", "The population of the town fell.", "not_applicable"),
        ("The first war over the enclave lasted around six years.", WARS, "not_applicable"),
        # the opposite word is about something else ("first meeting" vs "last month")
        ("The commission will hold its first meeting in June.",
         "Last month, the commission was created.", "not_applicable"),
        # beginning and completing a process are both true of one withdrawal ...
        ("The Russian withdrawal began on April 17.", COMPLETED, "not_applicable"),
        # ... but not at the same time
        ("The Russian withdrawal began on June 12.", COMPLETED, "conflict"),
        ("Russian peacekeepers on Wednesday began their withdrawal from Nagorno-Karabakh.",
         RECAPTURED, "conflict"),
        # a move welcomed against one met with protests ("in Armenia" hangs on "a wave of")
        ("The new law was widely welcomed in the country.",
         "The new law sparked a wave of mass protests in the country.", "conflict"),
        # thanks or praise against blame; pressure eased against pressure put on
        ("Armenia thanked Russia for shielding it from Azerbaijani aggression.",
         TIES.removesuffix(".") + " in the face of a security threat from Azerbaijan.",
         "conflict"),
        ("Fighting in Ukraine has relieved Moscow's armed forces of strain.", PRESSURE,
         "conflict"),
        ("Moscow put its troops on alert.", PRESSURE, "not_applicable"),
        # the people of a country ("Armenians", a plural the small model keeps as its lemma)
        # celebrating against protests in that country; not another country's people
        ("Armenians celebrated the handover of the villages.", VILLAGES + " " + PROTESTED,
         "conflict"),
        ("Azerbaijanis celebrated the handover of the villages.", VILLAGES + " " + PROTESTED,
         "not_applicable"),
        ("The new law was widely welcomed in the country.",
         "The new law sparked a wave of mass protests in a neighbouring state.",
         "not_applicable"),
        # a deed done fast against slowly: the speed words hang on the same deed
        ("Baku took over the territory last September in a slow, months-long campaign.",
         OFFENSIVE, "conflict"),
        ("The offensive last September was slow and drawn out.", OFFENSIVE, "conflict"),
        # ... told in other words (fewer of the claim's words in the passage) or parsed
        # elsewhere ("slow" read as the object of "after"): the names of its clause tie it
        ("Azerbaijan seized Karabakh in a lengthy campaign lasting several years.", OFFENSIVE,
         "conflict"),
        ("Baku's takeover of Karabakh last September came after a slow, grinding months-long "
         "campaign.", OFFENSIVE, "conflict"),
        ("Baku took over the territory in a rapid offensive.", OFFENSIVE, "not_applicable"),
        # must NOT fire: slow about another deed
        ("The refugee crisis was slow to develop.", OFFENSIVE, "not_applicable"),
        ("Baku took over the territory, and peace talks made slow progress.", OFFENSIVE,
         "not_applicable"),
        # a phrasal verb read with its particle; one side's loss is the other's gain
        ("Baku lost the territory in a lightning offensive.", OFFENSIVE, "conflict"),
        ("Azerbaijan lost the territory last September.", OFFENSIVE, "conflict"),
        ("Armenia lost the territory last September.", OFFENSIVE, "not_applicable"),
        ("Baku took over the territory last September.", OFFENSIVE, "not_applicable"),
        # ties turned from: an idiom, and a phrasal verb whose object hangs on its particle
        ("Armenia has turned its back on the West.", WEST, "conflict"),
        ("Armenia turned away from the West.", WEST, "conflict"),
        ("Armenia has been moving away from Western countries.", WEST, "conflict"),
        # the ties' parties read up the clauses: "Yerevan has sought to ... by deepening ties
        # with the West", "pushed Yerevan to cut back its dealings"
        ("Yerevan's answer to losing Karabakh has been to cool relations with Western "
         "governments.", WEST, "conflict"),
        ("Losing Karabakh has pushed Yerevan to cut back its dealings with Western "
         "governments.", WEST, "conflict"),
        ("Azerbaijan has reduced its ties with the West.", WEST, "not_applicable"),
        # a verb coordinated with another shares its subject, and "it" stands for its object
        ("Pashinyan has disowned the village handover and condemned it as a mistake.",
         VILLAGES + " The move, which Prime Minister Nikol Pashinyan has defended as aimed at "
         "securing a definitive peace deal with Baku, sparked a wave of mass protests in "
         "Armenia.", "conflict"),
        ("Armenia turned its back on Russia.", WEST, "not_applicable"),
        # done to people is no opposite of a deed done to a thing
        ("Armenians complained that the Kremlin had abandoned them.", RECAPTURED,
         "not_applicable"),
        ("Russian peacekeepers abandoned their withdrawal.", RECAPTURED, "conflict"),
        # a combining form names the country ("Russo-Armenian")
        ("Russo-Armenian friendship only grew warmer throughout the conflict.", TIES,
         "conflict"),
    ],
)
def test_antonyms(claim, evidence, status):
    finding = antonyms.check(claim, evidence)
    assert finding.status == status, finding


def test_table_is_symmetric():
    for a, opps in antonyms.OPPOSITE.items():
        for b in opps:
            assert a in antonyms.OPPOSITE[b]
