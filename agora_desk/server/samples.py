"""A sample request for every route, as a curl command: what the Token server tab lists.

Built from :data:`agora_desk.server.handlers.ROUTES` (path, method and the
handler's docstring), so a new route shows up with its sample and the tab never
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
_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Sample:
    method: str
    route: str  # as the server declares it: /rtc/{channel}/{role}/{tokentype}/{uid}
    path: str  # with the sample values in
    summary: str  # what the route answers (its handler's docstring)
    body: dict[str, Any] | None = None

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
        summary = (handler.__doc__ or "").strip().splitlines()[0] if handler.__doc__ else ""
        body = BODIES.get(route) if method == "POST" else None
        found.append(Sample(method, route, path, summary, body))
    return found
