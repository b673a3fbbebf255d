import pytest

from dropout_ledger.store import verify


@pytest.fixture
def school(ledger, add_student):
    for _ in range(5):
        add_student()
    return ledger


def _by_name(checks):
    return {c.name: c for c in checks}


def test_a_healthy_ledger_passes_every_check(school):
    checks = verify.verify(school.conn, school.path)
    assert [c.ok for c in checks] == [True, True, True, True]
    assert len(verify.fingerprint(school.conn)) == 12


def test_a_projection_edited_behind_the_ledgers_back_is_found(school):
    school.conn.execute("UPDATE students SET name = '篡改' WHERE rowid = 1")
    checks = _by_name(verify.verify(school.conn, school.path))
    rebuilt = checks["由事件重建的数据与现有数据一致"]
    assert not rebuilt.ok
    assert any("students" in p for p in rebuilt.problems)


def test_an_event_body_changed_on_disk_breaks_the_chain(school):
    school.conn.execute("DROP TRIGGER events_no_update")
    school.conn.execute(
        "UPDATE events SET body = CAST(replace(CAST(body AS TEXT), '班', '组') AS BLOB)"
        " WHERE kind = 'student_create' AND seq = (SELECT min(seq) FROM events"
        " WHERE kind = 'student_create')")
    chain = _by_name(verify.verify(school.conn, school.path))["事件哈希链"]
    assert not chain.ok
    assert any("内容被改动" in p for p in chain.problems)


def test_a_deleted_event_is_reported_as_a_gap(school):
    school.conn.execute("DROP TRIGGER events_no_delete")
    school.conn.execute("DELETE FROM events WHERE seq = 4")
    chain = _by_name(verify.verify(school.conn, school.path))["事件哈希链"]
    assert any("序号不连续" in p for p in chain.problems)
    assert any("链接断开" in p for p in chain.problems)


def test_a_missing_attachment_blob_is_reported(school):
    digest, _ = school.records.add_attachment(b"\x89PNG synthetic", name="照片.png",
                                              mime="image/png")
    school.conn.execute("DELETE FROM blobs")
    blobs = _by_name(verify.verify(school.conn, school.path))["附件"]
    assert not blobs.ok and digest[:12] in blobs.problems[0]
