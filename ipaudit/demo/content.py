"""What the demo company's IP manual declares, and who works there. All fictional."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from ipaudit.domain.cycle import default_period
from ipaudit.domain.model import (
    AuditType,
    Edition,
    Facts,
    Objective,
    Person,
    PersonKind,
    Procedure,
    WorkspaceInfo,
)

COMPANY = "星海智能装备有限公司"

# The system started with the manual's first issue in March 2024, was certified after the initial
# audit of December 2024, passed its first surveillance audit in November 2025 and now prepares
# the second one; the manual was converted to the 2023 edition in February 2025 (version A/1).
SYSTEM_START = dt.date(2024, 3, 1)
MANUAL_REVISED = dt.date(2025, 2, 10)
MANUAL_VERSION = "A/1"

_INFO = WorkspaceInfo(
    company=COMPANY,
    edition=Edition.GB2023,
    audit_type=AuditType.SURVEILLANCE,
    audit_start=dt.date(2026, 12, 15),
    audit_end=dt.date(2026, 12, 17),
    period_start=dt.date(2025, 11, 27),
    period_end=dt.date(2026, 12, 14),
    last_audit=dt.date(2025, 11, 26),
    certificate_start=dt.date(2024, 12, 30),
    certificate_end=dt.date(2027, 12, 29),
    system_start=SYSTEM_START,
)
_PERIOD = default_period(_INFO)
INFO = replace(_INFO, period_start=_PERIOD[0], period_end=_PERIOD[1])

POLICY = "尊重知识产权，激励创新创造，规范管理运用，提升核心竞争力"

HEADCOUNT = {
    "management": 4,
    "ip_office": 3,
    "rnd": 23,
    "hr_admin": 6,
    "marketing": 9,
    "finance": 4,
    "production": 11,
}

DUTIES = {
    "management": "制定知识产权方针和目标，提供资源保障，主持管理评审",
    "ip_office": "负责知识产权管理体系的建立与运行，专利、商标、软件著作权的申请与维护，知识产权风险监控",
    "rnd": "负责研发项目立项和设计阶段的知识产权检索，技术交底与专利挖掘，研发记录的管理",
    "hr_admin": "负责知识产权培训，劳动合同与保密协议，入职背景调查和离职交接，知识产权奖惩的实施，采购合同的知识产权条款",
    "marketing": "负责产品宣传和展会材料的知识产权审查，市场上的侵权监控与风险预警",
    "finance": "负责知识产权经费预算与使用记录，奖金发放登记，奖惩记录的核对",
    "production": "负责生产过程中技术改进的知识产权识别与保护，委托加工合同的知识产权条款",
}

OBJECTIVES = (
    Objective(
        "invention_filings",
        "年度发明专利申请",
        Decimal(12),
        "件",
        {"rnd": Decimal(8), "production": Decimal(2)},  # deliberately adds up to 10, not 12
        2026,
    ),
    Objective(
        "utility_filings",
        "年度实用新型专利申请",
        Decimal(15),
        "件",
        {"rnd": Decimal(10), "production": Decimal(5)},
        2026,
    ),
    Objective(
        "software_registrations",
        "年度软件著作权登记",
        Decimal(6),
        "件",
        {"rnd": Decimal(6)},
        2026,
    ),
    Objective(
        "training_coverage",
        "知识产权培训覆盖率",
        Decimal(100),
        "%",
        {k: Decimal(100) for k in HEADCOUNT},
        2026,
    ),
)

MANUAL_OBJECTIVES = (
    "年度发明专利申请",
    "年度实用新型专利申请",
    "年度软件著作权登记",
    "知识产权培训覆盖率",
    "年度商标注册申请",  # deliberately missing from the objectives list
)

# 2023-edition procedures: every department runs at least one of its own
PROCEDURES = (
    Procedure("XH-CX-01", "成文信息控制程序", "ip_office"),
    Procedure("XH-CX-02", "知识产权获取与维护控制程序", "ip_office"),
    Procedure("XH-CX-03", "知识产权合规义务与风险控制程序", "ip_office"),
    Procedure("XH-CX-04", "人力资源控制程序", "hr_admin"),
    Procedure("XH-CX-05", "知识产权奖惩制度", "hr_admin"),
    Procedure("XH-CX-06", "研究开发控制程序", "rnd"),
    Procedure("XH-CX-07", "采购控制程序", "hr_admin"),
    Procedure("XH-CX-08", "销售和售后控制程序", "marketing"),
    Procedure("XH-CX-09", "财务资源控制程序", "finance"),
    Procedure("XH-CX-10", "内部审核控制程序", "ip_office"),
    Procedure("XH-CX-11", "管理评审控制程序", "management"),
    Procedure("XH-CX-12", "生产过程知识产权控制程序", "production"),
    Procedure("XH-CX-13", "不合格与纠正措施控制程序", "ip_office"),
)

# new hires and core leavers of the period; the demo keeps their HR records (one is missing)
PEOPLE = (
    Person("郭子豪", PersonKind.HIRE, "研发部", dt.date(2026, 3, 2)),
    Person("林嘉欣", PersonKind.HIRE, "市场部", dt.date(2026, 4, 20)),
    Person("钱立新", PersonKind.LEAVER, "研发部", dt.date(2026, 5, 29)),
    Person("谢振华", PersonKind.LEAVER, "生产部", dt.date(2026, 9, 30)),
)

# the 2026 IP budget (yuan) per expense category, approved with the 2026 plan
BUDGET = {
    "application": Decimal(8000),
    "annual_fees": Decimal(12000),
    "agency": Decimal(36000),
    "search": Decimal(6000),
    "training": Decimal(8000),
    "rewards": Decimal(22000),
    "software": Decimal(12000),
    "litigation": Decimal(10000),
}

FACTS = Facts(
    policy=POLICY,
    manual_objectives=MANUAL_OBJECTIVES,
    objectives=OBJECTIVES,
    headcount=HEADCOUNT,
    duties=DUTIES,
    procedures=PROCEDURES,
    certificates=("ISO 9001:2015", "CMMI3", "高新技术企业证书"),
    portfolio={
        "invention": 14,
        "utility_model": 37,
        "design": 5,
        "software_copyright": 22,
        "trademark": 8,
    },
    # projects_in_progress deliberately undeclared
    extra={"search_phases": "立项阶段和设计阶段", "manual_version": MANUAL_VERSION},
    people=PEOPLE,
    budget=BUDGET,
    open_nonconformities=0,
)

PROJECTS = ("智能巡检机器人", "高精度伺服控制器", "设备远程运维平台")

STAFF = {
    "management": ["周建国", "林婉清", "欧阳 明", "高志远"],
    "ip_office": ["沈雨桐", "韩立", "唐思远"],
    "rnd": ["王强", "李  娜", "陈晓东", "赵敏", "刘洋", "孙丽", "吴磊", "郑爽", "黄海"],
    "hr_admin": ["何静", "许文博", "冯婷"],
    "marketing": ["周杰", "曹雪", "彭浩"],
    "finance": ["张会计", "蒋丽华"],
    "production": ["马超", "董刚", "袁芳"],
}

# who is who on the audit day: the general manager, the management representative (who also
# leads the IP team), each department's head, the escorts, the certification body's auditors
GENERAL_MANAGER = "周建国"
MANAGER = "林婉清"
HEADS = {
    "ip_office": "沈雨桐",
    "rnd": "王强",
    "hr_admin": "何静",
    "marketing": "周杰",
    "finance": "蒋丽华",
    "production": "马超",
}
ESCORTS = ("韩立", "唐思远")
AUDITORS = ("赵立平（审核组长）", "孙慧")
ROOMS = ("三楼大会议室", "四楼研发部会议室")

# what the company answers to the auditors' questions that no declared fact covers
ANSWERS: dict[tuple[str, str], str] = {
    ("mgmt.ip_status", "core_tech"): (
        "伺服控制算法和巡检机器人导航以发明专利为主保护，结构改进申请实用新型，平台软件登记软件著作权；"
        "主要风险是竞争对手在伺服驱动领域的专利布局和研发人员流动带来的技术秘密泄露。"
    ),
    ("mgmt.policy_setting", "basis"): (
        "依据公司五年发展战略、行业知识产权状况、相关方（客户、投资方）的要求和适用的法律法规制定。"
    ),
    ("mgmt.policy_setting", "process"): (
        "知识产权小组起草，管理者代表组织各部门评审，总经理周建国批准，2024年3月1日随手册发布。"
    ),
    ("mgmt.policy_setting", "review"): (
        "每年在管理评审时评审一次；2025年管理评审把目标中的实用新型申请由12件调整为15件。"
    ),
    ("mgmt.leadership", "effectiveness"): (
        "每年内审和管理评审各一次，季度检查目标完成情况，对不符合项跟踪纠正措施直至验证关闭。"
    ),
    ("mgmt.policy", "meaning"): (
        "尊重他人知识产权、激励员工创新，规范获取、维护和运用，使知识产权成为公司核心竞争力的一部分；"
        "与公司“以技术领先赢得市场”的经营战略一致。"
    ),
    ("mgmt.site_tour", "profile"): (
        "公司成立于2012年，主营工业智能装备，主要产品是智能巡检机器人、高精度伺服控制器和设备远程运维平台。"
    ),
    ("mgmt.site_tour", "locations"): (
        "管理层、知识产权小组、财务部和行政人事部在办公楼三层，研发部在四层，生产部在一号厂房；"
        "参观路线：展厅—研发部—一号厂房—档案室。"
    ),
    ("mgmt.objectives", "split"): (
        "公司目标按《知识产权目标及分解表》分解到研发部和生产部，每季度由知识产权小组统计，"
        "年底纳入部门绩效考核。"
    ),
    ("mgmt.resources", "people"): (
        "专职知识产权专员2名（沈雨桐、韩立），兼职1名（唐思远），各部门各有1名知识产权联络员。"
    ),
    ("mgmt.resources", "budget"): (
        "2026年知识产权经费预算11.4万元，由总经理批准，执行情况每季度报管理者代表，年底在管理评审中评价。"
    ),
    ("mgmt.resources", "tools"): (
        "购买了专利检索数据库账号，配备知识产权管理软件和带锁档案柜，设有专用档案室。"
    ),
    ("mgmt.communication", "channels"): (
        "每月一次知识产权例会，日常通过企业微信群沟通，重要事项发内部联络单。"
    ),
    ("mgmt.communication", "example"): (
        "2026年10月例会讨论了伺服控制器海外参展前的侵权风险排查，形成会议纪要并已落实。"
    ),
    ("ipo.interview", "members"): (
        "组长林婉清（管理者代表）统筹；沈雨桐负责专利申请和维护；韩立负责商标、软著和合同审查；"
        "唐思远负责检索和风险监控。"
    ),
    ("ipo.awareness", "role"): (
        "研发人员要做好研发记录、按阶段检索、及时提交技术交底；不得泄露技术秘密，违反按《知识产权奖惩制度》处罚。"
    ),
    ("ipo.document_requests", "owner"): "知识产权专员沈雨桐负责调阅，韩立陪同审核员。",
    ("ipo.document_requests", "index"): (
        "按条款和部门分册归档，有《受控文件清单》和《记录清单》作目录，电子版与纸质版一致。"
    ),
    ("rnd.search_timing", "search_tools"): (
        "用国家知识产权局专利检索系统和公司购买的商业数据库检索，检索报告由项目负责人和知识产权专员审核。"
    ),
    ("hr.ip_clause_explanation", "clause"): "有，在劳动合同第十二条“知识产权与保密”。",
    ("hr.ip_clause_explanation", "explanation"): (
        "另签《保密及知识产权协议》，约定职务成果归属、保密范围和期限；新员工入职前做知识产权背景调查。"
    ),
    ("mkt.interview", "market"): (
        "主要市场是华东和华南的电力、化工企业，主要竞争对手是两家国内巡检机器人厂商和一家外资伺服厂商。"
    ),
    ("mkt.products", "count"): "目前在售3种产品。",
    ("mkt.products", "functions"): (
        "智能巡检机器人用于厂站自动巡检（发明专利2件、实用新型9件）；伺服控制器用于精密运动控制"
        "（发明专利3件、软著4件）；远程运维平台用于设备监测（软著8件、注册商标2件）。"
    ),
    ("fin.budget", "risk_reserve"): "设立了，2026年预算中列支诉讼（纠纷）风险准备金1万元。",
    ("fin.ledger_consistency", "totals"): (
        "奖惩记录、奖金发放登记表和经费使用记录按季度核对，结果见系统对账；"
        "差异在对账中逐笔列出，已反馈财务核实。"
    ),
    ("fin.ledger_consistency", "differences"): (
        "2026年9月凭证记-2026-0930多记300元，原因是录入错误，已提交更正凭证；"
        "黄海的发明奖励因个人所得税手续未办完尚未发放。"
    ),
    ("fin.expense_kinds", "rewards"): "记在“奖励费”类别，每季度按发放批次一笔入账，附发放登记表。",
    ("fin.expense_kinds", "fees"): (
        "申请费和代理费按件入账，专利年费每年到期前缴纳，商标续展费和软著登记费按实际发生记录。"
    ),
    (
        "fin.expense_kinds",
        "other",
    ): "是，培训费、检索费、软件购置费和诉讼（纠纷）费均单独设类别记录。",
}
