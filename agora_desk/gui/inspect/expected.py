"""What Inspect checks a token against: the certificate, channel, uid and the app's error.

All four are optional; each one given turns on the checks it makes possible.
The certificate typed here is kept in memory for the session only.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from agora_desk.gui.translation import translate
from agora_desk.gui.widgets.forms import optional_field


class ExpectedInputs(QWidget):
    """The form under Inspect's token box (its texts belong to the tab's catalogue context)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        cert_row = QHBoxLayout()
        self.cert_edit = QLineEdit()
        self.cert_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.cert_edit.setPlaceholderText(
            translate("InspectTab", "empty: the App Certificate of the selected profile")
        )
        self.cert_edit.setToolTip(
            translate(
                "InspectTab",
                "Kept in memory for this session only, never saved. Used only to verify.",
            )
        )
        self.show_cert_button = QToolButton()
        self.show_cert_button.setText(translate("InspectTab", "Show"))
        self.show_cert_button.setCheckable(True)
        self.show_cert_button.toggled.connect(self._reveal)
        cert_row.addWidget(self.cert_edit, 1)
        cert_row.addWidget(self.show_cert_button)
        cert_label = QLabel(translate("InspectTab", "App &Certificate"))
        cert_label.setBuddy(self.cert_edit)
        form.addRow(cert_label, cert_row)
        self.certificate_label = QLabel()
        self.certificate_label.setWordWrap(True)
        form.addRow("", self.certificate_label)
        self.channel_edit = optional_field(
            form,
            translate("InspectTab", "Expected cha&nnel"),
            translate("InspectTab", "the channel the app joins"),
        )
        self.uid_edit = optional_field(
            form,
            translate("InspectTab", "Expected &uid"),
            translate("InspectTab", "the uid or user account the app uses (0 = any user)"),
        )
        self.error_edit = optional_field(
            form,
            translate("InspectTab", "App's e&rror"),
            translate(
                "InspectTab", "the error the app got (110, 109, 17, 'dynamic key expired', 401…)"
            ),
        )

    def _reveal(self, on: bool) -> None:
        self.cert_edit.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
