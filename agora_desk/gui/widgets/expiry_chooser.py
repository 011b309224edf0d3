"""The expiry choice of a form: presets, custom seconds, or "same as token"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from agora_desk.core.errors import InputError
from agora_desk.core.validation import Issue, Key, check_expire, parse_seconds
from agora_desk.gui.widgets.message_label import Level, MessageLabel
from agora_desk.gui.widgets.validated_field import first_issue

SAME_EXPIRY = "same"
CUSTOM = "custom"


class ExpiryChooser(QWidget):
    """1 hour / 24 hours / custom seconds (optionally "same as token").

    The custom value is free text so that a mistyped or negative value gets
    the core's message rather than being silently clamped by a spin box.
    """

    changed = Signal()

    PRESETS: Sequence[tuple[str, int]] = (("1 hour", 3600), ("24 hours", 86400))

    def __init__(
        self,
        default_s: int | None = 3600,
        *,
        same_as_token: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        if same_as_token:
            self.combo.addItem("Same as token", SAME_EXPIRY)
        for label, seconds in self.PRESETS:
            self.combo.addItem(label, seconds)
        self.combo.addItem("Custom…", CUSTOM)
        self.custom = QLineEdit(self)
        self.custom.setPlaceholderText("seconds")
        self.custom.setMaximumWidth(120)
        self.custom.setToolTip("Seconds from now; Agora's maximum is 86400 (24 h)")
        self.hint = QLabel(self)
        self.message = MessageLabel(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo)
        row.addWidget(self.custom)
        row.addWidget(self.hint, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.message)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(self._mode_changed)
        self.custom.textChanged.connect(self._custom_changed)
        self.default: int | None = default_s
        self.set_default()
        self._mode_changed()

    def set_default(self) -> None:
        if self.default is None:
            self.set_same_as_token()
        else:
            self.set_seconds(self.default)

    def follow_default(self, default_s: int | None) -> None:
        """A new default from Settings: taken over unless the person chose something else."""
        if default_s == self.default:
            return
        try:
            untouched = self.seconds() == self.default
        except InputError:
            untouched = False
        self.default = default_s
        if untouched:
            self.set_default()

    def set_seconds(self, seconds: int) -> None:
        index = self.combo.findData(seconds)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        else:
            self.custom.setText(str(seconds))
            self.combo.setCurrentIndex(self.combo.findData(CUSTOM))

    def set_custom_text(self, text: str) -> None:
        self.combo.setCurrentIndex(self.combo.findData(CUSTOM))
        self.custom.setText(text)

    def set_same_as_token(self) -> None:
        index = self.combo.findData(SAME_EXPIRY)
        if index < 0:
            raise ValueError("this chooser has no 'same as token' choice")
        self.combo.setCurrentIndex(index)

    @property
    def is_same_as_token(self) -> bool:
        return bool(self.combo.currentData() == SAME_EXPIRY)

    def raw_value(self) -> str | int | None:
        """Seconds (preset), the custom text, or None for "same as token"."""
        data = self.combo.currentData()
        if data == SAME_EXPIRY:
            return None
        if data == CUSTOM:
            return self.custom.text()
        return int(data)

    def issues(self, field: str, key: Key = Key.EXPIRE) -> list[Issue]:
        raw = self.raw_value()
        return [] if raw is None else check_expire(raw, field, key)

    def seconds(self, field: str = "expire") -> int | None:
        """None for "same as token"; raises InputError for a bad custom value."""
        raw = self.raw_value()
        return None if raw is None else parse_seconds(raw, field)

    def set_issues(self, issues: Iterable[Issue]) -> None:
        issue = first_issue(issues)
        if issue is None:
            self.message.clear_message()
        else:
            self.message.set_message(Level(issue.level), issue.message)

    def _mode_changed(self) -> None:
        custom = self.combo.currentData() == CUSTOM
        self.custom.setVisible(custom)
        self._update_hint()
        if custom and self.combo.hasFocus():
            self.custom.setFocus()
        self.changed.emit()

    def _custom_changed(self) -> None:
        self._update_hint()
        self.changed.emit()

    def _update_hint(self) -> None:
        text = ""
        if self.combo.currentData() == CUSTOM:
            try:
                seconds = parse_seconds(self.custom.text(), "expire")
            except InputError:
                seconds = None
            if seconds:
                from agora_desk.core import timefmt

                text = f"= {timefmt.duration(seconds)}"
            elif seconds == 0:
                text = "no limit of its own"
        self.hint.setText(text)
