"""The request log: one entry per request, never a token or a secret in full when shown.

Per request the server only notes what it learnt (:class:`LogNotes`) and
hands a raw :class:`LogEntry` to the log's sink; the work of showing it -
redaction, the local time, the line - is done when the entry is read: for
the window one :class:`RequestRecord` per entry, for a stream a batch of
lines at a time (:func:`log_text`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from typing import Final, NamedTuple

from aiohttp import web

from agora_desk.core.redact import abbreviate_secrets
from agora_desk.core.validation import Issue

log = logging.getLogger(__name__)

LOG_FIELD_MAX: Final = 48
DETAIL_MAX: Final = 200


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


class LogEntry(NamedTuple):
    """One request as the server saw it: nothing redacted or formatted yet (kept in memory only)."""

    started: float  # epoch seconds
    method: str
    endpoint: str  # the route, or the redacted path of an unknown one
    channel: str
    uid: str
    status: int
    elapsed_s: float
    detail: str = ""  # the error message or the SDK-rule warnings, if any
    token_type: str = ""
    role: str = ""


OnEntry = Callable[[LogEntry], None]


LineFields = tuple[str, str, str, str, int, float, str]


def _shown(entry: LogEntry) -> LineFields:
    """Method, endpoint, channel, uid, status, milliseconds, detail: the line's, redacted."""
    detail = entry.detail
    return (
        entry.method,
        entry.endpoint,
        redact(entry.channel),
        redact(entry.uid),
        entry.status,
        entry.elapsed_s * 1000,
        redact(detail, DETAIL_MAX) if detail else "",
    )


def log_line(
    clock: str,
    method: str,
    endpoint: str,
    channel: str,
    uid: str,
    status: int,
    duration_ms: float,
    detail: str,
) -> str:
    """One access-log line from shown (redacted) fields; ``clock`` is HH:MM:SS."""
    line = f"{clock} {method} {endpoint}"
    if channel:
        line += f" channel={channel}"
    if uid:
        line += f" uid={uid}"
    line += f" {status} {duration_ms:.1f} ms"
    return f"{line} - {detail}" if detail else line


class RequestRecord(NamedTuple):
    """One line of the request log, as the window shows it. Never holds a token or a secret in full."""

    time: datetime
    # method ... detail: the line's fields, in its order (LineFields)
    method: str
    endpoint: str
    channel: str
    uid: str
    status: int
    duration_ms: float
    detail: str = ""  # the error message or the SDK-rule warnings, if any
    token_type: str = ""  # what was asked for: "rtc", "rtm", "rtc+rtm", "chat", "convoai"…
    role: str = ""  # an RTC token's role as the request gave it ("publisher")

    @classmethod
    def of(cls, entry: LogEntry) -> RequestRecord:
        """The entry with every client-given field redacted, its time in the local zone."""
        return cls(
            local_time(entry.started), *_shown(entry), redact(entry.token_type), redact(entry.role)
        )

    def format_line(self) -> str:
        """One access-log line, as the CLI prints it."""
        t = self.time
        return log_line(f"{t.hour:02d}:{t.minute:02d}:{t.second:02d}", *self[1:8])


def log_text(entries: Iterable[LogEntry]) -> str:
    """The log lines of ``entries``, each ending in a newline, as :meth:`RequestRecord.format_line`
    writes them; the clock is read once per second of the batch, not per line."""
    lines = []
    second, clock = -1, ""
    for entry in entries:
        started = int(entry.started)
        if started != second:
            second, now = started, time.localtime(started)
            clock = f"{now.tm_hour:02d}:{now.tm_min:02d}:{now.tm_sec:02d}"
        lines.append(log_line(clock, *_shown(entry)))
    return "\n".join(lines) + "\n" if lines else ""


OnRequest = Callable[[RequestRecord], None]


def records_to(callback: OnRequest) -> OnEntry:
    """A log sink handing ``callback`` one :class:`RequestRecord` per request, at once."""

    def take(entry: LogEntry) -> None:
        try:
            callback(RequestRecord.of(entry))
        except Exception:
            # A broken log view must not break token serving.
            log.exception("token server: request-log callback failed")

    return take


class LogNotes:
    """What a handler learnt about its request, for the log (made only when a log is read)."""

    channel = ""
    uid = ""
    token_type = ""  # each token kind the request asked for, joined by "+"
    role = ""
    warnings: tuple[Issue, ...] = ()
    error = ""


LOG_SINK: Final = web.AppKey[OnEntry | None]("log_sink")
# None when nobody reads the log: the handlers' notes are then skipped too.
LOG_NOTES: Final = web.RequestKey[LogNotes | None]("log_notes")


def note(
    request: web.Request,
    *,
    channel: str | None = None,
    uid: str | None = None,
    kind: str | None = None,
    role: str | None = None,
) -> None:
    """Remember what a handler read, for the log line; each token ``kind`` adds to the list."""
    notes = request.get(LOG_NOTES)
    if notes is None:
        return
    if channel is not None:
        notes.channel = channel
    if uid is not None:
        notes.uid = uid
    if kind is not None:
        notes.token_type = f"{notes.token_type}+{kind}" if notes.token_type else kind
    if role is not None:
        notes.role = role


def note_warnings(request: web.Request, warnings: tuple[Issue, ...]) -> None:
    if warnings:
        notes = request.get(LOG_NOTES)
        if notes is not None:
            notes.warnings += warnings


def note_error(request: web.Request, message: str) -> None:
    notes = request.get(LOG_NOTES)
    if notes is not None:
        notes.error = message


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


def log_request(
    sink: OnEntry,
    request: web.Request,
    endpoint: str,
    started: float,
    status: int,
    elapsed_s: float,
) -> None:
    """Hand the sink the entry of one request (``started``: epoch seconds)."""
    notes = request.get(LOG_NOTES) or LogNotes()
    detail = notes.error or ("; ".join(map(str, notes.warnings)) if notes.warnings else "")
    sink(
        LogEntry(
            started,
            request.method,
            endpoint,
            notes.channel,
            notes.uid,
            status,
            elapsed_s,
            detail,
            notes.token_type,
            notes.role,
        )
    )
