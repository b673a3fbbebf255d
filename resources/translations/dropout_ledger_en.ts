<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="73"/>
        <source>控辍保学台账</source>
        <translation>Dropout Ledger</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>全部学生</source>
        <translation>All students</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>预警</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>疑似辍学</source>
        <translation>Suspected dropouts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>辍学</source>
        <translation>Dropped out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>劝返复学</source>
        <translation>Returned to school</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>送教上门</source>
        <translation>Taught at home</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>休学</source>
        <translation>On leave</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>选择要查看的学生名单</source>
        <translation>Choose which students to list</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>按姓名、身份证号或学籍号搜索</source>
        <translation>Search by name, ID number or student number</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>名单</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>查看：</source>
        <translation>View:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>控辍保学台账 — {name}</source>
        <translation>Dropout Ledger — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>共 {n} 名学生</source>
        <translation>Students: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>名单没有加载成功</source>
        <translation>The roster could not be loaded</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../ui/roster_model.py" line="40"/>
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="40"/>
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="42"/>
        <source>一年级</source>
        <translation>Grade 1</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="42"/>
        <source>二年级</source>
        <translation>Grade 2</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="43"/>
        <source>三年级</source>
        <translation>Grade 3</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="43"/>
        <source>四年级</source>
        <translation>Grade 4</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="44"/>
        <source>五年级</source>
        <translation>Grade 5</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="44"/>
        <source>六年级</source>
        <translation>Grade 6</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="45"/>
        <source>七年级</source>
        <translation>Grade 7</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="45"/>
        <source>八年级</source>
        <translation>Grade 8</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="46"/>
        <source>九年级</source>
        <translation>Grade 9</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="50"/>
        <source>在校</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="51"/>
        <source>休学</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="52"/>
        <source>送教上门</source>
        <translation>Home-taught</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="53"/>
        <source>疑似辍学</source>
        <translation>Suspected dropout</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="54"/>
        <source>辍学</source>
        <translation>Dropped out</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="55"/>
        <source>复学跟踪</source>
        <translation>Returned (follow-up)</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="56"/>
        <source>转出</source>
        <translation>Transferred out</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="57"/>
        <source>死亡</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="58"/>
        <source>毕业</source>
        <translation>Graduated</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="59"/>
        <source>超龄离校</source>
        <translation>Left over age</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="127"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="128"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="129"/>
        <source>年级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="130"/>
        <source>班级</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="131"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="132"/>
        <source>全国学籍号</source>
        <translation>National student no.</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="133"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="134"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="136"/>
        <source>预警</source>
        <translation>At risk</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="51"/>
        <source>控辍保学台账（桌面程序）</source>
        <translation>Dropout Ledger (desktop app)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="52"/>
        <source>显示本帮助并退出</source>
        <translation>show this help and exit</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="53"/>
        <source>界面语言：zh_CN（简体中文，默认）或 en（英文）；也可用环境变量 {env} 设置</source>
        <translation>interface language: zh_CN (Simplified Chinese, the default) or en (English); the environment variable {env} sets it too</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="56"/>
        <source>台账文件（默认：本用户的数据文件夹）</source>
        <translation>the ledger file (default: in this user&apos;s data folder)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="57"/>
        <source>打开主窗口，保存截图（PNG）后退出</source>
        <translation>open the main window, save a screenshot (PNG) of it and exit</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="58"/>
        <source>打开台账和主窗口，检查后退出（0 表示正常）</source>
        <translation>open the ledger and the main window, check them and exit (0 means all is well)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="66"/>
        <source>不支持的语言 {value}，请用 zh_CN 或 en</source>
        <translation>unsupported language {value}; use zh_CN or en</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="120"/>
        <source>无法创建文件夹 {folder}：{reason}。请换一个能写入的位置。</source>
        <translation>Cannot create the folder {folder}: {reason}. Please choose a location you can write to.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="130"/>
        <source>无法打开台账：{message}</source>
        <translation>Cannot open the ledger: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="142"/>
        <source>无法保存截图 {file}</source>
        <translation>Cannot save the screenshot {file}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="153"/>
        <source>名单中没有学生</source>
        <translation>the roster has no students</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="155"/>
        <source>无法加载中文字体 {file}</source>
        <translation>cannot load the Chinese font {file}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="159"/>
        <source>表格没有使用中文字体（实际为 {used}）</source>
        <translation>the table does not use the Chinese font (it uses {used})</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="162"/>
        <source>自检失败：{problems}</source>
        <translation>Self-test failed: {problems}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="162"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="164"/>
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
</TS>
