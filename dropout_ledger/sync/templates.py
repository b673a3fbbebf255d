"""County form templates: the county stores its Excel sheet once, every school receives it.

Counties want rosters back in their own sheet (merged titles, borders, a 填表人 line): the county
profile already says where our fields go (`county_template_*`, exporting/template.py), but the
file itself used to travel by WeChat, and `export-xlsx --template` needed the principal to find
it. Now the clerk stores it in the county ledger (`county set-template FILE`) and it reaches
every school in the next county package, like the county's lists and settings.

*How it travels.* One `template_version` event on `template:<name>` whose body carries the file
(base64), its SHA-256, size, original file name and a version number that only moves up. This
is the ordinary event path: signed in the package, hashed in the chain, merged in any order,
refused by validation when a school writes it (`template:` is a county-only entity and
`template_version` a county-only kind, sync/fields.py). The exporter sends `template:` events to
every school (exporter._concerns), and a school reads the newest version of each name on demand
(no projection table: a handful of events). Attachments keep their bytes in `blobs`, which
packages do not carry; a template must travel, so its bytes sit in the event body, capped so the
body stays under the validator's event size limit (`validate.MAX_BODY_BYTES`).

*Stored once by content hash.* Setting the same bytes again under the same name writes nothing;
other bytes make the next version, which replaces the older one at every school.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
import io
import re
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dropout_ledger import canonical
from dropout_ledger.errors import InputRefused, NotFound, Problem, ValidationError
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.sync.validate import MAX_BODY_BYTES

if TYPE_CHECKING:
    from dropout_ledger.exporting.xlsx import ExportResult
    from dropout_ledger.ledger import Ledger

KIND = "template_version"
PREFIX = "template:"
DEFAULT_NAME = "名单"
"""The name of a template set without --name: the roster sheet schools fill most often."""
MAX_TEMPLATE_BYTES = (MAX_BODY_BYTES - 8192) * 3 // 4
"""About 760 KB: the file in base64 plus its description must fit one event body."""
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_NAME = re.compile(r"[^\s:@/\\]{1,30}")
NONE_YET = ("县里还没有下发模板：请等县教育局在台账中设置模板后，导入县里的下一个同步包；"
            "或用“选择模板…”（--template 文件）选择手头的模板文件。")


@dataclass(frozen=True)
class CountyTemplate:
    """One version of a county template: what a school sees and fills."""

    name: str
    title: str
    """The file name the county chose it from ("2026春季控辍保学名单.xlsx")."""
    version: int
    sha256: str
    size: int
    data: bytes


# --- the county: storing -----------------------------------------------------------------


def check_name(name: str) -> str:
    """A template name: 1–30 characters, no spaces, ':', '@' or slashes (it names an entity)."""
    text = name.strip()
    if not _NAME.fullmatch(text):
        raise ValidationError(Problem("name", f"模板名称“{name}”不能用",
                                      "请用 1 至 30 个字，不含空格、冒号、@ 和斜杠，例如 名单"))
    return text


def check_xlsx(data: bytes, file_name: str) -> None:
    """Refuse, in Chinese, anything that is not an Excel workbook openpyxl opens, or too big."""
    shown = Path(file_name).name or "模板"
    if not data:
        raise ValidationError(Problem("file", f"“{shown}”是空文件", "请重新从 Excel 或 WPS 保存模板"))
    if len(data) > MAX_TEMPLATE_BYTES:
        raise ValidationError(Problem(
            "file", f"“{shown}”有 {len(data) / 1024:.0f} KB，模板最大 {MAX_TEMPLATE_BYTES // 1024} KB",
            "请删去模板中的图片、多余的工作表和样例数据后重新保存"))
    if not data.startswith(b"PK\x03\x04"):
        old = data.startswith(b"\xd0\xcf\x11\xe0")
        raise ValidationError(Problem(
            "file", f"“{shown}”是旧版 Excel（.xls）文件" if old else f"“{shown}”不是 Excel 工作簿（.xlsx）",
            "请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再设置"))
    from openpyxl import load_workbook  # only when a template is set: openpyxl loads slowly
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        load_workbook(io.BytesIO(data), rich_text=True).close()
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError):
        raise ValidationError(Problem(
            "file", f"无法打开“{shown}”：文件已损坏、设置了打开密码，或不是 Excel 工作簿",
            "请去掉打开密码，在 Excel 或 WPS 中重新保存为 .xlsx 后再设置")) from None


def set_template(ledger: Ledger, data: bytes, file_name: str, *, name: str = DEFAULT_NAME
                 ) -> tuple[CountyTemplate, bool]:
    """County: store `data` (the file called `file_name`) as template `name`.

    Returns the version now current and whether it was new: the same bytes as the current
    version change nothing. Everything is checked before anything is written.
    """
    if not ledger.org_id.startswith("C:"):
        raise InputRefused("只有县教育局的台账可以下发模板。学校请在导出时选择“按县里下发的模板填写”。")
    name = check_name(name)
    check_xlsx(data, file_name)
    digest = hashlib.sha256(data).hexdigest()
    current = latest(ledger.conn, name)
    if current is not None and current.sha256 == digest:
        return current, False
    version = (current.version if current else 0) + 1
    title = Path(file_name).name.strip() or f"{name}.xlsx"
    body = {"name": name, "title": title, "version": version, "sha256": digest,
            "size": len(data), "mime": XLSX_MIME,
            "data": base64.b64encode(data).decode("ascii")}
    with ledger.write() as w:
        w.emit(KIND, f"{PREFIX}{name}", body)
        w.emit("audit", "ledger", {"action": "set_template", "template": name,
                                   "version": version, "sha256": digest, "file": title})
        w.changes.flags.add("profile")
        w.undoable = False
    return CountyTemplate(name, title, version, digest, len(data), data), True


# --- reading (both sides) ------------------------------------------------------------------


def _decode(body: Mapping[str, Any]) -> CountyTemplate | None:
    """A stored body as a template; None when it is not sound (it came from outside)."""
    try:
        data = base64.b64decode(str(body["data"]), validate=True)
        found = CountyTemplate(str(body["name"]), str(body.get("title") or ""),
                               int(body["version"]), str(body["sha256"]), len(data), data)
    except (KeyError, TypeError, ValueError, binascii.Error):
        return None
    return found if hashlib.sha256(data).hexdigest() == found.sha256 else None


def _versions(conn: sqlite3.Connection, ent: str | None = None) -> list[tuple[int, str, str]]:
    """(lc, eid, ent) of every template event, or of one entity's, oldest first."""
    if ent is None:
        rows = conn.execute("SELECT lc, eid, ent FROM events WHERE ent >= ? AND ent < ?"
                            " AND kind = ? AND body IS NOT NULL", (PREFIX, "template;", KIND))
    else:
        rows = conn.execute("SELECT lc, eid, ent FROM events WHERE ent = ? AND kind = ?"
                            " AND body IS NOT NULL", (ent, KIND))
    return sorted((int(lc), str(eid), str(e)) for lc, eid, e in rows)


