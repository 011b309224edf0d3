"""The REST request model (agora_desk.core.rest): pure, no network."""

from __future__ import annotations

import base64
import json
import shlex
import subprocess

import pytest

from agora_desk.core import rest, token007
from agora_desk.core.builders import Credentials, RtmRequest, Stamp, build_rtm
from agora_desk.core.errors import InputError
from agora_desk.core.rest import AuthScheme
from agora_desk.core.secret import Secret

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
CID = "3c2f5e8d1a7b4c6e9f0a1b2c3d4e5f60"
CSECRET = "s3cr3t-Xy9Qw7Zp2Lm4Nk8Vb6Tr1Hd5"
CREDS = Credentials(APP_ID, CERT)


def rtm_token(user: str = "alice", issued_at: int | None = None, expire: int = 3600) -> str:
    return build_rtm(CREDS, RtmRequest(user, expire), Stamp(issued_at=issued_at)).token


# -- URL rules ---------------------------------------------------------------


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "[::1]", "api.localhost"]
)
def test_http_allowed_for_loopback(host: str) -> None:
    assert rest.check_base_url(f"http://{host}:8080") == []


@pytest.mark.parametrize(
    "url",
    [
        "http://api.agora.io",
        "http://10.0.0.1",
        "http://128.0.0.1",
        "http://[::2]",
        "http://localhost.example.com",
    ],
)
def test_http_refused_elsewhere(url: str) -> None:
    issues = rest.check_base_url(url)
    assert issues and "HTTPS only" in issues[0].message


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("", "empty"),
        ("api.agora.io", "no scheme"),
        ("ftp://api.agora.io", "not supported"),
        ("https://user:pw@api.agora.io", "password"),
        ("https://api.agora.io/#x", "fragment"),
        ("https://api.agora.io?x=1", "query"),
        ("https://api.agora.io:99999", "valid URL"),
    ],
)
def test_bad_base_urls_are_named(url: str, words: str) -> None:
    issues = rest.check_base_url(url)
    assert issues and words in issues[0].message


def test_join_url_keeps_prefix_and_query() -> None:
    assert rest.join_url("https://proxy.example/agora/", "dev/v1/projects?x=1") == (
        "https://proxy.example/agora/dev/v1/projects?x=1"
    )
    with pytest.raises(InputError, match="full URL"):
        rest.join_url("https://api.agora.io", "https://evil.example/x")


def test_same_origin() -> None:
    assert rest.same_origin("https://a.io/x", "https://a.io:443/y")
    assert not rest.same_origin("https://a.io", "https://b.io")
    assert not rest.same_origin("https://127.0.0.1:1", "https://127.0.0.1:2")
    assert not rest.same_origin("https://127.0.0.1", "http://127.0.0.1")


# -- auth headers ---------------------------------------------------------------


def test_basic_header_is_base64_of_the_pair() -> None:
    auth = rest.Auth(AuthScheme.BASIC, CID, Secret(CSECRET))
    prepared = rest.prepare(
        rest.RestRequest("GET", rest.DEFAULT_BASE_URL, "/dev/v1/projects", auth)
    )
    header = prepared.header("Authorization")
    assert header == "Basic " + base64.b64encode(f"{CID}:{CSECRET}".encode()).decode()
    assert prepared.header("Content-Type") == "application/json"


def test_token_schemes() -> None:
    tok = rtm_token()
    p = rest.prepare(
        rest.RestRequest(
            "GET", rest.DEFAULT_BASE_URL, "/", rest.Auth(AuthScheme.TOKEN, token=Secret(tok))
        )
    )
    assert p.header("Authorization") == f"agora token={tok}"
    p = rest.prepare(
        rest.RestRequest(
            "GET",
            rest.DEFAULT_BASE_URL,
            "/",
            rest.Auth(AuthScheme.ACCESS_TOKEN, token=Secret(tok), uid="alice"),
        )
    )
    assert p.header("x-agora-token") == tok and p.header("x-agora-uid") == "alice"
    assert p.header("Authorization") is None


