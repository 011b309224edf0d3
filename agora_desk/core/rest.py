"""The REST test-request model: what to send, how to show it, why it failed.

Pure Python: no network, no Qt. The window's Test request tab and
``agora-desk request`` describe a request with :class:`RestRequest`, turn it
into wire headers with :func:`prepare` (the transport in
:mod:`agora_desk.net.http` sends that), and use the helpers here for the
rest: URL rules, presets, redaction, "copy as curl", failure explanations and
history entries that hold no secret.

Scheme names follow ``spec/cli.md``: ``token`` is AccessToken2
(``Authorization: agora token=<token>``), ``access-token`` is the older
AccessToken header pair (``x-agora-token`` + ``x-agora-uid``).
"""

from __future__ import annotations

import base64
import json
import re
import secrets as _random
import shlex
import time
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Final

from agora_desk.core import token007
from agora_desk.core.basic import build_header
from agora_desk.core.builders import (
    BuildResult,
    Credentials,
    RtcRequest,
    RtmRequest,
    Stamp,
    build_rtc,
    build_rtm,
)
from agora_desk.core.decoded import Node
from agora_desk.core.errors import AgoraDeskError, InputError, TokenFormatError
from agora_desk.core.hosts import is_loopback_host
from agora_desk.core.secret import Secret
from agora_desk.core.validation import (
    Issue,
    check_account,
    check_channel,
    check_user_id,
    parse_uid,
    raise_for_errors,
)

DEFAULT_BASE_URL: Final = "https://api.agora.io"
DEFAULT_TIMEOUT_S: Final = 15.0
METHODS: Final = ("GET", "POST", "PUT", "PATCH", "DELETE")
CONTENT_TYPE: Final = "application/json"

# Environment variable names "copy as curl" writes instead of secrets.
ENV_CUSTOMER_ID: Final = "AGORA_CUSTOMER_ID"
ENV_CUSTOMER_SECRET: Final = "AGORA_CUSTOMER_SECRET"  # noqa: S105 - a variable name
ENV_TOKEN: Final = "AGORA_TOKEN"  # noqa: S105 - a variable name

REDACTED: Final = "<redacted>"
# Headers whose value is a credential whoever typed them.
SENSITIVE_HEADERS: Final = frozenset(
    {"authorization", "proxy-authorization", "x-agora-token", "cookie", "set-cookie"}
)
# JSON keys whose values are credentials (an LLM api_key in a ConvoAI body,
# the agent's join token ...): kept out of history.
SENSITIVE_KEYS: Final = frozenset(
    {"token", "api_key", "apikey", "key", "secret", "password", "access_token", "authorization"}
)
# Shorter strings match text by accident.
MIN_SCAN_LENGTH: Final = 8


class RestError(AgoraDeskError):
    """A REST request cannot be built as asked."""


class AuthScheme(str, Enum):
    BASIC = "basic"
    TOKEN = "token"  # noqa: S105 - AccessToken2: Authorization: agora token=<token>
    ACCESS_TOKEN = "access-token"  # noqa: S105 - x-agora-token + x-agora-uid
    NONE = "none"

    @property
    def label(self) -> str:
        return AUTH_LABELS[self]

    @property
    def uses_token(self) -> bool:
        return self in (AuthScheme.TOKEN, AuthScheme.ACCESS_TOKEN)


AUTH_LABELS: Final[dict[AuthScheme, str]] = {
    AuthScheme.BASIC: "Basic (Customer ID + Customer Secret)",
    AuthScheme.TOKEN: "AccessToken2 (Authorization: agora token=…)",
    AuthScheme.ACCESS_TOKEN: "AccessToken (x-agora-token + x-agora-uid)",
    AuthScheme.NONE: "None",
}


def parse_scheme(value: str | AuthScheme) -> AuthScheme:
    if isinstance(value, AuthScheme):
        return value
    text = value.strip().lower()
    aliases = {"agora-token": "token", "accesstoken2": "token", "legacy": "access-token"}
    try:
        return AuthScheme(aliases.get(text, text))
    except ValueError:
        raise InputError(
            "auth", f"{value!r} is not a scheme; use basic, token, access-token or none"
        ) from None


