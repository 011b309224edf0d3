"""The 007 checks gathered in one pass equal their parts, and memoized texts follow the language."""

from __future__ import annotations

from dataclasses import replace

import pytest
from _inspect_helpers import APP_ID, CERT, ISSUED, OTHER_CERT, expect, rtc_token, vector_cases

from agora_desk.core import checks, i18n
from agora_desk.core.checks import RTC, RTM, Expectations, Findings
from agora_desk.core.decode import parse_any
from agora_desk.core.decoded import Check, CheckName
from agora_desk.core.diagnostics import diagnose
from agora_desk.core.formats import signaling, v005, v007, v007_checks
from agora_desk.core.formats.v007 import RtmService

UNIX_TIME = ISSUED + 3600

TOKENS = {
    "uniform": rtc_token(),
    "uniform, a Unix time as lifetime": rtc_token(
        expire=UNIX_TIME, privileges={1: UNIX_TIME, 2: UNIX_TIME}
    ),
    "uniform, over 24 h": rtc_token(expire=90_000, privileges={1: 90_000, 2: 90_000}),
    "a privilege ends early": rtc_token(privileges={1: 3600, 2: 600}),
    "a privilege outlasts the token": rtc_token(privileges={1: 3600, 2: 7200}),
    "a privilege of 0": rtc_token(privileges={1: 3600, 2: 0}),
    "no expire": rtc_token(expire=0, privileges={1: 0}),
    "no expire, privileges of their own": rtc_token(expire=0, privileges={1: 600, 2: 600}),
    "RTC + RTM": rtc_token(extra_services=[RtmService(privileges={1: 3600}, user_id="u")]),
    "RTM with its own expiry": rtc_token(
        extra_services=[RtmService(privileges={1: 600}, user_id="u")]
    ),
    "uid 0": rtc_token(uid=""),
}

EXPECTATIONS = {
    "nothing": Expectations(),
    "everything that fits": expect(CERT, channel="demo", uid="42", app_id=APP_ID, role="publisher"),
    "nothing fits": expect(
        CERT, channel="other", uid="7", app_id="f" * 32, role="subscriber", rtm_user="x"
    ),
    "an account and the RTM user": expect(uid="alice", rtm_user="u", services=frozenset({RTM})),
    "a chosen time, RTC needed": expect(now_is_clock=False, services=frozenset({RTC})),
}

NOWS = {
    "issued": ISSUED,
    "a minute in": ISSUED + 60,
    "past the early privilege": ISSUED + 1200,
    "expired": ISSUED + 4000,
    "not yet valid": ISSUED - 3600,
}


def _walked(tok: v007.AccessToken2, expected: Expectations, now: int) -> Findings:
    """Every part on its own, each privilege walked (no shortcut for the usual token)."""
    out: list[Check] = []
    warnings: list[str] = []
    v007_checks._expiry(tok, now, expected.now_is_clock, False, out, warnings)
    v007_checks._lifetime(tok, False, out)
    walked = Findings(tuple(out), tuple(warnings))
    return checks.combined(
        walked,
        v007_checks.fit(tok, expected),
        v007_checks.role(tok, expected),
        checks.app_id(tok.app_id, expected),
    )


@pytest.mark.parametrize("token", TOKENS.values(), ids=TOKENS.keys())
@pytest.mark.parametrize("expected", EXPECTATIONS.values(), ids=EXPECTATIONS.keys())
@pytest.mark.parametrize("now", NOWS.values(), ids=NOWS.keys())
def test_the_gathered_check_equals_its_parts_walked_in_full(
    token: str, expected: Expectations, now: int
) -> None:
    tok = v007.parse(token)
    gathered = v007_checks.check(tok, expected, now)
    walked = _walked(tok, expected, now)
    assert gathered == walked
    assert [c.phrasing for c in gathered.checks] == [c.phrasing for c in walked.checks]
    assert gathered == checks.combined(
        v007_checks.expiry(tok, now, now_is_clock=expected.now_is_clock),
        v007_checks.lifetime(tok),
        v007_checks.fit(tok, expected),
        v007_checks.role(tok, expected),
        checks.app_id(tok.app_id, expected),
    )


