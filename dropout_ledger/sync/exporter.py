"""Export: the package(s) for each peer, written safely to the stick (sync.md §c.8, §c.10).

A school writes one package for its county: every event of its own organisation the county has
not confirmed holding, plus what it holds of the county (so the county can tell what to send
back). A county writes one package per enrolled school — one per confirmed key of it, when a
second install of the school still works — with the county's events that concern that school,
a receipt saying which stretch of the county's chain that is (sync/coverage.py), and any of the
school's own events the school no longer holds (after a restore). Resending is cumulative:
nothing is ever marked "sent" until the peer's manifest says it has it, so a lost stick costs
nothing.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dropout_ledger import __version__, canonical
from dropout_ledger.errors import InputRefused
from dropout_ledger.fileio import write_bytes
from dropout_ledger.ledger import Ledger
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.sync import (
    coverage,
    envelope,
    flags,
    folders,
    keys,
    lists,
    notices,
    payload,
    trust,
    vectors,
)
from dropout_ledger.sync.keys import PublicKeys
from dropout_ledger.sync.manifest import build_manifest

FORMAT = 1
NO_SCHOOLS = ("还没有可以发送的学校。学校入网后，先导入它的第一个同步包，并按入网回执核对数字，"
              "之后才能给它写同步文件。")
MIN_READER = 1


@dataclass(frozen=True)
class Peer:
    """Who a package is for: organisation, name and pinned public keys.

    `more_keys`: a school's other confirmed, unrevoked keys (another install of the school, e.g.
    a disk cloned before its twin was restored). The county writes one package per key, so
    every install that still works can open one (docs/decisions/0023).
    """

    org: str
    name: str
    keys: keys.PublicKeys
    more_keys: tuple[PublicKeys, ...] = ()

    @property
    def recipients(self) -> tuple[PublicKeys, ...]:
        return (self.keys, *self.more_keys)


@dataclass(frozen=True)
class Exported:
    """One package written: where, for whom, how many events, and its file hash."""

    path: Path
    to_org: str
    to_name: str
    events: int
    package_id: str
    sha256: str
    enc_key: str = ""
    """Fingerprint of the recipient key the package is encrypted to."""


def peers(ledger: Ledger) -> list[Peer]:
    """The county for a school; every confirmed school for a county."""
    org = ledger.org
    if org.kind == "school":
        county = f"C:{org.county_code}" if org.county_code else ""
        active = _active_key(ledger.conn, county) if county else None
        if active is None:
            raise InputRefused(
                "本校尚未加入县级台账，不能导出同步文件。请先用县教育局发来的入网文件“加入县级台账”。"
            )
        return [Peer(county, _org_name(ledger, county), active)]
    found = []
    for school, name in _enrolled_schools(ledger.conn):
        confirmed = _active_keys(ledger.conn, school)
        if confirmed:
            found.append(Peer(school, name, confirmed[0], tuple(confirmed[1:])))
    return found


def export(ledger: Ledger, out_dir: Path) -> list[Exported]:
    """Write one package per peer into `out_dir` (e.g. the stick); refuses if there is no peer."""
    targets = peers(ledger)
    if not targets:
        raise InputRefused(NO_SCHOOLS)
    sender = keys.ensure(ledger)
    county_lists = lists.full_lists(ledger.conn) if ledger.org_id.startswith("C:") else {}
    return [done for peer in targets
            for done in _export_one(ledger, sender, peer, Path(out_dir), county_lists)]


def is_full(ledger: Ledger, peer_org: str) -> bool:
    """Whether the next package to `peer_org` carries everything (sync.md §c.10): the peer
    asked for it, or (county) a fork of the school's replicas was seen here."""
    conn = ledger.conn
    return flags.is_set(conn, flags.SEND_FULL, peer_org) or bool(flags.forks(conn, peer_org))


def _prepare(ledger: Ledger, peer_org: str, county_lists: dict[str, dict[str, Any]], *,
             full: bool) -> None:
    """County events a package to this school needs made first: the school's slice of each
    county list (if its rows changed), the fork notice (if a fork was seen) and, last, the
    receipt saying which stretch of the county's chain the package covers (sync/coverage.py)."""
    if not ledger.org_id.startswith("C:"):
        return
    forked = flags.forks(ledger.conn, peer_org)
    with ledger.write() as w:
        if county_lists:
            lists.refresh_slice(w, peer_org, county_lists)
        if forked:
            notices.emit_fork_notice(w, peer_org, forked, clerk=ledger.operator.name)
        # Due by what the school said it holds, even for a full package: a full package's
        # receipt covers the county's chain from its start, but the school needs it only when
        # something it lacks is in it (else every full package would be new work forever).
        if _receipt_due(w.conn, ledger.org_id, peer_org):
            coverage.emit(w, county=ledger.org_id, school=peer_org, full=full)
        w.undoable = False


