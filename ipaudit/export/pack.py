"""Export the readiness pack: everything the company carries into the audit room, in one folder
or one zip, with a manifest that proves later that nothing was changed.

The pack is written in a hidden work folder next to the target and moved into place only when it
is complete; a cancel or a failure removes the work folder, so the target either is the whole
pack or is not there (a killed export's work folder is removed by the next export of the same
target). An existing target is replaced only when asked and only when it is an earlier ipaudit
pack. Progress is reported as (done, total) work units — roughly kibibytes, so the
numbers stay small for Qt signals — and ``cancel()`` is asked between chunks and documents.

The documents are built in a second thread while the evidence is copied (mostly file and
database I/O and hashing, which run without the GIL), so a large pack costs little more than
copying its evidence.

The export is handed its data (``source.PackSource``, read by ``ipaudit.services.exports``, which
is the way in for the CLI and the GUI and records the pack in the workspace's export history); it
reads no workspace itself.

Same workspace and same options → the same bytes: documents are dated from the workspace, zip
entries carry fixed dates and are written in a fixed order (evidence by path, then the documents
by path, then the manifest).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import ipaudit
from ipaudit.domain.model import WorkspaceInfo
from ipaudit.export.blank_forms import build_form
from ipaudit.export.data import PackData, collect, figures
from ipaudit.export.errors import TargetNotWritable
from ipaudit.export.evidence_files import copy_evidence
from ipaudit.export.i18n import t
from ipaudit.export.interview_sheets import build_interview
from ipaudit.export.manifest import MANIFEST, SUMS, FileRecord, manifest_bytes, sums_bytes
from ipaudit.export.options import ExportOptions
from ipaudit.export.readme import build_readme
from ipaudit.export.report_pages import build_report_files
from ipaudit.export.sinks import FolderSink, Sink, ZipSink, check_target
from ipaudit.export.source import PackSource
from ipaudit.export.target import make_parents, resolve
from ipaudit.export.workbook_xlsx import build_workbook
from ipaudit.export.workfolder import remove_stale
from ipaudit.progress import CancelCheck, Cancelled, Progress
from ipaudit.text import Text

# work units (about a kibibyte each) for the documents, next to the evidence bytes
W_REPORT, W_PDF, W_WORKBOOK, W_INTERVIEW, W_FORM, W_SMALL = 3000, 10000, 2000, 300, 60, 10
W_LAYOUT = 8000  # LibreOffice laying the report out for its contents' page numbers


@dataclass(frozen=True, slots=True)
class Note:
    """Something the user should know about the pack (no PDF, evidence left out …)."""

    key: str
    fields: Mapping[str, Text] = field(default_factory=dict)  # each in the note's language

    def text(self, lang: str) -> str:
        return t(self.key, lang, **{k: v.get(lang) for k, v in self.fields.items()})


@dataclass(frozen=True, slots=True)
class PackResult:
    path: Path
    files: int
    bytes: int
    notes: tuple[Note, ...]
    manifest: tuple[FileRecord, ...]
    manifest_sha256: str  # recorded in the workspace's export history (``verify --workspace``)
    recorded: dict[str, object] = field(
        default_factory=dict
    )  # options and figures, for the history

    def note_texts(self, lang: str) -> list[str]:
        return [n.text(lang) for n in self.notes]


def default_name(info: WorkspaceInfo, options: ExportOptions) -> str:
    """A pack name for the audit ``info`` describes, in the chosen language
    ("<company>-迎审资料包-<audit date>")."""
    from ipaudit.export.safenames import safe_component

    base = t("pack.default_name", options.lang, company=info.company)
    name = safe_component(f"{base}-{info.audit_start.isoformat()}", 80)
    return name + (".zip" if options.as_zip else "")


# --- the export -------------------------------------------------------------------------------


class _Progress:
    """Progress from two threads, and the one place both ask whether to stop."""

    def __init__(self, total: int, progress: Progress | None, cancel: CancelCheck | None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.progress = progress
        self.cancel = cancel
        self.abort = threading.Event()  # set when the other thread failed or was cancelled
        self._lock = threading.Lock()

    def stopping(self) -> bool:
        return self.abort.is_set() or (self.cancel is not None and self.cancel())

    def check(self) -> None:
        if self.stopping():
            raise Cancelled

    def step(self, units: int) -> None:
        self.check()
        with self._lock:
            self.done = min(self.done + units, self.total)
            done = self.done
        if self.progress is not None:
            self.progress(done, self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def _units(size: int) -> int:
    return size // 1024 + 1


def export_pack(
    read: Callable[[], PackSource],
    target: Path | str,
    options: ExportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> PackResult:
    """Write the readiness pack of the workspace ``read()`` reads to ``target`` (a folder, or a
    .zip file). ``read`` is called once, after the target was checked (a refused target costs no
    read). The caller records the result in the workspace's export history."""
    target, options = resolve(target, options or ExportOptions())  # "x.zip" is a zip
    make_parents(target)
    check_target(target, options.overwrite)
    notes: list[Note] = []
    stale = remove_stale(target)
    if stale:
        notes.append(Note("note.stale_removed", {"count": Text(str(stale), str(stale))}))
    root = target.stem if options.as_zip else target.name

    source = read()
    data = collect(source, options, root)
    included = sorted((e for e in data.evidence if e.path), key=lambda e: e.path)
    total = (
        W_REPORT
        + (W_LAYOUT if options.toc_pages or options.pdf else 0)
        + (W_PDF if options.pdf else 0)
        + W_WORKBOOK
        + W_INTERVIEW * len(data.interview_paths)
        + W_FORM * len(data.forms)
        + W_FORM * len(data.documents)
        + 2 * W_SMALL
        + sum(_units(e.evidence.size) for e in included)
    )
    meter = _Progress(total, progress, cancel)
    meter.check()

    try:
        sink: Sink = ZipSink(target, root, data.as_of) if options.as_zip else FolderSink(target)
    except OSError as exc:
        raise TargetNotWritable(target, exc.strerror or str(exc)) from exc
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pack-documents") as pool:
            building = pool.submit(_documents, data, meter, notes)
            try:
                copy_evidence(source.files, sink, included, step=meter.step, abort=meter.abort)
                documents = building.result()
            except BaseException:
                meter.abort.set()  # stops the document thread at its next check
                raise
        for rel in sorted(documents):
            sink.add_bytes(rel, documents[rel])
        meta = _manifest_meta(data)
        records = sorted(sink.records, key=lambda r: r.path)
        manifest = manifest_bytes(records, meta)
        sink.add_bytes(MANIFEST, manifest)
        sink.add_bytes(SUMS, sums_bytes(records))
        meter.check()  # the last moment a cancel still leaves nothing behind
        sink.commit(target, options.overwrite)
    except BaseException as exc:
        sink.discard()
        if isinstance(exc, OSError):
            raise TargetNotWritable(target, exc.strerror or str(exc)) from exc
        raise
    size = sum(r.size for r in records)
    digest = hashlib.sha256(manifest).hexdigest()
    recorded = {**options.recorded(), "figures": figures(data)}
    meter.finish()
    return PackResult(
        target, len(records) + 2, size, tuple(notes), tuple(records), digest, recorded
    )