@pytest.mark.parametrize(
    ("auth", "field"),
    [
        (rest.Auth(AuthScheme.BASIC, "", Secret("x")), "Customer ID"),
        (rest.Auth(AuthScheme.BASIC, CID, None), "Customer Secret"),
        (rest.Auth(AuthScheme.BASIC, CID, Secret(" " + CSECRET)), "Customer Secret"),
        (rest.Auth(AuthScheme.TOKEN), "token"),
        (rest.Auth(AuthScheme.TOKEN, token=Secret("007abc def")), "token"),
        (rest.Auth(AuthScheme.ACCESS_TOKEN, token=Secret("007abc")), "uid"),
    ],
)
def test_missing_or_bad_credentials_are_named(auth: rest.Auth, field: str) -> None:
    with pytest.raises(InputError) as info:
        rest.auth_headers(auth)
    assert info.value.field == field
    assert CSECRET not in str(info.value)


def test_user_header_may_not_smuggle_auth() -> None:
    req = rest.RestRequest(
        "GET",
        rest.DEFAULT_BASE_URL,
        "/",
        rest.Auth(AuthScheme.TOKEN, token=Secret("007abc")),
        headers=(("Authorization", "Basic abc"),),
    )
    with pytest.raises(InputError, match="auth scheme"):
        rest.prepare(req)
    with pytest.raises(InputError, match="line break"):
        rest.prepare(
            rest.RestRequest("GET", rest.DEFAULT_BASE_URL, "/", headers=(("X-A", "a\r\nB: c"),))
        )


def test_redaction_hides_every_credential() -> None:
    tok = rtm_token()
    for auth in (
        rest.Auth(AuthScheme.BASIC, CID, Secret(CSECRET)),
        rest.Auth(AuthScheme.TOKEN, token=Secret(tok)),
        rest.Auth(AuthScheme.ACCESS_TOKEN, token=Secret(tok), uid="alice"),
    ):
        p = rest.prepare(
            rest.RestRequest(
                "GET", rest.DEFAULT_BASE_URL, "/", auth, headers=(("Cookie", "sid=abcdefgh12"),)
            )
        )
        shown = json.dumps(rest.redacted_headers(p.headers))
        for secret in (
            tok,
            CSECRET,
            base64.b64encode(f"{CID}:{CSECRET}".encode()).decode(),
            "sid=abcdefgh12",
        ):
            assert secret not in shown
        assert "redacted" in shown
    assert "alice" in shown  # x-agora-uid is not secret


def test_mask_token_never_shows_all() -> None:
    tok = rtm_token()
    masked = rest.mask_token(tok)
    assert tok not in masked and tok[:6] in masked


# -- JSON bodies -------------------------------------------------------------------


def test_invalid_json_is_located() -> None:
    value, problem = rest.parse_json_text('{"a": 1,\n "b": }')
    assert value is None and problem is not None
    assert (problem.line, problem.column) == (2, 7)
    assert rest.parse_json_text("  ") == (None, None)
    with pytest.raises(InputError, match="line 1"):
        rest.parse_body("{nope")


def test_merge_is_deep() -> None:
    base = {"a": {"b": 1, "c": [1]}, "d": 1}
    assert rest.merge(base, {"a": {"c": [2]}, "e": 3}) == {"a": {"b": 1, "c": [2]}, "d": 1, "e": 3}


# -- presets -------------------------------------------------------------------------


