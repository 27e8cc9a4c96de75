"""Ledgers from "another company": generated ledgers with injected discrepancies, written with
headers no synonym list was made for — notes in brackets, two names joined, English, typos, blank
or meaningless titles (the values then decide) — extra columns, in files named anything and given
in any order. Read by content (``sources.import_sources``, as ``reconcile`` does) they must report
exactly the injected discrepancies.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger.sources import import_sources
from tests.unit.ledger.reconcile_gen import INJECTABLE, found, generate, reconcile_imported
from tests.unit.ledger.sheetgen import write_sheet, write_workbook
from tests.unit.ledger.test_generated_ledgers import sheet_rows
from tests.unit.ledger.test_header_corpus import ENGLISH, MISSPELT, NOTES, PARTNERS

injections = st.lists(st.sampled_from(INJECTABLE), unique=True, max_size=len(INJECTABLE))
CONTENT_TELLS = {"date", "person", "department", "ip_number", "voucher", "category", "kind"}


def _variant(header: str, field: str | None, rng: random.Random, n: int) -> str:
    """One way another company writes the header ``header`` of ``field``."""
    shapes = ["note", "joined", "spaced"]
    if field in ENGLISH:
        shapes += ["english", "misspelt"]
    if field in CONTENT_TELLS:
        shapes += ["blank", "meaningless"]
    shape = rng.choice(shapes)
    if shape == "note":
        return header + rng.choice(NOTES)
    if shape == "joined":
        return f"{header}{rng.choice(['/', '、', '或', '及'])}{rng.choice(PARTNERS)}"
    if shape == "spaced":
        return " ".join(header)
    if shape == "english":
        return rng.choice(ENGLISH[field])  # type: ignore[index]
    if shape == "misspelt":
        return rng.choice(MISSPELT[field])  # type: ignore[index]
    if shape == "blank":
        return ""
    return f"列{n}"


def _rewrite_header(rows: list[list[object]], kind: LedgerKind, rng: random.Random) -> None:
    """Rewrite the header row of generated ``rows`` in another company's words."""
    from tests.unit.ledger.test_generated_ledgers import HEADERS

    known = {h: f for f, hs in HEADERS[kind].items() for h in hs}
    at = next(i for i, row in enumerate(rows) if sum(1 for c in row if c in known) >= 2)
    rows[at] = [
        _variant(str(h), known.get(str(h)), rng, n) if str(h) in known else h
        for n, h in enumerate(rows[at], 1)
    ]
    for above in rows[:at]:  # a title that names the ledger, or one that does not
        if above and str(above[0]).startswith("知识产权") and rng.random() < 0.5:
            above[0] = "2025年度"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32 - 1),
    inject=injections,
    vouchers=st.booleans(),
    fmt=st.sampled_from(["xlsx", "csv", "book"]),
)
@example(seed=7, inject=list(INJECTABLE), vouchers=True, fmt="book")
@example(seed=3, inject=[], vouchers=False, fmt="csv")
# a signature column headed 领取人签字 and left blank, the names under a blank header
@example(
    seed=2, inject=["payment_without_decision", "duplicate_payment"], vouchers=False, fmt="csv"
)
def test_another_companys_ledgers_report_exactly_the_injected(
    tmp_path_factory, seed, inject, vouchers, fmt
):
    rng = random.Random(seed)
    g = generate(random.Random(seed), inject, vouchers=vouchers)
    folder = tmp_path_factory.mktemp("unseen")
    text_only = fmt == "csv"
    sheets = {
        LedgerKind.REWARDS: sheet_rows(LedgerKind.REWARDS, g.rewards, rng, text_only=text_only),
        LedgerKind.PAYMENTS: sheet_rows(
            LedgerKind.PAYMENTS, g.payments, rng, text_only=text_only, stated=g.total_stated
        ),
        LedgerKind.EXPENSES: sheet_rows(LedgerKind.EXPENSES, g.expenses, rng, text_only=text_only),
    }
    for kind, rows in sheets.items():
        _rewrite_header(rows, kind, rng)
    order = list(sheets)
    rng.shuffle(order)
    if fmt == "book":
        files = [
            write_workbook(
                folder / "2025.xlsx", {f"Sheet{n}": sheets[k] for n, k in enumerate(order, 1)}
            )
        ]
    else:
        files = [write_sheet(folder / f"file{n}.{fmt}", sheets[k]) for n, k in enumerate(order)]
    imported = import_sources(files)
    assert imported.skipped == []
    by_kind = {r.kind: r for r in imported.results}
    assert set(by_kind) == set(sheets), [
        (r.sheet, r.kind, r.alternatives) for r in imported.results
    ]
    for result in imported.results:
        assert result.problems == [], (result.kind, result.mapping, result.problems[:3])
    rewards, payments, expenses = (by_kind[k] for k in sheets)
    assert len(rewards.entries) == len(g.rewards) and len(payments.entries) == len(g.payments)
    r = reconcile_imported(g, rewards, payments, expenses)
    assert found(r.discrepancies) == g.expected
