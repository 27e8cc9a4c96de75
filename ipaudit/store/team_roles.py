"""Database roles and row-level security of a team workspace on a PostgreSQL server.

Rights are the server's, not the app's: a department head who connects with psql gets exactly
the limits the app has. Every role is named after the database (``role_prefix``), so several team
workspaces share one server without sharing rights:

- ``<p>_manager`` (no login): the compliance manager. It owns every table of the workspace, so it
  may change everything; row-level security is FORCEd on the tables with per-row rules, and the
  manager's policies there let it through.
- ``<p>_readonly`` (no login): reads everything, writes nothing (escorts, the auditors' guests).
- ``<p>_departments`` (no login, a member of ``<p>_readonly``): what every department head may
  do, row by row: insert and change the item states, evidence and records of the department
  their role names (``<p>_dept_<key>``), the evidence bytes they attach (blobs and blob_chunks:
  new ones only, each written by the login that started it (``blobs.owner``, the session's
  login); a stored file cannot be changed, and a new one is finished only under its own size and
  its own SHA-256, hashed again by the server) and the ``edited:`` rows of ``meta`` that say who changed their own rows
  last. Whose an item's state or evidence is goes by the item's department in the checklist
  (table ``team_items``, written by the setup and by every template import on the server), never
  by the department the row names: a row's department can be stale (the item moved to another
  department) or claimed. An item that is not in ``team_items`` is the manager's alone. Of the
  records, only the kinds a department writes (``DEPARTMENT_RECORD_KINDS``).
- ``<p>_dept_<key>`` (no login, a member of ``<p>_departments``): one per department. A session
  knows its department only from its role membership (``pg_has_role``), never from anything the
  client can set. A merged department's items belong to the department it merged into: the rules
  follow ``departments.merged_into`` to its end, so the head of the department that took them over
  may change them, and the head of the merged one no longer may.
- Logins (people) are members of one of those roles. Their passwords reach the server already
  hashed (SCRAM-SHA-256, computed by libpq on this side): never in a statement, a log or a file.

A write outside one's rights is refused by the database with SQLSTATE 42501 (insufficient
privilege): a table the role has no right to by its GRANTs; a new row outside its department by
the policies' WITH CHECK; an existing row outside its department by a trigger (``team_guard``),
because a policy's USING clause would skip such a row silently instead of refusing it.

Everything here is idempotent: running it again adds the roles of departments added since, the
grants of tables added by an upgrade, the items of a checklist changed since, and replaces the
functions, policies and triggers. A department added since the last setup has no role (and so no
head) until it runs again; ``missing_department_roles`` says which.

The tables' own CHECK constraints (``CHECKS``: a known status, JSON of the right shape) are added
too, NOT VALID: what is stored stays readable, every new or changed row must pass.

Known limit: a department head's evidence file of HASH_CHECK_LIMIT (just under 1 GiB) or more is
refused (the server hashes a file whole); the manager stores such files.
No statement here contains a percent sign (the driver would read it as a parameter).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text, update

from ipaudit.store.errors import InvalidInput, NotPermitted
from ipaudit.store.schema import STATUS_CHECK, evidence, item_states, template
from ipaudit.store.workspace_store import WorkspaceStore

#: the kinds of team role a login can be given
MANAGER, DEPARTMENT, READONLY = "manager", "department", "readonly"
ROLE_KINDS = (MANAGER, DEPARTMENT, READONLY)

# tables whose rows a department head may write (under the rules below); every other table of the
# workspace is written by the manager only and read by every team role
DEPARTMENT_TABLES = ("item_states", "evidence", "records")  # rows carry their department
SHARED_TABLES = ("blobs", "blob_chunks", "snapshots", "meta")
#: the kinds of record a department head writes (the department views: corrective actions of
#: the department, its packets, its people's rehearsal attempts, its request-list confirmations);
#: plans, mock audits, the rollover and every other kind are the manager's
DEPARTMENT_RECORD_KINDS = ("action", "packet", "rehearsal", "request")
RLS_TABLES = DEPARTMENT_TABLES + SHARED_TABLES
# the functions ``install`` adds to the workspace's schema (trigger first: ``uninstall`` order)
TEAM_FUNCTIONS = (
    "team_stamp()",
    "team_guard()",
    "team_may_edit_snapshot(date)",
    "team_may_edit_meta(text)",
    "team_may_edit_item(text)",
    "team_may_edit_record(text, text)",
    "team_may_edit(text)",
    "team_owner_department(text)",
    "team_is_manager()",
    "team_role_prefix()",
)

#: the CHECK constraints a team workspace's tables get (table, name, condition): an item's
#: status is one the app knows, the JSON columns hold JSON of the shape their readers expect (a
#: value that is not JSON fails the cast, a refusal too)
CHECKS = (
    ("item_states", "ck_item_states_status", STATUS_CHECK),
    ("item_states", "ck_item_states_answers", "jsonb_typeof(answers::jsonb) = 'object'"),
    ("item_states", "ck_item_states_names", "jsonb_typeof(instance_names::jsonb) = 'array'"),
    ("records", "ck_records_value", "jsonb_typeof(value::jsonb) = 'object'"),
)

#: a department head's evidence file is hashed again by the server when it is finished, whole
#: (PostgreSQL's sha256() takes one value: a bytea of at most 1 GiB); a head's file of this size
#: or more is refused rather than stored under a hash the server did not check
HASH_CHECK_LIMIT = (1 << 30) - (1 << 20)

#: a login name a person types: letters, digits, and . _ - @ (at most 63 bytes, PostgreSQL's limit)
LOGIN_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_.@-]{0,62}")
_PREFIX_RE = re.compile(r"[a-z_][a-z0-9_]{0,23}")


def role_prefix(database: str) -> str:
    """The prefix of the team roles of ``database``: its name when short and plain, else a
    plain part of it and a hash of the whole (roles stay within PostgreSQL's 63 bytes with a
    32-character department key)."""
    if _PREFIX_RE.fullmatch(database):
        return database
    plain = re.sub(r"[^a-z0-9_]", "_", database.lower())[:16]
    if not plain or plain[0].isdigit():
        plain = "w" + plain[:15]
    return f"{plain}_{hashlib.sha256(database.encode('utf-8')).hexdigest()[:6]}"


@dataclass(frozen=True, slots=True)
class TeamRoles:
    """The names of one workspace's team roles."""

    prefix: str

    @property
    def manager(self) -> str:
        return f"{self.prefix}_manager"

    @property
    def readonly(self) -> str:
        return f"{self.prefix}_readonly"

    @property
    def departments(self) -> str:
        return f"{self.prefix}_departments"

    @property
    def department_prefix(self) -> str:
        return f"{self.prefix}_dept_"

    def department(self, key: str) -> str:
        return f"{self.department_prefix}{key}"

    def of(self, kind: str, department: str = "") -> str:
        """The group role a login of ``kind`` (ROLE_KINDS) is made a member of."""
        if kind == MANAGER:
            return self.manager
        if kind == READONLY:
            return self.readonly
        if kind == DEPARTMENT and department:
            return self.department(department)
        raise ValueError(f"no team role of kind {kind!r} ({department!r})")


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a session is in a team workspace: ``kind`` is one of ROLE_KINDS, or "owner" for a
    workspace without team roles (a file, or a server workspace not set up for a team) and for a
    server administrator; ``departments`` the departments a department head may edit."""

    login: str
    kind: str
    departments: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Login:
    """A login of the team workspace and the team role it holds."""

    name: str
    kind: str
    department: str = ""


@dataclass(slots=True)
class SetupReport:
    """What ``install`` did: the roles it created (the others were there already)."""

    roles: TeamRoles
    created: list[str] = field(default_factory=list)
    department_roles: dict[str, str] = field(default_factory=dict)


def ident(name: str) -> str:
    """``name`` as a quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """``text`` as a quoted SQL string literal (standard_conforming_strings is on since 9.1)."""
    return "'" + text.replace("'", "''") + "'"


