"""Form building blocks: a titled form box, a row whose label has a buddy, the RTC role."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

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


class _DownOnly(QScrollArea):
    """Scrolls down, never across: never narrower than its content's minimum width."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        width = (
            content.minimumSizeHint().width()
            + self.verticalScrollBar().sizeHint().width()
            + 2 * self.frameWidth()
        )
        return QSize(max(hint.width(), width), hint.height())

    def sizeHint(self) -> QSize:
        """All of the content, where there is room for it."""
        hint = super().sizeHint()
        content = self.widget()
        if content is None:
            return hint
        wanted = content.sizeHint().height() + 2 * self.frameWidth()
        return QSize(max(hint.width(), self.minimumSizeHint().width()), max(hint.height(), wanted))


def scrolling(
    content: QWidget, parent: QWidget | None = None, *, frame: bool = False, across: bool = True
) -> QScrollArea:
    """``content`` in a scroll area: at the minimum window size it scrolls instead of clipping.

    ``across=False``: it only scrolls down, and keeps the width the content needs
    (a column of results whose buttons must stay in reach).
    """
    scroll = QScrollArea(parent) if across else _DownOnly(parent)
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    if not across:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if not frame:
        scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its focus frame would be invisible
    return scroll
