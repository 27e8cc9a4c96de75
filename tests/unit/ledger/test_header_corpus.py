"""A corpus of headers as finance departments write them: every variant reads as its field.

The variants are generated from real-world patterns — notes in brackets (全角 and 半角), two names
joined (/ 、 或 及 &), two-level headers (the parent's text joins the child's, or stands for a
blank child under a vertical merge), English, stray spaces, full-width forms, typos and
confusable characters. Each variant is placed among the other headers of a ledger with no data
below, so the header alone has to say what the column holds.
"""

from __future__ import annotations

import unicodedata

import pytest

from ipaudit.ledger.headers import header_candidates, header_parts, one_edit_apart, strip_notes
from ipaudit.ledger.layout import detect_layout
from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger.synonyms import load_synonyms

SYN = load_synonyms()

# the ledger each field is tested in, and the plain headers of that ledger around it
CONTEXT = {
    LedgerKind.REWARDS: ["日期", "姓名", "部门", "奖惩类型", "知识产权项目", "事由", "金额"],
    LedgerKind.PAYMENTS: ["发放日期", "领取人", "部门", "项目", "发放金额", "凭证号"],
    LedgerKind.EXPENSES: ["日期", "凭证号", "费用类别", "项目", "摘要", "金额"],
}
FIELD_IN = {
    "date": (LedgerKind.PAYMENTS, 0),
    "person": (LedgerKind.PAYMENTS, 1),
    "department": (LedgerKind.PAYMENTS, 2),
    "ip_number": (LedgerKind.PAYMENTS, 3),
    "amount": (LedgerKind.PAYMENTS, 4),
    "voucher": (LedgerKind.EXPENSES, 1),
    "category": (LedgerKind.EXPENSES, 2),
    "kind": (LedgerKind.REWARDS, 3),
    "text": (LedgerKind.REWARDS, 5),
}
BASES = {
    "date": ["日期", "发放日期", "记账日期", "支付日期"],
    "person": ["姓名", "领取人", "获奖人", "收款人"],
    "department": ["部门", "所属部门", "部门名称"],
    "ip_number": ["专利号", "知识产权编号", "登记号", "申请号"],
    "amount": ["金额", "发放金额", "奖励金额", "实发金额"],
    "voucher": ["凭证号", "凭证字号", "记账凭证号"],
    "category": ["费用类别", "费用科目", "支出类别"],
    "kind": ["奖惩类型", "奖惩类别", "奖惩性质"],
    "text": ["事由", "奖励事由", "原因"],
}
NOTES = ["（必填）", "[必填]", "【含税】", "(如有)", "（注1）", "〔手写〕"]
PARTNERS = ["工号", "岗位", "签章", "备用"]
JOINERS = ["/", "、", "或", "及", "&", " / "]
ENGLISH = {
    "date": ["Date", "Payment Date", "Paid On", "DATE", "Date of payment"],
    "person": ["Name", "Employee Name", "Payee", "Recipient", "Full name"],
    "department": ["Dept.", "Department", "Division", "DEPT"],
    "ip_number": ["Patent No.", "IP No.", "Registration No.", "Patent number"],
    "amount": ["Amount", "Amount (RMB)", "Amount paid", "AMOUNT（元）", "Paid amount"],
    "voucher": ["Voucher No.", "Voucher", "Journal No.", "Voucher number"],
    "category": ["Category", "Expense type", "Account", "Expense category"],
    "kind": ["Type", "Reward/Penalty", "Reward type"],
    "text": ["Description", "Memo", "Reason", "Purpose"],
}
MISSPELT = {
    "date": ["曰期", "發放日期", "Dtae", "paymnetdate"],
    "person": ["姓明", "Recipent", "Emploee", "獲獎人"],
    "department": ["部们", "部門", "Departmnet", "Deparment"],
    "ip_number": ["專利號", "知识产权編號", "Patnet No.", "登記號"],
    "amount": ["金頟", "金額", "Ammount", "Amout", "發放金額"],
    "voucher": ["凭証号", "憑證號", "Vocher", "Voucehr No."],
    "category": ["費用類別", "Categroy", "Catagory"],
    "kind": ["獎懲類型", "奖征类型"],
    "text": ["Descripton", "Reasno"],
}
# two-level headers: (parent, child) that read as the field together
TWO_LEVEL = {
    "date": [("发放", "日期"), ("日期", "")],
    "person": [("领取人", "姓名"), ("姓名", "")],
    "department": [("部门", "")],
    "ip_number": [("知识产权", "编号"), ("专利", "号"), ("专利号", "")],
    "amount": [("奖金", "金额"), ("发放", "金额"), ("金额（元）", "")],
    "voucher": [("凭证", "号"), ("凭证号", "")],
    "category": [("费用", "类别"), ("费用类别", "")],
    "kind": [("奖惩", "类型"), ("奖惩类型", "")],
    "text": [("事由", "")],
}


def _spaced(base: str) -> list[str]:
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in base)
    return [" ".join(base), f" {base}　", "　".join(base) + "：", wide]


