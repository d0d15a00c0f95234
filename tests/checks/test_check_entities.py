from __future__ import annotations

import pytest
from conftest import (
    AGREED,
    COMPLETED,
    DECADES,
    POPULATION,
    RECAPTURED,
    ROLE,
    STATIONED,
    TIES,
    VILLAGES,
    WARS,
)

from verifier.checks import entities
from verifier.checks.common import parse

PROTESTS = ("Yerevan returned four villages to Azerbaijan. The move sparked a wave of mass "
            "protests in Armenia.")
TERRITORY = ("The territory is internationally recognized as part of Azerbaijan despite "
             "historically being home to a majority Armenian population.")


WEST = ("After the loss of Karabakh, Yerevan has sought to forge new security alliances by "
        "deepening ties with the West.")


@pytest.mark.parametrize(
    ("claim", "evidence", "status"),
    [
        ("The withdrawal was agreed between Putin and Erdogan.", AGREED, "conflict"),
        ("The withdrawal was agreed between Putin and Aliyev.", AGREED, "agree"),
        # a name written without its apostrophe is the same name
        ("Mirzoyan and the assistant secretary of state for Europe and Eurasia (OBrien) issued "
         "a statement.", ROLE, "agree"),
        ("Mirzoyan and OBrien issued a joint statement.", ROLE, "agree"),
        # the claim pairs Putin with someone the passage does not, in the same deed (the
        # small model tags only "Putin"; the name coordinated with it is a person too)
        ("Putin and Pashinyan agreed on the Russian withdrawal.", AGREED, "conflict"),
        ("The withdrawal was agreed by Putin and Pashinyan.", AGREED, "conflict"),
        ("Putin and Aliyev agreed on the Russian withdrawal.", AGREED, "agree"),
        # another verb told of the same thing is the same deed
        ("Putin and Pashinyan signed off on the withdrawal.", AGREED, "conflict"),
        # the name the small model misses before a tagged one; nouns of one deed
        ("Pashinyan and Putin negotiated the peacekeepers' departure.", AGREED, "conflict"),
        ("Putin and Pashinyan met in April.", AGREED, "missing"),  # another deed
        ("Putin and Erdogan met in Ankara.", AGREED, "unplaced"),  # another deed
        # a source is no place
        ("According to Yerevan, the Kremlin failed to protect Armenia.", TIES, "agree"),
        ("Armenian Prime Minister Ararat Mirzoyan issued a joint statement.", ROLE, "conflict"),
        ("Ararat Mirzoyan serves as Armenia's defense minister.", ROLE, "conflict"),
        ("James O'Brien is the US Secretary of State.", ROLE, "conflict"),
        # the claim's name is in the passage's argument that holds the other name, however
        # the parser hangs it ("Eurasia" on "O'Brien")
        ("On Tuesday the Armenian foreign minister and a senior US diplomat issued a joint "
         "statement.", ROLE, "agree"),
        ("James O'Brien is the US Assistant Secretary of State for Europe and Eurasia.", ROLE,
         "agree"),
        ("Ararat Mirzoyan issued a statement with James O'Brien.", ROLE, "agree"),
        ("Almost all ethnic Armenians left for Russia.", POPULATION, "conflict"),
        # a country the small NER model misses at the start of a sentence
        ("Armenia recaptured the region last year.", RECAPTURED, "conflict"),
        ("Baku recaptured the region last year.", RECAPTURED, "agree"),
        # a capital the small NER model labels a person is still a place
        ("Baku returned four frontier villages.", VILLAGES, "conflict"),
        ("Yerevan returned four frontier villages.", VILLAGES, "agree"),
        # a place where something happened is not the side that fought
        ("Russia's former Karabakh peacekeepers have been redeployed to fight in Ukraine.", WARS,
         "unplaced"),
        # coordinated names share one slot, in any order
        ("Armenia and Azerbaijan fought two wars.", WARS, "agree"),
        # the claim's entity is named in the passage, but another one fills its slot
        ("The territory is internationally recognised as part of Armenia.", TERRITORY,
         "conflict"),
        ("The territory is internationally recognized as part of Azerbaijan.", TERRITORY, "agree"),
        # without "as": a small clause, the name before "part" being the territory itself
        ("The international community considers Karabakh part of Armenia.", TERRITORY,
         "conflict"),
        ("Most countries consider Karabakh Armenian territory.", TERRITORY, "conflict"),
        ("Most countries consider Karabakh part of Azerbaijan.", TERRITORY, "missing"),
        ("The territory was historically home to a majority Armenian population.", TERRITORY,
         "agree"),
        # "the Armenian state" is Armenia
        ("The territory is recognized as part of the Armenian state.", TERRITORY, "conflict"),
        # the majority given to another people; "a majority of" a people is a part of it
        ("Historically the majority of people there was Azerbaijani, not Armenian.", TERRITORY,
         "conflict"),
        ("Azerbaijanis long formed the majority in the territory.", TERRITORY, "conflict"),
        ("Historically most people in the territory were Azerbaijanis.", TERRITORY, "conflict"),
        ("The territory historically had an Armenian majority.", TERRITORY, "agree"),
        # "most of its inhabitants", "predominantly Azerbaijani"
        ("Ethnic Azerbaijanis traditionally formed most of the territory's inhabitants.",
         TERRITORY, "conflict"),
        ("Historically, the territory's ethnic composition was predominantly Azerbaijani.",
         TERRITORY, "conflict"),
        ("The territory had a predominantly Azerbaijani population.", TERRITORY, "conflict"),
        ("Historically, its population was predominantly Armenian.", TERRITORY, "agree"),
        # "populated mainly by", "home mainly to"
        ("The territory has historically been populated mainly by Azerbaijanis.", TERRITORY,
         "conflict"),
        ("Historically, the territory was home mainly to ethnic Azerbaijanis.", TERRITORY,
         "conflict"),
        ("The territory was inhabited mostly by Armenians.", TERRITORY, "agree"),
        ("The majority of Azerbaijanis left the territory.", TERRITORY, "agree"),
        ("Yerevan returned four villages to Azerbaijan.", VILLAGES, "agree"),
        # a claim that denies it of the name says nothing against the passage's name
        ("Karabakh was not historically an Azerbaijani-majority region.", TERRITORY, "missing"),
        ("Putin did not agree on the withdrawal with Pashinyan.", AGREED, "missing"),
        ("The territory is not recognised as part of Armenia.", TERRITORY, "agree"),
        # the same thing in another place, though the passage names the claim's place too
        ("The wave of mass protests over the handover took place in Azerbaijan.", PROTESTS,
         "conflict"),
        ("Ethnic Armenians left Armenia for Karabakh.", POPULATION, "conflict"),
        # ... but not a capital for its country, the same destination, or a passage that lists
        # the claim's place too
        ("The protests took place in Yerevan.", PROTESTS, "agree"),
        ("Ethnic Armenians left Karabakh for Armenia.", POPULATION, "missing"),
        # a later move is another move
        ("Most of the Karabakh refugees have since left Armenia for Russia.", POPULATION,
         "missing"),
        ("Most of the Karabakh refugees left Armenia for Russia.", POPULATION, "conflict"),
        ("Many of the refugees did not stay in Armenia but travelled on to Russia.", POPULATION,
         "unplaced"),
        # where a move went, told with another verb of moving; not where some of them went
        ("Ethnic Armenians fled to Russia.", POPULATION, "conflict"),
        ("Some ethnic Armenians fled to Russia.", POPULATION, "unplaced"),
        ("Nearly all the ethnic Armenians decamped to Georgia.", POPULATION, "conflict"),
        # a country in the slot of a region the small model calls LOC ("the West")
        ("Armenia has been deepening its ties with Russia.", WEST, "conflict"),
        ("Armenia has been deepening its ties with the West.", WEST, "agree"),
        # where they left is not where they went
        ("The Armenians who left Karabakh feared reprisals.", POPULATION, "missing"),
        ("Ethnic Armenians left for Russia.",
         "Ethnic Armenians left for Armenia and for Russia.", "agree"),
        ("Part of the film was shot in New Mexico.",
         "The film was shot in Las Cruces, New Mexico, Atlanta, Georgia, and Tuscaloosa, "
         "Alabama.", "agree"),
        # the passage gives what the claim's name owns to another name: it cannot confirm it
        # (both may have spoken, so it does not conflict either)
        ("Russia's defence ministry confirmed the end of the mission.", COMPLETED, "misplaced"),
        # another country's ministry is another ministry, not the passage's in another name
        ("Russia's Foreign Ministry said the mission had fulfilled its objectives.", COMPLETED,
         "misplaced"),
        ("Azerbaijan's Foreign Ministry said the withdrawal was complete.", COMPLETED,
         "conflict"),
        ("The Armenian Defence Ministry announced the end of the withdrawal.", COMPLETED,
         "misplaced"),
        ("Putin's spokesman said the talks had failed.",
         "Aliyev's spokesman said the talks had failed.", "misplaced"),
        # the claim puts its deed in a place the passage never names as a place ("Russian" and
        # "Moscow's war" are none): the passage cannot confirm it
        ("Aliyev met Putin in Moscow to discuss the withdrawal.", AGREED, "unplaced"),
        ("Aliyev met Putin in Moscow.", "Moscow's war in Ukraine goes on. " + AGREED,
         "unplaced"),
        ("About 100,000 Azerbaijanis returned to Karabakh after the offensive.", POPULATION,
         "unplaced"),
        ("The Russian troops left through Armenia.", RECAPTURED, "unplaced"),  # the route
        # the place of the occasion the deed was done at ("during talks in Moscow")
        ("Putin and Aliyev settled the withdrawal during face-to-face talks in Moscow.", AGREED,
         "unplaced"),
        # ... before or after it, or the meeting a light verb holds ("held talks in X")
        ("Mirzoyan and O'Brien released their statement after talks in Washington.", ROLE,
         "unplaced"),
        ("Mirzoyan and O'Brien held talks in Washington before the statement.", ROLE,
         "unplaced"),
        ("The joint statement was issued after talks held in Yerevan.", ROLE, "unplaced"),
        # ... but not where the passage names the place, its capital or country, nor a place that
        # says which people a subject is
        ("Peacekeepers were stationed in Karabakh.", STATIONED, "agree"),
        ("Mass protests were held in Yerevan.", "The move sparked mass protests in Armenia.",
         "agree"),
        ("Officials in Moscow said the withdrawal was complete.",
         "The withdrawal was complete, officials said.", "missing"),
        # ... nor where a thing is (no deed), nor a name the passage has as no place
        ("Amy Adams has a voice role in Underdog.", "Amy Adams starred in a film.", "missing"),
        ("Jammu and Kashmir is a state in India.", "Jammu and Kashmir is a state.", "missing"),
        ("Bas Dost started playing professionally at FC Jostoos.",
         "Having begun his career at FC Jostoos in the Eerste Divisie, Dost later played in "
         "the Eredivisie.", "missing"),
        # the same group on another side; a capital and its country are one side
        ("The region was controlled by pro-Baku separatists.", DECADES, "conflict"),
        ("Pro-Armenia separatists held the region.", DECADES, "not_applicable"),
        ("Pro-Baku separatists held the region.", DECADES, "conflict"),  # capital "Pro-"
        # a side named in words: "loyal to", "backed by", "-backed"
        ("For almost thirty years the region was run by separatists loyal to Baku.", DECADES,
         "conflict"),
        ("Baku-backed separatists ran the region.", DECADES, "conflict"),
        ("Separatists backed by Armenia controlled the region.", DECADES, "missing"),
        # the passage's name qualifies a word in the claim: no other name in its slot
        ("The world recognises Karabakh as Azerbaijani land.", TERRITORY, "missing"),
        # a role told after a relative clause on the name
        ("James O'Brien, who signed the statement with Mirzoyan, is the US Secretary of State.",
         ROLE, "conflict"),
        # a group named by a demonym is on its country's side
        ("The territory was controlled by Azerbaijani separatists for about thirty years.",
         DECADES, "conflict"),
        ("Baku recaptured the region from pro-Baku separatists.", RECAPTURED, "conflict"),
        ("Anti-PD-1 antibodies improved survival.", "Anti-CTLA-4 antibodies improved survival.",
         "not_applicable"),
        # a capital is in its country, not the other way round; "pro-Yerevan" is no place
        ("The refugees settled in Armenia.", "The refugees settled in Yerevan.", "agree"),
        ("The album sold 2 million copies in the US.",
         "The album sold 2 million copies in the United States.", "agree"),
        ("Blood pressure drugs could improve survival in COVID-19.",
         "Blood pressure drugs improved survival.", "missing"),
        ("Jamiroquai sold over 2 million copies in the US.",
         "Jamiroquai has sold 26 million albums, including US sales of 2.5 million.", "agree"),
        ("The refugees settled in Yerevan.", "The refugees settled in Armenia.", "unplaced"),
        ("The refugees settled in Yerevan.", DECADES, "unplaced"),
        # a country that acts, owns or titles a person is no place
        ("Ararat Mirzoyan travelled to Washington to sign the joint statement.",
         ROLE[:-1] + " saying Washington and Yerevan have agreed to upgrade their dialogue.",
         "unplaced"),
        # a place visited is where the deed is done; a known capital stays a place where the
        # small model tags it a person in the passage
        ("James O'Brien visited Yerevan on Tuesday.",
         ROLE[:-1] + " saying Washington and Yerevan have agreed to upgrade their dialogue.",
         "unplaced"),
        ("O'Brien visited Yerevan.", "O'Brien held talks in Yerevan.", "agree"),
        ("O'Brien visited the ministry.", "O'Brien held talks in Yerevan.", "agree"),
        # ... but not the owner's other name, nor a passage naming the claim's owner's one too,
        # nor an owner the claim denies
        ("The Azerbaijani defence ministry said the withdrawal was complete.", COMPLETED,
         "agree"),
        ("Baku's defence ministry said the withdrawal was complete.", COMPLETED, "agree"),
        ("Russia's ministry said so.", "Azerbaijan's ministry and Russia's ministry said so.",
         "agree"),
        ("Russia's defence ministry did not confirm the end of the mission.", COMPLETED,
         "agree"),
        # unrelated entities: never a conflict; the passage does not name them
        ("Germany won the World Cup in 2014.", AGREED, "missing"),
        # another nationality qualifying the same noun (the small model tags the claim's
        # "Azerbaijani" a PERSON, and calls one a compound, the other an amod)
        ("Karabakh historically had a majority Azerbaijani population.", TERRITORY, "conflict"),
        ("Karabakh historically had a majority Armenian population.", TERRITORY, "missing"),
        # a person's title given to another country; a counterpart's country is his own
        ("Azerbaijani President Vladimir Putin agreed the withdrawal.", AGREED, "conflict"),
        ("Ilham Aliyev is the president of Russia.", AGREED, "conflict"),
        ("Ilham Aliyev is Russia's president.", AGREED, "conflict"),
        ("Russian President Vladimir Putin agreed the withdrawal.", AGREED, "agree"),
        ("Ilham Aliyev is the president of Azerbaijan.", AGREED, "agree"),
        # ... and two titles are two people, not one thing with two owners
        ("Ilham Aliyev is the Azerbaijani president.", AGREED, "agree"),
        # another party in a "between" pair of the same thing
        ("The ceasefire agreement was signed between Moscow and Baku.", STATIONED, "conflict"),
        ("The 2020 ceasefire was agreed between Armenia and Turkey.", STATIONED, "conflict"),
        ("The ceasefire agreement was signed between Armenia and Azerbaijan.", STATIONED,
         "agree"),
        # ... not when the passage's party names the claim's in its phrase, nor when no party
        # is shared (another pair, or the same one named otherwise)
        ("The withdrawal was agreed between Putin and Azerbaijan.", AGREED, "agree"),
        ("The withdrawal was agreed between Russia and Azerbaijan.", AGREED, "agree"),
        ("Talks were held between Turkey and Greece.", STATIONED, "missing"),
        # a party in apposition, the thing named by another noun of the deed, and more words
        # than the pair's own
        ("The pull-out was negotiated between Vladimir Putin and the Armenian prime minister, "
         "Nikol Pashinyan, rather than with the Azerbaijani leadership.", AGREED, "conflict"),
        ("The pullout was negotiated between Vladimir Putin and the Azerbaijani president, "
         "Ilham Aliyev.", AGREED, "agree"),
        # "other than" denies the name, and a name qualifying another noun under the same verb
        # is not in the claim's slot
        ("Veeram is an Indian film.", "Veeram is a 2014 Pakistani action film.", "conflict"),
        ("Veeram is something other than an Indian film.",
         "Veeram is a 2014 Pakistani action film.", "missing"),
        ("Bas Dost plays for Sporting CP.",
         "Bas Dost is a footballer who plays as a forward for Portuguese club Sporting CP.",
         "agree"),
    ],
)
def test_entities(claim, evidence, status):
    finding = entities.check(claim, evidence)
    assert finding.status == status, finding


