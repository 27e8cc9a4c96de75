"""The demo company's three finance ledgers and reward rates, written as real office files and
imported the way a user would — with two deliberate disagreements for the reconciliation to find:
a reward decided but never paid, and a payment batch booked with the wrong amount."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ipaudit.ledger.ipnumber import check_digit
from ipaudit.ledger.rates import RateTable
from ipaudit.services import Workspace
from ipaudit.services.ledgers import import_ledger, set_rates

RATES = {
    "invention": Decimal(5000),
    "utility_model": Decimal(1000),
    "design": Decimal(500),
    "software_copyright": Decimal(500),
    "trademark": Decimal(300),
}
_REASON = {
    "invention": "发明专利授权",
    "utility_model": "实用新型授权",
    "design": "外观设计授权",
    "software_copyright": "软件著作权登记",
}


def patent(year: int, kind: int, serial: int) -> str:
    digits = f"{year}{kind}{serial:07d}"
    return f"ZL{digits}.{check_digit(digits)}"


# (decision date, person, department, ip type, ip number, paid in batch)
REWARDS = [
    (dt.date(2025, 12, 10), "王强", "研发部", "invention", patent(2024, 1, 310021), "2025-12"),
    (dt.date(2025, 12, 10), "李娜", "研发部", "utility_model", patent(2025, 2, 410033), "2025-12"),
    (dt.date(2026, 3, 12), "陈晓东", "研发部", "software_copyright", "2026SR0312001", "2026-03"),
    (dt.date(2026, 3, 12), "赵敏", "研发部", "utility_model", patent(2025, 2, 410078), "2026-03"),
    (dt.date(2026, 3, 12), "马超", "生产部", "utility_model", patent(2025, 2, 410102), "2026-03"),
    (dt.date(2026, 6, 15), "刘洋", "研发部", "invention", patent(2024, 1, 310088), "2026-06"),
    (dt.date(2026, 6, 15), "孙丽", "研发部", "design", patent(2025, 3, 510011), "2026-06"),
    (dt.date(2026, 9, 8), "吴磊", "研发部", "software_copyright", "2026SR0908002", "2026-09"),
    (dt.date(2026, 9, 8), "黄海", "研发部", "invention", patent(2025, 1, 310140), ""),  # never paid
]
BATCHES = {  # batch -> (payment date, voucher, booked amount in the expense record)
    "2025-12": (dt.date(2025, 12, 31), "记-2025-1231", Decimal(6000)),
    "2026-03": (dt.date(2026, 3, 31), "记-2026-0331", Decimal(2500)),
    "2026-06": (dt.date(2026, 6, 30), "记-2026-0630", Decimal(5500)),
    "2026-09": (
        dt.date(2026, 9, 30),
        "记-2026-0930",
        Decimal(800),
    ),  # paid 500: booked 300 too much
}


def _rewards_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    ws.title = "奖惩记录"
    ws.append(["知识产权奖惩记录表"])
    ws.append(["单位：元"])
    ws.append(["序号", "日期", "姓名", "部门", "奖惩类型", "知识产权项目", "事由", "金额(元)"])
    for n, (day, person, dep, kind, number, _batch) in enumerate(REWARDS, 1):
        ws.append([n, day, person, dep, "奖励", number, _REASON[kind], int(RATES[kind])])
    ws.append(
        [
            len(REWARDS) + 1,
            dt.date(2026, 5, 20),
            "何静",
            "行政人事部",
            "处罚",
            "",
            "违反保密规定",
            300,
        ]
    )
    wb.save(path)
    return path


def _payments_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    ws.title = "奖金发放"
    ws.append(["知识产权奖金发放登记表"])
    ws.append(["序号", "发放日期", "姓名", "部门", "项目", "发放金额", "凭证号", "领取人签字"])
    total = Decimal(0)
    n = 0
    for _day, person, dep, kind, number, batch in REWARDS:
        if not batch:
            continue
        n += 1
        paid_on, voucher, _booked = BATCHES[batch]
        ws.append([n, paid_on, person, dep, number, int(RATES[kind]), voucher, person])
        total += RATES[kind]
    ws.append(["合计", None, None, None, None, int(total), None, None])
    wb.save(path)
    return path


def _expenses_csv(path: Path) -> Path:
    lines = [
        (
            dt.date(2025, 12, 5),
            "记-2025-1205",
            "年费",
            patent(2024, 1, 310021),
            "发明专利年费",
            "900.00",
        ),
        (
            dt.date(2026, 1, 14),
            "记-2026-0114",
            "代理费",
            "",
            "实用新型申请代理费（3件）",
            "9,600.00",
        ),
        (dt.date(2026, 1, 14), "记-2026-0115", "申请费", "", "实用新型申请费（3件）", "1,500.00"),
        (dt.date(2026, 2, 20), "记-2026-0220", "检索费", "", "立项前专利检索", "3,000.00"),
        (
            dt.date(2026, 3, 26),
            "记-2026-0326",
            "专利年费",
            "",
            "实用新型专利年费（6件）",
            "3,600.00",
        ),
        (
            dt.date(2026, 5, 12),
            "记-2026-0512",
            "代理费",
            "",
            "发明专利申请代理费（2件）",
            "14,000.00",
        ),
        (dt.date(2026, 5, 12), "记-2026-0513", "申请费", "", "软件著作权登记费（3件）", "1,200.00"),
        (
            dt.date(2026, 7, 8),
            "记-2026-0708",
            "检索分析费",
            "",
            "伺服控制器海外侵权风险检索分析",
            "4,800.00",
        ),
        (dt.date(2026, 9, 22), "记-2026-0922", "代理费", "", "商标续展代理费", "2,400.00"),
        (
            dt.date(2026, 10, 20),
            "记-2026-1020",
            "纠纷处理费",
            "",
            "侵权警告函回复律师费",
            "3,000.00",
        ),
        (dt.date(2026, 4, 18), "记-2026-0418", "培训费", "", "知识产权年度培训", "6,000.00"),
        (dt.date(2026, 8, 15), "记-2026-0815", "软件购置费", "", "专利检索数据库年费", "12,000.00"),
        (
            dt.date(2026, 10, 9),
            "记-2026-1009",
            "申请费",
            patent(2026, 1, 300012),
            "发明专利申请费",
            "900.00",
        ),
    ]
    for _batch, (paid_on, voucher, booked) in BATCHES.items():
        lines.append(
            (paid_on, voucher, "奖励费", "", f"{paid_on:%Y年%m月}知识产权奖金", f"{booked:,.2f}")
        )
    lines.sort()
    with path.open("w", encoding="gb18030", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["日期", "凭证号", "费用类别", "项目", "摘要", "金额", "经手人"])
        for day, voucher, cat, ip, text, amount in lines:
            writer.writerow([f"{day:%Y/%m/%d}", voucher, cat, ip, text, amount, "蒋丽华"])
    return path


def add_ledgers(ws: Workspace, folder: Path) -> None:
    files = [
        _rewards_xlsx(folder / "知识产权奖惩记录表.xlsx"),
        _payments_xlsx(folder / "知识产权奖金发放登记表.xlsx"),
        _expenses_csv(folder / "知识产权经费使用记录.csv"),
    ]
    # imported as the user would, through the command line's and the wizard's import; the demo
    # files its generated forms as those items' evidence, so the ledger files are not attached
    for path in files:
        import_ledger(ws, [path], as_evidence=False)
    set_rates(ws, RateTable.from_dict(RATES, source="demo"))
