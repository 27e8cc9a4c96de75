"""Dates and periods written in a name or a text (ipaudit.domain.dates_in_text): every way a date
is written, what looks like a date and is not, which date wins, and how a document is dated."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipaudit.domain.dates_in_text import (
    date_in,
    document_date,
    document_period,
    find_dates,
    normalize,
    period_in,
)

TODAY = dt.date(2026, 12, 7)
plausible_days = st.dates(min_value=dt.date(2000, 1, 1), max_value=TODAY)
future_days = st.dates(min_value=TODAY + dt.timedelta(days=1), max_value=dt.date(2099, 12, 31))
old_days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(1999, 12, 31))
# words around a date: letters, Chinese and punctuation, no digits
words = st.text(alphabet="会议纪要培训签到合同评审报告 abcxyz-_()（）【】、", max_size=8)

_ZH = "〇一二三四五六七八九"


def zh_number(n: int) -> str:
    """1 … 31 in Chinese numerals: 五, 十, 十五, 二十, 二十五, 三十一."""
    tens, units = divmod(n, 10)
    if tens == 0:
        return _ZH[units]
    return ("" if tens == 1 else _ZH[tens]) + "十" + (_ZH[units] if units else "")


FORMS = {
    "compact": lambda d: f"{d:%Y%m%d}",
    "dashes": lambda d: f"{d.year}-{d.month}-{d.day}",
    "dashes0": lambda d: f"{d:%Y-%m-%d}",
    "dots": lambda d: f"{d:%Y.%m.%d}",
    "underscores": lambda d: f"{d:%Y_%m_%d}",
    "slashes": lambda d: f"{d.year}/{d.month}/{d.day}",
    "chinese": lambda d: f"{d.year}年{d.month}月{d.day}日",
    "chinese_hao": lambda d: f"{d.year}年{d.month:02d}月{d.day:02d}号",
    "numerals": lambda d: (
        "".join(_ZH[int(c)] for c in str(d.year)) + f"年{zh_number(d.month)}月{zh_number(d.day)}日"
    ),
    "numerals_ling": lambda d: (
        "".join("零" if c == "0" else _ZH[int(c)] for c in str(d.year))
        + f"年{zh_number(d.month)}月{zh_number(d.day)}日"
    ),
    "full_width": lambda d: f"{d:%Y－%m－%d}".translate(
        str.maketrans("0123456789", "０１２３４５６７８９")
    ),
}


@given(plausible_days, words, words, st.sampled_from(sorted(FORMS)))
def test_any_plausible_date_in_any_form_is_found_between_words(
    day: dt.date, before: str, after: str, form: str
) -> None:
    written = FORMS[form](day)
    assert date_in(f"{before}{written}{after}", TODAY).day == day
    assert period_in(f"{before}{written}{after}", TODAY) is None  # a day is not a period


@given(st.one_of(future_days, old_days), words, st.sampled_from(sorted(FORMS)))
def test_a_date_in_the_future_or_before_2000_is_doubtful_never_proposed(
    day: dt.date, before: str, form: str
) -> None:
    choice = date_in(before + FORMS[form](day), TODAY)
    assert choice.day is None
    assert choice.doubtful == day


@given(st.lists(plausible_days, min_size=2, max_size=4), st.sampled_from(sorted(FORMS)))
def test_of_several_plausible_dates_the_latest_is_proposed(days: list[dt.date], form: str) -> None:
    name = " 修订 ".join(FORMS[form](d) for d in days)
    assert date_in(name, TODAY).day == max(days)


@given(plausible_days, future_days)
def test_a_plausible_date_wins_over_a_doubtful_one(day: dt.date, later: dt.date) -> None:
    assert date_in(f"计划 {later:%Y-%m-%d} 签发 {day:%Y-%m-%d}", TODAY).day == day


@given(st.text(max_size=40))
def test_any_text_gives_a_plausible_date_or_none_and_a_period_in_order(text: str) -> None:
    choice = date_in(text, TODAY)
    assert choice.day is None or dt.date(2000, 1, 1) <= choice.day <= TODAY
    period = period_in(text, TODAY)
    assert period is None or period[0] <= period[1]


@given(st.integers(min_value=19000000, max_value=20991231))
def test_eight_digits_are_a_date_only_when_they_are_a_real_day(number: int) -> None:
    text = str(number)
    try:
        real = dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        real = None
    found = find_dates(f"编号{text}", TODAY)
    assert [f.day for f in found] == ([real] if real else [])


# --- two-digit years ------------------------------------------------------------------------------


@given(st.dates(min_value=dt.date(2013, 1, 1), max_value=TODAY), st.sampled_from(".-_/"))
def test_a_two_digit_year_is_read_only_when_unambiguous(day: dt.date, sep: str) -> None:
    short = f"{day.year % 100}{sep}{day.month}{sep}{day.day}"
    as_day_month_year = None
    if day.day >= 10:
        try:
            as_day_month_year = dt.date(2000 + day.day, day.month, day.year % 100)
        except ValueError:
            as_day_month_year = None
    expected = None if as_day_month_year else day
    assert date_in(f"纪要 {short}", TODAY).day == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("纪要 25.3.5", dt.date(2025, 3, 5)),
        ("纪要25.12.5", dt.date(2025, 12, 5)),
        ("纪要 25.03.05", None),  # 5 March 2025 or 25 March 2005
        ("10.2.1 知识产权获取", None),  # a clause, not 2010
        ("7.5.1 文件控制", None),
        ("纪要 99.3.5", None),  # 2099: no two-digit year in the future
        ("1.25.3.5", None),  # part of a longer dotted number
    ],
)
def test_two_digit_years(text: str, day: dt.date | None) -> None:
    assert date_in(text, TODAY).day == day


# --- what looks like a date and is not -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "V2.0.3 操作手册",
        "版本 2025.3.5",
        "Ver25.3.5",
        "京知发〔2025〕12号",
        "【2025】12号 通知",
        "[2025]3号",
        "(2025)第4号",
        "2025-12号文件",
        "ISO 9001:2015 证书",
        "ISO/IEC 27001:2022",
        "GB/T 29490-2023 条款对照",
        "GB/T29490—2013",
        "GB/T 2049-2023",
        "T/CNIPA 1-2024",
        "电话：0755-20250305",
        "联系 (010)20250305",
        "0755 20250305",
        "13920250305",
        "+86 13920250305",
        "20251399",
        "20250230",
        "专利ZL202510310140.7",
        "申请号 202510310140.X",
        "ZL 2023 1 0123456.7",
        "2025年度",
    ],
)
def test_look_alikes_are_no_dates(text: str) -> None:
    assert date_in(text, TODAY) == date_in("", TODAY)
    assert find_dates(text, TODAY) == []


@given(
    st.sampled_from(["GB/T", "GB", "ISO", "ISO/IEC", "IEC", "GB/Z", "DB44/T", "T/CNIPA"]),
    st.integers(1, 99999),
    st.integers(1980, 2026),
    st.sampled_from(["-", ":", "—"]),
)
def test_a_standards_year_is_never_the_documents_date(
    body: str, number: int, year: int, sep: str
) -> None:
    assert find_dates(f"依据{body} {number}{sep}{year}编制", TODAY) == []
    assert period_in(f"{body} {number}{sep}{year} 年度审核", TODAY) is None


@given(st.sampled_from(["010", "021", "0755", "0571"]), st.integers(20000000, 89999999))
def test_a_telephone_number_is_no_date(area: str, local: int) -> None:
    assert find_dates(f"{area}-{local}", TODAY) == []
    assert find_dates(f"电话 {local}", TODAY) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("IMG_20250305_101522", dt.date(2025, 3, 5)),
        ("微信图片_20250305101522", dt.date(2025, 3, 5)),
        ("Screenshot_20250305-101522", dt.date(2025, 3, 5)),
        ("202503051015 记录", dt.date(2025, 3, 5)),
        ("mmexport1741140922123", dt.date(2025, 3, 5)),  # ms since 1970, Beijing time
        ("20250305999999", None),  # no time of day
        ("扫描全能王 2025-03-05 10.15", dt.date(2025, 3, 5)),
        ("发明专利证书-ZL202310123456.7-授权公告日2025.03.05", dt.date(2025, 3, 5)),
        ("合同编号HT-2025-0305", None),
    ],
)
def test_time_stamps_of_cameras_phones_and_scanners(text: str, day: dt.date | None) -> None:
    assert date_in(text, TODAY).day == day


def test_a_sequence_number_before_a_date_is_no_telephone() -> None:
    assert date_in("001-20250305 会议纪要", TODAY).day == dt.date(2025, 3, 5)


# --- periods ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2025年度管理评审报告", ("2025-01-01", "2025-12-31")),
        ("二〇二五年度知识产权工作计划", ("2025-01-01", "2025-12-31")),
        ("FY2024 annual report", ("2024-01-01", "2024-12-31")),
        ("2025年第一季度报告", ("2025-01-01", "2025-03-31")),
        ("2025年一季度报告", ("2025-01-01", "2025-03-31")),
        ("2025年第4季度", ("2025-10-01", "2025-12-31")),
        ("奖金2025Q3", ("2025-07-01", "2025-09-30")),
        ("Q2 2025 bonus", ("2025-04-01", "2025-06-30")),
        ("2025上半年总结", ("2025-01-01", "2025-06-30")),
        ("2025年下半年", ("2025-07-01", "2025-12-31")),
        ("2025H2", ("2025-07-01", "2025-12-31")),
        ("2024-2025 研发项目", ("2024-01-01", "2025-12-31")),
        ("2024至2025年度", ("2024-01-01", "2025-12-31")),
        ("2025年1-3月费用", ("2025-01-01", "2025-03-31")),
        ("2025年1月至6月", ("2025-01-01", "2025-06-30")),
        ("2024年2月考勤", ("2024-02-01", "2024-02-29")),
        ("二〇二五年三月考勤", ("2025-03-01", "2025-03-31")),
        ("考勤 2025-03", ("2025-03-01", "2025-03-31")),
        ("报告2025.12", ("2025-12-01", "2025-12-31")),
        ("内审计划2025-1", None),  # a number more often than January
        ("2025年度Q1内审", ("2025-01-01", "2025-03-31")),
        ("管理评审报告（2024年12月）", ("2024-12-01", "2024-12-31")),
        ("员工保密协议-20240101至20261231", ("2024-01-01", "2026-12-31")),
        ("巡检 2025-01-01至2025-03-31", ("2025-01-01", "2025-03-31")),
        ("巡检20250101-20250331", ("2025-01-01", "2025-03-31")),
        ("2025-03-05 会议纪要", None),
        ("2025年知识产权工作计划", None),  # 年 alone is no year period
        ("京知发〔2025〕12号 年度通知", None),  # a document number's year
        ("GB/T 29490-2023 年度内审", None),
        ("合同", None),
    ],
)
def test_periods(text: str, period: tuple[str, str] | None) -> None:
    expected = (
        (dt.date.fromisoformat(period[0]), dt.date.fromisoformat(period[1])) if period else None
    )
    assert period_in(text, TODAY) == expected


@given(st.integers(2000, 2030), st.integers(1, 4), words)
def test_any_quarter_covers_its_three_months(year: int, quarter: int, after: str) -> None:
    first, last = period_in(f"{year}年第{'一二三四'[quarter - 1]}季度{after}", TODAY) or (
        None,
        None,
    )
    assert first == dt.date(year, 3 * quarter - 2, 1)
    assert last is not None and last.month == 3 * quarter and (last + dt.timedelta(1)).day == 1
    assert period_in(f"{year}Q{quarter}{after}", TODAY) == (first, last)


def test_normalize_writes_chinese_numerals_and_full_width_digits_as_digits() -> None:
    assert normalize("二〇二五年十二月三十一日") == "2025年12月31日"
    assert normalize("二○二四年二月廿九日") == "2024年2月29日"
    assert normalize("２０２５年３月５日") == "2025年3月5日"
    assert normalize("第一季度") == "第一季度"  # no date: left alone


# --- the date of a document -------------------------------------------------------------------------


def test_a_labelled_date_wins_over_a_date_in_the_body() -> None:
    body = ["会议纪要", "会议时间：2025年3月5日", "讨论了2024年12月1日的专利申请", "记录人：张三"]
    assert document_date(body, (), TODAY).day == dt.date(2025, 3, 5)


def test_the_signature_line_dates_a_document() -> None:
    body = ["知识产权管理评审报告", "评审范围：2025年1月1日至2025年12月31日"]
    body += [f"第{n}条 评审内容，依据2019年1月1日发布的制度。" for n in range(30)]
    body += ["管理者代表：张三", "２０２６年１月１５日"]
    assert document_date(body, (), TODAY).day == dt.date(2026, 1, 15)
    assert document_period(body, TODAY) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_a_date_in_a_table_cell_beside_its_label() -> None:
    # a table's cells are paragraphs in order: the label, then the date
    body = ["培训签到表", "培训主题", "专利检索", "日期", "2025-03-05", "签到人", "李四"]
    assert document_date(body, (), TODAY).day == dt.date(2025, 3, 5)


def test_a_header_or_footer_dates_a_document_without_dates_in_its_body() -> None:
    body = ["制度正文"] * 40
    assert document_date(body, ["发布日期：2025-02-01"], TODAY).day == dt.date(2025, 2, 1)


def test_validities_birthdays_and_ranges_are_no_document_dates() -> None:
    body = [
        "劳动合同",
        "出生日期：1990年5月6日",
        "合同有效期至2028年12月31日",
        "合同期限：2025年1月1日至2027年12月31日",
        "甲方签字：王五 2025年1月2日",
    ]
    assert document_date(body, (), TODAY).day == dt.date(2025, 1, 2)


def test_a_printing_date_is_no_document_date() -> None:
    body = ["会议纪要", "会议时间：2025年3月5日 14:00-16:00", "正文", "记录人：张三"]
    assert document_date(body, ["打印日期：2026-12-01"], TODAY).day == dt.date(2025, 3, 5)


def test_a_revision_table_gives_its_latest_revision() -> None:
    body = ["管理手册", "版本", "日期", "修改内容", "A/0", "2023-01-01", "初版"]
    body += ["A/1", "2025-03-05", "按GB/T 29490-2023修订"] + ["正文"] * 40
    assert document_date(body, (), TODAY).day == dt.date(2025, 3, 5)


def test_a_document_dated_only_in_the_future_is_doubtful() -> None:
    choice = document_date(["通知", "日期：2031年1月1日"], (), TODAY)
    assert choice.day is None and choice.doubtful == dt.date(2031, 1, 1)


def test_a_document_without_dates_gives_nothing() -> None:
    assert document_date(["正文"] * 5, (), TODAY) == document_date([], (), TODAY)
    assert document_date([], (), TODAY).day is None


@given(
    plausible_days,
    st.lists(plausible_days, max_size=6),
    st.sampled_from(["日期：", "会议时间：", "签发日期 ", "Date: ", "填表日期:"]),
    st.sampled_from(sorted(FORMS)),
)
def test_a_labelled_date_wins_over_any_date_in_the_middle(
    day: dt.date, others: list[dt.date], label: str, form: str
) -> None:
    body = ["会议纪要", label + FORMS[form](day)]
    body += ["正文"] * 20 + [f"依据{FORMS[form](d)}的决定" for d in others] + ["正文"] * 20
    assert document_date(body, (), TODAY).day == day


@given(plausible_days, st.sampled_from(sorted(FORMS)), st.integers(0, 60))
def test_a_signing_date_alone_at_the_end_dates_any_document(
    day: dt.date, form: str, length: int
) -> None:
    body = (
        ["通知"]
        + [f"第{n}条 内容。" for n in range(length)]
        + ["某某公司（盖章）", FORMS[form](day)]
    )
    assert document_date(body, (), TODAY).day == day
