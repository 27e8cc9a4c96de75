"""Use cases shared by the CLI and the GUI: one object per open workspace.

Every method that changes something is one transaction in the store; findings and readiness are
recomputed from what is stored (never typed in) and a readiness snapshot is kept for each day the
workspace changes.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipaudit.domain import department_rules
from ipaudit.domain.checks import CheckInput, item_department, run_checks
from ipaudit.domain.facts import Declared
from ipaudit.domain.model import (
    Department,
    Evidence,
    Facts,
    Finding,
    Item,
    ItemState,
    Readiness,
    Status,
    Template,
    Text,
    WorkspaceInfo,
)
from ipaudit.domain.readiness import compute_readiness
from ipaudit.domain.rules import is_mandatory, mandatory_keys
from ipaudit.domain.template import (
    TemplateError,
    builtin_path,
    builtin_text,
    load_builtin,
    load_template_text,
)
from ipaudit.domain.validation import (
    YEAR,
    check_department_key,
    check_evidence_dates,
    check_facts,
    check_name,
    without_invalid,
)
from ipaudit.progress import CancelCheck, Progress
from ipaudit.services import template_cache
from ipaudit.services.evidence_review import (
    AttachRefused,
    FileReview,
    attach_refusal,
    review_files,
    same_contents,
)
from ipaudit.services.ledger_cache import LedgerCache
from ipaudit.store.errors import InvalidInput, WorkspaceError, WorkspaceVanished
from ipaudit.store.records_store import RecordStore
from ipaudit.store.workspace_store import WorkspaceStore
from ipaudit.text import counted

if TYPE_CHECKING:  # loaded where used: opening a workspace needs none of them
    from ipaudit.services.evidence_dates import DateProposal
    from ipaudit.services.ledgers import LedgerBook
    from ipaudit.store.exports_store import ExportRecord
    from ipaudit.store.ledger_store import LedgerStore

FindingSource = Callable[["Workspace"], Iterable[Finding]]
DerivedSource = Callable[["Workspace"], Mapping[str, Declared]]


class StatusRefused(InvalidInput):
    """A status the item can never take (a mandatory item marked not applicable)."""

    code = "status_refused"


class ConfirmationNeeded(InvalidInput):
    """A status change the user must confirm (ready while a blocking finding is open)."""

    code = "confirmation_needed"


log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Assessment:
    """Findings and readiness computed together from one read of the workspace."""

    findings: list[Finding]
    overall: Readiness
    departments: dict[str, Readiness]
    #: the workspace's departments as this assessment read them (a view showing the findings needs
    #: no second read, which could fail on a server gone meanwhile)
    department_list: tuple[Department, ...] = ()


def default_departments(template: Template, separate_procurement: bool = False) -> list[Department]:
    """The template's departments; optional ones (procurement) merged into admin/HR unless asked."""
    fallback = next((d.key for d in template.departments if not d.optional), "")
    out: list[Department] = []
    for pos, d in enumerate(template.departments):
        merged = None
        if d.optional and not separate_procurement:
            merged = (
                "hr_admin" if any(x.key == "hr_admin" for x in template.departments) else fallback
            )
        out.append(Department(d.key, d.name, merged_into=merged, position=pos))
    return out


def new_departments_problem(template: Template, departments: Sequence[Department]) -> Text | None:
    """Why ``departments`` cannot be a new workspace's with ``template``: a department it marks
    absent owns requirements that can never be waived, or has another merged into it
    (``department_rules.list_problem``, the rule of marking one absent later); None when it can.
    ``Workspace.create`` refuses such a list; the new-workspace wizard asks before removing."""
    mandatory = mandatory_keys(template)
    return department_rules.list_problem(
        departments, [it for it in template.items if it.key in mandatory]
    )


