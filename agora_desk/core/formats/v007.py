"""AccessToken2, version "007": build, parse, verify, describe and check.

    token        = "007" + base64(zlib(string(signature) + signing_info))
    signing_info = string(app_id) + u32 issued_at + u32 expire + u32 salt
                   + u16 service_count + service*

The services (each packing its own fields) are in :mod:`.v007_services`.
``expire`` and privilege values are durations in seconds from ``issued_at``
(0 = no limit of its own). This is the plain path; the builders' hot loop
signs through :mod:`agora_desk.core.batch`, which must give the same bytes.
"""

from __future__ import annotations

import binascii
import hmac
import secrets
import struct
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from agora_desk.core.errors import InputError, TokenFormatError
from agora_desk.core.formats.v007_services import (
    PERMISSION_TYPES,
    RESOURCE_TYPES,
    SERVICE_CLASSES,
    ApaasService,
    ChatService,
    ConvoAiService,
    DecodingBounded,
    FcdnService,
    FpaService,
    Permissions,
    RtcService,
    Rtm2Service,
    RtmService,
    Service,
    StreamingService,
    SttService,
    UnknownService,
)
from agora_desk.core.i18n import N_, _
from agora_desk.core.wire import U32_MAX, Reader, pack_string, pack_u16, pack_u32

# The services are part of this format's API: ``v007.RtcService`` and so on.
__all__ = [
    "MAX_CONTENT_BYTES",
    "PERMISSION_TYPES",
    "RESOURCE_TYPES",
    "SALT_MAX",
    "SERVICE_CLASSES",
    "SIGNATURE_PREFIX",
    "VERSION",
    "AccessToken2",
    "ApaasService",
    "ChatService",
    "ConvoAiService",
    "FcdnService",
    "FpaService",
    "Permissions",
    "RtcService",
    "Rtm2Service",
    "RtmService",
    "Service",
    "StreamingService",
    "SttService",
    "UnknownService",
    "build",
    "content_length",
    "decompress",
    "encode",
    "new_salt",
    "ordered",
    "pack_header",
    "pack_signing_info",
    "parse",
    "parse_content",
    "signing_key",
    "verify",
]

VERSION = "007"

# zlib streams of real tokens are a few hundred bytes; refuse to inflate a
# pasted "token" into something huge.
MAX_CONTENT_BYTES = 1 << 20

SALT_MAX = 99_999_999

# Real tokens carry a handful of services; a pasted one may declare tens of
# thousands. Decoding stops here (the signature still covers all of them), so
# the Inspect tab stays responsive for anything up to its paste limit.
MAX_SERVICES = 200


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
    bounded: int = 0  # entries not decoded inside the last service (a cap was reached)

    @property
    def version(self) -> str:
        return VERSION

    @property
    def expires_at(self) -> int:
        return self.issued_at + self.expire if self.expire else 0

    @property
    def complete(self) -> bool:
        """False when parsing stopped at an unknown service."""
        for s in self.services:  # a loop, not any(<generator>): describe() asks on every decode
            if isinstance(s, UnknownService):
                return False
        return True

    @property
    def capped(self) -> bool:
        """True when decoding stopped at :data:`MAX_SERVICES`."""
        return self.declared_service_count > MAX_SERVICES and len(self.services) == MAX_SERVICES


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


# -- build ---------------------------------------------------------------------


# HMAC-SHA256(key, msg): the standard library's, or fast_hmac's (the same bytes).
Mac = Callable[[bytes, bytes], bytes]


def _hmac_sha256(key: bytes, msg: bytes) -> bytes:
    return hmac.digest(key, msg, "sha256")


def signing_key(certificate: str, issued_at: int, salt: int, mac: Mac = _hmac_sha256) -> bytes:
    # Note the argument order: the timestamp and salt are the HMAC keys.
    return mac(pack_u32(salt), mac(pack_u32(issued_at), certificate.encode("ascii")))


