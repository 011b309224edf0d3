"""``--uid-range`` streams: the same lines as the plain builder, first line at once, memory flat."""

from __future__ import annotations

import subprocess
import sys
import time

from _cli_process import CliProcess
from credentials import APP_ID, CERT

from agora_desk.cli import batch
from agora_desk.core import builders
from agora_desk.core.credentials import Credentials
from agora_desk.core.secret import Secret

STAMP = ["--issued-at", "1700000000", "--salt", "12345"]


def test_parallel_chunks_equal_the_plain_path_byte_for_byte(cli: CliProcess) -> None:
    env = cli.env(AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)
    uids = range(7, 7 + batch.PARALLEL_MIN_TOKENS + 1234)  # parallel, several chunks each
    result = cli.run(
        "rtc", "--channel", "load", "--uid-range", f"{uids[0]}-{uids[-1]}", *STAMP, env=env
    )
    assert result.returncode == 0, result.stderr
    creds = Credentials(APP_ID, Secret(CERT))
    req = builders.RtcRequest(channel="load", uid=0, expire=3600)
    expected = "".join(
        f"{uid},{builders.build_rtc(creds, builders.RtcRequest(channel='load', uid=uid, expire=3600), builders.Stamp(1700000000, 12345)).token}\n"
        for uid in (uids[0], uids[5000], uids[-1])
    )
    lines = result.stdout.splitlines(keepends=True)
    assert len(lines) == len(uids)
    assert [int(line.split(",")[0]) for line in lines] == list(uids)
    assert "".join(lines[i] for i in (0, 5000, len(uids) - 1)) == expected
    assert result.stdout == batch.csv_chunk(creds, req, uids, builders.Stamp(1700000000, 12345))


def test_first_line_at_once_and_head_stops_the_workers(cli: CliProcess) -> None:
    env = cli.env(AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)
    started = time.monotonic()
    child = subprocess.Popen(
        cli.command("rtc", "--channel", "c", "--uid-range", f"1-{batch.MAX_TOKENS}"),
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert child.stdout is not None
    first = child.stdout.readline()
    assert first.startswith(b"1,007")
    child.stdout.close()  # as `| head -1` does
    _, err = child.communicate(timeout=30)
    assert child.returncode == 0, err
    # Interpreter start-up included; 10 million tokens would take minutes.
    assert time.monotonic() - started < 10


_MEASURE = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def test_memory_stays_flat(cli: CliProcess) -> None:
    """Peak RSS of the command and its workers, measured by a fresh parent (KiB on Linux)."""
    env = cli.env(AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)
    argv = cli.command("rtc", "--channel", "c", "--uid-range", "1-200000")
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, *argv], env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    peak_mib = int(result.stdout) / 1024
    assert peak_mib < 100, peak_mib  # the old path held ~200 B per token: 2 GB at 10 million


def test_the_documented_maximum(cli: CliProcess) -> None:
    env = cli.env(AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)
    result = cli.run("rtc", "--channel", "c", "--uid-range", f"0-{batch.MAX_TOKENS}", env=env)
    assert result.returncode == 2
    assert "at most 10,000,000 per run" in result.stderr
