"""Import: quarantine, verify everything, back up, apply in one transaction, check, commit.

sync.md §c.9. Nothing in the ledger changes until the whole package has proved itself: the file
is copied off the stick first, then checked in the order of §c.7 (cheap and specific first),
every event is validated alone, and only then is it merged in one BEGIN IMMEDIATE transaction
together with the bookkeeping (the peer's `have`, the imported-package row, an audit event), so
a killed process leaves the ledger before or after, never between. The same file twice is
recognised by its hash and changes nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import signal
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dropout_ledger.errors import InputRefused, LedgerError
from dropout_ledger.fileio import write_bytes
from dropout_ledger.ledger import Ledger, start_restored_replica
from dropout_ledger.model.status import Status
from dropout_ledger.store import backup, db, projections, storage
from dropout_ledger.store import sqlite as sqlite3
from dropout_ledger.store.events import EventWriter, advance_lamport
from dropout_ledger.sync import (
    check,
    envelope,
    flags,
    folders,
    keys,
    manifest,
    merge,
    notices,
    trust,
    validate,
    vectors,
)
from dropout_ledger.sync.errors import PackageRefused
from dropout_ledger.sync.report import MergeReport, describe
from dropout_ledger.sync.wire import WireEvent

_STATUS_CODES = frozenset(s.value for s in Status)


@dataclass
class Outcome:
    """What happened to one file: the `sync import --json` object (design README §4)."""

    file: str
    accepted: bool
    new_events: int = 0
    duplicate_events: int = 0
    conflicts: int = 0
    reason: str = ""
    code: str = ""
    from_org: str = ""
    from_name: str = ""
    held: bool = False
    students: int = 0
    report: str = ""
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file, "accepted": self.accepted, "new_events": self.new_events,
            "duplicate_events": self.duplicate_events, "conflicts": self.conflicts,
            "reason": self.reason, "code": self.code, "from": self.from_org,
            "from_name": self.from_name, "held": self.held, "students": self.students,
            "report": self.report, "warnings": self.warnings,
        }


GROUP = 20
"""Packages of a county batch committed together, each in a savepoint of one transaction.

