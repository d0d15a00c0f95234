"""Choosing the models' number format: explicit, from the environment, or for this CPU."""

from __future__ import annotations

import pytest

from verifier import precision
from verifier.errors import ModelError


@pytest.mark.parametrize(("asked", "env", "bf16_cpu", "want"), [
    ("fp32", None, True, "fp32"),
    ("bf16", None, False, "bf16"),        # asked for explicitly: honoured even if emulated
    ("auto", None, True, "bf16"),
    ("auto", None, False, "fp32"),
    (None, None, True, "bf16"),           # default is auto
    (None, "fp32", True, "fp32"),         # VERIFIER_PRECISION
    ("FP32", None, True, "fp32"),
    ("bf16", "fp32", True, "bf16"),       # an explicit argument beats the environment
])
def test_resolve(monkeypatch, asked, env, bf16_cpu, want):
    monkeypatch.setattr(precision, "native_bf16", lambda: bf16_cpu)
    if env is None:
        monkeypatch.delenv("VERIFIER_PRECISION", raising=False)
    else:
        monkeypatch.setenv("VERIFIER_PRECISION", env)
    assert precision.resolve(asked) == want


def test_unknown_precision_says_what_is_allowed(monkeypatch):
    monkeypatch.delenv("VERIFIER_PRECISION", raising=False)
    with pytest.raises(ModelError, match="auto, fp32, bf16, not 'fp8'"):
        precision.resolve("fp8")
    with pytest.raises(ModelError, match="int8"):
        precision.resolve("int8")  # only the NLI scorer offers int8
    assert precision.resolve("int8", ("fp32", "int8")) == "int8"


def test_native_bf16_is_a_bool():
    assert isinstance(precision.native_bf16(), bool)


def test_tag_marks_every_format_but_fp32():
    assert [precision.tag(p) for p in ("fp32", "bf16", "int8")] == ["", "-bf16", "-int8"]
