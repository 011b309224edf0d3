"""Flexible Classroom: authenticated with an education (APaaS user) token for a user."""

from __future__ import annotations

from typing import Any, Final

from agora_desk.core.errors import InputError
from agora_desk.core.formats import v007
from agora_desk.core.i18n import N_, Translated, _
from agora_desk.core.rest.model import AuthScheme
from agora_desk.core.rest.params import Field, PresetParams
from agora_desk.core.rest.presets.base import Preset
from agora_desk.core.rest.tokens import TokenPlan, education_plan
from agora_desk.core.validation import Issue

REGIONS: Final = ("cn", "ap", "na", "eu")


class RoomCreate(Preset):
    name = "classroom-room-create"
    title = N_("Flexible Classroom: create a room")
    method = "POST"  # the Classroom REST reference gives POST for creating a room
    path = "/{region}/edu/apps/{app_id}/v2/rooms/{room_uuid}"
    default_auth = AuthScheme.TOKEN
    auths = (AuthScheme.TOKEN,)
    description = N_("Creates a classroom; the education token is built for the user ID.")
    group = N_("Flexible Classroom")
    required = Translated({Field.USER_ID: N_("the user the education token is for")})

    def editor_body(self, params: PresetParams) -> str | None:
        return ""

    def resolve(self, params: PresetParams, body: Any) -> PresetParams:
        params = super().resolve(params, body)
        if params.region not in REGIONS:
            raise InputError(
                "region",
                _("{value} is not one of {choices}").format(
                    value=repr(params.region), choices=", ".join(REGIONS)
                ),
            )
        return params

    def token_plan(
        self, params: PresetParams, scheme: AuthScheme, expire: int = 3600
    ) -> TokenPlan | None:
        return education_plan(params.user_id, expire) if scheme.uses_token else None

    def fit(self, token: v007.AccessToken2, params: PresetParams) -> list[Issue]:
        apaas = [s for s in token.services if isinstance(s, v007.ApaasService)]
        if not apaas:
            return [Issue("warning", "token", _("is not an education token (no APaaS service)"))]
        if params.user_id and all(s.user_uuid != params.user_id for s in apaas):
            return [
                Issue(
                    "warning",
                    "token",
                    _("is for user {user}, not {wanted}").format(
                        user=repr(apaas[0].user_uuid), wanted=repr(params.user_id)
                    ),
                )
            ]
        return []


PRESETS: Final[tuple[Preset, ...]] = (RoomCreate(),)
