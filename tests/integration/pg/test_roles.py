"""Team roles on a real PostgreSQL server: each role connects directly with psycopg (not through
the app, as a department head with psql would) and tries every write outside its rights — each
refused by the database (SQLSTATE 42501) — and inside them — each allowed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, insert

from ipaudit.domain.model import Facts, Status
from ipaudit.services import team as team_service
from ipaudit.services.workspace import Workspace
from ipaudit.store import schema as s
from ipaudit.store import team_roles
from ipaudit.store.errors import InvalidInput, NotPermitted
from tests.factories import INFO
from tests.integration.pg.team_fixtures import drop_team, login_name, new_password, refused
from tests.pg import admin_connect, role_url

pytestmark = pytest.mark.pg

NOW = dt.datetime(2025, 3, 1, 9, 0)
ROW = (
    "(item_key, department, status, na_reason, notes, answers, instance_names, version, updated_at)"
)
EVIDENCE = (
    "(item_key, slot, department, sha256, size, original_name, title, doc_number, version_label,"
    " added_at, current, removed, version)"
)


def _engine(url: str) -> Any:
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def _seed(conn: Any) -> None:
    """Departments rnd, hr and legal (merged into rnd), one row of each in every table."""
    conn.execute(insert(s.meta).values(key="company", value="ACME"))
    conn.execute(insert(s.template).values(id=1, yaml="items: []", version=1))
    for pos, (key, merged) in enumerate((("rnd", None), ("hr", None), ("legal", "rnd"))):
        conn.execute(
            insert(s.departments).values(
                key=key, name_zh=key, name_en=key, absent=False, merged_into=merged, position=pos
            )
        )
    conn.execute(insert(s.facts).values(key="policy", value="{}", version=1, updated_at=NOW))
    for item, dep in (("rnd.a", "rnd"), ("hr.a", "hr"), ("legal.a", "legal")):
        conn.execute(
            insert(s.item_states).values(
                item_key=item, department=dep, status="not_started", version=1, updated_at=NOW
            )
        )
        conn.execute(insert(s.meta).values(key=f"edited:item_states:{item}", value="{}"))
    conn.execute(insert(s.blobs).values(id=1, sha256="f" * 64, size=3))
    conn.execute(insert(s.blob_chunks).values(blob_id=1, seq=0, data=b"abc"))
    for ev_id, dep in ((1, "rnd"), (2, "hr")):
        conn.execute(
            insert(s.evidence).values(
                id=ev_id,
                item_key=f"{dep}.a",
                department=dep,
                sha256="f" * 64,
                size=3,
                original_name="a.pdf",
                title="a",
                added_at=NOW,
            )
        )
    conn.exec_driver_sql("SELECT setval('evidence_id_seq', 2)")
    conn.exec_driver_sql("SELECT setval('blobs_id_seq', 1)")
    for key, dep in (("r1", "rnd"), ("h1", "hr"), ("all", "")):
        conn.execute(
            insert(s.records).values(
                kind="action", key=key, department=dep, value="{}", updated_at=NOW
            )
        )
    conn.execute(
        insert(s.snapshots).values(day=dt.date(2025, 1, 1), overall="50", per_department="{}")
    )
    conn.execute(insert(s.acceptances).values(finding_key="k", explanation="x", accepted_at=NOW))
    conn.execute(insert(s.rates).values(ip_type="patent", amount=1000))
    conn.execute(insert(s.settings).values(key="demo", value="0"))
    conn.execute(insert(s.column_mappings).values(signature="x", kind="fees", mapping="{}"))
    conn.execute(
        insert(s.exports).values(
            exported_at=NOW, target="/x", manifest_sha256="0" * 64, files=1, bytes=1
        )
    )
    conn.execute(
        insert(s.ledger_imports).values(id=1, kind="fees", file_name="f.xlsx", imported_at=NOW)
    )


@pytest.fixture
def team(pg_url: str) -> Iterator[dict[str, str]]:
    """The workspace's superuser address ("admin") and one login per role, by role name."""
    engine = _engine(pg_url)
    names = {who: login_name(pg_url, who) for who in ("manager", "rnd", "hr", "legal", "guest")}
    urls = {"admin": pg_url}
    try:
        s.metadata.create_all(engine)
        with engine.begin() as conn:
            _seed(conn)
            items = {"rnd.a": "rnd", "rnd.b": "rnd", "hr.a": "hr", "hr.b": "hr", "legal.a": "legal"}
            roles = team_roles.install(conn, ["rnd", "hr", "legal"], items).roles
            for who, name in names.items():
                group = {
                    "manager": roles.manager,
                    "guest": roles.readonly,
                }.get(who) or roles.department(who)
                password = new_password()
                team_roles.set_login(conn, roles, name, group, password)
                urls[who] = role_url(pg_url, name, password)
        yield urls
    finally:
        engine.dispose()
        drop_team(pg_url, list(names.values()))


