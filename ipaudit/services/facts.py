"""Declaring one fact of the IP manual by key (``set-fact``; the Facts tab edits the same
``Facts`` through ``Workspace.set_facts``)."""

from __future__ import annotations

from dataclasses import replace

from ipaudit.domain.model import Facts, Objective, Procedure
from ipaudit.services.budget import parse_amount, parse_category
from ipaudit.store.errors import InvalidInput


def apply_fact(facts: Facts, key: str, value: str, departments: set[str]) -> Facts:
    """``policy``, ``headcount.<dept>``, ``duties.<dept>``, ``certificates`` (、 or , separated),
    ``portfolio.<type>``, ``extra.<key>``, ``manual-objectives`` (; separated),
    ``objective.<key>`` = ``text|target|unit|dept=share,dept=share`` (empty value removes it),
    ``procedure.<code>`` = ``title|dept`` (empty value removes it), ``budget.<category>``
    (yuan), ``nonconformities.open`` (the last audit's still open). ``departments``: the
    workspace's department keys."""
    from ipaudit.domain import validation as v

    section, _, sub = key.partition(".")

    def need_dept() -> str:
        if sub not in departments:
            raise InvalidInput(f"没有部门“{sub}”。", f"There is no department '{sub}'.")
        return sub

    if key == "policy":
        return replace(facts, policy=value)
    if section == "headcount":
        dep = need_dept()
        counts = dict(facts.headcount)
        if value.strip():
            counts[dep] = v.HEADCOUNT.parse_int(value, key)
        else:
            counts.pop(dep, None)
        return replace(facts, headcount=counts)
    if section == "duties":
        return replace(facts, duties={**facts.duties, need_dept(): value})
    if key == "certificates":
        parts = [p.strip() for p in value.replace("、", ",").split(",") if p.strip()]
        return replace(facts, certificates=tuple(parts))
    if section == "portfolio" and sub:
        count = v.COUNT.parse_int(value, key)
        return replace(facts, portfolio={**facts.portfolio, v.check_fact_key(sub, section): count})
    if section == "extra" and sub:
        return replace(facts, extra={**facts.extra, v.check_fact_key(sub, section): value})
    if key == "manual-objectives":
        return replace(
            facts, manual_objectives=tuple(p.strip() for p in value.split(";") if p.strip())
        )
    if section == "objective" and sub:
        v.check_fact_key(sub, section)
        others = tuple(o for o in facts.objectives if o.key != sub)
        if not value.strip():
            return replace(facts, objectives=others)
        text, target, unit, split = ([*value.split("|"), "", "", ""])[:4]
        shares = {}
        for part in filter(None, (p.strip() for p in split.split(","))):
            dep, _, share = part.partition("=")
            if dep not in departments:
                raise InvalidInput(f"没有部门“{dep}”。", f"There is no department '{dep}'.")
            shares[dep] = v.TARGET.parse(share, f"{key} {dep}")
        obj = Objective(sub, text.strip(), v.TARGET.parse(target, key), unit.strip(), shares)
        return replace(facts, objectives=(*others, obj))
    if section == "procedure" and sub:
        v.check_fact_key(sub, section)
        others_p = tuple(p for p in facts.procedures if p.code != sub)
        if not value.strip():
            return replace(facts, procedures=others_p)
        title, _, dep = value.partition("|")
        dep = dep.strip()
        if dep and dep not in departments:
            raise InvalidInput(f"没有部门“{dep}”。", f"There is no department '{dep}'.")
        procedure = Procedure(sub, title.strip(), dep)
        return replace(facts, procedures=(*others_p, procedure))
    if section == "budget" and sub:
        category, amount = parse_category(sub), parse_amount(value)
        budget = {k: a for k, a in facts.budget.items() if k != category}
        return replace(facts, budget=budget if amount is None else {**budget, category: amount})
    if key == "nonconformities.open":
        still_open = None if not value.strip() else v.COUNT.parse_int(value, key)
        return replace(facts, open_nonconformities=still_open)
    raise InvalidInput(
        f"未知的事实“{key}”。", f"Unknown fact '{key}'. See `set-fact --help` for the keys."
    )
