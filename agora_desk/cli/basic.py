"""``agora-desk basic``: the Basic credential header for Agora's REST API, or take one apart."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from agora_desk.cli import common
from agora_desk.core import basic
from agora_desk.core.errors import InputError
from agora_desk.core.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser(
        "basic",
        help=_("build a Basic credential header, or --decode one"),
        description=(
            _(
                "Print 'Basic <base64(customer_id:customer_secret)>' for Agora's REST API, or take a Basic header apart with --decode."
            )
        ),
        epilog=common.credentials_help(customer=True)
        + _(" Prefer '--decode -' and pipe the header in: an argument lands in shell history."),
    )
    p.add_argument(
        "--decode",
        metavar="HEADER",
        help=_(
            "a 'Basic …' header to take apart ('-' reads it from stdin); prints the Customer ID"
        ),
    )
    p.add_argument(
        "--reveal", action="store_true", help=_("with --decode: also print the Customer Secret")
    )
    p.add_argument("--json", action="store_true", help=_("print a JSON object"))
    common.add_profile_options(p, customer=True)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.decode is not None:
        return _decode(args)
    if args.reveal:
        raise InputError("--reveal", _("only goes with --decode"))
    creds = common.load(args, {"customer_id", "customer_secret"})
    header = basic.build_header(creds.customer_id, creds.require_customer_secret())
    if args.json:
        common.print_json({"header": header.reveal(), "customer_id": creds.customer_id})
    else:
        sys.stdout.write(header.reveal() + "\n")
    return common.EXIT_OK


def _decode(args: argparse.Namespace) -> int:
    text = common.read_stdin_text("--decode") if args.decode == "-" else args.decode
    cred = basic.parse_header(text)
    for issue in basic.check_customer_id(cred.customer_id) + basic.check_customer_secret(
        cred.customer_secret.reveal()
    ):
        common.warn(_("{issue} — Agora will answer 401").format(issue=issue))
    if args.json:
        obj: dict[str, Any] = {"customer_id": cred.customer_id}
        obj["customer_secret"] = (
            cred.customer_secret.reveal() if args.reveal else cred.customer_secret.masked()
        )
        common.print_json(obj)
    else:
        sys.stdout.write(cred.customer_id + "\n")
        if args.reveal:
            sys.stdout.write(cred.customer_secret.reveal() + "\n")
    return common.EXIT_OK
