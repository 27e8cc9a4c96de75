"""A request line naming several documents ("专利证书复印件、年费缴费凭证") is matched document by
document, and the checklist's aliases (专利证书, 年费收据) are matched as titles are. The line
splitter is tested on generated titles; the matching on the built-in checklist's own names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.domain.model import Edition
from ipaudit.domain.request_list import (
    AUTO_MATCH,
    PART_SEPARATORS,
    Candidate,
    Matcher,
    Request,
    normalize_title,
    several_items,
    title_parts,
)
from ipaudit.domain.template import load_builtin
from ipaudit.services.request_list import CANDIDATES, proposal

TEMPLATE = load_builtin(Edition.GB2023)
MATCHER = Matcher.build(TEMPLATE.items, {it.key: it.department for it in TEMPLATE.items})
BRACKETS = "《》（）()【】[]「」“”‘’〔〕"

#: a document's name: Chinese words without a separator or a bracket
names = st.text(
    alphabet="专利证书年费缴凭收据劳动合同保密协议管理评审报告培训签到表台账",
    min_size=2,
    max_size=8,
)
separators = st.sampled_from(PART_SEPARATORS)
spaces = st.sampled_from(["", " ", "　"])


def propose(title: str, department: str = "") -> tuple[tuple[Candidate, ...], tuple[str, ...]]:
    return proposal(MATCHER, Request("1", title), department, {})


# --- cutting a line into the documents it names --------------------------------------------------


@given(st.lists(names, min_size=2, max_size=4), st.data())
def test_names_joined_by_any_separator_come_apart_again(
    parts: list[str], data: st.DataObject
) -> None:
    if any(sep in p for p in parts for sep in PART_SEPARATORS):  # 及 / 和 / 与 inside a name
        return
    title = parts[0]
    for part in parts[1:]:
        title += data.draw(spaces) + data.draw(separators) + data.draw(spaces) + part
    assert title_parts(title) == parts


@given(names, separators, names, st.sampled_from(["《》", "（）", "()", "【】", "[]"]))
def test_a_separator_inside_brackets_does_not_cut(a: str, sep: str, b: str, pair: str) -> None:
    title = f"{pair[0]}{a}{sep}{b}{pair[1]}"
    assert title_parts(title) == [title]
    assert title_parts(f"{title}、年费收据") == [title, "年费收据"]


@given(st.text(max_size=30))
def test_any_title_comes_apart_into_non_empty_pieces(title: str) -> None:
    parts = title_parts(title)
    assert parts
    if len(parts) == 1:
        assert parts == [title]
    else:
        assert all(normalize_title(p) for p in parts)  # no piece of punctuation alone
        joined = "".join(parts)
        assert len(joined) < len(title)  # the separators are gone, nothing else added


def test_a_line_of_one_document_is_one_piece() -> None:
    for title in ("知识产权管理手册（现行版）", "《专利、商标管理办法》", "劳动合同", "、"):
        assert title_parts(title) == [title]


# --- matching each piece -------------------------------------------------------------------------


def test_the_line_found_matched_against_the_sample_file_set() -> None:
    candidates, matched = propose("专利证书复印件、年费缴费凭证")
    assert matched == ("ipo.portfolio_register", "ipo.maintenance")
    assert [c.item_key for c in candidates[:2]] == list(matched)
    assert all(c.score >= AUTO_MATCH for c in candidates[:2])
    assert "ipo.sample_file_set" not in matched


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("专利证书", "ipo.portfolio_register"),
        ("专利证书复印件", "ipo.portfolio_register"),
        ("年费缴费凭证", "ipo.maintenance"),
        ("年费收据", "ipo.maintenance"),
        ("专利年费缴纳凭证（2024年度）", "ipo.maintenance"),
    ],
)
def test_the_aliases_name_their_items(title: str, key: str) -> None:
    top = MATCHER.candidates(title)[0]
    assert top.item_key == key and top.score >= AUTO_MATCH, top


@pytest.mark.parametrize(
    ("title", "matched"),
    [
        ("劳动合同和保密协议", ("hr.labour_contracts", "hr.confidentiality_agreements")),
        ("保密及竞业限制协议", None),  # 保密 alone names nothing: one agreement
        ("管理评审报告", ("mgmt.management_review",)),
    ],
)
def test_several_documents_or_one(title: str, matched: tuple[str, ...] | None) -> None:
    _, found = propose(title)
    if matched is None:
        assert len(found) <= 1
    else:
        assert found == matched


def _names_of_items() -> list[tuple[str, str]]:
    """(name, item): the checklist's titles (without their notes) and aliases that name their
    own item at 100 when alone, and hold no separator or bracket."""
    out = []
    for it in TEMPLATE.items:
        for name in (it.title.zh, *it.aliases):
            if any(s in name for s in PART_SEPARATORS) or any(b in name for b in BRACKETS):
                continue
            top = MATCHER.candidates(name)
            if top and top[0] == Candidate(it.key, 100):
                out.append((name, it.key))
    return out


NAMES = _names_of_items()


def test_enough_names_to_draw_from() -> None:
    assert len({key for _, key in NAMES}) >= 20


@given(st.sampled_from(NAMES), st.sampled_from(NAMES), separators, spaces)
@settings(max_examples=200)
def test_any_two_documents_in_one_line_are_proposed_each_with_its_item(
    first: tuple[str, str], second: tuple[str, str], sep: str, space: str
) -> None:
    if first[1] == second[1]:
        return
    title = f"{first[0]}{space}{sep}{space}{second[0]}"
    candidates, matched = propose(title)
    assert matched == (first[1], second[1]), (title, candidates)
    keys = [c.item_key for c in candidates]
    assert keys[:2] == [first[1], second[1]] and len(keys) == len(set(keys)) <= CANDIDATES


def test_several_items_needs_every_piece_to_name_an_item_better_than_the_whole() -> None:
    a, b = Candidate("x", 90), Candidate("y", 80)
    assert several_items([Candidate("z", 60)], [[a], [b]]) == (a, b)
    assert several_items([Candidate("z", 85)], [[a], [b]]) == ()  # the whole names z as well
    assert several_items([], [[a], [Candidate("y", AUTO_MATCH - 1)]]) == ()
    assert several_items([], [[a], []]) == ()
    assert several_items([], [[a], [Candidate("x", 70)]]) == ()  # one item only
    assert several_items([], [[a]]) == ()
