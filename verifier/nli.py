"""The NLI cross-encoder: ``score(pairs) -> [NLIScores]``.

The shipped model lives in ``verifier/models/nli/`` (fp16 safetensors, config, tokenizer, model
card). Label names come from the model's ``config.id2label``, never from a hard-coded order.
"""

from __future__ import annotations

import hashlib
import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from verifier.errors import ModelError
from verifier.types import NLIScores

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).parent / "models" / "nli"
_CANONICAL = {"entailment": "entailment", "neutral": "neutral", "contradiction": "contradiction",
              "entail": "entailment", "contradict": "contradiction", "supports": "entailment",
              "refutes": "contradiction", "not enough info": "neutral"}


class NLIScorer(Protocol):
    """Anything that turns (premise, hypothesis) pairs into three-way probabilities."""

    name: str
    version: str

    def score(self, pairs: list[tuple[str, str]], batch_size: int = 32) -> list[NLIScores]: ...


def _file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


PRECISIONS = ("auto", "fp32", "bf16", "int8")


def _quantize_int8(model):
    """Dynamic int8 quantisation of the encoder's linear layers (per-channel weights).

    The classifier head stays fp32. On 2 CPU cores it runs 2.3x faster than fp32 at batch 32
    (v6 model); its accuracy cost is measured in benchmarks/results/precision.json.
    """
    import warnings

    import torch
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    spec = {name: per_channel_dynamic_qconfig for name, mod in model.named_modules()
            if isinstance(mod, torch.nn.Linear) and ".encoder." in f".{name}."}
    with warnings.catch_warnings():  # torch.ao.quantization announces its move to torchao
        warnings.simplefilter("ignore")
        return quantize_dynamic(model, spec, dtype=torch.qint8, inplace=True)


class TransformersNLI:
    """A sequence-classification model from a local directory, run with torch on CPU.

    ``precision``: ``"fp32"`` runs the weights as trained; ``"bf16"`` computes in bfloat16
    (fast where the CPU has bf16 instructions, outputs within about 0.002); ``"auto"`` (default,
    or ``VERIFIER_PRECISION``) picks between those two for this CPU (``verifier.precision``);
    ``"int8"`` quantises the encoder's linear layers at load time: fastest on any CPU, but it
    costs accuracy (benchmarks/results/precision.json), so it is never chosen automatically.
    """

    def __init__(self, model_dir: str | Path = MODEL_DIR, max_length: int = 256,
                 threads: int | None = None, precision: str | None = None) -> None:
        from verifier.precision import resolve, tag

        precision = resolve(precision, PRECISIONS)
        model_dir = Path(model_dir)
        weights = model_dir / "model.safetensors"
        if not weights.exists():
            raise ModelError(
                f"NLI model not found in {model_dir}. Reinstall the package (pip install -e .) "
                "or train one: python -m verifier.training.train --help"
            )
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # no "Loading weights" bar in the CLI's output
        if threads:
            torch.set_num_threads(threads)
        self._torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
        self.model = AutoModelForSequenceClassification.from_pretrained(
            str(model_dir), dtype=torch.float32
        ).float().eval()
        if precision == "int8":
            self.model = _quantize_int8(self.model)
        elif precision == "bf16":
            self.model = self.model.to(torch.bfloat16)
        self.precision = precision
        id2label = self.model.config.id2label
        self._index: dict[str, int] = {}
        for i, name in id2label.items():
            canon = _CANONICAL.get(str(name).lower())
            if canon is None:
                raise ModelError(
                    f"NLI model label {name!r} is not entailment/neutral/contradiction")
            self._index[canon] = int(i)
        if set(self._index) != {"entailment", "neutral", "contradiction"}:
            raise ModelError(f"NLI model needs three labels, config has {sorted(self._index)}")
        self.max_length = max_length
        self.name = model_dir.name
        self.version = _file_hash(weights) + tag(precision)

    def score(self, pairs: list[tuple[str, str]], batch_size: int = 32) -> list[NLIScores]:
        """Probabilities for each (premise, hypothesis) pair, batched by length."""
        if not pairs:
            return []
        torch = self._torch
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        out: list[NLIScores | None] = [None] * len(pairs)
        e, n, c = self._index["entailment"], self._index["neutral"], self._index["contradiction"]
        with torch.inference_mode():
            for s in range(0, len(order), batch_size):
                idx = order[s: s + batch_size]
                enc = self.tokenizer(
                    [pairs[i][0] for i in idx], [pairs[i][1] for i in idx],
                    truncation="longest_first", max_length=self.max_length, padding=True,
                    return_tensors="pt",
                )
                probs = torch.softmax(self.model(**enc).logits.float(), dim=-1).tolist()
                for i, p in zip(idx, probs):
                    out[i] = NLIScores(entailment=p[e], neutral=p[n], contradiction=p[c])
        return [x for x in out if x is not None]


@lru_cache(maxsize=2)
def get_nli(model_dir: str | None = None, precision: str | None = None) -> TransformersNLI:
    """The shipped NLI model, loaded once (``VERIFIER_NLI_MODEL`` overrides the directory,
    ``VERIFIER_PRECISION`` the precision)."""
    path = model_dir or os.environ.get("VERIFIER_NLI_MODEL") or str(MODEL_DIR)
    return TransformersNLI(path, precision=precision)
