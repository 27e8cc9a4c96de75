"""The application tab (``panels.AUDIT_VIEWS["apply"]``): the certification body's application
conditions with why each passes or fails, its list of application materials with the files that
hold each, and the export of the materials in the list's order.

The conditions and materials come from ``services.application`` (``ipaudit apply-check``); the
export runs ``export_materials`` (``ipaudit apply-materials``) in a worker with progress.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipaudit.export.application_materials import Written
from ipaudit.services import application
from ipaudit.services.application import ApplicationCheck
from ipaudit.ui import i18n, workers
from ipaudit.ui.findings.language import pick
from ipaudit.ui.fit import vertical_scroll
from ipaudit.ui.progress import wire_task
from ipaudit.ui.session import WorkspaceSession

PASS_COLOR = "#1b7a2f"
FAIL_COLOR = "#b3261e"


def _table(columns: int, name: str) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    # wrapped text takes the height the final column widths give it
    table.horizontalHeader().sectionResized.connect(lambda *_a: table.resizeRowsToContents())
    return table


def _cell(text: str, color: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    if color:
        item.setForeground(QBrush(QColor(color)))
    return item


class ApplyView(QWidget):
    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applyView")
        self.session = session
        self.check: ApplicationCheck | None = None
        self.task: workers.Task | None = None
        self.written: Written | None = None

        self.summary = QLabel()
        self.summary.setObjectName("applySummary")
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)

        self.conditions_box = QGroupBox()
        self.conditions = _table(3, "applyConditions")
        QVBoxLayout(self.conditions_box).addWidget(self.conditions)
        self.materials_box = QGroupBox()
        self.materials = _table(4, "applyMaterials")
        self.target_label = QLabel()
        self.target_edit = QLineEdit(str(self._proposed_target()))
        self.target_edit.setObjectName("applyTarget")
        self.target_label.setBuddy(self.target_edit)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.browse)
        self.export_button = QPushButton()
        self.export_button.setObjectName("applyExport")
        self.export_button.clicked.connect(self.export)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("applyStatus")
        self.status.setWordWrap(True)
        self.open_folder = QPushButton()
        self.open_folder.setVisible(False)
        self.open_folder.clicked.connect(self.show_folder)
        export_row = QHBoxLayout()
        export_row.addWidget(self.target_label)
        export_row.addWidget(self.target_edit, 1)
        export_row.addWidget(self.browse_button)
        export_row.addWidget(self.export_button)
        status_row = QHBoxLayout()
        status_row.addWidget(self.progress)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.open_folder)
        mbox = QVBoxLayout(self.materials_box)
        mbox.addWidget(self.materials, 1)
        mbox.addLayout(export_row)
        mbox.addLayout(status_row)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.conditions_box)
        split.addWidget(self.materials_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        # on a short screen the page scrolls rather than making the window taller
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(top)
        inner.addWidget(split, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(vertical_scroll(content))

        session.edited.connect(lambda _key: self.refresh())
        self.retranslate_ui()

    def _proposed_target(self) -> Path:
        ws = self.session.workspace
        base = ws.path.with_name(f"{ws.path.stem}-申请材料")
        candidate, n = base, 1
        while candidate.exists() or candidate.with_suffix(".zip").exists():
            n += 1
            candidate = base.with_name(f"{base.name}-{n}")
        return candidate

    # --- the check ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.check = application.check_application(self.session.workspace)
        self._fill()

    def _fill(self) -> None:
        check = self.check
        if check is None:
            return
        passed = sum(1 for r in check.conditions if r.passed)
        present = sum(1 for m in check.materials if m.present)
        met = self.tr("%1 of %n condition(s) met", "", len(check.conditions))
        attached = self.tr("%1 of %n material(s) attached", "", len(check.materials))
        self.summary.setText(
            self.tr(
                "Before the initial certification the certification body checks these conditions"
                " and asks for these materials. %1; %2."
            )
            .replace("%1", met.replace("%1", str(passed)))
            .replace("%2", attached.replace("%1", str(present)))
        )
        self.conditions.setRowCount(len(check.conditions))
        for row, r in enumerate(check.conditions):
            color = PASS_COLOR if r.passed else FAIL_COLOR
            mark = self.tr("√ met") if r.passed else self.tr("× not met")
            self.conditions.setItem(row, 0, _cell(mark, color))
            self.conditions.setItem(row, 1, _cell(pick(r.condition.text)))
            self.conditions.setItem(row, 2, _cell(" ".join(pick(t) for t in r.reasons)))
        self.conditions.resizeRowsToContents()
        self.materials.setRowCount(len(check.materials))
        for row, m in enumerate(check.materials):
            color = PASS_COLOR if m.present else FAIL_COLOR
            self.materials.setItem(row, 0, _cell(f"{m.number:02d}"))
            self.materials.setItem(row, 1, _cell(pick(m.material.text)))
            state = (
                self.tr("Files: %1").replace("%1", str(len(m.files)))
                if m.present
                else self.tr("missing")
            )
            self.materials.setItem(row, 2, _cell(state, color))
            titles = "、".join(ev.title for ev in m.files)
            self.materials.setItem(row, 3, _cell(titles))
        self.materials.resizeRowsToContents()

    # --- the export ---------------------------------------------------------------------------

    def browse(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Where the materials go"), str(Path(self.target_edit.text()).parent)
        )
        if path:
            self.target_edit.setText(str(Path(path) / Path(self.target_edit.text()).name))

    def export(self) -> workers.Task | None:
        if self.task is not None:
            return None
        ws = self.session.workspace
        target = Path(self.target_edit.text().strip())
        lang = i18n.language()

        def run(ctx: workers.TaskContext) -> Written:
            return application.export_materials(
                ws, target, lang=lang, progress=ctx.progress, cancel=ctx.cancelled
            )

        task = wire_task(
            workers.Task(run, "application materials"),
            self,
            lambda: self.tr("The materials could not be exported."),
        )
        self.task = task
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.open_folder.setVisible(False)
        workers.start(task)
        return task

    def _done(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)

    def _on_cancelled(self) -> None:
        self._done()

    def _on_failed(self, _exc: object) -> None:
        """The error dialog comes from ``errors.watch``."""
        self._done()

    def _on_finished(self, written: Written) -> None:
        self._done()
        self.written = written
        self._show_written()
        self.open_folder.setVisible(True)
        self.target_edit.setText(str(self._proposed_target()))

    def _show_written(self) -> None:
        if self.written is None:
            return
        text = self.tr("Written: %1 (%n file(s)).", "", len(self.written.files)).replace(
            "%1", str(self.written.target)
        )
        if self.written.missing:
            text += " " + self.tr("Missing: %1").replace(
                "%1", "、".join(pick(t) for t in self.written.missing)
            )
        self.status.setText(text)

    def show_folder(self) -> None:
        if self.written is not None:
            folder = self.written.target
            shown = folder if folder.is_dir() else folder.parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(shown)))

    # --- texts --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.refresh_button.setText(self.tr("Check again"))
        self.conditions_box.setTitle(self.tr("Application conditions"))
        self.conditions.setHorizontalHeaderLabels(
            [self.tr("Result"), self.tr("Condition"), self.tr("Why")]
        )
        self.materials_box.setTitle(self.tr("Application materials, in the list's order"))
        self.materials.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Material"), self.tr("Status"), self.tr("Files")]
        )
        self.target_label.setText(self.tr("Export &to:"))
        self.browse_button.setText(self.tr("Browse…"))
        self.export_button.setText(self.tr("Export the materials"))
        self.export_button.setToolTip(
            self.tr("A folder, or a .zip when the name ends in .zip; numbered files and an index")
        )
        self.open_folder.setText(self.tr("Show the folder"))
        self.refresh()
        self._show_written()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
