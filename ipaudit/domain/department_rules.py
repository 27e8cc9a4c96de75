"""What may be done to a workspace's departments, and why not.

One set of rules for every change of the department list (the services apply them whoever asks,
the command line or the GUI; the GUI asks them before offering a button):

* a name (Chinese or English) belongs to one department: two departments called "财务部" cannot be
  told apart when a user or a document names one of them. Names are compared as a reader sees
  them: NFKC (full-width letters, compatibility forms), spaces removed, case folded. A department
  marked absent does not hold its names (departments are never deleted: undoing an added one
  marks it absent, and its names are free again); marking it present again checks them.
* a department is merged into an active department: not into one that is itself merged (its
  items would go on to a third one nobody chose) or absent (they would have no owner), and
  never round a cycle.
* a department is marked absent only when nothing would be left without an owner: no other
  department is merged into it, and it owns none of the requirements that can never be waived
  (DOMAIN.md §7: policy, objectives, manual, procedures, internal audit, management review,
  training, labour contracts, confidentiality agreements, the reward procedure). An absent
  department's items leave the audit; a mandatory one has to move to another department instead,
  which is what merging does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ipaudit.domain.model import Department, Item, Text
from ipaudit.domain.normalize import nfkc

#: mandatory items named in a refusal before "and N more"
MAX_NAMED_ITEMS = 6


def name_key(text: str) -> str:
    """``text`` as names are compared: NFKC, without spaces, case folded ("Ｆｉｎ ance" → "finance")."""
    return "".join(nfkc(text).split()).casefold()


def _zh(dep: Department) -> str:
    return dep.name.zh or dep.name.en or dep.key


def _en(dep: Department) -> str:
    return dep.name.en or dep.name.zh or dep.key


def _names(deps: Iterable[Department]) -> Text:
    deps = list(deps)
    return Text("、".join(f"“{_zh(d)}”" for d in deps), ", ".join(f"'{_en(d)}'" for d in deps))


def name_problem(key: str, names: Iterable[str], departments: Sequence[Department]) -> Text | None:
    """Why department ``key`` (new or renamed) cannot be called ``names``: another department
    that is not absent already has one of them (as its Chinese or its English name); None when
    it can."""
    wanted = {name_key(n): n.strip() for n in names if name_key(n)}
    for dep in departments:
        if dep.key == key or dep.absent:
            continue
        for own in (dep.name.zh, dep.name.en):
            name = wanted.get(name_key(own))
            if name is not None:
                return Text(
                    f"名称“{name}”已被部门“{_zh(dep)}”（{dep.key}）使用：两个同名的部门无法按名称区分。"
                    "请换一个名称。",
                    f"The name '{name}' is already the name of the department '{_en(dep)}'"
                    f" ({dep.key}): two departments of one name cannot be told apart by name."
                    " Choose another name.",
                )
    return None


def _chain(key: str, by_key: Mapping[str, Department]) -> list[str]:
    """``key`` and the departments it is merged into, in order (a cycle ends the walk)."""
    out = [key]
    while key in by_key and by_key[key].merged_into and by_key[key].merged_into not in out:
        key = by_key[key].merged_into or key
        out.append(key)
    return out


def merge_problem(key: str, into: str, departments: Sequence[Department]) -> Text | None:
    """Why department ``key`` cannot be merged into ``into``; None when it can. Both must exist
    (the caller says so when one does not)."""
    by_key = {d.key: d for d in departments}
    dep, target = by_key[key], by_key[into]
    if key == into:
        return Text("部门不能合并到自身。", "A department cannot merge into itself.")
    if key in _chain(into, by_key):
        return Text(
            f"不能把“{_zh(dep)}”合并到“{_zh(target)}”：“{_zh(target)}”已合并到“{_zh(dep)}”，"
            "这样会形成循环，条目将没有负责部门。请选择一个在用的部门。",
            f"'{_en(dep)}' cannot merge into '{_en(target)}': '{_en(target)}' is merged into"
            f" '{_en(dep)}', so the merge would close a cycle and the items would have no owner."
            " Choose an active department.",
        )
    if target.merged_into:
        final = by_key.get(_chain(into, by_key)[-1], target)
        return Text(
            f"不能合并到“{_zh(target)}”：它本身已合并到“{_zh(final)}”。请直接合并到“{_zh(final)}”。",
            f"Cannot merge into '{_en(target)}': it is itself merged into '{_en(final)}'."
            f" Merge into '{_en(final)}' instead.",
        )
    if target.absent:
        return Text(
            f"不能合并到“{_zh(target)}”：它已标为不设立，合并过去的条目将没有负责部门。"
            f"请先将“{_zh(target)}”标为设立，或合并到其他部门。",
            f"Cannot merge into '{_en(target)}': it is marked absent, so the items would have no"
            f" owner. Mark '{_en(target)}' present first, or merge into another department.",
        )
    return None


def merge_targets(key: str, departments: Sequence[Department]) -> list[Department]:
    """The departments ``key`` may be merged into, in list order."""
    return [
        d for d in departments if d.key != key and merge_problem(key, d.key, departments) is None
    ]


def no_merge_target(departments: Sequence[Department], key: str) -> Text:
    """Why ``key`` has no department to merge into."""
    dep = next(d for d in departments if d.key == key)
    return Text(
        f"“{_zh(dep)}”没有可合并到的部门：其他部门都已合并或标为不设立。",
        f"'{_en(dep)}' has no department to merge into: every other department is merged or"
        " marked absent.",
    )


def present_problem(key: str, departments: Sequence[Department]) -> Text | None:
    """Why department ``key``, marked absent, cannot be marked present again: another department
    took one of its names meanwhile; None when it can."""
    dep = next(d for d in departments if d.key == key)
    clash = name_problem(key, (dep.name.zh, dep.name.en), departments)
    if clash is None:
        return None
    return Text(
        f"不能将“{_zh(dep)}”标为设立：{clash.zh.removesuffix('请换一个名称。')}"
        f"请先给其中一个部门改名。",
        f"'{_en(dep)}' cannot be marked present: {clash.en.removesuffix(' Choose another name.')}"
        " Rename one of the two first.",
    )


def absent_problem(
    key: str, departments: Sequence[Department], mandatory_owned: Sequence[Item]
) -> Text | None:
    """Why department ``key`` cannot be marked absent; None when it can. ``mandatory_owned``: the
    requirements that can never be waived whose items ``key`` owns now."""
    by_key = {d.key: d for d in departments}
    dep = by_key[key]
    if dep.merged_into:
        final = by_key.get(_chain(key, by_key)[-1], dep)
        return Text(
            f"“{_zh(dep)}”已合并到“{_zh(final)}”，其条目由“{_zh(final)}”负责，无需标为不设立。",
            f"'{_en(dep)}' is merged into '{_en(final)}', which owns its items; there is nothing"
            " to mark absent.",
        )
    if mandatory_owned:
        shown = mandatory_owned[:MAX_NAMED_ITEMS]
        more = len(mandatory_owned) - len(shown)
        zh_items = "、".join(f"“{it.title.zh}”" for it in shown)
        en_items = "; ".join(f"'{it.title.en}'" for it in shown)
        if more:
            zh_items += f"等 {len(mandatory_owned)} 项"
            en_items += f" and {more} more"
        return Text(
            f"不能将“{_zh(dep)}”标为不设立：它负责的以下要求不能免除：{zh_items}。"
            f"请先将“{_zh(dep)}”合并到另一个部门（其条目随之转到该部门），而不是标为不设立。",
            f"'{_en(dep)}' cannot be marked absent: it owns requirements that can never be"
            f" waived: {en_items}. Merge '{_en(dep)}' into another department first (its items"
            " move there) instead of marking it absent.",
        )
    merged_in = [d for d in departments if d.merged_into == key]
    if merged_in:
        names = _names(merged_in)
        return Text(
            f"不能将“{_zh(dep)}”标为不设立：{names.zh}已合并到它，其条目将没有负责部门。"
            "请先把它们合并到其他部门。",
            f"'{_en(dep)}' cannot be marked absent: {names.en} merged into it, and their items"
            " would have no owner. Merge them into another department first.",
        )
    return None


def mandatory_owned(
    key: str, departments: Sequence[Department], mandatory: Iterable[Item]
) -> list[Item]:
    """The items of ``mandatory`` (the requirements that can never be waived) that department
    ``key`` owns in ``departments``: its own template department's and those of the departments
    merged into it (merges followed), whether ``key`` is marked absent or not."""
    by_key = {d.key: d for d in departments}
    return [it for it in mandatory if _chain(it.department, by_key)[-1] == key]


def list_problem(departments: Sequence[Department], mandatory: Iterable[Item]) -> Text | None:
    """Why ``departments`` cannot be the department list of a new workspace: one it marks absent
    could not be marked absent in a workspace (:func:`absent_problem`: it owns requirements that
    can never be waived, or a department is merged into it); None when it can. The service that
    creates a workspace refuses such a list, and the new-workspace wizard asks this of the list a
    removal would leave before it offers the removal."""
    items = list(mandatory)
    for dep in departments:
        if dep.absent and not dep.merged_into:
            owned = mandatory_owned(dep.key, departments, items)
            problem = absent_problem(dep.key, departments, owned)
            if problem is not None:
                return problem
    return None


__all__ = [
    "MAX_NAMED_ITEMS",
    "absent_problem",
    "list_problem",
    "mandatory_owned",
    "merge_problem",
    "merge_targets",
    "name_key",
    "name_problem",
    "no_merge_target",
    "present_problem",
]
