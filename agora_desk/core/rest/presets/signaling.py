"""Signaling (RTM) REST calls: authenticated with an RTM token for a user ID."""

from __future__ import annotations

from typing import Final

from agora_desk.core import checks
from agora_desk.core.i18n import N_
from agora_desk.core.rest.model import AuthScheme
from agora_desk.core.rest.params import Field, PresetParams
from agora_desk.core.rest.presets.base import Preset
from agora_desk.core.rest.tokens import TokenPlan, rtm_plan

PREFIX: Final = "/dev/v2/project/{app_id}/rtm"


class SignalingCall(Preset):
    default_auth = AuthScheme.TOKEN
    auths = (AuthScheme.TOKEN, AuthScheme.ACCESS_TOKEN, AuthScheme.BASIC)
    group = N_("Signaling")

    def fields(self, scheme: AuthScheme, *, generate: bool) -> frozenset[Field]:
        if scheme.uses_token:
            return super().fields(scheme, generate=generate) | {Field.UID}
        return super().fields(scheme, generate=generate)

    def token_plan(
        self, params: PresetParams, scheme: AuthScheme, expire: int = 3600
    ) -> TokenPlan | None:
        """Always an RTM token for the call's user: a channel left in the form is not used."""
        return rtm_plan(self.token_user(params), expire) if scheme.uses_token else None

    def expectations(self, params: PresetParams) -> checks.Expectations | None:
        """An RTM token, for the user the call names (the path's user for messages)."""
        return checks.Expectations(
            rtm_user=self.token_user(params) or None, services=frozenset({checks.RTM})
        )


class UserEvents(SignalingCall):
    name = "rtm-user-events"
    title = N_("Signaling user events")
    path = PREFIX + "/vendor/user_events"
    description = N_(
        "Signaling (RTM) user login/logout events, authenticated with an RTM token for a user ID."
    )


class ChannelEvents(SignalingCall):
    name = "rtm-channel-events"
    title = N_("Signaling channel events")
    path = PREFIX + "/vendor/channel_events"
    description = N_("Signaling (RTM) channel join/leave events, with an RTM token for a user ID.")


class UserMessage(SignalingCall):
    """Sent as the user in the path: the token must be that user's."""

    method = "POST"

    def fields(self, scheme: AuthScheme, *, generate: bool) -> frozenset[Field]:
        return super().fields(scheme, generate=generate) - {Field.UID}

    def token_user(self, params: PresetParams) -> str:
        return params.user_id

    def editor_body(self, params: PresetParams) -> str | None:
        return ""


class PeerMessage(UserMessage):
    name = "rtm-peer-message"
    title = N_("Signaling: send a peer message")
    path = PREFIX + "/users/{user_id}/peer_messages"
    description = N_(
        'Sends a message from the user in the path to another user ({"destination", '
        '"payload"}); the RTM token is built for the path\'s user.'
    )


class ChannelMessage(UserMessage):
    name = "rtm-channel-message"
    title = N_("Signaling: send a channel message")
    path = PREFIX + "/users/{user_id}/channel_messages"
    description = N_(
        'Sends a channel message as the user in the path ({"channel_name", "payload"}); '
        "the RTM token is built for the path's user."
    )


PRESETS: Final[tuple[Preset, ...]] = (
    UserEvents(),
    ChannelEvents(),
    PeerMessage(),
    ChannelMessage(),
)
