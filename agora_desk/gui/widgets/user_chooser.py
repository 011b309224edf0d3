"""'Join with: Uid / User account' and the user field it governs (RTC, ConvoAI, STT forms)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QFormLayout, QHBoxLayout, QRadioButton, QWidget

from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets.forms import add_row
from agora_desk.gui.widgets.validated_field import ValidatedField

UID_PLACEHOLDER = QT_TRANSLATE_NOOP("UserChooser", "0 to 4294967295; 0 = any user")
ACCOUNT_PLACEHOLDER = QT_TRANSLATE_NOOP("UserChooser", "the user account the app joins with")


class UserChooser(QWidget):
    """The radio pair (this widget, a "Join with:" row) and ``user`` (the row below it).

    Switching to an account empties a "0" the uid mode put there, and back
    to a uid fills an empty field with "0" (any user).
    """

    changed = Signal()

    def __init__(self, form: QFormLayout, parent: QWidget, label: str = "") -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.by_uid = QRadioButton(translate("UserChooser", "&Uid (number)"), self)
        self.by_account = QRadioButton(translate("UserChooser", "User &account (string)"), self)
        self.by_uid.setChecked(True)
        self._group = QButtonGroup(self)
        for button in (self.by_uid, self.by_account):
            self._group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        form.addRow(translate("UserChooser", "Join with:"), self)
        self.user = ValidatedField(
            translate("UserChooser", UID_PLACEHOLDER), text="0", parent=parent
        )
        add_row(form, label or translate("UserChooser", "U&ser:"), self.user)
        self._group.buttonToggled.connect(self._kind_changed)
        self.user.textChanged.connect(self.changed)

    @property
    def is_account(self) -> bool:
        return self.by_account.isChecked()

    def set_user(self, uid: int, account: str | None) -> None:
        """Show a request's user: the account when there is one, else the uid."""
        (self.by_account if account is not None else self.by_uid).setChecked(True)
        self.user.setText(account if account is not None else str(uid))

    def _kind_changed(self, _button: object, checked: bool) -> None:
        if not checked:
            return  # the other button's half of the switch
        if self.is_account:
            self.user.edit.setPlaceholderText(translate("UserChooser", ACCOUNT_PLACEHOLDER))
            if self.user.text() == "0":
                self.user.setText("")
        else:
            self.user.edit.setPlaceholderText(translate("UserChooser", UID_PLACEHOLDER))
            if not self.user.text():
                self.user.setText("0")
        self.changed.emit()
