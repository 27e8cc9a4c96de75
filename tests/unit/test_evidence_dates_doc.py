"""Dates from the text of Word 97-2003 files, and workbooks too large to be read for their first
rows.

Real .doc files are written by LibreOffice from .docx files built here (skipped without it): a .doc
and the .docx it came from propose the same date, from a table, the body's signing line or a
header. The piece table's own cases (compressed pieces with Windows-1252's quotes, several pieces,
a field's instructions, property blocks before the piece table) are streams built here to the
letter of [MS-DOC] §2.4.1. Random, truncated and mutated files never raise; an encrypted one says
it is locked."""

from __future__ import annotations

import datetime as dt
import shutil
import struct
import tempfile
import time
import zipfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import olefile
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit.domain import word97_text
from ipaudit.services import evidence_dates
from ipaudit.services.evidence_dates import (
    SOURCE_PROPERTIES,
    SOURCE_TEXT,
    UNREAD_DAMAGED,
    UNREAD_LOCKED,
    UNREAD_TOO_LARGE,
    DateProposal,
    office_date,
    propose,
    word_text_date,
)
from tests.libreoffice import resave
from tests.unit.test_evidence_dates import word as any_word

TODAY = dt.date(2026, 12, 7)
D = dt.date
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is not installed"
)


def at(path: Path) -> DateProposal:
    return propose(path, today=TODAY)


# --- streams built to the specification ------------------------------------------------------------


def streams(
    pieces: Sequence[tuple[str, bool]],
    *,
    ccp_text: int | None = None,
    ccp_hdd: int = 0,
    flags: int = 0x0200,
    prc: bytes = b"\x01\x02\x00\x55\x66",
) -> tuple[bytes, bytes]:
    """A WordDocument stream and its table stream: the pieces' text (compressed = one byte a
    character, Windows-1252; else UTF-16LE) after a Word 97 FIB, and a Clx of ``prc`` and a Pcdt."""
    word = bytearray(0x200)
    cps, pcds = [0], b""
    for text, compressed in pieces:
        offset = len(word)
        word += text.encode("cp1252") if compressed else text.encode("utf-16-le")
        fc = (offset * 2) | 0x40000000 if compressed else offset
        cps.append(cps[-1] + len(text))
        pcds += struct.pack("<HIH", 0, fc, 0)
    total = cps[-1]
    struct.pack_into("<6H", word, 0, 0xA5EC, 0x00C1, 0, 0, 0, flags)
    struct.pack_into(
        "<3i", word, 0x4C, total - ccp_hdd if ccp_text is None else ccp_text, 0, ccp_hdd
    )
    plc = struct.pack(f"<{len(cps)}I", *cps) + pcds
    clx = prc + b"\x02" + struct.pack("<I", len(plc)) + plc
    table = b"\0" * 16 + clx
    struct.pack_into("<2I", word, 0x1A2, 16, len(clx))
    return bytes(word), table


def test_compressed_and_unicode_pieces_make_one_text() -> None:
    word, table = streams(
        [
            ("“Review” – ", True),  # Windows-1252 quotes and dash, one byte each
            ("管理评审报告\r日期", False),
            ("\x07", True),  # a table cell ends
            ("2025年3月5日\x07\x07", False),
            ("Signed\x0bJohn\r", True),  # a line break is a space
        ]
    )
    text = word97_text.read_text(word, table)
    assert text is not None
    assert text.body == ["“Review” – 管理评审报告", "日期", "2025年3月5日", "", "Signed John", ""]
    assert text.margins == []


def test_field_instructions_are_dropped_and_their_result_kept() -> None:
    word, table = streams(
        [
            ('打印日期：\x13 DATE \\@ "yyyy-MM-dd" \x142025-03-05\x15\r', False),
            ("\x13 HYPERLINK \x13 nested \x14x\x15 \x14link\x15 end\r", True),
        ]
    )
    text = word97_text.read_text(word, table)
    assert text is not None and text.body == ["打印日期：2025-03-05", "link end", ""]


