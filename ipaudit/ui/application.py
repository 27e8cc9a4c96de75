"""Start of the desktop app: ``run(argv)``.

Sets the application names, logging to ``<data dir>/logs/ipaudit.log``, the crash hook, the UI
language (the preference, else ``IPAUDIT_LANG``, else the system locale; Chinese unless that says
English), then opens the workspace named on the command line or the last workspace; on the very
first start the welcome page offers a new workspace or a look at the demo (nothing fictional is
opened unasked). Heavy modules (the store, the checks, the panels) load only when a workspace
opens.

The window is shown before the workspace is read: it shows the readiness the workspace last
recorded (read with the standard sqlite3 module; ``IPAUDIT_STORED_READINESS=0`` turns that off),
the workspace opens in a worker and its page replaces that when it is ready; its checks start once it has painted. When a workspace is going to be
opened, a thread loads the modules that needs (the services with SQLAlchemy, the panels) and opens
it while Qt shows and paints the window (``IPAUDIT_PRELOAD=0`` turns that off).

``--smoke`` (or ``IPAUDIT_EXIT_AFTER_PAINT=1``) prints ``IPAUDIT_FIRST_PAINT <epoch seconds>
<seconds since run()> <CPU seconds of the process> <peak RSS in MB>`` at the window's first paint
and, when a workspace is being opened, ``IPAUDIT_STORED_SHOWN …`` (same fields) when that first
paint showed the readiness the workspace last recorded, and ``IPAUDIT_WORKSPACE_SHOWN …`` once it
has painted with the workspace itself, then quits; the exit code is 0, 3 when an expected error was shown, 70
after an unexpected one. Tests and the start-up benchmark use it.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

log = logging.getLogger("ipaudit")

EXIT_EXPECTED_ERROR = 3
EXIT_CRASH = 70


def _parse(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(
        prog="ipaudit gui", description="Open the ipaudit desktop app."
    )
    parser.add_argument("workspace", nargs="?", help="a workspace file (.ipaudit) to open")
    parser.add_argument("--department", help="open it for one department (its key)")
    parser.add_argument("--lang", choices=("zh", "en"), help="UI language for this run")
    parser.add_argument(
        "--read-only", action="store_true", help="open workspaces read-only (nothing can be edited)"
    )
    parser.add_argument(
        "--smoke", action="store_true", help="quit after the first paint (tests, benchmarks)"
    )
    return parser.parse_known_args(argv)


def _setup_logging(path: Path) -> None:
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _route_qt_messages() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(mode: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(levels.get(mode, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def _peak_rss_mb() -> float:
    """The process's peak resident memory in MB so far (0 where the platform does not say).
    On Linux from /proc (VmHWM): getrusage's ru_maxrss keeps the peak of the process that
    started us across exec, so a large parent (a benchmark) would show as ours."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def _say(text: str) -> None:
    if sys.stdout is not None:  # None under pythonw on Windows
        try:
            sys.stdout.write(text + "\n")
            sys.stdout.flush()
        except OSError:  # whoever started us stopped reading (a closed pipe): not our failure
            log.warning("could not write to standard output: %s", text)


#: what opening a workspace loads besides the services: the session and the panels of the page
#: (the item panel is built once the page has painted: it is loaded then)
PRELOAD_PANELS = ("navigator", "checklist", "findings")


def _preload_wanted() -> bool:
    # IPAUDIT_PRELOAD=0 turns it off (the start-up benchmark compares both ways)
    return os.environ.get("IPAUDIT_PRELOAD", "1") != "0"


def _stored_wanted() -> bool:
    # IPAUDIT_STORED_READINESS=0 opens without showing the readiness last recorded first
    return os.environ.get("IPAUDIT_STORED_READINESS", "1") != "0"


