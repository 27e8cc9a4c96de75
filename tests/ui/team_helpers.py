"""Driving the team dialogs as a user does: the server fields typed in, File → Open a team
workspace… through its dialog."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

from PySide6.QtWidgets import QDialogButtonBox

from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.team.open_dialog import OpenTeamDialog, split_url


def password_of(url: str) -> str:
    return unquote(urlsplit(url).password or "")


def fill_server(dialog: Any, qtbot: Any, url: str, password: str) -> None:
    """Type the host, port, database and login of ``url`` and ``password`` into a dialog with
    those fields (Open a team workspace…, Put on a team server…)."""
    values = split_url(url)
    qtbot.keyClicks(dialog.host, values["host"])
    dialog.port.setValue(values["port"])
    qtbot.keyClicks(dialog.database, values["database"])
    qtbot.keyClicks(dialog.login, values["login"])
    qtbot.keyClicks(dialog.password, password)


def open_team(window: MainWindow, qtbot: Any, url: str, password: str) -> None:
    """File → Open a team workspace… signed in as the login of ``url``; waits until it is open."""
    dialog = window.run_tool("open_team")
    assert isinstance(dialog, OpenTeamDialog)
    fill_server(dialog, qtbot, url, password)
    with qtbot.waitSignal(window.workspaceOpened, timeout=20_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Open).click()
