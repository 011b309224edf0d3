"""Form values kept across launches (never a secret).

A tab lists the widgets whose values a person would otherwise type again
(channel, uid, role, expiry...). They are written to QSettings under
``forms/<tab>/<key>`` when the window closes and put back when the tab is
next built. A password field cannot be added: it raises, so a secret can
never end up in the settings file by a later edit.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QSplitter, QWidget

from agora_desk.core.validation import plain_number
from agora_desk.gui.widgets import ExpiryChooser, ValidatedField
from agora_desk.gui.widgets.expiry_chooser import SAME_EXPIRY

Remembered = QLineEdit | ValidatedField | QComboBox | QAbstractButton | ExpiryChooser


class FormMemory:
    def __init__(self, qsettings: QSettings, tab: str) -> None:
        self._settings = qsettings
        self._prefix = f"forms/{tab}/"
        self._widgets: dict[str, Remembered] = {}

    def add(self, key: str, widget: Remembered) -> None:
        edit = widget.edit if isinstance(widget, ValidatedField) else widget
        if isinstance(edit, QLineEdit) and (
            edit.echoMode() != QLineEdit.EchoMode.Normal
            or (isinstance(widget, ValidatedField) and widget.reveal_button is not None)
        ):
            raise ValueError(f"{key} is a secret field: it is never remembered")
        self._widgets[key] = widget

    def keys(self) -> list[str]:
        return list(self._widgets)

    def save(self) -> None:
        for key, widget in self._widgets.items():
            self._settings.setValue(self._prefix + key, _value_of(widget))

    def restore(self) -> None:
        for key, widget in self._widgets.items():
            value = self._settings.value(self._prefix + key)
            if isinstance(value, str):
                _set_value(widget, value)


def remember_splitter(splitter: QSplitter, qsettings: QSettings, key: str) -> None:
    """Put back where the person left ``splitter``'s handles, and keep each move they make.

    Stored under ``splitters/<key>``; kept in memory by QSettings and written with the rest.
    """
    name = f"splitters/{key}"
    state = qsettings.value(name)
    if isinstance(state, QByteArray):
        splitter.restoreState(state)
    splitter.splitterMoved.connect(lambda *_moved: qsettings.setValue(name, splitter.saveState()))


def _value_of(widget: QWidget) -> str:
    if isinstance(widget, ExpiryChooser):
        raw = widget.raw_value()
        if raw is None:
            return SAME_EXPIRY
        return f"custom:{raw}" if isinstance(raw, str) else str(raw)
    if isinstance(widget, (QLineEdit, ValidatedField)):
        return widget.text()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return str(data) if data is not None else widget.currentText()
    if isinstance(widget, QAbstractButton):
        return "1" if widget.isChecked() else "0"
    raise TypeError(type(widget).__name__)


def _set_value(widget: QWidget, value: str) -> None:
    """Put a remembered value back; anything that no longer fits is ignored."""
    if isinstance(widget, ExpiryChooser):
        if value == SAME_EXPIRY:
            if widget.combo.findData(SAME_EXPIRY) >= 0:
                widget.set_same_as_token()
        elif value.startswith("custom:"):
            text = value.removeprefix("custom:")
            seconds = plain_number(text)
            if seconds is not None:
                widget.set_seconds(seconds)  # shown in its unit again: "90 min"
            else:
                widget.set_custom_text(text)
        elif (seconds := plain_number(value)) is not None:
            widget.set_seconds(seconds)
    elif isinstance(widget, (QLineEdit, ValidatedField)):
        widget.setText(value)
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index < 0:
            index = widget.findText(value)
        if index >= 0:
            widget.setCurrentIndex(index)
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(value == "1")
