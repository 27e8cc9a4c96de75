"""Finding a department by its name (``DepartmentNames``): what a user types (``exact``) and what
a document writes (``find``).

The property tests draw random department sets (merged and absent ones among them) and check
that every spelling the earlier readings accepted is still accepted — the request list's
(whitespace and case, containment either way over key/zh/en, active departments only), the
nonconformity report's (``normalize_text``, exact zh or key/en, then "研发" ⊂ "研发部") and the
typed one of rehearsal and corrective actions (key, zh or en as written) — unless two
departments fit it (ambiguous: found by none now), or it is a single character (Chinese) or two
letters (English) inside a name, which no longer names a department ("研" is not 研发部, "it"
is not "Marketing").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from ipaudit.domain.checks import follow_merges
from ipaudit.domain.department_names import SUFFIXES, DepartmentNames, has_chinese
from ipaudit.domain.model import Department, Text
from ipaudit.domain.normalize import normalize_text

# -- the company of the demo, as the default template names it ---------------------------------

DEMO = [
    Department(
        "management",
        Text(
            "管理层（总经理、管理者代表）",
            "Management (general manager, management representative)",
        ),
    ),
    Department(
        "ip_office", Text("知识产权管理机构（知识产权小组）", "IP management body (IP team)")
    ),
    Department("rnd", Text("研发部", "R&D")),
    Department("hr_admin", Text("行政人事部", "HR and administration")),
    Department("procurement", Text("采购部", "Procurement"), merged_into="hr_admin"),
    Department("marketing", Text("市场部", "Marketing and sales")),
    Department("finance", Text("财务部", "Finance")),
    Department("production", Text("生产部", "Production"), absent=True),
]


@pytest.fixture(scope="module")
def demo() -> DepartmentNames:
    return DepartmentNames.build(DEMO)


@pytest.mark.parametrize(
    "text",
    [
        "rnd",
        "RND",
        "ＲＮＤ",
        " rnd ",
        "研发部",
        "研 发 部",
        "研发部\u3000",
        "R&D",
        "r&d",
        "Ｒ＆Ｄ",
    ],
)
def test_exact_reads_a_typed_key_or_name_whatever_its_width_case_or_spaces(
    demo: DepartmentNames, text: str
) -> None:
    assert demo.exact(text) == "rnd"
    assert demo.find(text) == "rnd"


@pytest.mark.parametrize(
    "text",
    [
        "研发",
        "研发部门",
        "研发 部门",
        "技术研发部",
        "研发中心",
        "研发部（R&D）",
        "R&D Dept.",
        "R and D",
        "Research & Development Dept.",
        "research and development department",
        "R&D Center",
    ],
)
def test_find_reads_a_department_as_documents_write_it(demo: DepartmentNames, text: str) -> None:
    assert demo.find(text) == "rnd"
    assert demo.exact(text) == ""  # none of these is typed as a key or a name


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("知识产权小组", "ip_office"),  # the part of the name in brackets
        ("IP team", "ip_office"),
        ("总经理", "management"),
        ("管理者代表", "management"),
        ("财务", "finance"),
        ("Finance Dept.", "finance"),
        ("财务部 Finance", "finance"),
        ("市场营销部", "marketing"),
        ("HR", "hr_admin"),
        ("Admin", "hr_admin"),  # three letters or more, letter by letter
        ("hr-admin", "hr_admin"),
        ("采购部", "hr_admin"),  # merged: the department it was merged into
        ("procurement", "hr_admin"),
        ("采购", "hr_admin"),
    ],
)
def test_find_more_departments_of_the_demo(demo: DepartmentNames, text: str, key: str) -> None:
    assert demo.find(text) == key


def test_merges_are_followed_by_exact_too(demo: DepartmentNames) -> None:
    assert demo.exact("procurement") == "hr_admin"
    assert demo.exact("采购部") == "hr_admin"


@pytest.mark.parametrize(
    "text", ["", "  ", "部门", "部", "Dept.", "—", "研", "it", "销售中心", "IT", "研发人员 财务"]
)
def test_what_names_no_department_finds_nothing(demo: DepartmentNames, text: str) -> None:
    assert demo.find(text) == ""
    assert demo.exact(text) == ""


def test_an_absent_department_is_found_only_when_asked_for() -> None:
    assert DepartmentNames.build(DEMO).find("生产部") == ""
    assert DepartmentNames.build(DEMO).exact("production") == ""
    with_absent = DepartmentNames.build(DEMO, absent=True)
    assert with_absent.find("生产部") == "production"
    assert with_absent.exact("production") == "production"
    assert "production" in {d.key for d in with_absent.choices}
    assert "production" not in {d.key for d in DepartmentNames.build(DEMO).choices}
    assert "procurement" not in {d.key for d in with_absent.choices}  # merged: not a choice


# -- ambiguous text finds nothing ----------------------------------------------------------------

TWO_RND = [
    Department("rnd1", Text("研发一部", "R&D 1")),
    Department("rnd2", Text("研发二部", "R&D 2")),
    Department("finance", Text("财务部", "Finance")),
]


@pytest.mark.parametrize("text", ["研发", "研发部", "研发部门", "技术研发部", "R&D", "R&D Dept."])
def test_text_two_departments_fit_finds_neither(text: str) -> None:
    names = DepartmentNames.build(TWO_RND)
    assert names.find(text) == ""


def test_the_tighter_fit_is_not_ambiguous() -> None:
    names = DepartmentNames.build(TWO_RND)
    assert names.find("研发一部") == "rnd1"  # its name as written, though 研发 fits both
    assert names.find("研发二部门") == "rnd2"
    assert names.find("R&D 2") == "rnd2"
    assert names.exact("研发二部") == "rnd2"


def test_a_text_naming_two_departments_finds_neither() -> None:
    names = DepartmentNames.build(DEMO)
    assert names.find("研发部、财务部") == ""
    assert names.find("Finance, R&D") == ""


def test_a_department_merged_into_another_is_not_a_second_fit() -> None:
    deps = [
        Department("rnd", Text("研发部", "R&D")),
        Department("lab", Text("研发实验室", "R&D lab"), merged_into="rnd"),
    ]
    assert DepartmentNames.build(deps).find("研发") == "rnd"


def test_a_key_typed_wins_over_a_name_that_spells_it() -> None:
    deps = [
        Department("sales", Text("销售部", "Marketing")),
        Department("marketing", Text("市场部", "Sales")),
    ]
    names = DepartmentNames.build(deps)
    assert names.exact("sales") == "sales"
    assert names.exact("Sales") == "marketing"  # the name as written
    assert names.exact("SALES") == ""  # folded, the key of one and the name of the other


# -- random department sets ----------------------------------------------------------------------

#: no 部 or 门 among them: the suffixes are added on purpose
HAN = "研发财务生产市场采购行政人事技术质量销售工程设计信息法务安全物流客服战略投资审计品牌运营规划"
WORDS = (
    "research",
    "development",
    "finance",
    "quality",
    "sales",
    "legal",
    "design",
    "logistics",
    "marketing",
    "production",
    "procurement",
    "strategy",
    "service",
    "engineering",
    "security",
    "planning",
)


@st.composite
def departments(draw: st.DrawFn) -> list[Department]:
    n = draw(st.integers(1, 6))
    keys = draw(
        st.lists(
            st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True),
            min_size=n,
            max_size=n,
            unique=True,
        )
    )
    out = []
    for i, key in enumerate(keys):
        zh = "".join(draw(st.lists(st.sampled_from(HAN), min_size=2, max_size=4)))
        zh += draw(st.sampled_from(("部", "部", "部门", "")))
        en = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3)))
        later = keys[i + 1 :]  # merged into a later one: no merge cycles
        merged: str | None = None
        if later and draw(st.booleans()):
            merged = draw(st.sampled_from(later))
        absent = draw(st.integers(0, 5)) == 0
        out.append(Department(key, Text(zh, en), absent, merged, i))
    return out


def _findable(deps: Sequence[Department], absent: bool = False) -> dict[str, str]:
    """Each department's key → the department its names lead to, for those that can be found."""
    by_key = {d.key: d for d in deps}
    out = {}
    for d in deps:
        end = by_key.get(follow_merges(d.key, by_key))
        if end is not None and not end.merged_into and (absent or not end.absent):
            out[d.key] = end.key
    return out


