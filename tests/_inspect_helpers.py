"""Shared by the Inspect / diagnostics / fuzz tests: vectors, hand-built tokens, a fake profile store."""

from __future__ import annotations

import base64
import hmac
import threading
import zlib
from dataclasses import dataclass, field
from typing import Any

from _gui_helpers import KeyringLike
from vectors import all_cases

from agora_desk.core.checks import Expectations, typed_user
from agora_desk.core.formats import v006, v007
from agora_desk.core.formats.v007 import RtcService, RtmService
from agora_desk.core.secret import Secret
from agora_desk.core.wire import pack_map_u32, pack_string, pack_u16, pack_u32
from agora_desk.secrets.fields import APP_CERTIFICATE_SECONDARY

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
OTHER_CERT = "0123456789abcdef0123456789abcdef"
ISSUED = 1_700_000_000
SALT = 12345


def vector_cases() -> list[dict[str, Any]]:
    """Every official token case (tests/data/), each with its ``source`` file."""
    return all_cases()


def largest_vector() -> dict[str, Any]:
    return max(vector_cases(), key=lambda c: len(c["token"]))


def sample_cases() -> list[dict[str, Any]]:
    """A handful of real tokens covering 006, RTC/RTM, RTM2 permissions, APaaS, the largest."""
    cases = vector_cases()
    picked: dict[str, dict[str, Any]] = {}
    for case in cases:
        token = case["token"]
        types = {s.get("type") for s in case.get("services", [])}
        for key, wanted in (
            ("006", token.startswith("006")),
            ("rtm2", 8 in types),
            ("apaas", 7 in types),
            ("streaming", 3 in types or 6 in types),
            ("rtc+rtm", {1, 2} <= types),
            ("parse_only", "parse_only" in case),
        ):
            if wanted and key not in picked:
                picked[key] = case
    picked["largest"] = largest_vector()
    return list(picked.values())


def rtc_token(
    *,
    channel: str = "demo",
    uid: str = "42",
    expire: int = 3600,
    issued_at: int = ISSUED,
    privileges: dict[int, int] | None = None,
    certificate: str = CERT,
    extra_services: list[v007.Service] | None = None,
) -> str:
    privs = privileges if privileges is not None else {1: expire, 2: expire}
    services: list[v007.Service] = [
        RtcService(privileges=privs, channel_name=channel, uid=uid),
        *(extra_services or []),
    ]
    return v007.build(APP_ID, certificate, services, expire=expire, issued_at=issued_at, salt=SALT)


def token_006(
    *, channel: str = "demo", uid: str = "42", ts: int = ISSUED + 86400, join_until: int = 0
) -> str:
    return v006.build(APP_ID, CERT, channel, uid, {v006.JOIN_CHANNEL: join_until}, salt=SALT, ts=ts)


def token_with_unknown_service(type_id: int = 42, certificate: str = CERT) -> str:
    """A valid 007 (RTC + RTM) with a service of an unknown type appended, re-signed."""
    services = [
        RtcService(privileges={1: 3600}, channel_name="demo", uid="42"),
        RtmService(privileges={1: 3600}, user_id="alice"),
    ]
    unknown = pack_u16(type_id) + pack_map_u32({1: 600}) + pack_string(b"payload of the future")
    info = (
        pack_string(APP_ID.encode())
        + pack_u32(ISSUED)
        + pack_u32(3600)
        + pack_u32(SALT)
        + pack_u16(len(services) + 1)
        + b"".join(s.pack() for s in services)
        + unknown
    )
    return sign_and_encode(info, certificate)


def sign_and_encode(signing_info: bytes, certificate: str = CERT) -> str:
    """Sign raw 007 signing_info bytes, as a builder of a future version would."""
    key = v007.signing_key(certificate, ISSUED, SALT)
    signature = hmac.digest(key, signing_info, "sha256")
    content = pack_string(signature) + signing_info
    return "007" + base64.b64encode(zlib.compress(content)).decode("ascii")


def content_of(token: str) -> bytes:
    """The decompressed bytes of a 007 token."""
    return zlib.decompress(base64.b64decode(token[3:]))


def encode_content(content: bytes) -> str:
    return "007" + base64.b64encode(zlib.compress(content)).decode("ascii")


# -- a fake profile store for AppContext ---------------------------------------------


@dataclass
class FakeProfile:
    name: str
    app_id: str
    customer_id: str = ""


@dataclass
class FakeProfiles:
    """The methods AppContext.credentials_async calls, over a dict; can fail or hang on cue."""

    certificates: dict[str, str] = field(default_factory=dict)
    secondaries: dict[str, str] = field(default_factory=dict)
    fail: BaseException | None = None
    hold: threading.Event | None = None
    calls: list[str] = field(default_factory=list)
    threads: list[str] = field(default_factory=list)  # where each read ran
    secrets: KeyringLike = field(default_factory=KeyringLike)

    def app_certificate(self, name: str) -> Secret | None:
        self.calls.append(name)
        self.threads.append(threading.current_thread().name)
        if self.hold is not None:
            self.hold.wait(10)
        if self.fail is not None:
            raise self.fail
        value = self.certificates.get(name)
        return Secret(value) if value is not None else None

    def customer_secret(self, name: str) -> Secret | None:
        return None

    def list(self) -> list[Any]:
        return []  # no saved profiles to search (tests/gui/inspect/test_signer_search.py has them)

    def secret(self, name: str, kind: str) -> Secret | None:
        value = self.secondaries.get(name) if kind == APP_CERTIFICATE_SECONDARY else None
        return Secret(value) if value is not None else None


def expect(certificate: str | None = None, *, uid: str | None = None, **kw: Any) -> Expectations:
    """Expectations from plain test values: a certificate string, a uid as typed."""
    typed_uid, account = typed_user(uid) if uid is not None else (None, None)
    return Expectations(
        certificate=Secret(certificate) if certificate is not None else None,
        uid=typed_uid,
        account=account,
        **kw,
    )
