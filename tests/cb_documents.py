"""Documents as certification bodies send them, built for the tests of the imports: nonconformity
reports as Word forms (one label/value table per nonconformity, in any order and layout) or as a
tidy list, and request lists as one or several tables with sections, numbering and notes."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl

from ipaudit.domain.model import Grade

# --- nonconformity reports ---------------------------------------------------------------------------

DEPARTMENTS = ["研发部", "行政人事部", "财务部", "市场部", "生产部"]
CLAUSES = ["4.1", "5.2", "6.2", "7.1.6", "7.5.1", "8.3.2", "9.2", "10.2"]
FINDINGS = [
    "抽查2025年研发项目“智能巡检机器人”，未见立项阶段的专利检索报告。",
    "现场查看员工劳动合同3份，均未约定知识产权归属条款。",
    "知识产权目标未分解到市场部，无法提供考核记录。",
    "2025年度管理评审输入未包括知识产权经费实施绩效。",
    "奖金发放登记表缺领取人签字，无法证实奖励已兑现。",
    "离职员工张某的离职面谈记录未提及保密义务提醒。",
    "外来文件清单未更新，缺少2023年版标准。",
    "内审员培训证书已过期，未见重新培训记录。",
    "采购合同中未约定知识产权侵权责任条款。",
    "商标续展监控台账未记录2026年到期的第9类商标。",
]
ACTIONS = ["修订劳动合同模板并补签", "补做专利检索并存档", "重新分解目标并考核", ""]
GRADE_TEXT = {Grade.MAJOR: ("严重", "严重不符合"), Grade.MINOR: ("一般", "一般不符合")}

#: a form's labels as reports write them
LABEL_WORDS = {
    "number": ("不符合项编号", "编号", "不符合报告编号", "NC编号"),
    "department": ("受审核部门", "受审部门", "责任部门", "受审核部门/区域"),
    "clause": ("不符合条款", "标准条款", "对应条款", "条款"),
    "finding": ("不符合事实描述", "不符合事实", "不符合项描述", "问题描述"),
    "grade": ("不符合类型", "不符合性质", "类型", "严重程度"),
    "due": ("要求完成日期", "完成期限", "整改期限"),
}


@dataclass(frozen=True)
class Nc:
    number: str
    department: str
    clause: str
    finding: str
    grade: Grade
    due: dt.date | None = None
    action: str = ""

    def row(self, raised: dt.date | None) -> tuple[object, ...]:
        return (
            self.number,
            self.finding,
            self.clause,
            self.department,
            self.grade,
            raised,
            self.due,
            self.action,
        )


def got(rows: Sequence[object]) -> list[tuple[object, ...]]:
    """The imported rows as ``Nc.row`` gives them."""
    return [
        (r.number, r.finding, r.clause, r.department, r.grade, r.raised, r.due, r.action)  # type: ignore[attr-defined]
        for r in rows
    ]


def tidy_report(path: Path, ncs: Sequence[Nc], raised: dt.date | None) -> Path:
    """The report as one list (an xlsx with a title row)."""
    wb = openpyxl.Workbook()
    sh = wb.active
    assert sh is not None
    sh.append(["第二阶段审核 不符合项汇总"])
    sh.append([])
    sh.append(
        [
            "编号",
            "不符合事实描述",
            "条款",
            "受审核部门",
            "不符合类型",
            "审核日期",
            "要求完成日期",
            "纠正措施",
        ]
    )
    for nc in ncs:
        sh.append(
            [
                nc.number,
                nc.finding,
                nc.clause,
                nc.department,
                GRADE_TEXT[nc.grade][0],
                raised.isoformat() if raised else None,
                nc.due.isoformat() if nc.due else None,
                nc.action or None,
            ]
        )
    wb.save(path)
    return path


def _grade_cell(grade: Grade, rnd: random.Random) -> str:
    word = rnd.choice(GRADE_TEXT[grade])
    other = GRADE_TEXT[Grade.MAJOR if grade is Grade.MINOR else Grade.MINOR][0]
    style = rnd.randrange(4)
    if style == 0:
        return word
    ticked, empty = rnd.choice(("☑□", "■□", "√□", "☒☐"))
    boxes = [(ticked, word), (empty, other)]
    rnd.shuffle(boxes)
    if style == 1:
        return " ".join(f"{m}{w}" for m, w in boxes)
    if style == 2:
        return "  ".join(f"{w}{m}" for m, w in boxes)
    return "\n".join(f"{m} {w}" for m, w in boxes)


def _add_row(table: object, cells: Sequence[tuple[str, int]]) -> None:
    """A row of the 4-column table: each cell's text and how many columns it spans."""
    row = table.add_row()  # type: ignore[attr-defined]
    col = 0
    for text, span in cells:
        cell = row.cells[col]
        if span > 1:
            cell = cell.merge(row.cells[col + span - 1])
        cell.text = text
        col += span


