"""``agora-desk decode`` through a real process: verdict first, causes in order, safe output."""

from __future__ import annotations

import codecs
import json
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from _cli_process import CliProcess
from credentials import APP_ID, CERT, OTHER_APP_ID, OTHER_CERT
from secrets_fixtures import secret_service_usable

from agora_desk.core.checks import Expectations
from agora_desk.core.diagnostics import Candidate, diagnose
from agora_desk.core.formats import v006, v007
from agora_desk.core.formats.v007 import RtcService, RtmService
from agora_desk.core.wire import text

ISSUED = 1_700_000_000
NOW = str(ISSUED + 60)
# CJK, then a byte that is not UTF-8: both must survive every serializer.
CHANNEL = text("频道-".encode() + b"\xff")


def token_007(*services: v007.Service, expire: int = 3600, certificate: str = CERT) -> str:
    return v007.build(APP_ID, certificate, list(services), expire=expire, issued_at=ISSUED, salt=5)


def rtc(
    channel: str = "demo", uid: str = "42", privileges: dict[int, int] | None = None
) -> RtcService:
    return RtcService(
        privileges=privileges or {1: 3600, 2: 3600, 3: 3600, 4: 3600}, channel_name=channel, uid=uid
    )


def token_006(uid: str = "42", join_until: int = ISSUED + 3600) -> str:
    return v006.build(APP_ID, CERT, "demo", uid, {1: join_until}, salt=5, ts=ISSUED + 86_400)


def decode_json(
    cli: CliProcess, token: str, *args: str, **env: str
) -> tuple[int, dict[str, object]]:
    done = cli.run("decode", "-", "--json", "--now", NOW, *args, input=token, env=cli.env(**env))
    assert done.stderr == "", done.stderr
    return done.returncode, json.loads(done.stdout)


def check(doc: dict[str, object], name: str) -> dict[str, object]:
    checks = doc["checks"]
    assert isinstance(checks, list)
    found = [c for c in checks if c["name"] == name]
    assert len(found) == 1, checks
    return found[0]


class NoProfiles:
    def candidates(self, app_id: str) -> Sequence[Candidate]:
        return []

    def profiles_with(self, app_id: str) -> Sequence[str]:
        return []


def test_decode_json_equals_inspect_export_json_byte_for_byte(cli: CliProcess) -> None:
    from agora_desk.gui.inspect.tab import decoded_json

    token = token_007(rtc(channel=CHANNEL, privileges={1: 3600}))
    done = cli.run("decode", "-", "--json", "--now", NOW, input=token)
    assert (done.returncode, done.stderr) == (0, "")
    gui = decoded_json(diagnose(token, Expectations(now=ISSUED + 60), lookup=NoProfiles()))
    assert done.stdout == gui + "\n"
    assert "频道" in done.stdout  # readable, not \\uXXXX
    assert json.loads(done.stdout)["services"][0]["channel_name"] == CHANNEL


def test_006_with_the_wrong_uid_blames_the_uid_never_the_certificate(cli: CliProcess) -> None:
    code, doc = decode_json(cli, token_006(), "--channel", "demo", "--uid", "7",
                            AGORA_APP_CERTIFICATE=CERT)  # fmt: skip
    assert code == 1
    verdict = doc["verdict"]
    assert isinstance(verdict, dict)
    assert verdict["cause"] == "uid" and verdict["summary"].startswith("Rejected:")
    assert doc["checks"][0]["name"] == "uid"  # type: ignore[index]
    signature = check(doc, "signature")
    assert signature["ok"] is None and "cannot tell" in str(signature["detail"])
    assert doc["signature_valid"] is None
    assert "certificate" not in str(verdict["summary"]).lower()


def test_valid_token_first_sentence_names_what_it_is(cli: CliProcess) -> None:
    code, doc = decode_json(cli, token_007(rtc()), "--channel", "demo", "--uid", "42",
                            AGORA_APP_CERTIFICATE=CERT)  # fmt: skip
    assert code == 0
    assert doc["verdict"] == {
        "ok": True,
        "cause": None,
        "summary": "Valid RTC publisher token for channel 'demo', uid 42; expires in 59 min",
    }
    assert doc["signed_by"] == {"profile": None, "certificate": "primary"}


