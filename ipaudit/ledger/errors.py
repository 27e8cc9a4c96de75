"""Expected failures of reading a ledger file, each saying what happened and what to do, in both languages.

Every error carries where it happened (``file``, ``sheet``, ``row``, ``column``) so the import wizard
and the CLI can point at it. Row-level trouble inside a readable sheet is not an error: it becomes a
``Problem`` of the import result. These errors stop the whole file (or sheet).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ipaudit.errors import UserError
from ipaudit.ledger.model import column_letter
from ipaudit.text import Text, counted


class LedgerError(UserError):
    """Base of the expected ledger-file failures. ``message(lang)`` is what the user reads: where
    (file, sheet, row, column), what happened and what to do."""

    code = "ledger_error"

    def __init__(
        self,
        file: str | Path,
        zh: str,
        en: str,
        *,
        todo_zh: str = "",
        todo_en: str = "",
        sheet: str = "",
        row: int | None = None,
        column: str = "",
    ) -> None:
        self.file = str(file)
        self.sheet = sheet
        self.row = row
        self.column = column
        self.todo = Text(todo_zh, todo_en)  # what to do, "" when the message says it all
        where = _where(self.file, sheet, row, column)
        super().__init__(
            file,
            Text(
                f"{where.zh}：{zh}" + (f"。{todo_zh}" if todo_zh else ""),
                f"{where.en}: {en}" + (f". {todo_en}" if todo_en else ""),
            ),
        )

    @property
    def message_zh(self) -> str:
        return self.text.zh

    @property
    def message_en(self) -> str:
        return self.text.en

    def what_to_do(self, lang: str = "zh") -> str:
        return self.todo.get(lang)


def _where(file: str, sheet: str, row: int | None, column: str) -> Text:
    """Where it happened: "book.xlsx［发放］ 第 5 行“金额”列", "book.xlsx [发放] row 5 column “金额”"."""
    name = Path(file).name or file
    zh = en = name
    if sheet:
        zh += f"［{sheet}］"
        en += f" [{sheet}]"
    if row is not None:
        zh += f" 第 {row} 行"
        en += f" row {row}"
    if column:
        zh += f"“{column}”列"
        en += f" column “{column}”"
    return Text(zh, en)


class FileUnreadable(LedgerError):
    """The file cannot be opened at all: missing, a folder, no permission, locked."""

    code = "file_unreadable"

    def __init__(self, file: str | Path, detail: str = "") -> None:
        self.detail = detail
        # a detail "中文 / English" gives its Chinese half; the system's words alone go to Details
        zh = detail.split(" / ")[0] if " / " in detail else ""
        super().__init__(
            file,
            f"无法打开文件（{zh}）" if zh else "无法打开文件",
            f"the file cannot be opened ({detail})" if detail else "the file cannot be opened",
            todo_zh="请确认文件存在、未被其他程序（如 Excel/WPS）独占打开，并有读取权限",
            todo_en="Check that the file exists, is not held open by another program (Excel, WPS)"
            " and that you may read it",
        )


class EmptyFile(LedgerError):
    """The file or the chosen sheet holds nothing to read."""

    code = "empty_file"

    def __init__(self, file: str | Path, sheet: str = "") -> None:
        super().__init__(
            file,
            "工作表是空的" if sheet else "文件是空的（0 字节或没有任何数据）",
            "the sheet is empty" if sheet else "the file is empty (0 bytes or no data at all)",
            todo_zh="请选择包含台账数据的文件或工作表",
            todo_en="Choose the file or sheet that holds the ledger",
            sheet=sheet,
        )


class NotASpreadsheet(LedgerError):
    """The file is something else: a PDF, an image, a Word document, binary data …"""

    code = "not_a_spreadsheet"

    def __init__(self, file: str | Path, what_zh: str, what_en: str) -> None:
        self.what = Text(what_zh, what_en)  # what the file is instead
        super().__init__(
            file,
            f"这不是电子表格，而是{what_zh}",
            f"this is not a spreadsheet but {what_en}",
            todo_zh="请选择 Excel/WPS 表格（xlsx、xls）、ods 或 csv 文件；"
            "如台账在其他文件中，请先在 Excel/WPS 中另存为 xlsx",
            todo_en="Choose an Excel/WPS workbook (xlsx, xls), an ods or a csv file; if the ledger"
            " is in another kind of file, save it as xlsx from Excel or WPS first",
        )


class FileCorrupt(LedgerError):
    """The file looks like a spreadsheet but cannot be read: truncated, damaged, wrongly encoded."""

    code = "file_corrupt"

    def __init__(
        self, file: str | Path, detail: str = "", *, sheet: str = "", row: int | None = None
    ) -> None:
        self.detail = detail
        # a detail "中文 / English" gives its Chinese half; a library's words alone go to Details
        zh = detail.split(" / ")[0] if " / " in detail else ""
        super().__init__(
            file,
            f"文件已损坏或不完整（{zh}）" if zh else "文件已损坏或不完整",
            f"the file is damaged or incomplete ({detail})"
            if detail
            else "the file is damaged or incomplete",
            todo_zh="请重新从财务处获取文件，或在 Excel/WPS 中打开后另存为 xlsx 再导入",
            todo_en="Get the file from finance again, or open it in Excel or WPS, save it as xlsx"
            " and import that",
            sheet=sheet,
            row=row,
        )


class UnclosedQuote(LedgerError):
    """A csv cell opened with a quote that is never closed: the rows after it would become part
    of that cell, so the file is refused at the row and column where the quote opens."""

    code = "unclosed_quote"

    def __init__(self, file: str | Path, *, row: int, line: int, column: int, swallowed: int):
        super().__init__(
            file,
            f'这一格以引号 " 开头却没有闭合（文件第 {line} 行），其后 {swallowed} 行会被并进这一格',
            f"this cell opens a quote that is never closed (line {line} of the file); the "
            f"{counted(swallowed, 'line')} after it would become part of the cell",
            todo_zh="请在文本编辑器或 Excel/WPS 中补上或删去这个引号后再导入",
            todo_en="Close or delete that quote in a text editor or Excel/WPS and import again",
            row=row,
            column=column_letter(column),
        )


class PasswordProtected(LedgerError):
    code = "password_protected"

    def __init__(self, file: str | Path) -> None:
        super().__init__(
            file,
            "文件设有打开密码（已加密），无法读取",
            "the file is protected by a password (encrypted) and cannot be read",
            todo_zh="请在 Excel/WPS 中输入密码打开，取消“用密码进行加密”后另存，再导入",
            todo_en="Open it in Excel or WPS with the password, remove the encryption"
            " (Encrypt with Password), save, and import again",
        )


class SheetNotFound(LedgerError):
    code = "sheet_not_found"

    def __init__(self, file: str | Path, sheet: str, available: Sequence[str]) -> None:
        self.available = tuple(available)
        names = "、".join(available) or "（无）"
        names_en = ", ".join(available) or "(none)"
        super().__init__(
            file,
            f"没有名为“{sheet}”的工作表；文件中的工作表：{names}",
            f"there is no sheet named “{sheet}”; the workbook has: {names_en}",
            todo_zh="请从列表中选择工作表",
            todo_en="Choose one of the listed sheets",
        )


class SheetTooLarge(LedgerError):
    """More columns or cells than any ledger has: refused before reading, so nothing hangs."""

    code = "sheet_too_large"

    def __init__(
        self, file: str | Path, *, sheet: str = "", rows: int, columns: int, row: int | None = None
    ) -> None:
        self.rows = rows
        self.columns = columns
        super().__init__(
            file,
            f"工作表范围过大（{rows} 行 × {columns} 列），超出台账的合理大小",
            f"the sheet is far too large ({counted(rows, 'row')} × {counted(columns, 'column')})"
            " for a ledger",
            todo_zh="通常是远处的单元格误填了内容或格式：请删除台账区域以外的行列，"
            "或把台账区域复制到一个新工作表后再导入",
            todo_en="Usually a far-away cell holds a stray value: delete the rows and columns"
            " outside the ledger, or copy the ledger into a new sheet and import that",
            sheet=sheet,
            row=row,
        )


class SheetDataTooLarge(LedgerError):
    """A workbook part (a sheet's XML, the shared strings) that unpacks to more than any ledger
    holds — often a "zip bomb": refused before it is unpacked, so memory stays bounded."""

    code = "sheet_data_too_large"

    def __init__(self, file: str | Path, *, sheet: str = "", part: str, size: int, limit: int):
        self.size = size
        self.limit = limit
        mb, cap = f"{size / 2**20:,.0f}", f"{limit / 2**20:,.0f}"
        super().__init__(
            file,
            f"工作簿中的“{part}”解压后有 {mb} MB，超过台账可能的大小（上限 {cap} MB）",
            f"the workbook's “{part}” unpacks to {mb} MB, more than a ledger can hold"
            f" (limit {cap} MB)",
            todo_zh="请把台账区域复制到一个新工作簿后再导入；若文件来历不明，请勿打开",
            todo_en="Copy the ledger into a new workbook and import that; if you do not know where"
            " the file came from, do not open it",
            sheet=sheet,
        )


class HeaderNotFound(LedgerError):
    code = "header_not_found"

    def __init__(self, file: str | Path, sheet: str, rows_scanned: int) -> None:
        self.rows_scanned = rows_scanned
        super().__init__(
            file,
            f"前 {rows_scanned} 行中没有找到台账的表头（如 日期、姓名、金额）",
            f"no ledger header (such as 日期/date, 姓名/name, 金额/amount) in the first"
            f" {counted(rows_scanned, 'row')}",
            todo_zh="请在导入向导中手动指定表头行和各列的含义",
            todo_en="Pick the header row and the meaning of each column in the import wizard",
            sheet=sheet,
        )


class LedgerKindUnknown(LedgerError):
    code = "kind_unknown"

    def __init__(self, file: str | Path, sheet: str) -> None:
        super().__init__(
            file,
            "无法判断这是哪一本台账（奖惩记录、奖金发放登记、经费使用记录或知识产权台账）",
            "cannot tell which ledger this is (reward record, payment register, expense record"
            " or IP portfolio)",
            todo_zh="请在导入时选择台账类型",
            todo_en="Choose the kind of ledger when importing",
            sheet=sheet,
        )


class MappingInvalid(LedgerError):
    """An explicit column mapping that does not fit the sheet."""

    code = "mapping_invalid"

    def __init__(self, file: str | Path, sheet: str, zh: str, en: str) -> None:
        super().__init__(
            file,
            zh,
            en,
            todo_zh="请在导入向导中重新指定各列的含义",
            todo_en="Map the columns again in the import wizard",
            sheet=sheet,
        )


class ImportCancelled(LedgerError):
    code = "cancelled"

    def __init__(self, file: str | Path, sheet: str = "", row: int | None = None) -> None:
        super().__init__(
            file,
            "导入已取消，未保存任何内容",
            "the import was cancelled; nothing was kept",
            sheet=sheet,
            row=row,
        )


class SynonymsInvalid(LedgerError):
    """The header-synonym data file is malformed (names the file, the path inside it and what)."""

    code = "synonyms_invalid"

    def __init__(self, file: str | Path, path: str, zh: str, en: str) -> None:
        self.path = path
        super().__init__(
            file,
            f"{path}：{zh}",
            f"{path}: {en}",
            todo_zh="请修正该数据文件",
            todo_en="Correct the data file",
        )
