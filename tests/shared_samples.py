"""Where the shared office-suite samples are, and one marker for the tests that read them.

The samples sit in ``../shared`` beside the project when it is developed; a user's clone has no such
folder, so every test that reads them skips, all with the same reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = SHARED / "samples" / "ledgers"
SEED_COLLECTION = SHARED / "seeds" / "000_d3d9260e21b9ddaf.txt"
REWARDS = SAMPLES / "奖惩记录表.xls"
PAYMENTS = SAMPLES / "奖金发放登记表.xlsx"
EXPENSES = SAMPLES / "知识产权经费使用记录.csv"

REASON = "the shared samples (../shared beside the project) are not present in this clone"
needs_shared = pytest.mark.skipif(not SAMPLES.is_dir(), reason=REASON)
