"""The Token server tab (pytest-qt, offscreen): start/stop, live log, shutdown frees the port."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import http.client
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from _gui_helpers import Errors, make_context
from _server_helpers import APP_ID, CERT, SUBSCRIBER, call, check_rtc, port_is_free

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtWidgets import QLabel

from agora_desk.core.secret import Secret
from agora_desk.gui.context import AppContext
from agora_desk.gui.server_tab import COLUMNS, ServerTab
from agora_desk.secrets.profiles import Profile

pytestmark = pytest.mark.gui
WAIT_MS = 10_000


class FakeProfiles:
    """The two ProfileStore methods the context calls, over a dict."""

    def __init__(self, certificates: dict[str, str]) -> None:
        self.certificates = certificates
        self.gate: threading.Event | None = None  # set: the keyring "answers"

    def app_certificate(self, name: str) -> Secret | None:
        if self.gate is not None:
            self.gate.wait(10)
        value = self.certificates.get(name)
        return Secret(value) if value else None

    def customer_secret(self, name: str) -> Secret | None:
        return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def profiles() -> FakeProfiles:
    return FakeProfiles({"dev": CERT})


@pytest.fixture
def context(qtbot: object, tmp_path: Path, profiles: FakeProfiles) -> AppContext:
    ctx = make_context(tmp_path, profiles)
    ctx.set_profile(Profile("dev", APP_ID))
    return ctx


@pytest.fixture
def errors(context: AppContext) -> Errors:
    return Errors(context)


@pytest.fixture
def tab(qtbot, context: AppContext) -> Iterator[ServerTab]:  # type: ignore[no-untyped-def]
    widget = ServerTab(context)
    qtbot.addWidget(widget)
    widget.port_spin.setValue(free_port())
    yield widget
    widget.shutdown()


def start(qtbot, tab: ServerTab) -> None:  # type: ignore[no-untyped-def]
    tab.start_button.click()
    qtbot.waitUntil(lambda: tab.state == "running", timeout=WAIT_MS)


def cell(tab: ServerTab, row: int, column: str) -> str:
    item = tab.log_table.item(row, COLUMNS.index(column))
    return item.text() if item is not None else ""


def test_start_log_and_stop(qtbot, tab: ServerTab, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    port = tab.port_spin.value()
    tab.expire_spin.setValue(900)
    assert "dev" in tab.profile_label.text()
    start(qtbot, tab)
    url = f"http://127.0.0.1:{port}"
    assert tab.url_edit.text() == url
    assert tab.start_button.text() == "Stop"
    assert not tab.port_spin.isEnabled()
    assert "10.0.2.2" in tab.hint_label.text()

    body = {"channel": "gui-room", "uid": 4242, "role": "subscriber"}
    token = call(url, "POST", "/fetch_rtc_token", body).json()["token"]
    check_rtc(token, "gui-room", "4242", SUBSCRIBER, 900)  # the tab's default expiry
    qtbot.waitUntil(lambda: tab.log_table.rowCount() == 1, timeout=WAIT_MS)
    assert cell(tab, 0, "Request") == "POST /fetch_rtc_token"
    assert cell(tab, 0, "Channel") == "gui-room"
    assert cell(tab, 0, "UID") == "4242"
    assert cell(tab, 0, "Status") == "200"
    assert call(url, "GET", "/rtc/c/publisher/uid/abc").status == 400
    qtbot.waitUntil(lambda: tab.log_table.rowCount() == 2, timeout=WAIT_MS)
    assert cell(tab, 1, "Status") == "400"
    assert "not a whole number" in cell(tab, 1, "Note")
    every_cell = [
        cell(tab, row, column) for row in range(tab.log_table.rowCount()) for column in COLUMNS
    ]
    assert not any(token[:20] in text or CERT in text for text in every_cell)

    tab.start_button.click()
    qtbot.waitUntil(lambda: tab.state == "stopped", timeout=WAIT_MS)
    assert port_is_free(port)
    assert tab.url_edit.text() == ""
    assert tab.port_spin.isEnabled()
    assert context.settings.get("server_port") == port
    with pytest.raises(OSError):
        call(url, "GET", "/ping")


def test_shutdown_stops_the_server_and_frees_the_port(qtbot, tab: ServerTab) -> None:  # type: ignore[no-untyped-def]
    start(qtbot, tab)
    port = tab.port_spin.value()
    handle = tab.handle
    assert handle is not None and handle.running
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)  # an open keep-alive client
    try:
        assert call(handle.url, "GET", "/ping", conn=conn).status == 200
        tab.shutdown()  # what the window does on close
        assert not handle.running
        assert port_is_free(port)
    finally:
        conn.close()


def test_shutdown_while_the_certificate_is_being_fetched(  # type: ignore[no-untyped-def]
    qtbot, tab: ServerTab, profiles: FakeProfiles, errors: list[tuple[str, str]]
) -> None:
    profiles.gate = threading.Event()
    port = tab.port_spin.value()
    tab.start_button.click()
    assert tab.state == "starting"
    tab.shutdown()
    profiles.gate.set()
    qtbot.wait(300)
    assert tab.handle is None
    assert port_is_free(port)
    assert errors == []


def test_port_in_use_is_reported(qtbot, tab: ServerTab, errors: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen(1)
        tab.port_spin.setValue(blocker.getsockname()[1])
        tab.start_button.click()
        qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_MS)
    title, message = errors[0]
    assert title == "Token server"
    assert "already in use" in message
    assert tab.state == "stopped" and tab.start_button.isEnabled()
    # Beside Start too, not only in the window's status bar.
    assert "already in use" in tab.problem.message and tab.problem.isVisibleTo(tab)


def test_missing_certificate_is_reported(  # type: ignore[no-untyped-def]
    qtbot, tab: ServerTab, profiles: FakeProfiles, errors: list[tuple[str, str]]
) -> None:
    profiles.certificates.clear()
    tab.start_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_MS)
    assert "no App Certificate" in errors[0][1]
    assert tab.state == "stopped"


def test_a_failed_stop_says_so_and_goes_to_the_exception_hook(  # type: ignore[no-untyped-def]
    qtbot, tab: ServerTab, errors: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    start(qtbot, tab)
    handle = tab.handle
    assert handle is not None
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, v, tb: seen.append(v))

    def broken_stop() -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(handle, "stop", broken_stop)
    tab.stop()
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_MS)
    assert errors == [("Token server", "stopping the server failed unexpectedly (RuntimeError)")]
    assert [type(e) for e in seen] == [RuntimeError]
    assert tab.state == "stopped"
    monkeypatch.undo()
    handle.stop()


def test_non_loopback_host_shows_the_warning(tab: ServerTab) -> None:
    assert tab.exposure_label.isHidden()
    tab.host_edit.setCurrentText("0.0.0.0")
    assert not tab.exposure_label.isHidden()
    assert "anyone who can reach this port" in tab.exposure_label.text()
    tab.host_edit.setCurrentText("localhost")
    assert tab.exposure_label.isHidden()


def test_profile_change_while_running_says_restart(  # type: ignore[no-untyped-def]
    qtbot, tab: ServerTab, context: AppContext
) -> None:
    start(qtbot, tab)
    context.set_profile(Profile("other", "0" * 32))
    assert "restart" in tab.profile_label.text()
    assert "'dev'" in tab.state_label.text()


def test_copy_url_is_not_treated_as_a_secret(qtbot, tab: ServerTab, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    start(qtbot, tab)
    tab.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == tab.url_edit.text()
    assert not context.clipboard.pending  # a URL is not cleared like a token


def test_a_running_server_is_visible_from_every_tab(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from _gui_helpers import add_demo_profile, make_store

    from agora_desk.gui.main_window import MainWindow

    store = make_store(tmp_path)
    add_demo_profile(store)
    window = MainWindow(make_context(tmp_path, store))
    qtbot.addWidget(window)
    window.show()
    window.profile_picker.setCurrentIndex(window.profile_picker.findData("demo"))
    tab = window.show_tab("server")
    assert isinstance(tab, ServerTab)
    port = free_port()
    tab.port_spin.setValue(port)
    start(qtbot, tab)
    window.show_tab("rtc")
    indicator = window.server_indicator
    assert indicator.isVisible() and indicator.text() == f"● serving :{port}"
    opened: list[str] = []
    indicator._open_url = lambda url: opened.append(url.toString())
    indicator.click()
    assert opened == [f"http://127.0.0.1:{port}"]
    indicator.stop_action.trigger()
    qtbot.waitUntil(lambda: tab.state == "stopped", timeout=WAIT_MS)
    assert not indicator.isVisible()
    window.close()


# -- endpoints, QR code, host choices (issue 17) -------------------------------------------


def test_endpoints_list_every_route_with_a_curl_once_running(
    qtbot, tab: ServerTab, context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    import shlex

    from PySide6.QtGui import QGuiApplication

    from agora_desk.server.handlers import ROUTES

    endpoints = tab.endpoints
    table = endpoints.table
    assert [
        (table.item(row, 0).text(), table.item(row, 1).text()) for row in range(table.rowCount())
    ] == [(method, path) for method, path, _ in ROUTES]
    assert all(table.item(row, 2).text() for row in range(table.rowCount()))
    assert endpoints.curl_edit.text() == "" and not endpoints.copy_button.isEnabled()
    start(qtbot, tab)
    url = tab.url_edit.text()
    row = next(i for i, (_, path, _h) in enumerate(ROUTES) if path == "/fetch_rtc_token")
    table.selectRow(row)
    argv = shlex.split(endpoints.curl_edit.text())
    assert argv[0] == "curl" and argv[-1] == f"{url}/fetch_rtc_token"
    endpoints.copy_button.click()
    assert QGuiApplication.clipboard().text() == endpoints.curl_edit.text()
    assert not context.clipboard.pending  # no access key on loopback: not a secret
    tab.stop()
    qtbot.waitUntil(lambda: tab.state == "stopped", timeout=WAIT_MS)
    assert endpoints.curl_edit.text() == ""


def test_log_shows_token_type_and_role(qtbot, tab: ServerTab) -> None:  # type: ignore[no-untyped-def]
    start(qtbot, tab)
    url = tab.url_edit.text()
    assert call(url, "GET", "/rte/room/subscriber/uid/7").status == 200
    qtbot.waitUntil(lambda: tab.log_table.rowCount() == 1, timeout=WAIT_MS)
    assert (cell(tab, 0, "Token"), cell(tab, 0, "Role")) == ("rtc+rtm", "subscriber")


def test_host_choices_are_explained(tab: ServerTab) -> None:
    assert tab.host_edit.currentText() == "127.0.0.1"
    assert tab.host_note.text().startswith("This computer only")
    tab.host_edit.setCurrentText("0.0.0.0")
    assert "reachable from your phone" in tab.host_note.text()
    tab.host_edit.setCurrentText("192.168.1.20")
    assert "interface with this address" in tab.host_note.text()


def test_qr_code_of_the_url_says_when_a_phone_cannot_reach_it(qtbot, tab: ServerTab) -> None:  # type: ignore[no-untyped-def]
    from agora_desk.gui.widgets.qr_code import QrCode

    assert tab.show_qr() is None and not tab.qr_button.isEnabled()
    start(qtbot, tab)
    dialog = tab.show_qr()
    assert dialog is not None
    qtbot.addWidget(dialog)
    url = tab.url_edit.text()
    assert dialog.code.matrix == QrCode(url).matrix
    assert "this computer only" in dialog.findChild(QLabel).text()
    dialog.close()


def test_all_interfaces_qr_has_the_lan_url_and_samples_carry_the_key(
    qtbot, tab: ServerTab, context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    import shlex

    from agora_desk.gui.widgets.qr_code import QrCode

    tab.host_edit.setCurrentText("0.0.0.0")
    start(qtbot, tab)
    handle = tab.handle
    assert handle is not None and handle.access_key is not None
    dialog = tab.show_qr()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.code.matrix == QrCode(handle.lan_url or handle.url).matrix
    dialog.close()
    argv = shlex.split(tab.endpoints.curl_edit.text())
    assert f"X-Agora-Desk-Key: {handle.access_key.reveal()}" in argv
    tab.endpoints.copy()
    assert context.clipboard.pending  # the command holds the access key: cleared later
