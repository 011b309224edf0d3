"""What the token server is started with, and the keys it keeps on the app and requests."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Final

from aiohttp import web

from agora_desk.core.builders import CheckedCredentials
from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import InputError
from agora_desk.core.i18n import _
from agora_desk.core.secret import Secret
from agora_desk.core.validation import parse_seconds

# Real requests are a few hundred bytes; anything bigger is a mistake or abuse.
MAX_BODY_BYTES: Final = 16 * 1024
# A client has this long for a whole request head (also the keep-alive idle limit) ...
HEADER_TIMEOUT_S: Final = 10.0
# ... and this long for the body once the head is in.
BODY_TIMEOUT_S: Final = 10.0
# Open connections at most (lowered to fit the process's file limit); beyond it the
# longest-idle connection is closed to make room.
MAX_CONNECTIONS: Final = 1024
MIN_KEY_LENGTH: Final = 16
_HOST_NAME = re.compile(
    r"^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*$"
)


def normal_host_name(name: str) -> str:
    return name.strip().lower().rstrip(".")


def host_name_ok(name: str) -> bool:
    """A DNS name (``mylaptop.local``), as ``--allow-host`` takes it."""
    return bool(_HOST_NAME.match(normal_host_name(name)))


@dataclass(frozen=True)
class ServerConfig:
    """What the server signs with and how it answers."""

    app_id: str
    app_certificate: Secret
    default_expire: int = 3600
    cors_origin: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    profile: str | None = None
    # Host names (besides localhost and IP literals) the Host check lets through.
    allowed_hosts: tuple[str, ...] = ()
    # When set, every token request must carry it (header or ?key=).
    access_key: Secret | None = None
    header_timeout: float = HEADER_TIMEOUT_S
    body_timeout: float = BODY_TIMEOUT_S
    max_connections: int = MAX_CONNECTIONS

    def validate(self) -> None:
        """Raise :class:`InputError` now rather than a 400 on every request."""
        self.signing  # noqa: B018 - the property raises for a bad App ID or certificate
        parse_seconds(self.default_expire, "default expiry")
        if self.cors_origin is not None and not self.cors_origin.strip():
            raise InputError(
                "CORS origin", _("is empty; give an origin like http://localhost:3000")
            )
        for name in self.allowed_hosts:
            if not host_name_ok(name):
                raise InputError(
                    "allowed host",
                    _("give a host name such as mylaptop.local (no port, no scheme)"),
                )
        if self.access_key is not None and len(self.access_key) < MIN_KEY_LENGTH:
            raise InputError(
                "access key",
                _("is shorter than {count} characters").format(count=MIN_KEY_LENGTH),
            )
        if not (self.header_timeout > 0 and self.body_timeout > 0 and self.max_connections > 0):
            raise InputError("server limits", _("timeouts and the connection cap must be positive"))

    @cached_property
    def allowed_names(self) -> frozenset[str]:
        """:attr:`allowed_hosts` as the Host check compares them."""
        return frozenset(normal_host_name(n) for n in self.allowed_hosts)

    def credentials(self) -> Credentials:
        return Credentials(self.app_id, self.app_certificate, profile=self.profile)

    @cached_property
    def signing(self) -> CheckedCredentials:
        """The credentials checked once, for every token the server signs."""
        return CheckedCredentials.of(self.credentials())


CONFIG: Final = web.AppKey("config", ServerConfig)