CORPUS_WORDS = entities.word_set([AGREED, VILLAGES, ROLE, TIES])


@pytest.mark.parametrize(
    ("claim", "absent"),
    [
        ("The four returned villages are in Armenia's Tavush region.", ["Tavush"]),
        ("Mirzoyan issued the statement with Antony Blinken.", ["Antony Blinken"]),
        ("Turkish monitors replaced the Russian peacekeepers.", ["Turkish"]),
        # must NOT fire: the corpus names them, in full, in part or through an alias
        ("Vladimir Putin agreed the withdrawal.", []),
        ("Putin agreed the withdrawal with Ilham Aliyev.", []),
        ("The Kremlin agreed the withdrawal.", []),  # the corpus says "Kremlin"
        ("Moscow agreed the withdrawal.", []),  # alias of "Russia", which the corpus names
        ("Azerbaijan's government welcomed the move.", []),
        ("The villages were returned last month.", []),  # no name at all
        ("Ilham Aliev agreed the withdrawal.", []),  # another spelling of "Aliyev"
        ("Antony Blinkin met Mirzoyan.", ["Antony Blinkin"]),  # no near spelling either
    ],
)
def test_absent_names(nlp, claim, absent):
    assert entities.absent_names(nlp(claim), CORPUS_WORDS) == absent


