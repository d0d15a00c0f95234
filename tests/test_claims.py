from __future__ import annotations

import pytest

from verifier.claims import (
    MAX_CLAIM_CHARS,
    as_read,
    expand_codes,
    field_sentence,
    join_split_words,
    leans_back,
    relative_date,
    split_claim,
    strip_frame,
    validate_claim,
)
from verifier.errors import InvalidClaimError


@pytest.mark.parametrize("bad", ["", "   ", "\n\t", "x" * (MAX_CLAIM_CHARS + 1), "a\x00b", 3,
                                 "???", "2,000", "1 + 1 = 2"])
def test_validate_rejects(bad):
    with pytest.raises(InvalidClaimError):
        validate_claim(bad)


def test_validate_strips_and_collapses():
    assert validate_claim("  Baku  said\nso. ") == "Baku said so."


@pytest.mark.parametrize(
    ("claim", "n"),
    [
        ("Russian peacekeepers left Karabakh.", 1),
        ("Russia and Armenia are allies.", 1),  # coordinated nouns are one claim
        ("The ceasefire deal between Armenia and Azerbaijan was signed in 2020.", 1),
        ("The joint statement said Washington and Baku had agreed to upgrade their dialogue.", 1),
        ("It was Putin and Armenia's leadership, rather than Aliyev, who agreed on it.", 1),
        ("Mirzoyan is Armenia's foreign minister and O'Brien is a US official.", 2),
        # a list of nouns before the verb is one claim, not "... weapons." + "Equipment had left."
        ("The ministry said all of the contingent's personnel, weapons and equipment had left.", 1),
        ("Officials counted soldiers, tanks and trucks that had left the region.", 1),
        # nouns joined inside a phrase, with a verb later in the sentence: still one claim
        ("The conflict has strained relations between Russia and Armenia, long considered "
         "allies.", 1),
        ("Russian peacekeepers left Karabakh and Armenia returned four villages.", 2),
        ("The withdrawal began in April, but it was agreed by Putin and Aliyev.", 2),
        ("Baku recaptured the region; the peacekeepers did not intervene.", 2),
        # the small tagger calls "retook" a noun; its subject still makes it a clause
        ("Baku retook Karabakh last year, and the Russian peacekeepers fought back.", 2),
        # a later part that speaks of a thing of an earlier one stays with it
        ("Two wars have been fought over this enclave, and the most recent one was in 2020.",
         1),
        ("Armenia and Azerbaijan fought two wars, and the latter ended in 2020.", 1),
    ],
)
def test_split_claim_counts(claim, n):
    assert len(split_claim(claim)) == n


@pytest.mark.parametrize(("part", "leans"), [
    # a subject that stands for a thing of another part, or no subject at all
    ("The second came in 2020.", True),
    ("Its army is strained by the Ukraine war.", True),
    ("Relations between those long-standing partners have soured.", True),
    ("This exit did not happen overnight.", True),
    ("To come closer with the West.", True),
    # a subject of its own; a headline the tagger reads as a noun phrase
    ("Baku pledged compensation for them.", False),
    ("Most of them were sent to Ukraine.", False),
    ("Baku pledges compensation.", False),
])
def test_leans_back(part, leans):
    assert leans_back(part) is leans


def test_split_claim_borrows_subject():
    parts = split_claim("Russian peacekeepers completed the withdrawal and left the region.")
    assert len(parts) == 2
    assert parts[1].startswith("Russian peacekeepers")


@pytest.mark.parametrize(("claim", "second"), [
    ("Putin is Russia's president, and he visited Baku in April.", "Putin visited Baku in April."),
    ("The treaty was signed in 1963, and it remains in force.", "The treaty remains in force."),
    ("Armenia and Azerbaijan fought two wars, and they signed a ceasefire in 2020.",
     "Armenia and Azerbaijan signed a ceasefire in 2020."),
    # the pronoun cannot stand for the first subject: left as written
    ("The villages were returned, and it sparked protests.", "It sparked protests."),
    ("Putin is Russia's president, and they visited Baku.", "They visited Baku."),
    ("Putin met Aliyev, and Pashinyan said he was not told.", "Pashinyan said he was not told."),
])
def test_split_claim_resolves_a_subject_pronoun_to_the_first_subject(claim, second):
    assert split_claim(claim)[1] == second


