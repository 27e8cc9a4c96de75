"""Reading the certification body's nonconformity report (不符合项报告) as it is sent.

Two layouts are read:

* **Forms**: one table per nonconformity in a label/value layout — "受审核部门 | 研发部",
  "不符合条款 | 7.5.1", "不符合事实描述 | …", "不符合类型 | ☑一般 □严重", "纠正措施 | …" — with one or
  two pairs per row, a label alone in its row and its value in the row below, or "标签：内容" in one
  cell; several forms in one document, often after a cover table (the company, the audit dates:
  the audit's first day is the date of a form that gives none). A table that only continues the
  form above it (the cause and action part on the next page) is read into that form. A table that
  holds two forms (a field's label again) is read as two. When the document has forms, its
  summary table, if any, repeats them and is not read again (a list longer than the forms is the
  report, and the forms are not).
* **Lists**: one table (or sheet), a row per nonconformity, the columns found by their header
  (不符合事实, 条款, 部门, 类型 …) and, where the header says nothing, by their content (clause
  numbers, grade words, dates).

A form whose description is empty while other fields are filled is refused (file, table, row and
what to do); a form left blank is skipped.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ipaudit.domain import dates_in_text
from ipaudit.domain.model import Grade
from ipaudit.domain.normalize import normalize_text
from ipaudit.services import doc_tables
from ipaudit.store.errors import InvalidInput

# --- vocabulary -------------------------------------------------------------------------------------

#: a list's column headers
HEADERS: dict[str, tuple[str, ...]] = {
    "finding": (
        "不符合事实",
        "不符合项描述",
        "不符合描述",
        "不符合项",
        "不符合内容",
        "问题描述",
        "事实描述",
        "审核发现",
        "描述",
        "内容",
        "nonconformity",
        "finding",
        "description",
    ),
    "clause": ("条款", "标准条款", "对应条款", "不符合条款", "条款号", "clause"),
    "department": ("部门", "受审核部门", "责任部门", "受审部门", "department"),
    "grade": ("类型", "性质", "不符合类型", "严重程度", "等级", "grade", "type", "severity"),
    "raised": ("日期", "审核日期", "发现日期", "date"),
    "due": ("完成期限", "整改期限", "要求完成日期", "期限", "due", "deadline"),
    "number": ("编号", "序号", "no", "no.", "number"),
    "root_cause": ("原因分析", "不符合原因分析", "原因", "root cause"),
    "action": ("纠正措施", "整改措施", "纠正预防措施", "corrective action"),
    "owner": ("责任人", "整改责任人", "owner"),
}

#: a form's labels (compared without spaces, colons and notes in brackets)
LABELS: dict[str, tuple[str, ...]] = {
    "number": (
        "不符合项编号",
        "不符合编号",
        "不符合报告编号",
        "不符合项报告编号",
        "报告编号",
        "编号",
        "序号",
        "nc编号",
        "ncno",
        "no",
        "number",
        "ncnumber",
    ),
    "department": (
        "受审核部门",
        "受审部门",
        "受审核部门区域",
        "受审核区域",
        "审核部门",
        "不符合部门",
        "责任部门",
        "部门",
        "department",
        "auditee",
        "auditeddepartment",
    ),
    "clause": (
        "不符合条款",
        "不符合标准条款",
        "不符合的标准条款",
        "标准条款",
        "对应条款",
        "涉及条款",
        "依据条款",
        "条款号",
        "条款",
        "clause",
        "standardclause",
    ),
    "finding": (
        "不符合事实描述",
        "不符合事实",
        "不符合项事实描述",
        "不符合项描述",
        "不符合描述",
        "不符合内容",
        "不符合项",
        "事实描述",
        "问题描述",
        "审核发现",
        "nonconformity",
        "finding",
        "descriptionofnonconformity",
        "description",
    ),
    "grade": (
        "不符合类型",
        "不符合性质",
        "不符合项类型",
        "不符合项性质",
        "不符合等级",
        "不符合程度",
        "严重程度",
        "类型",
        "性质",
        "类别",
        "grade",
        "type",
        "severity",
        "category",
    ),
    "raised": ("审核日期", "发现日期", "开具日期", "auditdate"),
    "due": (
        "要求完成日期",
        "要求完成时间",
        "要求完成期限",
        "计划完成日期",
        "整改完成期限",
        "整改期限",
        "完成期限",
        "期限",
        "due",
        "deadline",
    ),
    "root_cause": ("不符合原因分析", "原因分析", "产生原因", "原因", "rootcause", "cause"),
    "correction": ("纠正", "纠正情况", "correction"),
    "action": (
        "纠正措施",
        "纠正预防措施",
        "纠正和预防措施",
        "整改措施",
        "纠正措施计划",
        "correctiveaction",
    ),
    "owner": ("整改责任人", "责任人", "负责人", "owner"),
    "company": (
        "受审核组织",
        "受审核方",
        "受审核方名称",
        "组织名称",
        "企业名称",
        "公司名称",
        "单位名称",
        "organization",
        "company",
        "auditee organization",
    ),
    # labels whose value is not kept: signatures, the standard's text, the body's verification
    "other": (
        "审核员",
        "审核组长",
        "审核组成员",
        "受审核方代表",
        "受审核方确认",
        "部门负责人",
        "签字",
        "签名",
        "确认",
        "审核类型",
        "审核准则",
        "审核依据",
        "审核范围",
        "标准要求",
        "不符合要求",
        "要求",
        "完成日期",
        "实际完成日期",
        "日期",
        "date",
        "验证",
        "验证情况",
        "验证结论",
        "验证人",
        "跟踪验证",
        "纠正措施验证",
        "auditor",
        "leadauditor",
        "requirement",
        "verification",
    ),
}
_LABEL_FIELD = {normalize_text(w): f for f, words in LABELS.items() for w in words}
_HEADER_FIELD = {normalize_text(w): f for f, words in HEADERS.items() for w in words}
#: "标签：内容" in one cell: the known labels of at least two characters followed by a colon
#: a label spaced out to fill its cell ("不 符 合 类 型"), with a second name ("/区域"), an
#: English one ("Auditee department") or a note in brackets, then a colon
_INLINE_RE = re.compile(
    r"(?:^|(?<=[\s，,。；;]))("
    + "|".join(
        r"[ \t\u3000]*".join(re.escape(ch) for ch in w)
        for w in sorted(
            {w for words in LABELS.values() for w in words if len(w) >= 2 and not w.isascii()},
            key=len,
            reverse=True,
        )
    )
    + r")(?:[/／][^\s:：/／]{1,6})?(?:\s+[A-Za-z][A-Za-z .&/'-]*)?\s*(?:[（(][^）)]*[）)])?\s*[:：]",
    re.I,
)
_BRACKETS_RE = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
#: a value that is no description but a signature line below it
_SIGNATURE_RE = re.compile(
    r"\n\s*(?:审核员|审核组长|受审核方代表|受审核方确认|部门负责人|签字|签名|日期)\s*[:：]?.*$",
    re.S,
)

GRADE_WORDS = (
    ("严重", Grade.MAJOR),
    ("major", Grade.MAJOR),
    ("一般", Grade.MINOR),
    ("轻微", Grade.MINOR),
    ("minor", Grade.MINOR),
    ("观察", Grade.OBSERVATION),
    ("observation", Grade.OBSERVATION),
)
#: marks of a ticked box ("☑一般 □严重", "严重□ 一般■") and of an empty one
TICKED = "☑☒■▣√✓✔●◉"
UNTICKED = "□☐○◯"
CLAUSE_RE = re.compile(
    r"^\s*(?:GB/T\s*29490[^\s]*\s*)?(?:第\s*)?(\d{1,2}(?:\.\d{1,2}){0,3})\s*(?:条)?\s*$"
)
_CLAUSE_IN_RE = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d{1,2}){1,3})(?![\d.])")
MAX_HEADER_ROW = 10
MAX_HEADER_CHARS = 12  # a longer cell is a title or data, not a column header
#: a column guessed as the nonconformities without a header holds sentences, mostly this long
MIN_FINDING_CHARS = 8


@dataclass(frozen=True, slots=True)
class ImportedRow:
    """One nonconformity of the report; ``grade`` None: the report does not say (minor);
    ``where_zh``/``where_en``: its table and row, for messages."""

    number: str
    finding: str
    clause: str
    department: str
    grade: Grade | None
    raised: dt.date | None
    due: dt.date | None
    root_cause: str = ""
    correction: str = ""
    action: str = ""
    owner: str = ""
    where_zh: str = ""
    where_en: str = ""

    @property
    def where(self) -> str:
        return f"{self.where_zh} / {self.where_en}"


# --- cells --------------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    from ipaudit.ledger.cells import cell_text

    return str(cell_text(value)).strip()


def _date_cell(value: Any) -> dt.date | None:
    from ipaudit.ledger.normalize import NormalizeError, parse_date

    try:
        return parse_date(value)
    except NormalizeError:
        if isinstance(value, str):  # a date inside a text ("2025年3月5日（审核第一天）")
            found = dates_in_text.find_dates(value)
            return found[0].day if found else None
        return None


def grade_of(text: str) -> Grade | None:
    """The grade a cell states: its word, or with tick boxes the ticked word ("□严重 ☑一般",
    "严重□ 一般■"); None when it states none or several without a tick."""
    low = unicodedata.normalize("NFKC", text).strip().lower()
    words: list[tuple[int, Grade]] = []
    for w, g in GRADE_WORDS:
        words += [(m.start(), g) for m in re.finditer(re.escape(w), low)]
    words.sort(key=lambda pg: pg[0])
    marks = [i for i, ch in enumerate(low) if ch in TICKED or ch in UNTICKED]
    if not marks:
        grades = {g for _p, g in words}
        return words[0][1] if len(grades) == 1 else None
    if not words:
        return None
    marks_first = marks[0] < words[0][0]  # "☑一般": a mark before its word, else after it
    for i in marks:
        if low[i] not in TICKED:
            continue
        if marks_first:
            owner = next((g for p, g in words if p > i), None)
        else:
            owner = next((g for p, g in reversed(words) if p < i), None)
        if owner is not None:
            return owner
    return None


def clause_of(text: str) -> str:
    """The clause a cell names ("7.5.1", "GB/T 29490-2023 7.5.1", "第7.5.1条", "7.5.1 文件控制")."""
    m = CLAUSE_RE.match(text)
    if m:
        return m.group(1)
    m = _CLAUSE_IN_RE.search(unicodedata.normalize("NFKC", text))
    return m.group(1) if m else text.strip()


_ENGLISH_RE = re.compile(r"[A-Za-z][A-Za-z .,&/()'-]*")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def label_field(text: str) -> str | None:
    """The field a form's label names (None: not a label): "不符合类型", "不 符 合 类 型：",
    "受审核部门/区域", "不符合事实描述（审核员填写）", "受审核部门 Auditee department"."""
    bare = _BRACKETS_RE.sub("", unicodedata.normalize("NFKC", text)).strip().rstrip(":：")
    if not bare or len(bare) > 60 or ":" in bare or "：" in bare:
        return None
    tries = [bare]
    if _CJK_RE.search(bare):  # a bilingual label: its Chinese
        tries.append(_ENGLISH_RE.sub(" ", bare))
    for candidate in tries:
        key = normalize_text(candidate).lstrip("□☐■☑")
        if not key or len(key) > 20:
            continue
        found = _LABEL_FIELD.get(key)
        if found is not None:
            return found
        for part in re.split(r"[/／、及和]", candidate):  # "受审核部门/区域"
            found = _LABEL_FIELD.get(normalize_text(part))
            if found is not None:
                return found
    return None


# --- forms --------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Form:
    values: dict[str, str] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)  # the 1-based row of each field's label

    def put(self, name: str, value: str, row: int) -> None:
        if name == "other":
            return
        value = value.strip()
        self.rows.setdefault(name, row)
        if value and not self.values.get(name):
            self.values[name] = value

    def add(self, name: str, value: str) -> None:
        """More of a field's value (the next row of a label merged down)."""
        if name != "other" and value.strip():
            have = self.values.get(name, "")
            self.values[name] = f"{have}\n{value.strip()}" if have else value.strip()

    def has_values(self) -> bool:
        return any(v for k, v in self.values.items() if k not in ("company",))


