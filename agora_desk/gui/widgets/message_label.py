"""One inline message (error / warning / info) with its symbol and colour."""

from __future__ import annotations

from enum import Enum
from typing import Literal

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QLayout, QSizePolicy, QVBoxLayout, QWidget

from agora_desk.gui.theme import Tone, set_text_tone


class Level(str, Enum):
    """How serious a message is; the values are the core's Issue levels."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def symbol(self) -> str:
        return _SYMBOLS[self]

    @property
    def tone(self) -> Tone | None:
        return _TONES.get(self)


# The same levels as words: what the core's Issue.level holds.
LevelName = Literal["error", "warning", "info"]

_SYMBOLS = {Level.ERROR: "✖ ", Level.WARNING: "⚠ ", Level.INFO: ""}
_TONES = {Level.ERROR: Tone.ERROR, Level.WARNING: Tone.WARNING}


class MessageLabel(QLabel):
    """One inline message (error / warning / info); hidden while empty.

    ``reserve``: the line stays reserved while empty, so a message appearing
    under a field while someone types does not push the form down.
    """

    changed = Signal()  # the level or text changed

    def __init__(self, parent: QWidget | None = None, *, reserve: bool = False) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._plain = False  # see _make_plain
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if reserve:
            policy.setRetainSizeWhenHidden(True)
            self.setMinimumHeight(self.fontMetrics().lineSpacing())
        self.setSizePolicy(policy)
        self._level: Level | None = None
        self._message = ""
        self.hide()

    @property
    def level(self) -> Level | None:
        return self._level

    @property
    def message(self) -> str:
        """The text without the leading symbol."""
        return self._message

    def set_message(self, level: Level | LevelName | None, text: str = "") -> None:
        before = (self._level, self._message)
        if level is None or not text:
            self._level, self._message = None, ""
            self.clear()
            self.hide()
        else:
            self._level, self._message = Level(level), text
            self._make_plain()
            self.setText(self._level.symbol + text)
            self._apply_colour()
            self.show()
        if (self._level, self._message) != before:
            self.changed.emit()

    def _make_plain(self) -> None:
        """Plain, selectable text: set before the first message, not in __init__.

        Never rich text (a message may quote what someone pasted). Here rather than
        in __init__ because the window's first frame holds empty labels and must not
        touch Qt's namespace (see main_window.TOOLTIP_ROLE).
        """
        if not self._plain:
            from PySide6.QtCore import Qt

            self.setTextFormat(Qt.TextFormat.PlainText)
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._plain = True

    def clear_message(self) -> None:
        self.set_message(None)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colour()

    def _apply_colour(self) -> None:
        set_text_tone(self, self._level.tone if self._level is not None else None)


def above_message(owner: QWidget, row: QLayout, message: MessageLabel, focus: QWidget) -> None:
    """Lay out a field widget: its input ``row`` over its ``message``; labels focus ``focus``."""
    column = QVBoxLayout(owner)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addLayout(row)
    column.addWidget(message)
    owner.setFocusProxy(focus)
