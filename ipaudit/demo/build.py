"""Build the demo workspace: a 60-person company, mostly ready, with a handful of deliberate gaps
of different kinds so that every check fires at least once."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ipaudit.demo import content
from ipaudit.demo.audit_day import add_audit_day
from ipaudit.demo.files import safe_name, write_docx, write_txt, write_xlsx
from ipaudit.demo.ledgers import add_ledgers
from ipaudit.demo.schedule import DAY, Record, Schedule, working_day
from ipaudit.domain.facts import declared
from ipaudit.domain.model import Item, ItemKind, ItemState, Question, Status
from ipaudit.domain.rules import item_rule
from ipaudit.progress import Progress
from ipaudit.services import Workspace
from ipaudit.store.address import is_server_address
from ipaudit.store.errors import InvalidInput

# the HR items whose records are those of the declared hires and leavers
PERSON_ITEMS = frozenset(
    {
        "hr.labour_contracts",
        "hr.confidentiality_agreements",
        "hr.background_checks",
        "hr.ip_declarations",
        "hr.exit_interviews",
        "hr.exit_handover",
        "hr.exit_agreements",
    }
)


def remove_workspace(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def build_demo(
    path: Path | str,
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
    audit_day: bool = False,
) -> Path:
    """The demo workspace at ``path``: a file, written as ``<path>.part`` and renamed when
    complete, or a ``postgresql://`` address of an empty database (one try of a team workspace;
    ``overwrite`` does not apply: a database that holds tables is refused).

    ``audit_day``: also the audit day and cycle (the plan, rehearsals, the auditor's request
    list, a mock audit and corrective actions; see ``ipaudit.demo.audit_day``), as ``ipaudit
    demo`` and the app build it; without it the demo is the readiness work alone, the state the
    tests of those features start from."""
    if is_server_address(path):
        with (
            Workspace.create(path, content.INFO, facts=content.FACTS) as ws,
            tempfile.TemporaryDirectory() as tmp,
        ):
            _Builder(ws, Path(tmp), progress, audit_day).run()
            return ws.path
    path = Path(path)
    if path.exists():
        if not overwrite:
            raise InvalidInput(
                f"{path} 已存在；加 --force 覆盖。", f"{path} exists; add --force to overwrite it."
            )
        remove_workspace(path)
    part = path.with_name(path.name + ".part")
    remove_workspace(part)
    try:
        with (
            Workspace.create(part, content.INFO, facts=content.FACTS) as ws,
            tempfile.TemporaryDirectory() as tmp,
        ):
            _Builder(ws, Path(tmp), progress, audit_day).run()
        part.replace(path)
    finally:
        remove_workspace(part)
    return path


class _Builder:
    def __init__(
        self, ws: Workspace, tmp: Path, progress: Progress | None, audit_day: bool = False
    ) -> None:
        self.ws = ws
        self.audit_day = audit_day
        self.tmp = tmp
        self.progress = progress
        self.info = ws.info()
        self.facts = ws.facts()
        self.gaps = _choose_gaps(ws.template.items)
        self.schedule = Schedule(self.info)
        self.counter = 0

    def run(self) -> None:
        items = self.ws.template.items
        # the audit day takes about as long as a fifth of the items
        total = len(items) + (len(items) // 5 if self.audit_day else 0)
        for n, item in enumerate(items, 1):
            owner = self.ws.owner(item)
            if owner:
                self.fill(item, owner)
            if self.progress:
                self.progress(n, total)
        self.ws.mark_demo()
        add_ledgers(self.ws, self.tmp)
        self.history()
        if self.audit_day:
            add_audit_day(self.ws, self.tmp, self._after_items(len(items), total))
        self.ws.changed()

    def _after_items(self, done: int, total: int) -> Callable[[float], None] | None:
        """The progress of a step after the items: its ``share`` of what is left after ``done``."""
        progress = self.progress
        if progress is None:
            return None
        return lambda share: progress(done + round(share * (total - done)), total)

    # --- one item ----------------------------------------------------------------------------

    def fill(self, item: Item, owner: str) -> None:
        gap = self.gaps.get(item.key, "")
        state = ItemState(item.key, Status.READY)
        if gap == "na_without_reason":
            self.ws.save_state(replace(state, status=Status.NOT_APPLICABLE))
            return
        if gap == "na_with_reason":
            reason = "本公司无此类业务，手册第 3 章已说明删减理由"
            self.ws.save_state(replace(state, status=Status.NOT_APPLICABLE, na_reason=reason))
            return
        if item.kind is ItemKind.RECORD_SET:
            state = replace(state, instance_names=self.instance_names(item))
        answers = self.answers(item, owner, gap)
        state = replace(state, answers=answers)
        if gap in ("evidence_missing", "answer_missing"):
            state = replace(state, status=Status.IN_PROGRESS)
        self.ws.save_state(state)
        if item.kind is not ItemKind.ANSWER and gap != "evidence_missing":
            self.evidence(item, owner, gap)

    def instance_names(self, item: Item) -> tuple[str, ...]:
        if item.department == "rnd":
            return content.PROJECTS[: item.instances]
        return tuple(
            f"{item.instance_label.zh if item.instance_label else ''}{i}"
            for i in range(1, item.instances + 1)
        )

    def answers(self, item: Item, owner: str, gap: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for i, q in enumerate(item.questions):
            if gap == "answer_missing" and i > 0:
                break
            out[q.key] = self.answer(q, item, owner, gap)
        return out

    def answer(self, q: Question, item: Item, owner: str, gap: str) -> str:
        if q.fact == "headcount" and gap == "answer_contradicts_fact":
            return f"{content.HEADCOUNT.get(owner, 0) + 2}人"
        if q.fact == "extra.projects_in_progress":
            return "目前同时在研 4 个项目"
        if q.fact:
            fact = declared(self.facts, q.fact, owner)
            if fact is not None:
                unit = "人" if q.fact.startswith("headcount") else ""
                return fact.display if fact.display.endswith(unit) else fact.display + unit
        return content.ANSWERS.get(
            (item.key, q.key), "按《知识产权管理手册》和相应程序文件执行，记录见本条目所附证据。"
        )

    # --- evidence ----------------------------------------------------------------------------

    def evidence(self, item: Item, owner: str, gap: str) -> None:
        rule = item_rule(self.ws.template, item)
        if item.key in PERSON_ITEMS:
            records = self.people_records(item, gap)
        else:
            records = self.schedule.records(item, rule, self.instance_names(item))
        if gap == "too_few_records":
            records = records[: item.min_count - 1]
        elif gap == "year_not_covered":
            records = records[-1:]
        elif gap == "record_set_incomplete":
            records = records[:-1]  # the last instance's last phase
        elif gap == "evidence_outside_period":
            old = self.info.period_start - dt.timedelta(days=200)
            records.append(Record("", f"{item.title.zh}-旧", working_day(old, old, old + 3 * DAY)))
        for record in records:
            self.attach(item, record, docx=item.kind in (ItemKind.DOCUMENT, ItemKind.YEARLY))

    def people_records(self, item: Item, gap: str) -> list[Record]:
        """HR records of the declared hires and leavers (one handover list missing), plus the
        contracts of long-serving staff the auditor samples."""
        title = item.title.zh.split("（")[0]
        skip = {"谢振华"} if item.key == "hr.exit_handover" else set()
        staff: list[Record] = []
        sampled = item.key in ("hr.labour_contracts", "hr.confidentiality_agreements")
        if sampled and gap != "too_few_records":  # (else only the new hires' are filed)
            rng = random.Random(item.key)
            for name in ("王强", "李娜", "马超"):
                day = self.schedule.signed_before(rng, years=7)
                staff.append(Record("", f"{title}-{name}", day))
        people = self.schedule.person_records(item.key, title, self.facts.people, skip)
        return staff + people

    def attach(self, item: Item, record: Record, *, docx: bool = False) -> None:
        self.counter += 1
        day = record.day or (record.period[0] if record.period else None)
        lines = [
            content.COMPANY,
            f"{item.title.zh} / {item.title.en}",
            f"编号 XH-JL-{self.counter:04d}",
            f"日期 {day or ''}",
        ]
        form = item.forms[0] if item.forms else None
        stem = safe_name(record.title)
        if docx:
            path = write_docx(self.tmp / f"{stem}.docx", record.title, lines)
        elif form is not None and form.format == "xlsx":
            staff = content.STAFF.get(item.department, ["王强"])
            rows = [
                [str(day or ""), staff[i % len(staff)], *[""] * max(len(form.columns) - 2, 0)]
                for i in range(3)
            ]
            path = write_xlsx(self.tmp / f"{stem}.xlsx", record.title, form, rows)
        else:
            path = write_txt(self.tmp / f"{stem}.txt", record.title, lines)
        period = record.period or (None, None)
        self.ws.attach(
            item.key,
            path,
            slot=record.slot,
            title=record.title,
            doc_number=f"XH-JL-{self.counter:04d}",
            version=record.version,
            doc_date=record.day,
            period_start=period[0],
            period_end=period[1],
        )

    def history(self) -> None:
        """Readiness over the last weeks: the fictional company's progress so far."""
        today = dt.date.today()
        deps = [d.key for d in self.ws.departments(active_only=True)]
        for back, level in ((42, 31.0), (35, 44.5), (28, 58.0), (21, 66.5), (14, 74.0), (7, 79.5)):
            per = {k: round(min(100.0, level + (hash(k) % 9) - 4), 1) for k in deps}
            self.ws.record_snapshot(
                today - dt.timedelta(days=back), level, per, int(60 - level / 2)
            )


