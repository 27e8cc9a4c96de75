"""Annex B of GB/T 29490-2023 (typical prohibited acts) and the application materials no other item
holds: checklist items of the 2023 template only, each with its declaration and its evidence."""

from __future__ import annotations

from ipaudit.domain.model import Edition, ItemKind
from ipaudit.domain.rules import TimeRule, item_rule
from ipaudit.domain.template import load_builtin

ANNEX_B = (
    "ipo.prohibited_patents",
    "ipo.prohibited_trademarks",
    "ipo.prohibited_copyright",
    "hr.prohibited_trade_secrets",
)
APPLICATION = (
    "ipo.certification_application",
    "ipo.business_licence",
    "ipo.no_penalty_declaration",
    "hr.internal_auditors",
)


def test_annex_b_items_carry_a_declaration_and_evidence_in_2023() -> None:
    t = load_builtin(Edition.GB2023)
    clause_b = next(c for c in t.clauses if c.ref == "B")
    assert "附录B" in clause_b.title.zh
    for key in ANNEX_B:
        item = t.item(key)
        assert item.clause == "B" and item.refs["2023"].clause == "B"
        assert item.kind is ItemKind.RECORD_SET and item.instances == 1
        subs = [s.key for s in item.sub_records]
        assert subs[0] == "declaration" and len(subs) == 2
        assert "声明" in item.sub_records[0].title.zh or "承诺" in item.sub_records[0].title.zh
        # a declaration stays valid: it carries over to the next cycle
        assert item_rule(t, item).time_rule is TimeRule.IN_FORCE
    guidance = " ".join(t.item(k).guidance.zh for k in ANNEX_B)
    for act in ("非正常专利申请", "恶意商标注册", "囤积商标", "盗版软件", "商业秘密"):
        assert act in guidance


def test_annex_b_and_application_items_are_2023_only() -> None:
    t13 = load_builtin(Edition.GB2013)
    keys13 = {i.key for i in t13.items}
    assert not (set(ANNEX_B) | set(APPLICATION)) & keys13
    assert "B" not in {c.ref for c in t13.clauses}
    t23 = load_builtin(Edition.GB2023)
    for key in APPLICATION:
        assert "2013" not in t23.item(key).refs
