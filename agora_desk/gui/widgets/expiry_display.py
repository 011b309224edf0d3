"""Absolute expiry times with a live countdown."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from agora_desk.gui.widgets.message_label import Level, MessageLabel


def countdown(seconds: int) -> str:
    """'1 h 0 min 5 s', '59 min 58 s', '7 s': exact to the second, for a live display."""
    s = abs(int(seconds))
    days, s = divmod(s, 86400)
    hours, s = divmod(s, 3600)
    minutes, s = divmod(s, 60)
    parts = []
    if days:
        parts.append(f"{days} d")
    if days or hours:
        parts.append(f"{hours} h")
    if days or hours or minutes:
        parts.append(f"{minutes} min")
    parts.append(f"{s} s")
    return " ".join(parts)


class ExpiryDisplay(QWidget):
    """Absolute expiry times with a countdown that ticks every second.

    Rows are (label, unix time); 0 means "no time limit". ``now`` is
    injectable so tests need not wait for the clock.
    """

    def __init__(
        self, parent: QWidget | None = None, *, now: Callable[[], float] = time.time
    ) -> None:
        super().__init__(parent)
        self.now = now
        self._rows: list[tuple[str, int]] = []
        self._labels: list[tuple[QLabel, MessageLabel]] = []
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        self.hide()

    def set_rows(self, rows: Sequence[tuple[str, int]]) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self._labels = []
        self._rows = list(rows)
        for title, _ts in self._rows:
            absolute = QLabel(self)
            absolute.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            remaining = MessageLabel(self)
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(absolute)
            column.addWidget(remaining)
            self._form.addRow(f"{title}:", column)
            self._labels.append((absolute, remaining))
        self.setVisible(bool(self._rows))
        self.refresh()
        if any(ts for _title, ts in self._rows):
            self._timer.start()
        else:
            self._timer.stop()

    def clear(self) -> None:
        self.set_rows([])

    def texts(self) -> list[str]:
        """Each row as shown: absolute time and countdown (for tests and screen readers)."""
        return [f"{a.text()} | {r.message}" for a, r in self._labels]

    def refresh(self) -> None:
        # Imported on first use: nothing shows an expiry before a first Generate.
        from agora_desk.core import timefmt

        now = int(self.now())
        for (_title, ts), (absolute, remaining) in zip(self._rows, self._labels, strict=True):
            if ts == 0:
                absolute.setText("no time limit")
                remaining.clear_message()
                continue
            absolute.setText(f"{timefmt.local(ts)}  ({timefmt.utc_iso(ts)})")
            delta = ts - now
            if delta > 0:
                remaining.set_message(Level.INFO, f"in {countdown(delta)}")
            else:
                remaining.set_message(Level.ERROR, f"expired {countdown(-delta)} ago")

    @property
    def ticking(self) -> bool:
        return self._timer.isActive()
