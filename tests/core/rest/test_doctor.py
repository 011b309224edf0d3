"""The auth doctor: findings before sending, each with its fix."""

from __future__ import annotations

import base64

from _rest_helpers import CID, CSECRET, rtm_token
from credentials import APP_ID

from agora_desk.core import rest
from agora_desk.core.rest import AuthScheme


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
