"""The auditor's request list: import it (a spreadsheet or a Word table), match each line to the
checklist items it asks for, let the user confirm or correct the match, and tell which requests
are covered, partly covered or missing — of the confirmed ones; a proposal is "to confirm" and a
line without one "unmatched" until the user decides (see ``Coverage``).

Each line is a record of kind ``request`` keyed by its number: its title, department and note,
the proposed candidates with their scores, the matched items and whether the user confirmed them.
Importing a list again keeps the user's decisions for the lines whose number and title are
unchanged.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipaudit.domain.model import Finding, Item, ItemState, Status
from ipaudit.domain.request_list import (
    AUTO_MATCH,
    Candidate,
    Coverage,
    Matcher,
    Request,
    RequestListError,
    department_heading,
    header_cells,
    line_coverage,
    merge_repeats,
    normalize_title,
    requests_from_rows,
    several_items,
    title_parts,
)
from ipaudit.services import departments, doc_tables
from ipaudit.store.errors import InvalidInput
from ipaudit.store.records_store import Record
from ipaudit.text import Text, counted

if TYPE_CHECKING:
    from ipaudit.services.workspace import Workspace

KIND = "request"
CANDIDATES = 5

# open findings that mean an item's evidence does not (yet) cover the audit period
PERIOD_CODES = frozenset(
    {
        "evidence_missing",
        "evidence_outside_period",
        "document_not_in_force",
        "period_not_covered",
        "year_not_covered",
        "too_few_records",
        "record_set_incomplete",
        "record_undated",
    }
)


@dataclass(frozen=True, slots=True)
class RequestLine:
    """One stored request with its match: ``matched`` are the items it is matched to (the user's
    choice when ``confirmed``, else the proposal above ``AUTO_MATCH``)."""

    request: Request
    candidates: tuple[Candidate, ...]
    matched: tuple[str, ...]
    confirmed: bool
    version: int = 0

    @property
    def number(self) -> str:
        return self.request.number

    def to_json(self) -> dict[str, Any]:
        r = self.request
        return {
            "number": r.number,
            "title": r.title,
            "department": r.department,
            "note": r.note,
            "row": r.row,
            "clause": r.clause,
            "candidates": [[c.item_key, c.score] for c in self.candidates],
            "matched": list(self.matched),
            "confirmed": self.confirmed,
        }

    @classmethod
    def from_record(cls, rec: Record) -> RequestLine:
        v = rec.value
        return cls(
            Request(
                str(v["number"]),
                str(v["title"]),
                str(v.get("department", "")),
                str(v.get("note", "")),
                int(v.get("row", 0)),
                str(v.get("clause", "")),
            ),
            tuple(Candidate(str(k), int(s)) for k, s in v.get("candidates", [])),
            tuple(str(k) for k in v.get("matched", [])),
            bool(v.get("confirmed")),
            rec.version,
        )


@dataclass(frozen=True, slots=True)
class ItemCoverage:
    item_key: str
    coverage: Coverage
    status: Status
    evidence: int  # current evidence files
    problems: tuple[str, ...]  # the open period findings' codes


@dataclass(frozen=True, slots=True)
class RequestCoverage:
    """A line's state (see ``Coverage``: covered, partly or missing only once the user confirmed
    its items) and its matched (or proposed) items' coverage."""

    line: RequestLine
    coverage: Coverage
    items: tuple[ItemCoverage, ...]


# -- reading ---------------------------------------------------------------------------------------


