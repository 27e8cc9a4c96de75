"""Workspace information: company, audit type and the dates of the audit cycle, checked as typed.

The audit type sets the default period (initial: from the system's start; surveillance: from the
day after the last audit; recertification: from the certificate's start) and what the auditors
check first. The period follows the type and its dates until the user edits the period itself.
OK stores the change as one undoable step (``commands.set_info``); every check runs again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.cycle import validate
from ipaudit.domain.model import AuditType, WorkspaceInfo
from ipaudit.ui import commands, errors, i18n
from ipaudit.ui.cycle_fields import DefaultPeriod, OptionalDate, date_edit, pydate
from ipaudit.ui.session import WorkspaceSession

AUDIT_TYPES = (AuditType.INITIAL, AuditType.SURVEILLANCE, AuditType.RECERTIFICATION)


class WorkspaceInfoDialog(DefaultPeriod, QDialog):
    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceInfoDialog")
        self.session = session
        self.original = session.workspace.info()
        info = self.original
        self.read_only = session.read_only_facts
        self._period_touched = False
        self._updating = False

        self.company = QLineEdit(info.company)
        self.company.setObjectName("companyEdit")
        self.edition = QLabel(f"GB/T 29490-{info.edition.value}")
        self.edition.setObjectName("editionLabel")
        self.audit_type = QComboBox()
        self.audit_type.setObjectName("auditTypeCombo")
        for kind in AUDIT_TYPES:
            self.audit_type.addItem("", kind.value)
        self.audit_type.setCurrentIndex(AUDIT_TYPES.index(info.audit_type))
        self.audit_start = date_edit("auditStart", info.audit_start)
        self.audit_end = date_edit("auditEnd", info.audit_end)
        self.period_start = date_edit("periodStart", info.period_start)
        self.period_end = date_edit("periodEnd", info.period_end)
        self.default_button = QPushButton()
        self.default_button.setObjectName("defaultPeriodButton")
        self.default_button.clicked.connect(self.use_default_period)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_start, 1)
        period_row.addWidget(self.period_end, 1)
        period_row.addWidget(self.default_button)
        self.last_audit = OptionalDate("lastAudit", info.last_audit, info.audit_start)
        self.certificate_start = OptionalDate(
            "certificateStart", info.certificate_start, info.period_start
        )
        self.certificate_end = OptionalDate("certificateEnd", info.certificate_end, info.audit_end)
        self.system_start = OptionalDate("systemStart", info.system_start, info.period_start)

        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        rows: list[tuple[str, QWidget | QHBoxLayout]] = [
            ("company", self.company),
            ("edition", self.edition),
            ("audit_type", self.audit_type),
            ("audit_start", self.audit_start),
            ("audit_end", self.audit_end),
            ("period", period_row),
            ("system_start", self.system_start),
            ("last_audit", self.last_audit),
            ("certificate_start", self.certificate_start),
            ("certificate_end", self.certificate_end),
        ]
        for key, field in rows:
            label = QLabel()
            self.labels[key] = label
            if isinstance(field, QWidget):
                label.setBuddy(field)
            form.addRow(label, field)
        self.hint = QLabel()
        self.hint.setObjectName("auditTypeHint")
        self.hint.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("infoProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        drivers = (self.audit_start, self.last_audit.edit, self.certificate_start.edit)
        for edit in (*drivers, self.system_start.edit):
            edit.dateChanged.connect(lambda _d: self._driver_changed())
        for box in (self.last_audit, self.certificate_start, self.system_start):
            box.declared.toggled.connect(lambda _on: self._driver_changed())
        self.audit_type.currentIndexChanged.connect(lambda _i: self._driver_changed())
        for edit in (self.period_start, self.period_end):
            edit.dateChanged.connect(lambda _d: self._period_edited())
        self.audit_end.dateChanged.connect(lambda _d: self._check())
        self.certificate_end.edit.dateChanged.connect(lambda _d: self._check())
        self.certificate_end.declared.toggled.connect(lambda _on: self._check())
        self.company.textChanged.connect(lambda _t: self._check())
        if self.read_only:
            for widget in (self.company, self.audit_type, self.default_button, *drivers):
                widget.setEnabled(False)
            for widget in (self.audit_end, self.period_start, self.period_end):
                widget.setEnabled(False)
            for box in (self.last_audit, self.certificate_start, self.certificate_end):
                box.setEnabled(False)
            self.system_start.setEnabled(False)
        self.resize(560, 0)
        self.retranslate_ui()

    # --- values ------------------------------------------------------------------------------

    def info(self) -> WorkspaceInfo:
        """The information as entered."""
        return WorkspaceInfo(
            company=self.company.text().strip(),
            edition=self.original.edition,
            audit_type=AuditType(self.audit_type.currentData()),
            audit_start=pydate(self.audit_start.date()),
            audit_end=pydate(self.audit_end.date()),
            period_start=pydate(self.period_start.date()),
            period_end=pydate(self.period_end.date()),
            last_audit=self.last_audit.value(),
            certificate_start=self.certificate_start.value(),
            certificate_end=self.certificate_end.value(),
            system_start=self.system_start.value(),
        )

    def problems(self) -> list[str]:
        return [i18n.text(p) for p in validate(self.info())]

    def _check(self) -> None:
        problems = self.problems()
        self.problem.setText("\n".join(problems))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problems and not self.read_only)
        self._show_hint()

    def accept(self) -> None:
        new = self.info()
        if new != self.original and not self.read_only:
            try:
                # only the fields changed here are applied to what is stored now; a field someone
                # else changed meanwhile opens the conflict box
                commands.set_info(self.session, new, base=self.original)
            except errors.expected_types() as exc:
                errors.show_error(exc, self, lambda: self.tr("The information was not changed."))
                return
        super().accept()

    # --- texts -------------------------------------------------------------------------------

    def _show_hint(self) -> None:
        kind = AuditType(self.audit_type.currentData())
        if kind is AuditType.INITIAL:
            text = self.tr(
                "Initial certification: the period runs from the system's start (the IP manual's"
                " issue date); the system has run at least three months, and an internal audit and"
                " a management review are dated before the audit."
            )
        elif kind is AuditType.SURVEILLANCE:
            text = self.tr(
                "Surveillance audit: the period runs from the day after the last audit; the last"
                " audit's nonconformities are closed (declare how many are open in the facts)."
            )
        else:
            text = self.tr(
                "Re-certification: the period is the certificate's whole three-year cycle; the"
                " certificate is still valid when the audit starts."
            )
        if self.read_only:
            text += "\n" + self.tr("This department view shows the information read-only.")
        self.hint.setText(text)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Workspace information"))
        texts = {
            "company": self.tr("&Company name:"),
            "edition": self.tr("Standard:"),
            "audit_type": self.tr("Audit &type:"),
            "audit_start": self.tr("Audit &starts:"),
            "audit_end": self.tr("Audit &ends:"),
            "period": self.tr("Audit &period:"),
            "system_start": self.tr("System start (manual issued):"),
            "last_audit": self.tr("&Last audit:"),
            "certificate_start": self.tr("Certificate &valid from:"),
            "certificate_end": self.tr("Certificate valid &until:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.audit_type.setItemText(0, self.tr("Initial certification"))
        self.audit_type.setItemText(1, self.tr("Surveillance audit"))
        self.audit_type.setItemText(2, self.tr("Re-certification"))
        self.default_button.setText(self.tr("&Default period"))
        self.default_button.setToolTip(self.tr("The period the audit type asks for"))
        for box in (
            self.last_audit,
            self.certificate_start,
            self.certificate_end,
            self.system_start,
        ):
            box.declared.setToolTip(self.tr("Declared"))
        self._check()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