def _pieces(text: str) -> list[tuple[str | None, str]]:
    """A cell's text as (field, value) pieces: a label alone → (field, ""), "标签：内容" or a label
    on the cell's first line → (field, 内容), other text → (None, text)."""
    name = label_field(text)
    if name is not None:
        return [(name, "")]
    matches = list(_INLINE_RE.finditer(text))
    first, _sep, rest = text.partition("\n")
    name = label_field(first)
    if name is not None and rest.strip() and not (matches and matches[0].start() == 0):
        return [(name, ""), *_pieces(rest.strip())]  # the label on the cell's first line
    if not matches:
        return [(None, text)]
    out: list[tuple[str | None, str]] = []
    head = text[: matches[0].start()].strip()
    if head:
        out.append((None, head))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        out.append((label_field(m.group(1)), text[m.end() : end].strip()))
    return out


def read_forms(
    rows: Sequence[Sequence[Any]], continued: frozenset[tuple[int, int]] = frozenset()
) -> list[_Form]:
    """The forms of one table: label → value, in the same row or the row below; ``continued``:
    the cells merged down from the row above (a label spanning rows: each row's value adds to
    its field; a value spanning rows: read once)."""
    forms = [_Form()]
    pending: tuple[str, int] | None = None  # a label that ended its row: its value comes next
    for r, row in enumerate(rows, 1):
        label: tuple[str, int] | None = None  # the label waiting for its value in this row
        more: str | None = None  # the field a label merged down from above adds to
        seen = False
        for c, value_cell in enumerate(row):
            text = _cell(value_cell)
            if not text:
                continue
            seen = True
            if (r - 1, c) in continued:
                name = label_field(text)
                more = name if name not in (None, "other") else None
                label = None
                continue
            for name, value in _pieces(text):
                form = forms[-1]
                if name is None:
                    if more is not None:
                        form.add(more, value)
                        more = None
                        continue
                    target = label or pending
                    if target is not None:
                        form.put(target[0], value, target[1])
                    elif any(ch in TICKED for ch in value) and grade_of(value) is not None:
                        form.put("grade", value, r)  # tick boxes without a label
                    elif (m := _NUMBER_IN_RE.search(unicodedata.normalize("NFKC", value))) and (
                        not form.values.get("number")
                    ):
                        form.put("number", m.group(1), r)  # "不符合项报告 No.: NC-03" atop
                    label = pending = None
                    continue
                pending = more = None
                if name != "other" and form.values.get(name):  # a field again: the next form
                    forms.append(_Form())
                    form = forms[-1]
                if value:
                    form.put(name, value, r)
                    label = None
                else:
                    label = (name, r)
                    if name != "other":
                        form.rows.setdefault(name, r)
        if seen:
            pending = label
    return [f for f in forms if f.values or f.rows]


