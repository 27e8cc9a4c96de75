"""The Audit menu opens the mock audit and the corrective actions as tabs of the workspace page;
"Go to item" in them shows the item in the checklist."""

from __future__ import annotations

from ipaudit.ui.actions.actions_view import ActionsView
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.mock_audit.mock_audit_view import MockAuditView


def test_the_audit_menu_opens_both_views(opened: MainWindow) -> None:
    page = opened.page
    assert page is not None
    mock_action = opened.acts.audit_views["mock_audit"]
    actions_action = opened.acts.audit_views["actions"]
    assert mock_action.isVisible() and actions_action.isVisible()
    mock_action.trigger()
    view = page.tabs.currentWidget()
    assert isinstance(view, MockAuditView)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "模拟审核"
    audit = view.new_audit(seed=4)
    sample = next(s for s in audit.samples if s.stratum == "rnd_projects")
    view.select(sample.key)
    view.panel.go_to_item.click()
    assert page.tabs.currentIndex() == 0 and page.item == "rnd.projects"
    actions_action.trigger()
    assert isinstance(page.tabs.currentWidget(), ActionsView)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "纠正措施"
