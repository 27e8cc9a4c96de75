"""Export the readiness pack: everything the company carries into the audit room, in one folder
or one zip, with a manifest that proves later that nothing was changed.

The pack is written under a temporary name next to the target and moved into place only when it
is complete; a cancel or a failure removes the temporary files, so the target either is the whole
pack or is not there. Progress is reported as (done, total) work units — roughly kibibytes, so the
numbers stay small for Qt signals — and ``cancel()`` is asked between chunks.

Same workspace and same options → the same bytes: documents are dated from the workspace, zip
entries carry fixed dates and are written in path order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import uuid
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import NoResultFound

import ipaudit
from ipaudit.export import pdf
from ipaudit.export.blank_forms import build_form
from ipaudit.export.data import EvidenceFile, PackData, collect
from ipaudit.export.errors import EvidenceDamaged, TargetExists, TargetNotWritable
from ipaudit.export.i18n import t
from ipaudit.export.interview_sheets import build_interview
from ipaudit.export.manifest import MANIFEST, SUMS, FileRecord, manifest_bytes, sums_bytes
from ipaudit.export.options import ExportOptions
from ipaudit.export.readme import build_readme
from ipaudit.export.report_docx import build_report
from ipaudit.export.workbook_xlsx import build_workbook
from ipaudit.export.zipstable import compressible, entry
from ipaudit.store.blobs import Cancelled

if TYPE_CHECKING:
    from ipaudit.services import Workspace

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

# work units (about a kibibyte each) for the documents, next to the evidence bytes
W_REPORT, W_PDF, W_WORKBOOK, W_INTERVIEW, W_FORM, W_SMALL = 3000, 10000, 2000, 300, 60, 10


@dataclass(frozen=True, slots=True)
class Note:
    """Something the user should know about the pack (no PDF, evidence left out …)."""

    key: str
    fields: dict[str, str] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.fields)


@dataclass(frozen=True, slots=True)
class PackResult:
    path: Path
    files: int
    bytes: int
    notes: tuple[Note, ...]
    manifest: tuple[FileRecord, ...]

    def note_texts(self, lang: str) -> list[str]:
        return [n.text(lang) for n in self.notes]


def default_name(ws: Workspace, options: ExportOptions) -> str:
    """A pack name for ``ws`` in the chosen language ("<company>-迎审资料包-<audit date>")."""
    from ipaudit.export.safenames import safe_component

    info = ws.info()
    base = t("pack.default_name", options.lang, company=info.company)
    name = safe_component(f"{base}-{info.audit_start.isoformat()}", 80)
    return name + (".zip" if options.as_zip else "")


# --- sinks: where the files go ------------------------------------------------------------------


class _Sink:
    """Receives the pack's files; hashes what it writes."""

    def __init__(self) -> None:
        self.records: list[FileRecord] = []

    def _record(self, rel: str, size: int, digest: str) -> None:
        self.records.append(FileRecord(rel, size, digest))

    def add_bytes(self, rel: str, data: bytes) -> None:
        self._write(rel, iter((data,)), len(data), compressible(rel))

    def add_stream(self, rel: str, chunks: Iterable[bytes], size: int) -> str:
        return self._write(rel, chunks, size, compressible(rel))

    def _write(self, rel: str, chunks: Iterable[bytes], size: int, compress: bool) -> str:
        raise NotImplementedError

    def commit(self, target: Path, overwrite: bool) -> None:
        raise NotImplementedError

    def discard(self) -> None:
        raise NotImplementedError


