"""Run the token server in a background thread with its own event loop.

The CLI and the window both call :func:`start_server` and get a
:class:`ServerHandle`; the caller's thread never runs the event loop, so the
CLI can wait for signals and the window stays responsive. The listening
socket is bound in the caller's thread, so "port in use" and friends are
raised right there as :class:`ServerStartError`.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import secrets
import socket
import threading
from dataclasses import replace
from typing import Final

from aiohttp import web

from agora_desk.core import i18n
from agora_desk.core.errors import AgoraDeskError, InputError, os_reason
from agora_desk.core.hosts import is_loopback_host, is_unspecified_address
from agora_desk.core.i18n import _
from agora_desk.core.secret import Secret
from agora_desk.server.app import create_app
from agora_desk.server.config import ServerConfig
from agora_desk.server.connections import (
    ACCEPT_BATCH,
    LISTEN_BACKLOG,
    ConnectionGuard,
    GuardedSite,
    loop_exception_handler,
)
from agora_desk.server.requestlog import OnEntry, OnRequest, records_to

log = logging.getLogger(__name__)

DEFAULT_HOST: Final = "127.0.0.1"
DEFAULT_PORT: Final = 8082
START_TIMEOUT_S: Final = 10.0
# In-flight requests get this long to finish when the server stops.
SHUTDOWN_GRACE_S: Final = 1.0


class ServerStartError(AgoraDeskError):
    """The server could not start listening; the message says why and what to do."""


class PortInUse(ServerStartError):
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        super().__init__(
            _(
                "port {port} on {host} is already in use (another token server?); "
                "stop that program or choose another port"
            ).format(port=port, host=host)
        )


def new_access_key() -> Secret:
    """A fresh random access key (URL-safe, 128 bits and more)."""
    return Secret(secrets.token_urlsafe(24))


# File descriptors kept free: the accept batches in flight (asyncio accepts
# again before the idle connections it closed to make room are released,
# about three batches) plus the process's own files.
_FD_RESERVE: Final = 4 * ACCEPT_BATCH + 64


def connection_cap(wanted: int) -> int:
    """``wanted``, lowered to fit this process's open-file limit (raised first if allowed)."""
    try:
        import resource
    except ImportError:  # Windows: no RLIMIT_NOFILE
        return wanted
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted + _FD_RESERVE
    if soft != resource.RLIM_INFINITY and soft < target:
        new_soft = target if hard == resource.RLIM_INFINITY else min(target, hard)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (new_soft, hard))
        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(1, min(wanted, soft - _FD_RESERVE))


def _url(address: str, port: int) -> str:
    host = f"[{address}]" if ":" in address else address
    return f"http://{host}:{port}"


def lan_address() -> str | None:
    """This machine's address on its default route, best effort (no packet is sent)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        # connect() on UDP only picks a route and a source address.
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1, never routed anywhere real
        address = str(probe.getsockname()[0])
    except OSError:
        return None
    finally:
        probe.close()
    return None if is_loopback_host(address) or is_unspecified_address(address) else address


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, or :class:`ServerStartError` naming the problem."""
    if not 0 <= port <= 65535:
        raise InputError(
            "port",
            _("{port} is out of range; use 1 to 65535 (0 = any free port)").format(port=port),
        )
    if not host.strip():
        raise InputError("host", _("is empty; use 127.0.0.1 (this machine only) or 0.0.0.0"))
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ServerStartError(
            _("cannot listen on {host!r}: {reason}").format(host=host, reason=reason)
        ) from None
    family, kind, proto, _canonname, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        if os.name == "nt":
            # Windows' SO_REUSEADDR would let two servers share the port.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)  # type: ignore[attr-defined]
        else:
            # Restart right after a stop without waiting out TIME_WAIT; a live
            # listener still makes bind() fail on POSIX.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(LISTEN_BACKLOG)
        sock.setblocking(False)
    except OSError as exc:
        sock.close()
        raise _bind_error(exc, host, port) from None
    return sock


def _bind_error(exc: OSError, host: str, port: int) -> ServerStartError:
    if exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)):
        return PortInUse(host, port)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return ServerStartError(
            _(
                "not allowed to listen on port {port} of {host} (ports below 1024 need "
                "administrator rights); choose a port above 1024, such as 8082"
            ).format(port=port, host=host)
        )
    if exc.errno == errno.EADDRNOTAVAIL:
        return ServerStartError(
            _(
                "{host} is not an address of this machine; use 127.0.0.1, 0.0.0.0 or one of "
                "this machine's own addresses"
            ).format(host=host)
        )
    return ServerStartError(
        _("cannot listen on {host} port {port}: {reason}").format(
            host=host, port=port, reason=os_reason(exc)
        )
    )


