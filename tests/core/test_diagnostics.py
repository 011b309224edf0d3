"""The checks behind the Inspect tab and ``agora-desk decode``, against the core directly."""

from __future__ import annotations

import urllib.parse
from dataclasses import replace

import pytest
from _inspect_helpers import (
    APP_ID,
    CERT,
    ISSUED,
    OTHER_CERT,
    content_of,
    encode_content,
    expect,
    rtc_token,
    token_006,
    token_with_unknown_service,
    vector_cases,
)

from agora_desk.core.checks import CLOCK_SKEW, Expectations
from agora_desk.core.damage import DamagedTokenError
from agora_desk.core.decode import clean_paste, parse_any
from agora_desk.core.decoded import Check, CheckName, DecodedToken, to_tree
from agora_desk.core.diagnostics import diagnose
from agora_desk.core.errors import TokenFormatError
from agora_desk.core.formats import v005, v007
from agora_desk.core.wire import pack_string


def check(d: DecodedToken, name: str) -> Check:
    found = [c for c in d.checks if c.name == name]
    assert len(found) == 1, f"expected one {name!r} check, got {d.checks}"
    return found[0]


def names(d: DecodedToken) -> list[str]:
    return [c.name for c in d.checks]


# -- expiry ------------------------------------------------------------------------


def test_valid_token_passes_expiry() -> None:
    d = diagnose(rtc_token(), Expectations(now=ISSUED + 60))
    c = check(d, "expiry")
    assert c.ok and "expires in 59 min" in c.detail
    assert d.failed_checks == []


def test_expired_token_fails_with_a_fix() -> None:
    d = diagnose(rtc_token(expire=3600), Expectations(now=ISSUED + 3600 + 125))
    c = check(d, "expiry")
    assert not c.ok
    assert "expired 2 min ago" in c.detail
    assert "Generate a new token" in c.fix
    # The privileges (3600 s) expired with it.
    assert not check(d, "privileges").ok


def test_expiry_boundary_is_exclusive_of_the_last_second() -> None:
    token = rtc_token(expire=3600)
    assert check(diagnose(token, Expectations(now=ISSUED + 3599)), "expiry").ok
    assert not check(diagnose(token, Expectations(now=ISSUED + 3600)), "expiry").ok


def test_not_yet_valid_token() -> None:
    token = rtc_token(issued_at=ISSUED + 3600)
    c = check(diagnose(token, Expectations(now=ISSUED)), "expiry")
    assert not c.ok
    assert c.detail.startswith("not yet valid")
    assert "clock" in c.fix and "NTP" in c.fix


def test_small_clock_skew_is_tolerated() -> None:
    token = rtc_token(issued_at=ISSUED + CLOCK_SKEW - 1)
    assert check(diagnose(token, Expectations(now=ISSUED)), "expiry").ok


def test_expire_zero_means_no_expiry() -> None:
    token = rtc_token(expire=0, privileges={1: 0})
    d = diagnose(token, Expectations(now=ISSUED + 10 * 86400))
    assert check(d, "expiry").ok
    assert "privileges" not in names(d)
    assert d.expires_at == 0


def test_privilege_expired_before_the_token() -> None:
    token = rtc_token(expire=3600, privileges={1: 3600, 2: 600})
    d = diagnose(token, Expectations(now=ISSUED + 1200))
    assert check(d, "expiry").ok
    c = check(d, "privileges")
    assert not c.ok
    assert "RTC publishAudioStream expired 10 min ago" in c.detail
    assert "privilege" in c.fix


def test_privilege_that_will_expire_before_the_token_is_a_warning() -> None:
    token = rtc_token(expire=3600, privileges={1: 3600, 2: 600})
    d = diagnose(token, Expectations(now=ISSUED + 60))
    assert "privileges" not in names(d)
    assert any(
        w.startswith("privileges that expire before the token") and "publishAudioStream" in w
        for w in d.warnings
    )


# -- signature -------------------------------------------------------------------------


def test_signature_with_the_right_certificate() -> None:
    d = diagnose(rtc_token(), expect(certificate=CERT, now=ISSUED))
    assert d.signature_valid is True
    assert check(d, "signature").ok


