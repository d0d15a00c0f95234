"""The synthetic NLI data builders really change what they claim to change."""

from __future__ import annotations

import difflib
import random
import re

import pytest

from verifier.nlp import get_nlp
from verifier.training import synthetic as S
from verifier.training.data import page_in_train


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def numbers(text: str) -> list[str]:
    return re.findall(r"\d[\d,]*", text)


def test_number_swap_changes_the_number(nlp):
    doc = nlp("The company hired 2,000 workers at its new plant.")
    out = S.swap_number(doc, random.Random(0))
    assert out is not None and numbers(out) != numbers(doc.text)
    assert out.replace(numbers(out)[0], "") == doc.text.replace("2,000", "")


def test_year_swap_changes_only_the_year(nlp):
    doc = nlp("The treaty was signed in 1994 in Moscow.")
    out = S.swap_year(doc, random.Random(0))
    assert out is not None and "1994" not in out and "Moscow" in out


def test_negation_is_inserted(nlp):
    doc = nlp("The committee approved the new budget.")
    out = S.toggle_negation(doc, random.Random(0))
    assert out == "The committee did not approve the new budget."


def test_negation_is_removed(nlp):
    doc = nlp("The contingent did not intervene.")
    out = S.toggle_negation(doc, random.Random(0))
    assert out == "The contingent intervened."


def test_negation_on_auxiliary(nlp):
    doc = nlp("The bridge was closed for repairs.")
    assert S.toggle_negation(doc, random.Random(0)) == "The bridge was not closed for repairs."


def test_antonym_swap(nlp):
    doc = nlp("Sales increased in the second quarter.")
    assert S.swap_antonym(doc, random.Random(0)) == "Sales decreased in the second quarter."


def test_agent_swap_exchanges_subject_and_recipient(nlp):
    doc = nlp("France sold the frigates to Brazil.")
    out = S.swap_agents(doc, random.Random(0))
    assert out == "Brazil sold the frigates to France."


def test_hedged_number_keeps_value(nlp):
    doc = nlp("Nearly 2,000 soldiers were stationed there.")
    out = S.hedge_number(doc, random.Random(1))
    assert out is not None
    assert "2,000" in out or "two thousand" in out
    assert not out.lower().startswith("nearly")


def test_page_split_is_deterministic_and_about_80_percent():
    pages = [f"Page_{i}" for i in range(5000)]
    share = sum(page_in_train(p) for p in pages) / len(pages)
    assert 0.77 < share < 0.83
    assert [page_in_train(p) for p in pages[:50]] == [page_in_train(p) for p in pages[:50]]


def test_number_words():
    assert S.number_to_words(2000) == "two thousand"
    assert S.number_to_words(1234) is None


def test_synonym_swap_keeps_the_meaning(nlp):
    doc = nlp("The troops had a mandate to remain until 2025.")
    out = S.swap_synonym(doc, random.Random(0))
    assert out in {"The forces had a mandate to remain until 2025.",
                   "The troops had a mandate to stay until 2025."}


def test_synonyms_and_antonyms_do_not_overlap():
    for word, other in S.SYNONYMS.items():
        assert S.ANTONYMS.get(word) != other and S.ANTONYMS.get(other) != word


def test_generate_adds_detail_as_neutral(nlp):
    sents = [nlp("The small Russian contingent did not intervene in the fighting last year.")]
    pairs = [p for seed in range(8)
             for p in S.generate([sents], random.Random(seed), "t", {}, paraphrase=True)]
    added = [p for p in pairs if p.source == "t:added_detail"]
    assert added and all(p.label == "neutral" for p in added)
    assert all(len(p.hypothesis) > len(p.premise) for p in added)
    synonyms_only = [p for seed in range(8)
                     for p in S.generate([sents], random.Random(seed), "t", {}, paraphrase=True,
                                         added_detail=False)]
    assert not [p for p in synonyms_only if p.source == "t:added_detail"]
    assert {p.source for p in synonyms_only} >= {"t:drop_modifiers"}


def test_paraphrase_pairs_are_opt_in_and_leave_the_v2_recipe_unchanged(nlp):
    sents = [nlp("The small Russian contingent did not intervene in the fighting last year."),
             nlp("Officials said the troops remained in the region until 2025.")]
    off = S.generate([sents], random.Random(3), "t", {})
    on = S.generate([sents], random.Random(3), "t", {}, paraphrase=True)
    assert not [p for p in off if p.source in {"t:synonym", "t:added_detail"}]
    assert [p for p in on if p.source in {"t:synonym", "t:added_detail"}]


