from __future__ import annotations

import pytest
from conftest import AGREED, COMPLETED, RECAPTURED, ROLE, STATIONED, VILLAGES, WARS

from verifier.checks import dates

RECAPTURED_OFFENSIVE = ("Last September, Baku took over the territory in a lightning offensive "
                        "that triggered a refugee crisis.")
MANDATE = ("The Russian troops had a mandate to remain until 2025, but Moscow's war in Ukraine "
           "is putting pressure on the country's armed forces.")

TOOK_OVER = ("Last September, Baku took over the territory in a lightning offensive that "
             "triggered a refugee crisis.")
SAYING = ROLE[:-1] + (' saying Washington and Yerevan have agreed to "upgrade the status of '
                      'our bilateral dialogue".')
MANDATE = ("The Russian troops had a mandate to remain until 2025, but Moscow's war in Ukraine "
           "is putting pressure on the country's armed forces.")


@pytest.mark.parametrize(
    ("claim", "evidence", "status"),
    [
        ("The ceasefire agreement was signed in December 2020.", STATIONED, "conflict"),
        ("The ceasefire was signed in November 2020.", STATIONED, "agree"),
        # a year given to a month, which names the thing dated ("the truce of Nov 2021")
        ("The deployment followed the truce of November 2021.", STATIONED, "conflict"),
        ("The deployment followed the truce of November 2020.", STATIONED, "agree"),
        # the claim's one date, where the passage gives another of its kind tied to no deed
        # of the claim's: it cannot confirm it
        ("Baku's defence ministry put 2 June as completion day for Moscow's troop exit.",
         COMPLETED, "redated"),
        ("The contingent's remit was set to expire 2027.", MANDATE, "redated"),
        # a noun of the passage's own deed, said to have come on another date
        ("Baku's rapid takeover of the enclave came in July of last year.", TOOK_OVER,
         "conflict"),
        ("The takeover came in September.", TOOK_OVER, "agree"),
        # concluding a ceasefire is signing it, not ending it
        ("The contingent was deployed under the ceasefire concluded between Armenia and "
         "Azerbaijan in November 2020.", STATIONED, "agree"),
        ("The ceasefire was concluded in November 2022.", STATIONED, "conflict"),
        # not a signing only expected
        ("A peace pact was expected inked before December.", STATIONED, "redated"),
        ("The first war between Azerbaijan and Armenia ended in 1996.", WARS, "conflict"),
        ("The first war between Azerbaijan and Armenia ended in 1994.", WARS, "agree"),
        # a span's closing year is not when the thing started, nor its opening year its end
        ("The first Armenian-Azerbaijani war over the enclave started in 1994.", WARS,
         "conflict"),
        ("The first war ended in 1988.", WARS, "conflict"),
        ("The first war began in 1990.", WARS, "conflict"),
        ("The first war began in 1988.", WARS, "agree"),
        ("The withdrawal was completed on June 15.", COMPLETED, "conflict"),
        # a date the claim denies is no date of its ("in 2020, not in the 1990s")
        ("The villages had been taken in 2020, not in the 1990s.", VILLAGES, "conflict"),
        ("The villages had been taken in the 1990s, not in 2020.", VILLAGES, "agree"),
        ("The withdrawal was completed on June 12.", COMPLETED, "agree"),
        # "midweek": Tuesday to Thursday
        ("The peacekeepers finished their pullout midweek.",
         "Russian peacekeepers on Wednesday completed their withdrawal.", "agree"),
        ("The peacekeepers finished their pullout midweek.",
         "Russian peacekeepers on Saturday completed their withdrawal.", "conflict"),
        # a day before its month, with an ordinal, or in words
        ("The withdrawal was completed on 12 June.", COMPLETED, "agree"),
        ("The withdrawal was completed on the twelfth of June.", COMPLETED, "agree"),
        ("The withdrawal was completed on June 12th.", COMPLETED, "agree"),
        # a data sheet's field: the stage noun the date is given to
        ("Withdrawal completion: 21 June", COMPLETED, "conflict"),
        ("Withdrawal completion: 12 June", COMPLETED, "agree"),
        ("The withdrawal was completed on 21 June.", COMPLETED, "conflict"),
        ("The withdrawal was completed on the first of June.", COMPLETED, "conflict"),
        ("The withdrawal was completed on the twenty-first of June.", COMPLETED, "conflict"),
        # a date the passage gives only to another stage of the deed confirms nothing
        ("The Russian peacekeepers only started leaving Karabakh in June.", COMPLETED,
         "misplaced"),
        ("The peacekeepers completed their withdrawal in June.", COMPLETED, "agree"),
        # a day after "before" / "after" is every earlier or later day
        ("The withdrawal was completed before 20 June.", COMPLETED, "agree"),
        ("The withdrawal was completed after the 20th of June.", COMPLETED, "conflict"),
        ("The withdrawal was completed after June 1.", COMPLETED, "agree"),
        # clauses that share only a country's name tell different deeds
        ("Moscow brokered the November 2020 truce between Armenia and Azerbaijan.", COMPLETED,
         "missing"),
        # a thing said to date from a time is dated where the passage tells a deed of it, or of
        # a thing of the same name ("truce" / "ceasefire agreement")
        ("The truce dates from September 2020.",
         "The ceasefire agreement was signed by Yerevan and Baku in November 2020.", "conflict"),
        ("The protests date from September 2020.",
         "The ceasefire agreement was signed by Yerevan and Baku in November 2020.", "missing"),
        # "pulled out of" is "pull out", whose deed the passage's "withdrawal" names
        ("Every soldier of the contingent had been pulled out of the country by June 12.",
         COMPLETED, "agree"),
        ("The withdrawal began in May.", AGREED, "conflict"),
        # the same stage of the same deed told by another verb ("started" / "began"), also
        # where the stage verb takes the deed's verb ("started leaving", "began pulling out")
        ("The withdrawal started in February.", AGREED, "conflict"),
        ("Russian troops started leaving Karabakh in February.", AGREED, "conflict"),
        ("Russian troops began pulling out in May.", AGREED, "conflict"),
        ("Russian troops first began packing up in March.", AGREED, "conflict"),
        # a season in one word; a thing dated by "dates from"; being let stay until a year
        ("Baku's takeover of the enclave occurred in the springtime.", RECAPTURED_OFFENSIVE,
         "conflict"),
        ("The ceasefire accord dates from November 2022.", STATIONED, "conflict"),
        ("Russian troops were authorised for Karabakh until 2030.", MANDATE, "conflict"),
        # a noun of the same deed ("pullout", "drawdown" / "withdrawal") and idioms of
        # starting ("got under way", "got going", "kicked off")
        ("The pullout ended on June 21.", COMPLETED, "conflict"),
        ("The pull-out ended on June 12.", COMPLETED, "agree"),
        ("The drawdown got under way in May.", AGREED, "conflict"),
        ("The drawdown got going in April.", AGREED, "agree"),
        ("The pullout kicked off in March.", AGREED, "conflict"),
        # a verb of dating dates the stage it takes ("put the end of the pullout on ...")
        ("The statement put the end of the Russian pullout on June 21.", COMPLETED, "conflict"),
        ("The statement put the end of the Russian pullout on June 12.", COMPLETED, "agree"),
        # ... but not the start of another thing (its date is missing there)
        ("The protests started in February.", AGREED, "redated"),
        ("The protests got going in February.", AGREED, "redated"),
        ("The villages were captured in 1993.", VILLAGES, "agree"),
        ("Baku recaptured Nagorno-Karabakh two years ago.", RECAPTURED, "conflict"),
        ("Baku recaptured Nagorno-Karabakh last year.", RECAPTURED, "agree"),
        ("The peacekeepers completed their withdrawal on Tuesday.", RECAPTURED, "conflict"),
        ("The peacekeepers completed their withdrawal on Wednesday.", RECAPTURED, "agree"),
        # "the weekend" is Saturday or Sunday
        ("The last Russian peacekeepers left Karabakh over the weekend.", RECAPTURED,
         "conflict"),
        ("The peacekeepers completed their withdrawal over the weekend.",
         "The peacekeepers completed their withdrawal on Sunday.", "agree"),
        # the same thing dated by another verb: "a mandate to stay/remain until ..."
        ("The peacekeepers had a mandate to stay until 2030.", MANDATE, "conflict"),
        ("The troops had a mandate to remain until 2025.", MANDATE, "agree"),
        # the end of what lasts until a date: "the mandate expired" / "a mandate to remain
        # until"; not the end of another thing
        ("The Russian mandate would have expired in 2030.", MANDATE, "conflict"),
        ("The Russian mandate expires in 2025.", MANDATE, "agree"),
        ("The gas contract expires in 2030.", MANDATE, "redated"),
        # ... as a data sheet's field gives it
        ("Mandate expiry: 2030", MANDATE, "conflict"),
        ("Mandate expiry: 2025", MANDATE, "agree"),
        ("Mandate end: 2027", MANDATE, "conflict"),
        # the noun a participle describes, with its compounds, also where the parser hangs
        # the participle on the last of the names that qualify the noun ("a ceasefire
        # agreement between Yerevan and Baku, signed in November 2020")
        ("The peacekeepers came under a ceasefire inked in December 2020.", STATIONED,
         "conflict"),
        ("The peacekeepers came under a ceasefire inked in November 2020.", STATIONED,
         "agree"),
        # a thing said to have come at a time is dated where the passage dates a deed done in
        # it ("Baku took over the territory in a lightning offensive"; "assault" and
        # "offensive" name one deed), not a thing coming somewhere
        ("The lightning assault came last March.", TOOK_OVER, "conflict"),
        ("The offensive happened last September.", TOOK_OVER, "agree"),
        ("Refugees came to Yerevan last March.", TOOK_OVER, "redated"),
        # a thing said to have happened, dated where the passage dates a deed told of it;
        # a year within a span of years agrees, a start is the span's first year
        ("The second Karabakh war took place in 2016.", WARS, "conflict"),
        ("The war over Karabakh happened in 1992.", WARS, "agree"),
        ("The first war broke out in 1991.", WARS, "conflict"),
        ("The protests took place in 2019.", WARS, "redated"),
        # a leaving due at another date than the stay was due to end; not a leaving that
        # happened (earlier than planned), nor another doer's
        ("The Russian peacekeepers had been due to leave in 2030.", MANDATE, "conflict"),
        ("The Russian peacekeepers had been due to leave in 2025.", MANDATE, "agree"),
        ("The troops left in 2024.", MANDATE, "redated"),
        ("Armenia was due to leave the alliance in 2027.", MANDATE, "redated"),
        # WordNet synonyms date one deed ("stay" / "remain")
        ("Russia's troops could stay in Karabakh until 2027.", MANDATE, "conflict"),
        # a number counting the plural noun it modifies is no year
        ("About 2000 Russian soldiers served as peacekeepers in Karabakh.", STATIONED,
         "not_applicable"),
        # the conflicting date reported is the one about the same thing
        ("The peacekeepers had a mandate to stay until 2030.", STATIONED + " " + MANDATE,
         "conflict"),
        # another event or another topic: never a conflict; the claim's date is missing there
        ("The Russian withdrawal began on April 17.", COMPLETED, "missing"),
        # a start is no end, also where "began" takes the deed's verb ("began pulling out")
        ("Russia began pulling its peacekeepers out of Karabakh in April.",
         COMPLETED + " " + STATIONED, "redated"),
        ("Russia started to withdraw its peacekeepers in May.", COMPLETED + " " + STATIONED,
         "redated"),
        ("The elections in France were held in May 2022.", AGREED, "missing"),
        ("The company was founded in 1850.", WARS, "redated"),
        # a passage without any date cannot state the claim's year either
        ("The first war ended in 1994.", "The first war ended with a ceasefire.", "missing"),
        # weekdays and relative dates are too vague to require of a passage
        ("The peacekeepers left on Tuesday.", "The peacekeepers left the region.",
         "not_applicable"),
        ("Baku recaptured the region last year.", "Baku recaptured the region.",
         "not_applicable"),
        ("Peacekeepers left the region.", RECAPTURED, "not_applicable"),
        # another event: the date words themselves ("next year" / "last year") are no topic
        ("Russia plans to send new peacekeepers to Karabakh next year.", RECAPTURED,
         "not_applicable"),
        # the passage gives the date to another deed, told in a relative clause on the claim
        # deed's argument: it cannot confirm the claim's date
        ("Putin and Aliyev agreed on the withdrawal in April.", AGREED, "misplaced"),
        ("The withdrawal began in April.", AGREED, "agree"),
        # ... or tells the claim's deed (or one of its group) with a date of its own there
        ("Last month, Yerevan seized four frontier villages from Azerbaijan.", VILLAGES,
         "misplaced"),
        ("Last month, Yerevan returned four frontier villages to Azerbaijan.", VILLAGES,
         "agree"),
        # a noun of the same deed is the passage's thing ("removal" / "withdrawal")
        ("The removal of the contingent's troops from Azerbaijan reached completion on June 12.",
         COMPLETED, "agree"),
        ("The removal of the contingent's troops from Azerbaijan reached completion on June 20.",
         COMPLETED, "conflict"),
        # ... or to another deed of other actors, never telling the claim's deed at all
        ("Ilham Aliyev visited Moscow in April.", AGREED, "misplaced"),
        ("Russian peacekeepers arrived in Karabakh in November 2020.", STATIONED, "misplaced"),
        # ... but not a synonym of the passage's verb, a deed of the claim's actor, what the
        # dated deed is of, or a verb that only dates its subject
        ("The pullout started in April.", AGREED, "agree"),
        ("The first war over Karabakh broke out in 1988 and ran until 1994.", WARS, "agree"),
        ("Their withdrawal ended on June 12.", COMPLETED, "agree"),
        ("The ceasefire agreement dates from November 2020.", STATIONED, "agree"),
        ("In 2004 Paramore collapsed .", "Paramore is an American rock band from Franklin , "
         "Tennessee , disbanded in 2004 .", "agree"),
        ("Leona Lewis received international recognition in 2008 .",
         "She achieved international recognition with the album in 2008 .", "agree"),
        # ... but a coordinated verb's date, a reported clause's, a circumstance's, or another
        # sentence's may be the claim's deed's too
        ("Sanchez provided an assist on December 3.",
         "He scored a hat-trick and provided an assist in a 5-1 win on December 3.", "agree"),
        ("He scored a hat-trick on December 3.",
         "He scored a hat-trick and provided an assist in a 5-1 win on December 3.", "agree"),
        ("The ministry said in June that the withdrawal was complete.", COMPLETED, "agree"),
        ("Russian peacekeepers were stationed in Karabakh from November 2020.", STATIONED,
         "agree"),
        ("Putin agreed to the withdrawal in April.",
         "The withdrawal began in April. It was agreed by Putin.", "agree"),
        # ... nor a date that describes a thing rather than dates a deed
        ("Arrival (2016 film) was written by Eric Heisserer.",
         "Arrival is a 2016 film directed by Denis Villeneuve and written by Eric Heisserer.",
         "agree"),
        ("Jane Doe was born in May.", "Jane Doe (born 3 May 1970) is an actress and writer.",
         "agree"),
        # the same verb told of another thing that the passage names beside it: another event
        ("Russia's war in Ukraine began in February 2022.",
         "Moscow's war in Ukraine is putting pressure on its forces. The withdrawal, which "
         "began in April, had been agreed.", "missing"),
        # ... but the same thing, or one the passage never names, may be the claim's
        ("The withdrawal of the peacekeepers began in May.", AGREED, "conflict"),
        ("The pullout began in May.", AGREED, "conflict"),
        # "after" / "before" a year: any later / earlier year (and an appositive names the
        # thing: "Her third album, Glassheart")
        ("Glassheart was released after 2000.", "Her album, Glassheart, was released in 2012.",
         "agree"),
        ("Glassheart was released after 2000.", "Her album, Glassheart, was released in 1997.",
         "conflict"),
        ("Glassheart was released before 2000.", "Her album, Glassheart, was released in 1997.",
         "agree"),
        # a date as the subject of a verb that marks a stage, or as what a stage's date is
        ("March marked the beginning of the Russian contingent's departure from the region.",
         AGREED, "conflict"),
        ("April marked the beginning of the Russian contingent's departure from the region.",
         AGREED, "agree"),
        ("March saw the start of the pullout.", AGREED, "conflict"),
        ("The date given by Baku for the completion of the pullout was 21 June.", COMPLETED,
         "conflict"),
        ("The date given by Baku for the completion of the pullout was 12 June.", COMPLETED,
         "agree"),
        ("The completion of the pullout came on 21 June.", COMPLETED, "conflict"),
        ("A 2030 end date had been fixed for the Russian mandate.", MANDATE, "conflict"),
        ("The mandate's end date was 2030.", MANDATE, "conflict"),
        ("A 2025 end date had been fixed for the Russian mandate.", MANDATE, "agree"),
        # "finalised" ends a deed as "completed" does
        ("The removal of the contingent's equipment was finalised on 12 June.", COMPLETED,
         "agree"),
        # a participle's date dates the noun it describes: the passage's April is another deed
        ("The withdrawal was agreed by Putin and Aliyev at a meeting held in Moscow in April.",
         AGREED, "misplaced"),
        ("The withdrawal was agreed by Putin and Aliyev at a meeting held in Moscow in April.",
         MANDATE + " " + AGREED, "misplaced"),  # "had a mandate" tells no meeting held
        ("The peacekeepers came under a ceasefire inked in December 2020.", STATIONED,
         "conflict"),
        # completing a deed told as a noun dates the deed done: a leaving on another day
        ("The last of Russia's peacekeeping manpower left on 21 June.", COMPLETED, "conflict"),
        ("The peacekeepers left on 12 June.", COMPLETED, "agree"),
        ("The peacekeepers started leaving on 21 June.", COMPLETED, "misplaced"),
        # ... only for a date of the claim's verb: here it dates the offensive
        ("Azerbaijan's September offensive left 200 people dead.", COMPLETED, "redated"),
        # a thing said to run, last or extend through a date ends then
        ("The peacekeepers' mandate ran through 2030.", MANDATE, "conflict"),
        ("The mandate ran until 2025.", MANDATE, "agree"),
        # a span whose closing year has two digits: its first year is read ("2013-14 season"
        # is read so too: the second number may be a season's, not a deed's end)
        ("The two wars over the enclave: 1988-94, then 2020.", WARS, "agree"),
        # a round of fighting is of a war ("fighting" / "war", a curated group of deed nouns)
        ("The first round of fighting between the two over the region only got going in 1992.",
         WARS, "conflict"),
        ("The second round of fighting over Karabakh took place in 2016.", WARS, "conflict"),
        ("The second round of fighting over Karabakh took place in 2020.", WARS, "agree"),
        ("The first round of talks took place in 2016.", WARS, "redated"),
        # a date said to be the time of a clause dates that clause's verb ("March was the
        # month the pullout started"), not the copula nor a verb naming it ("gave")
        ("March was the month the Russian pullout started.", AGREED, "conflict"),
        ("April was the month the Russian pullout started.", AGREED, "agree"),
        ("The month the pullout began was March.", AGREED, "conflict"),
        ("March is when the pullout began.", AGREED, "conflict"),
        ("March was the month the protests started.", AGREED, "redated"),
        ("April was the month Putin visited Baku.", AGREED, "misplaced"),
        ("Baku's defence officials gave June 21 as the date the pullout ended.", COMPLETED,
         "conflict"),
        ("Baku's defence officials gave June 12 as the date the pullout ended.", COMPLETED,
         "agree"),
        # a participle the parser hangs on the last name of a phrase dates the phrase's noun
        ("The Yerevan-Baku truce dates from November 2021.", STATIONED, "conflict"),
        ("The Yerevan-Baku truce dates from November 2020.", STATIONED, "agree"),
        ("The peacekeepers were stationed in Karabakh in 2021.", STATIONED, "redated"),
        # a state that tells a deed done: "were gone", "was complete"
        ("The peacekeepers were finally all gone on a Friday.", RECAPTURED, "conflict"),
        ("The peacekeepers were all gone on Wednesday.", RECAPTURED, "agree"),
        ("The pullout was complete on Friday.", RECAPTURED, "conflict"),
        # two ends of one stay, "keep their posts" a stay; a mandate that runs "to" a date
        ("Moscow's soldiers were cleared to keep their Karabakh posts through 2030.", MANDATE,
         "conflict"),
        ("Moscow's soldiers were cleared to keep their posts through 2025.", MANDATE, "agree"),
        ("Armenia will keep its posts in the CSTO until 2030.", MANDATE, "redated"),
        ("Russia's peacekeeping mandate was supposed to run all the way to 2030.", MANDATE,
         "conflict"),
        ("Russia's peacekeeping mandate was supposed to run until 2025.", MANDATE, "agree"),
        # land that is taken, or falls to a side, is captured
        ("Armenia took the four villages in 2020.", VILLAGES, "conflict"),
        ("The four villages Yerevan gave back were ones it had taken in the 2020 fighting.",
         VILLAGES, "conflict"),
        ("The villages returned last month had fallen to Armenia in the 2020 fighting.",
         VILLAGES, "conflict"),
        ("The villages fell into Armenian hands in the 1990s.", VILLAGES, "agree"),
        ("Armenia took part in talks in 2020.", VILLAGES, "redated"),
        ("Armenia took a loan in 2020.", VILLAGES, "redated"),
        ("Prices fell to a record low in 2020.", VILLAGES, "redated"),
        # a season is its months; a "be" of a state dates the deed it tells done
        ("The withdrawal began in the spring.", AGREED, "agree"),
        ("The withdrawal began in the summer.", AGREED, "conflict"),
        ("The withdrawal began last winter.", AGREED, "conflict"),
        ("The Russian troops were out by May 12.", COMPLETED, "conflict"),
        ("The Russian troops were out by June 12.", COMPLETED, "agree"),
        # a word with a hyphen is one word ("pull-out" is "pullout")
        ("Completion of the pull-out was dated by the ministry to 12 July.", COMPLETED,
         "conflict"),
        ("Completion of the pull-out was dated by the ministry to June 12.", COMPLETED, "agree"),
        # a thing given its date ("the announcement, dated Thursday") and a deed told of it
        ("The joint announcement, dated Thursday, upgraded the dialogue.", ROLE, "conflict"),
        ("The joint statement, dated Tuesday, upgraded the dialogue.", ROLE, "agree"),
        ("The letter, dated Thursday, was sent to Washington.", ROLE, "not_applicable"),
        # a stage given as what a date is, its deed named by a possessive or a compound
        ("Baku's defence chiefs put the pullout's completion on June 21.", COMPLETED,
         "conflict"),
        ("Baku's defence chiefs gave June 21 as the pullout completion date.", COMPLETED,
         "conflict"),
        # making a thing known against a dated statement that says it
        ("The upgrade was announced on Thursday.", SAYING, "conflict"),
        ("The upgrade was announced on Tuesday.", SAYING, "agree"),
        ("A new embassy was announced on Thursday.", SAYING, "not_applicable"),
        # ... a thing named with its year ("the armistice of 2019", "the 2019 ceasefire"),
        # or dated, against a passage that dates the deed told of a noun naming it ("a
        # ceasefire agreement ..., signed in November 2020")
        ("The Yerevan-Baku armistice of 2019 put Russian soldiers on the ground.", STATIONED,
         "conflict"),
        ("The 2019 ceasefire between Yerevan and Baku put Russian soldiers on the ground.",
         STATIONED, "conflict"),
        ("The 2020 ceasefire put Russian soldiers on the ground.", STATIONED, "agree"),
        ("The contingent arrived under a truce dated November 2021.", STATIONED, "conflict"),
        # a month beside a day is a date of its own ("in March ... its June 12 completion")
        ("The drawdown commenced in March, three months before its June 12 completion.",
         COMPLETED, "missing"),
        ("The withdrawal was completed on June 12.", COMPLETED, "agree"),
        # a span with a two-digit closing year, or written as one token
        ("The opening conflict spanned 1988-94.", WARS, "agree"),
        # ... or two years with "through" or "to" and no "from"
        ("The first war ran 1988 through 1994.", WARS, "agree"),
        ("The first war ran 1988 to 1996.", WARS, "conflict"),
        ("The first war (1988-96) was long.", WARS, "conflict"),
        ("The first war of 1988–94 was long.", WARS, "agree"),
    ],
)
def test_dates(claim, evidence, status):
    finding = dates.check(claim, evidence)
    assert finding.status == status, finding


