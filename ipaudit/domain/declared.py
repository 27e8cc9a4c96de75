"""What the IP manual declares for a question, as a value an answer is compared with: its kind
(a number, numbers, a wording, a list …), how it is shown, and what an answer claims about the
finance ledgers. Kept apart from :mod:`ipaudit.domain.facts` (which reads the declared values from
the facts) so that the comparison (:mod:`ipaudit.domain.comparison`) and the facts both import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ipaudit.domain.normalize import normalize_text

# The unit a quantity fact is stated in, and the words that mean the same unit.
PEOPLE_UNITS = ("人", "名", "位")
ITEM_UNITS = ("件", "项", "个")
MONEY_UNITS = ("元",)


class FactKind(StrEnum):
    NUMBER = "number"  # the first quantity in the fact's unit must equal it (years, dates ignored)
    NUMBERS = "numbers"  # every quantity the answer states must be one of them
    WORDING = "wording"  # the policy: its key terms covered (see comparison.compare)
    TEXT = "text"  # duties, search phases: their key terms covered
    LIST = "list"  # the answer names every entry (certificates, procedures)
    MENTION = "mention"  # the answer contains the value (a manual version such as A/1)
    RECONCILED = "reconciled"  # the amounts stated are the totals; a claim of agreement is true


@dataclass(frozen=True, slots=True)
class Declared:
    kind: FactKind
    display: str
    number: Decimal | None = None
    units: tuple[str, ...] = ()  # NUMBER: its units ("人", "件" …); NUMBERS: each entry's
    numbers: tuple[Decimal, ...] = ()
    text: str = ""
    entries: tuple[str, ...] = ()  # LIST: the entries; NUMBERS: what the first numbers count
    agreed: bool | None = None  # RECONCILED: whether the ledgers agree (no open discrepancy)
    # NUMBERS that are a department's share of the company's objectives: the company's objectives
    # (a NUMBERS value), which a number said for the company ("公司目标是…") is compared with
    company: Declared | None = None


# What an answer claims about the ledgers: "no difference" first (it contains 差异), then a
# difference, then agreement (一致 is inside 不一致).
_NO_DIFFERENCE: tuple[str, ...] = (
    "无差异",
    "没有差异",
    "无差额",
    "没有差额",
    "不存在差异",
    "nodifference",
)
_NO_DIFFERENCE += ("nodiscrepanc", "nodifferences")
_DIFFERENCE: tuple[str, ...] = (
    "不一致",
    "不相符",
    "不符",
    "不吻合",
    "不相等",
    "有差异",
    "存在差异",
    "差异",
    "差额",
)
_DIFFERENCE += ("disagree", "donotagree", "dontagree", "differ", "mismatch", "inconsistent")
_DIFFERENCE += ("notconsistent", "discrepanc")
_AGREEMENT = ("一致", "相符", "吻合", "相等", "核对无误", "agree", "match", "consistent")


def claims_agreement(answer: str) -> bool | None:
    """True when ``answer`` says the ledgers agree, False when it says they differ, else None."""
    said = normalize_text(answer)
    if any(w in said for w in _NO_DIFFERENCE):
        return True
    if any(w in said for w in _DIFFERENCE):
        return False
    if any(w in said for w in _AGREEMENT):
        return True
    return None
