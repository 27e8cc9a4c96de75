"""Names that are safe on Windows and unique in their folder."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from pathvalidate import is_valid_filename

from ipaudit.export.safenames import (
    FORBIDDEN,
    MAX_COMPONENT_BYTES,
    PATH_BUDGET,
    RESERVED,
    TRAILING,
    FolderNames,
    PathPlanner,
    cut,
    folded,
    is_word_char,
    safe_component,
    word_boundary,
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
        and is_valid_filename(name, platform="windows")
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


def test_device_names_pathvalidate_leaves_are_caught() -> None:
    """pathvalidate knows the device names; a device name followed by spaces before the dot and a
    name that a cut turns into a device name are caught here."""
    assert safe_component("CLOCK$") == "_CLOCK$"
    assert safe_component("com0.log") == "_com0.log"
    assert safe_component("LPT¹.txt") == "_LPT¹.txt"
    assert safe_component("AUX .txt") == "_AUX.txt"
    assert safe_component("NUL ") == "_NUL"
    out = safe_component("CON minutes of the meeting.pdf", 8)
    assert out == "_CON.pdf" and _windows_safe(out)
    assert safe_component("CONTRACTS.pdf") == "CONTRACTS.pdf"


def test_a_long_name_is_cut_at_a_word_and_keeps_its_extension() -> None:
    name = "Training records of the year " * 20 + ".docx"
    out = safe_component(name, 200)
    assert out.endswith(".docx") and len(out) <= 200 and _windows_safe(out)
    stem = out[: -len(".docx")]
    assert name.startswith(stem) and name[len(stem)] == " "  # stops between two words
    wide = "培训记录<年度>" * 60 + ".xlsx"  # 300 wide characters: over 255 bytes of UTF-8
    out = safe_component(wide, 200)
    assert out.endswith(".xlsx") and _windows_safe(out)
    assert len(out.encode("utf-8")) <= MAX_COMPONENT_BYTES


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


# --- cutting a name that is too long -----------------------------------------------------------

WORDS = st.text(
    alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDE0123456789")),
    min_size=1,
    max_size=12,
)
SEPARATORS = st.sampled_from([" ", " ", "-", "_", ".", " (", ") ", "、", "，"])
CHINESE = st.text(
    alphabet=st.sampled_from(list("知识产权培训计划与记录年度管理评审")), min_size=1, max_size=6
)
NAMES = st.lists(st.one_of(WORDS, CHINESE, SEPARATORS), min_size=1, max_size=30).map("".join)


def _inside_a_word(text: str, out: str) -> bool:
    """``out`` (a prefix of ``text``) stops between two letters or digits of one word."""
    n = len(out)
    return 0 < n < len(text) and is_word_char(out[-1]) and is_word_char(text[n])


@settings(max_examples=300, deadline=None)
@given(NAMES, st.integers(min_value=1, max_value=80))
def test_cut_at_word_boundaries(name: str, limit: int) -> None:
    out = cut(name, limit)
    assert len(out) <= limit and len(out.encode("utf-8")) <= MAX_COMPONENT_BYTES
    assert name.startswith(out)
    assert cut(out, limit) == out  # idempotent
    if len(name) <= limit:
        assert out == name
    else:
        first = next(  # the end of the first word (more than separators before it)
            (
                i
                for i in range(1, len(name))
                if word_boundary(name, i) and name[:i].rstrip(TRAILING)
            ),
            len(name),
        )
        if first <= limit:  # a word boundary fits: the cut is at one
            assert not _inside_a_word(name, out), (name, out)
            assert out and out[-1] not in TRAILING


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.integers(min_value=1, max_value=60))
def test_cut_never_splits_a_character(name: str, limit: int) -> None:
    """Any text: within the limit, a prefix, idempotent, and never a lone accent or joiner left
    behind (the next character is never one that attaches to the last kept one)."""
    out = cut(name, limit, 60)
    assert len(out) <= limit and len(out.encode("utf-8")) <= 60
    assert name.startswith(out) and cut(out, limit, 60) == out
    if 0 < len(out) < len(name):
        nxt = name[len(out)]
        assert not unicodedata.category(nxt).startswith("M") and nxt != "\u200d"


def test_english_folder_names_end_with_whole_words() -> None:
    assert cut("9.1 Training plans and training records of the year", 34) == (
        "9.1 Training plans and training"
    )
    assert cut("Labour contracts (with the IP clause)", 20) == "Labour contracts"
    assert cut("知识产权培训计划与记录", 6) == "知识产权培训"
    assert cut("Supercalifragilistic", 8) == "Supercal"  # one word longer than the limit
    assert safe_component("Training plans and training records.docx", 30) == ("Training plans.docx")


def test_every_english_item_folder_of_the_checklist_ends_with_a_whole_word() -> None:
    """The item folders of an English pack (clause and title, at most 60 characters)."""
    from ipaudit.domain.template import load_builtin

    planner = PathPlanner("Example Co-readiness-pack-2026-12-15")
    for edition in ("2023", "2013"):
        for item in load_builtin(edition).items:
            label = FORBIDDEN.sub("_", f"{item.clause} {item.title.en}")
            name = planner.folder("evidence/R&D", label, 60).rsplit("/", 1)[1]
            base = name.rsplit(" (", 1)[0] if name not in label else name
            assert label.startswith(base), (label, name)
            assert not _inside_a_word(label, base), (label, name)


@settings(max_examples=100, deadline=None)
@given(st.lists(NAMES, min_size=1, max_size=15, unique=True))
def test_unique_long_names_stay_unique(names: list[str]) -> None:
    """Names that differ only after the limit still come out different, each cut whole."""
    claimed = FolderNames()
    prefix = "Records of the management review meeting "
    got = [claimed.claim(prefix + n, 40) for n in names]
    assert len({folded(g) for g in got}) == len(got)
    assert all(len(g) <= 40 and _windows_safe(g) for g in got)


def test_a_dangling_little_word_goes_too() -> None:
    assert cut("8.3.2 Three complete R&D projects with the IP records of each phase", 53) == (
        "8.3.2 Three complete R&D projects with the IP records"
    )


def test_the_year_is_never_written_twice(pack_zh) -> None:
    """A yearly record whose name shows its year keeps its name (never 2025_2025年….docx)."""
    names = [p.name for p in (pack_zh.path / "证据").rglob("*") if p.is_file()]
    yearly = [n for n in names if n[:4] in ("2025", "2026")]
    assert yearly
    for name in names:
        if len(name) > 5 and name[:4].isdigit() and name[4] == "_":
            assert name[:4] not in name[5:], name


def test_a_bracket_cut_before_it_closes_goes() -> None:
    assert cut("Management (general manager, management representative)", 40) == "Management"
    assert cut("7.5 Document control records (controlled list, issue and return)", 60) == (
        "7.5 Document control records"
    )
    assert cut("Records (2025) of the management review meeting", 30) == "Records (2025)"
