"""Ready to apply: the certification body's application conditions checked on the workspace, and
the application materials exported in the order of its completeness list."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ipaudit.domain.application import (
    ApplicationData,
    ConditionResult,
    MaterialFiles,
    evaluate,
    load_application,
    materials,
)
from ipaudit.domain.checks import CheckInput
from ipaudit.domain.model import Text
from ipaudit.export.application_materials import (
    MaterialEntry,
    MaterialFile,
    Written,
    write_materials,
)
from ipaudit.progress import CancelCheck, Progress
from ipaudit.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class ApplicationCheck:
    conditions: list[ConditionResult]
    materials: list[MaterialFiles]

    @property
    def ready(self) -> bool:
        """Every condition passes and every material has a file."""
        return all(c.passed for c in self.conditions) and all(m.present for m in self.materials)

    def to_json(self) -> dict[str, Any]:
        return {
            "ready": self.ready,
            "conditions": [
                {
                    "id": r.condition.id,
                    "text": _tj(r.condition.text),
                    "passed": r.passed,
                    "reasons": [_tj(t) for t in r.reasons],
                }
                for r in self.conditions
            ],
            "materials": [
                {
                    "number": m.number,
                    "id": m.material.id,
                    "text": _tj(m.material.text),
                    "items": list(m.material.items),
                    "files": [
                        {"evidence": ev.id, "item": ev.item_key, "title": ev.title}
                        for ev in m.files
                    ],
                    "missing_items": list(m.missing_items),
                }
                for m in self.materials
            ],
        }


def _tj(text: Text) -> dict[str, str]:
    return {"zh": text.zh, "en": text.en}


def _input(ws: Workspace) -> CheckInput:
    return CheckInput(
        info=ws.info(),
        template=ws.template,
        departments=ws.departments(),
        facts=ws.facts(),
        states=ws.states(),
        evidence=ws.evidence(),
    )


def check_application(ws: Workspace, data: ApplicationData | None = None) -> ApplicationCheck:
    """The application conditions (each passed or not, with why) and the materials with their
    files, from one read of the workspace."""
    data = data or load_application()
    source = _input(ws)
    return ApplicationCheck(evaluate(source, data), materials(source, data))


def export_materials(
    ws: Workspace,
    target: Path | str,
    *,
    lang: str = "zh",
    data: ApplicationData | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> Written:
    """Write the application materials to ``target`` (a new folder, or a .zip): the files
    numbered in the list's order and an index (xlsx and docx) naming the missing ones."""
    check = check_application(ws, data)
    titles = {it.key: it.title for it in ws.template.items}
    entries = []
    for m in check.materials:
        files = tuple(
            MaterialFile(
                ev.title,
                ev.original_name,
                ev.sha256,
                ev.size,
                ev.doc_date,
                titles.get(ev.item_key, Text(ev.item_key, ev.item_key)),
            )
            for ev in m.files
        )
        note = None
        if m.missing_items:
            keys = "、".join(m.missing_items)
            note = Text(
                f"本清单没有条目 {keys}",
                f"this checklist has no item {', '.join(m.missing_items)}",
            )
        entries.append(MaterialEntry(m.number, m.material.text, files, note))
    return write_materials(
        Path(target),
        entries,
        ws.evidence_bytes,
        company=ws.info().company,
        lang=lang,
        progress=progress,
        cancel=cancel,
    )
