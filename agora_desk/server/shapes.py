"""The further token shapes over HTTP: the Chat routes and ``/getToken`` apaas|fpa|convoai|stt.

As the community token services name them: ``GET /chat/app/?expiry=S`` and
``GET /chat/account/:chatid/?expiry=S`` answer ``{"chatToken": ...}``;
``/getToken`` reads ``uid`` (the user UUID for APaaS, the RTC user for the
agents), ``roomUuid``, ``role``, ``channel`` and ``rtmUid``. Every token is
made by :mod:`agora_desk.core.shapes`, with the rules the window and the CLI use.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from aiohttp import web

from agora_desk.core import shapes
from agora_desk.core.builders import RtcRequest, parse_role
from agora_desk.core.errors import InputError
from agora_desk.core.validation import raise_for_errors
from agora_desk.server import params
from agora_desk.server.answers import json_answer
from agora_desk.server.config import CONFIG
from agora_desk.server.requestlog import note, note_warnings

TOKEN_TYPES: Final = ("apaas", "fpa", "convoai", "stt")


def _signed(request: web.Request, shape: shapes.Shape) -> str:
    result = shapes.build(request.app[CONFIG].signing, shape)
    note_warnings(request, result.warnings)
    return result.token


def chat_token(request: web.Request, user_id: str, expire: int) -> str:
    """A Chat user token, or for an empty ``user_id`` an app token (as the community service)."""
    note(request, kind="chat")
    if user_id:
        return _signed(request, shapes.ChatUserRequest(user_id, expire))
    return _signed(request, shapes.ChatAppRequest(expire))


async def chat_app(request: web.Request) -> web.StreamResponse:
    """A Chat app token (for the Chat REST API)."""
    note(request, uid="(app token)")
    token = chat_token(request, "", params.query_expiry(request))
    return json_answer({"chatToken": token})


async def chat_account(request: web.Request) -> web.StreamResponse:
    """A Chat user token for the user ID in the path."""
    chat_id = request.match_info["chatid"]
    note(request, uid=chat_id)
    return json_answer({"chatToken": chat_token(request, chat_id, params.query_expiry(request))})


def body_token(request: web.Request, kind: str, body: Mapping[str, Any], expire: int) -> str:
    """The token for ``tokenType`` ``kind`` (one of :data:`TOKEN_TYPES`)."""
    note(request, kind=kind)
    if kind == "fpa":
        # The official FPA token lasts 24 h unless the request says otherwise.
        given = params.field(body, "expire", required=False)
        return _signed(
            request, shapes.FpaRequest(params.expire(given, shapes.FPA_EXPIRE, "expire"))
        )
    if kind == "apaas":
        return _signed(request, _apaas(request, body, expire))
    return _signed(request, _agent(request, kind, body, expire))


def _apaas(request: web.Request, body: Mapping[str, Any], expire: int) -> shapes.Shape:
    raw_uid = params.field(body, "uid", required=False)
    room = params.field(body, "roomUuid", required=False)
    role = params.field(body, "role", required=False)
    if raw_uid is params.MISSING or raw_uid == "":
        for name, value in (("roomUuid", room), ("role", role)):
            if value is not params.MISSING:
                raise InputError(name, "needs a uid (the user UUID); without one: an app token")
        note(request, uid="(app token)")
        return shapes.ApaasAppRequest(expire)
    user = _text(raw_uid, "uid")
    note(request, uid=user)
    if room is params.MISSING:
        if role is not params.MISSING:
            raise InputError("role", "needs roomUuid (a role is a user's role in a room)")
        return shapes.ApaasUserRequest(user, expire)
    room_uuid = _text(room, "roomUuid")
    raise_for_errors(shapes.check_uuid(room_uuid, "roomUuid"))
    note(request, channel=room_uuid)
    if role is params.MISSING:
        raise InputError("role", "is missing: a room user needs a role (a number, e.g. 1 or 2)")
    if isinstance(role, (bool, float)) or not isinstance(role, (int, str)):
        raise InputError("role", f"must be a whole number, not {params.json_type(role)}")
    return shapes.ApaasRoomUserRequest(room_uuid, user, shapes.parse_apaas_role(role), expire)


def _text(value: params.Field, name: str) -> str:
    """A UUID given as text, or a number written as text."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InputError(name, f"must be a string, not {params.json_type(value)}")
    return str(value)


def _agent(
    request: web.Request, kind: str, body: Mapping[str, Any], expire: int
) -> shapes.AgentRequest:
    channel = params.text_field(body, "channel")
    raw_uid = params.field(body, "uid", required=True)
    note(request, channel=channel, uid=str(raw_uid))
    uid, account = params.rtc_identity(raw_uid)
    raw_rtm = params.field(body, "rtmUid", required=False)
    rtm_user = None if raw_rtm is params.MISSING else params.user_id(raw_rtm, "rtmUid")
    rtc = RtcRequest(
        channel=channel,
        uid=uid,
        account=account,
        role=parse_role(params.role(body)),
        expire=expire,
        rtm_user_id=rtm_user,
    )
    cls = shapes.ConvoAiRequest if kind == "convoai" else shapes.SttRequest
    return cls(rtc)
