"""What closing and verifying a corrective action need, on copies of the demo workspace: the
services refuse an empty action with every missing field named, close-with-attachments writes
nothing when it refuses (and takes its files off again when storing fails), an open action with no
due date or owner is a finding, and the command line says all this with its exit codes and the
departments' names."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import openpyxl
import pytest

from ipaudit.cli import EXIT_INPUT, EXIT_OK
from ipaudit.domain import corrective_actions as ca
from ipaudit.domain.model import Grade, Status
from ipaudit.services import Workspace
from ipaudit.services import corrective_actions as actions
from ipaudit.store.errors import EditConflict, InvalidInput, SourceFileMissing
from tests.integration.cli_run import ok_json, run

FILLED = {
    "root_cause": "入职流程未把背景调查列为必经步骤。",
    "action": "修订入职审批单，增加背景调查栏；培训招聘专员。",
    "owner": "何静",
}
ITEM = "ipo.corrective_actions"


@pytest.fixture
def ws(demo_path: Path) -> Workspace:
    w = Workspace.open(demo_path)
    yield w
    w.close()


def proof(tmp_path: Path, name: str = "纠正措施处理单.txt", text: str = "已修订入职流程。") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def previous_open(ws: Workspace) -> list[str]:
    return [
        f.message.en
        for f in ws.findings()
        if f.code == "prerequisite_missing" and "open_nonconformities" in f.refs
    ]


def external(ws: Workspace, **fields: object) -> ca.CorrectiveAction:
    """The previous surveillance audit's nonconformity, as the certification body wrote it."""
    last = ws.info().last_audit
    assert last is not None
    return actions.add(
        ws,
        source=ca.NcSource.CERTIFICATION,
        finding="抽查 2 名研发人员，未见入职背景调查记录。",
        department="hr_admin",
        raised=last,
        **fields,
    )


# --- services --------------------------------------------------------------------------------------


def test_an_empty_action_is_not_closed_and_the_prerequisite_stays(ws: Workspace) -> None:
    assert previous_open(ws) == []
    a = external(ws)
    assert len(previous_open(ws)) == 1
    with pytest.raises(InvalidInput) as caught:
        actions.close(ws, a.key)
    for zh, en in (("原因分析", "root cause"), ("责任人", "owner"), ("完成证据", "evidence")):
        assert zh in caught.value.zh and en in caught.value.en
    assert actions.get(ws, a.key).status is ca.ActionStatus.OPEN
    with pytest.raises(InvalidInput):
        actions.verify(ws, a.key, by="x", result="ok")
    # set done by an edit: the same rule
    with pytest.raises(InvalidInput, match="root cause"):
        actions.edit(ws, a.key, status=ca.ActionStatus.DONE)
    assert len(previous_open(ws)) == 1


def test_filled_in_with_evidence_it_closes_and_verifies(ws: Workspace, tmp_path: Path) -> None:
    a = external(ws, **FILLED)
    done = actions.close(ws, a.key, ws.info().last_audit, attach=[proof(tmp_path)])
    assert done.status is ca.ActionStatus.DONE and len(done.evidence_ids) == 1
    ev = ws.evidence_by_id(done.evidence_ids[0])
    assert ev.item_key == ITEM and ev.original_name == "纠正措施处理单.txt"
    with pytest.raises(InvalidInput) as caught:
        actions.verify(ws, a.key, by="李审", result="  ")
    assert "验证结果" in caught.value.zh
    actions.verify(ws, a.key, by="李审", result="抽查 3 名新员工均有调查记录")
    assert previous_open(ws) == []