def test_absent_names_reads_western_as_the_west(nlp):
    words = entities.word_set(["Yerevan has sought to deepen ties with the West."])
    assert entities.absent_names(nlp("Armenia courted Western states."), words) == []
    assert entities.absent_names(nlp("Armenia courted Eastern states."), words) == ["Eastern"]


def test_word_set_adds_the_country_of_a_capital_or_demonym():
    words = entities.word_set(["Officials in Yerevan said so.", "An Azerbaijani official"])
    assert {"yerevan", "armenia", "azerbaijani", "azerbaijan", "officials"} <= words
    assert "russia" not in words


TOOK_OVER = ("Last September, Baku took over the territory in a lightning offensive that "
             "triggered a refugee crisis.")


@pytest.mark.parametrize(
    ("claim", "evidence", "aligned"),
    [
        # the passage names the country by its capital: the model reads the capital
        ("Azerbaijan seized the territory last September.", TOOK_OVER,
         "Baku seized the territory last September."),
        ("Armenia returned four villages to Azerbaijan.", VILLAGES,
         "Yerevan returned four villages to Azerbaijan."),
        # a swap stays a swap, in the passage's words
        ("Azerbaijan returned four villages to Armenia.", VILLAGES,
         "Azerbaijan returned four villages to Yerevan."),
        # must NOT change: a demonym for a country, a name the passage writes the claim's way,
        # a name of no known country, another country
        ("Russian peacekeepers left.", "Russia's contingent left.", "Russian peacekeepers left."),
        ("Yerevan returned the villages to Azerbaijan.", VILLAGES,
         "Yerevan returned the villages to Azerbaijan."),
        ("Pashinyan returned the villages.", VILLAGES, "Pashinyan returned the villages."),
        ("Georgia seized the territory last September.", TOOK_OVER,
         "Georgia seized the territory last September."),
        # the passage's "the United States" after the claim's "the"
        ("James O'Brien is the US Secretary of State.", ROLE,
         "James O'Brien is the United States Secretary of State."),
        # a people is neither its country nor its demonym
        ("Baku intends to move Azerbaijanis back into the region.", VILLAGES,
         "Azerbaijan intends to move Azerbaijanis back into the region."),
        ("Over 200 people died on the Armenian side.",
         "Almost the entire local population of around 100,000 ethnic Armenians left.",
         "Over 200 people died on the Armenian side."),
    ],
)
def test_align_names(claim, evidence, aligned):
    assert entities.align(claim, evidence) == aligned


