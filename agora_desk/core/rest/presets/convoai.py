"""Conversational AI v2: the agent's join body and the token it joins with, kept consistent.

Two tokens are involved: the ``Authorization`` token authenticates the REST
call; ``properties.token`` is what the agent joins the channel with. The
preset builds one token for both, for the body's channel and agent uid (RTC,
plus RTM login when ``enable_rtm``; a string account with
``enable_string_uid``). The join body's preset-owned fields are described
once, in :data:`BINDINGS`: the body is filled from them, the form follows
them, and values read back from a user's body go through them.
"""

from __future__ import annotations

import copy
import secrets as _random
from dataclasses import dataclass, replace
from typing import Any, Final, Literal

from agora_desk.core import checks
from agora_desk.core.errors import InputError
from agora_desk.core.i18n import N_, Translated, _
from agora_desk.core.rest.jsonbody import merge, pretty
from agora_desk.core.rest.model import AuthScheme
from agora_desk.core.rest.params import Field, PresetParams
from agora_desk.core.rest.presets.base import CHANNEL_TOKEN_FIELDS, Preset, declare
from agora_desk.core.rest.tokens import (
    TokenPlan,
    agent_uid_text,
    channel_token_issues,
    convoai_plan,
)
from agora_desk.core.validation import plain_number, raise_for_errors

PREFIX: Final = "/api/conversational-ai-agent/v2/projects/{app_id}"
GROUP: Final = N_("Conversational AI")
# The Conversational AI reference's status table, with its suggested actions.
HINTS: Final = Translated(
    {
        403: N_(
            "the project may not use Conversational AI yet (activate the service, or settle "
            "billing, in Agora Console)"
        ),
        404: N_("the agent was not found or has already exited; convoai-list shows running agents"),
        409: N_("an agent with this name is already running; use its agent_id or another name"),
        422: N_("the project's limit of agents was reached; ask Agora support to raise it"),
        503: N_("the agent failed to start; try again with a growing pause"),
        504: N_("the request timed out; try again with a growing pause"),
    }
)


@dataclass(frozen=True)
class Binding:
    """A join-body field the form owns: where it sits and how it is read back."""

    field: Field
    where: tuple[str, ...]
    kind: Literal["text", "list", "flag"]

    @property
    def dotted(self) -> str:
        return ".".join(self.where)

    def to_body(self, params: PresetParams) -> Any:
        if self.field is Field.AGENT_UID:
            return agent_uid_text(params)
        if self.kind == "list":
            return [params.value(self.field) or "*"]
        return getattr(params, self.field.value)


BINDINGS: Final = (
    Binding(Field.NAME, ("name",), "text"),
    Binding(Field.CHANNEL, ("properties", "channel"), "text"),
    Binding(Field.AGENT_UID, ("properties", "agent_rtc_uid"), "text"),
    Binding(Field.REMOTE_UID, ("properties", "remote_rtc_uids"), "list"),
    Binding(Field.STRING_UID, ("properties", "enable_string_uid"), "flag"),
    Binding(Field.ENABLE_RTM, ("properties", "advanced_features", "enable_rtm"), "flag"),
)
# The values the token is built for: the user's body may not replace them.
TOKEN_KEYS: Final = ("token", "channel", "agent_rtc_uid")


def _without_token(body: Any) -> Any:
    props = body.get("properties") if isinstance(body, dict) else None
    if isinstance(props, dict) and "token" in props:
        props["token"] = ""  # rebuilt from the profile on replay
    return body


def default_agent_name(channel: str) -> str:
    return f"agora-desk-{channel or 'agent'}-{_random.token_hex(3)}"


def join_body(params: PresetParams, token: str) -> dict[str, Any]:
    """The fields the preset fills; llm / tts etc. are the user's (merged over it)."""
    return {
        "name": params.name or default_agent_name(params.channel),
        "properties": {
            "channel": params.channel,
            "token": token,
            "agent_rtc_uid": agent_uid_text(params),
            "remote_rtc_uids": [params.remote_uid.strip() or "*"],
            "enable_string_uid": params.string_uid,
            "idle_timeout": params.idle_timeout,
            "advanced_features": {"enable_rtm": params.enable_rtm},
        },
    }


def _get(body: Any, where: tuple[str, ...]) -> Any:
    for key in where:
        if not isinstance(body, dict):
            return None
        body = body.get(key)
    return body