_try = refused  # run as a login, rolled back: the SQLSTATE refusing it, or None


def _scalar(url: str, sql: str) -> Any:
    with psycopg.connect(url) as conn:
        row = conn.execute(sql).fetchone()
        return None if row is None else row[0]


def _item(key: str, dep: str) -> str:
    return (
        f"INSERT INTO item_states {ROW} VALUES"
        f" ('{key}', '{dep}', 'ready', '', '', '{{}}', '[]', 1, now())"
    )


def _evidence(dep: str, sha: str = "f" * 64) -> str:
    return (
        f"INSERT INTO evidence {EVIDENCE} VALUES ('{dep}.a', '', '{dep}', '{sha}', 3, 'b.pdf',"
        " 'b', '', '', now(), true, false, 1)"
    )


# writes no department head may make: the manager's tables, other departments' rows, stored
# evidence bytes, the past readiness, the workspace settings, the schema itself
MANAGER_ONLY: dict[str, str | tuple[str, ...]] = {
    "facts: change": "UPDATE facts SET value = '{\"x\": 1}'",
    "facts: add": "INSERT INTO facts VALUES ('objectives', '{}', 1, now())",
    "facts: remove": "DELETE FROM facts",
    "template: replace": "UPDATE template SET yaml = 'items: [x]'",
    "departments: rename": "UPDATE departments SET name_zh = 'x' WHERE key = 'rnd'",
    "departments: add": "INSERT INTO departments VALUES ('x', 'x', 'x', false, NULL, 9, 1)",
    "departments: unmerge": "UPDATE departments SET merged_into = NULL WHERE key = 'legal'",
    "departments: merge hr into rnd": "UPDATE departments SET merged_into = 'rnd' WHERE key = 'hr'",
    "acceptances: add": "INSERT INTO acceptances VALUES ('k2', 'x', now())",
    "acceptances: remove": "DELETE FROM acceptances",
    "ledger_imports: change": "UPDATE ledger_imports SET file_name = 'x'",
    "ledger_imports: remove": "DELETE FROM ledger_imports",
    "ledger_entries: add": "INSERT INTO ledger_entries (import_id, kind, file, sheet, row, person,"
    " department, ip_number, amount, is_penalty, voucher, category, text, status, inventors)"
    " VALUES (1, 'fees', 'f', 's', 1, '', '', '', '1', false, '', '', '', '', '')",
    "rates: change": "UPDATE rates SET amount = '1'",
    "settings: change": "UPDATE settings SET value = '1'",
    "settings: add": "INSERT INTO settings VALUES ('x', '1')",
    "column_mappings: remove": "DELETE FROM column_mappings",
    "exports: forge": "INSERT INTO exports (exported_at, target, options, manifest_sha256, files,"
    " bytes) VALUES (now(), 'x', '{}', 'x', 1, 1)",
    "exports: remove": "DELETE FROM exports",
    "meta: change the company": "UPDATE meta SET value = 'x' WHERE key = 'company'",
    "meta: remove the company": "DELETE FROM meta WHERE key = 'company'",
    "meta: add a setting": "INSERT INTO meta VALUES ('schema_version', '99')",
    "meta: claim hr's edit": "DELETE FROM meta WHERE key = 'edited:item_states:hr.a'",
    "meta: mark hr's edit": "INSERT INTO meta VALUES ('edited:evidence:2', '{}')",
    "meta: rewrite hr's edit": "UPDATE meta SET value = '{}' WHERE key = 'edited:item_states:hr.a'",
    "meta: turn its edit into hr's": (
        "UPDATE meta SET key = 'edited:item_states:hr.b' WHERE key = 'edited:item_states:rnd.a'"
    ),
    "item_states: hr's row": "UPDATE item_states SET status = 'ready' WHERE item_key = 'hr.a'",
    "item_states: take hr's row": "UPDATE item_states SET department = 'rnd'"
    " WHERE item_key = 'hr.a'",
    "item_states: add to hr": _item("hr.b", "hr"),
    "item_states: claim an item of hr's": _item("hr.b", "rnd"),
    "item_states: move its row onto hr's item": "UPDATE item_states SET item_key = 'hr.b'"
    " WHERE item_key = 'rnd.a'",
    "item_states: remove": "DELETE FROM item_states",
    "evidence: hr's row": "UPDATE evidence SET title = 'x' WHERE id = 2",
    "evidence: add to hr": _evidence("hr"),
    "evidence: attach to an item of hr's": _evidence("rnd").replace("'rnd.a'", "'hr.a'"),
    "evidence: move its file onto hr's item": "UPDATE evidence SET item_key = 'hr.a' WHERE id = 1",
    "evidence: remove": "DELETE FROM evidence",
    "records: hr's record": "UPDATE records SET value = '{\"x\": 1}' WHERE key = 'h1'",
    "records: the workspace's record": "UPDATE records SET value = '{}' WHERE key = 'all'",
    "records: remove hr's": "DELETE FROM records WHERE key = 'h1'",
    "records: add for hr": "INSERT INTO records VALUES ('action', 'h2', 'hr', '{}', 1, now(), '')",
    "records: add for all": "INSERT INTO records VALUES ('action', 'a2', '', '{}', 1, now(), '')",
    "blobs: rewrite a stored file's hash": "UPDATE blobs SET sha256 = 'e' WHERE id = 1",
    "blobs: add a finished file": "INSERT INTO blobs (sha256, size) VALUES ('e', 1)",
    "blobs: finish a file under a forged hash": (
        "INSERT INTO blobs (sha256, size) VALUES (NULL, 0)",
        "INSERT INTO blob_chunks VALUES (currval('blobs_id_seq'), 0, 'xyz')",
        "UPDATE blobs SET sha256 = encode(sha256('other'), 'hex'), size = 3"
        " WHERE id = currval('blobs_id_seq')",
    ),
    "blobs: finish a file under a wrong size": (
        "INSERT INTO blobs (sha256, size) VALUES (NULL, 0)",
        "INSERT INTO blob_chunks VALUES (currval('blobs_id_seq'), 0, 'xyz')",
        "UPDATE blobs SET sha256 = encode(sha256('xyz'), 'hex'), size = 99"
        " WHERE id = currval('blobs_id_seq')",
    ),
    "blobs: remove": "DELETE FROM blobs",
    "blob_chunks: append to a stored file": "INSERT INTO blob_chunks VALUES (1, 1, 'x')",
    "blob_chunks: change a stored file": "UPDATE blob_chunks SET data = 'x'",
    "blob_chunks: remove": "DELETE FROM blob_chunks",
    "snapshots: rewrite the past": "DELETE FROM snapshots WHERE day = '2025-01-01'",
    "snapshots: add to the past": "INSERT INTO snapshots VALUES ('2024-01-01', '1', '{}', 0)",
    # the readiness history is the manager's: a head could replace today's with any figure
    "snapshots: today's": (
        "DELETE FROM snapshots WHERE day = current_date",
        "INSERT INTO snapshots VALUES (current_date, '10', '{}', 0)",
    ),
    "schema: switch security off": "ALTER TABLE item_states DISABLE ROW LEVEL SECURITY",
    "schema: drop a table": "DROP TABLE facts",
    "schema: add a table": "CREATE TABLE public.x (a int)",
    "schema: replace a rule": "CREATE OR REPLACE FUNCTION public.team_is_manager() RETURNS"
    " boolean LANGUAGE sql AS $$ SELECT true $$",
}

