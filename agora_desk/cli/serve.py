"""``agora-desk serve``: a local token server for the app under development.

The URL goes to stdout (so ``--port 0`` can be scripted), everything else -
the banner, warnings, one access-log line per request - to stderr. Ctrl+C or
SIGTERM stops it cleanly with exit 0.
"""

from __future__ import annotations

import argparse
import os
import signal
import stat
import sys
import threading
from collections import deque
from types import FrameType
from typing import Any, TextIO

from agora_desk.cli import certificate, common
from agora_desk.core.errors import InputError
from agora_desk.core.i18n import _
from agora_desk.core.validation import shown_input
from agora_desk.server import ServerConfig
from agora_desk.server.config import host_name_ok
from agora_desk.server.handlers import ENDPOINTS
from agora_desk.server.requestlog import LogEntry, OnEntry, log_text
from agora_desk.server.runner import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    ServerHandle,
    start_server,
)

DEFAULT_EXPIRE = 3600
_POLL_S = 0.2
STOP_TIMEOUT_S = 30.0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help=_("run a local token server for app testing"),
        description=(
            _(
                "Serve tokens for one project so the app under development can fetch them: "
                "{endpoints}. Listens on 127.0.0.1 unless --host says otherwise."
            ).format(endpoints=", ".join(ENDPOINTS))
        ),
        epilog=common.credentials_help()
        + _(
            " Anyone who can reach the port can mint tokens for the project: keep the default host unless a phone or another machine must reach it."
        ),
    )
    p.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=_(
            "address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for every network interface)"
        ),
    )
    p.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_PORT,
        help=_("port to listen on (default {default_port}; 0 = any free port)").format(
            default_port=DEFAULT_PORT
        ),
    )
    p.add_argument(
        "--expire",
        metavar="S",
        default=str(DEFAULT_EXPIRE),
        help=_("expiry in seconds when a request gives none (default {default_expire})").format(
            default_expire=DEFAULT_EXPIRE
        ),
    )
    p.add_argument(
        "--allow-host",
        metavar="NAME",
        action="append",
        default=[],
        help=_(
            "also answer requests addressed to NAME (e.g. mylaptop.local); localhost and IP addresses always work, other names are refused (DNS-rebinding protection)"
        ),
    )
    key = p.add_mutually_exclusive_group()
    key.add_argument(
        "--require-key",
        dest="require_key",
        action="store_const",
        const=True,
        default=None,
        help=_(
            "require a generated access key on every token request (header X-Agora-Desk-Key or ?key=); the default when --host is not loopback"
        ),
    )
    key.add_argument(
        "--no-require-key",
        dest="require_key",
        action="store_const",
        const=False,
        help=_("serve tokens without a key even when reachable from other machines"),
    )
    p.add_argument(
        "--quiet",
        action="store_true",
        help=_(
            "no log line per request (the start-up lines, warnings and errors still print); "
            "also the case when stderr goes to /dev/null"
        ),
    )
    p.add_argument(
        "--cors-origin",
        metavar="ORIGIN",
        help=_("allow a web page from ORIGIN (e.g. http://localhost:3000) to fetch tokens"),
    )
    certificate.add_option(p)
    common.add_profile_options(p)
    p.set_defaults(func=run)


def _port(text: str) -> int:
    try:
        port = int(text) if len(text) <= 6 else -1
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{shown_input} is not a port number").format(shown_input=shown_input(text))
        ) from None
    if port == -1:
        raise argparse.ArgumentTypeError(_("is out of range; use 1 to 65535 (0 = any free)"))
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            _("{port} is out of range; use 1 to 65535 (0 = any free)").format(port=port)
        )
    return port


def _allowed_host(name: str) -> str:
    if not host_name_ok(name):
        raise InputError(
            "--allow-host", _("give a host name such as mylaptop.local (no scheme, no port)")
        )
    return name


