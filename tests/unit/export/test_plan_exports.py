"""The audit-day plan on a real workspace: stored as records with concurrent edits refused, its
conflicts as findings, and its docx, xlsx and .ics written and read back; the readiness pack
carries it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import icalendar
import openpyxl
import pytest
from docx import Document

from ipaudit.domain.audit_plan import Role, SessionKind
from ipaudit.services import Workspace, audit_plan, calendar, exports
from ipaudit.store.errors import EditConflict, InvalidInput
from tests.factories import INFO
from tests.plan_people import declare_people


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.create(tmp_path / "plan.ipaudit", INFO)
    declare_people(workspace)  # every interviewee named: a clean plan
    audit_plan.generate(workspace)
    yield workspace
    workspace.close()


def _clash(ws: Workspace) -> None:
    """Move R&D's interview into the IP team's room at the same time."""
    ip = audit_plan.need_plan(ws).plan.session("interview_ip_office")
    assert ip is not None
    audit_plan.edit_session(
        ws,
        "interview_rnd",
        lambda s: replace(s, day=ip.day, start=ip.start, end=ip.end, room=ip.room),
    )


def test_generated_plan_is_stored_and_free_of_conflicts(ws: Workspace) -> None:
    stored = audit_plan.need_plan(ws)
    assert {s.kind for s in stored.plan.sessions} >= {SessionKind.OPENING, SessionKind.CLOSING}
    assert audit_plan.conflicts(ws) == []
    assert not [f for f in ws.findings() if f.code == audit_plan.FINDING_CODE]
    with pytest.raises(InvalidInput):
        audit_plan.generate(ws)  # never replaced without asking
    again = Workspace.open(ws.path)
    try:
        assert audit_plan.need_plan(again).plan == stored.plan
    finally:
        again.close()


def test_a_conflict_is_a_finding_until_it_is_resolved(ws: Workspace) -> None:
    _clash(ws)
    kinds = {c.kind.value for c in audit_plan.conflicts(ws)}
    assert kinds == {"room_twice"}
    found = [f for f in ws.findings() if f.code == audit_plan.FINDING_CODE]
    assert len(found) == 1 and found[0].blocking
    assert "研发部" in found[0].message.zh and found[0].item_key == "mgmt.site_tour"
    audit_plan.edit_session(ws, "interview_rnd", lambda s: replace(s, room="room_2"))
    assert not [f for f in ws.findings() if f.code == audit_plan.FINDING_CODE]


def test_an_edit_based_on_an_old_version_is_refused(ws: Workspace) -> None:
    stored = audit_plan.need_plan(ws)
    other = Workspace.open(ws.path)
    try:
        audit_plan.edit_session(other, "tour", lambda s: replace(s, title="参观生产线"))
    finally:
        other.close()
    tour = stored.plan.session("tour")
    assert tour is not None
    with pytest.raises(EditConflict):
        audit_plan.save_session(
            ws, replace(tour, end=dt.time(11, 0)), base_version=stored.session_version("tour")
        )
    # a different session is not in the way
    audit_plan.save_session(
        ws,
        replace(stored.plan.session("opening"), end=dt.time(9, 40)),  # type: ignore[arg-type]
        base_version=stored.session_version("opening"),
    )
    assert audit_plan.need_plan(ws).plan.session("tour").title == "参观生产线"  # type: ignore[union-attr]


def test_people_rooms_and_escorts(ws: Workspace) -> None:
    audit_plan.rename_person(ws, "auditor_1", "王审核")
    audit_plan.rename_room(ws, "room_1", "大会议室")
    audit_plan.set_escort(ws, "auditor_1", "")
    kinds = {c.kind.value for c in audit_plan.conflicts(ws)}
    assert kinds == {"auditor_no_escort", "escort_unassigned"}
    audit_plan.set_escort(ws, "auditor_1", "escort_1")
    assert audit_plan.conflicts(ws) == []
    extra = audit_plan.add_person(ws, Role.ESCORT, "赵六")
    assert {c.kind.value for c in audit_plan.conflicts(ws)} == {"escort_unassigned"}
    audit_plan.remove_person(ws, extra.key)
    audit_plan.remove_room(ws, "room_2")
    no_room = {c.sessions[0] for c in audit_plan.conflicts(ws) if c.kind.value == "no_room"}
    assert no_room and all(k.startswith(("interview_", "documents_")) for k in no_room)
    plan = audit_plan.need_plan(ws).plan
    assert plan.setup.person("auditor_1").name == "王审核"  # type: ignore[union-attr]
    with pytest.raises(InvalidInput):
        audit_plan.edit_session(ws, "tour", lambda s: replace(s, auditors=("nobody",)))


def test_docx_xlsx_and_ics_read_back(ws: Workspace, tmp_path: Path) -> None:
    _clash(ws)
    audit_plan.rename_person(ws, "auditor_1", "王审核")
    files = audit_plan.export_plan(
        ws, docx=tmp_path / "p.docx", xlsx=tmp_path / "p.xlsx", ics=tmp_path / "p.ics"
    )
    plan = audit_plan.need_plan(ws).plan

    doc = Document(str(files.docx))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "审核日程安排" in text and "日程冲突" in text and "同时安排了" in text
    assert "部门访谈：研发部" in cells and "王审核" in cells and "会议室1" in cells
    assert doc.sections[0].page_width > doc.sections[0].page_height  # landscape
    day_tables = len(plan.days())
    assert len(doc.tables) == day_tables + 1  # a schedule per day, then the people

    wb = openpyxl.load_workbook(files.xlsx)
    sheet = wb.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("日期", "开始", "结束", "会议室", "日程")
    assert len(rows) == len(plan.sessions) + 1
    assert sheet.auto_filter.ref == f"A1:K{len(plan.sessions) + 1}"
    clash = [r for r in rows[1:] if r[10] == "是"]
    assert {r[4] for r in clash} == {
        "部门访谈：研发部",
        "部门访谈：知识产权管理机构（知识产权小组）",
    }
    width_e = sheet.column_dimensions["E"].width
    longest = max(len(str(r[4])) for r in rows[1:])
    assert width_e >= 2 * longest  # CJK text counts two columns

    cal = icalendar.Calendar.from_ical(files.ics.read_bytes())  # type: ignore[union-attr]
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(plan.sessions)
    opening = next(e for e in events if "首次会议" in str(e["summary"]))
    start = opening.decoded("dtstart")
    assert start == dt.datetime(2026, 3, 2, 9, 0, tzinfo=start.tzinfo)
    assert str(start.tzinfo) == "Asia/Shanghai"
    assert opening["dtstart"].params["TZID"] == "Asia/Shanghai"
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    assert str(opening["location"]) == "会议室1"


def test_english_export_and_same_bytes_twice(ws: Workspace, tmp_path: Path) -> None:
    one = audit_plan.export_plan(ws, docx=tmp_path / "a.docx", xlsx=tmp_path / "a.xlsx", lang="en")
    two = audit_plan.export_plan(ws, docx=tmp_path / "b.docx", xlsx=tmp_path / "b.xlsx", lang="en")
    assert one.docx.read_bytes() == two.docx.read_bytes()  # type: ignore[union-attr]
    assert one.xlsx.read_bytes() == two.xlsx.read_bytes()  # type: ignore[union-attr]
    cells = "\n".join(
        c.text for t in Document(str(one.docx)).tables for row in t.rows for c in row.cells
    )
    assert "Opening meeting" in cells and "Department interview: R&D" in cells
    assert "首次会议" not in cells


def test_workspace_calendar_holds_the_plan(ws: Workspace, tmp_path: Path) -> None:
    path, count = calendar.write_calendar(ws, tmp_path / "all.ics")
    plan = audit_plan.need_plan(ws).plan
    assert count >= len(plan.sessions)
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    uids = {str(e["uid"]) for e in cal.walk("VEVENT")}
    assert all(any(u.startswith(f"plan-{s.key}-") for u in uids) for s in plan.sessions)


def test_the_pack_carries_the_plan_and_verifies(ws: Workspace, tmp_path: Path) -> None:
    result = exports.export_pack(ws, tmp_path / "pack")
    paths = {r.path for r in result.manifest}
    assert {"审核日程安排.docx", "审核日程安排.xlsx"} <= paths
    doc = Document(str(tmp_path / "pack" / "审核日程安排.docx"))
    assert any("首次会议" in c.text for t in doc.tables for row in t.rows for c in row.cells)
    readme = (tmp_path / "pack" / "说明.txt").read_text("utf-8-sig")
    assert "审核日程安排.docx  — 审核当天日程安排" in readme
    assert "审核日程安排.xlsx  — 审核当天日程安排，每项日程一行" in readme
    check = exports.verify_pack(tmp_path / "pack")
    assert check.checked == len(result.manifest) and not (check.modified or check.missing)


def test_no_plan_no_pack_documents(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "empty.ipaudit", INFO)
    try:
        assert audit_plan.pack_documents(ws) == []
        assert audit_plan.findings(ws) == []
        result = exports.export_pack(ws, tmp_path / "pack")
        assert not any("日程" in r.path for r in result.manifest)
    finally:
        ws.close()
