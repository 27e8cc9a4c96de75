"""Every requirement of the source article is an item in both templates.

The requirement ids are parsed from the article itself (numbered sections "1、" … and their
lettered points "a." …), so a point the templates forget makes a test fail. The article is kept
verbatim in ``data/seed_article5.zh-Hant.txt`` (traditional Chinese, as published).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from ipaudit.domain.model import Edition, Item, ItemKind, Template
from ipaudit.domain.template import SEED_IDS, SEED_REQUIREMENTS, load_builtin
from tests.shared_samples import SEED_COLLECTION, needs_shared

ARTICLE = Path(__file__).parent / "data" / "seed_article5.zh-Hant.txt"

_SECTION = re.compile(r"^(\d+)、")
_POINT = re.compile(r"^([a-z])\.")


@dataclass(frozen=True)
class Requirement:
    id: str
    text: str


def parse_requirements(article: str) -> list[Requirement]:
    """Numbered sections and their lettered points; a section without points is one requirement."""
    sections: list[tuple[str, str, list[tuple[str, str]]]] = []
    for raw in article.splitlines():
        line = raw.strip()
        if m := _SECTION.match(line):
            sections.append((m.group(1), line, []))
        elif m := _POINT.match(line):
            assert sections, f"a lettered point before any section: {line}"
            sections[-1][2].append((m.group(1), line))
        elif sections and line and not sections[-1][2] and sections[-1][1].endswith(":"):
            # a section whose body continues on the next line (e.g. "9、財務部:" + its text)
            number, head, points = sections[-1]
            sections[-1] = (number, head + line, points)
    result: list[Requirement] = []
    for number, head, points in sections:
        if points:
            result += [Requirement(f"{number}.{letter}", text) for letter, text in points]
        else:
            result.append(Requirement(number, head))
    return result


@pytest.fixture(scope="module")
def article() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def requirements(article: str) -> list[Requirement]:
    return parse_requirements(article)


@pytest.fixture(scope="module")
def templates() -> dict[Edition, Template]:
    return {ed: load_builtin(ed) for ed in Edition}


@needs_shared
def test_the_kept_article_is_the_fifth_article_of_the_collection(article: str) -> None:
    collection = SEED_COLLECTION.read_text(encoding="utf-8")
    start = collection.index("第五篇")
    assert collection[start:].strip() == article.strip()


def test_parser_finds_every_section_and_point(requirements: list[Requirement]) -> None:
    ids = [r.id for r in requirements]
    sections = sorted({int(i.split(".")[0]) for i in ids})
    assert sections == list(range(1, 10)), "sections 1–9, none skipped"
    for number in sections:
        letters = [i.split(".")[1] for i in ids if i.startswith(f"{number}.")]
        assert letters == [chr(ord("a") + k) for k in range(len(letters))], number
    assert [i for i in ids if "." in i and i.startswith("6.")] == [f"6.{c}" for c in "abcdef"]
    assert "9" in ids and "財務部" in next(r.text for r in requirements if r.id == "9")


def test_loader_knows_exactly_the_articles_requirements(requirements: list[Requirement]) -> None:
    assert [r.id for r in requirements] == list(SEED_IDS)
    assert set(SEED_REQUIREMENTS) == set(SEED_IDS)


@pytest.mark.parametrize("edition", list(Edition))
def test_every_requirement_is_claimed_by_an_item(
    templates: dict[Edition, Template], requirements: list[Requirement], edition: Edition
) -> None:
    claimed = {ref for item in templates[edition].items for ref in item.seed_refs}
    missing = [f"{r.id}: {r.text}" for r in requirements if r.id not in claimed]
    assert not missing, f"{edition.value} template misses: {missing}"


# -- the key requirements, by hand ------------------------------------------------------------------


def _item(t: Template, key: str) -> Item:
    return t.item(key)


KEY_RECORDS = [
    # key, department, kind, min_count, seed id
    ("hr.labour_contracts", "hr_admin", ItemKind.RECORDS, 3, "7.c"),
    ("hr.confidentiality_agreements", "hr_admin", ItemKind.RECORDS, 3, "7.c"),
    ("hr.background_checks", "hr_admin", ItemKind.RECORDS, 1, "7.c"),
    ("hr.exit_interviews", "hr_admin", ItemKind.RECORDS, 1, "7.d"),
    ("hr.exit_handover", "hr_admin", ItemKind.RECORDS, 1, "7.d"),
    ("proc.contract_clauses", "procurement", ItemKind.RECORDS, 1, "7.f"),
    ("ipo.suggestions", "ip_office", ItemKind.RECORDS, 1, "5.e"),
    ("mkt.risk_monitoring", "marketing", ItemKind.RECORDS, 1, "8.d"),
]


@pytest.mark.parametrize("edition", list(Edition))
@pytest.mark.parametrize(("key", "department", "kind", "min_count", "seed"), KEY_RECORDS)
def test_key_record_requirements(
    templates: dict[Edition, Template],
    edition: Edition,
    key: str,
    department: str,
    kind: ItemKind,
    min_count: int,
    seed: str,
) -> None:
    item = _item(templates[edition], key)
    assert (item.department, item.kind, item.min_count) == (department, kind, min_count)
    assert seed in item.seed_refs


@pytest.mark.parametrize("edition", list(Edition))
def test_three_rnd_projects_with_every_phase(
    templates: dict[Edition, Template], edition: Edition
) -> None:
    projects = _item(templates[edition], "rnd.projects")
    assert projects.kind is ItemKind.RECORD_SET
    assert projects.instances == 3
    subs = [s.key for s in projects.sub_records]
    assert subs == [
        "initiation",
        "initiation_search",
        "design",
        "design_search",
        "development",
        "verification",
        "closing",
    ]
    assert {"6.a", "6.f"} <= set(projects.seed_refs)
    titles = {s.key: s.title.zh for s in projects.sub_records}
    assert "检索" in titles["initiation_search"] and "检索" in titles["design_search"]
    timing = _item(templates[edition], "rnd.search_timing")
    assert [q.fact for q in timing.questions if q.fact] == ["extra.search_phases"]
    interview = _item(templates[edition], "rnd.interview")
    assert "extra.projects_in_progress" in {q.fact for q in interview.questions}


@pytest.mark.parametrize("edition", list(Edition))
def test_trainings_per_year_and_per_training(
    templates: dict[Edition, Template], edition: Edition
) -> None:
    plans = _item(templates[edition], "hr.training_plans")
    assert plans.kind is ItemKind.YEARLY and "7.b" in plans.seed_refs
    trainings = _item(templates[edition], "hr.trainings")
    assert trainings.kind is ItemKind.RECORD_SET and trainings.instances >= 1
    assert [s.key for s in trainings.sub_records] == ["application", "sign_in", "record"]
    assert [f.title.zh for f in trainings.forms] == ["培训申请表", "培训签到表", "培训记录表"]


FORMS = [
    ("hr.background_checks", "入职员工知识产权背景调查表"),
    ("hr.exit_interviews", "离职员工面谈记录表"),
    ("hr.exit_handover", "离职员工资料交割清单"),
    ("ipo.suggestions", "合理化建议审批表"),
    ("hr.training_plans", "年度知识产权培训计划表"),
    ("proc.contract_clauses", "采购合同知识产权补充协议"),
    ("mkt.risk_monitoring", "知识产权风险监控记录及防范预案"),
]


@pytest.mark.parametrize(("key", "form"), FORMS)
def test_blank_forms_for_records(templates: dict[Edition, Template], key: str, form: str) -> None:
    for t in templates.values():
        assert form in {f.title.zh for f in _item(t, key).forms}, (t.edition, key)


LEDGERS = [
    ("fin.expense_record", "知识产权经费使用记录", {"日期", "凭证号", "费用类别", "金额（元）"}),
    ("fin.bonus_register", "知识产权奖金发放登记表", {"发放日期", "姓名", "金额（元）", "凭证号"}),
    (
        "fin.reward_record",
        "知识产权奖惩记录表",
        {"日期", "姓名", "奖惩类型（奖励/处罚）", "金额（元）"},
    ),
]


@pytest.mark.parametrize("edition", list(Edition))
@pytest.mark.parametrize(("key", "title", "columns"), LEDGERS)
def test_the_three_finance_ledgers(
    templates: dict[Edition, Template], edition: Edition, key: str, title: str, columns: set[str]
) -> None:
    item = _item(templates[edition], key)
    assert item.department == "finance"
    assert item.kind in (ItemKind.YEARLY, ItemKind.RECORDS)
    assert title in item.title.zh
    assert {"9", "7.e"} <= set(item.seed_refs)
    (form,) = item.forms
    assert form.format == "xlsx" and form.title.zh == title
    assert columns <= {c.zh for c in form.columns}


@pytest.mark.parametrize("edition", list(Edition))
def test_ledgers_consistency_and_expense_kinds(
    templates: dict[Edition, Template], edition: Edition
) -> None:
    t = templates[edition]
    consistency = _item(t, "fin.ledger_consistency")
    assert consistency.kind is ItemKind.ANSWER and "9" in consistency.seed_refs
    kinds = _item(t, "fin.expense_kinds")
    text = kinds.guidance.zh
    for kind in ("奖励费", "申请费", "维持费", "培训费", "软件", "检索费", "纠纷"):
        assert kind in text, kind
    procedure = _item(t, "hr.reward_procedure")
    assert "知识产权奖惩制度" in procedure.title.zh and procedure.kind is ItemKind.DOCUMENT


@pytest.mark.parametrize("edition", list(Edition))
def test_management_questions_a_to_f(templates: dict[Edition, Template], edition: Edition) -> None:
    t = templates[edition]
    by_seed = {
        ref: item for item in t.items if item.department == "management" for ref in item.seed_refs
    }
    for letter in "abcdef":
        item = by_seed[f"4.{letter}"]
        assert item.kind is ItemKind.ANSWER and item.questions
    assert by_seed["4.a"].questions[0].fact == "policy"
    assert by_seed["4.c"].questions[0].fact == "objectives"
    portfolio_facts = {q.fact for q in by_seed["4.b"].questions}
    assert {"portfolio.invention", "portfolio.software_copyright", "portfolio.trademark"} <= (
        portfolio_facts
    )
    tour = next(i for i in t.items if "2" in i.seed_refs)
    assert "certificates" in {q.fact for q in tour.questions}


@pytest.mark.parametrize("edition", list(Edition))
def test_ip_team_file_set_and_marketing_materials(
    templates: dict[Edition, Template], edition: Edition
) -> None:
    t = templates[edition]
    file_set = _item(t, "ipo.sample_file_set")
    assert file_set.kind is ItemKind.RECORD_SET and file_set.instances == 1
    assert {"filing", "grant"} <= {s.key for s in file_set.sub_records}
    show = _item(t, "mkt.trade_shows")
    assert show.kind is ItemKind.RECORD_SET
    assert {"own_ip", "competitor_ip", "advantages"} <= {s.key for s in show.sub_records}
    assessment = _item(t, "mkt.risk_assessment")
    assert "知识产权风险评估报告" in assessment.title.zh and "8.d" in assessment.seed_refs
    assert "8.e" in _item(t, "mkt.protection_plan").seed_refs
