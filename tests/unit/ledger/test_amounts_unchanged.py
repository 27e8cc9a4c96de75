"""Ledger amount texts read exactly as they were read before the number rules moved to the domain.

``data/amount_texts.json`` holds, for a seeded corpus of amount texts built from the parts ledgers
are written with (capital numerals 壹万贰仟, 元角分, 万元 sheets, mixed 1.2万, full-width digits,
currency signs, signs and brackets, and random runs of numeral characters that are mostly
malformed), what ``parse_amount`` returned — the amount, or the reason it refused — when the ledger
had its own numeral tables. A changed amount or a changed refusal shows here.

Regenerate only on purpose: ``.venv/bin/python -m tests.unit.ledger.test_amounts_unchanged``.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.ledger.normalize import NormalizeError, parse_amount

DATA = Path(__file__).parent / "data" / "amount_texts.json"
WAN = Decimal(10000)
FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")

_CAPITAL = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿"
_LOWER = "〇一二两三四五六七八九十百千萬億"
_MONEY = "元角分整圆"
_PREFIXES = ("",) * 12 + ("¥", "￥", "人民币", "RMB ", "-", "负", "(", "大写", "¥-", "-¥", " ")
_SUFFIXES = ("",) * 12 + ("元", "元整", "整", "正", "角", "分", ")", "万元", "-", " ", "圆整")


def _spell(n: int, digits: str, units: str) -> str:
    """A well-formed spelling of 0 <= n < 10**12 (digits: 零一…九; units: 十百千)."""
    if n == 0:
        return digits[0]

    def section(m: int) -> str:  # 0 < m < 10000, without a leading 零
        out, zero = "", False
        for pos in range(3, -1, -1):
            d = m // 10**pos % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out += digits[0]
                zero = False
            out += digits[d] + (units[pos - 1] if pos else "")
        return out

    out, gap = "", False
    for value, big in ((n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")):
        if value == 0:
            gap = bool(out)
            continue
        if out and (gap or value < 1000):
            out += digits[0]
        out += section(value) + big
        gap = False
    return out


def _fraction(rng: random.Random, digits: str) -> str:
    jiao, fen = rng.randrange(10), rng.randrange(10)
    kind = rng.randrange(5)
    if kind == 0:
        return ""
    if kind == 1:
        return f"{digits[jiao]}角"
    if kind == 2:
        return f"{digits[jiao]}角{digits[fen]}分"
    if kind == 3:
        return f"零{digits[fen]}分"
    return f"{digits[fen]}分"


def _arabic(rng: random.Random) -> str:
    n = rng.choice([rng.randrange(10), rng.randrange(10**4), rng.randrange(10**9)])
    text = f"{n:,}" if rng.random() < 0.4 else str(n)
    if rng.random() < 0.5:
        text += "." + "".join(str(rng.randrange(10)) for _ in range(rng.randrange(1, 4)))
    if rng.random() < 0.2:
        text = text.replace(",", "")[:-1] + "," + text[-1]  # a misplaced separator
    return text


def corpus(n: int = 4000, seed: int = 29490) -> list[str]:
    """The amount texts, the same on every run."""
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(n):
        kind = rng.choice((0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 5))
        if kind == 0:  # capital numerals with 元角分
            body = _spell(
                rng.randrange(10 ** rng.randrange(1, 12)), "零壹贰叁肆伍陆柒捌玖", "拾佰仟"
            )
            body += rng.choice(("元", "圆", "元")) + _fraction(rng, "零壹贰叁肆伍陆柒捌玖")
        elif kind == 1:  # everyday numerals
            body = _spell(
                rng.randrange(10 ** rng.randrange(1, 10)), "零一二三四五六七八九", "十百千"
            )
            body += rng.choice(("", "元", "元")) + _fraction(rng, "零一二三四五六七八九")
        elif kind == 2:  # Arabic with a Chinese multiplier: 1.2万
            body = _arabic(rng) + rng.choice(("万", "萬", "千", "亿", "億", "万元", "元"))
        elif kind == 3:  # plain Arabic
            body = _arabic(rng)
        elif kind == 4:  # runs of numeral characters, mostly malformed
            alphabet = _CAPITAL + _LOWER + _MONEY + "0123456789.,"
            body = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 9)))
        else:  # a numeral with a character dropped, doubled or swapped
            body = list(_spell(rng.randrange(1, 10**8), "零壹贰叁肆伍陆柒捌玖", "拾佰仟") + "元")
            i = rng.randrange(len(body))
            op = rng.randrange(3)
            if op == 0:
                del body[i]
            elif op == 1:
                body.insert(i, body[i])
            else:
                j = rng.randrange(len(body))
                body[i], body[j] = body[j], body[i]
            body = "".join(body)
        if rng.random() < 0.25:
            body = body.translate(FULL_WIDTH)
        out.append(rng.choice(_PREFIXES) + body + rng.choice(_SUFFIXES))
    return out


def outcome(text: str, unit: Decimal) -> str:
    """What ``parse_amount`` makes of ``text``: the amount, or "!" and the reason in both languages
    (the text itself, which most reasons quote, written as "…")."""
    try:
        value = parse_amount(text, unit)
    except NormalizeError as exc:
        return f"!{exc.reason_zh} | {exc.reason_en}".replace(text, "…")
    return "None" if value is None else str(value)


def _outcomes() -> list[list[str]]:
    """[text, outcome] — and the outcome in a 万元 sheet when that differs."""
    rows = []
    for text in corpus():
        one, wan = outcome(text, Decimal(1)), outcome(text, WAN)
        rows.append([text, one] if one == wan else [text, one, wan])
    return rows


def test_every_amount_text_reads_as_before():
    expected = json.loads(DATA.read_text(encoding="utf-8"))
    now = _outcomes()
    assert [row[0] for row in expected] == [row[0] for row in now]  # the same corpus
    changed = [(old, new) for old, new in zip(expected, now, strict=True) if old != new]
    assert changed == [], f"{len(changed)} amount texts read differently, e.g. {changed[:5]}"
    # the corpus covers what it says it does
    values = [row[1] for row in expected]
    assert sum(not v.startswith("!") for v in values) > 1800
    assert sum(v.startswith("!") for v in values) > 1000
    assert sum(len(row) == 3 for row in expected) > 300  # texts without a unit of their own


# -- properties against independent writers ---------------------------------------------------

cents = st.decimals(min_value=0, max_value=Decimal("99999999.99"), places=2, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**11), st.integers(0, 9), st.integers(0, 9))
def test_capital_numerals_with_jiao_and_fen(yuan, jiao, fen):
    digits = "零壹贰叁肆伍陆柒捌玖"
    text = _spell(yuan, digits, "拾佰仟") + "元"
    if jiao:
        text += f"{digits[jiao]}角"
    if fen:
        text += ("零" if not jiao else "") + f"{digits[fen]}分"
    expected = Decimal(yuan) + Decimal(jiao) / 10 + Decimal(fen) / 100
    assert parse_amount(text) == expected
    assert (
        parse_amount("人民币" + text + ("" if jiao or fen else "整"), WAN) == expected
    )  # own unit


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=Decimal("99999.99"), places=2, allow_nan=False))
def test_mixed_arabic_and_chinese_multipliers(value):
    text = format(value, "f")
    assert parse_amount(f"{text}万") == value * WAN
    assert parse_amount(f"{text}万元".translate(FULL_WIDTH)) == value * WAN
    assert parse_amount(f"¥{text}万", Decimal(1000)) == value * WAN  # names its own unit
    assert parse_amount(f"{text}千") == value * 1000


@settings(max_examples=200, deadline=None)
@given(cents)
def test_wan_yuan_sheets_and_full_width(value):
    text = f"{value:,.2f}"
    assert parse_amount(text, WAN) == (value * WAN).quantize(Decimal("0.01"))
    assert parse_amount(text.translate(FULL_WIDTH)) == value
    assert parse_amount(f"{text}元".translate(FULL_WIDTH), WAN) == value


if __name__ == "__main__":
    DATA.parent.mkdir(exist_ok=True)
    rows = _outcomes()
    DATA.write_text(
        "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n]\n",
        encoding="utf-8",
    )
    print(f"{len(rows)} amount texts written to {DATA}")
