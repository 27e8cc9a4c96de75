"""Translated names of statuses, grades and item kinds (shared by the checklist widgets)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ipaudit.domain.model import Grade, ItemKind, Status

_CONTEXT = "ChecklistTerms"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def status_name(status: Status) -> str:
    return {
        Status.NOT_STARTED: _tr("Not started"),
        Status.IN_PROGRESS: _tr("In progress"),
        Status.READY: _tr("Ready"),
        Status.NOT_APPLICABLE: _tr("Not applicable"),
    }[status]


def grade_name(grade: Grade) -> str:
    return {
        Grade.MAJOR: _tr("Major nonconformity"),
        Grade.MINOR: _tr("Minor nonconformity"),
        Grade.OBSERVATION: _tr("Observation"),
    }[grade]


def kind_name(kind: ItemKind) -> str:
    return {
        ItemKind.DOCUMENT: _tr("Document"),
        ItemKind.RECORDS: _tr("Records"),
        ItemKind.RECORD_SET: _tr("Record set"),
        ItemKind.YEARLY: _tr("Yearly records"),
        ItemKind.ANSWER: _tr("Auditor questions"),
    }[kind]
