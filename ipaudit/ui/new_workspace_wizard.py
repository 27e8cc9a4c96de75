"""The new-workspace wizard: company, edition and audit type; audit dates and period; departments;
where to save. The last step creates the workspace (``Workspace.create``); if that fails the wizard
stays open with everything entered, and says why."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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

from ipaudit.domain.model import AuditType, Edition, WorkspaceInfo
from ipaudit.ui import errors, icons
from ipaudit.ui.wizard_departments import WizardDepartmentsPage

SUFFIX = ".ipaudit"


def qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(d: QDate) -> dt.date:
    return dt.date(d.year(), d.month(), d.day())


def default_dates(today: dt.date) -> tuple[dt.date, dt.date, dt.date, dt.date]:
    """Audit in about two months (three days); the period is the year before the audit month."""
    audit_start = today + dt.timedelta(days=60)
    audit_end = audit_start + dt.timedelta(days=2)
    period_end = audit_start.replace(day=1) - dt.timedelta(days=1)
    period_start = (period_end + dt.timedelta(days=1)).replace(year=period_end.year - 1)
    return audit_start, audit_end, period_start, period_end


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


class DatesPage(QWizardPage):
    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("datesPage")
        a_start, a_end, p_start, p_end = default_dates(today)

        def date_edit(name: str, value: dt.date) -> QDateEdit:
            edit = QDateEdit(qdate(value))
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            return edit

        self.audit_start = date_edit("auditStart", a_start)
        self.audit_end = date_edit("auditEnd", a_end)
        self.period_start = date_edit("periodStart", p_start)
        self.period_end = date_edit("periodEnd", p_end)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(
            self.labels,
            (self.audit_start, self.audit_end, self.period_start, self.period_end),
            strict=True,
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        self.problem = QLabel()
        self.problem.setObjectName("datesProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        for edit in (self.audit_start, self.audit_end, self.period_start, self.period_end):
            edit.dateChanged.connect(lambda _d: self._check())
        self.retranslate_ui()

    def dates(self) -> tuple[dt.date, dt.date, dt.date, dt.date]:
        return (
            pydate(self.audit_start.date()),
            pydate(self.audit_end.date()),
            pydate(self.period_start.date()),
            pydate(self.period_end.date()),
        )

    def problem_text(self) -> str:
        a_start, a_end, p_start, p_end = self.dates()
        if a_end < a_start:
            return self.tr("The audit cannot end before it starts.")
        if p_end < p_start:
            return self.tr("The audit period cannot end before it starts.")
        if p_start > a_start:
            return self.tr("The audit period must begin before the audit.")
        return ""

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
                " and every year of it must be covered."
            )
        )
        texts = (
            self.tr("Audit &starts:"),
            self.tr("Audit &ends:"),
            self.tr("&Period from:"),
            self.tr("Period &to:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
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
            self.tr("%1 · %2 · audit %3 to %4 · period %5 to %6 · %7 departments")
            .replace("%1", info.company)
            .replace("%2", w.company_page.edition.currentText())
            .replace("%3", info.audit_start.isoformat())
            .replace("%4", info.audit_end.isoformat())
            .replace("%5", info.period_start.isoformat())
            .replace("%6", info.period_end.isoformat())
            .replace("%7", str(active))
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
        self.workspace = None
        self.path: Path | None = None
        self._departments_edition: str | None = None
        self.company_page = CompanyPage(self)
        self.dates_page = DatesPage(today or dt.date.today(), self)
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
        a_start, a_end, p_start, p_end = self.dates_page.dates()
        return WorkspaceInfo(
            company=self.company_page.company.text().strip(),
            edition=self.edition(),
            audit_type=AuditType(self.company_page.audit_type.currentData()),
            audit_start=a_start,
            audit_end=a_end,
            period_start=p_start,
            period_end=p_end,
        )

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

        self.departments_page.set_departments(default_departments(load_builtin(edition)))
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