ENGLISH_LABELS = {
    "number": "NC No.",
    "department": "Auditee department",
    "clause": "Clause",
    "finding": "Description of nonconformity",
    "grade": "Grade",
    "due": "Due date",
}


def _label(name: str, rnd: random.Random) -> str:
    """A label as forms write it: plain, spaced out to fill its cell, or with its English."""
    word = rnd.choice(LABEL_WORDS[name])
    style = rnd.randrange(5)
    if style == 3 and "/" not in word and len(word) <= 5:
        return " ".join(word)  # "不 符 合 类 型"
    if style == 4:
        return rnd.choice((f"{word} {ENGLISH_LABELS[name]}", f"{word}\n{ENGLISH_LABELS[name]}"))
    return word


def _form_rows(nc: Nc, order: Sequence[str], rnd: random.Random) -> list[list[tuple[str, int]]]:
    values = {
        "number": nc.number,
        "department": nc.department,
        "clause": rnd.choice((nc.clause, f"GB/T 29490-2023 {nc.clause}", f"第{nc.clause}条")),
        "finding": nc.finding
        + rnd.choice(("", "\n\n审核员：王审  日期：2026-01-11", "\n受审核方代表：李四")),
        "grade": _grade_cell(nc.grade, rnd),
        "due": (
            rnd.choice((nc.due.isoformat(), f"{nc.due.year}年{nc.due.month}月{nc.due.day}日"))
            if nc.due
            else ""
        ),
    }
    pairs = [(_label(f, rnd), values[f], f) for f in order]
    rows: list[list[tuple[str, int]]] = []
    i = 0
    while i < len(pairs):
        label, value, name = pairs[i]
        style = rnd.randrange(4)
        if name == "finding" or style == 0:  # label | value spanning the rest
            rows.append([(label, 1), (value, 3)])
        elif style == 1 and i + 1 < len(pairs) and pairs[i + 1][2] != "finding":
            label2, value2, _n = pairs[i + 1]  # two pairs in a row
            rows.append([(label, 1), (value, 1), (label2, 1), (value2, 1)])
            i += 1
        elif style == 2 and value:  # the label alone, its value in the row below
            rows.append([(label + "：", 4)])
            rows.append([(value, 4)])
        else:  # "label：value" in one cell
            rows.append([(f"{label}：{value}", 4)])
        i += 1
    return rows


