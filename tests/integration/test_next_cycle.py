"""Starting the next cycle from the demo: a new file that keeps every fact and link, flags exactly
the items whose records no longer cover the new period, and leaves the previous file as it was."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import pytest

from ipaudit.demo.build import build_demo
from ipaudit.domain.corrective_actions import PREVIOUS_OPEN_FACT, NcSource
from ipaudit.domain.cycle import default_period
from ipaudit.domain.model import AuditType, Evidence, Status, WorkspaceInfo
from ipaudit.domain.rules import Every, TimeRule, item_rule
from ipaudit.services import Workspace
from ipaudit.services import corrective_actions as actions
from ipaudit.services.next_cycle import (
    previous_cycle,
    propose_target,
    refresh_reasons,
    start_next_cycle,
)
from ipaudit.store.errors import InvalidInput


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo") / "星海-2026.ipaudit")


@pytest.fixture
def demo(demo_master: Path, tmp_path: Path) -> Path:
    target = tmp_path / demo_master.name
    shutil.copyfile(demo_master, target)
    return target


def dump(path: Path) -> list[str]:
    """Every table's rows as SQL text: the file's whole content."""
    with sqlite3.connect(path) as raw:
        return list(raw.iterdump())


# --- the expected set, computed on its own from the time rules and the evidence dates ---------


def _day_span(ev: Evidence) -> tuple[dt.date, dt.date] | None:
    first = ev.doc_date or ev.period_start or ev.period_end
    last = ev.doc_date or ev.period_end or ev.period_start
    return None if first is None or last is None else (first, last)


def _months(first: dt.date, last: dt.date, every: Every) -> set[str]:
    out, day = set(), dt.date(first.year, first.month, 1)
    while day <= last:
        out.add(
            f"{day.year}Q{(day.month - 1) // 3 + 1}"
            if every is Every.QUARTER
            else f"{day.year}-{day.month:02d}"
        )
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return out


def _years(ev: Evidence, lead: int) -> set[int]:
    if ev.slot.startswith("year:"):
        return {int(ev.slot[5:])}
    if ev.period_start and ev.period_end:
        return set(range(ev.period_start.year, ev.period_end.year + 1))
    day = ev.doc_date or ev.period_start or ev.period_end
    if day is None:
        return set()
    # dated in the last ``lead`` months of a year: also the plan of the next year
    early = 12 - lead + 1
    return {day.year, day.year + 1} if lead and day.month >= early else {day.year}


def stale(ws: Workspace, info: WorkspaceInfo, item_key: str, files: list[Evidence]) -> bool:
    """Whether the item's files fail its time rule for ``info``'s period (undated files aside)."""
    rule = item_rule(ws.template, ws.template.item(item_key))
    dated = [ev for ev in files if _day_span(ev) is not None]
    start, end = info.period_start, info.period_end
    if rule.time_rule is TimeRule.IN_FORCE:
        return any(
            (ev.doc_date or ev.period_start or end) > end
            or (ev.period_end is not None and ev.period_end < end)
            for ev in dated
        )
    if rule.time_rule is TimeRule.YEARLY:
        years = set(range(start.year, end.year + 1))
        covered = set().union(*(_years(ev, rule.lead_months) for ev in dated)) if dated else set()
        outside = any(not (_years(ev, rule.lead_months) & years) for ev in dated)
        return outside or not years <= covered
    if rule.time_rule is TimeRule.PERIODIC:
        every = rule.every or Every.QUARTER
        covered: set[str] = set()
        for ev in dated:
            first = ev.period_start or ev.doc_date or ev.period_end
            last = ev.period_end or ev.doc_date or ev.period_start
            assert first and last
            covered |= _months(first, last, every)
        outside = any(
            (ev.period_end or ev.doc_date or ev.period_start) < start  # type: ignore[operator]
            or (ev.period_start or ev.doc_date or ev.period_end) > end  # type: ignore[operator]
            for ev in dated
        )
        return outside or not _months(start, end, every) <= covered
    # event: a record dated outside the period (a record set's instance with a record inside
    # the period would keep its other phases; none of the demo's lies in the new period)
    return any(not (start <= span[0] <= end) for ev in dated if (span := _day_span(ev)))


def expected_refresh(ws: Workspace, info: WorkspaceInfo) -> set[str]:
    by_item: dict[str, list[Evidence]] = {}
    for ev in ws.evidence():
        by_item.setdefault(ev.item_key, []).append(ev)
    states = ws.states()
    return {
        key
        for key, files in by_item.items()
        if states.get(key) is None or states[key].status is not Status.NOT_APPLICABLE
        if item_rule(ws.template, ws.template.item(key)).time_rule is not None
        and stale(ws, info, key, files)
    }


def links(evidence: Iterable[Evidence]) -> set[tuple[object, ...]]:
    return {
        (
            e.id,
            e.item_key,
            e.slot,
            e.sha256,
            e.size,
            e.title,
            e.department,
            e.doc_date,
            e.period_start,
            e.period_end,
        )
        for e in evidence
    }


# --- tests -----------------------------------------------------------------------------------


@pytest.mark.parametrize("audit_type", [None, AuditType.SURVEILLANCE])
def test_the_demo_rolls_over_keeping_every_fact_and_link(
    demo: Path, tmp_path: Path, audit_type: AuditType | None
) -> None:
    before = dump(demo)
    with Workspace.open(demo) as ws:
        old_info, old_states = ws.info(), ws.states()
        old_facts, old_deps = ws.store.facts(), ws.departments()
        old_evidence, template_text = ws.evidence(), ws.template_yaml()
        old_rates = ws.ledger_store.rates()
        blob = {
            e.sha256: hashlib.sha256(b"".join(ws.evidence_bytes(e.sha256))).hexdigest()
            for e in old_evidence
        }
        result = start_next_cycle(ws, tmp_path / "next", audit_type=audit_type)
        expected = expected_refresh(ws, result.info)
    assert dump(demo) == before  # the previous cycle stays exactly as it was
    assert result.path == tmp_path / "next.ipaudit" and result.path.exists()
    assert not Path(str(result.path) + ".part").exists()

    info = result.info
    # the demo's surveillance audit is the certificate's second: the next one recertifies
    assert info.audit_type is (audit_type or AuditType.RECERTIFICATION)
    assert info.last_audit == old_info.audit_start
    assert info.audit_start == dt.date(old_info.audit_start.year + 1, 12, 15)
    assert (info.period_start, info.period_end) == default_period(info)

    with Workspace.open(result.path) as new:
        assert new.info() == info
        assert previous_cycle(new) == demo.resolve()
        assert new.store.facts() == old_facts  # open_nonconformities too
        assert new.departments() == old_deps
        assert new.template_yaml() == template_text
        new_evidence = new.evidence()
        assert links(new_evidence) == links(old_evidence)
        assert all(e.last_cycle for e in new_evidence)
        for e in new_evidence:  # the same bytes, copied table to table
            got = hashlib.sha256(b"".join(new.evidence_bytes(e.sha256))).hexdigest()
            assert got == blob[e.sha256] == e.sha256
        states = new.states()
        flagged = {k for k, s in states.items() if s.status is Status.NEEDS_REFRESH}
        assert flagged == expected == set(result.refresh)
        assert flagged  # the demo has yearly and event records a new period does not cover
        for key, state in states.items():
            if key not in flagged:
                assert state.status is old_states[key].status, key
                assert state.answers == old_states[key].answers
        assert set(refresh_reasons(new)) == flagged
        assert new.ledger_store.rates() == old_rates and old_rates


def test_a_surveillance_flags_last_years_event_records_and_keeps_the_manual(
    demo: Path, tmp_path: Path
) -> None:
    with Workspace.open(demo) as ws:
        result = start_next_cycle(ws, tmp_path / "next.ipaudit", AuditType.SURVEILLANCE)
    assert "ipo.internal_audit" in result.refresh  # last year's internal audit is an event
    assert "hr.trainings" in result.refresh
    assert "ipo.manual" not in result.refresh  # the manual is still in force
    with Workspace.open(result.path) as new:
        assert new.state("ipo.manual").status is Status.READY
        # a new record makes the item in progress again
        src = tmp_path / "内审报告2027.txt"
        src.write_text("内部审核报告 2027", encoding="utf-8")
        key = "ipo.internal_audit"
        new.attach(key, src, slot="1/report", doc_date=dt.date(2027, 10, 20))
        assert new.state(key).status is Status.IN_PROGRESS
        fresh = [e for e in new.evidence(key) if not e.last_cycle]
        assert [e.title for e in fresh] == ["内审报告2027"]


def test_open_corrective_actions_carry_over_and_verified_ones_stay(
    demo: Path, tmp_path: Path
) -> None:
    day = dt.date(2026, 10, 9)
    with Workspace.open(demo) as ws:
        still_open = actions.add(
            ws,
            finding="培训记录缺签到表",
            department="hr_admin",
            action="补充签到表",
            owner="王强",
            due=day,
            raised=day,
        )
        done = actions.add(
            ws,
            finding="程序文件版本不一致",
            department="ip_office",
            root_cause="发布新版时未收回旧版",
            action="修订程序文件",
            owner="李娜",
            due=day,
            raised=day,
        )
        form = tmp_path / "纠正措施处理单.txt"
        form.write_text("已修订程序文件并收回旧版。", encoding="utf-8")
        actions.close(ws, done.key, day, attach=[form])
        actions.verify(ws, done.key, by="马超", result="已修订并发布", on=day)
        # the certification body's nonconformity of this audit, already closed: it goes along
        audit = ws.info().audit_start
        external = actions.add(
            ws,
            finding="外审：目标分解不一致",
            department="ip_office",
            root_cause="目标调整后未同步分解表",
            action="修订目标分解表",
            owner="李娜",
            due=audit,
            raised=audit,
            source=NcSource.CERTIFICATION,
        )
        report = tmp_path / "外审不符合项整改报告.txt"
        report.write_text("目标分解表已修订并发布。", encoding="utf-8")
        actions.close(ws, external.key, audit, attach=[report])
        actions.verify(ws, external.key, by="马超", result="已验证", on=audit)
        ws.records.put("plan", "main", {"rooms": 2})
        result = start_next_cycle(ws, tmp_path / "next.ipaudit")
    assert result.left_actions == 1
    with Workspace.open(result.path) as new:
        assert [a.key for a in actions.actions(new)] == [still_open.key, external.key]
        # the next audit's prerequisite reads the previous audit's nonconformities from them
        assert new.derived_facts()[PREVIOUS_OPEN_FACT].display == "0"
        assert actions.get(new, still_open.key).action == "补充签到表"
        assert new.records.get("plan", "main") is not None


def test_the_target_must_be_a_new_file_and_the_audit_later(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo) as ws:
        taken = tmp_path / "taken.ipaudit"
        taken.write_bytes(b"x")
        with pytest.raises(InvalidInput):
            start_next_cycle(ws, taken)
        with pytest.raises(InvalidInput):
            start_next_cycle(ws, tmp_path / "n.ipaudit", audit_start=ws.info().audit_start)
        assert not (tmp_path / "n.ipaudit").exists()
        proposal = propose_target(ws)
        assert proposal.parent == demo.parent and "2027" in proposal.name
        assert not proposal.exists()
        proposal.write_bytes(b"")
        assert propose_target(ws).name == proposal.stem + "-2.ipaudit"
