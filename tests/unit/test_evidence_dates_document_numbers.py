"""A document number in a file name is a number, not the document's date, as an auditor's clerk
reads it: ``HT-20250101.pdf`` (a contract number: a code, a dash, eight digits) proposes no date
from its name — the text, the properties or the user date it — unless the name says the digits
are a date (签订, 日期, dated …) or writes them as one (``HT-2025-01-01``). A camera's or scanner's
time stamp stays a date. Names are generated; the files are real PDFs and .docx files, attached
through the command line."""

from __future__ import annotations

import datetime as dt
import json
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.domain import dates_in_text as texts
from ipaudit.domain.dates_in_text import Choice, date_in, numbers_in
from ipaudit.services import Workspace
from ipaudit.services.evidence_dates import (
    SOURCE_NAME,
    SOURCE_PDF,
    SOURCE_TEXT,
    number_note,
    propose,
)
from tests.integration.cli_run import new_workspace, run
from tests.unit.test_evidence_dates import pdf, word

TODAY = dt.date(2026, 12, 7)
D = dt.date
days = st.dates(min_value=D(2000, 1, 1), max_value=TODAY)
#: a document number's code: capitals (not a camera's or a scanner's name)
codes = st.text(alphabet=string.ascii_uppercase, min_size=1, max_size=6).filter(
    lambda c: not texts.STAMP_BEFORE.search(c + "_")
)
separators = st.sampled_from(["-", "_", ".", ":", "#", "/", " ", " - ", "－", "—"])
serials = st.sampled_from(["", "-003", "-1", "_02"])
#: Chinese words around a name's number: no digits, Latin letters or date words
zh_words = st.text(alphabet="采购合同订单发票凭证扫描件复印件协议", max_size=6)
date_words = st.sampled_from(["签订", "签订日期", "日期", "签署", " dated ", " signed "])
stamps = st.sampled_from(["IMG_", "IMG", "VID_", "PXL_", "Screenshot_", "Scan_", "扫描 Scan "])
times = st.sampled_from(["", "_101522", "_235959", "101522"])


def compact(day: dt.date) -> str:
    return f"{day:%Y%m%d}"


@given(zh_words, codes, separators, days, serials, zh_words)
def test_a_code_and_eight_digits_is_a_number(
    lead: str, code: str, sep: str, day: dt.date, serial: str, tail: str
) -> None:
    name = f"{lead}{code}{sep}{compact(day)}{serial}{tail}"
    assert date_in(name, TODAY) == Choice(), name
    assert numbers_in(name, TODAY) == [compact(day)], name


@given(zh_words, codes, separators, days, serials, zh_words, date_words, st.booleans())
def test_a_name_that_says_the_number_is_its_date_is_believed(
    lead: str,
    code: str,
    sep: str,
    day: dt.date,
    serial: str,
    tail: str,
    word: str,
    first: bool,
) -> None:
    number = f"{code}{sep}{compact(day)}{serial}"
    name = f"{word}{lead}{number}{tail}" if first else f"{lead}{number}{tail}{word}"
    assert date_in(name, TODAY) == Choice(day, kind=texts.NAME_IN_NUMBER), name
    assert numbers_in(name, TODAY) == [], name


@given(zh_words, codes, st.sampled_from(["-", "_", " "]), days, zh_words)
def test_a_number_written_as_a_date_is_a_date(
    lead: str, code: str, sep: str, day: dt.date, tail: str
) -> None:
    for written in (f"{day:%Y-%m-%d}", f"{day.year}年{day.month}月{day.day}日"):
        name = f"{lead}{code}{sep}{written}{tail}"
        assert date_in(name, TODAY).day == day, name
        assert numbers_in(name, TODAY) == [], name


@given(zh_words, stamps, days, times)
def test_a_time_stamp_is_a_date(lead: str, stamp: str, day: dt.date, time: str) -> None:
    name = f"{lead}{stamp}{compact(day)}{time}"
    assert date_in(name, TODAY) == Choice(day, kind=texts.NAME), name


@given(codes, st.integers(0, 99), days)
def test_more_digits_than_a_day_are_no_date(code: str, serial: int, day: dt.date) -> None:
    name = f"{code}{compact(day)}{serial:02d}"  # CG2025010103: a purchase order's number
    assert date_in(name, TODAY) == Choice(), name


