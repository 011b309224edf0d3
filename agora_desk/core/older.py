"""Versions before 005, and the Signaling token: named, never called garbage.

We cannot fully decode these (their layouts changed between releases and
none is issued any more), but a support engineer looking at one needs to
know what it is: "a DynamicKey4 media channel key from 2017", not
"invalid token".
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

from agora_desk.core.errors import TokenFormatError
from agora_desk.core.wire import wire

# 004: "004" + 40 hex HMAC-SHA1 + 32 hex App ID + 10-digit unix_ts
#      + 8 hex random + 10-digit expired_ts
_V4 = re.compile(r"^00([34])([0-9a-fA-F]{40})([0-9a-fA-F]{32})(\d{10})([0-9a-fA-F]{8})(\d{10})$")
# A Unix time has at most 10 digits (and int() of thousands of digits raises).
_SIGNALING = re.compile(r"^1:([0-9a-fA-F]{32}):([0-9]{1,10}):([0-9a-fA-F]{32})$")
_OLD_PREFIX = re.compile(r"^00[1-4]")

NAMES = {
    "001": "DynamicKey (version 1)",
    "002": "DynamicKey2",
    "003": "DynamicKey3",
    "004": "DynamicKey4",
    "signaling": "Signaling token (legacy Agora Signaling SDK)",
}


@dataclass
class OldDynamicKey:
    version: str
    app_id: str = ""
    signature: str = ""
    unix_ts: int = 0
    random: int = 0
    expired_ts: int = 0
    decoded: bool = False

    @property
    def name(self) -> str:
        return NAMES.get(self.version, f"DynamicKey version {self.version}")


@dataclass
class SignalingToken:
    app_id: str
    expired_ts: int
    md5: str

    @property
    def version(self) -> str:
        return "signaling"

    @property
    def name(self) -> str:
        return NAMES["signaling"]


def looks_old(token: str) -> bool:
    return bool(_OLD_PREFIX.match(token))


def looks_signaling(token: str) -> bool:
    return token.startswith("1:")


def parse_old(token: str) -> OldDynamicKey:
    if not looks_old(token):
        raise TokenFormatError("not a DynamicKey of version 001-004")
    m = _V4.match(token)
    if m:
        return OldDynamicKey(
            version="00" + m.group(1),
            signature=m.group(2),
            app_id=m.group(3),
            unix_ts=int(m.group(4)),
            random=int(m.group(5), 16),
            expired_ts=int(m.group(6)),
            decoded=True,
        )
    return OldDynamicKey(version=token[:3])


def parse_signaling(token: str) -> SignalingToken:
    m = _SIGNALING.match(token)
    if not m and re.match(r"^1:[^:]*:[0-9]{11,}:", token):
        raise TokenFormatError(
            "starts like a Signaling token ('1:') but its expiry has more than 10 digits: not a Unix time"
        )
    if not m:
        raise TokenFormatError(
            "starts like a Signaling token ('1:') but is not '1:<App ID>:<expiry>:<md5>'"
        )
    return SignalingToken(app_id=m.group(1), expired_ts=int(m.group(2)), md5=m.group(3).lower())


def build_signaling(account: str, app_id: str, app_certificate: str, expired_ts: int) -> str:
    digest = hashlib.md5(  # noqa: S324 - the legacy format is defined with MD5
        wire(account + app_id + app_certificate + str(expired_ts))
    ).hexdigest()
    return f"1:{app_id}:{expired_ts}:{digest}"


def verify_signaling(token: SignalingToken, account: str, app_certificate: str) -> bool:
    expected = build_signaling(account, token.app_id, app_certificate, token.expired_ts)
    return hmac.compare_digest(expected.rsplit(":", 1)[1], token.md5)
