"""The names a conflict of two edits is told in.

The store says what both edits changed, structurally (``edits.Edited``: an item's notes, an answer
to a question, a department's headcount …). A user reads names, never keys: this module gives the
names the workspace holds for the keys in it — an item's title, a question's text, a
department's name, an expense category's name. The words around them ("the notes of …") are the
user interface's; the details of the facts show departments by name too (``department_names``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ipaudit.domain.budget import BY_KEY as BUDGET_CATEGORIES
from ipaudit.domain.model import Text
from ipaudit.services.workspace import Workspace
from ipaudit.store.edits import Edited

#: facts sections whose entries are keyed by department
DEPARTMENT_SECTIONS = frozenset({"headcount", "duties"})


@dataclass(frozen=True, slots=True)
class EditedNames:
    """The names in what changed: each None when it does not apply (or is no longer known)."""

    item: Text | None = None  # the item's title (a conflict in an item's state)
    question: Text | None = None  # the question's text (an answer)
    entry: Text | None = None  # a facts entry's name: a department's, an expense category's


def department_names(ws: Workspace) -> dict[str, Text]:
    """Every department's name by key, absent and merged ones included (facts may still name
    them)."""
    return {d.key: d.name for d in ws.departments()}


def edited_names(ws: Workspace, edited: Edited) -> EditedNames:
    """The names of the item, question and facts entry ``edited`` refers to."""
    if edited.item_key:
        try:
            item = ws.template.item(edited.item_key)
        except KeyError:  # an item of an older template: nothing to name it by
            return EditedNames()
        question = None
        if edited.part == "answers" and edited.key:
            found = next((q for q in item.questions if q.key == edited.key), None)
            question = found.text if found is not None else None
        return EditedNames(item=item.title, question=question)
    if not edited.key:
        return EditedNames()
    if edited.part in DEPARTMENT_SECTIONS:
        return EditedNames(entry=department_names(ws).get(edited.key))
    if edited.part == "budget":
        category = BUDGET_CATEGORIES.get(edited.key)
        return EditedNames(entry=category.name if category is not None else None)
    return EditedNames()
