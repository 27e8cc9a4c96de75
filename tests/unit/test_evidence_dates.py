"""Proposed document dates and periods from real files: the name, a Word document's text (body,
table cells, headers and footers) and properties (defaults, templates, time zones), an Excel
workbook's first rows and properties, a PDF's information dictionary, XMP and pages (scanned,
encrypted, broken); and the review of files before attaching (hash, empty, duplicates)."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from ipaudit.domain.model import Evidence
from ipaudit.services.evidence_dates import (
    SOURCE_NAME,
    SOURCE_PDF,
    SOURCE_PROPERTIES,
    SOURCE_TEXT,
    UNREAD_DAMAGED,
    DateProposal,
    date_in_name,
    office_date,
    pdf_date,
    period_in_name,
    propose,
    word_text_date,
)
from ipaudit.services.evidence_review import file_sha256, review_files
from tests.libreoffice import resave

TODAY = dt.date(2026, 12, 7)
D = dt.date


# --- real files, made here -----------------------------------------------------------------------


def word(
    path: Path,
    paragraphs: Sequence[str] = (),
    *,
    table: Sequence[Sequence[str]] = (),
    header: str = "",
    footer: str = "",
    created: dt.datetime | None = None,
    modified: dt.datetime | None = None,
    author: str | None = None,
    last_saved_by: str | None = None,
) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    props = document.core_properties
    if created is not None:
        props.created = created
    if modified is not None:
        props.modified = modified
    if author is not None:
        props.author = author
    if last_saved_by is not None:
        props.last_modified_by = last_saved_by
    document.save(str(path))
    return path


def _to_unicode(text: str) -> bytes:
    chars = sorted(set(text))
    entries = "".join(f"<{ord(c):04X}> <{ord(c):04X}>\n" for c in chars)
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(chars)} beginbfchar\n{entries}endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


def pdf(
    path: Path,
    pages: Sequence[Sequence[str]] = ((),),
    *,
    info: dict[str, object] | None = None,
    xmp: bytes | None = None,
    scanned: bool = False,
    user_password: str | None = None,
) -> Path:
    """A real PDF (pypdf writes it, with its cross-reference table): each page's lines in a
    Chinese font (Identity-H, with a ToUnicode map as Word and WPS write it), or a scanned image."""
    writer = PdfWriter()
    for lines in pages:
        page = writer.add_blank_page(595, 842)
        resources = DictionaryObject()
        content = b""
        if lines:
            text = "".join(lines)
            cmap = DecodedStreamObject()
            cmap.set_data(_to_unicode(text))
            cid_font = DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Font"),
                    NameObject("/Subtype"): NameObject("/CIDFontType0"),
                    NameObject("/BaseFont"): NameObject("/STSong-Light"),
                    NameObject("/CIDSystemInfo"): DictionaryObject(
                        {
                            NameObject("/Registry"): TextStringObject("Adobe"),
                            NameObject("/Ordering"): TextStringObject("Identity"),
                            NameObject("/Supplement"): NumberObject(0),
                        }
                    ),
                }
            )
            font = DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Font"),
                    NameObject("/Subtype"): NameObject("/Type0"),
                    NameObject("/BaseFont"): NameObject("/STSong-Light"),
                    NameObject("/Encoding"): NameObject("/Identity-H"),
                    NameObject("/DescendantFonts"): ArrayObject([writer._add_object(cid_font)]),
                    NameObject("/ToUnicode"): writer._add_object(cmap),
                }
            )
            resources[NameObject("/Font")] = DictionaryObject(
                {NameObject("/F1"): writer._add_object(font)}
            )
            content = (
                b"BT /F1 12 Tf 14 TL 50 800 Td\n"
                + b"".join(
                    b"<" + line.encode("utf-16-be").hex().encode() + b"> Tj T*\n" for line in lines
                )
                + b"ET"
            )
        if scanned:
            image = DecodedStreamObject()
            image.set_data(b"\x80" * 16)
            image.update(
                {
                    NameObject("/Type"): NameObject("/XObject"),
                    NameObject("/Subtype"): NameObject("/Image"),
                    NameObject("/Width"): NumberObject(4),
                    NameObject("/Height"): NumberObject(4),
                    NameObject("/ColorSpace"): NameObject("/DeviceGray"),
                    NameObject("/BitsPerComponent"): NumberObject(8),
                }
            )
            resources[NameObject("/XObject")] = DictionaryObject(
                {NameObject("/Im1"): writer._add_object(image)}
            )
            content += b"\nq 595 0 0 842 0 0 cm /Im1 Do Q"
        stream = DecodedStreamObject()
        stream.set_data(content)
        page[NameObject("/Resources")] = resources
        page[NameObject("/Contents")] = writer._add_object(stream)
    if info:
        writer.add_metadata(info)
    if xmp is not None:
        meta = DecodedStreamObject()
        meta.set_data(xmp)
        meta.update(
            {
                NameObject("/Type"): NameObject("/Metadata"),
                NameObject("/Subtype"): NameObject("/XML"),
            }
        )
        writer._root_object[NameObject("/Metadata")] = writer._add_object(meta)
    if user_password is not None:
        writer.encrypt(user_password, "owner-secret", algorithm="RC4-128")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def xmp_packet(create: str, attribute: bool = False) -> bytes:
    date = (
        f'<rdf:Description xmp:CreateDate="{create}"/>'
        if attribute
        else f"<rdf:Description><xmp:CreateDate>{create}</xmp:CreateDate></rdf:Description>"
    )
    return (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f'{date}</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


@pytest.fixture
def shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The computer's time zone is Beijing time for the test."""
    if not hasattr(time, "tzset"):
        pytest.skip("the time zone cannot be set on this system")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def at(path: Path) -> DateProposal:
    return propose(path, today=TODAY)


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("2025-03-05 会议纪要.docx", D(2025, 3, 5)),
        ("培训签到20250305.pdf", D(2025, 3, 5)),
        ("2025年3月5日评审记录.docx", D(2025, 3, 5)),
        ("二〇二五年三月五日评审记录.docx", D(2025, 3, 5)),
        ("合同 2025.3.5.pdf", D(2025, 3, 5)),
        ("合同_2025_03_05_v2.pdf", D(2025, 3, 5)),
        ("纪要 25.3.5.docx", D(2025, 3, 5)),
        ("２０２５－０３－０５纪要.docx", D(2025, 3, 5)),  # full-width, NFKC
        ("2023-01-05 制度 修订2025-03-05.docx", D(2025, 3, 5)),  # the latest plausible
        ("专利ZL202510310140.7.pdf", None),  # a patent number is not a date
        ("20251340.pdf", None),  # month 13
        ("v1.2.3.pdf", None),
        ("2025年度管理评审报告.docx", None),
        ("GB∕T 29490-2023 对照表.xlsx", None),
        ("京知发〔2025〕12号.pdf", None),
        ("2031-01-01 计划.docx", None),  # in the future: doubtful
    ],
)
def test_date_in_the_file_name(name: str, day: dt.date | None) -> None:
    assert date_in_name(name, TODAY) == day