def test_saved_pairs_read_back_identically(tmp_path):
    from verifier.training.data import read_pairs, write_pairs

    train = [S.Pair("A man sleeps.", "A person sleeps.", "entailment", "snli"),
             S.Pair("A man sleeps.", "A man runs.", "contradiction", "snli"),
             S.Pair("Ünïcode premise.", "A man sleeps.", "neutral", "synthetic_news:same_doc")]
    dev = [S.Pair("A man sleeps.", "Nobody sleeps.", "contradiction", "snli")]
    write_pairs(tmp_path / "p.json.xz", train, dev, {"train": {"entailment": 1}})
    assert read_pairs(tmp_path / "p.json.xz") == (train, dev, {"train": {"entailment": 1}})


def test_saved_pairs_with_a_bad_label_are_refused(tmp_path):
    import json
    import lzma

    from verifier.training.data import read_pairs

    blob = {"stats": {}, "texts": ["a", "b"], "rows": [["train", 0, 1, "maybe", "x"]]}
    (tmp_path / "bad.json.xz").write_bytes(lzma.compress(json.dumps(blob).encode()))
    with pytest.raises(ValueError, match="bad row"):
        read_pairs(tmp_path / "bad.json.xz")


def test_vitaminc_heldout_keeps_only_held_out_pages(tmp_path):
    import json
    import zipfile

    from verifier.training.data import write_vitaminc_heldout

    pages = [f"Page {i}" for i in range(40)]
    rows = [{"unique_id": str(i), "claim": "c", "evidence": "e", "label": "SUPPORTS", "page": p}
            for i, p in enumerate(pages)]
    with zipfile.ZipFile(tmp_path / "v.zip", "w") as z:
        z.writestr("vitaminc_real/test.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    n = write_vitaminc_heldout(tmp_path / "v.zip", tmp_path / "held.jsonl")
    kept = [json.loads(x)["page"] for x in (tmp_path / "held.jsonl").read_text().splitlines()]
    assert n == len(kept) == sum(not page_in_train(p) for p in pages) > 0
    assert not any(page_in_train(p) for p in kept)


@pytest.mark.parametrize(
    ("lemma", "tag", "written"),
    [("step_in", "VBD", "stepped in"), ("stop", "VBD", "stopped"), ("survey", "NNS", "surveys"),
     ("take_over", "VBD", "took over"), ("trim_down", "VBD", "trimmed down"),
     ("cut_down", "VBD", "cut down"), ("open", "VBD", "opened"), ("visit", "VBD", "visited"),
     ("cut_down", "VBZ", "cuts down"),
     ("study", "NNS", "studies"), ("rapid", "JJ", "rapid"),
     # a silent e is not a one-syllable consonant ending
     ("score", "VBD", "scored"), ("hate", "VBD", "hated"), ("need", "VBD", "needed"),
     ("reach", "VBZ", "reaches"), ("have", "VBZ", "has")],
)
def test_wordnet_lemma_is_inflected_like_the_word_it_replaces(lemma, tag, written):
    assert S._inflect(lemma, tag) == written


def test_negation_removed_after_does_takes_the_third_person(nlp):
    doc = nlp("The drug does not reach the brain.")
    assert S.toggle_negation(doc, random.Random(0)) == "The drug reaches the brain."


def test_wordnet_synonym_swap_changes_one_or_two_words_to_synonyms(nlp):
    from verifier.lexicon import synonymous

    doc = nlp("Researchers reduced the dose and observed a rapid decline in symptoms.")
    rng = random.Random(0)
    seen = set()
    for _ in range(20):
        hyp = S.swap_wordnet_synonym(doc, rng)
        a, b = doc.text.rstrip(".").split(), hyp.rstrip(".").split()
        changed = [(a[i:j], b[k:m]) for op, i, j, k, m in
                   difflib.SequenceMatcher(None, a, b).get_opcodes() if op != "equal"]
        assert 1 <= len(changed) <= 2
        for x, y in changed:  # "reduced" -> "trimmed down": lemmas "reduce" / "trim_down"
            assert len(x) == 1
            lx = nlp(x[0])[0].lemma_
            ly = "_".join([nlp(y[0])[0].lemma_, *y[1:]])
            assert any(synonymous(lx, ly, pos) for pos in "nvar"), (x, y)
        seen.add(hyp)
    assert len(seen) > 1  # the draw varies


def test_wordnet_synonym_swap_leaves_names_numbers_and_hyphenated_words(nlp):
    doc = nlp("Pfizer said mother-to-child transmission fell by 40 percent in 2019.")
    rng = random.Random(1)
    for _ in range(20):
        hyp = S.swap_wordnet_synonym(doc, rng)
        if hyp is None:
            continue
        for kept in ("Pfizer", "mother-to-child", "40", "2019"):
            assert kept in hyp


def test_wordnet_pairs_come_in_equal_shares_labelled_entailment(nlp):
    from verifier.training.extend import wordnet_pairs

    sents = {"a": ["The study found a large increase in cases."] * 5,
             "b": ["Police arrested the suspect near the city centre."] * 5}
    pairs = wordnet_pairs(sents, nlp, random.Random(0), 4)
    assert [p.source.split(":")[0] for p in pairs].count("synthetic_a") == 2
    assert [p.source.split(":")[0] for p in pairs].count("synthetic_b") == 2
    assert {p.label for p in pairs} == {"entailment"}
    assert all(p.premise != p.hypothesis for p in pairs)


@pytest.mark.parametrize(("sentence", "fn", "expected"), [
    ("Last month, Yerevan returned to Azerbaijan four frontier villages.", "move_adverbial",
     "Yerevan returned to Azerbaijan four frontier villages last month."),
    ("France and Germany signed the treaty in 1963.", "move_adverbial",
     "In 1963, France and Germany signed the treaty."),
    ("France and Germany signed the treaty in 1963.", "swap_conjuncts",
     "Germany and France signed the treaty in 1963."),
    ("The president gave the award to the scientist in Stockholm on Monday.", "shift_dative",
     "The president gave to the scientist the award in Stockholm on Monday."),
])
def test_reorderings_keep_every_word_and_role(nlp, sentence, fn, expected):
    out = getattr(S, fn)(nlp(sentence), random.Random(0))
    assert out == expected
    def words(text: str) -> list[str]:
        return sorted(text.lower().replace(",", "").rstrip(".").split())

    assert words(out) == words(sentence)  # the same words, only their order changed


@pytest.mark.parametrize("sentence", [
    "Although it rained, the match continued.",  # a concessive clause is not moved
    "The researchers found that the drug reduced mortality.",  # nothing to move
    "Apple sued Samsung.",  # names in different roles are never swapped
])
def test_reorderings_leave_sentences_without_a_safe_move(nlp, sentence):
    doc = nlp(sentence)
    assert all(fn(doc, random.Random(0)) is None for fn in S.REORDERINGS.values())


def test_reorder_pairs_pair_each_reordering_with_its_agent_swap(nlp):
    from verifier.training.extend import reorder_pairs

    sents = {"news": ["On Monday, Apple paid $500 million to Samsung after the ruling."] * 3}
    pairs = reorder_pairs(sents, nlp, random.Random(0), 2)
    ent = [p for p in pairs if p.label == "entailment"]
    con = [p for p in pairs if p.label == "contradiction"]
    assert len(ent) == 2 and all(p.source.startswith("synthetic_news:reorder_") for p in ent)
    assert con and all("Samsung paid" in p.hypothesis for p in con)
    assert all(p.premise != p.hypothesis for p in pairs)


def _covidfact_tsv(path, header, rows):
    lines = ["\t".join(header)] + ["\t".join([str(i), *r]) for i, r in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_covidfact_counter_claims_are_contradictions_and_some_claims_get_a_neutral(tmp_path):
    from verifier.training.data import read_covidfact

    evidence = [f"Study {i} found that drug {i} > reduced deaths among patients {i}." for i in
                range(6)]
    rows = []
    for i, ev in enumerate(evidence):
        rows += [[ev, f"Drug {i} reduces deaths", "entailment"],
                 [ev, f"Drug {i} increases deaths", "not_entailment"]]
    # dev.tsv names its label column "entailment": the reader goes by position, not by name
    _covidfact_tsv(tmp_path / "dev.tsv", ["index", "sentence1", "Sentence2", "entailment"], rows)
    pairs = read_covidfact(tmp_path / "dev.tsv", random.Random(0), neutral_share=0.5)
    real = pairs[:12]
    assert [p.label for p in real] == ["entailment", "contradiction"] * 6
    assert all(">" not in p.premise and "  " not in p.premise for p in real)
    assert real[1].hypothesis == "Drug 0 increases deaths"
    neutral = pairs[12:]
    assert neutral and all(p.label == "neutral" for p in neutral)
    # a neutral claim is set beside the evidence of another claim, never its own
    own = {p.hypothesis: p.premise for p in real}
    assert all(p.premise != own[p.hypothesis] for p in neutral)
    assert not read_covidfact(tmp_path / "dev.tsv", random.Random(0), neutral_share=0)[12:]


def test_covidfact_rows_without_a_known_label_are_refused(tmp_path):
    from verifier.training.data import read_covidfact

    _covidfact_tsv(tmp_path / "t.tsv", ["index", "sentence1", "sentence2"], [["ev", "claim"]])
    with pytest.raises(ValueError, match="expected index, evidence, claim, label"):
        read_covidfact(tmp_path / "t.tsv", random.Random(0))
