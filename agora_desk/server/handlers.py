"""The routes: each reads its fields (:mod:`.params`), builds with the core, answers JSON.

Every token is made by :mod:`agora_desk.core.builders`, so the server says the
same thing about a value as the window and the CLI do.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Final

from aiohttp import web

from agora_desk.core.builders import (
    BuildResult,
    RtcRequest,
    RtmRequest,
    build_rtc,
    build_rtm,
    parse_role,
)
from agora_desk.core.errors import InputError
from agora_desk.core.validation import shown_input
from agora_desk.server import params, shapes
from agora_desk.server.answers import json_answer
from agora_desk.server.config import CONFIG
from agora_desk.server.requestlog import note, note_warnings

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
PONG: Final = {"message": "pong"}


def _warn(request: web.Request, result: BuildResult) -> str:
    note_warnings(request, result.warnings)
    return result.token


def _rtc(
    request: web.Request, channel: str, identity: tuple[int, str | None], role: str, expire: int
) -> str:
    uid, account = identity
    note(request, kind="rtc", role=role)
    req = RtcRequest(
        channel=channel, uid=uid, account=account, role=parse_role(role), expire=expire
    )
    return _warn(request, build_rtc(request.app[CONFIG].signing, req))


def _rtm(request: web.Request, user_id: str, expire: int) -> str:
    note(request, kind="rtm")
    req = RtmRequest(user_id, expire)
    return _warn(request, build_rtm(request.app[CONFIG].signing, req))


def _body_rtc(request: web.Request, body: Mapping[str, Any], expire: int) -> str:
    channel = params.text_field(body, "channel")
    note(request, channel=channel)
    raw_uid = params.field(body, "uid", required=True)
    note(request, uid=str(raw_uid))
    return _rtc(request, channel, params.rtc_identity(raw_uid), params.role(body), expire)


def _body_rtm(request: web.Request, body: Mapping[str, Any], expire: int) -> str:
    user_id = params.user_id(params.field(body, "uid", required=True))
    note(request, uid=user_id)
    return _rtm(request, user_id, expire)


async def ping(request: web.Request) -> web.StreamResponse:
    """Is the server up? Answers pong."""
    return json_answer(PONG)


async def fetch_rtm_token(request: web.Request) -> web.StreamResponse:
    """An RTM token for uid (JSON body), as the official RTM sample server."""
    body = await params.json_body(request)
    token = _body_rtm(request, body, params.body_expire(request, body))
    return json_answer({"token": token, "code": "200"})


async def fetch_rtc_token(request: web.Request) -> web.StreamResponse:
    """An RTC token for channel, uid and role (JSON body), as the official RTC sample server."""
    body = await params.json_body(request)
    token = _body_rtc(request, body, params.body_expire(request, body))
    return json_answer({"token": token, "code": "200"})


async def rtc_path(request: web.Request) -> web.StreamResponse:
    """An RTC token from the path (uid or userAccount), as the community token service."""
    m = request.match_info
    note(request, channel=m["channel"], uid=m["uid"])
    identity = params.path_identity(m["tokentype"], m["uid"])
    token = _rtc(request, m["channel"], identity, m["role"], params.query_expiry(request))
    return json_answer({"rtcToken": token})


async def rtm_path(request: web.Request) -> web.StreamResponse:
    """An RTM token for the user ID in the path."""
    uid = request.match_info["uid"]
    note(request, uid=uid)
    return json_answer({"rtmToken": _rtm(request, uid, params.query_expiry(request))})


async def rte_path(request: web.Request) -> web.StreamResponse:
    """An RTC and an RTM token for the same user, in one answer."""
    m = request.match_info
    note(request, channel=m["channel"], uid=m["uid"])
    identity = params.path_identity(m["tokentype"], m["uid"])
    expire = params.query_expiry(request)
    rtc_token = _rtc(request, m["channel"], identity, m["role"], expire)
    return json_answer({"rtcToken": rtc_token, "rtmToken": _rtm(request, m["uid"], expire)})


async def get_token(request: web.Request) -> web.StreamResponse:
    """Any token type (tokenType rtc, rtm, chat, apaas, fpa, convoai, stt); plain-text answer."""
    body = await params.json_body(request)
    kind = params.text_field(body, "tokenType").lower()
    expire = params.body_expire(request, body)
    if kind == "rtc":
        token = _body_rtc(request, body, expire)
    elif kind == "rtm":
        token = _body_rtm(request, body, expire)
    elif kind == "chat":
        raw = params.field(body, "uid", required=False)
        # As the community service: no uid (or "") asks for an app token.
        user_id = "" if raw is params.MISSING or raw == "" else params.user_id(raw)
        note(request, uid=user_id or "(app token)")
        token = shapes.chat_token(request, user_id, expire)
    elif kind in shapes.TOKEN_TYPES:
        token = shapes.body_token(request, kind, body, expire)
    else:
        raise InputError(
            "tokenType",
            f"{shown_input(kind)} is not a token type; "
            "use rtc, rtm, chat, apaas, fpa, convoai or stt",
        )
    return web.Response(text=token, content_type="text/plain")


# (method, path, handler); GET routes also answer with a trailing "/".
ROUTES: Final[tuple[tuple[str, str, Handler], ...]] = (
    ("GET", "/ping", ping),
    ("POST", "/fetch_rtm_token", fetch_rtm_token),
    ("POST", "/fetch_rtc_token", fetch_rtc_token),
    ("GET", "/rtc/{channel}/{role}/{tokentype}/{uid}", rtc_path),
    ("GET", "/rtm/{uid}", rtm_path),
    ("GET", "/rte/{channel}/{role}/{tokentype}/{uid}", rte_path),
    ("POST", "/getToken", get_token),
    ("GET", "/chat/app", shapes.chat_app),
    ("GET", "/chat/account/{chatid}", shapes.chat_account),
)
ENDPOINTS: Final = (
    "GET /ping",
    "POST /fetch_rtm_token",
    "POST /fetch_rtc_token",
    "GET /rtc/:channel/:role/:tokentype/:uid/",
    "GET /rtm/:uid/",
    "GET /rte/:channel/:role/:tokentype/:uid/",
    "POST /getToken",
    "GET /chat/app/",
    "GET /chat/account/:chatid/",
)
KNOWN_PREFIXES: Final = frozenset("/" + path.split("/")[1] for _, path, _ in ROUTES)
