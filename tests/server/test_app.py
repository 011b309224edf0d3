"""The token server over real HTTP on 127.0.0.1: every endpoint, every token verified."""

from __future__ import annotations

import http.client
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from _server_helpers import (
    APP_ID,
    CERT,
    PUBLISHER,
    SUBSCRIBER,
    RecordSink,
    Reply,
    call,
    check_chat,
    check_rtc,
    check_rtm,
    config,
    parsed,
    serving,
)

from agora_desk.core import builders, shapes
from agora_desk.core.builders import RtcRequest, RtmRequest, Stamp
from agora_desk.core.credentials import Credentials
from agora_desk.core.secret import Secret
from agora_desk.server.requestlog import LogEntry, RequestRecord, log_text
from agora_desk.server.runner import ServerHandle, start_server


def post(handle: ServerHandle, path: str, body: object) -> Reply:
    return call(handle.url, "POST", path, body)


def get(handle: ServerHandle, path: str) -> Reply:
    return call(handle.url, "GET", path)


def test_tokens_are_the_plain_builders_bytes(
    server: ServerHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server's fast path signs what the builders sign (which match the official ones)."""
    stamp = Stamp(issued_at=int(time.time()), salt=4242)
    monkeypatch.setattr(builders, "_NOW", stamp)  # what a request's token is stamped with
    creds = Credentials(APP_ID, Secret(CERT))
    rtc = get(server, "/rtc/demo/publisher/uid/42/?expiry=600").json()["rtcToken"]
    assert rtc == builders.build_rtc(creds, RtcRequest("demo", 42, expire=600), stamp).token
    rtm = get(server, "/rtm/alice/?expiry=600").json()["rtmToken"]
    assert rtm == builders.build_rtm(creds, RtmRequest("alice", 600), stamp).token
    chat = get(server, "/chat/app/?expiry=600").json()["chatToken"]
    assert chat == shapes.build(creds, shapes.ChatAppRequest(600), stamp).token


def test_ping(server: ServerHandle) -> None:
    reply = get(server, "/ping")
    assert reply.status == 200
    assert reply.json() == {"message": "pong"}
    assert reply.headers["content-type"].startswith("application/json")


# -- the Signaling sample server's endpoints ---------------------------------------


@pytest.mark.parametrize(
    ("uid", "user_id"),
    [("alice", "alice"), ("42", "42"), (42, "42"), ("user@example", "user@example")],
)
def test_fetch_rtm_token(server: ServerHandle, uid: object, user_id: str) -> None:
    reply = post(server, "/fetch_rtm_token", {"uid": uid})
    assert reply.status == 200
    body = reply.json()
    assert body["code"] == "200"
    check_rtm(body["token"], user_id, 3600)


def test_fetch_rtm_token_with_expire(server: ServerHandle) -> None:
    body = post(server, "/fetch_rtm_token", {"uid": "bob", "expire": 600}).json()
    check_rtm(body["token"], "bob", 600)


@pytest.mark.parametrize(
    ("uid", "wire_uid"),
    [(0, ""), (12345, "12345"), ("12345", "12345"), ("4294967295", "4294967295"), ("bob", "bob")],
)
@pytest.mark.parametrize(
    ("role", "privileges"),
    [("publisher", PUBLISHER), ("subscriber", SUBSCRIBER), (1, PUBLISHER), ("2", SUBSCRIBER)],
)
def test_fetch_rtc_token(
    server: ServerHandle, uid: object, wire_uid: str, role: object, privileges: set[int]
) -> None:
    reply = post(
        server, "/fetch_rtc_token", {"channel": "demo", "uid": uid, "role": role, "expire": 900}
    )
    assert reply.status == 200, reply.body
    body = reply.json()
    assert body["code"] == "200"
    check_rtc(body["token"], "demo", wire_uid, privileges, 900)


def test_fetch_rtc_token_defaults_to_publisher_and_server_expiry(server: ServerHandle) -> None:
    body = post(server, "/fetch_rtc_token", {"channel": "demo", "uid": 7}).json()
    check_rtc(body["token"], "demo", "7", PUBLISHER, 3600)


# -- the community token service's endpoints ---------------------------------------


@pytest.mark.parametrize("slash", ["", "/"])
@pytest.mark.parametrize(
    ("role", "privileges"), [("publisher", PUBLISHER), ("subscriber", SUBSCRIBER)]
)
def test_rtc_path_uid(server: ServerHandle, slash: str, role: str, privileges: set[int]) -> None:
    reply = get(server, f"/rtc/my-channel/{role}/uid/1234{slash}?expiry=120")
    assert reply.status == 200, reply.body
    check_rtc(reply.json()["rtcToken"], "my-channel", "1234", privileges, 120)


def test_rtc_path_user_account_and_default_expiry(server: ServerHandle) -> None:
    reply = get(server, "/rtc/room%201/subscriber/userAccount/alice%40home/")
    assert reply.status == 200, reply.body
    check_rtc(reply.json()["rtcToken"], "room 1", "alice@home", SUBSCRIBER, 3600)


def test_rtc_path_uid_zero_is_any_user(server: ServerHandle) -> None:
    reply = get(server, "/rtc/c/publisher/uid/0")
    check_rtc(reply.json()["rtcToken"], "c", "", PUBLISHER, 3600)


@pytest.mark.parametrize("path", ["/rtm/carol", "/rtm/carol/", "/rtm/carol/?expiry=30"])
def test_rtm_path(server: ServerHandle, path: str) -> None:
    reply = get(server, path)
    assert reply.status == 200
    check_rtm(reply.json()["rtmToken"], "carol", 30 if "expiry" in path else 3600)


@pytest.mark.parametrize(
    ("tokentype", "uid", "wire_uid"), [("uid", "99", "99"), ("userAccount", "dave", "dave")]
)
def test_rte_path(server: ServerHandle, tokentype: str, uid: str, wire_uid: str) -> None:
    reply = get(server, f"/rte/chan/subscriber/{tokentype}/{uid}/?expiry=300")
    assert reply.status == 200, reply.body
    body = reply.json()
    assert set(body) == {"rtcToken", "rtmToken"}
    check_rtc(body["rtcToken"], "chan", wire_uid, SUBSCRIBER, 300)
    check_rtm(body["rtmToken"], uid, 300)


def test_get_token_rtc(server: ServerHandle) -> None:
    reply = post(
        server,
        "/getToken",
        {"tokenType": "rtc", "channel": "x", "role": "subscriber", "uid": "77", "expire": 60},
    )
    assert reply.status == 200, reply.body
    assert reply.headers["content-type"].startswith("text/plain")
    check_rtc(reply.text, "x", "77", SUBSCRIBER, 60)


def test_get_token_rtc_account(server: ServerHandle) -> None:
    reply = post(
        server, "/getToken", {"tokenType": "rtc", "channel": "x", "role": "publisher", "uid": "eve"}
    )
    check_rtc(reply.text, "x", "eve", PUBLISHER, 3600)


def test_get_token_rtm(server: ServerHandle) -> None:
    reply = post(server, "/getToken", {"tokenType": "rtm", "uid": "frank", "expire": 45})
    assert reply.status == 200, reply.body
    check_rtm(reply.text, "frank", 45)


@pytest.mark.parametrize("body", [{"tokenType": "chat"}, {"tokenType": "chat", "uid": ""}])
def test_get_token_chat_app_token(server: ServerHandle, body: dict[str, object]) -> None:
    reply = post(server, "/getToken", {**body, "expire": 500})
    assert reply.status == 200, reply.body
    check_chat(reply.text, "", 500)


@pytest.mark.parametrize(("uid", "user_id"), [("grace", "grace"), (5, "5")])
def test_get_token_chat_user_token(server: ServerHandle, uid: object, user_id: str) -> None:
    reply = post(server, "/getToken", {"tokenType": "chat", "uid": uid})
    assert reply.status == 200, reply.body
    check_chat(reply.text, user_id, 3600)


def test_expire_zero_means_the_server_default(server: ServerHandle) -> None:
    body = post(server, "/fetch_rtm_token", {"uid": "z", "expire": 0}).json()
    check_rtm(body["token"], "z", 3600)


def test_default_expiry_comes_from_the_config() -> None:
    with serving(default_expire=1234) as handle:
        check_rtm(get(handle, "/rtm/u").json()["rtmToken"], "u", 1234)
        body = post(handle, "/fetch_rtc_token", {"channel": "c", "uid": 1}).json()
        check_rtc(body["token"], "c", "1", PUBLISHER, 1234)


def test_tokens_are_fresh_per_request(server: ServerHandle) -> None:
    first = get(server, "/rtm/same").json()["rtmToken"]
    second = get(server, "/rtm/same").json()["rtmToken"]
    assert first != second  # a new salt each time
    assert parsed(first).salt != parsed(second).salt


# -- bad input ------------------------------------------------------------------------

BAD_JSON = [
    ("POST", "/fetch_rtm_token", b"{not json", 400, "not valid JSON"),
    ("POST", "/fetch_rtc_token", b'{"channel": "c", "uid": 1', 400, "not valid JSON"),
    ("POST", "/getToken", b"", 400, "empty"),
    ("POST", "/getToken", b"[1, 2]", 400, "JSON object"),
    ("POST", "/getToken", b'"rtc"', 400, "JSON object"),
    ("POST", "/getToken", b"\xff\xfe{}", 400, "UTF-8"),
]


@pytest.mark.parametrize(("method", "path", "raw", "status", "words"), BAD_JSON)
def test_malformed_bodies(
    server: ServerHandle, method: str, path: str, raw: bytes, status: int, words: str
) -> None:
    reply = call(server.url, method, path, raw=raw, headers={"Content-Type": "application/json"})
    assert_error(reply, status, words)


BAD_FIELDS = [
    ("/fetch_rtm_token", {}, "uid", "missing"),
    ("/fetch_rtm_token", {"uid": ""}, "uid", "empty"),
    ("/fetch_rtm_token", {"uid": None}, "uid", "missing"),
    ("/fetch_rtm_token", {"uid": ["a"]}, "uid", "array"),
    ("/fetch_rtm_token", {"uid": True}, "uid", "boolean"),
    ("/fetch_rtm_token", {"uid": "a", "expire": -5}, "expire", "negative"),
    ("/fetch_rtm_token", {"uid": "a", "expire": "soon"}, "expire", "whole number"),
    ("/fetch_rtm_token", {"uid": "a", "expire": 1.5}, "expire", "whole number"),
    ("/fetch_rtc_token", {"uid": 1}, "channel", "missing"),
    ("/fetch_rtc_token", {"channel": "", "uid": 1}, "channel", "empty"),
    ("/fetch_rtc_token", {"channel": 5, "uid": 1}, "channel", "string"),
    ("/fetch_rtc_token", {"channel": "c"}, "uid", "missing"),
    ("/fetch_rtc_token", {"channel": "c", "uid": -1}, "uid", "out of range"),
    ("/fetch_rtc_token", {"channel": "c", "uid": 4294967296}, "uid", "out of range"),
    ("/fetch_rtc_token", {"channel": "c", "uid": "4294967296"}, "uid", "out of range"),
    ("/fetch_rtc_token", {"channel": "c", "uid": 1.5}, "uid", "number or a string"),
    ("/fetch_rtc_token", {"channel": "c", "uid": ""}, "uid", "empty"),
    ("/fetch_rtc_token", {"channel": "c", "uid": 1, "role": "admin"}, "role", "not a role"),
    ("/fetch_rtc_token", {"channel": "c", "uid": 1, "role": 3}, "role", "not a role"),
    ("/fetch_rtc_token", {"channel": "c", "uid": 1, "role": {}}, "role", "publisher"),
    ("/getToken", {}, "tokenType", "missing"),
    ("/getToken", {"tokenType": "voip"}, "tokenType", "rtc, rtm, chat, apaas, fpa, convoai or stt"),
    ("/getToken", {"tokenType": "rtc", "uid": 1}, "channel", "missing"),
    ("/getToken", {"tokenType": "rtc", "channel": "c"}, "uid", "missing"),
    (
        "/getToken",
        {"tokenType": "rtc", "channel": "c", "uid": 1, "role": "x"},
        "role",
        "not a role",
    ),
    ("/getToken", {"tokenType": "rtm"}, "uid", "missing"),
    ("/getToken", {"tokenType": "chat", "uid": 1, "expire": "-3"}, "expire", "negative"),
]


@pytest.mark.parametrize(("path", "body", "field", "words"), BAD_FIELDS)
def test_bad_fields(
    server: ServerHandle, path: str, body: dict[str, object], field: str, words: str
) -> None:
    reply = post(server, path, body)
    assert_error(reply, 400, field)
    assert words in reply.json()["error"]


BAD_PATHS = [
    ("/rtc/c/publisher/uid/abc", "uid", "not a whole number"),
    ("/rtc/c/publisher/uid/12a/", "uid", "userAccount"),
    ("/rte/c/publisher/uid/bob/", "uid", "not a whole number"),
    ("/rtc/c/publisher/uid/99999999999", "uid", "out of range"),
    ("/rtc/c/admin/uid/1", "role", "not a role"),
    ("/rte/c/owner/uid/1", "role", "not a role"),
    ("/rtc/c/publisher/email/1", "tokentype", "uid or userAccount"),
    ("/rtc/c/publisher/uid/1?expiry=-10", "expiry", "negative"),
    ("/rtc/c/publisher/uid/1?expiry=abc", "expiry", "whole number"),
    ("/rtm/u?expiry=1.5", "expiry", "whole number"),
    ("/rte/c/publisher/uid/1/?expiry=", "expiry", "whole number"),
]


@pytest.mark.parametrize(("path", "field", "words"), BAD_PATHS)
def test_bad_paths(server: ServerHandle, path: str, field: str, words: str) -> None:
    reply = get(server, path)
    assert_error(reply, 400, field)
    assert words in reply.json()["error"]


@pytest.mark.parametrize(
    "path", ["/", "/nope", "/rtc/only/three/parts", "/rtm", "/rtc/c/publisher/uid/1/extra"]
)
def test_unknown_routes_are_404_json(server: ServerHandle, path: str) -> None:
    reply = get(server, path)
    assert_error(reply, 404, "no endpoint")
    assert "/fetch_rtm_token" in reply.json()["error"]  # it lists what exists


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("GET", "/fetch_rtm_token", "POST"),
        ("GET", "/getToken", "POST"),
        ("POST", "/ping", "GET"),
        ("DELETE", "/rtm/u", "GET"),
    ],
)
def test_wrong_method_is_405_json(
    server: ServerHandle, method: str, path: str, allowed: str
) -> None:
    reply = call(server.url, method, path)
    assert_error(reply, 405, method)
    assert f"use {allowed}" in reply.json()["error"]