@pytest.mark.parametrize(
    ("name", "period"),
    [
        ("2025年度管理评审报告.docx", (D(2025, 1, 1), D(2025, 12, 31))),
        ("FY2024 annual report.pdf", (D(2024, 1, 1), D(2024, 12, 31))),
        ("2025年第一季度报告.xlsx", (D(2025, 1, 1), D(2025, 3, 31))),
        ("奖金2025Q3.xlsx", (D(2025, 7, 1), D(2025, 9, 30))),
        ("2025上半年总结.docx", (D(2025, 1, 1), D(2025, 6, 30))),
        ("2024-2025 研发项目立项.pdf", (D(2024, 1, 1), D(2025, 12, 31))),
        ("2024年2月考勤.xlsx", (D(2024, 2, 1), D(2024, 2, 29))),
        ("2025-03-05 会议纪要.docx", None),  # a day is a date, not a period
        ("合同.pdf", None),
    ],
)
def test_period_in_the_file_name(name: str, period: tuple[dt.date, dt.date] | None) -> None:
    assert period_in_name(name, TODAY) == period


@given(st.dates(min_value=D(2000, 1, 1), max_value=TODAY), st.sampled_from([".pdf", ".docx", ""]))
@settings(max_examples=60)
def test_a_dated_name_is_proposed_whatever_the_file(day: dt.date, suffix: str) -> None:
    name = f"记录 {day:%Y-%m-%d}{suffix}"
    proposal = propose(Path("/nonexistent") / name, today=TODAY)
    assert (proposal.doc_date, proposal.source, proposal.doubtful) == (day, SOURCE_NAME, None)


