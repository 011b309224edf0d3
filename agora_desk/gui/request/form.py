"""The request form: preset, method, URL, auth, the preset's fields, headers and body.

Which fields show is the preset's business (:meth:`Preset.fields`); the form
only binds widgets to :class:`~agora_desk.core.rest.PresetParams` and lays
them out. The body editor follows the preset's fields through
:meth:`Preset.sync_body`. The environment picker and the Connection box
(CA file, timeout, failover) are :mod:`~agora_desk.gui.request.connection`'s.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from agora_desk.core import rest
from agora_desk.core.errors import InputError
from agora_desk.core.rest import AuthScheme, Field, Preset
from agora_desk.core.secret import Secret
from agora_desk.gui.request.connection import ConnectionBox, EnvironmentPicker
from agora_desk.gui.request.tables import append_row
from agora_desk.gui.text_slots import relabel
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets import MessageLabel, ValidatedField, add_row, monospace_font

GENERATE: Final = "generate"
PASTE: Final = "paste"


@dataclass(frozen=True)
class _FieldSpec:
    label: str  # a form label with its mnemonic, or a check box's text
    placeholder: str = ""
    default: str = ""
    flag: bool = False


# How each preset field looks; which ones show is up to the preset.
_SPECS: Final[dict[Field, _FieldSpec]] = {
    Field.UID: _FieldSpec(
        QT_TRANSLATE_NOOP("RequestForm", "Signaling &user ID:"),
        QT_TRANSLATE_NOOP("RequestForm", "the user ID or uid the token is for"),
    ),
    Field.CHANNEL: _FieldSpec(QT_TRANSLATE_NOOP("RequestForm", "Channe&l:")),
    Field.AGENT_UID: _FieldSpec(
        QT_TRANSLATE_NOOP("RequestForm", "Agent &uid:"),
        QT_TRANSLATE_NOOP("RequestForm", "0 = random"),
        "0",
    ),
    Field.REMOTE_UID: _FieldSpec(
        QT_TRANSLATE_NOOP("RequestForm", "&Remote uid:"),
        QT_TRANSLATE_NOOP("RequestForm", "* = every user in the channel"),
    ),
    Field.NAME: _FieldSpec(
        QT_TRANSLATE_NOOP("RequestForm", "Agent &name:"),
        QT_TRANSLATE_NOOP("RequestForm", "unique agent name (generated when empty)"),
    ),
    Field.ENABLE_RTM: _FieldSpec(
        QT_TRANSLATE_NOOP("RequestForm", "enable_rtm (the token gets RTM login too)"), flag=True
    ),
    Field.STRING_UID: _FieldSpec(
        QT_TRANSLATE_NOOP("RequestForm", "String uid (enable_string_uid; token for the account)"),
        flag=True,
    ),
    Field.AGENT_ID: _FieldSpec(
        QT_TRANSLATE_NOOP("RequestForm", "Agent &ID:"),
        QT_TRANSLATE_NOOP("RequestForm", "the agent_id that join returned"),
    ),
    Field.RESOURCE_ID: _FieldSpec(
        QT_TRANSLATE_NOOP("RequestForm", "Resource ID:"),
        QT_TRANSLATE_NOOP("RequestForm", "the resourceId that acquire returned"),
    ),
    Field.SID: _FieldSpec(
        QT_TRANSLATE_NOOP("RequestForm", "SID:"),
        QT_TRANSLATE_NOOP("RequestForm", "the sid that start returned"),
    ),
    Field.MODE: _FieldSpec(
        QT_TRANSLATE_NOOP("RequestForm", "Mode:"),
        QT_TRANSLATE_NOOP("RequestForm", "individual, mix or web"),
        "mix",
    ),
    Field.USER_ID: _FieldSpec(
        QT_TRANSLATE_NOOP("RequestForm", "User ID:"),
        QT_TRANSLATE_NOOP("RequestForm", "the user in the path"),
    ),
    Field.RULE_ID: _FieldSpec(
        QT_TRANSLATE_NOOP("RequestForm", "Rule ID:"),
        QT_TRANSLATE_NOOP("RequestForm", "the kicking rule's id"),
    ),
    Field.ORG: _FieldSpec(
        QT_TRANSLATE_NOOP("RequestForm", "Org name:"),
        QT_TRANSLATE_NOOP("RequestForm", "Chat org name (Console → Chat)"),
    ),
    Field.APP_NAME: _FieldSpec(
        QT_TRANSLATE_NOOP("RequestForm", "App name:"),
        QT_TRANSLATE_NOOP("RequestForm", "Chat app name (Console → Chat)"),
    ),
    Field.ROOM_UUID: _FieldSpec(QT_TRANSLATE_NOOP("RequestForm", "Room UUID:")),
    Field.REGION: _FieldSpec(
        QT_TRANSLATE_NOOP("RequestForm", "Region:"),
        QT_TRANSLATE_NOOP("RequestForm", "cn, ap, na or eu"),
        "na",
    ),
}


class RequestForm(QWidget):
    """Everything the user types before Send. ``changed`` fires (debounced) on any edit."""

    changed = Signal()

    def __init__(self, base_url: str, ca_file: str, timeout: float) -> None:
        super().__init__()
        self._syncing = False
        self._base_before: str | None = None
        self.edits: dict[Field, QLineEdit] = {}
        self.flags: dict[Field, QCheckBox] = {}
        self._rows: dict[Field, tuple[QLabel | None, QWidget]] = {}
        self._build(base_url, ca_file, timeout)
        self._connect()
        self._preset_changed()

    # -- building -------------------------------------------------------------------

    def _field_row(self, form: QFormLayout, f: Field) -> None:
        spec = _SPECS[f]
        if spec.flag:
            box = QCheckBox(translate("RequestForm", spec.label))
            form.addRow(box)
            self.flags[f] = box
            self._rows[f] = (None, box)
            return
        edit = QLineEdit(spec.default)
        edit.setPlaceholderText(translate("RequestForm", spec.placeholder))
        self.edits[f] = edit
        self._rows[f] = (add_row(form, translate("RequestForm", spec.label), edit), edit)

    def _build(self, base_url: str, ca_file: str, timeout: float) -> None:
        left = QVBoxLayout(self)
        left.setContentsMargins(0, 0, 0, 0)

        req_box = QGroupBox(translate("RequestForm", "Request"))
        form = QFormLayout(req_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.preset_combo = QComboBox()
        self.preset_combo.addItem(rest.CUSTOM.title, rest.CUSTOM.name)
        for preset in rest.PRESETS.values():
            self.preset_combo.addItem(preset.title, preset.name)
        add_row(form, translate("RequestForm", "Pre&set:"), self.preset_combo)
        self.preset_note = QLabel()
        self.preset_note.setWordWrap(True)
        form.addRow(self.preset_note)
        self.base_url_edit = QLineEdit(base_url)
        self.env_picker = EnvironmentPicker(self.base_url_edit)
        self.env_combo = self.env_picker.env_combo  # tests choose environments here
        add_row(form, translate("RequestForm", "Enviro&nment:"), self.env_picker)
        # Method, URL (base + path) and, added by the tab, Send: one line, as in the
        # request tools people know.
        self.request_line = QHBoxLayout()
        self.request_line.setContentsMargins(0, 0, 0, 0)
        self.method_combo = QComboBox()
        self.method_combo.addItems(list(rest.METHODS))
        self.method_combo.setToolTip(translate("RequestForm", "Method"))
        self.base_url_edit.setPlaceholderText(rest.DEFAULT_BASE_URL)
        self.base_url_edit.setToolTip(
            translate("RequestForm", "Base URL: a proxy or test server may add a path prefix")
        )
        self.path_edit = QLineEdit("/dev/v1/projects")
        self.path_edit.setPlaceholderText(
            translate("RequestForm", "/dev/v1/projects  ({app_id} is filled in)")
        )
        self.request_line.addWidget(self.method_combo)
        self.request_line.addWidget(self.base_url_edit, 2)
        self.request_line.addWidget(self.path_edit, 5)
        line = QWidget()
        line.setLayout(self.request_line)
        add_row(form, translate("RequestForm", "&URL:"), line)
        self.url_message = MessageLabel()
        form.addRow(self.url_message)
        left.addWidget(req_box)

        auth_box = QGroupBox(translate("RequestForm", "Authentication"))
        aform = QFormLayout(auth_box)
        aform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.auth_combo = QComboBox()
        for scheme in AuthScheme:
            self.auth_combo.addItem(scheme.label, scheme.value)
        add_row(aform, translate("RequestForm", "&Auth:"), self.auth_combo)
        self.token_source_combo = QComboBox()
        self.token_source_combo.addItem(
            translate("RequestForm", "Generate from the profile"), GENERATE
        )
        self.token_source_combo.addItem(translate("RequestForm", "Paste a token"), PASTE)
        self.token_source_label = add_row(
            aform, translate("RequestForm", "To&ken:"), self.token_source_combo
        )
        self.token_field = ValidatedField(
            translate("RequestForm", "007… (pasted tokens are never saved)"), password=True
        )
        self.token_field_label = add_row(
            aform, translate("RequestForm", "Pasted token:"), self.token_field
        )
        self.token_info = MessageLabel()
        aform.addRow(self.token_info)
        self.profile_label = QLabel()
        self.profile_label.setWordWrap(True)
        aform.addRow(self.profile_label)
        left.addWidget(auth_box)

        self.preset_box = QGroupBox()
        pform = QFormLayout(self.preset_box)
        pform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for f in _SPECS:
            self._field_row(pform, f)
        left.addWidget(self.preset_box)

        headers_box = QGroupBox(
            translate("RequestForm", "Headers (Content-Type: application/json is always sent)")
        )
        hlayout = QVBoxLayout(headers_box)
        self.headers_table = QTableWidget(0, 2)
        self.headers_table.setHorizontalHeaderLabels(
            [translate("RequestForm", "Name"), translate("RequestForm", "Value")]
        )
        self.headers_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.headers_table.setMinimumHeight(80)
        hlayout.addWidget(self.headers_table)
        hbuttons = QHBoxLayout()
        self.add_header_button = QPushButton(translate("RequestForm", "Add header"))
        self.remove_header_button = QPushButton(translate("RequestForm", "Remove"))
        hbuttons.addWidget(self.add_header_button)
        hbuttons.addWidget(self.remove_header_button)
        hbuttons.addStretch(1)
        hlayout.addLayout(hbuttons)
        left.addWidget(headers_box)

        body_box = QGroupBox(translate("RequestForm", "JSON body"))
        blayout = QVBoxLayout(body_box)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setFont(monospace_font())
        self.body_edit.setPlaceholderText(translate("RequestForm", "{ }  (empty: no body)"))
        self.body_edit.setMinimumHeight(120)
        blayout.addWidget(self.body_edit)
        self.body_message = MessageLabel()
        blayout.addWidget(self.body_message)
        left.addWidget(body_box)

        self.connection_box = ConnectionBox(ca_file, timeout)
        self.ca_edit = self.connection_box.ca_edit
        self.timeout_spin = self.connection_box.timeout_spin
        self.failover_check = self.connection_box.failover_check  # the tab and tests use these
        left.addWidget(self.connection_box)
        left.addStretch(1)

        # Live checks are cheap but run on every keystroke: debounce them.
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(150)

    def flush_check(self) -> None:
        """Run a pending live check now, so it cannot overwrite what Send shows later."""
        if self._check_timer.isActive():
            self._check_timer.stop()
            self.changed.emit()

    def _connect(self) -> None:
        self.preset_combo.currentIndexChanged.connect(self._preset_changed)
        self.auth_combo.currentIndexChanged.connect(self._update_visibility)
        self.token_source_combo.currentIndexChanged.connect(self._update_visibility)
        for edit in (self.base_url_edit, self.path_edit):
            edit.textChanged.connect(self._check_timer.start)
        for f, edit in self.edits.items():
            edit.textChanged.connect(self._check_timer.start)
            if f is not Field.UID and f is not Field.AGENT_ID:
                edit.textChanged.connect(self._sync_body)
        for box in self.flags.values():
            box.toggled.connect(self._check_timer.start)
            box.toggled.connect(self._sync_body)
        self.token_field.textChanged.connect(self._check_timer.start)
        self.body_edit.textChanged.connect(self._check_timer.start)
        self._check_timer.timeout.connect(self.changed.emit)
        self.add_header_button.clicked.connect(lambda: self.add_header())
        self.remove_header_button.clicked.connect(self._remove_header)

    # -- values ----------------------------------------------------------------------

    @property
    def preset(self) -> Preset:
        return rest.preset_or_custom(self.preset_combo.currentData() or None)

    @property
    def scheme(self) -> AuthScheme:
        return AuthScheme(self.auth_combo.currentData())

    @property
    def token_source(self) -> str:
        return str(self.token_source_combo.currentData())

    @property
    def generate(self) -> bool:
        return self.token_source == GENERATE

    def set_preset(self, name: str | None) -> None:
        index = self.preset_combo.findData(name or rest.CUSTOM.name)
        if index >= 0:
            self.preset_combo.setCurrentIndex(index)

    def set_scheme(self, scheme: AuthScheme) -> None:
        self.auth_combo.setCurrentIndex(self.auth_combo.findData(scheme.value))

    def set_token_source(self, source: str) -> None:
        self.token_source_combo.setCurrentIndex(self.token_source_combo.findData(source))

    def params(self) -> rest.PresetParams:
        values: dict[str, Any] = {f.value: e.text().strip() for f, e in self.edits.items()}
        values |= {f.value: b.isChecked() for f, b in self.flags.items()}
        return rest.PresetParams(**values)

    @contextlib.contextmanager
    def _quietly(self) -> Iterator[None]:
        """Programmatic edits: the body does not follow them field by field."""
        self._syncing = True
        try:
            yield
        finally:
            self._syncing = False

    def set_params(self, params: rest.PresetParams) -> None:
        with self._quietly():
            for f, edit in self.edits.items():
                edit.setText(params.value(f))
            for f, box in self.flags.items():
                box.setChecked(params.flag(f))

    def set_body(self, body: Any) -> None:
        with self._quietly():
            self.body_edit.setPlainText("" if body is None else rest.pretty(body))

    def headers(self) -> tuple[tuple[str, str], ...]:
        out: list[tuple[str, str]] = []
        for row in range(self.headers_table.rowCount()):
            name_item = self.headers_table.item(row, 0)
            value_item = self.headers_table.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            value = value_item.text().strip() if value_item else ""
            if name:
                out.append((name, value))
        return tuple(out)

    def set_headers(self, headers: tuple[tuple[str, str], ...]) -> None:
        self.headers_table.setRowCount(0)
        for name, value in headers:
            self.add_header(name, value)

    def add_header(self, name: str = "", value: str = "") -> None:
        append_row(self.headers_table, name, value)

    def _remove_header(self) -> None:
        row = self.headers_table.currentRow()
        if row >= 0:
            self.headers_table.removeRow(row)

    def connection(self) -> tuple[str, str, float]:
        """Base URL, CA file and timeout as typed."""
        return (self.base_url_edit.text().strip(), *self.connection_box.values())

    def set_connection(self, base_url: str, ca_file: str, timeout: float) -> None:
        self.base_url_edit.setText(base_url)
        self.connection_box.set_values(ca_file, timeout)

    @property
    def environment(self) -> str:
        """The badge's words, for history and the status line."""
        return self.env_picker.environment

    def language_changed(self) -> None:
        """The window's language changed: the core's labels (combos, preset note, rows) again."""
        relabel(
            self.preset_combo, lambda name: rest.preset_or_custom(str(name or "") or None).title
        )
        relabel(self.auth_combo, lambda value: AuthScheme(value).label)
        self.preset_note.setText(self.preset.description)
        self._update_visibility()

    # -- following the preset -----------------------------------------------------------

    def _preset_changed(self, *_: object) -> None:
        preset = self.preset
        custom = preset is rest.CUSTOM
        if not custom:
            self.method_combo.setCurrentText(preset.method)
            self.path_edit.setText(preset.path)
            self.path_edit.setCursorPosition(0)
            self.set_scheme(preset.default_auth)
        self.preset_note.setText(preset.description)
        text = preset.editor_body(self.params())
        if text is not None:
            with self._quietly():
                self.body_edit.setPlainText(text)
        if not custom and preset.default_base_url:
            if self._base_before is None:
                self._base_before = self.base_url_edit.text()
            self.base_url_edit.setText(preset.default_base_url)
        elif self._base_before is not None:
            # Back from a preset with a host of its own (Chat): the user's host again.
            self.base_url_edit.setText(self._base_before)
            self._base_before = None
        self.method_combo.setEnabled(custom)
        # Under a preset the path is the preset's: shown fixed, not editable-looking.
        self.path_edit.setReadOnly(not custom)
        self.path_edit.setEnabled(custom)
        self.path_edit.setToolTip(
            translate("RequestForm", "Path and ?query under the base URL; {app_id} is filled in")
            if custom
            else translate(
                "RequestForm",
                "Fixed by the preset: the fields below fill its {placeholders}. Choose "
                "“Custom request” to type any path.",
            )
        )
        self._update_visibility()

    def _sync_body(self, *_: object) -> None:
        """Keep the body's preset-owned fields equal to the form (the token's inputs)."""
        if self._syncing:
            return
        body, problem = rest.parse_json_text(self.body_edit.toPlainText())
        if problem is not None or body is None:
            return
        synced = self.preset.sync_body(body, self.params())
        if synced != body:
            self.set_body(synced)

    def _update_visibility(self, *_: object) -> None:
        preset = self.preset
        scheme = self.scheme
        carries = preset.carries_token(scheme, self.params())
        self.token_source_combo.setVisible(carries)
        self.token_source_label.setVisible(carries)
        self.token_field.setVisible(carries and not self.generate)
        self.token_field_label.setVisible(carries and not self.generate)
        shown = preset.fields(scheme, generate=self.generate)
        for f, (label, widget) in self._rows.items():
            if label is not None:
                label.setVisible(f in shown)
                label.setText(
                    preset.labels[f]
                    if f in preset.labels
                    else translate("RequestForm", _SPECS[f].label)
                )
            widget.setVisible(f in shown)
        self.preset_box.setVisible(bool(shown))
        self.preset_box.setTitle(preset.group or preset.title)
        self.changed.emit()

    # -- the request ---------------------------------------------------------------------

    def spec(self, expire: int) -> rest.RequestSpec:
        """The form as a request spec; raises :class:`InputError` naming the field."""
        for issue in rest.check_base_url(self.base_url_edit.text()):
            raise InputError(translate("RequestForm", "base URL"), issue.message)
        body, problem = rest.parse_json_text(self.body_edit.toPlainText())
        if problem is not None:
            raise InputError(translate("RequestForm", "body"), str(problem))
        for name, value in self.headers():
            rest.check_header(name, value)
        pasted: Secret | None = None
        if not self.generate and self.preset.carries_token(self.scheme, self.params()):
            text = self.token_field.text().strip()
            if not text:
                raise InputError(
                    translate("RequestForm", "token"),
                    translate(
                        "RequestForm",
                        "paste a token (pasted tokens are never saved), or choose “Generate "
                        "from the profile”",
                    ),
                )
            pasted = Secret(text)
        return rest.RequestSpec(
            base_url=self.base_url_edit.text().strip(),
            scheme=self.scheme,
            preset=self.preset,
            method=self.method_combo.currentText(),
            path=self.path_edit.text().strip() or "/",
            params=self.params(),
            headers=self.headers(),
            body=body,
            pasted_token=pasted,
            expire=expire,
        )

    def check(self, expire: int, *, app_id: str = "") -> bool:
        """Inline messages for the form; True when it can be sent.

        ``app_id``: the profile's, so a pasted token of another project is named.
        """
        problems = rest.check_base_url(self.base_url_edit.text())
        self.url_message.set_message(
            "error" if problems else None, str(problems[0]) if problems else ""
        )
        _body, problem = rest.parse_json_text(self.body_edit.toPlainText())
        self.body_message.set_message("error" if problem else None, str(problem or ""))
        try:
            spec = self.spec(expire)
            plan = rest.plan_token(spec)
        except InputError as exc:
            if not problems and problem is None:
                self.token_info.set_message("error", str(exc))
            else:
                self.token_info.clear_message()
            return False
        pasted = spec.pasted_token.reveal() if spec.pasted_token is not None else None
        # The auth doctor, beside the auth fields: scheme, typed headers, a pasted token.
        doctor = [i.sentence() for i in rest.examine(spec, token=pasted, app_id=app_id)]
        if pasted is not None:
            text: str = translate("RequestForm", "Using the pasted token.")
        elif plan is not None:
            text = translate(
                "RequestForm", "Sends a fresh {token}, built from the profile."
            ).format(token=plan.describe())
            doctor += [i.sentence() for i in plan.issues]
        else:
            text = ""
        if doctor:
            self.token_info.set_message("warning", " ".join([text, *doctor]).strip())
        elif text:
            self.token_info.set_message("info", text)
        else:
            self.token_info.clear_message()
        return not problems and problem is None
