"""A tiny deterministic stand-in for ``Verifier``: the label comes from a hash of the claim.

Used by tests/test_batch*.py and by the subprocess helper ``cli_standin.py``; no models.
"""

from __future__ import annotations

import hashlib
import time

from verifier.types import Citation, Label, Stance, Verdict

LABELS = (Label.SUPPORTED, Label.CONTRADICTED, Label.NOT_FOUND)


class StandInVerifier:
    def __init__(self, delay: float = 0.0, fail_after_calls: int | None = None) -> None:
        self.delay = delay  # seconds per check_many call, to make interrupts land mid-run
        self.fail_after_calls = fail_after_calls  # simulate a crash on that call
        self.calls: list[list[str]] = []

    @property
    def versions(self) -> dict[str, str]:
        return {"standin": "1"}

    def check(self, claim: str) -> Verdict:
        return self.check_many([claim])[0]

    def check_many(self, claims: list[str], batch_size: int = 32) -> list[Verdict]:
        if self.fail_after_calls is not None and len(self.calls) >= self.fail_after_calls:
            raise RuntimeError("stand-in crash")
        self.calls.append(list(claims))
        if self.delay:
            time.sleep(self.delay)
        return [self._verdict(c) for c in claims]

    @staticmethod
    def _verdict(claim: str) -> Verdict:
        h = hashlib.sha256(claim.encode("utf-8")).digest()
        label = LABELS[h[0] % 3]
        conf = int.from_bytes(h[1:5], "big") / 2**32
        cites = ()
        if label is not Label.NOT_FOUND:
            stance = Stance.SUPPORTS if label is Label.SUPPORTED else Stance.CONTRADICTS
            cites = (Citation(doc_id=f"doc{h[5] % 7}", source=f"doc{h[5] % 7}.txt",
                              start=h[6], end=h[6] + 20, text=f"«{claim[:20]}», \"quoted\"",
                              stance=stance, score=round(conf, 6)),)
        return Verdict(claim=claim, label=label, confidence=conf, citations=cites,
                       explanation=f"stand-in: {label.value.lower()}, line1\nline2")