def _documents(data: PackData, meter: _Progress, notes: list[Note]) -> dict[str, bytes]:
    """Every document of the pack by path, the README last (run in the document thread)."""
    documents = dict(_each_document(data, meter, notes))
    documents[data.names.readme] = build_readme(data, notes, sorted(documents))
    meter.step(W_SMALL)
    return documents


def _each_document(
    data: PackData, meter: _Progress, notes: list[Note]
) -> Iterator[tuple[str, bytes]]:
    names = data.names
    meter.check()
    options = data.options
    report = build_report_files(  # contents with page numbers where LibreOffice lays it out
        data,
        cancel=meter.stopping,
        step=meter.step,
        layout_units=W_LAYOUT if options.toc_pages or options.pdf else 0,
        pdf_units=W_PDF if options.pdf else 0,
    )
    meter.step(W_REPORT)
    notes.extend(Note(key, fields) for key, fields in report.notes)
    if report.pdf is not None:
        yield names.report_pdf, report.pdf
    yield names.report, report.docx
    yield names.workbook, build_workbook(data)
    meter.step(W_WORKBOOK)
    for dep, rel in data.interview_paths.items():
        yield rel, build_interview(data, dep)
        meter.step(W_INTERVIEW)
    for form in data.forms:
        yield form.path, build_form(data, form)
        meter.step(W_FORM)
    for path, doc in data.documents:
        yield path, doc.build(data.lang, data.clean)
        meter.step(W_FORM)
    if not data.options.include_evidence:
        notes.append(Note("note.no_evidence"))
    if data.options.redact:
        notes.append(Note("note.redacted"))


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
