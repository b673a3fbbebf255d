import pytest

from dropout_ledger.errors import NotFound, ValidationError
from dropout_ledger.model.status import Status


@pytest.fixture
def case(ledger, add_student):
    sid = add_student()
    ledger.status.change(sid, Status.SUSPECTED, effective_date="2026-10-10", reason_code="04")
    return sid, ledger.queries.student(sid)["case_id"]


def test_a_visit_is_recorded_with_every_field(ledger, case):
    sid, case_id = case
    changes = ledger.records.add("visit", {
        "student_id": sid, "case_id": case_id, "date": "2026-10-11", "mode": "家访",
        "participants": "李老师、王主任", "met": "学生祖母", "attitude": "hesitant",
        "result": "答应周一返校", "next_step": "周一核实到校"})
    visit = ledger.queries.record("visit", changes.created[0])
    assert visit["mode"] == "home"
    assert visit["participants"] == ["李老师", "王主任"]
    assert visit["student_id"] == sid and visit["case_id"] == case_id


def test_missing_and_unknown_fields_are_refused_together(ledger, case):
    sid, _ = case
    with pytest.raises(ValidationError) as refused:
        ledger.records.add("visit", {"student_id": sid, "date": "2026-10-11", "weather": "雨"})
    assert {p.field for p in refused.value.problems} == {"mode", "participants", "weather"}


def test_a_record_for_an_unknown_student_or_foreign_case_is_refused(ledger, case, add_student):
    sid, case_id = case
    with pytest.raises(NotFound):
        ledger.records.add("absence", {"student_id": "0" * 32, "date": "2026-10-01"})
    other = add_student()
    with pytest.raises(ValidationError, match="不属于"):
        ledger.records.add("report", {"student_id": other, "case_id": case_id,
                                      "date": "2026-10-12", "recipients": ["township"],
                                      "summary": "报告"})


def test_a_notice_gets_its_delivery_receipt_later(ledger, case):
    sid, case_id = case
    notice = ledger.records.add("notice", {
        "student_id": sid, "case_id": case_id, "date": "2026-10-12", "guardian_name": "张大山",
        "return_by": "2026-12-01"}).created[0]
    ledger.records.amend("notice", notice, {"delivered_date": "2026-10-13",
                                            "delivered_to": "张大山", "receipt_signed": True})
    row = ledger.queries.record("notice", notice)
    assert (row["delivered_date"], row["receipt_signed"], row["return_by"]) == (
        "2026-10-13", 1, "2026-12-01")
    with pytest.raises(ValidationError, match="不能修改"):
        ledger.records.amend("notice", notice, {"student_id": sid})


def test_the_case_stage_follows_its_latest_live_escalation(ledger, case):
    sid, case_id = case
    steps = [ledger.records.add("escalation", {"case_id": case_id, "stage": stage, "date": day})
             .created[0] for stage, day in (("L1", "2026-10-11"), ("L3", "2026-10-14"))]
    assert ledger.queries.record("case", case_id)["stage"] == "L3"
    ledger.records.retract("escalation", steps[1], "阶段登记错误")
    assert ledger.queries.record("case", case_id)["stage"] == "L1"


def test_pairing_logs_belong_to_their_pairing_and_student(ledger, add_student):
    sid = add_student()
    pairing = ledger.records.add("pairing", {"student_id": sid, "teacher": "罗老师",
                                             "start_date": "2026-09-10", "kind": "心理"}).created[0]
    log = ledger.records.add("pairing_log", {"pairing_id": pairing, "date": "2026-10-01",
                                             "content": "谈心"}).created[0]
    assert ledger.queries.record("pairing_log", log)["student_id"] == sid


