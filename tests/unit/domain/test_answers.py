"""Answers compared with the manual by meaning: a table of equivalent and contradicting answers."""

from __future__ import annotations

import datetime as dt

import pytest

from ipaudit.domain.checks import CheckInput, run_checks
from ipaudit.domain.facts import agrees, declared
from ipaudit.domain.model import Facts, ItemKind, ItemState, Procedure, Question, Text
from tests.factories import DEPARTMENTS, INFO, item
from tests.factories import TEMPLATE as BASE

FACTS = Facts(
    policy="尊重知识产权，激励创新创造，规范合规管理",
    headcount={"rnd": 60, "ip_office": 3},
    duties={"rnd": "负责研发项目的知识产权检索、技术交底和专利申请；组织研发人员知识产权培训"},
    portfolio={"invention": 5, "utility_model": 12, "software_copyright": 8, "trademark": 3},
    procedures=(
        Procedure("IP-CX-06", "研究开发知识产权控制程序", "rnd"),
        Procedure("IP-CX-07", "知识产权检索分析程序", "rnd"),
        Procedure("IP-CX-01", "文件控制程序", "ip_office"),
    ),
    extra={"manual_version": "A/1"},
)

TABLE = [
    # (fact key, answer, agrees)
    ("headcount", "60人", True),
    ("headcount", "截至2026年11月共60人", True),
    ("headcount", "研发部现有六十名员工", True),
    ("headcount", "２０２６年底60人", True),
    ("headcount", "第1研究室在内共60位", True),
    ("headcount", "截至2026年11月共59人", False),
    ("headcount", "2026年", False),
    ("headcount", "六十五人", False),
    ("headcount", "不清楚", False),
    ("portfolio.invention", "有效发明专利5件", True),
    ("portfolio.invention", "截至2025年12月31日有效发明专利五件", True),
    ("portfolio.invention", "发明专利6件", False),
    ("portfolio", "发明专利5件、实用新型12件、软件著作权8件、商标3件，共28件", True),
    ("portfolio", "发明专利5件，实用新型13件", False),
    ("duties", "负责研发项目的知识产权检索、技术交底和专利申请，组织知识产权培训", True),
    ("duties", "研发项目知识产权检索，技术交底，专利申请，研发人员培训", True),
    ("duties", "负责", False),
    ("duties", "负责研发", False),
    ("duties", "负责专利申请", False),
    ("policy", "尊重知识产权、激励创新创造、规范合规管理。", True),
    ("policy", "激励创新创造，规范合规管理，尊重知识产权", True),
    ("policy", "尊重知识产权", False),
    ("policy", "重视知识产权，鼓励创新", False),
    ("procedures", "研究开发知识产权控制程序和知识产权检索分析程序", True),
    ("procedures", "IP-CX-06、IP-CX-07", True),
    ("procedures", "研究开发知识产权控制程序", False),
    ("procedures", "文件控制程序", False),
    ("extra.manual_version", "现行版本是A/1版", True),
    ("extra.manual_version", "A/0版", False),
]


@pytest.mark.parametrize(("key", "answer", "expected"), TABLE)
def test_answer_table(key: str, answer: str, expected: bool) -> None:
    fact = declared(FACTS, key, "rnd")
    assert fact is not None
    assert agrees(answer, fact) is expected


def test_a_department_without_its_own_procedure_is_a_finding_not_a_fallback_list() -> None:
    assert declared(FACTS, "procedures", "marketing") is None
    interview = item(
        "mkt.interview",
        ItemKind.ANSWER,
        department="rnd",
        questions=(
            Question(
                "procedures", Text("本部门对应哪些程序文件？", "Procedures?"), fact="procedures"
            ),
        ),
    )
    template = type(BASE)(
        edition=BASE.edition,
        title=BASE.title,
        departments=BASE.departments,
        clauses=BASE.clauses,
        items=(interview,),
    )
    facts = Facts(procedures=(Procedure("IP-CX-01", "文件控制程序", "ip_office"),))
    state = ItemState("mkt.interview", answers={"procedures": "文件控制程序"})
    found = run_checks(CheckInput(INFO, template, DEPARTMENTS, facts, {"mkt.interview": state}, []))
    assert [f.code for f in found] == ["procedure_not_declared"]
    assert found[0].grade.value == "minor"


def test_dates_do_not_leak_into_the_comparison() -> None:
    fact = declared(FACTS, "headcount", "rnd")
    assert fact is not None and fact.display == "60"
    assert agrees(f"截至{dt.date(2026, 11, 30):%Y年%m月%d日}，共60人", fact)
