"""Our RTC builder against Agora's official Python builder, measured in one run.

Prints, for the same inputs on the same machine:

1. byte-identity: our tokens equal the official builder's for fixed salt/timestamp;
2. builder throughput: ``builders.build_rtc`` (validated, one call per token,
   random salt) vs ``RtcTokenBuilder.build_token_with_uid``; target >= 3.5x;
   and, for reference, the batch builder behind ``--uid-range``;
3. whole process: ``agora-desk rtc --uid-range 1-50000`` (start-up included)
   vs the official builder making 50 000 tokens in a warm loop; target >= 3.5x;
4. parsing: ``v007.parse`` vs the official ``AccessToken.from_string``; target >= 1x.

Each in-process figure is measured in a fresh worker process per side (so
neither side inherits the other's allocator state), as CPU time after a
warm-up; rounds alternate between the sides so machine load hits both alike,
and each ratio is the median of the per-round ratios.

    python benchmarks/token_builder.py [--rounds 5] [--tokens 20000]
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

from agora_desk.core import builders  # noqa: E402
from agora_desk.core.credentials import Credentials  # noqa: E402
from agora_desk.core.formats import v007  # noqa: E402
from agora_desk.core.secret import Secret  # noqa: E402

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
CHANNEL = "load-test-channel"
CREDS = Credentials(APP_ID, Secret(CERT))
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def check_identical() -> int:
    """The official AccessToken with a fixed salt vs ours; returns how many compared."""
    _, access = _official.load()
    compared = 0
    for uid in (0, 1, 42, 2882341273, 4294967295):
        for role, our_role in ((1, "publisher"), (2, "subscriber")):
            tok = access.AccessToken(APP_ID, CERT, issue_ts=1111111, expire=600)
            tok._AccessToken__salt = 12345  # the official class draws it at random
            svc = access.ServiceRtc(CHANNEL, uid)
            svc.add_privilege(access.ServiceRtc.kPrivilegeJoinChannel, 300)
            if role == 1:
                for p in (2, 3, 4):
                    svc.add_privilege(p, 300)
            tok.add_service(svc)
            theirs = tok.build()
            req = builders.RtcRequest(
                CHANNEL, uid=uid, role=our_role, expire=600, privilege_expire=300
            )  # type: ignore[arg-type]
            ours = builders.build_rtc(CREDS, req, builders.Stamp(1111111, 12345)).token
            if theirs != ours:
                raise SystemExit(
                    f"NOT byte-identical for uid {uid} role {role}:\n {theirs}\n {ours}"
                )
            compared += 1
    return compared


def _work(kind: str) -> Callable[[int], object]:
    """One unit of work of the given kind, taking a running number."""
    if kind.startswith("official"):
        rtc, access = _official.load()
        build = rtc.RtcTokenBuilder.build_token_with_uid
        if kind == "official-parse":
            token = builders.build_rtc(
                CREDS, builders.RtcRequest(CHANNEL, uid=7, rtm_user_id="u")
            ).token
            return lambda i: access.AccessToken().from_string(token)
        return lambda i: build(APP_ID, CERT, CHANNEL, i, 1, 3600, 3600)
    if kind == "ours-parse":
        token = builders.build_rtc(
            CREDS, builders.RtcRequest(CHANNEL, uid=7, rtm_user_id="u")
        ).token
        return lambda i: v007.parse(token)
    if kind == "ours-batch":
        holder: dict[str, object] = {}

        def batch(i: int) -> object:
            if "it" not in holder or i == 1:
                holder["it"] = builders.build_rtc_batch(
                    CREDS, builders.RtcRequest(CHANNEL), range(1, 10**9)
                )[1]
            return next(holder["it"])  # type: ignore[call-overload]

        return batch
    req = builders.RtcRequest(CHANNEL)
    build_rtc = builders.build_rtc

    def ours(i: int) -> object:
        req.uid = i
        return build_rtc(CREDS, req)

    return ours


def worker(kind: str, n: int) -> None:
    fn = _work(kind)
    for i in range(1, 2001):  # warm-up
        fn(i)
    start = time.process_time()
    for i in range(1, n + 1):
        fn(i)
    print((time.process_time() - start) / n)


def per_op(kind: str, n: int) -> float:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", kind, "--tokens", str(n)],
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(out.strip().splitlines()[-1])


def compare(theirs: str, ours: str, rounds: int, n: int) -> tuple[float, float, float]:
    """(median ratio, best official s/op, best ours s/op)."""
    ratios, a_all, b_all = [], [], []
    for _ in range(rounds):
        a, b = per_op(theirs, n), per_op(ours, n)
        a_all.append(a)
        b_all.append(b)
        ratios.append(a / b)
    return statistics.median(ratios), min(a_all), min(b_all)


def wall(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--tokens", type=int, default=20000, help="operations per worker")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.tokens)
        return
    n = args.tokens
    print(f"byte-identical: {check_identical()} official tokens reproduced exactly")

    ratio, a, b = compare("official", "ours", args.rounds, n)
    print(
        f"builder throughput: official {1 / a:,.0f} tokens/s, ours (build_rtc) {1 / b:,.0f} tokens/s; "
        f"ratio {ratio:.2f}x (target >= 3.5x)"
    )
    ratio, a, b = compare("official", "ours-batch", args.rounds, n)
    print(
        f"batch builder (build_rtc_batch, one process): {1 / b:,.0f} tokens/s; ratio {ratio:.2f}x"
    )

    rtc_mod, _ = _official.load()
    official = rtc_mod.RtcTokenBuilder.build_token_with_uid

    def theirs_loop() -> None:
        for uid in range(1, 50001):
            official(APP_ID, CERT, CHANNEL, uid, 1, 3600, 3600)

    env = {**ENV, "AGORA_APP_ID": APP_ID, "AGORA_APP_CERTIFICATE": CERT}
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

    for uid in range(1, 2001):  # warm the official loop
        official(APP_ID, CERT, CHANNEL, uid, 1, 3600, 3600)
    process()
    proc_ratios, t_proc, t_loop = [], [], []
    for _ in range(max(3, args.rounds)):
        # Wall time on both sides: the process figure includes start-up and,
        # for big ranges, worker processes on other cores.
        a_s, b_s = wall(theirs_loop), wall(process)
        t_loop.append(a_s)
        t_proc.append(b_s)
        proc_ratios.append(a_s / b_s)
    print(
        f"50 000 tokens: official warm loop {min(t_loop):.2f} s, `agora-desk rtc --uid-range 1-50000` "
        f"process {min(t_proc):.2f} s; ratio {statistics.median(proc_ratios):.2f}x (target >= 3.5x)"
    )

    ratio, a, b = compare("official-parse", "ours-parse", args.rounds, n)
    print(
        f"parsing: official {1 / a:,.0f}/s, ours {1 / b:,.0f}/s; ratio {ratio:.2f}x (target >= 1x)"
    )


if __name__ == "__main__":
    main()