#: words that name a document or a record: a line holding one reads as a request ("员工劳动合同",
#: "培训签到表", "研发项目立项检索报告"); with the matcher's record words (RECORD_WORDS)
DOCUMENT_WORDS = (
    "文件",
    "资料",
    "制度",
    "手册",
    "程序",
    "合同",
    "协议",
    "证书",
    "报告",
    "签到",
    "凭证",
    "纪要",
    "计划",
    "预算",
    "方案",
    "证明",
    "执照",
    "档案",
    "说明书",
    "交底书",
    "复印件",
    "原件",
    "批文",
    "通知",
    "审批",
    "评审",
    "检查表",
    "架构图",
    "机构图",
    "document",
    "record",
    "certificate",
    "report",
    "contract",
    "agreement",
    "manual",
    "procedure",
    "policy",
    "minutes",
    "register",
    "list",
    "plan",
    "evidence",
)
#: a title ending in one of these names a form, a record book or a certificate ("目标分解表",
#: "交接单", "商标注册证"), unless
#: it is a person ("管理者代表", "董事会秘书")
DOCUMENT_ENDINGS = ("表", "单", "册", "簿", "书", "图", "证")  # "商标注册证", "登记证"
NOT_DOCUMENT_ENDINGS = ("代表", "秘书", "认证", "保证", "验证", "论证")
# a Chinese word anywhere ("员工劳动合同"), an English one as a word ("specialist" is no list)
_DOCUMENT_RE = re.compile(
    "|".join(rf"\b{w}s?\b" if w.isascii() else re.escape(w) for w in DOCUMENT_WORDS)
)
#: a table is a request list when at least this share of its lines read as requests
REQUEST_SHARE = 0.5
MAX_SHEETS = 30  # the sheets of a workbook looked at when none is named


def reads_as_request(title: str) -> bool:
    """Whether a line's title asks for a document or a record: it names one (``DOCUMENT_WORDS``,
    the matcher's ``RECORD_WORDS``, a form's ending). The matcher's scores are not used: a staff
    list's "内审员" matches the internal auditors' item as well as a request would."""
    from ipaudit.domain.request_list import RECORD_WORDS

    text = unicodedata.normalize("NFKC", title).casefold()
    squeezed = re.sub(r"[\s\W_]+", "", re.sub(r"[（(【\[][^）)】\]]*[）)】\]]", "", text))
    if _DOCUMENT_RE.search(text) or any(w in text for w in RECORD_WORDS):
        return True
    return (
        len(squeezed) >= 3
        and squeezed.endswith(DOCUMENT_ENDINGS)
        and not squeezed.endswith(NOT_DOCUMENT_ENDINGS)
    )


@dataclass(frozen=True, slots=True)
class TableReading:
    """A table (a sheet, or a Word table) read as a request list: its lines and how many of them
    read as requests (a request asked twice counted once: a repeated line does not tip the
    balance)."""

    name: str  # the sheet's name, or "#n" for the n-th table of a Word document
    lines: tuple[Request, ...]
    requests: int  # of the different requests, those that read as requests
    header: tuple[str, ...] = ()  # its header row's cells, () when it has none
    different: int = 0  # the different requests among its lines (see ``merge_repeats``)

    @property
    def is_list(self) -> bool:
        return bool(self.lines) and self.requests >= REQUEST_SHARE * self.different


def _reading(name: str, rows: Sequence[Sequence[object]], context: str = "") -> TableReading:
    try:
        found = requests_from_rows(rows, context)
    except RequestListError:
        return TableReading(name, (), 0)
    different = merge_repeats(found)
    requests = sum(reads_as_request(r.title) for r in different)
    return TableReading(name, tuple(found), requests, header_cells(rows), len(different))


def read_tables(path: str | Path) -> list[TableReading]:
    """Every table of the file read as a request list, in the file's order: each sheet of a
    spreadsheet (up to ``MAX_SHEETS``), a csv's one, each table of a Word document (with the
    department its heading names)."""
    p = Path(path)  # each reader refuses a format it does not read
    if doc_tables.is_docx(p):
        return [
            _reading(f"#{t.index}", t.rows, department_heading(t.before[-1] if t.before else ""))
            for t in doc_tables.docx_tables(p)
        ]
    with _list_words(p):
        tables = doc_tables.sheet_tables(p, MAX_SHEETS)
    return [_reading(t.sheet, t.rows) for t in tables]


#: what to do about a file that is not a request list, in the list's words
_CHOOSE_LIST = Text(
    "请选择认证机构发来的资料清单（xlsx、xls、ods、csv，或含表格的 Word 文档 docx）",
    "Choose the request list the certification body sent (xlsx, xls, ods, csv, or a Word"
    " document with a table, docx)",
)


