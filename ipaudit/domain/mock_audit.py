"""The mock audit (模拟审核): samples drawn the way an auditor does, and what each one showed.

A sampling plan (data: ``resources/audit/sampling-plan.yaml``) names strata — "3 training records",
"3 labour contracts", "5 ledger rows", "1 R&D project", "5 employees" — and where each is drawn
from. The services collect every stratum's population from the workspace as ``Candidate`` values;
``draw`` picks from them with ``random.Random(seed)``, so the same seed over the same workspace
gives the same samples, and no record is drawn twice (not even by two strata).

Each sample is then walked through and graded with the auditors' grades (√ conforms, △ observation,
○ minor, × major). An employee drawn for staff awareness is asked to state the policy and their
part in it; a person who cannot is graded ``awareness_failure_grade`` (data, default minor).

Pure: no disk, no Qt; the services store a mock audit as one JSON record.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from ipaudit.domain.model import Grade, Text
from ipaudit.resource_files import resource_path

PLAN_FILE = ("audit", "sampling-plan.yaml")
SEED_MAX = 2**31 - 1


class Result(StrEnum):
    """What the auditor saw in one sample: conforms, or one of the findings' grades."""

    CONFORM = "conform"
    OBSERVATION = "observation"
    MINOR = "minor"
    MAJOR = "major"

    @property
    def grade(self) -> Grade | None:
        return None if self is Result.CONFORM else Grade(self.value)

    @property
    def nonconformity(self) -> bool:
        return self in (Result.MINOR, Result.MAJOR)


RESULT_TEXT: dict[Result, Text] = {
    Result.CONFORM: Text("√ 符合", "√ conforms"),
    Result.OBSERVATION: Text("△ 观察项", "△ observation"),
    Result.MINOR: Text("○ 一般不符合", "○ minor nonconformity"),
    Result.MAJOR: Text("× 严重不符合", "× major nonconformity"),
}
RESULT_WORDS = {  # the grades as people type them
    "conform": Result.CONFORM,
    "conforms": Result.CONFORM,
    "ok": Result.CONFORM,
    "符合": Result.CONFORM,
    "√": Result.CONFORM,
    "observation": Result.OBSERVATION,
    "观察": Result.OBSERVATION,
    "观察项": Result.OBSERVATION,
    "△": Result.OBSERVATION,
    "minor": Result.MINOR,
    "一般": Result.MINOR,
    "一般不符合": Result.MINOR,
    "○": Result.MINOR,
    "major": Result.MAJOR,
    "严重": Result.MAJOR,
    "严重不符合": Result.MAJOR,
    "×": Result.MAJOR,
}


def parse_result(text: str) -> Result | None:
    """A grade as typed ("minor", "一般不符合", "○" …); None when it is none of them."""
    return RESULT_WORDS.get(text.strip().lower())


class Source(StrEnum):
    INSTANCES = "instances"  # the named instances of a record-set item
    EVIDENCE = "evidence"  # the current evidence files of an item
    LEDGER = "ledger"  # finance ledger rows
    EMPLOYEES = "employees"  # employees from the headcount (staff awareness)


LEDGER_NAMES = ("rewards", "payments", "expenses", "portfolio")