def test_money_is_kept_in_fen_and_never_as_a_float(ledger, add_student):
    sid = add_student()
    ledger.records.add("subsidy", {"student_id": sid, "item": "living_day", "period": "2026秋",
                                   "amount_fen": 37500, "standard_fen": 75000})
    assert ledger.queries.records("subsidy", student_id=sid)[0]["amount_fen"] == 37500
    with pytest.raises(ValidationError, match="分"):
        ledger.records.add("subsidy", {"student_id": sid, "item": "living_day",
                                       "period": "2026秋", "amount_fen": 375.0})


def test_a_record_dated_before_the_birth_is_refused(ledger, add_student):
    sid = add_student(grade=1)
    with pytest.raises(ValidationError, match="早于学生出生日期"):
        ledger.records.add("absence", {"student_id": sid, "date": "2001-01-01"})


def test_attachments_are_stored_once_by_content(ledger, case):
    sid, case_id = case
    scan = b"%PDF-1.4 synthetic scan"
    digest, first = ledger.records.add_attachment(scan, name="回执.pdf", mime="application/pdf")
    again, second = ledger.records.add_attachment(scan, name="回执副本.pdf",
                                                  mime="application/pdf")
    assert digest == again and first.events == 1 and second.events == 0
    assert ledger.records.attachment(digest) == scan
    ledger.records.add("report", {"student_id": sid, "case_id": case_id, "date": "2026-10-12",
                                  "recipients": "township,bureau", "summary": "情况报告",
                                  "attachments": [digest]})
    with pytest.raises(NotFound):
        ledger.records.add("report", {"student_id": sid, "date": "2026-10-12",
                                      "recipients": ["bureau"], "summary": "x",
                                      "attachments": ["f" * 64]})
    with pytest.raises(ValidationError, match="“virus.exe”不是照片或PDF扫描件"):
        ledger.records.add_attachment(b"MZ", name="virus.exe", mime="application/x-msdownload")


def test_cases_are_opened_by_status_changes_only(ledger, add_student):
    sid = add_student()
    with pytest.raises(ValidationError, match="自动建立"):
        ledger.records.add("case", {"student_id": sid, "opened_date": "2026-10-01"})


def test_a_whole_class_of_absences_is_all_or_nothing(ledger, add_student):
    class_ = [add_student(grade=4) for _ in range(3)]
    rows = [{"student_id": sid, "date": "2026-11-20"} for sid in class_]
    rows[1]["date"] = "2026-11-31"
    with pytest.raises(ValidationError, match="第2行"):
        ledger.records.add_many("absence", rows)
    assert ledger.queries.records("absence") == []
    rows[1]["date"] = "2026-11-19"
    assert len(ledger.records.add_many("absence", rows).created) == 3


# --- 证明材料 and attachments ------------------------------------------------------------------

