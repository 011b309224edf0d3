"""What every request passes through: the Host check, CORS, the JSON error contract, the log.

Bad input gets a 4xx with ``{"error": "..."}``; nothing a client sends
produces a traceback. A bug of ours answers a 500 naming only the exception type.
"""

from __future__ import annotations

import asyncio
import functools
import hmac
import logging
import time
from typing import Final

from aiohttp import web

from agora_desk.core.errors import InputError
from agora_desk.core.hosts import ip_literal, is_localhost_name
from agora_desk.core.i18n import N_, _
from agora_desk.server.answers import json_answer
from agora_desk.server.config import CONFIG, ServerConfig
from agora_desk.server.connections import GuardedHandler
from agora_desk.server.handlers import ENDPOINTS, KNOWN_PREFIXES, Handler
from agora_desk.server.params import ApiError, too_large
from agora_desk.server.requestlog import (
    LOG_NOTES,
    LOG_SINK,
    LogNotes,
    log_request,
    note_error,
    redact,
)

log = logging.getLogger(__name__)

# The Signaling sample server's clients look at "code" in error answers too.
_CODE_IN_ERRORS = frozenset(("/fetch_rtm_token", "/fetch_rtc_token"))
STOPPED_BEFORE_ANSWER: Final = N_(
    "not answered: the server stopped before the request was complete"
)


def endpoint_name(path: str) -> str:
    """The route a path belongs to, for the log (unknown paths redacted)."""
    head = "/" + path.split("/", 2)[1] if path.startswith("/") else path
    return head if head in KNOWN_PREFIXES else redact(path, 64)


def host_name(host: str) -> str:
    """The name part of a Host header: no port, no brackets, lower case."""
    name = host.strip().lower()
    if name.startswith("["):
        name = name[1 : name.find("]")] if "]" in name else name
    elif name.count(":") == 1:
        name = name.rsplit(":", 1)[0]
    return name.rstrip(".")


def host_allowed(host: str | None, config: ServerConfig) -> bool:
    """A Host only this machine's own clients send: localhost, an IP literal, or a listed name.

    On every bind: a web page must not reach the server through a DNS name
    it controls (DNS rebinding) and read tokens as same-origin. Phones on the
    LAN use the IP address; other names must be listed (``--allow-host``).
    """
    if not host:
        return True  # HTTP/1.0 without Host: no browser sends that
    return _host_verdict(host, config.allowed_names)


# A client sends the same Host on every request; parsing it as an address costs
# a tenth of a token request. Bounded: the header is the client's to choose.
@functools.lru_cache(maxsize=256)
def _host_verdict(host: str, allowed: frozenset[str]) -> bool:
    name = host_name(host)
    return is_localhost_name(name) or ip_literal(name) is not None or name in allowed


KEY_HEADER: Final = "X-Agora-Desk-Key"
KEY_PARAM: Final = "key"
# Answer without the key: health checks and CORS preflights (browsers send no
# custom header on those); neither reveals anything.
_OPEN_PATHS: Final = frozenset(("/ping", "/ping/"))


def key_ok(request: web.Request, config: ServerConfig) -> bool:
    if config.access_key is None or request.path in _OPEN_PATHS:
        return True
    given = request.headers.get(KEY_HEADER) or request.query.get(KEY_PARAM) or ""
    expected = config.access_key.reveal()
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))


def error_response(status: int, message: str, request: web.Request) -> web.Response:
    note_error(request, message)
    body: dict[str, str] = {"error": message}
    if request.path in _CODE_IN_ERRORS:
        body["code"] = str(status)
    return json_answer(body, status=status)


def _http_error(exc: web.HTTPException, request: web.Request) -> web.Response:
    if isinstance(exc, web.HTTPMethodNotAllowed):
        allowed = ", ".join(sorted(m for m in exc.allowed_methods if m != "HEAD"))
        return error_response(
            405, f"{request.method} is not allowed on {request.path}; use {allowed}", request
        )
    if isinstance(exc, web.HTTPNotFound):
        return error_response(
            404,
            f"no endpoint at {redact(request.path, 64)}; endpoints: {', '.join(ENDPOINTS)}",
            request,
        )
    if isinstance(exc, web.HTTPRequestEntityTooLarge):
        return error_response(413, too_large(request).message, request)
    return error_response(exc.status, exc.reason, request)


def _preflight(request: web.Request) -> web.Response:
    exc = request.match_info.http_exception
    if isinstance(exc, web.HTTPNotFound):
        return _http_error(exc, request)
    headers = {
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": request.headers.get(
            "Access-Control-Request-Headers", "Content-Type"
        ),
        "Access-Control-Max-Age": "600",
    }
    return web.Response(status=204, headers=headers)


async def _answer(request: web.Request, handler: Handler) -> web.StreamResponse:
    config = request.app[CONFIG]
    if not host_allowed(request.headers.get("Host"), config):
        return error_response(
            403,
            f"Host {redact(host_name(request.host), 64)!r} refused: the server answers only to "
            "localhost, an IP address, or a name given with --allow-host (DNS-rebinding "
            "protection)",
            request,
        )
    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
        if config.cors_origin is None:
            return error_response(
                403,
                "CORS is off; start the server with --cors-origin ORIGIN to allow a web page",
                request,
            )
        return _preflight(request)
    if not key_ok(request, config):
        return error_response(
            401,
            f"this server needs its access key: send the header {KEY_HEADER}: KEY or add "
            f"?{KEY_PARAM}=KEY (the key was printed when the server started)",
            request,
        )
    length = request.content_length
    if length is not None and length > config.max_body_bytes:
        return error_response(413, too_large(request).message, request)
    try:
        return await handler(request)
    except ApiError as exc:
        return error_response(exc.status, exc.message, request)
    except InputError as exc:
        return error_response(400, str(exc), request)
    except web.HTTPException as exc:
        return _http_error(exc, request)


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    # The clock and the notes only for a log someone reads.
    sink = request.app[LOG_SINK]
    request[LOG_NOTES] = None if sink is None else LogNotes()
    started = 0.0 if sink is None else time.perf_counter()
    status = 500
    protocol = request.protocol
    guarded = protocol if isinstance(protocol, GuardedHandler) else None
    if guarded is not None:
        guarded.busy = True
    try:
        try:
            response = await _answer(request, handler)
        except asyncio.CancelledError:
            # Only the runner's shutdown cancels a handler (one still reading its body).
            status = 503
            note_error(request, _(STOPPED_BEFORE_ANSWER))
            raise
        except Exception as exc:  # a bug of ours: answer in JSON, log the type only
            log.exception("token server: unexpected error on %s", endpoint_name(request.path))
            response = error_response(500, f"internal error ({type(exc).__name__})", request)
        status = response.status
        origin = request.app[CONFIG].cors_origin
        if origin is not None:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Vary"] = "Origin"
        return response
    finally:
        if guarded is not None:
            guarded.busy = False
        if sink is not None:
            elapsed = time.perf_counter() - started
            endpoint = endpoint_name(request.path)
            log_request(sink, request, endpoint, time.time() - elapsed, status, elapsed)
