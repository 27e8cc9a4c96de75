"""The evidence tree model: current files with their older versions beneath them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from ipaudit.domain.model import Evidence
from ipaudit.ui.checklist.evidence_model import (
    COL_DATE,
    COL_PERIOD,
    COL_SHA256,
    COL_SIZE,
    COL_SLOT,
    COL_TITLE,
    CurrentRole,
    EvidenceIdRole,
    EvidenceModel,
    Sha256Role,
    build_rows,
)


def ev(id_: int, *, supersedes: int | None = None, current: bool = True, **kw) -> Evidence:
    base = dict(
        item_key="hr.training",
        slot="",
        sha256=f"{id_:064x}",
        size=1536 * id_,
        original_name=f"file{id_}.pdf",
        title=f"文件{id_}",
        department="hr_admin",
    )
    base.update(kw)
    return Evidence(id=id_, supersedes=supersedes, current=current, **base)


def test_versions_hang_under_the_current_file(qtmodeltester):
    rows = build_rows(
        [
            ev(1, current=False),
            ev(2, supersedes=1, current=False),
            ev(3, supersedes=2),
            ev(4, doc_date=dt.date(2025, 3, 1)),
        ]
    )
    assert [r.evidence.id for r in rows] == [3, 4]
    assert [e.id for e in rows[0].older] == [2, 1]
    model = EvidenceModel()
    model.set_rows(rows, lambda slot: f"<{slot}>")
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    top = model.index(0, 0)
    assert model.rowCount(top) == 2
    old = model.index(0, COL_TITLE, top)
    assert old.data(EvidenceIdRole) == 2 and old.data(CurrentRole) is False
    assert old.data(Qt.ItemDataRole.FontRole).italic()
    assert model.index_of(1) == model.index(1, 0, top)
    assert model.evidence_at(model.index_of(1)).id == 1
    assert model.index(1, COL_DATE).data() == "2025-03-01"
    assert model.index(0, COL_SHA256).data() == f"{3:064x}"[:12]
    assert model.index(0, COL_SHA256).data(Sha256Role) == f"{3:064x}"
    assert model.index(0, COL_SIZE).data()  # human readable
    assert model.headerData(COL_SHA256, Qt.Orientation.Horizontal) == "SHA-256"


def test_slots_and_periods_are_shown(qtmodeltester):
    rows = build_rows(
        [
            ev(
                1,
                slot="1/plan",
                period_start=dt.date(2024, 1, 1),
                period_end=dt.date(2024, 12, 31),
            ),
            ev(2, slot="year:2025"),
        ]
    )
    model = EvidenceModel()
    model.set_rows(rows, lambda slot: {"1/plan": "项目 1 · 计划"}.get(slot, slot))
    qtmodeltester.check(model)
    assert model.index(0, COL_SLOT).data() == "项目 1 · 计划"
    assert model.index(0, COL_PERIOD).data() == "2024-01-01 – 2024-12-31"
    model.set_rows([])
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_evidence_of_a_real_item_passes_the_model_tester(qtbot, session, qtmodeltester):
    from ipaudit.ui.checklist.item_panel import ItemPanel

    panel = ItemPanel(session)
    qtbot.addWidget(panel)
    panel.show_item("rnd.projects")
    model = panel.evidence_list.model
    qtmodeltester.check(model)
    assert model.rowCount() == len(session.workspace.evidence("rnd.projects"))
