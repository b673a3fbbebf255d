"""One signal that says what a ledger write changed (Anki's `operation_did_execute`).

Screens do not tell each other to redraw. Every successful write goes through the runner in
`ui/ops.py`, which emits `changed(changes, initiator)` once; each screen connects to it and
redraws only if the `Changes` flags touch what it shows. `initiator` is the object that asked for
the write (usually a widget), so an editor can skip reloading itself in the middle of an edit.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeBus(QObject):
    """The app's single change signal; one instance is shared by the runner and every screen."""

    changed = Signal(object, object)
    """(changes: dropout_ledger.model.changes.Changes, initiator: object | None)."""