# --------------------------------------------------------------------------
# URLs
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Url:
    scheme: str
    host: str
    port: int | None
    path: str  # without a trailing slash
    query: str = ""

    @property
    def origin(self) -> tuple[str, str, int]:
        default = 443 if self.scheme == "https" else 80
        return (self.scheme, self.host.lower(), self.port or default)

    @property
    def netloc(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port is None else f"{host}:{self.port}"

    def __str__(self) -> str:
        text = f"{self.scheme}://{self.netloc}{self.path}"
        return f"{text}?{self.query}" if self.query else text


def parse_url(text: str, field: str = "base URL") -> Url:
    """Parse and apply the transport rules: HTTPS, or HTTP to a loopback host only."""
    value = text.strip()
    if not value:
        raise InputError(field, "is empty; Agora's REST API is at https://api.agora.io")
    if any(ch.isspace() or not ch.isprintable() for ch in value):
        raise InputError(field, "contains whitespace or an invisible character")
    if "://" not in value:
        raise InputError(field, f"{value!r} has no scheme; write https://{value}")
    try:
        parts = urllib.parse.urlsplit(value)
        port = parts.port
    except ValueError as exc:
        raise InputError(field, f"is not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if not host:
        raise InputError(field, f"{value!r} has no host name")
    if parts.username is not None or parts.password is not None:
        # A credential in a URL ends up in logs, history and proxies.
        raise InputError(
            field,
            "contains a user name or password; choose Basic auth instead of putting it in the URL",
        )
    if parts.fragment:
        raise InputError(field, "has a '#' fragment, which is never sent to a server")
    if scheme == "http":
        if not is_loopback_host(host):
            raise InputError(
                field,
                "uses plain http://; Agora's REST API is HTTPS only (http:// is allowed for "
                "loopback test servers: 127.0.0.1, ::1, localhost)",
            )
    elif scheme != "https":
        raise InputError(field, f"scheme {parts.scheme!r} is not supported; use https://")
    return Url(scheme, host, port, parts.path.rstrip("/"), parts.query)


def check_base_url(text: str) -> list[Issue]:
    try:
        url = parse_url(text)
    except InputError as exc:
        return [Issue("error", exc.field, exc.problem)]
    if url.query:
        return [Issue("error", "base URL", "has a '?query'; put query parameters in the path")]
    return []


def join_url(base_url: str, path: str) -> str:
    """Base URL (may carry a path prefix, e.g. a proxy) + the request path."""
    base = parse_url(base_url)
    if base.query:
        raise InputError("base URL", "has a '?query'; put query parameters in the path")
    p = path.strip()
    if not p:
        p = "/"
    if "://" in p:
        raise InputError("path", "is a full URL; put the host in the base URL and the path here")
    if any(ch.isspace() or not ch.isprintable() for ch in p):
        raise InputError("path", "contains whitespace or an invisible character; URL-encode it")
    if "#" in p:
        raise InputError("path", "has a '#' fragment, which is never sent to a server")
    if not p.startswith("/"):
        p = "/" + p
    url = replace(base, path=base.path + p.split("?", 1)[0], query="")
    query = p.split("?", 1)[1] if "?" in p else ""
    return str(replace(url, query=query))


def same_origin(a: str, b: str) -> bool:
    try:
        return parse_url(a, "URL").origin == parse_url(b, "URL").origin
    except InputError:
        return False


def fill_path(template: str, **values: str) -> str:
    """``{app_id}``-style placeholders, each value URL-quoted as a path segment."""

    def sub(match: re.Match[str]) -> str:
        name = match.group(1)
        value = values.get(name, "")
        if not value:
            raise InputError(name.replace("_", " "), "is needed to fill the path")
        return urllib.parse.quote(value, safe="")

    return re.sub(r"\{([a-z_]+)\}", sub, template)


# --------------------------------------------------------------------------
# Auth and the request
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Auth:
    """One request's credentials. Secrets stay wrapped until :func:`prepare`."""

    scheme: AuthScheme = AuthScheme.NONE
    customer_id: str = ""
    customer_secret: Secret | None = None
    token: Secret | None = None
    uid: str = ""  # x-agora-uid: the Signaling user ID the token was built for

    def secret_values(self) -> dict[str, str]:
        """``{value: variable name}`` of every secret this auth carries."""
        found: dict[str, str] = {}
        if self.customer_secret:
            found[self.customer_secret.reveal()] = ENV_CUSTOMER_SECRET
        if self.token:
            found[self.token.reveal()] = ENV_TOKEN
        if self.customer_secret and self.customer_id:
            # The header's base64 is as good as the secret itself.
            raw = f"{self.customer_id}:{self.customer_secret.reveal()}".encode()
            found[base64.b64encode(raw).decode("ascii")] = "AGORA_BASIC_CREDENTIAL"
        return found


@dataclass(frozen=True)
class Header:
    name: str
    value: str | Secret

    @property
    def sensitive(self) -> bool:
        return isinstance(self.value, Secret) or self.name.strip().lower() in SENSITIVE_HEADERS

    def reveal(self) -> str:
        return self.value.reveal() if isinstance(self.value, Secret) else self.value


@dataclass(frozen=True)
class RestRequest:
    method: str
    base_url: str
    path: str
    auth: Auth = field(default_factory=Auth)
    headers: tuple[tuple[str, str], ...] = ()  # the user's own, in order
    body: Any = None  # a JSON value, or None for no body
    preset: str | None = None

    @property
    def url(self) -> str:
        return join_url(self.base_url, self.path)


@dataclass(frozen=True)
class Prepared:
    """The bytes to send. ``headers`` keep secrets wrapped; the transport reveals them."""

    method: str
    url: str
    headers: tuple[Header, ...]
    body: bytes | None
    secrets: tuple[Secret, ...] = ()  # every secret in headers or body, for scrubbing

    def header(self, name: str) -> str | None:
        for h in self.headers:
            if h.name.lower() == name.lower():
                return h.reveal()
        return None


def check_method(method: str) -> str:
    m = method.strip().upper()
    if m not in METHODS:
        raise InputError("method", f"{method!r} is not one of {', '.join(METHODS)}")
    return m


def check_header(name: str, value: str) -> None:
    if not name or not re.fullmatch(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+", name):
        raise InputError("header", f"{name!r} is not a valid header name")
    if any(ch in value for ch in "\r\n\0"):
        raise InputError(f"header {name}", "contains a line break")


def auth_headers(auth: Auth) -> list[Header]:
    """The header(s) Agora's docs give for ``auth.scheme``; errors name what is missing."""
    if auth.scheme is AuthScheme.NONE:
        return []
    if auth.scheme is AuthScheme.BASIC:
        if not auth.customer_id:
            raise InputError(
                "Customer ID", "is needed for Basic auth (Agora Console → RESTful API)"
            )
        if not auth.customer_secret:
            raise InputError(
                "Customer Secret", "is needed for Basic auth (Agora Console → RESTful API)"
            )
        return [Header("Authorization", build_header(auth.customer_id, auth.customer_secret))]
    token = auth.token.reveal() if auth.token else ""
    if not token:
        raise InputError("token", f"is needed for {auth.scheme.label}")
    if token != token.strip() or any(ch.isspace() for ch in token):
        raise InputError("token", "contains whitespace (from a paste?); Agora will answer 401")
    if auth.scheme is AuthScheme.TOKEN:
        return [Header("Authorization", Secret("agora token=" + token))]
    if not auth.uid:
        raise InputError(
            "uid", "x-agora-uid is needed: the Signaling user ID the token was built for"
        )
    check_header("x-agora-uid", auth.uid)
    return [Header("x-agora-token", Secret(token)), Header("x-agora-uid", auth.uid)]


def encode_body(body: Any) -> bytes | None:
    if body is None:
        return None
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def prepare(req: RestRequest) -> Prepared:
    method = check_method(req.method)
    url = req.url
    headers = [Header("Content-Type", CONTENT_TYPE), Header("Accept", "application/json")]
    own = {name.lower() for name, _ in req.headers}
    headers = [h for h in headers if h.name.lower() not in own]
    for name, value in req.headers:
        check_header(name, value)
        if (
            name.lower() in ("authorization", "x-agora-token")
            and req.auth.scheme is not AuthScheme.NONE
        ):
            raise InputError(
                f"header {name}",
                "is set by the auth scheme; remove it from the headers or choose auth 'none'",
            )
        headers.append(Header(name, Secret(value) if name.lower() in SENSITIVE_HEADERS else value))
    headers += auth_headers(req.auth)
    found = [Secret(v) for v in req.auth.secret_values()]
    found += [h.value for h in headers if isinstance(h.value, Secret)]
    return Prepared(method, url, tuple(headers), encode_body(req.body), tuple(found))


def redact_header(name: str, value: str | Secret) -> str:
    """What logs, ``--json`` and the window show for a header: no credential."""
    lower = name.lower()
    text = value.reveal() if isinstance(value, Secret) else value
    if lower in ("authorization", "proxy-authorization"):
        scheme, sep, _ = text.partition(" ")
        if scheme.lower() == "agora":
            return f"agora token={REDACTED}"
        return f"{scheme} {REDACTED}" if sep else REDACTED
    if isinstance(value, Secret) or lower in SENSITIVE_HEADERS:
        return REDACTED
    return text


def redacted_headers(headers: Iterable[Header]) -> dict[str, str]:
    return {h.name: redact_header(h.name, h.value) for h in headers}


def scrub(text: str, secrets: Iterable[Secret | str]) -> str:
    """Replace every occurrence of a secret (or its masked form when short) in ``text``."""
    for s in secrets:
        value = s.reveal() if isinstance(s, Secret) else s
        if value and len(value) >= 4:
            text = text.replace(value, REDACTED)
    return text


def mask_token(token: str) -> str:
    """For error messages: enough to tell tokens apart, never the whole token."""
    t = token.strip()
    if len(t) <= 12:
        return "…" * (1 if t else 0)
    return f"{t[:6]}…{t[-4:]} ({len(t)} characters)"


# --------------------------------------------------------------------------
# JSON bodies
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class JsonProblem:
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"invalid JSON at line {self.line}, column {self.column}: {self.message}"


def parse_json_text(text: str) -> tuple[Any, JsonProblem | None]:
    """``(value, None)``, or ``(None, problem)``; empty text is "no body"."""
    if not text.strip():
        return None, None
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, JsonProblem(exc.lineno, exc.colno, exc.msg)


def parse_body(text: str, field: str = "body") -> Any:
    value, problem = parse_json_text(text)
    if problem is not None:
        raise InputError(field, str(problem))
    return value


def merge(base: Any, over: Any) -> Any:
    """Deep merge of JSON objects: ``over`` wins; lists and scalars are replaced."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    return over


def redact_json(value: Any, secrets: Iterable[str] = ()) -> Any:
    """A copy with credential-like keys and known secret strings replaced."""
    known = [s for s in secrets if len(s) >= MIN_SCAN_LENGTH]

    def walk(v: Any) -> Any:
        if isinstance(v, dict):
            return {
                k: (REDACTED if k.lower() in SENSITIVE_KEYS and v2 not in ("", None) else walk(v2))
                for k, v2 in v.items()
            }
        if isinstance(v, list):
            return [walk(x) for x in v]
        if isinstance(v, str):
            return REDACTED if any(s in v for s in known) else v
        return v

    return walk(value)


# --------------------------------------------------------------------------
# Presets
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    name: str
    title: str
    method: str
    path: str  # with {app_id} / {agent_id} placeholders
    default_auth: AuthScheme
    auths: tuple[AuthScheme, ...]
    description: str


PRESETS: Final[dict[str, Preset]] = {
    p.name: p
    for p in (
        Preset(
            "projects",
            "Projects (basic information of all projects)",
            "GET",
            "/dev/v1/projects",
            AuthScheme.BASIC,
            (AuthScheme.BASIC,),
            "Lists the projects of the account the Customer ID belongs to.",
        ),
        Preset(
            "rtm-user-events",
            "Signaling user events",
            "GET",
            "/dev/v2/project/{app_id}/rtm/vendor/user_events",
            AuthScheme.TOKEN,
            (AuthScheme.TOKEN, AuthScheme.ACCESS_TOKEN),
            "Signaling (RTM) user login/logout events, authenticated with an RTM token "
            "for a user ID.",
        ),
        Preset(
            "convoai-join",
            "Conversational AI: start an agent (join)",
            "POST",
            "/api/conversational-ai-agent/v2/projects/{app_id}/join",
            AuthScheme.TOKEN,
            (AuthScheme.TOKEN, AuthScheme.BASIC),
            "Starts an agent in a channel. The agent joins with properties.token; the same "
            "RTC (+ RTM) token authenticates the call unless Basic auth is chosen.",
        ),
        Preset(
            "convoai-leave",
            "Conversational AI: stop an agent (leave)",
            "POST",
            "/api/conversational-ai-agent/v2/projects/{app_id}/agents/{agent_id}/leave",
            AuthScheme.BASIC,
            (AuthScheme.BASIC, AuthScheme.TOKEN),
            "Stops the agent with the given agent_id (returned by join).",
        ),
    )
}


def get_preset(name: str) -> Preset:
    preset = PRESETS.get(name.strip().lower())
    if preset is None:
        raise InputError("preset", f"{name!r} is not a preset; use one of {', '.join(PRESETS)}")
    return preset


@dataclass(frozen=True)
class PresetParams:
    """Everything a preset's form holds besides credentials. No secret here."""

    app_id: str = ""
    uid: str = ""  # Signaling user ID (rtm-user-events; x-agora-uid)
    channel: str = ""
    agent_uid: str = ""  # "" / "0": Agora picks a random uid
    remote_uid: str = ""  # "" : "*" (every user in the channel)
    name: str = ""  # agent name; generated when empty
    enable_rtm: bool = False
    string_uid: bool = False
    agent_id: str = ""
    idle_timeout: int = 30

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PresetParams:
        known = cls.__dataclass_fields__
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue
            default = getattr(cls(), key)
            if isinstance(default, bool):
                values[key] = bool(value)
            elif isinstance(default, int):
                text = str(value)
                # isascii: str.isdigit() also accepts digits int() refuses ('²').
                values[key] = int(text) if text.isascii() and text.isdigit() else default
            else:
                values[key] = str(value)
        return cls(**values)


def agent_uid_text(params: PresetParams) -> str:
    return params.agent_uid.strip() or "0"


def convoai_issues(params: PresetParams) -> list[Issue]:
    """What makes the join body and its token disagree (errors) or misbehave (warnings)."""
    issues = check_channel(params.channel)
    if not params.channel:
        issues = [Issue("error", "channel", "is needed: the channel the agent joins")]
    uid = agent_uid_text(params)
    if params.string_uid:
        issues += check_account(uid, "agent uid")
        if uid == "0":
            issues.append(
                Issue("error", "agent uid", "'0' is not a string account; turn off string uid")
            )
    else:
        try:
            parse_uid(uid, "agent uid")
        except InputError as exc:
            hint = " (turn on string uid for a string account)" if not uid.isdigit() else ""
            issues.append(Issue("error", exc.field, exc.problem + hint))
    if params.enable_rtm and uid == "0":
        issues.append(
            Issue(
                "warning",
                "agent uid",
                "is 0 (random) with enable_rtm: the RTM login in the token is for user '0', "
                "which will not match the random uid; give the agent a fixed uid",
            )
        )
    remote = params.remote_uid.strip() or "*"
    if remote != "*" and not params.string_uid:
        try:
            parse_uid(remote, "remote uid")
        except InputError as exc:
            issues.append(Issue("error", exc.field, exc.problem))
    return issues


def convoai_token_request(params: PresetParams, expire: int = 3600) -> RtcRequest:
    """The agent's token: RTC for its uid or account (+ RTM login when enable_rtm)."""
    raise_for_errors(convoai_issues(params))
    uid = agent_uid_text(params)
    if params.string_uid:
        return RtcRequest(
            channel=params.channel,
            account=uid,
            expire=expire,
            rtm_user_id=uid if params.enable_rtm else None,
        )
    return RtcRequest(
        channel=params.channel,
        uid=parse_uid(uid),
        expire=expire,
        rtm_user_id=uid if params.enable_rtm else None,
    )


def default_agent_name(channel: str) -> str:
    return f"agora-desk-{channel or 'agent'}-{_random.token_hex(3)}"


def convoai_join_body(params: PresetParams, token: str) -> dict[str, Any]:
    """The fields the preset fills; llm / tts etc. are the user's (merged over it)."""
    remote = params.remote_uid.strip() or "*"
    return {
        "name": params.name or default_agent_name(params.channel),
        "properties": {
            "channel": params.channel,
            "token": token,
            "agent_rtc_uid": agent_uid_text(params),
            "remote_rtc_uids": [remote],
            "enable_string_uid": params.string_uid,
            "idle_timeout": params.idle_timeout,
            "advanced_features": {"enable_rtm": params.enable_rtm},
        },
    }


def params_from_join_body(params: PresetParams, body: Any) -> PresetParams:
    """Take the token-relevant fields from a user's body where the form left them empty.

    A field set in both places with different values is an error: the token
    would be built for one and the agent would join with the other.
    """
    if not isinstance(body, dict):
        return params
    props = body.get("properties")
    if not isinstance(props, dict):
        props = {}
    features = props.get("advanced_features")
    if not isinstance(features, dict):
        features = {}
    updates: dict[str, Any] = {}
    pairs: list[tuple[str, str, Any, Any]] = [
        ("channel", "properties.channel", params.channel, props.get("channel")),
        ("agent_uid", "properties.agent_rtc_uid", params.agent_uid, props.get("agent_rtc_uid")),
        ("name", "name", params.name, body.get("name")),
    ]
    for attr, where, mine, theirs in pairs:
        if theirs is None or theirs == "":
            continue  # an empty field in an edited body means "not set"
        theirs_text = str(theirs)
        if not mine:
            updates[attr] = theirs_text
        elif mine != theirs_text:
            raise InputError(
                "body",
                f"{where} is {theirs_text!r} but the preset's {attr.replace('_', ' ')} is "
                f"{mine!r}; the token is built for one value, so give it once",
            )
    remote = props.get("remote_rtc_uids")
    if isinstance(remote, list) and remote and not params.remote_uid:
        updates["remote_uid"] = str(remote[0])
    for attr, where, value in (
        ("string_uid", "properties.enable_string_uid", props.get("enable_string_uid")),
        ("enable_rtm", "properties.advanced_features.enable_rtm", features.get("enable_rtm")),
    ):
        if isinstance(value, bool) and value != getattr(params, attr):
            if getattr(params, attr):
                raise InputError(
                    "body", f"{where} is false but the preset turns it on; give it once"
                )
            updates[attr] = value
    return replace(params, **updates) if updates else params


@dataclass(frozen=True)
class TokenPlan:
    """Which token the preset needs built from the profile, if any."""

    kind: str  # "rtm" or "rtc"
    rtm: RtmRequest | None = None
    rtc: RtcRequest | None = None

    def build(self, creds: Credentials, stamp: Stamp | None = None) -> BuildResult:
        if self.rtm is not None:
            return build_rtm(creds, self.rtm, stamp)
        assert self.rtc is not None
        return build_rtc(creds, self.rtc, stamp)

    def describe(self) -> str:
        if self.rtm is not None:
            return f"RTM token for user {self.rtm.user_id!r}"
        assert self.rtc is not None
        who = (
            f"account {self.rtc.account!r}"
            if self.rtc.account is not None
            else f"uid {self.rtc.uid}"
        )
        extra = f" + RTM login for {self.rtc.rtm_user_id!r}" if self.rtc.rtm_user_id else ""
        return f"RTC token for channel {self.rtc.channel!r}, {who}{extra}"


def token_plan(
    preset: str | None, params: PresetParams, scheme: AuthScheme, expire: int = 3600
) -> TokenPlan | None:
    """The token to generate from the profile for this preset and scheme.

    ``None`` when no token is needed. Errors say which field is missing.
    """
    name = preset or ""
    if name == "convoai-join" or (name == "convoai-leave" and scheme is AuthScheme.TOKEN):
        if name == "convoai-leave" and not params.channel:
            raise InputError(
                "token",
                "token auth for leave needs the token the agent was started with: paste it, "
                "or give the channel and agent uid to build a matching one",
            )
        return TokenPlan("rtc", rtc=convoai_token_request(params, expire))
    if not scheme.uses_token:
        return None
    if params.channel:
        return TokenPlan("rtc", rtc=convoai_token_request(params, expire))
    if not params.uid:
        raise InputError(
            "uid",
            "is needed to build a token: the Signaling user ID the RTM token is for "
            "(or paste a token)",
        )
    raise_for_errors(check_user_id(params.uid, "uid"))
    return TokenPlan("rtm", rtm=RtmRequest(user_id=params.uid, expire=expire))


def token_user(token: str) -> str | None:
    """The RTM user ID a 007 token was built for (for x-agora-uid), if it has one."""
    try:
        parsed = token007.parse(token.strip())
    except TokenFormatError:
        return None
    for service in parsed.services:
        if isinstance(service, token007.RtmService):
            return service.user_id
    return None


def check_token_for(
    token: str, params: PresetParams, preset: str | None, now: int | None = None
) -> list[Issue]:
    """Warnings when a pasted token does not fit the request (decoded, not verified)."""
    try:
        parsed = token007.parse(token.strip())
    except TokenFormatError:
        return [
            Issue(
                "warning",
                "token",
                "is not a 007 token (AccessToken2); the REST API expects one",
            )
        ]
    issues: list[Issue] = []
    moment = int(time.time()) if now is None else now
    if parsed.expire and parsed.expires_at <= moment:
        issues.append(Issue("warning", "token", "has expired; Agora will answer 401"))
    if params.app_id and parsed.app_id.lower() != params.app_id.lower():
        issues.append(
            Issue(
                "warning",
                "token",
                f"is for App ID {parsed.app_id}, not {params.app_id} in the path",
            )
        )
    rtc = [s for s in parsed.services if isinstance(s, token007.RtcService)]
    rtm = [s for s in parsed.services if isinstance(s, token007.RtmService)]
    if preset == "rtm-user-events":
        if not rtm:
            issues.append(Issue("warning", "token", "has no RTM (Signaling) login privilege"))
        elif params.uid and all(s.user_id != params.uid for s in rtm):
            issues.append(
                Issue(
                    "warning",
                    "token",
                    f"is for Signaling user {rtm[0].user_id!r}, not {params.uid!r}",
                )
            )
    if preset == "convoai-join":
        if not rtc:
            issues.append(Issue("warning", "token", "has no RTC service; the agent cannot join"))
        else:
            if params.channel and all(s.channel_name != params.channel for s in rtc):
                issues.append(
                    Issue(
                        "warning",
                        "token",
                        f"is for channel {rtc[0].channel_name!r}, not {params.channel!r}",
                    )
                )
            want = agent_uid_text(params)
            wire = want if params.string_uid else ("" if want == "0" else want)
            if all(s.uid != wire for s in rtc):
                issues.append(
                    Issue(
                        "warning",
                        "token",
                        f"is for RTC uid {rtc[0].uid or '0'!r}, not the agent uid {want!r}",
                    )
                )
        if params.enable_rtm and not rtm:
            issues.append(Issue("warning", "token", "has no RTM privilege but enable_rtm is on"))
    return issues


@dataclass(frozen=True)
class PresetRequest:
    """A preset filled in: method, path, body. Credentials are added by the caller."""

    preset: str
    method: str
    path: str
    body: Any
    params: PresetParams


def fill_preset(
    name: str, params: PresetParams, token: str = "", user_body: Any = None
) -> PresetRequest:
    """Method, path and body of a preset; ``user_body`` is merged over the preset's body.

    For convoai-join ``token`` goes into ``properties.token`` (the agent's join
    token); call :func:`params_from_join_body` first so the token was built for
    the body's channel and uid.
    """
    preset = get_preset(name)
    values = {"app_id": params.app_id, "agent_id": params.agent_id}
    if "{app_id}" in preset.path and not params.app_id:
        raise InputError("App ID", f"is needed for the {name} path; choose a profile")
    path = fill_path(preset.path, **values) if "{" in preset.path else preset.path
    body: Any = None
    if name == "convoai-join":
        raise_for_errors(convoai_issues(params))
        preset_body = convoai_join_body(params, token)
        body = merge(preset_body, user_body or {})
        props = body["properties"]
        # The token was built for these values (params_from_join_body reconciled
        # them with the user's body), and the user's body may not replace it.
        for key in ("token", "channel", "agent_rtc_uid"):
            props[key] = preset_body["properties"][key]
        if not body.get("name"):
            body["name"] = preset_body["name"]
    elif user_body is not None:
        body = user_body
    return PresetRequest(name, preset.method, path, body, params)


# --------------------------------------------------------------------------
# Copy as curl
# --------------------------------------------------------------------------


def _dq(text: str) -> str:
    """Shell double-quoted string: $, `, \\ and " escaped."""
    return '"' + re.sub(r'([$`"\\])', r"\\\1", text) + '"'


def _with_vars(text: str, variables: Mapping[str, str]) -> str:
    """Quote ``text`` for a shell, with each secret replaced by ``"$VAR"``."""
    present = [(v, n) for v, n in variables.items() if v and v in text]
    if not present:
        return shlex.quote(text)
    pieces = [text]
    for value, name in sorted(present, key=lambda p: -len(p[0])):
        out: list[str] = []
        for piece in pieces:
            if piece.startswith("\0"):
                out.append(piece)
                continue
            parts = piece.split(value)
            for i, part in enumerate(parts):
                if i:
                    out.append("\0" + name)
                out.append(part)
        pieces = [p for p in out if p]
    quoted = "".join("${" + p[1:] + "}" if p.startswith("\0") else _dq(p)[1:-1] for p in pieces)
    return f'"{quoted}"'


def curl_command(
    prepared: Prepared,
    auth: Auth,
    *,
    reveal: bool = False,
    ca_file: str | None = None,
    timeout: float | None = None,
) -> str:
    """The same request as a curl command line.

    Secrets are written as ``$AGORA_CUSTOMER_ID:$AGORA_CUSTOMER_SECRET``
    (Basic, via ``-u``) and ``$AGORA_TOKEN`` unless ``reveal``.
    """
    variables: dict[str, str] = {}
    if not reveal:
        if auth.token:
            variables[auth.token.reveal()] = ENV_TOKEN
        for h in prepared.headers:
            # A credential typed into the headers table gets a variable of its own.
            if (
                isinstance(h.value, Secret)
                and h.reveal()
                and not _contains_any(h.reveal(), variables)
            ):
                name = "AGORA_" + re.sub(r"[^A-Z0-9]", "_", h.name.upper())
                variables[h.reveal()] = name
    lines = [f"curl -X {prepared.method} {shlex.quote(prepared.url)}"]
    if auth.scheme is AuthScheme.BASIC:
        if reveal and auth.customer_secret:
            lines.append("-u " + shlex.quote(f"{auth.customer_id}:{auth.customer_secret.reveal()}"))
        else:
            lines.append(f'-u "${ENV_CUSTOMER_ID}:${ENV_CUSTOMER_SECRET}"')
    for h in prepared.headers:
        if auth.scheme is AuthScheme.BASIC and h.name.lower() == "authorization":
            continue  # written as -u
        line = f"{h.name}: {h.reveal()}"
        lines.append("-H " + (shlex.quote(line) if reveal else _with_vars(line, variables)))
    if prepared.body is not None:
        text = prepared.body.decode("utf-8")
        lines.append("--data-raw " + (shlex.quote(text) if reveal else _with_vars(text, variables)))
    if ca_file:
        lines.append("--cacert " + shlex.quote(ca_file))
    if timeout:
        lines.append(f"--max-time {timeout:g}")
    return " \\\n  ".join(lines)


def _contains_any(text: str, variables: Mapping[str, str]) -> bool:
    return any(v and v in text for v in variables)


# --------------------------------------------------------------------------
# Responses: body views and failure explanations
# --------------------------------------------------------------------------

DISPLAY_LIMIT: Final = 256 * 1024  # characters of body text a view shows
TREE_LIMIT: Final = 2000  # nodes of a JSON tree view


@dataclass(frozen=True)
class BodyView:
    text: str  # pretty JSON, or the text as received, cut at the display limit
    json: Any = None
    is_json: bool = False
    display_truncated: bool = False


def decode_text(body: bytes, content_type: str = "") -> str:
    charset = "utf-8"
    match = re.search(r"charset=([\w-]+)", content_type, re.IGNORECASE)
    if match:
        charset = match.group(1)
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def body_view(
    body: bytes, content_type: str = "", *, truncated: bool = False, limit: int = DISPLAY_LIMIT
) -> BodyView:
    """Pretty JSON when the body parses; text otherwise. Cut at ``limit`` characters."""
    text = decode_text(body, content_type)
    parsed: Any = None
    is_json = False
    if not truncated and text.strip():
        try:
            parsed = json.loads(text)
            is_json = True
            text = json.dumps(parsed, indent=2, ensure_ascii=False)
        except (ValueError, RecursionError):
            pass
    cut = len(text) > limit
    if cut:
        text = text[:limit]
    return BodyView(text, parsed, is_json, cut)


def json_tree(value: Any, label: str = "body", limit: int = TREE_LIMIT) -> Node:
    """A tree of a JSON value for the window; stops after ``limit`` nodes."""
    count = 0

    def scalar(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False)

    def build(parent: Node, key: str, v: Any) -> None:
        nonlocal count
        if count >= limit:
            return
        count += 1
        if isinstance(v, dict):
            node = parent.add(key, f"{{{len(v)}}}")
            for k, child in v.items():
                if count >= limit:
                    node.add("…", "more not shown", status="warning")
                    break
                build(node, str(k), child)
        elif isinstance(v, list):
            node = parent.add(key, f"[{len(v)}]")
            for i, child in enumerate(v):
                if count >= limit:
                    node.add("…", f"{len(v) - i} more not shown", status="warning")
                    break
                build(node, str(i), child)
        else:
            text = scalar(v)
            parent.add(key, text if len(text) <= 500 else text[:500] + "…", copy=str(v))

    root = Node(label)
    build(root, label, value)
    return root.children[0] if root.children else root


@dataclass(frozen=True)
class Failure:
    """What went wrong, for :func:`explain`. ``kind`` names a transport failure."""

    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None  # parsed JSON or text
    scheme: AuthScheme = AuthScheme.NONE
    kind: str | None = None  # "tls", "timeout", "dns", "refused", "connection", ...
    detail: str = ""  # the transport's own message
    token: str | None = None  # the token sent, to find the likely cause locally
    app_id: str | None = None  # the App ID in the path
    preset: str | None = None
    params: PresetParams | None = None
    timeout: float | None = None
    now: int | None = None


def _server_message(body: Any) -> str:
    if isinstance(body, dict):
        for key in ("message", "reason", "detail", "error", "msg"):
            value = body.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()[:200]
    return ""


def _token_cause(f: Failure) -> str | None:
    """The most likely reason a token was refused, from the token itself."""
    if not f.token:
        return None
    try:
        parsed = token007.parse(f.token.strip())
    except TokenFormatError:
        return "the token is not a 007 (AccessToken2) token, which the REST API needs"
    now = int(time.time()) if f.now is None else f.now
    if parsed.expire and parsed.expires_at <= now:
        return f"the token expired {now - parsed.expires_at} s ago; generate a fresh one"
    if f.app_id and parsed.app_id.lower() != f.app_id.lower():
        return f"the token is for App ID {parsed.app_id}, but the path names {f.app_id}"
    rtm = [s for s in parsed.services if isinstance(s, token007.RtmService)]
    rtc = [s for s in parsed.services if isinstance(s, token007.RtcService)]
    if f.preset == "rtm-user-events" and not rtm:
        return "the token has no RTM (Signaling) login privilege; build an RTM token"
    if f.preset == "convoai-join":
        if not rtc:
            return "the token has no RTC service; Conversational AI needs an RTC token"
        if f.params is not None and f.params.enable_rtm and not rtm:
            return "enable_rtm is on but the token has no RTM privilege; build RTC + RTM"
    for s in parsed.services:
        for pid, secs in s.privileges.items():
            if secs and parsed.issued_at + secs <= now:
                return (
                    f"the token's {s.name} privilege {s.privilege_name(pid)} expired; "
                    "generate a fresh token"
                )
    return None


def explain(f: Failure) -> str | None:
    """One sentence on why the request failed, or None when it did not."""
    if f.kind is not None:
        return _explain_transport(f)
    status = f.status
    if status is None or status < 400:
        return None
    server = _server_message(f.body)
    said = f' (server: "{server}")' if server else ""
    if status == 401:
        if f.scheme is AuthScheme.BASIC:
            return (
                "401 with Basic auth: Agora did not accept the Customer ID / Customer Secret "
                "pair — check that both come from the same row under Agora Console → RESTful "
                "API and that the secret has no space or line break from a paste" + said + "."
            )
        if f.scheme.uses_token:
            cause = _token_cause(f)
            if cause:
                return f"{status} with a token: {cause}{said}."
            return (
                "401 with a token: it was refused — it may have expired, be for another App "
                "ID, lack a privilege (RTM login for Signaling; RTC, plus RTM with enable_rtm, "
                "for Conversational AI), or the project may not have its App Certificate "
                "enabled" + said + "."
            )
        return (
            "401: this API needs authentication; choose Basic (Customer ID + Secret) or a "
            "token" + said + "."
        )
    if status == 403:
        if f.scheme.uses_token:
            cause = _token_cause(f)
            if cause:
                return f"403 with a token: {cause}{said}."
            return (
                "403 with a token: the token is valid but not allowed here — it may lack the "
                "privilege this API needs, be for another App ID, or the project may not "
                "have its App Certificate enabled" + said + "."
            )
        return (
            "403: the credentials were accepted but may not use this API or project "
            "(is the service enabled for the project in Agora Console?)" + said + "."
        )
    if status == 404:
        return (
            "404: nothing at this path — check the path and the App ID in it, and the base "
            "URL (a regional host?)" + said + "."
        )
    if status in (400, 422):
        return f"{status}: the server refused the request body or parameters{said}."
    if status == 405:
        return f"405: this path does not accept that method; check the method{said}."
    if status == 429:
        return f"429: too many requests; wait and try again{said}."
    if status >= 500:
        return f"{status}: the server failed; try again later{said}."
    return f"{status}: the request failed{said}."


def _explain_transport(f: Failure) -> str:
    kind = f.kind
    if kind == "tls":
        return (
            "TLS failed: the server's certificate is not trusted or does not match the host"
            + (f" ({f.detail})" if f.detail else "")
            + " — behind a TLS-inspecting proxy, add its CA bundle (--ca-file, or the CA "
            "file setting); verification is never switched off."
        )
    if kind == "timeout":
        secs = f" within {f.timeout:g} s" if f.timeout else ""
        return (
            f"No answer{secs}: the server, the network or a proxy is slow or unreachable — "
            "try again, raise the timeout, or check HTTPS_PROXY."
        )
    if kind == "dns":
        return (
            "The host name could not be resolved — check the base URL for typos, and your "
            "DNS or proxy settings."
        )
    if kind == "refused":
        return (
            "Connection refused: nothing listens at that host and port — check the base URL "
            "and port (or the proxy in HTTPS_PROXY)."
        )
    if kind == "cancelled":
        return "Cancelled before an answer arrived."
    if kind == "redirects":
        return "Too many redirects: the server keeps sending the request elsewhere; check the base URL."
    if kind == "insecure-redirect":
        return (
            "The server redirected to plain http://, which is refused (HTTPS only); check the "
            "base URL."
        )
    if kind == "proxy":
        return "The proxy from HTTPS_PROXY/HTTP_PROXY failed; check it or unset it."
    return "The connection failed" + (f" ({f.detail})" if f.detail else "") + "."


# --------------------------------------------------------------------------
# History
# --------------------------------------------------------------------------

HISTORY_VERSION: Final = 1
HISTORY_MAX: Final = 50


@dataclass(frozen=True)
class HistoryEntry:
    """A sent request, minus every secret. Replay re-resolves them from the profile."""

    at: int
    method: str
    base_url: str
    path: str
    scheme: str
    preset: str | None = None
    params: PresetParams = field(default_factory=PresetParams)
    headers: tuple[tuple[str, str], ...] = ()
    body: Any = None
    # "profile" or "pasted" (pasted tokens are not kept)
    token_source: str = "profile"  # noqa: S105
    profile: str | None = None
    status: int | None = None
    elapsed_ms: float | None = None
    outcome: str = ""

    @property
    def title(self) -> str:
        stamp = time.strftime("%H:%M:%S", time.localtime(self.at))
        result = str(self.status) if self.status is not None else (self.outcome or "—")
        what = self.preset or f"{self.method} {self.path}"
        return f"{stamp}  {what}  → {result}"

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "method": self.method,
            "base_url": self.base_url,
            "path": self.path,
            "scheme": self.scheme,
            "preset": self.preset,
            "params": self.params.to_json(),
            "headers": [list(h) for h in self.headers],
            "body": self.body,
            "token_source": self.token_source,
            "profile": self.profile,
            "status": self.status,
            "elapsed_ms": self.elapsed_ms,
            "outcome": self.outcome,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> HistoryEntry:
        headers = tuple(
            (str(h[0]), str(h[1]))
            for h in data.get("headers", [])
            if isinstance(h, list | tuple) and len(h) == 2
        )
        status = data.get("status")
        elapsed = data.get("elapsed_ms")
        params = data.get("params")
        return cls(
            at=int(data.get("at", 0)),
            method=str(data.get("method", "GET")),
            base_url=str(data.get("base_url", DEFAULT_BASE_URL)),
            path=str(data.get("path", "/")),
            scheme=str(data.get("scheme", "none")),
            preset=str(data["preset"]) if data.get("preset") else None,
            params=PresetParams.from_json(params if isinstance(params, Mapping) else {}),
            headers=headers,
            body=data.get("body"),
            token_source=str(data.get("token_source", "profile")),
            profile=str(data["profile"]) if data.get("profile") else None,
            status=int(status) if isinstance(status, int) else None,
            elapsed_ms=float(elapsed) if isinstance(elapsed, int | float) else None,
            outcome=str(data.get("outcome", "")),
        )


class SecretInHistory(RestError):
    """The last guard before history is written found a secret in it."""


def history_entry(
    req: RestRequest,
    *,
    params: PresetParams | None = None,
    token_source: str = "profile",  # noqa: S107
    profile: str | None = None,
    status: int | None = None,
    elapsed_ms: float | None = None,
    outcome: str = "",
    at: int | None = None,
) -> HistoryEntry:
    """A history entry for ``req``: credentials and credential-like values dropped."""
    secrets = list(req.auth.secret_values())
    headers = tuple(
        (n, v)
        for n, v in req.headers
        if n.lower() not in SENSITIVE_HEADERS and not any(s in v for s in secrets if s)
    )
    body = redact_json(req.body, secrets) if req.body is not None else None
    if req.preset == "convoai-join" and isinstance(body, dict):
        props = body.get("properties")
        if isinstance(props, dict) and "token" in props:
            props["token"] = ""  # rebuilt from the profile on replay
    entry = HistoryEntry(
        at=int(time.time()) if at is None else at,
        method=req.method,
        base_url=req.base_url,
        path=req.path,
        scheme=req.auth.scheme.value,
        preset=req.preset,
        params=params or PresetParams(),
        headers=headers,
        body=body,
        token_source=token_source,
        profile=profile,
        status=status,
        elapsed_ms=elapsed_ms,
        outcome=outcome,
    )
    assert_no_secret(json.dumps(entry.to_json()), secrets)
    return entry


def assert_no_secret(text: str, secrets: Iterable[str]) -> None:
    for s in secrets:
        if len(s) >= MIN_SCAN_LENGTH and s in text:
            raise SecretInHistory(
                "a credential would have been written to the request history; nothing was saved"
            )


def history_to_text(entries: Sequence[HistoryEntry]) -> str:
    doc = {"version": HISTORY_VERSION, "entries": [e.to_json() for e in entries[:HISTORY_MAX]]}
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def history_from_text(text: str) -> list[HistoryEntry]:
    """Entries from a history file; a damaged file yields what can be read."""
    try:
        doc = json.loads(text)
    except ValueError:
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get("entries"), list):
        return []
    out: list[HistoryEntry] = []
    for item in doc["entries"]:
        if isinstance(item, dict):
            try:
                out.append(HistoryEntry.from_json(item))
            except (TypeError, ValueError, OverflowError):  # e.g. "at": 1e400
                continue
    return out[:HISTORY_MAX]


# --------------------------------------------------------------------------
# From a form (or a command line) to a request
# --------------------------------------------------------------------------

# Unique stand-ins for secrets when "copy as curl" writes $AGORA_... variables
# anyway: no keyring read, no certificate needed.
TOKEN_STANDIN: Final = "AGORA-DESK-TOKEN-STANDIN-7d1f0c"  # noqa: S105
SECRET_STANDIN: Final = "AGORA-DESK-SECRET-STANDIN-7d1f0c"  # noqa: S105
CUSTOMER_ID_STANDIN: Final = "AGORA-DESK-CUSTOMER-ID-STANDIN"

NEED_APP_ID: Final = "app_id"
NEED_APP_CERTIFICATE: Final = "app_certificate"
NEED_CUSTOMER_ID: Final = "customer_id"
NEED_CUSTOMER_SECRET: Final = "customer_secret"  # noqa: S105 - a field name


@dataclass(frozen=True)
class RequestSpec:
    """What the user asked for, before credentials. Holds no secret but a pasted token."""

    base_url: str
    scheme: AuthScheme
    preset: str | None = None
    method: str = "GET"  # ignored for a preset
    path: str = "/"  # ignored for a preset; {app_id} is filled in
    params: PresetParams = field(default_factory=PresetParams)
    headers: tuple[tuple[str, str], ...] = ()
    body: Any = None  # the user's JSON (merged over a preset's body)
    pasted_token: Secret | None = None
    expire: int = 3600

    @property
    def path_template(self) -> str:
        return get_preset(self.preset).path if self.preset else self.path

    @property
    def real_method(self) -> str:
        return get_preset(self.preset).method if self.preset else check_method(self.method)


@dataclass(frozen=True)
class Assembled:
    request: RestRequest
    params: PresetParams  # with app_id, and what the body said for convoai-join
    token_source: str  # "profile", "pasted" or "" (no token)
    token_plan: TokenPlan | None
    warnings: tuple[Issue, ...] = ()
    # For "copy as curl": also covers a token that is only in the body (Basic join).
    curl_auth: Auth = field(default_factory=Auth)


def resolve_params(spec: RequestSpec) -> PresetParams:
    """The preset's params with the body's values filled in; errors for conflicts."""
    params = spec.params
    if spec.preset == "convoai-join":
        params = params_from_join_body(params, spec.body)
        raise_for_errors(convoai_issues(params))
    if spec.preset == "convoai-leave" and not params.agent_id:
        raise InputError("agent id", "is needed: the agent_id that join returned")
    return params


def plan_token(spec: RequestSpec) -> TokenPlan | None:
    """The token to build from the profile (None: none needed, or one was pasted)."""
    if spec.pasted_token:
        return None
    if not (spec.scheme.uses_token or spec.preset == "convoai-join"):
        return None
    return token_plan(spec.preset, resolve_params(spec), spec.scheme, spec.expire)


def needs(spec: RequestSpec, *, standins: bool = False) -> set[str]:
    """Which credentials :func:`assemble` will need (``standins``: curl without secrets)."""
    need: set[str] = set()
    plan = plan_token(spec)
    if "{app_id}" in spec.path_template or (plan is not None and not standins):
        need.add(NEED_APP_ID)
    if plan is not None and not standins:
        need.add(NEED_APP_CERTIFICATE)
    if spec.scheme is AuthScheme.BASIC and not standins:
        need |= {NEED_CUSTOMER_ID, NEED_CUSTOMER_SECRET}
    return need


def assemble(
    spec: RequestSpec,
    *,
    app_id: str = "",
    app_certificate: Secret | None = None,
    customer_id: str = "",
    customer_secret: Secret | None = None,
    standins: bool = False,
    stamp: Stamp | None = None,
) -> Assembled:
    """Build the token (if any), fill the preset and put the request together.

    With ``standins`` the secrets are replaced by placeholders that
    :func:`curl_command` writes as ``$AGORA_…`` variables.
    """
    params = replace(resolve_params(spec), app_id=app_id)
    warnings: list[Issue] = []
    plan = plan_token(spec)
    token = ""
    source = ""
    if spec.pasted_token:
        token = spec.pasted_token.reveal().strip()
        if any(ch.isspace() for ch in token):
            raise InputError("token", "contains whitespace (from a paste?)")
        source = "pasted"
        warnings += check_token_for(token, params, spec.preset)
    elif plan is not None:
        source = "profile"
        if standins:
            token = TOKEN_STANDIN
        else:
            if not app_id:
                raise InputError("App ID", "is needed to build the token; choose a profile")
            if not app_certificate:
                raise InputError(
                    "App Certificate", "is needed to build the token; choose a profile that has one"
                )
            built = plan.build(Credentials(app_id, app_certificate.reveal()), stamp)
            warnings += built.warnings
            token = built.token
    uid = params.uid
    if spec.scheme is AuthScheme.ACCESS_TOKEN and not uid and token and token != TOKEN_STANDIN:
        uid = token_user(token) or ""
    if spec.scheme is AuthScheme.ACCESS_TOKEN and not uid:
        raise InputError("uid", "is needed for access-token auth (x-agora-uid)")
    if spec.preset:
        filled = fill_preset(spec.preset, params, token, spec.body)
        path, body = filled.path, filled.body
    else:
        path = fill_path(spec.path, app_id=app_id) if "{app_id}" in spec.path else spec.path
        body = spec.body
    if standins:
        customer_id = customer_id or CUSTOMER_ID_STANDIN
        customer_secret = Secret(SECRET_STANDIN)
    basic = spec.scheme is AuthScheme.BASIC
    auth = Auth(
        spec.scheme,
        customer_id=customer_id if basic else "",
        customer_secret=customer_secret if basic else None,
        token=Secret(token) if token and spec.scheme.uses_token else None,
        uid=uid if spec.scheme is AuthScheme.ACCESS_TOKEN else "",
    )
    request = RestRequest(
        spec.real_method, spec.base_url, path, auth, spec.headers, body, spec.preset
    )
    curl_auth = replace(auth, token=Secret(token)) if token and not auth.token else auth
    return Assembled(request, params, source, plan, tuple(warnings), curl_auth)
