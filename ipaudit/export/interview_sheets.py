"""Interview preparation sheets (docx, one per department): the department's open findings with
what to say and what to show about each, the questions auditors ask, the official answer taken
from the declared facts, and the records to have at hand with their place in the pack."""

from __future__ import annotations

from collections.abc import Iterator

from ipaudit.domain.facts import Declared, agrees, ledger_facts
from ipaudit.domain.interview import common_questions, item_questions
from ipaudit.domain.model import Grade, ItemKind, Status
from ipaudit.export import docx_xml as X
from ipaudit.export.colors import GRADE_COLOR
from ipaudit.export.data import PackData, describe_slot
from ipaudit.export.docx_base import PackDocument, columns
from ipaudit.export.i18n import colon, grade_text, paren, status_text, t
from ipaudit.export.interview_answers import answer_for

WIDTH = X.A4_TEXT_WIDTH


def _derived(data: PackData) -> dict[str, Declared]:
    """The reconciliation's figures (``ledger.totals`` …) from the pack's ledgers."""
    ledger = data.ledger
    if ledger is None or ledger.reconciliation is None:
        return {}
    from ipaudit.ledger.figures import figures

    return ledger_facts(figures(ledger.reconciliation, ledger.explanations.keys()))


def _open_findings(doc: PackDocument, data: PackData, dep: str) -> None:
    """The department's unaccepted findings, worst first, in plain words, each with what to say
    and what to show when the auditor asks about it."""
    lang = data.lang
    doc.heading(t("iv.open", lang), 1)
    found = sorted(
        (f for f in data.findings_of(dep) if f.accepted is None), key=lambda f: f.grade.rank
    )
    if not found:
        doc.para(t("iv.no_open", lang))
        return
    doc.para(t("iv.open_intro", lang, n=len(found)))
    items = {it.key: it for it in data.template.items}
    forms: dict[str, list[str]] = {}
    for form in data.forms_of(dep):
        forms.setdefault(form.item.key, []).append(form.path)
    cols = columns(
        lang,
        WIDTH,
        [
            ("col.grade", 0.7),
            ("col.item", 1.9),
            ("col.message", 2.8),
            ("col.say", 2.8),
            ("col.show", 1.8),
        ],
    )

    def rows() -> Iterator[list[str | X.Cell]]:
        for f in found:
            item = items.get(f.item_key)
            answer = answer_for(f, lang)
            show = [
                answer.show,
                *(t("iv.form_at", lang, path=p) for p in forms.get(f.item_key, [])),
            ]
            yield [
                X.Cell(grade_text(f.grade, lang), fill=GRADE_COLOR[f.grade]),
                f"{item.clause} {item.title.get(lang)}" if item else f.item_key,
                f.message.get(lang),
                answer.say,
                "\n".join(show),
            ]

    doc.table(cols, rows())


def build_interview(data: PackData, dep: str) -> bytes:
    lang = data.lang
    name = data.dep_name(dep)
    doc = PackDocument(
        lang, clean=data.clean, footer=t("footer.page", lang, page="{page}", pages="{pages}")
    )
    doc.raw(
        X.paragraph(
            X.run(
                f"{t('iv.title', lang)} — {data.text(name)}", bold=True, size=36, heading_font=True
            ),
            style="Title",
            align="center",
        )
    )
    info = data.info
    doc.para(
        f"{info.company}　{t('cover.audit_dates', lang)}：{info.audit_start} ~ {info.audit_end}",
        align="center",
        size=20,
    )
    doc.para(t("iv.intro", lang, department=name))
    _open_findings(doc, data, dep)

    none = t("iv.none", lang)
    src_fact, src_answer, src_none = (
        t("iv.src.fact", lang),
        t("iv.src.answer", lang),
        t("iv.src.none", lang),
    )

    doc.heading(t("iv.common", lang), 1)
    common = common_questions(data.facts, dep)
    cols = columns(lang, WIDTH, [("col.question", 30), ("col.answer", 52), ("col.source", 18)])
    doc.table(
        cols,
        (
            [
                X.Cell(q.text.get(lang), bold=True),
                q.official_text(lang) or t("facts.none", lang),
                src_fact if q.official is not None else src_none,
            ]
            for q in common
        ),
    )

    doc.heading(t("iv.items", lang), 1)
    items = data.items.get(dep, [])
    needs_derived = any(q.fact for item in items for q in item.questions)
    derived = _derived(data) if needs_derived else {}
    asked = item_questions(items, data.states, data.facts, dep, derived)
    if asked:
        cols = columns(
            lang,
            WIDTH,
            [("col.item", 2.0), ("col.question", 2.6), ("col.answer", 3.6), ("col.source", 1.6)],
        )

        def rows() -> Iterator[list[str | X.Cell]]:
            for q in asked:
                item = q.item
                assert item is not None
                given, fact = q.given, q.official
                source: str | X.Cell
                if fact is not None:
                    if given and not agrees(given, fact, q.fact_key):
                        source = X.Cell(
                            t("iv.src.conflict", lang) + paren(given, lang),
                            fill=GRADE_COLOR[Grade.MINOR],
                        )
                    else:
                        source = src_fact
                    answer = q.official_text(lang) or ""
                elif given:
                    answer, source = given, src_answer
                else:
                    answer, source = "", X.Cell(src_none, fill=GRADE_COLOR[Grade.MAJOR])
                yield [f"{item.clause} {item.title.get(lang)}", q.text.get(lang), answer, source]

        doc.table(cols, rows())
    else:
        doc.para(none)

    doc.heading(t("iv.records", lang), 1)
    records = [it for it in items if it.kind is not ItemKind.ANSWER]
    if records:
        cols = columns(
            lang,
            WIDTH,
            [("col.clause", 0.8), ("col.record", 2.6), ("col.status", 1.0), ("col.path", 5.0)],
        )
        forms_by_item: dict[str, list[str]] = {}
        for f in data.forms_of(dep):
            forms_by_item.setdefault(f.item.key, []).append(f.path)

        def record_rows() -> Iterator[list[str | X.Cell]]:
            for item in records:
                state = data.states.get(item.key)
                status = state.status if state else Status.NOT_STARTED
                files = data.evidence_of_item(item.key)
                lines = []
                for e in files:
                    slot = describe_slot(item, e.evidence.slot, state, lang)
                    where = e.path or t("iv.not_in_pack", lang)
                    lines.append(f"{e.evidence.title}{paren(slot, lang)}{colon(lang)}{where}")
                forms = [t("iv.form_at", lang, path=p) for p in forms_by_item.get(item.key, [])]
                if not files and status is not Status.NOT_APPLICABLE:
                    cell: str | X.Cell = X.Cell(
                        "\n".join([t("iv.missing", lang), *forms]), fill=GRADE_COLOR[Grade.MAJOR]
                    )
                else:
                    cell = "\n".join(lines + forms) or none
                yield [item.clause, item.title.get(lang), status_text(status, lang), cell]

        doc.table(cols, record_rows())
    else:
        doc.para(none)

    return doc.save(
        title=f"{t('iv.title', lang)} — {name}",
        subject=data.template.title.get(lang),
        author=info.company,
        as_of=data.as_of,
    )
