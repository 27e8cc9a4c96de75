"""The department a user or a document names: the workspace's ``DepartmentNames`` index
(``ipaudit.domain.department_names``), and the one bad-input message for a department typed
that the workspace does not have, for every command and view that takes one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipaudit.domain.department_names import DepartmentNames
from ipaudit.store.errors import InvalidInput

if TYPE_CHECKING:
    from ipaudit.services.workspace import Workspace


def names(ws: Workspace, *, absent: bool = False) -> DepartmentNames:
    """The workspace's departments by name, read once (``absent``: a department the company
    does not have may be found too)."""
    return DepartmentNames.build(ws.departments(), absent=absent)


def no_department(ws: Workspace, text: str, index: DepartmentNames) -> InvalidInput:
    """ "No department X; choose one of …" naming the departments ``index`` can find."""
    zh = "、".join(f"{d.key}（{d.name.zh}）" for d in index.choices) or "-"
    en = ", ".join(f"{d.key} ({d.name.en})" for d in index.choices) or "-"
    return InvalidInput(
        f"没有部门“{text}”。可选：{zh}。",
        f"There is no department '{text}'. Choose one of: {en}.",
        ws.path,
    )


def department_key(
    ws: Workspace, text: str, *, absent: bool = False, index: DepartmentNames | None = None
) -> str:
    """The key of the department ``text`` names exactly (its key, its Chinese or its English
    name; merges followed), bad input naming the choices when none does."""
    index = index if index is not None else names(ws, absent=absent)
    key = index.exact(text)
    if not key:
        raise no_department(ws, text, index)
    return key
