"""The decision rule: NLI probabilities, retrieval relevance and check findings -> a label.

``decide`` is a pure function of its inputs and a ``DecisionSettings`` object; the settings
are fitted on dev data by ``benchmarks/fit_decision.py`` and stored in
``verifier/data/decision_settings.json``.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from verifier.types import Finding, Label, NLIScores

SETTINGS_PATH = Path(__file__).parent / "data" / "decision_settings.json"
QUANTITY_CHECKS = frozenset({"numbers", "dates"})
# findings after which a passage may contradict the claim but never support it
UNCONFIRMED = frozenset({"rough", "misplaced", "redated", "unreal", "unplaced", "unnamed",
                         "unsaid", "undated"})


@dataclass(frozen=True)
class DecisionSettings:
    """Every threshold of the rule, in one place."""

    support_threshold: float = 0.55  # entailment prob needed to call SUPPORTED
    contradict_threshold: float = 0.6  # contradiction prob needed to call CONTRADICTED
    min_relevance: float = 0.45  # relevance below which a passage cannot contradict the claim
    support_min_relevance: float = 0.0  # relevance below which a passage cannot support it
    conflict_relevance: float = 0.5  # a check conflict counts only on a passage this relevant
    conflict_score: float = 0.85  # contradiction score given by a check conflict
    conflict_entailment_cap: float = 0.1  # entailment left to a passage with a check conflict
    # NLI contradiction kept on a passage where the numbers or dates checks found the claim's
    # quantities and all of them agree (small NLI models read a reworded hedge, "almost 30
    # years" for "nearly three decades", as a contradiction); 1.0 = no change
    agree_contradiction_scale: float = 1.0
    # entailment left to a passage that never mentions a name or count of the claim (one cap
    # for both: a separate cap for counts, fitted 0.3 on our dev data, cost 3.5 points on
    # VitaminC and 1.1 on FEVER-Symmetric for one seed dev claim)
    missing_entailment_cap: float = 1.0
    # NLI contradiction left to a passage when the claim names something the corpus never
    # mentions (the entailment is 0 then: such a corpus cannot support the claim); a check's
    # conflict still contradicts ("Antony Blinken" in the slot of "James O'Brien")
    absent_contradiction_cap: float = 1.0
    # Where the corpus seems to say both (a passage entails the claim and another contradicts
    # it), a check's conflict on a passage more relevant than the supporting one wins; else
    # the side whose best passage names everything the claim names wins, when the other
    # side's passage does not and has no check conflict (and where both miss something, a
    # supporting passage that agrees on the claim's figures or dates wins over a contradicting
    # one that never gives them): a small NLI model "contradicts" a true
    # claim from a passage about something else ("Ilham Aliyev is the president of Azerbaijan"
    # against the sentence on the territory's recognition). False: the higher score wins.
    mixed_named_tiebreak: bool = False
    # A passage this close to the claim (relevance), on which the checks find nothing amiss
    # (no conflict, nothing missing or unconfirmed) and the model leans to the claim
    # (entailment at least ``near_entailment`` and above its contradiction), supports it at
    # the support threshold: the small model undervalues paraphrase ("decamped for Armenia" /
    # "left for Armenia"). Where the checks find the claim's figure or date and its deed
    # there, any entailment above contradiction will do ("the drawdown launched back in
    # April" / "The withdrawal, which began in April"). 0 = off.
    near_relevance: float = 0.0
    near_entailment: float = 0.2
    # Platt scaling: confidence = sigmoid(a * score + b), fitted on dev data per label and
    # basis ("CONTRADICTED/check"; see ``basis``), a label's own entry where its basis has
    # none
    calibration: dict[str, tuple[float, float]] = field(
        default_factory=lambda: {"SUPPORTED": (6.0, -2.5), "CONTRADICTED": (6.0, -2.5),
                                 "NOT_FOUND": (6.0, -2.5)}
    )
    retrieve_k: int = 6
    max_citations: int = 2

    @classmethod
    def load(cls, path: Path = SETTINGS_PATH) -> DecisionSettings:
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        if "calibration" in known:
            known["calibration"] = {k: tuple(v) for k, v in known["calibration"].items()}
        return cls(**known)

    def save(self, path: Path = SETTINGS_PATH) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")

    def with_(self, **changes: object) -> DecisionSettings:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Candidate:
    """One piece of evidence considered for a claim."""

    key: int  # position in the caller's list of passages
    nli: NLIScores
    relevance: float  # dense cosine similarity of claim and passage, in [-1, 1]
    findings: tuple[Finding, ...] = ()

    @property
    def conflicts(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == "conflict")

    @property
    def missing(self) -> tuple[Finding, ...]:
        """Findings of something the claim states that the passage never mentions: a name or
        count (``missing``), the place the claim puts its deed in (``unplaced``), or the
        claim's one date where it gives another (``redated``)."""
        return tuple(f for f in self.findings if f.status in {"missing", "unplaced", "redated"})

    @property
    def unconfirmed(self) -> bool:
        """The passage cannot confirm a figure or date of the claim: it gives an exact figure
        only roughly (``rough``), or gives the date to another deed or the claim's owned thing
        to another owner (``misplaced``), or gives another date where the claim gives its one
        date (``redated``), or tells the claim's deed only as intended
        (``unreal``), or never names the place the claim puts it in (``unplaced``), or names
        the country the claim makes its doer only as whose people or things are
        (``unnamed``), or tells nothing said by the name the claim says said something
        (``unsaid``), or the whole corpus never gives the claim's year or month
        (``undated``)."""
        return any(f.status in UNCONFIRMED for f in self.findings)

    @property
    def unplaced(self) -> bool:
        """The claim puts its deed in a place the passage never names, and the passage names
        no place of its own: it can tell the deed, not where it was (one that names another
        place may say the deed was done there: "lives in India" for "lives in Japan")."""
        return any(f.status == "unplaced" and not f.evidence_span for f in self.findings)

    @property
    def absent(self) -> bool:
        """The claim names something the whole corpus never mentions."""
        return any(f.status == "absent" for f in self.findings)

    @property
    def tells_deed(self) -> bool:
        """The negation check found the claim's verb (or a verb or noun of the same deed) in the
        passage, affirmed or denied as in the claim."""
        return any(f.check == "negation" and f.status == "agree" for f in self.findings)

    @property
    def denies_deed(self) -> bool:
        """The negation check found the claim's deed in the passage, with the opposite
        polarity."""
        return any(f.check == "negation" and f.status == "conflict" for f in self.findings)

    @property
    def agreements(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == "agree")

    @property
    def quantities_agree(self) -> bool:
        """The numbers or dates checks found the claim's quantities here, all agreeing."""
        return any(f.check in QUANTITY_CHECKS for f in self.agreements)

    @property
    def quantities_missing(self) -> bool:
        """The passage never gives a figure or date of the claim."""
        return any(f.check in QUANTITY_CHECKS for f in self.missing)


