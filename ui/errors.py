"""The one place a core `LedgerError` becomes a dialog (its `message` is already plain Chinese)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from dropout_ledger.errors import InputRefused, LedgerError


def show_error(parent: QWidget | None, error: LedgerError) -> None:
    """Show `error.message` in a modal box: a warning when the input was refused, else critical."""
    title = QCoreApplication.translate("errors", "控辍保学台账")
    if isinstance(error, InputRefused):
        QMessageBox.warning(parent, title, error.message)
    else:
        QMessageBox.critical(parent, title, error.message)
