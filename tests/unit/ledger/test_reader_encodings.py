"""Text ledgers in the encodings finance software writes, each file written by the test: the ones
we read come out exactly as written, the others are refused with their name (never misread)."""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit.ledger.errors import NotASpreadsheet
from ipaudit.ledger.reader import _read_head, _text_format, read_rows

KOREAN = [
    ["날짜", "이름", "부서", "금액", "사유"],
    ["2025/3/5", "김민준", "연구개발부", "1200", "특허 등록 보상금 지급"],
    ["2025/3/9", "이서연", "인사부", "800", "지식재산권 교육 참가비"],
]
CHINESE = [
    ["日期", "姓名", "部门", "金额", "事由"],
    ["2025/3/5", "王强", "研发部", "1200", "发明专利授权奖励"],
    ["2025/3/9", "李娜", "行政人事部", "800", "知识产权培训费"],
]
TRADITIONAL = [
    ["日期", "姓名", "部門", "金額", "事由"],
    ["2025/3/5", "王強", "研發部", "1200", "發明專利授權獎勵"],
    ["2025/3/9", "李娜", "行政人事部", "800", "知識產權培訓費"],
]


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _write(path: Path, rows: list[list[str]], encoding: str, times: int = 1) -> Path:
    path.write_bytes(_csv([rows[0], *(rows[1:] * times)]).encode(encoding))
    return path


def _refused_as(path: Path) -> NotASpreadsheet:
    with pytest.raises(NotASpreadsheet) as caught:
        list(read_rows(path))
    assert "UTF-8" in caught.value.message_en  # says what to do instead
    return caught.value


@pytest.mark.parametrize("encoding", ["euc_kr", "cp949"])
@pytest.mark.parametrize("times", [1, 2000])  # 2,000 rows: past the 64 KiB sample
def test_korean_is_named_not_read_as_chinese(tmp_path: Path, encoding: str, times: int) -> None:
    """EUC-KR hangul bytes are valid GB2312 hanzi: the file used to come in as nonsense Chinese."""
    path = _write(tmp_path / "ledger.csv", KOREAN, encoding, times)
    assert path.read_bytes().decode("gb18030")  # the trap: it decodes as GB18030
    err = _refused_as(path)
    assert "Korean EUC-KR" in err.message_en and "韩文 EUC-KR" in err.message_zh


def test_short_files_in_both_are_told_apart(tmp_path: Path) -> None:
    """Two small files whose bytes decode both ways: the Chinese one reads as GB18030 scores as
    garbled as the Korean one (charset-normalizer's chaos 0.1); hangul tells them apart."""
    chinese = [["日期", "姓名", "金额", "事由"], *[["2025/3/5", "丁", "100", "差旅费"]] * 4]
    path = _write(tmp_path / "short-zh.csv", chinese, "gbk")
    path.read_bytes().decode("cp949")
    assert [list(r) for r in read_rows(path)] == chinese
    korean = [["날짜", "이름", "금액"], ["2025/3/5", "김민준", "1200"]]
    err = _refused_as(_write(tmp_path / "short-ko.csv", korean, "euc_kr"))
    assert "Korean EUC-KR" in err.message_en


@pytest.mark.parametrize("times", [1, 2000])
def test_big5_is_read_as_big5(tmp_path: Path, times: int) -> None:
    path = _write(tmp_path / "獎金.csv", TRADITIONAL, "big5", times)
    assert _text_format(path, _read_head(path)).encoding == "big5"
    rows = [list(r) for r in read_rows(path)]
    assert rows[:3] == TRADITIONAL and len(rows) == 1 + 2 * times


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
@pytest.mark.parametrize("times", [1, 2000])
def test_gb18030_is_read_as_before(tmp_path: Path, encoding: str, times: int) -> None:
    path = _write(tmp_path / "经费.csv", CHINESE, encoding, times)
    assert _text_format(path, _read_head(path)).encoding == "gb18030"
    rows = [list(r) for r in read_rows(path)]
    assert rows[:3] == CHINESE and len(rows) == 1 + 2 * times


@pytest.mark.parametrize(
    "text",
    [
        "日付,氏名,金額\r\n2025/3/5,やまだ たろう,100\r\n",  # kana
        "日付,氏名,部署,金額\r\n2025/3/5,山田太郎,研究開発部,100\r\n2025/3/6,佐藤花子,総務部,80\r\n",
    ],
    ids=["kana", "kanji-only"],
)
def test_shift_jis_is_named(tmp_path: Path, text: str) -> None:
    """Kanji without kana used to pass for GB18030 with rare characters."""
    path = tmp_path / "ledger.csv"
    path.write_bytes(text.encode("shift_jis"))
    err = _refused_as(path)
    assert "Japanese Shift-JIS" in err.message_en and "日文 Shift-JIS" in err.message_zh


def test_cyrillic_is_named_by_its_code_page(tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"
    path.write_bytes("Дата,Имя,Сумма\r\n2025-03-05,Иван Петров,100\r\n".encode("cp1251"))
    err = _refused_as(path)
    assert "Windows-1251" in err.message_en and "Windows-1251" in err.message_zh


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom_is_read(tmp_path: Path, encoding: str) -> None:
    """Excel's "Unicode text" is UTF-16 with a byte-order mark (written here for both orders)."""
    path = tmp_path / "ledger.txt"
    text = _csv(CHINESE).replace(",", "\t")
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + text.encode(encoding))
    assert _text_format(path, _read_head(path)).encoding == "utf-16"
    assert [list(r) for r in read_rows(path)] == CHINESE


def _chars(encoding: str, leads: range, trails: range) -> list[str]:
    out = []
    for lead in leads:
        for trail in trails:
            with contextlib.suppress(UnicodeDecodeError):
                out.append(bytes((lead, trail)).decode(encoding))
    return out


# GB2312 hanzi outside row 0xC9, which EUC-KR leaves unassigned: text made of these decodes as
# Korean too, so every example goes through the Korean-or-Chinese decision.
AMBIGUOUS_HANZI = [
    c for c in _chars("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF)) if c.encode("gbk")[0] != 0xC9
]
HANGUL = _chars("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(
        st.text(alphabet=st.sampled_from(AMBIGUOUS_HANZI), min_size=1, max_size=6),
        min_size=1,
        max_size=30,
    ),
    # what a ledger row says besides the name: common words, some of whose hanzi (专, 授, 训,
    # 知 …) are hanja when read as Korean; a file of nothing but rare names is not a ledger
    reason=st.sampled_from(["发明专利授权奖励", "培训费", "知识产权代理费", "专利年费"]),
)
def test_chinese_that_also_decodes_as_korean_stays_chinese(
    tmp_path: Path, names: list[str], reason: str
) -> None:
    rows = [["日期", "姓名", "金额", "事由"], *(["2025/3/5", n, "100", reason] for n in names)]
    path = tmp_path / "ledger.csv"
    path.write_bytes(_csv(rows).encode("gbk"))
    path.read_bytes().decode("cp949")  # decodes as Korean too
    assert [list(r) for r in read_rows(path)] == rows


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(
        st.text(alphabet=st.sampled_from(HANGUL), min_size=2, max_size=4), min_size=3, max_size=30
    )
)
def test_korean_names_are_never_read_as_chinese(tmp_path: Path, names: list[str]) -> None:
    rows = [
        ["날짜", "이름", "금액", "사유"],
        *(["2025/3/5", n, "100", "특허 보상금"] for n in names),
    ]
    path = tmp_path / "ledger.csv"
    path.write_bytes(_csv(rows).encode("euc_kr"))
    assert "Korean" in _refused_as(path).message_en