@dataclass(frozen=True)
class Decision:
    label: Label
    confidence: float
    support_score: float
    contradict_score: float
    # candidate keys past the threshold, the one to cite first first: by score times relevance
    # (of two passages the model scores alike, the one closer to the claim; a check's fixed
    # conflict score ties often)
    supporting: tuple[int, ...]
    contradicting: tuple[int, ...]
    mixed: bool  # the corpus holds evidence both for and against
    basis: str = "model"  # what the label rests on (``BASES``), for its calibration
    score: float = 0.0  # the score calibrated: the label's side's, 1 - the larger for NOT_FOUND


def candidate_scores(c: Candidate, s: DecisionSettings) -> tuple[float, float]:
    """(support, contradiction) scores of one candidate after the checks have spoken."""
    support = c.nli.entailment if c.relevance >= s.support_min_relevance else 0.0
    contra = c.nli.contradiction if c.relevance >= s.min_relevance else 0.0
    if c.conflicts and c.relevance >= s.conflict_relevance:
        support = min(support, s.conflict_entailment_cap)
        contra = max(contra, s.conflict_score)
    elif c.conflicts:
        support = min(support, s.conflict_entailment_cap)
    elif c.quantities_agree:
        contra *= s.agree_contradiction_scale
    if near(c, s):
        support = max(support, s.support_threshold)
    if c.missing:
        support = min(support, s.missing_entailment_cap)
    if c.unconfirmed:  # it may still contradict the rest (the model read the passage's figure)
        support = 0.0
    if c.unplaced and not c.conflicts:  # "agreed at a summit in Moscow": the passage never
        contra = min(contra, s.absent_contradiction_cap)  # says where; the model reads "no"
    if c.absent:  # a corpus that never names a thing cannot support a claim about it
        support = 0.0
        if not c.conflicts:
            contra = min(contra, s.absent_contradiction_cap)
    return support, contra