def test_no_profile_means_no_app_id_check(cli: CliProcess) -> None:
    code, doc = decode_json(cli, token_007(rtc()), AGORA_APP_CERTIFICATE=CERT)
    assert code == 0 and "app id" not in [c["name"] for c in doc["checks"]]  # type: ignore[union-attr]
    code, doc = decode_json(cli, token_007(rtc()), AGORA_APP_CERTIFICATE=CERT, AGORA_APP_ID=APP_ID)
    assert "AGORA_APP_ID" in str(check(doc, "app id")["detail"])
    assert "profile" not in str(check(doc, "app id")["detail"])


def test_006_expiry_is_the_join_privilege_not_ts(cli: CliProcess) -> None:
    _, doc = decode_json(cli, token_006(join_until=ISSUED + 3600))
    detail = str(check(doc, "expiry")["detail"])
    assert detail.startswith("valid, expires in 59 min (its join privilege)")


def test_now_in_the_past_does_not_blame_the_clock(cli: CliProcess) -> None:
    done = cli.run("decode", token_007(rtc()), "--json", "--now", str(ISSUED - 3600))
    doc = json.loads(done.stdout)
    expiry = check(doc, "expiry")
    assert (
        expiry["ok"] is False and "NTP" not in str(expiry["fix"]) and "--now" in str(expiry["fix"])
    )


def test_account_zero_and_leading_zeros(cli: CliProcess) -> None:
    token = token_007(rtc(uid="0"))
    code, doc = decode_json(cli, token, "--account", "0")
    assert code == 0 and check(doc, "uid")["ok"] is True
    code, doc = decode_json(cli, token, "--uid", "0")
    assert code == 1 and "you join as uid 0" in str(check(doc, "uid")["detail"])
    code, doc = decode_json(cli, token_007(rtc(uid="0042")), "--uid", "42")
    assert code == 1
    done = cli.run("rtc", "--channel", "c", "--account", "0",
                   env=cli.env(AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT))  # fmt: skip
    assert done.returncode == 0 and "same as for the integer uid" not in done.stderr


def test_role_and_rtm_user(cli: CliProcess) -> None:
    subscriber = token_007(rtc(privileges={1: 3600}))
    code, doc = decode_json(cli, subscriber, "--role", "publisher")
    assert code == 1 and doc["verdict"]["cause"] == "role"  # type: ignore[index]
    code, doc = decode_json(cli, token_007(rtc()), "--rtm-user", "alice")
    assert code == 1 and "no RTM" in str(check(doc, "rtm user")["detail"])
    both = token_007(rtc(), RtmService(privileges={1: 3600}, user_id="alice"))
    code, doc = decode_json(cli, both, "--rtm-user", "alice")
    assert code == 0


@pytest.mark.parametrize(
    ("code", "expect"),
    [
        ("110", "ERR_INVALID_TOKEN (110) here means: built for uid 42, you join as uid 7"),
        ("invalid token, authorized failed", "Web SDK"),
        ("reason 8", "connection-state reason 8"),
    ],
)
def test_error_code_matched_against_the_token(cli: CliProcess, code: str, expect: str) -> None:
    _, doc = decode_json(cli, token_007(rtc()), "--uid", "7", "--error", code)
    assert expect in str(check(doc, "error code")["detail"])


def test_unknown_error_code_says_so(cli: CliProcess) -> None:
    _, doc = decode_json(cli, token_007(rtc()), "--error", "4242")
    error = check(doc, "error code")
    assert error["ok"] is None and "not an error this tool knows" in str(error["detail"])


def test_lifetime_linter_catches_a_unix_time(cli: CliProcess) -> None:
    token = token_007(rtc(privileges={1: ISSUED + 3600}), expire=ISSUED + 3600)
    code, doc = decode_json(cli, token)
    lifetime = check(doc, "lifetime")
    assert code == 1 and lifetime["ok"] is False and "Unix time" in str(lifetime["detail"])


