"""The workspace file: one SQLite file holding an audit cycle, its facts, answers and evidence bytes.

Every edit is its own transaction. Opening an older file migrates it after writing a backup beside
it; a newer file is refused untouched.

A ``postgresql://`` address instead of a path opens or creates a team workspace on a server: the
same store (ipaudit/store/server.py, loaded only then).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Connection, delete, func, insert, select, update

from ipaudit.domain.model import (
    Department,
    Evidence,
    Facts,
    ItemState,
    Status,
    WorkspaceInfo,
)
from ipaudit.progress import CancelCheck, Progress
from ipaudit.store import blobs as blobstore
from ipaudit.store import codec, edits
from ipaudit.store import schema as s
from ipaudit.store.address import server_url
from ipaudit.store.engine import (
    BUSY_TIMEOUT_MS,
    IMMUTABLE,
    READ_ONLY,
    check_file,
    inserted_id,
    lock_key,
    make_engine,
    read_only_uri,
    translated,
)
from ipaudit.store.errors import (
    EditConflict,
    InvalidInput,
    ReadOnlyWorkspace,
    SourceFileChanged,
    SourceFileMissing,
    WorkspaceNotFound,
    WorkspaceVanished,
)
from ipaudit.store.migrations import backup, backup_path, check_version, read_version, upgrade
from ipaudit.store.structure import check_structure

#: set (to "1") to open every workspace read-only, as ``main.py --read-only`` does
READ_ONLY_ENV = "IPAUDIT_READ_ONLY"


def read_only_opening() -> Callable[[], None]:
    """Open every workspace read-only from now on (``--read-only``); returns what undoes it."""
    before = os.environ.get(READ_ONLY_ENV)
    os.environ[READ_ONLY_ENV] = "1"

    def restore() -> None:
        if before is None:
            os.environ.pop(READ_ONLY_ENV, None)
        else:
            os.environ[READ_ONLY_ENV] = before

    return restore


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def read_only_reason(path: Path, requested: bool | None = None) -> str:
    """Why ``path`` must be opened read-only ("" when it can be written): a ReadOnlyWorkspace
    reason. ``requested`` None follows the IPAUDIT_READ_ONLY environment variable."""
    if requested is None:
        requested = os.environ.get(READ_ONLY_ENV, "") not in ("", "0")
    if requested:
        return "requested"
    if not os.access(path, os.W_OK):
        return "file"
    if not os.access(path.absolute().parent, os.W_OK):
        return "folder"  # SQLite cannot make its -wal/-shm files beside it
    return ""


def _file_id(path: Path) -> tuple[int, int] | None:
    """Which file ``path`` is (device and inode), None when there is none: an open workspace
    whose file was moved, deleted or replaced no longer takes edits (they would be lost)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


