"""A conflict of two edits in the user's words: what both changed, named as the views name it
(the facts editor's section labels, department names, item titles, question texts), and the facts
the user entered as the editors show them (names, not keys; no JSON).

The store says what changed structurally (``edits.Edited``); the services give the names of the
keys in it (``services.conflicts``); the words around them are translated here.
"""

from __future__ import annotations

import re
from dataclasses import fields

from PySide6.QtCore import QCoreApplication

from ipaudit.domain.model import Facts, Objective, PersonKind, Procedure, Status, Text
from ipaudit.services import Workspace
from ipaudit.services.conflicts import department_names, edited_names
from ipaudit.store import edits
from ipaudit.store.edits import Edited
from ipaudit.ui import i18n
from ipaudit.ui.checklist.terms import status_name

LONGEST_QUESTION = 40  # characters of a question's text named in a sentence


def tr(text: str) -> str:
    return QCoreApplication.translate("ConflictWords", text)


def _label(context: str, text: str) -> str:
    """A label as a view shows it, without its colon and mnemonic: the same words."""
    shown = QCoreApplication.translate(context, text)
    return shown.replace("&&", "&").rstrip(":：").strip()


def section_label(section: str) -> str:
    """A facts section as the facts editor titles it."""
    labels = {
        "policy": lambda: _label("PolicyPage", "IP policy (as written in the manual)"),
        "manual_objectives": lambda: _label("PolicyPage", "Objectives as worded in the manual"),
        "objectives": lambda: _label("PolicyPage", "Objectives list and split by department"),
        "headcount": lambda: _label("FactsEditor", "Headcount and duties"),
        "duties": lambda: _label("FactsEditor", "Headcount and duties"),
        "procedures": lambda: _label("FactsEditor", "Procedures"),
        "certificates": lambda: _label("PortfolioPage", "Other certificates"),
        "portfolio": lambda: _label(
            "PortfolioPage", "IP portfolio (granted and registered, as declared)"
        ),
        "extra": lambda: _label("PortfolioPage", "Other declared facts"),
        "people": lambda: _label("CyclePage", "New hires and core leavers of the period"),
        "budget": lambda: _label("CyclePage", "IP budget and spending"),
        "open_nonconformities": lambda: _label(
            "CyclePage", "Last audit's nonconformities still open:"
        ),
    }
    label = labels.get(section)
    return label() if label is not None else tr("The facts")


def entry_label(section: str, key: str) -> str:
    """A portfolio kind or another declared fact as the facts editor labels its field ("" when
    the editor has no field for it)."""
    if section == "portfolio":
        text = {
            "invention": "Invention patents:",
            "utility_model": "Utility model patents:",
            "design": "Design patents:",
            "software_copyright": "Software copyrights:",
            "trademark": "Trademarks:",
        }.get(key)
    elif section == "extra":
        text = {
            "projects_in_progress": "R&&D projects in progress:",
            "search_phases": "Phases with IP searches:",
            "manual_version": "Current IP manual version:",
        }.get(key)
    else:
        text = None
    return _label("PortfolioPage", text) if text else ""


def _shorten(text: str) -> str:
    return text if len(text) <= LONGEST_QUESTION else text[: LONGEST_QUESTION - 1] + "…"


def info_label(field: str) -> str:
    """A field of the workspace information as the information dialog labels it (no colon, no
    mnemonic); ``field``: a WorkspaceInfo field, or "audit", "period", "certificate" for a pair."""
    texts = {
        "company": "&Company name:",
        "audit_type": "Audit &type:",
        "audit_start": "Audit &starts:",
        "audit": "Audit &starts:",
        "audit_end": "Audit &ends:",
        "period_start": "Audit &period:",
        "period_end": "Audit &period:",
        "period": "Audit &period:",
        "system_start": "System start (manual issued):",
        "last_audit": "&Last audit:",
        "certificate_start": "Certificate &valid from:",
        "certificate": "Certificate &valid from:",
        "certificate_end": "Certificate valid &until:",
    }
    text = QCoreApplication.translate(
        "WorkspaceInfoDialog", texts.get(field, "Workspace information")
    )
    return re.sub(r"\(&.\)", "", text).replace("&", "").rstrip(":：").strip()


def edited_name(ws: Workspace, what: Edited) -> str:
    """What both edits changed, said as a sentence's subject in the UI language."""
    names = edited_names(ws, what)
    if what.item_key:
        item = i18n.text(names.item) if names.item is not None else tr("this item")
        if what.part == "status":
            return tr("the status of “%1”").replace("%1", item)
        if what.part == "notes":
            return tr("the notes of “%1”").replace("%1", item)
        if what.part == "instances":
            return tr("the names of the records of “%1”").replace("%1", item)
        if what.part == "answers" and names.question is not None:
            return (
                tr("the answer to “%1” in “%2”")
                .replace("%1", _shorten(i18n.text(names.question)))
                .replace("%2", item)
            )
        if what.part == "answers":
            return tr("the answers of “%1”").replace("%1", item)
        return f"“{item}”"
    if what.part == edits.INFO:
        return f"“{info_label(what.key)}”"
    if what.part == edits.ACCEPTANCE:
        return tr("the explanation this finding was accepted with")
    if what.part == edits.RATES and what.key:
        from ipaudit.ledger.rates import key_text  # loaded with a rate conflict, not the panel

        return tr("the reward rate of “%1”").replace("%1", key_text(what.key, i18n.language()))
    if what.part == edits.RATES:
        return tr("the reward rates")
    section = section_label(what.part)
    entry = i18n.text(names.entry) if names.entry is not None else ""
    if what.part == "headcount" and entry:
        return tr("the headcount of %1").replace("%1", entry)
    if what.part == "duties" and entry:
        return tr("the IP duties of %1").replace("%1", entry)
    if what.part == "budget" and entry:
        return tr("the IP budget for %1").replace("%1", entry)
    label = entry_label(what.part, what.key)
    if label:
        return f"“{label}”"
    return f"“{section}”"


