"""Match one row of a county or village list to the roll, and say how it matched.

The order is the order of trust (issue 4 item 5): the ID number (a 15-digit legacy number is
tried in its 18-digit form and back), then the 全国学籍号, then name + birth date. Names are
compared three ways, each weaker than the last: exactly; with traditional characters folded
to simplified (張/张 — village lists are typed from old 户口簿 and by people in Hong Kong and
Taiwan); and by sound (pinyin without tones, via pypinyin, already used for search), because a
name typed by ear at a village office is often the right sound and the wrong character.

What the matcher never does is decide on a guess. A match by sound, a name + birth date whose
pupil holds a *different* valid ID number, and any level where two pupils fit are proposed with
their candidates and left for a person to confirm: a wrong match strikes a real child off a
list of children out of school.

The roll is read through the projection's indexes: ID number and 学籍号 through
`Queries.find_student` (the `students_id_number` / `students_xjh` indexes); names by birth date
through one pass over the roll that keeps only the birth dates the list asks about (the
projection has no birth-date index), so a 200-row list against a 150,000-pupil county roll costs
one scan, not 200.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from dropout_ledger.errors import ValidationError
from dropout_ledger.model import identity
from dropout_ledger.model.records import NEEDS_CONFIRMATION
from dropout_ledger.store.queries import Queries

# Traditional (and a few old variant) characters common in Chinese names, each with its
# simplified form. A table, not a library: names use a few hundred characters, a character
# table is all a name needs (phrase-level conversion like OpenCC's is for running text), and
# the project adds no dependency for it. Characters whose traditional form is also a distinct
# simplified surname or name character (於/于, 甯/宁, 範/范, 徵/征, 昇/升, 蕭/肖) are left out on
# purpose: folding them would call two different people one; they still meet as homophones.
_PAIRS = (
    "張张劉刘陳陈楊杨黃黄趙赵吳吴孫孙馬马羅罗鄭郑謝谢許许韓韩馮冯鄧邓葉叶蘇苏呂吕盧卢鍾钟"
    "譚谭陸陆賈贾韋韦鄒邹閻阎閆闫龍龙賀贺顧顾龔龚萬万錢钱嚴严湯汤溫温齊齐喬乔龐庞顏颜莊庄"
    "聶聂魯鲁歐欧關关蘭兰紀纪淩凌畢毕單单塗涂駱骆藍蓝鮑鲍華华饒饶陽阳時时農农繆缪簡简車车"
    "項项連连麥麦婁娄竇窦黨党宮宫費费衛卫應应閔闵鄔邬邊边師师欒栾榮荣叢丛鞏巩遲迟鄺邝滿满"
    "蔣蒋晉晋偉伟麗丽軍军傑杰紅红國国輝辉強强靜静濤涛鵬鹏豔艳艷艳飛飞帥帅鳳凤雲云東东書书"
    "長长進进興兴寶宝貴贵順顺義义發发廣广鋒锋穎颖瑩莹藝艺嬌娇潔洁夢梦嵐岚曉晓詩诗語语銘铭"
    "軒轩澤泽鈺钰錦锦濱滨鴻鸿聰聪賢贤剛刚勝胜傳传銀银鐵铁楨桢風风雙双劍剑達达歡欢樂乐愛爱"
    "蓮莲億亿禮礼倫伦學学靈灵瓊琼鶯莺顯显環环樹树權权綺绮賽赛憲宪僑侨揚扬漢汉濟济緒绪緯纬"
    "綠绿嘯啸譽誉豐丰鳴鸣鶴鹤鷹鹰穩稳瑤瑶瀟潇壯壮實实慶庆運运遠远選选韜韬韻韵頌颂頤颐騰腾"
    "驥骥驍骁齡龄峯峰燦灿儀仪優优凱凯勳勋圓圆園园堅坚壽寿婭娅嫻娴嫺娴寧宁彥彦恆恒愷恺憶忆"
    "懷怀戰战曄晔暉晖棟栋楓枫標标橋桥櫻樱歲岁氣气漣涟潤润濃浓灣湾煒炜燁烨爾尔獅狮現现琿珲"
    "瑋玮璣玑瓏珑碩硕禎祯種种筆笔紋纹納纳純纯細细絲丝經经維维綱纲綿绵緣缘縣县纖纤聖圣聯联"
    "聲声肅肃舉举蔭荫蘋苹術术親亲覺觉詠咏誠诚誼谊諾诺謙谦證证護护讓让貞贞財财賓宾賦赋質质"
    "贊赞躍跃輕轻轉转週周遊游遙遥適适鄉乡醫医釗钊鈞钧鈴铃銳锐錚铮鏡镜開开閣阁闊阔雞鸡離离"
    "電电領领頡颉顥颢飄飘館馆馳驰駿骏騏骐驕骄體体鯨鲸鴿鸽鵑鹃鸞鸾龜龟來来俠侠兒儿兩两勁劲"
    "勵励協协厲厉參参叡睿團团圖图堯尧場场壇坛奪夺奮奋對对尋寻導导岡冈峽峡崗岗嶺岭巒峦幾几"
    "彌弥悅悦態态憐怜懇恳戀恋戶户換换擁拥擇择擴扩數数暢畅曠旷條条棲栖樓楼橫横檢检歸归歷历"
    "滬沪漁渔潛潜澗涧濰潍瀅滢瀾澜灝灏烏乌煙烟熱热燈灯爺爷獻献玨珏瑪玛璽玺產产畫画當当疊叠"
    "皚皑眾众矯矫祿禄禪禅穌稣競竞筍笋節节簫箫籌筹級级約约紡纺紹绍統统絹绢綾绫緋绯緞缎練练"
    "縈萦總总績绩繡绣繼继纓缨羨羡習习翹翘聞闻職职臨临萊莱蒼苍蓋盖薈荟藥药蘊蕴蘆芦號号蟬蝉"
    "螢萤襲袭覽览觀观訓训記记設设詞词話话誌志認认說说課课調调談谈諭谕諧谐謹谨識识議议讀读"
    "變变貝贝貢贡貫贯貿贸資资賴赖贏赢趕赶跡迹踐践軾轼輔辅輪轮輿舆轍辙辦办辭辞迴回遜逊遺遗"
    "邁迈還还郵邮鄰邻釋释釧钏鉑铂銅铜銓铨鋼钢錄录錫锡鍵键鎮镇鏈链鐘钟鐸铎鑄铸鑑鉴鑒鉴門门"
    "閏闰閑闲閒闲間间閱阅闖闯陣阵險险隨随隱隐雋隽雜杂雛雏難难霧雾響响頁页須须頓顿預预頻频"
    "額额願愿類类飆飙飾饰餘余駐驻駒驹騁骋騫骞驊骅驚惊驛驿驗验鬆松魚鱼鮮鲜鯉鲤鳥鸟鷗鸥鷺鹭"
    "鹽盐齋斋"
)
VARIANTS: dict[str, str] = {_PAIRS[i]: _PAIRS[i + 1] for i in range(0, len(_PAIRS), 2)}
_FOLD = str.maketrans(VARIANTS)
# The interpunct of minority names (阿依·木) arrives as any of these; it carries no sound.
_DOTS = str.maketrans("", "", "·•‧・.．-")


def plain_name(name: str) -> str:
    """A name as typed: NFC, with every blank removed (what `name + birth` compares)."""
    return "".join(unicodedata.normalize("NFC", name).split())


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """A name with traditional characters folded to simplified and the interpunct dropped."""
    return plain_name(unicodedata.normalize("NFKC", name)).translate(_FOLD).translate(_DOTS)


@lru_cache(maxsize=65536)
def name_sound(name: str) -> str:
    """The name's pinyin without tones ("zhang wei"): equal sounds are homophones (同音)."""
    from pypinyin import lazy_pinyin  # loaded lazily: a large dictionary start-up does not need

    return " ".join(lazy_pinyin(fold_name(name), errors="default"))