RECEIPT_AFTER = 500
"""County events the school's receipts may leave unmentioned before a receipt is written anyway.

A receipt is written when the package carries something for the school; in quiet weeks the
package is empty and only the county's bookkeeping (its audit trail, other schools' receipts)
grows above what the school holds. Scanning that tail costs each export a little more, so past
this many events a receipt moves the school's mark up even with nothing to send."""


def _receipt_due(conn: sqlite3.Connection, county: str, school: str) -> bool:
    """Whether this package needs a receipt: a county event for the school lies above the mark
    the school stated, or the county's chain above that mark has grown long."""
    seen = 0
    for hdr, body in vectors.events_to_send(conn, peer_org=school, orgs=[county]):
        if _concerns(conn, canonical.decode(hdr, checked=False), body, school):
            return True
        seen += 1
        if seen > RECEIPT_AFTER:
            return True
    return False


def _export_one(ledger: Ledger, sender: keys.KeyPair, peer: Peer, out_dir: Path,
                county_lists: dict[str, dict[str, Any]]) -> list[Exported]:
    """The package(s) for one peer: the same events sealed once per recipient key.

    Two installs of one school (two confirmed keys) may hold different parts of the school's
    and the county's chains while the county keeps one statement per school, so their packages
    are full: both can catch up whichever of them exported last.
    """
    conn = ledger.conn
    own = ledger.org_id
    school = peer.org if own.startswith("C:") else own
    full = is_full(ledger, peer.org) or len(peer.recipients) > 1
    _prepare(ledger, peer.org, county_lists, full=full)
    events = list(_events_for(conn, own, peer.org, full=full))
    manifest = build_manifest(ledger, peer_org=peer.org, school=school, full=full)
    inner = payload.encode_inner(manifest, events)
    now = ledger.clock.now()
    written: list[Exported] = []
    for recipient in peer.recipients:
        package_id = str(uuid.uuid4())
        header: dict[str, Any] = {
            "format": FORMAT, "min_reader": MIN_READER, "app": __version__,
            "package_id": package_id,
            "kind": "school_to_county" if own.startswith("S:") else "county_to_school",
            "part": [1, 1],
            "from": {"org": own, "name": ledger.org.name, "rep": ledger.replica,
                     "sign_key": sender.public.fingerprint(), "keys": sender.public.to_json()},
            "to": {"org": peer.org, "name": peer.name, "enc_key": recipient.fingerprint()},
            "created_wall": now.isoformat(),
            "events": len(events),
            "chains": _chains(conn, own),
        }
        data = envelope.seal(header, inner, sender=sender, recipient=recipient)
        digest = hashlib.sha256(data).hexdigest()
        name = envelope.package_name(own, now.date(), package_id)
        target = out_dir / name
        _write_verified(target, data, digest)
        write_bytes(folders.folder(ledger.path, folders.OUTBOX) / name, data)
        with ledger.write() as w:
            w.conn.execute(
                "INSERT INTO exported_packages (package_id, file_sha256, to_org, have_json,"
                " created_wall) VALUES (?, ?, ?, ?, ?)",
                (package_id, digest, peer.org,
                 canonical.encode(manifest["have"]).decode(), now.isoformat()),
            )
            w.emit("audit", "ledger", {
                "action": "sync_export", "package_id": package_id, "to": peer.org,
                "events": len(events), "file": name, **({"full": True} if full else {}),
            })
        written.append(Exported(target, peer.org, peer.name, len(events), package_id, digest,
                                recipient.fingerprint()))
    if full:  # answered: the peer's request and the fork are in this package
        with ledger.write() as w:
            flags.clear(w.conn, flags.SEND_FULL, peer.org)
            flags.clear(w.conn, flags.FORK, peer.org)
    return written