def _is_list_header(row: Sequence[Any]) -> bool:
    """A row of column headers: two or more cells, all labels, one of them the description."""
    texts = [t for t in (_cell(v) for v in row) if t]
    if len(texts) < 2:
        return False
    names = [label_field(t) or _HEADER_FIELD.get(normalize_text(t)) for t in texts]
    return all(n is not None for n in names) and "finding" in names


def _table_is_list(rows: Sequence[Sequence[Any]]) -> bool:
    return any(_is_list_header(row) for row in rows[:MAX_HEADER_ROW])


def _form_row(
    form: _Form, where_zh: str, where_en: str, default_day: dt.date | None
) -> ImportedRow:
    v = form.values
    finding = _SIGNATURE_RE.sub("", v.get("finding", "")).strip()
    return ImportedRow(
        number=v.get("number", ""),
        finding=finding,
        clause=clause_of(v.get("clause", "")) if v.get("clause") else "",
        department=v.get("department", ""),
        grade=grade_of(v.get("grade", "")),
        raised=_date_cell(v["raised"]) if v.get("raised") else default_day,
        due=_date_cell(v["due"]) if v.get("due") else None,
        root_cause=_SIGNATURE_RE.sub("", v.get("root_cause", "")).strip(),
        correction=_SIGNATURE_RE.sub("", v.get("correction", "")).strip(),
        action=_SIGNATURE_RE.sub("", v.get("action", "")).strip(),
        owner=v.get("owner", ""),
        where_zh=where_zh,
        where_en=where_en,
    )