class PlanError(ValueError):
    """A sampling plan that cannot be used; ``text`` says where and what."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


@dataclass(frozen=True, slots=True)
class Stratum:
    key: str
    title: Text
    source: Source
    count: int
    item: str = ""
    ledgers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SamplingPlan:
    strata: tuple[Stratum, ...]
    awareness_failure_grade: Grade = Grade.MINOR

    def stratum(self, key: str) -> Stratum | None:
        return next((s for s in self.strata if s.key == key), None)


def _plan_error(where: str, zh: str, en: str) -> PlanError:
    return PlanError(Text(f"抽样方案 {where}：{zh}", f"Sampling plan {where}: {en}"))


def parse_plan(data: Any, name: str = "plan") -> SamplingPlan:
    """A sampling plan from its YAML data; PlanError names the entry and what is wrong."""
    if not isinstance(data, Mapping) or not isinstance(data.get("strata"), list):
        raise _plan_error(name, "应有 strata 列表。", "it needs a list of strata.")
    strata: list[Stratum] = []
    for n, raw in enumerate(data["strata"]):
        where = f"{name} strata[{n}]"
        if not isinstance(raw, Mapping):
            raise _plan_error(where, "应为映射。", "must be a mapping.")
        key = str(raw.get("key", ""))
        if not re.fullmatch(r"[A-Za-z0-9_]{1,40}", key):
            raise _plan_error(where, f"键“{key}”无效。", f"the key '{key}' is not valid.")
        if any(s.key == key for s in strata):
            raise _plan_error(where, f"键“{key}”重复。", f"the key '{key}' is repeated.")
        try:
            source = Source(str(raw.get("source", "")))
        except ValueError:
            raise _plan_error(
                where,
                f"来源“{raw.get('source')}”无效（{', '.join(Source)}）。",
                f"unknown source '{raw.get('source')}' ({', '.join(Source)}).",
            ) from None
        count = raw.get("count")
        if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 200:
            raise _plan_error(
                where, "count 应为 1 至 200 的整数。", "count must be a whole number 1 to 200."
            )
        item = str(raw.get("item", "") or "")
        if source in (Source.INSTANCES, Source.EVIDENCE) and not item:
            raise _plan_error(where, "须给出 item（清单条目键）。", "it needs an item key.")
        ledgers = tuple(str(x) for x in raw.get("ledgers", ()) or ())
        if source is Source.LEDGER:
            bad = [x for x in ledgers if x not in LEDGER_NAMES]
            if not ledgers or bad:
                raise _plan_error(
                    where,
                    f"ledgers 应为 {', '.join(LEDGER_NAMES)} 中的一个或多个。",
                    f"ledgers must name one or more of {', '.join(LEDGER_NAMES)}.",
                )
        zh, en = str(raw.get("zh", "") or key), str(raw.get("en", "") or key)
        strata.append(Stratum(key, Text(zh, en), source, count, item, ledgers))
    if not strata:
        raise _plan_error(name, "没有任何抽样层。", "it has no strata.")
    grade_text = str(data.get("awareness_failure_grade", Grade.MINOR.value))
    try:
        grade = Grade(grade_text)
    except ValueError:
        raise _plan_error(
            name,
            f"awareness_failure_grade“{grade_text}”无效。",
            f"awareness_failure_grade '{grade_text}' is not a grade.",
        ) from None
    return SamplingPlan(tuple(strata), grade)


def default_plan() -> SamplingPlan:
    import yaml

    path = resource_path(*PLAN_FILE)
    return parse_plan(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)


# --- populations and drawing ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    """One record an auditor could ask for. ``ref`` identifies it in the workspace (never two
    candidates with one ref are drawn): "instance:hr.trainings:2", "evidence:119",
    "ledger:rewards:<file>|<sheet>|<row>", "employee:rnd:3"."""

    ref: str
    label: Text  # what to fetch, as the escort is told
    department: str = ""  # workspace department key
    item_key: str = ""  # the checklist item to jump to
    evidence_ids: tuple[int, ...] = ()  # the files to look at


@dataclass(frozen=True, slots=True)
class Sample:
    key: str  # "S01" …, in drawing order
    stratum: str
    ref: str
    label: Text
    department: str = ""
    item_key: str = ""
    evidence_ids: tuple[int, ...] = ()
    awareness: bool = False
    result: Result | None = None  # None: not walked yet
    note: str = ""
    evidence_seen: str = ""  # what the auditor looked at
    person: str = ""  # awareness: the employee's name as asked
    policy_ok: bool | None = None  # awareness: could state the policy
    role_ok: bool | None = None  # awareness: could state their part in it

    @property
    def walked(self) -> bool:
        return self.result is not None


def draw(
    plan: SamplingPlan, population: Mapping[str, Sequence[Candidate]], seed: int
) -> tuple[Sample, ...]:
    """The samples of ``plan`` from ``population`` (stratum key -> candidates), drawn with
    ``random.Random(seed)``: the same seed and population give the same samples; no ``ref`` is
    drawn twice; a stratum with fewer candidates than its count gives them all."""
    rng = random.Random(seed)
    taken: set[str] = set()
    out: list[Sample] = []
    for stratum in plan.strata:
        unique: dict[str, Candidate] = {}
        for c in population.get(stratum.key, ()):
            if c.ref not in taken:
                unique.setdefault(c.ref, c)
        pool = sorted(
            unique.values(), key=lambda c: c.ref
        )  # the order the store returned is no input
        for c in rng.sample(pool, min(stratum.count, len(pool))):
            taken.add(c.ref)
            out.append(
                Sample(
                    key=f"S{len(out) + 1:02d}",
                    stratum=stratum.key,
                    ref=c.ref,
                    label=c.label,
                    department=c.department,
                    item_key=c.item_key,
                    evidence_ids=c.evidence_ids,
                    awareness=stratum.source is Source.EMPLOYEES,
                )
            )
    return tuple(out)


def shortfalls(
    plan: SamplingPlan, population: Mapping[str, Sequence[Candidate]]
) -> list[tuple[Stratum, int]]:
    """The strata whose population is smaller than their count, with how many there are."""
    out = []
    for s in plan.strata:
        have = len({c.ref for c in population.get(s.key, ())})
        if have < s.count:
            out.append((s, have))
    return out


# --- the mock audit ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MockAudit:
    key: str  # "MA-20261201-1"
    date: dt.date
    seed: int
    plan: SamplingPlan
    auditors: tuple[str, ...] = ()
    samples: tuple[Sample, ...] = ()
    scope: str = ""  # as the report states it; empty: every department sampled
    summary: str = ""
    conclusion: str = ""
    version: int = 0  # the stored record's version (0: not stored)

    def sample(self, key: str) -> Sample | None:
        return next((s for s in self.samples if s.key == key), None)

    @property
    def departments(self) -> tuple[str, ...]:
        """The departments sampled, in order of first appearance."""
        return tuple(dict.fromkeys(s.department for s in self.samples if s.department))

    @property
    def walked(self) -> int:
        return sum(1 for s in self.samples if s.walked)

    def nonconformities(self) -> list[Sample]:
        return [s for s in self.samples if s.result is not None and s.result.nonconformity]

    def tally(self) -> dict[Result, int]:
        counts = {r: 0 for r in Result}
        for s in self.samples:
            if s.result is not None:
                counts[s.result] += 1
        return counts


def new_key(date: dt.date, existing: Iterable[str]) -> str:
    """The next free key for a mock audit on ``date``: MA-YYYYMMDD-n."""
    taken = set(existing)
    n = 1
    while f"MA-{date:%Y%m%d}-{n}" in taken:
        n += 1
    return f"MA-{date:%Y%m%d}-{n}"


class AwarenessError(ValueError):
    """A grade an awareness sample cannot take; ``text`` says why and what to do."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


