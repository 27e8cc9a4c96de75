"""The certification body's request list: its lines read from a table, and each matched to the
checklist items it asks for.

**Reading.** A list is a table (a spreadsheet or a Word table) with a title row, a header row, a
line per document and sometimes section rows ("一、行政人事部"). The header row is the first of the
first rows that names a title column ("文件名称", "资料名称", "审核资料" … — see ``HEADER_WORDS``);
without one, the title column is the one holding the most text. Number, department and note columns
are found by their headers too; a line without a number is numbered by its position. A row holding
only a short title (no number, no other cell) where the other rows have numbers is a section: its
name is the department of the lines below it until the next section. A row that is a note on the
list ("注：以上资料请于审核前一周准备齐全", 说明：, 备注：, ※, * — ``NOTE_WORDS``, ``NOTE_MARKS``),
wherever it stands, is neither a request nor a section.

**Matching.** Request titles differ from the checklist's: other words for the same thing (协议 and
合同, 背调 and 背景调查), another word order, 《》 brackets, a "记录/台账/清单/登记表" suffix. Titles are
compared as sets of two-character pieces (character bigrams) after normalising (NFKC, brackets,
numbering and punctuation dropped, synonyms replaced, the record suffixes made one word), each piece
weighted by how rare it is among the checklist's titles (inverse document frequency): 知识产权
appears in most titles and counts little, 交割 in one and counts much. The score (0–100) is the
weighted cosine of the two sets, over the item's title, the title without its notes in brackets,
its sub-records and its forms (the best counts); an item of the department the line names gets a
bonus. Edit-distance ratios were not used: Chinese titles have no word boundaries and the shared
知识产权 would dominate them.

A line may name several documents ("专利证书复印件、年费缴费凭证", "劳动合同和保密协议"): its title is
cut at 、，；和及与 outside brackets (``title_parts``) and each piece matched on its own; when every
piece names an item well, and better than the whole line names one, the line is proposed with each
piece's item (``several_items``) — a piece that names nothing ("保密及竞业限制协议": 保密 alone) keeps
the line one document. An item's ``aliases`` in the template (专利证书, 年费收据) are matched as its
title is.

What a title says about the copy asked for — a year ("（2020年）", "2023年度"), which one
("第3份"), a copy or version mark ("复印件", "（最新版）", "V2.0") — is dropped before matching, on
both sides (``QUALIFIERS``, a list of patterns), so "劳动合同（2020年）" finds what "劳动合同" finds.
The weights are the checklist's alone (its items' titles, sub-records and forms: a fixed corpus);
a line's candidates depend on its title, the department it names and its clause, never on the
other lines of its list.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from ipaudit.domain.model import Item, Text

# -- reading ---------------------------------------------------------------------------------------

HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号", "序", "no", "no.", "#", "number", "item no", "ref"),
    "title": (
        "文件名称",
        "资料名称",
        "记录名称",
        "文件/记录名称",
        "审核资料",
        "需提供资料",
        "需提供的资料",
        "提供资料",
        "资料清单",
        "文件及记录",
        "名称",
        "文件",
        "资料",
        "内容",
        "标题",
        "document",
        "documents",
        "title",
        "item",
        "name",
        "description",
        "record",
    ),
    "department": ("部门", "责任部门", "提供部门", "负责部门", "department", "dept", "owner"),
    "note": ("备注", "说明", "要求", "note", "notes", "remark", "remarks", "comment"),
    "clause": ("条款", "标准条款", "对应条款", "条款号", "标准条款号", "clause", "clauses"),
}
HEADER_ROWS = 12  # the header is among the first rows

_SPACE_RE = re.compile(r"\s+")
_NUMBERING_RE = re.compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十]+[）)、.．]|[（(]?\d+(?:\.\d+)*[）)、.．]?(?=\D)|[①-⑳])\s*"
)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _SPACE_RE.sub(" ", str(value)).strip()


def _header_kind(text: str, *, exact: bool = False) -> str | None:
    """What a header cell names ("title", "number" …); ``exact``: only a header word itself."""
    key = _SPACE_RE.sub("", unicodedata.normalize("NFKC", text)).casefold().rstrip(":：")
    if re.search(r"[\u4e00-\u9fff]", key) and re.search(r"[a-z]{2}", key):
        key = re.sub(r"[a-z][a-z./&()'-]*", "", key).rstrip(
            ":："
        )  # "资料名称 Document": its Chinese
    if not key:
        return None
    for kind, words in HEADER_WORDS.items():
        if key in words:
            return kind
    if exact:
        return None
    for kind in ("title", "department", "note", "clause", "number"):  # "需提供的文件名称"
        if any(len(w) >= 2 and w in key for w in HEADER_WORDS[kind]) and len(key) <= 12:
            return kind
    return None


@dataclass(frozen=True, slots=True)
class Columns:
    """Where a list's columns are (0-based); ``header``: the header row's index, -1 for none."""

    title: int
    header: int = -1
    number: int | None = None
    department: int | None = None
    note: int | None = None
    clause: int | None = None


class RequestListError(ValueError):
    """A table that holds no request list (no title column, no line)."""


def find_columns(rows: Sequence[Sequence[str]]) -> Columns:
    """The columns of a request list: by its header row, else the title column by content."""
    for r, row in enumerate(rows[:HEADER_ROWS]):
        kinds: dict[str, int] = {}
        for c, value in enumerate(row):
            kind = _header_kind(value)
            if kind is not None and kind not in kinds:
                kinds[kind] = c
        alone = [v for v in row if v]  # a list of titles only: its header says just that
        if "title" in kinds and (
            len(kinds) >= 2 or (len(alone) == 1 and _header_kind(alone[0], exact=True))
        ):
            return Columns(
                kinds["title"],
                r,
                kinds.get("number"),
                kinds.get("department"),
                kinds.get("note"),
                kinds.get("clause"),
            )
    return Columns(_title_by_content(rows))


def header_cells(rows: Sequence[Sequence[object]]) -> tuple[str, ...]:
    """The filled cells of a table's header row (() when it has none): tables with the same
    header hold parts of one list."""
    table = [[_cell(v) for v in row] for row in rows]
    try:
        header = find_columns(table).header
    except RequestListError:
        return ()
    return tuple(v for v in table[header] if v) if header >= 0 else ()


def _title_by_content(rows: Sequence[Sequence[str]]) -> int:
    """The column with the most text that is not a number."""
    width = max((len(r) for r in rows), default=0)
    best, best_score = -1, 0.0
    for c in range(width):
        values = [r[c] for r in rows if c < len(r) and r[c]]
        texts = [v for v in values if not re.fullmatch(r"[\d.\s]+", v)]
        score = sum(min(len(v), 40) for v in texts)
        if score > best_score:
            best, best_score = c, score
    if best < 0:
        raise RequestListError("no column with titles")
    return best


@dataclass(frozen=True, slots=True)
class Request:
    """One line of the list: its number (as written, or its position), title, the department it
    names (its column or its section), note and clause of the standard (its column or a clause
    heading above it); ``row``: 1-based row in the table (in a document of several tables: in
    the tables one after the other)."""

    number: str
    title: str
    department: str = ""
    note: str = ""
    row: int = 0
    clause: str = ""


#: a section numbered the Chinese way ("一、研发部", "（二）财务部", "第三部分")
_CHINESE_NUMBERING_RE = re.compile(
    r"^\s*(?:第?[一二三四五六七八九十]+(?:部分|章|节)?[、.．:：\s]|[（(][一二三四五六七八九十]+[）)])\s*"
)
#: a clause heading ("7.1 人力资源", "第7.3条 合同管理", "条款 7.5")
_CLAUSE_HEADING_RE = re.compile(
    r"^\s*(?:条款\s*[:：]?\s*)?(?:第\s*)?(\d{1,2}(?:\.\d{1,2}){0,3})\s*条?(?:[\s、.．:：]+|(?=\D)|$)(.*)$"
)
#: a section naming a department ends so ("研发部", "知识产权小组", "管理层")
DEPARTMENT_ENDINGS = ("部", "室", "中心", "科", "处", "组", "办公室", "车间", "部门", "层", "办")
_BARE_NUMBER_RE = re.compile(r"^[\s(（]*(?:\d+(?:\.\d+)*|[一二三四五六七八九十]+)[)）、.．\s]*$")
_CLAUSE_CELL_RE = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})")


def _section(text: str) -> tuple[str | None, str | None]:
    """A section row's (department, clause): a clause heading names a clause, anything else a
    department (or a group of lines the department of which it stands for)."""
    bare = _CHINESE_NUMBERING_RE.sub("", text).strip()
    m = _CLAUSE_HEADING_RE.match(bare)
    if m and (
        "." in m.group(1)
        or bare.startswith(("第", "条款"))
        or (4 <= int(m.group(1)) <= 10 and not m.group(2).strip().endswith(DEPARTMENT_ENDINGS))
    ):
        return None, m.group(1)
    return department_heading(text) or _NUMBERING_RE.sub("", bare).strip() or bare, None


def _is_heading(text: str) -> bool:
    """A line that names a department or a clause, not a document ("二、研发部", "第7.1条")."""
    if department_heading(text):
        return True
    m = _CLAUSE_HEADING_RE.match(text)
    return m is not None and ("." in m.group(1) or text.lstrip().startswith(("第", "条款")))


#: what a heading above a department's list says besides the department ("研发部需提供的资料")
_HEADING_WORDS_RE = re.compile(
    r"(?:审核)?(?:所需|需要|需|应)?(?:提供)?(?:的)?(?:审核)?(?:资料|文件|记录)(?:清单|目录)?[:：]?$"
)


def department_heading(text: str) -> str:
    """The department a heading names ("二、研发部", "部门：财务部", "行政人事部需提供的资料");
    "" when it names none (a title such as "二阶段审核资料清单")."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text or len(text) > 30:
        return ""
    text = _NUMBERING_RE.sub("", _CHINESE_NUMBERING_RE.sub("", text))
    text = re.sub(r"^(?:受审核)?部门\s*[:：]\s*", "", text)
    text = _HEADING_WORDS_RE.sub("", text).strip(" :：")
    return text if text.endswith(DEPARTMENT_ENDINGS) and len(text) <= 16 else ""


