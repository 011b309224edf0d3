"""The flow the RTC, RTM and Basic tabs share: form → Generate → result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import InputError
from agora_desk.core.validation import Issue
from agora_desk.core.validation import errors as error_issues
from agora_desk.gui.context import AppContext, Route
from agora_desk.gui.form_memory import FormMemory, Remembered, remember_splitter
from agora_desk.gui.history_bar import HistoryBar
from agora_desk.gui.jobs import Job
from agora_desk.gui.tabs import tab_title
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets import (
    CredentialKind,
    CredentialsPanel,
    ExpiryChooser,
    ExpiryDisplay,
    Level,
    MessageLabel,
    QrDialog,
    ResultBox,
    ValidatedField,
    WarningsList,
    group,
)
from agora_desk.gui.widgets.expiry_chooser import CUSTOM
from agora_desk.gui.widgets.forms import scrolling
from agora_desk.secrets.fields import LABELS

if TYPE_CHECKING:
    # Only a type here: the signing core is imported when a tab first builds.
    from agora_desk.core.builders import Stamp
    from agora_desk.core.token_history import HistoryEntry

RequestT = TypeVar("RequestT")


@dataclass(frozen=True)
class Output:
    """What a generator tab shows after Generate."""

    text: str
    details: str = ""
    expiries: Sequence[tuple[str, int]] = ()
    warnings: Sequence[Issue] = ()


def credentials_source(creds: Credentials) -> str:
    """Where a result's credentials came from, in the words every tab's details line uses."""
    if not creds.profile:
        return translate("GeneratorTab", "typed credentials")
    # Only a Generate with "Sign with: Secondary" reads the secondary (CredentialsPanel.fetch).
    if creds.app_certificate_secondary is not None:
        return translate("GeneratorTab", "profile “{name}”, secondary certificate").format(
            name=creds.profile
        )
    return translate("GeneratorTab", "profile “{name}”").format(name=creds.profile)


def token_version(legacy: bool) -> str:
    """The token's version as the details line names it."""
    return translate("GeneratorTab", "006 (legacy)") if legacy else "007"


