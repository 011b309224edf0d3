"""The command line: reproduce vectors, exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from agora_desk.cli.main import main
from agora_desk.core.credentials import Credentials
from agora_desk.core.formats import signaling, v006, v007
from agora_desk.core.secret import Secret
from tests.vectors import load

PUBLISHED = {c["name"]: c for c in load("published.json")}
APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def creds_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGORA_APP_ID", APP_ID)
    monkeypatch.setenv("AGORA_APP_CERTIFICATE", CERT)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_rtc_reproduces_published_vector(
    creds_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    case = PUBLISHED["rtc join, numeric uid"]
    code, out, err = run(
        capsys, "rtc", "--channel", case["services"][0]["channel_name"], "--uid", "2882341273",
        "--role", "subscriber", "--expire", "600", "--salt", "1", "--issued-at", "1111111",
    )  # fmt: skip
    assert (code, out, err) == (0, case["token"] + "\n", "")


def test_rtc_json_schema(creds_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "rtc", "--channel", "demo", "--account", "alice", "--rtm-user", "alice", "--json"
    )
    assert code == 0
    obj = json.loads(out)
    assert set(obj) == {"token", "warnings", "decoded"}
    assert obj["decoded"]["signature_valid"] is True
    assert [s["name"] for s in obj["decoded"]["services"]] == ["RTC", "RTM"]
    assert obj["decoded"]["services"][0]["uid"] == "alice"


def test_uid_range_csv(creds_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "rtc",
        "--channel",
        "load",
        "--uid-range",
        "5-9",
        "--salt",
        "3",
        "--issued-at",
        "1000",
    )
    assert code == 0
    rows = [line.split(",") for line in out.splitlines()]
    assert [int(uid) for uid, _ in rows] == [5, 6, 7, 8, 9]
    for uid, token in rows:
        tok = v007.parse(token)
        assert tok.services[0].uid == uid  # type: ignore[attr-defined]
        assert v007.verify(tok, CERT)


def test_uid_range_json_lines(creds_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rtc", "--channel", "load", "--uid-range", "1-3", "--json")
    assert code == 0
    assert [json.loads(line)["uid"] for line in out.splitlines()] == [1, 2, 3]


def test_rtm_and_legacy(creds_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "rtm", "--user-id", "bob", "--legacy", "--issued-at", "1000", "--expire", "60"
    )
    assert code == 0
    tok = v006.parse(out.strip())
    assert tok.privileges == {1000: 1060}
    assert v006.verify(tok, CERT, "bob", "")


def test_legacy_formats_take_argv_bytes_that_are_not_utf8(
    creds_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Such bytes reach Python as lone surrogates; 006 signs the bytes given, as 007 does."""
    odd = os.fsdecode(b"ch\xff")
    code, out, err = run(capsys, "rtc", "--legacy", "--channel", odd, "--issued-at", "1000")
    assert code == 0 and "unexpected" not in err
    tok = v006.parse(out.strip())
    assert v006.verify(tok, CERT, odd, "") and tok.channel_matches(odd)
    code, out, err = run(capsys, "rtm", "--legacy", "--user-id", odd)
    assert code == 0 and "unexpected" not in err
    code, out, err = run(capsys, "decode", out.strip(), "--channel", odd, "--account", odd)
    # The 006 RTM token has the empty uid ("any user"), so the account fits too.
    assert code == 0 and "unexpected" not in err
    legacy = signaling.build(odd, APP_ID, CERT, 4_000_000_000)
    code, out, err = run(capsys, "decode", legacy, "--account", odd)
    assert (code, err) == (0, "")


def test_warnings_on_stderr_token_alone_on_stdout(
    creds_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "rtc", "--channel", "bad/name", "--expire", "90000")
    assert code == 0
    assert out.count("\n") == 1 and out.startswith("007")
    assert "'/' at position 4" in err
    assert "86400" in err


