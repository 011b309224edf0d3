"""The questions the window asks before it throws work away or removes something."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from agora_desk.gui.translation import translate


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget, what: str) -> Unsaved:
    """Save / Discard / Cancel for unsaved edits of ``what`` (e.g. "profile “demo”")."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Prompts", "Unsaved changes"))
    box.setText(translate("Prompts", "Save the changes to {what}?").format(what=what))
    box.setInformativeText(translate("Prompts", "If you don't, what you typed is lost."))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Unsaved.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL


def confirm_remove(parent: QWidget, title: str, text: str, action: str | None = None) -> bool:
    """A destructive action named on its button (never Yes/No); Cancel is the default."""
    if action is None:
        action = translate("Prompts", "Remove")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    remove = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is remove