def _finish_tasks(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel what the runner left (aiohttp cancels a busy connection without awaiting it) and
    run it to its end, as :func:`asyncio.run` does: a task still pending when the loop
    closes is reported as "Task was destroyed but it is pending!".
    """
    pending = asyncio.all_tasks(loop)
    for task in pending:
        task.cancel()
    try:
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
    except Exception:
        log.exception("token server: error while shutting down")


class ServerHandle:
    """A running server. :meth:`stop` is idempotent and safe from any thread."""

    def __init__(
        self,
        config: ServerConfig,
        sock: socket.socket,
        sink: OnEntry | None,
    ) -> None:
        self.config = config
        address = sock.getsockname()
        self.host: str = str(address[0])
        self.port: int = int(address[1])
        self.loopback = is_loopback_host(self.host)
        self.unspecified = is_unspecified_address(self.host)
        self._sock = sock
        self._loop = asyncio.new_event_loop()
        self._app = create_app(config, sink)
        self._guard = ConnectionGuard(
            replace(config, max_connections=connection_cap(config.max_connections)), sink
        )
        self._started = threading.Event()
        self._stopped = threading.Event()
        self._start_error: BaseException | None = None
        self._stop_lock = threading.Lock()
        self._thread = threading.Thread(
            target=self._run, name=f"token-server:{self.port}", daemon=True
        )

    @property
    def access_key(self) -> Secret | None:
        """The key clients must send, or None when the server needs none."""
        return self.config.access_key

    @property
    def connection_limit(self) -> int:
        return self._guard.config.max_connections

    @property
    def url(self) -> str:
        """The URL to use from this machine."""
        if self.unspecified:
            return _url("::1" if ":" in self.host else "127.0.0.1", self.port)
        return _url(self.host, self.port)

    @property
    def lan_url(self) -> str | None:
        """The URL other devices would use, when the server is reachable from them."""
        if self.loopback:
            return None
        if not self.unspecified:
            return self.url
        address = lan_address()
        return _url(address, self.port) if address else None

    @property
    def running(self) -> bool:
        return self._started.is_set() and not self._stopped.is_set()

    def _start(self, timeout: float) -> None:
        self._thread.start()
        if not self._started.wait(timeout):
            self.stop()
            raise ServerStartError(
                _("the server did not start within {seconds:.0f} s").format(seconds=timeout)
            )
        if self._start_error is not None:
            self._thread.join(timeout)
            raise ServerStartError(
                _("the server failed to start: {error}").format(error=self._start_error)
            )

    def _run(self) -> None:
        # The answers (and the log lines made from them) are read by the app under test
        # and searched for by its developers: English whatever the desktop speaks
        # (docs/cli.md, serve). Everything this thread's loop runs inherits it.
        with i18n.speaking(i18n.Language.ENGLISH):
            self._serve()

    def _serve(self) -> None:
        loop = self._loop
        asyncio.set_event_loop(loop)
        loop.set_exception_handler(loop_exception_handler(self._guard.limited))
        runner = web.AppRunner(self._app, access_log=None, shutdown_timeout=SHUTDOWN_GRACE_S)
        try:
            try:
                loop.run_until_complete(runner.setup())
                site = GuardedSite(runner, self._sock, self._guard)
                loop.run_until_complete(site.start())
            except Exception as exc:
                self._start_error = exc
                return
            finally:
                self._started.set()
            loop.run_forever()
        finally:
            try:
                loop.run_until_complete(runner.cleanup())
            except Exception:
                log.exception("token server: error while shutting down")
            finally:
                self._sock.close()
                _finish_tasks(loop)
                loop.close()
                self._stopped.set()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop listening, let in-flight requests finish (briefly), free the port."""
        with self._stop_lock:
            if self._thread.is_alive():
                with contextlib.suppress(RuntimeError):  # the loop already closed
                    self._loop.call_soon_threadsafe(self._loop.stop)
                if threading.current_thread() is not self._thread:
                    self._thread.join(timeout)
            elif not self._thread.ident:
                # Never started: just release the socket.
                self._sock.close()
                self._stopped.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the server has stopped; True if it has."""
        return self._stopped.wait(timeout)

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"ServerHandle({self.url}, {state})"


def start_server(
    config: ServerConfig,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    on_request: OnRequest | None = None,
    *,
    timeout: float = START_TIMEOUT_S,
    require_key: bool | None = None,
    on_entry: OnEntry | None = None,
) -> ServerHandle:
    """Bind, start serving in a background thread, return once it accepts requests.

    ``require_key``: None (the default) asks for an access key exactly when
    the bind is not loopback; a key is generated unless ``config`` has one
    (read it from :attr:`ServerHandle.access_key`).

    The request log: ``on_request`` gets a :class:`RequestRecord` per request, on the
    server's thread; ``on_entry`` (instead) gets the raw :class:`LogEntry`, to be redacted and
    shown later (:func:`~.requestlog.log_text`) - the cheaper way for a log under load.

    Raises :class:`InputError` for bad settings (credentials, port, host) and
    :class:`ServerStartError` (e.g. :class:`PortInUse`) when it cannot listen.
    """
    if on_request is not None and on_entry is not None:
        raise ValueError("give on_request or on_entry, not both")
    config.validate()
    sink = on_entry if on_request is None else records_to(on_request)
    sock = bind(host, port)
    try:
        wants_key = (
            require_key
            if require_key is not None
            else not is_loopback_host(str(sock.getsockname()[0]))
        )
        if wants_key and config.access_key is None:
            config = replace(config, access_key=new_access_key())
        elif require_key is False:
            config = replace(config, access_key=None)
        handle = ServerHandle(config, sock, sink)
    except BaseException:
        sock.close()
        raise
    handle._start(timeout)
    return handle