@dataclass(frozen=True)
class ListRow:
    """One person on a county list, read and normalised, not yet matched.

    `id_number` and `xjh` are as the list gives them (normalised: blanks, full-width, x);
    `id_valid` / `xjh_valid` say whether the core's rules accept them — a wrong ID number is a
    fact to report back to the county (domain §2.5: half of one district's suspected cases were
    wrong numbers), not a reason to refuse the list. `birth_date` is the ID's when the ID is
    valid, else the birth-date column's. `warnings` are plain Chinese notes kept on the row.
    """

    row: int
    name: str
    id_number: str = ""
    id_valid: bool = False
    xjh: str = ""
    xjh_valid: bool = False
    birth_date: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """How a row matched: the method code (records.MATCH_METHODS), the pupil it is accepted as
    ("" when none, or when a person must first choose), and the pupils proposed to that person."""

    method: str
    student_id: str = ""
    candidates: tuple[str, ...] = ()

    @property
    def accepted(self) -> bool:
        return bool(self.student_id)

    @property
    def needs_confirmation(self) -> bool:
        return not self.student_id and self.method in NEEDS_CONFIRMATION


NO_MATCH = Match("none")


@dataclass(frozen=True)
class _Pupil:
    student_id: str
    name: str
    id_number: str


class Roll:
    """The live roll, as the matcher asks it (see the module docstring for the indexes)."""

    def __init__(self, queries: Queries, births: Iterable[str]) -> None:
        self._queries = queries
        wanted = {b for b in births if b}
        self._by_birth: dict[str, list[_Pupil]] = {}
        if wanted:
            rows = queries.conn.execute(
                "SELECT id, name, birth_date, id_number FROM students"
                " WHERE retracted = 0 AND birth_date IS NOT NULL")
            for student_id, name, birth, id_number in rows:
                if birth in wanted:
                    self._by_birth.setdefault(birth, []).append(
                        _Pupil(student_id, name or "", id_number or ""))

    def by_id_number(self, number: str) -> str:
        found = self._queries.find_student(id_number=number)
        return str(found["id"]) if found else ""

    def by_xjh(self, number: str) -> str:
        found = self._queries.find_student(xjh=number)
        return str(found["id"]) if found else ""

    def born_on(self, birth: str) -> list[_Pupil]:
        return self._by_birth.get(birth, [])


