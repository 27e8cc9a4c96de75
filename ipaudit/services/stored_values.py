"""Values an older ipaudit stored that today's rules refuse, reported as findings.

A workspace may hold a booking window of -99999999999999999999 days, a reward rate of 10²⁰ yuan or
an objective target of 1e999999999 from a version that did not check them. Reading never fails on
them: the services leave them out (``validation.without_invalid``, ``ledger_service.window_days``,
``ledger_service.get_rates``) and this finding source says which value was left out and that it
must be entered again, in the department that owns it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipaudit.domain.checks import follow_merges
from ipaudit.domain.model import Finding, Grade, Text
from ipaudit.domain.validation import DEPARTMENT_KEY_RE, facts_problems

if TYPE_CHECKING:
    from ipaudit.services import Workspace

CODE = "stored_value_invalid"
FACTS_OWNER = "ip_office"  # who keeps the declared facts when a value concerns no department
LEDGER_OWNER = "finance"


def _owner(ws: Workspace, department: str, fallback: str) -> str:
    deps = {d.key: d for d in ws.departments()}
    key = follow_merges(department if department in deps else fallback, deps)
    if key in deps:
        return key
    active = ws.departments(active_only=True)
    return active[0].key if active else key


def stored_value_findings(ws: Workspace) -> list[Finding]:
    """A minor finding for every stored value that breaks its rule."""
    from ipaudit.services import ledgers as ledger_service

    found = [
        Finding(
            code=CODE,
            grade=Grade.MINOR,
            department=_owner(ws, p.department, FACTS_OWNER),
            item_key="",
            message=p.message(),
            refs=(p.where,),
            key=f"{CODE}:{p.where}",
        )
        for p in facts_problems(ws.store.facts())
    ]
    for dep in ws.departments():
        if DEPARTMENT_KEY_RE.fullmatch(dep.key) is None:
            found.append(
                Finding(
                    code=CODE,
                    grade=Grade.MINOR,
                    department=_owner(ws, dep.key, FACTS_OWNER),
                    item_key="",
                    message=Text(
                        f"已保存的部门键“{dep.key[:64]}”不符合规则（小写字母开头，只含小写字母、数字和"
                        "下划线）。请用有效的键新增部门，再把此部门合并进去。",
                        f"The stored department key '{dep.key[:64]}' breaks the rule (a lowercase"
                        " letter, then lowercase letters, digits or _). Add a department with a"
                        " valid key and merge this one into it.",
                    ),
                    refs=(f"department.{dep.key[:64]}",),
                    key=f"{CODE}:department.{dep.key}",
                )
            )
    problem = getattr(ws, "template_problem", None)
    if problem is not None:
        found.append(
            Finding(
                code=CODE,
                grade=Grade.MAJOR,
                department=_owner(ws, FACTS_OWNER, FACTS_OWNER),
                item_key="",
                message=Text(
                    "工作区保存的检查清单无法使用，暂以内置清单代替。请用 template --export 导出、"
                    f"修正后用 template --import 导入。\n{problem.text.zh}",
                    "The workspace's own checklist cannot be used; the built-in checklist stands"
                    " in. Export it with template --export, correct it and import it again with"
                    f" template --import.\n{problem.text.en}",
                ),
                refs=("template",),
                key=f"{CODE}:template",
            )
        )
    for where, raw, reason in ledger_service.invalid_ledger_settings(ws):
        found.append(
            Finding(
                code=CODE,
                grade=Grade.MINOR,
                department=_owner(ws, LEDGER_OWNER, LEDGER_OWNER),
                item_key="",
                message=Text(
                    f"已保存的设置“{where}”的值“{raw}”{reason.zh}，对账时不使用它。请在“奖励标准”中重新填写。",
                    f"The stored setting '{where}' = {raw} {reason.en}; the reconciliation leaves"
                    " it out. Enter it again under the reward rates.",
                ),
                refs=(where,),
                key=f"{CODE}:{where}",
            )
        )
    return found
