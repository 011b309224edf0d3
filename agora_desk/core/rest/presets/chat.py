"""Agora Chat: ``Authorization: Bearer <Chat app token>`` on the Chat hosts, org and app names."""

from __future__ import annotations

from typing import Any, Final

from agora_desk.core.formats import v007
from agora_desk.core.i18n import N_, Translated, _
from agora_desk.core.rest.model import AuthScheme
from agora_desk.core.rest.params import Field, PresetParams
from agora_desk.core.rest.presets.base import Preset
from agora_desk.core.rest.tokens import ChatAppPlan, TokenPlan
from agora_desk.core.validation import Issue

CHAT_HOST: Final = "https://a41.chat.agora.io"
# The Chat data-centre hosts the docs name; the Console shows the one of a project.
CHAT_HOSTS: Final = (CHAT_HOST, "https://a61.chat.agora.io", "https://a71.chat.agora.io")


class ChatCall(Preset):
    default_auth = AuthScheme.BEARER
    auths = (AuthScheme.BEARER,)
    group = N_("Chat")
    default_base_url = CHAT_HOST
    status_hints = Translated(
        {
            401: N_(
                "Chat did not accept the Bearer token: it must be a Chat app token from this "
                "project's App ID and certificate, Chat must be enabled, and the host must be "
                "the project's Chat host (Console → Chat → Data Center)"
            ),
            404: N_("no such org/app or user — check the org name, app name and the Chat host"),
        }
    )

    def editor_body(self, params: PresetParams) -> str | None:
        return ""

    def fields(self, scheme: AuthScheme, *, generate: bool) -> frozenset[Field]:
        return super().fields(scheme, generate=generate) - {Field.UID}

    def token_plan(
        self, params: PresetParams, scheme: AuthScheme, expire: int = 3600
    ) -> TokenPlan | None:
        return ChatAppPlan(expire) if scheme.uses_token else None

    def fit(self, token: v007.AccessToken2, params: PresetParams) -> list[Issue]:
        chat = [s for s in token.services if isinstance(s, v007.ChatService)]
        if not any(v007.ChatService.APP in s.privileges for s in chat):
            return [
                Issue(
                    "warning",
                    "token",
                    _(
                        "is not a Chat app token (Chat service with the app privilege); Chat's "
                        "REST API answers 401"
                    ),
                )
            ]
        return []


class UserRegister(ChatCall):
    name = "chat-user-register"
    title = N_("Chat: register a user")
    method = "POST"
    path = "/{org}/{app_name}/users"
    description = N_("Creates a Chat user. Put the password in the body; it is never saved.")
    required = Translated({Field.USER_ID: N_("the user name to register")})

    def template(self, params: PresetParams, token: str) -> dict[str, Any] | None:
        return {"username": params.user_id}


class UserGet(ChatCall):
    name = "chat-user-get"
    title = N_("Chat: get a user")
    path = "/{org}/{app_name}/users/{user_id}"
    description = N_("One Chat user's details.")


PRESETS: Final[tuple[Preset, ...]] = (UserRegister(), UserGet())
