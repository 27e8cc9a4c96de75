"""Moving a workspace: file → server → file, losslessly. Proven twice: every row of every table
is the same after the round trip, and the readiness packs exported from the file, the server and
the pulled file have equal manifests (every document and evidence file hashing the same).

What may differ and why: the storage's own ``meta`` rows (``schema_version`` and
``application_id`` live in a file's header, in ``meta`` on a server) and the manifest's ``as_of``
(the export's day) when two exports straddle midnight. Nothing else does."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from ipaudit.demo.build import build_demo
from ipaudit.export.options import ExportOptions
from ipaudit.progress import Cancelled
from ipaudit.services import team
from ipaudit.services.exports import export_pack
from ipaudit.services.workspace import Workspace
from ipaudit.store import moving
from ipaudit.store.errors import InvalidInput
from ipaudit.store.workspace_store import WorkspaceStore
from tests.pg import admin_connect, with_database

pytestmark = pytest.mark.pg

BIG = 2_500_000  # a file of three chunks


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workspace with a large file attached and one pack exported (history to move)."""
    folder = tmp_path_factory.mktemp("move")
    path = build_demo(folder / "demo.ipaudit")
    big = folder / "扫描件.pdf"
    big.write_bytes(os.urandom(BIG))
    with Workspace.open(path) as ws:
        item = ws.items_of("rnd")[0].key
        ws.attach(item, big, title="大文件")
        export_pack(ws, folder / "earlier-pack", ExportOptions())
    return path


@pytest.fixture
def local(demo_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "source.ipaudit"
    shutil.copy(demo_file, copy)
    return copy


def _dump(address: str | Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in key order (the storage's own meta rows left out)."""
    store = WorkspaceStore.open(address, read_only=True)
    out: dict[str, list[tuple[Any, ...]]] = {}
    try:
        with store._read() as conn:
            for table in moving.tables():
                query = select(table).order_by(*table.primary_key.columns)
                rows = [tuple(r) for r in conn.execute(query)]
                if table.name == "meta":
                    rows = [r for r in rows if r[0] not in moving.STORAGE_KEYS]
                out[table.name] = rows
    finally:
        store.close()
    return out


def _manifest(address: str | Path, target: Path) -> dict[str, Any]:
    with Workspace.open(address) as ws:
        result = export_pack(ws, target, ExportOptions())
    data: dict[str, Any] = json.loads((result.path / "manifest.json").read_text("utf-8"))
    return data


def test_file_to_server_to_file_keeps_every_row_and_byte(
    local: Path, pg_url: str, tmp_path: Path
) -> None:
    before = _dump(local)
    seen: list[tuple[int, int]] = []
    pushed = team.push(local, pg_url, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] > BIG
    assert pushed.evidence_bytes >= BIG
    assert pushed.rows["evidence"] == len(before["evidence"]) > 0
    assert _dump(pg_url) == before

    pulled = tmp_path / "pulled.ipaudit"
    report = team.pull(pg_url, pulled)
    assert report.rows == pushed.rows
    after = _dump(pulled)
    assert after == before
    assert after["ledger_entries"] and after["exports"] and after["blob_chunks"]
    chunks = [r for r in after["blob_chunks"] if len(r[2]) == 1 << 20]
    assert len(chunks) >= 2  # the large file moved as chunks, in order
    with Workspace.open(pulled) as ws:
        assert ws.store.integrity_check() == "ok"


def test_the_packs_of_the_file_the_server_and_the_pulled_file_are_equal(
    local: Path, pg_url: str, tmp_path: Path
) -> None:
    team.push(local, pg_url)
    pulled = tmp_path / "pulled.ipaudit"
    team.pull(pg_url, pulled)
    # each export adds itself to its workspace's history: export each from the state pushed
    manifests = {
        "server": _manifest(pg_url, tmp_path / "pack-server"),
        "file": _manifest(local, tmp_path / "pack-file"),
        "pulled": _manifest(pulled, tmp_path / "pack-pulled"),
    }
    files = manifests["file"]["files"]
    assert len(files) > 20
    assert any(f["size"] == BIG for f in files)  # the large evidence file, hashed the same
    for name in ("server", "pulled"):
        other = dict(manifests[name])
        if other["as_of"] != manifests["file"]["as_of"]:  # exported across midnight
            other["as_of"] = manifests["file"]["as_of"]
        assert other == manifests["file"], name


def test_a_push_makes_the_database_when_the_login_may(local: Path, pg_url: str) -> None:
    name = f"{pg_url.rsplit('/', 1)[1]}_new"
    try:
        report = team.push(local, with_database(pg_url, name))
        assert report.rows["item_states"] > 0
        with Workspace.open(with_database(pg_url, name)) as ws:
            assert ws.states()
    finally:
        with admin_connect(pg_url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_database_with_a_workspace_is_not_overwritten(local: Path, pg_url: str) -> None:
    team.push(local, pg_url)
    with pytest.raises(InvalidInput):
        team.push(local, pg_url)


def test_a_cancelled_move_leaves_nothing(local: Path, pg_url: str, tmp_path: Path) -> None:
    calls = iter(range(100_000))
    with pytest.raises(Cancelled):
        team.push(local, pg_url, cancel=lambda: next(calls) > 300)
    with admin_connect(pg_url) as conn:
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert tables.fetchone() == (0,)
    team.push(local, pg_url)
    target = tmp_path / "half.ipaudit"
    calls = iter(range(100_000))
    with pytest.raises(Cancelled):
        team.pull(pg_url, target, cancel=lambda: next(calls) > 300)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["source.ipaudit"]
