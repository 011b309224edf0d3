"""``--certificate primary|secondary``: which of a project's App Certificates signs.

Agora Console keeps a primary and a secondary App Certificate per project (the
secondary for rotation). The secondary comes from the profile's keyring entry
``NAME/app_certificate_secondary`` or ``AGORA_APP_CERTIFICATE_SECONDARY``, never
from an option's value.
"""

from __future__ import annotations

import argparse
from typing import Final

from agora_desk.cli import common
from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import InputError
from agora_desk.core.i18n import _
from agora_desk.core.secret import Secret
from agora_desk.secrets.fields import LABELS

CHOICES: Final = ("primary", "secondary")
FIELDS: Final = {"primary": "app_certificate", "secondary": "app_certificate_secondary"}


def _which(value: str) -> str:
    if value in CHOICES:
        return value
    # Never repeated: someone may have typed the certificate itself here.
    raise argparse.ArgumentTypeError(
        _(
            "is primary or secondary (the value given is not repeated here); the certificate itself comes from --profile or AGORA_APP_CERTIFICATE[_SECONDARY], never an option"
        )
    )


def add_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--certificate",
        type=_which,
        default="primary",
        metavar="primary|secondary",
        help=_(
            "sign with the profile's primary (default) or secondary App Certificate (the secondary from the keyring or AGORA_APP_CERTIFICATE_SECONDARY)"
        ),
    )


def chosen(args: argparse.Namespace) -> tuple[Credentials, Secret]:
    """The resolved credentials and the chosen certificate: --profile → environment → prompt."""
    which = getattr(args, "certificate", "primary")
    creds = common.load(args, {"app_id", FIELDS[which]})
    secret = creds.app_certificate if which == "primary" else creds.app_certificate_secondary
    if secret is None:  # load() raises first; this keeps the type honest
        raise InputError(LABELS[FIELDS[which]], _("is not given"))
    return creds, secret


def signing_credentials(args: argparse.Namespace) -> Credentials:
    """App ID and the chosen certificate (still a Secret), for the builders."""
    creds, secret = chosen(args)
    return Credentials(creds.app_id, secret, profile=creds.profile)
