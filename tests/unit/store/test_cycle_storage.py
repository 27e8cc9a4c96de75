"""Workspace information and the audit-cycle facts written to a real SQLite file and read back."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit.domain.model import AuditType, Facts, Person, PersonKind
from ipaudit.services import Workspace
from ipaudit.store.errors import InvalidInput
from tests.unit.domain.test_cycle import BASE

FULL = replace(
    BASE,
    audit_type=AuditType.RECERTIFICATION,
    last_audit=dt.date(2025, 3, 12),
    certificate_start=dt.date(2023, 4, 1),
    certificate_end=dt.date(2026, 3, 31),
)
FACTS = Facts(
    people=(
        Person("张三", PersonKind.HIRE, "研发部", dt.date(2025, 9, 1)),
        Person("欧阳娜娜", PersonKind.LEAVER, "", None),
    ),
    budget={"application": Decimal("50000.00"), "training": Decimal("8000.5")},
    open_nonconformities=0,
)


def meta(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT key, value FROM meta"))


def test_information_and_facts_survive_closing_the_file(tmp_path: Path) -> None:
    path = tmp_path / "w.ipaudit"
    Workspace.create(path, FULL, facts=FACTS).close()
    with Workspace.open(path) as ws:
        assert ws.info() == FULL
        assert ws.facts() == FACTS
        ws.set_info(replace(FULL, last_audit=None, certificate_end=None))
    rows = meta(path)
    assert "last_audit" not in rows and "certificate_end" not in rows
    assert rows["certificate_start"] == "2023-04-01"
    with Workspace.open(path) as ws:
        assert ws.info().last_audit is None and ws.info().certificate_start == dt.date(2023, 4, 1)


def test_a_workspace_without_the_new_rows_reads_as_undeclared(tmp_path: Path) -> None:
    path = tmp_path / "old.ipaudit"
    Workspace.create(path, BASE).close()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'system_start'")
        conn.execute("DELETE FROM facts WHERE key IN ('people', 'budget', 'open_nonconformities')")
    with Workspace.open(path) as ws:
        assert ws.info() == replace(BASE, system_start=None)
        facts = ws.facts()
    assert (facts.people, facts.budget, facts.open_nonconformities) == ((), {}, None)


def test_inconsistent_information_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "w.ipaudit"
    Workspace.create(path, BASE).close()
    before = meta(path)
    with Workspace.open(path) as ws:
        with pytest.raises(InvalidInput) as refused:
            ws.set_info(replace(BASE, period_end=BASE.audit_start + dt.timedelta(days=1)))
        assert "audit's first day" in refused.value.message("en")
    assert meta(path) == before
    with pytest.raises(InvalidInput):
        Workspace.create(tmp_path / "x.ipaudit", replace(BASE, audit_end=dt.date(2020, 1, 1)))
    assert not (tmp_path / "x.ipaudit").exists()


people = st.builds(
    Person,
    name=st.text(min_size=1, max_size=8).filter(str.strip),
    kind=st.sampled_from(list(PersonKind)),
    department=st.text(max_size=6),
    date=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2090, 1, 1))),
)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(people, max_size=4).map(tuple),
    st.dictionaries(
        st.sampled_from(["application", "agency", "rewards", "other"]),
        st.decimals(0, 10**9, places=2),
        max_size=4,
    ),
    st.one_of(st.none(), st.integers(0, 500)),
)
def test_any_declared_people_and_budget_round_trip(
    tmp_path_factory: pytest.TempPathFactory,
    people_list: tuple[Person, ...],
    budget: dict[str, Decimal],
    open_count: int | None,
) -> None:
    path = tmp_path_factory.mktemp("rt") / "w.ipaudit"
    facts = Facts(people=people_list, budget=budget, open_nonconformities=open_count)
    Workspace.create(path, BASE, facts=facts).close()
    with Workspace.open(path) as ws:
        assert ws.facts() == facts
