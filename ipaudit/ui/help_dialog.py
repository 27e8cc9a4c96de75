"""Help → Guide (F1): how an audit goes and how to use each view, in the UI language.

The guide is Markdown in ``ipaudit/resources/help/guide.<zh|en>.md``; it follows a language switch.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ipaudit.resource_files import resource_path
from ipaudit.ui import i18n

HELP_DIR = resource_path("help")


def guide_text(lang: str) -> str:
    """The guide in ``lang`` ("zh" or "en")."""
    return (HELP_DIR / f"guide.{'en' if lang == 'en' else 'zh'}.md").read_text(encoding="utf-8")


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 560)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("ipaudit guide"))
        self.browser.setMarkdown(guide_text(i18n.language()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