def form_report(
    path: Path,
    ncs: Sequence[Nc],
    raised: dt.date | None,
    rnd: random.Random,
    *,
    summary: bool = False,
) -> list[Nc]:
    """The report as Word forms: a cover table when ``raised``, a summary list when ``summary``,
    one form per nonconformity (some in one table, fields in random order and layout, the
    number sometimes in the paragraph above), a second-page table with the action. The
    nonconformities as written (an action only where a second page holds it)."""
    from dataclasses import replace

    written: list[Nc] = []
    doc = docx.Document()
    doc.add_paragraph("不符合项报告")
    if raised is not None:
        cover = doc.add_table(rows=0, cols=4)
        _add_row(cover, [("受审核组织", 1), ("星海智能装备有限公司", 3)])
        _add_row(
            cover,
            [
                ("审核日期", 1),
                (f"{raised.year}年{raised.month}月{raised.day}日至{raised.day + 1}日", 1),
                ("审核类型", 1),
                ("监督审核", 1),
            ],
        )
    if summary:
        doc.add_paragraph("不符合项汇总")
        lst = doc.add_table(rows=0, cols=4)
        _add_row(lst, [("编号", 1), ("不符合项描述", 1), ("条款", 1), ("部门", 1)])
        for nc in ncs:
            _add_row(
                lst, [(nc.number, 1), (nc.finding[:12], 1), (nc.clause, 1), (nc.department, 1)]
            )
    fields = ["department", "clause", "finding", "grade"]
    i = 0
    while i < len(ncs):
        stacked = rnd.random() < 0.3 and i + 1 < len(ncs)
        group = ncs[i : i + (2 if stacked else 1)]
        order = list(fields) + (["due"] if any(nc.due for nc in group) else [])
        rnd.shuffle(order)
        number_above = rnd.random() < 0.3 and not stacked
        if not number_above:
            order.insert(rnd.choice((0, len(order))) if not stacked else 0, "number")
        if stacked:  # one template repeated: the forms start with the same field
            order.remove("number")
            order.insert(0, "number")
        if number_above:
            doc.add_paragraph(f"不符合项报告  编号：{group[0].number}")
        else:
            doc.add_paragraph(rnd.choice(("", "不符合项报告")))
        table = doc.add_table(rows=0, cols=4)
        for nc in group:
            for cells in _form_rows(nc, order, rnd):
                _add_row(table, cells)
        if group[-1].action:
            doc.add_paragraph("（受审核方填写）")
            second = doc.add_table(rows=0, cols=4)
            _add_row(second, [("原因分析", 1), ("", 3)])
            _add_row(second, [("纠正措施", 1), (group[-1].action, 3)])
            _add_row(second, [("受审核方代表", 1), ("", 1), ("日期", 1), ("", 1)])
        written += [replace(nc, action="") for nc in group[:-1]] + [group[-1]]
        i += len(group)
    doc.save(str(path))
    return written


# --- request lists -------------------------------------------------------------------------------

REQUEST_DEPARTMENTS = ["研发部", "行政人事部", "财务部", "市场部"]
REQUEST_CLAUSES = ["6.2", "7.1", "7.3", "7.5", "8.2", "9.2"]
REQUEST_NOTES = ["", "", "原件", "抽查3份", "近一年", "复印件加盖公章"]
TITLE_HEADERS = ("资料名称", "需提供的文件名称", "审核资料", "文件/记录名称")
NOTE_HEADERS = ("备注", "备注/说明", "说明")
CLAUSE_HEADERS = ("条款", "标准条款", "对应条款")
CHINESE = "一二三四五六七八九十"


@dataclass(frozen=True)
class Ask:
    title: str
    department: str
    note: str
    clause: str

    def key(self) -> tuple[str, str, str, str]:
        return (self.title, self.department, self.note, self.clause)


def read_back(found: Sequence[object]) -> list[tuple[str, str, str, str]]:
    return [(r.title, r.department, r.note, r.clause) for r in found]  # type: ignore[attr-defined]


def tidy_requests(path: Path, asks: Sequence[Ask]) -> Path:
    """The list as one xlsx table with a column for each field."""
    wb = openpyxl.Workbook()
    sh = wb.active
    assert sh is not None
    sh.append(["序号", "资料名称", "部门", "备注", "条款"])
    for n, a in enumerate(asks, 1):
        sh.append([n, a.title, a.department, a.note or None, a.clause or None])
    wb.save(path)
    return path


def _heading_text(department: str, n: int, rnd: random.Random) -> str:
    return rnd.choice(
        (
            department,
            f"{CHINESE[n]}、{department}",
            f"（{CHINESE[n]}）{department}",
            f"{department}需提供的资料",
            f"部门：{department}",
        )
    )


def _clause_heading(clause: str, rnd: random.Random) -> str:
    return rnd.choice(
        (f"{clause} 条款要求", f"第{clause}条", f"条款 {clause}", f"{clause}相关资料")
    )


