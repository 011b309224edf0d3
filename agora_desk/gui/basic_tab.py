"""The "Basic credential" tab: Customer ID + Secret → ``Basic …`` header, and back.

The result can also be copied as the whole ``Authorization:`` line or as a
``curl -H`` command (secret copies, cleared like the others). The reverse
direction takes a pasted header apart. It shows the Customer ID at once and
says whether the header is the selected profile's (the secret is compared in
the keyring job, never shown); the secret stays masked until an explicit
Reveal, because people paste headers while sharing their screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from agora_desk.core import basic
from agora_desk.core.basic import BasicCredential, build_header, parse_header
from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import InputError
from agora_desk.core.secret import Secret
from agora_desk.gui.context import AppContext
from agora_desk.gui.generator_tab import GeneratorTab, Output, credentials_source
from agora_desk.gui.jobs import Job
from agora_desk.gui.reporting import failure_message
from agora_desk.gui.theme import monospace_font
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets import (
    CredentialKind,
    Level,
    MessageLabel,
    ValidatedField,
    add_row,
    group,
)
from agora_desk.secrets.fields import CUSTOMER_SECRET

# What the decoded header's comparison with the profile (or the typed credentials) says.
_MATCH_TEXTS: dict[basic.Match, tuple[Level, str]] = {
    basic.Match.SAME: (
        Level.INFO,
        QT_TRANSLATE_NOOP("BasicTab", "✓ Matches {whose}: same Customer ID and Customer Secret."),
    ),
    basic.Match.ID_ONLY: (
        Level.WARNING,
        QT_TRANSLATE_NOOP(
            "BasicTab",
            "Same Customer ID as {whose}, which has no Customer Secret saved to compare.",
        ),
    ),
    basic.Match.OTHER_SECRET: (
        Level.WARNING,
        QT_TRANSLATE_NOOP(
            "BasicTab",
            "Same Customer ID as {whose}, but a different Customer Secret: one of the two is wrong or outdated (Agora answers 401 to it).",
        ),
    ),
    basic.Match.OTHER_ID: (
        Level.WARNING,
        QT_TRANSLATE_NOOP("BasicTab", "Not {whose}’s: its Customer ID{theirs} is another one."),
    ),
}


class BasicTab(GeneratorTab[tuple[()]]):
    TITLE = QT_TRANSLATE_NOOP("Tabs", "Basic credential")
    CREDENTIALS = CredentialKind.CUSTOMER
    IS_TOKEN = False
    PLACEHOLDER = QT_TRANSLATE_NOOP(
        "GeneratorTab", "The Authorization header value appears here after Generate (Ctrl+Enter)."
    )

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        # Nothing to fill beyond the credentials: the form is just the credentials box.
        form_widget = QWidget(self)
        self._match_job: Job | None = None
        self.finish_layout(form_widget, self._build_reverse())
        self.copy_forms: list[QPushButton] = []
        for text, tip, form in (
            (
                translate("BasicTab", "Copy as Authorization: line"),
                translate("BasicTab", "Copy “Authorization: Basic …”, the whole header line"),
                basic.authorization_line,
            ),
            (
                translate("BasicTab", "Copy as curl -H"),
                translate(
                    "BasicTab",
                    "Copy a curl command that lists the account's projects with this header",
                ),
                self._curl,
            ),
        ):
            button = QPushButton(text, self.result_group)
            button.setToolTip(tip)
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, form=form: self._copy_as(form))
            self.result.add_button(button)
            self.result_actions.append(button)  # enabled with a result, like Copy
            self.copy_forms.append(button)
        # A profile picked or a typed credential changed: compare again.
        self.credentials.changed.connect(self._check_match)
        # Cheap here (no signing core): a profile without a Customer ID shows
        # its notice with Generate off from the start, not after a failed Generate.
        self.revalidate()

    def _build_reverse(self) -> QGroupBox:
        box, form = group(translate("BasicTab", "Read a header"), self)
        self.header = ValidatedField(
            translate("BasicTab", "paste “Basic …” or “Authorization: Basic …”"),
            password=True,
            parent=box,
        )
        add_row(form, translate("BasicTab", "Hea&der:"), self.header)
        self.decoded_id = QLineEdit(box)
        self.decoded_id.setReadOnly(True)
        self.decoded_id.setFont(monospace_font())
        self.decoded_id.setPlaceholderText(
            translate("BasicTab", "shown when a valid header is pasted")
        )
        add_row(form, translate("BasicTab", "Customer ID:"), self.decoded_id)
        secret_row = QWidget(box)
        row = QHBoxLayout(secret_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.decoded_secret = QLineEdit(secret_row)
        self.decoded_secret.setReadOnly(True)
        self.decoded_secret.setFont(monospace_font())
        self.reveal_button = QPushButton(translate("BasicTab", "&Reveal"), secret_row)
        self.reveal_button.setCheckable(True)
        self.reveal_button.setEnabled(False)
        self.reveal_button.setToolTip(
            translate("BasicTab", "Show the Customer Secret in clear text")
        )
        row.addWidget(self.decoded_secret, 1)
        row.addWidget(self.reveal_button)
        add_row(form, translate("BasicTab", "Customer Secret:"), secret_row)
        self.match = MessageLabel(box, reserve=True)
        self.match.setAccessibleName(translate("BasicTab", "Matches the profile"))
        form.addRow(self.match)
        self._decoded: BasicCredential | None = None
        self.header.textChanged.connect(self._header_changed)
        self.reveal_button.toggled.connect(self._show_secret)
        return box

    # -- building --------------------------------------------------------------

    def check(self) -> tuple[tuple[()], bool]:
        # The credentials panel holds every field and validates itself: no inputs of its own.
        return (), False

    def produce(self, creds: Credentials, request: tuple[()]) -> Output:
        assert creds.customer_secret is not None
        header = build_header(creds.customer_id, creds.customer_secret)
        details = translate(
            "BasicTab",
            "Customer ID {customer_id} · from {credentials_source}\nSend it as the HTTP header  Authorization: <this value>",
        ).format(customer_id=creds.customer_id, credentials_source=credentials_source(creds))
        return Output(header.reveal(), details)

    def _copy_as(self, form: Callable[[Secret], Secret]) -> None:
        if self.output is not None:
            self.result.copy_text(form(Secret(self.output.text)).reveal())

    def _curl(self, header: Secret) -> Secret:
        from agora_desk.core.rest.presets.projects import Projects

        base = str(self.context.settings.get("rest_base_url")).rstrip("/")
        return basic.curl_with_header(header, base + Projects.path)

    def shutdown(self) -> None:
        if self._match_job is not None:
            self._match_job.cancel()
        super().shutdown()

    # -- reading ---------------------------------------------------------------

    def _header_changed(self, text: str) -> None:
        self._decoded = None
        self.reveal_button.setChecked(False)
        if not text.strip():
            self.header.set_issues([])
        else:
            try:
                self._decoded = parse_header(text)
            except InputError as exc:
                self.header.message.set_message(Level.ERROR, exc.problem)
            else:
                self.header.set_issues([])
        self.reveal_button.setEnabled(self._decoded is not None)
        self.decoded_id.setText(self._decoded.customer_id if self._decoded else "")
        self._show_secret(False)
        self._check_match()

    def _check_match(self, *_: object) -> None:
        """Say whether the pasted header is the selected profile's (or the typed) credential."""
        if self._match_job is not None:
            self._match_job.cancel()
            self._match_job = None
        decoded = self._decoded
        profile = self.context.profile()
        if decoded is None:
            self.match.clear_message()
            return
        if profile is None:
            typed_id = self.context.session_ids.get(self.credentials.id_key, "")
            if not typed_id:
                self.match.clear_message()
                return
            typed = self.context.session_secrets.get(self.credentials.secret_key)
            self._show_match(
                translate("BasicTab", "the typed credentials"),
                basic.compare(decoded, typed_id, typed),
            )
            return
        whose = translate("BasicTab", "profile “{name}”").format(name=profile.name)
        if not profile.customer_id:
            self.match.set_message(
                Level.INFO,
                translate(
                    "BasicTab", "Profile “{name}” has no Customer ID to compare with."
                ).format(name=profile.name),
            )
            return
        if decoded.customer_id != profile.customer_id:
            self._show_match(whose, basic.Match.OTHER_ID, profile.customer_id)
            return
        self.match.set_message(
            Level.INFO,
            translate("BasicTab", "Comparing with {whose}’s Customer Secret…").format(whose=whose),
        )

        def done(creds: Credentials) -> None:
            self._match_job = None
            found = basic.compare(decoded, creds.customer_id, creds.customer_secret)
            self._show_match(whose, found, creds.customer_id)

        def failed(exc: BaseException) -> None:
            self._match_job = None
            problem = failure_message(exc, translate("BasicTab", "reading the Customer Secret"))
            self.match.set_message(
                Level.WARNING,
                translate("BasicTab", "Could not compare with {whose}: {problem}").format(
                    whose=whose, problem=problem
                ),
            )

        self._match_job = self.context.credentials_async({CUSTOMER_SECRET}, done, failed)

    def _show_match(self, whose: str, found: basic.Match, customer_id: str = "") -> None:
        level, text = _MATCH_TEXTS[found]
        theirs = f" ({customer_id})" if customer_id else ""
        self.match.set_message(
            level, translate("BasicTab", text).format(whose=whose, theirs=theirs)
        )

    def _show_secret(self, revealed: bool) -> None:
        secret: Secret | None = self._decoded.customer_secret if self._decoded else None
        if secret is None:
            self.decoded_secret.clear()
        elif revealed:
            self.decoded_secret.setText(secret.reveal())
        else:
            self.decoded_secret.setText(secret.masked())
        self.reveal_button.setText(
            translate("BasicTab", "Hi&de") if revealed else translate("BasicTab", "&Reveal")
        )

    @property
    def secret_revealed(self) -> bool:
        return self.reveal_button.isChecked()