def conflict_name(ws: Workspace, what: object) -> str:
    """``EditConflict.what`` named: an ``Edited`` in words, a record's label as its caller gave it."""
    if isinstance(what, Edited):
        return edited_name(ws, what)
    return f"“{what}”" if what else ""


# --- the facts the user entered, as the editors show them ------------------------------------


def _not_declared() -> str:
    return QCoreApplication.translate("PortfolioPage", "not declared")


def _department(names: dict[str, Text], key: str) -> str:
    name = names.get(key)
    return i18n.text(name) if name is not None else ""


def _per_department(
    names: dict[str, Text], old: dict[str, object], new: dict[str, object]
) -> list[str]:
    """The departments whose value changed, each by name with its new value."""
    lines = []
    for key in [*new, *(k for k in old if k not in new)]:
        if old.get(key) != new.get(key):
            value = new.get(key)
            shown = _not_declared() if value in (None, "") else str(value)
            lines.append(f"{_department(names, key) or tr('Another department')}: {shown}")
    return lines


def _category(key: str) -> str:
    from ipaudit.domain.budget import BY_KEY  # loaded with a budget conflict, not the panels

    category = BY_KEY.get(key)
    return i18n.text(category.name) if category is not None else tr("Another category")


def _objective(names: dict[str, Text], o: Objective) -> str:
    head = f"{o.text}: {o.target}{(' ' + o.unit) if o.unit else ''}"
    if o.year is not None:
        head += f" ({o.year})"
    shares = [
        f"  {_department(names, k) or tr('Another department')}: {v}" for k, v in o.split.items()
    ]
    return "\n".join([head, *shares])


def _procedure(names: dict[str, Text], p: Procedure) -> str:
    dept = _department(names, p.department)
    return f"{p.code} {p.title}{(' (' + dept + ')') if dept else ''}".strip()


def _section_lines(names: dict[str, Text], name: str, old: Facts, new: Facts) -> list[str]:
    """The lines of one changed section of the facts, as the editor shows its values."""
    value = getattr(new, name)
    if name == "policy":
        return [value]
    if name in ("manual_objectives", "certificates"):
        return list(value)
    if name == "objectives":
        return [_objective(names, o) for o in value]
    if name in ("headcount", "duties"):
        return _per_department(names, getattr(old, name), value)
    if name == "procedures":
        return [_procedure(names, p) for p in value]
    if name in ("portfolio", "extra"):
        before = getattr(old, name)
        return [
            f"{entry_label(name, k) or tr('Another fact')}: {value.get(k, _not_declared())}"
            for k in [*value, *(k for k in before if k not in value)]
            if before.get(k) != value.get(k)
        ]
    if name == "people":
        kinds = {
            PersonKind.HIRE: QCoreApplication.translate("PeopleModel", "New hire"),
            PersonKind.LEAVER: QCoreApplication.translate("PeopleModel", "Core leaver"),
        }
        return [
            ", ".join(
                part
                for part in (
                    p.name,
                    kinds.get(p.kind, ""),
                    _department(names, p.department),
                    p.date.isoformat() if p.date else "",
                )
                if part
            )
            for p in value
        ]
    if name == "budget":
        before = old.budget
        return [
            f"{_category(k)}: {value[k] if k in value else _not_declared()}"
            for k in [*value, *(k for k in before if k not in value)]
            if before.get(k) != value.get(k)
        ]
    if name == "open_nonconformities":
        return [_not_declared() if value is None else str(value)]
    return [str(value)]


def facts_text(ws: Workspace, old: Facts, new: Facts) -> str:
    """The facts the user changed from ``old`` to ``new``: each section under the editor's label,
    its values as the editor shows them (departments by name)."""
    names = department_names(ws)
    parts = []
    for f in fields(Facts):
        if getattr(old, f.name) == getattr(new, f.name):
            continue
        label = section_label(f.name)  # the fields are named as the sections
        lines = _section_lines(names, f.name, old, new)
        parts.append(label + ":\n" + ("\n".join(lines) if lines else "—"))
    return "\n\n".join(parts)


def status_text(status: Status, reason: str = "") -> str:
    """A status the user chose, as the status editor names it, with its reason."""
    return f"{status_name(status)}\n{reason}".strip()
