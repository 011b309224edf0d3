"""``agora-desk decode``: decode, verify and diagnose any Agora token.

The verdict comes first; then the checks in causal order, the decoded
fields, and warnings. Output is always valid UTF-8: bytes of a token field
that are not UTF-8 are written as ``\\xNN``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from typing import Any

from agora_desk.cli import common
from agora_desk.core.damage import partial_tree
from agora_desk.core.decoded import DecodedToken, Node, to_tree
from agora_desk.core.errors import AgoraDeskError, InputError
from agora_desk.core.i18n import _
from agora_desk.core.secret import Secret
from agora_desk.core.validation import check_hex32, parse_uid, raise_for_errors

ENV_SECONDARY = "AGORA_APP_CERTIFICATE_SECONDARY"


def register(sub: Any) -> None:
    p = sub.add_parser(
        "decode",
        help=_("decode, verify and diagnose any Agora token"),
        description=(
            _(
                "Decode a token (007, 006, 005, older, Signaling) and say first whether Agora would accept it for the join you describe, and why not. Exit 1 when a check fails."
            )
        ),
        epilog=(
            _(
                "Accepts what people paste: whitespace, quotes, 'agora token=' prefixes, URL-encoding, JSON-escaped slashes, spaces for '+'. Without --certificate-from-profile or AGORA_APP_CERTIFICATE, every saved profile with the token's App ID is tried."
            )
        ),
    )
    p.add_argument(
        "token",
        nargs="?",
        default="-",
        metavar="TOKEN",
        help=_("the token, or - for stdin (default)"),
    )
    p.add_argument(
        "--certificate-from-profile",
        "--profile",
        dest="profile",
        metavar="P",
        help=_("verify with this profile's certificates and check the App ID against it"),
    )
    p.add_argument("--app-id", metavar="ID", help=_("the App ID the app uses (not secret)"))
    p.add_argument("--channel", metavar="NAME", help=_("the channel the app joins"))
    who = p.add_mutually_exclusive_group()
    who.add_argument(
        "--uid", metavar="N", help=_("the numeric uid the app joins with (0 = any user)")
    )
    who.add_argument(
        "--account", metavar="S", help=_("the string user account the app joins with ('0' too)")
    )
    p.add_argument(
        "--role", metavar="ROLE", help=_("publisher or subscriber: what the app joins as")
    )
    p.add_argument("--rtm-user", metavar="ID", help=_("the Signaling (RTM) user ID that logs in"))
    p.add_argument(
        "--error", metavar="CODE", help=_("the error code or message the app got (110, 109, ...)")
    )
    p.add_argument("--now", metavar="UNIX", help=_("check expiry against this time instead of now"))
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help=_("print the decode JSON schema"))
    out.add_argument(
        "--report", action="store_true", help=_("a text safe to paste into a public issue")
    )
    p.set_defaults(func=run)


def _read_token(arg: str) -> str:
    if arg != "-":
        return arg
    if sys.stdin is None or sys.stdin.isatty():
        raise InputError("TOKEN", _("give a token, or pipe one into 'agora-desk decode -'"))
    # A token is ASCII; odd bytes survive as surrogates, so the reason can show them.
    return common.read_stdin_text("TOKEN", strict=False)


def safe_text(text: str) -> str:
    """Valid UTF-8 whatever a field holds: lone surrogates (non-UTF-8 bytes) as \\xNN."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def write(text: str) -> None:
    """Write UTF-8 bytes, so a strict or C-locale stdout never fails."""
    data = safe_text(text).encode("utf-8")
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


class ProfileSigners:
    """Saved profiles and their keyring certificates, for the signer lookup."""

    def __init__(self) -> None:
        from agora_desk.secrets.profiles import ProfileStore

        self.store = ProfileStore()

    def profiles_with(self, app_id: str) -> Sequence[str]:
        return [p.name for p in self.store.list() if p.app_id.lower() == app_id.lower()]

    def candidates(self, app_id: str) -> Sequence[Any]:
        from agora_desk.core.diagnostics import Candidate
        from agora_desk.secrets.fields import APP_CERTIFICATE, APP_CERTIFICATE_SECONDARY

        found: list[Candidate] = []
        for name in self.profiles_with(app_id):
            for kind, which in (
                (APP_CERTIFICATE, "primary"),
                (APP_CERTIFICATE_SECONDARY, "secondary"),
            ):
                secret = self.store.secret(name, kind)
                if secret:
                    found.append(Candidate(secret, name, which))
        return found


