"""The persistent corpus index: passages, their embeddings, a FAISS index and a manifest.

Layout of an index directory::

    manifest.json   format version, embedder name + weights hash, dim, chunking settings,
                    corpus root, per-file sha256, FAISS type, counts (written last)
    store.json      per file: documents (raw text), sentences, passages
    vectors.npy     passage embeddings, rows in store order
    faiss.index     built from vectors.npy

Updates are incremental: a file whose sha256 is unchanged keeps its passages and vectors; a new
or changed file is embedded alone; a removed file is dropped. A stale (other embedder or
chunking), foreign (other corpus) or corrupt index is rebuilt with a warning. A file lock
serialises builders, and files are replaced atomically (``os.replace``), manifest last.

FAISS type by size: exact inner product (``IndexFlatIP``) up to 50,000 passages; above that,
HNSW (``IndexHNSWFlat``, M=32, efSearch=128), which keeps recall near exact at a fraction of the
query time. Vectors are L2-normalised, so inner product is cosine similarity.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from verifier.chunking import ChunkingSettings, make_passages
from verifier.corpus import corpus_root, iter_corpus_files, load_file
from verifier.errors import CorpusError
from verifier.sentences import segment
from verifier.types import Document, Passage, Sentence, SentenceKind

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
HNSW_THRESHOLD = 50_000
ENV_INDEX_DIR = "VERIFIER_INDEX_DIR"


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
    """What an index build or update did."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    passages: int = 0
    embedded: int = 0
    rebuilt_reason: str = ""
    seconds: float = 0.0
    index_dir: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        s = (f"{len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed, "
             f"{len(self.unchanged)} unchanged; {self.passages} passages "
             f"({self.embedded} embedded) in {self.seconds:.1f}s -> {self.index_dir}")
        if self.skipped:
            s += f"; skipped {len(self.skipped)} unreadable file(s)"
        if self.rebuilt_reason:
            s += f" [rebuilt: {self.rebuilt_reason}]"
        return s


