"""DynamicKey5, version "005" (deprecated): parse, verify, and build (for tests).

    token   = "005" + base64(u16 service_type + string(signature hex, upper case)
              + string(app_id, 16 raw bytes) + u32 unix_ts + u32 random
              + u32 expired_ts + map_str extra)

Signed with HMAC-SHA1 keyed by the hex-decoded certificate over the same
fields plus the channel name and uid, so it verifies only when both are given.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field

from agora_desk.core import checks
from agora_desk.core.checks import Expectations, Findings, found
from agora_desk.core.decoded import DecodedToken
from agora_desk.core.errors import InputError, TokenFormatError
from agora_desk.core.formats.base import prefixed
from agora_desk.core.i18n import _
from agora_desk.core.wire import Reader, pack_map_str, pack_string, pack_u16, pack_u32, wire

VERSION = "005"

SERVICE_NAMES: Mapping[int, str] = {
    1: "MediaChannel",
    2: "Recording",
    3: "PublicSharing",
    4: "InChannelPermission",
}
EXTRA_NAMES: Mapping[int, str] = {1: "allowUploadInChannel"}


@dataclass
class DynamicKey5:
    service_type: int
    signature: str
    app_id: str  # 32 hex characters, upper case as bytes.hex() gives lower
    unix_ts: int
    random: int
    expired_ts: int
    extra: dict[int, bytes] = field(default_factory=dict)

    @property
    def version(self) -> str:
        return VERSION

    @property
    def service_name(self) -> str:
        return SERVICE_NAMES.get(self.service_type, f"service {self.service_type}")


def _signed_bytes(
    service_type: int,
    app_id_raw: bytes,
    unix_ts: int,
    random: int,
    channel_name: str,
    uid: int,
    expired_ts: int,
    extra: Mapping[int, bytes],
) -> bytes:
    return (
        pack_u16(service_type)
        + pack_string(app_id_raw)
        + pack_u32(unix_ts)
        + pack_u32(random)
        + pack_string(wire(channel_name))
        + pack_u32(uid)
        + pack_u32(expired_ts)
        + pack_map_str(extra)
    )


def _hex_bytes(field_name: str, value: str) -> bytes:
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise InputError(field_name, "must be 32 hexadecimal characters") from None


def _signature(certificate: str, signed: bytes) -> str:
    key = _hex_bytes("App Certificate", certificate)
    return hmac.new(key, signed, "sha1").hexdigest().upper()


def build(
    service_type: int,
    app_id: str,
    app_certificate: str,
    channel_name: str,
    uid: int,
    *,
    unix_ts: int,
    random: int,
    expired_ts: int,
    extra: Mapping[int, bytes] | None = None,
) -> str:
    extra = dict(extra or {})
    app_raw = _hex_bytes("App ID", app_id)
    signed = _signed_bytes(
        service_type, app_raw, unix_ts, random, channel_name, uid, expired_ts, extra
    )
    signature = _signature(app_certificate, signed)
    content = (
        pack_u16(service_type)
        + pack_string(signature.encode("ascii"))
        + pack_string(app_raw)
        + pack_u32(unix_ts)
        + pack_u32(random)
        + pack_u32(expired_ts)
        + pack_map_str(extra)
    )
    return VERSION + base64.b64encode(content).decode("ascii")


def parse(token: str) -> DynamicKey5:
    if not token.startswith(VERSION):
        raise TokenFormatError(_("not a 005 key: it starts with {start!r}").format(start=token[:3]))
    try:
        content = base64.b64decode(token[3:], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise TokenFormatError(
            _("the part after '005' is not valid base64 ({error})").format(error=exc)
        ) from None
    reader = Reader(content, "the 005 key")
    service_type = reader.u16("the service type")
    signature = reader.string("the signature").decode("ascii", "replace")
    app_raw = reader.string("the App ID")
    unix_ts = reader.u32("unix_ts")
    random = reader.u32("random")
    expired_ts = reader.u32("expired_ts")
    extra = reader.map_str("the extra map")
    reader.expect_end()
    return DynamicKey5(
        service_type=service_type,
        signature=signature,
        app_id=app_raw.hex(),
        unix_ts=unix_ts,
        random=random,
        expired_ts=expired_ts,
        extra=extra,
    )


def verify(key: DynamicKey5, app_certificate: str, channel_name: str, uid: int) -> bool:
    try:
        app_raw = bytes.fromhex(key.app_id)
        signed = _signed_bytes(
            key.service_type,
            app_raw,
            key.unix_ts,
            key.random,
            channel_name,
            uid,
            key.expired_ts,
            key.extra,
        )
        expected = _signature(app_certificate, signed)
    except (InputError, ValueError):
        return False
    return hmac.compare_digest(expected.encode(), key.signature.upper().encode())


def describe(key: DynamicKey5) -> DecodedToken:
    return DecodedToken(
        version=VERSION,
        kind="DynamicKey5 (deprecated)",
        app_id=key.app_id,
        salt=key.random,
        signature=key.signature,
        extra={
            "service_type": key.service_type,
            "service": key.service_name,
            "unix_ts": key.unix_ts,
            "expired_ts": key.expired_ts,
            "extra": {str(k): v.decode("utf-8", "replace") for k, v in key.extra.items()},
        },
        warnings=[_("DynamicKey5 is deprecated; current SDKs expect a 007 token")],
    )


def signature(key: DynamicKey5, expect: Expectations) -> Findings:
    if expect.certificate is None:
        return Findings()
    if expect.channel is None or expect.uid is None:
        return found(
            warnings=[
                _(
                    "a 005 key can be verified only with its channel name and numeric uid (0 to 4294967295)"
                )
            ]
        )
    ok = verify(key, expect.certificate.reveal(), expect.channel, expect.uid)
    return checks.signature(ok, _("the App Certificate with this channel and uid"))


def check(key: DynamicKey5, expect: Expectations, now: int) -> Findings:
    return checks.absolute_expiry(key.expired_ts, now) + checks.app_id(key.app_id, expect)


FORMAT = prefixed(VERSION, parse, describe, check, signature)
