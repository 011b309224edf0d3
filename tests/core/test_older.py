"""005, older DynamicKeys and the Signaling token: named, decoded where possible, verified."""

from __future__ import annotations

import pytest
from _inspect_helpers import expect

from agora_desk.core.checks import Expectations
from agora_desk.core.decode import parse_any
from agora_desk.core.diagnostics import diagnose
from agora_desk.core.errors import TokenFormatError
from agora_desk.core.formats import signaling, v005

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"


def test_005_round_trip_and_verify() -> None:
    token = v005.build(
        1,
        APP_ID,
        CERT,
        "chan",
        42,
        unix_ts=1446455472,
        random=58964981,
        expired_ts=1446455471 + 600,
        extra={1: b"3"},
    )
    key = v005.parse(token)
    assert key.app_id == APP_ID.lower()
    assert (key.unix_ts, key.random, key.service_name, key.extra) == (
        1446455472,
        58964981,
        "MediaChannel",
        {1: b"3"},
    )
    assert v005.verify(key, CERT, "chan", 42)
    assert not v005.verify(key, CERT, "chan", 43)
    decoded = diagnose(token, expect(certificate=CERT, channel="chan", uid="42", now=1446455472))
    assert decoded.version == "005"
    assert decoded.signature_valid is True
    assert not decoded.failed_checks


def test_004_is_named_and_decoded() -> None:
    token = "004" + "a" * 40 + APP_ID + "1446455472" + "038428f5" + "1446455471"
    decoded = parse_any(token).decoded
    assert decoded.kind == "DynamicKey4"
    assert decoded.app_id == APP_ID
    assert decoded.extra["expired_ts"] == 1446455471


@pytest.mark.parametrize("prefix", ["001", "002", "003"])
def test_older_versions_are_named(prefix: str) -> None:
    decoded = parse_any(prefix + "deadbeef" * 8).decoded
    assert decoded.version == prefix
    assert "retired" in decoded.warnings[0]


def test_signaling_token() -> None:
    token = signaling.build("alice", APP_ID, CERT, 1446455471)
    decoded = diagnose(token, expect(certificate=CERT, uid="alice", now=1446455000))
    assert decoded.version == "signaling"
    assert decoded.signature_valid is True
    wrong = diagnose(token, expect(certificate=CERT, uid="bob", now=1446455000))
    assert wrong.signature_valid is False
    with pytest.raises(TokenFormatError, match="Signaling"):
        parse_any("1:nothex:1:2")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Basic Y2lkOnNlY3JldA==", "Basic credential header"),
        ("eyJhbGciOiJIUzI1NiJ9.e30.sig", "JWT"),
        (APP_ID, "App ID or App Certificate"),
        ("009abcdef", "unknown token version '009'"),
        ("hello", "not an Agora token"),
        ("   ", "empty input"),
    ],
)
def test_not_a_token_says_what_it_is(text: str, reason: str) -> None:
    with pytest.raises(TokenFormatError, match=reason):
        parse_any(text)


def test_signaling_expiry_longer_than_a_unix_time() -> None:
    with pytest.raises(TokenFormatError, match="Signaling"):
        parse_any("1:" + APP_ID + ":" + "9" * 5000 + ":" + "a" * 32)


def test_checks_can_be_rerun() -> None:
    from agora_desk.core.decode import parse_any as parse
    from agora_desk.core.diagnostics import run_checks

    token = v005.build(1, APP_ID, CERT, "c", 1, unix_ts=1, random=2, expired_ts=0)
    parsed = parse(token)
    pristine = list(parsed.decoded.warnings)
    first = run_checks(parsed, expect(certificate=CERT, now=10))
    again = run_checks(parsed, expect(certificate=CERT, now=10))
    assert again.warnings == first.warnings
    assert parsed.decoded.warnings == pristine and parsed.decoded.checks == []
    verified = run_checks(parsed, expect(certificate=CERT, channel="c", uid="1", now=10))
    assert verified.signature_valid is True and parsed.decoded.signature_valid is None
    assert run_checks(parsed, Expectations(now=10)).signature_valid is None
