"""Write real ledger files for tests: xlsx (openpyxl), xls (xlwt), ods, csv and tsv.

    write_sheet(path, rows, fmt=None, *, sheet_name="Sheet1", encoding="utf-8", delimiter=None,
                merged=())
    write_workbook(path, {"奖惩": rows, "发放": rows2}, fmt=None, *, merged={"奖惩": ["A1:H1"]})

``rows`` are sequences of cell values: str, int, float, Decimal, date, datetime, bool or None
(empty). ``Formula("=SUM(F3:F9)", cached=26600)`` writes a formula (xlsx and ods); without ``cached``
the file holds no saved result, as files written by openpyxl do; ``cached=ExcelError("#DIV/0!")``
saves an error result. ``fmt`` defaults to the file
suffix. Text files take ``encoding`` ("utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16") and write
dates as ISO text, Decimals as written, and floats without a trailing ".0" on whole numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

FORMATS = ("xlsx", "xls", "ods", "csv", "tsv")


@dataclass(frozen=True)
class ExcelError:
    """A saved formula result that is an error, e.g. ``ExcelError("#DIV/0!")``."""

    code: str


@dataclass(frozen=True)
class Formula:
    text: str  # "=SUM(F3:F9)"
    cached: float | int | str | ExcelError | None = None


def write_sheet(
    path: str | Path,
    rows: Sequence[Sequence[Any]],
    fmt: str | None = None,
    *,
    sheet_name: str = "Sheet1",
    encoding: str = "utf-8",
    delimiter: str | None = None,
    merged: Sequence[str] = (),
) -> Path:
    """One sheet of ``rows`` into ``path``; returns the path."""
    return write_workbook(
        path,
        {sheet_name: rows},
        fmt,
        encoding=encoding,
        delimiter=delimiter,
        merged={sheet_name: merged} if merged else None,
    )


def write_workbook(
    path: str | Path,
    sheets: Mapping[str, Sequence[Sequence[Any]]],
    fmt: str | None = None,
    *,
    encoding: str = "utf-8",
    delimiter: str | None = None,
    merged: Mapping[str, Sequence[str]] | None = None,
) -> Path:
    """Several sheets into one workbook (csv/tsv: exactly one sheet)."""
    p = Path(path)
    fmt = (fmt or p.suffix.lstrip(".")).lower()
    merged = merged or {}
    if fmt == "xlsx":
        _write_xlsx(p, sheets, merged)
    elif fmt == "xls":
        _write_xls(p, sheets, merged)
    elif fmt == "ods":
        _write_ods(p, sheets, merged)
    elif fmt in ("csv", "tsv"):
        if len(sheets) != 1:
            raise ValueError("a text file holds exactly one sheet")
        rows = next(iter(sheets.values()))
        _write_text(p, rows, encoding, delimiter or ("\t" if fmt == "tsv" else ","))
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {FORMATS}")
    return p


# ------------------------------------------------------------------------------------ xlsx


def _write_xlsx(path: Path, sheets: Mapping[str, Sequence[Sequence[Any]]], merged) -> None:
    import openpyxl

    cached: dict[str, dict[str, Any]] = {}
    plain = not merged and not any(
        isinstance(v, Formula) for rows in sheets.values() for row in rows for v in row
    )
    wb = openpyxl.Workbook(write_only=plain)
    if not plain:
        wb.remove(wb.active)
    for index, (name, rows) in enumerate(sheets.items(), start=1):
        ws = wb.create_sheet(name)
        if plain:
            for row in rows:
                ws.append([_xlsx_value(v) for v in row])
            continue
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = ws.cell(row=r, column=c)
                if isinstance(value, Formula):
                    cell.value = value.text
                    if value.cached is not None:
                        cached.setdefault(f"xl/worksheets/sheet{index}.xml", {})[
                            cell.coordinate
                        ] = value.cached
                else:
                    cell.value = _xlsx_value(value)
                    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                        cell.number_format = "yyyy-mm-dd"
        for ref in merged.get(name, ()):
            ws.merge_cells(ref)
    wb.save(path)
    if cached:
        _patch_cached_values(path, cached)


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    return value


def _patch_cached_values(path: Path, cached: dict[str, dict[str, Any]]) -> None:
    """openpyxl cannot store formula results: write them into the sheet XML afterwards."""
    with zipfile.ZipFile(path) as zf:
        parts = {info: zf.read(info.filename) for info in zf.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in parts.items():
            values = cached.get(info.filename)
            if values:
                xml = data.decode("utf-8")
                for ref, value in values.items():
                    pattern = re.compile(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>')
                    if isinstance(value, ExcelError):
                        kind, text = ' t="e"', escape(value.code)
                    else:
                        kind = ' t="str"' if isinstance(value, str) else ""
                        text = escape(str(value))
                    xml = pattern.sub(
                        lambda m, r=ref, k=kind, t=text: (
                            f'<c r="{r}"{m.group(1)}{k}><f>{m.group(2)}</f><v>{t}</v></c>'
                        ),
                        xml,
                    )
                data = xml.encode("utf-8")
            zf.writestr(info, data)


# ------------------------------------------------------------------------------------ xls


def _write_xls(path: Path, sheets: Mapping[str, Sequence[Sequence[Any]]], merged) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    datetime_style = xlwt.easyxf(num_format_str="YYYY-MM-DD HH:MM")
    for name, rows in sheets.items():
        ws = wb.add_sheet(name)
        spans = [_parse_range(ref) for ref in merged.get(name, ())]
        covered = {
            (r, c)
            for (r0, c0, r1, c1) in spans
            for r in range(r0, r1 + 1)
            for c in range(c0, c1 + 1)
        }
        for r0, c0, r1, c1 in spans:
            value = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else ""
            style = (
                datetime_style
                if isinstance(value, dt.datetime)
                else date_style
                if isinstance(value, dt.date)
                else xlwt.Style.default_style
            )
            ws.write_merge(r0, r1, c0, c1, _xls_value(value), style)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None or value == "" or (r, c) in covered:
                    continue
                if isinstance(value, Formula):
                    raise ValueError("xls formulas are not supported by this writer")
                if isinstance(value, dt.datetime):
                    ws.write(r, c, value, datetime_style)
                elif isinstance(value, dt.date):
                    ws.write(r, c, value, date_style)
                else:
                    ws.write(r, c, _xls_value(value))
    wb.save(str(path))


def _xls_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    return "" if value is None else value


# ------------------------------------------------------------------------------------ ods

_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _write_ods(path: Path, sheets: Mapping[str, Sequence[Sequence[Any]]], merged) -> None:
    body = []
    for name, rows in sheets.items():
        spans = {
            (r0, c0): (r1 - r0 + 1, c1 - c0 + 1)
            for r0, c0, r1, c1 in map(_parse_range, merged.get(name, ()))
        }
        covered = {
            (r, c)
            for (r0, c0), (nr, nc) in spans.items()
            for r in range(r0, r0 + nr)
            for c in range(c0, c0 + nc)
            if (r, c) != (r0, c0)
        }
        body.append(f"<table:table table:name={quoteattr(name)}>")
        for r, row in enumerate(rows):
            body.append("<table:table-row>")
            for c, value in enumerate(row):
                if (r, c) in covered:
                    body.append("<table:covered-table-cell/>")
                    continue
                span = spans.get((r, c))
                attrs = (
                    f' table:number-rows-spanned="{span[0]}" table:number-columns-spanned="{span[1]}"'
                    if span
                    else ""
                )
                body.append(_ods_cell(value, attrs))
            body.append("</table:table-row>")
        body.append("</table:table>")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.2">'
        f"<office:body><office:spreadsheet>{''.join(body)}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)


def _ods_cell(value: Any, attrs: str) -> str:
    if value is None or value == "":
        return f"<table:table-cell{attrs}/>"
    if isinstance(value, Formula):
        formula = f' table:formula="of:{escape(value.text)}"'
        if value.cached is None:  # no saved result, as non-calculating writers leave it
            return f"<table:table-cell{attrs}{formula}/>"
        if isinstance(value.cached, ExcelError):  # as LibreOffice saves an error result
            return (
                f'<table:table-cell{attrs}{formula} office:value-type="float" office:value="0" '
                f'calcext:value-type="error"><text:p>{value.cached.code}</text:p></table:table-cell>'
            )
        return _ods_cell(value.cached, attrs + formula)
    if isinstance(value, bool):
        v = "true" if value else "false"
        return f'<table:table-cell{attrs} office:value-type="boolean" office:boolean-value="{v}"><text:p>{v}</text:p></table:table-cell>'
    if isinstance(value, int | float | Decimal):
        return f'<table:table-cell{attrs} office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    if isinstance(value, dt.date):
        iso = value.isoformat()
        return f'<table:table-cell{attrs} office:value-type="date" office:date-value="{iso}"><text:p>{iso}</text:p></table:table-cell>'
    return f'<table:table-cell{attrs} office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


# ------------------------------------------------------------------------------------ text


def _write_text(path: Path, rows: Sequence[Sequence[Any]], encoding: str, delimiter: str) -> None:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f, delimiter=delimiter, lineterminator="\r\n")
        for row in rows:
            writer.writerow([_text_value(v) for v in row])


def _text_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Formula):
        raise ValueError("text files hold no formulas")
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# ------------------------------------------------------------------------------------ helpers


def _parse_range(ref: str) -> tuple[int, int, int, int]:
    """``"A1:H1"`` → (0, 0, 0, 7)."""
    first, _, last = ref.partition(":")
    r0, c0 = _parse_cell(first)
    r1, c1 = _parse_cell(last or first)
    return r0, c0, r1, c1


def _parse_cell(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref.upper())
    if not m:
        raise ValueError(f"bad cell reference {ref!r}")
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def column_letter(index: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA"."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
