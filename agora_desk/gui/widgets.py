"""Widgets the forms share: validated fields, the result box, expiry choice and display.

Colours: nothing here hard-codes a background. Message text is red or amber,
picked from two sets (one for light, one for dark palettes) by the lightness
of the widget's own palette, and re-picked when the palette changes, so a
switch of the system colour scheme keeps the text readable. Every message
also starts with a symbol, so colour is never the only signal.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QKeySequence,
    QPalette,
    QShortcut,
    QShowEvent,
    QTextOption,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agora_desk.core.errors import AgoraDeskError, InputError
from agora_desk.core.secret import Secret
from agora_desk.core.validation import Issue, check_expire, check_hex32, parse_seconds
from agora_desk.core.validation import errors as error_issues
from agora_desk.gui.context import AppContext, ResolvedCredentials
from agora_desk.gui.jobs import Job
from agora_desk.secrets.fields import APP_CERTIFICATE, CUSTOMER_SECRET, LABELS, validate_secret

if TYPE_CHECKING:
    # Only a type here: the signing core is imported when a tab first builds.
    from agora_desk.core.builders import Stamp

Level = Literal["error", "warning", "info"]

COPY_SHORTCUT = "Ctrl+Shift+C"

# (light palette, dark palette); each meets 4.5:1 contrast on its background.
_COLOURS: dict[str, tuple[str, str]] = {
    "error": ("#b3261e", "#ff8a80"),
    "warning": ("#8a5300", "#ffc061"),
}
_SYMBOLS: dict[str, str] = {"error": "✖ ", "warning": "⚠ ", "info": ""}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def message_colour(level: str, palette: QPalette) -> QColor | None:
    """Text colour for a message level, or None for the palette's own text colour."""
    pair = _COLOURS.get(level)
    if pair is None:
        return None
    return QColor(pair[1] if is_dark(palette) else pair[0])