def test_a_doubtful_name_is_shown_not_proposed(tmp_path: Path) -> None:
    future = tmp_path / "2031-01-01 计划.txt"
    future.write_text("x")
    proposal = at(future)
    assert proposal.doc_date is None
    assert (proposal.doubtful, proposal.doubtful_source) == (D(2031, 1, 1), SOURCE_NAME)
    # a plausible date in the contents is proposed instead, the doubtful one is not kept
    dated = word(tmp_path / "2031-01-01 计划.docx", ["计划", "日期：2025年3月5日"])
    proposal = at(dated)
    assert (proposal.doc_date, proposal.source, proposal.doubtful) == (
        D(2025, 3, 5),
        SOURCE_TEXT,
        None,
    )


# --- Word -------------------------------------------------------------------------------------


def test_word_text_date_in_a_table_cell(tmp_path: Path) -> None:
    path = word(
        tmp_path / "签到表.docx",
        ["知识产权培训签到表", "依据 GB/T 29490-2023 第7.2条"],
        table=[["培训主题", "专利检索"], ["日期", "2025年3月5日"], ["讲师", "王五"]],
        created=dt.datetime(2024, 1, 1),
    )
    assert word_text_date(path, TODAY) == D(2025, 3, 5)
    assert (at(path).doc_date, at(path).source) == (D(2025, 3, 5), SOURCE_TEXT)


def test_word_dated_in_its_header_or_footer(tmp_path: Path) -> None:
    body = [f"第{n}条 制度内容。" for n in range(40)]
    path = word(
        tmp_path / "制度.docx", body, footer="发布日期：2025-02-01", header="Q/ABC 001-2024"
    )
    assert word_text_date(path, TODAY) == D(2025, 2, 1)


def test_word_signed_and_dated_at_its_end(tmp_path: Path) -> None:
    path = word(
        tmp_path / "管理评审报告.docx",
        ["知识产权管理评审报告", "评审范围：2025年1月1日至2025年12月31日"]
        + [f"第{n + 1}条 评审内容，依据2019年1月1日发布的手册。" for n in range(20)]
        + ["管理者代表：张三", "二〇二六年一月十五日"],
        created=dt.datetime(2019, 1, 1),  # the template's date
    )
    proposal = at(path)
    assert (proposal.doc_date, proposal.source) == (D(2026, 1, 15), SOURCE_TEXT)
    # the period comes from the range in its opening paragraphs
    assert (proposal.period_start, proposal.period_end, proposal.period_source) == (
        D(2025, 1, 1),
        D(2025, 12, 31),
        SOURCE_TEXT,
    )


def test_word_title_gives_the_period(tmp_path: Path) -> None:
    path = word(tmp_path / "报告.docx", ["2025年第二季度知识产权工作报告", "正文"])
    proposal = at(path)
    assert (proposal.period_start, proposal.period_end) == (D(2025, 4, 1), D(2025, 6, 30))


@pytest.mark.parametrize(
    "default",
    [
        dt.datetime(1601, 1, 1),  # a FILETIME of zero
        dt.datetime(1899, 12, 30),  # an OLE date of zero
        dt.datetime(1980, 1, 1),  # the zip epoch
        None,  # python-docx's template: 2013-12-23T23:15:00Z
    ],
)
def test_word_default_properties_are_no_date(tmp_path: Path, default: dt.datetime | None) -> None:
    path = word(tmp_path / "无日期.docx", ["正文"], created=default, modified=default)
    assert office_date(path, TODAY) is None
    proposal = at(path)
    assert proposal.empty and proposal.doubtful is None