def _run(conn: Connection, sql: str) -> None:
    if "%" in sql:  # the driver would read it as a placeholder
        raise ValueError("a percent sign in a team statement")
    conn.exec_driver_sql(sql)


def _scalar(conn: Connection, sql: str) -> Any:
    return conn.exec_driver_sql(sql).scalar()


def _role_exists(conn: Connection, role: str) -> bool:
    return bool(
        _scalar(conn, f"SELECT count(*) FROM pg_catalog.pg_roles WHERE rolname = {literal(role)}")
    )


def _create_group(conn: Connection, role: str, report: SetupReport) -> None:
    if not _role_exists(conn, role):
        _run(conn, f"CREATE ROLE {ident(role)} NOLOGIN")
        report.created.append(role)


def _grant_member(conn: Connection, group: str, member: str) -> None:
    """``member`` a member of ``group`` (nothing when it is one already)."""
    _run(conn, f"GRANT {ident(group)} TO {ident(member)}")


def schema_name(conn: Connection) -> str:
    return str(_scalar(conn, "SELECT current_schema()"))


def workspace_tables(conn: Connection, schema: str) -> list[str]:
    rows = conn.exec_driver_sql(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = "
        f"{literal(schema)} ORDER BY tablename"
    )
    return [str(r[0]) for r in rows]


