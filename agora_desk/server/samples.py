"""A sample request for every route, as a curl command: what the Token server tab lists.

Built from :data:`agora_desk.server.handlers.ROUTES` (path, method; the summary
from :data:`SUMMARIES`, translated where shown), so a new route shows up with its sample and the tab never
keeps a second list. Path fields get :data:`PATH_VALUES`; a POST route's JSON
body comes from :data:`BODIES` (``tests/server/test_samples.py`` sends every
sample to a running server and checks each answers 200).
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from typing import Any, Final

from agora_desk.core.i18n import N_, _
from agora_desk.server.handlers import ROUTES
from agora_desk.server.middleware import KEY_HEADER

PATH_VALUES: Final[dict[str, str]] = {
    "channel": "demo",
    "role": "publisher",
    "tokentype": "uid",
    "uid": "1234",
    "chatid": "alice",
}
BODIES: Final[dict[str, dict[str, Any]]] = {
    "/fetch_rtm_token": {"uid": "alice"},
    "/fetch_rtc_token": {"channel": "demo", "uid": 1234, "role": "publisher"},
    "/getToken": {"tokenType": "rtc", "channel": "demo", "uid": "1234", "role": "publisher"},
}
# What each route answers, for people (the Token server tab); the answers stay English.
SUMMARIES: Final[dict[str, str]] = {
    "/ping": N_("Is the server up? Answers pong."),
    "/fetch_rtm_token": N_("An RTM token for uid (JSON body), as the official RTM sample server."),
    "/fetch_rtc_token": N_(
        "An RTC token for channel, uid and role (JSON body), as the official RTC sample server."
    ),
    "/rtc/{channel}/{role}/{tokentype}/{uid}": N_(
        "An RTC token from the path (uid or userAccount), as the community token service."
    ),
    "/rtm/{uid}": N_("An RTM token for the user ID in the path."),
    "/rte/{channel}/{role}/{tokentype}/{uid}": N_(
        "An RTC and an RTM token for the same user, in one answer."
    ),
    "/getToken": N_(
        "Any token type (tokenType rtc, rtm, chat, apaas, fpa, convoai, stt); plain-text answer."
    ),
    "/chat/app": N_("A Chat app token (for the Chat REST API)."),
    "/chat/account/{chatid}": N_("A Chat user token for the user ID in the path."),
}
_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Sample:
    method: str
    route: str  # as the server declares it: /rtc/{channel}/{role}/{tokentype}/{uid}
    path: str  # with the sample values in
    summary: str  # what the route answers, in English (SUMMARIES, else the handler's docstring)
    body: dict[str, Any] | None = None

    @property
    def title(self) -> str:
        """The summary in the active language."""
        return _(self.summary)

    def curl(self, base_url: str, access_key: str | None = None) -> str:
        """The request as one curl command line (``access_key``: the server asks for one)."""
        parts = ["curl"]
        if self.method != "GET":
            parts += ["-X", self.method]
        if access_key:
            parts += ["-H", shlex.quote(f"{KEY_HEADER}: {access_key}")]
        if self.body is not None:
            data = json.dumps(self.body, separators=(",", ":"))
            parts += ["-H", shlex.quote("Content-Type: application/json"), "-d", shlex.quote(data)]
        parts.append(shlex.quote(base_url.rstrip("/") + self.path))
        return " ".join(parts)


def samples() -> list[Sample]:
    """One sample per route, in the server's order."""
    found = []
    for method, route, handler in ROUTES:
        path = _FIELD.sub(lambda m: PATH_VALUES[m.group(1)], route)
        summary = SUMMARIES.get(route) or (
            (handler.__doc__ or "").strip().splitlines()[0] if handler.__doc__ else ""
        )
        body = BODIES.get(route) if method == "POST" else None
        found.append(Sample(method, route, path, summary, body))
    return found
