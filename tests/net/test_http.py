"""The HTTPS transport against a real local server that checks credentials like Agora."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator

import pytest
from _rest_server import (
    APP_CERTIFICATE,
    APP_ID,
    CUSTOMER_ID,
    CUSTOMER_SECRET,
    FakeAgora,
    refused_url,
)

from agora_desk.core import rest
from agora_desk.core.builders import (
    RtcRequest,
    RtmRequest,
    Stamp,
    build_rtc,
    build_rtm,
)
from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import InputError
from agora_desk.core.rest import AuthScheme
from agora_desk.core.secret import Secret
from agora_desk.net import http

CREDS = Credentials(APP_ID, Secret(APP_CERTIFICATE))
WRONG_CERT = Credentials(APP_ID, Secret("0" * 32))
EVENTS = f"/dev/v2/project/{APP_ID}/rtm/vendor/user_events"


@pytest.fixture(scope="module")
def fake(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeAgora]:
    server = FakeAgora(tmp_path_factory.mktemp("fake-agora"))
    yield server
    server.close()


def send(
    fake: FakeAgora,
    method: str,
    path: str,
    auth: rest.Auth | None = None,
    body: object = None,
    timeout: float = 10,
    ca: bool = True,
    base: str | None = None,
) -> http.Response:
    req = rest.RestRequest(method, base or fake.base_url, path, auth or rest.Auth(), body=body)
    return http.send(
        rest.prepare(req), http.Options(timeout=timeout, ca_file=fake.ca_file if ca else None)
    )


def rtm(user: str, creds: Credentials = CREDS, **stamp: int) -> str:
    return build_rtm(creds, RtmRequest(user, stamp.pop("expire", 3600)), Stamp(**stamp)).token


# -- each scheme, right and wrong credentials ---------------------------------------------


def test_basic_accepted(fake: FakeAgora) -> None:
    r = send(
        fake,
        "GET",
        "/dev/v1/projects",
        rest.Auth(AuthScheme.BASIC, CUSTOMER_ID, Secret(CUSTOMER_SECRET)),
    )
    assert r.status == 200
    assert json.loads(r.body)["projects"][0]["vendor_key"] == APP_ID


@pytest.mark.parametrize(
    ("cid", "secret"),
    [(CUSTOMER_ID, CUSTOMER_SECRET[:-1] + "X"), ("0" * 32, CUSTOMER_SECRET)],
)
def test_basic_rejected(fake: FakeAgora, cid: str, secret: str) -> None:
    r = send(fake, "GET", "/dev/v1/projects", rest.Auth(AuthScheme.BASIC, cid, Secret(secret)))
    assert r.status == 401
    text = rest.explain(
        rest.Failure(status=r.status, scheme=AuthScheme.BASIC, body=json.loads(r.body))
    )
    assert text is not None and "Customer ID / Customer Secret" in text


def test_no_auth_rejected(fake: FakeAgora) -> None:
    assert send(fake, "GET", "/dev/v1/projects").status == 401


def test_agora_token_accepted(fake: FakeAgora) -> None:
    r = send(fake, "GET", EVENTS, rest.Auth(AuthScheme.TOKEN, token=Secret(rtm("alice"))))
    assert r.status == 200 and json.loads(r.body)["events"][0]["userId"] == "alice"


@pytest.mark.parametrize(
    ("token", "status", "cause"),
    [
        (lambda: rtm("alice", WRONG_CERT), 401, None),
        (lambda: rtm("alice", issued_at=int(time.time()) - 7200, expire=60), 401, "expired"),
        (lambda: rtm("alice", Credentials("1" * 32, Secret(APP_CERTIFICATE))), 401, "App ID"),
        (
            lambda: build_rtc(CREDS, RtcRequest(channel="c", uid=5)).token,
            403,
            "RTM (Signaling) service",
        ),
    ],
    ids=["wrong-certificate", "expired", "other-app-id", "no-rtm-privilege"],
)
def test_agora_token_rejected(fake: FakeAgora, token, status: int, cause: str | None) -> None:
    tok = token()
    r = send(fake, "GET", EVENTS, rest.Auth(AuthScheme.TOKEN, token=Secret(tok)))
    assert r.status == status
    text = rest.explain(
        rest.Failure(
            status=r.status,
            scheme=AuthScheme.TOKEN,
            token=tok,
            app_id=APP_ID,
            preset=rest.get_preset("rtm-user-events"),
            body=json.loads(r.body),
        )
    )
    assert text is not None
    if cause:
        assert cause in text
    else:
        assert "expired" in text and "App Certificate" in text


def test_access_token_pair(fake: FakeAgora) -> None:
    tok = rtm("bob")
    ok = send(fake, "GET", EVENTS, rest.Auth(AuthScheme.ACCESS_TOKEN, token=Secret(tok), uid="bob"))
    assert ok.status == 200
    wrong_uid = send(
        fake, "GET", EVENTS, rest.Auth(AuthScheme.ACCESS_TOKEN, token=Secret(tok), uid="eve")
    )
    assert wrong_uid.status == 401
    bad = send(
        fake,
        "GET",
        EVENTS,
        rest.Auth(AuthScheme.ACCESS_TOKEN, token=Secret(rtm("bob", WRONG_CERT)), uid="bob"),
    )
    assert bad.status == 401


# -- Conversational AI: both tokens and the body agree ------------------------------------


def join(
    fake: FakeAgora, params: rest.PresetParams, scheme: AuthScheme, token: str | None = None
) -> http.Response:
    if token is None:
        plan = rest.get_preset("convoai-join").token_plan(params, scheme)
        assert plan is not None
        token = plan.build(CREDS).token
    filled = rest.get_preset("convoai-join").fill(params, token)
    auth = (
        rest.Auth(AuthScheme.TOKEN, token=Secret(token))
        if scheme is AuthScheme.TOKEN
        else rest.Auth(AuthScheme.BASIC, CUSTOMER_ID, Secret(CUSTOMER_SECRET))
    )
    return send(fake, "POST", filled.path, auth, filled.body)


@pytest.mark.parametrize("scheme", [AuthScheme.TOKEN, AuthScheme.BASIC])
@pytest.mark.parametrize(
    ("agent_uid", "string_uid", "enable_rtm"),
    [("1001", False, False), ("1001", False, True), ("bot-1", True, True), ("0", False, False)],
)
def test_convoai_join_preset_is_consistent(
    fake: FakeAgora, scheme: AuthScheme, agent_uid: str, string_uid: bool, enable_rtm: bool
) -> None:
    params = rest.PresetParams(
        app_id=APP_ID,
        channel="demo",
        agent_uid=agent_uid,
        remote_uid="42" if not string_uid else "u42",
        enable_rtm=enable_rtm,
        string_uid=string_uid,
    )
    r = join(fake, params, scheme)
    assert r.status == 200, r.body
    agent_id = json.loads(r.body)["agent_id"]
    leave = rest.get_preset("convoai-leave").fill(
        rest.PresetParams(app_id=APP_ID, agent_id=agent_id)
    )
    r = send(
        fake, "POST", leave.path, rest.Auth(AuthScheme.BASIC, CUSTOMER_ID, Secret(CUSTOMER_SECRET))
    )
    assert r.status == 200


def test_server_catches_an_inconsistent_join(fake: FakeAgora) -> None:
    """Proof the fake server really checks: a token without RTM for an enable_rtm body fails."""
    params = rest.PresetParams(app_id=APP_ID, channel="demo", agent_uid="1001", enable_rtm=True)
    rtc_only = build_rtc(CREDS, RtcRequest(channel="demo", uid=1001)).token
    r = join(fake, params, AuthScheme.TOKEN, token=rtc_only)
    assert r.status == 403 and b"RTM" in r.body
    other_channel = build_rtc(
        CREDS, RtcRequest(channel="other", uid=1001, rtm_user_id="1001")
    ).token
    r = join(fake, params, AuthScheme.TOKEN, token=other_channel)
    assert r.status == 403 and b"channel" in r.body
    text = rest.explain(
        rest.Failure(
            status=403,
            scheme=AuthScheme.TOKEN,
            token=rtc_only,
            preset=rest.get_preset("convoai-join"),
            params=params,
            app_id=APP_ID,
        )
    )
    assert text is not None and "RTM" in text


# -- transport rules ----------------------------------------------------------------------------


def test_timeout(fake: FakeAgora) -> None:
    start = time.monotonic()
    with pytest.raises(http.RequestTimeout) as info:
        send(fake, "GET", "/test/slow?delay=10", timeout=0.5)
    assert time.monotonic() - start < 5
    assert info.value.kind == "timeout"
    assert "0.5 s" in str(info.value)


def test_untrusted_certificate(fake: FakeAgora) -> None:
    with pytest.raises(http.TlsError) as info:
        send(fake, "GET", "/", base=fake.untrusted_url)
    text = rest.explain(rest.Failure(kind=info.value.kind, detail=info.value.detail))
    assert text is not None and "TLS" in text and "CA bundle" in text


def test_own_ca_needed_and_added_not_replacing(fake: FakeAgora) -> None:
    with pytest.raises(http.TlsError):
        send(fake, "GET", "/test/echo", ca=False)
    ctx = http.ssl_context(fake.ca_file)
    # The default trust store is still there alongside the extra CA.
    assert len(ctx.get_ca_certs()) > 1


def test_bad_ca_file(tmp_path) -> None:
    bad = tmp_path / "bad.pem"
    bad.write_text("not a certificate")
    with pytest.raises(InputError, match="CA file"):
        http.ssl_context(str(bad))
    with pytest.raises(InputError, match="no such file"):
        http.ssl_context(str(tmp_path / "missing.pem"))


@pytest.mark.parametrize("scheme", [AuthScheme.TOKEN, AuthScheme.ACCESS_TOKEN, AuthScheme.BASIC])
def test_cross_host_redirect_drops_credentials(fake: FakeAgora, scheme: AuthScheme) -> None:
    tok = rtm("alice")
    auth = rest.Auth(scheme, CUSTOMER_ID, Secret(CUSTOMER_SECRET), token=Secret(tok), uid="alice")
    if scheme is not AuthScheme.BASIC:
        auth = rest.Auth(scheme, token=Secret(tok), uid="alice")
    before = len(fake.other_state.seen)
    r = send(fake, "GET", "/test/redirect?to=other", auth)
    assert r.status == 200 and r.url.startswith(fake.other_base)
    arrived = fake.other_state.seen[before:]
    assert len(arrived) == 1
    names = {k.lower() for k in arrived[0].headers}
    assert "authorization" not in names and "x-agora-token" not in names
    assert tok not in json.dumps(arrived[0].headers)
    assert r.notes and "not sent" in r.notes[0]


def test_same_host_redirect_keeps_credentials(fake: FakeAgora) -> None:
    tok = rtm("alice")
    r = send(fake, "GET", "/test/redirect?to=same", rest.Auth(AuthScheme.TOKEN, token=Secret(tok)))
    assert r.status == 200
    assert json.loads(r.body)["headers"]["Authorization"] == f"agora token={tok}"


def test_token_in_body_not_resent_to_another_host(fake: FakeAgora) -> None:
    tok = rtm("alice")
    before = len(fake.other_state.seen)
    r = send(
        fake,
        "POST",
        "/test/redirect?to=other&code=307",
        rest.Auth(AuthScheme.TOKEN, token=Secret(tok)),
        body={"properties": {"token": tok}},
    )
    assert r.status == 307
    assert len(fake.other_state.seen) == before
    assert "not followed" in r.notes[0]


def test_redirect_to_plain_http_refused(fake: FakeAgora) -> None:
    with pytest.raises(http.InsecureRedirect):
        send(fake, "GET", "/test/redirect?to=http")


def test_http_refused_before_any_io() -> None:
    prepared = rest.Prepared("GET", "http://api.agora.io/x", (), None)
    with pytest.raises(InputError, match="HTTPS only"):
        http.send(prepared)


def test_big_body_truncated(fake: FakeAgora) -> None:
    r = send(fake, "GET", "/test/big?size=20971520", timeout=60)
    assert r.truncated
    assert len(r.body) == http.MAX_BODY
    assert r.total_bytes == 20 * 1024 * 1024 and r.total_known
    assert "first 2,097,152 kept" in r.size_text


def test_count_limit_stops_reading(fake: FakeAgora) -> None:
    req = rest.prepare(rest.RestRequest("GET", fake.base_url, "/test/big?size=20971520"))
    r = http.send(req, http.Options(ca_file=fake.ca_file, max_body=1000, count_limit=100_000))
    assert r.truncated and len(r.body) == 1000
    assert not r.total_known and r.total_bytes < 20 * 1024 * 1024


def test_cancel_from_another_thread(fake: FakeAgora) -> None:
    cancel = threading.Event()
    timer = threading.Timer(0.2, cancel.set)
    timer.start()
    start = time.monotonic()
    with pytest.raises(http.Cancelled):
        send_req = rest.prepare(rest.RestRequest("GET", fake.base_url, "/test/slow?delay=10"))
        http.send(send_req, http.Options(ca_file=fake.ca_file, timeout=30), cancel=cancel)
    assert time.monotonic() - start < 5


def test_connection_refused() -> None:
    with pytest.raises(http.ConnectionRefused) as info:
        http.send(
            rest.prepare(rest.RestRequest("GET", refused_url(), "/")), http.Options(timeout=5)
        )
    assert "refused" in (rest.explain(rest.Failure(kind=info.value.kind)) or "")


def test_dns_failure() -> None:
    # .invalid never resolves (RFC 6761); with no resolver at all this is a DNS error too.
    with pytest.raises((http.DnsError, http.RequestTimeout)) as info:
        http.send(
            rest.prepare(rest.RestRequest("GET", "https://agora-desk-test.invalid", "/")),
            http.Options(timeout=5, trust_env=False),
        )
    if isinstance(info.value, http.DnsError):
        assert "resolved" in (rest.explain(rest.Failure(kind=rest.FailureKind.DNS)) or "")


def test_error_messages_hold_no_secret(fake: FakeAgora) -> None:
    tok = rtm("alice")
    req = rest.prepare(
        rest.RestRequest("GET", refused_url(), "/", rest.Auth(AuthScheme.TOKEN, token=Secret(tok)))
    )
    with pytest.raises(http.TransportError) as info:
        http.send(req, http.Options(timeout=5))
    assert tok not in str(info.value) and tok not in repr(info.value)


def test_elapsed_is_measured(fake: FakeAgora) -> None:
    r = send(fake, "GET", "/test/slow?delay=0.3")
    assert r.status == 200 and r.elapsed_ms >= 300


# -- hostile answers ------------------------------------------------------------------------------


@pytest.mark.parametrize("layers", ["gzip", "gzip,gzip", "deflate,gzip"])
def test_encoded_body_is_capped_across_every_layer(fake: FakeAgora, layers: str) -> None:
    """1 GiB of zeros behind one or two compression layers: kept part capped, memory bounded."""
    import tracemalloc

    from _rest_server import bomb

    bomb(layers, 1 << 30)  # made before measuring
    tracemalloc.start()
    try:
        r = send(fake, "GET", f"/test/encoded?layers={layers}&size={1 << 30}", timeout=60)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert r.status == 200 and r.truncated and not r.total_known
    assert len(r.body) == http.MAX_BODY and set(r.body) == {0}
    # Decoding stopped at the kept part plus a margin, not at the bomb's 1 GiB.
    assert r.total_bytes <= http.MAX_BODY + http.DECODE_MARGIN + 64 * 1024
    assert peak < 100 * 1024 * 1024, f"peak {peak / 2**20:.0f} MiB"


def test_body_secret_not_resent_with_basic_auth(fake: FakeAgora) -> None:
    """A join authenticated with Basic still carries the agent's token and an LLM key in its body."""
    tok = rtm("alice")
    auth = rest.Auth(AuthScheme.BASIC, CUSTOMER_ID, Secret(CUSTOMER_SECRET))
    before = len(fake.other_state.seen)
    for body in (
        {"properties": {"token": tok}},
        {"properties": {"llm": {"api_key": "sk-live-0123456789"}}},
        {"note": f"pasted {tok}"},
    ):
        r = send(fake, "POST", "/test/redirect?to=other&code=307", auth, body=body)
        assert r.status == 307 and "not followed" in r.notes[0]
    assert len(fake.other_state.seen) == before
    # A body without a secret follows the redirect (credentials dropped).
    r = send(fake, "POST", "/test/redirect?to=other&code=308", auth, body={"a": 1})
    assert r.status == 200 and len(fake.other_state.seen) == before + 1
