"""AccessToken2, version "007": services, build, parse and verify.

    token        = "007" + base64(zlib(string(signature) + signing_info))
    signing_info = string(app_id) + u32 issued_at + u32 expire + u32 salt
                   + u16 service_count + service*
    service      = u16 type + map_u32 privileges + the service's own fields

Each service class packs and unpacks its own fields side by side, so a
service reads top to bottom in one place. Privilege values and ``expire``
are durations in seconds from ``issued_at`` (0 = no limit of its own).
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import secrets
import struct
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import ClassVar

from agora_desk.core.errors import InputError, TokenFormatError
from agora_desk.core.wire import (
    U32_MAX,
    Reader,
    pack_i16,
    pack_map_u32,
    pack_string,
    pack_u16,
    pack_u32,
    text,
    wire,
)

VERSION = "007"

# zlib streams of real tokens are a few hundred bytes; refuse to inflate a
# pasted "token" into something huge.
MAX_CONTENT_BYTES = 1 << 20

SALT_MAX = 99_999_999


# --------------------------------------------------------------------------
# Services
# --------------------------------------------------------------------------


@dataclass(kw_only=True)
class Service:
    """A service entry. Subclasses add their fields and (un)pack them."""

    TYPE: ClassVar[int] = 0
    NAME: ClassVar[str] = "service"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {}

    privileges: dict[int, int] = field(default_factory=dict)

    @property
    def service_type(self) -> int:
        return self.TYPE

    @property
    def name(self) -> str:
        return self.NAME

    def privilege_name(self, privilege_id: int) -> str:
        return self.PRIVILEGE_NAMES.get(privilege_id, f"privilege {privilege_id}")

    def pack(self) -> bytes:
        return pack_u16(self.service_type) + pack_map_u32(self.privileges) + self.pack_fields()

    def pack_fields(self) -> bytes:
        return b""

    @classmethod
    def unpack_fields(cls, reader: Reader, privileges: dict[int, int]) -> Service:
        return cls(privileges=privileges)

    def field_items(self) -> list[tuple[str, object]]:
        """The service's own fields (not privileges), in wire order."""
        return [(f.name, getattr(self, f.name)) for f in fields(self) if f.name != "privileges"]


@dataclass(kw_only=True)
class RtcService(Service):
    TYPE: ClassVar[int] = 1
    NAME: ClassVar[str] = "RTC"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {
        1: "joinChannel",
        2: "publishAudioStream",
        3: "publishVideoStream",
        4: "publishDataStream",
    }
    JOIN_CHANNEL: ClassVar[int] = 1
    PUBLISH_AUDIO: ClassVar[int] = 2
    PUBLISH_VIDEO: ClassVar[int] = 3
    PUBLISH_DATA: ClassVar[int] = 4

    channel_name: str = ""
    uid: str = ""  # "" = uid 0, any user; digits = int uid; else a user account

    def pack_fields(self) -> bytes:
        return pack_string(wire(self.channel_name)) + pack_string(wire(self.uid))

    @classmethod
    def unpack_fields(cls, reader: Reader, privileges: dict[int, int]) -> Service:
        channel = text(reader.string("the RTC channel name"))
        uid = text(reader.string("the RTC uid"))
        return cls(privileges=privileges, channel_name=channel, uid=uid)


@dataclass(kw_only=True)
class RtmService(Service):
    TYPE: ClassVar[int] = 2
    NAME: ClassVar[str] = "RTM"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {1: "login"}
    LOGIN: ClassVar[int] = 1

    user_id: str = ""

    def pack_fields(self) -> bytes:
        return pack_string(wire(self.user_id))

    @classmethod
    def unpack_fields(cls, reader: Reader, privileges: dict[int, int]) -> Service:
        return cls(privileges=privileges, user_id=text(reader.string("the RTM user ID")))


@dataclass(kw_only=True)
class StreamingService(Service):
    TYPE: ClassVar[int] = 3
    NAME: ClassVar[str] = "Streaming"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {1: "publishMixStream", 2: "publishRawStream"}

    channel_name: str = ""
    account: str = ""

    def pack_fields(self) -> bytes:
        return pack_string(wire(self.channel_name)) + pack_string(wire(self.account))

    @classmethod
    def unpack_fields(cls, reader: Reader, privileges: dict[int, int]) -> Service:
        channel = text(reader.string(f"the {cls.NAME} channel name"))
        account = text(reader.string(f"the {cls.NAME} account"))
        return cls(privileges=privileges, channel_name=channel, account=account)


@dataclass(kw_only=True)
class FpaService(Service):
    TYPE: ClassVar[int] = 4
    NAME: ClassVar[str] = "FPA"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {1: "login"}


