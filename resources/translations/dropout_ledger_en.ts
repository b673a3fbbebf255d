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
    <name>Accounts</name>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="58"/>
        <source>校长</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="59"/>
        <source>学籍管理员</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="60"/>
        <source>班主任</source>
        <translation>Class teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="61"/>
        <source>县教育局工作人员</source>
        <translation>County clerk</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="73"/>
        <source>全校</source>
        <translation>Whole school</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="74"/>
        <source>{grade} {name}</source>
        <translation>{grade} {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="80"/>
        <source>{name}（{role}，{cls}）</source>
        <translation>{name} ({role}, {cls})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="83"/>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="90"/>
        <source>请输入密码（至少 {n} 个字符）</source>
        <translation>Enter a password (at least {n} characters)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="92"/>
        <source>密码至少要 {n} 个字符</source>
        <translation>The password needs at least {n} characters</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="94"/>
        <source>密码不能与账户名或姓名相同</source>
        <translation>The password must differ from the account name and the name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="96"/>
        <source>两次输入的密码不一样</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="135"/>
        <source>忘记密码：请校长在“设置 → 账户管理”中重设。校长忘记密码，请县教育局出具重设文件，台账中的资料不会丢失。</source>
        <translation>Forgot your password? The principal resets it in Settings → Accounts. If the principal forgot theirs, the county education bureau issues a reset file; no data in the ledger is lost.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="174"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="261"/>
        <source>登录 — 控辍保学台账</source>
        <translation>Log in — Dropout Ledger</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="185"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="266"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="353"/>
        <source>例如 zhangwei</source>
        <translation>e.g. zhangwei</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="191"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="272"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="364"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="497"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="730"/>
        <source>账户名：</source>
        <translation>Account:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="192"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="273"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="499"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="195"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="276"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="196"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="277"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="507"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="230"/>
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="281"/>
        <source>忘记密码？用县里的恢复文件…</source>
        <translation>Forgot the password? Use the county&apos;s recovery file…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="283"/>
        <source>忘记密码？用保险柜里的恢复码…</source>
        <translation>Forgot the password? Use the recovery code from the safe…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="342"/>
        <source>用保险柜里的恢复码重设密码</source>
        <translation>Reset a password with the recovery code from the safe</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="343"/>
        <source>用县里的恢复文件重设密码</source>
        <translation>Reset a password with the county&apos;s recovery file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="346"/>
        <source>县教育局出具的恢复文件</source>
        <translation>Recovery file issued by the county education bureau</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="347"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="355"/>
        <source>16 位，例如 AB12-CD34-EF56-GH78</source>
        <translation>16 characters, e.g. AB12-CD34-EF56-GH78</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="360"/>
        <source>恢复文件：</source>
        <translation>Recovery file:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="365"/>
        <source>恢复码：</source>
        <translation>Recovery code:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="366"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="625"/>
        <source>新密码：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="367"/>
        <source>再输入一次：</source>
        <translation>Repeat:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="371"/>
        <source>重设密码并打开台账</source>
        <translation>Reset the password and open the ledger</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="372"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="630"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="743"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="376"/>
        <source>请输入制作恢复码时抄在纸上、锁在保险柜里的 16 位恢复码。</source>
        <translation>Enter the 16-character recovery code that was written on paper and locked in the safe when it was made.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="377"/>
        <source>请县教育局用本校的钥匙文件（台账旁边的“.keys”文件）出具恢复文件，恢复码由县里另行告知校长本人。恢复文件只能用一次。</source>
        <translation>Ask the county education bureau to issue a recovery file from this school&apos;s key file (the “.keys” file beside the ledger); the county tells the principal the recovery code separately. A recovery file works only once.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="391"/>
        <source>选择县里的恢复文件</source>
        <translation>Choose the county&apos;s recovery file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="397"/>
        <source>请选择县教育局出具的恢复文件</source>
        <translation>Choose the recovery file issued by the county education bureau</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="399"/>
        <source>请输入要重设密码的账户名</source>
        <translation>Enter the account whose password is to be reset</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="401"/>
        <source>请输入 16 位恢复码</source>
        <translation>Enter the 16-character recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="401"/>
        <source>请输入县里给的 16 位恢复码</source>
        <translation>Enter the 16-character recovery code from the county</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="427"/>
        <source>无法读取恢复文件：{reason}</source>
        <translation>Cannot read the recovery file: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="433"/>
        <source>密码已重设。请用新密码登录。</source>
        <translation>The password was reset. Log in with the new password.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="475"/>
        <source>创建校长账户</source>
        <translation>Create the principal&apos;s account</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="481"/>
        <source>登录时输入，例如 zhangwei</source>
        <translation>typed at every login, e.g. zhangwei</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="483"/>
        <source>例如 张伟</source>
        <translation>e.g. Zhang Wei</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="485"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="616"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="721"/>
        <source>至少 {n} 个字符</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="488"/>
        <source>请记住这个密码。校长可以为其他老师开账户、重设他们的密码；校长本人忘记密码时，需要县教育局出具重设文件。</source>
        <translation>Remember this password. The principal opens accounts for the other teachers and resets their passwords; if the principal forgets their own, the county education bureau must issue a reset file.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="498"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="731"/>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="500"/>
        <source>再次输入密码：</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="503"/>
        <source>创建并登录</source>
        <translation>Create and log in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="505"/>
        <source>使用演示校长账户</source>
        <translation>Use a demo principal account</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="528"/>
        <source>“{school}”的台账还没有账户。请先为{role}创建账户：以后每次打开台账都要登录，班主任只能看到本班学生。</source>
        <translation>The ledger of “{school}” has no accounts yet. Create the account of the {role} first: from now on everyone logs in to open the ledger, and class teachers see only their own class.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="532"/>
        <source>创建管理员账户</source>
        <translation>Create the administrator&apos;s account</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="538"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="768"/>
        <source>请填写账户名</source>
        <translation>Enter an account name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="540"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="770"/>
        <source>账户名不能含空格</source>
        <translation>The account name cannot contain spaces</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="584"/>
        <source>已创建演示校长账户。账户名：{name}　密码：{password}
密码只显示这一次，请记下来：下次打开台账时要用。</source>
        <translation>A demo principal account was created. Account: {name}   Password: {password}
The password is shown only this once: write it down, you need it the next time you open the ledger.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="592"/>
        <source>进入台账</source>
        <translation>Open the ledger</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="613"/>
        <source>修改我的密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="613"/>
        <source>重设密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="621"/>
        <source>原密码：</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="624"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="733"/>
        <source>账户：</source>
        <translation>Account:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="626"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="739"/>
        <source>再次输入：</source>
        <translation>Again:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="629"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="742"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="637"/>
        <source>请把新密码当面告诉本人，并请他（她）登录后自己再改一次。</source>
        <translation>Tell the new password to the person face to face, and ask them to change it again after logging in.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="645"/>
        <source>请输入原密码</source>
        <translation>Enter the current password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="687"/>
        <source>修改角色与班级</source>
        <translation>Change role and class</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="687"/>
        <source>新增账户</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="707"/>
        <source>登录时输入，例如 lihua</source>
        <translation>typed at every login, e.g. lihua</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="709"/>
        <source>例如 李华</source>
        <translation>e.g. Li Hua</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="714"/>
        <source>请选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="719"/>
        <source>例如 2班</source>
        <translation>e.g. 2班</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="734"/>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="735"/>
        <source>负责年级：</source>
        <translation>Grade:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="736"/>
        <source>负责班级：</source>
        <translation>Class:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="738"/>
        <source>初始密码：</source>
        <translation>First password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="748"/>
        <source>班主任只能看到、登记本班学生，身份证号隐去中间部分，不能导出或打印名单。</source>
        <translation>A class teacher sees and records only the pupils of her class, with ID numbers partly hidden, and cannot export or print lists.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="773"/>
        <source>班主任账户须选择负责的年级和班级</source>
        <translation>Choose the grade and class of the class teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="836"/>
        <source>账户名</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="837"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="838"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="839"/>
        <source>负责班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="840"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="847"/>
        <source>账户管理</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="857"/>
        <source>新增账户…</source>
        <translation>New account…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="858"/>
        <source>角色与班级…</source>
        <translation>Role and class…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="859"/>
        <source>重设密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="860"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="861"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="956"/>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="862"/>
        <source>制作恢复码…</source>
        <translation>Make a recovery code…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="863"/>
        <source>所有密码都忘了时用来打开台账的 16 位恢复码：抄在纸上锁进保险柜。重新制作后旧的作废。</source>
        <translation>A 16-character code that opens the ledger when every password is forgotten: write it on paper and lock it in the safe. Making a new one voids the old.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="865"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="873"/>
        <source>每位老师用自己的账户登录。登录、登录失败、锁定和角色变更都记入台账的审计记录；密码只保存在本机，不会同步到县里。</source>
        <translation>Every teacher logs in with their own account. Logins, failed logins, lockouts and role changes are recorded in the ledger&apos;s audit trail; passwords stay on this computer and are never synced to the county.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="905"/>
        <source>恢复码</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="908"/>
        <source>恢复码：{code}</source>
        <translation>Recovery code: {code}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="910"/>
        <source>请抄在纸上，两人签字后锁进保险柜。所有密码都忘了时，在登录窗口点“忘记密码？用保险柜里的恢复码”，用它重设密码。恢复码只显示这一次；重新制作后旧的作废。</source>
        <translation>Write it on paper, have two people sign it, and lock it in the safe. If every password is forgotten, click “Forgot the password? Use the recovery code from the safe” at login and reset a password with it. The code is shown only this once; making a new one voids the old.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="922"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="922"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="923"/>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="955"/>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="991"/>
        <source>停用账户</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="992"/>
        <source>停用“{name}”后，这个账户不能再登录；它做过的记录都保留。确定停用吗？</source>
        <translation>After disabling “{name}”, this account can no longer log in; everything it recorded is kept. Disable it?</translation>
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
    <name>AuditDialog</name>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="41"/>
        <source>导出Excel</source>
        <translation>Excel export</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="42"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="43"/>
        <source>导入花名册</source>
        <translation>Roster import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="44"/>
        <source>导入核查名单</source>
        <translation>List import (reconciliation)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="45"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="46"/>
        <source>备份到U盘或文件</source>
        <translation>Backup to USB stick or file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="47"/>
        <source>立即备份</source>
        <translation>Backup now</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="48"/>
        <source>登录</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="49"/>
        <source>登录失败</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="50"/>
        <source>退出登录</source>
        <translation>Logout</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="51"/>
        <source>新建账户</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="52"/>
        <source>更改角色</source>
        <translation>Role change</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="53"/>
        <source>账户锁定</source>
        <translation>Account locked</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="54"/>
        <source>解除锁定</source>
        <translation>Account unlocked</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="55"/>
        <source>停用账户</source>
        <translation>Account disabled</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="56"/>
        <source>启用账户</source>
        <translation>Account enabled</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="57"/>
        <source>修改密码</source>
        <translation>Password change</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="58"/>
        <source>重置密码</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="59"/>
        <source>密码存储升级</source>
        <translation>Password hash upgraded</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="60"/>
        <source>登记学校入网</source>
        <translation>School enrolled</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="61"/>
        <source>确认学校入网</source>
        <translation>School enrolment confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="62"/>
        <source>加入县级台账</source>
        <translation>Joined the county ledger</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="63"/>
        <source>更换密钥</source>
        <translation>Key change</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="64"/>
        <source>导出同步文件</source>
        <translation>Sync file exported</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="65"/>
        <source>导入同步文件</source>
        <translation>Sync file imported</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="66"/>
        <source>发布县级名单</source>
        <translation>County list published</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="67"/>
        <source>阅读县里通知</source>
        <translation>County notice read</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="68"/>
        <source>分叉后启用新副本</source>
        <translation>New replica after a fork</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="69"/>
        <source>对县里更正提出异议</source>
        <translation>Disputed a county correction</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="85"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="86"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="87"/>
        <source>操作</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="88"/>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="95"/>
        <source>操作日志</source>
        <translation>Operation log</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="107"/>
        <source>全部操作</source>
        <translation>All operations</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="118"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="119"/>
        <source>打印“到”日期所在月份的操作日志，供县里检查。</source>
        <translation>Print the operation log of the month of the &quot;to&quot; date, for the county&apos;s inspection.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="121"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="125"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="125"/>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="132"/>
        <source>学生身份证号已隐去中间数字。日志是台账记录的一部分，不能修改或删除。</source>
        <translation>Pupils&apos; ID numbers are shown with their middle digits hidden. The log is part of the ledger&apos;s records and cannot be changed or deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="179"/>
        <source>共 {n} 条</source>
        <translation>{n} entries</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="45"/>
        <source>每日自动备份</source>
        <translation>Daily automatic backup</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="46"/>
        <source>导入名单前</source>
        <translation>Before roster import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="47"/>
        <source>同步合并前</source>
        <translation>Before sync merge</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="48"/>
        <source>恢复前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="49"/>
        <source>升级前</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="50"/>
        <source>手动备份</source>
        <translation>Manual backup</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="60"/>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="61"/>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="68"/>
        <source>备份时间</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="69"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="70"/>
        <source>学生数</source>
        <translation>Students</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="71"/>
        <source>记录数</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="72"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="73"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="81"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="84"/>
        <source>台账会自动备份：每次导入名单、恢复之前各备份一次，每天第一次打开时备份一次。保留最近 {events} 次操作前的备份和最近 {days} 天的每日备份。备份只在这台电脑上，电脑坏了或丢了也就没了：请定期“备份到U盘”，U盘另外保管。</source>
        <translation>The ledger backs itself up before every roster import and restore, and the first time it is opened each day. The last {events} operation backups and the last {days} daily backups are kept. These backups live on this computer only and are lost with it: regularly use &quot;Back up to USB stick&quot; and keep the stick elsewhere.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="106"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="108"/>
        <source>备份到U盘…</source>
        <translation>Back up to USB stick…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="110"/>
        <source>从此备份恢复…</source>
        <translation>Restore from this backup…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="112"/>
        <source>打开备份文件夹</source>
        <translation>Open backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="114"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="157"/>
        <source>完好</source>
        <translation>Intact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="157"/>
        <source>已损坏，不能用来恢复</source>
        <translation>Damaged, cannot be restored</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="169"/>
        <source>还没有备份。点“立即备份”备份一次。</source>
        <translation>No backups yet. Click &quot;Back up now&quot; to make one.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="185"/>
        <source>先在列表中选中一个备份。</source>
        <translation>First choose a backup in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="187"/>
        <source>这个备份已损坏，不能用来恢复。请选择另一个。</source>
        <translation>This backup is damaged and cannot be restored. Choose another one.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="203"/>
        <source>已备份：{name}</source>
        <translation>Backed up: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="210"/>
        <source>选择U盘或文件夹</source>
        <translation>Choose a USB stick or folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="225"/>
        <source>已备份到：{path}。请等U盘的指示灯停止闪烁后再拔出。</source>
        <translation>Backed up to: {path}. Wait until the stick&apos;s light stops blinking before pulling it out.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="229"/>
        <source>没有备份成功。</source>
        <translation>The backup did not succeed.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="234"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="235"/>
        <source>确定把台账恢复成 {time} 的备份（{students} 名学生）吗？

这个时间以后录入的所有内容（学生、缺课、家访、状态变化等）都会从台账中消失。
恢复之前，现在的台账会自动再备份一份（原因为“恢复前”），需要时可以从它恢复回来。
恢复后本机作为新的副本继续记录，与县里同步时县里能看出这是一次恢复。</source>
        <translation>Restore the ledger to the backup of {time} ({students} students)?

Everything entered after that time (students, absences, visits, status changes, …) will disappear from the ledger.
Before restoring, the current ledger is backed up once more (reason &quot;Before restore&quot;), so you can restore it again if needed.
After the restore this computer continues as a new replica; the county will see it was a restore when syncing.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="252"/>
        <source>已恢复到 {time} 的备份。</source>
        <translation>Restored to the backup of {time}.</translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <location filename="../../ui/widgets/charts.py" line="107"/>
        <source>数值：{value}</source>
        <translation>Value: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="109"/>
        <source>目标：{value}</source>
        <translation>Target: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="112"/>
        <source>分子 ÷ 分母：{detail}</source>
        <translation>Numerator ÷ denominator: {detail}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="90"/>
        <source>本校</source>
        <translation>this school</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="91"/>
        <source>本县</source>
        <translation>this county</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="92"/>
        <source>县教育局</source>
        <translation>the county bureau</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="106"/>
        <source>本机时间 {time}</source>
        <translation>their computer&apos;s time {time}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="115"/>
        <source>采用{who}</source>
        <translation>Use {who}&apos;s value</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="116"/>
        <source>采用{who}（{operator}）</source>
        <translation>Use {who}&apos;s value ({operator})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="134"/>
        <source>同步冲突与更正</source>
        <translation>Sync conflicts and corrections</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="137"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="139"/>
        <source>本校和县教育局（或两台电脑）对同一项填了不同的内容。处理之前，各处暂按标有“当前显示”的值显示，工作不受影响。请核实后选择正确的值；选择会在下次同步时告诉对方。</source>
        <translation>This school and the county bureau (or two computers) entered different values for the same item. Until you decide, the value marked &quot;shown now&quot; is used everywhere, so work goes on. Please check and choose the right value; your choice reaches the other side with the next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="150"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="191"/>
        <source>没有待核对的项目。</source>
        <translation>Nothing to check.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="192"/>
        <source>其余 {n} 项已选择“稍后”，下次打开时再显示。</source>
        <translation>The other {n} items were put off with &quot;Later&quot;; they show again next time.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="203"/>
        <source>待核对 0 项。</source>
        <translation>0 items to check.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="205"/>
        <source>待核对 {n} 项，涉及学生 {pupils} 人。</source>
        <translation>{n} items to check, for {pupils} pupils.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="207"/>
        <source>这里先列出前 {n} 项。</source>
        <translation>The first {n} are listed here.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="215"/>
        <source>（资料不全的学生）</source>
        <translation>(pupil with incomplete record)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="216"/>
        <source>{name}（{where}）</source>
        <translation>{name} ({where})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="218"/>
        <source>单位信息与设置</source>
        <translation>Organisation and settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="255"/>
        <source>（当前显示）</source>
        <translation> (shown now)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="257"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="285"/>
        <source>原值：{value}</source>
        <translation>Earlier value: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="290"/>
        <source>{record}的{field}</source>
        <translation>{field} of {record}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="295"/>
        <source>{who}填写</source>
        <translation>Entered by {who}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="301"/>
        <source>改为其他…</source>
        <translation>Something else…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="302"/>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="323"/>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="346"/>
        <source>稍后</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="308"/>
        <source>{who}已将{field}更正为 {new}（原填 {old}）</source>
        <translation>{who} corrected {field} to {new} (was {old})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="309"/>
        <source>空</source>
        <translation>empty</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="316"/>
        <source>本校已于 {time} 提出异议，等待县教育局答复；在此之前按县里的更正显示。</source>
        <translation>This school objected on {time} and awaits the county bureau&apos;s answer; until then the county&apos;s correction is shown.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="321"/>
        <source>知道了</source>
        <translation>Noted</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="322"/>
        <source>提出异议…</source>
        <translation>Object…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="326"/>
        <source>状态冲突：两边记录的学籍状态不同</source>
        <translation>Status conflict: the two sides recorded different statuses</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="331"/>
        <source>{who}记录</source>
        <translation>Recorded by {who}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="332"/>
        <source>保留这一条…</source>
        <translation>Keep this one…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="343"/>
        <source>原状态：{value}</source>
        <translation>Earlier status: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="357"/>
        <source>改为其他</source>
        <translation>Something else</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="357"/>
        <source>请输入{field}的正确值：</source>
        <translation>The correct value of {field}:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="364"/>
        <source>提出异议</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="364"/>
        <source>请写明{field}哪里不对、正确的应是什么、有什么依据（如户口本、出生证明）。异议会在下次同步时交给县教育局：</source>
        <translation>Say what is wrong with {field}, what it should be, and on what evidence (household register, birth certificate). The objection goes to the county bureau with the next sync:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="372"/>
        <source>保留“{kept}”，撤销另一条。请写明另一条为什么不对：</source>
        <translation>Keep &quot;{kept}&quot; and withdraw the other. Why is the other one wrong?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="372"/>
        <source>保留这一条状态</source>
        <translation>Keep this status</translation>
    </message>
</context>
<context>
    <name>CountyDialogs</name>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="55"/>
        <source>待学校加入</source>
        <translation>waiting for the school to join</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="56"/>
        <source>已核对指纹，待收到同步文件</source>
        <translation>digits checked, no sync file yet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="57"/>
        <source>已收到同步文件，待核对指纹</source>
        <translation>sync file received, digits to check</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="58"/>
        <source>已确认</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="59"/>
        <source>密钥已注销</source>
        <translation>key revoked</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="94"/>
        <source>登记学校（制作入网文件）</source>
        <translation>Enrol a school (make its enrolment file)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="105"/>
        <source>请确认盖章通知上印的就是这六组数字。学校入网后，收到学校的入网回执时，请用“县级 → 确认学校密钥”核对学校的指纹。</source>
        <translation>Make sure the stamped notice prints exactly these six groups. When the school&apos;s enrolment receipt comes back, check the school&apos;s fingerprint with &quot;County → Confirm a school&apos;s key&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="110"/>
        <source>制作入网文件</source>
        <translation>Make enrolment file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="113"/>
        <location filename="../../ui/dialogs/county_dialogs.py" line="271"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="131"/>
        <source>为一所学校制作入网文件。把入网文件（可放在U盘上）和加盖公章、印有本县密钥指纹的通知一起交给学校；学校加入后会打印入网回执交回。</source>
        <translation>Make a school&apos;s enrolment file. Give the school the file (a USB stick will do) together with the stamped notice that prints this county&apos;s key fingerprint; after joining, the school prints an enrolment receipt and hands it back.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="136"/>
        <source>10 位学校标识码</source>
        <translation>10-digit school code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="139"/>
        <source>学校全称，与学籍系统一致</source>
        <translation>Full school name, as in the student registry</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="142"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="149"/>
        <source>学校标识码：</source>
        <translation>School code:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="150"/>
        <source>学校名称：</source>
        <translation>School name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="151"/>
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="160"/>
        <source>入网文件-{code}-{name}.dlpkg</source>
        <translation>enrolment-{code}-{name}.dlpkg</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="167"/>
        <source>保存入网文件</source>
        <translation>Save enrolment file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="167"/>
        <source>入网文件 (*.dlpkg)</source>
        <translation>Enrolment file (*.dlpkg)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="178"/>
        <source>请填写学校标识码</source>
        <translation>Enter the school code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="182"/>
        <source>请填写学校名称</source>
        <translation>Enter the school name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="211"/>
        <source>已登记{name}（{code}），入网文件已保存：{path}
本县的密钥指纹是：</source>
        <translation>{name} ({code}) is enrolled; its enrolment file is saved: {path}
This county&apos;s key fingerprint is:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="248"/>
        <source>确认学校密钥</source>
        <translation>Confirm a school&apos;s key</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="250"/>
        <source>请按学校交回的盖章入网回执（或电话里校长逐组读出的数字）输入学校的 30 位密钥指纹。数字一致，才会导入这所学校的同步文件。</source>
        <translation>Type the school&apos;s 30-digit key fingerprint from its stamped enrolment receipt (or as the principal reads the groups on the phone). The school&apos;s sync files are imported only when the digits match.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="256"/>
        <source>例如 12345 67890 12345 67890 12345 67890</source>
        <translation>e.g. 12345 67890 12345 67890 12345 67890</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="258"/>
        <source>学校：</source>
        <translation>School:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="259"/>
        <source>回执上的指纹：</source>
        <translation>Fingerprint on the receipt:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="268"/>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="298"/>
        <source>请选择学校…</source>
        <translation>Choose a school…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="300"/>
        <source>{name}（{code}）— {state}</source>
        <translation>{name} ({code}) — {state}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="313"/>
        <source>请选择学校</source>
        <translation>Choose a school</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="314"/>
        <source>还没有登记学校：请先用“登记学校（制作入网文件）”</source>
        <translation>No school is enrolled yet: use &quot;Enrol a school (make its enrolment file)&quot; first</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="317"/>
        <source>指纹只能输入数字（组与组之间可以留空格）</source>
        <translation>The fingerprint is digits only (spaces between groups are fine)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="319"/>
        <source>请输入回执上的 30 位数字</source>
        <translation>Type the 30 digits on the receipt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="321"/>
        <source>指纹应为 30 位数字，现在是 {n} 位</source>
        <translation>The fingerprint has 30 digits; {n} typed so far</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="361"/>
        <source>已确认{name}的密钥，今后收到的该校同步文件会直接导入。</source>
        <translation>{name}&apos;s key is confirmed; its sync files will be imported from now on.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="363"/>
        <source>已记下{name}的指纹。该校的第一个同步文件到达时，密钥与这些数字一致就会直接导入。</source>
        <translation>{name}&apos;s fingerprint is noted. Its first sync file will be imported as soon as it arrives if its key has these digits.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/county_dialogs.py" line="367"/>
        <source>暂存的 {n} 个同步文件已处理，结果见下。</source>
        <translation>{n} held sync files were processed; see below.</translation>
    </message>
</context>
<context>
    <name>CountyView</name>
    <message>
        <location filename="../../ui/county_view.py" line="46"/>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="47"/>
        <location filename="../../ui/county_view.py" line="63"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="48"/>
        <source>密钥</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="49"/>
        <source>最近导入</source>
        <translation>Last import</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="50"/>
        <source>记录数</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="51"/>
        <source>断档</source>
        <translation>Gaps</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="52"/>
        <source>分叉</source>
        <translation>Forks</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="53"/>
        <location filename="../../ui/county_view.py" line="66"/>
        <source>待核对冲突</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="54"/>
        <location filename="../../ui/county_view.py" line="65"/>
        <source>在籍人数</source>
        <translation>On roll</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="55"/>
        <source>身份待核</source>
        <translation>Identity cases</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="56"/>
        <location filename="../../ui/county_view.py" line="67"/>
        <source>小学辍学率</source>
        <translation>Primary dropout</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="57"/>
        <location filename="../../ui/county_view.py" line="68"/>
        <source>初中辍学率</source>
        <translation>Junior dropout</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="58"/>
        <location filename="../../ui/county_view.py" line="69"/>
        <source>巩固率</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="59"/>
        <location filename="../../ui/county_view.py" line="70"/>
        <source>入学率</source>
        <translation>Enrolment</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="60"/>
        <location filename="../../ui/county_view.py" line="71"/>
        <source>距目标</source>
        <translation>From target</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="64"/>
        <source>学校数</source>
        <translation>Schools</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="74"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="75"/>
        <source>待确认</source>
        <translation>Awaiting confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="76"/>
        <source>已注销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="77"/>
        <source>未入网</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="106"/>
        <source>无数据</source>
        <translation>No data</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="107"/>
        <source>{label}
分子 {n} ÷ 分母 {d}</source>
        <translation>{label}
numerator {n} ÷ denominator {d}</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="110"/>
        <source>不低于</source>
        <translation>at least</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="110"/>
        <source>不高于</source>
        <translation>at most</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="111"/>
        <source>目标：{rule} {value}</source>
        <translation>Target: {rule} {value}</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="120"/>
        <source>没有可与目标比较的数字</source>
        <translation>No figure to compare with a target</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="122"/>
        <source>差 {value} 个百分点</source>
        <translation>{value} points off</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="124"/>
        <source>最差的一项比县定目标差这么多</source>
        <translation>How far the worst figure misses the county target</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="125"/>
        <source>达标</source>
        <translation>On target</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="126"/>
        <source>有数字的各项都达到县定目标，最接近的一项还有 {value} 个百分点余量</source>
        <translation>Every figure with a value meets the county&apos;s target; the closest is {value} percentage points inside it</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="152"/>
        <location filename="../../ui/county_view.py" line="306"/>
        <source>县级汇总</source>
        <translation>County overview</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="154"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="156"/>
        <source>身份核查</source>
        <translation>Identity checks</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="157"/>
        <source>同一学生在两所学校在籍、转出与转入待核实</source>
        <translation>One pupil on two schools&apos; rolls; transfers out and in to verify</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="159"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="168"/>
        <source>乡镇与全县</source>
        <translation>Townships and county</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="206"/>
        <source>县级汇总没有加载成功</source>
        <translation>The county overview could not be loaded</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="213"/>
        <source>{y}年{m}月{d}日，共 {schools} 所学校、在籍 {children} 人；{over} 所学校未达到县定目标，排在最前。辍学率为在校生辍学率口径（学年累计）；鼠标停在数字上可看分子、分母和目标。</source>
        <translation>{y}-{m}-{d}: {schools} schools, {children} pupils on roll; {over} schools miss a county target and are listed first. Dropout rates use the in-school convention (school year to date); hover over a figure for its numerator, denominator and target.</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="219"/>
        <source>另有 {n} 名学生同时在两所学校在籍，全县人数已按一人计，待身份核查。</source>
        <translation> {n} pupils are on two schools&apos; rolls: the county total counts each once until their identity is checked.</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="222"/>
        <source>身份核查（{n}）</source>
        <translation>Identity checks ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="235"/>
        <source>已确认 {n} 把</source>
        <translation>Confirmed ({n} keys)</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="236"/>
        <source>这所学校有 {n} 把已确认的密钥（复制的台账，或恢复备份前的旧密钥），每次导出都给每把密钥各写一份完整的同步文件。不再使用的，请在“县级 → 注销学校密钥”中注销。</source>
        <translation>This school has {n} confirmed keys (a copied ledger, or the key from before a restore); every export writes a full sync file for each. Revoke the one no longer used under “County → Revoke a school key”.</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="240"/>
        <source>从未导入</source>
        <translation>Never imported</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="241"/>
        <source>同一台电脑的台账被复制或从旧备份恢复；下次导出时将发全部记录和通知</source>
        <translation>The school&apos;s ledger was copied or restored from an old backup; the next export sends everything and a notice</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="244"/>
        <source>学校标识码 {code}</source>
        <translation>School code {code}</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="247"/>
        <source>共导入 {n} 个同步文件</source>
        <translation>{n} sync files imported</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="250"/>
        <source>中间缺少的记录条数；下次同步会自动补齐</source>
        <translation>Events missing inside the chain; the next exchange fills them in</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="253"/>
        <source>其中 {n} 人同时在另一所学校在籍</source>
        <translation>{n} of them are also on another school&apos;s roll</translation>
    </message>
    <message>
        <location filename="../../ui/county_view.py" line="270"/>
        <source>全县合计</source>
        <translation>County total</translation>
    </message>
</context>
<context>
    <name>DamagedDialog</name>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="53"/>
        <source>台账已损坏</source>
        <translation>The ledger is damaged</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="60"/>
        <source>台账没有打开，文件没有任何改动。请从下面选一个损坏之前的备份恢复（一般选最新的一个）。恢复前，现在这个文件会原样另存到备份文件夹，不会丢失，需要时可交给县教育局检查。</source>
        <translation>The ledger was not opened and the file was not changed. Choose a backup from before the damage below to restore (usually the newest one). Before restoring, the current file is kept unchanged in the backup folder; nothing is lost, and it can be given to the county education bureau for inspection.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="78"/>
        <source>这台电脑上没有这份台账的备份。如果U盘上有备份，请点“从其他备份文件恢复…”。</source>
        <translation>There is no backup of this ledger on this computer. If a USB stick holds one, click &quot;Restore from another backup file…&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="93"/>
        <source>从此备份恢复…</source>
        <translation>Restore from this backup…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="95"/>
        <source>从其他备份文件恢复…</source>
        <translation>Restore from another backup file…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="97"/>
        <source>打开备份文件夹</source>
        <translation>Open backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="99"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="118"/>
        <source>完好</source>
        <translation>Sound</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="118"/>
        <source>已损坏，不能用来恢复</source>
        <translation>Damaged, cannot be restored</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="144"/>
        <source>先在列表中选中一个备份。</source>
        <translation>Select a backup in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="146"/>
        <source>这个备份已损坏，不能用来恢复。请选择另一个。</source>
        <translation>This backup is damaged and cannot be restored. Please choose another one.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="153"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="154"/>
        <source>确定用备份 {name} 替换已损坏的台账吗？

备份之后录入的内容不在备份里，需要重新录入。已损坏的文件会原样保留在备份文件夹中。</source>
        <translation>Replace the damaged ledger with the backup {name}?

What was entered after the backup is not in it and must be entered again. The damaged file is kept unchanged in the backup folder.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="169"/>
        <source>台账备份 (*.sqlite);;所有文件 (*)</source>
        <translation>Ledger backups (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="169"/>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged_dialog.py" line="185"/>
        <source>恢复没有完成（{reason}），台账文件没有改动。请换一个备份再试。</source>
        <translation>The restore did not finish ({reason}); the ledger file was not changed. Please try another backup.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="38"/>
        <location filename="../../ui/views/dashboard_view.py" line="39"/>
        <source>小学辍学率</source>
        <translation>Primary dropout rate</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="40"/>
        <location filename="../../ui/views/dashboard_view.py" line="41"/>
        <source>初中辍学率</source>
        <translation>Junior dropout rate</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="42"/>
        <source>九年义务教育巩固率</source>
        <translation>Nine-year retention rate</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="43"/>
        <source>小学巩固率（六年级届）</source>
        <translation>Primary retention (grade-6 cohort)</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="44"/>
        <source>初中巩固率（九年级届）</source>
        <translation>Junior retention (grade-9 cohort)</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="45"/>
        <source>三类残疾儿童入学率</source>
        <translation>Enrolment of children with the three disabilities</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="46"/>
        <source>适龄儿童入学率</source>
        <translation>School-age enrolment rate</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="47"/>
        <source>初中升学率</source>
        <translation>Junior-to-senior progression rate</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="52"/>
        <source>在校生辍学率口径</source>
        <translation>Definitional convention (pupils who left)</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="53"/>
        <source>两基净减少口径</source>
        <translation>Net-change convention</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="54"/>
        <source>巩固率统计表口径</source>
        <translation>Cohort-sheet convention</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="55"/>
        <source>台账口径（在籍残疾学生）</source>
        <translation>Ledger convention (disabled pupils on the roll)</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="56"/>
        <source>户籍适龄儿童名单口径</source>
        <translation>County school-age list</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="57"/>
        <source>九年级毕业生去向口径</source>
        <translation>Grade-9 graduates&apos; destinations</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="61"/>
        <source>辍学率（学年累计）与控制目标</source>
        <translation>Dropout rates (school year to date) against targets</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="62"/>
        <source>巩固率</source>
        <translation>Retention rates</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="63"/>
        <source>各年级在校生辍学率</source>
        <translation>Dropout rate by grade</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="64"/>
        <source>各月辍学人数（本学年）</source>
        <translation>Dropouts per month (this school year)</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="65"/>
        <source>本学年立案的辍学原因</source>
        <translation>Reasons of cases opened this school year</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="118"/>
        <source>无数据</source>
        <translation>No figure</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="121"/>
        <source>无县定目标</source>
        <translation>No county target</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="123"/>
        <source>目标：不高于 {value}</source>
        <translation>Target: at most {value}</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="126"/>
        <source>目标：不低于 {value}</source>
        <translation>Target: at least {value}</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="131"/>
        <source>未达标</source>
        <translation>Target missed</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="131"/>
        <source>达标</source>
        <translation>Target met</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="136"/>
        <source>分子 {n} ÷ 分母 {d}</source>
        <translation>Numerator {n} ÷ denominator {d}</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="138"/>
        <source>没有计算</source>
        <translation>Not computed</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="162"/>
        <source>学校统计</source>
        <translation>School statistics</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="166"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="206"/>
        <source>统计数据没有加载成功</source>
        <translation>The statistics could not be loaded</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="213"/>
        <source>学校统计 · {school}</source>
        <translation>School statistics · {school}</translation>
    </message>
    <message>
        <location filename="../../ui/views/dashboard_view.py" line="214"/>
        <source>{y}年{m}月{d}日，{year}学年累计（自{sy}年9月1日起）。辍学率有两种口径：在校生辍学率（辍学、休学、超龄离校的学生人数）和“两基”净减少口径（减少减去增加），都除以学年初在校生数加本学年招收新生数。鼠标停在数字或柱子上可看分子和分母。</source>
        <translation>{d}/{m}/{y}, school year {year} to date (from 1 September {sy}). The dropout rate has two conventions: definitional (pupils who dropped out, suspended or left over-age) and the net-change (“two basics”) convention (losses minus gains), both divided by the pupils at the start of the year plus this year&apos;s intake. Rest the mouse on a number or a bar to see its numerator and denominator.</translation>
    </message>
</context>
<context>
    <name>DestinationDialog</name>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="57"/>
        <source>登记毕业去向</source>
        <translation>Record destination after graduation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="65"/>
        <source>请选择…</source>
        <translation>Please choose…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="72"/>
        <source>例如：县第一中学（可不填）</source>
        <translation>e.g. County No. 1 High School (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="74"/>
        <source>选择“其他”时必须填写</source>
        <translation>Required when “Other” is chosen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="83"/>
        <source>正在读取学生信息…</source>
        <translation>Reading the student…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="89"/>
        <source>学生：</source>
        <translation>Student:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="90"/>
        <source>毕业日期：</source>
        <translation>Graduated on:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="91"/>
        <source>已登记：</source>
        <translation>Recorded so far:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="92"/>
        <source>毕业去向：</source>
        <translation>Destination:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="93"/>
        <source>登记日期：</source>
        <translation>Date recorded:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="94"/>
        <source>升入学校：</source>
        <translation>School entered:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="95"/>
        <source>说明：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="98"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="100"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="115"/>
        <source>找不到这名学生。</source>
        <translation>This student cannot be found.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="122"/>
        <source>{label}（{date}）</source>
        <translation>{label} ({date})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="123"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="134"/>
        <source>只有已毕业的九年级学生才能登记毕业去向</source>
        <translation>Only a grade-9 student who has graduated can have a destination recorded</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="138"/>
        <source>请选择毕业去向</source>
        <translation>Choose the destination</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="140"/>
        <source>毕业去向为“其他”时请在“说明”中写明</source>
        <translation>For “Other”, say what it is under “Note”</translation>
    </message>
</context>
<context>
    <name>DisputesDialog</name>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="43"/>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="44"/>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="45"/>
        <source>学生</source>
        <translation>Pupil</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="46"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="47"/>
        <source>县里的更正</source>
        <translation>County&apos;s correction</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="48"/>
        <source>学校认为应是</source>
        <translation>School says it should be</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="49"/>
        <source>学校的理由</source>
        <translation>School&apos;s reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="56"/>
        <source>学校异议</source>
        <translation>School disputes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="71"/>
        <source>答复（学校会在“县里通知”中看到），例如：已核对户口本，按学校意见更正。</source>
        <translation>Reply (the school sees it under “County notices”), e.g.: checked the household register, corrected as the school says.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="76"/>
        <source>采纳学校的值</source>
        <translation>Adopt the school&apos;s value</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="78"/>
        <source>维持县里的更正</source>
        <translation>Keep the county&apos;s correction</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="90"/>
        <source>答复：</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="101"/>
        <source>共 {n} 条异议等待答复（最早的在前）。</source>
        <translation>{n} disputes await a reply (oldest first).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="102"/>
        <source>没有等待答复的学校异议。</source>
        <translation>No school disputes await a reply.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="106"/>
        <source>（未写明）</source>
        <translation>(not stated)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="124"/>
        <source>请先在上面选一条异议。</source>
        <translation>Select a dispute above first.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/disputes_dialog.py" line="126"/>
        <source>请先写答复，再选择采纳或维持。</source>
        <translation>Write a reply first, then adopt or keep.</translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="66"/>
        <source>班主任电话联系</source>
        <translation>Class teacher phones the family</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="67"/>
        <source>班主任家访</source>
        <translation>Class teacher&apos;s home visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="68"/>
        <source>学校第二次家访并登记</source>
        <translation>Second school visit; case registered</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="69"/>
        <source>校长与村委联合家访、报告表</source>
        <translation>Principal and village committee visit; report form</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="70"/>
        <source>书面报告乡镇与教育局</source>
        <translation>Written report to township and county bureau</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="71"/>
        <source>乡镇下达限期复学通知书</source>
        <translation>Township&apos;s order to return by a deadline</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="72"/>
        <source>行政处罚决定与催告</source>
        <translation>Administrative penalty and demand to comply</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="73"/>
        <source>申请强制执行或提起诉讼</source>
        <translation>Court enforcement applied for, or lawsuit filed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="74"/>
        <source>法院调解或判决</source>
        <translation>Court mediation or judgment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="77"/>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="78"/>
        <source>班主任</source>
        <translation>Class teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="79"/>
        <source>年级主任或分管领导与班主任</source>
        <translation>Grade head or deputy principal with the class teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="80"/>
        <source>校长与村（居）委会</source>
        <translation>Principal with the village (residents&apos;) committee</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="81"/>
        <source>学校</source>
        <translation>The school</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="82"/>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="83"/>
        <source>乡镇人民政府</source>
        <translation>Township government</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="84"/>
        <source>乡镇人民政府或检察院</source>
        <translation>Township government or procuratorate</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="85"/>
        <source>人民法院</source>
        <translation>People&apos;s court</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="88"/>
        <source>电话联系监护人，区分请假与无故缺课</source>
        <translation>phone the guardian; tell excused from unexcused absence</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="89"/>
        <source>家访，当天交家访记录</source>
        <translation>visit the home; hand in the visit record the same day</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="90"/>
        <source>第二次家访，学校登记个案</source>
        <translation>visit again; the school registers the case</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="91"/>
        <source>制定劝返方案，联合家访，校长签署辍学学生情况报告表</source>
        <translation>plan the persuasion, visit jointly, principal signs the dropout report form</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="93"/>
        <source>向中心校、乡镇人民政府和县教育局书面报告</source>
        <translation>report in writing to the central school, township and county bureau</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="94"/>
        <source>报请乡镇政府下达限期复学通知书，收到后登记文书</source>
        <translation>ask the township to issue a return-by order; record it when it arrives</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="96"/>
        <source>报告乡镇政府限期已过仍未返校，请其处罚并催告，登记文书</source>
        <translation>tell the township the deadline passed without a return, ask it to penalise and demand compliance; record the documents</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="98"/>
        <source>提请乡镇政府申请强制执行或起诉（检察院可支持起诉），登记文书</source>
        <translation>ask the township to apply for enforcement or sue (the procuratorate may support the suit); record the documents</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="100"/>
        <source>配合法院调解或审理，登记调解书或判决书</source>
        <translation>assist the court&apos;s mediation or hearing; record the mediation agreement or judgment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="114"/>
        <source>已逾期 {days} 天</source>
        <translation>{days} days overdue</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="116"/>
        <source>今天到期</source>
        <translation>due today</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="117"/>
        <source>还有 {days} 天</source>
        <translation>{days} days left</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="167"/>
        <source>劝返阶段</source>
        <translation>Escalation stage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="183"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="183"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="183"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="193"/>
        <source>（尚未记录任何阶段）</source>
        <translation>(no stage recorded yet)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="208"/>
        <source>如：已向乡镇政府报送书面报告，文号……</source>
        <translation>e.g. written report sent to the township, reference no. …</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="225"/>
        <source>学生：</source>
        <translation>Student:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="226"/>
        <source>个案：</source>
        <translation>Case:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="227"/>
        <source>已记录阶段：</source>
        <translation>Stages recorded:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="229"/>
        <source>下一阶段：</source>
        <translation>Next stage:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="230"/>
        <source>期限：</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="231"/>
        <source>办理：</source>
        <translation>Who acts:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="233"/>
        <source>记录阶段：</source>
        <translation>Record stage:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="234"/>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="235"/>
        <source>说明：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="239"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="242"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="265"/>
        <source>找不到这名学生。</source>
        <translation>This student cannot be found.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="269"/>
        <source>{name}（{where}）</source>
        <translation>{name} ({where})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="272"/>
        <source>该生没有未销号的个案，不能记录劝返阶段。</source>
        <translation>This student has no open case, so no escalation stage can be recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="275"/>
        <source>立案日期 {date}</source>
        <translation>Opened {date}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="290"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="301"/>
        <source>共 {count} 次</source>
        <translation>{count} in all</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="319"/>
        <source>已到最后阶段 L8，没有下一阶段</source>
        <translation>Already at the last stage, L8: there is no next stage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="324"/>
        <source>应于 {date} 前完成（{timing}）</source>
        <translation>Due by {date} ({timing})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="331"/>
        <source>{actor}：{task}</source>
        <translation>{actor}: {task}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="333"/>
        <source>由{actor}办理；学校须{task}</source>
        <translation>Done by: {actor}; the school must {task}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="358"/>
        <source>正在读取个案信息…</source>
        <translation>Reading the case…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="361"/>
        <source>{date} 已记录过 {stage}，无需重复记录</source>
        <translation>{stage} is already recorded on {date}; no need to record it again</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="371"/>
        <source>该日期早于当前阶段 {stage} 的日期 {date}：作为补记保存，当前阶段不变</source>
        <translation>This date is before the current stage {stage} ({date}): it is saved as a late entry and the current stage stays</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="374"/>
        <source>当前已是 {current}：退回到 {stage} 后，期限从该阶段重新计算，保存时请确认</source>
        <translation>The case is already at {current}: going back to {stage} restarts the deadlines from it; you will be asked to confirm</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="380"/>
        <source>将跳过 {stages}</source>
        <translation>Skips {stages}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="384"/>
        <source>保存后下一阶段 {stage} 应于 {date} 前完成</source>
        <translation>After saving, the next stage {stage} is due by {date}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="387"/>
        <source>此阶段由乡镇政府或法院办理；学校不出具责令、处罚文书，只登记收到的法律文书</source>
        <translation>The township or the court acts at this stage; the school issues no orders or penalties and only records the legal documents it receives</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="421"/>
        <source>退回到较早阶段</source>
        <translation>Go back to an earlier stage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/escalation_dialog.py" line="422"/>
        <source>该个案当前已是 {current}。确定记录 {stage} 吗？
记录后当前阶段变为 {stage}，以后各阶段的期限从 {date} 起重新计算。</source>
        <translation>This case is already at {current}. Record {stage}?
The case will then be at {stage}, and the following deadlines count again from {date}.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="71"/>
        <source>全部学生</source>
        <translation>All students</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="72"/>
        <source>在籍学生</source>
        <translation>Students on the roll</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="73"/>
        <source>预警学生</source>
        <translation>At-risk students</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="74"/>
        <source>疑似辍学学生</source>
        <translation>Suspected dropouts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="75"/>
        <source>辍学学生</source>
        <translation>Dropouts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="76"/>
        <source>复学跟踪学生</source>
        <translation>Returned students (follow-up)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="77"/>
        <source>送教上门学生</source>
        <translation>Home-taught students</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="78"/>
        <source>休学学生</source>
        <translation>Suspended students</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="154"/>
        <source>导出到 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="179"/>
        <source>统计表（按年级和状态，不含姓名）</source>
        <translation>Statistics (by grade and status, no names)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="181"/>
        <source>当前操作员的角色不能导出学生名单：名单中有学生的姓名、身份证号等个人信息，只能由校长或学籍管理员导出。可以导出不含姓名的统计表。</source>
        <translation>Your role may not export student lists: they hold names, ID numbers and other personal data, and only the principal or the registrar may export them. You can export the statistics, which hold no names.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="190"/>
        <location filename="../../ui/dialogs/export_dialog.py" line="364"/>
        <source>按县级模板填写</source>
        <translation>Fill in the county template</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="192"/>
        <source>县教育局下发的模板文件（.xlsx）</source>
        <translation>Template file from the county bureau (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="194"/>
        <source>选择模板…</source>
        <translation>Choose template…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="197"/>
        <source>完整身份证号和学籍号（不隐去中间部分）</source>
        <translation>Whole ID numbers and student numbers (not partly hidden)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="199"/>
        <source>家庭经济困难类别</source>
        <translation>Economic hardship category</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="204"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="212"/>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="218"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="220"/>
        <location filename="../../ui/dialogs/export_dialog.py" line="445"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="226"/>
        <source>按县里下发的模板填写</source>
        <translation>Fill in the template sent by the county</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="252"/>
        <source>导出内容：</source>
        <translation>Export:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="259"/>
        <source>同时导出：</source>
        <translation>Also export:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="260"/>
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="309"/>
        <source>{view}（{count} 人）</source>
        <translation>{view} ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="353"/>
        <source>只导出搜索“{search}”找到的 {count} 名学生</source>
        <translation>Only the {count} students found by the search “{search}”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="355"/>
        <source>只导出搜索“{search}”找到的学生</source>
        <translation>Only the students found by the search “{search}”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="357"/>
        <source>县级配置中还没有设置模板的各列对应，暂时不能按模板填写。</source>
        <translation>The county profile maps no template columns yet.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="361"/>
        <source>{title}（第 {version} 版）</source>
        <translation>{title} (version {version})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="364"/>
        <source>按本机的模板文件填写</source>
        <translation>Fill in a template file on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="391"/>
        <source>统计表只有人数，不含学生的姓名和证件号。</source>
        <translation>The statistics hold only counts: no names and no ID numbers.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="393"/>
        <source>文件中将有完整的身份证号和学籍号：请妥善保管，只交给需要的单位，不要在微信群、QQ群中转发。</source>
        <translation>The file will hold whole ID numbers and student numbers: keep it safe, give it only to the office that needs it, and never forward it in WeChat or QQ groups.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="396"/>
        <source>身份证号和学籍号将隐去中间部分（保留前 6 位和后 4 位）。</source>
        <translation>ID numbers and student numbers will be partly hidden (the first 6 and last 4 characters are kept).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="398"/>
        <source>家庭经济困难类别属于受限信息，同样请妥善保管。</source>
        <translation> The economic hardship category is restricted information: keep it safe as well.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="406"/>
        <source>控辍保学统计表-{date}.xlsx</source>
        <translation>Dropout statistics-{date}.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="408"/>
        <source>控辍保学名单-{view}-县级模板-{date}.xlsx</source>
        <translation>Dropout ledger-{view}-county template-{date}.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="410"/>
        <source>控辍保学名单-{view}-{date}.xlsx</source>
        <translation>Dropout ledger-{view}-{date}.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="424"/>
        <source>正在读取台账…</source>
        <translation>Reading the ledger…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="426"/>
        <source>请选择县级模板文件。</source>
        <translation>Choose the county template file.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="428"/>
        <source>请选择保存位置。</source>
        <translation>Choose where to save the file.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="430"/>
        <source>这份名单中没有学生，不需要导出。</source>
        <translation>This list has no students: there is nothing to export.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="444"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="445"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="463"/>
        <source>Excel 表格或模板 (*.xlsx *.xltx)</source>
        <translation>Excel workbooks or templates (*.xlsx *.xltx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="463"/>
        <source>选择县级模板</source>
        <translation>Choose the county template</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="469"/>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="470"/>
        <source>Excel 表格 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="514"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="531"/>
        <source>已停止导出，没有留下文件。</source>
        <translation>Export stopped; no file was left behind.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="544"/>
        <source>已导出统计表：{path}</source>
        <translation>Statistics exported: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="546"/>
        <source>已导出 {count} 名学生：{path}</source>
        <translation>{count} students exported: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="548"/>
        <source>模板中有 {count} 列受限信息没有填写：当前操作员无权导出。</source>
        <translation>{count} template columns of restricted information were left blank: your role may not export them.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="563"/>
        <source>正在导出：{done} / {total} 名学生…</source>
        <translation>Exporting: {done} / {total} students…</translation>
    </message>
</context>
<context>
    <name>Fingerprint</name>
    <message>
        <location filename="../../ui/widgets/fingerprint.py" line="69"/>
        <source>只能输入数字（组与组之间可以留空格）。</source>
        <translation>Digits only (spaces between groups are fine).</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fingerprint.py" line="71"/>
        <source>第 {n} 组数字与文件中的不一致。不要继续！请打电话与对方核实；核实之前不要加入或确认。</source>
        <translation>Group {n} differs from the file. Do not go on! Call the other side to check; do not join or confirm until it is cleared up.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fingerprint.py" line="74"/>
        <source>输入了 {n} 位数字，多于 30 位。请检查后删去多余的数字。</source>
        <translation>{n} digits typed, more than 30. Please check and delete the extra digits.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fingerprint.py" line="76"/>
        <source>六组数字全部一致。</source>
        <translation>All six groups match.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fingerprint.py" line="78"/>
        <source>请照纸面逐组输入 30 位数字。</source>
        <translation>Type the 30 digits from the paper, group by group.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fingerprint.py" line="79"/>
        <source>已核对 {done} 组，一致；还差 {left} 位数字。</source>
        <translation>{done} groups checked and matching; {left} digits to go.</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="39"/>
        <source>重复在籍</source>
        <translation>On two rolls</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="40"/>
        <source>转学待核实</source>
        <translation>Transfer to verify</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="43"/>
        <source>确认在甲校</source>
        <translation>At school A</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="44"/>
        <source>确认在乙校</source>
        <translation>At school B</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="45"/>
        <source>不是同一人</source>
        <translation>Not the same child</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="46"/>
        <source>转学已核实</source>
        <translation>Transfer verified</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="48"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="49"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="51"/>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="52"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="53"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="54"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="55"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="56"/>
        <source>学籍号</source>
        <translation>Student number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="57"/>
        <source>年级班级</source>
        <translation>Grade and class</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="58"/>
        <source>当前状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="59"/>
        <source>状态记录</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="60"/>
        <source>最近家访</source>
        <translation>Last home visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="86"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="91"/>
        <source>{grade}{class_name}</source>
        <translation>{grade}, class {class_name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="92"/>
        <source>{status}（{day}）</source>
        <translation>{status} ({day})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="94"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="113"/>
        <source>身份核查</source>
        <translation>Identity checks</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="122"/>
        <source>甲校</source>
        <translation>School A</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="123"/>
        <source>乙校</source>
        <translation>School B</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="125"/>
        <source>备注（可不填）：如何核实的，例如“已电话联系监护人”</source>
        <translation>Note (optional): how it was checked, e.g. &quot;phoned the guardian&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="137"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="164"/>
        <source>{kind}：{name}
{a} / {b}</source>
        <translation>{kind}: {name}
{a} / {b}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="183"/>
        <source>没有待核查的学生。</source>
        <translation>No pupils to check.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="190"/>
        <source>甲校：{school}</source>
        <translation>School A: {school}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="191"/>
        <source>乙校：{school}</source>
        <translation>School B: {school}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="195"/>
        <source>重复在籍：同一身份证号（或学籍号）在两所学校都是在籍学生。请与两校和监护人核实孩子实际在哪所学校就读。</source>
        <translation>On two rolls: the same ID number (or student number) is on the roll at two schools. Check with both schools and the guardian which school the child really attends.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="199"/>
        <source>转学待核实：甲校已登记转出，乙校有同一身份证号（或学籍号）的在籍学生。请核实转学手续。</source>
        <translation>Transfer to verify: school A recorded a transfer out, and school B has a pupil on its roll with the same ID number (or student number). Check the transfer papers.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="204"/>
        <source>只有甲校已登记转出的学生才能核实为转学</source>
        <translation>Only a pupil school A recorded as transferred out can be verified as a transfer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="206"/>
        <source>处理结果会在下次导出同步文件时通知两所学校。</source>
        <translation>Both schools are told of the decision with the next sync export.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/identity_dialog.py" line="208"/>
        <source>处理结果会在下次导出同步文件时通知两所学校；在此之前全县在籍人数按一人计。</source>
        <translation>Both schools are told of the decision with the next sync export; until then the county counts the child once.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="116"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="225"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="273"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="117"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="118"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="119"/>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="120"/>
        <source>身份证件类型</source>
        <translation>ID document type</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="121"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="274"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="122"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="275"/>
        <source>全国学籍号</source>
        <translation>National student no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="123"/>
        <source>年级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="124"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="125"/>
        <source>入学年月</source>
        <translation>Enrolment month</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="126"/>
        <source>家庭住址</source>
        <translation>Home address</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="127"/>
        <source>村（居）</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="128"/>
        <source>村（居）区划代码</source>
        <translation>Village division code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="129"/>
        <source>是否住校</source>
        <translation>Boarder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="130"/>
        <source>就读方式</source>
        <translation>Attendance mode (day/boarding)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="131"/>
        <source>留守儿童</source>
        <translation>Left-behind child</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="132"/>
        <source>孤儿</source>
        <translation>Orphan</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="133"/>
        <source>随迁子女</source>
        <translation>Migrant child</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="134"/>
        <source>残疾类型</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="135"/>
        <source>随班就读</source>
        <translation>Inclusive class</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="136"/>
        <source>监护人姓名</source>
        <translation>Guardian&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="137"/>
        <source>监护人关系</source>
        <translation>Guardian&apos;s relation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="138"/>
        <source>监护人电话</source>
        <translation>Guardian&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="139"/>
        <source>第二监护人姓名</source>
        <translation>Second guardian&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="140"/>
        <source>第二监护人关系</source>
        <translation>Second guardian&apos;s relation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="141"/>
        <source>第二监护人电话</source>
        <translation>Second guardian&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="142"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="145"/>
        <source>选择文件</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="146"/>
        <source>核对各列</source>
        <translation>Check columns</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="147"/>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="148"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="224"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="224"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="225"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="226"/>
        <source>改正方法</source>
        <translation>How to fix</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="226"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="264"/>
        <source>提醒</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="264"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="273"/>
        <source>年级班级</source>
        <translation>Grade and class</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="275"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="392"/>
        <source>导入学籍名单</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="421"/>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="422"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="643"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="424"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="650"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="446"/>
        <source>还没有选择文件</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="447"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="454"/>
        <source>可以导入从全国中小学生学籍信息管理系统导出的名单，也可以导入学校自己整理的名单：
Excel 或 WPS 表格（.xlsx、.xls）、LibreOffice 表格（.ods）或 CSV 文件。

导入分三步：先核对各列的含义，再检查整个文件，最后导入。检查时台账不会有任何改动；导入前会先备份台账。已在台账中的学生只更新有变化的资料，不会删除任何学生。</source>
        <translation>You can import a list exported from the national student registration system, or a list the school keeps itself:
Excel or WPS spreadsheets (.xlsx, .xls), LibreOffice spreadsheets (.ods) or CSV files.

Three steps: check what each column means, check the whole file, then import. Checking changes nothing in the ledger; the ledger is backed up before the import. Students already in the ledger only get the details that changed; no student is ever deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="462"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="674"/>
        <source>选择学籍名单文件</source>
        <translation>Choose the roster file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="472"/>
        <source>工作表：</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="476"/>
        <source>未找到</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="482"/>
        <source>表头所在的行：</source>
        <translation>Header row:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="495"/>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="495"/>
        <source>第一行的内容</source>
        <translation>First row</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="495"/>
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="501"/>
        <source>记住这个对应关系（保存到县级配置，以后导入同样表头的名单时自动使用）</source>
        <translation>Remember these columns (saved in the county profile and used for lists with the same headers)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="505"/>
        <source>核对各列的含义</source>
        <translation>Check what each column means</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="507"/>
        <source>下面是文件的前几行，表头所在的行以蓝色标出；不对时点一下真正的表头行。再在下方的“导入为”中核对每一列：认错或没认出的列请选一下，不需要的列选“不导入”。</source>
        <translation>These are the first rows of the file; the header row is shown in blue. If it is wrong, click the real header row. Then check each column under “Import as”: choose the right item for a column that was missed or mistaken, and “Do not import” for columns you do not need.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="525"/>
        <source>新增学生</source>
        <translation>New students</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="526"/>
        <source>更新资料</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="527"/>
        <source>没有变化</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="528"/>
        <source>有错误的行</source>
        <translation>Rows with errors</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="529"/>
        <source>有提醒的行</source>
        <translation>Rows with warnings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="545"/>
        <source>保存检查结果（.xlsx）…</source>
        <translation>Save check results (.xlsx)…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="549"/>
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="562"/>
        <source>检查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="594"/>
        <source>打开备份所在的文件夹</source>
        <translation>Open the backup&apos;s folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="649"/>
        <source>停止导入</source>
        <translation>Stop import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="649"/>
        <source>停止检查</source>
        <translation>Stop check</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="650"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="650"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="675"/>
        <source>表格文件 ({patterns})</source>
        <translation>Spreadsheets ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="676"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="686"/>
        <source>正在读取文件…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="692"/>
        <source>县级台账不能导入学校的学籍名单：学生名单由各校导入后同步上来。</source>
        <translation>A county ledger cannot import a school roster: each school imports its own list, which then comes up by sync.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="717"/>
        <source>这个文件无法导入，请选择别的文件。</source>
        <translation>This file cannot be imported; please choose another.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="767"/>
        <source>没有找到表头（同时写着“姓名”和“身份证号”或“全国学籍号”的一行）。请在下面的表格中点一下表头所在的行，再指定各列的含义。</source>
        <translation>No header was found (a row naming both “姓名” and “身份证号” or “全国学籍号”). Click the header row in the table below, then say what each column means.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="840"/>
        <source>不导入</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="877"/>
        <source>请在上面的表格中点一下表头所在的行。</source>
        <translation>Click the header row in the table above.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="881"/>
        <source>身份证号或全国学籍号</source>
        <translation>ID number or national student no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="883"/>
        <source>还没有指定哪一列是：{fields}。请在“导入为”中选出这一列。</source>
        <translation>No column is chosen yet for: {fields}. Choose it under “Import as”.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="884"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="923"/>
        <source>文件：{name}　工作表：{sheet}　表头：第 {row} 行</source>
        <translation>File: {name}   Sheet: {sheet}   Header: row {row}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="926"/>
        <source>正在检查整个文件，台账不会有任何改动…</source>
        <translation>Checking the whole file; the ledger is not changed…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="937"/>
        <source>已停止检查，台账没有任何改动。</source>
        <translation>Check stopped; nothing in the ledger changed.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="953"/>
        <source>共 {rows} 行学生（另有 {skipped} 行空行、表尾或重复的表头，已跳过）。</source>
        <translation>{rows} student rows ({skipped} blank, footer or repeated header rows skipped).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="955"/>
        <source>共 {rows} 行学生。</source>
        <translation>{rows} student rows.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="963"/>
        <source>没有发现问题。</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="963"/>
        <source>红色是错误：这一行不能导入。琥珀色是提醒：这一行可以导入，但请核对。</source>
        <translation>Red is an error: the row cannot be imported. Amber is a warning: the row can be imported, but please check it.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="968"/>
        <source>这些学生在台账中在籍，但这份名单里没有。导入不会删除他们，也不会改变他们的状态：请逐一核实（转学、辍学，还是名单漏登）。</source>
        <translation>These students are on the roll in the ledger but not in this list. The import neither deletes them nor changes their status: please check each one (transferred, dropped out, or left off the list).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="971"/>
        <source>台账中在籍的学生都在这份名单里。</source>
        <translation>Every student on the roll is in this list.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="972"/>
        <source>问题（{count}）</source>
        <translation>Problems ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="973"/>
        <source>在籍不在校？（{count}）</source>
        <translation>On the roll, not in school? ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="974"/>
        <source>跳过有错误的 {errors} 行，只导入其余 {valid} 行</source>
        <translation>Skip the {errors} rows with errors and import the other {valid} rows</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="998"/>
        <source>请先检查文件。</source>
        <translation>Check the file first.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1000"/>
        <source>这份名单已经导入。</source>
        <translation>This list has been imported.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1002"/>
        <source>检查这个文件之后，台账又有了改动（例如在别的窗口中修改了学生）。请点“重新检查”，再导入。</source>
        <translation>The ledger changed after this file was checked (for example a student was edited in another window). Click “Check again”, then import.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1006"/>
        <source>有 {errors} 行有错误，整个文件不能导入。请保存检查结果、按“错误说明”改正后重新导入，或勾选“跳过有错误的行”。</source>
        <translation>{errors} rows have errors, so the file cannot be imported. Save the check results, correct the rows as the error column says and import again, or tick “Skip the rows with errors”.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1009"/>
        <source>名单中的学生都已在台账中，资料也没有变化：不需要导入。</source>
        <translation>Every student in the list is already in the ledger with the same details: nothing to import.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1017"/>
        <source>{stem}-检查结果.xlsx</source>
        <translation>{stem}-check results.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1019"/>
        <source>Excel 表格 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1019"/>
        <source>保存检查结果</source>
        <translation>Save check results</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1030"/>
        <source>已保存到 {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1055"/>
        <source>正在导入，请稍候…</source>
        <translation>Importing, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1076"/>
        <source>已停止导入，台账没有任何改动。点“上一步”可以回到检查结果，重新导入。</source>
        <translation>Import stopped; nothing in the ledger changed. Click “Back” to return to the check results and import again.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1082"/>
        <source>导入完成。</source>
        <translation>Import finished.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1095"/>
        <source>新增 {created} 名学生，更新了 {updated} 名学生的资料，{unchanged} 名没有变化。</source>
        <translation>{created} students added, {updated} students updated, {unchanged} unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1098"/>
        <source>有错误的 {errors} 行没有导入：请按检查结果改正后，再导入一次这个文件。</source>
        <translation>The {errors} rows with errors were not imported: correct them as the check results say, then import this file again.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1102"/>
        <source>另有 {count} 名在籍学生不在这份名单中，请逐一核实：点“上一步”可以查看检查结果中的“在籍不在校？”名单，也可以把检查结果保存为 .xlsx。</source>
        <translation>{count} students on the roll are not in this list; please check each one. Click “Back” to see them under “On the roll, not in school?” in the check results, which can also be saved as .xlsx.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1106"/>
        <source>导入前的台账已备份为：{path}</source>
        <translation>The ledger was backed up before the import to: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1138"/>
        <source>已检查 {done} / {total} 行…</source>
        <translation>Checked {done} / {total} rows…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="1139"/>
        <source>已导入 {done} / {total} 名学生…</source>
        <translation>Imported {done} / {total} students…</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="101"/>
        <location filename="../../ui/dialogs/join_dialog.py" line="133"/>
        <source>加入县级台账</source>
        <translation>Join the county ledger</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="118"/>
        <source>县教育局会给本校一个入网文件（.dlpkg，通常在U盘上）和一份盖章的通知。通知上印有县教育局的 30 位密钥指纹。</source>
        <translation>The county bureau gives the school an enrolment file (.dlpkg, usually on a USB stick) and a stamped notice. The notice prints the county bureau&apos;s 30-digit key fingerprint.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="124"/>
        <source>请选择县教育局发来的入网文件</source>
        <translation>Choose the enrolment file from the county bureau</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="125"/>
        <source>选择入网文件…</source>
        <translation>Choose enrolment file…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="136"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="161"/>
        <source>请拿出县教育局盖章的通知，逐组核对上面的数字，并把通知上的数字输入下面（不要照抄屏幕）：</source>
        <translation>Take the county bureau&apos;s stamped notice, compare its digits group by group, and type the digits from the notice below (not from the screen):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="165"/>
        <source>例如 12345 67890 12345 67890 12345 67890</source>
        <translation>e.g. 12345 67890 12345 67890 12345 67890</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="175"/>
        <source>本校已加入{name}（指纹 {fingerprint}）。县教育局更换密钥时，可以用新的入网文件重新加入。</source>
        <translation>This school has joined {name} (fingerprint {fingerprint}). If the county bureau changes its key, join again with the new enrolment file.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="184"/>
        <source>入网文件 (*.dlpkg)</source>
        <translation>Enrolment file (*.dlpkg)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="184"/>
        <source>选择入网文件</source>
        <translation>Choose enrolment file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="199"/>
        <source>入网文件来自：{name}（代码 {code}）。文件中县教育局的密钥指纹是：</source>
        <translation>The enrolment file is from {name} (code {code}). The county bureau&apos;s key fingerprint in the file is:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="212"/>
        <source>请先选择入网文件</source>
        <translation>Choose the enrolment file first</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="220"/>
        <source>30 位数字全部一致后才能加入</source>
        <translation>You can join once all 30 digits match</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="253"/>
        <source>请打印入网回执，校长签字、加盖公章后交县教育局（或电话读出这六组数字）。县教育局核对这些数字后，才会导入本校的同步文件。之后请每周用“文件 → U盘同步”导出一次同步文件交给县教育局。</source>
        <translation>Print the enrolment receipt; the principal signs and stamps it and hands it to the county bureau (or reads the six groups on the phone). The county bureau imports the school&apos;s sync files once it has checked these digits. After that, export a sync file every week with &quot;File → USB sync&quot; and give it to the county bureau.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="258"/>
        <source>打印入网回执…</source>
        <translation>Print enrolment receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="260"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/join_dialog.py" line="279"/>
        <source>本校已加入{county}的控辍保学台账。本校的密钥指纹是：</source>
        <translation>This school has joined the dropout ledger of {county}. This school&apos;s key fingerprint is:</translation>
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
        <location filename="../../ui/main_window.py" line="144"/>
        <source>控辍保学台账</source>
        <translation>Dropout Ledger</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161"/>
        <location filename="../../ui/main_window.py" line="692"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <location filename="../../ui/main_window.py" line="440"/>
        <source>今日待办</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <location filename="../../ui/main_window.py" line="440"/>
        <source>学生名单</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <location filename="../../ui/main_window.py" line="441"/>
        <source>学生详情</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <location filename="../../ui/main_window.py" line="443"/>
        <source>名单核查</source>
        <translation>List checks</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <location filename="../../ui/main_window.py" line="441"/>
        <source>统计与目标</source>
        <translation>Figures and targets</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <location filename="../../ui/main_window.py" line="442"/>
        <source>预警名单</source>
        <translation>Early warning</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>全部学生</source>
        <translation>All students</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>预警</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>疑似辍学</source>
        <translation>Suspected dropouts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>辍学</source>
        <translation>Dropped out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>劝返复学</source>
        <translation>Returned to school</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>送教上门</source>
        <translation>Taught at home</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>休学</source>
        <translation>On leave</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>选择要查看的学生名单</source>
        <translation>Choose which students to list</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>按姓名、身份证号或学籍号搜索</source>
        <translation>Search by name, ID number or student number</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>名单</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>查看：</source>
        <translation>View:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>年级：</source>
        <translation>Grade:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>按年级筛选</source>
        <translation>Filter by grade</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="285"/>
        <source>按班级筛选</source>
        <translation>Filter by class</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="285"/>
        <source>班级：</source>
        <translation>Class:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>按村筛选</source>
        <translation>Filter by village</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>村：</source>
        <translation>Village:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>按特殊群体筛选</source>
        <translation>Filter by special group</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>特殊群体：</source>
        <translation>Special group:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>留守</source>
        <translation>Left-behind</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>残疾</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>随班就读</source>
        <translation>Inclusive class</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>孤儿</source>
        <translation>Orphan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>事实无人抚养</source>
        <translation>De facto unsupported</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>困境</source>
        <translation>In difficulty</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298"/>
        <source>随迁</source>
        <translation>Migrant</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>住校</source>
        <translation>Boarding</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="403"/>
        <source>操作</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="405"/>
        <source>新增学生</source>
        <translation>New pupil</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="406"/>
        <source>编辑学生信息</source>
        <translation>Edit pupil</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="407"/>
        <source>缺勤登记（本班）</source>
        <translation>Record absences (class)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <source>变更状态</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="409"/>
        <source>登记劝返记录</source>
        <translation>Record a persuasion visit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="410"/>
        <source>登记劝返阶段</source>
        <translation>Record escalation step</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="411"/>
        <source>填写辍学学生情况报告表</source>
        <translation>Dropout case report form</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="412"/>
        <source>资助发放（整班）</source>
        <translation>Subsidies for a class</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="413"/>
        <source>结对帮扶</source>
        <translation>Teacher pairing</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="414"/>
        <source>撤销上一步</source>
        <translation>Undo last change</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="421"/>
        <location filename="../../ui/session.py" line="139"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423"/>
        <source>导入学籍花名册…</source>
        <translation>Import the national student roster…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="424"/>
        <source>导出到 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425"/>
        <source>备份与恢复…</source>
        <translation>Back up and restore…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="431"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="432"/>
        <source>打印表格…</source>
        <translation>Print forms…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="436"/>
        <source>本月书面报告…</source>
        <translation>This month’s written report…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="439"/>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="448"/>
        <source>操作日志…</source>
        <translation>Operation log…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="497"/>
        <source>请先在学生名单中选中一名学生</source>
        <translation>Select a student in the roster first</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="602"/>
        <source>已撤销上一步操作</source>
        <translation>The last change was undone</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="663"/>
        <source>控辍保学台账 — {name}</source>
        <translation>Dropout Ledger — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="676"/>
        <source>共 {n} 名学生</source>
        <translation>Students: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="678"/>
        <source>{n} 名以上学生，正在计数…</source>
        <translation>More than {n} pupils, counting…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="687"/>
        <source>名单没有加载成功</source>
        <translation>The roster could not be loaded</translation>
    </message>
</context>
<context>
    <name>NoticesDialog</name>
    <message>
        <location filename="../../ui/dialogs/notices_dialog.py" line="36"/>
        <source>身份核查</source>
        <translation>Identity check</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notices_dialog.py" line="37"/>
        <source>记录分叉</source>
        <translation>Forked records</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notices_dialog.py" line="38"/>
        <source>异议答复</source>
        <translation>Dispute answer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notices_dialog.py" line="50"/>
        <source>县里通知</source>
        <translation>County notices</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notices_dialog.py" line="54"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notices_dialog.py" line="54"/>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notices_dialog.py" line="54"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notices_dialog.py" line="54"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notices_dialog.py" line="63"/>
        <source>知道了</source>
        <translation>Noted</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notices_dialog.py" line="85"/>
        <source>共 {n} 条通知，未读 {unread} 条。</source>
        <translation>{n} notices, {unread} unread.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notices_dialog.py" line="86"/>
        <source>县里还没有发来通知。</source>
        <translation>No notices from the county yet.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notices_dialog.py" line="89"/>
        <source>已读</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notices_dialog.py" line="89"/>
        <source>未读</source>
        <translation>Unread</translation>
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
        <location filename="../../ui/dialogs/pairing_dialog.py" line="103"/>
        <source>结对帮扶</source>
        <translation>Teacher pairing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="114"/>
        <source>正在读取学生信息…</source>
        <translation>Reading the student&apos;s details…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="129"/>
        <source>该生还没有结对帮扶，请先建立结对。</source>
        <translation>This pupil has no pairing yet: start one first.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="141"/>
        <source>如：谈心、辅导、家访</source>
        <translation>e.g. talk, tutoring, home visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="147"/>
        <source>帮扶教师姓名</source>
        <translation>Name of the supporting teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="150"/>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="154"/>
        <source>如：每周谈心一次，补习数学</source>
        <translation>e.g. one talk a week, extra maths</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="186"/>
        <source>学生：</source>
        <translation>Student:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="187"/>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="253"/>
        <source>记录到：</source>
        <translation>Log to:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="193"/>
        <source>学生表现和变化：</source>
        <translation>Pupil&apos;s progress:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="193"/>
        <source>帮扶内容：</source>
        <translation>What was done:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="193"/>
        <source>方式：</source>
        <translation>How:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="193"/>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="194"/>
        <source>下一步：</source>
        <translation>Next step:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="199"/>
        <source>帮扶教师：</source>
        <translation>Teacher:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="199"/>
        <source>帮扶目标：</source>
        <translation>Goal:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="199"/>
        <source>帮扶类型：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="199"/>
        <source>结对日期：</source>
        <translation>Paired on:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="205"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="207"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="234"/>
        <source>找不到这名学生。</source>
        <translation>This student cannot be found.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="236"/>
        <source>{name}（{where}）</source>
        <translation>{name} ({where})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="248"/>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="267"/>
        <source>新建结对帮扶</source>
        <translation>Start a new pairing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="253"/>
        <source>结对：</source>
        <translation>Pairing:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="267"/>
        <source>帮扶记录</source>
        <translation>Support log entry</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="287"/>
        <source>正在读取学生信息</source>
        <translation>Reading the student&apos;s details</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="292"/>
        <source>请填写帮扶教师</source>
        <translation>Enter the supporting teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="294"/>
        <source>帮扶教师应填写姓名（不含数字，最多 30 字）</source>
        <translation>The teacher must be a person&apos;s name (no digits, at most 30 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="296"/>
        <source>帮扶目标太长</source>
        <translation>The goal is too long</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="299"/>
        <source>请填写帮扶内容</source>
        <translation>Enter what was done</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="301"/>
        <source>方式最多 50 字</source>
        <translation>How: at most 50 characters</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="304"/>
        <source>内容太长（每栏最多 2000 字）</source>
        <translation>Text too long (at most 2000 characters per field)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pairing_dialog.py" line="309"/>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="63"/>
        <source>控辍保学台账</source>
        <translation>Dropout-control ledger</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="64"/>
        <source>辍学学生劝返复学登记表</source>
        <translation>Return-persuasion register (per pupil)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="65"/>
        <source>辍学学生情况报告表</source>
        <translation>Dropout case report (per pupil)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="66"/>
        <source>辍学学生情况书面报告（月报）</source>
        <translation>Monthly written report on dropouts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="67"/>
        <source>劝返复学通知书</source>
        <translation>Notice to parents to return to school</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="68"/>
        <source>劝返清单</source>
        <translation>Persuasion checklist (all open cases)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="69"/>
        <source>一封家书（学生资助告知书）</source>
        <translation>Letters to families (student aid notice)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="70"/>
        <source>结对帮扶记录表</source>
        <translation>Teacher pairing log</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="71"/>
        <source>送教上门记录</source>
        <translation>Home-teaching record</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="72"/>
        <source>留守儿童档案</source>
        <translation>Left-behind children archive</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="73"/>
        <source>三类残疾儿童统计表</source>
        <translation>Disabled children statistics</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="74"/>
        <source>一生一档（学生档案）</source>
        <translation>Pupil dossier (one file per pupil)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="75"/>
        <source>县级密钥说明单</source>
        <translation>County key sheet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="76"/>
        <source>入网回执</source>
        <translation>Enrolment receipt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="77"/>
        <source>操作日志</source>
        <translation>Operation log</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="80"/>
        <source>全校台账，A4 横向；身份证号隐去中间数字，不含电话、住址和家庭经济困难类别。</source>
        <translation>The whole-school ledger, A4 landscape; ID numbers masked, no phones, addresses or economic category.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="82"/>
        <source>一名学生的个案和全部劝返记录。</source>
        <translation>One pupil&apos;s case and every persuasion visit.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="83"/>
        <source>报乡镇人民政府和县教育局，校长签字盖章。</source>
        <translation>To the township government and the county bureau, signed and stamped by the principal.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="84"/>
        <source>所选月份的书面报告和辍学学生花名册；本月没有情况时打印零报告。</source>
        <translation>The written report and dropout roster of the chosen month; a zero report when there is nothing to report.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="86"/>
        <source>致家长，含存根和送达回证。</source>
        <translation>To the parents, with the stub and the proof-of-service slip.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="87"/>
        <source>全部未销号个案，村（居）委会、中心学校、乡镇人民政府签字。</source>
        <translation>Every open case, for the village committee, the central school and the township government to sign.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="89"/>
        <source>每户一封（兄弟姐妹合为一封），列出所选月份所在学期的资助，附回执；请单独交给家长。</source>
        <translation>One letter per household (siblings together) with the aid of the chosen month&apos;s term and a receipt slip; hand each to the parents privately.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="91"/>
        <source>一名学生的结对帮扶记录。</source>
        <translation>One pupil&apos;s teacher-pairing log.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="92"/>
        <source>一名学生的送教记录和本学期小结。</source>
        <translation>One pupil&apos;s home-teaching sessions and this term&apos;s totals.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="93"/>
        <source>在籍留守儿童名册（内部资料）。</source>
        <translation>Left-behind pupils on the roll (internal, confidential).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="94"/>
        <source>在籍残疾学生按类别和安置方式统计。</source>
        <translation>Disabled pupils on the roll by type and placement.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="95"/>
        <source>一名学生的全部记录，附目录。</source>
        <translation>Everything about one pupil, with a contents page.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="98"/>
        <source>需关注学生（疑似辍学、辍学、复学跟踪、送教上门、休学、预警）</source>
        <translation>Pupils needing attention (suspected, dropped out, returned, home-taught, suspended, at risk)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="99"/>
        <source>全部学生</source>
        <translation>All pupils</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="100"/>
        <source>在籍学生</source>
        <translation>Pupils on the roll</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="101"/>
        <source>有辍学倾向（预警）学生</source>
        <translation>At-risk pupils</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="102"/>
        <source>疑似辍学学生</source>
        <translation>Suspected dropouts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="103"/>
        <source>辍学学生</source>
        <translation>Dropouts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="104"/>
        <source>复学跟踪学生</source>
        <translation>Returned pupils (follow-up)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="105"/>
        <source>送教上门学生</source>
        <translation>Home-taught pupils</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="106"/>
        <source>休学学生</source>
        <translation>Suspended pupils</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="109"/>
        <source>本学期获得资助的家庭</source>
        <translation>Households paid aid this term</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="110"/>
        <source>全部在籍学生的家庭</source>
        <translation>Every household on the roll</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="111"/>
        <source>预警学生的家庭</source>
        <translation>Households of at-risk pupils</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="112"/>
        <source>疑似辍学学生的家庭</source>
        <translation>Households of suspected dropouts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="113"/>
        <source>辍学学生的家庭</source>
        <translation>Households of dropouts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="114"/>
        <source>复学跟踪学生的家庭</source>
        <translation>Households of returned pupils</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="115"/>
        <source>送教上门学生的家庭</source>
        <translation>Households of home-taught pupils</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="116"/>
        <source>休学学生的家庭</source>
        <translation>Households of suspended pupils</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="183"/>
        <source>打印表格</source>
        <translation>Print a form</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="214"/>
        <source>输入姓名、身份证号或全国学籍号</source>
        <translation>Type a name, ID number or student number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="216"/>
        <source>打印完整的身份证号和学籍号</source>
        <translation>Print whole ID and student numbers</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="225"/>
        <source>表格：</source>
        <translation>Form:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="227"/>
        <source>名单：</source>
        <translation>List:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="228"/>
        <source>月份：</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="229"/>
        <source>学生：</source>
        <translation>Pupil:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="235"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="237"/>
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="239"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="297"/>
        <source>正在读取台账…</source>
        <translation>Reading the ledger…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="301"/>
        <source>找不到“{text}”。请输入学生姓名、身份证号或全国学籍号。</source>
        <translation>No pupil matches “{text}”. Type a pupil&apos;s name, ID number or student number.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="303"/>
        <source>请选择学生：输入姓名、身份证号或全国学籍号</source>
        <translation>Choose a pupil: type a name, ID number or student number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="350"/>
        <source>{name}（{grade_class}，{status}）</source>
        <translation>{name} ({grade_class}, {status})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="387"/>
        <source>保存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="388"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="412"/>
        <source>已生成预览（{pages} 页），已在 PDF 阅读器中打开。</source>
        <translation>Preview made ({pages} pages) and opened in the PDF reader.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="414"/>
        <source>无法打开 PDF 阅读器。文件在：{file}</source>
        <translation>Could not open a PDF reader. The file is at: {file}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_dialog.py" line="416"/>
        <source>已保存：{file}（{pages} 页）</source>
        <translation>Saved: {file} ({pages} pages)</translation>
    </message>
</context>
<context>
    <name>ReconcileView</name>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="86"/>
        <source>户籍适龄儿童名单</source>
        <translation>School-age children on the household register</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="87"/>
        <source>脱贫户、低保户适龄儿童名单</source>
        <translation>School-age children of poverty-relief and minimum-income families</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="88"/>
        <source>疑似辍学学生名单</source>
        <translation>Suspected dropouts list</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="89"/>
        <source>其他核查名单</source>
        <translation>Other list</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="90"/>
        <source>核实在本校就读</source>
        <translation>Confirmed studying at this school</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="91"/>
        <source>在校就读但无学籍</source>
        <translation>Studying here without a national student record</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="92"/>
        <source>在省内其他学校就读</source>
        <translation>Studying at another school in the province</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="93"/>
        <source>在省外学校就读</source>
        <translation>Studying outside the province</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="94"/>
        <source>转入特殊教育学校</source>
        <translation>Moved to a special-education school</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="95"/>
        <source>办理休学</source>
        <translation>Suspension granted</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="96"/>
        <source>因病因残送教上门</source>
        <translation>Home teaching for illness or disability</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="97"/>
        <source>劝返复学</source>
        <translation>Returned after persuasion</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="98"/>
        <source>延缓入学</source>
        <translation>Deferred entry</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="99"/>
        <source>超过义务教育年龄</source>
        <translation>Past compulsory-education age</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="100"/>
        <source>出国（境）</source>
        <translation>Gone abroad</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="101"/>
        <source>死亡</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="102"/>
        <source>户籍或身份信息有误（空挂户、重复户籍、错号）</source>
        <translation>Wrong household or identity record (empty, duplicate or wrong number)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="103"/>
        <source>不属实或非本校学生</source>
        <translation>Not true, or not a pupil of this school</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="104"/>
        <source>已辍学（立案劝返）</source>
        <translation>Dropped out (case opened)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="105"/>
        <source>其他（须注明）</source>
        <translation>Other (explain)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="146"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="147"/>
        <source>名单姓名</source>
        <translation>Name on list</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="148"/>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="149"/>
        <location filename="../../ui/views/reconcile_view.py" line="158"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="150"/>
        <source>匹配方式</source>
        <translation>Matched by</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="151"/>
        <source>本校学生</source>
        <translation>Pupil here</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="152"/>
        <source>核查结果</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="153"/>
        <source>核查说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="156"/>
        <source>学生</source>
        <translation>Pupil</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="157"/>
        <source>年级班级</source>
        <translation>Grade and class</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="159"/>
        <source>学籍号</source>
        <translation>Student number</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="160"/>
        <source>台账状态</source>
        <translation>Ledger status</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="181"/>
        <source>名单核查（四查三比对）</source>
        <translation>List check (four checks, three comparisons)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="192"/>
        <source>导入名单…</source>
        <translation>Import list…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="194"/>
        <source>按台账状态填写已对应的学生</source>
        <translation>Fill in matched pupils from their status</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="195"/>
        <source>已对应到本校、尚未填写结果的学生：在校的填“核实在本校就读”，送教上门、休学的照填；疑似辍学、辍学和已离校的留给您逐个核查</source>
        <translation>Matched pupils without a finding: those at school get “verified at this school”, home-taught and suspended pupils get that; suspected dropouts, dropouts and pupils who left are left for you to check one by one</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="199"/>
        <source>导出核查结果…</source>
        <translation>Export findings…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="201"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="233"/>
        <source>名单</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="234"/>
        <source>名单外的在籍学生</source>
        <translation>Pupils on the roll not on the list</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="237"/>
        <source>核查这一行</source>
        <translation>Check this row</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="247"/>
        <source>查找本校学生：输入姓名、身份证号或学籍号，按回车</source>
        <translation>Find a pupil: type a name, ID number or student number and press Enter</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="249"/>
        <source>确认是此学生</source>
        <translation>This is the pupil</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="251"/>
        <source>不是此学生</source>
        <translation>Not this pupil</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="254"/>
        <location filename="../../ui/views/reconcile_view.py" line="361"/>
        <source>请选择…</source>
        <translation>Please choose…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="258"/>
        <source>例如：石桥镇中心学校</source>
        <translation>For example: Shiqiao Town Central School</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="266"/>
        <source>写明依据，例如：班主任核实在校；接收学校出具的在读证明；派出所证明</source>
        <translation>State the grounds, e.g. the class teacher verified attendance; a certificate of enrolment from the receiving school; a police station certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="268"/>
        <source>添加证明材料…</source>
        <translation>Add evidence…</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="279"/>
        <source>保存核查结果</source>
        <translation>Save finding</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="287"/>
        <source>名单：</source>
        <translation>List:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="292"/>
        <source>新名单类别：</source>
        <translation>Kind of new list:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="304"/>
        <source>名单中：</source>
        <translation>On the list:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="305"/>
        <source>匹配：</source>
        <translation>Match:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="306"/>
        <source>读取提示：</source>
        <translation>Notes from reading:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="307"/>
        <source>指定学生：</source>
        <translation>Name a pupil:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="308"/>
        <source>候选学生：</source>
        <translation>Candidates:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="309"/>
        <source>核查结果：</source>
        <translation>Finding:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="310"/>
        <source>就读学校：</source>
        <translation>School attended:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="311"/>
        <source>辍学原因：</source>
        <translation>Dropout reason:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="312"/>
        <source>核查日期：</source>
        <translation>Date checked:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="313"/>
        <source>核查说明：</source>
        <translation>Explanation:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="314"/>
        <source>证明材料：</source>
        <translation>Evidence:</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="349"/>
        <source>名单没有加载成功</source>
        <translation>The list could not be loaded</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="357"/>
        <source>{title}（{kind}，{date}导入）</source>
        <translation>{title} ({kind}, imported {date})</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="373"/>
        <source>名单（{n}人）</source>
        <translation>List ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="374"/>
        <source>名单外的在籍学生（{n}人）</source>
        <translation>On the roll, not on the list ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="381"/>
        <source>还没有导入名单。选择名单类别，再点“导入名单…”，选择县里或村里发来的 Excel 或 CSV 文件。</source>
        <translation>No list imported yet. Choose the kind of list, click “Import list…” and pick the Excel or CSV file the county or village sent.</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="384"/>
        <source>共 {rows} 人：已对应到本校学生 {accepted} 人，待人工确认 {pending} 人，未找到 {unmatched} 人；已填写核查结果 {answered} 人，还有 {left} 人未填。</source>
        <translation>{rows} people: {accepted} matched to pupils here, {pending} awaiting confirmation, {unmatched} not found; {answered} with a finding, {left} still to do.</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="423"/>
        <source>{method}，待确认</source>
        <translation>{method}, to confirm</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="425"/>
        <source>{method}，已确认</source>
        <translation>{method}, confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="438"/>
        <source>双击打开学生页面</source>
        <translation>Double-click to open the pupil&apos;s page</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="473"/>
        <source>核查这一行（请先在上面的名单中选一行）</source>
        <translation>Check this row (first choose a row of the list above)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="480"/>
        <source>核查第{n}行</source>
        <translation>Checking row {n}</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="501"/>
        <source>已有 {n} 个文件</source>
        <translation>{n} file(s) already</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="507"/>
        <source>{method}：{name}（{where}，{status}）</source>
        <translation>{method}: {name} ({where}, {status})</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="512"/>
        <source>{method}：有 {n} 名可能的学生，请核对后确认，或选“不是此学生”</source>
        <translation>{method}: {n} possible pupil(s); check and confirm, or choose “Not this pupil”</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="514"/>
        <source>未在本校学籍中找到此人</source>
        <translation>Not found on this school&apos;s roll</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="528"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="539"/>
        <source>请选择核查结果</source>
        <translation>choose a finding</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="541"/>
        <source>请填写就读学校</source>
        <translation>enter the school attended</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="544"/>
        <source>标为辍学前须先确认是本校哪名学生</source>
        <translation>confirm which pupil this is before marking a dropout</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="546"/>
        <source>请选择辍学原因</source>
        <translation>choose a dropout reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="548"/>
        <source>请写明核查说明（依据）</source>
        <translation>write the explanation (grounds)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="594"/>
        <source>没有找到“{text}”</source>
        <translation>Nothing found for “{text}”</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="627"/>
        <source>选择照片或扫描件</source>
        <translation>Choose photos or scans</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="628"/>
        <source>照片或扫描件 (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Photos or scans (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="637"/>
        <source> 等 {n} 个文件</source>
        <translation> and others, {n} files</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="642"/>
        <source>选择县里或村里发来的名单</source>
        <translation>Choose the list from the county or village</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="643"/>
        <source>表格文件 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="663"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="663"/>
        <source>导出核查结果</source>
        <translation>Export findings</translation>
    </message>
    <message>
        <location filename="../../ui/views/reconcile_view.py" line="671"/>
        <source> 已导出到 {file}</source>
        <translation> Exported to {file}</translation>
    </message>
</context>
<context>
    <name>ReportFormDialog</name>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="71"/>
        <source>乡镇人民政府</source>
        <translation>Township government</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="72"/>
        <source>县教育局</source>
        <translation>County bureau</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="73"/>
        <source>乡镇中心校</source>
        <translation>Central school</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="77"/>
        <source>包保教师</source>
        <translation>Responsible teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="78"/>
        <source>村级责任人</source>
        <translation>Village contact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="79"/>
        <source>乡镇责任人</source>
        <translation>Township contact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="106"/>
        <source>辍学学生情况报告表</source>
        <translation>Dropout report form</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="114"/>
        <source>正在读取学生信息…</source>
        <translation>Reading the student…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="141"/>
        <source>个案情况（保存时一并更新该生的辍学个案）</source>
        <translation>Case facts (saved into the pupil&apos;s dropout case as well)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="142"/>
        <source>该生没有未销号的辍学个案：只保存报告。</source>
        <translation>This pupil has no open dropout case: only the report is saved.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="146"/>
        <source>选择“其他”时必须填写</source>
        <translation>Required when “Other” is chosen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="148"/>
        <source>如：在家、外出务工（广东东莞）、去向不明</source>
        <translation>e.g. at home, working (Dongguan, Guangdong), unknown</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="152"/>
        <source>重新生成草稿</source>
        <translation>Redraft</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="154"/>
        <source>草稿由台账生成，请核对、修改后保存。</source>
        <translation>Drafted from the ledger: check and edit it before saving.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="168"/>
        <source>辍学原因：</source>
        <translation>Dropout reason:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="169"/>
        <source>原因说明：</source>
        <translation>Reason details:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="170"/>
        <source>去向：</source>
        <translation>Whereabouts:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="172"/>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="179"/>
        <source>学生：</source>
        <translation>Student:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="180"/>
        <source>缺课情况：</source>
        <translation>Absence:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="181"/>
        <source>报告日期：</source>
        <translation>Report date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="182"/>
        <source>报送单位：</source>
        <translation>Send to:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="186"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="188"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="196"/>
        <source>报告内容：</source>
        <translation>Report:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="223"/>
        <source>找不到这名学生。</source>
        <translation>This student cannot be found.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="226"/>
        <source>{name}（{grade_class}）</source>
        <translation>{name} ({grade_class})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="229"/>
        <source>已连续无故缺课 {days} 个上学日（自 {start} 起）</source>
        <translation>Absent without leave for {days} school days in a row (since {start})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="231"/>
        <source>目前没有连续的无故缺课记录</source>
        <translation>No current run of unexcused absence</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="232"/>
        <source>请选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="289"/>
        <source>正在读取学生信息</source>
        <translation>Reading the student</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="292"/>
        <source>请至少选择一个报送单位</source>
        <translation>Choose at least one recipient</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="296"/>
        <source>请填写报告内容</source>
        <translation>Write the report</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="303"/>
        <source>请选择辍学原因</source>
        <translation>Choose the dropout reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="305"/>
        <source>选择“其他”时须写明原因</source>
        <translation>“Other” needs a written reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="307"/>
        <source>请填写包保教师</source>
        <translation>Name the responsible teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="310"/>
        <source>{label}“{name}”不像姓名</source>
        <translation>{label} “{name}” does not look like a name</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="44"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="45"/>
        <source>待确认</source>
        <translation>Awaiting confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="46"/>
        <source>已注销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="54"/>
        <source>密钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="55"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="56"/>
        <source>登记时间</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="57"/>
        <source>确认人</source>
        <translation>Confirmed by</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="64"/>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="146"/>
        <source>注销学校密钥</source>
        <translation>Revoke a school key</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="66"/>
        <source>学校的电脑丢失、不再使用，或恢复备份后换了新密钥时，请注销旧密钥：此后用它签名的同步文件一律拒收，县里也不再给它写同步文件。</source>
        <translation>When a school&apos;s computer is lost or retired, or it got a new key after a restore, revoke the old key: sync files signed with it are refused from then on, and the county writes no more files for it.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="73"/>
        <source>学校：</source>
        <translation>School:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="86"/>
        <source>注销所选密钥…</source>
        <translation>Revoke the selected key…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="88"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="107"/>
        <source>请选择学校…</source>
        <translation>Choose a school…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="109"/>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="146"/>
        <source>注销指纹为 {digits} 的密钥？
注销后不能恢复；用这把密钥签名的同步文件将一律拒收。</source>
        <translation>Revoke the key with fingerprint {digits}?
This cannot be undone; sync files signed with this key will all be refused.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="163"/>
        <source>已注销。该校还有 {n} 把已确认的密钥。</source>
        <translation>Revoked. The school has {n} confirmed keys left.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/revoke_dialog.py" line="164"/>
        <source>已注销。该校已没有已确认的密钥：学校重新导出后，请按新的入网回执确认。</source>
        <translation>Revoked. The school has no confirmed key left: once it exports again, confirm its key from the new enrolment receipt.</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../ui/roster_model.py" line="42"/>
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="42"/>
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="135"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="136"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="137"/>
        <source>年级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="138"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="139"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="140"/>
        <source>全国学籍号</source>
        <translation>National student no.</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="141"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="142"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="144"/>
        <source>预警</source>
        <translation>At risk</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../ui/session.py" line="111"/>
        <source> — 当前用户：{who}</source>
        <translation> — logged in: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="113"/>
        <source>当前用户：{who}</source>
        <translation>Logged in: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="114"/>
        <source>未登录（身份证号隐去中间部分）</source>
        <translation>Nobody logged in (ID numbers partly hidden)</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="142"/>
        <source>切换用户…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="145"/>
        <source>注销</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="146"/>
        <source>退出登录并关闭台账</source>
        <translation>Log out and close the ledger</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="154"/>
        <source>账户管理…</source>
        <translation>Accounts…</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="157"/>
        <source>修改我的密码…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="179"/>
        <source>密码已修改</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="221"/>
        <source>台账已改用新副本</source>
        <translation>This ledger now continues as a new replica</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="238"/>
        <source>台账已从备份恢复，损坏的文件保存在备份文件夹里。请重新打开程序。</source>
        <translation>The ledger was restored from a backup; the damaged file is kept in the backup folder. Please open the program again.</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="238"/>
        <source>台账已恢复</source>
        <translation>Ledger restored</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="315"/>
        <source>这个台账已设置账户：请用环境变量 {user} 和 {password} 指定登录的账户和密码。</source>
        <translation>This ledger has accounts: name the account and its password in the environment variables {user} and {password}.</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="82"/>
        <source>变更学籍状态</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="95"/>
        <source>正在读取学生信息…</source>
        <translation>Reading the student…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="109"/>
        <source>选择“其他”时必须填写</source>
        <translation>Required when “Other” is chosen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="111"/>
        <location filename="../../ui/dialogs/status_dialog.py" line="176"/>
        <location filename="../../ui/dialogs/status_dialog.py" line="180"/>
        <source>请选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="116"/>
        <source>例如：接收学校出具的在读证明、派出所证明</source>
        <translation>e.g. a certificate of attendance from the receiving school, or from the police station</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="127"/>
        <source>学生：</source>
        <translation>Student:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="128"/>
        <source>当前状态：</source>
        <translation>Current status:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="129"/>
        <source>变更为：</source>
        <translation>Change to:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="130"/>
        <source>生效日期：</source>
        <translation>Effective date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="131"/>
        <source>辍学原因：</source>
        <translation>Dropout reason:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="132"/>
        <source>原因说明：</source>
        <translation>Reason details:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="133"/>
        <source>销号原因：</source>
        <translation>Closure reason:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="134"/>
        <source>销号依据：</source>
        <translation>Closure evidence:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="135"/>
        <source>备注：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="139"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="142"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="161"/>
        <source>找不到这名学生。</source>
        <translation>This student cannot be found.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="166"/>
        <source>资料不全</source>
        <translation>Incomplete record</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="170"/>
        <source>{status}（自 {date} 起）</source>
        <translation>{status} (since {date})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="207"/>
        <source>正在读取学生信息</source>
        <translation>Reading the student</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="209"/>
        <source>“{status}”是终结状态，不能再变更</source>
        <translation>“{status}” is final and cannot be changed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="213"/>
        <source>请选择要变更为的状态</source>
        <translation>Choose the new status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="218"/>
        <source>请选择辍学原因</source>
        <translation>Choose the dropout reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="220"/>
        <source>选择“其他”时须写明原因</source>
        <translation>Write the reason when “Other” is chosen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="223"/>
        <source>销号须选择销号原因</source>
        <translation>Closing a case needs a closure reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/status_dialog.py" line="225"/>
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
        <location filename="../../ui/dialogs/student_dialog.py" line="467"/>
        <source>新增学生</source>
        <translation>New pupil</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="467"/>
        <source>编辑学生信息</source>
        <translation>Edit pupil</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="474"/>
        <source>正在读取学生信息…</source>
        <translation>Reading the pupil…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="490"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="491"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="493"/>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="492"/>
        <source>请选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="494"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="495"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="520"/>
        <source>18位，最后一位可以是X</source>
        <translation>18 digits; the last may be X</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="521"/>
        <source>G、J或L加18位，共19位</source>
        <translation>G, J or L plus 18: 19 in all</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="522"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="767"/>
        <source>如 2015-03-08</source>
        <translation>e.g. 2015-03-08</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="523"/>
        <source>如 2班</source>
        <translation>e.g. 2班</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="524"/>
        <source>12位统计用区划代码，可不填</source>
        <translation>12-digit statistical division code (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="525"/>
        <source>如 坪坝镇石门村三组</source>
        <translation>e.g. 坪坝镇石门村三组</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="526"/>
        <source>可不填；按回车保存</source>
        <translation>Optional; press Enter to save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="536"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="545"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="556"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="567"/>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="539"/>
        <source>身份</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="553"/>
        <source>就读</source>
        <translation>Schooling</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="563"/>
        <source>家庭与监护人</source>
        <translation>Home and guardians</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="573"/>
        <source>特殊群体</source>
        <translation>Special groups</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="578"/>
        <source>其他：</source>
        <translation>Other:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="588"/>
        <source>预警与备注</source>
        <translation>Risk and notes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="617"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="619"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="666"/>
        <source>找不到这名学生，可能已被撤销。</source>
        <translation>This pupil cannot be found; the record may have been withdrawn.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="674"/>
        <source>编辑学生信息 · {name}</source>
        <translation>Edit pupil · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="710"/>
        <source>已登记 {masked}；如需更正，请输入完整号码</source>
        <translation>On record: {masked}; to correct it, type the whole number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="723"/>
        <location filename="../../ui/dialogs/student_dialog.py" line="733"/>
        <source>留空表示不修改</source>
        <translation>Leave empty to keep it</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="724"/>
        <source>出生日期和性别将由号码自动得出</source>
        <translation>Date of birth and sex are read from the number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="728"/>
        <source>身份证号有误</source>
        <translation>the ID number is wrong</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="729"/>
        <source>身份证号还没输完</source>
        <translation>the ID number is incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="734"/>
        <source>有身份证号的学生，学籍号一般是G加身份证号</source>
        <translation>For a pupil with an ID, this is usually G plus the ID number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="738"/>
        <source>学籍号有误</source>
        <translation>the student number is wrong</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="739"/>
        <source>学籍号还没输完</source>
        <translation>the student number is incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="750"/>
        <source>由身份证号自动得出</source>
        <translation>Read from the ID number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="752"/>
        <source>输完身份证号后自动得出</source>
        <translation>Read from the ID number once complete</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="755"/>
        <source>由已登记的身份证号得出</source>
        <translation>Read from the ID number on record</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="784"/>
        <source>请填写姓名</source>
        <translation>enter the name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="784"/>
        <source>请选择年级</source>
        <translation>choose the grade</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="832"/>
        <source>注意：{notes}</source>
        <translation>Note: {notes}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="836"/>
        <source>还不能保存：{reasons}</source>
        <translation>Cannot save yet: {reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="838"/>
        <source>还没有改动</source>
        <translation>Nothing changed yet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/student_dialog.py" line="841"/>
        <source>保存（在备注栏按回车也可保存）</source>
        <translation>Save (Enter in the note field saves too)</translation>
    </message>
</context>
<context>
    <name>StudentView</name>
    <message>
        <location filename="../../ui/views/student_view.py" line="61"/>
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="61"/>
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="169"/>
        <source>资料不全</source>
        <translation>Incomplete record</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="175"/>
        <source>回证已签收</source>
        <translation>Receipt signed</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="177"/>
        <source>已送达，回证未签收</source>
        <translation>Delivered, receipt not signed</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="178"/>
        <source>未送达</source>
        <translation>Not delivered</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="190"/>
        <source>编辑信息</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="191"/>
        <source>变更状态</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="192"/>
        <source>登记劝返</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="193"/>
        <source>劝返阶段</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="194"/>
        <source>报告表</source>
        <translation>Report form</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="195"/>
        <source>结对帮扶</source>
        <translation>Teacher pairing</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="196"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="229"/>
        <location filename="../../ui/views/student_view.py" line="593"/>
        <source>劝返记录</source>
        <translation>Persuasion visits</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="229"/>
        <source>基本信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="229"/>
        <source>状态与个案</source>
        <translation>Status and case</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="229"/>
        <source>资助与帮扶</source>
        <translation>Aid and support</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="230"/>
        <source>修改记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="251"/>
        <source>学生信息</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="297"/>
        <source>找不到这名学生</source>
        <translation>This student cannot be found</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="304"/>
        <location filename="../../ui/views/student_view.py" line="357"/>
        <location filename="../../ui/views/student_view.py" line="615"/>
        <source>证明材料</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="309"/>
        <source>（已撤销登记）</source>
        <translation>(registration withdrawn)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="315"/>
        <source>身份证号 {v}</source>
        <translation>ID number {v}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="316"/>
        <source>学籍号 {v}</source>
        <translation>Student no. {v}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="320"/>
        <source>当前状态：{status}</source>
        <translation>Current status: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="326"/>
        <source>预警原因：{reasons}</source>
        <translation>At risk: {reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="329"/>
        <source>预警原因：无</source>
        <translation>At risk: no</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="349"/>
        <source>证明材料与照片</source>
        <translation>Supporting documents and photos</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="350"/>
        <source>这名学生的全部照片和扫描件：单独添加的证明材料，以及劝返记录、通知书、法律文书、书面报告和销号所附的文件。</source>
        <translation>Every photo and scan for this student: documents added on their own, and files attached to visits, notices, legal documents, reports and case closures.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="376"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="398"/>
        <source>此条已撤销</source>
        <translation>This entry was withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="432"/>
        <source>撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="442"/>
        <source>身份与家庭</source>
        <translation>Identity and family</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="449"/>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="463"/>
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="464"/>
        <source>与学生关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="464"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="464"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="479"/>
        <source>县里名单显示：{labels}</source>
        <translation>County list shows: {labels}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="480"/>
        <source>县里名单中没有该生</source>
        <translation>Not on the county&apos;s lists</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="482"/>
        <source>（与本校记录不一致）</source>
        <translation> (differs from the school&apos;s record)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="486"/>
        <source>县教育局随同步包下发的脱贫户、低保、特困名单中本校学生的部分。本校记录不同时，请与家庭和村里核实后更正，或向县里提出。</source>
        <translation>This school&apos;s part of the county&apos;s lists of poverty-alleviated, subsistence-allowance and extreme-poverty families, sent with the sync package. Where the school&apos;s record differs, check with the family and the village, then correct it or raise it with the county.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="496"/>
        <location filename="../../ui/views/student_view.py" line="504"/>
        <location filename="../../ui/views/student_view.py" line="506"/>
        <location filename="../../ui/views/student_view.py" line="507"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="500"/>
        <source>（仅校长可见）</source>
        <translation>(principal only)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="513"/>
        <source>应于 {due} 前完成（已逾期 {n} 天）</source>
        <translation>due by {due} ({n} days overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="516"/>
        <source>应于 {due} 前完成（还有 {n} 天）</source>
        <translation>due by {due} ({n} days left)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="518"/>
        <source>下一阶段：{stage} {label}，{when}；办理：{actor}</source>
        <translation>Next step: {stage} {label}, {when}; by: {actor}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="531"/>
        <source>当前个案</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="533"/>
        <source>没有未销号的个案</source>
        <translation>No open case</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="537"/>
        <source>（未记录）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="538"/>
        <source>立案日期 {opened}　当前阶段：{stage}</source>
        <translation>Opened {opened}   Current stage: {stage}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="551"/>
        <source>状态变化</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="552"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="552"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="552"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="552"/>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="552"/>
        <source>销号</source>
        <translation>Closure</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="563"/>
        <source>全部个案</source>
        <translation>All cases</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="564"/>
        <source>包保教师</source>
        <translation>Responsible teacher</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="564"/>
        <source>立案日期</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="564"/>
        <source>辍学原因</source>
        <translation>Dropout reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="564"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="565"/>
        <source>销号原因</source>
        <translation>Closure reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="565"/>
        <source>销号日期</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="575"/>
        <source>毕业去向</source>
        <translation>Destination after graduation</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="578"/>
        <source>登记毕业去向…</source>
        <translation>Record destination…</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="580"/>
        <source>升入普通高中、中职、技工学校计入初中升学率；后登记的去向取代先前的</source>
        <translation>Senior high, secondary vocational and technical school count towards the progression rate; a later entry replaces an earlier one</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="597"/>
        <source>劝返复学通知书</source>
        <translation>Return notices</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="601"/>
        <source>回证</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="602"/>
        <source>法律文书</source>
        <translation>Legal documents</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="606"/>
        <source>书面报告</source>
        <translation>Written reports</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="614"/>
        <source>证明材料（{n}）</source>
        <translation>Documents ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="620"/>
        <source>资助发放</source>
        <translation>Subsidies paid</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="628"/>
        <source>帮扶记录</source>
        <translation>Pairing log</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="631"/>
        <source>帮扶教师</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="633"/>
        <source>送教上门记录</source>
        <translation>Home-teaching sessions</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="641"/>
        <source>时间是当时那台电脑上的时间，电脑时钟不准时可能有出入。</source>
        <translation>Times are those of the computer that made the change; they may be off if its clock was wrong.</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="645"/>
        <source>操作</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="645"/>
        <source>操作人</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="645"/>
        <source>本机时间</source>
        <translation>Computer time</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="645"/>
        <source>电脑</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="645"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="657"/>
        <source>{n} 份，见“证明材料”</source>
        <translation>{n}, see “Documents”</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="659"/>
        <source>附件</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="666"/>
        <source>已撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="666"/>
        <source>已撤销：{reason}</source>
        <translation>Withdrawn: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/views/student_view.py" line="682"/>
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
    <name>SyncDialog</name>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="63"/>
        <source>待导入</source>
        <translation>To import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="64"/>
        <source>待核对指纹</source>
        <translation>Digits to check</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="65"/>
        <source>不能导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="66"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="67"/>
        <source>本单位导出</source>
        <translation>Exported by us</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="68"/>
        <source>发给其他单位</source>
        <translation>For another unit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="69"/>
        <source>入网文件</source>
        <translation>Enrolment file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="70"/>
        <source>无法读取</source>
        <translation>Unreadable</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="79"/>
        <source>剩余 {n} GB</source>
        <translation>{n} GB free</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="80"/>
        <source>剩余 {n} MB</source>
        <translation>{n} MB free</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="88"/>
        <source>U盘 {path}（{details}）</source>
        <translation>USB stick {path} ({details})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="89"/>
        <source>U盘 {path}</source>
        <translation>USB stick {path}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="95"/>
        <source>{file}：无法读取。{reason}</source>
        <translation>{file}: unreadable. {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="98"/>
        <source>{file}：{sender}于 {time} 写给{receiver}，共 {n} 条记录。</source>
        <translation>{file}: written by {sender} on {time} for {receiver}, {n} records. </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="101"/>
        <source>尚未导入，点“导入”导入。</source>
        <translation>Not imported yet; click &quot;Import&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="103"/>
        <source>不能导入：{reason}</source>
        <translation>Cannot be imported: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="104"/>
        <source>已于 {time} 导入过，再导入也不会有改动。</source>
        <translation>Imported on {time}; importing it again changes nothing.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="105"/>
        <source>本机于 {time} 导出，请交给对方导入。</source>
        <translation>Exported by this computer on {time}; hand it to the other side to import.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="106"/>
        <source>本单位另一台电脑导出的文件，请交给对方导入。</source>
        <translation>Exported by another computer of ours; hand it to the other side to import.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="108"/>
        <source>不是发给本单位的，本机不导入；请交给收件单位。</source>
        <translation>Not for us, so it is not imported here; give it to the unit it is for.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="109"/>
        <source>这是入网文件：请用“文件 → 加入县级台账…”打开它。</source>
        <translation>This is an enrolment file: open it with &quot;File → Join the county ledger…&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="117"/>
        <source>本单位</source>
        <translation>us</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="119"/>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="152"/>
        <source>{file}：没有导入。{reason}
台账没有任何改动。</source>
        <translation>{file}: not imported. {reason}
Nothing in the ledger was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="155"/>
        <source>{file}：{reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="158"/>
        <source>注意：{w}</source>
        <translation>Note: {w}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="159"/>
        <source>（报告已保存：{path}）</source>
        <translation> (report saved: {path})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="161"/>
        <source>{file}：已导入。{where}
{body}</source>
        <translation>{file}: imported.{where}
{body}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="184"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="185"/>
        <source>来自</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="186"/>
        <source>发给</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="187"/>
        <source>写入时间</source>
        <translation>Written</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="188"/>
        <source>记录数</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="189"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="203"/>
        <source>U盘同步</source>
        <translation>USB sync</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="211"/>
        <source>正在读取台账…</source>
        <translation>Reading the ledger…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="240"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="241"/>
        <source>插入或换了U盘后点这里重新查找</source>
        <translation>Click after plugging in or changing the USB stick</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="243"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="244"/>
        <source>U盘没有列出，或要用其他文件夹时，在这里选择</source>
        <translation>Choose here when the stick is not listed, or to use another folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="247"/>
        <source>U盘：</source>
        <translation>USB stick:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="267"/>
        <source>导出到U盘</source>
        <translation>Export to USB stick</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="269"/>
        <location filename="../../ui/dialogs/sync_dialog.py" line="420"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="271"/>
        <source>县里回执</source>
        <translation>County receipts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="272"/>
        <source>县里签名确认已收到本校多少条记录（每次导入县里的同步文件都有一份）</source>
        <translation>How many of our records the county confirmed, signed (one with every county sync file imported)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="275"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="304"/>
        <source>文件夹 {path}</source>
        <translation>Folder {path}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="306"/>
        <source>没有找到U盘：请插入U盘后点“刷新”，或点“选择文件夹…”</source>
        <translation>No USB stick found: plug one in and click &quot;Refresh&quot;, or click &quot;Choose folder…&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="321"/>
        <source>选择U盘或文件夹</source>
        <translation>Choose the USB stick or a folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="355"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="356"/>
        <source>{n} 所已确认的学校</source>
        <translation>{n} confirmed schools</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="357"/>
        <source>{name}：导出的同步文件发给{to}。</source>
        <translation>{name}: sync files are exported for {to}. </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="359"/>
        <source>{name}：{why}</source>
        <translation>{name}: {why} </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="360"/>
        <source>上次导出：{time}。</source>
        <translation>Last export: {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="361"/>
        <source>本机还没有导出过同步文件。</source>
        <translation>This computer has not exported a sync file yet.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="371"/>
        <source>{n} 条</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="390"/>
        <source>{folder} 里没有同步文件。</source>
        <translation>No sync files in {folder}.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="393"/>
        <source>{folder} 里有 {n} 个同步文件，其中 {todo} 个待导入。选中一行可看详细说明。</source>
        <translation>{folder} holds {n} sync files, {todo} of them to import. Select a row for details.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="395"/>
        <source>{folder} 里有 {n} 个同步文件，没有需要本机导入的。选中一行可看详细说明。</source>
        <translation>{folder} holds {n} sync files, none to import here. Select a row for details.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="414"/>
        <source>请先插入U盘，或点“选择文件夹…”</source>
        <translation>Plug in a USB stick first, or click &quot;Choose folder…&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="418"/>
        <source>把本机的同步文件写到 {folder}</source>
        <translation>Write this computer&apos;s sync file(s) to {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="420"/>
        <source>导入（{n} 个）</source>
        <translation>Import ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="423"/>
        <source>导入U盘上发给本单位、尚未导入的同步文件</source>
        <translation>Import the sync files on the stick that are for us and not imported yet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="424"/>
        <source>U盘上没有需要本机导入的同步文件</source>
        <translation>No sync file on the stick needs importing here</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="445"/>
        <source>还没有收到县里的同步文件，所以还没有回执。</source>
        <translation>No sync file from the county has arrived yet, so there are no receipts.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="447"/>
        <source>县里的签收回执（原件是“同步/收件”中县里签名的同步文件，可交检查时核验）：</source>
        <translation>The county&apos;s signed receipts (the originals are the county-signed sync files in “同步/收件”, which an inspector can verify):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="465"/>
        <source>{file}（发给{to}，{n} 条记录）</source>
        <translation>{file} (for {to}, {n} records)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="468"/>
        <source>已写入，请等待提示后再拔U盘；拔出前请使用“安全弹出”。</source>
        <translation>Written. Wait for the message before unplugging the stick, and use &quot;Safely remove&quot; first.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="470"/>
        <source>已写入 {n} 个同步文件并读回核对无误：</source>
        <translation>{n} sync files written and read back correctly:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="474"/>
        <source>正在写入U盘，请不要拔U盘…</source>
        <translation>Writing to the USB stick; do not unplug it…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="489"/>
        <source>导入完成：{ok} 个已导入，{bad} 个没有导入（原因见下）。</source>
        <translation>Import finished: {ok} imported, {bad} not imported (reasons below).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="492"/>
        <source>导入完成：{ok} 个同步文件已导入。</source>
        <translation>Import finished: {ok} sync files imported.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="497"/>
        <source>正在导入，请稍候…</source>
        <translation>Importing, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sync_dialog.py" line="509"/>
        <source>没有完成。{reason}</source>
        <translation>Not finished. {reason}</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <location filename="../../ui/sync_ui.py" line="71"/>
        <source>U盘同步…</source>
        <translation>USB sync…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="73"/>
        <source>把同步文件写到U盘，或导入U盘上的同步文件</source>
        <translation>Write sync files to a USB stick, or import the ones on it</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="75"/>
        <source>同步冲突与更正…</source>
        <translation>Sync conflicts and corrections…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="89"/>
        <source>本校和县教育局对同一项填了不同的内容：点这里核对</source>
        <translation>This school and the county bureau entered different values: click to check</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="96"/>
        <source>台账已加密，钥匙只由各账户的密码和县教育局保管。加入县级台账后，忘记密码时县里可以帮您找回；在那之前，所有密码都忘了台账就再也打不开。</source>
        <translation>The ledger is encrypted; its key is held only by the accounts&apos; passwords and by the county education bureau. Once the school has joined the county ledger, the county can help if a password is forgotten; until then, if every password is forgotten the ledger can never be opened again.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="125"/>
        <source>加入县级台账…</source>
        <translation>Join the county ledger…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="126"/>
        <source>用县教育局发来的入网文件加入县级台账</source>
        <translation>Join the county ledger with the enrolment file from the county bureau</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="131"/>
        <source>县里通知…</source>
        <translation>County notices…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="132"/>
        <source>县教育局对本校学生所作的核查决定</source>
        <translation>Decisions the county education bureau made about this school&apos;s pupils</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="139"/>
        <source>县级</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="141"/>
        <source>登记学校（制作入网文件）…</source>
        <translation>Enrol a school (make its enrolment file)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="143"/>
        <source>确认学校密钥…</source>
        <translation>Confirm a school&apos;s key…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="145"/>
        <source>注销学校密钥…</source>
        <translation>Revoke a school key…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="147"/>
        <source>学校异议…</source>
        <translation>School disputes…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="150"/>
        <source>打印县级密钥说明单…</source>
        <translation>Print the county key sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="170"/>
        <source>⚠ 尚未加入县级台账：忘记密码将无法找回</source>
        <translation>⚠ Not joined to the county yet: a forgotten password cannot be recovered</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="174"/>
        <source>⚠ 待核对 {n}</source>
        <translation>⚠ To check: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="258"/>
        <source>县级密钥说明单.pdf</source>
        <translation>county-key-sheet.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="270"/>
        <source>已打开县级密钥说明单，请从 PDF 阅读器打印。</source>
        <translation>The county key sheet is open; print it from the PDF reader.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_ui.py" line="271"/>
        <source>无法打开 PDF 阅读器。文件在：{file}</source>
        <translation>Could not open a PDF reader. The file is at: {file}</translation>
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
        <source>通知书到期</source>
        <translation>Notice due</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="47"/>
        <source>逾期报送</source>
        <translation>Overdue report</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="48"/>
        <source>月报</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="49"/>
        <source>报送事项</source>
        <translation>Report due</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="50"/>
        <source>U盘同步</source>
        <translation>USB sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="56"/>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="56"/>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="57"/>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="57"/>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="58"/>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="58"/>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="59"/>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="77"/>
        <source>{y}年{m}月{d}日 {weekday}</source>
        <translation>{weekday}, {y}-{m}-{d}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="104"/>
        <source>事项</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="105"/>
        <source>学生</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="106"/>
        <source>年级班级</source>
        <translation>Grade and class</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="107"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="108"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="136"/>
        <source>今天没有待办事项</source>
        <translation>Nothing is due today</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="151"/>
        <source>今日待办</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="152"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="218"/>
        <source>待办事项没有加载成功</source>
        <translation>The task list could not be loaded</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="223"/>
        <source>今日待办 · {date}</source>
        <translation>Today · {date}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="231"/>
        <source>按县里定的标准，今天没有需要跟进的学生。</source>
        <translation>By the county&apos;s thresholds, no pupil needs follow-up today.</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="235"/>
        <source>{kind} {n} 件</source>
        <translation>{kind}: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="237"/>
        <source>今天有 {n} 件事要办</source>
        <translation>{n} tasks today</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="240"/>
        <source>，其中紧急 {n} 件</source>
        <translation>, {n} urgent</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="241"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="241"/>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="247"/>
        <source>今天要办</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="247"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="264"/>
        <source>{title}（{n} 件）</source>
        <translation>{title} ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="299"/>
        <source>双击或按回车键打开学生页面</source>
        <translation>Double-click or press Enter to open the student</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="301"/>
        <source>双击或按回车键打印</source>
        <translation>Double-click or press Enter to print</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="303"/>
        <source>双击或按回车键办理</source>
        <translation>Double-click or press Enter to do it</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="69"/>
        <source>电话</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="70"/>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="71"/>
        <source>家访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="72"/>
        <source>联合家访</source>
        <translation>Joint home visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="73"/>
        <source>法律文书送达</source>
        <translation>Legal document served</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="76"/>
        <source>配合</source>
        <translation>Cooperative</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="77"/>
        <source>犹豫</source>
        <translation>Hesitant</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="78"/>
        <source>拒绝</source>
        <translation>Refusing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="79"/>
        <source>联系不上</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="84"/>
        <source>包保教师</source>
        <translation>responsible teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="85"/>
        <source>村级责任人</source>
        <translation>village contact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="86"/>
        <source>乡镇责任人</source>
        <translation>township contact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="87"/>
        <source>结对教师</source>
        <translation>pairing teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="88"/>
        <source>校长</source>
        <translation>principal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="89"/>
        <source>学籍管理员</source>
        <translation>registrar</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="90"/>
        <source>班主任</source>
        <translation>class teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="91"/>
        <source>县教育局工作人员</source>
        <translation>county clerk</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="92"/>
        <source>操作员</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="93"/>
        <source>曾参加劝返</source>
        <translation>earlier visits</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="94"/>
        <source>送教教师</source>
        <translation>home-teaching teacher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="95"/>
        <source>本次添加</source>
        <translation>added now</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="112"/>
        <source>“{name}”不像姓名（只能包含汉字、字母和间隔号“·”，不能有数字）</source>
        <translation>“{name}” does not look like a name (Chinese characters, letters and “·” only, no digits)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="144"/>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="203"/>
        <source>劝返记录</source>
        <translation>Persuasion visits</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="217"/>
        <source>正在读取学生信息…</source>
        <translation>Reading the student…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="238"/>
        <source>名单中没有的人：输入姓名，多人用顿号分隔</source>
        <translation>Not listed? Type names, separated by 、</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="239"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="245"/>
        <source>如：学生母亲</source>
        <translation>e.g. the pupil&apos;s mother</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="247"/>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="256"/>
        <source>约定了日期</source>
        <translation>Date agreed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="281"/>
        <source>学生：</source>
        <translation>Student:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="282"/>
        <source>个案：</source>
        <translation>Case:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="283"/>
        <source>劝返日期：</source>
        <translation>Visit date:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="284"/>
        <source>方式：</source>
        <translation>Mode:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="285"/>
        <source>参加人员：</source>
        <translation>Participants:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="286"/>
        <source>见到何人：</source>
        <translation>Met:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="287"/>
        <source>家长和学生态度：</source>
        <translation>Attitude:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="288"/>
        <source>承诺或结果：</source>
        <translation>Promise or result:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="289"/>
        <source>下一步：</source>
        <translation>Next step:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="290"/>
        <source>下一步日期：</source>
        <translation>Next step by:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="294"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="297"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="314"/>
        <source>找不到这名学生。</source>
        <translation>This student cannot be found.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="321"/>
        <source>无（该生没有未销号的个案）</source>
        <translation>None (no open case for this pupil)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="321"/>
        <source>本次记录归入该生的辍学个案</source>
        <translation>This visit is filed under the pupil&apos;s dropout case</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="364"/>
        <source>正在读取学生信息</source>
        <translation>Reading the student</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="367"/>
        <source>请勾选或填写参加人员</source>
        <translation>Tick or type who took part</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="370"/>
        <source>下一步日期不能早于劝返日期</source>
        <translation>The next-step date cannot be before the visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit_dialog.py" line="379"/>
        <source>已选 {n} 人：{names}</source>
        <translation>{n} chosen: {names}</translation>
    </message>
</context>
<context>
    <name>WarningView</name>
    <message>
        <location filename="../../ui/views/warning_view.py" line="51"/>
        <source>近期多次无故缺课</source>
        <translation>Repeated unexcused absence</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="52"/>
        <source>连续无故缺课</source>
        <translation>Consecutive unexcused absence</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="53"/>
        <source>开学或节后返校期缺课</source>
        <translation>Absent after term start or a holiday</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="54"/>
        <source>学习或行为问题</source>
        <translation>Study or behaviour problems</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="55"/>
        <source>辍学后复学不久</source>
        <translation>Recently back from dropout</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="56"/>
        <source>留守儿童</source>
        <translation>Left-behind child</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="57"/>
        <source>隔代监护</source>
        <translation>Cared for by grandparents</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="58"/>
        <source>家庭变故或困境</source>
        <translation>Family crisis or hardship</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="59"/>
        <source>超龄</source>
        <translation>Over age for grade</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="60"/>
        <source>预警（以上规则合起来）</source>
        <translation>Warning (all rules together)</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="90"/>
        <source>{y}年{m}月{d}日</source>
        <translation>{y}-{m}-{d}</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="134"/>
        <location filename="../../ui/views/warning_view.py" line="141"/>
        <source>学生</source>
        <translation>Pupil</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="135"/>
        <location filename="../../ui/views/warning_view.py" line="142"/>
        <source>年级班级</source>
        <translation>Grade and class</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="136"/>
        <location filename="../../ui/views/warning_view.py" line="146"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="137"/>
        <source>事实</source>
        <translation>Facts</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="138"/>
        <source>起始日期</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="143"/>
        <source>需要核实</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="147"/>
        <source>何时成立</source>
        <translation>Holds when</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="148"/>
        <source>立案前命中</source>
        <translation>Hits before case</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="149"/>
        <source>误报</source>
        <translation>False alarms</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="150"/>
        <source>准确率</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="151"/>
        <source>检出率</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="152"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="166"/>
        <source>预警名单</source>
        <translation>Early warning</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="168"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="184"/>
        <source>需关注的学生</source>
        <translation>Pupils to watch</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="185"/>
        <source>资助核实</source>
        <translation>Subsidy checks</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="186"/>
        <source>规则和回溯检验</source>
        <translation>Rules and back-test</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="239"/>
        <source>预警名单没有加载成功</source>
        <translation>The early-warning list could not be loaded</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="251"/>
        <source>预警名单 · {date}</source>
        <translation>Early warning · {date}</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="252"/>
        <source>在校学生 {watched} 名，按县里定的 {rules} 条规则，需关注 {n} 名。每条写明依据的事实和起始日期；规则只看出勤、班主任标记、复学经历、家庭情况和年龄，不看性别和民族；家庭经济困难只用于核实资助，不算预警。</source>
        <translation>{watched} pupils in school; by the county&apos;s {rules} rules, {n} need watching. Each row gives the facts and the day the rule became true. The rules read attendance, class teachers&apos; marks, past dropout, family situation and age, never sex or ethnicity; poverty only triggers a subsidy check, never a warning.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="257"/>
        <source>需关注的学生（{n}）</source>
        <translation>Pupils to watch ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="258"/>
        <source>资助核实（{n}）</source>
        <translation>Subsidy checks ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="278"/>
        <source>双击或按回车键打开学生页面</source>
        <translation>Double-click or press Enter to open the pupil&apos;s page</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="303"/>
        <source>家庭经济困难学生（含县里名单上的类别）本学期还没有生活补助发放记录的，请核实资助是否已落实。这里只是提醒核实，不是预警。</source>
        <translation>Pupils from families in financial difficulty (including the county&apos;s categories) with no living subsidy recorded this term: please check that their support has been paid. This is a reminder to check, not a warning.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="307"/>
        <source>班主任标记家庭经济困难、本学期还没有生活补助发放记录的学生，请核实资助是否已落实。家庭经济困难类别只有校长和县教育局工作人员能看到。</source>
        <translation>Pupils a class teacher marked as in financial difficulty, with no living subsidy recorded this term: please check that their support has been paid. Only the principal and county staff can see the official poverty categories.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="331"/>
        <source>回溯检验：{start}至{end}，本校共 {cases} 名学生成为疑似辍学或辍学（个案），另有 {others} 名学生期间在校、没有立案。命中：个案立案前 {days} 天内规则成立；误报：没有立案的学生期间规则成立过。准确率 = 命中 ÷（命中 + 误报），检出率 = 命中 ÷ 个案数。全校个案比例为 {base}，准确率明显高于它，规则才有用。{note}</source>
        <translation>Back-test from {start} to {end}: {cases} pupils of this school became suspected or confirmed dropouts (cases); {others} other pupils were in school with no case. Hit: the rule held in the {days} days before the case opened. False alarm: the rule held for a pupil with no case. Precision = hits ÷ (hits + false alarms); recall = hits ÷ cases. Cases are {base} of all pupils: a rule is useful only if its precision is clearly higher. {note}</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="350"/>
        <source>信号</source>
        <translation>signal</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="350"/>
        <source>背景</source>
        <translation>background</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="353"/>
        <source>{name}（{kind}）</source>
        <translation>{name} ({kind})</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="355"/>
        <source>{name}，未使用</source>
        <translation>{name}, not used</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="357"/>
        <source>{hits} / {cases}</source>
        <translation>{hits} / {cases}</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="358"/>
        <source>{alarms} / {others}</source>
        <translation>{alarms} / {others}</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="398"/>
        <source>没有个案可检验</source>
        <translation>No cases to test against</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="400"/>
        <source>检验期内从未触发</source>
        <translation>Never fired in the period</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="402"/>
        <source>只触发{n}次，准确率不可靠</source>
        <translation>Fired only {n} times: precision unreliable</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="404"/>
        <source>只有{n}例个案，仅供参考</source>
        <translation>Only {n} cases: for reference only</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="411"/>
        <source>近{days}天没有新立案的疑似辍学或辍学个案，无法检验规则。</source>
        <translation>No new suspected or confirmed dropout cases in the last {days} days: the rules cannot be tested.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="413"/>
        <source>近{days}天只有{n}例个案：例数太少，下面的比例会随一两个学生大幅变化，只能看出大致方向。</source>
        <translation>Only {n} cases in the last {days} days: too few, so the ratios below swing with one or two pupils and show only a rough direction.</translation>
    </message>
    <message>
        <location filename="../../ui/views/warning_view.py" line="415"/>
        <source>近{days}天共{n}例个案。</source>
        <translation>{n} cases in the last {days} days.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="68"/>
        <source>控辍保学台账（桌面程序）</source>
        <translation>Dropout Ledger (desktop app)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="69"/>
        <source>显示本帮助并退出</source>
        <translation>show this help and exit</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="70"/>
        <source>界面语言：zh_CN（简体中文，默认）或 en（英文）；也可用环境变量 {env} 设置</source>
        <translation>interface language: zh_CN (Simplified Chinese, the default) or en (English); the environment variable {env} sets it too</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="73"/>
        <source>台账文件（默认：本用户的数据文件夹）</source>
        <translation>the ledger file (default: in this user&apos;s data folder)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="74"/>
        <source>打开主窗口，保存截图（PNG）后退出</source>
        <translation>open the main window, save a screenshot (PNG) of it and exit</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="75"/>
        <source>检查本机安装（临时台账、样例名单、打印、字体、翻译、主窗口），报告后退出（0 表示正常）</source>
        <translation>check this installation (scratch ledger, sample roster, printing, fonts, translations, main window), report and exit (0 means OK)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="85"/>
        <source>不支持的语言 {value}，请用 zh_CN 或 en</source>
        <translation>unsupported language {value}; use zh_CN or en</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="184"/>
        <source>无法创建文件夹 {folder}：{reason}。请换一个能写入的位置。</source>
        <translation>Cannot create the folder {folder}: {reason}. Please choose a location you can write to.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="228"/>
        <source>无法打开台账：{message}</source>
        <translation>Cannot open the ledger: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="240"/>
        <source>无法保存截图 {file}</source>
        <translation>Cannot save the screenshot {file}</translation>
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
    <name>selftest</name>
    <message>
        <location filename="../../ui/selftest.py" line="56"/>
        <source>无法加载中文字体 {file}</source>
        <translation>Cannot load the Chinese font {file}</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="60"/>
        <source>界面没有使用中文字体（实际为 {used}）</source>
        <translation>The interface does not use the Chinese font (it uses {used})</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="65"/>
        <source>生僻字备用字体没有全部加载（应为 {wanted} 个，实际 {count} 个）</source>
        <translation>Not all fallback fonts for rare characters loaded ({count} of {wanted})</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="67"/>
        <source>{family}，生僻字备用字体 {count} 个</source>
        <translation>{family}, {count} fallback fonts for rare characters</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="77"/>
        <source>无法加载 Qt 自带的中文翻译 qtbase_zh_CN.qm</source>
        <translation>Cannot load Qt&apos;s own Chinese translation qtbase_zh_CN.qm</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="81"/>
        <source>无法加载英文翻译 {file}</source>
        <translation>Cannot load the English translation {file}</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="85"/>
        <source>英文翻译不完整：“{text}”没有译文</source>
        <translation>The English translation is incomplete: “{text}” has none</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="86"/>
        <source>中文（qtbase_zh_CN）和英文（{file}）均可加载</source>
        <translation>Chinese (qtbase_zh_CN) and English ({file}) both load</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="106"/>
        <source>前面“新建台账”一项没有通过，无法打开主窗口。</source>
        <translation>The “new ledger” check failed, so the main window cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="116"/>
        <source>主窗口在 {seconds} 秒内没有显示名单</source>
        <translation>The main window showed no roster within {seconds} s</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="120"/>
        <source>名单中没有学生</source>
        <translation>The roster has no students</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="124"/>
        <source>表格没有使用中文字体（实际为 {used}）</source>
        <translation>The table does not use the Chinese font (it uses {used})</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="125"/>
        <source>显示 {rows} 名学生后关闭</source>
        <translation>showed {rows} students, then closed</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="162"/>
        <source>主窗口</source>
        <translation>Main window</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="164"/>
        <source>界面字体</source>
        <translation>Interface fonts</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="165"/>
        <source>界面翻译</source>
        <translation>Interface translations</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="168"/>
        <source>启动到主窗口显示：{seconds} 秒（从程序启动算起，不含自检准备）</source>
        <translation>Start-up to the main window: {seconds} s (from the program&apos;s start, without the self-test&apos;s preparation)</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="177"/>
        <source>自检失败：{count} 项检查中有 {failed} 项不正常（见下面标 ✗ 的行）。</source>
        <translation>Self-test failed: {failed} of {count} checks found a problem (the lines marked ✗ below).</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="180"/>
        <source>自检通过：{count} 项检查全部正常，用时 {seconds} 秒。</source>
        <translation>Self-test passed: all {count} checks are fine ({seconds} s).</translation>
    </message>
    <message>
        <location filename="../../ui/selftest.py" line="189"/>
        <source>自检结果</source>
        <translation>Self-test result</translation>
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