def test_conflict_names_the_date_about_the_same_thing():
    finding = dates.check("The peacekeepers had a mandate to stay until 2030.",
                          STATIONED + " " + MANDATE)
    assert finding.evidence_span == "2025", finding


@pytest.mark.parametrize(
    ("claim", "status"),
    [
        # a length of time told of a thing the passage dates from one year to another
        ("The first war lasted well over a decade.", "conflict"),
        ("The first war ran for only two years.", "conflict"),
        ("The first war lasted 18 months.", "conflict"),
        ("It was a two-year first war.", "conflict"),
        ("They fought the first war for only two years.", "conflict"),
        ("The first war lasted about six years.", "not_applicable"),
        # ... not of the other thing the clause dates, a thing it may be, an offset, or where
        # the claim gives its own year
        ("The second war lasted 18 months.", "not_applicable"),
        ("The war lasted two months.", "not_applicable"),
        ("The first war ended two years after it began.", "not_applicable"),
        ("The first war lasted two years, ending in 1994.", "agree"),
    ],
)
def test_span_lengths(claim, status):
    assert dates.check(claim, WARS).status == status


def test_span_length_only_of_the_spans_deed():
    # "collecting data" is no deed of "data ... reveal a rise from 1993 to 2017"
    assert dates.check(
        "Tidal gauges have been collecting data for over a century.",
        "Satellite data reveal an accelerating rise from 1993 to 2017.").status != "conflict"


