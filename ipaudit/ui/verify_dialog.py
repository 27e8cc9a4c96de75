"""Verify a pack later (VerifyDialog): re-hash it in a worker and list what differs — modified,
missing, extra and damaged files — and, when a workspace is given, whether the pack's manifest is
one that workspace exported (its export history), which catches a pack whose files, manifest and
checksum list were all rewritten.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipaudit.services.exports import VerifyResult, verify_pack
from ipaudit.ui import workers
from ipaudit.ui.progress import wire_task


def _open_workspace_path(parent: QWidget | None) -> str:
    """The workspace open in the main window that opened the dialog, if any."""
    session = getattr(parent, "session", None)
    workspace = getattr(session, "workspace", None)
    path = getattr(workspace, "path", None)
    return str(path) if path else ""


class VerifyDialog(QDialog):
    """Pick a pack (folder or zip), re-hash it in a worker, list what differs."""

    #: the pack was checked (``VerifyResult``)
    verified = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        pack: Path | str | None = None,
        workspace: Path | str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.task: workers.Task | None = None
        self.verify_result: VerifyResult | None = None
        self.pack = QLineEdit(str(pack) if pack else "")
        self.pack.setObjectName("verifyPack")
        self.pick_folder = QPushButton()
        self.pick_zip = QPushButton()
        self.pick_folder.clicked.connect(self.choose_folder)
        self.pick_zip.clicked.connect(self.choose_zip)
        row = QHBoxLayout()
        row.addWidget(self.pack, 1)
        row.addWidget(self.pick_folder)
        row.addWidget(self.pick_zip)
        self.pack_label = QLabel()
        self.pack_label.setBuddy(self.pack)

        ws_path = str(workspace) if workspace else _open_workspace_path(parent)
        self.use_history = QCheckBox()
        self.use_history.setObjectName("verifyUseHistory")
        self.use_history.setChecked(bool(ws_path))
        self.workspace = QLineEdit(ws_path)
        self.workspace.setObjectName("verifyWorkspace")
        self.pick_workspace = QPushButton()
        self.pick_workspace.clicked.connect(self.choose_workspace)
        self.use_history.toggled.connect(self._history_toggled)
        ws_row = QHBoxLayout()
        ws_row.addWidget(self.workspace, 1)
        ws_row.addWidget(self.pick_workspace)

        form = QFormLayout()
        form.addRow(self.pack_label, row)
        form.addRow(self.use_history)
        form.addRow("", ws_row)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.summary = QLabel()
        self.summary.setObjectName("verifySummary")
        self.summary.setWordWrap(True)
        self.history_note = QLabel()
        self.history_note.setObjectName("verifyHistory")
        self.history_note.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("verifyTree")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)

        self.buttons = QDialogButtonBox()
        self.verify_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setDefault(True)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setVisible(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.verify_button.clicked.connect(self.start_verify)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.history_note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.resize(680, 480)
        self._history_toggled(self.use_history.isChecked())
        self.retranslate_ui()

    def _history_toggled(self, on: bool) -> None:
        self.workspace.setEnabled(on and self.task is None)
        self.pick_workspace.setEnabled(on and self.task is None)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Pack folder"), self.pack.text())
        if folder:
            self.pack.setText(folder)

    def choose_zip(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Pack zip file"), self.pack.text(), self.tr("Zip files (*.zip)")
        )
        if path:
            self.pack.setText(path)

    def choose_workspace(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Workspace the pack was exported from"),
            self.workspace.text(),
            self.tr("Workspaces (*.ipaudit)"),
        )
        if path:
            self.workspace.setText(path)

    def start_verify(self) -> workers.Task | None:
        if self.task is not None:
            return self.task
        text = self.pack.text().strip()
        if not text:
            self.summary.setText(self.tr("Choose a pack folder or zip file."))
            return None
        ws_text = self.workspace.text().strip() if self.use_history.isChecked() else ""
        if self.use_history.isChecked() and not ws_text:
            self.summary.setText(self.tr("Choose the workspace the pack was exported from."))
            return None
        self.tree.clear()
        self.history_note.clear()
        self.verify_result = None
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.summary.setText(self.tr("Checking…"))
        path = Path(text)

        def work(ctx: workers.TaskContext) -> VerifyResult:
            return verify_pack(path, ws_text or None, progress=ctx.progress, cancel=ctx.cancelled)

        task = wire_task(
            workers.Task(work, "verify pack"),
            self,
            lambda: self.tr("The pack could not be checked."),
        )
        self.task = task
        self.verify_button.setEnabled(False)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self._history_toggled(self.use_history.isChecked())
        self.use_history.setEnabled(False)
        workers.start(task)
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)

    def _done(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.verify_button.setEnabled(True)
        self.cancel_button.setVisible(False)
        self.use_history.setEnabled(True)
        self._history_toggled(self.use_history.isChecked())

    def _on_finished(self, result: VerifyResult) -> None:
        self.verify_result = result
        self._done()
        self._show(result)
        self.verified.emit(result)

    def _show(self, result: VerifyResult) -> None:
        self.tree.clear()
        pack_name = Path(result.pack).name
        damaged = [
            f"{path or pack_name} ({reason})" for path, reason in sorted(result.damaged.items())
        ]
        groups = (
            (self.tr("Modified (%1)"), result.modified),
            (self.tr("Missing (%1)"), result.missing),
            (self.tr("Extra (%1)"), result.extra),
            (self.tr("Checksum lists disagree (%1)"), result.inconsistent),
            (self.tr("Damaged, cannot be read (%1)"), damaged),
        )
        for title, paths in groups:
            if not paths:
                continue
            top = QTreeWidgetItem([title.replace("%1", str(len(paths)))])
            top.addChildren([QTreeWidgetItem([p]) for p in paths])
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        differences = sum(len(p) for _t, p in groups)
        self._show_history(result)
        if result.ok:
            self.summary.setText(
                self.tr(
                    "All %n file(s) match the manifest: nothing was changed.", "", result.checked
                )
            )
        elif differences:
            self.summary.setText(
                self.tr(
                    "%n difference(s): the pack was changed after it was exported.", "", differences
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "The files match the pack's own manifest, but that manifest is not one the"
                    " workspace exported: the pack was rewritten, or it comes from elsewhere."
                )
            )

    def _show_history(self, result: VerifyResult) -> None:
        if result.recorded is None:
            self.history_note.clear()
            return
        digest = result.manifest_sha256 or "-"
        if result.recorded:
            newest = result.recorded[0]
            self.history_note.setText(
                self.tr("Manifest SHA-256 %1: exported from this workspace on %2 to %3.")
                .replace("%1", digest)
                .replace("%2", str(newest["exported_at"]).replace("T", " "))
                .replace("%3", str(newest["target"]))
            )
        else:
            self.history_note.setText(
                self.tr("Manifest SHA-256 %1 is NOT in the workspace's export history.").replace(
                    "%1", digest
                )
            )

    def _on_failed(self, _exc: object) -> None:
        """The error dialog comes from ``errors.watch``."""
        self._done()
        self.summary.setText(self.tr("The pack could not be checked."))

    def _on_cancelled(self) -> None:
        self._done()
        self.summary.setText(self.tr("Check cancelled."))

    def reject(self) -> None:
        if self.task is not None:
            self.cancel()
        super().reject()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Verify a readiness pack"))
        self.pack_label.setText(self.tr("&Pack:"))
        self.pick_folder.setText(self.tr("&Folder…"))
        self.pick_zip.setText(self.tr("&Zip file…"))
        self.use_history.setText(
            self.tr("Also check it against the export &history of the workspace:")
        )
        self.pick_workspace.setText(self.tr("&Workspace…"))
        self.verify_button.setText(self.tr("&Verify"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self.verify_result is not None:
            self._show(self.verify_result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
