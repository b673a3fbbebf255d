"""Photos and scans on a real demo ledger: adding, refusing, thumbnails, viewing, PDFs.

Images are made in the test with QImage and saved as real PNG/JPEG bytes; the PDF is a minimal
hand-written one. The file dialogs and the system's PDF reader are the edges replaced here (they
block on a person or start another program); the ledger, the runner and the widgets are real.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from boxes import Boxes
from PySide6.QtCore import QBuffer, QIODevice, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from dropout_ledger.ledger import Ledger
from dropout_ledger.services.documents import add_document, student_evidence
from ui.ops import ImmediateRunner, ThreadRunner
from ui.widgets import attachments
from ui.widgets.attachments import (
    CACHE,
    THUMB_SIZE,
    VIEW_FOLDER,
    AddDocumentDialog,
    AttachmentStrip,
    ImageViewer,
    is_picture,
)

PDF = (b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
       b"2 0 obj <</Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3>> endobj\n"
       b"3 0 obj <</Type /Page /Parent 2 0 R>> endobj\n"
       b"4 0 obj <</Type /Page /Parent 2 0 R>> endobj\n"
       b"5 0 obj <</Type /Page /Parent 2 0 R>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")


def image_bytes(width: int, height: int, fmt: str, colour: str = "#4caf50",
                turned: bool = False) -> bytes:
    """A real picture file; `turned` stores it with EXIF orientation 6 ("turn 90° to view"),
    as a phone held upright writes it: stored `width`×`height`, seen `height`×`width`."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    data = bytes(buffer.data())
    if not turned:
        return data
    # APP1 "Exif": big-endian TIFF header, one IFD entry: Orientation (0x0112), SHORT, 1, 6.
    tiff = (b"MM\x00\x2a\x00\x00\x00\x08" + b"\x00\x01"
            + b"\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00" + b"\x00" * 4)
    body = b"Exif\x00\x00" + tiff
    app1 = b"\xff\xe1" + (len(body) + 2).to_bytes(2, "big") + body
    return data[:2] + app1 + data[2:]


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """Each test decodes for itself: the thumbnail cache outlives widgets on purpose."""
    CACHE.clear()
    yield
    CACHE.clear()


@pytest.fixture
def pupil(ledger: Ledger) -> str:
    """A pupil with an open case and no files yet (the demo's dropouts have scans)."""
    found = ledger.queries.roster("suspected")[0].student_id
    assert not ledger.queries.records("document", student_id=found)
    return found


@pytest.fixture
def strip(qtbot: QtBot, ledger: Ledger, pupil: str) -> AttachmentStrip:
    made = AttachmentStrip(ImmediateRunner(ledger))
    qtbot.addWidget(made)
    made.set_student(pupil)
    made.runner.bus.changed.connect(
        lambda *_: made.set_items(student_evidence(ledger.queries, pupil)))
    return made


def pick(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(p) for p in paths], ""))


def counts(ledger: Ledger) -> tuple[int, int, int]:
    """(events, blobs, documents): what a refused file must leave as it was."""
    return tuple(ledger.conn.execute(sql).fetchone()[0] for sql in (  # type: ignore[return-value]
        "SELECT count(*) FROM events", "SELECT count(*) FROM blobs",
        "SELECT count(*) FROM rec_document"))