def test_a_refused_close_attaches_nothing(ws: Workspace, tmp_path: Path) -> None:
    a = external(ws, **FILLED)
    before = len(ws.evidence(ITEM))
    with pytest.raises(InvalidInput, match="before it was found"):
        actions.close(ws, a.key, dt.date(2020, 1, 1), attach=[proof(tmp_path)])
    with pytest.raises(SourceFileMissing):  # the second file is not there: nothing attached
        actions.close(ws, a.key, attach=[proof(tmp_path), tmp_path / "nowhere.pdf"])
    empty = external(ws)
    with pytest.raises(InvalidInput, match="root cause"):
        actions.close(ws, empty.key, attach=[proof(tmp_path)])
    assert len(ws.evidence(ITEM)) == before
    assert actions.get(ws, a.key).evidence_ids == () and actions.get(ws, a.key).completed is None


def test_a_close_failing_midway_takes_its_files_off_again(ws: Workspace, tmp_path: Path) -> None:
    a = external(ws, **FILLED)
    before = {e.id for e in ws.evidence(ITEM)}
    first = proof(tmp_path, "处理单.txt", "同一份内容")
    same = proof(tmp_path, "处理单-副本.txt", "同一份内容")  # refused by attach: the same contents
    with pytest.raises(InvalidInput):
        actions.close(ws, a.key, attach=[first, same])
    assert {e.id for e in ws.evidence(ITEM)} == before
    assert actions.get(ws, a.key).status is ca.ActionStatus.OPEN
    # the editor's copy was saved meanwhile elsewhere: conflict, and the file goes again
    stale = actions.get(ws, a.key)
    actions.edit(ws, a.key, correction="补做调查")
    with pytest.raises(EditConflict):
        actions.close(ws, a.key, edited=stale, attach=[first])
    assert {e.id for e in ws.evidence(ITEM)} == before
    assert actions.get(ws, a.key).status is ca.ActionStatus.OPEN


def test_a_verified_record_with_nothing_written_does_not_close_the_prerequisite(
    ws: Workspace, tmp_path: Path
) -> None:
    last = ws.info().last_audit
    assert last is not None
    hollow = ca.CorrectiveAction(
        "CA-099",
        ca.NcSource.CERTIFICATION,
        "外审：未见检索报告",
        raised=last,
        completed=last,
        status=ca.ActionStatus.VERIFIED,
        verification=ca.Verification(last, "x", "ok"),
    )
    ws.records.put(actions.KIND, hollow.key, ca.action_json(hollow))  # stored before the rule
    found = previous_open(ws)
    assert len(found) == 1 and "1 " in found[0]
    hollows = [f for f in ws.findings() if f.code == ca.HOLLOW]
    assert [(f.refs, f.grade) for f in hollows] == [((hollow.key,), Grade.MINOR)]
    assert "root cause" in hollows[0].message.en
    # still editable for what it lacked already; set back to in progress, filled in, done again
    assert actions.edit(ws, hollow.key, clause="8.3.2").clause == "8.3.2"
    actions.edit(ws, hollow.key, status=ca.ActionStatus.IN_PROGRESS, **FILLED)
    actions.close(ws, hollow.key, last + dt.timedelta(days=20), attach=[proof(tmp_path)])
    actions.verify(ws, hollow.key, by="李审", result="已核查", on=last + dt.timedelta(days=30))
    assert previous_open(ws) == []
    assert [f for f in ws.findings() if f.code == ca.HOLLOW] == []


def _report(path: Path) -> Path:
    wb = openpyxl.Workbook()
    sh = wb.active
    sh.append(["序号", "受审核部门", "不符合事实描述", "标准条款", "不符合性质"])
    sh.append([1, "研发部", "抽查项目无设计阶段检索记录", "8.3.2", "一般"])
    sh.append([2, "行政人事部", "两份劳动合同未约定知识产权归属", "7.1", "一般"])
    wb.save(path)
    return path


