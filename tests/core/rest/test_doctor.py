"""The auth doctor: findings before sending, each with its fix."""

from __future__ import annotations

import base64

from _rest_helpers import CID, CSECRET, rtm_token
from credentials import APP_ID, CERT, OTHER_APP_ID, OTHER_CERT

from agora_desk.core import rest
from agora_desk.core.builders import RtmRequest, build_rtm
from agora_desk.core.credentials import Credentials
from agora_desk.core.diagnostics import Candidate
from agora_desk.core.rest import AuthScheme
from agora_desk.core.rest.signature import candidates, check
from agora_desk.core.secret import Secret


def spec(preset: str | None, scheme: AuthScheme, **kw: object) -> rest.RequestSpec:
    return rest.RequestSpec(
        base_url=rest.DEFAULT_BASE_URL,
        scheme=scheme,
        preset=rest.preset_or_custom(preset),
        **kw,  # type: ignore[arg-type]
    )


def test_a_scheme_the_endpoint_does_not_take() -> None:
    (issue,) = rest.examine(spec("projects", AuthScheme.TOKEN))
    assert (
        issue.field == "auth"
        and "Basic" in issue.message.title()
        and "choose basic" in issue.message
    )
    (issue,) = rest.examine(spec("recording-acquire", AuthScheme.NONE))
    assert "401" in issue.message and "choose basic" in issue.message
    assert rest.examine(spec(None, AuthScheme.NONE)) == []  # a custom request may do anything


def test_raw_customer_id_in_a_typed_basic_header() -> None:
    raw = spec(None, AuthScheme.NONE, headers=(("Authorization", f"Basic {CID}"),))
    (issue,) = rest.examine(raw)
    assert "Base64(Customer ID:Customer Secret)" in issue.message
    good = base64.b64encode(f"{CID}:{CSECRET}".encode()).decode()
    assert (
        rest.examine(spec(None, AuthScheme.NONE, headers=(("Authorization", f"Basic {good}"),)))
        == []
    )


def test_a_token_for_another_user_comes_with_the_fix() -> None:
    s = spec(
        "rtm-peer-message",
        AuthScheme.TOKEN,
        params=rest.PresetParams(user_id="alice"),
    )
    (issue,) = rest.examine(s, token=rtm_token("bob"), app_id=APP_ID)
    assert "'bob', not 'alice'" in issue.message and "build it from the profile" in issue.message
    assert rest.examine(s, token=rtm_token("alice"), app_id=APP_ID) == []


# -- which certificate signed a pasted token ---------------------------------------------


def _signers() -> list[Candidate]:

    creds = Credentials(
        APP_ID, Secret(CERT), profile="prod", app_certificate_secondary=Secret(OTHER_CERT)
    )
    return candidates(creds)


def _signed_with(certificate: str, user: str = "alice") -> str:
    return build_rtm(Credentials(APP_ID, Secret(certificate)), RtmRequest(user)).token


def test_a_token_of_the_secondary_certificate_is_named_before_sending() -> None:

    s = spec("rtm-user-events", AuthScheme.TOKEN, params=rest.PresetParams(uid="alice"))
    secondary = _signed_with(OTHER_CERT)
    signature = check(secondary, _signers(), APP_ID)
    (issue,) = rest.examine(s, token=secondary, app_id=APP_ID, signature=signature)
    assert issue.field == "token"
    assert "secondary certificate of profile 'prod'" in issue.message
    assert "RESTful APIs" in issue.message and "sign it with the primary" in issue.message
    # the 401 that follows is explained by it
    failure = rest.Failure(
        status=401,
        scheme=AuthScheme.TOKEN,
        token=secondary,
        app_id=APP_ID,
        preset=s.preset,
        params=rest.PresetParams(app_id=APP_ID, uid="alice"),
        signature=signature,
    )
    explained = rest.explain(failure) or ""
    assert explained.startswith("401 with a token: the token is signed with the secondary")
    # the primary's token is fine; a token of neither is named too
    primary = _signed_with(CERT)
    assert rest.examine(s, token=primary, app_id=APP_ID, signature=check(primary, _signers())) == []
    stranger = _signed_with("00" * 16)
    (issue,) = rest.examine(
        s, token=stranger, app_id=APP_ID, signature=check(stranger, _signers(), APP_ID)
    )
    assert "is not signed by the primary and secondary certificates of profile 'prod'" in (
        issue.message
    )


def test_a_secondary_token_only_in_the_body_is_fine() -> None:
    """Basic authenticates the call; the body's token joins a channel, which the secondary may sign."""

    s = spec("rtm-user-events", AuthScheme.BASIC, params=rest.PresetParams(uid="alice"))
    secondary = _signed_with(OTHER_CERT)
    assert not [
        i
        for i in rest.examine(
            s, token=secondary, app_id=APP_ID, signature=check(secondary, _signers(), APP_ID)
        )
        if "certificate" in i.message
    ]


def test_nothing_is_said_of_another_projects_token_or_without_certificates() -> None:

    other = build_rtm(Credentials(OTHER_APP_ID, Secret(OTHER_CERT)), RtmRequest("a")).token
    assert check(other, _signers(), APP_ID) is None  # its App ID is the cause
    assert check(_signed_with(OTHER_CERT), [], APP_ID) is None
    assert check("not a token", _signers(), APP_ID) is None
