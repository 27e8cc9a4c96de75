"""A team workspace on the PostgreSQL test server: the services give what they give on a file,
evidence streams both ways in chunks, concurrent writers cannot both pass a version check, and the
server's failures are workspace errors that never show the password."""

from __future__ import annotations

import hashlib
import json
import threading
import time
import tracemalloc
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from ipaudit.demo.content import FACTS, INFO
from ipaudit.demo.ledgers import add_ledgers
from ipaudit.domain.model import ItemState, Status
from ipaudit.export.options import ExportOptions
from ipaudit.services import Workspace
from ipaudit.services.exports import export_pack
from ipaudit.store.address import masked, server_url
from ipaudit.store.errors import (
    ConnectionLost,
    EditConflict,
    InvalidInput,
    NotAuthorised,
    NotPermitted,
    NoWorkspaceOnServer,
    ServerUnreachable,
    WorkspaceLocked,
    WorkspaceTooNew,
)
from ipaudit.store.records_store import RecordStore
from ipaudit.store.workspace_store import WorkspaceStore
from tests.factories import DEPARTMENTS
from tests.pg import admin_connect, database_name, role_url, with_database

pytestmark = pytest.mark.pg

PASSWORD = "s3cret-pässword"


def chunky(size: int, seed: bytes = b"ipaudit") -> bytes:
    """``size`` deterministic bytes that do not compress (the same on every run)."""
    out = bytearray()
    block = seed
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block * 64
    return bytes(out[:size])


def fill(ws: Workspace, folder: Path) -> None:
    """The same edits through the services, whichever store ``ws`` has."""
    items = ws.items_of("rnd")
    ws.set_status(items[0].key, Status.READY, force=True)
    ws.set_notes(items[1].key, "评审记录待补")
    if items[0].questions:
        ws.answer(items[0].key, items[0].questions[0].key, "研发部 23 人，已培训")
    ws.set_fact("headcount.rnd", "23")
    source = folder / "合同.pdf"
    source.write_bytes(chunky(3 * 1024 * 1024 + 5))
    ws.attach(items[0].key, source)
    ws.accept("some.finding", "已书面说明")
    add_ledgers(ws, folder)  # the demo's ledgers: imported and reconciled


def summary(ws: Workspace) -> dict[str, object]:
    overall, per_department = ws.readiness()
    return {
        "findings": sorted((f.key, f.grade.value) for f in ws.findings()),
        "overall": overall.percent,
        "departments": {k: r.percent for k, r in per_department.items()},
        "states": {k: (v.status, v.notes, v.answers) for k, v in ws.states().items()},
        "evidence": [(e.item_key, e.original_name, e.sha256, e.size) for e in ws.evidence()],
        "facts": ws.facts(),
        "acceptances": ws.acceptances(),
        "ledger": {k.value: len(v) for k, v in ws.ledger_book().entries.items()},
        "ledger_problems": len(ws.ledger_book().problems),
    }


def test_the_services_give_the_same_results_on_a_file_and_on_the_server(
    pg_url: str, tmp_path: Path
) -> None:
    results, manifests = {}, {}
    for name, address in (("file", str(tmp_path / "w.ipaudit")), ("server", pg_url)):
        folder = tmp_path / name
        folder.mkdir()
        with Workspace.create(address, INFO, facts=FACTS) as ws:
            fill(ws, folder)
        with Workspace.open(address) as ws:  # everything read back from what was stored
            assert ws.store.is_server is (name == "server")
            results[name] = summary(ws)
            pack = export_pack(ws, folder / "pack", ExportOptions(include_evidence=True))
            manifests[name] = json.loads((pack.path / "manifest.json").read_text("utf-8"))
            assert ws.export_records()[0].manifest_sha256 == pack.manifest_sha256
    assert results["server"] == results["file"]
    assert results["file"]["evidence"] and results["file"]["ledger"]
    files = {name: {f["path"]: f for f in m["files"]} for name, m in manifests.items()}
    assert files["server"].keys() == files["file"].keys()
    evidence = [p for p in files["file"] if p.startswith("证据/")]
    assert evidence  # the evidence bytes come out of both stores identical
    for path in evidence:
        assert files["server"][path]["sha256"] == files["file"][path]["sha256"], path
    assert manifests["server"]["overall_readiness"] == manifests["file"]["overall_readiness"]