SEVERITY = (Result.CONFORM, Result.OBSERVATION, Result.MINOR, Result.MAJOR)


def record_result(
    sample: Sample, result: Result, note: str | None = None, evidence_seen: str | None = None
) -> Sample:
    """``sample`` graded ``result``. An awareness sample conforms only when the employee could
    state both the policy and their part in it: grading it conform without both answers "yes"
    is refused (AwarenessError), the answers are recorded with ``record_awareness``."""
    if sample.awareness and result is Result.CONFORM and not (sample.policy_ok and sample.role_ok):
        raise AwarenessError(
            Text(
                f"样本 {sample.key} 是员工意识抽问：只有员工能说出知识产权方针和本岗位的要求时才算"
                "符合；请先记录两项回答（--policy yes --role yes，或在界面中勾选两项）。",
                f"Sample {sample.key} is a staff awareness sample: it conforms only when the"
                " employee could state both the IP policy and their part in it; record both"
                " answers first (--policy yes --role yes, or tick both in the window).",
            )
        )
    return replace(
        sample,
        result=result,
        note=sample.note if note is None else note,
        evidence_seen=sample.evidence_seen if evidence_seen is None else evidence_seen,
    )


def awareness_result(
    plan: SamplingPlan, *, policy_ok: bool, role_ok: bool, given: Result | None = None
) -> Result:
    """The grade of an employee's answers: ``given`` (default conform) when both are "yes";
    else at least the plan's ``awareness_failure_grade`` (a more severe ``given`` stays)."""
    if policy_ok and role_ok:
        return given or Result.CONFORM
    failure = Result(plan.awareness_failure_grade.value)
    if given is not None and SEVERITY.index(given) > SEVERITY.index(failure):
        return given
    return failure


