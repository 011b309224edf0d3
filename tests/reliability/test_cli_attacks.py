"""The CLI under hostile arguments and streams: real processes, every locale we can set."""

from __future__ import annotations

import json

import pytest
from _cli_process import CliProcess
from credentials import APP_ID, CERT

BIG = "9" * 5000
LOCALES = [
    {"LC_ALL": "C.UTF-8"},
    {"LC_ALL": "C", "PYTHONUTF8": "0"},
    {"LC_ALL": "POSIX", "PYTHONUTF8": "0", "PYTHONIOENCODING": "ascii"},
    {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "latin-1"},
]


def one_error(result_stderr: str) -> str:
    lines = result_stderr.strip().splitlines()
    assert len(lines) == 1, result_stderr[-1500:]
    assert lines[0].startswith("agora-desk: error: "), lines[0]
    assert "unexpected" not in lines[0] and "Traceback" not in result_stderr
    return lines[0]


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["rtc", "--channel", "c", "--uid", BIG], "--uid"),
        (["rtc", "--channel", "c", "--uid", "1", "--expire", BIG], "--expire"),
        (["rtc", "--channel", "c", "--uid", "1", "--salt", BIG], "--salt"),
        (["rtm", "--user-id", "u", "--expire", BIG], "--expire"),
        (["decode", "007abc", "--now", BIG], "--now"),
        (["serve", "--expire", BIG], "--expire"),
        (["serve", "--port", BIG], "--port"),
        (["rtc", "--channel", "c", "--uid-range", f"1-{BIG}"], "--uid-range"),
        (["request", "--preset", "projects", "--curl", "--body", '{"n": ' + BIG + "}"], "--body"),
    ],
)
def test_numbers_with_thousands_of_digits_are_an_error_naming_the_option(
    cli: CliProcess, argv: list[str], field: str
) -> None:
    env = cli.env(AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)
    result = cli.run(*argv, env=env)
    assert result.returncode == 2
    line = one_error(result.stderr)
    assert field in line and "99999999999" not in line and len(line) < 300


def test_option_values_that_look_like_options(cli: CliProcess) -> None:
    env = cli.env(AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)
    made = cli.run("rtc", "--channel=--", "--uid=0", "--json", env=env)
    assert made.returncode == 0, made.stderr
    token = json.loads(made.stdout)["token"]
    decoded = json.loads(cli.run("decode", token, "--json", env=env).stdout)
    assert "--" in json.dumps(decoded)
    dash = cli.run("rtc", "--channel=-x", "--uid=0", env=env)
    assert dash.returncode == 0 and dash.stdout.startswith("007"), dash.stderr
    missing = cli.run("rtc", "--channel", "-x", "--uid", "0", env=env)
    assert missing.returncode == 2
    assert "--channel=VALUE" in one_error(missing.stderr)


@pytest.mark.parametrize(
    "locale", LOCALES, ids=lambda e: ",".join(f"{k}={v}" for k, v in e.items())
)
def test_stdin_and_stdout_in_strict_c_and_other_locales(
    cli: CliProcess, locale: dict[str, str]
) -> None:
    env = cli.env(AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT, **locale)
    for argv in (
        ["decode", "-"],
        ["basic", "--decode", "-"],
        ["request", "--preset", "projects", "--body", "@-", "--curl"],
    ):
        result = cli.run(*argv, env=env, input=b"Basic \xff\xfe{\x80}")
        assert result.returncode == 2, (argv, result.stderr)
        line = one_error(result.stderr)
        # decode keeps odd bytes and says what the input is; the others need UTF-8.
        assert argv[0] == "decode" or "not UTF-8" in line, line
    # Non-ASCII out: a channel in Chinese decoded where stdout cannot encode it.
    token = cli.run(
        "rtc",
        "--channel",
        "频道",
        "--uid",
        "7",
        env=cli.env(AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT),
    ).stdout.strip()
    for argv in (["decode", token], ["decode", token, "--json"]):
        shown = cli.run(*argv, env=env)
        assert shown.returncode == 0, shown.stderr
        assert "Traceback" not in shown.stderr
        assert "频道" in shown.stdout or "\\u9891" in shown.stdout or "\\xe9" in shown.stdout
    piped = cli.run("decode", "-", env=env, input=token.encode())
    assert piped.returncode == 0, piped.stderr


@pytest.mark.parametrize("paste", [CERT + "x", "x" + CERT, CERT.upper(), f"Bearer {CERT}"])
def test_no_error_quotes_a_pasted_certificate(cli: CliProcess, paste: str) -> None:
    env = cli.env(AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)
    for argv in (
        ["decode", paste],
        ["rtc", "--channel", "c", "--uid", paste],
        ["basic", "--decode", paste],
    ):
        result = cli.run(*argv, env=env)
        assert result.returncode != 0
        pieces = {CERT[i : i + 8].lower() for i in range(len(CERT) - 7)}
        assert not any(p in result.stderr.lower() for p in pieces), (argv, result.stderr)