class WorkspaceStore:
    """Typed access to one workspace file. Thread-safe: each call uses its own connection.

    A workspace that cannot be written opens read-only (``read_only`` says why): everything can
    be read and exported, and every edit raises ReadOnlyWorkspace before touching the file.

    ``open`` and ``create`` take a ``postgresql://`` address too and then return a
    ServerWorkspaceStore (``is_server``), whose ``path`` shows the address without its password.
    """

    #: a team workspace on a server (ServerWorkspaceStore) rather than a file
    is_server = False

    def __init__(
        self,
        path: Path,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        read_only: str = "",
        mode: str = "",
    ) -> None:
        """``read_only``: why it is opened read-only, ``mode`` how (engine READ_ONLY/IMMUTABLE)."""
        self.path = Path(path)
        self.address = str(self.path)  # what names it to the user: the path, or the server's URL
        self.read_only = read_only
        self.engine = make_engine(self.path, busy_timeout_ms, mode if read_only else "")
        self.backup_written: Path | None = None
        self._opened_file = _file_id(self.path)

    # --- opening and creating ---------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        info: WorkspaceInfo,
        template_yaml: str,
        departments: list[Department],
        facts: Facts | None = None,
    ) -> WorkspaceStore:
        url = server_url(path)
        if url is not None:
            from ipaudit.store.server import ServerWorkspaceStore

            return ServerWorkspaceStore.create_server(url, info, template_yaml, departments, facts)
        path = Path(path)
        if path.exists():
            raise InvalidInput(
                f"{path} 已存在；请换一个文件名，或打开它。",
                f"{path} already exists; choose another name or open it.",
                path,
            )
        with translated(path):
            raw = sqlite3.connect(path)
            try:
                raw.execute("PRAGMA page_size = 65536")  # fewer pages per evidence chunk
                raw.execute("PRAGMA journal_mode = WAL")
            finally:
                raw.close()
        store = cls(path)
        try:
            with store._write() as conn:
                upgrade(conn, 0)
                store._fill(conn, info, template_yaml, departments, facts)
        except BaseException:
            store.close()
            path.unlink(missing_ok=True)
            raise
        return store

    def _fill(
        self,
        conn: Connection,
        info: WorkspaceInfo,
        template_yaml: str,
        departments: list[Department],
        facts: Facts | None,
    ) -> None:
        """The first rows of a new workspace, in the transaction that made its tables."""
        self._put_info(conn, info)
        conn.execute(insert(s.template).values(id=1, yaml=template_yaml, version=1))
        for pos, dep in enumerate(departments):
            conn.execute(insert(s.departments).values(**_dep_values(dep, pos)))
        sections = codec.facts_to_sections(facts or Facts())
        for key, value in sections.items():
            conn.execute(
                insert(s.facts).values(
                    key=key, value=codec.dumps(value), version=1, updated_at=_now()
                )
            )
        conn.execute(insert(s.meta).values(key="created_at", value=_now().isoformat()))

    @classmethod
    def open(
        cls,
        path: Path | str,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        *,
        read_only: bool | None = None,
    ) -> WorkspaceStore:
        """Open ``path``; read-only when asked (``read_only`` True, or the IPAUDIT_READ_ONLY
        variable when None) or when the file or its folder cannot be written. A
        ``postgresql://`` address opens the team workspace in that database."""
        url = server_url(path)
        if url is not None:
            from ipaudit.store.server import ServerWorkspaceStore

            return ServerWorkspaceStore.open_server(url, read_only=read_only)
        path = Path(path)
        check_file(path)
        reason = read_only_reason(path, read_only)
        if not reason:
            try:
                version = cls._prepare(path, f"{path.absolute().as_uri()}?mode=rw")
            except ReadOnlyWorkspace:  # a read-only disk, an immutable file
                reason = "refused"
        mode = ""
        if reason:
            # -wal/-shm can be made beside it: read it as it is now, also while someone writes
            mode = READ_ONLY
            if reason == "refused" or not os.access(path.absolute().parent, os.W_OK):
                mode = IMMUTABLE  # nothing can be made beside it, and nobody is writing it
            try:
                version = cls._prepare(path, read_only_uri(path, mode))
            except WorkspaceNotFound:  # it exists (checked): SQLite could not make its -shm
                mode = IMMUTABLE
                version = cls._prepare(path, read_only_uri(path, mode))
            if version < s.SCHEMA_VERSION:
                raise ReadOnlyWorkspace(path, reason)  # it needs an upgrade, which writes
        store = cls(path, busy_timeout_ms, reason, mode)
        if version < s.SCHEMA_VERSION:
            store.backup_written = backup(path, backup_path(path, version))
            with store._write() as conn:
                upgrade(conn, version)
        with translated(path), store.engine.connect() as conn:
            conn.execute(select(func.count()).select_from(s.meta)).scalar_one()
        return store

    @staticmethod
    def _prepare(path: Path, uri: str) -> int:
        """Check that ``uri`` opens an ipaudit workspace this version reads; WAL mode when it
        is opened for writing. The file's schema version."""
        with translated(path):
            raw = sqlite3.connect(uri, uri=True, timeout=3)
            try:
                app_id, version = read_version(raw)
                check_version(path, app_id, version)
                check_structure(raw, path, version)  # before WAL mode writes the header
                if "mode=rw" in uri:
                    raw.execute("PRAGMA journal_mode = WAL")
            finally:
                raw.close()
        return version

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> WorkspaceStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        if self.read_only:
            raise ReadOnlyWorkspace(self.path, self.read_only)
        file_id = getattr(self, "_opened_file", None)  # None: a server, or a file not there yet
        if file_id is not None and _file_id(self.path) != file_id:
            raise WorkspaceVanished(self.path)
        with (
            translated(self.path),
            self.engine.connect().execution_options(write=True) as conn,
            conn.begin(),
        ):
            yield conn

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        with translated(self.path), self.engine.connect() as conn, conn.begin():
            yield conn

    def save_copy(self, target: Path | str) -> Path:
        """A consistent copy of the workspace (SQLite backup API), e.g. "Save a copy as…"."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise InvalidInput(
                "不能覆盖正在使用的工作区。", "Cannot overwrite the open workspace.", target
            )
        tmp = target.with_name(target.name + ".part")
        tmp.unlink(missing_ok=True)
        with translated(target):
            backup(self.path, tmp)
            tmp.replace(target)
        return target

    def checkpoint(self) -> bool:
        """Copy the write-ahead log into the workspace file and empty it (``wal_checkpoint``
        TRUNCATE), so the .ipaudit file alone holds every committed edit. False when another
        program was reading and the log could not be emptied completely (nothing is lost)."""
        if self.read_only:
            return True
        with translated(self.path), self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            if raw is None:  # the pool invalidated it: nothing was checkpointed
                return False
            busy, _log, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return int(busy) == 0

    def integrity_check(self) -> str:
        with self._read() as conn:
            return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar_one())

    # --- workspace info and template ---------------------------------------------------------

    def _put_info(self, conn: Connection, info: WorkspaceInfo) -> None:
        for key, value in codec.info_to_meta(info).items():
            lock_key(conn, "meta", key)
            conn.execute(delete(s.meta).where(s.meta.c.key == key))
            if value is not None:
                conn.execute(insert(s.meta).values(key=key, value=value))

    def info(self) -> WorkspaceInfo:
        with self._read() as conn:
            rows = dict(conn.execute(select(s.meta.c.key, s.meta.c.value)).all())
        return codec.info_from_meta(rows)

    def set_info(
        self,
        info: WorkspaceInfo,
        *,
        base: WorkspaceInfo | None = None,
        check: Callable[[WorkspaceInfo], None] | None = None,
    ) -> WorkspaceInfo:
        """Store ``info``; returns it as stored.

        With ``base`` (the information this edit started from) only the fields changed from
        ``base`` are applied to the information as stored now, so that one person fixing the
        company's name keeps another's new audit dates; a field both changed differently is an
        EditConflict (the audit dates and the period each go as a pair). ``check`` is called with
        the information about to be stored (it raises to refuse it), in the same transaction.
        """
        with self._write() as conn:
            lock_key(conn, "meta", edits.INFO_KEY)
            if base is not None:
                theirs = codec.info_from_meta(
                    dict(conn.execute(select(s.meta.c.key, s.meta.c.value)).all())
                )
                try:
                    info = edits.merge_info(base, info, theirs)
                except edits.MergeConflict as exc:
                    raise self._conflict(conn, "meta", edits.INFO_KEY, exc.edited) from None
                if info == theirs:
                    return info
            if check is not None:
                check(info)
            self._put_info(conn, info)
            self._mark_edited(conn, "meta", edits.INFO_KEY)
        return info

    def meta_value(self, key: str) -> str | None:
        with self._read() as conn:
            value = conn.execute(
                select(s.meta.c.value).where(s.meta.c.key == key)
            ).scalar_one_or_none()
        return None if value is None else str(value)

    def template_yaml(self) -> str:
        with self._read() as conn:
            yaml = conn.execute(select(s.template.c.yaml).where(s.template.c.id == 1)).scalar_one()
        return str(yaml)

    def set_template_yaml(self, text: str) -> None:
        with self._write() as conn:
            conn.execute(
                update(s.template)
                .where(s.template.c.id == 1)
                .values(yaml=text, version=s.template.c.version + 1)
            )

    # --- departments -------------------------------------------------------------------------

    def departments(self) -> list[Department]:
        with self._read() as conn:
            rows = conn.execute(select(s.departments).order_by(s.departments.c.position)).all()
        return [codec.department_from_row(r) for r in rows]

    def save_department(self, dep: Department) -> None:
        """Insert or update one department (rename, mark absent, merge, move)."""
        self.update_department(dep.key, lambda _current: dep)

    def update_department(
        self, key: str, change: Callable[[Department | None], Department]
    ) -> Department:
        """Apply ``change`` to department ``key`` as stored now (None when there is none yet) and
        store the result, read and write in one transaction."""
        with self._write() as conn:
            lock_key(conn, "departments", key)
            row = conn.execute(
                select(s.departments).where(s.departments.c.key == key).with_for_update()
            ).first()
            current = codec.department_from_row(row) if row else None
            dep = change(current)
            values = _dep_values(dep, dep.position)
            if current is not None:
                values.pop("key")
                conn.execute(
                    update(s.departments)
                    .where(s.departments.c.key == key)
                    .values(**values, version=s.departments.c.version + 1)
                )
            else:
                conn.execute(insert(s.departments).values(**values))
            self._mark_edited(conn, "departments", key)
        return dep

    # --- who edited a row last ---------------------------------------------------------------

    def editor_name(self, conn: Connection) -> str:
        """Who is editing, as stored with a changed row: the operating system's user (a server
        workspace says its database login)."""
        return edits.os_user()

    def _mark_edited(self, conn: Connection, table: str, key: str) -> None:
        meta_key = edits.editor_key(table, key)
        lock_key(conn, "meta", meta_key)
        value = edits.editor_value(_now(), self.editor_name(conn))
        # one statement for a row edited before (the usual case), an insert for its first edit
        changed = conn.execute(update(s.meta).where(s.meta.c.key == meta_key).values(value=value))
        if not changed.rowcount:
            conn.execute(insert(s.meta).values(key=meta_key, value=value))

    def _editor(self, conn: Connection, table: str, key: str) -> edits.Editor:
        value = conn.execute(
            select(s.meta.c.value).where(s.meta.c.key == edits.editor_key(table, key))
        ).scalar_one_or_none()
        return edits.editor_from_value(value)

    def editor(self, table: str, key: str) -> edits.Editor:
        """Who saved the row ``key`` of ``table`` last, and when."""
        with self._read() as conn:
            return self._editor(conn, table, key)

    def _conflict(self, conn: Connection, table: str, key: str, what: edits.Edited) -> EditConflict:
        who = self._editor(conn, table, key)
        return EditConflict(self.path, what, who.by, who.at)

    # --- facts -------------------------------------------------------------------------------

    def facts(self) -> Facts:
        with self._read() as conn:
            return self._facts(conn)

    @staticmethod
    def _facts(conn: Connection, *, lock: bool = False) -> Facts:
        """The facts as stored; ``lock``: held until the transaction ends, to change them."""
        query = select(s.facts.c.key, s.facts.c.value)
        if lock:
            lock_key(conn, "facts", "")  # also a section not stored yet
            query = query.with_for_update()
        rows = conn.execute(query).all()
        return codec.facts_from_sections({k: json.loads(v) for k, v in rows})

    def set_facts(self, facts: Facts, *, base: Facts | None = None) -> Facts:
        """Store ``facts``: the sections that changed, each row's version bumped.

        With ``base`` (the facts this edit started from) only what changed from ``base`` is
        applied to the facts as stored now; a section someone else changed differently meanwhile
        is an EditConflict. Returns the facts as stored.
        """
        if base is None:
            return self.update_facts(lambda _current: facts)
        mine = codec.facts_to_sections(facts)
        start = codec.facts_to_sections(base)
        with self._write() as conn:
            theirs = codec.facts_to_sections(self._facts(conn, lock=True))
            try:
                merged = edits.merge_sections(start, mine, theirs)
            except edits.MergeConflict as exc:
                raise self._conflict(conn, "facts", exc.edited.part, exc.edited) from None
            return self._put_facts(conn, codec.facts_from_sections(merged))

    def update_facts(self, change: Callable[[Facts], Facts]) -> Facts:
        """Apply ``change`` to the facts as stored now and store the result, read and write in
        one transaction (two people declaring two facts at once both keep theirs)."""
        with self._write() as conn:
            return self._put_facts(conn, change(self._facts(conn, lock=True)))

    def _put_facts(self, conn: Connection, facts: Facts) -> Facts:
        current = dict(conn.execute(select(s.facts.c.key, s.facts.c.value)).all())
        for key, value in codec.facts_to_sections(facts).items():
            text = codec.dumps(value)
            if current.get(key) == text:
                continue
            if key in current:
                conn.execute(
                    update(s.facts)
                    .where(s.facts.c.key == key)
                    .values(value=text, version=s.facts.c.version + 1, updated_at=_now())
                )
            else:
                conn.execute(
                    insert(s.facts).values(key=key, value=text, version=1, updated_at=_now())
                )
            self._mark_edited(conn, "facts", key)
        return facts

    # --- item states -------------------------------------------------------------------------

    def item_states(self) -> dict[str, ItemState]:
        with self._read() as conn:
            rows = conn.execute(select(s.item_states)).all()
        return {r.item_key: codec.state_from_row(r) for r in rows}

    def item_state(self, item_key: str) -> ItemState:
        with self._read() as conn:
            return self._item_state(conn, item_key)

    @staticmethod
    def _item_state(conn: Connection, item_key: str, *, lock: bool = False) -> ItemState:
        """The item's state as stored; ``lock``: held until the transaction ends, to change it."""
        query = select(s.item_states).where(s.item_states.c.item_key == item_key)
        if lock:
            lock_key(conn, "item_states", item_key)  # also a state not stored yet
            query = query.with_for_update()
        row = conn.execute(query).first()
        return codec.state_from_row(row) if row else ItemState(item_key)

    @staticmethod
    def _owner(conn: Connection, item_key: str) -> str | None:
        return conn.execute(
            select(s.item_states.c.department).where(s.item_states.c.item_key == item_key)
        ).scalar_one_or_none()

    def save_item_state(
        self,
        state: ItemState,
        department: str,
        *,
        check_version: bool = False,
        base: ItemState | None = None,
    ) -> ItemState:
        """Store ``state``; returns it as stored, with its new version.

        ``check_version``: refuse (EditConflict) when the stored version is not ``state.version``.
        ``base``: the state this edit started from; what changed from ``base`` to ``state`` is
        applied to the state as stored now (which someone may have saved meanwhile), and only a
        field both changed differently is an EditConflict. Undo is the same edit the other way
        (``state`` the old state, ``base`` the new one).
        """
        key = state.item_key

        def change(current: ItemState) -> ItemState:
            if base is not None:  # (also when the version is base's: the row may hold a merge)
                return edits.merge_state(base, state, current)
            if check_version and current.version != state.version:
                raise edits.MergeConflict(edits.Edited(key))
            return state

        return self.update_item_state(key, department, change, always=True)

    def update_item_state(
        self,
        item_key: str,
        department: str,
        change: Callable[[ItemState], ItemState],
        *,
        always: bool = False,
    ) -> ItemState:
        """Apply ``change`` to the item's state as stored now and store the result, read and
        write in one transaction. Unless ``always``, nothing is written when ``change`` leaves it
        as it was."""
        with self._write() as conn:
            current = self._item_state(conn, item_key, lock=True)
            try:
                state = change(current)
            except edits.MergeConflict as exc:
                raise self._conflict(conn, "item_states", item_key, exc.edited) from None
            new = replace(state, item_key=item_key, version=current.version)
            if (
                not always
                and new == current
                and current.version
                and department == self._owner(conn, item_key)
            ):
                return current
            values = {
                "department": department,
                "status": state.status.value,
                "na_reason": state.na_reason,
                "notes": state.notes,
                "answers": codec.dumps(state.answers),
                "instance_names": codec.dumps(list(state.instance_names)),
                "updated_at": _now(),
            }
            if current.version == 0:
                conn.execute(insert(s.item_states).values(item_key=item_key, version=1, **values))
            else:
                conn.execute(
                    update(s.item_states)
                    .where(s.item_states.c.item_key == item_key)
                    .values(version=current.version + 1, **values)
                )
            self._mark_edited(conn, "item_states", item_key)
            return replace(new, version=current.version + 1)

    # --- evidence ----------------------------------------------------------------------------

    def evidence(self, item_key: str | None = None, *, include_old: bool = False) -> list[Evidence]:
        """Evidence not removed, of one item or all (indexed by item), current versions unless
        ``include_old``."""
        query = select(s.evidence).where(s.evidence.c.removed.is_(False)).order_by(s.evidence.c.id)
        if item_key is not None:
            query = query.where(s.evidence.c.item_key == item_key)
        if not include_old:
            query = query.where(s.evidence.c.current.is_(True))
        with self._read() as conn:
            return [codec.evidence_from_row(r) for r in conn.execute(query)]

    def evidence_by_id(self, evidence_id: int) -> Evidence:
        with self._read() as conn:
            row = conn.execute(select(s.evidence).where(s.evidence.c.id == evidence_id)).first()
        if row is None:
            raise InvalidInput(
                f"证据 {evidence_id} 不存在。", f"There is no evidence {evidence_id}.", self.path
            )
        return codec.evidence_from_row(row)

    def attach(
        self,
        source: Path | str,
        *,
        item_key: str,
        department: str,
        slot: str = "",
        title: str = "",
        doc_number: str = "",
        version: str = "",
        doc_date: dt.date | None = None,
        period_start: dt.date | None = None,
        period_end: dt.date | None = None,
        supersedes: int | None = None,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
    ) -> Evidence:
        """Stream ``source`` into the workspace and link it to ``item_key`` — one transaction.

        A file whose size or modification time changed while it was read (still being written,
        replaced) is refused with SourceFileChanged and nothing is stored.
        """
        source = Path(source)
        if source.exists() and not source.is_file():  # a folder, device or pipe: never a record
            raise SourceFileMissing(source)  # (/dev/zero would fill the disk, a pipe would hang)
        try:
            fh: BinaryIO = source.open("rb")
        except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
            raise SourceFileMissing(source) from exc
        with fh:
            before = os.fstat(fh.fileno())
            total = before.st_size

            def unchanged(size: int) -> None:
                try:
                    after = (os.fstat(fh.fileno()), source.stat())
                except OSError as exc:  # moved or deleted while being read
                    raise SourceFileChanged(source) from exc
                if size != total or any(
                    (st.st_size, st.st_mtime_ns, st.st_ino)
                    != (size, before.st_mtime_ns, before.st_ino)
                    for st in after
                ):
                    raise SourceFileChanged(source)

            fields = {
                "item_key": item_key,
                "slot": slot,
                "department": department,
                "original_name": source.name,
                "title": title or source.stem,
                "doc_number": doc_number,
                "version_label": version,
                "doc_date": doc_date,
                "period_start": period_start,
                "period_end": period_end,
                "supersedes": supersedes,
            }
            return self._attach_stream(fh, total, fields, progress, cancel, unchanged)

    def _attach_stream(
        self,
        fh: BinaryIO,
        total: int,
        fields: dict[str, Any],
        progress: Progress | None,
        cancel: CancelCheck | None,
        check: Callable[[int], None] | None = None,
    ) -> Evidence:
        """``check(size read)`` raises when the source changed: the transaction is rolled back."""
        with self._write() as conn:
            savepoint = conn.begin_nested()
            blob_id, sha, size = blobstore.write_stream(conn, fh, total, progress, cancel)
            if check is not None:
                check(size)
            if blobstore.blob_exists(conn, sha):
                savepoint.rollback()  # the same bytes are stored already: keep one copy
            else:
                blobstore.finish_blob(conn, blob_id, sha, size)
                savepoint.commit()
            old_id = fields["supersedes"]
            if old_id is not None:
                lock_key(conn, "evidence", str(old_id))
                old = conn.execute(
                    select(s.evidence.c.current, s.evidence.c.title)
                    .where(s.evidence.c.id == old_id)
                    .with_for_update()
                ).first()
                if old is not None and not old.current:  # replaced by someone else meanwhile
                    raise self._conflict(conn, "evidence", str(old_id), old.title)
                conn.execute(
                    update(s.evidence)
                    .where(s.evidence.c.id == old_id)
                    .values(current=False, version=s.evidence.c.version + 1)
                )
                self._mark_edited(conn, "evidence", str(old_id))
            new_id = inserted_id(
                conn.execute(
                    insert(s.evidence).values(
                        sha256=sha, size=size, added_at=_now(), current=True, **fields
                    )
                )
            )
            row = conn.execute(select(s.evidence).where(s.evidence.c.id == new_id)).one()
        return codec.evidence_from_row(row)

    def update_evidence(self, evidence_id: int, **changes: Any) -> Evidence:
        """Edit metadata: title, doc_number, version, doc_date, period_start, period_end, slot."""
        allowed = {
            "title",
            "doc_number",
            "version",
            "doc_date",
            "period_start",
            "period_end",
            "slot",
            "item_key",
        }
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        if "version" in changes:
            changes["version_label"] = changes.pop("version")
        with self._write() as conn:
            conn.execute(
                update(s.evidence)
                .where(s.evidence.c.id == evidence_id)
                .values(**changes, version=s.evidence.c.version + 1)
            )
            row = conn.execute(select(s.evidence).where(s.evidence.c.id == evidence_id)).one()
        return codec.evidence_from_row(row)

    def set_evidence_removed(self, evidence_id: int, removed: bool) -> None:
        """Remove (or restore) an evidence link; a removed version's predecessor becomes current again."""
        with self._write() as conn:
            row = conn.execute(select(s.evidence).where(s.evidence.c.id == evidence_id)).one()
            conn.execute(
                update(s.evidence)
                .where(s.evidence.c.id == evidence_id)
                .values(removed=removed, version=s.evidence.c.version + 1)
            )
            if row.supersedes is not None:
                conn.execute(
                    update(s.evidence)
                    .where(s.evidence.c.id == row.supersedes)
                    .values(current=removed)
                )

    def versions_of(self, evidence_id: int) -> list[Evidence]:
        """The chain of older versions behind ``evidence_id``, newest first."""
        chain: list[Evidence] = []
        current: int | None = self.evidence_by_id(evidence_id).supersedes
        while current is not None:
            ev = self.evidence_by_id(current)
            chain.append(ev)
            current = ev.supersedes
        return chain

    def iter_blob(self, sha256: str) -> Iterator[bytes]:
        with self._read() as conn:
            yield from blobstore.iter_blob(conn, sha256)

    def export_blob(self, sha256: str, target: Path | str) -> Path:
        target = Path(target)
        with target.open("wb") as out:
            for chunk in self.iter_blob(sha256):
                out.write(chunk)
        return target

    # --- accepted explanations and readiness history ----------------------------------------

    def acceptances(self) -> dict[str, str]:
        with self._read() as conn:
            rows = conn.execute(select(s.acceptances.c.finding_key, s.acceptances.c.explanation))
            return {key: text for key, text in rows}

    def accept(self, finding_key: str, explanation: str, *, base: str | None = None) -> None:
        """Accept ``finding_key`` with ``explanation``. ``base``: the explanation the user saw
        ("" when it was not accepted); when someone else stored another one meanwhile it is an
        EditConflict, not an overwrite. Without ``base`` the explanation replaces any other."""
        if not explanation.strip():
            raise InvalidInput(
                "接受差异需要书面说明。",
                "Accepting a difference needs a written explanation.",
                self.path,
            )
        self._put_acceptance(finding_key, explanation, base)

    def unaccept(self, finding_key: str, *, base: str | None = None) -> None:
        """Withdraw the acceptance of ``finding_key``; ``base`` as for ``accept``."""
        self._put_acceptance(finding_key, "", base)

    def _put_acceptance(self, finding_key: str, explanation: str, base: str | None) -> None:
        with self._write() as conn:
            lock_key(conn, "acceptances", finding_key)
            which = s.acceptances.c.finding_key == finding_key
            theirs = conn.execute(select(s.acceptances.c.explanation).where(which)).scalar()
            theirs = theirs or ""
            if base is not None and base != theirs:
                if theirs == explanation:
                    return
                what = edits.Edited(part=edits.ACCEPTANCE, key=finding_key)
                raise self._conflict(conn, "acceptances", finding_key, what)
            conn.execute(delete(s.acceptances).where(which))
            if explanation:
                conn.execute(
                    insert(s.acceptances).values(
                        finding_key=finding_key, explanation=explanation, accepted_at=_now()
                    )
                )
            self._mark_edited(conn, "acceptances", finding_key)

    def record_snapshot(
        self, day: dt.date, overall: float, per_department: dict[str, float], blocking: int
    ) -> None:
        with self._write() as conn:
            lock_key(conn, "snapshots", day.isoformat())
            conn.execute(delete(s.snapshots).where(s.snapshots.c.day == day))
            conn.execute(
                insert(s.snapshots).values(
                    day=day,
                    overall=str(overall),
                    per_department=codec.dumps(per_department),
                    blocking=blocking,
                )
            )

    def snapshots(self) -> list[tuple[dt.date, float, dict[str, float], int]]:
        with self._read() as conn:
            rows = conn.execute(select(s.snapshots).order_by(s.snapshots.c.day)).all()
        return [(r.day, float(r.overall), json.loads(r.per_department), r.blocking) for r in rows]

    def get_setting(self, key: str, default: str = "") -> str:
        with self._read() as conn:
            value = conn.execute(
                select(s.settings.c.value).where(s.settings.c.key == key)
            ).scalar_one_or_none()
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as conn:
            lock_key(conn, "settings", key)
            conn.execute(delete(s.settings).where(s.settings.c.key == key))
            conn.execute(insert(s.settings).values(key=key, value=value))

    def bump_setting(self, key: str) -> int:
        """Add one to the counter ``key`` (0 when unset), read and write in one transaction."""
        with self._write() as conn:
            lock_key(conn, "settings", key)
            value = conn.execute(
                select(s.settings.c.value).where(s.settings.c.key == key)
            ).scalar_one_or_none()
            count = int(value or 0) + 1
            conn.execute(delete(s.settings).where(s.settings.c.key == key))
            conn.execute(insert(s.settings).values(key=key, value=str(count)))
        return count


def _dep_values(dep: Department, position: int) -> dict[str, Any]:
    return {
        "key": dep.key,
        "name_zh": dep.name.zh,
        "name_en": dep.name.en,
        "absent": dep.absent,
        "merged_into": dep.merged_into,
        "position": position,
    }


def status_from_text(text: str) -> Status:
    try:
        return Status(text)
    except ValueError as exc:
        allowed = ", ".join(s.value for s in Status)
        raise InvalidInput(
            f"未知状态“{text}”；可选：{allowed}", f"Unknown status '{text}'; use one of: {allowed}"
        ) from exc
