"""``agora-desk serve``: as a real process (start, /ping, SIGTERM), its warnings and errors."""

from __future__ import annotations

import io
import os
import queue
import re
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
from _cli_process import CliProcess
from _server_helpers import (
    APP_ID,
    CERT,
    PUBLISHER,
    call,
    check_rtc,
    check_rtm,
    port_is_free,
    wait_until,
)

from agora_desk.cli.serve import LogLines, nobody_reads
from agora_desk.core.secret import Secret
from agora_desk.secrets.testing import MemoryKeyring
from agora_desk.server.requestlog import LogEntry

STARTUP_S = 30.0

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signals")


def creds_env(cli: CliProcess) -> dict[str, str]:
    return cli.env(AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)


class Serve:
    """``agora-desk serve ...`` in a child process; stdout lines arrive on a queue."""

    def __init__(self, cli: CliProcess, args: list[str], env: dict[str, str]) -> None:
        self.proc = cli.start("serve", *args, env=env)
        self.lines: queue.Queue[str] = queue.Queue()
        assert self.proc.stdout is not None
        threading.Thread(target=self._pump, args=(self.proc.stdout,), daemon=True).start()

    def _pump(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self.lines.put(line.rstrip("\n"))

    def url(self) -> str:
        try:
            return self.lines.get(timeout=STARTUP_S)
        except queue.Empty:
            self.proc.kill()
            _, err = self.proc.communicate()
            raise AssertionError(f"serve printed no URL; stderr: {err}") from None

    def finish(self, sig: int = signal.SIGTERM) -> tuple[int, str]:
        self.proc.send_signal(sig)
        try:
            _, err = self.proc.communicate(timeout=STARTUP_S)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise
        return self.proc.returncode, err


def test_serve_answers_and_stops_cleanly_on_sigterm(cli: CliProcess) -> None:
    child = Serve(cli, ["--port", "0"], creds_env(cli))
    url = child.url()
    assert url.startswith("http://127.0.0.1:")
    port = int(url.rsplit(":", 1)[1])
    assert call(url, "GET", "/ping").json() == {"message": "pong"}
    token = call(url, "POST", "/fetch_rtm_token", {"uid": "cli-user"}).json()["token"]
    check_rtm(token, "cli-user", 3600)
    code, err = child.finish(signal.SIGTERM)
    assert code == 0, err
    assert "Traceback" not in err
    assert "GET /ping 200" in err
    assert "POST /fetch_rtm_token uid=cli-user 200" in err
    assert "token server stopped" in err
    assert token not in err and CERT not in err
    assert "WARNING" not in err  # loopback: no exposure warning
    assert port_is_free(port)


def test_ctrl_c_stops_cleanly_too(cli: CliProcess) -> None:
    child = Serve(cli, ["--port", "0", "--expire", "77"], creds_env(cli))
    url = child.url()
    body = call(url, "POST", "/fetch_rtc_token", {"channel": "c", "uid": 5}).json()
    check_rtc(body["token"], "c", "5", PUBLISHER, 77)  # --expire is the default expiry
    code, err = child.finish(signal.SIGINT)
    assert code == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


# What asyncio and aiohttp print when a shutdown leaves work behind.
SHUTDOWN_NOISE = ("destroyed", "pending", "Traceback", "Exception ignored", "Unclosed", "awaited")


def _hammer(port: int, stop: threading.Event) -> None:
    """Keep-alive token requests until ``stop`` or the server goes away."""
    request = b"GET /rtc/c/publisher/uid/1/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            while not stop.is_set():
                sock.sendall(request)
                if not sock.recv(65536):
                    return
    except OSError:
        return


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_stop_with_connections_in_every_state_prints_no_task_noise(
    cli: CliProcess, sig: int
) -> None:
    child = Serve(cli, ["--port", "0"], creds_env(cli))
    url = child.url()
    port = int(url.rsplit(":", 1)[1])
    heads = (
        b"",  # connected, silent
        b"GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",  # answered, kept alive
        b"GET /ping HTTP/1.1\r\nHost: 127",  # half a request head
        b"POST /getToken HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 90\r\n\r\n{",  # body due
    )
    socks = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in heads]
    stop = threading.Event()
    load = [threading.Thread(target=_hammer, args=(port, stop)) for _ in range(4)]
    try:
        for sock, head in zip(socks, heads, strict=True):
            sock.sendall(head)
        assert socks[1].recv(4096).startswith(b"HTTP/1.1 200")
        for thread in load:
            thread.start()
        assert call(url, "GET", "/ping").status == 200  # the load is being served
        code, err = child.finish(sig)
    finally:
        stop.set()
        for thread in load:
            thread.join(10)
        for sock in socks:
            sock.close()
    assert code == 0, err
    noise = [line for line in err.splitlines() if any(w in line for w in SHUTDOWN_NOISE)]
    assert noise == []
    assert err.rstrip().endswith("agora-desk: token server stopped")