def _set(body: dict[str, Any], where: tuple[str, ...], value: Any) -> bool:
    for key in where[:-1]:
        inner = body.setdefault(key, {})
        if not isinstance(inner, dict):
            return False
        body = inner
    body[where[-1]] = value
    return True


def params_from_body(params: PresetParams, body: Any) -> PresetParams:
    """Take the token-relevant fields from a user's body where the form left them empty.

    A field set in both places with different values is an error: the token
    would be built for one and the agent would join with the other.
    """
    if not isinstance(body, dict):
        return params
    updates: dict[str, Any] = {}
    for b in BINDINGS:
        theirs = _get(body, b.where)
        mine = getattr(params, b.field.value)
        if b.kind == "text":
            if theirs is None or theirs == "":
                continue  # an empty field in an edited body means "not set"
            text = str(theirs)
            if not mine:
                updates[b.field.value] = text
            elif mine != text:
                raise InputError(
                    "body",
                    _(
                        "{key} is {theirs} but the preset's {field} is {mine}; the token is "
                        "built for one value, so give it once"
                    ).format(key=b.dotted, theirs=repr(text), field=b.field.label, mine=repr(mine)),
                )
        elif b.kind == "list":
            if isinstance(theirs, list) and theirs and not mine:
                updates[b.field.value] = str(theirs[0])
        elif isinstance(theirs, bool) and theirs != mine:
            if mine:
                raise InputError(
                    "body",
                    _("{key} is false but the preset turns it on; give it once").format(
                        key=b.dotted
                    ),
                )
            updates[b.field.value] = theirs
    return replace(params, **updates) if updates else params


def sync_body(body: Any, params: PresetParams) -> Any:
    """The editor's join body with the form's fields written in (the token's inputs)."""
    if not isinstance(body, dict):
        return body
    out = copy.deepcopy(body)
    for b in BINDINGS:
        if b.field is Field.NAME and not params.name:
            continue  # an empty name is generated when sending
        _set(out, b.where, b.to_body(params))
    return out


class ConvoAiCall(Preset):
    """A call on a running agent: Basic by default, a token (the agent's) when given one."""

    default_auth = AuthScheme.BASIC
    auths = (AuthScheme.BASIC, AuthScheme.TOKEN)
    group = GROUP
    status_hints = HINTS

    def default_scheme(self, *, token_given: bool) -> AuthScheme:
        return AuthScheme.TOKEN if token_given else self.default_auth

    def fields(self, scheme: AuthScheme, *, generate: bool) -> frozenset[Field]:
        found = set(super().fields(scheme, generate=generate)) | {Field.AGENT_ID}
        if scheme.uses_token and generate:
            found |= CHANNEL_TOKEN_FIELDS
        return frozenset(found)

    def editor_body(self, params: PresetParams) -> str | None:
        return ""

    def token_plan(
        self, params: PresetParams, scheme: AuthScheme, expire: int = 3600
    ) -> TokenPlan | None:
        if scheme is AuthScheme.TOKEN:
            if not params.channel:
                raise InputError(
                    "token",
                    _(
                        "token auth for {call} needs the token the agent was started with: "
                        "paste it, or give the channel and agent uid to build a matching one"
                    ).format(call=self.name.removeprefix("convoai-")),
                )
            return convoai_plan(params, expire)
        return super().token_plan(params, scheme, expire)