def test_an_open_action_without_due_date_or_owner_is_a_finding(
    ws: Workspace, tmp_path: Path
) -> None:
    def unplanned() -> dict[str, tuple[Grade, str]]:
        return {f.refs[0]: (f.grade, f.message.en) for f in ws.findings() if f.code == ca.UNPLANNED}

    assert unplanned() == {}  # the demo's actions all have an owner and a due date
    made = actions.import_report(ws, _report(tmp_path / "外审报告.xlsx")).created
    found = unplanned()
    assert set(found) == {a.key for a in made}
    grade, text = found[made[0].key]
    assert grade is Grade.MINOR and "no due date and no owner" in text
    internal = actions.add(ws, finding="内审：签到表缺日期", owner="冯婷")
    grade, text = unplanned()[internal.key]
    assert grade is Grade.OBSERVATION and "no due date" in text and "no owner" not in text
    actions.edit(ws, made[0].key, owner="研发 刘洋", due=dt.date.today() + dt.timedelta(days=30))
    assert made[0].key not in unplanned()


def not_started_item(ws: Workspace, status: Status = Status.NOT_STARTED) -> str:
    """An item of the demo with no file whose status is ``status`` (set so when none is)."""
    states = ws.states()
    bare = [
        it.key
        for its in ws.items_by_department().values()
        for it in its
        if not ws.evidence(it.key) and it.key != ITEM
    ]
    for key in bare:
        if key in states and states[key].status is status:
            return key
    ws.set_status(bare[0], status)
    return bare[0]


@pytest.mark.parametrize("status", [Status.NOT_STARTED, Status.NEEDS_REFRESH])
def test_a_close_failing_midway_leaves_the_items_status_as_it_was(
    ws: Workspace, tmp_path: Path, status: Status
) -> None:
    item = not_started_item(ws, status)
    a = external(ws, **FILLED, item_keys=(item,))
    before = ws.state(item)
    assert before.status is status
    first = proof(tmp_path, "处理单.txt", "同一份内容")
    same = proof(tmp_path, "处理单-副本.txt", "同一份内容")
    with pytest.raises(InvalidInput):  # the second file is refused after the first was attached
        actions.close(ws, a.key, attach=[first, same])
    after = ws.state(item)
    assert ws.evidence(item) == []
    assert (after.status, after.answers, after.notes) == (status, before.answers, before.notes)
    # the editor's copy was saved meanwhile elsewhere: the file was attached, then the conflict
    stale = actions.get(ws, a.key)
    actions.edit(ws, a.key, correction="补做调查")
    with pytest.raises(EditConflict):
        actions.close(ws, a.key, edited=stale, attach=[first])
    assert ws.evidence(item) == [] and ws.state(item).status is status
    # and a close that succeeds starts the item, as attaching does
    done = actions.close(ws, a.key, attach=[first])
    assert done.status is ca.ActionStatus.DONE
    assert ws.state(item).status is Status.IN_PROGRESS and len(ws.evidence(item)) == 1


def test_a_status_set_while_closing_is_not_undone(ws: Workspace, tmp_path: Path) -> None:
    """Only the status attaching gave is taken back: an item already in progress or ready keeps
    its own status when the close fails."""
    item = not_started_item(ws)
    ws.set_status(item, Status.READY, force=True)
    a = external(ws, **FILLED, item_keys=(item,))
    first = proof(tmp_path, "处理单.txt", "同一份内容")
    same = proof(tmp_path, "处理单-副本.txt", "同一份内容")
    with pytest.raises(InvalidInput):
        actions.close(ws, a.key, attach=[first, same])
    assert ws.state(item).status is Status.READY and ws.evidence(item) == []


# --- command line --------------------------------------------------------------------------------


