"""The token server under hostile clients: broken HTTP, absurd values, slow and idle sockets."""

from __future__ import annotations

import errno
import json
import logging
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
from _cli_process import CliProcess
from _raw_http import raw_exchange
from _server_helpers import RecordSink, call, check_rtc, serving
from credentials import APP_ID, CERT

from agora_desk.server.config import HEADER_TIMEOUT_S
from agora_desk.server.connections import RateLimitedLog, loop_exception_handler
from agora_desk.server.runner import ServerHandle

BIG = "9" * 5000


@pytest.fixture(scope="module")
def sink() -> RecordSink:
    return RecordSink()


@pytest.fixture(scope="module")
def server(sink: RecordSink) -> Iterator[ServerHandle]:
    with serving(sink, header_timeout=0.6, body_timeout=0.6) as handle:
        yield handle


def assert_json_error(status: int, body: bytes, expected_status: int, words: str = "") -> str:
    assert status == expected_status, (status, body[:300])
    message = json.loads(body)["error"]
    assert isinstance(message, str) and message
    assert words.lower() in message.lower(), message
    return message


# -- aiohttp's own parser errors: JSON, 4xx, no traceback -----------------------------------

MALFORMED = {
    "header line too long": (b"GET /ping HTTP/1.1\r\nHost: a\r\nX-A: " + b"a" * 9000 + b"\r\n\r\n", 431),
    "too many headers": (
        b"GET /ping HTTP/1.1\r\nHost: a\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(200)) + b"\r\n",
        431,
    ),
    "unknown method": (b"BREW /ping HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    "tls on plain http": (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 40, 400),
    "duplicate host": (b"GET /ping HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
    "content-length with transfer-encoding": (
        b"POST /fetch_rtm_token HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        400,
    ),
    "nul in a header": (b"GET /ping HTTP/1.1\r\nHost: a\r\nX-A: a\x00b\r\n\r\n", 400),
    "garbage request line": (b"\x00\x01\x02 nonsense\r\n\r\n", 400),
    "bad chunk size": (
        b"POST /fetch_rtm_token HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        400,
    ),
    "bad content-length": (b"POST /getToken HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_http_gets_a_json_4xx_without_traceback(
    server: ServerHandle, case: str, caplog: pytest.LogCaptureFixture
) -> None:
    data, status = MALFORMED[case]
    with caplog.at_level(logging.DEBUG):
        reply = raw_exchange(server.port, data)
    assert "application/json" in reply.head.lower(), reply.head
    message = assert_json_error(reply.status, reply.body, status)
    assert "a" * 50 not in message and "nonsense" not in message  # no echo of client bytes
    assert "Traceback" not in caplog.text
    assert all(r.exc_info is None for r in caplog.records), [r.getMessage() for r in caplog.records]


def test_the_server_still_answers_after_all_that(server: ServerHandle, sink: RecordSink) -> None:
    assert call(server.url, "GET", "/ping").status == 200
    malformed = [r for r in sink.records if r.endpoint == "(malformed request)"]
    assert malformed and all(400 <= r.status < 500 for r in malformed)


# -- absurd values: 4xx naming the field ------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("GET", f"/rtc/c/publisher/uid/{BIG}/", None, "uid"),
        ("GET", f"/rtc/c/publisher/uid/1/?expiry={BIG}", None, "expiry"),
        ("GET", f"/rtm/u/?expiry={BIG}", None, "expiry"),
        ("POST", "/fetch_rtc_token", f'{{"channel": "c", "uid": {BIG}}}', "uid"),
        ("POST", "/fetch_rtc_token", f'{{"channel": "c", "uid": 1, "expire": {BIG}}}', "expire"),
        ("POST", "/fetch_rtc_token", f'{{"channel": "c", "uid": "{BIG}"}}', "uid"),
        ("POST", "/fetch_rtm_token", f'{{"uid": "u", "expire": -{BIG}}}', "expire"),
        ("POST", "/getToken", f'{{"tokenType": "rtc", "channel": "c", "uid": 1, "role": {BIG}}}', "role"),
        ("POST", "/fetch_rtc_token", '{"channel": "c", "uid": ' + "[" * 5000 + "]" * 5000 + "}", "uid"),
        ("POST", "/fetch_rtm_token", "[" * 5000 + "]" * 5000, "nested"),
        ("POST", "/fetch_rtm_token", '{"uid": "u", "x": ' + '{"a":' * 2000 + "1" + "}" * 2000 + "}", "x"),
    ],
)  # fmt: skip
def test_absurd_numbers_and_nesting_are_a_4xx_naming_the_field(
    server: ServerHandle,
    caplog: pytest.LogCaptureFixture,
    method: str,
    path: str,
    body: str | None,
    field: str,
) -> None:
    with caplog.at_level(logging.DEBUG):
        reply = call(server.url, method, path, raw=None if body is None else body.encode())
    message = assert_json_error(reply.status, reply.body, 400, field)
    assert len(message) < 300 and "99999999999" not in message
    assert "Traceback" not in caplog.text and "internal error" not in message


# -- slow and idle clients ----------------------------------------------------------------------


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    sock.settimeout(seconds)
    try:
        while sock.recv(4096):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        pass
    return True


def test_a_silent_or_trickling_request_head_is_cut_off(server: ServerHandle) -> None:
    silent = socket.create_connection(("127.0.0.1", server.port))
    trickle = socket.create_connection(("127.0.0.1", server.port))
    started = time.monotonic()
    with silent, trickle:
        trickle.sendall(b"GET /ping HTTP/1.1\r\n")
        cut_off = False
        while time.monotonic() - started < 4.0:  # a byte every 0.1 s keeps naive servers waiting
            try:
                trickle.sendall(b"X")
            except (BrokenPipeError, ConnectionResetError):
                cut_off = True
                break
            time.sleep(0.1)
        assert cut_off or _closed_within(trickle, 0.5)
        assert _closed_within(silent, 1.0)
    assert time.monotonic() - started < 3.0  # header timeout 0.6 s, with slack for a busy CI


def test_a_body_that_never_arrives_gets_408_json(server: ServerHandle) -> None:
    head = (
        b"POST /fetch_rtm_token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
    )
    reply = raw_exchange(server.port, head + b"Content-Length: 100\r\n\r\n{", timeout=5)
    assert_json_error(reply.status, reply.body, 408, "did not arrive")


@pytest.fixture
def files_for_1000_connections() -> Iterator[None]:
    """This process may open the 1,000 client sockets (an ordinary user's soft limit is 1,024)."""
    resource = pytest.importorskip("resource", reason="POSIX only")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 1000 + 200 + 256  # the clients, the server's cap, pytest's own files
    if soft != resource.RLIM_INFINITY and soft < wanted:
        if hard != resource.RLIM_INFINITY and hard < wanted:
            pytest.skip(f"the open-file limit is {hard}; this test needs {wanted}")
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


# A request the idle connections starved would wait for them to time out (the
# header timeout, 10 s); a loaded 2-core machine can take over a second for a
# served one. The bound sits between the two.
STARVED_S = HEADER_TIMEOUT_S / 3


@pytest.mark.usefixtures("files_for_1000_connections")
def test_a_request_is_not_starved_while_1000_idle_connections_are_open() -> None:
    # A low cap, as on a machine whose open-file limit is 1,024: the idle ones must give way.
    with serving(max_connections=200) as handle:
        idle = []
        try:
            for _ in range(1000):
                idle.append(socket.create_connection(("127.0.0.1", handle.port), timeout=5))
            for _ in range(5):
                started = time.monotonic()
                reply = call(handle.url, "GET", "/rtc/c/publisher/uid/1/")
                assert time.monotonic() - started < STARVED_S
                check_rtc(reply.json()["rtcToken"], "c", "1", {1, 2, 3, 4}, 3600)
        finally:
            for sock in idle:
                sock.close()
        assert call(handle.url, "GET", "/ping").status == 200


def _low_file_limit() -> None:  # in the child, before exec
    import resource

    resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))


