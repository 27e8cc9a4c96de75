"""What a department says and shows when the auditor asks about one of its open findings.

The interview sheets list every unaccepted finding of a department with the answer it must be
ready to give: what to say (in the department's own words, consistent with the manual) and what
to show (the record, the form to fill, the ledger rows). The wording is per finding code; a code
not listed here falls back to the finding's own "what to do".
"""

from __future__ import annotations

from dataclasses import dataclass

from ipaudit.domain.model import Finding
from ipaudit.export.i18n import todo_text
from ipaudit.text import Text

# code -> (what to say, what to show)
ANSWERS: dict[str, tuple[Text, Text]] = {
    "evidence_missing": (
        Text(
            "说明该记录由谁负责、何时形成、存放在哪里；尚未形成的，如实说明并给出补齐日期，"
            "不要临时补写。",
            "Say who is responsible for the record, when it was made and where it is kept; if it"
            " does not exist yet, say so and give the date it will be done — never write it on"
            " the spot.",
        ),
        Text("补齐后的记录原件。", "The completed record, in the original."),
    ),
    "too_few_records": (
        Text(
            "说明审核覆盖期内该项工作开展了几次，每次都留有记录。",
            "Say how many times the work was done in the audit period, each with its record.",
        ),
        Text("要求份数的全部记录。", "Every record, as many as required."),
    ),
    "record_set_incomplete": (
        Text(
            "按项目（场次）逐一说明每个阶段做了什么、形成了哪份记录。",
            "Go through each project (or session) phase by phase: what was done, which record it"
            " left.",
        ),
        Text(
            "每个项目（场次）按时间顺序排列的全部子记录。",
            "Every sub-record of each project (or session), in date order.",
        ),
    ),
    "year_not_covered": (
        Text("说明每个年度都制定了该文件。", "Say that the document exists for every year."),
        Text("所缺年度的文件。", "The document of the year missing."),
    ),
    "period_not_covered": (
        Text(
            "说明每个月（季度）都做了监控，以及由谁负责。",
            "Say that the monitoring was done every month (or quarter), and by whom.",
        ),
        Text("所列月份或季度的记录。", "The records of the months or quarters listed."),
    ),
    "evidence_outside_period": (
        Text(
            "说明为何引用审核覆盖期以外的记录，以及期内对应的工作。",
            "Say why a record from outside the audit period is cited, and what was done within it.",
        ),
        Text("审核覆盖期内的记录。", "A record from within the audit period."),
    ),
    "document_not_in_force": (
        Text(
            "说明审核期内有效的是哪个版本（续签的合同、现行的程序文件）。",
            "Say which version was in force during the audit period (the renewed contract, the"
            " current procedure).",
        ),
        Text("审核期内有效的文件。", "The document in force during the period."),
    ),
    "record_undated": (
        Text("说明记录形成的日期。", "Say when the record was made."),
        Text("注明日期（或有效期）的记录。", "The record with its date (or validity)."),
    ),
    "evidence_empty": (
        Text(
            "说明该记录的原件在哪里；清单里的空文件已换成原件或已移除。",
            "Say where the original record is; the empty file in the list was replaced by it or"
            " removed.",
        ),
        Text("有内容的记录原件。", "The original record, with its contents."),
    ),
    "evidence_duplicate": (
        Text(
            "说明实际形成了几份记录；同一份文件只算一份。",
            "Say how many records there really are; one file counts once.",
        ),
        Text("每份记录各一份，不重复。", "Each record once, no copies."),
    ),
    "records_out_of_order": (
        Text(
            "按实际发生的先后说明各阶段，日期有误的说明原因。",
            "Go through the phases in the order they happened; explain any wrong date.",
        ),
        Text("按时间顺序排列的记录。", "The records in date order."),
    ),
    "records_same_day": (
        Text(
            "如实说明这些记录是如何、在哪天形成的。",
            "Say plainly how and on which days these records were made.",
        ),
        Text(
            "能佐证日期的原始材料（邮件、签到表、系统记录）。",
            "Originals that prove the dates (e-mails, sign-in sheets, system logs).",
        ),
    ),
    "department_without_records": (
        Text(
            "说明本部门在体系中的职责，以及按检查清单已开展的工作。",
            "Say what the department's duties in the system are and what it has done, item by"
            " item.",
        ),
        Text(
            "本部门按检查清单准备的记录。",
            "The department's records, prepared item by item.",
        ),
    ),
    "mandatory_not_applicable": (
        Text(
            "该要求不能删减：说明已按要求实施。",
            "This requirement cannot be waived: say how it is carried out.",
        ),
        Text("该要求的记录。", "The records of the requirement."),
    ),
    "na_without_reason": (
        Text("说明该条款不适用（删减）的理由。", "Say why the clause does not apply."),
        Text("手册中的删减说明。", "The manual's statement of the exclusion."),
    ),
    "answer_missing": (
        Text(
            "按下文“统一口径答案”回答，与手册保持一致。",
            "Answer as the official answer below says, in line with the manual.",
        ),
        Text("知识产权手册中的相应章节。", "The section of the IP manual."),
    ),
    "answer_contradicts_fact": (
        Text(
            "按手册口径回答（见下文“统一口径答案”），不要说出与手册不同的数字或表述。",
            "Answer as the manual says (the official answer below); never a figure or wording"
            " that differs from it.",
        ),
        Text("知识产权手册中的相应内容。", "The passage of the IP manual."),
    ),
    "fact_not_declared": (
        Text(
            "按手册的表述回答。",
            "Answer in the manual's words.",
        ),
        Text("知识产权手册中的相应内容。", "The passage of the IP manual."),
    ),
    "procedure_not_declared": (
        Text(
            "说出本部门执行的程序文件的名称和编号。",
            "Name the procedures the department follows, with their numbers.",
        ),
        Text("本部门执行的程序文件。", "The department's procedures."),
    ),
    "objective_split_mismatch": (
        Text(
            "说明本部门的分解指标，以及各部门指标如何合计为公司目标。",
            "State the department's share of the objective and how the shares add up to the"
            " company's target.",
        ),
        Text("目标分解表。", "The breakdown of the objectives."),
    ),
    "objective_not_in_list": (
        Text(
            "说明手册中的目标如何在目标清单中落实。",
            "Say how the manual's objective is carried into the list of objectives.",
        ),
        Text("目标清单。", "The list of objectives."),
    ),
    "person_record_missing": (
        Text(
            "说明该人员入职（离职）时办理了哪些知识产权手续。",
            "Say which IP steps were taken when the person joined (or left).",
        ),
        Text("该人员的记录。", "The person's records."),
    ),
    "budget_overspent": (
        Text("说明超支的原因和审批。", "Say why the budget was exceeded and who approved it."),
        Text("预算调整审批和支出凭证。", "The approval of the change and the vouchers."),
    ),
    "prerequisite_missing": (
        Text(
            "说明认证的前提条件已经满足。",
            "Say how the audit's prerequisite is met.",
        ),
        Text("证明前提条件的记录。", "The records that show it."),
    ),
    "ledger": (
        Text(
            "逐项说明差异的原因；已更正的说明如何更正。",
            "Explain each difference; where it was corrected, say how.",
        ),
        Text(
            "三本台账的对应行及凭证。",
            "The rows of the three ledgers and their vouchers.",
        ),
    ),
}
DEFAULT_SHOW = Text("相应的记录。", "The records concerned.")


@dataclass(frozen=True, slots=True)
class Answer:
    say: str
    show: str


def answer_for(finding: Finding, lang: str) -> Answer:
    """What to say and what to show about ``finding``."""
    code = "ledger" if finding.code.startswith("ledger.") else finding.code
    known = ANSWERS.get(code)
    if known is None:
        return Answer(todo_text(finding.code, lang), DEFAULT_SHOW.get(lang))
    say, show = known
    return Answer(say.get(lang), show.get(lang))
