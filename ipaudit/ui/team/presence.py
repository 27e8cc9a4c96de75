"""Another program holding the same workspace file (two copies of the app on a shared drive).

``OtherWriterBox`` warns before a workspace opens when another live program holds it open for
writing, naming who, where and since when, and offers to open it read-only or anyway.
``PresenceKeeper`` claims this window's presence beside a workspace it opened for writing,
refreshes it while the workspace is open and releases it when the session closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ipaudit.ui import errors, i18n

if TYPE_CHECKING:
    from ipaudit.services.presence import Holder
    from ipaudit.ui.session import WorkspaceSession


class OtherWriterBox(QMessageBox):
    """The choice "Open read-only", "Open anyway" or cancel; ``choice`` is "read_only", "anyway" or ""."""

    def __init__(self, name: str, holder: Holder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("otherWriterBox")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setIcon(QMessageBox.Icon.Warning)
        self.name = name
        self.holder = holder
        self.choice = ""
        self.read_only_button = QPushButton()
        self.read_only_button.setObjectName("openReadOnly")
        self.anyway_button = QPushButton()
        self.anyway_button.setObjectName("openAnyway")
        self.addButton(self.read_only_button, QMessageBox.ButtonRole.AcceptRole)
        self.addButton(self.anyway_button, QMessageBox.ButtonRole.DestructiveRole)
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.read_only_button)
        self.buttonClicked.connect(self._clicked)
        self.retranslate_ui()

    def _clicked(self, button: object) -> None:
        if button is self.read_only_button:
            self.choice = "read_only"
        elif button is self.anyway_button:
            self.choice = "anyway"

    def retranslate_ui(self) -> None:
        from ipaudit.services.presence import holder_text

        self.setWindowTitle(self.tr("ipaudit"))
        self.setText(self.tr("%1 is open in another copy of ipaudit.").replace("%1", self.name))
        self.setInformativeText(
            self.tr("Open for writing by %1.").replace(
                "%1", holder_text(self.holder).get(i18n.language())
            )
            + "\n\n"
            + self.tr(
                "Two programs writing the same file (on a shared drive, say) can overwrite each"
                " other's changes or damage the file. Open it read-only to look, or ask them to"
                " close it first."
            )
        )
        self.read_only_button.setText(self.tr("Open read-only"))
        self.anyway_button.setText(self.tr("Open anyway"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def ask_other_writer(
    name: str, holder: Holder, parent: QWidget | None, then: Callable[[str], object]
) -> OtherWriterBox:
    """Open the warning; ``then(choice)`` follows with "read_only", "anyway" or "" (cancelled)."""
    box = OtherWriterBox(name, holder, parent)
    box.finished.connect(lambda _r: then(box.choice))
    box.open()
    errors.reporter().shown.emit(box)
    return box


class PresenceKeeper(QObject):
    """This window's presence beside the workspace file of ``session`` while it is open."""

    #: another program opened the same file for writing meanwhile (a ``Holder``)
    otherWriter = Signal(object)

    def __init__(self, session: WorkspaceSession, interval_ms: int | None = None) -> None:
        super().__init__(session)
        from ipaudit.services import presence

        self.presence = presence.claim(session.workspace.path)
        self.timer = QTimer(self)
        every = interval_ms or int(presence.REFRESH_EVERY.total_seconds() * 1000)
        self.timer.setInterval(every)
        self.timer.timeout.connect(self.refresh)
        if self.presence is not None:
            self.timer.start()
        session.closing.connect(self.release)

    def refresh(self) -> None:
        if self.presence is None:
            return
        other = self.presence.refresh()
        if other is not None:
            self.otherWriter.emit(other)

    def release(self) -> None:
        self.timer.stop()
        if self.presence is not None:
            self.presence.release()
            self.presence = None
