"""Two kinds of failure, two dialogs.

Expected failures are typed exceptions that know what happened and what to do in both languages
(``WorkspaceError``, ``LedgerError``, ``TemplateError`` and anything registered with
``register_expected``); they get a translated message box. What a library said in its own
(English) words — PyYAML, python-docx, openpyxl, libpq, the system — is not part of that message:
the box shows it under "Show Details…" and the log keeps it (``library_detail``). Anything else is a bug: it is logged
with its traceback and reaches the crash dialog, which shows the traceback and where the log file
is. Edits are saved as they are made, so neither dialog loses anything the user entered.

Dialogs open window-modal without blocking (``open()``, never ``exec()``), and ``reporter().shown``
announces every one of them, which is how tests look at them and close them.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipaudit.errors import reason_zh as reason_zh_of
from ipaudit.text import Text
from ipaudit.ui import i18n

log = logging.getLogger("ipaudit")

MessageFn = Callable[[BaseException, str], str]
#: what failed, e.g. ``lambda: self.tr("The copy could not be saved.")`` (a callable is asked
#: again when the language changes; a plain string stays as it is)
Headline = str | Callable[[], str]

# exception type -> how to get its message in a language ("zh"/"en")
_EXPECTED: dict[type[BaseException], MessageFn] = {}
_registered_builtin = False


def register_expected(exc_type: type[BaseException], message: MessageFn | None = None) -> None:
    """Treat ``exc_type`` as an expected failure. Without ``message`` it must carry its message as
    ``text`` (``ipaudit.text.Text``, as ``UserError`` and ``TemplateError`` do)."""
    _EXPECTED[exc_type] = message or (lambda exc, lang: exc.text.get(lang))  # type: ignore[attr-defined]


def _os_error_message(exc: BaseException, lang: str) -> str:
    assert isinstance(exc, OSError)
    name = exc.filename or ""
    reason = exc.strerror or str(exc)
    reason_zh = f"（{reason_zh_of(exc)}）" if reason_zh_of(exc) else ""  # never the English
    return Text(
        f"无法使用文件 {name}{reason_zh}。请确认文件存在、没有被其他程序占用，且您对该文件夹有读写"
        "权限，然后重试。",
        f"The file {name} could not be used ({reason}). Check that it exists, that no other"
        " program holds it, and that you may read and write that folder; then try again.",
    ).get(lang)


def _register_builtin() -> None:
    global _registered_builtin
    if _registered_builtin:
        return
    _registered_builtin = True
    from ipaudit.domain.template import TemplateError
    from ipaudit.errors import UserError

    register_expected(UserError)  # the workspace, ledger files, exporting …
    register_expected(TemplateError)


def expected_message(exc: BaseException, lang: str | None = None) -> str | None:
    """The user's message for an expected failure, or None when ``exc`` is a bug."""
    _register_builtin()
    lang = lang or i18n.language()
    for cls in type(exc).__mro__:
        fn = _EXPECTED.get(cls)
        if fn is not None:
            return fn(exc, lang)
    if isinstance(exc, OSError) and exc.filename:
        # the environment refused (permission, missing folder, file held open): not a bug
        return _os_error_message(exc, lang)
    return None


def _own(exc: BaseException) -> bool:
    """One of our expected failures (its words are ours, in both languages)."""
    return any(cls in _EXPECTED for cls in type(exc).__mro__)


def library_detail(exc: BaseException) -> str:
    """What the library or the system said about ``exc``, in its own words: the ``detail`` an
    expected failure keeps (libpq's, SQLite's), else the exception it was raised from (followed
    through our own errors to the first foreign one), as "Type: message"; "" when there is none.
    For the Details of the message box and the log, never for the message itself."""
    _register_builtin()
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        detail = getattr(current, "detail", "")
        if isinstance(detail, str) and detail.strip():
            return detail.strip()
        if current is not exc and not _own(current):
            words = str(current).strip()
            name = type(current).__name__
            return f"{name}: {words}" if words else name
        current = current.__cause__
    if isinstance(exc, OSError) and exc.strerror:
        return f"{type(exc).__name__}: {exc.strerror}"
    return ""


def expected_types() -> tuple[type[BaseException], ...]:
    """The expected failure types, for ``except errors.expected_types() as exc:``.

    OSError is among them; ``expected_message`` still sends an OSError without a file name to the
    crash dialog.
    """
    _register_builtin()
    return (*_EXPECTED, OSError)


def is_expected(exc: BaseException) -> bool:
    return expected_message(exc) is not None


# --- log file -------------------------------------------------------------------------------

_log_file: Path | None = None


def set_log_file(path: Path | None) -> None:
    global _log_file
    _log_file = path


def log_file() -> Path | None:
    return _log_file


