"""Add WordNet synonym swaps (entailment) to a saved training set.

v6 learned from minimal edits that "one word changed" means contradiction, and calls
paraphrases of a true claim contradictions ("Baku took over the territory" / "Azerbaijan seized
the territory": 0.94). This adds pairs whose hypothesis is the premise with one or two content
words written with another word of the same WordNet sense (``synthetic.swap_wordnet_synonym``),
from sentences of SNLI premises, SciFact abstracts and FNC-1 news bodies (never the seed
article's topic)::

    python -m verifier.training.extend --base pairs_v6.json.xz --pairs 30000 --out pairs_v7.json.xz

10% of the new pairs (by sentence) go to the dev set.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
from collections import Counter
from pathlib import Path

from verifier.training.data import SEED_MARKERS, read_pairs, synthetic_sources, write_pairs
from verifier.training.synthetic import Pair, swap_wordnet_synonym

log = logging.getLogger("verifier.training")


def source_sentences(train: list[Pair], data_dir: Path, rng: random.Random,
                     per_source: int) -> dict[str, list[str]]:
    """Up to ``per_source`` distinct sentences from each of SNLI premises, SciFact, news."""
    snli = sorted({p.premise for p in train if p.source == "snli"})
    docs = synthetic_sources(data_dir, rng, n_docs=per_source)
    out = {"snli": snli}
    out.update({k: [s for d in v for s in d] for k, v in docs.items()})
    for k, v in out.items():
        v = [s for s in v if 30 <= len(s) <= 300 and not any(m in s for m in SEED_MARKERS)]
        rng.shuffle(v)
        out[k] = v[:per_source]
    return out


def wordnet_pairs(sentences: dict[str, list[str]], nlp, rng: random.Random,
                  n: int) -> list[Pair]:
    """Up to ``n`` synonym-swap entailments, in equal shares per source."""
    pairs: list[Pair] = []
    share = n // max(1, len(sentences))
    for name, sents in sentences.items():
        made = 0
        for doc in nlp.pipe(sents, batch_size=256):
            hyp = swap_wordnet_synonym(doc, rng)
            if hyp and hyp != doc.text:
                pairs.append(Pair(doc.text, hyp, "entailment",
                                  f"synthetic_{name}:wordnet_synonym"))
                made += 1
                if made >= share:
                    break
    return pairs


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", type=Path, required=True,
                    help="a set saved by python -m verifier.training.data")
    ap.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    ap.add_argument("--pairs", type=int, default=30000, help="synonym swaps to add")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    from verifier.nlp import get_nlp

    rng = random.Random(args.seed)
    train, dev, stats = read_pairs(args.base)
    sents = source_sentences(train, args.data_dir, rng, per_source=args.pairs)
    new = wordnet_pairs(sents, get_nlp(), rng, args.pairs)
    rng.shuffle(new)
    n_dev = len(new) // 10
    dev, train = dev + new[:n_dev], train + new[n_dev:]
    rng.shuffle(train)
    stats = dict(stats)
    stats["extended_with"] = {"base": str(args.base), "seed": args.seed,
                              "wordnet_synonym": dict(Counter(p.source for p in new))}
    stats["train"] = dict(Counter(p.label for p in train))
    stats["dev"] = dict(Counter(p.label for p in dev))
    write_pairs(args.out, train, dev, stats)
    log.info("wrote %d train and %d dev pairs to %s: %s", len(train), len(dev), args.out,
             json.dumps(stats["extended_with"]))


if __name__ == "__main__":
    main()
