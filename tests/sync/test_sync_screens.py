"""The core helpers behind the sync screens: what is on the stick (headers only), the county's
schools and how far each is confirmed, disputes of county corrections, and the weekly export
reminder of 今日待办."""

from __future__ import annotations

from pathlib import Path

import pytest

from dropout_ledger.clock import FrozenClock
from dropout_ledger.errors import InputRefused, NotFound, ValidationError
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import disputes
from dropout_ledger.services.today import today_items
from dropout_ledger.sync import drives, enrol, envelope, exporter, importer, listing, notices
from dropout_ledger.sync.errors import PackageRefused
from dropout_ledger.synthetic import SyntheticFactory
from tests.sync.support import SCHOOL_CODE


def join(county: Ledger, school: Ledger, *, confirm: bool = True) -> str:
    """Enrol and join the school; the school's fingerprint."""
    data, digits = enrol.enroll_school(county, SCHOOL_CODE, "坪坝镇中心学校")
    own = enrol.join(school, data, digits)
    if confirm:
        enrol.confirm_school(county, SCHOOL_CODE, own)
    return own


def add_pupil(school: Ledger, seed: int = 3) -> str:
    fields = SyntheticFactory(seed).student(grade=4, today=school.clock.today())
    return school.students.add(fields, effective_date="2025-09-01").created[0]


def reminders(school: Ledger) -> list[str]:
    items = today_items(school.queries, school.settings.profile(), school.clock.today())
    return [item.detail for item in items if item.kind == "sync_export"]


# --- the weekly reminder --------------------------------------------------------------------


def test_no_export_reminder_before_joining(school: Ledger) -> None:
    assert reminders(school) == []


def test_the_export_reminder_after_joining_until_a_week_after_each_export(
    county: Ledger, school: Ledger, clock: FrozenClock, tmp_path: Path
) -> None:
    join(county, school)
    [never] = reminders(school)
    assert never.startswith("每周导出同步文件：") and "还没有导出过" in never
    exporter.export(school, tmp_path)
    assert reminders(school) == []
    clock.advance(days=6)
    assert reminders(school) == []
    clock.advance(days=1)
    [due] = reminders(school)
    assert "已 7 天没有导出（上次 2026-11-22）" in due
    assert reminders(county) == []  # a county is not reminded


# --- removable drives ----------------------------------------------------------------------


def test_linux_mounts_under_media_are_found() -> None:
    mounts = ("/dev/sda1 / ext4 rw 0 0\n"
              "/dev/sdb1 /media/wang/KINGSTON vfat rw 0 0\n"
              "/dev/sdc1 /run/media/li/My\\040Stick exfat rw 0 0\n"
              "tmpfs /media/ram tmpfs rw 0 0\n"
              "C:\\134 /mnt/c 9p rw 0 0\n")
    found = drives.linux_drives(mounts)
    assert [(str(d.path), d.label) for d in found] == [
        ("/media/wang/KINGSTON", "KINGSTON"), ("/run/media/li/My Stick", "My Stick")]


def test_windows_removable_drives_with_a_medium() -> None:
    class Kernel32:  # stands in for ctypes.windll.kernel32 (the OS boundary)
        modes: list[int] = []

        def SetErrorMode(self, mode: int) -> int:  # noqa: N802 - the Win32 name
            self.modes.append(mode)
            return 0

        def GetLogicalDrives(self) -> int:  # noqa: N802 - the Win32 name
            return 0b11110  # B: C: D: E:

        def GetDriveTypeW(self, root: str) -> int:  # noqa: N802
            return {"C:\\": 3, "D:\\": 2, "E:\\": 2, "B:\\": 2}[root]

        def GetVolumeInformationW(self, root: str, buffer, *args) -> int:  # noqa: N802
            if root == "B:\\":
                return 0  # an empty card reader
            buffer.value = "KINGSTON" if root == "E:\\" else ""
            return 1

    kernel32 = Kernel32()
    assert [(str(d.path), d.label) for d in drives.windows_drives(kernel32)] == [
        ("D:\\", ""), ("E:\\", "KINGSTON")]
    assert kernel32.modes == [1, 0]  # no "insert a disk" box, and the old mode restored


# --- what is on the stick -------------------------------------------------------------------


