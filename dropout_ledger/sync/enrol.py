"""Enrolment (入网): how a school and its county come to trust each other's keys (sync.md §c.13).

1. County: `enroll_school` records the school, makes the county's keys if needed and returns a
   signed, unencrypted `enrollment` package: the county's public keys and identity, the school's
   org id and name, and the county's own organisation and profile events (thresholds, targets,
   code tables) so the school works to the county's rules from the start. The county's
   fingerprint is printed on the stamped notice and on the 县级密钥说明单.
2. School: `join` checks the file's signature with the key it carries, compares that key's
   fingerprint with the digits the principal typed from the stamped notice, pins the county's
   key, takes the county's events, sets the school's county code, makes the school's own keys,
   and returns the school's fingerprint for the 入网回执.
3. County: `confirm_school` — the clerk types the digits of the stamped receipt (or read on the
   phone); the school's key learnt from its first package becomes active, or, before any
   package, the digits are pinned so the first package with that key is accepted.

Every refusal leaves the ledger unchanged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from dropout_ledger.errors import InputRefused
from dropout_ledger.ids import new_id
from dropout_ledger.ledger import Ledger, org_fields
from dropout_ledger.model import identity
from dropout_ledger.model.changes import Changes
from dropout_ledger.services.edits import emit_update
from dropout_ledger.store import db, projections
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.store.events import decode_row
from dropout_ledger.sync import envelope, keys, trust
from dropout_ledger.sync.errors import PackageRefused
from dropout_ledger.sync.keys import PublicKeys, normalise_fingerprint
from dropout_ledger.sync.payload import decode_inner, encode_inner
from dropout_ledger.sync.wire import WireEvent

ADOPTED_KINDS = frozenset({"entity_create", "update"})
"""The county events an enrolment file may carry (its organisation and profile)."""


@dataclass(frozen=True)
class Enrollment:
    """A verified enrolment file: who the county is and what it sends along."""

    county: PublicKeys
    county_name: str
    school_org: str
    school_name: str
    events: list[WireEvent]
    sha256: str
    """The file's SHA-256 (recorded as the events' `first_pkg`)."""


def school_entity(school_org: str) -> str:
    """The county's record of an enrolled school: `school:S:<学校标识码>`."""
    return f"school:{school_org}"


# --- county ----------------------------------------------------------------------------------


def enroll_school(ledger: Ledger, code: str, name: str) -> tuple[bytes, str]:
    """Record the school and return (enrolment file bytes, the county's fingerprint)."""
    county = ledger.org
    if county.kind != "county":
        raise InputRefused("只有县级台账能登记学校、制作入网文件。请用 --ledger 指定县级台账。")
    fields = org_fields("school", code, name, county.code)
    school_org = f"S:{fields['code']}"
    pair = keys.ensure(ledger)
    ent = school_entity(school_org)
    with ledger.write() as w:
        if ledger.settings.entity(ent):
            emit_update(w, ent, {"name": fields["name"]})
        else:
            w.emit("entity_create", ent, {"fields": {
                "org": school_org, "code": fields["code"], "name": fields["name"],
                "enrolled": w.today.isoformat()}})
        trust.expect(w.conn, school_org, by=ledger.operator.name)
        w.emit("audit", f"audit:{new_id()}", {"action": "enroll_school", "school": school_org})
        w.undoable = False  # enrolling is not taken back with Ctrl+Z
    manifest = {
        "kind": "enrollment",
        "county": {"org": ledger.org_id, "code": county.code, "name": county.name},
        "school": {"org": school_org, "code": fields["code"], "name": fields["name"]},
    }
    header = {"kind": "enrollment", "from": {"name": county.name},
              "to": {"org": school_org, "name": fields["name"]},
              "created_wall": ledger.clock.now().isoformat()}
    inner = encode_inner(manifest, _county_events(ledger.conn, ledger.org_id))
    data = envelope.seal(header, inner, sender=pair, recipient=None)
    return data, pair.public.fingerprint()


def _county_events(conn: sqlite3.Connection, county_org: str) -> list[tuple[bytes, bytes | None]]:
    """The county's own organisation and profile events, in Lamport order."""
    rows = conn.execute(
        "SELECT hdr, body FROM events WHERE org = ? AND ent IN (?, ?) ORDER BY lc, eid",
        (county_org, f"org:{county_org}", f"profile:{county_org}"),
    )
    return [(bytes(hdr), None if body is None else bytes(body)) for hdr, body in rows]


