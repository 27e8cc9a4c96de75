"""Binding a single-value widget to one fact: saved as the user types (after a pause) and when the
field loses focus, without ever overwriting text the user is still typing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

#: pause after the last keystroke before the value is saved
IDLE_MS = 1200


class FieldBinding(QObject):
    """Emits ``committed(value)`` when the widget's value differs from the last loaded one.

    ``session`` numbers the typing sessions: the saves after pauses in typing and the one when
    the field is left share a number, so that they can become one undo step; the next typing
    starts a new one."""

    committed = Signal(object)

    def __init__(self, widget: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent or widget)
        self.widget = widget
        self._loaded: Any = self._get()
        self.session = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self._pause)
        changed: SignalInstance
        if isinstance(widget, QPlainTextEdit):
            changed = widget.textChanged
        elif isinstance(widget, QLineEdit):
            changed = widget.textEdited
            widget.editingFinished.connect(self.flush)
        elif isinstance(widget, QSpinBox):
            changed = widget.valueChanged
            widget.editingFinished.connect(self.flush)
        else:
            raise TypeError(type(widget).__name__)
        changed.connect(self._on_changed)
        widget.installEventFilter(self)

    def value(self) -> Any:
        return self._get()

    @property
    def dirty(self) -> bool:
        return self._get() != self._loaded

    def load(self, value: Any) -> None:
        """Show the stored ``value`` unless the user has typed something not saved yet."""
        if self.dirty:
            self._loaded = value  # the flush will save the typed text over it
            return
        self._loaded = value
        if self._get() != value:
            self._timer.stop()
            self._set(value)
            self._loaded = value

    def flush(self, *, ending: bool = True) -> None:
        """Save now if the value changed; ``ending``: the typing session ends with it."""
        self._timer.stop()
        value = self._get()
        if value != self._loaded:
            self._loaded = value
            self.committed.emit(value)
            if ending:
                self.session += 1

    def _pause(self) -> None:
        self.flush(ending=False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False

    def _on_changed(self, *_args: object) -> None:
        if self.dirty:
            self._timer.start()

    def _get(self) -> Any:
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QLineEdit):
            return w.text()
        assert isinstance(w, QSpinBox)
        return w.value()

    def _set(self, value: Any) -> None:
        w = self.widget
        w.blockSignals(True)
        try:
            if isinstance(w, QPlainTextEdit):
                w.setPlainText(value)
            elif isinstance(w, QLineEdit):
                w.setText(value)
            elif isinstance(w, QSpinBox):
                w.setValue(value)
        finally:
            w.blockSignals(False)
