"""Eight digits of a document number in a file name (a contract's, a voucher's: ``HT-20250101``,
``HT20250101-003``, ``凭证号20240315``) are no date, unless the name says they are one (签订, 日期 …):
then, like a date written inside a number (``HT2025-01-01``, ``20250305-2``), it is weak — a
labelled date in the document's text beats it, while a date standing in the name still dates the
file; and an Excel serial number beside a date label in a workbook reads as that date. Names are
generated; the documents are real .docx and .xlsx files (see also
test_evidence_dates_document_numbers)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

from ipaudit.domain import dates_in_text as texts
from ipaudit.domain.dates_in_text import Choice, date_in, document_date
from ipaudit.services.evidence_dates import (
    SOURCE_NAME,
    SOURCE_PROPERTIES,
    SOURCE_TEXT,
    DateProposal,
    propose,
)

TODAY = dt.date(2026, 12, 7)
D = dt.date
days = st.dates(min_value=D(2000, 1, 1), max_value=TODAY)

#: ways a date is written in a name
FORMS = {
    "compact": lambda d: f"{d:%Y%m%d}",
    "dashes": lambda d: f"{d:%Y-%m-%d}",
    "dots": lambda d: f"{d:%Y.%m.%d}",
    "underscores": lambda d: f"{d:%Y_%m_%d}",
    "chinese": lambda d: f"{d.year}年{d.month}月{d.day}日",
}
forms = st.sampled_from(sorted(FORMS))
#: Chinese words around a date in a name: no digits, no Latin letters, no number word (号)
zh_words = st.text(alphabet="采购合同会议纪要培训签到评审报告记录通知", max_size=6)
#: what makes a date part of a number: glued to letters, after a number word
number_prefixes = st.sampled_from(
    [
        "HT",
        "CG",
        "PO",
        "abc",
        "合同号",
        "凭证号",
        "单号",
        "编号",
        "编号：",
        "合同编号 ",
        "No.",
        "NO",
        "no. ",
        "#",
        "＃",
        "订单号_",
    ]
)
#: a serial after a dash
serials = st.sampled_from(["-003", "-1", "-12", "—007", " - 2", "-0001"])
#: what may stand between a date and the words of a name that carries it alone
separators = st.sampled_from(["", " ", "_", "-", "（", "【", "·"])


def word(path: Path, paragraphs: Sequence[str], table: Sequence[Sequence[str]] = ()) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    document.core_properties.created = dt.datetime(2019, 1, 4, 9)
    document.core_properties.modified = dt.datetime(2019, 1, 4, 9)
    document.save(str(path))
    return path


def at(path: Path) -> DateProposal:
    return propose(path, today=TODAY)


def zh(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# --- the order, as data --------------------------------------------------------------------------


def test_the_kinds_of_date_in_the_order_they_win() -> None:
    order = sorted(texts.STRENGTH, key=lambda kind: -texts.STRENGTH[kind])
    assert order == [
        texts.NAME,
        texts.TEXT_LABELLED,
        texts.NAME_IN_NUMBER,
        texts.TEXT,
        texts.PROPERTIES,
    ]
    assert Choice(D(2025, 1, 1), kind=texts.NAME).strength > Choice(D(2025, 1, 1)).strength == 0


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "day", "kind"),
    [
        # a date the name vouches for (a date word), or written as one, inside a number
        ("HT20250101-003采购合同（签订）", D(2025, 1, 1), texts.NAME_IN_NUMBER),
        ("凭证号20240315-合同签订日期", D(2024, 3, 15), texts.NAME_IN_NUMBER),
        ("合同号：2025-01-01 采购合同", D(2025, 1, 1), texts.NAME_IN_NUMBER),
        ("No.2025年1月1日 order", D(2025, 1, 1), texts.NAME_IN_NUMBER),
        ("#20250101 dated", D(2025, 1, 1), texts.NAME_IN_NUMBER),
        ("HT2025.01.01-003", D(2025, 1, 1), texts.NAME_IN_NUMBER),
        ("20250101HT", D(2025, 1, 1), texts.NAME_IN_NUMBER),
        ("会议纪要2025-03-05-2", D(2025, 3, 5), texts.NAME_IN_NUMBER),
        # standing alone
        ("2025-06-01会议纪要", D(2025, 6, 1), texts.NAME),
        ("培训签到20250305", D(2025, 3, 5), texts.NAME),
        ("IMG_20250305_101522", D(2025, 3, 5), texts.NAME),
        ("mmexport1741140922123", D(2025, 3, 5), texts.NAME),
        ("HT-2025-01-01", D(2025, 1, 1), texts.NAME),  # written as a date, not glued
        # a range's first end is followed by a date, not a serial
        ("20250101-20250331报表", D(2025, 3, 31), texts.NAME),
        ("2025-01-01-2025-03-31报表", D(2025, 3, 31), texts.NAME),
        # a date standing alone beats a later one inside a number
        ("2023-01-05 HT20250301-003", D(2023, 1, 5), texts.NAME),
        # two numbers the name says are dates: the latest
        ("HT20240101-001及HT20250101-002签订", D(2025, 1, 1), texts.NAME_IN_NUMBER),
    ],
)
def test_a_names_date_and_its_kind(name: str, day: dt.date, kind: str) -> None:
    assert date_in(name, TODAY) == Choice(day, kind=kind)


@pytest.mark.parametrize(
    "name",
    [
        "HT-20250101",
        "HT20250101-003采购合同",
        "凭证号20240315-合同",
        "合同号：20250101 采购合同",
        "No.20250101 order",
        "#20250101",
        "HT20240101-001及HT20250101-002",
        "CG2025010103",
    ],
)
def test_a_document_numbers_digits_are_no_date(name: str) -> None:
    assert date_in(name, TODAY) == Choice()


def test_a_doubtful_date_inside_a_number_is_still_shown() -> None:
    assert date_in("HT20990101-003签订", TODAY) == Choice(None, D(2099, 1, 1), texts.NAME_IN_NUMBER)
    assert date_in("HT2099-01-01-003", TODAY) == Choice(None, D(2099, 1, 1), texts.NAME_IN_NUMBER)
    assert date_in("HT20990101-003", TODAY) == Choice()  # a number: not even doubtful
    assert date_in("采购合同", TODAY) == Choice()


@given(zh_words, number_prefixes, days, forms, st.booleans(), serials, zh_words)
def test_any_date_written_as_one_inside_a_number_is_weak_and_eight_digits_none(
    lead: str,
    prefix: str,
    day: dt.date,
    form: str,
    with_serial: bool,
    serial: str,
    tail: str,
) -> None:
    name = f"{lead}{prefix}{FORMS[form](day)}{serial if with_serial else ''}{tail}"
    if prefix.endswith(".") and form in ("dashes", "dots", "underscores"):
        # a separated date right after a dot is read as no date at all (1.2025-03-05 …)
        assert date_in(name, TODAY) == Choice(), name
    elif form == "compact" and prefix != "abc":  # a document number's digits (no code: abc)
        assert date_in(name, TODAY) == Choice(), name
        assert date_in(f"{name}签订", TODAY) == Choice(day, kind=texts.NAME_IN_NUMBER), name
    else:
        assert date_in(name, TODAY) == Choice(day, kind=texts.NAME_IN_NUMBER), name


@given(zh_words, days, forms, serials, zh_words)
def test_any_date_followed_by_a_serial_is_weak(
    lead: str, day: dt.date, form: str, serial: str, tail: str
) -> None:
    name = f"{lead}{FORMS[form](day)}{serial}{tail}"
    assert date_in(name, TODAY) == Choice(day, kind=texts.NAME_IN_NUMBER), name


@given(zh_words, separators, days, forms, separators, zh_words)
def test_any_date_standing_in_a_name_is_the_names(
    lead: str, before: str, day: dt.date, form: str, after: str, tail: str
) -> None:
    name = f"{lead}{before}{FORMS[form](day)}{after}{tail}"
    assert date_in(name, TODAY) == Choice(day, kind=texts.NAME), name


# --- a document's text: labelled or not ----------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "kind"),
    [
        (["采购合同", "签订日期：2025年6月1日"], texts.TEXT_LABELLED),
        (["通知", "日期：2025-06-01"], texts.TEXT_LABELLED),
        (["会议纪要", "日期", "2025-06-01"], texts.TEXT_LABELLED),
        (["合同", "甲方（盖章）：某某公司 2025年6月1日"], texts.TEXT_LABELLED),
        (["合同", "乙方（签字）", "2025年6月1日"], texts.TEXT_LABELLED),
        (["Minutes", "Date: 2025-06-01"], texts.TEXT_LABELLED),
        # not labelled: a date alone at the end under the company's name, a title's date
        (["通知", "正文", "某某公司", "2025年6月1日"], texts.TEXT),
        (["2025年6月1日培训签到表", "姓名"], texts.TEXT),
    ],
)
def test_a_documents_date_says_whether_it_is_labelled(paragraphs: list[str], kind: str) -> None:
    assert document_date(paragraphs, (), TODAY) == Choice(D(2025, 6, 1), kind=kind)


def test_the_cases_found_by_the_check(tmp_path: Path) -> None:
    contract = word(
        tmp_path / "HT20250101-003采购合同.docx", ["采购合同", "签订日期：2025年6月1日"]
    )
    voucher = word(tmp_path / "凭证号20240315-合同.docx", ["合同", "签订日期：2025年6月1日"])
    for path in (contract, voucher):
        assert (at(path).doc_date, at(path).source) == (D(2025, 6, 1), SOURCE_TEXT)
    # without a date in its text the number is still no date: the properties date it, and the
    # proposal says which digits were taken for a number
    bare = word(tmp_path / "HT20250101-003合同.docx", ["采购合同", "甲方：某某公司"])
    proposal = at(bare)
    assert (proposal.doc_date, proposal.source) == (D(2019, 1, 4), SOURCE_PROPERTIES)
    assert proposal.numbers_in_name == ("20250101",)
    # a name that says the number is its date: the number's date, from the name
    signed = word(tmp_path / "HT20250101-003合同（签订）.docx", ["采购合同", "甲方：某某公司"])
    assert (at(signed).doc_date, at(signed).source) == (D(2025, 1, 1), SOURCE_NAME)
    assert at(signed).numbers_in_name == ()


LABELLED = {
    "signed_on": lambda d: (["采购合同", "甲方：某某公司", f"签订日期：{d}"], ()),
    "date": lambda d: (["会议纪要", f"日期：{d}", "议题"], ()),
    "signing_line": lambda d: (["协议", "正文", "乙方（签字）", d], ()),
    "signature": lambda d: (["协议", "正文", f"甲方（盖章）：某某公司    {d}"], ()),
    "table": lambda d: (["合同"], [["签订日期", d]]),
}


@given(
    zh_words,
    number_prefixes,
    days,
    forms,
    st.booleans(),
    serials,
    days,
    st.sampled_from(sorted(LABELLED)),
    st.sampled_from([zh, lambda d: f"{d:%Y-%m-%d}", lambda d: f"{d:%Y.%m.%d}"]),
)
@settings(max_examples=30, deadline=None)
def test_a_labelled_date_in_the_text_beats_a_date_inside_a_number(
    tmp_path_factory: pytest.TempPathFactory,
    lead: str,
    prefix: str,
    named: dt.date,
    form: str,
    with_serial: bool,
    serial: str,
    written: dt.date,
    where: str,
    write: object,
) -> None:
    assert callable(write)
    name = f"{lead}{prefix}{FORMS[form](named)}{serial if with_serial else ''}合同.docx"
    paragraphs, table = LABELLED[where](write(written))
    path = word(tmp_path_factory.mktemp("n") / name, paragraphs, table)
    assert (at(path).doc_date, at(path).source) == (written, SOURCE_TEXT), name


@given(zh_words, separators, days, forms, days, st.sampled_from(sorted(LABELLED)))
@settings(max_examples=20, deadline=None)
def test_a_date_standing_in_the_name_beats_even_a_labelled_one(
    tmp_path_factory: pytest.TempPathFactory,
    lead: str,
    before: str,
    named: dt.date,
    form: str,
    written: dt.date,
    where: str,
) -> None:
    name = f"{lead}{before}{FORMS[form](named)}会议纪要.docx"
    paragraphs, table = LABELLED[where](zh(written))
    path = word(tmp_path_factory.mktemp("n") / name, paragraphs, table)
    assert (at(path).doc_date, at(path).source) == (named, SOURCE_NAME), name


@given(number_prefixes, days, serials, days, st.sampled_from(["签订", "日期", " dated"]))
@settings(max_examples=15, deadline=None)
def test_a_date_inside_a_number_beats_an_unlabelled_date_in_the_text(
    tmp_path_factory: pytest.TempPathFactory,
    prefix: str,
    named: dt.date,
    serial: str,
    written: dt.date,
    vouch: str,
) -> None:
    """When the name says the number is a date; else the number is none and the text's date,
    even unlabelled, dates the file."""
    folder = tmp_path_factory.mktemp("n")
    text = ["通知", "正文", "某某公司", zh(written)]
    vouched = word(folder / f"{prefix}{named:%Y%m%d}{serial}合同{vouch}.docx", text)
    assert (at(vouched).doc_date, at(vouched).source) == (named, SOURCE_NAME), vouched.name
    number = word(folder / f"{prefix}{named:%Y%m%d}{serial}合同.docx", text)
    if prefix == "abc":  # small letters are no number's code: a weak date of the name's
        assert (at(number).doc_date, at(number).source) == (named, SOURCE_NAME), number.name
    else:
        assert (at(number).doc_date, at(number).source) == (written, SOURCE_TEXT), number.name


def test_the_example_bare_dated_name(tmp_path: Path) -> None:
    path = word(tmp_path / "2025-06-01会议纪要.docx", ["会议纪要", "日期：2025年5月30日"])
    assert (at(path).doc_date, at(path).source) == (D(2025, 6, 1), SOURCE_NAME)


# --- an Excel serial number beside a date label --------------------------------------------------


def workbook(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    for row in rows:
        sheet.append(list(row))
    book.properties.created = dt.datetime(2021, 1, 4, 9)
    book.properties.modified = dt.datetime(2021, 1, 4, 9)
    book.save(path)
    return path


def serial_of(day: dt.date) -> int:
    return (day - D(1899, 12, 30)).days


def test_a_serial_number_beside_its_label_is_the_workbooks_date(tmp_path: Path) -> None:
    path = workbook(tmp_path / "经费.xlsx", [["知识产权经费使用记录"], ["制表日期", 45750]])
    sheet = openpyxl.load_workbook(path).active
    assert isinstance(sheet, Worksheet)
    cell = sheet["B2"]
    assert (cell.value, cell.is_date) == (45750, False)  # a plain number, not a date cell
    assert (at(path).doc_date, at(path).source) == (D(2025, 4, 3), SOURCE_TEXT)


def test_a_serial_number_with_a_time_and_under_the_table(tmp_path: Path) -> None:
    rows: list[list[object]] = [["序号", "名称", "金额"]]
    rows += [[n, f"材料{n}", 100 + n] for n in range(1, 40)]
    rows += [["制表人：张三", "填表日期：", 45750.625]]
    path = workbook(tmp_path / "明细.xlsx", rows)
    assert (at(path).doc_date, at(path).source) == (D(2025, 4, 3), SOURCE_TEXT)


@pytest.mark.parametrize(
    "rows",
    [
        [["日期", "金额"], [45750, 100]],  # a number under a label is a ledger's data
        [["金额", 45750]],  # beside no date label
        [["制表日期", 12345]],  # before 2000 (1933): a count, not a date
        [["制表日期", 73416]],  # after 2099
        [["制表日期", True]],
    ],
)
def test_a_number_that_is_no_date(tmp_path: Path, rows: list[list[object]]) -> None:
    path = workbook(tmp_path / "表.xlsx", rows)
    assert (at(path).doc_date, at(path).source) == (D(2021, 1, 4), SOURCE_PROPERTIES)


@given(days, st.sampled_from(["制表日期", "日期：", "填表日期", "Date:"]), st.booleans())
@settings(max_examples=20, deadline=None)
def test_any_serial_beside_a_date_label_beats_a_number_in_the_name(
    tmp_path_factory: pytest.TempPathFactory, day: dt.date, label: str, as_float: bool
) -> None:
    serial: float = serial_of(day) + (0.5 if as_float else 0)
    path = workbook(
        tmp_path_factory.mktemp("x") / "凭证号20200101-001.xlsx", [["汇总表"], [label, serial]]
    )
    assert (at(path).doc_date, at(path).source) == (day, SOURCE_TEXT)
