"""The persistent corpus index: documents, sentences, passages, their embeddings, FAISS, a manifest.

Layout of an index directory (``<gen>`` is a random id per build, so a reader never mixes two
builds: the manifest names the files it belongs to)::

    manifest.json        format version, embedder name + weights hash, dim, chunking settings,
                         corpus path, per-file sha256, FAISS type, counts, file names (written last)
    store-<gen>.json     per corpus file: its sha256 and documents (raw text, sentences, passages)
    vectors-<gen>.npy    passage embeddings (float32, L2-normalised), rows in store order
    faiss-<gen>.index    built from the vectors
    .lock                ``filelock`` lock taken by builders and loaders

Updates are incremental. A file whose sha256 is unchanged keeps its passages and vectors; in a
changed file, a document whose content hash is unchanged (one line of a ``.jsonl``) keeps them
too; new or changed documents are embedded; documents of removed files are dropped. The FAISS
structure is rebuilt from the stored vectors, which costs no embedding.

A stale index (other embedder, weights or chunking), a foreign one (built for another corpus
path) or a corrupt one (unreadable JSON, truncated FAISS or vector file, counts that disagree)
is rebuilt with a logged warning by ``build_index`` / ``open_index``; ``CorpusIndex.load``
raises ``IndexError_`` naming the command to run instead.

FAISS type by size: exact inner product (``IndexFlatIP``) up to 50,000 passages; above that,
HNSW (``IndexHNSWFlat``, M=32, efSearch=128, inner product), which keeps recall close to exact
search at a fraction of the query time. Vectors are L2-normalised, so inner product is cosine.

Location: ``index_dir`` argument, else ``$VERIFIER_INDEX_DIR``, else
``<user cache dir>/verifier/indexes/<sha256 of the absolute corpus path>[:16]``.

Example::

    from verifier.index import build_index, open_index
    print(build_index("corpus").summary())    # 1 added, 0 changed, 0 removed, 0 unchanged ...
    index = open_index("corpus")               # up to date; loads without embedding
    scores, rows = index.search_dense(embedder.embed(["query"]), k=5)
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from verifier.chunking import ChunkingSettings, make_passages
from verifier.corpus import corpus_root, file_hash, iter_corpus_files, load_file
from verifier.errors import CorpusError, IndexError_
from verifier.sentences import segment
from verifier.types import CorpusTerms, Document, Passage, Sentence, SentenceKind

log = logging.getLogger(__name__)

FORMAT_VERSION = 3  # 3: documents carry source_map (HTML citations point into the file)
HNSW_THRESHOLD = 50_000
HNSW_M = 32
HNSW_EF_SEARCH = 128
ENV_INDEX_DIR = "VERIFIER_INDEX_DIR"
MANIFEST = "manifest.json"


def default_index_dir(corpus: str | Path) -> Path:
    """``$VERIFIER_INDEX_DIR``, else a per-corpus folder in the user cache directory."""
    env = os.environ.get(ENV_INDEX_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    key = hashlib.sha256(str(Path(corpus).expanduser().resolve()).encode()).hexdigest()[:16]
    return Path(user_cache_dir("verifier")) / "indexes" / key


@dataclass
class IndexUpdate:
    """What one ``build_index`` call did (file lists hold paths relative to the corpus root)."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # unreadable files
    documents: int = 0
    passages: int = 0
    embedded: int = 0  # passages embedded in this call (0 when nothing changed)
    embed_seconds: float = 0.0
    seconds: float = 0.0
    rebuilt_reason: str = ""  # why an existing index was thrown away, if it was
    index_dir: str = ""
    version: str = ""

    @property
    def modified(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.rebuilt_reason)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        s = (f"{len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed, "
             f"{len(self.unchanged)} unchanged; {self.documents} documents, {self.passages} "
             f"passages ({self.embedded} embedded) in {self.seconds:.1f}s -> {self.index_dir}")
        if self.skipped:
            s += f"; skipped {len(self.skipped)} unreadable file(s)"
        if self.rebuilt_reason:
            s += f" [rebuilt: {self.rebuilt_reason}]"
        return s


def faiss_type(n_passages: int) -> str:
    return "IndexHNSWFlat" if n_passages > HNSW_THRESHOLD else "IndexFlatIP"