def test_preset_paths() -> None:
    params = rest.PresetParams(app_id=APP_ID, agent_id="A42")
    assert rest.fill_preset("projects", params).path == "/dev/v1/projects"
    assert rest.fill_preset("rtm-user-events", params).path == (
        f"/dev/v2/project/{APP_ID}/rtm/vendor/user_events"
    )
    leave = rest.fill_preset("convoai-leave", params)
    assert leave.method == "POST"
    assert leave.path == f"/api/conversational-ai-agent/v2/projects/{APP_ID}/agents/A42/leave"
    with pytest.raises(InputError, match="agent id"):
        rest.fill_preset("convoai-leave", rest.PresetParams(app_id=APP_ID))
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
    plan = rest.token_plan("convoai-join", params, AuthScheme.TOKEN)
    assert plan is not None and plan.kind == "rtc"
    token = plan.build(CREDS).token
    filled = rest.fill_preset("convoai-join", params, token, {"properties": {"llm": {"url": "u"}}})
    props = filled.body["properties"]
    assert props["token"] == token
    assert props["channel"] == "demo"
    assert props["agent_rtc_uid"] == agent_uid
    assert props["enable_string_uid"] is string_uid
    assert props["advanced_features"] == {"enable_rtm": enable_rtm}
    assert props["llm"] == {"url": "u"}
    parsed = token007.parse(token)
    rtc = [s for s in parsed.services if isinstance(s, token007.RtcService)]
    rtm = [s for s in parsed.services if isinstance(s, token007.RtmService)]
    assert [(s.channel_name, s.uid) for s in rtc] == [("demo", wire_uid)]
    assert [s.user_id for s in rtm] == ([agent_uid] if enable_rtm else [])
    assert rest.check_token_for(token, params, "convoai-join") == []


