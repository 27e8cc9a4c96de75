"""What the demo company's IP manual declares, and who works there. All fictional."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ipaudit.domain.model import AuditType, Edition, Facts, Objective, Procedure, WorkspaceInfo

COMPANY = "星海智能装备有限公司"

INFO = WorkspaceInfo(
    company=COMPANY,
    edition=Edition.GB2023,
    audit_type=AuditType.SURVEILLANCE,
    audit_start=dt.date(2026, 12, 15),
    audit_end=dt.date(2026, 12, 17),
    period_start=dt.date(2025, 12, 1),
    period_end=dt.date(2026, 11, 30),
)

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

PROCEDURES = (
    Procedure("XH-CX-01", "文件控制程序", "ip_office"),
    Procedure("XH-CX-02", "知识产权获取控制程序", "ip_office"),
    Procedure("XH-CX-03", "知识产权维护控制程序", "ip_office"),
    Procedure("XH-CX-04", "人力资源控制程序", "hr_admin"),
    Procedure("XH-CX-05", "知识产权奖惩制度", "hr_admin"),
    Procedure("XH-CX-06", "研究开发控制程序", "rnd"),
    Procedure("XH-CX-07", "采购控制程序", "hr_admin"),
    Procedure("XH-CX-08", "销售和售后控制程序", "marketing"),
    Procedure("XH-CX-09", "财务资源控制程序", "finance"),
    Procedure("XH-CX-10", "内部审核控制程序", "ip_office"),
    Procedure("XH-CX-11", "管理评审控制程序", "management"),
)

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
    extra={"search_phases": "立项阶段和设计阶段"},  # projects_in_progress deliberately undeclared
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