Why: at the county every package's events land in random places of a 1–2 GB file (event ids,
entities and pupils are random keys), so each package dirties ~30,000 pages and its commit
writes ~130 MB to the WAL and checkpoints it back (bench_sync: more than half of the batch).
Packages committed together share most of those pages. A refusal or a failed self-check rolls
back only its own savepoint; a killed process loses at most the group (the ledger is then as
before the group, and importing the stick again continues; docs/decisions/0023)."""


@dataclass
class Batch:
    """Files imported together (one stick at the county): one snapshot before the first
    package that brings something new, not one per package — at county scale each snapshot
    copies a ledger of a gigabyte or more (bench/bench_sync.py) — and, at the county, packages
    committed `GROUP` at a time."""

    snapshot_taken: bool = False
    grouped: bool = False
    """Whether packages share a transaction (a county's batch)."""
    open: bool = False
    """A group transaction this batch began is open."""
    in_group: int = 0
    reports: list[tuple[Path, bytes]] = field(default_factory=list)
    """Reports of packages merged in the open group, written once it is committed."""


def import_files(ledger: Ledger, files: Iterable[Path]) -> list[Outcome]:
    """Import each file in its own savepoint or transaction, continuing past refusals (the
    county's batch); at the county the packages are committed `GROUP` at a time."""
    outcomes = []
    batch = Batch(grouped=ledger.org_id.startswith("C:"))
    try:
        for path in files:
            try:
                outcomes.append(import_file(ledger, Path(path), batch=batch))
            except PackageRefused as refused:
                outcomes.append(Outcome(Path(path).name, False, reason=refused.message,
                                        code=refused.code, held=refused.code == "held"))
            except InputRefused as refused:
                outcomes.append(Outcome(Path(path).name, False, reason=refused.message,
                                        code="refused"))
    finally:  # what merged before a failure (its savepoint rolled back) is kept
        _end_group(ledger, batch)
    return outcomes


def _end_group(ledger: Ledger, batch: Batch) -> None:
    """Commit the batch's open group, then write the reports of its packages."""
    conn = ledger.conn
    if batch.open:
        batch.open, batch.in_group = False, 0
        if conn.in_transaction:
            try:
                conn.execute("COMMIT")
            except BaseException as error:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                batch.reports.clear()
                refused = storage.refusal(error)  # a full disk or read-only media, in Chinese
                if refused is not None:
                    raise refused from error
                raise
    for path, data in batch.reports:
        write_bytes(path, data)
    batch.reports.clear()


def import_file(ledger: Ledger, path: Path, *, batch: Batch | None = None) -> Outcome:
    """Import one package file; raises PackageRefused (nothing changed) when it is not sound.

    With `batch`, the snapshot before the merge is taken only if the batch has none yet."""
    data = _stage(ledger, path)
    digest = hashlib.sha256(data).hexdigest()
    seen = ledger.conn.execute(
        "SELECT imported_wall FROM imported_packages WHERE file_sha256 = ?", (digest,)
    ).fetchone()
    if seen is not None:
        when = str(seen[0])[:16].replace("T", " ")
        return Outcome(path.name, True, reason=f"此文件已于 {when} 导入过，本次没有改动。",
                       code="duplicate")
    try:
        opened = check.open_package(ledger.conn, data, org=ledger.org_id,
                                    keys=keys.own_keys(ledger), name=path.name)
    except PackageRefused as refused:
        if refused.code in ("held", "key_changed") and ledger.org_id.startswith("C:"):
            _hold(ledger, path.name, data)
        raise
    expected = "county_to_school" if ledger.org_id.startswith("S:") else "school_to_county"
    if opened.header["kind"] != expected:
        raise PackageRefused("wrong_recipient", f"这是“{opened.header['kind']}”类的文件。")
    problems = validate.validate(opened.events, sender_org=opened.sender.org,
                                 kind=opened.header["kind"], recipient_org=ledger.org_id)
    if problems:
        raise PackageRefused(validate.refusal_code(problems), problems=problems)
    return _apply(ledger, path.name, opened, batch or Batch())


def import_held(ledger: Ledger, org: str) -> list[Outcome]:
    """Import the packages held for `org` now that the clerk has confirmed its key."""
    held = folders.folder(ledger.path, folders.HELD)
    mine = [p for p in folders.packages_in(held) if _sender_org(p) == org]
    outcomes = import_files(ledger, mine)
    for path, outcome in zip(mine, outcomes, strict=True):
        if outcome.accepted:
            path.unlink(missing_ok=True)
    return outcomes


def _sender_org(path: Path) -> str:
    try:
        return str(envelope.read_header(path.read_bytes())["from"]["org"])
    except (PackageRefused, OSError, KeyError, TypeError):
        return ""


def _hold(ledger: Ledger, name: str, data: bytes) -> None:
    """Keep a new school's (or a changed key's) package until the clerk checks the digits.

    Only a package whose signature matches the key it carries is held, so a damaged or forged
    file never reaches the clerk's confirmation list.
    """
    header = envelope.read_header(data)
    sender = envelope.sender_keys(header)
    own = envelope.check_recipient(header, org=ledger.org_id, keys=keys.own_keys(ledger))
    envelope.open_payload(data, header, sender_sign_pk=sender.sign_pk, recipient=own)
    write_bytes(folders.folder(ledger.path, folders.HELD) / name, data)
    with db.immediate(ledger.conn):
        trust.hold(ledger.conn, sender, wall=ledger.clock.now().isoformat())


def _stage(ledger: Ledger, path: Path) -> bytes:
    """Refuse leftovers and oversized files, then copy into 收件 before reading anything else."""
    envelope.check_name(path.name)
    try:
        if path.stat().st_size > envelope.MAX_FILE:
            raise PackageRefused("too_large")
        data = path.read_bytes()
    except OSError as error:
        raise InputRefused(f"读不出文件 {path.name}（{error.strerror or error}）。请检查U盘后重试。") from error
    write_bytes(folders.folder(ledger.path, folders.INBOX) / path.name, data)
    return data


RESTARTS = frozenset({"restore", "restored_outside", "fork"})
"""Reasons of a `replica_start` after which the author's statements start again from lower
Lamport values: the package announcing one speaks for the author's present state."""


def _apply(ledger: Ledger, name: str, opened: check.Opened, batch: Batch) -> Outcome:
    conn = ledger.conn
    header, stated, events, digest = opened.header, opened.manifest, opened.events, opened.sha256
    sender = header["from"]
    new, present = _new_events(conn, events)
    if new and not batch.snapshot_taken:
        _end_group(ledger, batch)  # a snapshot copies what is committed
        _backup(ledger)
        batch.snapshot_taken = True
    warnings = _retire_forked(ledger, new, name)
    if batch.grouped and not conn.in_transaction:
        conn.execute("BEGIN IMMEDIATE")
        batch.open = True
    with db.immediate(conn):
        _crash_point("event", conn)
        if opened.trusted.keys is None:  # confirmed by digits before the key arrived: pin it
            trust.pin(conn, opened.sender, status="active", confirmed_by=opened.trusted.confirmed_by,
                      method=opened.trusted.method, wall=ledger.clock.now().isoformat())
        result = merge.merge(conn, events, package_sha=header["package_id"], present=present)
        if _restarted(new, sender["org"]):
            # A restored peer's clock is behind its pre-restore statements: the package that
            # first brings its new replica says what it holds now (sync.md §c.10, §c.12).
            conn.execute("DELETE FROM peer_have WHERE peer_org = ?", (sender["org"],))
        vectors.record_peer_have(conn, sender["org"], stated.get("have", {}),
                                 int(stated.get("lc", 0)))
        advance_lamport(conn, int(stated.get("lc", 0)))
        _bookkeep_anomalies(ledger, sender["org"], stated, result)
        report = describe(conn, header, new, result)
        problems = merge.self_check(conn, result, events, summary=_summary_for(ledger, stated,
                                                                              sender["org"]))
        if problems:
            raise LedgerError("导入后自检未通过，已全部撤销，台账没有改动：" + "；".join(problems[:5])
                              + "。文件已保存在“同步/收件”，请联系技术支持。")
        conn.execute(
            "INSERT INTO imported_packages (file_sha256, package_id, from_org, kind, imported_wall,"
            " new_events, dup_events, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (digest, header["package_id"], sender["org"], header["kind"],
             ledger.clock.now().isoformat(), result.new_events, result.duplicate_events,
             report.text),
        )
        _audit(ledger, {"action": "sync_import", "package_id": header["package_id"],
                        "from": sender["org"], "events": result.new_events, "file": name})
        _crash_point("commit")
    warnings += _after_commit(ledger, header, stated)
    report_path = _save_report(ledger, header, report, warnings, batch)
    if batch.open:
        batch.in_group += 1
        if batch.in_group >= GROUP:
            _end_group(ledger, batch)
    return Outcome(
        name, True, new_events=result.new_events, duplicate_events=result.duplicate_events,
        conflicts=result.conflicts_total, from_org=sender["org"], from_name=sender.get("name", ""),
        students=len(result.students), report=str(report_path), warnings=warnings,
        reason=report.headline,
    )


