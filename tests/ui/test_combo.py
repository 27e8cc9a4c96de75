"""Refilling a filter combo keeps the user's choice and sends no signal."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from ipaudit.ui.combo import refill


def test_refill_keeps_the_choice_and_is_silent(qtbot) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    refill(combo, [("All", ""), ("R&D", "rnd"), ("Finance", "finance")])
    assert combo.currentData() == ""  # nothing chosen before: the first
    combo.setCurrentIndex(2)
    changes: list[int] = []
    combo.currentIndexChanged.connect(changes.append)
    refill(combo, [("全部", ""), ("财务部", "finance"), ("研发部", "rnd")])
    assert (combo.currentData(), combo.currentText()) == ("finance", "财务部")
    refill(combo, [("全部", ""), ("研发部", "rnd")])  # the chosen one is gone: the first
    assert combo.currentData() == ""
    refill(combo, [("全部", ""), ("研发部", "rnd")], keep="rnd")
    assert combo.currentData() == "rnd"
    assert changes == []
