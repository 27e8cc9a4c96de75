"""The command line on real workspace files: the README walk-through, JSON output, exit codes."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ipaudit.cli import EXIT_BLOCKING, EXIT_INPUT, EXIT_OK, EXIT_USAGE, EXIT_WORKSPACE
from ipaudit.domain.template import load_builtin
from ipaudit.store import schema
from tests.integration.cli_run import new_workspace, ok_json, run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ws(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return new_workspace(capsys, tmp_path / "acme.ipaudit")


def test_walk_through(ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = load_builtin("2023")
    items = ok_json(capsys, "items", ws, "rnd")
    assert isinstance(items, list)
    assert {i["key"] for i in items} == {i.key for i in template.items if i.department == "rnd"}
    assert all("2023" in i["refs"] for i in items)

    before = ok_json(capsys, "readiness", ws)
    rnd_before = next(d for d in before["departments"] if d["key"] == "rnd")  # type: ignore[index]

    # a headcount question of R&D, answered against a declared headcount of 23
    item = next(
        i
        for i in template.items
        if i.department == "rnd" and any(q.fact == "headcount" for q in i.questions)
    )
    question = next(q for q in item.questions if q.fact == "headcount")
    assert run(capsys, "set-fact", ws, "headcount.rnd", "23")[0] == EXIT_OK
    code, out, _ = run(capsys, "answer", ws, item.key, question.key, "25人")
    assert code == EXIT_OK and "25人" in out and "23" in out
    findings = ok_json(capsys, "findings", ws, "--department", "rnd")
    contradiction = [f for f in findings if f["code"] == "answer_contradicts_fact"]  # type: ignore[union-attr]
    assert (
        len(contradiction) == 1
        and contradiction[0]["item"] == item.key
        and contradiction[0]["grade"] == "minor"
    )

    # attaching a file and marking a document item ready raises R&D's readiness
    doc_item = next(
        i for i in template.items if i.department == "rnd" and i.kind.value == "document"
    )
    evidence = tmp_path / "研发控制程序.docx"
    evidence.write_bytes(b"PK\x03\x04 fake docx for the test")
    attached = ok_json(capsys, "attach", ws, doc_item.key, evidence, "--date", "2025-03-05")
    assert attached["original_name"] == "研发控制程序.docx" and len(attached["sha256"]) == 64  # type: ignore[index]
    assert run(capsys, "status", ws, doc_item.key, "ready")[0] == EXIT_OK
    after = ok_json(capsys, "readiness", ws)
    rnd_after = next(d for d in after["departments"] if d["key"] == "rnd")  # type: ignore[index]
    assert rnd_after["percent"] > rnd_before["percent"]

    # fixing the answer clears the finding
    assert run(capsys, "answer", ws, item.key, question.key, "23")[0] == EXIT_OK
    codes = [f["code"] for f in ok_json(capsys, "findings", ws, "--department", "rnd")]  # type: ignore[union-attr]
    assert "answer_contradicts_fact" not in codes


def test_facts_objectives_and_departments(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(capsys, "set-fact", ws, "objective.patents", "发明专利申请|12|件|rnd=8,production=2")[0]
        == EXIT_OK
    )
    found = ok_json(capsys, "findings", ws, "--grade", "minor")
    split = [f for f in found if f["code"] == "objective_split_mismatch"]  # type: ignore[union-attr]
    assert len(split) == 1 and "10" in split[0]["message_zh"]
    _code, out, _ = run(capsys, "facts", ws)
    assert json.loads(out)["objectives"][0]["split"] == {"production": "2", "rnd": "8"}

    assert run(capsys, "departments", ws, "rename", "rnd", "--zh", "技术中心")[0] == EXIT_OK
    deps = ok_json(capsys, "departments", ws)
    assert next(d for d in deps if d["key"] == "rnd")["name_zh"] == "技术中心"  # type: ignore[union-attr]
    assert next(d for d in deps if d["key"] == "procurement")["merged_into"] == "hr_admin"  # type: ignore[union-attr]


def test_fail_on_and_errors(ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "findings", ws, "--fail-on", "major")[0] == EXIT_BLOCKING
    code, _, err = run(capsys, "answer", ws, "no.such.item", "q", "x")
    assert code == EXIT_INPUT and "no.such.item" in err
    code, _, err = run(capsys, "readiness", tmp_path / "missing.ipaudit")
    assert code == EXIT_WORKSPACE and "missing.ipaudit" in err
    notws = tmp_path / "x.ipaudit"
    notws.write_text("not a workspace")
    assert run(capsys, "readiness", notws)[0] == EXIT_WORKSPACE
    assert run(capsys, "no-such-command")[0] == EXIT_USAGE
    code, _, err = run(capsys, "attach", ws, "hr.labour_contracts", tmp_path / "gone.pdf")
    assert code == EXIT_INPUT and "gone.pdf" in err  # a file that cannot be read: bad input
    with sqlite3.connect(ws) as raw:
        raw.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    code, _, err = run(capsys, "readiness", ws)
    assert code == EXIT_WORKSPACE and "较新版本" in err


def test_not_applicable_without_reason_is_a_finding(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = load_builtin("2023").items[0].key
    assert run(capsys, "status", ws, item, "not_applicable")[0] == EXIT_OK
    codes = {f["code"] for f in ok_json(capsys, "findings", ws)}  # type: ignore[union-attr]
    assert "na_without_reason" in codes
    assert run(capsys, "status", ws, item, "not_applicable", "--reason", "无此业务")[0] == EXIT_OK
    codes = {f["code"] for f in ok_json(capsys, "findings", ws)}  # type: ignore[union-attr]
    assert "na_without_reason" not in codes


def test_demo_fires_every_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.ipaudit"
    assert run(capsys, "demo", path)[0] == EXIT_OK
    codes = {f["code"] for f in ok_json(capsys, "findings", path)}  # type: ignore[union-attr]
    expected = {
        "evidence_missing",
        "too_few_records",
        "record_set_incomplete",
        "year_not_covered",
        "evidence_outside_period",
        "answer_missing",
        "answer_contradicts_fact",
        "fact_not_declared",
        "objective_split_mismatch",
        "objective_not_in_list",
        "na_without_reason",
        "ledger.unpaid_reward",
        "ledger.batch_mismatch",
    }
    assert expected <= codes
    data = ok_json(capsys, "readiness", path)
    assert 80 < data["overall"]["percent"] < 100  # type: ignore[index]
    assert len(data["departments"]) == 7  # type: ignore[index]


def test_main_py_runs_the_cli_in_a_subprocess(ws: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "readiness", str(ws), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "IPAUDIT_LANG": "en"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["company"] == "示例科技有限公司"


def test_template_copy_can_be_corrected(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "checklist.yaml"
    assert run(capsys, "template", ws, "--export", exported)[0] == EXIT_OK
    text = exported.read_text("utf-8")
    edited = tmp_path / "edited.yaml"
    edited.write_text(text.replace("title: {zh: ", "title: {zh: 改·", 1), "utf-8")
    assert run(capsys, "template", ws, "--import", edited)[0] == EXIT_OK
    assert "改·" in run(capsys, "template", ws)[1]
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("kind: document", "kind: pdf", 1), "utf-8")
    code, _, err = run(capsys, "template", ws, "--import", broken)
    assert code == EXIT_INPUT and "kind" in err
    assert "改·" in run(capsys, "template", ws)[1]  # nothing changed by the bad file


def test_output_into_a_closed_pipe_is_quiet(ws: Path) -> None:
    """``ipaudit findings W | head -1``: the reader is gone before the output comes; no
    traceback, exit 0."""
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "findings", str(ws)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader has gone before anything is written
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in err and "BrokenPipe" not in err