def test_convoai_join_body_cannot_override_the_token() -> None:
    params = rest.PresetParams(app_id=APP_ID, channel="demo", agent_uid="7")
    filled = rest.fill_preset(
        "convoai-join", params, "007real", {"properties": {"token": "007other"}}
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
    params = rest.params_from_join_body(rest.PresetParams(), body)
    assert (params.channel, params.agent_uid, params.name, params.remote_uid) == (
        "c1",
        "bot",
        "n1",
        "u9",
    )
    assert params.string_uid and params.enable_rtm
    with pytest.raises(InputError, match=r"properties\.channel"):
        rest.params_from_join_body(rest.PresetParams(channel="other"), body)
    with pytest.raises(InputError, match="enable_rtm"):
        rest.params_from_join_body(
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
    errors = [i for i in rest.convoai_issues(params) if i.level == "error"]
    assert errors and errors[0].field == field


def test_random_agent_uid_with_rtm_warns() -> None:
    issues = rest.convoai_issues(rest.PresetParams(channel="c", agent_uid="0", enable_rtm=True))
    assert [i.level for i in issues] == ["warning"]


def test_token_plans() -> None:
    assert rest.token_plan("projects", rest.PresetParams(), AuthScheme.BASIC) is None
    plan = rest.token_plan("rtm-user-events", rest.PresetParams(uid="bob"), AuthScheme.ACCESS_TOKEN)
    assert plan is not None and plan.rtm is not None and plan.rtm.user_id == "bob"
    with pytest.raises(InputError) as info:
        rest.token_plan("rtm-user-events", rest.PresetParams(), AuthScheme.TOKEN)
    assert info.value.field == "uid"
    with pytest.raises(InputError, match="token"):
        rest.token_plan("convoai-leave", rest.PresetParams(agent_id="A"), AuthScheme.TOKEN)
    assert (
        rest.token_plan("convoai-leave", rest.PresetParams(agent_id="A"), AuthScheme.BASIC) is None
    )


def test_pasted_token_checks() -> None:
    tok = rtm_token("alice")
    assert rest.token_user(tok) == "alice"
    assert (
        rest.check_token_for(tok, rest.PresetParams(uid="alice", app_id=APP_ID), "rtm-user-events")
        == []
    )
    issues = rest.check_token_for(
        tok, rest.PresetParams(uid="bob", app_id="0" * 32), "rtm-user-events"
    )
    messages = " ".join(i.message for i in issues)
    assert "'alice'" in messages and "App ID" in messages
    expired = rtm_token(issued_at=1_000_000, expire=60)
    assert any(
        "expired" in i.message for i in rest.check_token_for(expired, rest.PresetParams(), None)
    )
    assert rest.check_token_for("006abc", rest.PresetParams(), None)[0].field == "token"


# -- copy as curl ---------------------------------------------------------------------


def _convoai_prepared(scheme: AuthScheme) -> tuple[rest.Prepared, rest.Auth, str]:
    params = rest.PresetParams(app_id=APP_ID, channel="demo", agent_uid="1001", enable_rtm=True)
    plan = rest.token_plan("convoai-join", params, scheme)
    assert plan is not None
    token = plan.build(CREDS).token
    filled = rest.fill_preset(
        "convoai-join", params, token, {"llm": {"note": 'it\'s $HOME `x` "q"'}}
    )
    auth = (
        rest.Auth(scheme, token=Secret(token))
        if scheme is AuthScheme.TOKEN
        else rest.Auth(scheme, CID, Secret(CSECRET), token=Secret(token))
    )
    req = rest.RestRequest("POST", rest.DEFAULT_BASE_URL, filled.path, auth, body=filled.body)
    return rest.prepare(req), auth, token


@pytest.mark.parametrize("scheme", [AuthScheme.TOKEN, AuthScheme.BASIC])
def test_curl_hides_secrets_unless_revealed(scheme: AuthScheme) -> None:
    prepared, auth, token = _convoai_prepared(scheme)
    basic64 = base64.b64encode(f"{CID}:{CSECRET}".encode()).decode()
    hidden = rest.curl_command(prepared, auth)
    for secret in (token, CSECRET, basic64):
        assert secret not in hidden
    assert "$AGORA_TOKEN" in hidden or "${AGORA_TOKEN}" in hidden
    if scheme is AuthScheme.BASIC:
        assert '-u "$AGORA_CUSTOMER_ID:$AGORA_CUSTOMER_SECRET"' in hidden
    shown = rest.curl_command(prepared, auth, reveal=True)
    assert token in shown
    if scheme is AuthScheme.BASIC:
        assert CSECRET in shown


def test_curl_is_valid_shell_that_expands_to_the_request() -> None:
    """The quoted command, run through a real shell, gives back the exact body and header."""
    prepared, auth, token = _convoai_prepared(AuthScheme.TOKEN)
    cmd = rest.curl_command(prepared, auth)
    # Replace curl with printf of each argument, with the variable set.
    script = 'curl() { for a in "$@"; do printf \'%s\\0\' "$a"; done; }\n' + cmd
    out = subprocess.run(
        ["bash", "-c", script],
        env={"AGORA_TOKEN": token, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        check=True,
    ).stdout.decode()
    args = out.split("\0")
    assert f"Authorization: agora token={token}" in args
    body = args[args.index("--data-raw") + 1]
    assert body.encode() == prepared.body
    revealed = rest.curl_command(prepared, auth, reveal=True)
    words = shlex.split(revealed.replace("\\\n", " "))
    assert words[words.index("--data-raw") + 1] == prepared.body.decode()


# -- explanations ------------------------------------------------------------------------


def test_explain_basic_401() -> None:
    text = rest.explain(
        rest.Failure(status=401, scheme=AuthScheme.BASIC, body={"message": "Invalid"})
    )
    assert text is not None and "Customer ID / Customer Secret" in text and "whitespace" not in text
    assert "space or line break" in text and "Invalid" in text


def test_explain_token_401_names_the_cause() -> None:
    expired = rtm_token(issued_at=1_000_000, expire=60)
    text = rest.explain(rest.Failure(status=401, scheme=AuthScheme.TOKEN, token=expired))
    assert text is not None and "expired" in text
    wrong_app = rtm_token()
    text = rest.explain(
        rest.Failure(status=401, scheme=AuthScheme.TOKEN, token=wrong_app, app_id="1" * 32)
    )
    assert text is not None and "App ID" in text
    text = rest.explain(rest.Failure(status=403, scheme=AuthScheme.TOKEN, token=None))
    assert text is not None and "privilege" in text and "Certificate" in text
    text = rest.explain(
        rest.Failure(
            status=403,
            scheme=AuthScheme.TOKEN,
            token=rtm_token(),
            preset="convoai-join",
            params=rest.PresetParams(enable_rtm=True),
        )
    )
    assert text is not None and "RTC" in text


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("tls", "certificate"),
        ("timeout", "within 15 s"),
        ("dns", "resolved"),
        ("refused", "refused"),
        ("cancelled", "Cancelled"),
    ],
)
def test_explain_transport(kind: str, words: str) -> None:
    text = rest.explain(rest.Failure(kind=kind, timeout=15))
    assert text is not None and words in text
    assert text.count(".") >= 1


def test_explain_success_is_none() -> None:
    assert rest.explain(rest.Failure(status=200)) is None


# -- body views -----------------------------------------------------------------------------


def test_body_view_pretty_and_cut() -> None:
    view = rest.body_view(b'{"a":[1,2]}', "application/json")
    assert view.is_json and view.text == '{\n  "a": [\n    1,\n    2\n  ]\n}'
    big = rest.body_view(b"x" * 1000, limit=100)
    assert big.display_truncated and len(big.text) == 100
    truncated = rest.body_view(b'{"a": 1', truncated=True)
    assert not truncated.is_json


def test_json_tree_is_bounded() -> None:
    tree = rest.json_tree({"items": list(range(10_000))}, limit=50)
    count = 0

    def walk(node: rest.Node) -> None:
        nonlocal count
        count += 1
        for c in node.children:
            walk(c)

    walk(tree)
    assert count <= 55
    assert any(c.label == "…" for c in tree.children[0].children)


# -- history -----------------------------------------------------------------------------------


def test_history_entry_holds_no_secret() -> None:
    prepared, auth, token = _convoai_prepared(AuthScheme.BASIC)
    body = json.loads(prepared.body or b"null")
    body["llm"] = {"api_key": "sk-live-abcdefghijkl", "url": "https://llm.example"}
    req = rest.RestRequest(
        "POST",
        rest.DEFAULT_BASE_URL,
        "/x",
        auth,
        headers=(("X-Trace", "t1"), ("Cookie", "session=abcdefghijk")),
        body=body,
        preset="convoai-join",
    )
    entry = rest.history_entry(
        req, params=rest.PresetParams(channel="demo"), profile="p", status=200
    )
    text = rest.history_to_text([entry])
    for secret in (
        token,
        CSECRET,
        "sk-live-abcdefghijkl",
        "session=abcdefghijk",
        base64.b64encode(f"{CID}:{CSECRET}".encode()).decode(),
    ):
        assert secret not in text
    assert "X-Trace" in text and "https://llm.example" in text
    back = rest.history_from_text(text)
    assert back[0].params.channel == "demo" and back[0].status == 200
    assert back[0].scheme == "basic" and back[0].preset == "convoai-join"


def test_history_guard_refuses_a_secret() -> None:
    with pytest.raises(rest.SecretInHistory):
        rest.assert_no_secret('{"note": "s3cr3t-Xy9Qw7Zp2"}', ["s3cr3t-Xy9Qw7Zp2"])


def test_damaged_history_reads_as_empty() -> None:
    assert rest.history_from_text("{not json") == []
    assert rest.history_from_text('{"entries": [1, {"at": "x"}]}') == []
    assert rest.history_from_text('{"entries": [{"at": 1e400}]}') == []
    # A damaged "params" is no params; a number int() cannot read is the default.
    for params in ([1], "x", {"idle_timeout": "\u00b2"}):
        (entry,) = rest.history_from_text(json.dumps({"entries": [{"params": params}]}))
        assert entry.params == rest.PresetParams()


def test_join_body_with_empty_fields_takes_the_form_values() -> None:
    """An edited body that still has the preset's empty placeholders is not a conflict."""
    from agora_desk.core import rest

    params = rest.PresetParams(app_id="a" * 32, channel="demo", agent_uid="1001", remote_uid="42")
    user = {"name": "", "properties": {"channel": "", "agent_rtc_uid": "", "llm": {"url": "x"}}}
    merged = rest.params_from_join_body(params, user)
    assert merged.channel == "demo"
    filled = rest.fill_preset("convoai-join", merged, "007token", user)
    props = filled.body["properties"]
    assert (props["channel"], props["agent_rtc_uid"], props["token"]) == (
        "demo",
        "1001",
        "007token",
    )
    assert props["llm"] == {"url": "x"}
    assert filled.body["name"]
