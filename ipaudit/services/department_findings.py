"""A major finding for every requirement that can never be waived and has no department.

The department changes refuse to leave one without an owner (``domain.department_rules``), but a
workspace can still come to it by other ways: one written before those rules, a department removed
in the new-workspace wizard, a change restored from elsewhere. Its items then leave the audit
silently (an absent department's items are not counted), so this says it: the auditors will ask
for the policy, the labour contracts, the training records … whoever the company gives them to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipaudit.domain.checks import item_department
from ipaudit.domain.model import Finding, Grade, Text
from ipaudit.domain.rules import mandatory_keys

if TYPE_CHECKING:
    from ipaudit.services.workspace import Workspace

CODE = "mandatory_without_department"


def findings(ws: Workspace) -> list[Finding]:
    """One major finding per mandatory item whose department is absent (or missing), filed under
    the first active department (management in the built-in templates)."""
    deps = ws.departments()
    by_key = {d.key: d for d in deps}
    active = [d for d in deps if not d.absent and not d.merged_into]
    if not active:
        return []
    mandatory = mandatory_keys(ws.template)
    found = []
    for item in ws.template.items:
        if item.key not in mandatory or item_department(item, by_key) is not None:
            continue
        dep = by_key.get(item.department)
        zh_dep = dep.name.zh if dep else item.department
        en_dep = dep.name.en if dep else item.department
        found.append(
            Finding(
                code=CODE,
                grade=Grade.MAJOR,
                department=active[0].key,
                item_key=item.key,
                message=Text(
                    f"“{item.title.zh}”不能免除，但它所属的部门“{zh_dep}”标为不设立，没有部门负责。"
                    f"请将“{zh_dep}”标为设立，或把它合并到另一个部门。",
                    f"'{item.title.en}' can never be waived, but its department '{en_dep}' is"
                    f" marked absent, so no department owns it. Mark '{en_dep}' present, or"
                    " merge it into another department.",
                ),
                refs=(item.department,),
                key=f"{CODE}:{item.key}",
            )
        )
    return found
