"""Shared widgets (pytest-qt, offscreen): messages, expiry chooser and display, result box."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from agora_desk.core.errors import InputError
from agora_desk.core.validation import Issue, Key
from agora_desk.gui.widgets import (
    ExpiryChooser,
    ExpiryDisplay,
    MessageLabel,
    ResultBox,
    ValidatedField,
    WarningsList,
    countdown,
    monospace_font,
)

pytestmark = pytest.mark.gui


def _palette(window: str, text: str) -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    return palette


def _text_colour(label: MessageLabel) -> str:
    return label.palette().color(QPalette.ColorRole.WindowText).name()


def test_message_colours_follow_light_and_dark_palettes(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.setPalette(_palette("#f0f0f0", "#000000"))
    label = MessageLabel(parent)
    label.set_message("error", "bad")
    assert _text_colour(label) == "#b3261e"
    assert label.text() == "✖ bad"  # a symbol too: colour is not the only signal
    parent.setPalette(_palette("#202020", "#eeeeee"))  # the system switched to dark
    assert _text_colour(label) == "#ff8a80"
    label.set_message("warning", "careful")
    assert _text_colour(label) == "#ffc061"
    label.set_message("info", "fine")
    assert _text_colour(label) == "#eeeeee"  # the palette's own text colour
    label.clear_message()
    assert label.isHidden() and label.level is None


def test_validated_field_shows_the_first_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = ValidatedField()
    qtbot.addWidget(field)
    field.set_issues([Issue("warning", "x", "odd"), Issue("error", "x", "wrong")])
    assert field.has_error and field.message.message == "wrong"
    assert field.edit.accessibleDescription() == "error: wrong"
    field.set_issues([Issue("warning", "x", "odd")])
    assert not field.has_error and field.message.level == "warning"
    field.set_issues([])
    assert field.message.isHidden()


def test_expiry_chooser(qtbot) -> None:  # type: ignore[no-untyped-def]
    chooser = ExpiryChooser(86400)
    qtbot.addWidget(chooser)
    assert chooser.seconds() == 86400 and chooser.custom.isHidden()
    chooser.set_seconds(90)
    assert chooser.raw_value() == "90" and chooser.seconds() == 90
    assert chooser.hint.text() == "= 1 min"
    chooser.set_custom_text("-1")
    assert chooser.issues("expire") == [
        Issue("error", "expire", "-1 is negative; give a number of seconds, 0 or more", Key.EXPIRE)
    ]
    with pytest.raises(InputError):
        chooser.seconds()
    same = ExpiryChooser(None, same_as_token=True)
    qtbot.addWidget(same)
    assert same.is_same_as_token and same.seconds() is None and same.issues("x") == []


def test_expiry_chooser_follows_a_new_default_unless_changed(qtbot) -> None:  # type: ignore[no-untyped-def]
    untouched = ExpiryChooser(3600)
    changed = ExpiryChooser(3600)
    for chooser in (untouched, changed):
        qtbot.addWidget(chooser)
    changed.set_custom_text("600")
    untouched.follow_default(86400)
    changed.follow_default(86400)
    assert untouched.seconds() == 86400
    assert changed.seconds() == 600


def test_countdown() -> None:
    assert countdown(7) == "7 s"
    assert countdown(3598) == "59 min 58 s"
    assert countdown(3605) == "1 h 0 min"
    assert countdown(7140) == "1 h 59 min"
    assert countdown(90_000) == "25 h 0 min"  # not "1 d 0 h 59 min" beside the 24 h rule
    assert countdown(3 * 86400 + 4 * 3600 + 5) == "3 d 4 h"


def test_expiry_display_without_limit_does_not_tick(qtbot) -> None:  # type: ignore[no-untyped-def]
    display = ExpiryDisplay(now=lambda: 1000.0)
    qtbot.addWidget(display)
    display.set_rows([("Token expires", 0)])
    assert display.texts() == ["no time limit | "]
    assert not display.ticking
    display.set_rows([("Token expires", 1060)])
    assert display.texts()[0].endswith("| in 1 min 0 s")
    assert "(UTC)" in display._labels[0][0].toolTip()
    assert display.ticking
    display.clear()
    assert display.isHidden() and not display.ticking


def test_result_box_copy(qtbot) -> None:  # type: ignore[no-untyped-def]
    copied: list[str] = []
    box = ResultBox(copied.append)
    qtbot.addWidget(box)
    assert not box.copy_button.isEnabled()
    box.set_text("007abc")
    assert box.copy_button.isEnabled()
    assert box.text_box.isReadOnly()
    assert box.text_box.font().family() == monospace_font().family()
    box.copy_button.click()
    assert copied == ["007abc"]
    assert box.copy_button.toolTip() == "Copy (Ctrl+Shift+C)"


def test_warnings_list(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    warnings = WarningsList(parent)
    parent.show()
    assert warnings.isHidden()
    warnings.set_issues([Issue("warning", "channel", "is 70 bytes")])
    assert warnings.messages() == ["channel: is 70 bytes"]
    assert warnings.isVisible()
    warnings.clear()
    assert warnings.isHidden()


# -- issue 17: red frames, reserved lines, presets with units ----------------------


def test_a_field_in_error_gets_a_red_frame(qtbot) -> None:  # type: ignore[no-untyped-def]
    from agora_desk.gui.theme import DARK, LIGHT, Tone

    field = ValidatedField()
    qtbot.addWidget(field)
    field.set_issues([Issue("error", "App ID", "is 3 characters; it needs 32")])
    red = {LIGHT.tones[Tone.ERROR], DARK.tones[Tone.ERROR]}
    assert any(colour in field.edit.styleSheet() for colour in red)
    field.set_issues([Issue("warning", "App ID", "unusual")])
    assert field.edit.styleSheet() == ""  # a warning is not an error
    field.message.set_message("error", "set by a dialog directly")
    assert field.edit.styleSheet() != ""
    field.message.clear_message()
    assert field.edit.styleSheet() == ""


def test_a_message_appearing_does_not_move_the_form(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = ValidatedField()
    qtbot.addWidget(field)
    field.show()
    empty = field.sizeHint().height()
    field.set_issues([Issue("error", "x", "short")])
    assert field.sizeHint().height() == empty


def test_expiry_presets_and_custom_units(qtbot) -> None:  # type: ignore[no-untyped-def]
    chooser = ExpiryChooser()
    qtbot.addWidget(chooser)
    labels = [chooser.combo.itemText(i) for i in range(chooser.combo.count())]
    assert labels == ["10 minutes", "1 hour", "12 hours", "24 hours", "Custom…"]
    chooser.set_seconds(5400)
    assert (chooser.custom.text(), chooser.unit.currentText()) == ("90", "min")
    assert chooser.seconds() == 5400
    chooser.unit.setCurrentIndex(chooser.unit.findText("h"))
    assert chooser.seconds() == 90 * 3600
    chooser.set_custom_text("45")
    assert chooser.unit.currentText() == "s" and chooser.seconds() == 45
    # Digits int() refuses, in a unit other than seconds: an issue, never a crash.
    for text in ("²", "٣", "9" * 5000):
        chooser.set_custom_text(text)
        chooser.unit.setCurrentIndex(chooser.unit.findText("min"))
        assert chooser.issues("expire"), text