def test_quiet_serves_without_request_log_lines(cli: CliProcess) -> None:
    child = Serve(cli, ["--port", "0", "--quiet"], creds_env(cli))
    url = child.url()
    check_rtm(call(url, "GET", "/rtm/u/").json()["rtmToken"], "u", 3600)
    assert call(url, "GET", "/nothing").status == 404
    code, err = child.finish()
    assert code == 0, err
    assert "serving tokens" in err and "token server stopped" in err
    # \b: the port in "serving tokens on http://127.0.0.1:40412" is not a 404 line.
    assert "/rtm" not in err and not re.search(r"\b404\b", err) and "/nothing" not in err


def test_log_lines_made_on_the_server_thread_are_written_in_order_by_flush() -> None:
    stream = io.StringIO()
    log = LogLines(stream)
    when = time.time()

    def server_thread() -> None:
        for n in range(2000):
            log.add(LogEntry(when, "GET", "/rtm", "", str(n), 200, 0.0001))

    thread = threading.Thread(target=server_thread)
    thread.start()
    while thread.is_alive():
        log.flush()
    thread.join()
    log.flush()
    uids = [line.split()[3] for line in stream.getvalue().splitlines()]
    assert uids == [f"uid={n}" for n in range(2000)]
    log.flush()
    assert len(stream.getvalue().splitlines()) == 2000  # nothing twice, nothing left


def test_the_null_device_is_where_nobody_reads_the_log(tmp_path: Path) -> None:
    with open(os.devnull, "w") as null:
        assert nobody_reads(null)
    with open(tmp_path / "log.txt", "w") as file:
        assert not nobody_reads(file)
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "w") as pipe:
        assert not nobody_reads(pipe)
    os.close(read_end)
    assert not nobody_reads(io.StringIO())  # no file descriptor: someone holds the text


def test_non_loopback_host_warns_loudly_and_needs_the_printed_key(cli: CliProcess) -> None:
    child = Serve(cli, ["--host", "0.0.0.0", "--port", "0"], creds_env(cli))
    url = child.url()
    assert url.startswith("http://127.0.0.1:")  # the local URL; requests stay on loopback
    key = child.lines.get(timeout=STARTUP_S)  # the second stdout line, printed once
    assert len(key) >= 32 and key.replace("-", "").replace("_", "").isalnum()
    assert call(url, "GET", "/ping").status == 200
    assert call(url, "GET", "/rtm/u").status == 401
    reply = call(url, "GET", "/rtm/u", headers={"X-Agora-Desk-Key": key})
    check_rtm(reply.json()["rtmToken"], "u", 3600)
    assert call(url, "GET", f"/rtm/u/?key={key}").status == 200
    code, err = child.finish()
    assert code == 0
    assert "WARNING" in err and "access key" in err
    assert APP_ID in err and CERT not in err
    assert key not in err  # printed once, on stdout; never in the request log


def test_no_require_key_and_allow_host(cli: CliProcess) -> None:
    args = ["--host", "0.0.0.0", "--port", "0", "--no-require-key", "--allow-host", "MyBox.Lan"]
    child = Serve(cli, args, creds_env(cli))
    url = child.url()
    assert call(url, "GET", "/rtm/u", headers={"Host": "mybox.lan:8082"}).status == 200
    assert call(url, "GET", "/rtm/u", headers={"Host": "other.lan"}).status == 403
    code, err = child.finish()
    assert code == 0
    assert "ANYONE who can reach this port can mint tokens" in err
    assert child.lines.empty()  # no key line


