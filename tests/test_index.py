"""The persisted index: incremental updates, manifest checks, corrupt files, locations, CLI."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from verifier.embedding import HashEmbedder
from verifier.errors import CorpusError, IndexError_
from verifier.index import CorpusIndex, build_index, default_index_dir, open_index

ARTICLE = Path(__file__).parents[1] / "corpus" / "000_8555a464c2dfd455.txt"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text("Cats purr when they are content. They also purr when hurt.\n\n"
                             "A group of cats is called a clowder.", encoding="utf-8")
    (d / "b.md").write_text("# Rivers\n\nThe Danube flows through ten countries.\n",
                            encoding="utf-8")
    (d / "c.jsonl").write_text(
        json.dumps({"id": 1, "title": "Moon", "text": "The Moon orbits the Earth."}) + "\n"
        + json.dumps({"id": 2, "title": "Mars", "text": "Mars has two small moons."}) + "\n",
        encoding="utf-8")
    return d


@pytest.fixture
def emb() -> HashEmbedder:
    return HashEmbedder()


def test_first_build_embeds_every_passage(corpus: Path, tmp_path: Path, emb: HashEmbedder):
    upd = build_index(corpus, tmp_path / "ix", emb, progress=False)
    assert sorted(upd.added) == ["a.txt", "b.md", "c.jsonl"]
    assert upd.embedded == upd.passages == emb.texts_embedded > 0
    index = CorpusIndex.load(tmp_path / "ix", emb)
    assert len(index.passages) == upd.passages == index.faiss.ntotal
    assert set(index.documents) == {"a.txt", "b.md", "c.jsonl#1", "c.jsonl#2"}
    m = index.manifest
    assert m["embedder"] == {"name": "hash-embedder", "weights_hash": "none", "dim": 64}
    assert m["faiss"]["type"] == "IndexFlatIP" and m["chunking"]["window"] == 2
    assert set(m["files"]) == {"a.txt", "b.md", "c.jsonl"} and len(m["files"]["a.txt"]) == 64
    # passages and sentences keep offsets into the stored raw text
    for p in index.passages:
        doc = index.documents[p.doc_id]
        assert " ".join(doc.raw[p.start:p.end].split()) == p.text
    sents = index.sentences_for_doc("a.txt")
    assert [s.index for s in sents] == list(range(len(sents))) and len(sents) == 3
    assert all(p.doc_id == "a.txt" for p in index.passages_for_doc("a.txt"))
    assert index.passages_for_doc("nope") == [] and index.sentences_for_doc("nope") == []


def test_unchanged_files_are_never_re_embedded(corpus: Path, tmp_path: Path, emb: HashEmbedder):
    ix = tmp_path / "ix"
    build_index(corpus, ix, emb, progress=False)
    version = CorpusIndex.load(ix).version
    emb.texts_embedded = emb.calls = 0
    upd = build_index(corpus, ix, emb, progress=False)
    assert emb.calls == 0 and upd.embedded == 0 and not upd.modified
    assert sorted(upd.unchanged) == ["a.txt", "b.md", "c.jsonl"]
    assert CorpusIndex.load(ix).version == version == upd.version


def test_add_change_remove(corpus: Path, tmp_path: Path, emb: HashEmbedder):
    ix = tmp_path / "ix"
    build_index(corpus, ix, emb, progress=False)
    before = CorpusIndex.load(ix)
    (corpus / "d.txt").write_text("Owls hunt at night.", encoding="utf-8")
    (corpus / "b.md").write_text("The Rhine flows to the North Sea.", encoding="utf-8")
    (corpus / "a.txt").unlink()
    emb.texts_embedded = 0
    upd = build_index(corpus, ix, emb, progress=False)
    assert (upd.added, upd.changed, upd.removed, upd.unchanged) == (
        ["d.txt"], ["b.md"], ["a.txt"], ["c.jsonl"])
    index = CorpusIndex.load(ix)
    assert emb.texts_embedded == upd.embedded == len(index.passages_for_doc("d.txt")) + len(
        index.passages_for_doc("b.md"))
    assert "a.txt" not in index.documents and index.version != before.version
    assert [p.text for p in index.passages_for_doc("b.md")] == ["The Rhine flows to the North Sea."]
    # kept vectors still belong to their passages
    for pid in ("c.jsonl#1:0-0", "c.jsonl#2:0-0"):
        assert np.allclose(index.vectors[index.row_of[pid]], before.vectors[before.row_of[pid]])
    # a dense search for a changed text finds it
    _, rows = index.search_dense(emb.embed(["Rhine North Sea"]), 1)
    assert index.passages[rows[0][0]].doc_id == "b.md"
    # only the files of the newest build are left on disk
    assert len(list(ix.glob("store-*.json"))) == 1 and len(list(ix.glob("faiss-*"))) == 1


def test_changed_jsonl_re_embeds_only_the_changed_document(corpus: Path, tmp_path: Path,
                                                           emb: HashEmbedder):
    ix = tmp_path / "ix"
    build_index(corpus, ix, emb, progress=False)
    path = corpus / "c.jsonl"
    path.write_text(path.read_text().replace("two small moons", "two tiny moons"),
                    encoding="utf-8")
    emb.texts_embedded = 0
    upd = build_index(corpus, ix, emb, progress=False)
    assert upd.changed == ["c.jsonl"]
    assert emb.texts_embedded == 1  # "Mars has two tiny moons." only


def test_other_embedder_rebuilds_with_warning(corpus: Path, tmp_path: Path, emb: HashEmbedder,
                                              caplog: pytest.LogCaptureFixture):
    ix = tmp_path / "ix"
    build_index(corpus, ix, emb, progress=False)
    other = HashEmbedder(name="other-model")
    with pytest.raises(IndexError_, match="built with embedder"):
        CorpusIndex.load(ix, other)
    with caplog.at_level(logging.WARNING, logger="verifier.index"):
        upd = build_index(corpus, ix, other, progress=False)
    assert "embedding model differs" in upd.rebuilt_reason
    assert "rebuilding" in caplog.text
    assert upd.embedded == upd.passages and other.texts_embedded == upd.passages
    assert CorpusIndex.load(ix, other).manifest["embedder"]["name"] == "other-model"


def test_foreign_index_is_rebuilt(corpus: Path, tmp_path: Path, emb: HashEmbedder):
    ix = tmp_path / "ix"
    build_index(corpus, ix, emb, progress=False)
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("Something else entirely.", encoding="utf-8")
    upd = build_index(other, ix, emb, progress=False)
    assert "foreign" in upd.rebuilt_reason and upd.added == ["x.txt"]
    with pytest.raises(IndexError_, match="stale"):
        open_index(corpus, ix, emb, update=False)
    assert set(open_index(other, ix, emb, update=False).documents) == {"x.txt"}


@pytest.mark.parametrize("damage", ["manifest", "faiss", "vectors", "store", "count"])
def test_corrupt_index_is_detected_and_rebuilt(corpus: Path, tmp_path: Path, emb: HashEmbedder,
                                               damage: str, caplog: pytest.LogCaptureFixture):
    ix = tmp_path / "ix"
    build_index(corpus, ix, emb, progress=False)
    manifest = json.loads((ix / "manifest.json").read_text())
    arts = {k: ix / v for k, v in manifest["artifacts"].items()}
    if damage == "manifest":
        (ix / "manifest.json").write_text("{not json")
    elif damage == "count":
        manifest["passages"] += 1
        (ix / "manifest.json").write_text(json.dumps(manifest))
    else:
        data = arts[damage].read_bytes()
        arts[damage].write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexError_, match="corrupt"):
        CorpusIndex.load(ix, emb)
    with caplog.at_level(logging.WARNING, logger="verifier.index"):
        upd = build_index(corpus, ix, emb, progress=False)
    assert upd.rebuilt_reason.startswith("corrupt index") and "unusable" in caplog.text
    assert len(CorpusIndex.load(ix, emb).passages) == upd.passages


def test_missing_index_and_missing_or_empty_corpus(tmp_path: Path, emb: HashEmbedder):
    with pytest.raises(IndexError_, match="verifier index"):
        CorpusIndex.load(tmp_path / "none")
    with pytest.raises(CorpusError, match="not found"):
        build_index(tmp_path / "missing", tmp_path / "ix", emb, progress=False)
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="no corpus files"):
        build_index(tmp_path / "empty", tmp_path / "ix", emb, progress=False)
    assert emb.calls == 0


def test_default_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VERIFIER_INDEX_DIR", str(tmp_path / "env"))
    assert default_index_dir("corpus") == tmp_path / "env"
    monkeypatch.delenv("VERIFIER_INDEX_DIR")
    a, b = default_index_dir(tmp_path / "c1"), default_index_dir(tmp_path / "c2")
    assert a != b and a.parent.name == "indexes" and len(a.name) == 16


def test_hnsw_above_threshold(corpus: Path, tmp_path: Path, emb: HashEmbedder,
                              monkeypatch: pytest.MonkeyPatch):
    import verifier.index as vi

    monkeypatch.setattr(vi, "HNSW_THRESHOLD", 3)
    build_index(corpus, tmp_path / "ix", emb, progress=False)
    index = CorpusIndex.load(tmp_path / "ix", emb)
    assert index.manifest["faiss"] == {"type": "IndexHNSWFlat", "M": 32, "efSearch": 128}
    assert index.faiss.hnsw.efSearch == 128
    _, rows = index.search_dense(emb.embed(["clowder of cats"]), 1)
    assert index.passages[rows[0][0]].doc_id == "a.txt"


def test_cli_index(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import verifier.embedding
    from verifier.cli import app

    monkeypatch.setattr(verifier.embedding, "get_embedder", lambda: HashEmbedder())
    runner = CliRunner()
    env = {"VERIFIER_INDEX_DIR": str(tmp_path / "ix")}
    res = runner.invoke(app, ["index", str(corpus)], env=env)
    assert res.exit_code == 0, res.output
    assert "3 added, 0 changed, 0 removed, 0 unchanged" in res.stdout
    res = runner.invoke(app, ["index", str(corpus), "--json"], env=env)
    assert res.exit_code == 0 and len(json.loads(res.stdout)["unchanged"]) == 3
    res = runner.invoke(app, ["index", str(tmp_path / "missing")], env=env)
    assert res.exit_code == 1
    assert res.stderr.strip().splitlines() == [f"Error: corpus path not found: {tmp_path}/missing"]
    assert runner.invoke(app, ["index", "--help"]).exit_code == 0


def test_concurrent_builders_leave_a_consistent_index(corpus: Path, tmp_path: Path):
    from concurrent.futures import ThreadPoolExecutor

    ix = tmp_path / "ix"

    def build(i: int):
        if i % 2:
            (corpus / f"new{i}.txt").write_text(f"Builder {i} wrote this note.", encoding="utf-8")
        return build_index(corpus, ix, HashEmbedder(), progress=False)

    with ThreadPoolExecutor(4) as pool:
        updates = list(pool.map(build, range(4)))
    assert sum(len(u.added) for u in updates) == len(list(corpus.iterdir()))  # none twice
    final = build_index(corpus, ix, HashEmbedder(), progress=False)
    assert not final.modified
    index = CorpusIndex.load(ix)
    assert len(index.passages) == index.faiss.ntotal == len(index.vectors) == final.passages
    assert len(list(ix.glob("vectors-*.npy"))) == 1 and not list(ix.glob(".*.tmp"))
