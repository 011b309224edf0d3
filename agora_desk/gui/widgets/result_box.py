"""Read-only monospace output with a Copy button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextOption
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from agora_desk.gui.theme import monospace_font

COPY_SHORTCUT = "Ctrl+Shift+C"


class ResultBox(QWidget):
    """Read-only monospace output with a Copy button (Ctrl+Shift+C when ``shortcut``).

    ``copy`` receives the text; the tabs pass ``context.copy`` so that the
    clipboard is cleared after the configured timeout.
    """

    copied = Signal()

    def __init__(
        self,
        copy: Callable[[str], None],
        *,
        placeholder: str = "",
        lines: int = 4,
        shortcut: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._copy = copy
        self.text_box = QPlainTextEdit(self)
        self.text_box.setReadOnly(True)
        self.text_box.setFont(monospace_font())
        self.text_box.setPlaceholderText(placeholder)
        # Tokens are one long word: wrap anywhere rather than scroll sideways.
        self.text_box.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.text_box.setTabChangesFocus(True)
        line = self.text_box.fontMetrics().lineSpacing()
        self.text_box.setMinimumHeight(line * lines + 12)
        # Room for a long RTC + RTM token without a scroll bar, no more.
        self.text_box.setMaximumHeight(line * max(lines, 12) + 12)
        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy)
        if shortcut:
            # Parented to the button: a shortcut is live only while its widget
            # is visible and enabled, so hidden tabs and empty boxes ignore it.
            self.copy_shortcut: QShortcut | None = QShortcut(
                QKeySequence(COPY_SHORTCUT), self.copy_button
            )
            self.copy_shortcut.activated.connect(self.copy)
            self.copy_button.setToolTip(f"Copy ({COPY_SHORTCUT})")
        else:
            self.copy_shortcut = None
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_box, 1)
        layout.addLayout(buttons)

    def text(self) -> str:
        return self.text_box.toPlainText()

    def set_text(self, text: str) -> None:
        self.text_box.setPlainText(text)
        self.copy_button.setEnabled(bool(text))

    def clear(self) -> None:
        self.set_text("")

    def copy(self) -> None:
        text = self.text()
        if text:
            self._copy(text)
            self.copied.emit()
