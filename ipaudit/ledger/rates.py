"""The rate table of the reward/penalty procedure (知识产权奖惩制度) and the check against it.

A table maps an IP type (``ipnumber.IpType``) or a text category of the procedure (发明专利授权,
发明专利申请 …) to the amount one IP item earns. YAML form::

    # 知识产权奖惩制度 奖励标准（元）
    rates:
      invention: 5000            # or 发明专利 / 发明
      utility_model: 1000        # or 实用新型
      design: 500                # or 外观设计
      software_copyright: 500    # or 软件著作权
      trademark: 300             # or 商标
      发明专利申请: 1000          # any other key is a text category, matched in the reason text

Which rate applies to a reward: a text category found in its reason text (the longest one wins);
else the IP type its reason text names (发明专利/实用新型/外观设计/软件著作权/商标 …), because the
reason says what the decision rewarded; else the type its IP number shows (``ipnumber.classify``:
the patent type digit, 2025SR…, a trademark registration number). A reward with none of these, or
whose type has no rate in the table, is not checked.

Rewards of one IP item (the number as written) under one rate are checked together, because procedures often split one
item's reward among its inventors: the group is fine when its amounts add up to the rate, or when
every one of them equals the rate (a procedure paying each inventor in full). Otherwise the group is
a RATE_DEVIATION. Rewards without an IP number are checked one by one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ipaudit.domain.validation import RATE
from ipaudit.errors import reason_zh
from ipaudit.ledger import discrepancies as dsc
from ipaudit.ledger.columns import Columns, cents_of, split_penalties
from ipaudit.ledger.frames import integer_money
from ipaudit.ledger.ipnumber import IpType, classify
from ipaudit.ledger.model import Discrepancy, DiscrepancyKind, Entry
from ipaudit.resource_files import resource_path
from ipaudit.text import Text

DEFAULT_RATES_FILE = resource_path("ledger", "rates-default.yaml")
ZERO = Decimal("0.00")
_TYPE_VALUES = frozenset(t.value for t in IpType)

# Chinese names of the types, as rate-table keys and as words in reason texts (longest first)
TYPE_WORDS: dict[str, IpType] = {
    "软件著作权": IpType.SOFTWARE,
    "计算机软件": IpType.SOFTWARE,
    "软件著作": IpType.SOFTWARE,
    "软著": IpType.SOFTWARE,
    "实用新型": IpType.UTILITY_MODEL,
    "外观设计": IpType.DESIGN,
    "发明专利": IpType.INVENTION,
    "外观专利": IpType.DESIGN,
    "发明": IpType.INVENTION,
    "外观": IpType.DESIGN,
    "商标": IpType.TRADEMARK,
}

TYPE_TEXT: dict[IpType, Text] = {
    IpType.INVENTION: Text("发明专利", "invention patent"),
    IpType.UTILITY_MODEL: Text("实用新型", "utility model"),
    IpType.DESIGN: Text("外观设计", "design patent"),
    IpType.SOFTWARE: Text("软件著作权", "software copyright"),
    IpType.TRADEMARK: Text("商标", "trademark"),
    IpType.OTHER: Text("其他", "other"),
}


class RateTableError(ValueError):
    """A rate table that cannot be read; says which key and why, in Chinese and English
    (``text``; ``message`` gives the whole text when it is not about one key's amount)."""

    def __init__(
        self, source: str, key: str, raw: object, reason: Text, *, message: Text | None = None
    ):
        self.source, self.key, self.raw = source, key, raw
        self.text = message or Text(
            f"{source}：奖励标准“{key}”的金额“{raw}”{reason.zh}",
            f"{source}: rate '{key}' has amount '{raw}': {reason.en}",
        )
        super().__init__(self.text.en)

    @property
    def message_zh(self) -> str:
        return self.text.zh

    @property
    def message_en(self) -> str:
        return self.text.en


def parse_rate(raw: object, *, source: str = "", key: str = "") -> Decimal | None:
    """``5000``, ``"5,000"``, ``"5000元"``, ``"５０００"`` → 5000.00; blank → None; anything else
    (not finite, negative, 10⁹ or more, more than two decimals: ``validation.RATE``) raises
    ``RateTableError`` (a ``ValueError``) naming ``source`` and ``key``."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str, Decimal)):
        raise RateTableError(source, key, raw, Text("不是数字", "not a number"))
    text = unicodedata.normalize("NFKC", str(raw)).replace(",", "").replace("元", "").strip()
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise RateTableError(source, key, raw, Text("不是数字", "not a number")) from None
    if value.is_finite() and value < 0:
        raise RateTableError(source, key, raw, Text("必须是非负数", "must not be negative"))
    reason = RATE.problem(value)
    if reason is not None:
        raise RateTableError(source, key, raw, reason)
    return value.quantize(Decimal("0.01"))


def _amount(source: str, key: str, raw: object) -> Decimal:
    amount = parse_rate(raw, source=source, key=key)
    if amount is None:
        raise RateTableError(source, key, raw, Text("不是数字", "not a number"))
    return amount


@dataclass(slots=True)
class RateTable:
    types: dict[IpType, Decimal] = field(default_factory=dict)
    categories: dict[str, Decimal] = field(default_factory=dict)  # text category -> amount

    # -- construction and persistence ------------------------------------------------------
    @classmethod
    def from_dict(cls, data: Mapping[str, object], *, source: str = "rates") -> RateTable:
        """Keys: IpType values (``invention``), Chinese type names (``发明专利``) or categories."""
        table = cls()
        for raw_key, raw in data.items():
            key = unicodedata.normalize("NFKC", str(raw_key)).strip()
            if not key:
                raise RateTableError(
                    source, key, raw, Text("没有名称", "has no name (use TYPE=AMOUNT)")
                )
            amount = _amount(source, key, raw)
            if key in _TYPE_VALUES:
                table.types[IpType(key)] = amount
            elif key in TYPE_WORDS:
                table.types[TYPE_WORDS[key]] = amount
            else:
                table.categories[key] = amount
        return table

    def to_dict(self) -> dict[str, Decimal]:
        """Type values first, then the text categories."""
        out: dict[str, Decimal] = {t.value: a for t, a in self.types.items()}
        out.update(self.categories)
        return out

    @classmethod
    def load(cls, path: str | Path) -> RateTable:
        """Read a YAML file: a mapping of key to amount, optionally under ``rates:``."""
        path = Path(path)
        try:
            if path.exists() and not path.is_file():  # a folder, device or pipe
                raise IsADirectoryError(0, "not a file", str(path))
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
            why = reason_zh(exc)
            raise RateTableError(
                str(path),
                "rates",
                reason,
                Text("", ""),
                message=Text(
                    f"奖励标准文件 {path} 无法读取{'（' + why + '）' if why else ''}；"
                    "请给出 UTF-8 编码的 YAML 文件。",
                    f"The rates file {path} cannot be read ({reason}); give a UTF-8 YAML file.",
                ),
            ) from None
        import yaml  # here, not at import: opening a workspace needs no YAML

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise RateTableError(
                str(path), "rates", str(exc), Text("无法解析", "not valid YAML")
            ) from None
        if isinstance(data, Mapping) and isinstance(data.get("rates"), Mapping):
            data = data["rates"]
        if not isinstance(data, Mapping):
            raise RateTableError(
                str(path), "rates", type(data).__name__, Text("不是键值表", "not a mapping")
            )
        return cls.from_dict(data, source=str(path))

    def save(self, path: str | Path) -> None:
        """Write YAML that :meth:`load` reads back to an equal table (amounts as written)."""
        rates = {
            k: int(v) if v == v.to_integral_value() else str(v) for k, v in self.to_dict().items()
        }
        import yaml

        header = "# 知识产权奖惩制度 奖励标准（元） / reward rates of the procedure (yuan)\n"
        body = yaml.safe_dump({"rates": rates}, allow_unicode=True, sort_keys=False)
        Path(path).write_text(header + body, encoding="utf-8")

    @classmethod
    def default(cls) -> RateTable:
        """The shipped example table (``ipaudit/resources/ledger/rates-default.yaml``)."""
        return cls.load(DEFAULT_RATES_FILE)

    # -- lookup ----------------------------------------------------------------------------
    def text_rate(self, text: str) -> tuple[str, Decimal] | None:
        """The rate a reason text names: a category of the table, else an IP type word."""
        if not text:
            return None
        text = unicodedata.normalize("NFKC", text)
        hits = [c for c in self.categories if c in text]
        if hits:
            best = max(hits, key=len)
            return best, self.categories[best]
        for word, kind in TYPE_WORDS.items():
            if word in text:
                return (kind.value, self.types[kind]) if kind in self.types else None
        return None

    def number_rate(self, number: str) -> tuple[str, Decimal] | None:
        """The rate of the IP type a number shows (patent type digit, 2025SR…, trademark)."""
        kind = classify(number) if number else IpType.OTHER
        return (kind.value, self.types[kind]) if kind in self.types else None

    def rate_for(self, reward: Entry) -> tuple[str, Decimal] | None:
        """(rate key, amount) for a reward, or None when the table has no rate for it."""
        return self.text_rate(reward.text) or self.number_rate(reward.ip_number)


def key_text(key: str, lang: str) -> str:
    """A rate key as the user reads it."""
    if key in _TYPE_VALUES:
        return TYPE_TEXT[IpType(key)].get(lang)
    return key


def check_rates(rewards: Iterable[Entry] | Columns, table: RateTable) -> list[Discrepancy]:
    """RATE_DEVIATION findings for rewards (penalties are skipped); see the module docstring."""
    rc = rewards if isinstance(rewards, Columns) else Columns(list(rewards))
    return check_decision_rates(split_penalties(rc)[0], table)


def check_decision_rates(rc: Columns, table: RateTable) -> list[Discrepancy]:
    """``check_rates`` of reward decisions, which hold no penalties (the matcher's own part)."""
    import polars as pl

    rewards = rc.entries
    texts, numbers = rc.text_series("text"), rc.text_series("ip_number")
    # the rate of each reward: named by its reason text, else shown by its IP number
    by_text = {t: table.text_rate(t) for t in texts.unique().to_list()}
    by_number: dict[str, tuple[str, Decimal] | None] = {}
    if None in by_text.values():
        unnamed = texts.is_in([t for t, r in by_text.items() if r is None])
        by_number = {n: table.number_rate(n) for n in numbers.filter(unnamed).unique().to_list()}
    amounts = table.to_dict()
    money = integer_money(rc, extra=[_cents(a) for a in amounts.values()])
    units = {key: money.unit(_cents(a)) for key, a in amounts.items()}

    def key_of(column: str, rates: dict[str, tuple[str, Decimal] | None]) -> pl.Expr:
        keys = {k: r[0] for k, r in rates.items() if r}
        return pl.col(column).replace_strict(keys, default=None, return_dtype=pl.String)

    frame = (
        pl.DataFrame({"ip": numbers, "text": texts, "amount": money.series[0]})
        .with_row_index("n")
        .with_columns(key=pl.coalesce(key_of("text", by_text), key_of("ip", by_number)))
        .filter(pl.col("key").is_not_null())  # a reward with no rate is not checked
        .with_columns(
            should=pl.col("key").replace_strict(units, return_dtype=money.series[0].dtype)
        )
        .with_columns(off=pl.col("amount") != pl.col("should"))
    )
    if not frame["off"].any():
        return []
    found: list[Discrepancy] = []
    # rewards of one IP item under one rate are judged together (inventors sharing a reward): a
    # group with a reward off the rate deviates unless the group adds up to the rate
    items = frame.filter(pl.col("ip") != "")
    wrong = (
        items.group_by("ip", "key")
        .agg(pl.col("should").first(), pl.col("off").any(), pl.col("amount").sum())
        .filter(pl.col("off") & (pl.col("amount") != pl.col("should")))
        .select("ip", "key")
    )
    rows = items.join(wrong, on=["ip", "key"], how="semi", maintain_order="left")
    groups: dict[tuple[str, str], list[int]] = {}
    for ip, key, n in rows.select("ip", "key", "n").iter_rows():
        groups.setdefault((ip, key), []).append(n)
    for (_, key), members in groups.items():
        found.append(_deviation(key, amounts[key], [rewards[n] for n in members]))
    single = frame.filter((pl.col("ip") == "") & pl.col("off"))
    for key, n in zip(single["key"].to_list(), single["n"].to_list(), strict=True):
        found.append(_deviation(key, amounts[key], [rewards[n]]))
    return found


def _cents(amount: Decimal) -> int | Decimal:
    return cents_of((amount,))[0]


def _deviation(rkey: str, rate: Decimal, members: list[Entry]) -> Discrepancy:
    m = dsc.money
    actual = sum((r.amount for r in members), ZERO)
    first = members[0]
    ip = first.ip_number or first.text
    names = dsc.person_names(members)
    dates = ", ".join(sorted({dsc.day(r.date) for r in members}))
    return dsc.build(
        DiscrepancyKind.RATE_DEVIATION,
        entries=members,
        expected=rate,
        actual=actual,
        difference=actual - rate,
        date=first.date,
        what=Text(
            f"{names.zh} {ip} 奖励 {m(actual)} 元（{dates} 决定）不符合奖励标准："
            f"{key_text(rkey, 'zh')} {m(rate)} 元，相差 {dsc.signed(actual - rate)} 元",
            f"Reward of {m(actual)} to {names.en} for {ip} decided {dates} is off the rate "
            f"for {key_text(rkey, 'en')} ({m(rate)}), difference {dsc.signed(actual - rate)}",
        ),
    )
