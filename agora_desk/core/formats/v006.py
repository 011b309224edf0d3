"""AccessToken, version "006" (legacy, still accepted by many SDKs).

    token     = "006" + app_id (32 chars) + base64(content)        (no zlib)
    content   = string(signature) + u32 crc_channel + u32 crc_uid + string(message)
    message   = u32 salt + u32 ts + map_u32 privileges
    signature = HMAC-SHA256(key=certificate, msg=app_id + channel + uid + message)

Channel and uid are not in the token, only their CRC-32s: a decoder can
check a *given* channel/uid, and verify only when given both. Privilege
values and ``ts`` are absolute Unix times (0 = no limit).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

from agora_desk.core import checks, timefmt
from agora_desk.core.checks import RENEW, Expectations, Findings, found
from agora_desk.core.decoded import Check, CheckName, DecodedToken, Privilege
from agora_desk.core.errors import InputError, TokenFormatError
from agora_desk.core.formats.base import prefixed
from agora_desk.core.i18n import _
from agora_desk.core.validation import MAX_EXPIRE, UNIX_TIME_LIKE
from agora_desk.core.wire import (
    U32_MAX,
    Reader,
    pack_map_u32,
    pack_string,
    pack_u32,
    wire,
)

VERSION = "006"
APP_ID_LENGTH = 32

PRIVILEGE_NAMES: Mapping[int, str] = {
    1: "joinChannel",
    2: "publishAudioStream",
    3: "publishVideoStream",
    4: "publishDataStream",
    5: "publishAudioCdn",
    6: "publishVideoCdn",
    7: "requestPublishAudioStream",
    8: "requestPublishVideoStream",
    9: "requestPublishDataStream",
    10: "invitePublishAudioStream",
    11: "invitePublishVideoStream",
    12: "invitePublishDataStream",
    101: "administrateChannel",
    1000: "rtmLogin",
}
JOIN_CHANNEL = 1
PUBLISH_AUDIO = 2
PUBLISH_VIDEO = 3
PUBLISH_DATA = 4
RTM_LOGIN = 1000


def privilege_name(privilege_id: int) -> str:
    return PRIVILEGE_NAMES.get(privilege_id, f"privilege {privilege_id}")


def crc(value: str) -> int:
    return zlib.crc32(wire(value)) & 0xFFFFFFFF


@dataclass
class AccessToken006:
    app_id: str
    salt: int
    ts: int
    privileges: dict[int, int]
    crc_channel_name: int
    crc_uid: int
    signature: bytes = b""
    message: bytes = b""  # the signed bytes, kept from parsing

    @property
    def version(self) -> str:
        return VERSION

    def channel_matches(self, channel_name: str) -> bool:
        return crc(channel_name) == self.crc_channel_name

    def uid_matches(self, uid: str) -> bool:
        return crc(uid) == self.crc_uid

    @property
    def any_user(self) -> bool:
        """Built with uid 0 (the empty uid): the builders' "any uid may join"."""
        return self.crc_uid == crc("")

    def signed_uid(self, joining: str) -> str:
        """The uid the signature covers when ``joining`` joins: "" for an any-user token."""
        return "" if self.any_user else joining


def _pack_message(salt: int, ts: int, privileges: Mapping[int, int]) -> bytes:
    return pack_u32(salt) + pack_u32(ts) + pack_map_u32(privileges)


def _sign(certificate: str, app_id: str, channel_name: str, uid: str, message: bytes) -> bytes:
    msg = wire(app_id + channel_name + uid) + message
    return hmac.digest(wire(certificate), msg, "sha256")


def build(
    app_id: str,
    app_certificate: str,
    channel_name: str,
    uid: str,
    privileges: Mapping[int, int],
    *,
    salt: int,
    ts: int,
) -> str:
    """``uid`` is the wire string: "" for uid 0, else the decimal uid or account."""
    for name, value in (
        ("salt", salt),
        ("ts", ts),
        *((f"privilege {k}", v) for k, v in privileges.items()),
    ):
        if not 0 <= value <= U32_MAX:
            raise InputError(name, f"must be from 0 to {U32_MAX}, got {value}")
    message = _pack_message(salt, ts, privileges)
    signature = _sign(app_certificate, app_id, channel_name, uid, message)
    content = (
        pack_string(signature)
        + pack_u32(crc(channel_name))
        + pack_u32(crc(uid))
        + pack_string(message)
    )
    return VERSION + app_id + base64.b64encode(content).decode("ascii")


