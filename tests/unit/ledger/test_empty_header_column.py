"""Two shapes of a payment register with few known headers: the first data row of a CSV (all
text) is never read as the lower half of a two-level header, and a column whose header names a
field but which holds nothing (a signature column left blank for the pen) does not keep the field
from the column that holds its values."""

from __future__ import annotations

from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger.sources import import_sources
from tests.unit.ledger.sheetgen import write_sheet

DATA: list[list[object]] = [
    [1, "研发部", "林峰", "2025-01-28", "", "", "ZL202420000104.1", "500.00"],
    [2, "研发部", "杨帆", "2025-02-28", "", "", "ZL202420000105.X", "300.00"],
    [3, "市场部", "王敏", "2025年3月28日", "", "", "ZL202420000106.8", "800.00"],
    [4, "市场部", "赵磊", "2025/04/28", "", "", "ZL202420000107.6", "¥1,000.00"],
    [5, "研发部", "林峰", "2025-05-28", "", "", "ZL202420000108.4", "200.00"],
]
NAMES = ["林峰", "杨帆", "王敏", "赵磊", "林峰"]


def _import(tmp_path, header: list[object]):
    imported = import_sources([write_sheet(tmp_path / "发放.csv", [header, *DATA])])
    (result,) = imported.results
    assert result.kind is LedgerKind.PAYMENTS
    return result


def test_the_first_data_row_of_a_csv_is_data_not_a_header(tmp_path):
    result = _import(
        tmp_path, ["序号", "", "", "列4", "Voucher number", "领取人签字", "列7", "金 额"]
    )
    assert result.header_row == 1
    assert result.counts.entries == 5 and result.counts.above_data == 1
    assert result.mapping["person"] == 2
    assert [e.person for e in result.entries] == NAMES
    assert result.problems == []


def test_an_empty_column_headed_as_the_name_gives_way_to_the_names(tmp_path):
    result = _import(tmp_path, ["序号", "部门", "", "发放日期", "凭证号", "姓名", "专利号", "金额"])
    assert result.mapping["person"] == 2
    assert [e.person for e in result.entries] == NAMES
    assert result.problems == []
    said = [w.message_en for w in result.warnings if w.column == 5]
    assert said and "holds nothing" in said[0] and "column C" in said[0]
