"""Photos and scans on a pupil's page: a strip of thumbnails, a viewer, and 添加证明材料.

Threading. Decoding a 10 MB phone photo takes long enough to freeze the window, so every decode
runs on the ledger's worker thread through `runner.query`, which reads the blob there anyway.
The worker makes `QImage`s only: QImage is plain memory and safe off the GUI thread, while
QPixmap lives in the window system and may only be made on the GUI thread, where the callback
turns each small thumbnail into an icon. `QImageReader.setScaledSize` asks the decoder for the
thumbnail's size directly (JPEG decodes at 1/2, 1/4 or 1/8 scale), so a thumbnail never holds
the full 48-megapixel picture in memory. `setAutoTransform` applies the phone's EXIF rotation,
without which half the photos of a notice would lie on their side.

Thumbnails are cached by SHA-256 for the life of the process: an attachment never changes, so
the cache is never stale, and a page reloaded after a visit is saved decodes nothing again.

Images open in a viewer inside the app (`ImageViewer`). PDFs open in the computer's own PDF
reader (`open_pdf`): the app ships Qt's essentials, which have no PDF renderer, and the reader a
school computer already has (WPS, Edge, Acrobat) zooms, rotates and prints a scan better than a
page we would draw. That reader needs a file, and the bytes live inside the ledger, so a copy is
written to a private temporary folder and the folder is deleted when the app exits: these are
pupils' documents on a shared office computer. A reader that still holds the file open (Windows
locks it) makes that deletion fail; the next start deletes what an earlier run left behind.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import re
import shutil
import tempfile
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QIODevice,
    QPoint,
    QRect,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QIcon,
    QImage,
    QImageIOHandler,
    QImageReader,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from dropout_ledger.errors import InputRefused, LedgerError, ValidationError
from dropout_ledger.fileio import write_bytes
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from dropout_ledger.model.status import Status
from dropout_ledger.services.documents import Evidence, add_document, pdf_pages, read_files
from dropout_ledger.services.records import check_file
from ui import errors
from ui.ops import Runner

THUMB_SIZE = QSize(160, 120)
"""The box a thumbnail fits in, aspect kept: about a palm-sized photo at the page's distance."""
PREVIEW_SIZE = QSize(96, 72)
"""Thumbnails of the chosen files in 添加证明材料: enough to see it is the right photo."""
VIEWER_LIMIT = QSize(3200, 3200)
"""The largest picture the viewer decodes: sharp on a 4K screen, a tenth of a 48 MP photo."""
_CACHE_SIZE = 400  # thumbnails (about 75 kB each): one busy pupil's page many times over
_VIEW_PREFIX = "dropout-ledger-view-"
_STALE_SECONDS = 12 * 3600  # another open app may be using a younger folder
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_LAST_FOLDER: dict[str, Path] = {}  # where files were last picked, for this run
_IMAGE_FILTER = "*.jpg *.jpeg *.png *.pdf *.JPG *.JPEG *.PNG *.PDF"


def _tr(text: str) -> str:
    return QCoreApplication.translate("AttachmentStrip", text)


# ---- decoding (worker thread: QImage and QPainter on QImage only, never QPixmap) -----------