def messy_requests(path: Path, asks: Sequence[Ask], rnd: random.Random) -> None:
    """The list in a random real layout: asks must come grouped by department, then clause.
    Departments as a column, section rows (merged across in a docx) or one table each; clauses
    as a column or clause headings; numbering 1, 1.1 under a numbered section, or none; a note
    column under one of its names; columns in any order; an xlsx with a title and blank rows
    above the header; some requests written twice."""
    docx_file = path.suffix == ".docx"
    dep_style = rnd.choice(("column", "section", "tables") if docx_file else ("column", "section"))
    clause_style = rnd.choice(("column", "heading"))
    numbering = rnd.choice(("flat", "nested", "none"))
    fields = ["title", "note"]
    if dep_style == "column":
        fields.append("department")
    if clause_style == "column":
        fields.append("clause")
    rnd.shuffle(fields)
    if numbering != "none":
        fields.insert(rnd.choice((0, 0, len(fields))), "number")
    header_text = {
        "number": rnd.choice(("序号", "编号", "序 号", "序号 No.")),
        "title": rnd.choice(TITLE_HEADERS),
        "note": rnd.choice(NOTE_HEADERS),
        "department": rnd.choice(("部门", "责任部门", "提供部门")),
        "clause": rnd.choice(CLAUSE_HEADERS),
    }
    english = {"title": "Documents", "note": "Remarks", "department": "Dept.", "clause": "Clause"}
    if rnd.random() < 0.3:  # a bilingual header row
        header_text = {f: f"{t}\n{english.get(f, 'No.')}" for f, t in header_text.items()}
    width = len(fields)
    # rows per table: ("row", cells by field) or ("section", text)
    tables: list[tuple[str, list[tuple[str, object]]]] = []
    current: list[tuple[str, object]] = []
    department, clause = None, None
    heading = ""
    flat = 0
    sec = 0
    sub = 0
    for a in asks:
        if a.department != department:
            department, clause = a.department, None
            sec += 1
            sub = 0
            if dep_style == "tables":
                if current:
                    tables.append((heading, current))
                heading = _heading_text(department, sec - 1, rnd)
                current = []
            elif dep_style == "section":
                if numbering == "nested":
                    current.append(("group", (str(sec), department)))
                else:
                    current.append(("section", _heading_text(department, sec - 1, rnd)))
        if clause_style == "heading" and a.clause != clause:
            clause = a.clause
            current.append(("section", _clause_heading(clause, rnd)))
        flat += 1
        sub += 1
        number = {"flat": str(flat), "nested": f"{sec}.{sub}", "none": ""}[numbering]
        if numbering == "nested" and dep_style != "section":
            number = str(flat)
        values = {
            "number": number,
            "title": a.title,
            "note": a.note,
            "department": a.department,
            "clause": a.clause,
        }
        current.append(("row", values))
        if rnd.random() < 0.15:  # the same request again
            flat += 1
            sub += 1
            again = dict(
                values, number={"flat": str(flat), "nested": f"{sec}.{sub}", "none": ""}[numbering]
            )
            if numbering == "nested" and dep_style != "section":
                again["number"] = str(flat)
            current.append(("row", again))
    tables.append((heading, current))
    title_row = rnd.random() < 0.5
    blank_rows = rnd.randrange(3)

    def grid(rows: list[tuple[str, object]]) -> list[tuple[str, list[str]]]:
        out: list[tuple[str, list[str]]] = [("header", [header_text[f] for f in fields])]
        for kind, value in rows:
            if kind == "row":
                assert isinstance(value, dict)
                out.append(("row", [str(value[f] or "") for f in fields]))
            elif kind == "group":
                n, dep = value  # type: ignore[misc]
                cells = ["" for _f in fields]
                cells[fields.index("number")] = n
                cells[fields.index("title")] = dep
                out.append(("row", cells))
            else:
                out.append(("section", [str(value)]))
        return out

    if docx_file:
        doc = docx.Document()
        doc.add_paragraph(rnd.choice(("二阶段审核资料清单", "审核所需资料", "")))
        for heading, rows in tables:
            in_table_heading = bool(heading) and rnd.random() < 0.5
            if heading and not in_table_heading:
                doc.add_paragraph(heading)
            table = doc.add_table(rows=0, cols=width)
            if in_table_heading:
                _add_row(table, [(heading, width)])
            for kind, cells in grid(rows):
                if kind == "section":
                    _add_row(table, [(cells[0], width)])
                else:
                    _add_row(table, [(c, 1) for c in cells])
        doc.save(str(path))
        return
    wb = openpyxl.Workbook()
    sh = wb.active
    assert sh is not None
    if title_row:
        sh.append(["星海智能装备有限公司 审核资料清单"])
    for _n in range(blank_rows):
        sh.append([])
    for _heading, rows in tables:
        for kind, cells in grid(rows):
            if kind == "section":
                r = sh.max_row + 1
                sh.cell(r, 1, cells[0])
                if width > 1:
                    sh.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
            else:
                sh.append(cells)
    wb.save(path)
