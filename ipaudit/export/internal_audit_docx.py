"""The mock audit's documents: the internal audit report (内审报告) and one nonconformity report
(不符合项报告) per nonconformity, in the readiness pack's Word style (``docx_base``).

The internal audit report states the scope, the criteria (GB/T 29490 of the workspace's edition and
the company's own system documents), the date, the auditors, the departments audited, every sample
with its result, the staff-awareness answers, a tally, the nonconformities, the summary and the
conclusion. Each nonconformity report states the finding, the clause, the evidence looked at, the
grade and the department, with signature lines for the auditor and the auditee, and the root cause,
correction, corrective action and verification taken from the corrective action when there is one.

Files are written atomically: a temporary file renamed into place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ipaudit.domain.corrective_actions import (
    GRADE_TEXT,
    STATUS_TEXT,
    CorrectiveAction,
)
from ipaudit.domain.mock_audit import RESULT_TEXT, MockAudit, Result, Sample, finding_text
from ipaudit.domain.model import Evidence, Grade, Template, Text, WorkspaceInfo
from ipaudit.export import docx_xml as X
from ipaudit.export.atomic_file import write_atomic
from ipaudit.export.docx_base import PackDocument
from ipaudit.progress import CancelCheck, Cancelled, Progress
from ipaudit.text import counted

EDITION_TITLE = {
    "2023": "GB/T 29490-2023《企业知识产权合规管理体系 要求》",
    "2013": "GB/T 29490-2013《企业知识产权管理规范》",
}


@dataclass(frozen=True, slots=True)
class ReportData:
    info: WorkspaceInfo
    template: Template
    departments: Mapping[str, Text]  # key -> name
    audit: MockAudit
    actions: Mapping[str, CorrectiveAction]  # origin ("MA-…/S03") -> action
    evidence: Mapping[int, Evidence]
    facts_policy: str = ""
    lang: str = "zh"

    def t(self, zh: str, en: str) -> str:
        return en if self.lang.startswith("en") else zh

    def text(self, value: Text) -> str:
        return value.get(self.lang)

    def department(self, key: str) -> str:
        name = self.departments.get(key)
        return name.get(self.lang) if name else key

    def clause(self, sample: Sample) -> str:
        """The sample's clause in the workspace's edition, with its title."""
        if not sample.item_key:
            return ""
        try:
            item = self.template.item(sample.item_key)
        except KeyError:
            return ""
        ref = item.refs.get(self.info.edition.value)
        number = ref.clause if ref else item.clause
        title = next((c.title for c in self.template.clauses if c.ref == number), None)
        return f"{number} {self.text(title)}" if title else number

    def action(self, sample: Sample) -> CorrectiveAction | None:
        return self.actions.get(f"{self.audit.key}/{sample.key}")

    def stratum_title(self, sample: Sample) -> str:
        s = self.audit.plan.stratum(sample.stratum)
        return self.text(s.title) if s else sample.stratum

    def files(self, ids: tuple[int, ...], limit: int = 3) -> str:
        """The files' titles, at most ``limit`` of them and how many more."""
        names = [
            self.evidence[i].title or self.evidence[i].original_name
            for i in ids
            if i in self.evidence
        ]
        shown = self.t("、", ", ").join(names[:limit])
        if len(names) > limit:
            more = len(names) - limit
            shown += self.t(f" 等 {len(names)} 份", f" and {more} more")
        return shown


def _yes_no(data: ReportData, value: bool | None) -> str:
    if value is None:
        return "—"
    return data.t("能", "yes") if value else data.t("不能", "no")


def _result(data: ReportData, sample: Sample) -> str:
    return (
        data.text(RESULT_TEXT[sample.result]) if sample.result else data.t("未审核", "not walked")
    )


def _nc_number(data: ReportData, sample: Sample) -> str:
    return f"NCR-{data.audit.key}-{sample.key}"


