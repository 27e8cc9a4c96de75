"""The item panel: everything about one checklist item, every edit through the undo stack.

Guidance, clause references in both editions, the auditor's questions with answers checked against
the declared facts, the evidence files (drop them from the file manager anywhere on the panel),
the slot chooser of record sets and yearly records, the status and the notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGroupBox,
    QLabel,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.facts import DERIVED_FACTS, declared
from ipaudit.domain.model import Evidence, Finding, Item, ItemState, Status
from ipaudit.domain.readiness import effective_status
from ipaudit.domain.rules import is_mandatory, item_rule
from ipaudit.services import Assessment, ConfirmationNeeded, StatusRefused
from ipaudit.services.evidence_review import FileReview
from ipaudit.store.errors import WorkspaceError
from ipaudit.ui import commands, i18n
from ipaudit.ui.checklist.answer_edit import AnswerEdit
from ipaudit.ui.checklist.answer_field import AnswerField
from ipaudit.ui.checklist.attach_dialog import AttachDialog
from ipaudit.ui.checklist.clause_refs import refs_html
from ipaudit.ui.checklist.drops import dropped_files
from ipaudit.ui.checklist.evidence_dialog import EvidenceDialog
from ipaudit.ui.checklist.evidence_list import EvidenceList
from ipaudit.ui.checklist.evidence_model import build_rows
from ipaudit.ui.checklist.item_findings import ItemFindings
from ipaudit.ui.checklist.lang import fill, text_of
from ipaudit.ui.checklist.progress_strip import ProgressStrip
from ipaudit.ui.checklist.slot_chooser import SlotChooser
from ipaudit.ui.checklist.slots import slot_label, uses_slots
from ipaudit.ui.checklist.status_editor import StatusEditor
from ipaudit.ui.checklist.terms import kind_name, mandatory_name, time_rule_name
from ipaudit.ui.checklist.transfer import EvidenceTransfer
from ipaudit.ui.session import WorkspaceSession


class ItemPanel(QWidget):
    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item: Item | None = None
        self.state: ItemState | None = None
        self.evidence: list[Evidence] = []
        self.answer_fields: dict[str, AnswerField] = {}
        self.slot_chooser: SlotChooser | None = None
        self.evidence_dialog: EvidenceDialog | None = None
        self.attach_dialog: AttachDialog | None = None
        self._reviewed_item = ""
        self.message_box: QMessageBox | None = None
        self._saved_notes = ""
        self.transfer = EvidenceTransfer(session, self)
        self.editable = True  # the login may change the item shown (can_edit of its department)
        self.owner_name = ""  # the name of the department the item shown belongs to
        self.setAcceptDrops(True)
        self._build()
        self.transfer.busyChanged.connect(
            lambda busy: self.evidence_list.set_busy(bool(busy) or not self.editable)
        )
        self.transfer.failed.connect(self._on_failed)
        self.transfer.exported.connect(self._on_exported)
        self.transfer.reviewed.connect(self._ask_dates)
        self.transfer.attached.connect(self._show_attached)
        self.transfer.warned.connect(
            lambda warnings: self._warn("\n\n".join(i18n.text(w) for w in warnings))
        )
        session.edited.connect(self._on_edited)
        session.assessed.connect(self._on_assessed)
        self.retranslate_ui()
        self.show_item("")

    # --- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.pages = QStackedWidget(self)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setObjectName("itemPlaceholder")
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget(self.scroll_area)
        body = QVBoxLayout(self.body)
        body.setSpacing(10)

        self.title_label = QLabel(self.body)
        self.title_label.setObjectName("itemTitle")
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title_label.setFont(font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label = QLabel(self.body)
        self.meta_label.setObjectName("itemMeta")
        self.meta_label.setWordWrap(True)
        self.meta_label.setStyleSheet("color: palette(dark);")
        # why the item shown cannot be changed here (hidden when it can)
        self.lock_note = QLabel(self.body)
        self.lock_note.setObjectName("itemLocked")
        self.lock_note.setWordWrap(True)
        lock_font = self.lock_note.font()
        lock_font.setBold(True)
        self.lock_note.setFont(lock_font)
        self.lock_note.hide()
        self.status_editor = StatusEditor(self.body)
        self.findings_box = ItemFindings(self.body)

        self.guidance_group = QGroupBox(self.body)
        self.guidance_label = QLabel(self.guidance_group)
        self.guidance_label.setWordWrap(True)
        self.guidance_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.guidance_group).addWidget(self.guidance_label)

        self.refs_group = QGroupBox(self.body)
        self.refs_label = QLabel(self.refs_group)
        self.refs_label.setTextFormat(Qt.TextFormat.RichText)
        self.refs_label.setWordWrap(True)
        QVBoxLayout(self.refs_group).addWidget(self.refs_label)

        self.questions_group = QGroupBox(self.body)
        self.questions_layout = QVBoxLayout(self.questions_group)
        self.questions_layout.setSpacing(10)

        self.evidence_group = QGroupBox(self.body)
        ev_layout = QVBoxLayout(self.evidence_group)
        self.slot_host = QVBoxLayout()
        self.slot_host.setContentsMargins(0, 0, 0, 0)
        self.drop_hint = QLabel(self.evidence_group)
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setStyleSheet("color: palette(dark);")
        self.progress = ProgressStrip(self.transfer, self.evidence_group)
        self.evidence_list = EvidenceList(self.evidence_group)
        ev_layout.addLayout(self.slot_host)
        ev_layout.addWidget(self.evidence_list, 1)
        ev_layout.addWidget(self.progress)
        ev_layout.addWidget(self.drop_hint)

        self.notes_group = QGroupBox(self.body)
        self.notes = AnswerEdit(self.notes_group)
        QVBoxLayout(self.notes_group).addWidget(self.notes)

        body.addWidget(self.title_label)
        body.addWidget(self.meta_label)
        body.addWidget(self.lock_note)
        body.addWidget(self.status_editor)
        body.addWidget(self.findings_box)
        body.addWidget(self.guidance_group)
        body.addWidget(self.refs_group)
        body.addWidget(self.questions_group)
        body.addWidget(self.evidence_group)
        body.addWidget(self.notes_group)
        body.addStretch(1)
        self.scroll_area.setWidget(self.body)
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self.scroll_area)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        self.status_editor.statusChosen.connect(self._on_status)
        self.notes.editingFinished.connect(self._commit_notes)
        self.notes.reverted.connect(lambda: self._set_notes(self.state.notes if self.state else ""))
        self.evidence_list.filesDropped.connect(self.offer_files)
        self.evidence_list.addRequested.connect(self._choose_files)
        self.evidence_list.openRequested.connect(self.open_evidence)
        self.evidence_list.replaceRequested.connect(self._choose_replacement)
        self.evidence_list.editRequested.connect(self.edit_evidence)
        self.evidence_list.removeRequested.connect(self.remove_evidence)

    # --- public ------------------------------------------------------------------------------

    @property
    def item_key(self) -> str:
        return self.item.key if self.item else ""

    def show_item(self, key: str) -> None:
        """Show item ``key`` ("" for none); what was typed in the previous item is saved first."""
        self.commit_pending()
        item = self._lookup(key)
        if item is not None and item is self.item:
            self.reload()
            return
        self.item = item
        self.state = None
        self._rebuild_questions()
        self._rebuild_slot_chooser()
        if item is None:
            self.pages.setCurrentWidget(self.placeholder)
            self._update_placeholder(key)
            return
        self.pages.setCurrentWidget(self.scroll_area)
        self.reload()
        self.scroll_area.verticalScrollBar().setValue(0)

    def reload(self) -> None:
        """Read the item's state, files, facts and findings once and show them."""
        item = self.item
        if item is None:
            return
        ws = self.session.workspace
        self.state = state = ws.state(item.key)
        self.evidence = ws.evidence(item.key, include_old=True)
        facts = ws.facts()
        owner = ws.owner(item) or item.department
        self._render_static(item, owner)
        self.status_editor.set_state(state.status, state.na_reason, text_of(item.title))
        # the reconciliation's and the spending's figures, only for the questions bound to them
        derived = ws.derived_facts() if any(q.fact in DERIVED_FACTS for q in item.questions) else {}
        for q in item.questions:
            field = self.answer_fields[q.key]
            field.set_declared(declared(facts, q.fact, owner, derived) if q.fact else None)
            field.set_answer(state.answers.get(q.key, ""))
        if self.slot_chooser is not None:
            self.slot_chooser.set_data(state, self.evidence, ws.info().period_years())
        self.evidence_list.set_rows(
            build_rows(self.evidence),
            lambda slot: slot_label(item, state, slot),
            show_slots=uses_slots(item) or any(e.slot for e in self.evidence),
        )
        if not (self.notes.hasFocus() and self.notes.text() != self._saved_notes):
            self._set_notes(state.notes)
        self._saved_notes = state.notes
        self._show_findings(self.session.assessment)
        self.editable = self.session.can_edit(owner)
        self._lock_edits(not self.editable, self._locked_reason(owner))

    def _locked_reason(self, owner: str) -> str:
        """Why the item of department ``owner`` cannot be changed here ("" when it can)."""
        if self.editable:
            return ""
        if self.session.read_only:
            return self.tr("The workspace is open read-only.")
        return fill(self.tr("Owned by %1 — read only"), self.owner_name or owner)

    def _lock_edits(self, locked: bool = True, reason: str = "") -> None:
        """A workspace opened read-only, or an item outside the login's departments (a
        department head in the whole team workspace): everything shows, the editors are greyed
        (disabled) and one line on top says why."""
        self.lock_note.setText(reason)
        self.lock_note.setVisible(locked and bool(reason))
        self.status_editor.setEnabled(not locked)
        self.notes.setReadOnly(locked)
        self.notes.setEnabled(not locked)
        for field in self.answer_fields.values():
            field.edit.setReadOnly(locked)
            field.edit.setEnabled(not locked)
        if self.slot_chooser is not None:  # the names of the records are the item's too
            self.slot_chooser.setEnabled(not locked)
        if locked or not self.transfer.busy:
            self.evidence_list.set_busy(locked)

    def commit_pending(self) -> None:
        """Save answers and notes still being typed (leaving the item, closing the window)."""
        if self.item is None:
            return
        for field in self.answer_fields.values():
            field.commit()
        self._commit_notes()

    def offer_files(self, paths: Sequence[Path | str]) -> None:
        """Dropped or chosen files: read them (in a worker), then ask for their dates in one
        dialog; the confirmed ones are attached."""
        if self.item is None or self.transfer.busy or not paths:
            return
        self._reviewed_item = self.item.key
        self.transfer.review(self.item.key, [Path(p) for p in paths])

    def attach_files(
        self, paths: Sequence[Path | str], metas: Sequence[dict[str, object]] | None = None
    ) -> None:
        """Attach files to the item (in a worker); the drop becomes one undoable step."""
        if self.item is None or self.transfer.busy:
            return
        slot = self.slot_chooser.slot() if self.slot_chooser is not None else ""
        self.transfer.attach(self.item.key, [Path(p) for p in paths], slot, metas)

    def replace_evidence(self, evidence: Evidence, path: Path | str) -> None:
        self.transfer.replace(evidence, Path(path))

    def open_evidence(self, evidence: Evidence) -> None:
        """Open a read-only copy of the stored file with the system application."""
        self.transfer.export(evidence)

    def edit_evidence(self, evidence: Evidence) -> EvidenceDialog:
        if self.evidence_dialog is not None:
            self.evidence_dialog.close()
        dialog = EvidenceDialog(evidence, self)
        dialog.accepted.connect(lambda: self._apply_evidence_changes(evidence, dialog.changes()))
        dialog.finished.connect(lambda _r: self._forget_dialog(dialog))
        self.evidence_dialog = dialog
        dialog.open()
        return dialog

    def remove_evidence(self, evidence: Evidence) -> None:
        self.session.undo_stack.push(commands.RemoveEvidence(self.session, evidence))

    def findings(self) -> list[Finding]:
        return list(self.findings_box.findings)

    # --- drops -------------------------------------------------------------------------------

    def _can_take(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        return (
            self.item is not None
            and not self.transfer.busy
            and not self.session.read_only
            and self.editable
            and bool(dropped_files(event.mimeData()))
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._can_take(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._can_take(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if not self._can_take(event):
            event.ignore()
            return
        event.acceptProposedAction()
        self.offer_files(dropped_files(event.mimeData()))

    # --- reactions ---------------------------------------------------------------------------

    def _on_edited(self, item_key: str) -> None:
        if self.item is not None and item_key in ("", self.item.key):
            self.reload()

    def _on_assessed(self, assessment: Assessment) -> None:
        self._show_findings(assessment)

    def _on_status(self, status: Status, reason: str) -> None:
        """The service decides: a mandatory item is never not applicable; ready with a blocking
        finding open needs the user's confirmation (the finding stays visible)."""
        if self.item is None:
            return
        key = self.item.key
        try:
            assessment = self.session.assessment  # held already: no checks on the GUI thread
            self.session.workspace.check_status(
                key, status, findings=assessment.findings if assessment else None
            )
        except StatusRefused as exc:
            self._show_stored_status()
            self._warn(exc.message(i18n.language()), self.tr("Status"))
            return
        except ConfirmationNeeded as exc:
            self._confirm_status(key, status, reason, exc.message(i18n.language()))
            return
        commands.set_status(self.session, key, status, reason)

    def _confirm_status(self, key: str, status: Status, reason: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Status"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent=self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes and self.item and self.item.key == key:
                commands.set_status(self.session, key, status, reason)
            else:
                self._show_stored_status()

        box.finished.connect(done)
        self.message_box = box
        box.open()

    def _show_stored_status(self) -> None:
        if self.item is not None and self.state is not None:
            self.status_editor.set_state(
                self.state.status, self.state.na_reason, text_of(self.item.title)
            )

    def _on_answer(self, question_key: str, text: str) -> None:
        if self.item is not None:
            commands.set_answer(self.session, self.item.key, question_key, text, self.state)

    def _on_instance_names(self, names: list[str]) -> None:
        if self.item is not None:
            commands.set_instance_names(self.session, self.item.key, names, self.state)

    def _commit_notes(self) -> None:
        if self.item is None or self.notes.text() == self._saved_notes:
            return
        self._saved_notes = self.notes.text()
        commands.set_notes(self.session, self.item.key, self.notes.text(), self.state)

    def _set_notes(self, text: str) -> None:
        self._saved_notes = text
        if self.notes.text() != text:
            self.notes.setPlainText(text)

    def _apply_evidence_changes(self, evidence: Evidence, changes: dict[str, object]) -> None:
        if changes:
            self.session.undo_stack.push(commands.EditEvidence(self.session, evidence, changes))

    def _ask_dates(self, reviews: list[FileReview]) -> AttachDialog:
        dialog = AttachDialog(reviews, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        item_key = self._reviewed_item  # the item the files were dropped on

        def attach() -> None:
            chosen = dialog.chosen()
            paths, metas = [p for p, _m in chosen], [m for _p, m in chosen]
            if not chosen:
                return
            if self.item_key == item_key:
                self.attach_files(paths, metas)
            else:  # another item was chosen meanwhile: the files still go where they were dropped
                self.transfer.attach(item_key, paths, "", metas)

        dialog.accepted.connect(attach)
        self.attach_dialog = dialog
        dialog.open()
        return dialog

    def _show_attached(self, evidence: list[Evidence]) -> None:
        """Scroll to the files just attached and select them, so the drop visibly landed."""
        if not evidence or self.item is None or evidence[0].item_key != self.item.key:
            return
        self.reload()
        self.evidence_list.select(evidence[-1].id)
        self.evidence_list.flash()
        self.scroll_area.ensureWidgetVisible(self.evidence_list, 0, 40)

    def _forget_dialog(self, dialog: EvidenceDialog) -> None:
        if self.evidence_dialog is dialog:
            self.evidence_dialog = None
        dialog.deleteLater()

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        if files:
            self.offer_files(files)

    def _choose_replacement(self, evidence: Evidence) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, fill(self.tr("New version of “%1”"), evidence.title)
        )
        if path:
            self.replace_evidence(evidence, path)

    def _on_exported(self, evidence: Evidence, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._warn(
                fill(
                    self.tr("No application is set up to open “%1”. A read-only copy is at %2."),
                    evidence.original_name,
                    path,
                )
            )

    def _on_failed(self, exc: Exception) -> None:
        if isinstance(exc, WorkspaceError):
            self._warn(exc.message(i18n.language()))
            return
        raise exc  # a bug: the application's crash dialog takes it

    def _warn(self, text: str, title: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title or self.tr("Evidence"), text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()

    # --- building ----------------------------------------------------------------------------

    def _lookup(self, key: str) -> Item | None:
        if not key:
            return None
        ws = self.session.workspace
        try:
            item = ws.template.item(key)
        except KeyError:
            return None
        only = self.session.department_only
        if only and (ws.owner(item) or item.department) != only:
            return None
        return item

    def _rebuild_questions(self) -> None:
        for field in self.answer_fields.values():
            self.questions_layout.removeWidget(field)
            field.deleteLater()
        self.answer_fields = {}
        item = self.item
        questions = item.questions if item else ()
        for q in questions:
            field = AnswerField(q, self.questions_group)
            field.committed.connect(self._on_answer)
            self.questions_layout.addWidget(field)
            self.answer_fields[q.key] = field
        self.questions_group.setVisible(bool(questions))

    def _rebuild_slot_chooser(self) -> None:
        if self.slot_chooser is not None:
            self.slot_host.removeWidget(self.slot_chooser)
            self.slot_chooser.deleteLater()
            self.slot_chooser = None
        if self.item is not None and uses_slots(self.item):
            self.slot_chooser = SlotChooser(self.item, self.evidence_group)
            self.slot_chooser.instanceNamesEdited.connect(self._on_instance_names)
            self.slot_host.addWidget(self.slot_chooser)

    def _render_static(self, item: Item, owner: str) -> None:
        ws = self.session.workspace
        self.title_label.setText(text_of(item.title))
        dep_name = next((text_of(d.name) for d in ws.departments() if d.key == owner), owner)
        self.owner_name = dep_name
        rule = item_rule(self.session.workspace.template, item)
        parts = [kind_name(item.kind), time_rule_name(rule)]
        if rule.mandatory:
            parts.append(mandatory_name())
        self.meta_label.setText("  ·  ".join(p for p in [*parts, dep_name] if p))
        # the key is for the command line (attach, status …), not for reading
        self.meta_label.setToolTip(fill(self.tr("Key on the command line: %1"), item.key))
        self.guidance_label.setText(text_of(item.guidance))
        self.refs_label.setText(refs_html(item, ws.template))

    def _show_findings(self, assessment: Assessment | None) -> None:
        if self.item is None or assessment is None:
            self.findings_box.set_findings([])
            return
        mine = [f for f in assessment.findings if f.item_key == self.item.key]
        self.findings_box.set_findings(mine)
        ws = self.session.workspace
        self.status_editor.set_effective(
            effective_status(self.state, mine, mandatory=is_mandatory(ws.template, self.item))
        )

    def _update_placeholder(self, key: str) -> None:
        if key and self.session.department_only:
            self.placeholder.setText(self.tr("This item belongs to another department."))
        else:
            self.placeholder.setText(self.tr("Choose an item in the checklist."))

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.guidance_group.setTitle(self.tr("What to prepare — what the auditor looks for"))
        self.refs_group.setTitle(self.tr("Clauses"))
        self.questions_group.setTitle(self.tr("Auditor questions"))
        self.evidence_group.setTitle(self.tr("Evidence"))
        self.notes_group.setTitle(self.tr("Notes"))
        self.notes.setPlaceholderText(self.tr("Notes for yourself and the team"))
        self.drop_hint.setText(
            self.tr("Drop files from the file manager anywhere on this panel to attach them.")
        )
        self._update_placeholder("")
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
