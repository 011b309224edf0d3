"""From a form (or a command line) to a request: the token built, the preset filled in."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Final

from agora_desk.core.builders import Credentials, Stamp
from agora_desk.core.errors import InputError
from agora_desk.core.rest.fit import check_token_for
from agora_desk.core.rest.model import Auth, AuthScheme, RestRequest
from agora_desk.core.rest.params import PresetParams
from agora_desk.core.rest.presets import CUSTOM, Preset
from agora_desk.core.rest.request import check_method
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
class RequestSpec:
    """What the user asked for, before credentials. Holds no secret but a pasted token."""

    base_url: str
    scheme: AuthScheme
    preset: Preset = CUSTOM
    method: str = "GET"  # ignored for a preset
    path: str = "/"  # ignored for a preset; {app_id} is filled in
    params: PresetParams = field(default_factory=PresetParams)
    headers: tuple[tuple[str, str], ...] = ()
    body: Any = None  # the user's JSON (merged over a preset's body)
    pasted_token: Secret | None = None
    expire: int = 3600

    @property
    def custom(self) -> bool:
        return self.preset is CUSTOM

    @property
    def preset_name(self) -> str | None:
        return None if self.custom else self.preset.name

    @property
    def path_template(self) -> str:
        return self.path if self.custom else self.preset.path

    @property
    def real_method(self) -> str:
        return check_method(self.method) if self.custom else self.preset.method


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


def resolve_params(spec: RequestSpec) -> PresetParams:
    """The preset's params with the body's values filled in; errors for conflicts."""
    return spec.preset.resolve(spec.params, spec.body)


def plan_token(spec: RequestSpec) -> TokenPlan | None:
    """The token to build from the profile (None: none needed, or one was pasted)."""
    if spec.pasted_token or not spec.preset.carries_token(spec.scheme):
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
) -> Assembled:
    """Build the token (if any), fill the preset and put the request together.

    With ``standins`` the secrets are replaced by placeholders that
    :func:`~agora_desk.core.rest.curl.curl_command` writes as ``$AGORA_…`` variables.
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
    return Assembled(request, params, source, plan, tuple(warnings), curl_auth, token)