def _env_signers() -> list[Any]:
    from agora_desk.core.diagnostics import Candidate

    found = []
    for env, which in (("AGORA_APP_CERTIFICATE", "primary"), (ENV_SECONDARY, "secondary")):
        value = os.environ.get(env)
        if value:
            raise_for_errors(check_hex32(env, value, secret=True))
            found.append(Candidate(Secret(value), None, which))
    return found


def run(args: argparse.Namespace) -> int:
    from agora_desk.core.builders import parse_role
    from agora_desk.core.checks import Expectations
    from agora_desk.core.damage import DamagedTokenError
    from agora_desk.core.diagnostics import Candidate, diagnose
    from agora_desk.core.verdict import report

    now = common.parse_int_option(args.now, "--now")
    text = _read_token(args.token)
    uid = parse_uid(args.uid, "--uid") if args.uid is not None else None
    role = parse_role(args.role) if args.role is not None else None
    signers: list[Candidate] | None = None
    lookup: ProfileSigners | None = None
    app_id, source = args.app_id, "--app-id"
    if args.profile is not None:
        store = ProfileSigners().store
        profile = store.get(args.profile)
        signers = [
            Candidate(secret, profile.name, which)
            for kind, which in (
                ("app_certificate", "primary"),
                ("app_certificate_secondary", "secondary"),
            )
            if (secret := store.secret(profile.name, kind))
        ]
        if not signers:
            raise InputError(
                "--certificate-from-profile",
                _("profile {name!r} has no App Certificate in the keyring").format(
                    name=profile.name
                ),
            )
        if app_id is None:
            app_id, source = profile.app_id, _("profile {name!r}").format(name=profile.name)
        lookup = _lookup_or_none()  # to name the profile of another App ID
    elif os.environ.get("AGORA_APP_CERTIFICATE"):
        signers = _env_signers()
    else:
        lookup = _lookup_or_none()
    if app_id is None and os.environ.get("AGORA_APP_ID"):
        app_id, source = os.environ["AGORA_APP_ID"], "AGORA_APP_ID"
    expect = Expectations(
        channel=args.channel,
        uid=uid,
        account=args.account,
        rtm_user=args.rtm_user,
        role=role,
        error=args.error,
        app_id=app_id or None,
        app_id_source=_("the App ID from {source}").format(source=source),
        now=now,
        now_is_clock=now is None,
    )
    try:
        decoded = diagnose(text, expect, signers=signers, lookup=lookup)
    except DamagedTokenError as exc:
        if args.json:
            common.print_json({"error": str(exc), "partial": exc.partial})
            return common.EXIT_INVALID
        # The reason is the first sentence a person reads (stderr, as for any
        # refused input); what the bytes still give (often the App ID, enough to
        # find the project) follows it.
        common.error(str(exc))
        sys.stderr.flush()
        write(render_partial(exc.partial, int(time.time()) if now is None else now))
        return exc.exit_code
    moment = int(time.time()) if now is None else now
    if args.json:
        write(decoded.json_text() + "\n")
    elif args.report:
        write(report(decoded, moment))
    else:
        write(render(decoded, moment))
    return common.EXIT_CHECK_FAILED if decoded.failed_checks else common.EXIT_OK


def _lookup_or_none() -> ProfileSigners | None:
    try:
        return ProfileSigners()
    except AgoraDeskError as exc:
        common.warn(_("saved profiles were not searched for the signer: {error}").format(error=exc))
        return None


def render_partial(partial: dict[str, Any], now: int) -> str:
    tree = partial_tree(partial)
    if tree is None:
        return ""
    rows = [
        "  " + _("{label}: {value}").format(label=row.label, value=row.text(now))
        for row in tree.children
    ]
    return "\n".join([tree.label, *rows]) + "\n"


def render(decoded: DecodedToken, now: int | None = None) -> str:
    """Verdict, checks, then the same tree the Inspect tab shows, then warnings."""
    lines: list[str] = []
    if decoded.verdict is not None:
        lines.append(decoded.verdict.summary)
    if decoded.checks:
        lines.append(_("checks:"))
        from agora_desk.core.verdict import check_lines  # imported when a decode runs

        lines += check_lines(decoded.checks)

    def walk(node: Node, depth: int) -> None:
        text = node.text(now)
        line = _("{label}: {value}").format(label=node.label, value=text) if text else node.label
        lines.append("  " * depth + line)
        for child in node.children:
            walk(child, depth + 1)

    for child in to_tree(decoded).children:
        walk(child, 0)
    if decoded.signed_by is not None:
        lines.append(_("signed by: {describe}").format(describe=decoded.signed_by.describe()))
    for warning in decoded.warnings:
        lines.append(_("warning: {warning}").format(warning=warning))
    return "\n".join(lines) + "\n"
