"""One auditor question with its answer; an answer bound to a fact shows the declared value and
turns red when it disagrees."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ipaudit.domain.facts import Declared, agrees
from ipaudit.domain.model import Question
from ipaudit.ui.checklist.answer_edit import AnswerEdit
from ipaudit.ui.checklist.lang import fill, text_of

RED = "#d13438"
_CONTRADICTS_STYLE = (
    f"AnswerEdit {{ border: 2px solid {RED}; background-color: #fdecec; color: #5c1012; }}"
)


class AnswerField(QWidget):
    committed = Signal(str, str)  # question key, answer text

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.saved = ""
        self.declared: Declared | None = None
        self.question_label = QLabel(self)
        self.question_label.setWordWrap(True)
        self.edit = AnswerEdit(self)
        self.fact_label = QLabel(self)
        self.fact_label.setWordWrap(True)
        self.fact_label.setObjectName("declaredValue")
        self.fact_label.setVisible(bool(question.fact))
        self.question_label.setBuddy(self.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.question_label)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        layout.addLayout(row)
        layout.addWidget(self.fact_label)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._update_agreement)
        self.edit.editingFinished.connect(self.commit)
        self.edit.reverted.connect(lambda: self._set_text(self.saved))
        self.retranslate_ui()

    # --- values ------------------------------------------------------------------------------

    @property
    def key(self) -> str:
        return self.question.key

    def text(self) -> str:
        return self.edit.text()

    @property
    def dirty(self) -> bool:
        return self.text() != self.saved

    def set_answer(self, text: str) -> None:
        """The stored answer. Text being typed in this field is left alone."""
        if self.edit.hasFocus() and self.dirty:
            self.saved = text
            return
        self.saved = text
        if self.text() != text:
            self._set_text(text)

    def set_declared(self, declared: Declared | None) -> None:
        self.declared = declared
        self._update_agreement()

    def set_editing(self, text: str) -> None:
        """Type ``text`` as a user would (without finishing the edit)."""
        self._set_text(text)

    def commit(self) -> None:
        if self.dirty:
            text = self.text()
            self.saved = text  # the stored value follows through the undo stack
            self.committed.emit(self.key, text)

    def contradicts(self) -> bool:
        """The answer is filled in and disagrees with the declared fact."""
        answer = self.text().strip()
        fact = self.declared
        return bool(answer) and fact is not None and not agrees(answer, fact, self.question.fact)

    # --- display -----------------------------------------------------------------------------

    def _set_text(self, text: str) -> None:
        self.edit.blockSignals(True)
        self.edit.setPlainText(text)
        self.edit.blockSignals(False)
        self._update_agreement()

    def _update_agreement(self) -> None:
        bad = self.contradicts()
        self.setProperty("contradicts", bad)
        self.edit.setStyleSheet(_CONTRADICTS_STYLE if bad else "")
        if not self.question.fact:
            return
        if self.declared is None:
            self.fact_label.setText(
                self.tr("IP manual: not declared yet — fill it in the facts to check this answer")
            )
            self.fact_label.setStyleSheet("color: palette(mid);")
            self.fact_label.setToolTip("")
            return
        shown = self.declared.display
        if len(shown) > 160:
            shown = shown[:157] + "…"
        if bad:
            self.fact_label.setText(fill(self.tr("≠ IP manual: %1"), shown))
            self.fact_label.setStyleSheet(f"color: {RED}; font-weight: bold;")
            self.fact_label.setToolTip(
                self.tr("The answer disagrees with what the IP manual declares")
            )
        else:
            self.fact_label.setText(fill(self.tr("IP manual: %1"), shown))
            self.fact_label.setStyleSheet("color: palette(dark);")
            self.fact_label.setToolTip(self.tr("What the IP manual declares"))

    def retranslate_ui(self) -> None:
        self.question_label.setText(text_of(self.question.text))
        self.edit.setPlaceholderText(
            self.tr("Your answer, as you would give it to the auditor (Ctrl+Enter to save)")
        )
        self.edit.setAccessibleName(text_of(self.question.text))
        self._update_agreement()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
