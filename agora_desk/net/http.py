"""The HTTPS transport for test requests, over httpx.

Rules it keeps whoever calls it (the window or the CLI):

* TLS verification is always on. An extra CA bundle is *added* to the
  default trust store (certifi + the system's), never replaces it.
* HTTPS only, except loopback hosts (the URL rules of :mod:`agora_desk.core.rest`),
  on the first request and on every redirect.
* Redirects are followed here, not by httpx, so that ``Authorization``,
  ``x-agora-token`` and friends never reach another host; a body holding a
  token is not re-sent to another host either.
* Proxies come from the environment (``HTTPS_PROXY``, ``NO_PROXY`` ...),
  except for loopback hosts, which are always reached directly.
* One deadline covers the whole exchange; the body is read in chunks, the
  first ``max_body`` bytes kept and the rest only counted, so a 20 MB answer
  neither fills memory nor hangs a view.
* ``cancel`` (a :class:`threading.Event`) may be set from any thread: the
  call returns within a few tens of milliseconds with :class:`Cancelled`.
  The exchange itself runs in a daemon thread that is told to stop and whose
  sockets are shut down, so a stuck read cannot hold the caller.

Errors are :class:`TransportError` subclasses with a ``kind`` that
:func:`agora_desk.core.rest.explain.explain` turns into a sentence.
"""

from __future__ import annotations

import contextlib
import contextvars
import socket
import ssl
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Final

import httpx

from agora_desk import __version__
from agora_desk.core.errors import AgoraDeskError, InputError, exception_chain
from agora_desk.core.hosts import is_loopback_host
from agora_desk.core.i18n import _
from agora_desk.core.redact import SENSITIVE_HEADERS, holds_secret
from agora_desk.core.rest.model import FailureKind, Header, Prepared
from agora_desk.core.rest.urls import origin_of, parse_url, same_origin
from agora_desk.net.decoding import Decoder, DecodingError, layers_of

DEFAULT_TIMEOUT: Final = 15.0
MAX_BODY: Final = 2 * 1024 * 1024  # bytes of a body that are kept
COUNT_LIMIT: Final = 256 * 1024 * 1024  # past this, stop counting the rest
DECODE_MARGIN: Final = 1024 * 1024  # decoded bytes of a compressed body counted past the kept part
MAX_REDIRECTS: Final = 5
REDIRECT_CODES: Final = frozenset({301, 302, 303, 307, 308})
# Headers that carry credentials and stay with the host they were meant for.
CREDENTIAL_HEADERS: Final = SENSITIVE_HEADERS | {"x-agora-uid"}
_POLL: Final = 0.02
_CHUNK: Final = 64 * 1024


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


