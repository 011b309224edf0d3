"""Input rules from Agora's docs and SDKs.

Two levels, as the spec asks:

* ``error`` - the value would make a malformed token (non-hex App ID, uid
  out of range, string over 65 535 bytes). No token is built.
* ``warning`` - the token is well-formed but an SDK will refuse to use it
  (channel name too long, a character outside the allowed set). The token
  is still built; a tester may need exactly that token.

The same functions feed the window's live field checks, the CLI and the
token server, so every front end says the same thing about the same value.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Literal

from agora_desk.core.errors import InputError
from agora_desk.core.i18n import _
from agora_desk.core.wire import U16_MAX, U32_MAX

Level = Literal["error", "warning"]

HEX = frozenset(string.hexdigits)
# The SDKs' channel-name / user-account alphabet.
NAME_CHARS = frozenset(string.ascii_letters + string.digits + " !#$%&()+-:;<=.>?@[]^_{}|~,")
CHANNEL_MAX_BYTES = 63  # "less than 64 bytes"
ACCOUNT_MAX_BYTES = 255
RTM_USER_MAX_BYTES = 64
MAX_EXPIRE = 86_400
# A lifetime or privilege above this many seconds looks like a Unix time (2001 on):
# the 006 (absolute) and 007 (relative) units mixed up.
UNIX_TIME_LIKE = 1_000_000_000
QUOTES = "\"'`“”‘’"


class Key(str, Enum):
    """Which input an issue is about: front ends route issues to their fields by this."""

    APP_ID = "app_id"
    APP_CERTIFICATE = "app_certificate"
    CHANNEL = "channel"
    UID = "uid"
    ACCOUNT = "account"
    USER_ID = "user_id"  # RTM / Signaling / Chat user ID
    RTM_USER = "rtm_user"  # the RTM user of an RTC + RTM token
    EXPIRE = "expire"
    PRIVILEGE_EXPIRE = "privilege_expire"
    JOIN_EXPIRE = "join_expire"
    AUDIO_EXPIRE = "audio_expire"
    VIDEO_EXPIRE = "video_expire"
    DATA_EXPIRE = "data_expire"
    RTM_EXPIRE = "rtm_expire"
    OTHER = "other"


@dataclass(frozen=True)
class Issue:
    level: Level
    field: str  # the name a person reads ("channel", "--uid", "App ID")
    message: str
    key: Key = Key.OTHER  # the input it is about, for routing

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"

    def sentence(self) -> str:
        """The field and its problem as a form says it ("Token is signed with …")."""
        return f"{self.field[:1].upper()}{self.field[1:]} {self.message}"


def errors(issues: Iterable[Issue]) -> list[Issue]:
    return [i for i in issues if i.level == "error"]


def warnings(issues: Iterable[Issue]) -> list[Issue]:
    return [i for i in issues if i.level == "warning"]


def raise_for_errors(issues: Iterable[Issue]) -> None:
    """Raise :class:`InputError` for the first error, if any."""
    for issue in issues:
        if issue.level == "error":
            raise InputError(issue.field, issue.message)


def describe_char(ch: str) -> str:
    names = {
        " ": _("a space"),
        "\t": _("a tab"),
        "\n": _("a line break"),
        "\r": _("a carriage return"),
    }
    if ch in names:
        return names[ch]
    if ch in QUOTES:
        return _("a quote ({ch})").format(ch=ch)
    if not ch.isprintable():
        return _("an invisible character (U+{ord:04X})").format(ord=ord(ch))
    return f"'{ch}'"


def _paste_artefacts(field: str, value: str, level: Level, key: Key) -> list[Issue]:
    issues = []
    if value != value.strip():
        if value[:1].isspace() and value[-1:].isspace():
            message = _("has leading and trailing whitespace (from a paste?)")
        elif value[:1].isspace():
            message = _("has leading whitespace (from a paste?)")
        else:
            message = _("has trailing whitespace (from a paste?)")
        issues.append(Issue(level, field, message, key))
    core = value.strip()
    if len(core) >= 2 and core[0] in QUOTES and core[-1] in QUOTES:
        issues.append(Issue(level, field, _("is wrapped in quotes (from a paste?)"), key))
    return issues


def is_hex32(value: str) -> bool:
    """Exactly 32 hexadecimal characters (an App ID or App Certificate), checked in C:
    the builders ask per token."""
    return len(value) == 32 and HEX.issuperset(value)


def check_hex32(
    field: str, value: str, *, secret: bool = False, key: Key = Key.OTHER
) -> list[Issue]:
    """App ID / App Certificate: exactly 32 hexadecimal characters.

    With ``secret`` no character of the value is quoted: a message about a
    certificate may end up in a log or a screenshot.
    """
    if is_hex32(value):
        return []  # the common case
    if not value:
        return [
            Issue(
                "error",
                field,
                _("is empty; it is the 32-character hex string from Agora Console"),
                key,
            )
        ]
    issues = _paste_artefacts(field, value, "error", key)
    if issues:
        return issues
    for pos, ch in enumerate(value, start=1):
        if ch not in HEX:
            what = describe_char(ch)
            if secret and what.startswith("'"):
                what = _("the character")  # names like "a space" reveal nothing
            return [
                Issue(
                    "error",
                    field,
                    _("{what} at position {pos} is not a hexadecimal digit (0-9, a-f)").format(
                        what=what, pos=pos
                    ),
                    key,
                )
            ]
    if len(value) != 32:
        return [
            Issue(
                "error",
                field,
                _("must be 32 hexadecimal characters, got {count}").format(count=len(value)),
                key,
            )
        ]
    return []


def over_a_token_field(field: str, size: int, key: Key = Key.OTHER) -> Issue:
    """An error: ``size`` bytes do not fit a token's u16-length field."""
    message = _("is {count} bytes; a token field holds at most 65535").format(count=size)
    return Issue("error", field, message, key)