def _faiss_index(vectors: np.ndarray, dim: int):
    import faiss

    if faiss_type(len(vectors)) == "IndexHNSWFlat":
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        index = faiss.IndexFlatIP(dim)
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def _write(path: Path, data: bytes) -> None:
    """Write ``path`` atomically: temp file in the same folder, fsync, ``os.replace``."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:6]}.tmp")
    with tmp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _npy_bytes(arr: np.ndarray) -> bytes:
    import io

    buf = io.BytesIO()
    np.save(buf, arr)
    return buf.getvalue()


def _lock(index_dir: Path):
    from filelock import FileLock

    return FileLock(str(index_dir / ".lock"))


# ---- the store: JSON-able records ------------------------------------------------------------
# file record: {"sha256": str, "documents": [doc record]}
# doc record:  {doc_id, source, title, raw, content_hash, source_map (runs; HTML only),
#               "sentences": [[index, start, end, text, kind]], "passages": [[first, last, start,
#               end, text]]}


def _doc_record(doc: Document, sentences: list[Sentence], passages: list[Passage]) -> dict:
    return {
        **asdict(doc),
        "sentences": [[s.index, s.start, s.end, s.text, s.kind.value] for s in sentences],
        "passages": [[p.first_sentence, p.last_sentence, p.start, p.end, p.text]
                     for p in passages],
    }


class CorpusIndex:
    """A loaded index: documents, sentences, passages, their vectors and the FAISS structure.

    ``passages[i]`` is row ``i`` of ``vectors`` and id ``i`` in FAISS.
    """

    def __init__(self, index_dir: Path, manifest: dict, store: dict[str, dict],
                 vectors: np.ndarray, faiss_index=None) -> None:
        self.index_dir = Path(index_dir)
        self.manifest = manifest
        self.store = store
        self.vectors = vectors
        self.documents: dict[str, Document] = {}
        self.passages: list[Passage] = []
        self._sentences: dict[str, list[Sentence]] = {}
        self._doc_rows: dict[str, tuple[int, int]] = {}
        self._terms: CorpusTerms | None = None
        self._read: dict[str, str] = {}  # passage id -> its text read in context
        for rel in sorted(store):
            for d in store[rel]["documents"]:
                doc = Document(d["doc_id"], d["source"], d["title"], d["raw"], d["content_hash"],
                               tuple(tuple(r) for r in d.get("source_map", ())))
                self.documents[doc.doc_id] = doc
                self._sentences[doc.doc_id] = [
                    Sentence(doc.doc_id, i, a, b, t, SentenceKind(k))
                    for i, a, b, t, k in d["sentences"]
                ]
                first_row = len(self.passages)
                self.passages.extend(
                    Passage(f"{doc.doc_id}:{f}-{la}", doc.doc_id, doc.source, f, la, a, b, t)
                    for f, la, a, b, t in d["passages"]
                )
                self._doc_rows[doc.doc_id] = (first_row, len(self.passages))
        self.row_of: dict[str, int] = {p.passage_id: i for i, p in enumerate(self.passages)}
        if faiss_index is None:
            faiss_index = _faiss_index(vectors, int(manifest["embedder"]["dim"]))
        self.faiss = faiss_index

    def __repr__(self) -> str:
        return (f"CorpusIndex({str(self.index_dir)!r}, documents={len(self.documents)}, "
                f"passages={len(self.passages)}, version={self.version!r})")

    @property
    def version(self) -> str:
        """Short hash of the manifest's content fields: changes whenever the index does."""
        blob = json.dumps({k: self.manifest.get(k) for k in
                           ("format_version", "embedder", "chunking", "files", "passages")},
                          sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:12]

    def source_span(self, passage: Passage) -> tuple[int, int]:
        """The passage's offsets into its file (an HTML page's source, not its text)."""
        doc = self.documents.get(passage.doc_id)
        if doc is None:
            return passage.start, passage.end
        return doc.to_source(passage.start, passage.end)

    @property
    def terms(self) -> CorpusTerms:
        """Every word and figure of the corpus: to tell a claim's name or count the corpus
        never mentions. Computed on first use."""
        if self._terms is None:
            from verifier.checks.entities import word_set
            from verifier.checks.numbers import figures

            docs = self.documents.values()
            # figures from the text alone: a title may be a file name ("000_8555a464c2.txt")
            self._terms = CorpusTerms(word_set(t for d in docs for t in (d.title, d.raw)),
                                      figures(d.raw for d in docs))
        return self._terms

    def in_context(self, passage: Passage) -> str:
        """The passage as the checks and the model read it: its bare definite phrases with the
        names its document gave them in the sentences before (``verifier.context``); a
        passage of no indexed document as is. Computed once per passage."""
        if passage.doc_id not in self.documents:
            return passage.text
        if passage.passage_id not in self._read:
            from verifier.context import LOOKBACK, in_context

            before = self.sentences_for_doc(passage.doc_id)[
                max(0, passage.first_sentence - LOOKBACK):passage.first_sentence]
            self._read[passage.passage_id] = in_context(passage.text, [s.text for s in before])
        return self._read[passage.passage_id]

    def sentences_for_doc(self, doc_id: str) -> list[Sentence]:
        """All sentences of a document (every kind), in order; [] for an unknown id."""
        return self._sentences.get(doc_id, [])

    def passages_for_doc(self, doc_id: str) -> list[Passage]:
        """The document's passages, in index order; [] for an unknown id."""
        a, b = self._doc_rows.get(doc_id, (0, 0))
        return self.passages[a:b]

    def search_dense(self, query_vecs: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Inner-product search: (scores, passage rows), each ``(n_queries, k')`` with
        ``k' = min(k, number of passages)``; rows of -1 mark missing results (HNSW)."""
        q = np.ascontiguousarray(np.atleast_2d(query_vecs), dtype=np.float32)
        k = min(int(k), len(self.passages))
        if k <= 0:
            return np.zeros((len(q), 0), dtype=np.float32), np.zeros((len(q), 0), dtype=np.int64)
        return self.faiss.search(q, k)

    @classmethod
    def load(cls, index_dir: str | Path, embedder=None) -> CorpusIndex:
        """Load a built index. With ``embedder``, also check that it was built with that model.

        Raises ``IndexError_`` (saying what to run) for a missing, corrupt or stale index.
        Freshness against the corpus files is ``open_index``'s job.
        """
        index_dir = Path(index_dir).expanduser()
        if not (index_dir / MANIFEST).exists():
            raise IndexError_(f"no index in {index_dir}: build it with `verifier index CORPUS`")
        try:
            with _lock(index_dir):
                index = cls._read(index_dir)
        except IndexError_:
            raise
        except Exception as exc:
            raise IndexError_(f"index in {index_dir} is corrupt ({exc}); rebuild it with "
                              "`verifier index CORPUS`") from exc
        if embedder is not None:
            want = _embedder_info(embedder)
            if index.manifest.get("embedder") != want:
                raise IndexError_(f"index in {index_dir} was built with embedder "
                                  f"{index.manifest.get('embedder')}, not {want}; rebuild it "
                                  "with `verifier index CORPUS`")
        return index

    @classmethod
    def _read(cls, index_dir: Path) -> CorpusIndex:
        import faiss

        manifest = json.loads((index_dir / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("format_version") != FORMAT_VERSION:
            raise IndexError_(f"index in {index_dir} has format "
                              f"{manifest.get('format_version')}, this version reads "
                              f"{FORMAT_VERSION}: rebuild it with `verifier index CORPUS`")
        names = manifest["artifacts"]
        store = json.loads((index_dir / names["store"]).read_text(encoding="utf-8"))
        vectors = np.load(index_dir / names["vectors"], allow_pickle=False)
        fidx = faiss.read_index(str(index_dir / names["faiss"]))
        if hasattr(fidx, "hnsw"):
            fidx.hnsw.efSearch = HNSW_EF_SEARCH
        n = sum(len(d["passages"]) for r in store.values() for d in r["documents"])
        dim = int(manifest["embedder"]["dim"])
        if not (vectors.shape == (n, dim) and fidx.ntotal == n and manifest["passages"] == n
                and fidx.d == dim and sorted(store) == sorted(manifest["files"])):
            raise ValueError(f"counts disagree: {n} passages in the store, vectors "
                             f"{vectors.shape}, {fidx.ntotal} in FAISS, "
                             f"{manifest['passages']} in the manifest")
        return cls(index_dir, manifest, store, vectors, fidx)


def _embedder_info(embedder) -> dict:
    return {"name": embedder.name, "weights_hash": embedder.weights_hash, "dim": int(embedder.dim)}


def _expected(embedder, chunking: ChunkingSettings, corpus: Path) -> dict:
    return {
        "format_version": FORMAT_VERSION,
        "embedder": _embedder_info(embedder),
        "chunking": chunking.to_dict(),
        "corpus": str(corpus),
    }


def _mismatch(manifest: dict, expected: dict) -> str:
    for key, what in (("format_version", "format"), ("embedder", "embedding model"),
                      ("chunking", "chunking settings"), ("corpus", "corpus (foreign index)")):
        if manifest.get(key) != expected[key]:
            return f"{what} differs: {manifest.get(key)!r} != {expected[key]!r}"
    return ""


def build_index(
    corpus: str | Path,
    index_dir: str | Path | None = None,
    embedder=None,
    progress: bool = True,
    chunking: ChunkingSettings | None = None,
) -> IndexUpdate:
    """Build the index of ``corpus`` or bring it up to date; return what changed.

    Only new or changed documents are embedded. Raises ``CorpusError`` for a missing or empty
    corpus. ``progress`` shows bars on stderr.
    """
    return _update(corpus, index_dir, embedder, progress, chunking)[1]


def open_index(
    corpus: str | Path,
    index_dir: str | Path | None = None,
    embedder=None,
    update: bool = True,
    progress: bool = False,
) -> CorpusIndex:
    """The index of ``corpus``, built or updated as needed.

    With ``update=False`` the index is loaded as it is (no corpus scan); a missing, corrupt or
    stale one raises ``IndexError_``.
    """
    if not update:
        embedder = embedder or _default_embedder()
        index = CorpusIndex.load(Path(index_dir) if index_dir else default_index_dir(corpus),
                                 embedder)
        reason = _mismatch(index.manifest, _expected(
            embedder, ChunkingSettings(), Path(corpus).expanduser().resolve()))
        if reason:
            raise IndexError_(f"index in {index.index_dir} is stale ({reason}); update it with "
                              f"`verifier index {corpus}`")
        return index
    index, upd = _update(corpus, index_dir, embedder, progress, None)
    if upd.modified:
        log.info("index updated: %s", upd.summary())
    return index


def _default_embedder():
    from verifier.embedding import get_embedder

    return get_embedder()


def _update(corpus, index_dir, embedder, progress, chunking):
    t0 = time.perf_counter()
    iter_corpus_files(corpus)  # CorpusError for a missing or empty corpus, before any work
    embedder = embedder or _default_embedder()
    chunking = chunking or ChunkingSettings()
    corpus_path = Path(corpus).expanduser().resolve()
    root = corpus_root(corpus)
    index_dir = Path(index_dir).expanduser() if index_dir else default_index_dir(corpus)
    index_dir.mkdir(parents=True, exist_ok=True)
    expected = _expected(embedder, chunking, corpus_path)
    upd = IndexUpdate(index_dir=str(index_dir))
    with _lock(index_dir):
        files = iter_corpus_files(corpus)  # listed under the lock: the newest builder wins
        old: CorpusIndex | None = None
        if (index_dir / MANIFEST).exists():
            try:
                old = CorpusIndex._read(index_dir)
                reason = _mismatch(old.manifest, expected)
            except Exception as exc:
                reason = f"corrupt index ({exc})"
            if reason:
                upd.rebuilt_reason = reason
                log.warning("index in %s is unusable (%s); rebuilding it", index_dir, reason)
                old = None
        old_store = old.store if old is not None else {}
        # previous vectors per document, to reuse for unchanged documents
        old_docs: dict[str, tuple[dict, np.ndarray]] = {}
        if old is not None:
            for rel in old_store:
                for d in old_store[rel]["documents"]:
                    a, b = old._doc_rows[d["doc_id"]]
                    old_docs[d["doc_id"]] = (d, old.vectors[a:b])

        new_store: dict[str, dict] = {}
        vec_of: dict[str, np.ndarray] = {}  # doc_id -> vectors (reused ones)
        todo: list[tuple[Document, list[Sentence], list[Passage]]] = []
        to_read: list[tuple[str, Path, str]] = []
        for f in files:
            rel = f.relative_to(root).as_posix() if f.is_relative_to(root) else f.name
            digest = file_hash(f)
            if rel in old_store and old_store[rel]["sha256"] == digest:
                new_store[rel] = old_store[rel]
                for d in old_store[rel]["documents"]:
                    vec_of[d["doc_id"]] = old_docs[d["doc_id"]][1]
                upd.unchanged.append(rel)
            else:
                (upd.changed if rel in old_store else upd.added).append(rel)
                to_read.append((rel, f, digest))

        docs_todo = []
        for rel, f, digest in to_read:
            docs = load_file(f, root)
            if not docs:
                upd.skipped.append(rel)
                (upd.changed if rel in old_store else upd.added).remove(rel)
                continue
            new_store[rel] = {"sha256": digest, "documents": []}
            docs_todo.extend((rel, d) for d in docs)
        bar = _tqdm(docs_todo, progress, "segmenting", "doc")
        for rel, d in bar:
            prev = old_docs.get(d.doc_id)
            if prev is not None and prev[0]["content_hash"] == d.content_hash \
                    and prev[0]["source"] == d.source:
                new_store[rel]["documents"].append(prev[0])
                vec_of[d.doc_id] = prev[1]
                continue
            sents = segment(d)
            passages = make_passages(d, sents, chunking.window)
            new_store[rel]["documents"].append(_doc_record(d, sents, passages))
            todo.append((d, sents, passages))
        upd.removed = sorted(set(old_store) - set(new_store))
        if not new_store:
            raise CorpusError(f"no readable documents in {corpus}: add .txt, .md, .html or "
                              ".jsonl files")

        texts = [p.text for _, _, ps in todo for p in ps]
        if texts:
            t_embed = time.perf_counter()
            vecs = np.asarray(embedder.embed(texts, show_progress=progress), dtype=np.float32)
            upd.embed_seconds = time.perf_counter() - t_embed
            pos = 0
            for d, _, ps in todo:
                vec_of[d.doc_id] = vecs[pos: pos + len(ps)]
                pos += len(ps)
        upd.embedded = len(texts)

        order = [d["doc_id"] for rel in sorted(new_store) for d in new_store[rel]["documents"]]
        upd.documents = len(order)
        if not upd.modified and old is not None:
            upd.passages = len(old.passages)
            upd.version = old.version
            upd.seconds = time.perf_counter() - t0
            return old, upd
        parts = [vec_of[i] for i in order if len(vec_of[i])]
        vectors = (np.ascontiguousarray(np.concatenate(parts), dtype=np.float32) if parts
                   else np.zeros((0, int(embedder.dim)), dtype=np.float32))
        upd.passages = int(vectors.shape[0])
        gen = f"{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
        manifest = {
            **expected,
            "files": {r: new_store[r]["sha256"] for r in sorted(new_store)},
            "documents": upd.documents,
            "passages": upd.passages,
            # informational (bf16 and fp32 vectors agree to cosine >= 0.9999, precision.json;
            # not checked on load)
            "embedder_precision": getattr(embedder, "precision", "fp32"),
            "faiss": {"type": faiss_type(upd.passages), **(
                {"M": HNSW_M, "efSearch": HNSW_EF_SEARCH}
                if faiss_type(upd.passages) == "IndexHNSWFlat" else {})},
            "artifacts": {"store": f"store-{gen}.json", "vectors": f"vectors-{gen}.npy",
                          "faiss": f"faiss-{gen}.index"},
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        index = CorpusIndex(index_dir, manifest, new_store, vectors)
        _save(index, manifest)
    upd.version = index.version
    upd.seconds = time.perf_counter() - t0
    return index, upd


def _save(index: CorpusIndex, manifest: dict) -> None:
    """Write this build's files, then the manifest (the switch), then drop older builds."""
    import faiss

    d, names = index.index_dir, manifest["artifacts"]
    _write(d / names["store"], json.dumps(index.store, ensure_ascii=False).encode("utf-8"))
    _write(d / names["vectors"], _npy_bytes(index.vectors))
    _write(d / names["faiss"], faiss.serialize_index(index.faiss).tobytes())
    _write(d / MANIFEST, json.dumps(manifest, indent=1).encode("utf-8"))
    keep = set(names.values()) | {MANIFEST, ".lock"}
    for p in d.iterdir():
        # older builds, including format 1's store.json / vectors.npy / faiss.index
        if p.name not in keep and p.name.startswith(("store", "vectors", "faiss")):
            with contextlib.suppress(OSError):  # another process may hold it
                p.unlink()


def _tqdm(items: list, enabled: bool, desc: str, unit: str):
    if not enabled or len(items) < 2:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit=unit, leave=False)
