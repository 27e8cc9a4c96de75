"""The views the main window hosts, each imported in code when first needed.

Every panel and tool is part of the build: its class is imported by a function here (so the window's
first paint does not wait for the checks, the store or SQLAlchemy), and a module that is missing or
fails to import raises — there is no placeholder that would hide it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

Loader = Callable[[], type[Any]]


def _navigator() -> type[Any]:
    from ipaudit.ui.checklist.navigator import DepartmentNavigator

    return DepartmentNavigator


def _checklist() -> type[Any]:
    from ipaudit.ui.checklist.checklist_view import ChecklistView

    return ChecklistView


def _item() -> type[Any]:
    from ipaudit.ui.checklist.item_panel import ItemPanel

    return ItemPanel


def _facts() -> type[Any]:
    from ipaudit.ui.facts.facts_editor import FactsEditor

    return FactsEditor


def _findings() -> type[Any]:
    from ipaudit.ui.findings.findings_panel import FindingsPanel

    return FindingsPanel


def _dashboard() -> type[Any]:
    from ipaudit.ui.dashboard.dashboard import Dashboard

    return Dashboard


def _export() -> type[Any]:
    from ipaudit.ui.export_dialog import ExportDialog

    return ExportDialog


def _workspace_info() -> type[Any]:
    from ipaudit.ui.workspace_info_dialog import WorkspaceInfoDialog

    return WorkspaceInfoDialog


def _verify() -> type[Any]:
    from ipaudit.ui.verify_dialog import VerifyDialog

    return VerifyDialog


def _ledger_import() -> type[Any]:
    from ipaudit.ui.ledger.import_wizard import LedgerImportWizard

    return LedgerImportWizard


def _reconciliation() -> type[Any]:
    from ipaudit.ui.ledger.reconciliation_view import ReconciliationView

    return ReconciliationView


def _requests() -> type[Any]:
    from ipaudit.ui.requests.requests_view import RequestsView

    return RequestsView


def _plan() -> type[Any]:
    from ipaudit.ui.plan.plan_view import PlanView

    return PlanView


def _rehearsal() -> type[Any]:
    from ipaudit.ui.rehearsal.rehearsal_view import RehearsalView

    return RehearsalView


def _export_packet() -> type[Any]:
    from ipaudit.ui.packets.export_dialog import PacketExportDialog

    return PacketExportDialog


def _import_packet() -> type[Any]:
    from ipaudit.ui.packets.import_dialog import PacketImportDialog

    return PacketImportDialog


def _next_cycle() -> type[Any]:
    from ipaudit.ui.cycle.next_cycle_view import NextCycleView

    return NextCycleView


def _apply() -> type[Any]:
    from ipaudit.ui.cycle.apply_view import ApplyView

    return ApplyView


def _mock_audit() -> type[Any]:
    from ipaudit.ui.mock_audit.mock_audit_view import MockAuditView

    return MockAuditView


def _actions() -> type[Any]:
    from ipaudit.ui.actions.actions_view import ActionsView

    return ActionsView


def _open_team() -> type[Any]:
    from ipaudit.ui.team.open_dialog import OpenTeamDialog

    return OpenTeamDialog


def _team_logins() -> type[Any]:
    from ipaudit.ui.team.logins_dialog import TeamLoginsDialog

    return TeamLoginsDialog


#: the views of the Audit menu (the audit day and the cycle around it), each shown as a tab of the
#: workspace page; each takes ``(session, parent=None)``. An action whose key is not here is hidden.
AUDIT_VIEWS: dict[str, Loader] = {
    "mock_audit": _mock_audit,
    "actions": _actions,
    "plan": _plan,
    "next_cycle": _next_cycle,
    "apply": _apply,
    "rehearsal": _rehearsal,
    "requests": _requests,
}

#: the panels of an open workspace; each takes ``(session, parent=None)``
PANELS: dict[str, Loader] = {
    "navigator": _navigator,
    "checklist": _checklist,
    "item": _item,
    "facts": _facts,
    "findings": _findings,
    "dashboard": _dashboard,
}

#: dialogs and views reached from the File and Tools menus
TOOLS: dict[str, Loader] = {
    "export": _export,  # (session, parent)
    "workspace_info": _workspace_info,
    "verify": _verify,  # (parent)
    "ledger_import": _ledger_import,
    "reconciliation": _reconciliation,
    # team work: the department packet dialogs take (session, parent)
    "open_team": _open_team,  # (parent, address): no session yet, it opens one
    "export_packet": _export_packet,
    "import_packet": _import_packet,
    "team_logins": _team_logins,  # (session, parent): a team workspace's logins
}


def load(loader: Loader) -> type[Any]:
    """The class ``loader`` imports (``PANELS[key]`` or ``TOOLS[key]``)."""
    return loader()


def create_panel(key: str, session: Any, parent: QWidget | None = None) -> QWidget:
    """The panel ``key`` of ``PANELS`` for ``session``."""
    widget: QWidget = PANELS[key]()(session, parent)
    return widget