#: a row that is a note on the list, not a request, starts so ("注：以上资料请于审核前一周准备齐全",
#: "说明：", "备注：", "注1：", "Note:")
NOTE_WORDS = (
    r"注\s*\d*\s*[:：]",
    r"说明\s*\d*\s*[:：]",
    r"备注\s*\d*\s*[:：]",
    r"提示\s*[:：]",
    r"注意\s*[:：]",
    r"特别说明\s*[:：]?",
    r"notes?\s*\d*\s*[:：]",
    r"remarks?\s*[:：]",
)
#: marks that begin a note too ("※ 以上资料须加盖公章", "* 为必备资料"); on a line with a number of
#: its own they mark a request (a required one, say), which stays a request
NOTE_MARKS = ("※", "*", "★", "☆")
_NOTE_WORDS_RE = re.compile(r"^\s*[（(]?(?:" + "|".join(NOTE_WORDS) + ")", re.IGNORECASE)


def is_note(text: str, *, numbered: bool = False, marks: bool = True) -> bool:
    """Whether a row's text is a note on the list (``NOTE_WORDS``; ``NOTE_MARKS`` unless the row
    has a number of its own: ``numbered``)."""
    t = unicodedata.normalize("NFKC", text).lstrip()
    if _NOTE_WORDS_RE.match(t):
        return True
    return marks and not numbered and t.startswith(NOTE_MARKS)


