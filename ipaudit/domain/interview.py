"""The questions an auditor asks a department, each with its official answer.

One list for the interview sheets (printed with the official answer) and the rehearsal (the
answer a person types is compared with it): the questions every department is asked (headcount,
duties, objectives, policy, procedures), answered from the declared facts, then the checklist
items' questions — answered from the fact they are bound to, else from the department's prepared
answer on the item.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ipaudit.domain.facts import Declared, declared
from ipaudit.domain.model import Facts, Item, ItemState, Text

COMMON_PREFIX = "common."

#: the questions every department is asked, by the fact that answers them
COMMON_QUESTIONS: tuple[tuple[str, Text], ...] = (
    ("headcount", Text("你们部门有多少人？", "How many people work in your department?")),
    ("duties", Text("你们部门的知识产权职责是什么？", "What are your department's IP duties?")),
    (
        "objectives",
        Text(
            "今年你们部门的知识产权目标是什么？",
            "What is your department's IP objective this year?",
        ),
    ),
    ("policy", Text("公司的知识产权方针是什么？", "What is the company's IP policy?")),
    # the department's own procedures only: a department without one has no answer yet
    ("procedures", Text("你们执行哪些程序文件？", "Which procedures do you follow?")),
)


def official_display(fact_key: str, fact: Declared, lang: str) -> str:
    """The official answer as it is printed and shown: the declared value, a headcount with its
    unit."""
    if fact_key in ("headcount", "headcount_total"):
        return fact.display + (" people" if lang == "en" else " 人")
    return fact.display


@dataclass(frozen=True, slots=True)
class InterviewQuestion:
    """One question a department is asked. ``key``: ``common.<fact>`` or ``<item>/<question>``;
    ``official``: the declared fact that answers it (None when undeclared or not bound to a fact);
    ``given``: the department's prepared answer on the item ("" for none)."""

    key: str
    text: Text
    fact_key: str | None = None
    official: Declared | None = None
    given: str = ""
    item: Item | None = None

    def official_text(self, lang: str) -> str | None:
        """What the official answer says: the fact, else the prepared answer, else None."""
        if self.official is not None and self.fact_key is not None:
            return official_display(self.fact_key, self.official, lang)
        return self.given or None

    @property
    def answerable(self) -> bool:
        """Whether an answer can be checked: the fact is declared or an answer is prepared."""
        return self.official is not None or bool(self.given)


def common_questions(
    facts: Facts, department: str, derived: Mapping[str, Declared] | None = None
) -> list[InterviewQuestion]:
    """The questions every department is asked, with the declared facts that answer them."""
    return [
        InterviewQuestion(COMMON_PREFIX + key, text, key, declared(facts, key, department, derived))
        for key, text in COMMON_QUESTIONS
    ]


def item_questions(
    items: Iterable[Item],
    states: Mapping[str, ItemState],
    facts: Facts,
    department: str,
    derived: Mapping[str, Declared] | None = None,
) -> list[InterviewQuestion]:
    """The checklist items' questions, in item order, each with the fact it is bound to (when
    declared) and the department's prepared answer."""
    out: list[InterviewQuestion] = []
    for item in items:
        state = states.get(item.key)
        for q in item.questions:
            given = (state.answers.get(q.key, "") if state else "").strip()
            official = declared(facts, q.fact, department, derived) if q.fact else None
            out.append(
                InterviewQuestion(f"{item.key}/{q.key}", q.text, q.fact, official, given, item)
            )
    return out


def department_questions(
    items: Iterable[Item],
    states: Mapping[str, ItemState],
    facts: Facts,
    department: str,
    derived: Mapping[str, Declared] | None = None,
) -> list[InterviewQuestion]:
    """Every question the department is asked: the common ones, then its items'."""
    return common_questions(facts, department, derived) + item_questions(
        items, states, facts, department, derived
    )
