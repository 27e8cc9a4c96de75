"""What the window shows while a workspace opens at start-up: the readiness it last recorded (read
without the database layer, ``store.last_readiness``), clearly marked as the stored figure of its
day. The workspace page replaces it as soon as the workspace is open; the checks then run afresh."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from ipaudit.store.last_readiness import LastReadiness
from ipaudit.ui import i18n


def _fmt_percent(value: float) -> str:
    return f"{value:.1f}%".replace(".0%", "%")


class StoredReadinessView(QWidget):
    def __init__(self, stored: LastReadiness, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storedReadiness")
        self.stored = stored
        self.company_label = QLabel(stored.company)
        bold = QFont(self.company_label.font())
        bold.setPointSizeF(bold.pointSizeF() * 1.4)
        bold.setBold(True)
        self.company_label.setFont(bold)
        self.title_label = QLabel()
        self.overall_value = QLabel(_fmt_percent(stored.overall))
        big = QFont(self.overall_value.font())
        big.setPointSizeF(big.pointSizeF() * 3.0)
        big.setBold(True)
        self.overall_value.setFont(big)
        self.blocking_label = QLabel()
        self.blocking_label.setVisible(stored.blocking is not None)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setEnabled(False)  # drawn greyed: a note, not a figure

        grid = QGridLayout()
        self.department_labels: list[QLabel] = []
        self.department_bars: list[QProgressBar] = []
        for row, dep in enumerate(stored.departments):
            label = QLabel()
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setValue(round(dep.percent * 10))
            bar.setFormat(_fmt_percent(dep.percent))
            bar.setMaximumWidth(360)
            grid.addWidget(label, row, 0)
            grid.addWidget(bar, row, 1)
            self.department_labels.append(label)
            self.department_bars.append(bar)
        grid.setColumnStretch(2, 1)

        box = QVBoxLayout(self)
        box.setContentsMargins(32, 24, 32, 24)
        box.addWidget(self.company_label)
        box.addWidget(self.title_label)
        box.addWidget(self.overall_value, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.blocking_label)
        box.addSpacing(12)
        box.addLayout(grid)
        box.addSpacing(12)
        box.addWidget(self.note_label)
        box.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        stored = self.stored
        self.title_label.setText(
            self.tr("Readiness recorded on %1").replace("%1", stored.day.isoformat())
        )
        if stored.blocking is not None:
            self.blocking_label.setText(
                self.tr("Blocking findings: %1").replace("%1", str(stored.blocking))
            )
        self.note_label.setText(
            self.tr("Opening the workspace… the checks run again once it is open.")
        )
        zh = i18n.language() == "zh"
        for label, dep in zip(self.department_labels, stored.departments, strict=True):
            label.setText((dep.name_zh if zh else dep.name_en) or dep.name_zh or dep.name_en)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