def test_a_lifetime_over_24_h_is_accepted_not_rejected(cli: CliProcess) -> None:
    # Agora accepts the token and ends it after 24 h: "Rejected" would send the user
    # hunting for a cause that is not there. One sentence for the shared duration.
    every = {1: 90_000, 2: 90_000, 3: 90_000, 4: 90_000}
    code, doc = decode_json(cli, token_007(rtc(privileges=every), expire=90_000), "--uid", "42")
    verdict = doc["verdict"]
    assert isinstance(verdict, dict)
    summary = str(verdict["summary"])
    assert code == 1 and verdict["ok"] is False and verdict["cause"] == "lifetime"
    assert summary.startswith("Accepted RTC publisher token for channel 'demo', uid 42, but ")
    assert summary.count("more than Agora's maximum of 24 h") == 1, summary
    assert "the token's expire, RTC joinChannel, " in summary and " are 1 d 1 h" in summary


def test_a_rejection_outranks_a_lifetime_problem(cli: CliProcess) -> None:
    token = token_007(rtc(), expire=90_000, certificate=OTHER_CERT)
    code, doc = decode_json(cli, token, AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)
    verdict = doc["verdict"]
    assert isinstance(verdict, dict)
    assert code == 1 and verdict["cause"] == "signature"
    assert str(verdict["summary"]).startswith("Rejected: ")


@pytest.mark.parametrize("pasted", [CERT[:-1], CERT + "x", "x" + CERT[:20]])
def test_a_pasted_piece_of_a_certificate_is_never_quoted(cli: CliProcess, pasted: str) -> None:
    done = cli.run("decode", pasted)
    assert done.returncode == 2 and "not an Agora token" in done.stderr
    assert CERT[:6] not in done.stderr and CERT[:6] not in done.stdout


def test_cut_off_token_first_sentence_and_partial(cli: CliProcess) -> None:
    token = token_007(rtc())
    done = cli.run("decode", "-", "--json", input=token[:60])
    assert done.returncode == 2
    doc = json.loads(done.stdout)
    assert doc["error"] == "the token is cut off after 60 characters — copy it again in full"
    assert doc["partial"]["version"] == "007"
    done = cli.run("decode", "-", input="006" + APP_ID + "IAB")
    assert done.returncode == 2 and "cut off after" in done.stderr and "zlib" not in done.stderr
    assert done.stdout == f"what the token still shows:\n  version: 006\n  App ID: {APP_ID}\n"


def run_on_a_terminal(cli: CliProcess, *args: str) -> tuple[int, str]:
    """``agora-desk ARGS`` with stdout and stderr on one pseudo-terminal: what a person sees."""
    import os
    import select

    if not hasattr(os, "openpty"):
        pytest.skip("needs a pseudo-terminal")
    try:
        master, slave = os.openpty()
    except OSError as exc:  # e.g. a container without /dev/pts
        pytest.skip(f"no pseudo-terminal here: {exc}")
    env = cli.env()
    del env["PYTHONUNBUFFERED"]  # a terminal's own buffering (line by line) decides the order
    proc = subprocess.Popen(
        cli.command(*args), env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave,
        start_new_session=True,
    )  # fmt: skip
    os.close(slave)
    seen = b""
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 30)
            assert ready, f"no output within 30 s: {seen!r}"
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return code, seen.decode().replace("\r\n", "\n")


def test_cut_off_token_on_a_terminal_says_why_before_what_is_left(cli: CliProcess) -> None:
    code, seen = run_on_a_terminal(cli, "decode", "006" + APP_ID + "IAB")
    assert code == 2
    assert seen == (
        "agora-desk: error: the token is cut off after 39 characters — copy it again in full\n"
        f"what the token still shows:\n  version: 006\n  App ID: {APP_ID}\n"
    )


def test_cut_off_007_text_shows_what_its_bytes_still_give(cli: CliProcess) -> None:
    token = token_007(rtc())
    done = cli.run("decode", "-", "--now", NOW, input=token[: len(token) - 8])
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert f"  App ID: {APP_ID}\n" in done.stdout
    assert "  issued at: 2023-11-14T22:13:20Z" in done.stdout and "  expire: 3600 s" in done.stdout