def test_a_valid_uniform_token_has_nothing_to_say_of_its_privileges() -> None:
    d = diagnose(rtc_token(), Expectations(now=ISSUED + 60))
    assert [c.name for c in d.checks] == [CheckName.EXPIRY]
    assert d.warnings == []


def test_passed_checks_come_out_in_the_language_of_each_call() -> None:
    token = rtc_token()
    first = expect(CERT, app_id=APP_ID, now=ISSUED)
    chinese = i18n.Language.SIMPLIFIED_CHINESE

    def details(e: Expectations) -> dict[CheckName, str]:
        d = diagnose(token, e)
        return {
            c.name: c.detail for c in d.checks if c.name in (CheckName.APP_ID, CheckName.SIGNATURE)
        }

    english = details(first)
    with i18n.speaking(chinese):
        translated = details(first)
        expected = {
            CheckName.APP_ID: i18n._("matches {source}").format(source=i18n._(first.app_id_source)),
            CheckName.SIGNATURE: i18n._("matches {what}").format(
                what=i18n._("the App Certificate")
            ),
        }
    assert english == {
        CheckName.APP_ID: "matches the profile's App ID",
        CheckName.SIGNATURE: "matches the App Certificate",
    }
    assert translated == expected and translated != english
    assert details(first) == english  # back in English: not the Chinese texts kept from before

    # Another source is another text, and a failure is never taken for a pass.
    other = replace(first, app_id_source="the App ID from profile 'b'")
    assert details(other)[CheckName.APP_ID] == "matches the App ID from profile 'b'"


def test_a_failed_signature_comes_out_in_the_language_of_each_call() -> None:
    wrong = expect(OTHER_CERT, now=ISSUED)

    def failed() -> tuple[str, str]:
        d = diagnose(rtc_token(), wrong)
        signature = next(c for c in d.checks if c.name is CheckName.SIGNATURE)
        assert signature.ok is False and d.signature_valid is False
        return signature.detail, signature.fix

    english = failed()
    with i18n.speaking(i18n.Language.SIMPLIFIED_CHINESE):
        translated = failed()
        expected = (
            i18n._("does not match {what}").format(what=i18n._("the App Certificate")),
            i18n._(checks.WRONG_CERTIFICATE),
        )
    assert english == ("does not match the App Certificate", checks.WRONG_CERTIFICATE)
    assert translated == expected and translated[1] != english[1]
    assert failed() == english


def test_the_memo_of_constant_checks_stays_small() -> None:
    token = rtc_token()
    for n in range(500):
        source = f"the App ID from profile 'p{n}'"
        d = diagnose(token, expect(app_id=APP_ID, app_id_source=source, now=ISSUED))
        assert d.checks[0].detail == f"matches {source}"
    assert len(checks._CONSTANT) <= checks._CONSTANT_MAX


def test_expectations_with_another_certificate_equal_a_replace() -> None:
    base = expect(
        CERT, channel="demo", uid="42", app_id=APP_ID, role="publisher", rtm_user="u", now=ISSUED
    )
    other = expect(OTHER_CERT).certificate
    assert other is not None
    moved = base.with_certificate(other)
    assert moved == replace(base, certificate=other) and moved != base
    assert moved.certificate is other and base.certificate is not other
    assert hash(moved) == hash(replace(base, certificate=other))


def test_no_formats_other_checks_judge_the_signature() -> None:
    # run_checks takes signature_valid from the signature check alone (it does not sum them).
    seen: set[str] = set()
    built = [
        {"token": v005.build(1, APP_ID, CERT, "demo", 42, unix_ts=ISSUED, random=7, expired_ts=0)},
        {"token": signaling.build("alice", APP_ID, CERT, ISSUED + 3600)},
    ]
    for case in [*vector_cases(), *built]:
        parsed = parse_any(case["token"])
        seen.add(parsed.decoded.version)
        wanted = expect(case.get("app_certificate"), channel="demo", uid="42", app_id=APP_ID)
        for now in (0, case.get("issued_at") or ISSUED, 2**32 - 1):
            assert parsed.checks_but_signature(wanted, now).signature_valid is None
    assert {"007", "006", "005", "signaling"} <= seen
