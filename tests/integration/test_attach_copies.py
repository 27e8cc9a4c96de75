"""The demo's labour contracts (two, three required): an empty file or a second copy of a contract
does not make the third. ``attach`` refuses them (exit 4) and says what to do; with --force they
are attached, the count stays 2 and each is a finding of its own, in the findings and in the pack."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ipaudit.cli import EXIT_INPUT, EXIT_OK
from ipaudit.services.evidence_review import AttachRefused
from ipaudit.services.workspace import Workspace
from tests.integration.cli_run import ok, ok_json, run

ITEM = "hr.labour_contracts"
DAY = "2025-06-01"  # inside the demo's audit period


def findings(capsys: pytest.CaptureFixture[str], ws: Path) -> list[dict[str, object]]:
    return [f for f in ok_json(capsys, "findings", ws) if f["item"] == ITEM]


def short_by(capsys: pytest.CaptureFixture[str], ws: Path) -> list[str]:
    return [
        f["message_zh"]  # type: ignore[misc]
        for f in findings(capsys, ws)
        if f["code"] == "too_few_records"
    ]


@pytest.fixture
def contract_copy(demo_path: Path, tmp_path: Path) -> Path:
    """劳动合同-王五.txt: the bytes of the demo's first labour contract under another name."""
    with Workspace.open(demo_path) as ws:
        first = ws.evidence(ITEM)[0]
        return ws.save_evidence_file(first.id, tmp_path / "劳动合同-王五.txt")


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    return path


def test_an_empty_file_is_refused_and_says_what_to_do(
    capsys: pytest.CaptureFixture[str], demo_path: Path, empty: Path
) -> None:
    assert short_by(capsys, demo_path) == ["劳动合同（至少三套）：需要至少 3 份有效记录，现有 2 份"]
    before = ok_json(capsys, "evidence", demo_path, "--item", ITEM)

    code, out, err = run(capsys, "attach", demo_path, ITEM, empty, "--date", "2026-01-05")
    assert code == EXIT_INPUT and out == ""
    assert "“empty.docx”是空的（0 字节），不能作为记录，未附加" in err
    assert "改附有内容的原件" in err and "如确需附上，请加 --force" in err
    assert ok_json(capsys, "evidence", demo_path, "--item", ITEM) == before
    assert len(short_by(capsys, demo_path)) == 1  # still two of three