# what the head of rnd may do (legal is merged into rnd: its items are rnd's now)
RND_MAY = {
    "item_states: its row": ("UPDATE item_states SET status = 'ready' WHERE item_key = 'rnd.a'",),
    "item_states: a merged department's row": (
        "UPDATE item_states SET status = 'ready', department = 'rnd' WHERE item_key = 'legal.a'",
    ),
    "item_states: add": (_item("rnd.b", "rnd"),),
    "evidence: its row": ("UPDATE evidence SET title = 'x', current = false WHERE id = 1",),
    "evidence: add": (_evidence("rnd"),),
    "records: its record": (
        "UPDATE records SET value = '{\"x\": 1}', version = 2 WHERE key = 'r1'",
    ),
    "records: add and remove": (
        "INSERT INTO records VALUES ('action', 'r2', 'rnd', '{}', 1, now(), '')",
        "DELETE FROM records WHERE key IN ('r1', 'r2')",
    ),
    "evidence bytes: a new file": (
        "INSERT INTO blobs (sha256, size) VALUES (NULL, 0)",
        "INSERT INTO blob_chunks VALUES (currval('blobs_id_seq'), 0, 'xyz')",
        "UPDATE blobs SET sha256 = encode(sha256('xyz'), 'hex'), size = 3"
        " WHERE id = currval('blobs_id_seq')",
    ),
    "meta: who edited its rows": (
        "DELETE FROM meta WHERE key = 'edited:item_states:rnd.a'",
        "INSERT INTO meta VALUES ('edited:item_states:rnd.a', '{}')",
        "DELETE FROM meta WHERE key = 'edited:item_states:legal.a'",
        "INSERT INTO meta VALUES ('edited:item_states:legal.a', '{}')",
        "INSERT INTO meta VALUES ('edited:evidence:1', '{}')",
        "UPDATE meta SET value = '{\"by\": \"rnd\"}' WHERE key = 'edited:item_states:rnd.a'",
    ),
}


