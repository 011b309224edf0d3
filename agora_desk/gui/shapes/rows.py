"""Rows a person adds and removes in a column (composer services, RTM2 permissions)."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class RowList(Generic[W]):
    """``items`` in on-screen order; every add or remove emits ``changed``."""

    def __init__(self, column: QVBoxLayout, changed: SignalInstance) -> None:
        self.items: list[W] = []
        self._column = column
        self._changed = changed

    def add(self, row: W) -> W:
        self.items.append(row)
        self._column.addWidget(row)
        self._changed.emit()
        return row

    def remove(self, row: W) -> None:
        self.items.remove(row)
        row.deleteLater()
        self._changed.emit()

    def clear(self) -> None:
        for row in list(self.items):
            self.remove(row)
