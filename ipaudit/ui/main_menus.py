"""The main window's menu bar and tool bar, built from ``MainActions``.

The Recent submenu is rebuilt from the settings each time it opens; the Departments menu is rebuilt
whenever a workspace opens (Ctrl+1 … Ctrl+9 go to the first nine departments).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from ipaudit.ui import icons
from ipaudit.ui.main_actions import MainActions
from ipaudit.ui.settings import Settings


class MainMenus(QObject):
    def __init__(
        self,
        window: QMainWindow,
        actions: MainActions,
        settings: Settings,
        open_recent: Callable[[str], object],
        show_department: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.actions = actions
        self.settings = settings
        self._open_recent = open_recent
        self._show_department = show_department
        self.department_actions: list[QAction] = []
        self.department_group = QActionGroup(self)
        a = actions
        bar = window.menuBar()

        self.file = bar.addMenu("")
        self.file.setObjectName("menuFile")
        self.file.addActions([a.new, a.open, a.open_department, a.open_whole, a.open_demo])
        self.file.addAction(a.open_team)
        self.file.addAction(a.manager_passphrase)
        self.recent = self.file.addMenu("")
        self.recent.setObjectName("menuRecent")
        self.recent.aboutToShow.connect(self.rebuild_recent)
        self.file.addSeparator()
        self.file.addActions([a.workspace_info, a.save, a.save_copy, a.push_team])
        # File → Team logins… (ipaudit/ui/team/logins_dialog.py): a team workspace's only
        self.team_logins = QAction(window)
        self.team_logins.setObjectName("actionTeamLogins")
        self.team_logins.setVisible(False)
        self.team_logins.triggered.connect(lambda: window.run_tool("team_logins"))  # type: ignore[attr-defined]
        self.file.addAction(self.team_logins)
        self.file.aboutToShow.connect(self.update_team_logins)
        for signal in ("workspaceOpened", "workspaceClosed"):
            if hasattr(window, signal):
                getattr(window, signal).connect(lambda *_a: self.update_team_logins())
        self.file.addActions([a.export_checklist, a.import_checklist])
        self.file.addSeparator()
        self.file.addActions([a.import_ledger, a.export_pack])
        self.file.addActions([a.export_packet, a.import_packet])
        self.file.addSeparator()
        self.file.addActions([a.close, a.quit])

        self.edit = bar.addMenu("")
        self.edit.setObjectName("menuEdit")
        self.edit.addActions([a.undo, a.redo])
        self.edit.addSeparator()
        self.edit.addAction(a.find)
        self.edit.addSeparator()
        self.edit.addAction(a.preferences)

        self.view = bar.addMenu("")
        self.view.setObjectName("menuView")
        self.view.addActions([a.view_checklist, a.view_facts, a.view_dashboard])
        self.view_docks_separator = self.view.addSeparator()
        self.view.addSeparator()
        self.view.addAction(a.rerun_checks)

        self.departments = bar.addMenu("")
        self.departments.setObjectName("menuDepartments")

        self.audit = bar.addMenu("")
        self.audit.setObjectName("menuAudit")
        self.audit.addActions([a.audit_views[k] for k in ("plan", "rehearsal", "requests")])
        self.audit.addSeparator()
        self.audit.addActions([a.audit_views[k] for k in ("mock_audit", "actions", "apply")])
        self.audit.addSeparator()
        self.audit.addAction(a.audit_views["next_cycle"])

        self.tools = bar.addMenu("")
        self.tools.setObjectName("menuTools")
        self.tools.addActions([a.reconciliation, a.verify_pack])

        self.help = bar.addMenu("")
        self.help.setObjectName("menuHelp")
        self.help.addActions([a.guide, a.about])

        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setIconSize(QSize(20, 20))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([a.new, a.open])
        self.toolbar.addSeparator()
        self.toolbar.addActions([a.undo, a.redo])
        self.toolbar.addSeparator()
        self.toolbar.addAction(a.rerun_checks)
        self.toolbar.addSeparator()
        self.toolbar.addActions([a.import_ledger, a.export_pack])
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.retranslate()

    def update_team_logins(self) -> object:
        """File → Team logins…: shown for a team workspace, enabled for its manager."""
        session = getattr(self.window, "session", None)
        if session is None or not session.workspace.is_server:
            self.team_logins.setVisible(False)
            return None
        from ipaudit.ui.team.logins_dialog import update_action

        return update_action(self.team_logins, session)

    def add_dock_toggle(self, action: QAction) -> None:
        self.view.insertAction(self.view_docks_separator, action)

    def rebuild_recent(self) -> None:
        self.recent.clear()
        files = self.settings.recent_files
        for n, path in enumerate(files, 1):
            label = f"&{n} {Path(path).name}" if n < 10 else Path(path).name
            action = self.recent.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
            action.setEnabled(Path(path).exists() or "://" in path)  # or a team workspace
            action.triggered.connect(lambda _c=False, p=path: self._open_recent(p))
        if not files:
            empty = self.recent.addAction(self.tr("No recent workspaces"))
            empty.setEnabled(False)
        self.recent.addSeparator()
        self.recent.addAction(self.actions.clear_recent)
        self.actions.clear_recent.setEnabled(bool(files))

    def set_departments(self, departments: list[tuple[str, str]]) -> None:
        """(key, name) of the departments of the open workspace; [] when none is open."""
        self.departments.clear()
        self.departments.addAction(self.actions.edit_departments)
        self.departments.addSeparator()
        for old in self.department_actions:
            old.deleteLater()
        self.department_actions = []
        self.department_group.deleteLater()
        self.department_group = QActionGroup(self)
        self.department_group.setExclusive(True)
        for n, (key, name) in enumerate(departments, 1):
            action = QAction(icons.icon("department"), name, self.window)
            action.setObjectName(f"actionDepartment_{key}")
            action.setData(key)
            action.setCheckable(True)
            self.department_group.addAction(action)
            if n <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _c=False, k=key: self._show_department(k))
            self.departments.addAction(action)
            self.department_actions.append(action)
        self.departments.setEnabled(True)

    def check_department(self, key: str) -> None:
        for action in self.department_actions:
            action.setChecked(action.data() == key)

    def retranslate(self) -> None:
        self.file.setTitle(self.tr("&File"))
        self.recent.setTitle(self.tr("Open &recent"))
        self.edit.setTitle(self.tr("&Edit"))
        self.view.setTitle(self.tr("&View"))
        self.departments.setTitle(self.tr("&Departments"))
        self.audit.setTitle(self.tr("&Audit"))
        self.tools.setTitle(self.tr("&Tools"))
        self.help.setTitle(self.tr("&Help"))
        self.team_logins.setText(self.tr("Team &logins…"))
        self.toolbar.setWindowTitle(self.tr("Tool bar"))