def id_forms(number: str) -> list[tuple[str, str]]:
    """The forms a valid ID number may be stored in, with the method each match is called.

    The number as given comes first. An 18-digit number of someone born in 19xx may sit on the
    roll in its legacy 15-digit form (6 + birth date without "19" + 3), and a 15-digit one in
    its 18-digit form (what the 公安 system converted it to).
    """
    forms = [(number, "id")]
    if len(number) == 18 and number[6:8] == "19":
        forms.append((number[:6] + number[8:17], "id15"))
    elif len(number) == 15:
        try:
            forms.append((identity.upgrade_legacy_id(number), "id15"))
        except ValidationError:
            pass
    return forms


def match_row(roll: Roll, row: ListRow) -> Match:
    """Match one list row to the roll (module docstring: the order, and what is never guessed)."""
    by_id, id_method = "", "id"
    if row.id_valid:
        for form, method in id_forms(row.id_number):
            if by_id := roll.by_id_number(form):
                id_method = method
                break
    by_xjh = roll.by_xjh(row.xjh) if row.xjh_valid else ""
    if by_id and by_xjh and by_id != by_xjh:
        return Match("ambiguous", candidates=(by_id, by_xjh))
    if by_id:
        return Match(id_method, by_id)
    if by_xjh:
        return Match("xjh", by_xjh)
    if row.name and row.birth_date:
        return _by_name(roll, row)
    return NO_MATCH


def _by_name(roll: Roll, row: ListRow) -> Match:
    born = roll.born_on(row.birth_date)
    if not born:
        return NO_MATCH
    keys: tuple[tuple[str, Callable[[str], str]], ...] = (
        ("name_birth", plain_name), ("variant", fold_name), ("homophone", name_sound))
    for method, key in keys:
        wanted = key(row.name)
        found = [p for p in born if key(p.name) == wanted]
        if not found:
            continue
        ids = tuple(p.student_id for p in found)
        if len(found) > 1:
            return Match("ambiguous", candidates=ids)
        if method == "homophone":
            return Match("homophone", candidates=ids)
        if row.id_valid and found[0].id_number:
            # Both sides hold a valid ID number and they differ: maybe the list's is wrong,
            # maybe it is another child with the same name and birthday. A person decides.
            return Match("id_differs", candidates=ids)
        return Match(method, found[0].student_id)
    return NO_MATCH