def test_a_large_file_streams_in_and_out_in_chunks(pg_url: str, tmp_path: Path) -> None:
    data = chunky(24 * 1024 * 1024 + 1)
    source = tmp_path / "scan.pdf"
    source.write_bytes(data)
    del data
    with WorkspaceStore.create(pg_url, INFO, "x", DEPARTMENTS) as store:
        tracemalloc.start()
        try:
            ev = store.attach(source, item_key="rnd.x", department="rnd")
            _, attach_peak = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            digest, size, chunks = hashlib.sha256(), 0, 0
            for chunk in store.iter_blob(ev.sha256):
                digest.update(chunk)
                size += len(chunk)
                chunks += 1
            _, read_peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert (size, chunks) == (source.stat().st_size, 25)
        assert digest.hexdigest() == ev.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
        # a few 1 MiB chunks at a time, never the 24 MiB file
        assert attach_peak < 8 * 1024 * 1024, attach_peak
        assert read_peak < 8 * 1024 * 1024, read_peak
        with store.engine.connect() as conn:
            stored = conn.execute(text("SELECT count(*), max(octet_length(data)) FROM blob_chunks"))
            assert tuple(stored.one()) == (25, 1024 * 1024)
            sizes = conn.execute(  # a file over 2 GiB fits
                text(
                    "SELECT DISTINCT data_type FROM information_schema.columns WHERE"
                    " (table_name, column_name) IN (('blobs', 'size'), ('evidence', 'size'))"
                )
            )
            assert sizes.scalars().all() == ["bigint"]
        assert store.integrity_check() == "ok"


def test_two_clients_cannot_both_pass_the_version_check(pg_url: str) -> None:
    WorkspaceStore.create(pg_url, INFO, "x", DEPARTMENTS).close()
    with WorkspaceStore.open(pg_url) as one, WorkspaceStore.open(pg_url) as two:
        base = one.save_item_state(ItemState("rnd.x", Status.IN_PROGRESS), "rnd")
        entered = threading.Event()

        def slow(current: ItemState) -> ItemState:  # holds the row while the other one tries
            entered.set()
            time.sleep(0.5)
            return replace(current, notes=current.notes + "甲")

        worker = threading.Thread(target=lambda: one.update_item_state("rnd.x", "rnd", slow))
        worker.start()
        assert entered.wait(5)
        started = time.monotonic()
        # based on the version both read before: the second writer waits, then sees the first's
        with pytest.raises(EditConflict):
            two.save_item_state(replace(base, notes="乙"), "rnd", check_version=True)
        assert time.monotonic() - started > 0.2  # it waited for the first writer's commit
        worker.join()
        assert one.item_state("rnd.x").notes == "甲"
        # three-way merges of different fields from both keep both
        mine = two.save_item_state(replace(base, answers={"q": "23人"}), "rnd", base=base)
        assert mine.notes == "甲" and mine.answers == {"q": "23人"}


def test_concurrent_counters_and_records_lose_nothing(pg_url: str) -> None:
    WorkspaceStore.create(pg_url, INFO, "x", DEPARTMENTS).close()
    stores = [WorkspaceStore.open(pg_url) for _ in range(4)]
    wins, conflicts = [], []

    def work(store: WorkspaceStore) -> None:
        for _ in range(10):
            store.bump_setting("generation")
        try:  # every client believes the record is new: exactly one may create it
            wins.append(RecordStore(store).put("plan", "day-1", {"by": id(store)}, base_version=0))
        except EditConflict as exc:
            conflicts.append(exc)

    threads = [threading.Thread(target=work, args=(st,)) for st in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert stores[0].get_setting("generation") == "40"
        assert (len(wins), len(conflicts)) == (1, 3)
        assert RecordStore(stores[0]).get("plan", "day-1").version == 1
    finally:
        for st in stores:
            st.close()


# --- opening and creating -------------------------------------------------------------------


def test_an_empty_database_holds_no_workspace_and_a_full_one_is_not_overwritten(
    pg_url: str,
) -> None:
    with pytest.raises(NoWorkspaceOnServer) as caught:
        WorkspaceStore.open(pg_url)
    assert not caught.value.missing
    WorkspaceStore.create(pg_url, INFO, "x", DEPARTMENTS).close()
    with pytest.raises(InvalidInput):
        WorkspaceStore.create(pg_url, INFO, "y", DEPARTMENTS)
    with WorkspaceStore.open(pg_url) as store:
        assert store.template_yaml() == "x"


def test_a_newer_schema_is_refused_untouched(pg_url: str) -> None:
    WorkspaceStore.create(pg_url, INFO, "x", DEPARTMENTS).close()
    with admin_connect(pg_url) as admin:
        admin.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(WorkspaceTooNew):
        WorkspaceStore.open(pg_url)
    with admin_connect(pg_url) as admin:
        assert admin.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            "99",
        )