def decode_image(data: bytes, box: QSize) -> QImage:
    """The picture in `data`, rotated upright and scaled down to fit `box`; null if unreadable.

    Pictures smaller than the box keep their size: a thumbnail is never blown up into a blur.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()  # as stored, before the EXIF rotation
    if size.isValid() and not size.isEmpty():
        turned = bool(reader.transformation()
                      & QImageIOHandler.Transformation.TransformationRotate90)
        upright = size.transposed() if turned else size
        if upright.width() > box.width() or upright.height() > box.height():
            fitted = upright.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
            fitted = QSize(max(fitted.width(), 1), max(fitted.height(), 1))
            reader.setScaledSize(fitted.transposed() if turned else fitted)
    image = reader.read()
    buffer.close()
    return image


def _page_outline(painter: QPainter, page: QRect) -> None:
    fold = page.width() // 4
    corner = [QPoint(page.right() - fold, page.top()), QPoint(page.right(), page.top() + fold)]
    painter.setPen(QPen(QColor("#9e9e9e"), 1.5))
    painter.setBrush(QColor("white"))
    painter.drawPolygon([page.topLeft(), corner[0], corner[1], page.bottomRight(),
                         page.bottomLeft()])
    painter.setBrush(QColor("#e0e0e0"))
    painter.drawPolygon([corner[0], QPoint(corner[0].x(), corner[1].y()), corner[1]])


def badge(box: QSize, label: str, line: str, colour: str) -> QImage:
    """A drawn page with a coloured band (`label`, e.g. "PDF") and one line under it.

    Used for PDFs (there is no PDF renderer to draw the first page) and for pictures that
    cannot be decoded, so every attachment still has a tile that can be opened or saved.
    """
    image = QImage(box, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    height = box.height() - 4
    width = min(int(height * 0.78), box.width() - 4)
    page = QRect((box.width() - width) // 2, 2, width, height)
    _page_outline(painter, page)
    band = QRect(page.left() - 6, page.top() + height * 2 // 5, width + 12, height // 4)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(band, 3, 3)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(band.height() * 3 // 5, 8))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(band, Qt.AlignmentFlag.AlignCenter, label)
    if line:
        font.setBold(False)
        font.setPixelSize(max(height // 9, 8))
        painter.setFont(font)
        painter.setPen(QColor("#555555"))
        below = QRect(page.left(), band.bottom() + 4, width, page.bottom() - band.bottom() - 6)
        painter.drawText(below, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, line)
    painter.end()
    image.setText("badge", label)  # drawn, not decoded: no photo frame around it
    return image


def is_picture(image: QImage) -> bool:
    """Whether a thumbnail is a decoded photo or scan (not a drawn PDF or error badge)."""
    return not image.isNull() and not image.text("badge")


@dataclass(frozen=True)
class Labels:
    """Words drawn into badges, translated on the GUI thread before the worker draws them."""

    pages: str       # "{n} 页"
    unreadable: str  # "无法显示"


def thumbnail(data: bytes, mime: str, box: QSize, labels: Labels) -> QImage:
    """The tile picture of one attachment (worker-thread safe)."""
    if mime == "application/pdf":
        pages = pdf_pages(data)
        return badge(box, "PDF", labels.pages.format(n=pages) if pages else "", "#c62828")
    image = decode_image(data, box)
    if image.isNull():
        return badge(box, "?", labels.unreadable, "#757575")
    return image


def load_thumbnails(
    ledger: Ledger, wanted: Sequence[tuple[str, str]], box: QSize, labels: Labels
) -> dict[str, QImage]:
    """Worker thread: the thumbnails of (digest, mime) pairs, read from the ledger's blobs."""
    found = {}
    for digest, mime in wanted:
        try:
            data = ledger.records.attachment(digest)
        except LedgerError:  # the blob has not arrived (sync) or went missing: verify says so
            found[digest] = badge(box, "?", labels.unreadable, "#757575")
            continue
        found[digest] = thumbnail(data, mime, box, labels)
    return found


def _labels() -> Labels:
    return Labels(pages=_tr("{n} 页"), unreadable=_tr("无法显示"))