def test_split_claim_borrows_a_subject_over_one_inside_the_part():
    # "Baku" is the subject of "moved", not of "did not step in"
    parts = split_claim("Russian peacekeepers stood on the sidelines and did not step in when "
                        "Baku moved.")
    assert parts == ["Russian peacekeepers stood on the sidelines.",
                     "Russian peacekeepers did not intervene when Baku moved."]


def test_split_claim_borrows_the_subject_over_an_adverb():
    assert split_claim("Baku took over the territory and then expelled the residents.") == [
        "Baku took over the territory.", "Baku then expelled the residents."]


def test_split_claim_borrows_the_verb_a_coordinated_infinitive_hangs_on():
    parts = split_claim("The Russian contingent moved to block the advance and shield the "
                        "Armenian population.")
    assert parts == ["The Russian contingent moved to block the advance.",
                     "The Russian contingent moved to shield the Armenian population."]


def test_split_claim_borrows_the_main_subject_not_one_of_a_clause_before_it():
    # "Baku" is the subject of "attacked"; the first part's own verb is "stepped up"
    parts = split_claim("When Baku attacked, Russia's peacekeepers stepped up and fought back.")
    assert parts == ["When Baku attacked, Russia's peacekeepers stepped up.",
                     "Russia's peacekeepers fought back."]


