"""The token server's HTTP app (aiohttp), compatible with the servers apps are wired to.

Endpoints (see ``spec/cli.md``, "serve"):

* ``GET /ping``
* ``POST /fetch_rtm_token``, ``POST /fetch_rtc_token`` - the Signaling docs' sample server
* ``GET /rtc/…``, ``GET /rtm/…``, ``GET /rte/…``, ``POST /getToken`` - the community
  token service

Every token is made by :mod:`agora_desk.core.builders`, so the server says the
same thing about a value as the window and the CLI do. Bad input gets a 4xx
with ``{"error": "..."}``; nothing a client sends produces a traceback.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from aiohttp import web

from agora_desk.core.builders import (
    BuildResult,
    ChatRequest,
    Credentials,
    RtcRequest,
    RtmRequest,
    build_chat,
    build_rtc,
    build_rtm,
    check_credentials,
    parse_role,
)
from agora_desk.core.errors import InputError
from agora_desk.core.secret import Secret
from agora_desk.core.validation import (
    Issue,
    check_user_id,
    parse_seconds,
    parse_uid,
    raise_for_errors,
)

log = logging.getLogger(__name__)

# Real requests are a few hundred bytes; anything bigger is a mistake or abuse.
MAX_BODY_BYTES: Final = 16 * 1024
LOG_FIELD_MAX: Final = 48
ENDPOINTS: Final = (
    "GET /ping",
    "POST /fetch_rtm_token",
    "POST /fetch_rtc_token",
    "GET /rtc/:channel/:role/:tokentype/:uid/",
    "GET /rtm/:uid/",
    "GET /rte/:channel/:role/:tokentype/:uid/",
    "POST /getToken",
)
_KNOWN_PREFIXES: Final = frozenset(
    ("/ping", "/fetch_rtm_token", "/fetch_rtc_token", "/rtc", "/rtm", "/rte", "/getToken")
)
# A token (007/006/005 + base64) or a 32-hex string (an App ID or a certificate).
_SECRETISH = re.compile(r"(?:00[5-7][A-Za-z0-9+/=]{16,}|\b[0-9a-fA-F]{32}\b)")


@dataclass(frozen=True)
class ServerConfig:
    """What the server signs with and how it answers."""

    app_id: str
    app_certificate: Secret
    default_expire: int = 3600
    cors_origin: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    profile: str | None = None

    def validate(self) -> None:
        """Raise :class:`InputError` now rather than a 400 on every request."""
        check_credentials(self.credentials())
        parse_seconds(self.default_expire, "default expiry")
        if self.cors_origin is not None and not self.cors_origin.strip():
            raise InputError("CORS origin", "is empty; give an origin like http://localhost:3000")

    def credentials(self) -> Credentials:
        return Credentials(self.app_id, self.app_certificate.reveal())


@dataclass(frozen=True)
class RequestRecord:
    """One line of the request log. Never holds a token or a secret in full."""

    time: datetime
    method: str
    endpoint: str
    channel: str
    uid: str
    status: int
    duration_ms: float
    detail: str = ""  # the error message or the SDK-rule warnings, if any

    def format_line(self) -> str:
        """One access-log line, as the CLI prints it."""
        parts = [self.time.strftime("%H:%M:%S"), self.method, self.endpoint]
        if self.channel:
            parts.append(f"channel={self.channel}")
        if self.uid:
            parts.append(f"uid={self.uid}")
        parts += [str(self.status), f"{self.duration_ms:.1f} ms"]
        line = " ".join(parts)
        return f"{line} - {self.detail}" if self.detail else line


OnRequest = Callable[[RequestRecord], None]

CONFIG: Final = web.AppKey("config", ServerConfig)
ON_REQUEST: Final = web.AppKey("on_request", object)
CHECK_HOST: Final = web.AppKey("check_host", bool)
# What a handler learnt about the request, for the log line.
LOG_CHANNEL: Final = web.RequestKey("channel", str)
LOG_UID: Final = web.RequestKey("uid", str)
LOG_WARNINGS: Final = web.RequestKey("warnings", tuple)
LOG_ERROR: Final = web.RequestKey("error", str)


class ApiError(Exception):
    """A 4xx answer with a message for the caller."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def redact(text: str, limit: int = LOG_FIELD_MAX) -> str:
    """Shorten ``text`` for a log: tokens and hex keys cut to a prefix, long text clipped."""
    text = _SECRETISH.sub(lambda m: m.group(0)[:6] + "…", text)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- reading input ------------------------------------------------------------

