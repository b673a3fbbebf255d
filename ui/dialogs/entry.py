"""What every entry dialog shares: save through the runner, close on success, stay on refusal.

A dialog collects its values, sets `_saving` and calls `runner.op(work, on_done=self._saved,
on_failed=self._failed)`. On success it announces the core's `Changes` on `saved` and closes; on
a refusal the runner has already shown the core's Chinese message, so the dialog only stops
saving and keeps everything typed, to be fixed and saved again.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog

from dropout_ledger.model.changes import Changes


class EntryDialog(QDialog):
    """Base of the dialogs that write one entry. Subclasses define `_refresh` (the Save state)."""

    saved = Signal(object)
    """The core's `Changes` after a successful save."""

    _saving = False

    def _refresh(self) -> None:
        """Redraw what depends on the values typed and on `_saving` (the Save button)."""

    def _saved(self, changes: Changes) -> None:
        self._saving = False
        self.saved.emit(changes)
        self.accept()

    def _failed(self, _error: Exception) -> None:
        """The runner has shown the core's message; keep everything typed so it can be fixed."""
        self._saving = False
        self._refresh()