class GeneratorTab(QWidget, Generic[RequestT]):
    """Form → Generate → result: the flow the RTC, RTM and Basic tabs share.

    A subclass creates its fields after ``super().__init__`` (creation order is
    the tab order), then calls :meth:`finish_layout`, and implements
    :meth:`check` (live validation) and :meth:`produce` (the build, on the GUI
    thread: microseconds). Generate first resolves the credentials off the GUI
    thread through the :class:`CredentialsPanel`; the form is disabled meanwhile
    so the token always matches what is on screen. ``RequestT`` is what
    :meth:`check` hands to :meth:`produce`: the tab's validated inputs.
    """

    TITLE: ClassVar[str] = ""
    CREDENTIALS: ClassVar[CredentialKind] = CredentialKind.APP
    # Shown through translate("GeneratorTab", ...): subclasses mark theirs in that context.
    PLACEHOLDER: ClassVar[str] = QT_TRANSLATE_NOOP(
        "GeneratorTab", "The token appears here after Generate (Ctrl+Enter)."
    )
    # A token can go on to Inspect, Test request and a QR code, and its inputs
    # are kept in the tab's history; a header (Basic) holds a secret: none of that.
    IS_TOKEN: ClassVar[bool] = True

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # Tests and screenshots: a fixed issued_at and salt reproduce a token.
        self.stamp: Stamp | None = None
        self.attempted = False  # after the first Generate, empty fields count as errors
        self._busy = False
        self._job: Job | None = None
        self._output: Output | None = None
        self.credentials = CredentialsPanel(context, self.CREDENTIALS, self)
        self.memory = FormMemory(context.settings.qsettings, type(self).__name__)
        self.splitter: QSplitter | None = None  # made by finish_layout
        self.history: HistoryBar | None = None  # made by finish_layout for a token

    # -- for subclasses ----------------------------------------------------------

    def check(self) -> tuple[RequestT | None, bool]:
        """Validate the form, showing messages; returns (request or None, an error is shown)."""
        raise NotImplementedError

    def produce(self, creds: Credentials, request: RequestT) -> Output:
        """Build the output; raise InputError for a problem the form could not see."""
        raise NotImplementedError

    def fill(self, request: RequestT) -> None:
        """Show ``request``'s inputs in the form (Rebuild from Inspect, Regenerate)."""
        raise NotImplementedError

    def legacy_switch(self) -> QCheckBox | None:
        """The "006 legacy" box of a tab that can make one (history entries keep its state)."""
        return None

    def show_field_issues(self, field: ValidatedField | ExpiryChooser, issues: list[Issue]) -> bool:
        """Errors beside a field (an empty field only after a Generate); True if shown."""
        errors = error_issues(issues)
        empty = isinstance(field, ValidatedField) and not field.text()
        if isinstance(field, ExpiryChooser):
            empty = field.combo.currentData() == CUSTOM and not field.custom.text()
        shown = errors if (self.attempted or not empty) else []
        field.set_issues(shown)
        return bool(shown)

    def token_form(self) -> tuple[QWidget, QVBoxLayout, QGroupBox, QFormLayout]:
        """The form column (for :meth:`finish_layout`) with its "Token" box and the box's form."""
        form_widget = QWidget(self)
        column = QVBoxLayout(form_widget)
        column.setContentsMargins(0, 0, 0, 0)
        box, form = group(translate("GeneratorTab", "Token"), form_widget)
        column.addWidget(box)
        return form_widget, column, box, form

    def finish_layout(self, form: QWidget, extra: QWidget | None = None) -> None:
        """Generate button and result column; call once the fields exist."""
        self.form = form
        self.generate_button = QPushButton(translate("GeneratorTab", "&Generate"), self)
        self.generate_button.setToolTip(translate("GeneratorTab", "Generate (Ctrl+Enter)"))
        self.generate_button.clicked.connect(self.generate)
        self.status_label = MessageLabel(self, reserve=True)
        self.result_group = QGroupBox(translate("GeneratorTab", "Result"), self)
        self.result = ResultBox(
            lambda text: self.context.copy(text, secret=True),
            placeholder=translate("GeneratorTab", self.PLACEHOLDER),
            clipboard=self.context.clipboard,
            parent=self.result_group,
        )
        self.result_actions: list[QPushButton] = []
        if self.IS_TOKEN:
            for text, tip, slot in (
                (
                    translate("GeneratorTab", "Inspect this token"),
                    translate("GeneratorTab", "Open it in the Inspect tab"),
                    self._route_inspect,
                ),
                (
                    translate("GeneratorTab", "Use in Test request"),
                    translate("GeneratorTab", "Send a request with it"),
                    self._route_request,
                ),
                (
                    translate("GeneratorTab", "QR code…"),
                    translate("GeneratorTab", "Show it as a QR code, to scan with a phone"),
                    self.show_qr,
                ),
            ):
                button = QPushButton(text, self.result_group)
                button.setToolTip(tip)
                button.setEnabled(False)
                button.clicked.connect(slot)
                self.result.add_button(button)
                self.result_actions.append(button)
        self.details = QLabel(self.result_group)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.expiry_display = ExpiryDisplay(self.result_group)
        self.warnings = WarningsList(self.result_group)
        right = QVBoxLayout(self.result_group)
        right.addWidget(self.result)
        right.addWidget(self.details)
        right.addWidget(self.expiry_display)
        right.addWidget(self.warnings)
        right.addStretch(1)

        fields = QWidget(self)
        column = QVBoxLayout(fields)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.credentials)
        column.addWidget(form)
        column.addStretch(1)
        # The fields scroll (both ways) at the minimum window size; Generate and
        # its message stay in view below them.
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(scrolling(fields, self), 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addStretch(1)
        left_column.addLayout(buttons)
        left_column.addWidget(self.status_label)
        if self.IS_TOKEN:
            from agora_desk.core.token_history import history_store

            name = self.TITLE.lower().replace(" ", "-") + "-history.json"
            store = history_store(
                self.context.config_file(name),
                translate("GeneratorTab", "the {tab} history").format(tab=tab_title(self.TITLE)),
            )
            self.history = HistoryBar(store, self._history_problem, left)
            self.history.regenerate.connect(self.regenerate)
            left_column.addWidget(self.history)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(scrolling(self.result_group, self, across=False))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        remember_splitter(splitter, self.context.settings.qsettings, type(self).__name__)
        self.splitter = splitter
        outer = QVBoxLayout(self)
        outer.addWidget(splitter, 1)
        if extra is not None:
            outer.addWidget(extra)
        self.credentials.changed.connect(self.on_input_changed)
        # No first check here: a fresh form shows no message (an empty field is
        # not an error before Generate) and the button starts enabled, so the
        # checks (and the signing core they import) wait for the first edit.

    # -- the flow ----------------------------------------------------------------

    def revalidate(self) -> RequestT | None:
        """Run the live checks; returns the request when the form is complete."""
        self.credentials.show_empty_errors(self.attempted)
        credential_errors = self.credentials.issues()
        request, shown = self.check()
        blocking = shown or self.credentials.blocking()
        self.generate_button.setEnabled(not blocking and not self._busy)
        return None if credential_errors else request

    def language_changed(self) -> None:
        """The window's language changed: the messages beside the fields come from the core."""
        self.revalidate()

    def on_input_changed(self) -> None:
        if self._busy and self._job is not None:
            # Only the profile can change while busy: the answer would be for the old one.
            self._job.cancel()
            self._set_busy(False)
        self.status_label.clear_message()
        self.revalidate()
        if self._output is not None:
            # A result beside inputs it was not made from would be a silently wrong token.
            self.clear_output()

    def generate(self) -> None:
        if self._busy:
            return
        self.attempted = True
        request = self.revalidate()
        if self.credentials.lacking_id(self.context.profile()):
            return  # Ctrl+Enter too: the notice beside the credentials says why, with the way out
        if request is None:
            self.status_label.set_message(
                Level.ERROR, translate("GeneratorTab", "Fix the fields marked in red first.")
            )
            return
        self._set_busy(True)
        self._job = self.credentials.fetch(lambda creds: self._ready(creds, request), self._failed)

    def default_action(self) -> None:
        self.generate()

    def rebuild(self, request: RequestT, app_id: str) -> None:
        """Inspect's "Rebuild with these inputs": the form filled in, Generate left to the person."""
        self._fill_all(request, legacy=False)
        note = self.credentials.offer_app_id(app_id)
        self.status_label.set_message(
            Level.WARNING if note else Level.INFO,
            note
            or translate(
                "GeneratorTab", "Filled in from Inspect: Generate signs these inputs anew."
            ),
        )

    def regenerate(self, entry: HistoryEntry) -> None:
        """Fill the form with a history entry's inputs and generate a fresh token."""
        from agora_desk.core.rebuild import NotRebuildable

        try:
            request = entry.request()
        except InputError as exc:
            request = NotRebuildable(str(exc))
        if isinstance(request, NotRebuildable):
            self.status_label.set_message(
                Level.ERROR,
                translate("GeneratorTab", "Cannot regenerate: {reason}").format(
                    reason=request.reason
                ),
            )
            return
        note = self._use_profile_of(entry)
        self._fill_all(request, legacy=entry.legacy)  # type: ignore[arg-type]
        if note:
            self.status_label.set_message(Level.WARNING, note)
        self.generate()

    def _use_profile_of(self, entry: HistoryEntry) -> str:
        """Select the profile the entry was made with; a sentence when it no longer exists."""
        profile = self.context.saved_profile(entry.profile) if entry.profile else None
        current = self.context.profile()
        if profile != current:
            self.context.set_profile(profile)  # the window's profile picker follows
        if entry.profile and profile is None:
            return translate(
                "GeneratorTab",
                "The profile “{name}” this entry was made with no longer exists: "
                "generated with no profile, from the credentials typed here.",
            ).format(name=entry.profile)
        return ""

    def _fill_all(self, request: RequestT, *, legacy: bool) -> None:
        self.attempted = False
        switch = self.legacy_switch()
        if switch is not None:
            switch.setChecked(legacy)
        self.fill(request)

    def _history_problem(self, message: str) -> None:
        self.context.report_error(self.TITLE, message)

    def remember(self, widgets: dict[str, Remembered]) -> None:
        """Keep these fields' values across launches (never a secret) and put them back now."""
        for key, widget in widgets.items():
            self.memory.add(key, widget)
        self.memory.restore()

    def shutdown(self) -> None:
        self.memory.save()
        if self._job is not None:
            self._job.cancel()
        self.expiry_display.clear()

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def output(self) -> Output | None:
        return self._output

    def _route_inspect(self) -> None:
        if self._output is not None:
            self.context.tokenRouted.emit(Route.INSPECT, self._output.text)

    def _route_request(self) -> None:
        if self._output is not None:
            self.context.tokenRouted.emit(Route.REQUEST, self._output.text)

    def show_qr(self) -> QrDialog | None:
        if self._output is None:
            return None
        dialog = QrDialog(
            translate("GeneratorTab", "{tab} as a QR code").format(tab=tab_title(self.TITLE)),
            self._output.text,
            translate(
                "GeneratorTab",
                "Anyone who can see this screen can scan the token: close it when done.",
            ),
            self,
        )
        dialog.show()
        return dialog

    def show_output(self, output: Output) -> None:
        self._output = output
        for button in self.result_actions:
            button.setEnabled(True)
        self.result.set_text(output.text)
        self.details.setText(output.details)
        self.expiry_display.set_rows(output.expiries)
        self.warnings.set_issues(output.warnings)

    def clear_output(self) -> None:
        if self._output is not None:
            self.context.status("", 0)  # "… generated" no longer describes what is shown
        self._output = None
        for button in self.result_actions:
            button.setEnabled(False)
        self.result.clear()
        self.details.clear()
        self.expiry_display.clear()
        self.warnings.clear()

    def _ready(self, creds: Credentials, request: RequestT) -> None:
        self._job = None
        self._set_busy(False)
        try:
            output = self.produce(creds, request)
        except InputError as exc:
            self._failed(str(exc))
            return
        self.show_output(output)
        self.context.status(
            translate("GeneratorTab", "{tab}: generated").format(tab=tab_title(self.TITLE))
        )
        if self.history is not None:
            from agora_desk.core.token_history import entry_for

            switch = self.legacy_switch()
            legacy = switch is not None and switch.isChecked()
            self.history.add(entry_for(request, profile=creds.profile, legacy=legacy))  # type: ignore[arg-type]

    def _failed(self, message: str) -> None:
        self._job = None
        self._set_busy(False)
        self.status_label.set_message(Level.ERROR, message)
        self.context.report_error(self.TITLE, message)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.form.setEnabled(not busy)
        self.credentials.setEnabled(not busy)
        if busy and self.credentials.uses_profile:
            secret = LABELS[self.credentials.wanted_secret]
            self.status_label.set_message(
                Level.INFO,
                translate(
                    "GeneratorTab",
                    "Reading the {secret} from the keyring… (answer the unlock prompt if one appears)",
                ).format(secret=secret),
            )
        elif not busy and self.status_label.level is Level.INFO:
            self.status_label.clear_message()
        self.revalidate()
