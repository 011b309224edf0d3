"""The Token server tab: run ``agora-desk serve`` from the window and watch its requests.

The certificate is fetched with ``context.credentials_async`` and the server is
started and stopped in jobs, so the window never waits on the keyring or on
sockets. The server runs in its own thread (:mod:`agora_desk.server.runner`);
its request records are queued there and drained into the table by a timer,
so a burst of requests costs one table update, not one per request.
"""

from __future__ import annotations

import threading
from collections import deque
from enum import Enum
from typing import Any, Final

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agora_desk.core.credentials import Credentials
from agora_desk.core.hosts import is_loopback_host, is_unspecified_address
from agora_desk.gui.context import APP_CERTIFICATE, AppContext
from agora_desk.gui.jobs import Job, run_job
from agora_desk.gui.reporting import failure_message
from agora_desk.gui.theme import Tone, set_text_tone, tone_colour
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets import Level, MessageLabel, QrDialog
from agora_desk.gui.widgets.server_endpoints import ServerEndpoints
from agora_desk.server import RequestRecord, ServerConfig
from agora_desk.server.runner import DEFAULT_HOST, ServerHandle, start_server

MAX_LOG_ROWS: Final = 1000
DRAIN_INTERVAL_MS: Final = 100
MAX_EXPIRE_S: Final = 10 * 86_400
COLUMNS: Final = (
    QT_TRANSLATE_NOOP("ServerTab", "Time"),
    QT_TRANSLATE_NOOP("ServerTab", "Request"),
    "Token",
    QT_TRANSLATE_NOOP("ServerTab", "Role"),
    QT_TRANSLATE_NOOP("ServerTab", "Channel"),
    "UID",
    QT_TRANSLATE_NOOP("ServerTab", "Status"),
    "ms",
    QT_TRANSLATE_NOOP("ServerTab", "Note"),
)
ERROR_TITLE: Final = QT_TRANSLATE_NOOP("Tabs", "Token server")


class ServerState(str, Enum):
    STOPPED = "stopped"
    STARTING = "starting"
    RUNNING = "running"
    STOPPING = "stopping"