def _load(conn: sqlite3.Connection, eid: str) -> CountyTemplate | None:
    row = conn.execute("SELECT body FROM events WHERE eid = ?", (eid,)).fetchone()
    body = canonical.decode(row[0], checked=False) if row and row[0] is not None else None
    return _decode(body) if isinstance(body, Mapping) else None


def latest(conn: sqlite3.Connection, name: str) -> CountyTemplate | None:
    """The newest version of template `name` (highest version, then Lamport value), or None."""
    best: tuple[int, int, str] | None = None
    found: CountyTemplate | None = None
    for lc, eid, _ent in _versions(conn, f"{PREFIX}{name}"):
        template = _load(conn, eid)
        if template is not None and (best is None or (template.version, lc, eid) > best):
            best, found = (template.version, lc, eid), template
    return found


def available(ledger: Ledger) -> list[CountyTemplate]:
    """The newest version of every template this ledger holds, most recently set first."""
    conn = ledger.conn
    newest: dict[str, int] = {}
    for lc, _eid, ent in _versions(conn):
        newest[ent] = max(lc, newest.get(ent, 0))
    found = [latest(conn, ent[len(PREFIX):]) for ent in sorted(newest, key=lambda e: -newest[e])]
    return [t for t in found if t is not None]


def get(ledger: Ledger, name: str | None = None) -> CountyTemplate:
    """Template `name`, or with None the one most recently set; NotFound in Chinese if none."""
    if name is None:
        found = available(ledger)
        if not found:
            raise NotFound(NONE_YET)
        return found[0]
    template = latest(ledger.conn, name)
    if template is None:
        names = "、".join(t.name for t in available(ledger))
        if not names:
            raise NotFound(NONE_YET)
        raise NotFound(f"县里没有下发名为“{name}”的模板。已有的模板：{names}。")
    return template


# --- the school: filling ------------------------------------------------------------------


def fill(ledger: Ledger, view: str, out: Path, *, name: str | None = None,
         **options: Any) -> ExportResult:
    """Fill the county's template (from the ledger) with `view` and save it as `out`.

    `options` are those of `exporting.export_template` (role, full_ids, restricted, search,
    progress); the mapping of columns is the county profile's, which travels with it.
    """
    from dropout_ledger.exporting.template import export_template

    template = get(ledger, name)
    file_name = Path(template.title).name
    if not file_name.lower().endswith((".xlsx", ".xltx")):
        file_name = f"{template.name}.xlsx"
    with tempfile.TemporaryDirectory(prefix="dl-template-") as folder:
        path = Path(folder) / file_name
        path.write_bytes(template.data)
        result = export_template(ledger, view, path, Path(out), **options)
    return dataclasses.replace(result, template=Path(template.title or file_name))
