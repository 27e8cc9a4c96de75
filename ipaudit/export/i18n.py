"""Texts of the readiness pack in both languages: document wording and file and folder names."""

from __future__ import annotations

from ipaudit.domain.model import AuditType, Grade, ItemKind, Status
from ipaudit.text import Text

# key -> text. Placeholders are str.format fields.
TEXTS: dict[str, Text] = {
    # file and folder names
    "file.report": Text("迎审就绪报告", "readiness-report"),
    "file.workbook": Text("迎审工作簿", "readiness-workbook"),
    "file.readme": Text("说明", "README"),
    "dir.interviews": Text("访谈准备单", "interview-sheets"),
    "dir.evidence": Text("证据", "evidence"),
    "dir.forms": Text("空白表单", "blank-forms"),
    "dir.older": Text("旧版本", "older-versions"),
    "file.interview": Text("访谈准备单-{department}", "interview-{department}"),
    "pack.default_name": Text("{company}-迎审资料包", "{company}-readiness-pack"),
    "dep.other": Text("其他", "other"),
    # report: cover
    "report.title": Text(
        "知识产权合规管理体系认证审核\n迎审就绪报告",
        "IP Management System Audit\nReadiness Report",
    ),
    "cover.company": Text("受审核组织", "Organisation"),
    "cover.standard": Text("审核依据", "Standard"),
    "cover.audit_type": Text("审核类型", "Audit type"),
    "cover.audit_dates": Text("审核日期", "Audit dates"),
    "cover.period": Text("审核覆盖期", "Period covered"),
    "cover.overall": Text("总体就绪度", "Overall readiness"),
    "cover.blocking": Text("待解决的阻断项", "Blocking findings open"),
    "cover.prepared": Text("资料截至", "Data as of"),
    "cover.redacted": Text(
        "本报告已对正文中的身份证号码和手机号码做脱敏处理；证据文件为原件，其内容未做脱敏。",
        "Resident ID and mobile numbers in the text of this report are masked; the evidence files"
        " are the originals and their contents are not redacted.",
    ),
    "toc.title": Text("目录", "Contents"),
    "toc.placeholder": Text(
        "（在 Word 中右键点击此处并选择“更新域”可刷新目录和页码）",
        "(In Word, right-click here and choose Update Field to refresh the contents and page numbers)",
    ),
    "footer.page": Text("第 {page} 页，共 {pages} 页", "Page {page} of {pages}"),
    # summary
    "summary.title": Text("就绪度概览", "Readiness summary"),
    "summary.text": Text(
        "截至 {date}，{company} 共有 {items} 个适用条目，其中 {ready} 个已就绪，总体就绪度 {percent}；"
        "发现项 {findings} 项（严重 {major}、一般 {minor}、观察 {observation}），阻断项 {blocking} 项。",
        "As of {date}, {company} has {items} applicable items, {ready} of them ready; overall readiness "
        "{percent}. Findings: {findings} ({major} major, {minor} minor, {observation} observations); "
        "{blocking} blocking.",
    ),
    # verdict and must-fix list (page one; the rule is in verdict.py)
    "verdict.title": Text("结论", "Verdict"),
    "verdict.ready": Text(
        "{company} 已就绪，可以迎接 {start} 开始的审核。",
        "{company} is ready for the audit starting on {start}.",
    ),
    "verdict.conditions": Text(
        "{company} 有条件就绪：迎接 {start} 开始的审核，须在 {deadline} 前关闭下列 {n} 项一般不符合。",
        "{company} is ready for the audit on {start} with conditions: the {n} minor findings below"
        " must be closed by {deadline}.",
    ),
    "verdict.not_ready": Text(
        "{company} 尚未就绪：不能迎接 {start} 开始的审核，除非下列 {n} 项（其中严重 {major} 项）"
        "在 {deadline} 前完成整改。",
        "{company} is not ready for the audit on {start} unless the {n} items below ({major}"
        " major) are done by {deadline}.",
    ),
    "verdict.overdue": Text(
        "{company} 尚未就绪：距 {start} 开始的审核已不足 {margin} 天，仍有 {n} 项阻断项未关闭"
        "（整改期限 {deadline} 已过）。",
        "{company} is not ready for the audit on {start}: {n} blocking findings are still open"
        " and the deadline to close them ({deadline}, {margin} days before) has passed.",
    ),
    "verdict.rule": Text(
        "判定规则：有未接受的严重发现项，或整改期限已过仍有阻断项 → 未就绪；只剩一般发现项 → "
        "有条件就绪；没有阻断项 → 就绪（观察项不影响结论）。整改期限 = 审核首日前 {margin} 天。",
        "Rule: an unaccepted major finding, or blocking findings left after the deadline → not"
        " ready; only minor findings left → ready with conditions; none → ready (observations do"
        " not count). Deadline = the audit's first day minus {margin} days.",
    ),
    "verdict.department": Text("{department}：{n} 项", "{department}: {n}"),
    "verdict.must_fix_by": Text(
        "必须在 {deadline} 前完成的整改（按部门）",
        "Must be fixed by {deadline}, by department",
    ),
    "verdict.more": Text(
        "另有 {n} 项（{departments}）见第 {page} 页。",
        "{n} more ({departments}) on page {page}.",
    ),
    "verdict.continued": Text("必须完成的整改（续）", "Must be fixed (continued)"),
    "trend.none": Text(
        "此前没有数字不同的导出，尚无变化趋势。",
        "No earlier export with different figures: no trend yet.",
    ),
    "trend.since": Text(
        "与 {date} 的导出相比：阻断项 {before} → {after}，总体就绪度 {p_before} → {p_after}。",
        "Since the export of {date}: blocking findings {before} → {after}, overall readiness"
        " {p_before} → {p_after}.",
    ),
    "header.running": Text("{company}　{audit} {dates}", "{company} · {audit} audit {dates}"),
    "facts.split_mismatch": Text(
        "⚠ 分解合计 {total}{unit}，与目标 {target}{unit} 不符",
        "⚠ the split adds up to {total}{unit}, not {target}{unit}",
    ),
    "summary.chart": Text("各部门就绪度", "Readiness per department"),
    "summary.by_grade": Text("发现项按等级", "Findings by grade"),
    "summary.by_department": Text("各部门就绪情况", "Readiness by department"),
    "col.department": Text("部门", "Department"),
    "col.readiness": Text("就绪度", "Readiness"),
    "col.readiness_pct": Text("就绪度(%)", "Readiness (%)"),
    "col.items": Text("适用条目", "Items"),
    "col.ready": Text("已就绪", "Ready"),
    "col.blocking": Text("阻断项", "Blocking"),
    "col.grade": Text("等级", "Grade"),
    "grade.major": Text("严重", "Major"),
    "grade.minor": Text("一般", "Minor"),
    "grade.observation": Text("观察", "Observation"),
    "col.count": Text("数量", "Count"),
    "col.open": Text("未接受", "Open"),
    "col.accepted": Text("已接受说明", "Accepted explanation"),
    "col.clause": Text("条款", "Clause"),
    "col.clause_2013": Text("2013版条款", "2013 clause"),
    "col.item": Text("条目", "Item"),
    "col.item_key": Text("条目编号", "Item key"),
    "col.kind": Text("要求类型", "Kind"),
    "col.status": Text("状态", "Status"),
    "col.evidence": Text("证据数", "Files"),
    "col.worst": Text("最严重发现", "Worst finding"),
    "col.message": Text("发现", "Finding"),
    "col.todo": Text("应采取的措施", "What to do"),
    "col.refs": Text("涉及", "Involves"),
    "col.title": Text("标题", "Title"),
    "col.original": Text("原文件名", "Original name"),
    "col.doc_number": Text("文件编号", "Document no."),
    "col.version": Text("版本", "Version"),
    "col.date": Text("日期", "Date"),
    "col.size": Text("大小(字节)", "Size (bytes)"),
    "col.sha256": Text("SHA-256", "SHA-256"),
    "col.path": Text("资料包中的位置", "Place in the pack"),
    "col.current": Text("当前版本", "Current"),
    "col.slot": Text("位置", "Slot"),
    "col.question": Text("问题", "Question"),
    "col.answer": Text("统一口径答案", "Official answer"),
    "col.source": Text("依据", "Based on"),
    "col.record": Text("记录", "Record"),
    "col.form": Text("空白表单", "Blank form"),
    "col.no": Text("序号", "No."),
    "col.value": Text("内容", "Value"),
    "col.field": Text("项目", "Field"),
    # per department
    "dep.title": Text("{department}", "{department}"),
    "dep.headcount": Text("人数：{n} 人", "Headcount: {n}"),
    "dep.duties": Text("职责：{text}", "Duties: {text}"),
    "dep.readiness": Text(
        "就绪度 {percent}，{ready}/{items} 个条目已就绪；严重 {major}、一般 {minor}、观察 {observation}。",
        "Readiness {percent}; {ready} of {items} items ready; {major} major, {minor} minor, {observation} observations.",
    ),
    "dep.items": Text("条目状态", "Items"),
    "dep.findings": Text("发现项与整改措施", "Findings and what to do"),
    "dep.no_findings": Text("本部门没有发现项。", "No findings for this department."),
    "dep.evidence": Text("所依据的证据", "Evidence relied on"),
    "dep.no_evidence": Text("本部门尚无证据文件。", "No evidence files for this department yet."),
    # facts
    "facts.title": Text("手册声明的事实", "Facts declared in the IP manual"),
    "facts.policy": Text("知识产权方针", "IP policy"),
    "facts.objectives": Text("知识产权目标及分解", "IP objectives and their split"),
    "facts.manual_objectives": Text("手册中的目标表述", "Objectives as worded in the manual"),
    "facts.headcount": Text("人数与职责", "Headcount and duties"),
    "facts.procedures": Text("程序文件", "Procedures"),
    "facts.certificates": Text("其他认证证书", "Other certificates"),
    "facts.portfolio": Text("知识产权数量", "IP portfolio"),
    "facts.extra": Text("其他事实", "Other facts"),
    "facts.none": Text("（未填写）", "(not declared)"),
    "facts.total": Text("合计", "Total"),
    "facts.budget": Text("知识产权经费预算与支出", "IP budget and spending"),
    "col.budget": Text("预算(元)", "Budget (yuan)"),
    "col.spent": Text("实际支出(元)", "Spent (yuan)"),
    "col.variance": Text("差额(元)", "Variance (yuan)"),
    "col.objective": Text("目标", "Objective"),
    "col.target": Text("公司指标", "Target"),
    "col.unit": Text("单位", "Unit"),
    "col.split": Text("部门分解", "Split by department"),
    "col.year": Text("年度", "Year"),
    "col.headcount": Text("人数", "Headcount"),
    "col.duties": Text("职责", "Duties"),
    "col.code": Text("编号", "Code"),
    "col.ip_type": Text("类型", "Type"),
    "portfolio.invention": Text("发明专利", "Invention patents"),
    "portfolio.utility_model": Text("实用新型专利", "Utility models"),
    "portfolio.design": Text("外观设计专利", "Designs"),
    "portfolio.software_copyright": Text("软件著作权", "Software copyrights"),
    "portfolio.trademark": Text("注册商标", "Trademarks"),
    "extra.projects_in_progress": Text("同时在研项目数", "Projects in progress"),
    "extra.search_phases": Text("知识产权检索的阶段", "When IP searches are done"),
    "extra.manual_version": Text("知识产权手册现行版本", "Current version of the IP manual"),
    # ledgers
    "ledger.title": Text("财务台账核对", "Finance ledger reconciliation"),
    "ledger.none": Text(
        "工作区尚未导入财务台账（奖惩记录表、奖金发放登记表、经费使用记录），因此没有核对结果。",
        "No finance ledgers (reward record, payment register, expense record) have been imported, so there is no reconciliation.",
    ),
    "ledger.compare": Text("核对结果", "Comparison"),
    "ledger.kinds": Text("差异分类", "Discrepancies by kind"),
    "ledger.totals": Text("各年度合计", "Totals per year"),
    "ledger.appendix": Text("附录：差异明细", "Appendix: every discrepancy"),
    "ledger.no_discrepancies": Text(
        "三本台账相互一致，没有差异。",
        "The three ledgers agree; no discrepancies.",
    ),
    "ledger.open": Text("未接受的差异", "Open differences"),
    "ledger.open_text": Text(
        "下列 {n} 项差异尚未更正，也未写明接受理由；审核员会逐项询问。",
        "The {n} differences below are neither corrected nor accepted with an explanation; the"
        " auditor will ask about each.",
    ),
    "ledger.no_open": Text("没有未接受的差异。", "No open difference."),
    "ledger.accepted": Text("已接受的差异及说明", "Accepted differences and their explanations"),
    "col.where": Text("出处", "Where"),
    "col.discrepancy": Text("差异", "Discrepancy"),
    "col.persons": Text("人员", "Persons"),
    "col.ip": Text("知识产权", "IP item"),
    "col.expected": Text("应为", "Expected"),
    "col.actual": Text("实际", "Actual"),
    "col.difference": Text("差额", "Difference"),
    "col.rows": Text("涉及行", "Rows"),
    "col.period": Text("期间", "Period"),
    "col.rewards": Text("奖励决定", "Rewards decided"),
    "col.payments": Text("已发放", "Paid"),
    "col.expenses": Text("经费奖励", "Booked as expense"),
    "col.person": Text("姓名", "Name"),
    "col.amount": Text("金额", "Amount"),
    "col.amount_yuan": Text("金额(元)", "Amount (yuan)"),
    "col.matched": Text("一致", "Matched"),
    "col.unmatched": Text("不一致", "Not matched"),
    "col.voucher": Text("凭证号", "Voucher"),
    "col.category": Text("类别", "Category"),
    "col.text": Text("摘要/事由", "Description"),
    "col.penalty": Text("奖/惩", "Reward/penalty"),
    "col.file": Text("文件", "File"),
    "col.sheet": Text("工作表", "Sheet"),
    "col.row": Text("行", "Row"),
    "col.column": Text("列", "Column"),
    "col.raw": Text("原始内容", "Raw text"),
    "col.reason": Text("问题", "Problem"),
    "col.stated": Text("合计行金额", "Stated"),
    "col.computed": Text("逐行相加", "Computed"),
    "penalty": Text("惩", "penalty"),
    "reward": Text("奖", "reward"),
    # evidence index
    "index.title": Text("证据索引", "Evidence index"),
    "index.text": Text(
        "共 {n} 个证据文件。文件按“证据/部门/条款 条目/”存放；原文件名见下表，SHA-256 可用于核对文件未被改动。",
        "{n} evidence files, filed under evidence/<department>/<clause item>/. The original names are listed "
        "below; the SHA-256 proves a file is unchanged.",
    ),
    "index.not_included": Text(
        "（本资料包未包含证据文件）",
        "(evidence files not included in this pack)",
    ),
    # interview sheets
    "iv.title": Text("访谈准备单", "Interview preparation sheet"),
    "iv.intro": Text(
        "本单列出审核员会问{department}的问题，以及按手册声明的事实确定的统一口径答案。回答须与手册和记录一致。",
        "The questions auditors ask {department}, with the official answer taken from the facts the IP manual "
        "declares. Answers must agree with the manual and the records.",
    ),
    "iv.common": Text("每个部门都会被问到", "Asked of every department"),
    "iv.items": Text("本部门条目的问题", "Questions on this department's items"),
    "iv.records": Text("需备好的记录", "Records to have at hand"),
    "iv.src.fact": Text("手册事实", "Manual fact"),
    "iv.src.answer": Text("部门答案", "Department's answer"),
    "iv.src.none": Text("尚未准备", "Not prepared yet"),
    "iv.src.conflict": Text(
        "部门答案与手册不一致，请以手册为准",
        "The department's answer contradicts the manual; use the manual's",
    ),
    "iv.missing": Text("缺失", "missing"),
    "iv.form_at": Text("空白表单：{path}", "Blank form: {path}"),
    "iv.not_in_pack": Text("（未随资料包导出）", "(not exported with this pack)"),
    "iv.none": Text("（无）", "(none)"),
    "iv.open": Text("审核员会问到的发现项", "Open findings the auditor will ask about"),
    "iv.open_intro": Text(
        "本部门有 {n} 项尚未解决的发现项。审核前能整改的先整改；仍未解决的，按下表准备应答。",
        "The department has {n} open findings. Fix what can be fixed before the audit; for the"
        " rest, prepare the answer below.",
    ),
    "iv.no_open": Text("本部门没有未解决的发现项。", "The department has no open finding."),
    "col.say": Text("应答要点", "What to say"),
    "col.show": Text("出示材料", "What to show"),
    # blank forms
    "form.company": Text("单位：{company}", "Organisation: {company}"),
    "form.for_item": Text("对应条目：{clause} {item}", "For item: {clause} {item}"),
    "form.signature": Text(
        "填表人：            审核人：            日期：",
        "Filled in by:            Checked by:            Date:",
    ),
    # readme
    "readme.title": Text("迎审资料包", "Readiness pack"),
    "readme.contents": Text("内容", "Contents"),
    "readme.report": Text("迎审就绪报告（Word）", "readiness report (Word)"),
    "readme.report_pdf": Text("迎审就绪报告（PDF）", "readiness report (PDF)"),
    "readme.workbook": Text("迎审工作簿（Excel）", "readiness workbook (Excel)"),
    "readme.interviews": Text("各部门访谈准备单", "interview sheets, one per department"),
    "readme.evidence": Text(
        "按部门和条款存放的证据文件（原件，未做脱敏）",
        "evidence by department and clause (original files, not redacted)",
    ),
    "readme.forms": Text("缺失记录的空白表单", "blank forms for missing records"),
    "readme.manifest": Text("文件清单和 SHA-256 校验值", "list of files with SHA-256 checksums"),
    "readme.verify": Text(
        "核对资料包未被改动：ipaudit verify <资料包>，或在资料包目录中运行 sha256sum -c SHA256SUMS。",
        "To prove nothing was changed: ipaudit verify <pack>, or run sha256sum -c SHA256SUMS inside the pack.",
    ),
    "readme.options": Text("导出选项", "Options"),
    "readme.notes": Text("说明", "Notes"),
    "note.no_soffice": Text(
        "未生成 PDF：本机未安装 LibreOffice（soffice）。安装 LibreOffice 后重新导出，或在 Word/WPS 中将报告另存为 PDF。",
        "No PDF was made: LibreOffice (soffice) is not installed on this computer. Install LibreOffice and export "
        "again, or save the report as PDF from Word/WPS.",
    ),
    "note.pdf_failed": Text(
        "未生成 PDF：LibreOffice 转换失败（{detail}）。可在 Word/WPS 中将报告另存为 PDF。",
        "No PDF was made: the LibreOffice conversion failed ({detail}). Save the report as PDF from Word/WPS.",
    ),
    "note.toc_no_soffice": Text(
        "报告目录未填页码：本机未安装 LibreOffice（soffice）。在 Word 中右键点击目录并选择“更新域”即可填上。",
        "The report's contents have no page numbers: LibreOffice (soffice) is not installed on this"
        " computer. In Word, right-click the contents and choose Update Field to fill them in.",
    ),
    "note.toc_failed": Text(
        "报告目录未填页码：LibreOffice 排版失败（{detail}）。在 Word 中右键点击目录并选择“更新域”即可填上。",
        "The report's contents have no page numbers: the LibreOffice layout failed ({detail}). In"
        " Word, right-click the contents and choose Update Field to fill them in.",
    ),
    "note.no_evidence": Text(
        "按导出选项，本资料包未包含证据文件。",
        "As chosen, this pack does not include the evidence files.",
    ),
    "note.redacted": Text(
        "报告、工作簿和访谈单中的身份证号码和手机号码已脱敏；证据文件为原件。",
        "Resident ID and mobile numbers are masked in the report, workbook and interview sheets; evidence files are originals.",
    ),
    "note.stale_removed": Text(
        "已清理此前被中断的导出留下的 {count} 个临时文件夹。",
        "Temporary folders left by an earlier export that was interrupted, removed: {count}.",
    ),
    "note.history_not_recorded": Text(
        "资料包已完整生成，但未能记入工作区的导出记录（{reason}），因此无法用该工作区核对它。",
        "The pack is complete, but it could not be added to the workspace's export history"
        " ({reason}), so it cannot be checked against that workspace.",
    ),
    "opt.language": Text("语言", "Language"),
    "opt.evidence": Text("包含证据", "Evidence included"),
    "opt.older": Text("包含旧版本", "Older versions included"),
    "opt.redact": Text("脱敏", "Redaction"),
    "opt.pdf": Text("PDF", "PDF"),
    "yes": Text("是", "yes"),
    "no": Text("否", "no"),
    # workbook sheets
    "sheet.overview": Text("概览", "Overview"),
    "sheet.checklist": Text("检查清单", "Checklist"),
    "sheet.evidence": Text("证据索引", "Evidence index"),
    "sheet.findings": Text("发现项", "Findings"),
    "sheet.reconciliation": Text("台账核对汇总", "Reconciliation"),
    "sheet.rewards": Text("奖惩记录表", "Reward record"),
    "sheet.payments": Text("奖金发放登记表", "Payment register"),
    "sheet.expenses": Text("经费使用记录", "Expense record"),
    "sheet.year_totals": Text("台账年度合计", "Ledger totals by year"),
    "sheet.problems": Text("导入问题", "Import problems"),
    "wb.overall": Text("总体", "Overall"),
    "wb.open_link": Text("打开", "open"),
    "wb.findings_of_row": Text("本行的差异", "Discrepancies of this row"),
    "wb.no_ledgers": Text("尚未导入财务台账。", "No finance ledgers imported."),
    "wb.no_problems": Text("没有导入问题。", "No import problems."),
}

