"""The auth doctor: before sending, what the endpoint accepts and whether what is given fits.

Each finding is a warning with its fix, named after the field to change, so
the form shows it beside that field and the command line on stderr. The
checks come from the mistakes users make most: the raw Customer ID where
``Base64(id:secret)`` belongs, a scheme the endpoint does not take, a token
for another user, channel or App ID, or without the privilege the call needs,
or signed with the project's secondary certificate (which REST does not take).
"""

from __future__ import annotations

from dataclasses import replace

from agora_desk.core.basic import parse_header
from agora_desk.core.errors import InputError
from agora_desk.core.i18n import N_, _
from agora_desk.core.rest.fit import check_token_for
from agora_desk.core.rest.model import AuthScheme
from agora_desk.core.rest.signature import Signature
from agora_desk.core.rest.spec import RequestSpec, resolve_params
from agora_desk.core.validation import Issue

_BUILD = N_(
    "let the tool build it from the profile (“Generate from the profile”, or leave out --token)"
)


def scheme_issues(spec: RequestSpec) -> list[Issue]:
    """Does the endpoint take this scheme? (A custom request may use any.)"""
    preset = spec.preset
    if spec.custom or not preset.auths or spec.scheme in preset.auths:
        return []
    accepted = _(" or ").join(s.value for s in preset.auths)
    if spec.scheme is AuthScheme.NONE:
        return [
            Issue(
                "warning",
                "auth",
                _(
                    "is none, but the {preset} API needs {accepted} auth; Agora will answer "
                    "401 — choose {choice}"
                ).format(preset=preset.name, accepted=accepted, choice=preset.auths[0].value),
            )
        ]
    return [
        Issue(
            "warning",
            "auth",
            _(
                "the {preset} API is documented with {accepted} auth, not {scheme} — choose "
                "{choice}"
            ).format(
                preset=preset.name,
                accepted=accepted,
                scheme=spec.scheme.value,
                choice=preset.default_auth.value,
            ),
        )
    ]


def header_issues(spec: RequestSpec) -> list[Issue]:
    """A Basic credential typed into the headers by hand: is it Base64(id:secret)?"""
    issues: list[Issue] = []
    for name, value in spec.headers:
        if name.lower() != "authorization" or not value.lower().startswith("basic"):
            continue
        try:
            parse_header(value)
        except InputError as exc:
            issues.append(
                Issue(
                    "warning",
                    f"header {name}",
                    _(
                        "{problem}: Basic auth is 'Basic ' + Base64(Customer ID:Customer "
                        "Secret), not the raw Customer ID — choose auth basic and the tool "
                        "builds it"
                    ).format(problem=exc.problem),
                )
            )
    return issues


def token_issues(spec: RequestSpec, token: str, app_id: str) -> list[Issue]:
    """A given token checked against the call: with the fix beside each misfit."""
    params = replace(resolve_params(spec), app_id=app_id)
    return [
        Issue(i.level, i.field, _("{problem} — {fix}").format(problem=i.message, fix=_(_BUILD)))
        for i in check_token_for(token, params, spec.preset)
    ]


def signature_issues(signature: Signature | None) -> list[Issue]:
    """A pasted token the saved certificates say will not authenticate (the secondary's)."""
    problem = signature.problem if signature is not None else None
    if problem is None:
        return []
    what, fix = problem
    return [
        Issue(
            "warning",
            "token",
            _("{problem} — {fix}: {build}").format(problem=what, fix=fix, build=_(_BUILD)),
        )
    ]


def examine(
    spec: RequestSpec,
    *,
    token: str | None = None,
    app_id: str = "",
    signature: Signature | None = None,
) -> list[Issue]:
    """Every finding for ``spec`` before it is sent.

    ``token``: one that was pasted; ``signature``: which saved certificate
    signed it (see :func:`agora_desk.core.rest.signature.check`), when known.
    """
    issues = scheme_issues(spec) + header_issues(spec)
    if token:
        issues += token_issues(spec, token, app_id)
        if spec.scheme.uses_token:  # a token only in the body joins a channel: any certificate
            issues += signature_issues(signature)
    return issues
