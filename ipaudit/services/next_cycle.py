"""Start the next cycle: a new workspace file for the next surveillance (or recertification) audit.

The previous file is only read and stays as it is, so "what changed since last year" can be shown
(``cycle_compare``). The new file gets the rolled-over workspace information, the facts, the
departments (absent and merged ones too), the checklist copy, the rates, the people, the records
(corrective actions still open, not the verified ones) and every current evidence link, marked as
last cycle's and with its bytes copied table to table. Every item whose records no longer cover the
new period becomes "needs refresh"; the new file records where it came from and why each item
needs refreshing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ipaudit.domain.model import AuditType, Text, WorkspaceInfo
from ipaudit.domain.rollover import items_to_refresh, next_info
from ipaudit.progress import CancelCheck, Cancelled, Progress
from ipaudit.services.workspace import Workspace
from ipaudit.store.cycle_copy import PREVIOUS_CYCLE, carry_over
from ipaudit.store.errors import InvalidInput

#: the record (kind, key) in the new file that says where it came from and what needs refreshing
ROLLOVER_KIND, ROLLOVER_KEY = "cycle", "rollover"
#: corrective actions in this state stay in the previous file (closed) unless the certification
#: body raised them at this audit; the others carry over
ACTION_KIND, CLOSED_ACTION = "action", "verified"
CERTIFICATION_SOURCE = "certification"  # a nonconformity the certification body raised
STEPS = 4


@dataclass(frozen=True, slots=True)
class NextCycle:
    """What ``start_next_cycle`` made."""

    path: Path
    previous: Path
    info: WorkspaceInfo
    refresh: dict[str, list[Text]]  # item key -> why its records no longer cover the period
    carried: dict[str, int]  # table -> rows in the new file
    left_actions: int  # verified corrective actions that stayed behind

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "previous": str(self.previous),
            "audit_type": self.info.audit_type.value,
            "audit_start": self.info.audit_start,
            "audit_end": self.info.audit_end,
            "period_start": self.info.period_start,
            "period_end": self.info.period_end,
            "last_audit": self.info.last_audit,
            "needs_refresh": {
                k: [_text_json(t) for t in reasons] for k, reasons in self.refresh.items()
            },
            "carried": self.carried,
            "closed_actions_left": self.left_actions,
        }


def parse_audit_type(text: str | None) -> AuditType | None:
    """``surveillance`` / ``recertification`` (or 监督/再认证); None for empty."""
    if not text:
        return None
    words = {"监督": "surveillance", "监督审核": "surveillance", "再认证": "recertification"}
    try:
        kind = AuditType(words.get(text.strip(), text.strip().lower()))
    except ValueError:
        kind = None
    if kind is None or kind is AuditType.INITIAL:
        raise InvalidInput(
            f"下一周期的审核类型“{text}”无效：应为 surveillance（监督审核）或 recertification（再认证）。",
            f"The next cycle's audit type '{text}' is not valid: use surveillance or"
            " recertification.",
        )
    return kind


def propose_info(
    ws: Workspace, audit_type: AuditType | None = None, audit_start: dt.date | None = None
) -> WorkspaceInfo:
    """The next cycle's workspace information as ``start_next_cycle`` would write it."""
    info = ws.info()
    if audit_start is not None and audit_start <= info.audit_start:
        raise InvalidInput(
            f"下一次审核须晚于本次审核（{info.audit_start}），现为 {audit_start}。",
            f"The next audit must start after this one ({info.audit_start}); it starts"
            f" {audit_start}.",
            ws.path,
        )
    return next_info(info, audit_type, audit_start)


def propose_target(ws: Workspace, info: WorkspaceInfo | None = None) -> Path:
    """A file name beside the workspace for the next cycle that does not exist yet: this file's
    name with the new audit's year in place of this one's (or added), ``-2``, ``-3`` … when
    taken."""
    info = info or propose_info(ws)
    old, new = str(ws.info().audit_start.year), str(info.audit_start.year)
    if ws.is_server:  # a team workspace: a file named after the company, here
        folder, stem = Path.cwd(), safe_stem(ws.info().company)
    else:
        folder, stem = ws.path.parent, ws.path.stem
    stem = stem.replace(old, new) if old in stem else f"{stem}-{new}"
    base = folder / f"{stem}.ipaudit"
    candidate, n = base, 1
    while candidate.exists() or candidate == ws.path:
        n += 1
        candidate = base.with_name(f"{base.stem}-{n}{base.suffix}")
    return candidate


