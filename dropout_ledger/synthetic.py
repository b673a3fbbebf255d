"""Synthetic people for tests, the `demo` command and benchmarks — never a real person.

Deterministic for a seed: everything comes from one `random.Random(seed)`. The `random` module
is the right tool here because this is test data, not a secret; nothing security-related may
ever use this module.

Why the default county is fictional: an ID number with a real county code, a plausible birth date
and a valid check digit may well be a real child's number. 524821 is well-formed (Guizhou, a
prefecture digit pair in the 21–50 "autonomous prefecture" range, a county digit pair in 21–80)
but no such prefecture has ever existed, so no real ID number can start with it. The townships
and villages are invented too (the names are common rural names, not a real place's list).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from dropout_ledger.model.codes import stage_of
from dropout_ledger.model.identity import id_check_char, school_year_start

FICTIONAL_COUNTY_CODE = "524821"

STUDENT_KEYS = (
    "name", "sex", "birth_date", "ethnicity", "id_type", "id_number", "xjh", "grade",
    "class_name", "village_code", "village_name", "address", "boarding", "guardians",
    "left_behind", "orphan", "unsupported", "in_difficulty", "migrant", "disability_type",
    "inclusive", "economic_category", "note",
)  # fmt: skip

# Common surnames, most frequent first; weights fall off so 王李张刘陈 dominate, as in real rolls.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤蒙班岑"
)
_SURNAME_WEIGHTS = tuple(1.0 / (rank + 4) for rank in range(len(_SURNAMES)))
_GIVEN_MALE = "伟强磊军勇杰涛斌浩宇轩博文俊鑫鹏飞华明辉建国志刚海峰子豪梓睿晨阳天佑一鸣"
_GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀梅婷雪琳欣怡佳颖雨萱梓涵诗琪思彤可馨晓玲红燕丹美"
_GIVEN_ANY = "小春秋安宁平正永兴成家金玉"
# CJK Extension A (U+3400..) and B (U+20000..) characters: names like these break fonts, GBK
# files and search, so the fake roll must contain some.
RARE_CHARACTERS = ("䶮", "㛃", "㼆", "𠅤", "𪚥", "𡒄")
_RARE_NAME_RATE = 1 / 150

# Mostly 汉族; the minorities a Guizhou county would have (GB/T 3304 codes).
_ETHNICITY_CODES = ("01", "06", "09", "12", "25")
_ETHNICITY_WEIGHTS = (0.70, 0.12, 0.10, 0.04, 0.04)

_TOWNSHIPS = (
    ("101", "坪坝镇", ("石门村", "青杠坡村", "新寨村", "大坪村", "岩脚村", "水井湾村")),
    ("102", "石桥镇", ("白岩村", "杉木冲村", "枫香村", "小河村", "坡头村", "营盘村")),
    ("201", "龙井乡", ("茶园村", "龙潭村", "沙坝村", "平寨村", "土地坳村", "田坝村")),
    ("202", "高寨乡", ("竹林村", "马场村", "干河村", "岔河村", "红岩村", "摆桑村")),
)
_GROUP_NUMERALS = "一二三四五六七八"
_MOBILE_PREFIXES = ("13", "15", "18")


@dataclass(frozen=True)
class Village:
    """A fictional village: 12-digit code (county + township + village), name, township name."""

    code: str
    name: str
    township: str


class SyntheticFactory:
    """Makes fake students, names, codes and villages for one fictional county."""

    def __init__(self, seed: int = 42, county_code: str = FICTIONAL_COUNTY_CODE) -> None:
        self.seed = seed
        self.county_code = county_code
        self._rng = random.Random(seed)
        self._issued: set[str] = set()
        self._villages = tuple(
            Village(f"{county_code}{town_code}{201 + index:03d}", name, town_name)
            for town_code, town_name, names in _TOWNSHIPS
            for index, name in enumerate(names)
        )

    def villages(self) -> tuple[Village, ...]:
        """The county's 24 villages in 4 townships; the same for every factory of a county."""
        return self._villages

    # -- names ---------------------------------------------------------------------------

    def person_name(self, sex: str | None = None) -> str:
        """A realistic Chinese name; about 1 in 150 uses a rare (Ext-A/B) character."""
        surname = self._rng.choices(_SURNAMES, weights=_SURNAME_WEIGHTS)[0]
        return surname + self._given_name(sex)

    def teacher_name(self) -> str:
        """A teacher's name (any sex)."""
        return self.person_name()

    def _given_name(self, sex: str | None) -> str:
        """One or two characters; a neutral character (小, 春…) only ever comes first."""
        pool = {"1": _GIVEN_MALE, "2": _GIVEN_FEMALE}.get(sex or "", _GIVEN_MALE + _GIVEN_FEMALE)
        chars = [self._rng.choice(pool)]
        if self._rng.random() < 0.7:
            chars.insert(0, self._rng.choice(pool + _GIVEN_ANY))
        if self._rng.random() < _RARE_NAME_RATE:
            chars[-1] = self._rng.choice(RARE_CHARACTERS)
        return "".join(chars)

    # -- numbers -------------------------------------------------------------------------

    def fake_id_number(self, birth: date, sex: str, region: str | None = None) -> str:
        """A valid, never-repeated 18-digit ID: the 17th digit is odd for male ("1")."""
        region = region or self.county_code
        while True:
            sequence = self._rng.randrange(0, 500) * 2 + (1 if sex == "1" else 0)
            first17 = f"{region}{birth:%Y%m%d}{sequence:03d}"
            number = first17 + id_check_char(first17)
            if number not in self._issued:
                self._issued.add(number)
                return number

    def _fake_j_number(self, birth: date) -> str:
        """J + county + birth date + 3-digit sequence + ID-rule check digit (domain §8.2)."""
        while True:
            first17 = f"{self.county_code}{birth:%Y%m%d}{self._rng.randrange(1000):03d}"
            number = "J" + first17 + id_check_char(first17)
            if number not in self._issued:
                self._issued.add(number)
                return number

    def _fake_l_number(self, birth: date) -> str:
        """L + county + birth date + 4 random digits: a temporary number, no check digit."""
        while True:
            number = f"L{self.county_code}{birth:%Y%m%d}{self._rng.randrange(10000):04d}"
            if number not in self._issued:
                self._issued.add(number)
                return number

    def _xjh(self, id_number: str, birth: date) -> str:
        """G + ID for about 96%, J for about 3%, temporary L for about 1%."""
        draw = self._rng.random()
        if draw < 0.96:
            return "G" + id_number
        return self._fake_j_number(birth) if draw < 0.99 else self._fake_l_number(birth)

    def phone(self) -> str:
        """A mobile-looking 11-digit number (synthetic; it may collide with a real one)."""
        return self._rng.choice(_MOBILE_PREFIXES) + f"{self._rng.randrange(10**9):09d}"

    def school_code(self, category: str = "21") -> str:
        """A 10-digit 学校标识码: category + the county's province + 6-digit sequence."""
        return f"{category}{self.county_code[:2]}{self._rng.randrange(1, 10**6):06d}"

    def school_name(self) -> str:
        """A plausible rural school name built from the county's townships and villages."""
        village = self._rng.choice(self._villages)
        return self._rng.choice(
            (f"{village.township}中心学校", f"{village.township}中心小学", f"{village.name}小学")
        )

    # -- students ------------------------------------------------------------------------

    def birth_for_grade(self, grade: int, today: date, *, older: bool = False) -> date:
        """A birth date for which `expected_grade(birth, today) == grade` (+1 if `older`)."""
        entry_year = school_year_start(today) - grade + 1 - (1 if older else 0)
        first = date(entry_year - 7, 9, 1)
        last = date(entry_year - 6, 8, 31)
        return first + timedelta(days=self._rng.randrange((last - first).days + 1))

    def student(
        self, *, grade: int | None = None, today: date = date(2026, 11, 22), **overrides: object
    ) -> dict[str, object]:
        """One fake pupil as a dict with exactly `STUDENT_KEYS`.

        Overrides replace keys. An overridden sex or birth date is used to build the ID number
        and 学籍号, so they stay consistent, unless `id_number` (or `xjh`) is overridden too.
        An unknown key is refused, so a typo cannot silently produce an ordinary pupil.
        """
        unknown = set(overrides) - set(STUDENT_KEYS)
        if unknown:
            raise TypeError(f"unknown student fields: {sorted(unknown)}")
        grade = grade if grade is not None else self._rng.randint(1, 9)
        record = self._identity(grade, today, overrides)
        record.update(self._home(grade, str(record["name"])[0]))
        record.update(self._circumstances())
        record.update(overrides)
        record["birth_date"] = str(record["birth_date"])  # a date override is kept as ISO text
        return {key: record[key] for key in STUDENT_KEYS}

    def _identity(self, grade: int, today: date, overrides: dict[str, object]) -> dict[str, object]:
        """Name, sex, birth date, ethnicity and the two numbers, honouring overrides."""
        sex = str(overrides.get("sex") or self._rng.choice(("1", "2")))
        birth = _as_date(overrides.get("birth_date")) or self.birth_for_grade(
            grade, today, older=self._rng.random() < 0.04
        )
        id_number = str(overrides.get("id_number") or self.fake_id_number(birth, sex))
        return {
            "name": self.person_name(sex),
            "sex": sex,
            "birth_date": birth.isoformat(),
            "ethnicity": self._rng.choices(_ETHNICITY_CODES, weights=_ETHNICITY_WEIGHTS)[0],
            "id_type": "1",
            "id_number": id_number,
            "xjh": self._xjh(id_number, birth),
            "grade": grade,
            "class_name": f"{self._rng.randint(1, 3)}班",
        }

    def _home(self, grade: int, surname: str) -> dict[str, object]:
        """Village, address, boarding, guardians and left-behind status."""
        village = self._rng.choice(self._villages)
        group = self._rng.choice(_GROUP_NUMERALS)
        boarding_rate = 0.6 if stage_of(grade) == "junior" else (0.1 if grade >= 4 else 0.0)
        left_behind = self._rng.choices(("0", "1", "2"), weights=(75, 12, 13))[0]
        return {
            "village_code": village.code,
            "village_name": village.name,
            "address": f"{village.township}{village.name}{group}组",
            "boarding": self._rng.random() < boarding_rate,
            "guardians": self._guardians(left_behind, surname),
            "left_behind": left_behind,
        }

    def _guardians(self, left_behind: str, surname: str) -> list[dict[str, str]]:
        """1–2 guardians; grandparents look after children whose parents work away."""
        if left_behind == "2":
            relations = self._rng.choice((("grandfather", "grandmother"), ("grandmother",)))
        elif left_behind == "1":
            relations = self._rng.choice((("mother",), ("father",), ("mother", "grandmother")))
        else:
            relations = self._rng.choice((("father", "mother"), ("mother",), ("father",)))
        return [self._guardian(relation, surname) for relation in relations]

    def _guardian(self, relation: str, surname: str) -> dict[str, str]:
        sex = "1" if relation in ("father", "grandfather") else "2"
        name = self.person_name(sex)
        if relation in ("father", "grandfather"):
            name = surname + name[1:]
        return {"name": name, "relation": relation, "phone": self.phone()}

    def _circumstances(self) -> dict[str, object]:
        """The rare flags: orphan, disability, economic category and the like."""
        rng = self._rng
        disabled = rng.random() < 0.01
        economic = rng.choices(
            ("", "poverty_exit", "monitored", "dibao", "tekun"), weights=(88, 5, 2, 4, 1)
        )[0]
        return {
            "orphan": rng.random() < 0.005,
            "unsupported": rng.random() < 0.005,
            "in_difficulty": rng.random() < 0.015,
            "migrant": rng.random() < 0.02,
            "disability_type": rng.choice("1234567") if disabled else "",
            "inclusive": disabled and rng.random() < 0.85,
            "economic_category": economic,
            "note": "",
        }


def _as_date(value: object) -> date | None:
    """An overridden birth date may be a date or an ISO string; None means not overridden."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
