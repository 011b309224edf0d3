"""The "RTM token" tab: a Signaling (RTM) login token, 007 or 006 legacy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QWidget

from agora_desk.core import timefmt
from agora_desk.core.credentials import Credentials
from agora_desk.core.validation import check_user_id
from agora_desk.gui.context import AppContext
from agora_desk.gui.generator_tab import GeneratorTab, Output, credentials_source, token_version
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets import ExpiryChooser, ValidatedField, add_row

if TYPE_CHECKING:
    from agora_desk.core.builders import RtmRequest


class RtmTab(GeneratorTab["RtmRequest"]):
    TITLE = QT_TRANSLATE_NOOP("Tabs", "RTM token")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        form_widget, _column, box, form = self.token_form()
        self.user_id = ValidatedField(
            translate("RtmTab", "the user ID the app logs in with"), parent=box
        )
        add_row(form, translate("RtmTab", "&User ID:"), self.user_id)
        self.expiry = ExpiryChooser(int(context.settings.get("default_expire_s")), parent=box)
        add_row(form, translate("RtmTab", "Token e&xpiry:"), self.expiry)
        self.legacy = QCheckBox(translate("RtmTab", "&006 legacy token (RTM SDK 1.x)"), box)
        form.addRow("", self.legacy)

        self.finish_layout(form_widget)
        self.user_id.textChanged.connect(self.on_input_changed)
        self.expiry.changed.connect(self.on_input_changed)
        self.legacy.toggled.connect(self.on_input_changed)
        self.remember({"user_id": self.user_id, "expiry": self.expiry, "legacy": self.legacy})

    def showEvent(self, event: QShowEvent) -> None:
        self.expiry.follow_default(int(self.context.settings.get("default_expire_s")))
        super().showEvent(event)

    def check(self) -> tuple[RtmRequest | None, bool]:
        user_issues = check_user_id(self.user_id.text(), translate("RtmTab", "user ID"))
        expire_issues = self.expiry.issues("expire")
        shown = self.show_field_issues(self.user_id, user_issues)
        shown |= self.show_field_issues(self.expiry, expire_issues)
        if any(i.level == "error" for i in user_issues + expire_issues):
            return None, shown
        from agora_desk.core.builders import RtmRequest

        expire = self.expiry.seconds("expire")
        assert expire is not None
        return RtmRequest(user_id=self.user_id.text(), expire=expire), shown

    def legacy_switch(self) -> QCheckBox:
        return self.legacy

    def fill(self, request: RtmRequest) -> None:
        self.user_id.setText(request.user_id)
        self.expiry.set_seconds(request.expire)

    def produce(self, creds: Credentials, request: RtmRequest) -> Output:
        from agora_desk.core.builders import build_rtm, build_rtm_legacy

        assert creds.app_certificate is not None
        legacy = self.legacy.isChecked()
        builder = build_rtm_legacy if legacy else build_rtm
        result = builder(creds, request, self.stamp)
        expires_at = result.issued_at + request.expire if request.expire else 0
        label = (
            translate("RtmTab", "Login privilege expires")
            if legacy
            else translate("RtmTab", "Token expires")
        )
        version = token_version(legacy)
        details = translate(
            "RtmTab",
            "{version} · RTM login for “{user_id}” · from {credentials_source}\nIssued {local} · salt {salt}",
        ).format(
            version=version,
            user_id=request.user_id,
            credentials_source=credentials_source(creds),
            local=timefmt.local(result.issued_at),
            salt=result.salt,
        )
        return Output(result.token, details, [(label, expires_at)], result.warnings)