def _summary_for(ledger: Ledger, stated: dict[str, Any], sender_org: str) -> dict[str, Any] | None:
    """The sender's count of its own pupils by status, which the county's view of that school
    should equal after the merge (the self-check's cue to re-check every bulk-folded pupil)."""
    summary = stated.get("summary")
    if ledger.org_id.startswith("C:") and isinstance(summary, dict) \
            and summary.get("school") == sender_org:
        return summary
    return None


def _restarted(new: Sequence[WireEvent], sender_org: str) -> bool:
    """Whether the package brings, for the first time, a restart of one of the sender's replicas."""
    return any(e.header["kind"] == "replica_start" and e.header["org"] == sender_org
               and (e.body_obj or {}).get("reason") in RESTARTS for e in new)


def _bookkeep_anomalies(ledger: Ledger, sender_org: str, stated: dict[str, Any],
                        result: merge.MergeResult) -> None:
    """Flags for the next package to the sender (sync.md §c.10), inside the import transaction.

    The sender asked for everything → send it everything; the sender's package is itself full
    → our own request is answered; a county seeing a fork of a school's replica → that
    school's next package is full and carries a fork notice.
    """
    conn = ledger.conn
    if stated.get("request_full") is True:
        flags.raise_flag(conn, flags.SEND_FULL, sender_org)
    if stated.get("full") is True:
        flags.clear(conn, flags.REQUEST_FULL, sender_org)
    if result.forks and ledger.org_id.startswith("C:"):
        flags.add_forks(conn, sender_org, result.forks)