def variants() -> list[tuple[str, str, str]]:
    """(field, header, parent) for every generated variant."""
    out: list[tuple[str, str, str]] = []
    for name, bases in BASES.items():
        for base in bases:
            out += [(name, base + note, "") for note in NOTES[:3]]
            out += [(name, f"{base}{j}{p}", "") for j, p in zip(JOINERS, PARTNERS, strict=False)]
            out += [(name, f"{PARTNERS[0]}/{base}", "")]
            out += [(name, s, "") for s in _spaced(base)[:3]]
        out += [(name, e, "") for e in ENGLISH[name]]
        out += [(name, e.upper().replace(" ", "　"), "") for e in ENGLISH[name][:1]]
        out += [(name, unicodedata.normalize("NFKC", e).title(), "") for e in ENGLISH[name][1:2]]
        out += [(name, m, "") for m in MISSPELT[name]]
        out += [(name, child, parent) for parent, child in TWO_LEVEL[name]]
    return out


CORPUS = variants()


def test_the_corpus_is_large_and_varied():
    assert len(CORPUS) >= 200
    assert len({header for _, header, _ in CORPUS}) >= 200


@pytest.mark.parametrize(("field", "header", "parent"), CORPUS)
def test_every_variant_reads_as_its_field(field: str, header: str, parent: str) -> None:
    kind, column = FIELD_IN[field]
    rows: list[list[str]] = [["某某科技有限公司知识产权台账（2025年度）"]]
    merged: list[tuple[int, int, int, int]] = []
    if parent:  # a two-level header: the other columns' headers merged down over both rows
        parents = list(CONTEXT[kind])
        parents[column] = parent
        children = [""] * len(parents)
        children[column] = header
        rows += [parents, children]
        merged = [(1, c, 2, c) for c in range(len(parents)) if c != column or not header]
    else:
        headers = list(CONTEXT[kind])
        headers[column] = header
        rows.append(headers)
    layout = detect_layout(rows, kind=kind, merged=merged)
    assert layout.header_row == len(rows)
    assert layout.mapping.get(field) == column, (header, parent, layout.mapping)
    # the rest of the header still reads as before
    plain = detect_layout([CONTEXT[kind]], kind=kind).mapping
    assert {f: c for f, c in layout.mapping.items() if c != column} == {
        f: c for f, c in plain.items() if c != column
    }


def test_the_kind_is_found_with_unfamiliar_headers():
    rows = [["领款人/工号", "发放日期（实际）", "部  门", "Amount (RMB)", "凭証号", "领取人签字"]]
    layout = detect_layout(rows, names=["奖金发放登记表"])
    assert layout.kind is LedgerKind.PAYMENTS
    assert layout.mapping == {"person": 0, "date": 1, "department": 2, "amount": 3, "voucher": 4}


def test_header_readings():
    assert strip_notes("金额（含税）") == "金额"
    assert strip_notes("（元）") == "(元)"  # nothing but a note stays
    assert header_parts("专利号或登记号") == ["专利号", "登记号"]
    assert header_parts("Name & ID") == ["name", "id"]
    assert header_parts("金额") == []
    keys = [k for k, _ in header_candidates("号", "凭证", SYN)]
    assert "凭证号" in keys
    assert one_edit_apart("ammount", "amount") and one_edit_apart("depratment", "department")
    assert not one_edit_apart("amount", "amount") and not one_edit_apart("date", "name")


def test_a_typo_does_not_pick_between_two_synonyms():
    # "amoun" is one letter from "amount" only; a short key is never read as a typo
    layout = detect_layout([["姓名", "amoun", "ab"]], kind=LedgerKind.PAYMENTS)
    assert layout.mapping == {"person": 0, "amount": 1}


# -- properties of the header readings ----------------------------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ipaudit.ledger.content import find_ip_number  # noqa: E402
from ipaudit.ledger.ipnumber import check_digit  # noqa: E402
from ipaudit.ledger.synonyms import header_key  # noqa: E402

HEADER_TEXT = st.text(
    alphabet=st.sampled_from("金额日期姓名部门凭证号（）()[]【】/、或及& abcXYZ：:元万 　"),
    max_size=16,
)
CJK_TEXT = st.text(alphabet=st.sampled_from("授权发明专利奖励年费代理的号第、，。 "), max_size=12)


@given(HEADER_TEXT)
def test_the_header_as_written_is_tried_first(text: str) -> None:
    candidates = header_candidates(text, "", SYN)
    if header_key(text):
        assert candidates[0] == (header_key(text), 1.0)
    assert all(0 < strength <= 1 for _, strength in candidates)
    assert len({k for k, _ in candidates}) == len(candidates)


@given(HEADER_TEXT)
def test_notes_are_stripped_once_and_for_all(text: str) -> None:
    once = strip_notes(text)
    assert strip_notes(once) == once


@given(st.text(alphabet="abcdef金额日期", min_size=1, max_size=8), st.data())
def test_one_edit_is_symmetric_and_exact(word: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(word) - 1))
    dropped = word[:i] + word[i + 1 :]
    replaced = word[:i] + ("z" if word[i] != "z" else "y") + word[i + 1 :]
    for other in (dropped, replaced):
        assert one_edit_apart(word, other) and one_edit_apart(other, word)
    assert not one_edit_apart(word, word)


@given(CJK_TEXT, CJK_TEXT, st.integers(1, 9_999_999), st.sampled_from([1, 2, 3]), st.booleans())
def test_a_patent_number_inside_any_text_is_found(before, after, serial, kind, spaced) -> None:
    digits = f"2024{kind}{serial:07d}"
    number = f"ZL{digits}.{check_digit(digits)}"
    written = f"ZL {digits[:4]} {digits[4]} {digits[5:]}.{number[-1]}" if spaced else number
    assert find_ip_number(f"{before}{written}{after}") == number