def confirm_school(ledger: Ledger, code: str, digits: str) -> PublicKeys | None:
    """The clerk checked the school's digits: its key is trusted (None: pinned before the key)."""
    if ledger.org.kind != "county":
        raise InputRefused("只有县级台账能确认学校的密钥。请用 --ledger 指定县级台账。")
    school_org = f"S:{identity.parse_school_code(code).code}"
    normalised = normalise_fingerprint(digits)
    with ledger.write() as w:
        result = trust.confirm(w.conn, school_org, normalised, by=ledger.operator.name,
                               method="fingerprint")
        w.emit("audit", f"audit:{new_id()}", {
            "action": "confirm_school", "school": school_org, "fingerprint": normalised,
            "key_known": result is not None})
        w.undoable = False
    return result


def school_keys(ledger: Ledger, code: str) -> list[trust.TrustedKey]:
    """The keys the county holds for a school, newest first (for 注销学校密钥)."""
    return trust.lookup(ledger.conn, f"S:{identity.parse_school_code(code).code}")


def active_school_keys(ledger: Ledger, code: str) -> int:
    """How many confirmed keys the county holds for a school."""
    return sum(1 for key in school_keys(ledger, code)
               if key.status == "active" and key.keys is not None)


def revoke_school_key(ledger: Ledger, code: str, digits: str) -> Changes:
    """The clerk revokes one of a school's keys (a stolen laptop, a computer the school no
    longer uses, the old key after a restore): its packages are refused from now on and no
    county package is encrypted to it."""
    if ledger.org.kind != "county":
        raise InputRefused("只有县级台账能注销学校的密钥。请用 --ledger 指定县级台账。")
    school_org = f"S:{identity.parse_school_code(code).code}"
    normalised = normalise_fingerprint(digits)
    with ledger.write() as w:
        trust.revoke(w.conn, school_org, normalised)
        w.emit("audit", f"audit:{new_id()}", {
            "action": "revoke_school_key", "school": school_org, "fingerprint": normalised})
        w.undoable = False
        w.changes.flags.add("profile")
        return w.changes.freeze()


# --- school ----------------------------------------------------------------------------------


def read_enrollment(data: bytes, *, school_org: str) -> Enrollment:
    """Verify an enrolment file addressed to `school_org`; nothing is written."""
    header = envelope.read_header(data)
    if header["kind"] != "enrollment":
        raise PackageRefused("not_enrollment", "这是一个同步包。")
    envelope.check_recipient(header, org=school_org)
    county = envelope.sender_keys(header)
    if not county.org.startswith("C:"):
        raise PackageRefused("not_enrollment", "它不是县教育局发出的。")
    inner = envelope.open_payload(data, header, sender_sign_pk=county.sign_pk, recipient=None)
    manifest, events = decode_inner(inner)
    school = manifest.get("school")
    if (manifest.get("kind") != "enrollment" or not isinstance(school, dict)
            or school.get("org") != school_org
            or not isinstance(manifest.get("county"), dict)
            or manifest["county"].get("org") != county.org):
        raise PackageRefused("bad_header", "入网文件的内容与说明不符。")
    allowed = {f"org:{county.org}", f"profile:{county.org}"}
    for event in events:
        h = event.header
        if (h["org"] != county.org or h["ent"] not in allowed or h["kind"] not in ADOPTED_KINDS
                or event.body_obj is None or not _well_formed(h)):
            raise PackageRefused("bad_event", "入网文件只能包含县教育局自己的单位信息和参数设置。")
    name = header["from"].get("name")
    return Enrollment(
        county=county, county_name=name if isinstance(name, str) else county.org,
        school_org=school_org, school_name=str(school.get("name", "")), events=events,
        sha256=hashlib.sha256(data).hexdigest())


def _well_formed(h: dict[str, Any]) -> bool:
    counts = all(isinstance(h[k], int) and not isinstance(h[k], bool) and h[k] >= 1
                 for k in ("seq", "lc"))
    return counts and all(isinstance(h[k], str) for k in ("rep", "prev", "kind", "ent"))


