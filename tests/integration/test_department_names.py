"""One reading of a department's name on the demo workspace: a request list's department column
as certification bodies write it, a nonconformity's department, rehearsal and the --department
options by key or by name, and the one bilingual "no department" message."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ipaudit.cli import EXIT_INPUT, EXIT_OK, main
from ipaudit.domain import corrective_actions as ca
from ipaudit.services import Workspace, corrective_actions, departments, rehearsal, request_list
from ipaudit.store.errors import InvalidInput
from tests.integration.test_request_list import LIST

# the department column of each line of LIST, spelled as lists spell it; the last two name two
# departments or none
SPELLED = {
    "知识产权小组": "知识产权小组",
    "管理层": "管理层",
    "行政人事部": "行政人事部门",
    "财务部": "Finance Dept.",
    "市场部": "市场营销部",
    "研发部": "Research & Development Dept.",
}


def _list(path: Path) -> Path:
    wb = openpyxl.Workbook()
    sh = wb.active
    assert sh is not None
    sh.append(["序号", "资料名称", "部门"])
    for n, (dep, title, _key) in enumerate(LIST, 1):
        sh.append([str(n), title, SPELLED[dep]])
    sh.append([str(len(LIST) + 1), "研发项目立项报告及检索报告", "研发部、财务部"])
    sh.append([str(len(LIST) + 2), "专利证书", "销售中心"])
    wb.save(path)
    return path


def test_a_request_lists_departments_as_written_find_their_departments(
    demo_path: Path, tmp_path: Path
) -> None:
    with Workspace.open(demo_path) as ws:
        request_list.import_requests(ws, _list(tmp_path / "list.xlsx"))
        by_number = {r.key: r.department for r in ws.records.all(request_list.KIND)}
    want = {"知识产权小组": "ip_office", "管理层": "management", "行政人事部": "hr_admin"}
    want |= {"财务部": "finance", "市场部": "marketing", "研发部": "rnd"}
    for n, (dep, _title, _key) in enumerate(LIST, 1):
        assert by_number[str(n)] == want[dep], (n, SPELLED[dep])
    assert by_number[str(len(LIST) + 1)] == ""  # two departments: neither
    assert by_number[str(len(LIST) + 2)] == ""  # no such department


def test_a_typed_department_by_key_or_name(demo_path: Path) -> None:
    with Workspace.open(demo_path) as ws:
        for text in ("rnd", "RND", "研发部", "研 发 部", "R&D", "ｒ＆ｄ"):
            assert departments.department_key(ws, text) == "rnd"
        keys = [q.key for q in rehearsal.questions(ws, "rnd")]
        assert keys and [q.key for q in rehearsal.questions(ws, "研 发 部")] == keys
        with pytest.raises(InvalidInput) as err:
            departments.department_key(ws, "研发")  # typed: a name, not a part of one
        zh, en = err.value.message("zh"), err.value.message("en")
    assert zh.startswith("没有部门“研发”。可选：") and "rnd（研发部）" in zh
    assert en.startswith("There is no department '研发'. Choose one of: ") and "rnd (R&D)" in en


def test_a_corrective_action_is_filed_under_the_department_named(demo_path: Path) -> None:
    with Workspace.open(demo_path) as ws:
        action = ca.CorrectiveAction(
            "", ca.NcSource.INTERNAL_AUDIT, "检索报告缺失", clause="8.1", department="ＲＮＤ"
        )
        saved = corrective_actions.save(ws, action)
        assert saved.department == "rnd"
        with pytest.raises(InvalidInput, match="Choose one of"):
            corrective_actions.save(
                ws, ca.CorrectiveAction("", ca.NcSource.INTERNAL_AUDIT, "x", department="研发")
            )


def test_the_department_options_take_a_name(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in ("requests", "actions", "plan", "mock-audit"):
        assert main([command, str(demo_path), "--department", "财务部", "--json"]) == EXIT_OK
        capsys.readouterr()
        assert main([command, str(demo_path), "--department", "销售中心"]) == EXIT_INPUT
        assert "销售中心" in capsys.readouterr().err
