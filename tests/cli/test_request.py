"""`agora-desk request` against the fake Agora server."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator

import pytest
from _rest_server import (
    APP_CERTIFICATE,
    APP_ID,
    CUSTOMER_ID,
    CUSTOMER_SECRET,
    FakeAgora,
)

from agora_desk.cli.main import main
from agora_desk.core.builders import RtmRequest, build_rtm
from agora_desk.core.credentials import Credentials
from agora_desk.core.formats import v007
from agora_desk.core.redact import TOKEN_RE
from agora_desk.core.secret import Secret


@pytest.fixture(scope="module")
def fake(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeAgora]:
    server = FakeAgora(tmp_path_factory.mktemp("fake-agora"))
    yield server
    server.close()


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGORA_APP_ID", APP_ID)
    monkeypatch.setenv("AGORA_APP_CERTIFICATE", APP_CERTIFICATE)
    monkeypatch.setenv("AGORA_CUSTOMER_ID", CUSTOMER_ID)
    monkeypatch.setenv("AGORA_CUSTOMER_SECRET", CUSTOMER_SECRET)


def run(
    capsys: pytest.CaptureFixture[str], fake: FakeAgora | None, *argv: str
) -> tuple[int, str, str]:
    args = ["request", *argv]
    if fake is not None:
        args += ["--base-url", fake.base_url, "--ca-file", fake.ca_file]
    code = main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def no_secret(*texts: str, token: str | None = None) -> None:
    for text in texts:
        assert CUSTOMER_SECRET not in text
        assert APP_CERTIFICATE not in text
        if token:
            assert token not in text


# -- presets -------------------------------------------------------------------------------


def test_projects(env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, fake, "--preset", "projects")
    assert code == 0, err
    assert json.loads(out)["projects"][0]["vendor_key"] == APP_ID
    assert "200" in err
    no_secret(out, err)


def test_projects_wrong_secret(
    env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGORA_CUSTOMER_SECRET", "wrong-secret-123456")
    code, out, err = run(capsys, fake, "--preset", "projects")
    assert code == 1
    assert "Customer ID / Customer Secret" in err
    assert "wrong-secret-123456" not in out + err


@pytest.mark.parametrize("auth", ["token", "access-token"])
def test_rtm_user_events(
    env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str], auth: str
) -> None:
    code, out, err = run(
        capsys, fake, "--preset", "rtm-user-events", "--uid", "carol", "--auth", auth
    )
    assert code == 0, err
    assert json.loads(out)["events"][0]["userId"] == "carol"
    seen = fake.seen("/dev/v2/")[-1]
    if auth == "access-token":
        assert seen.headers["x-agora-uid"] == "carol" and "Authorization" not in seen.headers
    else:
        assert seen.headers["Authorization"].startswith("agora token=007")
    no_secret(out, err)


def test_pasted_token_uid_taken_from_token(
    env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str]
) -> None:
    tok = build_rtm(Credentials(APP_ID, Secret(APP_CERTIFICATE)), RtmRequest("dave")).token
    code, _out, err = run(
        capsys, fake, "--preset", "rtm-user-events", "--auth", "access-token", "--token", tok
    )
    assert code == 0, err
    assert fake.seen("/dev/v2/")[-1].headers["x-agora-uid"] == "dave"


def test_pasted_bad_token_is_explained_not_echoed(
    env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str]
) -> None:
    tok = build_rtm(Credentials(APP_ID, Secret("0" * 32)), RtmRequest("dave")).token
    code, out, err = run(capsys, fake, "--preset", "rtm-user-events", "--token", tok, "--json")
    assert code == 1
    doc = json.loads(out)
    assert doc["status"] == 401 and "token" in doc["explanation"]
    no_secret(out, err, token=tok)
    code, out, err = run(
        capsys, fake, "--preset", "rtm-user-events", "--token", tok[:20] + " " + tok[20:]
    )
    assert code == 2 and "whitespace" in err
    assert tok[20:] not in err


@pytest.mark.parametrize(
    "extra",
    [
        ["--agent-uid", "1001", "--remote-uid", "42", "--enable-rtm"],
        ["--agent-uid", "agent-x", "--string-uid", "--enable-rtm", "--remote-uid", "user-1"],
        ["--agent-uid", "1001", "--auth", "basic"],
    ],
    ids=["uid-rtm", "string-uid-rtm", "basic"],
)
def test_convoai_join_and_leave(
    env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    body = json.dumps({"properties": {"llm": {"url": "https://llm.example"}, "idle_timeout": 5}})
    code, out, err = run(
        capsys,
        fake,
        "--preset",
        "convoai-join",
        "--channel",
        "room-1",
        "--name",
        "a1",
        "--body",
        body,
        *extra,
    )
    assert code == 0, err
    agent_id = json.loads(out)["agent_id"]
    sent = json.loads(fake.seen("/api/")[-1].body)
    props = sent["properties"]
    assert props["llm"] == {"url": "https://llm.example"} and props["idle_timeout"] == 5
    assert props["channel"] == "room-1" and sent["name"] == "a1"
    parsed = v007.parse(props["token"])
    assert v007.verify(parsed, APP_CERTIFICATE)
    header = fake.seen("/api/")[-1].headers["Authorization"]
    if "basic" in extra:
        assert header.startswith("Basic ")
    else:
        assert header == f"agora token={props['token']}"
    no_secret(out, err, token=props["token"])
    code, out, err = run(capsys, fake, "--preset", "convoai-leave", "--agent-id", agent_id)
    assert code == 0, err


def test_convoai_join_body_file(
    env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    f = tmp_path / "agent.json"
    f.write_text(json.dumps({"properties": {"channel": "from-file", "agent_rtc_uid": "77"}}))
    code, _out, err = run(capsys, fake, "--preset", "convoai-join", "--body", f"@{f}")
    assert code == 0, err
    sent = json.loads(fake.seen("/api/")[-1].body)["properties"]
    assert sent["channel"] == "from-file" and sent["agent_rtc_uid"] == "77"
    code, _out, err = run(
        capsys, fake, "--preset", "convoai-join", "--channel", "other", "--body", f"@{f}"
    )
    assert code == 2 and "properties.channel" in err


# -- --json, --curl -----------------------------------------------------------------------------


def test_json_schema(env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, fake, "--preset", "projects", "--json")
    assert code == 0
    doc = json.loads(out)
    assert isinstance(doc["status"], int) and doc["status"] == 200
    assert isinstance(doc["elapsed_ms"], float)
    assert isinstance(doc["headers"], dict) and doc["headers"]["content-type"] == "application/json"
    assert isinstance(doc["body"], dict)
    req = doc["request"]
    assert set(req) == {"method", "url", "headers"}
    assert req["method"] == "GET" and req["url"] == fake.base_url + "/dev/v1/projects"
    assert req["headers"]["Authorization"] == "Basic <redacted>"
    no_secret(out, err)


def test_json_text_body(env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, fake, "GET", "/test/big?size=10", "--json")
    assert code == 0 and json.loads(out)["body"] == "x" * 10


def test_curl_hides_secrets_and_sends_nothing(
    env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # No certificate or secret needed: the command names variables instead.
    monkeypatch.delenv("AGORA_APP_CERTIFICATE")
    monkeypatch.delenv("AGORA_CUSTOMER_SECRET")
    before = len(fake.seen())
    code, out, err = run(
        capsys,
        fake,
        "--preset",
        "convoai-join",
        "--channel",
        "c",
        "--agent-uid",
        "9",
        "--enable-rtm",
        "--curl",
    )
    assert code == 0, err
    # A token, not the digits "007" (the fake server's port may hold them: :40007).
    assert "${AGORA_TOKEN}" in out and not TOKEN_RE.search(out)
    code, out, err = run(capsys, fake, "--preset", "projects", "--curl")
    assert code == 0 and '-u "$AGORA_CUSTOMER_ID:$AGORA_CUSTOMER_SECRET"' in out
    assert len(fake.seen()) == before


def test_curl_reveal(env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, fake, "--preset", "projects", "--curl", "--reveal")
    assert code == 0 and CUSTOMER_SECRET in out and "--cacert" in out
    code, out, _err = run(
        capsys, fake, "--preset", "rtm-user-events", "--uid", "u", "--curl", "--reveal"
    )
    assert code == 0 and "agora token=007" in out


# -- failures and bad input ----------------------------------------------------------------------


def test_timeout(env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, fake, "GET", "/test/slow?delay=10", "--timeout", "0.5", "--json")
    assert code == 1
    doc = json.loads(out)
    assert doc["kind"] == "timeout" and "No answer within 0.5 s" in doc["explanation"]


def test_untrusted_certificate(
    env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, None, "GET", "/", "--base-url", fake.untrusted_url)
    assert code == 1 and "TLS" in err and "--ca-file" in err


def test_status_400_exits_1(env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, fake, "GET", "/test/status?code=503")
    assert code == 1 and "503" in err


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["GET", "/x", "--base-url", "http://api.agora.io"], "HTTPS only"),
        (["GET", "/x", "--preset", "projects"], "not both"),
        ([], "METHOD PATH"),
        (["FETCH", "/x"], "method"),
        (["POST", "/x", "--body", '{"a": }'], "line 1, column 7"),
        (["POST", "/x", "--body", "@/nonexistent/body.json"], "no such file"),
        (["GET", "/x", "--reveal"], "--curl"),
        (["GET", "/x", "--timeout", "soon"], "--timeout"),
        (["GET", "/x", "--auth", "digest"], "auth"),
        (["GET", "/x", "-H", "Authorization: Basic abc"], "--auth"),
        (["--preset", "nope"], "not a preset"),
        (["--preset", "convoai-leave"], "--agent-id"),
        (["--preset", "convoai-join", "--agent-uid", "1"], "--channel"),
        (["--preset", "convoai-join", "--channel", "c", "--agent-uid", "bot"], "string uid"),
        (["--preset", "rtm-user-events"], "--uid"),
        (["GET", "/x", "--ca-file", "/nonexistent/ca.pem"], "CA file"),
    ],
)
def test_invalid_input_exits_2(
    env: None, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    code, _out, err = run(capsys, None, *argv)
    assert code == 2, err
    assert words in err
    assert err.count("\n") == 1  # one line


def test_invalid_input_json(env: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, None, "GET", "/x", "--base-url", "http://x.example", "--json")
    assert code == 2 and "HTTPS only" in json.loads(out)["error"]


def test_missing_credentials_named(capsys: pytest.CaptureFixture[str], fake: FakeAgora) -> None:
    code, _out, err = run(capsys, fake, "--preset", "projects")
    assert code == 2 and "Customer ID" in err


# -- hostile answers ---------------------------------------------------------------------------


def test_control_characters_are_escaped(
    env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, fake, "GET", "/test/ansi")
    assert code == 0
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in out + err
    assert "\\x1b]0;owned\\x07" in out and "\\x9b" in out and "\\u202e" in out
    assert out.endswith(" end\n")


@pytest.mark.parametrize("json_out", [False, True])
def test_reflected_credentials_are_scrubbed(
    env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str], json_out: bool
) -> None:
    """A server that echoes the request headers and body gets nothing secret printed."""
    basic64 = base64.b64encode(f"{CUSTOMER_ID}:{CUSTOMER_SECRET}".encode()).decode()
    tok = build_rtm(Credentials(APP_ID, Secret(APP_CERTIFICATE)), RtmRequest("u1")).token
    args = ["POST", "/test/echo", "--auth", "basic", "--body", json.dumps({"k": tok})]
    code, out, err = run(capsys, fake, *args, *(["--json"] if json_out else []))
    assert code == 0, err
    assert "<redacted>" in out
    no_secret(out, err, token=tok)
    assert basic64 not in out + err


def test_curl_redacts_body_secrets_unless_revealed(
    env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str]
) -> None:
    body = json.dumps({"properties": {"llm": {"api_key": "sk-live-0123456789", "url": "u"}}})
    argv = ["--preset", "convoai-join", "--channel", "c", "--agent-uid", "9", "--body", body]
    code, out, _err = run(capsys, fake, *argv, "--curl")
    assert code == 0 and "sk-live-0123456789" not in out and "${AGORA_API_KEY}" in out
    code, out, _err = run(capsys, fake, *argv, "--curl", "--reveal")
    assert code == 0 and "sk-live-0123456789" in out


def test_unfollowed_redirect_exits_1_and_says_where(
    env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str]
) -> None:
    before = len(fake.other_state.seen)
    code, _out, err = run(
        capsys,
        None,
        *("--preset", "convoai-join", "--auth", "basic", "--channel", "c", "--agent-uid", "9"),
        *("--base-url", fake.base_url + "/test/redirect-prefix", "--ca-file", fake.ca_file),
    )
    assert len(fake.other_state.seen) == before
    assert code == 1
    assert f"{fake.other_base}/test/echo" in err and "not followed" in err


def test_failover_logs_each_try(env: None, capsys: pytest.CaptureFixture[str]) -> None:
    from _rest_server import refused_url

    base = refused_url()
    code, _out, err = run(
        capsys, None, "GET", "/x", "--base-url", base, "--failover", "--timeout", "5"
    )
    assert code == 1
    assert f"try 1/2: {base}" in err and f"try 2/2 after 1 s: {base}" in err
    assert "try 1 failed" in err and "refused" in err


def test_env_picks_the_base_url(env: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, None, "--preset", "projects", "--env", "china", "--curl")
    assert code == 0 and "https://api.sd-rtn.com/dev/v1/projects" in out
    code, _out, err = run(capsys, None, "--preset", "projects", "--env", "mars", "--curl")
    assert code == 2 and "--env" in err


def test_control_characters_are_escaped_in_json_too(
    env: None, fake: FakeAgora, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, fake, "GET", "/test/ansi", "--json")
    assert code == 0
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in out
    assert json.loads(out)["body"].startswith("ok \x1b]0;owned\x07")  # the same value
