"""What is on the stick, before anything is imported: one line per package, from its header.

The sync screen lists the packages in a folder (the USB stick) with who wrote each, for whom,
when, how many records it carries and what it means for *this* ledger: for us and new, already
imported, held until a fingerprint is checked, written here for the other side, for another
unit, an enrolment file, or unreadable and why (sync.md §c.6 "the app lists a stick's packages
with Chinese descriptions read from the signed header").

Only the envelope's ends are read — magic, header, the payload length and the end marker —
never the payload, so listing a county's stick of 200 packages costs 200 small reads, and
nothing is decrypted. The header is not trusted here: the import checks everything again in the
order of §c.7 (`sync.check`); this only predicts, from the same trust table, what the import
will say. Nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dropout_ledger import canonical
from dropout_ledger.errors import InputRefused
from dropout_ledger.ledger import Ledger
from dropout_ledger.sync import envelope, exporter, folders, keys, trust
from dropout_ledger.sync.enrol import county_status
from dropout_ledger.sync.errors import PackageRefused

NEW, HELD, BLOCKED, IMPORTED, OUTGOING, OTHER, ENROLLMENT, UNREADABLE = (
    "new", "held", "blocked", "imported", "outgoing", "other", "enrollment", "unreadable")
STATES = (NEW, HELD, BLOCKED, IMPORTED, OUTGOING, OTHER, ENROLLMENT, UNREADABLE)
"""What a package means here, in the order the screen lists them (to import first)."""
OTHER_INSTALL = "这是县里发给本校另一台电脑（另一把密钥）的同一份同步包，本机不用导入。"
IMPORTABLE = frozenset({NEW, HELD})
"""Imported by the screen's 导入 button (HELD: a county keeps it until the digits are checked)."""


@dataclass(frozen=True)
class PackageInfo:
    """One file in the folder, as the sync screen shows it."""

    path: Path
    state: str
    """One of STATES."""
    kind: str = ""
    from_org: str = ""
    from_name: str = ""
    to_org: str = ""
    to_name: str = ""
    created: str = ""
    """When the sender's computer says it wrote the file: "2026-11-22 10:00"."""
    events: int = 0
    package_id: str = ""
    done: str = ""
    """When this ledger imported it (IMPORTED) or wrote it (OUTGOING), if it did."""
    reason: str = ""
    """Why it cannot be imported (BLOCKED, UNREADABLE) or is held (HELD): the import's words."""
    code: str = ""
    """The refusal code behind `reason` (sync/errors.py)."""

    @property
    def importable(self) -> bool:
        return self.state in IMPORTABLE


@dataclass(frozen=True)
class Situation:
    """This ledger's side of the exchange, for the lines above the list."""

    kind: str
    """"school" or "county"."""
    org_name: str
    peers: tuple[str, ...]
    """Whom an export writes for: the county's name, or each confirmed school's."""
    not_ready: str
    """Why export is not possible yet (Chinese), or ""."""
    last_export: str
    """When the last package was written here ("2026-11-22 10:00"), or ""."""
    county_fingerprint: str
    """The county key a school trusts ("" at a county or before joining)."""


def situation(ledger: Ledger) -> Situation:
    """Who we export to, why we cannot yet, and when we last did."""
    org = ledger.org
    try:
        peers = tuple(peer.name or peer.org for peer in exporter.peers(ledger))
        not_ready = "" if peers else exporter.NO_SCHOOLS
    except InputRefused as refused:
        peers, not_ready = (), refused.message
    row = ledger.conn.execute("SELECT max(created_wall) FROM exported_packages").fetchone()
    county = county_status(ledger) if org.kind == "school" else None
    return Situation(
        kind=org.kind, org_name=org.name, peers=peers, not_ready=not_ready,
        last_export=_minutes(row[0] or ""), county_fingerprint=county.fingerprint if county else "")


def describe_folder(ledger: Ledger, folder: Path) -> list[PackageInfo]:
    """Every package (and leftover temporary file) in `folder`, to import first, then by name.

    Raises InputRefused when the folder cannot be read (a stick pulled out meanwhile).
    """
    try:
        paths = sorted(p for p in Path(folder).iterdir()
                       if p.is_file() and folders.SUFFIX in p.name)
    except OSError as error:
        raise InputRefused(f"读不出文件夹 {folder}（{error.strerror or error}）。"
                           "U盘可能已拔出；请重新插入后点“刷新”。") from error
    found = [describe_file(ledger, path) for path in paths]
    return sorted(found, key=lambda info: (STATES.index(info.state), info.path.name))


