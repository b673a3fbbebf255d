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
        <location filename="../../ui/widgets/attachments.py" line="230"/>
        <source>{n} 页</source>
        <translation>{n} p.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="230"/>
        <source>无法显示</source>
        <translation>Cannot show</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="318"/>
        <source>这台电脑没有能打开 PDF 的程序。可以右键点这份材料，选“保存原件…”，再用别的电脑打开。</source>
        <translation>This computer has no program that opens PDF files. Right-click the document, choose “Save original…” and open it on another computer.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="331"/>
        <source>保存原件</source>
        <translation>Save original</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="332"/>
        <source>原来的格式 (*{suffix})</source>
        <translation>Original format (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="340"/>
        <source>无法保存到 {path}（{reason}）：请换一个文件夹或U盘</source>
        <translation>Cannot save to {path} ({reason}): choose another folder or USB stick</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="400"/>
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="406"/>
        <location filename="../../ui/widgets/attachments.py" line="850"/>
        <source>保存原件…</source>
        <translation>Save original…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="408"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="430"/>
        <source>这张图片无法显示（文件可能不完整）。可以“保存原件…”后用别的程序打开。</source>
        <translation>This picture cannot be shown (the file may be incomplete). Use “Save original…” and open it with another program.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="450"/>
        <source>来自：{source}</source>
        <translation>From: {source}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="451"/>
        <source>文件：{name}（{kind}，{size}）</source>
        <translation>File: {name} ({kind}, {size})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="460"/>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="461"/>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="513"/>
        <source>添加证明材料</source>
        <translation>Add supporting document</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="543"/>
        <source>如：送达回证、在读证明、家访照片</source>
        <translation>e.g. delivery receipt, enrolment certificate, home-visit photo</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="553"/>
        <source>可不填，如：接收学校盖章</source>
        <translation>Optional, e.g. stamped by the receiving school</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="562"/>
        <source>学生：</source>
        <translation>Student:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="563"/>
        <source>文件：</source>
        <translation>Files:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="564"/>
        <source>材料名称：</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="565"/>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="566"/>
        <source>说明：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="569"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="570"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="584"/>
        <source>找不到这名学生</source>
        <translation>Student not found</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="601"/>
        <source>{name}
不能添加</source>
        <translation>{name}
cannot be added</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="615"/>
        <source>没有选择文件</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="617"/>
        <source>正在读取文件…</source>
        <translation>Reading the files…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="620"/>
        <source>请取消后重新选择文件</source>
        <translation>Cancel and choose the files again</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="622"/>
        <source>请填写材料名称</source>
        <translation>Enter a title</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="737"/>
        <source>添加照片或扫描件…</source>
        <translation>Add photo or scan…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="740"/>
        <source>双击查看大图；右键可保存原件。</source>
        <translation>Double-click to view; right-click to save the original.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="744"/>
        <source>还没有证明材料。送达回证、在读证明、病历证明、家访照片等，可以拍照或扫描后点“添加照片或扫描件…”。</source>
        <translation>No supporting documents yet. Photograph or scan delivery receipts, enrolment certificates, medical certificates or home-visit photos, then click “Add photo or scan…”.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="849"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="859"/>
        <source>选择照片或扫描件</source>
        <translation>Choose photos or scans</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="860"/>
        <source>照片或扫描件 ({patterns})</source>
        <translation>Photos or scans ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="861"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="876"/>
        <source>已保存。注意：{warning}</source>
        <translation>Saved. Note: {warning}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/attachments.py" line="880"/>
        <source>已保存。</source>
        <translation>Saved.</translation>
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
        <location filename="../../ui/main_window.py" line="101"/>
        <source>控辍保学台账</source>
        <translation>Dropout Ledger</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <location filename="../../ui/main_window.py" line="306"/>
        <source>今日待办</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <location filename="../../ui/main_window.py" line="306"/>
        <source>学生名单</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>学生详情</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <location filename="../../ui/main_window.py" line="446"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>全部学生</source>
        <translation>All students</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>预警</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>疑似辍学</source>
        <translation>Suspected dropouts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150"/>
        <source>辍学</source>
        <translation>Dropped out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151"/>
        <source>劝返复学</source>
        <translation>Returned to school</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>送教上门</source>
        <translation>Taught at home</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153"/>
        <source>休学</source>
        <translation>On leave</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157"/>
        <source>选择要查看的学生名单</source>
        <translation>Choose which students to list</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>按姓名、身份证号或学籍号搜索</source>
        <translation>Search by name, ID number or student number</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>名单</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>查看：</source>
        <translation>View:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>年级：</source>
        <translation>Grade:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>按年级筛选</source>
        <translation>Filter by grade</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>按班级筛选</source>
        <translation>Filter by class</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>班级：</source>
        <translation>Class:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>按村筛选</source>
        <translation>Filter by village</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>村：</source>
        <translation>Village:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>按特殊群体筛选</source>
        <translation>Filter by special group</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>特殊群体：</source>
        <translation>Special group:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>留守</source>
        <translation>Left-behind</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>残疾</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>随班就读</source>
        <translation>Inclusive class</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>孤儿</source>
        <translation>Orphan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>事实无人抚养</source>
        <translation>De facto unsupported</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>困境</source>
        <translation>In difficulty</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>随迁</source>
        <translation>Migrant</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>住校</source>
        <translation>Boarding</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>操作</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>缺勤登记（本班）</source>
        <translation>Record absences (class)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>变更状态</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>登记劝返记录</source>
        <translation>Record a persuasion visit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298"/>
        <source>撤销上一步</source>
        <translation>Undo last change</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339"/>
        <source>请先在学生名单中选中一名学生</source>
        <translation>Select a student in the roster first</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>已撤销上一步操作</source>
        <translation>The last change was undone</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="421"/>
        <source>控辍保学台账 — {name}</source>
        <translation>Dropout Ledger — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="433"/>
        <source>共 {n} 名学生</source>
        <translation>Students: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="441"/>
        <source>名单没有加载成功</source>
        <translation>The roster could not be loaded</translation>
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
    <name>StudentView</name>
    <message>
        <location filename="../../ui/views/student_view.py" line="54"/>
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="54"/>
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="115"/>
        <source>资料不全</source>
        <translation>Incomplete record</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="121"/>
        <source>回证已签收</source>
        <translation>Receipt signed</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="123"/>
        <source>已送达，回证未签收</source>
        <translation>Delivered, receipt not signed</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="124"/>
        <source>未送达</source>
        <translation>Not delivered</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="161"/>
        <location filename="../../ui/views/student_view.py" line="444"/>
        <source>劝返记录</source>
        <translation>Persuasion visits</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="161"/>
        <source>基本信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="161"/>
        <source>状态与个案</source>
        <translation>Status and case</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="161"/>
        <source>资助与帮扶</source>
        <translation>Aid and support</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="162"/>
        <source>修改记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="172"/>
        <source>学生信息</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="216"/>
        <source>找不到这名学生</source>
        <translation>This student cannot be found</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="223"/>
        <location filename="../../ui/views/student_view.py" line="277"/>
        <location filename="../../ui/views/student_view.py" line="466"/>
        <source>证明材料</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="228"/>
        <source>（已撤销登记）</source>
        <translation>(registration withdrawn)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="234"/>
        <source>身份证号 {v}</source>
        <translation>ID number {v}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="235"/>
        <location filename="../../ui/views/student_view.py" line="236"/>
        <location filename="../../ui/views/student_view.py" line="391"/>
        <location filename="../../ui/views/student_view.py" line="393"/>
        <location filename="../../ui/views/student_view.py" line="395"/>
        <location filename="../../ui/views/student_view.py" line="397"/>
        <location filename="../../ui/views/student_view.py" line="398"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="236"/>
        <source>学籍号 {v}</source>
        <translation>Student no. {v}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="240"/>
        <source>当前状态：{status}</source>
        <translation>Current status: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="246"/>
        <source>预警原因：{reasons}</source>
        <translation>At risk: {reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="249"/>
        <source>预警原因：无</source>
        <translation>At risk: no</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="269"/>
        <source>证明材料与照片</source>
        <translation>Supporting documents and photos</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="270"/>
        <source>这名学生的全部照片和扫描件：单独添加的证明材料，以及劝返记录、通知书、法律文书、书面报告和销号所附的文件。</source>
        <translation>Every photo and scan for this student: documents added on their own, and files attached to visits, notices, legal documents, reports and case closures.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="296"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="318"/>
        <source>此条已撤销</source>
        <translation>This entry was withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="352"/>
        <source>撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="362"/>
        <source>身份与家庭</source>
        <translation>Identity and family</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="369"/>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="380"/>
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="381"/>
        <source>与学生关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="381"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="381"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="389"/>
        <source>（仅校长可见）</source>
        <translation>(principal only)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="406"/>
        <source>当前个案</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="408"/>
        <source>没有未销号的个案</source>
        <translation>No open case</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="412"/>
        <source>（未记录）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="413"/>
        <source>立案日期 {opened}　当前阶段：{stage}</source>
        <translation>Opened {opened}   Current stage: {stage}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="423"/>
        <source>状态变化</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="424"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="424"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="424"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="424"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="424"/>
        <source>销号</source>
        <translation>Closure</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="430"/>
        <source>劝返阶段</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="432"/>
        <source>全部个案</source>
        <translation>All cases</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="433"/>
        <source>包保教师</source>
        <translation>Responsible teacher</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="433"/>
        <source>立案日期</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="433"/>
        <source>辍学原因</source>
        <translation>Dropout reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="433"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="434"/>
        <source>销号原因</source>
        <translation>Closure reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="434"/>
        <source>销号日期</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="448"/>
        <source>劝返复学通知书</source>
        <translation>Return notices</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="452"/>
        <source>回证</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="453"/>
        <source>法律文书</source>
        <translation>Legal documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="457"/>
        <source>书面报告</source>
        <translation>Written reports</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="465"/>
        <source>证明材料（{n}）</source>
        <translation>Documents ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="471"/>
        <source>资助发放</source>
        <translation>Subsidies paid</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="475"/>
        <source>结对帮扶</source>
        <translation>Teacher pairing</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="479"/>
        <source>帮扶记录</source>
        <translation>Pairing log</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="482"/>
        <source>帮扶教师</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="484"/>
        <source>送教上门记录</source>
        <translation>Home-teaching sessions</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="492"/>
        <source>时间是当时那台电脑上的时间，电脑时钟不准时可能有出入。</source>
        <translation>Times are those of the computer that made the change; they may be off if its clock was wrong.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="496"/>
        <source>操作</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="496"/>
        <source>操作人</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="496"/>
        <source>本机时间</source>
        <translation>Computer time</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="496"/>
        <source>电脑</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="496"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="508"/>
        <source>{n} 份，见“证明材料”</source>
        <translation>{n}, see “Documents”</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="510"/>
        <source>附件</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="517"/>
        <source>已撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="517"/>
        <source>已撤销：{reason}</source>
        <translation>Withdrawn: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="533"/>
        <source>{reason}，依据：{evidence}</source>
        <translation>{reason}; evidence: {evidence}</translation>
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
        <source>报告表</source>
        <translation>Report form</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="41"/>
        <source>家访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="42"/>
        <source>劝返跟进</source>
        <translation>Case follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="43"/>
        <source>电话</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="44"/>
        <source>月报</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="50"/>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="50"/>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="51"/>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="51"/>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="52"/>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="52"/>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="53"/>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="69"/>
        <source>{y}年{m}月{d}日 {weekday}</source>
        <translation>{weekday}, {y}-{m}-{d}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="92"/>
        <source>事项</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="93"/>
        <source>学生</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="94"/>
        <source>年级班级</source>
        <translation>Grade and class</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="95"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="96"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="121"/>
        <source>今天没有待办事项</source>
        <translation>Nothing is due today</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="136"/>
        <source>今日待办</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="137"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="194"/>
        <source>待办事项没有加载成功</source>
        <translation>The task list could not be loaded</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="199"/>
        <source>今日待办 · {date}</source>
        <translation>Today · {date}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="207"/>
        <source>按县里定的标准，今天没有需要跟进的学生。</source>
        <translation>By the county&apos;s thresholds, no pupil needs follow-up today.</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="211"/>
        <source>{kind} {n} 件</source>
        <translation>{kind}: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="213"/>
        <source>今天有 {n} 件事要办</source>
        <translation>{n} tasks today</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="216"/>
        <source>，其中紧急 {n} 件</source>
        <translation>, {n} urgent</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="217"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="217"/>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="223"/>
        <source>今天要办</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="223"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="240"/>
        <source>{title}（{n} 件）</source>
        <translation>{title} ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="272"/>
        <source>双击或按回车键打开学生页面</source>
        <translation>Double-click or press Enter to open the student</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="50"/>
        <source>电话</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="51"/>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="52"/>
        <source>家访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="53"/>
        <source>联合家访</source>
        <translation>Joint home visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="54"/>
        <source>法律文书送达</source>
        <translation>Legal document served</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="57"/>
        <source>配合</source>
        <translation>Cooperative</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="58"/>
        <source>犹豫</source>
        <translation>Hesitant</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="59"/>
        <source>拒绝</source>
        <translation>Refusing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="60"/>
        <source>联系不上</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="82"/>
        <source>劝返记录</source>
        <translation>Persuasion visits</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="90"/>
        <source>正在读取学生信息…</source>
        <translation>Reading the student…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="108"/>
        <source>多人用顿号或逗号分隔，如：张老师、村主任</source>
        <translation>Separate several people with commas, e.g. Ms Zhang, village head</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="110"/>
        <source>如：学生母亲</source>
        <translation>e.g. the pupil&apos;s mother</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="112"/>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="128"/>
        <source>学生：</source>
        <translation>Student:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="129"/>
        <source>个案：</source>
        <translation>Case:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="130"/>
        <source>劝返日期：</source>
        <translation>Visit date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="131"/>
        <source>方式：</source>
        <translation>Mode:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="132"/>
        <source>参加人员：</source>
        <translation>Participants:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="133"/>
        <source>见到何人：</source>
        <translation>Met:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="134"/>
        <source>家长和学生态度：</source>
        <translation>Attitude:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="135"/>
        <source>承诺或结果：</source>
        <translation>Promise or result:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="136"/>
        <source>下一步：</source>
        <translation>Next step:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="140"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="143"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="159"/>
        <source>找不到这名学生。</source>
        <translation>This student cannot be found.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="166"/>
        <source>无（该生没有未销号的个案）</source>
        <translation>None (no open case for this pupil)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="166"/>
        <source>本次记录归入该生的辍学个案</source>
        <translation>This visit is filed under the pupil&apos;s dropout case</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="175"/>
        <source>正在读取学生信息</source>
        <translation>Reading the student</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="177"/>
        <source>请填写参加人员</source>
        <translation>Enter the participants</translation>
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
