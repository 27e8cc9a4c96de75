"""Changes announced as they are committed on a team workspace (PostgreSQL LISTEN/NOTIFY), and who
is connected.

Triggers on the tables people edit call ``pg_notify('ipaudit', payload)`` for every changed row;
PostgreSQL delivers a notification when (and only when) the transaction commits, to every session
that has run ``LISTEN ipaudit`` on the same database. The payload is JSON::

    {"t": "item_states", "op": "UPDATE", "key": "rnd.interview", "app": "ipaudit:…"}

``key`` is the row's item key for item_states and evidence, and "" for workspace-wide changes
(facts, departments, records, the information, rates …); ``app`` the application_name of the
session that made the change (each client tags its connections with its own, so it can tell its
own changes from others').

A notification is only a hint to read again: any login may send one with ``pg_notify`` and write
anything in it. So nothing in it is shown as fact; in particular who made a change is never read
from it (triggers installed by earlier versions still send a "by", which is ignored) but from the
row the change stamped — the ``edited:`` row of ``meta``, whose "by" the server sets to the
session's login on a team workspace (``team_roles``' team_stamp trigger): ``Listener.editor``.
A forged notification can at most make the clients read again.

``Listener`` is one dedicated connection (psycopg, autocommit) that listens and, on the same
connection, reads who else is connected from ``pg_stat_activity``. Only imported for a server
workspace: a workspace file never loads psycopg.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, event, text

if TYPE_CHECKING:
    from ipaudit.store.edits import Editor

CHANNEL = "ipaudit"
FUNCTION = "ipaudit_notify"
TRIGGER = "ipaudit_notify"
#: the application_name prefix of the app's connections (store/server.py names them "ipaudit")
APP_PREFIX = "ipaudit"

#: the tables whose changes are announced: table -> the column holding the item key ("" for none)
WATCHED: dict[str, str] = {
    "item_states": "item_key",
    "evidence": "item_key",
    "facts": "",
    "departments": "",
    "records": "",
    "acceptances": "",
    "template": "",
    "meta": "",
    "rates": "",
    "ledger_imports": "",
}

FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    row_json jsonb;
    item text := '';
BEGIN
    IF TG_ARGV[0] <> '' THEN
        row_json := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
        item := coalesce(row_json ->> TG_ARGV[0], '');
    END IF;
    PERFORM pg_notify('{CHANNEL}', json_build_object(
        't', TG_TABLE_NAME, 'op', TG_OP, 'key', item,
        'app', current_setting('application_name', true))::text);
    RETURN NULL;
END
$fn$
"""


