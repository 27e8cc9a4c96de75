"""HR's sheet of hires and leavers read back: any list written as csv or xlsx is read as written;
a bad row stops the import naming its file, row and column."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit.domain.model import Person, PersonKind
from ipaudit.ledger.errors import LedgerError
from ipaudit.services.people import kind_from_text, read_people

KIND_WORDS = {PersonKind.HIRE: ["入职", "新员工", "hire"], PersonKind.LEAVER: ["离职", "leaver"]}
names = st.text(alphabet="张王李赵欧阳娜明华伟芳静", min_size=2, max_size=4)
rows = st.lists(
    st.tuples(
        names,
        st.sampled_from(["研发部", "市场部", "生产部", ""]),
        st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)),
        st.sampled_from(list(PersonKind)),
        st.integers(0, 5),
    ),
    max_size=6,
)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows, st.booleans())
def test_any_list_is_read_as_written(
    tmp_path_factory: pytest.TempPathFactory, data: list, as_xlsx: bool
) -> None:
    folder = tmp_path_factory.mktemp("sheet")
    header = ["姓名", "部门", "日期", "类型"]
    body = [
        [" ".join(name) if n % 2 else name, dep, day, KIND_WORDS[kind][n % len(KIND_WORDS[kind])]]
        for name, dep, day, kind, n in data
    ]
    if as_xlsx:
        path = folder / "people.xlsx"
        wb = openpyxl.Workbook()
        wb.active.append(["2026年人员变动表"])  # a title row above the header
        wb.active.append(header)
        for row in body:
            wb.active.append(row)
        wb.save(path)
    else:
        path = folder / "people.csv"
        with path.open("w", encoding="gb18030", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            for name, dep, day, kind in body:
                writer.writerow([name, dep, f"{day:%Y年%m月%d日}", kind])
    expected = [Person(name, kind, dep, day) for name, dep, day, kind, _n in data]
    assert read_people(path) == expected


def test_the_kind_comes_from_the_date_header_or_the_caller(tmp_path: Path) -> None:
    path = tmp_path / "leavers.csv"
    path.write_text("姓名,离职日期\n钱立新,2026-05-29\n", "utf-8")
    assert read_people(path) == [Person("钱立新", PersonKind.LEAVER, "", dt.date(2026, 5, 29))]
    plain = tmp_path / "plain.csv"
    plain.write_text("name,date\nLi Ming,2026-03-02\n", "utf-8")
    with pytest.raises(LedgerError) as no_kind:
        read_people(plain)
    assert "row 2" in no_kind.value.message("en")
    assert read_people(plain, PersonKind.HIRE)[0].kind is PersonKind.HIRE


def test_a_sheet_without_a_name_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("部门,日期\n研发部,2026-01-01\n", "utf-8")
    with pytest.raises(LedgerError) as refused:
        read_people(path)
    assert "x.csv" in refused.value.message("en") and "name" in refused.value.message("en")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("入职", PersonKind.HIRE),
        ("新员工", PersonKind.HIRE),
        ("hire", PersonKind.HIRE),
        ("New hire", PersonKind.HIRE),
        ("离职", PersonKind.LEAVER),
        ("核心离职员工", PersonKind.LEAVER),
        ("leaver", PersonKind.LEAVER),
        ("实习", None),
        ("", None),
    ],
)
def test_kind_words(text: str, kind: PersonKind | None) -> None:
    assert kind_from_text(text) is kind
