"""`attach` without --date takes the date the file shows and says where from, or warns."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: object, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"IPAUDIT_LANG": lang, "PATH": "/usr/bin:/bin"},
        timeout=120,
        check=False,
    )


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    path = tmp_path / "acme.ipaudit"
    done = cli("new", path, "--company", "示例科技有限公司", "--audit-type", "initial")
    assert done.returncode == 0, done.stderr
    return path


def test_the_date_in_the_name_is_used_and_said(ws: Path, tmp_path: Path) -> None:
    plan = tmp_path / "立项报告 2025-03-05.pdf"
    plan.write_bytes(b"%PDF-1.4 plan")
    done = cli("attach", ws, "rnd.projects", plan, "--slot", "1/initiation", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["doc_date"] == "2025-03-05"
    assert "Document date 2025-03-05, taken from its name" in done.stderr


def test_word_properties_and_a_period_from_the_name(ws: Path, tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.created = dt.datetime(2025, 1, 20, 9, 0)
    review = tmp_path / "2025年度管理评审报告.docx"
    document.save(str(review))
    done = cli("attach", ws, "mgmt.management_review", review, "--json", lang="zh")
    assert done.returncode == 0, done.stderr
    ev = json.loads(done.stdout)
    assert (ev["doc_date"], ev["period_start"], ev["period_end"]) == (
        "2025-01-20",
        "2025-01-01",
        "2025-12-31",
    )
    assert "文件日期取自文档属性：2025-01-20" in done.stderr


def test_no_date_is_a_warning_and_a_given_date_wins(ws: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("会议记录", encoding="utf-8")
    done = cli("attach", ws, "mgmt.management_review", notes, "--json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["doc_date"] is None
    assert "shows no date" in done.stderr and "--date" in done.stderr
    named = tmp_path / "纪要20240101.pdf"
    named.write_bytes(b"%PDF-1.4 x")
    done = cli("attach", ws, "mgmt.management_review", named, "--date", "2025-02-03", "--json")
    assert json.loads(done.stdout)["doc_date"] == "2025-02-03"
    assert "taken from" not in done.stderr


def test_a_doubtful_date_is_named_and_not_taken(ws: Path, tmp_path: Path) -> None:
    future = dt.date.today().year + 3
    minutes = tmp_path / f"会议纪要 {future}-03-05.pdf"
    minutes.write_bytes(b"%PDF-1.4 x")
    done = cli("attach", ws, "mgmt.management_review", minutes, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["doc_date"] is None
    assert f"The date {future}-03-05 in its name is doubtful" in done.stderr
    assert "--date" in done.stderr


def test_contents_that_were_not_read_are_said(ws: Path, tmp_path: Path) -> None:
    locked = tmp_path / "加密的报告.docx"  # what Office writes for a password-protected file
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    done = cli("attach", ws, "mgmt.management_review", locked, "--json", lang="zh")
    assert done.returncode == 0, done.stderr
    assert "文件已加密，未从其内容中读取日期。" in done.stderr
    broken = tmp_path / "minutes.doc"
    broken.write_bytes(b"not a Word file")
    done = cli("attach", ws, "mgmt.management_review", broken, "--json")
    assert done.returncode == 0, done.stderr
    assert "Its contents were not read for a date: it cannot be read" in done.stderr
    assert "shows no date" in done.stderr
    readable = tmp_path / "notes.txt"
    readable.write_text("会议记录", encoding="utf-8")
    done = cli("attach", ws, "mgmt.management_review", readable, "--json")
    assert "not read" not in done.stderr