def requests_from_rows(rows: Sequence[Sequence[object]], context: str = "") -> list[Request]:
    """The request lines of a table (each row a list of cells); ``context``: the department the
    lines belong to until a section says another (a heading above the table)."""
    table = [[_cell(v) for v in row] for row in rows]
    if not any(any(row) for row in table):
        raise RequestListError("empty table")
    cols = find_columns(table)

    def get(row: list[str], c: int | None) -> str:
        return row[c] if c is not None and c < len(row) else ""

    header_row = table[cols.header] if cols.header >= 0 else None
    body = [  # a header written again (a table per page, per department) is no line
        (i, row)
        for i, row in enumerate(table)
        if i > cols.header and any(row) and row != header_row
    ]
    numbers = [get(r, cols.number) for _i, r in body]
    numbered = cols.number is not None and any(numbers)
    numbers = [n for n in numbers if re.fullmatch(r"\d+(?:\.\d+)*", n)]
    prefixes = {  # "1" and "1.2" of "1.2.3": a number with lines below it is a heading
        ".".join(parts[:k])
        for parts in (n.split(".") for n in numbers)
        for k in range(1, len(parts))
    }
    headings = {n for n in numbers if n in prefixes}
    for above in reversed(table[: max(cols.header, 0)]):  # a title row naming the department
        if any(is_note(v) for v in above if v):
            continue
        named = department_heading(" ".join(dict.fromkeys(v for v in above if v)))
        if named:
            context = named
            break
    out: list[Request] = []
    section, clause = context, ""
    used: set[str] = set()

    def enter(text: str) -> None:
        nonlocal section, clause
        department, heading_clause = _section(text)
        if heading_clause is not None:
            clause = heading_clause
        elif department:
            section, clause = department, ""

    for i, row in body:
        title = get(row, cols.title)
        number = get(row, cols.number)
        values = list(dict.fromkeys(v for v in row if v))  # a cell merged across comes once
        text = title or values[0]
        if is_note(text, numbered=bool(number) and number != text) or (
            number and is_note(number, marks=False)
        ):
            continue  # a note on the list ("注：以上资料请于审核前一周准备齐全"), not a request
        others = [v for c, v in enumerate(row) if v and c != cols.title]
        if len(values) == 1 and not title:  # a section row (merged across, or in another column)
            if not _BARE_NUMBER_RE.match(values[0]):
                enter(values[0])
            continue
        rest = [v for v in others if v != number]  # cells besides the number and the title
        if (
            title
            and not rest
            and (
                _CHINESE_NUMBERING_RE.match(number or title)
                or number in headings  # "1" above "1.1", "1.2"
                or (numbered and not number and len(title) <= 16)
                or (not number and _is_heading(title))
            )
        ):
            enter(title)
            continue
        if not title:
            continue
        if not number:
            number = str(len(out) + 1)
        while number in used:  # a number written twice: the second keeps its row
            number = f"{number}-{i + 1}"
        used.add(number)
        m = _CLAUSE_CELL_RE.search(get(row, cols.clause))
        out.append(
            Request(
                number=number,
                title=title,
                department=get(row, cols.department) or section,
                note=get(row, cols.note),
                row=i + 1,
                clause=m.group(1) if m else clause,
            )
        )
    if not out:
        raise RequestListError("no request line")
    return out


