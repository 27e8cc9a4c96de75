"""Changing the departments never hides mandatory work and never makes two departments of one
name: the services' rules (``domain.department_rules``) on the demo workspace, through the
services, through the command line, and over random sequences of changes and undos."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from ipaudit.cli import EXIT_INPUT
from ipaudit.domain.department_rules import name_key
from ipaudit.domain.model import Department
from ipaudit.domain.rules import mandatory_keys
from ipaudit.services import Workspace
from ipaudit.store.errors import InvalidInput
from tests.integration.cli_run import ok_json, run

HR_MANDATORY = {
    "hr.labour_contracts",
    "hr.confidentiality_agreements",
    "hr.reward_procedure",
    "hr.training_plans",
    "hr.trainings",
}


@pytest.fixture
def ws(demo_path: Path):
    with Workspace.open(demo_path) as opened:
        yield opened


def refused(call) -> InvalidInput:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as caught:
        call()
    return caught.value


def states(ws: Workspace) -> list[Department]:
    return ws.departments()


# --- absent ---------------------------------------------------------------------------------


def test_a_department_owning_mandatory_work_cannot_be_marked_absent(ws: Workspace) -> None:
    before, ready = states(ws), ws.readiness()
    mandatory = mandatory_keys(ws.template)
    owned = {it.key for it in ws.items_of("hr_admin") if it.key in mandatory}
    assert owned == HR_MANDATORY
    error = refused(lambda: ws.set_department_absent("hr_admin"))
    zh, en = error.message("zh"), error.message("en")
    assert "行政人事部" in zh and "劳动合同（至少三套）" in zh and "保密协议（至少三套）" in zh
    assert "合并到另一个部门" in zh
    assert "'HR and administration' cannot be marked absent" in en
    assert "Merge 'HR and administration' into another department first" in en
    assert states(ws) == before and ws.readiness() == ready
    assert ws.department_change_problem("absent", "hr_admin") is not None


def test_merging_moves_mandatory_work_so_it_stays_owned(ws: Workspace) -> None:
    """The way out the refusal names: merge HR into management; its items (and procurement's,
    merged into HR) are management's, then HR has nothing left to mark absent."""
    ws.merge_department("hr_admin", "management")
    owned = {it.key for it in ws.items_of("management")}
    assert owned >= HR_MANDATORY
    assert {ws.owner(ws.item(k)) for k in HR_MANDATORY} == {"management"}
    error = refused(lambda: ws.set_department_absent("hr_admin"))
    assert "merged into 'Management" in error.message("en")
    # management now owns HR's mandatory items as well as its own
    error = refused(lambda: ws.set_department_absent("management"))
    assert "劳动合同（至少三套）" in error.message("zh")


def test_absent_is_refused_while_a_department_is_merged_into_it(ws: Workspace) -> None:
    ws.merge_department("finance", "production")
    error = refused(lambda: ws.set_department_absent("production"))
    assert "'Finance' merged into it" in error.message("en")
    assert "“财务部”已合并到它" in error.message("zh")
    assert not ws.department("production").absent
    assert {it.key for it in ws.items_of("production")} >= {
        it.key for it in ws.template.items if it.department == "finance"
    }


def test_a_department_without_mandatory_work_can_be_absent_and_present(ws: Workspace) -> None:
    assert ws.items_of("production")
    ws.set_department_absent("production")
    assert ws.department("production").absent and not ws.items_of("production")
    ws.set_department_absent("production", False)
    assert not ws.department("production").absent and ws.items_of("production")


# --- merge ----------------------------------------------------------------------------------


def test_a_merge_cycle_is_refused(ws: Workspace) -> None:
    assert ws.department("procurement").merged_into == "hr_admin"
    before = states(ws)
    error = refused(lambda: ws.merge_department("hr_admin", "procurement"))
    assert "close a cycle" in error.message("en") and "循环" in error.message("zh")
    assert states(ws) == before


def test_merging_into_a_merged_or_absent_department_is_refused(ws: Workspace) -> None:
    error = refused(lambda: ws.merge_department("finance", "procurement"))
    assert "'Procurement': it is itself merged into 'HR and administration'" in error.message("en")
    ws.set_department_absent("production")
    error = refused(lambda: ws.merge_department("finance", "production"))
    assert "it is marked absent" in error.message("en") and "标为设立" in error.message("zh")
    assert ws.department("finance").merged_into is None
    assert [d.key for d in ws.merge_targets("finance")] == [
        "management",
        "ip_office",
        "rnd",
        "hr_admin",
        "marketing",
    ]