def test_packages_are_described_from_their_headers(county: Ledger, school: Ledger,
                                                   tmp_path: Path) -> None:
    join(county, school)
    add_pupil(school)
    stick = tmp_path / "stick"
    stick.mkdir()
    [written] = exporter.export(school, stick)
    [mine] = listing.describe_folder(school, stick)
    assert (mine.state, mine.to_org, mine.from_name, mine.done) == (
        listing.OUTGOING, county.org_id, "坪坝镇中心学校", "2026-11-22 10:00")
    [theirs] = listing.describe_folder(county, stick)
    assert theirs.state == listing.NEW and theirs.importable
    assert theirs.events == written.events > 0 and theirs.created == "2026-11-22 10:00"
    assert importer.import_files(county, [written.path])[0].accepted
    [done] = listing.describe_folder(county, stick)
    assert done.state == listing.IMPORTED and done.done == "2026-11-22 10:00"


def test_a_first_package_is_held_at_the_county_until_the_digits(county: Ledger, school: Ledger,
                                                                tmp_path: Path) -> None:
    join(county, school, confirm=False)
    exporter.export(school, tmp_path)
    [info] = listing.describe_folder(county, tmp_path)
    assert info.state == listing.HELD and info.code == "held" and info.importable
    assert "须先核对密钥指纹" in info.reason


def test_a_package_from_an_unknown_school_is_blocked(county: Ledger, tmp_path: Path,
                                                     clock: FrozenClock) -> None:
    stranger = Ledger.create(tmp_path / "x" / "x.sqlite", kind="school", code="2152482109",
                             name="外县小学", county_code="524821", clock=clock)
    try:
        data, digits = enrol.enroll_school(county, "2152482109", "外县小学")
        enrol.join(stranger, data, digits)
        county.conn.execute("DELETE FROM trust WHERE org = 'S:2152482109'")
        county.conn.commit()
        exporter.export(stranger, tmp_path)
    finally:
        stranger.close()
    [info] = listing.describe_folder(county, tmp_path)
    assert info.state == listing.BLOCKED and info.code == "unknown_sender"
    assert not info.importable


@pytest.mark.parametrize("damage, code", [
    (lambda data: data[:-10], "truncated"),
    (lambda data: data + b"junk", "trailing_garbage"),
    (lambda data: b"PK\x03\x04" + data[4:], "not_package"),
    (lambda data: data[:7] + b"\x02" + data[8:], "newer_format"),
    (lambda data: data[:5], "truncated"),
    (lambda data: data[:-8] + b"XXXXXXXX", "damaged"),
])
def test_damage_the_listing_can_see_without_the_payload(county: Ledger, school: Ledger,
                                                        tmp_path: Path, damage, code) -> None:
    join(county, school)
    [written] = exporter.export(school, tmp_path)
    written.path.write_bytes(damage(written.path.read_bytes()))
    with pytest.raises(PackageRefused) as refused:
        listing.peek_header(written.path)
    assert refused.value.code == code
    [info] = listing.describe_folder(county, tmp_path)
    assert info.state == listing.UNREADABLE and info.code == code


def test_peek_agrees_with_the_full_header_check(county: Ledger, school: Ledger,
                                                tmp_path: Path) -> None:
    join(county, school)
    [written] = exporter.export(school, tmp_path)
    assert listing.peek_header(written.path) == envelope.read_header(written.path.read_bytes())


def test_a_leftover_temporary_file_is_named_as_such(county: Ledger, tmp_path: Path) -> None:
    (tmp_path / "DL_S2152482101_20261122_ab12.dlpkg.tmp-5f0e").write_bytes(b"DLPK\r\n")
    [info] = listing.describe_folder(county, tmp_path)
    assert info.code == "temp_file" and "临时文件" in info.reason


def test_a_missing_folder_is_a_plain_refusal(county: Ledger, tmp_path: Path) -> None:
    with pytest.raises(Exception, match="U盘可能已拔出"):
        listing.describe_folder(county, tmp_path / "gone")


def test_situation_says_whom_we_export_to(county: Ledger, school: Ledger,
                                          tmp_path: Path) -> None:
    before = listing.situation(school)
    assert before.peers == () and "尚未加入县级台账" in before.not_ready
    assert listing.situation(county).not_ready.startswith("还没有可以发送的学校")
    join(county, school)
    after = listing.situation(school)
    assert after.peers == ("示例县教育局",) and after.not_ready == ""
    assert after.county_fingerprint == enrol.county_status(school).fingerprint
    assert listing.situation(county).peers == ()  # the school's key has not arrived yet
    importer.import_files(county, [e.path for e in exporter.export(school, tmp_path)])
    assert listing.situation(county).peers == ("坪坝镇中心学校",)


# --- the county's schools -------------------------------------------------------------------


