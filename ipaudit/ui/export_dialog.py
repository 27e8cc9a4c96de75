"""Export the readiness pack (ExportDialog), with the workspace's export history beside it;
``verify_dialog.VerifyDialog`` checks a pack later.

Both dialogs run their work in a worker (``progress.wire_task``) with a progress bar and a Cancel
button; they stay responsive and never block the GUI thread. Expected failures (target exists,
disk full, damaged evidence, not a pack) reach the translated message box, anything else the
crash dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
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
    QRadioButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipaudit.services.exports import (
    MAX_MARGIN_DAYS,
    ExportOptions,
    PackResult,
    default_name,
    export_history,
    export_pack,
    free_name,
    pdf_available,
    toc_pages_default,
)
from ipaudit.ui import i18n, workers
from ipaudit.ui.progress import BAR_MAX, wire_task
from ipaudit.ui.session import WorkspaceSession


class ExportDialog(QDialog):
    """Options (folder or zip, language, evidence, older versions, redaction, PDF), then export."""

    #: the pack was written (``PackResult``)
    exported = Signal(object)
    #: the export was cancelled; nothing was left behind
    export_cancelled = Signal()

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.session = session
        self.task: workers.Task | None = None
        self.pack_result: PackResult | None = None
        self._close_when_done = False
        self._suggested = ""
        self._soffice = pdf_available()

        self.target = QLineEdit()
        self.target.setObjectName("exportTarget")
        self.target.textEdited.connect(self._target_edited)
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_target)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.browse)

        self.as_folder = QRadioButton()
        self.as_zip = QRadioButton()
        self.as_folder.setChecked(True)
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.as_folder)
        self.kind.addButton(self.as_zip)
        self.as_zip.toggled.connect(self._kind_changed)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.as_folder)
        kind_row.addWidget(self.as_zip)
        kind_row.addStretch(1)

        self.language = i18n.add_languages(QComboBox(), i18n.language())
        self.language.currentIndexChanged.connect(lambda _n: self._language_changed())

        self.evidence = QCheckBox()
        self.evidence.setChecked(True)
        self.older = QCheckBox()
        self.evidence.toggled.connect(self.older.setEnabled)
        self.redact = QCheckBox()
        self.pdf = QCheckBox()
        self.pdf.setEnabled(self._soffice)
        self.toc_pages = QCheckBox()  # the contents' page numbers, laid out by LibreOffice
        self.toc_pages.setObjectName("tocPages")
        self.toc_pages.setChecked(self._soffice and toc_pages_default())
        self.toc_pages.setEnabled(self._soffice)
        self.overwrite = QCheckBox()
        self.margin = QSpinBox()
        self.margin.setObjectName("marginDays")
        self.margin.setRange(0, MAX_MARGIN_DAYS)
        self.margin.setValue(ExportOptions().margin_days)

        self.target_label, self.kind_label, self.language_label = QLabel(), QLabel(), QLabel()
        self.margin_label = QLabel()
        self.margin_label.setBuddy(self.margin)
        self.target_label.setBuddy(self.target)
        self.language_label.setBuddy(self.language)
        form = QFormLayout()
        form.addRow(self.target_label, target_row)
        form.addRow(self.kind_label, kind_row)
        form.addRow(self.language_label, self.language)
        form.addRow(self.margin_label, self.margin)
        options = QVBoxLayout()
        for box in (
            self.evidence,
            self.older,
            self.redact,
            self.toc_pages,
            self.pdf,
            self.overwrite,
        ):
            options.addWidget(box)

        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.history_label = QLabel()
        self.history = QTreeWidget()
        self.history.setObjectName("exportHistory")
        self.history.setRootIsDecorated(False)
        self.history.setColumnCount(3)
        self.history.setMaximumHeight(140)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setObjectName("cancelExportButton")
        self.cancel_button.setVisible(False)
        self.open_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setVisible(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_result)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(options)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.buttons)
        self.resize(680, 480)
        self._suggest_target()
        self.retranslate_ui()
        self.load_history()

    # --- options --------------------------------------------------------------------------

    def options(self) -> ExportOptions:
        return ExportOptions(
            lang=str(self.language.currentData() or "zh"),
            as_zip=self.as_zip.isChecked(),
            include_evidence=self.evidence.isChecked(),
            older_versions=self.evidence.isChecked() and self.older.isChecked(),
            redact=self.redact.isChecked(),
            pdf=self.pdf.isChecked() and self._soffice,
            toc_pages=self.toc_pages.isChecked() and self._soffice,
            overwrite=self.overwrite.isChecked(),
            margin_days=self.margin.value(),
        )

    def _suggest_target(self) -> None:
        """A name from the company in the chosen language, beside the workspace file."""
        folder = self.session.workspace.path.parent
        current = self.target.text().strip()
        if current:
            folder = Path(current).parent
        name = default_name(self.session.workspace, self.options())
        self.target.setText(str(folder / free_name(folder, name)))  # "…-2" when taken
        self._suggested = self.target.text()

    def _target_edited(self, text: str) -> None:
        """A name typed with ``.zip`` at its end is a zip file (the export writes one anyway)."""
        if text.strip().lower().endswith(".zip") and not self.as_zip.isChecked():
            self.as_zip.setChecked(True)

    def _kind_changed(self) -> None:
        text = self.target.text().strip()
        if not text or text == self._suggested:
            self._suggest_target()
            return
        path = Path(text)
        if self.as_zip.isChecked() and path.suffix.lower() != ".zip":
            self.target.setText(str(path.with_name(path.name + ".zip")))
        elif not self.as_zip.isChecked() and path.suffix.lower() == ".zip":
            self.target.setText(str(path.with_suffix("")))

    def _language_changed(self) -> None:
        if self.target.text().strip() == self._suggested:
            self._suggest_target()

    def choose_target(self) -> None:
        current = self.target.text().strip()
        if self.as_zip.isChecked():
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the pack as"), current, self.tr("Zip files (*.zip)")
            )
            if path:
                self.target.setText(path)
        else:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Folder to put the pack in"), str(Path(current).parent)
            )
            if folder:
                name = Path(current).name or default_name(self.session.workspace, self.options())
                self.target.setText(str(Path(folder) / name))

    # --- running ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.task is not None

    def _set_running(self, running: bool) -> None:
        for w in (
            self.target,
            self.browse,
            self.as_folder,
            self.as_zip,
            self.language,
            self.evidence,
            self.redact,
            self.overwrite,
            self.margin,
        ):
            w.setEnabled(not running)
        self.older.setEnabled(not running and self.evidence.isChecked())
        self.pdf.setEnabled(not running and self._soffice)
        self.toc_pages.setEnabled(not running and self._soffice)
        self.export_button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running or self.progress.isVisible())

    def start_export(self) -> workers.Task | None:
        """Run the export in a worker; returns the task (None when nothing was started)."""
        if self.running:
            return self.task
        text = self.target.text().strip()
        if not text:
            self.status.setText(self.tr("Choose where to write the pack."))
            return None
        options = self.options()
        target = Path(text)
        workspace = self.session.workspace
        self.pack_result = None
        self.open_button.setVisible(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Exporting…"))

        def work(ctx: workers.TaskContext) -> PackResult:
            return export_pack(
                workspace, target, options, progress=ctx.progress, cancel=ctx.cancelled
            )

        task = wire_task(
            workers.Task(work, "export pack"),
            self,
            lambda: self.tr("The pack could not be exported."),
        )
        self.task = task
        self._set_running(True)
        workers.start(task)
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _done(self) -> None:
        self.task = None
        self._set_running(False)
        if self._close_when_done:
            super().reject()

    def _on_finished(self, result: PackResult) -> None:
        self.pack_result = result
        self.progress.setRange(0, BAR_MAX)
        self.progress.setValue(BAR_MAX)
        lang = i18n.language()
        lines = [
            self.tr("The pack was written to %1 (%n file(s)).", "", result.files).replace(
                "%1", str(result.path)
            )
        ]
        lines.append(
            self.tr(
                "SHA-256 of its manifest, recorded in the workspace's export history: %1"
            ).replace("%1", result.manifest_sha256)
        )
        lines += result.note_texts(lang)
        self.status.setText("\n".join(lines))
        self.open_button.setVisible(True)
        self._done()
        if self.target.text().strip() == self._suggested:
            self._suggest_target()  # the name is taken now: propose the next free one
        self.load_history()
        self.exported.emit(result)

    def load_history(self) -> None:
        """The packs exported from this workspace, newest first (a small read)."""
        self.history.clear()
        for record in export_history(self.session.workspace):
            row = QTreeWidgetItem(
                [
                    record.exported_at.strftime("%Y-%m-%d %H:%M"),
                    record.target,
                    record.manifest_sha256,
                ]
            )
            row.setToolTip(1, record.target)
            row.setToolTip(2, record.manifest_sha256)
            self.history.addTopLevelItem(row)
        self.history.resizeColumnToContents(0)

    def _on_failed(self, _exc: object) -> None:
        """The error dialog comes from ``errors.watch``."""
        self.progress.setVisible(False)
        self.status.setText(self.tr("The pack was not written."))
        self._done()

    def _on_cancelled(self) -> None:
        self.progress.setVisible(False)
        self.status.setText(self.tr("Export cancelled; nothing was written."))
        self._done()
        self.export_cancelled.emit()

    def open_result(self) -> None:
        if self.pack_result is not None:
            where = (
                self.pack_result.path
                if self.pack_result.path.is_dir()
                else self.pack_result.path.parent
            )
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(where)))

    def reject(self) -> None:
        """Closing while exporting cancels the export first; the dialog closes when it stopped."""
        if self.running:
            self._close_when_done = True
            self.cancel()
            return
        super().reject()

    # --- language ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export readiness pack"))
        self.target_label.setText(self.tr("&Save to:"))
        self.browse.setText(self.tr("&Browse…"))
        self.kind_label.setText(self.tr("Format:"))
        self.as_folder.setText(self.tr("&Folder"))
        self.as_zip.setText(self.tr("&Zip file"))
        self.language_label.setText(self.tr("&Language of the documents:"))
        self.evidence.setText(self.tr("Include the &evidence files"))
        self.older.setText(self.tr("Include &older versions of evidence"))
        self.redact.setText(self.tr("&Mask ID card and mobile numbers in the documents"))
        self.pdf.setText(self.tr("Also make a &PDF of the report"))
        self.pdf.setToolTip(
            "" if self._soffice else self.tr("LibreOffice is not installed, so no PDF can be made.")
        )
        self.toc_pages.setText(
            self.tr("Fill in the page &numbers of the report's contents (a few seconds)")
        )
        self.toc_pages.setToolTip(
            self.tr("LibreOffice lays the report out once, so the contents open with page numbers.")
            if self._soffice
            else self.tr(
                "LibreOffice is not installed: the contents say how to update them in Word."
            )
        )
        self.overwrite.setText(self.tr("O&verwrite an existing pack of the same name"))
        self.margin_label.setText(self.tr("Must-fix &deadline:"))
        self.margin.setSuffix(self.tr(" days before the audit"))
        self.margin.setToolTip(
            self.tr(
                "The report's must-fix list gives this date: the audit's first day minus these days."
            )
        )
        self.export_button.setText(self.tr("&Export"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.open_button.setText(self.tr("Show in folder"))
        self.history_label.setText(self.tr("Packs exported from this workspace:"))
        self.history.setHeaderLabels(
            [self.tr("Exported"), self.tr("Where"), self.tr("Manifest SHA-256")]
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