def _retire_forked(ledger: Ledger, new: Sequence[WireEvent], name: str) -> list[str]:
    """A school reading a new fork notice about the replica it writes with starts a new one.

    Done before the import's own transaction, so that the import's audit event is already
    written by the new replica, not appended to a branch the county has seen twice.
    """
    if not ledger.org_id.startswith("S:"):
        return []
    for event in new:
        body = event.body_obj or {}
        if event.header["kind"] == notices.KIND and event.header["org"].startswith("C:") \
                and body.get("topic") == "fork" and notices.concerns(body, ledger.org_id) \
                and ledger.replica in body.get("replicas", []):
            start_restored_replica(ledger, name, reason="fork")
            return ["县教育局发现本校台账出现分叉，本机已改用新的副本编号继续记录；"
                    "县里发回的全部记录已合并，请查看“县里的通知”。"]
    return []


def _new_events(conn: sqlite3.Connection, events: Sequence[WireEvent]
                ) -> tuple[list[WireEvent], set[str]]:
    """The events this ledger lacks, and the ids of those it holds (handed to the merge: this
    connection is the ledger's only writer, so they cannot change before it runs)."""
    present: set[str] = set()
    eids = [e.eid for e in events]
    for start in range(0, len(eids), 500):
        chunk = eids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        present.update(r[0] for r in conn.execute(
            f"SELECT eid FROM events WHERE eid IN ({marks})", chunk))
    return [e for e in events if e.eid not in present], present


SNAPSHOT_LIMIT = 64_000_000
"""Bytes of ledger (pages, as a snapshot copies them) up to which every import batch takes its own snapshot first.

A school ledger is a few MB and its snapshot is instant. A county ledger grows to about 1.8 GB
for 200 schools, whose copy takes ~8 s (bench_sync), eight times the one-second budget of "one
more package": above this size, a snapshot taken earlier the same day (the daily one, taken
when the ledger was first opened that day, or an earlier import's) plus the packages since,
each kept byte for byte in 同步/收件 before it is read, is the undo point instead
(docs/decisions/0023, "Backups at county size")."""


def _backup(ledger: Ledger) -> None:
    """A snapshot before anything new is merged (sync.md §c.9 step 5), unless a large
    ledger already has one from today (`SNAPSHOT_LIMIT`)."""
    if _covered_today(ledger):
        return
    _crash_point("backup")
    try:
        backup.snapshot(ledger.conn, ledger.path, "merge", ledger.clock.now())
    except (OSError, sqlite3.Error) as error:
        raise InputRefused(
            f"导入前的自动备份没有成功（{error}），为安全起见没有导入。请检查磁盘空间后重试。"
        ) from error


def _covered_today(ledger: Ledger) -> bool:
    """Whether the ledger is above `SNAPSHOT_LIMIT` and a snapshot of it was taken today."""
    pages = ledger.conn.execute("PRAGMA page_count").fetchone()[0]
    size = int(pages) * int(ledger.conn.execute("PRAGMA page_size").fetchone()[0])
    if size <= SNAPSHOT_LIMIT:  # what a snapshot would copy
        return False
    today = ledger.clock.today()
    return any(s.taken_at.date() == today and s.path.suffix == ".sqlite"
               for s in backup.snapshots(ledger.path))


CRASH_AT = "DROPOUT_LEDGER_CRASH_AT"
"""Test hook of tests/sync/test_crash.py: an import kills its own process (SIGKILL, a power cut
as far as the ledger can tell) at a named point — `event:N` as the Nth event insert of the
merge starts, `commit` just before the commit, `backup:S` S seconds into the pre-import backup.
Unset (always, outside those tests) it costs one environment lookup per package."""


