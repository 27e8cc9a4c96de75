"""A conflict of two edits in the user's words: two workspaces open on one file change the same
thing, and the conflict box names it as the views do (the facts editor's labels, department names,
item titles, question texts) and shows what the user entered as the editors show it — never a
key, never JSON — in both languages, for every kind of conflict."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ipaudit.domain.model import Facts, Objective, Person, PersonKind, Procedure, Question, Status
from ipaudit.services import Workspace
from ipaudit.store.edits import Edited
from ipaudit.ui import commands, i18n
from ipaudit.ui.conflict_box import ConflictBox
from ipaudit.ui.session import WorkspaceSession
from tests.ui.test_words import CJK, KEY_LIKE, SNAKE_CASE

ANSWERED = "rnd.interview"  # an item with questions
RECORD_SET = "rnd.projects"  # an item whose records are named (instances)
JSON_LIKE = re.compile(r"[{}\[\]]|\"\w+\":")


@pytest.fixture(params=["zh", "en"])
def lang(request) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.reset()


@pytest.fixture
def session(demo_path: Path, qtbot, lang: str) -> Iterator[WorkspaceSession]:
    s = WorkspaceSession(Workspace.open(demo_path))
    yield s
    s.close()


@pytest.fixture
def other(demo_path: Path) -> Iterator[Workspace]:
    """Someone else with the same file open (its own connection, as another window has)."""
    with Workspace.open(demo_path) as ws:
        yield ws


@dataclass(frozen=True)
class Case:
    """Someone else's edit (``theirs``), this window's edit of the same thing made from what it
    showed before (``mine(session, shown)``: whether it was stored), what the store says
    changed, and the names the box must say (``names(ws, lang)``)."""

    theirs: Callable[[Workspace], object]
    mine: Callable[[WorkspaceSession, Any], bool]
    edited: Callable[[Workspace], Edited]
    names: Callable[[Workspace, str], list[str]]


def _dep(ws: Workspace, key: str, lang: str) -> str:
    return ws.department(key).name.get(lang)


def _title(ws: Workspace, item: str, lang: str) -> str:
    return ws.template.item(item).title.get(lang)


def _question(ws: Workspace) -> Question:
    return ws.item(ANSWERED).questions[3]


def _facts(
    change: Callable[[Facts], dict[str, object]],
) -> Callable[[WorkspaceSession, Facts], bool]:
    """The facts editor's edit: ``change`` applied to the facts it showed, based on them."""

    def mine(s: WorkspaceSession, shown: Facts) -> bool:
        return commands.set_facts(s, replace(shown, **change(shown)), base=shown)  # type: ignore[arg-type]

    return mine


def _theirs(change: Callable[[Facts], dict[str, object]]) -> Callable[[Workspace], object]:
    return lambda ws: ws.update_facts(lambda f: replace(f, **change(f)))  # type: ignore[arg-type]


def _part(part: str, key: str = "") -> Callable[[Workspace], Edited]:
    return lambda _ws: Edited(part=part, key=key)