@pytest.mark.skipif(not hasattr(socket, "SO_REUSEPORT"), reason="POSIX only")
def test_serve_process_with_256_files_survives_800_idle_connections(cli: CliProcess) -> None:
    """The issue's flood: more idle sockets than the process may open. No EMFILE storm, /ping fast."""
    env = cli.env(AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)
    child = subprocess.Popen(
        cli.command("serve", "--port", "0"), env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_low_file_limit, text=True,
    )  # fmt: skip
    cli.children.append(child)
    assert child.stdout is not None
    url = child.stdout.readline().strip()
    port = int(url.rsplit(":", 1)[1])
    idle = []
    try:
        for _ in range(800):
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        for _ in range(5):
            started = time.monotonic()
            assert call(url, "GET", "/ping").status == 200
            assert time.monotonic() - started < STARVED_S
    finally:
        for sock in idle:
            sock.close()
    child.terminate()
    _, err = child.communicate(timeout=30)
    assert child.returncode == 0, err[-2000:]
    assert "Traceback" not in err
    assert len(err) < 20_000, err[:2000]  # a few lines, not a flood


def test_accept_errors_are_one_line_per_interval(caplog: pytest.LogCaptureFixture) -> None:
    limited = RateLimitedLog(logging.getLogger("agora_desk.test"), interval=60)
    handle = loop_exception_handler(limited)
    emfile = OSError(errno.EMFILE, "Too many open files")
    with caplog.at_level(logging.WARNING):
        for _ in range(10_000):
            handle(None, {"message": "socket.accept() out of system resource", "exception": emfile})
    assert len(caplog.records) == 1
    assert "Too many open files" in caplog.text and caplog.records[0].exc_info is None
