"""Channel management (RTC): kicking rules, the channel list, users in a channel. Basic auth."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Final

from agora_desk.core.rest.model import AuthScheme
from agora_desk.core.rest.params import Field, PresetParams
from agora_desk.core.rest.presets.base import Preset, declare

KICKING: Final = "/dev/v1/kicking-rule"
USER_UID: Final = "&User uid:"  # the form's label of the uid a rule or property is about
KICK_SECONDS: Final = 60  # how long a kicking rule bans, unless the body says otherwise


def _number(value: str) -> int | str:
    """An id the docs give as a number is sent as one; anything else as typed."""
    return int(value) if value.isascii() and value.isdigit() else value


class ChannelCall(Preset):
    default_auth = AuthScheme.BASIC
    auths = (AuthScheme.BASIC,)
    group = "Channel management"

    def editor_body(self, params: PresetParams) -> str | None:
        return ""


class KickingRuleCreate(ChannelCall):
    name = "kicking-rule-create"
    title = "Channel management: create a kicking rule"
    method = "POST"
    path = KICKING
    description = "Bans a uid (or everyone) from a channel for a time; the answer has the rule id."
    labels = MappingProxyType({Field.UID: USER_UID})
    required = MappingProxyType({Field.CHANNEL: "the channel (cname) the rule bans from"})

    def fields(self, scheme: AuthScheme, *, generate: bool) -> frozenset[Field]:
        return super().fields(scheme, generate=generate) | {Field.UID}

    def template(self, params: PresetParams, token: str) -> dict[str, Any] | None:
        body: dict[str, Any] = {"appid": params.app_id, "cname": params.channel}
        if params.uid:
            body["uid"] = _number(params.uid)
        body |= {"time": KICK_SECONDS, "privileges": ["join_channel"]}
        return body


class RuleChange(ChannelCall):
    """Update and delete: the body names the rule by its id (and, to update, the new time)."""

    path = KICKING
    required = MappingProxyType({Field.RULE_ID: "the id of the rule (from create or list)"})
    sets_time = False

    def template(self, params: PresetParams, token: str) -> dict[str, Any] | None:
        body: dict[str, Any] = {"appid": params.app_id, "id": _number(params.rule_id)}
        return body | {"time": KICK_SECONDS} if self.sets_time else body


class KickingRuleUpdate(RuleChange):
    name = "kicking-rule-update"
    title = "Channel management: update a kicking rule"
    method = "PUT"
    description = "Changes how long a kicking rule lasts."
    sets_time = True


class KickingRuleDelete(RuleChange):
    name = "kicking-rule-delete"
    title = "Channel management: delete a kicking rule"
    method = "DELETE"
    description = "Removes a kicking rule."


PRESETS: Final[tuple[Preset, ...]] = (
    KickingRuleCreate(),
    declare(
        ChannelCall,
        "kicking-rule-list",
        "Channel management: list kicking rules",
        KICKING + "?appid={app_id}",
        "The kicking rules of the project.",
    ),
    KickingRuleUpdate(),
    KickingRuleDelete(),
    declare(
        ChannelCall,
        "channel-list",
        "Channel management: channel list",
        "/dev/v1/channel/{app_id}",
        "The project's channels with users in them.",
    ),
    declare(
        ChannelCall,
        "channel-users",
        "Channel management: users in a channel",
        "/dev/v1/channel/user/{app_id}/{channel}",
        "Who is in a channel (hosts and audience).",
    ),
    declare(
        ChannelCall,
        "channel-user-property",
        "Channel management: user property",
        "/dev/v1/channel/user/property/{app_id}/{uid}/{channel}",
        "Whether a uid is in a channel, and its role.",
        labels={Field.UID: USER_UID},
    ),
)
