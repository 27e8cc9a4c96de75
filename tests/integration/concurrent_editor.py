"""One of two processes editing the same workspace at once (run by test_concurrent_edits).

``python -m tests.integration.concurrent_editor WORKSPACE NAME STYLE EDITS GO_FILE`` makes EDITS
rounds of five edits — a fact, an answer, a status, notes, an attachment — on rows the other
process edits too, each touching only fields this process owns. STYLE ``direct`` edits through
the services' one-transaction operations (as the CLI does); ``based`` reads the state first and
saves it with the state it was based on (as the desktop app does), ``naive`` does the same without
the base (how edits were made before they were atomic; for measuring, not for the test).

It prints one JSON object: every edit that was stored, and every refusal (kind: message).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from ipaudit.domain.model import Status
from ipaudit.services import Workspace, answered
from ipaudit.services.facts import apply_fact
from ipaudit.store.errors import WorkspaceError

STATUSES = (Status.IN_PROGRESS, Status.READY)


def shared_items(ws: Workspace) -> list[tuple[str, str, str]]:
    """(item, question of "a", question of "b"): six items with two questions or more."""
    return [
        (it.key, it.questions[0].key, it.questions[1].key)
        for it in ws.template.items
        if len(it.questions) >= 2
    ][:6]


def owners(index: int) -> tuple[str, str]:
    """Who owns the notes and who the status of the ``index``-th shared item."""
    return ("a", "b") if index % 2 == 0 else ("b", "a")


def main(path: str, name: str, style: str, rounds: int, go: str) -> None:
    ws = Workspace.open(path)
    items = shared_items(ws)
    departments = {d.key for d in ws.departments()}
    mine_notes = [k for k, (notes, _status) in enumerate(map(owners, range(6))) if notes == name]
    mine_status = [k for k, (_notes, status) in enumerate(map(owners, range(6))) if status == name]
    folder = Path(path).parent / f"files-{name}"
    folder.mkdir(exist_ok=True)
    stored: list[dict[str, object]] = []
    refused: list[str] = []

    def edit_state(item_key: str, change) -> None:  # type: ignore[no-untyped-def]
        if style == "direct":
            ws.edit_state(item_key, change)
            return
        before = ws.state(item_key)
        ws.save_state(change(before), base=before if style == "based" else None)

    def run(kind: str, target: str, value: str, action) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except WorkspaceError as exc:
            refused.append(f"{kind}: {exc.message('en')}")
        else:
            stored.append({"kind": kind, "target": target, "value": value})

    while not Path(go).exists():
        time.sleep(0.01)
    for i in range(rounds):
        key = f"{name}_{i}"
        value = f"{name}-{i}"

        def fact(key: str = key, value: str = value) -> None:
            if style == "direct":
                ws.update_facts(lambda f: apply_fact(f, f"extra.{key}", value, departments))
            else:
                before = ws.facts()
                new = apply_fact(before, f"extra.{key}", value, departments)
                ws.set_facts(new, base=before if style == "based" else None)

        run("fact", key, value, fact)

        item, q_a, q_b = items[i % len(items)]
        question = q_a if name == "a" else q_b
        run(
            "answer",
            f"{item}|{question}",
            value,
            lambda item=item, q=question, v=value: edit_state(item, lambda s: answered(s, q, v)),
        )

        status = STATUSES[i % 2]
        item = items[mine_status[i % len(mine_status)]][0]
        run(
            "status",
            item,
            status.value,
            lambda item=item, st=status: edit_state(item, lambda s: replace(s, status=st)),
        )

        item = items[mine_notes[i % len(mine_notes)]][0]
        run(
            "notes",
            item,
            value,
            lambda item=item, v=value: edit_state(item, lambda s: replace(s, notes=v)),
        )

        source = folder / f"{key}.txt"
        source.write_text(f"record {value}\n" * (1 + i % 50), "utf-8")
        item = items[i % len(items)][0]
        run("attach", item, source.name, lambda item=item, src=source: ws.attach(item, src))
    ws.close()
    sys.stdout.write(json.dumps({"stored": stored, "refused": refused}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