def test_word_properties(tmp_path: Path) -> None:
    path = word(tmp_path / "立项报告.docx", ["立项报告"], created=dt.datetime(2025, 4, 1, 9, 30))
    assert propose(path, today=TODAY) == propose(path, "立项报告.docx", today=TODAY)
    assert (at(path).doc_date, at(path).source) == (D(2025, 4, 1), SOURCE_PROPERTIES)


def test_word_made_from_someone_elses_older_file_is_dated_by_its_last_save(tmp_path: Path) -> None:
    path = word(
        tmp_path / "纪要.docx",
        ["会议纪要"],
        created=dt.datetime(2019, 5, 1),
        modified=dt.datetime(2025, 3, 5, 10),
        author="行政部模板",
        last_saved_by="张三",
    )
    assert office_date(path, TODAY) == D(2025, 3, 5)
    # the same person's file edited again later keeps the day it was written
    own = word(
        tmp_path / "自己.docx",
        ["会议纪要"],
        created=dt.datetime(2023, 5, 1),
        modified=dt.datetime(2025, 3, 5, 10),
        author="张三",
        last_saved_by="张三",
    )
    assert office_date(own, TODAY) == D(2023, 5, 1)


def test_word_properties_in_utc_are_read_in_the_computers_time_zone(
    tmp_path: Path, shanghai: None
) -> None:
    # 23:30 UTC on 4 March is 07:30 on 5 March in Beijing
    path = word(tmp_path / "早会.docx", ["早会"], created=dt.datetime(2025, 3, 4, 23, 30))
    assert office_date(path, TODAY) == D(2025, 3, 5)


def test_word_property_in_the_future_is_doubtful(tmp_path: Path) -> None:
    path = word(tmp_path / "钟错了.docx", ["正文"], created=dt.datetime(2030, 6, 1))
    proposal = at(path)
    assert proposal.doc_date is None
    assert (proposal.doubtful, proposal.doubtful_source) == (D(2030, 6, 1), SOURCE_PROPERTIES)


