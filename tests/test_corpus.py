from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest

from verifier.corpus import file_hash, iter_corpus_files, load_corpus
from verifier.errors import CorpusError

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
SEED = Path(__file__).parents[1] / "corpus" / "000_8555a464c2dfd455.txt"


def test_directory_is_loaded_recursively_in_stable_order(caplog):
    with caplog.at_level(logging.WARNING, logger="verifier.corpus"):
        docs = load_corpus(CORPUS)
    assert [d.doc_id for d in docs] == [
        "crlf_bom.txt", "docs.jsonl#a1", "docs.jsonl#a2", "page.html", "sub/hyphen.md"]
    warnings = caplog.text
    assert "image.txt" in warnings and "binary" in warnings
    assert "latin1.txt" in warnings and "not UTF-8" in warnings
    assert "duplicate id 'a1'" in warnings and "line 3" in warnings


def test_iter_corpus_files_skips_hidden_and_unknown_suffixes():
    names = [p.relative_to(CORPUS.resolve()).as_posix() for p in iter_corpus_files(CORPUS)]
    assert names == ["crlf_bom.txt", "docs.jsonl", "image.txt", "latin1.txt", "page.html",
                     "sub/hyphen.md"]


def test_raw_is_the_decoded_file_with_bom_and_crlf_kept():
    doc = next(d for d in load_corpus(CORPUS) if d.doc_id == "crlf_bom.txt")
    data = (CORPUS / "crlf_bom.txt").read_bytes()
    assert doc.raw == data.decode("utf-8")
    assert doc.raw[0] == "\ufeff" and "\r\n" in doc.raw
    expected = hashlib.sha256(data).hexdigest()
    assert doc.content_hash == expected == file_hash(CORPUS / "crlf_bom.txt")
    assert doc.source == "crlf_bom.txt" and doc.title == "crlf_bom"


def test_single_file_id_is_its_name():
    (doc,) = load_corpus(SEED)
    assert doc.doc_id == doc.source == SEED.name
    assert doc.raw == SEED.read_text(encoding="utf-8")


def test_html_text_drops_scripts_styles_and_keeps_blocks_as_paragraphs():
    (doc,) = load_corpus(CORPUS / "page.html")
    assert doc.title == "Frontier villages"
    assert "var x" not in doc.raw and "color" not in doc.raw and "JavaScript" not in doc.raw
    assert doc.raw.split("\n\n") == [
        "Frontier villages",
        "Last month, Yerevan returned to Azerbaijan four frontier villages.",
        "The move sparked protests in Armenia.",
        ("Prime Minister Nikol Pashinyan defended the move as aimed at securing a peace deal. "
         "Protesters disagreed."),
    ]


def test_jsonl_documents():
    docs = load_corpus(CORPUS / "docs.jsonl")
    assert [(d.doc_id, d.title, d.source) for d in docs] == [
        ("docs.jsonl#a1", "Withdrawal", "docs.jsonl"), ("docs.jsonl#a2", "Café", "docs.jsonl")]
    assert docs[1].raw == "The café in Zürich — run by Søren — opened in 2020."
    assert docs[0].content_hash != docs[1].content_hash


def test_missing_path_raises_corpus_error(tmp_path):
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path / "nope")


def test_corpus_without_usable_documents_raises(tmp_path):
    with pytest.raises(CorpusError, match="no usable documents"):
        load_corpus(DATA / "bad")
    with pytest.raises(CorpusError, match="no corpus files"):
        load_corpus(tmp_path)


def test_unsupported_single_file_raises():
    with pytest.raises(CorpusError, match="unsupported file type"):
        load_corpus(CORPUS / "notes.csv")


# ---- HTML: offsets into the page's source ------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Caf&eacute; &amp; co</title>
<script>var s = "<p>not text</p>";</script></head>
<body><!-- a comment --><h1>Villages</h1>
<p>Yerevan   returned <b>four</b> villages&nbsp;to Azerbaijan &amp; its
   neighbours.<br/>Protests&#33; followed &#x2014; in Yerevan.</p>
<ul><li>One item</li><li>Caf&eacute; Z&uuml;rich opened in 2020.</li></ul>
</body></html>"""


def test_html_text_map_text_and_title():
    from verifier.corpus import html_text_map

    text, title, _ = html_text_map(PAGE)
    assert title == "Café & co"
    assert text.split("\n\n") == [
        "Villages",
        "Yerevan returned four villages to Azerbaijan & its neighbours. Protests! followed — in "
        "Yerevan.",
        "One item",
        "Café Zürich opened in 2020.",
    ]


def test_html_source_map_leads_every_word_back_to_the_file():
    import html
    import re

    from verifier.corpus import html_text_map
    from verifier.types import Document

    text, _, source_map = html_text_map(PAGE)
    doc = Document("p.html", "p.html", "", text, "", source_map)
    for m in re.finditer(r"\S+", text):
        a, b = doc.to_source(m.start(), m.end())
        # the file's slice, tags dropped and entities decoded, is the word
        assert re.sub(r"<[^>]*>", "", html.unescape(PAGE[a:b])) == m.group().replace(
            "\xa0", " "), (m.group(), PAGE[a:b])


def test_html_passages_quote_their_file_slice(tmp_path):
    """Every sentence and window of an HTML page, cited by its offsets into the file:
    ``html_text`` of that slice, normalised, is the passage's text."""
    from verifier.chunking import make_passages
    from verifier.cleaning import normalize_span
    from verifier.corpus import html_text
    from verifier.sentences import segment

    for page in (PAGE, (CORPUS / "page.html").read_text(encoding="utf-8")):
        (tmp_path / "p.html").write_text(page, encoding="utf-8")
        (doc,) = load_corpus(tmp_path / "p.html")
        passages = make_passages(doc, segment(doc), 2)
        assert len(passages) >= 4
        for p in passages:
            a, b = doc.to_source(p.start, p.end)
            assert normalize_span(html_text(page[a:b])[0]) == p.text, (p.text, page[a:b])


def test_plain_documents_cite_their_own_offsets():
    (doc,) = load_corpus(CORPUS / "crlf_bom.txt")
    assert doc.source_map == () and doc.to_source(3, 17) == (3, 17)
