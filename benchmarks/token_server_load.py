"""Load benchmark of ``agora-desk serve`` against a bare aiohttp app and the Node token server.

    .venv/bin/python benchmarks/token_server_load.py [--rounds 3] [--duration 4] [--no-node]
                                                     [--before REV] [--only rtc ...] [--warmup 1]

The servers run side by side in one run, each in its own process:

* **ours** - ``agora-desk serve`` exactly as a user starts it, its stderr on /dev/null
  (so no request log: nobody could read it, as with ``--quiet``);
* **ours +log** - the same with stderr to a file: one log line per request written (RTC only);
* **bare aiohttp** - an aiohttp app with one ``/ping`` route and nothing else: what the
  framework costs by itself (issue 16's reference);
* **ours before** (``--before REV``) - ``agora-desk serve`` of an earlier git revision;
* **node** - the Node token server people run instead: AgoraIO-Community's
  Agora-Node-TokenServer is not on npm, so ``benchmarks/node_reference_server.js`` rebuilds
  it from the two npm packages it is made of, ``express`` and the official ``agora-token``
  (2.0.6) builders, with the same routes, headers and answers (issue 19's reference). It
  is installed into ``benchmarks/.deps/node`` on first use; skipped without ``node``/``npm``.

The load generator is ``wrk`` (Debian package ``wrk``), keep-alive, on
``GET /rtc/demo/publisher/uid/42/?expiry=3600``, ``GET /rtm/alice/?expiry=3600`` and
``GET /ping`` at 50 and 200 connections; then again at 200 connections while 1,000 idle
connections are held open to the same server. Servers are pinned to CPU 0 and wrk to CPU 1
when ``taskset`` exists. Every server first gets an untimed warm-up run per route. Rounds
alternate the servers, each round starting one server further on (so no server always follows
the same one), and every timed run starts only once all servers have been idle for a moment:
Node works off its queue, closes sockets and collects garbage for up to a second after a
run, on the CPU the next server is timed on, and a run started meanwhile shows a p99 that is
not its own (at 50 connections, about 1.5x). The median of the rounds is printed with req/s,
p50, p99, errors, the server's RSS after the run and its CPU time per request (user + system,
from /proc: less sensitive to a busy machine than req/s), and ratios ours / peer; the goals
block at the end compares each with issue 19's goal. Every server's tokens are checked first
(a 007 token for the right App ID, channel, uid and expiry, signed with the benchmark
certificate). Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agora_desk.core.formats import v007  # noqa: E402
from agora_desk.core.formats.v007 import RtcService, RtmService  # noqa: E402

APP_ID = "970ca35de60c44645bbae8a215061b33"
CERT = "5cfd2fd1755d40ecb72977518be15d3b"
EXPIRE = 3600
ROUTES = {
    "rtc": "/rtc/demo/publisher/uid/42/?expiry=3600",
    "rtm": "/rtm/alice/?expiry=3600",
    "ping": "/ping",
}
IDLE = 1000
NODE_DIR = ROOT / "benchmarks" / ".deps" / "node"
NODE_PACKAGES = ("agora-token@2.0.6", "express@4")

BARE_AIOHTTP = textwrap.dedent(
    """
    import asyncio, socket, sys
    from aiohttp import web

    async def ping(request):
        return web.json_response({"message": "pong"})

    app = web.Application()
    app.router.add_get("/ping", ping)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(512)
    print(sock.getsockname()[1], flush=True)
    web.run_app(app, sock=sock, access_log=None, print=None)
    """
)


def pinned(cpu: int, argv: list[str]) -> list[str]:
    if shutil.which("taskset") and (os.cpu_count() or 1) >= 2:
        return ["taskset", "-c", str(cpu), *argv]
    return argv


@dataclass
class Server:
    name: str
    routes: tuple[str, ...]
    proc: subprocess.Popen[str]
    port: int

    def cpu_s(self) -> float:
        """User + system CPU seconds the server process has used."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mib(self) -> float:
        try:
            status = Path(f"/proc/{self.proc.pid}/status").read_text()
        except OSError:
            return float("nan")
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        return int(match.group(1)) / 1024 if match else float("nan")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _start(
    name: str,
    routes: tuple[str, ...],
    argv: list[str],
    env: dict[str, str],
    stderr: Any = None,
    cwd: Path = ROOT,
) -> Server:
    proc = subprocess.Popen(
        pinned(0, argv), env=env, cwd=cwd, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL if stderr is None else stderr, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    port = int(line.rsplit(":", 1)[-1])
    return Server(name, routes, proc, port)


def start_ours(log: Any = None) -> Server:
    """``agora-desk serve``; with ``log`` (a file) its request log is written there."""
    env = dict(os.environ, AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT, PYTHONPATH=str(ROOT))
    argv = [sys.executable, "-m", "agora_desk", "serve", "--port", "0", "--expire", str(EXPIRE)]
    if log is None:
        return _start("ours", tuple(ROUTES), argv, env)
    return _start("ours +log", ("rtc",), argv, env, stderr=log)


def start_before(rev: str, where: Path) -> Server:
    """``agora-desk serve`` as it was at git revision ``rev`` (its tree extracted to ``where``)."""
    tree = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(where)], input=tree.stdout, check=True)
    env = dict(os.environ, AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT, PYTHONPATH=str(where))
    argv = [sys.executable, "-m", "agora_desk", "serve", "--port", "0", "--expire", str(EXPIRE)]
    return _start("ours before", tuple(ROUTES), argv, env, cwd=where)


