"""The "RTC token" tab: the official RTC builders (007, or 006 legacy) as a form."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QWidget,
)

from agora_desk.core import timefmt
from agora_desk.core.credentials import Credentials
from agora_desk.core.validation import (
    Issue,
    Key,
    check_expire,
    check_uid,
    parse_seconds,
    parse_uid,
    plain_number,
)
from agora_desk.gui.context import AppContext
from agora_desk.gui.generator_tab import GeneratorTab, Output, credentials_source, token_version
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets import (
    ExpiryChooser,
    Level,
    UserChooser,
    ValidatedField,
    add_row,
    role_combo,
)

if TYPE_CHECKING:
    from agora_desk.core.builders import RtcRequest

# The form's own hint for a name typed as a uid: it can point at its radio button.
_FORM_HINT = QT_TRANSLATE_NOOP("RtcTab", "(for a string user account choose “User account”)")

PRIVILEGES = ("join", "audio", "video", "data")
PRIVILEGE_KEYS = {
    "join": Key.JOIN_EXPIRE,
    "audio": Key.AUDIO_EXPIRE,
    "video": Key.VIDEO_EXPIRE,
    "data": Key.DATA_EXPIRE,
}
PRIVILEGE_LABELS = {
    "join": QT_TRANSLATE_NOOP("RtcTab", "&Join channel (s):"),
    "audio": QT_TRANSLATE_NOOP("RtcTab", "Publish au&dio (s):"),
    "video": QT_TRANSLATE_NOOP("RtcTab", "Pub&lish video (s):"),
    "data": QT_TRANSLATE_NOOP("RtcTab", "Pu&blish data (s):"),
}
# The role as the details line names it (request.role is the builders' word).
ROLE_WORDS = (QT_TRANSLATE_NOOP("RtcTab", "publisher"), QT_TRANSLATE_NOOP("RtcTab", "subscriber"))
LEGACY_DROPS_RTM = QT_TRANSLATE_NOOP(
    "RtcTab", "not used: a 006 legacy token has no RTM login; untick 006 for one RTC + RTM token"
)


class RtcTab(GeneratorTab["RtcRequest"]):
    TITLE = QT_TRANSLATE_NOOP("Tabs", "RTC token")

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        expire_default, privilege_default = self._defaults()

        form_widget, column, box, form = self.token_form()
        self.channel = ValidatedField(
            translate("RtcTab", "the channel name the app joins"), parent=box
        )
        add_row(form, translate("RtcTab", "Cha&nnel:"), self.channel)
        self.who = UserChooser(form, box)
        self.user = self.who.user

        self.role = role_combo(box)
        add_row(form, translate("RtcTab", "&Role:"), self.role)

        self.expiry = ExpiryChooser(expire_default, parent=box)
        add_row(form, translate("RtcTab", "Token e&xpiry:"), self.expiry)
        self.privilege_expiry = ExpiryChooser(privilege_default, same_as_token=True, parent=box)
        add_row(form, translate("RtcTab", "&Privilege expiry:"), self.privilege_expiry)

        self.rtm_user = ValidatedField(
            translate("RtcTab", "optional: also log in to RTM (one RTC + RTM token)"), parent=box
        )
        add_row(form, translate("RtcTab", "RT&M user ID:"), self.rtm_user)

        self.legacy = QCheckBox(translate("RtcTab", "&006 legacy token (older SDKs; no RTM)"), box)
        form.addRow("", self.legacy)

        # Collapsed unless checked: most people want the role shortcut.
        # A check box over a frame that opens below it: most people want the role shortcut.
        self.advanced = QCheckBox(
            translate(
                "RtcTab",
                "Advanced: a separate expiry for each privilege (“with privilege” builder)",
            ),
            form_widget,
        )
        self._advanced_body = QFrame(form_widget)
        self._advanced_body.setFrameShape(QFrame.Shape.StyledPanel)
        self._advanced_body.hide()
        self.privilege_fields: dict[str, ValidatedField] = {}  # made when first opened
        column.addWidget(self.advanced)
        column.addWidget(self._advanced_body)

        self.finish_layout(form_widget)

        for field in (self.channel, self.rtm_user):
            field.textChanged.connect(self.on_input_changed)
        self.who.changed.connect(self.on_input_changed)
        for chooser in (self.expiry, self.privilege_expiry):
            chooser.changed.connect(self.on_input_changed)
        self.role.currentIndexChanged.connect(self.on_input_changed)
        self.legacy.toggled.connect(self.on_input_changed)
        self.advanced.toggled.connect(self._advanced_toggled)
        self.remember(
            {
                "channel": self.channel,
                "by_account": self.who.by_account,
                "user": self.user,
                "role": self.role,
                "expiry": self.expiry,
                "privilege_expiry": self.privilege_expiry,
                "rtm_user": self.rtm_user,
                "legacy": self.legacy,
            }
        )

    # -- form state ------------------------------------------------------------

    def _defaults(self) -> tuple[int, int | None]:
        """Default token and privilege expiry from Settings (None: same as the token)."""
        settings = self.context.settings
        expire = int(settings.get("default_expire_s"))
        privilege = int(settings.get("default_privilege_expire_s"))
        return expire, None if privilege == expire else privilege

    def showEvent(self, event: QShowEvent) -> None:
        expire, privilege = self._defaults()
        self.expiry.follow_default(expire)
        self.privilege_expiry.follow_default(privilege)
        super().showEvent(event)

    def _advanced_toggled(self, on: bool) -> None:
        if on and not self.privilege_fields:
            self._build_advanced()
        self._advanced_body.setVisible(on)
        self.on_input_changed()

    def _build_advanced(self) -> None:
        expire, privilege = self._defaults()
        each = str(expire if privilege is None else privilege)
        form = QFormLayout(self._advanced_body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        previous: QWidget = self.advanced
        for key in PRIVILEGES:
            field = ValidatedField(
                translate("RtcTab", "seconds"), text=each, parent=self._advanced_body
            )
            add_row(form, translate("RtcTab", PRIVILEGE_LABELS[key]), field)
            field.textChanged.connect(self.on_input_changed)
            self.privilege_fields[key] = field
            # Made after the Generate button, so placed in the tab order by hand.
            QWidget.setTabOrder(previous, field.edit)
            previous = field.edit
        QWidget.setTabOrder(previous, self.generate_button)

    def check(self) -> tuple[RtcRequest | None, bool]:
        legacy = self.legacy.isChecked()
        separate = self.advanced.isChecked()
        self.rtm_user.setEnabled(not legacy)
        self.role.setEnabled(not separate)
        self.privilege_expiry.setEnabled(not separate)

        issues: list[Issue] = []
        uid, account = 0, None
        if self.who.is_account:
            account = self.user.text()
        elif self.user.text():
            uid_issues = check_uid(self.user.text())
            if plain_number(self.user.text().strip()) is None:  # a name: point at the radio button
                uid_issues = [
                    replace(
                        i,
                        message=translate("RtcTab", "{message} {hint}").format(
                            message=i.message, hint=translate("RtcTab", _FORM_HINT)
                        ),
                    )
                    for i in uid_issues
                ]
            issues += uid_issues
            if not uid_issues:
                uid = parse_uid(self.user.text())
        issues += self.expiry.issues("expire")
        if not separate:
            issues += self.privilege_expiry.issues("privilege expire", Key.PRIVILEGE_EXPIRE)
        else:
            for key, field in self.privilege_fields.items():
                issues += [
                    i
                    for i in check_expire(field.text(), f"{key} expire", PRIVILEGE_KEYS[key])
                    if i.level == "error"
                ]
        request: RtcRequest | None = None
        if not any(i.level == "error" for i in issues):
            from agora_desk.core.builders import RtcRequest, rtc_issues

            expire = self.expiry.seconds("expire")
            assert expire is not None
            values: dict[str, Any] = {}
            if separate:
                values = {
                    f"{key}_expire": parse_seconds(field.text(), f"{key} expire")
                    for key, field in self.privilege_fields.items()
                }
            rtm_user = self.rtm_user.text()
            request = RtcRequest(
                channel=self.channel.text(),
                uid=uid,
                account=account,
                role=self.role.currentData(),
                expire=expire,
                privilege_expire=None if separate else self.privilege_expiry.seconds(),
                rtm_user_id=rtm_user if rtm_user and not legacy else None,
                **values,
            )
            # The core's own list: the same words the CLI and token server use.
            issues += [i for i in rtc_issues(request) if i not in issues]
            if any(i.level == "error" for i in issues):
                request = None

        by_key: dict[Key, list[Issue]] = {}
        for issue in issues:
            by_key.setdefault(issue.key, []).append(issue)
        shown = False
        targets: list[tuple[Any, list[Key]]] = [
            (self.channel, [Key.CHANNEL]),
            (self.user, [Key.UID, Key.ACCOUNT]),
            (self.expiry, [Key.EXPIRE]),
            (self.privilege_expiry, [Key.PRIVILEGE_EXPIRE]),
            (self.rtm_user, [Key.RTM_USER]),
            *((field, [PRIVILEGE_KEYS[k]]) for k, field in self.privilege_fields.items()),
        ]
        for widget, keys in targets:
            found = [i for key in keys for i in by_key.get(key, [])]
            shown |= self.show_field_issues(widget, found)
        if legacy and self.rtm_user.text():
            # Kept for when 006 is unticked, but said plainly: not silently dropped.
            self.rtm_user.message.set_message(Level.WARNING, translate("RtcTab", LEGACY_DROPS_RTM))
        return request, shown

    def legacy_switch(self) -> QCheckBox:
        return self.legacy

    def fill(self, request: RtcRequest) -> None:
        self.channel.setText(request.channel)
        self.who.set_user(request.uid, request.account)
        self.role.setCurrentIndex(max(0, self.role.findData(request.role)))
        self.expiry.set_seconds(request.expire)
        if request.privilege_expire is None:
            self.privilege_expiry.set_same_as_token()
        else:
            self.privilege_expiry.set_seconds(request.privilege_expire)
        self.rtm_user.setText(request.rtm_user_id or "")
        self.advanced.setChecked(request.separate_privileges)
        separate = {
            "join": request.join_expire,
            "audio": request.audio_expire,
            "video": request.video_expire,
            "data": request.data_expire,
        }
        for key, field in self.privilege_fields.items():
            value = separate[key]
            field.setText(str(request.expire if value is None else value))

    # -- building --------------------------------------------------------------

    def produce(self, creds: Credentials, request: RtcRequest) -> Output:
        from agora_desk.core.builders import build_rtc, build_rtc_legacy

        assert creds.app_certificate is not None
        legacy = self.legacy.isChecked()
        builder = build_rtc_legacy if legacy else build_rtc
        result = builder(creds, request, self.stamp)

        issued = result.issued_at
        if request.separate_privileges:
            join = request.join_expire
            what = translate("RtcTab", "separate privilege expiries")
        else:
            join = request.privilege_expire
            what = translate("RtcTab", request.role)
        join = request.expire if join is None else join
        join_at = issued + join if join else 0
        token_at = issued + request.expire if request.expire else 0
        if legacy:
            # 006 has no token-level expiry: the privileges carry absolute times.
            expiries = [(translate("RtcTab", "Join privilege expires"), join_at)]
        else:
            expiries = [(translate("RtcTab", "Token expires"), token_at)]
            if join_at != token_at:
                expiries.append((translate("RtcTab", "Join privilege expires"), join_at))
        services = "RTC + RTM" if request.rtm_user_id is not None else "RTC"
        version = token_version(legacy)
        details = translate(
            "RtcTab",
            "{version} · {services} · {what} · from {source}\nIssued {issued} · salt {salt}",
        ).format(
            version=version,
            services=services,
            what=what,
            source=credentials_source(creds),
            issued=timefmt.local(issued),
            salt=result.salt,
        )
        return Output(result.token, details, expiries, result.warnings)