def test_a_second_copy_is_refused_in_english_too(
    capsys: pytest.CaptureFixture[str],
    demo_path: Path,
    contract_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("IPAUDIT_LANG", "en")
    code, _out, err = run(capsys, "attach", demo_path, ITEM, contract_copy, "--date", DAY)
    assert code == EXIT_INPUT
    assert "'Labour contracts (at least three)' already holds a file with exactly these" in err
    assert "'劳动合同-郭子豪'" in err and "'劳动合同-王五.txt' was not attached" in err
    assert "the same contents count as one record" in err and "add --force" in err
    assert ITEM not in err  # the item by its title
    assert len(ok_json(capsys, "evidence", demo_path, "--item", ITEM)) == 2


def test_forced_they_are_attached_and_each_is_a_finding(
    capsys: pytest.CaptureFixture[str], demo_path: Path, empty: Path, contract_copy: Path
) -> None:
    code, out, err = run(capsys, "attach", demo_path, ITEM, empty, "--date", DAY, "--force")
    assert code == EXIT_OK and out.split()[2:] == ["0", "empty.docx"]
    assert "0 字节" in err  # attached, with a warning
    code, out, err = run(
        capsys, "attach", demo_path, ITEM, contract_copy, "--date", DAY, "--force", "--json"
    )
    assert code == EXIT_OK and "同一内容只算一份记录" in err
    assert len(ok_json(capsys, "evidence", demo_path, "--item", ITEM)) == 4

    found = {f["code"]: f for f in findings(capsys, demo_path)}
    assert found["too_few_records"]["message_zh"].endswith("现有 2 份")  # type: ignore[union-attr]
    blank, copy = found["evidence_empty"], found["evidence_duplicate"]
    assert blank["grade"] == "minor" and copy["grade"] == "observation"
    assert "《empty》是空文件（0 字节），不算一份记录" in blank["message_zh"]  # type: ignore[operator]
    assert "《劳动合同-王五》与《劳动合同-郭子豪》内容完全相同" in copy["message_zh"]  # type: ignore[operator]

    # a third contract of its own fills the count; the empty file and the copy stay findings
    third = empty.with_name("劳动合同-李四.txt")
    third.write_text("劳动合同 甲方 星海智能装备有限公司 乙方 李四", encoding="utf-8")
    ok(capsys, "attach", demo_path, ITEM, third, "--date", DAY)
    codes = sorted(f["code"] for f in findings(capsys, demo_path))  # type: ignore[type-var]
    assert codes == ["evidence_duplicate", "evidence_empty"]


def test_the_pack_lists_them_with_what_to_do(
    capsys: pytest.CaptureFixture[str],
    demo_path: Path,
    empty: Path,
    contract_copy: Path,
    tmp_path: Path,
) -> None:
    ok(capsys, "attach", demo_path, ITEM, empty, "--date", DAY, "--force")
    ok(capsys, "attach", demo_path, ITEM, contract_copy, "--date", DAY, "--force")
    pack = tmp_path / "pack"
    ok(capsys, "export", demo_path, pack, "--no-evidence", "--no-toc-pages")
    book = load_workbook(pack / "迎审工作簿.xlsx", read_only=True)
    rows = [
        " | ".join(str(c) for c in row if c is not None)
        for row in book["发现项"].iter_rows(values_only=True)
    ]
    book.close()
    [blank] = [r for r in rows if "是空文件（0 字节）" in r]
    assert "○ 一般不符合" in blank and "换成有内容的文件（新版本），或移除这个空文件" in blank
    [copy] = [r for r in rows if "内容完全相同" in r]
    assert "△ 观察项" in copy and "移除重复的一份" in copy
    import docx

    report = docx.Document(str(pack / "迎审就绪报告.docx"))
    cells = {c.text for t in report.tables for r in t.rows for c in r.cells}
    assert any("《empty》是空文件（0 字节）" in c for c in cells)
    assert any("《劳动合同-王五》与《劳动合同-郭子豪》内容完全相同" in c for c in cells)


def test_rows_stored_without_their_hash_still_count_and_attach(
    capsys: pytest.CaptureFixture[str], demo_path: Path, contract_copy: Path
) -> None:
    """Evidence rows that lack their SHA-256 (written without one) are each a record of their
    own: the checks run, nothing is called a copy of them, and attaching next to them works."""
    with sqlite3.connect(demo_path) as db:
        db.execute("UPDATE evidence SET sha256 = '' WHERE item_key = ?", (ITEM,))
    db.close()
    assert len(short_by(capsys, demo_path)) == 1
    ok(capsys, "attach", demo_path, ITEM, contract_copy, "--date", DAY)  # no hash to match
    assert short_by(capsys, demo_path) == []  # three rows, none known to be the same
    codes = {f["code"] for f in findings(capsys, demo_path)}
    assert "evidence_duplicate" not in codes


def test_the_service_decides_for_every_caller(demo_path: Path, empty: Path, contract_copy: Path):
    with Workspace.open(demo_path) as ws:
        refused = ws.attach_refusal(ITEM, empty)
        assert isinstance(refused, AttachRefused) and refused.reason == "empty"
        with pytest.raises(AttachRefused) as exc:
            ws.attach(ITEM, contract_copy)
        assert exc.value.reason == "duplicate" and exc.value.same == ("劳动合同-郭子豪",)
        # the drop dialog's review flags the same files by the same rule
        review_empty, review_copy = ws.review_files(ITEM, [empty, contract_copy])
        assert review_empty.empty and review_copy.duplicate_of == ("劳动合同-郭子豪",)
        assert ws.attach_refusal(ITEM, contract_copy.with_name("不存在.txt")) is None
        assert len(ws.evidence(ITEM)) == 2
