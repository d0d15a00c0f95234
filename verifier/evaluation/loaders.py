"""Read labelled benchmark files into :class:`ClaimExample` (and SciFact into its own shapes).

Every loader takes a path to any file of its format and a ``limit`` (the most examples to
return, ``None`` for all). ``load_pairs`` picks the loader from the file itself:

>>> examples = load_pairs("healthver_dev.csv", limit=100)      # doctest: +SKIP
>>> examples[0].label, examples[0].evidence[0][:40]            # doctest: +SKIP

Loaders return an :class:`ExampleList`, a plain ``list`` that also says what was skipped
(Climate-FEVER's DISPUTED claims, COVID-Fact test rows that do not join), so a report can
state it.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from verifier.evaluation.labels import map_gold_label
from verifier.types import Label

log = logging.getLogger(__name__)

# COVID-Fact's RTE files are binary: "not_entailment" means the evidence refutes the claim
# (the dataset has no NOT-ENOUGH-INFO class), so it maps to CONTRADICTED here, not NOT_FOUND.
_RTE_LABELS = {"entailment": Label.SUPPORTED, "not_entailment": Label.CONTRADICTED}


@dataclass(frozen=True)
class ClaimExample:
    """One labelled claim with its gold evidence texts (empty when the set has none)."""

    id: str
    claim: str
    label: Label
    evidence: tuple[str, ...] = ()


class ExampleList(list):  # type: ignore[type-arg]
    """A ``list[ClaimExample]`` that also records what the loader skipped and why."""

    def __init__(self, items: Iterable[ClaimExample] = (), skipped: dict[str, int] | None = None):
        super().__init__(items)
        self.skipped: dict[str, int] = dict(skipped or {})


# ---- generic formats -----------------------------------------------------------------------


def load_claims_csv(path: str | Path, limit: int | None = None) -> ExampleList:
    """CSV with columns ``id, claim, label`` and optionally ``evidence`` (one text per row).

    Extra columns are ignored, so HealthVer's CSV loads as is.
    """
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        cols = {c.strip().lower(): c for c in reader.fieldnames or []}
        missing = [c for c in ("id", "claim", "label") if c not in cols]
        if missing:
            raise ValueError(
                f"{path}: missing column(s) {', '.join(missing)}; a claims CSV needs "
                f"id, claim, label (and optionally evidence); found {reader.fieldnames}"
            )
        out = ExampleList()
        for row in reader:
            if _full(out, limit):
                break
            evidence = (row.get(cols["evidence"]) or "").strip() if "evidence" in cols else ""
            out.append(
                ClaimExample(
                    id=str(row[cols["id"]]).strip(),
                    claim=row[cols["claim"]].strip(),
                    label=_label(row[cols["label"]], path, row[cols["id"]]),
                    evidence=(evidence,) if evidence else (),
                )
            )
    return out


def load_healthver_csv(path: str | Path, limit: int | None = None) -> ExampleList:
    """HealthVer (``id, evidence, claim, label, topic_ip, question``): one claim-passage pair
    per row, labels Supports / Refutes / Neutral (Neutral -> NOT_FOUND for that passage)."""
    return load_claims_csv(path, limit)


def load_fever_jsonl(path: str | Path, limit: int | None = None) -> ExampleList:
    """FEVER-style JSONL: ``claim``, ``label`` or ``gold_label``, ``evidence`` (a text or a
    list of texts; FEVER-Symmetric's ``evid`` ``[[text, score], ...]`` is the fallback), and
    optionally ``id`` / ``unique_id`` (else the 0-based line number)."""
    path = Path(path)
    with path.open(encoding="utf-8") as f:
        return _fever_rows(_json_lines(f, path), path, limit)


def load_vitaminc(path: str | Path, limit: int | None = None, member: str | None = None
                  ) -> ExampleList:
    """VitaminC: the released zip (member ``*/test.jsonl`` unless ``member`` is given) or an
    extracted ``.jsonl``; rows are FEVER-style (``unique_id``, ``claim``, ``evidence``,
    ``label``)."""
    path = Path(path)
    if path.suffix.lower() != ".zip":
        return load_fever_jsonl(path, limit)
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if n.endswith(".jsonl")]
        if member is None:
            tests = [n for n in names if n.rsplit("/", 1)[-1] == "test.jsonl"]
            if len(tests) != 1:
                raise ValueError(
                    f"{path}: expected one */test.jsonl member, found {names}; pass member="
                )
            member = tests[0]
        elif member not in names:
            raise ValueError(f"{path}: no member {member!r}; members: {names}")
        with z.open(member) as raw:
            f = io.TextIOWrapper(raw, encoding="utf-8")
            return _fever_rows(_json_lines(f, path), path, limit)


def load_climate_fever(path: str | Path, limit: int | None = None) -> ExampleList:
    """Climate-FEVER: each claim with its ``claim_label`` and its 5 evidence sentences.

    DISPUTED claims have no counterpart among our three labels: they are skipped and counted
    in ``result.skipped["DISPUTED"]`` (and logged).
    """
    path = Path(path)
    out = ExampleList()
    skipped: Counter[str] = Counter()
    with path.open(encoding="utf-8") as f:
        for _, row in _json_lines(f, path):
            if _full(out, limit):
                break
            raw_label = str(row["claim_label"])
            if raw_label.strip().upper() == "DISPUTED":
                skipped["DISPUTED"] += 1
                continue
            evidence = tuple(
                e["evidence"].strip() for e in row.get("evidences", []) if e.get("evidence")
            )
            out.append(
                ClaimExample(str(row["claim_id"]), row["claim"].strip(),
                             _label(raw_label, path, row["claim_id"]), evidence)
            )
    out.skipped = dict(skipped)
    if skipped:
        log.warning("%s: skipped %d DISPUTED claims (no matching label)", path,
                    skipped["DISPUTED"])
    return out


def load_covid_fact(path: str | Path, limit: int | None = None) -> ExampleList:
    """COVID-Fact, binary (SUPPORTED / REFUTED, no NOT-ENOUGH-INFO):

    * ``COVIDFACT_dataset.jsonl``: every claim with its evidence sentences; ids are line
      numbers.
    * ``RTE-covidfact/{train,dev,test}.tsv``: the paper's split as (evidence, claim) pairs;
      ``entailment`` -> SUPPORTED, ``not_entailment`` -> CONTRADICTED. ``test.tsv`` has no
      labels: they are joined from ``../COVIDFACT_dataset.jsonl`` by claim text (whitespace
      and case normalised); rows that do not join are skipped and counted in
      ``result.skipped["unjoined"]``.
    """
    path = Path(path)
    if path.suffix.lower() == ".tsv":
        return _load_covid_fact_tsv(path, limit)
    out = ExampleList()
    with path.open(encoding="utf-8") as f:
        for i, row in _json_lines(f, path):
            if _full(out, limit):
                break
            out.append(
                ClaimExample(str(i), row["claim"].strip(), _label(row["label"], path, i),
                             _texts(row.get("evidence")))
            )
    return out


def _load_covid_fact_tsv(path: Path, limit: int | None) -> ExampleList:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows:
        return ExampleList()
    header = [h.strip().lower() for h in rows[0]]
    has_label = len(header) >= 4
    gold: dict[str, Label] = {}
    if not has_label:
        dataset = path.parent.parent / "COVIDFACT_dataset.jsonl"
        if not dataset.exists():
            raise ValueError(
                f"{path} has no label column; its labels come from {dataset}, which is missing"
            )
        with dataset.open(encoding="utf-8") as f:
            for i, row in _json_lines(f, dataset):
                gold.setdefault(_norm(row["claim"]), _label(row["label"], dataset, i))
    out = ExampleList()
    unjoined = 0
    for row in rows[1:]:
        if _full(out, limit):
            break
        if len(row) < 3:
            raise ValueError(f"{path}: row {row[:1]} has {len(row)} columns, expected >= 3")
        idx, evidence, claim = row[0], row[1].strip(), row[2].strip()
        if has_label:
            raw = row[3].strip().lower()
            if raw not in _RTE_LABELS:
                raise ValueError(f"{path}: row {idx}: unknown label {row[3]!r}; "
                                 f"expected {sorted(_RTE_LABELS)}")
            label = _RTE_LABELS[raw]
        else:
            found = gold.get(_norm(claim))
            if found is None:
                unjoined += 1
                continue
            label = found
        out.append(ClaimExample(idx, claim, label, (evidence,) if evidence else ()))
    if unjoined:
        out.skipped = {"unjoined": unjoined}
        log.warning("%s: skipped %d rows whose claim is not in COVIDFACT_dataset.jsonl", path,
                    unjoined)
    return out


# AVeriTeC's fourth label has no counterpart among ours
_AVERITEC_SKIP = "Conflicting Evidence/Cherrypicking"


def load_averitec(path: str | Path, limit: int | None = None) -> ExampleList:
    """AVeriTeC (``dev.json``: a JSON list of real-world claims, each with question-answer
    evidence from the web).

    Each answer becomes one evidence text, its question and answer together ("Where was the
    claim first published? It was first published on Scoopertino"); a yes/no answer adds its
    explanation, and "Unanswerable" answers are left out. Labels: Supported, Refuted and Not
    Enough Evidence map to ours; "Conflicting Evidence/Cherrypicking" claims are skipped and
    counted in ``result.skipped``.
    """
    path = Path(path)
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: not valid JSON ({e.msg})") from e
    if not isinstance(rows, list):
        raise ValueError(f"{path}: expected a JSON list of AVeriTeC claims")
    out = ExampleList()
    skipped: Counter[str] = Counter()
    for i, row in enumerate(rows):
        if _full(out, limit):
            break
        if not isinstance(row, dict) or "claim" not in row or "label" not in row:
            raise ValueError(f"{path}: claim {i} needs 'claim' and 'label'")
        if str(row["label"]).strip() == _AVERITEC_SKIP:
            skipped[_AVERITEC_SKIP] += 1
            continue
        evidence = []
        for q in row.get("questions") or []:
            question = str(q.get("question", "")).strip()
            if question and not question.endswith("?"):
                question += "?"
            for a in q.get("answers") or []:
                kind, answer = a.get("answer_type"), str(a.get("answer", "")).strip()
                if kind == "Unanswerable" or not answer:
                    continue
                if kind == "Boolean" and a.get("boolean_explanation"):
                    answer = f"{answer.rstrip('.')}. {str(a['boolean_explanation']).strip()}"
                evidence.append(f"{question} {answer}".strip())
        out.append(ClaimExample(str(i), str(row["claim"]).strip(), _label(row["label"], path, i),
                                tuple(dict.fromkeys(evidence))))
    out.skipped = dict(skipped)
    if skipped:
        log.warning("%s: skipped %d %s claims (no matching label)", path,
                    skipped[_AVERITEC_SKIP], _AVERITEC_SKIP)
    return out


def load_pairs(path: str | Path, limit: int | None = None) -> ExampleList:
    """Load any of the claim/evidence formats above, detected from the file.

    ``.zip`` -> VitaminC; ``.tsv`` -> COVID-Fact RTE; ``.csv`` -> claims CSV (HealthVer);
    ``.json`` -> AVeriTeC;
    ``.jsonl`` -> by the first row's fields: ``claim_label`` + ``evidences`` -> Climate-FEVER,
    ``gold_source`` / ``flair`` -> COVID-Fact, ``claim`` + ``label``/``gold_label`` ->
    FEVER-style. SciFact claims need their corpus: use :func:`load_scifact`.
    """
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return load_vitaminc(path, limit)
    if suffix == ".tsv":
        return load_covid_fact(path, limit)
    if suffix == ".csv":
        return load_claims_csv(path, limit)
    if suffix == ".json":
        return load_averitec(path, limit)
    if suffix == ".jsonl":
        with path.open(encoding="utf-8") as f:
            first = next((row for _, row in _json_lines(f, path)), None)
        if first is None:
            return ExampleList()
        keys = set(first)
        if {"claim_label", "evidences"} <= keys:
            return load_climate_fever(path, limit)
        if "cited_doc_ids" in keys or isinstance(first.get("evidence"), dict):
            raise ValueError(f"{path} looks like SciFact claims; use load_scifact(claims_path, "
                             "corpus_path), which also needs corpus.jsonl")
        if keys & {"gold_source", "flair"}:
            return load_covid_fact(path, limit)
        if "claim" in keys and keys & {"label", "gold_label"}:
            return load_fever_jsonl(path, limit)
        raise ValueError(f"{path}: cannot tell the format from fields {sorted(keys)}")
    raise ValueError(f"{path}: unsupported file type {suffix!r}; expected .csv, .json, .jsonl, "
                     ".tsv or .zip")


# ---- SciFact --------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEvidence:
    """SciFact gold for one (claim, abstract): its label and its rationale sets."""

    label: str  # "SUPPORT" | "CONTRADICT"
    sentences: tuple[tuple[int, ...], ...]  # each rationale set, sentence indices

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "sentences": [list(s) for s in self.sentences]}


@dataclass(frozen=True)
class SciFactClaim:
    id: str
    claim: str
    evidence: dict[str, GoldEvidence] = field(default_factory=dict)  # keyed by doc id (str)
    cited_doc_ids: tuple[str, ...] = ()

    @property
    def label(self) -> Label:
        """Claim-level label: NOT_FOUND without evidence, else the (single) evidence label."""
        labels = {map_gold_label(e.label) for e in self.evidence.values()}
        if not labels:
            return Label.NOT_FOUND
        if len(labels) > 1:  # never happens in the release; be explicit rather than guess
            raise ValueError(f"SciFact claim {self.id} mixes SUPPORT and CONTRADICT")
        return labels.pop()


@dataclass(frozen=True)
class SciFactDoc:
    """One abstract. ``sentences`` are whitespace-normalised; indices match the release.

    ``text`` joins them with ``"\\n\\n"``, so sentence *i* is paragraph *i* of ``text`` and its
    offsets are ``spans[i]``; this is the text :func:`write_scifact_corpus` indexes.
    """

    doc_id: str
    title: str
    sentences: tuple[str, ...]
    structured: bool = False

    SEPARATOR = "\n\n"

    @property
    def text(self) -> str:
        return self.SEPARATOR.join(self.sentences)

    @property
    def spans(self) -> list[tuple[int, int]]:
        out, pos = [], 0
        for s in self.sentences:
            out.append((pos, pos + len(s)))
            pos += len(s) + len(self.SEPARATOR)
        return out


def load_scifact_claims(path: str | Path, limit: int | None = None) -> list[SciFactClaim]:
    """``claims_*.jsonl``: ``id``, ``claim``, ``evidence`` {doc_id: [{sentences, label}]},
    ``cited_doc_ids``. Test claims have neither (their gold is hidden)."""
    path = Path(path)
    out: list[SciFactClaim] = []
    with path.open(encoding="utf-8") as f:
        for _, row in _json_lines(f, path):
            if limit is not None and len(out) >= limit:
                break
            evidence: dict[str, GoldEvidence] = {}
            for doc_id, sets in (row.get("evidence") or {}).items():
                labels = {s["label"] for s in sets}
                if len(labels) != 1:
                    raise ValueError(f"{path}: claim {row['id']} doc {doc_id}: rationales "
                                     f"disagree on the label ({sorted(labels)})")
                evidence[str(doc_id)] = GoldEvidence(
                    labels.pop(), tuple(tuple(int(i) for i in s["sentences"]) for s in sets)
                )
            out.append(SciFactClaim(str(row["id"]), row["claim"].strip(), evidence,
                                    tuple(str(d) for d in row.get("cited_doc_ids") or ())))
    return out


def load_scifact_corpus(path: str | Path, limit: int | None = None) -> dict[str, SciFactDoc]:
    """``corpus.jsonl``: ``doc_id``, ``title``, ``abstract`` (sentence list), ``structured``."""
    path = Path(path)
    out: dict[str, SciFactDoc] = {}
    with path.open(encoding="utf-8") as f:
        for _, row in _json_lines(f, path):
            if limit is not None and len(out) >= limit:
                break
            sents = tuple(" ".join(str(s).split()) for s in row["abstract"])
            out[str(row["doc_id"])] = SciFactDoc(str(row["doc_id"]), row["title"].strip(), sents,
                                                 bool(row.get("structured", False)))
    return out


def load_scifact(
    claims_path: str | Path, corpus_path: str | Path, limit: int | None = None
) -> tuple[list[SciFactClaim], dict[str, SciFactDoc]]:
    """SciFact claims (at most ``limit``) and the whole corpus, keyed by doc id.

    Raises ``ValueError`` when a gold evidence doc is missing from the corpus or a rationale
    index is out of range (a mismatched corpus file).
    """
    claims = load_scifact_claims(claims_path, limit)
    corpus = load_scifact_corpus(corpus_path)
    for c in claims:
        for doc_id, ev in c.evidence.items():
            doc = corpus.get(doc_id)
            if doc is None:
                raise ValueError(f"claim {c.id}: evidence doc {doc_id} is not in {corpus_path}")
            bad = [i for s in ev.sentences for i in s if not 0 <= i < len(doc.sentences)]
            if bad:
                raise ValueError(f"claim {c.id}: doc {doc_id} has no sentence(s) {bad}")
    return claims, corpus


def write_scifact_corpus(corpus: dict[str, SciFactDoc], path: str | Path) -> Path:
    """Write the corpus as a verifier ``.jsonl`` corpus (``id``, ``title``, ``text``), with
    ``text`` = sentences joined by ``"\\n\\n"`` so citations map back to sentence indices."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for doc in corpus.values():
            f.write(json.dumps({"id": doc.doc_id, "title": doc.title, "text": doc.text},
                               ensure_ascii=False) + "\n")
    return path


def cached_scifact_corpus(corpus: dict[str, SciFactDoc], corpus_path: str | Path,
                          index_dir: str | Path | None = None) -> Path:
    """The SciFact corpus as a verifier ``.jsonl`` corpus, written once per content of
    ``corpus_path`` (keyed by its sha256) so the index built over it is reused by later runs.

    It lives next to ``index_dir`` (not inside it: the index owns its folder), else in the
    user cache directory.
    """
    import hashlib

    digest = hashlib.sha256(Path(corpus_path).read_bytes()).hexdigest()[:16]
    if index_dir is not None:
        index_dir = Path(index_dir)
        root = index_dir.parent / f"{index_dir.name}-scifact-corpus"
    else:
        from platformdirs import user_cache_dir

        root = Path(user_cache_dir("verifier")) / "scifact-corpus"
    path = root / digest / "corpus.jsonl"
    if not path.is_file():
        tmp = path.with_suffix(".jsonl.partial")
        write_scifact_corpus(corpus, tmp)
        tmp.replace(path)
    return path


# ---- helpers --------------------------------------------------------------------------------


def _json_lines(f: Iterable[str], path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    i = 0
    for lineno, line in enumerate(f, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}:{lineno}: not valid JSON ({e.msg})") from e
        yield i, row
        i += 1


def _fever_rows(rows: Iterable[tuple[int, dict[str, Any]]], path: Path, limit: int | None
                ) -> ExampleList:
    out = ExampleList()
    for i, row in rows:
        if _full(out, limit):
            break
        raw_label = row.get("label", row.get("gold_label"))
        if raw_label is None or "claim" not in row:
            raise ValueError(f"{path}: row {i} needs 'claim' and 'label' or 'gold_label'")
        evidence = _texts(row.get("evidence"))
        if not evidence and row.get("evid"):
            evidence = _texts([e[0] if isinstance(e, list) else e for e in row["evid"]])
        ex_id = row.get("id", row.get("unique_id", i))
        out.append(ClaimExample(str(ex_id), str(row["claim"]).strip(),
                                _label(raw_label, path, ex_id), evidence))
    return out


def _texts(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    return tuple(str(v).strip() for v in value if v is not None and str(v).strip())


def _label(value: Any, path: Path, ex_id: Any) -> Label:
    try:
        return map_gold_label(str(value))
    except ValueError as e:
        raise ValueError(f"{path}: example {ex_id}: {e}") from None


def _full(out: list[Any], limit: int | None) -> bool:
    return limit is not None and len(out) >= limit


def _norm(text: str) -> str:
    return " ".join(text.lower().split())
