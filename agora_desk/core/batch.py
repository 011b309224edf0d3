"""Speed-only code: the same tokens as the plain path, made faster.

The plain path is :func:`agora_desk.core.formats.v007.build` (``hmac``,
one call per token) and the full rules in :mod:`agora_desk.core.validation`.
What is here exists only because the token server and ``--uid-range`` make
tokens in hot loops; ``tests/core/test_batch.py`` proves each piece gives
the plain path's bytes and answers.
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from agora_desk.core.fast_hmac import hmac_padded, hmac_sha256, pads
from agora_desk.core.formats import v007
from agora_desk.core.formats.v007_services import RtcService, Service
from agora_desk.core.validation import CHANNEL_MAX_BYTES, MAX_EXPIRE, is_plain_name
from agora_desk.core.wire import U32_MAX, pack_string, pack_u16, pack_u32

if TYPE_CHECKING:
    from agora_desk.core.builders import RtcRequest


@functools.lru_cache(maxsize=32)
def _first_key(certificate: str, issued_at: int) -> bytes:
    # Shared by every token built in the same second with the same certificate.
    return hmac_sha256(pack_u32(issued_at), certificate.encode("ascii"))


def signing_key(certificate: str, issued_at: int, salt: int) -> bytes:
    """:func:`v007.signing_key`, with the first HMAC cached per second."""
    return hmac_sha256(pack_u32(salt), _first_key(certificate, issued_at))


def build(
    app_id: str,
    app_certificate: str,
    services: Sequence[Service],
    *,
    expire: int,
    issued_at: int,
    salt: int,
) -> str:
    """:func:`v007.build` through the fast HMAC; same bytes."""
    if not services:
        return v007.build(
            app_id, app_certificate, services, expire=expire, issued_at=issued_at, salt=salt
        )
    info = v007.pack_signing_info(app_id, issued_at, expire, salt, services)
    return _sealed(info, app_certificate, issued_at, salt)


def _sealed(info: bytes, app_certificate: str, issued_at: int, salt: int) -> str:
    """The token of ``signing_info``: signed through the fast HMAC, then encoded."""
    key = signing_key(app_certificate, issued_at, salt)
    return v007.encode(v007.SIGNATURE_PREFIX + hmac_sha256(key, info) + info)


# signing_info of a plain RTC request after string(app_id): issued_at, expire, salt, one
# service; its type and privilege map (publisher: the four privileges; subscriber: join);
# the channel name's length.
_PLAIN_HEAD = "<IIIHH"
_PUBLISHER = struct.Struct(_PLAIN_HEAD + "H" + "HI" * 4 + "H")
_SUBSCRIBER = struct.Struct(_PLAIN_HEAD + "H" + "HI" + "H")


def plain_rtc(
    app_id: str, app_certificate: str, req: RtcRequest, *, issued_at: int, salt: int
) -> str:
    """:func:`build` of ``builders.rtc_services(req)`` for a request :func:`is_plain_rtc`
    accepts, packed in one struct call instead of through a service object (the token
    server's every request)."""
    expire = req.expire
    if req.role == "publisher":
        middle = _PUBLISHER.pack(
            issued_at, expire, salt, 1, RtcService.TYPE, 4,
            RtcService.JOIN_CHANNEL, expire, RtcService.PUBLISH_AUDIO, expire,
            RtcService.PUBLISH_VIDEO, expire, RtcService.PUBLISH_DATA, expire,
            len(req.channel),
        )  # fmt: skip
    else:
        middle = _SUBSCRIBER.pack(
            issued_at, expire, salt, 1, RtcService.TYPE, 1, RtcService.JOIN_CHANNEL, expire,
            len(req.channel),
        )  # fmt: skip
    uid = b"%d" % req.uid if req.uid else b""  # as builders' wire_uid: 0 is ""
    # A plain channel is ASCII (is_plain_name), so its length in characters is in bytes.
    info = (
        pack_string(app_id.encode("ascii"))
        + middle
        + req.channel.encode("ascii")
        + pack_u16(len(uid))
        + uid
    )
    return _sealed(info, app_certificate, issued_at, salt)


class Signer:
    """Signs many tokens sharing certificate, issued_at and salt.

    The two key-derivation HMACs depend only on those, so a batch computes
    them once, and the key's pads too.
    """

    __slots__ = ("_ipad", "_opad")

    def __init__(self, app_certificate: str, issued_at: int, salt: int) -> None:
        self._ipad, self._opad = pads(signing_key(app_certificate, issued_at, salt))

    def encode(self, signing_info: bytes) -> str:
        signature = hmac_padded(self._ipad, self._opad, signing_info)
        return v007.encode(v007.SIGNATURE_PREFIX + signature + signing_info)


def tokens_for_uids(
    app_id: str,
    app_certificate: str,
    services: Sequence[Service],
    uids: Iterable[int],
    *,
    expire: int,
    issued_at: int,
    salt: int,
) -> Iterator[tuple[int, str]]:
    """One token per uid: ``services`` with the RTC service's uid replaced.

    Only the uid differs between the tokens, so the bytes before and after
    it are packed once (the RTC service packs its part before the uid).
    """
    wire_order = v007.ordered(services)
    rtc = wire_order[0]
    assert isinstance(rtc, RtcService)  # type 1 sorts first
    prefix = v007.pack_header(app_id, issued_at, expire, salt, len(wire_order))
    prefix += rtc.pack_before_uid()
    suffix = b"".join(s.pack() for s in wire_order[1:])
    encode = Signer(app_certificate, issued_at, salt).encode
    for uid in uids:
        wire_uid = b"%d" % uid if uid else b""
        yield uid, encode(prefix + pack_u16(len(wire_uid)) + wire_uid + suffix)


def is_plain_rtc(req: RtcRequest) -> bool:
    """True for the everyday request that cannot produce an issue (checked cheaply).

    Every request this accepts gets no issue from ``builders.rtc_issues``'
    full rules; anything else goes through them.
    """
    uid = req.uid
    return (
        req.account is None
        and type(uid) is int
        and 0 <= uid <= U32_MAX
        and type(req.expire) is int
        and 0 <= req.expire <= MAX_EXPIRE
        and req.privilege_expire is None
        and req.rtm_user_id is None
        and req.rtm_expire is None
        and req.join_expire is None
        and req.audio_expire is None
        and req.video_expire is None
        and req.data_expire is None
        and is_plain_name(req.channel, CHANNEL_MAX_BYTES)
    )
