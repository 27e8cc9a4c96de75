"""The per-cell amount parse of the ledgers (``ledger.normalize.parse_amount``), 100,000 cells a kind.

The ledger import parses every amount cell; this micro-benchmark keeps that step from getting slower
when the number rules move (the Chinese numerals are read by ``domain.numbers``). Each kind of cell
is parsed 100,000 times; the figure is the best of ``--repeat`` runs, in CPU nanoseconds per
cell (process time, so other load on the machine does not count).

Run: .venv/bin/python bench/bench_amount_parse.py [--cells 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ipaudit.ledger.normalize import parse_amount  # noqa: E402

KINDS: dict[str, list[object]] = {
    "float 1234.5": [1234.5 + i for i in range(100)],
    "int 1200": [1200 + i for i in range(100)],
    "text 1,200.00": [f"{1200 + i:,}.00" for i in range(100)],
    "text ¥1,200.50元": [f"¥{1200 + i:,}.50元" for i in range(100)],
    "text １２００ (full width)": ["１２００", "３４５６．７８", "１，２００．５０"] * 34,
    "text 1.2万 (mixed)": ["1.2万", "3.45万元", "￥2万"] * 34,
    "text 壹万贰仟元整 (capital)": ["壹万贰仟元整", "贰万零伍拾元伍角", "人民币壹佰元零伍分"] * 34,
}


def run(cells: int, repeat: int) -> dict[str, float]:
    out: dict[str, float] = {}
    wan = Decimal(10000)
    for name, values in KINDS.items():
        batch = (values * (cells // len(values) + 1))[:cells]
        best = float("inf")
        for _ in range(repeat):
            start = time.process_time()
            for v in batch:
                parse_amount(v)  # type: ignore[arg-type]
            best = min(best, time.process_time() - start)
        out[name] = best / cells * 1e9
        if name.startswith("text 1,200"):
            start = time.process_time()
            for v in batch:
                parse_amount(v, wan)  # type: ignore[arg-type]
            out["text 1,200.00 × 万元 (sheet unit)"] = (time.process_time() - start) / cells * 1e9
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cells", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    figures = run(args.cells, args.repeat)
    print(f"parse_amount, {args.cells:,} cells a kind, best of {args.repeat} (CPU ns per cell):")
    for name, ns in figures.items():
        print(f"  {name:<34} {ns:8.0f} ns")


if __name__ == "__main__":
    main()
