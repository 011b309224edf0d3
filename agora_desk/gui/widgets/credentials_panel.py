"""App ID + App Certificate, or Customer ID + Secret: from a profile, or typed for the session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from enum import Enum
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agora_desk.core.credentials import Credentials
from agora_desk.core.secret import Secret
from agora_desk.core.validation import Issue, check_hex32
from agora_desk.core.validation import errors as error_issues
from agora_desk.gui.context import AppContext, storage_of
from agora_desk.gui.jobs import Job
from agora_desk.gui.reporting import failure_message
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets.forms import add_row
from agora_desk.gui.widgets.message_label import Level, MessageLabel
from agora_desk.gui.widgets.validated_field import ValidatedField
from agora_desk.secrets.fields import (
    APP_CERTIFICATE,
    APP_CERTIFICATE_SECONDARY,
    CUSTOMER_SECRET,
    LABELS,
    problem,
)
from agora_desk.secrets.profiles import Profile


class CredentialKind(str, Enum):
    APP = "app"  # App ID + App Certificate
    CUSTOMER = "customer"  # Customer ID + Customer Secret


class _Pair(NamedTuple):
    """One kind's two fields: how they are labelled and hinted, and their keys."""

    id_label: str
    secret_label: str
    id_placeholder: str
    secret_placeholder: str
    id_key: str
    secret_key: str


_PAIRS = {
    CredentialKind.APP: _Pair(
        QT_TRANSLATE_NOOP("CredentialsPanel", "App &ID:"),
        QT_TRANSLATE_NOOP("CredentialsPanel", "App &Certificate:"),
        QT_TRANSLATE_NOOP("CredentialsPanel", "32 hexadecimal characters from Agora Console"),
        QT_TRANSLATE_NOOP("CredentialsPanel", "32 hex characters"),
        "app_id",
        APP_CERTIFICATE,
    ),
    CredentialKind.CUSTOMER: _Pair(
        QT_TRANSLATE_NOOP("CredentialsPanel", "Customer &ID:"),
        QT_TRANSLATE_NOOP("CredentialsPanel", "Customer &Secret:"),
        QT_TRANSLATE_NOOP("CredentialsPanel", "from Agora Console → RESTful API"),
        QT_TRANSLATE_NOOP("CredentialsPanel", "downloaded once from the Console"),
        "customer_id",
        CUSTOMER_SECRET,
    ),
}