@dataclass(kw_only=True)
class ChatService(Service):
    TYPE: ClassVar[int] = 5
    NAME: ClassVar[str] = "Chat"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {1: "user", 2: "app"}
    USER: ClassVar[int] = 1
    APP: ClassVar[int] = 2

    user_id: str = ""

    def pack_fields(self) -> bytes:
        return pack_string(wire(self.user_id))

    @classmethod
    def unpack_fields(cls, reader: Reader, privileges: dict[int, int]) -> Service:
        return cls(privileges=privileges, user_id=text(reader.string("the Chat user ID")))


@dataclass(kw_only=True)
class FcdnService(StreamingService):
    # Same fields as Streaming: channel name and account.
    TYPE: ClassVar[int] = 6
    NAME: ClassVar[str] = "FCDN"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {1: "publish", 2: "play"}


@dataclass(kw_only=True)
class ApaasService(Service):
    TYPE: ClassVar[int] = 7
    NAME: ClassVar[str] = "APaaS"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {1: "roomUser", 2: "user", 3: "app"}

    room_uuid: str = ""
    user_uuid: str = ""
    role: int = -1  # -1: not set

    def pack_fields(self) -> bytes:
        return (
            pack_string(wire(self.room_uuid))
            + pack_string(wire(self.user_uuid))
            + pack_i16(self.role)
        )

    @classmethod
    def unpack_fields(cls, reader: Reader, privileges: dict[int, int]) -> Service:
        room = text(reader.string("the APaaS room UUID"))
        user = text(reader.string("the APaaS user UUID"))
        role = reader.i16("the APaaS role")
        return cls(privileges=privileges, room_uuid=room, user_uuid=user, role=role)


RESOURCE_TYPES: Mapping[int, str] = {
    0: "messageChannels",
    1: "streamChannels",
    2: "groupChannels",
    3: "serverGroups",
    4: "users",
}
PERMISSION_TYPES: Mapping[int, str] = {0: "read", 1: "write"}

# resource type -> permission type -> resource names
Permissions = dict[int, dict[int, list[str]]]


@dataclass(kw_only=True)
class Rtm2Service(Service):
    TYPE: ClassVar[int] = 8
    NAME: ClassVar[str] = "RTM2"
    PRIVILEGE_NAMES: ClassVar[Mapping[int, str]] = {1: "login"}

    user_id: str = ""
    permissions: Permissions = field(default_factory=dict)

    def pack_fields(self) -> bytes:
        parts = [pack_string(wire(self.user_id)), pack_u16(len(self.permissions))]
        for rtype in sorted(self.permissions):
            by_perm = self.permissions[rtype]
            parts.append(pack_u16(rtype) + pack_u16(len(by_perm)))
            for ptype in sorted(by_perm):
                resources = by_perm[ptype]
                parts.append(pack_u16(ptype) + pack_u16(len(resources)))
                parts.extend(pack_string(wire(r)) for r in resources)
        return b"".join(parts)

    @classmethod
    def unpack_fields(cls, reader: Reader, privileges: dict[int, int]) -> Service:
        user_id = text(reader.string("the RTM2 user ID"))
        permissions: Permissions = {}
        for _ in range(reader.u16("the RTM2 resource type count")):
            rtype = reader.u16("an RTM2 resource type")
            by_perm: dict[int, list[str]] = {}
            for _ in range(reader.u16(f"the permission count of resource type {rtype}")):
                ptype = reader.u16("an RTM2 permission type")
                count = reader.u16(f"the resource count of permission {ptype}")
                by_perm[ptype] = [
                    text(reader.string("an RTM2 resource name")) for _ in range(count)
                ]
            permissions[rtype] = by_perm
        return cls(privileges=privileges, user_id=user_id, permissions=permissions)


@dataclass(kw_only=True)
class ConvoAiService(Service):
    TYPE: ClassVar[int] = 9
    NAME: ClassVar[str] = "ConvoAI"


@dataclass(kw_only=True)
class SttService(Service):
    TYPE: ClassVar[int] = 10
    NAME: ClassVar[str] = "STT"


@dataclass(kw_only=True)
class UnknownService(Service):
    """A service type this version does not know.

    Its length is not on the wire, so parsing stops here; ``raw`` keeps
    everything from its privilege map to the end of the token.
    """

    NAME: ClassVar[str] = "unknown"

    type_id: int = 0
    raw: bytes = b""

    @property
    def service_type(self) -> int:
        return self.type_id

    def pack(self) -> bytes:
        return pack_u16(self.type_id) + self.raw

    def field_items(self) -> list[tuple[str, object]]:
        return [("undecoded bytes", len(self.raw))]