_NUMBER_IN_RE = re.compile(
    r"(?:不符合项?(?:报告)?编号|报告编号|编号|NC\s*No\.?|No\.?)\s*[:：]\s*([A-Za-z0-9][A-Za-z0-9\-_/.]*)",
    re.I,
)


def forms_in(source: Path, tables: Sequence[doc_tables.Table]) -> list[ImportedRow]:
    """The nonconformities of the file's form tables (empty: no form in it)."""
    found: list[tuple[_Form, str, str]] = []
    default_day: dt.date | None = None
    continues = False  # the table before was a form: a table of cause and action continues it
    for t in tables:
        if _table_is_list(t.rows):
            continues = False
            continue
        before = len(found)
        merged = False
        for form in read_forms(t.rows, t.continued):
            v = form.values
            if "finding" not in form.rows:
                if (continues or len(found) > before) and any(
                    k in v for k in ("root_cause", "correction", "action", "owner", "due")
                ):
                    for k, value in v.items():  # the form's second page
                        found[-1][0].put(k, value, form.rows.get(k, 0))
                    merged = True
                elif v.get("raised") and default_day is None:
                    default_day = _date_cell(v["raised"])  # the cover: the audit's first day
                continue
            if not v.get("finding"):
                if not form.has_values():
                    continue  # a blank form
                row = form.rows["finding"]
                raise InvalidInput(
                    f"“{source.name}”{t.name_zh}第 {row} 行是一份不符合项报告，但“不符合事实描述”"
                    "是空的。请在该表格中写明不符合事实（或删去这份空白报告）后再导入；"
                    "工作区未作任何更改。",
                    f"{t.name_en.capitalize()} of '{source.name}' is a nonconformity form whose"
                    f" description (row {row}) is empty. Write the nonconformity there (or delete"
                    " the blank form) and import again; nothing was changed.",
                    source,
                )
            if not v.get("number"):
                for text in reversed(t.before):  # "不符合项报告 编号：NC-03" above the table
                    m = _NUMBER_IN_RE.search(unicodedata.normalize("NFKC", text))
                    if m:
                        v["number"] = m.group(1)
                        break
            row = form.rows["finding"]
            found.append((form, f"{t.name_zh}第 {row} 行", f"{t.name_en}, row {row}"))
        continues = len(found) > before or (merged and continues)
    return [_form_row(form, zh, en, default_day) for form, zh, en in found]


