"""The expiry choice of a form: presets, custom seconds, or "same as token"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from agora_desk.core.errors import InputError
from agora_desk.core.validation import Issue, Key, check_expire, parse_seconds, plain_number
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets.message_label import Level, MessageLabel, above_message
from agora_desk.gui.widgets.validated_field import first_issue

SAME_EXPIRY = "same"
CUSTOM = "custom"


# Custom values are typed in one of these units.
UNITS: Sequence[tuple[str, int]] = (
    (QT_TRANSLATE_NOOP("ExpiryChooser", "s"), 1),
    (QT_TRANSLATE_NOOP("ExpiryChooser", "min"), 60),
    (QT_TRANSLATE_NOOP("ExpiryChooser", "h"), 3600),
)


class ExpiryChooser(QWidget):
    """10 min / 1 h / 12 h / 24 h / custom, in s, min or h (optionally "same as token").

    The custom number is free text so that a mistyped or negative value gets
    the core's message rather than being silently clamped by a spin box.
    """

    changed = Signal()

    PRESETS: Sequence[tuple[str, int]] = (
        (QT_TRANSLATE_NOOP("ExpiryChooser", "10 minutes"), 600),
        (QT_TRANSLATE_NOOP("ExpiryChooser", "1 hour"), 3600),
        (QT_TRANSLATE_NOOP("ExpiryChooser", "12 hours"), 43200),
        (QT_TRANSLATE_NOOP("ExpiryChooser", "24 hours"), 86400),
    )

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
            self.combo.addItem(translate("ExpiryChooser", "Same as token"), SAME_EXPIRY)
        for label, seconds in self.PRESETS:
            self.combo.addItem(translate("ExpiryChooser", label), seconds)
        self.combo.addItem(translate("ExpiryChooser", "Custom…"), CUSTOM)
        self.custom = QLineEdit(self)
        self.custom.setPlaceholderText(translate("ExpiryChooser", "number"))
        self.custom.setMaximumWidth(100)
        self.custom.setToolTip(
            translate("ExpiryChooser", "From now; Agora's maximum is 24 h (86400 s)")
        )
        self.unit = QComboBox(self)
        self.unit.setAccessibleName(translate("ExpiryChooser", "Unit"))
        for label, factor in UNITS:
            self.unit.addItem(translate("ExpiryChooser", label), factor)
        self.hint = QLabel(self)
        self.message = MessageLabel(self, reserve=True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo)
        row.addWidget(self.custom)
        row.addWidget(self.unit)
        row.addWidget(self.hint, 1)
        above_message(self, row, self.message, self.combo)
        self.combo.currentIndexChanged.connect(self._mode_changed)
        self.custom.textChanged.connect(self._custom_changed)
        self.unit.currentIndexChanged.connect(self._custom_changed)
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
            return
        # The largest unit that shows the value exactly: 5400 s reads "90 min".
        factor = next((f for _label, f in reversed(UNITS) if seconds and seconds % f == 0), 1)
        self.unit.setCurrentIndex(self.unit.findData(factor))
        self.custom.setText(str(seconds // factor))
        self.combo.setCurrentIndex(self.combo.findData(CUSTOM))

    def set_custom_text(self, text: str) -> None:
        """Seconds typed as text (what the core checks), shown in seconds."""
        self.combo.setCurrentIndex(self.combo.findData(CUSTOM))
        self.unit.setCurrentIndex(0)
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
        """Seconds (preset), the custom value as seconds text, or None for "same as token".

        A custom number in minutes or hours is converted to seconds; text that
        is not a whole number is passed on as typed, for the core's message.
        """
        data = self.combo.currentData()
        if data == SAME_EXPIRY:
            return None
        if data == CUSTOM:
            text = self.custom.text()
            factor = int(self.unit.currentData() or 1)
            number = plain_number(text.strip())
            if factor != 1 and number is not None:
                return str(number * factor)
            return text
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
        self.unit.setVisible(custom)
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
                raw = self.raw_value()
                seconds = parse_seconds(raw if raw is not None else "", "expire")
            except InputError:
                seconds = None
            if seconds:
                from agora_desk.core import timefmt

                text = f"= {timefmt.duration(seconds)}"
            elif seconds == 0:
                text = translate("ExpiryChooser", "no limit of its own")
        self.hint.setText(text)
