"""Start-up stays light: looking at a workspace file before opening it loads no database layer
(SQLAlchemy costs about 200 ms, which would delay the window's first paint)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ipaudit.demo import content
from ipaudit.services import Workspace

ROOT = Path(__file__).resolve().parents[2]


def test_the_version_look_before_opening_loads_no_database_layer(tmp_path: Path) -> None:
    path = tmp_path / "w.ipaudit"
    Workspace.create(path, content.INFO).close()
    code = (
        "from pathlib import Path\n"
        "from ipaudit.ui.main_window import _needs_upgrade\n"
        f"assert _needs_upgrade(Path({str(path)!r})) is False\n"
    )
    assert database_layer_loaded(code, {"QT_QPA_PLATFORM": "offscreen"}) == (False, False)


def database_layer_loaded(code: str, env: dict[str, str] | None = None) -> tuple[bool, bool]:
    """Whether running ``code`` in a fresh interpreter loads SQLAlchemy and the services."""
    probe = (
        code + "import sys\nprint('sqlalchemy' in sys.modules, 'ipaudit.services' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**(env or {}), "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 0, out.stderr
    sqlalchemy, services = out.stdout.split()
    return sqlalchemy == "True", services == "True"
