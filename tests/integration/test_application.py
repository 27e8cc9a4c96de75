"""Ready to apply: the application conditions evaluated on a real workspace with the reason for
each, and the application materials exported in the order of the certification body's list."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from ipaudit.cli import EXIT_BLOCKING, EXIT_OK, main
from ipaudit.domain.application import load_application
from ipaudit.domain.cycle import with_changes
from ipaudit.domain.model import AuditType, Edition, WorkspaceInfo
from ipaudit.export.errors import TargetExists
from ipaudit.services import Workspace
from ipaudit.services.application import check_application, export_materials

D = dt.date
INFO = WorkspaceInfo(
    company="测试公司",
    edition=Edition.GB2023,
    audit_type=AuditType.INITIAL,
    audit_start=D(2026, 5, 11),
    audit_end=D(2026, 5, 13),
    period_start=D(2026, 3, 1),
    period_end=D(2026, 5, 10),
    system_start=D(2026, 3, 1),  # only ten weeks before the audit
)


def file(tmp: Path, name: str) -> Path:
    path = tmp / name
    path.write_text(name, encoding="utf-8")
    return path


@pytest.fixture
def ws(tmp_path: Path):
    with Workspace.create(tmp_path / "公司.ipaudit", INFO) as w:
        yield w


def results(w: Workspace) -> dict[str, tuple[bool, str]]:
    return {r.condition.id: (r.passed, r.reasons[0].zh) for r in check_application(w).conditions}


def make_ready(w: Workspace, tmp: Path) -> None:
    w.set_info(with_changes(w.info(), {"system_start": D(2025, 10, 8)}))
    w.attach(
        "ipo.internal_audit", file(tmp, "内审报告.docx"), slot="1/report", doc_date=D(2026, 3, 20)
    )
    w.attach(
        "mgmt.management_review",
        file(tmp, "管评报告.docx"),
        slot="1/report",
        doc_date=D(2026, 4, 10),
    )
    w.attach("hr.internal_auditors", file(tmp, "内审员证书.pdf"), doc_date=D(2025, 11, 2))
    w.set_fact("portfolio.invention", "2")
    w.attach("ipo.no_penalty_declaration", file(tmp, "无处罚声明.pdf"), doc_date=D(2026, 4, 1))


def test_conditions_fail_with_what_is_missing_then_pass_with_what_shows_them(
    ws: Workspace, tmp_path: Path
) -> None:
    got = results(ws)
    assert [r.condition.id for r in check_application(ws).conditions] == [
        c.id for c in load_application().conditions
    ]
    assert not any(passed for passed, _ in got.values())
    assert "71 天" in got["system_running"][1]  # 2026-03-01 to 2026-05-11
    assert "还没有附上记录" in got["internal_audit"][1]
    assert "数量" in got["valid_ip_right"][1]

    make_ready(ws, tmp_path)
    got = results(ws)
    assert all(passed for passed, _ in got.values()), got
    assert "2025-10-08" in got["system_running"][1]
    assert "内审报告" in got["internal_audit"][1] and "2026-03-20" in got["internal_audit"][1]
    assert "发明专利 2 件" in got["valid_ip_right"][1]
    assert "无处罚声明" in got["no_penalty"][1]


def test_a_record_after_the_audit_starts_fails_with_the_prerequisite_rule(
    ws: Workspace, tmp_path: Path
) -> None:
    make_ready(ws, tmp_path)
    (ev,) = ws.evidence("ipo.internal_audit")
    ws.update_evidence(ev.id, doc_date=D(2026, 5, 12))
    passed, reason = results(ws)["internal_audit"]
    assert not passed and "之前须完成一次内部审核" in reason  # cycle.prerequisite_findings' text


def test_records_from_before_the_system_start_do_not_show_it_done(
    ws: Workspace, tmp_path: Path
) -> None:
    make_ready(ws, tmp_path)  # the manual issued 2025-10-08
    (audit,) = ws.evidence("ipo.internal_audit")
    (review,) = ws.evidence("mgmt.management_review")
    ws.update_evidence(audit.id, doc_date=D(2025, 6, 1))
    ws.update_evidence(review.id, doc_date=D(2025, 7, 1))
    got = results(ws)
    assert (
        not got["internal_audit"][0] and "早于体系运行开始日 2025-10-08" in got["internal_audit"][1]
    )
    assert not got["management_review"][0]
    assert "早于体系运行开始日" in got["management_review"][1]
    ws.update_evidence(audit.id, doc_date=D(2025, 10, 8))  # on the start day counts
    ws.update_evidence(review.id, doc_date=D(2025, 12, 1))
    got = results(ws)
    assert got["internal_audit"][0] and got["management_review"][0], got


def test_a_review_before_the_internal_audit_fails_as_the_findings_flag_it(
    ws: Workspace, tmp_path: Path
) -> None:
    make_ready(ws, tmp_path)
    (review,) = ws.evidence("mgmt.management_review")
    ws.update_evidence(review.id, doc_date=D(2026, 3, 10))  # the internal audit is 2026-03-20
    got = results(ws)
    assert got["internal_audit"][0]
    passed, reason = got["management_review"]
    assert not passed and "应先完成" in reason and "2026-03-10" in reason
    flagged = [f for f in ws.findings() if f.code == "records_out_of_order"]
    assert [f.item_key for f in flagged] == ["mgmt.management_review"]  # the same rule
    # a second review after the audit keeps the order: done
    ws.attach(
        "mgmt.management_review",
        file(tmp_path, "管评报告2.docx"),
        slot="1/attendance",
        doc_date=D(2026, 4, 2),
    )
    assert results(ws)["management_review"][0]


def test_penalties_declared_fail_and_an_old_declaration_does_not_count(
    ws: Workspace, tmp_path: Path
) -> None:
    make_ready(ws, tmp_path)
    ws.set_fact("extra.admin_penalties", "1")
    passed, reason = results(ws)["no_penalty"]
    assert not passed and "1" in reason
    ws.set_fact("extra.admin_penalties", "０")  # full-width zero
    assert results(ws)["no_penalty"][0]
    ws.set_fact("extra.admin_penalties", "")
    (ev,) = ws.evidence("ipo.no_penalty_declaration")
    ws.update_evidence(ev.id, doc_date=D(2025, 3, 1))
    passed, reason = results(ws)["no_penalty"]
    assert not passed and "重新签署" in reason


def test_materials_are_numbered_in_the_lists_order_with_an_index(
    ws: Workspace, tmp_path: Path
) -> None:
    make_ready(ws, tmp_path)
    ws.attach("ipo.manual", file(tmp_path, "手册.docx"), doc_date=D(2025, 10, 8))
    target = tmp_path / "申请材料"
    written = export_materials(ws, target)
    names = sorted(p.name for p in target.iterdir())
    materials = load_application().materials
    number = {m.id: n for n, m in enumerate(materials, 1)}
    expect = {
        f"{number['manual']:02d}_知识产权管理手册_手册.docx",
        f"{number['internal_audit']:02d}_内部审核报告及记录_内审报告.docx",
        f"{number['management_review']:02d}_管理评审报告及记录_管评报告.docx",
        f"{number['internal_auditors']:02d}_内审员培训证书_内审员证书.pdf",
    }
    assert expect <= set(names)
    assert names[:2] == ["00_申请材料目录.docx", "00_申请材料目录.xlsx"]
    assert (target / f"{number['manual']:02d}_知识产权管理手册_手册.docx").read_text(
        encoding="utf-8"
    ) == "手册.docx"
    missing = {t.zh for t in written.missing}
    assert "认证申请书" in missing and "知识产权管理手册" not in missing

    sheet = openpyxl.load_workbook(target / "00_申请材料目录.xlsx").active
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=3)]
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)  # the list's order
    assert rows[0] == ["01", "认证申请书", None, None, None, "缺"]
    manual = next(r for r in rows if r[1] == "知识产权管理手册")
    assert manual[2] == f"{number['manual']:02d}_知识产权管理手册_手册.docx" and manual[5] == "已附"
    text = "\n".join(
        c.text
        for t in docx.Document(target / "00_申请材料目录.docx").tables
        for r in t.rows
        for c in r.cells
    )
    assert "营业执照副本复印件" in text and "缺" in text


def test_materials_as_a_zip_and_an_existing_target_refused(ws: Workspace, tmp_path: Path) -> None:
    make_ready(ws, tmp_path)
    written = export_materials(ws, tmp_path / "申请.zip", lang="en")
    with zipfile.ZipFile(written.target) as z:
        names = [n.split("/", 1)[1] for n in z.namelist()]
    assert "00_application_materials_index.xlsx" in names
    assert any(n.endswith("_内审报告.docx") for n in names)
    with pytest.raises(TargetExists):
        export_materials(ws, tmp_path / "申请.zip")


def test_cli_apply_check_and_materials(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ws.path
    assert main(["apply-check", str(path)]) == EXIT_BLOCKING
    assert "× 体系已运行至少三个月" in capsys.readouterr().out
    make_ready(ws, tmp_path)
    assert main(["apply-check", str(path), "--json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert all(c["passed"] for c in data["conditions"]) and not data["ready"]  # materials missing
    assert main(["apply-materials", str(path), "-o", str(tmp_path / "out"), "--json"]) == EXIT_OK
    out = json.loads(capsys.readouterr().out)
    assert out["files"] and (tmp_path / "out" / out["files"][0]).exists()
    assert {"zh": "认证申请书", "en": "Certification application"} in out["missing"]


def test_cli_apply_check_on_the_demo_review_moved_before_the_audit(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["apply-check", str(demo_path), "--json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    passed = {c["id"]: c["passed"] for c in data["conditions"]}
    assert passed["internal_audit"] and passed["management_review"]
    with Workspace.open(demo_path) as w:
        first_audit = min(d.doc_date for d in w.evidence("ipo.internal_audit") if d.doc_date)
        for ev in w.evidence("mgmt.management_review"):  # every record a month before it
            w.update_evidence(ev.id, doc_date=first_audit - dt.timedelta(days=30))
        flagged = {f.item_key for f in w.findings() if f.code == "records_out_of_order"}
    assert "mgmt.management_review" in flagged
    assert main(["apply-check", str(demo_path)]) == EXIT_BLOCKING
    out = capsys.readouterr().out
    assert "× 已完成至少一次管理评审" in out and "应先完成" in out
    assert "√ 已完成至少一次覆盖全部条款和部门的内部审核" in out
