"""Add synthetic pairs of one kind to a saved training set.

``--kind wordnet`` (candidate v7): WordNet synonym swaps as entailment. v6 learned from minimal
edits that "one word changed" means contradiction, and calls paraphrases of a true claim
contradictions ("Baku took over the territory" / "Azerbaijan seized the territory": 0.94). The
hypothesis is the premise with one or two content words written with another word of the same
WordNet sense (``synthetic.swap_wordnet_synonym``).

``--kind covidfact`` (candidate v9): COVID-Fact's own train split (real health claims and
their counter-claims against the evidence, ``data.read_covidfact``), its dev split as dev. v6
reads few health claims as contradicted (HealthVer, COVID-Fact test).

``--kind reorder`` (candidate v8): the premise with its words in another order and the same
meaning, as entailment: an adverbial moved, the dative shifted, two coordinated names swapped
(``synthetic.REORDERINGS``); beside each, where the sentence allows it, the agent/recipient
swap of the same premise as contradiction, so the order of the words alone decides nothing.

The sentences come from SNLI premises, SciFact abstracts and FNC-1 news bodies (never the
seed article's topic)::

    python -m verifier.training.extend --base pairs_v6.json.xz --pairs 30000 --out pairs_v7.json.xz
    python -m verifier.training.extend --kind reorder --base pairs_v6.json.xz --pairs 20000 \
        --out pairs_v8.json.xz
    python -m verifier.training.extend --kind covidfact --base pairs_v6.json.xz \
        --base-fraction 0.07 --out pairs_v9.json.xz

For wordnet and reorder, 10% of the new pairs go to the dev set.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from verifier.training.data import (
    SEED_MARKERS,
    read_covidfact,
    read_pairs,
    synthetic_sources,
    write_pairs,
)
from verifier.training.synthetic import REORDERINGS, Pair, swap_agents, swap_wordnet_synonym

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


def _in_equal_shares(sentences: dict[str, list[str]], nlp, n: int,
                     make: Callable[[object, str], list[Pair]]) -> list[Pair]:
    """Pairs from ``make(doc, source)`` for up to ``n // len(sentences)`` sentences of each
    source (those for which ``make`` returns any pairs)."""
    pairs: list[Pair] = []
    share = n // max(1, len(sentences))
    for name, sents in sentences.items():
        made = 0
        for doc in nlp.pipe(sents, batch_size=256):
            new = make(doc, name)
            if new:
                pairs += new
                made += 1
                if made >= share:
                    break
    return pairs


def wordnet_pairs(sentences: dict[str, list[str]], nlp, rng: random.Random,
                  n: int) -> list[Pair]:
    """Up to ``n`` synonym-swap entailments, in equal shares per source."""

    def make(doc, name: str) -> list[Pair]:
        hyp = swap_wordnet_synonym(doc, rng)
        if not hyp or hyp == doc.text:
            return []
        return [Pair(doc.text, hyp, "entailment", f"synthetic_{name}:wordnet_synonym")]

    return _in_equal_shares(sentences, nlp, n, make)


def reorder_pairs(sentences: dict[str, list[str]], nlp, rng: random.Random,
                  n: int) -> list[Pair]:
    """Up to ``n`` reordering entailments in equal shares per source, each with the agent
    swap of its premise as a contradiction where there is one (not counted in ``n``)."""
    kinds = list(REORDERINGS.items())

    def make(doc, name: str) -> list[Pair]:
        rng.shuffle(kinds)
        made_by = ((k, fn(doc, rng)) for k, fn in kinds)
        kind, hyp = next(((k, h) for k, h in made_by if h and h != doc.text), ("", None))
        if hyp is None:
            return []
        out = [Pair(doc.text, hyp, "entailment", f"synthetic_{name}:{kind}")]
        swapped = swap_agents(doc, rng)
        if swapped and swapped != doc.text:
            out.append(Pair(doc.text, swapped, "contradiction", f"synthetic_{name}:agent_swap"))
        return out

    return _in_equal_shares(sentences, nlp, n, make)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", type=Path, required=True,
                    help="a set saved by python -m verifier.training.data")
    ap.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    ap.add_argument("--kind", choices=("wordnet", "reorder", "covidfact"), default="wordnet",
                    help="which pairs to add (see above)")
    ap.add_argument("--pairs", type=int, default=30000,
                    help="entailments to add (synonym swaps or reorderings; covidfact adds "
                         "its whole train split)")
    ap.add_argument("--base-fraction", type=float, default=1.0,
                    help="keep this share of the base set's training pairs (a seeded sample; "
                         "the dev set is kept whole): a shorter run that still replays every "
                         "source")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    rng = random.Random(args.seed)
    train, dev, stats = read_pairs(args.base)
    if not 0 < args.base_fraction <= 1:
        ap.error("--base-fraction must be in (0, 1]")
    if args.base_fraction < 1:
        train = rng.sample(train, round(len(train) * args.base_fraction))
    if args.kind == "covidfact":
        rte = args.data_dir / "covid-fact" / "RTE-covidfact"
        new = read_covidfact(rte / "train.tsv", rng)
        new_dev = read_covidfact(rte / "dev.tsv", rng)
    else:
        from verifier.nlp import get_nlp  # spaCy: only the synthetic kinds parse sentences

        sents = source_sentences(train, args.data_dir, rng, per_source=args.pairs)
        make = wordnet_pairs if args.kind == "wordnet" else reorder_pairs
        new = make(sents, get_nlp(), rng, args.pairs)
        rng.shuffle(new)
        n_dev = len(new) // 10
        new, new_dev = new[n_dev:], new[:n_dev]
    dev, train = dev + new_dev, train + new
    rng.shuffle(train)
    stats = dict(stats)
    stats["extended_with"] = {"base": str(args.base), "seed": args.seed,
                              "base_fraction": args.base_fraction,
                              "kind": args.kind, "pairs": dict(Counter(p.source for p in new)),
                              "labels": dict(Counter(p.label for p in new))}
    stats["train"] = dict(Counter(p.label for p in train))
    stats["train_by_source"] = dict(Counter(p.source.split(":")[0] for p in train))
    stats["dev"] = dict(Counter(p.label for p in dev))
    write_pairs(args.out, train, dev, stats)
    log.info("wrote %d train and %d dev pairs to %s: %s", len(train), len(dev), args.out,
             json.dumps(stats["extended_with"]))


if __name__ == "__main__":
    main()
