"""Starting and stopping the token server: ports, hosts, errors, clean shutdown."""

from __future__ import annotations

import http.client
import socket

import pytest
from _server_helpers import (
    APP_ID,
    CERT,
    RecordSink,
    call,
    check_rtm,
    config,
    loopback_url,
    port_is_free,
    serving,
    wait_until,
)

from agora_desk.core.errors import InputError
from agora_desk.core.secret import Secret
from agora_desk.server import redact
from agora_desk.server.middleware import STOPPED_BEFORE_ANSWER
from agora_desk.server.runner import PortInUse, ServerStartError, start_server


def test_stop_frees_the_port_and_is_idempotent() -> None:
    handle = start_server(config(), "127.0.0.1", 0)
    port = handle.port
    assert handle.running and handle.loopback
    assert handle.url == f"http://127.0.0.1:{port}"
    assert handle.lan_url is None
    assert not port_is_free(port)
    handle.stop()
    handle.stop()
    assert not handle.running
    assert port_is_free(port)
    # ... and the same port can be served again straight away.
    again = start_server(config(), "127.0.0.1", port)
    try:
        assert call(again.url, "GET", "/ping").status == 200
    finally:
        again.stop()


def test_stop_with_an_open_keep_alive_connection() -> None:
    handle = start_server(config(), "127.0.0.1", 0)
    conn = http.client.HTTPConnection("127.0.0.1", handle.port, timeout=5)
    try:
        assert call(handle.url, "GET", "/ping", conn=conn).status == 200
        handle.stop(timeout=5)
        assert handle.wait(0)
        assert port_is_free(handle.port)
    finally:
        conn.close()


def test_stop_while_a_body_is_awaited_logs_it_as_not_answered() -> None:
    sink = RecordSink()
    handle = start_server(config(), "127.0.0.1", 0, sink)
    with socket.create_connection(("127.0.0.1", handle.port), timeout=5) as sock:
        sock.sendall(
            b"POST /getToken HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b'Content-Type: application/json\r\nContent-Length: 40\r\n\r\n{"tokenType"'
        )
        # The handler is waiting for the rest of the body once its connection is busy.
        assert wait_until(lambda: any(h.busy for h in handle._guard.open))
        handle.stop(timeout=10)
        assert handle.wait(0)
    (record,) = sink.records
    assert (record.endpoint, record.status) == ("/getToken", 503)
    assert record.detail == STOPPED_BEFORE_ANSWER


def test_port_in_use_is_a_clear_error() -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen(1)
        port = blocker.getsockname()[1]
        with pytest.raises(PortInUse) as info:
            start_server(config(), "127.0.0.1", port)
    message = str(info.value)
    assert f"port {port}" in message and "already in use" in message
    assert "\n" not in message


def test_second_server_on_the_same_port_is_refused() -> None:
    with serving() as first, pytest.raises(PortInUse):
        start_server(config(), "127.0.0.1", first.port)


def test_all_interfaces_bind_is_flagged_and_needs_the_generated_key() -> None:
    with serving(host="0.0.0.0") as handle:
        assert not handle.loopback
        assert handle.url == f"http://127.0.0.1:{handle.port}"
        key = handle.access_key
        assert key is not None and len(key) >= 32
        assert call(loopback_url(handle), "GET", "/rtm/u").status == 401
        reply = call(
            loopback_url(handle), "GET", "/rtm/u", headers={"X-Agora-Desk-Key": key.reveal()}
        )
        assert reply.status == 200
        check_rtm(reply.json()["rtmToken"], "u", 3600)
        # The Host check stays on: a name the user did not list is refused even with the key.
        named = call(
            loopback_url(handle),
            "GET",
            f"/rtm/u?key={key.reveal()}",
            headers={"Host": "mybox.lan:1"},
        )
        assert named.status == 403
        assert "mybox.lan" in named.json()["error"] and "--allow-host" in named.json()["error"]


def test_each_server_generates_its_own_key_and_loopback_needs_none() -> None:
    with serving(host="0.0.0.0") as one, serving(host="0.0.0.0") as two, serving() as local:
        assert one.access_key is not None and two.access_key is not None
        assert one.access_key.reveal() != two.access_key.reveal()
        assert local.access_key is None
        assert "access_key" not in repr(one) and one.access_key.reveal() not in repr(one.config)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"app_id": "not-hex"}, "App ID"),
        ({"app_certificate": Secret("short")}, "App Certificate"),
        ({"default_expire": -1}, "default expiry"),
        ({"cors_origin": "  "}, "CORS origin"),
    ],
)
def test_bad_settings_fail_before_binding(overrides: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as info:
        start_server(config(**overrides), "127.0.0.1", 0)
    assert info.value.field == field
    assert CERT not in str(info.value)


@pytest.mark.parametrize("port", [-1, 65536])
def test_port_out_of_range(port: int) -> None:
    with pytest.raises(InputError, match="port"):
        start_server(config(), "127.0.0.1", port)


def test_unknown_host_is_a_start_error() -> None:
    with pytest.raises(ServerStartError, match="cannot listen on 'no such host'"):
        start_server(config(), "no such host", 0)


def test_foreign_address_is_a_start_error() -> None:
    with pytest.raises(ServerStartError, match="not an address of this machine"):
        start_server(config(), "192.0.2.123", 0)  # TEST-NET-1: never local


def test_repr_and_config_hide_the_certificate() -> None:
    with serving() as handle:
        assert CERT not in repr(handle)
        assert CERT not in repr(handle.config)
        assert APP_ID in repr(handle.config)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("007eJxTYPh08YrVvP0OJwVnBl+TiV/G6lMmH5F5vOW", "007eJx…"),
        ("before 006abcdefghijklmnopqrstuvwxyz after", "before 006abc… after"),
        (CERT, CERT[:6] + "…"),
        ("alice", "alice"),
        ("line\nbreak", "line?break"),
        ("x" * 100, "x" * 47 + "…"),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert redact(text) == expected
