"""Signaling (RTM) REST calls: authenticated with an RTM token for a user ID."""

from __future__ import annotations

from typing import Final

from agora_desk.core import token007
from agora_desk.core.rest.model import AuthScheme
from agora_desk.core.rest.params import Field, PresetParams
from agora_desk.core.rest.presets.base import Preset
from agora_desk.core.validation import Issue

PREFIX: Final = "/dev/v2/project/{app_id}/rtm"


class SignalingCall(Preset):
    default_auth = AuthScheme.TOKEN
    auths = (AuthScheme.TOKEN, AuthScheme.ACCESS_TOKEN)
    group = "Signaling"

    def fields(self, scheme: AuthScheme, *, generate: bool) -> frozenset[Field]:
        if scheme.uses_token:
            return frozenset({Field.UID})
        return super().fields(scheme, generate=generate)

    def fit(self, token: token007.AccessToken2, params: PresetParams) -> list[Issue]:
        rtm = [s for s in token.services if isinstance(s, token007.RtmService)]
        if not rtm:
            return [Issue("warning", "token", "has no RTM (Signaling) login privilege")]
        if params.uid and all(s.user_id != params.uid for s in rtm):
            return [
                Issue(
                    "warning",
                    "token",
                    f"is for Signaling user {rtm[0].user_id!r}, not {params.uid!r}",
                )
            ]
        return []

    def token_cause(self, token: token007.AccessToken2, params: PresetParams) -> str | None:
        if not any(isinstance(s, token007.RtmService) for s in token.services):
            return "the token has no RTM (Signaling) login privilege; build an RTM token"
        return None


class UserEvents(SignalingCall):
    name = "rtm-user-events"
    title = "Signaling user events"
    path = PREFIX + "/vendor/user_events"
    description = (
        "Signaling (RTM) user login/logout events, authenticated with an RTM token for a user ID."
    )


PRESETS: Final[tuple[Preset, ...]] = (UserEvents(),)
