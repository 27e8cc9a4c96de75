"""Interview rehearsal on the demo workspace: the questions of a department with their official
answers, attempts kept per person, interview readiness per department, and the two commands
(answers fed through standard input, one line each)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ipaudit.cli import EXIT_INPUT, EXIT_OK, main
from ipaudit.services import Workspace, rehearsal

ROOT = Path(__file__).resolve().parents[2]


def test_questions_carry_official_answers_and_each_fact_is_asked_once(demo_path: Path) -> None:
    with Workspace.open(demo_path) as ws:
        asked = rehearsal.questions(ws, "rnd")
        facts = [q.fact_key for q in asked if q.official is not None]
        assert len(facts) == len(set(facts))  # the headcount or policy asked once
        first = asked[0]
        assert first.key == "common.headcount"
        assert first.official_text("zh") == f"{ws.facts().headcount['rnd']} 人"
        assert all(q.answerable for q in asked)
        # by name too, Chinese or English
        assert [q.key for q in rehearsal.questions(ws, "研发部")] == [q.key for q in asked]


def test_attempts_are_kept_and_readiness_follows_the_last_answer(demo_path: Path) -> None:
    with Workspace.open(demo_path) as ws:
        n = ws.facts().headcount["rnd"]
        total = len(rehearsal.questions(ws, "rnd"))
        before = rehearsal.readiness(ws)["rnd"]
        assert (before.right, before.answered, before.people) == (0, 0, 0)

        wrong = rehearsal.record_answer(ws, "rnd", "张 三", "common.headcount", f"{n + 5}人")
        assert not wrong.passed
        assert wrong.differences[0].said == f"{n + 5} 人"
        assert rehearsal.readiness(ws)["rnd"].right == 0

        right = rehearsal.record_answer(ws, "rnd", "张三", "common.headcount", f"我们部门共{n}人")
        assert right.passed
        history = rehearsal.attempts(ws, "rnd", "张  三")  # the same person however spaced
        assert [a.passed for a in history] == [False, True]

        # another person gets the policy wrong: the department's last answer to it is wrong
        rehearsal.record_answer(ws, "rnd", "李四", "common.policy", "尊重知识产权")
        ready = rehearsal.readiness(ws)["rnd"]
        assert (ready.questions, ready.answered, ready.right, ready.people) == (total, 2, 1, 2)
        assert ready.percent == round(100 / total, 1)
        assert rehearsal.readiness(ws)["finance"].answered == 0

        people = {r.person: r for r in rehearsal.results(ws, "rnd")}
        assert people["张三"].attempts == 2 and people["张三"].right == 1
        assert people["李四"].right == 0 and people["李四"].answered == 1

    with Workspace.open(demo_path) as ws:  # stored in the file
        assert rehearsal.readiness(ws)["rnd"].answered == 2


def test_unknown_department_or_question_is_bad_input(demo_path: Path) -> None:
    from ipaudit.store.errors import InvalidInput

    with Workspace.open(demo_path) as ws:
        with pytest.raises(InvalidInput):
            rehearsal.questions(ws, "no-such")
        with pytest.raises(InvalidInput):
            rehearsal.record_answer(ws, "rnd", "张三", "common.nothing", "23")
        with pytest.raises(InvalidInput):
            rehearsal.record_answer(ws, "rnd", "  ", "common.headcount", "23")


def test_rehearse_reads_answers_line_by_line(
    demo_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Workspace.open(demo_path) as ws:
        n = ws.facts().headcount["finance"]
        policy = ws.facts().policy
    # headcount right, duties skipped, objectives wrong, then input ends
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{n}人\n\n发明专利申请99件\n"))
    assert main(["rehearse", str(demo_path), "财务部", "--person", "王五"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "[1/" in out and "✓" in out and "✗" in out
    assert "数字不对：回答是 99 件" in out
    assert "作答 2 题，答对 1 题" in out

    # --retry asks only what 王五 has not got right; JSON for scripts
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"\n\n{policy}\n"))
    assert (
        main(["rehearse", str(demo_path), "finance", "--person", "王五", "--retry", "--json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["department"] == "finance"
    assert data["asked"] == len(rehearsal_keys(demo_path, "finance")) - 1
    assert data["answers"] == [
        {
            "question": "common.policy",
            "text": "公司的知识产权方针是什么？",
            "answer": policy,
            "passed": True,
            "differences": [],
            "official": policy,
        }
    ]

    assert main(["rehearsal-results", str(demo_path), "--json"]) == EXIT_OK
    results = json.loads(capsys.readouterr().out)
    finance = next(d for d in results["departments"] if d["department"] == "finance")
    assert (finance["answered"], finance["right"], finance["people"]) == (3, 2, 1)
    assert results["people"] == [
        {
            "department": "finance",
            "person": "王五",
            "questions": finance["questions"],
            "answered": 3,
            "right": 2,
            "attempts": 3,
            "last": results["people"][0]["last"],
        }
    ]
    assert main(["rehearsal-results", str(demo_path)]) == EXIT_OK
    text = capsys.readouterr().out
    assert "面谈准备度" in text and "财务部" in text and "王五" in text


def rehearsal_keys(path: Path, dep: str) -> list[str]:
    with Workspace.open(path) as ws:
        return [q.key for q in rehearsal.questions(ws, dep)]


def test_rehearse_refuses_an_unknown_department(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rehearse", str(demo_path), "销售中心", "--person", "赵六"]) == EXIT_INPUT
    assert "销售中心" in capsys.readouterr().err


def test_rehearse_as_a_process_with_piped_input(demo_path: Path) -> None:
    """The way a script drives it: a real process, UTF-8 answers piped in."""
    with Workspace.open(demo_path) as ws:
        n = ws.facts().headcount["production"]
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ipaudit",
            "rehearse",
            str(demo_path),
            "production",
            "--person",
            "钱七",
        ],
        input=f"{n} 人\n".encode(),
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        env={"IPAUDIT_LANG": "en", "PATH": "", "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr.decode()
    assert "Answered 1, right 1." in done.stdout.decode()


def test_every_official_answer_passes_when_said_as_written(demo_path: Path) -> None:
    """Read aloud, the manual's answer is right: no rule of the comparison fails it."""
    with Workspace.open(demo_path) as ws:
        asked = [
            q for d in ws.departments(active_only=True) for q in rehearsal.questions(ws, d.key)
        ]
        assert len(asked) > 50
        for q in asked:
            for lang in ("zh", "en"):
                verdict = rehearsal.check(q, q.official_text(lang) or "")
                assert verdict.passed, (q.key, lang, verdict)


def test_rehearse_reads_objectives_negation_and_scope(
    demo_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command line gives the verdicts of the domain's comparison: the department's number
    over the company's, a denied duty, a swapped pair of objectives."""
    with Workspace.open(demo_path) as ws:
        facts = ws.facts()
        keys = [q.key for q in rehearsal.questions(ws, "rnd")]
    assert keys[:3] == ["common.headcount", "common.duties", "common.objectives"]
    total, own = sum(facts.headcount.values()), facts.headcount["rnd"]
    lines = [
        f"公司{total}人，我们部门{own}人",
        f"{facts.duties['rnd']}，这些都不负责",
        "实用新型专利申请8件，发明专利申请10件，软著6件，培训覆盖率100%",
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["rehearse", str(demo_path), "研发部", "--person", "王强"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "作答 3 题，答对 1 题" in out
    assert f"回答是 {total} 人" not in out
    assert "意思说反了：回答是“" in out and "技术交底" in out
    assert "数字不对：回答是 10 件，手册是 年度发明专利申请 8 件。" in out
    assert "数字不对：回答是 8 件，手册是 年度实用新型专利申请 10 件。" in out
