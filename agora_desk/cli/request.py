"""``agora-desk request``: send a test request to an Agora REST API.

``METHOD PATH`` or ``--preset``; credentials from ``--profile`` → environment
→ a no-echo prompt (``--token`` is the only credential given as an option:
tokens are short-lived, and are still never echoed in full). Exit 0 for an
answer below 400, 1 for HTTP ≥ 400 or no answer, 2 for invalid input.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from agora_desk.cli import common
from agora_desk.cli.terminal import escape_controls
from agora_desk.core import rest
from agora_desk.core.diagnostics import Candidate
from agora_desk.core.errors import AgoraDeskError, InputError
from agora_desk.core.i18n import _
from agora_desk.core.redact import SENSITIVE_HEADERS, redact_json, redacted_headers, scrub
from agora_desk.core.rest.environments import get_environment
from agora_desk.core.rest.presets.chat import CHAT_HOST
from agora_desk.core.rest.signature import candidates
from agora_desk.core.secret import Secret
from agora_desk.core.validation import parse_seconds


def register(sub: Any) -> None:
    p = sub.add_parser(
        "request",
        help=_("send a test request to an Agora REST API"),
        description=_(
            "Send a request to Agora's REST API with one of its authentication schemes "
            "and show what came back (and why it failed). Give METHOD PATH, or --preset."
        ),
        epilog=_(
            "Credentials: the Customer Secret (Basic) and App Certificate (to build tokens) "
            "come from --profile (OS keyring), AGORA_CUSTOMER_SECRET / AGORA_APP_CERTIFICATE, "
            "or a no-echo prompt. --token is the only credential option: prefer building the "
            "token from the profile. Examples: agora-desk request --preset projects --profile "
            "P; agora-desk request --preset convoai-join --channel demo --agent-uid 1001 "
            "--remote-uid 42 --enable-rtm --body @agent.json --profile P"
        ),
    )
    p.add_argument("method", nargs="?", metavar="METHOD", help=_("GET, POST, PUT, PATCH or DELETE"))
    p.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help=_("path (and ?query) under the base URL; {app_id} is replaced by the App ID"),
    )
    p.add_argument(
        "--preset",
        metavar="NAME",
        help=_("one of: {presets}").format(presets=", ".join(rest.PRESETS)),
    )
    # (option, metavar, help): the options that take one value.
    valued = (
        (
            "--body",
            "JSON|@FILE",
            _("JSON body, or @FILE (@- for stdin); merged over a preset's body"),
        ),
        (
            "--auth",
            "SCHEME",
            _(
                "basic | token (Authorization: agora token=) | access-token (x-agora-token + "
                "x-agora-uid) | bearer (Chat: Authorization: Bearer) | none; default: none, or "
                "the preset's"
            ),
        ),
        ("--token", "TOKEN", _("use this token instead of building one from the profile")),
        ("--uid", "U", _("Signaling user ID: the RTM token's user and x-agora-uid")),
        (
            "--base-url",
            "URL",
            _("overrides --env (default {default_base_url}; Chat presets {chat_host})").format(
                default_base_url=rest.DEFAULT_BASE_URL, chat_host=CHAT_HOST
            ),
        ),
        (
            "--env",
            "NAME",
            _(
                "production (default), china, local, a region (us-west-1 … cn-north-1) or "
                "REGION-china"
            ),
        ),
        ("--ca-file", "PEM", _("extra CA bundle, added to the default trust store")),
    )
    for option, metavar, text in valued:
        p.add_argument(option, metavar=metavar, help=text)
    p.add_argument(
        "-H",
        "--header",
        action="append",
        default=[],
        metavar="'NAME: VALUE'",
        help=_("an extra request header (not a credential: use --auth)"),
    )
    p.add_argument(
        "--failover",
        action="store_true",
        help=_(
            "on a connection failure, try the same domain, the other primary, the next region "
            "(1 s / 3 s / 6 s apart)"
        ),
    )
    p.add_argument(
        "--timeout", metavar="SECONDS", default=str(rest.DEFAULT_TIMEOUT_S), help=_("default 15")
    )
    p.add_argument(
        "--expire", metavar="SECONDS", default="3600", help=_("lifetime of a built token (3600)")
    )
    p.add_argument("--curl", action="store_true", help=_("print the curl command; send nothing"))
    p.add_argument(
        "--reveal", action="store_true", help=_("with --curl: write the real secrets, not $AGORA_…")
    )
    p.add_argument("--json", action="store_true", help=_("print one JSON object"))
    preset = p.add_argument_group(_("preset options"))
    preset.add_argument("--channel", metavar="C", help=_("convoai-join: the agent's channel"))
    preset.add_argument(
        "--agent-uid", metavar="A", help=_("convoai-join: the agent's uid (0 = random)")
    )
    preset.add_argument(
        "--remote-uid", metavar="U", help=_("convoai-join: the user the agent listens to (* = all)")
    )
    preset.add_argument("--name", metavar="N", help=_("convoai-join: a unique agent name"))
    preset.add_argument(
        "--enable-rtm",
        action="store_true",
        help=_("convoai-join: advanced_features.enable_rtm (the token gets RTM login)"),
    )
    preset.add_argument(
        "--string-uid",
        action="store_true",
        help=_("convoai-join: the agent uid is a string account (enable_string_uid)"),
    )
    preset.add_argument("--agent-id", metavar="ID", help=_("ConvoAI calls: the agent_id from join"))
    for f, what in (
        (rest.Field.RESOURCE_ID, _("Cloud Recording: the resourceId from acquire")),
        (rest.Field.SID, _("Cloud Recording: the sid from start")),
        (rest.Field.MODE, _("Cloud Recording: individual, mix or web")),
        (rest.Field.USER_ID, _("the user in the path (Signaling messages, Chat, Classroom)")),
        (rest.Field.RULE_ID, _("kicking rules: the rule id")),
        (rest.Field.ORG, _("Chat: the org name")),
        (rest.Field.APP_NAME, _("Chat: the app name")),
        (rest.Field.ROOM_UUID, _("Flexible Classroom: the room UUID")),
        (rest.Field.REGION, _("Flexible Classroom: cn, ap, na or eu")),
    ):
        preset.add_argument(f.option, metavar=f.name, help=what)
    common.add_profile_options(p)
    p.add_argument("--customer-id", metavar="ID", help=_("Customer ID (not secret)"))
    p.set_defaults(func=run)


def _read_body(value: str | None) -> Any:
    if value is None:
        return None
    if value.startswith("@"):
        name = value[1:]
        if name == "-":
            text = common.read_stdin_text("--body")
        else:
            try:
                text = Path(name).read_text(encoding="utf-8")
            except FileNotFoundError:
                raise InputError("--body", _("{name}: no such file").format(name=name)) from None
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(
                    "--body", _("{name}: cannot read it ({error})").format(name=name, error=exc)
                ) from None
        return rest.parse_body(text, "--body")
    return rest.parse_body(value, "--body")


def _headers(values: list[str]) -> tuple[tuple[str, str], ...]:
    out = []
    for item in values:
        name, sep, value = item.partition(":")
        name = name.strip()
        if not sep:
            raise InputError("--header", _("{item} is not 'Name: value'").format(item=repr(item)))
        if name.lower() in SENSITIVE_HEADERS:
            raise InputError(
                "--header",
                _(
                    "{name} carries a credential; use --auth (and --profile) so it stays out of argv"
                ).format(name=name),
            )
        rest.check_header(name, value.strip())
        out.append((name, value.strip()))
    return tuple(out)


_PATH_FIELDS = (
    rest.Field.RESOURCE_ID,
    rest.Field.SID,
    rest.Field.MODE,
    rest.Field.USER_ID,
    rest.Field.RULE_ID,
    rest.Field.ORG,
    rest.Field.APP_NAME,
    rest.Field.ROOM_UUID,
    rest.Field.REGION,
)


def _path_values(args: argparse.Namespace) -> dict[str, Any]:
    return {f.value: getattr(args, f.value) or "" for f in _PATH_FIELDS}


def _base_url(args: argparse.Namespace, preset: rest.Preset | None) -> str:
    """--base-url, else --env, else the preset's own host (Chat), else production."""
    if args.base_url:
        return str(args.base_url)
    if args.env:
        return get_environment(args.env).base_url
    if preset is not None and preset.default_base_url:
        return preset.default_base_url
    return rest.DEFAULT_BASE_URL