def describe_file(ledger: Ledger, path: Path) -> PackageInfo:
    """One file: its header's facts and what it means for this ledger."""
    try:
        header = peek_header(path)
    except PackageRefused as refused:
        return PackageInfo(path, UNREADABLE, reason=refused.message, code=refused.code)
    except OSError as error:
        return PackageInfo(path, UNREADABLE, code="unreadable",
                           reason=f"读不出这个文件（{error.strerror or error}）。")
    frm, to = header["from"], header["to"]
    facts: dict[str, Any] = {
        "kind": header["kind"], "from_org": frm["org"], "from_name": _text(frm.get("name")),
        "to_org": to["org"], "to_name": _text(to.get("name")),
        "created": _minutes(header["created_wall"]), "events": header["events"],
        "package_id": header["package_id"],
    }
    state, done, reason, code = _meaning(ledger, header)
    return PackageInfo(path, state, done=done, reason=reason, code=code, **facts)


def _meaning(ledger: Ledger, header: dict[str, Any]) -> tuple[str, str, str, str]:
    """(state, done, reason, code) of a readable package for this ledger."""
    conn, own = ledger.conn, ledger.org_id
    if header["from"]["org"] == own:  # ours for the other side (written here, or on another
        row = conn.execute(  # computer of this school: then `done` stays empty)
            "SELECT created_wall FROM exported_packages WHERE package_id = ?",
            (header["package_id"],)).fetchone()
        return OUTGOING, _minutes(row[0]) if row else "", "", ""
    if header["to"]["org"] != own:
        return OTHER, "", "", ""
    if header["kind"] == "enrollment":
        return ENROLLMENT, "", "", ""
    row = conn.execute("SELECT max(imported_wall) FROM imported_packages WHERE package_id = ?",
                       (header["package_id"],)).fetchone()
    if row[0]:
        return IMPORTED, _minutes(row[0]), "", ""
    try:
        _predict(ledger, header)
    except PackageRefused as refused:
        if refused.code == "wrong_recipient" and header["to"]["org"] == own \
                and header["kind"] != "enrollment":
            # The county writes one package per confirmed install of a school (exporter.Peer):
            # the copy for the school's other computer is not for this one.
            return OTHER, "", OTHER_INSTALL, refused.code
        county_holds = own.startswith("C:") and refused.code in ("held", "key_changed")
        return (HELD if county_holds else BLOCKED), "", refused.message, refused.code
    return NEW, "", "", ""


def _predict(ledger: Ledger, header: dict[str, Any]) -> None:
    """The import's header-only checks (sync.md §c.7 up to the sender's key), or its refusal."""
    expected = "county_to_school" if ledger.org_id.startswith("S:") else "school_to_county"
    if header["kind"] != expected:
        raise PackageRefused("wrong_recipient", f"这是“{header['kind']}”类的文件。")
    envelope.check_recipient(header, org=ledger.org_id, keys=keys.own_keys(ledger))
    trust.check_sender(ledger.conn, envelope.sender_keys(header))


def peek_header(path: Path) -> dict[str, Any]:
    """The header of a package file, checked as far as it can be without reading the payload.

    Refused (PackageRefused, same codes as the import) when the name is a leftover temporary
    file, the file is too large, is not a package, was cut short or has bytes after its end,
    or the header is damaged or from a newer format.
    """
    envelope.check_name(path.name)
    size = path.stat().st_size
    if size > envelope.MAX_FILE:
        raise PackageRefused("too_large", f"文件有 {size:,} 字节，上限为 {envelope.MAX_FILE:,} 字节。")
    with path.open("rb") as stream:
        start = stream.read(12)
        _check_start(start)
        length = int.from_bytes(start[8:12], "big")
        if not 1 <= length <= envelope.MAX_HEADER:
            raise PackageRefused("bad_header", f"说明部分的长度 {length:,} 超出范围。")
        raw = stream.read(length)
        payload = stream.read(8)
        if len(raw) < length or len(payload) < 8:
            raise PackageRefused("truncated", f"文件只有 {size:,} 字节。")
        expected = 92 + length + int.from_bytes(payload, "big")
        stream.seek(max(0, min(size, expected) - len(envelope.END)))
        ending = stream.read(len(envelope.END))
    if size < expected:
        raise PackageRefused("truncated", f"应有 {expected:,} 字节，实有 {size:,} 字节。")
    if size > expected:
        raise PackageRefused("trailing_garbage",
                             f"同步包应为 {expected:,} 字节，文件有 {size:,} 字节。")
    if ending != envelope.END:
        raise PackageRefused("damaged", "文件结尾标记不对。")
    return _parse(raw)


