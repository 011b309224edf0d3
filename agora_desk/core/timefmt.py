"""Times as people read them: UTC ISO-8601, local time, and a relative phrase.

The one home of time wording: the CLI's text leads with UTC (:func:`describe`,
what logs and servers use); the window leads with local time
(:func:`local_first`) and puts UTC in a tooltip (:func:`utc_detail`).
"""

from __future__ import annotations

import time
from datetime import datetime, timezone


def utc_iso(ts: int) -> str:
    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def local(ts: int) -> str:
    return datetime.fromtimestamp(ts).astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")


def duration(seconds: int) -> str:
    """Short human duration: '45 s', '59 min', '3 h 5 min', '2 d 4 h'."""
    s = abs(int(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min"
    if s < 86400:
        h, m = divmod(s // 60, 60)
        return f"{h} h {m} min" if m else f"{h} h"
    d, h = divmod(s // 3600, 24)
    return f"{d} d {h} h" if h else f"{d} d"


def relative(
    ts: int, now: int | None = None, *, future: str = "expires", past: str = "expired"
) -> str:
    now = int(time.time()) if now is None else now
    delta = ts - now
    if delta > 0:
        return f"{future} in {duration(delta)}"
    if delta == 0:
        return f"{past} just now"
    return f"{past} {duration(-delta)} ago"


def describe(
    ts: int, now: int | None = None, *, future: str = "expires", past: str = "expired"
) -> str:
    """'2026-11-22T17:00:00Z (2026-11-22 18:00:00 CET, expires in 59 min)'."""
    if ts == 0:
        return "no time limit"
    return f"{utc_iso(ts)} ({local(ts)}, {relative(ts, now, future=future, past=past)})"


def local_first(
    ts: int, now: int | None = None, *, future: str = "expires", past: str = "expired"
) -> str:
    """'2026-11-22 18:00:00 CET (expires in 59 min)': the window's wording of a time."""
    if ts == 0:
        return "no time limit"
    return f"{local(ts)} ({relative(ts, now, future=future, past=past)})"


def utc_detail(ts: int) -> str:
    """'2026-11-22T17:00:00Z (UTC) · Unix time 1795366800': a time's details, on hover."""
    return f"{utc_iso(ts)} (UTC) · Unix time {ts}"