def is_plain_name(value: str, max_bytes: int) -> bool:
    """Non-empty, short enough, only allowed (ASCII) characters, no edge spaces.

    Such a name cannot produce an issue; checked with set operations in C
    because the builders call this for every token.
    """
    return (
        0 < len(value) <= max_bytes
        and NAME_CHARS.issuperset(value)
        and value[0] != " "
        and value[-1] != " "
    )


def _size_issues(
    field: str, value: str, max_bytes: int, too_long: Callable[[int], str], key: Key
) -> list[Issue]:
    """Too long for a token field (an error), over ``max_bytes`` (``too_long(size)``), pastes."""
    size = len(value.encode("utf-8", "surrogateescape"))
    if size > U16_MAX:
        return [over_a_token_field(field, size, key)]
    issues = _paste_artefacts(field, value, "warning", key)
    if size > max_bytes:
        issues.append(Issue("warning", field, too_long(size), key))
    return issues


def _check_name(field: str, value: str, max_bytes: int, what: str, key: Key) -> list[Issue]:
    if is_plain_name(value, max_bytes):
        return []
    issues = _size_issues(
        field,
        value,
        max_bytes,
        lambda count: _("is {count} bytes; the SDKs accept {what} of at most {max_bytes}").format(
            count=count, what=what, max_bytes=max_bytes
        ),
        key,
    )
    if any(i.level == "error" for i in issues):
        return issues
    for pos, ch in enumerate(value, start=1):
        if ch not in NAME_CHARS:
            issues.append(
                Issue(
                    "warning",
                    field,
                    _(
                        "{describe_char} at position {pos} is not allowed in {what} by the SDKs (a-z, A-Z, 0-9, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ {{ }} | ~ ,)"
                    ).format(describe_char=describe_char(ch), pos=pos, what=what),
                    key,
                )
            )
            break
    return issues


def check_channel(value: str, field: str = "channel") -> list[Issue]:
    key = Key.CHANNEL
    if not value:
        return [
            Issue(
                "warning", field, _("is empty; the SDKs cannot join a channel without a name"), key
            )
        ]
    return _check_name(field, value, CHANNEL_MAX_BYTES, _("a channel name"), key)


def check_account(value: str, field: str = "account") -> list[Issue]:
    key = Key.ACCOUNT
    if not value:
        return [Issue("error", field, _("is empty; for 'any user' use uid 0 instead"), key)]
    issues = _check_name(field, value, ACCOUNT_MAX_BYTES, _("a user account"), key)
    # Only an account written as the uid is (no leading zero, not 0: uid 0 is the empty
    # uid) gives the same token as that uid.
    if written_uid(value) is not None:
        issues.append(
            Issue(
                "warning",
                field,
                _(
                    "is all digits: the token is the same as for the integer uid {value}; make sure the app joins with a user account, not a uid"
                ).format(value=value),
                key,
            )
        )
    return issues


def check_user_id(value: str, field: str = "user ID", key: Key = Key.USER_ID) -> list[Issue]:
    """RTM / Signaling / Chat user IDs."""
    if not value:
        return [Issue("error", field, _("is empty"), key)]
    issues = _size_issues(
        field,
        value,
        RTM_USER_MAX_BYTES,
        lambda count: _("is {count} bytes; Signaling accepts user IDs of at most 64").format(
            count=count
        ),
        key,
    )
    if any(i.level == "error" for i in issues):
        return issues
    if value.strip().lower() == "null":
        issues.append(
            Issue("warning", field, _("is 'null', which Signaling rejects as a user ID"), key)
        )
    return issues


# More digits than any 32-bit field needs, even with leading zeros; Python
# refuses int() of over 4,300 digits, so the length is checked first.
MAX_DIGITS = 20
SHOWN_MAX = 24


def _whole(digits: str, field: str, allowed: str) -> int:
    """ASCII digits → int, refusing absurd lengths with a message naming ``field``."""
    if len(digits) > MAX_DIGITS:
        raise InputError(
            field,
            _("is a number of {count} digits, far too large ({allowed})").format(
                count=len(digits), allowed=allowed
            ),
        )
    return int(digits)