GRADE_TEXT: dict[Grade, Text] = {
    Grade.MAJOR: Text("× 严重不符合", "× major"),
    Grade.MINOR: Text("○ 一般不符合", "○ minor"),
    Grade.OBSERVATION: Text("△ 观察项", "△ observation"),
}

STATUS_TEXT: dict[Status, Text] = {
    Status.NOT_STARTED: Text("未开始", "not started"),
    Status.IN_PROGRESS: Text("进行中", "in progress"),
    Status.READY: Text("已就绪", "ready"),
    Status.NOT_APPLICABLE: Text("不适用", "not applicable"),
    Status.NEEDS_REFRESH: Text("需更新（上周期记录）", "needs refresh (last cycle's records)"),
}

KIND_TEXT: dict[ItemKind, Text] = {
    ItemKind.DOCUMENT: Text("文件", "document"),
    ItemKind.RECORDS: Text("记录", "records"),
    ItemKind.RECORD_SET: Text("成套记录", "record set"),
    ItemKind.YEARLY: Text("逐年记录", "yearly records"),
    ItemKind.ANSWER: Text("问答", "answers"),
}

AUDIT_TYPE_TEXT: dict[AuditType, Text] = {
    AuditType.INITIAL: Text("初次认证审核", "initial certification"),
    AuditType.SURVEILLANCE: Text("监督审核", "surveillance"),
    AuditType.RECERTIFICATION: Text("再认证审核", "recertification"),
}

