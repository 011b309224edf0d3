"""Reading request fields: the JSON body, path parts and the query, each checked.

Every function raises :class:`ApiError` or :class:`InputError` naming the
field; the middleware turns both into a 4xx JSON answer.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final

from aiohttp import web

from agora_desk.core.errors import InputError
from agora_desk.core.validation import check_user_id, parse_seconds, parse_uid, raise_for_errors
from agora_desk.server.config import CONFIG


class ApiError(Exception):
    """A 4xx answer with a message for the caller."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class _Missing:
    """A field the request does not have (JSON ``null`` counts as missing)."""


MISSING: Final = _Missing()
Field = Any  # a decoded JSON value, or MISSING


async def json_body(request: web.Request) -> dict[str, Any]:
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise too_large(request) from None
    if not raw.strip():
        raise ApiError(400, "the request body is empty; send a JSON object")
    try:
        body = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ApiError(400, "the request body is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"the request body is not valid JSON ({exc})") from None
    if not isinstance(body, dict):
        raise ApiError(400, f"the request body must be a JSON object, not {json_type(body)}")
    return body


def too_large(request: web.Request) -> ApiError:
    limit = request.app[CONFIG].max_body_bytes
    return ApiError(413, f"the request body is larger than {limit} bytes")


def json_type(value: object) -> str:
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


def field(body: Mapping[str, Any], name: str, *, required: bool) -> Field:
    value = body.get(name)
    if value is None:
        if required:
            raise InputError(name, "is missing from the request body")
        return MISSING
    return value


def text_field(body: Mapping[str, Any], name: str) -> str:
    value = field(body, name, required=True)
    if not isinstance(value, str):
        raise InputError(name, f"must be a string, not {json_type(value)}")
    if not value:
        raise InputError(name, "is empty")
    return value


def rtc_identity(value: Field, name: str = "uid") -> tuple[int, str | None]:
    """A JSON uid: a number or an all-digit string is a uid, other text a user account."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InputError(name, f"must be a number or a string, not {json_type(value)}")
    if isinstance(value, str):
        if not value:
            raise InputError(name, "is empty; give 0 for any user, a uid or a user account")
        if not (value.isascii() and value.isdigit()):
            return 0, value
    return parse_uid(value, name), None


def user_id(value: Field, name: str = "uid") -> str:
    """An RTM / Chat user ID: text, or a number written as text."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InputError(name, f"must be a string or a number, not {json_type(value)}")
    text = str(value)
    raise_for_errors(check_user_id(text, name))
    return text


def expire(value: Field, default: int, name: str) -> int:
    """Seconds; missing or 0 means the server's default, as in the community services."""
    if value is MISSING:
        return default
    if isinstance(value, float):
        raise InputError(name, f"{value!r} is not a whole number of seconds")
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InputError(name, f"must be a number of seconds, not {json_type(value)}")
    return parse_seconds(value, name) or default


def query_expiry(request: web.Request) -> int:
    value = request.query.get("expiry")
    return expire(MISSING if value is None else value, request.app[CONFIG].default_expire, "expiry")


def body_expire(request: web.Request, body: Mapping[str, Any]) -> int:
    return expire(
        field(body, "expire", required=False), request.app[CONFIG].default_expire, "expire"
    )


def path_identity(tokentype: str, uid: str) -> tuple[int, str | None]:
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


def role(body: Mapping[str, Any]) -> str:
    value = field(body, "role", required=False)
    if value is MISSING:
        return "publisher"
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InputError("role", f"must be publisher or subscriber, not {json_type(value)}")
    return str(value)