# --- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("财务部", "Research"),
        ("研发中心", " ＦＩＮＡＮＣＥ "),
        ("财 务 部", "X"),
        ("研发中心", "财务部"),
    ],
)
def test_a_name_another_department_has_is_refused(ws: Workspace, zh: str, en: str) -> None:
    before = states(ws)
    error = refused(lambda: ws.rename_department("rnd", zh, en))
    assert "(finance)" in error.message("en") and "Choose another name" in error.message("en")
    assert "“财务部”（finance）" in error.message("zh")
    assert states(ws) == before
    error = refused(lambda: ws.add_department("legal", zh, en))
    assert "(finance)" in error.message("en")
    assert "legal" not in {d.key for d in states(ws)}


def test_a_department_keeps_or_changes_its_own_names(ws: Workspace) -> None:
    ws.rename_department("rnd", "研 发 部", "r&d")  # its own names, written differently
    assert ws.department("rnd").name.en == "r&d"
    ws.add_department("legal", "法务部", "Legal")
    assert ws.department("legal").name.zh == "法务部"


def test_an_absent_departments_names_are_free_and_checked_when_it_comes_back(
    ws: Workspace,
) -> None:
    """Undoing an added department marks it absent (departments are never deleted): its names
    can be given again, and it cannot come back while another department has them."""
    ws.add_department("legal", "法务部", "Legal")
    ws.set_department_absent("legal")
    ws.rename_department("rnd", "法务部", "Legal")
    error = refused(lambda: ws.set_department_absent("legal", False))
    assert "'Legal' cannot be marked present" in error.message("en")
    assert "(rnd)" in error.message("en") and "Rename one of the two first" in error.message("en")
    assert "不能将“法务部”标为设立" in error.message("zh") and "改名" in error.message("zh")
    assert ws.department("legal").absent
    ws.rename_department("rnd", "研发部", "R&D")
    ws.set_department_absent("legal", False)
    assert not ws.department("legal").absent


# --- the command line -----------------------------------------------------------------------


def test_cli_refuses_with_the_reason(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "departments", demo_path, "absent", "hr_admin")
    assert code == EXIT_INPUT
    assert "行政人事部" in err and "劳动合同（至少三套）" in err and "合并到另一个部门" in err
    code, _, err = run(
        capsys, "departments", demo_path, "merge", "hr_admin", "--into", "procurement"
    )
    assert code == EXIT_INPUT and "循环" in err
    assert run(capsys, "departments", demo_path, "absent", "production")[0] == 0
    code, _, err = run(capsys, "departments", demo_path, "merge", "finance", "--into", "production")
    assert code == EXIT_INPUT and "已标为不设立" in err
    code, _, err = run(capsys, "departments", demo_path, "rename", "rnd", "--zh", "财务部")
    assert code == EXIT_INPUT and "“财务部”（finance）" in err
    code, _, err = run(
        capsys, "departments", demo_path, "add", "legal", "--zh", "法务部", "--en", "finance"
    )
    assert code == EXIT_INPUT and "finance" in err
    rows = ok_json(capsys, "departments", demo_path)
    by_key = {r["key"]: r for r in rows}
    assert not by_key["hr_admin"]["absent"] and by_key["hr_admin"]["merged_into"] is None
    assert by_key["finance"]["merged_into"] is None and by_key["rnd"]["name_zh"] == "研发部"
    assert "legal" not in by_key


