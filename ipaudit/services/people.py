"""Declared new hires and core leavers of a workspace: add, remove, and import them from the sheet
HR keeps (xlsx, xls, ods, csv). Used by the CLI and the GUI.

The sheet has a header row with a name column (姓名/name) and, optionally, department (部门),
date (日期, 入职日期, 离职日期) and kind (类型: 入职/新员工/hire, 离职/leaver). Without a kind column
the kind comes from the date header (入职日期 → hire, 离职日期 → leaver) or from ``kind``. A row
that cannot be read stops the import with its file, sheet, row and column; nothing is changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ipaudit.domain.model import Person, PersonKind
from ipaudit.domain.normalize import normalize_text
from ipaudit.domain.people import merge_people, name_key
from ipaudit.domain.validation import InvalidValue, check_department_key, check_name
from ipaudit.ledger.cells import Cell, cell_text
from ipaudit.ledger.errors import LedgerError
from ipaudit.store.errors import InvalidInput

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ipaudit.services import Workspace

HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "员工姓名", "名字", "name", "employee"),
    "department": ("部门", "所在部门", "department", "dept"),
    "date": ("日期", "入职日期", "离职日期", "入职时间", "离职时间", "date"),
    "kind": ("类型", "类别", "人员类型", "变动类型", "kind", "type"),
}
HIRE_WORDS = ("入职", "新员工", "新进", "招聘", "hire", "joiner", "new")
LEAVER_WORDS = ("离职", "离开", "辞职", "leaver", "leaving", "left", "exit")
MAX_HEADER_ROW = 10  # the header is looked for in the first rows (title rows may come first)


def kind_from_text(text: str) -> PersonKind | None:
    key = normalize_text(text)
    if not key:
        return None
    if key in (PersonKind.HIRE.value, PersonKind.LEAVER.value):
        return PersonKind(key)
    if any(w in key for w in LEAVER_WORDS):
        return PersonKind.LEAVER
    if any(w in key for w in HIRE_WORDS):
        return PersonKind.HIRE
    return None


def parse_kind(text: str) -> PersonKind:
    kind = kind_from_text(text)
    if kind is None:
        raise InvalidInput(
            f"“{text}”不是人员类型（应为 hire/入职 或 leaver/离职）。",
            f"'{text}' is not a kind of person (use hire/入职 or leaver/离职).",
        )
    return kind


def check_department(text: str) -> str:
    """A person's department as HR writes it: empty, a department key (``rnd``) or a name
    (研发部, 研发/测试部; at most 64 characters); never a path (``../x``, ``/etc``, ``a\\b``).
    Returned without surrounding space.
    """
    value = text.strip()
    if not value:
        return ""
    if "\\" in value or ".." in value or value.startswith("/"):
        raise InvalidValue(
            f"部门“{value[:64]}”无效：请写部门名称（如 研发部）或部门键（如 rnd），不要写路径。",
            f"The department '{value[:64]}' is not valid: write the department's name (研发部)"
            " or key (rnd), not a path.",
        )
    if value.isascii() and value.replace("_", "").isalnum() and value == value.lower():
        return check_department_key(value)
    return check_name(value, "department")


def check_person(person: Person) -> Person:
    """``person`` with a name and a valid department (``InvalidInput``/``InvalidValue`` else)."""
    if not name_key(person.name):
        raise InvalidInput("姓名不能为空。", "The name must not be empty.")
    check_name(person.name, "name")
    return replace(person, department=check_department(person.department))


def add_person(ws: Workspace, person: Person) -> None:
    """Declare one person (a person of the same kind and name is replaced)."""
    person = check_person(person)
    facts = ws.facts()
    ws.set_facts(replace(facts, people=merge_people(facts.people, [person])))


def remove_person(ws: Workspace, name: str, kind: PersonKind | None = None) -> None:
    facts = ws.facts()
    key = name_key(name)
    kept = tuple(
        p for p in facts.people if not (name_key(p.name) == key and kind in (None, p.kind))
    )
    if len(kept) == len(facts.people):
        raise InvalidInput(f"名单中没有“{name}”。", f"'{name}' is not in the list of people.")
    ws.set_facts(replace(facts, people=kept))


def set_people(ws: Workspace, people: tuple[Person, ...]) -> None:
    """Replace the whole list (the GUI's editor and its undo); every person is checked as
    ``add_person`` checks one (a person stored as it is now is let through)."""
    stored = set(ws.facts().people)
    people = tuple(p if p in stored else check_person(p) for p in people)
    ws.set_facts(replace(ws.facts(), people=people))


def read_people(path: str | Path, kind: PersonKind | None = None) -> list[Person]:
    """The people listed in a sheet; a row that cannot be read raises a ``LedgerError`` naming
    the file, sheet, row and column."""
    from ipaudit.ledger.normalize import NormalizeError, normalize_name, parse_date
    from ipaudit.ledger.reader import open_sheet

    sheet = open_sheet(path)
    file = Path(path).name
    rows = iter(sheet.rows())
    columns: dict[str, int] = {}
    header_kind: PersonKind | None = None
    row_no = 0
    for row_no, row in enumerate(rows, 1):
        columns, header_kind = _header(row)
        if "name" in columns or row_no >= MAX_HEADER_ROW:
            break
    if "name" not in columns:
        raise LedgerError(
            file,
            "找不到“姓名”列",
            "no name column (姓名/name) was found",
            todo_zh="请在表头写“姓名、部门、日期、类型”",
            todo_en="Give the sheet a header row: name, department, date, kind",
            sheet=sheet.name,
        )
    people: list[Person] = []
    first_data_row = row_no + 1
    for row_no, row in enumerate(rows, first_data_row):

        def cell(field: str, row: tuple[Cell, ...] = tuple(row)) -> Cell:
            col = columns.get(field)
            return row[col] if col is not None and col < len(row) else None

        name = normalize_name(cell("name")) if cell("name") not in (None, "") else ""
        if not name:
            continue
        header_names = {"date": "日期/date", "kind": "类型/kind"}
        try:
            date: dt.date | None = parse_date(cell("date"))
        except NormalizeError as exc:
            raise LedgerError(
                file,
                exc.reason_zh,
                exc.reason_en,
                sheet=sheet.name,
                row=row_no,
                column=header_names["date"],
            ) from exc
        raw_kind = cell_text(cell("kind"))
        found = kind_from_text(raw_kind) if raw_kind else (header_kind or kind)
        if found is None:
            raise LedgerError(
                file,
                f"“{raw_kind}”不是人员类型" if raw_kind else "没有人员类型",
                f"'{raw_kind}' is not a kind of person" if raw_kind else "no kind of person",
                todo_zh="写“入职”或“离职”，或导入时指定类型",
                todo_en="Write 入职/hire or 离职/leaver, or give the kind when importing",
                sheet=sheet.name,
                row=row_no,
                column=header_names["kind"],
            )
        raw_department = cell_text(cell("department"))
        try:
            department = check_department(raw_department)
        except InvalidValue as exc:
            raise LedgerError(
                file,
                f"部门“{raw_department[:64]}”不是部门名称或部门键",
                f"the department '{raw_department[:64]}' is neither a department's name nor key",
                todo_zh="写部门名称（如 研发部）或部门键（如 rnd）",
                todo_en="Write the department's name (研发部) or key (rnd)",
                sheet=sheet.name,
                row=row_no,
                column="部门/department",
            ) from exc
        people.append(Person(name, found, department, date))
    return people


def _header(row: Sequence[Cell]) -> tuple[dict[str, int], PersonKind | None]:
    columns: dict[str, int] = {}
    kind: PersonKind | None = None
    for i, value in enumerate(row):
        text = normalize_text(cell_text(value))
        for field, words in HEADERS.items():
            if field not in columns and text in {normalize_text(w) for w in words}:
                columns[field] = i
                if field == "date":
                    kind = kind_from_text(text)
    return columns, kind


def import_people(ws: Workspace, path: str | Path, kind: PersonKind | None = None) -> int:
    """Add the people of a sheet to the declared list; returns how many were read."""
    people = read_people(path, kind)
    facts = ws.facts()
    ws.set_facts(replace(facts, people=merge_people(facts.people, people)))
    return len(people)
