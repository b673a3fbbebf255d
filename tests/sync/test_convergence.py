"""Stateful convergence (sync.md §c.17 item 2): a county and three schools, packages in a pool.

A Hypothesis `RuleBasedStateMachine` drives real ledgers on disk with real keys, enrolled and
confirmed through `enrol.*`: people edit fields, change statuses, add visit records; the county
corrects a school's pupil; any node exports into a "stick pool"; any pooled package is
delivered to its recipient (`importer.import_file`), duplicated, dropped, or corrupted or
truncated (it must be refused and leave the ledger's dump unchanged); a school is backed up and
later restored from an earlier backup (`ledger.restore`: a new replica with new keys, so when
its next package is held the clerk confirms the new fingerprint with `confirm_school`, as after
the phone call, and imports what was held); a school's ledger file and 密钥 folder are copied
to a second machine that goes on working (a clone: the county must keep both branches).

After every step: each ledger a step touched equals a full rebuild from its events
(store/verify.py), and no Lamport clock went back (except by a restore, which is the point of
a restore). At the end: packages go back and forth until nothing new moves; then no event that
a package delivered or that any school still holds is missing at the county, and the county and
every school (and clone) agree on that school's pupils — names and statuses.

CI runs 20 examples of 20 steps (30–70 s); `SYNC_PROFILE=deep` runs 300 of 60 steps.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from dropout_ledger import ledger as ledger_module
from dropout_ledger.clock import FrozenClock
from dropout_ledger.errors import InputRefused
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.status import Status
from dropout_ledger.store import backup, verify
from dropout_ledger.store.events import Operator
from dropout_ledger.sync import enrol, envelope, exporter, folders, importer, keys
from dropout_ledger.sync.errors import PackageRefused
from dropout_ledger.synthetic import SyntheticFactory
from tests.sync.support import dump

COUNTY_CODE = "524821"
COUNTY = f"C:{COUNTY_CODE}"
SCHOOLS = {"A": ("2152482101", "甲村小学"), "B": ("2152482102", "乙村小学"),
           "D": ("2152482103", "丁村小学")}
CLERK = Operator(id="clerk", name="张科员", role="county_clerk")
START = dt.datetime(2026, 11, 2, 8, 0)
FIELDS: dict[str, list[str]] = {
    "address": ["石门村一组", "石门村二组", "坪坝村三组"],
    "class_name": ["1班", "2班"],
    "note": ["家访约在周末", "父母在外务工", ""],
    "name": ["曾强", "王芳", "李娜"],  # county precedence
}

def _note(text: str) -> None:
    """Hypothesis's `event` inside a test run; nothing when a test drives the machine by hand."""
    try:
        event(text)
    except Exception:  # noqa: BLE001 - outside Hypothesis: only a statistic is lost
        pass


RECOVERY = True
"""Whether a restored school gets back from the county the events it lost (it does since the
Lamport floor, store/events.advance_lamport). Before that fix: sync.md
§c.10 says "every manifest also carries the sender's current Lamport value; the receiver's clock
advances past it, so after one round trip a restored peer's new statements outrank the ones it
made before the restore" — the importer records the peer's `lc` but no event of the receiver
moves past it, so a restored school's statements (its clock went back with the restore) stay
below the one the county kept from before, `vectors.record_peer_have` ignores them, and the
county goes on believing the school holds what it lost (test_a_restored_school_gets_back_what_
it_lost, xfail). Flip this to True with the fix."""

DEEP_SETTINGS = settings(max_examples=300, stateful_step_count=60, deadline=None,
                         suppress_health_check=list(HealthCheck))
DEEP = (os.environ.get("SYNC_PROFILE") == "deep"
        or settings.get_current_profile_name() == "deep")
"""`SYNC_PROFILE=deep pytest tests/sync/test_convergence.py` (about an hour), or a "deep"
Hypothesis profile registered for the whole suite and chosen with --hypothesis-profile=deep."""


@dataclass
class Node:
    """One install: a ledger file in its own folder (with its 密钥), and its backups."""

    name: str
    org: str
    ledger: Ledger
    backups: list[Path] = field(default_factory=list)
    clones: int = 0
    restored: bool = False
    """Restored from a backup at least once (this install, or its twin before the cloning)."""

    @property
    def path(self) -> Path:
        return self.ledger.path


@dataclass
class Package:
    path: Path
    to_org: str
    from_org: str


