<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AbsenceDialog</name>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="90"/>
        <source>缺勤登记</source>
        <translation>Absence entry</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="97"/>
        <source>正在读取本班名单…</source>
        <translation>Reading the class list…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="110"/>
        <source>{grade}年级 {class_name}</source>
        <translation>Grade {grade}, {class_name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="117"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="117"/>
        <source>已联系家长</source>
        <translation>Parents contacted</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="117"/>
        <source>已请假</source>
        <translation>Excused</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="117"/>
        <source>缺勤</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="117"/>
        <source>缺勤原因</source>
        <translation>Reason for absence</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="135"/>
        <source>方向键移动，空格勾选；在“缺勤原因”一栏直接输入。</source>
        <translation>Arrow keys move, Space ticks; type the reason straight into the “Reason for absence” column.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="142"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="145"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="155"/>
        <source>班级：</source>
        <translation>Class:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="156"/>
        <source>缺勤日期：</source>
        <translation>Date of absence:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="192"/>
        <source>本班没有在籍学生。</source>
        <translation>This class has no pupils on the roll.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="245"/>
        <source>已勾选 {n} 名学生缺勤</source>
        <translation>{n} pupils ticked absent</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/absence_dialog.py" line="274"/>
        <source>已登记 {n} 名学生缺勤</source>
        <translation>Absence recorded for {n} pupils</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="231"/>
        <source>{n} 页</source>
        <translation>{n} p.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="231"/>
        <source>无法显示</source>
        <translation>Cannot show</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="319"/>
        <source>这台电脑没有能打开 PDF 的程序。可以右键点这份材料，选“保存原件…”，再用别的电脑打开。</source>
        <translation>This computer has no program that opens PDF files. Right-click the document, choose “Save original…” and open it on another computer.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="332"/>
        <source>保存原件</source>
        <translation>Save original</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="333"/>
        <source>原来的格式 (*{suffix})</source>
        <translation>Original format (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="341"/>
        <source>无法保存到 {path}（{reason}）：请换一个文件夹或U盘</source>
        <translation>Cannot save to {path} ({reason}): choose another folder or USB stick</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="401"/>
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="407"/>
        <location filename="../../ui/widgets/attachments.py" line="853"/>
        <source>保存原件…</source>
        <translation>Save original…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="409"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="431"/>
        <source>这张图片无法显示（文件可能不完整）。可以“保存原件…”后用别的程序打开。</source>
        <translation>This picture cannot be shown (the file may be incomplete). Use “Save original…” and open it with another program.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="451"/>
        <source>来自：{source}</source>
        <translation>From: {source}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="452"/>
        <source>文件：{name}（{kind}，{size}）</source>
        <translation>File: {name} ({kind}, {size})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="461"/>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="462"/>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="514"/>
        <source>添加证明材料</source>
        <translation>Add supporting document</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="544"/>
        <source>如：送达回证、在读证明、家访照片</source>
        <translation>e.g. delivery receipt, enrolment certificate, home-visit photo</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="554"/>
        <source>可不填，如：接收学校盖章</source>
        <translation>Optional, e.g. stamped by the receiving school</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="563"/>
        <source>学生：</source>
        <translation>Student:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="564"/>
        <source>文件：</source>
        <translation>Files:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="565"/>
        <source>材料名称：</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="566"/>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="567"/>
        <source>说明：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="570"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="571"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="585"/>
        <source>找不到这名学生</source>
        <translation>Student not found</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="602"/>
        <source>{name}
不能添加</source>
        <translation>{name}
cannot be added</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="616"/>
        <source>没有选择文件</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="618"/>
        <source>正在读取文件…</source>
        <translation>Reading the files…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="621"/>
        <source>请取消后重新选择文件</source>
        <translation>Cancel and choose the files again</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="623"/>
        <source>请填写材料名称</source>
        <translation>Enter a title</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="738"/>
        <source>添加照片或扫描件…</source>
        <translation>Add photo or scan…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="741"/>
        <source>双击查看大图；右键可保存原件。</source>
        <translation>Double-click to view; right-click to save the original.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="745"/>
        <source>还没有证明材料。送达回证、在读证明、病历证明、家访照片等，可以拍照或扫描后点“添加照片或扫描件…”。</source>
        <translation>No supporting documents yet. Photograph or scan delivery receipts, enrolment certificates, medical certificates or home-visit photos, then click “Add photo or scan…”.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="852"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="862"/>
        <source>选择照片或扫描件</source>
        <translation>Choose photos or scans</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="863"/>
        <source>照片或扫描件 ({patterns})</source>
        <translation>Photos or scans ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="864"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="880"/>
        <source>已保存。注意：{warning}</source>
        <translation>Saved. Note: {warning}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="884"/>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="70"/>
        <source>班主任电话联系</source>
        <translation>Class teacher phones the family</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="71"/>
        <source>班主任家访</source>
        <translation>Class teacher&apos;s home visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="72"/>
        <source>学校第二次家访并登记</source>
        <translation>Second school visit; case registered</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="73"/>
        <source>校长与村委联合家访、报告表</source>
        <translation>Principal and village committee visit; report form</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="74"/>
        <source>书面报告乡镇与教育局</source>
        <translation>Written report to township and county bureau</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="75"/>
        <source>乡镇下达限期复学通知书</source>
        <translation>Township&apos;s order to return by a deadline</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="76"/>
        <source>行政处罚决定与催告</source>
        <translation>Administrative penalty and demand to comply</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="77"/>
        <source>申请强制执行或提起诉讼</source>
        <translation>Court enforcement applied for, or lawsuit filed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="78"/>
        <source>法院调解或判决</source>
        <translation>Court mediation or judgment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="81"/>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="82"/>
        <source>班主任</source>
        <translation>Class teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="83"/>
        <source>年级主任或分管领导与班主任</source>
        <translation>Grade head or deputy principal with the class teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="84"/>
        <source>校长与村（居）委会</source>
        <translation>Principal with the village (residents&apos;) committee</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="85"/>
        <source>学校</source>
        <translation>The school</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="86"/>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="87"/>
        <source>乡镇人民政府</source>
        <translation>Township government</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="88"/>
        <source>乡镇人民政府或检察院</source>
        <translation>Township government or procuratorate</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="89"/>
        <source>人民法院</source>
        <translation>People&apos;s court</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="92"/>
        <source>电话联系监护人，区分请假与无故缺课</source>
        <translation>phone the guardian; tell excused from unexcused absence</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="93"/>
        <source>家访，当天交家访记录</source>
        <translation>visit the home; hand in the visit record the same day</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="94"/>
        <source>第二次家访，学校登记个案</source>
        <translation>visit again; the school registers the case</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="95"/>
        <source>制定劝返方案，联合家访，校长签署辍学学生情况报告表</source>
        <translation>plan the persuasion, visit jointly, principal signs the dropout report form</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="97"/>
        <source>向中心校、乡镇人民政府和县教育局书面报告</source>
        <translation>report in writing to the central school, township and county bureau</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="98"/>
        <source>报请乡镇政府下达限期复学通知书，收到后登记文书</source>
        <translation>ask the township to issue a return-by order; record it when it arrives</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="100"/>
        <source>报告乡镇政府限期已过仍未返校，请其处罚并催告，登记文书</source>
        <translation>tell the township the deadline passed without a return, ask it to penalise and demand compliance; record the documents</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="102"/>
        <source>提请乡镇政府申请强制执行或起诉（检察院可支持起诉），登记文书</source>
        <translation>ask the township to apply for enforcement or sue (the procuratorate may support the suit); record the documents</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="104"/>
        <source>配合法院调解或审理，登记调解书或判决书</source>
        <translation>assist the court&apos;s mediation or hearing; record the mediation agreement or judgment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="118"/>
        <source>已逾期 {days} 天</source>
        <translation>{days} days overdue</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="120"/>
        <source>今天到期</source>
        <translation>due today</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="121"/>
        <source>还有 {days} 天</source>
        <translation>{days} days left</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="173"/>
        <source>劝返阶段</source>
        <translation>Escalation stage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="189"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="189"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="189"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="199"/>
        <source>（尚未记录任何阶段）</source>
        <translation>(no stage recorded yet)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="214"/>
        <source>如：已向乡镇政府报送书面报告，文号……</source>
        <translation>e.g. written report sent to the township, reference no. …</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="231"/>
        <source>学生：</source>
        <translation>Student:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="232"/>
        <source>个案：</source>
        <translation>Case:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="233"/>
        <source>已记录阶段：</source>
        <translation>Stages recorded:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="235"/>
        <source>下一阶段：</source>
        <translation>Next stage:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="236"/>
        <source>期限：</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="237"/>
        <source>办理：</source>
        <translation>Who acts:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="239"/>
        <source>记录阶段：</source>
        <translation>Record stage:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="240"/>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="241"/>
        <source>说明：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="245"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="248"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="271"/>
        <source>找不到这名学生。</source>
        <translation>This student cannot be found.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="275"/>
        <source>{name}（{where}）</source>
        <translation>{name} ({where})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="278"/>
        <source>该生没有未销号的个案，不能记录劝返阶段。</source>
        <translation>This student has no open case, so no escalation stage can be recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="281"/>
        <source>立案日期 {date}</source>
        <translation>Opened {date}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="296"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="307"/>
        <source>共 {count} 次</source>
        <translation>{count} in all</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="325"/>
        <source>已到最后阶段 L8，没有下一阶段</source>
        <translation>Already at the last stage, L8: there is no next stage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="330"/>
        <source>应于 {date} 前完成（{timing}）</source>
        <translation>Due by {date} ({timing})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="337"/>
        <source>{actor}：{task}</source>
        <translation>{actor}: {task}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="339"/>
        <source>由{actor}办理；学校须{task}</source>
        <translation>Done by: {actor}; the school must {task}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="364"/>
        <source>正在读取个案信息…</source>
        <translation>Reading the case…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="367"/>
        <source>{date} 已记录过 {stage}，无需重复记录</source>
        <translation>{stage} is already recorded on {date}; no need to record it again</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="377"/>
        <source>该日期早于当前阶段 {stage} 的日期 {date}：作为补记保存，当前阶段不变</source>
        <translation>This date is before the current stage {stage} ({date}): it is saved as a late entry and the current stage stays</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="380"/>
        <source>当前已是 {current}：退回到 {stage} 后，期限从该阶段重新计算，保存时请确认</source>
        <translation>The case is already at {current}: going back to {stage} restarts the deadlines from it; you will be asked to confirm</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="386"/>
        <source>将跳过 {stages}</source>
        <translation>Skips {stages}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="390"/>
        <source>保存后下一阶段 {stage} 应于 {date} 前完成</source>
        <translation>After saving, the next stage {stage} is due by {date}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="393"/>
        <source>此阶段由乡镇政府或法院办理；学校不出具责令、处罚文书，只登记收到的法律文书</source>
        <translation>The township or the court acts at this stage; the school issues no orders or penalties and only records the legal documents it receives</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="427"/>
        <source>退回到较早阶段</source>
        <translation>Go back to an earlier stage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="428"/>
        <source>该个案当前已是 {current}。确定记录 {stage} 吗？
记录后当前阶段变为 {stage}，以后各阶段的期限从 {date} 起重新计算。</source>
        <translation>This case is already at {current}. Record {stage}?
The case will then be at {stage}, and the following deadlines count again from {date}.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <source>一年级</source>
        <translation>Grade 1</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <source>二年级</source>
        <translation>Grade 2</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <source>三年级</source>
        <translation>Grade 3</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <source>四年级</source>
        <translation>Grade 4</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17"/>
        <source>五年级</source>
        <translation>Grade 5</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17"/>
        <source>六年级</source>
        <translation>Grade 6</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18"/>
        <source>七年级</source>
        <translation>Grade 7</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18"/>
        <source>八年级</source>
        <translation>Grade 8</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19"/>
        <source>九年级</source>
        <translation>Grade 9</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22"/>
        <source>在校</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <source>休学</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <source>送教上门</source>
        <translation>Home-taught</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>疑似辍学</source>
        <translation>Suspected dropout</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>辍学</source>
        <translation>Dropped out</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>复学跟踪</source>
        <translation>Returned (follow-up)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>转出</source>
        <translation>Transferred out</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>死亡</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>毕业</source>
        <translation>Graduated</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>超龄离校</source>
        <translation>Left over age</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>控辍保学台账</source>
        <translation>Dropout Ledger</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <location filename="../../ui/main_window.py" line="328"/>
        <source>今日待办</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <location filename="../../ui/main_window.py" line="328"/>
        <source>学生名单</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <location filename="../../ui/main_window.py" line="329"/>
        <source>学生详情</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <location filename="../../ui/main_window.py" line="514"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>全部学生</source>
        <translation>All students</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164"/>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>预警</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>疑似辍学</source>
        <translation>Suspected dropouts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166"/>
        <source>辍学</source>
        <translation>Dropped out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>劝返复学</source>
        <translation>Returned to school</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>送教上门</source>
        <translation>Taught at home</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>休学</source>
        <translation>On leave</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>选择要查看的学生名单</source>
        <translation>Choose which students to list</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>按姓名、身份证号或学籍号搜索</source>
        <translation>Search by name, ID number or student number</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>名单</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>查看：</source>
        <translation>View:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>年级：</source>
        <translation>Grade:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>按年级筛选</source>
        <translation>Filter by grade</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>按班级筛选</source>
        <translation>Filter by class</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>班级：</source>
        <translation>Class:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>按村筛选</source>
        <translation>Filter by village</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>村：</source>
        <translation>Village:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>按特殊群体筛选</source>
        <translation>Filter by special group</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>特殊群体：</source>
        <translation>Special group:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <source>留守</source>
        <translation>Left-behind</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>残疾</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>随班就读</source>
        <translation>Inclusive class</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>孤儿</source>
        <translation>Orphan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>事实无人抚养</source>
        <translation>De facto unsupported</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>困境</source>
        <translation>In difficulty</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>随迁</source>
        <translation>Migrant</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204"/>
        <source>住校</source>
        <translation>Boarding</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="309"/>
        <source>操作</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="311"/>
        <source>新增学生</source>
        <translation>New pupil</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312"/>
        <source>编辑学生信息</source>
        <translation>Edit pupil</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="313"/>
        <source>缺勤登记（本班）</source>
        <translation>Record absences (class)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="314"/>
        <source>变更状态</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="315"/>
        <source>登记劝返记录</source>
        <translation>Record a persuasion visit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="316"/>
        <source>登记劝返阶段</source>
        <translation>Record escalation step</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>填写辍学学生情况报告表</source>
        <translation>Dropout case report form</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318"/>
        <source>资助发放（整班）</source>
        <translation>Subsidies for a class</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319"/>
        <source>结对帮扶</source>
        <translation>Teacher pairing</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320"/>
        <source>撤销上一步</source>
        <translation>Undo last change</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="327"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="371"/>
        <source>请先在学生名单中选中一名学生</source>
        <translation>Select a student in the roster first</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="428"/>
        <source>已撤销上一步操作</source>
        <translation>The last change was undone</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="489"/>
        <source>控辍保学台账 — {name}</source>
        <translation>Dropout Ledger — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="501"/>
        <source>共 {n} 名学生</source>
        <translation>Students: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="509"/>
        <source>名单没有加载成功</source>
        <translation>The roster could not be loaded</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="58"/>
        <source>学业</source>
        <translation>Academic</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="59"/>
        <source>心理</source>
        <translation>Psychological</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="60"/>
        <source>生活</source>
        <translation>Daily life</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="61"/>
        <source>家庭</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="65"/>
        <source>谈心</source>
        <translation>Heart-to-heart talk</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="66"/>
        <source>辅导</source>
        <translation>Tutoring</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="67"/>
        <source>家访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="68"/>
        <source>电话</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="69"/>
        <source>物资</source>
        <translation>Material help</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="83"/>
        <source>{date} 起</source>
        <translation>since {date}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="84"/>
        <source>已记录 {n} 次</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="105"/>
        <source>结对帮扶</source>
        <translation>Teacher pairing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="116"/>
        <source>正在读取学生信息…</source>
        <translation>Reading the student&apos;s details…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="131"/>
        <source>该生还没有结对帮扶，请先建立结对。</source>
        <translation>This pupil has no pairing yet: start one first.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="143"/>
        <source>如：谈心、辅导、家访</source>
        <translation>e.g. talk, tutoring, home visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="149"/>
        <source>帮扶教师姓名</source>
        <translation>Name of the supporting teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="152"/>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="156"/>
        <source>如：每周谈心一次，补习数学</source>
        <translation>e.g. one talk a week, extra maths</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="188"/>
        <source>学生：</source>
        <translation>Student:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="189"/>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="255"/>
        <source>记录到：</source>
        <translation>Log to:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="195"/>
        <source>学生表现和变化：</source>
        <translation>Pupil&apos;s progress:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="195"/>
        <source>帮扶内容：</source>
        <translation>What was done:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="195"/>
        <source>方式：</source>
        <translation>How:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="195"/>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="196"/>
        <source>下一步：</source>
        <translation>Next step:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="201"/>
        <source>帮扶教师：</source>
        <translation>Teacher:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="201"/>
        <source>帮扶目标：</source>
        <translation>Goal:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="201"/>
        <source>帮扶类型：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="201"/>
        <source>结对日期：</source>
        <translation>Paired on:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="207"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="209"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="236"/>
        <source>找不到这名学生。</source>
        <translation>This student cannot be found.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="238"/>
        <source>{name}（{where}）</source>
        <translation>{name} ({where})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="250"/>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="269"/>
        <source>新建结对帮扶</source>
        <translation>Start a new pairing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="255"/>
        <source>结对：</source>
        <translation>Pairing:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="269"/>
        <source>帮扶记录</source>
        <translation>Support log entry</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="289"/>
        <source>正在读取学生信息</source>
        <translation>Reading the student&apos;s details</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="294"/>
        <source>请填写帮扶教师</source>
        <translation>Enter the supporting teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="296"/>
        <source>帮扶教师应填写姓名（不含数字，最多 30 字）</source>
        <translation>The teacher must be a person&apos;s name (no digits, at most 30 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="298"/>
        <source>帮扶目标太长</source>
        <translation>The goal is too long</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="301"/>
        <source>请填写帮扶内容</source>
        <translation>Enter what was done</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="303"/>
        <source>方式最多 50 字</source>
        <translation>How: at most 50 characters</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="306"/>
        <source>内容太长（每栏最多 2000 字）</source>
        <translation>Text too long (at most 2000 characters per field)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="311"/>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>ReportFormDialog</name>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="74"/>
        <source>乡镇人民政府</source>
        <translation>Township government</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="75"/>
        <source>县教育局</source>
        <translation>County bureau</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="76"/>
        <source>乡镇中心校</source>
        <translation>Central school</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="80"/>
        <source>包保教师</source>
        <translation>Responsible teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="81"/>
        <source>村级责任人</source>
        <translation>Village contact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="82"/>
        <source>乡镇责任人</source>
        <translation>Township contact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="111"/>
        <source>辍学学生情况报告表</source>
        <translation>Dropout report form</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="119"/>
        <source>正在读取学生信息…</source>
        <translation>Reading the student…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="146"/>
        <source>个案情况（保存时一并更新该生的辍学个案）</source>
        <translation>Case facts (saved into the pupil&apos;s dropout case as well)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="147"/>
        <source>该生没有未销号的辍学个案：只保存报告。</source>
        <translation>This pupil has no open dropout case: only the report is saved.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="151"/>
        <source>选择“其他”时必须填写</source>
        <translation>Required when “Other” is chosen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="153"/>
        <source>如：在家、外出务工（广东东莞）、去向不明</source>
        <translation>e.g. at home, working (Dongguan, Guangdong), unknown</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="157"/>
        <source>重新生成草稿</source>
        <translation>Redraft</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="159"/>
        <source>草稿由台账生成，请核对、修改后保存。</source>
        <translation>Drafted from the ledger: check and edit it before saving.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="173"/>
        <source>辍学原因：</source>
        <translation>Dropout reason:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="174"/>
        <source>原因说明：</source>
        <translation>Reason details:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="175"/>
        <source>去向：</source>
        <translation>Whereabouts:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="177"/>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="184"/>
        <source>学生：</source>
        <translation>Student:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="185"/>
        <source>缺课情况：</source>
        <translation>Absence:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="186"/>
        <source>报告日期：</source>
        <translation>Report date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="187"/>
        <source>报送单位：</source>
        <translation>Send to:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="191"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="193"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="201"/>
        <source>报告内容：</source>
        <translation>Report:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="228"/>
        <source>找不到这名学生。</source>
        <translation>This student cannot be found.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="231"/>
        <source>{name}（{grade_class}）</source>
        <translation>{name} ({grade_class})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="234"/>
        <source>已连续无故缺课 {days} 个上学日（自 {start} 起）</source>
        <translation>Absent without leave for {days} school days in a row (since {start})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="236"/>
        <source>目前没有连续的无故缺课记录</source>
        <translation>No current run of unexcused absence</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="237"/>
        <source>请选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="294"/>
        <source>正在读取学生信息</source>
        <translation>Reading the student</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="297"/>
        <source>请至少选择一个报送单位</source>
        <translation>Choose at least one recipient</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="301"/>
        <source>请填写报告内容</source>
        <translation>Write the report</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="308"/>
        <source>请选择辍学原因</source>
        <translation>Choose the dropout reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="310"/>
        <source>选择“其他”时须写明原因</source>
        <translation>“Other” needs a written reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="312"/>
        <source>请填写包保教师</source>
        <translation>Name the responsible teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="315"/>
        <source>{label}“{name}”不像姓名</source>
        <translation>{label} “{name}” does not look like a name</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../ui/roster_model.py" line="43"/>
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="43"/>
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="130"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="131"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="132"/>
        <source>年级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="133"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="134"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="135"/>
        <source>全国学籍号</source>
        <translation>National student no.</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="136"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="137"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="139"/>
        <source>预警</source>
        <translation>At risk</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="88"/>
        <source>变更学籍状态</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="101"/>
        <source>正在读取学生信息…</source>
        <translation>Reading the student…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="115"/>
        <source>选择“其他”时必须填写</source>
        <translation>Required when “Other” is chosen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="117"/>
        <location filename="../../ui/dialogs/status_dialog.py" line="182"/>
        <location filename="../../ui/dialogs/status_dialog.py" line="186"/>
        <source>请选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="122"/>
        <source>例如：接收学校出具的在读证明、派出所证明</source>
        <translation>e.g. a certificate of attendance from the receiving school, or from the police station</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="133"/>
        <source>学生：</source>
        <translation>Student:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="134"/>
        <source>当前状态：</source>
        <translation>Current status:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="135"/>
        <source>变更为：</source>
        <translation>Change to:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="136"/>
        <source>生效日期：</source>
        <translation>Effective date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="137"/>
        <source>辍学原因：</source>
        <translation>Dropout reason:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="138"/>
        <source>原因说明：</source>
        <translation>Reason details:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="139"/>
        <source>销号原因：</source>
        <translation>Closure reason:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="140"/>
        <source>销号依据：</source>
        <translation>Closure evidence:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="141"/>
        <source>备注：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="145"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="148"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="167"/>
        <source>找不到这名学生。</source>
        <translation>This student cannot be found.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="172"/>
        <source>资料不全</source>
        <translation>Incomplete record</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="176"/>
        <source>{status}（自 {date} 起）</source>
        <translation>{status} (since {date})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="213"/>
        <source>正在读取学生信息</source>
        <translation>Reading the student</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="215"/>
        <source>“{status}”是终结状态，不能再变更</source>
        <translation>“{status}” is final and cannot be changed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="219"/>
        <source>请选择要变更为的状态</source>
        <translation>Choose the new status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="224"/>
        <source>请选择辍学原因</source>
        <translation>Choose the dropout reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="226"/>
        <source>选择“其他”时须写明原因</source>
        <translation>Write the reason when “Other” is chosen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="229"/>
        <source>销号须选择销号原因</source>
        <translation>Closing a case needs a closure reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="231"/>
        <source>销号须写明依据</source>
        <translation>Closing a case needs written evidence</translation>
    </message>
</context>
<context>
    <name>StudentDialog</name>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="74"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="74"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="75"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="75"/>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="76"/>
        <source>身份证件类型</source>
        <translation>ID document type</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="77"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="78"/>
        <source>全国学籍号</source>
        <translation>National student no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="78"/>
        <source>年级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="79"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="80"/>
        <source>村（居）区划代码</source>
        <translation>Village division code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="81"/>
        <source>村（居）</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="82"/>
        <source>住校</source>
        <translation>Boarding</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="82"/>
        <source>家庭住址</source>
        <translation>Home address</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="83"/>
        <source>监护人</source>
        <translation>Guardians</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="84"/>
        <source>孤儿</source>
        <translation>Orphan</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="84"/>
        <source>留守儿童</source>
        <translation>Left-behind child</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="85"/>
        <source>事实无人抚养儿童</source>
        <translation>De facto unsupported child</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="86"/>
        <source>困境儿童</source>
        <translation>Child in difficulty</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="87"/>
        <source>随迁子女</source>
        <translation>Migrant child</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="88"/>
        <source>残疾类型</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="89"/>
        <source>随班就读</source>
        <translation>Inclusive class</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="90"/>
        <source>家庭经济困难类别</source>
        <translation>Economic hardship category</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="91"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="91"/>
        <source>预警原因</source>
        <translation>Risk reasons</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="93"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="94"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="148"/>
        <source>身份证号只能是数字，18位号码的最后一位可以是X</source>
        <translation>An ID number has digits only; the last of 18 may be X</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="150"/>
        <source>身份证号多了{extra}位，应为18位</source>
        <translation>The ID number has {extra} digit(s) too many; it should have 18</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="152"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="182"/>
        <source>已输入{n}位，还差{rest}位</source>
        <translation>{n} typed, {rest} to go</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="155"/>
        <source>身份证号有误（校验不通过），请对照身份证逐位核对</source>
        <translation>The ID number is wrong (checksum fails); compare it digit by digit with the ID card</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="164"/>
        <source>15位旧身份证号（{year}年出生）；如是18位新号码，请继续输入</source>
        <translation>Old 15-digit ID number (born {year}); if it is an 18-digit number, keep typing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="166"/>
        <source>号码有效</source>
        <translation>Valid number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="172"/>
        <source>学籍号以字母G、J或L开头（有身份证号的学生是G加身份证号）</source>
        <translation>A student number starts with G, J or L (G plus the ID number for pupils with an ID)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="177"/>
        <source>学籍号的字母后面只能是数字（G、J开头的最后一位可以是X）</source>
        <translation>Only digits may follow the letter (the last may be X after G or J)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="179"/>
        <source>学籍号多了{extra}位，应为19位</source>
        <translation>The student number has {extra} character(s) too many; it should have 19</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="196"/>
        <source>学籍号有误（G后的号码校验不通过），请与学籍系统逐位核对</source>
        <translation>The student number is wrong (checksum after G fails); compare it digit by digit with the registry</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="203"/>
        <source>号码格式正确</source>
        <translation>Well-formed number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="218"/>
        <source>第{n}名监护人：请填写姓名</source>
        <translation>Guardian {n}: enter a name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="220"/>
        <source>第{n}名监护人的姓名只能包含汉字、字母和间隔号“·”</source>
        <translation>Guardian {n}: a name may contain only Chinese characters, letters and the dot “·”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="222"/>
        <source>第{n}名监护人的电话无效：手机号为11位，座机写作 0854-1234567</source>
        <translation>Guardian {n}: invalid phone; a mobile has 11 digits, a landline looks like 0854-1234567</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="290"/>
        <source>与学生关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="290"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="298"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="304"/>
        <source>手机或座机</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="306"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="308"/>
        <source>删除这一名监护人</source>
        <translation>Remove this guardian</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="322"/>
        <source>添加监护人</source>
        <translation>Add guardian</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="432"/>
        <source>已保存，请注意</source>
        <translation>Saved; please note</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="433"/>
        <source>学生信息已保存。请注意：
{warnings}</source>
        <translation>The pupil was saved. Please note:
{warnings}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="469"/>
        <source>新增学生</source>
        <translation>New pupil</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="469"/>
        <source>编辑学生信息</source>
        <translation>Edit pupil</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="476"/>
        <source>正在读取学生信息…</source>
        <translation>Reading the pupil…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="492"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="493"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="495"/>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="494"/>
        <source>请选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="496"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="497"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="522"/>
        <source>18位，最后一位可以是X</source>
        <translation>18 digits; the last may be X</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="523"/>
        <source>G、J或L加18位，共19位</source>
        <translation>G, J or L plus 18: 19 in all</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="524"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="769"/>
        <source>如 2015-03-08</source>
        <translation>e.g. 2015-03-08</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="525"/>
        <source>如 2班</source>
        <translation>e.g. 2班</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="526"/>
        <source>12位统计用区划代码，可不填</source>
        <translation>12-digit statistical division code (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="527"/>
        <source>如 坪坝镇石门村三组</source>
        <translation>e.g. 坪坝镇石门村三组</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="528"/>
        <source>可不填；按回车保存</source>
        <translation>Optional; press Enter to save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="538"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="547"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="558"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="569"/>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="541"/>
        <source>身份</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="555"/>
        <source>就读</source>
        <translation>Schooling</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="565"/>
        <source>家庭与监护人</source>
        <translation>Home and guardians</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="575"/>
        <source>特殊群体</source>
        <translation>Special groups</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="580"/>
        <source>其他：</source>
        <translation>Other:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="590"/>
        <source>预警与备注</source>
        <translation>Risk and notes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="619"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="621"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="668"/>
        <source>找不到这名学生，可能已被撤销。</source>
        <translation>This pupil cannot be found; the record may have been withdrawn.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="676"/>
        <source>编辑学生信息 · {name}</source>
        <translation>Edit pupil · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="712"/>
        <source>已登记 {masked}；如需更正，请输入完整号码</source>
        <translation>On record: {masked}; to correct it, type the whole number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="725"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="735"/>
        <source>留空表示不修改</source>
        <translation>Leave empty to keep it</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="726"/>
        <source>出生日期和性别将由号码自动得出</source>
        <translation>Date of birth and sex are read from the number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="730"/>
        <source>身份证号有误</source>
        <translation>the ID number is wrong</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="731"/>
        <source>身份证号还没输完</source>
        <translation>the ID number is incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="736"/>
        <source>有身份证号的学生，学籍号一般是G加身份证号</source>
        <translation>For a pupil with an ID, this is usually G plus the ID number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="740"/>
        <source>学籍号有误</source>
        <translation>the student number is wrong</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="741"/>
        <source>学籍号还没输完</source>
        <translation>the student number is incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="752"/>
        <source>由身份证号自动得出</source>
        <translation>Read from the ID number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="754"/>
        <source>输完身份证号后自动得出</source>
        <translation>Read from the ID number once complete</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="757"/>
        <source>由已登记的身份证号得出</source>
        <translation>Read from the ID number on record</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="786"/>
        <source>请填写姓名</source>
        <translation>enter the name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="786"/>
        <source>请选择年级</source>
        <translation>choose the grade</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="834"/>
        <source>注意：{notes}</source>
        <translation>Note: {notes}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="838"/>
        <source>还不能保存：{reasons}</source>
        <translation>Cannot save yet: {reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="840"/>
        <source>还没有改动</source>
        <translation>Nothing changed yet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="843"/>
        <source>保存（在备注栏按回车也可保存）</source>
        <translation>Save (Enter in the note field saves too)</translation>
    </message>
</context>
<context>
    <name>StudentView</name>
    <message>
        <location filename="../../ui/views/student_view.py" line="58"/>
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="58"/>
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="122"/>
        <source>资料不全</source>
        <translation>Incomplete record</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="128"/>
        <source>回证已签收</source>
        <translation>Receipt signed</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="130"/>
        <source>已送达，回证未签收</source>
        <translation>Delivered, receipt not signed</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="131"/>
        <source>未送达</source>
        <translation>Not delivered</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="143"/>
        <source>编辑信息</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="144"/>
        <source>变更状态</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="145"/>
        <source>登记劝返</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="146"/>
        <source>劝返阶段</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="147"/>
        <source>报告表</source>
        <translation>Report form</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="148"/>
        <source>结对帮扶</source>
        <translation>Teacher pairing</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="180"/>
        <location filename="../../ui/views/student_view.py" line="497"/>
        <source>劝返记录</source>
        <translation>Persuasion visits</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="180"/>
        <source>基本信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="180"/>
        <source>状态与个案</source>
        <translation>Status and case</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="180"/>
        <source>资助与帮扶</source>
        <translation>Aid and support</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="181"/>
        <source>修改记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="202"/>
        <source>学生信息</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="247"/>
        <source>找不到这名学生</source>
        <translation>This student cannot be found</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="254"/>
        <location filename="../../ui/views/student_view.py" line="307"/>
        <location filename="../../ui/views/student_view.py" line="519"/>
        <source>证明材料</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="259"/>
        <source>（已撤销登记）</source>
        <translation>(registration withdrawn)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="265"/>
        <source>身份证号 {v}</source>
        <translation>ID number {v}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="266"/>
        <source>学籍号 {v}</source>
        <translation>Student no. {v}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="270"/>
        <source>当前状态：{status}</source>
        <translation>Current status: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="276"/>
        <source>预警原因：{reasons}</source>
        <translation>At risk: {reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="279"/>
        <source>预警原因：无</source>
        <translation>At risk: no</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="299"/>
        <source>证明材料与照片</source>
        <translation>Supporting documents and photos</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="300"/>
        <source>这名学生的全部照片和扫描件：单独添加的证明材料，以及劝返记录、通知书、法律文书、书面报告和销号所附的文件。</source>
        <translation>Every photo and scan for this student: documents added on their own, and files attached to visits, notices, legal documents, reports and case closures.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="326"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="348"/>
        <source>此条已撤销</source>
        <translation>This entry was withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="382"/>
        <source>撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="392"/>
        <source>身份与家庭</source>
        <translation>Identity and family</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="399"/>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="410"/>
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="411"/>
        <source>与学生关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="411"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="411"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="421"/>
        <location filename="../../ui/views/student_view.py" line="429"/>
        <location filename="../../ui/views/student_view.py" line="431"/>
        <location filename="../../ui/views/student_view.py" line="432"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="425"/>
        <source>（仅校长可见）</source>
        <translation>(principal only)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="438"/>
        <source>应于 {due} 前完成（已逾期 {n} 天）</source>
        <translation>due by {due} ({n} days overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="441"/>
        <source>应于 {due} 前完成（还有 {n} 天）</source>
        <translation>due by {due} ({n} days left)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="443"/>
        <source>下一阶段：{stage} {label}，{when}；办理：{actor}</source>
        <translation>Next step: {stage} {label}, {when}; by: {actor}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="456"/>
        <source>当前个案</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="458"/>
        <source>没有未销号的个案</source>
        <translation>No open case</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="462"/>
        <source>（未记录）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="463"/>
        <source>立案日期 {opened}　当前阶段：{stage}</source>
        <translation>Opened {opened}   Current stage: {stage}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="476"/>
        <source>状态变化</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="477"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="477"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="477"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="477"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="477"/>
        <source>销号</source>
        <translation>Closure</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="485"/>
        <source>全部个案</source>
        <translation>All cases</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="486"/>
        <source>包保教师</source>
        <translation>Responsible teacher</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="486"/>
        <source>立案日期</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="486"/>
        <source>辍学原因</source>
        <translation>Dropout reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="486"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="487"/>
        <source>销号原因</source>
        <translation>Closure reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="487"/>
        <source>销号日期</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="501"/>
        <source>劝返复学通知书</source>
        <translation>Return notices</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="505"/>
        <source>回证</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="506"/>
        <source>法律文书</source>
        <translation>Legal documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="510"/>
        <source>书面报告</source>
        <translation>Written reports</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="518"/>
        <source>证明材料（{n}）</source>
        <translation>Documents ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="524"/>
        <source>资助发放</source>
        <translation>Subsidies paid</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="532"/>
        <source>帮扶记录</source>
        <translation>Pairing log</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="535"/>
        <source>帮扶教师</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="537"/>
        <source>送教上门记录</source>
        <translation>Home-teaching sessions</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="545"/>
        <source>时间是当时那台电脑上的时间，电脑时钟不准时可能有出入。</source>
        <translation>Times are those of the computer that made the change; they may be off if its clock was wrong.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="549"/>
        <source>操作</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="549"/>
        <source>操作人</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="549"/>
        <source>本机时间</source>
        <translation>Computer time</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="549"/>
        <source>电脑</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="549"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="561"/>
        <source>{n} 份，见“证明材料”</source>
        <translation>{n}, see “Documents”</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="563"/>
        <source>附件</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="570"/>
        <source>已撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="570"/>
        <source>已撤销：{reason}</source>
        <translation>Withdrawn: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="586"/>
        <source>{reason}，依据：{evidence}</source>
        <translation>{reason}; evidence: {evidence}</translation>
    </message>
</context>
<context>
    <name>SubsidyDialog</name>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="78"/>
        <source>家庭经济困难寄宿生生活补助</source>
        <translation>Living allowance, boarders from needy families</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="79"/>
        <source>家庭经济困难非寄宿生生活补助</source>
        <translation>Living allowance, day pupils from needy families</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="80"/>
        <source>营养改善计划膳食补助</source>
        <translation>Nutrition programme meal subsidy</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="81"/>
        <source>残疾学生补助</source>
        <translation>Subsidy for pupils with disabilities</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="82"/>
        <source>地方资助项目</source>
        <translation>Local aid scheme</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="83"/>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="90"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="86"/>
        <source>惠民一卡通/社保卡</source>
        <translation>Benefits card / social security card</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="87"/>
        <source>银行卡</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="88"/>
        <source>以餐代补（不发现金）</source>
        <translation>As meals (no cash)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="89"/>
        <source>实物</source>
        <translation>In kind</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="93"/>
        <source>脱贫户</source>
        <translation>Ex-poverty household</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="94"/>
        <source>监测户</source>
        <translation>Monitored household</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="95"/>
        <source>低保户</source>
        <translation>Dibao household</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="96"/>
        <source>特困供养</source>
        <translation>Extreme-hardship support</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="99"/>
        <source>留守</source>
        <translation>Left-behind</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="100"/>
        <source>孤儿</source>
        <translation>Orphan</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="101"/>
        <source>事实无人抚养</source>
        <translation>De facto unsupported</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="102"/>
        <source>困境</source>
        <translation>In difficulty</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="103"/>
        <source>残疾</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="104"/>
        <source>随迁</source>
        <translation>Migrant</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="107"/>
        <source>金额未填</source>
        <translation>no amount</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="108"/>
        <source>金额不是数字</source>
        <translation>the amount is not a number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="109"/>
        <source>金额最多两位小数</source>
        <translation>at most two decimals in an amount</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="110"/>
        <source>金额应大于 0</source>
        <translation>the amount must be greater than 0</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="111"/>
        <source>金额过大</source>
        <translation>the amount is too large</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="114"/>
        <source>小学</source>
        <translation>primary</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="115"/>
        <source>初中</source>
        <translation>junior secondary</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="134"/>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="425"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="137"/>
        <source>{names}等 {n} 人</source>
        <translation>{names} and others ({n} pupils)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="191"/>
        <source>资助发放登记</source>
        <translation>Record subsidy payments</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="199"/>
        <source>正在读取班级名单…</source>
        <translation>Reading the classes…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="216"/>
        <source>如：2026年秋季学期</source>
        <translation>e.g. 2026年秋季学期 (autumn term 2026)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="218"/>
        <source>单位：元</source>
        <translation>in yuan</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="235"/>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="424"/>
        <source>住校</source>
        <translation>Boarder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="235"/>
        <source>发放</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="235"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="235"/>
        <source>特殊群体</source>
        <translation>Special groups</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="235"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="236"/>
        <source>困难类别</source>
        <translation>Need category</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="236"/>
        <source>本期已发</source>
        <translation>Already paid this term</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="236"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="253"/>
        <source>全选</source>
        <translation>Tick all</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="254"/>
        <source>全不选</source>
        <translation>Untick all</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="255"/>
        <source>勾选家庭经济困难学生</source>
        <translation>Tick pupils from needy families</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="256"/>
        <source>勾选有家庭经济困难类别的学生（仅有权限的角色可见）</source>
        <translation>Tick pupils whose family has a need category (shown only to roles allowed to see it)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="265"/>
        <source>方向键移动，空格勾选或取消；直接输入数字修改金额；回车保存。</source>
        <translation>Arrow keys move, Space ticks or unticks; type a number to change an amount; Enter saves.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="277"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="279"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="294"/>
        <source>年级：</source>
        <translation>Grade:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="294"/>
        <source>班级：</source>
        <translation>Class:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="295"/>
        <source>发放方式：</source>
        <translation>Paid by:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="295"/>
        <source>资助项目：</source>
        <translation>Item:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="296"/>
        <source>发放日期：</source>
        <translation>Paid on:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="296"/>
        <source>资助期间：</source>
        <translation>Term:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="297"/>
        <source>每人金额：</source>
        <translation>Amount each:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="352"/>
        <source>台账中没有在籍学生。</source>
        <translation>The ledger has no pupils on roll.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="389"/>
        <source>正在读取本班名单…</source>
        <translation>Reading the class list…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="462"/>
        <source>国家标准：{stage}每生每学期 {yuan} 元</source>
        <translation>National standard: {yuan} yuan per {stage} pupil per term</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="468"/>
        <source>该项目无国家统一标准，请按本地标准填写</source>
        <translation>No national standard for this item: enter the local amount</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="556"/>
        <source>正在读取本班名单</source>
        <translation>Reading the class list</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="559"/>
        <source>请填写资助期间</source>
        <translation>Enter the term</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="562"/>
        <source>每人金额：{reason}</source>
        <translation>Amount each: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="565"/>
        <source>请勾选发放的学生</source>
        <translation>Tick the pupils who were paid</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="569"/>
        <source>{names}：{reason}</source>
        <translation>{names}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="588"/>
        <source>已发 {yuan} 元</source>
        <translation>{yuan} yuan paid</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="606"/>
        <source>已勾选 {n} 人，合计 {yuan} 元</source>
        <translation>{n} ticked, {yuan} yuan in all</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="611"/>
        <source>注意：{names}在{period}已领取过该项目，再保存将重复发放。请核对后再保存。</source>
        <translation>Note: {names} already received this item in {period}; saving pays them twice. Check before saving.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="619"/>
        <source>本班没有在籍学生。</source>
        <translation>This class has no pupils on roll.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="622"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/subsidy_dialog.py" line="660"/>
        <source>已为 {n} 名学生登记“{item}”，共 {yuan} 元。</source>
        <translation>Recorded “{item}” for {n} pupils, {yuan} yuan in all.</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../ui/views/today_view.py" line="37"/>
        <source>确认辍学</source>
        <translation>Confirm dropout</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="38"/>
        <source>标记疑似辍学</source>
        <translation>Mark suspected dropout</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="39"/>
        <source>通知书逾期</source>
        <translation>Notice overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="40"/>
        <source>劝返阶段到期</source>
        <translation>Escalation step due</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="41"/>
        <source>报告表</source>
        <translation>Report form</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="42"/>
        <source>家访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="43"/>
        <source>劝返跟进</source>
        <translation>Case follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="44"/>
        <source>约定复访</source>
        <translation>Agreed follow-up visit</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="45"/>
        <source>电话</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="46"/>
        <source>月报</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="52"/>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="52"/>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="53"/>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="53"/>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="54"/>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="54"/>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="55"/>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="71"/>
        <source>{y}年{m}月{d}日 {weekday}</source>
        <translation>{weekday}, {y}-{m}-{d}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="96"/>
        <source>事项</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="97"/>
        <source>学生</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="98"/>
        <source>年级班级</source>
        <translation>Grade and class</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="99"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="100"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="125"/>
        <source>今天没有待办事项</source>
        <translation>Nothing is due today</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="140"/>
        <source>今日待办</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="141"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="200"/>
        <source>待办事项没有加载成功</source>
        <translation>The task list could not be loaded</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="205"/>
        <source>今日待办 · {date}</source>
        <translation>Today · {date}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="213"/>
        <source>按县里定的标准，今天没有需要跟进的学生。</source>
        <translation>By the county&apos;s thresholds, no pupil needs follow-up today.</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="217"/>
        <source>{kind} {n} 件</source>
        <translation>{kind}: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="219"/>
        <source>今天有 {n} 件事要办</source>
        <translation>{n} tasks today</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="222"/>
        <source>，其中紧急 {n} 件</source>
        <translation>, {n} urgent</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="223"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="223"/>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="229"/>
        <source>今天要办</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="229"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="246"/>
        <source>{title}（{n} 件）</source>
        <translation>{title} ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="279"/>
        <source>双击或按回车键打开学生页面</source>
        <translation>Double-click or press Enter to open the student</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="72"/>
        <source>电话</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="73"/>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="74"/>
        <source>家访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="75"/>
        <source>联合家访</source>
        <translation>Joint home visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="76"/>
        <source>法律文书送达</source>
        <translation>Legal document served</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="79"/>
        <source>配合</source>
        <translation>Cooperative</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="80"/>
        <source>犹豫</source>
        <translation>Hesitant</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="81"/>
        <source>拒绝</source>
        <translation>Refusing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="82"/>
        <source>联系不上</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="87"/>
        <source>包保教师</source>
        <translation>responsible teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="88"/>
        <source>村级责任人</source>
        <translation>village contact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="89"/>
        <source>乡镇责任人</source>
        <translation>township contact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="90"/>
        <source>结对教师</source>
        <translation>pairing teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="91"/>
        <source>校长</source>
        <translation>principal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="92"/>
        <source>学籍管理员</source>
        <translation>registrar</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="93"/>
        <source>班主任</source>
        <translation>class teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="94"/>
        <source>县教育局工作人员</source>
        <translation>county clerk</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="95"/>
        <source>操作员</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="96"/>
        <source>曾参加劝返</source>
        <translation>earlier visits</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="97"/>
        <source>送教教师</source>
        <translation>home-teaching teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="98"/>
        <source>本次添加</source>
        <translation>added now</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="115"/>
        <source>“{name}”不像姓名（只能包含汉字、字母和间隔号“·”，不能有数字）</source>
        <translation>“{name}” does not look like a name (Chinese characters, letters and “·” only, no digits)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="147"/>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="208"/>
        <source>劝返记录</source>
        <translation>Persuasion visits</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="222"/>
        <source>正在读取学生信息…</source>
        <translation>Reading the student…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="243"/>
        <source>名单中没有的人：输入姓名，多人用顿号分隔</source>
        <translation>Not listed? Type names, separated by 、</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="244"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="250"/>
        <source>如：学生母亲</source>
        <translation>e.g. the pupil&apos;s mother</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="252"/>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="261"/>
        <source>约定了日期</source>
        <translation>Date agreed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="286"/>
        <source>学生：</source>
        <translation>Student:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="287"/>
        <source>个案：</source>
        <translation>Case:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="288"/>
        <source>劝返日期：</source>
        <translation>Visit date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="289"/>
        <source>方式：</source>
        <translation>Mode:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="290"/>
        <source>参加人员：</source>
        <translation>Participants:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="291"/>
        <source>见到何人：</source>
        <translation>Met:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="292"/>
        <source>家长和学生态度：</source>
        <translation>Attitude:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="293"/>
        <source>承诺或结果：</source>
        <translation>Promise or result:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="294"/>
        <source>下一步：</source>
        <translation>Next step:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="295"/>
        <source>下一步日期：</source>
        <translation>Next step by:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="299"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="302"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="319"/>
        <source>找不到这名学生。</source>
        <translation>This student cannot be found.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="326"/>
        <source>无（该生没有未销号的个案）</source>
        <translation>None (no open case for this pupil)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="326"/>
        <source>本次记录归入该生的辍学个案</source>
        <translation>This visit is filed under the pupil&apos;s dropout case</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="369"/>
        <source>正在读取学生信息</source>
        <translation>Reading the student</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="372"/>
        <source>请勾选或填写参加人员</source>
        <translation>Tick or type who took part</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="375"/>
        <source>下一步日期不能早于劝返日期</source>
        <translation>The next-step date cannot be before the visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="384"/>
        <source>已选 {n} 人：{names}</source>
        <translation>{n} chosen: {names}</translation>
    </message>
</context>
<context>
    <name>WarningView</name>
    <message>
        <location filename="../../ui/views/warning_view.py" line="44"/>
        <source>近期多次无故缺课</source>
        <translation>Repeated unexcused absence</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="45"/>
        <source>连续无故缺课</source>
        <translation>Consecutive unexcused absence</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="46"/>
        <source>开学或节后返校期缺课</source>
        <translation>Absent after term start or a holiday</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="47"/>
        <source>学习或行为问题</source>
        <translation>Study or behaviour problems</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="48"/>
        <source>辍学后复学不久</source>
        <translation>Recently back from dropout</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="49"/>
        <source>留守儿童</source>
        <translation>Left-behind child</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="50"/>
        <source>隔代监护</source>
        <translation>Cared for by grandparents</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="51"/>
        <source>家庭变故或困境</source>
        <translation>Family crisis or hardship</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="52"/>
        <source>超龄</source>
        <translation>Over age for grade</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="53"/>
        <source>预警（以上规则合起来）</source>
        <translation>Warning (all rules together)</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="83"/>
        <source>{y}年{m}月{d}日</source>
        <translation>{y}-{m}-{d}</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="127"/>
        <location filename="../../ui/views/warning_view.py" line="134"/>
        <source>学生</source>
        <translation>Pupil</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="128"/>
        <location filename="../../ui/views/warning_view.py" line="135"/>
        <source>年级班级</source>
        <translation>Grade and class</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="129"/>
        <location filename="../../ui/views/warning_view.py" line="139"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="130"/>
        <source>事实</source>
        <translation>Facts</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="131"/>
        <source>起始日期</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="136"/>
        <source>需要核实</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="140"/>
        <source>何时成立</source>
        <translation>Holds when</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="141"/>
        <source>立案前命中</source>
        <translation>Hits before case</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="142"/>
        <source>误报</source>
        <translation>False alarms</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="143"/>
        <source>准确率</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="144"/>
        <source>检出率</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="145"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="159"/>
        <source>预警名单</source>
        <translation>Early warning</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="161"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="177"/>
        <source>需关注的学生</source>
        <translation>Pupils to watch</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="178"/>
        <source>资助核实</source>
        <translation>Subsidy checks</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="179"/>
        <source>规则和回溯检验</source>
        <translation>Rules and back-test</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="232"/>
        <source>预警名单没有加载成功</source>
        <translation>The early-warning list could not be loaded</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="244"/>
        <source>预警名单 · {date}</source>
        <translation>Early warning · {date}</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="245"/>
        <source>在校学生 {watched} 名，按县里定的 {rules} 条规则，需关注 {n} 名。每条写明依据的事实和起始日期；规则只看出勤、班主任标记、复学经历、家庭情况和年龄，不看性别和民族；家庭经济困难只用于核实资助，不算预警。</source>
        <translation>{watched} pupils in school; by the county&apos;s {rules} rules, {n} need watching. Each row gives the facts and the day the rule became true. The rules read attendance, class teachers&apos; marks, past dropout, family situation and age, never sex or ethnicity; poverty only triggers a subsidy check, never a warning.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="250"/>
        <source>需关注的学生（{n}）</source>
        <translation>Pupils to watch ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="251"/>
        <source>资助核实（{n}）</source>
        <translation>Subsidy checks ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="270"/>
        <source>双击或按回车键打开学生页面</source>
        <translation>Double-click or press Enter to open the pupil&apos;s page</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="292"/>
        <source>家庭经济困难学生（含县里名单上的类别）本学期还没有生活补助发放记录的，请核实资助是否已落实。这里只是提醒核实，不是预警。</source>
        <translation>Pupils from families in financial difficulty (including the county&apos;s categories) with no living subsidy recorded this term: please check that their support has been paid. This is a reminder to check, not a warning.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="296"/>
        <source>班主任标记家庭经济困难、本学期还没有生活补助发放记录的学生，请核实资助是否已落实。家庭经济困难类别只有校长和县教育局工作人员能看到。</source>
        <translation>Pupils a class teacher marked as in financial difficulty, with no living subsidy recorded this term: please check that their support has been paid. Only the principal and county staff can see the official poverty categories.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="320"/>
        <source>回溯检验：{start}至{end}，本校共 {cases} 名学生成为疑似辍学或辍学（个案），另有 {others} 名学生期间在校、没有立案。命中：个案立案前 {days} 天内规则成立；误报：没有立案的学生期间规则成立过。准确率 = 命中 ÷（命中 + 误报），检出率 = 命中 ÷ 个案数。全校个案比例为 {base}，准确率明显高于它，规则才有用。{note}</source>
        <translation>Back-test from {start} to {end}: {cases} pupils of this school became suspected or confirmed dropouts (cases); {others} other pupils were in school with no case. Hit: the rule held in the {days} days before the case opened. False alarm: the rule held for a pupil with no case. Precision = hits ÷ (hits + false alarms); recall = hits ÷ cases. Cases are {base} of all pupils: a rule is useful only if its precision is clearly higher. {note}</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="339"/>
        <source>信号</source>
        <translation>signal</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="339"/>
        <source>背景</source>
        <translation>background</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="342"/>
        <source>{name}（{kind}）</source>
        <translation>{name} ({kind})</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="344"/>
        <source>{name}，未使用</source>
        <translation>{name}, not used</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="346"/>
        <source>{hits} / {cases}</source>
        <translation>{hits} / {cases}</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="347"/>
        <source>{alarms} / {others}</source>
        <translation>{alarms} / {others}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="55"/>
        <source>控辍保学台账（桌面程序）</source>
        <translation>Dropout Ledger (desktop app)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="56"/>
        <source>显示本帮助并退出</source>
        <translation>show this help and exit</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="57"/>
        <source>界面语言：zh_CN（简体中文，默认）或 en（英文）；也可用环境变量 {env} 设置</source>
        <translation>interface language: zh_CN (Simplified Chinese, the default) or en (English); the environment variable {env} sets it too</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="60"/>
        <source>台账文件（默认：本用户的数据文件夹）</source>
        <translation>the ledger file (default: in this user&apos;s data folder)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="61"/>
        <source>打开主窗口，保存截图（PNG）后退出</source>
        <translation>open the main window, save a screenshot (PNG) of it and exit</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="62"/>
        <source>打开台账和主窗口，检查后退出（0 表示正常）</source>
        <translation>open the ledger and the main window, check them and exit (0 means all is well)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="70"/>
        <source>不支持的语言 {value}，请用 zh_CN 或 en</source>
        <translation>unsupported language {value}; use zh_CN or en</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="143"/>
        <source>无法创建文件夹 {folder}：{reason}。请换一个能写入的位置。</source>
        <translation>Cannot create the folder {folder}: {reason}. Please choose a location you can write to.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="153"/>
        <source>无法打开台账：{message}</source>
        <translation>Cannot open the ledger: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="165"/>
        <source>无法保存截图 {file}</source>
        <translation>Cannot save the screenshot {file}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="176"/>
        <source>名单中没有学生</source>
        <translation>the roster has no students</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="178"/>
        <source>无法加载中文字体 {file}</source>
        <translation>cannot load the Chinese font {file}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="182"/>
        <source>表格没有使用中文字体（实际为 {used}）</source>
        <translation>the table does not use the Chinese font (it uses {used})</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="185"/>
        <source>自检失败：{problems}</source>
        <translation>Self-test failed: {problems}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="185"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="187"/>
        <source>自检通过：显示 {rows} 名学生，字体 {family}</source>
        <translation>Self-test passed: {rows} students shown, font {family}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/errors.py" line="24"/>
        <location filename="../../ui/errors.py" line="42"/>
        <source>控辍保学台账</source>
        <translation>Dropout Ledger</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="34"/>
        <source>程序内部错误：操作没有完成，台账没有改动。详情无法写入日志文件。</source>
        <translation>Internal error: the operation did not finish and the ledger was not changed. The details could not be written to the log file.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="35"/>
        <source>程序内部错误：操作没有完成，台账没有改动。详情已记录在日志文件 {path}。</source>
        <translation>Internal error: the operation did not finish and the ledger was not changed. The details are in the log file {path}.</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <location filename="../../ui/ops.py" line="183"/>
        <source>控辍保学台账</source>
        <translation>Dropout Ledger</translation>
    </message>
    <message>
        <location filename="../../ui/ops.py" line="184"/>
        <source>正在处理，请稍候…</source>
        <translation>Working, please wait…</translation>
    </message>
</context>
<context>
    <name>settings_menu</name>
    <message>
        <location filename="../../ui/settings_menu.py" line="30"/>
        <source>标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/settings_menu.py" line="31"/>
        <source>较大</source>
        <translation>Large</translation>
    </message>
    <message>
        <location filename="../../ui/settings_menu.py" line="32"/>
        <source>特大</source>
        <translation>Extra large</translation>
    </message>
    <message>
        <location filename="../../ui/settings_menu.py" line="37"/>
        <source>中文</source>
        <translation>中文 (Chinese)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_menu.py" line="38"/>
        <source>英文 English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../ui/settings_menu.py" line="101"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_menu.py" line="101"/>
        <source>语言将在下次启动时生效。</source>
        <translation>The language will change the next time the program starts.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_menu.py" line="112"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_menu.py" line="115"/>
        <source>字体大小</source>
        <translation>Text size</translation>
    </message>
    <message>
        <location filename="../../ui/settings_menu.py" line="128"/>
        <source>语言 Language</source>
        <translation>Language 语言</translation>
    </message>
</context>
</TS>
