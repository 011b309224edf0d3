"""Each authentication scheme as a class that applies itself to a request.

A scheme knows the header(s) Agora's docs give for it, what it needs
(errors name the missing field) and how "copy as curl" writes it.
"""

from __future__ import annotations

import re
import shlex
from typing import ClassVar, Final

from agora_desk.core.basic import build_header
from agora_desk.core.errors import InputError
from agora_desk.core.i18n import _
from agora_desk.core.rest.model import (
    ENV_CUSTOMER_ID,
    ENV_CUSTOMER_SECRET,
    Auth,
    AuthScheme,
    Header,
)
from agora_desk.core.secret import Secret

_HEADER_NAME: Final = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


def check_header(name: str, value: str) -> None:
    if not name or not _HEADER_NAME.fullmatch(name):
        raise InputError("header", _("{name} is not a valid header name").format(name=repr(name)))
    if any(ch in value for ch in "\r\n\0"):
        raise InputError(f"header {name}", _("contains a line break"))


class AuthMethod:
    """No credentials: the base every scheme refines."""

    scheme: ClassVar[AuthScheme] = AuthScheme.NONE
    # Headers this scheme sets, which the user's own headers may not repeat.
    owns: ClassVar[frozenset[str]] = frozenset()

    def headers(self, auth: Auth) -> list[Header]:
        return []

    def curl_user(self, auth: Auth, *, reveal: bool) -> str | None:
        """The ``-u`` argument "copy as curl" writes, or None to write the header as is."""
        return None


class BasicAuth(AuthMethod):
    scheme = AuthScheme.BASIC
    owns = frozenset({"authorization"})

    def headers(self, auth: Auth) -> list[Header]:
        if not auth.customer_id:
            raise InputError(
                "Customer ID", _("is needed for Basic auth (Agora Console → RESTful API)")
            )
        if not auth.customer_secret:
            raise InputError(
                "Customer Secret", _("is needed for Basic auth (Agora Console → RESTful API)")
            )
        return [Header("Authorization", build_header(auth.customer_id, auth.customer_secret))]

    def curl_user(self, auth: Auth, *, reveal: bool) -> str | None:
        if reveal and auth.customer_secret:
            return shlex.quote(f"{auth.customer_id}:{auth.customer_secret.reveal()}")
        return f'"${ENV_CUSTOMER_ID}:${ENV_CUSTOMER_SECRET}"'


class _TokenAuth(AuthMethod):
    owns = frozenset({"authorization", "x-agora-token"})

    def token(self, auth: Auth) -> str:
        token = auth.token.reveal() if auth.token else ""
        if not token:
            raise InputError("token", _("is needed for {scheme}").format(scheme=self.scheme.label))
        if token != token.strip() or any(ch.isspace() for ch in token):
            raise InputError(
                "token", _("contains whitespace (from a paste?); Agora will answer 401")
            )
        return token


class AgoraTokenAuth(_TokenAuth):
    """AccessToken2: ``Authorization: agora token=<token>``."""

    scheme = AuthScheme.TOKEN

    def headers(self, auth: Auth) -> list[Header]:
        return [Header("Authorization", Secret("agora token=" + self.token(auth)))]


class AccessTokenAuth(_TokenAuth):
    """The older pair: ``x-agora-token`` and ``x-agora-uid`` (the user the token is for)."""

    scheme = AuthScheme.ACCESS_TOKEN

    def headers(self, auth: Auth) -> list[Header]:
        token = self.token(auth)
        if not auth.uid:
            raise InputError(
                "uid", _("x-agora-uid is needed: the Signaling user ID the token was built for")
            )
        check_header("x-agora-uid", auth.uid)
        return [Header("x-agora-token", Secret(token)), Header("x-agora-uid", auth.uid)]


class BearerAuth(_TokenAuth):
    """Agora Chat: ``Authorization: Bearer <Chat app token>``."""

    scheme = AuthScheme.BEARER

    def headers(self, auth: Auth) -> list[Header]:
        return [Header("Authorization", Secret("Bearer " + self.token(auth)))]


METHODS_BY_SCHEME: Final[dict[AuthScheme, AuthMethod]] = {
    m.scheme: m
    for m in (AuthMethod(), BasicAuth(), AgoraTokenAuth(), AccessTokenAuth(), BearerAuth())
}


def method_for(scheme: AuthScheme) -> AuthMethod:
    return METHODS_BY_SCHEME[scheme]


def auth_headers(auth: Auth) -> list[Header]:
    """The header(s) Agora's docs give for ``auth.scheme``; errors name what is missing."""
    return method_for(auth.scheme).headers(auth)