def test_align_keeps_a_demonym_the_parser_calls_a_place():
    # "named" calls "Azerbaijani" a GPE (it is a known place word); it is still no capital
    passage = ("The territory is internationally recognized as part of Azerbaijan, as officials "
               "in Baku said.")
    claim = "Karabakh is internationally recognised as Azerbaijani."
    assert entities.align(claim, passage) == claim


@pytest.mark.parametrize(("claim", "evidence"), [
    # a country and its demonym own the same thing
    ("One of the best scorers in Portugal 's league is Bas Dost .",
     "Dost would eventually become one of the best scorers in the Portuguese league ."),
    # the same name with and without its accent
    ("Sánchez 's contract with Arsenal ends in the summer .",
     "Sanchez 's Arsenal contract had been due to expire in the summer."),
    # a name before a noun that says what kind it is, not whose
    ("Coronavirus vaccines leap through safety trials",
     "Scientists developing COVID-19 vaccines have released data from their first trials."),
    ("The Norfolk family lives in Arundel Castle .",
     "It is the principal seat of the Howard family , whose heads have been Dukes of Norfolk ."),
    # the claim names the passage's owner too: "Armenian" is who, not whose
    ("Armenians historically made up most of Karabakh's population.", TERRITORY),
])
def test_owner_moved_needs_another_owner(claim, evidence):
    assert entities.check(claim, evidence).status != "misplaced"