# --- dialogs --------------------------------------------------------------------------------


class ErrorReporter(QObject):
    """Announces every error dialog (tests close them through this) and counts them."""

    shown = Signal(QDialog)

    def __init__(self) -> None:
        super().__init__()
        self.expected_count = 0
        self.crash_count = 0


_reporter: ErrorReporter | None = None


def reporter() -> ErrorReporter:
    global _reporter
    if _reporter is None:
        _reporter = ErrorReporter()
    return _reporter


class ExpectedErrorBox(QMessageBox):
    """What happened and what to do, in the current language (it follows a language switch)."""

    def __init__(
        self, exc: BaseException, headline: Headline = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("expectedErrorBox")
        self.exc = exc
        self._headline = headline
        self.setIcon(QMessageBox.Icon.Warning)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.retranslate_ui()

    @property
    def message(self) -> str:
        return expected_message(self.exc) or str(self.exc)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("ipaudit"))
        # the caller translates the headline in its own context; a callable follows a switch
        headline = self._headline() if callable(self._headline) else self._headline
        self.setText(headline or self.tr("This could not be done."))
        self.setInformativeText(self.message)
        # the library's own words (often English) only under Details, never in the message
        detail = library_detail(self.exc)
        self.setDetailedText(detail if detail not in self.message else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class CrashDialog(QDialog):
    """An unexpected error: the traceback, the log file, and the reassurance that edits are saved."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(720, 460)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setPlainText(details)
        self.log_label = QLabel()
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton()
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.log_label)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def add_details(self, details: str) -> None:
        self.details.appendPlainText("\n" + details)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Unexpected error"))
        self.intro.setText(
            self.tr(
                "ipaudit ran into a problem it did not expect. Everything you entered before this"
                " was saved as you entered it. Please send the details below and the log file to"
                " whoever supports ipaudit for you; you can go on working."
            )
        )
        path = log_file()
        self.log_label.setText(
            self.tr("Log file: %1").replace("%1", str(path))
            if path
            else self.tr("No log file is being written.")
        )
        self.copy_button.setText(self.tr("Copy details"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


_open_crash: CrashDialog | None = None


def _format(exc: BaseException, tb: TracebackType | None = None) -> str:
    return "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))


def _parent(parent: QWidget | None) -> QWidget | None:
    if parent is not None:
        return parent
    app = QApplication.instance()
    return app.activeWindow() if isinstance(app, QApplication) else None


def show_crash(details: str, parent: QWidget | None = None) -> CrashDialog:
    """The crash dialog (one at a time: further crashes add their details to it)."""
    global _open_crash
    rep = reporter()
    rep.crash_count += 1
    if _open_crash is not None:
        _open_crash.add_details(details)
        return _open_crash
    dialog = CrashDialog(details, _parent(parent))
    _open_crash = dialog

    def _forget() -> None:
        global _open_crash
        _open_crash = None

    dialog.finished.connect(lambda _r: _forget())
    dialog.open()
    rep.shown.emit(dialog)
    return dialog


def show_error(
    exc: BaseException, parent: QWidget | None = None, headline: Headline = ""
) -> QDialog:
    """The right dialog for ``exc``: a message box when expected, the crash dialog otherwise."""
    if expected_message(exc) is None:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        return show_crash(_format(exc), parent)
    detail = library_detail(exc)
    log.info("expected failure: %s%s", exc, f" ({detail})" if detail else "")
    box = ExpectedErrorBox(exc, headline, _parent(parent))
    rep = reporter()
    rep.expected_count += 1
    box.open()
    rep.shown.emit(box)
    return box


def on_task_failed(
    parent: QWidget | None = None, headline: Headline = ""
) -> Callable[[object], None]:
    """A slot for ``Task.failed``: ``task.failed.connect(errors.on_task_failed(self, tr(...)))``."""

    def slot(exc: object) -> None:
        if isinstance(exc, BaseException):
            show_error(exc, parent, headline)
        else:
            show_crash(f"task failed with {exc!r}", parent)

    return slot


def watch(task: Any, parent: QWidget | None = None, headline: Headline = "") -> Any:
    """Connect a Task's ``failed`` signal to the error dialogs; returns the task."""
    task.failed.connect(on_task_failed(parent, headline))
    return task


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Everything that reaches the top: logged, then the crash dialog (or stderr without a GUI)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    app = QApplication.instance()
    if isinstance(app, QApplication) and expected_message(exc) is not None:
        show_error(exc)
        return
    log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
    if isinstance(app, QApplication):
        show_crash(_format(exc, tb))
    else:
        sys.__excepthook__(exc_type, exc, tb)


def install_excepthook() -> None:
    sys.excepthook = excepthook