def merge_repeats(found: Sequence[Request]) -> list[Request]:
    """The list with a request asked twice (the same title but for spaces and punctuation, for
    the same department) kept once, at its first place, with both notes and clauses."""
    out: list[Request] = []
    first: dict[tuple[str, str], int] = {}
    for req in found:
        key = (
            _DROP_RE.sub("", unicodedata.normalize("NFKC", req.title).casefold()),
            req.department,
        )
        n = first.get(key)
        if n is None:
            first[key] = len(out)
            out.append(req)
            continue
        kept = out[n]
        notes = list(dict.fromkeys(x for x in (kept.note, req.note) if x))
        clauses = list(dict.fromkeys(x for x in (*kept.clause.split("、"), req.clause) if x))
        out[n] = Request(
            kept.number, kept.title, kept.department, "；".join(notes), kept.row, "、".join(clauses)
        )
    return out


# -- matching --------------------------------------------------------------------------------------

# other words for the same thing, longest first; both sides are rewritten the same way
SYNONYMS: dict[str, str] = {
    "组织机构图": "组织架构图",
    "机构图": "架构图",
    "背景调查": "背调",
    "背景审查": "背调",
    "管理评审": "管评",
    "内部审核": "内审",
    "软件著作权": "软著",
    "管理者代表": "管代",
    "保密合同": "保密协议",
    "竞业协议": "竞业限制协议",
    "签到单": "签到表",
    "签到簿": "签到表",
    "交接": "交割",
    "面谈记录": "面谈",
    "离职面谈": "离职员工面谈",
    "离职交割": "离职员工资料交割",
    "入职背调": "入职员工背调",
    "花名册": "名单",
    "经费台账": "经费使用",
    "费用": "经费",
    "奖金发放": "奖金发放登记",
    "发放登记": "奖金发放登记",
    "奖励": "奖惩",
    "体系文件": "程序文件",
    "管理制度": "制度",
    "ip": "知识产权",
    "营业执照": "营业执照",
    "执照": "营业执照",
    "目标分解": "目标及分解",
    "培训记录": "培训记录表",
}
#: what a title says about the copy asked for, not about what is asked: dropped before matching
#: (on both sides), in this order, after NFKC and lower case. A bracket left empty goes too.
QUALIFIERS: tuple[str, ...] = (
    # years and periods: "2023年度", "2020-2022年", "（2021年）", "2024年3月", "2019~2020"
    r"(?<!\d)(?:19|20)\d{2}\s*年?\s*(?:[-~—–至到]\s*(?:(?:19|20)?\d{2})\s*年?)?\s*"
    r"(?:度|(?:\d{1,2}\s*月份?(?:\s*\d{1,2}\s*日)?))?",
    r"(?:上|下)半年(?:度)?",
    r"第?\s*[一二三四1-4]\s*季度",
    # which one of several: "第3份", "第二套", "第1册"; how many: "3份", "至少三套", "一式两份"
    r"第\s*[\d一二三四五六七八九十百两]+\s*(?:份|套|册|本|批|卷|页|件|期)",
    r"(?:至少|不少于|最少|抽查|抽样|共|各|一式)\s*[\d一二三四五六七八九十两]+\s*(?:份|套|册|本|个|件|项)",
    r"(?<![\w])[\d一二三四五六七八九十两]+\s*(?:份|套)(?![\w])",
    # copies and versions: "复印件", "扫描件", "（最新版）", "现行有效版本", "V2.0", "A/0版", "第3版"
    r"复印件|扫描件|影印件|原件|副本|正本|电子版|电子档|纸质版|打印件|盖章版|签字版|签章版",
    r"加盖公章|盖章|签字",
    r"(?:最新|现行有效|现行|有效|受控|修订|正式)(?:的)?版本?",
    r"(?<![a-z])v\s*\d+(?:\.\d+)*",
    r"(?<![a-z\d])[a-z]\s*/\s*\d+\s*版?",
    r"第\s*[\d一二三四五六七八九十]+\s*版",
    r"(?:如有|若有|如适用|如涉及|如发生|如需|适用时|有则提供)",
)
_QUALIFIER_RE = re.compile("|".join(f"(?:{q})" for q in QUALIFIERS))
_EMPTY_BRACKETS_RE = re.compile(r"[（(【\[《<]\s*[\W_]*?\s*[)）】\]》>]")


