"""Times as people read them: durations and relative phrases, in English and Chinese."""

from __future__ import annotations

import pytest

from agora_desk.core import i18n, timefmt
from agora_desk.core.i18n import N_, Language, _

ZH = Language.SIMPLIFIED_CHINESE
# Each wording's edges: 59 s / 1 min, 59 min / 1 h, whole hours, 1 d, days and hours.
EDGES = [0, 1, 59, 60, 61, 3599, 3600, 3660, 7200, 86399, 86400, 90000, 172800, 1_700_000_000]


@pytest.mark.parametrize(
    ("seconds", "english", "chinese"),
    [
        (45, "45 s", "45 秒"),
        (-45, "45 s", "45 秒"),
        (3540, "59 min", "59 分钟"),
        (3600, "1 h", "1 小时"),
        (11100, "3 h 5 min", "3 小时 5 分钟"),
        (86400, "1 d", "1 天"),
        (187200, "2 d 4 h", "2 天 4 小时"),
    ],
)
def test_duration(seconds: int, english: str, chinese: str) -> None:
    assert timefmt.duration(seconds) == english
    with i18n.speaking(ZH):
        assert timefmt.duration(seconds) == chinese


def _built_piece_by_piece(delta: int, future: str, past: str) -> str:
    """What relative() says, written out from its catalogue entries (what it composes once)."""
    if delta > 0:
        return _("{verb} in {duration}").format(verb=_(future), duration=timefmt.duration(delta))
    if delta == 0:
        return _("{verb} just now").format(verb=_(past))
    return _("{verb} {duration} ago").format(verb=_(past), duration=timefmt.duration(delta))


@pytest.mark.parametrize("language", [Language.ENGLISH, ZH])
@pytest.mark.parametrize(
    ("future", "past"),
    [
        (timefmt.EXPIRES, timefmt.EXPIRED),
        (timefmt.ISSUED, timefmt.ISSUED),
        # A caller's own word; braces in it are text, not placeholders.
        (N_("ends {soon}"), N_("ended {x}")),
    ],
)
def test_relative_says_what_its_pieces_say(language: Language, future: str, past: str) -> None:
    now = 1_800_000_000
    with i18n.speaking(language):
        for delta in [*EDGES, *(-d for d in EDGES)]:
            shown = timefmt.relative(now + delta, now, future=future, past=past)
            assert shown == _built_piece_by_piece(delta, future, past)


def test_relative_follows_a_language_switch() -> None:
    now = 1_800_000_000
    assert timefmt.relative(now + 3540, now) == "expires in 59 min"
    assert timefmt.relative(now - 300, now) == "expired 5 min ago"
    i18n.set_language("zh_CN")
    assert timefmt.relative(now + 3540, now) == "59 分钟后过期"
    assert timefmt.relative(now - 300, now) == "5 分钟前已过期"
    assert timefmt.relative(now, now) == "刚刚已过期"
    with i18n.speaking(Language.ENGLISH):
        assert timefmt.relative(now + 90000, now) == "expires in 1 d 1 h"
    i18n.set_language(i18n.SYSTEM)
    assert timefmt.relative(now + 90000, now) == "expires in 1 d 1 h"