class TransportError(AgoraDeskError):
    """The request did not get an HTTP answer. ``kind`` names why, for explanations.

    A subclass states its kind in its header: ``class TlsError(TransportError, kind=...)``.
    """

    kind: ClassVar[FailureKind] = FailureKind.CONNECTION

    def __init_subclass__(cls, *, kind: FailureKind | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if kind is not None:
            cls.kind = kind

    def __init__(self, message: str, *, detail: str = "", elapsed_ms: float = 0.0) -> None:
        self.detail = detail
        self.elapsed_ms = elapsed_ms
        super().__init__(message)


class TlsError(TransportError, kind=FailureKind.TLS):
    """The handshake failed: an untrusted or mismatched certificate, or no common protocol."""


class RequestTimeout(TransportError, kind=FailureKind.TIMEOUT):
    """No answer within the timeout."""


class DnsError(TransportError, kind=FailureKind.DNS):
    """The host name did not resolve."""


class ConnectError(TransportError, kind=FailureKind.CONNECTION):
    """The connection failed or broke before an answer."""


class ConnectionRefused(ConnectError, kind=FailureKind.REFUSED):
    """Nothing listens at that host and port."""


class ProxyError(ConnectError, kind=FailureKind.PROXY):
    """The proxy from the environment failed."""


class Cancelled(TransportError, kind=FailureKind.CANCELLED):
    """The user cancelled before an answer arrived."""


class TooManyRedirects(TransportError, kind=FailureKind.REDIRECTS):
    """The redirect limit was reached."""


class InsecureRedirect(TransportError, kind=FailureKind.INSECURE_REDIRECT):
    """A redirect pointed to plain http://."""


class BadEncoding(TransportError, kind=FailureKind.DECODING):
    """The body does not decode as its Content-Encoding says."""


class CaFileError(InputError):
    """The extra CA bundle cannot be used (an input problem: exit 2)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__("CA file", f"{path}: {problem}")


# --------------------------------------------------------------------------
# Options and responses
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    timeout: float = DEFAULT_TIMEOUT
    ca_file: str | None = None
    max_redirects: int = MAX_REDIRECTS
    max_body: int = MAX_BODY
    count_limit: int = COUNT_LIMIT
    trust_env: bool = True  # proxies from HTTPS_PROXY / HTTP_PROXY / NO_PROXY

    def __post_init__(self) -> None:
        if not self.timeout > 0:
            raise InputError(
                "timeout",
                _("{value} must be a positive number of seconds").format(value=repr(self.timeout)),
            )


@dataclass(frozen=True)
class Response:
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes  # the kept part: at most Options.max_body bytes
    elapsed_ms: float
    url: str  # where the answer came from, after redirects
    truncated: bool = False
    total_bytes: int = 0  # as received (after content decoding)
    total_known: bool = True  # False: counting stopped (deadline or count limit)
    http_version: str = "HTTP/1.1"
    redirects: tuple[str, ...] = ()  # every URL that answered with a redirect
    notes: tuple[str, ...] = field(default=())  # e.g. credentials dropped at a redirect

    def header(self, name: str, default: str = "") -> str:
        lower = name.lower()
        for key, value in self.headers:
            if key.lower() == lower:
                return value
        return default

    def headers_dict(self) -> dict[str, str]:
        """Repeated headers joined with ', ' (as HTTP allows for most of them)."""
        out: dict[str, str] = {}
        for key, value in self.headers:
            out[key] = f"{out[key]}, {value}" if key in out else value
        return out

    @property
    def content_type(self) -> str:
        return self.header("content-type")

    @property
    def ok(self) -> bool:
        return self.status < 400

    @property
    def size_text(self) -> str:
        total = f"{self.total_bytes:,}" + ("" if self.total_known else "+")
        if self.truncated:
            return _("{total} bytes, first {kept} kept").format(
                total=total, kept=f"{len(self.body):,}"
            )
        return _("{total} bytes").format(total=total)


# --------------------------------------------------------------------------
# TLS
# --------------------------------------------------------------------------


def ssl_context(ca_file: str | None = None) -> ssl.SSLContext:
    """Verification on, hostnames checked; ``ca_file`` added to the default trust."""
    ctx = ssl.create_default_context()  # system store, CERT_REQUIRED, check_hostname
    with contextlib.suppress(ImportError, OSError, ssl.SSLError):
        import certifi

        ctx.load_verify_locations(cafile=certifi.where())
    if ca_file:
        path = Path(ca_file).expanduser()
        if not path.is_file():
            raise CaFileError(ca_file, _("no such file"))
        try:
            ctx.load_verify_locations(cafile=str(path))
        except ssl.SSLError as exc:
            raise CaFileError(
                ca_file,
                _("not a PEM CA bundle ({error})").format(error=exc.reason or exc.strerror or exc),
            ) from None
        except (OSError, ValueError) as exc:
            raise CaFileError(ca_file, _("cannot read it ({error})").format(error=exc)) from None
    return ctx


# --------------------------------------------------------------------------
# Errors from httpx
# --------------------------------------------------------------------------


def translate(exc: BaseException, url: str, timeout: float) -> TransportError:
    """A typed, user-actionable error for an httpx / socket failure."""
    host = urllib.parse.urlsplit(url).hostname or url
    chain = list(exception_chain(exc))
    text = " | ".join(str(e) for e in chain)
    for e in chain:
        if isinstance(e, ssl.SSLCertVerificationError):
            reason = e.verify_message or e.reason or _("verification failed")
            return TlsError(
                _(
                    "TLS: the certificate of {host} is not trusted ({reason}); if a proxy "
                    "inspects TLS, add its CA bundle with --ca-file"
                ).format(host=host, reason=reason),
                detail=str(reason),
            )
    for e in chain:
        if isinstance(e, ssl.SSLError):
            return TlsError(
                _("TLS handshake with {host} failed ({error})").format(
                    host=host, error=e.reason or e
                ),
                detail=str(e.reason or e),
            )
    if isinstance(exc, httpx.ProxyError):
        return ProxyError(
            _("the proxy failed: {error}; check HTTPS_PROXY / NO_PROXY").format(error=exc)
        )
    if isinstance(exc, httpx.TimeoutException) or any(isinstance(e, socket.timeout) for e in chain):
        return RequestTimeout(
            _("{host} did not answer within {seconds} s").format(host=host, seconds=f"{timeout:g}")
        )
    for e in chain:
        if isinstance(e, socket.gaierror):
            return DnsError(
                _("cannot resolve {host}: {error}").format(host=repr(host), error=e.strerror or e),
                detail=str(e),
            )
        if isinstance(e, ConnectionRefusedError):
            port = urllib.parse.urlsplit(url).port or 443
            return ConnectionRefused(
                _("{host} refused the connection").format(host=f"{host}:{port}")
            )
    low = text.lower()
    if "name or service not known" in low or "nodename nor servname" in low or "getaddrinfo" in low:
        return DnsError(_("cannot resolve {host}").format(host=repr(host)))
    if "connection refused" in low or "errno 111" in low:
        return ConnectionRefused(_("{host} refused the connection").format(host=host))
    if "certificate_verify_failed" in low or "ssl" in low:
        return TlsError(
            _("TLS with {host} failed ({error})").format(host=host, error=exc), detail=str(exc)
        )
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return ConnectError(
            _("{host} closed the connection before a complete answer ({error})").format(
                host=host, error=exc
            )
        )
    return ConnectError(
        _("cannot reach {host}: {error}").format(host=host, error=exc or type(exc).__name__)
    )


# --------------------------------------------------------------------------
# The exchange
# --------------------------------------------------------------------------


class _Exchange:
    """One request and its redirects, run in a worker thread."""

    def __init__(self, prepared: Prepared, options: Options, ctx: ssl.SSLContext) -> None:
        self.prepared = prepared
        self.options = options
        self.ctx = ctx
        self.abort = threading.Event()
        self.done = threading.Event()
        self.lock = threading.Lock()
        self.phase = "request"  # "request" -> "body" -> "counting"
        self.kept = bytearray()
        self.total = 0
        self.total_known = True
        self.result: Response | None = None
        self.error: BaseException | None = None
        self.current: httpx.Response | None = None
        self.clients: list[httpx.Client] = []
        self.start = time.perf_counter()
        self.meta: dict[str, Any] = {}

    def elapsed_ms(self) -> float:
        return (time.perf_counter() - self.start) * 1000.0

    def client(self, url: str) -> httpx.Client:
        direct = is_loopback_host(urllib.parse.urlsplit(url).hostname or "")
        trust_env = self.options.trust_env and not direct
        for c in self.clients:
            if c.trust_env == trust_env:
                return c
        c = httpx.Client(
            verify=self.ctx,
            trust_env=trust_env,
            timeout=httpx.Timeout(self.options.timeout),
            follow_redirects=False,
            # Only encodings net.decoding undoes in bounded steps.
            headers={"User-Agent": f"agora-desk/{__version__}", "Accept-Encoding": "gzip, deflate"},
        )
        self.clients.append(c)
        return c

    def run(self) -> None:
        try:
            self.result = self._run()
        except BaseException as exc:
            self.error = exc
        finally:
            self.close()
            self.done.set()

    def _run(self) -> Response:
        method = self.prepared.method
        url = self.prepared.url
        headers: list[Header] = list(self.prepared.headers)
        body = self.prepared.body
        redirects: list[str] = []
        notes: list[str] = []
        while True:
            self.check_abort()
            client = self.client(url)
            request = client.build_request(
                method, url, headers=[(h.name, h.reveal()) for h in headers], content=body
            )
            try:
                resp = client.send(request, stream=True)
            except httpx.HTTPError as exc:
                self.check_abort()
                raise translate(exc, url, self.options.timeout) from None
            self.current = resp
            location = resp.headers.get("location")
            if resp.status_code not in REDIRECT_CODES or not location:
                break
            target = urllib.parse.urljoin(url, location)
            cross = not same_origin(url, target)
            keeps_body = resp.status_code in (307, 308)
            if (
                cross
                and keeps_body
                and body is not None
                and holds_secret(body, self.prepared.secrets)
            ):
                notes.append(
                    _(
                        "the {status} redirect to {origin} was not followed: the body holds a "
                        "token or a secret, which is not sent to another host"
                    ).format(status=resp.status_code, origin=origin_of(target))
                )
                break
            resp.close()
            redirects.append(url)
            if len(redirects) > self.options.max_redirects:
                raise TooManyRedirects(
                    _("more than {count} redirects (last to {target})").format(
                        count=self.options.max_redirects, target=target
                    )
                )
            try:
                parse_url(target, "redirect")
            except InputError as exc:
                raise InsecureRedirect(
                    _("{origin} redirected to {target}, which is refused: {problem}").format(
                        origin=origin_of(url), target=target, problem=exc.problem
                    )
                ) from None
            if cross:
                dropped = [h.name for h in headers if h.name.lower() in CREDENTIAL_HEADERS]
                if dropped:
                    headers = [h for h in headers if h.name.lower() not in CREDENTIAL_HEADERS]
                    notes.append(
                        _(
                            "redirected to {origin}: {headers} not sent there (credentials "
                            "stay with the host they are for)"
                        ).format(origin=origin_of(target), headers=", ".join(dropped))
                    )
            if resp.status_code == 303 or (
                resp.status_code in (301, 302) and method not in ("GET", "HEAD")
            ):
                method = "GET"
                body = None
                headers = [h for h in headers if h.name.lower() != "content-length"]
            url = target
        return self._read(resp, url, tuple(redirects), tuple(notes))

    def _read(
        self, resp: httpx.Response, url: str, redirects: tuple[str, ...], notes: tuple[str, ...]
    ) -> Response:
        limit = self.options.max_body
        with self.lock:
            self.phase = "body"
            self.meta = {
                "status": resp.status_code,
                "reason": resp.reason_phrase,
                "headers": tuple(resp.headers.multi_items()),
                "url": url,
                "http_version": resp.http_version,
                "redirects": redirects,
                "notes": notes,
            }
        encoding = resp.headers.get("content-encoding", "")
        layers = layers_of(encoding)
        if layers is None:
            # Not one we can undo in bounded steps: kept as received, and said so.
            layers = []
            notes += (
                _("the body is {encoding}-encoded and shown as received").format(encoding=encoding),
            )
            with self.lock:
                self.meta["notes"] = notes
        decoder = Decoder(layers)
        # A compressed body is decoded no further than the kept part plus a margin: past
        # it, counting would only spend CPU on what a bomb inflates to.
        count_limit = limit + DECODE_MARGIN if layers else self.options.count_limit
        try:
            for raw in resp.iter_raw(_CHUNK):
                self.check_abort()
                for chunk in decoder.feed(raw):
                    if self._keep(chunk, limit, count_limit):
                        return self.response()
        except httpx.HTTPError as exc:
            self.check_abort()
            raise translate(exc, url, self.options.timeout) from None
        except DecodingError as exc:
            raise BadEncoding(f"{origin_of(url)}: {exc}") from None
        return self.response()

    def _keep(self, chunk: bytes, limit: int, count_limit: int) -> bool:
        """Keep the first ``limit`` decoded bytes and count the rest; True: stop reading."""
        with self.lock:
            room = limit - len(self.kept)
            if room > 0:
                self.kept += chunk[:room]
            self.total += len(chunk)
            if len(self.kept) >= limit:
                self.phase = "counting"
            if self.total >= count_limit:
                self.total_known = False
                return True
        return False

    def response(self) -> Response:
        with self.lock:
            m = self.meta
            return Response(
                status=int(m["status"]),
                reason=str(m["reason"]),
                headers=m["headers"],
                body=bytes(self.kept),
                elapsed_ms=self.elapsed_ms(),
                url=str(m["url"]),
                truncated=self.total > len(self.kept),
                total_bytes=self.total,
                total_known=self.total_known,
                http_version=str(m["http_version"]),
                redirects=m["redirects"],
                notes=m["notes"],
            )

    def check_abort(self) -> None:
        if self.abort.is_set():
            raise Cancelled(_("cancelled"))

    def stop(self) -> None:
        """From the waiting thread: make the worker's blocked read return, then let it go."""
        self.abort.set()
        resp = self.current
        if resp is not None:
            stream = resp.extensions.get("network_stream")
            sock = None
            with contextlib.suppress(Exception):
                sock = stream.get_extra_info("socket") if stream is not None else None
            if isinstance(sock, socket.socket):
                with contextlib.suppress(Exception):
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def close(self) -> None:
        if self.current is not None:
            with contextlib.suppress(Exception):
                self.current.close()
        for c in self.clients:
            with contextlib.suppress(Exception):
                c.close()


def send(
    prepared: Prepared,
    options: Options | None = None,
    cancel: threading.Event | None = None,
) -> Response:
    """Send ``prepared`` and return the answer (any status), or raise :class:`TransportError`.

    Raises :class:`~agora_desk.core.errors.InputError` (before any I/O) for a
    URL the rules refuse or an unusable CA file.
    """
    opts = options or Options()
    parse_url(prepared.url, "URL")
    if cancel is not None and cancel.is_set():
        raise Cancelled(_("cancelled"))
    ctx = ssl_context(opts.ca_file)
    exchange = _Exchange(prepared, opts, ctx)
    # The worker runs in the caller's context: its messages come in the caller's language
    # (English inside i18n.speaking for --json).
    worker = threading.Thread(
        target=contextvars.copy_context().run,
        args=(exchange.run,),
        name="agora-desk-http",
        daemon=True,
    )
    worker.start()
    deadline = exchange.start + opts.timeout
    while not exchange.done.wait(_POLL):
        if cancel is not None and cancel.is_set():
            exchange.stop()
            raise Cancelled(_("cancelled"), elapsed_ms=exchange.elapsed_ms())
        if time.perf_counter() >= deadline:
            with exchange.lock:
                counting = exchange.phase == "counting"
                if counting:
                    exchange.total_known = False
            exchange.stop()
            if counting:
                # The kept part is complete; only the count of the rest is cut short.
                return exchange.response()
            raise RequestTimeout(
                _("{origin} gave no complete answer within {seconds} s").format(
                    origin=origin_of(prepared.url), seconds=f"{opts.timeout:g}"
                ),
                elapsed_ms=exchange.elapsed_ms(),
            )
    if exchange.error is not None:
        error = exchange.error
        if isinstance(error, TransportError) and not error.elapsed_ms:
            error.elapsed_ms = exchange.elapsed_ms()
        raise error
    assert exchange.result is not None
    return exchange.result
