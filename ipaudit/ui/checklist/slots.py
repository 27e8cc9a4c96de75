"""Evidence slots of an item: "" (the item itself), "<instance>/<sub-record>" or "year:<YYYY>"."""

from __future__ import annotations

from ipaudit.domain.model import Item, ItemKind, ItemState, Text
from ipaudit.ui.checklist.lang import text_of

DEFAULT_INSTANCE_LABEL = Text("实例", "Instance")


def instance_label(item: Item, state: ItemState, number: int, lang: str | None = None) -> str:
    """ "Project 2 (Smart lock)" — the item's instance label, its number and the name given to it."""
    label = f"{text_of(item.instance_label or DEFAULT_INSTANCE_LABEL, lang)} {number}"
    name = state.instance_names[number - 1] if number <= len(state.instance_names) else ""
    return f"{label} ({name})" if name.strip() else label


def slot_label(item: Item, state: ItemState, slot: str, lang: str | None = None) -> str:
    if not slot:
        return ""
    if slot.startswith("year:"):
        return slot[5:]
    inst, _, sub = slot.partition("/")
    titles = {s.key: s.title for s in item.sub_records}
    sub_text = text_of(titles[sub], lang) if sub in titles else sub
    if inst.isdigit():
        return f"{instance_label(item, state, int(inst), lang)} · {sub_text}"
    return slot


def record_set_slots(item: Item) -> list[str]:
    return [f"{i}/{s.key}" for i in range(1, item.instances + 1) for s in item.sub_records]


def uses_slots(item: Item) -> bool:
    return item.kind in (ItemKind.RECORD_SET, ItemKind.YEARLY)