def _not_stated(sample: Sample, otherwise: Text) -> Text:
    """What an asked employee could not state (the policy, their part), ``otherwise`` when the
    answers do not say."""
    missing = [
        (zh, en)
        for ok, zh, en in (
            (sample.policy_ok, "知识产权方针", "the IP policy"),
            (sample.role_ok, "本岗位的知识产权要求", "their part in it"),
        )
        if ok is False
    ]
    if not missing:
        return otherwise
    return Text("和".join(zh for zh, _ in missing), " or ".join(en for _, en in missing))


def grade_changed(sample: Sample, given: Result | None) -> Text | None:
    """What to tell the user when the grade they gave (``given``; None: none given, conform
    assumed) is not the grade ``sample`` got from its awareness answers; None when it is."""
    if not sample.awareness or sample.result is None:
        return None
    wanted = given or Result.CONFORM
    if sample.result is wanted:
        return None
    what = _not_stated(sample, Text("所问内容", "what was asked"))
    got, asked = RESULT_TEXT[sample.result], RESULT_TEXT[wanted]
    return Text(
        f"样本 {sample.key} 记为“{got.zh}”而不是“{asked.zh}”：员工不能说出{what.zh}。",
        f"Sample {sample.key} is graded '{got.en}', not '{asked.en}': the employee could not"
        f" state {what.en}.",
    )


def record_awareness(
    sample: Sample,
    plan: SamplingPlan,
    *,
    policy_ok: bool,
    role_ok: bool,
    person: str | None = None,
    note: str | None = None,
    grade: Result | None = None,
) -> Sample:
    """An employee's answers: conforms when they could state both the policy and their part;
    else the plan's ``awareness_failure_grade`` (or the more severe ``grade`` given);
    ``grade_changed`` says when the result is not the ``grade`` given."""
    result = awareness_result(plan, policy_ok=policy_ok, role_ok=role_ok, given=grade)
    return replace(
        sample,
        policy_ok=policy_ok,
        role_ok=role_ok,
        result=result,
        person=sample.person if person is None else person,
        note=sample.note if note is None else note,
    )


def finding_text(sample: Sample) -> Text:
    """The nonconformity a sample shows, as the report and its corrective action state it."""
    if sample.awareness:
        who_zh = sample.person or sample.label.zh
        who_en = sample.person or sample.label.en
        what = _not_stated(sample, Text("相关要求", "what was asked"))
        zh, en = (
            f"抽问员工 {who_zh}，不能说出{what.zh}。",
            f"Asked, {who_en} could not state {what.en}.",
        )
    else:
        zh, en = f"抽查 {sample.label.zh}。", f"Sampled {sample.label.en}."
    if sample.note:
        zh, en = f"{zh}{sample.note}", f"{en} {sample.note}"
    return Text(zh, en)