def test_token_signed_with_another_certificate() -> None:
    d = diagnose(rtc_token(certificate=OTHER_CERT), expect(certificate=CERT, now=ISSUED))
    assert d.signature_valid is False
    c = check(d, "signature")
    assert not c.ok
    assert "different App Certificate" in c.fix


def test_no_certificate_means_not_verified() -> None:
    d = diagnose(rtc_token(), Expectations(now=ISSUED))
    assert d.signature_valid is None
    assert "signature" not in names(d)
    assert d.to_json()["signature_valid"] is None


@pytest.mark.parametrize("certificate", ["", "é" * 32, "not hex at all"])
def test_odd_certificate_is_a_mismatch_not_a_crash(certificate: str) -> None:
    d = diagnose(rtc_token(), expect(certificate=certificate, now=ISSUED))
    assert d.signature_valid is False


def test_every_vector_verifies_with_its_certificate() -> None:
    for case in vector_cases():
        if "app_certificate" not in case:
            continue
        wanted = expect(certificate=case["app_certificate"], now=case.get("issued_at"))
        if case["token"].startswith("006"):
            # The vector's uid is the wire string: as an account it is used as given.
            wanted = replace(wanted, channel=case["channel_name"], account=case["uid"])
        d = diagnose(case["token"], wanted)
        assert d.signature_valid is True, case.get("name", case["token"][:40])
        assert d.app_id == case["app_id"]


# -- what the user expects: channel, uid, App ID -----------------------------------------


def test_007_channel_and_uid() -> None:
    token = rtc_token(channel="demo", uid="42")
    ok = diagnose(token, expect(channel="demo", uid="42", now=ISSUED))
    assert check(ok, "channel").ok and check(ok, "uid").ok
    bad = diagnose(token, expect(channel="Demo", uid="43", now=ISSUED))
    assert not check(bad, "channel").ok
    assert "case-sensitive" in check(bad, "channel").fix
    assert "built for uid 42, you join as uid 43" in check(bad, "uid").detail


def test_uid_zero_means_any_user() -> None:
    token = rtc_token(uid="")
    assert check(diagnose(token, expect(uid="0", now=ISSUED)), "uid").ok
    # The official builders: with uid 0 "any uid from the app client can join the channel".
    c = check(diagnose(token, expect(uid="7", now=ISSUED)), "uid")
    assert c.ok and "any uid" in c.detail


def test_006_checked_against_the_wrong_channel() -> None:
    token = token_006(channel="demo", uid="42")
    d = diagnose(token, expect(certificate=CERT, channel="other", uid="42", now=ISSUED))
    c = check(d, "channel")
    assert not c.ok and "not built for channel 'other'" in c.detail and c.fix
    assert check(d, "uid").ok
    # The signature covers the channel: with the wrong one it cannot be judged, never blamed.
    assert d.signature_valid is None
    sig = check(d, "signature")
    assert sig.ok is None and sig.detail.startswith("cannot tell")
    assert d.verdict is not None and d.verdict.cause is CheckName.CHANNEL


def test_006_checked_against_the_right_channel() -> None:
    token = token_006(channel="demo", uid="42")
    d = diagnose(token, expect(certificate=CERT, channel="demo", uid="42", now=ISSUED))
    assert check(d, "channel").ok
    assert check(d, "uid").ok
    assert d.signature_valid is True
    assert d.failed_checks == []
    # Matched against its checksums, the channel and uid can be named in the first sentence.
    assert d.verdict is not None
    assert d.verdict.summary.startswith(
        "Valid 006 token for channel 'demo', uid 42 (matched by the checksums it keeps); "
    )
    any_user = diagnose(token_006(uid=""), expect(CERT, channel="demo", uid="7", now=ISSUED))
    assert any_user.verdict is not None
    assert "for channel 'demo', uid 0 (any user) (matched" in any_user.verdict.summary
    unasked = diagnose(token, expect(certificate=CERT, now=ISSUED))
    assert unasked.verdict is not None
    assert "006 token (its channel and uid are not stored in it)" in unasked.verdict.summary


