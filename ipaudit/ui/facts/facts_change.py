"""What a facts page asks the editor to change."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FactsChange:
    """New values for ``Facts`` fields, and the text the Edit menu shows for undoing them."""

    text: str
    fields: dict[str, object]
