"""Channel management (RTC): kicking rules, the channel list, users in a channel. Basic auth."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Final

from agora_desk.core.rest.model import AuthScheme
from agora_desk.core.rest.params import Field, PresetParams
from agora_desk.core.rest.presets.base import Preset

KICKING: Final = "/dev/v1/kicking-rule"
KICK_SECONDS: Final = 60  # how long a kicking rule bans, unless the body says otherwise


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
    labels = MappingProxyType({Field.UID: "&User uid:"})
    required = MappingProxyType({Field.CHANNEL: "the channel (cname) the rule bans from"})

    def fields(self, scheme: AuthScheme, *, generate: bool) -> frozenset[Field]:
        return super().fields(scheme, generate=generate) | {Field.UID}

    def template(self, params: PresetParams, token: str) -> dict[str, Any] | None:
        body: dict[str, Any] = {"appid": params.app_id, "cname": params.channel}
        if params.uid:
            body["uid"] = int(params.uid) if params.uid.isdigit() else params.uid
        body |= {"time": KICK_SECONDS, "privileges": ["join_channel"]}
        return body


class KickingRuleList(ChannelCall):
    name = "kicking-rule-list"
    title = "Channel management: list kicking rules"
    path = KICKING + "?appid={app_id}"
    description = "The kicking rules of the project."


class KickingRuleUpdate(ChannelCall):
    name = "kicking-rule-update"
    title = "Channel management: update a kicking rule"
    method = "PUT"
    path = KICKING
    description = "Changes how long a kicking rule lasts."
    required = MappingProxyType({Field.RULE_ID: "the id of the rule (from create or list)"})

    def template(self, params: PresetParams, token: str) -> dict[str, Any] | None:
        rule: Any = int(params.rule_id) if params.rule_id.isdigit() else params.rule_id
        return {"appid": params.app_id, "id": rule, "time": KICK_SECONDS}


class KickingRuleDelete(ChannelCall):
    name = "kicking-rule-delete"
    title = "Channel management: delete a kicking rule"
    method = "DELETE"
    path = KICKING
    description = "Removes a kicking rule."
    required = MappingProxyType({Field.RULE_ID: "the id of the rule (from create or list)"})

    def template(self, params: PresetParams, token: str) -> dict[str, Any] | None:
        rule: Any = int(params.rule_id) if params.rule_id.isdigit() else params.rule_id
        return {"appid": params.app_id, "id": rule}


class ChannelList(ChannelCall):
    name = "channel-list"
    title = "Channel management: channel list"
    path = "/dev/v1/channel/{app_id}"
    description = "The project's channels with users in them."


class ChannelUsers(ChannelCall):
    name = "channel-users"
    title = "Channel management: users in a channel"
    path = "/dev/v1/channel/user/{app_id}/{channel}"
    description = "Who is in a channel (hosts and audience)."


class UserProperty(ChannelCall):
    name = "channel-user-property"
    title = "Channel management: user property"
    path = "/dev/v1/channel/user/property/{app_id}/{uid}/{channel}"
    description = "Whether a uid is in a channel, and its role."
    labels = MappingProxyType({Field.UID: "&User uid:"})


PRESETS: Final[tuple[Preset, ...]] = (
    KickingRuleCreate(),
    KickingRuleList(),
    KickingRuleUpdate(),
    KickingRuleDelete(),
    ChannelList(),
    ChannelUsers(),
    UserProperty(),
)
