"""``agora-desk rtc`` and ``agora-desk rtm``: build tokens from the command line."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from agora_desk.cli import batch, certificate, common
from agora_desk.core import builders
from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import InputError
from agora_desk.core.i18n import N_, _
from agora_desk.core.validation import (
    check_expire,
    check_user_id,
    parse_seconds,
    parse_uid,
    plain_number,
    raise_for_errors,
)
from agora_desk.core.wire import U32_MAX

EPILOG_TIMES = N_(
    "Times are seconds. --salt and --issued-at reproduce a token exactly (same inputs, salt and timestamp give the same bytes as Agora's builders)."
)


def register(sub: Any) -> None:
    rtc = sub.add_parser(
        "rtc",
        help=_("build an RTC token (007; --legacy for 006)"),
        description=_(
            "Build an RTC token. Prints the token alone on stdout; warnings go to stderr."
        ),
        epilog=f"{_(EPILOG_TIMES)} {common.credentials_help()}",
    )
    who = add_channel_options(rtc)
    who.add_argument(
        "--uid-range", metavar="A-B", help=_("one token per uid from A to B: CSV 'uid,token' lines")
    )
    rtc.add_argument(
        "--expire", metavar="S", default="3600", help=_("token expiry in seconds (default 3600)")
    )
    rtc.add_argument(
        "--privilege-expire", metavar="S", help=_("privilege expiry (default: --expire)")
    )
    adv = rtc.add_argument_group(
        _("separate privileges (the official 'with privilege' shape; --role is then ignored)")
    )
    for name in ("join", "audio", "video", "data"):
        adv.add_argument(f"--{name}-expire", metavar="S")
    rtm = rtc.add_argument_group(_("RTC + RTM in one token"))
    rtm.add_argument("--rtm-user", metavar="ID", help=_("add an RTM service for this user ID"))
    rtm.add_argument("--rtm-expire", metavar="S", help=_("RTM login expiry (default: --expire)"))
    _add_common(rtc)
    rtc.set_defaults(func=run_rtc)

    rtm_p = sub.add_parser(
        "rtm",
        help=_("build an RTM (Signaling) token"),
        description=_("Build an RTM (Signaling) token for a user ID."),
        epilog=f"{_(EPILOG_TIMES)} {common.credentials_help()}",
    )
    rtm_p.add_argument("--user-id", required=True, metavar="ID", help=_("the Signaling user ID"))
    rtm_p.add_argument(
        "--expire", metavar="S", default="3600", help=_("token expiry in seconds (default 3600)")
    )
    rtm_p.add_argument(
        "--permissions",
        metavar="FILE",
        help=_(
            'RTM2 per-resource permissions (RtmTokenBuilder2.buildTokenWithPermissions): a JSON file or - for stdin, {"<resource type>": {"read"|"write": [names]}}'
        ),
    )
    _add_common(rtm_p)
    rtm_p.set_defaults(func=run_rtm)


def add_channel_options(p: argparse.ArgumentParser) -> Any:
    """--channel, --uid | --account (the group, for more exclusive options) and --role."""
    p.add_argument(
        "--channel",
        required=True,
        metavar="NAME",
        help=_("channel name (use --channel=-x for names starting with -)"),
    )
    who = p.add_mutually_exclusive_group()
    who.add_argument(
        "--uid", metavar="N", help=_("integer uid 0 ... 4294967295 (default 0 = any user)")
    )
    who.add_argument("--account", metavar="S", help=_("string user account instead of a uid"))
    p.add_argument("--role", metavar="ROLE", help=_("publisher (default) or subscriber"))
    return who


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--salt", metavar="N", help=_("salt to reproduce a token (default: random)"))
    p.add_argument(
        "--issued-at", metavar="UNIX", help=_("issue time to reproduce a token (default: now)")
    )
    p.add_argument("--legacy", action="store_true", help=_("build a 006 token instead of 007"))
    p.add_argument(
        "--json", action="store_true", help=_("print a JSON object with the decoded token")
    )
    certificate.add_option(p)
    common.add_profile_options(p)


def _stamp(args: argparse.Namespace) -> builders.Stamp:
    salt = common.parse_int_option(args.salt, "--salt")
    issued = common.parse_int_option(args.issued_at, "--issued-at")
    if salt is not None and not 0 <= salt <= U32_MAX:
        raise InputError("--salt", _("must be 0 ... 4294967295"))
    return builders.Stamp(issued_at=issued, salt=salt)


def _uid_range(text: str) -> range:
    a, sep, b = text.partition("-")
    if not sep:
        raise InputError(
            "--uid-range", _("{text!r} is not A-B (for example 1-1000)").format(text=text)
        )
    start, end = parse_uid(a, "--uid-range start"), parse_uid(b, "--uid-range end")
    if end < start:
        raise InputError(
            "--uid-range",
            _("the end {end} is before the start {start}").format(end=end, start=start),
        )
    if end - start + 1 > batch.MAX_TOKENS:
        raise InputError(
            "--uid-range",
            _(
                "is {value:,} uids; at most {max_tokens:,} per run (split the range over several runs)"
            ).format(value=end - start + 1, max_tokens=batch.MAX_TOKENS),
        )
    return range(start, end + 1)


def _uid_option(text: str) -> int:
    try:
        return parse_uid(text, "--uid")
    except InputError as exc:
        if plain_number(text.strip()) is not None:
            raise
        # The command line's own hint: the option a string account goes in.
        raise InputError(
            exc.field,
            _("{problem} (a name is a user account: use --account)").format(problem=exc.problem),
        ) from None


def rtc_request(args: argparse.Namespace) -> builders.RtcRequest:
    req = rtc_fields(args)
    if args.rtm_expire is not None and args.rtm_user is None:
        raise InputError("--rtm-expire", _("needs --rtm-user"))
    if args.legacy and args.rtm_user is not None:
        raise InputError("--rtm-user", _("006 (--legacy) has no combined RTC + RTM token"))
    raise_for_errors(builders.rtc_issues(req))
    return req


def rtc_fields(args: argparse.Namespace) -> builders.RtcRequest:
    """The RTC options as a request, each number checked under its option's name."""
    expire = parse_seconds(args.expire, "--expire")
    return builders.RtcRequest(
        channel=args.channel,
        uid=_uid_option(args.uid) if args.uid is not None else 0,
        account=args.account,
        role=builders.parse_role(args.role) if args.role is not None else "publisher",
        expire=expire,
        privilege_expire=common.parse_int_option(args.privilege_expire, "--privilege-expire"),
        join_expire=common.parse_int_option(args.join_expire, "--join-expire"),
        audio_expire=common.parse_int_option(args.audio_expire, "--audio-expire"),
        video_expire=common.parse_int_option(args.video_expire, "--video-expire"),
        data_expire=common.parse_int_option(args.data_expire, "--data-expire"),
        rtm_user_id=args.rtm_user,
        rtm_expire=common.parse_int_option(args.rtm_expire, "--rtm-expire"),
    )