def plain_number(text: str) -> int | None:
    """``text`` as a number when it is ASCII digits only, else None.

    ``str.isdigit()`` alone also takes digits ``int()`` refuses ('²'), and
    more than :data:`MAX_DIGITS` is no number any field here takes.
    """
    if text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS:
        return int(text)
    return None


def written_uid(text: str) -> int | None:
    """The numeric uid (1 ... 2^32 - 1) that ``text`` writes exactly, else None.

    A token carries its uid as text; only ASCII digits without a leading zero
    give the token of a numeric uid. "0042", "0" (the builders write uid 0 as
    the empty string) and numbers past 2^32 - 1 are string accounts.
    """
    number = plain_number(text)
    if number is not None and text[0] != "0" and number <= U32_MAX:
        return number
    return None


def shown_input(value: object) -> str:
    """``value`` quoted for an error message: clipped, and never a pasted secret.

    A 32-hex-digit run or a token-like string (007…, 006…) is described, not
    shown: it may be the App Certificate or a token pasted into the wrong field.
    """
    text = str(value)
    if _looks_secret(text):
        return _(
            "a {count}-character value that looks like a certificate or token (not shown)"
        ).format(count=len(text))
    clipped = text if len(text) <= SHOWN_MAX else text[: SHOWN_MAX - 1] + "…"
    return repr(clipped)


def looks_secret(text: str) -> bool:
    """True for text holding a 32-hex-digit run or shaped like a token: never quote it."""
    return _looks_secret(text)


def _looks_secret(text: str) -> bool:
    run = 0
    for ch in text:
        run = run + 1 if ch in HEX else 0
        if run >= 32:
            return True
    return len(text) > 20 and text[:3] in ("005", "006", "007")


def parse_uid(value: str | int, field: str = "uid") -> int:
    """An RTC uid: integer 0 ... 2^32-1. Raises :class:`InputError`."""
    if isinstance(value, bool):
        raise InputError(field, _("must be a whole number"))
    if isinstance(value, int):
        number = value
    else:
        text = value.strip()
        if text != value:
            raise InputError(field, _("has whitespace around it"))
        if not text or not (text.isascii() and text.isdigit()):
            raise InputError(
                field,
                _("{shown_input} is not a whole number").format(shown_input=shown_input(value)),
            )
        number = _whole(text, field, _("a uid is 0 to {u32_max}").format(u32_max=U32_MAX))
    if not 0 <= number <= U32_MAX:
        raise InputError(
            field,
            _("{number} is out of range: a uid is 0 to {u32_max} (0 = any user)").format(
                number=number, u32_max=U32_MAX
            ),
        )
    return number


def check_uid(value: str | int, field: str = "uid") -> list[Issue]:
    try:
        parse_uid(value, field)
    except InputError as exc:
        return [Issue("error", field, exc.problem, Key.UID)]
    return []


def parse_seconds(value: str | int, field: str) -> int:
    if isinstance(value, bool):
        raise InputError(field, _("must be a number of seconds"))
    if isinstance(value, str):
        text = value.strip()
        if not (text.isascii() and text.isdigit()):
            if text.startswith("-") and text[1:].isascii() and text[1:].isdigit():
                shown = text if len(text) <= SHOWN_MAX else _("the number")
                raise InputError(
                    field,
                    _("{shown} is negative; give a number of seconds, 0 or more").format(
                        shown=shown
                    ),
                )
            raise InputError(
                field,
                _("{shown_input} is not a whole number of seconds").format(
                    shown_input=shown_input(value)
                ),
            )
        value = _whole(text, field, _("at most {u32_max}").format(u32_max=U32_MAX))
    if value < 0:
        raise InputError(
            field, _("{value} is negative; give a number of seconds, 0 or more").format(value=value)
        )
    if value > U32_MAX:
        raise InputError(
            field,
            _("{value} is too large (at most {u32_max})").format(value=value, u32_max=U32_MAX),
        )
    return value


def check_expire(value: str | int, field: str = "expire", key: Key = Key.EXPIRE) -> list[Issue]:
    try:
        seconds = parse_seconds(value, field)
    except InputError as exc:
        return [Issue("error", field, exc.problem, key)]
    if seconds >= UNIX_TIME_LIKE:
        return [
            Issue(
                "warning",
                field,
                _(
                    "{seconds} s looks like a Unix time, not a lifetime: give the number of seconds the token should last, e.g. 3600 (as it is, the token would stop working after 24 h)"
                ).format(seconds=seconds),
                key,
            )
        ]
    if seconds > MAX_EXPIRE:
        return [
            Issue(
                "warning",
                field,
                _(
                    "{seconds} s is more than Agora's maximum of 86400 s (24 h); the token will stop working after 24 h"
                ).format(seconds=seconds),
                key,
            )
        ]
    return []


def rtc_user(uid: int | None = None, account: str | None = None) -> str:
    """The string written into an RTC service for a uid or an account."""
    if account is not None:
        return account
    if uid is None or uid == 0:
        return ""
    return str(uid)
