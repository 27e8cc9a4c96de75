"""An item's clause in both editions, with the clause titles; unconfirmed references marked."""

from __future__ import annotations

import html
from functools import cache

from PySide6.QtCore import QCoreApplication

from ipaudit.domain.model import ClauseDef, Edition, Item, Template
from ipaudit.domain.template import TemplateError, load_builtin
from ipaudit.ui.checklist.lang import text_of

EDITION_NAMES = {Edition.GB2023: "GB/T 29490-2023", Edition.GB2013: "GB/T 29490-2013"}
UNCONFIRMED_COLOR = "#b36b00"


def tr(text: str) -> str:
    return QCoreApplication.translate("ClauseRefs", text)


@cache
def _builtin_clauses(edition: str) -> dict[str, ClauseDef]:
    try:
        return {c.ref: c for c in load_builtin(edition).clauses}
    except (TemplateError, OSError):
        return {}


def clause_titles(template: Template, edition: str) -> dict[str, ClauseDef]:
    """Clause titles of ``edition``: the workspace's own template for its edition, else built-in."""
    if template.edition.value == edition:
        return {c.ref: c for c in template.clauses}
    return _builtin_clauses(edition)


def refs_html(item: Item, template: Template) -> str:
    """One line per edition, the workspace's edition first."""
    editions = [template.edition.value] + [e.value for e in Edition if e != template.edition]
    lines: list[str] = []
    for edition in editions:
        name = EDITION_NAMES.get(Edition(edition), edition)
        ref = item.refs.get(edition)
        if ref is None:
            lines.append(
                f"<b>{html.escape(name)}</b>&nbsp;&nbsp;<i>{html.escape(tr('no counterpart clause'))}</i>"
            )
            continue
        clause = clause_titles(template, edition).get(ref.clause)
        title = text_of(clause.title) if clause else ""
        line = (
            f"<b>{html.escape(name)}</b>&nbsp;&nbsp;{html.escape(ref.clause)} {html.escape(title)}"
        )
        if not ref.confirmed:
            note = tr("unconfirmed: check against your copy of the standard")
            line = (
                f"<span style='color:{UNCONFIRMED_COLOR}'>{line}"
                f" — <i>{html.escape(note)}</i></span>"
            )
        lines.append(line)
    return "<br>".join(lines)


def unconfirmed_editions(item: Item) -> list[str]:
    return [e for e, ref in item.refs.items() if not ref.confirmed]
