"""Names that are safe on Windows and unique in their folder."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.export.safenames import (
    FORBIDDEN,
    MAX_COMPONENT_BYTES,
    PATH_BUDGET,
    RESERVED,
    FolderNames,
    PathPlanner,
    folded,
    safe_component,
)


def _windows_safe(name: str) -> bool:
    stem = name.split(".")[0].rstrip(" ").upper()
    return (
        bool(name)
        and not FORBIDDEN.search(name)
        and not name.endswith((".", " "))
        and stem not in RESERVED
        and name not in (".", "..")
        and len(name.encode("utf-8")) <= MAX_COMPONENT_BYTES
    )


def test_hostile_names() -> None:
    traversal = safe_component("../../x")
    assert "/" not in traversal and "\\" not in traversal and traversal not in (".", "..")
    assert safe_component("..") == "_"
    assert safe_component("CON.txt") == "_CON.txt"
    assert safe_component("con") == "_con"
    assert safe_component("LPT1.tar.gz") == "_LPT1.tar.gz"
    assert safe_component("COM10.txt") == "COM10.txt"
    assert safe_component('a<b>c:d"e|f?g*h.pdf') == "a_b_c_d_e_f_g_h.pdf"
    assert safe_component("报告. . .") == "报告"
    assert safe_component("  ") == "_"
    long = "长" * 300 + ".pdf"
    cut = safe_component(long, 100)
    assert cut.endswith(".pdf") and len(cut) <= 100 and _windows_safe(cut)


def test_unique_case_insensitively() -> None:
    names = FolderNames()
    first = names.claim("Report.PDF", 100)
    second = names.claim("report.pdf", 100)
    third = names.claim("REPORT.pdf", 100)
    assert first == "Report.PDF"
    assert second == "report (2).pdf"
    assert third == "REPORT (3).pdf"
    assert len({folded(n) for n in (first, second, third)}) == 3


def test_paths_stay_within_the_budget() -> None:
    planner = PathPlanner("星海智能装备有限公司-迎审资料包-2026-12-15")
    folder = planner.folder("证据", "管理层（总经理、管理者代表）" * 4, 40)
    item = planner.folder(folder, "9.4 管理评审记录（输入与输出）" * 5, 60)
    path = planner.child(item, "很长的文件名" * 60 + ".docx")
    assert len(planner.root) + 1 + len(path) <= PATH_BUDGET
    assert path.endswith(".docx")
    assert all(_windows_safe(part) for part in path.split("/"))


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=400), st.integers(min_value=8, max_value=120))
def test_any_name_becomes_safe(name: str, limit: int) -> None:
    out = safe_component(name, limit)
    assert _windows_safe(out)
    assert len(out) <= limit


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=30), min_size=1, max_size=20))
def test_claimed_names_never_collide(wanted: list[str]) -> None:
    names = FolderNames()
    got = [names.claim(w, 40) for w in wanted]
    assert len({folded(n) for n in got}) == len(got)
    assert all(_windows_safe(n) for n in got)
