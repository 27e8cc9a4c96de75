"""Page one of the report: the verdict, the must-fix list by department, the trend since the last
export, and department colours that follow the worst unaccepted finding."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import docx
import pytest

from ipaudit import cli
from ipaudit.domain.model import Grade
from ipaudit.export.colors import FAIR, GOOD, POOR, level
from ipaudit.export.docx_chart import BAR_COLOR
from ipaudit.export.options import ExportOptions
from ipaudit.export.verdict import Verdict, decide
from ipaudit.services import Workspace
from ipaudit.services.exports import export_pack

REPORT = "迎审就绪报告.docx"


def _text(element) -> str:
    """The text of a paragraph or cell, Word's non-breaking hyphens read as hyphens."""
    return "".join(
        (e.text or "") if e.tag.endswith("}t") else "-"
        for e in element.iter()
        if e.tag.endswith("}t") or e.tag.endswith("}noBreakHyphen")
    )


def page_one(pack: Path) -> str:
    """The report's text up to its table of contents (the cover page), tables included."""
    report = pack / REPORT if (pack / REPORT).exists() else pack / "readiness-report.docx"
    document = docx.Document(str(report))
    body = document.element.body
    lines: list[str] = []
    for block in body.iterchildren():
        if block.tag.endswith("}p"):
            text = _text(block)
            if text in ("目录", "Contents"):
                break
            lines.append(text)
        elif block.tag.endswith("}tbl"):
            for row in block.iter():
                if row.tag.endswith("}tr"):
                    cells = [_text(c) for c in row if c.tag.endswith("}tc")]
                    lines.append(" | ".join(cells))
    return "\n".join(lines)


def export(ws: Workspace, target: Path, **options: object) -> Path:
    return export_pack(ws, target, ExportOptions(include_evidence=False, **options)).path


def test_the_rule() -> None:
    assert decide(major=0, minor=0, overdue=False) is Verdict.READY
    assert decide(major=0, minor=0, overdue=True) is Verdict.READY  # nothing left to close
    assert decide(major=0, minor=3, overdue=False) is Verdict.CONDITIONS
    assert decide(major=0, minor=3, overdue=True) is Verdict.NOT_READY
    assert decide(major=1, minor=0, overdue=False) is Verdict.NOT_READY


def test_empty_half_ready_and_ready_workspaces(demo: Path, tmp_path: Path) -> None:
    from ipaudit.demo import content

    with Workspace.create(tmp_path / "empty.ipaudit", content.INFO) as ws:
        empty = page_one(export(ws, tmp_path / "empty"))
        majors = sum(1 for f in ws.findings() if f.blocking and f.grade is Grade.MAJOR)
    assert majors > 0
    assert "尚未就绪：不能迎接 2026-12-15 开始的审核" in empty
    assert f"其中严重 {majors} 项" in empty
    assert "必须在 2026-12-08 前完成的整改（按部门）" in empty

    with Workspace.open(demo) as ws:
        blocking = [f for f in ws.findings() if f.blocking]
        assert {f.grade for f in blocking} == {Grade.MAJOR, Grade.MINOR}
        half = page_one(export(ws, tmp_path / "half"))
        for f in blocking:
            if f.grade is Grade.MAJOR:
                ws.accept(f.key, "已与认证机构确认")
        minors = [f for f in ws.findings() if f.blocking]
        assert minors and all(f.grade is Grade.MINOR for f in minors)
        conditions = page_one(export(ws, tmp_path / "conditions"))
        for f in minors:
            ws.accept(f.key, "已与认证机构确认")
        assert not [f for f in ws.findings() if f.blocking]
        ready = page_one(export(ws, tmp_path / "ready"))

    assert "尚未就绪：不能迎接 2026-12-15 开始的审核，除非下列" in half
    # the must-fix list: every blocking finding's item, what is wrong and what to do; the
    # deadline, the same for all, in its heading
    assert "必须在 2026-12-08 前完成的整改（按部门）" in half
    titles = {it.key: it.title.zh for it in ws.template.items}
    rows = [ln.split(" | ") for ln in half.splitlines() if ln.count(" | ") == 2]
    for f in blocking:
        start = " ".join(f.message.zh.split())[:12]
        assert any(r[1].startswith(start) for r in rows), f.message.zh
        assert any(r[0] == titles[f.item_key] and r[1].startswith(start) for r in rows)
    assert len(rows) == len(blocking) + 1  # and the header
    assert (
        f"有条件就绪：迎接 2026-12-15 开始的审核，须在 2026-12-08 前关闭下列 {len(minors)} 项"
        in (conditions)
    )
    assert "已就绪，可以迎接 2026-12-15 开始的审核。" in ready
    assert "必须完成的整改" not in ready


