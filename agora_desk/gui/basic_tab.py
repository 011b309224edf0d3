"""The "Basic credential" tab: Customer ID + Secret → ``Basic …`` header, and back.

The reverse direction takes a pasted header apart. It shows the Customer ID
at once; the secret stays masked until an explicit Reveal, because people
paste headers while sharing their screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from agora_desk.core.basic import BasicCredential, build_header, parse_header
from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import InputError
from agora_desk.core.secret import Secret
from agora_desk.gui.context import AppContext
from agora_desk.gui.generator_tab import GeneratorTab, Output, credentials_source
from agora_desk.gui.theme import monospace_font
from agora_desk.gui.widgets import CredentialKind, Level, ValidatedField, add_row, group


class BasicTab(GeneratorTab[tuple[()]]):
    TITLE = "Basic credential"
    CREDENTIALS = CredentialKind.CUSTOMER
    IS_TOKEN = False
    PLACEHOLDER = "The Authorization header value appears here after Generate (Ctrl+Enter)."

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        # Nothing to fill beyond the credentials: the form is just the credentials box.
        form_widget = QWidget(self)
        self.finish_layout(form_widget, self._build_reverse())

    def _build_reverse(self) -> QGroupBox:
        box, form = group("Read a header", self)
        self.header = ValidatedField(
            "paste “Basic …” or “Authorization: Basic …”", password=True, parent=box
        )
        add_row(form, "Hea&der:", self.header)
        self.decoded_id = QLineEdit(box)
        self.decoded_id.setReadOnly(True)
        self.decoded_id.setFont(monospace_font())
        self.decoded_id.setPlaceholderText("shown when a valid header is pasted")
        add_row(form, "Customer ID:", self.decoded_id)
        secret_row = QWidget(box)
        row = QHBoxLayout(secret_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.decoded_secret = QLineEdit(secret_row)
        self.decoded_secret.setReadOnly(True)
        self.decoded_secret.setFont(monospace_font())
        self.reveal_button = QPushButton("&Reveal", secret_row)
        self.reveal_button.setCheckable(True)
        self.reveal_button.setEnabled(False)
        self.reveal_button.setToolTip("Show the Customer Secret in clear text")
        row.addWidget(self.decoded_secret, 1)
        row.addWidget(self.reveal_button)
        add_row(form, "Customer Secret:", secret_row)
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
        details = (
            f"Customer ID {creds.customer_id} · from {credentials_source(creds)}\n"
            "Send it as the HTTP header  Authorization: <this value>"
        )
        return Output(header.reveal(), details)

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

    def _show_secret(self, revealed: bool) -> None:
        secret: Secret | None = self._decoded.customer_secret if self._decoded else None
        if secret is None:
            self.decoded_secret.clear()
        elif revealed:
            self.decoded_secret.setText(secret.reveal())
        else:
            self.decoded_secret.setText(secret.masked())
        self.reveal_button.setText("Hi&de" if revealed else "&Reveal")

    @property
    def secret_revealed(self) -> bool:
        return self.reveal_button.isChecked()