class _FolderSink(_Sink):
    def __init__(self, target: Path) -> None:
        super().__init__()
        self.tmp = target.parent / f".{target.name}.part-{uuid.uuid4().hex[:8]}"
        self.tmp.mkdir()

    def _write(self, rel: str, chunks: Iterable[bytes], size: int, compress: bool) -> str:
        path = self.tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        h = hashlib.sha256()
        written = 0
        with path.open("wb") as out:
            for chunk in chunks:
                h.update(chunk)
                out.write(chunk)
                written += len(chunk)
        digest = h.hexdigest()
        self._record(rel, written, digest)
        return digest

    def commit(self, target: Path, overwrite: bool) -> None:
        _move_into_place(self.tmp, target, overwrite)

    def discard(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


class _ZipSink(_Sink):
    def __init__(self, target: Path, root: str, moment: dt.datetime) -> None:
        super().__init__()
        self.root = root
        self.moment = moment
        self.tmp = target.parent / f".{target.name}.part-{uuid.uuid4().hex[:8]}"
        self.zip = zipfile.ZipFile(self.tmp, "w", allowZip64=True)

    def _write(self, rel: str, chunks: Iterable[bytes], size: int, compress: bool) -> str:
        info = entry(f"{self.root}/{rel}", self.moment, compress)
        info.file_size = size
        h = hashlib.sha256()
        written = 0
        with self.zip.open(info, "w", force_zip64=size > 0x7FFF0000) as out:
            for chunk in chunks:
                h.update(chunk)
                out.write(chunk)
                written += len(chunk)
        digest = h.hexdigest()
        self._record(rel, written, digest)
        return digest

    def commit(self, target: Path, overwrite: bool) -> None:
        self.zip.close()
        _move_into_place(self.tmp, target, overwrite)

    def discard(self) -> None:
        self.zip.close()
        self.tmp.unlink(missing_ok=True)


def _move_into_place(tmp: Path, target: Path, overwrite: bool) -> None:
    if not target.exists() and not target.is_symlink():
        os.replace(tmp, target)
        return
    if not overwrite:
        raise TargetExists(target)
    old = target.parent / f".{target.name}.old-{uuid.uuid4().hex[:8]}"
    os.replace(target, old)
    try:
        os.replace(tmp, target)
    except OSError:
        os.replace(old, target)  # put the previous pack back
        raise
    if old.is_dir() and not old.is_symlink():
        shutil.rmtree(old, ignore_errors=True)
    else:
        old.unlink(missing_ok=True)


# --- the export -------------------------------------------------------------------------------


class _Progress:
    def __init__(self, total: int, progress: Progress | None, cancel: Cancel | None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.progress = progress
        self.cancel = cancel

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled

    def step(self, units: int) -> None:
        self.check()
        self.done = min(self.done + units, self.total)
        if self.progress is not None:
            self.progress(self.done, self.total)


def _units(size: int) -> int:
    return size // 1024 + 1


def export_pack(
    ws: Workspace,
    target: Path | str,
    options: ExportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> PackResult:
    """Write the readiness pack of ``ws`` to ``target`` (a folder, or a .zip file)."""
    options = options or ExportOptions()
    target = Path(target)
    if options.as_zip and target.suffix.lower() != ".zip":
        target = target.with_name(target.name + ".zip")
    if not target.parent.is_dir():
        raise TargetNotWritable(target, "folder does not exist / 文件夹不存在")
    if (target.exists() or target.is_symlink()) and not options.overwrite:
        raise TargetExists(target)
    root = target.stem if options.as_zip else target.name

    data = collect(ws, options, root)
    included = [e for e in data.evidence if e.path]
    total = (
        W_REPORT
        + (W_PDF if options.pdf else 0)
        + W_WORKBOOK
        + W_INTERVIEW * len(data.interview_paths)
        + W_FORM * len(data.forms)
        + 2 * W_SMALL
        + sum(_units(e.evidence.size) for e in included)
    )
    meter = _Progress(total, progress, cancel)
    meter.check()

    try:
        sink: _Sink = _ZipSink(target, root, data.as_of) if options.as_zip else _FolderSink(target)
    except OSError as exc:
        raise TargetNotWritable(target, exc.strerror or str(exc)) from exc
    notes: list[Note] = []
    try:
        documents = dict(_documents(data, meter, notes))
        documents[data.names.readme] = build_readme(data, notes, sorted(documents))
        meter.step(W_SMALL)
        by_path = {e.path: e for e in included}
        for rel in sorted({*documents, *by_path}):
            if rel in documents:
                sink.add_bytes(rel, documents[rel])
            else:
                _copy_evidence(ws, sink, by_path[rel], meter)
        meta = _manifest_meta(data)
        records = list(sink.records)
        sink.add_bytes(MANIFEST, manifest_bytes(records, meta))
        sink.add_bytes(SUMS, sums_bytes(records))
        meter.step(W_SMALL)
        meter.check()  # the last moment a cancel still leaves nothing behind
        sink.commit(target, options.overwrite)
    except BaseException as exc:
        sink.discard()
        if isinstance(exc, OSError):
            raise TargetNotWritable(target, exc.strerror or str(exc)) from exc
        raise
    size = sum(r.size for r in records)
    return PackResult(target, len(records) + 2, size, tuple(notes), tuple(records))


def _documents(data: PackData, meter: _Progress, notes: list[Note]) -> Iterator[tuple[str, bytes]]:
    names = data.names
    report = build_report(data)
    meter.step(W_REPORT)
    yield names.report, report
    if data.options.pdf:
        try:
            yield names.report_pdf, pdf.convert(report, data.as_of, cancel=meter.cancel)
        except pdf.PdfUnavailable:
            notes.append(Note("note.no_soffice"))
        except pdf.PdfFailed as exc:
            notes.append(Note("note.pdf_failed", {"detail": exc.detail}))
        meter.step(W_PDF)
    yield names.workbook, build_workbook(data)
    meter.step(W_WORKBOOK)
    for dep, rel in data.interview_paths.items():
        yield rel, build_interview(data, dep)
        meter.step(W_INTERVIEW)
    for form in data.forms:
        yield form.path, build_form(data, form)
        meter.step(W_FORM)
    if not data.options.include_evidence:
        notes.append(Note("note.no_evidence"))
    if data.options.redact:
        notes.append(Note("note.redacted"))


def _copy_evidence(ws: Workspace, sink: _Sink, ef: EvidenceFile, meter: _Progress) -> None:
    ev = ef.evidence
    step = 0

    def chunks() -> Iterator[bytes]:
        nonlocal step
        for chunk in ws.store.iter_blob(ev.sha256):
            meter.check()
            yield chunk
            units = len(chunk) // 1024
            step += units
            meter.step(units)

    try:
        digest = sink.add_stream(ef.path, chunks(), ev.size)
    except NoResultFound as exc:
        raise EvidenceDamaged(ws.path, ev.original_name, ev.sha256) from exc
    meter.step(max(_units(ev.size) - step, 0))
    if digest != ev.sha256:
        raise EvidenceDamaged(ws.path, ev.original_name, ev.sha256)


def _manifest_meta(data: PackData) -> dict[str, object]:
    info = data.info
    return {
        "generator": f"ipaudit {ipaudit.__version__}",
        "company": info.company,
        "edition": info.edition.value,
        "audit_type": info.audit_type.value,
        "audit_start": info.audit_start.isoformat(),
        "audit_end": info.audit_end.isoformat(),
        "as_of": data.as_of.isoformat(),
        "options": data.options.recorded(),
        "overall_readiness": data.overall.percent,
    }