class _Preload:
    """Loads what opening a workspace needs (the services with SQLAlchemy, the session, the
    panels) in a thread while Qt shows and paints the window, then opens the workspace at
    ``path`` (unless its format needs an upgrade, which has its own progress dialog). The worker
    that opens the workspace after the first paint takes the result from here (``take``); what
    fails is raised there and reported as any opening failure.

    While it runs the interpreter switches threads more often (0.5 ms instead of 5 ms), so the GUI
    thread, which lets go of the interpreter in many of its Qt calls, gets it back quickly."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.opened: Future[Any] = Future()
        self._taken = False
        self.thread = threading.Thread(target=self._run, name="ipaudit-preload")
        self.thread.start()

    def _run(self) -> None:
        began = time.perf_counter()
        previous = sys.getswitchinterval()
        sys.setswitchinterval(min(previous, 0.0005))
        try:
            from ipaudit.services import Workspace
            from ipaudit.ui import panels
            from ipaudit.ui.main_window import _needs_upgrade

            for key in PRELOAD_PANELS:
                panels.load(panels.PANELS[key])
            log.info("preloaded the workspace modules in %.3f s", time.perf_counter() - began)
            path = Path(self.path)
            self.opened.set_result(None if _needs_upgrade(path) else Workspace.open(path))
        except BaseException as exc:  # raised again where the opening is reported
            self.opened.set_exception(exc)
        finally:
            sys.setswitchinterval(previous)

    def take(self, path: str) -> Callable[[], Any] | None:
        """For the worker opening ``path``: a function that waits for the opening under way here
        and returns the workspace (None when it did not open it) or raises its error."""
        if path != self.path:
            return None

        def result() -> Any:
            self._taken = True
            return self.opened.result()

        return result

    def finish(self) -> None:
        """Wait for the thread; a workspace opened here that nobody took is closed."""
        self.thread.join()
        if not self._taken and self.opened.exception() is None:
            workspace = self.opened.result()
            if workspace is not None:
                workspace.close()


def run(argv: list[str]) -> int:
    started = time.perf_counter()
    opts, qt_args = _parse(argv)
    smoke = opts.smoke or os.environ.get("IPAUDIT_EXIT_AFTER_PAINT") == "1"
    if opts.read_only:
        from ipaudit.store.workspace_store import READ_ONLY_ENV

        os.environ[READ_ONLY_ENV] = "1"  # every workspace this window opens

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from ipaudit import __version__
    from ipaudit.ui import import_hook

    import_hook.lighten()  # before the modules imported after PySide (the window's, SQLAlchemy)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    QCoreApplication.setOrganizationName("ipaudit")
    QCoreApplication.setApplicationName("ipaudit")
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["ipaudit", *qt_args])
    QGuiApplication.setDesktopFileName("ipaudit")

    from ipaudit.ui import errors, i18n, icons, paths

    # parsed checklists kept between runs (services.template_cache); the folder may be deleted
    os.environ.setdefault("IPAUDIT_CACHE_DIR", str(paths.data_dir() / "cache"))
    log_file = paths.log_path()
    _setup_logging(log_file)
    _route_qt_messages()
    errors.set_log_file(log_file)
    errors.install_excepthook()
    log.info("ipaudit %s starting (%s)", __version__, " ".join(argv))

    from ipaudit.ui.main_window import MainWindow
    from ipaudit.ui.settings import Settings

    settings = Settings()
    i18n.set_language(opts.lang or settings.language or i18n.system_language())
    app.setWindowIcon(icons.app_icon())
    window = MainWindow(settings)

    # the window is on screen first; the workspace is read beside its showing and painting (or,
    # without the preload, in a worker after its first paint) and fills the window in
    opening: tuple[str, str | None] | None = None
    preloading: _Preload | None = None
    if opts.workspace:
        opening = (opts.workspace, opts.department)
    elif settings.last_workspace and Path(settings.last_workspace).exists():
        opening = (settings.last_workspace, None)
    elif settings.last_workspace:
        window.note_missing_last(settings.last_workspace)
    if opening is not None:
        path, department = opening
        # begun once the window is built: before, its imports would hold up the window's own
        # (Python threads share one interpreter); from here the window mostly shows and paints
        if _preload_wanted():
            preloading = _Preload(path)
        prepared = preloading.take(path) if preloading is not None else None
        if _stored_wanted():
            # the readiness it last recorded (standard sqlite3, a few ms) is on screen from the
            # first paint; the workspace page replaces it once the workspace is open
            from ipaudit.store.last_readiness import read_last_readiness

            stored = read_last_readiness(path, department)
            if stored is not None:
                window.show_stored_readiness(stored)
        window.call_after_next_paint(lambda: window.open_later(path, department, prepared=prepared))
    window.show()

    if smoke:

        def stamp(tag: str) -> None:
            now = time.time()
            cpu = time.process_time()  # all threads of this process, since it started
            rss = _peak_rss_mb()
            _say(f"{tag} {now:.6f} {time.perf_counter() - started:.3f} {cpu:.3f} {rss:.1f}")
            log.info("%s after %.3f s", tag, time.perf_counter() - started)

        def finish() -> None:
            window.close()
            app.quit()

        def first_paint() -> None:
            stamp("IPAUDIT_FIRST_PAINT")
            if window.stored_view is not None and window.stored_view.isVisible():
                stamp("IPAUDIT_STORED_SHOWN")
            if opening is None:
                finish()

        def workspace_shown() -> None:
            stamp("IPAUDIT_WORKSPACE_SHOWN")
            finish()

        window.call_after_next_paint(first_paint)
        # stamped at the paint itself, before the work that waits for it (the checks' start)
        window.workspaceOpened.connect(
            lambda _s: window.call_after_next_paint(workspace_shown, first=True)
        )
        window.openFailed.connect(lambda: window.call_after_next_paint(finish))

    code = app.exec()
    if window.isVisible():
        window.close()
    from ipaudit.ui import workers

    workers.wait_all()
    if preloading is not None:
        preloading.finish()
    log.info("ipaudit exiting")
    rep = errors.reporter()
    if code == 0 and rep.crash_count:
        code = EXIT_CRASH
    elif code == 0 and smoke and rep.expected_count:
        code = EXIT_EXPECTED_ERROR
    return code
