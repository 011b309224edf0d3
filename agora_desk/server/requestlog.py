"""The request log: one record per request, never a token or a secret in full."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Final, NamedTuple

from aiohttp import web

from agora_desk.core.redact import abbreviate_secrets
from agora_desk.core.validation import Issue

log = logging.getLogger(__name__)

LOG_FIELD_MAX: Final = 48


# abbreviate_secrets changes no text shorter than this: its shortest match is a
# token's 00X and 16 characters (a hex key is 32).
ALWAYS_PLAIN_BELOW: Final = 19


def redact(text: str, limit: int = LOG_FIELD_MAX) -> str:
    """Shorten ``text`` for a log: tokens and hex keys cut to a prefix, long text clipped."""
    if len(text) < ALWAYS_PLAIN_BELOW and len(text) <= limit and text.isprintable():
        return text  # the everyday channel and uid: nothing to cut, skip the scans
    text = abbreviate_secrets(text)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class RequestRecord(NamedTuple):
    """One line of the request log. Never holds a token or a secret in full."""

    # A NamedTuple, not a frozen dataclass: one is made per request, and a
    # frozen dataclass's __init__ costs as much as writing the line.
    time: datetime
    method: str
    endpoint: str
    channel: str
    uid: str
    status: int
    duration_ms: float
    detail: str = ""  # the error message or the SDK-rule warnings, if any
    token_type: str = ""  # what was asked for: "rtc", "rtm", "rtc+rtm", "chat", "convoai"…
    role: str = ""  # an RTC token's role as the request gave it ("publisher")

    def format_line(self) -> str:
        """One access-log line, as the CLI prints it."""
        t = self.time
        line = f"{t.hour:02d}:{t.minute:02d}:{t.second:02d} {self.method} {self.endpoint}"
        if self.channel:
            line += f" channel={self.channel}"
        if self.uid:
            line += f" uid={self.uid}"
        line += f" {self.status} {self.duration_ms:.1f} ms"
        return f"{line} - {self.detail}" if self.detail else line


OnRequest = Callable[[RequestRecord], None]

ON_REQUEST: Final = web.AppKey("on_request", object)
# What a handler learnt about the request, for the log line.
LOG_CHANNEL: Final = web.RequestKey("channel", str)
LOG_UID: Final = web.RequestKey("uid", str)
LOG_WARNINGS: Final = web.RequestKey("warnings", tuple)
LOG_ERROR: Final = web.RequestKey("error", str)
LOG_TOKEN: Final = web.RequestKey("token_type", str)
LOG_ROLE: Final = web.RequestKey("role", str)


def note(
    request: web.Request,
    *,
    channel: str | None = None,
    uid: str | None = None,
    kind: str | None = None,
    role: str | None = None,
) -> None:
    """Remember what a handler read, for the log line; each token ``kind`` adds to the list."""
    if channel is not None:
        request[LOG_CHANNEL] = channel
    if uid is not None:
        request[LOG_UID] = uid
    if kind is not None:
        before = request.get(LOG_TOKEN)
        request[LOG_TOKEN] = f"{before}+{kind}" if before else kind
    if role is not None:
        request[LOG_ROLE] = role


def note_warnings(request: web.Request, warnings: tuple[Issue, ...]) -> None:
    if warnings:
        request[LOG_WARNINGS] = request.get(LOG_WARNINGS, ()) + warnings


class _LocalTime:
    """``datetime.fromtimestamp(t).astimezone()``, asking the OS for the zone once a minute.

    A zone's offset changes on a whole minute (daylight saving: on the hour
    or half hour), so within one minute it is the same for every request.
    """

    def __init__(self) -> None:
        self._minute: tuple[float, float, tzinfo | None] = (0.0, 0.0, None)

    def __call__(self, t: float) -> datetime:
        start, end, zone = self._minute
        if start <= t < end:
            return datetime.fromtimestamp(t, zone)
        moment = datetime.fromtimestamp(t).astimezone()
        start = t - t % 60
        self._minute = (start, start + 60, moment.tzinfo)  # one assignment: thread-safe
        return moment


local_time: Final = _LocalTime()


def record(
    request: web.Request, endpoint: str, started: float, status: int, elapsed_s: float
) -> None:
    """Hand one record to the app's log callback, if it has one (``started``: epoch seconds)."""
    callback = request.app[ON_REQUEST]
    if callback is None:
        return
    warnings: tuple[Issue, ...] = request.get(LOG_WARNINGS, ())
    detail = request.get(LOG_ERROR) or "; ".join(str(w) for w in warnings)
    entry = RequestRecord(
        time=local_time(started),
        method=request.method,
        endpoint=endpoint,
        channel=redact(str(request.get(LOG_CHANNEL, ""))),
        uid=redact(str(request.get(LOG_UID, ""))),
        status=status,
        duration_ms=elapsed_s * 1000,
        detail=redact(detail, 200) if detail else "",
        token_type=redact(str(request.get(LOG_TOKEN, ""))),
        role=redact(str(request.get(LOG_ROLE, ""))),
    )
    deliver(callback, entry)  # type: ignore[arg-type]


def deliver(callback: OnRequest, entry: RequestRecord) -> None:
    try:
        callback(entry)
    except Exception:
        # A broken log view must not break token serving.
        log.exception("token server: request-log callback failed")