@pytest.mark.parametrize(("claim", "evidence", "status"), [
    # a title one person holds at a time in a country, given to another person
    ("Russian President Dmitry Medvedev agreed the withdrawal with Aliyev.", AGREED, "conflict"),
    ("Armenia's foreign minister, Nikol Pashinyan, issued a joint statement with James "
     "O'Brien.", ROLE, "conflict"),
    ("Armenian Foreign Minister Zohrab Mnatsakanyan issued a joint statement.", ROLE,
     "conflict"),
    # a counterpart holds the title of whom it is the counterpart of
    ("Azerbaijani Prime Minister Ilham Aliyev agreed the withdrawal.", AGREED, "conflict"),
    ("Azerbaijani President Ilham Aliyev agreed the withdrawal.", AGREED, "agree"),
    # a title in apposition or "in his capacity as"; never the title of the name after it,
    # nor a time phrase taken for a name
    ("Ararat Mirzoyan, Armenia's prime minister, issued the joint statement.", ROLE,
     "conflict"),
    ("Ararat Mirzoyan, the foreign minister of Armenia, issued the joint statement.", ROLE,
     "agree"),
    ("The statement was issued by Ararat Mirzoyan in his capacity as Armenia's defence "
     "minister.", ROLE, "conflict"),
    ("James O'Brien, Prime Minister Nikol Pashinyan and Ararat Mirzoyan met.", ROLE,
     "missing"),
    # a surname alone before "is", not a place
    ("Mirzoyan is Armenia's defence minister.", ROLE, "conflict"),
    ("Mirzoyan is Armenia's foreign minister.", ROLE, "agree"),
    ("Yerevan is Armenia's capital.", ROLE, "agree"),
    # must not fire: a former holder, a title many hold at once (what is left is that the
    # passage tells nothing said by the name the claim says praised something)
    ("Former Russian President Dmitry Medvedev praised the withdrawal.", AGREED, "unsaid"),
    ("Armenian Deputy Prime Minister Mher Grigoryan praised the statement.", ROLE,
     "unsaid"),
])
def test_title_holders(claim, evidence, status):
    finding = entities.check(claim, evidence)
    assert finding.status == status, finding


