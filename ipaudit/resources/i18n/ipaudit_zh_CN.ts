<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AcceptDialog</name>
        <message>
            <location filename="../../ui/findings/accept_dialog.py" line="59" />
            <source>Accept finding</source>
            <translation>接受问题</translation>
        </message>
        <message>
            <location filename="../../ui/findings/accept_dialog.py" line="62" />
            <source>Explain why this finding is acceptable. The explanation is shown in the report, and the finding no longer blocks readiness.</source>
            <translation>请说明为什么可以接受这个问题。说明将显示在报告中，该问题不再影响就绪度。</translation>
        </message>
        <message>
            <location filename="../../ui/findings/accept_dialog.py" line="69" />
            <source>Explanation (required)</source>
            <translation>说明（必填）</translation>
        </message>
        <message>
            <location filename="../../ui/findings/accept_dialog.py" line="70" />
            <source>Accept</source>
            <translation>接受</translation>
        </message>
    </context>
    <context>
        <name>ActionEditor</name>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="297" />
            <source>New corrective action</source>
            <extracomment>the checklist items by key: their titles as the user reads them why this login may not record a verification ("" when it may): the group stays disabled, and this line and the tool tips say why</extracomment>
            <translation>新纠正措施</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="300" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="303" />
            <source>No evidence of completion yet.</source>
            <translation>尚无完成证据。</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="319" />
            <source>Verified: only the compliance manager's login may reopen it.</source>
            <translation>已验证：只有体系专员的登录可以重新打开。</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="349" />
            <source>To mark it done, fill in: %1</source>
            <translation>标为已完成前须填写：%1</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="353" />
            <source>Record the action as done today (or on the day under Completed on)</source>
            <translation>记录该措施已完成（完成日期为今天，或“完成日期”中所填的日期）</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="389" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="390" />
            <source>Grade</source>
            <translation>等级</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="391" />
            <source>Clause</source>
            <translation>条款</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="392" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="393" />
            <source>Found on</source>
            <translation>发现日期</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="394" />
            <source>Found in</source>
            <translation>来源记录</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="395" />
            <source>Nonconformity</source>
            <translation>不符合事实</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="396" />
            <source>Root cause</source>
            <translation>原因分析</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="397" />
            <source>Correction</source>
            <translation>纠正</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="398" />
            <source>Corrective action</source>
            <translation>纠正措施</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="399" />
            <source>Owner</source>
            <translation>责任人</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="400" />
            <source>Due</source>
            <translation>完成期限</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="401" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="402" />
            <source>Completed on</source>
            <translation>完成日期</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="403" />
            <source>Checklist items</source>
            <translation>关联条目</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="407" />
            <source>Evidence</source>
            <translation>完成证据</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="408" />
            <source>Attach file…</source>
            <translation>附加文件…</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="409" />
            <source>Go to item</source>
            <translation>转到条目</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="410" />
            <source>Verification of effectiveness</source>
            <translation>有效性验证</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="413" />
            <source>Verified on</source>
            <translation>验证日期</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="413" />
            <source>Verified by</source>
            <translation>验证人</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="413" />
            <source>Result</source>
            <translation>验证结果</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="417" />
            <source>item titles, separated by ；</source>
            <translation>清单条目的标题，用“；”分隔</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="418" />
            <source>The checklist items holding the evidence of completion</source>
            <translation>存放完成证据的清单条目</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="419" />
            <source>Effective</source>
            <translation>有效</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="420" />
            <source>Record verification</source>
            <translation>记录验证</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="421" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../ui/actions/action_editor.py" line="422" />
            <source>Mark done</source>
            <translation>标为已完成</translation>
        </message>
    </context>
    <context>
        <name>ActionsModel</name>
        <message>
            <location filename="../../ui/actions/actions_model.py" line="61" />
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_model.py" line="62" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_model.py" line="63" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_model.py" line="64" />
            <source>Grade</source>
            <translation>等级</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_model.py" line="65" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_model.py" line="66" />
            <source>Nonconformity</source>
            <translation>不符合事实</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_model.py" line="67" />
            <source>Owner</source>
            <translation>责任人</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_model.py" line="68" />
            <source>Due</source>
            <translation>完成期限</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_model.py" line="69" />
            <source>Days overdue</source>
            <translation>逾期天数</translation>
        </message>
    </context>
    <context>
        <name>ActionsView</name>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="254" />
            <source>A verified corrective action is the compliance manager's to remove.</source>
            <extracomment>columns that keep a set width (in Chinese characters) and elide a longer text (department, item key): show the item in the checklist the login may verify (and remove a verified action): the services' rule</extracomment>
            <translation>已验证的纠正措施只能由体系专员删除。</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="270" />
            <location filename="../../ui/actions/actions_view.py" line="515" />
            <source>All departments</source>
            <translation>全部部门</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/actions/actions_view.py" line="290" />
            <source>Actions: %n</source>
            <translation>
                <numerusform>%n 项纠正措施</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/actions/actions_view.py" line="292" />
            <source>%n overdue</source>
            <translation>
                <numerusform>%n 项逾期</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="328" />
            <source>The corrective action was not saved.</source>
            <translation>纠正措施未保存。</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="332" />
            <source>Add corrective action %1</source>
            <translation>新增纠正措施 %1</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="334" />
            <source>Edit corrective action %1</source>
            <translation>修改纠正措施 %1</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="347" />
            <source>The corrective action was not marked done.</source>
            <translation>纠正措施未能标为已完成。</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="351" />
            <source>Mark %1 done</source>
            <translation>将 %1 标为已完成</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="367" />
            <source>The verification was not recorded.</source>
            <translation>有效性验证未记录。</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="378" />
            <source>Verify %1</source>
            <translation>验证 %1</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="391" />
            <source>The corrective action was not removed.</source>
            <translation>纠正措施未删除。</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="396" />
            <source>Remove corrective action %1</source>
            <translation>删除纠正措施 %1</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="402" />
            <source>Evidence of completion</source>
            <translation>完成证据</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="412" />
            <source>The file was not attached.</source>
            <translation>文件未附加。</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="418" />
            <source>Attach evidence to %1</source>
            <translation>为 %1 附加完成证据</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="428" />
            <source>The certification body's audit report</source>
            <translation>认证机构的审核报告</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="430" />
            <source>Audit reports (*.docx *.xlsx *.xls *.ods *.csv);;All files (*)</source>
            <translation>审核报告 (*.docx *.xlsx *.xls *.ods *.csv);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="439" />
            <source>The audit report was not imported.</source>
            <translation>审核报告未导入。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/actions/actions_view.py" line="447" />
            <source>Import %n nonconformities</source>
            <translation>
                <numerusform>导入 %n 项不符合</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="455" />
            <source>Report imported: %1 new, %2 updated, %3 unchanged</source>
            <translation>审核报告已导入：新增 %1 项，更新 %2 项，未变 %3 项</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/actions/actions_view.py" line="462" />
            <source>%n action(s) of this audit not in the report: %1</source>
            <translation>
                <numerusform>本次审核另有 %n 项纠正措施不在这份报告中：%1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/actions/actions_view.py" line="487" />
            <source>Saved %1 (%n event(s))</source>
            <translation>
                <numerusform>已保存 %1（%n 个日程）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="498" />
            <source>Only the compliance manager's login records the verification of effectiveness: the check must be independent of the department that carried out the action.</source>
            <translation>只有体系专员的登录可以记录有效性验证：验证须独立于实施整改的部门。</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="503" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="507" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="508" />
            <source>Not closed</source>
            <translation>未关闭</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="509" />
            <source>Overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="510" />
            <source>Verified</source>
            <translation>已验证</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="513" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="516" />
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="517" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="518" />
            <source>Import audit report…</source>
            <translation>导入审核报告…</translation>
        </message>
        <message>
            <location filename="../../ui/actions/actions_view.py" line="519" />
            <source>Calendar…</source>
            <translation>日历…</translation>
        </message>
    </context>
    <context>
        <name>AnswerField</name>
        <message>
            <location filename="../../ui/checklist/answer_field.py" line="109" />
            <source>IP manual: not declared yet — fill it in the facts to check this answer</source>
            <translation>知识产权手册：尚未填写——在“手册事实”中填写后即可核对此答案</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/answer_field.py" line="118" />
            <source>≠ IP manual: %1</source>
            <translation>≠ 知识产权手册：%1</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/answer_field.py" line="121" />
            <source>The answer disagrees with what the IP manual declares</source>
            <translation>答案与知识产权手册所述不一致</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/answer_field.py" line="124" />
            <source>IP manual: %1</source>
            <translation>知识产权手册：%1</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/answer_field.py" line="126" />
            <source>What the IP manual declares</source>
            <translation>知识产权手册所述</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/answer_field.py" line="131" />
            <source>Your answer, as you would give it to the auditor (Ctrl+Enter to save)</source>
            <translation>按您将回答审核员的方式作答（Ctrl+Enter 保存）</translation>
        </message>
    </context>
    <context>
        <name>ApplyView</name>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="172" />
            <source>√ met</source>
            <translation>√ 满足</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="172" />
            <source>× not met</source>
            <translation>× 未满足</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="183" />
            <source>Files: %1</source>
            <translation>%1 个文件</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="185" />
            <source>missing</source>
            <translation>缺</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="196" />
            <source>Where the materials go</source>
            <translation>申请材料的保存位置</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="216" />
            <source>The materials could not be exported.</source>
            <translation>无法导出申请材料。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/cycle/apply_view.py" line="159" />
            <source>%1 of %n condition(s) met</source>
            <translation>
                <numerusform>%n 项条件中已满足 %1 项</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/cycle/apply_view.py" line="160" />
            <source>%1 of %n material(s) attached</source>
            <translation>
                <numerusform>%n 项材料中已附 %1 项</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="163" />
            <source>Before the initial certification the certification body checks these conditions and asks for these materials. %1; %2.</source>
            <translation>初次认证前，认证机构核查以下申请条件并要求提交以下申请材料。%1；%2。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/cycle/apply_view.py" line="248" />
            <source>Written: %1 (%n file(s)).</source>
            <translation>
                <numerusform>已写入：%1（%n 个文件）。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="252" />
            <source>Missing: %1</source>
            <translation>缺：%1</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="266" />
            <source>Check again</source>
            <translation>重新检查</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="267" />
            <source>Application conditions</source>
            <translation>申请条件</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="269" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="269" />
            <source>Condition</source>
            <translation>条件</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="269" />
            <source>Why</source>
            <translation>依据</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="271" />
            <source>Application materials, in the list's order</source>
            <translation>申请材料（按认证机构清单顺序）</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="273" />
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="273" />
            <source>Material</source>
            <translation>材料</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="273" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="273" />
            <source>Files</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="275" />
            <source>Export &amp;to:</source>
            <translation>导出到(&amp;T)：</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="276" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="277" />
            <source>Export the materials</source>
            <translation>导出申请材料</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="279" />
            <source>A folder, or a .zip when the name ends in .zip; numbered files and an index</source>
            <translation>一个文件夹；名称以 .zip 结尾时为压缩包。文件按序编号，并附目录</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/apply_view.py" line="281" />
            <source>Show the folder</source>
            <translation>打开所在文件夹</translation>
        </message>
    </context>
    <context>
        <name>AttachDialog</name>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="281" />
            <source>Attach files: check their dates</source>
            <translation>附加文件：核对日期</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="284" />
            <source>A record counts for the audit only with its date. Check the date proposed for each file and the period it covers (a yearly plan, a quarterly report), and correct them where needed.</source>
            <translation>记录只有带日期才能作为审核证据。请核对为每个文件建议的日期及其覆盖期间（如年度计划、季度报告），必要时更正。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="289" />
            <source>Document date</source>
            <translation>文件日期</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="289" />
            <source>Covers from</source>
            <translation>覆盖期间自</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="289" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="292" />
            <source>Attach</source>
            <translation>附加</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="294" />
            <source>The file is empty (0 bytes) and proves nothing.</source>
            <translation>文件是空的（0 字节），不能证明任何事。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="295" />
            <source>The item already has this file: %1.</source>
            <translation>本条目已附有相同内容的文件：%1。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="296" />
            <source>The same file is in this drop twice.</source>
            <translation>本次拖入的文件中有两份相同。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="299" />
            <source>The date %1 in %2 is before 2000 and is not proposed: give the document date.</source>
            <translation>%2中的日期 %1 早于 2000 年，未采用：请填写文件日期。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="302" />
            <source>The date %1 in %2 is in the future and is not proposed: give the document date.</source>
            <translation>%2中的日期 %1 在今天之后，未采用：请填写文件日期。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="304" />
            <source>The file is encrypted: its contents could not be read for a date.</source>
            <translation>文件已加密，无法从其内容读取日期。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="305" />
            <source>The file is too large: its contents were not read for a date.</source>
            <translation>文件过大，未从其内容读取日期。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="307" />
            <source>The file cannot be read (damaged, or not what its name says): its contents give no date.</source>
            <translation>文件无法读取（已损坏或与扩展名不符），无法从其内容读取日期。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="311" />
            <source>The period %1 to %2 in %3 is implausible and is not proposed.</source>
            <translation>%3中的期间 %1 至 %2 不合理，未采用。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="312" />
            <source>Date taken from the file name.</source>
            <translation>日期取自文件名。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="313" />
            <source>Date taken from the document's text.</source>
            <translation>日期取自文件正文。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="314" />
            <source>Date taken from the document properties.</source>
            <translation>日期取自文档属性。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="315" />
            <source>Date taken from the PDF's properties.</source>
            <translation>日期取自 PDF 文档属性。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="316" />
            <source>Period taken from the file name.</source>
            <translation>期间取自文件名。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="317" />
            <source>Period taken from the document's text.</source>
            <translation>期间取自文件正文。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="318" />
            <source>the file name</source>
            <translation>文件名</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="319" />
            <source>the document's text</source>
            <translation>文件正文</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="320" />
            <source>the document properties</source>
            <translation>文档属性</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="321" />
            <source>the PDF's properties</source>
            <translation>PDF 文档属性</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="310" />
            <source>No date found: give the document date.</source>
            <translation>未找到日期：请填写文件日期。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/attach_dialog.py" line="297" />
            <source>Date given by hand.</source>
            <translation>日期为手工填写。</translation>
        </message>
    </context>
    <context>
        <name>BatchPage</name>
        <message numerus="yes">
            <location filename="../../ui/ledger/batch_page.py" line="80" />
            <source>Reading %n file(s)…</source>
            <translation>
                <numerusform>正在读取 %n 个文件…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/ledger/batch_page.py" line="99" />
            <source>The import failed.</source>
            <translation>导入失败。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/batch_page.py" line="136" />
            <source>Saving the imports…</source>
            <translation>正在保存导入…</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/batch_page.py" line="164" />
            <source>Reading every sheet…</source>
            <translation>正在读取各工作表…</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/batch_page.py" line="171" />
            <source>%1, %2.</source>
            <translation>%1，%2。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/batch_page.py" line="172" />
            <source>%n ledger(s) found</source>
            <translation>
                <numerusform>找到 %n 本台账</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/batch_page.py" line="173" />
            <source>%n sheet(s) skipped</source>
            <translation>
                <numerusform>跳过 %n 张工作表</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/batch_page.py" line="146" />
            <source>Import %n ledger(s)</source>
            <translation>
                <numerusform>导入 %n 本台账</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/ledger/batch_page.py" line="179" />
            <source>Two sheets read as the same ledger (%1): import them one at a time.</source>
            <translation>有两张工作表被识别为同一台账（%1）：请逐张导入。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/batch_page.py" line="186" />
            <source>%1 [%2] skipped: %3</source>
            <translation>%1 [%2] 未导入：%3</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/batch_page.py" line="200" />
            <source>%1 [%2] → %3 (%4 sure): %5, %6.</source>
            <translation>%1 [%2] → %3（把握 %4）：%5，%6。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/batch_page.py" line="205" />
            <source>%n entries</source>
            <translation>
                <numerusform>%n 条记录</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/batch_page.py" line="206" />
            <source>%n problem(s)</source>
            <translation>
                <numerusform>%n 个问题</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/ledger/batch_page.py" line="211" />
            <source>Import every ledger</source>
            <translation>导入全部台账</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/batch_page.py" line="214" />
            <source>Each sheet is read as the ledger its headers and values show; sheets without a ledger are skipped and named. Import stores them all as one step.</source>
            <translation>每张工作表按其表头和内容识别为相应的台账；不含台账的工作表会被跳过并列出。点击导入后全部保存，可一步撤销。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/batch_page.py" line="218" />
            <source>&amp;Import</source>
            <translation>导入(&amp;I)</translation>
        </message>
    </context>
    <context>
        <name>BudgetModel</name>
        <message>
            <location filename="../../ui/facts/budget_model.py" line="65" />
            <source>Category</source>
            <translation>费用类别</translation>
        </message>
        <message>
            <location filename="../../ui/facts/budget_model.py" line="65" />
            <source>Budget</source>
            <translation>预算</translation>
        </message>
        <message>
            <location filename="../../ui/facts/budget_model.py" line="65" />
            <source>Spent</source>
            <translation>实际支出</translation>
        </message>
        <message>
            <location filename="../../ui/facts/budget_model.py" line="65" />
            <source>Variance</source>
            <translation>差额</translation>
        </message>
    </context>
    <context>
        <name>ChecklistModel</name>
        <message>
            <location filename="../../ui/checklist/checklist_model.py" line="217" />
            <source>Item</source>
            <translation>条目</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/checklist_model.py" line="217" />
            <source>Finding</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/checklist_model.py" line="217" />
            <source>Files</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/checklist_model.py" line="256" />
            <source>Clause number or title not confirmed against the published standard</source>
            <translation>条款号或标题尚未与正式发布的标准核对</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/checklist_model.py" line="296" />
            <source>Marked %1, but a blocking finding is still open</source>
            <translation>已标为“%1”，但仍有未解决的阻碍项</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/checklist/checklist_model.py" line="316" />
            <source>%n current file(s)</source>
            <translation>
                <numerusform>%n 个现行文件</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChecklistView</name>
        <message numerus="yes">
            <location filename="../../ui/checklist/checklist_view.py" line="249" />
            <source>%1 of %n item(s) shown</source>
            <extracomment>files dropped on an item's row: (item key, list[Path])</extracomment>
            <translation>
                <numerusform>显示 %1 / %n 个条目</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/checklist/checklist_view.py" line="251" />
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n 个条目</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/checklist/checklist_view.py" line="263" />
            <source>Search items (title, clause, key)</source>
            <translation>搜索条目（标题、条款、编号）</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/checklist_view.py" line="264" />
            <source>Search items</source>
            <translation>搜索条目</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/checklist_view.py" line="265" />
            <source>Only what blocks</source>
            <translation>只看阻碍项</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/checklist_view.py" line="267" />
            <source>Show only items with a major or minor finding that is not accepted</source>
            <translation>只显示有未说明的严重或一般不符合项的条目</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/checklist_view.py" line="269" />
            <source>Checklist</source>
            <translation>检查清单</translation>
        </message>
    </context>
    <context>
        <name>CollapsibleDock</name>
        <message>
            <location filename="../../ui/collapsible_dock.py" line="109" />
            <source>Show the list</source>
            <translation>展开列表</translation>
        </message>
        <message>
            <location filename="../../ui/collapsible_dock.py" line="109" />
            <source>Fold the list</source>
            <translation>收起列表</translation>
        </message>
        <message>
            <location filename="../../ui/collapsible_dock.py" line="110" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>CompanyPage</name>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="81" />
            <source>Company and audit</source>
            <translation>企业与审核</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="82" />
            <source>One workspace holds one audit cycle of one company.</source>
            <translation>一个工作区对应一家企业的一个审核周期。</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="83" />
            <source>&amp;Company name:</source>
            <translation>企业名称(&amp;C)：</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="84" />
            <source>As on the business licence</source>
            <translation>与营业执照一致</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="85" />
            <source>&amp;Standard:</source>
            <translation>标准版本(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="86" />
            <source>GB/T 29490-2023 (current)</source>
            <translation>GB/T 29490-2023（现行）</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="87" />
            <source>GB/T 29490-2013 (older manuals)</source>
            <translation>GB/T 29490-2013（旧版手册）</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="88" />
            <source>Audit &amp;type:</source>
            <translation>审核类型(&amp;T)：</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="89" />
            <source>Initial certification</source>
            <translation>初次认证审核</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="90" />
            <source>Surveillance audit</source>
            <translation>监督审核</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="91" />
            <source>Re-certification</source>
            <translation>再认证审核</translation>
        </message>
    </context>
    <context>
        <name>CompareTree</name>
        <message>
            <location filename="../../ui/cycle/compare_tree.py" line="40" />
            <source>Items that need this cycle's records</source>
            <extracomment>(item title, why its records no longer cover the period) kept when the cycle started</extracomment>
            <translation>需要本周期记录的条目</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/compare_tree.py" line="48" />
            <source>Workspace information</source>
            <translation>工作区信息</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/compare_tree.py" line="51" />
            <source>Facts</source>
            <translation>体系事实</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/compare_tree.py" line="53" />
            <source>Departments</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/compare_tree.py" line="57" />
            <source>Item status</source>
            <translation>条目状态</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/compare_tree.py" line="64" />
            <source>Evidence</source>
            <translation>证据</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/compare_tree.py" line="98" />
            <source>What</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/compare_tree.py" line="98" />
            <source>Last cycle</source>
            <translation>上一周期</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/compare_tree.py" line="98" />
            <source>This cycle</source>
            <translation>本周期</translation>
        </message>
    </context>
    <context>
        <name>ConflictBox</name>
        <message>
            <location filename="../../ui/conflict_box.py" line="72" />
            <source>ipaudit</source>
            <extracomment>what the user entered, or a function saying it in the current language</extracomment>
            <translation>ipaudit 知识产权贯标迎审</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_box.py" line="73" />
            <source>Someone else changed this meanwhile.</source>
            <translation>在此期间有人修改了同一内容。</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_box.py" line="79" />
            <source>What you entered is under “Show Details…”. Keep it to save it over the other change, or keep the other change.</source>
            <translation>您输入的内容在“显示详细信息…”中。可以保留您的内容（覆盖对方的修改），或保留对方的修改。</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_box.py" line="83" />
            <source>Keep mine</source>
            <translation>保留我的</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_box.py" line="84" />
            <source>Keep theirs</source>
            <translation>保留对方的</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../ui/errors.py" line="251" />
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="254" />
            <source>ipaudit ran into a problem it did not expect. Everything you entered before this was saved as you entered it. Please send the details below and the log file to whoever supports ipaudit for you; you can go on working.</source>
            <translation>ipaudit 遇到了意料之外的问题。此前录入的内容都已随时保存。请把下面的详细信息和日志文件发给为您提供 ipaudit 支持的人员；您可以继续工作。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="261" />
            <source>Log file: %1</source>
            <translation>日志文件：%1</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="263" />
            <source>No log file is being written.</source>
            <translation>当前没有写入日志文件。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="265" />
            <source>Copy details</source>
            <translation>复制详细信息</translation>
        </message>
    </context>
    <context>
        <name>CyclePage</name>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="142" />
            <source>The spending could not be read.</source>
            <extracomment>the background work of this page finished (spending computed, a sheet read)</extracomment>
            <translation>无法读取经费支出。</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="167" />
            <source>Edit the hires and leavers</source>
            <translation>修改入职和离职人员</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="172" />
            <source>Edit the IP budget</source>
            <translation>修改知识产权经费预算</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="181" />
            <source>Edit the open nonconformities</source>
            <translation>修改未关闭的不符合项</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="194" />
            <location filename="../../ui/facts/cycle_page.py" line="209" />
            <source>Import hires and leavers</source>
            <translation>导入入职和离职人员</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="196" />
            <source>Sheets (%1)</source>
            <translation>表格 (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="203" />
            <source>The list could not be imported.</source>
            <translation>名单未能导入。</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="215" />
            <source>New hires and core leavers of the period</source>
            <translation>审核期内的新入职员工和核心离职员工</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="218" />
            <source>Each new hire needs a labour contract, a confidentiality agreement and an IP background check; each core leaver an exit interview, a handover list and a reminder of obligations. A record counts for a person when the name is in its title or file name.</source>
            <translation>每名新入职员工须有劳动合同、保密协议和知识产权背景调查表；每名核心离职员工须有离职面谈记录、资料交割清单和离职义务提醒。证据的标题或文件名含有其姓名时才算作该人员的记录。</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="224" />
            <source>Add person</source>
            <translation>添加人员</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="224" />
            <source>Remove person</source>
            <translation>删除人员</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="225" />
            <source>Import a sheet…</source>
            <translation>导入表格…</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="227" />
            <source>A sheet with the columns name, department, date and kind (入职 / 离职)</source>
            <translation>含姓名、部门、日期和类型（入职/离职）列的表格</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="229" />
            <source>IP budget and spending</source>
            <translation>知识产权经费预算与支出</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="232" />
            <source>The budget per expense category; the spending comes from the imported expense record (lines dated in the audit period). More than 10% over budget is a finding.</source>
            <translation>按费用类别填写预算；实际支出取自已导入的经费使用记录（审核期内的记录）。超出预算 10% 以上即为问题项。</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="237" />
            <source>Last audit's nonconformities still open:</source>
            <translation>上次审核未关闭的不符合项：</translation>
        </message>
        <message>
            <location filename="../../ui/facts/cycle_page.py" line="238" />
            <source>Declared</source>
            <translation>已填写</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message numerus="yes">
            <location filename="../../ui/dashboard/dashboard.py" line="121" />
            <source>%1 of %n item(s) ready</source>
            <extracomment>the link to the workspace information (audit type, dates, period) was followed</extracomment>
            <translation>
                <numerusform>%n 个条目中 %1 个已就绪</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard.py" line="123" />
            <source>Blocking findings: %1</source>
            <translation>待解决问题：%1 个</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard.py" line="129" />
            <source>Lowest: %1 (%2)</source>
            <translation>最低：%1（%2）</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard.py" line="151" />
            <source>Interview readiness (rehearsal): %1</source>
            <translation>面谈准备度（演练）：%1</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard.py" line="157" />
            <source>Department readiness</source>
            <translation>部门就绪度</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard.py" line="157" />
            <source>Overall readiness</source>
            <translation>总体就绪度</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard.py" line="160" />
            <source>Readiness by department</source>
            <translation>各部门就绪度</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard.py" line="160" />
            <location filename="../../ui/dashboard/dashboard.py" line="167" />
            <source>Readiness (%)</source>
            <translation>就绪度（%）</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard.py" line="162" />
            <source>Open findings by grade</source>
            <translation>未关闭问题（按等级）</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard.py" line="164" />
            <source>Audit type, dates and period…</source>
            <translation>审核类型、日期和审核期间…</translation>
        </message>
        <message>
            <location filename="../../ui/dashboard/dashboard.py" line="167" />
            <source>Readiness over time</source>
            <translation>就绪度变化</translation>
        </message>
    </context>
    <context>
        <name>DatesPage</name>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="225" />
            <source>Audit dates and period</source>
            <translation>审核日期与覆盖期</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="228" />
            <source>The audit period is the time the auditor looks at: records must fall inside it and every year of it must be covered. It follows the audit type until you change it.</source>
            <translation>审核覆盖期是审核员检查的时间范围：记录须落在其中，且其中每一年都要有记录。它随审核类型而定，直到您手动修改。</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="234" />
            <source>Audit &amp;starts:</source>
            <translation>审核开始(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="235" />
            <source>Audit &amp;ends:</source>
            <translation>审核结束(&amp;E)：</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="236" />
            <source>System start (manual issued):</source>
            <translation>体系运行开始（手册发布）：</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="237" />
            <source>&amp;Last audit:</source>
            <translation>上次审核(&amp;L)：</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="238" />
            <source>Certificate &amp;valid from:</source>
            <translation>证书生效日(&amp;V)：</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="239" />
            <source>Certificate valid &amp;until:</source>
            <translation>证书到期日(&amp;U)：</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="240" />
            <source>Audit &amp;period:</source>
            <translation>审核期(&amp;P)：</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="244" />
            <source>&amp;Default period</source>
            <translation>默认审核期(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="245" />
            <source>The period the audit type asks for</source>
            <translation>按审核类型确定的审核期</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="247" />
            <location filename="../../ui/new_workspace_wizard.py" line="248" />
            <source>Declared</source>
            <translation>已填写</translation>
        </message>
    </context>
    <context>
        <name>DepartmentFactsModel</name>
        <message>
            <location filename="../../ui/facts/department_facts_model.py" line="83" />
            <source>Department</source>
            <extracomment>the department key of the row</extracomment>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/facts/department_facts_model.py" line="83" />
            <source>Headcount</source>
            <translation>人数</translation>
        </message>
        <message>
            <location filename="../../ui/facts/department_facts_model.py" line="83" />
            <source>IP duties</source>
            <translation>知识产权职责</translation>
        </message>
    </context>
    <context>
        <name>DepartmentModel</name>
        <message>
            <location filename="../../ui/checklist/navigator_model.py" line="81" />
            <source>%1: %2% ready, %3, %4</source>
            <translation>%1：就绪度 %2%，%3，%4</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/checklist/navigator_model.py" line="84" />
            <source>%1 of %n item(s) ready</source>
            <translation>
                <numerusform>%n 个条目中 %1 个已就绪</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/checklist/navigator_model.py" line="85" />
            <source>%n blocking finding(s)</source>
            <translation>
                <numerusform>%n 个阻碍认证的问题</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DepartmentNavigator</name>
        <message>
            <location filename="../../ui/checklist/navigator.py" line="97" />
            <source>Readiness: checking…</source>
            <translation>就绪度：正在检查…</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/navigator.py" line="100" />
            <source>Readiness %1% · %2 blocking</source>
            <translation>就绪度 %1% · %2 项阻碍</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/navigator.py" line="107" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/navigator.py" line="107" />
            <location filename="../../ui/checklist/navigator.py" line="109" />
            <source>Departments</source>
            <translation>部门</translation>
        </message>
    </context>
    <context>
        <name>DepartmentsDialog</name>
        <message>
            <location filename="../../ui/departments_dialog.py" line="175" />
            <source>merged into %1</source>
            <translation>已并入%1</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="179" />
            <source>absent</source>
            <translation>不设立</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="181" />
            <source>active</source>
            <translation>正常</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="206" />
            <source>Add a department</source>
            <translation>添加部门</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="219" />
            <source>Rename the department</source>
            <translation>部门改名</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="243" />
            <source>Merge a department</source>
            <translation>合并部门</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="244" />
            <source>Merge “%1” into:</source>
            <translation>将“%1”并入：</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="300" />
            <source>Mark &amp;present</source>
            <translation>标为设立(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="300" />
            <source>Mark &amp;absent</source>
            <translation>标为不设立(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="306" />
            <source>Departments</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="308" />
            <source>Chinese name</source>
            <translation>中文名称</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="308" />
            <source>English name</source>
            <translation>英文名称</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="308" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="310" />
            <source>A&amp;dd…</source>
            <translation>添加(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="311" />
            <source>&amp;Rename…</source>
            <translation>改名(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="312" />
            <source>&amp;Merge into…</source>
            <translation>并入(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="292" />
            <source>Its checklist items move to the department it is merged into</source>
            <translation>其清单条目将转到并入的部门</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="297" />
            <source>A department the company does not have: its items are not audited</source>
            <translation>公司没有的部门：其条目不受审核</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="313" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>DepartmentsPage</name>
        <message>
            <location filename="../../ui/facts/departments_page.py" line="56" />
            <source>How many people each department has and what its IP duties are, as the manual states them. Every department's interview answers are checked against these.</source>
            <translation>手册所述的各部门人数和知识产权职责。各部门访谈中的回答都将与此核对。</translation>
        </message>
        <message>
            <location filename="../../ui/facts/departments_page.py" line="70" />
            <source>Company headcount: %1</source>
            <translation>公司总人数：%1</translation>
        </message>
        <message>
            <location filename="../../ui/facts/departments_page.py" line="78" />
            <source>Edit headcount and duties of %1</source>
            <translation>修改%1的人数和职责</translation>
        </message>
    </context>
    <context>
        <name>DiscrepanciesModel</name>
        <message>
            <location filename="../../ui/ledger/discrepancies_model.py" line="80" />
            <source>Grade</source>
            <extracomment>the ``Discrepancy`` a value that sorts the column the accepted explanation, or None</extracomment>
            <translation>等级</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/discrepancies_model.py" line="81" />
            <source>Discrepancy</source>
            <translation>差异类型</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/discrepancies_model.py" line="82" />
            <source>People</source>
            <translation>人员</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/discrepancies_model.py" line="83" />
            <source>IP items</source>
            <translation>知识产权项目</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/discrepancies_model.py" line="84" />
            <source>Expected</source>
            <translation>应为</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/discrepancies_model.py" line="85" />
            <source>Actual</source>
            <translation>实际</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/discrepancies_model.py" line="86" />
            <source>Difference</source>
            <translation>差额</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/discrepancies_model.py" line="87" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/discrepancies_model.py" line="88" />
            <source>Accepted because</source>
            <translation>接受理由</translation>
        </message>
    </context>
    <context>
        <name>DiscrepancyPanel</name>
        <message>
            <location filename="../../ui/ledger/discrepancy_panel.py" line="188" />
            <source>Select a discrepancy to see its rows in the ledgers.</source>
            <extracomment>the selected discrepancy, or None</extracomment>
            <translation>选择一项差异，即可在台账中看到相关的行。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/discrepancy_panel.py" line="194" />
            <source>Accepted because:</source>
            <translation>接受理由：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/discrepancy_panel.py" line="208" />
            <source>Discrepancies</source>
            <translation>差异</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/discrepancy_panel.py" line="212" />
            <source>Accept with e&amp;xplanation…</source>
            <translation>说明理由并接受(&amp;X)…</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/discrepancy_panel.py" line="214" />
            <source>Accept the difference with a written explanation the report shows</source>
            <translation>填写理由后接受该差异，理由会显示在报告中</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/discrepancy_panel.py" line="216" />
            <source>&amp;Withdraw acceptance</source>
            <translation>撤销接受(&amp;W)</translation>
        </message>
    </context>
    <context>
        <name>DonePage</name>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="341" />
            <location filename="../../ui/ledger/problems_page.py" line="353" />
            <source>Imported %n entries of %1 from %2.</source>
            <translation>
                <numerusform>已从 %2 导入%1的 %n 条记录。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="359" />
            <source>%n problem(s) are kept with the import; correct the file and import it again to replace them.</source>
            <translation>
                <numerusform>%n 个问题随导入一并保存；修改文件后再次导入即可替换。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="365" />
            <source>The column mapping is remembered for sheets with this header. The reconciliation and the findings are brought up to date.</source>
            <translation>已记住此表头格式的列对应关系。对账结果和问题清单已随之更新。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="371" />
            <source>Imported</source>
            <translation>已导入</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="372" />
            <source>The import is stored in the workspace.</source>
            <translation>导入结果已保存到工作区。</translation>
        </message>
    </context>
    <context>
        <name>EntriesModel</name>
        <message>
            <location filename="../../ui/ledger/entries_model.py" line="142" />
            <source>Row</source>
            <extracomment>the ``Entry`` a value that sorts the column (dates as ISO text, amounts as cents, row numbers as ints) NONE, OPEN or ACCEPTED: whether a discrepancy cites the row, and whether all are accepted True when the row is linked to the selection in another table</extracomment>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/entries_model.py" line="143" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/entries_model.py" line="144" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/entries_model.py" line="145" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/entries_model.py" line="146" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/entries_model.py" line="147" />
            <source>IP item</source>
            <translation>知识产权项目</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/entries_model.py" line="148" />
            <source>Description</source>
            <translation>事由/摘要</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/entries_model.py" line="149" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/entries_model.py" line="150" />
            <source>Voucher</source>
            <translation>凭证号</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/entries_model.py" line="151" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/entries_model.py" line="204" />
            <source>Penalty</source>
            <translation>处罚</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/entries_model.py" line="204" />
            <source>Reward</source>
            <translation>奖励</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/entries_model.py" line="233" />
            <source>accepted</source>
            <translation>已接受</translation>
        </message>
    </context>
    <context>
        <name>EvidenceDialog</name>
        <message>
            <location filename="../../ui/checklist/evidence_dialog.py" line="99" />
            <source>The title cannot be empty.</source>
            <translation>标题不能为空。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_dialog.py" line="103" />
            <source>The period covered ends before it starts.</source>
            <translation>覆盖期间的结束日期早于开始日期。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_dialog.py" line="118" />
            <source>Evidence details</source>
            <translation>证据详情</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_dialog.py" line="121" />
            <source>File: %1 (SHA-256 %2…)</source>
            <translation>文件：%1（SHA-256 %2…）</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_dialog.py" line="127" />
            <source>&amp;Title:</source>
            <translation>标题(&amp;T)：</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_dialog.py" line="128" />
            <source>Document &amp;number:</source>
            <translation>文件编号(&amp;N)：</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_dialog.py" line="129" />
            <source>&amp;Version:</source>
            <translation>版本(&amp;V)：</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_dialog.py" line="130" />
            <source>&amp;Date:</source>
            <translation>日期(&amp;D)：</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_dialog.py" line="131" />
            <source>&amp;Period covered:</source>
            <translation>覆盖期间(&amp;P)：</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_dialog.py" line="135" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_dialog.py" line="136" />
            <source>e.g. IPM-QP-05</source>
            <translation>例如：IPM-QP-05</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_dialog.py" line="137" />
            <source>e.g. A/1</source>
            <translation>例如：A/1</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_dialog.py" line="138" />
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_dialog.py" line="139" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>EvidenceList</name>
        <message>
            <location filename="../../ui/checklist/evidence_list.py" line="259" />
            <source>Add files…</source>
            <translation>添加文件…</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_list.py" line="261" />
            <source>Attach files (or drop them here from the file manager)</source>
            <translation>添加文件（也可以从文件管理器拖到这里）</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_list.py" line="263" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_list.py" line="264" />
            <source>Open with the system application</source>
            <translation>用系统默认程序打开</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_list.py" line="265" />
            <source>Replace…</source>
            <translation>替换…</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_list.py" line="266" />
            <source>Attach a new version; the old one is kept</source>
            <translation>添加新版本，旧版本保留</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_list.py" line="267" />
            <source>Details…</source>
            <translation>详情…</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_list.py" line="269" />
            <source>Edit title, document number, version, date and period covered</source>
            <translation>编辑标题、文件编号、版本、日期和覆盖期间</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_list.py" line="271" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_list.py" line="272" />
            <source>No files yet. Drop files here or use “Add files…”.</source>
            <translation>还没有文件。把文件拖到这里，或点击“添加文件…”。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_list.py" line="274" />
            <source>Evidence files</source>
            <translation>证据文件</translation>
        </message>
    </context>
    <context>
        <name>EvidenceModel</name>
        <message>
            <location filename="../../ui/checklist/evidence_model.py" line="122" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_model.py" line="123" />
            <source>For</source>
            <translation>归属</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_model.py" line="124" />
            <source>Doc. No.</source>
            <translation>文件编号</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_model.py" line="125" />
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_model.py" line="126" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_model.py" line="127" />
            <source>Period covered</source>
            <translation>覆盖期间</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_model.py" line="128" />
            <source>File</source>
            <translation>文件名</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_model.py" line="129" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_model.py" line="130" />
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_model.py" line="131" />
            <source>Added</source>
            <translation>添加时间</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_model.py" line="156" />
            <source>Older version, replaced — %1</source>
            <translation>旧版本，已被替换——%1</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/evidence_model.py" line="200" />
            <source>%1 · last cycle</source>
            <translation>%1 · 上周期</translation>
        </message>
    </context>
    <context>
        <name>ExpectedErrorBox</name>
        <message>
            <location filename="../../ui/errors.py" line="200" />
            <source>ipaudit</source>
            <extracomment>what failed, e.g. ``lambda: self.tr("The copy could not be saved.")`` (a callable is asked again when the language changes; a plain string stays as it is)</extracomment>
            <translation>ipaudit 知识产权贯标迎审</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="203" />
            <source>This could not be done.</source>
            <translation>操作未能完成。</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../ui/export_dialog.py" line="225" />
            <source>Save the pack as</source>
            <extracomment>the pack was written (``PackResult``) the export was cancelled; nothing was left behind</extracomment>
            <translation>资料包另存为</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="225" />
            <source>Zip files (*.zip)</source>
            <translation>Zip 压缩文件 (*.zip)</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="231" />
            <source>Folder to put the pack in</source>
            <translation>选择存放资料包的文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="270" />
            <source>Choose where to write the pack.</source>
            <translation>请选择资料包的保存位置。</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="279" />
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="300" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="351" />
            <source>The pack was not written.</source>
            <translation>资料包未生成。</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="289" />
            <source>The pack could not be exported.</source>
            <translation>无法导出资料包。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/export_dialog.py" line="314" />
            <source>The pack was written to %1 (%n file(s)).</source>
            <translation>
                <numerusform>资料包已写入 %1（共 %n 个文件）。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="320" />
            <source>SHA-256 of its manifest, recorded in the workspace's export history: %1</source>
            <translation>清单（manifest.json）的 SHA-256，已记入工作区的导出记录：%1</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="356" />
            <source>Export cancelled; nothing was written.</source>
            <translation>已取消导出，没有写入任何文件。</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="380" />
            <source>Export readiness pack</source>
            <translation>导出迎审资料包</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="381" />
            <source>&amp;Save to:</source>
            <translation>保存到(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="382" />
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="383" />
            <source>Format:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="384" />
            <source>&amp;Folder</source>
            <translation>文件夹(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="385" />
            <source>&amp;Zip file</source>
            <translation>Zip 压缩文件(&amp;Z)</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="386" />
            <source>&amp;Language of the documents:</source>
            <translation>文档语言(&amp;L)：</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="387" />
            <source>Include the &amp;evidence files</source>
            <translation>包含证据文件(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="388" />
            <source>Include &amp;older versions of evidence</source>
            <translation>包含证据的旧版本(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="389" />
            <source>&amp;Mask ID card and mobile numbers in the documents</source>
            <translation>对文档中的身份证号码和手机号码脱敏(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="390" />
            <source>Also make a &amp;PDF of the report</source>
            <translation>同时生成报告的 PDF(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="392" />
            <source>LibreOffice is not installed, so no PDF can be made.</source>
            <translation>本机未安装 LibreOffice，无法生成 PDF。</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="395" />
            <source>Fill in the page &amp;numbers of the report's contents (a few seconds)</source>
            <translation>填写报告目录的页码（需几秒钟）(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="398" />
            <source>LibreOffice lays the report out once, so the contents open with page numbers.</source>
            <translation>由 LibreOffice 先排版一次报告，打开时目录即带页码。</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="401" />
            <source>LibreOffice is not installed: the contents say how to update them in Word.</source>
            <translation>本机未安装 LibreOffice：目录中会说明如何在 Word 中更新页码。</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="404" />
            <source>O&amp;verwrite an existing pack of the same name</source>
            <translation>覆盖同名的已有资料包(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="405" />
            <source>Must-fix &amp;deadline:</source>
            <translation>整改期限(&amp;D)：</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="406" />
            <source> days before the audit</source>
            <translation> 天（审核首日之前）</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="409" />
            <source>The report's must-fix list gives this date: the audit's first day minus these days.</source>
            <translation>报告中“必须完成的整改”清单的完成期限：审核首日减去这些天数。</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="412" />
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="413" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="414" />
            <source>Show in folder</source>
            <translation>在文件夹中显示</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="415" />
            <source>Packs exported from this workspace:</source>
            <translation>该工作区导出过的资料包：</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="417" />
            <source>Exported</source>
            <translation>导出时间</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="417" />
            <source>Where</source>
            <translation>位置</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="417" />
            <source>Manifest SHA-256</source>
            <translation>清单 SHA-256</translation>
        </message>
    </context>
    <context>
        <name>FactsEditor</name>
        <message>
            <location filename="../../ui/facts/facts_editor.py" line="79" />
            <source>Policy and objectives</source>
            <translation>方针和目标</translation>
        </message>
        <message>
            <location filename="../../ui/facts/facts_editor.py" line="80" />
            <source>Headcount and duties</source>
            <translation>人数和职责</translation>
        </message>
        <message>
            <location filename="../../ui/facts/facts_editor.py" line="81" />
            <source>Procedures</source>
            <translation>程序文件</translation>
        </message>
        <message>
            <location filename="../../ui/facts/facts_editor.py" line="82" />
            <source>Certificates and portfolio</source>
            <translation>证书和知识产权数量</translation>
        </message>
        <message>
            <location filename="../../ui/facts/facts_editor.py" line="83" />
            <source>People and budget</source>
            <translation>人员与经费</translation>
        </message>
        <message>
            <location filename="../../ui/facts/facts_editor.py" line="89" />
            <source>The workspace was opened read-only; copy it somewhere writable to edit the facts.</source>
            <translation>工作区以只读方式打开；如需修改体系事实，请把它复制到可写的位置。</translation>
        </message>
        <message>
            <location filename="../../ui/facts/facts_editor.py" line="93" />
            <source>The facts are read-only in a department view; the compliance manager maintains them.</source>
            <translation>部门视图中手册事实为只读，由体系专员维护。</translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="310" />
            <source>Save the new workspace as</source>
            <translation>新工作区保存为</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="312" />
            <source>ipaudit workspaces (*.ipaudit)</source>
            <translation>ipaudit 工作区 (*.ipaudit)</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="328" />
            <source>%1 · %2 · audit %3 to %4 · period %5 to %6 · %7</source>
            <translation>%1 · %2 · 审核 %3 至 %4 · 覆盖期 %5 至 %6 · %7</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/new_workspace_wizard.py" line="335" />
            <source>%n department(s)</source>
            <translation>
                <numerusform>%n 个部门</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="339" />
            <source>Save the workspace</source>
            <translation>保存工作区</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="342" />
            <source>The workspace is one file that holds everything, evidence files included. Edits are saved as you make them.</source>
            <translation>工作区是一个文件，包含全部内容（含证据文件）。修改会随时自动保存。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="90" />
            <source>Choose the ledger files</source>
            <translation>选择台账文件</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="92" />
            <source>Spreadsheets and CSV (%1);;All files (*)</source>
            <translation>电子表格和 CSV (%1);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="117" />
            <source>Choose the ledger file</source>
            <translation>选择台账文件</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="120" />
            <source>The reward record, the payment register, the expense record or the IP portfolio, as finance keeps it: xlsx, xls, ods or csv.</source>
            <translation>奖惩记录表、奖金发放登记表、经费使用记录或知识产权台账，财务保存的原样文件即可：xlsx、xls、ods 或 csv。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="124" />
            <location filename="../../ui/new_workspace_wizard.py" line="346" />
            <source>&amp;File:</source>
            <translation>文件(&amp;F)：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="125" />
            <location filename="../../ui/new_workspace_wizard.py" line="347" />
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="126" />
            <source>&amp;Ledger:</source>
            <translation>台账类型(&amp;L)：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="127" />
            <source>Detect from the headers</source>
            <translation>根据表头自动识别</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="132" />
            <source>Importing a ledger replaces the earlier import of the same ledger. Explanations you accepted for its differences are kept while the differences remain.</source>
            <translation>导入台账会替换同一台账之前的导入。已接受的差异说明会保留，只要这些差异仍然存在。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="137" />
            <source>Choose several files (or tick every ledger sheet of a workbook on the next page) to import the reward record, the payment register and the expense record in one pass.</source>
            <translation>选择多个文件（或在下一页勾选导入工作簿中的全部台账表），即可一次导入奖惩记录、奖金发放登记和经费使用记录。</translation>
        </message>
    </context>
    <context>
        <name>FindingsModel</name>
        <message>
            <location filename="../../ui/findings/findings_model.py" line="85" />
            <source>Grade</source>
            <extracomment>the ``Finding`` itself the workspace department key the checklist item key a value that sorts the column sensibly (grade rank for the grade column)</extracomment>
            <translation>等级</translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_model.py" line="86" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_model.py" line="87" />
            <source>Item</source>
            <translation>条目</translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_model.py" line="88" />
            <source>Finding</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_model.py" line="89" />
            <source>Accepted because</source>
            <translation>接受理由</translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_model.py" line="126" />
            <source>%1 (accepted)</source>
            <translation>%1（已接受）</translation>
        </message>
    </context>
    <context>
        <name>FindingsPanel</name>
        <message>
            <location filename="../../ui/findings/findings_panel.py" line="201" />
            <source>&amp;Department:</source>
            <extracomment>what the list shows, e.g. "Finance · 5 findings" (the dock's title repeats it) the findings table shows at least this many rows (the dock cannot shrink below)</extracomment>
            <translation>部门(&amp;D)：</translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_panel.py" line="202" />
            <source>&amp;Grade:</source>
            <translation>等级(&amp;G)：</translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_panel.py" line="203" />
            <source>Hide &amp;accepted</source>
            <translation>隐藏已接受(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_panel.py" line="204" />
            <source>F&amp;ollow the selection</source>
            <translation>跟随所选部门(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_panel.py" line="207" />
            <source>List the findings of the department chosen on the left; clear it to keep all departments</source>
            <translation>只列出左侧所选部门的问题；取消勾选则显示全部部门</translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_panel.py" line="213" />
            <source>Accept the selected finding with a written explanation the report shows</source>
            <translation>填写理由后接受所选问题，理由会显示在报告中</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/findings/findings_panel.py" line="305" />
            <source>%1 · %n finding(s)</source>
            <translation>
                <numerusform>%1 · %n 项</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/findings/findings_panel.py" line="310" />
            <source>%1 of %n finding(s)</source>
            <translation>
                <numerusform>显示 %1 / 共 %n 个问题</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_panel.py" line="211" />
            <source>A&amp;ccept…</source>
            <translation>接受(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_panel.py" line="215" />
            <source>&amp;Withdraw</source>
            <translation>撤销接受(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_panel.py" line="216" />
            <source>Withdraw the acceptance of the selected finding</source>
            <translation>撤销对所选问题的接受</translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_panel.py" line="235" />
            <source>All departments</source>
            <translation>全部部门</translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_panel.py" line="263" />
            <source>All grades</source>
            <translation>全部等级</translation>
        </message>
        <message>
            <location filename="../../ui/findings/findings_panel.py" line="306" />
            <source>all departments</source>
            <translation>全部部门</translation>
        </message>
    </context>
    <context>
        <name>HelpDialog</name>
        <message>
            <location filename="../../ui/help_dialog.py" line="37" />
            <source>ipaudit guide</source>
            <translation>ipaudit 使用指南</translation>
        </message>
    </context>
    <context>
        <name>ItemPanel</name>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="250" />
            <source>The workspace is open read-only.</source>
            <translation>工作区以只读方式打开。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="251" />
            <source>Owned by %1 — read only</source>
            <translation>由 %1 负责，只读</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="370" />
            <location filename="../../ui/checklist/item_panel.py" line="380" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="462" />
            <source>Attach files</source>
            <translation>添加文件</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="468" />
            <source>New version of “%1”</source>
            <translation>“%1”的新版本</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="477" />
            <source>No application is set up to open “%1”. A read-only copy is at %2.</source>
            <translation>系统中没有可打开“%1”的程序。只读副本位于 %2。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="490" />
            <location filename="../../ui/checklist/item_panel.py" line="572" />
            <source>Evidence</source>
            <translation>证据</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="545" />
            <source>Key on the command line: %1</source>
            <translation>命令行中的键：%1</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="562" />
            <source>This item belongs to another department.</source>
            <translation>此条目属于其他部门。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="564" />
            <source>Choose an item in the checklist.</source>
            <translation>请在检查清单中选择一个条目。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="569" />
            <source>What to prepare — what the auditor looks for</source>
            <translation>需要准备什么——审核员关注什么</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="570" />
            <source>Clauses</source>
            <translation>对应条款</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="571" />
            <source>Auditor questions</source>
            <translation>审核员提问</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="573" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="574" />
            <source>Notes for yourself and the team</source>
            <translation>写给自己和团队的备注</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/item_panel.py" line="576" />
            <source>Drop files from the file manager anywhere on this panel to attach them.</source>
            <translation>从文件管理器把文件拖到本面板任意位置即可添加为证据。</translation>
        </message>
    </context>
    <context>
        <name>LedgerImportWizard</name>
        <message>
            <location filename="../../ui/ledger/import_wizard.py" line="79" />
            <source>Import a ledger</source>
            <extracomment>the sheets of the chosen file were listed (names) the preview was read (``importer.Preview``) the sheet was read with the confirmed mapping (``ImportResult``), not yet stored the import was stored in the workspace (``ImportResult``) an expected failure was shown on a page (the exception)</extracomment>
            <translation>导入台账</translation>
        </message>
    </context>
    <context>
        <name>MainActions</name>
        <message>
            <location filename="../../ui/main_actions.py" line="133" />
            <source>&amp;Undo %1</source>
            <translation>撤销(&amp;U) %1</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="133" />
            <location filename="../../ui/main_actions.py" line="136" />
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="134" />
            <source>&amp;Redo %1</source>
            <translation>重做(&amp;R) %1</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="134" />
            <location filename="../../ui/main_actions.py" line="137" />
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="142" />
            <source>&amp;New workspace…</source>
            <translation>新建工作区(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="143" />
            <source>Create a workspace for one audit cycle</source>
            <translation>为一个审核周期新建工作区</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="144" />
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="145" />
            <source>Open a workspace file (.ipaudit)</source>
            <translation>打开工作区文件（.ipaudit）</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="146" />
            <source>Open for one &amp;department…</source>
            <translation>按部门打开(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="148" />
            <source>Show only one department's checklist, with the facts read-only</source>
            <translation>只显示一个部门的清单，体系事实只读</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="150" />
            <source>Open the &amp;whole workspace</source>
            <translation>打开整个工作区(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="151" />
            <source>The compliance manager confirms first</source>
            <translation>需由贯标负责人确认</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="152" />
            <source>&amp;Manager passphrase…</source>
            <translation>管理者口令(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="154" />
            <source>What a department view asks before it shows the whole workspace</source>
            <translation>部门视图在显示整个工作区之前要求输入的口令</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="156" />
            <source>Open the de&amp;mo</source>
            <translation>打开演示工作区(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="157" />
            <source>A fictional company to try everything on</source>
            <translation>一家虚构的公司，可以放心试用各项功能</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="158" />
            <source>Clear the list</source>
            <translation>清空列表</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="159" />
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="160" />
            <source>Every edit is saved as you make it; this confirms it</source>
            <translation>每次修改都会立即保存；此命令用于确认</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="161" />
            <source>Save a &amp;copy as…</source>
            <translation>另存副本(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="163" />
            <source>Edits are saved as you make them; this writes a copy of the workspace</source>
            <translation>修改会随时自动保存；此操作另外写出一份工作区副本</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="165" />
            <source>Workspace &amp;information…</source>
            <translation>工作区信息(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="167" />
            <source>Company, audit type, audit dates and period, certificate and last audit</source>
            <translation>企业名称、审核类型、审核日期与审核期、证书和上次审核</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="169" />
            <source>Export the chec&amp;klist…</source>
            <translation>导出检查清单(&amp;K)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="171" />
            <source>Write the workspace's own checklist copy to a YAML file to correct it</source>
            <translation>把工作区自己的检查清单写入 YAML 文件，以便修正</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="173" />
            <source>Import a corrected checklis&amp;t…</source>
            <translation>导入修正后的检查清单(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="175" />
            <source>Replace the workspace's checklist with a corrected YAML file, checked first</source>
            <translation>用修正后的 YAML 文件替换工作区的检查清单（先校验）</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="177" />
            <source>&amp;Import a ledger…</source>
            <translation>导入台账(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="178" />
            <source>Import ledger</source>
            <translation>导入台账</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="179" />
            <source>&amp;Export the readiness pack…</source>
            <translation>导出迎审资料包(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="180" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="181" />
            <source>C&amp;lose workspace</source>
            <translation>关闭工作区(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="182" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="184" />
            <source>&amp;Find in checklist</source>
            <translation>在清单中查找(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="185" />
            <source>&amp;Preferences…</source>
            <translation>首选项(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="186" />
            <source>&amp;Checklist</source>
            <translation>清单(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="187" />
            <source>&amp;Facts</source>
            <translation>体系事实(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="188" />
            <source>&amp;Dashboard</source>
            <translation>总览(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="189" />
            <source>&amp;Re-run the checks</source>
            <translation>重新检查(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="190" />
            <source>&amp;Edit departments…</source>
            <translation>编辑部门(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="192" />
            <source>Add, rename, merge or mark absent the departments of the workspace</source>
            <translation>添加、改名、合并部门，或标为不设立</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="195" />
            <source>Audit-day &amp;plan</source>
            <translation>审核日安排(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="196" />
            <source>Auditors, rooms, escorts and the schedule of the day</source>
            <translation>审核员、会议室、陪审人员和当天的日程</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="197" />
            <source>Interview &amp;rehearsal</source>
            <translation>面谈演练(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="199" />
            <source>Each department answers the auditor's questions; the app compares</source>
            <translation>各部门回答审核员的问题，软件逐条对照</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="201" />
            <source>Auditor's re&amp;quest list</source>
            <translation>审核资料清单(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="202" />
            <source>Import the documents the auditor asks for</source>
            <translation>导入审核组要求提供的文件清单</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="203" />
            <source>&amp;Mock audit</source>
            <translation>模拟审核(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="204" />
            <source>Draw samples as an auditor does and grade them</source>
            <translation>像审核员一样抽样并评定</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="205" />
            <source>&amp;Corrective actions</source>
            <translation>纠正措施(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="206" />
            <source>Every nonconformity followed to its closure</source>
            <translation>每个不符合项跟踪到关闭</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="207" />
            <source>Ready to &amp;apply</source>
            <translation>认证申请条件(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="209" />
            <source>The certification body's application conditions and materials</source>
            <translation>认证机构的申请条件和申请材料</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="211" />
            <source>Start the &amp;next cycle…</source>
            <translation>开始下一审核周期(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="213" />
            <source>Begin next year's surveillance or re-certification from this workspace</source>
            <translation>在本工作区基础上开始明年的监督审核或再认证</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="215" />
            <source>Open a &amp;team workspace…</source>
            <translation>打开团队工作区(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="216" />
            <source>Connect to a workspace on a PostgreSQL server</source>
            <translation>连接 PostgreSQL 服务器上的工作区</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="217" />
            <source>Put on a team ser&amp;ver…</source>
            <translation>放到团队服务器(&amp;V)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="219" />
            <source>Copy this workspace file into an empty database on a PostgreSQL server</source>
            <translation>把此工作区文件复制到 PostgreSQL 服务器上的一个空数据库中</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="221" />
            <source>Export a department &amp;packet…</source>
            <translation>导出部门填报包(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="223" />
            <source>One department's checklist as a workbook to fill in Excel or WPS</source>
            <translation>把一个部门的检查表导出为工作簿，在 Excel 或 WPS 中填写</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="225" />
            <source>Import a department pac&amp;ket…</source>
            <translation>导入部门填报包(&amp;K)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="226" />
            <source>Preview and apply a filled-in department packet</source>
            <translation>预览并应用填好的部门填报包</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="227" />
            <source>Ledger &amp;reconciliation</source>
            <translation>台账核对(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="228" />
            <source>&amp;Verify a readiness pack…</source>
            <translation>校验迎审资料包(&amp;V)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="229" />
            <source>&amp;Guide</source>
            <translation>使用指南(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="230" />
            <source>How an audit goes and how to use each view</source>
            <translation>外审准备流程和各视图的用法</translation>
        </message>
        <message>
            <location filename="../../ui/main_actions.py" line="231" />
            <source>&amp;About ipaudit</source>
            <translation>关于 ipaudit(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>MainMenus</name>
        <message>
            <location filename="../../ui/main_menus.py" line="141" />
            <source>No recent workspaces</source>
            <translation>没有最近打开的工作区</translation>
        </message>
        <message>
            <location filename="../../ui/main_menus.py" line="176" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_menus.py" line="177" />
            <source>Open &amp;recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/main_menus.py" line="178" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../ui/main_menus.py" line="179" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../ui/main_menus.py" line="180" />
            <source>&amp;Departments</source>
            <translation>部门(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/main_menus.py" line="181" />
            <source>&amp;Audit</source>
            <translation>审核(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/main_menus.py" line="182" />
            <source>&amp;Tools</source>
            <translation>工具(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../ui/main_menus.py" line="183" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../ui/main_menus.py" line="184" />
            <source>Team &amp;logins…</source>
            <translation>团队登录账户(&amp;L)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_menus.py" line="185" />
            <source>Tool bar</source>
            <translation>工具栏</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="195" />
            <source>Open a workspace</source>
            <extracomment>at the latest this long after a workspace is shown, its first checks start (ms) files the ledger import reads (dropped on the reconciliation view) ``open_later`` could not open the workspace (the error was shown) the readiness last recorded, shown while the workspace opens at start-up</extracomment>
            <translation>打开工作区</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="197" />
            <location filename="../../ui/main_window.py" line="585" />
            <source>ipaudit workspaces (%1);;All files (*)</source>
            <translation>ipaudit 工作区 (%1);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="297" />
            <location filename="../../ui/main_window.py" line="352" />
            <location filename="../../ui/main_window.py" line="603" />
            <location filename="../../ui/main_window.py" line="637" />
            <source>The workspace could not be opened.</source>
            <translation>无法打开工作区。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="448" />
            <source>The checks could not run.</source>
            <translation>检查未能运行。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="472" />
            <source>The workspace was upgraded; the original is kept as %1</source>
            <translation>工作区已升级到新格式；原文件已备份为 %1</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="840" />
            <source>Checking…</source>
            <translation>正在检查…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="557" />
            <source>Preparing the demo workspace (first start only)…</source>
            <translation>正在准备演示工作区（仅首次启动时需要）…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="251" />
            <source>Opening %1…</source>
            <translation>正在打开 %1…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="305" />
            <source>Upgrading %1 to the current format (a backup is written first)…</source>
            <translation>正在把 %1 升级到当前格式（会先写一份备份）…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="559" />
            <source>Demo</source>
            <translation>演示</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="565" />
            <source>The demo workspace could not be prepared.</source>
            <translation>无法准备演示工作区。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="583" />
            <source>Open a workspace for one department</source>
            <translation>按部门打开工作区</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="608" />
            <source>Open for one department</source>
            <translation>按部门打开</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="609" />
            <source>Department:</source>
            <translation>部门：</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="679" />
            <source>Warning: this workspace is now also open for writing by %1.</source>
            <translation>警告：此工作区现在也被 %1 以可写方式打开。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="706" />
            <source>The workspace could not be written.</source>
            <translation>无法写入工作区。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="709" />
            <source>All changes are saved (every edit is saved as you make it).</source>
            <translation>所有更改均已保存（每次修改都会立即保存）。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="721" />
            <source>Save a copy as</source>
            <translation>另存副本</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="723" />
            <source>ipaudit workspaces (%1)</source>
            <translation>ipaudit 工作区 (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="730" />
            <source>Saving a copy…</source>
            <translation>正在保存副本…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="733" />
            <source>Saved a copy as %1</source>
            <translation>副本已保存为 %1</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="736" />
            <source>The copy could not be saved.</source>
            <translation>无法保存副本。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="748" />
            <source>Export the checklist</source>
            <translation>导出检查清单</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="750" />
            <location filename="../../ui/main_window.py" line="780" />
            <source>Checklists (*.yaml *.yml)</source>
            <translation>检查清单 (*.yaml *.yml)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="761" />
            <source>Checklist written to %1</source>
            <translation>检查清单已写入 %1</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="764" />
            <source>The checklist could not be exported.</source>
            <translation>检查清单未能导出。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="778" />
            <source>Import a corrected checklist</source>
            <translation>导入修正后的检查清单</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="790" />
            <source>The checklist was not imported.</source>
            <translation>检查清单未导入。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/main_window.py" line="847" />
            <source>Readiness %1% · %n blocking finding(s)</source>
            <translation>
                <numerusform>就绪度 %1% · %n 项阻碍性问题</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="868" />
            <source>Open a whole workspace first</source>
            <translation>请先打开整个工作区</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="870" />
            <source>Only the compliance manager's login can do this</source>
            <translation>只有体系专员的登录可以执行此操作</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="895" />
            <location filename="../../ui/main_window.py" line="1091" />
            <source>Reconciliation</source>
            <translation>台账核对</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1008" />
            <source>About ipaudit</source>
            <translation>关于 ipaudit</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1010" />
            <source>&lt;b&gt;ipaudit %1&lt;/b&gt;&lt;p&gt;Readiness for the GB/T 29490 IP management certification audit.&lt;/p&gt;</source>
            <translation>&lt;b&gt;ipaudit %1&lt;/b&gt;&lt;p&gt;GB/T 29490 知识产权管理体系认证审核准备工具。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1017" />
            <source>The last workspace %1 was not found.</source>
            <translation>找不到上次打开的工作区 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1051" />
            <source>ipaudit</source>
            <translation>ipaudit 知识产权贯标迎审</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1060" />
            <source>%1 · period %2 – %3</source>
            <translation>%1 · 审核期 %2 至 %3</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1072" />
            <source>Department view: %1 (facts read-only)</source>
            <translation>部门视图：%1（体系事实只读）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1077" />
            <source>read-only</source>
            <translation>只读</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1079" />
            <source>Read-only: your login may read this team workspace, not change it</source>
            <translation>只读：您的登录可以查看这个团队工作区，但不能修改</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1081" />
            <source>Read-only: copy the workspace somewhere writable to edit it</source>
            <translation>只读：如需修改，请把工作区复制到可写的位置</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1088" />
            <source>Departments</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="1089" />
            <source>Findings</source>
            <translation>问题</translation>
        </message>
    </context>
    <context>
        <name>ManagerPassphraseDialog</name>
        <message>
            <location filename="../../ui/team/widen.py" line="224" />
            <source>The two entries of the new passphrase differ.</source>
            <translation>两次输入的新口令不一致。</translation>
        </message>
        <message>
            <location filename="../../ui/team/widen.py" line="233" />
            <source>Manager passphrase</source>
            <translation>管理者口令</translation>
        </message>
        <message>
            <location filename="../../ui/team/widen.py" line="236" />
            <source>A department view asks for this passphrase before it shows the whole workspace. Only a salted hash of it is stored in the workspace.</source>
            <translation>部门视图在显示整个工作区之前会要求输入此口令。工作区中只保存其加盐哈希，不保存口令本身。</translation>
        </message>
        <message>
            <location filename="../../ui/team/widen.py" line="243" />
            <source>Current passphrase:</source>
            <translation>当前口令：</translation>
        </message>
        <message>
            <location filename="../../ui/team/widen.py" line="244" />
            <source>New passphrase:</source>
            <translation>新口令：</translation>
        </message>
        <message>
            <location filename="../../ui/team/widen.py" line="245" />
            <source>New passphrase again:</source>
            <translation>再次输入新口令：</translation>
        </message>
        <message>
            <location filename="../../ui/team/widen.py" line="250" />
            <source>Remove the passphrase</source>
            <translation>删除口令</translation>
        </message>
    </context>
    <context>
        <name>MappingWidget</name>
        <message>
            <location filename="../../ui/ledger/mapping_widget.py" line="185" />
            <source>&amp;Ledger:</source>
            <translation>台账类型(&amp;L)：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/mapping_widget.py" line="188" />
            <source>&amp;Header row:</source>
            <translation>表头行(&amp;H)：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/mapping_widget.py" line="190" />
            <source>The spreadsheet row that holds the column titles; rows above it are skipped</source>
            <translation>包含列标题的行；其上方的行将被跳过</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/mapping_widget.py" line="192" />
            <source>none (data from row 1)</source>
            <translation>无（数据从第 1 行开始）</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/mapping_widget.py" line="193" />
            <source>Amounts &amp;in:</source>
            <translation>金额单位(&amp;I)：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/mapping_widget.py" line="196" />
            <source>What each column holds (* required):</source>
            <translation>每列的内容（* 为必填）：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/mapping_widget.py" line="255" />
            <source>(not imported)</source>
            <translation>（不导入）</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/mapping_widget.py" line="271" />
            <source>How sure the detection is of this column's field</source>
            <translation>识别此列含义的把握程度</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/mapping_widget.py" line="275" />
            <source>looks like %1</source>
            <translation>看起来是%1</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/mapping_widget.py" line="278" />
            <source>The values look like this field, but the column is not imported</source>
            <translation>此列内容看起来是该字段，但没有导入</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/mapping_widget.py" line="339" />
            <source>Choose a column for: %1</source>
            <translation>请为以下字段选择列：%1</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/mapping_widget.py" line="342" />
            <source>No column is mapped yet.</source>
            <translation>尚未对应任何列。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/mapping_widget.py" line="345" />
            <source>Every required column is mapped.</source>
            <translation>所有必填列均已对应。</translation>
        </message>
    </context>
    <context>
        <name>MockAuditView</name>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="420" />
            <source>No mock audit yet: draw one with New.</source>
            <extracomment>(department, item key): show the item in the checklist the reports were written: the files open the reports' folder once they are written (tests switch it off)</extracomment>
            <translation>还没有模拟审核：点“新建…”抽样。</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="448" />
            <source>Walked %1 of %2</source>
            <translation>已审核 %1/%2</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="462" />
            <source>%1: the plan asks %2, the workspace holds %3</source>
            <translation>%1：方案要求 %2 份，工作区只有 %3 份</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="523" />
            <source>The samples were not drawn.</source>
            <translation>未能抽样。</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="532" />
            <source>Draw mock audit %1</source>
            <translation>抽样：模拟审核 %1</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="544" />
            <source>The samples were not drawn again.</source>
            <translation>未能重新抽样。</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="553" />
            <source>Draw %1 again</source>
            <translation>重新抽样 %1</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="569" />
            <source>The auditors were not saved.</source>
            <translation>审核员未保存。</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="576" />
            <source>Auditors of %1</source>
            <translation>%1 的审核员</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="595" />
            <source>The report details were not saved.</source>
            <translation>报告内容未保存。</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="605" />
            <source>Report details of %1</source>
            <translation>%1 的报告内容</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="627" />
            <source>Choose the result first.</source>
            <translation>请先选择审核结果。</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="634" />
            <source>The result was not saved.</source>
            <translation>审核结果未保存。</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="639" />
            <source>Result of %1</source>
            <translation>%1 的审核结果</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="658" />
            <source>The corrective actions were not opened.</source>
            <translation>未能建立纠正措施。</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="684" />
            <source>Folder for the reports</source>
            <translation>报告保存文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="702" />
            <source>Writing the reports…</source>
            <translation>正在生成报告…</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="702" />
            <source>Mock audit reports</source>
            <translation>模拟审核报告</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="704" />
            <source>The reports were not written.</source>
            <translation>报告未生成。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="665" />
            <source>Open corrective actions: %n</source>
            <translation>
                <numerusform>建立 %n 项纠正措施</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="670" />
            <source>Corrective actions opened: %n</source>
            <translation>
                <numerusform>已建立 %n 项纠正措施</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="722" />
            <source>Reports written to %1: %n</source>
            <translation>
                <numerusform>已生成 %n 份报告，保存在 %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="732" />
            <source>Mock audit</source>
            <translation>模拟审核</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="733" />
            <source>New…</source>
            <translation>新建…</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="734" />
            <source>Draw a new mock audit's samples with a new seed</source>
            <translation>用新的随机种子抽取一次新的模拟审核样本</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="735" />
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="736" />
            <source>The same seed draws the same samples</source>
            <translation>相同的随机种子抽到相同的样本</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="737" />
            <source>Draw again</source>
            <translation>重新抽样</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="739" />
            <source>Draw the samples again with this seed (before any result is recorded)</source>
            <translation>用此随机种子重新抽样（记录任何结果之前）</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="741" />
            <source>Auditors</source>
            <translation>审核员</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="742" />
            <source>names, separated by 、</source>
            <translation>姓名，用“、”分隔</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="743" />
            <source>Open corrective actions</source>
            <translation>建立纠正措施</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="744" />
            <source>Report details…</source>
            <translation>报告内容…</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="745" />
            <source>The report's scope, summary and conclusion</source>
            <translation>报告的审核范围、总结和结论</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="746" />
            <source>Write reports…</source>
            <translation>生成报告…</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="747" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="751" />
            <source>All samples</source>
            <translation>全部样本</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="752" />
            <source>Records</source>
            <translation>记录</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="753" />
            <source>Staff awareness</source>
            <translation>员工意识抽问</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="754" />
            <source>Not walked yet</source>
            <translation>尚未审核</translation>
        </message>
    </context>
    <context>
        <name>NaReasonDialog</name>
        <message>
            <location filename="../../ui/checklist/na_reason_dialog.py" line="54" />
            <source>Not applicable</source>
            <translation>不适用</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/na_reason_dialog.py" line="58" />
            <source>Why does “%1” not apply to the company? The auditor will ask; the reason is required.</source>
            <translation>为什么“%1”不适用于本公司？审核员会问，必须填写理由。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/na_reason_dialog.py" line="66" />
            <source>e.g. The company has no production of its own; all products are made by contract manufacturers.</source>
            <translation>例如：公司没有自己的生产环节，全部产品委托外部加工。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/na_reason_dialog.py" line="69" />
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/na_reason_dialog.py" line="70" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>NameForm</name>
        <message>
            <location filename="../../ui/departments_dialog.py" line="69" />
            <source>Chinese name:</source>
            <extracomment>why the names (zh, en) cannot be taken (another department has one), or None</extracomment>
            <translation>中文名称：</translation>
        </message>
        <message>
            <location filename="../../ui/departments_dialog.py" line="70" />
            <source>English name:</source>
            <translation>英文名称：</translation>
        </message>
    </context>
    <context>
        <name>NewWorkspaceWizard</name>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="415" />
            <source>The workspace could not be created.</source>
            <translation>无法创建工作区。</translation>
        </message>
        <message>
            <location filename="../../ui/new_workspace_wizard.py" line="421" />
            <source>New workspace</source>
            <translation>新建工作区</translation>
        </message>
    </context>
    <context>
        <name>NextCycleView</name>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="227" />
            <source>The next cycle's workspace</source>
            <translation>下一周期的工作区</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="229" />
            <location filename="../../ui/cycle/next_cycle_view.py" line="314" />
            <source>ipaudit workspaces (*.ipaudit)</source>
            <translation>ipaudit 工作区 (*.ipaudit)</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="255" />
            <source>Writing the next cycle's workspace…</source>
            <translation>正在写入下一周期的工作区…</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="249" />
            <source>The next cycle could not be started.</source>
            <translation>无法开始下一周期。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/cycle/next_cycle_view.py" line="207" />
            <source>The next audit: %1, %2 – %3. Audit period %4 – %5. %n item(s) will need this cycle's records (needs refresh); facts, departments, people, rates, open corrective actions and every evidence link carry over, marked last cycle.</source>
            <extracomment>the choices of the type list: None follows the certificate's cycle the new cycle's workspace was written (its path) the user asked to open a workspace (the main window's open_path does it when present)</extracomment>
            <translation>
                <numerusform>下一次审核：%1，%2 至 %3。审核期 %4 至 %5。%n 个条目需要本周期的记录（需更新）；体系事实、部门、人员、奖励标准、未关闭的纠正措施和全部证据链接都会带入，并标为上周期。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="284" />
            <source>Written: %1 — %2, %3. This workspace stays as it is.</source>
            <translation>已写入：%1 —— %2，%3。本工作区保持不变。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/cycle/next_cycle_view.py" line="285" />
            <source>%n evidence link(s) carried over</source>
            <translation>
                <numerusform>带入 %n 个证据链接</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/cycle/next_cycle_view.py" line="286" />
            <source>%n item(s) need refresh</source>
            <translation>
                <numerusform>%n 个条目需更新</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="312" />
            <source>Last cycle's workspace</source>
            <translation>上一周期的工作区</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="346" />
            <source>The cycles could not be compared.</source>
            <translation>无法对比两个周期。</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="352" />
            <location filename="../../ui/cycle/next_cycle_view.py" line="378" />
            <source>Start the next cycle</source>
            <translation>开始下一周期</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="355" />
            <source>This cycle: %1, %2 – %3, audit period %4 – %5. The next cycle goes into a new file; this one stays readable for comparison.</source>
            <translation>本周期：%1，%2 至 %3，审核期 %4 至 %5。下一周期写入新文件；本文件保持不变，可供对比。</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="364" />
            <source>Audit &amp;type:</source>
            <translation>审核类型(&amp;T)：</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="367" />
            <source>As the certificate's cycle has it</source>
            <translation>按证书周期自动确定</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="373" />
            <source>Audit &amp;starts:</source>
            <translation>审核开始(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="375" />
            <source>New &amp;file:</source>
            <translation>新文件(&amp;F)：</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="377" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="382" />
            <source>The compliance manager starts the next cycle from the whole workspace.</source>
            <translation>下一周期由体系专员在完整工作区中开始。</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="384" />
            <source>Open the new workspace</source>
            <translation>打开新工作区</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="385" />
            <source>What changed since the last cycle</source>
            <translation>与上一周期相比的变化</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="388" />
            <source>Last cycle: %1</source>
            <translation>上一周期：%1</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="390" />
            <source>This workspace was not started from a previous cycle.</source>
            <translation>本工作区不是由上一周期转入的。</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="392" />
            <source>Compare with the last cycle</source>
            <translation>与上一周期对比</translation>
        </message>
        <message>
            <location filename="../../ui/cycle/next_cycle_view.py" line="394" />
            <source>Compare with a file…</source>
            <translation>与其他文件对比…</translation>
        </message>
    </context>
    <context>
        <name>NotSavedBox</name>
        <message>
            <location filename="../../ui/team/not_saved.py" line="49" />
            <source>ipaudit</source>
            <extracomment>the workspace errors that mean "the server could not be reached: nothing was saved"</extracomment>
            <translation>ipaudit 知识产权贯标迎审</translation>
        </message>
        <message>
            <location filename="../../ui/team/not_saved.py" line="50" />
            <source>Not saved: the server cannot be reached.</source>
            <translation>未保存：无法连接到服务器。</translation>
        </message>
        <message>
            <location filename="../../ui/team/not_saved.py" line="55" />
            <source>What you entered is under “Show Details…” and still in its field. Try again once the status bar says the connection is back.</source>
            <translation>您输入的内容在“显示详细信息…”中，也仍保留在原输入框里。状态栏显示已重新连接后，请点“重试”。</translation>
        </message>
        <message>
            <location filename="../../ui/team/not_saved.py" line="59" />
            <source>Try again</source>
            <translation>重试</translation>
        </message>
    </context>
    <context>
        <name>ObjectivesModel</name>
        <message>
            <location filename="../../ui/facts/objectives_model.py" line="133" />
            <source>Objective</source>
            <extracomment>the row's ``SplitCheck`` the department key of a split column</extracomment>
            <translation>目标</translation>
        </message>
        <message>
            <location filename="../../ui/facts/objectives_model.py" line="133" />
            <source>Target</source>
            <translation>目标值</translation>
        </message>
        <message>
            <location filename="../../ui/facts/objectives_model.py" line="133" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location filename="../../ui/facts/objectives_model.py" line="133" />
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <location filename="../../ui/facts/objectives_model.py" line="137" />
            <source>Sum check</source>
            <translation>分解核对</translation>
        </message>
        <message>
            <location filename="../../ui/facts/objectives_model.py" line="142" />
            <source>Share of %1 (empty: no share)</source>
            <translation>%1的分解值（留空：不承担）</translation>
        </message>
        <message>
            <location filename="../../ui/facts/objectives_model.py" line="145" />
            <source>The department shares must add up to the target; percentages are not summed</source>
            <translation>各部门分解之和必须等于公司目标；百分比不相加</translation>
        </message>
        <message>
            <location filename="../../ui/facts/objectives_model.py" line="199" />
            <source>rate, not summed</source>
            <translation>比率，不相加</translation>
        </message>
        <message>
            <location filename="../../ui/facts/objectives_model.py" line="209" />
            <source>The department shares add up to %1, not the target %2</source>
            <translation>各部门分解之和为 %1，不等于公司目标 %2</translation>
        </message>
        <message>
            <location filename="../../ui/facts/objectives_model.py" line="214" />
            <source>A rate: every department carries it; the shares are not added up</source>
            <translation>比率类目标：各部门均承担该比率，分解值不相加</translation>
        </message>
        <message>
            <location filename="../../ui/facts/objectives_model.py" line="216" />
            <source>Not split by department yet</source>
            <translation>尚未分解到部门</translation>
        </message>
        <message>
            <location filename="../../ui/facts/objectives_model.py" line="217" />
            <source>The department shares add up to the target</source>
            <translation>各部门分解之和等于公司目标</translation>
        </message>
    </context>
    <context>
        <name>OpenTeamDialog</name>
        <message>
            <location filename="../../ui/team/open_dialog.py" line="202" />
            <source>Open a team workspace</source>
            <translation>打开团队工作区</translation>
        </message>
        <message>
            <location filename="../../ui/team/open_dialog.py" line="205" />
            <source>A workspace on your company's PostgreSQL server, shared by the compliance manager and the department heads. Ask the manager for your login.</source>
            <translation>位于贵公司 PostgreSQL 服务器上的工作区，由贯标负责人和各部门负责人共同使用。登录名请向贯标负责人索取。</translation>
        </message>
        <message>
            <location filename="../../ui/team/open_dialog.py" line="212" />
            <source>Server:</source>
            <translation>服务器：</translation>
        </message>
        <message>
            <location filename="../../ui/team/open_dialog.py" line="213" />
            <source>Port:</source>
            <translation>端口：</translation>
        </message>
        <message>
            <location filename="../../ui/team/open_dialog.py" line="214" />
            <source>Database:</source>
            <translation>数据库：</translation>
        </message>
        <message>
            <location filename="../../ui/team/open_dialog.py" line="215" />
            <source>Login:</source>
            <translation>登录名：</translation>
        </message>
        <message>
            <location filename="../../ui/team/open_dialog.py" line="216" />
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <location filename="../../ui/team/open_dialog.py" line="221" />
            <source>such as ipaudit.example.com or 192.168.1.20</source>
            <translation>如 ipaudit.example.com 或 192.168.1.20</translation>
        </message>
        <message>
            <location filename="../../ui/team/open_dialog.py" line="224" />
            <source>The password is used for this connection only and is not stored; the recent list keeps the address without it. What you may change is decided by the server from your login.</source>
            <translation>密码只用于这次连接，不会保存；最近打开列表只记录不含密码的地址。您能修改哪些内容由服务器根据您的登录名决定。</translation>
        </message>
    </context>
    <context>
        <name>OtherWriterBox</name>
        <message>
            <location filename="../../ui/team/presence.py" line="55" />
            <source>ipaudit</source>
            <translation>ipaudit 知识产权贯标迎审</translation>
        </message>
        <message>
            <location filename="../../ui/team/presence.py" line="56" />
            <source>%1 is open in another copy of ipaudit.</source>
            <translation>%1 已在另一个 ipaudit 中打开。</translation>
        </message>
        <message>
            <location filename="../../ui/team/presence.py" line="58" />
            <source>Open for writing by %1.</source>
            <translation>%1以可写方式打开了它。</translation>
        </message>
        <message>
            <location filename="../../ui/team/presence.py" line="63" />
            <source>Two programs writing the same file (on a shared drive, say) can overwrite each other's changes or damage the file. Open it read-only to look, or ask them to close it first.</source>
            <translation>两个程序同时写同一个文件（例如在共享盘上）可能互相覆盖修改，甚至损坏文件。可以只读打开查看，或请对方先关闭。</translation>
        </message>
        <message>
            <location filename="../../ui/team/presence.py" line="68" />
            <source>Open read-only</source>
            <translation>只读打开</translation>
        </message>
        <message>
            <location filename="../../ui/team/presence.py" line="69" />
            <source>Open anyway</source>
            <translation>仍然打开</translation>
        </message>
    </context>
    <context>
        <name>PacketExportDialog</name>
        <message>
            <location filename="../../ui/packets/export_dialog.py" line="140" />
            <source>Save the packet as</source>
            <extracomment>the packet was written (``packets.ExportedPacket``)</extracomment>
            <translation>填报包另存为</translation>
        </message>
        <message>
            <location filename="../../ui/packets/export_dialog.py" line="140" />
            <source>Zip files (*.zip)</source>
            <translation>Zip 文件 (*.zip)</translation>
        </message>
        <message>
            <location filename="../../ui/packets/export_dialog.py" line="163" />
            <source>Choose the department and where to write the packet.</source>
            <translation>请选择部门和填报包的保存位置。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/export_dialog.py" line="175" />
            <source>Writing the packet…</source>
            <translation>正在生成填报包…</translation>
        </message>
        <message>
            <location filename="../../ui/packets/export_dialog.py" line="183" />
            <source>The packet could not be exported.</source>
            <translation>无法导出填报包。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/packets/export_dialog.py" line="202" />
            <source>The packet was written to %1 (%n item(s)). Send it to the department; when it comes back, import it with File → Import a department packet.</source>
            <translation>
                <numerusform>填报包已保存到 %1（%n 个条目）。请发给该部门；交回后，用“文件 → 导入部门填报包”导入。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/packets/export_dialog.py" line="217" />
            <source>The packet was not written.</source>
            <translation>填报包未生成。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/export_dialog.py" line="222" />
            <source>Cancelled; nothing was written.</source>
            <translation>已取消，未写入任何文件。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/export_dialog.py" line="239" />
            <source>Export a department packet</source>
            <translation>导出部门填报包</translation>
        </message>
        <message>
            <location filename="../../ui/packets/export_dialog.py" line="242" />
            <source>For a department that works in Excel or WPS: its checklist as a workbook in which only the status, answers, notes and dates can be filled in, and an empty folder per item for new evidence files, zipped.</source>
            <translation>供使用 Excel 或 WPS 的部门填写：该部门的清单工作簿（只能填写状态、回答、备注和日期），以及每个条目一个放新证据文件的空文件夹，打包为 zip。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/export_dialog.py" line="247" />
            <source>&amp;Department:</source>
            <translation>部门(&amp;D)：</translation>
        </message>
        <message>
            <location filename="../../ui/packets/export_dialog.py" line="248" />
            <source>&amp;Language of the workbook:</source>
            <translation>工作簿语言(&amp;L)：</translation>
        </message>
        <message>
            <location filename="../../ui/packets/export_dialog.py" line="249" />
            <source>&amp;Save to:</source>
            <translation>保存到(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../ui/packets/export_dialog.py" line="250" />
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <location filename="../../ui/packets/export_dialog.py" line="251" />
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../ui/packets/export_dialog.py" line="252" />
            <source>Show in folder</source>
            <translation>在文件夹中显示</translation>
        </message>
    </context>
    <context>
        <name>PacketImportDialog</name>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="164" />
            <source>Open a filled-in department packet</source>
            <extracomment>the preview is shown (``packets.Preview``) the packet was applied (``packets.Applied``)</extracomment>
            <translation>打开填好的部门填报包</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="166" />
            <source>Department packets (*.zip *.xlsx *.xls *.et *.ods *.csv)</source>
            <translation>部门填报包 (*.zip *.xlsx *.xls *.et *.ods *.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="208" />
            <source>Choose the packet that was sent back (.zip).</source>
            <translation>请选择交回的填报包（.zip）。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="233" />
            <source>Reading the packet…</source>
            <translation>正在读取填报包…</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="238" />
            <source>The packet cannot be imported.</source>
            <translation>无法导入这个填报包。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="256" />
            <source>no date</source>
            <translation>无日期</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="258" />
            <source>(from the workbook)</source>
            <translation>（取自工作簿）</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="260" />
            <source>(from the file)</source>
            <translation>（取自文件）</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="263" />
            <source>Not attached: %1</source>
            <translation>不附加：%1</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="276" />
            <source>Packet of %1, exported %2 — changes: %3 (in conflict with edits made in the workspace since: %4); new files to attach: %5; problems: %6.</source>
            <translation>%1 的填报包，导出于 %2：%3 处改动（其中 %4 处与导出后工作区中的修改冲突），%5 个新文件待附加，%6 个问题。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="294" />
            <source>The packet changes nothing in the workspace.</source>
            <translation>这个填报包不会改动工作区中的任何内容。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="296" />
            <source>The workspace is open read-only; nothing can be applied.</source>
            <translation>工作区以只读方式打开，无法应用。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="300" />
            <source>Check the conflicts: the workspace's value stays unless you tick “take the packet's”. Then apply.</source>
            <translation>请检查冲突：除非勾选“采用填报包的内容”，否则保留工作区的内容。然后点“应用”。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="306" />
            <source>Check the changes, then apply.</source>
            <translation>请检查改动，然后点“应用”。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="312" />
            <source>Changes (%1)</source>
            <translation>改动（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="314" />
            <source>New files (%1)</source>
            <translation>新文件（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="316" />
            <source>Problems (%1)</source>
            <translation>问题（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="336" />
            <source>Applying the packet…</source>
            <translation>正在应用填报包…</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="341" />
            <source>The packet could not be applied.</source>
            <translation>填报包未能应用。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="356" />
            <source>Import the packet of %1</source>
            <translation>导入 %1 的填报包</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="361" />
            <source>%1 and %2; %3.</source>
            <translation>%1，%2；%3。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/packets/import_dialog.py" line="362" />
            <source>%n change(s) stored</source>
            <translation>
                <numerusform>已保存 %n 处改动</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/packets/import_dialog.py" line="363" />
            <source>%n file(s) attached</source>
            <translation>
                <numerusform>附加 %n 个文件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/packets/import_dialog.py" line="365" />
            <source>%n conflict(s) kept the workspace's value</source>
            <translation>
                <numerusform>%n 处冲突保留了工作区的内容</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="369" />
            <source>Cancelled: what is listed above was stored, the rest was not.</source>
            <translation>已取消：上面列出的已保存，其余未保存。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="376" />
            <source>Edit → Undo takes the whole import back.</source>
            <translation>“编辑 → 撤销”可一次撤回整个导入。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="389" />
            <source>Nothing was imported.</source>
            <translation>未导入任何内容。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="396" />
            <source>Cancelled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="405" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="432" />
            <source>Import a department packet</source>
            <translation>导入部门填报包</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="435" />
            <source>Read a packet a department filled in: every change is listed first, and nothing is stored until you apply. Where the workspace was changed since the export as well, you choose which value stays.</source>
            <translation>读取部门填好的填报包：先列出每一处改动，点“应用”之前不保存任何内容。导出后工作区中也改过的地方（冲突），由您决定保留哪一方的内容。</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="440" />
            <source>&amp;Packet:</source>
            <translation>填报包(&amp;P)：</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="441" />
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="442" />
            <source>&amp;Read</source>
            <translation>读取(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="443" />
            <source>Take the packet's for all conflicts</source>
            <translation>所有冲突都采用填报包的内容</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="444" />
            <source>Keep the workspace's for all conflicts</source>
            <translation>所有冲突都保留工作区的内容</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="446" />
            <source>Item</source>
            <translation>条目</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="446" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="446" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="446" />
            <source>Note</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="448" />
            <source>&amp;Apply</source>
            <translation>应用(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/packets/import_dialog.py" line="449" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>PeopleDelegate</name>
        <message>
            <location filename="../../ui/plan/plan_delegates.py" line="162" />
            <source>(no escort)</source>
            <translation>（无陪审人员）</translation>
        </message>
    </context>
    <context>
        <name>PeopleModel</name>
        <message>
            <location filename="../../ui/conflict_words.py" line="230" />
            <location filename="../../ui/facts/people_model.py" line="59" />
            <source>New hire</source>
            <translation>新入职员工</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_words.py" line="231" />
            <location filename="../../ui/facts/people_model.py" line="59" />
            <source>Core leaver</source>
            <translation>核心离职员工</translation>
        </message>
        <message>
            <location filename="../../ui/facts/people_model.py" line="64" />
            <location filename="../../ui/plan/plan_models.py" line="188" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/facts/people_model.py" line="64" />
            <source>Hire or leaver</source>
            <translation>入职/离职</translation>
        </message>
        <message>
            <location filename="../../ui/facts/people_model.py" line="64" />
            <location filename="../../ui/plan/plan_models.py" line="188" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/facts/people_model.py" line="64" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_models.py" line="188" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_models.py" line="188" />
            <source>Escort</source>
            <translation>陪审人员</translation>
        </message>
    </context>
    <context>
        <name>PlanView</name>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="288" />
            <source>The workspace is open read-only.</source>
            <extracomment>the schedule's set-width columns: the text each must show in full a plan export finished: (format, path)</extracomment>
            <translation>工作区以只读方式打开。</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="290" />
            <source>Only the compliance manager's login changes the audit plan.</source>
            <translation>只有体系专员的登录可以修改审核计划。</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="293" />
            <source>This department view shows the department's own sessions; the audit plan is changed in the whole workspace.</source>
            <translation>部门视图只显示本部门的日程；审核计划须在完整工作区中修改。</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="300" />
            <source>No plan yet: generate the default plan to start.</source>
            <translation>尚无审核日程：请先生成默认日程。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/plan/plan_view.py" line="302" />
            <source>Sessions: %n</source>
            <translation>
                <numerusform>%n 项日程</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="304" />
            <source>no conflicts</source>
            <translation>无冲突</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/plan/plan_view.py" line="304" />
            <source>Conflicts: %n</source>
            <translation>
                <numerusform>%n 处冲突</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="308" />
            <source>Conflicts (%1)</source>
            <translation>日程冲突（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="310" />
            <source>Conflicts: none</source>
            <translation>日程冲突：无</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="368" />
            <source>Edit session %1</source>
            <translation>修改日程 %1</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="369" />
            <source>The session was not changed.</source>
            <translation>日程未修改。</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="377" />
            <location filename="../../ui/plan/plan_view.py" line="391" />
            <source>Rename %1</source>
            <translation>重命名 %1</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="378" />
            <source>The name was not changed.</source>
            <translation>姓名未修改。</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="383" />
            <source>Escort of %1</source>
            <translation>%1 的陪审人员</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="384" />
            <source>The escort was not assigned.</source>
            <translation>陪审人员未指派。</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="392" />
            <source>The room was not renamed.</source>
            <translation>会议室未重命名。</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="402" />
            <source>Generate the default plan</source>
            <translation>生成默认日程</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="403" />
            <source>The plan was not generated.</source>
            <translation>日程未生成。</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="410" />
            <source>Replace the plan</source>
            <translation>替换日程</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="411" />
            <source>Replace the current plan with the default plan? (Undo brings it back.)</source>
            <translation>用默认日程替换当前日程吗？（可撤销）</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="431" />
            <location filename="../../ui/plan/plan_view.py" line="538" />
            <source>Add session</source>
            <translation>添加日程</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="432" />
            <source>The session was not added.</source>
            <translation>日程未添加。</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="446" />
            <source>Remove session %1</source>
            <translation>删除日程 %1</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="447" />
            <source>The session was not removed.</source>
            <translation>日程未删除。</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="458" />
            <source>Add person</source>
            <translation>添加人员</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="459" />
            <source>The person was not added.</source>
            <translation>人员未添加。</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="468" />
            <location filename="../../ui/plan/plan_view.py" line="485" />
            <source>Remove %1</source>
            <translation>删除 %1</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="469" />
            <source>The person was not removed.</source>
            <translation>人员未删除。</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="475" />
            <location filename="../../ui/plan/plan_view.py" line="556" />
            <source>Add room</source>
            <translation>添加会议室</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="476" />
            <source>The room was not added.</source>
            <translation>会议室未添加。</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="486" />
            <source>The room was not removed.</source>
            <translation>会议室未删除。</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="496" />
            <source>Export the plan</source>
            <translation>导出审核日程</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="514" />
            <source>The plan was not exported.</source>
            <translation>日程未导出。</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="528" />
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="537" />
            <source>Generate default plan</source>
            <translation>生成默认日程</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="539" />
            <source>Remove session</source>
            <translation>删除日程</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="540" />
            <source>Word…</source>
            <translation>Word…</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="541" />
            <source>Excel…</source>
            <translation>Excel…</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="542" />
            <source>Calendar…</source>
            <translation>日历…</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="554" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="555" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="557" />
            <source>Remove room</source>
            <translation>删除会议室</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="558" />
            <source>People</source>
            <translation>人员</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_view.py" line="559" />
            <source>Rooms</source>
            <translation>会议室</translation>
        </message>
    </context>
    <context>
        <name>PolicyPage</name>
        <message>
            <location filename="../../ui/facts/policy_page.py" line="131" />
            <source>Not in the objectives list above</source>
            <translation>不在上方的目标清单中</translation>
        </message>
        <message>
            <location filename="../../ui/facts/policy_page.py" line="142" />
            <source>IP policy (as written in the manual)</source>
            <translation>知识产权方针（与手册原文一致）</translation>
        </message>
        <message>
            <location filename="../../ui/facts/policy_page.py" line="143" />
            <source>The policy wording, word for word</source>
            <translation>方针原文，逐字填写</translation>
        </message>
        <message>
            <location filename="../../ui/facts/policy_page.py" line="144" />
            <source>Objectives as worded in the manual</source>
            <translation>手册中的目标表述</translation>
        </message>
        <message>
            <location filename="../../ui/facts/policy_page.py" line="146" />
            <source>Each objective the IP manual names must appear in the objectives list</source>
            <translation>手册中列出的每个目标都必须出现在目标清单中</translation>
        </message>
        <message>
            <location filename="../../ui/facts/policy_page.py" line="148" />
            <source>Objectives list and split by department</source>
            <translation>目标清单及部门分解</translation>
        </message>
        <message>
            <location filename="../../ui/facts/policy_page.py" line="151" />
            <source>Each department's share must add up to the company target; a row turns red when it does not. Percentages are not summed. Leave a share empty when a department has none.</source>
            <translation>各部门分解之和必须等于公司目标，不相等时该行显示为红色。百分比不相加。部门不承担时留空。</translation>
        </message>
        <message>
            <location filename="../../ui/facts/policy_page.py" line="157" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../ui/facts/policy_page.py" line="157" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../ui/facts/policy_page.py" line="160" />
            <source>Add objective</source>
            <translation>添加目标</translation>
        </message>
        <message>
            <location filename="../../ui/facts/policy_page.py" line="160" />
            <source>Remove objective</source>
            <translation>删除目标</translation>
        </message>
        <message>
            <location filename="../../ui/facts/policy_page.py" line="186" />
            <source>Edit the IP policy</source>
            <translation>修改知识产权方针</translation>
        </message>
        <message>
            <location filename="../../ui/facts/policy_page.py" line="195" />
            <source>Edit the manual's objectives</source>
            <translation>修改手册中的目标</translation>
        </message>
        <message>
            <location filename="../../ui/facts/policy_page.py" line="203" />
            <source>Edit the objectives</source>
            <translation>修改目标清单</translation>
        </message>
    </context>
    <context>
        <name>PortfolioPage</name>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="142" />
            <source>Other certificates</source>
            <extracomment>spin box value meaning "not declared" (shown as text, not as a number)</extracomment>
            <translation>其他证书</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="144" />
            <source>Certificates the management representative mentions, e.g. ISO 9001 or CMMI3</source>
            <translation>管理者代表会提到的证书，例如 ISO 9001、CMMI3</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="146" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="146" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="147" />
            <source>IP portfolio (granted and registered, as declared)</source>
            <translation>知识产权数量（已授权、已登记，按手册所述）</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="149" />
            <source>Invention patents:</source>
            <translation>发明专利：</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="150" />
            <source>Utility model patents:</source>
            <translation>实用新型专利：</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="151" />
            <source>Design patents:</source>
            <translation>外观设计专利：</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="152" />
            <source>Software copyrights:</source>
            <translation>软件著作权：</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="153" />
            <source>Trademarks:</source>
            <translation>注册商标：</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_words.py" line="167" />
            <location filename="../../ui/facts/portfolio_page.py" line="157" />
            <source>not declared</source>
            <translation>未填写</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="158" />
            <source>Other declared facts</source>
            <translation>其他声明事实</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="160" />
            <source>R&amp;&amp;D projects in progress:</source>
            <translation>在研项目数：</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="161" />
            <source>Phases with IP searches:</source>
            <translation>开展知识产权检索的阶段：</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="162" />
            <source>Current IP manual version:</source>
            <translation>知识产权手册现行版本：</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="165" />
            <source>e.g. 4</source>
            <translation>例如：4</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="166" />
            <source>e.g. initiation and design phases</source>
            <translation>例如：立项阶段和设计阶段</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="167" />
            <source>e.g. A/1</source>
            <translation>例如：A/1</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="183" />
            <source>Edit the certificates</source>
            <translation>修改证书</translation>
        </message>
        <message>
            <location filename="../../ui/facts/portfolio_page.py" line="218" />
            <source>Edit %1</source>
            <translation>修改%1</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <location filename="../../ui/preferences.py" line="66" />
            <source>Preferences</source>
            <translation>首选项</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="67" />
            <source>&amp;Language:</source>
            <translation>语言(&amp;L)：</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="69" />
            <source>As the system (%1)</source>
            <translation>跟随系统（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="70" />
            <source>The language changes at once; no restart is needed.</source>
            <translation>语言立即切换，无需重新启动。</translation>
        </message>
    </context>
    <context>
        <name>PreviewModel</name>
        <message>
            <location filename="../../ui/packets/preview_model.py" line="85" />
            <source>Item</source>
            <translation>条目</translation>
        </message>
        <message>
            <location filename="../../ui/packets/preview_model.py" line="86" />
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../ui/packets/preview_model.py" line="87" />
            <source>In the workspace</source>
            <translation>工作区中</translation>
        </message>
        <message>
            <location filename="../../ui/packets/preview_model.py" line="88" />
            <source>In the packet</source>
            <translation>填报包中</translation>
        </message>
        <message>
            <location filename="../../ui/packets/preview_model.py" line="89" />
            <source>Conflict?</source>
            <translation>冲突？</translation>
        </message>
        <message>
            <location filename="../../ui/packets/preview_model.py" line="117" />
            <location filename="../../ui/packets/preview_model.py" line="121" />
            <source>(empty)</source>
            <translation>（空）</translation>
        </message>
        <message>
            <location filename="../../ui/packets/preview_model.py" line="65" />
            <location filename="../../ui/packets/preview_model.py" line="124" />
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../ui/packets/preview_model.py" line="53" />
            <source>(changed %1)</source>
            <translation>（修改于 %1）</translation>
        </message>
        <message>
            <location filename="../../ui/packets/preview_model.py" line="55" />
            <source>(changed by %1)</source>
            <translation>（由 %1 修改）</translation>
        </message>
        <message>
            <location filename="../../ui/packets/preview_model.py" line="57" />
            <source>(changed by %1, %2)</source>
            <translation>（%1 修改于 %2）</translation>
        </message>
        <message>
            <location filename="../../ui/packets/preview_model.py" line="66" />
            <location filename="../../ui/packets/preview_model.py" line="126" />
            <source>Yes — take the packet's</source>
            <translation>是 — 采用填报包的内容</translation>
        </message>
        <message>
            <location filename="../../ui/packets/preview_model.py" line="67" />
            <location filename="../../ui/packets/preview_model.py" line="127" />
            <source>Yes — keep the workspace's</source>
            <translation>是 — 保留工作区的内容</translation>
        </message>
    </context>
    <context>
        <name>PreviewPage</name>
        <message>
            <location filename="../../ui/ledger/preview_page.py" line="126" />
            <source>Reading %1…</source>
            <translation>正在读取 %1…</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/preview_page.py" line="167" />
            <source>The sheet could not be read.</source>
            <translation>无法读取该工作表。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/preview_page.py" line="186" />
            <source>Reading the first rows…</source>
            <translation>正在读取前几行…</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/preview_page.py" line="193" />
            <source>This sheet has the layout of one you imported before: the columns are mapped as you confirmed then. Check them and go on.</source>
            <translation>此工作表与您之前导入过的格式相同：已按您当时确认的方式对应各列。请核对后继续。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/preview_page.py" line="201" />
            <source>No header was recognised in the first rows. Choose the header row, the ledger and what each column holds.</source>
            <translation>前几行中没有识别出表头。请选择表头行、台账类型以及每列的内容。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/preview_page.py" line="208" />
            <source>The sheet has no header: %1 was recognised from the values (%2 sure). Check the columns.</source>
            <translation>此表没有表头：根据内容识别为%1（把握 %2）。请核对各列。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/preview_page.py" line="217" />
            <source>Recognised %1 with its header on row %2 (%3 sure). Check the columns.</source>
            <translation>已识别为%1，表头在第 %2 行（把握 %3）。请核对各列。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/preview_page.py" line="225" />
            <source>The header on row %1 was only partly recognised (%2 sure). Check the ledger and map the columns that are missing.</source>
            <translation>第 %1 行的表头只识别出一部分（把握 %2）。请核对台账类型，并为缺少的列指定含义。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/preview_page.py" line="238" />
            <source>The sheet could also be %1: check the ledger.</source>
            <translation>此表也可能是%1：请核对台账类型。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/preview_page.py" line="266" />
            <source>Check the columns</source>
            <translation>核对各列</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/preview_page.py" line="269" />
            <source>The first rows of the sheet. The header row is highlighted; each column shows the field it is imported as.</source>
            <translation>工作表的前几行。表头行已高亮；每列标明将作为哪个字段导入。</translation>
        </message>
    </context>
    <context>
        <name>ProblemsModel</name>
        <message>
            <location filename="../../ui/ledger/problems_model.py" line="28" />
            <source>Sheet</source>
            <extracomment>the ``Problem`` itself</extracomment>
            <translation>工作表</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_model.py" line="29" />
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_model.py" line="30" />
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_model.py" line="31" />
            <source>Cell</source>
            <translation>单元格内容</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_model.py" line="32" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
    </context>
    <context>
        <name>ProblemsPage</name>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="140" />
            <source>Importing %1…</source>
            <extracomment>the read or store running now, if any</extracomment>
            <translation>正在导入 %1…</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="167" />
            <source>The import failed.</source>
            <translation>导入失败。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="192" />
            <source>Saving the import…</source>
            <translation>正在保存导入结果…</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="210" />
            <source>The import was not saved.</source>
            <translation>导入结果未保存。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="221" />
            <source>Reading the sheet…</source>
            <translation>正在读取工作表…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="276" />
            <source>%n stated total row(s) agree with their rows.</source>
            <translation>
                <numerusform>%n 个合计行与其所含各行一致。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="238" />
            <source>%1: %2, %3, %4.</source>
            <translation>%1：%2，%3，%4。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="240" />
            <source>%n row(s) read</source>
            <translation>
                <numerusform>读取 %n 行</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="241" />
            <location filename="../../ui/ledger/problems_page.py" line="255" />
            <source>%n entries</source>
            <translation>
                <numerusform>%n 条记录</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="242" />
            <source>%n problem(s)</source>
            <translation>
                <numerusform>%n 个问题</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="248" />
            <source>Of the sheet's %n row(s): %2 above the data, %3 blank, %4, %5 with problems, %6 (checked, not counted), %7 skipped.</source>
            <translation>
                <numerusform>表中共 %n 行：数据以上 %2 行，空行 %3，%4，有问题 %5，%6（已核对，不计入），跳过 %7。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="257" />
            <source>%n total row(s)</source>
            <translation>
                <numerusform>%n 个合计行</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="261" />
            <source>Every row was read.</source>
            <translation>所有行均已读取。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="266" />
            <source>The rows below are not imported. Go back to fix the mapping, or import now and correct the file later: importing it again replaces this import.</source>
            <translation>以下各行不会导入。可以返回修改列的对应关系，也可以现在导入、稍后修改文件：再次导入会替换这次的导入。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="278" />
            <source>Row %1 “%2” states %3, but rows %4–%5 add up to %6 (%7).</source>
            <translation>第 %1 行“%2”写明 %3，但第 %4–%5 行之和为 %6（%7）。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="299" />
            <source>Importing replaces %1 imported on %2 from %3.</source>
            <translation>导入后将替换 %2 从 %3 导入的%1。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="306" />
            <source>Check what was read</source>
            <translation>核对读取结果</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="309" />
            <source>Every row becomes an entry or a problem with its row number; nothing is dropped silently.</source>
            <translation>每一行要么成为一条记录，要么作为带行号的问题列出；不会有任何行被悄悄丢弃。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/problems_page.py" line="313" />
            <source>&amp;Import</source>
            <translation>导入(&amp;I)</translation>
        </message>
    </context>
    <context>
        <name>ProceduresModel</name>
        <message>
            <location filename="../../ui/facts/procedures_model.py" line="61" />
            <source>Code</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../ui/facts/procedures_model.py" line="61" />
            <source>Procedure</source>
            <translation>程序文件</translation>
        </message>
        <message>
            <location filename="../../ui/facts/procedures_model.py" line="61" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
    </context>
    <context>
        <name>ProceduresPage</name>
        <message>
            <location filename="../../ui/facts/procedures_page.py" line="61" />
            <source>The level-2 procedure documents the manual lists. Every department must be able to name its procedures in the interview.</source>
            <translation>手册列出的二级程序文件。访谈时每个部门都要能说出本部门对应的程序文件。</translation>
        </message>
        <message>
            <location filename="../../ui/facts/procedures_page.py" line="65" />
            <source>Add procedure</source>
            <translation>添加程序文件</translation>
        </message>
        <message>
            <location filename="../../ui/facts/procedures_page.py" line="65" />
            <source>Remove procedure</source>
            <translation>删除程序文件</translation>
        </message>
        <message>
            <location filename="../../ui/facts/procedures_page.py" line="75" />
            <source>Edit the procedures</source>
            <translation>修改程序文件</translation>
        </message>
    </context>
    <context>
        <name>ProgressStrip</name>
        <message>
            <location filename="../../ui/checklist/progress_strip.py" line="42" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/progress_strip.py" line="43" />
            <source>Stop; nothing of this step is kept</source>
            <translation>停止；本次操作不保留任何内容</translation>
        </message>
    </context>
    <context>
        <name>PushTeamDialog</name>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="125" />
            <source>Type the compliance manager's login name.</source>
            <translation>请输入贯标负责人的登录名。</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="131" />
            <source>The two passwords of the manager's login differ.</source>
            <translation>两次输入的贯标负责人密码不一致。</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="178" />
            <source>Copying %1 to the server…</source>
            <translation>正在把 %1 复制到服务器…</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="180" />
            <location filename="../../ui/team/push_dialog.py" line="223" />
            <location filename="../../ui/team/push_dialog.py" line="301" />
            <source>Put on a team server</source>
            <translation>放到团队服务器</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="194" />
            <source>The workspace could not be put on the server.</source>
            <translation>未能把工作区放到服务器上。</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="202" />
            <source>Cancelled: nothing was left on the server.</source>
            <translation>已取消：服务器上没有留下任何内容。</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="231" />
            <source>Open the team workspace</source>
            <translation>打开团队工作区</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="271" />
            <source>The team's roles could not be set up: %1</source>
            <translation>未能设置团队角色：%1</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="275" />
            <source>Give each department head a login in the team workspace: open it with the server administrator's login, then File → Team logins… (Update department roles, then Add…).</source>
            <translation>请在团队工作区中为每位部门负责人创建登录名：用服务器管理员的登录名打开它，然后选择 文件 → 团队登录账户…（先“更新部门角色”，再“添加…”）。</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="322" />
            <source>Set up the team: a role for each department and the manager's login</source>
            <translation>同时设置团队：为每个部门建立角色，并设置贯标负责人的登录名</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="327" />
            <source>Compliance manager's login:</source>
            <translation>贯标负责人的登录名：</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="328" />
            <source>Manager's password:</source>
            <translation>贯标负责人的密码：</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="329" />
            <source>Manager's password again:</source>
            <translation>再次输入贯标负责人的密码：</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="340" />
            <source>The login that copies (the server administrator's) is the manager unless you name another; another login gets the password typed below</source>
            <translation>除非另填一个登录名，否则由执行复制的登录名（服务器管理员的）担任贯标负责人；另填的登录名使用下面输入的密码</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="256" />
            <source>The file %1 stays as it was: what is changed in it from now on does not reach the server.</source>
            <translation>文件 %1 保持原样：此后在文件中所做的修改不会同步到服务器。</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="245" />
            <source>The workspace is on the server %1: %2, %3 (%4) and its whole history were copied.</source>
            <translation>工作区已放到服务器 %1：已复制 %2、%3（%4）及全部历史。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/team/push_dialog.py" line="247" />
            <source>%n checklist item(s)</source>
            <translation>
                <numerusform>%n 个检查项</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/team/push_dialog.py" line="248" />
            <source>%n evidence file(s)</source>
            <translation>
                <numerusform>%n 个证据文件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/team/push_dialog.py" line="263" />
            <source>The team is set up: a role for each of its %n department(s), and %1 is the compliance manager's login.</source>
            <translation>
                <numerusform>团队已设置：%n 个部门各有一个角色，%1 是贯标负责人的登录名。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="281" />
            <source>Give each department head a login in the team workspace: open it with the server administrator's login, then File → Team logins… → Add…</source>
            <translation>请在团队工作区中为每位部门负责人创建登录名：用服务器管理员的登录名打开它，然后选择 文件 → 团队登录账户… → 添加…</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="305" />
            <source>Copies the workspace %1 — every answer, evidence file, ledger and its history — into an empty database on your company's PostgreSQL server, where the compliance manager and the department heads work on it together. A database that does not exist yet is created when your login may create databases.</source>
            <translation>把工作区 %1（全部回答、证据文件、台账及其历史）复制到贵公司 PostgreSQL 服务器上的一个空数据库中，供贯标负责人和各部门负责人共同使用。若数据库尚不存在，而您的登录名有创建数据库的权限，则会自动创建。</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="313" />
            <source>Log in as the server's administrator (or a login that owns the database). The password is used for this copy only and is not stored.</source>
            <translation>请以服务器管理员（或拥有该数据库的登录名）登录。密码只用于这次复制，不会保存。</translation>
        </message>
        <message>
            <location filename="../../ui/team/push_dialog.py" line="319" />
            <source>Put on the server</source>
            <translation>放到服务器</translation>
        </message>
    </context>
    <context>
        <name>RatesModel</name>
        <message>
            <location filename="../../ui/ledger/rates_model.py" line="75" />
            <source>IP type or category</source>
            <translation>知识产权类型或类别</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/rates_model.py" line="75" />
            <source>Reward (yuan)</source>
            <translation>奖励金额（元）</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/rates_model.py" line="103" />
            <source>A reward whose reason contains this text earns this amount</source>
            <translation>事由中包含此文字的奖励按此金额核对</translation>
        </message>
    </context>
    <context>
        <name>RatesTab</name>
        <message>
            <location filename="../../ui/ledger/rates_tab.py" line="129" />
            <source>Edit the reward rates and the booking window</source>
            <translation>修改奖励标准和入账宽限期</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/rates_tab.py" line="153" />
            <source>The rewards of the reward/penalty procedure. A reward that differs from its rate is a finding; a type without an amount is not checked. Categories apply to rewards whose reason names them (for example 发明专利申请).</source>
            <translation>知识产权奖惩制度规定的奖励标准。奖励金额与标准不符即为问题；未填金额的类型不做核对。自定义类别适用于事由中包含该类别名称的奖励（例如“发明专利申请”）。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/rates_tab.py" line="158" />
            <source>&amp;Add category</source>
            <translation>添加类别(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/rates_tab.py" line="159" />
            <source>&amp;Remove category</source>
            <translation>删除类别(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/rates_tab.py" line="160" />
            <source>&amp;Booking window (days):</source>
            <translation>入账宽限期（天）(&amp;B)：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/rates_tab.py" line="163" />
            <source>How many days after a payment batch its expense line may be booked and still count as booking that batch.</source>
            <translation>奖金发放批次之后多少天内记入的经费行，仍视为该批次的入账。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/rates_tab.py" line="167" />
            <source>A&amp;pply</source>
            <translation>应用(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/rates_tab.py" line="168" />
            <source>Re&amp;vert</source>
            <translation>还原(&amp;V)</translation>
        </message>
    </context>
    <context>
        <name>ReconciliationView</name>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="277" />
            <source>The ledgers could not be reconciled.</source>
            <extracomment>the ledgers were (re)loaded and are shown the view was exported to this path</extracomment>
            <translation>无法核对台账。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="333" />
            <source>All rows</source>
            <translation>全部行</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="334" />
            <source>Rows with a discrepancy</source>
            <translation>有差异的行</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="335" />
            <source>Everyone</source>
            <translation>全部人员</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="336" />
            <source>Whole period</source>
            <translation>整个期间</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="383" />
            <source>Export the reconciliation view</source>
            <translation>导出对账视图</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="384" />
            <source>reconciliation.xlsx</source>
            <translation>台账核对.xlsx</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="385" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="418" />
            <source>The view was not exported.</source>
            <translation>视图未能导出。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="421" />
            <source>Writing %1…</source>
            <translation>正在写入 %1…</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="450" />
            <source>Reconciling the ledgers…</source>
            <translation>正在核对台账…</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="454" />
            <source>No ledgers imported yet. Import the reward record, the payment register and the expense record to reconcile them.</source>
            <translation>尚未导入台账。请导入奖惩记录表、奖金发放登记表和经费使用记录后进行三方核对。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="461" />
            <source>Reconciled from: %1</source>
            <translation>核对依据：%1</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="464" />
            <source>&amp;Import a ledger…</source>
            <translation>导入台账(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="465" />
            <source>E&amp;xport view to xlsx…</source>
            <translation>导出当前视图为 xlsx(&amp;X)…</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="467" />
            <source>The summary, the discrepancies and ledger rows shown, and the totals</source>
            <translation>汇总、当前显示的差异和台账行，以及分类合计</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="469" />
            <source>Summary</source>
            <translation>汇总</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="470" />
            <source>Ledgers and discrepancies</source>
            <translation>台账与差异</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="471" />
            <source>Totals</source>
            <translation>分类合计</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="472" />
            <source>Rates</source>
            <translation>奖励标准</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="473" />
            <source>Records compared</source>
            <translation>核对记录</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="473" />
            <source>Discrepancies by kind</source>
            <translation>差异分类</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="476" />
            <source>&amp;Show:</source>
            <translation>显示(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="477" />
            <source>&amp;Person:</source>
            <translation>人员(&amp;P)：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="478" />
            <source>P&amp;eriod:</source>
            <translation>期间(&amp;E)：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/reconciliation_view.py" line="479" />
            <source>&amp;Clear filters</source>
            <translation>清除筛选(&amp;C)</translation>
        </message>
    </context>
    <context>
        <name>RehearsalView</name>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="231" />
            <source>Type the name of the person answering first.</source>
            <translation>请先填写作答人的姓名。</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="264" />
            <source>Type an answer, or skip the question.</source>
            <translation>请输入回答，或跳过这一题。</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="302" />
            <source>Choose a department and a person, then start.</source>
            <translation>选择部门并填写作答人，然后点击“开始”。</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="305" />
            <source>Rehearsal finished</source>
            <translation>演练结束</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="307" />
            <source>%1 of %2 answered right.</source>
            <translation>作答 %2 题，答对 %1 题。</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="311" />
            <source>Nothing left to rehearse.</source>
            <translation>没有需要演练的问题。</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="318" />
            <source>Question %1 of %2</source>
            <translation>第 %1 题，共 %2 题</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="329" />
            <source>Agrees with the official answer.</source>
            <translation>与统一口径一致。</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="332" />
            <source>Differs from the official answer:</source>
            <translation>与统一口径不一致：</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="336" />
            <source>Official answer: %1</source>
            <translation>统一口径：%1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="359" />
            <source>Interview readiness: %1 (%2 of %n question(s) last answered right)</source>
            <translation>
                <numerusform>面谈准备度：%1（%n 个问题中最近一次答对 %2 个）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="385" />
            <source>Department:</source>
            <translation>部门：</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="386" />
            <source>Person:</source>
            <translation>作答人：</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="389" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="390" />
            <source>Only questions not yet answered right</source>
            <translation>只练尚未答对的问题</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="391" />
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="392" />
            <source>Check answer</source>
            <translation>核对答案</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="393" />
            <source>Ctrl+Enter</source>
            <translation>Ctrl+Enter</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="394" />
            <source>Skip</source>
            <translation>跳过</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="395" />
            <source>Next question</source>
            <translation>下一题</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="397" />
            <source>Type the answer as you would say it to the auditor</source>
            <translation>像回答审核员那样输入回答</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="399" />
            <source>Results in this department</source>
            <translation>本部门的演练结果</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="402" />
            <source>Person</source>
            <translation>作答人</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="403" />
            <source>Answered</source>
            <translation>已答</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="404" />
            <source>Right</source>
            <translation>答对</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="405" />
            <source>Share</source>
            <translation>正确率</translation>
        </message>
        <message>
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="406" />
            <source>Attempts</source>
            <translation>作答次数</translation>
        </message>
    </context>
    <context>
        <name>ReportDetailsDialog</name>
        <message>
            <location filename="../../ui/mock_audit/report_details_dialog.py" line="24" />
            <source>Report details of %1</source>
            <translation>%1 的报告内容</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/report_details_dialog.py" line="28" />
            <source>Empty: written from the samples and their results.</source>
            <translation>留空：按样本及其结果自动生成。</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/report_details_dialog.py" line="29" />
            <source>Empty: every department the system covers.</source>
            <translation>留空：体系覆盖的全部部门。</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/report_details_dialog.py" line="35" />
            <source>Scope</source>
            <translation>审核范围</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/report_details_dialog.py" line="36" />
            <source>Summary</source>
            <translation>审核总结</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/report_details_dialog.py" line="37" />
            <source>Conclusion</source>
            <translation>审核结论</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/report_details_dialog.py" line="40" />
            <source>The criteria, dates, auditors and departments come from the mock audit itself.</source>
            <translation>审核准则、日期、审核员和受审核部门取自模拟审核本身。</translation>
        </message>
    </context>
    <context>
        <name>RequestsView</name>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="183" />
            <source>confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="186" />
            <source>proposed (%1)</source>
            <translation>建议（%1 分）</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="187" />
            <source>no match</source>
            <translation>未匹配</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="193" />
            <source>Proposed, not confirmed; if confirmed:</source>
            <translation>建议的匹配，尚未确认；确认后：</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="202" />
            <source>No checklist item holds it (confirmed)</source>
            <translation>无对应的检查清单条目（已确认）</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="203" />
            <source>No checklist item matched</source>
            <translation>没有匹配的检查清单条目</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="224" />
            <source>(no checklist item)</source>
            <translation>（无对应条目）</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="243" />
            <source>Search the checklist…</source>
            <translation>搜索检查清单…</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="285" />
            <source>Import the auditor's request list</source>
            <translation>导入审核员的资料清单</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="287" />
            <source>Request lists (*.xlsx *.xlsm *.xls *.ods *.csv *.docx);;All files (*)</source>
            <translation>资料清单 (*.xlsx *.xlsm *.xls *.ods *.csv *.docx);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="314" />
            <source>Which sheet?</source>
            <translation>选择工作表</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="315" />
            <source>Several sheets hold a request list. Sheet to import:</source>
            <translation>有多个工作表是资料清单，请选择要导入的工作表：</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/requests/requests_view.py" line="373" />
            <source>%n request(s): %2 covered, %3 partly, %4 missing; %5 to confirm, %6 unmatched</source>
            <translation>
                <numerusform>共 %n 项：已覆盖 %2，部分覆盖 %3，缺失 %4；待确认 %5，未匹配 %6</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/requests/requests_view.py" line="199" />
            <source> (%n file(s))</source>
            <translation>
                <numerusform>（%n 个文件）</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/requests/requests_view.py" line="310" />
            <source>%1 (%n request(s))</source>
            <translation>
                <numerusform>%1（%n 项请求）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="351" />
            <source>Clause %1</source>
            <translation>条款 %1</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="386" />
            <source>Import list…</source>
            <translation>导入资料清单…</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="387" />
            <source>Confirm proposed matches</source>
            <translation>确认全部建议匹配</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="388" />
            <source>Filter requests</source>
            <translation>筛选请求</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="391" />
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="392" />
            <source>Requested document</source>
            <translation>审核员要求的资料</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="393" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="394" />
            <source>Checklist item</source>
            <translation>检查清单条目</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="395" />
            <source>Match</source>
            <translation>匹配</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="396" />
            <source>Coverage</source>
            <translation>覆盖情况</translation>
        </message>
        <message>
            <location filename="../../ui/requests/requests_view.py" line="397" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>RoomsModel</name>
        <message>
            <location filename="../../ui/plan/plan_models.py" line="253" />
            <source>Room</source>
            <translation>会议室</translation>
        </message>
    </context>
    <context>
        <name>SamplePanel</name>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="175" />
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="226" />
            <source>Choose a sample.</source>
            <extracomment>the samples table's set-width columns, in Chinese characters (or their title, if wider)</extracomment>
            <translation>请选择一个样本。</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="202" />
            <source>The policy: %1</source>
            <translation>知识产权方针：%1</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="214" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="215" />
            <source>What was found</source>
            <translation>审核发现</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="216" />
            <source>Evidence looked at</source>
            <translation>查看的证据</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="217" />
            <source>Employee</source>
            <translation>员工</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="218" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="219" />
            <source>Could state the IP policy</source>
            <translation>能说出知识产权方针</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="220" />
            <source>Could state their part in it</source>
            <translation>能说出本岗位的知识产权要求</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="221" />
            <source>Files to look at</source>
            <translation>待查看的文件</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="222" />
            <source>Go to item</source>
            <translation>转到条目</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="223" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="224" />
            <source>Save and next</source>
            <translation>保存并下一个</translation>
        </message>
    </context>
    <context>
        <name>SamplesModel</name>
        <message>
            <location filename="../../ui/mock_audit/samples_model.py" line="54" />
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/samples_model.py" line="55" />
            <source>Kind</source>
            <translation>抽样类别</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/samples_model.py" line="56" />
            <source>Sample</source>
            <translation>样本</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/samples_model.py" line="57" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/samples_model.py" line="58" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../ui/mock_audit/samples_model.py" line="59" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>SessionDelegate</name>
        <message>
            <location filename="../../ui/plan/plan_delegates.py" line="94" />
            <source>(no department)</source>
            <translation>（无受访部门）</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_delegates.py" line="100" />
            <source>(no room)</source>
            <translation>（不安排会议室）</translation>
        </message>
    </context>
    <context>
        <name>SessionsModel</name>
        <message>
            <location filename="../../ui/plan/plan_models.py" line="93" />
            <source>Date</source>
            <extracomment>the session / person / room a row shows</extracomment>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_models.py" line="94" />
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_models.py" line="95" />
            <source>End</source>
            <translation>结束</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_models.py" line="96" />
            <source>Room</source>
            <translation>会议室</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_models.py" line="97" />
            <source>Session</source>
            <translation>日程</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_models.py" line="98" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_models.py" line="99" />
            <source>Auditors</source>
            <translation>审核员</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_models.py" line="100" />
            <source>Escorts</source>
            <translation>陪审人员</translation>
        </message>
        <message>
            <location filename="../../ui/plan/plan_models.py" line="101" />
            <source>Must attend</source>
            <translation>须出席人员</translation>
        </message>
    </context>
    <context>
        <name>SheetPage</name>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="183" />
            <source>Reading %1…</source>
            <translation>正在读取 %1…</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="197" />
            <source>The workbook has no worksheets.</source>
            <translation>工作簿中没有工作表。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="204" />
            <source>The file could not be read.</source>
            <translation>无法读取该文件。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="212" />
            <source>Reading the workbook…</source>
            <translation>正在读取工作簿…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/source_pages.py" line="220" />
            <source>%n sheet(s). Choose the one that holds the ledger.</source>
            <translation>
                <numerusform>共 %n 个工作表。请选择包含台账的那一个。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="245" />
            <source>Choose the sheet</source>
            <translation>选择工作表</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="246" />
            <source>One workbook may hold several ledgers, each on its own sheet.</source>
            <translation>一个工作簿可以包含多本台账，每本在各自的工作表中。</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/source_pages.py" line="248" />
            <source>Import every ledger sheet of this workbook (each told by its content)</source>
            <translation>导入此工作簿中的全部台账表（按内容识别各表）</translation>
        </message>
    </context>
    <context>
        <name>SlotChooser</name>
        <message>
            <location filename="../../ui/checklist/slot_chooser.py" line="137" />
            <source>By the file's date or period</source>
            <translation>按文件日期或覆盖期间</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/slot_chooser.py" line="176" />
            <source>Attach to %1:</source>
            <translation>添加到%1：</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/slot_chooser.py" line="177" />
            <source>Record:</source>
            <translation>记录：</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/slot_chooser.py" line="178" />
            <source>Attach for year:</source>
            <translation>所属年度：</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/slot_chooser.py" line="182" />
            <source>Name of %1 %2:</source>
            <translation>%1 %2 名称：</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/slot_chooser.py" line="183" />
            <source>e.g. the project's name</source>
            <translation>例如：项目名称</translation>
        </message>
    </context>
    <context>
        <name>StatusEditor</name>
        <message>
            <location filename="../../ui/checklist/status_editor.py" line="84" />
            <source>Counted as “%1” until the blocking findings below are resolved.</source>
            <extracomment>the user chose a status (with the reason when it is "not applicable")</extracomment>
            <translation>在解决下列阻碍项之前，按“%1”显示和计算。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/status_editor.py" line="133" />
            <source>Reason: %1</source>
            <translation>理由：%1</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/status_editor.py" line="137" />
            <source>No reason given — the auditor will ask for one.</source>
            <translation>尚未填写理由——审核员会问。</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/status_editor.py" line="142" />
            <source>&amp;Status:</source>
            <translation>状态(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/status_editor.py" line="145" />
            <source>Change reason…</source>
            <translation>修改理由…</translation>
        </message>
    </context>
    <context>
        <name>StoredReadinessView</name>
        <message>
            <location filename="../../ui/stored_readiness.py" line="73" />
            <source>Readiness recorded on %1</source>
            <translation>%1 记录的就绪度</translation>
        </message>
        <message>
            <location filename="../../ui/stored_readiness.py" line="77" />
            <source>Blocking findings: %1</source>
            <translation>待解决问题：%1 个</translation>
        </message>
        <message>
            <location filename="../../ui/stored_readiness.py" line="80" />
            <source>Opening the workspace… the checks run again once it is open.</source>
            <translation>正在打开工作区……打开后将重新运行检查。</translation>
        </message>
    </context>
    <context>
        <name>TaskProgressDialog</name>
        <message>
            <location filename="../../ui/progress.py" line="83" />
            <source>Working…</source>
            <extracomment>QProgressDialog counts in int; totals beyond this are scaled down a dialog's own QProgressBar counts in thousandths of the work</extracomment>
            <translation>正在处理…</translation>
        </message>
        <message>
            <location filename="../../ui/progress.py" line="84" />
            <source>Please wait…</source>
            <translation>请稍候…</translation>
        </message>
        <message>
            <location filename="../../ui/progress.py" line="86" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/progress.py" line="110" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>TeamStatus</name>
        <message>
            <location filename="../../ui/team/live.py" line="127" />
            <source>Connected · also working: %1</source>
            <extracomment>changes arriving within this many ms are handed on together (each key once) the connection's state: "connecting", "connected", "reconnecting", "stopped" who is connected (a list of services.live.Peer) someone else's changes were handed to the views (the keys, "" for everything)</extracomment>
            <translation>已连接 · 另有 %1 人在线</translation>
        </message>
        <message>
            <location filename="../../ui/team/live.py" line="129" />
            <source>Connected · nobody else working</source>
            <translation>已连接 · 没有其他人在线</translation>
        </message>
        <message>
            <location filename="../../ui/team/live.py" line="131" />
            <source>Connection lost · reconnecting…</source>
            <translation>连接中断 · 正在重新连接…</translation>
        </message>
        <message>
            <location filename="../../ui/team/live.py" line="133" />
            <source>Not connected</source>
            <translation>未连接</translation>
        </message>
        <message>
            <location filename="../../ui/team/live.py" line="135" />
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <location filename="../../ui/team/live.py" line="138" />
            <source>Team workspace %1</source>
            <translation>团队工作区 %1</translation>
        </message>
        <message>
            <location filename="../../ui/team/live.py" line="143" />
            <source>Changes made now are not saved; the app reconnects by itself and reads everything again.</source>
            <translation>此时所做的修改不会保存；程序会自动重新连接并重新读取全部内容。</translation>
        </message>
        <message>
            <location filename="../../ui/team/live.py" line="150" />
            <source> (you)</source>
            <translation>（您）</translation>
        </message>
    </context>
    <context>
        <name>TotalsTab</name>
        <message>
            <location filename="../../ui/ledger/totals_tab.py" line="75" />
            <source>&amp;Totals per:</source>
            <translation>合计维度(&amp;T)：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/totals_tab.py" line="81" />
            <source>Decided: rewards of the reward record (penalties apart). Paid: the payment register. Booked: the reward lines of the expense record, which books batches, not people — so it has no column per person, department or IP item.</source>
            <translation>奖励决定：奖惩记录表中的奖励（处罚另列）。已发放：奖金发放登记表。经费奖励：经费使用记录中的奖励费用行；经费按批次入账而不按人，因此按人员、部门或知识产权项目合计时没有这一列。</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <location filename="../../ui/verify_dialog.py" line="129" />
            <source>Pack folder</source>
            <extracomment>the pack was checked (``VerifyResult``)</extracomment>
            <translation>资料包文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="135" />
            <source>Pack zip file</source>
            <translation>资料包 Zip 文件</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="135" />
            <source>Zip files (*.zip)</source>
            <translation>Zip 压缩文件 (*.zip)</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="143" />
            <source>Workspace the pack was exported from</source>
            <translation>导出该资料包的工作区</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="145" />
            <source>Workspaces (*.ipaudit)</source>
            <translation>工作区文件 (*.ipaudit)</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="155" />
            <source>Choose a pack folder or zip file.</source>
            <translation>请选择资料包文件夹或 Zip 文件。</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="159" />
            <source>Choose the workspace the pack was exported from.</source>
            <translation>请选择导出该资料包的工作区。</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="166" />
            <source>Checking…</source>
            <translation>正在检查…</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="212" />
            <source>Modified (%1)</source>
            <translation>已改动（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="213" />
            <source>Missing (%1)</source>
            <translation>缺失（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="214" />
            <source>Extra (%1)</source>
            <translation>多出（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="215" />
            <source>Checksum lists disagree (%1)</source>
            <translation>两份校验清单不一致（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="216" />
            <source>Damaged, cannot be read (%1)</source>
            <translation>已损坏、无法读取（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="175" />
            <location filename="../../ui/verify_dialog.py" line="270" />
            <source>The pack could not be checked.</source>
            <translation>无法核对资料包。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/verify_dialog.py" line="230" />
            <source>All %n file(s) match the manifest: nothing was changed.</source>
            <translation>
                <numerusform>全部 %n 个文件与清单一致：资料包未被改动。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/verify_dialog.py" line="236" />
            <source>%n difference(s): the pack was changed after it was exported.</source>
            <translation>
                <numerusform>发现 %n 处不一致：资料包在导出后被改动过。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="242" />
            <source>The files match the pack's own manifest, but that manifest is not one the workspace exported: the pack was rewritten, or it comes from elsewhere.</source>
            <translation>文件与资料包自带的清单一致，但该清单不在工作区的导出记录中：资料包已被改写，或并非由该工作区导出。</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="255" />
            <source>Manifest SHA-256 %1: exported from this workspace on %2 to %3.</source>
            <translation>清单 SHA-256 %1：由该工作区于 %2 导出至 %3。</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="262" />
            <source>Manifest SHA-256 %1 is NOT in the workspace's export history.</source>
            <translation>清单 SHA-256 %1 不在该工作区的导出记录中。</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="274" />
            <source>Check cancelled.</source>
            <translation>已取消核对。</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="282" />
            <source>Verify a readiness pack</source>
            <translation>核对迎审资料包</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="283" />
            <source>&amp;Pack:</source>
            <translation>资料包(&amp;P)：</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="284" />
            <source>&amp;Folder…</source>
            <translation>文件夹(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="285" />
            <source>&amp;Zip file…</source>
            <translation>Zip 文件(&amp;Z)…</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="287" />
            <source>Also check it against the export &amp;history of the workspace:</source>
            <translation>同时按工作区的导出记录核对(&amp;H)：</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="289" />
            <source>&amp;Workspace…</source>
            <translation>工作区(&amp;W)…</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="290" />
            <source>&amp;Verify</source>
            <translation>核对(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../ui/verify_dialog.py" line="291" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <location filename="../../ui/welcome.py" line="140" />
            <source>%1 (not found)</source>
            <translation>%1（找不到）</translation>
        </message>
        <message>
            <location filename="../../ui/welcome.py" line="153" />
            <source>Opening %1…</source>
            <translation>正在打开 %1…</translation>
        </message>
        <message>
            <location filename="../../ui/welcome.py" line="164" />
            <source>ipaudit</source>
            <translation>ipaudit 知识产权贯标迎审</translation>
        </message>
        <message>
            <location filename="../../ui/welcome.py" line="167" />
            <source>Get your company ready for the GB/T 29490 IP management certification audit: declare the facts of your IP manual, hand each department its checklist, and see what the auditor would find before the audit.</source>
            <translation>为 GB/T 29490 知识产权管理体系认证审核做好准备：录入知识产权手册中的体系事实，把清单分给各部门，在审核之前就看到审核员会发现的问题。</translation>
        </message>
        <message>
            <location filename="../../ui/welcome.py" line="172" />
            <source>New workspace…</source>
            <translation>新建工作区…</translation>
        </message>
        <message>
            <location filename="../../ui/welcome.py" line="173" />
            <source>Create a workspace for one audit cycle (Ctrl+N)</source>
            <translation>为一个审核周期新建工作区（Ctrl+N）</translation>
        </message>
        <message>
            <location filename="../../ui/welcome.py" line="174" />
            <source>Open…</source>
            <translation>打开…</translation>
        </message>
        <message>
            <location filename="../../ui/welcome.py" line="175" />
            <source>Open a workspace file (Ctrl+O)</source>
            <translation>打开工作区文件（Ctrl+O）</translation>
        </message>
        <message>
            <location filename="../../ui/welcome.py" line="176" />
            <source>Look at the demo</source>
            <translation>看看演示</translation>
        </message>
        <message>
            <location filename="../../ui/welcome.py" line="178" />
            <source>A fictional 60-person company half-way through its preparation, to try on</source>
            <translation>一家虚构的 60 人公司，迎审准备进行到一半，可随意试用</translation>
        </message>
        <message>
            <location filename="../../ui/welcome.py" line="182" />
            <source>New here? Create a workspace for your company's audit cycle, or look at the demo first: a fictional company, kept apart from your own work.</source>
            <translation>第一次使用？为贵公司的本次审核周期新建工作区，或先看看演示：一家虚构的公司，与您自己的工作互不干扰。</translation>
        </message>
        <message>
            <location filename="../../ui/welcome.py" line="186" />
            <source>Recent workspaces</source>
            <translation>最近打开的工作区</translation>
        </message>
        <message>
            <location filename="../../ui/welcome.py" line="187" />
            <source>No recent workspaces yet.</source>
            <translation>还没有最近打开的工作区。</translation>
        </message>
    </context>
    <context>
        <name>WidenDialog</name>
        <message>
            <location filename="../../ui/team/widen.py" line="98" />
            <location filename="../../ui/team/widen.py" line="123" />
            <source>This is not the manager passphrase.</source>
            <translation>管理者口令不正确。</translation>
        </message>
        <message>
            <location filename="../../ui/team/widen.py" line="106" />
            <source>The compliance manager's confirmation</source>
            <translation>贯标负责人确认</translation>
        </message>
        <message>
            <location filename="../../ui/team/widen.py" line="110" />
            <source>This window shows one department. To show the whole workspace (every department and the facts, all editable), enter the manager passphrase.</source>
            <translation>此窗口只显示一个部门。要显示整个工作区（所有部门和体系事实，均可编辑），请输入管理者口令。</translation>
        </message>
        <message>
            <location filename="../../ui/team/widen.py" line="117" />
            <source>This window shows one department. The whole workspace (every department and the facts, all editable) is for the compliance manager.</source>
            <translation>此窗口只显示一个部门。整个工作区（所有部门和体系事实，均可编辑）仅供贯标负责人使用。</translation>
        </message>
        <message>
            <location filename="../../ui/team/widen.py" line="121" />
            <source>Manager passphrase:</source>
            <translation>管理者口令：</translation>
        </message>
        <message>
            <location filename="../../ui/team/widen.py" line="124" />
            <source>I am the compliance manager of this workspace</source>
            <translation>我是此工作区的贯标负责人</translation>
        </message>
        <message>
            <location filename="../../ui/team/widen.py" line="127" />
            <source>A workspace file gives whoever has it every right: this confirmation keeps a department view from widening by mistake, it does not stop someone who opens the file itself. To give department heads only their own department, put the workspace on a team server, where the database enforces the rights.</source>
            <translation>工作区文件本身不限制权限，拿到文件的人拥有全部权限：此确认只防止部门视图被误扩大，并不能阻止有人直接打开文件。若要让各部门负责人只能处理本部门，请把工作区放到团队服务器上，由数据库强制执行权限。</translation>
        </message>
        <message>
            <location filename="../../ui/team/widen.py" line="138" />
            <source>No manager passphrase is set for this workspace; the manager can set one in the whole workspace (File → Manager passphrase…).</source>
            <translation>此工作区尚未设置管理者口令；贯标负责人可在整个工作区中设置（文件 → 管理者口令…）。</translation>
        </message>
    </context>
    <context>
        <name>WizardDepartmentsPage</name>
        <message>
            <location filename="../../ui/wizard_departments.py" line="293" />
            <source>New department</source>
            <translation>新部门</translation>
        </message>
        <message>
            <location filename="../../ui/wizard_departments.py" line="319" />
            <source>Merge department</source>
            <translation>合并部门</translation>
        </message>
        <message>
            <location filename="../../ui/wizard_departments.py" line="320" />
            <source>Merge “%1” into:</source>
            <translation>将“%1”并入：</translation>
        </message>
        <message>
            <location filename="../../ui/wizard_departments.py" line="348" />
            <source>Departments</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/wizard_departments.py" line="351" />
            <source>The departments of the checklist, as your company names them. Double-click a name to rename it. A department you do not have can be merged into the one that does its work.</source>
            <translation>清单中的部门，请按贵公司的叫法命名。双击名称即可修改。没有的部门可以合并到承担其工作的部门。</translation>
        </message>
        <message>
            <location filename="../../ui/wizard_departments.py" line="358" />
            <source>Removed departments take their checklist items with them; merge instead when another department does that work.</source>
            <translation>移除部门会连同其清单条目一起移除；如有其他部门承担该工作，请改用合并。</translation>
        </message>
        <message>
            <location filename="../../ui/wizard_departments.py" line="362" />
            <source>&amp;Add</source>
            <translation>添加(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/wizard_departments.py" line="363" />
            <source>&amp;Remove</source>
            <translation>移除(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/wizard_departments.py" line="364" />
            <source>&amp;Merge into…</source>
            <translation>并入(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../ui/wizard_departments.py" line="365" />
            <source>Re&amp;store</source>
            <translation>恢复(&amp;S)</translation>
        </message>
    </context>
    <context>
        <name>WorkspaceInfoDialog</name>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="170" />
            <source>The information was not changed.</source>
            <translation>工作区信息未更改。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="180" />
            <source>Initial certification: the period runs from the system's start (the IP manual's issue date); the system has run at least three months, and an internal audit and a management review are dated before the audit.</source>
            <translation>初次认证：审核期自体系运行开始（知识产权手册发布日）起；体系须已运行至少三个月，且内部审核和管理评审的日期早于审核。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="186" />
            <source>Surveillance audit: the period runs from the day after the last audit; the last audit's nonconformities are closed (declare how many are open in the facts).</source>
            <translation>监督审核：审核期自上次审核的次日起；上次审核的不符合项须全部关闭（在体系事实中填写未关闭的数量）。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="191" />
            <source>Re-certification: the period is the certificate's whole three-year cycle; the certificate is still valid when the audit starts.</source>
            <translation>再认证：审核期为证书的整个三年周期；审核开始时证书仍须有效。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="195" />
            <source>This department view shows the information read-only.</source>
            <translation>部门视图中工作区信息为只读。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="199" />
            <source>Workspace information</source>
            <translation>工作区信息</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="201" />
            <source>&amp;Company name:</source>
            <translation>企业名称(&amp;C)：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="202" />
            <source>Standard:</source>
            <translation>标准版本：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="203" />
            <source>Audit &amp;type:</source>
            <translation>审核类型(&amp;T)：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="204" />
            <source>Audit &amp;starts:</source>
            <translation>审核开始(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="205" />
            <source>Audit &amp;ends:</source>
            <translation>审核结束(&amp;E)：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="206" />
            <source>Audit &amp;period:</source>
            <translation>审核期(&amp;P)：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="207" />
            <source>System start (manual issued):</source>
            <translation>体系运行开始（手册发布）：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="208" />
            <source>&amp;Last audit:</source>
            <translation>上次审核(&amp;L)：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="209" />
            <source>Certificate &amp;valid from:</source>
            <translation>证书生效日(&amp;V)：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="210" />
            <source>Certificate valid &amp;until:</source>
            <translation>证书到期日(&amp;U)：</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="214" />
            <source>Initial certification</source>
            <translation>初次认证审核</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="215" />
            <source>Surveillance audit</source>
            <translation>监督审核</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="216" />
            <source>Re-certification</source>
            <translation>再认证审核</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="217" />
            <source>&amp;Default period</source>
            <translation>默认审核期(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="218" />
            <source>The period the audit type asks for</source>
            <translation>按审核类型确定的审核期</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_info_dialog.py" line="225" />
            <source>Declared</source>
            <translation>已填写</translation>
        </message>
    </context>
    <context>
        <name>WorkspacePage</name>
        <message>
            <location filename="../../ui/workspace_page.py" line="227" />
            <source>Choose an item in the checklist.</source>
            <extracomment>the dashboard's link to the workspace information was followed</extracomment>
            <translation>请在检查清单中选择一个条目。</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_page.py" line="228" />
            <source>Checklist</source>
            <translation>清单</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_page.py" line="229" />
            <source>Facts</source>
            <translation>体系事实</translation>
        </message>
        <message>
            <location filename="../../ui/workspace_page.py" line="230" />
            <source>Dashboard</source>
            <translation>总览</translation>
        </message>
    </context>
    <context>
        <name>grade_style</name>
        <message>
            <location filename="../../ui/findings/grade_style.py" line="29" />
            <source>Major</source>
            <extracomment>muted colour for accepted findings</extracomment>
            <translation>严重不符合</translation>
        </message>
        <message>
            <location filename="../../ui/findings/grade_style.py" line="30" />
            <source>Minor</source>
            <translation>一般不符合</translation>
        </message>
        <message>
            <location filename="../../ui/findings/grade_style.py" line="31" />
            <source>Observation</source>
            <translation>观察项</translation>
        </message>
    </context>
    <context>
        <name>CalendarExport</name>
        <message>
            <location filename="../../ui/calendar_export.py" line="22" />
            <source>Export the audit day's sessions and the corrective actions' due dates as an .ics calendar for Outlook or WPS</source>
            <translation>把审核日日程和纠正措施的到期日导出为 .ics 日历，可导入 Outlook 或 WPS</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_export.py" line="34" />
            <source>The calendar was not exported.</source>
            <translation>日历没有导出。</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_export.py" line="42" />
            <source>Export the calendar</source>
            <translation>导出日历</translation>
        </message>
    </context>
    <context>
        <name>ClauseRefs</name>
        <message>
            <location filename="../../ui/checklist/clause_refs.py" line="55" />
            <source>unconfirmed: check against your copy of the standard</source>
            <translation>未确认：请对照您手中的标准文本核对</translation>
        </message>
    </context>
    <context>
        <name>ChecklistTerms</name>
        <message>
            <location filename="../../ui/checklist/terms.py" line="17" />
            <source>Not started</source>
            <translation>未开始</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="18" />
            <source>In progress</source>
            <translation>进行中</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="19" />
            <source>Ready</source>
            <translation>已就绪</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="20" />
            <source>Not applicable</source>
            <translation>不适用</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="21" />
            <source>Needs refresh</source>
            <translation>需更新</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="27" />
            <source>Major nonconformity</source>
            <translation>严重不符合</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="28" />
            <source>Minor nonconformity</source>
            <translation>一般不符合</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="29" />
            <source>Observation</source>
            <translation>观察项</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="35" />
            <source>Document</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="36" />
            <source>Records</source>
            <translation>记录</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="37" />
            <source>Record set</source>
            <translation>成套记录</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="38" />
            <source>Yearly records</source>
            <translation>年度记录</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="39" />
            <source>Auditor questions</source>
            <translation>审核员提问</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="46" />
            <source>Dated inside the audit period</source>
            <translation>日期须在审核期内</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="48" />
            <source>In force during the audit period</source>
            <translation>审核期内须有效</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="51" />
            <source>One for each year of the period</source>
            <translation>审核期每年一份</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/checklist/terms.py" line="53" />
            <source>One for each year of the period (approved up to %n month(s) before)</source>
            <translation>
                <numerusform>审核期每年一份（可提前 %n 个月批准）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="59" />
            <source>Every month of the period covered</source>
            <translation>审核期每月都须有记录</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="60" />
            <source>Every quarter of the period covered</source>
            <translation>审核期每季度都须有记录</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/terms.py" line="65" />
            <source>Mandatory: never not applicable</source>
            <translation>必备要求：不能标为不适用</translation>
        </message>
    </context>
    <context>
        <name>EvidenceTransfer</name>
        <message>
            <location filename="../../ui/checklist/transfer.py" line="125" />
            <source>Reading the files…</source>
            <translation>正在读取文件…</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/transfer.py" line="161" />
            <source>Attach “%1”</source>
            <translation>添加“%1”</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/checklist/transfer.py" line="163" />
            <source>Attach %n file(s)</source>
            <translation>
                <numerusform>添加 %n 个文件</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/checklist/transfer.py" line="177" />
            <source>Replace “%1” with a new version</source>
            <translation>用新版本替换“%1”</translation>
        </message>
        <message>
            <location filename="../../ui/checklist/transfer.py" line="198" />
            <source>Opening “%1”</source>
            <translation>正在打开“%1”</translation>
        </message>
    </context>
    <context>
        <name>commands</name>
        <message>
            <location filename="../../ui/commands.py" line="63" />
            <location filename="../../ui/commands.py" line="127" />
            <location filename="../../ui/commands.py" line="356" />
            <location filename="../../ui/commands.py" line="509" />
            <source>The change could not be saved.</source>
            <translation>修改未能保存。</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="158" />
            <source>Answer “%1”</source>
            <translation>回答“%1”</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="172" />
            <source>Set status of %1</source>
            <translation>设置 %1 的状态</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="180" />
            <source>Edit notes of %1</source>
            <translation>编辑 %1 的备注</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="191" />
            <source>Rename instances of %1</source>
            <translation>重命名 %1 的实例</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="254" />
            <source>Remove “%1”</source>
            <translation>移除“%1”</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="271" />
            <source>Edit “%1”</source>
            <translation>编辑“%1”</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="295" />
            <source>Edit facts</source>
            <translation>编辑体系事实</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="375" />
            <source>Edit workspace information</source>
            <translation>编辑工作区信息</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="463" />
            <source>Accept a finding</source>
            <translation>接受问题</translation>
        </message>
        <message>
            <location filename="../../ui/commands.py" line="463" />
            <source>Withdraw an acceptance</source>
            <translation>撤回接受</translation>
        </message>
    </context>
    <context>
        <name>ConflictWords</name>
        <message>
            <location filename="../../ui/conflict_words.py" line="59" />
            <source>The facts</source>
            <translation>事实</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_words.py" line="116" />
            <source>this item</source>
            <translation>此条目</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_words.py" line="118" />
            <source>the status of “%1”</source>
            <translation>“%1”的状态</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_words.py" line="120" />
            <source>the notes of “%1”</source>
            <translation>“%1”的备注</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_words.py" line="122" />
            <source>the names of the records of “%1”</source>
            <translation>“%1”的实例名称</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_words.py" line="125" />
            <source>the answer to “%1” in “%2”</source>
            <translation>“%2”中问题“%1”的回答</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_words.py" line="130" />
            <source>the answers of “%1”</source>
            <translation>“%1”的回答</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_words.py" line="135" />
            <source>the explanation this finding was accepted with</source>
            <translation>该问题的接受说明</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_words.py" line="139" />
            <source>the reward rate of “%1”</source>
            <translation>“%1”的奖励标准</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_words.py" line="141" />
            <source>the reward rates</source>
            <translation>奖励标准</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_words.py" line="145" />
            <source>the headcount of %1</source>
            <translation>%1的人数</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_words.py" line="147" />
            <source>the IP duties of %1</source>
            <translation>%1的知识产权职责</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_words.py" line="149" />
            <source>the IP budget for %1</source>
            <translation>%1的知识产权预算</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_words.py" line="190" />
            <source>Another category</source>
            <translation>其他类别</translation>
        </message>
    </context>
    <context>
        <name>DepartmentCommands</name>
        <message>
            <location filename="../../ui/department_commands.py" line="72" />
            <source>Add the department “%1”</source>
            <translation>添加部门“%1”</translation>
        </message>
        <message>
            <location filename="../../ui/department_commands.py" line="84" />
            <source>Rename the department to “%1”</source>
            <translation>将部门改名为“%1”</translation>
        </message>
        <message>
            <location filename="../../ui/department_commands.py" line="96" />
            <source>Merge “%1” into “%2”</source>
            <translation>将“%1”并入“%2”</translation>
        </message>
        <message>
            <location filename="../../ui/department_commands.py" line="103" />
            <source>Mark “%1” absent</source>
            <translation>将“%1”标为不设立</translation>
        </message>
        <message>
            <location filename="../../ui/department_commands.py" line="103" />
            <source>Mark “%1” present</source>
            <translation>将“%1”标为设立</translation>
        </message>
    </context>
    <context>
        <name>DepartmentScope</name>
        <message>
            <location filename="../../ui/department_scope.py" line="21" />
            <source>%1 only</source>
            <translation>仅限%1</translation>
        </message>
    </context>
    <context>
        <name>ledger_commands</name>
        <message>
            <location filename="../../ui/ledger/ledger_commands.py" line="49" />
            <source>Import %1</source>
            <translation>导入 %1</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/ledger_commands.py" line="81" />
            <source>Edit the reward rates</source>
            <translation>修改奖励标准</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/ledger_commands.py" line="113" />
            <source>Set the booking window to %n day(s)</source>
            <translation>
                <numerusform>将入账宽限期设为 %n 天</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ledger</name>
        <message>
            <location filename="../../ui/ledger/texts.py" line="30" />
            <source>Reward record</source>
            <translation>奖惩记录表</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="31" />
            <source>Payment register</source>
            <translation>奖金发放登记表</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="32" />
            <source>Expense record</source>
            <translation>经费使用记录</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="33" />
            <source>IP portfolio</source>
            <translation>知识产权台账</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="41" />
            <source>the reward record</source>
            <translation>奖惩记录表</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="42" />
            <source>the payment register</source>
            <translation>奖金发放登记表</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="43" />
            <source>the expense record</source>
            <translation>经费使用记录</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="44" />
            <source>the IP portfolio</source>
            <translation>知识产权台账</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="52" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="53" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="54" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="55" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="56" />
            <source>IP item</source>
            <translation>知识产权项目</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="57" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="58" />
            <source>Voucher</source>
            <translation>凭证号</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="59" />
            <source>Reward or penalty</source>
            <translation>奖惩类型</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="60" />
            <source>Description</source>
            <translation>事由/摘要</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="61" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="62" />
            <source>Grant date</source>
            <translation>授权日</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="63" />
            <source>Inventors</source>
            <translation>发明人</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="76" />
            <source>(looks like %1)</source>
            <translation>（看起来是%1）</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="82" />
            <source>Columns not imported: %1</source>
            <translation>未导入的列：%1</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="88" />
            <source>yuan</source>
            <translation>元</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="89" />
            <source>thousand yuan</source>
            <translation>千元</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/texts.py" line="90" />
            <source>ten thousand yuan (万元)</source>
            <translation>万元</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/view_sheets.py" line="62" />
            <source>Summary</source>
            <translation>汇总</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/view_sheets.py" line="63" />
            <source>Discrepancies</source>
            <translation>差异</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/view_sheets.py" line="64" />
            <source>Grade</source>
            <translation>等级</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/view_sheets.py" line="65" />
            <source>Discrepancy</source>
            <translation>差异类型</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/view_sheets.py" line="66" />
            <source>People</source>
            <translation>人员</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/view_sheets.py" line="67" />
            <source>IP items</source>
            <translation>知识产权项目</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/view_sheets.py" line="68" />
            <source>Expected</source>
            <translation>应为</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/view_sheets.py" line="69" />
            <source>Actual</source>
            <translation>实际</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/view_sheets.py" line="70" />
            <source>Difference</source>
            <translation>差额</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/view_sheets.py" line="71" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/view_sheets.py" line="72" />
            <source>Rows</source>
            <translation>所在行</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/view_sheets.py" line="73" />
            <source>Accepted because</source>
            <translation>接受理由</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/view_sheets.py" line="74" />
            <source>Totals per %1</source>
            <translation>按%1合计</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/view_sheets.py" line="75" />
            <source>Reward</source>
            <translation>奖励</translation>
        </message>
        <message>
            <location filename="../../ui/ledger/view_sheets.py" line="76" />
            <source>Penalty</source>
            <translation>处罚</translation>
        </message>
    </context>
    <context>
        <name>ReplaceCommand</name>
        <message>
            <location filename="../../ui/replace_command.py" line="46" />
            <source>The change could not be undone.</source>
            <translation>该更改无法撤销。</translation>
        </message>
    </context>
    <context>
        <name>TeamLoginsDialog</name>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="179" />
            <source>Type the login name.</source>
            <extracomment>the kinds of ``services.team`` (not imported here: the services load after the first paint) who may open this dialog's changes at all (the server still decides: ``may_manage_logins``)</extracomment>
            <translation>请输入登录名。</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="181" />
            <source>Choose the login's role.</source>
            <translation>请选择登录名的角色。</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="183" />
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="215" />
            <source>Change the password of %1</source>
            <translation>修改 %1 的密码</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="217" />
            <source>Add a login</source>
            <translation>添加登录名</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="220" />
            <source>Login name:</source>
            <translation>登录名：</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="220" />
            <source>Role:</source>
            <translation>角色：</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="220" />
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="220" />
            <source>Password again:</source>
            <translation>再次输入密码：</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="224" />
            <source>such as wangwei</source>
            <translation>例如 wangwei</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="227" />
            <source>At least 8 characters. ipaudit does not keep the password: the server receives only a hash of it. Give it to the person yourself.</source>
            <translation>至少 8 个字符。ipaudit 不保存密码，服务器只收到它的哈希值。请您亲自把密码告诉对方。</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="347" />
            <source>The team's logins could not be changed.</source>
            <translation>团队登录账户未能修改。</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="459" />
            <source>%1 was added: %2.</source>
            <translation>已添加 %1：%2。</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="459" />
            <source>%1 now has the role %2.</source>
            <translation>%1 的角色现为：%2。</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="489" />
            <source>The password of %1 was changed.</source>
            <translation>%1 的密码已修改。</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="508" />
            <source>Remove a login</source>
            <translation>移除登录名</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="509" />
            <source>Remove %1 from this team workspace?</source>
            <translation>要将 %1 从此团队工作区移除吗？</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="512" />
            <source>It can no longer open this workspace. The login itself stays on the server, where it may belong to another workspace.</source>
            <translation>移除后它不能再打开此工作区。登录名本身仍保留在服务器上，它可能还属于其他工作区。</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="516" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="531" />
            <source>%1 was removed from this team workspace.</source>
            <translation>已将 %1 从此团队工作区移除。</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="552" />
            <source>The department roles are up to date.</source>
            <translation>部门角色已是最新。</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="555" />
            <source>New roles: %1.</source>
            <translation>新建了以下部门的角色：%1。</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="565" />
            <source>Your login may see the team's logins but not change them: adding, changing and removing logins needs the server administrator's login (a superuser, or a login that may create roles). Open the workspace with that login (File → Open a team workspace…) to change them.</source>
            <translation>您的登录名可以查看团队的登录账户，但不能修改：添加、修改和移除登录名需要服务器管理员的登录名（超级用户，或有权创建角色的登录名）。请用该登录名打开工作区（文件 → 打开团队工作区…）后再修改。</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="573" />
            <source>Team logins</source>
            <translation>团队登录账户</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="576" />
            <source>Who may open this team workspace, and what each may change. The server enforces the roles: a department head changes only their own department, whatever program they connect with; a read-only login changes nothing.</source>
            <translation>谁可以打开此团队工作区，以及各自能修改什么。角色由服务器强制执行：部门负责人无论用什么程序连接，都只能修改本部门；只读登录名不能修改任何内容。</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="581" />
            <source>Login</source>
            <translation>登录名</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="581" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="582" />
            <source>&amp;Add…</source>
            <translation>添加(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="583" />
            <source>Change &amp;password…</source>
            <translation>修改密码(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="584" />
            <source>&amp;Remove…</source>
            <translation>移除(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="585" />
            <source>&amp;Update department roles</source>
            <translation>更新部门角色(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="587" />
            <source>After departments were added, renamed or merged: give each its role and rules</source>
            <translation>在添加、重命名或合并部门之后使用：为每个部门建立角色和权限规则</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="625" />
            <source>Asking the server what your login may do…</source>
            <translation>正在向服务器查询您的登录名的权限…</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="643" />
            <source>The server could not be asked what your login may do.</source>
            <translation>未能向服务器查询您的登录名的权限。</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="667" />
            <source>Add and remove the logins of this team workspace</source>
            <translation>添加和移除此团队工作区的登录名</translation>
        </message>
        <message>
            <location filename="../../ui/team/logins_dialog.py" line="670" />
            <source>Only the compliance manager manages the team's logins; your login is: %1</source>
            <translation>只有贯标负责人可以管理团队登录账户；您的登录名是：%1</translation>
        </message>
    </context>
    <context>
        <name>DepartmentListModel</name>
        <message>
            <location filename="../../ui/wizard_departments.py" line="158" />
            <source>Not in this company</source>
            <translation>本公司没有</translation>
        </message>
        <message>
            <location filename="../../ui/wizard_departments.py" line="160" />
            <source>Merged into %1</source>
            <translation>已合并到 %1</translation>
        </message>
        <message>
            <location filename="../../ui/wizard_departments.py" line="208" />
            <source>Chinese name</source>
            <translation>中文名称</translation>
        </message>
        <message>
            <location filename="../../ui/wizard_departments.py" line="208" />
            <source>English name</source>
            <translation>英文名称</translation>
        </message>
        <message>
            <location filename="../../ui/wizard_departments.py" line="208" />
            <source>Arrangement</source>
            <translation>安排</translation>
        </message>
    </context>
</TS>
