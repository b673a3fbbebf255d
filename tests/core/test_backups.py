"""Automatic snapshots (before an import, a restore, once a day on opening), their rotation,
the list with counts, 备份到U盘 and restoring from the list as a new replica."""

import contextlib
import os
import subprocess
from pathlib import Path

import pytest
from conftest import event_count

from dropout_ledger.errors import InputRefused
from dropout_ledger.importing import RowsRefused, apply_import, plan_import
from dropout_ledger.ledger import Ledger, restore
from dropout_ledger.services import backups
from dropout_ledger.store import backup, verify

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def _reasons(ledger_path: Path) -> list[str]:
    return [info.reason for info in backups.list_backups(ledger_path)]


def test_an_import_is_preceded_by_a_snapshot_in_the_backup_folder(ledger, ledger_path, add_student):
    add_student()
    result = apply_import(ledger, plan_import(ledger, DATA / "last_row_error.xlsx"),
                          skip_invalid=True)
    assert result.backup is not None and result.backup.parent == ledger_path.parent / "备份"
    assert ".import-20261122-100000" in result.backup.name
    (info,) = [i for i in backups.list_backups(ledger_path) if i.reason == "import"]
    assert info.path == result.backup and info.students == 1 and not info.damaged


def test_a_refused_import_takes_no_snapshot(ledger, ledger_path):
    with pytest.raises(RowsRefused):
        apply_import(ledger, plan_import(ledger, DATA / "last_row_error.xlsx"))
    assert "import" not in _reasons(ledger_path)


def test_the_first_opening_of_the_day_takes_one_daily_snapshot(ledger, ledger_path, clock,
                                                               add_student):
    add_student()
    ledger.close()
    assert _reasons(ledger_path) == []  # creating a ledger takes none: it is empty
    with Ledger.open(ledger_path, clock=clock):
        pass
    clock.advance(hours=3)
    with Ledger.open(ledger_path, clock=clock):
        pass
    assert _reasons(ledger_path) == ["daily"]
    clock.advance(days=1)
    with Ledger.open(ledger_path, clock=clock) as opened:
        add_student_count = opened.queries.count("all")
    infos = backups.list_backups(ledger_path)
    assert [i.reason for i in infos] == ["daily", "daily"]
    assert infos[0].taken_at.date().isoformat() == "2026-11-23"
    assert infos[0].students == add_student_count == 1


def test_opening_a_snapshot_does_not_snapshot_it_again(ledger, ledger_path, clock):
    taken = backups.backup_now(ledger)
    clock.advance(days=1)
    with Ledger.open(taken, clock=clock):
        pass
    assert not (taken.parent / "备份").exists()


def test_rotation_keeps_the_last_seven_daily_and_ten_event_snapshots(ledger, ledger_path, clock):
    ledger.close()
    for _ in range(9):
        with Ledger.open(ledger_path, clock=clock) as opened:
            backups.backup_now(opened)
            backups.backup_now(opened)
        clock.advance(days=1)
    infos = backups.list_backups(ledger_path)
    daily = [i.taken_at.date().isoformat() for i in infos if i.reason == "daily"]
    manual = [i for i in infos if i.reason == "manual"]
    assert len(daily) == backup.KEEP_DAILY == 7
    assert daily[0] == "2026-11-30" and daily[-1] == "2026-11-24"  # the newest seven
    assert len(manual) == backup.KEEP_EVENT == 10
    assert manual[-1].taken_at.date().isoformat() == "2026-11-26"
    assert len(list((ledger_path.parent / "备份").iterdir())) == 17


def test_the_listed_counts_are_the_snapshot_s_real_counts(ledger, ledger_path, add_student):
    for _ in range(3):
        add_student()
    taken = backups.backup_now(ledger)
    add_student()
    (info,) = backups.list_backups(ledger_path)
    with Ledger.open(taken) as snap:
        assert (info.students, info.events) == (snap.queries.count("all"), event_count(snap))
    assert info.students == 3 and info.size == taken.stat().st_size


def test_a_damaged_snapshot_is_listed_as_damaged(ledger, ledger_path, add_student):
    add_student()
    good = backups.backup_now(ledger)
    cut = good.with_name(f"{ledger_path.stem}.import-20261101-080000.sqlite")
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    junk = good.with_name(f"{ledger_path.stem}.daily-20261102-080000.sqlite")
    junk.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    other = good.with_name("别的文件.txt")
    other.write_text("不是备份", encoding="utf-8")
    infos = {i.path.name: i for i in backups.list_backups(ledger_path)}
    assert set(infos) == {good.name, cut.name, junk.name}
    assert not infos[good.name].damaged and infos[good.name].students == 1
    for name in (cut.name, junk.name):
        assert infos[name].damaged and infos[name].students is None and infos[name].problem


