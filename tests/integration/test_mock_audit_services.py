"""The mock audit and corrective actions on the demo workspace through the services: samples
drawn from what it holds, results stored, the reports written and read back, overdue actions and
the previous audit's nonconformities as findings, the certification body's report imported."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from ipaudit.domain import corrective_actions as ca
from ipaudit.domain.mock_audit import Result
from ipaudit.domain.model import Grade
from ipaudit.services import Workspace
from ipaudit.services import corrective_actions as actions
from ipaudit.services import mock_audit as mock
from ipaudit.store.errors import EditConflict, InvalidInput
from tests.libreoffice import resave


@pytest.fixture
def ws(demo_path: Path) -> Iterator[Workspace]:
    with Workspace.open(demo_path) as w:
        yield w


#: what a user writes into an action before closing it
FILLED = {
    "root_cause": "程序未写明由谁负责，经办人不了解要求。",
    "correction": "补做缺失的记录并归档。",
    "action": "修订程序文件，写明责任人；对经办人培训。",
    "owner": "冯婷",
}


def proof(tmp_path: Path, name: str = "整改记录.docx") -> Path:
    """A file of evidence of completion, as a user would attach it."""
    doc = Document()
    doc.add_paragraph(f"纠正措施处理单（{name}）：已修订程序文件并培训经办人。")
    path = tmp_path / name
    doc.save(str(path))
    return path


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts).replace("\u2011", "-")


def test_samples_come_from_what_the_workspace_holds(ws: Workspace) -> None:
    audit = mock.draw_audit(ws, seed=2026, auditors=("张审",))
    by = {}
    for s in audit.samples:
        by.setdefault(s.stratum, []).append(s)
    names = set(ws.state("hr.trainings").instance_names)
    assert len(by["trainings"]) == 3
    assert {s.label.zh.split("：")[1] for s in by["trainings"]} <= names
    assert all(s.evidence_ids for s in by["trainings"])  # the files to look at
    contracts = {e.id for e in ws.evidence("hr.labour_contracts")}
    assert {s.evidence_ids[0] for s in by["labour_contracts"]} == contracts  # the demo has two
    assert len(by["ledger_rows"]) == 5 and all(
        s.ref.startswith("ledger:") for s in by["ledger_rows"]
    )
    assert len(by["rnd_projects"]) == 1
    assert by["rnd_projects"][0].label.zh.split("：")[1] in ws.state("rnd.projects").instance_names
    headcount = ws.facts().headcount
    assert len(by["awareness"]) == 5
    assert all(s.awareness and s.department in headcount for s in by["awareness"])
    short = {s.key: have for s, have in mock.shortfalls(ws, audit)}
    assert short["labour_contracts"] == 2  # the plan asks three, the demo holds two
    assert not {"trainings", "ledger_rows", "rnd_projects", "awareness"} & set(short)
    # stored, and the same seed over the same workspace draws the same samples
    assert mock.get(ws, audit.key).samples == audit.samples
    again = mock.draw_audit(ws, seed=2026)
    assert again.key != audit.key and again.samples == audit.samples
    assert mock.draw_audit(ws, seed=2027).samples != audit.samples


def test_results_are_kept_and_a_stale_edit_is_a_conflict(ws: Workspace) -> None:
    audit = mock.draw_audit(ws, seed=5)
    first = audit.samples[0]
    stored = mock.record(ws, audit, first.key, Result.MINOR, note="缺签字", evidence_seen="签到表")
    with pytest.raises(EditConflict):  # made from the version before
        mock.record(ws, audit, first.key, Result.CONFORM)
    got = mock.get(ws, mock.LATEST).sample(first.key)
    assert got is not None and got.result is Result.MINOR and got.note == "缺签字"
    with pytest.raises(InvalidInput):
        mock.redraw(ws, stored, 6)  # results would lose their samples
    person = next(s for s in stored.samples if s.awareness)
    stored = mock.record_awareness(
        ws, stored, person.key, policy_ok=False, role_ok=True, person="王五"
    )
    assert stored.sample(person.key).result is Result.MINOR
    with pytest.raises(InvalidInput):
        mock.record_awareness(ws, stored, first.key, policy_ok=True, role_ok=True)
    with pytest.raises(InvalidInput):
        mock.record(ws, stored, "S99", Result.CONFORM)


def test_reports_are_written_and_read_back(ws: Workspace, tmp_path: Path) -> None:
    audit = mock.draw_audit(ws, seed=11, auditors=("张审", "李审"))
    record = next(s for s in audit.samples if s.stratum == "labour_contracts")
    person = next(s for s in audit.samples if s.awareness)
    audit = mock.record(ws, audit, record.key, Result.MAJOR, note="合同无知识产权条款")
    audit = mock.record_awareness(
        ws, audit, person.key, policy_ok=False, role_ok=False, person="赵六"
    )
    audit = mock.record(ws, audit, audit.samples[0].key, Result.CONFORM)
    made = actions.raise_from_mock_audit(ws, audit)
    assert [a.origin for a in made] == [f"{audit.key}/{record.key}", f"{audit.key}/{person.key}"]
    assert actions.raise_from_mock_audit(ws, audit) == []  # once per nonconformity
    actions.edit(
        ws, made[0].key, root_cause="合同模板为旧版", action="修订劳动合同模板", owner="人事 王芳"
    )
    files = mock.write_reports(ws, audit, tmp_path / "out")
    assert [f.name for f in files] == [
        f"内审报告-{audit.key}.docx",
        f"不符合项报告-NCR-{audit.key}-{record.key}.docx",
        f"不符合项报告-NCR-{audit.key}-{person.key}.docx",
    ]
    report = docx_text(files[0])
    info = ws.info()
    for expected in (
        "内部审核报告",
        info.company,
        "GB/T 29490-2023",
        "张审、李审",
        audit.date.isoformat(),
        record.label.zh,
        "× 严重不符合",
        "√ 符合",
        "赵六",
        "严重不符合",  # the conclusion names the major nonconformity
        str(audit.seed),
        made[0].key,
    ):
        assert expected in report, expected
    assert ws.facts().policy in report
    nc = docx_text(files[1])
    for expected in (
        "不符合项报告",
        "合同无知识产权条款",
        "7.1",
        "☑ 严重不符合",
        "合同模板为旧版",
        "修订劳动合同模板",
        "人事 王芳",
        "审核员（签字）",
        "受审核方确认（签字）",
        "行政人事部",
    ):
        assert expected in nc, expected
    awareness = docx_text(files[2])
    assert "赵六" in awareness and "知识产权方针" in awareness
    en = mock.write_reports(ws, audit, tmp_path / "en", lang="en")
    assert en[0].name == f"internal-audit-report-{audit.key}.docx"
    assert "Internal audit report" in docx_text(en[0])


def test_overdue_actions_are_findings_graded_by_source(ws: Workspace, tmp_path: Path) -> None:
    today = dt.date.today()
    internal = actions.add(
        ws,
        finding="培训记录缺签到表",
        department="hr_admin",
        raised=today - dt.timedelta(days=60),
        due=today - dt.timedelta(days=40),
    )
    external = actions.add(
        ws,
        source=ca.NcSource.CERTIFICATION,
        finding="外审：合同缺条款",
        raised=today - dt.timedelta(days=30),
        due=today - dt.timedelta(days=2),
        item_keys=("hr.labour_contracts",),
    )
    found = {f.refs[0]: f for f in ws.findings() if f.code == ca.OVERDUE}
    assert found[internal.key].grade is Grade.MINOR  # 40 days late
    assert found[external.key].grade is Grade.MINOR
    assert found[external.key].item_key == "hr.labour_contracts"
    assert found[internal.key].item_key == "ipo.corrective_actions"
    actions.edit(ws, internal.key, **FILLED)
    actions.close(ws, internal.key, today, attach=[proof(tmp_path)])
    assert internal.key not in {f.refs[0] for f in ws.findings() if f.code == ca.OVERDUE}
    assert [a.key for a in actions.overdue(ws)] == [external.key]


def _report_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    sh = wb.active
    sh.append(["星海智能装备有限公司 第二阶段审核 不符合项汇总"])
    sh.append([])
    sh.append(["序号", "受审核部门", "不符合事实描述", "标准条款", "不符合性质", "要求完成日期"])
    sh.append(
        [1, "研发部", "抽查项目“智能巡检机器人”无设计阶段检索记录", "8.3.2", "一般", "2026-02-28"]
    )
    sh.append([2, "行政人事", "两份劳动合同未约定知识产权归属", "7.1", "严重", "2026-03-15"])
    sh.append([None, None, None, None, None, None])
    wb.save(path)
    return path


def test_the_certification_report_feeds_the_surveillance_prerequisite(
    ws: Workspace, tmp_path: Path
) -> None:
    assert ws.info().audit_type.value == "surveillance"

    def open_prereq() -> list[str]:
        return [
            f.message.en
            for f in ws.findings()
            if f.code == "prerequisite_missing" and "open_nonconformities" in f.refs
        ]

    assert open_prereq() == []  # the demo declares them all closed
    made = actions.import_report(ws, _report_xlsx(tmp_path / "外审不符合项.xlsx")).created
    assert [(a.department, a.clause, a.grade, a.source) for a in made] == [
        ("rnd", "8.3.2", Grade.MINOR, ca.NcSource.CERTIFICATION),
        ("hr_admin", "7.1", Grade.MAJOR, ca.NcSource.CERTIFICATION),
    ]
    assert made[0].raised == ws.info().last_audit and made[0].due == dt.date(2026, 2, 28)
    again = actions.import_report(ws, tmp_path / "外审不符合项.xlsx")  # not twice
    assert again.changed == [] and len(again.unchanged) == 2
    found = open_prereq()
    assert len(found) == 1 and "2 are still open" in found[0]
    for a in made:
        actions.edit(ws, a.key, **FILLED)
        actions.close(ws, a.key, dt.date(2026, 3, 1), attach=[proof(tmp_path, f"{a.key}.docx")])
        actions.verify(ws, a.key, by="李审", result="已核查整改记录", on=dt.date(2026, 3, 10))
    assert open_prereq() == []


def test_a_docx_table_is_imported_by_its_content(ws: Workspace, tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("不符合项报告汇总")
    table = doc.add_table(rows=3, cols=4)
    rows = [
        ["编号", "描述", "", ""],  # no clause or grade header: found by content
        ["NC-01", "知识产权目标未分解到市场部", "6.2", "观察项"],
        ["NC-02", "未保留管理评审输入中的经费实施绩效", "9.4", "一般不符合"],
    ]
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            table.cell(r, c).text = v
    path = tmp_path / "report.docx"
    doc.save(str(path))
    got = actions.parse_report(path)
    assert [(r.number, r.clause, r.grade) for r in got] == [
        ("NC-01", "6.2", Grade.OBSERVATION),
        ("NC-02", "9.4", Grade.MINOR),
    ]
    made = actions.import_report(ws, path, source=ca.NcSource.INTERNAL_AUDIT).created
    assert made[1].origin == "report.docx#NC-02" and made[1].source is ca.NcSource.INTERNAL_AUDIT


def test_bad_edits_are_bad_input(ws: Workspace) -> None:
    a = actions.add(ws, finding="x")
    with pytest.raises(InvalidInput):
        actions.edit(ws, a.key, status=ca.ActionStatus.VERIFIED)
    with pytest.raises(InvalidInput):
        actions.verify(ws, a.key, by="李审", result="ok")  # not done
    with pytest.raises(InvalidInput):
        actions.edit(ws, a.key, department="nowhere")
    with pytest.raises(InvalidInput):
        actions.edit(ws, a.key, evidence_ids=(99999,))
    with pytest.raises(InvalidInput):
        actions.get(ws, "CA-404")
    assert actions.edit(ws, a.key, department="研发部").department == "rnd"


def test_due_dates_go_to_the_workspace_calendar(ws: Workspace, tmp_path: Path) -> None:
    from ipaudit.services import calendar

    due = dt.date(2027, 1, 15)
    pending = actions.add(ws, finding="补充保密协议", department="hr_admin", owner="王芳", due=due)
    finished = actions.add(ws, finding="已完成的", due=due, **FILLED)
    actions.close(ws, finished.key, dt.date.today(), attach=[proof(tmp_path)])
    events = {e.uid: e for e in calendar.calendar_events(ws)}
    mine = [e for uid, e in events.items() if uid.startswith("action-")]
    assert [e.start for e in mine] == [due]
    assert pending.key in mine[0].title and "王芳" in mine[0].description
    ics = calendar.calendar_bytes(ws).decode()
    assert "DTSTART;VALUE=DATE:20270115" in ics
    assert f"action-{pending.key}-{calendar.workspace_tag(ws)}@ipaudit" in ics


def test_a_nonconformity_without_action_is_an_observation(ws: Workspace) -> None:
    audit = mock.draw_audit(ws, seed=8)
    record = next(s for s in audit.samples if s.stratum == "trainings")
    audit = mock.record(ws, audit, record.key, Result.MINOR, note="缺签到表")
    mock.record(ws, audit, audit.samples[-1].key, Result.OBSERVATION)  # not a nonconformity

    def without() -> list:
        return [f for f in ws.findings() if f.code == ca.NO_ACTION]

    found = without()
    assert [(f.grade, f.item_key, f.refs) for f in found] == [
        (Grade.OBSERVATION, "hr.trainings", (f"{audit.key}/{record.key}",))
    ]
    assert "缺签到表" in found[0].message.zh
    actions.raise_from_mock_audit(ws, mock.get(ws, audit.key))
    assert without() == []


def test_a_report_saved_by_libreoffice_and_a_merged_title_row(
    ws: Workspace, tmp_path: Path
) -> None:
    import zipfile

    raw = _report_xlsx(tmp_path / "外审报告.xlsx")
    soffice = shutil.which("soffice")
    if soffice is None:  # pragma: no cover - LibreOffice is installed where these tests run
        pytest.skip("LibreOffice is not installed")
    saved = resave(raw, tmp_path / "lo")
    with zipfile.ZipFile(saved) as zf:
        assert b"LibreOffice" in zf.read("docProps/app.xml")
    assert [(r.department, r.clause, r.grade, r.due) for r in actions.parse_report(saved)] == [
        ("研发部", "8.3.2", Grade.MINOR, dt.date(2026, 2, 28)),
        ("行政人事", "7.1", Grade.MAJOR, dt.date(2026, 3, 15)),
    ]
    doc = Document()
    table = doc.add_table(rows=2, cols=3)
    merged = table.rows[0].cells[0].merge(table.rows[0].cells[2])
    merged.text = "第二阶段审核 不符合项汇总表"
    header = table.rows[1].cells
    header[0].text, header[1].text, header[2].text = "编号", "不符合项描述", "条款"
    row = table.add_row().cells
    row[0].text, row[1].text, row[2].text = "1", "奖金发放登记表缺领取人签字", "7.1.6"
    path = tmp_path / "merged.docx"
    doc.save(str(path))
    got = actions.parse_report(path)
    assert [(r.number, r.finding, r.clause) for r in got] == [
        ("1", "奖金发放登记表缺领取人签字", "7.1.6")
    ]


def test_an_awareness_sample_conforms_only_with_both_answers_yes(ws: Workspace) -> None:
    audit = mock.draw_audit(ws, seed=17)
    person = next(s for s in audit.samples if s.awareness)
    with pytest.raises(InvalidInput) as exc:
        mock.record(ws, audit, person.key, Result.CONFORM)
    assert "两项回答" in exc.value.zh and "both answers" in exc.value.en
    stored = mock.get(ws, audit.key)
    assert stored.sample(person.key).result is None  # nothing stored
    stored = mock.record_awareness(
        ws, stored, person.key, policy_ok=True, role_ok=False, grade=Result.CONFORM
    )
    got = stored.sample(person.key)
    assert got.result is Result.MINOR and m_grade_changed(got) is not None
    stored = mock.record_awareness(ws, stored, person.key, policy_ok=True, role_ok=True)
    assert mock.get(ws, audit.key).sample(person.key).result is Result.CONFORM


def m_grade_changed(sample):  # type: ignore[no-untyped-def]
    from ipaudit.domain.mock_audit import grade_changed

    return grade_changed(sample, Result.CONFORM)


def test_names_are_stored_normalised(ws: Workspace, tmp_path: Path) -> None:
    audit = mock.draw_audit(ws, seed=19, auditors=("李　审", " Ｊｏｈｎ  Smith "))
    assert audit.auditors == ("李审", "John Smith")
    person = next(s for s in audit.samples if s.awareness)
    audit = mock.record_awareness(
        ws, audit, person.key, policy_ok=False, role_ok=True, person="张　伟"
    )
    stored = mock.get(ws, audit.key)
    assert stored.sample(person.key).person == "张伟" and stored.auditors[0] == "李审"
    files = mock.write_reports(ws, stored, tmp_path / "reports")
    text = "\n".join(
        c.text for f in files for t in Document(f).tables for r in t.rows for c in r.cells
    )
    assert "张伟" in text and "张　伟" not in text