def test_an_expiry_that_looks_like_a_unix_time_is_named_as_such(
    creds_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The 006/007 unit mix-up: an absolute time passed where a lifetime is asked."""
    code, out, err = run(capsys, "rtc", "--channel", "c", "--expire", "1764547200")
    assert code == 0 and out.startswith("007")
    assert "1764547200 s looks like a Unix time, not a lifetime" in err and "e.g. 3600" in err
    code, out, err = run(capsys, "rtc", "--channel", "c", "--expire", "90000")
    assert "Unix time" not in err and "more than Agora's maximum of 86400 s" in err


def test_role_ignored_warning(creds_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "rtc", "--channel", "c", "--role", "subscriber", "--join-expire", "60"
    )
    assert code == 0
    assert "--role is ignored" in err
    assert v007.parse(out.strip()).services[0].privileges == {1: 60, 2: 3600, 3: 3600, 4: 3600}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["rtc", "--channel", "c", "--uid", "abc"], "--uid: 'abc' is not a whole number"),
        (["rtc", "--channel", "c", "--uid", "4294967296"], "out of range"),
        (["rtc", "--channel", "c", "--expire", "-5"], "--expire: -5 is negative"),
        (["rtc", "--channel", "c", "--expire", "ten"], "--expire: 'ten' is not a whole number"),
        (["rtc", "--channel", "c", "--role", "admin"], "role"),
        (["rtc", "--channel", "c", "--uid-range", "9-1"], "before the start"),
        (["rtc", "--channel", "c", "--uid-range", "1-x"], "--uid-range end"),
        (["rtc", "--channel", "c", "--legacy", "--rtm-user", "u"], "--rtm-user: 006"),
        (["rtc", "--channel", "c", "--rtm-expire", "5"], "needs --rtm-user"),
        (["rtc", "--channel", "c", "--salt", "-1"], "--salt"),
        (["rtm", "--user-id", ""], "--user-id: is empty"),
        (["rtc"], "--channel"),
        (["rtc", "--channel", "c", "--account", ""], "account: is empty"),
        (["decode", "hello"], "not an Agora token"),
        (["decode", "007eJxT"], "cut off after 7 characters"),
        (["basic", "--decode", "Bearer x"], "Basic"),
        (["basic", "--reveal"], "--reveal"),
        (["rtc", "--channel", "c", "--nope"], "unrecognized arguments"),
    ],
)
def test_invalid_input_exit_2_one_line(
    creds_env: None, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    try:
        code = main(args)
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    _, err = capsys.readouterr()
    assert code == 2, err
    assert err.count("\n") == 1, err
    assert err.startswith("agora-desk: error: ")
    assert message in err
    assert "Traceback" not in err


def test_bad_app_id_from_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AGORA_APP_ID", APP_ID[:-1] + "Z")
    monkeypatch.setenv("AGORA_APP_CERTIFICATE", CERT)
    code, out, err = run(capsys, "rtc", "--channel", "c")
    assert code == 2
    assert "'Z' at position 32" in err
    assert out == ""


def test_no_credentials_without_tty(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "rtc", "--channel", "c")
    assert code == 2
    assert "AGORA_APP_ID" in err or "App ID" in err


def test_decode_checks_and_exit_codes(creds_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    case = PUBLISHED["rtc join, numeric uid"]
    # Built 1970 + 13 days: expired now; signature fine with the env certificate.
    code, out, _ = run(capsys, "decode", case["token"], "--json")
    assert code == 1
    obj = json.loads(out)
    assert obj["signature_valid"] is True
    assert {c["name"]: c["ok"] for c in obj["checks"]}["expiry"] is False
    code, out, _ = run(capsys, "decode", case["token"], "--now", "1111200", "--uid", "2882341273",
                       "--channel", case["services"][0]["channel_name"])  # fmt: skip
    assert code == 0, out
    assert "[ok  ] uid" in out
    code, out, _ = run(capsys, "decode", case["token"], "--now", "1111200", "--uid", "0")
    assert code == 1
    assert "[FAIL] uid" in out


def test_decode_never_quotes_a_character_of_the_certificate(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AGORA_APP_CERTIFICATE", CERT[:-1] + "X")
    code, _, err = run(capsys, "decode", "007eJxT")
    assert code == 2 and "AGORA_APP_CERTIFICATE" in err and "position 32" in err
    assert "X" not in err


def test_decode_json_error_on_garbage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "decode", "007!!!", "--json")
    assert code == 2
    doc = json.loads(out)
    assert "not part of a token" in doc["error"] and doc["partial"] == {"version": "007"}


def test_basic_round_trip_through_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setenv("AGORA_CUSTOMER_ID", "cust")
    monkeypatch.setenv("AGORA_CUSTOMER_SECRET", "hunter2secret")
    code, out, _ = run(capsys, "basic")
    assert code == 0
    header = out.strip()
    monkeypatch.setattr(sys, "stdin", io.StringIO(header))
    code, out, _ = run(capsys, "basic", "--decode", "-")
    assert (code, out) == (0, "cust\n")
    monkeypatch.setattr(sys, "stdin", io.StringIO(header))
    code, out, _ = run(capsys, "basic", "--decode", "-", "--reveal")
    assert out == "cust\nhunter2secret\n"


def _subprocess(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("AGORA_")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "agora_desk", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=ROOT,
        timeout=60,
    )


def _python_with_credentials(code: str) -> subprocess.CompletedProcess[str]:
    """``python -c code`` in a fresh interpreter, with the test project's credentials."""
    env = {**os.environ, "AGORA_APP_ID": APP_ID, "AGORA_APP_CERTIFICATE": CERT}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120, env=env
    )


def test_version_and_no_qt_on_cli_path() -> None:
    proc = _subprocess("--version")
    assert proc.returncode == 0
    assert proc.stdout.startswith("agora-desk ")
    code = (
        "import sys; from agora_desk.cli.main import main; "
        "rc = main(['rtc', '--channel', 'c']); "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'keyring', 'httpx', 'aiohttp'))]; "
        "print(rc, bad)"
    )
    proc = _python_with_credentials(code)
    assert proc.stdout.strip().endswith("0 []"), proc.stdout + proc.stderr


