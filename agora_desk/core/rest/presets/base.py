"""What a preset is: an object that owns its request's shape and its rules.

A preset knows its method and path template, which auth schemes the docs
give for it, which form fields apply, the body it fills in, the token it
needs built and what makes a given token unfit. Nothing outside a preset
compares preset names: the form, the command line and the explanations ask
the preset.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, TypeVar

from agora_desk.core import checks
from agora_desk.core.errors import InputError
from agora_desk.core.formats import v007
from agora_desk.core.i18n import N_, Translated, _
from agora_desk.core.rest.jsonbody import merge, pretty
from agora_desk.core.rest.model import AuthScheme
from agora_desk.core.rest.params import Field, PresetParams
from agora_desk.core.rest.tokens import TokenPlan, channel_plan, rtm_plan
from agora_desk.core.rest.urls import fill_path, placeholders
from agora_desk.core.validation import Issue

# Fields of the "token for a channel" a generated token may be built for.
CHANNEL_TOKEN_FIELDS = frozenset(
    {Field.CHANNEL, Field.AGENT_UID, Field.ENABLE_RTM, Field.STRING_UID}
)
# What a path placeholder needs, in words, when it is missing.
_PLACEHOLDER_HINTS = Translated(
    {
        Field.AGENT_ID: N_("the agent_id that join returned"),
        Field.RESOURCE_ID: N_("the resourceId that acquire returned"),
        Field.SID: N_("the sid that start returned"),
    }
)
# A preset's words for people: kept as the English (marked) text, read translated.
_TEXTS = ("title", "description", "group")
_FIELD_NAMES = frozenset(f.value for f in Field)


@dataclass(frozen=True)
class Filled:
    """A preset filled in: method, path, body. Credentials are added by the caller."""

    preset: str
    method: str
    path: str
    body: Any
    params: PresetParams


class _Text:
    """A preset's title, description or group: set in English (``N_``), read in the active
    language, so the form, the command line and the explanations need no ``_()`` of their own."""

    def __init__(self, name: str, message: str) -> None:
        self.key = "_text_" + name
        self.message = message

    def __get__(self, obj: object, owner: type | None = None) -> str:
        message = obj.__dict__.get(self.key, self.message) if obj is not None else self.message
        return _(message) if message else ""

    def __set__(self, obj: object, message: str) -> None:
        obj.__dict__[self.key] = message


class Preset:
    """A documented REST call. Subclasses refine the hooks below; the defaults are a plain call.

    Give ``title``, ``description`` and ``group`` as ``N_("...")``: they are read translated.
    """

    name: str = ""
    title: str = ""
    method: str = "GET"
    path: str = "/"
    default_auth: AuthScheme = AuthScheme.NONE
    auths: tuple[AuthScheme, ...] = ()
    description: str = ""
    group: str = ""  # title of the form's box for this preset's fields
    default_base_url: str | None = None  # a host of its own (Chat); None: the environment's
    # Form labels that differ from the field's usual one ("Recorder uid" for UID).
    labels: Mapping[Field, str] = MappingProxyType({})
    # What a status means for this call, where it says more than the generic words.
    status_hints: Mapping[int, str] = MappingProxyType({})
    # Fields the preset needs besides the path's placeholders, with what each is.
    required: Mapping[Field, str] = MappingProxyType({})

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in _TEXTS:
            value = cls.__dict__.get(name)
            if isinstance(value, str):
                setattr(cls, name, _Text(name, value))

    # -- auth ----------------------------------------------------------------------

    def default_scheme(self, *, token_given: bool) -> AuthScheme:
        """The scheme when the user chose none (``token_given``: a token was pasted)."""
        return self.default_auth

    def carries_token(self, scheme: AuthScheme, params: PresetParams) -> bool:
        """True when a token goes out with the request (in a header or in the body)."""
        return scheme.uses_token

    # -- form ----------------------------------------------------------------------

    def fields(self, scheme: AuthScheme, *, generate: bool) -> frozenset[Field]:
        """The form fields that apply (``generate``: the token is built from the profile)."""
        own = {Field(n) for n in placeholders(self.path) if n in _FIELD_NAMES} | set(self.required)
        if scheme is AuthScheme.ACCESS_TOKEN:
            own.add(Field.UID)
        return frozenset(own)

    def token_user(self, params: PresetParams) -> str:
        """The user a Signaling token is built for and ``x-agora-uid`` names."""
        return params.uid

    def editor_body(self, params: PresetParams) -> str | None:
        """The body editor's text when the preset is chosen; None leaves the editor alone."""
        return "" if self.method == "GET" else None

    def sync_body(self, body: Any, params: PresetParams) -> Any:
        """The editor's body with the fields the form owns written in."""
        return body

    # -- request -------------------------------------------------------------------

    def resolve(self, params: PresetParams, body: Any) -> PresetParams:
        """``params`` completed from the user's body; errors name the field to fix."""
        for name in placeholders(self.path):
            f = Field(name) if name in _FIELD_NAMES else None
            if f is not None and not params.value(f):
                hint = _PLACEHOLDER_HINTS.get(f) or _("it is part of the path")
                raise InputError(f.label, _("is needed: {hint}").format(hint=hint))
        for f, what in self.required.items():
            if not params.value(f):
                raise InputError(f.label, _("is needed: {hint}").format(hint=what))
        return params

    def token_plan(
        self, params: PresetParams, scheme: AuthScheme, expire: int = 3600
    ) -> TokenPlan | None:
        """The token to generate from the profile; None when none is needed."""
        if not scheme.uses_token:
            return None
        if params.channel:
            return channel_plan(params, expire)
        return rtm_plan(self.token_user(params), expire)

    def template(self, params: PresetParams, token: str) -> dict[str, Any] | None:
        """The body the preset fills in from its fields; None: the user's body alone."""
        return None

    def body(self, params: PresetParams, token: str, user_body: Any) -> Any:
        template = self.template(params, token)
        if template is None:
            return user_body
        return merge(template, user_body) if user_body is not None else template

    def fill(
        self,
        params: PresetParams,
        token: str = "",
        user_body: Any = None,
        *,
        template: str | None = None,
        method: str | None = None,
    ) -> Filled:
        """Method, path and body; ``user_body`` is merged over the preset's body.

        ``template`` and ``method`` are the user's for a custom request.
        """
        path = self.path if template is None else template
        if "{app_id}" in path and not params.app_id:
            problem = (
                _("is needed for the {preset} path; choose a profile").format(preset=self.name)
                if self.name
                else _("is needed for the path; choose a profile")
            )
            raise InputError("App ID", problem)
        values = {name: str(getattr(params, name, "")) for name in placeholders(path)}
        filled = fill_path(path, **values) if values else path
        body = self.body(params, token, user_body)
        return Filled(self.name, method or self.method, filled, body, params)

    def history_body(self, body: Any) -> Any:
        """The body as history keeps it (already redacted)."""
        return body

    # -- the token given -----------------------------------------------------------

    def expectations(self, params: PresetParams) -> checks.Expectations | None:
        """What a token for this call must be (channel, user, services); None: nothing asked."""
        return None

    def fit(self, token: v007.AccessToken2, params: PresetParams) -> list[Issue]:
        """What only this product checks in a token, beyond :meth:`expectations`."""
        return []