class LogLines:
    """The request log on a stream: entries queued by the server's thread, written in batches.

    Per request the server only queues its raw entry (:attr:`add`); each poll
    of the main thread redacts and formats what came in, reading the clock
    once per second of it, and writes it at once - under a load test, a write
    or a formatted time per line costs a good part of a token request. A line
    appears within :data:`_POLL_S` of its request.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._entries: deque[LogEntry] = deque()  # append / popleft are thread-safe
        self.add: OnEntry = self._entries.append  # the server's sink: no frame of ours per request

    def flush(self) -> None:
        entries, batch = self._entries, []
        while entries:
            batch.append(entries.popleft())
        if batch:
            self._stream.write(log_text(batch))
            self._stream.flush()


def nobody_reads(stream: TextIO) -> bool:
    """True when ``stream`` is the null device: a request log there has no reader."""
    try:
        here, null = os.fstat(stream.fileno()), os.stat(os.devnull)
    except (OSError, ValueError, AttributeError):  # no file descriptor (a test's StringIO)
        return False
    return stat.S_ISCHR(here.st_mode) and (here.st_dev, here.st_ino) == (null.st_dev, null.st_ino)


def run(args: argparse.Namespace) -> int:
    expire = common.parse_int_option(args.expire, "--expire")
    assert expire is not None
    cors = args.cors_origin
    if cors is not None and not cors.strip():
        raise InputError("--cors-origin", _("is empty; give an origin like http://localhost:3000"))
    creds, signing = certificate.chosen(args)
    config = ServerConfig(
        app_id=creds.app_id,
        app_certificate=signing,
        default_expire=expire,
        cors_origin=cors,
        profile=creds.profile,
        allowed_hosts=tuple(_allowed_host(name) for name in args.allow_host),
    )
    # ServerStartError (port in use ...) reaches run_command: one line, exit 2.
    # A log line costs about a fifth of a token request: write it only for a reader.
    log = None if args.quiet or nobody_reads(sys.stderr) else LogLines(sys.stderr)
    handle = start_server(
        config,
        args.host,
        args.port,
        require_key=args.require_key,
        on_entry=None if log is None else log.add,
    )
    return _serve(handle, handle.config, log)


def _banner(handle: ServerHandle, config: ServerConfig) -> None:
    whose = _("profile {name!r}, ").format(name=config.profile) if config.profile else ""
    sys.stderr.write(
        _(
            "agora-desk: serving tokens for {whose}App ID {app_id} at {url} (default expiry {default_expire} s); Ctrl+C to stop\n"
        ).format(
            whose=whose, app_id=config.app_id, url=handle.url, default_expire=config.default_expire
        )
    )
    if not handle.loopback:
        where = handle.lan_url or f"{handle.host}:{handle.port}"
        for line in (
            _(
                "listening on {host} port {port}, NOT only on this machine (reachable as {where})."
            ).format(host=handle.host, port=handle.port, where=where),
            (
                _(
                    "token requests need the access key printed on stdout above (header X-Agora-Desk-Key: KEY, or ?key=KEY)."
                )
                if handle.access_key is not None
                else _(
                    "ANYONE who can reach this port can mint tokens for App ID {app_id} (--no-require-key)."
                ).format(app_id=config.app_id)
            ),
            _("Use it only on a network you trust, and stop it as soon as you are done."),
        ):
            sys.stderr.write(_("agora-desk: WARNING: {line}").format(line=line) + "\n")
    elif handle.access_key is not None:
        sys.stderr.write(
            _(
                "agora-desk: token requests need the access key printed on stdout above (header X-Agora-Desk-Key: KEY, or ?key=KEY)\n"
            )
        )
    if config.cors_origin == "*":
        common.warn(
            _(
                "--cors-origin '*' lets any web page open in your browser fetch tokens from this server; prefer the origin of your app, e.g. http://localhost:3000"
            )
        )
    sys.stderr.flush()


def _serve(handle: ServerHandle, config: ServerConfig, log: LogLines | None) -> int:
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        sys.stdout.write(handle.url + "\n")
        if handle.access_key is not None:
            # Printed once, here, for the person or script that started the server.
            sys.stdout.write(handle.access_key.reveal() + "\n")
        sys.stdout.flush()
        _banner(handle, config)
        while not stop.wait(_POLL_S):
            if log is not None:
                log.flush()
            if not handle.running:
                common.error(_("the token server stopped unexpectedly"))
                return common.EXIT_CHECK_FAILED
    finally:
        # Long enough for in-flight requests' grace: exiting before the server's
        # thread has closed its loop would leave its tasks to die unfinished.
        handle.stop(timeout=STOP_TIMEOUT_S)
        for sig, old in previous.items():
            signal.signal(sig, old)
        if log is not None:
            log.flush()
    if not handle.wait(0):
        common.error(
            _("the token server did not stop within {seconds} s").format(seconds=STOP_TIMEOUT_S)
        )
        return common.EXIT_CHECK_FAILED
    sys.stderr.write(_("agora-desk: token server stopped\n"))
    return common.EXIT_OK
