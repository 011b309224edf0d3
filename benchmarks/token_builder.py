"""Our RTC builder against Agora's official Python builder, measured in one run.

Prints, for the same inputs on the same machine:

1. byte-identity: our tokens equal the official builder's for fixed salt/timestamp;
2. builder throughput: ``builders.build_rtc`` (validated, one call per token)
   vs ``RtcTokenBuilder.build_token_with_uid``; target >= 3.5x; and the batch
   builder behind ``--uid-range`` (one key derivation per batch), single process;
3. whole process: ``agora-desk rtc --uid-range 1-50000`` (start-up included)
   vs the official builder making 50 000 tokens in a warm loop; target >= 3.5x;
4. parsing: ``token007.parse`` vs the official ``AccessToken.from_string``; target >= 1x.

Rounds alternate between the two sides so that machine load affects both
alike; each figure is the median of the per-round ratios.

    python benchmarks/token_builder.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import _official  # noqa: E402

from agora_desk.core import builders, token007  # noqa: E402

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
CHANNEL = "load-test-channel"
CREDS = builders.Credentials(APP_ID, CERT)


def timed(fn: Callable[[], object]) -> float:
    """CPU seconds of this process: other load on the machine distorts it less than wall time."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def wall(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def check_identical(official_access: object, official_rtc: object) -> int:
    """Official AccessToken with a fixed salt vs ours; returns how many compared."""
    access = official_access
    compared = 0
    for uid in (0, 1, 42, 2882341273, 4294967295):
        for role, our_role in ((1, "publisher"), (2, "subscriber")):
            tok = access.AccessToken(APP_ID, CERT, issue_ts=1111111, expire=600)  # type: ignore[attr-defined]
            tok._AccessToken__salt = 12345  # the official class draws it at random
            svc = access.ServiceRtc(CHANNEL, uid)  # type: ignore[attr-defined]
            svc.add_privilege(access.ServiceRtc.kPrivilegeJoinChannel, 300)  # type: ignore[attr-defined]
            if role == 1:
                for p in (2, 3, 4):
                    svc.add_privilege(p, 300)
            tok.add_service(svc)
            theirs = tok.build()
            ours = builders.build_rtc(
                CREDS,
                builders.RtcRequest(
                    CHANNEL, uid=uid, role=our_role, expire=600, privilege_expire=300
                ),  # type: ignore[arg-type]
                builders.Stamp(1111111, 12345),
            ).token
            if theirs != ours:
                raise SystemExit(
                    f"NOT byte-identical for uid {uid} role {role}:\n {theirs}\n {ours}"
                )
            compared += 1
    return compared


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--tokens", type=int, default=20000, help="tokens per throughput round")
    args = parser.parse_args()
    rtc_mod, access_mod = _official.load()
    official = rtc_mod.RtcTokenBuilder.build_token_with_uid
    n = args.tokens

    print(
        f"byte-identical: {check_identical(access_mod, rtc_mod)} official tokens reproduced exactly"
    )

    def theirs_loop(count: int = n) -> None:
        for uid in range(1, count + 1):
            official(APP_ID, CERT, CHANNEL, uid, 1, 3600, 3600)

    def ours_loop(count: int = n) -> None:
        req = builders.RtcRequest(CHANNEL)
        build = builders.build_rtc
        for uid in range(1, count + 1):
            req.uid = uid
            build(CREDS, req)

    theirs_loop(2000)
    ours_loop(2000)
    ratios, t_theirs, t_ours = [], [], []
    for _ in range(args.rounds):
        a = timed(theirs_loop)
        b = timed(ours_loop)
        t_theirs.append(a)
        t_ours.append(b)
        ratios.append(a / b)
    print(
        f"builder throughput: official {n / min(t_theirs):,.0f} tokens/s, ours {n / min(t_ours):,.0f} tokens/s; "
        f"ratio {statistics.median(ratios):.2f}x (target >= 3.5x)"
    )

    def batch_loop() -> None:
        _, tokens = builders.build_rtc_batch(CREDS, builders.RtcRequest(CHANNEL), range(1, n + 1))
        for _ in tokens:
            pass

    batch_ratios = []
    for _ in range(args.rounds):
        batch_ratios.append(timed(theirs_loop) / timed(batch_loop))
    print(
        f"batch builder (one process, build_rtc_batch): ratio {statistics.median(batch_ratios):.2f}x"
    )

    env = {
        **os.environ,
        "AGORA_APP_ID": APP_ID,
        "AGORA_APP_CERTIFICATE": CERT,
        "PYTHONPATH": str(ROOT),
    }
    cmd = [
        sys.executable,
        "-m",
        "agora_desk",
        "rtc",
        "--channel",
        CHANNEL,
        "--uid-range",
        "1-50000",
    ]

    def process() -> None:
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)

    process()
    proc_ratios, t_proc, t_loop = [], [], []
    for _ in range(max(3, args.rounds // 2)):
        # Wall time on both sides: the process figure includes start-up and,
        # for big ranges, worker processes on other cores.
        a = wall(lambda: theirs_loop(50000))
        b = wall(process)
        t_loop.append(a)
        t_proc.append(b)
        proc_ratios.append(a / b)
    print(
        f"50 000 tokens: official warm loop {min(t_loop):.2f} s, `agora-desk rtc --uid-range 1-50000` "
        f"process {min(t_proc):.2f} s; ratio {statistics.median(proc_ratios):.2f}x (target >= 3.5x)"
    )

    token = builders.build_rtc(CREDS, builders.RtcRequest(CHANNEL, uid=7, rtm_user_id="u")).token

    def parse_theirs() -> None:
        for _ in range(n):
            access_mod.AccessToken().from_string(token)

    def parse_ours() -> None:
        for _ in range(n):
            token007.parse(token)

    parse_ratios = []
    for _ in range(args.rounds):
        a = timed(parse_theirs)
        b = timed(parse_ours)
        parse_ratios.append(a / b)
    print(f"parsing: ratio {statistics.median(parse_ratios):.2f}x (target >= 1x)")


if __name__ == "__main__":
    main()
