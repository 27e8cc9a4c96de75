"""Reward record ↔ payment register: which payments settle which reward decisions.

Rewards and payments are matched per person and IP item, in passes from the most to the least
certain, so that a clear match is never spoiled by a doubtful one:

1. same person, same IP item, same amount — one payment settles one reward (the earliest payment
   on or after the decision; failing that, one dated before it, which is then reported). IP numbers
   compare without prefix, dot and check digit (``ipkeys``);
2. same person and IP item, several payments adding up exactly to one reward (instalments);
3. when one side leaves the IP item blank: same person, same amount, paid within ``window_days``
   after the decision, the pairs closest in time first; then instalments the same way (a reward
   whose IP item is named by an open payment is left to that payment);
4. what is still open: a payment marked as a penalty is a penalty paid; a payment equal to a reward
   of the same IP item that is already settled is a duplicate payment; a payment of the amount of a
   penalty decided for that person (and naming the same IP item, usually none) is a penalty paid;
   a payment without IP item equal to a reward settled within the window is a duplicate;
5. the rest is paired by person and IP item (a blank IP within the window) with the latest reward
   decided on or before the payment: such a reward was paid more or less than decided; a reward
   with nothing is unpaid; a payment with no reward at all has no decision; an extra payment for a
   person and IP item whose rewards are all settled overpays the latest of them.

Every reward with payments dated before its decision is reported once as paid before the decision.
A negative payment (a reversal, 冲销) that cancels an open payment of the same person, IP item and
amount sets both aside; one that cancels nothing counts against the reward it belongs to.

Speed (10⁵ rows per ledger): the usual case needs no per-row Python step. A reward and a payment
that are the only ones of their person, IP number as written and amount pair up in one join of the
two ledgers (``frames``, on polars); payments without IP item whose person and amount are unique
among what is open are paired the same way. Only what these leave goes through the careful
per-group passes, which see a few rows each. The subset search for instalments looks at 16 open
payments of one group at most.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from itertools import compress
from operator import not_
from typing import TYPE_CHECKING

from ipaudit.ledger import discrepancies as dsc
from ipaudit.ledger import frames
from ipaudit.ledger.columns import Columns, columns, split_penalties
from ipaudit.ledger.ipkeys import IpKeys
from ipaudit.ledger.model import Discrepancy, DiscrepancyKind, Entry
from ipaudit.text import Text

if TYPE_CHECKING:
    import polars

K = DiscrepancyKind
ZERO = Decimal("0.00")
_MAX_SUBSET = 16
_OPEN = -1
_CLOSED = -2  # a duplicate, a penalty paid out, or an extra payment: not settling a reward
_MULTI = -3  # a reward settled by several payments


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


def _date_key(entry: Entry) -> dt.date:
    return entry.date or dt.date.min


class RewardMatching:
    """The outcome: per reward its payments; per payment its reward; the findings.

    ``rewards`` are the reward decisions (penalties excluded) in input order; indices below refer
    to them and to ``payments``. :meth:`link` builds a :class:`RewardLink` on request, so a large
    ledger costs no per-row objects until a view asks for them.
    """

    def __init__(self, m: _Matcher, discrepancies: list[Discrepancy], unclean: set[int]) -> None:
        self.rewards = m.R
        self.penalties = m.penalties
        self.penalty_columns = m.penalty_columns
        self.payments = m.P
        self.reward_columns = m.rc  # of the reward decisions (penalties excluded)
        self.payment_columns = m.pc
        self._paid = m.paid
        self._multi = m.multi
        self._owner = m.owner
        self._alloc = m.alloc
        self._early = m.early
        self._dups: dict[int, list[int]] = defaultdict(list)
        for j, i in m.dup_of.items():
            self._dups[i].append(j)
        self._extras: dict[int, list[int]] = defaultdict(list)
        for j, i in m.extra_of.items():
            self._extras[i].append(j)
        self._closed_of = {**m.dup_of, **m.extra_of}
        self.orphans: list[int] = m.orphans  # payments without decision, penalties paid
        self.reversals: dict[int, int] = m.reversal_of  # negative payment -> payment cancelled
        self.discrepancies = discrepancies
        self.unclean = unclean  # reward indices not settled cleanly
        self._links: list[RewardLink] | None = None

    def payment_indices(self, i: int) -> tuple[int, ...]:
        x = self._paid[i]
        if x >= 0:
            return (x,)
        return self._multi[i] if x == _MULTI else ()

    def link(self, i: int) -> RewardLink:
        P = self.payments
        pays = tuple(P[j] for j in self.payment_indices(i))
        if not pays:
            how = MatchHow.UNPAID
        elif i in self._alloc and sum((p.amount for p in pays), ZERO) != self.rewards[i].amount:
            how = MatchHow.DIFFERENT
        else:
            how = MatchHow.EXACT if len(pays) == 1 else MatchHow.INSTALMENTS
        return RewardLink(
            reward=self.rewards[i],
            payments=pays,
            how=how,
            duplicates=tuple(P[j] for j in self._dups.get(i, ())),
            extras=tuple(P[j] for j in self._extras.get(i, ())),
            paid_early=i in self._early,
        )

    @property
    def links(self) -> list[RewardLink]:
        """One link per reward decision, in input order (built on first use)."""
        if self._links is None:
            self._links = [self.link(i) for i in range(len(self.rewards))]
        return self._links

    def reward_of(self, j: int) -> int | None:
        """The reward a payment settles (or duplicates, or overpays), else None."""
        i = self._owner[j]
        return i if i >= 0 else self._closed_of.get(j)

    @property
    def rewards_matched(self) -> int:
        return len(self.rewards) - len(self.unclean)

    def payment_clean(self, j: int) -> bool:
        i = self._owner[j]
        return i >= 0 and i not in self.unclean

    @property
    def payments_matched(self) -> int:
        owned = len(self._owner) - self._owner.count(_OPEN) - self._owner.count(_CLOSED)
        return owned - sum(len(self.payment_indices(i)) for i in self.unclean)


class _Matcher:
    def __init__(
        self,
        rewards: Sequence[Entry] | Columns,
        payments: Sequence[Entry] | Columns,
        window_days: int,
        keys: IpKeys,
    ) -> None:
        rc, pens = split_penalties(columns(rewards))
        self.penalty_columns = pens
        self.penalties: list[Entry] = list(pens.entries)
        self.rc = rc  # columns of the reward decisions
        self.pc = columns(payments)
        self.R = rc.entries
        self.P = self.pc.entries
        self.window = dt.timedelta(days=window_days)
        self.keys = keys
        # paid[i]: _OPEN, the one payment's index, or _MULTI (indices in multi[i])
        self.paid: list[int] = [_OPEN] * len(self.R)
        self.multi: dict[int, tuple[int, ...]] = {}
        # owner[j]: _OPEN, the reward's index, or _CLOSED
        self.owner: list[int] = [_OPEN] * len(self.P)
        self.penalty_payments = list(compress(range(len(self.P)), self.pc.is_penalty))
        self.dup_of: dict[int, int] = {}
        self.extra_of: dict[int, int] = {}
        self.reversal_of: dict[int, int] = {}  # negative payment -> the payment it cancels
        self.penalty_of: dict[int, Entry | None] = {}
        self.alloc: set[int] = set()  # rewards settled by what was left (pass 5)
        self.early: set[int] = set()
        self.orphans: list[int] = []
        self.open_r: list[int] = []
        self.open_p: list[int] = []
        self._rk: dict[int, str] = {}
        self._pk: dict[int, str] = {}
        # both ledgers' amounts as integer series (``frames.integer_money``)
        self.money: list[polars.Series] = frames.integer_money(rc, self.pc).series

    # -- helpers ---------------------------------------------------------------------------
    def _settle(self, i: int, js: tuple[int, ...]) -> None:
        if len(js) == 1:
            self.paid[i] = js[0]
        else:
            self.paid[i] = _MULTI
            self.multi[i] = js
        for j in js:
            self.owner[j] = i

    def _refresh_open(self) -> None:
        paid, owner = self.paid, self.owner
        self.open_r = [i for i in self.open_r if paid[i] == _OPEN]
        self.open_p = [j for j in self.open_p if owner[j] == _OPEN]

    def rk(self, i: int) -> str:
        k = self._rk.get(i)
        return self.keys(self.R[i].ip_number) if k is None else k

    def pk(self, j: int) -> str:
        k = self._pk.get(j)
        return self.keys(self.P[j].ip_number) if k is None else k

    def canonical_keys(self) -> None:
        """The comparison keys (``ipkeys``) of what the first pass left open, computed at once."""
        import polars as pl

        open_r, open_p = self.open_r, self.open_p
        numbers = pl.concat(
            [
                self.rc.text_series("ip_number").gather(open_r),
                self.pc.text_series("ip_number").gather(open_p),
            ]
        )
        keys = self.keys.of_series(numbers)
        self._rk = dict(zip(open_r, keys[: len(open_r)], strict=True))
        self._pk = dict(zip(open_p, keys[len(open_r) :], strict=True))

    def claimed(self) -> set[int]:
        """Open rewards whose own IP item is on an open payment of that person: that payment
        (or what pass 5 makes of it) is theirs, not a payment without IP item."""
        import polars as pl

        open_r, open_p = self.open_r, self.open_p
        if not open_r or not open_p:
            return set()
        rkeys = pl.Series(list(map(self.rk, open_r)), dtype=pl.String)
        pkeys = pl.Series(list(map(self.pk, open_p)), dtype=pl.String)
        found = frames.found_in(
            (self.rc.text_series("person").gather(open_r), rkeys),
            (
                self.pc.text_series("person").gather(open_p).filter(pkeys != ""),
                pkeys.filter(pkeys != ""),
            ),
        )
        return set(map(open_r.__getitem__, found))  # (a blank key is never among pkeys)

    def _in_window(self, r: Entry, p: Entry) -> bool:
        if r.date is None or p.date is None:
            return True
        return r.date <= p.date <= r.date + self.window

    def _compatible(self, i: int, j: int) -> bool:
        """Same person, and same IP item — or one side blank and paid within the window."""
        r, p = self.R[i], self.P[j]
        if r.person != p.person:
            return False
        rk, pk = self.rk(i), self.pk(j)
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
    def exact_fast(self) -> None:
        """Pair a reward and a payment that are the only ones of their person, IP number (as
        written) and amount: one join of the two ledgers (``frames``). Every other row — an
        item paid twice, in instalments, without IP number, a penalty paid — waits for the
        careful passes below, which see few rows."""
        rc, pc = self.rc, self.pc
        r_cents, p_cents = self.money
        pairs = frames.unique_pairs(
            (rc.text_series("ip_number"), rc.text_series("person"), r_cents),
            (pc.text_series("ip_number"), pc.text_series("person"), p_cents),
            skip_right=self.penalty_payments,
            unmatched=_OPEN,
        )
        self.paid, self.owner = pairs.to_right, pairs.to_left
        self.open_r, self.open_p = pairs.open_left, pairs.open_right

    def keyed(self) -> None:
        """What is open, by person and IP item (written any way: prefix, dot, check digit):
        one payment of the amount, else instalments."""
        R, P = self.R, self.P
        groups: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
        open_r = self.open_r
        rks = list(map(self.rk, open_r))
        for i, k in zip(open_r, rks, strict=True):
            if k:
                groups.setdefault((R[i].person, k), ([], []))[0].append(i)
        if not groups:
            return
        open_p = self.open_p
        pks = list(map(self.pk, open_p))
        for j, k in zip(open_p, pks, strict=True):
            if k:
                g = groups.get((P[j].person, k))
                if g is not None:
                    g[1].append(j)
        R, P = self.R, self.P
        for rl, pl in groups.values():
            if not pl:
                continue
            if len(rl) == 1:  # the usual shapes, without the general search
                i = rl[0]
                amount = R[i].amount
                if len(pl) == 1:
                    if P[pl[0]].amount == amount:
                        self._settle(i, (pl[0],))
                    continue
                two = len(pl) == 2 and P[pl[0]].amount > 0 and P[pl[1]].amount > 0
                if two and P[pl[0]].amount + P[pl[1]].amount == amount:
                    self._settle(i, tuple(sorted(pl, key=lambda j: (_date_key(P[j]), j))))
                    continue
            self._exact_group(rl, pl, windowed=False)
            if len(pl) >= 2:
                self._instalments(rl, pl)
        self._refresh_open()

    def _exact_group(self, rl: list[int], pl: list[int], *, windowed: bool) -> None:
        R, P = self.R, self.P
        rl = sorted(rl, key=lambda i: (_date_key(R[i]), i))
        pl = sorted(pl, key=lambda j: (_date_key(P[j]), j))
        for on_time in (True, False):
            if windowed and not on_time:
                break
            for i in rl:
                if self.paid[i] != _OPEN:
                    continue
                r = R[i]
                for j in pl:
                    if self.owner[j] != _OPEN or P[j].amount != r.amount:
                        continue
                    if not self._compatible(i, j):
                        continue
                    p = P[j]
                    if on_time and r.date and p.date and p.date < r.date:
                        continue
                    self._settle(i, (j,))
                    break

    # -- pass 2: instalments ----------------------------------------------------------------
    def _instalments(self, rl: list[int], pl: list[int]) -> None:
        R, P = self.R, self.P
        pl = sorted(pl, key=lambda j: (_date_key(P[j]), j))
        for i in sorted(rl, key=lambda i: (_date_key(R[i]), i)):
            if self.paid[i] != _OPEN:
                continue
            r = R[i]
            cands = [j for j in pl if self.owner[j] == _OPEN and self._compatible(i, j)]
            if len(cands) < 2:
                continue
            on_time = [j for j in cands if not (r.date and (d := P[j].date) and d < r.date)]
            found = self._subset(r.amount, on_time) if len(on_time) >= 2 else None
            if found is None and len(on_time) < len(cands):
                found = self._subset(r.amount, cands)
            if found is not None:
                self._settle(i, found)

    # -- reversals --------------------------------------------------------------------------
    def reversals(self) -> None:
        """A negative payment (冲销) cancels an open payment of the same person, IP item and
        amount — the latest one on or before it; the two are set aside together."""
        P = self.P
        negative = [j for j in self.open_p if P[j].amount < 0]
        if not negative:
            return
        by_person: dict[str, list[int]] = defaultdict(list)
        for k in self.open_p:
            if P[k].amount > 0:
                by_person[P[k].person].append(k)
        for j in negative:
            p = P[j]
            pk = self.pk(j)
            cands = []
            for k in by_person.get(p.person, ()):
                q = P[k]
                if self.owner[k] != _OPEN or q.amount != -p.amount:
                    continue
                qk = self.pk(k)
                if pk and qk and pk != qk:
                    continue
                late = bool(p.date and q.date and q.date > p.date)
                cands.append((late, not (pk and pk == qk), -(_date_key(q).toordinal()), k))
            if cands:
                k = min(cands)[-1]
                self.owner[j] = self.owner[k] = _CLOSED
                self.reversal_of[j] = k
        self._refresh_open()

    # -- pass 3: one side without an IP item ------------------------------------------------
    def blank_ip(self) -> None:
        if not self.open_r or not self.open_p:
            return
        R, P = self.R, self.P
        # rewards whose own IP item is on an open payment are likely that payment's (pass 5)
        claimed = self.claimed()
        by_person_r: dict[str, list[int]] = defaultdict(list)
        for i in self.open_r:
            by_person_r[R[i].person].append(i)
        by_person_p: dict[str, list[int]] = defaultdict(list)
        for j in self.open_p:
            person = P[j].person
            if person in by_person_r:
                by_person_p[person].append(j)
        for person, pl in by_person_p.items():
            rl = by_person_r[person]
            if all(self.rk(i) for i in rl) and all(self.pk(j) for j in pl):
                continue  # both sides carry IP items: nothing blank to match here
            self._exact_nearest(rl, pl, claimed)
            pl = [j for j in pl if self.owner[j] == _OPEN]
            rl = [i for i in rl if self.paid[i] == _OPEN]
            if len(pl) >= 2 and rl:
                self._instalments([i for i in rl if i not in claimed], pl)
                self._instalments([i for i in rl if i in claimed], pl)
        self._refresh_open()

    def blank_fast(self) -> None:
        """A payment without IP item whose (person, amount) is found once among the open payments
        and once among the open rewards, within the window, belongs to that reward — unless the
        reward is claimed by a payment naming its IP item. Runs before the keyed passes (it only
        takes unclaimed rewards, which those passes cannot settle) so that they see few rows."""
        R, P = self.R, self.P
        open_r = self.open_r
        if not open_r or not self.open_p:
            return
        pip = self.pc.ip_number
        blank = list(compress(self.open_p, map(not_, map(pip.__getitem__, self.open_p))))
        if not blank:
            return
        claimed = self.claimed()
        rc, pc = self.rc, self.pc
        ra, pa = frames.unique_matches(
            (rc.text_series("person").gather(open_r), self.money[0].gather(open_r)),
            (pc.text_series("person").gather(blank), self.money[1].gather(blank)),
        )
        for i, j in zip(map(open_r.__getitem__, ra), map(blank.__getitem__, pa), strict=True):
            if i not in claimed and self._in_window(R[i], P[j]):
                self._settle(i, (j,))
        self._refresh_open()

    def _exact_nearest(self, rl: list[int], pl: list[int], claimed: set[int]) -> None:
        """Equal amounts within the window: unclaimed rewards first, then the pairs closest in
        time first."""
        R, P = self.R, self.P
        pairs = []
        for i in rl:
            if self.paid[i] != _OPEN:
                continue
            r = R[i]
            for j in pl:
                p = P[j]
                if self.owner[j] == _OPEN and p.amount == r.amount and self._compatible(i, j):
                    gap = (p.date - r.date).days if p.date and r.date else 0
                    pairs.append((i in claimed, gap, _date_key(r), i, j))
        pairs.sort()
        for *_, i, j in pairs:
            if self.paid[i] == _OPEN and self.owner[j] == _OPEN:
                self._settle(i, (j,))

    # -- pass 4: duplicates and penalties ---------------------------------------------------
    def duplicates_and_penalties(self, person_rewards: dict[str, list[int]]) -> None:
        R, P = self.R, self.P
        pen_by_person: dict[str, list[Entry]] = defaultdict(list)
        for pen in self.penalties:
            pen_by_person[pen.person].append(pen)
        for j in self.penalty_payments:
            p = P[j]
            self.owner[j] = _CLOSED
            self.penalty_of[j] = self._penalty_for(p, pen_by_person.get(p.person, ()))
        for j in self.open_p:
            p = P[j]
            settled = [
                i
                for i in person_rewards.get(p.person, ())
                if self.paid[i] != _OPEN and R[i].amount == p.amount and self._compatible(i, j)
            ]
            pk = self.pk(j)
            # the same IP item settled already: a duplicate, whatever penalties there are
            keyed = [i for i in settled if pk and self.rk(i) == pk]
            if keyed:
                self._duplicate(j, self._latest_before(keyed, p))
                continue
            penalty = self._penalty_for(p, pen_by_person.get(p.person, ()))
            if (
                penalty is not None
                and penalty.amount == abs(p.amount)
                and self.keys(penalty.ip_number) == pk  # a payment naming an IP item is no fine
            ):
                self.owner[j] = _CLOSED
                self.penalty_of[j] = penalty
            elif settled:
                self._duplicate(j, self._latest_before(settled, p))
        self._refresh_open()

    def _duplicate(self, j: int, i: int) -> None:
        """Payment ``j`` pays reward ``i`` again. Of the two, the earlier one paid on time
        settles the reward and the other is the duplicate."""
        P, r = self.P, self.R[i]
        self.owner[j] = _CLOSED
        x = self.paid[i]
        if x >= 0:

            def rank(n: int) -> tuple[bool, dt.date]:
                d = P[n].date
                return (bool(r.date and d and d < r.date), d or dt.date.max)

            if rank(j) < rank(x):
                self.paid[i], self.owner[j], self.owner[x] = j, i, _CLOSED
                j = x
        self.dup_of[j] = i

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
        before = [i for i in rl if (d := R[i].date) is None or p.date is None or d <= p.date]
        if before:
            return max(before, key=lambda i: (_date_key(R[i]), i))
        return min(rl, key=lambda i: (_date_key(R[i]), i))

    # -- pass 5: what is left ---------------------------------------------------------------
    def leftovers(self, person_rewards: dict[str, list[int]]) -> None:
        open_set = set(self.open_r)
        alloc: dict[int, list[int]] = {}
        for j in self.open_p:
            p = self.P[j]
            pk = self.pk(j)
            rl = person_rewards.get(p.person, ())
            keyed = [i for i in rl if i in open_set and pk and self.rk(i) == pk]
            cands = keyed or [i for i in rl if i in open_set and self._compatible(i, j)]
            if cands:
                i = self._latest_before(cands, p)
                alloc.setdefault(i, []).append(j)
                self.owner[j] = i
                continue
            settled = [i for i in rl if pk and self.rk(i) == pk and self.paid[i] != _OPEN]
            if settled:
                self.owner[j] = _CLOSED
                self.extra_of[j] = self._latest_before(settled, p)
        for i, js in alloc.items():
            self._settle(i, tuple(js))
            self.alloc.add(i)
        self._refresh_open()

    # -- paid before the decision -----------------------------------------------------------
    def mark_early(self) -> None:
        """Rewards with a payment dated before the decision (a missing date never is)."""
        import polars as pl

        paid = pl.Series(self.paid, dtype=pl.Int64)
        single = paid >= 0  # open (-1) and multi (-3) rewards: below
        pay_dates = self.pc.date_series().gather(paid.filter(single))
        decided = self.rc.date_series().filter(single)
        early = single.arg_true().filter(pay_dates < decided)  # null dates compare to null
        self.early.update(early.to_list())
        R, P = self.R, self.P
        for i, js in self.multi.items():
            r = R[i].date
            if r is not None and any((d := P[j].date) is not None and d < r for j in js):
                self.early.add(i)


def match_rewards(
    rewards: Sequence[Entry] | Columns,
    payments: Sequence[Entry] | Columns,
    *,
    window_days: int = 180,
    keys: IpKeys | None = None,
    compared: bool = True,
) -> RewardMatching:
    """Match reward decisions (penalties are set aside) with payments; see the module docstring.

    ``window_days``: when one side has no IP item, how long after its decision a payment may
    still settle a reward. ``compared=False``: one of the two ledgers was not imported, so no
    finding compares them (a payment marked as a penalty is still one).
    """
    m = _Matcher(rewards, payments, window_days, keys or IpKeys())
    m.exact_fast()
    m.canonical_keys()
    m.blank_fast()
    m.keyed()
    m.reversals()
    m.blank_ip()
    open_persons = {m.P[j].person for j in m.open_p} | {m.P[j].person for j in m.penalty_payments}
    person_rewards: dict[str, list[int]] = defaultdict(list)
    if open_persons:
        persons = m.rc.text_series("person")
        for i in persons.is_in(list(open_persons)).arg_true().to_list():
            person_rewards[m.R[i].person].append(i)
    m.duplicates_and_penalties(person_rewards)
    m.leftovers(person_rewards)
    m.mark_early()
    return _result(m, compared)


def _result(m: _Matcher, compared: bool = True) -> RewardMatching:
    unclean: set[int] = set(m.open_r) | m.alloc | m.early
    unclean.update(m.dup_of.values())
    unclean.update(m.extra_of.values())
    m.orphans.extend(sorted([*m.open_p, *m.penalty_of]))
    result = RewardMatching(m, [], unclean)
    found = result.discrepancies
    for i in sorted(unclean) if compared else ():
        found.extend(_link_findings(result.link(i)))
    for j in m.orphans:
        p = m.P[j]
        if j in m.penalty_of:
            found.append(_penalty_paid(p, m.penalty_of[j]))
        elif compared:
            found.append(_without_decision(p))
    return result


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
                what=Text(
                    f"{r.person}{_ip_zh(r)} 奖励 {m(r.amount)} 元（{d} 决定）未发放",
                    f"Reward of {m(r.amount)} to {r.person}{_ip_en(r)} decided {d} was never paid",
                ),
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
                what=Text(
                    f"{r.person}{_ip_zh(r)} 奖励决定 {m(r.amount)} 元（{d}），实际发放 "
                    f"{m(paid)} 元（{_dates(pays)}），{zh_word} {m(abs(diff))} 元",
                    f"{r.person}{_ip_en(r)}: decided {m(r.amount)} on {d}, paid "
                    f"{m(paid)} ({_dates(pays)}), {m(abs(diff))} {en_word} than decided",
                ),
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
                what=Text(
                    f"{r.person}{_ip_zh(r)} 奖励 {m(r.amount)} 元（{d} 决定）重复发放："
                    f"{_dates(link.payments)} 已发放，{dsc.day(dup.date)} 再次发放 {m(dup.amount)} 元",
                    f"Reward of {m(r.amount)} to {r.person}{_ip_en(r)} decided {d} was paid "
                    f"twice: on {_dates(link.payments)} and again {m(dup.amount)} on "
                    f"{dsc.day(dup.date)}",
                ),
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
                what=Text(
                    f"{r.person}{_ip_zh(r)} 奖励 {m(r.amount)} 元于 {_dates(early)} 发放，"
                    f"早于 {d} 的奖励决定",
                    f"Reward of {m(r.amount)} to {r.person}{_ip_en(r)} was paid on "
                    f"{_dates(early)}, before its decision of {d}",
                ),
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
        what=Text(
            f"{p.person}{_ip_zh(p)} {d} 发放 {m(p.amount)} 元，无对应的奖励决定",
            f"Payment of {m(p.amount)} to {p.person}{_ip_en(p)} on {d} has no reward decision",
        ),
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
            what=Text(
                f"奖金发放登记表中 {p.person} {d} 的 {m(p.amount)} 元是处罚/罚款，处罚不应发放",
                f"The payment register lists a penalty of {m(p.amount)} for {p.person} on {d}; "
                "penalties are not paid out",
            ),
        )
    pd = dsc.day(penalty.date)
    return dsc.build(
        K.PENALTY_PAID,
        entries=(penalty, p),
        expected=ZERO,
        actual=p.amount,
        difference=p.amount,
        date=p.date,
        what=Text(
            f"{p.person} 的处罚 {m(penalty.amount)} 元（{pd} 决定）出现在奖金发放登记表中"
            f"（{d} 发放 {m(p.amount)} 元）",
            f"Penalty of {m(penalty.amount)} on {p.person} decided {pd} appears in the payment "
            f"register as {m(p.amount)} paid on {d}",
        ),
    )
