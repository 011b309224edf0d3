"""The nouns of a test request: schemes, credentials, the request and its wire form.

Scheme names follow the command-line contract: ``token`` is AccessToken2
(``Authorization: agora token=<token>``), ``access-token`` is the older
AccessToken header pair (``x-agora-token`` + ``x-agora-uid``), ``bearer`` is
Agora Chat's ``Authorization: Bearer <app token>``.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Final

from agora_desk.core.errors import AgoraDeskError, InputError
from agora_desk.core.i18n import N_, Translated, _
from agora_desk.core.redact import SENSITIVE_HEADERS
from agora_desk.core.rest.urls import join_url
from agora_desk.core.secret import Secret

DEFAULT_BASE_URL: Final = "https://api.agora.io"
DEFAULT_TIMEOUT_S: Final = 15.0
METHODS: Final = ("GET", "POST", "PUT", "PATCH", "DELETE")
CONTENT_TYPE: Final = "application/json"

# Environment variable names "copy as curl" writes instead of secrets.
ENV_CUSTOMER_ID: Final = "AGORA_CUSTOMER_ID"
ENV_CUSTOMER_SECRET: Final = "AGORA_CUSTOMER_SECRET"  # noqa: S105 - a variable name
ENV_TOKEN: Final = "AGORA_TOKEN"  # noqa: S105 - a variable name
ENV_BASIC: Final = "AGORA_BASIC_CREDENTIAL"


class RestError(AgoraDeskError):
    """A REST request cannot be built as asked."""


class AuthScheme(str, Enum):
    BASIC = "basic"
    TOKEN = "token"  # noqa: S105 - AccessToken2: Authorization: agora token=<token>
    ACCESS_TOKEN = "access-token"  # noqa: S105 - x-agora-token + x-agora-uid
    BEARER = "bearer"  # Agora Chat: Authorization: Bearer <app token>
    NONE = "none"

    @property
    def label(self) -> str:
        return AUTH_LABELS[self]

    @property
    def uses_token(self) -> bool:
        return self in (AuthScheme.TOKEN, AuthScheme.ACCESS_TOKEN, AuthScheme.BEARER)


AUTH_LABELS: Final[Mapping[AuthScheme, str]] = Translated(
    {
        AuthScheme.BASIC: N_("Basic (Customer ID + Customer Secret)"),
        AuthScheme.TOKEN: N_("AccessToken2 (Authorization: agora token=…)"),
        AuthScheme.ACCESS_TOKEN: N_("AccessToken (x-agora-token + x-agora-uid)"),
        AuthScheme.BEARER: N_("Bearer (Chat app token)"),
        AuthScheme.NONE: N_("None"),
    }
)

_SCHEME_ALIASES: Final = {"agora-token": "token", "accesstoken2": "token", "legacy": "access-token"}


def parse_scheme(value: str | AuthScheme) -> AuthScheme:
    if isinstance(value, AuthScheme):
        return value
    text = value.strip().lower()
    try:
        return AuthScheme(_SCHEME_ALIASES.get(text, text))
    except ValueError:
        names = ", ".join(s.value for s in AuthScheme)
        raise InputError(
            "auth", _("{value} is not a scheme; use {names}").format(value=repr(value), names=names)
        ) from None


class FailureKind(str, Enum):
    """Why a request got no HTTP answer: raised by the transport, explained by the core."""

    TLS = "tls"
    TIMEOUT = "timeout"
    DNS = "dns"
    REFUSED = "refused"
    CONNECTION = "connection"
    PROXY = "proxy"
    CANCELLED = "cancelled"
    REDIRECTS = "redirects"
    INSECURE_REDIRECT = "insecure-redirect"
    DECODING = "decoding"

    @property
    def label(self) -> str:
        """A word or two for people (the value stays English: JSON and history use it)."""
        return FAILURE_LABELS[self]


FAILURE_LABELS: Final[Mapping[FailureKind, str]] = Translated(
    {
        FailureKind.TLS: N_("TLS failed"),
        FailureKind.TIMEOUT: N_("timed out"),
        FailureKind.DNS: N_("host not found"),
        FailureKind.REFUSED: N_("refused"),
        FailureKind.CONNECTION: N_("connection failed"),
        FailureKind.PROXY: N_("proxy failed"),
        FailureKind.CANCELLED: N_("cancelled"),
        FailureKind.REDIRECTS: N_("too many redirects"),
        FailureKind.INSECURE_REDIRECT: N_("insecure redirect"),
        FailureKind.DECODING: N_("unreadable answer"),
    }
)


@dataclass(frozen=True)
class Auth:
    """One request's credentials. Secrets stay wrapped until :func:`~.request.prepare`."""

    scheme: AuthScheme = AuthScheme.NONE
    customer_id: str = ""
    customer_secret: Secret | None = None
    token: Secret | None = None
    uid: str = ""  # x-agora-uid: the Signaling user ID the token was built for

    def secret_values(self) -> dict[str, str]:
        """``{value: variable name}`` of every secret this auth carries."""
        found: dict[str, str] = {}
        if self.customer_secret:
            found[self.customer_secret.reveal()] = ENV_CUSTOMER_SECRET
        if self.token:
            found[self.token.reveal()] = ENV_TOKEN
        if self.customer_secret and self.customer_id:
            # The header's base64 is as good as the secret itself.
            raw = f"{self.customer_id}:{self.customer_secret.reveal()}".encode()
            found[base64.b64encode(raw).decode("ascii")] = ENV_BASIC
        return found


@dataclass(frozen=True)
class Header:
    name: str
    value: str | Secret

    @property
    def sensitive(self) -> bool:
        return isinstance(self.value, Secret) or self.name.strip().lower() in SENSITIVE_HEADERS

    def reveal(self) -> str:
        return self.value.reveal() if isinstance(self.value, Secret) else self.value


@dataclass(frozen=True)
class RestRequest:
    method: str
    base_url: str
    path: str
    auth: Auth = field(default_factory=Auth)
    headers: tuple[tuple[str, str], ...] = ()  # the user's own, in order
    body: Any = None  # a JSON value, or None for no body
    preset: str | None = None  # the preset's name, for history

    @property
    def url(self) -> str:
        return join_url(self.base_url, self.path)


@dataclass(frozen=True)
class Prepared:
    """The bytes to send. ``headers`` keep secrets wrapped; the transport reveals them."""

    method: str
    url: str
    headers: tuple[Header, ...]
    body: bytes | None
    secrets: tuple[Secret, ...] = ()  # every secret in headers or body, for scrubbing

    def header(self, name: str) -> str | None:
        for h in self.headers:
            if h.name.lower() == name.lower():
                return h.reveal()
        return None

    def header_pairs(self) -> list[tuple[str, str | Secret]]:
        return [(h.name, h.value) for h in self.headers]
