"""The main window's actions: texts, shortcuts, icons and tool tips in one place.

Undo and redo follow the active undo stack through a ``QUndoGroup``; their text says what will be
undone ("Undo Answer “headcount”"). They are our own actions rather than
``QUndoGroup.createUndoAction`` so that their prefix follows a language switch too.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup

from ipaudit.ui import icons


def short_text(text: str) -> str:
    """A menu text as a tool button shows it: no mnemonic ("(&F)" or "&"), no trailing "…"."""
    text = re.sub(r"\s*\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip("…").rstrip(".").strip()


class MainActions(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)

        def make(name: str, icon: str = "", shortcut: QKeySequence | str | None = None) -> QAction:
            action = QAction(parent)
            action.setObjectName(name)
            if icon:
                action.setIcon(icons.icon(icon))
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            return action

        std = QKeySequence.StandardKey
        # File
        self.new = make("actionNew", "new", QKeySequence(std.New))
        self.open = make("actionOpen", "open", QKeySequence(std.Open))
        self.open_department = make("actionOpenDepartment", "department")
        self.open_whole = make("actionOpenWhole")
        self.manager_passphrase = make("actionManagerPassphrase")
        self.open_demo = make("actionOpenDemo", "demo")
        self.clear_recent = make("actionClearRecent")
        self.save = make("actionSave", shortcut=QKeySequence(std.Save))
        self.save_copy = make("actionSaveCopy", "save-copy", "Ctrl+Shift+S")
        self.workspace_info = make("actionWorkspaceInfo", shortcut="Ctrl+I")
        self.export_checklist = make("actionExportChecklist")
        self.import_checklist = make("actionImportChecklist")
        self.import_ledger = make("actionImportLedger", "import")
        self.export_pack = make("actionExportPack", "export", "Ctrl+E")
        self.close = make("actionClose", shortcut=QKeySequence(std.Close))
        self.quit = make("actionQuit", shortcut="Ctrl+Q")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        # Edit
        self.undo_group = QUndoGroup(self)
        self.undo = make("actionUndo", "undo", QKeySequence(std.Undo))
        self.redo = make("actionRedo", "redo")
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.find = make("actionFind", shortcut=QKeySequence(std.Find))
        self.preferences = make("actionPreferences", shortcut=QKeySequence(std.Preferences))
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        # View
        self.view_checklist = make("actionViewChecklist", "checklist", "Alt+1")
        self.view_facts = make("actionViewFacts", "facts", "Alt+2")
        self.view_dashboard = make("actionViewDashboard", "dashboard", "Alt+3")
        self.rerun_checks = make("actionRerunChecks", "refresh", QKeySequence(std.Refresh))
        if self.rerun_checks.shortcut().isEmpty():
            self.rerun_checks.setShortcut(QKeySequence("F5"))
        # Departments
        self.edit_departments = make("actionEditDepartments", "department")
        # Audit: the audit day and the cycle around it (ipaudit.ui.panels.AUDIT_VIEWS)
        self.audit_views: dict[str, QAction] = {
            key: make(name)
            for key, name in (
                ("plan", "actionAuditPlan"),
                ("rehearsal", "actionRehearsal"),
                ("requests", "actionRequestList"),
                ("mock_audit", "actionMockAudit"),
                ("actions", "actionCorrectiveActions"),
                ("apply", "actionReadyToApply"),
                ("next_cycle", "actionNextCycle"),
            )
        }
        # Team work: a workspace on a server, department packets
        self.open_team = make("actionOpenTeam")
        self.push_team = make("actionPushTeam")
        self.export_packet = make("actionExportPacket")
        self.import_packet = make("actionImportPacket")
        # Tools, Help
        self.reconciliation = make("actionReconciliation")
        self.verify_pack = make("actionVerifyPack")
        self.guide = make("actionGuide", "help", QKeySequence(std.HelpContents))
        if self.guide.shortcut().isEmpty():
            self.guide.setShortcut(QKeySequence("F1"))
        self.about = make("actionAbout")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

        for action in (self.undo, self.redo):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.undo.triggered.connect(self.undo_group.undo)
        self.redo.triggered.connect(self.undo_group.redo)
        self.undo_group.canUndoChanged.connect(self.undo.setEnabled)
        self.undo_group.canRedoChanged.connect(self.redo.setEnabled)
        self.undo_group.undoTextChanged.connect(lambda _t: self._undo_texts())
        self.undo_group.redoTextChanged.connect(lambda _t: self._undo_texts())
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        self.retranslate()

    def workspace_actions(self) -> list[QAction]:
        """Actions that need an open workspace."""
        return [
            self.save,
            self.save_copy,
            self.workspace_info,
            self.export_checklist,
            self.import_checklist,
            self.close,
            self.find,
            self.view_checklist,
            self.view_facts,
            self.view_dashboard,
            self.rerun_checks,
            self.open_whole,
            self.manager_passphrase,
            self.edit_departments,
        ]

    def _undo_texts(self) -> None:
        undo, redo = self.undo_group.undoText(), self.undo_group.redoText()
        self.undo.setText(self.tr("&Undo %1").replace("%1", undo) if undo else self.tr("&Undo"))
        self.redo.setText(self.tr("&Redo %1").replace("%1", redo) if redo else self.tr("&Redo"))
        # the tool bar shows the short word; the tool tip says what will be undone
        self.undo.setIconText(short_text(self.tr("&Undo")))
        self.redo.setIconText(short_text(self.tr("&Redo")))
        self.undo.setToolTip(short_text(self.undo.text()))
        self.redo.setToolTip(short_text(self.redo.text()))

    def retranslate(self) -> None:
        self.new.setText(self.tr("&New workspace…"))
        self.new.setToolTip(self.tr("Create a workspace for one audit cycle"))
        self.open.setText(self.tr("&Open…"))
        self.open.setToolTip(self.tr("Open a workspace file (.ipaudit)"))
        self.open_department.setText(self.tr("Open for one &department…"))
        self.open_department.setToolTip(
            self.tr("Show only one department's checklist, with the facts read-only")
        )
        self.open_whole.setText(self.tr("Open the &whole workspace"))
        self.open_whole.setToolTip(self.tr("The compliance manager confirms first"))
        self.manager_passphrase.setText(self.tr("&Manager passphrase…"))
        self.manager_passphrase.setToolTip(
            self.tr("What a department view asks before it shows the whole workspace")
        )
        self.open_demo.setText(self.tr("Open the de&mo"))
        self.open_demo.setToolTip(self.tr("A fictional company to try everything on"))
        self.clear_recent.setText(self.tr("Clear the list"))
        self.save.setText(self.tr("&Save"))
        self.save.setToolTip(self.tr("Every edit is saved as you make it; this confirms it"))
        self.save_copy.setText(self.tr("Save a &copy as…"))
        self.save_copy.setToolTip(
            self.tr("Edits are saved as you make them; this writes a copy of the workspace")
        )
        self.workspace_info.setText(self.tr("Workspace &information…"))
        self.workspace_info.setToolTip(
            self.tr("Company, audit type, audit dates and period, certificate and last audit")
        )
        self.export_checklist.setText(self.tr("Export the chec&klist…"))
        self.export_checklist.setToolTip(
            self.tr("Write the workspace's own checklist copy to a YAML file to correct it")
        )
        self.import_checklist.setText(self.tr("Import a corrected checklis&t…"))
        self.import_checklist.setToolTip(
            self.tr("Replace the workspace's checklist with a corrected YAML file, checked first")
        )
        self.import_ledger.setText(self.tr("&Import a ledger…"))
        self.import_ledger.setIconText(self.tr("Import ledger"))
        self.export_pack.setText(self.tr("&Export the readiness pack…"))
        self.export_pack.setIconText(self.tr("Export"))
        self.close.setText(self.tr("C&lose workspace"))
        self.quit.setText(self.tr("&Quit"))
        self._undo_texts()
        self.find.setText(self.tr("&Find in checklist"))
        self.preferences.setText(self.tr("&Preferences…"))
        self.view_checklist.setText(self.tr("&Checklist"))
        self.view_facts.setText(self.tr("&Facts"))
        self.view_dashboard.setText(self.tr("&Dashboard"))
        self.rerun_checks.setText(self.tr("&Re-run the checks"))
        self.edit_departments.setText(self.tr("&Edit departments…"))
        self.edit_departments.setToolTip(
            self.tr("Add, rename, merge or mark absent the departments of the workspace")
        )
        views = self.audit_views
        views["plan"].setText(self.tr("Audit-day &plan"))
        views["plan"].setToolTip(self.tr("Auditors, rooms, escorts and the schedule of the day"))
        views["rehearsal"].setText(self.tr("Interview &rehearsal"))
        views["rehearsal"].setToolTip(
            self.tr("Each department answers the auditor's questions; the app compares")
        )
        views["requests"].setText(self.tr("Auditor's re&quest list"))
        views["requests"].setToolTip(self.tr("Import the documents the auditor asks for"))
        views["mock_audit"].setText(self.tr("&Mock audit"))
        views["mock_audit"].setToolTip(self.tr("Draw samples as an auditor does and grade them"))
        views["actions"].setText(self.tr("&Corrective actions"))
        views["actions"].setToolTip(self.tr("Every nonconformity followed to its closure"))
        views["apply"].setText(self.tr("Ready to &apply"))
        views["apply"].setToolTip(
            self.tr("The certification body's application conditions and materials")
        )
        views["next_cycle"].setText(self.tr("Start the &next cycle…"))
        views["next_cycle"].setToolTip(
            self.tr("Begin next year's surveillance or re-certification from this workspace")
        )
        self.open_team.setText(self.tr("Open a &team workspace…"))
        self.open_team.setToolTip(self.tr("Connect to a workspace on a PostgreSQL server"))
        self.push_team.setText(self.tr("Put on a team ser&ver…"))
        self.push_team.setToolTip(
            self.tr("Copy this workspace file into an empty database on a PostgreSQL server")
        )
        self.export_packet.setText(self.tr("Export a department &packet…"))
        self.export_packet.setToolTip(
            self.tr("One department's checklist as a workbook to fill in Excel or WPS")
        )
        self.import_packet.setText(self.tr("Import a department pac&ket…"))
        self.import_packet.setToolTip(self.tr("Preview and apply a filled-in department packet"))
        self.reconciliation.setText(self.tr("Ledger &reconciliation"))
        self.verify_pack.setText(self.tr("&Verify a readiness pack…"))
        self.guide.setText(self.tr("&Guide"))
        self.guide.setToolTip(self.tr("How an audit goes and how to use each view"))
        self.about.setText(self.tr("&About ipaudit"))
        for action in (self.new, self.open, self.save_copy, self.rerun_checks, self.open_demo):
            action.setIconText(short_text(action.text()))
