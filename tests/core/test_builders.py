"""The official builder shapes, validated, reproduce the published vectors."""

from __future__ import annotations

from dataclasses import replace

import pytest

from agora_desk.core import builders, shapes
from agora_desk.core.builders import RtcRequest, RtmRequest, Stamp
from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import InputError
from agora_desk.core.formats import v006, v007
from agora_desk.core.secret import Secret
from tests.vectors import load

PUBLISHED = {c["name"]: c for c in load("published.json")}
CREDS = Credentials("970CA35de60c44645bbae8a215061b33", Secret("5CFd2fd1755d40ecb72977518be15d3b"))
STAMP = Stamp(issued_at=1111111, salt=1)


def test_rtc_join_numeric_uid_vector() -> None:
    case = PUBLISHED["rtc join, numeric uid"]
    req = RtcRequest(
        channel=case["services"][0]["channel_name"], uid=2882341273, role="subscriber", expire=600
    )
    assert builders.build_rtc(CREDS, req, STAMP).token == case["token"]
    # The account "2882341273" writes the same bytes as the integer uid.
    same = replace(req, uid=0, account="2882341273")
    assert builders.build_rtc(CREDS, same, STAMP).token == case["token"]


def test_rtc_uid_zero_vector() -> None:
    case = PUBLISHED["rtc join, uid 0 (any user)"]
    req = RtcRequest(
        channel=case["services"][0]["channel_name"], uid=0, role="subscriber", expire=600
    )
    assert builders.build_rtc(CREDS, req, STAMP).token == case["token"]


def test_006_vector_through_legacy_builder() -> None:
    case = PUBLISHED["006 rtc join"]
    # The 006 vector was made with a fixed ts and a join privilege at an absolute time.
    tok = v006.build(
        CREDS.app_id,
        CREDS.app_certificate.reveal(),
        case["channel_name"],
        case["uid"],
        {1: 1446455471},
        salt=1,
        ts=1111111,
    )
    assert tok == case["token"]


def _privs(token: str) -> list[dict[int, int]]:
    return [s.privileges for s in v007.parse(token).services]


def test_publisher_subscriber_and_separate_privileges() -> None:
    pub = builders.build_rtc(CREDS, RtcRequest("c", uid=5, expire=100, privilege_expire=50), STAMP)
    assert _privs(pub.token) == [{1: 50, 2: 50, 3: 50, 4: 50}]
    sub = builders.build_rtc(CREDS, RtcRequest("c", uid=5, role="subscriber", expire=100), STAMP)
    assert _privs(sub.token) == [{1: 100}]
    sep = builders.build_rtc(
        CREDS,
        RtcRequest("c", uid=5, role="subscriber", expire=100, join_expire=10, video_expire=30),
        STAMP,
    )
    assert _privs(sep.token) == [{1: 10, 2: 100, 3: 30, 4: 100}]


def test_rtc_plus_rtm() -> None:
    res = builders.build_rtc(
        CREDS,
        RtcRequest("c", account="alice", expire=100, rtm_user_id="alice", rtm_expire=40),
        STAMP,
    )
    tok = v007.parse(res.token)
    assert [s.name for s in tok.services] == ["RTC", "RTM"]
    assert tok.services[1].privileges == {1: 40}
    assert tok.services[0].uid == "alice"  # type: ignore[attr-defined]


def test_rtm_token() -> None:
    res = builders.build_rtm(CREDS, RtmRequest("bob", expire=120), STAMP)
    tok = v007.parse(res.token)
    assert tok.expire == 120
    assert [(s.name, s.privileges, s.user_id) for s in tok.services] == [("RTM", {1: 120}, "bob")]  # type: ignore[attr-defined]


def test_checked_credentials_sign_the_same_bytes() -> None:
    checked = builders.CheckedCredentials.of(CREDS)
    case = PUBLISHED["rtc join, numeric uid"]
    req = RtcRequest(
        channel=case["services"][0]["channel_name"], uid=2882341273, role="subscriber", expire=600
    )
    assert builders.build_rtc(checked, req, STAMP).token == case["token"]
    for rtc in (RtcRequest("c", uid=5), RtcRequest("c", account="al", rtm_user_id="al")):
        assert builders.build_rtc(checked, rtc, STAMP) == builders.build_rtc(CREDS, rtc, STAMP)
    rtm = RtmRequest("bob", expire=120)
    assert builders.build_rtm(checked, rtm, STAMP) == builders.build_rtm(CREDS, rtm, STAMP)
    chat = shapes.ChatUserRequest("bob", 120)
    assert shapes.build(checked, chat, STAMP) == shapes.build(CREDS, chat, STAMP)
    assert CREDS.app_certificate is not None
    assert CREDS.app_certificate.reveal() not in repr(checked)