class CustomRequest(Preset):
    """Any method and path: a token, if asked for, is built for a channel or a Signaling user."""

    name = ""
    title = N_("Custom request")
    description = N_("Any method and path under the base URL.")
    group = N_("Token for a channel")

    def fields(self, scheme: AuthScheme, *, generate: bool) -> frozenset[Field]:
        found = set(super().fields(scheme, generate=generate))
        if scheme.uses_token:
            found.add(Field.UID)
            if generate:
                found |= CHANNEL_TOKEN_FIELDS
        return frozenset(found)

    def editor_body(self, params: PresetParams) -> str | None:
        return None


for _name in _TEXTS:  # the base's empty texts too, so declare() sets them through _Text
    setattr(Preset, _name, _Text(_name, ""))

CUSTOM = CustomRequest()


P = TypeVar("P", bound=Preset)


def declare(
    kind: type[P],
    name: str,
    title: str,
    path: str,
    description: str,
    *,
    method: str = "GET",
    labels: Mapping[Field, str] | None = None,
) -> P:
    """A preset of ``kind`` that differs from its siblings only in the call it makes.

    Presets with behaviour of their own are classes; the many that share
    their product's behaviour are declared in one line each with this.
    """
    preset = kind()
    preset.name, preset.title, preset.path, preset.description = name, title, path, description
    preset.method = method
    if labels is not None:
        preset.labels = Translated(labels)
    return preset


def body_text(body: Any) -> str:
    return "" if body is None else pretty(body)
