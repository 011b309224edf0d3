"""Failures explained in one sentence."""

from __future__ import annotations

import pytest
from _rest_helpers import rtm_token

from agora_desk.core import rest
from agora_desk.core.rest import AuthScheme

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
            preset=rest.get_preset("convoai-join"),
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
    text = rest.explain(rest.Failure(kind=rest.FailureKind(kind), timeout=15))
    assert text is not None and words in text
    assert text.count(".") >= 1


def test_explain_success_is_none() -> None:
    assert rest.explain(rest.Failure(status=200)) is None


def test_501_is_not_try_again_later() -> None:
    text = rest.explain(rest.Failure(status=501, body={"message": "Not Implemented"}))
    assert text is not None and "retrying will not help" in text and "try again" not in text
    assert "try again later" in (rest.explain(rest.Failure(status=503)) or "")


@pytest.mark.parametrize(
    ("preset", "status", "body", "words"),
    [
        ("convoai-join", 409, {"reason": "TaskConflict"}, "already running"),
        ("convoai-leave", 404, {"reason": "TaskNotFound"}, "convoai-list"),
        ("convoai-join", 422, {}, "limit of agents"),
        ("recording-stop", 404, {"code": 404}, "5 minutes"),
        ("recording-start", 400, {"reason": "x"}, "acquire"),
        ("chat-user-get", 401, {}, "Chat app token"),
        ("projects", 409, {}, "conflicts"),
    ],
)
def test_status_explained_for_the_endpoint(
    preset: str, status: int, body: dict, words: str
) -> None:
    p = rest.get_preset(preset)
    text = rest.explain(rest.Failure(status=status, body=body, preset=p, scheme=p.default_auth))
    assert text is not None and words in text, text