def _title(doc: PackDocument, text: str) -> None:
    doc.raw(
        X.paragraph(
            X.run(text, bold=True, size=36, heading_font=True), style="Title", align="center"
        )
    )


def _label_table(doc: PackDocument, rows: list[tuple[str, str]]) -> None:
    """A two-column form: label and value per row (the first pair is the table's header row)."""
    w = X.widths(X.A4_TEXT_WIDTH, [1.0, 3.2])
    cols = [X.Column(rows[0][0], w[0]), X.Column(rows[0][1], w[1])]
    body = [[X.Cell(label, fill=X.HEADER_FILL, bold=True), value] for label, value in rows[1:]]
    doc.table(cols, body, keep_together=len(body))


def _conclusion(data: ReportData) -> str:
    """The report's conclusion as written, else from the results: the worst grade found decides,
    samples not walked yet are mentioned."""
    audit = data.audit
    if audit.conclusion.strip():
        return audit.conclusion
    tally = audit.tally()
    open_count = len(audit.samples) - audit.walked
    if not tally[Result.MAJOR] and not tally[Result.MINOR]:
        if open_count:
            return data.t(
                f"尚有 {open_count} 个样本未审核，结论待全部样本审核后给出。",
                f"{counted(open_count, 'sample is', 'samples are')} not walked yet; the conclusion"
                " follows once every"
                " sample is.",
            )
        return data.t(
            "所抽样本均符合要求，体系符合 GB/T 29490 的要求并有效运行。",
            "Every sample conforms: the system conforms to GB/T 29490 and runs effectively.",
        )
    if tally[Result.MAJOR]:
        text = data.t(
            f"发现 {tally[Result.MAJOR]} 项严重不符合：体系在相关要求上未得到实施，"
            "认证审核前须完成纠正措施并验证有效。",
            f"{counted(tally[Result.MAJOR], 'major nonconformity', 'major nonconformities')}:"
            " the system does not implement the"
            " requirements concerned; complete and verify the corrective actions before the"
            " certification audit.",
        )
    else:
        text = data.t(
            f"体系基本符合 GB/T 29490 的要求并有效运行；发现 {tally[Result.MINOR]} 项一般不符合，"
            "须在规定期限内完成纠正措施并验证。",
            f"The system broadly conforms to GB/T 29490 and runs effectively;"
            f" {counted(tally[Result.MINOR], 'minor nonconformity', 'minor nonconformities')}"
            " must be corrected and verified within the set period.",
        )
    if open_count:
        text += data.t(
            f"（尚有 {open_count} 个样本未审核。）",
            f" ({counted(open_count, 'sample is', 'samples are')} not walked yet.)",
        )
    return text


def _summary(data: ReportData) -> str:
    audit = data.audit
    if audit.summary.strip():
        return audit.summary
    tally = audit.tally()
    return data.t(
        f"本次模拟审核共抽取样本 {len(audit.samples)} 个，已审核 {audit.walked} 个：符合 "
        f"{tally[Result.CONFORM]} 个，观察项 {tally[Result.OBSERVATION]} 个，一般不符合 "
        f"{tally[Result.MINOR]} 个，严重不符合 {tally[Result.MAJOR]} 个。",
        f"{counted(len(audit.samples), 'sample was', 'samples were')} drawn and"
        f" {audit.walked} walked: {tally[Result.CONFORM]} conform,"
        f" {counted(tally[Result.OBSERVATION], 'observation')},"
        f" {counted(tally[Result.MINOR], 'minor nonconformity', 'minor nonconformities')} and"
        f" {counted(tally[Result.MAJOR], 'major nonconformity', 'major nonconformities')}.",
    )


