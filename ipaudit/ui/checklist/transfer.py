"""Evidence file work off the GUI thread: attach, replace, export for opening — one at a time.

Attaching and replacing push ``commands.EvidenceAdded`` once the worker has stored the files, so the
whole drop is one undoable step. A cancelled or failed drop of several files leaves none of them.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ipaudit.domain.model import Evidence, ItemState
from ipaudit.progress import Cancelled
from ipaudit.services.evidence_review import FileReview
from ipaudit.store.errors import SourceFileMissing, WorkspaceError
from ipaudit.ui import commands, workers
from ipaudit.ui.checklist.lang import fill
from ipaudit.ui.session import WorkspaceSession

_SCALE = 1000  # progress is reported in thousandths (sizes beyond 2 GB do not fit a Qt int)
_open_dir: Path | None = None


def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
    return QCoreApplication.translate("EvidenceTransfer", text, disambiguation, n)


def _remove_tree(folder: Path) -> None:
    """Remove the read-only copies (Windows refuses to delete read-only files unless told)."""

    def make_writable(func: Callable[[str], object], path: str, _exc: object) -> None:
        # still open in another program: the system cleans its temp folder later
        with contextlib.suppress(OSError):
            os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
            func(path)

    if not folder.exists():
        return
    if sys.version_info >= (3, 12):
        shutil.rmtree(folder, onexc=make_writable)
    else:
        shutil.rmtree(folder, onerror=make_writable)


def open_dir() -> Path:
    """A folder for read-only copies handed to the system application; removed at exit."""
    global _open_dir
    if _open_dir is None:
        _open_dir = Path(tempfile.mkdtemp(prefix="ipaudit-open-"))
        atexit.register(_remove_tree, _open_dir)
    return _open_dir


class _Scaled:
    def __init__(self, ctx: workers.TaskContext, total: int) -> None:
        self.ctx = ctx
        self.total = max(total, 1)
        self.base = 0

    def __call__(self, done: int, _total: int) -> None:
        self.ctx.progress((self.base + done) * _SCALE // self.total, _SCALE)


def _sizes(paths: Sequence[Path]) -> int:
    total = 0
    for p in paths:
        try:
            total += p.stat().st_size
        except OSError as exc:
            raise SourceFileMissing(p) from exc
    return total


class EvidenceTransfer(QObject):
    busyChanged = Signal(bool)
    started = Signal(str)  # what is being done
    progress = Signal("qint64", "qint64")  # type: ignore[arg-type]  # a C++ type name: PySide6 takes it
    attached = Signal(list)  # list[Evidence], after the undo command was pushed
    reviewed = Signal(list)  # list[FileReview]: the files looked at before attaching
    warned = Signal(list)  # list[Text]: files attached but empty, or already on the item
    exported = Signal(object, object)  # (Evidence, Path of the read-only copy)
    failed = Signal(object)  # the exception (expected ones are WorkspaceError)
    cancelled = Signal()

    def __init__(self, session: WorkspaceSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: workers.Task | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    # --- operations --------------------------------------------------------------------------

    def review(self, item_key: str, paths: Sequence[Path]) -> workers.Task | None:
        """Hash the files and propose their dates (``reviewed`` follows); nothing is stored."""
        paths = [Path(p) for p in paths]
        if self.busy or not paths:
            return None
        ws = self.session.workspace

        def run(ctx: workers.TaskContext) -> list[FileReview]:
            return ws.review_files(
                item_key,
                paths,
                progress=lambda d, t: ctx.progress(d * _SCALE // max(t, 1), _SCALE),
                cancel=ctx.cancelled,
            )

        text = tr("Reading the files…")
        return self._start(run, text, self.reviewed.emit)

    def attach(
        self,
        item_key: str,
        paths: Sequence[Path],
        slot: str = "",
        metas: Sequence[dict[str, Any]] | None = None,
    ) -> workers.Task | None:
        """Attach ``paths`` (with ``metas``: each file's dates, as confirmed by the user)."""
        paths = [Path(p) for p in paths]
        if self.busy or not paths:
            return None
        ws = self.session.workspace
        given = list(metas) if metas is not None else [{} for _ in paths]

        def run(ctx: workers.TaskContext) -> list[Evidence]:
            scaled = _Scaled(ctx, _sizes(paths))
            done: list[Evidence] = []
            try:
                for path, meta in zip(paths, given, strict=True):
                    known = {k: v for k, v in meta.items() if v is not None}
                    known.setdefault("force", True)  # flagged in the dialog, ticked on purpose
                    ev = ws.attach(
                        item_key, path, slot=slot, progress=scaled, cancel=ctx.cancelled, **known
                    )
                    done.append(ev)
                    scaled.base += ev.size
            except (Cancelled, WorkspaceError, OSError):
                for ev in reversed(done):  # all or nothing: the drop is one step
                    ws.remove_evidence(ev.id)
                raise
            return done

        if len(paths) == 1:
            text = fill(tr("Attach “%1”"), paths[0].name)
        else:
            text = tr("Attach %n file(s)", "", len(paths))
        before = ws.state(item_key)
        return self._start(run, text, lambda evs: self._push(evs, text, before))

    def replace(self, evidence: Evidence, path: Path) -> workers.Task | None:
        if self.busy:
            return None
        ws = self.session.workspace
        path = Path(path)

        def run(ctx: workers.TaskContext) -> list[Evidence]:
            scaled = _Scaled(ctx, _sizes([path]))
            return [ws.replace_evidence(evidence.id, path, progress=scaled, cancel=ctx.cancelled)]

        text = fill(tr("Replace “%1” with a new version"), evidence.title)
        return self._start(run, text, lambda evs: self._push(evs, text))

    def export(self, evidence: Evidence) -> workers.Task | None:
        """A read-only copy of the stored bytes, named as the original file, for opening."""
        if self.busy:
            return None
        ws = self.session.workspace
        folder = open_dir() / evidence.sha256[:16]
        target = folder / (Path(evidence.original_name).name or evidence.sha256)

        def run(_ctx: workers.TaskContext) -> Path:
            if target.exists() and target.stat().st_size == evidence.size:
                return target
            folder.mkdir(parents=True, exist_ok=True)
            part = target.with_name(target.name + ".part")
            ws.save_evidence_file(evidence.id, part)
            part.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            part.replace(target)
            return target

        text = fill(tr("Opening “%1”"), evidence.title)
        return self._start(run, text, lambda path: self.exported.emit(evidence, path))

    # --- internals ---------------------------------------------------------------------------

    def _push(self, evidence: list[Evidence], text: str, before: ItemState | None = None) -> None:
        self.session.undo_stack.push(commands.EvidenceAdded(self.session, evidence, text, before))
        self.attached.emit(evidence)
        ws = self.session.workspace
        warnings = [w for ev in evidence for w in ws.attach_warnings(ev)]
        if warnings:
            self.warned.emit(warnings)

    def _start(
        self,
        fn: Callable[[workers.TaskContext], Any],
        text: str,
        on_done: Callable[[Any], None],
    ) -> workers.Task:
        task = workers.Task(fn, text)
        task.progress.connect(self.progress)
        task.finished.connect(lambda result: self._finish(on_done, result))
        task.failed.connect(lambda exc: self._finish(self.failed.emit, exc))
        task.cancelled.connect(lambda: self._finish(lambda _r: self.cancelled.emit(), None))
        self.task = task
        self.busyChanged.emit(True)
        self.started.emit(text)
        workers.start(task)
        return task

    def _finish(self, then: Callable[[Any], None], result: object) -> None:
        self.task = None
        self.busyChanged.emit(False)
        then(result)