class CredentialsPanel(QGroupBox):
    """App ID + App Certificate (``kind="app"``) or Customer ID + Secret (``"customer"``).

    With a profile selected it only says which profile is used: the secret is
    read from the keyring (off the GUI thread) when the tab generates. With no
    profile the two values are typed here, for this session only; they are kept
    in ``context.session_ids`` / ``context.session_secrets`` so that every tab
    sees the same typed values.
    """

    changed = Signal()

    def __init__(
        self,
        context: AppContext,
        kind: CredentialKind = CredentialKind.APP,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(translate("CredentialsPanel", "Credentials"), parent)
        self.context = context
        self.kind = CredentialKind(kind)
        texts = _PAIRS[self.kind]
        labels = (
            translate("CredentialsPanel", texts.id_label),
            translate("CredentialsPanel", texts.secret_label),
        )
        placeholders = (
            translate("CredentialsPanel", texts.id_placeholder),
            translate("CredentialsPanel", texts.secret_placeholder),
        )
        self.id_key, self.secret_key = texts.id_key, texts.secret_key
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.typed = QWidget(self)
        form = QFormLayout(self.typed)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.id_field = ValidatedField(placeholders[0], parent=self.typed)
        self.secret_field = ValidatedField(placeholders[1], password=True, parent=self.typed)
        add_row(form, labels[0], self.id_field)
        add_row(form, labels[1], self.secret_field)
        note = QLabel(self.typed)
        self.note = note
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow(note)
        # Which of the profile's two App Certificates signs (Agora Console keeps a
        # primary and a secondary per project, for rotation).
        self.certificate_row = QWidget(self)
        pick_row = QHBoxLayout(self.certificate_row)
        pick_row.setContentsMargins(0, 0, 0, 0)
        self.certificate_choice = QComboBox(self.certificate_row)
        self.certificate_choice.addItem(
            translate("CredentialsPanel", "Primary App Certificate"), APP_CERTIFICATE
        )
        self.certificate_choice.addItem(
            translate("CredentialsPanel", "Secondary App Certificate"), APP_CERTIFICATE_SECONDARY
        )
        pick = QLabel(translate("CredentialsPanel", "Sign &with:"), self.certificate_row)
        pick.setBuddy(self.certificate_choice)
        pick_row.addWidget(pick)
        pick_row.addWidget(self.certificate_choice)
        pick_row.addStretch(1)
        self.certificate_row.setVisible(False)
        # Said before Generate, with the way to fix it: a profile without a Customer ID.
        self.missing_row = QWidget(self)
        missing_layout = QHBoxLayout(self.missing_row)
        missing_layout.setContentsMargins(0, 0, 0, 0)
        self.missing_message = MessageLabel(self.missing_row)
        self.open_profiles_button = QPushButton(
            translate("CredentialsPanel", "Open Profiles…"), self.missing_row
        )
        self.open_profiles_button.setToolTip(
            translate("CredentialsPanel", "Add the Customer ID to this profile")
        )
        self.open_profiles_button.clicked.connect(context.profilesRequested)
        missing_layout.addWidget(self.missing_message, 1)
        missing_layout.addWidget(self.open_profiles_button, 0, Qt.AlignmentFlag.AlignTop)
        self.missing_row.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.missing_row)
        layout.addWidget(self.certificate_row)
        layout.addWidget(self.typed)
        self._show_empty = False
        self._loading = False
        self.certificate_choice.currentIndexChanged.connect(self._certificate_changed)
        self.id_field.textChanged.connect(self._typed_changed)
        self.secret_field.textChanged.connect(self._typed_changed)
        context.profileChanged.connect(self._profile_changed)
        self._profile_changed(context.profile())

    # -- state -----------------------------------------------------------------

    @property
    def uses_profile(self) -> bool:
        return self.context.profile() is not None

    def _profile_changed(self, profile: Profile | None) -> None:
        _where, persistent = storage_of(self.context)
        self.note.setText(
            translate(
                "CredentialsPanel",
                "Typed for this session only; nothing is saved. Use Profiles… to keep them in "
                "the OS keyring.",
            )
            if persistent
            else translate(
                "CredentialsPanel",
                "Typed for this session only; nothing is saved (no keyring works here).",
            )
        )
        self.load_typed()
        self.summary.setVisible(profile is not None)
        self.certificate_row.setVisible(profile is not None and self.kind is CredentialKind.APP)
        self.typed.setVisible(profile is None)
        if profile is not None:
            self.summary.setText(self._summary_text(profile))
        lacking = self.lacking_id(profile)
        if lacking:
            self.missing_message.set_message(Level.WARNING, lacking)
        else:
            self.missing_message.clear_message()
        self.missing_row.setVisible(bool(lacking))
        self.changed.emit()

    def lacking_id(self, profile: Profile | None) -> str | None:
        """Why a Customer-credentials tab cannot use ``profile`` (known without the keyring)."""
        if profile is None or self.kind is not CredentialKind.CUSTOMER or profile.customer_id:
            return None
        return translate(
            "CredentialsPanel",
            "Profile “{name}” has no Customer ID: add it (and the Customer Secret) in Profiles, or choose another profile.",
        ).format(name=profile.name)

    def language_changed(self) -> None:
        """The window's language changed: where the secret is read from, in the core's words."""
        profile = self.context.profile()
        if profile is not None:
            self.summary.setText(self._summary_text(profile))

    def _summary_text(self, profile: Profile) -> str:
        where, _persistent = storage_of(self.context)
        name = profile.name
        if self.kind is CredentialKind.APP:
            return translate(
                "CredentialsPanel",
                "Profile “{name}” · App ID {app_id}\n"
                "The {secret} is read from {where} when you generate.",
            ).format(
                name=name, app_id=profile.app_id, secret=LABELS[self.wanted_secret], where=where
            )
        customer = profile.customer_id or translate("CredentialsPanel", "(none saved)")
        return translate(
            "CredentialsPanel",
            "Profile “{name}” · Customer ID {customer}\n"
            "The Customer Secret is read from {where} when you generate.",
        ).format(name=name, customer=customer, where=where)

    @property
    def wanted_secret(self) -> str:
        """The secret a Generate reads: the chosen certificate with a profile."""
        if self.kind is CredentialKind.APP and self.uses_profile:
            return str(self.certificate_choice.currentData())
        return self.secret_key

    def _certificate_changed(self) -> None:
        profile = self.context.profile()
        if profile is not None:
            self.summary.setText(self._summary_text(profile))
        self.changed.emit()

    def load_typed(self) -> None:
        """Show the session's typed values (another tab may have changed them)."""
        if self.uses_profile:
            return
        secret = self.context.session_secrets.get(self.secret_key)
        values = (
            self.context.session_ids.get(self.id_key, ""),
            secret.reveal() if secret is not None else "",
        )
        if values == (self.id_field.text(), self.secret_field.text()):
            return
        # Both fields first, then one notice: writing back after the first
        # field alone would store it with the other field's stale value.
        self._loading = True
        try:
            self.id_field.setText(values[0])
            self.secret_field.setText(values[1])
        finally:
            self._loading = False
        self.changed.emit()

    def offer_app_id(self, app_id: str) -> str:
        """Take the App ID a rebuilt token was made for; a sentence when the profile differs."""
        profile = self.context.profile()
        if profile is None:
            self.id_field.setText(app_id)
            return ""
        if profile.app_id.lower() == app_id.lower():
            return ""
        return translate(
            "CredentialsPanel",
            "This token is for App ID {token_app_id}; the profile “{name}” has App ID {app_id}. Choose that project's profile before Generate, or the new token will not work there.",
        ).format(token_app_id=app_id, name=profile.name, app_id=profile.app_id)

    def showEvent(self, event: QShowEvent) -> None:
        self.load_typed()
        super().showEvent(event)

    def _typed_changed(self) -> None:
        if self._loading:
            return
        if not self.uses_profile:
            ident, secret = self.id_field.text(), self.secret_field.text()
            if ident:
                self.context.session_ids[self.id_key] = ident
            else:
                self.context.session_ids.pop(self.id_key, None)
            if secret:
                self.context.session_secrets[self.secret_key] = Secret(secret)
            else:
                self.context.session_secrets.pop(self.secret_key, None)
        self.changed.emit()

    # -- validation ------------------------------------------------------------

    def show_empty_errors(self, show: bool = True) -> None:
        """Before the first Generate, an empty field is not yet an error worth red text."""
        self._show_empty = show

    def issues(self) -> list[Issue]:
        """Errors in the typed values (shown beside the fields); none with a profile."""
        if self.uses_profile:
            self.id_field.set_issues([])
            self.secret_field.set_issues([])
            return []
        ident, secret = self.id_field.text(), self.secret_field.text()
        if self.kind is CredentialKind.APP:
            id_issues = check_hex32("App ID", ident)
            secret_issues = _secret_issues(APP_CERTIFICATE, secret)
        else:
            from agora_desk.core.basic import check_customer_id

            id_issues = check_customer_id(ident)
            secret_issues = _secret_issues(CUSTOMER_SECRET, secret)
        found: list[Issue] = []
        for field, text, issues in (
            (self.id_field, ident, id_issues),
            (self.secret_field, secret, secret_issues),
        ):
            errors = error_issues(issues)
            field.set_issues(errors if text or self._show_empty else [])
            found += errors
        return found

    def blocking(self) -> bool:
        """True while an error is on screen (Generate stays disabled)."""
        if self.uses_profile:
            return self.lacking_id(self.context.profile()) is not None
        return self.id_field.has_error or self.secret_field.has_error

    # -- fetching --------------------------------------------------------------

    def fetch(
        self,
        on_ready: Callable[[Credentials], None],
        on_error: Callable[[str], None],
    ) -> Job:
        """Resolve the credentials off the GUI thread; exactly one callback runs.

        ``on_error`` gets a message a person can act on; an unexpected
        exception additionally goes to the exception hook.
        """

        wanted = self.wanted_secret

        def done(creds: Credentials) -> None:
            if wanted == APP_CERTIFICATE_SECONDARY:
                # The tabs sign with app_certificate: hand them the chosen one.
                creds = replace(creds, app_certificate=creds.app_certificate_secondary)
            problem = self.missing(creds, wanted)
            if problem:
                on_error(problem)
            else:
                on_ready(creds)

        def failed(exc: BaseException) -> None:
            on_error(failure_message(exc, translate("CredentialsPanel", "reading the credentials")))

        return self.context.credentials_async({wanted}, done, failed)

    def missing(self, creds: Credentials, wanted: str = APP_CERTIFICATE) -> str | None:
        _where, persistent = storage_of(self.context)
        name = creds.profile
        if self.kind is CredentialKind.APP:
            if not creds.app_id:
                return translate(
                    "CredentialsPanel", "App ID is empty: pick a profile or type the App ID"
                )
            if creds.app_certificate is None or not creds.app_certificate:
                if name is None:
                    return translate(
                        "CredentialsPanel",
                        "App Certificate is empty: type it, or pick a profile that has one",
                    )
                return self._not_saved(name, LABELS[wanted], persistent)
            return None
        if not creds.customer_id:
            if name is None:
                return translate(
                    "CredentialsPanel",
                    "Customer ID is empty: type it, or pick a profile that has one",
                )
            return translate(
                "CredentialsPanel", "profile {name!r} has no Customer ID; add it in Profiles…"
            ).format(name=name)
        if creds.customer_secret is None or not creds.customer_secret:
            if name is None:
                return translate(
                    "CredentialsPanel",
                    "Customer Secret is empty: type it, or pick a profile that has one",
                )
            return self._not_saved(name, LABELS[CUSTOMER_SECRET], persistent)
        return None

    @staticmethod
    def _not_saved(name: str, secret: str, persistent: bool) -> str:
        if persistent:
            text = translate(
                "CredentialsPanel", "profile {name!r} has no {secret} saved; add it in Profiles…"
            )
        else:
            text = translate(
                "CredentialsPanel",
                "profile {name!r} has no {secret} saved in this session (no keyring); "
                "add it in Profiles…",
            )
        return text.format(name=name, secret=secret)


def _secret_issues(kind: str, value: str) -> list[Issue]:
    """Checks for a typed secret whose messages never quote a character of it."""
    found = problem(kind, Secret(value))
    return [Issue("error", LABELS[kind], found)] if found is not None else []
