"""The new-workspace wizard: company, edition and audit type; the audit's dates, the dates its
type needs and the period (the type's default until edited, checked by ``cycle.validate``);
departments; where to save. The last step creates the workspace (``Workspace.create``); if that fails the wizard
stays open with everything entered, and says why."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ipaudit.domain.cycle import CYCLE_YEARS, add_months, validate
from ipaudit.domain.model import AuditType, Edition, WorkspaceInfo
from ipaudit.ui import errors, i18n, icons
from ipaudit.ui.cycle_fields import DefaultPeriod, OptionalDate, date_edit, pydate
from ipaudit.ui.wizard_departments import WizardDepartmentsPage

if TYPE_CHECKING:
    from ipaudit.services import Workspace

SUFFIX = ".ipaudit"


def default_audit(today: dt.date) -> tuple[dt.date, dt.date]:
    """Audit in about two months, three days long; the period follows from the audit type
    (``cycle.default_period``)."""
    audit_start = today + dt.timedelta(days=60)
    return audit_start, audit_start + dt.timedelta(days=2)


def safe_file_stem(name: str) -> str:
    stem = re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._") or "workspace"
    return stem[:80]


class CompanyPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("companyPage")
        self.company = QLineEdit()
        self.company.setObjectName("companyEdit")
        self.edition = QComboBox()
        self.edition.setObjectName("editionCombo")
        self.audit_type = QComboBox()
        self.audit_type.setObjectName("auditTypeCombo")
        self.edition.addItem("", Edition.GB2023.value)
        self.edition.addItem("", Edition.GB2013.value)
        for t in (AuditType.INITIAL, AuditType.SURVEILLANCE, AuditType.RECERTIFICATION):
            self.audit_type.addItem("", t.value)
        self.form = QFormLayout(self)
        self.company_label = QLabel()
        self.edition_label = QLabel()
        self.type_label = QLabel()
        for label, field in (
            (self.company_label, self.company),
            (self.edition_label, self.edition),
            (self.type_label, self.audit_type),
        ):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.registerField("company*", self.company)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Company and audit"))
        self.setSubTitle(self.tr("One workspace holds one audit cycle of one company."))
        self.company_label.setText(self.tr("&Company name:"))
        self.company.setPlaceholderText(self.tr("As on the business licence"))
        self.edition_label.setText(self.tr("&Standard:"))
        self.edition.setItemText(0, self.tr("GB/T 29490-2023 (current)"))
        self.edition.setItemText(1, self.tr("GB/T 29490-2013 (older manuals)"))
        self.type_label.setText(self.tr("Audit &type:"))
        self.audit_type.setItemText(0, self.tr("Initial certification"))
        self.audit_type.setItemText(1, self.tr("Surveillance audit"))
        self.audit_type.setItemText(2, self.tr("Re-certification"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class DatesPage(DefaultPeriod, QWizardPage):
    """The audit's dates, the dates the audit type needs (the system's start — the IP manual's
    issue date — always; the last audit for a surveillance audit; the certificate for a
    re-certification) and the period, which follows the type's default (``cycle.default_period``)
    until it is edited by hand. Checked as typed by ``cycle.validate``, as the workspace
    information dialog and ``info --set`` check them."""

    def __init__(self, wizard: NewWorkspaceWizard, today: dt.date) -> None:
        super().__init__(wizard)
        self.setObjectName("datesPage")
        self._wizard = wizard
        self._period_touched = False
        self._updating = False
        a_start, a_end = default_audit(today)
        self.audit_start = date_edit("auditStart", a_start)
        self.audit_end = date_edit("auditEnd", a_end)
        self.period_start = date_edit("periodStart", add_months(a_start, -12))
        self.period_end = date_edit("periodEnd", a_start - dt.timedelta(days=1))
        self.default_button = QPushButton()
        self.default_button.setObjectName("defaultPeriodButton")
        self.default_button.clicked.connect(self.use_default_period)
        period_row = QWidget()
        row = QHBoxLayout(period_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.period_start, 1)
        row.addWidget(self.period_end, 1)
        row.addWidget(self.default_button)
        cert_start = add_months(a_start, -12 * CYCLE_YEARS)
        self.system_start = OptionalDate("systemStart", None, add_months(a_start, -12))
        self.last_audit = OptionalDate("lastAudit", None, add_months(a_start, -12))
        self.certificate_start = OptionalDate("certificateStart", None, cert_start)
        self.certificate_end = OptionalDate(
            "certificateEnd", None, add_months(cert_start, 12 * CYCLE_YEARS) - dt.timedelta(days=1)
        )
        self.rows: dict[str, QWidget] = {
            "audit_start": self.audit_start,
            "audit_end": self.audit_end,
            "system_start": self.system_start,
            "last_audit": self.last_audit,
            "certificate_start": self.certificate_start,
            "certificate_end": self.certificate_end,
            "period": period_row,
        }
        self.labels: dict[str, QLabel] = {}
        self.form = QFormLayout()
        for key, field in self.rows.items():
            label = QLabel()
            label.setBuddy(field)
            self.labels[key] = label
            self.form.addRow(label, field)
        self.problem = QLabel()
        self.problem.setObjectName("datesProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        drivers = (self.audit_start, self.system_start, self.last_audit, self.certificate_start)
        for driver in drivers:
            edit = driver.edit if isinstance(driver, OptionalDate) else driver
            edit.dateChanged.connect(lambda _d: self._driver_changed())
            if isinstance(driver, OptionalDate):
                driver.declared.toggled.connect(lambda _on: self._driver_changed())
        for edit in (self.period_start, self.period_end):
            edit.dateChanged.connect(lambda _d: self._period_edited())
        self.audit_end.dateChanged.connect(lambda _d: self._check())
        self.certificate_end.edit.dateChanged.connect(lambda _d: self._check())
        self.certificate_end.declared.toggled.connect(lambda _on: self._check())
        self.retranslate_ui()

    def audit_type(self) -> AuditType:
        return AuditType(self._wizard.company_page.audit_type.currentData())

    def asked(self) -> tuple[str, ...]:
        """The optional dates the audit type asks for."""
        return {
            AuditType.INITIAL: ("system_start",),
            AuditType.SURVEILLANCE: ("system_start", "last_audit"),
            AuditType.RECERTIFICATION: ("system_start", "certificate_start", "certificate_end"),
        }[self.audit_type()]

    def dates(self) -> dict[str, dt.date | None]:
        """The dates as entered; an optional date the audit type does not ask for is None."""
        asked = self.asked()
        optional = {
            "system_start": self.system_start,
            "last_audit": self.last_audit,
            "certificate_start": self.certificate_start,
            "certificate_end": self.certificate_end,
        }
        return {
            "audit_start": pydate(self.audit_start.date()),
            "audit_end": pydate(self.audit_end.date()),
            "period_start": pydate(self.period_start.date()),
            "period_end": pydate(self.period_end.date()),
            **{key: box.value() if key in asked else None for key, box in optional.items()},
        }

    def info(self) -> WorkspaceInfo:
        """The workspace information as entered on this page and the first."""
        company = self._wizard.company_page
        return WorkspaceInfo(
            company=company.company.text().strip(),
            edition=Edition(company.edition.currentData()),
            audit_type=self.audit_type(),
            **self.dates(),  # type: ignore[arg-type]
        )

    def initializePage(self) -> None:
        asked = self.asked()
        for key in ("system_start", "last_audit", "certificate_start", "certificate_end"):
            self.form.setRowVisible(self.rows[key], key in asked)
        self._driver_changed()

    def problem_text(self) -> str:
        return "\n".join(i18n.text(p) for p in validate(self.info()))

    def _check(self) -> None:
        self.problem.setText(self.problem_text())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.problem_text()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Audit dates and period"))
        self.setSubTitle(
            self.tr(
                "The audit period is the time the auditor looks at: records must fall inside it"
                " and every year of it must be covered. It follows the audit type until you"
                " change it."
            )
        )
        texts = {
            "audit_start": self.tr("Audit &starts:"),
            "audit_end": self.tr("Audit &ends:"),
            "system_start": self.tr("System start (manual issued):"),
            "last_audit": self.tr("&Last audit:"),
            "certificate_start": self.tr("Certificate &valid from:"),
            "certificate_end": self.tr("Certificate valid &until:"),
            "period": self.tr("Audit &period:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.default_button.setText(self.tr("&Default period"))
        self.default_button.setToolTip(self.tr("The period the audit type asks for"))
        for box in (self.system_start, self.last_audit, self.certificate_start):
            box.declared.setToolTip(self.tr("Declared"))
        self.certificate_end.declared.setToolTip(self.tr("Declared"))
        self.problem.setText(self.problem_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class FilePage(QWizardPage):
    """Where the workspace file goes; finishing here creates it."""

    def __init__(self, wizard: NewWorkspaceWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("filePage")
        self._wizard = wizard
        self.path = QLineEdit()
        self.path.setObjectName("pathEdit")
        self.browse = QPushButton()
        self.browse.setObjectName("browseButton")
        self.browse.clicked.connect(self.choose_file)
        self.path_label = QLabel()
        self.path_label.setBuddy(self.path)
        self.summary = QLabel()
        self.summary.setObjectName("summaryLabel")
        self.summary.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.path_label)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.setCommitPage(False)
        self.setFinalPage(True)
        self.retranslate_ui()

    def initializePage(self) -> None:
        if not self.path.text().strip():
            folder = Path(
                QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                or Path.home()
            )
            stem = safe_file_stem(self._wizard.company_page.company.text())
            candidate, n = folder / f"{stem}{SUFFIX}", 1
            while candidate.exists():
                n += 1
                candidate = folder / f"{stem}-{n}{SUFFIX}"
            self.path.setText(str(candidate))
        self._update_summary()

    def target(self) -> Path:
        text = self.path.text().strip()
        path = Path(text).expanduser()
        return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the new workspace as"),
            self.path.text(),
            self.tr("ipaudit workspaces (*.ipaudit)"),
        )
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        return self._wizard.create_workspace(self.target())

    def _update_summary(self) -> None:
        w = self._wizard
        info = w.info()
        active = len(w.departments_page.model.active())
        self.summary.setText(
            self.tr("%1 · %2 · audit %3 to %4 · period %5 to %6 · %7")
            .replace("%1", info.company)
            .replace("%2", w.company_page.edition.currentText())
            .replace("%3", info.audit_start.isoformat())
            .replace("%4", info.audit_end.isoformat())
            .replace("%5", info.period_start.isoformat())
            .replace("%6", info.period_end.isoformat())
            .replace("%7", self.tr("%n department(s)", "", active))
        )

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Save the workspace"))
        self.setSubTitle(
            self.tr(
                "The workspace is one file that holds everything, evidence files included. Edits"
                " are saved as you make them."
            )
        )
        self.path_label.setText(self.tr("&File:"))
        self.browse.setText(self.tr("&Browse…"))
        if self._wizard.workspace is None and self.path.text():
            self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class NewWorkspaceWizard(QWizard):
    """After ``accepted``, ``workspace`` is the open new workspace (the caller owns it)."""

    def __init__(self, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        from ipaudit.services import Workspace  # noqa: F401  (loaded here, not at start-up)

        self.setObjectName("newWorkspaceWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setWindowIcon(icons.app_icon())
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.workspace: Workspace | None = None
        self.path: Path | None = None
        self._departments_edition: str | None = None
        self.company_page = CompanyPage(self)
        self.dates_page = DatesPage(self, today or dt.date.today())
        self.departments_page = WizardDepartmentsPage(self)
        self.file_page = FilePage(self)
        for page in (self.company_page, self.dates_page, self.departments_page, self.file_page):
            self.addPage(page)
        self.currentIdChanged.connect(self._page_changed)
        self.resize(720, 540)
        self.retranslate_ui()

    def edition(self) -> Edition:
        return Edition(self.company_page.edition.currentData())

    def info(self) -> WorkspaceInfo:
        return self.dates_page.info()

    def _page_changed(self, _id: int) -> None:
        if self.currentPage() is self.departments_page:
            self.load_template_departments()

    def load_template_departments(self) -> None:
        """Fill the departments from the chosen edition's template (kept when it did not change)."""
        edition = self.edition()
        if self._departments_edition == edition.value:
            return
        from ipaudit.domain.template import load_builtin
        from ipaudit.services import default_departments

        template = load_builtin(edition)
        self.departments_page.set_departments(default_departments(template), template)
        self._departments_edition = edition.value

    def create_workspace(self, path: Path) -> bool:
        from ipaudit.services import Workspace

        if self.workspace is not None:
            return True
        self.load_template_departments()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.workspace = Workspace.create(
                path, self.info(), departments=self.departments_page.model.departments()
            )
        except errors.expected_types() as exc:
            errors.show_error(exc, self, lambda: self.tr("The workspace could not be created."))
            return False
        self.path = path
        return True

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New workspace"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
