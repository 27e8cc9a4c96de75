"""Texts of the readiness pack in both languages: document wording and file and folder names."""

from __future__ import annotations

from ipaudit.domain.model import AuditType, Grade, ItemKind, Status

# key -> (zh, en). Placeholders are str.format fields.
TEXTS: dict[str, tuple[str, str]] = {
    # file and folder names
    "file.report": ("迎审就绪报告", "readiness-report"),
    "file.workbook": ("迎审工作簿", "readiness-workbook"),
    "file.readme": ("说明", "README"),
    "dir.interviews": ("访谈准备单", "interview-sheets"),
    "dir.evidence": ("证据", "evidence"),
    "dir.forms": ("空白表单", "blank-forms"),
    "dir.older": ("旧版本", "older-versions"),
    "file.interview": ("访谈准备单-{department}", "interview-{department}"),
    "pack.default_name": ("{company}-迎审资料包", "{company}-readiness-pack"),
    "dep.other": ("其他", "other"),
    # report: cover
    "report.title": (
        "知识产权合规管理体系认证审核\n迎审就绪报告",
        "IP Management System Audit\nReadiness Report",
    ),
    "cover.company": ("受审核组织", "Organisation"),
    "cover.standard": ("审核依据", "Standard"),
    "cover.audit_type": ("审核类型", "Audit type"),
    "cover.audit_dates": ("审核日期", "Audit dates"),
    "cover.period": ("审核覆盖期", "Period covered"),
    "cover.overall": ("总体就绪度", "Overall readiness"),
    "cover.blocking": ("待解决的阻断项", "Blocking findings open"),
    "cover.prepared": ("资料截至", "Data as of"),
    "cover.redacted": (
        "本报告已对正文中的身份证号码和手机号码做脱敏处理；证据文件为原件，其内容未做脱敏。",
        "Resident ID and mobile numbers in the text of this report are masked; the evidence files"
        " are the originals and their contents are not redacted.",
    ),
    "toc.title": ("目录", "Contents"),
    "toc.placeholder": (
        "（在 Word 中右键点击此处并选择“更新域”可刷新目录和页码）",
        "(In Word, right-click here and choose Update Field to refresh the contents and page numbers)",
    ),
    "footer.page": ("第 {page} 页，共 {pages} 页", "Page {page} of {pages}"),
    # summary
    "summary.title": ("就绪度概览", "Readiness summary"),
    "summary.text": (
        "截至 {date}，{company} 共有 {items} 个适用条目，其中 {ready} 个已就绪，总体就绪度 {percent}；"
        "发现项 {findings} 项（严重 {major}、一般 {minor}、观察 {observation}），阻断项 {blocking} 项。",
        "As of {date}, {company} has {items} applicable items, {ready} of them ready; overall readiness "
        "{percent}. Findings: {findings} ({major} major, {minor} minor, {observation} observations); "
        "{blocking} blocking.",
    ),
    # verdict and must-fix list (page one; the rule is in verdict.py)
    "verdict.title": ("结论", "Verdict"),
    "verdict.ready": (
        "{company} 已就绪，可以迎接 {start} 开始的审核。",
        "{company} is ready for the audit starting on {start}.",
    ),
    "verdict.conditions": (
        "{company} 有条件就绪：迎接 {start} 开始的审核，须在 {deadline} 前关闭下列 {n} 项一般不符合。",
        "{company} is ready for the audit on {start} with conditions: the {n} minor findings below"
        " must be closed by {deadline}.",
    ),
    "verdict.not_ready": (
        "{company} 尚未就绪：不能迎接 {start} 开始的审核，除非下列 {n} 项（其中严重 {major} 项）"
        "在 {deadline} 前完成整改。",
        "{company} is not ready for the audit on {start} unless the {n} items below ({major}"
        " major) are done by {deadline}.",
    ),
    "verdict.overdue": (
        "{company} 尚未就绪：距 {start} 开始的审核已不足 {margin} 天，仍有 {n} 项阻断项未关闭"
        "（整改期限 {deadline} 已过）。",
        "{company} is not ready for the audit on {start}: {n} blocking findings are still open"
        " and the deadline to close them ({deadline}, {margin} days before) has passed.",
    ),
    "verdict.rule": (
        "判定规则：有未接受的严重发现项，或整改期限已过仍有阻断项 → 未就绪；只剩一般发现项 → "
        "有条件就绪；没有阻断项 → 就绪（观察项不影响结论）。整改期限 = 审核首日前 {margin} 天。",
        "Rule: an unaccepted major finding, or blocking findings left after the deadline → not"
        " ready; only minor findings left → ready with conditions; none → ready (observations do"
        " not count). Deadline = the audit's first day minus {margin} days.",
    ),
    "verdict.department": ("{department}：{n} 项", "{department}: {n}"),
    "verdict.must_fix_by": (
        "必须在 {deadline} 前完成的整改（按部门）",
        "Must be fixed by {deadline}, by department",
    ),
    "verdict.more": (
        "另有 {n} 项（{departments}）见第 {page} 页。",
        "{n} more ({departments}) on page {page}.",
    ),
    "verdict.continued": ("必须完成的整改（续）", "Must be fixed (continued)"),
    "trend.none": (
        "此前没有数字不同的导出，尚无变化趋势。",
        "No earlier export with different figures: no trend yet.",
    ),
    "trend.since": (
        "与 {date} 的导出相比：阻断项 {before} → {after}，总体就绪度 {p_before} → {p_after}。",
        "Since the export of {date}: blocking findings {before} → {after}, overall readiness"
        " {p_before} → {p_after}.",
    ),
    "header.running": ("{company}　{audit} {dates}", "{company} · {audit} audit {dates}"),
    "facts.split_mismatch": (
        "⚠ 分解合计 {total}{unit}，与目标 {target}{unit} 不符",
        "⚠ the split adds up to {total}{unit}, not {target}{unit}",
    ),
    "summary.chart": ("各部门就绪度", "Readiness per department"),
    "summary.by_grade": ("发现项按等级", "Findings by grade"),
    "summary.by_department": ("各部门就绪情况", "Readiness by department"),
    "col.department": ("部门", "Department"),
    "col.readiness": ("就绪度", "Readiness"),
    "col.readiness_pct": ("就绪度(%)", "Readiness (%)"),
    "col.items": ("适用条目", "Items"),
    "col.ready": ("已就绪", "Ready"),
    "col.blocking": ("阻断项", "Blocking"),
    "col.grade": ("等级", "Grade"),
    "grade.major": ("严重", "Major"),
    "grade.minor": ("一般", "Minor"),
    "grade.observation": ("观察", "Observation"),
    "col.count": ("数量", "Count"),
    "col.open": ("未接受", "Open"),
    "col.accepted": ("已接受说明", "Accepted explanation"),
    "col.clause": ("条款", "Clause"),
    "col.clause_2013": ("2013版条款", "2013 clause"),
    "col.item": ("条目", "Item"),
    "col.item_key": ("条目编号", "Item key"),
    "col.kind": ("要求类型", "Kind"),
    "col.status": ("状态", "Status"),
    "col.evidence": ("证据数", "Files"),
    "col.worst": ("最严重发现", "Worst finding"),
    "col.message": ("发现", "Finding"),
    "col.todo": ("应采取的措施", "What to do"),
    "col.refs": ("涉及", "Involves"),
    "col.title": ("标题", "Title"),
    "col.original": ("原文件名", "Original name"),
    "col.doc_number": ("文件编号", "Document no."),
    "col.version": ("版本", "Version"),
    "col.date": ("日期", "Date"),
    "col.size": ("大小(字节)", "Size (bytes)"),
    "col.sha256": ("SHA-256", "SHA-256"),
    "col.path": ("资料包中的位置", "Place in the pack"),
    "col.current": ("当前版本", "Current"),
    "col.slot": ("位置", "Slot"),
    "col.question": ("问题", "Question"),
    "col.answer": ("统一口径答案", "Official answer"),
    "col.source": ("依据", "Based on"),
    "col.record": ("记录", "Record"),
    "col.form": ("空白表单", "Blank form"),
    "col.no": ("序号", "No."),
    "col.value": ("内容", "Value"),
    "col.field": ("项目", "Field"),
    # per department
    "dep.title": ("{department}", "{department}"),
    "dep.headcount": ("人数：{n} 人", "Headcount: {n}"),
    "dep.duties": ("职责：{text}", "Duties: {text}"),
    "dep.readiness": (
        "就绪度 {percent}，{ready}/{items} 个条目已就绪；严重 {major}、一般 {minor}、观察 {observation}。",
        "Readiness {percent}; {ready} of {items} items ready; {major} major, {minor} minor, {observation} observations.",
    ),
    "dep.items": ("条目状态", "Items"),
    "dep.findings": ("发现项与整改措施", "Findings and what to do"),
    "dep.no_findings": ("本部门没有发现项。", "No findings for this department."),
    "dep.evidence": ("所依据的证据", "Evidence relied on"),
    "dep.no_evidence": ("本部门尚无证据文件。", "No evidence files for this department yet."),
    # facts
    "facts.title": ("手册声明的事实", "Facts declared in the IP manual"),
    "facts.policy": ("知识产权方针", "IP policy"),
    "facts.objectives": ("知识产权目标及分解", "IP objectives and their split"),
    "facts.manual_objectives": ("手册中的目标表述", "Objectives as worded in the manual"),
    "facts.headcount": ("人数与职责", "Headcount and duties"),
    "facts.procedures": ("程序文件", "Procedures"),
    "facts.certificates": ("其他认证证书", "Other certificates"),
    "facts.portfolio": ("知识产权数量", "IP portfolio"),
    "facts.extra": ("其他事实", "Other facts"),
    "facts.none": ("（未填写）", "(not declared)"),
    "facts.total": ("合计", "Total"),
    "facts.budget": ("知识产权经费预算与支出", "IP budget and spending"),
    "col.budget": ("预算(元)", "Budget (yuan)"),
    "col.spent": ("实际支出(元)", "Spent (yuan)"),
    "col.variance": ("差额(元)", "Variance (yuan)"),
    "col.objective": ("目标", "Objective"),
    "col.target": ("公司指标", "Target"),
    "col.unit": ("单位", "Unit"),
    "col.split": ("部门分解", "Split by department"),
    "col.year": ("年度", "Year"),
    "col.headcount": ("人数", "Headcount"),
    "col.duties": ("职责", "Duties"),
    "col.code": ("编号", "Code"),
    "col.ip_type": ("类型", "Type"),
    "portfolio.invention": ("发明专利", "Invention patents"),
    "portfolio.utility_model": ("实用新型专利", "Utility models"),
    "portfolio.design": ("外观设计专利", "Designs"),
    "portfolio.software_copyright": ("软件著作权", "Software copyrights"),
    "portfolio.trademark": ("注册商标", "Trademarks"),
    "extra.projects_in_progress": ("同时在研项目数", "Projects in progress"),
    "extra.search_phases": ("知识产权检索的阶段", "When IP searches are done"),
    "extra.manual_version": ("知识产权手册现行版本", "Current version of the IP manual"),
    # ledgers
    "ledger.title": ("财务台账核对", "Finance ledger reconciliation"),
    "ledger.none": (
        "工作区尚未导入财务台账（奖惩记录表、奖金发放登记表、经费使用记录），因此没有核对结果。",
        "No finance ledgers (reward record, payment register, expense record) have been imported, so there is no reconciliation.",
    ),
    "ledger.compare": ("核对结果", "Comparison"),
    "ledger.kinds": ("差异分类", "Discrepancies by kind"),
    "ledger.totals": ("各年度合计", "Totals per year"),
    "ledger.appendix": ("附录：差异明细", "Appendix: every discrepancy"),
    "ledger.no_discrepancies": (
        "三本台账相互一致，没有差异。",
        "The three ledgers agree; no discrepancies.",
    ),
    "ledger.open": ("未接受的差异", "Open differences"),
    "ledger.open_text": (
        "下列 {n} 项差异尚未更正，也未写明接受理由；审核员会逐项询问。",
        "The {n} differences below are neither corrected nor accepted with an explanation; the"
        " auditor will ask about each.",
    ),
    "ledger.no_open": ("没有未接受的差异。", "No open difference."),
    "ledger.accepted": ("已接受的差异及说明", "Accepted differences and their explanations"),
    "col.where": ("出处", "Where"),
    "col.discrepancy": ("差异", "Discrepancy"),
    "col.persons": ("人员", "Persons"),
    "col.ip": ("知识产权", "IP item"),
    "col.expected": ("应为", "Expected"),
    "col.actual": ("实际", "Actual"),
    "col.difference": ("差额", "Difference"),
    "col.rows": ("涉及行", "Rows"),
    "col.period": ("期间", "Period"),
    "col.rewards": ("奖励决定", "Rewards decided"),
    "col.payments": ("已发放", "Paid"),
    "col.expenses": ("经费奖励", "Booked as expense"),
    "col.person": ("姓名", "Name"),
    "col.amount": ("金额", "Amount"),
    "col.amount_yuan": ("金额(元)", "Amount (yuan)"),
    "col.matched": ("一致", "Matched"),
    "col.unmatched": ("不一致", "Not matched"),
    "col.voucher": ("凭证号", "Voucher"),
    "col.category": ("类别", "Category"),
    "col.text": ("摘要/事由", "Description"),
    "col.penalty": ("奖/惩", "Reward/penalty"),
    "col.file": ("文件", "File"),
    "col.sheet": ("工作表", "Sheet"),
    "col.row": ("行", "Row"),
    "col.column": ("列", "Column"),
    "col.raw": ("原始内容", "Raw text"),
    "col.reason": ("问题", "Problem"),
    "col.stated": ("合计行金额", "Stated"),
    "col.computed": ("逐行相加", "Computed"),
    "penalty": ("惩", "penalty"),
    "reward": ("奖", "reward"),
    # evidence index
    "index.title": ("证据索引", "Evidence index"),
    "index.text": (
        "共 {n} 个证据文件。文件按“证据/部门/条款 条目/”存放；原文件名见下表，SHA-256 可用于核对文件未被改动。",
        "{n} evidence files, filed under evidence/<department>/<clause item>/. The original names are listed "
        "below; the SHA-256 proves a file is unchanged.",
    ),
    "index.not_included": (
        "（本资料包未包含证据文件）",
        "(evidence files not included in this pack)",
    ),
    # interview sheets
    "iv.title": ("访谈准备单", "Interview preparation sheet"),
    "iv.intro": (
        "本单列出审核员会问{department}的问题，以及按手册声明的事实确定的统一口径答案。回答须与手册和记录一致。",
        "The questions auditors ask {department}, with the official answer taken from the facts the IP manual "
        "declares. Answers must agree with the manual and the records.",
    ),
    "iv.common": ("每个部门都会被问到", "Asked of every department"),
    "iv.items": ("本部门条目的问题", "Questions on this department's items"),
    "iv.records": ("需备好的记录", "Records to have at hand"),
    "iv.q.headcount": ("你们部门有多少人？", "How many people work in your department?"),
    "iv.q.duties": ("你们部门的知识产权职责是什么？", "What are your department's IP duties?"),
    "iv.q.objectives": (
        "今年你们部门的知识产权目标是什么？",
        "What is your department's IP objective this year?",
    ),
    "iv.q.policy": ("公司的知识产权方针是什么？", "What is the company's IP policy?"),
    "iv.q.procedures": ("你们执行哪些程序文件？", "Which procedures do you follow?"),
    "iv.src.fact": ("手册事实", "Manual fact"),
    "iv.src.answer": ("部门答案", "Department's answer"),
    "iv.src.none": ("尚未准备", "Not prepared yet"),
    "iv.src.conflict": (
        "部门答案与手册不一致，请以手册为准",
        "The department's answer contradicts the manual; use the manual's",
    ),
    "iv.missing": ("缺失", "missing"),
    "iv.form_at": ("空白表单：{path}", "Blank form: {path}"),
    "iv.not_in_pack": ("（未随资料包导出）", "(not exported with this pack)"),
    "iv.none": ("（无）", "(none)"),
    "iv.open": ("审核员会问到的发现项", "Open findings the auditor will ask about"),
    "iv.open_intro": (
        "本部门有 {n} 项尚未解决的发现项。审核前能整改的先整改；仍未解决的，按下表准备应答。",
        "The department has {n} open findings. Fix what can be fixed before the audit; for the"
        " rest, prepare the answer below.",
    ),
    "iv.no_open": ("本部门没有未解决的发现项。", "The department has no open finding."),
    "col.say": ("应答要点", "What to say"),
    "col.show": ("出示材料", "What to show"),
    # blank forms
    "form.company": ("单位：{company}", "Organisation: {company}"),
    "form.for_item": ("对应条目：{clause} {item}", "For item: {clause} {item}"),
    "form.signature": (
        "填表人：            审核人：            日期：",
        "Filled in by:            Checked by:            Date:",
    ),
    # readme
    "readme.title": ("迎审资料包", "Readiness pack"),
    "readme.contents": ("内容", "Contents"),
    "readme.report": ("迎审就绪报告（Word）", "readiness report (Word)"),
    "readme.report_pdf": ("迎审就绪报告（PDF）", "readiness report (PDF)"),
    "readme.workbook": ("迎审工作簿（Excel）", "readiness workbook (Excel)"),
    "readme.interviews": ("各部门访谈准备单", "interview sheets, one per department"),
    "readme.evidence": (
        "按部门和条款存放的证据文件（原件，未做脱敏）",
        "evidence by department and clause (original files, not redacted)",
    ),
    "readme.forms": ("缺失记录的空白表单", "blank forms for missing records"),
    "readme.manifest": ("文件清单和 SHA-256 校验值", "list of files with SHA-256 checksums"),
    "readme.verify": (
        "核对资料包未被改动：ipaudit verify <资料包>，或在资料包目录中运行 sha256sum -c SHA256SUMS。",
        "To prove nothing was changed: ipaudit verify <pack>, or run sha256sum -c SHA256SUMS inside the pack.",
    ),
    "readme.options": ("导出选项", "Options"),
    "readme.notes": ("说明", "Notes"),
    "note.no_soffice": (
        "未生成 PDF：本机未安装 LibreOffice（soffice）。安装 LibreOffice 后重新导出，或在 Word/WPS 中将报告另存为 PDF。",
        "No PDF was made: LibreOffice (soffice) is not installed on this computer. Install LibreOffice and export "
        "again, or save the report as PDF from Word/WPS.",
    ),
    "note.pdf_failed": (
        "未生成 PDF：LibreOffice 转换失败（{detail}）。可在 Word/WPS 中将报告另存为 PDF。",
        "No PDF was made: the LibreOffice conversion failed ({detail}). Save the report as PDF from Word/WPS.",
    ),
    "note.toc_no_soffice": (
        "报告目录未填页码：本机未安装 LibreOffice（soffice）。在 Word 中右键点击目录并选择“更新域”即可填上。",
        "The report's contents have no page numbers: LibreOffice (soffice) is not installed on this"
        " computer. In Word, right-click the contents and choose Update Field to fill them in.",
    ),
    "note.toc_failed": (
        "报告目录未填页码：LibreOffice 排版失败（{detail}）。在 Word 中右键点击目录并选择“更新域”即可填上。",
        "The report's contents have no page numbers: the LibreOffice layout failed ({detail}). In"
        " Word, right-click the contents and choose Update Field to fill them in.",
    ),
    "note.no_evidence": (
        "按导出选项，本资料包未包含证据文件。",
        "As chosen, this pack does not include the evidence files.",
    ),
    "note.redacted": (
        "报告、工作簿和访谈单中的身份证号码和手机号码已脱敏；证据文件为原件。",
        "Resident ID and mobile numbers are masked in the report, workbook and interview sheets; evidence files are originals.",
    ),
    "note.stale_removed": (
        "已清理此前被中断的导出留下的 {count} 个临时文件夹。",
        "Removed {count} temporary folder(s) left by an earlier export that was interrupted.",
    ),
    "note.history_not_recorded": (
        "资料包已完整生成，但未能记入工作区的导出记录（{reason_zh}），因此无法用该工作区核对它。",
        "The pack is complete, but it could not be added to the workspace's export history"
        " ({reason_en}), so it cannot be checked against that workspace.",
    ),
    "opt.language": ("语言", "Language"),
    "opt.evidence": ("包含证据", "Evidence included"),
    "opt.older": ("包含旧版本", "Older versions included"),
    "opt.redact": ("脱敏", "Redaction"),
    "opt.pdf": ("PDF", "PDF"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    # workbook sheets
    "sheet.overview": ("概览", "Overview"),
    "sheet.checklist": ("检查清单", "Checklist"),
    "sheet.evidence": ("证据索引", "Evidence index"),
    "sheet.findings": ("发现项", "Findings"),
    "sheet.reconciliation": ("台账核对汇总", "Reconciliation"),
    "sheet.rewards": ("奖惩记录表", "Reward record"),
    "sheet.payments": ("奖金发放登记表", "Payment register"),
    "sheet.expenses": ("经费使用记录", "Expense record"),
    "sheet.year_totals": ("台账年度合计", "Ledger totals by year"),
    "sheet.problems": ("导入问题", "Import problems"),
    "wb.overall": ("总体", "Overall"),
    "wb.open_link": ("打开", "open"),
    "wb.findings_of_row": ("本行的差异", "Discrepancies of this row"),
    "wb.no_ledgers": ("尚未导入财务台账。", "No finance ledgers imported."),
    "wb.no_problems": ("没有导入问题。", "No import problems."),
}

GRADE_TEXT: dict[Grade, tuple[str, str]] = {
    Grade.MAJOR: ("× 严重不符合", "× major"),
    Grade.MINOR: ("○ 一般不符合", "○ minor"),
    Grade.OBSERVATION: ("△ 观察项", "△ observation"),
}

STATUS_TEXT: dict[Status, tuple[str, str]] = {
    Status.NOT_STARTED: ("未开始", "not started"),
    Status.IN_PROGRESS: ("进行中", "in progress"),
    Status.READY: ("已就绪", "ready"),
    Status.NOT_APPLICABLE: ("不适用", "not applicable"),
}

KIND_TEXT: dict[ItemKind, tuple[str, str]] = {
    ItemKind.DOCUMENT: ("文件", "document"),
    ItemKind.RECORDS: ("记录", "records"),
    ItemKind.RECORD_SET: ("成套记录", "record set"),
    ItemKind.YEARLY: ("逐年记录", "yearly records"),
    ItemKind.ANSWER: ("问答", "answers"),
}

AUDIT_TYPE_TEXT: dict[AuditType, tuple[str, str]] = {
    AuditType.INITIAL: ("初次认证审核", "initial certification"),
    AuditType.SURVEILLANCE: ("监督审核", "surveillance"),
    AuditType.RECERTIFICATION: ("再认证审核", "recertification"),
}

# What to do about a finding, by finding code (ledger findings share one text).
TODO_TEXT: dict[str, tuple[str, str]] = {
    "evidence_missing": (
        "补齐该记录并附到条目上；如有空白表单，可从资料包的“空白表单”文件夹开始填写。",
        "Produce the record and attach it to the item; where a blank form exists, start from the blank-forms folder.",
    ),
    "too_few_records": (
        "补充记录至要求的份数。",
        "Add records until the required number is reached.",
    ),
    "year_not_covered": ("补充该年度的记录。", "Add the record for that year."),
    "evidence_outside_period": (
        "换成审核覆盖期内的记录，或在备注中说明为何引用期外记录。",
        "Replace it with a record from the audit period, or note why an older record is cited.",
    ),
    "record_set_incomplete": ("补齐缺少的子记录。", "Add the missing sub-records."),
    "answer_missing": (
        "与部门负责人确定答案并填写；答案须与手册一致。",
        "Agree the answer with the department head and enter it; it must agree with the manual.",
    ),
    "fact_not_declared": (
        "在“手册事实”中填写该事实，答案才能核对。",
        "Declare the fact under the manual's facts so the answer can be checked.",
    ),
    "answer_contradicts_fact": (
        "统一口径：按手册修改答案，或先更正手册。",
        "Align the answer with the manual, or correct the manual first.",
    ),
    "objective_split_mismatch": (
        "调整目标分解，使各部门指标之和等于公司目标。",
        "Adjust the split so the department targets add up to the company target.",
    ),
    "objective_not_in_list": (
        "把手册中的目标列入目标清单，或修改手册的表述。",
        "Add the manual's objective to the objectives list, or reword the manual.",
    ),
    "na_without_reason": ("写明不适用（删减）的理由。", "Write down why the item does not apply."),
    "mandatory_not_applicable": (
        "必备要求不能删减：撤销“不适用”，按要求准备记录。",
        "A mandatory requirement cannot be waived: withdraw 'not applicable' and prepare its records.",
    ),
    "department_without_records": (
        "该部门须按检查清单逐项准备记录；一份都没有会被判为严重不符合。",
        "The department must prepare its records item by item; none at all is a major nonconformity.",
    ),
    "record_undated": (
        "在证据上填写文件日期（或有效期）；无日期的记录不能作为证据。",
        "Give the file its date (or validity); an undated record proves nothing.",
    ),
    "document_not_in_force": (
        "附上审核期内有效的版本（续签的合同、现行的程序文件），或说明替代文件。",
        "Attach the version in force during the audit period (the renewed contract, the current procedure), or name the one that replaced it.",
    ),
    "period_not_covered": (
        "补齐所列月份或季度的记录。",
        "Add the records of the months or quarters listed.",
    ),
    "records_out_of_order": (
        "核对记录日期：后一阶段的记录不能早于前一阶段；更正日期或补齐缺失的前序记录。",
        "Check the dates: a later phase cannot predate the one before it; correct the dates or add the missing earlier record.",
    ),
    "records_same_day": (
        "核对这些记录是否确为当日形成；按实际发生日期保存记录，避免集中补记录。",
        "Check that the records really were made that day; keep records as the work happens, not in one sitting.",
    ),
    "procedure_not_declared": (
        "在“手册事实”中为该部门声明其执行的程序文件。",
        "Declare, under the manual's facts, the procedures this department follows.",
    ),
    "ledger": (
        "核对三本台账对应的行，更正差异；确属合理的差异请写明接受理由。",
        "Check the rows of the three ledgers and correct the difference; if it is justified, accept it with a written explanation.",
    ),
}
DEFAULT_TODO = ("按发现项内容整改。", "Correct what the finding describes.")


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang.startswith("en") else pair[0]


def t(key: str, lang: str, **fields: object) -> str:
    text = pick(TEXTS[key], lang)
    return text.format(**fields) if fields else text


def grade_text(grade: Grade, lang: str) -> str:
    return pick(GRADE_TEXT[grade], lang)


def status_text(status: Status, lang: str) -> str:
    return pick(STATUS_TEXT[status], lang)


def todo_text(code: str, lang: str) -> str:
    if code.startswith("ledger."):
        return pick(TODO_TEXT["ledger"], lang)
    return pick(TODO_TEXT.get(code, DEFAULT_TODO), lang)


def paren(text: str, lang: str) -> str:
    """`` (text)`` in English, ``（text）`` in Chinese; "" for no text."""
    if not text:
        return ""
    return f" ({text})" if lang.startswith("en") else f"（{text}）"


def colon(lang: str) -> str:
    return ": " if lang.startswith("en") else "："


def percent(value: float) -> str:
    return f"{value:.1f}%"
