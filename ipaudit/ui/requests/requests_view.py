"""The auditor's request list: import it, confirm or correct each line's checklist item (a combo of
the proposed candidates with a search over every item), and see which requests are covered,
partly covered or missing once confirmed — a proposal is "to confirm", a line without one
"unmatched", each with its own colour and count.

Every change goes through ``ipaudit.services.request_list`` (the same as ``ipaudit requests-import``
and ``ipaudit request-match``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.model import Item
from ipaudit.domain.request_list import COVERAGE_TEXT, Coverage
from ipaudit.services import request_list
from ipaudit.services.request_list import RequestCoverage
from ipaudit.ui import errors, fit, i18n, workers
from ipaudit.ui.department_scope import scope_label, show_scope
from ipaudit.ui.findings.language import pick
from ipaudit.ui.session import WorkspaceSession

COVERAGE_COLOR = {
    Coverage.COVERED: "#d7f0dc",
    Coverage.PARTLY: "#fff1c2",
    Coverage.MISSING: "#f8d7d4",
    Coverage.TO_CONFIRM: "#dde8f7",  # waiting for the user: neither covered nor missing
    Coverage.UNMATCHED: "#e6e6e6",
}
NONE = "__none__"  # the combo's "no checklist item" entry
COL_NUMBER, COL_TITLE, COL_DEPARTMENT, COL_ITEM, COL_SCORE, COL_COVERAGE, COL_NOTE = range(7)


class RequestsView(QWidget):
    """The request-list tab (``panels.AUDIT_VIEWS["requests"]``)."""

    # an import is over: True when the list was imported, False when the file was refused
    imported = Signal(bool)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[RequestCoverage] = []
        self.combos: list[QComboBox] = []

        self.import_button = QPushButton()
        self.import_button.setObjectName("requestsImport")
        self.import_button.clicked.connect(self.choose_file)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("requestsConfirmAll")
        self.confirm_button.clicked.connect(self.confirm_proposals)
        self.filter = QLineEdit()
        self.filter.setObjectName("requestsFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.summary = QLabel()
        self.summary.setObjectName("requestsSummary")
        self.message = QLabel()
        self.message.setObjectName("requestsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()  # shown with a message only
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.confirm_button)
        top.addWidget(self.filter, 1)
        top.addWidget(self.summary)

        self.table = QTableWidget(0, 7)
        self.table.setObjectName("requestsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in (COL_NUMBER, COL_DEPARTMENT, COL_SCORE, COL_COVERAGE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(COL_NOTE, 180)  # the clause, then the note
        # the request and the matched item share the rest, neither narrower than its title
        fit.share_columns(self.table, (COL_TITLE, COL_ITEM))

        self.scope = scope_label(session)  # a department view: its own lines, and it says so
        box = QVBoxLayout(self)
        box.addWidget(self.scope)
        box.addLayout(top)
        box.addWidget(self.message)
        box.addWidget(self.table, 1)

        self._dirty = False
        session.assessed.connect(self._on_assessed)
        self.retranslate_ui()
        self.reload()

    def _on_assessed(self, _assessment: object) -> None:
        """Coverage follows the evidence and findings: redraw now when shown, else when next
        shown."""
        if self.isVisible():
            self.reload()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.reload()
        super().showEvent(event)

    # --- data -----------------------------------------------------------------------------

    def _items(self) -> list[Item]:
        """The items the user may pick: the workspace's (a department view: its own first)."""
        owners = self.session.workspace.items_by_department()
        only = self.session.department_only
        ordered = [it for dep, its in owners.items() if not only or dep == only for it in its]
        if only:
            ordered += [it for dep, its in owners.items() if dep != only for it in its]
        return ordered

    def reload(self) -> None:
        ws = self.session.workspace
        assessment = self.session.assessment
        self.rows = request_list.coverage(
            ws, assessment.findings if assessment else [], self.session.department_only
        )
        self._dirty = False
        items = self._items()
        titles = {it.key: it for it in items}
        self.table.setRowCount(len(self.rows))
        self.combos = []
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, rc in enumerate(self.rows):
            ln = rc.line
            cells = {
                COL_NUMBER: ln.number,
                COL_TITLE: ln.request.title,
                COL_DEPARTMENT: ln.request.department,
                COL_SCORE: self._score_text(rc),
                COL_COVERAGE: pick(COVERAGE_TEXT[rc.coverage]),
                COL_NOTE: self._note_text(ln),
            }
            for col, text in cells.items():
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if col == COL_COVERAGE:
                    cell.setBackground(QBrush(QColor(COVERAGE_COLOR[rc.coverage])))
                    cell.setToolTip(self._coverage_tip(rc, titles))
                self.table.setItem(r, col, cell)
            combo = self._combo(rc, items, titles)
            self.combos.append(combo)
            self.table.setCellWidget(r, COL_ITEM, combo)
        self._update_summary()
        self._apply_filter()
        can_edit = not self.session.read_only
        self.confirm_button.setEnabled(
            can_edit and any(rc.line.matched and not rc.line.confirmed for rc in self.rows)
        )
        # the list is the whole company's: imported by the manager
        self.import_button.setEnabled(can_edit and not self.session.department_only)

    def _score_text(self, rc: RequestCoverage) -> str:
        ln = rc.line
        if ln.confirmed:
            return self.tr("confirmed")
        scores = {c.item_key: c.score for c in ln.candidates}
        if ln.matched:
            return self.tr("proposed (%1)").replace("%1", str(scores.get(ln.matched[0], 0)))
        return self.tr("no match")

    def _coverage_tip(self, rc: RequestCoverage, titles: dict[str, Item]) -> str:
        lang = i18n.language()
        lines = []
        if rc.coverage is Coverage.TO_CONFIRM:
            lines.append(self.tr("Proposed, not confirmed; if confirmed:"))
        for ic in rc.items:
            item = titles.get(ic.item_key)
            name = f"{item.clause} {pick(item.title)}" if item else ic.item_key
            lines.append(
                f"{name}: {COVERAGE_TEXT[ic.coverage].get(lang)}"
                + self.tr(" (%n file(s))", "", ic.evidence)
            )
        if rc.line.confirmed and not rc.items:
            return self.tr("No checklist item holds it (confirmed)")
        return "\n".join(lines) or self.tr("No checklist item matched")

    def _combo(self, rc: RequestCoverage, items: list[Item], titles: dict[str, Item]) -> QComboBox:
        """The candidates first (with their scores), then every item; typing searches them."""
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMaxVisibleItems(15)
        ln = rc.line
        shown: set[str] = set()
        for c in ln.candidates:
            item = titles.get(c.item_key)
            if item is None:
                continue
            combo.addItem(f"{item.clause} {pick(item.title)}  ({c.score})", c.item_key)
            shown.add(c.item_key)
        for key in ln.matched:  # a corrected match outside the candidates
            if key not in shown and key in titles:
                combo.addItem(f"{titles[key].clause} {pick(titles[key].title)}", key)
                shown.add(key)
        combo.insertSeparator(combo.count())
        combo.addItem(self.tr("(no checklist item)"), NONE)
        for it in items:
            if it.key not in shown:
                combo.addItem(f"{it.clause} {pick(it.title)}", it.key)
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        with QSignalBlocker(combo):
            if ln.matched:
                combo.setCurrentIndex(combo.findData(ln.matched[0]))
            elif ln.confirmed:
                combo.setCurrentIndex(combo.findData(NONE))
            else:
                combo.setCurrentIndex(-1)
                combo.setEditText("")
                edit = combo.lineEdit()
                if edit is not None:  # the combo is editable: it has one
                    edit.setPlaceholderText(self.tr("Search the checklist…"))
        combo.setToolTip(
            "\n".join(f"{k} {pick(titles[k].title)}" for k in ln.matched if k in titles)
        )
        combo.setEnabled(not self.session.read_only)
        number = ln.number
        combo.activated.connect(lambda index, c=combo, n=number: self._chosen(n, c, index))
        return combo

    # --- editing --------------------------------------------------------------------------

    def _chosen(self, number: str, combo: QComboBox, index: int) -> None:
        key = combo.itemData(index)
        if key is None:
            return
        self.choose(number, [] if key == NONE else [str(key)])

    def choose(self, number: str, item_keys: list[str]) -> None:
        """The user's decision for request ``number`` (no key: no checklist item holds it)."""
        self._say("")
        try:
            request_list.set_match(self.session.workspace, number, item_keys)
        except errors.expected_types() as exc:
            self._say(errors.expected_message(exc) or str(exc))
        self.session.edited.emit("requests")
        self.reload()

    def confirm_proposals(self) -> None:
        """Every proposed match taken as it is."""
        self._say("")
        try:
            for rc in self.rows:
                if rc.line.matched and not rc.line.confirmed:
                    request_list.set_match(self.session.workspace, rc.line.number, rc.line.matched)
        except errors.expected_types() as exc:
            self._say(errors.expected_message(exc) or str(exc))
        self.session.edited.emit("requests")
        self.reload()

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import the auditor's request list"),
            "",
            self.tr("Request lists (*.xlsx *.xlsm *.xls *.ods *.csv *.docx);;All files (*)"),
        )
        if not path:
            return
        sheet = None
        if Path(path).suffix.lower() != ".docx":
            try:  # the sheets that hold a request list, by what they hold
                found = request_list.request_sheets(path)
            except errors.expected_types() as exc:
                self._say(errors.expected_message(exc) or str(exc))
                return
            if len(found) > 1:
                sheet = self.choose_sheet(found)
                if sheet is None:
                    return
            elif found:
                sheet = found[0].name
            # none: the import refuses the file and says why
        self.import_file(path, sheet)

    def choose_sheet(self, found: list[request_list.TableReading]) -> str | None:
        """The sheet to import when several hold a request list (None: cancelled)."""
        labels = [
            self.tr("%1 (%n request(s))", "", len(t.lines)).replace("%1", t.name) for t in found
        ]
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Which sheet?"),
            self.tr("Several sheets hold a request list. Sheet to import:"),
            labels,
            0,
            False,
        )
        return found[labels.index(label)].name if ok and label in labels else None

    def import_file(self, path: str | Path, sheet: str | None = None) -> workers.Task:
        """Import the list at ``path`` in a worker (a long list takes a while to match); the view
        fills in when it is done, or says why the file cannot be read. ``imported`` tells which."""
        self._say("")
        self.import_button.setEnabled(False)
        ws = self.session.workspace
        task = workers.Task(
            lambda _ctx: request_list.import_requests(ws, path, sheet), "import request list"
        )
        task.finished.connect(self._imported)
        task.failed.connect(self._import_failed)
        return workers.start(task)

    def _imported(self, _result: object) -> None:
        self.session.edited.emit("requests")
        self.reload()  # enables the button again
        self.imported.emit(True)

    def _import_failed(self, exc: object) -> None:
        self.reload()
        message = errors.expected_message(exc) if isinstance(exc, BaseException) else None
        if message is None:  # a bug: the crash dialog
            errors.on_task_failed(self)(exc)
        else:
            self._say(message)
        self.imported.emit(False)

    def _note_text(self, ln: request_list.RequestLine) -> str:
        """The line's note, after the clause it names (its column or a clause heading)."""
        clause = self.tr("Clause %1").replace("%1", ln.request.clause) if ln.request.clause else ""
        return " · ".join(t for t in (clause, ln.request.note) if t)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- view -----------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        text = self.filter.text().strip().casefold()
        for r, rc in enumerate(self.rows):
            ln = rc.line
            hay = " ".join(
                [ln.number, ln.request.title, ln.request.department, ln.request.clause, *ln.matched]
            ).casefold()
            self.table.setRowHidden(r, bool(text) and text not in hay)

    def _update_summary(self) -> None:
        counts = request_list.summary(self.rows)
        self.summary.setText(
            self.tr(
                "%n request(s): %2 covered, %3 partly, %4 missing; %5 to confirm, %6 unmatched",
                "",
                len(self.rows),
            )
            .replace("%2", str(counts[Coverage.COVERED]))
            .replace("%3", str(counts[Coverage.PARTLY]))
            .replace("%4", str(counts[Coverage.MISSING]))
            .replace("%5", str(counts[Coverage.TO_CONFIRM]))
            .replace("%6", str(counts[Coverage.UNMATCHED]))
        )

    def retranslate_ui(self) -> None:
        show_scope(self.scope, self.session)
        self.import_button.setText(self.tr("Import list…"))
        self.confirm_button.setText(self.tr("Confirm proposed matches"))
        self.filter.setPlaceholderText(self.tr("Filter requests"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Requested document"),
                self.tr("Department"),
                self.tr("Checklist item"),
                self.tr("Match"),
                self.tr("Coverage"),
                self.tr("Note"),
            ]
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.reload()
        super().changeEvent(event)