SERVICE_CLASSES: Mapping[int, type[Service]] = {
    cls.TYPE: cls
    for cls in (
        RtcService,
        RtmService,
        StreamingService,
        FpaService,
        ChatService,
        FcdnService,
        ApaasService,
        Rtm2Service,
        ConvoAiService,
        SttService,
    )
}


# --------------------------------------------------------------------------
# The token
# --------------------------------------------------------------------------


@dataclass
class AccessToken2:
    app_id: str
    issued_at: int
    expire: int
    salt: int
    services: list[Service]
    signature: bytes = b""
    # The exact bytes the signature covers, kept from parsing so that a
    # token can be verified even when parts of it could not be decoded.
    signing_info: bytes = b""
    declared_service_count: int = 0
    trailing: bytes = b""

    @property
    def version(self) -> str:
        return VERSION

    @property
    def expires_at(self) -> int:
        return self.issued_at + self.expire if self.expire else 0

    @property
    def complete(self) -> bool:
        """False when parsing stopped at an unknown service."""
        return not any(isinstance(s, UnknownService) for s in self.services)


_salt_pool: list[int] = []
# Largest multiple of SALT_MAX below 2**32: values above it are dropped so
# that every salt in 1 ... SALT_MAX is equally likely.
_SALT_LIMIT = (1 << 32) // SALT_MAX * SALT_MAX


def new_salt() -> int:
    """A random salt in 1 ... 99 999 999, as the official builders draw it.

    Drawn from the OS CSPRNG 1024 at a time: one getrandom() call per token
    would cost more than signing it. list.pop() is atomic under the GIL, so
    threads may share the pool.
    """
    try:
        return _salt_pool.pop()
    except IndexError:
        raw = secrets.token_bytes(4096)
        _salt_pool.extend(
            v % SALT_MAX + 1 for (v,) in struct.iter_unpack("<I", raw) if v < _SALT_LIMIT
        )
        return _salt_pool.pop()


_IPAD = bytes(x ^ 0x36 for x in range(256))
_OPAD = bytes(x ^ 0x5C for x in range(256))
_sha256 = hashlib.sha256


def hmac_sha256(key: bytes, msg: bytes) -> bytes:
    """HMAC-SHA256 (RFC 2104) for keys of at most 64 bytes.

    The same bytes as ``hmac.digest(key, msg, "sha256")``; OpenSSL's one-shot
    HMAC sets up a MAC context per call, which costs more than the two
    hashes themselves on a token's few hundred bytes.
    """
    padded = key.ljust(64, b"\0")
    inner = _sha256(padded.translate(_IPAD) + msg).digest()
    return _sha256(padded.translate(_OPAD) + inner).digest()


@functools.lru_cache(maxsize=32)
def _first_key(certificate: str, issued_at: int) -> bytes:
    # Shared by every token built in the same second with the same certificate.
    return hmac_sha256(pack_u32(issued_at), certificate.encode("ascii"))


def signing_key(certificate: str, issued_at: int, salt: int) -> bytes:
    # Note the argument order: the timestamp and salt are the HMAC keys.
    return hmac_sha256(pack_u32(salt), _first_key(certificate, issued_at))