@pytest.fixture
def readonly_folder(tmp_path):
    """A folder nobody may write to, even root (chattr +i), like a write-protected stick."""
    folder = tmp_path / "只读U盘"
    folder.mkdir()
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
            pytest.skip("cannot make a read-only folder here")
    else:
        folder.chmod(0o555)
    yield folder
    with contextlib.suppress(Exception):
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    folder.chmod(0o755)


def test_backup_to_a_read_only_stick_fails_in_chinese_and_leaves_nothing(ledger, readonly_folder):
    events = event_count(ledger)
    with pytest.raises(InputRefused, match="没有备份成功.*不能写入") as refused:
        backups.backup_to_folder(ledger, readonly_folder)
    assert "没有留下不完整的文件" in refused.value.message
    assert list(readonly_folder.iterdir()) == []
    assert event_count(ledger) == events  # no audit record of a backup that did not happen


def test_backup_to_a_stick_is_a_whole_ledger_and_audited(ledger, add_student, tmp_path):
    kept = add_student()
    stick = tmp_path / "U盘"
    stick.mkdir()
    out = backups.backup_to_folder(ledger, stick)
    assert out.name == "坪坝镇中心学校台账备份-20261122-100000.sqlite"
    assert [p.name for p in stick.iterdir()] == [out.name]
    with Ledger.open(out) as copy:
        assert copy.queries.student(kept) is not None
    bodies = [b for (b,) in ledger.conn.execute("SELECT body FROM events WHERE kind = 'audit'")]
    assert any(b'"action":"backup"' in b for b in bodies)


def test_backup_to_a_missing_folder_is_refused(ledger, tmp_path):
    with pytest.raises(InputRefused, match="找不到文件夹"):
        backups.backup_to_folder(ledger, tmp_path / "拔掉的U盘")


def test_restoring_from_the_list_gives_the_old_data_and_a_new_replica(ledger, ledger_path,
                                                                      add_student):
    kept = add_student()
    backups.backup_now(ledger)
    later = add_student()
    old_replica = ledger.replica
    (chosen,) = backups.list_backups(ledger_path)

    changes = backups.restore_from(ledger, chosen.path)

    assert changes.roster
    assert ledger.queries.student(kept) is not None and ledger.queries.student(later) is None
    assert ledger.replica != old_replica
    start = ledger.conn.execute(
        "SELECT parent_rep, reason FROM replicas WHERE rep = ?", (ledger.replica,)
    ).fetchone()
    assert start == (old_replica, "restore")
    assert all(c.ok for c in verify.verify(ledger.conn, ledger_path))
    again = add_student()  # writes go on, on the new replica
    assert ledger.queries.student(again) is not None
    safety = [i for i in backups.list_backups(ledger_path) if i.reason == "restore"]
    assert len(safety) == 1 and safety[0].students == 2  # the state before the restore is kept
    ledger.close()
    with Ledger.open(ledger_path) as reopened:
        assert reopened.replica == ledger.replica
        assert reopened.queries.student(later) is None


def test_restoring_a_damaged_snapshot_changes_nothing(ledger, ledger_path, add_student):
    add_student()
    good = backups.backup_now(ledger)
    cut = good.with_name(f"{ledger_path.stem}.import-20261101-080000.sqlite")
    cut.write_bytes(good.read_bytes()[:3000])
    add_student()
    replica = ledger.replica
    with pytest.raises(InputRefused):
        backups.restore_from(ledger, cut)
    assert ledger.queries.count("all") == 2 and ledger.replica == replica


def test_the_closed_restore_path_keeps_the_oldest_snapshot_it_restores_from(
        ledger, ledger_path, add_student, clock):
    add_student()
    oldest = backups.backup_now(ledger)
    add_student()
    for _ in range(backup.KEEP_EVENT - 1):
        backups.backup_now(ledger)
    ledger.close()
    restore(ledger_path, oldest, clock=clock)
    assert oldest.exists()
    with Ledger.open(ledger_path, clock=clock) as restored:
        assert restored.queries.count("all") == 1
    assert len([i for i in backups.list_backups(ledger_path) if i.reason != "daily"]) == 10


def test_a_daily_snapshot_that_cannot_be_written_does_not_stop_opening(ledger, ledger_path,
                                                                       clock, tmp_path):
    ledger.close()
    folder = ledger_path.parent / "备份"
    folder.write_text("一个同名文件挡住了备份文件夹", encoding="utf-8")
    with Ledger.open(ledger_path, clock=clock) as opened:
        assert opened.backup_problem and "自动备份没有成功" in opened.backup_problem
    folder.unlink()
