"""Filter combo boxes never cut a name off mid-letter: the findings filters are as wide as their
longest name up to a cap and shorten a longer one with "…" (its tool tip says it whole); the
layout check finds a box whose text is cut off by the room it gets, not by its size hint."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from ipaudit.services import Workspace
from ipaudit.ui import i18n
from ipaudit.ui.findings.findings_panel import FindingsPanel
from ipaudit.ui.fit import narrow_combo
from ipaudit.ui.session import WorkspaceSession
from tools.screenshots import combo_clipped

LONG = "Management (general manager, management representative)"


@pytest.fixture
def panel(qtbot, demo_path: Path) -> Iterator[FindingsPanel]:
    i18n.set_language("en")
    session = WorkspaceSession(Workspace.open(demo_path))
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.assess_now()
    p = FindingsPanel(session)
    qtbot.addWidget(p)
    p.resize(1280, 300)  # 1920 px at 150 %
    p.show()
    qtbot.waitExposed(p)
    yield p
    session.close()
    i18n.reset()


def test_the_department_filter_shows_each_name_whole_or_shortened_with_its_tooltip(
    panel: FindingsPanel,
) -> None:
    combo = panel.department_filter
    metrics = combo.fontMetrics()
    names = [combo.itemText(i) for i in range(combo.count())]
    assert LONG in names
    for i, name in enumerate(names):
        combo.setCurrentIndex(i)
        assert not combo_clipped(combo), name
        assert combo.toolTip() == name
        if metrics.horizontalAdvance(name) <= combo.text_room():
            assert combo.shown_text() == name
        else:
            assert combo.shown_text().endswith("…")
    # as wide as the longest name that is not too long: "Marketing and sales" whole
    combo.setCurrentIndex(combo.findData("marketing"))
    assert combo.shown_text() == "Marketing and sales"
    # the longest is capped, not the box made as wide as it
    combo.setCurrentIndex(combo.findData("management"))
    assert combo.shown_text() != LONG and combo.shown_text().endswith("…")
    assert combo.width() < metrics.horizontalAdvance(LONG)
    assert not combo_clipped(panel.grade_filter)


def _squeezed(qtbot, combo: QComboBox, width: int) -> QWidget:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QHBoxLayout(holder)
    layout.addWidget(combo)
    combo.addItems(["All departments", "Marketing and sales"])
    combo.setCurrentIndex(1)
    holder.show()
    combo.setFixedWidth(width)
    qtbot.waitExposed(holder)
    return holder  # kept by the caller: the box lives as long as it


def test_the_check_finds_a_name_cut_off_that_the_size_hint_allowed(qtbot) -> None:
    # the findings filter as it was: eight characters at least, cut off beyond them
    old = QComboBox()
    old.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    old.setMinimumContentsLength(8)
    kept = [_squeezed(qtbot, old, old.minimumSizeHint().width())]
    assert old.width() >= old.minimumSizeHint().width() - 1  # the old check saw nothing
    assert combo_clipped(old)  # "Marketing an" as drawn
    # the same room, shortened with "…" and said whole in the tool tip: not cut off
    elided = narrow_combo(QComboBox(), 8)
    kept.append(_squeezed(qtbot, elided, old.minimumSizeHint().width()))
    assert elided.toolTip() == "Marketing and sales"
    assert not combo_clipped(elided)