@contextlib.contextmanager
def _list_words(path: Path) -> Iterator[None]:
    """The spreadsheet reader's refusals that speak of a ledger said in the request list's words
    (an empty file, not a spreadsheet, damaged, far too large); the others pass as they are."""
    from ipaudit.ledger.errors import (
        EmptyFile,
        FileCorrupt,
        LedgerError,
        NotASpreadsheet,
        SheetDataTooLarge,
        SheetTooLarge,
    )

    try:
        yield
    except LedgerError as exc:
        where_zh = f"“{path.name}”" + (f"的工作表“{exc.sheet}”" if exc.sheet else "")
        where_en = f"'{path.name}'" + (f", sheet '{exc.sheet}'," if exc.sheet else "")
        if isinstance(exc, EmptyFile):
            what = Text(
                f"{where_zh}是空的（0 字节或没有任何数据），其中没有资料清单",
                f"{where_en} is empty (0 bytes or no data at all): it holds no request list",
            )
        elif isinstance(exc, NotASpreadsheet):
            what = Text(
                f"{where_zh}不是电子表格，而是{exc.what.zh}，读不出资料清单",
                f"{where_en} is not a spreadsheet but {exc.what.en}: no request list to read",
            )
        elif isinstance(exc, FileCorrupt):
            detail = f"（{exc.detail.split(' / ')[0]}）" if " / " in exc.detail else ""
            what = Text(
                f"{where_zh}已损坏或不完整{detail}，读不出资料清单；也可在 Excel/WPS 中打开后另存为"
                " xlsx 再导入",
                f"{where_en} is damaged or incomplete"
                + (f" ({exc.detail})" if exc.detail else "")
                + "; you may also open it in Excel or WPS and import it saved as xlsx",
            )
        elif isinstance(exc, SheetTooLarge | SheetDataTooLarge):
            what = Text(
                f"{where_zh}大得不像资料清单（多半是远处的单元格误填了内容或格式）；可把清单复制到"
                "新工作簿后再导入",
                f"{where_en} is far too large for a request list (cells far away filled by"
                " mistake, most likely); you may also copy the list into a new workbook and import"
                " that",
            )
        else:
            raise
        raise InvalidInput(
            f"{what.zh}。{_CHOOSE_LIST.zh}。", f"{what.en}. {_CHOOSE_LIST.en}.", path
        ) from exc


def request_sheets(path: str | Path) -> list[TableReading]:
    """The tables of the file that hold a request list (see ``TableReading.is_list``)."""
    return [t for t in read_tables(path) if t.is_list]


def _joined(tables: Sequence[TableReading]) -> list[Request]:
    """The lines of several tables as one list: rows counted on from table to table, a number
    used by an earlier table made unique by its row, a request asked twice kept once."""
    out: list[Request] = []
    used: set[str] = set()
    offset = 0
    for t in tables:
        for r in t.lines:
            number, again = r.number, 1
            while number in used:  # "1" of the second table: "1-14", its row in the list
                number = f"{r.number}-{r.row + offset}" + (f"-{again}" if again > 1 else "")
                again += 1
            used.add(number)
            out.append(dataclasses.replace(r, number=number, row=r.row + offset))
        offset += max((r.row for r in t.lines), default=0)
    return merge_repeats(out)


def read_requests(path: str | Path, sheet: str | None = None) -> list[Request]:
    """The lines of a request list, decided by what the table holds, not only by where it is:
    at least half its lines must read as requests for documents or records
    (``reads_as_request``). ``sheet``: that sheet, refused when it holds no request list; else the
    table of the file that holds one (a Word document: every table that holds one, in order —
    one per department, say); several sheets that qualify: bad input naming them, to choose one
    (``--sheet``). A request asked twice (same title and department) is one line."""
    p = Path(path)
    if sheet is not None and not doc_tables.is_docx(p):
        from ipaudit.ledger.reader import read_rows

        doc_tables.check_readable(p)
        with _list_words(p):
            rows = [list(r) for r in read_rows(p, sheet)]
        reading = _reading(sheet, rows)
        if not reading.is_list:
            raise _not_a_list(p, [reading])
        return merge_repeats(reading.lines)
    tables = read_tables(p)
    found = [t for t in tables if t.is_list]
    if not found:
        raise _not_a_list(p, tables)
    if doc_tables.is_docx(p):
        # one table per department: a short one with the lists' header is one of them too
        headers = {t.header for t in found if t.header}
        return _joined([t for t in tables if t.is_list or (t.lines and t.header in headers)])
    if len(found) > 1:
        names_zh = "、".join(f"“{t.name}”（{len(t.lines)} 行）" for t in found)
        names_en = ", ".join(f"'{t.name}' ({counted(len(t.lines), 'line')})" for t in found)
        raise InvalidInput(
            f"“{p.name}”中有多个工作表像资料清单：{names_zh}。请选定要导入的工作表"
            "（命令行：--sheet 工作表名）。",
            f"Several sheets of '{p.name}' look like a request list: {names_en}. Choose the"
            " sheet to import (on the command line: --sheet NAME).",
            p,
        )
    return merge_repeats(found[0].lines)


