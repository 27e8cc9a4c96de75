"""A library's own (English) words never reach a Chinese user in the message: PyYAML, python-docx,
openpyxl and libpq refusing a file or an address give a sentence in Chinese that keeps the useful
part (file, line and column, address), and the library's words only under "Show Details…" and in
the log."""

from __future__ import annotations

import logging
import re
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from ipaudit.export.packet_xlsx import read_workbook
from ipaudit.services import Workspace
from ipaudit.services.templates import import_template
from ipaudit.ui import errors
from ipaudit.ui.actions.actions_view import ActionsView
from tests.ui.helpers import ItemPage

#: three or more English words in a row: a sentence (a file name or an address has no spaces)
ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'\"()-]+[A-Za-z]{2,}){2,}")


def _main_text(box: QMessageBox) -> str:
    return f"{box.text()}\n{box.informativeText()}"


def _look(box: QMessageBox, library_words: str) -> str:
    """The box says it in Chinese, with the library's words only under Details."""
    assert isinstance(box, errors.ExpectedErrorBox)
    main = _main_text(box)
    assert ENGLISH.search(main) is None, main
    assert library_words not in main
    assert library_words in box.detailedText()
    details = [b for b in box.findChildren(QAbstractButton) if "详情" in b.text()]
    assert details, [b.text() for b in box.findChildren(QAbstractButton)]  # Qt's own, in Chinese
    return main


def _raised(fn) -> BaseException:
    with pytest.raises(errors.expected_types()) as caught:
        fn()
    return caught.value


def test_a_malformed_yaml_checklist(zh, dialogs, session, tmp_path: Path, caplog) -> None:
    bad = tmp_path / "公司清单.yaml"
    bad.write_text("edition: '2023'\ntitle: a: b\n  - x\n", encoding="utf-8")
    exc = _raised(lambda: import_template(session.workspace, bad))
    with caplog.at_level(logging.INFO, logger="ipaudit"):
        box = errors.show_error(exc)
    main = _look(box, "mapping values are not allowed")
    assert "公司清单.yaml" in main and "第 2 行第 9 列" in main and "YAML 格式错误" in main
    assert "mapping values are not allowed" in caplog.text  # the log keeps the library's words


def test_a_docx_that_is_a_zip_of_junk(zh, dialogs, session, qtbot, tmp_path: Path) -> None:
    junk = tmp_path / "外审报告.docx"
    with zipfile.ZipFile(junk, "w") as zf:
        zf.writestr("junk.bin", b"\x00garbage" * 10)
    page = ItemPage()
    qtbot.addWidget(page)
    view = ActionsView(session, page)
    qtbot.addWidget(view)
    assert view.import_report(junk) == []  # through the view, as the user imports it
    (box,) = dialogs
    main = _look(box, "[Content_Types].xml")
    assert "外审报告.docx 不是可读的 Word 文档" in main


def test_an_xlsx_that_is_a_text_file(tmp_path: Path) -> None:
    """A department's packet workbook that is no workbook: a problem of the import, in Chinese
    (the packet import lists it), without openpyxl's exception."""
    text = tmp_path / "研发部.xlsx"
    text.write_text("这不是工作簿\nhello, this is plain text\n", encoding="utf-8")
    (problem,) = read_workbook(text).problems
    zh = problem.text("zh")
    assert "研发部.xlsx" in zh and "无法作为工作簿读取" in zh
    assert ENGLISH.search(zh) is None and "BadZipFile" not in zh, zh
    assert "BadZipFile" in problem.text("en")  # English readers keep it


def test_an_unreachable_server(zh, dialogs) -> None:
    address = "postgresql://ipaudit@127.0.0.1:1/ipaudit"  # nothing listens on port 1
    exc = _raised(lambda: Workspace.open(address))
    box = errors.show_error(exc)
    main = _look(box, "Connection refused")
    assert "无法连接到服务器 postgresql://ipaudit@127.0.0.1:1/ipaudit" in main


def test_english_keeps_the_library_words_in_the_sentence(dialogs, tmp_path: Path) -> None:
    """In English the detail is in the user's language already: the message says it."""
    from ipaudit.ui import i18n

    i18n.set_language("en")
    try:
        exc = _raised(lambda: Workspace.open("postgresql://ipaudit@127.0.0.1:1/ipaudit"))
        box = errors.show_error(exc)
        assert "Connection refused" in _main_text(box)
    finally:
        i18n.reset()
