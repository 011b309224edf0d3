"""``agora-desk serve``: as a real process (start, /ping, SIGTERM), its warnings and errors."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
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
from secrets_fixtures import memory_keyring  # noqa: F401 - a fixture

from agora_desk.core.secret import Secret
from agora_desk.secrets.testing import MemoryKeyring

ROOT = Path(__file__).resolve().parent.parent
STARTUP_S = 30.0

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signals")


def child_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGORA_")}
    env.update(
        PYTHONPATH=str(ROOT),
        AGORA_DESK_CONFIG_DIR=str(tmp_path / "config"),
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def creds_env(tmp_path: Path) -> dict[str, str]:
    return child_env(tmp_path, AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)


class Serve:
    """``agora-desk serve ...`` in a child process; stdout lines arrive on a queue."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "agora_desk", "serve", *args],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
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


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[list[Serve]]:
    started: list[Serve] = []
    yield started
    for child in started:
        if child.proc.poll() is None:
            child.proc.kill()
            child.proc.wait()


def test_serve_answers_and_stops_cleanly_on_sigterm(tmp_path: Path, serve: list[Serve]) -> None:
    child = Serve(["--port", "0"], creds_env(tmp_path))
    serve.append(child)
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


def test_ctrl_c_stops_cleanly_too(tmp_path: Path, serve: list[Serve]) -> None:
    child = Serve(["--port", "0", "--expire", "77"], creds_env(tmp_path))
    serve.append(child)
    url = child.url()
    body = call(url, "POST", "/fetch_rtc_token", {"channel": "c", "uid": 5}).json()
    check_rtc(body["token"], "c", "5", PUBLISHER, 77)  # --expire is the default expiry
    code, err = child.finish(signal.SIGINT)
    assert code == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_non_loopback_host_warns_loudly(tmp_path: Path, serve: list[Serve]) -> None:
    child = Serve(["--host", "0.0.0.0", "--port", "0"], creds_env(tmp_path))
    serve.append(child)
    url = child.url()
    assert url.startswith("http://127.0.0.1:")  # the local URL; requests stay on loopback
    assert call(url, "GET", "/ping").status == 200
    code, err = child.finish()
    assert code == 0
    assert "WARNING" in err
    assert "ANYONE who can reach this port can mint tokens" in err
    assert APP_ID in err and CERT not in err


def test_cors_origin_option(tmp_path: Path, serve: list[Serve]) -> None:
    origin = "http://localhost:5173"
    child = Serve(["--port", "0", "--cors-origin", origin], creds_env(tmp_path))
    serve.append(child)
    reply = call(child.url(), "GET", "/rtm/u", headers={"Origin": origin})
    assert reply.headers["access-control-allow-origin"] == origin
    assert child.finish()[0] == 0


def run_serve(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agora_desk", "serve", *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=STARTUP_S,
        check=False,
    )


def test_port_in_use_exits_2_with_one_line(tmp_path: Path) -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen(1)
        port = blocker.getsockname()[1]
        result = run_serve(["--port", str(port)], creds_env(tmp_path))
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
    ],
)
def test_bad_options_exit_2_with_one_line(tmp_path: Path, args: list[str], words: str) -> None:
    # argparse keeps the last --port: add "--port 0" only where the case has none.
    full = args if "--port" in args else [*args, "--port", "0"]
    result = run_serve(full, creds_env(tmp_path))
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0]


def test_missing_credentials_exit_2_naming_them(tmp_path: Path) -> None:
    result = run_serve(["--port", "0"], child_env(tmp_path))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "App ID" in lines[0] and "AGORA_APP_ID" in lines[0]


def test_bad_certificate_in_env_exit_2(tmp_path: Path) -> None:
    env = child_env(tmp_path, AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE="nothex")
    result = run_serve(["--port", "0"], env)
    assert result.returncode == 2
    assert "App Certificate" in result.stderr and "nothex" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_profile_certificate_comes_from_the_keyring(
    memory_keyring: MemoryKeyring,  # noqa: F811 - the imported fixture
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
