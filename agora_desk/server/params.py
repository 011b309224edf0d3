"""Reading request fields: the JSON body, path parts and the query, each checked.

Every function raises :class:`ApiError` or :class:`InputError` naming the
field; the middleware turns both into a 4xx JSON answer.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from typing import Any, Final

from aiohttp import web

from agora_desk.core.errors import InputError
from agora_desk.core.validation import (
    check_user_id,
    parse_seconds,
    parse_uid,
    raise_for_errors,
    shown_input,
)
from agora_desk.server.config import CONFIG
from agora_desk.server.requestlog import redact


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


# JSON a token request could need: a flat object of short values.
MAX_JSON_DEPTH: Final = 32
MAX_NUMBER_DIGITS: Final = 40


class HugeNumber:
    """A JSON integer too long to be any field's value (kept as its length only)."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _json_int(text: str) -> int | HugeNumber:
    # Python refuses int() of > 4,300 digits with a ValueError; no field needs 40.
    return int(text) if len(text) <= MAX_NUMBER_DIGITS else HugeNumber(len(text.lstrip("-")))


def nesting_problem(text: str) -> str | None:
    """A message when ``text`` nests arrays/objects deeper than :data:`MAX_JSON_DEPTH`."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return None  # cannot be too deep: skip the scan (every normal request)
    depth, in_string, escaped, start = 0, False, False, 0
    last_key: str | None = None
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
                if depth == 1:
                    last_key = text[start + 1 : i]
        elif ch == '"':
            in_string, start = True, i
        elif ch in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                where = f"{redact(last_key, 32)}: " if last_key is not None else ""
                return f"{where}the value is nested more than {MAX_JSON_DEPTH} levels deep"
        elif ch in "]}":
            depth -= 1
    return None


async def json_body(request: web.Request) -> dict[str, Any]:
    config = request.app[CONFIG]
    try:
        raw = await asyncio.wait_for(request.read(), config.body_timeout)
    except web.HTTPRequestEntityTooLarge:
        raise too_large(request) from None
    except asyncio.TimeoutError:
        raise ApiError(
            408, f"the request body did not arrive within {config.body_timeout:g} s"
        ) from None
    if not raw.strip():
        raise ApiError(400, "the request body is empty; send a JSON object")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "the request body is not UTF-8 text") from None
    problem = nesting_problem(text)
    if problem is not None:
        raise ApiError(400, f"the request body is not a token request: {problem}")
    try:
        body = json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"the request body is not valid JSON ({exc})") from None
    except (ValueError, RecursionError):  # a belt to nesting_problem's braces
        raise ApiError(400, "the request body is not valid JSON") from None
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
    if isinstance(value, HugeNumber):
        raise InputError(name, f"is a number of {value.digits} digits, far too long for any field")
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
                f"{shown_input(uid)} is not a whole number; for a string user account use "
                "tokentype userAccount",
            )
        return parse_uid(uid), None
    if kind in ("useraccount", "account"):
        return 0, uid
    raise InputError(
        "tokentype", f"{shown_input(tokentype)} is not a token type; use uid or userAccount"
    )


def role(body: Mapping[str, Any]) -> str:
    value = field(body, "role", required=False)
    if value is MISSING:
        return "publisher"
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InputError("role", f"must be publisher or subscriber, not {json_type(value)}")
    return str(value)
