"""The line on top of an Audit view opened as a department view: "研发部 only" (仅限研发部), so a
department head sees at once that the rows are their department's and not the whole workspace's.
Hidden in the manager's whole-workspace view."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from ipaudit.ui import i18n
from ipaudit.ui.session import WorkspaceSession


def tr(text: str) -> str:
    return QCoreApplication.translate("DepartmentScope", text)


def scope_text(session: WorkspaceSession) -> str:
    """ "<department> only" in a department view, "" in the whole workspace's."""
    name = session.department_name
    return "" if name is None else tr("%1 only").replace("%1", i18n.text(name))


def scope_label(session: WorkspaceSession, parent: QWidget | None = None) -> QLabel:
    """A bold label saying which department the view shows (hidden for the whole workspace);
    call ``show_scope`` again when the language changes."""
    label = QLabel(parent)
    label.setObjectName("departmentScope")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    show_scope(label, session)
    return label


def show_scope(label: QLabel, session: WorkspaceSession) -> None:
    text = scope_text(session)
    label.setText(text)
    label.setVisible(bool(text))
