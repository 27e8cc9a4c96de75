"""The item's status; choosing "not applicable" asks for the reason first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ipaudit.domain.model import Status
from ipaudit.ui.checklist.lang import fill
from ipaudit.ui.checklist.na_reason_dialog import NaReasonDialog
from ipaudit.ui.checklist.terms import status_name
from ipaudit.ui.icons import status_icon

ORDER = (
    Status.NOT_STARTED,
    Status.NEEDS_REFRESH,
    Status.IN_PROGRESS,
    Status.READY,
    Status.NOT_APPLICABLE,
)


class StatusEditor(QWidget):
    #: the user chose a status (with the reason when it is "not applicable")
    statusChosen = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = Status.NOT_STARTED
        self.reason = ""
        self.item_title = ""
        self.dialog: NaReasonDialog | None = None
        self.label = QLabel(self)
        self.combo = QComboBox(self)
        for status in ORDER:
            self.combo.addItem(status_icon(status), "", status.value)
        self.label.setBuddy(self.combo)
        self.effective = Status.NOT_STARTED  # what the checklist shows and counts
        self.effective_label = QLabel(self)
        self.effective_label.setWordWrap(True)
        self.effective_label.setStyleSheet("color: #d13438;")
        self.effective_label.setVisible(False)
        self.reason_label = QLabel(self)
        self.reason_label.setWordWrap(True)
        self.reason_button = QToolButton(self)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.label)
        top.addWidget(self.combo)
        top.addStretch(1)
        reason_row = QHBoxLayout()
        reason_row.setContentsMargins(0, 0, 0, 0)
        reason_row.addWidget(self.reason_label, 1)
        reason_row.addWidget(self.reason_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.effective_label)
        layout.addLayout(reason_row)
        self.setFocusProxy(self.combo)
        self.combo.activated.connect(self._on_activated)
        self.reason_button.clicked.connect(lambda: self.ask_reason(self.reason))
        self.retranslate_ui()

    def set_state(self, status: Status, reason: str, item_title: str) -> None:
        self.status, self.reason, self.item_title = status, reason, item_title
        self.effective = status  # until set_effective says otherwise
        self.combo.setCurrentIndex(ORDER.index(status))
        self._show_reason()
        self._show_effective()

    def set_effective(self, status: Status) -> None:
        """The status the checklist shows and counts (ready only without open blocking
        findings); a note says so when it differs from the one chosen."""
        self.effective = status
        self._show_effective()

    def _show_effective(self) -> None:
        differs = self.effective is not self.status
        self.effective_label.setVisible(differs)
        if differs:
            self.effective_label.setText(
                fill(
                    self.tr("Counted as “%1” until the blocking findings below are resolved."),
                    status_name(self.effective),
                )
            )

    def shown_status(self) -> Status:
        """The status the list shows."""
        return ORDER[self.combo.currentIndex()]

    def choose(self, status: Status) -> None:
        """Pick ``status`` as the user would from the list."""
        self.combo.setCurrentIndex(ORDER.index(status))
        self._on_activated(ORDER.index(status))

    def ask_reason(self, reason: str = "") -> NaReasonDialog:
        """Open the reason dialog (window-modal); OK applies "not applicable" with the reason."""
        if self.dialog is not None:
            self.dialog.close()
        dialog = NaReasonDialog(self.item_title, reason, self)
        dialog.accepted.connect(
            lambda: self.statusChosen.emit(Status.NOT_APPLICABLE, dialog.reason())
        )
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: NaReasonDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.combo.setCurrentIndex(ORDER.index(self.status))  # back to what is stored until saved

    def _on_activated(self, index: int) -> None:
        chosen = ORDER[index]
        if chosen is self.status and chosen is not Status.NOT_APPLICABLE:
            return
        if chosen is Status.NOT_APPLICABLE:
            if self.status is not Status.NOT_APPLICABLE or not self.reason.strip():
                self.ask_reason(self.reason)
            return
        self.statusChosen.emit(chosen, "")

    def _show_reason(self) -> None:
        na = self.status is Status.NOT_APPLICABLE
        self.reason_label.setVisible(na)
        self.reason_button.setVisible(na)
        if na:
            if self.reason.strip():
                self.reason_label.setText(fill(self.tr("Reason: %1"), self.reason))
                self.reason_label.setStyleSheet("")
            else:
                self.reason_label.setText(
                    self.tr("No reason given — the auditor will ask for one.")
                )
                self.reason_label.setStyleSheet("color: #d13438;")

    def retranslate_ui(self) -> None:
        self.label.setText(self.tr("&Status:"))
        for i, status in enumerate(ORDER):
            self.combo.setItemText(i, status_name(status))
        self.reason_button.setText(self.tr("Change reason…"))
        self._show_reason()
        self._show_effective()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
