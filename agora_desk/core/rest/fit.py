"""Does a token fit the request? Decoded, not verified: the server holds the certificate."""

from __future__ import annotations

import time

from agora_desk.core.errors import TokenFormatError
from agora_desk.core.formats import v007
from agora_desk.core.rest.params import PresetParams
from agora_desk.core.rest.presets import Preset
from agora_desk.core.validation import Issue


def _now(now: int | None) -> int:
    return int(time.time()) if now is None else now


def check_token_for(
    token: str, params: PresetParams, preset: Preset, now: int | None = None
) -> list[Issue]:
    """Warnings when a pasted token does not fit the request."""
    try:
        parsed = v007.parse(token.strip())
    except TokenFormatError:
        return [
            Issue("warning", "token", "is not a 007 token (AccessToken2); the REST API expects one")
        ]
    issues: list[Issue] = []
    if parsed.expire and parsed.expires_at <= _now(now):
        issues.append(Issue("warning", "token", "has expired; Agora will answer 401"))
    if params.app_id and parsed.app_id.lower() != params.app_id.lower():
        issues.append(
            Issue(
                "warning",
                "token",
                f"is for App ID {parsed.app_id}, not {params.app_id} in the path",
            )
        )
    return issues + preset.fit(parsed, params)


def token_cause(
    token: str | None,
    params: PresetParams | None,
    preset: Preset,
    app_id: str | None = None,
    now: int | None = None,
) -> str | None:
    """The most likely reason a token was refused, from the token itself."""
    if not token:
        return None
    try:
        parsed = v007.parse(token.strip())
    except TokenFormatError:
        return "the token is not a 007 (AccessToken2) token, which the REST API needs"
    moment = _now(now)
    if parsed.expire and parsed.expires_at <= moment:
        return f"the token expired {moment - parsed.expires_at} s ago; generate a fresh one"
    if app_id and parsed.app_id.lower() != app_id.lower():
        return f"the token is for App ID {parsed.app_id}, but the path names {app_id}"
    cause = preset.token_cause(parsed, params or PresetParams())
    if cause:
        return cause
    for s in parsed.services:
        for pid, secs in s.privileges.items():
            if secs and parsed.issued_at + secs <= moment:
                return (
                    f"the token's {s.name} privilege {s.privilege_name(pid)} expired; "
                    "generate a fresh token"
                )
    return None
