"""An inline progress bar with a cancel button, shown while evidence work runs."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from ipaudit.ui.checklist.transfer import EvidenceTransfer


class ProgressStrip(QWidget):
    def __init__(self, transfer: EvidenceTransfer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.transfer = transfer
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(True)
        self.cancel_button = QToolButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        transfer.started.connect(self._on_started)
        transfer.progress.connect(self._on_progress)
        transfer.busyChanged.connect(self.setVisible)
        self.cancel_button.clicked.connect(transfer.cancel)
        self.setVisible(False)
        self.retranslate_ui()

    def _on_started(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first progress report

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def retranslate_ui(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop; nothing of this step is kept"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