def test_006_wrong_uid_and_uid_zero() -> None:
    d = diagnose(token_006(uid="42"), expect(uid="41", now=ISSUED))
    assert not check(d, "uid").ok
    any_user = diagnose(token_006(uid=""), expect(uid="0", now=ISSUED))
    assert check(any_user, "uid").ok


def test_006_needs_channel_and_uid_to_verify() -> None:
    d = diagnose(token_006(), expect(certificate=CERT, now=ISSUED))
    assert d.signature_valid is None
    sig = check(d, "signature")
    assert sig.ok is None and "covers the channel name and uid" in sig.detail


def test_006_expired_ts() -> None:
    d = diagnose(token_006(ts=ISSUED + 60), Expectations(now=ISSUED + 120))
    assert not check(d, "expiry").ok


def test_app_id_against_the_profile() -> None:
    token = rtc_token()
    assert check(diagnose(token, Expectations(app_id=APP_ID, now=ISSUED)), "app id").ok
    lower = check(diagnose(token, Expectations(app_id=APP_ID.lower(), now=ISSUED)), "app id")
    assert lower.ok and "letter case" in lower.detail
    other = check(diagnose(token, Expectations(app_id="f" * 32, now=ISSUED)), "app id")
    assert not other.ok and APP_ID in other.detail and other.fix


# -- paste artefacts ---------------------------------------------------------------------

TOKEN = rtc_token()


def _wrapped(text: str, width: int = 40) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


@pytest.mark.parametrize(
    ("pasted", "note"),
    [
        (f"  {TOKEN}\n", "removed whitespace"),
        (f'"{TOKEN}"', "removed the quotes"),
        (f"'{TOKEN}'", "removed the quotes"),
        (f"“{TOKEN}”", "removed the quotes"),
        (f"agora token={TOKEN}", "removed the prefix 'agora token='"),
        (f"token={TOKEN}", "removed the prefix 'token='"),
        (urllib.parse.quote(TOKEN, safe=""), "decoded URL-encoding"),
        (_wrapped(TOKEN), "removed line breaks"),
        (TOKEN.replace("+", "-").replace("/", "_"), "URL-safe base64"),
        ("\ufeff" + TOKEN[:30] + "\u200b" + TOKEN[30:] + "\u2060", "removed invisible characters"),
    ],
    ids=[
        "whitespace",
        "double",
        "single",
        "curly",
        "agora-token",
        "token",
        "url",
        "lines",
        "b64url",
        "invisible",
    ],
)
def test_each_paste_artefact_is_cleaned_and_reported(pasted: str, note: str) -> None:
    if pasted == TOKEN:
        pytest.skip("this token happens to have no character the artefact changes")
    d = diagnose(pasted, expect(certificate=CERT, now=ISSUED))
    assert d.token == TOKEN
    assert d.signature_valid is True
    assert any(note in n for n in d.cleaned), d.cleaned
    # Each clean-up note is also a warning, first, so `decode --json` reports it.
    assert d.warnings[: len(d.cleaned)] == d.cleaned


# 007 tokens whose base64 ends in no, one and two '='; 006 tokens all have the same length.
WHOLE_TOKENS = {
    **{f"007-{channel}": rtc_token(channel=channel) for channel in ("a", "abcde", "abcd")},
    "006-demo": token_006(),
}


def test_the_tokens_below_cover_every_padding_length() -> None:
    endings = {len(t) - len(t.rstrip("=")) for t in WHOLE_TOKENS.values()}
    assert endings == {0, 1, 2}


@pytest.mark.parametrize("name", sorted(WHOLE_TOKENS))
@pytest.mark.parametrize("extra", [".", "%", ")", "x", "ab", "abcd", "=x", " thanks!"])
def test_text_after_a_whole_token_is_removed_not_read_as_a_cut(name: str, extra: str) -> None:
    token = WHOLE_TOKENS[name]
    channel = name.split("-")[1]
    d = diagnose(token + extra, expect(certificate=CERT, channel=channel, uid="42", now=ISSUED))
    assert d.token == token
    assert d.signature_valid is True
    assert any("after the end of the token" in n and repr(extra) in n for n in d.cleaned), d.cleaned
    # Padding is not reported missing when the text only went on past the end.
    assert not any("padding" in n for n in d.cleaned)
    assert d.to_json()["cleaned"] == token


