"""One sentence on why a request failed: from the status, the scheme and the token sent."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from agora_desk.core.i18n import N_, Translated, _
from agora_desk.core.rest.fit import token_cause
from agora_desk.core.rest.model import AuthScheme, FailureKind
from agora_desk.core.rest.params import PresetParams
from agora_desk.core.rest.presets import CUSTOM, Preset
from agora_desk.core.rest.signature import Signature


@dataclass(frozen=True)
class Failure:
    """What went wrong, for :func:`explain`. ``kind`` names a transport failure."""

    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None  # parsed JSON or text
    scheme: AuthScheme = AuthScheme.NONE
    kind: FailureKind | None = None
    detail: str = ""  # the transport's own message
    token: str | None = None  # the token sent, to find the likely cause locally
    app_id: str | None = None  # the App ID in the path
    preset: Preset = CUSTOM
    params: PresetParams | None = None
    timeout: float | None = None
    now: int | None = None
    signature: Signature | None = None  # who signed a pasted token, when checked

    def cause(self) -> str | None:
        return token_cause(
            self.token, self.params, self.preset, self.app_id, self.now, self.signature
        )


def server_message(body: Any) -> str:
    if isinstance(body, dict):
        for key in ("message", "reason", "detail", "error", "msg"):
            value = body.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()[:200]
    return ""


def explain(f: Failure) -> str | None:
    """One sentence on why the request failed, or None when it did not."""
    if f.kind is not None:
        return _TRANSPORT[f.kind](f)
    status = f.status
    if status is None or status < 400:
        return None
    server = server_message(f.body)
    said = _(' (server: "{server}")').format(server=server) if server else ""
    if status == 401:
        if f.scheme is AuthScheme.BASIC:
            return _(
                "401 with Basic auth: Agora did not accept the Customer ID / Customer Secret "
                "pair — check that both come from the same row under Agora Console → RESTful "
                "API and that the secret has no space or line break from a paste{said}."
            ).format(said=said)
        if f.scheme.uses_token:
            return _token_refused(f, status, said)
        return _(
            "401: this API needs authentication; choose Basic (Customer ID + Secret) or a "
            "token{said}."
        ).format(said=said)
    if status == 403:
        if f.scheme.uses_token:
            return _token_refused(f, status, said)
        if status in f.preset.status_hints:
            return _status(status, f.preset.status_hints[status], _reason(f.body), said)
        return _(
            "403: the credentials were accepted but may not use this API or project "
            "(is the service enabled for the project in Agora Console?){said}."
        ).format(said=said)
    hint = f.preset.status_hints.get(status)
    if hint:
        return _status(status, hint, _reason(f.body), said)
    generic = _STATUS.get(status)
    if generic:
        return _status(status, generic, _reason(f.body), said)
    if status >= 500:
        return _status(
            status, _("the server failed; if it keeps failing, contact Agora support"), "", said
        )
    return _status(status, _("the request failed"), _reason(f.body), said)


def _status(status: int, meaning: str, reason: str, said: str) -> str:
    """ "404: <what it means> (<reason>: <its meaning>) (server: "…")." """
    return _("{status}: {meaning}{reason}{said}.").format(
        status=status, meaning=meaning, reason=reason, said=said
    )


# A refused token when neither the token itself nor the endpoint says why.
_TOKEN_REFUSED: Final[Mapping[int, str]] = Translated(
    {
        401: N_(
            "it was refused — it may have expired, be for another App ID, lack a privilege (RTM "
            "login for Signaling; RTC, plus RTM with enable_rtm, for Conversational AI), or the "
            "project may not have its App Certificate enabled"
        ),
        403: N_(
            "the token is valid but not allowed here — it may lack the privilege this API needs, "
            "be for another App ID, or the project may not have its App Certificate enabled"
        ),
    }
)


def _token_refused(f: Failure, status: int, said: str) -> str:
    """A 401/403 to a token: the token's own misfit first, then the endpoint's words."""
    cause = f.cause()
    if cause:
        return _("{status} with a token: {cause}{said}.").format(
            status=status, cause=cause, said=said
        )
    if status in f.preset.status_hints:
        return _status(status, f.preset.status_hints[status], "", said)
    return _("{status} with a token: {cause}{said}.").format(
        status=status, cause=_TOKEN_REFUSED[status], said=said
    )


# What a status means when the endpoint says nothing more specific.
_STATUS: Final[Mapping[int, str]] = Translated(
    {
        400: N_("the server refused the request body or parameters"),
        404: N_(
            "nothing at this path — check the path and the App ID in it, and the base URL "
            "(a regional host?)"
        ),
        405: N_("this path does not accept that method; check the method"),
        409: N_(
            "the request conflicts with what is already there (a running task of the same name?)"
        ),
        422: N_(
            "the request is well-formed but refused: a quota or limit of the project was reached"
        ),
        429: N_("too many requests; wait and try again, more slowly"),
        500: N_("the server failed inside; if it keeps failing, contact Agora support"),
        501: N_(
            "the server does not offer this method at this path (a wrong method or path, or a "
            "product not available on this host) — retrying will not help; check the method, "
            "the path and the environment"
        ),
        502: N_("a gateway in front of the service failed; try again later"),
        503: N_("the service is unavailable for now; try again later, with a growing pause"),
        504: N_("the service did not answer in time; try again later, with a growing pause"),
    }
)

# Documented ``reason`` values and what to do about each.
REASONS: Final[Mapping[str, str]] = Translated(
    {
        "TaskConflict": N_(
            "an agent with this name is already running; use its agent_id or another name"
        ),
        "TaskNotFound": N_(
            "no agent with this agent_id is running (it left, or idle_timeout ended it)"
        ),
        "InvalidPermission": N_(
            "the credentials may not use this service; check that it is enabled for the project"
        ),
        "ServiceNotEnabled": N_("the service is not enabled for this project in Agora Console"),
        "AccountSuspended": N_("the account is suspended (billing?); see Agora Console"),
        "InvalidRequest": N_("a field of the body is missing or wrong; the detail says which"),
        "InvalidToken": N_("a token in the body does not fit (channel, uid, privileges or expiry)"),
    }
)


def _reason(body: Any) -> str:
    reason = body.get("reason") if isinstance(body, dict) else None
    meaning = REASONS.get(reason) if isinstance(reason, str) else None
    return _(" ({reason}: {meaning})").format(reason=reason, meaning=meaning) if meaning else ""


def _tls(f: Failure) -> str:
    return _(
        "TLS failed: the server's certificate is not trusted or does not match the host"
        "{detail} — behind a TLS-inspecting proxy, add its CA bundle (--ca-file, or the CA "
        "file setting); verification is never switched off."
    ).format(detail=_detail(f))


def _detail(f: Failure) -> str:
    """The transport's own words in parentheses, or nothing."""
    return _(" ({detail})").format(detail=f.detail) if f.detail else ""