def _check_u32(name: str, value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= U32_MAX:
        raise InputError(name, f"must be a whole number from 0 to {U32_MAX}, got {value!r}")


def pack_header(app_id: str, issued_at: int, expire: int, salt: int, service_count: int) -> bytes:
    """``signing_info`` up to and including the service count."""
    return (
        pack_string(app_id.encode("ascii"))
        + pack_u32(issued_at)
        + pack_u32(expire)
        + pack_u32(salt)
        + pack_u16(service_count)
    )


def _type_of(service: Service) -> int:
    return service.service_type


def ordered(services: Iterable[Service]) -> list[Service]:
    """Wire order: by type; sorted() is stable, so repeated types keep their order."""
    return sorted(services, key=_type_of)


def pack_signing_info(
    app_id: str, issued_at: int, expire: int, salt: int, services: Sequence[Service]
) -> bytes:
    return pack_header(app_id, issued_at, expire, salt, len(services)) + b"".join(
        s.pack() for s in ordered(services)
    )


# string(signature): a SHA-256 HMAC is always 32 bytes.
_SIGNATURE_PREFIX = pack_u16(32)


def encode(content: bytes) -> str:
    """``"007"`` + base64(zlib(content)), byte-identical to the official builders."""
    # binascii directly: base64.b64encode is a Python wrapper around it.
    return VERSION + binascii.b2a_base64(zlib.compress(content), newline=False).decode("ascii")


class Signer:
    """Signs and encodes many tokens sharing App ID, certificate, issued_at and salt.

    The two key-derivation HMACs depend only on those, so a batch (``--uid-range``,
    the token server) computes them once.
    """

    __slots__ = ("_ipad", "_opad")

    def __init__(self, app_certificate: str, issued_at: int, salt: int) -> None:
        # hmac_sha256 with the key's pads computed once for the whole batch.
        padded = signing_key(app_certificate, issued_at, salt).ljust(64, b"\0")
        self._ipad = padded.translate(_IPAD)
        self._opad = padded.translate(_OPAD)

    def encode(self, signing_info: bytes) -> str:
        inner = _sha256(self._ipad + signing_info).digest()
        signature = _sha256(self._opad + inner).digest()
        return encode(_SIGNATURE_PREFIX + signature + signing_info)


def _seal(key: bytes, signing_info: bytes) -> str:
    return encode(_SIGNATURE_PREFIX + hmac_sha256(key, signing_info) + signing_info)


def build(
    app_id: str,
    app_certificate: str,
    services: Iterable[Service],
    *,
    expire: int,
    issued_at: int,
    salt: int,
) -> str:
    """Sign and encode. Inputs must already be validated (see builders)."""
    service_list = list(services)
    if not service_list:
        raise InputError("services", "a token needs at least one service")
    try:
        if len(service_list) == 1:  # nothing to sort
            info = pack_header(app_id, issued_at, expire, salt, 1) + service_list[0].pack()
        else:
            info = pack_signing_info(app_id, issued_at, expire, salt, service_list)
    except struct.error:
        # Out-of-range numbers: find which one, for a message that names it.
        _check_u32("issued-at", issued_at)
        _check_u32("expire", expire)
        _check_u32("salt", salt)
        for service in service_list:
            for pid, value in service.privileges.items():
                _check_u32(f"{service.name} privilege {pid} expiry", value)
        raise InputError("token fields", "a number is out of range") from None
    except ValueError as exc:  # a string over 65 535 bytes
        raise InputError("token fields", str(exc)) from None
    return _seal(signing_key(app_certificate, issued_at, salt), info)


def decompress(body: str) -> bytes:
    """base64 + zlib layer of a 007 token, with errors a person can act on."""
    try:
        raw = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise TokenFormatError(f"the part after '007' is not valid base64 ({exc})") from None
    inflater = zlib.decompressobj()
    try:
        content = inflater.decompress(raw, MAX_CONTENT_BYTES)
    except zlib.error as exc:
        raise TokenFormatError(f"the 007 token's compressed data is corrupt ({exc})") from None
    if inflater.unconsumed_tail:
        raise TokenFormatError("the token inflates to more than 1 MiB: not a real token")
    if not inflater.eof:
        raise TokenFormatError(
            "the 007 token's compressed data is cut short (incomplete zlib stream)"
        )
    return content


def parse_content(content: bytes) -> AccessToken2:
    reader = Reader(content, "the 007 token")
    signature = reader.string("the signature")
    info_start = reader.offset
    app_id = text(reader.string("the App ID"))
    issued_at = reader.u32("issued_at")
    expire = reader.u32("expire")
    salt = reader.u32("salt")
    count = reader.u16("the service count")
    services: list[Service] = []
    for index in range(count):
        stype = reader.u16(f"the type of service {index + 1} of {count}")
        cls = SERVICE_CLASSES.get(stype)
        if cls is None:
            services.append(UnknownService(type_id=stype, raw=reader.rest()))
            break
        privileges = reader.map_u32(f"the privileges of the {cls.NAME} service")
        services.append(cls.unpack_fields(reader, privileges))
    trailing = reader.rest()
    return AccessToken2(
        app_id=app_id,
        issued_at=issued_at,
        expire=expire,
        salt=salt,
        services=services,
        signature=signature,
        signing_info=content[info_start:],
        declared_service_count=count,
        trailing=trailing,
    )


def parse(token: str) -> AccessToken2:
    if not token.startswith(VERSION):
        raise TokenFormatError(f"not a 007 token: it starts with {token[:3]!r}")
    return parse_content(decompress(token[len(VERSION) :]))


def verify(token: AccessToken2, app_certificate: str) -> bool:
    """True when the signature matches ``app_certificate`` (constant time)."""
    try:
        key = signing_key(app_certificate, token.issued_at, token.salt)
    except UnicodeEncodeError:
        return False
    expected = hmac.digest(key, token.signing_info, "sha256")
    return hmac.compare_digest(expected, token.signature)