def near(c: Candidate, s: DecisionSettings) -> bool:
    """``c`` is close to the claim, the checks find nothing amiss there and the model leans
    to the claim, or leans no more against it where the checks find the claim's figure or
    date and its deed there (``DecisionSettings.near_relevance``)."""
    return bool(s.near_relevance) and c.relevance >= s.near_relevance and \
        (c.nli.entailment >= s.near_entailment or (c.quantities_agree and c.tells_deed)) and \
        c.nli.entailment > c.nli.contradiction and \
        not (c.conflicts or c.missing or c.unconfirmed or c.absent)


def needs_nli(relevance: float, s: DecisionSettings) -> bool:
    """Whether a passage this relevant can change the label through its NLI scores (a passage
    below both relevance floors can only matter through a check conflict)."""
    return relevance >= min(s.min_relevance, s.support_min_relevance)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


# what a label rests on: a check's conflict or the model alone (CONTRADICTED); agreeing checks
# or the model alone (SUPPORTED); a name or figure the corpus never mentions, or only the
# absence of evidence (NOT_FOUND)
BASES = {Label.SUPPORTED: ("agree", "model"), Label.CONTRADICTED: ("check", "model"),
         Label.NOT_FOUND: ("absent", "model")}


def basis(label: Label, first: Candidate | None, candidates: list[Candidate],
          s: DecisionSettings) -> str:
    """What the label rests on (``BASES``), read off the candidate cited first (``first``)
    or, for NOT_FOUND, all of them. On our seed-article claims a contradiction resting on a
    check's conflict was right 98% of the time and one resting on the model alone 54%, which
    one calibration per label cannot say."""
    if label is Label.CONTRADICTED:
        return "check" if first is not None and first.conflicts and \
            first.relevance >= s.conflict_relevance else "model"
    if label is Label.SUPPORTED:
        return "agree" if first is not None and first.agreements else "model"
    return "absent" if any(c.absent for c in candidates) else "model"


def calibrate(label: Label, score: float, s: DecisionSettings, on: str | None = None) -> float:
    """The confidence of ``label`` at decision score ``score``, with the calibration of its
    basis ``on`` where the settings have one, else the label's."""
    a, b = s.calibration.get(f"{label.value}/{on}") or s.calibration.get(label.value, (1.0, 0.0))
    return round(_sigmoid(a * score + b), 4)