# --- lists --------------------------------------------------------------------------------------


def _columns(rows: Sequence[Sequence[Any]]) -> tuple[dict[str, int], int]:
    """The column of each field and the header row's index (-1: no header found): of the first
    rows, the one naming a finding column and the most fields (a title row above the header
    that mentions 不符合项 is no header)."""
    wanted = {f: {normalize_text(w) for w in words} for f, words in HEADERS.items()}
    best: tuple[dict[str, int], int] = ({}, -1)
    for n, row in enumerate(rows[:MAX_HEADER_ROW]):
        cols: dict[str, int] = {}
        for i, value in enumerate(row):
            text = normalize_text(_BRACKETS_RE.sub("", _cell(value)))
            if not text or len(text) > MAX_HEADER_CHARS:
                continue
            for name, words in wanted.items():
                if name in cols:
                    continue
                if text in words or any(len(w) > 3 and w in text for w in words):
                    cols[name] = i
                    break
        if "finding" in cols and len(cols) > len(best[0]):
            best = (cols, n)
    return best


def _by_content(rows: Sequence[Sequence[Any]], cols: dict[str, int]) -> dict[str, int]:
    """Columns the header did not name, found by what their cells hold."""
    width = max((len(r) for r in rows), default=0)
    free = [i for i in range(width) if i not in cols.values()]
    texts = {i: [_cell(r[i]) for r in rows if i < len(r) and _cell(r[i])] for i in free}

    def share(i: int, test: Callable[[str], bool]) -> float:
        cells = texts[i]
        return sum(1 for t in cells if test(t)) / len(cells) if cells else 0.0

    found = dict(cols)
    for name, test in (
        ("clause", lambda t: CLAUSE_RE.match(t) is not None),
        ("grade", lambda t: grade_of(t) is not None and len(t) <= 12),
        ("raised", lambda t: _date_cell(t) is not None),
    ):
        if name in found:
            continue
        best = max(
            (i for i in free if i not in found.values()), key=lambda i: share(i, test), default=None
        )
        if best is not None and share(best, test) >= 0.6:
            found[name] = best
    if "finding" not in found:  # the longest texts
        lengths = {i: sum(len(t) for t in texts[i]) for i in free if i not in found.values()}
        if lengths and max(lengths.values()) > 0:
            found["finding"] = max(lengths, key=lambda i: lengths[i])
    return found


