"""WordNet 3.0 synonyms and antonyms, shipped with the package (no download at run time).

``verifier/data/wordnet.json.gz`` holds, for verbs, adjectives, adverbs and nouns, every synset's
lemmas, each lemma's synsets in WordNet's sense order (most frequent first) and the direct
antonym pairs. It is built from the WordNet database files (Debian's ``wordnet-base``, or
Princeton's ``dict/`` folder) by::

    python -m verifier.lexicon /usr/share/wordnet --out verifier/data/wordnet.json.gz

WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. (Its licence, which
lets us use and redistribute it with this notice, is in ``verifier/data/WORDNET_LICENSE``.)
"""

from __future__ import annotations

import argparse
import gzip
import json
from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).parent / "data" / "wordnet.json.gz"
# WordNet's file suffix and one-letter part of speech; "s" (adjective satellite) counts as "a"
_FILES = {"verb": "v", "adj": "a", "adv": "r", "noun": "n"}
# spaCy's coarse tags -> WordNet's
POS = {"VERB": "v", "AUX": "v", "ADJ": "a", "ADV": "r", "NOUN": "n", "PROPN": "n"}


def build(wordnet_dir: Path) -> dict:
    """Read WordNet's ``index.*`` and ``data.*`` files into the shipped structure."""
    out: dict = {}
    for suffix, pos in _FILES.items():
        synsets: dict[str, list[str]] = {}
        antonyms: set[tuple[str, str, int]] = set()  # (word, other synset, its word number)
        for line in (wordnet_dir / f"data.{suffix}").read_text(encoding="latin-1").splitlines():
            if not line or line.startswith(" "):
                continue  # the licence header
            f = line.split(" ")
            n = int(f[3], 16)
            words = [f[4 + 2 * i].lower() for i in range(n)]
            # adjective markers such as "(a)" / "(p)" are not part of the lemma
            words = [w.split("(")[0] for w in words]
            synsets[f[0]] = words
            k = 4 + 2 * n
            for i in range(int(f[k])):
                sym, target, _pos, src_tgt = f[k + 1 + 4 * i: k + 5 + 4 * i]
                if sym == "!":  # a lexical pointer: source and target word numbers, in hex
                    antonyms.add((words[int(src_tgt[:2], 16) - 1], target,
                                  int(src_tgt[2:], 16)))
        index: dict[str, list[str]] = {}
        for line in (wordnet_dir / f"index.{suffix}").read_text(encoding="latin-1").splitlines():
            if not line or line.startswith(" "):
                continue
            f = line.split(" ")
            n_syn, n_ptr = int(f[2]), int(f[3])
            index[f[0]] = f[4 + n_ptr + 2: 4 + n_ptr + 2 + n_syn]
        ids = {off: i for i, off in enumerate(synsets)}
        pairs = sorted({tuple(sorted((w, synsets[t][j - 1]))) for w, t, j in antonyms})
        out[pos] = {
            "synsets": list(synsets.values()),
            "index": {w: [ids[o] for o in offs if o in ids] for w, offs in index.items()},
            "antonyms": [list(p) for p in pairs],
        }
    return out


@lru_cache(maxsize=1)
def _load() -> dict:
    with gzip.open(PATH, "rt", encoding="utf-8") as f:
        return json.load(f)


def _key(lemma: str) -> str:
    return lemma.lower().strip().replace(" ", "_")


@lru_cache(maxsize=4)
def _unhyphenated(pos: str) -> dict[str, str]:
    """Lemmas WordNet writes with a hyphen, by their spelling without one ("ceasefire" ->
    "cease-fire")."""
    return {w.replace("-", ""): w for w in _load().get(pos, {}).get("index", {}) if "-" in w}


def senses(lemma: str, pos: str, top: int = 5) -> list[int]:
    """The lemma's first ``top`` synsets (ids) in WordNet's sense order; a word written
    without WordNet's hyphen ("ceasefire") is read as WordNet writes it."""
    index = _load().get(pos, {}).get("index", {})
    key = _key(lemma)
    if key not in index:
        key = _unhyphenated(pos).get(key, key)
    return index.get(key, [])[:top]


def synonymous(a: str, b: str, pos: str, top: int = 5) -> bool:
    """``a`` and ``b`` share a synset among the first ``top`` senses of each ("step in" /
    "intervene", "seize" / "take over")."""
    return bool(set(senses(a, pos, top)) & set(senses(b, pos, top)))


def synonyms(lemma: str, pos: str, top: int = 1) -> list[str]:
    """The other words of the lemma's first ``top`` synsets, in WordNet's order, "_" for a
    space ("seize" -> "prehend", "clutch"; "intervene" -> "step_in", "interfere", ...)."""
    synsets = _load().get(pos, {}).get("synsets", [])
    key = _key(lemma)
    out: list[str] = []
    for i in senses(lemma, pos, top):
        out.extend(w for w in synsets[i] if w != key and w not in out)
    return out


@lru_cache(maxsize=4)
def _antonym_table(pos: str) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for a, b in _load().get(pos, {}).get("antonyms", []):
        table.setdefault(a, set()).add(b)
        table.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in table.items()}


def antonyms(lemma: str, pos: str) -> frozenset[str]:
    """WordNet's direct antonyms of the lemma ("increase" -> "decrease")."""
    return _antonym_table(pos).get(_key(lemma), frozenset())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("wordnet_dir", type=Path, help="folder with WordNet's index.* and data.*")
    ap.add_argument("--out", type=Path, default=PATH)
    args = ap.parse_args(argv)
    data = build(args.wordnet_dir)
    raw = json.dumps(data, separators=(",", ":")).encode("utf-8")
    args.out.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))  # same bytes each build
    for pos, d in data.items():
        print(f"{pos}: {len(d['synsets'])} synsets, {len(d['index'])} lemmas, "
              f"{len(d['antonyms'])} antonym pairs")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
