"""Code tables shipped as defaults: national codes where one exists, our own where none does.

Why tuples of `Code` rather than enums: the county can ship edited dictionaries on the USB stick
(domain §3.1 calls the dropout-reason list "an editable dictionary"), so a table is data, and a
code that a newer table adds must still pass through older code untouched. Order matters: it is
the order shown in pick lists and printed on forms.

Sources: GB/T 2261.1 (sex), GB/T 3304 (ethnicity), the CNSMIS collection sheets (ID types,
disability, left-behind), GB/T 2260 (provinces), the 学校标识码 rules, and domain.md §2.5, §3, §4,
§7 for the lists the product defines itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal


@dataclass(frozen=True)
class Code:
    """One entry of a code table: the stored code and its Chinese label."""

    code: str
    label: str


CodeTable = tuple[Code, ...]


def _table(*pairs: tuple[str, str]) -> CodeTable:
    """Build a table from (code, label) pairs, keeping their order."""
    return tuple(Code(code, label) for code, label in pairs)


def label_of(table: CodeTable, code: str) -> str:
    """The label for `code`; an unknown code is returned as itself.

    Returning the code (not raising) means a record written with a newer county dictionary still
    prints, and nothing is silently hidden: the raw code shows where the label would be.
    """
    for entry in table:
        if entry.code == code:
            return entry.label
    return code


def codes_of(table: CodeTable) -> frozenset[str]:
    """The set of valid codes, for membership checks during validation."""
    return frozenset(entry.code for entry in table)


SEX: CodeTable = _table(("1", "男"), ("2", "女"))

# GB/T 3304-1991 民族名称的罗马字母拼写法和代码, in the standard's order, plus its two extra codes.
ETHNICITY: CodeTable = _table(
    ("01", "汉族"), ("02", "蒙古族"), ("03", "回族"), ("04", "藏族"), ("05", "维吾尔族"),
    ("06", "苗族"), ("07", "彝族"), ("08", "壮族"), ("09", "布依族"), ("10", "朝鲜族"),
    ("11", "满族"), ("12", "侗族"), ("13", "瑶族"), ("14", "白族"), ("15", "土家族"),
    ("16", "哈尼族"), ("17", "哈萨克族"), ("18", "傣族"), ("19", "黎族"), ("20", "傈僳族"),
    ("21", "佤族"), ("22", "畲族"), ("23", "高山族"), ("24", "拉祜族"), ("25", "水族"),
    ("26", "东乡族"), ("27", "纳西族"), ("28", "景颇族"), ("29", "柯尔克孜族"), ("30", "土族"),
    ("31", "达斡尔族"), ("32", "仫佬族"), ("33", "羌族"), ("34", "布朗族"), ("35", "撒拉族"),
    ("36", "毛南族"), ("37", "仡佬族"), ("38", "锡伯族"), ("39", "阿昌族"), ("40", "普米族"),
    ("41", "塔吉克族"), ("42", "怒族"), ("43", "乌孜别克族"), ("44", "俄罗斯族"),
    ("45", "鄂温克族"), ("46", "德昂族"), ("47", "保安族"), ("48", "裕固族"), ("49", "京族"),
    ("50", "塔塔尔族"), ("51", "独龙族"), ("52", "鄂伦春族"), ("53", "赫哲族"), ("54", "门巴族"),
    ("55", "珞巴族"), ("56", "基诺族"),
    ("97", "其他"), ("98", "外国血统中国籍人士"),
)  # fmt: skip

# GB/T 2260 province-level codes. 71/81/82 have no published subdivisions.
PROVINCES: CodeTable = _table(
    ("11", "北京市"), ("12", "天津市"), ("13", "河北省"), ("14", "山西省"),
    ("15", "内蒙古自治区"), ("21", "辽宁省"), ("22", "吉林省"), ("23", "黑龙江省"),
    ("31", "上海市"), ("32", "江苏省"), ("33", "浙江省"), ("34", "安徽省"), ("35", "福建省"),
    ("36", "江西省"), ("37", "山东省"), ("41", "河南省"), ("42", "湖北省"), ("43", "湖南省"),
    ("44", "广东省"), ("45", "广西壮族自治区"), ("46", "海南省"), ("50", "重庆市"),
    ("51", "四川省"), ("52", "贵州省"), ("53", "云南省"), ("54", "西藏自治区"),
    ("61", "陕西省"), ("62", "甘肃省"), ("63", "青海省"), ("64", "宁夏回族自治区"),
    ("65", "新疆维吾尔自治区"), ("71", "台湾省"), ("81", "香港特别行政区"),
    ("82", "澳门特别行政区"),
)  # fmt: skip

# 身份证件类型 in the national 学籍 system (domain §8.1).
ID_TYPES: CodeTable = _table(
    ("1", "居民身份证"),
    ("6", "香港特区护照/身份证明"),
    ("7", "澳门特区护照/身份证明"),
    ("8", "台湾居民来往大陆通行证"),
    ("9", "境外永久居住证"),
    ("A", "护照"),
    ("Z", "其他"),
)

DISABILITY_TYPES: CodeTable = _table(
    ("1", "视力残疾"), ("2", "听力残疾"), ("3", "言语残疾"), ("4", "肢体残疾"),
    ("5", "智力残疾"), ("6", "精神残疾"), ("7", "多重残疾"),
)  # fmt: skip

LEFT_BEHIND: CodeTable = _table(("0", "非留守"), ("1", "单亲外出留守"), ("2", "双亲外出留守"))

# Restricted data: never printed on a list that others see (design README §7).
ECONOMIC_CATEGORIES: CodeTable = _table(
    ("poverty_exit", "脱贫户（原建档立卡）"),
    ("monitored", "防返贫监测户"),
    ("dibao", "低保户"),
    ("tekun", "特困供养"),
)

GUARDIAN_RELATIONS: CodeTable = _table(
    ("father", "父亲"), ("mother", "母亲"), ("grandfather", "祖父"), ("grandmother", "祖母"),
    ("maternal_grandfather", "外祖父"), ("maternal_grandmother", "外祖母"),
    ("sibling", "兄姐"), ("uncle_aunt", "叔伯姑舅姨"), ("other", "其他监护人"),
)  # fmt: skip

# Domain §3.1: no official national list exists; this is the product's proposed dictionary.
DROPOUT_REASONS: CodeTable = _table(
    ("01", "学习困难或厌学"),
    ("02", "家庭经济困难"),
    ("03", "上学远、上学难"),
    ("04", "外出务工"),
    ("05", "早婚早育或订婚"),
    ("06", "因病或因残"),
    ("07", "家长不重视或监护缺失"),
    ("08", "随父母外出、去向不明"),
    ("09", "沉迷网络或不良交往"),
    ("10", "校园欺凌或师生、同伴关系"),
    ("11", "家庭变故（离异、亡故、服刑）"),
    ("12", "宗教或习俗影响"),
    ("99", "其他（须注明）"),
)

# 销号 reasons: what a suspected case turned out to be once verified (domain §2.5).
CLOSURE_REASONS: CodeTable = _table(
    ("returned", "劝返复学"),
    ("at_school", "核实在本校就读"),
    ("elsewhere_in_province", "在省内其他学校就读"),
    ("elsewhere_out_of_province", "在省外学校就读"),
    ("no_registry_study", "在校就读但无学籍"),
    ("overage", "超过义务教育年龄"),
    ("abroad", "出国（境）"),
    ("deceased", "死亡"),
    ("home_teaching", "因病因残送教上门"),
    ("special_school", "转入特殊教育学校"),
    ("suspended", "办理休学"),
    ("deferred", "延缓入学"),
    ("registry_error", "户籍或身份信息有误（空挂户、重复户籍、错号）"),
    ("other", "其他（须注明）"),
)

# 毕业去向 of a junior-secondary graduate (初中毕业生), for 初中升学率 (domain §6: new entrants to the
# next level from this year's graduates). domain.md gives no code list; these are the 高中阶段
# school types (普通高中, 中等职业学校, 技工学校) and the other answers schools report.
GRADUATE_DESTINATIONS: CodeTable = _table(
    ("senior_high", "升入普通高中"),
    ("vocational", "升入中等职业学校"),
    ("technical", "升入技工学校"),
    ("employed", "就业"),
    ("not_continuing", "未升学"),
    ("other", "其他（须注明）"),
)
# The destinations that are 升学 (a 高中阶段 school) in 初中升学率.
PROGRESSING_DESTINATIONS: frozenset[str] = frozenset({"senior_high", "vocational", "technical"})

# 预警 indicators (domain §3.2).
RISK_INDICATORS: CodeTable = _table(
    ("absence", "多次无故缺勤"),
    ("late_return", "假期后未按时返校"),
    ("academic", "学业困难"),
    ("discipline", "违纪较多"),
    ("internet", "沉迷网络"),
    ("left_behind", "留守儿童"),
    ("single_parent", "单亲家庭"),
    ("family_crisis", "家庭变故"),
    ("poverty", "家庭经济困难"),
    ("disability", "残疾或长期疾病"),
    ("migrant", "随迁或新转入"),
    ("overage", "超龄"),
    ("returned", "曾辍学复学"),
    ("legal_case", "涉案未成年人"),
    ("other", "其他"),
)

VISIT_MODES: CodeTable = _table(
    ("phone", "电话"), ("wechat", "微信"), ("home", "家访"), ("joint", "联合家访"),
    ("legal_delivery", "法律文书送达"),
)  # fmt: skip

ATTITUDES: CodeTable = _table(
    ("cooperative", "配合"), ("hesitant", "犹豫"), ("refusing", "拒绝"),
    ("unreachable", "联系不上"),
)  # fmt: skip

# The escalation ladder of domain §4.2; L5 onwards are steps others take, the school records them.
ESCALATION_STAGES: CodeTable = _table(
    ("L0", "班主任电话联系"),
    ("L1", "班主任家访"),
    ("L2", "学校第二次家访并登记"),
    ("L3", "校长与村委联合家访、报告表"),
    ("L4", "书面报告乡镇与教育局"),
    ("L5", "乡镇下达限期复学通知书"),
    ("L6", "行政处罚决定与催告"),
    ("L7", "申请强制执行或提起诉讼"),
    ("L8", "法院调解或判决"),
)

# Documents the township, procuratorate or court issue (domain §4.3); the school only records them.
LEGAL_DOC_TYPES: CodeTable = _table(
    ("deadline_notice", "限期复学通知书（责令送被监护人接受义务教育通知书）"),
    ("penalty", "行政处罚决定书"),
    ("demand", "履行行政决定催告书"),
    ("enforcement", "强制执行申请书"),
    ("lawsuit", "起诉状"),
    ("support_prosecution", "支持起诉意见书"),
    ("mediation", "调解书"),
    ("judgment", "判决书"),
    ("guardianship_order", "督促监护令"),
)

REPORT_RECIPIENTS: CodeTable = _table(
    ("township", "乡镇人民政府"), ("bureau", "县教育局"), ("central_school", "乡镇中心校"),
)  # fmt: skip

SUBSIDY_ITEMS: CodeTable = _table(
    ("living_boarding", "家庭经济困难寄宿生生活补助"),
    ("living_day", "家庭经济困难非寄宿生生活补助"),
    ("nutrition", "营养改善计划膳食补助"),
    ("disability", "残疾学生补助"),
    ("local", "地方资助项目"),
    ("other", "其他"),
)

# National base amounts per pupil per year in fen (integer money, never floats), from spring
# 2024 (domain §7). Nutrition: 5 yuan per school day × 200 days; it is spent on meals, never
# paid as cash. Disability and local items have no national base, so they are absent here.
SUBSIDY_STANDARDS_FEN: Mapping[str, Mapping[str, int]] = MappingProxyType(
    {
        "living_boarding": MappingProxyType({"primary": 125000, "junior": 150000}),
        "living_day": MappingProxyType({"primary": 62500, "junior": 75000}),
        "nutrition": MappingProxyType({"primary": 100000, "junior": 100000}),
    }
)

PAYMENT_CHANNELS: CodeTable = _table(
    ("card", "惠民一卡通/社保卡"),
    ("bank", "银行卡"),
    ("meal", "以餐代补（不发现金）"),
    ("in_kind", "实物"),
    ("other", "其他"),
)

PAIRING_KINDS: CodeTable = _table(
    ("academic", "学业"), ("psychological", "心理"), ("daily_life", "生活"), ("family", "家庭"),
)  # fmt: skip

# The first two digits of a 学校标识码 (domain §8.4). 91–93 are "other" kinds whose exact
# meaning was not found; the code is shown with the label so they stay distinguishable.
SCHOOL_CATEGORIES: CodeTable = _table(
    ("11", "幼儿园"), ("21", "小学"), ("22", "成人小学"), ("31", "普通初中"),
    ("32", "职业初中"), ("33", "成人初中"), ("34", "普通高中"), ("35", "成人高中"),
    ("36", "中等职业学校"), ("37", "工读学校"), ("41", "普通高校"), ("42", "成人高校"),
    ("51", "特殊教育学校"), ("91", "其他（91）"), ("92", "其他（92）"), ("93", "其他（93）"),
)  # fmt: skip

GRADES: CodeTable = _table(
    ("1", "一年级"), ("2", "二年级"), ("3", "三年级"), ("4", "四年级"), ("5", "五年级"),
    ("6", "六年级"), ("7", "七年级（初一）"), ("8", "八年级（初二）"), ("9", "九年级（初三）"),
)  # fmt: skip

Stage = Literal["primary", "junior"]


def stage_of(grade: int) -> Stage:
    """Primary (grades 1–6) or junior (7–9): subsidy amounts and dropout targets differ by stage.

    Raises ValueError for a grade outside 1–9, which is a programming error: grades are checked
    when they enter the ledger.
    """
    if not 1 <= grade <= 9:
        raise ValueError(f"grade must be 1..9, got {grade}")
    return "primary" if grade <= 6 else "junior"
