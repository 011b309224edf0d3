"""Presets: paths, the ConvoAI join body and its token, token plans and fit."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from _rest_helpers import CREDS, rtm_token
from credentials import APP_ID

from agora_desk.core import rest
from agora_desk.core.builders import RtcRequest, build_rtc
from agora_desk.core.errors import InputError
from agora_desk.core.formats import v007
from agora_desk.core.rest import AuthScheme
from agora_desk.core.rest.presets import convoai
from agora_desk.core.rest.tokens import channel_token_issues

# -- presets -------------------------------------------------------------------------


def test_preset_paths() -> None:
    params = rest.PresetParams(app_id=APP_ID, agent_id="A42")
    assert rest.get_preset("projects").fill(params).path == "/dev/v1/projects"
    assert rest.get_preset("rtm-user-events").fill(params).path == (
        f"/dev/v2/project/{APP_ID}/rtm/vendor/user_events"
    )
    leave = rest.get_preset("convoai-leave").fill(params)
    assert leave.method == "POST"
    assert leave.path == f"/api/conversational-ai-agent/v2/projects/{APP_ID}/agents/A42/leave"
    with pytest.raises(InputError, match="agent id"):
        rest.get_preset("convoai-leave").fill(rest.PresetParams(app_id=APP_ID))
    with pytest.raises(InputError, match="not a preset"):
        rest.get_preset("nope")


@pytest.mark.parametrize(
    ("agent_uid", "string_uid", "enable_rtm", "wire_uid"),
    [("1001", False, True, "1001"), ("0", False, False, ""), ("bot-7", True, True, "bot-7")],
)
def test_convoai_join_token_and_body_agree(
    agent_uid: str, string_uid: bool, enable_rtm: bool, wire_uid: str
) -> None:
    params = rest.PresetParams(
        app_id=APP_ID,
        channel="demo",
        agent_uid=agent_uid,
        remote_uid="42" if not string_uid else "u1",
        enable_rtm=enable_rtm,
        string_uid=string_uid,
    )
    plan = rest.get_preset("convoai-join").token_plan(params, AuthScheme.TOKEN)
    assert isinstance(plan, rest.ConvoAiPlan)  # ConvoAITokenBuilder.buildToken's shape
    token = plan.build(CREDS).token
    filled = rest.get_preset("convoai-join").fill(
        params, token, {"properties": {"llm": {"url": "u"}}}
    )
    props = filled.body["properties"]
    assert props["token"] == token
    assert props["channel"] == "demo"
    assert props["agent_rtc_uid"] == agent_uid
    assert props["enable_string_uid"] is string_uid
    assert props["advanced_features"] == {"enable_rtm": enable_rtm}
    assert props["llm"] == {"url": "u"}
    parsed = v007.parse(token)
    rtc = [s for s in parsed.services if isinstance(s, v007.RtcService)]
    rtm = [s for s in parsed.services if isinstance(s, v007.RtmService)]
    assert [(s.channel_name, s.uid) for s in rtc] == [("demo", wire_uid)]
    assert [s.user_id for s in rtm] == [agent_uid]  # the official builder always logs in
    assert [s.service_type for s in parsed.services][-1] == v007.ConvoAiService.TYPE
    assert rest.check_token_for(token, params, rest.get_preset("convoai-join")) == []


def test_convoai_join_body_cannot_override_the_token() -> None:
    params = rest.PresetParams(app_id=APP_ID, channel="demo", agent_uid="7")
    filled = rest.get_preset("convoai-join").fill(
        params, "007real", {"properties": {"token": "007other"}}
    )
    assert filled.body["properties"]["token"] == "007real"


def test_convoai_params_from_body() -> None:
    body = {
        "name": "n1",
        "properties": {
            "channel": "c1",
            "agent_rtc_uid": "bot",
            "enable_string_uid": True,
            "advanced_features": {"enable_rtm": True},
            "remote_rtc_uids": ["u9"],
        },
    }
    params = convoai.params_from_body(rest.PresetParams(), body)
    assert (params.channel, params.agent_uid, params.name, params.remote_uid) == (
        "c1",
        "bot",
        "n1",
        "u9",
    )
    assert params.string_uid and params.enable_rtm
    with pytest.raises(InputError, match=r"properties\.channel"):
        convoai.params_from_body(rest.PresetParams(channel="other"), body)
    with pytest.raises(InputError, match="enable_rtm"):
        convoai.params_from_body(
            rest.PresetParams(enable_rtm=True),
            {"properties": {"advanced_features": {"enable_rtm": False}}},
        )


@pytest.mark.parametrize(
    ("params", "field"),
    [
        (rest.PresetParams(agent_uid="1"), "channel"),
        (rest.PresetParams(channel="c", agent_uid="bot"), "agent uid"),
        (rest.PresetParams(channel="c", agent_uid="4294967296"), "agent uid"),
        (rest.PresetParams(channel="c", agent_uid="1", remote_uid="x y"), "remote uid"),
    ],
)
def test_convoai_errors_name_the_field(params: rest.PresetParams, field: str) -> None:
    errors = [i for i in channel_token_issues(params) if i.level == "error"]
    assert errors and errors[0].field == field


@pytest.mark.parametrize("uid", ["bot", "²", "٤٢"])
def test_an_agent_uid_that_is_not_ascii_digits_points_at_string_uid(uid: str) -> None:
    (error,) = [
        i
        for i in channel_token_issues(rest.PresetParams(channel="c", agent_uid=uid))
        if i.level == "error"
    ]
    assert "turn on string uid" in error.message


def test_random_agent_uid_with_rtm_warns() -> None:
    issues = channel_token_issues(rest.PresetParams(channel="c", agent_uid="0", enable_rtm=True))
    assert [i.level for i in issues] == ["warning"]


def test_token_plans() -> None:
    assert rest.get_preset("projects").token_plan(rest.PresetParams(), AuthScheme.BASIC) is None
    plan = rest.get_preset("rtm-user-events").token_plan(
        rest.PresetParams(uid="bob"), AuthScheme.ACCESS_TOKEN
    )
    assert isinstance(plan, rest.RtmPlan) and plan.request.user_id == "bob"
    with pytest.raises(InputError) as info:
        rest.get_preset("rtm-user-events").token_plan(rest.PresetParams(), AuthScheme.TOKEN)
    assert info.value.field == "uid"
    with pytest.raises(InputError, match="token"):
        rest.get_preset("convoai-leave").token_plan(
            rest.PresetParams(agent_id="A"), AuthScheme.TOKEN
        )
    assert (
        rest.get_preset("convoai-leave").token_plan(
            rest.PresetParams(agent_id="A"), AuthScheme.BASIC
        )
        is None
    )


def test_pasted_token_checks() -> None:
    tok = rtm_token("alice")
    assert rest.token_user(tok) == "alice"
    assert (
        rest.check_token_for(
            tok, rest.PresetParams(uid="alice", app_id=APP_ID), rest.get_preset("rtm-user-events")
        )
        == []
    )
    issues = rest.check_token_for(
        tok, rest.PresetParams(uid="bob", app_id="0" * 32), rest.get_preset("rtm-user-events")
    )
    messages = " ".join(i.message for i in issues)
    assert "'alice'" in messages and "App ID" in messages
    expired = rtm_token(issued_at=1_000_000, expire=60)
    assert any(
        "expired" in i.message
        for i in rest.check_token_for(expired, rest.PresetParams(), rest.CUSTOM)
    )
    assert rest.check_token_for("006abc", rest.PresetParams(), rest.CUSTOM)[0].field == "token"


@pytest.mark.parametrize(
    ("pasted", "reason"),
    [
        (lambda t: t + ".", "only once cleaned (removed 1 character after the end of the token"),
        (lambda t: t[:80], "cut off after 80 characters"),
        (lambda t: t[:40] + "…", "shortened with '…'"),
        (lambda t: "hello", "not an Agora token"),
        (lambda t: "006" + APP_ID + "IAB", "cut off"),
    ],
    ids=["text-after", "cut", "shortened", "garbage", "006-cut"],
)
def test_a_pasted_token_that_is_not_sendable_says_why_as_decode_does(
    pasted: Callable[[str], str], reason: str
) -> None:
    token = pasted(rtm_token("alice"))
    (issue,) = rest.check_token_for(token, rest.PresetParams(uid="alice"), rest.CUSTOM)
    assert issue.field == "token" and reason in issue.message, issue.message
    cause = rest.token_cause(token, rest.PresetParams(uid="alice"), rest.CUSTOM)
    assert cause is not None and reason in cause and "the token the token" not in cause


def recorder_token(uid: int) -> str:
    request = RtcRequest(channel="c", uid=uid, account=None, role="publisher", expire=3600)
    return build_rtc(CREDS, request).token


@pytest.mark.parametrize("name", ["recording-acquire", "recording-start", "convoai-join"])
@pytest.mark.parametrize("typed", ["²", "٣", "9" * 5000, " 5"])
def test_a_uid_int_cannot_read_is_a_misfit_not_a_crash(name: str, typed: str) -> None:
    """str.isdigit() takes '²' and Arabic digits; int() refuses them, and 5,000 digits."""
    params = rest.PresetParams(channel="c", uid=typed, agent_uid=typed)
    issues = rest.check_token_for(recorder_token(5), params, rest.get_preset(name))
    assert all(i.field == "token" for i in issues)


def test_the_recorder_uid_is_checked_as_a_number() -> None:
    params = rest.PresetParams(channel="c", uid="5")
    preset = rest.get_preset("recording-acquire")
    assert rest.check_token_for(recorder_token(5), params, preset) == []
    (issue,) = rest.check_token_for(recorder_token(6), params, preset)
    assert "uid 6" in issue.message


def test_saved_numbers_are_read_back_only_when_they_are_plain_digits() -> None:
    assert rest.PresetParams.from_json({"idle_timeout": "42"}).idle_timeout == 42
    assert rest.PresetParams.from_json({"idle_timeout": 42}).idle_timeout == 42
    for junk in ("²", "-1", "4.2", "9" * 5000):
        read = rest.PresetParams.from_json({"idle_timeout": junk})
        assert read.idle_timeout == rest.PresetParams().idle_timeout, junk