def test_headers_and_footers_come_after_the_body() -> None:
    header = "页眉 2025年4月1日\r"
    word, table = streams([("正文\r", False), (header, False)], ccp_hdd=len(header))
    text = word97_text.read_text(word, table)
    assert text is not None
    assert (text.body, text.margins) == (["正文", ""], ["页眉 2025年4月1日", ""])


def test_what_does_not_hold_together_gives_no_text() -> None:
    word, table = streams([("2025年3月5日\r", False)])
    assert word97_text.read_text(word, table) is not None
    encrypted = bytearray(word)
    encrypted[0x0B] |= 0x01  # fEncrypted
    assert word97_text.encrypted(bytes(encrypted))
    assert word97_text.read_text(bytes(encrypted), table) is None
    word95 = bytearray(word)
    struct.pack_into("<H", word95, 2, 0x0065)  # a Word 6/95 FIB
    assert word97_text.read_text(bytes(word95), table) is None
    outside = bytearray(word)
    struct.pack_into("<I", outside, 0x1A2, len(table))  # the Clx past the table stream's end
    assert word97_text.read_text(bytes(outside), table) is None
    assert word97_text.read_text(word, table[:-3]) is None  # the piece table cut short
    assert word97_text.read_text(word[:-4], table) is None  # the piece past the stream's end
    assert word97_text.read_text(word, b"\0" * 16 + b"\x01\x40\x00") is None  # a Prc too long
    assert word97_text.read_text(b"", table) is None


def test_a_huge_character_count_reads_only_what_the_budget_allows() -> None:
    body = "日期：2025年3月5日\r" + "正文\r" * 10
    word, table = streams([(body, False)], ccp_text=2**31 - 1)
    text = word97_text.read_text(word, table)  # the count's start: the pieces there are read
    assert text is not None and text.body[0] == "日期：2025年3月5日"
    one = "x" * (word97_text.MAX_CHARS + 10) + "\r2025-03-05"
    word, table = streams([(one, True)])
    long = word97_text.read_text(word, table)
    assert long is not None
    assert sum(map(len, long.body)) <= word97_text.MAX_CHARS
    assert long.body[-1] == "2025-03-05"  # the end of a long text is read


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.text(max_size=40), st.booleans()), min_size=1, max_size=6),
    st.lists(st.tuples(st.integers(0, 0x1FF), st.integers(0, 255)), max_size=8),
    st.integers(0, 3),
    st.binary(max_size=64),
)
def test_mutated_streams_never_raise(
    pieces: list[tuple[str, bool]],
    word_changes: list[tuple[int, int]],
    table_changes: int,
    noise: bytes,
) -> None:
    pieces = [(t.encode("cp1252", "ignore").decode("cp1252") if c else t, c) for t, c in pieces]
    word, table = streams(pieces)
    mutated = bytearray(word)
    for where, value in word_changes:
        mutated[where] = value
    cut = table[: len(table) - table_changes * 7] + noise
    for w, t in ((bytes(mutated), table), (word, cut), (bytes(mutated), cut), (noise, noise)):
        text = word97_text.read_text(w, t)
        assert text is None or sum(map(len, text.body)) <= word97_text.MAX_CHARS + 1


# --- real .doc files from LibreOffice -------------------------------------------------------------


def word(
    path: Path,
    paragraphs: Sequence[str],
    *,
    table: Sequence[Sequence[str]] = (),
    header: str = "",
    created: dt.datetime = dt.datetime(2024, 1, 2, 9),
) -> Path:
    """A .docx written by python-docx (``test_evidence_dates.word``) with a created date and an
    author, as LibreOffice carries them into the .doc."""
    return any_word(
        path,
        paragraphs,
        table=table,
        header=header,
        created=created,
        author="张三",
        last_saved_by="张三",
    )