@pytest.mark.parametrize(("claim", "evidence", "aligned"), [
    ("Midweek, the troops left.", RECAPTURED, "On Wednesday, the troops left."),
    ("The troops left in midweek.", RECAPTURED, "The troops left on Wednesday."),
    # two midweek days: which one the claim means is not the passage's to say
    ("The troops left midweek.", "They spoke on Tuesday and left on Wednesday.",
     "The troops left midweek."),
])
def test_align_writes_midweek_as_the_passages_day(claim, evidence, aligned):
    assert dates.align(claim, evidence) == aligned


@pytest.mark.parametrize(("claim", "aligned"), [
    # a season as the one month of it the passage gives: the model reads no April into spring
    ("The withdrawal began in spring.", "The withdrawal began in April."),
    ("The withdrawal began in the spring.", "The withdrawal began in April."),
    ("The withdrawal began during springtime.", "The withdrawal began during April."),
    # no month of the season there: unchanged
    ("The withdrawal began in summer.", "The withdrawal began in summer."),
])
def test_align_writes_a_season_as_the_passages_month(claim, aligned):
    assert dates.align(claim, AGREED) == aligned


@pytest.mark.parametrize(("claim", "status"), [
    ("The withdrawal began in spring.", "agree"),
    ("The withdrawal began during springtime.", "agree"),
    ("The withdrawal began in winter.", "conflict"),
    ("The withdrawal was under way by spring.", "agree"),
])
def test_a_season_without_the(claim, status):
    assert dates.check(claim, AGREED).status == status