class Workspace:
    """An open workspace: the store plus its template, with the checks run on demand."""

    def __init__(self, store: WorkspaceStore, template: Template | None = None) -> None:
        """``template``: the store's template when the caller has it parsed already."""
        self.store = store
        self.path = store.path
        # the stored checklist copy when it cannot be used (an older version's, damaged): the
        # built-in checklist stands in and a finding (stored_values) says so
        self.template_problem: TemplateError | None = None
        if template is None:
            try:
                template = load_template_text(
                    store.template_yaml(),
                    f"{store.path.name}:template",
                    parse=template_cache.parse,
                )
            except TemplateError as exc:
                self.template_problem = exc
                template = load_builtin(store.info().edition)
        self.template: Template = template
        self._lock = threading.RLock()
        self._assessment: Assessment | None = None
        self._snapshot_due = False
        self._may_snapshot: bool | None = None  # told by the server once (a team's manager only)
        self.ledger_cache = LedgerCache()  # the ledgers loaded; dropped on close
        self.records = RecordStore(store)  # the audit day's and the cycle's records

    @functools.cached_property
    def ledger_store(self) -> LedgerStore:
        """The ledger tables (their module is loaded with the first use of the ledgers)."""
        from ipaudit.store.ledger_store import LedgerStore

        return LedgerStore(self.store)

    # --- lifecycle ---------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        info: WorkspaceInfo,
        *,
        departments: list[Department] | None = None,
        facts: Facts | None = None,
        template_yaml: str | None = None,
        separate_procurement: bool = False,
    ) -> Workspace:
        _check_info(info, path)
        if template_yaml is None:
            text, template = builtin_text(info.edition), load_builtin(info.edition)
        else:
            text = template_yaml
            template = load_template_text(text, builtin_path(info.edition).name)
        deps = departments or default_departments(template, separate_procurement)
        for dep in deps:
            check_department_key(dep.key)
            check_name(dep.name.zh, dep.key)
            check_name(dep.name.en, dep.key)
        problem = new_departments_problem(template, deps)
        if problem is not None:
            raise InvalidInput(problem.zh, problem.en, path)
        return cls(WorkspaceStore.create(path, info, text, deps, facts), template)

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool | None = None) -> Workspace:
        """Open ``path``; read-only when asked or when the file or its folder cannot be written
        (``read_only`` None: as the IPAUDIT_READ_ONLY variable says, else as the file allows).
        A ``postgresql://`` address opens a team workspace on a server (``store.is_server``;
        ``path`` then shows the address without its password, ``store.url`` keeps it)."""
        return cls(WorkspaceStore.open(path, read_only=read_only))

    @property
    def read_only(self) -> str:
        """Why the workspace was opened read-only (a ReadOnlyWorkspace reason), or ""."""
        return self.store.read_only

    @property
    def is_server(self) -> bool:
        """A team workspace on a server (the rights enforced there), not a file."""
        return self.store.is_server

    @property
    def server_url(self) -> str:
        """A team workspace's whole address, password included (kept in memory only), to open it
        again; "" for a file."""
        return str(getattr(self.store, "url", "")) if self.is_server else ""

    def close(self) -> None:
        """Let go of the workspace. Today's readiness is recorded and set-aside ledger imports
        purged when possible; the store is closed even when that fails (a server out of reach:
        every edit was saved or reported not saved already)."""
        try:
            if self._snapshot_due:
                try:
                    self.assess()  # records today's readiness before the file is closed
                except WorkspaceVanished as exc:  # no file left to record it in
                    log.warning("readiness not recorded: %s", exc)
            try:  # imports kept for undo: no undo outlives the session
                from ipaudit.services import ledgers

                ledgers.purge_set_aside(self)
            except WorkspaceError as exc:  # (locked, read-only): purged at the next close
                log.warning("set-aside ledger imports kept: %s", exc)
        finally:
            self.store.close()
            self.ledger_cache.clear()  # the ledgers it kept loaded

    def save_copy(self, target: Path | str) -> Path:
        """A consistent copy of the workspace at ``copy_target(target)`` (File → Save a copy
        as…; ``save-as``), replaced when it exists; the open workspace stays the one edited."""
        return self.store.save_copy(self.copy_target(target))

    def copy_target(self, target: Path | str) -> Path:
        """Where ``save_copy(target)`` writes: ``target`` with .ipaudit added when missing
        (InvalidInput for a folder or no name)."""
        dest = Path(target)
        if not dest.name or dest.is_dir():
            raise InvalidInput(
                f"“{target}”不是文件名；请给出副本的文件名（如 副本.ipaudit）。",
                f"'{target}' is not a file name; give the copy's file name (such as copy.ipaudit).",
                self.path,
            )
        if not dest.parent.is_dir():
            raise InvalidInput(
                f"文件夹“{dest.parent}”不存在；请选择已有的文件夹，或先建立它。",
                f"The folder '{dest.parent}' does not exist; choose an existing folder or create it"
                " first.",
                dest.parent,
            )
        return dest if dest.suffix == ".ipaudit" else dest.with_name(dest.name + ".ipaudit")

    @property
    def backup_written(self) -> Path | None:
        """The copy kept of the file as it was before opening upgraded it, else None."""
        return self.store.backup_written

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading -----------------------------------------------------------------------------

    def info(self) -> WorkspaceInfo:
        return self.store.info()

    def departments(self, *, active_only: bool = False) -> list[Department]:
        deps = self.store.departments()
        if active_only:
            deps = [d for d in deps if not d.absent and not d.merged_into]
        return deps

    def department(self, key: str) -> Department:
        for d in self.store.departments():
            if d.key == key:
                return d
        raise self._no_department(key)

    def item(self, key: str) -> Item:
        try:
            return self.template.item(key)
        except KeyError:
            raise InvalidInput(
                f"清单中没有条目“{key}”。用 items 命令查看条目。",
                f"The checklist has no item '{key}'. List the items with the items command.",
                self.path,
            ) from None

    def owner(self, item: Item) -> str:
        """The workspace department that owns ``item`` ("" when its department is absent)."""
        return item_department(item, {d.key: d for d in self.store.departments()}) or ""

    def items_of(self, department: str) -> list[Item]:
        return self.items_by_department().get(department, [])

    def items_by_department(self) -> dict[str, list[Item]]:
        """Each department's checklist items in template order (merged and renamed departments
        followed), from one read of the departments; an absent department's items are left out."""
        deps = {d.key: d for d in self.store.departments()}
        out: dict[str, list[Item]] = {}
        for it in self.template.items:
            dep = item_department(it, deps)
            if dep is not None:
                out.setdefault(dep, []).append(it)
        return out

    def facts(self) -> Facts:
        """The declared facts, without values an older version stored that break today's rules
        (``stored_values`` reports those as findings)."""
        return without_invalid(self.store.facts())

    def state(self, item_key: str) -> ItemState:
        return self.store.item_state(item_key)

    def states(self) -> dict[str, ItemState]:
        return self.store.item_states()

    def evidence(self, item_key: str | None = None, *, include_old: bool = False) -> list[Evidence]:
        return self.store.evidence(item_key, include_old=include_old)

    def evidence_by_id(self, evidence_id: int) -> Evidence:
        """One evidence file by its id (``evidence --json`` lists them); InvalidInput when none."""
        return self.store.evidence_by_id(evidence_id)

    def evidence_versions(self, evidence_id: int) -> list[Evidence]:
        """The older versions evidence ``evidence_id`` replaced, newest first."""
        return self.store.versions_of(evidence_id)

    def evidence_bytes(self, sha256: str) -> Iterator[bytes]:
        """The stored bytes of an evidence file, in chunks (the export pack streams them)."""
        return self.store.iter_blob(sha256)

    def save_evidence_file(self, evidence_id: int, target: Path | str) -> Path:
        """Write the stored bytes of evidence ``evidence_id`` to ``target`` (to open it, or hand
        it on); returns ``target``."""
        ev = self.store.evidence_by_id(evidence_id)
        return self.store.export_blob(ev.sha256, target)

    def template_yaml(self) -> str:
        """The workspace's own checklist copy as stored (YAML text)."""
        return self.store.template_yaml()

    def created_at(self) -> str | None:
        """When the workspace was created (ISO text as stored), if it records it."""
        return self.store.meta_value("created_at")

    def acceptances(self) -> dict[str, str]:
        """The written explanations of accepted findings, by finding key."""
        return self.store.acceptances()

    def snapshots(self) -> list[tuple[dt.date, float, dict[str, float], int]]:
        """Readiness over time: (day, overall %, % per department, blocking findings), oldest
        first."""
        return self.store.snapshots()

    def export_records(self, manifest_sha256: str | None = None) -> list[ExportRecord]:
        """The packs exported from this workspace, newest first; only those whose manifest has
        the SHA-256 ``manifest_sha256`` when given."""
        from ipaudit.store.exports_store import export_history

        return export_history(self.store, manifest_sha256)

    def record_export(
        self, *, target: str, options: dict[str, Any], manifest_sha256: str, files: int, size: int
    ) -> ExportRecord:
        """Add an exported pack to the workspace's export history."""
        from ipaudit.store.exports_store import record_export

        return record_export(
            self.store,
            target=target,
            options=options,
            manifest_sha256=manifest_sha256,
            files=files,
            size=size,
        )

    # --- checks ------------------------------------------------------------------------------

    def derived_facts(self) -> dict[str, Declared]:
        """The official answers the workspace derives (the reconciliation's totals and open
        discrepancies), by fact key; what the checks, the item panel and the interview sheets
        compare answers with besides the declared facts."""
        return {k: v for source in derived_sources() for k, v in source(self).items()}

    def ledger_book(self) -> LedgerBook:
        """The workspace's ledgers, reconciled (kept until the next ledger change)."""
        from ipaudit.services import ledgers

        return ledgers.load_book(self)

    def assess(self) -> Assessment:
        """Findings and readiness (cached until the next edit through this object)."""
        with self._lock:
            if self._assessment is not None:
                return self._assessment
            departments = self.store.departments()
            states = self.store.item_states()
            data = CheckInput(
                info=self.store.info(),
                template=self.template,
                departments=departments,
                facts=self.facts(),
                states=states,
                evidence=self.store.evidence(),
                extra_findings=[f for source in finding_sources() for f in source(self)],
                accepted=self.store.acceptances(),
                derived=self.derived_facts(),
            )
            findings = run_checks(data)
            overall, per_dep = compute_readiness(self.template, departments, states, findings)
            self._assessment = Assessment(findings, overall, per_dep, tuple(departments))
            if self._snapshot_due and not self.store.read_only and self._records_snapshots():
                self._snapshot_due = False
                self.store.record_snapshot(
                    dt.date.today(),
                    overall.percent,
                    {k: r.percent for k, r in per_dep.items()},
                    overall.blocking,
                )
            return self._assessment

    def _records_snapshots(self) -> bool:
        """Whether this login records the readiness history: on a team workspace only the
        manager (or an administrator) does; a department head's view leaves it to the manager."""
        if self._may_snapshot is None:
            from ipaudit.store import team_roles

            self._may_snapshot = not self.is_server or team_roles.identity_of(self.store).kind in (
                team_roles.MANAGER,
                "owner",
            )
        return self._may_snapshot

    def findings(self, department: str | None = None) -> list[Finding]:
        found = self.assess().findings
        return [f for f in found if department is None or f.department == department]

    def readiness(self) -> tuple[Readiness, dict[str, Readiness]]:
        a = self.assess()
        return a.overall, a.departments

    def changed(self) -> None:
        """Forget the cached assessment; the next one records today's readiness snapshot."""
        with self._lock:
            self._assessment = None
            self._snapshot_due = True

    @property
    def stale(self) -> bool:
        return self._assessment is None

    # --- editing -----------------------------------------------------------------------------

    def save_state(self, state: ItemState, *, base: ItemState | None = None) -> ItemState:
        """Store an item's whole state. ``base``: the state the edit started from — what changed
        from it is merged into what someone else saved meanwhile, and a field both changed
        differently raises EditConflict (who, when)."""
        item = self.item(state.item_key)  # not applicable without a reason: a finding says so
        saved = self.store.save_item_state(state, self.owner(item) or item.department, base=base)
        self.changed()
        return saved

    def edit_state(self, item_key: str, change: Callable[[ItemState], ItemState]) -> ItemState:
        """Apply ``change`` to the item's state as stored now, in one transaction: two people
        editing the same item at once both keep their edit."""
        item = self.item(item_key)
        saved = self.store.update_item_state(item_key, self.owner(item) or item.department, change)
        self.changed()
        return saved

    def check_status(
        self,
        item_key: str,
        status: Status,
        *,
        force: bool = False,
        findings: Iterable[Finding] | None = None,
    ) -> None:
        """Refuse a status the item cannot take: not applicable on a mandatory item
        (StatusRefused); ready while a blocking finding is open, unless ``force``
        (ConfirmationNeeded: the GUI asks, the CLI wants --force). The finding stays either way.
        ``findings``: the current assessment's, when the caller holds it (no checks run then)."""
        item = self.item(item_key)
        title = item.title
        if status is Status.NOT_APPLICABLE and is_mandatory(self.template, item):
            raise StatusRefused(
                f"“{title.zh}”（{item_key}）是必备要求，审核员不接受“不适用”；请准备其记录。",
                f"'{title.en}' ({item_key}) is mandatory: auditors never accept it as not"
                " applicable. Prepare its records instead.",
                self.path,
            )
        if status is Status.READY and not force:
            current = self.findings() if findings is None else findings
            blocking = [f for f in current if f.item_key == item_key and f.blocking]
            if blocking:
                raise ConfirmationNeeded(
                    f"“{title.zh}”还有 {len(blocking)} 个未解决的阻碍项（"
                    + "；".join(f.message.zh for f in blocking[:3])
                    + "）。它在解决前仍显示为进行中；确定要标为就绪吗？（命令行加 --force）",
                    f"'{title.en}' still has {counted(len(blocking), 'open blocking finding')} ("
                    + "; ".join(f.message.en for f in blocking[:3])
                    + "). It shows as in progress until they are resolved; mark it ready anyway?"
                    " (--force on the command line)",
                    self.path,
                )

    def set_status(
        self, item_key: str, status: Status, reason: str = "", *, force: bool = False
    ) -> ItemState:
        self.check_status(item_key, status, force=force)
        return self.edit_state(item_key, lambda state: with_status(state, status, reason))

    def answer(self, item_key: str, question_key: str, text: str) -> ItemState:
        item = self.item(item_key)
        if not any(q.key == question_key for q in item.questions):
            keys = ", ".join(q.key for q in item.questions) or "-"
            raise InvalidInput(
                f"条目“{item_key}”没有问题“{question_key}”（可选：{keys}）。",
                f"Item '{item_key}' has no question '{question_key}' (its questions: {keys}).",
                self.path,
            )
        return self.edit_state(item_key, lambda state: answered(state, question_key, text))

    def set_notes(self, item_key: str, notes: str) -> ItemState:
        return self.edit_state(item_key, lambda state: with_notes(state, notes))

    def set_instance_names(self, item_key: str, names: list[str]) -> ItemState:
        return self.edit_state(item_key, lambda state: with_instance_names(state, names))

    def set_facts(self, facts: Facts, *, base: Facts | None = None) -> Facts:
        """Store the facts. ``base``: the facts the edit started from — only what changed from
        it is applied to the facts as stored now; a section someone else changed differently
        meanwhile raises EditConflict. A value out of range raises InvalidValue (validation)."""
        check_facts(facts, base if base is not None else self.store.facts())
        stored = self.store.set_facts(facts, base=base)
        self.changed()
        return stored

    def set_fact(self, key: str, value: str) -> Facts:
        """Declare one fact by key (``facts.apply_fact`` lists the keys), read and written in
        one transaction."""
        departments = {d.key for d in self.store.departments()}
        from ipaudit.services.facts import apply_fact

        return self.update_facts(lambda facts: apply_fact(facts, key, value, departments))

    def update_facts(self, change: Callable[[Facts], Facts]) -> Facts:
        """Apply ``change`` to the facts as stored now, in one transaction (``set-fact``)."""
        stored = self.store.update_facts(lambda current: check_facts(change(current), current))
        self.changed()
        return stored

    def set_info(self, info: WorkspaceInfo, *, base: WorkspaceInfo | None = None) -> WorkspaceInfo:
        """Change the workspace information (company, audit type and dates), validated first;
        every check runs again on the new dates. ``base``: the information the edit started
        from — only the fields changed from it are applied to the information as stored now (the
        merged result is validated again); a field someone else changed differently meanwhile
        raises EditConflict. Returns the information as stored."""
        _check_info(info, self.path)
        if info.edition != (base or self.store.info()).edition:
            raise self._edition_fixed()

        def check(merged: WorkspaceInfo) -> None:
            _check_info(merged, self.path)
            if merged.edition != info.edition:
                raise self._edition_fixed()

        stored = self.store.set_info(info, base=base, check=check)
        self.changed()
        return stored

    def _edition_fixed(self) -> InvalidInput:
        return InvalidInput(
            "版本在创建工作区时确定，不能更改；请用所需版本新建工作区。",
            "The edition is chosen when the workspace is created and cannot change; create a"
            " new workspace for the other edition.",
            self.path,
        )

    def attach(
        self,
        item_key: str,
        source: Path | str,
        *,
        slot: str = "",
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
        force: bool = False,
        **meta: Any,
    ) -> Evidence:
        """Attach ``source`` to the item. An empty file, or one with exactly the contents of a
        file the item holds, is refused (AttachRefused) unless ``force``: it is no record of its
        own (evidence_review.attach_refusal; the checks flag it when it is attached anyway)."""
        item = self.item(item_key)
        self._check_slot(item, slot)
        check_evidence_dates(meta)
        if not force:
            refused = self.attach_refusal(item_key, source, cancel=cancel)
            if refused is not None:
                raise refused
        ev = self.store.attach(
            source,
            item_key=item_key,
            department=self.owner(item) or item.department,
            slot=slot,
            progress=progress,
            cancel=cancel,
            **meta,
        )
        self.store.update_item_state(item_key, ev.department, started)
        self.changed()
        return ev

    def record_snapshot(
        self, day: dt.date, overall: float, per_department: dict[str, float], blocking: int
    ) -> None:
        """Keep the readiness of ``day`` (the checks record today's by themselves; the demo
        writes its fictional past)."""
        self.store.record_snapshot(day, overall, per_department, blocking)

    def mark_demo(self) -> None:
        """Mark the workspace as the built-in demo (a fictional company)."""
        self.store.set_setting("demo", "1")

    def checkpoint(self) -> bool:
        """Every edit is committed as it is made; this also folds SQLite's write-ahead log into
        the workspace file (the habit of Ctrl+S). False when another reader kept part of it."""
        return self.store.checkpoint()

    def propose_dates(self, source: Path | str) -> DateProposal:
        """The document date and covered period the file itself suggests — its name, then its
        text (a Word body, an Excel sheet's first rows, a PDF's first and last pages), then its
        properties (services.evidence_dates.propose); empty when it says nothing."""
        from ipaudit.services.evidence_dates import propose

        return propose(source)

    def review_files(
        self,
        item_key: str,
        sources: Iterable[Path | str],
        *,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
    ) -> list[FileReview]:
        """Before attaching: each file's size, hash, proposed dates, and the item's files with
        the same content (hashing streams each file, with progress and cancel)."""
        self.item(item_key)
        return review_files(
            [Path(p) for p in sources], self.store.evidence(item_key), progress, cancel
        )

    def attach_refusal(
        self, item_key: str, source: Path | str, *, cancel: CancelCheck | None = None
    ) -> AttachRefused | None:
        """Why attaching ``source`` to the item would be refused (it is empty, or the item holds
        its contents already); None when it would not, or when the workspace is read-only
        (attaching then says that). ``attach`` asks this unless forced."""
        item = self.item(item_key)
        if self.store.read_only:
            return None
        return attach_refusal(Path(source), item.title, self.store.evidence(item_key), cancel)

    def attach_warnings(self, ev: Evidence) -> list[Text]:
        """What to tell the user about a file just attached although it is empty, or the same
        file (same SHA-256) is attached to the item already (``attach(force=True)``)."""
        title = self.item(ev.item_key).title
        warnings = []
        if ev.size == 0:
            warnings.append(
                Text(
                    f"文件“{ev.original_name}”是空的（0 字节），不能证明任何事；请检查是否选错了文件。",
                    f"The file '{ev.original_name}' is empty (0 bytes) and proves nothing; check"
                    " that it is the right file.",
                )
            )
        same = [
            e for e in same_contents(self.store.evidence(ev.item_key), ev.sha256) if e.id != ev.id
        ]
        if same:
            names = "、".join(f"“{e.title}”" for e in same)
            names_en = ", ".join(f"'{e.title}'" for e in same)
            warnings.append(
                Text(
                    f"“{title.zh}”已附有内容完全相同的文件：{names}；同一内容只算一份记录。"
                    "如非有意，请移除其中一份。",
                    f"'{title.en}' already has a file with exactly the same content: {names_en};"
                    " the same contents count as one record. Remove one of them unless this is"
                    " intended.",
                )
            )
        return warnings

    def replace_evidence(
        self,
        evidence_id: int,
        source: Path | str,
        *,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
    ) -> Evidence:
        """A new version of an evidence file; the old one is kept as an older version."""
        old = self.store.evidence_by_id(evidence_id)
        ev = self.store.attach(
            source,
            item_key=old.item_key,
            department=old.department,
            slot=old.slot,
            title=old.title,
            doc_number=old.doc_number,
            doc_date=old.doc_date,
            period_start=old.period_start,
            period_end=old.period_end,
            supersedes=old.id,
            progress=progress,
            cancel=cancel,
        )
        self.changed()
        return ev

    def remove_evidence(self, evidence_id: int) -> None:
        """Take an evidence file off its item (kept in the file, ``restore_evidence`` brings it
        back); an older version it replaced becomes current again."""
        self.store.evidence_by_id(evidence_id)  # an unknown id is bad input
        self.store.set_evidence_removed(evidence_id, True)
        self.changed()

    def restore_evidence(self, evidence_id: int) -> None:
        self.store.evidence_by_id(evidence_id)
        self.store.set_evidence_removed(evidence_id, False)
        self.changed()

    def update_evidence(self, evidence_id: int, **changes: Any) -> Evidence:
        """Edit an evidence file's title, document number, version, date or covered period."""
        check_evidence_dates(changes)
        ev = self.store.evidence_by_id(evidence_id)
        if changes.get("slot"):
            self._check_slot(self.item(changes.get("item_key") or ev.item_key), changes["slot"])
        ev = self.store.update_evidence(evidence_id, **changes)
        self.changed()
        return ev

    def accept(self, finding_key: str, explanation: str, *, base: str | None = None) -> None:
        """Accept a finding with a written explanation. ``base``: the explanation the user saw
        ("" when the finding was not accepted); another explanation stored meanwhile raises
        EditConflict instead of being overwritten."""
        self.store.accept(finding_key, explanation, base=base)
        self.changed()

    def unaccept(self, finding_key: str, *, base: str | None = None) -> None:
        """Withdraw an acceptance; ``base`` as for ``accept``."""
        self.store.unaccept(finding_key, base=base)
        self.changed()

    def save_department(self, dep: Department) -> None:
        self.store.save_department(dep)
        self.changed()

    def edit_department(self, key: str, change: Callable[[Department], Department]) -> Department:
        """Apply ``change`` to department ``key`` as stored now, in one transaction."""

        def apply(current: Department | None) -> Department:
            if current is None:
                raise self._no_department(key)
            return change(current)

        dep = self.store.update_department(key, apply)
        self.changed()
        return dep

    def _no_department(self, key: str) -> InvalidInput:
        keys = ", ".join(d.key for d in self.store.departments())
        return InvalidInput(
            f"没有部门“{key}”。可选：{keys}。",
            f"There is no department '{key}'. Choose one of: {keys}.",
            self.path,
        )

    def department_change_problem(
        self,
        action: str,
        key: str,
        *,
        into: str = "",
        names: Iterable[str] = (),
        departments: Sequence[Department] | None = None,
    ) -> Text | None:
        """Why ``action`` ("add", "rename", "merge", "absent", "present") on department ``key``
        would be refused (``department_rules``), or None. ``into``: the merge's target ("" asks
        whether there is any); ``names``: the names an add or a rename gives; ``departments``:
        the list as a caller already read it (a dialog checking names as they are typed)."""
        deps = list(self.store.departments() if departments is None else departments)
        known = {d.key for d in deps}
        if action in ("add", "rename"):
            return department_rules.name_problem(key, names, deps)
        if key not in known:
            return None  # the change itself says the department does not exist
        if action == "merge":
            if not into:
                if department_rules.merge_targets(key, deps):
                    return None
                return department_rules.no_merge_target(deps, key)
            if into not in known:
                return None
            return department_rules.merge_problem(key, into, deps)
        if action == "absent":
            by_key = {d.key: d for d in deps}
            mandatory = mandatory_keys(self.template)
            owned = [
                it
                for it in self.template.items
                if it.key in mandatory and item_department(it, by_key) == key
            ]
            return department_rules.absent_problem(key, deps, owned)
        if action == "present":
            return department_rules.present_problem(key, deps)
        return None

    def merge_targets(self, key: str) -> list[Department]:
        """The departments ``key`` may be merged into (``department_rules.merge_targets``)."""
        return department_rules.merge_targets(key, self.store.departments())

    def _refuse_department_change(self, action: str, key: str, **args: Any) -> None:
        problem = self.department_change_problem(action, key, **args)
        if problem is not None:
            raise InvalidInput(problem.zh, problem.en, self.path)

    def rename_department(self, key: str, zh: str, en: str | None = None) -> Department:
        zh, en = check_name(zh, key), None if en is None else check_name(en, key)
        current = self.department(key)
        names = (zh, en if en is not None else current.name.en)
        self._refuse_department_change("rename", key, names=names)
        return self.edit_department(
            key, lambda dep: replace(dep, name=Text(zh, en if en is not None else dep.name.en))
        )

    def add_department(self, key: str, zh: str, en: str) -> Department:
        check_department_key(key)
        zh, en = check_name(zh, key), check_name(en, key)
        deps = self.store.departments()
        position = len(deps)
        if all(d.key != key for d in deps):
            self._refuse_department_change("add", key, names=(zh, en), departments=deps)

        def add(current: Department | None) -> Department:
            if current is not None:
                raise InvalidInput(
                    f"部门“{key}”已存在。", f"Department '{key}' already exists.", self.path
                )
            return Department(key, Text(zh, en), position=position)

        dep = self.store.update_department(key, add)
        self.changed()
        return dep

    def merge_department(self, key: str, into: str) -> None:
        """Merge ``key`` into ``into``: its checklist items (and those of departments merged into
        it) are owned by ``into`` from now on. Refused into a merged or absent department and
        round a cycle (``department_rules.merge_problem``)."""
        self.department(key)
        self.department(into)
        self._refuse_department_change("merge", key, into=into)
        self.edit_department(key, lambda dep: replace(dep, merged_into=into))

    def set_department_absent(self, key: str, absent: bool = True) -> None:
        """Mark ``key`` absent (its items leave the audit) or present again. Absent is refused
        while departments are merged into it or it owns a requirement that can never be waived
        (``department_rules.absent_problem``): such items are merged into another department.
        Present is refused while another department has one of its names."""
        self.department(key)
        self._refuse_department_change("absent" if absent else "present", key)
        self.edit_department(key, lambda dep: replace(dep, absent=absent))

    def _check_slot(self, item: Item, slot: str) -> None:
        if not slot:
            return
        year = slot.removeprefix("year:")
        if slot.startswith("year:") and re.fullmatch(r"[0-9]{4}", year):
            YEAR.check(int(year), slot)  # 1950 … 2100, else InvalidValue
            return
        inst, _, sub = slot.partition("/")
        subs = {s.key for s in item.sub_records}
        in_range = re.fullmatch(r"[0-9]{1,5}", inst) and 1 <= int(inst) <= max(item.instances, 1)
        if in_range and sub in subs:
            return
        raise InvalidInput(
            f"条目“{item.key}”没有位置“{slot}”（格式：序号/子记录，如 1/{next(iter(subs), 'x')}，或 year:2025）。",
            f"Item '{item.key}' has no slot '{slot}' (use <n>/<sub-record> such as"
            f" 1/{next(iter(subs), 'x')}, or year:2025).",
            self.path,
        )


