"""The parsed-checklist cache changes nothing but the time an opening takes."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit.domain.model import Edition
from ipaudit.domain.template import TemplateError, builtin_text, load_template_text, parse_yaml
from ipaudit.services import Workspace, template_cache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(template_cache.CACHE_ENV, str(folder))
    return folder


def files(folder: Path) -> list[Path]:
    return sorted(folder.glob("template-*.msgpack")) if folder.exists() else []


def test_the_second_parse_is_read_from_the_cache(cache: Path) -> None:
    text = builtin_text(Edition.GB2023)
    first = template_cache.parse(text, "t.yaml")
    assert first == parse_yaml(text, "t.yaml")
    [kept] = files(cache)
    key, data = msgspec.msgpack.decode(kept.read_bytes())
    assert data == first
    # what the cache holds is what the next parse returns (here marked, to see it was read)
    kept.write_bytes(msgspec.msgpack.encode([key, {**data, "marker": True}]))
    assert template_cache.parse(text, "t.yaml")["marker"] is True


def test_a_damaged_or_foreign_file_is_parsed_again_and_replaced(cache: Path) -> None:
    text = builtin_text(Edition.GB2013)
    expected = parse_yaml(text, "t.yaml")
    template_cache.parse(text, "t.yaml")
    [kept] = files(cache)
    for damage in (b"\x00garbage", msgspec.msgpack.encode(["another key", {"x": 1}]), b""):
        kept.write_bytes(damage)
        assert template_cache.parse(text, "t.yaml") == expected
        assert msgspec.msgpack.decode(kept.read_bytes())[1] == expected


def test_without_the_folder_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(template_cache.CACHE_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    text = builtin_text(Edition.GB2023)
    assert template_cache.parse(text, "t.yaml") == parse_yaml(text, "t.yaml")
    assert list(tmp_path.rglob("*.msgpack")) == []


def test_values_msgpack_cannot_give_back_are_not_kept(cache: Path) -> None:
    text = "audit_day: 2026-12-07\nkeys: [1, 2]\n"  # a YAML date comes back from msgpack as text
    assert template_cache.parse(text, "t.yaml") == yaml.safe_load(text)
    assert files(cache) == []


def test_invalid_yaml_is_the_same_error_and_nothing_is_kept(cache: Path) -> None:
    with pytest.raises(TemplateError) as raised:
        template_cache.parse("items: [unclosed\n", "bad.yaml")
    assert "line" in raised.value.problems[0].path
    assert files(cache) == []


def test_a_folder_that_cannot_be_written_costs_only_time(cache: Path) -> None:
    cache.write_text("a file where the folder should be", encoding="utf-8")
    text = builtin_text(Edition.GB2023)
    assert template_cache.parse(text, "t.yaml") == parse_yaml(text, "t.yaml")


def test_only_the_last_used_files_are_kept(cache: Path) -> None:
    texts = [f"n: {n}\n" for n in range(template_cache.KEEP + 3)]
    for text in texts:
        template_cache.parse(text, "t.yaml")
    assert len(files(cache)) == template_cache.KEEP


def test_a_workspace_opens_with_the_same_checklist_from_the_cache(
    cache: Path, demo_path: Path
) -> None:
    with Workspace.open(demo_path) as ws:
        parsed = ws.template
    assert len(files(cache)) == 1
    with Workspace.open(demo_path) as ws:
        assert ws.template == parsed
    with Workspace.open(demo_path) as ws:
        assert ws.template == load_template_text(ws.store.template_yaml(), "demo.ipaudit:template")


yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.dictionaries(st.text(min_size=1), yaml_values, min_size=1, max_size=5))
def test_cached_data_is_what_yaml_gives(cache: Path, value: dict[str, object]) -> None:
    text = yaml.safe_dump(value, allow_unicode=True)
    expected = yaml.safe_load(text)
    assert template_cache.parse(text, "t.yaml") == expected
    assert template_cache.parse(text, "t.yaml") == expected  # the second from the cache