def _not_a_list(path: Path, tables: list[TableReading]) -> InvalidInput:
    """Refusing a file none of whose tables holds a request list: which file, which sheet (or
    table), what it holds and what was expected."""
    expected_zh = (
        "资料清单应有一列所需文件或记录的名称（如“员工劳动合同”“培训签到表”“研发项目立项检索报告”），"
        "且至少一半的行是这样的名称"
    )
    expected_en = (
        "a request list has a column naming the documents or records asked for (such as"
        " 'labour contracts', 'training attendance sheet'), at least half of its lines"
    )
    docx_file = doc_tables.is_docx(path)
    if not tables:
        where_zh, where_en = (
            ("没有表格", "holds no table") if docx_file else ("没有工作表", "has no sheet")
        )
        return InvalidInput(
            f"“{path.name}”{where_zh}，不是资料清单：{expected_zh}。",
            f"'{path.name}' {where_en}, so it holds no request list: {expected_en}.",
            path,
        )
    parts_zh, parts_en = [], []
    for t in tables:
        name_zh = f"表格{t.name.lstrip('#')}" if docx_file else f"工作表“{t.name}”"
        name_en = f"table {t.name.lstrip('#')}" if docx_file else f"sheet '{t.name}'"
        if not t.lines:
            parts_zh.append(f"{name_zh}没有可读的行")
            parts_en.append(f"{name_en} has no line to read")
        else:
            parts_zh.append(
                f"{name_zh}的 {t.different} 项不同内容中只有 {t.requests} 项像文件或记录名称"
            )
            parts_en.append(
                f"{name_en}: only {t.requests} of its {counted(t.different, 'different line')}"
                " name a document or record"
            )
    return InvalidInput(
        f"“{path.name}”中没有资料清单（{'；'.join(parts_zh)}）。{expected_zh}；"
        "请选对文件或工作表。",
        f"'{path.name}' holds no request list ({'; '.join(parts_en)}): {expected_en}."
        " Choose the right file or sheet.",
        path,
    )


# -- matching --------------------------------------------------------------------------------------


def matcher(ws: Workspace) -> Matcher:
    """The workspace's checklist items prepared for matching (owners followed through merges)."""
    owners = {it.key: dep for dep, its in ws.items_by_department().items() for it in its}
    return Matcher.build([it for it in ws.template.items if it.key in owners], owners)


def _department_keys(ws: Workspace) -> Callable[[str], str]:
    """The workspace department a line names ("研发部", "R&D", "rnd"; merges followed, a
    department the company does not have is none), "" when none fits or two do; the
    departments are read once, for all the lines of a list."""
    return functools.cache(departments.names(ws).find)


#: a candidate of the clause the line names (its column, a clause heading) scores this much more
CLAUSE_BONUS = 15


def _item_clauses(ws: Workspace) -> dict[str, str]:
    edition = ws.info().edition.value
    out = {}
    for it in ws.template.items:
        ref = it.refs.get(edition)
        out[it.key] = ref.clause if ref else it.clause
    return out


def _same_clause(asked: str, item: str) -> bool:
    return any(
        item == c or item.startswith(c + ".") or c.startswith(item + ".")
        for c in asked.split("、")
        if c
    )


def propose(
    m: Matcher, request: Request, department: str, clauses: Mapping[str, str]
) -> tuple[Candidate, ...]:
    """The items a line (of ``department``'s key) may ask for, best first; an item of the clause
    the line names (``clauses``: each item's) is preferred."""
    return _ranked(m, request.title, request.clause, department, clauses)