def require_u32(name: str, value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= U32_MAX:
        raise InputError(name, f"must be a whole number from 0 to {U32_MAX}, got {value!r}")


# signing_info after the App ID, packed and parsed in one struct call: issued_at, expire, salt, the service count.
_HEADER = struct.Struct("<IIIH")
_HEADER_FIELDS = (N_("issued_at"), N_("expire"), N_("salt"), N_("the service count"))


def pack_header(app_id: str, issued_at: int, expire: int, salt: int, service_count: int) -> bytes:
    """``signing_info`` up to and including the service count."""
    return pack_string(app_id.encode("ascii")) + _HEADER.pack(
        issued_at, expire, salt, service_count
    )


def _type_of(service: Service) -> int:
    return service.service_type


def ordered(services: Iterable[Service]) -> list[Service]:
    """Wire order: by type; sorted() is stable, so repeated types keep their order."""
    return sorted(services, key=_type_of)


def pack_signing_info(
    app_id: str, issued_at: int, expire: int, salt: int, services: Sequence[Service]
) -> bytes:
    """Raises :class:`InputError` naming the field that cannot be packed."""
    try:
        if len(services) == 1:  # nothing to sort
            return pack_header(app_id, issued_at, expire, salt, 1) + services[0].pack()
        return pack_header(app_id, issued_at, expire, salt, len(services)) + b"".join(
            s.pack() for s in ordered(services)
        )
    except struct.error:
        # Out-of-range numbers: find which one, for a message that names it.
        require_u32("issued-at", issued_at)
        require_u32("expire", expire)
        require_u32("salt", salt)
        for service in services:
            for pid, value in service.privileges.items():
                require_u32(f"{service.name} privilege {pid} expiry", value)
        raise InputError("token fields", "a number is out of range") from None
    except ValueError as exc:  # a string over 65 535 bytes
        raise InputError("token fields", str(exc)) from None


# string(signature): a SHA-256 HMAC is always 32 bytes.
SIGNATURE_PREFIX = pack_u16(32)


def encode(content: bytes) -> str:
    """``"007"`` + base64(zlib(content)), byte-identical to the official builders."""
    # binascii directly: base64.b64encode is a Python wrapper around it.
    return VERSION + binascii.b2a_base64(zlib.compress(content), newline=False).decode("ascii")


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
    info = pack_signing_info(app_id, issued_at, expire, salt, service_list)
    key = signing_key(app_certificate, issued_at, salt)
    return encode(SIGNATURE_PREFIX + hmac.digest(key, info, "sha256") + info)


# -- parse -----------------------------------------------------------------------


def decompress(body: str) -> bytes:
    """base64 + zlib layer of a 007 token, with errors a person can act on."""
    try:
        # binascii directly: b64decode(validate=True) is this call behind a Python wrapper
        # (the same checks and messages).
        raw = binascii.a2b_base64(body, strict_mode=True)
    except (binascii.Error, ValueError) as exc:
        raise TokenFormatError(
            _("the part after '007' is not valid base64 ({error})").format(error=exc)
        ) from None
    inflater = zlib.decompressobj()
    try:
        content = inflater.decompress(raw, MAX_CONTENT_BYTES)
    except zlib.error as exc:
        raise TokenFormatError(
            _("the 007 token's compressed data is corrupt ({error})").format(error=exc)
        ) from None
    if inflater.unconsumed_tail:
        raise TokenFormatError(_("the token inflates to more than 1 MiB: not a real token"))
    if not inflater.eof:
        raise TokenFormatError(
            _("the 007 token's compressed data is cut short (incomplete zlib stream)")
        )
    if inflater.unused_data:
        # zlib would ignore it, but what the app sends is then not the token that was built.
        raise TokenFormatError(_("the 007 token goes on after the end of its compressed data"))
    return content


def content_length(raw: bytes) -> int | None:
    """How many bytes of ``raw`` (the base64-decoded text) the token's zlib stream uses;
    None when they do not hold a whole stream."""
    inflater = zlib.decompressobj()
    try:
        inflater.decompress(raw, MAX_CONTENT_BYTES)
    except zlib.error:
        return None
    if inflater.unconsumed_tail or not inflater.eof:
        return None
    return len(raw) - len(inflater.unused_data)


def parse_content(content: bytes) -> AccessToken2:
    reader = Reader(content, "the 007 token")
    signature = reader.string("the signature")
    info_start = reader.offset
    app_id = reader.string_text("the App ID")
    issued_at, expire, salt, count = reader.numbers(_HEADER, _HEADER_FIELDS)
    services: list[Service] = []
    bounded = 0
    for index in range(count):
        if index == MAX_SERVICES:
            break  # the rest stays in ``trailing``; describe() says how many are not shown
        stype = reader.u16("the type of service {} of {}", index + 1, count)
        cls = SERVICE_CLASSES.get(stype)
        if cls is None:
            services.append(UnknownService(type_id=stype, raw=reader.rest()))
            break
        privileges = reader.map_u32("the privileges of the {} service", cls.NAME)
        try:
            services.append(cls.unpack_fields(reader, privileges))
        except DecodingBounded as stop:
            services.append(stop.service)
            bounded = stop.hidden
            break
    # Positional: a keyword call costs more than the constructor's own work (once per decode).
    return AccessToken2(
        app_id,
        issued_at,
        expire,
        salt,
        services,
        signature,
        content[info_start:],
        count,
        reader.rest(),
        bounded,
    )


def parse(token: str) -> AccessToken2:
    if not token.startswith(VERSION):
        raise TokenFormatError(
            _("not a 007 token: it starts with {start!r}").format(start=token[:3])
        )
    return parse_content(decompress(token[len(VERSION) :]))


def verify(token: AccessToken2, app_certificate: str, mac: Mac = _hmac_sha256) -> bool:
    """True when the signature matches ``app_certificate`` (constant time)."""
    try:
        key = signing_key(app_certificate, token.issued_at, token.salt, mac)
    except UnicodeEncodeError:
        return False
    expected = mac(key, token.signing_info)
    return hmac.compare_digest(expected, token.signature)
