"""Form building blocks: a titled form box, a row whose label has a buddy, the RTC role."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from agora_desk.gui.translation import translate


def group(title: str, parent: QWidget | None = None) -> tuple[QGroupBox, QFormLayout]:
    """A titled box holding a form, with labels on the left."""
    box = QGroupBox(title, parent)
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return box, form


def add_row(form: QFormLayout, text: str, field: QWidget) -> QLabel:
    """A form row whose label (with its &mnemonic) has ``field`` as buddy."""
    label = QLabel(text, form.parentWidget())
    label.setBuddy(field)
    form.addRow(label, field)
    return label


def optional_field(form: QFormLayout, text: str, what: str) -> QLineEdit:
    """A labelled line edit whose placeholder says it is optional and what goes in."""
    edit = QLineEdit(form.parentWidget())
    edit.setPlaceholderText(translate("Forms", "optional: {what}").format(what=what))
    add_row(form, text, edit)
    return edit


def role_combo(parent: QWidget) -> QComboBox:
    """The RTC role as the builders take it (``currentData()``: "publisher" / "subscriber")."""
    combo = QComboBox(parent)
    combo.addItem(translate("Forms", "Publisher (join + publish)"), "publisher")
    combo.addItem(translate("Forms", "Subscriber (join only)"), "subscriber")
    return combo