_MISSING = object()


async def _json_body(request: web.Request) -> dict[str, Any]:
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise _too_large(request) from None
    if not raw.strip():
        raise ApiError(400, "the request body is empty; send a JSON object")
    try:
        body = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ApiError(400, "the request body is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"the request body is not valid JSON ({exc})") from None
    if not isinstance(body, dict):
        raise ApiError(400, f"the request body must be a JSON object, not {_json_type(body)}")
    return body


def _too_large(request: web.Request) -> ApiError:
    limit = request.app[CONFIG].max_body_bytes
    return ApiError(413, f"the request body is larger than {limit} bytes")


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _field(body: Mapping[str, Any], name: str, *, required: bool) -> Any:
    value = body.get(name)
    if value is None:
        if required:
            raise InputError(name, "is missing from the request body")
        return _MISSING
    return value


def _text_field(body: Mapping[str, Any], name: str) -> str:
    value = _field(body, name, required=True)
    if not isinstance(value, str):
        raise InputError(name, f"must be a string, not {_json_type(value)}")
    if not value:
        raise InputError(name, "is empty")
    return value


def _rtc_identity(value: Any, field: str = "uid") -> tuple[int, str | None]:
    """A JSON uid: a number or an all-digit string is a uid, other text a user account."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InputError(field, f"must be a number or a string, not {_json_type(value)}")
    if isinstance(value, str):
        if not value:
            raise InputError(field, "is empty; give 0 for any user, a uid or a user account")
        if not (value.isascii() and value.isdigit()):
            return 0, value
    return parse_uid(value, field), None


def _user_id(value: Any, field: str = "uid") -> str:
    """An RTM / Chat user ID: text, or a number written as text."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InputError(field, f"must be a string or a number, not {_json_type(value)}")
    text = str(value)
    raise_for_errors(check_user_id(text, field))
    return text


def _expire(value: Any, default: int, field: str) -> int:
    """Seconds; missing or 0 means the server's default, as in the community services."""
    if value is _MISSING:
        return default
    if isinstance(value, float):
        raise InputError(field, f"{value!r} is not a whole number of seconds")
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InputError(field, f"must be a number of seconds, not {_json_type(value)}")
    return parse_seconds(value, field) or default


def _query_expiry(request: web.Request) -> int:
    value = request.query.get("expiry")
    return _expire(
        _MISSING if value is None else value, request.app[CONFIG].default_expire, "expiry"
    )


def _path_identity(tokentype: str, uid: str) -> tuple[int, str | None]:
    kind = tokentype.lower()
    if kind == "uid":
        if not (uid.isascii() and uid.isdigit()):
            raise InputError(
                "uid",
                f"{uid!r} is not a whole number; for a string user account use "
                "tokentype userAccount",
            )
        return parse_uid(uid), None
    if kind in ("useraccount", "account"):
        return 0, uid
    raise InputError("tokentype", f"{tokentype!r} is not a token type; use uid or userAccount")


# -- building -------------------------------------------------------------------


def _note(request: web.Request, *, channel: str | None = None, uid: str | None = None) -> None:
    if channel is not None:
        request[LOG_CHANNEL] = channel
    if uid is not None:
        request[LOG_UID] = uid


def _warn(request: web.Request, result: BuildResult) -> None:
    if result.warnings:
        request[LOG_WARNINGS] = request.get(LOG_WARNINGS, ()) + result.warnings


def _rtc(
    request: web.Request, channel: str, identity: tuple[int, str | None], role: str, expire: int
) -> str:
    uid, account = identity
    req = RtcRequest(
        channel=channel, uid=uid, account=account, role=parse_role(role), expire=expire
    )
    result = build_rtc(request.app[CONFIG].credentials(), req)
    _warn(request, result)
    return result.token


def _rtm(request: web.Request, user_id: str, expire: int) -> str:
    result = build_rtm(request.app[CONFIG].credentials(), RtmRequest(user_id, expire))
    _warn(request, result)
    return result.token


def _chat(request: web.Request, user_id: str, expire: int) -> str:
    result = build_chat(request.app[CONFIG].credentials(), ChatRequest(user_id, expire))
    _warn(request, result)
    return result.token


def _role(body: Mapping[str, Any]) -> str:
    value = _field(body, "role", required=False)
    if value is _MISSING:
        return "publisher"
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InputError("role", f"must be publisher or subscriber, not {_json_type(value)}")
    return str(value)


def _body_expire(request: web.Request, body: Mapping[str, Any]) -> int:
    value = _field(body, "expire", required=False)
    return _expire(value, request.app[CONFIG].default_expire, "expire")


def _body_rtc(request: web.Request, body: Mapping[str, Any], expire: int) -> str:
    channel = _text_field(body, "channel")
    _note(request, channel=channel)
    raw_uid = _field(body, "uid", required=True)
    _note(request, uid=str(raw_uid))
    return _rtc(request, channel, _rtc_identity(raw_uid), _role(body), expire)


def _body_rtm(request: web.Request, body: Mapping[str, Any], expire: int) -> str:
    user_id = _user_id(_field(body, "uid", required=True))
    _note(request, uid=user_id)
    return _rtm(request, user_id, expire)


# -- handlers ---------------------------------------------------------------------


async def ping(request: web.Request) -> web.StreamResponse:
    return web.json_response({"message": "pong"})


async def fetch_rtm_token(request: web.Request) -> web.StreamResponse:
    body = await _json_body(request)
    token = _body_rtm(request, body, _body_expire(request, body))
    return web.json_response({"token": token, "code": "200"})


async def fetch_rtc_token(request: web.Request) -> web.StreamResponse:
    body = await _json_body(request)
    token = _body_rtc(request, body, _body_expire(request, body))
    return web.json_response({"token": token, "code": "200"})


async def rtc_path(request: web.Request) -> web.StreamResponse:
    m = request.match_info
    _note(request, channel=m["channel"], uid=m["uid"])
    identity = _path_identity(m["tokentype"], m["uid"])
    token = _rtc(request, m["channel"], identity, m["role"], _query_expiry(request))
    return web.json_response({"rtcToken": token})


async def rtm_path(request: web.Request) -> web.StreamResponse:
    uid = request.match_info["uid"]
    _note(request, uid=uid)
    return web.json_response({"rtmToken": _rtm(request, uid, _query_expiry(request))})


async def rte_path(request: web.Request) -> web.StreamResponse:
    m = request.match_info
    _note(request, channel=m["channel"], uid=m["uid"])
    identity = _path_identity(m["tokentype"], m["uid"])
    expire = _query_expiry(request)
    rtc_token = _rtc(request, m["channel"], identity, m["role"], expire)
    return web.json_response({"rtcToken": rtc_token, "rtmToken": _rtm(request, m["uid"], expire)})


async def get_token(request: web.Request) -> web.StreamResponse:
    body = await _json_body(request)
    kind = _text_field(body, "tokenType").lower()
    expire = _body_expire(request, body)
    if kind == "rtc":
        token = _body_rtc(request, body, expire)
    elif kind == "rtm":
        token = _body_rtm(request, body, expire)
    elif kind == "chat":
        raw = _field(body, "uid", required=False)
        # As the community service: no uid (or "") asks for an app token.
        user_id = "" if raw is _MISSING or raw == "" else _user_id(raw)
        _note(request, uid=user_id or "(app token)")
        token = _chat(request, user_id, expire)
    else:
        raise InputError("tokenType", f"{kind!r} is not a token type; use rtc, rtm or chat")
    return web.Response(text=token, content_type="text/plain")


# -- the app ------------------------------------------------------------------------

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _endpoint(path: str) -> str:
    head = "/" + path.split("/", 2)[1] if path.startswith("/") else path
    return head if head in _KNOWN_PREFIXES else redact(path, 64)


def host_allowed(host: str | None) -> bool:
    """A Host a browser can only send for this machine: ``localhost`` or an IP literal.

    While the server listens on loopback, a web page must not reach it through
    a DNS name it controls (DNS rebinding) and read tokens as same-origin.
    """
    if not host:
        return True
    name = host.strip().lower()
    if name.startswith("["):
        name = name[1 : name.find("]")] if "]" in name else name
    elif name.count(":") == 1:
        name = name.rsplit(":", 1)[0]
    name = name.rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(name.split("%", 1)[0])
    except ValueError:
        return False
    return True


def _error(status: int, message: str, request: web.Request) -> web.Response:
    request[LOG_ERROR] = message
    body: dict[str, str] = {"error": message}
    if request.path in ("/fetch_rtm_token", "/fetch_rtc_token"):
        # The Signaling sample server's clients look at "code".
        body["code"] = str(status)
    return web.json_response(body, status=status)


def _http_error(exc: web.HTTPException, request: web.Request) -> web.Response:
    if isinstance(exc, web.HTTPMethodNotAllowed):
        allowed = ", ".join(sorted(m for m in exc.allowed_methods if m != "HEAD"))
        return _error(
            405, f"{request.method} is not allowed on {request.path}; use {allowed}", request
        )
    if isinstance(exc, web.HTTPNotFound):
        return _error(
            404,
            f"no endpoint at {redact(request.path, 64)}; endpoints: {', '.join(ENDPOINTS)}",
            request,
        )
    if isinstance(exc, web.HTTPRequestEntityTooLarge):
        return _error(413, _too_large(request).message, request)
    return _error(exc.status, exc.reason, request)


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
    if request.app[CHECK_HOST] and not host_allowed(request.host):
        return _error(
            403,
            f"Host {redact(request.host, 64)!r} refused: while listening on loopback the server "
            "answers only to localhost or an IP address",
            request,
        )
    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
        if config.cors_origin is None:
            return _error(
                403,
                "CORS is off; start the server with --cors-origin ORIGIN to allow a web page",
                request,
            )
        return _preflight(request)
    length = request.content_length
    if length is not None and length > config.max_body_bytes:
        return _error(413, _too_large(request).message, request)
    try:
        return await handler(request)
    except ApiError as exc:
        return _error(exc.status, exc.message, request)
    except InputError as exc:
        return _error(400, str(exc), request)
    except web.HTTPException as exc:
        return _http_error(exc, request)


@web.middleware
async def _guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    started = time.perf_counter()
    stamp = datetime.now().astimezone()
    status = 500
    try:
        try:
            response = await _answer(request, handler)
        except Exception as exc:  # a bug of ours: answer in JSON, log the type only
            log.exception("token server: unexpected error on %s", _endpoint(request.path))
            response = _error(500, f"internal error ({type(exc).__name__})", request)
        status = response.status
        origin = request.app[CONFIG].cors_origin
        if origin is not None:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Vary"] = "Origin"
        return response
    finally:
        warnings: tuple[Issue, ...] = request.get(LOG_WARNINGS, ())
        detail = request.get(LOG_ERROR) or "; ".join(str(w) for w in warnings)
        _record(request, stamp, status, (time.perf_counter() - started) * 1000, detail)


def _record(
    request: web.Request, stamp: datetime, status: int, duration_ms: float, detail: str
) -> None:
    callback = request.app[ON_REQUEST]
    if callback is None:
        return
    record = RequestRecord(
        time=stamp,
        method=request.method,
        endpoint=_endpoint(request.path),
        channel=redact(str(request.get(LOG_CHANNEL, ""))),
        uid=redact(str(request.get(LOG_UID, ""))),
        status=status,
        duration_ms=duration_ms,
        detail=redact(detail, 200),
    )
    try:
        callback(record)  # type: ignore[operator]
    except Exception:
        # A broken log view must not break token serving.
        log.exception("token server: request-log callback failed")


def create_app(
    config: ServerConfig, on_request: OnRequest | None = None, *, check_host: bool = True
) -> web.Application:
    """The aiohttp app. ``check_host`` refuses DNS-rebinding hosts (use while on loopback)."""
    config.validate()
    app = web.Application(middlewares=[_guard], client_max_size=config.max_body_bytes)
    app[CONFIG] = config
    app[ON_REQUEST] = on_request
    app[CHECK_HOST] = check_host
    routes = [
        ("GET", "/ping", ping),
        ("POST", "/fetch_rtm_token", fetch_rtm_token),
        ("POST", "/fetch_rtc_token", fetch_rtc_token),
        ("GET", "/rtc/{channel}/{role}/{tokentype}/{uid}", rtc_path),
        ("GET", "/rtm/{uid}", rtm_path),
        ("GET", "/rte/{channel}/{role}/{tokentype}/{uid}", rte_path),
        ("POST", "/getToken", get_token),
    ]
    for method, path, handler in routes:
        app.router.add_route(method, path, handler)
        if method == "GET":
            # The community service's routes end in "/"; apps call both forms.
            app.router.add_route(method, path + "/", handler)
    return app
