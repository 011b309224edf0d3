"""The full preset table of the REST reference, row by row, against the presets the product has.

A copy of the reference's table (facts about Agora's REST API): each row names
the method, the path template, the auth schemes the docs give (the default
first) and the token the preset builds. One deliberate difference: Flexible
Classroom's "create a classroom" is ``POST`` in Agora's Classroom REST
reference, which the product follows (README, "Signaling messages, Chat,
Flexible Classroom").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from credentials import APP_ID

from agora_desk.core import rest
from agora_desk.core.rest import AuthScheme
from agora_desk.core.rest.tokens import (
    ChatAppPlan,
    ConvoAiPlan,
    EducationPlan,
    RtcPlan,
    RtmPlan,
)

B, T, A, BEARER = AuthScheme.BASIC, AuthScheme.TOKEN, AuthScheme.ACCESS_TOKEN, AuthScheme.BEARER
CONVOAI = "/api/conversational-ai-agent/v2/projects/{app_id}"
AGENT = CONVOAI + "/agents/{agent_id}"
RECORDING = "/v1/apps/{app_id}/cloud_recording"
CALL = RECORDING + "/resourceid/{resource_id}"
RTM = "/dev/v2/project/{app_id}/rtm"

# name: (method, path, auths with the default first, plan built with the default token scheme)
TABLE: dict[str, tuple[str, str, tuple[AuthScheme, ...], type | None]] = {
    "projects": ("GET", "/dev/v1/projects", (B,), None),
    "convoai-join": ("POST", CONVOAI + "/join", (T, B), ConvoAiPlan),
    "convoai-leave": ("POST", AGENT + "/leave", (B, T), None),
    "convoai-update": ("POST", AGENT + "/update", (B, T), ConvoAiPlan),  # given --channel
    "convoai-query": ("GET", AGENT, (B, T), None),
    "convoai-list": ("GET", CONVOAI + "/agents", (B, T), None),
    "convoai-speak": ("POST", AGENT + "/speak", (B, T), None),
    "convoai-interrupt": ("POST", AGENT + "/interrupt", (B, T), None),
    "convoai-history": ("GET", AGENT + "/history", (B, T), None),
    "recording-acquire": ("POST", RECORDING + "/acquire", (B,), None),
    "recording-start": ("POST", CALL + "/mode/{mode}/start", (B,), RtcPlan),
    "recording-query": ("GET", CALL + "/sid/{sid}/mode/{mode}/query", (B,), None),
    "recording-update": ("POST", CALL + "/sid/{sid}/mode/{mode}/update", (B,), None),
    "recording-stop": ("POST", CALL + "/sid/{sid}/mode/{mode}/stop", (B,), None),
    "kicking-rule-create": ("POST", "/dev/v1/kicking-rule", (B,), None),
    "kicking-rule-list": ("GET", "/dev/v1/kicking-rule?appid={app_id}", (B,), None),
    "kicking-rule-update": ("PUT", "/dev/v1/kicking-rule", (B,), None),
    "kicking-rule-delete": ("DELETE", "/dev/v1/kicking-rule", (B,), None),
    "channel-list": ("GET", "/dev/v1/channel/{app_id}", (B,), None),
    "channel-users": ("GET", "/dev/v1/channel/user/{app_id}/{channel}", (B,), None),
    "channel-user-property": (
        "GET",
        "/dev/v1/channel/user/property/{app_id}/{uid}/{channel}",
        (B,),
        None,
    ),
    "rtm-user-events": ("GET", RTM + "/vendor/user_events", (T, A, B), RtmPlan),
    "rtm-channel-events": ("GET", RTM + "/vendor/channel_events", (T, A, B), RtmPlan),
    "rtm-peer-message": ("POST", RTM + "/users/{user_id}/peer_messages", (T, A, B), RtmPlan),
    "rtm-channel-message": (
        "POST",
        RTM + "/users/{user_id}/channel_messages",
        (T, A, B),
        RtmPlan,
    ),
    "chat-user-register": ("POST", "/{org}/{app_name}/users", (BEARER,), ChatAppPlan),
    "chat-user-get": ("GET", "/{org}/{app_name}/users/{user_id}", (BEARER,), ChatAppPlan),
    "classroom-room-create": (
        "POST",
        "/{region}/edu/apps/{app_id}/v2/rooms/{room_uuid}",
        (T,),
        EducationPlan,
    ),
}

# Every field filled, as a form that has been used for other presets is: a preset
# must build its own token from them (a Signaling call an RTM token, even with a channel).
PARAMS = rest.PresetParams(
    app_id=APP_ID,
    uid="527841",
    channel="class-1",
    agent_uid="1001",
    agent_id="A42",
    resource_id="RID",
    sid="SID",
    mode="mix",
    user_id="alice",
    rule_id="7",
    org="org",
    app_name="app",
    room_uuid="room-1",
    region="na",
)


def test_the_product_has_exactly_the_table_s_presets() -> None:
    assert list(rest.PRESETS) == list(TABLE)


@pytest.mark.parametrize("name", TABLE)
def test_each_preset_matches_its_row(name: str) -> None:
    method, path, auths, plan = TABLE[name]
    preset = rest.get_preset(name)
    assert (preset.method, preset.path) == (method, path)
    assert preset.default_auth is auths[0]
    assert set(preset.auths) == set(auths)
    built = preset.token_plan(PARAMS, preset.default_auth)
    assert (type(built) if built is not None else None) is plan


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("recording-acquire", {"cname", "uid", "clientRequest"}),
        ("recording-stop", {"cname", "uid", "clientRequest"}),
        ("kicking-rule-create", {"appid", "cname", "uid", "time", "privileges"}),
        ("kicking-rule-update", {"appid", "id", "time"}),
        ("kicking-rule-delete", {"appid", "id"}),
    ],
)
def test_documented_bodies(name: str, keys: set[str]) -> None:
    body = rest.get_preset(name).fill(PARAMS).body
    assert set(body) == keys
    if "privileges" in keys:
        assert body["privileges"] == ["join_channel"]


def test_docs_cli_md_names_every_preset() -> None:
    docs = (Path(__file__).resolve().parents[3] / "docs" / "cli.md").read_text(encoding="utf-8")
    table = docs[docs.index("| preset | request |") :]
    missing = [n for n in TABLE if n not in table and n.rsplit("-", 1)[-1] not in table]
    assert missing == []