CORPUS = (AGREED, RECAPTURED, STATIONED, WARS, VILLAGES)


@pytest.mark.parametrize(("claim", "evidence", "status"), [
    # "N years back" is "N years ago"
    ("Baku recaptured Karabakh two years back.", RECAPTURED, "conflict"),
    ("Baku recaptured Karabakh a year back.", RECAPTURED, "agree"),
    # a day owning the thing the passage's deed is done to ("Monday's statement")
    ("Monday's Mirzoyan-O'Brien statement upgraded the talks.", ROLE, "conflict"),
])
def test_more_dates(claim, evidence, status):
    assert dates.check(claim, evidence).status == status


@pytest.mark.parametrize(("claim", "absent"), [
    # a year or month no passage gives: no passage can confirm it
    ("Baku seized the enclave in March.", ["March"]),
    ("The second war came in 2016.", ["2016"]),
    ("The villages were taken in the 1970s.", ["1970s"]),
    ("The withdrawal began in winter.", ["winter"]),
    # given somewhere, relative, or open-ended: never absent
    ("The withdrawal began in April.", []),
    ("The villages were taken in the 1990s.", []),
    ("The withdrawal began in spring.", []),
    ("Baku took the region last year.", []),
    ("Talks resumed after 2000.", []),
    # a deadline at the year's end, in a corpus that never speaks of an end
    ("A peace treaty is expected by year's end.", ["year's end"]),
    ("They hope to sign before the end of the year.", ["the end of the year"]),
    ("Signing is anticipated by year-end.", ["year-end"]),
])
def test_absent_dates(claim, absent):
    from verifier.checks.common import parse
    from verifier.checks.entities import word_set
    from verifier.checks.numbers import figures

    words = word_set(CORPUS)
    assert dates.absent_dates(parse(claim), words, figures(CORPUS)) == absent


