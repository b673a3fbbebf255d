"""Check a whole roster against the rules and the ledger before anything is written.

`plan_import` reads the file once, row by row, and returns an `ImportPlan`: for every row what
would happen (a new pupil, an update, nothing, or an error) and every problem with the
spreadsheet's own row number, the column's header text and a Chinese reason. Nothing is written;
the wizard shows the plan, the command line prints it, `report.write_report` turns it into an
.xlsx the principal can correct, and `apply.apply_import` carries it out.

The rules are the core's: each value is cleaned by `model.fields` through
`clean_student_fields`, and the identity checks are `complete_identity`'s, so a pupil the
import accepts is one the student dialog would accept. The importer adds only what a file can
get wrong and a dialog cannot: codes that arrived as numbers, the same child twice in one file,
a birth-date column that disagrees with the ID number (a warning: the ID was checked by the
police register, the column was typed by hand), and pupils on the roll who are missing from the
file (a review list, never a removal).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from dropout_ledger import canonical
from dropout_ledger.errors import InputRefused, ValidationError
from dropout_ledger.importing import normalise
from dropout_ledger.importing.header import (
    SCAN_ROWS,
    Column,
    Header,
    find_header,
    mapping_from_profile,
)
from dropout_ledger.importing.normalise import FIELD_INFO, Cell, CellProblem
from dropout_ledger.importing.readers import Sheet, Workbook, open_workbook
from dropout_ledger.model import identity
from dropout_ledger.model.access import Permission
from dropout_ledger.model.fields import FieldSpec, clean
from dropout_ledger.model.status import Status
from dropout_ledger.model.student import STUDENT_SPECS, clean_student_fields, complete_identity
from dropout_ledger.services.accounts import require_permission

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

Action = Literal["create", "update", "unchanged", "error"]
Severity = Literal["error", "warning"]
Progress = Callable[[int, int], bool]
"""Called now and then with (rows done, rows in all); returning False cancels."""

PROGRESS_EVERY = 500
_GUARDIAN_PART = re.compile(r"guardian1_(name|relation|phone)")
_NAME_AND_RELATION = re.compile(r"(.+?)[（(](.+)[）)]")


def _spread_guardians(
    field: str, cell: Cell, mapped: Mapping[str | None, Any]
) -> list[tuple[str, Cell]]:
    """(field, value) pairs for one cell: usually just itself.

    A guardian cell may list both guardians one per line, and a name may carry its relation as
    "杜刚佑（父亲）" — our own Excel export writes both, and so do county sheets that squeeze the
    family into one column. Each line then feeds guardian 1 and 2, and a bracketed relation fills
    the relation, unless the file has its own columns for those.
    """
    part = _GUARDIAN_PART.fullmatch(field)
    if part is None or not isinstance(cell, str):
        return [(field, cell)]
    lines = [line.strip() for line in cell.strip().splitlines() if line.strip()][:2]
    pairs: list[tuple[str, Cell]] = []
    for n, line in enumerate(lines, start=1):
        target = f"guardian{n}_{part.group(1)}"
        if n > 1 and target in mapped:
            break
        both = _NAME_AND_RELATION.fullmatch(line) if part.group(1) == "name" else None
        if both is not None and f"guardian{n}_relation" not in mapped:
            pairs += [(target, both.group(1)), (f"guardian{n}_relation", both.group(2))]
        else:
            pairs.append((target, line))
    return pairs


# The fields a file may set; `guardians` is built from the guardian columns.
_STUDENT_KEYS = ("name", "sex", "birth_date", "ethnicity", "id_type", "id_number", "xjh",
                 "grade", "class_name", "address", "village_name", "village_code", "boarding",
                 "left_behind", "orphan", "migrant", "disability_type", "inclusive", "note")
_DERIVED = ("sex", "birth_date", "id_type")  # complete_identity may fill these from the ID
_FOOTER_WORDS = ("制表", "审核", "合计", "总计", "注：", "注:", "说明", "填表", "负责人", "盖章",
                 "签字", "签名", "打印")
_CODE_LIKE = re.compile(r"^[GJL]?[0-9][0-9X.E+]*$")
_ENROLLED = FieldSpec("enrolled", "入学年月", "date", required=True)


class ImportCancelled(InputRefused):
    """The person cancelled a check or an import; nothing was changed."""


@dataclass(frozen=True)
class RowProblem:
    """One problem in one row: row number as the spreadsheet shows it, column header, reason."""

    row: int
    column: str
    reason: str
    fix: str = ""
    severity: Severity = "error"

    def text(self) -> str:
        """Reason and fix as one sentence (without the row: the report puts it on the row)."""
        return self.reason + (f"（{self.fix}）" if self.fix else "")


class PlannedRow:
    """What one row of the file means for the ledger.

    `values` holds the cleaned fields to write: every field for a new pupil, only the changed
    ones for an update, None otherwise. `student_id` is the matched pupil ("" for new/error).
    The values are kept as canonical JSON bytes — a third of the memory of a dict — because a
    county-sized file holds 150,000 of them between the check and the write.
    """

    __slots__ = ("_packed", "action", "enrolled", "name", "row", "student_id", "warned")

    def __init__(self, row: int, action: Action, name: str, student_id: str = "",
                 values: dict[str, Any] | None = None, enrolled: str = "") -> None:
        self.row, self.action, self.name, self.student_id = row, action, name, student_id
        self.enrolled, self.warned = enrolled, False
        self.values = values

    @property
    def values(self) -> dict[str, Any] | None:
        return None if self._packed is None else dict(json.loads(self._packed))

    @values.setter
    def values(self, values: dict[str, Any] | None) -> None:
        self._packed = None if values is None else canonical.encode(values, checked=False)

    def __repr__(self) -> str:
        return f"PlannedRow(row={self.row}, action={self.action!r}, name={self.name!r})"


@dataclass(frozen=True)
class MissingPupil:
    """A pupil on the roll whom the file does not list: 在籍不在校? — to be checked by a person."""

    student_id: str
    name: str
    grade: int
    class_name: str
    id_masked: str
    xjh_masked: str
    status_label: str


@dataclass
class ImportPlan:
    """Everything a check found, enough to show, report and apply it."""

    path: Path
    sha256: str
    kind: str  # xlsx, xls, ods or csv
    encoding: str  # the detected encoding of a CSV file ("" otherwise)
    sheet: str
    sheet_names: list[str]
    header: Header
    first_column: int
    rows: list[PlannedRow]
    problems: list[RowProblem]
    missing: list[MissingPupil]
    skipped: int  # blank, footer and repeated header rows, not counted as rows
    ledger_mark: tuple[str, int]
    today: dt.date
    _by_row: dict[int, list[RowProblem]] = field(default_factory=dict, repr=False)

    def count(self, action: Action) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def errors(self) -> int:
        """Rows with at least one error."""
        return self.count("error")

    @property
    def valid(self) -> int:
        return len(self.rows) - self.errors

    @property
    def warnings(self) -> int:
        """Rows with at least one warning."""
        return sum(1 for r in self.rows if r.warned)

    @property
    def mapping(self) -> dict[str, str | None]:
        """{header text: field}: what the wizard can save in the county profile."""
        return self.header.mapping

    def problems_for(self, row: int) -> list[RowProblem]:
        """The problems of one spreadsheet row, errors first."""
        if not self._by_row and self.problems:
            for problem in self.problems:
                self._by_row.setdefault(problem.row, []).append(problem)
        found = self._by_row.get(row, [])
        return sorted(found, key=lambda p: p.severity != "error")

    def has_writes(self, *, skip_invalid: bool) -> bool:
        if self.errors and not skip_invalid:
            return False
        return any(r.action in ("create", "update") for r in self.rows)


def ledger_mark(ledger: Ledger) -> tuple[str, int]:
    """Which ledger, and how far its event log has got: a plan is applied only to that state."""
    count = ledger.conn.execute("SELECT coalesce(max(rowid), 0) FROM events").fetchone()[0]
    return ledger.org_id, int(count)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def plan_import(
    ledger: Ledger, path: Path, mapping: Mapping[str, str | None] | None = None, *,
    sheet: str | None = None, header_row: int | None = None, progress: Progress | None = None,
) -> ImportPlan:
    """Read and check a roster file against `ledger` without writing anything.

    `mapping` ({header text: field key or None}) overrides the automatic column mapping,
    `sheet` and `header_row` the automatic choice of sheet and header row. Raises InputRefused
    (in Chinese) when the file itself cannot be used; problems of single rows are in the plan.
    """
    if ledger.org.kind != "school":
        raise InputRefused("县级台账不能导入学校的学籍名单：学生名单由各校导入后同步上来。")
    require_permission(ledger, Permission.WHOLE_SCHOOL,
                       "导入学籍花名册会比对全校学生，当前账户无权导入。请由校长或学籍管理员导入。")
    path = Path(path)
    with open_workbook(path) as book:
        chosen, header = _choose_sheet(book, mapping, sheet, header_row)
        formulas = book.uncached_formulas(chosen.name)
        checker = _RowChecker(ledger, header, chosen.first_column, formulas)
        rows = _data_rows(chosen, header.row, max((r for r, _ in formulas), default=0))
        skipped = checker.run(rows, chosen.height - header.row, progress)
    if not checker.rows:
        raise InputRefused(
            f"“{chosen.name}”表第{header.row}行是表头，但下面没有学生。请确认名单是否完整。"
        )
    checker.refuse_formula_only(path)
    return ImportPlan(
        path=path, sha256=file_sha256(path), kind=book.kind, encoding=book.encoding,
        sheet=chosen.name, sheet_names=book.sheet_names, header=header,
        first_column=chosen.first_column, rows=checker.rows, problems=checker.problems,
        missing=checker.missing(), skipped=skipped, ledger_mark=ledger_mark(ledger),
        today=ledger.clock.today(),
    )


@dataclass(frozen=True)
class Preview:
    """The top of a file as text, for a wizard to show when it must ask which row is the header."""

    sheet_names: list[str]
    sheet: str
    first_column: int
    rows: list[list[str]]  # the first SCAN_ROWS rows, row 1 first, cells as a person reads them


def preview_file(path: Path, sheet: str | None = None) -> Preview:
    """The first rows of `sheet` (default: the first visible sheet); needs no ledger."""
    with open_workbook(Path(path)) as book:
        names = [n for n, v in zip(book.sheet_names, book.visible, strict=True) if v]
        loaded = book.sheet(sheet or (names or book.sheet_names)[0])
        rows = [[normalise.text_of(c) for c in row] for row in _top(loaded)]
        return Preview(book.sheet_names, loaded.name, loaded.first_column, rows)


@dataclass(frozen=True)
class HeaderGuess:
    """What the wizard shows before a check: the top of the sheet and the header found in it.

    `header` is None when no row of the sheet looks like a roster header, and may lack a
    column an import needs; `reason` then says in Chinese what `plan_import` would refuse.
    Either way the person can point at the header row and say which column is which.
    """

    preview: Preview
    header: Header | None
    reason: str = ""


def guess_header(
    path: Path, mapping: Mapping[str, str | None] | None = None, *, sheet: str | None = None,
) -> HeaderGuess:
    """The sheet `plan_import` would read (or `sheet`), its top rows, and its header if any.

    Unlike `plan_import` this reads only the top of one sheet and checks no pupil, so the
    wizard can show the column mapping of a 150,000-row file before the long check. Raises
    InputRefused only for a file that cannot be read at all (password, damage, all empty).
    """
    header: Header | None
    reason = ""
    with open_workbook(Path(path)) as book:
        try:
            chosen, header = _choose_sheet(book, mapping, sheet, None)
        except InputRefused as refusal:
            visible = [n for n, v in zip(book.sheet_names, book.visible, strict=True) if v]
            chosen = book.sheet(sheet or (visible or book.sheet_names)[0])
            if sheet is None and all(book.sheet(n).height == 0 for n in book.sheet_names):
                raise
            reason = refusal.message
            header = _incomplete_header(chosen, mapping)
        rows = [[normalise.text_of(c) for c in row] for row in _top(chosen)]
        preview = Preview(book.sheet_names, chosen.name, chosen.first_column, rows)
        return HeaderGuess(preview, header, reason)


def _incomplete_header(loaded: Sheet, mapping: Mapping[str, str | None] | None
                       ) -> Header | None:
    """The header row of `loaded` even if it lacks a needed column; None if there is none."""
    for wanted in (mapping, None):
        try:
            return find_header(_top(loaded), first_column=loaded.first_column, mapping=wanted,
                               require=False)
        except InputRefused:
            continue
    return None


def saved_mapping(ledger: Ledger) -> dict[str, str | None]:
    """The column mapping a person saved in the county profile ({header text: field or None})."""
    return mapping_from_profile(ledger.settings.profile().get("import_mapping"))


def _choose_sheet(
    book: Workbook, mapping: Mapping[str, str | None] | None, wanted: str | None,
    header_row: int | None,
) -> tuple[Sheet, Header]:
    """The named sheet, or the first visible sheet with a recognisable header."""
    if wanted is not None:
        loaded = book.sheet(wanted)
        return loaded, find_header(_top(loaded), first_column=loaded.first_column,
                                   mapping=mapping, header_row=header_row)
    order = [n for n, v in zip(book.sheet_names, book.visible, strict=True) if v]
    order += [n for n in book.sheet_names if n not in order]
    first_refusal: InputRefused | None = None
    for name in order:
        loaded = book.sheet(name)
        try:
            return loaded, find_header(_top(loaded), first_column=loaded.first_column,
                                       mapping=mapping, header_row=header_row)
        except InputRefused as refusal:
            first_refusal = first_refusal or refusal
    if len(order) > 1 and first_refusal is not None:
        raise InputRefused(
            f"文件的 {len(order)} 个工作表（{'、'.join(order)}）中都找不到学生名单的表头"
            "（同时写着“姓名”和“身份证号”或“全国学籍号”的一行）。"
            "请确认选择的文件是否正确，或在导入向导中指定工作表和表头行。"
        )
    assert first_refusal is not None
    if all(book.sheet(name).height == 0 for name in order):
        raise InputRefused(f"文件 {book.path.name} 中的工作表都是空的，里面没有名单。")
    raise first_refusal


def _top(loaded: Sheet) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for row in loaded.rows():
        rows.append(row)
        if len(rows) >= SCAN_ROWS:
            break
    return rows


def _data_rows(loaded: Sheet, header_row: int, last: int) -> Iterator[tuple[int, list[Cell]]]:
    """Rows under the header; up to row `last` even where the reader saw only empty cells
    (formulas without values end the sheet early for calamine)."""
    number = 0
    for number, row in enumerate(loaded.rows(), start=1):
        if number > header_row:
            yield number, row
    for empty in range(max(number, header_row) + 1, last + 1):
        yield empty, []


class _RowChecker:
    """Checks rows one at a time, remembering what later rows must be compared with."""

    def __init__(
        self, ledger: Ledger, header: Header, first_column: int, formulas: set[tuple[int, int]]
    ) -> None:
        self.ledger, self.header, self.first_column = ledger, header, first_column
        self.today = ledger.clock.today()
        self.today_iso = self.today.isoformat()
        self.formulas = formulas
        self.used = [c for c in header.columns if c.field]
        self.columns = {c.field: c for c in self.used}
        self.header_texts = {c.index: c.header for c in self.used}
        self.rows: list[PlannedRow] = []
        self.problems: list[RowProblem] = []
        # ID number or 学籍号 → index in rows (a 学籍号 starts with a letter, an ID never does)
        self.seen: dict[str, int] = {}
        self.matched: set[str] = set()
        self.formula_rows: set[int] = set()

    # --- the loop -------------------------------------------------------------------------

    def run(self, rows: Iterator[tuple[int, list[Cell]]], total: int, progress: Progress | None
            ) -> int:
        skipped = 0
        for done, (number, cells) in enumerate(rows, start=1):
            if progress is not None and done % PROGRESS_EVERY == 0 and not progress(done, total):
                raise ImportCancelled("已取消检查，台账没有任何改动。")
            if not self.check(number, cells):
                skipped += 1
        if progress is not None:
            progress(total, total)
        return skipped

    def check(self, number: int, cells: list[Cell]) -> bool:
        """Check one row; False when it is not a pupil (blank, footer, repeated header)."""
        formula_cells = self._formula_cells(number, cells)
        if not formula_cells and self._not_a_pupil(cells):
            return False
        found: list[RowProblem] = []
        raw = self._read(number, cells, found, formula_cells)
        planned = PlannedRow(row=number, action="error", name=str(raw.get("name", "")))
        self.rows.append(planned)
        if formula_cells:
            self.formula_rows.add(number)
        if _has_error(found):
            self._remember_match(raw)
        else:
            self._judge(planned, raw, found)
        self._file(planned, found)
        return True

    def _formula_cells(self, number: int, cells: list[Cell]) -> list[Column]:
        if not self.formulas:
            return []
        return [c for c in self.used
                if (number, self.first_column + c.index) in self.formulas
                and normalise.is_blank(_cell(cells, c.index))]

    def _not_a_pupil(self, cells: list[Cell]) -> bool:
        name = self.columns.get("name")
        if name is not None and _plain_name(_cell(cells, name.index), name.header):
            return False  # the usual row: a name that is not the header repeated
        filled = [normalise.text_of(c) for c in cells if not normalise.is_blank(c)]
        if not filled:
            return True
        keys = [c for c in (self.columns.get(k) for k in ("name", "id_number", "xjh")) if c]
        key_texts = {c.field: normalise.text_of(_cell(cells, c.index)) for c in keys}
        if any(t and t == self.header_texts[c.index] for c in keys
               if (t := key_texts[c.field])):
            return True  # the header again (a roster printed page by page)
        if key_texts.get("name") or any(_CODE_LIKE.match(identity.normalize_code(t))
                                        for t in key_texts.values() if t):
            return False
        # No name and no number: a sub-heading, a total or the signatures under the table.
        return len(filled) <= 2 or any(w in t for t in filled for w in _FOOTER_WORDS)

    def _read(self, number: int, cells: list[Cell], found: list[RowProblem],
              formula_cells: list[Column]) -> dict[str, Any]:
        raw: dict[str, Any] = {}
        for column in formula_cells:
            found.append(RowProblem(
                number, column.header, "这一格是公式，但文件中没有保存公式的计算结果",
                "请用Excel或WPS打开文件、确认显示正常后保存一次，再导入"))
        for column in self.used:
            cell = _cell(cells, column.index)
            if normalise.is_blank(cell):
                continue
            assert column.field is not None
            try:
                for field_name, part in _spread_guardians(column.field, cell, self.columns):
                    raw[field_name] = normalise.read_cell(field_name, part)
            except CellProblem as problem:
                found.append(RowProblem(number, column.header, problem.reason, problem.fix))
        return raw

    # --- judging one readable row --------------------------------------------------------

    def _judge(self, planned: PlannedRow, raw: dict[str, Any], found: list[RowProblem]) -> None:
        number = planned.row
        student = {k: raw[k] for k in _STUDENT_KEYS if k in raw}
        for required in ("name", "grade"):  # a blank cell must still meet the core's rule
            student.setdefault(required, None)
        if "boarding_mode" in raw and "boarding" not in student:
            student["boarding"] = raw["boarding_mode"]
        guardians = self._guardians(number, raw, found)
        if guardians:
            student["guardians"] = guardians
        try:
            fields = clean_student_fields(student, today=self.today)
        except ValidationError as error:
            found.extend(self._core(number, error))
            self._remember_match(raw)
            return
        enrolled = self._enrolled(number, raw, found)
        if not (fields.get("id_number") or fields.get("xjh")):
            found.append(RowProblem(
                number, self._where("id_number"), "身份证号和全国学籍号都是空的，无法与台账中的学生对应",
                "请至少填写其中一项"))
            return
        if self._twice(planned, fields, found) or _has_error(found):
            self._remember_match(fields)
            return
        stored = self._match(number, fields, found)
        if _has_error(found):
            return
        self._decide(planned, fields, stored, enrolled, found)

    def _decide(self, planned: PlannedRow, fields: dict[str, Any],
                stored: dict[str, Any] | None, enrolled: str, found: list[RowProblem]) -> None:
        number = planned.row
        current = _comparable(stored) if stored is not None else {}
        self._birth_warning(number, fields, current, found)
        merged = {k: v for k, v in current.items() if v not in (None, "")} | fields
        try:
            complete, warnings = complete_identity(merged, today=self.today)
        except ValidationError as error:
            found.extend(self._core(number, error))
            return
        found.extend(self._warnings(number, complete, warnings))
        if stored is None:
            planned.action, planned.values, planned.enrolled = "create", complete, enrolled
            return
        planned.student_id = str(stored["id"])
        self.matched.add(planned.student_id)
        changes = {k: v for k, v in fields.items() if not _same(k, current.get(k), v)}
        changes |= {k: complete[k] for k in _DERIVED
                    if k in complete and not _same(k, current.get(k), complete[k])}
        if current.get("guardians"):  # a roster never overwrites guardians the school keeps
            changes.pop("guardians", None)
        planned.action = "update" if changes else "unchanged"
        planned.values = changes or None
        status = stored.get("status")
        if status and not Status(status).is_on_roll:
            found.append(RowProblem(
                number, self._where("name"),
                f"台账中该生的状态是“{Status(status).label}”，但名单中仍有此人",
                "请核对该生是否确已离校；导入只更新资料，不改变状态", "warning"))

    def _birth_warning(self, number: int, fields: dict[str, Any], current: dict[str, Any],
                       found: list[RowProblem]) -> None:
        """A birth date that contradicts the ID number is dropped with a warning, not refused."""
        birth = fields.get("birth_date")
        id_type = fields.get("id_type") or current.get("id_type") or "1"
        number_text = str(fields.get("id_number") or current.get("id_number") or "")
        if not birth or len(number_text) not in (15, 18) or id_type != "1":
            return
        # The number was checked by the core already (clean_student_fields, or when stored):
        # its birth date is a slice, GB 11643 positions 7–14 (7–12 after "19" when 15 long).
        digits = number_text[6:14] if len(number_text) == 18 else "19" + number_text[6:12]
        if f"{digits[:4]}-{digits[4:6]}-{digits[6:]}" != birth:
            del fields["birth_date"]
            found.append(RowProblem(
                number, self._where("birth_date"), "出生日期与身份证号中的出生日期不一致，已按身份证号登记",
                "请核对出生日期和身份证号", "warning"))

    def _warnings(self, number: int, complete: dict[str, Any], warnings: list[str]
                  ) -> list[RowProblem]:
        if not warnings:
            return []
        about_xjh: set[str] = set()
        if complete.get("xjh"):
            about_xjh = set(identity.parse_xjh(
                complete["xjh"], id_number=complete.get("id_number") or None).warnings)
        return [RowProblem(number, self._where("xjh" if w in about_xjh else "grade"), w,
                           severity="warning") for w in warnings]

    def _guardians(self, number: int, raw: dict[str, Any], found: list[RowProblem]
                   ) -> list[dict[str, str]]:
        guardians = []
        for n in (1, 2):
            name = raw.get(f"guardian{n}_name")
            phone = raw.get(f"guardian{n}_phone", "")
            if name:
                guardians.append({"name": name, "relation": raw.get(f"guardian{n}_relation")
                                  or "other", "phone": phone})
            elif phone:
                found.append(RowProblem(
                    number, self._where(f"guardian{n}_phone"), "有联系电话但没有监护人姓名，电话未导入",
                    "请补上监护人姓名", "warning"))
        return guardians

    def _enrolled(self, number: int, raw: dict[str, Any], found: list[RowProblem]) -> str:
        if "enrolled" not in raw:
            return self.today_iso
        try:
            return str(clean(_ENROLLED, raw["enrolled"], today=self.today))
        except ValidationError as error:
            found.extend(self._core(number, error, field="enrolled"))
            return ""

    def _twice(self, planned: PlannedRow, fields: dict[str, Any], found: list[RowProblem]
               ) -> bool:
        """The same child twice in the file: both rows are errors (which one is right?)."""
        twice = False
        index = len(self.rows) - 1
        for key, label in (("id_number", "身份证号"), ("xjh", "全国学籍号")):
            value = fields.get(key)
            if not value:
                continue
            earlier = self.seen.setdefault(value, index)
            if earlier == index:
                continue
            first = self.rows[earlier]
            found.append(RowProblem(
                planned.row, self._where(key), f"与第{first.row}行的{label}相同，同一个学生出现了两次",
                "请核对后删去其中一行"))
            if first.action != "error":
                first.action, first.values = "error", None
            self.problems.append(RowProblem(
                first.row, self._where(key), f"与第{planned.row}行的{label}相同，同一个学生出现了两次",
                "请核对后删去其中一行"))
            twice = True
        return twice

    def _match(self, number: int, fields: dict[str, Any], found: list[RowProblem]
               ) -> dict[str, Any] | None:
        """The pupil on the ledger this row is: by ID number first, then by 学籍号."""
        queries = self.ledger.queries
        by_id = queries.find_student(id_number=fields["id_number"]) \
            if fields.get("id_number") else None
        by_xjh = queries.find_student(xjh=fields["xjh"]) if fields.get("xjh") else None
        if by_id and by_xjh and by_id["id"] != by_xjh["id"]:
            found.append(RowProblem(
                number, self._where("xjh"),
                f"身份证号与台账中的{by_id['name']}相同，全国学籍号却与台账中的{by_xjh['name']}相同",
                "请核对这两个号码，它们应属于同一个学生"))
            self.matched.update((str(by_id["id"]), str(by_xjh["id"])))
            return None
        return by_id or by_xjh

    def _remember_match(self, values: Mapping[str, Any]) -> None:
        """A row with errors still names its pupil: that pupil is not missing from the file."""
        for key in ("id_number", "xjh"):
            value = values.get(key)
            if isinstance(value, str) and value:
                found = self.ledger.queries.find_student(**{key: value})
                if found is not None:
                    self.matched.add(str(found["id"]))
                    return

    def _file(self, planned: PlannedRow, found: list[RowProblem]) -> None:
        if _has_error(found):
            planned.action, planned.values = "error", None
        planned.warned = any(p.severity == "warning" for p in found)
        self.problems.extend(found)

    # --- helpers --------------------------------------------------------------------------

    def _where(self, key: str) -> str:
        """The header of the column a field came from (its nearest relative if not mapped)."""
        for candidate in (key, *_NEAREST.get(key, ())):
            column = self.columns.get(candidate)
            if column is not None:
                return column.header
        return ""

    def _core(self, number: int, error: ValidationError, field: str | None = None
              ) -> list[RowProblem]:
        return [RowProblem(number, self._where(field or _column_key(p.field, p.reason)),
                           p.reason, p.fix) for p in error.problems]

    def refuse_formula_only(self, path: Path) -> None:
        if self.formula_rows and len(self.formula_rows) == len(self.rows):
            raise InputRefused(
                f"文件 {path.name} 中的名单是公式，但文件里没有保存公式的计算结果"
                "（通常是由其他程序生成、从未在Excel中打开保存过的文件）。"
                "请用Excel或WPS打开它，确认名单显示正常后保存一次，再导入。"
            )

    def missing(self) -> list[MissingPupil]:
        """Pupils on the roll that no row of the file names."""
        return [
            MissingPupil(
                student_id=r.student_id, name=r.name, grade=r.grade, class_name=r.class_name,
                id_masked=identity.mask_id_number(r.id_number), xjh_masked=identity.mask_xjh(r.xjh),
                status_label=r.status_label,
            )
            for r in self.ledger.queries.iter_roster("on-roll")
            if r.student_id not in self.matched
        ]


_NEAREST: dict[str, tuple[str, ...]] = {
    "sex": ("id_number",), "birth_date": ("id_number",), "id_type": ("id_number",),
    "id_number": ("xjh",), "xjh": ("id_number",), "boarding": ("boarding_mode",),
    "guardians": ("guardian1_name", "guardian1_phone"), "grade": ("birth_date",),
    "guardian1_phone": ("guardian1_name",), "guardian2_phone": ("guardian2_name",),
}


def _column_key(field: str, reason: str) -> str:
    if field == "guardians":
        which = "2" if reason.startswith("第2名") or "第2名" in reason else "1"
        return f"guardian{which}_phone" if "电话" in reason else f"guardian{which}_name"
    return field


def _plain_name(cell: Cell, header: str) -> bool:
    """A name cell that is certainly a pupil's: short text, not the header, no footer word."""
    return (isinstance(cell, str) and 0 < len(cell) <= 12 and cell.strip() != header
            and not any(w in cell for w in _FOOTER_WORDS) and bool(cell.strip()))


def _has_error(found: list[RowProblem]) -> bool:
    return any(p.severity == "error" for p in found)


def _cell(cells: list[Cell], index: int) -> Cell:
    return cells[index] if index < len(cells) else None


def _comparable(stored: Mapping[str, Any]) -> dict[str, Any]:
    """A stored student's fields as the cleaners produce them (0/1 columns back to bools)."""
    out: dict[str, Any] = {}
    for key, spec in STUDENT_SPECS.items():
        value = stored.get(key)
        out[key] = bool(value) if spec.kind == "bool" else value
    return out


def _same(key: str, stored: Any, new: Any) -> bool:
    if stored in (None, "") and new in (None, "", [], False):
        return True
    return bool(stored == new)


__all__ = ["FIELD_INFO", "HeaderGuess", "ImportCancelled", "ImportPlan", "MissingPupil",
           "PlannedRow", "Preview", "RowProblem", "guess_header", "plan_import", "preview_file",
           "saved_mapping"]