CASES = {
    # a date in a table cell beside its label; the period from the scope line
    "table": (
        ["知识产权管理评审报告", "评审范围：2025年1月1日至2025年12月31日"]
        + [f"第{n}项 评审输入" for n in range(1, 25)],
        {"table": [["评审日期", "2025年3月5日"], ["主持人", "张三"]]},
        D(2025, 3, 5),
    ),
    # an English report signed at the end of its body, a standard's year to be ignored
    "english": (
        ["Internal audit report", "Scope: GB/T 29490-2023 clauses 4 to 10"]
        + [f"Finding {n}: records kept" for n in range(1, 30)]
        + ["Auditor: John Smith    Date: 2025-04-08"],
        {},
        D(2025, 4, 8),
    ),
    # only the header carries the date
    "header": (
        ["培训签到表", "培训内容：专利检索", "签到：李四、王五"],
        {"header": "知识产权部 2025年5月6日"},
        D(2025, 5, 6),
    ),
}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Each case as a .docx and as the .doc LibreOffice saved from it (in parallel: one profile
    each)."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    base = tmp_path_factory.mktemp("doc")

    def one(key: str) -> tuple[Path, Path]:
        paragraphs, extra, _day = CASES[key]
        (base / key).mkdir()
        source = word(base / key / f"{key}.docx", paragraphs, **extra)  # type: ignore[arg-type]
        return source, resave(source, base / key / "out", "doc", filter_name="MS Word 97")

    with ThreadPoolExecutor(2) as pool:
        return dict(zip(CASES, pool.map(one, CASES), strict=True))


@needs_soffice
@pytest.mark.parametrize("key", list(CASES))
def test_a_doc_and_its_docx_propose_the_same_date(
    made: dict[str, tuple[Path, Path]], key: str
) -> None:
    source, doc = made[key]
    assert doc.read_bytes()[:8] == OLE  # a real Word 97 file
    from_doc, from_docx = at(doc), at(source)
    assert (from_doc.doc_date, from_doc.source) == (CASES[key][2], SOURCE_TEXT)
    assert from_doc == from_docx
    assert word_text_date(doc, TODAY) == CASES[key][2]
    assert office_date(doc, TODAY) == D(2024, 1, 2)  # its summary information is still read


@needs_soffice
def test_the_chinese_text_and_the_period_are_read(made: dict[str, tuple[Path, Path]]) -> None:
    _source, doc = made["table"]
    with olefile.OleFileIO(str(doc)) as ole:
        stream = ole.openstream("WordDocument").read()
        fib = word97_text.read_fib(stream)
        assert fib is not None
        text = word97_text.read_text(stream, ole.openstream(fib.table).read())
    assert text is not None
    assert text.body[:2] == ["知识产权管理评审报告", "评审范围：2025年1月1日至2025年12月31日"]
    assert text.body[text.body.index("评审日期") :][:2] == ["评审日期", "2025年3月5日"]
    proposal = at(doc)
    assert (proposal.period_start, proposal.period_end) == (D(2025, 1, 1), D(2025, 12, 31))


