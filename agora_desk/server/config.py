"""What the token server is started with, and the keys it keeps on the app and requests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from aiohttp import web

from agora_desk.core.builders import Credentials, check_credentials
from agora_desk.core.errors import InputError
from agora_desk.core.secret import Secret
from agora_desk.core.validation import parse_seconds

# Real requests are a few hundred bytes; anything bigger is a mistake or abuse.
MAX_BODY_BYTES: Final = 16 * 1024


@dataclass(frozen=True)
class ServerConfig:
    """What the server signs with and how it answers."""

    app_id: str
    app_certificate: Secret
    default_expire: int = 3600
    cors_origin: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    profile: str | None = None

    def validate(self) -> None:
        """Raise :class:`InputError` now rather than a 400 on every request."""
        check_credentials(self.credentials())
        parse_seconds(self.default_expire, "default expiry")
        if self.cors_origin is not None and not self.cors_origin.strip():
            raise InputError("CORS origin", "is empty; give an origin like http://localhost:3000")

    def credentials(self) -> Credentials:
        return Credentials(self.app_id, self.app_certificate.reveal())


CONFIG: Final = web.AppKey("config", ServerConfig)
CHECK_HOST: Final = web.AppKey("check_host", bool)
