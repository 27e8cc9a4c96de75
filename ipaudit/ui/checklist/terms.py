"""Translated names of statuses, grades and item kinds (shared by the checklist widgets)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ipaudit.domain.model import Grade, ItemKind, Status


def tr(text: str) -> str:
    return QCoreApplication.translate("ChecklistTerms", text)


def status_name(status: Status) -> str:
    return {
        Status.NOT_STARTED: tr("Not started"),
        Status.IN_PROGRESS: tr("In progress"),
        Status.READY: tr("Ready"),
        Status.NOT_APPLICABLE: tr("Not applicable"),
    }[status]


def grade_name(grade: Grade) -> str:
    return {
        Grade.MAJOR: tr("Major nonconformity"),
        Grade.MINOR: tr("Minor nonconformity"),
        Grade.OBSERVATION: tr("Observation"),
    }[grade]


def kind_name(kind: ItemKind) -> str:
    return {
        ItemKind.DOCUMENT: tr("Document"),
        ItemKind.RECORDS: tr("Records"),
        ItemKind.RECORD_SET: tr("Record set"),
        ItemKind.YEARLY: tr("Yearly records"),
        ItemKind.ANSWER: tr("Auditor questions"),
    }[kind]