def test_encrypted_word_and_excel_are_locked(tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = word(tmp_path / "plain.docx", ["日期：2025年3月5日"])
    for name in ("加密.docx", "加密.xlsx"):
        locked = tmp_path / name
        with plain.open("rb") as f, locked.open("wb") as out:
            OOXMLFile(f).encrypt("secret", out)
        proposal = at(locked)
        assert proposal.empty and proposal.locked, name
    # a name still dates it
    named = tmp_path / "加密 2025-03-05.docx"
    shutil.copy(tmp_path / "加密.docx", named)
    assert (at(named).doc_date, at(named).source) == (D(2025, 3, 5), SOURCE_NAME)


# --- Excel ------------------------------------------------------------------------------------


def test_excel_labelled_date_in_the_first_rows_wins_over_its_properties(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2025年第一季度研发费用明细"])
    sheet.append(["填表日期：2025-04-02"])
    sheet.append(["日期", "金额"])
    sheet.append([dt.datetime(2025, 1, 2), 5])
    book.properties.created = dt.datetime(2024, 12, 30, 8, 0)
    path = tmp_path / "费用.xlsx"
    book.save(path)
    proposal = at(path)
    assert (proposal.doc_date, proposal.source) == (D(2025, 4, 2), SOURCE_TEXT)
    assert (proposal.period_start, proposal.period_end, proposal.period_source) == (
        D(2025, 1, 1),
        D(2025, 3, 31),
        SOURCE_TEXT,
    )


def test_excel_date_cell_beside_its_label(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["专利年费缴纳表"])
    book.active.append(["制表日期", dt.datetime(2025, 5, 6)])
    path = tmp_path / "年费.xlsx"
    book.save(path)
    assert (at(path).doc_date, at(path).source) == (D(2025, 5, 6), SOURCE_TEXT)


def test_excel_dated_under_its_table(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["序号", "专利名称", "申请日"])
    for n in range(1, 40):
        book.active.append([n, f"专利{n}", dt.datetime(2024, 1, 1 + n % 28)])
    book.active.append(["制表人：张三", None, "制表日期：2025年3月5日"])
    path = tmp_path / "专利清单.xlsx"
    book.save(path)
    assert (at(path).doc_date, at(path).source) == (D(2025, 3, 5), SOURCE_TEXT)


def test_excel_ledger_rows_are_data_its_properties_date_it(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["日期", "摘要", "金额"])
    for day in range(1, 9):
        book.active.append([dt.datetime(2025, 1, day), "研发材料", 100])
    book.properties.created = dt.datetime(2025, 6, 1, 12)
    path = tmp_path / "台账.xlsx"
    book.save(path)
    proposal = at(path)
    assert (proposal.doc_date, proposal.source) == (D(2025, 6, 1), SOURCE_PROPERTIES)
    # and the name's period
    named = tmp_path / "2025年度培训计划.xlsx"
    book.save(named)
    assert (at(named).period_start, at(named).period_end, at(named).period_source) == (
        D(2025, 1, 1),
        D(2025, 12, 31),
        SOURCE_NAME,
    )


# --- PDF --------------------------------------------------------------------------------------


def test_pdf_creation_date_from_its_information_dictionary(tmp_path: Path) -> None:
    path = pdf(tmp_path / "scan.pdf", info={"/CreationDate": "D:20250305101500+08'00'"})
    assert pdf_date(path, TODAY) == D(2025, 3, 5)
    assert (at(path).doc_date, at(path).source) == (D(2025, 3, 5), SOURCE_PDF)


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("D:20250305", D(2025, 3, 5)),
        ("D:20250304200000Z", D(2025, 3, 5)),  # 04:00 in Beijing, the computer's time zone
        ("D:20250304200000Z'", D(2025, 3, 5)),  # as LibreOffice writes it
        ("D:20250304200000-08'00'", D(2025, 3, 5)),  # 12:00 in Beijing
        ("D:20250305010000+08'00'", D(2025, 3, 5)),
        ("D:20250305016099+08'00'", D(2025, 3, 5)),  # a time out of range: the day as written
        ("20250305101500Z", D(2025, 3, 5)),  # no D:
        ("D: 20250305", D(2025, 3, 5)),
        ("D:2025", None),  # a year only
        ("D:20251399", None),  # no real day
        ("D:19700101000000Z", None),  # a program's default
        ("yesterday", None),
        ("", None),
    ],
)
def test_pdf_malformed_dates(tmp_path: Path, stamp: str, day: dt.date | None) -> None:
    path = pdf(tmp_path / "x.pdf", info={"/CreationDate": stamp})
    assert pdf_date(path, TODAY) == day


def test_pdf_date_written_in_utf16(tmp_path: Path) -> None:
    stamp = ByteStringObject(b"\xfe\xff" + "D:20250305120000+08'00'".encode("utf-16-be"))
    path = pdf(tmp_path / "wps.pdf", info={"/CreationDate": stamp})
    assert pdf_date(path, TODAY) == D(2025, 3, 5)


def test_pdf_xmp_create_date(tmp_path: Path) -> None:
    path = pdf(tmp_path / "xmp.pdf", xmp=xmp_packet("2023-06-07T10:00:00+08:00"))
    assert pdf_date(path, TODAY) == D(2023, 6, 7)
    path = pdf(tmp_path / "attr.pdf", xmp=xmp_packet("2023-06-08T10:00:00Z", attribute=True))
    assert pdf_date(path, TODAY) == D(2023, 6, 8)


def test_pdf_text_date_on_its_first_or_last_page(tmp_path: Path) -> None:
    path = pdf(
        tmp_path / "合同.pdf",
        [
            ["技术开发合同", "合同期限：2025年1月1日至2026年12月31日"],
            ["条款"],
            ["甲方（盖章）", "2025年1月2日"],
        ],
        info={"/CreationDate": "D:20251201"},
    )
    proposal = at(path)
    assert (proposal.doc_date, proposal.source) == (D(2025, 1, 2), SOURCE_TEXT)
    assert (proposal.period_start, proposal.period_end) == (D(2025, 1, 1), D(2026, 12, 31))


