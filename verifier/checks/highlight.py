"""Where in the claim the conflicting words are (for highlighting in the terminal)."""

from __future__ import annotations

import re

from verifier.types import Finding


def mismatch_spans(claim: str, findings: list[Finding]) -> list[tuple[int, int]]:
    """Character spans of the claim words that a check found in conflict."""
    spans = []
    for f in findings:
        if f.status != "conflict" or not f.claim_span:
            continue
        m = re.search(re.escape(f.claim_span), claim, flags=re.IGNORECASE)
        if m is None and len(f.claim_span) > 3:
            m = re.search(re.escape(f.claim_span[:4]) + r"\w*", claim, flags=re.IGNORECASE)
        if m:
            spans.append((m.start(), m.end()))
    return sorted(set(spans))