def internal_audit_report(data: ReportData) -> bytes:
    audit, info = data.audit, data.info
    t = data.t
    doc = PackDocument(
        data.lang,
        footer=t("第 {page} 页 共 {pages} 页", "Page {page} of {pages}"),
        header=f"{info.company} · {audit.key}",
    )
    _title(doc, t("内部审核报告", "Internal audit report"))
    doc.para(t("（模拟审核）", "(mock audit)"), align="center")
    departments = [data.department(k) for k in audit.departments]
    scope = audit.scope or t(
        f"知识产权管理体系覆盖的全部部门；本次抽样涉及：{'、'.join(departments)}",
        f"Every department the IP management system covers; sampled: {', '.join(departments)}",
    )
    criteria = t(
        f"{EDITION_TITLE[info.edition.value]}；公司知识产权管理手册、程序文件及相关法律法规",
        f"{EDITION_TITLE[info.edition.value]}; the company's IP manual, procedures and the"
        " applicable laws and regulations",
    )
    _label_table(
        doc,
        [
            (t("受审核单位", "Organisation"), info.company),
            (t("审核编号", "Audit number"), audit.key),
            (t("审核日期", "Audit date"), audit.date.isoformat()),
            (
                t("审核目的", "Objective"),
                t(
                    "按认证审核的方式抽样检查体系运行记录和员工意识，找出外审前须纠正的问题。",
                    "Sample the system's records and staff awareness the way the certification"
                    " auditors will, to find what must be corrected before the external audit.",
                ),
            ),
            (t("审核准则", "Criteria"), criteria),
            (t("审核范围", "Scope"), scope),
            (t("受审核部门", "Departments audited"), t("、", ", ").join(departments) or "—"),
            (t("审核员", "Auditors"), t("、", ", ").join(audit.auditors) or "—"),
            (t("抽样随机种子", "Sampling seed"), str(audit.seed)),
        ],
    )

    doc.heading(t("一、抽样记录及审核结果", "1. Samples and results"))
    records = [s for s in audit.samples if not s.awareness]
    w = X.widths(X.A4_TEXT_WIDTH, [0.6, 1.3, 3.0, 1.2, 1.3, 1.3, 2.4])
    cols = [
        X.Column(t("编号", "No."), w[0]),
        X.Column(t("抽样类别", "Kind"), w[1]),
        X.Column(t("样本", "Sample"), w[2]),
        X.Column(t("部门", "Department"), w[3]),
        X.Column(t("条款", "Clause"), w[4]),
        X.Column(t("结果", "Result"), w[5]),
        X.Column(t("说明及查看的证据", "Notes and evidence looked at"), w[6]),
    ]
    rows = []
    for s in records:
        seen = "；".join(x for x in (s.note, s.evidence_seen or data.files(s.evidence_ids)) if x)
        rows.append(
            [
                s.key,
                data.stratum_title(s),
                data.text(s.label),
                data.department(s.department),
                data.clause(s),
                _result(data, s),
                seen,
            ]
        )
    if rows:
        doc.table(cols, rows, size=18)
    else:
        doc.para(t("本次未抽取记录样本。", "No record samples were drawn."))

    doc.heading(t("二、员工知识产权意识抽问", "2. Staff awareness"))
    people = [s for s in audit.samples if s.awareness]
    if data.facts_policy:
        doc.label_value(t("知识产权方针", "IP policy"), data.facts_policy)
    w = X.widths(X.A4_TEXT_WIDTH, [0.6, 1.4, 1.6, 1.2, 1.4, 1.4, 2.2])
    cols = [
        X.Column(t("编号", "No."), w[0]),
        X.Column(t("部门", "Department"), w[1]),
        X.Column(t("员工", "Employee"), w[2]),
        X.Column(t("能否说出方针", "States the policy"), w[3], "center"),
        X.Column(t("能否说出本岗位的要求", "States their part"), w[4], "center"),
        X.Column(t("结果", "Result"), w[5]),
        X.Column(t("备注", "Notes"), w[6]),
    ]
    rows = [
        [
            s.key,
            data.department(s.department),
            s.person or data.text(s.label),
            _yes_no(data, s.policy_ok),
            _yes_no(data, s.role_ok),
            _result(data, s),
            s.note,
        ]
        for s in people
    ]
    if rows:
        doc.table(cols, rows, size=18)
        asked = [s for s in people if s.policy_ok is not None]
        knew = sum(1 for s in asked if s.policy_ok and s.role_ok)
        doc.para(
            t(
                f"抽问员工 {len(people)} 人，已问 {len(asked)} 人，其中 {knew} 人能说出方针及本岗位的要求。",
                f"{counted(len(people), 'employee')} drawn, {len(asked)} asked; {knew} could state the"
                " policy and their part in it.",
            )
        )
    else:
        doc.para(t("本次未抽问员工。", "No employees were asked."))

    doc.heading(t("三、结果统计", "3. Tally"))
    tally = audit.tally()
    w = X.widths(X.A4_TEXT_WIDTH, [1, 1, 1, 1, 1])
    cols = [X.Column(data.text(RESULT_TEXT[r]), w[n], "center") for n, r in enumerate(Result)]
    cols.append(X.Column(t("未审核", "Not walked"), w[4], "center"))
    doc.table(cols, [[str(tally[r]) for r in Result] + [str(len(audit.samples) - audit.walked)]])

    doc.heading(t("四、不符合项", "4. Nonconformities"))
    ncs = audit.nonconformities()
    if ncs:
        w = X.widths(X.A4_TEXT_WIDTH, [2.0, 1.2, 1.4, 1.2, 3.0, 1.6])
        cols = [
            X.Column(t("报告编号", "Report"), w[0]),
            X.Column(t("部门", "Department"), w[1]),
            X.Column(t("条款", "Clause"), w[2]),
            X.Column(t("等级", "Grade"), w[3]),
            X.Column(t("不符合事实", "Finding"), w[4]),
            X.Column(t("纠正措施", "Corrective action"), w[5]),
        ]
        rows = []
        for s in ncs:
            action = data.action(s)
            grade = s.result.grade if s.result else None
            rows.append(
                [
                    _nc_number(data, s),
                    data.department(s.department),
                    data.clause(s),
                    data.text(GRADE_TEXT[grade]) if grade else "",
                    _finding(data, s),
                    f"{action.key} {data.text(STATUS_TEXT[action.status])}" if action else "—",
                ]
            )
        doc.table(cols, rows, size=18)
    else:
        doc.para(t("未发现不符合项。", "No nonconformities were found."))

    doc.heading(t("五、审核总结", "5. Summary"))
    doc.para(_summary(data))
    doc.heading(t("六、审核结论", "6. Conclusion"))
    doc.para(_conclusion(data))
    doc.para("")
    doc.para(
        t(
            "审核组长（签字）：____________　　日期：__________",
            "Lead auditor (signature): ____________   Date: __________",
        )
    )
    doc.para(
        t(
            "管理者代表（签字）：____________　　日期：__________",
            "Management representative (signature): ____________   Date: __________",
        )
    )
    title = t("内部审核报告", "Internal audit report")
    return doc.save(
        title=f"{title} {audit.key}",
        subject=info.company,
        author=info.company,
        as_of=_moment(audit.date),
    )


