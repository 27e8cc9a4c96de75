"""The next cycle tab (``panels.AUDIT_VIEWS["next_cycle"]``): start the next surveillance or
recertification cycle in a new file, open it, and see what changed since the last cycle.

Starting runs ``services.next_cycle.start_next_cycle`` (the same as ``ipaudit next-cycle``) in a
worker with progress; comparing runs ``services.cycle_compare`` (``ipaudit compare-cycles``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.cycle import AUDIT_TYPE_TEXT
from ipaudit.domain.model import AuditType, Text, WorkspaceInfo
from ipaudit.domain.rollover import items_to_refresh
from ipaudit.services import cycle_compare, next_cycle
from ipaudit.services.cycle_compare import CycleComparison
from ipaudit.services.next_cycle import NextCycle
from ipaudit.ui import errors, workers
from ipaudit.ui.cycle.compare_tree import CompareTree
from ipaudit.ui.findings.language import pick
from ipaudit.ui.fit import vertical_scroll
from ipaudit.ui.progress import wire_task
from ipaudit.ui.session import WorkspaceSession

#: the choices of the type list: None follows the certificate's cycle
TYPES: tuple[AuditType | None, ...] = (None, AuditType.SURVEILLANCE, AuditType.RECERTIFICATION)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class NextCycleView(QWidget):
    #: the new cycle's workspace was written (its path)
    cycleStarted = Signal(object)
    #: the user asked to open a workspace (the main window's open_path does it when present)
    openRequested = Signal(object)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextCycleView")
        self.session = session
        ws = session.workspace
        self.task: workers.Task | None = None
        self.compare_task: workers.Task | None = None
        self.result: NextCycle | None = None
        self.comparison: CycleComparison | None = None
        self.preview_info: WorkspaceInfo | None = None
        self.refresh_count = 0

        # -- this cycle and the next one
        self.start_box = QGroupBox()
        self.current_label = QLabel()
        self.current_label.setWordWrap(True)
        self.type_label = QLabel()
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("nextCycleType")
        for _kind in TYPES:
            self.type_combo.addItem("")
        self.start_label = QLabel()
        self.start_edit = QDateEdit()
        self.start_edit.setObjectName("nextCycleStart")
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd")
        self.start_edit.setDate(_qdate(next_cycle.propose_info(ws).audit_start))
        self.target_label = QLabel()
        self.target_edit = QLineEdit(str(next_cycle.propose_target(ws)))
        self.target_edit.setObjectName("nextCycleTarget")
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.browse)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(self.browse_button)
        self.preview = QLabel()
        self.preview.setObjectName("nextCyclePreview")
        self.preview.setWordWrap(True)
        self.start_button = QPushButton()
        self.start_button.setObjectName("nextCycleStartButton")
        self.start_button.clicked.connect(self.start)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("nextCycleStatus")
        self.status.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setObjectName("nextCycleOpen")
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self.open_new)
        self.type_combo.setMinimumWidth(260)
        self.start_edit.setMinimumWidth(140)
        type_row = QHBoxLayout()
        type_row.addWidget(self.type_combo)
        type_row.addStretch(1)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_edit)
        start_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.type_label, type_row)
        form.addRow(self.start_label, start_row)
        form.addRow(self.target_label, target_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.open_button)
        buttons.addStretch(0)
        box = QVBoxLayout(self.start_box)
        box.addWidget(self.current_label)
        box.addLayout(form)
        box.addWidget(self.preview)
        box.addLayout(buttons)
        box.addWidget(self.status)

        # -- what changed since the last cycle
        self.compare_box = QGroupBox()
        self.previous_label = QLabel()
        self.previous_label.setWordWrap(True)
        self.compare_button = QPushButton()
        self.compare_button.setObjectName("nextCycleCompare")
        self.compare_button.clicked.connect(self.compare_previous)
        self.compare_other = QPushButton()
        self.compare_other.clicked.connect(self.choose_and_compare)
        compare_row = QHBoxLayout()
        compare_row.addWidget(self.previous_label, 1)
        compare_row.addWidget(self.compare_button)
        compare_row.addWidget(self.compare_other)
        self.tree = CompareTree()
        cbox = QVBoxLayout(self.compare_box)
        cbox.addLayout(compare_row)
        cbox.addWidget(self.tree, 1)

        # on a short screen the page scrolls rather than squeezing the form's rows
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.start_box)
        inner.addWidget(self.compare_box, 1)
        self.tree.setMinimumHeight(160)
        layout = QVBoxLayout(self)
        layout.addWidget(vertical_scroll(content))

        self.type_combo.currentIndexChanged.connect(self.update_preview)
        self.start_edit.dateChanged.connect(self.update_preview)
        self.start_button.setEnabled(True)
        self._compared_once = False
        self.tree.set_refresh(self._refresh_rows())
        self.retranslate_ui()

    def _refresh_rows(self) -> list[tuple[Text, Text]]:
        """Each item marked "needs refresh" when this cycle started, with the first reason."""
        ws = self.session.workspace
        titles = {it.key: it.title for it in ws.template.items}
        return [
            (titles.get(key, Text(key, key)), reasons[0])
            for key, reasons in next_cycle.refresh_reasons(ws).items()
            if reasons
        ]

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the tab shows, compare with the last cycle's file when it is there."""
        super().showEvent(event)
        previous = self.previous_path()
        if not self._compared_once and previous is not None and previous.is_file():
            self._compared_once = True
            self.compare_with(previous)

    # --- the next cycle ---------------------------------------------------------------------

    def chosen_type(self) -> AuditType | None:
        return TYPES[max(self.type_combo.currentIndex(), 0)]

    def update_preview(self) -> None:
        ws = self.session.workspace
        try:
            info = next_cycle.propose_info(ws, self.chosen_type(), _date(self.start_edit.date()))
        except errors.expected_types() as exc:
            self.preview_info = None
            self.preview.setText(errors.expected_message(exc) or "")
            self.start_button.setEnabled(False)
            return
        self.preview_info = info
        self.refresh_count = len(items_to_refresh(ws.template, info, ws.evidence(), ws.states()))
        self.start_button.setEnabled(self.task is None and self.may_start())
        self.preview.setText(
            self.tr(
                "The next audit: %1, %2 – %3. Audit period %4 – %5. %n item(s) will need this"
                " cycle's records (needs refresh); facts, departments, people, rates, open"
                " corrective actions and every evidence link carry over, marked last cycle.",
                "",
                self.refresh_count,
            )
            .replace("%1", pick(AUDIT_TYPE_TEXT[info.audit_type]))
            .replace("%2", str(info.audit_start))
            .replace("%3", str(info.audit_end))
            .replace("%4", str(info.period_start))
            .replace("%5", str(info.period_end))
        )

    def may_start(self) -> bool:
        """A department view (a department head's) does not start the company's next cycle."""
        return self.session.department_only is None

    def browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("The next cycle's workspace"),
            self.target_edit.text(),
            self.tr("ipaudit workspaces (*.ipaudit)"),
        )
        if path:
            self.target_edit.setText(path)

    def start(self) -> None:
        if self.task is not None:
            return
        ws = self.session.workspace
        target = Path(self.target_edit.text().strip())
        kind, day = self.chosen_type(), _date(self.start_edit.date())

        def run(ctx: workers.TaskContext) -> NextCycle:
            return next_cycle.start_next_cycle(
                ws, target, kind, day, progress=ctx.progress, cancel=ctx.cancelled
            )

        task = wire_task(
            workers.Task(run, "next cycle"),
            self,
            lambda: self.tr("The next cycle could not be started."),
        )
        self.task = task
        self.start_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Writing the next cycle's workspace…"))
        workers.start(task)

    def _done(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.start_button.setEnabled(self.preview_info is not None and self.may_start())

    def _on_cancelled(self) -> None:
        self._done()

    def _on_failed(self, _exc: object) -> None:
        """The error dialog comes from ``errors.watch``."""
        self._done()
        self.status.setText("")

    def _on_finished(self, result: NextCycle) -> None:
        self._done()
        self.result = result
        self._show_result()
        self.open_button.setVisible(True)
        self.target_edit.setText(str(next_cycle.propose_target(self.session.workspace)))
        self.cycleStarted.emit(result.path)

    def _show_result(self) -> None:
        if self.result is None:
            return
        carried = self.result.carried.get("evidence", 0)
        self.status.setText(
            self.tr("Written: %1 — %2, %3. This workspace stays as it is.")
            .replace("%2", self.tr("%n evidence link(s) carried over", "", carried))
            .replace("%3", self.tr("%n item(s) need refresh", "", len(self.result.refresh)))
            .replace("%1", str(self.result.path))
        )

    def open_new(self) -> None:
        if self.result is None:
            return
        self.openRequested.emit(self.result.path)
        window = self.window()
        opener = getattr(window, "open_path", None)
        if callable(opener):
            opener(self.result.path)

    # --- comparing ----------------------------------------------------------------------------

    def previous_path(self) -> Path | None:
        return next_cycle.previous_cycle(self.session.workspace)

    def compare_previous(self) -> None:
        previous = self.previous_path()
        if previous is not None:
            self.compare_with(previous)

    def choose_and_compare(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Last cycle's workspace"),
            str(self.session.workspace.path.parent),
            self.tr("ipaudit workspaces (*.ipaudit)"),
        )
        if path:
            self.compare_with(Path(path))

    def compare_with(self, previous: Path) -> workers.Task:
        """Compare ``previous`` (last cycle's file) with this workspace, in a worker."""
        current = self.session.workspace

        def run(_ctx: workers.TaskContext) -> CycleComparison:
            from ipaudit.services import Workspace

            with Workspace.open(previous, read_only=True) as old:
                return cycle_compare.compare_cycles(old, current)

        task = workers.Task(run, "compare cycles")
        task.finished.connect(self._compared)
        task.failed.connect(self._compare_failed)
        self.compare_task = task
        self.compare_button.setEnabled(False)
        workers.start(task)
        return task

    def _compared(self, comparison: CycleComparison) -> None:
        self.compare_task = None
        self.comparison = comparison
        self.compare_button.setEnabled(self.previous_path() is not None)
        self.tree.show_comparison(comparison)

    def _compare_failed(self, exc: BaseException) -> None:
        self.compare_task = None
        self.compare_button.setEnabled(self.previous_path() is not None)
        errors.show_error(exc, self, lambda: self.tr("The cycles could not be compared."))

    # --- texts --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        info = self.session.workspace.info()
        self.start_box.setTitle(self.tr("Start the next cycle"))
        self.current_label.setText(
            self.tr(
                "This cycle: %1, %2 – %3, audit period %4 – %5. The next cycle goes into a new"
                " file; this one stays readable for comparison."
            )
            .replace("%1", pick(AUDIT_TYPE_TEXT[info.audit_type]))
            .replace("%2", str(info.audit_start))
            .replace("%3", str(info.audit_end))
            .replace("%4", str(info.period_start))
            .replace("%5", str(info.period_end))
        )
        self.type_label.setText(self.tr("Audit &type:"))
        self.type_label.setBuddy(self.type_combo)
        names = (
            self.tr("As the certificate's cycle has it"),
            pick(AUDIT_TYPE_TEXT[AuditType.SURVEILLANCE]),
            pick(AUDIT_TYPE_TEXT[AuditType.RECERTIFICATION]),
        )
        for i, name in enumerate(names):
            self.type_combo.setItemText(i, name)
        self.start_label.setText(self.tr("Audit &starts:"))
        self.start_label.setBuddy(self.start_edit)
        self.target_label.setText(self.tr("New &file:"))
        self.target_label.setBuddy(self.target_edit)
        self.browse_button.setText(self.tr("Browse…"))
        self.start_button.setText(self.tr("Start the next cycle"))
        self.start_button.setToolTip(
            ""
            if self.may_start()
            else self.tr("The compliance manager starts the next cycle from the whole workspace.")
        )
        self.open_button.setText(self.tr("Open the new workspace"))
        self.compare_box.setTitle(self.tr("What changed since the last cycle"))
        previous = self.previous_path()
        self.previous_label.setText(
            self.tr("Last cycle: %1").replace("%1", str(previous))
            if previous
            else self.tr("This workspace was not started from a previous cycle.")
        )
        self.compare_button.setText(self.tr("Compare with the last cycle"))
        self.compare_button.setEnabled(previous is not None and self.compare_task is None)
        self.compare_other.setText(self.tr("Compare with a file…"))
        self.update_preview()
        self._show_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
