"""Every preset of `agora-desk request` against the fake Agora API, which checks auth as documented."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from _rest_server import APP_CERTIFICATE, APP_ID, CUSTOMER_ID, CUSTOMER_SECRET, FakeAgora

from agora_desk.cli.main import main
from agora_desk.core import rest
from agora_desk.core.builders import RtmRequest, build_rtm
from agora_desk.core.credentials import Credentials
from agora_desk.core.secret import Secret


@pytest.fixture(scope="module")
def fake(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeAgora]:
    server = FakeAgora(tmp_path_factory.mktemp("fake-agora"))
    yield server
    server.close()


@pytest.fixture(autouse=True)
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGORA_APP_ID", APP_ID)
    monkeypatch.setenv("AGORA_APP_CERTIFICATE", APP_CERTIFICATE)
    monkeypatch.setenv("AGORA_CUSTOMER_ID", CUSTOMER_ID)
    monkeypatch.setenv("AGORA_CUSTOMER_SECRET", CUSTOMER_SECRET)


def run(capsys: pytest.CaptureFixture[str], fake: FakeAgora, *argv: str) -> tuple[int, str, str]:
    code = main(["request", *argv, "--base-url", fake.base_url, "--ca-file", fake.ca_file])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert CUSTOMER_SECRET not in out + err and APP_CERTIFICATE not in out + err
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], fake: FakeAgora, *argv: str) -> dict:
    code, out, err = run(capsys, fake, *argv)
    assert code == 0, err
    return json.loads(out)


def test_every_documented_preset_is_there() -> None:
    assert len(rest.PRESETS) == 28
    for preset in rest.PRESETS.values():
        assert preset.auths and preset.default_auth in preset.auths, preset.name
        assert preset.title and preset.description


def test_convoai_calls_on_a_running_agent(
    capsys: pytest.CaptureFixture[str], fake: FakeAgora
) -> None:
    join = ok(capsys, fake, "--preset", "convoai-join", "--channel", "c1", "--agent-uid", "77")
    agent = join["agent_id"]
    for name, extra in (
        ("convoai-query", []),
        ("convoai-update", ["--body", '{"properties": {"llm": {"params": {}}}}']),
        ("convoai-speak", ["--body", '{"text": "hello"}']),
        ("convoai-interrupt", []),
        ("convoai-history", []),
    ):
        assert ok(capsys, fake, "--preset", name, "--agent-id", agent, *extra)["agent_id"] == agent
    # Given the channel and agent uid, update carries a fresh agent token.
    ok(capsys, fake, "--preset", "convoai-update", "--agent-id", agent, "--channel", "c1", "--agent-uid", "77")  # fmt: skip
    sent = json.loads(
        fake.seen(f"/api/conversational-ai-agent/v2/projects/{APP_ID}/agents/{agent}/update")[
            -1
        ].body
    )
    from agora_desk.core.formats import v007

    rtc = [
        s
        for s in v007.parse(sent["properties"]["token"]).services
        if isinstance(s, v007.RtcService)
    ]
    assert [(s.channel_name, s.uid) for s in rtc] == [("c1", "77")]
    listed = ok(capsys, fake, "--preset", "convoai-list")
    assert {"agent_id": agent} in listed["data"]["list"]
    code, _out, err = run(capsys, fake, "--preset", "convoai-speak", "--agent-id", agent)
    assert code == 1 and "400" in err
    code, _out, err = run(capsys, fake, "--preset", "convoai-query", "--agent-id", "NOPE")
    assert code == 1 and "TaskNotFound" in err
    code, _out, err = run(capsys, fake, "--preset", "convoai-query")
    assert code == 2 and "--agent-id" in err


def test_cloud_recording_keeps_cname_and_uid(
    capsys: pytest.CaptureFixture[str], fake: FakeAgora
) -> None:
    who = ("--channel", "class-1", "--uid", "527841")
    rid = ok(capsys, fake, "--preset", "recording-acquire", *who)["resourceId"]
    call = ("--resource-id", rid, "--mode", "mix")
    started = ok(capsys, fake, "--preset", "recording-start", *who, *call)
    sid = started["sid"]
    sent = json.loads(fake.seen(f"/v1/apps/{APP_ID}/cloud_recording/resourceid/")[-1].body)
    assert (sent["cname"], sent["uid"]) == ("class-1", "527841")
    assert sent["clientRequest"]["token"].startswith("007")
    for name in ("recording-query", "recording-update", "recording-stop"):
        answer = ok(capsys, fake, "--preset", name, *who, *call, "--sid", sid)
        assert answer["sid"] == sid
    # The fake server refuses another uid than acquire's; the preset never sends one.
    code, _out, err = run(
        capsys, fake, "--preset", "recording-update", "--channel", "class-1", "--uid", "9",
        *call, "--sid", sid,
    )  # fmt: skip
    assert code == 1 and "acquire" in err


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--preset", "recording-acquire", "--channel", "c", "--uid", "0"], "non-zero"),
        (["--preset", "recording-acquire", "--channel", "c", "--uid", "bot"], "number"),
        (["--preset", "recording-acquire", "--uid", "5"], "--channel"),
        (["--preset", "recording-start", "--channel", "c", "--uid", "5", "--mode", "mix"], "--resource-id"),
        (["--preset", "recording-start", "--channel", "c", "--uid", "5", "--resource-id", "R", "--mode", "all"], "--mode"),
        (["--preset", "rtm-peer-message"], "--user-id"),
        (["--preset", "chat-user-get", "--org", "o", "--app-name", "a"], "--user-id"),
        (["--preset", "classroom-room-create", "--room-uuid", "r", "--user-id", "u", "--region", "mars"], "--region"),
        (["--preset", "kicking-rule-delete"], "--rule-id"),
    ],
)  # fmt: skip
def test_preset_fields_are_checked_before_sending(
    capsys: pytest.CaptureFixture[str], fake: FakeAgora, argv: list[str], words: str
) -> None:
    before = len(fake.seen())
    code, _out, err = run(capsys, fake, *argv)
    assert code == 2 and words in err, err
    assert len(fake.seen()) == before


def test_kicking_rules_and_channel_management(
    capsys: pytest.CaptureFixture[str], fake: FakeAgora
) -> None:
    rule = ok(capsys, fake, "--preset", "kicking-rule-create", "--channel", "c", "--uid", "42")
    rule_id = str(rule["id"])
    rules = ok(capsys, fake, "--preset", "kicking-rule-list")["rules"]
    assert any(r["id"] == rule["id"] and r["cname"] == "c" and r["uid"] == 42 for r in rules)
    ok(
        capsys,
        fake,
        "--preset",
        "kicking-rule-update",
        "--rule-id",
        rule_id,
        "--body",
        '{"time": 5}',
    )
    assert fake.state.rules[rule["id"]]["time"] == 5
    ok(capsys, fake, "--preset", "kicking-rule-delete", "--rule-id", rule_id)
    assert rule["id"] not in fake.state.rules
    assert ok(capsys, fake, "--preset", "channel-list")["success"]
    users = ok(capsys, fake, "--preset", "channel-users", "--channel", "room 1")
    assert users["data"]["parts"] == ["user", APP_ID, "room%201"]
    prop = ok(capsys, fake, "--preset", "channel-user-property", "--channel", "c", "--uid", "42")
    assert prop["data"]["parts"] == ["user", "property", APP_ID, "42", "c"]


def test_signaling_messages_use_the_path_users_token(
    capsys: pytest.CaptureFixture[str], fake: FakeAgora
) -> None:
    body = json.dumps({"destination": "bob", "payload": "hi"})
    for auth in ("token", "access-token", "basic"):
        ok(capsys, fake, "--preset", "rtm-peer-message", "--user-id", "alice", "--auth", auth, "--body", body)  # fmt: skip
    seen = fake.seen(f"/dev/v2/project/{APP_ID}/rtm/users/alice/")[-2]
    assert seen.headers.get("x-agora-uid") == "alice"
    ok(capsys, fake, "--preset", "rtm-channel-message", "--user-id", "alice", "--body", '{"channel_name": "c", "payload": "x"}')  # fmt: skip
    ok(capsys, fake, "--preset", "rtm-channel-events", "--uid", "alice")
    # A pasted token of another user: a warning before sending, 403 after.
    bob = build_rtm(Credentials(APP_ID, Secret(APP_CERTIFICATE)), RtmRequest("bob")).token
    code, _out, err = run(
        capsys, fake, "--preset", "rtm-peer-message", "--user-id", "alice", "--token", bob, "--body", body
    )  # fmt: skip
    assert code == 1 and "'bob', not 'alice'" in err and "403" in err
    assert bob not in err


def test_chat_uses_a_bearer_app_token(capsys: pytest.CaptureFixture[str], fake: FakeAgora) -> None:
    names = ("--org", "o1", "--app-name", "a1")
    made = ok(capsys, fake, "--preset", "chat-user-register", *names, "--user-id", "u1", "--body", '{"password": "pw-123456789"}')  # fmt: skip
    assert made["entities"] == [{"username": "u1"}]
    seen = fake.seen("/o1/a1/users")[-1]
    assert seen.headers["Authorization"].startswith("Bearer 007")
    assert ok(capsys, fake, "--preset", "chat-user-get", *names, "--user-id", "u1")["entities"]
    code, out, _err = run(capsys, fake, "--preset", "chat-user-get", *names, "--user-id", "u1", "--curl")  # fmt: skip
    assert code == 0 and "Authorization: Bearer ${AGORA_TOKEN}" in out


def test_chat_defaults_to_the_chat_host(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["request", "--preset", "chat-user-get", "--org", "o", "--app-name", "a", "--user-id", "u", "--curl"])  # fmt: skip
    out, _err = capsys.readouterr()
    assert code == 0 and "https://a41.chat.agora.io/o/a/users/u" in out


def test_classroom_uses_an_education_token(
    capsys: pytest.CaptureFixture[str], fake: FakeAgora
) -> None:
    answer = ok(capsys, fake, "--preset", "classroom-room-create", "--region", "na", "--room-uuid", "room-1", "--user-id", "teacher-1")  # fmt: skip
    assert answer["data"]["roomUuid"] == "room-1"
    seen = fake.seen("/na/edu/")[-1]
    token = seen.headers["Authorization"].removeprefix("agora token=")
    from agora_desk.core.formats import v007

    apaas = [s for s in v007.parse(token).services if isinstance(s, v007.ApaasService)]
    assert [s.user_uuid for s in apaas] == ["teacher-1"]