def test_cli_refuses_an_empty_close_and_verify_and_attaches_nothing(
    capsys, demo_path: Path, tmp_path: Path
) -> None:
    last = Workspace.open(demo_path)
    with last:
        day = last.info().last_audit
        before = len(last.evidence(ITEM))
    added = ok_json(
        capsys,
        "action-add",
        demo_path,
        "--finding",
        "未见背景调查记录",
        "--source",
        "外审",
        "--department",
        "hr_admin",
        "--raised",
        day,
    )
    key = added["key"]
    form = proof(tmp_path)
    code, out, err = run(capsys, "action-close", demo_path, key, "--attach", form)
    assert code == EXIT_INPUT and "原因分析" in err and "责任人" in err and "完成证据" in err
    code, _, err = run(capsys, "action-verify", demo_path, key, "--by", "x", "--result", "ok")
    assert code == EXIT_INPUT
    ok_json(capsys, "action-edit", demo_path, key, "--root-cause", "流程缺步骤", "--action",
            "修订流程", "--owner", "何静")  # fmt: skip
    code, _, err = run(
        capsys, "action-close", demo_path, key, "--date", "2020-01-01", "--attach", form
    )
    assert code == EXIT_INPUT and "早于发现日期" in err
    with Workspace.open(demo_path) as w:
        assert len(w.evidence(ITEM)) == before
        assert actions.get(w, key).evidence_ids == ()
    code, out, err = run(capsys, "action-close", demo_path, key, "--attach", form)
    assert code == EXIT_OK, err
    assert "行政人事部" in out and "hr_admin" not in out
    code, _, err = run(capsys, "action-verify", demo_path, key, "--by", "李审", "--result", " ")
    assert code == EXIT_INPUT and "验证结果" in err
    code, out, err = run(
        capsys, "action-verify", demo_path, key, "--by", "李审", "--result", "已抽查"
    )
    assert code == EXIT_OK, err
    assert "已验证关闭" in out and "行政人事部" in out and "hr_admin" not in out


def test_cli_import_shows_department_names_in_the_ui_language(
    capsys, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _report(tmp_path / "外审报告.xlsx")
    code, out, err = run(capsys, "actions-import", demo_path, path)
    assert code == EXIT_OK, err
    assert "研发部" in out and "行政人事部" in out
    assert "rnd" not in out and "hr_admin" not in out
    monkeypatch.setenv("IPAUDIT_LANG", "en")
    code, out, err = run(capsys, "actions", demo_path, "--open")
    assert code == EXIT_OK, err
    assert "HR and administration" in out and "hr_admin" not in out
    assert os.environ["IPAUDIT_LANG"] == "en"


def test_a_report_imported_again_over_an_action_closed_before_the_rule(
    ws: Workspace, tmp_path: Path
) -> None:
    path = _report(tmp_path / "外审报告.xlsx")
    made = actions.import_report(ws, path).created
    first = made[0]
    assert first.raised is not None
    hollow = ca.CorrectiveAction(
        first.key,
        first.source,
        first.finding,
        clause=first.clause,
        department=first.department,
        raised=first.raised,
        origin=first.origin,
        completed=first.raised,
        status=ca.ActionStatus.VERIFIED,
        verification=ca.Verification(first.raised, "x", "ok"),
    )
    ws.records.put(actions.KIND, first.key, ca.action_json(hollow), base_version=first.version)
    again = actions.import_report(ws, path)  # not refused for what the record lacked already
    assert len(again.changed) + len(again.unchanged) == 2
    assert actions.get(ws, first.key).status is ca.ActionStatus.VERIFIED


def test_cli_a_failed_close_leaves_the_item_not_started(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    with Workspace.open(demo_path) as w:
        item = not_started_item(w)
    added = ok_json(capsys, "action-add", demo_path, "--finding", "培训记录缺签到表",
                    "--department", "hr_admin", "--item", item, "--root-cause", "未规定",
                    "--action", "修订程序", "--owner", "冯婷")  # fmt: skip
    first = proof(tmp_path, "a.txt", "整改记录")
    same = proof(tmp_path, "b.txt", "整改记录")
    code, _, err = run(
        capsys, "action-close", demo_path, added["key"], "--attach", first, "--attach", same
    )
    assert code == EXIT_INPUT and "b.txt" in err
    with Workspace.open(demo_path) as w:
        assert w.state(item).status is Status.NOT_STARTED and w.evidence(item) == []
        assert actions.get(w, added["key"]).status is ca.ActionStatus.OPEN