def test_every_role_reads_the_whole_workspace(team: dict[str, str]) -> None:
    for who in ("manager", "rnd", "hr", "guest"):
        for table in ("item_states", "facts", "evidence", "records", "blob_chunks", "meta"):
            assert _scalar(team[who], f"SELECT count(*) FROM {table}") > 0, (who, table)


def _outcomes(url: str, cases: dict[str, tuple[str, ...]]) -> dict[str, str | None]:
    return {what: _try(url, *statements) for what, statements in cases.items()}


REFUSED = {k: v if isinstance(v, tuple) else (v,) for k, v in MANAGER_ONLY.items()}


def test_a_department_head_is_refused_outside_the_department(team: dict[str, str]) -> None:
    outcomes = _outcomes(team["rnd"], REFUSED)
    assert {k: v for k, v in outcomes.items() if v != "42501"} == {}


def test_a_department_head_may_change_the_department(team: dict[str, str]) -> None:
    outcomes = _outcomes(team["rnd"], RND_MAY)
    assert {k: v for k, v in outcomes.items() if v is not None} == {}


def test_the_merged_department_head_no_longer_changes_its_old_items(team: dict[str, str]) -> None:
    assert _try(team["legal"], RND_MAY["item_states: a merged department's row"][0]) == "42501"
    assert _try(team["legal"], _item("legal.b", "legal")) == "42501"


def test_another_department_head_is_refused_rnd_rows(team: dict[str, str]) -> None:
    theirs = {k: v for k, v in RND_MAY.items() if not k.startswith(("evidence bytes", "snapshots"))}
    outcomes = _outcomes(team["hr"], theirs)
    assert {k: v for k, v in outcomes.items() if v != "42501"} == {}
    # new evidence bytes and today's readiness are anyone's to write
    assert _try(team["hr"], *RND_MAY["evidence bytes: a new file"]) is None


def test_the_read_only_role_writes_nothing(team: dict[str, str]) -> None:
    outcomes = _outcomes(team["guest"], {**REFUSED, **RND_MAY})
    assert {k: v for k, v in outcomes.items() if v != "42501"} == {}


def test_the_manager_may_change_everything(team: dict[str, str]) -> None:
    may = {k: v for k, v in REFUSED.items() if not k.startswith("schema:")}
    outcomes = _outcomes(team["manager"], {**may, **RND_MAY})
    assert {k: v for k, v in outcomes.items() if v is not None} == {}


