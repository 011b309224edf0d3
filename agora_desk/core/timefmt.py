"""Times as people read them: UTC ISO-8601, local time, and a relative phrase.

The one home of time wording: the CLI's text leads with UTC (:func:`describe`,
what logs and servers use); the window leads with local time
(:func:`local_first`) and puts UTC in a tooltip (:func:`utc_detail`).
"""

from __future__ import annotations

import functools
import os
import time
from datetime import datetime, timezone

from agora_desk.core import i18n
from agora_desk.core.i18n import N_, _

# The verbs a relative phrase takes ("expires in 5 min", "expired 5 min ago"): callers pass
# these (or their own N_() words); they are translated here, where the phrase is built.
EXPIRES = N_("expires")
EXPIRED = N_("expired")
ISSUED = N_("issued")


def utc_iso(ts: int) -> str:
    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def local(ts: int) -> str:
    # The Inspect tree and timeline format the same few times on every
    # keystroke, and strftime with a zone name costs more than the rest of a row.
    return _local(ts, (os.environ.get("TZ"), time.tzname, time.timezone, time.altzone))


@functools.lru_cache(maxsize=256)
def _local(ts: int, zone: tuple[object, ...]) -> str:  # ``zone``: only the cache key
    return datetime.fromtimestamp(ts).astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")


# A duration's wordings, shortest first; each is filled with seconds=, minutes=, hours= and
# days= (a wording takes the values it names). _split() picks one.
_DURATIONS = (
    N_("{seconds} s"),
    N_("{minutes} min"),
    N_("{hours} h {minutes} min"),
    N_("{hours} h"),
    N_("{days} d {hours} h"),
    N_("{days} d"),
)


def _split(s: int) -> tuple[int, int, int, int]:
    """(wording, minutes, hours, days) of ``s`` >= 0 seconds: which of _DURATIONS, and its values."""
    if s < 60:
        return 0, 0, 0, 0
    if s < 3600:
        return 1, s // 60, 0, 0
    if s < 86400:
        h, m = divmod(s // 60, 60)
        return (2 if m else 3), m, h, 0
    d, h = divmod(s // 3600, 24)
    return (4 if h else 5), 0, h, d


# What a duration or relative phrase is filled with (relative_form() gives them in this order).
FIELDS = ("seconds", "minutes", "hours", "days")
# The duration wordings' fillers per language (see i18n.filler).
_duration_fills: dict[i18n.Language, tuple[i18n.Fill, ...]] = {}


def duration(seconds: int) -> str:
    """Short human duration: '45 s', '59 min', '3 h 5 min', '2 d 4 h'."""
    s = abs(int(seconds))
    form, minutes, hours, days = _split(s)
    language = i18n.active_language()
    fills = _duration_fills.get(language)
    if fills is None:
        fills = _duration_fills[language] = tuple(i18n.filler(_(d), FIELDS) for d in _DURATIONS)
    return fills[form]((s, minutes, hours, days))


_IN, _AGO = N_("{verb} in {duration}"), N_("{verb} {duration} ago")
_JUST_NOW = N_("{verb} just now")
# The relative phrases composed once per (language, verb, direction): "expires in {minutes}
# min" and its siblings in the order of _DURATIONS, each with its filler (a verb is a fixed
# N_() word, so this stays a handful of entries). relative() runs for every check and verdict.
_phrases: dict[tuple[i18n.Language, str, str], tuple[tuple[str, i18n.Fill], ...]] = {}


def _relative_phrases(verb: str, direction: str) -> tuple[tuple[str, i18n.Fill], ...]:
    key = (i18n.active_language(), verb, direction)
    found = _phrases.get(key)
    if found is None:
        outer, word = _(direction), i18n.literal(_(verb))
        phrases = [i18n.composed(outer, verb=word, duration=_(d)) for d in _DURATIONS]
        found = tuple((p, i18n.filler(p, FIELDS)) for p in phrases)
        _phrases[key] = found
    return found


def relative_form(delta: int) -> tuple[str, int, tuple[int, int, int, int]]:
    """How relative() words a time ``delta`` seconds from now: its direction, which of the
    duration wordings, and the values of FIELDS (see relative_phrase)."""
    if delta > 0:
        direction = _IN
    elif delta == 0:
        return _JUST_NOW, 0, (0, 0, 0, 0)
    else:
        direction = _AGO
    s = abs(int(delta))
    form, minutes, hours, days = _split(s)
    return direction, form, (s, minutes, hours, days)


def relative_phrase(
    direction: str, form: int, future: str = EXPIRES, past: str = EXPIRED
) -> tuple[str, i18n.Fill]:
    """relative()'s phrase for a relative_form(), unfilled (placeholders of FIELDS) and its
    filler: for a sentence that composes the phrase into its own."""
    return _relative_phrases(future if direction is _IN else past, direction)[form]


def relative(ts: int, now: int | None = None, *, future: str = EXPIRES, past: str = EXPIRED) -> str:
    """'expires in 59 min', 'expired 5 min ago', 'expired just now' (the verbs translated)."""
    now = int(time.time()) if now is None else now
    direction, form, values = relative_form(ts - now)
    return relative_phrase(direction, form, future, past)[1](values)


def describe(ts: int, now: int | None = None, *, future: str = EXPIRES, past: str = EXPIRED) -> str:
    """'2026-11-22T17:00:00Z (2026-11-22 18:00:00 CET, expires in 59 min)'."""
    if ts == 0:
        return _("no time limit")
    return _("{utc} ({local}, {relative})").format(
        utc=utc_iso(ts), local=local(ts), relative=relative(ts, now, future=future, past=past)
    )


def local_first(
    ts: int, now: int | None = None, *, future: str = EXPIRES, past: str = EXPIRED
) -> str:
    """'2026-11-22 18:00:00 CET (expires in 59 min)': the window's wording of a time."""
    if ts == 0:
        return _("no time limit")
    return _("{local} ({relative})").format(
        local=local(ts), relative=relative(ts, now, future=future, past=past)
    )


def utc_detail(ts: int) -> str:
    """'2026-11-22T17:00:00Z (UTC) · Unix time 1795366800': a time's details, on hover."""
    return _("{utc} (UTC) · Unix time {ts}").format(utc=utc_iso(ts), ts=ts)
