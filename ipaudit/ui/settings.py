"""User preferences in QSettings behind one small wrapper with declared defaults.

Only what belongs to the user and this machine lives here (language, recent files, the last
workspace, window layout). Everything about an audit lives inside the workspace file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


def _recent_key(path: Path | str) -> str:
    """How the recent list names ``path``: a file by its full path, a team workspace by its
    address (kept as given: it is no place on disk, and it never holds the password)."""
    text = str(path)
    return text if "://" in text else str(Path(path).resolve())


class Settings:
    """Typed access to the user's preferences. Each property reads and writes QSettings directly,
    so two windows (or a test and the window it drives) always agree."""

    #: key -> default; every key the application stores is declared here
    DEFAULTS: ClassVar[dict[str, Any]] = {
        "language": "",  # "" = follow the system locale; "zh" or "en"
        "recent_files": [],
        "last_workspace": "",
        "window/geometry": QByteArray(),
        "window/state": QByteArray(),
        "window/splitter": QByteArray(),
        "window/findings_collapsed": False,
    }

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings if qsettings is not None else QSettings()

    # --- generic -----------------------------------------------------------------------------

    def value(self, key: str) -> Any:
        default = self.DEFAULTS[key]
        raw = self._q.value(key, default)
        if isinstance(default, list):
            if raw is None or raw == "":
                return []
            return [str(x) for x in raw] if isinstance(raw, list | tuple) else [str(raw)]
        if isinstance(default, bool):
            return raw in (True, "true", "1", 1)
        if isinstance(default, QByteArray):
            return raw if isinstance(raw, QByteArray) else QByteArray()
        return default if raw is None else type(default)(raw)

    def set_value(self, key: str, value: Any) -> None:
        if key not in self.DEFAULTS:
            raise KeyError(key)
        self._q.setValue(key, value)

    def sync(self) -> None:
        self._q.sync()

    # --- named preferences -------------------------------------------------------------------

    @property
    def language(self) -> str:
        lang = self.value("language")
        return lang if lang in ("zh", "en") else ""

    @language.setter
    def language(self, lang: str) -> None:
        self.set_value("language", lang if lang in ("zh", "en") else "")

    @property
    def recent_files(self) -> list[str]:
        return self.value("recent_files")

    def add_recent(self, path: Path | str) -> None:
        text = _recent_key(path)
        files = [text, *(f for f in self.recent_files if f != text)][:MAX_RECENT]
        self.set_value("recent_files", files)

    def remove_recent(self, path: Path | str) -> None:
        text = _recent_key(path)
        self.set_value("recent_files", [f for f in self.recent_files if f != text])

    def clear_recent(self) -> None:
        self.set_value("recent_files", [])

    @property
    def last_workspace(self) -> str:
        return self.value("last_workspace")

    @last_workspace.setter
    def last_workspace(self, path: Path | str) -> None:
        self.set_value("last_workspace", str(Path(path).resolve()) if str(path) else "")

    @property
    def geometry(self) -> QByteArray:
        return self.value("window/geometry")

    @geometry.setter
    def geometry(self, data: QByteArray) -> None:
        self.set_value("window/geometry", data)

    @property
    def window_state(self) -> QByteArray:
        return self.value("window/state")

    @window_state.setter
    def window_state(self, data: QByteArray) -> None:
        self.set_value("window/state", data)

    @property
    def splitter_state(self) -> QByteArray:
        return self.value("window/splitter")

    @splitter_state.setter
    def splitter_state(self, data: QByteArray) -> None:
        self.set_value("window/splitter", data)

    @property
    def findings_collapsed(self) -> bool:
        return bool(self.value("window/findings_collapsed"))

    @findings_collapsed.setter
    def findings_collapsed(self, collapsed: bool) -> None:
        self.set_value("window/findings_collapsed", bool(collapsed))