@pytest.mark.parametrize(("claim", "stripped"), [
    ("The article reports that the withdrawal began in April.", "The withdrawal began in April."),
    ("Reports indicate the earlier war was fought from 1988 to 1994.",
     "The earlier war was fought from 1988 to 1994."),
    ("It is stated that the withdrawal began in April.", "The withdrawal began in April."),
    ("According to the article, the withdrawal began in April.",
     "The withdrawal began in April."),
    ("Russia's war is straining its military, the article notes.",
     "Russia's war is straining its military."),
    ("The first war ran from 1988 to 1994, according to the article.",
     "The first war ran from 1988 to 1994."),
    ("Fear of reprisals, the article says, drove the exodus.",
     "Fear of reprisals drove the exodus."),
    ("The war, according to Baku, ended.", "The war, according to Baku, ended."),
    # a named source is content; a claim about what the article says is about the article
    ("Officials in Baku said the withdrawal was complete.",
     "Officials in Baku said the withdrawal was complete."),
    ("According to Baku, the withdrawal was complete.",
     "According to Baku, the withdrawal was complete."),
    ("The article says nothing about casualties.", "The article says nothing about casualties."),
    ("Reports of protests spread quickly.", "Reports of protests spread quickly."),
    # a spoken lead-in: a discourse word, a label before a colon, a question the rest answers
    ("So, the withdrawal began in April.", "The withdrawal began in April."),
    ("Turns out the pullout began in April.", "The pullout began in April."),
    ("So it's official: the pullout is over.", "The pullout is over."),
    ("Here's the thing: Baku says the pullout is over.", "Baku says the pullout is over."),
    ("Headcount check: Moscow had 2,000 troops there.", "Moscow had 2,000 troops there."),
    # a sworn statement's speaker named by role, a line's place in a document
    ("Declarant avers that the pullout began in April.", "The pullout began in April."),
    ("The affiant further states the pullout began in April.", "The pullout began in April."),
    ("The drawdown got going in April, deponent records.", "The drawdown got going in April."),
    ("The dialogue, declarant says, is being upgraded.", "The dialogue is being upgraded."),
    ("Para. 51 \u2014 the drawdown got going in April.", "The drawdown got going in April."),
    ("\u00b6 12: the pullout began in April.", "The pullout began in April."),
    ("Item 3 - The pullout began in April.", "The pullout began in April."),
    # a witness is a source, and a numbered thing is content
    ("A witness says the troops left.", "A witness says the troops left."),
    ("Section 2 of the deal says troops leave.", "Section 2 of the deal says troops leave."),
    ("No. 1 priority: peace.", "No. 1 priority: peace."),
    ("Why were they there at all? They were stationed under a truce.",
     "They were stationed under a truce."),
    ("Heads-up: the contingent kept out of the fighting.",
     "The contingent kept out of the fighting."),
    ("Timing for logistics teams: the force left Wednesday.", "The force left Wednesday."),
    ("Folks, the force was small.", "The force was small."),
    ("Pretty wild that Yerevan handed back four villages.", "Yerevan handed back four villages."),
    ("From what I gather Putin agreed the exit with Aliyev.", "Putin agreed the exit with Aliyev."),
    ("Let's not forget the truce dates to 2020.", "The truce dates to 2020."),
    ("No surprise there, the troops left.", "The troops left."),
    ("Students should know that the exodus involved 100,000 people.",
     "The exodus involved 100,000 people."),
    ("Debaters can point out that Moscow and Yerevan fell out.", "Moscow and Yerevan fell out."),
    ("The record shows twenty-six years separated the wars.",
     "Twenty-six years separated the wars."),
    # a parliament's address, an explainer's answer, an advisory's labels and sign-offs
    ("The honourable member will be aware that Armenia returned four villages.",
     "Armenia returned four villages."),
    ("I say to the House that the partnership has emerged stronger.",
     "The partnership has emerged stronger."),
    ("Hostilities continued, as members will recall, until 1998.",
     "Hostilities continued until 1998."),
    ("It is a matter of record that the peacekeepers left on a Monday.",
     "The peacekeepers left on a Monday."),
    ("In short, the Russians were posted there under a truce.",
     "The Russians were posted there under a truce."),
    ("The answer is that the world places the enclave in Armenia.",
     "The world places the enclave in Armenia."),
    ("No, Baku did not announce it.", "Baku did not announce it."),
    ("Staff note: the deployment was good through 2025.", "The deployment was good through 2025."),
    ("Ops FYI - Russian troops fought back.", "Russian troops fought back."),
    ("The withdrawal deal was agreed by Putin and Aliyev, advisory notes.",
     "The withdrawal deal was agreed by Putin and Aliyev."),
    ("No intervention by the contingent during the operation - staff note.",
     "No intervention by the contingent during the operation."),
    # reporting in general, unnamed, and "reportedly": the report is the corpus
    ("Drawdown operations commenced in April, per reporting.",
     "Drawdown operations commenced in April."),
    ("The force, per field reports, stayed out of it.", "The force stayed out of it."),
    ("Armenia reportedly sought new allies.", "Armenia sought new allies."),
    ("Reportedly, the force stayed out of it.", "The force stayed out of it."),
    # a memoir's word on what they remember, noted, were told or wrote
    ("That handover, I recall vividly, set off huge rallies.",
     "That handover set off huge rallies."),
    ("When Baku's forces swept in, I remember, the peacekeepers stood by.",
     "When Baku's forces swept in, the peacekeepers stood by."),
    ("Baku's takeover, my files show, came in the autumn.", "Baku's takeover came in the autumn."),
    ("I was told, and believed, that Putin struck the bargain.", "Putin struck the bargain."),
    ("In those briefings I always stressed that the mandate ran to 2025.",
     "The mandate ran to 2025."),
    ("I drafted a memo explaining that the truce dated from 2020.", "The truce dated from 2020."),
    ("Going by my diary, the force left on a Wednesday.", "The force left on a Wednesday."),
    ("I counted them once in a cable: Moscow kept 2,000 soldiers there.",
     "Moscow kept 2,000 soldiers there."),
    ("As I noted at the time, the force left on a Wednesday.", "The force left on a Wednesday."),
    ("The joint text came out on a Tuesday, as I noted.", "The joint text came out on a Tuesday."),
    # a live blog's stamps and tags
    ("14:02 \u2014 the last peacekeepers left.", "The last peacekeepers left."),
    ("UPDATE 1 \u2014 the pullout ended on June 12.", "The pullout ended on June 12."),
    ("BREAKING (Thu.) \u2014 Baku says the pullout is done.", "Baku says the pullout is done."),
    ("1988 \u2014 the war began.", "1988 \u2014 the war began."),
    # a speaker's word on plain truth, before or after the claim
    ("Here's the reality, plain and simple: the force was stretched thin.",
     "The force was stretched thin."),
    ("Make no mistake, folks: Moscow kept 2,000 troops there.", "Moscow kept 2,000 troops there."),
    ("If anyone tells you otherwise, remember: the ties soured.", "The ties soured."),
    ("Let me spell it out: the talks were upgraded.", "The talks were upgraded."),
    ("The land belongs to Azerbaijan \u2014 let nobody pretend otherwise.",
     "The land belongs to Azerbaijan."),
    ("The pullout began in April \u2014 I think.", "The pullout began in April."),
    # a list's bullets and numbers; not an initial that opens the claim
    ("2. The earliest departures date from April.", "The earliest departures date from April."),
    ("\u2022 The earliest departures date from April.",
     "The earliest departures date from April."),
    ("(3) The earliest departures date from April.", "The earliest departures date from April."),
    ("b) The earliest departures date from April.", "The earliest departures date from April."),
    ("e. coli outbreaks rose in 2020.", "e. coli outbreaks rose in 2020."),
    # a participant's own deed, and a named source, stay
    ("Colleagues and I watched the columns roll out in April.",
     "Colleagues and I watched the columns roll out in April."),
    # a closing aside of the speaker's
    ("Baku grabbed the territory last March, if I remember the story right.",
     "Baku grabbed the territory last March."),
    ("Departures began in April, our teams should note.", "Departures began in April."),
    ("The defence ministry gave the date, for what it's worth.",
     "The defence ministry gave the date."),
    ("People fled fearing reprisals, that's the stated reason.", "People fled fearing reprisals."),
    ("The truce was signed in 2020, people seem to forget that.", "The truce was signed in 2020."),
    ("The blitz was fast and caused an exodus, both spelled out in the story.",
     "The blitz was fast and caused an exodus."),
    # the speaker's own word on the claim, and the reader's paper as the source
    ("I can tell you that the withdrawal began in April.", "The withdrawal began in April."),
    ("I would note that the villages went back in May.", "The villages went back in May."),
    ("I'd remind folks that the first war ran from 1988 to 1994.",
     "The first war ran from 1988 to 1994."),
    ("We assess Baku retook the territory in a months-long campaign.",
     "Baku retook the territory in a months-long campaign."),
    ("What I can say is that the war strains Moscow's army.", "The war strains Moscow's army."),
    ("Our assessment is that most residents stayed.", "Most residents stayed."),
    ("As I said yesterday, the drawdown began in April.", "The drawdown began in April."),
    ("Let me be clear: the outposts were handed over.", "The outposts were handed over."),
    ("For the record, the mandate ran to 2025.", "The mandate ran to 2025."),
    ("The truce was signed, your paper tells us, in March 2021.",
     "The truce was signed in March 2021."),
    ("The handover sparked protests, as your paper noted.", "The handover sparked protests."),
    ("Pashinyan co-signed with O'Brien, you report.", "Pashinyan co-signed with O'Brien."),
    ("By your account, ties have warmed.", "Ties have warmed."),
    ("Yerevan spurns the West, according to you.", "Yerevan spurns the West."),
    ("Moscow began bringing its soldiers home in April, I learned from your story.",
     "Moscow began bringing its soldiers home in April."),
    ("Mirzoyan co-signed on Tuesday, which I find heartening.", "Mirzoyan co-signed on Tuesday."),
    ("The drawdown began in January, per our timeline.", "The drawdown began in January."),
    # ... not a closing clause of the speaker's own deeds, a thinking "about", or a closing
    # word of the speaker's with a name or a number in it
    ("For 29 of our 60 years, we have been under military rule.",
     "For 29 of our 60 years, we have been under military rule."),
    ("I think about all the countries that signed, the U.S. is leading.",
     "I think about all the countries that signed, the U.S. is leading."),
    ("The troops left in June, we were told by Baku.",
     "The troops left in June, we were told by Baku."),
    # ... but not words of the claim's own
    ("Look at the numbers.", "Look at the numbers."),
    ("You can cite the mandate's end date.", "You can cite the mandate's end date."),
    ("No surprises were found in the audit.", "No surprises were found in the audit."),
    ("The troops left, I think.", "The troops left."),
    # a named source before a colon is content; "Now" may start a claim's own words
    ("Baku: the withdrawal is complete.", "Baku: the withdrawal is complete."),
    ("Yerevan's complaint: Moscow did nothing.", "Yerevan's complaint: Moscow did nothing."),
    ("Why Russia left is unclear.", "Why Russia left is unclear."),
    ("So far, no peace deal has been signed.", "So far, no peace deal has been signed."),
    ("No peace deal has been signed.", "No peace deal has been signed."),
    # a headline's cry tells nothing; one with a date, a place or a verb stays
    ("Boom! Russia's troops have all left Karabakh.", "Russia's troops have all left Karabakh."),
    ("Mass exodus! Almost all 100,000 Armenians left.", "Almost all 100,000 Armenians left."),
    ("Friday farewell! The troops left.", "Friday farewell! The troops left."),
    ("Baku triumphs! The troops left.", "Baku triumphs! The troops left."),
    ("Streets explode! Protests swept Armenia.", "Streets explode! Protests swept Armenia."),
])
def test_strip_frame(claim, stripped):
    assert strip_frame(claim) == stripped


