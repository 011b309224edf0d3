"""Helpers for the token-server tests: a running server, HTTP calls, token checks.

Imported by name from tests/server/, tests/cli/ and the window's server-tab
tests. Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from credentials import APP_ID, CERT, OTHER_CERT

from agora_desk.core.formats import v007
from agora_desk.core.formats.v007 import ChatService, RtcService, RtmService
from agora_desk.core.secret import Secret
from agora_desk.server import RequestRecord, ServerConfig
from agora_desk.server.runner import ServerHandle, start_server

PUBLISHER = {1, 2, 3, 4}
SUBSCRIBER = {1}


@dataclass
class Reply:
    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode()


@dataclass
class RecordSink:
    records: list[RequestRecord] = field(default_factory=list)

    def __call__(self, record: RequestRecord) -> None:
        self.records.append(record)


def config(**overrides: Any) -> ServerConfig:
    values: dict[str, Any] = {"app_id": APP_ID, "app_certificate": Secret(CERT)}
    values.update(overrides)
    return ServerConfig(**values)


@contextlib.contextmanager
def serving(
    sink: RecordSink | None = None, host: str = "127.0.0.1", **overrides: Any
) -> Iterator[ServerHandle]:
    handle = start_server(config(**overrides), host, 0, sink)
    try:
        yield handle
    finally:
        handle.stop()


def loopback_url(handle: ServerHandle) -> str:
    """Always 127.0.0.1, even for a server bound to 0.0.0.0."""
    return f"http://127.0.0.1:{handle.port}"


def call(
    url: str,
    method: str,
    path: str,
    body: Any = None,
    headers: Mapping[str, str] | None = None,
    *,
    raw: bytes | None = None,
    conn: http.client.HTTPConnection | None = None,
) -> Reply:
    parts = urlsplit(url)
    assert parts.hostname == "127.0.0.1", "tests talk to loopback only"
    own = conn is None
    connection = conn or http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    all_headers = {"Content-Type": "application/json"} if data is not None else {}
    all_headers.update(headers or {})
    try:
        connection.request(method, path, body=data, headers=all_headers)
        response = connection.getresponse()
        payload = response.read()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, payload)
    finally:
        if own:
            connection.close()


def parsed(token: str, cert: str = CERT) -> v007.AccessToken2:
    """Parse and verify a 007 token: signed with ``cert``, not with another certificate."""
    assert token.startswith("007"), token[:10]
    tok = v007.parse(token)
    assert v007.verify(tok, cert), "signature does not verify with the test certificate"
    assert not v007.verify(tok, OTHER_CERT)
    assert tok.app_id == APP_ID
    assert abs(tok.issued_at - time.time()) < 120
    return tok


def check_rtc(token: str, channel: str, uid: str, privileges: set[int], expire: int) -> None:
    tok = parsed(token)
    assert tok.expire == expire
    (service,) = tok.services
    assert isinstance(service, RtcService)
    assert service.channel_name == channel
    assert service.uid == uid  # "" for uid 0
    assert service.privileges == dict.fromkeys(privileges, expire)


def check_rtm(token: str, user_id: str, expire: int) -> None:
    tok = parsed(token)
    assert tok.expire == expire
    (service,) = tok.services
    assert isinstance(service, RtmService)
    assert service.user_id == user_id
    assert service.privileges == {RtmService.LOGIN: expire}


def check_chat(token: str, user_id: str, expire: int) -> None:
    tok = parsed(token)
    assert tok.expire == expire
    (service,) = tok.services
    assert isinstance(service, ChatService)
    assert service.user_id == user_id
    privilege = ChatService.USER if user_id else ChatService.APP
    assert service.privileges == {privilege: expire}


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def wait_until(predicate: Any, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return bool(predicate())
