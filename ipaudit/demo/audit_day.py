"""The demo company's audit day and cycle, made through the services as a user would make them:
the audit-day plan with the company's people named, interview rehearsals (one department all
right, one with a wrong number), the certification body's request list imported and partly
confirmed, a mock audit drawn with a fixed seed and mostly walked, and corrective actions (the
last audit's verified closed, the internal audit's overdue, the mock audit's open and not yet
due).

Dates follow the demo's audit dates. Only the due date of the action that must not be overdue yet
also looks at today (as the demo's readiness history does), since "overdue" is judged on the day
the workspace is looked at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ipaudit.demo import content
from ipaudit.demo.files import write_docx, write_request_list
from ipaudit.demo.schedule import working_day
from ipaudit.domain.audit_plan import Role, Setup
from ipaudit.domain.corrective_actions import ActionStatus, NcSource
from ipaudit.domain.mock_audit import MockAudit, Result
from ipaudit.domain.model import Grade, WorkspaceInfo
from ipaudit.services import (
    Workspace,
    audit_plan,
    corrective_actions,
    mock_audit,
    rehearsal,
    request_list,
)

MOCK_AUDIT_SEED = 20261201
MOCK_AUDITORS = ("唐思远", "韩立")  # the company's trained internal auditors

# the department rehearsing without a mistake (the one with the fewest questions: every answer is
# a write), and the one whose head gets a number wrong
REHEARSED_RIGHT = ("production", "马超")
REHEARSED_WRONG = ("hr_admin", "何静")

# the auditor's request list as the certification body words it: (department, title, note)
REQUEST_LIST: tuple[tuple[str, str, str], ...] = (
    ("知识产权小组", "知识产权管理手册（现行有效版本）", ""),
    ("知识产权小组", "程序文件目录", ""),
    ("知识产权小组", "知识产权目标分解及考核情况", ""),
    ("知识产权小组", "内审资料（计划、检查表、不符合报告、内审报告）", "原件"),
    ("管理层", "管理评审输入、输出及会议签到", "原件"),
    ("知识产权小组", "上次审核不符合项的整改及验证记录", ""),
    ("知识产权小组", "专利证书及年费缴纳凭证", "抽查"),
    ("行政人事部", "员工劳动合同（抽 3 份）", "抽查"),
    ("行政人事部", "保密协议", ""),
    ("行政人事部", "新员工入职前知识产权背调记录", ""),
    ("行政人事部", "离职人员交接清单", ""),
    ("行政人事部", "知识产权培训签到表及培训效果评价", ""),
    ("研发部", "研发项目立项检索报告", ""),
    ("研发部", "技术交底书", ""),
    ("市场部", "产品上市前的知识产权风险评估", ""),
    ("财务部", "知识产权经费使用台账", ""),
    ("财务部", "发明人奖励发放登记表", ""),
    ("生产部", "委托加工合同中的知识产权条款", ""),
    ("知识产权小组", "外部审核员资格证书复印件", ""),  # no checklist item holds it
    ("知识产权小组", "知识产权宣传活动照片", ""),  # no proposal: waits for the user
)
# what the mock audit's nonconformities are put right with
RECORD_ACTION = {
    "root_cause": "培训组织者未在培训结束时核对签到人数，效果评价表没有按时收回。",
    "correction": "补签到并收回评价表。",
    "action": "培训结束时由行政人事部核对签到与应到人数，评价表当场收回。",
    "owner": "冯婷",
}
AWARENESS_ACTION = {
    "root_cause": "岗位知识产权职责只写在程序文件里，班组培训没有讲到。",
    "correction": "部门负责人当面讲解本岗位职责。",
    "action": "班组早会每月讲一次本岗位的知识产权职责，抽问结果记入培训记录。",
    "owner": "冯婷",
}
# the lines the compliance manager has gone through so far: the first ones confirmed as proposed,
# one corrected (the proposal is the internal audit; the last audit's nonconformities are
# corrective action records) and one that no checklist item holds; the others wait (to confirm,
# or unmatched); a line without a proposal among the first is left for the user
CONFIRMED_LINES = 8
CORRECTED = {"6": ("ipo.corrective_actions",), "19": ()}


def add_audit_day(ws: Workspace, tmp: Path, done: Callable[[float], None] | None = None) -> None:
    """Everything of the module, in order; ``done(share)`` after each step (0 < share <= 1)."""
    info = ws.info()

    def step(share: float) -> None:
        if done is not None:
            done(share)

    add_plan(ws)
    step(0.1)
    add_rehearsals(ws)
    step(0.45)
    add_request_list(ws, tmp)
    step(0.6)
    audit = add_mock_audit(ws, info)
    step(0.85)
    add_corrective_actions(ws, tmp, info, audit)
    step(1.0)


# --- the audit-day plan ---------------------------------------------------------------------------


def add_plan(ws: Workspace) -> None:
    """The default plan, its people named as the company and the certification body name them."""
    audit_plan.generate(ws)
    audit_plan.edit_setup(ws, _named)
    rooms = iter(content.ROOMS)
    for room in audit_plan.need_plan(ws).plan.setup.rooms:
        audit_plan.rename_room(ws, room.key, next(rooms, room.name))


def _named(setup: Setup) -> Setup:
    auditors = iter(content.AUDITORS)
    escorts = iter(content.ESCORTS)
    people = []
    for p in setup.people:
        name = p.name
        if p.role is Role.AUDITOR:
            name = next(auditors, name)
        elif p.role is Role.ESCORT:
            name = next(escorts, name)
        elif p.role is Role.MANAGER:
            name = content.MANAGER
        elif p.role is Role.TOP:
            name = content.GENERAL_MANAGER
        elif p.role is Role.HEAD:
            name = content.HEADS.get(p.department, name)
        people.append(replace(p, name=name))
    return replace(setup, people=tuple(people))


# --- interview rehearsal --------------------------------------------------------------------------


def add_rehearsals(ws: Workspace) -> None:
    """One department's head answers every question as the manual says; another's gets the
    first numeric answer wrong (and another answer right)."""
    dep, person = REHEARSED_RIGHT
    for q in rehearsal.questions(ws, dep):
        rehearsal.record_answer(ws, dep, person, q.key, q.official_text("zh") or "")
    dep, person = REHEARSED_WRONG
    asked = rehearsal.questions(ws, dep)
    headcount = next((q for q in asked if q.fact_key == "headcount"), None)
    if headcount is not None:
        wrong = content.HEADCOUNT.get(dep, 0) + 3
        rehearsal.record_answer(ws, dep, person, headcount.key, f"我们部门一共{wrong}个人")
    for q in [q for q in asked if q is not headcount][:2]:
        rehearsal.record_answer(ws, dep, person, q.key, q.official_text("zh") or "")


# --- the auditor's request list -------------------------------------------------------------------


def add_request_list(ws: Workspace, tmp: Path) -> None:
    """Import the list, confirm the first lines as proposed and correct two."""
    path = write_request_list(tmp / "审核资料清单.xlsx", content.COMPANY, REQUEST_LIST)
    lines = request_list.import_requests(ws, path)
    for line in lines[:CONFIRMED_LINES]:
        if line.matched:
            request_list.set_match(ws, line.number, line.matched)
    for number, items in CORRECTED.items():
        request_list.set_match(ws, number, items)


# --- the mock audit -------------------------------------------------------------------------------


def mock_audit_day(info: WorkspaceInfo) -> dt.date:
    """Two weeks before the audit, on a working day."""
    day = info.audit_start - dt.timedelta(days=14)
    return working_day(day, day - dt.timedelta(days=5), day)


def add_mock_audit(ws: Workspace, info: WorkspaceInfo) -> MockAudit:
    """Draw with the demo's seed and walk the samples: the first training record is a minor
    nonconformity, one ledger row an observation, the employees asked about the policy answer
    it; the last sample drawn of the records waits to be walked."""
    audit = mock_audit.draw_audit(
        ws, seed=MOCK_AUDIT_SEED, date=mock_audit_day(info), auditors=MOCK_AUDITORS
    )
    audit = mock_audit.set_details(
        ws, audit, scope="全部部门及 GB/T 29490—2023 全部条款（第二次监督审核前的模拟审核）"
    )
    records = [s for s in audit.samples if not s.awareness]
    nonconformity = next((s for s in records if s.stratum == "trainings"), records[0])
    observation = next((s for s in records if s.stratum == "ledger_rows"), None)
    for s in records[:-1]:
        if s is nonconformity:
            audit = mock_audit.record(
                ws,
                audit,
                s.key,
                Result.MINOR,
                note="培训签到表缺少 3 名研发人员的签名，培训效果评价表未填写。",
                evidence_seen="培训通知、签到表、培训课件",
            )
        elif s is observation:
            audit = mock_audit.record(
                ws,
                audit,
                s.key,
                Result.OBSERVATION,
                note="台账摘要只写“奖励”，未写明对应的专利号。",
                evidence_seen="知识产权经费使用台账、记账凭证",
            )
        else:
            audit = mock_audit.record(ws, audit, s.key, Result.CONFORM, evidence_seen="原件")
    staff = {dep: iter(names) for dep, names in content.STAFF.items()}
    for n, s in enumerate(x for x in audit.samples if x.awareness):
        name = "".join(next(staff.get(s.department, iter(())), "").split())  # as said
        role_ok = n != 1  # one could state the policy but not quite their part in it
        note = "" if role_ok else "能背出方针，但说不清本岗位在知识产权管理中的职责。"
        audit = mock_audit.record_awareness(
            ws, audit, s.key, policy_ok=True, role_ok=role_ok, person=name, note=note or None
        )
    return audit


# --- corrective actions ---------------------------------------------------------------------------


def add_corrective_actions(ws: Workspace, tmp: Path, info: WorkspaceInfo, audit: MockAudit) -> None:
    last = info.last_audit or info.period_start - dt.timedelta(days=1)
    # the last surveillance audit's nonconformity: done, its evidence attached, verified closed
    closed = corrective_actions.add(
        ws,
        source=NcSource.CERTIFICATION,
        finding="抽查 2 名 2025 年入职的研发人员，未见入职前的知识产权背景调查记录。",
        grade=Grade.MINOR,
        clause=_clause(ws, "hr.background_checks"),
        department="hr_admin",
        raised=last,
        origin="上次监督审核 不符合项报告 NC-01",
        root_cause="入职流程未把知识产权背景调查列为必经步骤，招聘专员不了解该要求。",
        correction="补做 2 名员工的背景调查并归档。",
        action="修订《人力资源控制程序》，入职审批单增加背景调查栏；对招聘人员培训。",
        owner="何静",
        due=last + dt.timedelta(days=60),
        item_keys=("hr.background_checks",),
    )
    done = working_day(last + dt.timedelta(days=41), last, last + dt.timedelta(days=60))
    form = write_docx(
        tmp / "纠正措施处理单-背景调查.docx",
        "纠正措施处理单",
        [
            content.COMPANY,
            f"来源：上次监督审核 不符合项报告 NC-01（{last}）",
            "纠正措施：修订《人力资源控制程序》，入职审批单增加知识产权背景调查栏。",
            f"完成日期：{done}",
        ],
    )
    corrective_actions.attach_completion(
        ws,
        closed.key,
        form,
        item_key="ipo.corrective_actions",
        title="纠正措施处理单-入职背景调查",
        doc_number="XH-JL-CA01",
        doc_date=done,
    )
    corrective_actions.close(ws, closed.key, done)
    checked = working_day(done + dt.timedelta(days=75), done, info.audit_start)
    corrective_actions.verify(
        ws,
        closed.key,
        by=content.MANAGER,
        result="抽查此后入职的 3 名员工，均有入职前背景调查记录，措施有效。",
        on=checked,
    )

    # the internal audit's nonconformity: in progress, a month and more past its due date
    found = _internal_audit_day(ws, info)
    corrective_actions.add(
        ws,
        source=NcSource.INTERNAL_AUDIT,
        finding="市场部未对 2026 年展会宣传材料进行发布前的知识产权审查，无审查记录。",
        grade=Grade.MINOR,
        clause=_clause(ws, "mkt.pre_launch_review"),
        department="marketing",
        raised=found,
        origin="内审不符合项报告 IA-2026-03",
        root_cause="新产品宣传由外包公司制作，审查环节在程序中未写明由谁负责。",
        action="修订《销售和售后控制程序》，宣传材料发布前由知识产权小组会签。",
        owner="周杰",
        due=found + dt.timedelta(days=30),
        item_keys=("mkt.pre_launch_review",),
        status=ActionStatus.IN_PROGRESS,
    )

    # the mock audit's nonconformities: opened from the mock audit, due after the audit
    due = max(info.audit_end, dt.date.today()) + dt.timedelta(days=30)
    for action in corrective_actions.raise_from_mock_audit(ws, audit):
        sample = audit.sample(action.origin.rpartition("/")[2])
        awareness = sample is not None and sample.awareness
        corrective_actions.edit(
            ws, action.key, **(AWARENESS_ACTION if awareness else RECORD_ACTION), due=due
        )


def _clause(ws: Workspace, item_key: str) -> str:
    """The clause of the standard the item answers, in the workspace's edition."""
    item = ws.template.item(item_key)
    ref = item.refs.get(ws.info().edition.value)
    return ref.clause if ref else item.clause


def _internal_audit_day(ws: Workspace, info: WorkspaceInfo) -> dt.date:
    """The day of the internal audit's nonconformity reports (its evidence), else mid-period."""
    days = [
        ev.doc_date
        for ev in ws.evidence("ipo.internal_audit")
        if ev.doc_date and ev.slot.endswith("/nonconformities")
    ]
    if days:
        return min(days)
    return info.period_start + (info.period_end - info.period_start) * 2 // 3