# What to do about a finding, by finding code (ledger findings share one text).
TODO_TEXT: dict[str, Text] = {
    "evidence_missing": Text(
        "补齐该记录并附到条目上；如有空白表单，可从资料包的“空白表单”文件夹开始填写。",
        "Produce the record and attach it to the item; where a blank form exists, start from the blank-forms folder.",
    ),
    "too_few_records": Text(
        "补充记录至要求的份数。",
        "Add records until the required number is reached.",
    ),
    "year_not_covered": Text("补充该年度的记录。", "Add the record for that year."),
    "evidence_outside_period": Text(
        "换成审核覆盖期内的记录，或在备注中说明为何引用期外记录。",
        "Replace it with a record from the audit period, or note why an older record is cited.",
    ),
    "record_set_incomplete": Text("补齐缺少的子记录。", "Add the missing sub-records."),
    "answer_missing": Text(
        "与部门负责人确定答案并填写；答案须与手册一致。",
        "Agree the answer with the department head and enter it; it must agree with the manual.",
    ),
    "fact_not_declared": Text(
        "在“手册事实”中填写该事实，答案才能核对。",
        "Declare the fact under the manual's facts so the answer can be checked.",
    ),
    "answer_contradicts_fact": Text(
        "统一口径：按手册修改答案，或先更正手册。",
        "Align the answer with the manual, or correct the manual first.",
    ),
    "objective_split_mismatch": Text(
        "调整目标分解，使各部门指标之和等于公司目标。",
        "Adjust the split so the department targets add up to the company target.",
    ),
    "objective_not_in_list": Text(
        "把手册中的目标列入目标清单，或修改手册的表述。",
        "Add the manual's objective to the objectives list, or reword the manual.",
    ),
    "na_without_reason": Text(
        "写明不适用（删减）的理由。", "Write down why the item does not apply."
    ),
    "mandatory_not_applicable": Text(
        "必备要求不能删减：撤销“不适用”，按要求准备记录。",
        "A mandatory requirement cannot be waived: withdraw 'not applicable' and prepare its records.",
    ),
    "department_without_records": Text(
        "该部门须按检查清单逐项准备记录；一份都没有会被判为严重不符合。",
        "The department must prepare its records item by item; none at all is a major nonconformity.",
    ),
    "record_undated": Text(
        "在证据上填写文件日期（或有效期）；无日期的记录不能作为证据。",
        "Give the file its date (or validity); an undated record proves nothing.",
    ),
    "document_not_in_force": Text(
        "附上审核期内有效的版本（续签的合同、现行的程序文件），或说明替代文件。",
        "Attach the version in force during the audit period (the renewed contract, the current procedure), or name the one that replaced it.",
    ),
    "period_not_covered": Text(
        "补齐所列月份或季度的记录。",
        "Add the records of the months or quarters listed.",
    ),
    "records_out_of_order": Text(
        "核对记录日期：后一阶段的记录不能早于前一阶段；更正日期或补齐缺失的前序记录。",
        "Check the dates: a later phase cannot predate the one before it; correct the dates or add the missing earlier record.",
    ),
    "records_same_day": Text(
        "核对这些记录是否确为当日形成；按实际发生日期保存记录，避免集中补记录。",
        "Check that the records really were made that day; keep records as the work happens, not in one sitting.",
    ),
    "evidence_empty": Text(
        "打开原件核对：换成有内容的文件（新版本），或移除这个空文件；空文件不算记录。",
        "Check the original: attach the file with its contents (as a new version), or remove"
        " the empty one; an empty file is no record.",
    ),
    "evidence_duplicate": Text(
        "移除重复的一份；如本应是另一份记录（另一次培训、另一份合同），换成那份记录。",
        "Remove the copy; if another record was meant (another training, another contract),"
        " attach that one instead.",
    ),
    "procedure_not_declared": Text(
        "在“手册事实”中为该部门声明其执行的程序文件。",
        "Declare, under the manual's facts, the procedures this department follows.",
    ),
    "ledger": Text(
        "核对三本台账对应的行，更正差异；确属合理的差异请写明接受理由。",
        "Check the rows of the three ledgers and correct the difference; if it is justified, accept it with a written explanation.",
    ),
}
DEFAULT_TODO = Text("按发现项内容整改。", "Correct what the finding describes.")


def t(key: str, lang: str, **fields: object) -> str:
    text = TEXTS[key].get(lang)
    return text.format(**fields) if fields else text


def grade_text(grade: Grade, lang: str) -> str:
    return GRADE_TEXT[grade].get(lang)


def status_text(status: Status, lang: str) -> str:
    return STATUS_TEXT[status].get(lang)


def todo_text(code: str, lang: str) -> str:
    if code.startswith("ledger."):
        return TODO_TEXT["ledger"].get(lang)
    return TODO_TEXT.get(code, DEFAULT_TODO).get(lang)


def paren(text: str, lang: str) -> str:
    """`` (text)`` in English, ``（text）`` in Chinese; "" for no text."""
    if not text:
        return ""
    return f" ({text})" if lang.startswith("en") else f"（{text}）"


def colon(lang: str) -> str:
    return ": " if lang.startswith("en") else "："


def percent(value: float) -> str:
    return f"{value:.1f}%"
