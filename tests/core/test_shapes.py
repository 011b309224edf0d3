"""The further official shapes reproduce Agora's builders: Python byte for byte, npm in content."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from credentials import APP_ID, CERT

from agora_desk.core import compose, shapes
from agora_desk.core.builders import RtcRequest, Stamp, parse_role
from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import InputError
from agora_desk.core.formats import v007
from agora_desk.core.secret import Secret
from agora_desk.core.shapes import (
    ApaasAppRequest,
    ApaasRoomUserRequest,
    ApaasUserRequest,
    ChatAppRequest,
    ChatUserRequest,
    ConvoAiRequest,
    FpaRequest,
    Rtm2Request,
    SttRequest,
)
from tests.vectors import all_cases, case_id, load

DATA = Path(__file__).resolve().parents[1] / "data" / "shapes.json"
SHAPE_CASES: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))["cases"]
PUBLISHED = {c["name"]: c for c in load("published.json")}
CREDS = Credentials(APP_ID, Secret(CERT))
STAMP = Stamp(issued_at=1111111, salt=1)


def shape_of(name: str, i: dict[str, Any]) -> shapes.Shape:
    """A vector case's inputs as our request object (the generator's argument names)."""
    if name == "chat_user":
        return ChatUserRequest(i["user_id"], i["expire"])
    if name == "chat_app":
        return ChatAppRequest(i["expire"])
    if name == "apaas_room_user":
        return ApaasRoomUserRequest(i["room_uuid"], i["user_uuid"], i["role"], i["expire"])
    if name == "apaas_user":
        return ApaasUserRequest(i["user_uuid"], i["expire"])
    if name == "apaas_app":
        return ApaasAppRequest(i["expire"])
    if name == "fpa":
        return FpaRequest()
    if name == "rtm2":
        perms, _ = shapes.parse_permissions(i["permissions"])
        return Rtm2Request(i["user_id"], perms, i["expire"])
    rtc = RtcRequest(
        channel=i["channel"],
        uid=i.get("uid", 0),
        account=i.get("account"),
        role=parse_role(i["role"]),
        expire=i["expire"],
        join_expire=i.get("join_expire"),
        audio_expire=i.get("audio_expire"),
        video_expire=i.get("video_expire"),
        data_expire=i.get("data_expire"),
        rtm_user_id=i.get("rtm_user"),
        rtm_expire=i.get("rtm_expire"),
    )
    return ConvoAiRequest(rtc) if name == "convoai" else SttRequest(rtc)


def content(token: str) -> bytes:
    return v007.decompress(token[3:])


def _id(case: dict[str, Any]) -> str:
    return f"{case['source']}-{case['shape']}-{case['salt']}"


@pytest.mark.parametrize("case", SHAPE_CASES, ids=_id)
def test_shape_matches_official_builder(case: dict[str, Any]) -> None:
    creds = Credentials(case["app_id"], Secret(case["app_certificate"]))
    stamp = Stamp(issued_at=case["issued_at"], salt=case["salt"])
    ours = shapes.build(creds, shape_of(case["shape"], case["inputs"]), stamp).token
    if case["source"] == "python":
        assert ours == case["token"]
    elif case["shape"] == "apaas_room_user":
        # npm drops the roomUser privilege and writes role 0 as -1; the rest agrees.
        theirs = v007.parse(case["token"])
        mine = v007.parse(ours)
        apaas_theirs, apaas_mine = theirs.services[-1], mine.services[-1]  # type 7 sorts last
        assert isinstance(apaas_theirs, v007.ApaasService)
        assert isinstance(apaas_mine, v007.ApaasService)
        assert apaas_theirs.privileges == {}
        assert apaas_mine.privileges == {1: case["inputs"]["expire"]}
        assert apaas_mine.role == case["inputs"]["role"]
        assert apaas_theirs.role == (case["inputs"]["role"] or -1)
        assert theirs.services[:-1] == mine.services[:-1]
    else:
        assert content(ours) == content(case["token"])
        assert v007.verify(v007.parse(ours), CERT)


def test_every_source_and_shape_is_covered() -> None:
    seen = {(c["source"], c["shape"]) for c in SHAPE_CASES}
    python = {"chat_user", "chat_app", "apaas_room_user", "apaas_user", "apaas_app", "fpa", "rtm2"}
    assert {("python", s) for s in python} <= seen
    assert {("npm", "convoai"), ("npm", "stt")} <= seen


def test_published_chat_and_apaas_vectors() -> None:
    assert (
        shapes.build(CREDS, ChatUserRequest("2882341273", 600), STAMP).token
        == (PUBLISHED["chat user"]["token"])
    )
    assert shapes.build(CREDS, ChatAppRequest(600), STAMP).token == PUBLISHED["chat app"]["token"]
    room = ApaasRoomUserRequest("123", "2882341273", 1, 600)
    assert (
        shapes.build(CREDS, room, STAMP).token == PUBLISHED["apaas room user + rtm + chat"]["token"]
    )
    user = ApaasUserRequest("2882341273", 600)
    assert shapes.build(CREDS, user, STAMP).token == PUBLISHED["apaas user"]["token"]
    assert shapes.build(CREDS, ApaasAppRequest(600), STAMP).token == PUBLISHED["apaas app"]["token"]


COMPOSABLE = [c for c in all_cases() if c["format"] == "007" and not c.get("parse_only")]


@pytest.mark.parametrize("case", COMPOSABLE, ids=case_id)
def test_compose_reproduces_every_007_vector(case: dict[str, Any]) -> None:
    spec = compose.parse_compose(
        {
            "expire": case["expire"],
            "services": case["services"],
            "issued_at": case["issued_at"],
            "salt": case["salt"],
        }
    )
    creds = Credentials(case["app_id"], Secret(case["app_certificate"]))
    stamp = Stamp(issued_at=spec.issued_at, salt=spec.salt)
    assert shapes.build(creds, spec.request, stamp).token == case["token"]


def test_compose_accepts_names_for_types_and_privileges() -> None:
    by_number = compose.parse_compose(
        {
            "expire": 600,
            "services": [{"type": 1, "channel_name": "c", "uid": "", "privileges": {"1": 600}}],
        }
    )
    by_name = compose.parse_compose(
        {
            "expire": 600,
            "services": [
                {"type": "rtc", "channel_name": "c", "uid": 0, "privileges": {"joinChannel": 600}}
            ],
        }
    )
    a = shapes.build(CREDS, by_number.request, STAMP).token
    assert a == shapes.build(CREDS, by_name.request, STAMP).token


def test_compose_of_convoai_and_stt_services() -> None:
    spec = compose.parse_compose(
        {
            "services": [
                {"type": "ConvoAI"},
                {"type": 10},
                {"type": "fpa", "privileges": {"login": 0}},
            ]
        }
    )
    tok = v007.parse(shapes.build(CREDS, spec.request, STAMP).token)
    assert [s.service_type for s in tok.services] == [4, 9, 10]
    assert tok.expire == 3600


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        ({"services": []}, "services"),
        ({"services": [{"type": 11}]}, "services[0].type"),
        ({"services": [{"type": "nope"}]}, "services[0].type"),
        ({"services": [{}]}, "services[0].type"),
        ({"services": [{"type": 1, "channel": "x"}]}, "services[0].channel"),
        ({"services": [{"type": 1, "privileges": {"fly": 1}}]}, "services[0].privileges[fly]"),
        ({"services": [{"type": 1, "privileges": {"1": -5}}]}, "services[0].privileges[1]"),
        (
            {"services": [{"type": 1, "privileges": {"1": 1, "joinChannel": 2}}]},
            "services[0].privileges[joinChannel]",
        ),
        ({"services": [{"type": 2, "user_id": 5}]}, "services[0].user_id"),
        ({"services": [{"type": 7, "role": 40000}]}, "services[0].role"),
        ({"services": [{"type": 8, "permissions": {"9x": {}}}]}, "services[0].permissions"),
        (
            {"services": [{"type": 8, "permissions": {"0": {"read": "a"}}}]},
            "services[0].permissions[0][read]",
        ),
        ({"services": [{"type": 1, "channel_name": "x" * 70000}]}, "services[0].channel_name"),
        ({"services": [{"type": 1}], "expire": "soon"}, "expire"),
        ({"services": [{"type": 1}], "app_id": APP_ID}, "app_id"),
        ("[]", "spec"),
    ],
)
def test_compose_errors_name_the_field(spec: object, field: str) -> None:
    with pytest.raises(InputError) as info:
        shapes.build(CREDS, compose.parse_compose(spec).request, STAMP)
    assert info.value.field == field


def test_compose_warns_for_sdk_rules_and_unknown_ids() -> None:
    spec = compose.parse_compose(
        {
            "services": [
                {"type": 1, "channel_name": "bad/name", "privileges": {"9": 1}},
                {"type": 8, "permissions": {"7": {"0": []}}},
            ]
        }
    )
    result = shapes.build(CREDS, spec.request, STAMP)
    fields = [w.field for w in result.warnings]
    assert fields == [
        "services[0].privileges[9]",
        "services[0].channel_name",
        "services[1].permissions",
        "services[1].user_id",  # empty: a warning, compose writes what it is given
    ]


def test_fpa_is_the_official_24h_login_zero() -> None:
    tok = v007.parse(shapes.build(CREDS, FpaRequest(), STAMP).token)
    assert (tok.expire, tok.services[0].privileges) == (86400, {1: 0})
    tok = v007.parse(shapes.build(CREDS, FpaRequest(expire=600), STAMP).token)
    assert (tok.expire, tok.services[0].privileges) == (600, {1: 0})


def test_agent_defaults() -> None:
    convo = ConvoAiRequest(RtcRequest(channel="room", uid=0, expire=900))
    tok = v007.parse(shapes.build(CREDS, convo, STAMP).token)
    rtc, rtm, ai = tok.services
    assert isinstance(rtc, v007.RtcService) and isinstance(rtm, v007.RtmService)
    assert (rtc.uid, rtm.user_id, ai.service_type) == ("", "0", 9)
    assert rtc.privileges == {1: 900, 2: 900, 3: 900, 4: 900} and rtm.privileges == {1: 900}
    stt = SttRequest(RtcRequest(channel="room", account="bot", role="subscriber", rtm_expire=60))
    tok = v007.parse(shapes.build(CREDS, stt, STAMP).token)
    rtc, rtm, ai = tok.services
    assert isinstance(rtm, v007.RtmService)
    assert (rtc.privileges, rtm.user_id, rtm.privileges, ai.service_type) == (
        {1: 3600},
        "bot",
        {1: 60},
        10,
    )


@pytest.mark.parametrize(
    ("shape", "field"),
    [
        (ChatUserRequest(""), "user ID"),
        (ChatUserRequest("u", expire=-1), "expire"),
        (ApaasRoomUserRequest("", "u", 1), "room UUID"),
        (ApaasRoomUserRequest("r", "", 1), "user UUID"),
        (ApaasRoomUserRequest("r", "u", 1 << 15), "role"),
        (ApaasUserRequest(""), "user UUID"),
        (Rtm2Request("", {}), "user ID"),
        (Rtm2Request("u", {0: {0: ["x" * 70000]}}), "permissions[0][0] resource"),
        (ConvoAiRequest(RtcRequest(channel="c", account="")), "account"),
        (ConvoAiRequest(RtcRequest(channel="c", uid=1 << 32)), "uid"),
        (SttRequest(RtcRequest(channel="c", rtm_user_id="")), "RTM user ID"),
    ],
)
def test_bad_input_names_the_field(shape: shapes.Shape, field: str) -> None:
    with pytest.raises(InputError) as info:
        shapes.build(CREDS, shape, STAMP)
    assert info.value.field == field


def test_bad_credentials_are_refused() -> None:
    with pytest.raises(InputError) as info:
        shapes.build(Credentials(APP_ID, Secret("short")), ChatAppRequest(), STAMP)
    assert info.value.field == "App Certificate"


@pytest.mark.parametrize(
    ("text", "value"), [("1", 1), ("-1", -1), ("+3", 3), (" 2 ", 2), (0, 0), ("-32768", -32768)]
)
def test_apaas_role_parse(text: str | int, value: int) -> None:
    assert shapes.parse_apaas_role(text) == value


@pytest.mark.parametrize("text", ["teacher", "1.5", "", "32768", True])
def test_apaas_role_rejects(text: object) -> None:
    with pytest.raises(InputError):
        shapes.parse_apaas_role(text)  # type: ignore[arg-type]


def test_permissions_by_name_equal_by_number() -> None:
    named, _ = shapes.parse_permissions(
        {"messageChannels": {"read": ["a"], "WRITE": ["b"]}, "users": {"0": []}}
    )
    numbered, _ = shapes.parse_permissions({"0": {"0": ["a"], "1": ["b"]}, "4": {"0": []}})
    assert named == numbered
    with pytest.raises(InputError) as info:
        shapes.parse_permissions({"0": {}, "messagechannels": {}})
    assert "twice" in info.value.problem


@pytest.mark.parametrize("digits", ["²", "٣", "１２"])
def test_a_uid_of_digits_that_are_not_ascii_is_an_account_the_sdk_rules_apply_to(
    digits: str,
) -> None:
    """str.isdigit() takes them; validation.plain_number (a uid is ASCII digits) does not."""
    spec = compose.parse_compose(
        {"services": [{"type": "rtc", "channel_name": "c", "uid": digits, "privileges": {"1": 6}}]}
    )
    warned = [i for i in spec.request.parse_warnings if i.field == "services[0].uid"]
    assert warned and "is not allowed in a user account by the SDKs" in warned[0].message


@pytest.mark.parametrize(
    "spec",
    [
        {"services": [{"type": "9" * 5000}]},
        {"services": [{"type": "rtc", "privileges": {"9" * 5000: 60}}]},
        {"services": [{"type": "rtm2", "permissions": {"9" * 5000: {}}}]},
        {"services": [{"type": "apaas", "role": "9" * 5000}]},
    ],
    ids=["service type", "privilege", "resource type", "APaaS role"],
)
def test_a_number_of_thousands_of_digits_is_an_input_error_naming_its_place(
    spec: dict[str, Any],
) -> None:
    with pytest.raises(InputError) as refused:
        compose.parse_compose(spec)
    assert refused.value.field.startswith("services[0]")
