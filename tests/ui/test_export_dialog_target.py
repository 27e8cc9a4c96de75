"""The export dialog's target: a default name not taken yet, the next one proposed after an
export, and a name typed with .zip switching to a zip file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ipaudit.export.manifest import verify
from ipaudit.ui.export_dialog import ExportDialog


@pytest.fixture
def dialog(session, qtbot) -> ExportDialog:
    d = ExportDialog(session)
    qtbot.addWidget(d)
    return d


def test_second_export_of_the_day_gets_a_free_name(session, qtbot) -> None:
    first = ExportDialog(session)
    qtbot.addWidget(first)
    first.evidence.setChecked(False)
    name = Path(first.target.text())
    assert not name.exists()
    with qtbot.waitSignal(first.exported, timeout=60_000):
        first.start_export()
    assert verify(name).ok
    after = Path(first.target.text())  # proposed at once for the next export
    assert after == name.with_name(name.name + "-2")
    second = ExportDialog(session)  # and by a dialog opened later
    qtbot.addWidget(second)
    assert Path(second.target.text()) == after


def test_typing_a_zip_name_chooses_a_zip(dialog: ExportDialog, qtbot, tmp_path: Path) -> None:
    assert dialog.as_folder.isChecked()
    dialog.target.clear()
    target = tmp_path / "new folder" / "pack.zip"
    qtbot.keyClicks(dialog.target, str(target))
    assert dialog.as_zip.isChecked()
    assert dialog.target.text() == str(target)
    dialog.evidence.setChecked(False)
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert zipfile.is_zipfile(target)  # written into the folder the export created
    assert verify(target).ok