@given(zh_words, days, zh_words)
def test_eight_digits_among_chinese_words_stay_a_date(lead: str, day: dt.date, tail: str) -> None:
    name = f"{lead}{compact(day)}{tail}"  # 培训签到20250305: no number's prefix
    assert date_in(name, TODAY) == Choice(day, kind=texts.NAME), name


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("HT-20250101", None),
        ("CG2025010103", None),
        ("No.20250101", None),
        ("HT-20250101 2025年1月5日", D(2025, 1, 5)),  # a date of its own beside the number
        ("HT-20250101签订", D(2025, 1, 1)),
        ("IMG_20250305_101522", D(2025, 3, 5)),
        ("Minutes_20250305", D(2025, 3, 5)),  # a word, not a code
        ("2025-06-01会议纪要", D(2025, 6, 1)),
    ],
)
def test_the_clerks_examples(name: str, day: dt.date | None) -> None:
    assert date_in(name, TODAY).day == day


# --- real files ----------------------------------------------------------------------------------


def test_a_scanned_contract_named_by_its_number_proposes_no_date(tmp_path: Path) -> None:
    scanned = pdf(tmp_path / "HT-20250101.pdf", [[]], scanned=True)
    proposal = propose(scanned, today=TODAY)
    assert proposal.doc_date is None and proposal.doubtful is None
    assert proposal.numbers_in_name == ("20250101",)
    note = number_note(proposal)
    assert note is not None and "20250101" in note.zh and "document number" in note.en
    # its metadata, when it has one, dates it
    meta = pdf(
        tmp_path / "HT-20250102.pdf", [[]], scanned=True, info={"/CreationDate": "D:20250610"}
    )
    assert (propose(meta, today=TODAY).doc_date, propose(meta, today=TODAY).source) == (
        D(2025, 6, 10),
        SOURCE_PDF,
    )
    # written as a date, it is the name's
    dated = pdf(tmp_path / "HT-2025-01-01.pdf", [[]], scanned=True)
    assert (propose(dated, today=TODAY).doc_date, propose(dated, today=TODAY).source) == (
        D(2025, 1, 1),
        SOURCE_NAME,
    )
    assert number_note(propose(dated, today=TODAY)) is None


def test_the_text_dates_a_contract_its_name_only_numbers(tmp_path: Path) -> None:
    contract = word(tmp_path / "HT-20250101采购合同.docx", ["采购合同", "正文", "2025年6月1日"])
    proposal = propose(contract, today=TODAY)
    assert (proposal.doc_date, proposal.source) == (D(2025, 6, 1), SOURCE_TEXT)
    assert proposal.numbers_in_name == ("20250101",)


def test_the_command_line_says_the_number_is_no_date_and_takes_the_date_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ws = new_workspace(capsys, tmp_path / "w.ipaudit")
    scanned = pdf(tmp_path / "HT-20250101.pdf", [[]], scanned=True)
    code, out, err = run(capsys, "attach", ws, "hr.labour_contracts", scanned, "--json")
    assert code == 0, err
    assert json.loads(out)["doc_date"] is None
    assert "“20250101”是文件编号的一部分" in err and "--date" in err
    again = pdf(tmp_path / "HT-20250102.pdf", [["合同"]])
    code, out, err = run(
        capsys, "attach", ws, "hr.labour_contracts", again, "--date", "2025-06-01", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["doc_date"] == "2025-06-01"
    with Workspace.open(ws) as w:
        dates = sorted(str(e.doc_date) for e in w.evidence("hr.labour_contracts"))
    assert dates == ["2025-06-01", "None"]


@settings(max_examples=25, deadline=None)
@given(codes, separators, days)
def test_any_numbered_scan_is_left_for_the_user_to_date(
    tmp_path_factory: pytest.TempPathFactory, code: str, sep: str, day: dt.date
) -> None:
    if set(sep) & set("/:#"):  # not in a file's name on every system
        sep = "-"
    path = pdf(tmp_path_factory.mktemp("p") / f"{code}{sep}{compact(day)}.pdf", [[]], scanned=True)
    proposal = propose(path, today=TODAY)
    assert proposal.doc_date is None and proposal.numbers_in_name == (compact(day),), path.name
