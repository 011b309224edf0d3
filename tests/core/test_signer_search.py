"""The signer search (several saved certificates) against the plain path (one certificate).

The search runs only the signature check per candidate and every other check
once; what it reports must be what checking with the right (or the first)
certificate alone reports.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from _inspect_helpers import APP_ID, CERT, ISSUED, OTHER_CERT, SALT, expect, rtc_token, token_006

from agora_desk.core.checks import Expectations, Findings
from agora_desk.core.decode import parse_any
from agora_desk.core.decoded import CheckName, DecodedToken
from agora_desk.core.diagnostics import Candidate, run_checks
from agora_desk.core.formats import signaling, v005
from agora_desk.core.formats.registry import Parsed
from agora_desk.core.secret import Secret

THIRD_CERT = "fedcba9876543210fedcba9876543210"

TOKENS = {
    "007": rtc_token(),
    "007 expired": rtc_token(expire=60),
    "006": token_006(),
    "005": v005.build(
        1, APP_ID, CERT, "demo", 42, unix_ts=ISSUED, random=SALT, expired_ts=ISSUED + 3600
    ),
    "signaling": signaling.build("alice", APP_ID, CERT, ISSUED + 3600),
}

EXPECTATIONS = {
    "nothing asked": {},
    "channel and uid": {"channel": "demo", "uid": "42"},
    "wrong uid": {"channel": "demo", "uid": "7"},
    "another app id": {"app_id": "0" * 32, "channel": "demo", "uid": "42"},
    "signaling account": {"uid": "alice"},
    "the app's error": {"channel": "demo", "uid": "42", "error": "110"},
}


def shown(d: DecodedToken, *, tried: str = "") -> tuple[Any, ...]:
    """Everything a person reads apart from who signed it, with ``tried`` taken out."""
    assert d.verdict is not None
    return (
        [replace(c, detail=c.detail.replace(tried, "")) if tried else c for c in d.checks],
        d.warnings,
        d.signature_valid,
        d.verdict.summary.replace(tried, "") if tried else d.verdict.summary,
        d.verdict.ok,
        d.verdict.cause,
    )


def candidates(*certs: str) -> list[Candidate]:
    return [
        Candidate(Secret(c), f"p{i}", "primary" if i % 2 == 0 else "secondary")
        for i, c in enumerate(certs)
    ]


@pytest.mark.parametrize("asked", sorted(EXPECTATIONS))
@pytest.mark.parametrize("kind", sorted(TOKENS))
def test_the_search_finds_what_the_right_certificate_alone_finds(kind: str, asked: str) -> None:
    parsed = parse_any(TOKENS[kind])
    base = expect(now=ISSUED + 120, **EXPECTATIONS[asked])
    plain = run_checks(parsed, replace(base, certificate=Secret(CERT)), signers=[])
    searched = run_checks(parsed, base, signers=candidates(OTHER_CERT, THIRD_CERT, CERT))
    if searched.signature_valid:
        assert shown(searched) == shown(plain)
        assert searched.signed_by is not None and searched.signed_by.profile == "p2"
    else:  # a 005 / Signaling token checked with another uid: no certificate matches
        tried = " (tried: p0 (primary), p1 (secondary), p2 (primary))"
        assert shown(searched, tried=tried) == shown(plain)
        assert searched.signed_by is None


@pytest.mark.parametrize("asked", sorted(EXPECTATIONS))
@pytest.mark.parametrize("kind", sorted(TOKENS))
def test_no_match_reports_the_first_certificate_and_every_one_tried(kind: str, asked: str) -> None:
    parsed = parse_any(TOKENS[kind])
    base = expect(now=ISSUED + 120, **EXPECTATIONS[asked])
    plain = run_checks(parsed, replace(base, certificate=Secret(OTHER_CERT)), signers=[])
    searched = run_checks(parsed, base, signers=candidates(OTHER_CERT, THIRD_CERT))
    assert searched.signed_by is None
    tried = " (tried: p0 (primary), p1 (secondary))"
    assert shown(searched, tried=tried) == shown(plain)
    signature = next((c for c in searched.checks if c.name is CheckName.SIGNATURE), None)
    if signature is not None and signature.failed:
        assert signature.detail.endswith(tried)


class Counting:
    """A format record whose checks count their calls."""

    def __init__(self, parsed: Parsed[Any]) -> None:
        self.checks = 0
        self.signatures: list[str] = []
        fmt = parsed.format

        def check(token: Any, expect: Expectations, now: int) -> Findings:
            self.checks += 1
            return fmt.check(token, expect, now)

        def signature(token: Any, expect: Expectations) -> Findings:
            assert expect.certificate is not None
            self.signatures.append(expect.certificate.reveal())
            return fmt.signature(token, expect)

        self.parsed = replace(parsed, format=replace(fmt, check=check, signature=signature))


def test_the_other_checks_run_once_and_the_search_stops_at_the_signer() -> None:
    counting = Counting(parse_any(rtc_token()))
    base = expect(now=ISSUED, channel="demo", uid="42")
    d = run_checks(counting.parsed, base, signers=candidates(OTHER_CERT, CERT, THIRD_CERT))
    assert d.signed_by is not None and d.signed_by.certificate == "secondary"
    assert counting.checks == 1
    assert counting.signatures == [OTHER_CERT, CERT]  # the third is never tried


def test_a_primary_that_verifies_spares_the_secondary() -> None:
    counting = Counting(parse_any(rtc_token()))
    d = run_checks(counting.parsed, expect(now=ISSUED), signers=candidates(CERT, OTHER_CERT))
    assert d.signed_by is not None and d.signed_by.certificate == "primary"
    assert counting.signatures == [CERT]