def _credentials(args: argparse.Namespace) -> Credentials:
    return certificate.signing_credentials(args)


def _emit(
    result: builders.BuildResult,
    args: argparse.Namespace,
    creds: Credentials,
    extra: dict[str, Any] | None = None,
) -> None:
    if args.json:
        from agora_desk.core.checks import Expectations
        from agora_desk.core.diagnostics import diagnose

        decoded = diagnose(
            result.token,
            Expectations(certificate=creds.app_certificate, app_id=creds.app_id),
        )
        obj: dict[str, Any] = dict(extra or {})
        obj.update(
            token=result.token,
            warnings=[str(w) for w in result.warnings],
            decoded=decoded.to_json(),
        )
        common.print_json(obj)
    else:
        sys.stdout.write(result.token + "\n")


def run_rtc(args: argparse.Namespace) -> int:
    req = rtc_request(args)
    stamp = _stamp(args)
    uids = _uid_range(args.uid_range) if args.uid_range is not None else None
    if req.separate_privileges and args.role is not None:
        common.warn(
            _("--role is ignored: --join/--audio/--video/--data-expire write all four privileges")
        )
    creds = _credentials(args)
    if uids is not None:
        return _run_batch(args, creds, req, uids, stamp)
    build = builders.build_rtc_legacy if args.legacy else builders.build_rtc
    result = build(creds, req, stamp)
    common.print_warnings(result.warnings)
    _emit(result, args, creds)
    return common.EXIT_OK


def _run_batch(
    args: argparse.Namespace,
    creds: Credentials,
    req: builders.RtcRequest,
    uids: range,
    stamp: builders.Stamp,
) -> int:
    out = sys.stdout
    if args.legacy:
        issued, salt = stamp.resolve()
        fixed = builders.Stamp(issued, salt)
        first = builders.build_rtc_legacy(creds, req, fixed)
        common.print_warnings(first.warnings)
        for uid in uids:
            result = builders.build_rtc_legacy(creds, _with_uid(req, uid), fixed)
            if args.json:
                _emit(result, args, creds, {"uid": uid})
            else:
                out.write(f"{uid},{result.token}\n")
        return common.EXIT_OK
    first, tokens = builders.build_rtc_batch(creds, req, uids, stamp)
    common.print_warnings(first.warnings)
    if args.json:
        for uid, token in tokens:
            result = builders.BuildResult(
                token, first.issued_at, first.salt, first.expire, first.warnings
            )
            _emit(result, args, creds, {"uid": uid})
        return common.EXIT_OK
    batch.write_csv(out, creds, req, uids, builders.Stamp(first.issued_at, first.salt))
    return common.EXIT_OK


def _with_uid(req: builders.RtcRequest, uid: int) -> builders.RtcRequest:
    from dataclasses import replace

    return replace(req, uid=uid, account=None)


def run_rtm(args: argparse.Namespace) -> int:
    if args.permissions is not None:
        from agora_desk.cli.shapes import run_rtm2

        return run_rtm2(args)
    req = builders.RtmRequest(user_id=args.user_id, expire=parse_seconds(args.expire, "--expire"))
    raise_for_errors(check_user_id(req.user_id, "--user-id") + check_expire(req.expire, "--expire"))
    stamp = _stamp(args)
    creds = _credentials(args)
    build = builders.build_rtm_legacy if args.legacy else builders.build_rtm
    result = build(creds, req, stamp)
    common.print_warnings(result.warnings)
    _emit(result, args, creds)
    return common.EXIT_OK
