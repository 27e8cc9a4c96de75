"""packet-export and packet-import on real files: the preview printed, conflicts reported and left
alone unless asked, --dry-run, --json, exit codes."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from ipaudit.cli import EXIT_BLOCKING, EXIT_INPUT, EXIT_OK
from ipaudit.services import Workspace
from tests.integration.cli_run import run
from tests.integration.test_packets import sent_back


@pytest.fixture
def ws(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "acme.ipaudit"
    assert run(capsys, "new", path, "--company", "示例科技有限公司")[0] == EXIT_OK
    with Workspace.open(path) as w:
        w.set_notes("rnd.ip_plan", "原备注")
    return path


def filled_packet(ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    code, out, err = run(capsys, "packet-export", ws, "研发部", "-o", tmp_path / "p.zip")
    assert code == EXIT_OK, err
    assert "p.zip" in out and "10 个条目" in out
    return sent_back(
        tmp_path / "p.zip",
        tmp_path,
        {
            ("rnd.ip_plan", ""): {"notes": "填报包里的备注"},
            ("rnd.disclosures", ""): {"status": "进行中"},
        },
        (("rnd.disclosures", "技术交底书_2025-04-01.pdf", b"%PDF-1.4 disclosure"),),
    )


def test_dry_run_then_import_keeps_conflicts_unless_told(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    back = filled_packet(ws, tmp_path, capsys)
    with Workspace.open(ws) as w:
        w.set_notes("rnd.ip_plan", "工作区里改过")

    code, out, _err = run(capsys, "packet-import", ws, back, "--dry-run")
    assert code == EXIT_OK
    assert "[冲突]" in out and "工作区里改过" in out and "填报包里的备注" in out
    assert "[改动]" in out and "进行中" in out
    assert "[附加]" in out and "技术交底书_2025-04-01.pdf" in out and "2025-04-01" in out
    assert "试运行" in out
    with Workspace.open(ws) as w:
        assert w.state("rnd.disclosures").status.value == "not_started"
        assert not w.evidence("rnd.disclosures")

    code, out, _err = run(capsys, "packet-import", ws, back, "--json")
    assert code == EXIT_BLOCKING  # a conflict was left with the workspace's value
    data = json.loads(out)
    assert data["applied"] and data["result"]["files"] == 1
    assert data["result"]["conflicts_kept"] == ["rnd.ip_plan|notes|"]
    (conflict,) = [c for c in data["changes"] if c["conflict"]]
    assert conflict["workspace"] == "工作区里改过" and conflict["exported"] == "原备注"
    with Workspace.open(ws) as w:
        assert w.state("rnd.ip_plan").notes == "工作区里改过"
        assert w.state("rnd.disclosures").status.value == "in_progress"
        (ev,) = w.evidence("rnd.disclosures")
        assert ev.original_name == "技术交底书_2025-04-01.pdf" and str(ev.doc_date) == "2025-04-01"

    code, out, _err = run(capsys, "packet-import", ws, back, "--take-packet-on-conflict")
    assert code == EXIT_OK
    with Workspace.open(ws) as w:
        assert w.state("rnd.ip_plan").notes == "填报包里的备注"
        assert len(w.evidence("rnd.disclosures")) == 1  # not attached twice


def test_bad_input_exits_4_with_a_message(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    code, _out, err = run(capsys, "packet-export", ws, "nope")
    assert code == EXIT_INPUT and "nope" in err
    other = tmp_path / "other.ipaudit"
    run(capsys, "new", other, "--company", "别的公司")
    back = filled_packet(ws, tmp_path, capsys)
    code, _out, err = run(capsys, "packet-import", other, back)
    assert code == EXIT_INPUT and "不是从本工作区导出的" in err
    plain = tmp_path / "plain.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("x.txt", "x")
    code, _out, err = run(capsys, "packet-import", ws, plain)
    assert code == EXIT_INPUT and "找不到填报包的工作簿" in err
    code, _out, err = run(capsys, "packet-export", ws, "rnd", "-o", tmp_path / "p.zip")
    assert code == EXIT_INPUT and "已存在" in err


def test_export_without_a_name_proposes_a_free_one(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    code, out, _err = run(capsys, "packet-export", ws, "rnd", "--json")
    assert code == EXIT_OK
    first = Path(json.loads(out)["path"])
    assert first.parent == tmp_path and first.name.startswith("示例科技有限公司-研发部-部门填报包-")
    code, out, _err = run(capsys, "packet-export", ws, "rnd", "--json", "--lang", "en")
    second = Path(json.loads(out)["path"])
    assert second.parent == tmp_path and "department-packet" in second.name
    code, out, _err = run(capsys, "packet-export", ws, "rnd", "--json")
    third = Path(json.loads(out)["path"])
    assert third.name == first.name.replace(".zip", "-2.zip")
    with zipfile.ZipFile(second) as zf:
        assert any(n.endswith("/checklist.xlsx") for n in zf.namelist())
        assert any("/new evidence/01 " in n for n in zf.namelist())
