"""Every piece of ledger work goes through a runner: off the GUI thread, one call at a time.

This is Anki's `QueryOp`/`CollectionOp` pair (design aesthetics §3 items 4–6, 11), cut down:

- `runner.query(fn, on_done=...)` reads: `fn(ledger)` runs on the ledger's worker thread and
  `on_done(result)` runs on the GUI thread.
- `runner.op(fn, parent=..., initiator=...)` writes: `fn(ledger)` returns the core's `Changes`,
  which the runner announces once on `bus.changed(changes, initiator)`; screens redraw from that.
- Work that outlasts `PROGRESS_DELAY_MS` shows one modal "正在处理，请稍候…" box (ops by default;
  reads opt in, because a search must never steal the keyboard from the search box).
- A `LedgerError` becomes its own Chinese message in one dialog (`ui/errors.py`); any other
  exception is a bug: its traceback goes to the log file (`ui/logging_setup.py`) and the user
  sees one fixed sentence naming that file.

Threading rule, as in Anki: `fn` must never touch a widget; only the callbacks may.

Why `ThreadPoolExecutor(max_workers=1)` rather than QThreadPool: it is exactly Anki's
`taskman` design (one worker owns all ledger access, so SQLite calls are serialised without a
lock), it is plain Python that the core already trusts, and `shutdown(wait=True,
cancel_futures=True)` joins the thread and drops queued work in one call. QThreadPool would mean
QRunnable ownership rules across PySide's Python/C++ boundary and a pool that is shared
app-wide unless made by hand. Results come back through a queued Qt signal, which Qt delivers on
the thread that owns the runner: the GUI thread.

Tests use `ImmediateRunner`: the same API and the same error handling, run synchronously.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from dropout_ledger.errors import LedgerError
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.changes import Changes
from ui import errors
from ui.change_bus import ChangeBus
from ui.logging_setup import log_internal_error

T = TypeVar("T")

PROGRESS_DELAY_MS = 400
"""Show the progress box only after this long: quick work never flashes a dialog."""

OnFailed = Callable[[Exception], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ops", text)


def _alive(widget: QWidget | None) -> bool:
    return widget is not None and shiboken6.isValid(widget)


@dataclass(eq=False)
class _Call:
    """One submitted piece of work and what to do with its outcome (compared by identity)."""

    fn: Callable[[Ledger], Any]
    on_done: Callable[[Any], None] | None
    on_failed: OnFailed | None
    parent: QWidget | None
    is_op: bool
    initiator: object = None
    progress: bool = False
    result: Any = None
    error: Exception | None = None
    timer: QTimer | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return str(getattr(self.fn, "__qualname__", repr(self.fn)))

    def wants_callbacks(self) -> bool:
        """False when the widget that asked has been deleted: nobody is left to update."""
        return self.parent is None or _alive(self.parent)


class Runner(QObject):
    """The API screens use; `ThreadRunner` in the app, `ImmediateRunner` in most tests."""

    progress_shown = Signal()
    """Emitted when the progress box appears (tests and diagnostics watch it)."""

    def __init__(
        self, ledger: Ledger, bus: ChangeBus | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.bus = bus if bus is not None else ChangeBus(self)

    def query(
        self,
        fn: Callable[[Ledger], T],
        *,
        on_done: Callable[[T], None],
        parent: QWidget | None = None,
        on_failed: OnFailed | None = None,
        progress: bool = False,
    ) -> None:
        """Read: run `fn(ledger)` off the GUI thread, then `on_done(result)` on it.

        `on_failed(error)` runs after the error dialog, so a screen can leave its loading
        state. Neither callback runs if `parent` was deleted meanwhile.
        """
        self._submit(_Call(fn, on_done, on_failed, parent, is_op=False, progress=progress))

    def op(
        self,
        fn: Callable[[Ledger], Changes],
        *,
        parent: QWidget | None,
        initiator: object = None,
        on_done: Callable[[Changes], None] | None = None,
        on_failed: OnFailed | None = None,
        progress: bool = True,
    ) -> None:
        """Write: run `fn(ledger)` off the GUI thread; on success emit `bus.changed` once.

        The core writes in one transaction, so a failed op leaves the ledger as it was.
        `bus.changed` fires even if `parent` has gone: other screens still need to redraw.
        """
        self._submit(
            _Call(fn, on_done, on_failed, parent, is_op=True, initiator=initiator,
                  progress=progress)
        )

    def close(self) -> None:
        """Finish the running call, drop queued ones, and stop the worker (idempotent)."""

    def _submit(self, call: _Call) -> None:
        raise NotImplementedError

    @staticmethod
    def _execute(ledger: Ledger, call: _Call) -> None:
        """Run the work and keep its outcome; an exception is an outcome, not a crash."""
        try:
            call.result = call.fn(ledger)
        except Exception as error:  # every failure is shown to the user; none escapes
            call.error = error

    def _finish(self, call: _Call) -> None:
        """On the GUI thread: one dialog for an error, else announce the changes and call back."""
        parent = call.parent if _alive(call.parent) else None
        if call.error is not None:
            self._report(call.error, parent, call.name)
            if call.on_failed is not None and call.wants_callbacks():
                call.on_failed(call.error)
            return
        if call.is_op and isinstance(call.result, Changes):
            self.bus.changed.emit(call.result, call.initiator)
        if call.on_done is not None and call.wants_callbacks():
            call.on_done(call.result)

    @staticmethod
    def _report(error: Exception, parent: QWidget | None, what: str) -> None:
        if isinstance(error, LedgerError):
            errors.show_error(parent, error)
        else:
            errors.show_internal_error(parent, log_internal_error(error, what))


class ImmediateRunner(Runner):
    """Runs each call at once on the calling thread: tests need no waiting (as Anki's tests)."""

    def _submit(self, call: _Call) -> None:
        self._execute(self.ledger, call)
        self._finish(call)


class _BusyDialog(QProgressDialog):
    """A busy indicator with no Cancel: a transaction in SQLite cannot be stopped halfway."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("控辍保学台账"))
        self.setLabelText(_tr("正在处理，请稍候…"))
        self.setCancelButton(None)  # None removes the button
        self.setRange(0, 0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        modality = Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal
        self.setWindowModality(modality)

    def reject(self) -> None:
        """Esc must not hide the box while the work goes on; the runner hides it when done."""


class ThreadRunner(Runner):
    """The app's runner: one worker thread owns all ledger access (Anki's `taskman`)."""

    _finished = Signal(object)  # emitted on the worker; delivered queued on the GUI thread

    def __init__(
        self,
        ledger: Ledger,
        bus: ChangeBus | None = None,
        parent: QObject | None = None,
        *,
        progress_delay_ms: int = PROGRESS_DELAY_MS,
    ) -> None:
        super().__init__(ledger, bus, parent)
        self._delay_ms = progress_delay_ms
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ledger")
        self._pending: set[_Call] = set()
        self._busy: set[_Call] = set()  # pending calls whose progress box is showing
        self._dialog: _BusyDialog | None = None
        self._closed = False
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """How many calls are queued or running."""
        return len(self._pending)

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        """The progress box while it is showing, else None."""
        return self._dialog

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for call in self._pending:
            if call.timer is not None:
                call.timer.stop()
        self._busy.clear()
        self._hide_progress_if_idle()
        self._executor.shutdown(wait=True, cancel_futures=True)

    def _submit(self, call: _Call) -> None:
        if self._closed:
            raise RuntimeError("the ledger runner is closed")
        self._pending.add(call)
        if call.progress:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(self._delay_ms)
            timer.timeout.connect(lambda: self._show_progress(call))
            timer.start()
            call.timer = timer
        self._executor.submit(self._work, call)

    def _work(self, call: _Call) -> None:
        """On the worker thread: run, then hand the call back to the GUI thread."""
        self._execute(self.ledger, call)
        try:
            self._finished.emit(call)
        except RuntimeError:  # the runner's Qt object is gone: the app is shutting down
            pass

    def _on_finished(self, call: _Call) -> None:
        self._pending.discard(call)
        self._busy.discard(call)
        if call.timer is not None:
            call.timer.stop()
            # Not deleteLater(): a runner dropped right after this would leave a queued delete
            # for a timer PySide already freed (a crash at shutdown). Unparented, Python frees it.
            call.timer.setParent(None)
            call.timer = None
        self._hide_progress_if_idle()
        if not self._closed:
            self._finish(call)

    def _show_progress(self, call: _Call) -> None:
        if self._closed or call not in self._pending:
            return
        self._busy.add(call)
        if self._dialog is None:
            self._dialog = _BusyDialog(call.parent if _alive(call.parent) else None)
            self._dialog.show()
            self.progress_shown.emit()

    def _hide_progress_if_idle(self) -> None:
        if self._busy or self._dialog is None:
            return
        dialog, self._dialog = self._dialog, None
        if shiboken6.isValid(dialog):
            dialog.hide()
            dialog.deleteLater()