def test_a_scanned_pdf_has_no_text_date_only_its_metadata(tmp_path: Path) -> None:
    path = pdf(tmp_path / "扫描件.pdf", [[]], scanned=True, info={"/CreationDate": "D:20250310"})
    assert (at(path).doc_date, at(path).source) == (D(2025, 3, 10), SOURCE_PDF)
    bare = pdf(tmp_path / "扫描件2.pdf", [[], []], scanned=True)
    assert at(bare) == DateProposal()


def test_an_encrypted_pdf_is_locked_unless_it_opens_without_a_password(tmp_path: Path) -> None:
    info = {"/CreationDate": "D:20250305"}
    locked = pdf(tmp_path / "加密.pdf", [["日期：2025年3月5日"]], info=info, user_password="secret")
    proposal = at(locked)
    assert proposal.empty and proposal.locked
    # only restricted (an owner password, no user password): it opens, its dates are read
    restricted = pdf(tmp_path / "受限.pdf", [["日期：2025年3月6日"]], info=info, user_password="")
    proposal = at(restricted)
    assert (proposal.doc_date, proposal.source, proposal.locked) == (
        D(2025, 3, 6),
        SOURCE_TEXT,
        False,
    )


def test_a_pdf_too_broken_to_parse_still_gives_its_dates(tmp_path: Path) -> None:
    # no cross-reference table, no objects pypdf can follow: the dates are read as bytes
    path = tmp_path / "broken.pdf"
    path.write_bytes(
        b"%PDF-1.4\n" + b" " * (3 << 20) + b"2 0 obj << /CreationDate (D:20240101) >> endobj\n%%EOF"
    )
    assert pdf_date(path, TODAY) == D(2024, 1, 1)