def _read_content(reader: Reader) -> tuple[bytes, int, int, bytes]:
    return (
        reader.string("the signature"),
        reader.u32("the channel CRC"),
        reader.u32("the uid CRC"),
        reader.string("the message"),
    )


def content_length(content: bytes) -> int | None:
    """How many bytes of ``content`` (the base64-decoded text) the token uses; None when
    they do not hold all of its fields."""
    reader = Reader(content, "the 006 token")
    try:
        _read_content(reader)
    except TokenFormatError:
        return None
    return reader.offset


def parse(token: str) -> AccessToken006:
    if not token.startswith(VERSION):
        raise TokenFormatError(
            _("not a 006 token: it starts with {start!r}").format(start=token[:3])
        )
    if len(token) < len(VERSION) + APP_ID_LENGTH:
        raise TokenFormatError(
            f"a 006 token starts with '006' and a 32-character App ID; this one is only "
            f"{len(token)} characters long"
        )
    app_id = token[len(VERSION) : len(VERSION) + APP_ID_LENGTH]
    try:
        content = base64.b64decode(token[len(VERSION) + APP_ID_LENGTH :], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise TokenFormatError(
            _("the part after the App ID is not valid base64 ({error})").format(error=exc)
        ) from None
    reader = Reader(content, "the 006 token")
    signature, crc_channel, crc_uid, message = _read_content(reader)
    reader.expect_end()
    inner = Reader(message, "the 006 message")
    salt = inner.u32("salt")
    ts = inner.u32("ts")
    privileges = inner.map_u32("the privileges")
    inner.expect_end()
    return AccessToken006(
        app_id=app_id,
        salt=salt,
        ts=ts,
        privileges=privileges,
        crc_channel_name=crc_channel,
        crc_uid=crc_uid,
        signature=signature,
        message=message,
    )


def verify(token: AccessToken006, app_certificate: str, channel_name: str, uid: str) -> bool:
    expected = _sign(app_certificate, token.app_id, channel_name, uid, token.message)
    return hmac.compare_digest(expected, token.signature)


def describe(tok: AccessToken006) -> DecodedToken:
    return DecodedToken(
        version=VERSION,
        kind="AccessToken (006)",
        app_id=tok.app_id,
        ts=tok.ts,
        crc_channel_name=tok.crc_channel_name,
        crc_uid=tok.crc_uid,
        salt=tok.salt,
        signature=tok.signature.hex(),
        privileges=[
            Privilege(pid, privilege_name(pid), value)
            for pid, value in sorted(tok.privileges.items())
        ],
    )


def expiry(tok: AccessToken006, now: int) -> Findings:
    """The time the token stops working: the earlier of ``ts`` and the join privilege."""
    join = tok.privileges.get(JOIN_CHANNEL) or tok.privileges.get(RTM_LOGIN) or 0
    limits = [(at, what) for at, what in ((tok.ts, "ts"), (join, _("join privilege"))) if at]
    if not limits:
        first = Check(CheckName.EXPIRY, True, _("no ts or join limit"))
    else:
        at, what = min(limits)
        if now >= at:
            first = Check(
                CheckName.EXPIRY,
                False,
                _("expired {duration} ago (its {what}, at {time})").format(
                    duration=timefmt.duration(now - at), what=what, time=timefmt.utc_iso(at)
                ),
                _(RENEW),
            )
        else:
            other = [f"{w} {timefmt.relative(t, now)}" for t, w in limits if w != what]
            also = f" ({'; '.join(other)})" if other else ""
            detail = _("valid, {relative} (its {what})").format(
                relative=timefmt.relative(at, now), what=what
            )
            first = Check(CheckName.EXPIRY, True, detail + also)
    expired = [
        _("{label} expired {duration} ago").format(
            label=privilege_name(pid), duration=timefmt.duration(now - at)
        )
        for pid, at in sorted(tok.privileges.items())
        if at and now >= at and pid not in (JOIN_CHANNEL, RTM_LOGIN)
    ]
    if expired and not first.failed:
        return found(first, Check(CheckName.PRIVILEGES, False, "; ".join(expired), _(RENEW)))
    return found(first)


def lifetime(tok: AccessToken006) -> Findings:
    """006 stores absolute times: a small value is a lifetime passed where a time belongs."""
    problems: list[str] = []
    fixes: list[str] = []
    ref = tok.ts - 86_400 if tok.ts > 86_400 else 0  # the official builder: ts = now + 24 h
    for pid, at in sorted(tok.privileges.items()):
        name = privilege_name(pid)
        if 0 < at < UNIX_TIME_LIKE:
            problems.append(
                _("{name} is {at}: a lifetime in seconds, not the Unix time 006 needs").format(
                    name=name, at=at
                )
            )
            fixes.append(_("006 privileges are absolute: pass now + seconds (e.g. now + 3600)."))
        elif ref and at > tok.ts + 60:
            problems.append(
                _("{name} runs to {utc_iso}, past the token's ts").format(
                    name=name, utc_iso=timefmt.utc_iso(at)
                )
            )
            fixes.append(
                _("The token stops at its ts (24 h after building) whatever the privilege says.")
            )
        elif ref and at and at - ref > MAX_EXPIRE:
            problems.append(
                _("{name} is {duration} after issue, over 24 h").format(
                    name=name, duration=timefmt.duration(at - ref)
                )
            )
            fixes.append(_("Agora accepts at most 24 h: use a shorter privilege expiry."))
    if not problems:
        return Findings()
    return found(Check(CheckName.LIFETIME, False, "; ".join(problems), fixes[0]))


def signature(tok: AccessToken006, expect: Expectations) -> Findings:
    if expect.certificate is None:
        return Findings()
    uid = expect.wire_user
    if expect.channel is None or uid is None:
        return found(
            Check(
                CheckName.SIGNATURE,
                None,
                _(
                    "cannot tell: a 006 signature covers the channel name and uid, which the token does not hold"
                ),
                _(
                    "Give the channel and the uid (or account) the app joins with (for an RTM 006 token: the user ID as channel and uid 0)."
                ),
            )
        )
    mismatched = [
        what
        for what, ok in (
            (_("channel"), tok.channel_matches(expect.channel)),
            (_("uid"), tok.any_user or tok.uid_matches(uid)),
        )
        if not ok
    ]
    if mismatched:
        return found(
            Check(
                CheckName.SIGNATURE,
                None,
                _(
                    "cannot tell: the signature covers the {fields}, and the one given is not "
                    "the token's, so the certificate cannot be judged"
                ).format(fields=_(" and ").join(mismatched)),
                _("Fix the channel / uid first; then the signature can be checked."),
            )
        )
    ok = verify(tok, expect.certificate.reveal(), expect.channel, tok.signed_uid(uid))
    return checks.signature(ok, _("the App Certificate with this channel and uid"))


def fit(tok: AccessToken006, expect: Expectations) -> Findings:
    out: list[Check] = []
    if expect.channel is not None:
        ok = tok.channel_matches(expect.channel)
        out.append(
            Check(
                CheckName.CHANNEL,
                ok,
                _("built for channel {channel!r}").format(channel=expect.channel)
                if ok
                else _(
                    "not built for channel {channel!r} (006 keeps only a checksum of the channel, so the real one cannot be shown)"
                ).format(channel=expect.channel),
                ""
                if ok
                else _("Join the channel the token was built for (names are case-sensitive)."),
            )
        )
    uid = expect.wire_user
    if uid is not None and tok.any_user and uid != "":
        out.append(Check(CheckName.UID, True, _(checks.ANY_USER_FITS)))
    elif uid is not None:
        ok = tok.uid_matches(uid)
        out.append(
            Check(
                CheckName.UID,
                ok,
                _("built for {user_shown}").format(user_shown=checks.user_shown(uid))
                if ok
                else _(
                    "not built for {user_shown} (006 keeps only a checksum of the uid, so the real one cannot be shown)"
                ).format(user_shown=checks.user_shown(uid)),
                ""
                if ok
                else _(
                    "Join with the uid the token was built for (a numeric uid and a string account with the same digits are the same user; uid 0 is the empty uid)."
                ),
            )
        )
    return Findings(tuple(out))


def check(tok: AccessToken006, expect: Expectations, now: int) -> Findings:
    return checks.combined(
        expiry(tok, now),
        lifetime(tok),
        fit(tok, expect),
        checks.app_id(tok.app_id, expect),
    )


FORMAT = prefixed(
    VERSION,
    parse,
    describe,
    check,
    signature,
    base64_from=len(VERSION) + APP_ID_LENGTH,
    content_length=content_length,
)