def answered(state: ItemState, question_key: str, text: str) -> ItemState:
    """``state`` with the answer to ``question_key`` set (removed when blank); an item not
    started is in progress once answered."""
    answers = dict(state.answers)
    if text.strip():
        answers[question_key] = text
    else:
        answers.pop(question_key, None)
    if answers == state.answers:
        return state
    status = state.status if state.status is not Status.NOT_STARTED else Status.IN_PROGRESS
    return replace(state, answers=answers, status=status)


def with_status(state: ItemState, status: Status, reason: str = "") -> ItemState:
    """``state`` with ``status``; ``reason`` is the not-applicable reason (kept as it was for
    any other status)."""
    na_reason = reason if status is Status.NOT_APPLICABLE else state.na_reason
    return replace(state, status=status, na_reason=na_reason)


def with_notes(state: ItemState, notes: str) -> ItemState:
    return replace(state, notes=notes)


def with_instance_names(state: ItemState, names: Iterable[str]) -> ItemState:
    """``state`` with the names of its record set's instances, in order."""
    return replace(state, instance_names=tuple(names))


def started(state: ItemState) -> ItemState:
    """An item not started (or waiting for this cycle's records) is in progress once a file is
    attached to it."""
    if state.status in (Status.NOT_STARTED, Status.NEEDS_REFRESH):
        return replace(state, status=Status.IN_PROGRESS)
    return state


