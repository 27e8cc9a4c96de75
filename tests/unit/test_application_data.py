"""The application data file: every condition and material names items the 2023 checklist has,
ids are unique, and a malformed file is refused naming the entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipaudit.domain.application import (
    CHECK_KINDS,
    ApplicationDataError,
    load_application,
)
from ipaudit.domain.model import Edition
from ipaudit.domain.template import load_builtin


def test_the_shipped_data_fits_the_2023_checklist() -> None:
    data = load_application()
    keys = {it.key for it in load_builtin(Edition.GB2023).items}
    for ids in ([c.id for c in data.conditions], [m.id for m in data.materials]):
        assert len(ids) == len(set(ids)) and all(ids)
    assert {c.kind for c in data.conditions} == CHECK_KINDS  # every kind of check is used
    for c in data.conditions:
        assert set(c.items) <= keys, c.id
    for m in data.materials:
        assert m.items and set(m.items) <= keys, m.id
    names = [m.text.zh for m in data.materials]
    # the certification body's completeness list: licence, manual, procedures, internal audit, review, IP list, application
    for name in (
        "营业执照",
        "知识产权管理手册",
        "程序文件",
        "内部审核报告",
        "管理评审报告",
        "知识产权清单",
        "认证申请书",
    ):
        assert any(name in n for n in names), name


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("conditions: [{id: x, zh: 甲, en: a, check: {kind: guess}}]", "conditions[0]"),
        ("conditions: [{id: x, zh: 甲, check: {kind: evidence}}]", "conditions[0]"),
        ("materials: [{id: m, zh: 甲, en: a}]", "materials[0]"),
        ("- just a list", "not a mapping"),
    ],
)
def test_a_malformed_file_names_the_entry(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "app.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ApplicationDataError, match=r"app\.yaml") as err:
        load_application(path)
    assert where in str(err.value)
