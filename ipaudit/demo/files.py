"""Small real evidence files for the demo: docx, xlsx and txt written on the fly."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from ipaudit.domain.model import FormDef

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def safe_name(text: str) -> str:
    return _UNSAFE.sub("_", text).strip("._")[:60] or "file"


def write_docx(path: Path, title: str, lines: list[str]) -> Path:
    from docx import Document

    doc = Document()
    doc.add_heading(title, level=1)
    for line in lines:
        doc.add_paragraph(line)
    doc.core_properties.created = dt.datetime(2026, 1, 1)
    doc.save(str(path))
    return path


def write_xlsx(path: Path, title: str, form: FormDef | None, rows: list[list[str]]) -> Path:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet
    ws.title = "记录"
    ws.append([title])
    if form is not None:
        ws.append([c.zh for c in form.columns])
    for row in rows:
        ws.append(row)
    wb.save(str(path))
    return path


def write_txt(path: Path, title: str, lines: list[str]) -> Path:
    path.write_text("\n".join([title, "", *lines]) + "\n", encoding="utf-8")
    return path


def write_request_list(path: Path, company: str, lines: Sequence[tuple[str, str, str]]) -> Path:
    """A certification body's request list as they send it: a title row, a header, one request
    (department, title, note) per row."""
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    wb = Workbook()
    sheet = wb.active
    assert isinstance(sheet, Worksheet)  # a new workbook's one sheet
    sheet.title = "审核资料清单"
    sheet.append([f"{company} 知识产权管理体系监督审核 资料准备清单"])
    sheet.append([])
    sheet.append(["序号", "提供部门", "需提供的文件名称", "备注"])
    for n, (dep, title, note) in enumerate(lines, 1):
        sheet.append([n, dep, title, note or None])
    wb.save(str(path))
    return path