def start_next_cycle(
    ws: Workspace,
    target: Path | str,
    audit_type: AuditType | None = None,
    audit_start: dt.date | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> NextCycle:
    """Create the next cycle's workspace at ``target`` from ``ws`` (left unchanged)."""

    def step(n: int) -> None:
        if cancel is not None and cancel():
            raise Cancelled
        if progress is not None:
            progress(n, STEPS)

    dest = ws.copy_target(target)
    if dest.exists():
        raise InvalidInput(
            f"{dest} 已存在；请为下一周期的工作区换一个文件名。",
            f"{dest} already exists; choose another name for the next cycle's workspace.",
            dest,
        )
    if not ws.is_server and dest.resolve() == ws.path.resolve():
        raise InvalidInput(
            "下一周期须写入新文件，不能覆盖当前工作区。",
            "The next cycle goes into a new file; it cannot overwrite this workspace.",
            dest,
        )
    info = propose_info(ws, audit_type, audit_start)
    refresh = items_to_refresh(ws.template, info, ws.evidence(), ws.states())
    leave = {
        (ACTION_KIND, r.key)
        for r in ws.records.all(ACTION_KIND)
        if _stays_behind(r.value, ws.info().audit_start)
    }
    # every declared fact carries over as declared (open_nonconformities too: the number
    # stays until the user updates it, and once corrective actions of the previous audit are
    # recorded they are counted instead, cycle.open_nonconformities)
    facts = ws.store.facts()
    step(1)
    part = dest.with_name(dest.name + ".part")
    snapshot = dest.with_name(dest.name + ".source.part")
    _remove(part)
    _remove(snapshot)
    source, label = ws.path, str(ws.path.resolve()) if not ws.is_server else ws.store.address
    try:
        if ws.is_server:  # a team workspace: its content is pulled into a file first
            source = ws.store.save_copy(snapshot)
        new = Workspace.create(
            part,
            info,
            departments=ws.departments(),
            facts=facts,
            template_yaml=ws.template_yaml(),
        )
        new.close()
        step(2)
        carried = carry_over(
            part,
            source,
            refresh=refresh,
            leave_records=leave,
            source_label=label,
            mode="immutable" if ws.read_only in ("folder", "refused") else "ro",
        )
        step(3)
        with Workspace.open(part) as new:
            new.records.put(
                ROLLOVER_KIND,
                ROLLOVER_KEY,
                {
                    "previous": label,
                    "previous_audit_type": ws.info().audit_type.value,
                    "previous_audit_start": ws.info().audit_start.isoformat(),
                    "started": dt.date.today().isoformat(),
                    "needs_refresh": {
                        k: [_text_json(t) for t in reasons] for k, reasons in refresh.items()
                    },
                },
            )
            new.checkpoint()
        part.replace(dest)
    finally:
        _remove(part)
        _remove(snapshot)
    step(4)
    return NextCycle(dest, ws.path, info, refresh, carried, len(leave))


def _stays_behind(action: Mapping[str, Any], audit_start: dt.date) -> bool:
    """A verified corrective action stays in the previous file, unless it answers a
    nonconformity the certification body raised at this audit (or after): the next audit checks
    that those are closed, so they go along, closed."""
    if action.get("status") != CLOSED_ACTION:
        return False
    raised = str(action.get("raised") or "")
    from_this_audit = raised >= audit_start.isoformat()
    return not (action.get("source") == CERTIFICATION_SOURCE and from_this_audit)


def previous_cycle(ws: Workspace) -> Path | None:
    """The file this workspace was rolled over from, if it was."""
    value = ws.store.meta_value(PREVIOUS_CYCLE)
    return Path(value) if value else None


def refresh_reasons(ws: Workspace) -> dict[str, list[Text]]:
    """Why each item was marked "needs refresh" when the cycle started (empty when it was not
    rolled over)."""
    record = ws.records.get(ROLLOVER_KIND, ROLLOVER_KEY)
    if record is None:
        return {}
    stored = record.value.get("needs_refresh", {})
    return {k: [_text(t) for t in v] for k, v in stored.items()}


def safe_stem(name: str) -> str:
    """``name`` usable as a file name's stem (characters Windows refuses become _)."""
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name).strip(" .")
    return cleaned or "workspace"


def _text_json(text: Text) -> dict[str, str]:
    return {"zh": text.zh, "en": text.en}


def _text(value: Any) -> Text:
    return Text(str(value.get("zh", "")), str(value.get("en", "")))


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
