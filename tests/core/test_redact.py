"""One home for redaction: patterns for unknown credentials, known secrets, headers, JSON."""

from __future__ import annotations

import pytest
from credentials import APP_ID, CERT, CUSTOMER_SECRET

from agora_desk.core.basic import build_header
from agora_desk.core.builders import RtcRequest, build_rtc, build_rtc_legacy
from agora_desk.core.credentials import Credentials
from agora_desk.core.redact import (
    REDACTED,
    abbreviate_secrets,
    redact_header,
    redact_json,
    redact_text,
    scrub,
)
from agora_desk.core.secret import Secret

TOKEN_007 = build_rtc(Credentials(APP_ID, Secret(CERT)), RtcRequest("demo", uid=42)).token
TOKEN_006 = build_rtc_legacy(Credentials(APP_ID, Secret(CERT)), RtcRequest("demo", uid=42)).token
HEADER = build_header("customer", Secret(CUSTOMER_SECRET)).reveal()


@pytest.mark.parametrize(
    ("text", "gone", "replacement"),
    [
        (f"token={TOKEN_007}", TOKEN_007, "token=<redacted token>"),
        (f"bad token '{TOKEN_006}'", TOKEN_006, "bad token '<redacted token>'"),
        (f"GET /rtc/{TOKEN_007}", TOKEN_007, "GET /rtc/<redacted token>"),
        (f"certificate {CERT} rejected", CERT, "certificate <redacted hex> rejected"),
        (f"Authorization: {HEADER}", HEADER.split()[1], "Authorization: Basic <redacted>"),
        ("bearer abc.def-ghi", "abc.def-ghi", "bearer <redacted>"),
    ],
)
def test_redact_text(text: str, gone: str, replacement: str) -> None:
    assert gone in text
    assert redact_text(text) == replacement


def test_redact_known_secrets_and_leaves_the_rest() -> None:
    text = "profile 'demo', uid 42, channel demo: secret typed-secret-value failed"
    assert redact_text(text, ["typed-secret-value"]) == (
        "profile 'demo', uid 42, channel demo: secret <redacted secret> failed"
    )
    assert redact_text("uid 42 channel demo-7 at 2026-11-22T17:00:00Z") == (
        "uid 42 channel demo-7 at 2026-11-22T17:00:00Z"
    )


def test_abbreviate_keeps_a_prefix_only() -> None:
    text = abbreviate_secrets(f"/nope/{TOKEN_007} for {APP_ID}")
    assert TOKEN_007 not in text and APP_ID not in text
    assert f"/nope/{TOKEN_007[:6]}…" in text and f"{APP_ID[:6]}…" in text


def test_headers_keep_the_scheme_only() -> None:
    assert redact_header("Authorization", HEADER) == f"Basic {REDACTED}"
    assert redact_header("authorization", Secret("agora token=007x")) == f"agora token={REDACTED}"
    assert redact_header("Cookie", "sid=1") == REDACTED
    assert redact_header("X-Trace", "t1") == "t1"


def test_json_and_scrub() -> None:
    body = {"llm": {"api_key": "sk-1", "url": "u"}, "note": f"with {CUSTOMER_SECRET}", "token": ""}
    assert redact_json(body, [CUSTOMER_SECRET]) == {
        "llm": {"api_key": REDACTED, "url": "u"},
        "note": REDACTED,
        "token": "",
    }
    assert scrub(f"a {CUSTOMER_SECRET} b", [Secret(CUSTOMER_SECRET)]) == f"a {REDACTED} b"