def _check_start(start: bytes) -> None:
    magic = envelope.MAGIC
    if len(start) < 12:
        if magic.startswith(start[:len(magic)]) and start:
            raise PackageRefused("truncated", f"文件只有 {len(start)} 字节。")
        raise PackageRefused("not_package")
    if start[:7] != magic[:7]:
        raise PackageRefused("not_package")
    if start[7] > envelope.FORMAT:
        raise PackageRefused("newer_format", f"文件格式版本为 {start[7]}。")


def _parse(raw: bytes) -> dict[str, Any]:
    """The header's fields this listing shows, with their types; else 'bad_header'."""
    try:
        header = canonical.decode(raw)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PackageRefused("bad_header") from None
    if not isinstance(header, dict):
        raise PackageRefused("bad_header", "说明部分不是一个对象。")
    reader = header.get("min_reader")
    if isinstance(reader, int) and reader > envelope.READER:
        raise PackageRefused("newer_format", f"需要能读第 {reader} 版格式的软件。")
    frm, to = header.get("from"), header.get("to")
    fine = (header.get("kind") in envelope.KINDS
            and isinstance(frm, dict) and isinstance(frm.get("org"), str)
            and isinstance(to, dict) and isinstance(to.get("org"), str)
            and isinstance(header.get("created_wall"), str)
            and isinstance(header.get("package_id"), str)
            and isinstance(header.get("events"), int) and not isinstance(header["events"], bool))
    if not fine:
        raise PackageRefused("bad_header")
    return header


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _minutes(wall: str) -> str:
    """"2026-11-22T10:00:05+08:00" → "2026-11-22 10:00" (the sender's claimed local time)."""
    return wall[:16].replace("T", " ")



# --- the county's schools --------------------------------------------------------------------

WAITING, PINNED, PENDING, ACTIVE, REVOKED = "waiting", "pinned", "pending", "active", "revoked"
"""Where an enrolled school stands: no key yet; digits confirmed but no package yet; a key
arrived whose digits are not checked; confirmed; its key revoked."""


@dataclass(frozen=True)
class School:
    """A school enrolled in this county, and how far its key is confirmed."""

    org: str
    code: str
    name: str
    state: str
    enrolled: str
    """The day it was enrolled ("2026-11-22")."""


def schools(ledger: Ledger) -> list[School]:
    """Every school this county enrolled, by code."""
    found = []
    for org, name, enrolled in ledger.conn.execute(
        "SELECT substr(n.ent, 8), n.value, coalesce(e.value, '') FROM settings n"
        " LEFT JOIN settings e ON e.ent = n.ent AND e.field = 'enrolled'"
        " WHERE n.ent LIKE 'school:S:%' AND n.field = 'name' ORDER BY n.ent"
    ):
        found.append(School(str(org), str(org)[2:], _decoded(name), _key_state(ledger, str(org)),
                            _decoded(enrolled)))
    return found


def _decoded(value: str) -> str:
    if not value:
        return ""
    decoded = canonical.decode(str(value).encode(), checked=False)
    return decoded if isinstance(decoded, str) else str(decoded)


def _key_state(ledger: Ledger, org: str) -> str:
    rows = trust.lookup(ledger.conn, org)
    if any(row.status == "active" and row.keys is not None for row in rows):
        return ACTIVE
    if any(row.status == "active" for row in rows):
        return PINNED
    if any(row.status == "pending" and row.keys is not None for row in rows):
        return PENDING
    if rows and all(row.status == "revoked" for row in rows):
        return REVOKED
    return WAITING
