"""How each kind of record is read, checked where the records are read (``RecordStore``).

A record its readers cannot convert — written through psql on a server, or by another version of
the app — is left out of what they read and reported here as a finding that names it, who wrote it
and when, and says to remove or fix it; so is an item state with a status or JSON the app cannot
read (``codec.state_problem``: read as not started). So one department's malformed row never stops the
manager's readiness, findings, mock audit or export.

Each check converts a record as its readers do (the domain's own ``from_json`` functions); the
services are imported when a record is first checked, not when this module is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ipaudit.domain.model import Finding, Grade, Text
from ipaudit.store.errors import InvalidInput
from ipaudit.store.records_store import Record, Unreadable, register_check, unreadable_states

if TYPE_CHECKING:
    from ipaudit.services.workspace import Workspace

CODE = "record_unreadable"
STATE = "item_states"  # the kind of an item's state that cannot be read


def _plan(rec: Record) -> object:
    from ipaudit.domain.audit_plan import session_from_json, setup_from_json
    from ipaudit.services.audit_plan import SESSION_PREFIX, SETUP

    if rec.key == SETUP:
        return setup_from_json(rec.value)
    if rec.key.startswith(SESSION_PREFIX):
        return session_from_json(rec.value)
    return None


def _rehearsal(rec: Record) -> object:
    from ipaudit.services.rehearsal import Attempt

    return [Attempt.from_json(a) for a in rec.value.get("attempts", [])]


def _request(rec: Record) -> object:
    from ipaudit.services.request_list import RequestLine

    return RequestLine.from_record(rec)


def _mock_audit(rec: Record) -> object:
    from ipaudit.domain.mock_audit import audit_from_json

    return audit_from_json(rec.value, rec.version)


def _action(rec: Record) -> object:
    from ipaudit.domain.corrective_actions import action_from_json

    return action_from_json(rec.value, rec.version)


#: kind -> (the check, the grade of a finding for one of its records that cannot be read): a
#: plan, mock audit, corrective action or request the audit needs is missing from what the
#: manager sees (minor); a rehearsal history only from the practice
CHECKS: dict[str, tuple[Callable[[Record], object], Grade]] = {
    "plan": (_plan, Grade.MINOR),
    "rehearsal": (_rehearsal, Grade.OBSERVATION),
    "request": (_request, Grade.MINOR),
    "mock_audit": (_mock_audit, Grade.MINOR),
    "action": (_action, Grade.MINOR),
}

for _kind, (_check, _grade) in CHECKS.items():
    register_check(_kind, _check)


def _finding(u: Unreadable) -> Finding:
    when = u.updated_at.strftime("%Y-%m-%d %H:%M") if u.updated_at else "?"
    who = u.updated_by or "?"
    if u.kind == STATE:
        return Finding(
            code=CODE,
            grade=Grade.MINOR,
            department=u.department,
            item_key=u.key,
            message=Text(
                f"条目状态无法读取：{u.key}（本软件记下的最后一次保存：{who}，{when}）。它按“未开始”"
                "计算；请重新填写该条目（保存即修正），或请体系专员删除这一行。",
                f"An item's state cannot be read: {u.key} (last saved through the app by {who}"
                f" at {when}). It counts as not started; fill the item in again (saving fixes"
                " it), or have the compliance manager remove the row.",
            ),
            refs=(f"item_states/{u.key}", u.reason),
            key=f"{CODE}:{STATE}/{u.key}",
        )
    grade = CHECKS[u.kind][1] if u.kind in CHECKS else Grade.OBSERVATION
    return Finding(
        code=CODE,
        grade=grade,
        department=u.department,
        item_key="",
        message=Text(
            f"记录无法读取：{u.kind}/{u.key}，由 {who} 于 {when} 写入。它未计入准备度、发现和导出；"
            f"请体系专员修正或删除这条记录（ipaudit unreadable 工作区 --remove {u.kind}/{u.key}）。",
            f"A record cannot be read: {u.kind}/{u.key}, written by {who} at {when}. It is"
            " left out of readiness, findings and exports; the compliance manager should fix or"
            f" remove it (ipaudit unreadable WORKSPACE --remove {u.kind}/{u.key}).",
        ),
        refs=(f"records/{u.kind}/{u.key}", u.reason),
        key=f"{CODE}:{u.kind}/{u.key}",
    )


def findings(ws: Workspace) -> Iterable[Finding]:
    """A finding for each stored record its readers leave out, and each item state that
    cannot be read."""
    return [_finding(u) for u in unreadable(ws)]


def unreadable(ws: Workspace) -> list[Unreadable]:
    """The stored records and item states the app cannot read, records first."""
    return [*ws.records.unreadable(), *unreadable_states(ws.store)]


def remove_unreadable(ws: Workspace, kind: str, key: str) -> Unreadable:
    """Remove the record (kind, key) that cannot be read; refused for one that can be read (its
    own feature changes it) and for an item state (filling the item in again replaces it)."""
    found = next((u for u in ws.records.unreadable() if (u.kind, u.key) == (kind, key)), None)
    if found is None:
        raise InvalidInput(
            f"没有无法读取的记录“{kind}/{key}”；能读取的记录请在相应功能中修改或删除。"
            "（条目状态请重新填写该条目。）",
            f"There is no unreadable record '{kind}/{key}'; a record that can be read is changed"
            " or removed where it is used. (For an item's state, fill the item in again.)",
            ws.path,
        )
    ws.records.delete(kind, key)
    ws.changed()
    return found
