"""The application materials as the certification body asks for them: one file per document,
numbered in the order of its completeness list, and an index (xlsx and docx) that lists every
material, the files that hold it and the ones still missing.

A folder, or a .zip when the target's name ends so; written beside the target and moved into place
only when complete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from ipaudit.export import docx_xml as X
from ipaudit.export.docx_base import PackDocument
from ipaudit.export.safenames import safe_component, split_extension
from ipaudit.export.sinks import FolderSink, Sink, ZipSink
from ipaudit.export.zipstable import save_xlsx
from ipaudit.progress import CancelCheck, Cancelled, Progress
from ipaudit.text import Text, counted

INDEX_STEM = Text("00_申请材料目录", "00_application_materials_index")
HEADERS = (
    Text("序号", "No."),
    Text("申请材料", "Material"),
    Text("文件", "File"),
    Text("文件日期", "Date"),
    Text("所在条目", "Checklist item"),
    Text("状态", "Status"),
)
PRESENT = Text("已附", "attached")
MISSING = Text("缺", "missing")


@dataclass(frozen=True, slots=True)
class MaterialFile:
    title: str
    original_name: str
    sha256: str
    size: int
    doc_date: dt.date | None
    item: Text


@dataclass(frozen=True, slots=True)
class MaterialEntry:
    number: int
    name: Text
    files: tuple[MaterialFile, ...]
    note: Text | None = None  # e.g. items this checklist does not have


@dataclass(frozen=True, slots=True)
class Written:
    target: Path
    files: list[str]  # the numbered files, in order
    missing: list[Text]  # the materials without a file


def file_name(entry: MaterialEntry, index: int, file: MaterialFile) -> str:
    """``07_内部审核报告及记录_<title>.docx``; ``07-2_…`` for a material's second file."""
    number = f"{entry.number:02d}" + (f"-{index}" if len(entry.files) > 1 else "")
    _stem, ext = split_extension(file.original_name)
    return safe_component(f"{number}_{entry.name.zh}_{file.title}{ext}", max_chars=120)


def write_materials(
    target: Path,
    entries: Sequence[MaterialEntry],
    read: Callable[[str], Iterable[bytes]],
    *,
    company: str,
    lang: str = "zh",
    as_of: dt.datetime | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> Written:
    """Write the numbered files (their bytes from ``read(sha256)``) and the index to ``target``
    (a folder, or a .zip); an existing target is refused."""
    moment = (as_of or dt.datetime.now()).replace(microsecond=0)
    sink: Sink = (
        ZipSink(target, safe_component(target.stem), moment)
        if target.suffix.lower() == ".zip"
        else FolderSink(target)
    )
    names: list[str] = []
    total = sum(len(e.files) for e in entries) + 1
    try:
        done = 0
        for entry in entries:
            for i, f in enumerate(entry.files, 1):
                if cancel is not None and cancel():
                    raise Cancelled
                name = file_name(entry, i, f)
                sink.add_stream(name, _chunks(read(f.sha256)), f.size)
                sink.record(name, f.size, f.sha256)
                names.append(name)
                done += 1
                if progress is not None:
                    progress(done, total)
        stem = INDEX_STEM.get(lang)
        sink.add_bytes(f"{stem}.xlsx", index_xlsx(entries, names, company, lang, moment))
        sink.add_bytes(f"{stem}.docx", index_docx(entries, names, company, lang, moment))
        sink.commit(target, overwrite=False)
    except BaseException:
        sink.discard()
        raise
    if progress is not None:
        progress(total, total)
    missing = [e.name for e in entries if not e.files]
    return Written(target, names, missing)


def _chunks(data: Iterable[bytes]) -> Iterator[bytes]:
    yield from data


def _rows(
    entries: Sequence[MaterialEntry], names: Sequence[str], lang: str
) -> list[tuple[str, str, str, str, str, str]]:
    rows = []
    it = iter(names)
    for entry in entries:
        if not entry.files:
            note = entry.note.get(lang) if entry.note else ""
            rows.append(
                (f"{entry.number:02d}", entry.name.get(lang), note, "", "", MISSING.get(lang))
            )
            continue
        for f in entry.files:
            rows.append(
                (
                    f"{entry.number:02d}",
                    entry.name.get(lang),
                    next(it),
                    str(f.doc_date or ""),
                    f.item.get(lang),
                    PRESENT.get(lang),
                )
            )
    return rows


def _title(company: str, lang: str) -> str:
    return f"{company} — " + ("认证申请材料目录" if lang != "en" else "Application materials")


def index_xlsx(
    entries: Sequence[MaterialEntry],
    names: Sequence[str],
    company: str,
    lang: str,
    moment: dt.datetime,
) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "申请材料" if lang != "en" else "Materials"
    ws.append([_title(company, lang)])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([h.get(lang) for h in HEADERS])
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E2F3")
    missing_fill = PatternFill("solid", fgColor="F8D7DA")
    for row in _rows(entries, names, lang):
        ws.append(list(row))
        if row[-1] == MISSING.get(lang):
            for cell in ws[ws.max_row]:
                cell.fill = missing_fill
    for col, width in zip("ABCDEF", (6, 34, 60, 12, 36, 8), strict=True):
        ws.column_dimensions[col].width = width
    for cells in ws.iter_rows(min_row=3):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A3"
    return save_xlsx(wb, moment)


def index_docx(
    entries: Sequence[MaterialEntry],
    names: Sequence[str],
    company: str,
    lang: str,
    moment: dt.datetime,
) -> bytes:
    doc = PackDocument(lang)
    doc.heading(_title(company, lang))
    present = sum(1 for e in entries if e.files)
    doc.para(
        f"共 {len(entries)} 项申请材料，已附 {present} 项，缺 {len(entries) - present} 项。"
        if lang != "en"
        else f"{counted(len(entries), 'material')}: {present} attached,"
        f" {len(entries) - present} missing."
    )
    widths = X.widths(9000, (5, 22, 40, 11, 22, 7))
    columns = [X.Column(h.get(lang), w) for h, w in zip(HEADERS, widths, strict=True)]
    doc.table(columns, [list(r) for r in _rows(entries, names, lang)], size=9)
    return doc.save(
        title=_title(company, lang),
        subject="GB/T 29490",
        author=company,
        as_of=moment,
    )