def _ranked(
    m: Matcher, title: str, clause: str, department: str, clauses: Mapping[str, str]
) -> tuple[Candidate, ...]:
    if not clause:
        return tuple(m.candidates(title, department, CANDIDATES))
    found = [
        Candidate(
            c.item_key,
            min(100, c.score + CLAUSE_BONUS)
            if _same_clause(clause, clauses.get(c.item_key, ""))
            else c.score,
        )
        for c in m.candidates(title, department, CANDIDATES * 3)
    ]
    found.sort(key=lambda c: -c.score)
    return tuple(found[:CANDIDATES])


def proposal(
    m: Matcher, request: Request, department: str, clauses: Mapping[str, str]
) -> tuple[tuple[Candidate, ...], tuple[str, ...]]:
    """A line's candidates and the items proposed for it (to be confirmed): the best candidate
    at ``AUTO_MATCH`` or more; for a line naming several documents ("专利证书复印件、年费缴费凭证",
    ``title_parts``) each document's own item when each names one well (``several_items``) —
    those first among the candidates."""
    whole = propose(m, request, department, clauses)
    parts = title_parts(request.title)
    if len(parts) > 1:
        ranked = [_ranked(m, part, request.clause, department, clauses) for part in parts]
        chosen = several_items(whole, ranked)
        if chosen:
            keys = {c.item_key for c in chosen}
            rest = [c for c in whole if c.item_key not in keys]
            return (*chosen, *rest)[: max(CANDIDATES, len(chosen))], tuple(
                c.item_key for c in chosen
            )
    top = whole[0] if whole else None
    return whole, ((top.item_key,) if top and top.score >= AUTO_MATCH else ())


def import_requests(ws: Workspace, path: str | Path, sheet: str | None = None) -> list[RequestLine]:
    """Read the list at ``path`` (see ``read_requests``: a table that holds no request list is
    refused), propose items for each line and store the lines (replacing the previous list; the
    user's decisions are kept for a line of the same number and title, or, renumbered, of the
    same title and department)."""
    found = read_requests(path, sheet)
    earlier = lines(ws)
    department_key = _department_keys(ws)
    previous = {line.number: line for line in earlier}
    by_title = {
        (normalize_title(ln.request.title), department_key(ln.request.department)): ln
        for ln in earlier
        if ln.confirmed
    }
    m = matcher(ws)
    clauses = _item_clauses(ws)
    out: list[RequestLine] = []
    for req in found:
        department = department_key(req.department)
        candidates, proposed = proposal(m, req, department, clauses)
        before = previous.get(req.number)
        if before is None or before.request.title != req.title:  # renumbered, or another line
            before = by_title.get((normalize_title(req.title), department))
        if before is not None and before.confirmed:
            matched, confirmed = before.matched, True
        else:
            matched, confirmed = proposed, False
        out.append(RequestLine(req, candidates, matched, confirmed))
    ws.records.replace_kind(
        KIND,
        [
            Record(KIND, line.number, line.to_json(), department_key(line.request.department))
            for line in out
        ],
    )
    return lines(ws)


def lines(ws: Workspace) -> list[RequestLine]:
    """The stored request lines, in the list's order."""
    found = [RequestLine.from_record(r) for r in ws.records.all(KIND)]
    return sorted(found, key=lambda line: (line.request.row, line.number))


def line(ws: Workspace, number: str) -> RequestLine:
    rec = ws.records.get(KIND, number)
    if rec is None:
        raise InvalidInput(
            f"资料清单中没有编号为“{number}”的请求（用 requests 命令查看）。",
            f"The request list has no request '{number}' (list them with the requests command).",
            ws.path,
        )
    return RequestLine.from_record(rec)


def set_match(
    ws: Workspace, number: str, item_keys: Sequence[str], *, base_version: int | None = None
) -> RequestLine:
    """The user's decision: request ``number`` asks for ``item_keys`` (none: no checklist item
    holds it — it stays missing until a record is added)."""
    current = line(ws, number)
    for key in item_keys:
        ws.item(key)  # InvalidInput for an unknown item
    decided = RequestLine(
        current.request,
        current.candidates,
        tuple(dict.fromkeys(item_keys)),
        True,
    )
    rec = ws.records.put(
        KIND,
        number,
        decided.to_json(),
        department=_department_keys(ws)(current.request.department),
        base_version=current.version if base_version is None else base_version,
        what=f"{number} {current.request.title}",
    )
    return RequestLine.from_record(rec)