def drop_qualifiers(text: str) -> str:
    """``text`` (NFKC, lower case) without the ``QUALIFIERS`` and the brackets they leave empty."""
    bare = _QUALIFIER_RE.sub("", text)
    return _EMPTY_BRACKETS_RE.sub("", bare) if bare != text else bare


# record-type suffixes that say nothing about what is asked: one word for all of them
RECORD_WORDS = ("一览表", "登记表", "记录表", "登记簿", "台账", "清单", "记录", "目录", "汇总表")
_RECORD = "记录"
# one pass, longest first: a replacement is never rewritten again; a Latin word only as a word
_SYNONYM_RE = re.compile(
    "|".join(
        rf"(?<![a-z]){re.escape(w)}(?![a-z])" if w.isascii() else re.escape(w)
        for w in sorted(SYNONYMS, key=len, reverse=True)
    )
)
_STOP = ("相关", "有关", "提供", "以及", "及其", "等", "的", "及", "和", "与", "或")
_NOTE_RE = re.compile(r"[（(【\[][^（()）【】\[\]]*[)）】\]]")
_DROP_RE = re.compile(r"[\W_]+", re.UNICODE)


def normalize_title(text: str, *, keep_notes: bool = True) -> str:
    """A title as it is compared: NFKC, lower case, without numbering, 《》 and punctuation,
    synonyms replaced and record suffixes made one word (see the module)."""
    s = unicodedata.normalize("NFKC", text).casefold().strip()
    s = _NUMBERING_RE.sub("", drop_qualifiers(s))
    if not keep_notes:
        s = _NOTE_RE.sub("", s) or s
    s = _DROP_RE.sub("", s)
    s = _SYNONYM_RE.sub(lambda m: SYNONYMS[m.group(0)], s)
    for word in RECORD_WORDS:
        s = s.replace(word, _RECORD)
    for word in _STOP:
        s = s.replace(word, "")
    return s


