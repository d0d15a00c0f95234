from __future__ import annotations

import pytest

from verifier.cleaning import normalize_span, normalize_with_map, normalize_ws


@pytest.mark.parametrize(("raw", "clean"), [
    ("from the Nagorno-\nKarabakh region", "from the Nagorno-Karabakh region"),
    ("which Baku recap-\ntured last year", "which Baku recaptured last year"),
    ("which Baku recap-\r\ntured", "which Baku recaptured"),
    ("the then-\nbreakaway enclave", "the then-breakaway enclave"),
    ("a long-\nterm deal", "a long-term deal"),
    ("in the 1990-\n2000 period", "in the 1990-2000 period"),
    ("pro-Yerevan separatists", "pro-Yerevan separatists"),
    ("one\ntwo\r\nthree\t four\u00a0five  six", "one two three four five six"),
    ("\ufeffStart", "Start"),
    ("Moscow\u2019s \u201cwar\u201d", "Moscow's \"war\""),
    ("two wars \u2014 first", "two wars \u2014 first"),
    ("co\u00adoperation", "cooperation"),
    ("para one.\n\npara two", "para one. para two"),
])
def test_normalize_span(raw, clean):
    assert normalize_span(raw) == clean
    assert normalize_ws(raw) == clean


def test_a_blank_line_after_a_hyphen_is_not_a_split_word():
    assert normalize_span("recap-\n\ntured") == "recap- tured"


def test_index_map_points_at_the_raw_character_each_output_came_from():
    raw = "\ufeffMoscow\u2019s re-\r\n  cap  tured"
    text, idx = normalize_with_map(raw)
    assert len(text) == len(idx)
    assert idx == sorted(idx)
    for ch, i in zip(text, idx):
        if ch not in " '":
            assert raw[i] == ch
    assert text.strip() == "Moscow's recap tured"  # "recap" is a word, so joined


def test_slices_normalise_as_inside_the_whole_text():
    raw = "It was recap-\ntured by the Nagorno-\nKarabakh forces.\nThen it\u2019s over."
    text, idx = normalize_with_map(raw)
    start = raw.index("It")
    end = raw.index("forces.") + len("forces.")
    a, b = idx.index(start), idx.index(end - 1) + 1
    assert normalize_span(raw[start:end]) == text[a:b]