def _spellings(d: Department) -> list[str]:
    return [s for s in (d.key, d.name.zh, d.name.en) if s]


def _spaced(text: str, gaps: list[bool]) -> str:
    return "".join(
        ch + (" " if gap else "") for ch, gap in zip(text, gaps + [False] * len(text), strict=False)
    )


def _wide(text: str) -> str:
    """``text`` in full-width forms, as a Chinese input method types it."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@given(departments(), st.data())
def test_every_unshared_spelling_is_found_exactly(
    deps: list[Department], data: st.DataObject
) -> None:
    """A key or a name as written, spaced, full width or in another case finds its department,
    by ``exact`` and by ``find``, unless another department shares it (then neither)."""
    index = DepartmentNames.build(deps)
    findable = _findable(deps)
    d = data.draw(st.sampled_from(deps))
    text = data.draw(st.sampled_from(_spellings(d)))
    variant = data.draw(
        st.sampled_from(
            (
                text,
                text.upper(),
                _wide(text),
                _spaced(text, data.draw(st.lists(st.booleans(), max_size=8))),
                f"  {text}\t",
            )
        )
    )
    norm = normalize_text(variant)
    sharing = {
        findable[o.key]
        for o in deps
        if o.key in findable
        for s in _spellings(o)
        if normalize_text(s) == norm
    }
    if d.key not in findable:
        assume(sharing)  # an absent department's spelling: checked when another has it too
    if len(sharing) == 1:
        (want,) = sharing
        assert index.exact(variant) == want
        assert index.find(variant) == want
    elif text == variant and text == d.key and d.key in findable:
        assert index.exact(variant) == findable[d.key]  # a key as written is never ambiguous


@given(departments(), st.data())
def test_a_chinese_name_is_found_with_or_without_its_suffix(
    deps: list[Department], data: st.DataObject
) -> None:
    index = DepartmentNames.build(deps)
    findable = _findable(deps)
    d = data.draw(st.sampled_from([d for d in deps if d.key in findable] or [deps[0]]))
    assume(d.key in findable)
    core = d.name.zh.removesuffix("部门").removesuffix("部") or d.name.zh
    others = [o for o in deps if o.key in findable and findable[o.key] != findable[d.key]]
    # no other department's Chinese name shares the core, or holds it, or is held by it
    assume(
        all(
            core not in o.name.zh and o.name.zh.removesuffix("部门").removesuffix("部") not in core
            for o in others
        )
    )
    text = core + data.draw(st.sampled_from(("", "部", "部门", " 部门", "部 ")))
    assert index.find(text) == findable[d.key]
    prefixed = data.draw(st.sampled_from(HAN)) + text  # "技术研发部": one department fits
    assume(all(o.name.zh.removesuffix("部门").removesuffix("部") not in prefixed for o in others))
    assume(len(core) >= 2 or normalize_text(core) != normalize_text(prefixed))
    if len(core) >= 2:
        assert index.find(prefixed) == findable[d.key]


@given(departments(), st.data())
def test_an_english_name_is_found_with_dept_after_it(
    deps: list[Department], data: st.DataObject
) -> None:
    index = DepartmentNames.build(deps)
    findable = _findable(deps)
    d = data.draw(st.sampled_from(deps))
    assume(d.key in findable)
    norm = normalize_text(d.name.en)
    others = [o for o in deps if o.key in findable and findable[o.key] != findable[d.key]]
    assume(all(normalize_text(s) != norm for o in others for s in _spellings(o)))
    text = d.name.en + data.draw(st.sampled_from((" Dept.", " Department", " dept", " DEPT.")))
    assert index.find(text) == findable[d.key]


@given(departments(), st.data())
def test_find_is_exact_first(deps: list[Department], data: st.DataObject) -> None:
    """Whatever ``exact`` finds, ``find`` finds the same."""
    index = DepartmentNames.build(deps, absent=data.draw(st.booleans()))
    d = data.draw(st.sampled_from(deps))
    text = data.draw(st.sampled_from(_spellings(d)))
    text = data.draw(st.sampled_from((text, text.upper(), _wide(text))))
    found = index.exact(text)
    if found:
        assert index.find(text) == found


@given(departments(), st.text(alphabet=HAN + "部门 RDrd&", max_size=8))
def test_found_means_one_department_fits_and_is_findable(deps: list[Department], text: str) -> None:
    index = DepartmentNames.build(deps)
    found = index.find(text)
    if found:
        assert found in set(_findable(deps).values())
        assert found in {d.key for d in index.choices}


# -- the readings this one replaces, as they were --------------------------------------------------


def old_request_list(deps: Sequence[Department]) -> Callable[[str], list[str]]:
    """Every active department the request list's reading accepted for a line's text (it took
    the first)."""
    folded = [
        (d.key, ["".join(n.split()).casefold() for n in (d.key, d.name.zh, d.name.en) if n])
        for d in deps
        if not d.absent and not d.merged_into
    ]

    def fits(name: str) -> list[str]:
        text = "".join(name.split()).casefold()
        if not text:
            return []
        return [
            k
            for k, names in folded
            if text in names or any(n and (n in text or text in n) for n in names[1:])
        ]

    return fits


def old_report(deps: Sequence[Department]) -> Callable[[str], list[str]]:
    """Every department the report import's reading accepted in its deciding tier (exact zh or
    key/en, else zh containment), followed through merges."""
    by_key = {d.key: d for d in deps}
    names = [
        (d.key, normalize_text(d.name.zh), {normalize_text(n) for n in (d.key, d.name.en)})
        for d in deps
    ]

    def fits(text: str) -> list[str]:
        norm = normalize_text(text) if text else ""
        if not norm:
            return []
        found = [k for k, zh, other in names if norm == zh or norm in other]
        if not found:
            found = [k for k, zh, _ in names if norm in zh or zh in norm]
        return sorted({follow_merges(k, by_key) for k in found})

    return fits


def old_typed(deps: Sequence[Department], *, active_only: bool) -> Callable[[str], list[str]]:
    """Every department rehearsal (active ones) or a corrective action (all, merges followed)
    accepted for a typed text: its key, Chinese or English name as written."""
    by_key = {d.key: d for d in deps}
    pool = [d for d in deps if not active_only or not (d.absent or d.merged_into)]

    def fits(text: str) -> list[str]:
        return sorted(
            {follow_merges(d.key, by_key) for d in pool if text in (d.key, d.name.zh, d.name.en)}
        )

    return fits


def _piece(data: st.DataObject, deps: Sequence[Department]) -> str:
    """A text as a document might write a department: one of its spellings, cut, padded,
    spaced, in another case or width, with a suffix."""
    d = data.draw(st.sampled_from(deps))
    text = data.draw(st.sampled_from(_spellings(d)))
    start = data.draw(st.integers(0, max(0, len(text) - 1)))
    end = data.draw(st.integers(start + 1, len(text)))
    text = data.draw(st.sampled_from((text, text[start:end])))
    before = data.draw(st.sampled_from(("", "", "技术", "总", "the ")))
    after = data.draw(st.sampled_from(("", "", "部", "部门", "中心", " Dept.", " team")))
    text = before + text + after
    return data.draw(st.sampled_from((text, text.upper(), _wide(text), " ".join(text))))


def _without_suffixes(norm: str) -> str:
    """``norm`` with every department suffix word taken out (SUFFIXES, "中心", spaces)."""
    for word in (*SUFFIXES, "中心", " "):
        norm = norm.replace(word, "")
    return norm


def _too_short(text: str, found: str, deps: Sequence[Department]) -> bool:
    """A one-character Chinese or two-letter English text inside a name (or such a name inside
    the text): no longer a department."""
    norm = normalize_text(text)
    names = [normalize_text(s) for d in deps if d.key == found for s in _spellings(d)]
    if norm in names:
        return False
    if not _without_suffixes(norm):  # "部门部门": the word for a department, no department's
        return True
    return (len(norm) < 2 and has_chinese(norm)) or (len(norm) < 3 and not has_chinese(norm))


@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(departments(), st.data())
def test_what_the_request_list_read_is_still_read(
    deps: list[Department], data: st.DataObject
) -> None:
    text = _piece(data, deps)
    fits = old_request_list(deps)(text)
    assume(len(fits) == 1)  # two fitted: the first was a guess
    # a merged department's name now leads to the one it was merged into: it may fit too
    merged_fits = old_request_list([replace_merged(d) for d in deps])(text)
    findable = _findable(deps)
    assume(len({findable.get(k, k) for k in merged_fits}) == 1)
    assume(not _too_short(text, fits[0], deps))
    assert DepartmentNames.build(deps).find(text) == fits[0]


def replace_merged(d: Department) -> Department:
    """``d`` as if active (to see whether the old reading would have fitted its names)."""
    return Department(d.key, d.name, False, None, d.position)


@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(departments(), st.data())
def test_what_the_report_import_read_is_still_read(
    deps: list[Department], data: st.DataObject
) -> None:
    text = _piece(data, deps)
    fits = old_report(deps)(text)
    assume(len(fits) == 1)
    assume(not _too_short(text, fits[0], deps))
    found = DepartmentNames.build(deps, absent=True).find(text)
    if found != fits[0]:
        # another department the report's reading never looked at (it read only Chinese names
        # by containment) fits now, by its English name, its key or a name without suffix
        targets = set(_findable(deps, absent=True).values()) - {fits[0]}
        rivals = {k for k in targets if _fits_loosely(text, k, deps)}
        assert rivals
        assert found in {"", *rivals}
        event("another department fits the words the report's reading did not read")
        assume(False)
    assert found == fits[0]


def _fits_loosely(text: str, key: str, deps: Sequence[Department]) -> bool:
    only = [d for d in deps if _findable(deps, absent=True).get(d.key) == key]
    return DepartmentNames.build(only, absent=True).find(text) == key


@given(departments(), st.data())
def test_what_was_typed_is_still_accepted(deps: list[Department], data: st.DataObject) -> None:
    d = data.draw(st.sampled_from(deps))
    text = data.draw(st.sampled_from(_spellings(d)))
    for active_only in (True, False):
        fits = old_typed(deps, active_only=active_only)(text)
        if len(fits) != 1:
            continue
        index = DepartmentNames.build(deps, absent=not active_only)
        found = index.exact(text)
        if text not in {o.key for o in deps}:
            # a name as written: ambiguous now only when another department's key or name
            # (one the old reading did not see: merged, absent) is written the same
            seen = {
                _findable(deps, absent=not active_only).get(o.key)
                for o in deps
                if text in _spellings(o)
            }
            assume(len(seen - {None}) == 1)
        assert found == fits[0]


def test_nfkc_spaces_and_case_are_what_normalize_text_says() -> None:
    """The index reads text as the project's normaliser does (one normaliser, not a copy)."""
    for text in ("Ｒ＆Ｄ", "研 发\u3000部", "ＲｎＤ"):
        assert normalize_text(text) == normalize_text(unicodedata.normalize("NFKC", text))
    assert DepartmentNames.build(DEMO).exact("ＲｎＤ") == "rnd"