def _choose_gaps(items: tuple[Item, ...]) -> dict[str, str]:
    """Pick the items that carry the deliberate gaps, by kind and department, so the choice works
    for whatever the template holds."""
    gaps: dict[str, str] = {}

    def pick(gap: str, pred: Callable[[Item], bool]) -> None:
        if gap in gaps.values():
            return  # a preferred choice already carries this gap
        for item in items:
            if item.key not in gaps and pred(item):
                gaps[item.key] = gap
                return

    def has_fact(item: Item, fact: str) -> bool:
        return any(q.fact == fact for q in item.questions)

    pick("answer_contradicts_fact", lambda i: i.department == "rnd" and has_fact(i, "headcount"))
    pick(
        "evidence_missing",
        lambda i: (
            i.department == "marketing" and i.kind is ItemKind.DOCUMENT and "风险" in i.title.zh
        ),
    )
    pick("evidence_missing", lambda i: i.department == "marketing" and i.kind is ItemKind.DOCUMENT)
    pick(
        "too_few_records",
        lambda i: i.department == "hr_admin" and i.kind is ItemKind.RECORDS and i.min_count >= 3,
    )
    pick("record_set_incomplete", lambda i: i.department == "rnd" and i.kind is ItemKind.RECORD_SET)
    pick("year_not_covered", lambda i: i.department == "hr_admin" and i.kind is ItemKind.YEARLY)
    pick(
        "evidence_outside_period",
        lambda i: i.department == "ip_office" and i.kind is ItemKind.RECORDS,
    )
    pick(
        "answer_missing",
        lambda i: (
            i.department == "marketing" and i.kind is ItemKind.ANSWER and len(i.questions) >= 2
        ),
    )
    pick(
        "na_without_reason", lambda i: i.department == "production" and i.kind is ItemKind.DOCUMENT
    )
    pick(
        "na_with_reason",
        lambda i: (
            i.department == "ip_office" and i.kind is ItemKind.DOCUMENT and "联盟" in i.title.zh
        ),
    )
    return gaps
