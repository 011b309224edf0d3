"""Read-only monospace output with a Copy button that says when the clipboard is cleared."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QMouseEvent, QShortcut, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agora_desk.gui.theme import monospace_font
from agora_desk.gui.translation import translate
from agora_desk.gui.widgets.flow_layout import FlowLayout

if TYPE_CHECKING:
    from agora_desk.gui.context import ClipboardGuard

COPY_SHORTCUT = "Ctrl+Shift+C"
CLEARED_NOTE_MS = 4000


class TokenText(QPlainTextEdit):
    """Read-only text in which a double-click selects a whole token.

    Qt's word selection stops at ``/``, ``+`` and ``=``, which are part of a
    token: copying that half gives a token Inspect calls damaged. Here a
    double-click selects the run of non-space characters under the pointer.
    """

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        cursor = self.cursorForPosition(event.position().toPoint())
        block = cursor.block().text()
        at = cursor.positionInBlock()
        if not block or at > len(block):
            super().mouseDoubleClickEvent(event)
            return
        start = at
        while start > 0 and not block[start - 1].isspace():
            start -= 1
        end = at
        while end < len(block) and not block[end].isspace():
            end += 1
        if start == end:
            super().mouseDoubleClickEvent(event)
            return
        base = cursor.block().position()
        cursor.setPosition(base + start)
        cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        event.accept()


class ResultBox(QWidget):
    """Read-only monospace output with a Copy button (Ctrl+Shift+C when ``shortcut``).

    ``copy`` receives the text; the tabs pass ``context.copy`` so that the
    clipboard is cleared after the configured timeout. With ``clipboard`` (the
    context's guard) a line beside the button counts down to that clear
    ("✓ Copied · cleared in 29 s") and then says it happened.
    """

    copied = Signal()

    def __init__(
        self,
        copy: Callable[[str], None],
        *,
        placeholder: str = "",
        lines: int = 4,
        shortcut: bool = True,
        clipboard: ClipboardGuard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._copy = copy
        self._clipboard = clipboard
        self._counting = False  # the pending clear is of this box's copy
        self._copied = ""  # what this box last copied (the result or a form of it)
        self.text_box = TokenText(self)
        self.text_box.setReadOnly(True)
        self.text_box.setFont(monospace_font())
        self.text_box.setPlaceholderText(placeholder)
        # Tokens are one long word: wrap anywhere rather than scroll sideways.
        self.text_box.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.text_box.setTabChangesFocus(True)
        # Not a Tab stop: its focus would be invisible; Copy is the keyboard path.
        self.text_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        line = self.text_box.fontMetrics().lineSpacing()
        self.text_box.setMinimumHeight(line * lines + 12)
        # Room for a long RTC + RTM token without a scroll bar, no more.
        self.text_box.setMaximumHeight(line * max(lines, 12) + 12)
        self.copy_button = QPushButton(translate("ResultBox", "Copy"), self)
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy)
        if shortcut:
            # Parented to the button: a shortcut is live only while its widget
            # is visible and enabled, so hidden tabs and empty boxes ignore it.
            self.copy_shortcut: QShortcut | None = QShortcut(
                QKeySequence(COPY_SHORTCUT), self.copy_button
            )
            self.copy_shortcut.activated.connect(self.copy)
            self.copy_button.setToolTip(
                translate("ResultBox", "Copy ({shortcut})").format(shortcut=COPY_SHORTCUT)
            )
        else:
            self.copy_shortcut = None
        self.copy_state = QLabel(self)
        self.copy_state.setAccessibleName(translate("ResultBox", "Clipboard"))
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.timeout.connect(self.copy_state.clear)
        if clipboard is not None:
            clipboard.ticked.connect(self._ticked)
            clipboard.finished.connect(self._finished)
        # Copy first, then the actions a tab adds; they wrap onto another row in a
        # narrow column instead of pushing Copy out of sight. The clipboard note
        # has a line of its own, kept when empty, so nothing moves as it changes.
        self._buttons = FlowLayout()
        self._buttons.addWidget(self.copy_button)
        self.copy_state.setWordWrap(True)
        self.copy_state.setMinimumHeight(self.copy_state.fontMetrics().lineSpacing())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_box, 1)
        layout.addLayout(self._buttons)
        layout.addWidget(self.copy_state)

    def text(self) -> str:
        return self.text_box.toPlainText()

    def set_text(self, text: str) -> None:
        self.text_box.setPlainText(text)
        self.copy_button.setEnabled(bool(text))

    def clear(self) -> None:
        self.set_text("")

    def add_button(self, button: QAbstractButton) -> None:
        """An action on the result (Inspect it, use it elsewhere), after Copy."""
        button.setParent(self)
        self._buttons.addWidget(button)

    def copy(self) -> None:
        self.copy_text(self.text())

    def copy_text(self, text: str) -> None:
        """Copy ``text`` (the result or another form of it) with the same countdown and clear."""
        if not text:
            return
        self._copy(text)
        self._copied = text
        self._note_timer.stop()
        left = self._clipboard.remaining_s() if self._clipboard is not None else None
        self._counting = left is not None
        self.copy_state.setText(
            _copied_note(left) if left is not None else translate("ResultBox", "✓ Copied")
        )
        if left is None:
            self._note_timer.start(CLEARED_NOTE_MS)
        self.copied.emit()

    def _ticked(self, left: int) -> None:
        if (
            self._counting
            and self._clipboard is not None
            and not self._clipboard.holds(self._copied)
        ):
            self._counting = False  # another copy took over the clipboard
            self.copy_state.clear()
        if self._counting:
            self.copy_state.setText(_copied_note(left))

    def _finished(self, cleared: bool) -> None:
        if not self._counting:
            return
        self._counting = False
        self._copied = ""
        self.copy_state.setText(
            translate("ResultBox", "✓ Clipboard cleared")
            if cleared
            else translate("ResultBox", "Clipboard holds something else now")
        )
        self._note_timer.start(CLEARED_NOTE_MS)


def _copied_note(left: int) -> str:
    return translate("ResultBox", "✓ Copied · cleared in {seconds} s").format(seconds=left)