@needs_soffice
def test_an_encrypted_doc_is_locked_and_its_properties_still_count(
    made: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    _source, doc = made["table"]
    data = bytearray(doc.read_bytes())
    with olefile.OleFileIO(str(doc)) as ole:
        start = ole.openstream("WordDocument").read(32)
    fib = data.index(start)  # the WordDocument stream's first sector
    data[fib + 0x0B] |= 0x01  # fEncrypted
    locked = tmp_path / "加密.doc"
    locked.write_bytes(bytes(data))
    proposal = at(locked)
    assert (proposal.locked, proposal.unread) == (True, UNREAD_LOCKED)
    assert (proposal.doc_date, proposal.source) == (D(2024, 1, 2), SOURCE_PROPERTIES)


@needs_soffice
def test_a_docx_named_doc_is_read_as_a_docx(
    made: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    source, _doc = made["english"]
    renamed = tmp_path / "report.doc"
    renamed.write_bytes(source.read_bytes())
    assert (at(renamed).doc_date, at(renamed).source) == (D(2025, 4, 8), SOURCE_TEXT)


@needs_soffice
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cut=st.integers(0, 1 << 16),
    changes=st.lists(st.tuples(st.integers(0, 1 << 16), st.integers(0, 255)), max_size=12),
)
def test_truncated_and_mutated_docs_never_raise(
    made: dict[str, tuple[Path, Path]], cut: int, changes: list[tuple[int, int]]
) -> None:
    data = bytearray(made["table"][1].read_bytes())
    for where, value in changes:
        data[where % len(data)] = value
    with tempfile.TemporaryDirectory() as folder:
        for name, content in (("mutated.doc", data), ("truncated.doc", data[: cut % len(data)])):
            path = Path(folder) / name
            path.write_bytes(bytes(content))
            proposal = at(path)  # whatever is left of it: no exception
            assert proposal.doc_date is None or proposal.doc_date <= TODAY


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=4096), st.booleans())
def test_random_bytes_named_doc_never_raise(data: bytes, ole_header: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "随机.doc"
        path.write_bytes((OLE if ole_header else b"") + data)
        proposal = at(path)
        assert proposal.doc_date is None
        assert proposal.unread == UNREAD_DAMAGED


@needs_soffice
def test_fifty_docs_are_proposed_quickly(
    made: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    """A drop of .doc files: their text is read in a few milliseconds each."""
    data = made["table"][1].read_bytes()
    files = []
    for n in range(50):
        copy = tmp_path / f"{n:02d}.doc"
        copy.write_bytes(data)
        files.append(copy)
    started = time.perf_counter()
    proposals = [at(f) for f in files]
    elapsed = time.perf_counter() - started
    assert {p.doc_date for p in proposals} == {D(2025, 3, 5)}
    assert elapsed < 2.0, f"{elapsed:.2f} s for 50 .doc files"


# --- a huge workbook ---------------------------------------------------------------------------


def big_workbook(path: Path, rows: int) -> Path:
    """A workbook whose first rows carry a titled date and whose sheet has ``rows`` rows: made
    small by openpyxl, its sheet's XML then written out with the rows (openpyxl would take long)."""
    book = openpyxl.Workbook()
    book.active.append(["知识产权培训签到表 2025年3月5日"])
    book.active.append(["姓名", "部门", "序号"])
    book.properties.created = dt.datetime(2024, 6, 1, 8)
    small = path.with_name("small.xlsx")
    book.save(small)
    data_rows = "".join(
        f'<row r="{r}"><c r="C{r}"><v>{r}</v></c></row>' for r in range(3, rows + 1)
    )
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(
                    b"</row></sheetData>", b"</row>" + data_rows.encode() + b"</sheetData>"
                )
                content = content.replace(
                    b'<dimension ref="A1:C2"/>', f'<dimension ref="A1:C{rows}"/>'.encode()
                )
            out.writestr(info.filename, content)
    small.unlink()
    return path


def test_a_workbook_above_the_limit_is_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = big_workbook(tmp_path / "签到表.xlsx", 200_000)
    with zipfile.ZipFile(path) as book:
        unpacked = book.getinfo("xl/worksheets/sheet1.xml").file_size
    assert unpacked > 6 << 20  # the real thing: 200,000 rows of XML
    assert path.stat().st_size < 4 << 20
    # under the limit its first rows are read: the title's date
    monkeypatch.setattr(evidence_dates, "SHEET_BYTES_LIMIT", unpacked + 1)
    started = time.perf_counter()
    read = at(path)
    loaded = time.perf_counter() - started
    assert (read.doc_date, read.source, read.unread) == (D(2025, 3, 5), SOURCE_TEXT, "")
    # above it, the sheet is not loaded: the properties give the date, and the proposal says why
    monkeypatch.setattr(evidence_dates, "SHEET_BYTES_LIMIT", 1 << 20)
    started = time.perf_counter()
    skipped = at(path)
    refused = time.perf_counter() - started
    assert (skipped.doc_date, skipped.source) == (D(2024, 6, 1), SOURCE_PROPERTIES)
    assert skipped.unread == UNREAD_TOO_LARGE
    assert refused < loaded / 3, (refused, loaded)  # only a megabyte is inflated


def test_the_default_limit_reads_an_ordinary_workbook(tmp_path: Path) -> None:
    path = big_workbook(tmp_path / "签到表.xlsx", 2_000)
    proposal = at(path)
    assert (proposal.doc_date, proposal.source, proposal.unread) == (D(2025, 3, 5), SOURCE_TEXT, "")
