"""``agora-desk chat|apaas|fpa|convoai|stt|compose`` and ``rtm --permissions``.

One command per official builder shape (docs/cli.md, "More token shapes");
each prints the token alone, or with ``--json`` the same object as ``rtc
--json``. Options are parsed here, the shape's rules live in
:mod:`agora_desk.core.shapes` / :mod:`agora_desk.core.compose`.

Each command has a one-line module (``cli/chat.py`` ...) naming its
``register``, so that a run builds the parser of its own command only:
argparse costs about a millisecond per command, which is a tenth of what a
token costs.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from agora_desk.cli import certificate, common, tokens
from agora_desk.core import shapes
from agora_desk.core.errors import InputError, os_reason
from agora_desk.core.i18n import N_, _
from agora_desk.core.validation import parse_seconds, raise_for_errors

SPEC_MAX_BYTES = 1 << 20


def _parser(sub: Any, name: str, help_text: str, description: str) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        name,
        help=help_text,
        description=description,
        epilog=f"{_(tokens.EPILOG_TIMES)} {common.credentials_help()}",
    )
    return p


def _add_common(
    p: argparse.ArgumentParser,
    expire_default: str = "3600",
    expire_help: str = N_("token expiry in seconds (default {default})"),
) -> None:
    p.add_argument(
        "--expire",
        metavar="S",
        default=expire_default,
        help=_(expire_help).format(default=expire_default),
    )
    p.add_argument("--salt", metavar="N", help=_("salt to reproduce a token (default: random)"))
    p.add_argument(
        "--issued-at", metavar="UNIX", help=_("issue time to reproduce a token (default: now)")
    )
    p.add_argument(
        "--json", action="store_true", help=_("print a JSON object with the decoded token")
    )
    certificate.add_option(p)
    common.add_profile_options(p)


def register_chat(sub: Any) -> None:
    chat = _parser(
        sub,
        "chat",
        _("build a Chat token (user or app)"),
        _(
            "Build an Agora Chat token: --user-id for ChatTokenBuilder2.buildUserToken (privilege user), --app for buildAppToken (privilege app)."
        ),
    )
    who = chat.add_mutually_exclusive_group(required=True)
    who.add_argument("--user-id", metavar="ID", help=_("the Chat user ID (a user token)"))
    who.add_argument("--app", action="store_true", help=_("an app token (for the Chat REST API)"))
    _add_common(chat)
    chat.set_defaults(func=run_chat)


def register_apaas(sub: Any) -> None:
    apaas = _parser(
        sub,
        "apaas",
        _("build an APaaS (Flexible Classroom) token"),
        _(
            "Build an APaaS token as ApaasTokenBuilder (EducationTokenBuilder): --room-uuid R --user-uuid U --role N for buildRoomUserToken (APaaS roomUser + RTM login for U + Chat user for md5(U)), --user-uuid U for buildUserToken, --app for buildAppToken."
        ),
    )
    apaas.add_argument("--room-uuid", metavar="R", help=_("the room UUID (a room-user token)"))
    apaas.add_argument("--user-uuid", metavar="U", help=_("the user UUID"))
    apaas.add_argument(
        "--role",
        metavar="N",
        help=_("the user's role in the room, a number (e.g. 1 teacher, 2 student)"),
    )
    apaas.add_argument("--app", action="store_true", help=_("an app token"))
    _add_common(apaas)
    apaas.set_defaults(func=run_apaas)


def register_fpa(sub: Any) -> None:
    fpa = _parser(
        sub,
        "fpa",
        _("build an FPA (Full-path Acceleration) token"),
        _(
            "Build an FPA token as FpaTokenBuilder.buildToken: login privilege 0 (no limit of its own) in a token that expires after --expire (default 86400, as the official builder)."
        ),
    )
    _add_common(fpa, expire_default=str(shapes.FPA_EXPIRE))
    fpa.set_defaults(func=run_fpa)


def register_convoai(sub: Any) -> None:
    _register_agent(sub, "convoai", N_("Conversational AI"), "ConvoAI", "ConvoAITokenBuilder")


def register_stt(sub: Any) -> None:
    _register_agent(sub, "stt", N_("Real-time STT"), "STT", "SttTokenBuilder")


def _register_agent(sub: Any, name: str, what: str, service: str, official: str) -> None:
    agent = _parser(
        sub,
        name,
        _("build a {what} token (RTC + RTM + {service})").format(what=_(what), service=service),
        _(
            "Build a {what} agent's token as {official}.buildToken: RTC for the channel and uid or account (by role), RTM login for --rtm-user (default: the RTC uid or account as text), and a {service} service."
        ).format(what=_(what), official=official, service=service),
    )
    _add_agent_options(agent)
    # No --privilege-expire: npm's builder takes the four privileges one by one.
    agent.set_defaults(func=run_agent, agent=name, privilege_expire=None)


def register_compose(sub: Any) -> None:
    comp = _parser(
        sub,
        "compose",
        _("build a token with any list of services"),
        _(
            'Build one 007 token from SPEC, a JSON file (or - for stdin): {"expire": S, "services": [...], "issued_at"?: UNIX, "salt"?: N}, services in the test vectors\' format: {"type": 1..10 or a name (RTC, RTM, Streaming, FPA, Chat, FCDN, APaaS, RTM2, ConvoAI, STT), the service\'s fields, "privileges": {"<id or name>": seconds}}. Options override the file\'s expire, issued_at and salt.'
        ),
    )
    comp.add_argument("spec", metavar="SPEC", help=_("JSON file with the services, or - for stdin"))
    _add_common(
        comp,
        expire_default="",
        expire_help=N_("token expiry in seconds (default: the SPEC's expire, else 3600)"),
    )
    comp.set_defaults(func=run_compose, expire=None)


def _add_agent_options(p: argparse.ArgumentParser) -> None:
    tokens.add_channel_options(p)
    adv = p.add_argument_group(_("privilege expiries (default: --expire)"))
    for name in ("join", "audio", "video", "data"):
        adv.add_argument(f"--{name}-expire", metavar="S")
    p.add_argument(
        "--rtm-user", metavar="ID", help=_("RTM user ID (default: the uid or account as text)")
    )
    p.add_argument("--rtm-expire", metavar="S", help=_("RTM login expiry (default: --expire)"))
    _add_common(p)


# -- running -----------------------------------------------------------------


def _build(args: argparse.Namespace, shape: shapes.Shape) -> int:
    raise_first(shape)
    stamp = tokens._stamp(args)
    creds = certificate.signing_credentials(args)
    result = shapes.build(creds, shape, stamp)
    common.print_warnings(result.warnings)
    tokens._emit(result, args, creds)
    return common.EXIT_OK


def raise_first(shape: shapes.Shape) -> None:
    """Bad input fails before credentials are asked for (no prompt for a doomed build)."""
    raise_for_errors(shape.issues())


def _expire(args: argparse.Namespace) -> int:
    return parse_seconds(args.expire, "--expire")


def run_chat(args: argparse.Namespace) -> int:
    expire = _expire(args)
    if args.app:
        return _build(args, shapes.ChatAppRequest(expire))
    return _build(args, shapes.ChatUserRequest(_named(args.user_id, "--user-id"), expire))


def _named(value: str, option: str) -> str:
    if not value:
        raise InputError(option, _("is empty"))
    return value


def run_apaas(args: argparse.Namespace) -> int:
    expire = _expire(args)
    if args.app:
        given = [o for o, v in (("--room-uuid", args.room_uuid), ("--user-uuid", args.user_uuid),
                                ("--role", args.role)) if v is not None]  # fmt: skip
        if given:
            raise InputError(
                given[0], _("cannot be combined with --app (an app token has no user)")
            )
        return _build(args, shapes.ApaasAppRequest(expire))
    if args.user_uuid is None:
        raise InputError("--user-uuid", _("is required (or --app for an app token)"))
    if args.room_uuid is None:
        if args.role is not None:
            raise InputError("--role", _("needs --room-uuid (a role is a user's role in a room)"))
        return _build(args, shapes.ApaasUserRequest(_named(args.user_uuid, "--user-uuid"), expire))
    if args.role is None:
        raise InputError("--role", _("is required with --room-uuid (a number, e.g. 1 or 2)"))
    request = shapes.ApaasRoomUserRequest(
        room_uuid=_named(args.room_uuid, "--room-uuid"),
        user_uuid=_named(args.user_uuid, "--user-uuid"),
        role=shapes.parse_apaas_role(args.role, "--role"),
        expire=expire,
    )
    return _build(args, request)


def run_fpa(args: argparse.Namespace) -> int:
    return _build(args, shapes.FpaRequest(_expire(args)))


def run_agent(args: argparse.Namespace) -> int:
    rtc = tokens.rtc_fields(args)
    if args.account == "":
        raise InputError("--account", _("is empty; for 'any user' use --uid 0 instead"))
    if args.rtm_user == "":
        raise InputError("--rtm-user", _("is empty; leave it out to use the RTC user"))
    cls = shapes.ConvoAiRequest if args.agent == "convoai" else shapes.SttRequest
    return _build(args, cls(rtc))


def run_rtm2(args: argparse.Namespace) -> int:
    """``rtm --user-id ID --permissions FILE|-``: RtmTokenBuilder2.buildTokenWithPermissions."""
    if args.legacy:
        raise InputError("--permissions", _("006 (--legacy) has no RTM2 permissions"))
    obj = read_json(args.permissions, "--permissions")
    permissions, warnings = shapes.parse_permissions(obj, "--permissions")
    request = shapes.Rtm2Request(
        user_id=_named(args.user_id, "--user-id"),
        permissions=permissions,
        expire=_expire(args),
        permission_warnings=tuple(warnings),
    )
    return _build(args, request)


def run_compose(args: argparse.Namespace) -> int:
    from agora_desk.core.compose import parse_compose

    spec = parse_compose(read_json(args.spec, "SPEC"))
    request = spec.request
    if args.expire is not None:
        request.expire = _expire(args)
    # The file's issued_at / salt, unless the options say otherwise.
    if args.issued_at is None and spec.issued_at is not None:
        args.issued_at = str(spec.issued_at)
    if args.salt is None and spec.salt is not None:
        args.salt = str(spec.salt)
    return _build(args, request)


def read_json(source: str, option: str) -> object:
    """A JSON document from a file, or stdin for ``-``, with errors naming ``option``."""
    try:
        if source == "-":
            raw = sys.stdin.buffer.read(SPEC_MAX_BYTES + 1)
            where = "stdin"
        else:
            # open(), not pathlib: importing pathlib costs a tenth of a token command.
            with open(source, "rb") as handle:
                raw = handle.read(SPEC_MAX_BYTES + 1)
            where = source
    except OSError as exc:
        raise InputError(
            option,
            _("cannot read {source!r}: {value}").format(source=source, value=os_reason(exc)),
        ) from None
    if len(raw) > SPEC_MAX_BYTES:
        raise InputError(
            option, _("{where} is larger than 1 MiB: not a token spec").format(where=where)
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            option,
            _("{where} is not UTF-8 (byte {value})").format(where=where, value=exc.start + 1),
        ) from None
    if not text.strip():
        raise InputError(
            option, _("{where} is empty; it should hold a JSON object").format(where=where)
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            option,
            _("{where} is not valid JSON: {msg} at line {lineno} column {colno}").format(
                where=where, msg=exc.msg, lineno=exc.lineno, colno=exc.colno
            ),
        ) from None
    except RecursionError:
        raise InputError(option, _("{where} is nested too deeply").format(where=where)) from None
