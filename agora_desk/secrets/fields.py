"""Checks for the values a profile holds, raising :class:`InputError`.

Each value follows the core's rule (App ID and App Certificate: 32 hex
characters; Customer ID and Secret: what Basic auth can carry, in
:mod:`agora_desk.core.basic`), so the profile form, the CLI and the builders
say the same thing about the same value.
"""

from __future__ import annotations

from typing import Final, Literal

from agora_desk.core import redact
from agora_desk.core.basic import check_customer_id, check_customer_secret
from agora_desk.core.errors import InputError
from agora_desk.core.i18n import N_, Translated, _
from agora_desk.core.secret import Secret
from agora_desk.core.validation import check_hex32, raise_for_errors

Kind = Literal["app_certificate", "app_certificate_secondary", "customer_secret"]
# The profile's plain fields, by the keys the CLI, the environment table and the form use.
PROFILE_NAME: Final = "name"
APP_ID: Final = "app_id"
CUSTOMER_ID: Final = "customer_id"
APP_CERTIFICATE: Final = "app_certificate"
# Agora Console's second certificate per project, for rotation (keyring only, like the first).
APP_CERTIFICATE_SECONDARY: Final = "app_certificate_secondary"
CUSTOMER_SECRET: Final = "customer_secret"  # noqa: S105 - a kind name, not a secret
KINDS: Final[tuple[Kind, ...]] = (APP_CERTIFICATE, APP_CERTIFICATE_SECONDARY, CUSTOMER_SECRET)
CERTIFICATE_KINDS: Final[tuple[Kind, ...]] = (APP_CERTIFICATE, APP_CERTIFICATE_SECONDARY)
# Human names, used in messages and as InputError.field.
LABELS: Final[Translated[str]] = Translated(
    {
        APP_ID: N_("App ID"),
        APP_CERTIFICATE: N_("App Certificate"),
        APP_CERTIFICATE_SECONDARY: N_("Secondary App Certificate"),
        CUSTOMER_ID: N_("Customer ID"),
        CUSTOMER_SECRET: N_("Customer Secret"),
    }
)

NAME_MAX = 64
# Shortest secret worth searching for in text we are about to write (one rule
# with the redaction of logs and history).
MIN_SCAN_LENGTH = redact.MIN_SCAN_LENGTH


def check_kind(kind: str) -> Kind:
    if kind in KINDS:
        return kind
    # A programming error, not user input.
    raise ValueError(f"unknown secret kind {kind!r}; expected one of {', '.join(KINDS)}")


def validate_profile_name(name: str) -> str:
    """Profile names become keyring user names ("NAME/kind"), hence no '/'."""
    field = "profile name"
    if not name:
        raise InputError(field, _("is empty"))
    if name != name.strip():
        raise InputError(field, _("{name!r} has leading or trailing whitespace").format(name=name))
    if len(name) > NAME_MAX:
        raise InputError(
            field,
            _("is {count} characters; at most {name_max}").format(
                count=len(name), name_max=NAME_MAX
            ),
        )
    if "/" in name or "\\" in name:
        raise InputError(
            field,
            _("{name!r} contains a slash; use letters, digits, '-', '_', '.'").format(name=name),
        )
    if not name.isprintable():
        raise InputError(
            field, _("{name!r} contains a control or invisible character").format(name=name)
        )
    return name


def validate_app_id(value: str) -> str:
    raise_for_errors(check_hex32(LABELS[APP_ID], value))
    return value


def validate_customer_id(value: str) -> str:
    """Empty means "no Customer ID"; otherwise the core's Basic-auth rule."""
    if value:
        raise_for_errors(check_customer_id(value))
    return value


def validate_secret(kind: str, secret: Secret) -> Secret:
    """Never echoes the value, nor any character of it."""
    kind = check_kind(kind)
    field = LABELS[kind]
    if kind in CERTIFICATE_KINDS:
        raise_for_errors(check_hex32(field, secret.reveal(), secret=True))
        return secret
    raise_for_errors(check_customer_secret(secret.reveal()))
    return secret


def validate(field: str, value: str | Secret) -> str | Secret:
    """The rule for a profile field by its key (a secret kind takes a :class:`Secret`).

    The one table from field to check, for the CLI's options and environment
    and for the Profiles form.
    """
    if isinstance(value, Secret):
        return validate_secret(field, value)
    if field == APP_ID:
        return validate_app_id(value)
    if field == CUSTOMER_ID:
        return validate_customer_id(value)
    if field == PROFILE_NAME:
        return validate_profile_name(value)
    raise ValueError(f"unknown profile field {field!r}")  # a programming error


def problem(field: str, value: str | Secret) -> str | None:
    """What :func:`validate` objects to (never quoting a secret), or None: for forms."""
    try:
        validate(field, value)
    except InputError as exc:
        return exc.problem
    return None
