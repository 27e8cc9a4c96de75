"""A workspace that knows who is who before its audit-day plan is generated: the duties declared
in the facts name the general manager, the management representative and each department's head,
as a company's IP manual does ("总经理周建国主持……", "部门负责人王强")."""

from __future__ import annotations

from dataclasses import replace

from ipaudit.services import Workspace

GENERAL_MANAGER = "周建国"
MANAGER = "林婉清"
HEADS = ("沈雨桐", "王强", "何静", "许文博", "周杰", "蒋丽华", "马超", "董刚", "袁芳")


def declare_people(ws: Workspace) -> dict[str, str]:
    """Declare the duties naming everybody; returns department key -> the head's name."""
    facts = ws.facts()
    duties = dict(facts.duties)
    duties["management"] = (
        f"总经理{GENERAL_MANAGER}主持管理评审，管理者代表{MANAGER}负责知识产权管理体系的运行"
    )
    heads = {}
    others = [d for d in ws.departments(active_only=True) if d.key != "management"]
    for d, name in zip(others, HEADS, strict=False):
        duties[d.key] = f"部门负责人{name}，负责本部门的知识产权工作"
        heads[d.key] = name
    ws.set_facts(replace(facts, duties=duties))
    return heads
