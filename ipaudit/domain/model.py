"""The audit model: what a workspace holds, as plain immutable values.

Nothing here touches disk or Qt. The store turns rows into these values, the checks turn them into
findings, and the services hand them to the CLI and the GUI.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from ipaudit.text import Text as Text  # the one bilingual text type, used throughout the model


class Edition(StrEnum):
    GB2023 = "2023"
    GB2013 = "2013"


class AuditType(StrEnum):
    INITIAL = "initial"
    SURVEILLANCE = "surveillance"
    RECERTIFICATION = "recertification"


class ItemKind(StrEnum):
    DOCUMENT = "document"  # one document (at least one current evidence file)
    RECORDS = "records"  # at least ``min_count`` records
    RECORD_SET = "record_set"  # ``instances`` × every sub-record
    YEARLY = "yearly"  # each year of the audit period covered
    ANSWER = "answer"  # auditor questions answered (bound to facts where declared)


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    READY = "ready"
    NOT_APPLICABLE = "not_applicable"
    # set when the next cycle starts: the item's records are last cycle's and no longer cover the
    # new audit period; attaching a record makes it in progress again
    NEEDS_REFRESH = "needs_refresh"


class Grade(StrEnum):
    """Auditors' grades: × major (missing), ○ minor (incomplete/inconsistent), △ observation."""

    MAJOR = "major"
    MINOR = "minor"
    OBSERVATION = "observation"

    @property
    def blocking(self) -> bool:
        return self is not Grade.OBSERVATION

    @property
    def rank(self) -> int:
        return {"major": 0, "minor": 1, "observation": 2}[self.value]


@dataclass(frozen=True, slots=True)
class ClauseRef:
    clause: str
    confirmed: bool = True


@dataclass(frozen=True, slots=True)
class Question:
    key: str
    text: Text
    fact: str | None = None  # a fact key (see domain.facts.FACT_KEYS) the answer must agree with


@dataclass(frozen=True, slots=True)
class SubRecord:
    key: str
    title: Text


@dataclass(frozen=True, slots=True)
class FormDef:
    """A blank form the pack can generate for a missing record."""

    title: Text
    format: str  # "xlsx" or "docx"
    columns: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class Item:
    key: str
    department: str  # template department key
    clause: str  # clause of the template's own edition (for grouping)
    refs: dict[str, ClauseRef]  # edition value ("2023"/"2013") -> reference
    title: Text
    guidance: Text
    kind: ItemKind
    min_count: int = 1
    instances: int = 0
    instance_label: Text | None = None
    sub_records: tuple[SubRecord, ...] = ()
    questions: tuple[Question, ...] = ()
    forms: tuple[FormDef, ...] = ()
    seed_refs: tuple[str, ...] = ()  # e.g. ("7.b",) — the article-5 requirement ids it covers
    aliases: tuple[str, ...] = ()  # other names of its documents, as request lists write them


@dataclass(frozen=True, slots=True)
class DepartmentDef:
    key: str
    name: Text
    optional: bool = False  # e.g. procurement: its own department only when the company has one


@dataclass(frozen=True, slots=True)
class ClauseDef:
    ref: str
    title: Text
    confirmed: bool = True


@dataclass(frozen=True, slots=True)
class Template:
    edition: Edition
    title: Text
    departments: tuple[DepartmentDef, ...]
    clauses: tuple[ClauseDef, ...]
    items: tuple[Item, ...]
    source: str = ""  # file name it was loaded from

    def item(self, key: str) -> Item:
        for it in self.items:
            if it.key == key:
                return it
        raise KeyError(key)


@dataclass(frozen=True, slots=True)
class Department:
    """A department of this workspace (the company's own naming)."""

    key: str
    name: Text
    absent: bool = False
    merged_into: str | None = None
    position: int = 0


@dataclass(frozen=True, slots=True)
class WorkspaceInfo:
    company: str
    edition: Edition
    audit_type: AuditType
    audit_start: dt.date
    audit_end: dt.date
    period_start: dt.date
    period_end: dt.date
    last_audit: dt.date | None = None  # first day of the previous external audit (surveillance)
    certificate_start: dt.date | None = None  # the current certificate's validity
    certificate_end: dt.date | None = None
    system_start: dt.date | None = None  # the IP manual's issue date: the system runs from it

    def period_years(self) -> list[int]:
        return list(range(self.period_start.year, self.period_end.year + 1))


@dataclass(frozen=True, slots=True)
class Objective:
    key: str
    text: str
    target: Decimal
    unit: str = ""
    split: dict[str, Decimal] = field(default_factory=dict)  # department key -> its share
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Procedure:
    code: str
    title: str
    department: str = ""


class PersonKind(StrEnum):
    HIRE = "hire"  # joined during the audit period
    LEAVER = "leaver"  # a core employee who left during the audit period


@dataclass(frozen=True, slots=True)
class Person:
    """A declared new hire or core leaver: the records HR must hold are matched by name."""

    name: str
    kind: PersonKind
    department: str = ""
    date: dt.date | None = None  # joining or leaving day


@dataclass(frozen=True, slots=True)
class Facts:
    """What the IP manual declares: the truth the answers are checked against."""

    policy: str = ""
    manual_objectives: tuple[str, ...] = ()  # objective wording as printed in the manual
    objectives: tuple[Objective, ...] = ()  # the objectives list with targets and split
    headcount: dict[str, int] = field(default_factory=dict)  # department key -> people
    duties: dict[str, str] = field(default_factory=dict)  # department key -> duties text
    procedures: tuple[Procedure, ...] = ()
    certificates: tuple[str, ...] = ()
    portfolio: dict[str, int] = field(default_factory=dict)  # ip type -> count
    extra: dict[str, str] = field(default_factory=dict)  # other declared facts by key
    people: tuple[Person, ...] = ()  # new hires and core leavers of the period
    budget: dict[str, Decimal] = field(default_factory=dict)  # expense category -> budget (yuan)
    open_nonconformities: int | None = None  # the previous audit's, still open (None: undeclared)


@dataclass(frozen=True, slots=True)
class Evidence:
    id: int
    item_key: str
    slot: str  # "" or "<instance>/<sub-record key>" or "year:<YYYY>"
    sha256: str
    size: int
    original_name: str
    title: str
    department: str
    doc_number: str = ""
    version: str = ""
    doc_date: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    added_at: dt.datetime | None = None
    supersedes: int | None = None  # the evidence this one replaced (a new version)
    current: bool = True
    last_cycle: bool = False  # carried over from the previous cycle's workspace (next cycle)


@dataclass(frozen=True, slots=True)
class ItemState:
    item_key: str
    status: Status = Status.NOT_STARTED
    na_reason: str = ""
    notes: str = ""
    answers: dict[str, str] = field(default_factory=dict)  # question key -> answer text
    instance_names: tuple[str, ...] = ()  # e.g. the three R&D project names
    version: int = 0


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # e.g. "evidence_missing"; stable, for filtering and acceptance
    grade: Grade
    department: str  # workspace department key
    item_key: str
    message: Text
    refs: tuple[str, ...] = ()  # rows, files or facts involved
    key: str = ""  # stable identity of this finding (for acceptance)
    accepted: str | None = None  # the accepted explanation, if any

    @property
    def blocking(self) -> bool:
        return self.grade.blocking and self.accepted is None


@dataclass(frozen=True, slots=True)
class Readiness:
    department: str  # "" for the whole company
    percent: float  # 0..100
    items: int  # applicable items
    ready_items: int
    blocking: int  # blocking findings
    by_grade: dict[Grade, int]