PNG = bytes.fromhex(  # a real 1×1 PNG
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082")
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64 + b"\xff\xd9"
PDF = (b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
       b"2 0 obj <</Type /Pages /Kids [3 0 R 4 0 R] /Count 2>> endobj\n"
       b"3 0 obj <</Type /Page /Parent 2 0 R>> endobj\n"
       b"4 0 obj <</Type/Page /Parent 2 0 R>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")


def _blob_count(ledger) -> int:
    return ledger.conn.execute("SELECT count(*) FROM blobs").fetchone()[0]


def test_a_document_stores_its_files_and_record_in_one_write(ledger, case):
    from dropout_ledger.services.documents import add_document
    from tests.core.conftest import event_count

    sid, case_id = case
    before = event_count(ledger)
    changes = add_document(ledger, sid, " 在读证明 ", "2026-11-20",
                           [("证明.png", PNG), ("IMG_0001", JPEG), ("回执.pdf", PDF)],
                           case_id=case_id, note="接收学校盖章")
    assert changes.events == 4 == event_count(ledger) - before  # three files, one record
    assert changes.students == {sid} and changes.records and changes.warnings == ()
    doc = ledger.queries.record("document", changes.created[0])
    assert (doc["title"], doc["date"], doc["case_id"], doc["note"]) == (
        "在读证明", "2026-11-20", case_id, "接收学校盖章")
    types = dict(ledger.conn.execute("SELECT name, mime FROM attachments"))
    assert types == {"证明.png": "image/png", "IMG_0001": "image/jpeg",
                     "回执.pdf": "application/pdf"}  # read from the bytes: no extension needed
    assert sorted(ledger.records.attachment(d) for d in doc["attachments"]) == sorted(
        [PNG, JPEG, PDF])
    # One write is one undo step: undoing it retracts the document (the blobs stay, as evidence).
    from dropout_ledger.services.undo import undo_last
    undo_last(ledger)
    assert ledger.queries.record("document", changes.created[0])["retracted"]


@pytest.mark.parametrize(("name", "data", "words"), [
    ("说明.txt", "学生已返校".encode(), "不是照片或PDF"),
    ("照片.jpg", b"just text renamed to jpg", "改过名"),
    ("IMG_2001.HEIC", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 20, "兼容性最佳"),
    ("通知.docx", b"PK\x03\x04" + b"\x00" * 20, "另存为 PDF"),
    ("空.png", b"", "空文件"),
])
def test_other_files_are_refused_in_chinese_and_nothing_is_written(ledger, case, name, data,
                                                                   words):
    from dropout_ledger.services.documents import add_document
    from tests.core.conftest import dump

    sid, _ = case
    before = dump(ledger)
    with pytest.raises(ValidationError, match=words) as refused:
        add_document(ledger, sid, "材料", "2026-11-20", [("好的.png", PNG), (name, data)])
    assert refused.value.field == "attachments" and name in refused.value.message
    assert dump(ledger) == before


def test_too_big_or_incomplete_documents_are_refused_and_nothing_is_written(ledger, case):
    from dropout_ledger.services.documents import add_document
    from dropout_ledger.services.records import MAX_ATTACHMENT_BYTES
    from tests.core.conftest import dump

    sid, _ = case
    before = dump(ledger)
    huge = JPEG + b"\x00" * (MAX_ATTACHMENT_BYTES - len(JPEG) + 1)
    with pytest.raises(ValidationError, match="超过 20 MB"):
        add_document(ledger, sid, "照片", "2026-11-20", [("大.jpg", huge)])
    with pytest.raises(ValidationError, match="没有选择文件"):
        add_document(ledger, sid, "照片", "2026-11-20", [])
    with pytest.raises(ValidationError) as refused:
        add_document(ledger, sid, "  ", "2026-11-20", [("a.png", PNG)])
    assert refused.value.field == "title"
    with pytest.raises(ValidationError, match="早于学生出生日期"):
        add_document(ledger, sid, "照片", "2001-01-01", [("a.png", PNG)])
    assert dump(ledger) == before
    # A file of exactly 20 MB is kept whole: originals are evidence, never re-compressed.
    exact = JPEG + b"\x00" * (MAX_ATTACHMENT_BYTES - len(JPEG))
    doc = add_document(ledger, sid, "原图", "2026-11-20", [("原图.jpg", exact)]).created[0]
    digest = ledger.queries.record("document", doc)["attachments"][0]
    assert ledger.records.attachment(digest) == exact


def test_the_same_photo_twice_is_one_blob_and_a_warning(ledger, case):
    from dropout_ledger.services.documents import add_document

    sid, _ = case
    add_document(ledger, sid, "送达回证", "2026-11-20", [("回证.png", PNG), ("回证副本.png", PNG)])
    again = add_document(ledger, sid, "回证（再次）", "2026-11-21", [("回证2.png", PNG)])
    assert _blob_count(ledger) == 1
    assert again.events == 1  # only the record: the file is known
    assert again.warnings and "送达回证" in again.warnings[0]
    assert ledger.queries.records("document", student_id=sid)[0]["attachments"] == [
        ledger.queries.records("document", student_id=sid)[1]["attachments"][0]]


def test_add_attachment_reads_the_type_from_the_bytes(ledger):
    digest, first = ledger.records.add_attachment(PNG, name="scan.pdf")
    assert first.events == 1
    assert ledger.conn.execute("SELECT mime FROM attachments").fetchone()[0] == "image/png"
    with pytest.raises(ValidationError, match="不符"):
        ledger.records.add_attachment(JPEG, name="a.png", mime="image/png")
    # Adding the same bytes again restores a blob that went missing (verify reports those).
    ledger.conn.execute("DELETE FROM blobs")
    _, again = ledger.records.add_attachment(PNG, name="scan.png")
    assert again.events == 0 and ledger.records.attachment(digest) == PNG


def test_visits_can_carry_photos_in_the_same_write(ledger, case):
    sid, case_id = case
    changes = ledger.records.add_with_files("visit", {
        "student_id": sid, "case_id": case_id, "date": "2026-11-20", "mode": "home",
        "participants": ["李老师"]}, [("家访.jpg", JPEG)])
    assert changes.events == 2
    assert ledger.queries.record("visit", changes.created[0])["attachments"] == [
        ledger.conn.execute("SELECT hash FROM attachments").fetchone()[0]]
    with pytest.raises(ValidationError, match="不能附加文件"):
        ledger.records.add_with_files("subsidy", {"student_id": sid}, [("a.png", PNG)])


def test_student_evidence_lists_every_file_with_its_record(ledger, case, add_student):
    from dropout_ledger.model.status import Status
    from dropout_ledger.services.documents import add_document, student_evidence

    sid, case_id = case
    add_document(ledger, sid, "在读证明", "2026-11-18", [("证明.pdf", PDF)])
    visit = ledger.records.add_with_files("visit", {
        "student_id": sid, "case_id": case_id, "date": "2026-11-19", "mode": "home",
        "participants": ["李老师"]}, [("家访.jpg", JPEG)]).created[0]
    gone = add_document(ledger, sid, "拍错了", "2026-11-20", [("错.png", PNG)]).created[0]
    ledger.records.retract("document", gone, "拍错了学生")
    digest, _ = ledger.records.add_attachment(PNG, name="回校照片.png")
    ledger.status.change(sid, Status.ENROLLED, effective_date="2026-11-21",
                         closure_reason="at_school", closure_evidence="已返校上课",
                         attachments=[digest])
    add_document(ledger, add_student(), "别人的", "2026-11-20", [("x.jpg", JPEG + b"x")])

    items = student_evidence(ledger.queries, sid)
    assert [(e.date, e.source, e.title, e.name, e.mime) for e in items] == [
        ("2026-11-21", "销号依据", "销号依据", "错.png", "image/png"),  # same bytes: first name
        ("2026-11-19", "劝返记录（家访）", "劝返记录（家访）", "家访.jpg", "image/jpeg"),
        ("2026-11-18", "证明材料", "在读证明", "证明.pdf", "application/pdf"),
    ]
    assert items[1].record_id == visit and items[0].note == "已返校上课"
    assert items[2].size == len(PDF) and not items[2].is_image and items[0].is_image


def test_pdf_pages_and_reading_files(tmp_path):
    from dropout_ledger.services.documents import pdf_pages, read_files
    from dropout_ledger.services.records import MAX_ATTACHMENT_BYTES

    assert pdf_pages(PDF) == 2 and pdf_pages(b"%PDF-1.7 compressed") is None
    (tmp_path / "a.png").write_bytes(PNG)
    with (tmp_path / "video.mp4").open("wb") as big:
        big.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: refused by its size, never read
    assert read_files([tmp_path / "a.png"]) == [("a.png", PNG)]
    with pytest.raises(ValidationError) as refused:
        read_files([tmp_path / "video.mp4", tmp_path / "gone.jpg"])
    assert "超过 20 MB" in refused.value.message and "无法读取“gone.jpg”" in refused.value.message