def _write_verified(target: Path, data: bytes, digest: str) -> None:
    """Temp name → fsync → read back and compare → rename (sync.md §c.8 steps 2–4)."""
    try:
        write_bytes(target, data)
        if hashlib.sha256(target.read_bytes()).hexdigest() != digest:
            target.unlink(missing_ok=True)
            raise InputRefused(f"写入 {target.parent} 后读回的内容不一致：U盘可能有坏块。请换一个U盘重试。")
    except OSError as error:
        raise InputRefused(
            f"同步文件没有写入 {target.parent}（{error.strerror or error}）。U盘可能已满、只读或已拔出；"
            "台账没有改动，请检查U盘后重试。"
        ) from error


def _events_for(conn: sqlite3.Connection, own: str, peer: str, *, full: bool = False
                ) -> Iterator[tuple[bytes, bytes | None]]:
    """What this package carries (sync.md §c.10); `full`: everything, whatever the peer said."""
    if own.startswith("S:"):
        yield from vectors.events_to_send(conn, peer_org=peer, orgs=[own], full=full)
        return
    # County → school: the school's own events it lacks (recovery), then county events for it.
    yield from vectors.events_to_send(conn, peer_org=peer, orgs=[peer], full=full)
    for hdr, body in vectors.events_to_send(conn, peer_org=peer, orgs=[own], full=full):
        if _concerns(conn, canonical.decode(hdr, checked=False), body, peer):
            yield hdr, body


_COUNTY_WIDE = ("profile:C:", "org:C:", "template:")
_NAMING_SCHOOLS = frozenset({notices.KIND, "same_as"})
"""County kinds whose body names the schools they concern (decisions, same_as links)."""


def _concerns(conn: sqlite3.Connection, header: dict[str, Any], body: bytes | None,
              school: str) -> bool:
    """Whether a county event belongs in this school's package (data minimisation, §c.5).

    County-wide settings and form templates go to every school; a county list only as the school's own slice
    (`list:<name>@<school>`, never the full list); decisions and same_as links to the schools
    they name; everything else when it is about one of the school's pupils or records.
    """
    ent: str = header["ent"]
    kind: str = header["kind"]
    if kind in ("audit", "replica_start", "key_publish"):
        return False
    if kind == coverage.KIND:
        return ent == coverage.ent(school)
    if ent.startswith(_COUNTY_WIDE):
        return True
    if ent.startswith(lists.PREFIX):
        return lists.slice_school(ent) == school
    if kind in _NAMING_SCHOOLS:
        data = canonical.decode(body, checked=False) if body is not None else {}
        return notices.concerns(data, school)
    return owner_org(conn, ent) == school


def owner_org(conn: sqlite3.Connection, ent: str) -> str:
    """The organisation a student or record belongs to: the author of its student's creation."""
    student = ent
    prefix, _, rest = ent.partition(":")
    if prefix != "student":
        table = f"rec_{prefix}"
        try:
            row = conn.execute(f"SELECT student_id FROM {table} WHERE id = ?", (rest,)).fetchone()
        except sqlite3.OperationalError:  # not a record kind
            return ""
        if row is None:
            return ""
        student = f"student:{row[0]}"
    row = conn.execute(
        "SELECT e.org FROM entities n JOIN events e ON e.eid = n.created_eid WHERE n.ent = ?",
        (student,),
    ).fetchone()
    return str(row[0]) if row else ""


def _chains(conn: sqlite3.Connection, org: str) -> dict[str, dict[str, Any]]:
    """Signed chain heads of this organisation's replicas (in the header, sync.md §c.6)."""
    return {rep: {"seq": v["seq"], "head": v["head"]}
            for rep, v in vectors.have(conn, [org]).items()}


def _active_key(conn: sqlite3.Connection, org: str) -> keys.PublicKeys | None:
    """The peer's newest confirmed public keys (None until enrolment and confirmation)."""
    found = _active_keys(conn, org)
    return found[0] if found else None


def _active_keys(conn: sqlite3.Connection, org: str) -> list[keys.PublicKeys]:
    """Every confirmed, unrevoked key of the peer, newest first."""
    return [row.keys for row in trust.lookup(conn, org)
            if row.status == "active" and row.keys is not None]


def _org_name(ledger: Ledger, org: str) -> str:
    return str(ledger.settings.entity(f"org:{org}").get("name", org))


def _enrolled_schools(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    rows = conn.execute(
        "SELECT substr(ent, 8), value FROM settings WHERE ent LIKE 'school:S:%' AND field = 'name'"
        " ORDER BY ent"
    ).fetchall()
    return [(org, str(canonical.decode(name.encode(), checked=False))) for org, name in rows]
