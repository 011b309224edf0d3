"""Absolute expiry times with a live countdown."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from agora_desk.gui.translation import translate
from agora_desk.gui.widgets.message_label import Level, MessageLabel


def countdown(seconds: int) -> str:
    """A live remaining time as people read it: '7 s', '59 min 58 s', '1 h 59 min', '3 d 4 h'.

    Seconds only while they matter (under an hour); hours up to two days, so a
    25-hour token reads "25 h 0 min" beside the 24-hour rule rather than "1 d 1 h".
    """
    s = abs(int(seconds))
    if s < 60:
        return translate("Countdown", "{seconds} s").format(seconds=s)
    if s < 3600:
        return translate("Countdown", "{minutes} min {seconds} s").format(
            minutes=s // 60, seconds=s % 60
        )
    if s < 2 * 86400:
        hours, minutes = divmod(s // 60, 60)
        return translate("Countdown", "{hours} h {minutes} min").format(
            hours=hours, minutes=minutes
        )
    days, hours = divmod(s // 3600, 24)
    return translate("Countdown", "{days} d {hours} h").format(days=days, hours=hours)


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
            self._form.addRow(translate("ExpiryDisplay", "{title}:").format(title=title), column)
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
                absolute.setText(translate("ExpiryDisplay", "no time limit"))
                remaining.clear_message()
                continue
            # Local time first, as people read a clock; UTC (what logs and servers
            # use) on hover.
            absolute.setText(timefmt.local(ts))
            absolute.setToolTip(timefmt.utc_detail(ts))
            delta = ts - now
            if delta > 0:
                remaining.set_message(
                    Level.INFO,
                    translate("ExpiryDisplay", "in {time}").format(time=countdown(delta)),
                )
            else:
                remaining.set_message(
                    Level.ERROR,
                    translate("ExpiryDisplay", "expired {time} ago").format(time=countdown(-delta)),
                )

    def language_changed(self) -> None:
        """The times and their tool tips are the core's words: write them again at once,
        not at the next tick."""
        self.refresh()

    @property
    def ticking(self) -> bool:
        return self._timer.isActive()
