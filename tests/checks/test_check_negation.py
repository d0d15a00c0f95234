from __future__ import annotations

import pytest
from conftest import AGREED, COMPLETED, NOT_INTERVENE, RECAPTURED, TIES

from verifier.checks import negation


@pytest.mark.parametrize(
    ("claim", "evidence", "status"),
    [
        ("The Russian peacekeepers intervened to stop the offensive.", NOT_INTERVENE,
         "conflict"),
        ("The peacekeepers did not intervene.", NOT_INTERVENE, "agree"),
        ("Russia's peacekeepers stood aside rather than intervening.", NOT_INTERVENE, "agree"),
        ("The peacekeepers never intervened.", NOT_INTERVENE, "agree"),
        # a deed set against itself done another way is not denied ("flew out rather than
        # leaving overland" leaves)
        ("The last Russian units flew out rather than leaving overland.", RECAPTURED, "agree"),
        # held back from a deed denies it (the parser may hang "from" on "back")
        ("Russia's peacekeeping contingent held back from intervening.", NOT_INTERVENE,
         "agree"),
        ("The peacekeeping contingent refrained from stepping in.", NOT_INTERVENE, "agree"),
        ("The peacekeeping contingent refrained from stepping in.",
         "The peacekeeping contingent intervened.", "conflict"),
        ("The peacekeeping contingent held back from the front.", NOT_INTERVENE,
         "not_applicable"),
        # a "no" occasion before the verb denies it
        ("At no point did the Russian force intervene as Baku seized the territory.",
         NOT_INTERVENE, "agree"),
        ("At no time did the peacekeepers intervene.", "The peacekeepers intervened.",
         "conflict"),
        ("At this point the peacekeepers intervened.", NOT_INTERVENE, "conflict"),
        ("The peacekeepers failed to intervene.", NOT_INTERVENE, "agree"),
        ("The board approved the merger.", "The board did not approve the merger.",
         "conflict"),
        ("The board didn't approve the merger.", "The board approved the merger.", "conflict"),
        ("The minister refused to sign the treaty.", "The minister signed the treaty.",
         "conflict"),
        # a synonym of the passage's verb (WordNet), or the passage's noun for the claim's
        # verb, affirmed or denied as the verb it hangs on
        ("Russia has not yet finished withdrawing its peacekeepers.", RECAPTURED, "conflict"),
        ("Russia did not withdraw its peacekeepers.", RECAPTURED, "conflict"),
        ("Russia did not withdraw its peacekeepers.", COMPLETED, "conflict"),
        ("Russia finished withdrawing its peacekeepers.", RECAPTURED, "agree"),
        ("Russia withdrew its peacekeepers.", "Russia did not complete the withdrawal.",
         "conflict"),
        # a noun that only shares a short start with the verb, or that hangs on "be"/"say"
        ("Putin did not agree to the withdrawal.", "The agenda was set.", "not_applicable"),
        ("Baku did not state its terms.", "It was a statement of intent.", "not_applicable"),
        ("The withdrawal did not begin in April.", AGREED, "conflict"),
        # what was only meant or expected to happen
        ("The Russian troops did not stay until 2025.",
         "The Russian troops had a mandate to remain until 2025.", "not_applicable"),
        ("The troops did not leave.", "The troops plan to leave next year.", "not_applicable"),
        ("The troops did not leave.", "The troops could leave next year.", "not_applicable"),
        # what a study asks, or sets out to do, says nothing of whether it happened
        ("Screening in elderly populations does not lead to improved vision.",
         "OBJECTIVE To assess whether population screening for impaired vision among older "
         "people in the community leads to improvements in vision.", "not_applicable"),
        ("ADHD medications do not increase the risk of cardiovascular events.",
         "OBJECTIVE To examine whether current use of medications prescribed to treat ADHD is "
         "associated with increased risk of cardiovascular events.", "not_applicable"),
        ("Compression stockings did not reduce deep vein thrombosis after stroke.",
         "We assessed the effectiveness of thigh-length stockings to reduce DVT after stroke.",
         "not_applicable"),
        ("HPV detection has higher sensitivity than cytology.",
         "Detection of HPV by DNA screening in two rounds 5 years apart has not been assessed.",
         "not_applicable"),
        # ... while "no" on the passage's noun denies it
        ("CHEK2 is associated with breast cancer.",
         "We found no convincing association between any CHEK2 haplotype and breast cancer.",
         "conflict"),
        ("CHEK2 is not associated with breast cancer.",
         "We found no convincing association between any CHEK2 haplotype and breast cancer.",
         "agree"),
        # a verb of the same deed that WordNet does not tie ("leave" / "withdrawal") ...
        ("The Russian peacekeepers have not left Karabakh.", RECAPTURED, "conflict"),
        ("The Russian peacekeepers have left Karabakh.", RECAPTURED, "agree"),
        # ... but a phrasal verb is its own deed ("leave behind" is not "withdraw")
        ("The contingent did not leave its weapons behind.", RECAPTURED, "not_applicable"),
        # a negation on another verb
        ("The peacekeepers did not leave the region.", NOT_INTERVENE, "not_applicable"),
        ("Oil prices rose.", NOT_INTERVENE, "not_applicable"),
        # a noun in a circumstance of a denied verb is not denied ("failing to protect it in
        # the face of a security threat" says nothing against a threat)
        ("Yerevan says the Kremlin let it down when Azerbaijan threatened its security.",
         TIES[:-1] + " in the face of a security threat from Azerbaijan.", "not_applicable"),
        # a deed told as a noun that was (not) undertaken or (not) taking place
        ("No intervention was undertaken by the Russian peacekeepers.", NOT_INTERVENE, "agree"),
        ("The peacekeeping contingent carried out an intervention.", NOT_INTERVENE, "conflict"),
        ("An intervention by the peacekeeping contingent took place.", NOT_INTERVENE,
         "conflict"),
        ("No withdrawal of Russian peacekeepers took place.", RECAPTURED, "conflict"),
        ("The withdrawal of Russian peacekeepers took place on Wednesday.", RECAPTURED, "agree"),
    ],
)
def test_negation(claim, evidence, status):
    finding = negation.check(claim, evidence)
    assert finding.status == status, finding