def test_cors_origin_option(cli: CliProcess) -> None:
    origin = "http://localhost:5173"
    child = Serve(cli, ["--port", "0", "--cors-origin", origin], creds_env(cli))
    reply = call(child.url(), "GET", "/rtm/u", headers={"Origin": origin})
    assert reply.headers["access-control-allow-origin"] == origin
    assert child.finish()[0] == 0


def test_port_in_use_exits_2_with_one_line(cli: CliProcess) -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen(1)
        port = blocker.getsockname()[1]
        result = cli.run("serve", "--port", str(port), env=creds_env(cli), timeout=STARTUP_S)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("agora-desk: error: ")
    assert f"port {port}" in lines[0] and "already in use" in lines[0]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--expire", "-5"], "--expire: -5 is negative"),
        (["--expire", "soon"], "--expire"),
        (["--port", "70000"], "--port"),
        (["--port", "http"], "--port"),
        (["--cors-origin", " "], "--cors-origin"),
        (["--host", "no such host"], "cannot listen on 'no such host'"),
        (["--allow-host", "http://x"], "--allow-host"),
        (["--require-key", "--no-require-key"], "not allowed with argument"),
    ],
)
def test_bad_options_exit_2_with_one_line(cli: CliProcess, args: list[str], words: str) -> None:
    # argparse keeps the last --port: add "--port 0" only where the case has none.
    full = args if "--port" in args else [*args, "--port", "0"]
    result = cli.run("serve", *full, env=creds_env(cli), timeout=STARTUP_S)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0]


def test_missing_credentials_exit_2_naming_them(cli: CliProcess) -> None:
    result = cli.run("serve", "--port", "0", timeout=STARTUP_S)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "App ID" in lines[0] and "AGORA_APP_ID" in lines[0]


def test_bad_certificate_in_env_exit_2(cli: CliProcess) -> None:
    env = cli.env(AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE="nothex")
    result = cli.run("serve", "--port", "0", env=env, timeout=STARTUP_S)
    assert result.returncode == 2
    assert "App Certificate" in result.stderr and "nothex" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_profile_certificate_comes_from_the_keyring(
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In-process: ``--profile`` reads the App ID from the profile, the certificate from the keyring."""
    from agora_desk.cli import serve as serve_module
    from agora_desk.cli.main import main
    from agora_desk.secrets.profiles import Profile, ProfileStore

    ProfileStore().add(Profile("dev", APP_ID), app_certificate=Secret(CERT))
    handles = []
    real_start = serve_module.start_server

    def start(*args: object, **kwargs: object) -> object:
        handle = real_start(*args, **kwargs)  # type: ignore[arg-type]
        handles.append(handle)
        return handle

    monkeypatch.setattr(serve_module, "start_server", start)
    original = signal.getsignal(signal.SIGTERM)
    seen: dict[str, object] = {}

    def client() -> None:
        # Only once serve's own SIGTERM handler is in place may we signal ourselves.
        if not wait_until(lambda: handles and signal.getsignal(signal.SIGTERM) is not original):
            seen["error"] = "serve did not start"
            os.kill(os.getpid(), signal.SIGINT)
            return
        try:
            handle = handles[0]
            reply = call(handle.url, "GET", "/rtc/ch/publisher/uid/3/")
            seen["token"] = reply.json()["rtcToken"]
        finally:
            os.kill(os.getpid(), signal.SIGTERM)

    thread = threading.Thread(target=client)
    thread.start()
    code = main(["serve", "--profile", "dev", "--port", "0"])
    thread.join(10)
    assert code == 0
    assert "error" not in seen
    check_rtc(str(seen["token"]), "ch", "3", PUBLISHER, 3600)
    assert signal.getsignal(signal.SIGTERM) is original  # handlers restored
    assert not handles[0].running
    assert "get" in {op for op, *_ in memory_keyring.calls}


def test_serve_signs_with_the_secondary_certificate(cli: CliProcess) -> None:
    from credentials import OTHER_CERT

    from agora_desk.core.formats import v007

    env = dict(creds_env(cli), AGORA_APP_CERTIFICATE_SECONDARY=OTHER_CERT)
    child = Serve(cli, ["--port", "0", "--certificate", "secondary"], env)
    url = child.url()
    token = call(url, "GET", "/chat/app/").json()["chatToken"]
    parsed = v007.parse(token)
    assert v007.verify(parsed, OTHER_CERT) and not v007.verify(parsed, CERT)
    code, _ = child.finish()
    assert code == 0
