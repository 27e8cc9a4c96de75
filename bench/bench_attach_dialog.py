#!/usr/bin/env python3
"""The dates dialog of a drop (offscreen): time to build it and to show it painted, for 200 and
1,000 files. Prints figures; not a test.

    .venv/bin/python bench/bench_attach_dialog.py [--files 200 1000] [--runs 7]

The reviews are made up (no file is read): a fifth of the files have a date from their name and a
period, others a date from their text or properties, a doubtful date in the future, an empty file,
a duplicate — the mix a real drop gives the dialog. "build" is the constructor; "shown" is the
constructor, ``show()`` and the events until the dialog has painted (a synchronous repaint).
Budget: well under 100 ms for 200 files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def reviews(count: int) -> list:
    from ipaudit.services.evidence_dates import DateProposal
    from ipaudit.services.evidence_review import FileReview

    out = []
    for n in range(count):
        kind = n % 6
        day = dt.date(2025, 1 + n % 12, 1 + n % 28)
        if kind == 0:
            proposal = DateProposal(
                doc_date=day,
                period_start=dt.date(2025, 1, 1),
                period_end=dt.date(2025, 3, 31),
                source="name",
                period_source="name",
            )
            name = f"{n:04d} 2025年第一季度 培训签到 {day.isoformat()}.pdf"
        elif kind == 1:
            proposal = DateProposal(doc_date=day, source="text")
            name = f"{n:04d} 会议纪要.docx"
        elif kind == 2:
            proposal = DateProposal(doc_date=day, source="properties")
            name = f"{n:04d} 立项报告.docx"
        elif kind == 3:
            proposal = DateProposal(doubtful=dt.date(2031, 1, 1), doubtful_source="name")
            name = f"{n:04d} 2031-01-01 计划.txt"
        elif kind == 4:
            proposal = DateProposal()
            name = f"{n:04d} 现场照片.jpg"
        else:
            proposal = DateProposal(doc_date=day, source="pdf")
            name = f"{n:04d} 扫描件.pdf"
        out.append(
            FileReview(
                path=Path("/data/drop") / name,
                size=0 if kind == 4 else 1000 + n,
                sha256=f"{n:064x}",
                proposal=proposal,
                duplicate_of=("计划",) if n % 50 == 7 else (),
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from ipaudit.ui.checklist.attach_dialog import AttachDialog

    app = QApplication.instance() or QApplication([])
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"attach dialog (load average {load:.1f}; budget: well under 100 ms for 200 files)")
    AttachDialog(reviews(10)).deleteLater()  # the first build imports and loads styles
    app.processEvents()
    for count in args.files:
        given = reviews(count)
        built, shown = [], []
        for _ in range(args.runs):
            gc.collect()
            start = time.perf_counter()
            dialog = AttachDialog(given)
            middle = time.perf_counter()
            dialog.show()
            app.processEvents()
            dialog.repaint()
            end = time.perf_counter()
            built.append((middle - start) * 1000)
            shown.append((end - start) * 1000)
            dialog.close()
            dialog.deleteLater()
            app.processEvents()
        print(
            f"  {count:>5} files: build {statistics.median(built):7.1f} ms median"
            f" ({min(built):.1f} min), built + shown painted {statistics.median(shown):7.1f} ms"
            f" median ({min(shown):.1f} min)"
        )


if __name__ == "__main__":
    main()