VILLAGES_MOVE = ("Last month, Yerevan returned to Azerbaijan four frontier villages. The move, "
                 "which Prime Minister Nikol Pashinyan has defended as aimed at securing a "
                 "definitive peace deal with Baku, sparked a wave of mass protests in Armenia.")
MANDATE = "The Russian troops had a mandate to remain until 2025."
DIALOGUE = ("Washington and Yerevan have agreed to upgrade the status of our bilateral dialogue "
            "to a Strategic Partnership Commission.")


@pytest.mark.parametrize(
    ("claim", "evidence", "status"),
    [
        # a deed the passage tells only as meant or expected cannot be confirmed by it
        ("Armenia and Azerbaijan signed a definitive peace deal last month.", VILLAGES_MOVE,
         "unreal"),
        ("The Russian troops remained in Karabakh until 2025.", MANDATE, "unreal"),
        ("Washington and Yerevan upgraded their bilateral dialogue.", DIALOGUE, "unreal"),
        # ... but a claim that tells it as meant too, or a deed the passage tells as done
        ("The Russian troops had a mandate to remain until 2025.", MANDATE, "not_applicable"),
        ("The peacekeepers were supposed to stay until 2025.", MANDATE, "not_applicable"),
        # leave to do a deed is no deed done
        ("The peacekeepers were allowed to stay until 2025.", MANDATE, "not_applicable"),
        ("The troops' stay authorised until 2025.", MANDATE, "not_applicable"),
        ("Washington and Yerevan agreed to upgrade their dialogue.", DIALOGUE, "agree"),
        ("The joint statement announced an upgrade of the dialogue.", DIALOGUE,
         "not_applicable"),
        ("Yerevan returned four villages.", VILLAGES_MOVE, "agree"),
        ("Armenia has pursued a definitive peace deal.", VILLAGES_MOVE, "not_applicable"),
    ],
)
def test_unreal(claim, evidence, status):
    assert negation.check(claim, evidence).status == status


@pytest.mark.parametrize(
    ("claim", "evidence", "status"),
    [
        # an event the claim denies outright and the passage tells
        ("Armenians greeted the handover calmly, without a single protest.", VILLAGES_MOVE,
         "conflict"),
        ("There were no protests in Armenia over the handover.", VILLAGES_MOVE, "conflict"),
        ("The village handover passed off quietly, with no significant unrest at home.",
         VILLAGES_MOVE, "conflict"),
        ("There was no public backlash in Armenia over the handover.", VILLAGES_MOVE, "conflict"),
        ("Armenians shrugged at the deal, zero protests.", VILLAGES_MOVE, "conflict"),
        ("Armenians took the deal quietly, with nary a protest in sight.", VILLAGES_MOVE,
         "conflict"),
        ("The handover was received calmly in Armenia, provoking little in the way of public "
         "protest.", VILLAGES_MOVE, "conflict"),
        # must NOT fire: another place, a passage that denies it too, an event it asserts
        ("There were no protests in Moscow over the handover.", VILLAGES_MOVE, "not_applicable"),
        ("There were no protests in Armenia.", "Protests were not allowed in Armenia.",
         "not_applicable"),
        ("The handover sparked mass protests in Armenia.", VILLAGES_MOVE, "agree"),
        # an armed deed denied ("without any military offensive")
        ("Baku regained the territory through talks, without any military offensive.",
         "Baku took over the territory in a lightning offensive.", "conflict"),
        ("Baku took the territory without an offensive.",
         "Baku launched no offensive and took the territory in talks.", "agree"),
    ],
)
def test_denied_event(claim, evidence, status):
    assert negation.check(claim, evidence).status == status


IN_CONTEXT = "Russia's peacekeeping contingent did not intervene."


@pytest.mark.parametrize(
    ("claim", "evidence", "status"),
    [
        # an armed body the passage says did not intervene, said to have fought
        ("Russian peacekeepers fought back against the Azerbaijani offensive.", NOT_INTERVENE,
         "conflict"),
        ("Russia's contingent fought back against the Azerbaijani advance.", IN_CONTEXT,
         "conflict"),
        ("When Baku's troops moved in, the Russian contingent fought to hold them back.",
         IN_CONTEXT, "conflict"),
        ("Russian peacekeepers used force to stop the offensive of Baku.", IN_CONTEXT,
         "conflict"),
        ("Russia's contingent took up arms to shield Karabakh's Armenians.", IN_CONTEXT,
         "conflict"),
        ("Russia fought back against the offensive.", IN_CONTEXT, "conflict"),
        # not another body, a fight denied, or a passage that tells no holding off
        ("Azerbaijani troops fought the separatists.", IN_CONTEXT, "not_applicable"),
        ("The Russian peacekeepers did not fight.", IN_CONTEXT, "not_applicable"),
        ("Armenian forces fought back.", IN_CONTEXT, "not_applicable"),
        ("Russian peacekeepers fought back against the offensive.",
         "Russian peacekeepers were stationed in Karabakh.", "not_applicable"),
    ],
)
def test_used_force(claim, evidence, status):
    assert negation.check(claim, evidence).status == status

