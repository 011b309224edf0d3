"""HTTP Basic credentials for Agora's REST API: build and take apart.

``Authorization: Basic base64(customer_id ":" customer_secret)``. The
secret is the one the Console lets you download once; it never leaves a
:class:`Secret` except inside the header string itself.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from enum import Enum

from agora_desk.core.errors import InputError
from agora_desk.core.i18n import _
from agora_desk.core.secret import Secret
from agora_desk.core.validation import QUOTES, Issue, describe_char, raise_for_errors


def check_customer_id(value: str) -> list[Issue]:
    return _check("Customer ID", value, allow_colon=False)


def check_customer_secret(value: str) -> list[Issue]:
    return _check("Customer Secret", value, allow_colon=True)


def _check(field: str, value: str, *, allow_colon: bool) -> list[Issue]:
    if not value:
        return [Issue("error", field, _("is empty; copy it from Agora Console → RESTful API"))]
    if value != value.strip():
        return [
            Issue(
                "error", field, _("has whitespace around it (from a paste?): Agora will answer 401")
            )
        ]
    if len(value) >= 2 and value[0] in QUOTES and value[-1] in QUOTES:
        return [Issue("error", field, _("is wrapped in quotes (from a paste?)"))]
    if not allow_colon and ":" in value:
        return [Issue("error", field, _("contains ':', which would split the Basic credential"))]
    for pos, ch in enumerate(value, start=1):
        if not ch.isprintable() or ch.isspace():
            return [
                Issue(
                    "error",
                    field,
                    _("{what} at position {pos} is not allowed").format(
                        what=describe_char(ch), pos=pos
                    ),
                )
            ]
    return []


def build_header(customer_id: str, customer_secret: Secret) -> Secret:
    """``Basic …`` header value. Returned as a :class:`Secret`: it holds the secret."""
    raise_for_errors(
        check_customer_id(customer_id) + check_customer_secret(customer_secret.reveal())
    )
    raw = f"{customer_id}:{customer_secret.reveal()}".encode()
    return Secret("Basic " + base64.b64encode(raw).decode("ascii"))


@dataclass(frozen=True)
class BasicCredential:
    customer_id: str
    customer_secret: Secret

    def __repr__(self) -> str:
        return f"BasicCredential(customer_id={self.customer_id!r}, customer_secret={self.customer_secret!r})"


def parse_header(header: str) -> BasicCredential:
    """Take apart ``[Authorization:] Basic <base64>``; errors name the problem."""
    text = header.strip()
    if text.lower().startswith("authorization:"):
        text = text.split(":", 1)[1].strip()
    scheme, _sep, value = text.partition(" ")
    if scheme.lower() != "basic":
        raise InputError(
            "header", _("does not start with 'Basic ' (the scheme of Agora's Basic auth)")
        )
    value = value.strip()
    if not value:
        raise InputError("header", _("has no credential after 'Basic'"))
    try:
        raw = base64.b64decode(value + "=" * (-len(value) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise InputError("header", _("the part after 'Basic' is not valid base64")) from None
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("header", _("the decoded credential is not UTF-8 text")) from None
    if ":" not in decoded:
        raise InputError(
            "header", _("the decoded credential has no ':' between Customer ID and secret")
        )
    customer_id, secret = decoded.split(":", 1)
    return BasicCredential(customer_id, Secret(secret))


def authorization_line(header: Secret) -> Secret:
    """``Authorization: Basic …``: the whole HTTP header line, as in a raw request."""
    return Secret(f"Authorization: {header.reveal()}")


def curl_with_header(header: Secret, url: str) -> Secret:
    """``curl -H 'Authorization: Basic …' URL``: a command that tries the credential."""
    import shlex

    line = authorization_line(header).reveal()
    return Secret(f"curl -H {shlex.quote(line)} {shlex.quote(url)}")


class Match(Enum):
    """How a decoded header compares with a profile's (or the typed) credentials."""

    SAME = "same"  # Customer ID and Customer Secret both equal
    OTHER_ID = "other id"
    OTHER_SECRET = "other secret"  # noqa: S105 - a state name: same Customer ID, another secret
    ID_ONLY = "id only"  # same Customer ID; no secret saved to compare with


def compare(decoded: BasicCredential, customer_id: str, secret: Secret | None) -> Match:
    """Compare without revealing anything: Secret equality is constant-time."""
    if decoded.customer_id != customer_id:
        return Match.OTHER_ID
    if secret is None or not secret:
        return Match.ID_ONLY
    return Match.SAME if decoded.customer_secret == secret else Match.OTHER_SECRET
