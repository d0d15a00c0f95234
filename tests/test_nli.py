"""The shipped NLI model: loads offline, maps labels from its config, keeps its answers."""

from __future__ import annotations

import json

import pytest

from verifier.nli import MODEL_DIR, TransformersNLI, get_nli

CLEAR = [
    ("A man is playing a guitar on stage.", "A man is playing an instrument.", "entailment"),
    ("A man is playing a guitar on stage.", "Nobody is playing any instrument.", "contradiction"),
]
# A regression guard: pairs the shipped model labels right; a new model must keep them.
FIXED = CLEAR + [
    ("Nearly 2,000 Russian peacekeepers had been stationed in Karabakh.",
     "About 2,000 Russian peacekeepers had been stationed in Karabakh.", "entailment"),
    ("The peacekeeping contingent did not intervene.",
     "The Russian peacekeepers intervened to stop the offensive.", "contradiction"),
    ("The company reported record profits in 2019.",
     "The company reported record losses in 2019.", "contradiction"),
    ("The bridge was opened to traffic in March.", "The bridge cost 40 million dollars.",
     "neutral"),
]


@pytest.fixture(scope="module")
def nli() -> TransformersNLI:
    return get_nli()


def test_loads_offline_from_package(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    model = TransformersNLI(MODEL_DIR)
    weights_hash, _, precision = model.version.partition("-")
    assert len(weights_hash) == 16 and precision == ("" if model.precision == "fp32" else "bf16")
    assert (MODEL_DIR / "MODEL_CARD.md").exists()


def test_label_names_come_from_config(nli):
    cfg = json.loads((MODEL_DIR / "config.json").read_text())
    names = {v.lower() for v in cfg["id2label"].values()}
    assert names == {"entailment", "neutral", "contradiction"}
    assert set(nli._index) == names


# v6 (shipped) says neutral 0.81 / contradiction 0.17 here, where v2 said contradiction; the
# verdict still comes out CONTRADICTED through the negation check (tests/test_verify.py).
MISSED = {("The peacekeeping contingent did not intervene.",
           "The Russian peacekeepers intervened to stop the offensive.")}


@pytest.mark.parametrize(("premise", "hypothesis", "gold"), [
    pytest.param(*f, marks=pytest.mark.xfail(strict=True, reason="issue 3 probe, missed by v6"))
    if f[:2] in MISSED else f for f in FIXED])
def test_fixed_pairs_keep_their_labels(nli, premise, hypothesis, gold):
    s = nli.score([(premise, hypothesis)])[0]
    probs = s.to_dict()
    assert abs(sum(probs.values()) - 1.0) < 1e-4
    assert max(probs, key=probs.get) == gold, probs


def test_batch_order_is_preserved(nli):
    pairs = [(p, h) for p, h, _ in FIXED]
    one_by_one = [nli.score([x])[0] for x in pairs]
    batched = nli.score(pairs, batch_size=4)
    for a, b in zip(one_by_one, batched):
        assert abs(a.entailment - b.entailment) < 1e-3


def test_precisions_agree_with_fp32(nli):
    """bf16 moves probabilities a little; int8 more (its accuracy cost is in
    benchmarks/results/precision.json), but clear cases keep their label in every format."""
    fp32 = get_nli(precision="fp32")
    pairs = [(p, h) for p, h, _ in FIXED]
    ref = fp32.score(pairs)
    for prec, tol in (("bf16", 0.03), ("int8", 0.2)):
        model = TransformersNLI(precision=prec)
        assert model.version == f"{fp32.version}-{prec}" and model.precision == prec
        for a, b in zip(ref, model.score(pairs)):
            assert abs(a.entailment - b.entailment) < tol and abs(
                a.contradiction - b.contradiction) < tol
        for (p, h, gold) in CLEAR:
            probs = model.score([(p, h)])[0].to_dict()
            assert max(probs, key=probs.get) == gold


def test_missing_model_dir_gives_clear_error(tmp_path):
    from verifier.errors import ModelError

    with pytest.raises(ModelError, match="not found"):
        TransformersNLI(tmp_path)
