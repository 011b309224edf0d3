"""Auth schemes applying themselves, user headers, redaction of what is shown."""

from __future__ import annotations

import base64
import json

import pytest
from _rest_helpers import CID, CSECRET, rtm_token

from agora_desk.core import rest
from agora_desk.core.errors import InputError
from agora_desk.core.redact import redacted_headers
from agora_desk.core.rest import AuthScheme
from agora_desk.core.secret import Secret

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
        shown = json.dumps(redacted_headers(p.header_pairs()))
        for secret in (
            tok,
            CSECRET,
            base64.b64encode(f"{CID}:{CSECRET}".encode()).decode(),
            "sid=abcdefgh12",
        ):
            assert secret not in shown
        assert "redacted" in shown
    assert "alice" in shown  # x-agora-uid is not secret