class _ThumbnailCache:
    """Thumbnails by (digest, box), most recently used kept; GUI thread only."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._images: OrderedDict[tuple[str, int, int], QImage] = OrderedDict()

    def get(self, digest: str, box: QSize) -> QImage | None:
        key = (digest, box.width(), box.height())
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def put(self, digest: str, box: QSize, image: QImage) -> None:
        self._images[(digest, box.width(), box.height())] = image
        while len(self._images) > self._limit:
            self._images.popitem(last=False)

    def clear(self) -> None:
        self._images.clear()


CACHE = _ThumbnailCache(_CACHE_SIZE)


# ---- temporary copies for the PDF reader ----------------------------------------------------


class _ViewFolder:
    """One private temporary folder per run, deleted at exit (see the module docstring)."""

    def __init__(self) -> None:
        self.path: Path | None = None

    def get(self) -> Path:
        if self.path is None or not self.path.is_dir():
            _sweep_stale(Path(tempfile.gettempdir()))
            self.path = Path(tempfile.mkdtemp(prefix=_VIEW_PREFIX))
            atexit.register(self.clean)
        return self.path

    def clean(self) -> None:
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            self.path = None


VIEW_FOLDER = _ViewFolder()


def _sweep_stale(root: Path) -> None:
    """Delete copies an earlier run could not (a reader held them, or the app was killed)."""
    cutoff = time.time() - _STALE_SECONDS
    for folder in root.glob(f"{_VIEW_PREFIX}*"):
        with contextlib.suppress(OSError):
            if folder.is_dir() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)


def view_copy(data: bytes, name: str, digest: str) -> Path:
    """Write a temporary copy for the system's reader; named like the original, ending .pdf.

    Each attachment gets its own sub-folder, so two files both called 扫描.pdf do not collide
    and the reader's title bar still shows the name the principal gave it.
    """
    safe = _UNSAFE_NAME.sub("_", name).strip(" .") or "附件"
    if not safe.lower().endswith(".pdf"):
        safe += ".pdf"
    folder = VIEW_FOLDER.get() / digest[:16]
    folder.mkdir(exist_ok=True)
    target = folder / safe
    if not target.exists():
        target.write_bytes(data)
    return target


def open_pdf(runner: Runner, parent: QWidget, item: Evidence) -> None:
    """Open a PDF attachment in the computer's PDF reader (copy written on the worker thread)."""

    def copy(ledger: Ledger) -> Path:
        return view_copy(ledger.records.attachment(item.digest), item.name, item.digest)

    def launch(path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            errors.show_error(parent, InputRefused(_tr(
                "这台电脑没有能打开 PDF 的程序。可以右键点这份材料，选“保存原件…”，"
                "再用别的电脑打开。")))

    runner.query(copy, on_done=launch, parent=parent)


def save_original(runner: Runner, parent: QWidget, item: Evidence) -> None:
    """Ask where, then copy the attachment's original bytes there (on the worker thread)."""
    suffix = {"image/jpeg": ".jpg", "image/png": ".png", "application/pdf": ".pdf"}.get(
        item.mime, "")
    name = item.name if item.name.lower().endswith(suffix) else item.name + suffix
    target, _chosen = QFileDialog.getSaveFileName(
        parent, _tr("保存原件"), str(Path.home() / _UNSAFE_NAME.sub("_", name)),
        _tr("原来的格式 (*{suffix})").format(suffix=suffix))
    if not target:
        return

    def write(ledger: Ledger) -> Path:
        try:
            write_bytes(Path(target), ledger.records.attachment(item.digest))
        except OSError as error:
            raise InputRefused(_tr("无法保存到 {path}（{reason}）：请换一个文件夹或U盘").format(
                path=target, reason=error.strerror)) from error
        return Path(target)

    runner.query(write, on_done=lambda _path: None, parent=parent)


# ---- the viewer -----------------------------------------------------------------------------


class _FitLabel(QLabel):
    """Shows one picture as large as the window allows, aspect kept, redrawn on resize."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(200, 150)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._source: QPixmap | None = None

    def set_image(self, image: QImage) -> None:
        self._source = QPixmap.fromImage(image)
        self._rescale()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._source is None or self._source.isNull():
            return
        ratio = self.devicePixelRatioF()
        room = self.size() * ratio
        shown = self._source
        if shown.width() > room.width() or shown.height() > room.height():
            shown = shown.scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        shown.setDevicePixelRatio(ratio)
        self.setPixmap(shown)

    def shown_size(self) -> QSize:
        """The picture's size on screen, in device-independent pixels (tests measure it)."""
        pixmap = self.pixmap()
        if pixmap.isNull():
            return QSize()
        return pixmap.deviceIndependentSize().toSize()


class ImageViewer(QDialog):
    """One photo or scan, scaled to fit the window with its aspect kept; 保存原件… beside it."""

    loaded = Signal()

    def __init__(self, runner: Runner, item: Evidence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.item = item
        self.setWindowTitle(f"{item.title}　{item.date}")
        self.picture = _FitLabel(self)
        self.picture.setStyleSheet("background: #303030; color: #dddddd;")
        self.picture.setText(_tr("正在打开…"))
        self.caption = QLabel(self)
        self.caption.setText(_describe(item))
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(_tr("保存原件…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(_tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(lambda: save_original(runner, self, item))
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.caption)
        layout.addWidget(buttons)
        self.resize(self._first_size())

        limit = _viewer_limit(self)
        runner.query(lambda ledger: decode_image(ledger.records.attachment(item.digest), limit),
                     on_done=self._show, on_failed=lambda _error: self.loaded.emit(),
                     parent=self)

    def _first_size(self) -> QSize:
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableSize() if screen is not None else QSize(1280, 800)
        return QSize(room.width() * 3 // 4, room.height() * 17 // 20)

    def _show(self, image: QImage) -> None:
        if image.isNull():
            self.picture.setText(_tr("这张图片无法显示（文件可能不完整）。可以“保存原件…”后用别的程序打开。"))
        else:
            self.picture.setText("")
            self.picture.set_image(image)
        self.loaded.emit()


def _viewer_limit(widget: QWidget) -> QSize:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return VIEWER_LIMIT
    room = screen.size() * screen.devicePixelRatio()
    return room.boundedTo(VIEWER_LIMIT).expandedTo(QSize(800, 800))


def _describe(item: Evidence) -> str:
    """One line under a picture and in a tile's tooltip: what, when, from which record, file."""
    kind = {"image/jpeg": "JPG", "image/png": "PNG", "application/pdf": "PDF"}.get(item.mime, "")
    parts = [item.title, item.date]
    if item.source != item.title:
        parts.append(_tr("来自：{source}").format(source=item.source))
    parts.append(_tr("文件：{name}（{kind}，{size}）").format(
        name=item.name, kind=kind, size=_size_text(item.size)))
    if item.note:
        parts.append(item.note)
    return "　".join(p for p in parts if p)


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return _tr("{n} MB").format(n=f"{size / 1024 / 1024:.1f}")
    return _tr("{n} KB").format(n=max(1, round(size / 1024)))


# ---- 添加证明材料 -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Chosen:
    """One chosen file as checked by the core: its name, size, problem (empty if fine), preview."""

    name: str
    size: int
    problem: str
    preview: QImage


def inspect_files(paths: Sequence[str], box: QSize, labels: Labels) -> list[Chosen]:
    """Worker thread: read and check each chosen file as `add_document` will, with a preview."""
    found = []
    for path in paths:
        name = Path(path).name
        try:
            ((_name, data),) = read_files([path])
            file = check_file(data, name)
        except ValidationError as refused:
            found.append(Chosen(name, 0, refused.message, QImage()))
            continue
        found.append(Chosen(name, len(data), "", thumbnail(data, file.mime, box, labels)))
    return found


class AddDocumentDialog(QDialog):
    """File photos or scans as one 证明材料: title, date, note; saved with `add_document`.

    The chosen files are read and checked on the worker thread as soon as the dialog opens, and
    shown as small previews, so a principal picking IMG_2034.jpg from a phone's folder sees it is
    the right photo, and a file the ledger would refuse is named before 保存, not after.
    """

    saved = Signal(object)
    """Emitted with the core's `Changes` once the document is written (then the dialog closes)."""

    def __init__(self, runner: Runner, student_id: str, paths: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.student_id = student_id
        self.paths = list(paths)
        self.case_id = ""
        self.chosen: list[Chosen] | None = None
        self.student_loaded = False
        self._saving = False
        self.setWindowTitle(_tr("添加证明材料"))
        self.setMinimumWidth(520)
        self._build_widgets()
        self._build_layout()

        self.title_edit.textChanged.connect(self._refresh)
        self._refresh()

        def read(ledger: Ledger) -> tuple[dict[str, Any] | None, dt.date]:
            return ledger.queries.student(student_id), ledger.clock.today()

        runner.query(read, on_done=self._student_loaded, parent=self)
        wanted, labels = list(self.paths), _labels()
        runner.query(lambda _ledger: inspect_files(wanted, PREVIEW_SIZE, labels),
                     on_done=self._files_checked, parent=self)

    def _build_widgets(self) -> None:
        """Create the fields (split from __init__ only to keep it readable)."""
        self.name_label = QLabel()
        self.files = QListWidget()
        self.files.setViewMode(QListView.ViewMode.IconMode)
        self.files.setIconSize(PREVIEW_SIZE)
        self.files.setGridSize(QSize(PREVIEW_SIZE.width() + 48, PREVIEW_SIZE.height() + 44))
        self.files.setWrapping(True)
        self.files.setResizeMode(QListView.ResizeMode.Adjust)
        self.files.setMovement(QListView.Movement.Static)
        self.files.setWordWrap(True)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.files.setFixedHeight(PREVIEW_SIZE.height() + 60)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(_tr("如：送达回证、在读证明、家访照片"))
        self.title_edit.setMaxLength(100)
        stem = Path(self.paths[0]).stem if self.paths else ""
        self.title_edit.setText(stem)
        self.title_edit.selectAll()  # typing a real title replaces IMG_2034 at once
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(200)
        self.note_edit.setPlaceholderText(_tr("可不填，如：接收学校盖章"))
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #b00020;")


    def _build_layout(self) -> None:
        """One labelled form, the hint above the buttons (as the other entry dialogs)."""
        form = QFormLayout()
        form.addRow(_tr("学生："), self.name_label)
        form.addRow(_tr("文件："), self.files)
        form.addRow(_tr("材料名称："), self.title_edit)
        form.addRow(_tr("日期："), self.date_edit)
        form.addRow(_tr("说明："), self.note_edit)
        buttons = QDialogButtonBox()
        self.save_button: QPushButton = buttons.addButton(
            _tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        layout.addWidget(buttons)

    def _student_loaded(self, answer: tuple[dict[str, Any] | None, dt.date]) -> None:
        student, today = answer
        day = QDate(today.year, today.month, today.day)
        self.date_edit.setMaximumDate(day)
        self.date_edit.setDate(day)
        if student is None:
            self.name_label.setText(_tr("找不到这名学生"))
            return
        self.name_label.setText(str(student.get("name") or ""))
        status = student.get("status")
        if status and Status(status).is_case and student.get("case_id"):
            self.case_id = str(student["case_id"])
        self.student_loaded = True
        self._refresh()

    def _files_checked(self, chosen: list[Chosen]) -> None:
        self.chosen = chosen
        self.files.clear()
        for entry in chosen:
            if entry.problem:
                kind = Path(entry.name).suffix.lstrip(".").upper()[:4] or "?"
                refused = badge(PREVIEW_SIZE, kind, "", "#b00020")
                item = QListWidgetItem(QIcon(QPixmap.fromImage(refused)),
                                       _tr("{name}\n不能添加").format(name=entry.name))
                item.setForeground(QColor("#b00020"))
                item.setToolTip(entry.problem)
            else:
                item = QListWidgetItem(QIcon(QPixmap.fromImage(entry.preview)),
                                       f"{entry.name}\n{_size_text(entry.size)}")
                item.setToolTip(entry.name)
            self.files.addItem(item)
        self._refresh()
        self.title_edit.setFocus()

    def missing(self) -> list[str]:
        """What stops saving, in Chinese (empty when 保存 may be pressed)."""
        if not self.paths:
            return [_tr("没有选择文件")]
        if self.chosen is None or not self.student_loaded:
            return [_tr("正在读取文件…")]
        refused = [entry.problem for entry in self.chosen if entry.problem]
        if refused:
            return [*refused, _tr("请取消后重新选择文件")]
        if not self.title_edit.text().strip():
            return [_tr("请填写材料名称")]
        return []

    def _refresh(self) -> None:
        lacks = self.missing()
        self.hint_label.setText("\n".join(lacks))
        self.save_button.setEnabled(not lacks and not self._saving)

    def save(self) -> None:
        """Store the files and the record in one write; a refusal keeps the dialog filled in."""
        if self.missing() or self._saving:
            return
        self._saving = True
        self._refresh()
        paths, student_id, case_id = list(self.paths), self.student_id, self.case_id or None
        title, note = self.title_edit.text().strip(), self.note_edit.text().strip()
        date = self.date_edit.date().toString("yyyy-MM-dd")

        def add(ledger: Ledger) -> Changes:
            return add_document(ledger, student_id, title, date, read_files(paths),
                                case_id=case_id, note=note)

        self.runner.op(add, parent=self, initiator=self, on_done=self._saved,
                       on_failed=self._failed)

    def _saved(self, changes: Changes) -> None:
        self._saving = False
        self.saved.emit(changes)
        self.accept()

    def _failed(self, _error: Exception) -> None:
        self._saving = False
        self._refresh()


# ---- the strip ------------------------------------------------------------------------------


_PHOTO_ROLE = Qt.ItemDataRole.UserRole + 1  # True when the icon is a decoded picture
_DATE_ROLE = Qt.ItemDataRole.UserRole + 2


class _TileDelegate(QStyledItemDelegate):
    """A tile: the thumbnail centred in a fixed box, then the title and the date on two lines.

    Qt's icon view puts a short picture's caption higher than a tall one's, so a row of photos
    and PDFs looked ragged; here every caption starts at the same height. A photo gets a thin
    frame, so a white scan still shows where it ends.
    """

    def __init__(self, thumb: QSize, parent: QWidget) -> None:
        super().__init__(parent)
        self.thumb = thumb

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:  # noqa: N802
        lines = option.fontMetrics.lineSpacing()
        return QSize(self.thumb.width() + 40, self.thumb.height() + 2 * lines + 22)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cell = option.rect.adjusted(2, 2, -2, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected or option.state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(option.palette.highlight().color().lighter(170 if selected else 190))
            painter.drawRoundedRect(cell, 6, 6)
        box = QRect(cell.left() + (cell.width() - self.thumb.width()) // 2, cell.top() + 6,
                    self.thumb.width(), self.thumb.height())
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon):
            pixmap = icon.pixmap(self.thumb)
            size = pixmap.deviceIndependentSize().toSize()
            spot = QRect(box.left() + (box.width() - size.width()) // 2,
                         box.top() + (box.height() - size.height()) // 2,
                         size.width(), size.height())
            painter.drawPixmap(spot, pixmap)
            if index.data(_PHOTO_ROLE):
                painter.setPen(QPen(QColor("#b0b0b0"), 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(spot.adjusted(0, 0, -1, -1))
        metrics = option.fontMetrics
        text = QRect(cell.left() + 4, box.bottom() + 6, cell.width() - 8, metrics.lineSpacing())
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.setPen(option.palette.text().color())
        painter.drawText(text, Qt.AlignmentFlag.AlignHCenter,
                         metrics.elidedText(title, Qt.TextElideMode.ElideRight, text.width()))
        painter.setPen(QColor("#666666"))
        painter.drawText(text.translated(0, metrics.lineSpacing()), Qt.AlignmentFlag.AlignHCenter,
                         str(index.data(_DATE_ROLE) or ""))
        painter.restore()


class AttachmentStrip(QWidget):
    """Thumbnails of a pupil's attachments, title and date under each; add, open, save.

    `set_student(id)` says whose page this is (it enables 添加照片或扫描件…); `set_items(items)`
    shows `Evidence` from `dropout_ledger.services.documents.student_evidence` and decodes the
    thumbnails not yet cached on the worker thread. Double-click or Enter opens an item.
    """

    thumbnails_loaded = Signal()
    """Every shown item has its thumbnail (also emitted when nothing needed decoding)."""
    saved = Signal(object)
    """A 证明材料 was added from this strip (the core's `Changes`)."""

    def __init__(self, runner: Runner, parent: QWidget | None = None, *,
                 thumb_size: QSize = THUMB_SIZE) -> None:
        super().__init__(parent)
        self.runner = runner
        self.thumb_size = QSize(thumb_size)
        self.student_id = ""
        self.items: list[Evidence] = []
        self.last_dialog: AddDocumentDialog | None = None

        self.add_button = QPushButton(_tr("添加照片或扫描件…"))
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.choose_files)
        self.hint_label = QLabel(_tr("双击查看大图；右键可保存原件。"))
        self.hint_label.setStyleSheet("color: #666;")
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.empty_label = QLabel(_tr(
            "还没有证明材料。送达回证、在读证明、病历证明、家访照片等，"
            "可以拍照或扫描后点“添加照片或扫描件…”。"))
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #777;")

        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(self.thumb_size)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setWrapping(True)
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(4)
        self.list.setMouseTracking(True)  # the hover highlight
        self.list.setItemDelegate(_TileDelegate(self.thumb_size, self.list))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.itemActivated.connect(lambda item: self.open_item(self.list.row(item)))
        self.list.customContextMenuRequested.connect(self._menu)

        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.hint_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.message_label)
        # Only one of these two shows; either takes the slack, so an empty strip reads top-down.
        layout.addWidget(self.empty_label, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.list, 1)
        self.message_label.hide()
        self._show_empty(True)

    # ---- filling ---------------------------------------------------------------------------

    def set_student(self, student_id: str, *, can_add: bool = True) -> None:
        """Whose attachments these are; a retracted pupil's page takes no new ones."""
        if student_id != self.student_id:
            self.message_label.hide()
        self.student_id = student_id
        self.add_button.setEnabled(bool(student_id) and can_add)

    def set_items(self, items: Sequence[Evidence]) -> None:
        """Show these attachments; thumbnails not in the cache are decoded off the GUI thread."""
        self.items = list(items)
        self.list.clear()
        self._show_empty(not self.items)
        waiting = QIcon(QPixmap.fromImage(badge(self.thumb_size, "…", "", "#bdbdbd")))
        for item in self.items:
            cached = CACHE.get(item.digest, self.thumb_size)
            icon = QIcon(QPixmap.fromImage(cached)) if cached is not None else waiting
            tile = QListWidgetItem(icon, item.title)
            tile.setData(_DATE_ROLE, item.date)
            tile.setData(_PHOTO_ROLE, cached is not None and is_picture(cached))
            tile.setToolTip(_describe(item))
            self.list.addItem(tile)
        wanted = list({i.digest: i.mime for i in self.items
                       if CACHE.get(i.digest, self.thumb_size) is None}.items())
        if not wanted:
            self.thumbnails_loaded.emit()
            return
        box, labels = QSize(self.thumb_size), _labels()
        self.runner.query(lambda ledger: load_thumbnails(ledger, wanted, box, labels),
                          on_done=self._thumbnails_ready,
                          on_failed=lambda _error: self.thumbnails_loaded.emit(), parent=self)

    def _thumbnails_ready(self, images: dict[str, QImage]) -> None:
        for digest, image in images.items():
            CACHE.put(digest, self.thumb_size, image)
        for row, item in enumerate(self.items):
            decoded = images.get(item.digest)
            tile = self.list.item(row)
            if decoded is not None and tile is not None:
                tile.setIcon(QIcon(QPixmap.fromImage(decoded)))
                tile.setData(_PHOTO_ROLE, is_picture(decoded))
        self.thumbnails_loaded.emit()

    def thumbnail(self, digest: str) -> QImage | None:
        """The decoded thumbnail shown for `digest`, once loaded."""
        return CACHE.get(digest, self.thumb_size)

    def _show_empty(self, empty: bool) -> None:
        self.empty_label.setVisible(empty)
        self.list.setVisible(not empty)
        self.hint_label.setVisible(not empty)  # nothing to double-click yet

    # ---- opening ---------------------------------------------------------------------------

    def open_item(self, row: int) -> QDialog | None:
        """Open one attachment: a picture in the viewer (returned), a PDF in the PDF reader."""
        if not 0 <= row < len(self.items):
            return None
        item = self.items[row]
        if item.mime == "application/pdf":
            open_pdf(self.runner, self, item)
            return None
        viewer = ImageViewer(self.runner, item, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        return viewer

    def _menu(self, where: QPoint) -> None:
        tile = self.list.itemAt(where)
        if tile is None:
            return
        row = self.list.row(tile)
        menu = QMenu(self)
        menu.addAction(_tr("打开"), lambda: self.open_item(row))
        menu.addAction(_tr("保存原件…"), lambda: save_original(self.runner, self,
                                                            self.items[row]))
        menu.exec(self.list.viewport().mapToGlobal(where))

    # ---- adding ----------------------------------------------------------------------------

    def choose_files(self) -> None:
        """Pick photos or scans (several at once become one 证明材料 of several pages)."""
        paths, _chosen = QFileDialog.getOpenFileNames(
            self, _tr("选择照片或扫描件"), str(_LAST_FOLDER.get("open", Path.home())),
            ";;".join((_tr("照片或扫描件 ({patterns})").format(patterns=_IMAGE_FILTER),
                       _tr("所有文件 (*)"))))
        if paths:
            _LAST_FOLDER["open"] = Path(paths[0]).parent  # the next scan is in the same folder
            self.add_files(paths)

    def add_files(self, paths: Sequence[str]) -> AddDocumentDialog:
        """Open 添加证明材料 for these files (returned, shown window-modal)."""
        dialog = AddDocumentDialog(self.runner, self.student_id, paths, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, changes: Changes) -> None:
        if changes.warnings:
            self.message_label.setText(_tr("已保存。注意：{warning}").format(
                warning="；".join(changes.warnings)))
            self.message_label.setStyleSheet("color: #b26a00;")
        else:
            self.message_label.setText(_tr("已保存。"))
            self.message_label.setStyleSheet("color: #1b5e20;")
        self.message_label.show()
        self.saved.emit(changes)
