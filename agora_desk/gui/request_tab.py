"""The Test request tab: build a REST request the way Agora's docs say, send it, explain the answer.

Nothing here blocks the GUI thread: credentials come through
``context.credentials_async`` and the request runs in a job
(:func:`agora_desk.gui.jobs.run_job`) that also pretty-prints the body and
builds its tree, so a 20 MB answer costs the GUI thread only the kept,
display-sized part. Cancel stops the transport from the GUI thread through
the job's event.

History entries hold no secret: tokens and the Customer Secret are rebuilt
from the profile (or pasted again) on replay.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agora_desk.core import rest
from agora_desk.core.decoded import Node
from agora_desk.core.errors import AgoraDeskError, InputError
from agora_desk.core.rest import AuthScheme
from agora_desk.core.secret import Secret
from agora_desk.gui.context import (
    APP_CERTIFICATE,
    CUSTOMER_SECRET,
    AppContext,
    ResolvedCredentials,
)
from agora_desk.gui.jobs import Job, run_job
from agora_desk.gui.widgets import (
    MessageLabel,
    ValidatedField,
    add_row,
    failure_message,
    monospace_font,
)

HISTORY_FILE: Final = "request_history.json"
ERROR_TITLE: Final = "Test request"
CUSTOM: Final = ""  # the preset combo's "no preset" entry
GENERATE: Final = "generate"
PASTE: Final = "paste"
PASTED: Final = "pasted"  # HistoryEntry.token_source of a pasted token


@dataclass(frozen=True)
class Outcome:
    """What the send job hands back: the response and its views, made off the GUI thread."""

    response: Any  # agora_desk.net.http.Response
    view: rest.BodyView
    tree: Node | None
    explanation: str | None


def default_history_path(context: AppContext) -> Path:
    config = getattr(context.profiles, "config_path", None)
    if isinstance(config, Path):
        return config.parent / HISTORY_FILE
    from agora_desk.secrets.profiles import default_config_dir

    return default_config_dir() / HISTORY_FILE


class RequestTab(QWidget):
    """Method, URL, auth, headers, body → Send / Cancel → status, time, headers, body, why."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        history_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.history_path = history_path or default_history_path(context)
        self.history: list[rest.HistoryEntry] = []
        self.job: Job | None = None  # the credentials or the send job in flight
        self._curl_job: Job | None = None  # credentials for Copy as curl
        self.state = "idle"  # idle | resolving | sending
        self.last_outcome: Outcome | None = None
        self.last_error: str = ""
        self.last_curl: str = ""
        self._generation = 0
        self._syncing = False
        self._build_ui()
        self._settings_seen = self._settings_values()
        self._connect()
        self._load_history()
        self._preset_changed()
        self._set_state("idle")

    # -- UI -----------------------------------------------------------------------

    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(splitter, 1)

        # Left: the request.
        form_widget = QWidget()
        left = QVBoxLayout(form_widget)

        req_box = QGroupBox("Request")
        form = QFormLayout(req_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.preset_combo = QComboBox()
        self.preset_combo.addItem("Custom request", CUSTOM)
        for preset in rest.PRESETS.values():
            self.preset_combo.addItem(preset.title, preset.name)
        add_row(form, "Pre&set:", self.preset_combo)
        self.preset_note = QLabel()
        self.preset_note.setWordWrap(True)
        form.addRow(self.preset_note)
        self.method_combo = QComboBox()
        self.method_combo.addItems(list(rest.METHODS))
        add_row(form, "&Method:", self.method_combo)
        self.base_url_edit = QLineEdit(str(self.context.settings.get("rest_base_url")))
        self.base_url_edit.setPlaceholderText(rest.DEFAULT_BASE_URL)
        add_row(form, "&Base URL:", self.base_url_edit)
        self.path_edit = QLineEdit("/dev/v1/projects")
        self.path_edit.setPlaceholderText("/dev/v1/projects  ({app_id} is filled in)")
        add_row(form, "&Path:", self.path_edit)
        self.url_message = MessageLabel()
        form.addRow(self.url_message)
        left.addWidget(req_box)

        auth_box = QGroupBox("Authentication")
        aform = QFormLayout(auth_box)
        aform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.auth_combo = QComboBox()
        for scheme in AuthScheme:
            self.auth_combo.addItem(scheme.label, scheme.value)
        add_row(aform, "&Auth:", self.auth_combo)
        self.token_source_combo = QComboBox()
        self.token_source_combo.addItem("Generate from the profile", GENERATE)
        self.token_source_combo.addItem("Paste a token", PASTE)
        self.token_source_label = add_row(aform, "&Token:", self.token_source_combo)
        self.token_field = ValidatedField("007… (pasted tokens are never saved)", password=True)
        self.token_field_label = add_row(aform, "Pasted token:", self.token_field)
        self.uid_edit = QLineEdit()
        self.uid_edit.setPlaceholderText("the Signaling user ID the RTM token is for")
        self.uid_label = add_row(aform, "Signaling &user ID:", self.uid_edit)
        self.token_info = MessageLabel()
        aform.addRow(self.token_info)
        self.profile_label = QLabel()
        self.profile_label.setWordWrap(True)
        aform.addRow(self.profile_label)
        left.addWidget(auth_box)

        self.preset_box = QGroupBox("Conversational AI")
        pform = QFormLayout(self.preset_box)
        pform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.channel_edit = QLineEdit()
        self.channel_label = add_row(pform, "C&hannel:", self.channel_edit)
        self.agent_uid_edit = QLineEdit("0")
        self.agent_uid_edit.setPlaceholderText("0 = random")
        self.agent_uid_label = add_row(pform, "Agent &uid:", self.agent_uid_edit)
        self.remote_uid_edit = QLineEdit()
        self.remote_uid_edit.setPlaceholderText("* = every user in the channel")
        self.remote_uid_label = add_row(pform, "&Remote uid:", self.remote_uid_edit)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("unique agent name (generated when empty)")
        self.name_label = add_row(pform, "Agent &name:", self.name_edit)
        self.enable_rtm_check = QCheckBox("enable_rtm (the token gets RTM login too)")
        self.string_uid_check = QCheckBox("String uid (enable_string_uid; token for the account)")
        pform.addRow(self.enable_rtm_check)
        pform.addRow(self.string_uid_check)
        self.agent_id_edit = QLineEdit()
        self.agent_id_edit.setPlaceholderText("the agent_id that join returned")
        self.agent_id_label = add_row(pform, "Agent &ID:", self.agent_id_edit)
        left.addWidget(self.preset_box)

        headers_box = QGroupBox("Headers (Content-Type: application/json is always sent)")
        hlayout = QVBoxLayout(headers_box)
        self.headers_table = QTableWidget(0, 2)
        self.headers_table.setHorizontalHeaderLabels(["Name", "Value"])
        self.headers_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.headers_table.setMinimumHeight(80)
        hlayout.addWidget(self.headers_table)
        hbuttons = QHBoxLayout()
        self.add_header_button = QPushButton("Add header")
        self.remove_header_button = QPushButton("Remove")
        hbuttons.addWidget(self.add_header_button)
        hbuttons.addWidget(self.remove_header_button)
        hbuttons.addStretch(1)
        hlayout.addLayout(hbuttons)
        left.addWidget(headers_box)

        body_box = QGroupBox("JSON body")
        blayout = QVBoxLayout(body_box)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setFont(monospace_font())
        self.body_edit.setPlaceholderText("{ }  (empty: no body)")
        self.body_edit.setMinimumHeight(120)
        blayout.addWidget(self.body_edit)
        self.body_message = MessageLabel()
        blayout.addWidget(self.body_message)
        left.addWidget(body_box)

        tls_box = QGroupBox("Connection")
        tform = QFormLayout(tls_box)
        ca_row = QHBoxLayout()
        self.ca_edit = QLineEdit(str(self.context.settings.get("rest_ca_file")))
        self.ca_edit.setPlaceholderText("extra CA bundle (PEM), added to the system's")
        self.ca_browse = QPushButton("Browse…")
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_browse)
        ca_widget = QWidget()
        ca_widget.setLayout(ca_row)
        ca_row.setContentsMargins(0, 0, 0, 0)
        add_row(tform, "&CA file:", ca_widget)
        self.timeout_spin = QDoubleSpinBox()
        self.timeout_spin.setRange(0.1, 3600)
        self.timeout_spin.setDecimals(1)
        self.timeout_spin.setSuffix(" s")
        self.timeout_spin.setValue(float(self.context.settings.get("rest_timeout_s")))
        add_row(tform, "T&imeout:", self.timeout_spin)
        left.addWidget(tls_box)
        left.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)

        request_side = QWidget()
        rlayout = QVBoxLayout(request_side)
        rlayout.setContentsMargins(0, 0, 0, 0)
        rlayout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.send_button = QPushButton("&Send")
        self.send_button.setToolTip("Send the request (Ctrl+Enter)")
        self.send_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.curl_button = QPushButton("Copy as c&url")
        self.reveal_check = QCheckBox("with secrets")
        self.reveal_check.setToolTip(
            "Off: the command uses $AGORA_CUSTOMER_ID, $AGORA_CUSTOMER_SECRET and $AGORA_TOKEN. "
            "On: the real values (the clipboard is cleared after a while)."
        )
        for w in (self.send_button, self.cancel_button, self.curl_button, self.reveal_check):
            buttons.addWidget(w)
        buttons.addStretch(1)
        rlayout.addLayout(buttons)
        splitter.addWidget(request_side)

        # Right: the response and the history.
        response_side = QWidget()
        resp = QVBoxLayout(response_side)
        self.status_label = QLabel("No request sent yet.")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        resp.addWidget(self.status_label)
        self.explanation = MessageLabel()
        resp.addWidget(self.explanation)
        self.notes_label = MessageLabel()
        resp.addWidget(self.notes_label)
        self.response_tabs = QTabWidget()
        self.body_view = QPlainTextEdit()
        self.body_view.setReadOnly(True)
        self.body_view.setFont(monospace_font())
        self.body_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.response_tabs.addTab(self.body_view, "Body")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Key", "Value"])
        self.response_tabs.addTab(self.tree, "JSON tree")
        self.response_headers = QTableWidget(0, 2)
        self.response_headers.setHorizontalHeaderLabels(["Header", "Value"])
        self.response_headers.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.response_headers.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.response_tabs.addTab(self.response_headers, "Headers")
        resp.addWidget(self.response_tabs, 3)

        history_box = QGroupBox("History (no secrets kept; replay rebuilds them from the profile)")
        hist = QVBoxLayout(history_box)
        self.history_list = QListWidget()
        hist.addWidget(self.history_list)
        hist_buttons = QHBoxLayout()
        self.replay_button = QPushButton("&Replay")
        self.load_button = QPushButton("Load into form")
        self.clear_history_button = QPushButton("Clear history")
        for w in (self.replay_button, self.load_button, self.clear_history_button):
            hist_buttons.addWidget(w)
        hist_buttons.addStretch(1)
        hist.addLayout(hist_buttons)
        resp.addWidget(history_box, 1)
        splitter.addWidget(response_side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        # Live checks are cheap but run on every keystroke: debounce them.
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(150)

    def _connect(self) -> None:
        self.preset_combo.currentIndexChanged.connect(self._preset_changed)
        self.auth_combo.currentIndexChanged.connect(self._update_visibility)
        self.token_source_combo.currentIndexChanged.connect(self._update_visibility)
        for edit in (
            self.base_url_edit,
            self.path_edit,
            self.uid_edit,
            self.channel_edit,
            self.agent_uid_edit,
            self.remote_uid_edit,
            self.name_edit,
            self.agent_id_edit,
        ):
            edit.textChanged.connect(self._check_timer.start)
        self.token_field.textChanged.connect(self._check_timer.start)
        self.body_edit.textChanged.connect(self._check_timer.start)
        for box in (self.enable_rtm_check, self.string_uid_check):
            box.toggled.connect(self._check_timer.start)
        for widget in (
            self.channel_edit,
            self.agent_uid_edit,
            self.remote_uid_edit,
            self.name_edit,
        ):
            widget.textChanged.connect(self._sync_join_body)
        for box in (self.enable_rtm_check, self.string_uid_check):
            box.toggled.connect(self._sync_join_body)
        self._check_timer.timeout.connect(self.check)
        self.add_header_button.clicked.connect(lambda: self._add_header())
        self.remove_header_button.clicked.connect(self._remove_header)
        self.ca_browse.clicked.connect(self._browse_ca)
        self.send_button.clicked.connect(self.send)
        self.cancel_button.clicked.connect(self.cancel)
        self.curl_button.clicked.connect(self.copy_curl)
        self.replay_button.clicked.connect(self.replay_selected)
        self.load_button.clicked.connect(self.load_selected)
        self.history_list.itemDoubleClicked.connect(lambda _item: self.load_selected())
        self.clear_history_button.clicked.connect(self.clear_history)
        self.context.profileChanged.connect(self._profile_changed)
        self._profile_changed(self.context.profile())

    # -- settings ------------------------------------------------------------------

    def _settings_values(self) -> tuple[str, str, float]:
        settings = self.context.settings
        return (
            str(settings.get("rest_base_url")),
            str(settings.get("rest_ca_file")),
            float(settings.get("rest_timeout_s")),
        )

    def _field_values(self) -> tuple[str, str, float]:
        return (
            self.base_url_edit.text().strip(),
            self.ca_edit.text().strip(),
            float(self.timeout_spin.value()),
        )

    def showEvent(self, event: QShowEvent) -> None:
        # Follow a change made in the Settings dialog, unless the fields were edited here.
        current = self._settings_values()
        if current != self._settings_seen and self._field_values() == self._settings_seen:
            self.base_url_edit.setText(current[0])
            self.ca_edit.setText(current[1])
            self.timeout_spin.setValue(current[2])
        self._settings_seen = current
        super().showEvent(event)

    # -- tab protocol ------------------------------------------------------------

    def default_action(self) -> None:
        """Ctrl+Enter."""
        self.send()

    def shutdown(self) -> None:
        self._stop_job()
        if self._curl_job is not None:
            # Its callbacks would otherwise reach a closed window.
            self._curl_job.cancel()
            self._curl_job = None

    # -- form state ----------------------------------------------------------------

    @property
    def preset(self) -> str | None:
        return self.preset_combo.currentData() or None

    @property
    def scheme(self) -> AuthScheme:
        return AuthScheme(self.auth_combo.currentData())

    @property
    def token_source(self) -> str:
        return str(self.token_source_combo.currentData())

    def set_preset(self, name: str | None) -> None:
        index = self.preset_combo.findData(name or CUSTOM)
        if index >= 0:
            self.preset_combo.setCurrentIndex(index)

    def set_scheme(self, scheme: AuthScheme) -> None:
        self.auth_combo.setCurrentIndex(self.auth_combo.findData(scheme.value))

    def set_token_source(self, source: str) -> None:
        self.token_source_combo.setCurrentIndex(self.token_source_combo.findData(source))

    def params(self) -> rest.PresetParams:
        return rest.PresetParams(
            uid=self.uid_edit.text().strip(),
            channel=self.channel_edit.text().strip(),
            agent_uid=self.agent_uid_edit.text().strip(),
            remote_uid=self.remote_uid_edit.text().strip(),
            name=self.name_edit.text().strip(),
            enable_rtm=self.enable_rtm_check.isChecked(),
            string_uid=self.string_uid_check.isChecked(),
            agent_id=self.agent_id_edit.text().strip(),
        )

    def set_params(self, params: rest.PresetParams) -> None:
        self._syncing = True
        try:
            self.uid_edit.setText(params.uid)
            self.channel_edit.setText(params.channel)
            self.agent_uid_edit.setText(params.agent_uid)
            self.remote_uid_edit.setText(params.remote_uid)
            self.name_edit.setText(params.name)
            self.enable_rtm_check.setChecked(params.enable_rtm)
            self.string_uid_check.setChecked(params.string_uid)
            self.agent_id_edit.setText(params.agent_id)
        finally:
            self._syncing = False

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
            self._add_header(name, value)

    def _add_header(self, name: str = "", value: str = "") -> None:
        _append_row(self.headers_table, name, value)

    def _remove_header(self) -> None:
        row = self.headers_table.currentRow()
        if row >= 0:
            self.headers_table.removeRow(row)

    def _browse_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "CA bundle", "", "PEM files (*.pem *.crt *.cer);;All files (*)"
        )
        if path:
            self.ca_edit.setText(path)

    def _preset_changed(self, *_: object) -> None:
        name = self.preset
        if name:
            preset = rest.get_preset(name)
            self.method_combo.setCurrentText(preset.method)
            self.path_edit.setText(preset.path)
            self.set_scheme(preset.default_auth)
            self.preset_note.setText(preset.description)
            if name == "convoai-join":
                self._syncing = True
                self.body_edit.setPlainText(self._join_body_text(self.params()))
                self._syncing = False
            elif preset.method == "GET" or name == "convoai-leave":
                self.body_edit.setPlainText("")
        else:
            self.preset_note.setText("Any method and path under the base URL.")
        self.method_combo.setEnabled(not name)
        self.path_edit.setReadOnly(bool(name))
        self._update_visibility()

    def _join_body_text(self, params: rest.PresetParams) -> str:
        body = rest.convoai_join_body(params, "")
        body["properties"]["llm"] = {}
        body["properties"]["tts"] = {}
        return json.dumps(body, indent=2, ensure_ascii=False)

    def _sync_join_body(self, *_: object) -> None:
        """Keep the join body's channel / uid / flags equal to the fields (the token's inputs)."""
        if self._syncing or self.preset != "convoai-join":
            return
        body, problem = rest.parse_json_text(self.body_edit.toPlainText())
        if problem is not None or not isinstance(body, dict):
            return
        params = self.params()
        props = body.setdefault("properties", {})
        if not isinstance(props, dict):
            return
        props["channel"] = params.channel
        props["agent_rtc_uid"] = rest.agent_uid_text(params)
        props["remote_rtc_uids"] = [params.remote_uid or "*"]
        props["enable_string_uid"] = params.string_uid
        features = props.setdefault("advanced_features", {})
        if isinstance(features, dict):
            features["enable_rtm"] = params.enable_rtm
        if params.name:
            body["name"] = params.name
        self._syncing = True
        try:
            self.body_edit.setPlainText(json.dumps(body, indent=2, ensure_ascii=False))
        finally:
            self._syncing = False

    def _update_visibility(self, *_: object) -> None:
        name = self.preset
        scheme = self.scheme
        generate = self.token_source == GENERATE
        token_auth = scheme.uses_token
        needs_token = token_auth or name == "convoai-join"
        self.token_source_combo.setVisible(needs_token)
        self.token_source_label.setVisible(needs_token)
        self.token_field.setVisible(needs_token and not generate)
        self.token_field_label.setVisible(needs_token and not generate)
        show_uid = (name in (None, "rtm-user-events") and token_auth) or (
            scheme is AuthScheme.ACCESS_TOKEN
        )
        if name == "convoai-join":
            show_uid = False
        self.uid_edit.setVisible(show_uid)
        self.uid_label.setVisible(show_uid)
        join = name == "convoai-join"
        leave = name == "convoai-leave"
        build_rtc = generate and (join or (leave and token_auth) or (name is None and token_auth))
        self.preset_box.setVisible(join or leave or (name is None and token_auth and generate))
        self.preset_box.setTitle("Conversational AI" if (join or leave) else "Token for a channel")
        for label, widget in (
            (self.channel_label, self.channel_edit),
            (self.agent_uid_label, self.agent_uid_edit),
        ):
            label.setVisible(join or build_rtc)
            widget.setVisible(join or build_rtc)
        for box in (self.enable_rtm_check, self.string_uid_check):
            box.setVisible(join or build_rtc)
        for label, widget in (
            (self.remote_uid_label, self.remote_uid_edit),
            (self.name_label, self.name_edit),
        ):
            label.setVisible(join)
            widget.setVisible(join)
        self.agent_id_label.setVisible(leave)
        self.agent_id_edit.setVisible(leave)
        self.check()

    def _profile_changed(self, profile: object) -> None:
        if profile is None:
            self.profile_label.setText(
                "No profile: the App ID / Certificate and Customer ID / Secret typed in the "
                "other tabs for this session are used."
            )
        else:
            name = getattr(profile, "name", "")
            app_id = getattr(profile, "app_id", "")
            customer = getattr(profile, "customer_id", "") or "none"
            self.profile_label.setText(
                f"Profile “{name}”: App ID {app_id}, Customer ID {customer}. Secrets are read "
                "from the keyring when you send."
            )

    # -- live checks ------------------------------------------------------------------

    def spec(self) -> rest.RequestSpec:
        """The form as a request spec; raises :class:`InputError` naming the field."""
        for issue in rest.check_base_url(self.base_url_edit.text()):
            raise InputError("base URL", issue.message)
        body, problem = rest.parse_json_text(self.body_edit.toPlainText())
        if problem is not None:
            raise InputError("body", str(problem))
        for name, value in self.headers():
            rest.check_header(name, value)
        pasted: Secret | None = None
        if self.token_source == PASTE and (self.scheme.uses_token or self.preset == "convoai-join"):
            text = self.token_field.text().strip()
            if not text:
                raise InputError(
                    "token",
                    "paste a token (pasted tokens are never saved), or choose “Generate from "
                    "the profile”",
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
            expire=int(self.context.settings.get("default_expire_s")),
        )

    def check(self) -> bool:
        """Inline messages for the form; True when it can be sent."""
        problems = rest.check_base_url(self.base_url_edit.text())
        self.url_message.set_message(
            "error" if problems else None, str(problems[0]) if problems else ""
        )
        _body, problem = rest.parse_json_text(self.body_edit.toPlainText())
        self.body_message.set_message("error" if problem else None, str(problem or ""))
        try:
            spec = self.spec()
            plan = rest.plan_token(spec)
        except InputError as exc:
            if not problems and problem is None:
                self.token_info.set_message("error", str(exc))
            else:
                self.token_info.clear_message()
            return False
        if spec.pasted_token is not None:
            issues = rest.check_token_for(
                spec.pasted_token.reveal(), rest.resolve_params(spec), spec.preset
            )
            if issues:
                self.token_info.set_message("warning", "; ".join(i.message for i in issues))
            else:
                self.token_info.set_message("info", "Using the pasted token.")
        elif plan is not None:
            warnings = [
                i.message
                for i in rest.convoai_issues(rest.resolve_params(spec))
                if plan.rtc is not None and i.level == "warning"
            ]
            text = f"Sends a fresh {plan.describe()}, built from the profile."
            if warnings:
                self.token_info.set_message("warning", text + " " + " ".join(warnings))
            else:
                self.token_info.set_message("info", text)
        else:
            self.token_info.clear_message()
        return not problems and problem is None

    # -- send / cancel ---------------------------------------------------------------

    def _set_state(self, state: str) -> None:
        self.state = state
        busy = state != "idle"
        self.send_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.replay_button.setEnabled(not busy)
        if state == "resolving":
            self.status_label.setText("Reading credentials…")
        elif state == "sending":
            self.status_label.setText("Sending…")

    def _need_set(self, spec: rest.RequestSpec, *, standins: bool) -> set[str]:
        need = rest.needs(spec, standins=standins)
        wanted: set[str] = set()
        if rest.NEED_APP_CERTIFICATE in need:
            wanted.add(APP_CERTIFICATE)
        if rest.NEED_CUSTOMER_SECRET in need:
            wanted.add(CUSTOMER_SECRET)
        return wanted

    def send(self) -> None:
        if self.state != "idle":
            return
        try:
            spec = self.spec()
            need = self._need_set(spec, standins=False)
        except InputError as exc:
            self.check()
            self._show_failure(str(exc))
            return
        self.context.settings.set("rest_base_url", spec.base_url)
        self.context.settings.set("rest_ca_file", self.ca_edit.text().strip())
        self.context.settings.set("rest_timeout_s", round(self.timeout_spin.value()) or 1)
        self._settings_seen = self._settings_values()
        self._generation += 1
        generation = self._generation
        self._set_state("resolving")
        self.job = self.context.credentials_async(
            need,
            lambda creds: self._credentials_ready(generation, spec, creds),
            lambda exc: self._credentials_failed(generation, exc),
        )

    def _credentials_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_state("idle")
        message = failure_message(exc, "reading the credentials")
        self._show_failure(message)
        self.context.report_error(ERROR_TITLE, message)

    def _credentials_ready(
        self, generation: int, spec: rest.RequestSpec, creds: ResolvedCredentials
    ) -> None:
        if generation != self._generation:
            return
        try:
            built = rest.assemble(
                spec,
                app_id=creds.app_id,
                app_certificate=creds.app_certificate,
                customer_id=creds.customer_id,
                customer_secret=creds.customer_secret,
            )
            prepared = rest.prepare(built.request)
        except AgoraDeskError as exc:
            self._set_state("idle")
            self._show_failure(_with_hint(str(exc), creds))
            return
        self._start_send(generation, spec, built, prepared, creds.profile)

    def _start_send(
        self,
        generation: int,
        spec: rest.RequestSpec,
        built: rest.Assembled,
        prepared: rest.Prepared,
        profile: str | None,
    ) -> None:
        from agora_desk.net import http

        options = http.Options(
            timeout=float(self.timeout_spin.value()), ca_file=self.ca_edit.text().strip() or None
        )
        auth = built.request.auth
        failure = rest.Failure(
            scheme=auth.scheme,
            token=auth.token.reveal() if auth.token else _body_token(built.request.body),
            app_id=built.params.app_id or None,
            preset=spec.preset,
            params=built.params,
            timeout=options.timeout,
        )

        def work(job: Job) -> Outcome:
            response = http.send(prepared, options, cancel=job.cancelled)
            view = rest.body_view(
                response.body, response.content_type, truncated=response.truncated
            )
            tree = rest.json_tree(view.json) if view.is_json else None
            body: Any = view.json if view.is_json else view.text
            explanation = rest.explain(
                replace(failure, status=response.status, headers=response.headers_dict(), body=body)
            )
            return Outcome(response, view, tree, explanation)

        def done(outcome: Outcome) -> None:
            if generation != self._generation:
                return
            self._set_state("idle")
            self._show_outcome(outcome)
            self._remember(
                spec,
                built,
                profile,
                status=outcome.response.status,
                elapsed_ms=outcome.response.elapsed_ms,
            )

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._set_state("idle")
            if isinstance(exc, http.TransportError):
                explanation = rest.explain(replace(failure, kind=exc.kind, detail=exc.detail))
                self._show_failure(
                    rest.scrub(str(exc), prepared.secrets), explanation, elapsed_ms=exc.elapsed_ms
                )
                self._remember(spec, built, profile, outcome=exc.kind)
                return
            message = failure_message(exc, "the request")
            self._show_failure(rest.scrub(message, prepared.secrets))

        self._set_state("sending")
        self.job = run_job(work, done, failed)

    def cancel(self) -> None:
        if self.state == "idle":
            return
        self._stop_job()
        self._set_state("idle")
        self.status_label.setText("Cancelled.")
        self.explanation.set_message("info", rest.explain(rest.Failure(kind="cancelled")) or "")
        self.context.status("Request cancelled")

    def _stop_job(self) -> None:
        self._generation += 1  # late callbacks of the old job are ignored
        if self.job is not None:
            self.job.cancel()
            self.job = None

    # -- showing results ----------------------------------------------------------------

    def _clear_response(self) -> None:
        self.body_view.setPlainText("")
        self.tree.clear()
        self.response_headers.setRowCount(0)
        self.notes_label.clear_message()

    def _show_failure(
        self, message: str, explanation: str | None = None, elapsed_ms: float | None = None
    ) -> None:
        self.last_outcome = None
        self.last_error = message
        self._clear_response()
        timing = f" after {elapsed_ms:.0f} ms" if elapsed_ms else ""
        self.status_label.setText(
            f"Not sent{timing}: {message}" if not explanation else f"No answer{timing}."
        )
        self.explanation.set_message("error", explanation or message)

    def _show_outcome(self, outcome: Outcome) -> None:
        self.last_outcome = outcome
        self.last_error = ""
        r = outcome.response
        self.status_label.setText(
            f"{r.http_version} {r.status} {r.reason} · {r.elapsed_ms:.0f} ms · {r.size_text}"
        )
        if outcome.explanation:
            self.explanation.set_message("error", outcome.explanation)
        else:
            self.explanation.clear_message()
        notes = list(r.notes)
        if r.truncated:
            notes.append(f"Body truncated: {r.size_text}.")
        if outcome.view.display_truncated:
            notes.append(f"Showing the first {len(outcome.view.text):,} characters of the body.")
        self.notes_label.set_message("warning" if notes else None, " ".join(notes))
        self.body_view.setPlainText(outcome.view.text)
        self.tree.clear()
        if outcome.tree is not None:
            top = _tree_item(outcome.tree)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.response_tabs.setTabEnabled(1, outcome.tree is not None)
        self.response_headers.setRowCount(0)
        for key, value in r.headers:
            _append_row(self.response_headers, key, value)

    # -- copy as curl ----------------------------------------------------------------------

    def copy_curl(self) -> None:
        reveal = self.reveal_check.isChecked()
        try:
            spec = self.spec()
            need = self._need_set(spec, standins=not reveal)
        except InputError as exc:
            self._show_failure(str(exc))
            return
        ca = self.ca_edit.text().strip() or None
        timeout = float(self.timeout_spin.value())

        def ready(creds: ResolvedCredentials) -> None:
            try:
                built = rest.assemble(
                    spec,
                    app_id=creds.app_id,
                    app_certificate=creds.app_certificate,
                    customer_id=creds.customer_id,
                    customer_secret=creds.customer_secret,
                    standins=not reveal,
                )
                text = rest.curl_command(
                    rest.prepare(built.request),
                    built.curl_auth,
                    reveal=reveal,
                    ca_file=ca,
                    timeout=timeout,
                )
            except AgoraDeskError as exc:
                self._show_failure(_with_hint(str(exc), creds))
                return
            self.last_curl = text
            self.context.copy(text, secret=reveal)

        def failed(exc: BaseException) -> None:
            self.context.report_error(ERROR_TITLE, failure_message(exc, "reading the credentials"))

        if self._curl_job is not None:
            self._curl_job.cancel()
        self._curl_job = self.context.credentials_async(need, ready, failed)

    # -- history -----------------------------------------------------------------------------

    def _remember(
        self,
        spec: rest.RequestSpec,
        built: rest.Assembled,
        profile: str | None,
        *,
        status: int | None = None,
        elapsed_ms: float | None = None,
        outcome: str = "",
    ) -> None:
        request = built.request
        if spec.preset is None:
            # The template ({app_id}), not the filled path: replay may use another profile.
            request = replace(request, path=spec.path)
        if spec.preset == "convoai-join" and spec.body is not None:
            # The editor's body (properties.token empty), not the one sent.
            request = replace(request, body=spec.body)
        try:
            entry = rest.history_entry(
                request,
                params=replace(built.params, app_id=""),
                token_source=built.token_source or "profile",
                profile=profile,
                status=status,
                elapsed_ms=elapsed_ms,
                outcome=outcome,
            )
        except rest.SecretInHistory as exc:
            self.context.status(str(exc))
            return
        self.history.insert(0, entry)
        del self.history[rest.HISTORY_MAX :]
        self._refresh_history()
        self._save_history()

    def _refresh_history(self) -> None:
        self.history_list.clear()
        for entry in self.history:
            item = QListWidgetItem(entry.title)
            item.setToolTip(f"{entry.method} {entry.base_url}{entry.path} ({entry.scheme})")
            self.history_list.addItem(item)

    def _load_history(self) -> None:
        try:
            text = self.history_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            text = ""
        except (OSError, UnicodeDecodeError) as exc:
            self.context.status(f"Could not read the request history: {exc}")
            text = ""
        self.history = rest.history_from_text(text) if text else []
        self._refresh_history()

    def _save_history(self) -> None:
        text = rest.history_to_text(self.history)
        path = self.history_path
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(text)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError as exc:
            self.context.status(f"Could not save the request history: {exc.strerror or exc}")

    def clear_history(self) -> None:
        self.history = []
        self._refresh_history()
        self._save_history()

    def _selected_entry(self) -> rest.HistoryEntry | None:
        row = self.history_list.currentRow()
        return self.history[row] if 0 <= row < len(self.history) else None

    def load_entry(self, entry: rest.HistoryEntry) -> None:
        """Fill the form from a history entry; secrets come back from the profile on Send."""
        self.set_preset(entry.preset)
        if not entry.preset:
            self.method_combo.setCurrentText(entry.method)
            self.path_edit.setText(entry.path)
        self.base_url_edit.setText(entry.base_url)
        with contextlib.suppress(ValueError):
            self.set_scheme(AuthScheme(entry.scheme))
        self.set_params(entry.params)
        self.set_headers(entry.headers)
        self._syncing = True
        try:
            body = entry.body
            self.body_edit.setPlainText(
                "" if body is None else json.dumps(body, indent=2, ensure_ascii=False)
            )
        finally:
            self._syncing = False
        self.set_token_source(PASTE if _was_pasted(entry) else GENERATE)
        self.token_field.setText("")
        self._update_visibility()
        if _was_pasted(entry):
            self.token_info.set_message(
                "warning", "Paste the token again: pasted tokens are never saved."
            )

    def load_selected(self) -> None:
        entry = self._selected_entry()
        if entry is not None:
            self.load_entry(entry)

    def replay_selected(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        self.load_entry(entry)
        if _was_pasted(entry):
            return  # nothing to send with until the token is pasted again
        self.send()


def _was_pasted(entry: rest.HistoryEntry) -> bool:
    return entry.token_source in (PASTE, PASTED)


def _tree_item(node: Node) -> QTreeWidgetItem:
    item = QTreeWidgetItem([node.label, node.value])
    for child in node.children:
        item.addChild(_tree_item(child))
    return item


def _body_token(body: Any) -> str | None:
    props = body.get("properties") if isinstance(body, dict) else None
    token = props.get("token") if isinstance(props, dict) else None
    return token if isinstance(token, str) and token else None


def _with_hint(message: str, creds: ResolvedCredentials) -> str:
    if creds.profile is None and ("is needed" in message or "empty" in message):
        return (
            message
            + " (choose a profile, or type the credentials in the RTC token / Basic credential tab)"
        )
    return message


def _append_row(table: QTableWidget, name: str, value: str) -> None:
    row = table.rowCount()
    table.insertRow(row)
    table.setItem(row, 0, QTableWidgetItem(name))
    table.setItem(row, 1, QTableWidgetItem(value))