def _faiss_index(vectors: np.ndarray, dim: int):  # noqa: ANN202
    import faiss

    if len(vectors) > HNSW_THRESHOLD:
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = 128
    else:
        index = faiss.IndexFlatIP(dim)
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class CorpusIndex:
    """A loaded index: documents, sentences, passages, vectors and the FAISS structure."""

    def __init__(self, index_dir: Path, manifest: dict, files: dict[str, dict],
                 vectors: np.ndarray, faiss_index=None) -> None:  # noqa: ANN001
        self.index_dir = index_dir
        self.manifest = manifest
        self.files = files
        self.vectors = vectors
        self.documents: dict[str, Document] = {}
        self._sentences: dict[str, list[Sentence]] = {}
        self.passages: list[Passage] = []
        for rel in sorted(files):
            rec = files[rel]
            for d in rec["documents"]:
                doc = Document(**{k: d[k] for k in ("doc_id", "source", "title", "raw",
                                                     "content_hash")})
                self.documents[doc.doc_id] = doc
                self._sentences[doc.doc_id] = [
                    Sentence(doc.doc_id, s[0], s[1], s[2], s[3], SentenceKind(s[4]))
                    for s in d["sentences"]
                ]
            self.passages.extend(Passage(**p) for p in rec["passages"])
        self.row_of = {p.passage_id: i for i, p in enumerate(self.passages)}
        self.faiss = faiss_index if faiss_index is not None else _faiss_index(
            vectors, int(manifest["embedder"]["dim"]))

    @property
    def version(self) -> str:
        """Short hash of the manifest: changes whenever the indexed content does."""
        blob = json.dumps({k: self.manifest[k] for k in ("files", "embedder", "chunking")},
                          sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:12]

    def sentences_for_doc(self, doc_id: str) -> list[Sentence]:
        return self._sentences.get(doc_id, [])

    def passages_for_doc(self, doc_id: str) -> list[Passage]:
        return [p for p in self.passages if p.doc_id == doc_id]

    def search_dense(self, query_vecs: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        k = min(k, len(self.passages))
        if k == 0:
            n = len(query_vecs)
            return np.zeros((n, 0), dtype=np.float32), np.zeros((n, 0), dtype=np.int64)
        return self.faiss.search(np.ascontiguousarray(query_vecs, dtype=np.float32), k)

    @classmethod
    def load(cls, index_dir: Path) -> CorpusIndex:
        """Load without checking freshness (``open_index`` checks)."""
        import faiss

        manifest = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
        store = json.loads((index_dir / "store.json").read_text(encoding="utf-8"))
        vectors = np.load(index_dir / "vectors.npy")
        fidx = faiss.read_index(str(index_dir / "faiss.index"))
        n = sum(len(r["passages"]) for r in store.values())
        if vectors.shape[0] != n or fidx.ntotal != n or manifest.get("passages") != n:
            raise ValueError(f"count mismatch: {n} passages, {vectors.shape[0]} vectors, "
                             f"{fidx.ntotal} in FAISS")
        return cls(index_dir, manifest, store, vectors, fidx)


def _expected(embedder, chunking: ChunkingSettings, root: Path) -> dict:  # noqa: ANN001
    return {
        "format_version": FORMAT_VERSION,
        "embedder": {"name": embedder.name, "weights_hash": embedder.weights_hash,
                     "dim": int(embedder.dim)},
        "chunking": chunking.to_dict(),
        "corpus_root": str(root),
    }


def _mismatch(manifest: dict, expected: dict) -> str:
    for key in ("format_version", "embedder", "chunking", "corpus_root"):
        if manifest.get(key) != expected[key]:
            return f"{key} differs ({manifest.get(key)!r} != {expected[key]!r})"
    return ""


def build_index(
    corpus: str | Path,
    index_dir: str | Path | None = None,
    embedder=None,  # noqa: ANN001
    chunking: ChunkingSettings | None = None,
    progress: bool = False,
) -> tuple[CorpusIndex, IndexUpdate]:
    """Create or incrementally update the index of ``corpus``; return it and what changed."""
    from filelock import FileLock

    if embedder is None:
        from verifier.embedding import get_embedder

        embedder = get_embedder()
    chunking = chunking or ChunkingSettings()
    t0 = time.perf_counter()
    root = corpus_root(corpus)
    files = iter_corpus_files(corpus)
    index_dir = Path(index_dir).expanduser() if index_dir else default_index_dir(corpus)
    index_dir.mkdir(parents=True, exist_ok=True)
    expected = _expected(embedder, chunking, root)
    update = IndexUpdate(index_dir=str(index_dir))
    with FileLock(str(index_dir / ".lock")):
        old = None
        old_store: dict[str, dict] = {}
        old_vectors = np.zeros((0, embedder.dim), dtype=np.float32)
        if (index_dir / "manifest.json").exists():
            try:
                old = CorpusIndex.load(index_dir)
                reason = _mismatch(old.manifest, expected)
                if reason:
                    update.rebuilt_reason = reason
                    log.warning("index at %s is stale (%s); rebuilding", index_dir, reason)
                else:
                    old_store, old_vectors = old.files, old.vectors
            except Exception as exc:  # noqa: BLE001 - any damage means rebuild
                update.rebuilt_reason = f"corrupt index ({exc})"
                log.warning("index at %s is unreadable (%s); rebuilding", index_dir, exc)
        # row ranges of the old store, in its (sorted) order
        old_rows, pos = {}, 0
        for rel in sorted(old_store):
            n = len(old_store[rel]["passages"])
            old_rows[rel] = (pos, pos + n)
            pos += n
        new_store: dict[str, dict] = {}
        pieces: dict[str, np.ndarray] = {}
        to_embed: list[tuple[str, list[Passage]]] = []
        for f in files:
            rel = f.relative_to(root).as_posix() if f.is_relative_to(root) else f.name
            from verifier.corpus import file_hash

            digest = file_hash(f)
            if rel in old_store and old_store[rel]["sha256"] == digest:
                new_store[rel] = old_store[rel]
                a, b = old_rows[rel]
                pieces[rel] = old_vectors[a:b]
                update.unchanged.append(rel)
                continue
            (update.changed if rel in old_store else update.added).append(rel)
            docs = load_file(f, root)
            if not docs:
                update.skipped.append(rel)
                continue
            doc_recs, passages = [], []
            for d in docs:
                sents = segment(d)
                doc_recs.append({**asdict(d), "sentences": [
                    [s.index, s.start, s.end, s.text, s.kind.value] for s in sents]})
                passages.extend(make_passages(d, sents, chunking.window))
            new_store[rel] = {"sha256": digest, "documents": doc_recs,
                              "passages": [asdict(p) for p in passages]}
            to_embed.append((rel, passages))
        update.removed = sorted(set(old_store) - set(new_store) - set(update.skipped))
        if not new_store:
            raise CorpusError(f"no readable documents in {corpus}")
        texts = [p.text for _, ps in to_embed for p in ps]
        if texts:
            vecs = embedder.embed(texts, show_progress=progress)
            pos = 0
            for rel, ps in to_embed:
                pieces[rel] = vecs[pos: pos + len(ps)]
                pos += len(ps)
        update.embedded = len(texts)
        order = sorted(new_store)
        vectors = (np.concatenate([pieces[r] for r in order]).astype(np.float32)
                   if order else np.zeros((0, embedder.dim), dtype=np.float32))
        update.passages = int(vectors.shape[0])
        manifest = {
            **expected,
            "files": {r: new_store[r]["sha256"] for r in order},
            "passages": update.passages,
            "faiss": "IndexHNSWFlat" if update.passages > HNSW_THRESHOLD else "IndexFlatIP",
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        changed = update.added or update.changed or update.removed or update.rebuilt_reason
        if not changed and old is not None:
            update.seconds = time.perf_counter() - t0
            return old, update
        index = CorpusIndex(index_dir, manifest, new_store, vectors)
        if update.added or update.changed or update.removed or update.rebuilt_reason:
            import faiss

            _atomic_write(index_dir / "store.json",
                          json.dumps(new_store, ensure_ascii=False).encode("utf-8"))
            buf = _npy_bytes(vectors)
            _atomic_write(index_dir / "vectors.npy", buf)
            _atomic_write(index_dir / "faiss.index", faiss.serialize_index(index.faiss).tobytes())
            _atomic_write(index_dir / "manifest.json", json.dumps(manifest, indent=2).encode())
        else:
            index.manifest = json.loads((index_dir / "manifest.json").read_text())
    update.seconds = time.perf_counter() - t0
    return index, update


def _npy_bytes(arr: np.ndarray) -> bytes:
    import io

    buf = io.BytesIO()
    np.save(buf, arr)
    return buf.getvalue()


def open_index(
    corpus: str | Path,
    index_dir: str | Path | None = None,
    embedder=None,  # noqa: ANN001
    progress: bool = False,
) -> CorpusIndex:
    """The up-to-date index of ``corpus`` (built or updated as needed)."""
    index, update = build_index(corpus, index_dir, embedder, progress=progress)
    if update.added or update.changed or update.removed:
        log.info("index updated: %s", update.summary())
    return index