@pytest.mark.parametrize(("claim", "status"), [
    # a territory held to be another country's
    ("Internationally, Karabakh is recognised as Armenian territory.", "conflict"),
    ("Most countries regard Karabakh as part of Armenia.", "conflict"),
    ("The territory is generally recognised as belonging to Armenia.", "conflict"),
    ("The territory is generally recognised as belonging to Azerbaijan.", "agree"),
    ("Internationally, Karabakh counts as part of Armenia.", "conflict"),
    ("The world treats Karabakh as Armenian territory.", "conflict"),
    ("Internationally, the territory is recognised as Armenian.", "conflict"),
    ("Internationally, the territory is recognised as Azerbaijani.", "agree"),
    # put inside a country without a verb of deeming
    ("International recognition places the territory within Armenia's borders.", "conflict"),
    ("Under international recognition, the enclave forms part of Armenian territory.",
     "conflict"),
    ("The enclave forms part of Azerbaijani territory.", "agree"),
    ("Refugees from the territory now live within Armenia's borders.", "agree"),
    # "belongs to": said now, not of the past ("belonged to Armenia for decades")
    ("In the eyes of the world, the territory belongs to Armenia.", "conflict"),
    ("Karabakh belonged to Armenia for decades.", "unplaced"),
    # the same country, or a denial
    ("Karabakh is internationally recognised as Azerbaijani land.", "missing"),
    ("Karabakh is not recognised as Armenian territory.", "missing"),
    # denying what the passage holds
    ("The international community doesn't consider Karabakh part of Azerbaijan.", "conflict"),
    ("Karabakh is not recognised as Azerbaijani land.", "conflict"),
])
def test_deemed_owner(claim, status):
    finding = entities.check(claim, TERRITORY)
    assert finding.status == status, finding