@pytest.mark.parametrize(("claim", "parts"), [
    # a weekday's apposition dates the second deed by the first
    ("Mirzoyan issued the text on Wednesday, the very day the last Russian peacekeepers left.",
     ["Mirzoyan issued the text on Wednesday.", "The last Russian peacekeepers left on "
      "Wednesday."]),
    ("The statement came out on Tuesday, the day before the Russians finished leaving.",
     ["The statement came out on Tuesday.", "The Russians finished leaving on Wednesday."]),
    ("The statement came on Monday, a day after the withdrawal ended.",
     ["The statement came on Monday.", "The withdrawal ended on Sunday."]),
    # ... not a noun phrase, which has no verb to date
    ("The statement came on Tuesday, the day before the handover.",
     ["The statement came on Tuesday, the day before the handover."]),
    # two nouns that are the subject of a verb after both are one claim
    ("According to Baku, the final Russian manpower and weaponry left Azerbaijan on June 12.",
     ["According to Baku, the final Russian manpower and weaponry left Azerbaijan on June 12."]),
])
def test_split_claim_dated_parts(claim, parts):
    assert split_claim(claim) == parts


@pytest.mark.parametrize(("claim", "expected"), [
    ("The joint statement came one day before the Russian contingent completed its exit.",
     ("The joint statement came", "the Russian contingent completed its exit", 1)),
    ("Russia left two days after Armenia protested.", ("Russia left", "Armenia protested", -2)),
    ("The statement came a day after the handover.", None),  # no clause
    ("The troops left in June.", None),
    # an order without a gap
    ("The statement was issued after the troops had left.",
     ("The statement was issued", "the troops had left", None, -1)),
    ("The statement came shortly before Russia completed its exit.",
     ("The statement came", "Russia completed its exit", None, 1)),
    ("The statement came after the handover.", None),
    ("Baku won it back the year before the pullout was completed.", None),
])
def test_relative_date(claim, expected):
    rel = relative_date(claim)
    got = (rel.first, rel.second, rel.days) if rel is not None else None
    if expected is not None and len(expected) == 4:
        got = (*got, rel.order)
    assert got == expected
    if rel is not None:
        assert rel.parts("Tuesday", "Wednesday")[1].endswith(" on Wednesday.")


