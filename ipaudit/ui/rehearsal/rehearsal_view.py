"""Interview rehearsal: pick a department and a person, answer its questions one at a time, see
what differs from the official answer, and the results of everyone who rehearsed.

Every answer goes through ``ipaudit.services.rehearsal`` (the same as ``ipaudit rehearse``) and is
kept in the workspace; the dashboard shows the resulting interview readiness.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.interview import InterviewQuestion
from ipaudit.services import rehearsal
from ipaudit.services.rehearsal import Attempt
from ipaudit.ui import errors, i18n
from ipaudit.ui.combo import refill
from ipaudit.ui.findings.language import pick
from ipaudit.ui.fit import narrow_combo, vertical_scroll
from ipaudit.ui.session import WorkspaceSession

PASS_COLOR = "#1b7a2f"
FAIL_COLOR = "#b3261e"


def _percent(share: float) -> str:
    return f"{100 * share:.0f}%"


class RehearsalView(QWidget):
    """The rehearsal tab (``panels.AUDIT_VIEWS["rehearsal"]``)."""

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.questions: list[InterviewQuestion] = []
        self.index = -1
        self.last: Attempt | None = None
        self.session_right = 0
        self.session_answered = 0

        # -- choosing who rehearses
        self.department_label = QLabel()
        self.department = QComboBox()
        self.department.setObjectName("rehearsalDepartment")
        narrow_combo(self.department)
        self.person_label = QLabel()
        self.person = QComboBox()
        self.person.setObjectName("rehearsalPerson")
        self.person.setEditable(True)
        self.person.setMinimumWidth(140)
        self.retry = QCheckBox()
        self.start_button = QPushButton()
        self.start_button.setObjectName("rehearsalStart")
        self.start_button.clicked.connect(self.start)
        top = QHBoxLayout()
        for w in (self.department_label, self.department, self.person_label, self.person):
            top.addWidget(w)
        top.addWidget(self.retry)
        top.addStretch(1)
        top.addWidget(self.start_button)

        # -- one question at a time
        self.progress = QLabel()
        self.progress.setObjectName("rehearsalProgress")
        self.question = QLabel()
        self.question.setObjectName("rehearsalQuestion")
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(self.question.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        self.question.setFont(big)
        self.answer = QPlainTextEdit()
        self.answer.setObjectName("rehearsalAnswer")
        self.answer.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.answer.setMaximumHeight(110)
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("rehearsalSubmit")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        self.next_button = QPushButton()
        self.next_button.setObjectName("rehearsalNext")
        self.next_button.clicked.connect(self.next_question)
        self.skip_button = QPushButton()
        self.skip_button.clicked.connect(self.next_question)
        QShortcut(QKeySequence("Ctrl+Return"), self.answer, self.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)

        self.verdict = QLabel()
        self.verdict.setObjectName("rehearsalVerdict")
        self.verdict.setWordWrap(True)
        self.differences = QLabel()
        self.differences.setObjectName("rehearsalDifferences")
        self.differences.setWordWrap(True)
        self.differences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.official = QLabel()
        self.official.setObjectName("rehearsalOfficial")
        self.official.setWordWrap(True)
        self.official.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("rehearsalMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {FAIL_COLOR};")

        result = QFrame()
        result.setFrameShape(QFrame.Shape.StyledPanel)
        result_box = QVBoxLayout(result)
        result_box.addWidget(self.verdict)
        result_box.addWidget(self.differences)
        result_box.addWidget(self.official)
        result_box.addStretch(1)

        left = QWidget()
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        lbox.addWidget(self.progress)
        lbox.addWidget(self.question)
        lbox.addWidget(self.answer)
        lbox.addLayout(buttons)
        lbox.addWidget(self.message)
        lbox.addWidget(result, 1)

        # -- results
        self.summary_title = QLabel()
        bold = QFont(self.summary_title.font())
        bold.setBold(True)
        self.summary_title.setFont(bold)
        self.readiness_label = QLabel()
        self.readiness_label.setObjectName("rehearsalReadiness")
        self.readiness_label.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("rehearsalResults")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemDoubleClicked.connect(self._pick_person_row)
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addWidget(self.summary_title)
        rbox.addWidget(self.readiness_label)
        rbox.addWidget(self.table, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)

        # on a short screen the page scrolls rather than making the window taller
        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(top, 0, 0)
        grid.addWidget(split, 1, 0)
        grid.setRowStretch(1, 1)
        QVBoxLayout(self).addWidget(vertical_scroll(content))

        self._fill_departments()
        self.department.currentIndexChanged.connect(self._department_changed)
        self.retranslate_ui()
        self._department_changed()

    # --- choosing -------------------------------------------------------------------------

    def _fill_departments(self) -> None:
        # a department view: only its department
        refill(self.department, [(pick(d.name), d.key) for d in self.session.departments()])
        self.department.setEnabled(self.department.count() > 1)

    @property
    def department_key(self) -> str:
        return str(self.department.currentData() or "")

    def _department_changed(self) -> None:
        self.questions, self.index, self.last = [], -1, None
        self._fill_people()
        self.refresh_results()
        self._show_question()

    def _fill_people(self) -> None:
        typed = self.person.currentText()
        names = sorted(
            {r.person for r in rehearsal.results(self.session.workspace, self.department_key)}
            if self.department_key
            else set()
        )
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItems(names)
        self.person.setEditText(typed)
        self.person.blockSignals(False)

    def _pick_person_row(self, item: QTableWidgetItem) -> None:
        name = self.table.item(item.row(), 0)
        if name is not None:
            self.person.setEditText(name.text())

    def start(self) -> None:
        """The department's questions from the first (only those not yet right with the option)."""
        self.message.clear()
        dep, person = self.department_key, self.person.currentText().strip()
        if not person:
            self.message.setText(self.tr("Type the name of the person answering first."))
            self.person.setFocus()
            return
        try:
            asked = rehearsal.questions(self.session.workspace, dep)
            if self.retry.isChecked():
                last = {
                    a.question: a for a in rehearsal.attempts(self.session.workspace, dep, person)
                }
                asked = [q for q in asked if q.key not in last or not last[q.key].passed]
        except errors.expected_types() as exc:
            self.message.setText(errors.expected_message(exc) or str(exc))
            return
        self.questions, self.index, self.last = asked, 0, None
        self.session_right = self.session_answered = 0
        self._show_question()
        self.answer.setFocus()

    # --- answering ------------------------------------------------------------------------

    @property
    def current(self) -> InterviewQuestion | None:
        if 0 <= self.index < len(self.questions):
            return self.questions[self.index]
        return None

    def submit(self) -> None:
        """Compare the typed answer with the official one, keep it, and show what differs."""
        q = self.current
        if q is None or self.last is not None or self.session.read_only:
            return
        text = self.answer.toPlainText()
        if not text.strip():
            self.message.setText(self.tr("Type an answer, or skip the question."))
            return
        self.message.clear()
        try:
            attempt = rehearsal.record_answer(
                self.session.workspace,
                self.department_key,
                self.person.currentText(),
                q.key,
                text,
            )
        except errors.expected_types() as exc:
            self.message.setText(errors.expected_message(exc) or str(exc))
            return
        self.last = attempt
        self.session_answered += 1
        self.session_right += int(attempt.passed)
        self._show_result(q, attempt)
        self._update_buttons()
        self.refresh_results()
        self.session.edited.emit("rehearsal")
        self.next_button.setFocus()

    def next_question(self) -> None:
        if self.current is None:
            return
        self.index += 1
        self.last = None
        self._show_question()
        self.answer.setFocus()

    def _show_question(self) -> None:
        q = self.current
        self.answer.clear()
        self.verdict.clear()
        self.differences.clear()
        self.official.clear()
        if not self.questions and self.index < 0:
            self.progress.setText(self.tr("Choose a department and a person, then start."))
            self.question.clear()
        elif q is None:
            self.progress.setText(self.tr("Rehearsal finished"))
            self.question.setText(
                self.tr("%1 of %2 answered right.")
                .replace("%1", str(self.session_right))
                .replace("%2", str(self.session_answered))
                if self.questions
                else self.tr("Nothing left to rehearse.")
            )
        else:
            where = ""
            if q.item is not None:
                where = f" · {q.item.clause} {pick(q.item.title)}"
            self.progress.setText(
                self.tr("Question %1 of %2")
                .replace("%1", str(self.index + 1))
                .replace("%2", str(len(self.questions)))
                + where
            )
            self.question.setText(pick(q.text))
        self._update_buttons()

    def _show_result(self, q: InterviewQuestion, attempt: Attempt) -> None:
        lang = i18n.language()
        if attempt.passed:
            self.verdict.setText("✓ " + self.tr("Agrees with the official answer."))
            self.verdict.setStyleSheet(f"color: {PASS_COLOR}; font-weight: bold;")
        else:
            self.verdict.setText("✗ " + self.tr("Differs from the official answer:"))
            self.verdict.setStyleSheet(f"color: {FAIL_COLOR}; font-weight: bold;")
        self.differences.setText("\n".join("• " + d.text().get(lang) for d in attempt.differences))
        self.official.setText(
            self.tr("Official answer: %1").replace("%1", q.official_text(lang) or "")
        )

    def _update_buttons(self) -> None:
        asking = self.current is not None
        answered = self.last is not None
        self.answer.setEnabled(asking and not self.session.read_only)
        self.answer.setReadOnly(answered)  # the answer given stays readable beside the result
        self.submit_button.setEnabled(asking and not answered and not self.session.read_only)
        self.skip_button.setEnabled(asking and not answered)
        self.next_button.setEnabled(asking and answered)

    # --- results --------------------------------------------------------------------------

    def refresh_results(self) -> None:
        ws = self.session.workspace
        dep = self.department_key
        if not dep:
            return
        ready = rehearsal.readiness(ws).get(dep)
        if ready is not None:
            self.readiness_label.setText(
                self.tr(
                    "Interview readiness: %1 (%2 of %n question(s) last answered right)",
                    "",
                    ready.questions,
                )
                .replace("%1", _percent(ready.share))
                .replace("%2", str(ready.right))
            )
        rows = rehearsal.results(ws, dep)
        self.table.setRowCount(len(rows))
        for n, r in enumerate(rows):
            cells = [
                r.person,
                f"{r.answered}/{r.questions}",
                str(r.right),
                _percent(r.share),
                str(r.attempts),
            ]
            for col, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                if col:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(n, col, cell)

    # --- language -------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.department_label.setText(self.tr("Department:"))
        self.person_label.setText(self.tr("Person:"))
        edit = self.person.lineEdit()
        if edit is not None:  # the combo is editable: it has one
            edit.setPlaceholderText(self.tr("Name"))
        self.retry.setText(self.tr("Only questions not yet answered right"))
        self.start_button.setText(self.tr("Start"))
        self.submit_button.setText(self.tr("Check answer"))
        self.submit_button.setToolTip(self.tr("Ctrl+Enter"))
        self.skip_button.setText(self.tr("Skip"))
        self.next_button.setText(self.tr("Next question"))
        self.answer.setPlaceholderText(
            self.tr("Type the answer as you would say it to the auditor")
        )
        self.summary_title.setText(self.tr("Results in this department"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Person"),
                self.tr("Answered"),
                self.tr("Right"),
                self.tr("Share"),
                self.tr("Attempts"),
            ]
        )
        for i in range(self.department.count()):
            key = self.department.itemData(i)
            dep = next((d for d in self.session.departments() if d.key == key), None)
            if dep is not None:
                self.department.setItemText(i, pick(dep.name))
        typed = self.answer.toPlainText()
        self._show_question()
        self.answer.setPlainText(typed)
        if self.last is not None and self.current is not None:
            self._show_result(self.current, self.last)
        self.refresh_results()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