def test_must_fix_is_grouped_by_department_in_pack_order(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo) as ws:
        text = page_one(export(ws, tmp_path / "p"))
        order = [d.name.zh for d in ws.departments() if not d.absent and not d.merged_into]
        counts: dict[str, int] = {}
        for f in ws.findings():
            if f.blocking:
                name = next(d.name.zh for d in ws.departments() if d.key == f.department)
                counts[name] = counts.get(name, 0) + 1
    group_rows = [ln for ln in text.splitlines() if re.fullmatch(r".+：\d+ 项", ln)]
    assert group_rows == [f"{n}：{counts[n]} 项" for n in order if n in counts]


def test_margin_days_sets_the_deadline(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "pack"
    assert cli.main(["export", str(demo), str(target), "--no-evidence", "--margin-days", "10"]) == 0
    text = page_one(target)
    # not the default deadline (7 days); the date alone may be on the page as the data's date
    assert "必须在 2026-12-05 前完成的整改" in text and "2026-12-08 前" not in text
    assert "整改期限 = 审核首日前 10 天" in text
    assert cli.main(["export", str(demo), str(tmp_path / "x"), "--margin-days", "-1"]) == 4
    assert cli.main(["export", str(demo), str(tmp_path / "x"), "--margin-days", "1000"]) == 4
    assert not (tmp_path / "x").exists()


def test_past_deadline_is_not_ready(demo: Path, tmp_path: Path) -> None:
    # the demo's data is dated early December; a 60-day margin puts the deadline before it
    with Workspace.open(demo) as ws:
        for f in ws.findings():
            if f.blocking and f.grade is Grade.MAJOR:
                ws.accept(f.key, "已确认")
        text = page_one(export(ws, tmp_path / "p", margin_days=60, lang="en"))
    assert "is not ready for the audit on 2026-12-15:" in text
    assert "(2026-10-16, 60 days before) has passed" in text


def test_trend_since_the_previous_export(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo) as ws:
        first = page_one(export(ws, tmp_path / "a"))
        before = ws.readiness()[0]
        major = next(f for f in ws.findings() if f.blocking and f.grade is Grade.MAJOR)
        ws.accept(major.key, "已确认")
        second = page_one(export(ws, tmp_path / "b"))
        again = page_one(export(ws, tmp_path / "c"))
        after = ws.readiness()[0]
        exported = ws.store.meta_value("created_at")
    assert exported is not None
    assert "此前没有数字不同的导出，尚无变化趋势。" in first
    match = re.search(r"与 (\S+ \S+) 的导出相比：阻断项 (\d+) → (\d+)", second)
    assert match is not None
    assert (int(match[2]), int(match[3])) == (before.blocking, after.blocking)
    assert dt.datetime.strptime(match[1], "%Y-%m-%d %H:%M")
    assert match[0] in again  # the same state compares with the same earlier export


def chart_colours(pack: Path) -> list[str]:
    with zipfile.ZipFile(pack / REPORT) as z:
        xml = z.read("word/charts/chart1.xml").decode()
    fills = re.findall(r'<c:dPt>.*?<a:srgbClr val="([0-9A-F]{6})"/>', xml)
    return list(reversed(fills))  # the chart draws the first department on top


def test_chart_colour_follows_the_worst_unaccepted_finding(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo) as ws:
        colours = chart_colours(export(ws, tmp_path / "p"))
        deps = [d for d in ws.departments() if not d.absent and not d.merged_into]
        _overall, readiness = ws.readiness()
        findings = ws.findings()
    seen = set()
    for dep, colour in zip(deps, colours, strict=True):
        grades = {f.grade for f in findings if f.department == dep.key and f.accepted is None}
        percent = readiness[dep.key].percent
        if Grade.MAJOR in grades:
            assert colour == BAR_COLOR[POOR], dep.key
        elif Grade.MINOR in grades and percent >= 90:
            assert colour == BAR_COLOR[FAIR], dep.key
        seen |= grades
    assert Grade.MAJOR in seen


@pytest.mark.parametrize(
    ("percent", "worst", "expected"),
    [
        (100.0, None, GOOD),
        (100.0, Grade.OBSERVATION, GOOD),
        (100.0, Grade.MINOR, FAIR),
        (95.0, Grade.MAJOR, POOR),
        (75.0, Grade.MINOR, FAIR),
        (50.0, Grade.MINOR, POOR),
        (50.0, None, POOR),
    ],
)
def test_level_is_never_better_than_the_worst_finding(
    percent: float, worst: Grade | None, expected: str
) -> None:
    assert level(percent, worst) == expected
