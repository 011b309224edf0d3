"""core/rebuild.py: the inputs read back from a token build that token's services again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from credentials import APP_ID, CERT

from agora_desk.core import shapes
from agora_desk.core.builders import (
    RtcRequest,
    RtmRequest,
    Stamp,
    build_rtc,
    build_rtc_legacy,
    build_rtm,
    compose,
)
from agora_desk.core.compose import ComposeRequest
from agora_desk.core.credentials import Credentials
from agora_desk.core.decode import parse_any
from agora_desk.core.formats.v007_services import FcdnService, RtcService, RtmService
from agora_desk.core.rebuild import NotRebuildable, Request, rebuild_request
from agora_desk.core.secret import Secret

DATA = Path(__file__).resolve().parents[1] / "data" / "shapes.json"
CREDS = Credentials(app_id=APP_ID, app_certificate=Secret(CERT))
STAMP = Stamp(issued_at=1_700_000_000, salt=99)


def _token(request: Request) -> str:
    if isinstance(request, RtcRequest):
        return build_rtc(CREDS, request, STAMP).token
    if isinstance(request, RtmRequest):
        return build_rtm(CREDS, request, STAMP).token
    return shapes.build(CREDS, request, STAMP).token


def _rebuilt(token: str) -> Request | NotRebuildable:
    return rebuild_request(parse_any(token).decoded)


REQUESTS: list[Request] = [
    RtcRequest("demo"),
    RtcRequest("demo", uid=42, role="subscriber", expire=600),
    RtcRequest("demo", account="alice", expire=7200, privilege_expire=600),
    RtcRequest("demo", uid=7, rtm_user_id="bob"),
    RtcRequest("demo", uid=7, join_expire=10, audio_expire=20, video_expire=30, data_expire=40),
    RtcRequest("ch", account="007", rtm_user_id="x"),  # digits with a leading 0 stay an account
    RtcRequest("ch", account="0"),  # uid 0 is written as "": a written "0" is an account
    RtmRequest("bob", 1200),
    shapes.ChatUserRequest("alice", 600),
    shapes.ChatAppRequest(900),
    shapes.ApaasRoomUserRequest("room-1", "user-1", 2, 3600),
    shapes.ApaasUserRequest("user-1", 3600),
    shapes.ApaasAppRequest(60),
    shapes.FpaRequest(86_400),
    shapes.Rtm2Request("carol", {0: {0: ["a", "b"], 1: ["c"]}, 4: {1: ["d"]}}, 3600),
    shapes.ConvoAiRequest(RtcRequest("agents", uid=1001, expire=600)),
    shapes.ConvoAiRequest(RtcRequest("agents", account="bot", role="subscriber", rtm_user_id="r")),
    shapes.SttRequest(RtcRequest("talk", uid=5, rtm_expire=60)),
]


@pytest.mark.parametrize("request_", REQUESTS, ids=lambda r: type(r).__name__)
def test_the_inputs_read_back_are_the_inputs_built(request_: Request) -> None:
    assert _rebuilt(_token(request_)) == request_


def test_every_official_shape_vector_can_be_rebuilt_exactly() -> None:
    cases = json.loads(DATA.read_text(encoding="utf-8"))["cases"]
    assert len(cases) >= 10
    for case in cases:
        found = _rebuilt(case["token"])
        assert not isinstance(found, NotRebuildable), (case["shape"], found)
        creds = Credentials(case["app_id"], Secret(case["app_certificate"]))
        stamp = Stamp(case["issued_at"], case["salt"])
        again = parse_any(shapes.build(creds, found, stamp).token).decoded  # type: ignore[arg-type]
        assert again.to_json()["services"] == parse_any(case["token"]).decoded.to_json()["services"]


def test_a_token_no_named_form_makes_goes_to_the_composer() -> None:
    # An RTC + RTM token whose RTM login lasts less than the token: the RTC tab has no field.
    odd = RtcRequest("demo", uid=3, rtm_user_id="u", rtm_expire=60)
    found = _rebuilt(_token(odd))
    assert isinstance(found, ComposeRequest)
    assert [type(s) for s in found.services()] == [RtcService, RtmService]
    fcdn = FcdnService(privileges={1: 100, 2: 0}, channel_name="live", account="a")
    made = compose(CREDS, [fcdn], expire=300, stamp=STAMP).token
    found = _rebuilt(made)
    assert isinstance(found, ComposeRequest) and found.services() == [fcdn]


def test_older_formats_and_nothing_say_why_not() -> None:
    legacy = build_rtc_legacy(CREDS, RtcRequest("demo", uid=1), STAMP).token
    found = _rebuilt(legacy)
    assert isinstance(found, NotRebuildable) and "006" in found.reason
    assert "checksums" in found.reason
    nothing = rebuild_request(None)
    assert isinstance(nothing, NotRebuildable) and "decodes" in nothing.reason


def test_a_privilege_no_form_offers_is_not_rebuilt() -> None:
    odd = RtcService(privileges={1: 60, 9: 60}, channel_name="c", uid="")
    found = _rebuilt(compose(CREDS, [odd], expire=60, stamp=STAMP).token)
    assert isinstance(found, NotRebuildable) and "privilege" in found.reason


def test_the_reasons_are_translated() -> None:
    from agora_desk.core import i18n

    i18n.set_language("zh_CN")  # the tests' conftest puts English back
    found = rebuild_request(None)
    # The glossary (docs/glossary-zh_CN.md) keeps Agora's own word: Token, not 令牌.
    assert isinstance(found, NotRebuildable) and found.reason == "请先粘贴一个能解析的 Token。"