def _check_info(info: WorkspaceInfo, path: Path | str) -> None:
    """Refuse inconsistent workspace information (dates out of order, a period that ends after
    the audit starts …) with every problem and what to do."""
    from ipaudit.domain.cycle import validate

    problems = validate(info)
    if problems:
        raise InvalidInput(
            "工作区信息有误，未作更改：" + "".join(p.zh for p in problems),
            "The workspace information is inconsistent; nothing changed: "
            + " ".join(p.en for p in problems),
            path,
        )


# Findings the checks add beyond the template's rules: the ledger reconciliation, the budget
# comparison, stored values that no longer validate, the audit-day plan's conflicts and overdue
# corrective actions; and values the workspace derives rather than declares (``ledger.totals`` …)
# for the questions bound to them (see ``ipaudit.domain.facts.declared``). Wired here, in code: a
# missing module fails, never degrades to fewer findings. Loaded with the first assessment (in the
# checks' worker), not when a workspace opens.


@functools.cache
def finding_sources() -> tuple[FindingSource, ...]:
    from ipaudit.services import (
        audit_plan,
        budget,
        corrective_actions,
        department_findings,
        ledgers,
        record_checks,
        stored_values,
        team_items,
    )

    return (
        ledgers.discrepancy_findings,
        budget.findings,
        stored_values.stored_value_findings,
        audit_plan.findings,
        corrective_actions.findings,
        record_checks.findings,
        team_items.findings,
        department_findings.findings,
    )


@functools.cache
def derived_sources() -> tuple[DerivedSource, ...]:
    from ipaudit.services import budget, corrective_actions, ledgers

    return (ledgers.derived_facts, budget.derived_facts, corrective_actions.derived_facts)
