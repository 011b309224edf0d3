"""Does a token fit the request? Decoded, not verified: the server holds the certificate.

The rule itself lives once, in the token format (:func:`v007_checks.fit`, :func:`v007_checks.expiry`,
:func:`checks.app_id`); a preset says what it expects (:meth:`Preset.expectations`)
and adds what only its product knows (:meth:`Preset.fit`, e.g. Chat's app privilege).
"""

from __future__ import annotations

import time

from agora_desk.core import checks
from agora_desk.core.decoded import Check, CheckName, Phrasing
from agora_desk.core.errors import TokenFormatError
from agora_desk.core.formats import v007, v007_checks
from agora_desk.core.formats.v007 import VERSION
from agora_desk.core.i18n import N_, _
from agora_desk.core.rest.params import PresetParams
from agora_desk.core.rest.presets import Preset
from agora_desk.core.rest.signature import Signature
from agora_desk.core.validation import Issue

NOT_007 = N_("is not a 007 token (AccessToken2); the REST API expects one")


def _why_not_007(token: str) -> str | None:
    """Why a pasted token cannot be sent as typed, in decode's words (cut off, text after
    its end...); None when it decodes but is another version."""
    # Only a token that fails to parse needs the decoder: `request` starts without it.
    from agora_desk.core.decode import parse_any

    try:
        parsed = parse_any(token)
    except TokenFormatError as exc:
        return str(exc)
    if parsed.decoded.version != VERSION or not parsed.decoded.cleaned:
        return None
    return _(
        "the token is a 007 token only once cleaned ({notes}); the request sends it as typed: paste the clean token"
    ).format(notes="; ".join(parsed.decoded.cleaned))


_ORDER = (
    CheckName.EXPIRY,
    CheckName.APP_ID,
    CheckName.CHANNEL,
    CheckName.RTM_USER,
    CheckName.UID,
    CheckName.PRIVILEGES,
)


def _failed(
    tok: v007.AccessToken2, params: PresetParams, preset: Preset, app_id: str | None, now: int
) -> list[Check]:
    expect = preset.expectations(params)
    found = v007_checks.expiry(tok, now)
    if app_id:
        found += checks.app_id(
            tok.app_id,
            checks.Expectations(app_id=app_id, app_id_source=_("the App ID in the path")),
        )
    if expect is not None:
        found += v007_checks.fit(tok, expect)
    failed = [c for c in found.checks if c.failed]
    # The most telling first: a missing service explains a wrong user, not the reverse.
    return sorted(failed, key=lambda c: _ORDER.index(c.name) if c.name in _ORDER else len(_ORDER))


def _now(now: int | None) -> int:
    return int(time.time()) if now is None else now


def check_token_for(
    token: str, params: PresetParams, preset: Preset, now: int | None = None
) -> list[Issue]:
    """Warnings when a pasted token does not fit the request, each with its fix."""
    try:
        tok = v007.parse(token.strip())
    except TokenFormatError:
        return [Issue("warning", "token", _why_not_007(token) or _(NOT_007))]
    issues = [
        Issue(
            "warning",
            "token",
            _("{detail} ({fix})").format(detail=c.detail, fix=c.fix) if c.fix else c.detail,
        )
        for c in _failed(tok, params, preset, params.app_id or None, _now(now))
    ]
    return issues + preset.fit(tok, params)


def token_cause(
    token: str | None,
    params: PresetParams | None,
    preset: Preset,
    app_id: str | None = None,
    now: int | None = None,
    signature: Signature | None = None,
) -> str | None:
    """The most likely reason a token was refused, from the token itself.

    ``signature``: which saved certificate signed it, when that was checked.
    """
    if not token:
        return None
    try:
        tok = v007.parse(token.strip())
    except TokenFormatError:
        return _why_not_007(token) or _(
            "the token is not a 007 (AccessToken2) token, which the REST API needs"
        )
    params = params or PresetParams()
    failed = _failed(tok, params, preset, app_id, _now(now))
    if failed:
        return _sentence(failed[0])
    extra = preset.fit(tok, params)
    if extra:
        return _("the token {detail}").format(detail=extra[0].message)
    return signature.cause() if signature is not None else None


def _sentence(check: Check) -> str:
    """A failed check as the clause "the token …; <fix>" (the caller adds the full stop).

    How the detail joins "the token" is the check's own :class:`Phrasing`, not its words.
    """
    detail = check.detail
    if check.name is CheckName.PRIVILEGES:
        detail = _("the token's privilege {detail}").format(detail=detail)
    elif check.phrasing is Phrasing.BUILT:
        detail = _("the token was {detail}").format(detail=detail)
    elif check.phrasing is Phrasing.PREDICATE:
        detail = _("the token {detail}").format(detail=detail)
    fix = check.fix.rstrip(".。")
    if not fix:
        return detail
    return _("{problem}; {fix}").format(problem=detail, fix=fix[:1].lower() + fix[1:])