def join(ledger: Ledger, data: bytes, fingerprint_digits: str | None = None) -> str:
    """Join the county whose enrolment file `data` is; returns this school's fingerprint.

    With `fingerprint_digits` (from the stamped notice) a mismatch is refused and nothing
    changes; without them the county's key is pinned with method "unverified" and the caller
    must tell the principal to compare the digits. A county key that differs from one already
    confirmed is accepted only with matching digits (the old one is then revoked).
    """
    if ledger.org.kind != "school":
        raise InputRefused("只有学校台账能加入县级台账（join）。请用 --ledger 指定本校台账。")
    digits = normalise_fingerprint(fingerprint_digits) if fingerprint_digits else None
    enrolment = read_enrollment(data, school_org=ledger.org_id)
    county = enrolment.county
    own_county = ledger.org.county_code
    if own_county and f"C:{own_county}" != county.org:
        raise PackageRefused("other_county", f"本校台账登记的所属县代码为 {own_county}，"
                                             f"入网文件来自 {county.org[2:]}（{enrolment.county_name}）。")
    if digits is not None and digits != county.fingerprint():
        raise PackageRefused("fingerprint_mismatch",
                             f"入网文件中县教育局的密钥指纹为 {county.fingerprint()}；输入的是 {digits}。")
    known = trust.lookup(ledger.conn, county.org)
    same = next((row for row in known if row.keys == county), None)
    replaced = [row for row in known if row.keys != county and row.status == "active"]
    if same is not None and same.status == "revoked":
        raise PackageRefused("revoked", f"入网文件中的县级密钥（指纹 {county.fingerprint()}）已被注销。")
    if replaced and digits is None:
        raise PackageRefused("key_changed", "县教育局的密钥与本校已确认的不同，"
                                            "请用 --fingerprint 输入新盖章通知上的数字。")
    if digits is not None or same is None:
        by, method = ledger.operator.name, "fingerprint" if digits else "unverified"
    else:  # joining again without digits keeps how the key was confirmed before
        by, method = same.confirmed_by, same.method
    with db.immediate(ledger.conn):
        _adopt(ledger.conn, enrolment.events, enrolment.sha256)
        own = keys.ensure(ledger)
        with ledger.write() as w:
            for row in replaced:
                trust.revoke(w.conn, county.org, row.fingerprint)
            trust.pin(w.conn, county, status="active", confirmed_by=by, method=method)
            if not own_county:
                emit_update(w, f"org:{ledger.org_id}", {"county_code": county.org[2:]})
            w.emit("audit", f"audit:{new_id()}", {
                "action": "join", "county": county.org, "fingerprint": county.fingerprint(),
                "method": method})
            w.undoable = False
    return own.public.fingerprint()


def _adopt(conn: sqlite3.Connection, events: list[WireEvent], package_sha: str) -> None:
    """Store the county's events as received and project them (set union: a repeat is a no-op).

    The same as a sync import does for these few events; the Lamport clock moves past them
    because the next local event reads the highest `lc` in the log.
    """
    for event in sorted(events, key=lambda e: (e.header["lc"], e.eid)):
        h = event.header
        inserted = conn.execute(
            "INSERT OR IGNORE INTO events (eid, org, rep, seq, lc, kind, ent, prev, hdr, body,"
            " body_hash, first_pkg) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event.eid, h["org"], h["rep"], h["seq"], h["lc"], h["kind"], h["ent"], h["prev"],
             event.hdr, event.body, h["body_hash"], package_sha),
        ).rowcount
        if inserted:
            projections.apply(conn, decode_row(event.eid, event.hdr, event.body))


def county_status(ledger: Ledger) -> trust.TrustedKey | None:
    """The county key this school trusts (active), if it has joined."""
    county_code = ledger.org.county_code
    if not county_code:
        return None
    return next((row for row in trust.lookup(ledger.conn, f"C:{county_code}")
                 if row.status == "active" and row.keys is not None), None)


def school_entity_values(ledger: Ledger, code: str) -> dict[str, Any]:
    """The county's record of an enrolled school (org, code, name, enrolled), or a refusal."""
    school_org = f"S:{identity.parse_school_code(code).code}"
    values = ledger.settings.entity(school_entity(school_org))
    if not values:
        raise InputRefused(f"学校 {school_org[2:]} 尚未在本县登记。请先执行 county enroll-school。")
    return values