def test_schools_and_how_far_their_keys_are_confirmed(county: Ledger, school: Ledger,
                                                      tmp_path: Path) -> None:
    assert listing.schools(county) == []
    own = join(county, school, confirm=False)
    [waiting] = listing.schools(county)
    assert (waiting.code, waiting.name, waiting.state, waiting.enrolled) == (
        SCHOOL_CODE, "坪坝镇中心学校", listing.WAITING, "2026-11-22")
    importer.import_files(county, [e.path for e in exporter.export(school, tmp_path)])
    assert listing.schools(county)[0].state == listing.PENDING
    enrol.confirm_school(county, SCHOOL_CODE, own)
    assert listing.schools(county)[0].state == listing.ACTIVE


def test_digits_confirmed_before_the_first_package(county: Ledger, school: Ledger) -> None:
    own = join(county, school, confirm=False)
    enrol.confirm_school(county, SCHOOL_CODE, own)
    assert listing.schools(county)[0].state == listing.PINNED


# --- disputes -------------------------------------------------------------------------------


def _override(county: Ledger, school: Ledger, tmp_path: Path) -> str:
    join(county, school)
    pupil = add_pupil(school)
    importer.import_files(county, [e.path for e in exporter.export(school, tmp_path / "a")])
    school.students.edit(pupil, {"name": "王小明"})
    county.students.edit(pupil, {"name": "王晓明"})
    importer.import_files(school, [e.path for e in exporter.export(county, tmp_path / "b")])
    return pupil


def test_a_dispute_is_recorded_and_shown_while_the_correction_stands(
    county: Ledger, school: Ledger, tmp_path: Path
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    pupil = _override(county, school, tmp_path)
    ent = f"student:{pupil}"
    assert school.conflicts.get(ent, "name").kind == "override"
    assert disputes.disputed(school) == {}
    with pytest.raises(ValidationError, match="异议理由不能为空"):
        disputes.dispute(school, ent, "name", "  ")
    changes = disputes.dispute(school, ent, "name", "户口本上是小明")
    assert changes.events == 1
    assert disputes.disputed(school) == {(ent, "name"): "2026-11-22 10:00"}
    assert school.conflicts.count() == 1 and school.queries.student(pupil)["name"] == "王晓明"
    school.conflicts.resolve(ent, "name", "王晓明")  # 知道了
    assert disputes.disputed(school) == {}


def test_only_a_county_correction_can_be_disputed(county: Ledger, school: Ledger,
                                                  tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    join(county, school)
    pupil = add_pupil(school)
    importer.import_files(county, [e.path for e in exporter.export(school, tmp_path / "a")])
    school.students.edit(pupil, {"address": "石门村二组"})
    county.students.edit(pupil, {"address": "石门村三组"})
    importer.import_files(school, [e.path for e in exporter.export(county, tmp_path / "b")])
    with pytest.raises(NotFound, match="不是县教育局的更正"):
        disputes.dispute(school, f"student:{pupil}", "address", "不对")



@pytest.mark.parametrize(("accept", "name"), [(True, "王小明"), (False, "王晓明")])
def test_the_county_answers_a_dispute_and_the_answer_reaches_the_school(
    county: Ledger, school: Ledger, tmp_path: Path, accept: bool, name: str
) -> None:
    for folder in ("a", "b", "c", "d"):
        (tmp_path / folder).mkdir()
    pupil = _override(county, school, tmp_path)
    ent = f"student:{pupil}"
    with pytest.raises(InputRefused, match="只有县级台账"):
        disputes.queue(school)
    assert disputes.queue(county) == []
    disputes.dispute(school, ent, "name", "户口本上是小明")
    importer.import_files(county, [e.path for e in exporter.export(school, tmp_path / "c")])

    [case] = disputes.queue(county)
    assert (case.school_name, case.label, case.student_name) == ("坪坝镇中心学校", "姓名", "王晓明")
    assert (case.county_value, case.school_value, case.note) == ("王晓明", "王小明", "户口本上是小明")
    with pytest.raises(ValidationError, match="答复不能为空"):
        disputes.answer(county, case.eid, accept=accept, note=" ")
    disputes.answer(county, case.eid, accept=accept, note="已核对户口本")
    assert disputes.queue(county) == [] and county.conflicts.count() == 0
    assert county.queries.student(pupil)["name"] == name
    with pytest.raises(NotFound, match="已经答复过"):
        disputes.answer(county, case.eid, accept=accept, note="再答一次")

    importer.import_files(school, [e.path for e in exporter.export(county, tmp_path / "d")])
    assert school.conflicts.count() == 0 and school.queries.student(pupil)["name"] == name
    [notice] = [n for n in notices.notices(school) if n.topic == "dispute"]
    assert notice.student_id == pupil and "已核对户口本" in notice.text
    assert ("采纳" in notice.text) == accept and f"“{name}”" in notice.text
