"""Blank forms for the records that are still missing, from the template's form definitions, so a
department can start filling them in (xlsx or docx, with the form's columns)."""

from __future__ import annotations

from copy import copy

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ipaudit.domain.normalize import display_width
from ipaudit.export import docx_xml as X
from ipaudit.export.data import FormFile, PackData
from ipaudit.export.docx_base import PackDocument
from ipaudit.export.i18n import t
from ipaudit.export.workbook_xlsx import print_setup
from ipaudit.export.zipstable import save_xlsx

EMPTY_ROWS = 20
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
NUMBER_HEADERS = frozenset({"序号", "no.", "no", "#"})


def _numbered(columns: list[str]) -> bool:
    return bool(columns) and columns[0].strip().lower() in NUMBER_HEADERS


def build_form(data: PackData, form: FormFile) -> bytes:
    return _xlsx(data, form) if not form.path.endswith(".docx") else _docx(data, form)


def _xlsx(data: PackData, form: FormFile) -> bytes:
    lang = data.lang
    columns = [c.get(lang) for c in form.form.columns] or [t("col.record", lang)]
    title = form.form.title.get(lang)
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet
    ws.title = "表单" if lang == "zh" else "Form"
    last = get_column_letter(len(columns))
    ws.merge_cells(f"A1:{last}1")
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    ws["A2"] = t("form.company", lang, company=data.info.company)
    item = form.item
    ws.cell(
        row=3,
        column=1,
        value=t("form.for_item", lang, clause=item.clause, item=item.title.get(lang)),
    )
    header_row = 4
    for col, name in enumerate(columns, 1):
        cell = ws.cell(row=header_row, column=col, value=name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E2F3")
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        width = max(display_width(name) + 4, 10 if col > 1 or not _numbered(columns) else 6)
        ws.column_dimensions[get_column_letter(col)].width = min(width, 40)
    boxed = None  # the boxed style, computed once and copied (setting it hashes the border)
    for r in range(header_row + 1, header_row + 1 + EMPTY_ROWS):
        ws.row_dimensions[r].height = 22
        for col in range(1, len(columns) + 1):
            box = ws.cell(row=r, column=col)
            if boxed is None:
                box.border = BOX
                # openpyxl's style array (not in its stubs): copied, it styles a cell without
                # hashing the border again
                boxed = copy(box._style)  # type: ignore[union-attr]
            else:
                box._style = copy(boxed)  # type: ignore[union-attr]
        if _numbered(columns):
            ws.cell(row=r, column=1, value=r - header_row).alignment = Alignment(
                horizontal="center"
            )
    ws.cell(row=header_row + EMPTY_ROWS + 2, column=1, value=t("form.signature", lang))
    ws.freeze_panes = f"A{header_row + 1}"
    print_setup(ws, lang)
    ws.print_title_rows = f"{header_row}:{header_row}"
    wb.properties.created = data.as_of
    wb.properties.modified = data.as_of
    wb.properties.creator = data.info.company
    wb.properties.title = title
    return save_xlsx(wb, data.as_of)


def _docx(data: PackData, form: FormFile) -> bytes:
    lang = data.lang
    columns = [c.get(lang) for c in form.form.columns] or [t("col.record", lang)]
    title = form.form.title.get(lang)
    doc = PackDocument(lang, footer=t("footer.page", lang, page="{page}", pages="{pages}"))
    doc.raw(
        X.paragraph(
            X.run(title, bold=True, size=36, heading_font=True), style="Title", align="center"
        )
    )
    doc.para(t("form.company", lang, company=data.info.company))
    item = form.item
    doc.para(t("form.for_item", lang, clause=item.clause, item=item.title.get(lang)))
    weights = [0.6 if n == 0 and _numbered(columns) else 2.0 for n in range(len(columns))]
    w = X.widths(X.A4_TEXT_WIDTH, weights)
    cols = [X.Column(name, width) for name, width in zip(columns, w, strict=True)]
    numbered = _numbered(columns)
    rows = [
        [str(r) if numbered and n == 0 else "" for n in range(len(columns))] for r in range(1, 16)
    ]
    doc.table(cols, rows, row_height=510)
    doc.para("")
    doc.para(t("form.signature", lang))
    return doc.save(
        title=title, subject=item.title.get(lang), author=data.info.company, as_of=data.as_of
    )