def test_no_role_can_take_another(team: dict[str, str]) -> None:
    with admin_connect(team["admin"]) as admin:
        manager = admin.execute("SELECT team_role_prefix() || '_manager'").fetchone()[0]
    for who in ("rnd", "guest"):
        assert _try(team[who], f'SET ROLE "{manager}"') == "42501"
        assert _try(team[who], f'GRANT "{manager}" TO current_user') == "42501"


def test_a_login_of_no_team_role_cannot_connect(team: dict[str, str]) -> None:
    stranger = login_name(team["admin"], "stranger")
    with admin_connect(team["admin"]) as admin:
        admin.execute(f"CREATE ROLE \"{stranger}\" LOGIN PASSWORD 'pw-stranger'")
    try:
        with pytest.raises(psycopg.OperationalError, match="permission denied"):
            psycopg.connect(role_url(team["admin"], stranger, "pw-stranger")).close()
    finally:
        with admin_connect(team["admin"]) as admin:
            admin.execute(f'DROP ROLE "{stranger}"')


def test_each_login_knows_its_role_from_the_server(team: dict[str, str]) -> None:
    expected = {
        "admin": ("owner", ()),
        "manager": ("manager", ()),
        "rnd": ("department", ("rnd",)),
        "legal": ("department", ("legal",)),
        "guest": ("readonly", ()),
    }
    for who, (kind, departments) in expected.items():
        engine = _engine(team[who])
        try:
            with engine.connect() as conn:
                found = team_roles.identity(conn)
        finally:
            engine.dispose()
        assert (found.kind, found.departments) == (kind, departments), who


def test_passwords_reach_the_server_hashed(team: dict[str, str]) -> None:
    with admin_connect(team["admin"]) as admin:
        rows = admin.execute(
            "SELECT rolname, rolpassword FROM pg_authid WHERE starts_with(rolname, %s)",
            (login_name(team["admin"], ""),),
        ).fetchall()
    assert len(rows) == 5
    for name, stored in rows:
        assert stored.startswith("SCRAM-SHA-256$4096:"), name


# --- through the services: what a department head's app does -------------------------------


@pytest.fixture
def team_ws(pg_url: str) -> Iterator[dict[str, str]]:
    """A team workspace set up by the service (built-in checklist), with a manager, the head
    of rnd and a read-only login, by role."""
    names = {who: login_name(pg_url, who) for who in ("manager", "rnd", "guest")}
    passwords = {who: new_password() for who in names}
    try:
        done = team_service.setup_team(
            pg_url,
            manager_login=names["manager"],
            manager_password=passwords["manager"],
            info=INFO,
        )
        assert done.created and done.manager_created
        with Workspace.open(pg_url) as ws:
            assert team_service.add_user(
                ws, names["rnd"], "department", passwords["rnd"], department="rnd"
            )
            assert team_service.add_user(ws, names["guest"], "readonly", passwords["guest"])
        urls = {who: role_url(pg_url, names[who], passwords[who]) for who in names}
        yield {"admin": pg_url, **urls}
    finally:
        drop_team(pg_url, list(names.values()))


def _first_item(ws: Workspace, department: str) -> str:
    return ws.items_of(department)[0].key


def test_a_department_head_answers_their_items_through_the_services(
    team_ws: dict[str, str], tmp_path: Path
) -> None:
    with Workspace.open(team_ws["rnd"]) as ws:
        who = team_service.team_identity(ws)
        assert (who.kind, who.departments) == ("department", ("rnd",))
        item = ws.items_of("rnd")[0]
        question = item.questions[0].key if item.questions else None
        ws.set_notes(item.key, "研发部的说明")
        if question:
            ws.answer(item.key, question, "答案")
        attached = ws.attach(item.key, _file(tmp_path, b"x" * 3_000_000))
        ws.findings()  # the head's checks leave the readiness history to the manager
        assert attached.size == 3_000_000
    with Workspace.open(team_ws["manager"]) as ws:
        state = ws.state(item.key)
        assert state.notes == "研发部的说明"
        assert state.status is Status.IN_PROGRESS
        assert b"".join(ws.evidence_bytes(attached.sha256)) == b"x" * 3_000_000
        assert not ws.snapshots()  # the manager's app records it
        assert ws.store.editor("item_states", item.key).at is not None


