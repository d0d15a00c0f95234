"""Export a trained checkpoint into the package: fp16 safetensors + config + tokenizer.

    python -m verifier.training.export CHECKPOINT_DIR [--dest verifier/models/nli]

fp16 halves the size (about 45 MB for MiniLM-L6); the loader casts back to fp32 on CPU.
``benchmarks/bench_nli.py`` measures the accuracy of the exported model.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

KEEP = ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
        "vocab.txt")


def export(src: Path, dest: Path) -> Path:
    import torch
    from transformers import AutoModelForSequenceClassification

    model = AutoModelForSequenceClassification.from_pretrained(str(src)).to(torch.float16)
    dest.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(dest), safe_serialization=True)
    for name in KEEP:
        if (src / name).exists() and name != "config.json":
            shutil.copy2(src / name, dest / name)
    cfg = json.loads((dest / "config.json").read_text())
    cfg["torch_dtype"] = "float16"
    (dest / "config.json").write_text(json.dumps(cfg, indent=2) + "\n")
    # train.py writes it beside best/; a folder unpacked from a GPU run holds it inside
    for train_cfg in (src / "training_config.json", src.parent / "training_config.json"):
        if train_cfg.exists():
            shutil.copy2(train_cfg, dest / "training_config.json")
            break
    return dest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("checkpoint", type=Path)
    ap.add_argument("--dest", type=Path, default=Path(__file__).parents[1] / "models" / "nli")
    args = ap.parse_args()
    print(export(args.checkpoint, args.dest))


if __name__ == "__main__":
    main()
