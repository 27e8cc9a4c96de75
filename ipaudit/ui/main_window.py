"""The main window: the welcome page, or one open workspace with its panels.

The department navigator and the findings list are docks; the checklist (with the item panel), the
facts and the dashboard are tabs of the central page. Edits are saved as they are made; the Edit
menu undoes them. Window geometry, dock layout and recent files are remembered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from ipaudit.ui import errors, i18n, icons, panels, paths, workers
from ipaudit.ui.collapsible_dock import CollapsibleDock
from ipaudit.ui.main_actions import MainActions, short_text
from ipaudit.ui.main_menus import MainMenus
from ipaudit.ui.progress import TaskProgressDialog
from ipaudit.ui.settings import Settings
from ipaudit.ui.welcome import WelcomePage
from ipaudit.ui.workspace_page import CHECKLIST_TAB, DASHBOARD_TAB, FACTS_TAB, WorkspacePage

if TYPE_CHECKING:  # the session (and the store) load when a workspace opens, not at start-up
    from ipaudit.ui.session import WorkspaceSession

log = logging.getLogger(__name__)

FILE_FILTER_SUFFIX = "*.ipaudit"
#: at the latest this long after a workspace is shown, its first checks start (ms)
CHECKS_LATEST_MS = 300

#: files the ledger import reads (dropped on the reconciliation view)
LEDGER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv")


class MainWindow(QMainWindow):
    workspaceOpened = Signal(object)  # WorkspaceSession
    workspaceClosed = Signal()
    #: ``open_later`` could not open the workspace (the error was shown)
    openFailed = Signal()

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(icons.app_icon())
        self.settings = settings or Settings()
        self.session: WorkspaceSession | None = None
        self.page: WorkspacePage | None = None
        self._dock_state = self.settings.window_state
        self._after_paint: list[Callable[[], object]] = []  # what they return is not used
        self._demo_task: workers.Task | None = None
        self._checking = False
        self.setAcceptDrops(True)

        self.acts = MainActions(self)
        # a recent or dropped workspace is read in a worker: the window never freezes on a big one
        self.menus = MainMenus(
            self, self.acts, self.settings, self.open_later, self.show_department
        )
        for menu in (self.menus.file, self.menus.audit, self.menus.tools):
            menu.setToolTipsVisible(True)
            menu.aboutToShow.connect(self._update_tool_actions)

        self.welcome = WelcomePage(self.settings)
        self.welcome.newRequested.connect(self.new_workspace)
        self.welcome.openRequested.connect(self.open_dialog)
        self.welcome.demoRequested.connect(self.open_demo)
        self.welcome.recentActivated.connect(self.open_later)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)
        #: the readiness last recorded, shown while the workspace opens at start-up
        self.stored_view: QWidget | None = None

        self.navigator_dock = QDockWidget(self)
        self.navigator_dock.setObjectName("navigatorDock")
        self.navigator_dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.findings_dock = CollapsibleDock(self)
        self.findings_dock.setObjectName("findingsDock")
        self.findings_dock.set_collapsed(self.settings.findings_collapsed)
        self.findings_dock.collapsedChanged.connect(
            lambda folded: setattr(self.settings, "findings_collapsed", folded)
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.navigator_dock)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
        for dock in (self.navigator_dock, self.findings_dock):
            self.menus.add_dock_toggle(dock.toggleViewAction())
            dock.hide()

        self.readiness_label = QLabel()
        self.readiness_label.setObjectName("readinessLabel")
        self.mode_label = QLabel()
        self.mode_label.setObjectName("modeLabel")
        self.cycle_label = QLabel()  # the audit and its period; a click edits them
        self.cycle_label.setObjectName("cycleLabel")
        self.cycle_label.linkActivated.connect(lambda _link: self.run_tool("workspace_info"))
        self.statusBar().addPermanentWidget(self.cycle_label)
        self.statusBar().addPermanentWidget(self.mode_label)
        self.statusBar().addPermanentWidget(self.readiness_label)

        a = self.acts
        a.new.triggered.connect(self.new_workspace)
        a.open.triggered.connect(self.open_dialog)
        a.open_department.triggered.connect(lambda: self.open_for_department())
        a.open_whole.triggered.connect(self.open_whole)
        a.manager_passphrase.triggered.connect(self.set_manager_passphrase)
        a.open_demo.triggered.connect(self.open_demo)
        a.clear_recent.triggered.connect(self._clear_recent)
        a.save.triggered.connect(self.save_all)
        a.save_copy.triggered.connect(lambda: self.save_copy_as())
        a.export_checklist.triggered.connect(lambda: self.export_checklist())
        a.import_checklist.triggered.connect(lambda: self.import_checklist())
        a.workspace_info.triggered.connect(lambda: self.run_tool("workspace_info"))
        a.close.triggered.connect(self.close_workspace)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.focus_search)
        a.preferences.triggered.connect(self.show_preferences)
        a.view_checklist.triggered.connect(lambda: self.set_view(CHECKLIST_TAB))
        a.view_facts.triggered.connect(lambda: self.set_view(FACTS_TAB))
        a.view_dashboard.triggered.connect(lambda: self.set_view(DASHBOARD_TAB))
        a.rerun_checks.triggered.connect(self.rerun_checks)
        a.import_ledger.triggered.connect(lambda: self.run_tool("ledger_import"))
        a.export_pack.triggered.connect(lambda: self.run_tool("export"))
        a.reconciliation.triggered.connect(lambda: self.run_tool("reconciliation"))
        for key, action in a.audit_views.items():
            action.setVisible(key in panels.AUDIT_VIEWS)
            action.triggered.connect(lambda _checked=False, k=key: self.show_audit_view(k))
        for key, action in (("export_packet", a.export_packet), ("import_packet", a.import_packet)):
            action.setVisible(key in panels.TOOLS)
            action.triggered.connect(lambda _checked=False, k=key: self.run_tool(k))
        a.open_team.setVisible("open_team" in panels.TOOLS)
        a.open_team.triggered.connect(lambda: self.run_tool("open_team"))
        a.push_team.setVisible("open_team" in panels.TOOLS)
        a.push_team.triggered.connect(lambda: self.push_to_team())
        a.verify_pack.triggered.connect(lambda: self.run_tool("verify"))
        a.about.triggered.connect(self.show_about)
        a.edit_departments.triggered.connect(self.show_departments)
        a.guide.triggered.connect(self.show_guide)

        if not self.settings.geometry.isEmpty():
            self.restoreGeometry(self.settings.geometry)
        else:
            self._default_geometry()
        self._update_actions()
        self.retranslate_ui()

    def _default_geometry(self) -> None:
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen else None
        if area is None or area.width() < 800:
            self.resize(1280, 820)
            return
        if area.width() < 1500 or area.height() < 900:  # a laptop: take the whole screen
            self.setGeometry(area)
            return
        width, height = min(1400, int(area.width() * 0.9)), min(900, int(area.height() * 0.9))
        self.setGeometry(
            area.x() + (area.width() - width) // 2,
            area.y() + (area.height() - height) // 2,
            width,
            height,
        )

    # --- opening and closing -----------------------------------------------------------------

    def open_dialog(self) -> bool:
        folder = (
            str(Path(self.settings.recent_files[0]).parent) if self.settings.recent_files else ""
        )
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a workspace"),
            folder,
            self.tr("ipaudit workspaces (%1);;All files (*)").replace("%1", FILE_FILTER_SUFFIX),
        )
        return self.open_path(path) if path else False

    def open_path(self, path: Path | str, department: str | None = None) -> bool:
        """Open the workspace at ``path`` (optionally as a department view). Failures are shown.

        A file of an older format is upgraded (after a backup beside it) in the background, with
        a progress dialog; ``workspaceOpened`` follows when it is done. Returns False when the
        workspace could not be opened.
        """
        if _is_server_address(path):  # a team workspace: its password is asked again
            self.open_team(str(path))
            return True
        path = Path(path)
        if _needs_upgrade(path):
            self._open_in_background(path, department)
            return True
        from ipaudit.services import Workspace

        try:
            workspace = Workspace.open(path)
        except errors.expected_types() as exc:
            self._open_failed(path, exc)
            return False
        return self._adopt_checked(workspace, department)

    def open_later(
        self,
        path: Path | str,
        department: str | None = None,
        *,
        prepared: Callable[[], Any] | None = None,
    ) -> workers.Task:
        """Open the workspace in a worker while the window is already on screen (start-up):
        ``workspaceOpened`` or ``openFailed`` follows. ``prepared`` waits for an opening of
        ``path`` already under way and returns its workspace (None when it did not open it)."""
        if _is_server_address(path):  # a team workspace (a recent entry): its password is asked
            self.open_team(str(path))
            return workers.Task(lambda _ctx: None, "open team workspace")
        path = Path(path)
        if _needs_upgrade(path):
            task = self._open_in_background(path, department)
        else:

            def open_workspace(_ctx: object) -> object:
                workspace = prepared() if prepared is not None else None
                if workspace is not None:
                    return workspace
                from ipaudit.services import Workspace  # loaded here, not on the GUI thread

                return Workspace.open(path)

            task = workers.Task(open_workspace, "open")
            self.statusBar().showMessage(self.tr("Opening %1…").replace("%1", path.name))
            self.welcome.set_opening(path.name)
            task.failed.connect(lambda exc: self._open_failed(path, exc))
            task.finished.connect(lambda ws: self._opened_later(ws, department))
            workers.start(task)
        task.failed.connect(lambda _exc: self.openFailed.emit())
        return task

    def show_stored_readiness(self, stored: object) -> None:
        """Show the readiness the workspace being opened last recorded (a
        ``store.last_readiness.LastReadiness``) until its page replaces it."""
        from ipaudit.ui.stored_readiness import StoredReadinessView

        self.drop_stored_readiness()
        view = StoredReadinessView(stored)  # type: ignore[arg-type]
        self.stored_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)

    def drop_stored_readiness(self) -> None:
        """Take the stored readiness away (the workspace is shown, or could not be opened)."""
        view, self.stored_view = self.stored_view, None
        if view is None:
            return
        if self.stack.currentWidget() is view:
            self.stack.setCurrentWidget(self.page if self.page is not None else self.welcome)
        self.stack.removeWidget(view)
        view.setParent(None)
        view.deleteLater()

    def _opened_later(self, workspace: object, department: str | None) -> None:
        self.statusBar().clearMessage()
        self.welcome.set_opening("")
        self.drop_stored_readiness()
        if not self._adopt_checked(workspace, department):
            self.openFailed.emit()

    def _open_failed(self, path: Path, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        self.welcome.set_opening("")
        self.drop_stored_readiness()
        from ipaudit.store.errors import WorkspaceNotFound

        if isinstance(exc, WorkspaceNotFound):
            self.settings.remove_recent(path)
            self.welcome.refresh()
        errors.show_error(exc, self, lambda: self.tr("The workspace could not be opened."))

    def _open_in_background(self, path: Path, department: str | None) -> workers.Task:
        from ipaudit.services import Workspace

        task = workers.Task(lambda _ctx: Workspace.open(path), "open and upgrade")
        TaskProgressDialog(
            task,
            self.tr("Upgrading %1 to the current format (a backup is written first)…").replace(
                "%1", path.name
            ),
            self,
            cancellable=False,
        )
        task.finished.connect(lambda ws: self._adopt_checked(ws, department))
        task.failed.connect(lambda exc: self._open_failed(path, exc))
        workers.start(task)
        return task

    def _adopt_checked(
        self,
        workspace: object,
        department: str | None,
        *,
        warned: bool = False,
        confirmed: bool = False,
    ) -> bool:
        from ipaudit.services import Workspace
        from ipaudit.store.errors import InvalidInput

        assert isinstance(workspace, Workspace)
        if not confirmed and self._widens(workspace, department):
            # a department view showing more of its file, by any way (File → Open the whole
            # workspace, Open…, Recent, a drop): the compliance manager confirms first
            from ipaudit.ui.team.widen import confirm_widening

            assert self.session is not None
            dialog = confirm_widening(
                self.session.workspace,
                self,
                lambda: self._adopt_checked(workspace, department, warned=warned, confirmed=True),
            )
            dialog.rejected.connect(workspace.close)
            return True
        if not (warned or workspace.read_only) and self._other_writer(workspace, department):
            return True  # the user chooses: read-only, anyway, or not at all
        if department is not None and department not in {
            d.key for d in workspace.departments(active_only=True)
        }:
            workspace.close()
            exc = InvalidInput(
                f"工作区中没有部门“{department}”。",
                f"The workspace has no department '{department}'.",
                workspace.path,
            )
            errors.show_error(exc, self, lambda: self.tr("The workspace could not be opened."))
            return False
        self.adopt(workspace, department)
        return True

    def _widens(self, workspace: Any, department: str | None) -> bool:
        """Whether showing ``workspace`` as ``department`` (None: whole) widens the department
        view on screen: the same workspace file, more or another part of it. (A team workspace's
        rights are the server's to enforce.)"""
        current = self.session
        if (
            current is None
            or current.department_only is None
            or department == current.department_only
        ):
            return False
        if workspace.is_server:
            return False
        try:
            return Path(workspace.path).resolve() == Path(current.workspace.path).resolve()
        except OSError:
            return False

    def _other_writer(self, workspace: Any, department: str | None) -> bool:
        """When another program holds ``workspace``'s file open for writing, warn and let the user
        open it read-only, anyway, or not at all (True: the warning is shown)."""
        from ipaudit.services.presence import other_writer

        holder = other_writer(workspace.path)
        if holder is None:
            return False
        from ipaudit.ui.team.presence import ask_other_writer

        def chosen(choice: str) -> None:
            if choice == "anyway":
                self._adopt_checked(workspace, department, warned=True, confirmed=True)
                return
            workspace.close()
            if choice == "read_only":
                from ipaudit.services import Workspace

                try:
                    opened = Workspace.open(workspace.path, read_only=True)
                except errors.expected_types() as exc:
                    self._open_failed(workspace.path, exc)
                    return
                self._adopt_checked(opened, department, confirmed=True)  # (asked before)
            else:
                self.openFailed.emit()

        ask_other_writer(workspace.path.name, holder, self, chosen)
        return True

    def adopt(self, workspace: object, department: str | None = None) -> WorkspaceSession:
        """Show an open ``Workspace`` (the window owns it from now on)."""
        from ipaudit.services import Workspace

        assert isinstance(workspace, Workspace)
        self.close_workspace()
        from ipaudit.ui.session import WorkspaceSession

        session = WorkspaceSession(workspace, department=department, parent=self)
        self.session = session
        if not workspace.read_only:  # others opening the same file are warned while it is open
            from ipaudit.ui.team.presence import PresenceKeeper

            keeper = PresenceKeeper(session)
            keeper.otherWriter.connect(self._note_other_writer)
        page = WorkspacePage(session)
        self.page = page
        self.navigator_dock.setWidget(page.navigator)
        title = getattr(page.navigator, "title", None)  # a panel, loaded by name (panels.py)
        if title is not None:
            title.hide()  # the dock's own title says it already
        self.findings_dock.setWidget(page.findings)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.drop_stored_readiness()
        # the docks as they were when a workspace was last shown (hidden ones stay hidden)
        if self._dock_state.isEmpty() or not self.restoreState(self._dock_state):
            self.navigator_dock.show()
            self.findings_dock.show()
            self.resizeDocks(
                [self.findings_dock], [page.findings.sizeHint().height()], Qt.Orientation.Vertical
            )
        if not self.settings.splitter_state.isEmpty():
            page.splitter.restoreState(self.settings.splitter_state)
        else:
            page.splitter.setSizes([620, 480])
        self.setTabOrder(page.navigator, page.checklist)
        self.setTabOrder(page.checklist, page.findings)  # the item panel goes between when built

        self.acts.undo_group.addStack(session.undo_stack)
        self.acts.undo_group.setActiveStack(session.undo_stack)
        session.assessed.connect(self._on_assessed)
        session.failed.connect(
            errors.on_task_failed(self, lambda: self.tr("The checks could not run."))
        )
        session.edited.connect(self._on_edited)
        page.departmentShown.connect(self.menus.check_department)
        page.infoRequested.connect(lambda: self.run_tool("workspace_info"))
        count = getattr(page.findings, "countChanged", None)
        count_label = getattr(page.findings, "count_label", None)
        if count is not None and count_label is not None:
            count.connect(self.findings_dock.set_subtitle)
            self.findings_dock.set_subtitle(count_label.text())

        self.settings.add_recent(workspace.path)
        team = workspace.is_server
        if department is None and not team:  # (a team workspace asks for its password)
            self.settings.last_workspace = workspace.path
        if team:  # others' changes as they come, the connection and who is connected
            from ipaudit.ui.team.live import attach

            attach(self, session)
        deps = session.departments()
        if deps:
            page.show_department(deps[0].key)
        if workspace.backup_written is not None:
            self.statusBar().showMessage(
                self.tr("The workspace was upgraded; the original is kept as %1").replace(
                    "%1", str(workspace.backup_written)
                ),
                15_000,
            )
        self._checking = True
        if self.isVisible():
            # the checks start once the workspace is on screen: their worker (which loads polars
            # for the ledgers) would otherwise compete with building and painting the views; a
            # window that does not paint (minimised) starts them a moment later all the same
            pending = [session]

            def start_checks() -> None:
                if pending and self.session is pending.pop():
                    page.build_item_panel()
                    session.assess_now()

            self.call_after_next_paint(start_checks)
            QTimer.singleShot(CHECKS_LATEST_MS, self, start_checks)
        else:
            page.build_item_panel()
            session.assess_now()
        self._update_actions()
        self.retranslate_ui()
        log.info(
            "opened %s%s%s",
            workspace.path,
            f" for {department}" if department else "",
            f" read-only ({workspace.read_only})" if workspace.read_only else "",
        )
        self.workspaceOpened.emit(session)
        return session

    def close_workspace(self) -> None:
        session, page = self.session, self.page
        if session is None or page is None:
            return
        self._dock_state = self.saveState()
        self.settings.window_state = self._dock_state
        self.settings.splitter_state = page.splitter.saveState()
        self.acts.undo_group.removeStack(session.undo_stack)
        for signal, slot in (
            (session.assessed, self._on_assessed),
            (session.edited, self._on_edited),
        ):
            signal.disconnect(slot)
        self.session = None
        self.page = None
        for dock in (self.navigator_dock, self.findings_dock):
            widget = dock.widget()
            dock.hide()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.stack.removeWidget(page)
        page.setParent(None)
        page.deleteLater()
        self.stack.setCurrentWidget(self.welcome)
        session.close()
        session.deleteLater()
        self.readiness_label.clear()
        self.findings_dock.set_subtitle("")
        self.welcome.refresh()
        self._update_actions()
        self.retranslate_ui()
        log.info("closed %s", session.workspace.path)
        self.workspaceClosed.emit()

    def open_demo(self) -> workers.Task | None:
        """Open the demo workspace, building it first (in the background) if it is not there."""
        path = paths.demo_path()
        if path.exists():
            self.open_path(path)
            return None
        if self._demo_task is not None:
            return self._demo_task
        from ipaudit.demo.build import build_demo

        task = workers.Task(
            lambda ctx: build_demo(path, progress=ctx.progress, audit_day=True), "build demo"
        )
        self._demo_task = task
        TaskProgressDialog(
            task,
            self.tr("Preparing the demo workspace (first start only)…"),
            self,
            title=self.tr("Demo"),
            minimum_ms=0,
            cancellable=False,
        )
        task.finished.connect(lambda built: self._demo_built(Path(built)))
        task.failed.connect(lambda _e: setattr(self, "_demo_task", None))
        errors.watch(task, self, lambda: self.tr("The demo workspace could not be prepared."))
        workers.start(task)
        return task

    def _demo_built(self, path: Path) -> None:
        self._demo_task = None
        self.open_path(path)

    def open_for_department(
        self, path: Path | str | None = None, department: str | None = None
    ) -> bool:
        """Open a workspace showing one department only (the facts read-only)."""
        if path is None:
            if self.session is not None:
                path = self.session.workspace.path
            else:
                chosen, _f = QFileDialog.getOpenFileName(
                    self,
                    self.tr("Open a workspace for one department"),
                    "",
                    self.tr("ipaudit workspaces (%1);;All files (*)").replace(
                        "%1", FILE_FILTER_SUFFIX
                    ),
                )
                if not chosen:
                    return False
                path = chosen
        # (from a department view, another department needs the manager: see _adopt_checked)
        return self._open_other_department(path, department)

    def _open_other_department(self, path: Path | str, department: str | None) -> bool:
        if department is None:
            from ipaudit.services import Workspace

            try:
                with Workspace.open(path) as ws:
                    deps = ws.departments(active_only=True)
            except errors.expected_types() as exc:
                errors.show_error(exc, self, lambda: self.tr("The workspace could not be opened."))
                return False
            names = [i18n.text(d.name) for d in deps]
            choice, ok = QInputDialog.getItem(
                self,
                self.tr("Open for one department"),
                self.tr("Department:"),
                names,
                0,
                False,
            )
            if not ok:
                return False
            department = deps[names.index(choice)].key
        return self.open_path(path, department)

    def open_whole(self) -> bool:
        """Widen a department view to the whole workspace: the compliance manager confirms
        first (the manager passphrase, when one is set); True when the confirmation is asked."""
        session = self.session
        if session is None:
            return False
        path = session.workspace.path
        if session.workspace.is_server:
            return self._open_team_whole(session.workspace.server_url)
        return self.open_path(path)  # the manager confirms before it is shown (_adopt_checked)

    def _open_team_whole(self, url: str) -> bool:
        """A team workspace shown whole: the server still allows the login only its rights."""
        from ipaudit.services import Workspace

        try:
            workspace = Workspace.open(url)
        except errors.expected_types() as exc:
            errors.show_error(exc, self, lambda: self.tr("The workspace could not be opened."))
            return False
        return self._adopt_checked(workspace, None)

    def open_team(self, address: str = "") -> QWidget:
        """File → Open a team workspace…: the connection dialog (``address``: a recent entry's,
        without its password); the workspace it opens is shown here."""
        from ipaudit.ui.team.open_dialog import OpenTeamDialog

        dialog = OpenTeamDialog(self, address)
        dialog.opened.connect(lambda ws, dep: self._adopt_checked(ws, dep))
        dialog.open()
        return dialog

    def push_to_team(self) -> QWidget | None:
        """File → Put on a team server…: the open workspace file copied to a server (a whole
        file workspace only); the team workspace made may be opened here afterwards."""
        session = self.session
        if session is None or session.department_only or session.workspace.is_server:
            return None
        from ipaudit.ui.team.push_dialog import PushTeamDialog

        dialog = PushTeamDialog(session.workspace.path, self)
        dialog.opened.connect(lambda ws, dep: self._adopt_checked(ws, dep))
        dialog.open()
        return dialog

    def set_manager_passphrase(self) -> QWidget | None:
        """File → Manager passphrase… (the whole workspace only)."""
        if self.session is None or self.session.read_only_facts:
            return None
        from ipaudit.ui.team.widen import ManagerPassphraseDialog

        dialog = ManagerPassphraseDialog(self.session.workspace, self)
        dialog.open()
        return dialog

    def _note_other_writer(self, holder: object) -> None:
        from ipaudit.services.presence import holder_text

        text = holder_text(holder).get(i18n.language())  # type: ignore[arg-type]
        self.statusBar().showMessage(
            self.tr("Warning: this workspace is now also open for writing by %1.").replace(
                "%1", text
            ),
            60_000,
        )

    def new_workspace(self) -> None:
        from ipaudit.ui.new_workspace_wizard import NewWorkspaceWizard

        wizard = NewWorkspaceWizard(self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(result: int) -> None:
            if result and wizard.workspace is not None:
                self.adopt(wizard.workspace)

        wizard.finished.connect(done)
        wizard.open()

    def save_all(self) -> None:
        """Ctrl+S: every edit is saved already; say so, and fold the write-ahead log into the
        workspace file."""
        if self.session is None:
            return
        try:
            self.session.workspace.checkpoint()
        except errors.expected_types() as exc:
            errors.show_error(exc, self, lambda: self.tr("The workspace could not be written."))
            return
        self.statusBar().showMessage(
            self.tr("All changes are saved (every edit is saved as you make it)."), 8_000
        )

    def save_copy_as(self, target: Path | str | None = None) -> workers.Task | None:
        """Write a consistent copy of the workspace (in the background)."""
        if self.session is None:
            return None
        ws = self.session.workspace
        if target is None:
            suggestion = ws.path.with_name(f"{ws.path.stem}-copy{ws.path.suffix}")
            chosen, _f = QFileDialog.getSaveFileName(
                self,
                self.tr("Save a copy as"),
                str(suggestion),
                self.tr("ipaudit workspaces (%1)").replace("%1", FILE_FILTER_SUFFIX),
            )
            if not chosen:
                return None
            target = chosen
        chosen_target = target  # the service adds .ipaudit when it is missing
        task = workers.Task(lambda _ctx: ws.save_copy(chosen_target), "save copy")
        TaskProgressDialog(task, self.tr("Saving a copy…"), self, cancellable=False)
        task.finished.connect(
            lambda saved: self.statusBar().showMessage(
                self.tr("Saved a copy as %1").replace("%1", str(saved)), 10_000
            )
        )
        errors.watch(task, self, lambda: self.tr("The copy could not be saved."))
        workers.start(task)
        return task

    def export_checklist(self, target: Path | str | None = None) -> workers.Task | None:
        """Write the workspace's own checklist copy (YAML) to a file, in the background."""
        if self.session is None:
            return None
        ws = self.session.workspace
        if target is None:
            chosen, _f = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the checklist"),
                str(ws.path.with_name(f"{ws.path.stem}-checklist.yaml")),
                self.tr("Checklists (*.yaml *.yml)"),
            )
            if not chosen:
                return None
            target = chosen
        from ipaudit.services.templates import export_template

        dest = Path(target)
        task = workers.Task(lambda _ctx: export_template(ws, dest), "export checklist")
        task.finished.connect(
            lambda written: self.statusBar().showMessage(
                self.tr("Checklist written to %1").replace("%1", str(written)), 10_000
            )
        )
        errors.watch(task, self, lambda: self.tr("The checklist could not be exported."))
        workers.start(task)
        return task

    def import_checklist(self, source: Path | str | None = None) -> workers.Task | None:
        """Replace the workspace's checklist with a corrected file (validated first, nothing
        changes when it has problems); the workspace then opens again on the new checklist."""
        session = self.session
        if session is None or session.read_only_facts:
            return None
        ws = session.workspace
        if source is None:
            chosen, _f = QFileDialog.getOpenFileName(
                self,
                self.tr("Import a corrected checklist"),
                str(ws.path.parent),
                self.tr("Checklists (*.yaml *.yml)"),
            )
            if not chosen:
                return None
            source = chosen
        from ipaudit.services.templates import import_template

        path, department = Path(source), session.department_only
        task = workers.Task(lambda _ctx: import_template(ws, path), "import checklist")
        task.finished.connect(lambda _template: self.open_path(ws.path, department))
        errors.watch(task, self, lambda: self.tr("The checklist was not imported."))
        workers.start(task)
        return task

    # --- navigation --------------------------------------------------------------------------

    def show_department(self, key: str) -> None:
        if self.page is not None:
            self.page.show_department(key)

    def show_item(self, department: str, item: str) -> None:
        if self.page is not None:
            self.page.show_item(department, item)

    def set_view(self, index: int) -> None:
        if self.page is not None:
            self.page.set_view(index)

    def focus_search(self) -> None:
        if self.page is not None:
            self.page.focus_search()

    def rerun_checks(self) -> None:
        if self.session is not None:
            self._checking = True
            self._update_readiness()
            self.session.assess_now()

    def _rebuild_departments_menu(self) -> None:
        if self.session is None:
            self.menus.set_departments([])
            return
        self.menus.set_departments([(d.key, i18n.text(d.name)) for d in self.session.departments()])
        if self.page is not None:
            self.menus.check_department(self.page.department)

    def _on_edited(self, item_key: str) -> None:
        if not item_key:  # workspace-wide edits may rename departments
            self._rebuild_departments_menu()
            self._update_title()

    def _on_assessed(self, assessment: object) -> None:
        self._checking = False
        self._update_readiness()

    def _update_readiness(self) -> None:
        session = self.session
        if session is None:
            return
        if self._checking or session.assessment is None:
            self.readiness_label.setText(self.tr("Checking…"))
            return
        a = session.assessment
        readiness = a.overall
        if session.department_only:
            readiness = a.departments.get(session.department_only, readiness)
        self.readiness_label.setText(
            self.tr("Readiness %1% · %n blocking finding(s)", "", readiness.blocking).replace(
                "%1", f"{readiness.percent:.0f}"
            )
        )

    # --- tools -------------------------------------------------------------------------------

    def _update_tool_actions(self) -> None:
        a = self.acts
        for key, action in (
            ("ledger_import", a.import_ledger),
            ("export", a.export_pack),
            ("reconciliation", a.reconciliation),
            ("verify", a.verify_pack),
        ):
            needs_workspace = key != "verify"
            whole = self.session is not None and not self.session.department_only
            # a department head's or read-only login in the whole team workspace
            barred = whole and key != "reconciliation" and not self._manager_rights()
            action.setEnabled((whole and not barred) or not needs_workspace)
            if needs_workspace and not whole:
                action.setToolTip(self.tr("Open a whole workspace first"))
            elif needs_workspace and barred:
                action.setToolTip(self.tr("Only the compliance manager's login can do this"))
            else:
                action.setToolTip(action.text().replace("&", "").rstrip("…"))
        for action in (*a.audit_views.values(), a.export_packet, a.import_packet):
            action.setEnabled(self.session is not None)
        if "next_cycle" in a.audit_views:
            a.audit_views["next_cycle"].setEnabled(self._manager_rights())

    def _manager_rights(self) -> bool:
        """The open session's login may do what only the compliance manager does."""
        return self.session is not None and self.session.manager_rights

    def run_tool(self, key: str) -> QWidget | None:
        cls = panels.load(panels.TOOLS[key])
        if key == "open_team":  # no session yet: it opens one
            return self.open_team()
        if key == "verify":
            dialog: QWidget = cls(self)
        elif self.session is None:
            return None
        elif key == "reconciliation" and self.page is not None:
            existing = self.page.extra_view(key)
            if existing is not None:
                return self.page.add_view(key, existing, "")
            view = cls(self.session, self.page)
            self.page.add_view(key, view, self.tr("Reconciliation"))
            return view
        else:
            dialog = cls(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if hasattr(dialog, "open"):
            dialog.open()
        else:
            dialog.show()
        return dialog

    def show_audit_view(self, key: str) -> QWidget | None:
        """The Audit menu's view ``key`` (``panels.AUDIT_VIEWS``) as a tab of the workspace page,
        built the first time it is asked for."""
        if self.page is None or self.session is None:
            return None
        title = short_text(self.acts.audit_views[key].text())
        existing = self.page.extra_view(key)
        if existing is not None:
            return self.page.add_view(key, existing, title)
        view = panels.load(panels.AUDIT_VIEWS[key])(self.session, self.page)
        return self.page.add_view(key, view, title)

    def import_ledger_files(self, paths: list[Path]) -> QWidget | None:
        """The ledger import wizard with ``paths`` filled in (files dropped on the
        reconciliation view)."""
        wizard = self.run_tool("ledger_import")
        if wizard is not None and hasattr(wizard, "set_files"):
            wizard.set_files([str(p) for p in paths])
        return wizard

    # --- drops -------------------------------------------------------------------------------

    def _drop_kind(self, event: QDropEvent) -> str:
        """ "open" for one workspace file, "ledger" for ledger files over the reconciliation
        view, "" for anything else."""
        from ipaudit.ui.checklist.drops import dropped_files

        files = dropped_files(event.mimeData())
        if len(files) == 1 and files[0].suffix.lower() == ".ipaudit":
            return "open"
        view = self.page.extra_view("reconciliation") if self.page is not None else None
        if (
            files
            and view is not None
            and view.isVisible()
            and not (self.session and self.session.department_only)
            and all(f.suffix.lower() in LEDGER_SUFFIXES for f in files)
            and view.rect().contains(view.mapFrom(self, event.position().toPoint()))
        ):
            return "ledger"
        return ""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._drop_kind(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._drop_kind(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        from ipaudit.ui.checklist.drops import dropped_files

        kind = self._drop_kind(event)
        if not kind:
            event.ignore()
            return
        event.acceptProposedAction()
        files = dropped_files(event.mimeData())
        if kind == "open":
            QTimer.singleShot(0, lambda: self.open_later(files[0]))
        else:
            QTimer.singleShot(0, lambda: self.import_ledger_files(files))

    # --- dialogs -----------------------------------------------------------------------------

    def show_preferences(self) -> QWidget:
        from ipaudit.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_departments(self) -> QWidget | None:
        """Departments → Edit departments… (the whole workspace only)."""
        if self.session is None or self.session.department_only:
            return None
        from ipaudit.ui.departments_dialog import DepartmentsDialog

        dialog = DepartmentsDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_guide(self) -> QWidget:
        from ipaudit.ui.help_dialog import HelpDialog

        dialog = HelpDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self) -> None:
        from ipaudit import __version__

        QMessageBox.about(
            self,
            self.tr("About ipaudit"),
            self.tr(
                "<b>ipaudit %1</b><p>Readiness for the GB/T 29490 IP management certification"
                " audit.</p>"
            ).replace("%1", __version__),
        )

    def note_missing_last(self, path: str) -> None:
        self.statusBar().showMessage(
            self.tr("The last workspace %1 was not found.").replace("%1", path), 15_000
        )

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self.welcome.refresh()

    # --- state -------------------------------------------------------------------------------

    def _update_actions(self) -> None:
        """Enable what needs an open workspace; ``retranslate_ui``, which every caller runs next,
        updates the tool actions, the departments menu and the title."""
        has = self.session is not None
        for action in self.acts.workspace_actions():
            action.setEnabled(has)
        self.acts.open_whole.setVisible(has and bool(self.session and self.session.department_only))
        self.acts.import_checklist.setEnabled(self._manager_rights())
        self.acts.manager_passphrase.setEnabled(
            has and not (self.session and self.session.read_only_facts)
        )
        self.acts.edit_departments.setEnabled(
            has and not (self.session and self.session.read_only_facts)
        )
        self.acts.push_team.setEnabled(  # a whole workspace file, not a team one
            self.session is not None
            and not self.session.department_only
            and not self.session.workspace.is_server
        )
        for dock in (self.navigator_dock, self.findings_dock):
            dock.toggleViewAction().setEnabled(has)

    def _update_title(self) -> None:
        session = self.session
        if session is None:
            self.setWindowTitle(self.tr("ipaudit"))
            self.mode_label.clear()
            self.cycle_label.clear()
            return
        from ipaudit.domain.cycle import AUDIT_TYPE_TEXT

        info = session.workspace.info()
        audit = f"{i18n.text(AUDIT_TYPE_TEXT[info.audit_type])} {info.audit_start.isoformat()}"
        cycle = (
            self.tr("%1 · period %2 – %3")
            .replace("%1", audit)
            .replace("%2", info.period_start.isoformat())
            .replace("%3", info.period_end.isoformat())
        )
        self.cycle_label.setText(f'<a href="info">{escape(cycle)}</a>')
        self.cycle_label.setToolTip(self.acts.workspace_info.toolTip())
        parts = [info.company, audit, session.workspace.path.name]
        if session.department_name is not None:
            name = i18n.text(session.department_name)
            parts.insert(0, name)
            self.mode_label.setText(
                self.tr("Department view: %1 (facts read-only)").replace("%1", name)
            )
        else:
            self.mode_label.clear()
        if session.read_only:
            parts.insert(0, self.tr("read-only"))
            self.mode_label.setText(
                self.tr("Read-only: your login may read this team workspace, not change it")
                if session.workspace.is_server
                else self.tr("Read-only: copy the workspace somewhere writable to edit it")
            )
        self.setWindowTitle(" — ".join([*parts, "ipaudit"]))

    def retranslate_ui(self) -> None:
        self.acts.retranslate()
        self.menus.retranslate()
        self.navigator_dock.setWindowTitle(self.tr("Departments"))
        self.findings_dock.setWindowTitle(self.tr("Findings"))
        if self.page is not None and self.page.extra_view("reconciliation") is not None:
            self.page.set_extra_title("reconciliation", self.tr("Reconciliation"))
        if self.page is not None:
            for key, action in self.acts.audit_views.items():
                if self.page.extra_view(key) is not None:
                    self.page.set_extra_title(key, short_text(action.text()))
        self._rebuild_departments_menu()
        self._update_readiness()
        self._update_title()
        self._update_tool_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- painting and closing ----------------------------------------------------------------

    def call_after_next_paint(self, callback: Callable[[], object], *, first: bool = False) -> None:
        """Run ``callback`` once the window has painted next (start-up timing, smoke runs);
        ``first``: before the callbacks already waiting (a timing taken at the paint itself)."""
        if first:
            self._after_paint.insert(0, callback)
        else:
            self._after_paint.append(callback)
        self.update()

    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if event.type() == QEvent.Type.Paint and self._after_paint:
            callbacks, self._after_paint = self._after_paint, []
            for cb in callbacks:
                QTimer.singleShot(0, cb)
        return result

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session is not None and self.page is not None:
            self._dock_state = self.saveState()
            self.settings.splitter_state = self.page.splitter.saveState()
        if not self._dock_state.isEmpty():
            self.settings.window_state = self._dock_state
        self.settings.geometry = self.saveGeometry()
        self.close_workspace()
        self.settings.sync()
        event.accept()


def _is_server_address(path: object) -> bool:
    from ipaudit.store.address import is_server_address

    return is_server_address(path)


def _needs_upgrade(path: Path) -> bool:
    """Whether ``path`` is an ipaudit workspace of an older format (a quick read-only look; any
    trouble is left to the real opening, which reports it properly)."""
    from ipaudit.store.version import needs_upgrade

    return needs_upgrade(path)


def find_main_window() -> MainWindow | None:
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            return widget
    return None