def test_cli_messages_in_english(
    demo_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPAUDIT_LANG", "en")
    code, _, err = run(capsys, "departments", demo_path, "absent", "hr_admin")
    assert code == EXIT_INPUT
    assert "'HR and administration' cannot be marked absent" in err and "Merge" in err


# --- random sequences -----------------------------------------------------------------------

NAMES = [
    ("财务部", "Finance"),
    ("财 务 部", "ＦＩＮＡＮＣＥ"),
    ("法务部", "Legal"),
    ("法 务部", "legal "),
    ("质量部", "Quality"),
    ("研发部", "R&D"),
    ("研发中心", "Research"),
    ("行政人事部", "HR"),
]


class DepartmentChanges(RuleBasedStateMachine):
    """Add, rename, merge, absent/present and undo (the GUI's undo: store the department as it
    was; an added one is marked absent) in any order; refused changes change nothing."""

    master: Path

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="deps-"))
        self.ws = Workspace.open(shutil.copyfile(self.master, self.dir / "w.ipaudit"))
        self.mandatory = [
            it for it in self.ws.template.items if it.key in mandatory_keys(self.ws.template)
        ]
        self.done: list[tuple[str, Department | None]] = []
        self.added = 0

    def teardown(self) -> None:
        self.ws.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def keys(self) -> list[str]:
        return [d.key for d in self.ws.departments()]

    def change(self, key: str, call) -> None:  # type: ignore[no-untyped-def]
        before_all = self.ws.departments()
        before = next((d for d in before_all if d.key == key), None)
        try:
            call()
        except InvalidInput:
            assert self.ws.departments() == before_all
            return
        self.done.append((key, before))

    @rule(names=st.sampled_from(NAMES))
    def add(self, names: tuple[str, str]) -> None:
        self.added += 1
        key = f"extra_{self.added}"
        self.change(key, lambda: self.ws.add_department(key, *names))

    @rule(data=st.data(), names=st.sampled_from(NAMES))
    def rename(self, data: st.DataObject, names: tuple[str, str]) -> None:
        key = data.draw(st.sampled_from(self.keys()))
        self.change(key, lambda: self.ws.rename_department(key, *names))

    @rule(data=st.data())
    def merge(self, data: st.DataObject) -> None:
        key = data.draw(st.sampled_from(self.keys()))
        into = data.draw(st.sampled_from(self.keys()))
        self.change(key, lambda: self.ws.merge_department(key, into))

    @rule(data=st.data(), absent=st.booleans())
    def set_absent(self, data: st.DataObject, absent: bool) -> None:
        key = data.draw(st.sampled_from(self.keys()))
        self.change(key, lambda: self.ws.set_department_absent(key, absent))

    @precondition(lambda self: bool(self.done))
    @rule()
    def undo(self) -> None:
        key, before = self.done.pop()
        if before is None:
            before = replace(self.ws.department(key), absent=True)
        self.ws.save_department(before)

    @invariant()
    def mandatory_work_is_owned(self) -> None:
        deps = {d.key: d for d in self.ws.departments()}
        for item in self.mandatory:
            owner = self.ws.owner(item)
            assert owner, item.key
            assert not deps[owner].absent and not deps[owner].merged_into, item.key

    @invariant()
    def no_merge_cycle(self) -> None:
        deps = {d.key: d for d in self.ws.departments()}
        for key in deps:
            seen = {key}
            while deps[key].merged_into:
                key = deps[key].merged_into or key
                assert key not in seen and key in deps
                seen.add(key)

    @invariant()
    def names_are_unique(self) -> None:
        """Among the departments not marked absent (an undone add is absent, not deleted)."""
        owner: dict[str, str] = {}
        for d in self.ws.departments():
            if d.absent:
                continue
            for name in {name_key(d.name.zh), name_key(d.name.en)} - {""}:
                assert owner.setdefault(name, d.key) == d.key, (name, owner[name], d.key)


def test_random_department_changes_keep_the_rules(demo_master: Path) -> None:
    DepartmentChanges.master = demo_master
    run_state_machine_as_test(
        DepartmentChanges, settings=settings(max_examples=30, stateful_step_count=20, deadline=None)
    )


def test_mandatory_work_left_without_a_department_is_a_major_finding(ws: Workspace) -> None:
    """A workspace that came to it another way (an older version, the wizard's remove): each
    requirement that can never be waived and has no department is a major finding, gone once the
    department is merged into another."""
    assert not [f for f in ws.findings() if f.code == "mandatory_without_department"]
    ws.save_department(replace(ws.department("hr_admin"), absent=True))
    found = [f for f in ws.findings() if f.code == "mandatory_without_department"]
    assert {f.item_key for f in found} == HR_MANDATORY
    assert {f.grade.value for f in found} == {"major"} and {f.department for f in found} == {
        "management"
    }
    labour = next(f for f in found if f.item_key == "hr.labour_contracts")
    assert (
        "“劳动合同（至少三套）”不能免除" in labour.message.zh and "行政人事部" in labour.message.zh
    )
    assert "'HR and administration' is marked absent" in labour.message.en
    assert all(f.blocking for f in found)
    assert ws.readiness()[1]["management"].blocking >= len(HR_MANDATORY)
    ws.merge_department("hr_admin", "management")
    assert not [f for f in ws.findings() if f.code == "mandatory_without_department"]
