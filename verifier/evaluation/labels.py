"""Map the label names benchmark files use onto :class:`verifier.types.Label`."""

from __future__ import annotations

from verifier.types import Label

_ALIASES: dict[str, Label] = {}
for _names, _label in (
    (("SUPPORTS", "SUPPORT", "SUPPORTED", "TRUE", "ENTAILMENT"), Label.SUPPORTED),
    (
        ("REFUTES", "REFUTED", "REFUTE", "CONTRADICT", "CONTRADICTS", "CONTRADICTED", "FALSE",
         "CONTRADICTION"),
        Label.CONTRADICTED,
    ),
    (("NEI", "NOT ENOUGH INFO", "NOT_ENOUGH_INFO", "NOT ENOUGH EVIDENCE", "NEUTRAL",
      "NOT_FOUND", "NOT FOUND"),
     Label.NOT_FOUND),
):
    for _n in _names:
        _ALIASES[_n] = _label


def map_gold_label(value: str | Label) -> Label:
    """``"Supports"`` -> ``Label.SUPPORTED`` and so on, case-insensitive.

    >>> map_gold_label("not enough info")
    <Label.NOT_FOUND: 'NOT_FOUND'>

    Raises ``ValueError`` naming the value when it is not a known label name.
    """
    if isinstance(value, Label):
        return value
    key = " ".join(str(value).strip().upper().split())
    label = _ALIASES.get(key) or _ALIASES.get(key.replace("-", "_"))
    if label is None:
        known = ", ".join(sorted(_ALIASES))
        raise ValueError(f"unknown gold label {value!r}; expected one of: {known}")
    return label