def test_split_claim_strips_the_frame_before_splitting():
    parts = split_claim("The article reports that the withdrawal began in April and ended in June.")
    assert parts == ["The withdrawal began in April.", "The withdrawal ended in June."]


def test_split_claim_borrows_the_subject_of_the_clause_a_part_is_coordinated_in():
    # "took no action" is the force's, not the reports': the subject of "stood", inside the
    # clause "confirms" takes
    parts = split_claim("Reporting confirms the Russian force stood aside and later left the "
                        "region.")
    assert parts[1] == "The Russian force later left the region."
    # where the first verb is the part's own, its subject as before
    assert split_claim("When Baku attacked, the peacekeepers stepped up and fought back.")[1] \
        == "The peacekeepers fought back."


WORDS = frozenset({"azerbaijan", "armenia", "armenian", "russia", "russian", "baku", "europe",
                   "the"})


@pytest.mark.parametrize(("claim", "expanded"), [
    ("AZ retook the area from ARM separatists.", "Azerbaijan retook the area from Armenia "
     "separatists."),
    ("Two AZ–ARM wars; RU forces left.", "Two Azerbaijan–Armenia wars; Russia forces left."),
    # known abbreviations, function words and words of the corpus stay; so does a code that
    # opens no country's name, or more than one
    ("The EU, the US and the UK said IT was so.", "The EU, the US and the UK said IT was so."),
    ("NATO and the OSCE met; the UN spoke.", "NATO and the OSCE met; the UN spoke."),
    ("A, B and C agreed.", "A, B and C agreed."),
    # names clipped with a stop, as alerts write them; the stop stays where it ends the claim
    ("Arm. returned four villages to Az.", "Armenia returned four villages to Azerbaijan."),
    ("Yerevan blasts Kremlin vs Az. threat", "Yerevan blasts Kremlin vs Azerbaijan threat"),
    # titles, months and other clipped words of their own stay
    ("Gen. Smith met Dr. Jones in Sept. and Aug.", "Gen. Smith met Dr. Jones in Sept. and Aug."),
    # as does a clipped word that opens no country's name of the corpus, or a word of it
    ("Fed. rates, Ru. forces", "Fed. rates, Russia forces"),
])
def test_expand_codes(claim, expanded):
    assert expand_codes(claim, WORDS) == expanded


