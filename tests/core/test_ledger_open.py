import sqlite3

import pytest

from dropout_ledger.errors import LedgerBusy, LedgerOpenError
from dropout_ledger.ledger import Ledger


def test_a_ledger_reopens_with_its_organisation_and_replica(ledger, ledger_path, clock):
    replica = ledger.replica
    ledger.close()
    with Ledger.open(ledger_path, clock=clock) as again:
        assert again.org.name == "坪坝镇中心学校"
        assert again.org.org_id == "S:2152482101"
        assert again.replica == replica
        assert again.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert again.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    Ledger.open(ledger_path).close()  # the lock was released


def test_a_second_open_of_the_same_ledger_is_refused(ledger, ledger_path):
    with pytest.raises(LedgerBusy, match="已在另一个窗口"):
        Ledger.open(ledger_path)


def test_create_never_overwrites_an_existing_file(ledger_path, ledger):
    ledger.close()
    with pytest.raises(LedgerOpenError, match="已存在"):
        Ledger.create(ledger_path, kind="school", code="2152482102", name="另一所学校")


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    path = tmp_path / "roster.sqlite"
    path.write_text("姓名,身份证号\n", encoding="utf-8")
    with pytest.raises(LedgerOpenError, match="不是控辍保学台账"):
        Ledger.open(path)
    assert path.read_text(encoding="utf-8") == "姓名,身份证号\n"


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(LedgerOpenError, match="其他软件"):
        Ledger.open(path)


def test_a_damaged_ledger_is_refused_not_repaired(ledger, ledger_path, add_student):
    for _ in range(30):
        add_student()
    ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ledger.close()
    data = bytearray(ledger_path.read_bytes())
    data[100:] = bytes(len(data) - 100)  # keep the header, wipe every page
    ledger_path.write_bytes(bytes(data))
    with pytest.raises(LedgerOpenError, match="损坏"):
        Ledger.open(ledger_path)
    assert ledger_path.read_bytes() == bytes(data)


def test_a_ledger_from_a_newer_version_is_refused(ledger, ledger_path):
    ledger.conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('dropout_ledger', 'm999_from_the_future', '2030-01-01')"
    )
    ledger.close()
    before = ledger_path.read_bytes()
    with pytest.raises(LedgerOpenError, match="更新版本"):
        Ledger.open(ledger_path)
    assert ledger_path.read_bytes() == before


def test_a_missing_file_names_the_path(tmp_path):
    with pytest.raises(LedgerOpenError, match="找不到台账文件"):
        Ledger.open(tmp_path / "nope.sqlite")


def test_projections_of_an_older_shape_are_rebuilt_at_open(ledger, ledger_path, add_student):
    sid = add_student()
    ledger.conn.execute("UPDATE local_state SET v = 'old' WHERE k = 'projection_version'")
    ledger.conn.execute("DELETE FROM students")
    ledger.close()
    with Ledger.open(ledger_path) as again:
        assert again.queries.student(sid)["status"] == "enrolled"


def test_a_refused_create_leaves_the_existing_file_alone(ledger, ledger_path):
    ledger.close()
    before = ledger_path.read_bytes()
    with pytest.raises(LedgerOpenError):
        Ledger.create(ledger_path, kind="school", code="2152482101", name="同名学校")
    assert ledger_path.read_bytes() == before
    Ledger.open(ledger_path).close()


def test_create_validates_the_organisation_codes(tmp_path):
    from dropout_ledger.errors import ValidationError

    with pytest.raises(ValidationError, match="学校标识码"):
        Ledger.create(tmp_path / "a.sqlite", kind="school", code="99", name="某校")
    with pytest.raises(ValidationError, match="名称"):
        Ledger.create(tmp_path / "b.sqlite", kind="county", code="524821", name=" ")
    assert not list(tmp_path.glob("*.sqlite"))