class _Slot:
    """Hands the running server from a job thread to the tab, and back out on close.

    Whoever closes the slot owns stopping the server: a start that finishes
    after the window closed stops its own server instead of leaking it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._handle: ServerHandle | None = None
        self._closed = False

    def put(self, handle: ServerHandle) -> bool:
        with self._lock:
            if not self._closed:
                self._handle = handle
                return True
        handle.stop()
        return False

    def take(self) -> ServerHandle | None:
        with self._lock:
            handle, self._handle = self._handle, None
            return handle

    def peek(self) -> ServerHandle | None:
        with self._lock:
            return self._handle

    def close(self) -> ServerHandle | None:
        with self._lock:
            self._closed = True
            handle, self._handle = self._handle, None
            return handle


class ServerTab(QWidget):
    """Start/stop a local token server for the current profile; show its request log."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._slot = _Slot()
        self._records: deque[RequestRecord] = deque(maxlen=MAX_LOG_ROWS)
        self._state = ServerState.STOPPED
        self._credentials_job: Job | None = None
        self._serving_profile: str | None = None
        self._closed = False  # after shutdown(): late job results are dropped

        self.host_edit = QComboBox()
        self.host_edit.setEditable(True)
        self.host_edit.addItems([DEFAULT_HOST, "0.0.0.0"])  # noqa: S104 - offered, with a warning
        self.host_edit.setItemData(
            0, translate("ServerTab", "this computer only"), Qt.ItemDataRole.ToolTipRole
        )
        self.host_edit.setItemData(
            1,
            translate("ServerTab", "every network: phones and other computers can reach it"),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.host_edit.setToolTip(
            translate(
                "ServerTab",
                "127.0.0.1: this machine only (and the Android emulator via 10.0.2.2).\n"
                "0.0.0.0: every network interface, so a phone on Wi-Fi can reach it.",
            )
        )
        # The bare addresses explained beside the box, for the choice made now.
        self.host_note = QLabel()
        self.host_note.setWordWrap(True)
        self.host_note.setMinimumWidth(220)
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(_clamp(context.settings.get("server_port"), 1, 65535, 8082))
        self.expire_spin = QSpinBox()
        self.expire_spin.setRange(1, MAX_EXPIRE_S)
        self.expire_spin.setSuffix(translate("ServerTab", " s"))
        self.expire_spin.setValue(
            _clamp(context.settings.get("default_expire_s"), 1, MAX_EXPIRE_S, 3600)
        )
        self.expire_spin.setToolTip(
            translate("ServerTab", "Expiry of a token when the request does not give one")
        )
        self.cors_edit = QLineEdit()
        self.cors_edit.setPlaceholderText(
            translate("ServerTab", "optional: the web app's origin, e.g. http://localhost:3000")
        )
        self.profile_label = QLabel()
        self.exposure_label = QLabel(
            translate(
                "ServerTab",
                "Listening beyond this machine: anyone who can reach this port can mint tokens "
                "for the project. Use it only on a network you trust.",
            )
        )
        self.exposure_label.setWordWrap(True)
        set_text_tone(self.exposure_label, Tone.ERROR)
        bold = self.exposure_label.font()
        bold.setBold(True)
        self.exposure_label.setFont(bold)

        self.start_button = QPushButton(translate("ServerTab", "Start"))
        self.start_button.clicked.connect(self.toggle)
        self.state_label = QLabel(translate("ServerTab", "Stopped"))
        self.problem = MessageLabel(self)  # why the last start failed ("port in use")
        self.url_edit = QLineEdit()
        self.url_edit.setReadOnly(True)
        self.url_edit.setPlaceholderText(translate("ServerTab", "not running"))
        self.copy_button = QPushButton(translate("ServerTab", "Copy URL"))
        self.copy_button.clicked.connect(self.copy_url)
        self.qr_button = QPushButton(translate("ServerTab", "Show as QR code"))
        self.qr_button.setToolTip(
            translate("ServerTab", "The URL a phone on the same network opens, as a QR code")
        )
        self.qr_button.clicked.connect(self.show_qr)
        self.endpoints = ServerEndpoints(lambda text, secret: context.copy(text, secret=secret))
        self.endpoints.curl_edit.setPlaceholderText(
            translate(
                "ServerTab", "Start the server: the selected endpoint's curl command appears here"
            )
        )
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.log_table = QTableWidget(0, len(COLUMNS))
        self.log_table.setHorizontalHeaderLabels([translate("ServerTab", c) for c in COLUMNS])
        self.log_table.verticalHeader().setVisible(False)
        self.log_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.log_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.log_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.clear_button = QPushButton(translate("ServerTab", "Clear log"))
        self.clear_button.clicked.connect(lambda: self.log_table.setRowCount(0))

        form = QFormLayout()
        # Port and expiry boxes at their natural width, not stretched across the window.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.host_edit.setMinimumContentsLength(16)
        self.cors_edit.setMinimumWidth(360)
        form.addRow(translate("ServerTab", "Profile"), self.profile_label)
        host_row = QHBoxLayout()
        host_row.addWidget(self.host_edit)
        host_row.addWidget(self.host_note, 1)
        form.addRow(translate("ServerTab", "Host"), host_row)
        form.addRow(translate("ServerTab", "Port"), self.port_spin)
        form.addRow(translate("ServerTab", "Default expiry"), self.expire_spin)
        form.addRow(translate("ServerTab", "CORS origin"), self.cors_edit)
        controls = QHBoxLayout()
        controls.addWidget(self.start_button)
        controls.addWidget(self.state_label, 1)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url_edit, 1)
        url_row.addWidget(self.copy_button)
        url_row.addWidget(self.qr_button)
        log_row = QHBoxLayout()
        log_row.addWidget(QLabel(translate("ServerTab", "Requests (tokens are never shown)")), 1)
        log_row.addWidget(self.clear_button)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addWidget(self.endpoints, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.exposure_label)
        layout.addLayout(controls)
        layout.addWidget(self.problem)
        layout.addLayout(url_row)
        layout.addWidget(self.hint_label)
        layout.addLayout(log_row)
        layout.addWidget(self.log_table, 1)

        self._drain_timer = QTimer(self)
        self._drain_timer.setInterval(DRAIN_INTERVAL_MS)
        self._drain_timer.timeout.connect(self.drain_log)

        self.host_edit.currentTextChanged.connect(self._update_exposure)
        context.profileChanged.connect(self._update_profile)
        self._update_profile()
        self._update_exposure()
        self._set_state(ServerState.STOPPED)

    # -- public ---------------------------------------------------------------------
    @property
    def handle(self) -> ServerHandle | None:
        return self._slot.peek()

    @property
    def state(self) -> ServerState:
        return self._state

    def default_action(self) -> None:
        self.toggle()

    def toggle(self) -> None:
        if self._state is ServerState.STOPPED:
            self.start()
        elif self._state is ServerState.RUNNING:
            self.stop()

    def start(self) -> None:
        if self._state is not ServerState.STOPPED:
            return
        self._set_state(ServerState.STARTING)
        self._credentials_job = self.context.credentials_async(
            {APP_CERTIFICATE}, self._on_credentials, self._on_start_failed
        )

    def stop(self) -> None:
        if self._state is not ServerState.RUNNING:
            return
        handle = self._slot.take()
        if handle is None:
            self._set_state(ServerState.STOPPED)
            return
        self._set_state(ServerState.STOPPING)
        run_job(lambda job: handle.stop(), self._on_stopped, self._on_stop_failed)

    def copy_url(self) -> None:
        if self.url_edit.text():
            self.context.copy(self.url_edit.text(), secret=False)

    def phone_url(self) -> str:
        """The URL another device opens: the LAN address when there is one, else this machine's."""
        handle = self._slot.peek()
        if handle is None or self._state is not ServerState.RUNNING:
            return ""
        return handle.lan_url or handle.url

    def show_qr(self) -> QrDialog | None:
        url = self.phone_url()
        if not url:
            return None
        handle = self._slot.peek()
        if handle is not None and handle.lan_url:
            note: str = translate(
                "ServerTab", "{url}\nScan it with a phone on the same network."
            ).format(url=url)
            if handle.access_key is not None:
                note += translate(
                    "ServerTab", " Requests also need the access key shown in this tab."
                )
        else:
            note = translate(
                "ServerTab",
                "{url}\nThis address works on this computer only: choose Host 0.0.0.0 (all interfaces) and restart to reach the server from a phone.",
            ).format(url=url)
        dialog = QrDialog(translate("ServerTab", "Token server URL as a QR code"), url, note, self)
        dialog.show()
        return dialog

    def shutdown(self) -> None:
        """The window is closing: stop the server now so the port is free."""
        if self._credentials_job is not None:
            self._credentials_job.cancel()
        self._drain_timer.stop()
        self._closed = True
        handle = self._slot.close()
        if handle is not None:
            handle.stop()
        self._state = ServerState.STOPPED
        self.context.serverChanged.emit("")

    # -- steps ----------------------------------------------------------------------
    def _on_credentials(self, creds: Credentials) -> None:
        self._credentials_job = None
        if self._closed:
            return
        if not creds.app_id or creds.app_certificate is None:
            missing = (
                translate("ServerTab", "App ID")
                if not creds.app_id
                else translate("ServerTab", "App Certificate")
            )
            if creds.profile:
                problem = translate("ServerTab", "Profile {name!r} has no {missing}.").format(
                    name=creds.profile, missing=missing
                )
            else:
                problem = translate("ServerTab", "There is no {missing}.").format(missing=missing)
            self._fail(
                translate(
                    "ServerTab",
                    "{problem} Choose a profile with an App ID and App Certificate, "
                    "or enter them for this session.",
                ).format(problem=problem)
            )
            return
        config = ServerConfig(
            app_id=creds.app_id,
            app_certificate=creds.app_certificate,
            default_expire=self.expire_spin.value(),
            cors_origin=self.cors_edit.text().strip() or None,
            profile=creds.profile,
        )
        host = self.host_edit.currentText().strip()
        port = self.port_spin.value()
        slot, records = self._slot, self._records

        def work(job: Job) -> ServerHandle | None:
            handle = start_server(config, host, port, records.append)
            return handle if slot.put(handle) else None

        self._serving_profile = creds.profile
        run_job(work, self._on_started, self._on_start_failed)

    def _on_started(self, handle: ServerHandle | None) -> None:
        if handle is None or self._closed:  # closed while starting; the job stopped it
            return
        self.context.settings.set("server_port", handle.port)
        self.url_edit.setText(handle.url)
        hints = [
            translate("ServerTab", "Android emulator: {url}").format(
                url=f"http://10.0.2.2:{handle.port}"
            )
        ]
        if handle.lan_url and handle.lan_url != handle.url:
            hints.append(translate("ServerTab", "other devices: {url}").format(url=handle.lan_url))
        if handle.access_key is not None:  # on by default when not on loopback
            hints.append(
                translate(
                    "ServerTab", "access key (header X-Agora-Desk-Key or ?key=): {key}"
                ).format(key=handle.access_key.reveal())
            )
        self.hint_label.setText(translate("ServerTab", "; ").join(hints))
        self._drain_timer.start()
        self._set_state(ServerState.RUNNING)
        self.context.status(
            translate("ServerTab", "Token server running at {url}").format(url=handle.url)
        )

    def _on_start_failed(self, exc: BaseException) -> None:
        self._credentials_job = None
        self._fail(failure_message(exc, translate("ServerTab", "starting the server")))

    def _fail(self, message: str) -> None:
        if self._closed:
            return
        self._set_state(ServerState.STOPPED)
        # Beside Start, where the person looks, not only in the status bar.
        self.problem.set_message(Level.ERROR, message)
        self.context.report_error(ERROR_TITLE, message)

    def _on_stopped(self, _result: Any = None) -> None:
        if self._closed:
            return
        self.drain_log()
        self._drain_timer.stop()
        self._set_state(ServerState.STOPPED)
        self.context.status(translate("ServerTab", "Token server stopped"))

    def _on_stop_failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        self._on_stopped()
        self.context.report_error(
            ERROR_TITLE, failure_message(exc, translate("ServerTab", "stopping the server"))
        )

    # -- view ---------------------------------------------------------------------
    def drain_log(self) -> None:
        """Move queued request records into the table (oldest rows dropped past the cap)."""
        batch: list[RequestRecord] = []
        while self._records:
            batch.append(self._records.popleft())
        if not batch:
            return
        table = self.log_table
        for record in batch[-MAX_LOG_ROWS:]:
            row = table.rowCount()
            table.insertRow(row)
            cells = (
                record.time.strftime("%H:%M:%S"),
                f"{record.method} {record.endpoint}",
                record.token_type,
                record.role,
                record.channel,
                record.uid,
                str(record.status),
                f"{record.duration_ms:.1f}",
                record.detail,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == COLUMNS.index("Note") and text:
                    item.setToolTip(text)
                if record.status >= 400:
                    item.setForeground(tone_colour(Tone.ERROR, table.palette()))
                table.setItem(row, column, item)
        overflow = table.rowCount() - MAX_LOG_ROWS
        for _ in range(max(overflow, 0)):
            table.removeRow(0)
        table.scrollToBottom()

    def _set_state(self, state: ServerState) -> None:
        self._state = state
        if state is not ServerState.STOPPED:
            self.problem.clear_message()
        editable = state is ServerState.STOPPED
        for widget in (self.host_edit, self.port_spin, self.expire_spin, self.cors_edit):
            widget.setEnabled(editable)
        running = state in (ServerState.RUNNING, ServerState.STOPPING)
        self.start_button.setText(
            translate("ServerTab", "Stop") if running else translate("ServerTab", "Start")
        )
        self.start_button.setEnabled(state in (ServerState.STOPPED, ServerState.RUNNING))
        labels = {
            ServerState.STOPPED: translate("ServerTab", "Stopped"),
            ServerState.STARTING: translate("ServerTab", "Starting…"),
            ServerState.RUNNING: translate("ServerTab", "Running: serving profile {name!r}").format(
                name=self._serving_profile
            )
            if self._serving_profile
            else translate("ServerTab", "Running"),
            ServerState.STOPPING: translate("ServerTab", "Stopping…"),
        }
        self.state_label.setText(labels[state])
        if state is ServerState.STOPPED:
            self.url_edit.clear()
            self.hint_label.clear()
        self.copy_button.setEnabled(state is ServerState.RUNNING)
        self.qr_button.setEnabled(state is ServerState.RUNNING)
        handle = self._slot.peek()
        url = handle.url if handle is not None and state is ServerState.RUNNING else ""
        key = handle.access_key if handle is not None and url else None
        self.endpoints.set_base(url, key.reveal() if key is not None else None)
        self.context.serverChanged.emit(url)
        self._update_profile()

    def _update_profile(self, *_: object) -> None:
        profile = self.context.profile()
        name = profile.name if profile is not None else None
        text = (
            translate("ServerTab", "{name} (App ID {app_id})").format(
                name=name, app_id=profile.app_id
            )
            if profile is not None
            else translate("ServerTab", "none selected")
        )
        if self._state is ServerState.RUNNING and name != self._serving_profile:
            text = translate(
                "ServerTab",
                "{profile} - the server keeps the profile it started with; restart to switch",
            ).format(profile=text)
        self.profile_label.setText(text)

    def _update_exposure(self, *_: object) -> None:
        host = self.host_edit.currentText().strip()
        loopback = is_loopback_host(host)
        self.exposure_label.setVisible(not loopback)
        if loopback:
            note = translate(
                "ServerTab", "This computer only (an Android emulator reaches it as 10.0.2.2)."
            )
        elif is_unspecified_address(host):
            note = translate(
                "ServerTab", "All interfaces: reachable from your phone on the same Wi-Fi or LAN."
            )
        else:
            note = translate("ServerTab", "Only the network interface with this address.")
        self.host_note.setText(note)


def _clamp(value: Any, low: int, high: int, fallback: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return fallback
    return fallback if not low <= number <= high else number