def search_items(ws: Workspace, text: str, limit: int = 10) -> list[Candidate]:
    """Items for a typed search: by key or clause prefix, else by title as the matching does."""
    t = text.strip()
    if not t:
        return []
    exact = [
        Candidate(it.key, 100) for it in ws.template.items if it.key.startswith(t) or it.clause == t
    ]
    return (exact + matcher(ws).candidates(t, limit=limit))[:limit]


# -- coverage --------------------------------------------------------------------------------------


def item_coverage(
    item_key: str,
    states: Mapping[str, ItemState],
    evidence: Mapping[str, int],
    findings: Iterable[Finding],
) -> ItemCoverage:
    """Covered: ready with evidence and no open finding about its period; partly: some evidence;
    missing: none."""
    state = states.get(item_key)
    status = state.status if state else Status.NOT_STARTED
    n = evidence.get(item_key, 0)
    problems = tuple(
        sorted(
            {
                f.code
                for f in findings
                if f.item_key == item_key and f.accepted is None and f.code in PERIOD_CODES
            }
        )
    )
    if n and status is Status.READY and not problems:
        cov = Coverage.COVERED
    elif n:
        cov = Coverage.PARTLY
    else:
        cov = Coverage.MISSING
    return ItemCoverage(item_key, cov, status, n, problems)


def of_department(
    ws: Workspace, found: Iterable[RequestLine], department: str
) -> list[RequestLine]:
    """The lines that ask ``department`` for something: matched to one of its items (a line not
    decided yet: its best candidate is), or, matched to nothing, naming the department."""
    keys = {it.key for it in ws.items_of(department)}
    department_key = _department_keys(ws)
    out = []
    for ln in found:
        asked = (
            ln.matched if ln.matched or ln.confirmed else [c.item_key for c in ln.candidates[:1]]
        )
        if asked:
            if any(k in keys for k in asked):
                out.append(ln)
        elif department_key(ln.request.department) == department:
            out.append(ln)
    return out


def coverage(
    ws: Workspace, findings: Sequence[Finding] | None = None, department: str | None = None
) -> list[RequestCoverage]:
    """Every request's coverage from its matched items (``department``: only the lines that ask
    that department, see ``of_department``); ``findings``: the assessment's when the caller has
    it (the GUI's, computed in a worker), else the workspace's."""
    found = lines(ws)
    if department:
        found = of_department(ws, found, department)
    states = ws.states()
    counts: dict[str, int] = {}
    for ev in ws.evidence():
        counts[ev.item_key] = counts.get(ev.item_key, 0) + 1
    if findings is None:
        findings = ws.findings()
    out = []
    for ln in found:
        # a proposal's items too: what confirming it would mean, shown beside it
        items = tuple(item_coverage(k, states, counts, findings) for k in ln.matched)
        state = line_coverage(ln.confirmed, ln.matched, [i.coverage for i in items])
        out.append(RequestCoverage(ln, state, items))
    return out


def summary(found: Iterable[RequestCoverage]) -> dict[Coverage, int]:
    counts = dict.fromkeys(Coverage, 0)
    for rc in found:
        counts[rc.coverage] += 1
    return counts


def coverage_json(rc: RequestCoverage, items: Mapping[str, Item]) -> dict[str, Any]:
    data = rc.line.to_json()
    data["coverage"] = rc.coverage.value
    data["items"] = [
        {
            "item": ic.item_key,
            "title": items[ic.item_key].title.zh if ic.item_key in items else "",
            "coverage": ic.coverage.value,
            "status": ic.status.value,
            "evidence": ic.evidence,
            "problems": list(ic.problems),
        }
        for ic in rc.items
    ]
    return data


__all__ = [
    "KIND",
    "ItemCoverage",
    "RequestCoverage",
    "RequestLine",
    "coverage",
    "coverage_json",
    "import_requests",
    "item_coverage",
    "line",
    "lines",
    "matcher",
    "of_department",
    "read_requests",
    "read_tables",
    "reads_as_request",
    "request_sheets",
    "search_items",
    "set_match",
    "summary",
]