def test_adding_photos_and_a_scan_stores_one_document_and_shows_thumbnails(
    qtbot: QtBot, strip: AttachmentStrip, ledger: Ledger, pupil: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wide, tall = tmp_path / "回证.png", tmp_path / "IMG_2034.jpg"
    wide.write_bytes(image_bytes(400, 200, "png"))
    tall.write_bytes(image_bytes(300, 600, "jpg"))
    (tmp_path / "在读证明.pdf").write_bytes(PDF)
    pick(monkeypatch, wide, tall, tmp_path / "在读证明.pdf")
    assert strip.add_button.text() == "添加照片或扫描件…"
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    dialog = strip.last_dialog
    assert isinstance(dialog, AddDocumentDialog)
    assert dialog.title_edit.text() == "回证"  # the first file's name, selected for retyping
    assert dialog.files.count() == 3 and dialog.save_button.isEnabled()
    dialog.title_edit.clear()
    assert not dialog.save_button.isEnabled() and "请填写材料名称" in dialog.hint_label.text()
    dialog.title_edit.setText("送达回证和在读证明")
    dialog.note_edit.setText("监护人已签字")
    with qtbot.waitSignal(strip.thumbnails_loaded):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    (doc,) = ledger.queries.records("document", student_id=pupil)
    student = ledger.queries.student(pupil)
    assert (doc["title"], doc["note"], doc["date"], doc["case_id"]) == (
        "送达回证和在读证明", "监护人已签字", ledger.clock.today().isoformat(), student["case_id"])
    stored = {ledger.records.attachment(d) for d in doc["attachments"]}
    assert stored == {wide.read_bytes(), tall.read_bytes(), PDF}  # originals, byte for byte
    assert "已保存" in strip.message_label.text()

    assert strip.list.count() == 3
    shown = {item.name: strip.thumbnail(item.digest) for item in strip.items}
    assert shown["回证.png"].size() == QSize(160, 80)  # aspect kept inside 160×120
    assert shown["IMG_2034.jpg"].size() == QSize(60, 120)
    assert shown["在读证明.pdf"].size() == THUMB_SIZE and not is_picture(shown["在读证明.pdf"])
    assert is_picture(shown["回证.png"])
    assert {strip.list.item(r).text() for r in range(3)} == {"送达回证和在读证明"}


@pytest.mark.parametrize(("name", "data"), [
    ("说明.txt", "学生已返校，特此说明。".encode()),
    ("照片.jpg", b"this is a text file renamed to .jpg"),
])
def test_other_files_are_refused_in_chinese_and_nothing_is_written(
    qtbot: QtBot, strip: AttachmentStrip, ledger: Ledger, tmp_path: Path, name: str, data: bytes,
) -> None:
    good = tmp_path / "好.png"
    good.write_bytes(image_bytes(40, 40, "png"))
    bad = tmp_path / name
    bad.write_bytes(data)
    before = counts(ledger)
    dialog = strip.add_files([str(good), str(bad)])
    assert not dialog.save_button.isEnabled()
    assert f"“{name}”" in dialog.hint_label.text()
    assert "不是照片或PDF" in dialog.hint_label.text() or "改过名" in dialog.hint_label.text()
    dialog.save()  # even if forced, nothing is saved
    assert counts(ledger) == before


def test_a_file_changed_after_checking_is_refused_by_the_core_with_one_message(
    strip: AttachmentStrip, ledger: Ledger, tmp_path: Path, boxes: Boxes,
) -> None:
    photo = tmp_path / "家访.jpg"
    photo.write_bytes(image_bytes(80, 60, "jpg"))
    before = counts(ledger)
    dialog = strip.add_files([str(photo)])
    assert dialog.save_button.isEnabled()
    photo.write_bytes(b"MZ not a photo any more")
    dialog.save()
    assert boxes.shown == [("warning", "“家访.jpg”的名字像照片或PDF，但内容不是，"
                                       "可能是改过名的其他文件（只能添加 JPG、PNG 照片或 PDF 扫描件）")]
    assert counts(ledger) == before
    assert dialog.isVisible() and dialog.save_button.isEnabled()  # kept open, still filled in


def test_the_same_photo_twice_is_one_blob_and_the_page_says_so(
    strip: AttachmentStrip, ledger: Ledger, pupil: str, tmp_path: Path,
) -> None:
    photo = tmp_path / "回证.jpg"
    photo.write_bytes(image_bytes(120, 90, "jpg"))
    blobs = ledger.conn.execute("SELECT count(*) FROM blobs").fetchone()[0]
    for title in ("送达回证", "送达回证（又一次）"):
        dialog = strip.add_files([str(photo)])
        dialog.title_edit.setText(title)
        dialog.save()
    assert ledger.conn.execute("SELECT count(*) FROM blobs").fetchone()[0] == blobs + 1
    assert len(ledger.queries.records("document", student_id=pupil)) == 2
    assert "注意" in strip.message_label.text() and "送达回证" in strip.message_label.text()


def test_thumbnails_are_decoded_on_the_worker_thread(
    qtbot: QtBot, ledger: Ledger, pupil: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_document(ledger, pupil, "家访照片", ledger.clock.today(),
                 [("家访.jpg", image_bytes(640, 480, "jpg", turned=True))])
    threads: list[int] = []
    decode = attachments.decode_image

    def watched(data: bytes, box: QSize) -> QImage:
        threads.append(threading.get_ident())
        return decode(data, box)

    monkeypatch.setattr(attachments, "decode_image", watched)
    runner = ThreadRunner(ledger)
    try:
        strip = AttachmentStrip(runner)
        qtbot.addWidget(strip)
        with qtbot.waitSignal(strip.thumbnails_loaded, timeout=5000):
            strip.set_items(student_evidence(ledger.queries, pupil))
        assert threads and threading.get_ident() not in threads
        # Stored sideways with the phone's "turn 90°": shown upright, 480 wide by 640 high.
        assert strip.thumbnail(strip.items[0].digest).size() == QSize(90, 120)
        with qtbot.waitSignal(strip.thumbnails_loaded, timeout=1000):
            strip.set_items(strip.items)  # cached: nothing is decoded again
        assert len(threads) == 1
    finally:
        runner.close()


def test_a_photo_opens_in_the_viewer_scaled_to_fit(
    qtbot: QtBot, strip: AttachmentStrip, ledger: Ledger, pupil: str,
) -> None:
    add_document(ledger, pupil, "病历证明", ledger.clock.today(),
                 [("病历.png", image_bytes(1600, 800, "png"))])
    strip.set_items(student_evidence(ledger.queries, pupil))
    viewer = strip.open_item(0)
    assert isinstance(viewer, ImageViewer)
    viewer.resize(700, 600)
    qtbot.waitExposed(viewer)
    room = viewer.picture.size()
    shown = viewer.picture.shown_size()
    assert shown.width() <= room.width() and shown.height() <= room.height()
    assert max(shown.width() == room.width(), shown.height() == room.height())
    assert abs(shown.width() / shown.height() - 2.0) < 0.02
    assert "病历证明" in viewer.windowTitle() and "病历.png" in viewer.caption.text()
    viewer.close()


def test_a_pdf_opens_in_the_system_reader_from_a_temporary_copy(
    strip: AttachmentStrip, ledger: Ledger, pupil: str, monkeypatch: pytest.MonkeyPatch,
    boxes: Boxes,
) -> None:
    add_document(ledger, pupil, "在读证明", ledger.clock.today(), [("在读证明", PDF)])
    strip.set_items(student_evidence(ledger.queries, pupil))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert strip.open_item(0) is None
    (url,) = opened
    copy = Path(url.toLocalFile())
    assert copy.name == "在读证明.pdf" and copy.read_bytes() == PDF  # .pdf added for Windows
    assert VIEW_FOLDER.path is not None and VIEW_FOLDER.path in copy.parents
    VIEW_FOLDER.clean()  # what runs at exit
    assert not copy.exists()
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    strip.open_item(0)
    assert boxes.shown and "没有能打开 PDF 的程序" in boxes.shown[0][1]
    VIEW_FOLDER.clean()


def test_the_original_can_be_saved_out(
    strip: AttachmentStrip, ledger: Ledger, pupil: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    photo = image_bytes(64, 48, "jpg")
    add_document(ledger, pupil, "家访照片", ledger.clock.today(), [("家访", photo)])
    strip.set_items(student_evidence(ledger.queries, pupil))
    target = tmp_path / "usb" / "家访.jpg"
    suggested: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, _title, name, _filter: (suggested.append(name)
                                                                or (str(target), "")))
    attachments.save_original(strip.runner, strip, strip.items[0])
    assert suggested[0].endswith("家访.jpg") and target.read_bytes() == photo


def test_an_empty_strip_says_what_to_add(strip: AttachmentStrip) -> None:
    strip.set_items([])
    assert not strip.empty_label.isHidden() and strip.list.isHidden()
    assert "送达回证" in strip.empty_label.text()
