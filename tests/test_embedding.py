"""Embedders: the protocol's contract, for the stand-in and for the bundled MiniLM model."""

from __future__ import annotations

import numpy as np
import pytest

from verifier.embedding import Embedder, HashEmbedder, get_embedder


def _check_contract(emb: Embedder, texts: list[str]) -> np.ndarray:
    vecs = emb.embed(texts)
    assert vecs.dtype == np.float32 and vecs.shape == (len(texts), emb.dim)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert emb.embed([]).shape == (0, emb.dim)
    return vecs


def test_hash_embedder_is_deterministic_and_counts_calls():
    emb = HashEmbedder(dim=32)
    a = _check_contract(emb, ["Cats purr.", "Dogs bark loudly."])
    assert np.array_equal(a, HashEmbedder(dim=32).embed(["Cats purr.", "Dogs bark loudly."]))
    assert float(a[0] @ a[1]) == 0.0  # no shared words, no similarity
    assert emb.calls == 2 and emb.texts_embedded == 2


@pytest.fixture(scope="module")
def minilm():
    return get_embedder()


def test_minilm_contract_and_meaning(minilm):
    assert get_embedder() is minilm  # loaded once
    assert minilm.dim == 384 and minilm.name.endswith("all-MiniLM-L6-v2")
    assert len(minilm.weights_hash) == 16 and minilm.weights_hash != "unknown"
    v = _check_contract(minilm, ["Russian peacekeepers left Karabakh.",
                                 "The Russian troops withdrew from Nagorno-Karabakh.",
                                 "The recipe needs two cups of flour."])
    assert v[0] @ v[1] > v[0] @ v[2] + 0.3


def test_bf16_vectors_stay_unit_length_and_close_to_fp32(minilm):
    texts = ["Russian peacekeepers left Karabakh.", "The recipe needs two cups of flour.",
             "Azerbaijan retook the region in a one-day offensive in September 2023."]
    fp32 = get_embedder("fp32").embed(texts)
    bf16 = _check_contract(get_embedder("bf16"), texts)  # renormalised after bf16 rounding
    assert get_embedder("bf16").precision == "bf16"
    assert np.all((fp32 * bf16).sum(axis=1) > 0.99)


def test_int8_is_not_an_embedder_precision():
    from verifier.embedding import MiniLMEmbedder
    from verifier.errors import ModelError

    with pytest.raises(ModelError, match="auto, fp32, bf16"):
        MiniLMEmbedder(precision="int8")
