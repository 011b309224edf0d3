"""Settings: language, clipboard timeout, default expiries, REST connection. Never a secret."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from agora_desk.core.rest import check_base_url
from agora_desk.core.validation import errors as error_issues
from agora_desk.gui.context import AppSettings
from agora_desk.gui.prompts import Unsaved, ask_unsaved
from agora_desk.gui.translation import LANGUAGE_CHOICES, choice_label, translate
from agora_desk.gui.widgets import ExpiryChooser, Level, MessageLabel, ValidatedField, add_row


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        self.setMinimumWidth(560)
        self.settings = settings
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.language = QComboBox(self)
        for choice in LANGUAGE_CHOICES:
            self.language.addItem(choice_label(choice), choice)
        self.language.setToolTip(
            translate(
                "SettingsDialog",
                "The language of the window and of the messages; System follows the "
                "desktop's language",
            )
        )
        add_row(form, translate("SettingsDialog", "Lan&guage:"), self.language)

        self.clipboard_timeout = QSpinBox(self)
        self.clipboard_timeout.setRange(0, 3600)
        self.clipboard_timeout.setSuffix(translate("SettingsDialog", " s"))
        self.clipboard_timeout.setSpecialValueText(
            translate("SettingsDialog", "never (not recommended)")
        )
        self.clipboard_timeout.setToolTip(
            translate(
                "SettingsDialog",
                "A copied token or secret is cleared from the clipboard after this time, "
                "if the clipboard still holds it",
            )
        )
        add_row(
            form,
            translate("SettingsDialog", "C&lear copied secrets after:"),
            self.clipboard_timeout,
        )

        self.default_expire = ExpiryChooser(parent=self)
        add_row(form, translate("SettingsDialog", "Default token e&xpiry:"), self.default_expire)
        self.default_privilege_expire = ExpiryChooser(parent=self)
        add_row(
            form,
            translate("SettingsDialog", "Default &privilege expiry:"),
            self.default_privilege_expire,
        )

        self.rest_base_url = ValidatedField("https://api.agora.io", parent=self)
        add_row(form, translate("SettingsDialog", "REST &base URL:"), self.rest_base_url)
        self.rest_timeout = QSpinBox(self)
        self.rest_timeout.setRange(1, 300)
        self.rest_timeout.setSuffix(translate("SettingsDialog", " s"))
        add_row(form, translate("SettingsDialog", "REST &timeout:"), self.rest_timeout)
        self.rest_ca_file = ValidatedField(
            translate("SettingsDialog", "optional: a PEM file with extra CA certificates"),
            parent=self,
        )
        browse = QPushButton(translate("SettingsDialog", "Br&owse…"), self)
        browse.clicked.connect(self._browse_ca)
        ca_row = QWidget(self)
        ca_layout = QHBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.addWidget(self.rest_ca_file, 1)
        ca_layout.addWidget(browse)
        label = add_row(form, translate("SettingsDialog", "Extra &CA file:"), ca_row)
        label.setBuddy(self.rest_ca_file)

        self.status = MessageLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self.restore_defaults)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._attempted = False  # after the first OK, an empty custom expiry is an error
        self._load(settings.get)
        self._clean = self._snapshot()
        # Replaceable in tests (a modal box would block them).
        self.ask_unsaved: Callable[[str], Unsaved] = lambda what: ask_unsaved(self, what)
        for field in (self.rest_base_url, self.rest_ca_file):
            field.textChanged.connect(self.revalidate)
        for chooser in (self.default_expire, self.default_privilege_expire):
            chooser.changed.connect(self.revalidate)
        self.revalidate()

    def _load(self, get: Callable[[str], Any]) -> None:
        index = self.language.findData(str(get("language")))
        self.language.setCurrentIndex(max(index, 0))
        self.clipboard_timeout.setValue(int(get("clipboard_timeout_s")))
        self.default_expire.set_seconds(int(get("default_expire_s")))
        self.default_privilege_expire.set_seconds(int(get("default_privilege_expire_s")))
        self.rest_base_url.setText(str(get("rest_base_url")))
        self.rest_timeout.setValue(int(get("rest_timeout_s")))
        self.rest_ca_file.setText(str(get("rest_ca_file")))

    def _snapshot(self) -> tuple[object, ...]:
        return (
            self.language.currentData(),
            self.clipboard_timeout.value(),
            self.default_expire.raw_value(),
            self.default_privilege_expire.raw_value(),
            self.rest_base_url.text(),
            self.rest_timeout.value(),
            self.rest_ca_file.text(),
        )

    @property
    def dirty(self) -> bool:
        return self._snapshot() != self._clean

    def reject(self) -> None:
        # Cancel, Escape and the window's close button all come here.
        if self.dirty:
            answer = self.ask_unsaved(translate("SettingsDialog", "the settings"))
            if answer is Unsaved.CANCEL:
                return
            if answer is Unsaved.SAVE:
                self.accept()
                return
        super().reject()

    def restore_defaults(self) -> None:
        self._load(AppSettings.DEFAULTS.__getitem__)
        self.revalidate()

    def _browse_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            translate("SettingsDialog", "Extra CA certificates"),
            "",
            translate("SettingsDialog", "PEM files (*.pem *.crt);;All files (*)"),
        )
        if path:
            self.rest_ca_file.setText(path)

    def revalidate(self) -> bool:
        ok = True
        for chooser, field in (
            (self.default_expire, translate("SettingsDialog", "default token expiry")),
            (
                self.default_privilege_expire,
                translate("SettingsDialog", "default privilege expiry"),
            ),
        ):
            issues = error_issues(chooser.issues(field))
            # "Custom…" just chosen, nothing typed yet: not an error worth red text.
            fresh = chooser.raw_value() == "" and not self._attempted
            chooser.set_issues([] if fresh else issues)
            ok &= not issues or fresh
        # The same rules (and words) as the Test request tab and the CLI.
        url_issues = check_base_url(self.rest_base_url.text())
        self.rest_base_url.set_issues(url_issues)
        ok &= not url_issues
        ca = self.rest_ca_file.text().strip()
        ca_problem = (
            None if not ca or os.path.isfile(ca) else translate("SettingsDialog", "no such file")
        )
        self.rest_ca_file.message.set_message(Level.ERROR if ca_problem else None, ca_problem or "")
        ok &= ca_problem is None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        return ok

    def accept(self) -> None:
        self._attempted = True
        if not self.revalidate():
            self.status.set_message(
                Level.ERROR, translate("SettingsDialog", "Fix the fields marked in red first.")
            )
            return
        expire = self.default_expire.seconds(translate("SettingsDialog", "default token expiry"))
        privilege = self.default_privilege_expire.seconds(
            translate("SettingsDialog", "default privilege expiry")
        )
        settings = self.settings
        settings.set("language", str(self.language.currentData()))
        settings.set("clipboard_timeout_s", self.clipboard_timeout.value())
        settings.set("default_expire_s", expire)
        settings.set("default_privilege_expire_s", privilege)
        settings.set("rest_base_url", self.rest_base_url.text().strip().rstrip("/"))
        settings.set("rest_timeout_s", self.rest_timeout.value())
        settings.set("rest_ca_file", self.rest_ca_file.text().strip())
        settings.qsettings.sync()
        super().accept()
