"""End to end on the seed corpus with the real models: labels, citations, JSON shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verifier.cleaning import normalize_span
from verifier.cli import app
from verifier.errors import InvalidClaimError
from verifier.types import Label, Stance
from verifier.verify import Verifier

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="module")
def verifier(index_dir):
    from verifier.verify import Verifier

    return Verifier(CORPUS, index_dir=index_dir)


CASES = [
    ("Russian peacekeepers completed their withdrawal from Nagorno-Karabakh.", Label.SUPPORTED),
    ("About 2,000 Russian peacekeepers had been stationed in Karabakh.", Label.SUPPORTED),
    ("The peacekeeping contingent did not intervene.", Label.SUPPORTED),
    ("Around 5,000 Russian peacekeepers were stationed in Karabakh.", Label.CONTRADICTED),
    # Was a known error (a strict xfail) until passages were read in context: against the
    # bare "The peacekeeping contingent did not intervene." the negation check's conflict sat
    # at relevance 0.47, under conflict_relevance 0.5; read as "Russia's peacekeeping
    # contingent did not intervene." it is 0.59, and the conflict counts.
    ("The Russian peacekeepers intervened to stop the offensive.", Label.CONTRADICTED),
    ("The withdrawal began in May.", Label.CONTRADICTED),
    # the window with "a mandate to remain until 2025" reads as a contradiction to the model;
    # it never gives the claim's year, so the passage that does ("from 1988 to 1994") wins
    ("The first war over Karabakh ran until 1994.", Label.SUPPORTED),
    # "nearly 2,000" can neither confirm nor refute an exact figure
    ("Exactly 1,960 Russian peacekeepers were stationed in Karabakh.", Label.NOT_FOUND),
    # giver and recipient swapped, told with another verb than the article's "returned"
    ("Azerbaijan handed four border villages to Armenia last month.", Label.CONTRADICTED),
    ("Armenian Prime Minister Ararat Mirzoyan issued a joint statement with James O'Brien.",
     Label.CONTRADICTED),
    ("The peacekeepers will be replaced by Turkish troops next year.", Label.NOT_FOUND),
    ("The Eiffel Tower is the tallest structure in Paris.", Label.NOT_FOUND),
]


@pytest.mark.parametrize(("claim", "gold"), CASES)
def test_seed_claims(verifier, claim, gold):
    v = verifier.check(claim)
    assert v.label is gold, v.explanation
    assert 0.0 <= v.confidence <= 1.0


def test_citations_reproduce_their_quotes(verifier):
    claims = [case.values[0] if hasattr(case, "values") else case[0] for case in CASES]
    for verdict in verifier.check_many(claims):
        for c in verdict.citations:
            raw = (CORPUS / c.source).read_text(encoding="utf-8")
            assert normalize_span(raw[c.start: c.end]) == c.text
        if verdict.label is not Label.NOT_FOUND:
            assert verdict.citations
            assert verdict.citations[0].stance is not Stance.NOT_EVIDENCE
        else:
            assert all(c.stance is Stance.NOT_EVIDENCE for c in verdict.citations)


def test_html_citations_point_into_the_page_source(tmp_path):
    """A page's citations are offsets into the HTML file: its slice there, markup dropped
    (``html_text``) and normalised, is the quote (``verifier search`` says the same)."""
    from verifier.corpus import html_text

    page = ROOT / "tests" / "data" / "corpus" / "page.html"
    raw = page.read_text(encoding="utf-8")
    v = Verifier(page, index_dir=tmp_path / "index").check(
        "Prime Minister Nikol Pashinyan defended the move.")  # the offsets are under test here
    assert v.label is Label.SUPPORTED, v.explanation
    assert v.citations
    for c in v.citations:
        assert raw[c.start: c.end] != c.text  # the file's slice holds markup ...
        assert normalize_span(html_text(raw[c.start: c.end])[0]) == c.text  # ... around it
    out = CliRunner().invoke(app, ["search", "peace deal", "--corpus", str(page), "--index-dir",
                                   str(tmp_path / "index"), "--json", "-k", "2"])
    assert out.exit_code == 0, out.output
    for hit in json.loads(out.stdout):
        assert normalize_span(html_text(raw[hit["start"]: hit["end"]])[0]) == hit["text"]


def test_captions_and_teasers_are_never_cited(verifier):
    v = verifier.check("An armoured vehicle of the Russian peacekeeping forces was photographed.")
    assert all("Stringer" not in c.text for c in v.citations)
    v = verifier.check("A Life in One Suitcase is about Karabakh Armenians who moved to Russia.")
    assert v.label is Label.NOT_FOUND


def test_compound_claim_is_split(verifier):
    v = verifier.check("The withdrawal began in April and the contingent intervened.")
    assert len(v.subclaims) == 2
    assert v.label is Label.CONTRADICTED


def test_a_part_that_leans_on_another_is_judged_with_the_whole_claim(verifier):
    # "The second came in 2020." says nothing read alone; the corpus states the whole
    v = verifier.check("Of the two wars the neighbours fought over the enclave, the first ran "
                       "from 1988 to 1994 and the second came in 2020.")
    assert len(v.subclaims) == 2 and v.subclaims[1].label is Label.NOT_FOUND
    assert v.label is Label.SUPPORTED
    # a part with a subject of its own that the corpus never states stays unfound
    v = verifier.check("Armenia returned four villages, and Baku pledged compensation for them.")
    assert v.label is Label.NOT_FOUND


def test_a_frame_is_read_away_but_the_verdict_keeps_the_claim_as_given(verifier):
    claim = "The article reports that the withdrawal began in April."
    v = verifier.check(claim)
    assert v.claim == claim
    assert v.label is Label.SUPPORTED


@pytest.mark.parametrize("bad", ["", "   ", "x" * 5000])
def test_bad_claims_raise(verifier, bad):
    with pytest.raises(InvalidClaimError):
        verifier.check(bad)


def test_cli_check_json_schema(index_dir):
    runner = CliRunner()
    res = runner.invoke(app, ["check", "The peacekeeping contingent did not intervene.",
                              "--corpus", str(CORPUS), "--index-dir", str(index_dir), "--json"])
    assert res.exit_code == 0, res.output
    obj = json.loads(res.stdout)
    assert {"claim", "label", "confidence", "citations", "explanation", "versions"} <= set(obj)
    assert obj["label"] in {"SUPPORTED", "CONTRADICTED", "NOT_FOUND"}
    for c in obj["citations"]:
        assert {"doc_id", "source", "start", "end", "text", "stance", "score"} <= set(c)
    assert {"nli_model", "embedder", "index"} <= set(obj["versions"])


def test_cli_check_human_output(index_dir):
    res = CliRunner().invoke(app, ["check", "The withdrawal began in May.", "--corpus",
                                   str(CORPUS), "--index-dir", str(index_dir)])
    assert res.exit_code == 0, res.output
    assert "CONTRADICTED" in res.stdout and "Why:" in res.stdout


@pytest.mark.parametrize("bad", ["", "   "])
def test_cli_check_rejects_empty_claim(bad):
    res = CliRunner().invoke(app, ["check", bad])
    assert res.exit_code == 1
    assert "empty" in res.output


def test_skipping_nli_on_far_passages_changes_no_label(index_dir, verifier):
    """With relevance floors set, passages below both are not run through the NLI model; the
    labels must equal the rule applied to fully scored evidence (what ``gather`` returns)."""
    from verifier.decision import decide
    from verifier.verify import Verifier, candidates_of

    settings = verifier.settings.with_(min_relevance=0.5, support_min_relevance=0.55)
    pruned = Verifier(CORPUS, index_dir=index_dir, settings=settings,
                      embedder=verifier.embedder, nli=verifier.nli)
    claims = [case.values[0] if hasattr(case, "values") else case[0] for case in CASES]
    full = [decide(candidates_of(evs), settings).label for evs in pruned.gather(claims)]
    assert [v.label for v in pruned.check_many(claims)] == full


def test_relevance_floor_for_support():
    from verifier.decision import Candidate, DecisionSettings, decide
    from verifier.types import NLIScores

    far = [Candidate(0, NLIScores(0.95, 0.03, 0.02), relevance=0.2)]
    assert decide(far, DecisionSettings(support_min_relevance=0.0)).label is Label.SUPPORTED
    assert decide(far, DecisionSettings(support_min_relevance=0.3)).label is Label.NOT_FOUND


def test_synonyms_the_passage_uses_count_towards_relevance(verifier):
    """A short claim worded with synonyms ("pullout", "started") shares few words with the
    passage and sits under the support floor on embedding cosine; read with the passage's
    synonyms ("withdrawal", "began") it shares all three."""
    from verifier.verify import _overlap

    claim = "The pullout started in April."
    passage = "The withdrawal, which began in April, had been agreed between the two leaders."
    assert _overlap(claim, passage) == pytest.approx(1.0)  # "withdrawal", "began", "April"
    assert _overlap("The pullout ended in April.", passage) == pytest.approx(2 / 3)
    assert _overlap("The protests ended in April.", passage) == pytest.approx(1 / 3)
    (evs,) = verifier.gather([claim])
    best = max(evs, key=lambda e: e.nli.entailment)
    assert best.relevance >= verifier.settings.support_min_relevance
    assert verifier.check(claim).label is Label.SUPPORTED


def test_unknown_check_name_is_refused_before_loading_models():
    with pytest.raises(ValueError, match="unknown check"):
        Verifier(corpus=None, checks=["spelling"])


def test_checks_subset_runs_only_those(verifier):
    only = Verifier(corpus=None, nli=verifier.nli, embedder=verifier.embedder,
                    checks=["numbers"])
    evs = only.gather_pairs([("Around 5,000 peacekeepers were stationed.",
                              ["Nearly 2,000 Russian peacekeepers had been stationed."])])
    assert {f.check for e in evs[0] for f in e.findings} == {"numbers"}


def test_name_the_corpus_never_mentions_is_not_found(verifier):
    v = verifier.check("The four returned villages are in Armenia's Tavush region.")
    assert v.label is Label.NOT_FOUND
    assert "never mentions: Tavush" in v.explanation
    words = verifier.index.terms.words
    assert {"tavush"}.isdisjoint(words) and "karabakh" in words


def test_passage_is_read_in_its_document_context(verifier):
    # "The peacekeeping contingent" is "Russia's peacekeeping contingent" a paragraph earlier;
    # read alone the sentence gave "The Russian peacekeepers ..." entailment 0.01
    v = verifier.check("The Russian peacekeepers did not intervene.")
    assert v.label is Label.SUPPORTED
    assert v.citations[0].text == "The peacekeeping contingent did not intervene."  # as written


def test_claim_is_read_in_the_voice_of_the_passage(verifier):
    # against "It was controlled by pro-Yerevan separatists for nearly three decades" the
    # active claim had contradiction 1.00 from the model
    v = verifier.check("Pro-Yerevan separatists controlled Karabakh for about thirty years.")
    assert v.label is Label.SUPPORTED


def test_count_no_figure_of_the_corpus_comes_near_is_not_found(verifier):
    # the window "... around 100,000 ethnic Armenians left for Armenia" gave entailment 0.65
    v = verifier.check("Some 10,000 people joined the protests in Yerevan.")
    assert v.label is Label.NOT_FOUND
    assert "never mentions: Some 10,000" in v.explanation
    # figures come from the text, not the file name ("000_8555a464c2dfd455.txt" has 8555)
    assert 8555 not in verifier.index.terms.figures and 2000 in verifier.index.terms.figures


def test_given_evidence_has_no_corpus_to_be_absent_from(verifier):
    # given evidence is all there is: its "missing" finding speaks for it, nothing is "absent"
    evs = verifier.gather_pairs([("Vladimir Putin agreed the withdrawal.",
                                  ["The withdrawal had been agreed by the Russian president."])])
    statuses = {f.status for e in evs[0] for f in e.findings if f.check == "entities"}
    assert "missing" in statuses and "absent" not in statuses


def test_explanation_names_a_figure_the_corpus_gives_only_roughly(verifier):
    v = verifier.check("Exactly 1,960 Russian peacekeepers were stationed in Karabakh.")
    assert v.label is Label.NOT_FOUND
    assert "only a rough figure for: Exactly 1,960" in v.explanation, v.explanation


def _evidence(text: str, first: int, last: int, start: int, e: float, c: float):
    from verifier.types import NLIScores, Passage
    from verifier.verify import Evidence

    p = Passage(f"d:{first}-{last}", "d", "d.txt", first, last, start, start + len(text), text)
    return Evidence(p, NLIScores(e, 1 - e - c, c), 0.8, 1.0, ())


@pytest.mark.parametrize(("sentence", "with_window", "neutral"), [
    # a sentence opening on a pronoun is judged through the window holding the sentence before
    ("It was controlled by separatists for nearly three decades.", True, True),
    ("They were stationed there until 2024.", True, True),
    # must NOT change: no such window among the evidence, a name, a pronoun that is no subject
    ("It was controlled by separatists for nearly three decades.", False, False),
    ("Karabakh was controlled by separatists for nearly three decades.", True, False),
    ("Its capital was controlled by separatists.", True, False),
    ("These in vivo studies suggest that the drugs work.", True, False),
])
def test_pronoun_sentence_is_read_in_its_window(sentence, with_window, neutral):
    from verifier.verify import _UNSCORED, candidates_of

    before = "The territory is recognised as part of Azerbaijan."
    evs = [_evidence(sentence, 5, 5, len(before) + 1, 0.05, 0.95)]
    if with_window:
        evs.append(_evidence(f"{before} {sentence}", 4, 5, 0, 0.9, 0.05))
    got = candidates_of(evs)
    assert (got[0].nli == _UNSCORED) is neutral
    assert got[-1].nli == evs[-1].nli  # the window keeps its scores


def test_a_deeds_length_is_read_off_the_dated_start_and_end_of_its_document(verifier):
    # "The withdrawal, which began in April" and, sentences later, "... was completed on June
    # 12": 43 to 72 days, which no one passage says
    v = verifier.check("Start to finish, the Russian drawdown was over in less than two weeks.")
    assert v.label is Label.CONTRADICTED
    assert "43 to 72 days" in v.explanation
    evs = verifier.gather(["The withdrawal lasted more than nine weeks."])[0]
    rough = [e.passage.text for e in evs for f in e.findings
             if f.check == "dates" and f.status == "rough"]
    assert rough and all("April" in t or "June 12" in t for t in rough)
    # a claim that words the deed its own way is about the passages that date it, however far
    # its embedding is from them: their finding counts
    v = verifier.check("The pullout spanned something like six months.")
    assert v.label is Label.CONTRADICTED
    assert any("April" in c.text or "June 12" in c.text for c in v.citations)


def test_a_claim_ordering_two_dated_deeds_is_checked_as_two_dated_parts():
    from verifier.verify import _dated_parts

    passages = {"The joint statement came": ["On Tuesday, the envoys issued a joint statement."],
                "the troops had left": ["The troops left on Wednesday."]}

    def found(text):
        return passages.get(text, [])

    # in the text's order: each deed on its own day
    assert _dated_parts(["The joint statement came before the troops had left."], found) == [
        "The joint statement came on Tuesday.", "The troops had left on Wednesday."]
    # against it: the second deed on the day the claim's order needs, which the text denies
    assert _dated_parts(["The joint statement came after the troops had left."], found) == [
        "The joint statement came on Tuesday.", "The troops had left on Monday."]
    # one deed undated: the claim stays whole
    passages["the troops had left"] = []
    claim = "The joint statement came after the troops had left."
    assert _dated_parts([claim], found) == [claim]


def test_a_claim_dating_one_deed_by_another_is_checked_as_two_dated_parts():
    from verifier.verify import _dated_parts

    passages = {"The joint statement came": ["On Tuesday, the envoys issued a joint statement."],
                "the troops left": ["The troops left on Wednesday."]}

    def found(text):
        return passages.get(text, [])

    claim = "The joint statement came one day before the troops left."
    assert _dated_parts([claim], found) == ["The joint statement came on Tuesday.",
                                            "The troops left on Wednesday."]
    # the first deed undated: the second's day fixes the first's
    passages["The joint statement came"] = []
    assert _dated_parts([claim], found) == ["The joint statement came on Tuesday.",
                                            "The troops left on Wednesday."]
    # neither dated: the claim stays whole
    assert _dated_parts([claim], lambda _: []) == [claim]
    assert _dated_parts(["The troops left."], found) == ["The troops left."]


def test_a_window_holding_an_entailing_sentence_contradicts_no_more_than_its_sentences():
    from verifier.nli import NLIScores
    from verifier.types import Finding, Passage
    from verifier.verify import Evidence, _window_contradictions

    def ev(first, last, e, c, findings=()):
        p = Passage(f"d:{first}-{last}", "d", "d.txt", first, last, first * 10, last * 10 + 9,
                    "x")
        return Evidence(p, NLIScores(e, 1 - e - c, c), 0.8, 0.8, findings)

    sentence, window = ev(1, 1, 0.72, 0.21), ev(1, 2, 0.08, 0.88)
    capped = _window_contradictions([sentence, window])[1]
    assert capped.nli.contradiction == pytest.approx(0.21)
    assert capped.nli.neutral == pytest.approx(1 - 0.08 - 0.21)
    # no sentence entails it, or a check found a conflict: the window's score stands
    assert _window_contradictions([ev(1, 1, 0.3, 0.2), window])[1].nli.contradiction == 0.88
    conflict = (Finding("dates", "conflict", "x"),)
    kept = _window_contradictions([sentence, ev(1, 2, 0.08, 0.88, conflict)])[1]
    assert kept.nli.contradiction == 0.88


def test_a_conflict_pinned_to_one_named_thing_counts_however_far_the_wording(verifier):
    # "a mandate ... to 2030" against "a mandate to remain until 2025": the dates check ties
    # both to the mandate, so the passage counts as close to the claim (cosine alone: 0.44)
    claim = "The soldiers' original mandate stretched all the way to 2030."
    evs = verifier.gather([claim])[0]
    pinned = [e for e in evs for f in e.findings if f.pinned and f.status == "conflict"]
    assert pinned and all(e.relevance >= verifier.settings.conflict_relevance for e in pinned)
    assert verifier.check(claim).label is Label.CONTRADICTED


def test_a_passage_entailing_the_alternative_a_contrast_denies_contradicts(verifier):
    # the model entails the claim itself from "... with Yerevan accusing the Kremlin of failing
    # to protect it ..." (0.92), reading past the "not"; it entails the alternative too
    v = verifier.check("It is Baku, not Yerevan, that charges the Kremlin with failing to "
                       "protect it against a security threat.")
    assert v.label is Label.CONTRADICTED
    assert "It is Yerevan that charges the Kremlin" in v.explanation
    assert verifier.check("It is Yerevan, not Baku, that accuses the Kremlin of failing to "
                          "protect it.").label is Label.SUPPORTED
