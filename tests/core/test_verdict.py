"""The verdict's first sentence for each shape of token, in English and Chinese.

verdict.describe_kind composes one sentence per shape (services, role, language) and fills
in the token's own values: these pin the words, and that a value's braces stay text.
"""

from __future__ import annotations

import pytest
from _inspect_helpers import APP_ID, CERT, ISSUED, expect

from agora_desk.core import i18n, timefmt, verdict
from agora_desk.core.diagnostics import diagnose
from agora_desk.core.formats import v007
from agora_desk.core.formats.v007 import ChatService, FpaService, RtcService, RtmService

ZH = i18n.Language.SIMPLIFIED_CHINESE
PUBLISHER = {1: 3600, 2: 3600}
VALID_EN = "Valid {}; expires in 59 min"
VALID_ZH = "有效的{}；59 分钟后过期"
UNVERIFIED_ZH = "{}；59 分钟后过期；未校验签名（没有对应的 App 证书）"

SHAPES = {
    "rtc publisher + rtm": (
        [
            RtcService(privileges=PUBLISHER, channel_name="demo", uid="42"),
            RtmService(privileges={1: 3600}, user_id="u"),
        ],
        "RTC publisher + RTM token for channel 'demo', uid 42, RTM user 'u'",
        "频道 'demo'、uid 42、RTM 用户 'u' 的 RTC 主播 + RTM Token",
    ),
    "rtc subscriber, braces in its values": (
        [RtcService(privileges={1: 3600}, channel_name="c{h}", uid="{al}ice")],
        "RTC subscriber token for channel 'c{h}', account '{al}ice'",
        "频道 'c{h}'、用户名 '{al}ice' 的 RTC 观众 Token",
    ),
    "any user": (
        [RtcService(privileges=PUBLISHER, channel_name="demo", uid="")],
        "RTC publisher token for channel 'demo', uid 0 (any user)",
        "频道 'demo'、uid 0（任意用户） 的 RTC 主播 Token",
    ),
    "rtm only": (
        [RtmService(privileges={1: 3600}, user_id="{u}")],
        "RTM token for RTM user '{u}'",
        "RTM 用户 '{u}' 的 RTM Token",
    ),
    "two other services": (
        [FpaService(privileges={1: 3600}), ChatService(privileges={1: 3600})],
        "FPA + Chat token for 2 services",
        "2 个服务 的 FPA + Chat Token",
    ),
    "one other service": ([FpaService(privileges={1: 3600})], "FPA token", "FPA Token"),
}


def _token(services: list[v007.Service]) -> str:
    return v007.build(APP_ID, CERT, services, expire=3600, issued_at=ISSUED, salt=1)


@pytest.mark.parametrize("shape", SHAPES)
def test_the_first_sentence_names_the_token_in_both_languages(shape: str) -> None:
    services, english, chinese = SHAPES[shape]
    token = _token(services)
    signed, bare = expect(CERT, now=ISSUED + 60), expect(now=ISSUED + 60)
    for _round in range(2):  # the second time from the composed sentence
        d = diagnose(token, signed)
        assert d.verdict is not None and d.verdict.summary == VALID_EN.format(english)
        d = diagnose(token, bare)
        assert d.verdict is not None
        assert d.verdict.summary == (
            f"{english}; expires in 59 min; signature not verified (no App Certificate for it)"
        )
        with i18n.speaking(ZH):
            d = diagnose(token, signed)
            assert d.verdict is not None and d.verdict.summary == VALID_ZH.format(chinese)
            d = diagnose(token, bare)
            assert d.verdict is not None and d.verdict.summary == UNVERIFIED_ZH.format(chinese)


def test_a_language_switch_changes_the_sentence_of_a_shape_seen_before() -> None:
    services, english, chinese = SHAPES["rtc publisher + rtm"]
    token, signed = _token(services), expect(CERT, now=ISSUED + 60)

    def summary() -> str:
        d = diagnose(token, signed)
        assert d.verdict is not None
        return d.verdict.summary

    assert summary() == VALID_EN.format(english)
    i18n.set_language("zh_CN")
    assert summary() == VALID_ZH.format(chinese)
    i18n.set_language("en")
    assert summary() == VALID_EN.format(english)


@pytest.mark.parametrize("language", list(i18n.Language))
@pytest.mark.parametrize("left", [1, 59, 60, 3600, 3660, 86340])  # lifetimes up to 24 h
def test_the_composed_sentence_says_what_its_pieces_say(language: i18n.Language, left: int) -> None:
    services = SHAPES["rtc publisher + rtm"][0]
    now = ISSUED + 60
    token = v007.build(APP_ID, CERT, services, expire=60 + left, issued_at=ISSUED, salt=1)
    with i18n.speaking(language):
        for expectations, sentence, capital in (
            (expect(CERT, now=now), "Valid {kind}; {when}", False),
            (
                expect(now=now),
                "{kind}; {when}; signature not verified (no App Certificate for it)",
                True,
            ),
        ):
            d = diagnose(token, expectations)
            kind = verdict.describe_kind(d, expectations)
            kind = kind[:1].upper() + kind[1:] if capital else kind
            when = timefmt.relative(now + left, now)
            assert d.verdict is not None
            assert d.verdict.summary == i18n._(sentence).format(kind=kind, when=when)


def test_each_way_a_uid_reads_gets_its_own_sentence() -> None:
    # One shape of token, the uid written four ways: the composed sentence follows each.
    signed = expect(CERT, now=ISSUED + 60)
    for wire_uid, shown in [
        ("42", "uid 42"),
        ("0042", "account '0042'"),
        ("", "uid 0 (any user)"),
        ("4294967296", "account '4294967296'"),
        ("7", "uid 7"),
    ]:
        token = _token([RtcService(privileges=PUBLISHER, channel_name="demo", uid=wire_uid)])
        d = diagnose(token, signed)
        assert d.verdict is not None
        assert d.verdict.summary == VALID_EN.format(
            f"RTC publisher token for channel 'demo', {shown}"
        )
