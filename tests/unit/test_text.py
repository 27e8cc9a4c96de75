"""One bilingual text type: errors, ledger problems and discrepancies hold ``ipaudit.text.Text``."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ipaudit.domain import model
from ipaudit.domain.validation import InvalidValue
from ipaudit.errors import UserError
from ipaudit.export.errors import TargetExists
from ipaudit.ledger.discrepancies import not_imported
from ipaudit.ledger.errors import NotASpreadsheet, SheetNotFound
from ipaudit.ledger.model import ColumnNote, LedgerKind, Problem, SourceRef
from ipaudit.ledger.normalize import NormalizeError, parse_amount, parse_date
from ipaudit.store.errors import WorkspaceLocked
from ipaudit.text import Text


def test_the_domain_model_text_is_the_one_type() -> None:
    assert model.Text is Text
    assert Text("中文", "English").get("en_US") == "English"
    assert Text("中文", "English").get("zh") == "中文" and Text("中文", "English").get("") == "中文"


@pytest.mark.parametrize(
    "error",
    [
        UserError("f", "出错了", "it failed"),
        UserError("f", Text("出错了", "it failed")),
        InvalidValue("值无效", "the value is invalid"),
        TargetExists("/tmp/pack"),
        WorkspaceLocked("/tmp/w.ipaudit"),
        SheetNotFound("book.xlsx", "发放", ["奖励", "台账"]),
        NotASpreadsheet("a.pdf", "PDF 文档", "a PDF document"),
    ],
)
def test_every_user_error_carries_one_text(error: UserError) -> None:
    assert isinstance(error.text, Text) and error.text.zh and error.text.en
    assert error.message("zh") == error.text.zh == error.zh
    assert error.message("en") == error.text.en == error.en
    assert error.text.en in str(error)


def test_ledger_errors_say_what_to_do_with_a_text() -> None:
    err = SheetNotFound("book.xlsx", "发放", ["奖励"])
    assert err.todo == Text("请从列表中选择工作表", "Choose one of the listed sheets")
    assert err.what_to_do("en") == "Choose one of the listed sheets"
    assert err.todo.zh in err.message("zh") and err.message_en == err.text.en
    assert NotASpreadsheet("a.pdf", "PDF 文档", "a PDF document").what == Text(
        "PDF 文档", "a PDF document"
    )


def test_normalize_errors_give_their_reason_as_a_text() -> None:
    with pytest.raises(NormalizeError) as amount:
        parse_amount("壹壹元")
    assert amount.value.reason == Text("“壹壹元”不是金额", "“壹壹元” is not an amount")
    assert (amount.value.reason_zh, amount.value.reason_en) == (
        amount.value.reason.zh,
        amount.value.reason.en,
    )
    with pytest.raises(NormalizeError) as date:
        parse_date("2025-02-30")
    assert "does not exist" in date.value.reason.get("en") and "不存在" in date.value.reason.zh
    assert NormalizeError(Text("原因", "reason")).reason_en == "reason"


def test_ledger_records_give_their_message_as_a_text() -> None:
    problem = Problem(SourceRef("a.xlsx", "发放", 5), "姓名", "", "缺少姓名", "the name is missing")
    assert problem.text == Text("缺少姓名", "the name is missing")
    assert problem.reason("en") == "the name is missing" and problem.reason("zh") == "缺少姓名"
    note = ColumnNote(3, "备注", None, "未使用", "not used")
    assert note.text.get("en") == note.message("en") == "not used"
    found = not_imported(LedgerKind.PAYMENTS, Text("发放核对", "the payment checks"))
    assert isinstance(found.text, Text)
    assert found.message("zh") == found.message_zh == found.text.zh and "未导入" in found.text.zh
    assert (
        found.message("en") == found.message_en == found.text.en and "not imported" in found.text.en
    )
    assert found.difference == Decimal("0.00") and found.date is None


def test_a_ledger_error_says_where_in_both_languages() -> None:
    from ipaudit.ledger.errors import LedgerError

    err = LedgerError(
        "/x/book.xlsx",
        "坏了",
        "broken",
        todo_zh="修",
        todo_en="fix",
        sheet="发放",
        row=5,
        column="金额",
    )
    assert err.text == Text(
        "book.xlsx［发放］ 第 5 行“金额”列：坏了。修",
        "book.xlsx [发放] row 5 column “金额”: broken. fix",
    )