@pytest.mark.parametrize(
    "damage",
    [
        lambda t: t.replace("/", "\\/"),  # as a JSON string writes it
        lambda t: t.replace("+", " "),
        lambda t: t.replace("+", "%2B"),
        lambda t: '"' + t[:40] + "\n" + t[40:] + '"',
    ],
)
def test_paste_damage_is_repaired_and_offered(cli: CliProcess, damage: object) -> None:
    token = next(
        t for t in (token_007(rtc(uid=str(n))) for n in range(1, 400)) if "+" in t and "/" in t
    )
    broken = damage(token)  # type: ignore[operator]
    code, doc = decode_json(cli, broken)
    assert code == 0 and doc["cleaned"] == token


def test_dynamic_key_v1_is_named(cli: CliProcess) -> None:
    v1 = (
        "870588aad271ff47094eb622617e89d6b5b5a615970ca35de60c44645bbae8a215061b3314464554720383bbf5"
    )
    done = cli.run("decode", v1)
    assert done.returncode == 0
    assert done.stdout.startswith("DynamicKey (version 1, no prefix)")
    assert "cannot be verified" in done.stdout


def test_report_is_safe_to_share(cli: CliProcess) -> None:
    token = token_007(rtc())
    done = cli.run(
        "decode", token, "--report", "--now", NOW, env=cli.env(AGORA_APP_CERTIFICATE=CERT)
    )
    assert done.returncode == 0
    out = done.stdout
    assert APP_ID not in out and "…" + APP_ID[-4:] in out
    assert token not in out and token[3:20] not in out
    parsed = v007.parse(token)
    assert parsed.signature.hex() not in out
    assert "salt:" not in out.lower() and "\nsignature" not in out
    assert out.startswith("agora-desk token report\nverdict: Valid RTC publisher token")
    # Who signed it reads as in decode's text (one sentence for both).
    assert "\nsigned by: the primary certificate from the environment\n" in out


