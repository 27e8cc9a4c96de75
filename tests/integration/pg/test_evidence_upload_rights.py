"""A department head's evidence upload on a team workspace: each upload is its login's own (no
other login may add bytes to it), and a finished file's hash is checked by the server at every
size (a planted 80 MB file under another content's hash is refused). Every login connects to the
real server; the planted rows are written with psycopg, as psql would."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from ipaudit.services import Workspace
from tests.integration.pg.team_fixtures import team_of

pytestmark = pytest.mark.pg

HEADS = ("rnd", "finance")
CHUNK = 8 << 20


@pytest.fixture
def team(pg_url: str) -> Iterator[dict[str, str]]:
    with team_of(pg_url, HEADS) as urls:
        yield urls


def _new_blob(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("INSERT INTO blobs (sha256, size) VALUES (NULL, 0) RETURNING id")
        return int(row.fetchone()[0])  # type: ignore[index]


def _state(url: str, sql: str, params: tuple[object, ...] = ()) -> str | None:
    """None when the login of ``url`` may run ``sql`` (committed), else the SQLSTATE."""
    with psycopg.connect(url) as conn:
        try:
            conn.execute(sql, params)  # type: ignore[arg-type]
        except psycopg.Error as exc:
            conn.rollback()
            return exc.sqlstate or "?"
    return None


def test_no_login_adds_bytes_to_another_logins_upload(team: dict[str, str]) -> None:
    blob = _new_blob(team["rnd"])
    chunk = "INSERT INTO blob_chunks VALUES (%s, %s, %s)"
    assert _state(team["finance"], chunk, (blob, 0, b"planted")) == "42501"
    assert _state(team["rnd"], chunk, (blob, 0, b"own bytes")) is None
    assert _state(team["finance"], "UPDATE blobs SET size = 1 WHERE id = %s", (blob,)) == "42501"
    # nor claims to be another login starting an upload, nor takes one over
    forged = "INSERT INTO blobs (sha256, size, owner) VALUES (NULL, 0, %s)"
    assert _state(team["finance"], forged, (team["rnd_login"],)) == "42501"
    take = "UPDATE blobs SET owner = %s WHERE id = %s"
    assert _state(team["rnd"], take, (team["finance_login"], blob)) == "42501"
    with psycopg.connect(team["manager"]) as conn:
        owner = conn.execute("SELECT owner FROM blobs WHERE id = %s", (blob,)).fetchone()
        data = conn.execute("SELECT data FROM blob_chunks WHERE blob_id = %s", (blob,)).fetchall()
    assert owner == (team["rnd_login"],)
    assert [bytes(d[0]) for d in data] == [b"own bytes"]


def test_a_large_file_is_finished_only_under_its_own_hash(team: dict[str, str]) -> None:
    content = os.urandom(80 * 1000 * 1000)  # above the 64 MiB the server used to hash
    blob = _new_blob(team["rnd"])
    with psycopg.connect(team["rnd"]) as conn:
        for seq, start in enumerate(range(0, len(content), CHUNK)):
            conn.execute(
                "INSERT INTO blob_chunks VALUES (%s, %s, %s)",
                (blob, seq, content[start : start + CHUNK]),
            )
    finish = "UPDATE blobs SET sha256 = %s, size = %s WHERE id = %s"
    other = hashlib.sha256(b"the manual everyone will download").hexdigest()
    assert _state(team["rnd"], finish, (other, len(content), blob)) == "42501"
    own = hashlib.sha256(content).hexdigest()
    assert _state(team["rnd"], finish, (own, len(content), blob)) is None


def test_a_heads_large_attachment_is_stored(team: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(os.urandom(70 * 1000 * 1000))
    with Workspace.open(team["rnd"]) as ws:
        item = ws.items_of("rnd")[0].key
        ev = ws.attach(item, path)
    with Workspace.open(team["manager"]) as ws:
        stored = hashlib.sha256(b"".join(ws.evidence_bytes(ev.sha256))).hexdigest()
    assert stored == ev.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
