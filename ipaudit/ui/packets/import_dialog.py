"""Import a department packet: read it and show every change (item, what, the workspace's value,
the packet's value, conflict?), the new files with their proposed dates and every problem; the
user chooses per conflict whether the packet's value wins; Apply stores it all in a worker with
progress, as one step on the undo stack."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipaudit.services import packets
from ipaudit.ui import i18n, workers
from ipaudit.ui.fit import share_columns, title_width
from ipaudit.ui.packets.preview_model import CHOICE, ITEM, PACKET, WHAT, WORKSPACE, PreviewModel
from ipaudit.ui.packets.undo import push_applied
from ipaudit.ui.progress import BAR_MAX, wire_task
from ipaudit.ui.session import WorkspaceSession


class PacketImportDialog(QDialog):
    """Choose the packet, read it (preview), choose per conflict, apply."""

    #: the preview is shown (``packets.Preview``)
    previewed = Signal(object)
    #: the packet was applied (``packets.Applied``)
    applied = Signal(object)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packetImportDialog")
        self.session = session
        self.task: workers.Task | None = None
        self.preview: packets.Preview | None = None
        self.outcome: packets.Applied | None = None
        self._close_when_done = False

        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.source = QLineEdit()
        self.source.setObjectName("packetSource")
        self.source.returnPressed.connect(self.start_read)
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_source)
        self.read_button = QPushButton()
        self.read_button.setObjectName("packetReadButton")
        self.read_button.clicked.connect(self.start_read)
        source_row = QHBoxLayout()
        self.source_label = QLabel()
        self.source_label.setBuddy(self.source)
        source_row.addWidget(self.source_label)
        source_row.addWidget(self.source, 1)
        source_row.addWidget(self.browse)
        source_row.addWidget(self.read_button)

        self.summary = QLabel()
        self.summary.setObjectName("packetSummary")
        self.summary.setWordWrap(True)

        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setObjectName("packetChanges")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # the values share the width; the conflict column is as wide as its longest text
        share_columns(self.table, (ITEM, WHAT, WORKSPACE, PACKET))
        header.setSectionResizeMode(CHOICE, QHeaderView.ResizeMode.Fixed)
        self._fit_choice()
        # rows as high as their wrapped text at the widths the columns end up with
        self._rows_fit = QTimer(self)
        self._rows_fit.setSingleShot(True)
        self._rows_fit.setInterval(0)
        self._rows_fit.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._rows_fit.start())
        self.take_all = QPushButton()
        self.take_all.clicked.connect(lambda: self._choose_all(True))
        self.keep_all = QPushButton()
        self.keep_all.clicked.connect(lambda: self._choose_all(False))
        choice_row = QHBoxLayout()
        choice_row.addStretch(1)
        choice_row.addWidget(self.keep_all)
        choice_row.addWidget(self.take_all)
        changes_page = QWidget()
        changes_layout = QVBoxLayout(changes_page)
        changes_layout.setContentsMargins(0, 0, 0, 0)
        changes_layout.addWidget(self.table, 1)
        changes_layout.addLayout(choice_row)

        self.files = QTreeWidget()
        self.files.setObjectName("packetFiles")
        self.files.setRootIsDecorated(False)
        self.files.setColumnCount(4)
        self.files.setColumnWidth(0, 220)
        self.files.setColumnWidth(1, 300)
        self.files.setColumnWidth(2, 170)
        self.problems = QListWidget()
        self.problems.setObjectName("packetProblems")
        self.problems.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(changes_page, "")
        self.tabs.addTab(self.files, "")
        self.tabs.addTab(self.problems, "")

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("packetImportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("packetApplyButton")
        self.apply_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setVisible(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.apply_button.clicked.connect(self.start_apply)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(source_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(960, 600)
        self.retranslate_ui()

    # --- reading ------------------------------------------------------------------------------

    def choose_source(self) -> None:
        start = self.source.text().strip() or str(
            packets.default_folder(self.session.workspace, Path.home())
        )
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a filled-in department packet"),
            start,
            self.tr("Department packets (*.zip *.xlsx *.xls *.et *.ods *.csv)"),
        )
        if path:
            self.source.setText(path)
            self.start_read()

    @property
    def running(self) -> bool:
        return self.task is not None

    def _set_running(self, running: bool) -> None:
        for w in (self.source, self.browse, self.read_button, self.take_all, self.keep_all):
            w.setEnabled(not running)
        self.apply_button.setEnabled(not running and self._can_apply())
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)

    def _can_apply(self) -> bool:
        return (
            self.preview is not None
            and self.outcome is None
            and not self.preview.empty
            and not self.session.read_only
        )

    def _drop_preview(self) -> None:
        if self.preview is not None:
            self.preview.close()
        self.preview = None
        self.outcome = None
        self.model.set_changes([])
        self.files.clear()
        self.problems.clear()
        self.summary.clear()
        self._tab_titles()

    def start_read(self) -> workers.Task | None:
        if self.running:
            return self.task
        text = self.source.text().strip()
        if not text:
            self.status.setText(self.tr("Choose the packet that was sent back (.zip)."))
            return None
        self._drop_preview()
        ws, department, lang = (
            self.session.workspace,
            self.session.department_only,
            i18n.language(),
        )
        source = Path(text)

        def work(ctx: workers.TaskContext) -> packets.Preview:
            packet = packets.read_packet(source, ctx.progress, ctx.cancelled)
            try:
                return packets.preview_packet(
                    ws,
                    packet,
                    department=department,
                    lang=lang,
                    progress=ctx.progress,
                    cancel=ctx.cancelled,
                )
            except BaseException:
                packet.close()
                raise

        self.status.setText(self.tr("Reading the packet…"))
        self.progress.setRange(0, 0)
        task = wire_task(
            workers.Task(work, "read packet"),
            self,
            lambda: self.tr("The packet cannot be imported."),
            finished=self._on_read,
        )
        self.task = task
        self._set_running(True)
        workers.start(task)
        return task

    def _on_read(self, preview: packets.Preview) -> None:
        self.task = None
        if self._close_when_done:
            preview.close()
            super().reject()
            return
        self.preview = preview
        self.model.set_changes(preview.changes)
        self.table.resizeRowsToContents()
        for nf in preview.files:
            day = nf.doc_date.isoformat() if nf.doc_date else self.tr("no date")
            if nf.date_source == "sheet":
                day += " " + self.tr("(from the workbook)")
            elif nf.date_source:
                day += " " + self.tr("(from the file)")
            note = i18n.text(nf.warning) if nf.warning else ""
            if nf.skip:
                note = self.tr("Not attached: %1").replace("%1", note)
            parts = nf.name.split("/")  # within the item's folder ("<evidence>/<item>/…")
            shown = "/".join(parts[2:]) if len(parts) > 2 else nf.name
            row = QTreeWidgetItem([i18n.text(nf.item_title), shown, day, note])
            row.setToolTip(1, nf.name)
            row.setToolTip(3, note)
            self.files.addTopLevelItem(row)
        lang = i18n.language()
        for problem in preview.problems:
            self.problems.addItem(problem.text(lang))
        self._tab_titles()
        self.summary.setText(
            self.tr(
                "Packet of %1, exported %2 — changes: %3 (in conflict with edits made in the"
                " workspace since: %4); new files to attach: %5; problems: %6."
            )
            .replace("%1", i18n.text(preview.department_name))
            .replace("%2", preview.exported_at[:16].replace("T", " "))
            .replace("%3", str(len(preview.changes)))
            .replace("%4", str(len(preview.conflicts)))
            .replace("%5", str(len(preview.attachable)))
            .replace("%6", str(len(preview.problems)))
            + (
                "\n" + i18n.text(preview.repeat)
                if preview.repeat is not None and not preview.empty
                else ""
            )
        )
        if preview.repeat is not None and preview.empty:
            self.status.setText(i18n.text(preview.repeat))
        elif preview.empty:
            self.status.setText(self.tr("The packet changes nothing in the workspace."))
        elif self.session.read_only:
            self.status.setText(self.tr("The workspace is open read-only; nothing can be applied."))
        elif preview.conflicts:
            self.status.setText(
                self.tr(
                    "Check the conflicts: the workspace's value stays unless you tick “take the"
                    " packet's”. Then apply."
                )
            )
            self.tabs.setCurrentIndex(0)
        else:
            self.status.setText(self.tr("Check the changes, then apply."))
        self._set_running(False)
        self.previewed.emit(preview)

    def _tab_titles(self) -> None:
        changes = self.model.rowCount()
        self.tabs.setTabText(0, self.tr("Changes (%1)").replace("%1", str(changes)))
        self.tabs.setTabText(
            1, self.tr("New files (%1)").replace("%1", str(self.files.topLevelItemCount()))
        )
        self.tabs.setTabText(2, self.tr("Problems (%1)").replace("%1", str(self.problems.count())))

    def _choose_all(self, take: bool) -> None:
        if self.preview is None:
            return
        for change in self.preview.conflicts:
            self.model.set_choice(change.key, take)

    # --- applying -----------------------------------------------------------------------------

    def start_apply(self) -> workers.Task | None:
        if self.running or self.preview is None or not self._can_apply():
            return self.task
        ws, preview, choices = self.session.workspace, self.preview, self.model.choices()

        def work(ctx: workers.TaskContext) -> packets.Applied:
            return packets.apply_packet(
                ws, preview, choices, progress=ctx.progress, cancel=ctx.cancelled
            )

        self.status.setText(self.tr("Applying the packet…"))
        self.progress.setRange(0, 0)
        task = wire_task(
            workers.Task(work, "apply packet"),
            self,
            lambda: self.tr("The packet could not be applied."),
        )
        self.task = task
        self._set_running(True)
        workers.start(task)
        return task

    def _on_finished(self, applied: packets.Applied) -> None:
        """The apply worker is done: one undo step for all of it, and the views refresh."""
        self.task = None
        self.outcome = applied
        assert self.preview is not None
        push_applied(
            self.session,
            applied,
            self.tr("Import the packet of %1").replace(
                "%1", i18n.text(self.preview.department_name)
            ),
        )
        lines = [
            self.tr("%1 and %2; %3.")
            .replace("%1", self.tr("%n change(s) stored", "", len(applied.applied)))
            .replace("%2", self.tr("%n file(s) attached", "", applied.files))
            .replace(
                "%3", self.tr("%n conflict(s) kept the workspace's value", "", len(applied.kept))
            )
        ]
        if applied.cancelled:
            lines.append(self.tr("Cancelled: what is listed above was stored, the rest was not."))
        lang = i18n.language()
        for problem in applied.problems:
            lines.append(problem.text(lang))
            self.problems.addItem(problem.text(lang))
        self._tab_titles()
        if applied.states or applied.evidence:
            lines.append(self.tr("Edit → Undo takes the whole import back."))
        self.status.setText("\n".join(lines))
        self._set_running(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, BAR_MAX)
        self.progress.setValue(BAR_MAX)
        self.applied.emit(applied)
        if self._close_when_done:
            super().reject()

    def _on_failed(self, _exc: object) -> None:
        """The error dialog comes from ``errors.watch``."""
        self.task = None
        self.status.setText(self.tr("Nothing was imported."))
        self._set_running(False)
        if self._close_when_done:
            super().reject()

    def _on_cancelled(self) -> None:
        self.task = None
        self.status.setText(self.tr("Cancelled."))
        self._set_running(False)
        if self._close_when_done:
            super().reject()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def reject(self) -> None:
        if self.running:
            self._close_when_done = True
            self.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        if self.preview is not None:
            self.preview.close()  # the files unpacked for the preview
        super().done(result)

    # --- language ---------------------------------------------------------------------------

    def _fit_choice(self) -> None:
        """The conflict column as wide as its title or longest text with the check box."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        style = self.table.style()
        box = style.pixelMetric(style.PixelMetric.PM_IndicatorWidth, None, self.table)
        text = max(metrics.horizontalAdvance(t) for t in self.model.choice_texts())
        header.resizeSection(CHOICE, max(text + box + 24, title_width(header, CHOICE)))

    def retranslate_ui(self) -> None:
        self._fit_choice()
        self.setWindowTitle(self.tr("Import a department packet"))
        self.explain.setText(
            self.tr(
                "Read a packet a department filled in: every change is listed first, and"
                " nothing is stored until you apply. Where the workspace was changed since the"
                " export as well, you choose which value stays."
            )
        )
        self.source_label.setText(self.tr("&Packet:"))
        self.browse.setText(self.tr("&Browse…"))
        self.read_button.setText(self.tr("&Read"))
        self.take_all.setText(self.tr("Take the packet's for all conflicts"))
        self.keep_all.setText(self.tr("Keep the workspace's for all conflicts"))
        self.files.setHeaderLabels(
            [self.tr("Item"), self.tr("File"), self.tr("Date"), self.tr("Note")]
        )
        self.apply_button.setText(self.tr("&Apply"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._tab_titles()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
