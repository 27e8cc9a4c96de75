"""Proposed document dates and periods: from the file name, Word/Excel properties, PDF metadata;
and the review of files before attaching (hash, empty, duplicates)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipaudit.domain.model import Evidence
from ipaudit.services.evidence_dates import (
    SOURCE_NAME,
    SOURCE_PDF,
    SOURCE_PROPERTIES,
    SOURCE_TEXT,
    date_in_name,
    pdf_date,
    period_in_name,
    propose,
    word_text_date,
)
from ipaudit.services.evidence_review import file_sha256, review_files

days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))  # 19xx, 20xx
words = st.text(alphabet="会议纪要培训签到合同评审 abcxyz", max_size=8)


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("2025-03-05 会议纪要.docx", dt.date(2025, 3, 5)),
        ("培训签到20250305.pdf", dt.date(2025, 3, 5)),
        ("2025年3月5日评审记录.docx", dt.date(2025, 3, 5)),
        ("合同 2025.3.5.pdf", dt.date(2025, 3, 5)),
        ("合同_2025_03_05_v2.pdf", dt.date(2025, 3, 5)),
        ("２０２５－０３－０５纪要.docx", dt.date(2025, 3, 5)),  # full-width, NFKC
        ("专利ZL202510310140.7.pdf", None),  # a patent number is not a date
        ("20251340.pdf", None),  # month 13
        ("v1.2.3.pdf", None),
        ("2025年度管理评审报告.docx", None),
    ],
)
def test_date_in_the_file_name(name: str, day: dt.date | None) -> None:
    assert date_in_name(name) == day


@pytest.mark.parametrize(
    ("name", "period"),
    [
        ("2025年度管理评审报告.docx", (dt.date(2025, 1, 1), dt.date(2025, 12, 31))),
        ("FY2024 annual report.pdf", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
        ("2025年第一季度报告.xlsx", (dt.date(2025, 1, 1), dt.date(2025, 3, 31))),
        ("奖金2025Q3.xlsx", (dt.date(2025, 7, 1), dt.date(2025, 9, 30))),
        ("2024年2月考勤.xlsx", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("2025-03-05 会议纪要.docx", None),  # a day is a date, not a period
        ("合同.pdf", None),
    ],
)
def test_period_in_the_file_name(name: str, period: tuple[dt.date, dt.date] | None) -> None:
    assert period_in_name(name) == period


@given(
    days,
    words,
    words,
    st.sampled_from(
        [
            "{y}-{m:02d}-{d:02d}",
            "{y}{m:02d}{d:02d}",
            "{y}年{m}月{d}日",
            "{y}.{m}.{d}",
            "{y}_{m:02d}_{d:02d}",
        ]
    ),
)
def test_any_written_date_is_found_between_words(
    day: dt.date, before: str, after: str, form: str
) -> None:
    text = form.format(y=day.year, m=day.month, d=day.day)
    assert date_in_name(f"{before}{text}{after}.pdf") == day


@given(st.text(max_size=40))
def test_any_name_gives_a_real_date_or_none(name: str) -> None:
    day = date_in_name(name)
    assert day is None or 1950 <= day.year <= 2100
    period = period_in_name(name)
    assert period is None or period[0] <= period[1]


def test_word_and_excel_properties(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.created = dt.datetime(2025, 4, 1, 9, 30)
    document.add_paragraph("立项报告")
    word = tmp_path / "立项报告.docx"
    document.save(str(word))
    assert propose(word) == propose(word, "立项报告.docx")
    proposal = propose(word)
    assert (proposal.doc_date, proposal.source) == (dt.date(2025, 4, 1), SOURCE_PROPERTIES)

    book = openpyxl.Workbook()
    book.properties.created = dt.datetime(2024, 12, 30, 8, 0)
    sheet = tmp_path / "2025年度培训计划.xlsx"
    book.save(sheet)
    proposal = propose(sheet)
    assert proposal.doc_date == dt.date(2024, 12, 30)
    assert (proposal.period_start, proposal.period_end) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 12, 31),
    )


def test_the_name_wins_over_the_properties(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.created = dt.datetime(2020, 1, 1)
    word = tmp_path / "评审记录20250305.docx"
    document.save(str(word))
    proposal = propose(word)
    assert (proposal.doc_date, proposal.source) == (dt.date(2025, 3, 5), SOURCE_NAME)


def _pdf(path: Path, info: bytes, padding: int = 0) -> Path:
    body = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + b" " * padding
    path.write_bytes(body + b"2 0 obj << " + info + b" >> endobj\ntrailer << /Info 2 0 R >>\n%%EOF")
    return path


def test_pdf_creation_date_from_its_information_dictionary(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "scan.pdf", b"/Producer (x) /CreationDate (D:20250305101500+08'00')")
    assert pdf_date(pdf) == dt.date(2025, 3, 5)
    proposal = propose(pdf)
    assert (proposal.doc_date, proposal.source) == (dt.date(2025, 3, 5), SOURCE_PDF)
    # the information dictionary at the end of a large file is found too
    big = _pdf(tmp_path / "big.pdf", b"/CreationDate (D:20240101)", padding=3 << 20)
    assert pdf_date(big) == dt.date(2024, 1, 1)
    xmp = tmp_path / "xmp.pdf"
    xmp.write_bytes(b"%PDF-1.7\n<x:xmpmeta><xmp:CreateDate>2023-06-07T10:00:00</xmp:CreateDate>")
    assert pdf_date(xmp) == dt.date(2023, 6, 7)


def test_files_that_say_nothing_propose_nothing(tmp_path: Path) -> None:
    for name, data in [
        ("notes.txt", b"hello"),
        ("broken.docx", b"not a zip"),
        ("broken.xlsx", b"PK\x03\x04garbage"),
        ("fake.pdf", b"no pdf header /CreationDate (D:20250101)"),
        ("empty.pdf", b""),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        proposal = propose(path)
        assert proposal.empty and proposal.source == "", name


def test_review_flags_empty_files_and_duplicates(tmp_path: Path) -> None:
    a = tmp_path / "a.pdf"
    a.write_bytes(b"%PDF-1.4 same content")
    b = tmp_path / "b 2025-01-02.pdf"
    b.write_bytes(b"%PDF-1.4 same content")
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    existing = Evidence(
        id=1,
        item_key="rnd.projects",
        slot="",
        department="rnd",
        title="立项报告",
        original_name="a.pdf",
        size=21,
        sha256=file_sha256(a),
    )
    seen: list[tuple[int, int]] = []
    reviews = review_files([a, b, empty], [existing], lambda d, t: seen.append((d, t)))
    assert [r.duplicate_of for r in reviews] == [("立项报告",), ("立项报告",), ()]
    assert [r.repeated for r in reviews] == [False, True, False]
    assert [r.empty for r in reviews] == [False, False, True]
    assert reviews[1].proposal.doc_date == dt.date(2025, 1, 2)
    assert seen and seen[-1][0] == seen[-1][1] == a.stat().st_size * 2


def test_a_word_document_signed_and_dated_at_its_end(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.created = dt.datetime(2019, 1, 1)  # the template's date
    document.add_paragraph("知识产权管理评审报告")
    document.add_paragraph("评审范围：2025年1月1日至2025年12月31日")
    for n in range(20):
        document.add_paragraph(f"第{n + 1}条 评审内容。")
    document.add_paragraph("管理者代表：张三")
    document.add_paragraph("２０２６年１月１５日")  # the signing date, full-width
    word = tmp_path / "管理评审报告.docx"
    document.save(str(word))
    proposal = propose(word)
    assert (proposal.doc_date, proposal.source) == (dt.date(2026, 1, 15), SOURCE_TEXT)


def test_a_word_document_dated_at_its_start(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("会议纪要 2025-03-05")
    for n in range(20):
        document.add_paragraph(f"议题{n + 1}")
    word = tmp_path / "纪要.docx"
    document.save(str(word))
    assert word_text_date(word) == dt.date(2025, 3, 5)