def bigrams(text: str) -> Counter[str]:
    """The character pairs of a normalised title (a one-character title is its own piece)."""
    if len(text) < 2:
        return Counter([text] if text else [])
    return Counter(text[i : i + 2] for i in range(len(text) - 1))


@dataclass(frozen=True, slots=True)
class Candidate:
    item_key: str
    score: int  # 0–100


@dataclass(frozen=True)
class Matcher:  # frozen, with a cache of its names' norms (cached_property)
    """The checklist's items prepared for matching: their names' pieces and the pieces' weights."""

    names: Mapping[str, tuple[Counter[str], ...]]  # item key -> its names' pieces
    departments: Mapping[str, str]  # item key -> its department (workspace key)
    idf: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def build(cls, items: Iterable[Item], departments: Mapping[str, str]) -> Matcher:
        names: dict[str, tuple[Counter[str], ...]] = {}
        for item in items:
            texts = [
                normalize_title(item.title.zh),
                normalize_title(item.title.zh, keep_notes=False),
                normalize_title(item.title.en),
                *(normalize_title(s.title.zh, keep_notes=False) for s in item.sub_records),
                *(normalize_title(f.title.zh) for f in item.forms),
                *(normalize_title(a) for a in item.aliases),
            ]
            names[item.key] = tuple(bigrams(t) for t in dict.fromkeys(t for t in texts if t))
        docs = len(names) or 1
        df: Counter[str] = Counter()
        for pieces in names.values():
            df.update(set().union(*(set(p) for p in pieces)) if pieces else set())
        idf = {g: math.log((1 + docs) / (1 + n)) + 1 for g, n in df.items()}
        return cls(names, dict(departments), idf)

    def _weight(self, g: str) -> float:
        return self.idf.get(g, math.log(1 + len(self.names)) + 1)  # unseen: as rare as can be

    def _norm(self, pieces: Counter[str]) -> float:
        return math.sqrt(sum((n * self._weight(g)) ** 2 for g, n in pieces.items()))

    def _cosine(self, a: Counter[str], a_norm: float, b: Counter[str]) -> float:
        if not a or not b:
            return 0.0
        shared = a.keys() & b.keys()
        if not shared:
            return 0.0
        dot = sum(min(a[g], b[g]) * self._weight(g) ** 2 for g in shared)
        return dot / (a_norm * self._norms[id(b)])

    @cached_property
    def _norms(self) -> dict[int, float]:
        return {id(n): self._norm(n) for pieces in self.names.values() for n in pieces}

    def score(self, title: str, item_key: str, department: str = "") -> int:
        """How well ``title`` names the item (0–100)."""
        pieces = bigrams(normalize_title(title))
        return self._score(pieces, self._norm(pieces), item_key, department)

    def _score(self, pieces: Counter[str], norm: float, item_key: str, department: str) -> int:
        names = self.names.get(item_key, ())
        best = max((self._cosine(pieces, norm, n) for n in names), default=0.0)
        bonus = 0.1 if department and self.departments.get(item_key) == department else 0.0
        return round(100 * min(1.0, best + (bonus if best > 0.2 else 0.0)))

    @cached_property
    def _index(self) -> dict[str, list[tuple[int, int, int]]]:
        """Each piece -> (item's place, name's place, count) of the names holding it."""
        index: dict[str, list[tuple[int, int, int]]] = {}
        for k, pieces in enumerate(self.names.values()):
            for i, name in enumerate(pieces):
                for g, n in name.items():
                    index.setdefault(g, []).append((k, i, n))
        return index

    @cached_property
    def _keys(self) -> list[tuple[str, tuple[float, ...]]]:
        """The items in checklist order with their names' norms."""
        return [(key, tuple(self._norm(n) for n in ns)) for key, ns in self.names.items()]

    @cached_property
    def _memo(self) -> dict[tuple[str, str], list[Candidate]]:
        return {}

    def candidates(self, title: str, department: str = "", limit: int = 5) -> list[Candidate]:
        """The best items for ``title``, best first (ties in checklist order), those above 0.
        A title's candidates depend on the title, the department it names and the checklist
        only (not on any other line of its list); the items sharing no piece with it are not
        scored (they score 0)."""
        text = normalize_title(title)
        found = self._memo.get((text, department))
        if found is None:
            found = self._ranked(text, department)
            if len(self._memo) < 50_000:
                self._memo[(text, department)] = found
        return found[:limit]

    def _ranked(self, text: str, department: str) -> list[Candidate]:
        pieces = bigrams(text)
        norm = self._norm(pieces)
        if not norm:
            return []
        dots: dict[tuple[int, int], float] = {}
        for g, n in pieces.items():
            w2 = self._weight(g) ** 2
            for k, i, m in self._index.get(g, ()):
                dots[(k, i)] = dots.get((k, i), 0.0) + min(n, m) * w2
        best: dict[int, float] = {}
        for (k, i), dot in dots.items():
            cos = dot / (norm * self._keys[k][1][i])
            if cos > best.get(k, 0.0):
                best[k] = cos
        scored = []
        for k, cos in best.items():
            key = self._keys[k][0]
            bonus = 0.1 if department and self.departments.get(key) == department else 0.0
            score = round(100 * min(1.0, cos + (bonus if cos > 0.2 else 0.0)))
            if score > 0:
                scored.append((score, k, key))
        scored.sort(key=lambda t: (-t[0], t[1]))
        return [Candidate(key, score) for score, _k, key in scored]


