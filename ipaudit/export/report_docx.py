"""The readiness report (docx): cover, contents, summary with chart, departments, facts, ledgers,
evidence index and the appendix of every ledger discrepancy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal

from ipaudit.domain.checks import worst_grade
from ipaudit.domain.model import Finding, Grade, ItemKind, Status
from ipaudit.export import docx_xml as X
from ipaudit.export.colors import GRADE_COLOR, READY_COLOR, level, level_color
from ipaudit.export.data import PackData, describe_slot
from ipaudit.export.docx_base import PackDocument, columns
from ipaudit.export.docx_chart import bar_chart_xml, chart_workbook
from ipaudit.export.i18n import (
    AUDIT_TYPE_TEXT,
    KIND_TEXT,
    colon,
    grade_text,
    paren,
    percent,
    t,
    todo_text,
)
from ipaudit.export.ledger_text import money, row_ref, signed
from ipaudit.export.redaction import Verbatim
from ipaudit.export.verdict import Assessment, Verdict, assess, worst_open

PORTRAIT = X.A4_TEXT_WIDTH
LANDSCAPE = X.A4_LANDSCAPE_TEXT_WIDTH
EMU_PER_MM = 36000


def build_report(data: PackData, toc_pages: dict[int, int] | None = None) -> bytes:
    """The report; ``toc_pages`` (heading number → page, from a LibreOffice layout of the same
    report) fills the contents' page numbers; None leaves them out and the contents say how to
    update them. ``{}`` gives the contents without page numbers and without that note: the report
    as it will be laid out once the numbers are known (see ``report_pages``)."""
    lang = data.lang
    info = data.info
    audit = AUDIT_TYPE_TEXT[info.audit_type].get(lang)
    dates = f"{info.audit_start} ~ {info.audit_end}"
    doc = PackDocument(
        lang,
        clean=data.clean,
        footer=t("footer.page", lang, page="{page}", pages="{pages}"),
        header=t("header.running", lang, company=info.company, audit=audit, dates=dates),
        toc=True,
    )
    _cover(doc, data)
    doc.toc_here(
        t("toc.title", lang), note=None if toc_pages is not None else t("toc.placeholder", lang)
    )
    _summary(doc, data)
    for dep in data.departments:
        _department(doc, data, dep.key)
    _facts(doc, data)
    _ledgers(doc, data)
    doc.landscape_from_here()
    _evidence_index(doc, data)
    title = t("report.title", lang).replace("\n", " ")
    return doc.save(
        toc_pages=toc_pages,
        title=f"{data.info.company} {title}",
        subject=data.template.title.get(lang),
        author=data.info.company,
        as_of=data.as_of,
    )


# --- cover and summary ------------------------------------------------------------------------


def _cover(doc: PackDocument, data: PackData) -> None:
    """Page one: who, the verdict in one sentence, the must-fix list, the trend, the facts."""
    lang, info = data.lang, data.info
    doc.raw(
        X.paragraph(
            X.run(data.text(info.company), bold=True, size=36, heading_font=True),
            align="center",
            style="CoverLine",
        )
    )
    doc.raw(
        X.paragraph(
            X.run(
                t("report.title", lang).replace("\n", " "), bold=True, size=32, heading_font=True
            ),
            style="Title",
            align="center",
        )
    )
    verdict = assess(data)
    _verdict(doc, data, verdict)
    doc.para(_trend_text(data), size=18)
    _must_fix(doc, data, verdict)
    rows = [
        *data.cover_facts(),
        (t("cover.overall", lang), percent(data.overall.percent)),
        (t("cover.blocking", lang), str(data.overall.blocking)),
        (t("cover.prepared", lang), data.as_of.strftime("%Y-%m-%d %H:%M")),
    ]
    cols = [X.Column(t("col.field", lang), 2600), X.Column(t("col.value", lang), 7038)]
    doc.table(cols, ([X.Cell(a, bold=True), b] for a, b in rows), size=18)
    doc.para(t("verdict.rule", lang, margin=data.options.margin_days), size=16, color="595959")
    if data.options.redact:
        doc.para(t("cover.redacted", lang), size=18, align="center", color="595959")
    doc.page_break()


VERDICT_FILL = {
    Verdict.READY: READY_COLOR,
    Verdict.CONDITIONS: GRADE_COLOR[Grade.MINOR],
    Verdict.NOT_READY: GRADE_COLOR[Grade.MAJOR],
}


def verdict_sentence(data: PackData, verdict: Assessment) -> str:
    """The verdict in one sentence."""
    key = "verdict.overdue" if verdict.overdue else f"verdict.{verdict.verdict.value}"
    return t(
        key,
        data.lang,
        company=data.info.company,
        start=verdict.audit_start.isoformat(),
        deadline=verdict.deadline.isoformat(),
        margin=data.options.margin_days,
        n=verdict.blocking,
        major=verdict.major,
    )


def _verdict(doc: PackDocument, data: PackData, verdict: Assessment) -> None:
    fill = VERDICT_FILL[verdict.verdict]
    box = (
        f'<w:pBdr><w:top w:val="single" w:sz="8" w:space="4" w:color="808080"/>'
        f'<w:bottom w:val="single" w:sz="8" w:space="4" w:color="808080"/></w:pBdr>'
        f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/><w:spacing w:before="240" w:after="240"/>'
    )
    doc.raw(
        X.paragraph(
            X.run(data.clean(verdict_sentence(data, verdict)), bold=True, size=26),
            extra_ppr=box,
        )
    )


def _must_fix(doc: PackDocument, data: PackData, verdict: Assessment) -> None:
    """The blocking findings by department, on page one: a row per department, then its items
    with what is wrong (cut short; the department's chapter has it in full) and what to do; the
    deadline, the same for all, in the heading. Rows that would not fit on page one go to a
    continuation on page two, and page one says how many, of which departments, are there."""
    if not verdict.must_fix:
        return
    lang = data.lang
    doc.heading(t("verdict.must_fix_by", lang, deadline=verdict.deadline.isoformat()), 2)
    cols = columns(lang, PORTRAIT, MUST_FIX_COLUMNS)
    width_pt = [c.width / 20 for c in cols]
    rows = _must_fix_rows(data, verdict, cols)
    budget = PAGE_ONE_TABLE_PT - _verdict_extra_pt(data, verdict)
    cut = _fit([r for r, _d in rows], [c.title for c in cols], width_pt, budget)
    shown, rest = rows[:cut], rows[cut:]
    doc.table(cols, (r for r, _d in shown), size=MUST_FIX_SIZE, keep_together=0)
    if not rest:
        return
    left = [d for r, d in rest if r and not _is_group(r)]
    counts = Counter(left)
    names = "、" if lang == "zh" else ", "
    departments = names.join(
        t("verdict.department", lang, department=data.dep_name(dep), n=n)
        for dep, n in counts.items()
    )
    doc.para(t("verdict.more", lang, n=len(left), departments=departments, page=2), bold=True)
    doc.heading(t("verdict.continued", lang), 2, new_page=True)
    first_dep = rest[0][1]
    if not _is_group(rest[0][0]):  # the department the cut fell in: name it again
        group = next(r for r, d in rows if d == first_dep and _is_group(r))
        rest = [(group, first_dep), *rest]
    doc.table(cols, (r for r, _d in rest), size=MUST_FIX_SIZE, keep_together=0)


MUST_FIX_COLUMNS = [("col.item", 2.3), ("col.message", 4.6), ("col.todo", 3.1)]
MUST_FIX_SIZE = 15  # half-points: 7.5 pt
# what is wrong and what to do, at most this many half-width characters on page one (about two
# lines of their columns; English letters are narrower than half a Chinese character)
MESSAGE_UNITS = {"zh": 108, "en": 116}
TODO_UNITS = {"zh": 72, "en": 80}
# page one's room for the must-fix table, in points, when the verdict takes two lines; and the
# line under it that points to the rest (calibrated on LibreOffice's layout of the demo)
PAGE_ONE_TABLE_PT = 490.0
POINTER_PT = 20.0
LINE_FACTOR = 1.42  # line height / font size of the table text
CELL_PAD_PT = 4.0  # cell margins and rule per row


def _fit(
    rows: list[list[str | X.Cell]], header: list[str], width_pt: list[float], budget: float
) -> int:
    """How many of ``rows`` fit in ``budget`` points under the header row: all of them, or as
    many as leave room for the pointer line, never ending on a department's label."""
    heights = [_row_pt(r, width_pt) for r in rows]
    top = _row_pt(list(header), width_pt)
    if top + sum(heights) <= budget:
        return len(rows)
    cut, used = 0, top
    while cut < len(rows) and used + heights[cut] <= budget - POINTER_PT:
        used += heights[cut]
        cut += 1
    while cut > 0 and _is_group(rows[cut - 1]):
        cut -= 1
    return cut


def _is_group(row: list[str | X.Cell]) -> bool:
    return len(row) == 1


def _must_fix_rows(
    data: PackData, verdict: Assessment, cols: list[X.Column]
) -> list[tuple[list[str | X.Cell], str]]:
    """(row, department) for each department's label and each of its must-fix items."""
    lang = data.lang
    rows: list[tuple[list[str | X.Cell], str]] = []
    for group in verdict.must_fix:
        name = data.dep_name(group.department)
        label = t("verdict.department", lang, department=name, n=len(group.fixes))
        rows.append(([X.Cell(label, bold=True, fill=GROUP_FILL, span=len(cols))], group.department))
        for fix in group.fixes:
            f = fix.finding
            message = shorten(data.clean(f.message.get(lang)), MESSAGE_UNITS[lang])
            rows.append(
                (
                    [
                        fix.item_title or t("dep.other", lang),
                        X.Cell(Verbatim(X.no_break(message)), fill=GRADE_COLOR[f.grade]),
                        first_clause(todo_text(f.code, lang), TODO_UNITS[lang]),
                    ],
                    group.department,
                )
            )
    return rows


GROUP_FILL = "EDEDED"


def _units(ch: str) -> int:
    """Width of a character in half-width units: CJK and full-width count two."""
    import unicodedata

    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def shorten(text: str, units: int) -> str:
    """``text`` cut to at most ``units`` half-width units, with "…" where it was cut."""
    text = " ".join(text.split())
    used = 0
    for n, ch in enumerate(text):
        used += _units(ch)
        if used > units - 2:
            return text[:n].rstrip(" ，,；;、") + "…"
    return text


def first_clause(text: str, units: int) -> str:
    """``text``, or only its first clause (up to "；" or "; ") when it is longer than ``units``."""
    if sum(_units(ch) for ch in text) <= units:
        return text
    for mark, end in (("；", "。"), ("; ", ".")):
        if mark in text:
            return text.split(mark, 1)[0] + end
    return shorten(text, units)


def _lines(text: str, width_pt: float, size_pt: float) -> int:
    """How many lines ``text`` takes in a cell ``width_pt`` wide (an estimate that errs long:
    Latin letters are counted at half an em, a line breaks anywhere)."""
    room = max(width_pt - 2 * 85 / 20, 1.0)  # the cell's left and right margins
    total = 0
    for part in text.split("\n"):
        em = sum(1.0 if _units(ch) == 2 else 0.45 for ch in part)
        total += max(1, -(-int(em * size_pt * 100) // int(room * 100)))
    return total


def _row_pt(row: list[str | X.Cell], width_pt: list[float]) -> float:
    size_pt = MUST_FIX_SIZE / 2
    lines = 1
    at = 0
    for value in row:
        span = value.span if isinstance(value, X.Cell) else 1
        text = value.text if isinstance(value, X.Cell) else value
        lines = max(lines, _lines(str(text), sum(width_pt[at : at + span]), size_pt))
        at += span
    return lines * size_pt * LINE_FACTOR + CELL_PAD_PT


def _verdict_extra_pt(data: PackData, verdict: Assessment) -> float:
    """How much more room than in the demo the lines above the list take: a company name or a
    title on two lines, a verdict sentence on more than two, a trend on more than one."""
    width = PORTRAIT / 20
    company = _lines(data.text(data.info.company), width, 18)
    title = _lines(t("report.title", data.lang).replace("\n", " "), width, 16)
    sentence = _lines(data.clean(verdict_sentence(data, verdict)), width - 10, 13)
    trend = _lines(_trend_text(data), width, 9)
    return 1.4 * (
        max(0, company - 1) * 18
        + max(0, title - 1) * 16
        + max(0, sentence - 2) * 13
        + max(0, trend - 1) * 9
    )


def _trend_text(data: PackData) -> str:
    trend, lang = data.trend, data.lang
    if trend is None:
        return t("trend.none", lang)
    return t(
        "trend.since",
        lang,
        date=trend.exported_at.strftime("%Y-%m-%d %H:%M"),
        before=trend.blocking,
        after=data.overall.blocking,
        p_before=percent(trend.percent),
        p_after=percent(data.overall.percent),
    )


def _summary(doc: PackDocument, data: PackData) -> None:
    lang = data.lang
    o = data.overall
    doc.heading(t("summary.title", lang), 1, new_page=True)
    doc.para(
        t(
            "summary.text",
            lang,
            date=data.as_of.date().isoformat(),
            company=data.info.company,
            items=o.items,
            ready=o.ready_items,
            percent=percent(o.percent),
            findings=len(data.findings),
            major=o.by_grade[Grade.MAJOR],
            minor=o.by_grade[Grade.MINOR],
            observation=o.by_grade[Grade.OBSERVATION],
            blocking=o.blocking,
        )
    )
    names = [data.dep_name(d.key) for d in data.departments]
    values = [data.readiness[d.key].percent for d in data.departments]
    levels = [
        level(data.readiness[d.key].percent, worst_open(data.findings_of(d.key)))
        for d in data.departments
    ]
    if names:
        title = t("summary.chart", lang)
        series = t("col.readiness_pct", lang)
        height_mm = 30 + 11 * len(names)
        doc.chart(
            bar_chart_xml(
                title,
                series,
                [data.text(n) for n in names],
                values,
                embedded=True,
                levels=levels,
            ),
            chart_workbook(
                [t("col.department", lang), series],
                [data.text(n) for n in names],
                values,
                data.as_of,
            ),
            160 * EMU_PER_MM,
            height_mm * EMU_PER_MM,
            title,
        )
    doc.heading(t("summary.by_department", lang), 2)
    cols = columns(
        lang,
        PORTRAIT,
        [
            ("col.department", 2.8),
            ("col.readiness", 1.3, "right"),
            ("col.items", 1.1, "right"),
            ("col.ready", 1.1, "right"),
            ("col.blocking", 1.2, "right"),
            *[(f"grade.{g.value}", 1.3, "right") for g in Grade],
        ],
    )
    rows = []
    for d in data.departments:
        r = data.readiness[d.key]
        rows.append(
            [
                data.dep_name(d.key),
                X.Cell(
                    percent(r.percent),
                    fill=level_color(r.percent, worst_open(data.findings_of(d.key))),
                ),
                str(r.items),
                str(r.ready_items),
                str(r.blocking),
                *[str(r.by_grade[g]) for g in Grade],
            ]
        )
    rows.append(
        [
            X.Cell(t("wb.overall", lang), bold=True),
            X.Cell(
                percent(o.percent),
                bold=True,
                fill=level_color(o.percent, worst_open(data.findings)),
            ),
            X.Cell(str(o.items), bold=True),
            X.Cell(str(o.ready_items), bold=True),
            X.Cell(str(o.blocking), bold=True),
            *[X.Cell(str(o.by_grade[g]), bold=True) for g in Grade],
        ]
    )
    doc.table(cols, rows)
    doc.heading(t("summary.by_grade", lang), 2)
    total = Counter(f.grade for f in data.findings)
    opened = Counter(f.grade for f in data.findings if f.accepted is None)
    cols = columns(
        lang, PORTRAIT, [("col.grade", 3), ("col.count", 1.5, "right"), ("col.open", 1.5, "right")]
    )
    doc.table(
        cols,
        [
            [X.Cell(grade_text(g, lang), fill=GRADE_COLOR[g]), str(total[g]), str(opened[g])]
            for g in Grade
        ],
    )


# --- departments ------------------------------------------------------------------------------


def _department(doc: PackDocument, data: PackData, dep: str) -> None:
    lang = data.lang
    r = data.readiness[dep]
    doc.heading(data.dep_name(dep), 1, new_page=True)
    if dep in data.facts.headcount:
        doc.para(t("dep.headcount", lang, n=data.facts.headcount[dep]))
    if data.facts.duties.get(dep, "").strip():
        doc.para(t("dep.duties", lang, text=data.facts.duties[dep]))
    doc.para(
        t(
            "dep.readiness",
            lang,
            percent=percent(r.percent),
            ready=r.ready_items,
            items=r.items,
            major=r.by_grade[Grade.MAJOR],
            minor=r.by_grade[Grade.MINOR],
            observation=r.by_grade[Grade.OBSERVATION],
        )
    )
    findings = data.findings_of(dep)
    by_item: dict[str, list[Finding]] = {}
    for f in findings:
        by_item.setdefault(f.item_key, []).append(f)
    current_count = Counter(e.evidence.item_key for e in data.evidence if not e.older)

    doc.heading(t("dep.items", lang), 2)
    cols = columns(
        lang,
        PORTRAIT,
        [
            ("col.clause", 0.9),
            ("col.item", 4.4),
            ("col.kind", 1.3),
            ("col.status", 1.3),
            ("col.evidence", 1.0, "right"),
            ("col.worst", 1.7),
        ],
    )
    rows = []
    for item in data.items.get(dep, []):
        status, _reason = data.status_of(item, by_item.get(item.key, []))
        w = worst_grade(by_item.get(item.key, []))
        rows.append(
            [
                item.clause,
                item.title.get(lang),
                KIND_TEXT[item.kind].get(lang),
                X.Cell(
                    data.status_label(item, by_item.get(item.key, [])),
                    fill=READY_COLOR if status is Status.READY else None,
                ),
                "" if item.kind is ItemKind.ANSWER else str(current_count.get(item.key, 0)),
                X.Cell(grade_text(w, lang), fill=GRADE_COLOR[w]) if w else "",
            ]
        )
    doc.table(cols, rows)

    doc.heading(t("dep.findings", lang), 2)
    if findings:
        titles = {it.key: it.title.get(lang) for it in data.template.items}
        cols = columns(
            lang,
            PORTRAIT,
            [
                ("col.grade", 1.6),
                ("col.item", 2.0),
                ("col.message", 3.6),
                ("col.todo", 2.6),
                ("col.accepted", 1.8),
            ],
        )
        doc.table(
            cols,
            (
                [
                    X.Cell(grade_text(f.grade, lang), fill=GRADE_COLOR[f.grade]),
                    titles.get(f.item_key, f.item_key),
                    f.message.get(lang),
                    todo_text(f.code, lang),
                    f.accepted or "",
                ]
                for f in findings
            ),
        )
    else:
        doc.para(t("dep.no_findings", lang))

    doc.heading(t("dep.evidence", lang), 2)
    files = [e for e in data.evidence if e.department == dep and not e.older]
    if files:
        items_by_key = {it.key: it for it in data.template.items}
        cols = columns(
            lang,
            PORTRAIT,
            [
                ("col.item", 2.2),
                ("col.title", 2.6),
                ("col.doc_number", 1.3),
                ("col.date", 1.1),
                ("col.path", 3.2),
            ],
        )
        rows = []
        for e in files:
            ev = e.evidence
            owner = items_by_key.get(ev.item_key)
            slot = describe_slot(owner, ev.slot, data.states.get(ev.item_key), lang)
            rows.append(
                [
                    owner.title.get(lang) if owner else ev.item_key,
                    ev.title + paren(slot, lang),
                    Verbatim(ev.doc_number),
                    str(ev.doc_date or ""),
                    Verbatim(e.path) or t("index.not_included", lang),
                ]
            )
        doc.table(cols, rows)
    else:
        doc.para(t("dep.no_evidence", lang))


# --- facts ------------------------------------------------------------------------------------


def _facts(doc: PackDocument, data: PackData) -> None:
    lang, facts = data.lang, data.facts
    none = t("facts.none", lang)
    doc.heading(t("facts.title", lang), 1, new_page=True)
    doc.heading(t("facts.policy", lang), 2)
    doc.para(facts.policy or none)
    doc.heading(t("facts.objectives", lang), 2)
    if facts.objectives:
        mismatch = {
            r: f.grade
            for f in data.findings
            if f.code == "objective_split_mismatch" and f.accepted is None
            for r in f.refs
        }
        cols = columns(
            lang,
            PORTRAIT,
            [
                ("col.objective", 3),
                ("col.year", 0.8),
                ("col.target", 1.1, "right"),
                ("col.unit", 0.8),
                ("col.split", 4.2),
            ],
        )
        doc.table(
            cols,
            (
                [
                    o.text,
                    str(o.year or ""),
                    _num(o.target),
                    o.unit,
                    _split_cell(data, o, mismatch.get(o.key)),
                ]
                for o in facts.objectives
            ),
        )
    else:
        doc.para(none)
    if facts.manual_objectives:
        doc.heading(t("facts.manual_objectives", lang), 2)
        for text in facts.manual_objectives:
            doc.para(f"· {text}")
    doc.heading(t("facts.headcount", lang), 2)
    keys = [d.key for d in data.departments]
    keys += [k for k in (*facts.headcount, *facts.duties) if k not in keys]
    keys = list(dict.fromkeys(keys))
    cols = columns(
        lang,
        PORTRAIT,
        [("col.department", 2.2), ("col.headcount", 1, "right"), ("col.duties", 6.8)],
    )
    rows: list[list[str | X.Cell]] = [
        [data.dep_name(k), str(facts.headcount.get(k, "")), facts.duties.get(k, "")]
        for k in keys
        if k in facts.headcount or k in facts.duties
    ]
    if facts.headcount:
        rows.append(
            [
                X.Cell(t("facts.total", lang), bold=True),
                X.Cell(str(sum(facts.headcount.values())), bold=True),
                "",
            ]
        )
    doc.table(cols, rows) if rows else doc.para(none)
    if facts.procedures:
        doc.heading(t("facts.procedures", lang), 2)
        cols = columns(lang, PORTRAIT, [("col.code", 2), ("col.title", 5), ("col.department", 2.5)])
        doc.table(
            cols,
            (
                [p.code, p.title, data.dep_name(p.department) if p.department else ""]
                for p in facts.procedures
            ),
        )
    if facts.portfolio:
        doc.heading(t("facts.portfolio", lang), 2)
        cols = columns(lang, PORTRAIT, [("col.ip_type", 4), ("col.count", 2, "right")])
        doc.table(cols, ([_portfolio_name(k, lang), str(v)] for k, v in facts.portfolio.items()))
    budget = data.budget_lines()
    if budget:
        doc.heading(t("facts.budget", lang), 2)
        spec: list[tuple[str, float] | tuple[str, float, str]] = [
            ("col.category", 4),
            ("col.budget", 2.5, "right"),
            ("col.spent", 2.5, "right"),
        ]
        cols = columns(lang, PORTRAIT, [*spec, ("col.variance", 2.5, "right")])
        doc.table(
            cols,
            (
                [line.name(lang), money(line.budget), money(line.actual), money(line.variance)]
                for line in budget
            ),
        )
    if facts.certificates:
        doc.heading(t("facts.certificates", lang), 2)
        doc.para("、".join(facts.certificates) if lang == "zh" else ", ".join(facts.certificates))
    if facts.extra:
        doc.heading(t("facts.extra", lang), 2)
        for key, value in facts.extra.items():
            doc.label_value(_extra_name(key, lang), value)


def _split_cell(data: PackData, objective, grade: Grade | None) -> str | X.Cell:
    """The department split of an objective; one that does not add up is marked and says so."""
    sep = "；" if data.lang == "zh" else "; "
    text = sep.join(
        f"{data.dep_name(k)} {_num(v)}{objective.unit}" for k, v in objective.split.items()
    )
    if grade is None:
        return text
    total = sum(objective.split.values(), Decimal(0))
    note = t(
        "facts.split_mismatch",
        data.lang,
        total=_num(total),
        target=_num(objective.target),
        unit=objective.unit,
    )
    return X.Cell(f"{text}\n{note}", fill=GRADE_COLOR[grade])


def _num(value) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


def _portfolio_name(key: str, lang: str) -> str:
    from ipaudit.export.i18n import TEXTS

    text = TEXTS.get(f"portfolio.{key}")
    return text.get(lang) if text else key


def _extra_name(key: str, lang: str) -> str:
    from ipaudit.domain.facts import fact_label
    from ipaudit.export.i18n import TEXTS

    text = TEXTS.get(f"extra.{key}") or fact_label(f"extra.{key}")
    return text.get(lang)


# --- ledgers ----------------------------------------------------------------------------------


def _ledgers(doc: PackDocument, data: PackData) -> None:
    lang = data.lang
    doc.heading(t("ledger.title", lang), 1, new_page=True)
    recon = data.ledger.reconciliation if data.ledger else None
    if recon is None:
        doc.para(t("ledger.none", lang))
        return
    s = recon.summary
    doc.para(s.text(lang))
    doc.heading(t("ledger.compare", lang), 2)
    _text_table(doc, s.table(lang), [3, 1.2, 1.2, 1.2, 1.4], right_from=1)
    if s.kinds:
        doc.heading(t("ledger.kinds", lang), 2)
        _text_table(doc, s.kind_table(lang), [3, 2.6, 1, 1.6, 1.2], right_from=2)
    else:
        doc.para(t("ledger.no_discrepancies", lang))
    totals = _year_totals(recon)
    if totals is not None:
        doc.heading(t("ledger.totals", lang), 2)
        _text_table(
            doc,
            [totals.headers(lang), *totals.as_rows(lang)],
            [1.3, 1.4, 1.2, 1.4, 1.4, 1.4, 1.4],
            right_from=1,
        )
    _differences(doc, data, recon)


def _year_totals(recon):
    from ipaudit.ledger.totals import Dimension

    try:
        return recon.totals[Dimension.YEAR]
    except KeyError:
        return None


def _text_table(
    doc: PackDocument, rows: list[list[str]], weights: list[float], right_from: int
) -> None:
    head, *body = rows
    w = X.widths(PORTRAIT, weights)
    cols = [
        X.Column(h, width, "right" if i >= right_from else None)
        for i, (h, width) in enumerate(zip(head, w, strict=True))
    ]
    doc.table(cols, body)


# --- evidence index and appendix --------------------------------------------------------------


def _evidence_index(doc: PackDocument, data: PackData) -> None:
    lang = data.lang
    doc.heading(t("index.title", lang), 1)
    files = data.evidence
    doc.para(t("index.text", lang, n=sum(1 for e in files if not e.older)))
    cols = columns(
        lang,
        LANDSCAPE,
        [
            ("col.no", 0.45, "right"),
            ("col.title", 2.2),
            ("col.original", 2.2),
            ("col.current", 0.55),
            ("col.path", 4.6),
            ("col.sha256", 3.4),
        ],
    )
    yes, no = t("yes", lang), t("no", lang)

    def rows() -> Iterator[list[str | X.Cell]]:
        for n, e in enumerate(files, 1):
            ev = e.evidence
            yield [
                str(n),
                ev.title,
                ev.original_name,
                no if e.older else yes,
                Verbatim(e.path) or t("index.not_included", lang),
                Verbatim(ev.sha256),
            ]

    doc.table(cols, rows(), size=15)


def _row_line(ref, entry, lang: str) -> str:
    """A ledger row cited by a discrepancy: where it is, and what it says."""
    where = row_ref(ref, lang)
    if entry is None:
        return where
    what = " ".join(
        str(v)
        for v in (
            entry.date or "",
            entry.person,
            entry.ip_number,
            entry.voucher,
            entry.category,
            money(entry.amount),
        )
        if v
    )
    return f"{where}{colon(lang)}{what}"


def _differences(doc: PackDocument, data: PackData, recon) -> None:
    """Every open difference (who, IP item, expected, actual, difference, where), then the
    accepted ones with their explanations."""
    lang = data.lang
    explanations = data.ledger.explanations if data.ledger else {}
    numbered = list(enumerate(recon.discrepancies, 1))
    opened = [(n, d) for n, d in numbered if d.key not in explanations]
    accepted = [(n, d) for n, d in numbered if d.key in explanations]
    entries = {
        e.source: e for es in (data.ledger.entries.values() if data.ledger else ()) for e in es
    }
    doc.heading(t("ledger.open", lang), 2)
    if not opened:
        doc.para(t("ledger.no_open", lang))
    else:
        doc.para(t("ledger.open_text", lang, n=len(opened)), keep_next=True)
        doc.table(
            _difference_columns(lang, "col.rows"),
            _difference_rows(opened, entries, lang, data.clean),
            size=16,
        )
    if accepted:
        doc.heading(t("ledger.accepted", lang), 2)
        rows = (
            [*row[:7], explanations[d.key]]
            for row, (_n, d) in zip(
                _difference_rows(accepted, entries, lang, data.clean), accepted, strict=True
            )
        )
        doc.table(_difference_columns(lang, "col.accepted"), rows, size=16)


def _difference_columns(lang: str, last: str) -> list[X.Column]:
    # widths hold a patent number (ZL202510310140.7) and an amount on one line at 8 pt
    return columns(
        lang,
        PORTRAIT,
        [
            ("col.no", 0.45, "right"),
            ("col.discrepancy", 1.95),
            ("col.persons", 0.8),
            ("col.ip", 1.6),
            ("col.expected", 1.05, "right"),
            ("col.actual", 1.05, "right"),
            ("col.difference", 1.05, "right"),
            (last, 2.05),
        ],
    )


def _difference_rows(
    numbered, entries, lang: str, clean: Callable[[str], str]
) -> Iterator[list[str | X.Cell]]:
    """Rows of the differences tables; text is redacted first, then its dates, vouchers and
    numbers are made non-breaking (redaction must see the text as written)."""
    from ipaudit.ledger.discrepancies import suggest_grade

    def keep(text: str) -> str:
        return Verbatim(X.no_break(clean(text)))

    sep = "、" if lang == "zh" else ", "
    for n, d in numbered:
        yield [
            str(n),
            X.Cell(keep(d.message(lang)), fill=GRADE_COLOR[suggest_grade(d)]),
            keep(sep.join(d.persons)),
            keep("\n".join(d.ip_items)),
            money(d.expected),
            money(d.actual),
            signed(d.difference),
            keep("\n".join(_row_line(r, entries.get(r), lang) for r in d.rows)),
        ]
