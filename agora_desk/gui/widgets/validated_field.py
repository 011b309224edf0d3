"""A line edit with its message beneath (and Show/Hide for secrets)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from agora_desk.core.secret import Secret
from agora_desk.core.validation import Issue
from agora_desk.gui.theme import mark_error
from agora_desk.gui.translation import translate
from agora_desk.gui.widgets.message_label import Level, MessageLabel, above_message


def first_issue(issues: Iterable[Issue]) -> Issue | None:
    """The issue to show beside a field: the first error, else the first warning."""
    issues = list(issues)
    for issue in issues:
        if issue.level == "error":
            return issue
    return issues[0] if issues else None


class ValidatedField(QWidget):
    """A line edit with its message beneath; ``password`` adds a Show/Hide toggle.

    Labels can use the field as their buddy: focus goes to the line edit.
    """

    textChanged = Signal(str)

    def __init__(
        self,
        placeholder: str = "",
        *,
        password: bool = False,
        text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(text, self)
        self.edit.setPlaceholderText(placeholder)
        self.message = MessageLabel(self, reserve=True)
        self.reveal_button: QToolButton | None = None
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        if password:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
            # Secrets pasted into a password field must not be dragged or
            # copied out again by accident.
            self.edit.setDragEnabled(False)
            button = QToolButton(self)
            button.setText(translate("ValidatedField", "Show"))
            button.setCheckable(True)
            button.setToolTip(translate("ValidatedField", "Show or hide what is typed here"))
            button.toggled.connect(self._toggle_echo)
            row.addWidget(button)
            self.reveal_button = button
        above_message(self, row, self.message, self.edit)
        self.edit.textChanged.connect(self.textChanged)
        # Whoever sets the message (set_issues or a dialog directly), the frame follows.
        self.message.changed.connect(self._mark)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        if text != self.edit.text():
            self.edit.setText(text)

    def secret(self) -> Secret:
        return Secret(self.edit.text())

    def set_issues(self, issues: Iterable[Issue]) -> None:
        issue = first_issue(issues)
        if issue is None:
            self.message.clear_message()
            self.edit.setAccessibleDescription("")
        else:
            self.message.set_message(Level(issue.level), issue.message)
            self.edit.setAccessibleDescription(f"{issue.level}: {issue.message}")

    def _mark(self) -> None:
        mark_error(self.edit, self.has_error)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._mark()

    @property
    def has_error(self) -> bool:
        return self.message.level is Level.ERROR

    def _toggle_echo(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        assert self.reveal_button is not None
        self.reveal_button.setText(
            translate("ValidatedField", "Hide") if shown else translate("ValidatedField", "Show")
        )
