"""The one place an error becomes a dialog.

A core `LedgerError` already carries a plain-Chinese `message` (what is wrong and what to do), so
it is shown as it is. Anything else is a bug: the user gets one fixed sentence that says nothing
was changed and where the details were written, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from dropout_ledger.errors import InputRefused, LedgerError


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def show_error(parent: QWidget | None, error: LedgerError) -> None:
    """Show `error.message` in a modal box: a warning when the input was refused, else critical."""
    title = _tr("控辍保学台账")
    if isinstance(error, InputRefused):
        QMessageBox.warning(parent, title, error.message)
    else:
        QMessageBox.critical(parent, title, error.message)


def internal_error_text(log_path: Path | None) -> str:
    """The sentence shown for a bug; names the log file when the traceback could be written."""
    if log_path is None:
        return _tr("程序内部错误：操作没有完成，台账没有改动。详情无法写入日志文件。")
    return _tr("程序内部错误：操作没有完成，台账没有改动。详情已记录在日志文件 {path}。").format(
        path=log_path
    )


def show_internal_error(parent: QWidget | None, log_path: Path | None) -> None:
    """Show that an unexpected error stopped the work (the traceback is in `log_path`)."""
    QMessageBox.critical(parent, _tr("控辍保学台账"), internal_error_text(log_path))
