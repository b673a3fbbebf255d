"""A recorder that stands in for QMessageBox in tests."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class Boxes:
    """Stands in for QMessageBox in ui/errors.py and records every box that would be shown.

    Message boxes are a true edge (they block on a person); everything else stays real.
    """

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("warning", text))

    def critical(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("critical", text))
