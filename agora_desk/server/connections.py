"""The connection layer: timeouts, a connection cap, and answers to broken HTTP.

aiohttp parses the request line and headers before any middleware runs, so
what a client can do before that - stay silent, trickle a header byte per
second, open a thousand sockets, send bytes that are not HTTP - is handled
here, on the protocol object of each connection:

* a connection must deliver a whole request head within the header timeout
  (also the keep-alive idle limit), else it is closed;
* at most ``max_connections`` are open; a new one beyond that closes the
  connection that has been idle longest, so idle or trickling clients can
  never starve a real request;
* aiohttp's own parser errors (oversized or too many headers, an unknown
  method, a duplicate Host, Content-Length with Transfer-Encoding, NUL
  bytes, ...) answer a 4xx JSON ``{"error": ...}`` like every other error,
  and are logged as one line without a traceback;
* event-loop errors such as "Too many open files" from the accept loop are
  logged at most once per interval, with the number left out.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import socket
import time
from collections.abc import Callable
from typing import Any, Final

from aiohttp import http_exceptions, web
from aiohttp.web_protocol import RequestHandler

from agora_desk.server.answers import json_answer
from agora_desk.server.config import ServerConfig
from agora_desk.server.requestlog import LogEntry, OnEntry

log = logging.getLogger(__name__)

# asyncio accepts up to this many connections per wake-up; their file
# descriptors exist before the guard can close idle ones to make room.
ACCEPT_BATCH: Final = 16
LISTEN_BACKLOG: Final = 512
# How often one kind of loop / protocol error may reach the log.
LOG_INTERVAL_S: Final = 10.0


class RateLimitedLog:
    """One line per ``key`` per interval; what was held back is counted in the next line."""

    def __init__(self, logger: logging.Logger, interval: float = LOG_INTERVAL_S) -> None:
        self._logger = logger
        self._interval = interval
        self._last: dict[str, float] = {}
        self._held: dict[str, int] = {}

    def warning(self, key: str, message: str) -> None:
        now = time.monotonic()
        last = self._last.get(key)
        if last is not None and now - last < self._interval:
            self._held[key] = self._held.get(key, 0) + 1
            return
        self._last[key] = now
        held = self._held.pop(key, 0)
        suffix = f" ({held} more like it in the last {self._interval:.0f} s)" if held else ""
        self._logger.warning("%s%s", message, suffix)


_RESOURCE_ERRNOS = frozenset((errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM))


def loop_exception_handler(limited: RateLimitedLog) -> Callable[[Any, dict[str, Any]], None]:
    """An event-loop exception handler: one rate-limited line, never a traceback flood."""

    def handle(loop: Any, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        message = str(context.get("message") or "event loop error")
        if isinstance(exc, OSError) and exc.errno in _RESOURCE_ERRNOS:
            limited.warning(
                "accept",
                f"token server: cannot accept connections: {exc.strerror or exc} "
                "(too many open connections or files); retrying",
            )
            return
        what = f"{type(exc).__name__}: {exc}" if exc is not None else ""
        limited.warning(message, f"token server: {message} {what}".rstrip())

    return handle


def parse_error_answer(exc: BaseException | None) -> tuple[int, str]:
    """Status and message for an HTTP message aiohttp could not parse.

    The message is ours, never the parser's text: that quotes the client's
    bytes (a header that may hold a key or a token).
    """
    if isinstance(exc, http_exceptions.LineTooLong):
        return 431, "a request line or header is too long"
    if isinstance(exc, http_exceptions.BadHttpMethod):
        return 400, "not an HTTP request (unknown method, or TLS sent to this plain-HTTP port)"
    if isinstance(exc, http_exceptions.InvalidURLError):
        return 400, "the request target is not a valid URL path"
    if isinstance(exc, http_exceptions.InvalidHeader):
        return 400, "a request header is malformed"
    if isinstance(exc, http_exceptions.BadStatusLine):
        return 400, "the request line is malformed"
    if isinstance(exc, http_exceptions.TransferEncodingError | http_exceptions.ContentLengthError):
        return 400, "the request body framing is invalid (Content-Length / Transfer-Encoding)"
    if isinstance(exc, http_exceptions.BadHttpMessage):
        text = str(getattr(exc, "message", "")).lower()
        if "too many headers" in text:
            return 431, "the request has too many headers"
        if "duplicate" in text and "host" in text:
            return 400, "the request has more than one Host header"
        if "transfer-encoding" in text or "content-length" in text:
            return 400, "the request body framing is invalid (Content-Length / Transfer-Encoding)"
        return 400, "the request is not well-formed HTTP"
    return 400, "the request is not well-formed HTTP"


class ConnectionGuard:
    """Every open connection of one server, with the cap and the idle bookkeeping."""

    def __init__(self, config: ServerConfig, sink: OnEntry | None):
        self.config = config
        self.sink = sink
        self.open: dict[GuardedHandler, None] = {}  # insertion-ordered set
        self.limited = RateLimitedLog(log)
        self.refused = 0
        # Eviction candidates while at the cap: (last_active, handler) as listed, idlest last.
        self._idle: list[tuple[float, GuardedHandler]] = []

    def admit(self, handler: GuardedHandler) -> bool:
        """Make room for ``handler``; False when every open connection is busy."""
        if len(self.open) < self.config.max_connections:
            if self._idle:
                self._idle.clear()  # below the cap again: hold no closed connection
        else:
            victim = self._longest_idle()
            if victim is None:
                self.refused += 1
                self.limited.warning(
                    "cap",
                    f"token server: {len(self.open)} connections are busy (the limit); "
                    "refusing new ones until some finish",
                )
                return False
            self.drop(victim)
        self.open[handler] = None
        return True

    def _longest_idle(self) -> GuardedHandler | None:
        """The open connection idle longest that is not busy, or None.

        A burst of new connections at the cap (a load test's, next to a
        thousand idle ones) would scan every open connection per admission:
        0.2 ms per thousand, the loop stalled for each. So the connections are
        listed by idleness once and the list re-checked: an entry whose
        connection was active since (its stamp changed), is busy or closed is
        skipped (a busy one kept); a connection not on the list is newer than
        it. The list is made again when it runs out.
        """
        for fresh in (False, True):
            if fresh:
                listed = [(h.last_active, h) for h in self.open]
                listed.sort(key=_stamp, reverse=True)
                self._idle = listed
            idle, busy = self._idle, []
            while idle:
                stamp, candidate = idle.pop()
                if candidate.last_active != stamp or candidate not in self.open:
                    continue
                if candidate.busy:  # idle longer than the rest once its request is done
                    busy.append((stamp, candidate))
                    continue
                idle.extend(reversed(busy))
                return candidate
            idle.extend(reversed(busy))
        return None

    def drop(self, handler: GuardedHandler) -> None:
        self.open.pop(handler, None)
        handler.force_close()

    def forget(self, handler: GuardedHandler) -> None:
        self.open.pop(handler, None)


def _stamp(entry: tuple[float, GuardedHandler]) -> float:
    return entry[0]


class GuardedHandler(RequestHandler):
    """aiohttp's per-connection protocol with the guard's cap and JSON parse errors."""

    def __init__(self, manager: web.Server, guard: ConnectionGuard, **kwargs: Any) -> None:
        super().__init__(manager, **kwargs)
        self.guard = guard
        self.busy = False
        self.last_active = time.monotonic()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        if not self.guard.admit(self):
            # Reset rather than wait: the client learns at once and retries.
            sock = transport.get_extra_info("socket")
            if sock is not None:
                try:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00" * 2)
                except OSError:
                    pass
            transport.close()
            return
        super().connection_made(transport)

    def connection_lost(self, exc: BaseException | None) -> None:
        self.guard.forget(self)
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        self.last_active = time.monotonic()
        super().data_received(data)

    def handle_error(
        self,
        request: Any,
        status: int = 500,
        exc: BaseException | None = None,
        message: str | None = None,
    ) -> web.StreamResponse:
        """Broken HTTP (and, should one slip past the middleware, a bug): JSON, one log line."""
        if status >= 500:
            status, text = status, "internal error"
            self.guard.limited.warning(
                "internal", f"token server: internal error ({type(exc).__name__})"
            )
        else:
            status, text = parse_error_answer(exc)
        if request.writer.output_size > 0:
            raise ConnectionError("response already started; cannot send the error")
        sink = self.guard.sink
        if sink is not None:
            sink(LogEntry(time.time(), "-", "(malformed request)", "", "", status, 0.0, text))
        response = json_answer({"error": text}, status=status)
        response.force_close()
        return response

    def log_exception(self, *args: Any, **kwargs: Any) -> None:
        # aiohttp logs client mistakes with a traceback; one short line is enough.
        exc = kwargs.get("exc_info")
        name = type(exc).__name__ if isinstance(exc, BaseException) else "error"
        self.guard.limited.warning(f"protocol:{name}", f"token server: connection error ({name})")


def handler_factory(
    server: web.Server, guard: ConnectionGuard, loop: asyncio.AbstractEventLoop
) -> Callable[[], GuardedHandler]:
    config = guard.config

    def make() -> GuardedHandler:
        return GuardedHandler(
            server,
            guard,
            loop=loop,
            # Also the limit for a new connection's first request head: aiohttp
            # closes a connection still waiting for a whole request at this time.
            keepalive_timeout=config.header_timeout,
            access_log=None,
            max_line_size=8190,
            max_field_size=8190,
            max_headers=64,
        )

    return make


class GuardedSite(web.SockSite):
    """A :class:`web.SockSite` whose connections use :class:`GuardedHandler`."""

    def __init__(
        self, runner: web.AppRunner, sock: socket.socket, guard: ConnectionGuard, **kwargs: Any
    ) -> None:
        super().__init__(runner, sock, **kwargs)
        self._guard = guard
        self._listen_sock = sock

    async def start(self) -> None:
        await web.BaseSite.start(self)  # registers the site with its runner
        loop = asyncio.get_running_loop()
        server = self._runner.server
        assert server is not None
        self._server = await loop.create_server(
            handler_factory(server, self._guard, loop),
            sock=self._listen_sock,
            backlog=ACCEPT_BATCH,
        )
        # asyncio used ``backlog`` for listen() too; give the kernel queue its
        # full length back (the batch size above stays asyncio's).
        self._listen_sock.listen(LISTEN_BACKLOG)