def with_sample(audit: MockAudit, sample: Sample) -> MockAudit:
    """``audit`` with the sample of the same key replaced by ``sample``."""
    if audit.sample(sample.key) is None:
        raise KeyError(sample.key)
    return replace(
        audit, samples=tuple(sample if s.key == sample.key else s for s in audit.samples)
    )


# --- JSON (the stored record) --------------------------------------------------------------------


def plan_json(plan: SamplingPlan) -> dict[str, Any]:
    return {
        "strata": [
            {
                "key": s.key,
                "zh": s.title.zh,
                "en": s.title.en,
                "source": s.source.value,
                "count": s.count,
                **({"item": s.item} if s.item else {}),
                **({"ledgers": list(s.ledgers)} if s.ledgers else {}),
            }
            for s in plan.strata
        ],
        "awareness_failure_grade": plan.awareness_failure_grade.value,
    }


def sample_json(s: Sample) -> dict[str, Any]:
    return {
        "key": s.key,
        "stratum": s.stratum,
        "ref": s.ref,
        "label": {"zh": s.label.zh, "en": s.label.en},
        "department": s.department,
        "item_key": s.item_key,
        "evidence_ids": list(s.evidence_ids),
        "awareness": s.awareness,
        "result": None if s.result is None else s.result.value,
        "note": s.note,
        "evidence_seen": s.evidence_seen,
        "person": s.person,
        "policy_ok": s.policy_ok,
        "role_ok": s.role_ok,
    }


def audit_json(audit: MockAudit) -> dict[str, Any]:
    return {
        "key": audit.key,
        "date": audit.date.isoformat(),
        "seed": audit.seed,
        "plan": plan_json(audit.plan),
        "auditors": list(audit.auditors),
        "samples": [sample_json(s) for s in audit.samples],
        "scope": audit.scope,
        "summary": audit.summary,
        "conclusion": audit.conclusion,
    }


def _text(value: Any) -> Text:
    if isinstance(value, Mapping):
        return Text(str(value.get("zh", "")), str(value.get("en", "")))
    return Text(str(value or ""), str(value or ""))


def _opt_bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def sample_from_json(d: Mapping[str, Any]) -> Sample:
    result = d.get("result")
    return Sample(
        key=str(d["key"]),
        stratum=str(d.get("stratum", "")),
        ref=str(d.get("ref", "")),
        label=_text(d.get("label")),
        department=str(d.get("department", "")),
        item_key=str(d.get("item_key", "")),
        evidence_ids=tuple(int(x) for x in d.get("evidence_ids", ())),
        awareness=bool(d.get("awareness", False)),
        result=None if result is None else Result(result),
        note=str(d.get("note", "")),
        evidence_seen=str(d.get("evidence_seen", "")),
        person=str(d.get("person", "")),
        policy_ok=_opt_bool(d.get("policy_ok")),
        role_ok=_opt_bool(d.get("role_ok")),
    )


def audit_from_json(d: Mapping[str, Any], version: int = 0) -> MockAudit:
    return MockAudit(
        key=str(d["key"]),
        date=dt.date.fromisoformat(str(d["date"])),
        seed=int(d["seed"]),
        plan=parse_plan(d["plan"]),
        auditors=tuple(str(a) for a in d.get("auditors", ())),
        samples=tuple(sample_from_json(s) for s in d.get("samples", ())),
        scope=str(d.get("scope", "")),
        summary=str(d.get("summary", "")),
        conclusion=str(d.get("conclusion", "")),
        version=version,
    )


def next_open(audit: MockAudit, after: str | None = None) -> Sample | None:
    """The next sample not graded yet after the sample ``after`` (wrapping round); None when
    every sample is graded."""
    keys = [s.key for s in audit.samples]
    start = keys.index(after) + 1 if after in keys else 0
    ordered = audit.samples[start:] + audit.samples[:start]
    return next((s for s in ordered if not s.walked), None)
