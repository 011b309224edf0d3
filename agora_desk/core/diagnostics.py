"""Checks that say why a token would be rejected, each with a fix.

Shared by the Inspect tab and ``agora-desk decode``: expiry, signature,
App ID, channel and uid the user expects.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from agora_desk.core import older, timefmt, token005, token006, token007
from agora_desk.core.decode import Parsed, parse_any
from agora_desk.core.decoded import Check, DecodedToken
from agora_desk.core.token007 import RtcService
from agora_desk.core.wire import U32_MAX

# Agora tolerates some clock difference; a token "issued" further in the
# future than this is reported as not yet valid.
CLOCK_SKEW = 300


@dataclass
class Expectations:
    certificate: str | None = None
    channel: str | None = None
    uid: str | None = None  # as typed: "0" means the empty uid (any user)
    app_id: str | None = None
    now: int | None = None

    @property
    def wire_uid(self) -> str | None:
        if self.uid is None:
            return None
        return "" if self.uid.strip() == "0" else self.uid


def diagnose(text: str, expect: Expectations | None = None) -> DecodedToken:
    """Decode ``text`` and run every check the expectations allow."""
    parsed = parse_any(text)
    run_checks(parsed, expect or Expectations())
    return parsed.decoded


def run_checks(parsed: Parsed, expect: Expectations) -> None:
    now = int(time.time()) if expect.now is None else expect.now
    d = parsed.decoded
    obj = parsed.obj
    # Idempotent: a view may re-run the checks with new expectations.
    d.checks.clear()
    d.warnings = list(parsed.base_warnings)
    d.signature_valid = None
    if isinstance(obj, token007.AccessToken2):
        _expiry_007(d, obj, now)
        _signature_007(d, obj, expect)
        _channel_uid_007(d, obj, expect)
    elif isinstance(obj, token006.AccessToken006):
        _expiry_006(d, obj, now)
        _signature_006(d, obj, expect)
        _channel_uid_006(d, obj, expect)
    elif isinstance(obj, token005.DynamicKey5):
        _expiry_abs(d, obj.expired_ts, now)
        _signature_005(d, obj, expect)
    elif isinstance(obj, older.SignalingToken):
        _expiry_abs(d, obj.expired_ts, now)
        _signature_signaling(d, obj, expect)
    elif isinstance(obj, older.OldDynamicKey) and obj.decoded:
        _expiry_abs(d, obj.expired_ts, now)
    _app_id(d, expect)


# -- expiry -----------------------------------------------------------------

_RENEW = "Generate a new token (Agora tokens last at most 24 h) and renew it before it expires."


def _expiry_007(d: DecodedToken, tok: token007.AccessToken2, now: int) -> None:
    if tok.issued_at > now + CLOCK_SKEW:
        d.checks.append(
            Check(
                "expiry",
                False,
                f"not yet valid: issued at {timefmt.utc_iso(tok.issued_at)}, "
                f"{timefmt.duration(tok.issued_at - now)} in the future",
                "The clock of the machine that built it is ahead: sync it (NTP) and generate a new token.",
            )
        )
    elif tok.expire and now >= tok.expires_at:
        d.checks.append(
            Check(
                "expiry",
                False,
                f"expired {timefmt.duration(now - tok.expires_at)} ago (at {timefmt.utc_iso(tok.expires_at)})",
                _RENEW,
            )
        )
    elif tok.expire:
        d.checks.append(Check("expiry", True, f"valid, {timefmt.relative(tok.expires_at, now)}"))
    else:
        d.checks.append(Check("expiry", True, "the token has no expiry of its own (expire = 0)"))

    expired: list[str] = []
    early: list[str] = []
    for s in tok.services:
        for pid, seconds in s.privileges.items():
            if not seconds:
                continue  # 0: no limit of its own, never "expired"
            at = tok.issued_at + seconds
            label = f"{s.name} {s.privilege_name(pid)}"
            if now >= at:
                expired.append(f"{label} expired {timefmt.duration(now - at)} ago")
            elif tok.expire and seconds < tok.expire:
                early.append(f"{label} ({timefmt.relative(at, now)})")
    if expired:
        d.checks.append(
            Check(
                "privileges",
                False,
                "; ".join(expired),
                "The SDK will refuse these actions: generate a token whose privilege expiry "
                "covers the session, and renew on the SDK's privilege-will-expire callback.",
            )
        )
    elif early:
        d.warnings.append("privileges that expire before the token: " + "; ".join(early))


def _expiry_006(d: DecodedToken, tok: token006.AccessToken006, now: int) -> None:
    if tok.ts and now >= tok.ts:
        d.checks.append(
            Check(
                "expiry",
                False,
                f"the token's ts expired {timefmt.duration(now - tok.ts)} ago",
                _RENEW,
            )
        )
    else:
        d.checks.append(
            Check(
                "expiry", True, f"ts {timefmt.relative(tok.ts, now)}" if tok.ts else "no ts limit"
            )
        )
    expired = [
        f"{token006.privilege_name(pid)} expired {timefmt.duration(now - at)} ago"
        for pid, at in sorted(tok.privileges.items())
        if at and now >= at
    ]
    if expired:
        d.checks.append(Check("privileges", False, "; ".join(expired), _RENEW))


def _expiry_abs(d: DecodedToken, expired_ts: int, now: int) -> None:
    if expired_ts and now >= expired_ts:
        d.checks.append(
            Check("expiry", False, f"expired {timefmt.duration(now - expired_ts)} ago", _RENEW)
        )
    elif expired_ts:
        d.checks.append(Check("expiry", True, timefmt.relative(expired_ts, now)))
    else:
        d.checks.append(Check("expiry", True, "no expiry (expired_ts = 0)"))


# -- signature ----------------------------------------------------------------

_WRONG_CERT = (
    "The token was signed with a different App Certificate: check the certificate in the "
    "profile, whether it was regenerated in Agora Console, or whether the token is from another project."
)


def _signature_result(d: DecodedToken, ok: bool, what: str) -> None:
    d.signature_valid = ok
    d.checks.append(
        Check(
            "signature",
            ok,
            f"matches {what}" if ok else f"does not match {what}",
            "" if ok else _WRONG_CERT,
        )
    )


def _signature_007(d: DecodedToken, tok: token007.AccessToken2, expect: Expectations) -> None:
    if expect.certificate is None:
        return
    _signature_result(d, token007.verify(tok, expect.certificate), "the App Certificate")


def _signature_006(d: DecodedToken, tok: token006.AccessToken006, expect: Expectations) -> None:
    if expect.certificate is None:
        return
    uid = expect.wire_uid
    if expect.channel is None or uid is None:
        d.warnings.append(
            "a 006 token can be verified only with its channel name and uid: give both "
            "(for an RTM 006 token: the user ID as channel and uid 0)"
        )
        return
    ok = token006.verify(tok, expect.certificate, expect.channel, uid)
    _signature_result(d, ok, "the App Certificate with this channel and uid")


def _signature_005(d: DecodedToken, key: token005.DynamicKey5, expect: Expectations) -> None:
    if expect.certificate is None:
        return
    uid = (expect.uid or "").strip()
    # str.isdigit() accepts digits int() rejects ('²') and the key packs the uid as
    # a u32: check both here so a typed uid cannot escape as ValueError/struct.error.
    if (
        expect.channel is None
        or not (uid.isascii() and uid.isdigit() and len(uid) <= 10)
        or int(uid) > U32_MAX
    ):
        d.warnings.append(
            "a 005 key can be verified only with its channel name and numeric uid (0 to 4294967295)"
        )
        return
    ok = token005.verify(key, expect.certificate, expect.channel, int(uid))
    _signature_result(d, ok, "the App Certificate with this channel and uid")


def _signature_signaling(d: DecodedToken, tok: older.SignalingToken, expect: Expectations) -> None:
    if expect.certificate is None:
        return
    if expect.uid is None:
        d.warnings.append(
            "a Signaling token can be verified only with its account: give it as the uid"
        )
        return
    ok = older.verify_signaling(tok, expect.uid, expect.certificate)
    _signature_result(d, ok, "the App Certificate with this account")


# -- what the user expects ---------------------------------------------------


def _app_id(d: DecodedToken, expect: Expectations) -> None:
    if expect.app_id is None or not d.app_id:
        return
    if d.app_id == expect.app_id:
        d.checks.append(Check("app id", True, "matches the profile's App ID"))
    elif d.app_id.lower() == expect.app_id.lower():
        d.checks.append(Check("app id", True, "matches the profile's App ID (letter case differs)"))
    else:
        d.checks.append(
            Check(
                "app id",
                False,
                f"the token is for App ID {d.app_id}, not {expect.app_id}",
                "Use a token built for this project, or select the profile of the project the token is for.",
            )
        )


def _channel_uid_007(d: DecodedToken, tok: token007.AccessToken2, expect: Expectations) -> None:
    rtc = [s for s in tok.services if isinstance(s, RtcService)]
    if expect.channel is not None:
        if not rtc:
            d.checks.append(
                Check(
                    "channel",
                    False,
                    "the token has no RTC service, so no channel",
                    "Build an RTC token (or RTC + RTM) for this channel.",
                )
            )
        elif any(s.channel_name == expect.channel for s in rtc):
            d.checks.append(Check("channel", True, f"built for channel {expect.channel!r}"))
        else:
            names = ", ".join(repr(s.channel_name) for s in rtc)
            d.checks.append(
                Check(
                    "channel",
                    False,
                    f"built for channel {names}, not {expect.channel!r}",
                    "Join the channel the token was built for, or build a token for this channel "
                    "(names are case-sensitive).",
                )
            )
    uid = expect.wire_uid
    if uid is None:
        return
    shown = "0 (any user)" if uid == "" else repr(uid)
    if rtc:
        found = [s.uid for s in rtc]
    else:
        found = [str(v) for s in tok.services for k, v in s.field_items() if k == "user_id"]
    if not found:
        d.checks.append(Check("uid", False, "the token has no RTC uid or user ID to compare"))
    elif uid in found:
        d.checks.append(Check("uid", True, f"built for uid {shown}"))
    else:
        have = ", ".join("0 (any user)" if f == "" else repr(f) for f in found)
        d.checks.append(
            Check(
                "uid",
                False,
                f"built for {have}, not {shown}",
                "Join with the uid or user account the token was built for, or build one for this "
                "uid (an integer uid and a string account are different users unless the digits match).",
            )
        )


def _channel_uid_006(d: DecodedToken, tok: token006.AccessToken006, expect: Expectations) -> None:
    if expect.channel is not None:
        ok = tok.channel_matches(expect.channel)
        d.checks.append(
            Check(
                "channel",
                ok,
                f"the channel CRC {'matches' if ok else 'does not match'} {expect.channel!r}",
                ""
                if ok
                else "Join the channel the token was built for (names are case-sensitive).",
            )
        )
    uid = expect.wire_uid
    if uid is not None:
        ok = tok.uid_matches(uid)
        shown = "0 (any user)" if uid == "" else repr(uid)
        d.checks.append(
            Check(
                "uid",
                ok,
                f"the uid CRC {'matches' if ok else 'does not match'} {shown}",
                "" if ok else "Join with the uid the token was built for.",
            )
        )
