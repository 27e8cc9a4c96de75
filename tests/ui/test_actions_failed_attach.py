"""Attaching evidence of completion in the corrective-action tab when storing the action fails
after the file was attached (the action names a checklist item the workspace's checklist no
longer has, as an action written against an older checklist may): the error is shown, the file
comes off again and the item it went to is as it was — not started, not in progress."""

from __future__ import annotations

from pathlib import Path

from ipaudit.domain.model import Status
from ipaudit.services import corrective_actions as service
from ipaudit.ui import errors
from tests.ui.test_actions_view import proof, view  # noqa: F401 (the fixture)


def test_a_failed_attach_leaves_the_item_as_it_was(view, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ws = view.session.workspace
    item = next(
        it.key
        for its in ws.items_by_department().values()
        for it in its
        if not ws.evidence(it.key)
        and it.kind.value != "answer"
        and ws.state(it.key).status is not Status.NOT_APPLICABLE
    )
    ws.set_status(item, Status.NOT_STARTED)
    assert ws.state(item).status is Status.NOT_STARTED
    action = service.add(ws, finding="未见入职背景调查记录", item_keys=(item,))
    rec = ws.records.get(service.KIND, action.key)
    assert rec is not None
    written = {**rec.value, "item_keys": [item, "hr.renamed_since"]}  # an older checklist's item
    ws.records.put(service.KIND, action.key, written, base_version=rec.version)
    before = service.get(ws, action.key)
    view.refresh()
    assert view.select(action.key)
    with qtbot.waitSignal(errors.reporter().shown, timeout=5000) as shown:
        assert view.attach_file(proof(tmp_path)) is None
    box = shown.args[0]
    assert "hr.renamed_since" in box.text() + box.informativeText()
    box.close()
    assert ws.evidence(item) == []
    assert ws.state(item).status is Status.NOT_STARTED
    assert service.get(ws, action.key) == before