def _tables(conn: Connection) -> set[str]:
    rows = conn.execute(
        text(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
    )
    return {str(r[0]) for r in rows}


def install(conn: Connection) -> list[str]:
    """Create (or replace) the notifying function and its triggers on the watched tables that
    exist; the login must own the tables. Returns the tables watched."""
    conn.execute(text(FUNCTION_SQL))
    present = _tables(conn)
    done = []
    for table, key in WATCHED.items():
        if table not in present:
            continue
        conn.execute(text(f'DROP TRIGGER IF EXISTS {TRIGGER} ON "{table}"'))
        conn.execute(
            text(
                f'CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON "{table}"'
                f" FOR EACH ROW EXECUTE FUNCTION {FUNCTION}('{key}')"
            )
        )
        done.append(table)
    return done


def installed(conn: Connection) -> set[str]:
    """The watched tables that have the trigger."""
    rows = conn.execute(
        text(
            "SELECT c.relname FROM pg_catalog.pg_trigger t"
            " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
            " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            " WHERE t.tgname = :name AND n.nspname = current_schema()"
        ),
        {"name": TRIGGER},
    )
    return {str(r[0]) for r in rows} & set(WATCHED)


def tag_connections(engine: Engine, application_name: str) -> None:
    """Name every connection of ``engine`` ``application_name`` (what ``pg_stat_activity``
    shows, and the ``app`` of the changes it makes): each is named when it is next taken from the
    pool, those already in it included (no connection is dropped for it)."""

    def tag(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        if record.info.get("application_name") == application_name:
            return
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute("SELECT set_config('application_name', %s, false)", (application_name,))
        finally:
            cursor.close()
        dbapi_conn.commit()
        record.info["application_name"] = application_name

    event.listen(engine, "checkout", tag)


@dataclass(frozen=True, slots=True)
class Notice:
    """One announced change: its table, operation, item key ("" workspace-wide) and client, as
    the notification says (a hint to read again: any login may send one). Who made it is not
    taken from it (``Listener.editor`` reads the stamped row)."""

    table: str
    op: str
    key: str
    app: str

    @classmethod
    def parse(cls, payload: str) -> Notice | None:
        try:
            data = json.loads(payload)
            return cls(
                str(data["t"]),
                str(data["op"]),
                str(data.get("key") or ""),
                str(data.get("app") or ""),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


@dataclass(frozen=True, slots=True)
class Session:
    """A connection of the app to the workspace's database, as ``pg_stat_activity`` shows it."""

    login: str
    app: str
    since: dt.datetime | None
    client: str  # the host it connects from ("" for a local socket)


class Listener:
    """A dedicated connection that listens for ``CHANNEL``. Its failures are workspace errors:
    ServerUnreachable or NotAuthorised when connecting, ConnectionLost once connected (the caller
    reconnects)."""

    def __init__(self, url: str, application_name: str, connect_timeout: int = 5) -> None:
        import psycopg

        from ipaudit.store.address import masked

        self.address = masked(url)
        try:
            self.conn = psycopg.connect(
                url,
                autocommit=True,
                connect_timeout=connect_timeout,
                application_name=application_name,
            )
        except psycopg.Error as exc:
            raise self._translated(exc) from exc
        try:
            with self._errors():
                self.conn.execute(f"LISTEN {CHANNEL}")
        except BaseException:
            self.close()
            raise

    def _translated(self, exc: BaseException) -> Exception:
        from ipaudit.store.errors import ConnectionLost
        from ipaudit.store.server import translate_pg

        return translate_pg(exc, self.address) or ConnectionLost(self.address)

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        import psycopg

        try:
            yield
        except psycopg.Error as exc:
            raise self._translated(exc) from exc

    def wait(self, timeout: float) -> list[Notice]:
        """The changes committed since the last call, waiting up to ``timeout`` seconds for the
        first one (the ones that follow at once come along)."""
        notices: list[Notice] = []
        with self._errors():
            for raw in self.conn.notifies(timeout=timeout, stop_after=1):
                notice = Notice.parse(raw.payload)
                if notice is not None:
                    notices.append(notice)
            if notices:  # whatever else arrived meanwhile, without waiting
                for raw in self.conn.notifies(timeout=0.01):
                    notice = Notice.parse(raw.payload)
                    if notice is not None:
                        notices.append(notice)
        return notices

    def editor(self, table: str, key: str) -> Editor:
        """Who saved the row ``key`` of ``table`` last, and when: the ``edited:`` row of
        ``meta`` as stored (its "by" stamped by the server with the login on a team workspace),
        read on this connection — never what a notification claims."""
        from ipaudit.store import edits

        with self._errors():
            row = self.conn.execute(
                "SELECT value FROM meta WHERE key = %s", (edits.editor_key(table, key),)
            ).fetchone()
        return edits.editor_from_value(str(row[0]) if row and row[0] is not None else None)

    def sessions(self) -> list[Session]:
        """The app's connections to this database (this listener's included)."""
        with self._errors():
            rows = self.conn.execute(
                "SELECT usename, application_name, backend_start, client_addr::text"
                " FROM pg_catalog.pg_stat_activity"
                " WHERE datname = current_database() AND starts_with(application_name, %s)"
                " ORDER BY backend_start",
                (APP_PREFIX,),
            ).fetchall()
        return [Session(str(r[0] or ""), str(r[1] or ""), r[2], str(r[3] or "")) for r in rows]

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()


def ensure_installed(store: Any) -> bool:
    """Install the triggers on the server workspace ``store`` unless they are there; False when
    they are missing and this login may not create them (only the tables' owner may: the
    manager installs them by opening the workspace once, or ``ipaudit team setup`` does)."""
    from ipaudit.store.errors import WorkspaceError

    try:
        with store._read() as conn:
            present = _tables(conn) & set(WATCHED)
            if present and installed(conn) >= present:
                return True
        with store._write() as conn:
            install(conn)
    except WorkspaceError:
        return False
    return True


def tag_store(store: Any, application_name: str) -> None:
    """``tag_connections`` for the engine of the server workspace ``store``."""
    tag_connections(store.engine, application_name)
