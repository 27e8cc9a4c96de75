"""The lighter answer to PySide6's per-import question gives PySide6's own answer."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from PySide6 import QtCore  # noqa: F401  (loads the hook being replaced)

from ipaudit.ui import import_hook


@pytest.fixture
def feature() -> object:
    module = sys.modules.get(import_hook.FEATURE_MODULE)
    if module is None or not hasattr(module, "_mod_uses_pyside"):
        pytest.skip("this PySide6 build has no feature hook to lighten")
    return module


def test_same_answer_as_pyside_for_every_loaded_module(feature: object) -> None:
    original = feature._mod_uses_pyside  # type: ignore[attr-defined]
    modules = [m for m in list(sys.modules.values()) if isinstance(m, type(sys))]
    answers = [(m.__name__, import_hook.uses_pyside(m), original(m)) for m in modules]
    assert len(answers) > 200
    assert [a for a in answers if a[1] != a[2]] == []
    assert any(ours for _name, ours, _theirs in answers)  # our own Qt modules say yes
    assert any(not ours for _name, ours, _theirs in answers)


def test_installed_hook_records_modules_imported_after_it(
    feature: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)  # type: ignore[attr-defined]
    (tmp_path / "hook_probe_qt.py").write_text(
        "from PySide6.QtCore import QObject\nOBJECT = QObject\n", encoding="utf-8"
    )
    (tmp_path / "hook_probe_plain.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))

    assert import_hook.lighten()
    assert feature._mod_uses_pyside is import_hook.uses_pyside  # type: ignore[attr-defined]
    for name in ("hook_probe_qt", "hook_probe_plain"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        __import__(name)  # the import statement's way, which PySide6 hooks
    table = feature.pyside_feature_dict  # type: ignore[attr-defined]
    try:
        assert table["hook_probe_qt"] == 0  # uses PySide: switching default "no feature"
        assert table["hook_probe_plain"] == -1  # ignored by the switching
    finally:
        for name in ("hook_probe_qt", "hook_probe_plain"):
            table.pop(name, None)
            sys.modules.pop(name, None)


def test_a_module_without_source_is_no_user(tmp_path: Path) -> None:
    assert import_hook.uses_pyside(sys) is False  # built in
    vanished = type(sys)("vanished")
    vanished.__spec__ = importlib.util.spec_from_file_location(  # type: ignore[attr-defined]
        "vanished", tmp_path / "vanished.py"
    )
    assert import_hook.uses_pyside(vanished) is False