def _timeout(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise InputError(
            "--timeout", _("{value} is not a number of seconds").format(value=repr(value))
        ) from None
    if not 0 < seconds <= 3600:
        raise InputError(
            "--timeout",
            _("{value} must be more than 0 and at most 3600 seconds").format(value=value),
        )
    return seconds


def _scheme(args: argparse.Namespace, preset: rest.Preset | None) -> rest.AuthScheme:
    """--auth, else the preset's own (the auth doctor warns about one it does not take)."""
    if args.auth:
        return rest.parse_scheme(args.auth)
    if preset is None:
        return rest.AuthScheme.NONE
    return preset.default_scheme(token_given=bool(args.token))


def run(args: argparse.Namespace) -> int:
    # -- everything that needs no credentials first: bad input exits 2 early.
    if args.reveal and not args.curl:
        raise InputError("--reveal", _("only goes with --curl"))
    preset = rest.get_preset(args.preset) if args.preset else None
    if preset is not None and (args.method or args.path):
        raise InputError("request", _("give METHOD PATH or --preset, not both"))
    if preset is None:
        if not args.method or not args.path:
            raise InputError(
                "request",
                _("give METHOD PATH (e.g. GET /dev/v1/projects) or --preset ({presets})").format(
                    presets=", ".join(rest.PRESETS)
                ),
            )
        method = rest.check_method(args.method)
    else:
        method = preset.method
    scheme = _scheme(args, preset)
    base_url = _base_url(args, preset)
    for issue in rest.check_base_url(base_url):
        raise InputError("--base-url", issue.message)
    timeout = _timeout(args.timeout)
    expire = parse_seconds(args.expire, "--expire")
    user_body = _read_body(args.body)
    headers = _headers(args.header)
    params = rest.PresetParams(
        uid=args.uid or "",
        channel=args.channel or "",
        agent_uid=args.agent_uid or "",
        remote_uid=args.remote_uid or "",
        name=args.name or "",
        enable_rtm=args.enable_rtm,
        string_uid=args.string_uid,
        agent_id=args.agent_id or "",
        **_path_values(args),
    )
    pasted = args.token.strip() if args.token is not None else None
    if pasted is not None and not pasted:
        raise InputError("--token", _("is empty"))
    spec = rest.RequestSpec(
        base_url=base_url,
        scheme=scheme,
        preset=preset or rest.CUSTOM,
        method=method,
        path=args.path or "/",
        params=params,
        headers=headers,
        body=user_body,
        pasted_token=Secret(pasted) if pasted else None,
        expire=expire,
    )
    standins = bool(args.curl and not args.reveal)
    with _options_named():
        need = rest.needs(spec, standins=standins)
    creds = None
    if need or args.profile:
        from agora_desk.secrets.resolve import load_credentials

        creds = load_credentials(
            args.profile,
            need=need,
            want={"app_id", "customer_id"},
            app_id=args.app_id,
            customer_id=args.customer_id,
            warn=common.warn,
        )
    # A pasted header token: which of the profile's certificates signed it (REST takes
    # only the primary's); read like the certificate itself, never prompted for.
    signers = _signers(args.profile) if pasted and scheme.uses_token else []
    with _options_named():
        built = rest.assemble(
            spec,
            app_id=creds.app_id if creds else (args.app_id or ""),
            app_certificate=creds.app_certificate if creds else None,
            customer_id=(creds.customer_id if creds else "") or args.customer_id or "",
            customer_secret=creds.customer_secret if creds else None,
            standins=standins,
            signers=signers,
        )
    for issue in built.warnings:
        common.warn(str(issue))
    prepared = rest.prepare(built.request)
    if args.curl:
        sys.stdout.write(
            rest.curl_command(
                prepared, built.curl_auth, reveal=args.reveal, ca_file=args.ca_file, timeout=timeout
            )
            + "\n"
        )
        return common.EXIT_OK
    return _send(args, prepared, built, spec.preset, timeout)


def _signers(profile: str | None) -> list[Candidate]:
    """The profile's (else the environment's) App Certificates; none when unreadable."""
    from agora_desk.secrets.resolve import load_credentials

    try:
        creds = load_credentials(
            profile,
            need=(),
            want={"app_certificate", "app_certificate_secondary"},
            prompt=False,
            warn=common.warn,
        )
    except AgoraDeskError as exc:
        common.warn(
            _("which certificate signed --token was not checked: {error}").format(error=exc)
        )
        return []
    return candidates(creds)


@contextlib.contextmanager
def _options_named() -> Iterator[None]:
    """Core errors name form fields ("agent uid"); here they name the options."""
    try:
        yield
    except InputError as exc:
        raise InputError(_option(exc.field), exc.problem) from None


def _option(field: str) -> str:
    if field == "token":
        return "--token"
    found = rest.Field.by_label(field)
    return found.option if found is not None else field


def _send(
    args: argparse.Namespace,
    prepared: rest.Prepared,
    built: rest.Assembled,
    preset: rest.Preset,
    timeout: float,
) -> int:
    from agora_desk.net import failover, http

    request_json = {
        "method": prepared.method,
        "url": prepared.url,
        "headers": redacted_headers(prepared.header_pairs()),
    }
    failure = rest.Failure(
        scheme=built.request.auth.scheme,
        token=built.token or None,
        app_id=built.params.app_id or None,
        preset=preset,
        params=built.params,
        timeout=timeout,
        signature=built.signature,
    )
    options = http.Options(timeout=timeout, ca_file=args.ca_file)
    try:
        if args.failover:
            response, prepared = failover.send(built.request, options, log=common.warn)
        else:
            response = http.send(prepared, options)
    except http.TransportError as exc:
        explanation = rest.explain(replace(failure, kind=exc.kind, detail=exc.detail))
        message = scrub(str(exc), prepared.secrets)
        if args.json:
            common.print_json(
                {
                    "error": message,
                    "kind": exc.kind,
                    "explanation": explanation,
                    "elapsed_ms": round(exc.elapsed_ms, 1),
                    "request": request_json,
                }
            )
        common.error(message)
        if explanation:
            sys.stderr.write(f"agora-desk: {explanation}\n")
        return common.EXIT_CHECK_FAILED
    # Whatever the server sends back is shown with the credentials sent scrubbed
    # (servers that echo a request reflect them) and, on a terminal, its
    # control characters escaped.
    secrets = prepared.secrets

    def shown(text: str) -> str:
        return escape_controls(scrub(text, secrets))

    view = rest.body_view(
        response.body, response.content_type, truncated=response.truncated, limit=1 << 62
    )
    explanation = rest.explain(
        replace(failure, status=response.status, headers=response.headers_dict(), body=view.value)
    )
    if explanation:
        explanation = scrub(explanation, secrets)
    for note in response.notes:
        common.warn(shown(note))
    if response.truncated:
        common.warn(_("the body was truncated: {size_text}").format(size_text=response.size_text))
    redirect = _unfollowed_redirect(response)
    if args.json:
        common.print_json(
            {
                "status": response.status,
                "elapsed_ms": round(response.elapsed_ms, 1),
                "headers": {k: scrub(v, secrets) for k, v in response.headers_dict().items()},
                "body": redact_json(view.value, secrets),
                "request": request_json,
                "truncated": response.truncated,
                "explanation": explanation,
            }
        )
    else:
        sys.stderr.write(
            f"{response.http_version} {response.status} {shown(response.reason)} "
            f"({response.elapsed_ms:.0f} ms)\n"
        )
        text = shown(view.text)  # JSON already pretty-printed by body_view
        if text:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        if explanation:
            sys.stderr.write(f"agora-desk: {shown(explanation)}\n")
    if redirect is not None:
        common.error(shown(redirect))
        return common.EXIT_CHECK_FAILED
    return common.EXIT_OK if response.ok else common.EXIT_CHECK_FAILED


def _unfollowed_redirect(response: Any) -> str | None:
    """A line saying where an answered-but-unfollowed redirect pointed, or None."""
    if not 300 <= response.status < 400:
        return None
    location = response.header("location")
    if location:
        return _(
            "the server answered {status} and pointed to {location}; the redirect was not followed"
        ).format(status=response.status, location=location)
    return _(
        "the server answered {status} and gave no Location; the redirect was not followed"
    ).format(status=response.status)
