"""Reward record ↔ payment register: which payments settle which reward decisions.

Rewards and payments are matched per person and IP item, in passes from the most to the least
certain, so that a clear match is never spoiled by a doubtful one:

1. same person, same IP item, same amount — one payment settles one reward (the earliest payment
   on or after the decision; failing that, one dated before it, which is then reported);
2. same person and IP item, several payments adding up exactly to one reward (instalments);
3. when one side leaves the IP item blank: same person, same amount, paid within ``window_days``
   after the decision; then instalments the same way;
4. what is still open: a payment equal to a reward that is already settled is a duplicate payment;
   a payment equal to a penalty of that person (or marked as a penalty) is a penalty paid out;
5. the rest is paired by person and IP item (a blank IP within the window) with the latest reward
   decided on or before the payment: such a reward was paid more or less than decided; a reward
   with nothing is unpaid; a payment with no reward at all has no decision; an extra payment for a
   person and IP item whose rewards are all settled overpays the latest of them.

Every reward with payments dated before its decision is reported once as paid before the decision.
Groups are found with dictionaries, so the work is linear in the number of rows; the subset search
for instalments only ever sees the few open payments of one person and IP item (at most 16).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from ipaudit.ledger import discrepancies as dsc
from ipaudit.ledger.ipkeys import IpKeys
from ipaudit.ledger.model import Discrepancy, DiscrepancyKind, Entry

K = DiscrepancyKind
ZERO = Decimal("0.00")
_MAX_SUBSET = 16
_OPEN = -1
_CLOSED = -2  # a duplicate, a penalty paid out, or an extra payment: not settling a reward


class MatchHow(StrEnum):
    EXACT = "exact"  # one payment of the decided amount
    INSTALMENTS = "instalments"  # several payments adding up to the decided amount
    DIFFERENT = "different"  # paid, but more or less than decided
    UNPAID = "unpaid"


@dataclass(frozen=True, slots=True)
class RewardLink:
    """A reward decision and the payments that settle it (duplicates and extras listed apart)."""

    reward: Entry
    payments: tuple[Entry, ...]
    how: MatchHow
    duplicates: tuple[Entry, ...] = ()
    extras: tuple[Entry, ...] = ()  # payments beyond a settled reward (overpayment)
    paid_early: bool = False

    @property
    def clean(self) -> bool:
        """Settled exactly, on time, and paid once."""
        return (
            self.how in (MatchHow.EXACT, MatchHow.INSTALMENTS)
            and not self.duplicates
            and not self.extras
            and not self.paid_early
        )

    @property
    def paid(self) -> Decimal:
        return sum((p.amount for p in self.payments + self.extras), ZERO)


@dataclass(slots=True)
class RewardMatching:
    links: list[RewardLink]  # one per reward decision (penalties excluded), in input order
    payment_reward: dict[int, int]  # payment index -> reward link index (incl. duplicates, extras)
    orphans: list[Entry]  # payments with no decision, and penalties paid out
    discrepancies: list[Discrepancy] = field(default_factory=list)

    @property
    def rewards_matched(self) -> int:
        return sum(1 for link in self.links if link.clean)

    @property
    def payments_matched(self) -> int:
        return sum(len(link.payments) for link in self.links if link.clean)


def _date_key(entry: Entry) -> dt.date:
    return entry.date or dt.date.min


class _Matcher:
    def __init__(
        self, rewards: Sequence[Entry], payments: Sequence[Entry], window_days: int, keys: IpKeys
    ) -> None:
        self.R = [r for r in rewards if not r.is_penalty]
        self.penalties = [r for r in rewards if r.is_penalty]
        self.P = list(payments)
        self.window = dt.timedelta(days=window_days)
        self.keys = keys
        self.rk = [keys(r.ip_number) for r in self.R]
        self.pk = [keys(p.ip_number) for p in self.P]
        self.paid_by: list[tuple[int, ...] | None] = [None] * len(self.R)
        self.owner = [_OPEN] * len(self.P)
        self.dup_of: dict[int, int] = {}
        self.extra_of: dict[int, int] = {}
        self.penalty_of: dict[int, Entry | None] = {}
        self.alloc: dict[int, list[int]] = {}  # reward -> leftover payments (pass 5)

    # -- helpers ---------------------------------------------------------------------------
    def _settle(self, i: int, js: tuple[int, ...]) -> None:
        self.paid_by[i] = js
        for j in js:
            self.owner[j] = i

    def _in_window(self, r: Entry, p: Entry) -> bool:
        if r.date is None or p.date is None:
            return True
        return r.date <= p.date <= r.date + self.window

    def _compatible(self, i: int, j: int) -> bool:
        """Same person, and same IP item — or one side blank and paid within the window."""
        r, p = self.R[i], self.P[j]
        if r.person != p.person:
            return False
        rk, pk = self.rk[i], self.pk[j]
        if rk and pk:
            return rk == pk
        return self._in_window(r, p)

    def _subset(self, amount: Decimal, cands: Sequence[int]) -> tuple[int, ...] | None:
        """Two or more of ``cands`` (in preference order) adding up exactly to ``amount``."""
        reach: dict[Decimal, tuple[int, ...]] = {ZERO: ()}
        for j in cands[:_MAX_SUBSET]:
            a = self.P[j].amount
            if a <= 0:
                continue
            for total, chosen in list(reach.items()):
                t = total + a
                if t > amount or t in reach:
                    continue
                reach[t] = (*chosen, j)
                if t == amount and len(reach[t]) > 1:
                    return reach[t]
        return None

    # -- pass 1: same person, IP and amount --------------------------------------------------
    def exact_keyed(self) -> None:
        pidx: dict[tuple[str, str, Decimal], list[int]] = defaultdict(list)
        for j, p in enumerate(self.P):
            k = self.pk[j]
            if k and not p.is_penalty:
                pidx[(p.person, k, p.amount)].append(j)
        ridx: dict[tuple[str, str, Decimal], list[int]] = defaultdict(list)
        for i, r in enumerate(self.R):
            k = self.rk[i]
            if k:
                ridx[(r.person, k, r.amount)].append(i)
        for key, rl in ridx.items():
            pl = pidx.get(key)
            if not pl:
                continue
            if len(rl) == 1 and len(pl) == 1:
                self._settle(rl[0], (pl[0],))
            else:
                self._exact_group(rl, pl, windowed=False)

    def _exact_group(self, rl: list[int], pl: list[int], *, windowed: bool) -> None:
        R, P = self.R, self.P
        rl = sorted(rl, key=lambda i: (_date_key(R[i]), i))
        pl = sorted(pl, key=lambda j: (_date_key(P[j]), j))
        for on_time in (True, False):
            if windowed and not on_time:
                break
            for i in rl:
                if self.paid_by[i] is not None:
                    continue
                r = R[i]
                for j in pl:
                    if self.owner[j] != _OPEN or not self._compatible(i, j):
                        continue
                    p = P[j]
                    if on_time and r.date and p.date and p.date < r.date:
                        continue
                    self._settle(i, (j,))
                    break

    # -- pass 2: instalments with the same IP item ------------------------------------------
    def _instalments(self, rl: list[int], pl: list[int]) -> None:
        R, P = self.R, self.P
        pl = sorted(pl, key=lambda j: (_date_key(P[j]), j))
        for i in sorted(rl, key=lambda i: (_date_key(R[i]), i)):
            if self.paid_by[i] is not None:
                continue
            r = R[i]
            cands = [j for j in pl if self.owner[j] == _OPEN and self._compatible(i, j)]
            if len(cands) < 2:
                continue
            on_time = [j for j in cands if not (r.date and P[j].date and P[j].date < r.date)]
            found = self._subset(r.amount, on_time) if len(on_time) >= 2 else None
            if found is None and len(on_time) < len(cands):
                found = self._subset(r.amount, cands)
            if found is not None:
                self._settle(i, found)

    def open_rewards(self) -> list[int]:
        return [i for i, got in enumerate(self.paid_by) if got is None]

    def open_payments(self) -> list[int]:
        return [j for j, o in enumerate(self.owner) if o == _OPEN and not self.P[j].is_penalty]

    def instalments_keyed(self) -> None:
        groups: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
        for i in self.open_rewards():
            k = self.rk[i]
            if k:
                groups.setdefault((self.R[i].person, k), ([], []))[0].append(i)
        if not groups:
            return
        for j in self.open_payments():
            g = groups.get((self.P[j].person, self.pk[j]))
            if g is not None:
                g[1].append(j)
        for rl, pl in groups.values():
            if len(pl) >= 2:
                self._instalments(rl, pl)

    # -- pass 3: one side without an IP item ------------------------------------------------
    def blank_ip(self) -> None:
        open_r = self.open_rewards()
        open_p = self.open_payments()
        if not open_r or not open_p:
            return
        by_person_r: dict[str, list[int]] = defaultdict(list)
        for i in open_r:
            by_person_r[self.R[i].person].append(i)
        by_person_p: dict[str, list[int]] = defaultdict(list)
        for j in open_p:
            person = self.P[j].person
            if person in by_person_r:
                by_person_p[person].append(j)
        for person, pl in by_person_p.items():
            rl = by_person_r[person]
            if not any(not self.rk[i] for i in rl) and not any(not self.pk[j] for j in pl):
                continue  # both sides carry IP items: nothing blank to match here
            by_amount: dict[Decimal, list[int]] = defaultdict(list)
            for j in pl:
                by_amount[self.P[j].amount].append(j)
            for i in rl:
                same = by_amount.get(self.R[i].amount)
                if same:
                    self._exact_group([i], same, windowed=True)
            self._instalments(rl, pl)

    # -- pass 4: duplicates and penalties ---------------------------------------------------
    def duplicates_and_penalties(self, person_rewards: dict[str, list[int]]) -> None:
        R, P = self.R, self.P
        pen_by_person: dict[str, list[Entry]] = defaultdict(list)
        for pen in self.penalties:
            pen_by_person[pen.person].append(pen)
        for j, p in enumerate(P):
            if self.owner[j] != _OPEN:
                continue
            if p.is_penalty:
                self.owner[j] = _CLOSED
                self.penalty_of[j] = self._penalty_for(p, pen_by_person.get(p.person, ()))
                continue
            settled = [
                i
                for i in person_rewards.get(p.person, ())
                if self.paid_by[i] is not None
                and R[i].amount == p.amount
                and self._compatible(i, j)
            ]
            if settled:
                self.owner[j] = _CLOSED
                self.dup_of[j] = self._latest_before(settled, p)
                continue
            penalty = self._penalty_for(p, pen_by_person.get(p.person, ()))
            if penalty is not None and penalty.amount == p.amount:
                self.owner[j] = _CLOSED
                self.penalty_of[j] = penalty

    def _penalty_for(self, p: Entry, penalties: Iterable[Entry]) -> Entry | None:
        pk = self.keys(p.ip_number)
        best = None
        for pen in penalties:
            k = self.keys(pen.ip_number)
            if k and pk and k != pk:
                continue
            if best is None or (pen.amount == p.amount and best.amount != p.amount):
                best = pen
        return best

    def _latest_before(self, rl: list[int], p: Entry) -> int:
        """The reward decided last on or before the payment, else the earliest one."""
        R = self.R
        before = [i for i in rl if R[i].date is None or p.date is None or R[i].date <= p.date]
        if before:
            return max(before, key=lambda i: (_date_key(R[i]), i))
        return min(rl, key=lambda i: (_date_key(R[i]), i))

    # -- pass 5: what is left ---------------------------------------------------------------
    def leftovers(self, person_rewards: dict[str, list[int]]) -> None:
        open_set = set(self.open_rewards())
        for j in self.open_payments():
            p = self.P[j]
            rl = person_rewards.get(p.person, ())
            keyed = [i for i in rl if i in open_set and self.rk[i] and self.rk[i] == self.pk[j]]
            cands = keyed or [i for i in rl if i in open_set and self._compatible(i, j)]
            if cands:
                i = self._latest_before(cands, p)
                self.alloc.setdefault(i, []).append(j)
                self.owner[j] = i
                continue
            pk = self.pk[j]
            settled = [i for i in rl if pk and self.rk[i] == pk and self.paid_by[i] is not None]
            if settled:
                self.owner[j] = _CLOSED
                self.extra_of[j] = self._latest_before(settled, p)
        for i, js in self.alloc.items():
            self.paid_by[i] = tuple(js)


def match_rewards(
    rewards: Sequence[Entry],
    payments: Sequence[Entry],
    *,
    window_days: int = 180,
    keys: IpKeys | None = None,
) -> RewardMatching:
    """Match reward decisions (penalties are set aside) with payments; see the module docstring.

    ``window_days``: when one side has no IP item, how long after its decision a payment may
    still settle a reward.
    """
    m = _Matcher(rewards, payments, window_days, keys or IpKeys())
    m.exact_keyed()
    m.instalments_keyed()
    m.blank_ip()
    open_persons = {m.P[j].person for j, o in enumerate(m.owner) if o == _OPEN}
    person_rewards: dict[str, list[int]] = defaultdict(list)
    if open_persons:
        for i, r in enumerate(m.R):
            if r.person in open_persons:
                person_rewards[r.person].append(i)
    m.duplicates_and_penalties(person_rewards)
    m.leftovers(person_rewards)
    return _result(m)


def _result(m: _Matcher) -> RewardMatching:
    R, P = m.R, m.P
    dups: dict[int, list[int]] = defaultdict(list)
    for j, i in m.dup_of.items():
        dups[i].append(j)
    extras: dict[int, list[int]] = defaultdict(list)
    for j, i in m.extra_of.items():
        extras[i].append(j)
    links: list[RewardLink] = []
    found: list[Discrepancy] = []
    payment_reward: dict[int, int] = {}
    for i, r in enumerate(R):
        js = m.paid_by[i]
        pays = tuple(P[j] for j in js) if js else ()
        if not pays:
            how = MatchHow.UNPAID
        elif i in m.alloc:
            paid = sum((p.amount for p in pays), ZERO)
            how = MatchHow.DIFFERENT if paid != r.amount else MatchHow.INSTALMENTS
        else:
            how = MatchHow.EXACT if len(pays) == 1 else MatchHow.INSTALMENTS
        early = bool(r.date) and any(p.date and r.date and p.date < r.date for p in pays)
        link = RewardLink(
            reward=r,
            payments=pays,
            how=how,
            duplicates=tuple(P[j] for j in dups.get(i, ())),
            extras=tuple(P[j] for j in extras.get(i, ())),
            paid_early=early,
        )
        links.append(link)
        for j in (*(js or ()), *dups.get(i, ()), *extras.get(i, ())):
            payment_reward[j] = i
        found.extend(_link_findings(link))
    orphans: list[Entry] = []
    for j, p in enumerate(P):
        if j in m.penalty_of:
            orphans.append(p)
            found.append(_penalty_paid(p, m.penalty_of[j]))
        elif m.owner[j] == _OPEN:
            orphans.append(p)
            found.append(_without_decision(p))
    return RewardMatching(links, payment_reward, orphans, found)


# -- findings -------------------------------------------------------------------------------
def _ip_zh(e: Entry) -> str:
    return f" {e.ip_number}" if e.ip_number else (f"（{e.text}）" if e.text else "")


def _ip_en(e: Entry) -> str:
    return f" for {e.ip_number}" if e.ip_number else (f" ({e.text})" if e.text else "")


def _dates(entries: Iterable[Entry]) -> str:
    return ", ".join(dsc.day(e.date) for e in entries)


def _link_findings(link: RewardLink) -> list[Discrepancy]:
    r = link.reward
    m, d = dsc.money, dsc.day(r.date)
    out: list[Discrepancy] = []
    if link.how is MatchHow.UNPAID:
        out.append(
            dsc.build(
                K.UNPAID_REWARD,
                entries=(r,),
                expected=r.amount,
                actual=ZERO,
                difference=-r.amount,
                date=r.date,
                what_zh=f"{r.person}{_ip_zh(r)} 奖励 {m(r.amount)} 元（{d} 决定）未发放",
                what_en=f"Reward of {m(r.amount)} to {r.person}{_ip_en(r)} decided {d} "
                "was never paid",
            )
        )
    paid_once = sum((p.amount for p in link.payments), ZERO)
    if link.how is MatchHow.DIFFERENT or link.extras:
        paid = link.paid
        diff = paid - r.amount
        kind = K.UNDERPAID if diff < 0 else K.OVERPAID
        zh_word = "少发" if diff < 0 else "多发"
        en_word = "less" if diff < 0 else "more"
        pays = link.payments + link.extras
        out.append(
            dsc.build(
                kind,
                entries=(r, *pays),
                expected=r.amount,
                actual=paid,
                difference=diff,
                date=r.date,
                what_zh=f"{r.person}{_ip_zh(r)} 奖励决定 {m(r.amount)} 元（{d}），实际发放 "
                f"{m(paid)} 元（{_dates(pays)}），{zh_word} {m(abs(diff))} 元",
                what_en=f"{r.person}{_ip_en(r)}: decided {m(r.amount)} on {d}, paid "
                f"{m(paid)} ({_dates(pays)}), {m(abs(diff))} {en_word} than decided",
            )
        )
    for dup in link.duplicates:
        out.append(
            dsc.build(
                K.DUPLICATE_PAYMENT,
                entries=(r, *link.payments, dup),
                expected=r.amount,
                actual=paid_once + dup.amount,
                difference=dup.amount,
                date=dup.date,
                what_zh=f"{r.person}{_ip_zh(r)} 奖励 {m(r.amount)} 元（{d} 决定）重复发放："
                f"{_dates(link.payments)} 已发放，{dsc.day(dup.date)} 再次发放 {m(dup.amount)} 元",
                what_en=f"Reward of {m(r.amount)} to {r.person}{_ip_en(r)} decided {d} was paid "
                f"twice: on {_dates(link.payments)} and again {m(dup.amount)} on "
                f"{dsc.day(dup.date)}",
            )
        )
    if link.paid_early:
        early = [p for p in link.payments if p.date and r.date and p.date < r.date]
        at_stake = sum((p.amount for p in early), ZERO)
        out.append(
            dsc.build(
                K.PAID_BEFORE_DECISION,
                entries=(r, *early),
                expected=None,
                actual=at_stake,
                difference=at_stake,
                date=early[0].date,
                what_zh=f"{r.person}{_ip_zh(r)} 奖励 {m(r.amount)} 元于 {_dates(early)} 发放，"
                f"早于 {d} 的奖励决定",
                what_en=f"Reward of {m(r.amount)} to {r.person}{_ip_en(r)} was paid on "
                f"{_dates(early)}, before its decision of {d}",
            )
        )
    return out


def _without_decision(p: Entry) -> Discrepancy:
    m, d = dsc.money, dsc.day(p.date)
    return dsc.build(
        K.PAYMENT_WITHOUT_DECISION,
        entries=(p,),
        expected=ZERO,
        actual=p.amount,
        difference=p.amount,
        date=p.date,
        what_zh=f"{p.person}{_ip_zh(p)} {d} 发放 {m(p.amount)} 元，无对应的奖励决定",
        what_en=f"Payment of {m(p.amount)} to {p.person}{_ip_en(p)} on {d} has no reward decision",
    )


def _penalty_paid(p: Entry, penalty: Entry | None) -> Discrepancy:
    m, d = dsc.money, dsc.day(p.date)
    if penalty is None:
        return dsc.build(
            K.PENALTY_PAID,
            entries=(p,),
            expected=ZERO,
            actual=p.amount,
            difference=p.amount,
            date=p.date,
            what_zh=f"奖金发放登记表中 {p.person} {d} 的 {m(p.amount)} 元是处罚/罚款，处罚不应发放",
            what_en=f"The payment register lists a penalty of {m(p.amount)} for {p.person} on {d}; "
            "penalties are not paid out",
        )
    pd = dsc.day(penalty.date)
    return dsc.build(
        K.PENALTY_PAID,
        entries=(penalty, p),
        expected=ZERO,
        actual=p.amount,
        difference=p.amount,
        date=p.date,
        what_zh=f"{p.person} 的处罚 {m(penalty.amount)} 元（{pd} 决定）出现在奖金发放登记表中"
        f"（{d} 发放 {m(p.amount)} 元）",
        what_en=f"Penalty of {m(penalty.amount)} on {p.person} decided {pd} appears in the payment "
        f"register as {m(p.amount)} paid on {d}",
    )