def test_a_department_head_is_refused_other_departments_and_the_facts(
    team_ws: dict[str, str],
) -> None:
    with Workspace.open(team_ws["rnd"]) as ws:
        other = next(d for d in ws.departments() if d.key != "rnd").key
        with pytest.raises(NotPermitted) as refused:
            ws.set_notes(_first_item(ws, other), "不是我的")
        assert "not saved" in refused.value.message("en")
        with pytest.raises(NotPermitted) as refused:
            ws.set_facts(Facts(policy="新方针"))
        assert "你" in refused.value.message("zh") or "您" in refused.value.message("zh")
        with pytest.raises(NotPermitted):
            ws.rename_department("rnd", "研发中心")
        with pytest.raises(NotPermitted):
            ws.accept("some-finding", "理由")
    with Workspace.open(team_ws["manager"]) as ws:
        assert ws.state(_first_item(ws, other)).notes == ""
        assert ws.department("rnd").name.zh != "研发中心"


def test_the_read_only_login_reads_and_changes_nothing(team_ws: dict[str, str]) -> None:
    with Workspace.open(team_ws["guest"]) as ws:
        assert team_service.team_identity(ws).kind == "readonly"
        item = _first_item(ws, "rnd")
        assert ws.findings() is not None
        with pytest.raises(NotPermitted):
            ws.set_notes(item, "x")


def test_the_manager_changes_everything_and_a_new_department_gets_its_role(
    team_ws: dict[str, str], pg_url: str
) -> None:
    with Workspace.open(team_ws["manager"]) as ws:
        assert team_service.team_identity(ws).kind == "manager"
        ws.set_notes(_first_item(ws, "rnd"), "负责人的说明")
        ws.add_department("quality", "质量部", "Quality")
        with pytest.raises(NotPermitted):  # creating roles is the server administrator's
            team_service.sync_roles(ws)
    head = login_name(pg_url, "quality")
    password = new_password()
    try:
        with Workspace.open(pg_url) as ws:
            team_service.add_user(ws, head, "department", password, department="quality")
            assert (head, "department", "quality") in [
                (u.name, u.kind, u.department) for u in team_service.users(ws)
            ]
            with pytest.raises(InvalidInput):
                team_service.add_user(ws, "postgres", "readonly", None)
            with pytest.raises(InvalidInput):
                team_service.add_user(ws, head, "department", "short", department="quality")
        with Workspace.open(role_url(pg_url, head, password)) as ws:
            assert team_service.team_identity(ws).departments == ("quality",)
    finally:
        drop_team(pg_url, [head])


def _file(folder: Path, data: bytes) -> Path:
    path = folder / "证据.pdf"
    path.write_bytes(data)
    return path


def test_setup_installs_the_change_announcements(team_ws: dict[str, str]) -> None:
    from ipaudit.store import notify

    with Workspace.open(team_ws["rnd"]) as ws, ws.store._read() as conn:
        assert {"item_states", "evidence", "facts"} <= notify.installed(conn)


def test_rights_follow_a_merge_and_the_setup_runs_again(
    team_ws: dict[str, str], pg_url: str
) -> None:
    with Workspace.open(team_ws["manager"]) as ws:
        other = next(d.key for d in ws.departments(active_only=True) if d.key != "rnd")
        theirs = next(it.key for it in ws.template.items if it.department == other)
        ws.merge_department(other, "rnd")
    with Workspace.open(team_ws["rnd"]) as ws:
        assert theirs in {it.key for it in ws.items_of("rnd")}
        ws.set_notes(theirs, "合并后由研发部负责")
    again = team_service.setup_team(
        pg_url, manager_login=login_name(pg_url, "manager"), manager_password=None
    )
    assert not again.created and not again.manager_created and again.roles.created == []
    with Workspace.open(team_ws["manager"]) as ws:
        assert ws.state(theirs).notes == "合并后由研发部负责"
        assert ws.state(theirs).version >= 1
