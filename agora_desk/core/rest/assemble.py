"""From a form (or a command line) to a request: the token built, the preset filled in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from agora_desk.core.builders import Stamp
from agora_desk.core.credentials import Credentials
from agora_desk.core.diagnostics import Candidate
from agora_desk.core.errors import InputError
from agora_desk.core.i18n import _
from agora_desk.core.rest.doctor import examine
from agora_desk.core.rest.model import Auth, AuthScheme, RestRequest
from agora_desk.core.rest.params import PresetParams
from agora_desk.core.rest.signature import Signature
from agora_desk.core.rest.signature import check as check_signature
from agora_desk.core.rest.spec import RequestSpec, resolve_params
from agora_desk.core.rest.tokens import TokenPlan, token_user
from agora_desk.core.secret import Secret
from agora_desk.core.validation import Issue

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
class Assembled:
    request: RestRequest
    params: PresetParams  # with app_id, and what the body said
    token_source: str  # "profile", "pasted" or "" (no token)
    token_plan: TokenPlan | None
    warnings: tuple[Issue, ...] = ()
    # For "copy as curl": also covers a token that is only in the body (Basic join).
    curl_auth: Auth = field(default_factory=Auth)
    token: str = ""  # the token sent (header or body), for explanations; never shown
    signature: Signature | None = None  # who signed a pasted header token, when checked


def plan_token(spec: RequestSpec) -> TokenPlan | None:
    """The token to build from the profile (None: none needed, or one was pasted)."""
    if spec.pasted_token or not spec.preset.carries_token(spec.scheme, spec.params):
        return None
    return spec.preset.token_plan(resolve_params(spec), spec.scheme, spec.expire)


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
    signers: Sequence[Candidate] = (),
) -> Assembled:
    """Build the token (if any), fill the preset and put the request together.

    With ``standins`` the secrets are replaced by placeholders that
    :func:`~agora_desk.core.rest.curl.curl_command` writes as ``$AGORA_…`` variables.
    ``signers``: the profile's certificates, to tell which one signed a pasted token.
    """
    params = replace(resolve_params(spec), app_id=app_id)
    # The auth doctor's findings: what the endpoint accepts, and whether a pasted token fits.
    pasted = spec.pasted_token.reveal().strip() if spec.pasted_token else None
    signature = (
        check_signature(pasted, signers, app_id)
        if pasted and spec.scheme.uses_token and not standins
        else None
    )
    warnings: list[Issue] = examine(spec, token=pasted, app_id=app_id, signature=signature)
    plan = plan_token(spec)
    token = ""
    source = ""
    if spec.pasted_token:
        token = spec.pasted_token.reveal().strip()
        if any(ch.isspace() for ch in token):
            raise InputError("token", _("contains whitespace (from a paste?)"))
        source = "pasted"
    elif plan is not None:
        source = "profile"
        if standins:
            token = TOKEN_STANDIN
        else:
            if not app_id:
                raise InputError("App ID", _("is needed to build the token; choose a profile"))
            if not app_certificate:
                raise InputError(
                    "App Certificate",
                    _("is needed to build the token; choose a profile that has one"),
                )
            built = plan.build(Credentials(app_id, app_certificate), stamp)
            warnings += built.warnings
            token = built.token
    uid = spec.preset.token_user(params)
    if spec.scheme is AuthScheme.ACCESS_TOKEN and not uid and token and token != TOKEN_STANDIN:
        uid = token_user(token) or ""
    if spec.scheme is AuthScheme.ACCESS_TOKEN and not uid:
        raise InputError("uid", "is needed for access-token auth (x-agora-uid)")
    if spec.custom:
        filled = spec.preset.fill(
            params, token, spec.body, template=spec.path, method=spec.real_method
        )
    else:
        filled = spec.preset.fill(params, token, spec.body)
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
        filled.method, spec.base_url, filled.path, auth, spec.headers, filled.body, spec.preset_name
    )
    curl_auth = replace(auth, token=Secret(token)) if token and not auth.token else auth
    return Assembled(request, params, source, plan, tuple(warnings), curl_auth, token, signature)
