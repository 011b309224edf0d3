"""``agora-desk decode``: decode, verify and diagnose any Agora token."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from agora_desk.cli import common
from agora_desk.core.decoded import DecodedToken, Node, to_tree
from agora_desk.core.errors import InputError
from agora_desk.core.secret import Secret
from agora_desk.core.validation import check_hex32, raise_for_errors


def register(sub: Any) -> None:
    p = sub.add_parser(
        "decode",
        help="decode, verify and diagnose any Agora token",
        description=(
            "Decode a token (007, 006, 005, older, Signaling), check its expiry, and its "
            "signature when a certificate is available. Exit 1 when a check fails."
        ),
        epilog=(
            "Accepts what people paste: whitespace, quotes, 'agora token=' prefixes, URL-encoding. "
            "The certificate comes from --certificate-from-profile or AGORA_APP_CERTIFICATE."
        ),
    )
    p.add_argument(
        "token", nargs="?", default="-", metavar="TOKEN", help="the token, or - for stdin (default)"
    )
    p.add_argument(
        "--certificate-from-profile",
        "--profile",
        dest="profile",
        metavar="P",
        help="verify with this profile's App Certificate and check the App ID against it",
    )
    p.add_argument("--channel", metavar="NAME", help="the channel the token should be for")
    p.add_argument("--uid", metavar="U", help="the uid or account it should be for (0 = any user)")
    p.add_argument("--now", metavar="UNIX", help="check expiry against this time instead of now")
    p.add_argument("--json", action="store_true", help="print the decode JSON schema")
    p.set_defaults(func=run)


def _read_token(arg: str) -> str:
    if arg != "-":
        return arg
    if sys.stdin is None or sys.stdin.isatty():
        raise InputError("TOKEN", "give a token, or pipe one into 'agora-desk decode -'")
    return sys.stdin.read()


def run(args: argparse.Namespace) -> int:
    from agora_desk.core.checks import Expectations, typed_user
    from agora_desk.core.diagnostics import diagnose

    now = common.parse_int_option(args.now, "--now")
    text = _read_token(args.token)
    certificate: Secret | None = None
    app_id: str | None = None
    if args.profile is not None:
        creds = common.load(args, {"app_id", "app_certificate"})
        certificate = creds.app_certificate
        app_id = creds.app_id
    elif os.environ.get("AGORA_APP_CERTIFICATE"):
        certificate = Secret(os.environ["AGORA_APP_CERTIFICATE"])
        raise_for_errors(check_hex32("AGORA_APP_CERTIFICATE", certificate.reveal(), secret=True))
        app_id = os.environ.get("AGORA_APP_ID") or None
    uid, account = typed_user(args.uid) if args.uid is not None else (None, None)
    decoded = diagnose(
        text,
        Expectations(
            certificate=certificate,
            channel=args.channel,
            uid=uid,
            account=account,
            app_id=app_id,
            now=now,
        ),
    )
    if args.json:
        sys.stdout.write(decoded.json_text() + "\n")
    else:
        sys.stdout.write(render(decoded, now))
    return common.EXIT_CHECK_FAILED if decoded.failed_checks else common.EXIT_OK


def render(decoded: DecodedToken, now: int | None = None) -> str:
    """The human-readable report: the same tree the Inspect tab shows, then checks."""
    lines: list[str] = []

    def walk(node: Node, depth: int) -> None:
        text = node.text(now)
        value = f": {text}" if text else ""
        lines.append(f"{'  ' * depth}{node.label}{value}")
        for child in node.children:
            walk(child, depth + 1)

    for child in to_tree(decoded).children:
        walk(child, 0)
    if decoded.checks:
        lines.append("checks:")
        for check in decoded.checks:
            mark = "ok  " if check.ok else "FAIL"
            lines.append(f"  [{mark}] {check.name}: {check.detail}")
            if check.fix:
                lines.append(f"         fix: {check.fix}")
    if decoded.signature_valid is None and decoded.signature:
        lines.append(
            "signature not verified: give --certificate-from-profile or set AGORA_APP_CERTIFICATE"
        )
    for warning in decoded.warnings:
        lines.append(f"warning: {warning}")
    return "\n".join(lines) + "\n"
