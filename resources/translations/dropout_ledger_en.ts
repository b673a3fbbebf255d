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
        <location filename="../../ui/dialogs/student_dialog.py" line="785"/>
        <source>请填写姓名</source>
        <translation>enter the name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="785"/>
        <source>请选择年级</source>
        <translation>choose the grade</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="833"/>
        <source>注意：{notes}</source>
        <translation>Note: {notes}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="837"/>
        <source>还不能保存：{reasons}</source>
        <translation>Cannot save yet: {reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="839"/>
        <source>还没有改动</source>
        <translation>Nothing changed yet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="842"/>
        <source>保存（在备注栏按回车也可保存）</source>
        <translation>Save (Enter in the note field saves too)</translation>
    </message>
</context>
<context>
    <name>StudentView</name>
    <message>
        <location filename="../../ui/views/student_view.py" line="46"/>
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="46"/>
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="104"/>
        <source>资料不全</source>
        <translation>Incomplete record</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="110"/>
        <source>回证已签收</source>
        <translation>Receipt signed</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="112"/>
        <source>已送达，回证未签收</source>
        <translation>Delivered, receipt not signed</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="113"/>
        <source>未送达</source>
        <translation>Not delivered</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="150"/>
        <location filename="../../ui/views/student_view.py" line="413"/>
        <source>劝返记录</source>
        <translation>Persuasion visits</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="150"/>
        <source>基本信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="150"/>
        <source>状态与个案</source>
        <translation>Status and case</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="150"/>
        <source>资助与帮扶</source>
        <translation>Aid and support</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="151"/>
        <source>修改记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="160"/>
        <source>学生信息</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="203"/>
        <source>找不到这名学生</source>
        <translation>This student cannot be found</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="212"/>
        <source>（已撤销登记）</source>
        <translation>(registration withdrawn)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="218"/>
        <source>身份证号 {v}</source>
        <translation>ID number {v}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="219"/>
        <location filename="../../ui/views/student_view.py" line="220"/>
        <location filename="../../ui/views/student_view.py" line="360"/>
        <location filename="../../ui/views/student_view.py" line="362"/>
        <location filename="../../ui/views/student_view.py" line="364"/>
        <location filename="../../ui/views/student_view.py" line="366"/>
        <location filename="../../ui/views/student_view.py" line="367"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="220"/>
        <source>学籍号 {v}</source>
        <translation>Student no. {v}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="224"/>
        <source>当前状态：{status}</source>
        <translation>Current status: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="230"/>
        <source>预警原因：{reasons}</source>
        <translation>At risk: {reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="233"/>
        <source>预警原因：无</source>
        <translation>At risk: no</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="265"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="287"/>
        <source>此条已撤销</source>
        <translation>This entry was withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="321"/>
        <source>撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="331"/>
        <source>身份与家庭</source>
        <translation>Identity and family</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="338"/>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="349"/>
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="350"/>
        <source>与学生关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="350"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="350"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="358"/>
        <source>（仅校长可见）</source>
        <translation>(principal only)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="375"/>
        <source>当前个案</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="377"/>
        <source>没有未销号的个案</source>
        <translation>No open case</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="381"/>
        <source>（未记录）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="382"/>
        <source>立案日期 {opened}　当前阶段：{stage}</source>
        <translation>Opened {opened}   Current stage: {stage}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="392"/>
        <source>状态变化</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="393"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="393"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="393"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="393"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="393"/>
        <source>销号</source>
        <translation>Closure</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="399"/>
        <source>劝返阶段</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="401"/>
        <source>全部个案</source>
        <translation>All cases</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="402"/>
        <source>包保教师</source>
        <translation>Responsible teacher</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="402"/>
        <source>立案日期</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="402"/>
        <source>辍学原因</source>
        <translation>Dropout reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="402"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="403"/>
        <source>销号原因</source>
        <translation>Closure reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="403"/>
        <source>销号日期</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="417"/>
        <source>劝返复学通知书</source>
        <translation>Return notices</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="420"/>
        <source>回证</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="421"/>
        <source>法律文书</source>
        <translation>Legal documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="425"/>
        <source>书面报告</source>
        <translation>Written reports</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="432"/>
        <source>资助发放</source>
        <translation>Subsidies paid</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="436"/>
        <source>结对帮扶</source>
        <translation>Teacher pairing</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="440"/>
        <source>帮扶记录</source>
        <translation>Pairing log</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="443"/>
        <source>帮扶教师</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="445"/>
        <source>送教上门记录</source>
        <translation>Home-teaching sessions</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="453"/>
        <source>时间是当时那台电脑上的时间，电脑时钟不准时可能有出入。</source>
        <translation>Times are those of the computer that made the change; they may be off if its clock was wrong.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="457"/>
        <source>操作</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="457"/>
        <source>操作人</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="457"/>
        <source>本机时间</source>
        <translation>Computer time</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="457"/>
        <source>电脑</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="457"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="466"/>
        <source>已撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="466"/>
        <source>已撤销：{reason}</source>
        <translation>Withdrawn: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="482"/>
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