CASES: dict[str, Case] = {
    "notes": Case(
        lambda ws: ws.set_notes(ANSWERED, "他们的备注"),
        lambda s, shown: commands.set_notes(s, ANSWERED, "我的备注", base=shown),
        lambda _ws: Edited(ANSWERED, "notes"),
        lambda ws, lang: [_title(ws, ANSWERED, lang), "我的备注"],
    ),
    "status": Case(
        lambda ws: ws.set_status(ANSWERED, Status.IN_PROGRESS),
        lambda s, shown: commands.set_status(s, ANSWERED, Status.NOT_STARTED, base=shown),
        lambda _ws: Edited(ANSWERED, "status"),
        lambda ws, lang: [_title(ws, ANSWERED, lang), "未开始" if lang == "zh" else "Not started"],
    ),
    "answer": Case(
        lambda ws: ws.answer(ANSWERED, _question(ws).key, "他们的回答"),
        lambda s, shown: commands.set_answer(
            s, ANSWERED, _question(s.workspace).key, "我的回答", base=shown
        ),
        lambda ws: Edited(ANSWERED, "answers", _question(ws).key),
        lambda ws, lang: [
            _title(ws, ANSWERED, lang),
            _question(ws).text.get(lang)[:20],
            "我的回答",
        ],
    ),
    "instances": Case(
        lambda ws: ws.set_instance_names(RECORD_SET, ["甲项目", "乙项目", "丙项目"]),
        lambda s, shown: commands.set_instance_names(
            s, RECORD_SET, ["A 项目", "B 项目", "C 项目"], base=shown
        ),
        lambda _ws: Edited(RECORD_SET, "instances"),
        lambda ws, lang: [_title(ws, RECORD_SET, lang), "A 项目\nB 项目"],
    ),
    "policy": Case(
        _theirs(lambda f: {"policy": "他们的方针"}),
        _facts(lambda f: {"policy": "我的方针"}),
        _part("policy"),
        lambda ws, lang: ["知识产权方针" if lang == "zh" else "IP policy", "我的方针"],
    ),
    "headcount": Case(
        _theirs(lambda f: {"headcount": {**f.headcount, "rnd": 30}}),
        _facts(lambda f: {"headcount": {**f.headcount, "rnd": 31}}),
        _part("headcount", "rnd"),
        lambda ws, lang: [_dep(ws, "rnd", lang), f"{_dep(ws, 'rnd', lang)}: 31"],
    ),
    "duties": Case(
        _theirs(lambda f: {"duties": {**f.duties, "hr_admin": "他们写的职责"}}),
        _facts(lambda f: {"duties": {**f.duties, "hr_admin": "我写的职责"}}),
        _part("duties", "hr_admin"),
        lambda ws, lang: [f"{_dep(ws, 'hr_admin', lang)}: 我写的职责"],
    ),
    "extra": Case(
        _theirs(lambda f: {"extra": {**f.extra, "manual_version": "B/0"}}),
        _facts(lambda f: {"extra": {**f.extra, "manual_version": "C/0"}}),
        _part("extra", "manual_version"),
        lambda ws, lang: ["知识产权手册现行版本" if lang == "zh" else "IP manual version", "C/0"],
    ),
    "portfolio": Case(
        _theirs(lambda f: {"portfolio": {**f.portfolio, "invention": 19}}),
        _facts(lambda f: {"portfolio": {**f.portfolio, "invention": 18}}),
        _part("portfolio", "invention"),
        lambda ws, lang: ["发明专利" if lang == "zh" else "Invention patents", "18"],
    ),
    "budget": Case(
        _theirs(lambda f: {"budget": {**f.budget, "search": Decimal("1000")}}),
        _facts(lambda f: {"budget": {**f.budget, "search": Decimal("2000")}}),
        _part("budget", "search"),
        lambda ws, lang: [": 2000"],
    ),
    "objectives": Case(
        _theirs(lambda f: {"objectives": (Objective("o1", "他们的目标", Decimal(5), "件"),)}),
        _facts(
            lambda f: {
                "objectives": (Objective("o1", "我的目标", Decimal(6), "件", {"rnd": Decimal(6)}),)
            }
        ),
        _part("objectives"),
        lambda ws, lang: ["我的目标: 6 件", f"{_dep(ws, 'rnd', lang)}: 6"],
    ),
    "procedures": Case(
        _theirs(lambda f: {"procedures": (Procedure("CX-01", "他们的程序", "rnd"),)}),
        _facts(lambda f: {"procedures": (Procedure("CX-02", "我的程序", "finance"),)}),
        _part("procedures"),
        lambda ws, lang: [f"CX-02 我的程序 ({_dep(ws, 'finance', lang)})"],
    ),
    "people": Case(
        _theirs(lambda f: {"people": (Person("张三", PersonKind.HIRE, "rnd"),)}),
        _facts(
            lambda f: {
                "people": (Person("李四", PersonKind.LEAVER, "marketing", dt.date(2026, 3, 1)),)
            }
        ),
        _part("people"),
        lambda ws, lang: [
            "李四, " + ("核心离职员工" if lang == "zh" else "Core leaver"),
            _dep(ws, "marketing", lang),
            "2026-03-01",
        ],
    ),
    "certificates": Case(
        _theirs(lambda f: {"certificates": ("ISO 14001",)}),
        _facts(lambda f: {"certificates": ("ISO 27001", "CMMI5")}),
        _part("certificates"),
        lambda ws, lang: ["ISO 27001\nCMMI5"],
    ),
    "open_nonconformities": Case(
        _theirs(lambda f: {"open_nonconformities": 2}),
        _facts(lambda f: {"open_nonconformities": 3}),
        _part("open_nonconformities"),
        lambda ws, lang: ["3"],
    ),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_every_conflict_is_told_in_names_not_keys(
    kind: str, lang: str, session: WorkspaceSession, other: Workspace, dialogs: list
) -> None:
    case = CASES[kind]
    edited = case.edited(other)
    # this window shows the workspace as it is; someone else changes the same thing first
    if edited.item_key:
        shown: Any = session.workspace.state(edited.item_key)
    else:
        shown = session.workspace.facts()
    case.theirs(other)
    assert case.mine(session, shown) is False  # not stored: a conflict
    [box] = dialogs
    assert isinstance(box, ConflictBox)
    assert box.conflict.what == edited  # the store says what changed, structurally

    texts = [box.text(), box.informativeText(), box.detailedText()]
    said = "\n".join(texts)
    for name in case.names(other, lang):
        assert name in said, (name, said)
    assert {m.group() for t in texts for m in KEY_LIKE.finditer(t)} == set(), said
    assert {m.group() for t in texts for m in SNAKE_CASE.finditer(t)} == set(), said
    assert not JSON_LIKE.search(said), said
    keys = {d.key for d in other.departments()} | ({edited.key, edited.item_key} - {""})
    if lang == "en":  # an English key may be an English word ("duties"): the unmistakable ones
        keys = {k for k in keys if "_" in k or "." in k} | {"rnd"}
    assert keys & set(re.findall(r"[A-Za-z_.]+", said)) == set(), said
    if lang == "zh":  # one language: no English words around the names in the Chinese box
        assert not re.search(r"\b[A-Za-z]{3,} [a-z]{3,}\b", box.informativeText()), said
    else:
        assert not CJK.search(box.text() + box.informativeText()), said


def test_undo_names_the_item_not_its_key(lang: str, session: WorkspaceSession) -> None:
    title = session.workspace.template.item(ANSWERED).title.get(lang)
    assert commands.set_notes(session, ANSWERED, "新备注")
    assert commands.set_status(session, ANSWERED, Status.IN_PROGRESS)
    assert commands.set_instance_names(session, RECORD_SET, ["甲", "乙", "丙"])
    texts = [session.undo_stack.text(n) for n in range(session.undo_stack.count())]
    assert all(ANSWERED not in t and RECORD_SET not in t for t in texts), texts
    assert title in texts[0] and title in texts[1]