def _timeout(f: Failure) -> str:
    secs = _(" within {seconds} s").format(seconds=f"{f.timeout:g}") if f.timeout else ""
    return _(
        "No answer{within}: the server, the network or a proxy is slow or unreachable — "
        "try again, raise the timeout, or check HTTPS_PROXY."
    ).format(within=secs)


def _connection(f: Failure) -> str:
    return _("The connection failed{detail}.").format(detail=_detail(f))


def _fixed(text: str) -> Callable[[Failure], str]:
    """A marked (``N_``) explanation, translated when it is given."""
    return lambda _f: _(text)


_TRANSPORT: Final[dict[FailureKind, Callable[[Failure], str]]] = {
    FailureKind.TLS: _tls,
    FailureKind.TIMEOUT: _timeout,
    FailureKind.DNS: _fixed(
        N_(
            "The host name could not be resolved — check the base URL for typos, and your "
            "DNS or proxy settings."
        )
    ),
    FailureKind.REFUSED: _fixed(
        N_(
            "Connection refused: nothing listens at that host and port — check the base URL "
            "and port (or the proxy in HTTPS_PROXY)."
        )
    ),
    FailureKind.CANCELLED: _fixed(N_("Cancelled before an answer arrived.")),
    FailureKind.REDIRECTS: _fixed(
        N_(
            "Too many redirects: the server keeps sending the request elsewhere; check the base URL."
        )
    ),
    FailureKind.INSECURE_REDIRECT: _fixed(
        N_(
            "The server redirected to plain http://, which is refused (HTTPS only); check the "
            "base URL."
        )
    ),
    FailureKind.PROXY: _fixed(
        N_("The proxy from HTTPS_PROXY/HTTP_PROXY failed; check it or unset it.")
    ),
    FailureKind.CONNECTION: _connection,
    FailureKind.DECODING: _fixed(
        N_(
            "The server's body does not decode as its Content-Encoding header says (a broken "
            "server or proxy); nothing of it is shown."
        )
    ),
}