AUTO_MATCH = 45  # a proposal at or above this score is taken until the user decides

# -- a line naming several documents ---------------------------------------------------------------

#: what stands between two documents a line names ("专利证书复印件、年费缴费凭证", "劳动合同和保密协议"),
#: longest first; only outside brackets ("《专利、商标管理办法》" is one document)
PART_SEPARATORS: tuple[str, ...] = ("以及", "、", "，", ",", "；", ";", "和", "及", "与")
_OPENING = "《（(【[「“‘〔"
_CLOSING = "》）)】]」”’〕"


def title_parts(title: str) -> list[str]:
    """The documents a request line names, in its order: its title cut at ``PART_SEPARATORS``
    outside brackets (full-width or not), the pieces with nothing to match left out; ``[title]``
    when it names one."""
    text = title
    parts: list[str] = []
    depth, start, i = 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0:
            sep = next((s for s in PART_SEPARATORS if text.startswith(s, i)), "")
            if sep:
                parts.append(text[start:i])
                i += len(sep)
                start = i
                continue
        i += 1
    parts.append(text[start:])
    found = [p.strip() for p in parts if normalize_title(p)]
    return found if len(found) > 1 else [title]


def several_items(
    whole: Sequence[Candidate], parts: Sequence[Sequence[Candidate]]
) -> tuple[Candidate, ...]:
    """The items a line naming several documents asks for, one per document in the line's order:
    each part's best candidate (``parts``: each of ``title_parts``'s candidates, best first),
    when every part names an item at ``AUTO_MATCH`` or more and better than the whole line names
    its best one (``whole``), and the parts name two items or more. () when the line is one
    document: a part that names nothing well ("保密及竞业限制协议": 保密 alone), or the whole title
    matching as well (an item called so)."""
    if len(parts) < 2:
        return ()
    tops = [found[0] if found else None for found in parts]
    best = whole[0].score if whole else 0
    if any(top is None or top.score < AUTO_MATCH or top.score <= best for top in tops):
        return ()
    chosen: dict[str, Candidate] = {}
    for top in tops:
        if top is not None and top.item_key not in chosen:
            chosen[top.item_key] = top
    return tuple(chosen.values()) if len(chosen) > 1 else ()


