"""Concurrent edits: who changed a row last, and three-way merges of one person's edit into what
is stored now.

Two people (two windows, a window and a command) may edit the same workspace. An edit carries the
state it was based on; when the stored row moved on meanwhile, what this person changed is merged
into what the other one saved. Only when both changed the same thing differently is it a conflict,
which the caller reports with who saved the other change and when.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
from dataclasses import dataclass, replace
from typing import Any

from ipaudit.domain.model import ItemState, WorkspaceInfo

# meta rows ``edited:<table>:<row key>`` = {"by": user, "at": ISO time}; no column holds the editor.
# Who "user" is, is the store's to say (``WorkspaceStore.editor_name``): the operating system's user
# for a file, the database login on a server, where several people may share one Windows account.
EDITED_PREFIX = "edited:"

# ``Edited.part`` of the parts that are not an item's state nor a facts section: the workspace
# information (``key``: a field, "audit" for the audit dates, "period" for the audit period), an
# accepted finding's explanation (``key``: the finding's key) and the reward rates (``key``: the
# type or category)
INFO = "info"
ACCEPTANCE = "acceptance"
RATES = "rates"
# the row key the information's last editor is kept under (``edited:meta:info``)
INFO_KEY = "info"


@dataclass(frozen=True, slots=True)
class Edited:
    """What two edits both changed, as the store sees it. Never shown as it is: the user
    interface names it in the user's words, with the names the services give (a department's,
    an item's title, a question's text).

    An item's state: ``item_key`` and ``part`` ("status", "notes", "answers" with the question's
    key as ``key``, "instances"; "" for the state as a whole). The facts: ``item_key`` is "",
    ``part`` the section ("policy", "headcount" … as ``codec.facts_to_sections`` names them) and
    ``key`` the entry of a section that is a mapping (a department's key in headcount and duties,
    the kind in portfolio, the fact in extra, the category in budget); "" for the whole section.
    """

    item_key: str = ""
    part: str = ""
    key: str = ""

    def at(self, key: str) -> Edited:
        """The entry ``key`` of this part (the first level only: deeper keys name no more)."""
        return self if self.key else replace(self, key=key)


class MergeConflict(Exception):
    """Both sides changed ``edited`` differently; the store turns it into an EditConflict."""

    def __init__(self, edited: Edited) -> None:
        super().__init__(edited)
        self.edited = edited


@dataclass(frozen=True, slots=True)
class Editor:
    """Who saved a row last, and when (empty when not recorded)."""

    by: str = ""
    at: dt.datetime | None = None


def os_user() -> str:
    """The operating system's name of the person running ipaudit ("" when it cannot be told)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no such user in the password database, no variables set
        return ""


def editor_key(table: str, key: str) -> str:
    return f"{EDITED_PREFIX}{table}:{key}"


def editor_value(when: dt.datetime, by: str) -> str:
    """The ``edited:`` meta value: ``by`` is the store's ``editor_name`` (the operating system's
    user for a file, the database login on a server)."""
    return json.dumps({"by": by, "at": when.isoformat()}, ensure_ascii=False)


def editor_from_value(value: str | None) -> Editor:
    if not value:
        return Editor()
    try:
        data = json.loads(value)
        at = data.get("at")
        return Editor(str(data.get("by", "")), dt.datetime.fromisoformat(at) if at else None)
    except (ValueError, TypeError, AttributeError):
        return Editor()


def merge_value(base: Any, mine: Any, theirs: Any, edited: Edited = Edited()) -> Any:
    """``mine`` applied to ``theirs`` where ``base`` is what ``mine`` started from; ``edited``
    says what the value is (the MergeConflict carries it, with the mapping's key).

    Mappings merge key by key, so two people declaring the headcount of two departments both
    keep their edit; anything else changed differently by both is a MergeConflict.
    """
    if mine in (base, theirs):
        return theirs
    if theirs == base:
        return mine
    if isinstance(base, dict) and isinstance(mine, dict) and isinstance(theirs, dict):
        missing = object()
        out: dict[str, Any] = {}
        for key in [*theirs, *(k for k in mine if k not in theirs)]:
            value = merge_value(
                base.get(key, missing),
                mine.get(key, missing),
                theirs.get(key, missing),
                edited.at(str(key)),
            )
            if value is not missing:
                out[key] = value
        return out
    raise MergeConflict(edited)


def merge_state(base: ItemState, mine: ItemState, theirs: ItemState) -> ItemState:
    """An item's state with what changed from ``base`` to ``mine`` applied to ``theirs``.

    Status and its not-applicable reason go together; answers merge question by question.
    """
    key = base.item_key
    status, na_reason = merge_value(
        (base.status, base.na_reason),
        (mine.status, mine.na_reason),
        (theirs.status, theirs.na_reason),
        Edited(key, "status"),
    )
    return replace(
        theirs,
        status=status,
        na_reason=na_reason,
        notes=merge_value(base.notes, mine.notes, theirs.notes, Edited(key, "notes")),
        answers=merge_value(base.answers, mine.answers, theirs.answers, Edited(key, "answers")),
        instance_names=merge_value(
            base.instance_names,
            mine.instance_names,
            theirs.instance_names,
            Edited(key, "instances"),
        ),
    )


def merge_sections(
    base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]
) -> dict[str, Any]:
    """The facts sections (plain JSON values) with ``base`` → ``mine`` applied to ``theirs``."""
    out = dict(theirs)
    for key in mine:
        if key in base and mine[key] == base[key]:
            continue
        out[key] = merge_value(base.get(key), mine[key], theirs.get(key), Edited(part=key))
    return out


def _info_fields(info: WorkspaceInfo) -> dict[str, Any]:
    """The information as the fields two people may change independently: the audit dates and
    the period each go as a pair (moving one end alone could put it past the other)."""
    return {
        "company": info.company,
        "audit_type": info.audit_type,
        "audit": (info.audit_start, info.audit_end),
        "period": (info.period_start, info.period_end),
        "last_audit": info.last_audit,
        "certificate": (info.certificate_start, info.certificate_end),
        "system_start": info.system_start,
    }


def merge_info(base: WorkspaceInfo, mine: WorkspaceInfo, theirs: WorkspaceInfo) -> WorkspaceInfo:
    """The information with what changed from ``base`` to ``mine`` applied to ``theirs``, field
    by field (MergeConflict with ``Edited(part=INFO, key=field)``)."""
    merged = merge_value(
        _info_fields(base), _info_fields(mine), _info_fields(theirs), Edited(part=INFO)
    )
    return replace(
        theirs,
        company=merged["company"],
        audit_type=merged["audit_type"],
        audit_start=merged["audit"][0],
        audit_end=merged["audit"][1],
        period_start=merged["period"][0],
        period_end=merged["period"][1],
        last_audit=merged["last_audit"],
        certificate_start=merged["certificate"][0],
        certificate_end=merged["certificate"][1],
        system_start=merged["system_start"],
    )