def monospace_font() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class MessageLabel(QLabel):
    """One inline message (error / warning / info); hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._level: str | None = None
        self._message = ""
        self.hide()

    @property
    def level(self) -> str | None:
        return self._level

    @property
    def message(self) -> str:
        """The text without the leading symbol."""
        return self._message

    def set_message(self, level: Level | None, text: str = "") -> None:
        if level is None or not text:
            self._level, self._message = None, ""
            self.clear()
            self.hide()
            return
        self._level, self._message = level, text
        self.setText(_SYMBOLS.get(level, "") + text)
        self._apply_colour()
        self.show()

    def clear_message(self) -> None:
        self.set_message(None)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colour()

    def _apply_colour(self) -> None:
        palette = self.palette()
        wanted = message_colour(self._level or "", palette)
        if wanted is None:
            if self.testAttribute(Qt.WidgetAttribute.WA_SetPalette):
                self.setPalette(QPalette())  # back to the inherited text colour
            return
        # Only an actual change, or setPalette's own PaletteChange would loop.
        if palette.color(QPalette.ColorRole.WindowText) != wanted:
            palette.setColor(QPalette.ColorRole.WindowText, wanted)
            self.setPalette(palette)


def first_issue(issues: Iterable[Issue]) -> Issue | None:
    """The issue to show beside a field: the first error, else the first warning."""
    issues = list(issues)
    for issue in issues:
        if issue.level == "error":
            return issue
    return issues[0] if issues else None


class ValidatedField(QWidget):
    """A line edit with its message beneath; ``password`` adds a Show/Hide toggle.

    Labels can use the field as their buddy: focus goes to the line edit.
    """

    textChanged = Signal(str)

    def __init__(
        self,
        placeholder: str = "",
        *,
        password: bool = False,
        text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(text, self)
        self.edit.setPlaceholderText(placeholder)
        self.message = MessageLabel(self)
        self.reveal_button: QToolButton | None = None
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        if password:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
            # Secrets pasted into a password field must not be dragged or
            # copied out again by accident.
            self.edit.setDragEnabled(False)
            button = QToolButton(self)
            button.setText("Show")
            button.setCheckable(True)
            button.setToolTip("Show or hide what is typed here")
            button.toggled.connect(self._toggle_echo)
            row.addWidget(button)
            self.reveal_button = button
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.message)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self.textChanged)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        if text != self.edit.text():
            self.edit.setText(text)

    def secret(self) -> Secret:
        return Secret(self.edit.text())

    def set_issues(self, issues: Iterable[Issue]) -> None:
        issue = first_issue(issues)
        if issue is None:
            self.message.clear_message()
            self.edit.setAccessibleDescription("")
        else:
            self.message.set_message(issue.level, issue.message)
            self.edit.setAccessibleDescription(f"{issue.level}: {issue.message}")

    @property
    def has_error(self) -> bool:
        return self.message.level == "error"

    def _toggle_echo(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        assert self.reveal_button is not None
        self.reveal_button.setText("Hide" if shown else "Show")


class ResultBox(QWidget):
    """Read-only monospace output with a Copy button (Ctrl+Shift+C when ``shortcut``).

    ``copy`` receives the text; the tabs pass ``context.copy`` so that the
    clipboard is cleared after the configured timeout.
    """

    copied = Signal()

    def __init__(
        self,
        copy: Callable[[str], None],
        *,
        placeholder: str = "",
        lines: int = 4,
        shortcut: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._copy = copy
        self.text_box = QPlainTextEdit(self)
        self.text_box.setReadOnly(True)
        self.text_box.setFont(monospace_font())
        self.text_box.setPlaceholderText(placeholder)
        # Tokens are one long word: wrap anywhere rather than scroll sideways.
        self.text_box.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.text_box.setTabChangesFocus(True)
        line = self.text_box.fontMetrics().lineSpacing()
        self.text_box.setMinimumHeight(line * lines + 12)
        # Room for a long RTC + RTM token without a scroll bar, no more.
        self.text_box.setMaximumHeight(line * max(lines, 12) + 12)
        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy)
        if shortcut:
            # Parented to the button: a shortcut is live only while its widget
            # is visible and enabled, so hidden tabs and empty boxes ignore it.
            self.copy_shortcut: QShortcut | None = QShortcut(
                QKeySequence(COPY_SHORTCUT), self.copy_button
            )
            self.copy_shortcut.activated.connect(self.copy)
            self.copy_button.setToolTip(f"Copy ({COPY_SHORTCUT})")
        else:
            self.copy_shortcut = None
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_box, 1)
        layout.addLayout(buttons)

    def text(self) -> str:
        return self.text_box.toPlainText()

    def set_text(self, text: str) -> None:
        self.text_box.setPlainText(text)
        self.copy_button.setEnabled(bool(text))

    def clear(self) -> None:
        self.set_text("")

    def copy(self) -> None:
        text = self.text()
        if text:
            self._copy(text)
            self.copied.emit()


SAME_EXPIRY = "same"
CUSTOM = "custom"


class ExpiryChooser(QWidget):
    """1 hour / 24 hours / custom seconds (optionally "same as token").

    The custom value is free text so that a mistyped or negative value gets
    the core's message rather than being silently clamped by a spin box.
    """

    changed = Signal()

    PRESETS: Sequence[tuple[str, int]] = (("1 hour", 3600), ("24 hours", 86400))

    def __init__(
        self,
        default_s: int | None = 3600,
        *,
        same_as_token: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        if same_as_token:
            self.combo.addItem("Same as token", SAME_EXPIRY)
        for label, seconds in self.PRESETS:
            self.combo.addItem(label, seconds)
        self.combo.addItem("Custom…", CUSTOM)
        self.custom = QLineEdit(self)
        self.custom.setPlaceholderText("seconds")
        self.custom.setMaximumWidth(120)
        self.custom.setToolTip("Seconds from now; Agora's maximum is 86400 (24 h)")
        self.hint = QLabel(self)
        self.message = MessageLabel(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo)
        row.addWidget(self.custom)
        row.addWidget(self.hint, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.message)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(self._mode_changed)
        self.custom.textChanged.connect(self._custom_changed)
        self.default: int | None = default_s
        self.set_default()
        self._mode_changed()

    def set_default(self) -> None:
        if self.default is None:
            self.set_same_as_token()
        else:
            self.set_seconds(self.default)

    def follow_default(self, default_s: int | None) -> None:
        """A new default from Settings: taken over unless the person chose something else."""
        if default_s == self.default:
            return
        try:
            untouched = self.seconds() == self.default
        except InputError:
            untouched = False
        self.default = default_s
        if untouched:
            self.set_default()

    def set_seconds(self, seconds: int) -> None:
        index = self.combo.findData(seconds)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        else:
            self.custom.setText(str(seconds))
            self.combo.setCurrentIndex(self.combo.findData(CUSTOM))

    def set_custom_text(self, text: str) -> None:
        self.combo.setCurrentIndex(self.combo.findData(CUSTOM))
        self.custom.setText(text)

    def set_same_as_token(self) -> None:
        index = self.combo.findData(SAME_EXPIRY)
        if index < 0:
            raise ValueError("this chooser has no 'same as token' choice")
        self.combo.setCurrentIndex(index)

    @property
    def is_same_as_token(self) -> bool:
        return bool(self.combo.currentData() == SAME_EXPIRY)

    def raw_value(self) -> str | int | None:
        """Seconds (preset), the custom text, or None for "same as token"."""
        data = self.combo.currentData()
        if data == SAME_EXPIRY:
            return None
        if data == CUSTOM:
            return self.custom.text()
        return int(data)

    def issues(self, field: str) -> list[Issue]:
        raw = self.raw_value()
        return [] if raw is None else check_expire(raw, field)

    def seconds(self, field: str = "expire") -> int | None:
        """None for "same as token"; raises InputError for a bad custom value."""
        raw = self.raw_value()
        return None if raw is None else parse_seconds(raw, field)

    def set_issues(self, issues: Iterable[Issue]) -> None:
        issue = first_issue(issues)
        if issue is None:
            self.message.clear_message()
        else:
            self.message.set_message(issue.level, issue.message)

    def _mode_changed(self) -> None:
        custom = self.combo.currentData() == CUSTOM
        self.custom.setVisible(custom)
        self._update_hint()
        if custom and self.combo.hasFocus():
            self.custom.setFocus()
        self.changed.emit()

    def _custom_changed(self) -> None:
        self._update_hint()
        self.changed.emit()

    def _update_hint(self) -> None:
        text = ""
        if self.combo.currentData() == CUSTOM:
            try:
                seconds = parse_seconds(self.custom.text(), "expire")
            except InputError:
                seconds = None
            if seconds:
                from agora_desk.core import timefmt

                text = f"= {timefmt.duration(seconds)}"
            elif seconds == 0:
                text = "no limit of its own"
        self.hint.setText(text)


def countdown(seconds: int) -> str:
    """'1 h 0 min 5 s', '59 min 58 s', '7 s': exact to the second, for a live display."""
    s = abs(int(seconds))
    days, s = divmod(s, 86400)
    hours, s = divmod(s, 3600)
    minutes, s = divmod(s, 60)
    parts = []
    if days:
        parts.append(f"{days} d")
    if days or hours:
        parts.append(f"{hours} h")
    if days or hours or minutes:
        parts.append(f"{minutes} min")
    parts.append(f"{s} s")
    return " ".join(parts)


class ExpiryDisplay(QWidget):
    """Absolute expiry times with a countdown that ticks every second.

    Rows are (label, unix time); 0 means "no time limit". ``now`` is
    injectable so tests need not wait for the clock.
    """

    def __init__(
        self, parent: QWidget | None = None, *, now: Callable[[], float] = time.time
    ) -> None:
        super().__init__(parent)
        self.now = now
        self._rows: list[tuple[str, int]] = []
        self._labels: list[tuple[QLabel, MessageLabel]] = []
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        self.hide()

    def set_rows(self, rows: Sequence[tuple[str, int]]) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self._labels = []
        self._rows = list(rows)
        for title, _ts in self._rows:
            absolute = QLabel(self)
            absolute.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            remaining = MessageLabel(self)
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(absolute)
            column.addWidget(remaining)
            self._form.addRow(f"{title}:", column)
            self._labels.append((absolute, remaining))
        self.setVisible(bool(self._rows))
        self.refresh()
        if any(ts for _title, ts in self._rows):
            self._timer.start()
        else:
            self._timer.stop()

    def clear(self) -> None:
        self.set_rows([])

    def texts(self) -> list[str]:
        """Each row as shown: absolute time and countdown (for tests and screen readers)."""
        return [f"{a.text()} | {r.message}" for a, r in self._labels]

    def refresh(self) -> None:
        # Imported on first use: nothing shows an expiry before a first Generate.
        from agora_desk.core import timefmt

        now = int(self.now())
        for (_title, ts), (absolute, remaining) in zip(self._rows, self._labels, strict=True):
            if ts == 0:
                absolute.setText("no time limit")
                remaining.clear_message()
                continue
            absolute.setText(f"{timefmt.local(ts)}  ({timefmt.utc_iso(ts)})")
            delta = ts - now
            if delta > 0:
                remaining.set_message("info", f"in {countdown(delta)}")
            else:
                remaining.set_message("error", f"expired {countdown(-delta)} ago")

    @property
    def ticking(self) -> bool:
        return self._timer.isActive()


class WarningsList(QWidget):
    """SDK-rule warnings about a result; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._labels: list[MessageLabel] = []
        self.hide()

    def set_issues(self, issues: Iterable[Issue]) -> None:
        for label in self._labels:
            label.deleteLater()
        self._labels = []
        for issue in issues:
            label = MessageLabel(self)
            label.set_message("warning" if issue.level == "warning" else "error", str(issue))
            self._layout.addWidget(label)
            self._labels.append(label)
        self.setVisible(bool(self._labels))

    def clear(self) -> None:
        self.set_issues([])

    def messages(self) -> list[str]:
        return [label.message for label in self._labels]


