"""Versions before 005 (DynamicKey 001-004): named, never called garbage.

We cannot fully decode these (their layouts changed between releases and
none is issued any more), but a support engineer looking at one needs to
know what it is: "a DynamicKey4 media channel key from 2017", not
"invalid token".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agora_desk.core import checks
from agora_desk.core.checks import Expectations, Findings
from agora_desk.core.decoded import DecodedToken
from agora_desk.core.errors import TokenFormatError
from agora_desk.core.formats.base import TokenFormat
from agora_desk.core.i18n import _

# 004: "004" + 40 hex HMAC-SHA1 + 32 hex App ID + 10-digit unix_ts
#      + 8 hex random + 10-digit expired_ts
_V4 = re.compile(r"^00([34])([0-9a-fA-F]{40})([0-9a-fA-F]{32})(\d{10})([0-9a-fA-F]{8})(\d{10})$")
_OLD_PREFIX = re.compile(r"^00[1-4]")
# The first DynamicKeys had no version prefix: 40 hex HMAC-SHA1 + 32 hex App ID
# + 10-digit unix_ts + 8 hex random (v1, 90 characters), then + 10-digit uid and
# 10-digit expired_ts (v2, 110 characters).
_V1 = re.compile(r"^([0-9a-fA-F]{40})([0-9a-fA-F]{32})(\d{10})([0-9a-fA-F]{8})$")
_V2 = re.compile(r"^([0-9a-fA-F]{40})([0-9a-fA-F]{32})(\d{10})([0-9a-fA-F]{8})(\d{10})(\d{10})$")

NAMES = {
    "001": "DynamicKey (version 1)",
    "002": "DynamicKey2",
    "v1": "DynamicKey (version 1, no prefix)",
    "v2": "DynamicKey2 (no prefix)",
    "003": "DynamicKey3",
    "004": "DynamicKey4",
}


@dataclass
class OldDynamicKey:
    version: str
    app_id: str = ""
    signature: str = ""
    unix_ts: int = 0
    random: int = 0
    expired_ts: int = 0
    uid: int | None = None
    decoded: bool = False

    @property
    def name(self) -> str:
        return NAMES.get(self.version, f"DynamicKey version {self.version}")


def looks_old(token: str) -> bool:
    return bool(_OLD_PREFIX.match(token) or _V1.match(token) or _V2.match(token))


def parse(token: str) -> OldDynamicKey:
    if not looks_old(token):
        raise TokenFormatError(_("not a DynamicKey of version 001-004"))
    v1, v2 = _V1.match(token), _V2.match(token)
    if v1 or v2:
        m = v1 or v2
        assert m is not None
        return OldDynamicKey(
            version="v1" if v1 else "v2",
            signature=m.group(1),
            app_id=m.group(2),
            unix_ts=int(m.group(3)),
            random=int(m.group(4), 16),
            uid=int(m.group(5)) if v2 else None,
            expired_ts=int(m.group(6)) if v2 else 0,
            decoded=True,
        )
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


def describe(key: OldDynamicKey) -> DecodedToken:
    extra: dict[str, object] = {"name": key.name}
    if key.decoded:
        extra.update(unix_ts=key.unix_ts, random=key.random, expired_ts=key.expired_ts)
        if key.uid is not None:
            extra["uid"] = key.uid
    return DecodedToken(
        version=key.version,
        kind=key.name,
        app_id=key.app_id,
        signature=key.signature,
        extra=extra,
        warnings=[
            _(
                "{name} is a retired format (before 2018) and cannot be verified here; "
                "current SDKs expect a 007 token"
            ).format(name=key.name)
            if key.decoded
            else _(
                "{name} is a retired format (before 2018) and cannot be verified here; "
                "current SDKs expect a 007 token; its fields are not decoded"
            ).format(name=key.name)
        ],
    )


def check(key: OldDynamicKey, expect: Expectations, now: int) -> Findings:
    if not key.decoded:
        return Findings()
    return checks.absolute_expiry(key.expired_ts, now) + checks.app_id(key.app_id, expect)


def signature(key: OldDynamicKey, expect: Expectations) -> Findings:
    return Findings()  # retired keys cannot be verified here (their description says so)


FORMAT = TokenFormat(
    version="001-004",
    base64_from=None,
    claims=looks_old,
    parse=parse,
    describe=describe,
    check=check,
    signature=signature,
)
