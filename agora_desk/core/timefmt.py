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


def duration(seconds: int) -> str:
    """Short human duration: '45 s', '59 min', '3 h 5 min', '2 d 4 h'."""
    s = abs(int(seconds))
    if s < 60:
        return _("{seconds} s").format(seconds=s)
    if s < 3600:
        return _("{minutes} min").format(minutes=s // 60)
    if s < 86400:
        h, m = divmod(s // 60, 60)
        if m:
            return _("{hours} h {minutes} min").format(hours=h, minutes=m)
        return _("{hours} h").format(hours=h)
    d, h = divmod(s // 3600, 24)
    if h:
        return _("{days} d {hours} h").format(days=d, hours=h)
    return _("{days} d").format(days=d)


def relative(ts: int, now: int | None = None, *, future: str = EXPIRES, past: str = EXPIRED) -> str:
    now = int(time.time()) if now is None else now
    delta = ts - now
    if delta > 0:
        return _("{verb} in {duration}").format(verb=_(future), duration=duration(delta))
    if delta == 0:
        return _("{verb} just now").format(verb=_(past))
    return _("{verb} {duration} ago").format(verb=_(past), duration=duration(-delta))


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