@pytest.mark.parametrize("locale", ["C", "C.UTF-8"])
def test_output_is_valid_utf8_in_any_locale(cli: CliProcess, locale: str) -> None:
    token = token_007(rtc(channel=CHANNEL))
    env = cli.env(LC_ALL=locale, LANG=locale, PYTHONIOENCODING="utf-8:strict")
    proc = subprocess.run(
        cli.command("decode", "-", "--now", NOW), input=token.encode(), capture_output=True,
        env=env, timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")  # strict: raises on invalid UTF-8
    assert "频道-\\xff" in out and "unexpected" not in proc.stderr.decode()


@pytest.mark.parametrize(
    "encoded",
    [
        lambda t: codecs.BOM_UTF8 + (t + "\r\n").encode(),  # Notepad
        lambda t: (t + "\r\n").encode("utf-16"),  # PowerShell's '>': UTF-16 with its mark
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_a_token_file_written_on_windows_decodes_from_stdin(
    cli: CliProcess, encoded: Callable[[str], bytes]
) -> None:
    token = token_007(rtc())
    done = cli.run("decode", "-", "--json", "--now", NOW, input=encoded(token))
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["signature"] == v007.parse(token).signature.hex()


def test_broken_utf16_on_stdin_is_named(cli: CliProcess) -> None:
    done = cli.run("decode", "-", input=codecs.BOM_UTF16_LE + b"0")
    assert done.returncode == 2
    assert "stdin starts as UTF-16 text but is not whole UTF-16" in done.stderr
    assert "Traceback" not in done.stderr


def test_stdin_larger_than_any_token_is_refused_not_read(cli: CliProcess) -> None:
    done = cli.run("decode", "-", input=b"007" + b"A" * (5 * 1024 * 1024))
    assert done.returncode == 2
    assert "stdin holds more than 4 MiB" in done.stderr


def test_garbage_is_quoted_as_pasted(cli: CliProcess) -> None:
    done = cli.run("decode", "hello world token")
    assert done.returncode == 2 and "'hello world …'" in done.stderr


@pytest.fixture
def saved_profiles(cli: CliProcess, tmp_path: Path) -> dict[str, str]:
    reason = secret_service_usable()
    if reason:
        pytest.skip(reason)
    names = {"mine": f"mine-{tmp_path.name}"[:60], "other": f"other-{tmp_path.name}"[:60]}
    for key, app_id, cert in (("mine", APP_ID, CERT), ("other", OTHER_APP_ID, OTHER_CERT)):
        done = cli.run("profile", "add", names[key], "--app-id", app_id,
                       env=cli.env(AGORA_APP_CERTIFICATE=cert))  # fmt: skip
        assert done.returncode == 0, done.stderr
    yield names
    for name in names.values():
        cli.run("profile", "remove", name)


def test_signer_found_among_saved_profiles(cli: CliProcess, saved_profiles: dict[str, str]) -> None:
    code, doc = decode_json(cli, token_007(rtc()))
    assert code == 0 and doc["signed_by"] == {
        "profile": saved_profiles["mine"],
        "certificate": "primary",
    }
    assert doc["signature_valid"] is True


def test_token_of_another_saved_project_says_which(
    cli: CliProcess, saved_profiles: dict[str, str]
) -> None:
    done = cli.run("decode", "-", "--json", "--now", NOW, "--certificate-from-profile",
                   saved_profiles["other"], input=token_007(rtc()))  # fmt: skip
    doc = json.loads(done.stdout)
    assert done.returncode == 1 and doc["verdict"]["cause"] == "app id"
    assert saved_profiles["mine"] in str(check(doc, "app id")["detail"])
    assert check(doc, "signature")["ok"] is None  # not blamed on the certificate


def test_no_keyring_is_a_warning_not_a_failure(cli: CliProcess) -> None:
    env = cli.env(
        DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    done = cli.run("profile", "list", env=env)
    token = token_007(rtc())
    done = cli.run("decode", token, "--now", NOW, env=env)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("legacy", [False, True])
@pytest.mark.parametrize("joining", [("--uid", "43"), ("--account", "alice")])
def test_a_uid_0_token_lets_any_user_join(
    cli: CliProcess, legacy: bool, joining: tuple[str, str]
) -> None:
    # The official builders: uid 0 means "any uid from the app client can join".
    token = token_006(uid="") if legacy else token_007(rtc(uid=""))
    code, doc = decode_json(
        cli, token, "--channel", "demo", *joining, AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT
    )
    verdict = doc["verdict"]
    assert isinstance(verdict, dict)
    assert code == 0 and verdict["ok"] is True, verdict
    assert check(doc, "uid")["ok"] is True and "any uid" in str(check(doc, "uid")["detail"])
    assert check(doc, "signature")["ok"] is True


def test_a_written_uid_0_is_the_account_0(cli: CliProcess) -> None:
    # uid 0 is written as ""; a written "0" can only come from the string account "0".
    code, doc = decode_json(cli, token_007(rtc(uid="0")), "--uid", "0")
    verdict = doc["verdict"]
    assert isinstance(verdict, dict)
    assert code == 1 and str(verdict["summary"]).startswith(
        "Rejected: built for account '0', you join as uid 0 (any user)"
    )
    code, doc = decode_json(cli, token_007(rtc(uid="0")), "--account", "0")
    assert code == 0 and "account '0'" in str(doc["verdict"])


def test_a_006_mismatch_names_the_user_not_a_crc(cli: CliProcess) -> None:
    code, doc = decode_json(cli, token_006(), "--channel", "demo", "--uid", "43")
    summary = str(doc["verdict"]["summary"])  # type: ignore[index]
    assert code == 1 and summary.startswith("Rejected: not built for uid 43 "), summary
    assert "CRC" not in summary


def test_a_subscriber_verdict_says_the_consequence_once(cli: CliProcess) -> None:
    token = token_007(rtc(privileges={1: 3600}))
    code, doc = decode_json(cli, token, "--role", "publisher")
    summary = str(doc["verdict"]["summary"])  # type: ignore[index]
    assert code == 1 and summary.count("publishing is refused") == 1, summary