class ConvoAiJoin(Preset):
    name = "convoai-join"
    title = N_("Conversational AI: start an agent (join)")
    method = "POST"
    path = PREFIX + "/join"
    default_auth = AuthScheme.TOKEN
    auths = (AuthScheme.TOKEN, AuthScheme.BASIC)
    description = N_(
        "Starts an agent in a channel. The agent joins with properties.token (RTC + RTM + "
        "ConvoAI, as ConvoAITokenBuilder); the same token authenticates the call unless "
        "Basic auth is chosen."
    )
    group = GROUP
    status_hints = HINTS

    def carries_token(self, scheme: AuthScheme, params: PresetParams) -> bool:
        return True  # properties.token, whatever authenticates the call

    def fields(self, scheme: AuthScheme, *, generate: bool) -> frozenset[Field]:
        # x-agora-uid is the agent's uid here, never a separate Signaling user.
        return CHANNEL_TOKEN_FIELDS | {Field.REMOTE_UID, Field.NAME}

    def editor_body(self, params: PresetParams) -> str | None:
        body = join_body(params, "")
        body["properties"]["llm"] = {}
        body["properties"]["tts"] = {}
        return pretty(body)

    def sync_body(self, body: Any, params: PresetParams) -> Any:
        return sync_body(body, params)

    def resolve(self, params: PresetParams, body: Any) -> PresetParams:
        params = params_from_body(params, body)
        raise_for_errors(channel_token_issues(params))
        return params

    def token_plan(
        self, params: PresetParams, scheme: AuthScheme, expire: int = 3600
    ) -> TokenPlan | None:
        return convoai_plan(params, expire)

    def body(self, params: PresetParams, token: str, user_body: Any) -> Any:
        raise_for_errors(channel_token_issues(params))
        preset_body = join_body(params, token)
        body = merge(preset_body, user_body or {})
        props = body.get("properties")
        if not isinstance(props, dict):
            props = body["properties"] = dict(preset_body["properties"])
        # The token was built for these values (resolve reconciled them with the
        # user's body), and the user's body may not replace it.
        for key in TOKEN_KEYS:
            props[key] = preset_body["properties"][key]
        if not body.get("name"):
            body["name"] = preset_body["name"]
        return body

    def history_body(self, body: Any) -> Any:
        return _without_token(body)

    def expectations(self, params: PresetParams) -> checks.Expectations | None:
        """An RTC token for the channel and the agent (its RTM login too with enable_rtm)."""
        uid = agent_uid_text(params)
        services = {checks.RTC} | ({checks.RTM} if params.enable_rtm else set())
        return checks.Expectations(
            channel=params.channel or None,
            uid=None if params.string_uid else plain_number(uid),
            account=uid if params.string_uid else None,
            rtm_user=uid if params.enable_rtm else None,
            services=frozenset(services),
        )


class ConvoAiLeave(ConvoAiCall):
    name = "convoai-leave"
    title = N_("Conversational AI: stop an agent (leave)")
    method = "POST"
    path = PREFIX + "/agents/{agent_id}/leave"
    description = N_("Stops the agent with the given agent_id (returned by join).")


class ConvoAiUpdate(ConvoAiCall):
    """Given the channel (and agent uid), a fresh agent token goes in ``properties.token``."""

    name = "convoai-update"
    title = N_("Conversational AI: update an agent")
    method = "POST"
    path = PREFIX + "/agents/{agent_id}/update"
    description = N_(
        "Changes a running agent's settings (llm params …). With the channel and agent uid, "
        "a fresh agent token goes in properties.token."
    )

    def carries_token(self, scheme: AuthScheme, params: PresetParams) -> bool:
        return scheme.uses_token or bool(params.channel)

    def fields(self, scheme: AuthScheme, *, generate: bool) -> frozenset[Field]:
        return super().fields(scheme, generate=generate) | CHANNEL_TOKEN_FIELDS

    def token_plan(
        self, params: PresetParams, scheme: AuthScheme, expire: int = 3600
    ) -> TokenPlan | None:
        if params.channel:
            return convoai_plan(params, expire)
        return super().token_plan(params, scheme, expire)

    def template(self, params: PresetParams, token: str) -> dict[str, Any] | None:
        return {"properties": {"token": token}} if params.channel and token else None

    def history_body(self, body: Any) -> Any:
        return _without_token(body)


PRESETS: Final[tuple[Preset, ...]] = (
    ConvoAiJoin(),
    ConvoAiLeave(),
    ConvoAiUpdate(),
    declare(
        ConvoAiCall,
        "convoai-query",
        N_("Conversational AI: query an agent"),
        PREFIX + "/agents/{agent_id}",
        N_("The state of one agent."),
    ),
    declare(
        ConvoAiCall,
        "convoai-list",
        N_("Conversational AI: list agents"),
        PREFIX + "/agents",
        N_("The project's agents (filter with ?channel=, ?state=, ?limit= in the path)."),
    ),
    declare(
        ConvoAiCall,
        "convoai-speak",
        N_("Conversational AI: make an agent speak"),
        PREFIX + "/agents/{agent_id}/speak",
        N_('Has the agent say a text ({"text": "…"}).'),
        method="POST",
    ),
    declare(
        ConvoAiCall,
        "convoai-interrupt",
        N_("Conversational AI: interrupt an agent"),
        PREFIX + "/agents/{agent_id}/interrupt",
        N_("Stops what the agent is saying."),
        method="POST",
    ),
    declare(
        ConvoAiCall,
        "convoai-history",
        N_("Conversational AI: conversation history"),
        PREFIX + "/agents/{agent_id}/history",
        N_("The agent's short-term memory of the conversation."),
    ),
)
