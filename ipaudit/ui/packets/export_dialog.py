"""Export a department packet: the department, the language and where to write it (a name not
taken yet, in the folder the last packet went to, else beside the workspace); the packet is
written in a worker with a progress bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipaudit.services import packets
from ipaudit.ui import i18n, workers
from ipaudit.ui.progress import BAR_MAX, wire_task
from ipaudit.ui.session import WorkspaceSession


class PacketExportDialog(QDialog):
    """Department, language, target; then Export."""

    #: the packet was written (``packets.ExportedPacket``)
    exported = Signal(object)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packetExportDialog")
        self.session = session
        self.task: workers.Task | None = None
        self.written: packets.ExportedPacket | None = None
        self._suggested = ""
        self._close_when_done = False

        self.department = QComboBox()
        self.department.setObjectName("packetDepartment")
        for dep in session.departments():
            if session.can_edit(dep.key) or session.read_only or self._read_only_login():
                self.department.addItem(i18n.text(dep.name), dep.key)
        self.department.setEnabled(session.department_only is None)
        self.language = i18n.add_languages(QComboBox(), i18n.language())
        self.target = QLineEdit()
        self.target.setObjectName("packetTarget")
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_target)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.browse)

        self.department_label, self.language_label, self.target_label = QLabel(), QLabel(), QLabel()
        self.department_label.setBuddy(self.department)
        self.language_label.setBuddy(self.language)
        self.target_label.setBuddy(self.target)
        form = QFormLayout()
        form.addRow(self.department_label, self.department)
        form.addRow(self.language_label, self.language)
        form.addRow(self.target_label, target_row)

        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("packetExportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("packetExportButton")
        self.export_button.setDefault(True)
        self.open_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setVisible(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(self.open_result)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(640, 300)
        self.department.currentIndexChanged.connect(lambda _n: self._follow())
        self.language.currentIndexChanged.connect(lambda _n: self._follow())
        self.retranslate_ui()
        self._suggest_target()

    def _read_only_login(self) -> bool:
        """A read-only login exports any department's packet, for reading (a department
        head only their own: the service refuses the others)."""
        who = self.session.login
        return who is not None and who.kind == "readonly"

    # --- target -----------------------------------------------------------------------------

    def department_key(self) -> str:
        return str(self.department.currentData() or "")

    def lang(self) -> str:
        return str(self.language.currentData() or "zh")

    def _folder(self) -> Path:
        current = self.target.text().strip()
        if current:
            return Path(current).parent
        return packets.default_folder(self.session.workspace, Path.home())

    def _suggest_target(self) -> None:
        """A name not taken yet (``…-2.zip``) in the folder of the last packet."""
        if not self.department_key():
            return
        ws = self.session.workspace
        name = packets.default_name(ws, self.department_key(), self.lang())
        self.target.setText(str(packets.free_target(self._folder(), name)))
        self._suggested = self.target.text()

    def _follow(self) -> None:
        """A proposed name follows the department and the language; a typed one stays."""
        if self.target.text().strip() in ("", self._suggested):
            self._suggest_target()

    def choose_target(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the packet as"), self.target.text(), self.tr("Zip files (*.zip)")
        )
        if path:
            self.target.setText(path)

    # --- running ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.task is not None

    def _set_running(self, running: bool) -> None:
        for w in (self.department, self.language, self.target, self.browse, self.export_button):
            w.setEnabled(not running)
        if self.session.department_only is not None:
            self.department.setEnabled(False)
        self.progress.setVisible(running or self.progress.isVisible())

    def start_export(self) -> workers.Task | None:
        if self.running:
            return self.task
        text = self.target.text().strip()
        if not text or not self.department_key():
            self.status.setText(self.tr("Choose the department and where to write the packet."))
            return None
        ws, dep, lang, target = (
            self.session.workspace,
            self.department_key(),
            self.lang(),
            Path(text),
        )
        self.written = None
        self.open_button.setVisible(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Writing the packet…"))

        def work(ctx: workers.TaskContext) -> packets.ExportedPacket:
            return packets.export_packet(ws, dep, target, ctx.progress, ctx.cancelled, lang=lang)

        task = wire_task(
            workers.Task(work, "export packet"),
            self,
            lambda: self.tr("The packet could not be exported."),
        )
        self.task = task
        self._set_running(True)
        workers.start(task)
        return task

    def _done(self) -> None:
        self.task = None
        self._set_running(False)
        if self._close_when_done:
            super().reject()

    def _on_finished(self, result: packets.ExportedPacket) -> None:
        self.written = result
        self.progress.setRange(0, BAR_MAX)
        self.progress.setValue(BAR_MAX)
        self.status.setText(
            self.tr(
                "The packet was written to %1 (%n item(s)). Send it to the department; when it"
                " comes back, import it with File → Import a department packet.",
                "",
                result.items,
            ).replace("%1", str(result.path))
            + (f"\n{i18n.text(result.note)}" if result.note is not None else "")
        )
        self.open_button.setVisible(True)
        self._done()
        if self.target.text().strip() == self._suggested:
            self._suggest_target()  # the name is taken now
        self.exported.emit(result)

    def _on_failed(self, _exc: object) -> None:
        self.progress.setVisible(False)
        self.status.setText(self.tr("The packet was not written."))
        self._done()

    def _on_cancelled(self) -> None:
        self.progress.setVisible(False)
        self.status.setText(self.tr("Cancelled; nothing was written."))
        self._done()

    def open_result(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.path.parent)))

    def reject(self) -> None:
        if self.running and self.task is not None:
            self._close_when_done = True
            self.task.cancel()
            return
        super().reject()

    # --- language ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export a department packet"))
        self.explain.setText(
            self.tr(
                "For a department that works in Excel or WPS: its checklist as a workbook in which"
                " only the status, answers, notes and dates can be filled in, and an empty"
                " folder per item for new evidence files, zipped."
            )
        )
        self.department_label.setText(self.tr("&Department:"))
        self.language_label.setText(self.tr("&Language of the workbook:"))
        self.target_label.setText(self.tr("&Save to:"))
        self.browse.setText(self.tr("&Browse…"))
        self.export_button.setText(self.tr("&Export"))
        self.open_button.setText(self.tr("Show in folder"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
