"""The export and verify dialogs: work runs in a worker with progress; cancel leaves nothing; the
export history and the damage of a pack are shown."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTreeWidgetItem

from ipaudit.export.manifest import verify
from ipaudit.ui import errors, workers
from ipaudit.ui.export_dialog import ExportDialog
from ipaudit.ui.verify_dialog import VerifyDialog


@pytest.fixture
def dialog(session, qtbot) -> ExportDialog:
    d = ExportDialog(session)
    qtbot.addWidget(d)
    return d


def _children(item: QTreeWidgetItem) -> list[str]:
    return [item.child(n).text(0) for n in range(item.childCount())]


def test_suggests_a_target_beside_the_workspace(dialog: ExportDialog, session) -> None:
    target = Path(dialog.target.text())
    assert target.parent == session.workspace.path.parent
    assert "迎审资料包" in target.name
    dialog.as_zip.setChecked(True)
    assert dialog.target.text().endswith(".zip")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert "readiness-pack" in dialog.target.text()


def test_export_to_a_folder(dialog: ExportDialog, qtbot, tmp_path: Path) -> None:
    target = tmp_path / "pack"
    dialog.target.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as blocker:
        dialog.export_button.click()
        assert dialog.running and not dialog.export_button.isEnabled()
    result = blocker.args[0]
    assert result.path == target
    assert verify(target).ok
    assert str(target) in dialog.status.text()
    assert not dialog.running and dialog.export_button.isEnabled()
    assert dialog.progress.value() == dialog.progress.maximum()


def test_zip_in_english_without_evidence(dialog: ExportDialog, qtbot, tmp_path: Path) -> None:
    dialog.as_zip.setChecked(True)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.evidence.setChecked(False)
    assert not dialog.older.isEnabled()
    dialog.redact.setChecked(True)
    dialog.target.setText(str(tmp_path / "pack.zip"))
    options = dialog.options()
    assert (options.as_zip, options.lang, options.include_evidence, options.redact) == (
        True,
        "en",
        False,
        True,
    )
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.start_export()
    with zipfile.ZipFile(tmp_path / "pack.zip") as z:
        names = z.namelist()
    assert "pack/readiness-report.docx" in names
    assert not any(n.startswith("pack/evidence/") for n in names)


def test_margin_sets_the_must_fix_deadline(dialog: ExportDialog, qtbot, tmp_path: Path) -> None:
    import docx

    assert dialog.margin.value() == 7
    dialog.margin.setValue(3)
    dialog.evidence.setChecked(False)
    dialog.target.setText(str(tmp_path / "pack"))
    assert dialog.options().margin_days == 3
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.start_export()
        assert not dialog.margin.isEnabled()
    report = docx.Document(str(tmp_path / "pack" / "迎审就绪报告.docx"))
    # 2026-12-15 minus 3 days: the must-fix list's deadline, in its heading on page one
    headings = [p.text for p in report.paragraphs if p.style.name.startswith("Heading")]
    assert [h for h in headings if h.startswith("必须") and "2026-12-12" in h]
    assert dialog.margin.isEnabled()


def test_cancel_leaves_nothing(dialog: ExportDialog, qtbot, tmp_path: Path) -> None:
    target = tmp_path / "pack"
    dialog.target.setText(str(target))
    with qtbot.waitSignal(dialog.export_cancelled, timeout=60_000):
        dialog.start_export()
        dialog.cancel()
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if ".part-" in p.name] == []
    assert "nothing was written" in dialog.status.text()
    assert dialog.export_button.isEnabled()


def test_existing_target_shows_the_expected_error(
    dialog: ExportDialog, qtbot, tmp_path: Path
) -> None:
    target = tmp_path / "pack"
    target.mkdir()
    dialog.target.setText(str(target))
    with qtbot.waitSignal(errors.reporter().shown, timeout=60_000) as blocker:
        dialog.start_export()
    box = blocker.args[0]
    assert isinstance(box, errors.ExpectedErrorBox)
    assert "已存在" in box.message
    box.close()
    assert not dialog.running


def test_overwrite_box_refuses_a_folder_that_is_not_a_pack(
    dialog: ExportDialog, qtbot, tmp_path: Path
) -> None:
    target = tmp_path / "documents"
    target.mkdir()
    (target / "合同.docx").write_bytes(b"the user's contract")
    dialog.target.setText(str(target))
    dialog.overwrite.setChecked(True)
    with qtbot.waitSignal(errors.reporter().shown, timeout=60_000) as blocker:
        dialog.start_export()
    box = blocker.args[0]
    assert isinstance(box, errors.ExpectedErrorBox)
    assert "不是 ipaudit 之前导出的资料包" in box.message
    box.close()
    assert [p.name for p in target.iterdir()] == ["合同.docx"]
    assert (target / "合同.docx").read_bytes() == b"the user's contract"


def test_pdf_option_follows_libreoffice(session, qtbot, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    d = ExportDialog(session)
    qtbot.addWidget(d)
    assert not d.pdf.isEnabled()
    assert "LibreOffice" in d.pdf.toolTip()
    assert d.options().pdf is False


def test_verify_dialog_lists_differences(dialog: ExportDialog, qtbot, tmp_path: Path) -> None:
    target = tmp_path / "pack"
    dialog.target.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.start_export()
    verifier = VerifyDialog(pack=target)
    qtbot.addWidget(verifier)
    with qtbot.waitSignal(verifier.verified, timeout=60_000) as blocker:
        verifier.verify_button.click()
    assert blocker.args[0].ok
    assert verifier.tree.topLevelItemCount() == 0
    assert str(blocker.args[0].checked) in verifier.summary.text()

    evidence = sorted(p for p in (target / "证据").rglob("*") if p.is_file())
    evidence[0].write_bytes(evidence[0].read_bytes() + b"x")
    evidence[1].unlink()
    (target / "added.txt").write_text("x", encoding="utf-8")
    with qtbot.waitSignal(verifier.verified, timeout=60_000) as blocker:
        verifier.start_verify()
    result = blocker.args[0]
    assert not result.ok
    groups = {
        verifier.tree.topLevelItem(n).text(0): _children(verifier.tree.topLevelItem(n))
        for n in range(verifier.tree.topLevelItemCount())
    }
    assert groups == {
        "Modified (1)": [evidence[0].relative_to(target).as_posix()],
        "Missing (1)": [evidence[1].relative_to(target).as_posix()],
        "Extra (1)": ["added.txt"],
    }
    assert "3" in verifier.summary.text()


def test_verify_dialog_not_a_pack(qtbot, tmp_path: Path) -> None:
    verifier = VerifyDialog(pack=tmp_path)
    qtbot.addWidget(verifier)
    with qtbot.waitSignal(errors.reporter().shown, timeout=30_000) as blocker:
        verifier.start_verify()
    box = blocker.args[0]
    assert isinstance(box, errors.ExpectedErrorBox)
    box.close()
    assert verifier.verify_result is None
    workers.wait_all()


def _export(dialog: ExportDialog, qtbot, target: Path):
    dialog.target.setText(str(target))
    dialog.evidence.setChecked(False)
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as blocker:
        dialog.start_export()
    return blocker.args[0]


def test_export_shows_the_manifest_digest_and_the_history(
    dialog: ExportDialog, qtbot, tmp_path: Path
) -> None:
    assert dialog.history.topLevelItemCount() == 0
    first = _export(dialog, qtbot, tmp_path / "a")
    assert first.manifest_sha256 in dialog.status.text()
    second = _export(dialog, qtbot, tmp_path / "b")
    rows = [dialog.history.topLevelItem(n) for n in range(dialog.history.topLevelItemCount())]
    assert [r.text(2) for r in rows] == [second.manifest_sha256, first.manifest_sha256]
    assert rows[0].text(1) == str((tmp_path / "b").resolve())


def test_verify_dialog_checks_the_workspace_history(
    dialog: ExportDialog, session, qtbot, tmp_path: Path
) -> None:
    import hashlib
    import json

    target = tmp_path / "pack"
    result = _export(dialog, qtbot, target)
    verifier = VerifyDialog(pack=target, workspace=session.workspace.path)
    qtbot.addWidget(verifier)
    assert verifier.use_history.isChecked()
    with qtbot.waitSignal(verifier.verified, timeout=60_000) as blocker:
        verifier.start_verify()
    assert blocker.args[0].ok
    assert result.manifest_sha256 in verifier.history_note.text()
    # a consistent forgery: a file, the manifest and SHA256SUMS rewritten together
    readme = next(p for p in target.iterdir() if p.suffix == ".txt")
    readme.write_text("rewritten", encoding="utf-8")
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    for f in manifest["files"]:
        if f["path"] == readme.name:
            f["size"] = len(b"rewritten")
            f["sha256"] = hashlib.sha256(b"rewritten").hexdigest()
    (target / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (target / "SHA256SUMS").write_text(
        "".join(f"{f['sha256']}  {f['path']}\n" for f in manifest["files"]), encoding="utf-8"
    )
    with qtbot.waitSignal(verifier.verified, timeout=60_000) as blocker:
        verifier.start_verify()
    assert not blocker.args[0].ok
    assert "NOT" in verifier.history_note.text()
    assert "not one the workspace exported" in verifier.summary.text()


def test_verify_dialog_names_damaged_members(dialog: ExportDialog, qtbot, tmp_path: Path) -> None:
    dialog.as_zip.setChecked(True)
    _export(dialog, qtbot, tmp_path / "pack.zip")
    raw = (tmp_path / "pack.zip").read_bytes()
    (tmp_path / "cut.zip").write_bytes(raw[: len(raw) // 2])
    verifier = VerifyDialog(pack=tmp_path / "cut.zip")
    qtbot.addWidget(verifier)
    assert not verifier.use_history.isChecked()
    with qtbot.waitSignal(verifier.verified, timeout=60_000) as blocker:
        verifier.start_verify()
    assert not blocker.args[0].ok
    top = verifier.tree.topLevelItem(0)
    assert top.text(0) == "Damaged, cannot be read (1)"
    assert _children(top)[0].startswith("cut.zip (")
