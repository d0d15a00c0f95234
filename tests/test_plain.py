from __future__ import annotations

import pytest

from verifier.claims import split_claim
from verifier.plain import plain_words


@pytest.mark.parametrize(("claim", "plain"), [
    # idioms, in their own tense
    ("The pullout got rolling in April.", "The pullout began in April."),
    ("The withdrawal had got under way in April.", "The withdrawal had begun in April."),
    ("The ministry says it wrapped up on June 12.", "The ministry says it finished on June 12."),
    ("The last of it wrapped on June 12.", "The last of it finished on June 12."),
    ("The Russians called it a day on Friday.", "The Russians finished on Friday."),
    ("Moscow pulled the plug on the mission.", "Moscow ended the mission."),
    ("The troops could have hung around till 2025.", "The troops could have remained till 2025."),
    ("The troops were cleared to stick around until 2025.",
     "The troops were cleared to remain until 2025."),
    ("Most Armenians stayed put.", "Most Armenians remained."),
    ("The peacekeepers have packed up and left.", "The peacekeepers have left."),
    ("The peacekeepers stepped in.", "The peacekeepers intervened."),
    ("The peacekeepers jumped in to stop the attack.",
     "The peacekeepers intervened to stop the attack."),
    ("The soldiers did not get involved.", "The soldiers did not intervene."),
    ("In 2020 the two countries went to war again.", "In 2020 the two countries fought again."),
    ("Yerevan and Baku put their signatures on the ceasefire in 2021.",
     "Yerevan and Baku signed the ceasefire in 2021."),
    ("The two sides inked a truce in 2020.", "The two sides signed a truce in 2020."),
    ("The peacekeepers cleared out of Karabakh.", "The peacekeepers left Karabakh."),
    ("The troops have moved out of the region.", "The troops have left the region."),
    ("The troops got out of Karabakh in June.", "The troops left Karabakh in June."),
    ("Armenians hit the streets.", "Armenians protested."),
    ("Armenians took to the streets.", "Armenians protested."),
    ("Thousands have hit the streets.", "Thousands have protested."),
    # sitting it out is not intervening
    ("The peacekeepers just sat it out.", "The peacekeepers just did not intervene."),
    ("The peacekeepers had sat on the sidelines.", "The peacekeepers had not intervened."),
    ("They will sit it out.", "They will not intervene."),
    ("The contingent stood idly by.", "The contingent did not intervene."),
    ("The peacekeepers stood by as Baku took over.",
     "The peacekeepers did not intervene as Baku took over."),
    ("The Russians looked on while Azerbaijan attacked.",
     "The Russians did not intervene while Azerbaijan attacked."),
    ("The peacekeepers remained passive bystanders.", "The peacekeepers did not intervene."),
    # ... not standing by someone, nor looking on a side
    ("Moscow stood by its allies.", "Moscow stood by its allies."),
    ("He looked on the bright side.", "He looked on the bright side."),
    ("The truce was inked in the autumn of 2021.", "The truce was signed in the autumn of 2021."),
    ("The last troops crossed out of Azerbaijan.", "The last troops left Azerbaijan."),
    ("The soldiers began heading for home in April.", "The soldiers began leaving in April."),
    ("They headed back home.", "They left."),
    ("The peacekeepers just kept out of it.", "The peacekeepers just did not intervene."),
    ("They put out a joint statement.", "They issued a joint statement."),
    # ... not ink as a noun, putting out a fire, or the home of a word
    ("There was ink on the page.", "There was ink on the page."),
    ("They put out the fire.", "They put out the fire."),
    ("The head of home affairs", "The head of home affairs"),
    # spoken years and days of the month
    ("The first war ended in nineteen ninety-four.", "The first war ended in 1994."),
    ("They could stay until twenty twenty-five.", "They could stay until 2025."),
    ("the twenty twenty ceasefire", "the 2020 ceasefire"),
    ("It was signed in November twenty twenty.", "It was signed in November 2020."),
    ("They left on the twenty-first of June.", "They left on June 21."),
    ("They left on June the twelfth.", "They left on June 12."),
    ("They left on The Twenty-First of June.", "They left on June 21."),
    ("They left on June 12th.", "They left on June 12."),
    # a year before its month, as a data sheet writes it; not before a day
    ("Truce signed: 2020, November.", "Truce signed: November 2020."),
    ("Truce signed 2020 November", "Truce signed November 2020"),
    ("In 2020, November 10 was the day.", "In 2020, November 10 was the day."),
    # a spoken span of clipped years; not counts
    ("two wars one from eighty eight to ninety four and then twenty twenty",
     "two wars one from 1988 to 1994 and then 2020"),
    ("between ninety eight and oh two, talks stalled", "between 1998 and 2002, talks stalled"),
    ("numbers rose from eighty to ninety troops", "numbers rose from eighty to ninety troops"),
    # a speaker's fillers and closing tags; not a simile, nor "right" as a direction
    ("um so the russians like finished pulling out on wednesday right",
     "so the russians finished pulling out on wednesday"),
    ("there were like 2,000 of them", "there were 2,000 of them"),
    ("Russia left in June, right?", "Russia left in June"),
    ("They signed a deal or something.", "They signed a deal"),
    ("they fought like lions", "they fought like lions"),
    ("the troops turned right", "the troops turned right"),
    # function and number words shouted in capitals; not initials, nor a claim all in capitals
    ("The Kremlin did NOTHING as Baku stormed in!", "The Kremlin did nothing as Baku stormed in!"),
    ("Rebels ran it for almost THIRTY YEARS!", "Rebels ran it for almost thirty years!"),
    ("The WHO says DNA damage is NOT repaired.", "The WHO says DNA damage is not repaired."),
    ("DNA DAMAGE IS NOT REPAIRED", "DNA DAMAGE IS NOT REPAIRED"),
    # a clipped weekday before a date, a tilde before a figure; not "The Sun"
    ("Withdrawal completed - Wed., Jun 12", "Withdrawal completed - Wednesday, June 12"),
    ("Peacekeepers in Karabakh: ~10k", "Peacekeepers in Karabakh: about 10k"),
    ("The Sun, June 12 edition", "The Sun, June 12 edition"),
    ("Mandate end (orig.): 2025", "Mandate end: 2025"),
    # "&" between words
    ("Withdrawal agreed by: Putin & Aliyev", "Withdrawal agreed by: Putin and Aliyev"),
    ("AT&T said so.", "AT&T said so."),
    # ... not counts, nor a modal "may"
    ("twenty five hundred troops", "twenty five hundred troops"),
    ("nineteen hundred troops", "nineteen hundred troops"),
    ("They may first ask.", "They may first ask."),
    # clipped years and decades in words
    ("They fought from '88 to '94.", "They fought from 1988 to 1994."),
    ("It happened in the '90s.", "It happened in the 1990s."),
    ("Baku's '20 war.", "Baku's 2020 war."),
    ("Villages taken in the nineties.", "Villages taken in the 1990s."),
    ("In the late nineties it was over.", "In the late 1990s it was over."),
    ("Moscow's troops didn't lift a finger to intervene.", "Moscow's troops didn't intervene."),
    ("The pull-out was done and dusted on June 21.", "The pull-out was complete on June 21."),
    ("It came after a drawn-out campaign.", "It came after a protracted campaign."),
    ("c. 100,000 people left.", "circa 100,000 people left."),
    ("The peacekeepers sat on their hands.", "The peacekeepers did not intervene."),
    ("The Russians began heading for the door in April.", "The Russians began leaving in April."),
    # "back" before a time is no taking back
    ("Villages Armenian forces had seized back in the 1990s.",
     "Villages Armenian forces had seized in the 1990s."),
    ("The pullout got rolling way back in April.", "The pullout began in April."),
    ("Baku took the region back in 2023.", "Baku took the region back in 2023."),
    ("Separatists won it back in 1994.", "Separatists won it back in 1994."),
    ("Pashinyan came out against giving the villages back.",
     "Pashinyan opposed giving the villages back."),
    ("Pashinyan has come out in favour of the deal.", "Pashinyan has supported the deal."),
    # long forms of country names
    ("Villages were returned to the Republic of Armenia.", "Villages were returned to Armenia."),
    ("The Russian Federation deployed troops.", "Russia deployed troops."),
    ("Republic of Armenia officials said so.", "Armenia officials said so."),
    ("The Democratic Republic of Congo held talks.",
     "The Democratic Republic of Congo held talks."),
    # clipped hedges before a figure
    ("Approx. 100,000 ethnic Armenians left.", "Approximately 100,000 ethnic Armenians left."),
    ("Est. 2,000 troops stayed.", "Estimated 2,000 troops stayed."),
    # clipped calendar names; those that are also words only where they date something
    ("The communique came out Mon.", "The communique came out Monday."),
    ("The pullout finished Thurs, officials said.",
     "The pullout finished Thursday, officials said."),
    ("Baku seized Karabakh in a swift Sept. offensive.",
     "Baku seized Karabakh in a swift September offensive."),
    ("The truce of Nov 2021 held.", "The truce of November 2021 held."),
    ("The troops left on Wed.", "The troops left on Wednesday."),
    ("Sat beside the minister, he spoke.", "Sat beside the minister, he spoke."),
    ("The Sun reported it.", "The Sun reported it."),
    ("Jan Smith said so.", "Jan Smith said so."),
    # ... or where written with the stop of a clipped name ("Completion: Wed.")
    ("Completion weekday: Wed.", "Completion weekday: Wednesday."),
    ("Start month - Mar.", "Start month - March."),
    ("They will wed. Then they leave.", "They will wed. Then they leave."),
    # ... or closing a clause after a word in lower case ("wrapped up Wed, per officials")
    ("The pullout wrapped up Wed, per officials.", "The pullout finished Wednesday, per "
     "officials."),
    ("Sun, sand and Sat nav.", "Sun, sand and Sat nav."),
    # a clipped month; a hedge of "somewhere near", which parses as a place
    ("Armenia returned four villages last mo.", "Armenia returned four villages last month."),
    ("The talks ran 3 mos, then stalled.", "The talks ran 3 months, then stalled."),
    # a year's before or after written as a prefix
    ("Pre-2025: the troops left early.", "Before 2025: the troops left early."),
    ("The post-2020 order held.", "The post-2020 order held."),
    # the stop of a clipped word goes with it inside a sentence, and stays where one ends
    ("Intl. law recognises it", "International law recognises it"),
    ("Talks were intl. Then they ended.", "Talks were international. Then they ended."),
    ("The community numbered somewhere near 300,000 people.",
     "The community numbered about 300,000 people."),
    # a clipped title and note shorthand
    ("Accord parties: Putin + pres. Aliyev", "Accord parties: Putin + President Aliyev"),
    ("Joint stmt issued; stay authorised until yr 2025",
     "Joint statement issued; stay authorised until year 2025"),
    ("The press was there.", "The press was there."),
    # "sat out" a named assault; "cut and run" as leaving
    ("The Russian force sat out the Azeri takeover.", "The Russian force did not intervene."),
    ("They have cut and run years early.", "They have left years early."),
    ("The Russians cut and ran.", "The Russians left."),
    ("Budgets were cut and run through committee.",
     "Budgets were cut and run through committee."),
    # offices told by what their holder runs, or by a nickname
    ("Mirzoyan heads Armenia's defence portfolio.", "Mirzoyan is Armenia's defence minister."),
    ("He ran the foreign affairs ministry in 2019.", "He was the foreign minister in 2019."),
    ("Baku's defence chief spoke.", "Baku's defence minister spoke."),
    ("Yerevan's top diplomat signed.", "Yerevan's foreign minister signed."),
    ("He signed as Armenia's minister of defence.", "He signed as Armenia's defence minister."),
    # ... not one with a region: Washington's heads a State Department bureau
    ("O'Brien, Washington's top diplomat for Europe, signed.",
     "O'Brien, Washington's assistant secretary of state for Europe, signed."),
    ("Armenia's top diplomat for Europe signed.", "Armenia's diplomat for Europe signed."),
    ("The army runs military service for all men.", "The army runs military service for all men."),
    # ministries by their long or informal names
    ("Azerbaijani diplomatic service (MFA), not the military ministry, issued the notice.",
     "Azerbaijani Foreign Ministry, not the Defense Ministry, issued the notice."),
    ("It was announced by the Ministry of Foreign Affairs, not by the Ministry of Defence.",
     "It was announced by the Foreign Ministry, not by the Defence Ministry."),
    ("Baku's defence ministry gave the date.", "Baku's defence ministry gave the date."),
    # sets named by their size
    ("Trio of wars waged over the enclave.", "Three wars waged over the enclave."),
    ("Yerevan handed over a quartet of villages.", "Yerevan handed over four villages."),
    ("He met a pair of the ministers.", "He met a pair of the ministers."),
    # the same words in other uses stay
    ("The approximation was poor.", "The approximation was poor."),
    ("He wrapped the gift in paper.", "He wrapped the gift in paper."),
    ("The rates stood by the decision.", "The rates stood by the decision."),
    ("Rock 'n' roll is old.", "Rock 'n' roll is old."),
    ("He is in his nineties.", "He is in his nineties."),
    ("The piano has 88 keys.", "The piano has 88 keys."),
    ("Baku stepped up its attacks.", "Baku stepped up its attacks."),
    ("It was a step in the right direction.", "It was a step in the right direction."),
    ("The first steps in the process were taken.", "The first steps in the process were taken."),
    ("Russia did not step in.", "Russia did not intervene."),
    ("The peacekeepers stood aside as Baku advanced.",
     "The peacekeepers did not intervene as Baku advanced."),
    ("The peacekeepers took no action to block the takeover.",
     "The peacekeepers did not intervene to block the takeover."),
    ("The peacekeepers did nothing to stop the offensive.",
     "The peacekeepers did not intervene to stop the offensive."),
    ("The government took no action on climate.", "The government took no action on climate."),
    # "took no action to intervene" says the denial once
    ("The peacekeepers took no action to intervene.", "The peacekeepers did not intervene."),
    ("They took no action to intervene when Baku attacked.",
     "They did not intervene when Baku attacked."),
    ("The peacekeepers stood by and watched.", "The peacekeepers did not intervene and watched."),
    ("Russia stood by Armenia and sent troops.", "Russia stood by Armenia and sent troops."),
    # month names in lower case beside a day, a year or a word that dates; clipped ones too
    ("The truce was signed in sept 2020.", "The truce was signed in September 2020."),
    ("They left on 21 june.", "They left on 21 June."),
    ("The pullout began in april.", "The pullout began in April."),
    ("dec 12 was the date.", "December 12 was the date."),
    ("You may leave.", "You may leave."),
    ("The crowds march on.", "The crowds march on."),
    ("the sept of the clan", "the sept of the clan"),
    ("They attacked last sept.", "They attacked last September."),
    ("He sat on the sun deck.", "He sat on the sun deck."),
    # chat spelling
    ("smh the peacekeepers didnt intervene", "the peacekeepers didn't intervene"),
    ("ppl fled bc they feared reprisals, tbh", "people fled because they feared reprisals"),
    ("Their mandate ran til 2025 w/o a break.", "Their mandate ran until 2025 without a break."),
    ("It wasnt over thru June.", "It wasn't over through June."),
    ("The U.S. and BC say so.", "The U.S. and BC say so."),
    ("it was armenias defence ministry, not azerbaijans", "it was armenia's defence ministry, "
     "not azerbaijan's"),
    ("The Americas and Belarus and Russia's army", "The Americas and Belarus and Russia's army"),
    ("the us asst sec of state met him", "the us assistant secretary of state met him"),
    ("It took a sec of thought.", "It took a sec of thought."),
    # a span of clipped years without apostrophes after a word that dates
    ("They fought twice, once 88-94 and again in 2020.",
     "They fought twice, once 1988-1994 and again in 2020."),
    ("The score was 88-94 in the final.", "The score was 88-94 in the final."),
    ("It lost in 88-94 votes.", "It lost in 88-94 votes."),
    ("It ran from 94-88.", "It ran from 94-88."),
    # wire shorthand for offices
    ("FM Mirzoyan and PM Pashinyan met.", "Foreign Minister Mirzoyan and Prime Minister "
     "Pashinyan met."),
    ("They met at 3 PM Friday.", "They met at 3 PM Friday."),
    ("the AZ MoD statement", "the AZ Defense Ministry statement"),
    ("the US assistant SecState", "the US assistant Secretary of State"),
    ("They did nothing to deserve it.", "They did nothing to deserve it."),
    # "jump in" only as a deed: not a rise in a year, nor a noun
    ("Prices jumped in 2020.", "Prices jumped in 2020."),
    ("There was a jump in prices.", "There was a jump in prices."),
])
def test_plain_words(claim, plain):
    assert plain_words(claim) == plain


def test_split_claim_reads_the_plain_wording():
    assert split_claim("So, the Russians stuck around till 2025 and then packed up and left.") \
        == ["The Russians remained till 2025.", "The Russians then left."]


def test_chat_spelling_keeps_a_claim_of_asides_alone():
    from verifier.plain import chat_spelling

    assert chat_spelling("lol") == "lol"
