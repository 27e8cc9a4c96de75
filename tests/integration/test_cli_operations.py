"""The GUI's operations on the command line, on real workspace files: save a copy; remove,
restore, replace, edit and save out evidence; notes and instance names; the reconciliation as a
workbook. Each command is checked by reading back what it stored."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ipaudit.cli import EXIT_INPUT, EXIT_OK, build_parser
from ipaudit.services import Workspace
from tests.integration.cli_run import ok_json, run


@pytest.fixture
def ws(demo_path: Path) -> Path:
    return demo_path


def test_save_as_writes_a_copy_that_opens_with_the_same_content(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "save-as", ws, tmp_path / "copy")
    assert code == EXIT_OK, err
    copy = tmp_path / "copy.ipaudit"  # the suffix is added, as the GUI adds it
    assert str(copy) in out
    with sqlite3.connect(copy) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    original = ok_json(capsys, "evidence", ws)
    assert ok_json(capsys, "evidence", copy) == original
    assert ok_json(capsys, "findings", copy) == ok_json(capsys, "findings", ws)

    # an existing file is kept unless --force; the open workspace itself never
    stamp = copy.stat().st_mtime_ns
    code, _out, err = run(capsys, "save-as", ws, copy)
    assert code == EXIT_INPUT and "--force" in err and copy.stat().st_mtime_ns == stamp
    assert run(capsys, "save-as", ws, copy, "--force")[0] == EXIT_OK
    code, _out, _err = run(capsys, "save-as", ws, ws, "--force")
    assert code == EXIT_INPUT


def test_remove_and_restore_evidence(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listed = ok_json(capsys, "evidence", ws)
    assert isinstance(listed, list)
    first = listed[0]
    before = {f["key"] for f in ok_json(capsys, "findings", ws)}  # type: ignore[union-attr]

    removed = ok_json(capsys, "evidence-remove", ws, first["id"])
    assert removed == {**first, "removed": True}
    after = ok_json(capsys, "evidence", ws, "--item", first["item"])
    assert first["id"] not in {e["id"] for e in after}  # type: ignore[union-attr]

    restored = ok_json(capsys, "evidence-restore", ws, first["id"])
    assert restored == {**first, "removed": False}
    assert ok_json(capsys, "evidence", ws) == listed
    assert {f["key"] for f in ok_json(capsys, "findings", ws)} == before  # type: ignore[union-attr]

    code, _out, err = run(capsys, "evidence-remove", ws, 999999)
    assert code == EXIT_INPUT and "999999" in err
    code, _out, _err = run(capsys, "evidence-remove", ws, "abc")
    assert code == EXIT_INPUT


def test_replace_keeps_the_old_version_and_save_writes_the_bytes(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = ok_json(capsys, "evidence", ws)[0]  # type: ignore[index]
    old_copy = tmp_path / "old"
    old_copy.mkdir()
    code, out, err = run(capsys, "evidence-save", ws, first["id"], old_copy)
    assert code == EXIT_OK, err
    saved = Path(out.strip())
    assert saved.parent == old_copy and saved.name == Path(first["original_name"]).name
    assert saved.stat().st_size == first["size"]

    new = tmp_path / "签署版.txt"
    new.write_text("新版本：已签署\n", encoding="utf-8")
    replaced = ok_json(capsys, "evidence-replace", ws, first["id"], new)
    assert replaced["supersedes"] == first["id"]  # type: ignore[index]
    assert replaced["title"] == first["title"] and replaced["item"] == first["item"]  # type: ignore[index]
    assert replaced["original_name"] == "签署版.txt"  # type: ignore[index]

    current = ok_json(capsys, "evidence", ws, "--item", first["item"])
    ids = {e["id"] for e in current}  # type: ignore[union-attr]
    assert replaced["id"] in ids and first["id"] not in ids  # type: ignore[index]
    every = ok_json(capsys, "evidence", ws, "--item", first["item"], "--include-old")
    old = next(e for e in every if e["id"] == first["id"])  # type: ignore[union-attr]
    assert old["current"] is False

    out_file = tmp_path / "current.txt"
    assert run(capsys, "evidence-save", ws, replaced["id"], out_file)[0] == EXIT_OK  # type: ignore[index]
    assert out_file.read_text(encoding="utf-8") == "新版本：已签署\n"
    code, _out, err = run(capsys, "evidence-save", ws, replaced["id"], out_file)  # type: ignore[index]
    assert code == EXIT_INPUT and "--force" in err


def test_edit_evidence_metadata(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = ok_json(capsys, "evidence", ws)[0]  # type: ignore[index]
    edited = ok_json(
        capsys,
        "evidence-edit",
        ws,
        first["id"],
        "--title",
        "岗位职责（修订）",
        "--doc-number",
        "QP-01",
        "--date",
        "2025年3月5日",
        "--period-start",
        "2025-01-01",
        "--period-end",
        "2025-03-31",
    )
    assert edited["title"] == "岗位职责（修订）" and edited["doc_number"] == "QP-01"  # type: ignore[index]
    assert edited["doc_date"] == "2025-03-05"  # type: ignore[index]
    stored = next(e for e in ok_json(capsys, "evidence", ws) if e["id"] == first["id"])  # type: ignore[union-attr]
    assert stored["period_start"] == "2025-01-01" and stored["period_end"] == "2025-03-31"

    code, _out, err = run(capsys, "evidence-edit", ws, first["id"])
    assert code == EXIT_INPUT
    code, _out, err = run(
        capsys, "evidence-edit", ws, first["id"], "--period-start", "2025-05-01",
        "--period-end", "2025-01-01",
    )  # fmt: skip
    assert code == EXIT_INPUT
    code, _out, err = run(capsys, "evidence-edit", ws, first["id"], "--slot", "99/nothing")
    assert code == EXIT_INPUT and "99/nothing" in err
    after = next(e for e in ok_json(capsys, "evidence", ws) if e["id"] == first["id"])  # type: ignore[union-attr]
    assert after == stored  # refused edits changed nothing


def test_notes_show_set_and_clear(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    item = "mgmt.roles"
    assert ok_json(capsys, "notes", ws, item, "请总经理签字后再扫描")["notes"] == (  # type: ignore[index]
        "请总经理签字后再扫描"
    )
    with Workspace.open(ws) as w:
        assert w.state(item).notes == "请总经理签字后再扫描"
    code, out, _err = run(capsys, "notes", ws, item)
    assert code == EXIT_OK and out.strip() == "请总经理签字后再扫描"
    assert ok_json(capsys, "notes", ws, item, "")["notes"] == ""  # type: ignore[index]
    code, _out, _err = run(capsys, "notes", ws, "no.such.item", "x")
    assert code == EXIT_INPUT


def test_instance_names(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items = ok_json(capsys, "items", ws, "rnd")
    item = next(i["key"] for i in items if i["kind"] == "record_set")  # type: ignore[union-attr]
    shown = ok_json(capsys, "instances", ws, item)
    assert shown["names"]  # the demo names its projects  # type: ignore[index]
    changed = ok_json(capsys, "instances", ws, item, "巡检机器人二期", "伺服控制器")
    assert changed["names"] == ["巡检机器人二期", "伺服控制器"]  # type: ignore[index]
    with Workspace.open(ws) as w:
        assert w.state(item).instance_names == ("巡检机器人二期", "伺服控制器")
    assert ok_json(capsys, "instances", ws, item, "--clear")["names"] == []  # type: ignore[index]


def test_export_reconciliation_writes_every_row(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = ok_json(capsys, "ledger", ws)
    target = tmp_path / "核对"
    code, out, err = run(capsys, "export-reconciliation", ws, target, "--lang", "en")
    assert code == EXIT_OK, err
    written = tmp_path / "核对.xlsx"
    assert out.strip() == str(written)
    wb = load_workbook(written)
    titles = wb.sheetnames
    assert titles[:2] == ["Summary", "Discrepancies"]
    assert {"Reward record", "Payment register", "Expense record", "Totals per year"} <= set(titles)
    discrepancies = list(wb["Discrepancies"].iter_rows(min_row=2, values_only=True))
    assert len(discrepancies) == len(ledger["findings"]) > 0  # type: ignore[index,arg-type]
    with Workspace.open(ws) as w:
        from ipaudit.services.ledgers import load_book

        rec = load_book(w).reconciliation
        assert rec is not None
        assert wb["Reward record"].max_row == len(rec.rewards) + 1
        assert wb["Payment register"].max_row == len(rec.payments) + 1
        assert wb["Expense record"].max_row == len(rec.expenses) + 1

    code, _out, err = run(capsys, "export-reconciliation", ws, written)
    assert code == EXIT_INPUT and "--force" in err
    code, _out, err = run(capsys, "export-reconciliation", ws, written, "--force")
    assert code == EXIT_OK, err
    assert load_workbook(written).sheetnames[0] == "汇总"  # the command line's language: zh


def test_the_reconciliation_without_ledgers_is_refused(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for kind in ("rewards", "payments", "expenses"):
        code, _out, err = run(capsys, "undo-import", ws, kind)
        assert code == EXIT_OK, err
    codes = {f["code"] for f in ok_json(capsys, "findings", ws)}  # type: ignore[union-attr]
    assert not any(c.startswith("ledger.") for c in codes)
    target = tmp_path / "r.xlsx"
    code, _out, err = run(capsys, "export-reconciliation", ws, target)
    assert code == EXIT_INPUT and "import-ledger" in err and not target.exists()


def test_every_command_has_a_handler_and_the_groups_are_wired() -> None:
    import argparse

    from ipaudit.cli import COMMANDS

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == set(COMMANDS)
    for name in ("import-ledger", "export", "info", "save-as", "export-reconciliation"):
        assert name in sub.choices


def test_set_fact_declares_and_removes_a_procedure(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def procedures() -> list[dict[str, str]]:
        code, out, err = run(capsys, "facts", ws)
        assert code == EXIT_OK, err
        return json.loads(out)["procedures"]  # type: ignore[no-any-return]

    before = procedures()
    assert run(capsys, "set-fact", ws, "procedure.IPM-QP-99", "保密管理程序|rnd")[0] == EXIT_OK
    assert procedures() == [
        *before,
        {"code": "IPM-QP-99", "title": "保密管理程序", "department": "rnd"},
    ]
    code, _out, err = run(capsys, "set-fact", ws, "procedure.IPM-QP-99", "保密管理程序|nowhere")
    assert code == EXIT_INPUT and "nowhere" in err
    assert run(capsys, "set-fact", ws, "procedure.IPM-QP-99", "")[0] == EXIT_OK
    assert procedures() == before
