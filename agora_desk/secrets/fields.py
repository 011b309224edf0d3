"""Checks for the values a profile holds, raising :class:`InputError`.

App ID and App Certificate follow the core rule (32 hex characters) so that
the profile form, the CLI and the token builders say the same thing. Customer
ID / Secret have no published format; we only reject what breaks Basic auth.
"""

from __future__ import annotations

from typing import Final, Literal

from agora_desk.core.errors import InputError
from agora_desk.core.secret import Secret
from agora_desk.core.validation import check_hex32, raise_for_errors

Kind = Literal["app_certificate", "app_certificate_secondary", "customer_secret"]
APP_CERTIFICATE: Final = "app_certificate"
# Agora Console's second certificate per project, for rotation (keyring only, like the first).
APP_CERTIFICATE_SECONDARY: Final = "app_certificate_secondary"
CUSTOMER_SECRET: Final = "customer_secret"  # noqa: S105 - a kind name, not a secret
KINDS: Final[tuple[Kind, ...]] = (APP_CERTIFICATE, APP_CERTIFICATE_SECONDARY, CUSTOMER_SECRET)
CERTIFICATE_KINDS: Final[tuple[Kind, ...]] = (APP_CERTIFICATE, APP_CERTIFICATE_SECONDARY)
# Human names, used in messages and as InputError.field.
LABELS: Final[dict[str, str]] = {
    "app_id": "App ID",
    APP_CERTIFICATE: "App Certificate",
    APP_CERTIFICATE_SECONDARY: "Secondary App Certificate",
    "customer_id": "Customer ID",
    CUSTOMER_SECRET: "Customer Secret",
}

NAME_MAX = 64
# Shortest secret that is worth searching for in text we are about to write:
# shorter strings match by accident.
MIN_SCAN_LENGTH = 8


def check_kind(kind: str) -> Kind:
    if kind in KINDS:
        return kind
    # A programming error, not user input.
    raise ValueError(f"unknown secret kind {kind!r}; expected one of {', '.join(KINDS)}")


def validate_profile_name(name: str) -> str:
    """Profile names become keyring user names ("NAME/kind"), hence no '/'."""
    field = "profile name"
    if not name:
        raise InputError(field, "is empty")
    if name != name.strip():
        raise InputError(field, f"{name!r} has leading or trailing whitespace")
    if len(name) > NAME_MAX:
        raise InputError(field, f"is {len(name)} characters; at most {NAME_MAX}")
    if "/" in name or "\\" in name:
        raise InputError(field, f"{name!r} contains a slash; use letters, digits, '-', '_', '.'")
    if not name.isprintable():
        raise InputError(field, f"{name!r} contains a control or invisible character")
    return name


def validate_app_id(value: str) -> str:
    raise_for_errors(check_hex32(LABELS["app_id"], value))
    return value


def validate_customer_id(value: str) -> str:
    """Empty means "no Customer ID"."""
    field = LABELS["customer_id"]
    _check_pasted(field, value)
    if ":" in value:
        # Basic auth is base64("id:secret"); a colon in the id splits it wrongly.
        raise InputError(field, "contains ':', which Basic authentication cannot carry")
    return value


def validate_secret(kind: str, secret: Secret) -> Secret:
    """Never echoes the value, nor any character of it."""
    kind = check_kind(kind)
    field = LABELS[kind]
    if kind in CERTIFICATE_KINDS:
        raise_for_errors(check_hex32(field, secret.reveal(), secret=True))
        return secret
    value = secret.reveal()
    if not value:
        raise InputError(field, "is empty")
    _check_pasted(field, value)
    return secret


def _check_pasted(field: str, value: str) -> None:
    """What a paste leaves behind; the messages never quote the value."""
    if value != value.strip():
        raise InputError(field, "has leading or trailing whitespace (from a paste?)")
    if any(ch.isspace() or not ch.isprintable() for ch in value):
        raise InputError(field, "contains whitespace or an invisible character")