def test_files_that_say_nothing_propose_nothing(tmp_path: Path) -> None:
    for name, data in [
        ("notes.txt", b"hello"),
        ("broken.docx", b"not a zip"),
        ("broken.xlsx", b"PK\x03\x04garbage"),
        ("broken.pptx", b"PK\x03\x04garbage"),
        ("fake.pdf", b"no pdf header /CreationDate (D:20250101)"),
        ("empty.pdf", b""),
        ("empty.docx", b""),
        ("truncated.pdf", b"%PDF-1.7\n1 0 obj << /Type /Cat"),
        ("broken.doc", b"not an OLE file"),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        proposal = at(path)
        # a file of a kind that is read, that cannot be: the proposal says its contents were not
        # read (a text file is not read at all; a truncated PDF is searched as bytes)
        unread = "" if name in ("notes.txt", "truncated.pdf") else UNREAD_DAMAGED
        assert proposal == DateProposal(unread=unread), name


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_word_97_and_opendocument_files_saved_by_libreoffice(tmp_path: Path) -> None:
    source = word(
        tmp_path / "纪要.docx",
        ["会议纪要", "会议时间：2025年3月5日"],
        created=dt.datetime(2025, 3, 1, 12),
        author="张三",
        last_saved_by="张三",
    )
    doc = resave(source, tmp_path / "out", "doc")
    assert doc.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a real Word 97 file
    # its text gives the meeting's day; its summary information the day it was created
    assert (at(doc).doc_date, at(doc).source) == (D(2025, 3, 5), SOURCE_TEXT)
    assert office_date(doc, TODAY) == D(2025, 3, 1)
    odt = resave(source, tmp_path / "out", "odt")
    assert (at(odt).doc_date, at(odt).source) == (D(2025, 3, 5), SOURCE_TEXT)
    assert office_date(odt, TODAY) == D(2025, 3, 1)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_real_pdf_printed_from_word_by_libreoffice(tmp_path: Path) -> None:
    source = word(
        tmp_path / "会议纪要.docx",
        ["知识产权工作会议纪要", "会议时间：2025年3月5日 9:00", "参加人员：张三、李四"]
        + [f"{n}. 议题" for n in range(1, 6)]
        + ["记录人：王五"],
        created=dt.datetime(2019, 1, 1),
    )
    printed = resave(source, tmp_path / "out", "pdf")
    proposal = propose(printed)  # today: the conversion wrote today's CreationDate
    assert (proposal.doc_date, proposal.source) == (D(2025, 3, 5), SOURCE_TEXT)
    assert pdf_date(printed) == dt.date.today()


# --- speed ------------------------------------------------------------------------------------


def test_two_hundred_mixed_files_are_proposed_quickly(tmp_path: Path) -> None:
    """Proposing runs in the GUI's worker; still, a drop of 200 files must not take long."""
    kinds = [
        word(tmp_path / "w.docx", ["纪要"] + ["正文"] * 50 + ["日期：2025年3月5日"]),
        pdf(tmp_path / "p.pdf", [["通知", "2025年3月5日"]], info={"/CreationDate": "D:20250305"}),
        pdf(tmp_path / "s.pdf", [[]], scanned=True, info={"/CreationDate": "D:20250305"}),
    ]
    book = openpyxl.Workbook()
    for n in range(200):
        book.active.append([f"行{n}", n, dt.datetime(2025, 1, 1)])
    book.save(tmp_path / "x.xlsx")
    kinds.append(tmp_path / "x.xlsx")
    files = []
    for n in range(200):
        kind = kinds[n % len(kinds)]
        copy = tmp_path / f"{n:03d}{kind.suffix}"
        shutil.copy(kind, copy)
        files.append(copy)
    start = time.perf_counter()
    proposals = [propose(f) for f in files]  # the workbook was created today
    elapsed = time.perf_counter() - start
    assert [f.name for f, p in zip(files, proposals, strict=True) if p.doc_date is None] == []
    assert elapsed < 20, elapsed  # about 1-2 s on the development machine


# --- the review before attaching -------------------------------------------------------------


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


@given(
    st.dates(min_value=D(2000, 1, 1), max_value=TODAY),
    st.sampled_from(
        ["{d:%Y-%m-%d}", "{d.year}年{d.month}月{d.day}日", "{d:%Y.%m.%d}", "{d:%Y%m%d}"]
    ),
    st.sampled_from(["body", "table", "footer"]),
)
@settings(max_examples=25, deadline=None)
def test_any_dated_word_document_is_dated_by_its_text(
    tmp_path_factory: pytest.TempPathFactory, day: dt.date, form: str, where: str
) -> None:
    written = "日期：" + form.format(d=day)
    path = tmp_path_factory.mktemp("w") / "无名.docx"
    word(
        path,
        ["通知", "正文"] + (["某某公司", written] if where == "body" else []),
        table=[["日期", form.format(d=day)]] if where == "table" else (),
        footer=written if where == "footer" else "",
        created=dt.datetime(2019, 1, 1),
    )
    assert (at(path).doc_date, at(path).source) == (day, SOURCE_TEXT)


def _zip(parts: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return buffer.getvalue()


@given(
    st.sampled_from([".docx", ".xlsx", ".pptx", ".pdf", ".doc", ".xls", ".odt", ".ods", ".txt"]),
    st.one_of(
        st.binary(max_size=2000),
        st.binary(max_size=2000).map(lambda b: b"%PDF-1.7\n" + b),
        st.binary(max_size=2000).map(lambda b: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b),
        st.tuples(st.text(max_size=200), st.text(max_size=200)).map(
            lambda t: _zip(
                {
                    "word/document.xml": f"<w:p><w:t>{t[0]}</w:t></w:p>".encode(),
                    "docProps/core.xml": f"<dcterms:created>{t[1]}</dcterms:created>".encode(),
                    "content.xml": f"<text:p>{t[0]}</text:p>".encode(),
                    "meta.xml": f"<meta:creation-date>{t[1]}</meta:creation-date>".encode(),
                }
            )
        ),
    ),
)
@settings(max_examples=150, deadline=None)
def test_any_file_gives_a_proposal_and_never_an_error(
    tmp_path_factory: pytest.TempPathFactory, suffix: str, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("f") / f"文件{suffix}"
    path.write_bytes(data)
    proposal = at(path)
    assert proposal.doc_date is None or D(2000, 1, 1) <= proposal.doc_date <= TODAY
    if proposal.period_start is not None:
        assert proposal.period_end is not None and proposal.period_start <= proposal.period_end