def test_an_address_that_went_through_path_opens_the_same_workspace(pg_url: str) -> None:
    WorkspaceStore.create(pg_url, INFO, "x", DEPARTMENTS).close()
    mangled = Path(pg_url)  # "postgresql:/user:pw@host:port/db"
    assert server_url(mangled) == pg_url
    with WorkspaceStore.open(mangled) as store:
        assert store.path.name == database_name(pg_url)
        assert str(store.path) == store.address == masked(pg_url)
        assert "ipaudit_test_pw" not in store.address  # the test server's password


# --- errors -------------------------------------------------------------------------------


def _login(pg_url: str, name: str, grants: str) -> str:
    """A login role with ``PASSWORD`` and ``grants`` on this database; its URL."""
    with admin_connect(pg_url) as admin:
        admin.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}'")
        admin.execute(f"GRANT USAGE ON SCHEMA public TO {name}")
        admin.execute(grants.format(name=name))
    return role_url(pg_url, name, PASSWORD)


@pytest.fixture
def role_name(pg_url: str) -> Iterator[str]:
    """A role name no other test uses (roles belong to the whole server); dropped afterwards."""
    name = f"ipaudit_t_{uuid.uuid4().hex[:10]}"
    yield name
    with admin_connect(pg_url) as admin:
        if admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
            admin.execute(f"DROP OWNED BY {name}")  # its grants in this database
            admin.execute(f"DROP ROLE {name}")