def start_bare() -> Server:
    return _start("bare aiohttp", ("ping",), [sys.executable, "-c", BARE_AIOHTTP], dict(os.environ))


def start_node() -> Server | None:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        print("node / npm not found: the Node token server is skipped")
        return None
    if not (NODE_DIR / "node_modules" / "agora-token").exists():
        NODE_DIR.mkdir(parents=True, exist_ok=True)
        (NODE_DIR / "package.json").write_text('{"name": "bench-reference", "private": true}\n')
        subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", *NODE_PACKAGES], cwd=NODE_DIR, check=True
        )
    env = dict(
        os.environ, APP_ID=APP_ID, APP_CERTIFICATE=CERT, PORT="0",
        NODE_PATH=str(NODE_DIR / "node_modules"),
    )  # fmt: skip
    script = str(ROOT / "benchmarks" / "node_reference_server.js")
    return _start("node", tuple(ROUTES), [node, script], env)


def check_tokens(server: Server) -> None:
    """Every server answers with real tokens before it is timed."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    for route in server.routes:
        conn.request("GET", ROUTES[route])
        reply = conn.getresponse()
        body = json.loads(reply.read())
        assert reply.status == 200, (server.name, route, reply.status, body)
        if route == "ping":
            continue
        token = body["rtcToken" if route == "rtc" else "rtmToken"]
        parsed = v007.parse(token)
        assert v007.verify(parsed, CERT) and parsed.app_id == APP_ID, server.name
        (service,) = parsed.services
        if route == "rtc":
            assert isinstance(service, RtcService)
            assert (service.channel_name, service.uid) == ("demo", "42")
        else:
            assert isinstance(service, RtmService) and service.user_id == "alice"
        assert abs(parsed.expire - EXPIRE) <= 1 or abs(parsed.expire - time.time() - EXPIRE) < 60
    conn.close()


@dataclass
class Result:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int = 0
    cpu_us: float = float("nan")  # the server's CPU time per request (less load-sensitive)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
# wrk leaves a request slower than its timeout (default 2 s) out of the latency
# figures and counts it as an error; a long one keeps slow answers in the p99.
WRK_TIMEOUT = "10s"


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    return float(match.group(1)) * _UNITS[match.group(2)] if match else float("nan")


def run_wrk(port: int, path: str, connections: int, duration: float) -> Result:
    argv = pinned(1, ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(duration))}s", "--latency",
                      "--timeout", WRK_TIMEOUT,
                      f"http://127.0.0.1:{port}{path}"])  # fmt: skip
    out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    # Anchored: "+/- Stdev" columns such as "72.50%" must not read as the 50% line.
    p50 = _ms(re.search(r"^\s*50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s*99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(non2xx.group(1)) if non2xx else 0
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    return Result(rps, p50, p99, errors, requests)


# A timed run starts once no server process has used CPU time for QUIET_S (the kernel
# counts it in ticks of 10 ms), waiting at most SETTLE_CAP_S.
QUIET_S = 0.3
SETTLE_CAP_S = 5.0
SETTLE_POLL_S = 0.05


def settle(servers: list[Server]) -> float:
    """Wait until every server has been idle for :data:`QUIET_S`; the seconds waited."""

    def used() -> list[float]:
        return [0.0 if math.isnan(cpu) else cpu for cpu in (s.cpu_s() for s in servers)]

    start = quiet_since = time.perf_counter()
    last = used()
    while (now := time.perf_counter()) - quiet_since < QUIET_S and now - start < SETTLE_CAP_S:
        time.sleep(SETTLE_POLL_S)
        current = used()
        if current != last:
            last, quiet_since = current, time.perf_counter()
    return time.perf_counter() - start


def hold_idle(port: int, count: int) -> list[socket.socket]:
    """``count`` connections that never send a byte (slowloris without the trickle)."""
    idle = []
    for _ in range(count):
        try:
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        except OSError:
            break
    return idle


@dataclass
class Cell:
    results: list[Result] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)

    def median(self) -> tuple[Result, float]:
        r = self.results
        return (
            Result(
                statistics.median(x.rps for x in r),
                statistics.median(x.p50_ms for x in r),
                statistics.median(x.p99_ms for x in r),
                sum(x.errors for x in r),
                sum(x.requests for x in r),
                statistics.median(x.cpu_us for x in r),
            ),
            statistics.median(self.rss),
        )


def _ratio(ours: float, peer: float) -> float:
    return ours / peer if peer else float("nan")


def _load() -> str:
    """The 1-minute load average: how busy the machine was around the run."""
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=float, default=4.0, help="seconds per wrk run")
    parser.add_argument("--no-node", action="store_true", help="skip the Node token server")
    parser.add_argument(
        "--before", metavar="REV", help="also run `agora-desk serve` of git revision REV"
    )
    parser.add_argument(
        "--only", action="append", choices=tuple(ROUTES), help="run only this route (repeatable)"
    )
    parser.add_argument(
        "--warmup", type=float, default=1.0, help="seconds of untimed load per server and route"
    )
    args = parser.parse_args()
    args.load_before = _load()
    if shutil.which("wrk") is None:
        print("wrk not found: install it (Debian: apt install wrk)")
        return 2
    log = tempfile.TemporaryFile("w+")  # closed after the run
    servers = [start_ours(), start_ours(log), start_bare()]
    before_dir = tempfile.TemporaryDirectory()  # removed after the run
    if args.before:
        servers.append(start_before(args.before, Path(before_dir.name)))
    if not args.no_node:
        node = start_node()
        if node is not None:
            servers.append(node)
    scenarios = [(route, c, False) for route in ROUTES for c in (50, 200)]
    scenarios += [("ping", 200, True), ("rtc", 200, True)]
    scenarios = [s for s in scenarios if args.only is None or s[0] in args.only]
    cells: dict[tuple[str, str, int, bool], Cell] = {}
    waits: list[float] = []
    try:
        for server in servers:
            check_tokens(server)
        if args.warmup > 0:
            for server in servers:
                for route in {s[0] for s in scenarios} & set(server.routes):
                    run_wrk(server.port, ROUTES[route], 50, args.warmup)
        for index in range(args.rounds):
            turn = index % len(servers)
            order = servers[turn:] + servers[:turn]
            for route, connections, idle in scenarios:
                for server in order:  # alternating servers inside each scenario
                    if route not in server.routes:
                        continue
                    held = hold_idle(server.port, IDLE) if idle else []
                    try:
                        # After the idle connections' accepts, and the previous run's
                        # tail on every server.
                        waits.append(settle(servers))
                        cpu_before = server.cpu_s()
                        result = run_wrk(server.port, ROUTES[route], connections, args.duration)
                        cpu = server.cpu_s() - cpu_before
                        result.cpu_us = cpu / max(1, result.requests) * 1e6
                    finally:
                        for sock in held:
                            sock.close()
                    cell = cells.setdefault((server.name, route, connections, idle), Cell())
                    cell.results.append(result)
                    cell.rss.append(server.rss_mib())
    finally:
        for server in servers:
            server.stop()
        before_dir.cleanup()
        log.seek(0)
        logged = sum(1 for line in log if " GET /rtc " in line)
        log.close()
    print(f"ours +log wrote {logged} request-log lines")
    if waits:
        print(f"each timed run started after every server was idle for {QUIET_S:g} s: "
              f"waits {min(waits):.2f}-{max(waits):.2f} s, median {statistics.median(waits):.2f} s")  # fmt: skip
    report(cells, servers, args)
    return 0


def report(
    cells: dict[tuple[str, str, int, bool], Cell], servers: list[Server], args: argparse.Namespace
) -> None:
    print(f"\n{args.rounds} rounds x {args.duration:g} s per run, wrk keep-alive, medians"
          f"{'; servers on CPU 0, wrk on CPU 1' if shutil.which('taskset') else ''}; "
          f"load average before {args.load_before}, after {_load()}\n")  # fmt: skip
    header = (f"{'scenario':<30} {'server':<13} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'errors':>7} {'RSS MiB':>8} {'CPU us/req':>10}")  # fmt: skip
    print(header)
    print("-" * len(header))
    medians = {key: cell.median() for key, cell in cells.items()}
    for route in ROUTES:
        for connections, idle in ((50, False), (200, False), (200, True)):
            label = f"{route} c={connections}" + (f" +{IDLE} idle" if idle else "")
            for server in servers:
                key = (server.name, route, connections, idle)
                if key not in medians:
                    continue
                res, rss = medians[key]
                print(f"{label:<30} {server.name:<13} {res.rps:>9.0f} {res.p50_ms:>8.2f} "
                      f"{res.p99_ms:>8.2f} {res.errors:>7} {rss:>8.1f} {res.cpu_us:>10.0f}")  # fmt: skip
    print("\nratios (ours / peer: req/s higher is better; p99 lower is better)")
    peers = ("node", "bare aiohttp", "ours before")
    pairs = [(o, p) for o in ("ours", "ours +log") for p in peers]
    for mine, peer in pairs:
        for route in ROUTES:
            for connections, idle in ((50, False), (200, False), (200, True)):
                ours = medians.get((mine, route, connections, idle))
                other = medians.get(
                    (peer, "ping" if peer == "bare aiohttp" else route, connections, idle)
                )
                if ours is None or other is None or (peer == "bare aiohttp" and route == "rtm"):
                    continue
                label = f"{route} c={connections}" + (f" +{IDLE} idle" if idle else "")
                vs = f"{peer} /ping" if peer == "bare aiohttp" else peer
                mr, pr = ours[0], other[0]
                print(f"  {mine:<9} {label:<21} vs {vs:<17} req/s {_ratio(mr.rps, pr.rps):5.2f}x   "
                      f"p99 {_ratio(mr.p99_ms, pr.p99_ms):5.2f}x   "
                      f"CPU/req {_ratio(mr.cpu_us, pr.cpu_us):5.2f}x")  # fmt: skip
    goals(medians)


# Issue 19's goals: RTC req/s >= 1.2x Node's at 50 and 200 connections, p99 no worse than
# before, RSS <= 50 MiB, no errors.
RPS_GOAL = 1.2
RSS_GOAL_MIB = 50.0
CELLS = ((50, False), (200, False), (200, True))


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def goals(medians: dict[tuple[str, str, int, bool], tuple[Result, float]]) -> None:
    """Each goal of the issue with this run's figure, for ours and ours +log.

    req/s against Node is the RTC route's goal; p99 against before is shown for every route.
    """
    print("\ngoals (issue 19), this run")
    for mine in ("ours", "ours +log"):
        for route in ROUTES:
            for connections, idle in CELLS:
                label = f"{route} c={connections}" + (f" +{IDLE} idle" if idle else "")
                ours, node, before = (
                    medians.get((name, route, connections, idle))
                    for name in (mine, "node", "ours before")
                )
                if ours is None:
                    continue
                parts = []
                if node is not None and route == "rtc":
                    ratio = _ratio(ours[0].rps, node[0].rps)
                    parts.append(
                        f"req/s {ratio:.2f}x node (>= {RPS_GOAL}x: {_verdict(ratio >= RPS_GOAL)})"
                    )
                if before is not None:
                    ratio = _ratio(ours[0].p99_ms, before[0].p99_ms)
                    parts.append(f"p99 {ratio:.2f}x before (<= 1.00x: {_verdict(ratio <= 1.0)})")
                if parts:
                    print(f"  {mine:<9} {label:<21} " + "; ".join(parts))
    own = [cell for key, cell in medians.items() if key[0] in ("ours", "ours +log")]
    if own:
        rss = max(cell[1] for cell in own)
        errors = sum(cell[0].errors for cell in own)
        print(f"  RSS at most {rss:.1f} MiB (<= {RSS_GOAL_MIB:g}: {_verdict(rss <= RSS_GOAL_MIB)}); "
              f"errors {errors} (0: {_verdict(errors == 0)})")  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
