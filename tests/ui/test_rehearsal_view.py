"""The rehearsal tab: a question at a time, typed through the input method as a Chinese IME commits
text, checked against the official answer, what differs shown, the results table updated, and a
department view limited to its department."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from ipaudit.services import Workspace, rehearsal
from ipaudit.ui.rehearsal.rehearsal_view import RehearsalView
from ipaudit.ui.session import WorkspaceSession
from tests.ui.helpers import show_view


def ime_commit(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """What a pinyin IME sends: a preedit string, then the committed characters."""
    widget.setFocus()
    QApplication.sendEvent(widget, QInputMethodEvent("zhong", []))
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_a_round_of_questions_with_what_differs(session, qtbot, zh) -> None:  # type: ignore[no-untyped-def]
    view = show_view(RehearsalView, session, qtbot)
    view.department.setCurrentIndex(view.department.findData("rnd"))
    n = session.workspace.facts().headcount["rnd"]

    view.start()  # no name yet: asked for one, nothing starts
    assert "姓名" in view.message.text() and view.current is None

    view.person.setEditText("张三")
    view.start()
    assert view.current is not None and view.current.key == "common.headcount"
    assert view.question.text() == "你们部门有多少人？"
    assert view.progress.text().startswith("第 1 题")

    ime_commit(view.answer, f"我们部门共有{n + 2}人")
    assert view.answer.toPlainText() == f"我们部门共有{n + 2}人"
    qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    assert view.verdict.text().startswith("✗")
    assert f"回答是 {n + 2} 人，手册是 {n} 人" in view.differences.text()
    assert f"{n} 人" in view.official.text()
    assert not view.submit_button.isEnabled() and view.next_button.isEnabled()
    assert view.answer.isReadOnly()  # the answer given stays beside the result
    assert view.answer.toPlainText() == f"我们部门共有{n + 2}人"
    assert view.table.rowCount() == 1 and view.table.item(0, 0).text() == "张三"

    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.current is not None and view.current.key == "common.duties"
    assert view.verdict.text() == "" and view.answer.toPlainText() == ""
    assert not view.answer.isReadOnly()
    duties = session.workspace.facts().duties["rnd"]
    ime_commit(view.answer, duties)
    view.submit()
    assert view.verdict.text().startswith("✓")

    kept = rehearsal.attempts(session.workspace, "rnd", "张三")
    assert [(a.question, a.passed) for a in kept] == [
        ("common.headcount", False),
        ("common.duties", True),
    ]
    assert "1 of" not in view.readiness_label.text()  # in Chinese
    assert "面谈准备度" in view.readiness_label.text()

    # only the questions not yet right: the headcount comes first again
    view.retry.setChecked(True)
    view.start()
    assert view.current.key == "common.headcount"
    assert "common.duties" not in {q.key for q in view.questions}


def test_skipping_to_the_end_shows_the_summary(session, qtbot, zh) -> None:  # type: ignore[no-untyped-def]
    view = show_view(RehearsalView, session, qtbot)
    view.department.setCurrentIndex(view.department.findData("production"))
    view.person.setEditText("钱七")
    view.start()
    n = session.workspace.facts().headcount["production"]
    ime_commit(view.answer, f"{n}人")
    view.submit()
    for _ in range(len(view.questions)):
        view.next_question()
    assert view.current is None
    assert view.progress.text() == "演练结束"
    assert "1" in view.question.text()
    assert not view.submit_button.isEnabled()


def test_a_department_view_shows_only_its_department(demo_path: Path, qtbot, zh) -> None:  # type: ignore[no-untyped-def]
    session = WorkspaceSession(Workspace.open(demo_path), department="finance")
    try:
        view = show_view(RehearsalView, session, qtbot)
        assert view.department.count() == 1
        assert view.department_key == "finance"
        assert not view.department.isEnabled()
    finally:
        session.close()


def test_the_view_fits_and_is_in_chinese(session, qtbot, zh, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = show_view(RehearsalView, session, qtbot)
    view.person.setEditText("张三")
    view.start()
    ime_commit(view.answer, "二十人")
    view.submit()
    view.resize(1366, 768)
    qtbot.wait(20)
    shot = tmp_path / "rehearsal.png"
    assert view.grab().save(str(shot))
    assert view.start_button.text() == "开始"
    assert view.submit_button.text() == "核对答案"
    assert view.minimumSizeHint().width() <= 1366


def test_the_dashboard_shows_interview_readiness(session, qtbot, zh) -> None:  # type: ignore[no-untyped-def]
    from ipaudit.ui.dashboard.dashboard import Dashboard

    dash = Dashboard(session)
    qtbot.addWidget(dash)
    assert "研发部 0%" in dash.interview_label.text()
    view = show_view(RehearsalView, session, qtbot)
    view.department.setCurrentIndex(view.department.findData("rnd"))
    view.person.setEditText("张三")
    view.start()
    ime_commit(view.answer, f"{session.workspace.facts().headcount['rnd']}人")
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        view.submit()  # the edit is announced; the dashboard redraws with the fresh assessment
    total = len(rehearsal.questions(session.workspace, "rnd"))
    share = f"{100 / total:.1f}%".replace(".0%", "%")
    assert f"研发部 {share}" in dash.interview_label.text()
    assert dash.interview_label.text().startswith("面谈准备度（演练）：")
