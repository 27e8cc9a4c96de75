"""Interview rehearsal: an answer a person gives, compared with the official one, and what differs.

The comparison itself lives in :mod:`ipaudit.domain.comparison`, where the checklist's answer
check (:func:`ipaudit.domain.facts.agrees`) and the interview sheets use it too: one answer gets one
verdict wherever it is checked. This module keeps the rehearsal's names.
"""

from __future__ import annotations

from ipaudit.domain.comparison import (
    SURNAMES,
    Difference,
    DiffKind,
    Verdict,
    amounts,
    codes_in,
    compare,
    dates_in,
    names_in,
    plain_official,
    quoted_titles,
    squeeze,
)

__all__ = [
    "SURNAMES",
    "DiffKind",
    "Difference",
    "Verdict",
    "amounts",
    "codes_in",
    "compare",
    "dates_in",
    "names_in",
    "plain_official",
    "quoted_titles",
    "squeeze",
]
