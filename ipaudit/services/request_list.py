"""The auditor's request list: import it (a spreadsheet or a Word table), match each line to the
checklist items it asks for, let the user confirm or correct the match, and tell which requests
are covered, partly covered or missing.

Each line is a record of kind ``request`` keyed by its number: its title, department and note,
the proposed candidates with their scores, the matched items and whether the user confirmed them.
Importing a list again keeps the user's decisions for the lines whose number and title are
unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
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
    request_coverage,
    requests_from_rows,
)
from ipaudit.store.errors import InvalidInput
from ipaudit.store.records_store import Record

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
    line: RequestLine
    coverage: Coverage
    items: tuple[ItemCoverage, ...]


# -- reading ---------------------------------------------------------------------------------------


def read_requests(path: str | Path, sheet: str | None = None) -> list[Request]:
    """The lines of a request list: a Word table (.docx: the table with the most lines) or a
    sheet of a spreadsheet or csv (the first unless ``sheet`` is given)."""
    p = Path(path)
    if not p.exists():
        raise InvalidInput(f"找不到文件“{p}”。", f"The file '{p}' does not exist.", p)
    try:
        if p.suffix.lower() == ".docx":
            return _from_docx(p)
        from ipaudit.ledger.reader import read_rows

        return requests_from_rows([list(r) for r in read_rows(p, sheet)])
    except RequestListError:
        raise InvalidInput(
            f"“{p.name}”中没有找到资料清单（需要一列文件或资料名称）。",
            f"No request list was found in '{p.name}' (it needs a column of document titles).",
            p,
        ) from None


def _from_docx(path: Path) -> list[Request]:
    import docx
    from docx.opc.exceptions import OpcError

    try:
        document = docx.Document(str(path))
    except (OpcError, KeyError, ValueError, OSError) as exc:
        raise InvalidInput(
            f"“{path.name}”不是可读取的 Word 文档（.docx）：{exc}",
            f"'{path.name}' is not a readable Word document (.docx): {exc}",
            path,
        ) from None
    best: list[Request] = []
    for table in document.tables:
        rows: list[list[str]] = []
        for tr in table.rows:
            cells: list[str] = []
            previous = None
            for cell in tr.cells:  # a merged cell comes once per column it spans: keep it once
                cells.append("" if cell._tc is previous else cell.text)
                previous = cell._tc
            rows.append(cells)
        try:
            found = requests_from_rows(rows)
        except RequestListError:
            continue
        if len(found) > len(best):
            best = found
    if not best:
        raise RequestListError("no table with a request list")
    return best


# -- matching --------------------------------------------------------------------------------------


def matcher(ws: Workspace) -> Matcher:
    """The workspace's checklist items prepared for matching (owners followed through merges)."""
    owners = {it.key: dep for dep, its in ws.items_by_department().items() for it in its}
    return Matcher.build([it for it in ws.template.items if it.key in owners], owners)


def _department_key(ws: Workspace, name: str) -> str:
    """The workspace department a line names ("研发部", "R&D", "rnd"), "" when none fits."""
    text = "".join(name.split()).casefold()
    if not text:
        return ""
    for d in ws.departments(active_only=True):
        names = [d.key, d.name.zh, d.name.en]
        folded = ["".join(n.split()).casefold() for n in names if n]
        if text in folded or any(n and (n in text or text in n) for n in folded[1:]):
            return d.key
    return ""


def propose(m: Matcher, ws: Workspace, request: Request) -> tuple[Candidate, ...]:
    return tuple(m.candidates(request.title, _department_key(ws, request.department), CANDIDATES))


def import_requests(ws: Workspace, path: str | Path, sheet: str | None = None) -> list[RequestLine]:
    """Read the list at ``path``, propose items for each line and store the lines (replacing the
    previous list; the user's decisions on unchanged lines are kept)."""
    found = read_requests(path, sheet)
    previous = {line.number: line for line in lines(ws)}
    m = matcher(ws)
    out: list[RequestLine] = []
    for req in found:
        candidates = propose(m, ws, req)
        before = previous.get(req.number)
        if before is not None and before.confirmed and before.request.title == req.title:
            matched, confirmed = before.matched, True
        else:
            top = candidates[0] if candidates else None
            matched = (top.item_key,) if top and top.score >= AUTO_MATCH else ()
            confirmed = False
        out.append(RequestLine(req, candidates, matched, confirmed))
    ws.records.replace_kind(
        KIND,
        [
            Record(KIND, line.number, line.to_json(), _department_key(ws, line.request.department))
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
        department=_department_key(ws, current.request.department),
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
    out = []
    for ln in found:
        asked = (
            ln.matched if ln.matched or ln.confirmed else [c.item_key for c in ln.candidates[:1]]
        )
        if asked:
            if any(k in keys for k in asked):
                out.append(ln)
        elif _department_key(ws, ln.request.department) == department:
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
        items = tuple(item_coverage(k, states, counts, findings) for k in ln.matched)
        out.append(RequestCoverage(ln, request_coverage([i.coverage for i in items]), items))
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
    "search_items",
    "set_match",
    "summary",
]