def test_a_token_cut_short_is_still_cut_short_with_text_after_it() -> None:
    token = rtc_token()
    with pytest.raises(DamagedTokenError, match="cut off"):
        parse_any(token[:-8] + ".")


def test_the_007_parser_refuses_data_after_the_compressed_stream() -> None:
    # zlib ignores it; an app sending it sends something other than what was built.
    with pytest.raises(TokenFormatError, match="goes on after"):
        v007.parse(WHOLE_TOKENS["007-a"] + "abcd")


@pytest.mark.parametrize(
    "around",
    [
        '"token": "{}"',
        '{{"token":"{}"}}',
        'const token = "{}";',
        "(<{}>)",
        "join(appId, channel, {}, 42)",
    ],
)
@pytest.mark.parametrize("version", ["007", "006"])
def test_a_token_inside_other_text_is_taken_out(around: str, version: str) -> None:
    token = rtc_token() if version == "007" else token_006()
    d = diagnose(around.format(token), expect(certificate=CERT, channel="demo", uid="42"))
    assert d.token == token
    assert d.signature_valid is True
    assert "took the token out of the text around it" in d.cleaned[0]


def test_a_token_in_a_url_query_or_a_json_string_is_taken_out_and_unescaped() -> None:
    token = rtc_token()
    assert "/" in token and "+" in token  # so both escapes below change something
    query = (
        f"https://example.com/join?channel=demo&token={urllib.parse.quote(token, safe='')}&uid=42"
    )
    json_line = '{"token": "' + token.replace("/", "\\/") + '"}'
    for pasted in (query, json_line):
        d = diagnose(pasted, expect(certificate=CERT, now=ISSUED))
        assert d.token == token, pasted
        assert d.signature_valid is True


def test_the_text_around_a_token_is_counted_never_shown() -> None:
    # A configuration snippet often holds the certificate next to the token.
    pasted = f'appCertificate: "{CERT}", token: "{rtc_token()}"'
    d = diagnose(pasted, expect(now=ISSUED))
    assert d.token == rtc_token()
    shown = repr(d.to_json()) + repr(d.warnings)
    assert CERT not in shown and CERT[:12] not in shown


def test_nested_artefacts() -> None:
    pasted = f' "agora token={urllib.parse.quote(TOKEN, safe="")}"\n'
    token, notes = clean_paste(pasted)
    assert token == TOKEN
    assert len(notes) >= 3


def test_clean_token_has_no_notes() -> None:
    assert clean_paste(TOKEN) == (TOKEN, [])
    assert diagnose(TOKEN, Expectations(now=ISSUED)).warnings == []


# -- unknown service type ----------------------------------------------------------------


def test_unknown_service_type_decodes_the_known_part_and_still_verifies() -> None:
    token = token_with_unknown_service(42)
    d = diagnose(token, expect(certificate=CERT, channel="demo", uid="42", now=ISSUED))
    assert d.services is not None
    assert [(s.type, s.name, s.undecoded) for s in d.services] == [
        (1, "RTC", False),
        (2, "RTM", False),
        (42, "unknown", True),
    ]
    assert d.services[0].fields == {"channel_name": "demo", "uid": "42"}
    assert d.services[1].fields == {"user_id": "alice"}
    assert d.to_json()["services"][2] == {"type": 42, "name": "unknown", "undecoded": True}
    assert any("service type 42 is not known" in w for w in d.warnings)
    assert d.signature_valid is True
    assert d.failed_checks == []
    tree = to_tree(d)
    services = next(n for n in tree.children if n.label == "services")
    unknown = services.children[-1]
    assert unknown.label == "type 42" and unknown.status == "warning"
    assert "unknown service" in unknown.value


def test_unknown_service_with_another_certificate_fails() -> None:
    d = diagnose(token_with_unknown_service(42, certificate=OTHER_CERT), expect(CERT))
    assert d.signature_valid is False