def install(
    conn: Connection,
    department_keys: Iterable[str],
    item_departments: Mapping[str, str] | None = None,
) -> SetupReport:
    """Create (or bring up to date) the team roles, grants, policies and triggers of the
    workspace ``conn`` is connected to, in the caller's transaction. ``conn`` must be a server
    administrator's (a superuser, or a role with CREATEROLE that owns the tables).

    ``item_departments``: each checklist item's department in the template (``team_items``;
    None keeps what is there). An item state or evidence row may only be written by the head of
    the department owning its item, whatever department the row claims: else one department
    could take another's items by writing rows for them first."""
    database = str(_scalar(conn, "SELECT current_database()"))
    roles = TeamRoles(role_prefix(database))
    report = SetupReport(roles)
    schema = schema_name(conn)
    s = ident(schema)
    for group in (roles.manager, roles.readonly, roles.departments):
        _create_group(conn, group, report)
    _grant_member(conn, roles.readonly, roles.departments)
    for key in department_keys:
        role = roles.department(key)
        _create_group(conn, role, report)
        _grant_member(conn, roles.departments, role)
        report.department_roles[key] = role
    if not _scalar(conn, "SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user"):
        _grant_member(conn, roles.manager, str(_scalar(conn, "SELECT current_user")))

    # who may connect: the team's roles, not every login of the server
    db = ident(database)
    _run(conn, f"REVOKE CONNECT ON DATABASE {db} FROM PUBLIC")
    _run(conn, f"GRANT CONNECT ON DATABASE {db} TO {ident(roles.readonly)}, {ident(roles.manager)}")
    _run(conn, f"GRANT USAGE ON SCHEMA {s} TO {ident(roles.readonly)}, {ident(roles.manager)}")

    _run(
        conn,
        f"CREATE TABLE IF NOT EXISTS {s}.team_items"
        " (item_key text PRIMARY KEY, department text NOT NULL)",
    )
    if item_departments is not None:
        _write_items(conn, schema, item_departments)

    tables = workspace_tables(conn, schema)
    for table in RLS_TABLES:  # they use the functions replaced below
        if table in tables:
            _drop_policies(conn, schema, table)
    # the rule of an item's row by the row's department too, before a row's department was
    # ignored (the current one takes the item alone)
    _run(conn, f"DROP FUNCTION IF EXISTS {s}.team_may_edit_item(text, text)")
    for table, name, condition in CHECKS:
        _add_check(conn, schema, table, name, condition)
    for table in tables:
        t = f"{s}.{ident(table)}"
        _run(conn, f"ALTER TABLE {t} OWNER TO {ident(roles.manager)}")
        _run(conn, f"REVOKE ALL ON {t} FROM PUBLIC")
        _run(conn, f"GRANT SELECT ON {t} TO {ident(roles.readonly)}")
    dept = ident(roles.departments)
    for table, rights in (
        ("item_states", "INSERT, UPDATE"),
        ("evidence", "INSERT, UPDATE"),
        ("records", "INSERT, UPDATE, DELETE"),
        ("blobs", "INSERT, UPDATE"),
        ("blob_chunks", "INSERT"),
        ("snapshots", "INSERT, DELETE"),
        ("meta", "INSERT, UPDATE, DELETE"),
    ):
        if table in tables:
            _run(conn, f"GRANT {rights} ON {s}.{ident(table)} TO {dept}")
    _run(conn, f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {dept}")

    if "blobs" in tables:  # whose upload a blob is: a head writes only into its own
        _run(
            conn,
            f"ALTER TABLE {s}.blobs ADD COLUMN IF NOT EXISTS owner text"
            " NOT NULL DEFAULT session_user",
        )
    _install_functions(conn, schema, roles)
    for table in RLS_TABLES:
        if table in tables:
            _install_rules(conn, schema, table, roles)
    _install_stamps(conn, schema, [t for t in ("records", "meta") if t in tables])
    return report


def _add_check(conn: Connection, schema: str, table: str, name: str, condition: str) -> None:
    """``condition`` a constraint of ``table`` unless it has one of that name; NOT VALID: the
    rows stored are not checked (their readers skip what they cannot read), new ones are."""
    t = f"{ident(schema)}.{ident(table)}"
    if _scalar(
        conn,
        "SELECT count(*) FROM pg_catalog.pg_constraint"
        f" WHERE conrelid = {literal(t)}::regclass AND conname = {literal(name)}",
    ):
        return
    _run(conn, f"ALTER TABLE {t} ADD CONSTRAINT {ident(name)} CHECK ({condition}) NOT VALID")


def _write_items(conn: Connection, schema: str, item_departments: Mapping[str, str]) -> None:
    """``team_items`` replaced by ``item_departments``."""
    s = ident(schema)
    _run(conn, f"DELETE FROM {s}.team_items")
    rows = [{"k": k, "d": d} for k, d in sorted(item_departments.items())]
    if rows:
        conn.execute(text(f"INSERT INTO {s}.team_items VALUES (:k, :d)"), rows)


def has_team_items(conn: Connection) -> bool:
    """Whether the workspace ``conn`` is connected to is a team workspace on a server."""
    if conn.dialect.name != "postgresql":
        return False
    name = f"{ident(schema_name(conn))}.team_items"
    return _scalar(conn, f"SELECT to_regclass({literal(name)})") is not None


def set_item_departments(
    conn: Connection, item_departments: Mapping[str, str], owners: Mapping[str, str]
) -> bool:
    """In the caller's transaction, on a team workspace (else nothing; False): each item's
    department in the checklist (``item_departments``) written to ``team_items``, which the
    rules go by, and the department column of the item's state and evidence rows brought to
    its owner now (``owners``: merges followed; "" for an absent department's items: left as
    they are). The rows' versions stay: nothing a user wrote changed."""
    if not has_team_items(conn):
        return False
    _write_items(conn, schema_name(conn), item_departments)
    for table in (item_states, evidence):
        for item, owner in owners.items():
            if owner:
                conn.execute(
                    update(table)
                    .where(table.c.item_key == item, table.c.department != owner)
                    .values(department=owner)
                )
    return True


def missing_department_roles(conn: Connection, department_keys: Iterable[str]) -> list[str]:
    """The departments of ``department_keys`` that have no role in the team workspace yet (no
    head can be given them until the setup runs again); [] for a workspace without a team."""
    roles = team_roles_of(conn) if conn.dialect.name == "postgresql" else None
    if roles is None:
        return []
    return [k for k in department_keys if not _role_exists(conn, roles.department(k))]


def _install_functions(conn: Connection, schema: str, roles: TeamRoles) -> None:
    s = ident(schema)
    fixed = "STABLE SET search_path = pg_catalog, pg_temp"  # nothing a session creates is used
    _run(
        conn,
        f"""CREATE OR REPLACE FUNCTION {s}.team_role_prefix() RETURNS text
        LANGUAGE sql IMMUTABLE AS $$ SELECT {literal(roles.prefix)}::text $$""",
    )
    # PL/pgSQL, not SQL: a session keeps the plans of their statements (an SQL function with
    # its own search_path is planned again at every call, a few of which every edit makes)
    _run(
        conn,
        f"""CREATE OR REPLACE FUNCTION {s}.team_is_manager() RETURNS boolean
        LANGUAGE plpgsql {fixed} AS $$
        BEGIN
          RETURN pg_has_role(current_user, {literal(roles.manager)}, 'USAGE')
              OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND rolsuper);
        END
        $$""",
    )
    # the department that owns the items of ``dep`` now: merges followed to their end
    _run(
        conn,
        f"""CREATE OR REPLACE FUNCTION {s}.team_owner_department(dep text) RETURNS text
        LANGUAGE plpgsql {fixed} AS $$
        DECLARE
          current_key text := dep;
          next_key text;
        BEGIN
          FOR depth IN 1..32 LOOP
            SELECT d.merged_into INTO next_key FROM {s}.departments d WHERE d.key = current_key;
            EXIT WHEN next_key IS NULL;
            current_key := next_key;
          END LOOP;
          RETURN current_key;
        END
        $$""",
    )
    _run(
        conn,
        f"""CREATE OR REPLACE FUNCTION {s}.team_may_edit(dep text) RETURNS boolean
        LANGUAGE plpgsql {fixed} AS $$
        DECLARE
          role oid;
        BEGIN
          IF {s}.team_is_manager() THEN
            RETURN true;
          END IF;
          role := to_regrole(quote_ident(
            {literal(roles.department_prefix)} || {s}.team_owner_department(dep)));
          RETURN role IS NOT NULL AND pg_has_role(current_user, role, 'USAGE');
        END
        $$""",
    )
    # an item's row: the item's own department (the checklist's, merges followed) decides, not
    # the department the row names; an item the checklist does not have is the manager's
    _run(
        conn,
        f"""CREATE OR REPLACE FUNCTION {s}.team_may_edit_item(item text)
        RETURNS boolean LANGUAGE plpgsql {fixed} AS $$
        DECLARE
          owner text;
        BEGIN
          IF {s}.team_is_manager() THEN
            RETURN true;
          END IF;
          SELECT t.department INTO owner FROM {s}.team_items t WHERE t.item_key = item;
          RETURN owner IS NOT NULL AND {s}.team_may_edit(owner);
        END
        $$""",
    )
    # a record: of a kind a department writes, of the head's department (merges followed)
    _run(
        conn,
        f"""CREATE OR REPLACE FUNCTION {s}.team_may_edit_record(record_kind text, dep text)
        RETURNS boolean LANGUAGE plpgsql {fixed} AS $$
        BEGIN
          RETURN {s}.team_is_manager()
              OR (record_kind IN ({_kinds_sql()}) AND {s}.team_may_edit(dep));
        END
        $$""",
    )
    # the ``edited:<table>:<key>`` rows of meta that say who changed a department's row last
    _run(
        conn,
        f"""CREATE OR REPLACE FUNCTION {s}.team_may_edit_meta(meta_key text) RETURNS boolean
        LANGUAGE plpgsql {fixed} AS $$
        DECLARE
          item text;
          evidence_id text;
        BEGIN
          IF {s}.team_is_manager() THEN
            RETURN true;
          END IF;
          IF starts_with(meta_key, 'edited:item_states:') THEN
            SELECT i.item_key INTO item FROM {s}.item_states i
             WHERE i.item_key = substr(meta_key, 20);
          ELSIF starts_with(meta_key, 'edited:evidence:') THEN
            evidence_id := substr(meta_key, 17);
            IF evidence_id !~ '^[0-9]{{1,9}}$' THEN
              RETURN false;
            END IF;
            SELECT e.item_key INTO item FROM {s}.evidence e
             WHERE e.id = evidence_id::integer;
          END IF;
          RETURN item IS NOT NULL AND {s}.team_may_edit_item(item);
        END
        $$""",
    )
    # the readiness history is the manager's: a head could otherwise replace today's figure with
    # any percentage (the manager's app records it; a head's app does not write it)
    _run(
        conn,
        f"""CREATE OR REPLACE FUNCTION {s}.team_may_edit_snapshot(snapshot_day date)
        RETURNS boolean LANGUAGE plpgsql {fixed} AS $$
        BEGIN
          RETURN {s}.team_is_manager();
        END
        $$""",
    )
    # the rows a change or removal starts from, which a policy would only skip
    _run(
        conn,
        f"""CREATE OR REPLACE FUNCTION {s}.team_guard() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
        DECLARE
          allowed boolean := true;
          what text := '';
        BEGIN
          IF {s}.team_is_manager() THEN
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
          END IF;
          IF TG_TABLE_NAME IN ('item_states', 'evidence') THEN
            allowed := {s}.team_may_edit_item(OLD.item_key);
            what := 'a row of the item ' || quote_literal(OLD.item_key)
              || ' of another department';
          ELSIF TG_TABLE_NAME = 'records' THEN
            allowed := {s}.team_may_edit_record(OLD.kind, OLD.department);
            what := 'a record ' || quote_literal(OLD.kind || '/' || OLD.key)
              || ' of another department or of the manager';
            IF allowed AND TG_OP = 'DELETE' AND OLD.kind = {literal(ACTION_KIND)} AND (
                coalesce(OLD.value::jsonb -> 'verification', 'null'::jsonb) <> 'null'::jsonb
                OR OLD.value::jsonb ->> 'status' = 'verified') THEN
              -- the manager's verification would be lost: a head could not put it back
              allowed := false;
              what := 'the verified corrective action ' || quote_literal(OLD.key);
            END IF;
          ELSIF TG_TABLE_NAME = 'blobs' THEN
            allowed := OLD.sha256 IS NULL;
            -- only the upload of this login's own, unfinished file
            allowed := OLD.sha256 IS NULL AND OLD.owner = session_user;
            what := 'a stored evidence file or another login''s upload';
            IF allowed AND TG_OP = 'UPDATE' THEN
              allowed := NEW.owner = OLD.owner;
            END IF;
            IF allowed AND TG_OP = 'UPDATE' AND NEW.sha256 IS NOT NULL THEN
              -- a file is finished: its hash and size must be its bytes' (a forged hash would
              -- hand others these bytes for their identical file), at every size
              allowed := NEW.size = (SELECT coalesce(sum(octet_length(c.data)), 0)
                                       FROM {s}.blob_chunks c WHERE c.blob_id = NEW.id)
                AND NEW.size < {HASH_CHECK_LIMIT} AND NEW.sha256 = (
                  SELECT encode(sha256(coalesce(string_agg(c.data, ''::bytea ORDER BY c.seq),
                                                ''::bytea)), 'hex')
                    FROM {s}.blob_chunks c WHERE c.blob_id = NEW.id);
              what := 'an evidence file under a hash or size that is not its own';
            END IF;
          ELSIF TG_TABLE_NAME = 'meta' THEN
            allowed := {s}.team_may_edit_meta(OLD.key);
            what := 'the workspace setting ' || quote_literal(OLD.key);
          ELSIF TG_TABLE_NAME = 'snapshots' THEN
            allowed := {s}.team_may_edit_snapshot(OLD.day);
            what := 'the readiness recorded for ' || OLD.day::text;
          ELSE
            allowed := false;
            what := 'a row of ' || TG_TABLE_NAME;
          END IF;
          IF NOT allowed THEN
            RAISE EXCEPTION USING
              ERRCODE = 'insufficient_privilege',
              MESSAGE = 'permission denied: ' || current_user || ' may not change ' || what,
              HINT = 'Only the compliance manager or the department''s own head may change it.';
          END IF;
          IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
          RETURN NEW;
        END
        $$""",
    )


#: the kind of record of a corrective action, whose verification only the manager records
ACTION_KIND = "action"


def _install_stamps(conn: Connection, schema: str, tables: Iterable[str]) -> None:
    """Who changed a row is the server's to say, and a corrective action's verification is the
    manager's: a trigger before every insert and update of ``records`` and ``meta`` sets a
    record's ``updated_by`` and the "by" of an ``edited:`` row to the session's login (whatever
    the writer claims), and refuses a department head's change of an action's verification or of
    its "verified" status (an auditor expects the check to be independent of the department)."""
    s = ident(schema)
    _run(
        conn,
        f"""CREATE OR REPLACE FUNCTION {s}.team_stamp() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
        DECLARE
          before jsonb := jsonb_build_object('verification', 'null'::jsonb, 'verified', false);
          after jsonb;
        BEGIN
          IF TG_TABLE_NAME = 'records' THEN
            NEW.updated_by := session_user::text;
            IF NEW.kind = {literal(ACTION_KIND)} AND NOT {s}.team_is_manager() THEN
              -- the department the action names is the row's (which the policies check)
              IF NEW.value::jsonb ? 'department'
                  AND NEW.value::jsonb ->> 'department' IS DISTINCT FROM NEW.department THEN
                RAISE EXCEPTION USING
                  ERRCODE = 'insufficient_privilege',
                  MESSAGE = 'permission denied: ' || session_user
                    || ' may not file the corrective action ' || quote_literal(NEW.key)
                    || ' under another department than its row''s';
              END IF;
              after := jsonb_build_object(
                'verification', coalesce(NEW.value::jsonb -> 'verification', 'null'::jsonb),
                'verified', coalesce(NEW.value::jsonb ->> 'status' = 'verified', false));
              IF TG_OP = 'UPDATE' AND OLD.kind = NEW.kind THEN
                before := jsonb_build_object(
                  'verification', coalesce(OLD.value::jsonb -> 'verification', 'null'::jsonb),
                  'verified', coalesce(OLD.value::jsonb ->> 'status' = 'verified', false));
              END IF;
              IF after IS DISTINCT FROM before THEN
                RAISE EXCEPTION USING
                  ERRCODE = 'insufficient_privilege',
                  MESSAGE = 'permission denied: ' || session_user
                    || ' may not record the verification of the corrective action '
                    || quote_literal(NEW.key),
                  HINT = 'Only the compliance manager verifies a corrective action.';
              END IF;
            END IF;
          ELSIF TG_TABLE_NAME = 'meta' AND starts_with(NEW.key, 'edited:') THEN
            NEW.value := (NEW.value::jsonb || jsonb_build_object('by', session_user::text))::text;
          END IF;
          RETURN NEW;
        END
        $$""",
    )
    for table in tables:
        t = f"{s}.{ident(table)}"
        _run(conn, f"DROP TRIGGER IF EXISTS team_stamp ON {t}")
        _run(
            conn,
            f"CREATE TRIGGER team_stamp BEFORE INSERT OR UPDATE ON {t}"
            f" FOR EACH ROW EXECUTE FUNCTION {s}.team_stamp()",
        )


def _kinds_sql() -> str:
    return ", ".join(literal(k) for k in DEPARTMENT_RECORD_KINDS)


def _install_rules(conn: Connection, schema: str, table: str, roles: TeamRoles) -> None:
    s = ident(schema)
    t = f"{s}.{ident(table)}"
    manager, readonly, dept = (ident(r) for r in (roles.manager, roles.readonly, roles.departments))
    _run(conn, f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY")
    _run(conn, f"ALTER TABLE {t} FORCE ROW LEVEL SECURITY")  # the owner (manager) too
    _drop_policies(conn, schema, table)
    _run(
        conn,
        f"CREATE POLICY team_manager ON {t} FOR ALL TO {manager} USING (true) WITH CHECK (true)",
    )
    _run(conn, f"CREATE POLICY team_read ON {t} FOR SELECT TO {readonly} USING (true)")
    if table in ("item_states", "evidence"):
        check = f"{s}.team_may_edit_item(item_key)"
    elif table == "records":
        check = f"{s}.team_may_edit_record(kind, department)"
    elif table == "blobs":  # a new blob starts without its hash; finishing sets it (guarded)
        check = "sha256 IS NULL AND owner = session_user"
    elif table == "blob_chunks":  # only into this login's own unfinished upload
        check = (
            f"EXISTS (SELECT 1 FROM {s}.blobs b WHERE b.id = blob_id AND b.sha256 IS NULL"
            " AND b.owner = session_user)"
        )
    elif table == "meta":
        check = f"{s}.team_may_edit_meta(key)"
    else:  # snapshots
        check = f"{s}.team_may_edit_snapshot(day)"
    _run(conn, f"CREATE POLICY team_dept_insert ON {t} FOR INSERT TO {dept} WITH CHECK ({check})")
    if table in ("item_states", "evidence", "records", "blobs", "meta"):
        new_row = "true" if table == "blobs" else check
        _run(
            conn,
            f"CREATE POLICY team_dept_update ON {t} FOR UPDATE TO {dept}"
            f" USING (true) WITH CHECK ({new_row})",
        )
    if table in ("records", "meta", "snapshots"):
        _run(conn, f"CREATE POLICY team_dept_delete ON {t} FOR DELETE TO {dept} USING (true)")
    if table != "blob_chunks":  # (no change or removal of a chunk but the manager's)
        _run(conn, f"DROP TRIGGER IF EXISTS team_guard ON {t}")
        _run(
            conn,
            f"CREATE TRIGGER team_guard BEFORE UPDATE OR DELETE ON {t}"
            f" FOR EACH ROW EXECUTE FUNCTION {s}.team_guard()",
        )


def _drop_policies(conn: Connection, schema: str, table: str) -> None:
    rows = conn.exec_driver_sql(
        "SELECT policyname FROM pg_catalog.pg_policies"
        f" WHERE schemaname = {literal(schema)} AND tablename = {literal(table)}"
    )
    for (name,) in list(rows):
        if str(name).startswith("team_"):
            _run(conn, f"DROP POLICY {ident(str(name))} ON {ident(schema)}.{ident(table)}")


# --- logins ----------------------------------------------------------------------------------


def team_roles_of(conn: Connection) -> TeamRoles | None:
    """The team roles of the workspace ``conn`` is connected to; None when it has none set up."""
    schema = schema_name(conn)
    found = _scalar(conn, f"SELECT to_regproc({literal(ident(schema) + '.team_role_prefix')})")
    if found is None:
        return None
    return TeamRoles(str(_scalar(conn, f"SELECT {ident(schema)}.team_role_prefix()")))


def encrypted_password(conn: Connection, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password`` for ``login``, computed by libpq on this side
    (the password itself never goes to the server)."""
    raw = conn.connection.driver_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    verifier = pgconn.encrypt_password(
        password.encode("utf-8"), login.encode("utf-8"), b"scram-sha-256"
    )
    return bytes(verifier).decode("ascii")


def set_login(
    conn: Connection,
    roles: TeamRoles,
    login: str,
    group: str,
    password: str | None,
) -> bool:
    """Make ``login`` (created when it does not exist) a member of ``group`` and of none of the
    workspace's other team roles; ``password`` (None: keep) set as its SCRAM verifier. True when
    the login was created."""
    check_login(conn, roles, login)
    created = not _role_exists(conn, login)
    if created:
        if password is None:
            raise ValueError("a new login needs a password")
        _run(conn, f"CREATE ROLE {ident(login)} LOGIN INHERIT")
    if password is not None:
        verifier = encrypted_password(conn, login, password)
        _run(conn, f"ALTER ROLE {ident(login)} LOGIN PASSWORD {literal(verifier)}")
    for current in team_memberships(conn, roles, login):
        if current != group:
            _run(conn, f"REVOKE {ident(current)} FROM {ident(login)}")
    _grant_member(conn, group, login)
    return created


def check_login(conn: Connection, roles: TeamRoles, login: str) -> None:
    """Refuse a login name that is not one (bad characters, a team group role, a server
    administrator, a role that cannot log in): nothing of those may be changed from here."""
    if LOGIN_RE.fullmatch(login) is None or (
        login.startswith(roles.prefix + "_")
        and (_kind_of(roles, login)[0] or login == roles.departments)
    ):
        raise InvalidInput(
            f"“{login}”不能用作登录名：请只用字母、数字和 . _ - @，以字母开头，且不要用工作区角色的名字。",
            f"'{login}' cannot be a login name: use letters, digits and . _ - @, start with a"
            " letter, and do not use a name of the workspace's roles.",
        )
    row = conn.exec_driver_sql(
        "SELECT rolsuper, rolcanlogin, rolcreaterole FROM pg_catalog.pg_roles"
        f" WHERE rolname = {literal(login)}"
    ).first()
    if row is not None and (row[0] or row[2] or not row[1]):
        raise InvalidInput(
            f"服务器上已有角色“{login}”，它是管理员或不能登录，不能在这里改它；请换一个登录名。",
            f"The server has a role '{login}' already that is an administrator or cannot log in;"
            " it cannot be changed from here. Choose another login name.",
        )


def team_memberships(conn: Connection, roles: TeamRoles, login: str) -> list[str]:
    """The workspace's team roles ``login`` is a direct member of."""
    rows = conn.exec_driver_sql(
        "SELECT g.rolname FROM pg_catalog.pg_auth_members m"
        " JOIN pg_catalog.pg_roles g ON g.oid = m.roleid"
        " JOIN pg_catalog.pg_roles u ON u.oid = m.member"
        f" WHERE u.rolname = {literal(login)}"
        f" AND starts_with(g.rolname, {literal(roles.prefix + '_')})"
        " ORDER BY g.rolname"
    )
    return [str(r[0]) for r in rows]


def remove_login(conn: Connection, roles: TeamRoles, login: str) -> list[str]:
    """Take ``login`` out of the workspace's team roles (the login itself stays: it may belong
    to another workspace of the server); the roles it left."""
    left = team_memberships(conn, roles, login)
    for group in left:
        _run(conn, f"REVOKE {ident(group)} FROM {ident(login)}")
    return left


def logins(conn: Connection, roles: TeamRoles) -> list[Login]:
    """Every login holding one of the workspace's team roles, by name."""
    rows = conn.exec_driver_sql(
        "SELECT u.rolname, g.rolname FROM pg_catalog.pg_auth_members m"
        " JOIN pg_catalog.pg_roles g ON g.oid = m.roleid"
        " JOIN pg_catalog.pg_roles u ON u.oid = m.member"
        f" WHERE u.rolcanlogin AND starts_with(g.rolname, {literal(roles.prefix + '_')})"
        " ORDER BY u.rolname, g.rolname"
    )
    out: list[Login] = []
    for user, group in rows:
        kind, department = _kind_of(roles, str(group))
        if kind:
            out.append(Login(str(user), kind, department))
    return out


def _kind_of(roles: TeamRoles, group: str) -> tuple[str, str]:
    if group == roles.manager:
        return MANAGER, ""
    if group == roles.readonly:
        return READONLY, ""
    if group.startswith(roles.department_prefix):
        return DEPARTMENT, group.removeprefix(roles.department_prefix)
    return "", ""


def identity(conn: Connection) -> Identity:
    """Who the session of ``conn`` is in its team workspace, from its role memberships."""
    login = str(_scalar(conn, "SELECT session_user"))
    roles = team_roles_of(conn)
    if roles is None:
        return Identity(login, "owner")
    if _scalar(conn, "SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user"):
        return Identity(login, "owner")
    if _scalar(conn, f"SELECT pg_has_role(current_user, {literal(roles.manager)}, 'USAGE')"):
        return Identity(login, MANAGER)
    rows = conn.exec_driver_sql(
        "SELECT substr(r.rolname, "
        f"{len(roles.department_prefix) + 1}) FROM pg_catalog.pg_roles r"
        f" WHERE starts_with(r.rolname, {literal(roles.department_prefix)})"
        " AND pg_has_role(current_user, r.oid, 'USAGE') ORDER BY r.rolname"
    )
    departments = tuple(str(r[0]) for r in rows)
    if departments:
        return Identity(login, DEPARTMENT, departments)
    if _scalar(conn, f"SELECT pg_has_role(current_user, {literal(roles.readonly)}, 'USAGE')"):
        return Identity(login, READONLY)
    return Identity(login, "")


def uninstall(conn: Connection) -> list[str]:
    """Drop the team roles of the workspace ``conn`` is connected to (their rights and policies
    go with them; the tables pass to the current user; the CHECK constraints stay: they hold for
    any writer). The logins stay. The roles dropped."""
    roles = team_roles_of(conn)
    if roles is None:
        return []
    rows = conn.exec_driver_sql(
        "SELECT rolname FROM pg_catalog.pg_roles"
        f" WHERE starts_with(rolname, {literal(roles.prefix + '_')}) AND NOT rolcanlogin"
        " ORDER BY rolname DESC"
    )
    groups = [str(r[0]) for r in rows]
    schema = schema_name(conn)
    s = ident(schema)
    tables = workspace_tables(conn, schema)
    for table in RLS_TABLES:
        if table not in tables:
            continue
        t = f"{s}.{ident(table)}"
        _run(conn, f"DROP TRIGGER IF EXISTS team_guard ON {t}")
        _run(conn, f"DROP TRIGGER IF EXISTS team_stamp ON {t}")
        _drop_policies(conn, schema, table)
        _run(conn, f"ALTER TABLE {t} NO FORCE ROW LEVEL SECURITY")
        _run(conn, f"ALTER TABLE {t} DISABLE ROW LEVEL SECURITY")
    for function in TEAM_FUNCTIONS:
        _run(conn, f"DROP FUNCTION IF EXISTS {s}.{function}")
    _run(conn, f"DROP TABLE IF EXISTS {s}.team_items")
    if groups:
        names = ", ".join(ident(g) for g in groups)
        _run(conn, f"REASSIGN OWNED BY {names} TO CURRENT_USER")
        _run(conn, f"DROP OWNED BY {names}")
        for group in groups:
            _run(conn, f"DROP ROLE {ident(group)}")
    return groups


# --- on an open workspace (the team services' way in) ------------------------------------------


def check_administrator(conn: Connection, address: str) -> None:
    """NotPermitted unless the session may create roles (a superuser, or CREATEROLE)."""
    row = conn.exec_driver_sql(
        "SELECT rolsuper, rolcreaterole FROM pg_catalog.pg_roles WHERE rolname = current_user"
    ).first()
    if row is None or not (row[0] or row[1]):
        raise NotPermitted(
            address,
            "team roles",
            what_zh="团队角色",
            reason_zh="设置团队角色和登录需要服务器管理员的登录（超级用户或有 CREATEROLE 权限）",
            reason_en="setting up team roles and logins needs a server administrator's login (a"
            " superuser or a role with CREATEROLE)",
        )


def is_administrator(store: WorkspaceStore) -> bool:
    """Whether the login of ``store`` may set up team roles and logins (``check_administrator``)."""
    with store._read() as conn:
        try:
            check_administrator(conn, store.address)
        except NotPermitted:
            return False
    return True


def setup_store(
    store: WorkspaceStore,
    department_keys: Iterable[str],
    item_departments: Mapping[str, str] | None = None,
) -> SetupReport:
    """``install`` on the server workspace ``store`` (opened with an administrator's login)."""
    with store._write() as conn:
        check_administrator(conn, store.address)
        return install(conn, department_keys, item_departments)


def put_login(
    store: WorkspaceStore,
    login: str,
    kind: str,
    department: str,
    password: str | None,
    department_keys: Iterable[str],
    item_departments: Mapping[str, str] | None = None,
) -> bool:
    """The team roles brought up to date, then ``login`` given the role of ``kind`` (and
    ``department``) and no other of the workspace; True when the login was created."""
    with store._write() as conn:
        check_administrator(conn, store.address)
        roles = install(conn, department_keys, item_departments).roles
        return set_login(conn, roles, login, roles.of(kind, department), password)


def drop_login(store: WorkspaceStore, login: str) -> list[str]:
    with store._write() as conn:
        check_administrator(conn, store.address)
        roles = team_roles_of(conn)
        return [] if roles is None else remove_login(conn, roles, login)


def list_logins(store: WorkspaceStore) -> list[Login]:
    with store._read() as conn:
        roles = team_roles_of(conn)
        return [] if roles is None else logins(conn, roles)


def set_template(
    store: WorkspaceStore,
    yaml_text: str,
    item_departments: Mapping[str, str],
    owners: Mapping[str, str],
) -> bool:
    """The checklist replaced by ``yaml_text`` and, on a team workspace, its items' departments
    written for the rules (``set_item_departments``) in the same transaction: a head's rights
    follow the new checklist at once. True on a team workspace."""
    with store._write() as conn:
        conn.execute(
            update(template)
            .where(template.c.id == 1)
            .values(yaml=yaml_text, version=template.c.version + 1)
        )
        return set_item_departments(conn, item_departments, owners)


def sync_items(
    store: WorkspaceStore, item_departments: Mapping[str, str], owners: Mapping[str, str]
) -> bool:
    """``set_item_departments`` in a transaction of its own (after a department's merge or
    absence: the rules follow merges themselves; the rows' department columns are brought up to
    date). True on a team workspace."""
    with store._write() as conn:
        return set_item_departments(conn, item_departments, owners)


def department_roles_missing(store: WorkspaceStore, department_keys: Iterable[str]) -> list[str]:
    """``missing_department_roles`` of the workspace ``store``."""
    with store._read() as conn:
        return missing_department_roles(conn, department_keys)


def identity_of(store: WorkspaceStore) -> Identity:
    with store._read() as conn:
        return identity(conn)