def test_checked_credentials_refuse_what_the_builders_refuse() -> None:
    with pytest.raises(InputError) as info:
        builders.CheckedCredentials.of(Credentials(CREDS.app_id, Secret("")))
    assert info.value.field == "App Certificate"
    with pytest.raises(InputError) as info:
        builders.CheckedCredentials.of(Credentials("970CA35", CREDS.app_certificate))
    assert info.value.field == "App ID"


def test_legacy_rtc_follows_official_006() -> None:
    res = builders.build_rtc_legacy(
        CREDS, RtcRequest("c", uid=9, expire=600, privilege_expire=0), STAMP
    )
    tok = v006.parse(res.token)
    assert tok.ts == 1111111 + 86400
    assert tok.privileges == {1: 0, 2: 0, 3: 0, 4: 0}  # an expiry of 0 stays 0
    assert v006.verify(tok, CREDS.app_certificate.reveal(), "c", "9")
    res = builders.build_rtc_legacy(
        CREDS, RtcRequest("c", uid=0, role="subscriber", expire=600), STAMP
    )
    tok = v006.parse(res.token)
    assert tok.privileges == {1: 1111111 + 600}
    assert v006.verify(tok, CREDS.app_certificate.reveal(), "c", "")


def test_legacy_rtm_puts_user_in_channel_position() -> None:
    res = builders.build_rtm_legacy(CREDS, RtmRequest("bob", expire=600), STAMP)
    tok = v006.parse(res.token)
    assert tok.privileges == {1000: 1111111 + 600}
    assert v006.verify(tok, CREDS.app_certificate.reveal(), "bob", "")


def test_legacy_refuses_rtm_user() -> None:
    with pytest.raises(InputError, match="006"):
        builders.build_rtc_legacy(CREDS, RtcRequest("c", rtm_user_id="x"), STAMP)


@pytest.mark.parametrize(
    ("creds", "field", "problem"),
    [
        (Credentials("970CA35de60c44645bbae8a215061b3", CREDS.app_certificate), "App ID", "got 31"),
        (
            Credentials("970CA35de60c44645bbae8a215061b3g", CREDS.app_certificate),
            "App ID",
            "'g' at position 32",
        ),
        (
            Credentials(" 970CA35de60c44645bbae8a215061b33", CREDS.app_certificate),
            "App ID",
            "whitespace",
        ),
        (
            Credentials('"970CA35de60c44645bbae8a215061b33"', CREDS.app_certificate),
            "App ID",
            "quotes",
        ),
        (Credentials(CREDS.app_id, Secret("")), "App Certificate", "empty"),
        # A certificate's characters are never quoted, only their position.
        (
            Credentials(CREDS.app_id, Secret(CREDS.app_certificate.reveal()[:-1] + "g")),
            "App Certificate",
            "the character at position 32",
        ),
    ],
)
def test_bad_credentials_name_field_and_problem(
    creds: Credentials, field: str, problem: str
) -> None:
    with pytest.raises(InputError) as info:
        builders.build_rtc(creds, RtcRequest("c"), STAMP)
    assert info.value.field == field
    assert problem in info.value.problem


def test_sdk_rule_breaks_are_warnings_not_errors() -> None:
    res = builders.build_rtc(CREDS, RtcRequest("bad/channel" + "x" * 70, account="über"), STAMP)
    text = " ".join(str(w) for w in res.warnings)
    assert "'/' at position 4" in text
    assert "at most 63" in text
    assert "'ü' at position 1" in text
    assert res.token.startswith("007")


def test_uid_out_of_range_is_an_error() -> None:
    with pytest.raises(InputError, match="out of range"):
        builders.build_rtc(CREDS, RtcRequest("c", uid=2**32), STAMP)


def test_batch_equals_single_builds() -> None:
    req = RtcRequest("c", expire=600, rtm_user_id="agent")
    first, tokens = builders.build_rtc_batch(CREDS, req, range(0, 300), STAMP)
    got = dict(tokens)
    assert len(got) == 300
    for uid in (0, 1, 9, 10, 99, 100, 299):
        assert got[uid] == builders.build_rtc(CREDS, replace(req, uid=uid), STAMP).token
    assert first.token == got[0]


def test_random_stamp_is_in_official_salt_range() -> None:
    issued, salt = Stamp().resolve()
    assert 1 <= salt <= 99_999_999
    assert issued > 1_700_000_000


def test_parse_role() -> None:
    assert builders.parse_role("1") == "publisher"
    assert builders.parse_role("Subscriber") == "subscriber"
    with pytest.raises(InputError, match="role"):
        builders.parse_role("admin")


def test_an_account_of_thousands_of_digits_is_refused_not_a_crash() -> None:
    from agora_desk.core.validation import check_account

    issues = check_account("1" * 5000)  # past int()'s digit limit: no ValueError
    assert len(issues) == 1 and "5000 bytes" in str(issues[0])
