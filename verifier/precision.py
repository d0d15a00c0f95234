"""Which number format the models run in on this CPU.

``auto`` picks bfloat16 where the CPU computes it natively (AVX512-BF16 or AMX: the matrix
products run about 2-3x faster than fp32) and fp32 elsewhere, where bf16 would be emulated and
slower. bf16 keeps fp32's range, so the outputs move little: measured on our NLI benchmark sets and
on embeddings in benchmarks/results/precision.json. ``VERIFIER_PRECISION`` sets the default.

    from verifier.precision import resolve
    resolve("auto")   # 'bf16' on a recent Xeon, 'fp32' on most laptops
"""

from __future__ import annotations

import os

from verifier.errors import ModelError

PRECISIONS = ("auto", "fp32", "bf16")


def native_bf16() -> bool:
    """Whether this CPU has bf16 matrix instructions (torch's own CPU feature probes)."""
    import torch

    probes = ("_is_avx512_bf16_supported", "_is_amx_tile_supported")
    try:
        return any(getattr(torch.cpu, name, lambda: False)() for name in probes)
    except RuntimeError:  # pragma: no cover - a torch build without the probes
        return False


def tag(precision: str) -> str:
    """The suffix a model version carries for ``precision``: none for fp32, else ``-bf16`` or
    ``-int8``, so a verdict says which format computed it."""
    return "" if precision == "fp32" else f"-{precision}"


def resolve(precision: str | None = None, allowed: tuple[str, ...] = PRECISIONS) -> str:
    """``precision`` (or ``VERIFIER_PRECISION``, else ``auto``) as a concrete format."""
    precision = (precision or os.environ.get("VERIFIER_PRECISION") or "auto").lower()
    if precision not in allowed:
        raise ModelError(f"precision must be one of {', '.join(allowed)}, not {precision!r}")
    if precision == "auto":
        return "bf16" if native_bf16() else "fp32"
    return precision
