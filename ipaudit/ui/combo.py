"""Refilling a combo box (a filter whose entries follow the data, or are translated again) so the
user's choice stays chosen and nothing reacts to the refill itself."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox


def refill(combo: QComboBox, entries: Iterable[tuple[str, object]], keep: object = None) -> None:
    """``combo`` with the ``(text, data)`` entries instead of its own; the entry whose data is
    ``keep`` (by default the one chosen before) is chosen, else the first. No signal is sent."""
    wanted = combo.currentData() if keep is None else keep
    combo.blockSignals(True)
    combo.clear()
    for text, data in entries:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(wanted), 0))
    combo.blockSignals(False)
