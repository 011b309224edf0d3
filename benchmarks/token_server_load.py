"""Load test of the local token server: 400 requests from 40 threads, all tokens verified.

    .venv/bin/python benchmarks/token_server_load.py [--rounds 5] [--in-process]

Each round: 40 client threads, each with its own keep-alive ``http.client``
connection, send 10 requests (a mix of every token endpoint) to 127.0.0.1 at
the same moment; the rate is 400 / the wall time of the round. The same
client then measures a trivial aiohttp ``/ping``-only server in the same run;
the ratio ours / reference says how much the token work and our middleware
cost compared with aiohttp itself. Target: >= 1000 requests/s.

Servers run in a child process by default, as ``agora-desk serve`` does, so
the 40 client threads do not share a GIL with the server; ``--in-process``
runs them in a background thread of this process instead. Every response is
checked after timing: status 200, a 007 token signed with the benchmark
certificate, for the right App ID, channel, uid and expiry. All traffic is to
loopback; the number of requests is fixed.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import multiprocessing
import multiprocessing.connection
import statistics
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from agora_desk.core.formats import v007
from agora_desk.core.formats.v007 import ChatService, RtcService, RtmService

APP_ID = "970ca35de60c44645bbae8a215061b33"
CERT = "5cfd2fd1755d40ecb72977518be15d3b"
THREADS = 40
PER_THREAD = 10
TARGET_RPS = 1000.0
EXPIRE = 3600


# -- servers (each in a child process or a thread) ------------------------------------


def _serve_ours(conn: multiprocessing.connection.Connection) -> None:
    from agora_desk.core.secret import Secret
    from agora_desk.server import ServerConfig
    from agora_desk.server.runner import start_server

    handle = start_server(ServerConfig(APP_ID, Secret(CERT), EXPIRE), "127.0.0.1", 0)
    conn.send(handle.port)
    conn.recv()
    handle.stop()


def _serve_reference(conn: multiprocessing.connection.Connection) -> None:
    """aiohttp with one /ping route and nothing else, on the same kind of loop thread."""
    from aiohttp import web

    async def ping(request: web.Request) -> web.Response:
        return web.json_response({"message": "pong"})

    app = web.Application()
    app.router.add_get("/ping", ping)
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app, access_log=None)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    port = runner.addresses[0][1]
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    conn.send(port)
    conn.recv()
    loop.call_soon_threadsafe(loop.stop)
    thread.join()
    loop.run_until_complete(runner.cleanup())
    loop.close()


class Server:
    def __init__(self, target: Callable[[Any], None], in_process: bool) -> None:
        if in_process:
            self._conn, child = multiprocessing.Pipe()
            self._worker: Any = threading.Thread(target=target, args=(child,), daemon=True)
        else:
            ctx = multiprocessing.get_context("spawn")
            self._conn, child = ctx.Pipe()
            self._worker = ctx.Process(target=target, args=(child,), daemon=True)
        self._worker.start()
        if not self._conn.poll(30):
            raise SystemExit("the server did not start within 30 s")
        self.port: int = self._conn.recv()

    def stop(self) -> None:
        self._conn.send("stop")
        self._worker.join(10)


# -- the request mix and its checks -----------------------------------------------------


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    body: dict[str, Any] | None
    check: Callable[[bytes], None]


def _token(raw: str) -> v007.AccessToken2:
    tok = v007.parse(raw)
    if not v007.verify(tok, CERT) or tok.app_id != APP_ID or tok.expire != EXPIRE:
        raise AssertionError("token does not verify / wrong App ID / wrong expiry")
    return tok


def _rtc(raw: str, channel: str, uid: str, privileges: int) -> None:
    (service,) = _token(raw).services
    if not (
        isinstance(service, RtcService)
        and service.channel_name == channel
        and service.uid == uid
        and len(service.privileges) == privileges
    ):
        raise AssertionError(f"wrong RTC service {service}")


def _rtm(raw: str, user_id: str) -> None:
    (service,) = _token(raw).services
    if not (isinstance(service, RtmService) and service.user_id == user_id):
        raise AssertionError(f"wrong RTM service {service}")


def _chat(raw: str, user_id: str) -> None:
    (service,) = _token(raw).services
    if not (isinstance(service, ChatService) and service.user_id == user_id):
        raise AssertionError(f"wrong Chat service {service}")


def token_mix(n: int) -> Call:
    """Request ``n`` of a round: every token endpoint in turn, distinct channels and uids."""
    ch, uid, user = f"bench{n}", str(1000 + n), f"user{n}"
    kinds = [
        Call(
            "POST",
            "/fetch_rtm_token",
            {"uid": user},
            lambda b: _rtm(json.loads(b)["token"], user),
        ),
        Call(
            "POST",
            "/fetch_rtc_token",
            {"channel": ch, "uid": int(uid), "role": "publisher"},
            lambda b: _rtc(json.loads(b)["token"], ch, uid, 4),
        ),
        Call(
            "GET",
            f"/rtc/{ch}/subscriber/uid/{uid}/",
            None,
            lambda b: _rtc(json.loads(b)["rtcToken"], ch, uid, 1),
        ),
        Call("GET", f"/rtm/{user}/", None, lambda b: _rtm(json.loads(b)["rtmToken"], user)),
        Call(
            "GET",
            f"/rte/{ch}/publisher/userAccount/{user}/",
            None,
            lambda b: (
                _rtc(json.loads(b)["rtcToken"], ch, user, 4),
                _rtm(json.loads(b)["rtmToken"], user),
            ),
        ),
        Call(
            "POST",
            "/getToken",
            {"tokenType": "rtc", "channel": ch, "uid": uid, "role": "subscriber"},
            lambda b: _rtc(b.decode(), ch, uid, 1),
        ),
        Call(
            "POST",
            "/getToken",
            {"tokenType": "chat", "uid": user},
            lambda b: _chat(b.decode(), user),
        ),
    ]
    return kinds[n % len(kinds)]


def ping_only(n: int) -> Call:
    def check(body: bytes) -> None:
        if json.loads(body) != {"message": "pong"}:
            raise AssertionError("not a pong")

    return Call("GET", "/ping", None, check)


# -- the client -----------------------------------------------------------------------------


@dataclass
class Round:
    seconds: float
    results: list[tuple[Call, int, bytes]]

    @property
    def rate(self) -> float:
        return len(self.results) / self.seconds


def run_round(port: int, make: Callable[[int], Call]) -> Round:
    calls = [[make(t * PER_THREAD + i) for i in range(PER_THREAD)] for t in range(THREADS)]
    results: list[list[tuple[Call, int, bytes]]] = [[] for _ in range(THREADS)]
    errors: list[BaseException] = []
    # Connections are opened before the clock starts: we measure requests, not connects.
    conns = [http.client.HTTPConnection("127.0.0.1", port, timeout=30) for _ in range(THREADS)]
    for conn in conns:
        conn.connect()
    barrier = threading.Barrier(THREADS + 1)

    def worker(t: int) -> None:
        conn = conns[t]
        barrier.wait()
        try:
            for call in calls[t]:
                data = None if call.body is None else json.dumps(call.body).encode()
                headers = {"Content-Type": "application/json"} if data is not None else {}
                conn.request(call.method, call.path, body=data, headers=headers)
                response = conn.getresponse()
                results[t].append((call, response.status, response.read()))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    for conn in conns:
        conn.close()
    if errors:
        raise SystemExit(f"{len(errors)} client errors, first: {errors[0]!r}")
    return Round(elapsed, [r for per in results for r in per])


def verify_round(round_: Round) -> int:
    bad = 0
    for call, status, body in round_.results:
        try:
            if status != 200:
                raise AssertionError(f"HTTP {status}: {body[:200]!r}")
            call.check(body)
        except Exception as exc:
            bad += 1
            if bad <= 3:
                print(f"  INVALID {call.method} {call.path}: {exc}")
    return bad


def measure(name: str, port: int, make: Callable[[int], Call], rounds: int) -> list[float]:
    run_round(port, make)  # warm-up: imports, first connections, caches
    rates = []
    for _ in range(rounds):
        round_ = run_round(port, make)
        bad = verify_round(round_)
        if len(round_.results) != THREADS * PER_THREAD or bad:
            raise SystemExit(f"{name}: {bad} invalid of {len(round_.results)} responses")
        rates.append(round_.rate)
    return rates


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, choices=range(1, 21), metavar="1-20")
    parser.add_argument(
        "--in-process", action="store_true", help="run the servers in this process's threads"
    )
    args = parser.parse_args()
    where = "in-process thread" if args.in_process else "child process"
    total = THREADS * PER_THREAD
    print(
        f"{total} requests from {THREADS} threads per round, {args.rounds} rounds, server in a {where}"
    )

    ours_server = Server(_serve_ours, args.in_process)
    try:
        ours = measure("token server", ours_server.port, token_mix, args.rounds)
    finally:
        ours_server.stop()
    ref_server = Server(_serve_reference, args.in_process)
    try:
        ref = measure("reference", ref_server.port, ping_only, args.rounds)
    finally:
        ref_server.stop()

    ours_rate, ref_rate = statistics.median(ours), statistics.median(ref)
    print(
        f"all {total * args.rounds} token responses valid (007, signature, App ID, channel, uid, expiry)"
    )
    print(
        f"token server (mix of 7 endpoints): median {ours_rate:8.0f} req/s  "
        f"(rounds: {', '.join(f'{r:.0f}' for r in ours)})"
    )
    print(
        f"reference aiohttp /ping only:      median {ref_rate:8.0f} req/s  "
        f"(rounds: {', '.join(f'{r:.0f}' for r in ref)})"
    )
    print(f"ratio ours / reference: {ours_rate / ref_rate:.2f}")
    verdict = "meets" if ours_rate >= TARGET_RPS else "BELOW"
    print(f"target >= {TARGET_RPS:.0f} req/s: {verdict}")
    return 0 if ours_rate >= TARGET_RPS else 1


if __name__ == "__main__":
    raise SystemExit(main())