def test_a_wrong_password_is_not_authorised_and_never_shown(pg_url: str, role_name: str) -> None:
    WorkspaceStore.create(pg_url, INFO, "x", DEPARTMENTS).close()
    url = _login(pg_url, role_name, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {name}")
    wrong = role_url(pg_url, role_name, "not-the-password")
    with pytest.raises(NotAuthorised) as caught:
        WorkspaceStore.open(wrong)
    for lang in ("zh", "en"):
        text_shown = caught.value.message(lang) + str(caught.value)
        assert "not-the-password" not in text_shown and role_name in text_shown
    with WorkspaceStore.open(url) as store:  # the right one opens it
        assert store.template_yaml() == "x"
        assert PASSWORD not in str(store.path) and PASSWORD not in store.address


def test_nothing_listening_is_server_unreachable(pg_url: str) -> None:
    url = f"postgresql://someone:{PASSWORD}@127.0.0.1:1/x"  # no server on port 1
    started = time.monotonic()
    with pytest.raises(ServerUnreachable) as caught:
        WorkspaceStore.open(url)
    assert time.monotonic() - started < 10
    assert "Connection refused" in caught.value.message("en")
    assert PASSWORD not in caught.value.message("zh") + caught.value.message("en")


def test_a_database_that_does_not_exist(pg_url: str) -> None:
    with pytest.raises(NoWorkspaceOnServer) as caught:
        WorkspaceStore.open(with_database(pg_url, database_name(pg_url) + "_none"))
    assert caught.value.missing


def test_a_change_the_role_may_not_make_is_not_permitted(pg_url: str, role_name: str) -> None:
    WorkspaceStore.create(pg_url, INFO, "x", DEPARTMENTS).close()
    url = _login(pg_url, role_name, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {name}")
    with Workspace.open(url) as ws:  # reading is allowed
        before = ws.facts()
        with pytest.raises(NotPermitted) as caught:
            ws.set_fact("headcount.rnd", "24")
        assert "facts" in caught.value.message("en")
        assert "公司事实" in caught.value.message("zh")
        assert ws.facts() == before


def test_a_connection_lost_mid_edit_saves_nothing(pg_url: str) -> None:
    WorkspaceStore.create(pg_url, INFO, "x", DEPARTMENTS).close()
    with WorkspaceStore.open(pg_url) as store:
        store.save_item_state(ItemState("rnd.x", Status.IN_PROGRESS, notes="旧"), "rnd")

        def cut_off(current: ItemState) -> ItemState:  # the server drops us half-way
            with store.engine.connect() as probe:
                pids = probe.execute(
                    text(
                        "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                        " AND state = 'idle in transaction' AND pid <> pg_backend_pid()"
                    )
                ).scalars()
                with admin_connect(pg_url) as admin:
                    for pid in pids:
                        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            return replace(current, notes="新")

        with pytest.raises(ConnectionLost) as caught:
            store.update_item_state("rnd.x", "rnd", cut_off)
        assert "NOT saved" in caught.value.message("en") and "没有保存" in caught.value.message(
            "zh"
        )
        assert store.item_state("rnd.x").notes == "旧"  # the pool reconnects; nothing half saved


def test_two_imports_of_one_ledger_at_once_leave_one_in_use(pg_url: str, tmp_path: Path) -> None:
    from ipaudit.demo.ledgers import _payments_xlsx
    from ipaudit.ledger.importer import import_ledger
    from ipaudit.store.ledger_store import LedgerStore

    result = import_ledger(_payments_xlsx(tmp_path / "发放.xlsx"))
    WorkspaceStore.create(pg_url, INFO, "x", DEPARTMENTS).close()
    stores = [WorkspaceStore.open(pg_url) for _ in range(3)]
    try:
        threads = [
            threading.Thread(target=LedgerStore(st).save_import, args=(result,)) for st in stores
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        ledger = LedgerStore(stores[0])
        assert len(ledger.imports()) == 1
        assert len(ledger.contents().entries[result.kind]) == len(result.entries)
    finally:
        for st in stores:
            st.close()


def _server_raises(store: WorkspaceStore, sqlstate: str) -> None:
    """The server reports ``sqlstate`` (as it would for a deadlock it broke up)."""
    with store.engine.connect() as conn:
        conn.execute(
            text(f"DO $$ BEGIN RAISE EXCEPTION 'test' USING ERRCODE = '{sqlstate}'; END $$")
        )


def test_a_deadlock_runs_the_edit_once_more_and_then_is_locked(pg_url: str) -> None:
    WorkspaceStore.create(pg_url, INFO, "x", DEPARTMENTS).close()
    with WorkspaceStore.open(pg_url) as store:
        calls = []

        def once_broken(current: ItemState) -> ItemState:
            calls.append(current.version)
            if len(calls) == 1:
                _server_raises(store, "40P01")
            return replace(current, notes=current.notes + "一")

        assert store.update_item_state("rnd.x", "rnd", once_broken).notes == "一"
        assert calls == [0, 0]  # the first try saved nothing
        assert store.item_state("rnd.x").version == 1

        def always_broken(current: ItemState) -> ItemState:
            _server_raises(store, "40001")
            return current

        with pytest.raises(WorkspaceLocked):
            store.update_item_state("rnd.x", "rnd", always_broken)
        assert store.item_state("rnd.x").notes == "一"


def test_creating_in_a_database_not_made_yet_makes_it(pg_url: str) -> None:
    url = with_database(pg_url, database_name(pg_url) + "_new")
    try:
        with Workspace.create(url, INFO) as ws:
            assert ws.store.is_server and ws.path.name == database_name(url)
        with WorkspaceStore.open(url) as store:
            assert store.info() == INFO
    finally:
        with admin_connect(pg_url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database_name(url)}" WITH (FORCE)')


def test_a_login_that_may_not_create_databases_gets_the_missing_database(
    pg_url: str, role_name: str
) -> None:
    url = with_database(_login(pg_url, role_name, "SELECT 1"), database_name(pg_url) + "_never")
    with pytest.raises(NoWorkspaceOnServer) as caught:
        WorkspaceStore.create(url, INFO, "x", DEPARTMENTS)
    assert caught.value.missing