# -- inputs that are not tokens: one typed error with a reason ------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty input"),
        ("   \n", "empty input"),
        ("hello world", "not an Agora token"),
        ("Basic YWJjOmRlZg==", "Basic credential header"),
        ("eyJhbGciOi.eyJzdWIiOi.c2ln", "JWT"),
        (APP_ID, "App ID or App Certificate"),
        ("008AAAA", "unknown token version '008'"),
        ("007eJx!!!", "characters that are not part of a token"),
        ("007" + "QUJDREVGR0g=", "the token is damaged"),
        ("006" + APP_ID + "@@@", "characters that are not part of a token"),
        ("006abc", "cut off after 6 characters"),
        (rtc_token()[:40] + "…" + rtc_token()[-12:], "shortened with '…' or '...'"),
        (rtc_token()[:60] + "...", "shortened with '…' or '...'"),
        (token_006()[:50] + "...", "shortened with '…' or '...'"),
        ("1:" + "a" * 32 + ":" + "9" * 5000 + ":" + "b" * 32, "more than 10 digits"),
        ("1:nope", "Signaling"),
    ],
)
def test_garbage_gives_a_one_line_reason(text: str, reason: str) -> None:
    with pytest.raises(TokenFormatError) as info:
        parse_any(text)
    message = str(info.value)
    assert reason in message
    assert "\n" not in message