def test_subprocess_error_has_no_traceback() -> None:
    proc = _subprocess(
        "rtc",
        "--channel",
        "c",
        "--uid",
        "x",
        env={"AGORA_APP_ID": APP_ID, "AGORA_APP_CERTIFICATE": CERT},
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_help_lists_every_command() -> None:
    proc = _subprocess("--help")
    assert proc.returncode == 0
    for name in ("rtc", "rtm", "basic", "decode", "request", "serve", "profile"):
        assert name in proc.stdout


def test_unknown_option_values_are_not_echoed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(
            [
                "rtc",
                "--channel",
                "c",
                "--certificate",
                "5CFd2fd1755d40ecb72977518be15d3b",
                "--cert=abcd1234abcd",
            ]
        )
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "--certificate" in err and "--cert" in err
    assert "5CFd2fd1" not in err and "abcd1234" not in err


def test_decode_json_is_valid_utf8_for_invalid_utf8_fields(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from agora_desk.core.formats.v007 import RtcService

    token = v007.build(
        APP_ID,
        CERT,
        [RtcService(privileges={1: 0}, channel_name="bad\udcff", uid="")],
        expire=0,
        issued_at=1,
        salt=1,
    )
    code, out, _ = run(capsys, "decode", token, "--json")
    assert code == 0
    out.encode("utf-8")
    assert json.loads(out)["services"][0]["channel_name"] == "bad\udcff"
    assert any("not valid UTF-8" in w for w in json.loads(out)["warnings"])


def test_profile_credentials_for_rtc_decode_and_basic(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--profile: App ID from the profile file, certificate and secret from the keyring."""
    from agora_desk.core.secret import Secret
    from agora_desk.secrets.keyring_store import KeyringStore
    from agora_desk.secrets.profiles import Profile, ProfileStore
    from agora_desk.secrets.testing import MemoryKeyring
    from tests.secrets_fixtures import use_keyring

    backend = MemoryKeyring()
    with use_keyring(backend):
        ProfileStore(secrets=KeyringStore()).add(
            Profile("dev", APP_ID, "cust"),
            app_certificate=Secret(CERT),
            customer_secret=Secret("s3cretvalue"),
        )
        code, out, err = run(capsys, "rtc", "--profile", "dev", "--channel", "c", "--uid", "9")
        assert (code, err) == (0, "")
        tok = v007.parse(out.strip())
        assert tok.app_id == APP_ID and v007.verify(tok, CERT)

        code, out, _ = run(
            capsys, "decode", out.strip(), "--certificate-from-profile", "dev", "--json"
        )
        checks = {c["name"]: c["ok"] for c in json.loads(out)["checks"]}
        assert code == 0 and checks["signature"] and checks["app id"]

        other = v007.build(
            APP_ID,
            "0" * 32,
            [v007.RtcService(privileges={1: 0}, channel_name="c")],
            expire=0,
            issued_at=1,
            salt=1,
        )
        code, out, _ = run(capsys, "decode", other, "--profile", "dev")
        assert code == 1 and "[FAIL] signature" in out

        code, out, _ = run(capsys, "basic", "--profile", "dev")
        assert (code, out.strip()) == (0, "Basic Y3VzdDpzM2NyZXR2YWx1ZQ==")

        code, _, err = run(capsys, "rtc", "--profile", "nope", "--channel", "c")
        assert code == 2 and "nope" in err
    assert not any(CERT in str(call) for call in backend.calls if call[0] != "set")


def test_uid_range_in_parallel_workers_matches_single_builds() -> None:
    """The forked-worker path (large ranges) writes every uid once, in order, same tokens."""
    code = (
        "import sys; from agora_desk.cli import batch; batch.PARALLEL_MIN_TOKENS = 1; "
        "batch._worker_count = lambda n: 3; "
        "from agora_desk.cli.main import main; "
        "sys.exit(main(['rtc', '--channel', 'load', '--uid-range', '0-2999', '--salt', '7', '--issued-at', '1000']))"
    )
    proc = _python_with_credentials(code)
    assert proc.returncode == 0, proc.stderr
    rows = [line.split(",") for line in proc.stdout.splitlines()]
    assert [int(uid) for uid, _ in rows] == list(range(3000))
    from agora_desk.core import builders

    creds = Credentials(APP_ID, Secret(CERT))
    for uid, token in rows[::97] + rows[-3:]:
        want = builders.build_rtc(
            creds, builders.RtcRequest("load", uid=int(uid)), builders.Stamp(1000, 7)
        )
        assert token == want.token


@pytest.mark.parametrize("uid", ["bob", "²", "٤٢"])
def test_a_uid_that_is_not_ascii_digits_points_at_account(
    creds_env: None, capsys: pytest.CaptureFixture[str], uid: str
) -> None:
    code, _out, err = run(capsys, "rtc", "--channel", "demo", "--uid", uid)
    assert code == 2 and "use --account" in err, err
