"""Shared passages (sentences of corpus/000_8555a464c2dfd455.txt) and a once-per-session parse."""

from __future__ import annotations

import pytest

from verifier.nlp import get_nlp

STATIONED = ("Nearly 2,000 Russian peacekeepers had been stationed in Karabakh, in accordance "
             "with a ceasefire agreement between Yerevan and Baku, signed in November 2020.")
WARS = ("Azerbaijan and Armenia had fought two wars - first from 1988 to 1994 and then again "
        "in 2020 - for control of the then-breakaway enclave.")
COMPLETED = ('"The process of the full withdrawal of the manpower, weapons, and equipment of '
             "Russia's peacekeeping contingent [in Karabakh] from Azerbaijan was completed on "
             'June 12," Azerbaijan\'s Defense Ministry said in a statement.')
AGREED = ("The withdrawal, which began in April, had been agreed between Russian President "
          "Vladimir Putin and his Azerbaijani counterpart Ilham Aliyev.")
VILLAGES = ("Last month, Yerevan returned to Azerbaijan four frontier villages that it had "
            "captured in the 1990s.")
ROLE = ("On Tuesday, Armenian Foreign Minister Ararat Mirzoyan and the United States Assistant "
        "Secretary of State for Europe and Eurasia James O'Brien issued a joint statement.")
RECAPTURED = ("Russian peacekeepers on Wednesday completed their withdrawal from the "
              "Nagorno-Karabakh region, which Baku recaptured last year from Armenian "
              "separatists, officials in Baku said.")
POPULATION = ("Almost the entire local population of around 100,000 ethnic Armenians left for "
              "Armenia, fearing reprisals and repression.")
DECADES = "It was controlled by pro-Yerevan separatists for nearly three decades."
TIES = ("The conflict has seen ties sour between traditional allies Russia and Armenia, with "
        "Yerevan accusing the Kremlin of failing to protect it.")
UPGRADE = ("Washington and Yerevan have agreed to upgrade the status of our bilateral dialogue "
           "to a Strategic Partnership Commission.")
NOT_INTERVENE = "The peacekeeping contingent did not intervene."
# not from the seed article
PROFITS = "The company's profits rose by 12 percent in 2019, to about 40 million dollars."


@pytest.fixture(scope="session", autouse=True)
def nlp():
    """Load spaCy once for the whole session (get_nlp is cached)."""
    return get_nlp()