def test_truncated_token() -> None:
    token = rtc_token()
    half = token[: len(token) // 2]
    with pytest.raises(DamagedTokenError, match=f"cut off after {len(half)} characters") as info:
        parse_any(half)
    assert info.value.partial["version"] == "007"


def test_zlib_stream_cut_short() -> None:
    import base64
    import zlib

    data = zlib.compress(content_of(TOKEN))[:-6]
    with pytest.raises(DamagedTokenError, match="cut off after") as info:
        parse_any("007" + base64.b64encode(data).decode())
    # What the bytes still give is shown.
    assert info.value.partial["app_id"] == APP_ID
    assert info.value.partial["issued_at"] == ISSUED


def test_length_running_past_the_end() -> None:
    content = content_of(TOKEN)
    # The signature's length prefix claims more bytes than the token holds.
    forged = (len(content) + 10).to_bytes(2, "little") + content[2:]
    with pytest.raises(DamagedTokenError, match="inconsistent") as info:
        parse_any(encode_content(forged))
    assert "the signature" in info.value.partial["detail"]
    # A channel name whose length runs past the end.
    at = content.index(pack_string(b"demo"))
    forged = content[:at] + (0xFFFF).to_bytes(2, "little") + content[at + 2 :]
    with pytest.raises(DamagedTokenError) as info:
        parse_any(encode_content(forged))
    assert "the RTC channel name" in info.value.partial["detail"]


def test_005_odd_uid_is_a_warning_not_a_crash() -> None:
    key = v005.build(1, APP_ID, CERT, "demo", 5, unix_ts=ISSUED, random=7, expired_ts=0)
    ok = diagnose(key, expect(certificate=CERT, channel="demo", uid="5"))
    assert ok.signature_valid is True
    for uid in ("²", "99999999999", "1" * 5000, "-1"):
        d = diagnose(key, expect(certificate=CERT, channel="demo", uid=uid))
        assert d.signature_valid is None
        assert any("numeric uid" in w for w in d.warnings)


# -- bounded decoding ----------------------------------------------------------------


def test_tens_of_thousands_of_services_are_decoded_only_as_far_as_shown() -> None:
    from agora_desk.core.formats.v007 import MAX_SERVICES, FpaService

    token = v007.build(APP_ID, CERT, [FpaService()] * 60_000, expire=3600, issued_at=ISSUED, salt=1)
    d = diagnose(token, expect(CERT, now=ISSUED))
    assert d.services is not None and len(d.services) == MAX_SERVICES
    assert d.signature_valid is True  # the signature still covers everything
    assert any("60000 services" in w and "more not shown" in w for w in d.warnings)
    tree = to_tree(d)
    services = next(n for n in tree.children if n.label == "services")
    assert services.value == "60000" and len(services.children) < 100
    assert services.children[-1].value.endswith("more not shown")


def test_a_hostile_permission_list_stops_decoding_there() -> None:
    from agora_desk.core.formats.v007 import Rtm2Service

    rtm2 = Rtm2Service(privileges={1: 3600}, user_id="u", permissions={0: {0: ["r"] * 65535}})
    token = v007.build(APP_ID, CERT, [rtm2], expire=3600, issued_at=ISSUED, salt=1)
    d = diagnose(token, expect(CERT, now=ISSUED))
    assert d.signature_valid is True
    assert any("65335 more entries not shown" in w for w in d.warnings)


def test_combined_findings_equal_their_sum() -> None:
    from agora_desk.core.checks import Findings, combined, found, signature
    from agora_desk.core.decoded import Check, CheckName

    parts = [
        found(Check(CheckName.EXPIRY, True, "valid"), warnings=["w1"]),
        signature(False, "the App Certificate"),
        Findings(),
        signature(True, "the secondary"),
        found(Check(CheckName.UID, False, "built for uid 1"), warnings=["w2"]),
    ]
    total = Findings()
    for part in parts:
        total = total + part
    assert combined(*parts) == total
    assert combined(*parts).signature_valid is True
    assert combined(parts[1], parts[2]).signature_valid is False
    assert combined() == Findings()


# -- the error the app got -----------------------------------------------------------------


def test_an_error_the_token_cannot_explain_says_so_first() -> None:
    token = rtc_token(channel="demo", uid="42")
    d = diagnose(
        token, expect(CERT, channel="demo", uid="42", app_id=APP_ID, now=ISSUED, error="110")
    )
    error = check(d, "error code")
    assert error.ok is True and "passes every check that could explain it" in error.detail
    assert "not passing this token" in error.fix
    assert d.verdict is not None and d.verdict.ok
    assert d.verdict.summary.endswith("; it does not explain the error the app got")


def test_an_unexplained_error_names_what_was_not_checked() -> None:
    d = diagnose(rtc_token(channel="demo", uid="42"), expect(CERT, now=ISSUED, error="110"))
    error = check(d, "error code")
    assert error.ok is None and "nothing checked here explains it" in error.detail
    assert error.fix.startswith("Not checked: app id, channel, uid. ")
    assert d.verdict is not None and d.verdict.summary.startswith("Valid ")
    assert "does not explain" not in d.verdict.summary  # the unchecked values still may


def test_an_error_a_failed_check_explains_names_it() -> None:
    d = diagnose(
        rtc_token(channel="demo", uid="42"), expect(CERT, uid="7", now=ISSUED, error="110")
    )
    error = check(d, "error code")
    assert error.ok is False and "here means: built for uid 42, you join as uid 7" in error.detail


def test_decode_and_the_report_write_the_same_translated_check_lines() -> None:
    from agora_desk.cli.decode import render
    from agora_desk.core import i18n, verdict

    with i18n.speaking(i18n.Language.SIMPLIFIED_CHINESE):
        d = diagnose(rtc_token(), expect(OTHER_CERT, channel="demo", uid="7", now=ISSUED))
        lines = verdict.check_lines(d.checks)
        shared, printed = verdict.report(d, ISSUED), render(d, ISSUED)
        signature = CheckName.SIGNATURE.label
    assert signature != "signature"  # the report once kept the English key here
    assert any(f"] {signature}：" in line for line in lines)
    assert all(line in shared and line in printed for line in lines)


@pytest.mark.parametrize(
    ("wire", "shown"),
    [
        ("", "uid 0 (any user)"),
        ("42", "uid 42"),
        ("4294967295", "uid 4294967295"),
        ("4294967296", "account '4294967296'"),
        ("0", "account '0'"),
        ("0042", "account '0042'"),
        ("٤٢", "account '٤٢'"),  # digits int() takes, but not ASCII: an account
        ("1" * 5000, "account '" + "1" * 5000 + "'"),  # past int()'s digit limit: no crash
    ],
)
def test_a_tokens_uid_text_reads_as_uid_or_account(wire: str, shown: str) -> None:
    d = diagnose(rtc_token(uid=wire), expect(CERT, channel="demo", now=ISSUED + 60))
    assert d.verdict is not None and d.verdict.ok
    assert f"for channel 'demo', {shown}" in d.verdict.summary
