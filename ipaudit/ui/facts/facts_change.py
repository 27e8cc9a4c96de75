"""What a facts page asks the editor to change."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FactsChange:
    """New values for ``Facts`` fields, and the text the Edit menu shows for undoing them.
    Changes with the same non-empty ``merge`` key in a row are one undo step (one typing
    session in one field, see ``FieldBinding.session``)."""

    text: str
    fields: dict[str, object]
    merge: str = ""