# -- coverage --------------------------------------------------------------------------------------


class Coverage(StrEnum):
    """A request's state. Only a match the user confirmed says covered, partly or missing; a
    proposal is to be confirmed, a line without one unmatched — neither counts as covered or
    missing."""

    COVERED = "covered"  # every confirmed item ready with evidence in the period
    PARTLY = "partly"  # some evidence, not all of it
    MISSING = "missing"  # no evidence, or the user said no checklist item holds it
    TO_CONFIRM = "to_confirm"  # an item proposed, not confirmed yet
    UNMATCHED = "unmatched"  # no item proposed, none chosen yet


#: the states of a confirmed match; the others wait for the user
DECIDED = (Coverage.COVERED, Coverage.PARTLY, Coverage.MISSING)

COVERAGE_TEXT: dict[Coverage, Text] = {
    Coverage.COVERED: Text("已覆盖", "covered"),
    Coverage.PARTLY: Text("部分覆盖", "partly covered"),
    Coverage.MISSING: Text("缺失", "missing"),
    Coverage.TO_CONFIRM: Text("待确认", "to confirm"),
    Coverage.UNMATCHED: Text("未匹配", "unmatched"),
}


def line_coverage(
    confirmed: bool, matched: Sequence[str], item_coverage: Sequence[Coverage]
) -> Coverage:
    """A line's state: not confirmed, to confirm (an item proposed) or unmatched (none); confirmed,
    its items' coverage (``request_coverage``)."""
    if not confirmed:
        return Coverage.TO_CONFIRM if matched else Coverage.UNMATCHED
    return request_coverage(item_coverage)


def request_coverage(item_coverage: Sequence[Coverage]) -> Coverage:
    """A confirmed request's coverage from its items' (no item: missing)."""
    if not item_coverage:
        return Coverage.MISSING
    if all(c is Coverage.COVERED for c in item_coverage):
        return Coverage.COVERED
    if all(c is Coverage.MISSING for c in item_coverage):
        return Coverage.MISSING
    return Coverage.PARTLY


__all__ = [
    "AUTO_MATCH",
    "COVERAGE_TEXT",
    "DECIDED",
    "NOTE_MARKS",
    "NOTE_WORDS",
    "PART_SEPARATORS",
    "QUALIFIERS",
    "Candidate",
    "Columns",
    "Coverage",
    "Matcher",
    "Request",
    "RequestListError",
    "drop_qualifiers",
    "find_columns",
    "is_note",
    "line_coverage",
    "normalize_title",
    "request_coverage",
    "requests_from_rows",
    "several_items",
    "title_parts",
]