def _finding(data: ReportData, sample: Sample) -> str:
    return data.text(finding_text(sample))


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12, 0))


def nonconformity_report(data: ReportData, sample: Sample) -> bytes:
    audit, info, t = data.audit, data.info, data.t
    action = data.action(sample)
    doc = PackDocument(data.lang, footer=t("第 {page} 页 共 {pages} 页", "Page {page} of {pages}"))
    _title(doc, t("不符合项报告", "Nonconformity report"))
    doc.para(f"{t('编号', 'No.')}：{_nc_number(data, sample)}", align="right")
    grade = sample.result.grade if sample.result else None
    boxes = "　".join(
        ("☑ " if grade is g else "☐ ") + data.text(GRADE_TEXT[g])
        for g in (Grade.MAJOR, Grade.MINOR)
    )
    seen = sample.evidence_seen or data.files(sample.evidence_ids) or "—"
    _label_table(
        doc,
        [
            (t("受审核单位", "Organisation"), info.company),
            (t("受审核部门", "Department"), data.department(sample.department)),
            (t("审核日期", "Audit date"), audit.date.isoformat()),
            (t("审核员", "Auditors"), t("、", ", ").join(audit.auditors) or "—"),
            (
                t("审核准则及条款", "Criteria and clause"),
                f"{EDITION_TITLE[info.edition.value]} {data.clause(sample)}".strip(),
            ),
            (t("不符合事实", "Finding"), _finding(data, sample)),
            (t("查看的证据", "Evidence looked at"), seen),
            (t("不符合等级", "Grade"), boxes),
        ],
    )
    doc.para(
        t(
            "审核员（签字）：____________　　日期：__________",
            "Auditor (signature): ____________   Date: __________",
        )
    )
    doc.para(
        t(
            "受审核方确认（签字）：____________　　日期：__________",
            "Auditee (signature): ____________   Date: __________",
        )
    )

    def value(text: str) -> str:
        return text if text.strip() else ""

    verification = action.verification if action else None
    completed = ""
    if action and action.completed:
        files = data.files(action.evidence_ids)
        completed = f"{action.completed.isoformat()}" + (f"；{files}" if files else "")
    _label_table(
        doc,
        [
            (t("原因分析", "Root cause"), value(action.root_cause) if action else ""),
            (t("纠正", "Correction"), value(action.correction) if action else ""),
            (t("纠正措施", "Corrective action"), value(action.action) if action else ""),
            (t("责任人", "Owner"), action.owner if action else ""),
            (t("完成期限", "Due date"), action.due.isoformat() if action and action.due else ""),
            (t("完成情况及证据", "Completed, with evidence"), completed),
            (
                t("纠正措施编号及状态", "Corrective action and status"),
                f"{action.key} {data.text(STATUS_TEXT[action.status])}" if action else "",
            ),
        ],
    )
    doc.para(
        t(
            "受审核部门负责人（签字）：____________　　日期：__________",
            "Head of the department (signature): ____________   Date: __________",
        )
    )
    effective = ""
    if verification is not None:
        effective = t("有效", "effective") if verification.effective else t("无效", "not effective")
    _label_table(
        doc,
        [
            (t("验证日期", "Verified on"), verification.date.isoformat() if verification else ""),
            (t("验证人", "Verified by"), verification.by if verification else ""),
            (
                t("验证结果", "Result"),
                f"{verification.result}（{effective}）" if verification else "",
            ),
        ],
    )
    doc.para(
        t(
            "验证人（签字）：____________　　日期：__________",
            "Verified by (signature): ____________   Date: __________",
        )
    )
    title = t("不符合项报告", "Nonconformity report")
    return doc.save(
        title=f"{title} {_nc_number(data, sample)}",
        subject=info.company,
        author=info.company,
        as_of=_moment(audit.date),
    )


def file_names(data: ReportData) -> list[tuple[str, Sample | None]]:
    """The files ``write_all`` writes: the report first, then one per nonconformity."""
    t = data.t
    out: list[tuple[str, Sample | None]] = [
        (f"{t('内审报告', 'internal-audit-report')}-{data.audit.key}.docx", None)
    ]
    for s in data.audit.nonconformities():
        out.append((f"{t('不符合项报告', 'nonconformity-report')}-{_nc_number(data, s)}.docx", s))
    return out


def write_all(
    data: ReportData,
    folder: Path,
    *,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> list[Path]:
    """Write the internal audit report and the nonconformity reports into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    names = file_names(data)
    written = []
    for n, (name, sample) in enumerate(names):
        if cancel is not None and cancel():
            raise Cancelled()
        content = (
            internal_audit_report(data) if sample is None else nonconformity_report(data, sample)
        )
        written.append(write_atomic(folder / name, content))
        if progress is not None:
            progress(n + 1, len(names))
    return written