class Convergence(RuleBasedStateMachine):
    """The county C, schools A, B, D, and clones of them; see the module docstring."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="sync-converge-"))
        self.clock = FrozenClock(START)
        self.factory = SyntheticFactory(seed=3)
        self.nodes: dict[str, Node] = {}
        self.pool: list[Package] = []
        self.made = 0
        self.touched: set[str] = set()
        self.lamport: dict[str, int] = {}
        self.delivered: set[str] = set()
        """Event ids of school packages that reached the county (must stay there)."""
        self.final: dict[str, set[str]] = {}

    # --- set-up ----------------------------------------------------------------------------

    @initialize()
    def enrol_three_schools(self) -> None:
        county = Ledger.create(self.folder / "C" / "county.sqlite", kind="county",
                               code=COUNTY_CODE, name="示例县教育局", clock=self.clock,
                               operator=CLERK)
        self.nodes["C"] = Node("C", COUNTY, county)
        for name, (code, title) in SCHOOLS.items():
            enrolment, county_fp = enrol.enroll_school(county, code, title)
            school = Ledger.create(self.folder / name / "school.sqlite", kind="school",
                                   code=code, name=title, county_code=COUNTY_CODE,
                                   clock=self.clock,
                                   operator=Operator(id=f"p{name}", name=f"{title}校长",
                                                     role="principal"))
            school.students.add_many(
                [self.factory.student(grade=g, today=START.date()) for g in (2, 4, 6)],
                effective_date="2025-09-01")
            enrol.confirm_school(county, code, enrol.join(school, enrolment, county_fp))
            self.nodes[name] = Node(name, f"S:{code}", school)
        for node in self.nodes.values():
            self.lamport[node.name] = self._lamport(node)
        for who in range(1, 4):  # each school's first package is on the stick from the start
            self.export(who)

    def teardown(self) -> None:
        for node in self.nodes.values():
            node.ledger.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- helpers ---------------------------------------------------------------------------

    def _tick(self) -> None:
        self.clock.advance(minutes=7)

    @staticmethod
    def _lamport(node: Node) -> int:
        return int(node.ledger.conn.execute("SELECT coalesce(max(lc), 0) FROM events")
                   .fetchone()[0])

    def _schools(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.name != "C"]

    def _pick(self, nodes: list[Node], index: int) -> Node:
        return nodes[index % len(nodes)]

    @staticmethod
    def _pupils(node: Node) -> list[str]:
        return [r[0] for r in node.ledger.conn.execute(
            "SELECT id FROM students WHERE retracted = 0 AND created_lc IS NOT NULL"
            " ORDER BY id")]

    def _import(self, node: Node, path: Path) -> importer.Outcome | None:
        """Deliver one file; a new or changed school key is confirmed as a clerk would."""
        try:
            outcome = importer.import_file(node.ledger, path)
        except PackageRefused as refused:
            if refused.code in ("held", "key_changed") and node.name == "C":
                header = envelope.read_header(path.read_bytes())
                sender = envelope.sender_keys(header)
                enrol.confirm_school(node.ledger, sender.org[2:], sender.fingerprint())
                outcomes = importer.import_held(node.ledger, sender.org)
                assert outcomes and all(o.accepted for o in outcomes), outcomes
                _note("clerk confirmed a new school key")
                self._delivered(node, path)
                return outcomes[0]
            if refused.code == "wrong_recipient" and node.name != "C":
                _note("a clone could not open its twin's newer mail")
                return None  # a clone lacks the key its twin made after a restore
            raise
        assert outcome.accepted, outcome
        self._delivered(node, path)
        return outcome

    def _delivered(self, node: Node, path: Path) -> None:
        if node.name == "C":
            self.delivered |= self._eids_in(path)

    def _eids_in(self, path: Path) -> set[str]:
        """The event ids a package carries (opened with the county's keys)."""
        from dropout_ledger.sync.payload import decode_inner

        data = path.read_bytes()
        header = envelope.read_header(data)
        own = envelope.check_recipient(header, org=COUNTY, keys=keys.own_keys(
            self.nodes["C"].ledger))
        inner = envelope.open_payload(data, header,
                                      sender_sign_pk=envelope.sender_keys(header).sign_pk,
                                      recipient=own)
        return {e.eid for e in decode_inner(inner)[1]}

    # --- people at work --------------------------------------------------------------------

    @rule(who=st.integers(0, 9), pupil=st.integers(0, 99), field=st.sampled_from(sorted(FIELDS)),
          value=st.integers(0, 2))
    def edit_field(self, who: int, pupil: int, field: str, value: int) -> None:
        node = self._pick(self._schools(), who)
        pupils = self._pupils(node)
        self._tick()
        try:
            node.ledger.students.edit(pupils[pupil % len(pupils)],
                                      {field: FIELDS[field][value % len(FIELDS[field])]})
        except InputRefused:
            return
        self.touched.add(node.name)

    @rule(who=st.integers(0, 9), pupil=st.integers(0, 99))
    def change_status(self, who: int, pupil: int) -> None:
        node = self._pick(self._schools(), who)
        pupils = self._pupils(node)
        sid = pupils[pupil % len(pupils)]
        current = node.ledger.queries.student(sid)
        assert current is not None
        to = Status.SUSPENDED if current["status"] == Status.ENROLLED.value else Status.ENROLLED
        self._tick()
        try:
            node.ledger.status.change(sid, to, effective_date=self.clock.today(),
                                      note="因病休学" if to is Status.SUSPENDED else "")
        except InputRefused:
            return
        self.touched.add(node.name)

    @rule(who=st.integers(0, 9), pupil=st.integers(0, 99),
          mode=st.sampled_from(["home", "phone", "joint"]))
    def add_visit(self, who: int, pupil: int, mode: str) -> None:
        node = self._pick(self._schools(), who)
        pupils = self._pupils(node)
        self._tick()
        node.ledger.records.add("visit", {
            "student_id": pupils[pupil % len(pupils)], "date": self.clock.today(),
            "mode": mode, "participants": ["王老师"], "result": "家长答应周一送回"})
        self.touched.add(node.name)

    @rule(pupil=st.integers(0, 99), value=st.integers(0, 2))
    def county_correction(self, pupil: int, value: int) -> None:
        county = self.nodes["C"]
        pupils = self._pupils(county)
        if not pupils:
            return
        self._tick()
        try:
            county.ledger.students.edit(pupils[pupil % len(pupils)],
                                        {"name": FIELDS["name"][value]})
        except InputRefused:
            return
        self.touched.add("C")

    # --- the stick -------------------------------------------------------------------------

    @rule(who=st.integers(0, 9))
    def export(self, who: int) -> None:
        node = self._pick(list(self.nodes.values()), who)
        self._tick()
        self.made += 1
        out = self.folder / "pool" / f"{self.made:04d}-{node.name}"
        try:
            written = exporter.export(node.ledger, out)
        except InputRefused:  # the county before any school's key arrived: nobody to send to
            assert node.name == "C"
            return
        for made in written:
            self.pool.append(Package(made.path, made.to_org, node.org))
        self.touched.add(node.name)

    @precondition(lambda self: self.pool)
    @rule(which=st.integers(0, 999), to=st.integers(0, 9))
    def deliver(self, which: int, to: int) -> None:
        package = self.pool[which % len(self.pool)]
        targets = [n for n in self.nodes.values() if n.org == package.to_org]
        node = self._pick(targets, to)
        self._tick()
        self._import(node, package.path)
        self.touched.add(node.name)

    @precondition(lambda self: self.pool)
    @rule(which=st.integers(0, 999))
    def duplicate(self, which: int) -> None:
        package = self.pool[which % len(self.pool)]
        copy = package.path.with_name(f"copy{len(self.pool)}_{package.path.name}")
        shutil.copyfile(package.path, copy)
        self.pool.append(Package(copy, package.to_org, package.from_org))

    @precondition(lambda self: self.pool)
    @rule(which=st.integers(0, 999))
    def drop(self, which: int) -> None:
        self.pool.pop(which % len(self.pool))

    @precondition(lambda self: self.pool)
    @rule(which=st.integers(0, 999), where=st.floats(0.0, 1.0), to=st.integers(0, 9))
    def truncate(self, which: int, where: float, to: int) -> None:
        package = self.pool[which % len(self.pool)]
        data = package.path.read_bytes()
        self._refused(package, data[:min(int(where * len(data)), len(data) - 1)], to)

    @precondition(lambda self: self.pool)
    @rule(which=st.integers(0, 999), where=st.floats(0.0, 1.0), bit=st.integers(0, 7),
          to=st.integers(0, 9), header=st.booleans())
    def flip_bit(self, which: int, where: float, bit: int, to: int, header: bool) -> None:
        package = self.pool[which % len(self.pool)]
        data = bytearray(package.path.read_bytes())
        end = 12 + int.from_bytes(data[8:12], "big") if header else len(data)
        data[min(int(where * end), end - 1)] ^= 1 << bit
        self._refused(package, bytes(data), to)

    def _refused(self, package: Package, data: bytes, to: int) -> None:
        """A damaged copy of `package` is refused by its recipient, which does not change."""
        bad = self.folder / "bad" / package.path.name
        bad.parent.mkdir(exist_ok=True)
        bad.write_bytes(data)
        targets = [n for n in self.nodes.values() if n.org == package.to_org]
        node = self._pick(targets, to)
        before = dump(node.ledger)
        with pytest.raises(PackageRefused) as refused:
            importer.import_file(node.ledger, bad)
        _note(f"damaged package refused: {refused.value.code}")
        assert dump(node.ledger) == before, "a refused package changed the ledger"

    # --- machines: backups, restores, clones ----------------------------------------------

    @rule(who=st.integers(0, 9))
    def back_up(self, who: int) -> None:
        node = self._pick(self._schools(), who)
        self._tick()
        out = self.folder / "usb" / f"{node.name}-{len(node.backups)}.sqlite"
        node.ledger.backup(out)
        node.backups.append(out)
        self.touched.add(node.name)

    @precondition(lambda self: any(n.backups for n in self._schools()))
    @rule(who=st.integers(0, 9), which=st.integers(0, 3))
    def restore(self, who: int, which: int) -> None:
        node = self._pick([n for n in self._schools() if n.backups], who)
        chosen = node.backups[-1 - which % len(node.backups)]
        path, operator = node.path, node.ledger.operator
        node.ledger.close()
        self._tick()
        ledger_module.restore(path, chosen, clock=self.clock, operator=operator)
        node.ledger = Ledger.open(path, clock=self.clock, operator=operator)
        node.restored = True
        _note("restore")
        self.lamport[node.name] = self._lamport(node)  # a restore goes back: that is its point
        self.touched.add(node.name)

    def _cloneable(self) -> list[Node]:
        return [n for n in self._schools() if not n.clones and "+" not in n.name]

    @precondition(lambda self: len(self.nodes) < 6 and self._cloneable())
    @rule(who=st.integers(0, 9))
    def clone(self, who: int) -> None:
        node = self._pick(self._cloneable(), who)
        twin = f"{node.name}+"
        folder = self.folder / twin
        shutil.copytree(node.path.parent / keys.KEY_DIR, folder / keys.KEY_DIR)
        backup.backup_to(node.ledger.conn, folder / "school.sqlite")  # the disk image
        node.clones += 1
        self.nodes[twin] = Node(twin, node.org, Ledger.open(
            folder / "school.sqlite", clock=self.clock,
            operator=Operator(id=f"p{twin}", name="另一台电脑", role="principal")),
            restored=node.restored)
        self.lamport[twin] = self._lamport(self.nodes[twin])
        _note("clone")

    # --- after every step ------------------------------------------------------------------

    @invariant()
    def projections_equal_a_rebuild_and_clocks_go_forward(self) -> None:
        for name in sorted(self.touched):
            node = self.nodes[name]
            check = verify._rebuild(node.path)
            assert check.ok, (name, check.problems)
        self.touched.clear()
        for node in self.nodes.values():
            now = self._lamport(node)
            assert now >= self.lamport[node.name], f"{node.name}'s Lamport clock went back"
            self.lamport[node.name] = now

    # --- at the end ------------------------------------------------------------------------

    def converge(self) -> None:
        """Deliver what is pooled, then export and deliver until nothing new moves."""
        for package in self.pool:
            for node in [n for n in self.nodes.values() if n.org == package.to_org]:
                self._import(node, package.path)
        self.pool.clear()
        for _round in range(6):
            before = self._work()
            for node in self._schools():
                self.final[node.name] = self._own(node)
                for made in exporter.export(node.ledger, self.folder / "final" / node.name):
                    self._import(self.nodes["C"], made.path)
            for made in exporter.export(self.nodes["C"].ledger, self.folder / "final" / "C"):
                for node in [n for n in self._schools() if n.org == made.to_org]:
                    self._import(node, made.path)
            if self._work() == before:
                return
        raise AssertionError("six rounds of sync and still something new moves")

    def _work(self) -> dict[str, int]:
        """Events other than the bookkeeping every exchange writes (audits), per node."""
        return {n.name: n.ledger.conn.execute(
            "SELECT count(*) FROM events WHERE kind != 'audit'").fetchone()[0]
            for n in self.nodes.values()}

    @staticmethod
    def _own(node: Node) -> set[str]:
        return {r[0] for r in node.ledger.conn.execute(
            "SELECT eid FROM events WHERE org = ?", (node.org,))}

    @staticmethod
    def pupils_of(node: Node, org: str) -> dict[str, Any]:
        """The school's pupils as a ledger shows them: every column of their rows (names and
        statuses among them), their status facts and their visit records."""
        conn = node.ledger.conn
        ids = [r[0] for r in conn.execute(
            "SELECT s.id FROM students s JOIN entities n ON n.ent = 'student:' || s.id"
            " JOIN events e ON e.eid = n.created_eid WHERE e.org = ? ORDER BY s.id", (org,))]
        marks = ",".join("?" * len(ids))
        return {
            "students": conn.execute(f"SELECT * FROM students WHERE id IN ({marks}) ORDER BY id",
                                     ids).fetchall(),
            "status": sorted(conn.execute(
                f"SELECT * FROM status_facts WHERE student_id IN ({marks})", ids).fetchall(),
                key=repr),
            "visits": sorted(conn.execute(
                f"SELECT * FROM rec_visit WHERE student_id IN ({marks})", ids).fetchall(),
                key=repr),
        }

    def check_converged(self) -> None:
        county = self.nodes["C"]
        held = {r[0] for r in county.ledger.conn.execute("SELECT eid FROM events")}
        missing = self.delivered - held
        assert not missing, f"{len(missing)} delivered events are missing at the county"
        forked = county.ledger.conn.execute(
            "SELECT count(*) FROM (SELECT rep FROM events GROUP BY rep"
            " HAVING count(*) > count(DISTINCT seq))").fetchone()[0]
        if forked:  # a clone wrote on: the county kept both branches, and said so
            reports = (county.path.parent / folders.SYNC_DIR / folders.REPORTS).glob("*.txt")
            assert any("分叉" in r.read_text(encoding="utf-8") for r in reports)
            _note("the county kept both branches of a cloned school")
        for node in self._schools():
            own = self.final[node.name]  # what it held when it last exported
            assert own <= held, f"{len(own - held)} events of {node.name} never reached the county"
            if node.restored and not RECOVERY:
                continue  # see test_a_restored_school_gets_back_what_it_lost
            if self.reads_county_mail(node):
                assert self.pupils_of(node, node.org) == self.pupils_of(county, node.org), \
                    f"{node.name} and the county disagree on its pupils"

    def reads_county_mail(self, node: Node) -> bool:
        """Whether this install holds the key the county encrypts the school's packages to.

        A clone made before its twin was restored keeps the old key; the county writes to the
        school's newest confirmed key, so the clone can no longer open the county's packages
        (refused as wrong_recipient, nothing changed). Its events still reach the county."""
        county_key = exporter._active_key(self.nodes["C"].ledger.conn, node.org)
        assert county_key is not None
        own = {pair.public.fingerprint() for pair in keys.own_keys(node.ledger)}
        return county_key.fingerprint() in own


class ConvergenceAtTheEnd(Convergence):
    def teardown(self) -> None:
        try:
            self.converge()
            self.check_converged()
        finally:
            super().teardown()


ConvergenceAtTheEnd.TestCase.settings = DEEP_SETTINGS if DEEP else settings(
    max_examples=20, stateful_step_count=20, deadline=None,
    suppress_health_check=list(HealthCheck))
TestConvergence = ConvergenceAtTheEnd.TestCase


def test_a_restored_school_gets_back_what_it_lost() -> None:
    """A school's edits reach the county, then the school restores an older backup: after the
    next exchanges it holds them again (sync.md §c.12), and agrees with the county."""
    machine = Convergence()
    try:
        machine.enrol_three_schools()
        school, county = machine.nodes["A"], machine.nodes["C"]
        machine.pool.clear()  # (the schools' first packages the machine starts with)
        machine.export(1)  # nodes: C, A, B, D
        machine.deliver(0, 0)
        machine.back_up(0)
        machine.edit_field(0, 0, "address", 1)
        for pupil in range(12):  # enough work that the lost statement's clock is well ahead
            machine.add_visit(0, pupil, "home")
        machine.export(1)
        machine.deliver(1, 0)
        visits = county.ledger.conn.execute("SELECT count(*) FROM rec_visit").fetchone()[0]
        assert visits == 12
        machine.restore(0, 0)
        assert school.ledger.conn.execute("SELECT count(*) FROM rec_visit").fetchone()[0] == 0
        machine.edit_field(0, 2, "note", 1)
        machine.converge()
        assert school.ledger.conn.execute("SELECT count(*) FROM rec_visit").fetchone()[0] == 12
        assert machine.pupils_of(school, school.org) == machine.pupils_of(county, school.org)
    finally:
        Convergence.teardown(machine)
