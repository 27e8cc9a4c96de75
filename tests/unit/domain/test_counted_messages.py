"""English counts in messages take the noun's number: "1 question", "8 questions", never "(s)"."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ipaudit.domain.checks import CheckInput, run_checks
from ipaudit.domain.model import ItemState, Question, Status, Text
from ipaudit.text import counted
from tests.factories import DEPARTMENTS, INFO, TEMPLATE
from tests.unit.domain.test_checks import FACTS, complete_evidence


def test_counted_says_one_and_many() -> None:
    assert counted(1, "question") == "1 question"
    assert counted(8, "question") == "8 questions"
    assert counted(0, "file") == "0 files"
    assert counted(1, "entry", "entries") == "1 entry"
    assert counted(8, "entry", "entries") == "8 entries"


def _unanswered_finding(asked: int) -> str:
    """The English of the finding on an interview item with ``asked`` more questions than the one
    answered."""
    item = TEMPLATE.item("rnd.interview")
    extra = tuple(
        Question(f"q{n}", Text(f"问题{n}？", f"Question {n}?")) for n in range(1, asked + 1)
    )
    template = replace(
        TEMPLATE,
        items=tuple(
            replace(i, questions=(*i.questions, *extra)) if i.key == item.key else i
            for i in TEMPLATE.items
        ),
    )
    answers = {"headcount": "23人", "policy": "尊重知识产权、激励创新创造。"}
    states = {item.key: ItemState(item.key, Status.READY, answers=answers)}
    found = run_checks(
        CheckInput(
            info=INFO,
            template=template,
            departments=DEPARTMENTS,
            facts=FACTS,
            states=states,
            evidence=complete_evidence(),
            accepted={},
        )
    )
    (finding,) = [f for f in found if f.code == "answer_missing"]
    assert f"{asked} 个问题未回答" in finding.message.zh
    return finding.message.en


@pytest.mark.parametrize(("asked", "said"), [(1, "1 question not answered"), (8, "8 questions")])
def test_unanswered_questions_are_counted_in_english(asked: int, said: str) -> None:
    text = _unanswered_finding(asked)
    assert said in text and "(s)" not in text
