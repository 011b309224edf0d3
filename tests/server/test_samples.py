"""The Token server tab's samples: one per route, and each curl command works as printed."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess

import pytest
from _server_helpers import check_rtc, loopback_url, serving

from agora_desk.server.handlers import ROUTES
from agora_desk.server.runner import start_server
from agora_desk.server.samples import SUMMARIES, Sample, samples

CURL = shutil.which("curl")


def test_every_route_has_a_sample_with_a_summary() -> None:
    found = samples()
    assert [(s.method, s.route) for s in found] == [(m, p) for m, p, _ in ROUTES]
    for sample in found:
        assert sample.summary, sample.route
        assert sample.route in SUMMARIES, f"{sample.route}: its summary is not translatable"
        assert "{" not in sample.path, sample.path
        assert (sample.body is not None) == (sample.method == "POST"), sample.route


def _run(command: str) -> tuple[int, str]:
    assert CURL is not None
    argv = shlex.split(command)
    assert argv[0] == "curl"
    done = subprocess.run(
        [CURL, "-sS", "-o", "-", "-w", "\n%{http_code}", *argv[1:]],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    body, _, status = done.stdout.rpartition("\n")
    return int(status or 0), body


@pytest.mark.skipif(CURL is None, reason="curl is not installed")
def test_each_sample_curl_gets_a_token_from_a_running_server() -> None:
    with serving() as handle:
        base = loopback_url(handle)
        for sample in samples():
            status, body = _run(sample.curl(base))
            assert status == 200, (sample.curl(base), body)
        fetch = next(s for s in samples() if s.route == "/fetch_rtc_token")
        _status, body = _run(fetch.curl(base))
        check_rtc(json.loads(body)["token"], "demo", "1234", {1, 2, 3, 4}, 3600)


@pytest.mark.skipif(CURL is None, reason="curl is not installed")
def test_samples_carry_the_access_key_when_the_server_asks_for_one() -> None:
    from _server_helpers import config

    handle = start_server(config(), "127.0.0.1", 0, None, require_key=True)
    try:
        key = handle.access_key
        assert key is not None
        ping = next(s for s in samples() if s.route == "/rtm/{uid}")
        base = loopback_url(handle)
        assert _run(ping.curl(base))[0] == 401
        assert _run(ping.curl(base, key.reveal()))[0] == 200
    finally:
        handle.stop()


def test_a_sample_quotes_what_a_shell_would_split() -> None:
    sample = Sample("POST", "/x", "/x", "a route", {"channel": "it's a room"})
    argv = shlex.split(sample.curl("http://127.0.0.1:8082/", "k$y"))
    assert argv[-1] == "http://127.0.0.1:8082/x"
    assert json.loads(argv[argv.index("-d") + 1]) == {"channel": "it's a room"}
    assert "X-Agora-Desk-Key: k$y" in argv
