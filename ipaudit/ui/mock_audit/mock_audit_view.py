"""The mock audit (模拟审核) view of the Audit menu.

Draw samples the way an auditor does (the seed is shown and can be changed to draw again while no
sample has a result), walk them one at a time recording the result with the auditors' grades, a
note and the evidence looked at (or, for an employee drawn for staff awareness, whether they could
state the policy and their part in it), jump to the sample's checklist item, open a corrective
action for every nonconformity, and write the internal audit report and the nonconformity reports
in the background, then open their folder. Every change is one undo step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain import mock_audit as m
from ipaudit.services import corrective_actions as actions_service
from ipaudit.services import mock_audit as service
from ipaudit.ui import errors, i18n, workers
from ipaudit.ui.combo import refill
from ipaudit.ui.department_scope import scope_label, show_scope
from ipaudit.ui.fit import fit_columns, vertical_scroll
from ipaudit.ui.icons import grade_icon
from ipaudit.ui.mock_audit import samples_model as sm
from ipaudit.ui.mock_audit.commands import PutAudit, PutSample, push
from ipaudit.ui.mock_audit.report_details_dialog import ReportDetailsDialog
from ipaudit.ui.progress import TaskProgressDialog
from ipaudit.ui.session import WorkspaceSession

RECORD_PAGE, AWARENESS_PAGE = 0, 1


#: the samples table's set-width columns, in Chinese characters (or their title, if wider)
NARROW_COLUMNS = {
    sm.KIND: "中" * 6,
    sm.DEPARTMENT: "中" * 4,
    sm.RESULT: "中" * 6,
    sm.NOTE: "中" * 6,
}


class SamplePanel(QWidget):
    """One sample: what to fetch, the files to look at, and its result."""

    saveRequested = Signal(bool)  # True: go on to the next sample not walked
    itemRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sample: m.Sample | None = None
        self.title = QLabel()
        self.title.setObjectName("sampleTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.files_label = QLabel()
        self.files = QListWidget()
        self.files.setMaximumHeight(110)
        # a long file name wraps within the panel instead of scrolling it sideways
        self.files.setWordWrap(True)
        self.files.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.go_to_item = QPushButton()
        self.go_to_item.setObjectName("goToItem")
        self.go_to_item.clicked.connect(self._go_to_item)

        # a record: the result, the note and the evidence looked at
        self.results = QButtonGroup(self)
        self.result_buttons: dict[m.Result, QRadioButton] = {}
        # two by two: four results in one row are wider than the panel on a laptop's screen
        result_row = QGridLayout()
        for n, result in enumerate(m.Result):
            button = QRadioButton()
            button.setIcon(grade_icon(result.grade))
            self.results.addButton(button, n)
            self.result_buttons[result] = button
            result_row.addWidget(button, n // 2, n % 2)
        result_row.setColumnStretch(2, 1)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.evidence_seen = QLineEdit()
        record_page = QWidget()
        self.record_form = QFormLayout(record_page)
        self.record_labels = [QLabel(), QLabel(), QLabel()]
        self.record_form.addRow(self.record_labels[0], result_row)
        self.record_form.addRow(self.record_labels[1], self.note)
        self.record_form.addRow(self.record_labels[2], self.evidence_seen)

        # an employee: name, policy, their part, a note
        self.person = QLineEdit()
        self.policy_ok = QCheckBox()
        self.role_ok = QCheckBox()
        self.person_note = QPlainTextEdit()
        self.person_note.setTabChangesFocus(True)
        self.person_note.setMaximumHeight(90)
        self.policy_text = QLabel()
        self.policy_text.setWordWrap(True)
        self.policy_text.setObjectName("policyText")
        awareness_page = QWidget()
        self.awareness_form = QFormLayout(awareness_page)
        self.awareness_labels = [QLabel(), QLabel()]
        self.awareness_form.addRow(self.awareness_labels[0], self.person)
        self.awareness_form.addRow(self.policy_text)
        self.awareness_form.addRow(self.policy_ok)
        self.awareness_form.addRow(self.role_ok)
        self.awareness_form.addRow(self.awareness_labels[1], self.person_note)

        self.pages = QStackedWidget()
        self.pages.addWidget(record_page)
        self.pages.addWidget(awareness_page)

        self.save = QPushButton()
        self.save.setObjectName("saveSample")
        self.save.clicked.connect(lambda: self.saveRequested.emit(False))
        self.save_next = QPushButton()
        self.save_next.setObjectName("saveAndNext")
        self.save_next.setDefault(True)
        self.save_next.clicked.connect(lambda: self.saveRequested.emit(True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.go_to_item)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        buttons.addWidget(self.save_next)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.where)
        layout.addWidget(self.files_label)
        layout.addWidget(self.files)
        layout.addWidget(self.pages)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate_ui()
        self.load(None, "", "", {})

    def load(
        self, sample: m.Sample | None, kind: str, department: str, files: dict[int, str]
    ) -> None:
        self.sample = sample
        enabled = sample is not None
        for w in (self.pages, self.save, self.save_next, self.files):
            w.setEnabled(enabled)
        self.go_to_item.setEnabled(bool(sample and sample.item_key))
        self.files.clear()
        if sample is None:
            self.title.setText(self.tr("Choose a sample."))
            self.where.clear()
            return
        self.title.setText(f"{sample.key} · {i18n.text(sample.label)}")
        self.where.setText(f"{kind} · {department}")
        for ev_id in sample.evidence_ids:
            self.files.addItem(files.get(ev_id, f"#{ev_id}"))
        self.files_label.setVisible(bool(sample.evidence_ids))
        self.files.setVisible(bool(sample.evidence_ids))
        if sample.awareness:
            self.pages.setCurrentIndex(AWARENESS_PAGE)
            self.person.setText(sample.person)
            self.policy_ok.setChecked(bool(sample.policy_ok))
            self.role_ok.setChecked(bool(sample.role_ok))
            self.person_note.setPlainText(sample.note)
        else:
            self.pages.setCurrentIndex(RECORD_PAGE)
            self.results.setExclusive(False)
            for button in self.result_buttons.values():
                button.setChecked(False)
            self.results.setExclusive(True)
            if sample.result is not None:
                self.result_buttons[sample.result].setChecked(True)
            self.note.setPlainText(sample.note)
            self.evidence_seen.setText(sample.evidence_seen)

    def set_policy(self, policy: str) -> None:
        self.policy_text.setText(self.tr("The policy: %1").replace("%1", policy) if policy else "")

    def chosen_result(self) -> m.Result | None:
        return next((r for r, b in self.result_buttons.items() if b.isChecked()), None)

    def _go_to_item(self) -> None:
        if self.sample is not None and self.sample.item_key:
            self.itemRequested.emit(self.sample.item_key)

    def retranslate_ui(self) -> None:
        for result, button in self.result_buttons.items():
            button.setText(i18n.text(m.RESULT_TEXT[result]))
        self.record_labels[0].setText(self.tr("Result"))
        self.record_labels[1].setText(self.tr("What was found"))
        self.record_labels[2].setText(self.tr("Evidence looked at"))
        self.awareness_labels[0].setText(self.tr("Employee"))
        self.awareness_labels[1].setText(self.tr("Note"))
        self.policy_ok.setText(self.tr("Could state the IP policy"))
        self.role_ok.setText(self.tr("Could state their part in it"))
        self.files_label.setText(self.tr("Files to look at"))
        self.go_to_item.setText(self.tr("Go to item"))
        self.save.setText(self.tr("Save"))
        self.save_next.setText(self.tr("Save and next"))
        if self.sample is None:
            self.title.setText(self.tr("Choose a sample."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class MockAuditView(QWidget):
    #: (department, item key): show the item in the checklist
    itemActivated = Signal(str, str)
    #: the reports were written: the files
    reportsWritten = Signal(list)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mockAuditView")
        self.session = session
        #: open the reports' folder once they are written (tests switch it off)
        self.open_folder_when_written = True
        self.task: workers.Task | None = None
        self.last_reports: list[Path] = []
        self.audit: m.MockAudit | None = None
        self._dialog: TaskProgressDialog | None = None

        self.audit_label = QLabel()
        self.audit_choice = QComboBox()
        self.audit_choice.setObjectName("auditChoice")
        self.audit_label.setBuddy(self.audit_choice)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newMockAudit")
        self.seed_label = QLabel()
        self.seed = QSpinBox()
        self.seed.setObjectName("seed")
        self.seed.setRange(0, m.SEED_MAX)
        self.seed_label.setBuddy(self.seed)
        self.redraw_button = QPushButton()
        self.redraw_button.setObjectName("redraw")
        self.auditors_label = QLabel()
        self.auditors = QLineEdit()
        self.auditors.setObjectName("auditors")
        self.auditors_label.setBuddy(self.auditors)
        self.actions_button = QPushButton()
        self.actions_button.setObjectName("raiseActions")
        self.details_button = QPushButton()
        self.details_button.setObjectName("reportDetails")
        self.report_button = QPushButton()
        self.report_button.setObjectName("writeReports")

        # two rows: the audit and its draw; who audits and what comes out of it
        bar = QHBoxLayout()
        for w in (
            self.audit_label,
            self.audit_choice,
            self.new_button,
            self.seed_label,
            self.seed,
            self.redraw_button,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        outcome = QHBoxLayout()
        outcome.addWidget(self.auditors_label)
        outcome.addWidget(self.auditors, 1)
        outcome.addWidget(self.actions_button)
        outcome.addWidget(self.details_button)
        outcome.addWidget(self.report_button)

        self.show_label = QLabel()
        self.show_filter = QComboBox()
        self.show_filter.setObjectName("sampleFilter")
        self.show_label.setBuddy(self.show_filter)
        self.progress = QLabel()
        self.progress.setObjectName("walkProgress")
        self.shortfall = QLabel()
        self.shortfall.setObjectName("shortfall")
        self.shortfall.setWordWrap(True)
        self.shortfall.setStyleSheet("color: #b26a00;")
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.show_label)
        filter_row.addWidget(self.show_filter)
        filter_row.addWidget(self.progress, 1)

        self.model = sm.SamplesModel(self)
        self.proxy = sm.SamplesFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("samplesTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(sm.LABEL, QHeaderView.ResizeMode.Stretch)
        # a long kind, department, result or note must not squeeze the sample nor push the
        # table sideways: their columns keep a set width (tooltip: all)
        for col in NARROW_COLUMNS:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filter_row)
        left_layout.addWidget(self.shortfall)
        left_layout.addWidget(self.table, 1)

        self.panel = SamplePanel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        # the sample's panel scrolls on a short screen rather than making the window taller
        splitter.addWidget(vertical_scroll(self.panel))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([3000, 2000])  # the samples get the larger part from the start
        splitter.setChildrenCollapsible(False)

        # a department view: its own samples only, and it says so
        self.scope = scope_label(session)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope)
        layout.addLayout(bar)
        layout.addLayout(outcome)
        layout.addWidget(splitter, 1)

        self.audit_choice.currentIndexChanged.connect(self._audit_chosen)
        self.new_button.clicked.connect(self.new_audit)
        self.redraw_button.clicked.connect(lambda: self.redraw(self.seed.value()))
        self.auditors.editingFinished.connect(self.save_auditors)
        self.actions_button.clicked.connect(self.raise_actions)
        self.details_button.clicked.connect(self.edit_report_details)
        self.report_button.clicked.connect(self.choose_report_folder)
        self.show_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_show(self.show_filter.currentData() or sm.ALL)
        )
        self.panel.saveRequested.connect(self.save_sample)
        self.panel.itemRequested.connect(self._go_to_item)
        session.edited.connect(self._on_edited)
        show_item = getattr(parent, "show_item", None)
        if show_item is not None:
            self.itemActivated.connect(show_item)
        self.retranslate_ui()
        self.refresh()

    # --- reading -----------------------------------------------------------------------------

    def _names(self) -> dict[str, str]:
        return {d.key: i18n.text(d.name) for d in self.session.workspace.departments()}

    def _on_edited(self, _key: str) -> None:
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        """Show the mock audits as stored now (``select``: the one to show, else the same)."""
        ws = self.session.workspace
        found = service.audits(ws)
        wanted = select or (self.audit.key if self.audit else (found[-1].key if found else ""))
        shown = [self._shown(a) for a in found]
        refill(
            self.audit_choice,
            [(f"{a.key} · {a.walked}/{len(a.samples)}", a.key) for a in shown],
            wanted,
        )
        self._show_audit(next((a for a in found if a.key == self.audit_choice.currentData()), None))

    def _shown(self, audit: m.MockAudit) -> m.MockAudit:
        """``audit`` as this view shows it: a department view, that department's samples only
        (to show and walk; edits go to the audit as stored, whole)."""
        return service.department_audit(self.session.workspace, audit, self.session.department_only)

    def _audit_chosen(self, _index: int) -> None:
        self.refresh(self.audit_choice.currentData())

    def _show_audit(self, audit: m.MockAudit | None) -> None:
        current = self.panel.sample.key if self.panel.sample else None
        same = audit is not None and self.audit is not None and audit.key == self.audit.key
        self.audit = audit
        shown = self._shown(audit) if audit is not None else None
        self.model.set_audit(audit, self._names(), shown.samples if shown else None)
        has = audit is not None
        writable = not self.session.read_only
        # drawing, the auditors, the report and the actions are the whole audit's: the manager's
        whole = writable and not self.session.department_only
        for w in (self.redraw_button, self.seed, self.auditors, self.details_button):
            w.setEnabled(has and whole)
        self.actions_button.setEnabled(has and whole and bool(self._without_action(audit)))
        self.report_button.setEnabled(has and not self.session.department_only)
        self.new_button.setEnabled(whole)
        self.panel.setEnabled(has and writable)
        if audit is None:
            self.seed.setValue(0)
            self.auditors.clear()
            self.progress.setText(self.tr("No mock audit yet: draw one with New."))
            self.shortfall.hide()
            self.panel.load(None, "", "", {})
            return
        self.seed.setValue(audit.seed)
        self.redraw_button.setEnabled(whole and audit.walked == 0)
        if not self.auditors.hasFocus():
            self.auditors.setText("、".join(audit.auditors))
        self._show_progress()
        self._show_shortfall()
        self.panel.set_policy(self.session.workspace.facts().policy)
        if not (same and current and self.select(current)):
            assert shown is not None
            first = m.next_open(shown)
            self.select(first.key if first else (shown.samples[0].key if shown.samples else ""))

    def _without_action(self, audit: m.MockAudit | None) -> list[m.Sample]:
        """The nonconformities of ``audit`` that have no corrective action yet."""
        if audit is None:
            return []
        have = actions_service.by_origin(self.session.workspace)
        return [s for s in audit.nonconformities() if f"{audit.key}/{s.key}" not in have]

    def _show_progress(self) -> None:
        if self.audit is None:
            return
        audit = self._shown(self.audit)
        tally = audit.tally()
        text = self.tr("Walked %1 of %2").replace("%1", str(audit.walked))
        text = text.replace("%2", str(len(audit.samples)))
        marks = " ".join(f"{i18n.text(m.RESULT_TEXT[r]).split(' ')[0]}{tally[r]}" for r in m.Result)
        self.progress.setText(f"{text}  {marks}")

    def _show_shortfall(self) -> None:
        if self.audit is None or self.session.department_only:  # the whole draw's, the manager's
            self.shortfall.hide()
            return
        short = service.shortfalls(self.session.workspace, self.audit)
        if not short:
            self.shortfall.hide()
            return
        parts = [
            self.tr("%1: the plan asks %2, the workspace holds %3")
            .replace("%1", i18n.text(s.title))
            .replace("%2", str(s.count))
            .replace("%3", str(have))
            for s, have in short
        ]
        self.shortfall.setText("； ".join(parts))
        self.shortfall.show()

    def select(self, key: str) -> bool:
        row = self.model.row_of(key)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.show_filter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._show_selected()
        return True

    def selected(self) -> m.Sample | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = self.proxy.data(index, sm.SampleRole)
        return value if isinstance(value, m.Sample) else None

    def _show_selected(self) -> None:
        sample = self.selected()
        if sample is None or self.audit is None:
            return
        ws = self.session.workspace
        files: dict[int, str] = {}
        for ev_id in sample.evidence_ids:
            try:
                ev = ws.evidence_by_id(ev_id)
            except errors.expected_types():
                continue
            files[ev_id] = ev.title or ev.original_name
        stratum = self.audit.plan.stratum(sample.stratum)
        kind = i18n.text(stratum.title) if stratum else sample.stratum
        self.panel.load(sample, kind, self._names().get(sample.department, ""), files)

    # --- editing -----------------------------------------------------------------------------

    def _try(self, headline: str, fn: Any) -> Any:
        try:
            return fn()
        except errors.expected_types() as exc:
            if not errors.is_expected(exc):
                raise
            errors.show_error(exc, self, headline)
            return None

    def new_audit(self, seed: int | None = None) -> m.MockAudit | None:
        """Draw a new mock audit (a fresh random seed unless given)."""
        ws = self.session.workspace
        auditors = self._auditor_names()
        audit = self._try(
            self.tr("The samples were not drawn."),
            lambda: service.draw_audit(ws, seed=seed, auditors=auditors),
        )
        if audit is None:
            return None
        self.audit = audit
        push(
            self.session,
            PutAudit(
                self.session, self.tr("Draw mock audit %1").replace("%1", audit.key), None, audit
            ),
        )
        self.refresh(audit.key)
        return audit

    def redraw(self, seed: int) -> m.MockAudit | None:
        before = self.audit
        if before is None or seed == before.seed:
            return None
        ws = self.session.workspace
        after = self._try(
            self.tr("The samples were not drawn again."),
            lambda: service.redraw(ws, service.get(ws, before.key), seed),
        )
        if after is None:
            self.seed.setValue(before.seed)
            return None
        push(
            self.session,
            PutAudit(
                self.session, self.tr("Draw %1 again").replace("%1", after.key), before, after
            ),
        )
        return after

    def _auditor_names(self) -> tuple[str, ...]:
        text = self.auditors.text().replace(",", "、").replace("，", "、").replace(";", "、")
        return tuple(n.strip() for n in text.split("、") if n.strip())

    def save_auditors(self) -> None:
        before = self.audit
        names = self._auditor_names()
        if before is None or names == before.auditors:
            return
        ws = self.session.workspace
        after = self._try(
            self.tr("The auditors were not saved."),
            lambda: service.set_details(ws, service.get(ws, before.key), auditors=names),
        )
        if after is not None:
            push(
                self.session,
                PutAudit(
                    self.session, self.tr("Auditors of %1").replace("%1", after.key), before, after
                ),
            )

    def edit_report_details(self) -> ReportDetailsDialog | None:
        """The report's scope, summary and conclusion in a dialog (stored when accepted)."""
        if self.audit is None:
            return None
        dialog = ReportDetailsDialog(self.audit, self)
        dialog.accepted.connect(lambda: self.save_report_details(dialog.details()))
        dialog.open()
        return dialog

    def save_report_details(self, details: dict[str, str]) -> m.MockAudit | None:
        before = self.audit
        if before is None:
            return None
        ws = self.session.workspace
        after = self._try(
            self.tr("The report details were not saved."),
            lambda: service.set_details(
                ws,
                service.get(ws, before.key),
                scope=details["scope"],
                summary=details["summary"],
                conclusion=details["conclusion"],
            ),
        )
        if after is not None:
            text = self.tr("Report details of %1").replace("%1", after.key)
            push(self.session, PutAudit(self.session, text, before, after))
        return after

    def save_sample(self, go_on: bool = False) -> m.Sample | None:
        """Store the panel's result for its sample; ``go_on``: then show the next one not walked."""
        audit, before = self.audit, self.panel.sample
        if audit is None or before is None:
            return None
        p = self.panel
        if before.awareness:
            after = m.record_awareness(
                before,
                audit.plan,
                policy_ok=p.policy_ok.isChecked(),
                role_ok=p.role_ok.isChecked(),
                person=p.person.text().strip(),
                note=p.person_note.toPlainText().strip(),
            )
        else:
            result = p.chosen_result()
            if result is None:
                self.progress.setText(self.tr("Choose the result first."))
                return None
            after = m.record_result(
                before, result, p.note.toPlainText().strip(), p.evidence_seen.text().strip()
            )
        ws = self.session.workspace
        stored = self._try(
            self.tr("The result was not saved."),
            lambda: service.put_sample(ws, audit.key, after),
        )
        if stored is None:
            return None
        text = self.tr("Result of %1").replace("%1", after.key)
        self.audit = stored
        push(self.session, PutSample(self.session, text, audit.key, before, after))
        changed = m.grade_changed(after, None) if after.awareness else None
        if changed is not None:  # an answer "no": not conform, and the user is told why
            self.progress.setText(changed.get(i18n.language()))
        if go_on and self.audit is not None:
            nxt = m.next_open(self._shown(self.audit), after=after.key)
            if nxt is not None:
                self.select(nxt.key)
        return after

    def raise_actions(self) -> list[Any]:
        """A corrective action for every nonconformity that has none yet (one undo step)."""
        audit = self.audit
        if audit is None:
            return []
        ws = self.session.workspace
        made = self._try(
            self.tr("The corrective actions were not opened."),
            lambda: actions_service.raise_from_mock_audit(ws, service.get(ws, audit.key)),
        )
        if made:
            from ipaudit.ui.actions.commands import ReplaceAction

            stack = self.session.undo_stack
            stack.beginMacro(self.tr("Open corrective actions: %n", "", len(made)))
            for a in made:
                stack.push(ReplaceAction(self.session, a.key, None, a))
            stack.endMacro()
            self.session.edited.emit("")
        self.progress.setText(self.tr("Corrective actions opened: %n", "", len(made or [])))
        return list(made or [])

    def _go_to_item(self, item_key: str) -> None:
        ws = self.session.workspace
        try:
            item = ws.item(item_key)
        except errors.expected_types():
            return
        self.itemActivated.emit(ws.owner(item), item_key)

    # --- reports -----------------------------------------------------------------------------

    def choose_report_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the reports"))
        if folder:
            self.write_reports(Path(folder))

    def write_reports(self, folder: Path) -> workers.Task | None:
        """Write the internal audit report and the nonconformity reports in the background."""
        if self.audit is None or self.task is not None:
            return None
        ws, key, lang = self.session.workspace, self.audit.key, i18n.language()

        def work(ctx: workers.TaskContext) -> list[Path]:
            audit = service.get(ws, key)
            return service.write_reports(
                ws, audit, folder, lang=lang, progress=ctx.progress, cancel=ctx.cancelled
            )

        task = workers.Task(work, "mock audit reports")
        dialog = TaskProgressDialog(
            task, self.tr("Writing the reports…"), self, title=self.tr("Mock audit reports")
        )
        errors.watch(task, self, self.tr("The reports were not written."))
        task.finished.connect(lambda files: self._written(folder, files))
        task.failed.connect(lambda _exc: self._task_over())
        task.cancelled.connect(self._task_over)
        self.task = task
        self.report_button.setEnabled(False)
        workers.start(task)
        self._dialog = dialog
        return task

    def _task_over(self) -> None:
        self.task = None
        self.report_button.setEnabled(self.audit is not None)

    def _written(self, folder: Path, files: list[Path]) -> None:
        self._task_over()
        self.last_reports = list(files)
        self.progress.setText(
            self.tr("Reports written to %1: %n", "", len(files)).replace("%1", str(folder))
        )
        self.reportsWritten.emit(list(files))
        if self.open_folder_when_written:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        show_scope(self.scope, self.session)
        self.audit_label.setText(self.tr("Mock audit"))
        self.new_button.setText(self.tr("New…"))
        self.new_button.setToolTip(self.tr("Draw a new mock audit's samples with a new seed"))
        self.seed_label.setText(self.tr("Seed"))
        self.seed.setToolTip(self.tr("The same seed draws the same samples"))
        self.redraw_button.setText(self.tr("Draw again"))
        self.redraw_button.setToolTip(
            self.tr("Draw the samples again with this seed (before any result is recorded)")
        )
        self.auditors_label.setText(self.tr("Auditors"))
        self.auditors.setPlaceholderText(self.tr("names, separated by 、"))
        self.actions_button.setText(self.tr("Open corrective actions"))
        self.details_button.setText(self.tr("Report details…"))
        self.details_button.setToolTip(self.tr("The report's scope, summary and conclusion"))
        self.report_button.setText(self.tr("Write reports…"))
        self.show_label.setText(self.tr("Show"))
        refill(
            self.show_filter,
            [
                (self.tr("All samples"), sm.ALL),
                (self.tr("Records"), sm.RECORDS),
                (self.tr("Staff awareness"), sm.AWARENESS),
                (self.tr("Not walked yet"), sm.OPEN),
            ],
        )
        self.model.retranslate()
        fit_columns(self.table, NARROW_COLUMNS)
        if self.audit is not None:
            self._show_progress()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
