"""The IP budget against what the expense record shows was spent, per expense category.

Finance names its categories freely (申请费, 专利年费, 检索分析费 …); each is read into one of the
categories below by the first category whose words it contains (the order matters: 诉讼代理费 is
litigation, 申请代理费 agency, 软件著作权登记费 an application fee). A budgeted category spent beyond
``TOLERANCE`` is a minor finding; a budgeted category with no spending, and spending in a category
that has no budget, are observations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ipaudit.domain.cycle import make_finding
from ipaudit.domain.model import Finding, Grade, Text
from ipaudit.domain.normalize import normalize_text

TOLERANCE = Decimal("0.10")  # spending up to 10 % above the budget is accepted
ZERO = Decimal("0.00")
OVERSPENT = "budget_overspent"
UNSPENT = "budget_unspent"
UNBUDGETED = "spending_without_budget"


@dataclass(frozen=True, slots=True)
class Category:
    key: str
    name: Text
    words: tuple[str, ...]  # normalised words an expense category is recognised by


# in matching order: the first whose word occurs in the (normalised) category text wins
CATEGORIES: tuple[Category, ...] = (
    Category(
        "litigation",
        Text("诉讼（纠纷）费", "litigation and disputes"),
        ("诉讼", "纠纷", "维权", "争议", "仲裁", "律师", "litigation", "dispute", "lawsuit"),
    ),
    Category(
        "rewards",
        Text("奖励费", "rewards"),
        ("奖", "激励", "报酬", "reward", "bonus", "incentive"),
    ),
    Category("agency", Text("代理费", "agency fees"), ("代理", "agency", "attorney")),
    Category(
        "annual_fees",
        Text("年费（维持费）", "annual and maintenance fees"),
        ("年费", "维持", "续展", "维护", "annuity", "annual", "maintenance", "renewal"),
    ),
    Category(
        "search",
        Text("检索分析费", "search and analysis"),
        ("检索", "查新", "分析", "评估", "预警", "search", "analysis", "valuation"),
    ),
    Category("training", Text("培训费", "training"), ("培训", "training", "course")),
    Category(
        "application",
        Text("申请费", "application and registration fees"),
        ("申请", "注册", "登记", "官费", "application", "filing", "registration"),
    ),
    Category(
        "software",
        Text("软件购置费", "IP software and databases"),
        ("软件", "数据库", "software", "database"),
    ),
    Category("other", Text("其他", "other"), ()),
)
BY_KEY: dict[str, Category] = {c.key: c for c in CATEGORIES}


def classify(text: str) -> str:
    """The category key an expense category text belongs to (``other`` when none fits)."""
    raw = text.strip().casefold()
    if raw in BY_KEY:
        return raw
    key = normalize_text(text)
    for cat in CATEGORIES:
        if any(w in key for w in cat.words):
            return cat.key
    return "other"


def category_key(text: str) -> str | None:
    """The category a user names (key, or a word of it such as 年费); None when not recognisable."""
    if not normalize_text(text):
        return None
    found = classify(text)
    return None if found == "other" and normalize_text(text) not in ("other", "其他") else found


def actual_by_category(spending: Iterable[tuple[str, Decimal]]) -> dict[str, Decimal]:
    """Sum (expense category text, amount) pairs by category key."""
    out: dict[str, Decimal] = {}
    for text, amount in spending:
        key = classify(text)
        out[key] = out.get(key, ZERO) + amount
    return out


def spending_in_period(
    lines: Iterable[tuple[str, Decimal, dt.date | None]], start: dt.date, end: dt.date
) -> dict[str, Decimal]:
    """(category text, amount, date) expense lines dated start … end, summed by category key."""
    return actual_by_category((c, a) for c, a, d in lines if d is not None and start <= d <= end)


@dataclass(frozen=True, slots=True)
class BudgetLine:
    category: str  # a key of CATEGORIES
    budget: Decimal | None  # None: no budget declared for it
    actual: Decimal

    @property
    def variance(self) -> Decimal | None:
        """Budget minus actual: negative when overspent."""
        return None if self.budget is None else self.budget - self.actual

    @property
    def overspent(self) -> bool:
        return self.budget is not None and self.actual > self.budget * (1 + TOLERANCE)

    def name(self, lang: str) -> str:
        cat = BY_KEY.get(self.category)
        return cat.name.get(lang) if cat else self.category


def compare(budget: Mapping[str, Decimal], actual: Mapping[str, Decimal]) -> list[BudgetLine]:
    """One line per category that has a budget or spending, in the categories' order."""
    keys = [c.key for c in CATEGORIES if c.key in budget or c.key in actual]
    keys += sorted(k for k in {*budget, *actual} if k not in BY_KEY)
    return [BudgetLine(k, budget.get(k), actual.get(k, ZERO)) for k in keys]


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def budget_findings(lines: Iterable[BudgetLine], dep: str, item_key: str) -> list[Finding]:
    """Overspent categories (minor), budgeted but unspent ones and spending without a budget
    (observations). Nothing when no budget is declared at all."""
    lines = list(lines)
    if not any(line.budget is not None for line in lines):
        return []
    out: list[Finding] = []
    for line in lines:
        zh, en = line.name("zh"), line.name("en")
        if line.budget is None:
            if line.actual > 0:
                out.append(
                    make_finding(
                        UNBUDGETED,
                        Grade.OBSERVATION,
                        dep,
                        item_key,
                        f"经费类别“{zh}”支出 {_money(line.actual)} 元，但预算中没有该类别。",
                        f"{_money(line.actual)} yuan were spent on '{en}', which has no budget.",
                        line.category,
                    )
                )
        elif line.overspent:
            pct = (line.actual / line.budget - 1) * 100 if line.budget else Decimal(100)
            out.append(
                make_finding(
                    OVERSPENT,
                    Grade.MINOR,
                    dep,
                    item_key,
                    f"经费类别“{zh}”超支：预算 {_money(line.budget)} 元，实际 {_money(line.actual)}"
                    f" 元（超出 {pct:.0f}%）；请补充预算调整审批或说明。",
                    f"'{en}' is overspent: budget {_money(line.budget)}, spent"
                    f" {_money(line.actual)} yuan ({pct:.0f}% over); add the approved budget"
                    " change or an explanation.",
                    line.category,
                )
            )
        elif line.budget > 0 and line.actual == 0:
            out.append(
                make_finding(
                    UNSPENT,
                    Grade.OBSERVATION,
                    dep,
                    item_key,
                    f"经费类别“{zh}”有预算 {_money(line.budget)} 元，但经费使用记录中没有支出。",
                    f"'{en}' has a budget of {_money(line.budget)} yuan but the expense record"
                    " shows no spending.",
                    line.category,
                )
            )
    return out