def test_expand_codes_keeps_a_word_of_the_corpus():
    assert expand_codes("The ARM of the law.", WORDS | {"arm"}) == "The ARM of the law."


@pytest.mark.parametrize(("claim", "sentence"), [
    ("Withdrawal kickoff - April", "The withdrawal kickoff was in April."),
    # a participle that opens the value tells the deed done to the label's thing
    ("Pullout deal: negotiated between Putin and Aliyev.",
     "The pullout deal was negotiated between Putin and Aliyev."),
    ("Completion weekday: Wednesday.", "The completion weekday was Wednesday."),
    ("Joint statement release: Tuesday", "The joint statement release was on Tuesday."),
    ("Yerevan's top diplomat = Mirzoyan", "Yerevan's top diplomat is Mirzoyan."),
    ("Pullout accord parties: Putin and Aliyev", "The pullout accord parties are Putin and "
     "Aliyev."),
    ("Russian exit: complete", "The Russian exit is complete."),
    # a count as the value stands before what the label counts
    ("Frontier villages returned last month - quantity 4", "4 frontier villages returned last "
     "month."),
    ("Azerbaijani troops killed in the offensive: about 200", "About 200 Azerbaijani troops "
     "killed in the offensive."),
    ("Yerevan's villages returned: 4", "Yerevan's villages returned: 4"),
    # a span of years reads as it is; so does a line with a verb, a name's label and a
    # sentence
    ("First war: 1988-94", "First war: 1988-94"),
    ("Baku: Russia left on Wednesday", "Baku: Russia left on Wednesday"),
    ("Russia left on Wednesday.", "Russia left on Wednesday."),
])
def test_field_sentence(claim, sentence):
    assert field_sentence(claim) == sentence


@pytest.mark.parametrize(("claim", "read"), [
    # a field label before a bare value is the claim's subject, not a label to drop
    ("Opening conflict period: 1988 thru 1998",
     "The opening conflict period was 1988 through 1998."),
    ("Headcount check: Moscow had 2,000 troops there.", "Moscow had 2,000 troops there."),
    ("Completion weekday: Wed.", "The completion weekday was Wednesday."),
    ("Pact parties: Kremlin chief + Azerbaijani pres. Aliyev",
     "The pact parties are Kremlin chief + Azerbaijani President Aliyev."),
])
def test_as_read_keeps_a_field_label(claim, read):
    assert as_read(claim) == read


@pytest.mark.parametrize(("claim", "joined"), [
    ("Some 2,000 russian peace keepers left.", "Some 2,000 russian peacekeepers left."),
    ("a strategic partner ship commission", "a strategic partnership commission"),
    # halves that are function words, short wholes and words the corpus lacks stay apart
    ("Almost every one left.", "Almost every one left."),
    ("The war time was long.", "The war time was long."),
    ("The peace talks failed.", "The peace talks failed."),
    # both halves are words of the corpus: it may write the two words as well
    ("Birth weight rose.", "Birth weight rose."),
])
def test_join_split_words(claim, joined):
    words = frozenset({"peacekeepers", "partnership", "everyone", "wartime", "the", "peace",
                       "birthweight", "birth", "weight"})
    assert join_split_words(claim, words) == joined