def _crash_point(point: str, conn: sqlite3.Connection | None = None) -> None:
    name, _, arg = os.environ.get(CRASH_AT, "").partition(":")
    if name != point:
        return

    def kill() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    if conn is not None:  # event:N
        inserts = itertools.count(1)
        conn.set_trace_callback(lambda sql: kill() if sql.startswith("INSERT INTO events")
                                and next(inserts) >= int(arg) else None)
    elif arg:  # backup:S — the backup runs in SQLite with the GIL released
        threading.Timer(float(arg), kill).start()
    else:
        kill()


def _audit(ledger: Ledger, body: dict[str, Any]) -> None:
    """An audit event after the merged ones (a fresh writer: its clock is past what arrived)."""
    writer = EventWriter(conn=ledger.conn, org=ledger.org_id, rep=ledger.replica,
                         operator=ledger.operator, clock=ledger.clock)
    projections.apply(ledger.conn, writer.append("audit", "ledger", body))


def _after_commit(ledger: Ledger, header: dict[str, Any], stated: dict[str, Any]) -> list[str]:
    """Compare what the sender says it holds with what we now hold (sync.md §c.9 step 8)."""
    conn = ledger.conn
    warnings = []
    sender_org = header["from"]["org"]
    # A school sends all its own events, a county only what concerns the school: compare the
    # replicas the package must be complete for (the school's, on either side).
    complete_for = sender_org if ledger.org_id.startswith("C:") else ledger.org_id
    for rep, claim in sorted(stated.get("have", {}).items()):
        if claim.get("org") != complete_for:
            continue
        row = conn.execute("SELECT eid FROM events WHERE rep = ? AND seq = ?",
                           (rep, claim["seq"])).fetchall()
        if claim["seq"] and claim["head"] not in {r[0] for r in row}:
            warnings.append(f"对方第{claim['seq']}条记录本机没有收到，下次同步会要求对方补发全部记录。")
            _set_state(conn, f"{flags.REQUEST_FULL}:{sender_org}", "1")
    summary = stated.get("summary") or {}
    school = summary.get("school", "")
    if school and school == ledger.org_id and ledger.org_id.startswith("S:"):
        mine = manifest.summary(conn, school)
        if mine != summary:
            warnings.append(_summary_difference(summary, mine))
    return warnings


def _summary_difference(county: dict[str, Any], mine: dict[str, Any]) -> str:
    """Which of the school's figures the county sees differently, in one Chinese sentence."""
    theirs, ours = county.get("by_status") or {}, mine["by_status"]
    parts = [f"{Status(code).label if code in _STATUS_CODES else code or '未定'}"
             f"：县里 {theirs.get(code, 0)} 人，本机 {ours.get(code, 0)} 人"
             for code in sorted(set(theirs) | set(ours)) if theirs.get(code, 0) != ours.get(code, 0)]
    return ("县里统计的本校学生与本机不同（" + "；".join(parts or [
        f"共计：县里 {county.get('students', 0)} 人，本机 {mine['students']} 人"])
        + "）：县里可能还没有收到本校最近的记录。请导出同步文件交给县教育局。")


def _set_state(conn: sqlite3.Connection, key: str, value: str) -> None:
    with db.immediate(conn):
        conn.execute("INSERT OR REPLACE INTO local_state (k, v) VALUES (?, ?)", (key, value))


def _save_report(ledger: Ledger, header: dict[str, Any], report: MergeReport,
                 warnings: list[str], batch: Batch) -> Path:
    """Write the report now, or when the open group is committed (never for a rolled back
    merge)."""
    day = ledger.clock.now().strftime("%Y%m%d-%H%M%S")
    out = folders.folder(ledger.path, folders.REPORTS) / f"{day}_{header['from']['org'].replace(':', '-')}_{header['package_id'][:4]}.txt"
    data = (report.text + "".join(f"\n注意：{w}" for w in warnings) + "\n").encode()
    if batch.open:
        batch.reports.append((out, data))
    else:
        write_bytes(out, data)
    return out
