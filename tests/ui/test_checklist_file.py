"""File → Export the checklist / Import a corrected checklist: the same service as
``template --export/--import``, in a worker, with a sentence for a file that cannot be used."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ipaudit.ui import errors, i18n, workers
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.settings import Settings


@pytest.fixture
def opened(qtbot, qapp, demo_path: Path) -> Iterator[MainWindow]:
    i18n.set_language("en")
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.workspaceOpened, timeout=20_000):
        assert win.open_path(demo_path)
    yield win
    win.close()
    workers.wait_all()
    i18n.reset()


def test_export_then_import_a_corrected_checklist(opened: MainWindow, tmp_path: Path, qtbot):
    assert opened.acts.export_checklist.isEnabled() and opened.acts.import_checklist.isEnabled()
    ws = opened.session.workspace
    target = tmp_path / "checklist.yaml"
    task = opened.export_checklist(target)
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    text = target.read_text("utf-8")
    assert text == ws.store.template_yaml()
    item = ws.template.items[0]
    corrected = text.replace(item.title.zh, item.title.zh + "（修订）", 1)
    assert corrected != text
    target.write_text(corrected, "utf-8")
    task = opened.import_checklist(target)
    with qtbot.waitSignal(opened.workspaceOpened, timeout=20_000):
        pass
    reopened = opened.session.workspace
    assert reopened is not ws  # opened again on the new checklist
    assert reopened.template.item(item.key).title.zh == item.title.zh + "（修订）"
    assert reopened.store.template_yaml() == corrected


def test_a_file_that_is_not_a_checklist_changes_nothing(opened: MainWindow, tmp_path, qtbot):
    ws = opened.session.workspace
    before = ws.store.template_yaml()
    junk = tmp_path / "junk.yaml"
    junk.write_bytes(bytes(range(256)))
    with qtbot.waitSignal(errors.reporter().shown, timeout=20_000) as shown:
        opened.import_checklist(junk)
    dialog = shown.args[0]
    assert "junk.yaml" in dialog.text() + dialog.informativeText()
    dialog.close()
    assert ws.store.template_yaml() == before
    with qtbot.waitSignal(errors.reporter().shown, timeout=20_000) as shown:
        opened.export_checklist(tmp_path / "no" / "such" / "folder.yaml")
    shown.args[0].close()
