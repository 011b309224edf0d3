"""Channel management (RTC): kicking rules, the channel list, users in a channel. Basic auth."""

from __future__ import annotations

from typing import Any, Final

from agora_desk.core.i18n import N_, Translated
from agora_desk.core.rest.model import AuthScheme
from agora_desk.core.rest.params import Field, PresetParams
from agora_desk.core.rest.presets.base import Preset, declare
from agora_desk.core.validation import plain_number

KICKING: Final = "/dev/v1/kicking-rule"
USER_UID: Final = N_("&User uid:")  # the form's label of the uid a rule or property is about
KICK_SECONDS: Final = 60  # how long a kicking rule bans, unless the body says otherwise


def _number(value: str) -> int | str:
    """An id the docs give as a number is sent as one; anything else as typed."""
    number = plain_number(value)
    return value if number is None else number


class ChannelCall(Preset):
    default_auth = AuthScheme.BASIC
    auths = (AuthScheme.BASIC,)
    group = N_("Channel management")

    def editor_body(self, params: PresetParams) -> str | None:
        return ""


class KickingRuleCreate(ChannelCall):
    name = "kicking-rule-create"
    title = N_("Channel management: create a kicking rule")
    method = "POST"
    path = KICKING
    description = N_(
        "Bans a uid (or everyone) from a channel for a time; the answer has the rule id."
    )
    labels = Translated({Field.UID: USER_UID})
    required = Translated({Field.CHANNEL: N_("the channel (cname) the rule bans from")})

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
    required = Translated({Field.RULE_ID: N_("the id of the rule (from create or list)")})
    sets_time = False

    def template(self, params: PresetParams, token: str) -> dict[str, Any] | None:
        body: dict[str, Any] = {"appid": params.app_id, "id": _number(params.rule_id)}
        return body | {"time": KICK_SECONDS} if self.sets_time else body


class KickingRuleUpdate(RuleChange):
    name = "kicking-rule-update"
    title = N_("Channel management: update a kicking rule")
    method = "PUT"
    description = N_("Changes how long a kicking rule lasts.")
    sets_time = True


class KickingRuleDelete(RuleChange):
    name = "kicking-rule-delete"
    title = N_("Channel management: delete a kicking rule")
    method = "DELETE"
    description = N_("Removes a kicking rule.")


PRESETS: Final[tuple[Preset, ...]] = (
    KickingRuleCreate(),
    declare(
        ChannelCall,
        "kicking-rule-list",
        N_("Channel management: list kicking rules"),
        KICKING + "?appid={app_id}",
        N_("The kicking rules of the project."),
    ),
    KickingRuleUpdate(),
    KickingRuleDelete(),
    declare(
        ChannelCall,
        "channel-list",
        N_("Channel management: channel list"),
        "/dev/v1/channel/{app_id}",
        N_("The project's channels with users in them."),
    ),
    declare(
        ChannelCall,
        "channel-users",
        N_("Channel management: users in a channel"),
        "/dev/v1/channel/user/{app_id}/{channel}",
        N_("Who is in a channel (hosts and audience)."),
    ),
    declare(
        ChannelCall,
        "channel-user-property",
        N_("Channel management: user property"),
        "/dev/v1/channel/user/property/{app_id}/{uid}/{channel}",
        N_("Whether a uid is in a channel, and its role."),
        labels={Field.UID: USER_UID},
    ),
)