@pytest.mark.parametrize(("claim", "evidence", "status"), [
    # a country made the doer of a deed the passage never tells, named there only as whose
    # people are ("Russian peacekeepers"): the passage cannot confirm who did it
    ("The November 2020 ceasefire was brokered by Moscow.", STATIONED, "unnamed"),
    ("Moscow brokered the November 2020 truce between Armenia and Azerbaijan.", STATIONED,
     "unnamed"),
    # ... or as whose war it is ("Moscow's war in Ukraine")
    ("The November 2020 ceasefire was brokered by Moscow.", STATIONED + " The Russian troops "
     "had a mandate to remain until 2025, but Moscow's war in Ukraine is putting pressure on "
     "the country's armed forces.", "unnamed"),
    # ... but not a region ("Karabakh ... is cleared of Russian peacekeepers")
    ("Karabakh, wrested back by Baku from Armenian separatists last year, is now cleared of "
     "Russian peacekeepers.", RECAPTURED, "agree"),
    # a people is no country ("Armenians made up most of its population")
    ("Armenians historically made up most of the territory's population.",
     "The territory was historically home to a majority Armenian population.", "agree"),
    # ... but the passage tells the deed (a noun or verb of it), or names the country itself
    ("Russia completed its withdrawal on Wednesday.", RECAPTURED, "agree"),
    ("Russia pulled its troops out of Karabakh.", RECAPTURED, "agree"),
    ("Russia deployed nearly 2,000 peacekeepers to Karabakh.", STATIONED, "agree"),
    ("Moscow brokered the truce.", "Moscow brokered a truce between Yerevan and Baku.", "agree"),
    # a country keeping its own forces is what "Russian peacekeepers had been stationed" tells
    ("Moscow kept somewhat fewer than two thousand soldiers in Karabakh.", STATIONED, "agree"),
    ("Moscow kept a shade under 2,000 peacekeeping personnel in Karabakh.", STATIONED, "agree"),
])
def test_unnamed_doer(claim, evidence, status):
    finding = entities.check(claim, evidence)
    assert finding.status == status, finding


BOTH_SAID = RECAPTURED.replace("officials in Baku said", "officials in Moscow and Baku said")


@pytest.mark.parametrize(("claim", "evidence", "status"), [
    # a name the claim says said something (or took a thing some way) that the passage never
    # reports saying anything: it cannot confirm the claim
    ("Aliyev hails pullout as end of foreign troop presence on Azerbaijani soil.", AGREED,
     "unsaid"),
    ("Putin said the withdrawal began in April.", AGREED, "unsaid"),
    ("Pashinyan announced the upgrade.", ROLE, "unsaid"),
    # ... but the passage reports the name saying something: a subject of a verb of saying,
    # a name inside it ("officials in Moscow and Baku said"), or who issued a statement
    ("Moscow and Baku confirmed the peacekeepers had completed their withdrawal.",
     BOTH_SAID, "agree"),
    ("The Kremlin said the withdrawal was complete.", BOTH_SAID, "agree"),
    ("Mirzoyan announced an upgrade of ties with Washington.", ROLE, "agree"),
    ("Baku said the pullout was complete.",
     "The pullout was complete, according to Baku.", "agree"),
    # ... and a passive is no saying ("described as allies"), nor a common noun a name
    ("Russia and Armenia, described as traditional allies, have seen ties sour.", TIES,
     "agree"),
    ("Officials in Moscow confirmed the completion of the withdrawal.", BOTH_SAID, "agree"),
    # "officials in Moscow and Baku said" still gives the saying to Baku, not Yerevan
    ("Yerevan said the withdrawal was complete.", BOTH_SAID, "conflict"),
])
def test_unsaid(claim, evidence, status):
    finding = entities.check(claim, evidence)
    assert finding.status == status, finding


def test_a_headline_verb_opening_the_claim_is_no_name():
    # the small model tags "Blitz" a name; a corpus that never says it must not make the
    # claim about a thing it never mentions
    doc = parse("Blitz by Baku last September unleashed refugee emergency.")
    assert [e.text for e in entities.named(doc)] == ["Baku"]
    assert [e.text for e in entities.named(parse("Putin hails the pullout."))] == ["Putin"]


def test_a_calendar_word_opening_the_claim_is_no_name():
    doc = parse("Midweek, officials in Baku said the pullout was over.")
    assert [e.text for e in entities.named(doc)] == ["Baku"]
