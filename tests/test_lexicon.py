from __future__ import annotations

import pytest

from verifier import lexicon


@pytest.mark.parametrize(
    ("a", "b", "pos", "same"),
    [
        ("step in", "intervene", "v", True),
        ("seize", "take over", "v", True),
        ("stay", "remain", "v", True),
        ("truce", "ceasefire", "n", True),  # WordNet writes "cease-fire"
        # different meanings, and another part of speech
        ("leave", "flee", "v", False),
        ("increase", "decrease", "v", False),
        ("stay", "remain", "n", False),
    ],
)
def test_synonymous(a, b, pos, same):
    assert lexicon.synonymous(a, b, pos) is same


def test_antonyms():
    assert "decrease" in lexicon.antonyms("increase", "v")
    assert "slow" in lexicon.antonyms("fast", "a")
    assert lexicon.antonyms("intervene", "v") == frozenset()


def test_synonyms_are_the_other_words_of_the_first_senses():
    assert lexicon.synonyms("intervene", "v")[:2] == ["step_in", "interfere"]
    assert "intervene" not in lexicon.synonyms("intervene", "v")
    # more senses, more words; a word WordNet does not know has none
    assert set(lexicon.synonyms("seize", "v", 1)) < set(lexicon.synonyms("seize", "v", 5))
    assert lexicon.synonyms("qwertyuiop", "n") == []


def test_build_reads_wordnet_files(tmp_path):
    # a two-synset fragment in WordNet's own format (offsets, hex word counts, pointers)
    for suffix in ("adj", "adv", "noun"):
        (tmp_path / f"data.{suffix}").write_text("  licence header\n")
        (tmp_path / f"index.{suffix}").write_text("  licence header\n")
    (tmp_path / "data.verb").write_text(
        "  licence header\n"
        "00000001 30 v 02 increase 0 rise 0 001 ! 00000002 v 0101 | become bigger\n"
        "00000002 30 v 01 decrease 0 001 ! 00000001 v 0101 | become smaller\n")
    (tmp_path / "index.verb").write_text(
        "  licence header\n"
        "increase v 1 1 ! 1 0 00000001  \n"
        "rise v 1 0 1 0 00000001  \n"
        "decrease v 1 1 ! 1 0 00000002  \n")
    data = lexicon.build(tmp_path)["v"]
    assert data["synsets"] == [["increase", "rise"], ["decrease"]]
    assert data["index"] == {"increase": [0], "rise": [0], "decrease": [1]}
    assert data["antonyms"] == [["decrease", "increase"]]