def list_rows(source: Path, t: doc_tables.Table, *, guess: bool = True) -> list[ImportedRow] | None:
    """The nonconformities of a list table (None: it has no description column; ``guess``:
    without a header, the column of the longest sentences)."""
    rows = [list(r) for r in t.rows]
    cols, header = _columns(rows)
    if header < 0 and not guess:
        return None
    body = rows[header + 1 :] if header >= 0 else list(rows)
    cols = _by_content(body, cols)
    if header < 0 and "finding" in cols:  # guessed by length alone: sentences, or no list
        i = cols["finding"]
        texts = [_cell(r[i]) for r in body if i < len(r) and _cell(r[i])]
        if sum(len(x) >= MIN_FINDING_CHARS for x in texts) * 2 < len(texts):
            del cols["finding"]
    if "finding" not in cols:
        return None

    def cell(row: Sequence[Any], name: str) -> Any:
        i = cols.get(name)
        return row[i] if i is not None and i < len(row) else None

    headers = {normalize_text(w) for w in HEADERS["finding"]}
    out = []
    for r, row in enumerate(body, header + 2):
        finding = _cell(cell(row, "finding"))
        if not finding or normalize_text(finding) in headers:
            continue
        out.append(
            ImportedRow(
                number=_cell(cell(row, "number")),
                finding=finding,
                clause=clause_of(_cell(cell(row, "clause"))),
                department=_cell(cell(row, "department")),
                grade=grade_of(_cell(cell(row, "grade"))),
                raised=_date_cell(cell(row, "raised")),
                due=_date_cell(cell(row, "due")),
                root_cause=_cell(cell(row, "root_cause")),
                action=_cell(cell(row, "action")),
                owner=_cell(cell(row, "owner")),
                where_zh=f"{t.name_zh}第 {r} 行",
                where_en=f"{t.name_en}, row {r}",
            )
        )
    return out


# --- the report ---------------------------------------------------------------------------------


def parse_report(path: Path | str) -> list[ImportedRow]:
    """The nonconformities of the certification body's report: its forms when it has some (and
    no list holds more nonconformities: a form-like note beside the list is not the report), else
    its list (the first table or sheet with a description column; without any header, the first
    table's column of sentences)."""
    source = Path(path)
    found = doc_tables.tables(source)  # refuses a format it does not read
    forms = forms_in(source, found)
    listed = next(
        (
            rows
            for t in found
            if _table_is_list(t.rows) and (rows := list_rows(source, t, guess=False)) is not None
        ),
        None,
    )
    if forms and (listed is None or len(forms) >= len(listed)):
        return forms  # a summary table repeats them; a lone "form" beside a longer list does not
    if listed is not None:
        return listed
    rows = next(
        (rows for t in found if (rows := list_rows(source, t, guess=False)) is not None), None
    )
    if rows is None and found:
        rows = list_rows(source, found[0])
    if rows is None:
        raise InvalidInput(
            f"{source.name} 中找不到不符合项描述（如“不符合事实”）。请确认选的是审核报告的不符合项"
            "报告或清单：清单的描述列要有“不符合事实”或“不符合项描述”这样的表头，报告表格要有"
            "“不符合事实描述”一栏；工作区未作任何更改。",
            f"No nonconformity (such as 不符合事实 / nonconformity) was found in {source.name}."
            " Check that it is the audit report's nonconformity forms or list: give the list's"
            " column of descriptions a header such as 不符合事实 or nonconformity, the form a"
            " 不符合事实描述 row; nothing was changed.",
            source,
        )
    return rows


__all__ = [
    "CLAUSE_RE",
    "GRADE_WORDS",
    "HEADERS",
    "LABELS",
    "ImportedRow",
    "clause_of",
    "forms_in",
    "grade_of",
    "label_field",
    "list_rows",
    "parse_report",
    "read_forms",
]
