"""The errors apps report for a token, and what each means for this token.

Sources: Agora's "token-related error codes" page and the SDK enums (RTC
error codes, connection-state reasons, the RTM login errors), the Web SDK's
token messages, and the REST statuses. :func:`explain` turns one of them,
as a person types it, into the ``error code`` check, matched against the
failed checks of this token.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from agora_desk.core.decoded import Check, CheckName
from agora_desk.core.i18n import N_, _


@dataclass(frozen=True)
class KnownError:
    name: str  # how the SDK calls it
    meaning: str  # one sentence
    # Checks that explain it, most likely first; empty: nothing in a token explains it.
    causes: tuple[CheckName, ...]


_TOKEN = (CheckName.APP_ID, CheckName.CHANNEL, CheckName.UID, CheckName.SIGNATURE)
_EXPIRY = (CheckName.EXPIRY, CheckName.PRIVILEGES)
_RTM = (CheckName.RTM_USER, CheckName.APP_ID, CheckName.SIGNATURE)
# Checks made only when the person gives what they compare with (the join's
# values, the certificate); the others are always made.
ASKED = frozenset(
    {CheckName.APP_ID, CheckName.CHANNEL, CheckName.UID, CheckName.RTM_USER, CheckName.SIGNATURE}
)

# Keys are normalised: lower case, single spaces.
ERRORS: dict[str, KnownError] = {
    "101": KnownError(
        "ERR_INVALID_APP_ID (101)",
        N_("the App ID is not valid (or not a string) for this SDK"),
        (CheckName.APP_ID,),
    ),
    "102": KnownError(
        "ERR_INVALID_CHANNEL_NAME (102)",
        N_("the channel name is not valid: at most 63 bytes of the allowed characters"),
        (CheckName.CHANNEL,),
    ),
    "109": KnownError("ERR_TOKEN_EXPIRED (109)", N_("the token has expired"), _EXPIRY),
    "110": KnownError(
        "ERR_INVALID_TOKEN (110)",
        N_(
            "the token does not fit: wrong App ID or certificate, or another channel or uid than the app joins with"
        ),
        (*_TOKEN, *_EXPIRY),
    ),
    "17": KnownError(
        "ERR_JOIN_CHANNEL_REJECTED (17)",
        N_(
            "the join was refused, usually because the app is already in the channel (not a token problem unless the token is also refused)"
        ),
        (),
    ),
    "reason 8": KnownError(
        "CONNECTION_CHANGED_INVALID_TOKEN (connection-state reason 8)",
        N_("the connection failed because the token is not valid for this join"),
        (*_TOKEN, *_EXPIRY),
    ),
    "reason 9": KnownError(
        "CONNECTION_CHANGED_TOKEN_EXPIRED (connection-state reason 9)",
        N_("the token expired while connected or before joining"),
        _EXPIRY,
    ),
    "invalid token, authorized failed": KnownError(
        "Web SDK: invalid token, authorized failed",
        N_("the Web SDK's 110: the token does not fit this App ID, channel or uid"),
        (*_TOKEN, *_EXPIRY),
    ),
    "dynamic key expired": KnownError(
        "Web SDK: dynamic key expired", N_("the Web SDK's 109: the token has expired"), _EXPIRY
    ),
    "invalid vendor key, can not find appid": KnownError(
        "Web SDK: invalid vendor key, can not find appid",
        N_("the App ID the app passes is not an Agora project (or has a typo)"),
        (CheckName.APP_ID,),
    ),
    "rtm 2": KnownError(
        "RTM LOGIN_ERR_REJECTED (2)",
        N_("Signaling refused the login: App ID, user ID or token do not fit"),
        _RTM + _EXPIRY,
    ),
    "rtm 5": KnownError(
        "RTM LOGIN_ERR_INVALID_TOKEN (5)",
        N_(
            "the token cannot log in to Signaling: no RTM service for this user ID, or wrong App ID or certificate"
        ),
        _RTM,
    ),
    "rtm 6": KnownError(
        "RTM LOGIN_ERR_TOKEN_EXPIRED (6)", N_("the RTM token has expired"), _EXPIRY
    ),
    "401": KnownError(
        "HTTP 401 (REST)",
        N_(
            "the REST API did not accept the credentials: for a token, it expired, is for another App ID or lacks the privilege the call needs"
        ),
        (CheckName.APP_ID, CheckName.EXPIRY, CheckName.RTM_USER, CheckName.SIGNATURE),
    ),
    "403": KnownError(
        "HTTP 403 (REST)",
        N_(
            "the credentials were accepted but are not allowed for this call (a privilege or service the token lacks, or a project without an App Certificate)"
        ),
        (CheckName.RTM_USER, CheckName.CHANNEL, CheckName.PRIVILEGES),
    ),
}
ALIASES = {
    "8": "reason 8",
    "9": "reason 9",
    "err_invalid_token": "110",
    "err_token_expired": "109",
    "err_invalid_app_id": "101",
    "err_invalid_channel_name": "102",
    "err_join_channel_rejected": "17",
    "invalid_token": "110",
    "token_expired": "109",
    "connection_changed_invalid_token": "reason 8",
    "connection_changed_token_expired": "reason 9",
    "login_err_rejected": "rtm 2",
    "login_err_invalid_token": "rtm 5",
    "login_err_token_expired": "rtm 6",
    "rtm:2": "rtm 2",
    "rtm:5": "rtm 5",
    "rtm:6": "rtm 6",
}


def lookup(code: str) -> KnownError | None:
    key = " ".join(code.strip().strip("\"'").lower().replace("-", " ").split())
    key = key.removeprefix("error ").removeprefix("code ")
    if key.startswith("reason") and key[6:].strip().isdigit():
        key = "reason " + key[6:].strip()
    key = ALIASES.get(key, ALIASES.get(key.replace(" ", "_"), key))
    if key in ERRORS:
        return ERRORS[key]
    for text, known in ERRORS.items():  # a message pasted with more around it
        if not text[0].isdigit() and len(text) > 8 and text in key:
            return known
    return None


def explain(code: str, checks: Sequence[Check]) -> Check:
    """The ``error code`` check: what the reported error means for this token.

    ``ok`` is False when a failed check explains the error, True when every
    check that could explain it was made and passed (the token is not what
    failed), None when that cannot be told (an unknown code, or a cause not
    checked because its input was not given).
    """
    known = lookup(code)
    if known is None:
        return Check(
            CheckName.ERROR_CODE,
            None,
            _(
                "{code!r} is not an error this tool knows (known: RTC 101, 102, 109, 110, 17; connection-state reasons 8, 9; RTM login 2, 5, 6 as 'rtm 5'; REST 401, 403; the Web SDK's token messages)"
            ).format(code=code),
            _("Look it up in the SDK's error code reference; the checks above still apply."),
        )
    failed = {c.name: c for c in checks if c.failed}
    for cause in known.causes:
        if cause in failed:
            return Check(
                CheckName.ERROR_CODE,
                False,
                _("{name} here means: {detail}").format(
                    name=known.name, detail=failed[cause].detail
                ),
                failed[cause].fix,
            )
    if not known.causes:
        return Check(
            CheckName.ERROR_CODE,
            None,
            _("{name}: {meaning}").format(name=known.name, meaning=_(known.meaning)),
            "",
        )
    passed = {c.name for c in checks if c.ok is True}
    unchecked = [cause for cause in known.causes if cause in ASKED and cause not in passed]
    if unchecked:
        return Check(
            CheckName.ERROR_CODE,
            None,
            _("{name}: {meaning}; nothing checked here explains it").format(
                name=known.name, meaning=_(known.meaning)
            ),
            _(
                "Not checked: {names}. Give what the app uses for them so the cause can be found; or the app may not pass this token."
            ).format(names=", ".join(cause.label for cause in unchecked)),
        )
    # Decided: every cause was checked and passed, so the token is not what failed.
    return Check(
        CheckName.ERROR_CODE,
        True,
        _("{name}: {meaning}; this token passes every check that could explain it").format(
            name=known.name, meaning=_(known.meaning)
        ),
        _(
            "The token fits what the app joins with, so the app is probably not passing this token (an older or cached one, or one from another token server): check the token the app really sends."
        ),
    )