def test_fetch_errors_carry_the_sample_servers_code_field(server: ServerHandle) -> None:
    reply = post(server, "/fetch_rtm_token", {})
    assert reply.json()["code"] == "400"


def test_oversize_body_with_content_length_is_413(server: ServerHandle) -> None:
    big = {"tokenType": "rtm", "uid": "a", "pad": "x" * 20_000}
    assert_error(post(server, "/getToken", big), 413, "larger than 16384 bytes")


def test_oversize_chunked_body_is_413(server: ServerHandle) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        chunks = iter([b'{"uid": "', b"y" * 10_000, b"z" * 10_000, b'"}'])
        conn.request(
            "POST",
            "/fetch_rtm_token",
            body=chunks,
            headers={"Content-Type": "application/json"},
            encode_chunked=True,
        )
        response = conn.getresponse()
        reply = Reply(
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            response.read(),
        )
    finally:
        conn.close()
    assert_error(reply, 413, "larger than")


def test_body_just_under_the_limit_is_fine(server: ServerHandle) -> None:
    body = {"uid": "a", "pad": "x" * 15_000}
    reply = post(server, "/fetch_rtm_token", body)
    assert reply.status == 200
    check_rtm(reply.json()["token"], "a", 3600)


def test_unexpected_errors_answer_json_without_details(
    server: ServerHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    import agora_desk.server.handlers as handlers

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("internal detail " + CERT)

    monkeypatch.setattr(handlers, "build_rtm", broken)
    reply = get(server, "/rtm/u")
    assert_error(reply, 500, "RuntimeError")
    assert CERT not in reply.text and "internal detail" not in reply.text


def assert_error(reply: Reply, status: int, words: str) -> None:
    assert reply.status == status, (reply.status, reply.body)
    assert reply.headers["content-type"].startswith("application/json")
    body = reply.json()
    assert isinstance(body.get("error"), str) and body["error"]
    assert words in body["error"], body["error"]
    assert "Traceback" not in body["error"]


# -- concurrency ---------------------------------------------------------------------


def test_concurrent_requests_all_get_valid_tokens(server: ServerHandle) -> None:
    def one(i: int) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
        try:
            reply = call(
                server.url,
                "POST",
                "/fetch_rtc_token",
                {"channel": f"ch{i}", "uid": i, "role": "subscriber"},
                conn=conn,
            )
            again = call(server.url, "GET", f"/rtm/user{i}", conn=conn)  # keep-alive reuse
        finally:
            conn.close()
        assert reply.status == 200 and again.status == 200
        check_rtm(again.json()["rtmToken"], f"user{i}", 3600)
        return i, reply.json()["token"]

    with ThreadPoolExecutor(max_workers=32) as pool:
        results = list(pool.map(one, range(160)))
    for i, token in results:
        check_rtc(token, f"ch{i}", str(i) if i else "", SUBSCRIBER, 3600)
    assert len({token for _, token in results}) == len(results)


# -- request log -------------------------------------------------------------------


def test_request_log_records_without_tokens() -> None:
    sink = RecordSink()
    with serving(sink) as handle:
        token = post(handle, "/fetch_rtc_token", {"channel": "logged", "uid": 31}).json()["token"]
        get(handle, "/rtc/c/publisher/uid/abc")
        get(handle, f"/nope/{token}")  # a token pasted into a URL is not logged either
        get(handle, "/rtm/" + "x" * 300)  # long, but a valid user ID: the log clips it
    ok, bad, unknown, long_uid = sink.records
    assert (ok.method, ok.endpoint, ok.channel, ok.uid, ok.status) == (
        "POST",
        "/fetch_rtc_token",
        "logged",
        "31",
        200,
    )
    assert ok.duration_ms >= 0 and ok.time.tzinfo is not None
    assert (bad.endpoint, bad.status) == ("/rtc", 400)
    assert "not a whole number" in bad.detail
    assert unknown.status == 404
    assert token[:6] in unknown.endpoint and token not in unknown.endpoint
    assert len(long_uid.uid) < 60 and long_uid.uid.endswith("…")
    for record in sink.records:
        text = repr(record) + record.format_line()
        assert token not in text and token[10:40] not in text
        assert CERT not in text
    assert "POST /fetch_rtc_token channel=logged uid=31 200" in ok.format_line()


def test_request_log_names_the_token_type_and_role() -> None:
    sink = RecordSink()
    with serving(sink) as handle:
        get(handle, "/rte/c/subscriber/uid/7")
        post(handle, "/getToken", {"tokenType": "chat", "uid": "alice"})
        post(handle, "/fetch_rtm_token", {"uid": "bob"})
        get(handle, "/rtc/c/admin/uid/1")  # a bad role is logged as asked
    both, chat, rtm, bad = sink.records
    assert (both.token_type, both.role) == ("rtc+rtm", "subscriber")
    assert (chat.token_type, chat.role) == ("chat", "")
    assert (rtm.token_type, rtm.role) == ("rtm", "")
    assert (bad.token_type, bad.role, bad.status) == ("rtc", "admin", 400)


def test_warnings_reach_the_log() -> None:
    sink = RecordSink()
    with serving(sink) as handle:
        for body in (
            {"channel": "has/slash", "uid": 1},
            {"channel": "c", "uid": 1, "expire": 90000},
        ):
            reply = post(handle, "/fetch_rtc_token", body)
            assert reply.status == 200  # an SDK-rule warning still gives the token
    slash, long_expiry = sink.records
    assert "'/' at position 4 is not allowed" in slash.detail
    assert "86400" in long_expiry.detail


def test_raw_log_entries_give_the_lines_and_fields_of_records() -> None:
    """``on_entry`` (the CLI's sink) sees what a record callback sees, shown only when read."""
    entries: list[LogEntry] = []
    handle = start_server(config(), "127.0.0.1", 0, on_entry=entries.append)
    try:
        token = post(handle, "/fetch_rtc_token", {"channel": "has/slash", "uid": 31}).json()[
            "token"
        ]
        get(handle, "/rte/c/subscriber/uid/7")
        get(handle, f"/nope/{token}")
        get(handle, "/rtm/" + "x" * 300)
    finally:
        handle.stop()
    slash, both, unknown, long_uid = (RequestRecord.of(e) for e in entries)
    assert (slash.channel, slash.uid, slash.status) == ("has/slash", "31", 200)
    assert "'/' at position 4 is not allowed" in slash.detail
    assert (both.token_type, both.role, both.channel, both.uid) == (
        "rtc+rtm",
        "subscriber",
        "c",
        "7",
    )
    assert unknown.status == 404 and long_uid.uid.endswith("…")
    text = log_text(entries)
    assert text.splitlines() == [r.format_line() for r in (slash, both, unknown, long_uid)]
    assert token not in text and token[10:40] not in text and CERT not in text
    assert "GET /rte channel=c uid=7 200 " in text


def test_a_failing_log_callback_does_not_break_serving() -> None:
    def broken(record: object) -> None:
        raise RuntimeError("log view gone")

    with serving(broken) as handle:  # type: ignore[arg-type]
        reply = get(handle, "/rtm/u")
    assert reply.status == 200
    check_rtm(reply.json()["rtmToken"], "u", 3600)


# -- CORS and Host --------------------------------------------------------------------


def test_cors_origin_headers_and_preflight() -> None:
    origin = "http://localhost:3000"
    with serving(cors_origin=origin) as handle:
        reply = call(handle.url, "GET", "/rtm/u", headers={"Origin": origin})
        assert reply.status == 200
        assert reply.headers["access-control-allow-origin"] == origin
        error = call(handle.url, "GET", "/rtc/c/x/uid/1", headers={"Origin": origin})
        assert error.status == 400
        assert error.headers["access-control-allow-origin"] == origin  # the page can read why
        preflight = call(
            handle.url,
            "OPTIONS",
            "/fetch_rtc_token",
            headers={
                "Origin": origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        assert preflight.status == 204
        assert preflight.headers["access-control-allow-origin"] == origin
        assert "POST" in preflight.headers["access-control-allow-methods"]
        assert preflight.headers["access-control-allow-headers"] == "content-type"
        missing = call(
            handle.url, "OPTIONS", "/nope", headers={"Access-Control-Request-Method": "GET"}
        )
        assert missing.status == 404


def test_without_cors_origin_no_cors_headers() -> None:
    with serving() as handle:
        reply = call(handle.url, "GET", "/ping", headers={"Origin": "http://evil.example"})
        assert reply.status == 200
        assert "access-control-allow-origin" not in reply.headers
        preflight = call(
            handle.url,
            "OPTIONS",
            "/fetch_rtc_token",
            headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"},
        )
        assert_error(preflight, 403, "--cors-origin")
        assert "access-control-allow-origin" not in preflight.headers


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("localhost", True),
        ("localhost:8082", True),
        ("127.0.0.1:8082", True),
        ("10.0.2.2:8082", True),  # the Android emulator's name for the host
        ("[::1]:8082", True),
        ("app.localhost", True),
        ("attacker.example:8082", False),  # DNS rebinding
        ("attacker.example", False),
    ],
)
def test_loopback_server_refuses_foreign_host_names(
    server: ServerHandle, host: str, allowed: bool
) -> None:
    reply = call(server.url, "GET", "/rtm/u", headers={"Host": host})
    if allowed:
        assert reply.status == 200
    else:
        assert_error(reply, 403, "Host")
