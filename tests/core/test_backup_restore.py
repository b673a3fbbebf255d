import pytest
from conftest import TODAY

from dropout_ledger.errors import LedgerOpenError
from dropout_ledger.ledger import Ledger, restore
from dropout_ledger.store import verify


def test_a_backup_restores_the_ledger_as_it_was(ledger, ledger_path, add_student, tmp_path, clock):
    kept = add_student()
    backup = tmp_path / "U盘" / "备份.sqlite"
    ledger.backup(backup)
    later = add_student()
    old_replica = ledger.replica
    ledger.close()

    safety = restore(ledger_path, backup, clock=clock)

    assert safety is not None and safety.exists()
    with Ledger.open(ledger_path, clock=clock) as restored:
        assert restored.queries.student(kept) is not None
        assert restored.queries.student(later) is None
        assert restored.replica != old_replica
        start = restored.conn.execute(
            "SELECT parent_rep, reason FROM replicas WHERE rep = ?", (restored.replica,)
        ).fetchone()
        assert start == (old_replica, "restore")
        assert all(c.ok for c in verify.verify(restored.conn, ledger_path))
        add_student_after = restored.students.add  # writes continue on the new replica
        assert add_student_after
    with Ledger.open(safety) as before_restore:  # the safety copy holds the later student
        assert before_restore.queries.student(later) is not None


def test_a_backup_is_recorded_in_the_log(ledger, tmp_path):
    ledger.backup(tmp_path / "b.sqlite")
    kinds = [r[0] for r in ledger.conn.execute("SELECT body FROM events WHERE kind = 'audit'")]
    assert b'"action":"backup"' in kinds[0]


def test_restoring_from_a_file_that_is_not_a_ledger_changes_nothing(ledger, ledger_path, tmp_path):
    ledger.close()
    before = ledger_path.read_bytes()
    junk = tmp_path / "照片.jpg"
    junk.write_bytes(b"\xff\xd8\xff synthetic")
    with pytest.raises(LedgerOpenError):
        restore(ledger_path, junk)
    assert ledger_path.read_bytes() == before
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_restore_is_refused_while_the_ledger_is_open(ledger, ledger_path, tmp_path):
    ledger.backup(tmp_path / "b.sqlite")
    with pytest.raises(Exception, match="已在另一个窗口"):
        restore(ledger_path, tmp_path / "b.sqlite")


def test_the_safety_copy_name_carries_the_time(ledger, ledger_path, tmp_path, clock):
    ledger.backup(tmp_path / "b.sqlite")
    ledger.close()
    safety = restore(ledger_path, tmp_path / "b.sqlite", clock=clock)
    assert TODAY.strftime("%Y%m%d-%H%M%S") in safety.name


def test_a_backup_never_overwrites_the_ledger_itself(ledger, ledger_path):
    from dropout_ledger.errors import InputRefused

    with pytest.raises(InputRefused, match="不能覆盖台账"):
        ledger.backup(ledger_path)
    assert ledger.queries.count() == 0 and ledger.org.name