def group(title: str, parent: QWidget | None = None) -> tuple[QGroupBox, QFormLayout]:
    """A titled box holding a form, with labels on the left."""
    box = QGroupBox(title, parent)
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return box, form


def add_row(form: QFormLayout, text: str, field: QWidget) -> QLabel:
    """A form row whose label (with its &mnemonic) has ``field`` as buddy."""
    label = QLabel(text, form.parentWidget())
    label.setBuddy(field)
    form.addRow(label, field)
    return label


# -- credentials -------------------------------------------------------------

CredentialKind = Literal["app", "customer"]


def storage_of(context: AppContext) -> tuple[str, bool]:
    """Where the profiles' secrets live, for people, and whether that survives a restart."""
    secrets = getattr(context.profiles, "secrets", None)
    description = getattr(secrets, "description", "the OS keyring")
    persistent = bool(getattr(secrets, "is_persistent", True))
    return description, persistent


def report_unexpected(exc: BaseException) -> None:
    """Hand an unexpected exception to the exception hook (it shows the dialog)."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


def error_message(exc: BaseException) -> str | None:
    """The message of one of our typed errors (written to be shown); None for a bug."""
    return str(exc) if isinstance(exc, AgoraDeskError) else None


def failure_message(exc: BaseException, doing: str) -> str:
    """What to tell the person about a failed job; a bug also goes to the exception hook."""
    message = error_message(exc)
    if message is None:
        report_unexpected(exc)
        message = f"{doing} failed unexpectedly ({type(exc).__name__})"
    return message


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
        self, context: AppContext, kind: CredentialKind = "app", parent: QWidget | None = None
    ) -> None:
        super().__init__("Credentials", parent)
        self.context = context
        self.kind = kind
        if kind == "app":
            labels = ("App &ID:", "App &Certificate:")
            placeholders = ("32 hexadecimal characters from Agora Console", "32 hex characters")
            self.id_key, self.secret_key = "app_id", APP_CERTIFICATE
        else:
            labels = ("Customer &ID:", "Customer &Secret:")
            placeholders = ("from Agora Console → RESTful API", "downloaded once from the Console")
            self.id_key, self.secret_key = "customer_id", CUSTOMER_SECRET
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
        note = QLabel(
            "Typed for this session only; nothing is saved. Use Profiles… to keep them in "
            "the OS keyring.",
            self.typed,
        )
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow(note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.typed)
        self._show_empty = False
        self._loading = False
        self.id_field.textChanged.connect(self._typed_changed)
        self.secret_field.textChanged.connect(self._typed_changed)
        context.profileChanged.connect(self._profile_changed)
        self._profile_changed(context.profile())

    # -- state -----------------------------------------------------------------

    @property
    def uses_profile(self) -> bool:
        return self.context.profile() is not None

    def _profile_changed(self, profile: object) -> None:
        self.load_typed()
        self.summary.setVisible(profile is not None)
        self.typed.setVisible(profile is None)
        if profile is not None:
            self.summary.setText(self._summary_text(profile))
        self.changed.emit()

    def _summary_text(self, profile: object) -> str:
        where, _persistent = storage_of(self.context)
        name = getattr(profile, "name", "")
        if self.kind == "app":
            return (
                f"Profile “{name}” · App ID {getattr(profile, 'app_id', '')}\n"
                f"The App Certificate is read from {where} when you generate."
            )
        customer = getattr(profile, "customer_id", "") or "(none saved)"
        return (
            f"Profile “{name}” · Customer ID {customer}\n"
            f"The Customer Secret is read from {where} when you generate."
        )

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
        if self.kind == "app":
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
        return not self.uses_profile and (self.id_field.has_error or self.secret_field.has_error)

    # -- fetching --------------------------------------------------------------

    def fetch(
        self,
        on_ready: Callable[[ResolvedCredentials], None],
        on_error: Callable[[str], None],
    ) -> Job:
        """Resolve the credentials off the GUI thread; exactly one callback runs.

        ``on_error`` gets a message a person can act on; an unexpected
        exception additionally goes to the exception hook.
        """

        def done(creds: ResolvedCredentials) -> None:
            problem = self.missing(creds)
            if problem:
                on_error(problem)
            else:
                on_ready(creds)

        def failed(exc: BaseException) -> None:
            on_error(failure_message(exc, "reading the credentials"))

        return self.context.credentials_async({self.secret_key}, done, failed)

    def missing(self, creds: ResolvedCredentials) -> str | None:
        _where, persistent = storage_of(self.context)
        in_session = "" if persistent else " in this session (no keyring)"
        name = creds.profile
        if self.kind == "app":
            if not creds.app_id:
                return "App ID is empty: pick a profile or type the App ID"
            if creds.app_certificate is None or not creds.app_certificate:
                if name is None:
                    return "App Certificate is empty: type it, or pick a profile that has one"
                return (
                    f"profile {name!r} has no App Certificate saved{in_session}; "
                    "add it in Profiles…"
                )
            return None
        if not creds.customer_id:
            if name is None:
                return "Customer ID is empty: type it, or pick a profile that has one"
            return f"profile {name!r} has no Customer ID; add it in Profiles…"
        if creds.customer_secret is None or not creds.customer_secret:
            if name is None:
                return "Customer Secret is empty: type it, or pick a profile that has one"
            return f"profile {name!r} has no Customer Secret saved{in_session}; add it in Profiles…"
        return None


def _secret_issues(kind: str, value: str) -> list[Issue]:
    """Checks for a typed secret whose messages never quote a character of it."""
    try:
        validate_secret(kind, Secret(value))
    except InputError as exc:
        return [Issue("error", LABELS[kind], exc.problem)]
    return []


# -- the generator tabs --------------------------------------------------------


@dataclass(frozen=True)
class Output:
    """What a generator tab shows after Generate."""

    text: str
    details: str = ""
    expiries: Sequence[tuple[str, int]] = ()
    warnings: Sequence[Issue] = ()


def credentials_source(creds: ResolvedCredentials) -> str:
    """Where a result's credentials came from, in the words every tab's details line uses."""
    return f"profile “{creds.profile}”" if creds.profile else "typed credentials"


class GeneratorTab(QWidget):
    """Form → Generate → result: the flow the RTC, RTM and Basic tabs share.

    A subclass creates its fields after ``super().__init__`` (creation order is
    the tab order), then calls :meth:`finish_layout`, and implements
    :meth:`check` (live validation) and :meth:`produce` (the build, on the GUI
    thread: microseconds). Generate first resolves the credentials off the GUI
    thread through the :class:`CredentialsPanel`; the form is disabled meanwhile
    so the token always matches what is on screen.
    """

    TITLE: ClassVar[str] = ""
    CREDENTIALS: ClassVar[CredentialKind] = "app"
    PLACEHOLDER: ClassVar[str] = "The token appears here after Generate (Ctrl+Enter)."

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

    # -- for subclasses ----------------------------------------------------------

    def check(self) -> tuple[Any | None, bool]:
        """Validate the form, showing messages; returns (request or None, an error is shown)."""
        raise NotImplementedError

    def produce(self, creds: ResolvedCredentials, request: Any) -> Output:
        """Build the output; raise InputError for a problem the form could not see."""
        raise NotImplementedError

    def show_field_issues(self, field: ValidatedField | ExpiryChooser, issues: list[Issue]) -> bool:
        """Errors beside a field (an empty field only after a Generate); True if shown."""
        errors = error_issues(issues)
        empty = isinstance(field, ValidatedField) and not field.text()
        if isinstance(field, ExpiryChooser):
            empty = field.combo.currentData() == CUSTOM and not field.custom.text()
        shown = errors if (self.attempted or not empty) else []
        field.set_issues(shown)
        return bool(shown)

    def finish_layout(self, form: QWidget, extra: QWidget | None = None) -> None:
        """Generate button and result column; call once the fields exist."""
        self.form = form
        self.generate_button = QPushButton("&Generate", self)
        self.generate_button.setToolTip("Generate (Ctrl+Enter)")
        self.generate_button.clicked.connect(self.generate)
        self.status_label = MessageLabel(self)
        self.result_group = QGroupBox("Result", self)
        self.result = ResultBox(
            lambda text: self.context.copy(text, secret=True),
            placeholder=self.PLACEHOLDER,
            parent=self.result_group,
        )
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

        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.credentials)
        column.addWidget(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.status_label)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        columns = QHBoxLayout()
        columns.addWidget(scroll, 1)
        columns.addWidget(self.result_group, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        if extra is not None:
            outer.addWidget(extra)
        self.credentials.changed.connect(self.on_input_changed)
        # No first check here: a fresh form shows no message (an empty field is
        # not an error before Generate) and the button starts enabled, so the
        # checks (and the signing core they import) wait for the first edit.

    # -- the flow ----------------------------------------------------------------

    def revalidate(self) -> Any | None:
        """Run the live checks; returns the request when the form is complete."""
        self.credentials.show_empty_errors(self.attempted)
        credential_errors = self.credentials.issues()
        request, shown = self.check()
        blocking = shown or self.credentials.blocking()
        self.generate_button.setEnabled(not blocking and not self._busy)
        return None if credential_errors else request

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
        if request is None:
            self.status_label.set_message("error", "Fix the fields marked in red first.")
            return
        self._set_busy(True)
        self._job = self.credentials.fetch(lambda creds: self._ready(creds, request), self._failed)

    def default_action(self) -> None:
        self.generate()

    def shutdown(self) -> None:
        if self._job is not None:
            self._job.cancel()
        self.expiry_display.clear()

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def output(self) -> Output | None:
        return self._output

    def show_output(self, output: Output) -> None:
        self._output = output
        self.result.set_text(output.text)
        self.details.setText(output.details)
        self.expiry_display.set_rows(output.expiries)
        self.warnings.set_issues(output.warnings)

    def clear_output(self) -> None:
        self._output = None
        self.result.clear()
        self.details.clear()
        self.expiry_display.clear()
        self.warnings.clear()

    def _ready(self, creds: ResolvedCredentials, request: Any) -> None:
        self._job = None
        self._set_busy(False)
        try:
            output = self.produce(creds, request)
        except InputError as exc:
            self._failed(str(exc))
            return
        self.show_output(output)
        self.context.status(f"{self.TITLE}: generated")

    def _failed(self, message: str) -> None:
        self._job = None
        self._set_busy(False)
        self.status_label.set_message("error", message)
        self.context.report_error(self.TITLE, message)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.form.setEnabled(not busy)
        self.credentials.setEnabled(not busy)
        if busy and self.credentials.uses_profile:
            secret = LABELS[self.credentials.secret_key]
            self.status_label.set_message(
                "info",
                f"Reading the {secret} from the keyring… (answer the unlock prompt if one appears)",
            )
        elif not busy and self.status_label.level == "info":
            self.status_label.clear_message()
        self.revalidate()
