"""Read a county or village list, match every row to the roll, and keep it — or refuse it whole.

Two steps with one object between them, like the roster import (decision 0010):
`check_list(ledger, path, kind=…)` reads the file and matches it, writing nothing, and returns
a `ListPlan` the screen and the command line show; `save_list(ledger, plan)` stores it in one
transaction. The file is read with the roster importer's own pieces — `readers.open_workbook`
(xlsx/xls/ods/CSV in any encoding, refusals in Chinese), the header finder's alias table and
column assignment, and `normalise`'s cell readers — so a list and a roster are read alike.

What differs from a roster is what counts as a bad row. A county list is the county's data, not
the school's: a wrong ID number in it is a *finding* to report back (domain §2.5), so it is kept
as a warning on the row and the row is matched by its other columns. Only cells nobody can
check are errors — an ID number or 学籍号 stored as a number (its last digits are already lost),
a date that cannot be read, a missing name — and any error refuses the whole list, row by row,
in Chinese: nothing is stored until the list is right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dropout_ledger.errors import InputRefused, ValidationError
from dropout_ledger.ids import new_id
from dropout_ledger.importing import header as headers
from dropout_ledger.importing import normalise
from dropout_ledger.importing.apply import StalePlan
from dropout_ledger.importing.header import SCAN_ROWS, Column, Header
from dropout_ledger.importing.normalise import Cell, CellProblem
from dropout_ledger.importing.plan import (
    _CODE_LIKE,
    _FOOTER_WORDS,
    ImportCancelled,
    MissingPupil,
    RowProblem,
    file_sha256,
    ledger_mark,
)
from dropout_ledger.importing.readers import Sheet, Workbook, open_workbook
from dropout_ledger.model import codes, identity
from dropout_ledger.model.access import Permission
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.fields import parse_date
from dropout_ledger.model.records import LIST_KINDS, MATCH_METHODS
from dropout_ledger.model.status import Status
from dropout_ledger.reconcile.match import NO_MATCH, ListRow, Match, Roll, match_row
from dropout_ledger.services import audit
from dropout_ledger.services.accounts import require_permission
from dropout_ledger.store.queries import ON_ROLL

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

Progress = Callable[[int, int], bool]
PROGRESS_EVERY = 500
LIST_PREFIX = "checklist:"
# Headers county and village lists use that a school roster does not ({header text: field}).
LIST_ALIASES: dict[str, str] = {
    "儿童姓名": "name", "适龄儿童姓名": "name", "学生(儿童)姓名": "name", "少年儿童姓名": "name",
    "儿童身份证号": "id_number", "儿童身份证号码": "id_number", "身份证号(户籍)": "id_number",
    "户籍身份证号": "id_number", "出生年月日期": "birth_date",
}  # fmt: skip
_LIST_KEYS = {headers.header_key(k): v for k, v in LIST_ALIASES.items()}
_USED = ("name", "id_number", "xjh", "birth_date")
_TEXT_FIELDS = ("id_number", "xjh")


class ListRefused(InputRefused):
    """Rows of the list have errors: nothing was stored."""


@dataclass
class ListPlan:
    """A checked list: where it came from, every row read and matched, every problem found."""

    path: Path
    sha256: str
    file_kind: str  # xlsx, xls, ods or csv
    encoding: str
    sheet: str
    header: Header
    first_column: int
    kind: str  # a LIST_KINDS code
    title: str
    rows: list[ListRow]
    matches: list[Match]
    problems: list[RowProblem]
    skipped: int
    missing: list[MissingPupil]
    ledger_mark: tuple[str, int]
    _by_row: dict[int, list[RowProblem]] = field(default_factory=dict, repr=False)

    @property
    def errors(self) -> int:
        """Rows with at least one error (a plan with errors cannot be saved)."""
        return len({p.row for p in self.problems if p.severity == "error"})

    @property
    def accepted(self) -> int:
        return sum(1 for m in self.matches if m.accepted)

    @property
    def pending(self) -> int:
        return sum(1 for m in self.matches if m.needs_confirmation)

    @property
    def unmatched(self) -> int:
        return sum(1 for m in self.matches if not m.accepted and not m.needs_confirmation)

    def count(self, method: str) -> int:
        return sum(1 for m in self.matches if m.method == method)

    def problems_for(self, row: int) -> list[RowProblem]:
        if not self._by_row:
            for problem in self.problems:
                self._by_row.setdefault(problem.row, []).append(problem)
        return sorted(self._by_row.get(row, []), key=lambda p: p.severity != "error")


# --- reading --------------------------------------------------------------------------------


def check_list(
    ledger: Ledger, path: Path, *, kind: str = "household", title: str = "",
    mapping: Mapping[str, str | None] | None = None, sheet: str | None = None,
    header_row: int | None = None, progress: Progress | None = None,
) -> ListPlan:
    """Read a county list and match it to the roll without writing anything.

    `kind` is a LIST_KINDS code; `mapping` ({header text: field or None}), `sheet` and
    `header_row` override the automatic choices, as in the roster import. Raises InputRefused
    in Chinese when the file cannot be used; problems of single rows are in the plan.
    """
    require_permission(ledger, Permission.WHOLE_SCHOOL, "名单核查比对全校学籍，当前账户无权进行。请由校长或学籍管理员核查。")
    if kind not in codes.codes_of(LIST_KINDS):
        choices = "、".join(f"{c.code}（{c.label}）" for c in LIST_KINDS)
        raise InputRefused(f"名单类别“{kind}”无效。可选：{choices}。")
    path = Path(path)
    today = ledger.clock.today()
    with open_workbook(path) as book:
        loaded, header = _choose_sheet(book, mapping, sheet, header_row)
        reader = _RowReader(header, today)
        for done, (number, cells) in enumerate(_data_rows(loaded, header.row), start=1):
            if progress is not None and done % PROGRESS_EVERY == 0 \
                    and not progress(done, loaded.height):
                raise ImportCancelled("已取消检查，台账没有任何改动。")
            reader.read(number, cells)
    if not reader.rows and not reader.error_rows:
        raise InputRefused(
            f"“{loaded.name}”表第{header.row}行是表头，但下面没有名单。请确认文件是否完整。")
    reader.mark_duplicates()
    roll = Roll(ledger.queries, (r.birth_date for r in reader.rows))
    matches = [NO_MATCH if r.row in reader.error_rows else match_row(roll, r)
               for r in reader.rows]
    plan = ListPlan(
        path=path, sha256=file_sha256(path), file_kind=book.kind, encoding=book.encoding,
        sheet=loaded.name, header=header, first_column=loaded.first_column, kind=kind,
        title=title.strip() or path.stem, rows=reader.rows, matches=matches,
        problems=reader.problems, skipped=reader.skipped, missing=[],
        ledger_mark=ledger_mark(ledger),
    )
    plan.missing = missing_pupils(ledger, _named(matches))
    return plan


def _named(matches: list[Match]) -> set[str]:
    """Pupils a list names: accepted ones and those proposed to a person."""
    named = {m.student_id for m in matches if m.student_id}
    return named | {c for m in matches if m.needs_confirmation for c in m.candidates}


def missing_pupils(ledger: Ledger, named: set[str], limit: int | None = None
                   ) -> list[MissingPupil]:
    """On-roll pupils the list does not name (名单外的在籍学生), in roster order; at most `limit`
    of them (a screen shows a page, `missing_count` says how many in all).

    One streamed query rather than `Queries.iter_roster`: its LIMIT/OFFSET pages sort the roll
    again for every page, which on a 150,000-pupil county roll took 25 s instead of 1.
    """
    found: list[MissingPupil] = []
    rows = ledger.conn.execute(
        "SELECT id, name, grade, class_name, id_number, xjh, status FROM students"
        f" WHERE retracted = 0 AND ({ON_ROLL}) ORDER BY grade, class_name, name, id")
    for student_id, name, grade, class_name, id_number, xjh, status in rows:
        if limit is not None and len(found) >= limit:
            break
        if student_id not in named:
            found.append(MissingPupil(
                student_id=student_id, name=name or "", grade=grade or 0,
                class_name=class_name or "", id_masked=identity.mask_id_number(id_number or ""),
                xjh_masked=identity.mask_xjh(xjh or ""), status_label=Status(status).label))
    return found


def missing_count(ledger: Ledger, named: set[str]) -> int:
    """How many on-roll pupils the list does not name, without listing them."""
    from dropout_ledger.reconcile.outcomes import pupils_by_id

    on_roll = sum(1 for p in pupils_by_id(ledger, named).values()
                  if p.status and Status(p.status).is_on_roll)
    return ledger.queries.count("on-roll") - on_roll


def _choose_sheet(
    book: Workbook, mapping: Mapping[str, str | None] | None, wanted: str | None,
    header_row: int | None,
) -> tuple[Sheet, Header]:
    order = [wanted] if wanted is not None else \
        [n for n, v in zip(book.sheet_names, book.visible, strict=True) if v] + \
        [n for n, v in zip(book.sheet_names, book.visible, strict=True) if not v]
    first: InputRefused | None = None
    for name in order:
        loaded = book.sheet(name)
        try:
            return loaded, find_list_header(_top(loaded), first_column=loaded.first_column,
                                            mapping=mapping, header_row=header_row)
        except InputRefused as refusal:
            first = first or refusal
    assert first is not None
    raise first


def _top(loaded: Sheet) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for row in loaded.rows():
        rows.append(row)
        if len(rows) >= SCAN_ROWS:
            break
    return rows


def find_list_header(
    top_rows: list[list[Cell]], *, first_column: int = 0,
    mapping: Mapping[str, str | None] | None = None, header_row: int | None = None,
) -> Header:
    """The header of a list: the roster's header finder, with a list's own requirement.

    A roster header must name 年级; a 户籍 list has no grade, only a name and something to
    check it by — an ID number, a 学籍号 or a birth date. The alias table, group labels and
    column assignment are `importing.header`'s (its private steps, until `find_header` takes
    the required fields as a parameter); list-only headers (儿童姓名…) join through `mapping`.
    """
    rows = [headers._texts(r) for r in top_rows[:SCAN_ROWS]]
    wanted: dict[str, str | None] = dict(_list_mapping(rows))
    wanted.update(mapping or {})
    if header_row is not None:
        if not 1 <= header_row <= len(rows):
            raise InputRefused(f"第{header_row}行不在表格的前{len(rows)}行之内，不能作为表头。")
        chosen = header_row - 1
    else:
        chosen = _best_row(rows, wanted)
    texts = rows[chosen]
    groups = headers._group_labels(rows[chosen - 1], len(texts)) if chosen > 0 \
        else [""] * len(texts)
    fields = headers._assign(texts, groups)
    shown = [headers._shown(groups[i], t) if fields[i] else t for i, t in enumerate(texts)]
    present = {t: f for t, f in wanted.items() if t in shown}
    if present:
        fields = headers._override(shown, fields, present)
    found = Header(row=chosen + 1, columns=tuple(
        Column(index=i, letter=headers.column_letter(first_column + i), header=shown[i],
               field=fields[i] if fields[i] in _USED else None)
        for i in range(len(texts))))
    fields_present = {c.field for c in found.columns if c.field}
    if "name" not in fields_present or not fields_present & {"id_number", "xjh", "birth_date"}:
        raise InputRefused(
            f"第{found.row}行表头中没有“姓名”列，或者没有“身份证号”“全国学籍号”“出生日期”中的任何一列，"
            "无法与学籍核对。请确认选择的是名单所在的工作表，或指定表头行和各列的含义。")
    return found


def _list_mapping(rows: list[list[str]]) -> Iterator[tuple[str, str]]:
    for texts in rows:
        for text in texts:
            if text and (found := _LIST_KEYS.get(headers.header_key(text))):
                yield text, found


def _best_row(rows: list[list[str]], mapping: Mapping[str, str | None]) -> int:
    best, best_score = -1, 1
    for number, texts in enumerate(rows):
        found = {f for t in texts if (f := headers.field_for(t))}
        found |= {f for t in texts if (f := mapping.get(t))}
        if "name" not in found or not found & {"id_number", "xjh", "birth_date"}:
            continue
        if len(found) > best_score:
            best, best_score = number, len(found)
    if best < 0:
        raise InputRefused(
            f"在表格的前{min(len(rows), SCAN_ROWS)}行中找不到名单的表头：没有一行同时写着“姓名”和"
            "“身份证号”（或“全国学籍号”“出生日期”）。请确认选择的是名单所在的工作表。")
    return best


def _data_rows(loaded: Sheet, header_row: int) -> Iterator[tuple[int, list[Cell]]]:
    for number, row in enumerate(loaded.rows(), start=1):
        if number > header_row:
            yield number, row


class _RowReader:
    """Reads rows one at a time into `ListRow`s and `RowProblem`s (module docstring: which are
    errors and which are findings kept as warnings)."""

    def __init__(self, header: Header, today: dt.date) -> None:
        self.today = today
        self.columns = {c.field: c for c in header.columns if c.field}
        self.header_texts = {c.header for c in header.columns if c.header}
        self.rows: list[ListRow] = []
        self.problems: list[RowProblem] = []
        self.error_rows: set[int] = set()
        self.skipped = 0

    def _cell(self, cells: list[Cell], key: str) -> Cell:
        column = self.columns.get(key)
        if column is None or column.index >= len(cells):
            return None
        return cells[column.index]

    def _where(self, key: str) -> str:
        column = self.columns.get(key)
        return column.header if column is not None else ""

    def _not_a_person(self, cells: list[Cell]) -> bool:
        """Blank rows, the header repeated on a printed page, totals and signature lines."""
        filled = [normalise.text_of(c) for c in cells if not normalise.is_blank(c)]
        if not filled:
            return True
        name = normalise.text_of(self._cell(cells, "name"))
        numbers = [normalise.text_of(self._cell(cells, k)) for k in ("id_number", "xjh")]
        if any(t and t in self.header_texts for t in (name, *numbers)):
            return True
        if name and not any(w in name for w in _FOOTER_WORDS):
            return False
        if any(_CODE_LIKE.match(identity.normalize_code(t)) for t in numbers if t):
            return False
        return len(filled) <= 2 or any(w in t for t in filled for w in _FOOTER_WORDS)

    def read(self, number: int, cells: list[Cell]) -> None:
        if self._not_a_person(cells):
            self.skipped += 1
            return
        found: list[RowProblem] = []
        warnings: list[str] = []
        name = self._read(number, cells, "name", normalise.name, found)
        if not name and not any(p.column == self._where("name") for p in found):
            found.append(RowProblem(number, self._where("name"), "姓名是空的",
                                    "请补上姓名，或删去这一行"))
        id_text = self._read(number, cells, "id_number", normalise.id_number, found)
        id_info = self._id(id_text, warnings)
        xjh = self._read(number, cells, "xjh", normalise.xjh, found)
        xjh_valid = self._xjh(xjh, warnings)
        birth = self._birth(number, cells, found)
        if id_info is not None:
            from_id = id_info.birth_date.isoformat()
            if birth and birth != from_id:
                warnings.append(f"出生日期{birth}与身份证号中的{from_id}不一致，已按身份证号核对")
            birth = from_id
        elif not birth:
            birth = _birth_hint(id_text)
        if not (id_info or xjh_valid or birth):
            warnings.append("没有有效的身份证号、学籍号或出生日期，无法自动核对，请人工核实")
        self.problems.extend(found)
        self.problems.extend(RowProblem(number, "", w, severity="warning") for w in warnings)
        if any(p.severity == "error" for p in found):
            self.error_rows.add(number)
        self.rows.append(ListRow(
            row=number, name=name, id_number=id_text,
            id_valid=id_info is not None, xjh=xjh, xjh_valid=xjh_valid, birth_date=birth,
            warnings=tuple(warnings)))

    def _read(self, number: int, cells: list[Cell], key: str, reader: Callable[[Cell], str],
              found: list[RowProblem]) -> str:
        cell = self._cell(cells, key)
        if normalise.is_blank(cell):
            return ""
        try:
            return reader(cell)
        except CellProblem as problem:
            fix = problem.fix or "请改正这一格"
            if key in _TEXT_FIELDS:
                fix += "；如果名单是县里发来的，请向县里索取号码列为文本格式的名单"
            found.append(RowProblem(number, self._where(key), problem.reason, fix))
            return ""

    def _id(self, text: str, warnings: list[str]) -> identity.IdInfo | None:
        if not text:
            return None
        try:
            return identity.parse_id_number(text, today=self.today)
        except ValidationError as error:
            warnings.append(f"名单中的身份证号有误：{error.problems[0].reason}")
            return None

    def _xjh(self, text: str, warnings: list[str]) -> bool:
        if not text:
            return False
        try:
            identity.parse_xjh(text)
        except ValidationError as error:
            warnings.append(f"名单中的学籍号有误：{error.problems[0].reason}")
            return False
        return True

    def _birth(self, number: int, cells: list[Cell], found: list[RowProblem]) -> str:
        text = self._read(number, cells, "birth_date", normalise.date, found)
        if not text:
            return ""
        day = parse_date(text)
        if day is None or day > self.today or day < identity.EARLIEST_BIRTH:
            typed = normalise.text_of(self._cell(cells, "birth_date"))
            found.append(RowProblem(number, self._where("birth_date"),
                                    f"出生日期“{typed}”不是真实存在的日期",
                                    "请按 2015-03-02 的格式改正这一格"))
            return ""
        return day.isoformat()

    def mark_duplicates(self) -> None:
        """The same ID number twice: both rows are kept (重复户籍 is itself a finding)."""
        first: dict[str, int] = {}
        for row in self.rows:
            if not row.id_valid:
                continue
            earlier = first.setdefault(row.id_number, row.row)
            if earlier != row.row:
                for here, there in ((row.row, earlier), (earlier, row.row)):
                    self.problems.append(RowProblem(
                        here, self._where("id_number"),
                        f"与第{there}行的身份证号相同，名单中同一个人出现了两次", severity="warning"))


def _birth_hint(id_text: str) -> str:
    """The birth date inside an ID number that failed its check (a wrong digit elsewhere)."""
    if len(id_text) != 18 or not id_text[:17].isdigit():
        return ""
    day = parse_date(id_text[6:14])
    return day.isoformat() if day is not None and day.year >= 1900 else ""


# --- storing --------------------------------------------------------------------------------


def save_list(ledger: Ledger, plan: ListPlan) -> Changes:
    """Store a checked list and its matches in one transaction, or refuse it whole.

    The list becomes the entity `checklist:<id>` (title, kind, file, SHA-256, sheet, header);
    the file's bytes are kept in `blobs` under their SHA-256 so the checked list can be written
    back in the county's own format later; each row becomes a `list_check` record. The same file
    twice is refused: its rows are already being checked.
    """
    if plan.errors:
        raise ListRefused(refusal_text(plan))
    if ledger_mark(ledger) != plan.ledger_mark:
        raise StalePlan("检查这份名单之后，台账又有了改动。请重新检查名单，再保存。")
    data = plan.path.read_bytes()
    if file_sha256(plan.path) != plan.sha256:
        raise InputRefused(f"文件 {plan.path.name} 在检查之后被修改过，请重新检查后再保存。")
    for known in stored_lists(ledger):
        if known.sha256 == plan.sha256:
            raise InputRefused(
                f"这份名单已于{known.imported}导入（“{known.title}”），不必重复导入。"
                "请在名单核查页面中继续核查。")
    list_id = new_id()
    today = ledger.clock.today().isoformat()
    text_columns = [c.letter for c in plan.header.columns if c.field in _TEXT_FIELDS]
    with ledger.write() as w:
        w.conn.execute("INSERT OR IGNORE INTO blobs (hash, data) VALUES (?, ?)",
                       (plan.sha256, data))
        w.emit("entity_create", f"{LIST_PREFIX}{list_id}", {"fields": {
            "title": plan.title, "kind": plan.kind, "file_name": plan.path.name,
            "sha256": plan.sha256, "file_kind": plan.file_kind, "sheet": plan.sheet,
            "header_row": plan.header.row, "text_columns": text_columns,
            "imported": today, "rows": len(plan.rows)}})
        w.changes.created.append(list_id)
        for row, found in zip(plan.rows, plan.matches, strict=True):
            fields: dict[str, Any] = {
                "list_id": list_id, "list_row": row.row, "name": row.name,
                "id_number": row.id_number, "xjh": row.xjh, "birth_date": row.birth_date,
                "match": found.method, "candidates": list(found.candidates),
                "note": "；".join(row.warnings)}
            if found.student_id:
                fields["student_id"] = found.student_id
                w.changes.students.add(found.student_id)
            fields = {k: v for k, v in fields.items() if v not in ("", [])}
            w.emit("record_add", f"list_check:{new_id()}", {"kind": "list_check",
                                                            "fields": fields})
        w.changes.flags.add("records")
        audit.emit(w, "import_list", title=plan.title, file=plan.path.name, sha256=plan.sha256,
                   rows=len(plan.rows))
        return w.changes.freeze()


MAX_REFUSED = 30


def refusal_text(plan: ListPlan) -> str:
    """Every error of the list, row by row, in Chinese (the first MAX_REFUSED of them)."""
    errors = sorted((p for p in plan.problems if p.severity == "error"), key=lambda p: p.row)
    lines = [f"名单中有 {plan.errors} 行有错误，整份名单没有导入，台账没有任何改动："]
    for problem in errors[:MAX_REFUSED]:
        where = f"“{problem.column}”列" if problem.column else ""
        lines.append(f"第{problem.row}行{where}：{problem.text()}")
    if len(errors) > MAX_REFUSED:
        lines.append(f"……另有 {len(errors) - MAX_REFUSED} 处错误。")
    lines.append("请改正后重新导入。")
    return "\n".join(lines)


# --- stored lists ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredList:
    """A list kept in the ledger (rows are read with `outcomes.list_rows`)."""

    list_id: str
    title: str
    kind: str
    file_name: str
    sha256: str
    file_kind: str
    sheet: str
    header_row: int
    text_columns: tuple[str, ...]
    imported: str
    rows: int

    @property
    def kind_label(self) -> str:
        return codes.label_of(LIST_KINDS, self.kind)


def stored_lists(ledger: Ledger) -> list[StoredList]:
    """Every list whose rows are not all retracted (an undone import leaves none), newest first.

    None for a class teacher: a county list names children of every class.
    """
    if ledger.queries.scope is not None:
        return []
    live = {row[0] for row in ledger.conn.execute(
        "SELECT DISTINCT list_id FROM rec_list_check WHERE retracted = 0")}
    found = []
    for (ent,) in ledger.conn.execute(
            "SELECT DISTINCT ent FROM settings WHERE ent LIKE 'checklist:%'"):
        list_id = ent.removeprefix(LIST_PREFIX)
        if list_id in live:
            found.append(_stored(list_id, ledger.settings.entity(ent)))
    return sorted(found, key=lambda s: (s.imported, s.list_id), reverse=True)


def stored_list(ledger: Ledger, list_id: str) -> StoredList:
    from dropout_ledger.errors import NotFound

    values = ledger.settings.entity(f"{LIST_PREFIX}{list_id}")
    if not values:
        raise NotFound(f"找不到这份核查名单（编号 {list_id}）。")
    return _stored(list_id, values)


def _stored(list_id: str, values: Mapping[str, Any]) -> StoredList:
    return StoredList(
        list_id=list_id, title=str(values.get("title", "")), kind=str(values.get("kind", "")),
        file_name=str(values.get("file_name", "")), sha256=str(values.get("sha256", "")),
        file_kind=str(values.get("file_kind", "")), sheet=str(values.get("sheet", "")),
        header_row=int(values.get("header_row", 1)),
        text_columns=tuple(values.get("text_columns", ())),
        imported=str(values.get("imported", "")), rows=int(values.get("rows", 0)))


def method_label(method: str) -> str:
    return codes.label_of(MATCH_METHODS, method)


__all__ = [
    "LIST_ALIASES", "ListPlan", "ListRefused", "StoredList", "check_list", "find_list_header",
    "method_label", "missing_count", "missing_pupils", "refusal_text", "save_list", "stored_list",
    "stored_lists",
]
