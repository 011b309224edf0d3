"""The Chat routes and /getToken apaas|fpa|convoai|stt over real HTTP on 127.0.0.1."""

from __future__ import annotations

import hashlib

import pytest
from _server_helpers import Reply, call, check_chat, parsed

from agora_desk.core.formats.v007_services import (
    ApaasService,
    ChatService,
    ConvoAiService,
    FpaService,
    RtcService,
    RtmService,
    SttService,
)
from agora_desk.server.runner import ServerHandle


def get_token(server: ServerHandle, body: object) -> Reply:
    return call(server.url, "POST", "/getToken", body)


@pytest.mark.parametrize("path", ["/chat/app", "/chat/app/", "/chat/app/?expiry=600"])
def test_chat_app(server: ServerHandle, path: str) -> None:
    reply = call(server.url, "GET", path)
    assert reply.status == 200
    check_chat(reply.json()["chatToken"], "", 600 if "expiry" in path else 3600)


@pytest.mark.parametrize(
    ("path", "user", "expire"),
    [("/chat/account/alice", "alice", 3600), ("/chat/account/bob/?expiry=90", "bob", 90)],
)
def test_chat_account(server: ServerHandle, path: str, user: str, expire: int) -> None:
    reply = call(server.url, "GET", path)
    assert reply.status == 200 and set(reply.json()) == {"chatToken"}
    check_chat(reply.json()["chatToken"], user, expire)


def test_apaas_app_user_and_room_user(server: ServerHandle) -> None:
    app = parsed(get_token(server, {"tokenType": "apaas"}).text)
    (service,) = app.services
    assert isinstance(service, ApaasService)
    assert (service.privileges, service.user_uuid, service.role) == ({3: 3600}, "", -1)

    user = parsed(get_token(server, {"tokenType": "APaaS", "uid": "u-1", "expire": 60}).text)
    (service,) = user.services
    assert isinstance(service, ApaasService)
    assert (service.privileges, service.user_uuid, user.expire) == ({2: 60}, "u-1", 60)

    body = {"tokenType": "apaas", "uid": "u-1", "roomUuid": "room-9", "role": 2}
    room = parsed(get_token(server, body).text)
    rtm, chat, apaas = room.services
    assert isinstance(apaas, ApaasService) and isinstance(rtm, RtmService)
    assert isinstance(chat, ChatService)
    assert (apaas.room_uuid, apaas.user_uuid, apaas.role, apaas.privileges) == (
        "room-9",
        "u-1",
        2,
        {1: 3600},
    )
    assert rtm.user_id == "u-1"
    assert chat.user_id == hashlib.md5(b"u-1").hexdigest()


def test_fpa_defaults_to_the_official_24_hours(server: ServerHandle) -> None:
    tok = parsed(get_token(server, {"tokenType": "fpa"}).text)
    (service,) = tok.services
    assert isinstance(service, FpaService)
    assert (tok.expire, service.privileges) == (86400, {1: 0})
    tok = parsed(get_token(server, {"tokenType": "fpa", "expire": 600}).text)
    assert tok.expire == 600


@pytest.mark.parametrize(("kind", "extra"), [("convoai", ConvoAiService), ("stt", SttService)])
def test_agents(server: ServerHandle, kind: str, extra: type) -> None:
    body = {"tokenType": kind, "channel": "room", "uid": 42, "role": "subscriber"}
    tok = parsed(get_token(server, body).text)
    rtc, rtm, agent = tok.services
    assert isinstance(rtc, RtcService) and isinstance(rtm, RtmService)
    assert isinstance(agent, extra)
    assert (rtc.channel_name, rtc.uid, rtc.privileges) == ("room", "42", {1: 3600})
    assert (rtm.user_id, rtm.privileges) == ("42", {1: 3600})

    body = {"tokenType": kind, "channel": "room", "uid": "bot", "rtmUid": "bot-rtm", "expire": 99}
    tok = parsed(get_token(server, body).text)
    rtc, rtm, _ = tok.services
    assert isinstance(rtc, RtcService) and isinstance(rtm, RtmService)
    assert (rtc.uid, rtc.privileges, rtm.user_id) == (
        "bot",
        dict.fromkeys((1, 2, 3, 4), 99),
        "bot-rtm",
    )


BAD = [
    ({"tokenType": "apaas", "roomUuid": "r"}, "roomUuid", "needs a uid"),
    ({"tokenType": "apaas", "uid": "u", "role": 1}, "role", "needs roomUuid"),
    ({"tokenType": "apaas", "uid": "u", "roomUuid": "r"}, "role", "missing"),
    (
        {"tokenType": "apaas", "uid": "u", "roomUuid": "r", "role": "teacher"},
        "role",
        "whole number",
    ),
    ({"tokenType": "apaas", "uid": "u", "roomUuid": "r", "role": 1.5}, "role", "whole number"),
    ({"tokenType": "apaas", "uid": "u", "roomUuid": "r", "role": 70000}, "role", "out of range"),
    ({"tokenType": "apaas", "uid": ["u"]}, "uid", "string"),
    ({"tokenType": "apaas", "uid": "u", "roomUuid": ""}, "roomUuid", "empty"),
    ({"tokenType": "fpa", "expire": -1}, "expire", "negative"),
    ({"tokenType": "convoai", "uid": 1}, "channel", "missing"),
    ({"tokenType": "convoai", "channel": "c"}, "uid", "missing"),
    ({"tokenType": "stt", "channel": "c", "uid": -4}, "uid", "out of range"),
    ({"tokenType": "stt", "channel": "c", "uid": 1, "role": "boss"}, "role", "not a role"),
    ({"tokenType": "stt", "channel": "c", "uid": 1, "rtmUid": ""}, "rtmUid", "empty"),
    ({"tokenType": "stt", "channel": "c", "uid": 1, "rtmUid": {}}, "rtmUid", "object"),
]


@pytest.mark.parametrize(("body", "field", "words"), BAD)
def test_bad_input_is_a_4xx_json_error_naming_the_field(
    server: ServerHandle, body: dict[str, object], field: str, words: str
) -> None:
    reply = get_token(server, body)
    assert reply.status == 400, reply.body
    assert reply.headers["content-type"].startswith("application/json")
    error = reply.json()["error"]
    assert error.startswith(field) and words in error, error


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/chat/app/?expiry=-1", "negative"),
        ("/chat/account/a/?expiry=soon", "whole number"),
        ("/chat/account/null", "null"),
    ],
)
def test_bad_chat_requests(server: ServerHandle, path: str, words: str) -> None:
    reply = call(server.url, "GET", path)
    if reply.status == 200:  # 'null' is only a warning: the token is made as asked
        assert words == "null"
        return
    assert reply.status == 400 and words in reply.json()["error"]