def test_a_conflict_on_one_named_thing_is_pinned():
    mandate = ("The Russian troops had a mandate to remain until 2025, but Moscow's war in "
               "Ukraine is putting pressure on the country's armed forces.")
    found = dates.check("The contingent held a mandate extending to 2030.", mandate)
    assert (found.status, found.pinned) == ("conflict", True)
    # a date of another deed conflicts without naming the passage's thing
    found = dates.check("The withdrawal began in May.", AGREED)
    assert (found.status, found.pinned) == ("conflict", False)


@pytest.mark.parametrize(("claim", "evidence", "status"), [
    # the first or last of a deed's doers date its start or its end
    ("The first Russian units left in February.", AGREED, "conflict"),
    ("The first Russian units left in February.", COMPLETED, "redated"),
    ("The last Russian troops left on June 21.", COMPLETED, "conflict"),
    ("The final Russian convoy left on June 12.", COMPLETED, "agree"),
    # not "the first war", which says which war
    ("The first war ended in 1994.", WARS, "agree"),
])
def test_first_and_last_doers_date_a_stage(claim, evidence, status):
    assert dates.check(claim, evidence).status == status


@pytest.mark.parametrize(("claim", "status"), [
    # saying a deed done, dated: the date of the deed it says
    ("On June 12 the ministry declared the withdrawal finished.", "agree"),
    ("12 June - the defence ministry declares the full exit of Russia's peacekeepers "
     "finished.", "agree"),
    # not another deed's
    ("On June 12 the ministry declared the withdrawal had begun.", "misplaced"),
    ("On June 12 the ministry visited Moscow.", "misplaced"),
])
def test_a_declared_deed_takes_the_date_of_the_declaring(claim, status):
    assert dates.check(claim, COMPLETED).status == status