def decide(candidates: list[Candidate], s: DecisionSettings) -> Decision:
    """Label one atomic claim from its candidates (pure; see the table test)."""
    scored = [(c.key, *candidate_scores(c, s)) for c in candidates]
    sup = sorted(((sc, k) for k, sc, _ in scored if sc >= s.support_threshold), reverse=True)
    con = sorted(((cc, k) for k, _, cc in scored if cc >= s.contradict_threshold), reverse=True)
    best_s = max((sc for _, sc, _ in scored), default=0.0)
    best_c = max((cc for _, _, cc in scored), default=0.0)
    mixed = bool(sup and con)
    side = _named_side(candidates, scored, s) if mixed else None
    if side is Label.CONTRADICTED:
        label, score = Label.CONTRADICTED, best_c
    elif side is Label.SUPPORTED or (sup and (not con or sup[0][0] >= con[0][0])):
        label, score = Label.SUPPORTED, best_s
    elif con:
        label, score = Label.CONTRADICTED, best_c
    else:
        label, score = Label.NOT_FOUND, 1.0 - max(best_s, best_c)
    relevance = {c.key: c.relevance for c in candidates}

    def cited_first(side: list[tuple[float, int]]) -> tuple[int, ...]:
        return tuple(k for _, k in sorted(side, key=lambda x: -x[0] * relevance[x[1]]))

    supporting, contradicting = cited_first(sup), cited_first(con)
    lead = {Label.SUPPORTED: supporting, Label.CONTRADICTED: contradicting}.get(label, ())
    by_key = {c.key: c for c in candidates}
    on = basis(label, by_key[lead[0]] if lead else None, candidates, s)
    return Decision(
        label=label,
        confidence=calibrate(label, score, s, on),
        support_score=best_s,
        contradict_score=best_c,
        supporting=supporting,
        contradicting=contradicting,
        mixed=mixed,
        basis=on,
        score=score,
    )


def _named_side(candidates: list[Candidate], scored: list[tuple[int, float, float]],
                s: DecisionSettings) -> Label | None:
    """For mixed evidence, the side ``mixed_named_tiebreak`` gives the claim to, or None to let
    the scores decide. Each side is represented by its best candidate (the first of equals)."""
    if not s.mixed_named_tiebreak:
        return None
    i_s = max(range(len(scored)), key=lambda i: (scored[i][1], -i))
    i_c = max(range(len(scored)), key=lambda i: (scored[i][2], -i))
    cs, cc = candidates[i_s], candidates[i_c]
    # a check's conflict on a passage closer to the claim than the supporting one: the
    # passage that tells the claim's deed gives another name or figure ("The ceasefire
    # agreement was signed between Moscow and Baku" against "a ceasefire agreement between
    # Yerevan and Baku"), while the model entails it from a window that merely names Moscow
    if cc.conflicts and cc.relevance >= s.conflict_relevance and cc.relevance > cs.relevance:
        return Label.CONTRADICTED
    # a passage that tells the claim's deed denied (or the claim's denied deed done) beats one
    # that never tells the deed ("Russian peacekeepers intervened to shield Karabakh's
    # Armenians": "did not intervene" against "completed their withdrawal", which the model
    # reads as entailing it)
    if cc.denies_deed and cc.relevance >= s.conflict_relevance and not cs.tells_deed:
        return Label.CONTRADICTED
    if not cs.missing and cc.missing and not cc.conflicts:
        return Label.SUPPORTED
    if cs.missing and not cc.missing:
        return Label.CONTRADICTED
    # both miss something: a passage that gives the claim's figures or dates, all agreeing,
    # beats one that never mentions them ("Almost all of Karabakh's roughly 100,000 ethnic
    # Armenians fled" against "... around 100,000 ethnic Armenians left for Armenia", which
    # does not say "Karabakh", and the sentence on the 2,000 peacekeepers, which the model
    # called a contradiction)
    if cs.quantities_agree and cc.quantities_missing and not cc.conflicts:
        return Label.SUPPORTED
    # a passage that tells the claim's deed beats one that never does, where the model reads a
    # contradiction into the latter ("Russian peacekeepers left Karabakh": "completed their
    # withdrawal" against "had been stationed in Karabakh")
    if cs.tells_deed and not cc.tells_deed and not cc.conflicts:
        return Label.SUPPORTED
    return None


def combine(labels: list[Label]) -> Label:
    """Compound claims: CONTRADICTED if any part is, SUPPORTED if all are, else NOT_FOUND."""
    if any(lab is Label.CONTRADICTED for lab in labels):
        return Label.CONTRADICTED
    if labels and all(lab is Label.SUPPORTED for lab in labels):
        return Label.SUPPORTED
    return Label.NOT_FOUND
