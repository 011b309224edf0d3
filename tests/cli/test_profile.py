"""`agora-desk profile ...`: exit codes, output, and secrets that stay out of files."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from credentials import APP_ID, CERT, CUSTOMER_ID, CUSTOMER_SECRET
from keyring.backends import fail
from secrets_fixtures import (
    CERT2,
    ROOT,
    base_env,
    files_containing,
    run_cli,
    run_cli_subprocess,
    secret_forms,
    secret_service_usable,
    use_keyring,
)

import agora_desk.cli.profile as profile_cli
from agora_desk.core.secret import Secret
from agora_desk.secrets import KeyringStore, Profile, ProfileStore
from agora_desk.secrets.keyring_store import SERVICE
from agora_desk.secrets.testing import MemoryKeyring

OTHER_APP_ID = "abcdefabcdefabcdefabcdefabcdef12"


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    errors = [line for line in lines if line.startswith("agora-desk: error: ")]
    assert len(errors) == 1, err
    assert "Traceback" not in err
    return errors[0]


def tree(path: Path) -> dict[str, bytes]:
    if not path.exists():
        return {}
    return {str(p.relative_to(path)): p.read_bytes() for p in path.rglob("*") if p.is_file()}


# -- the commands, in-process, with an in-memory keyring --------------------------------


def test_add_says_where_the_secrets_went_in_chinese_without_english_words(
    config_dir: Path, memory_keyring: MemoryKeyring, clean_env: pytest.MonkeyPatch
) -> None:
    from agora_desk.core import i18n

    clean_env.setenv("AGORA_APP_CERTIFICATE", CERT)
    clean_env.setenv("AGORA_CUSTOMER_SECRET", CUSTOMER_SECRET)
    i18n.set_language("zh_CN")  # the tests' conftest puts English back
    code, _out, err = run_cli("add", "prod", "--app-id", APP_ID, "--customer-id", CUSTOMER_ID)
    assert code == 0, err
    assert "App 证书和客户密钥保存在" in err, err
    assert " and " not in err and " in " not in err


def test_add_list_show_remove(
    config_dir: Path, memory_keyring: MemoryKeyring, clean_env: pytest.MonkeyPatch
) -> None:
    clean_env.setenv("AGORA_APP_CERTIFICATE", CERT)
    clean_env.setenv("AGORA_CUSTOMER_SECRET", CUSTOMER_SECRET)
    code, out, err = run_cli("add", "prod", "--app-id", APP_ID, "--customer-id", CUSTOMER_ID)
    assert code == 0, err
    assert out == ""  # nothing to capture from `add`
    assert "saved profile 'prod'" in err and "App Certificate and Customer Secret" in err
    assert memory_keyring.entries == {
        (SERVICE, "prod/app_certificate"): CERT,
        (SERVICE, "prod/customer_secret"): CUSTOMER_SECRET,
    }

    code, out, err = run_cli("list")
    assert code == 0
    assert out.splitlines() == [
        "NAME  APP ID                            CUSTOMER ID",
        f"prod  {APP_ID}  {CUSTOMER_ID}",
    ]

    code, out, _ = run_cli("list", "--json")
    assert code == 0
    listed = json.loads(out)
    assert listed["profiles"] == [
        {"name": "prod", "app_id": APP_ID, "customer_id": CUSTOMER_ID, "notes": ""}
    ]
    assert listed["config_file"] == str(config_dir / "profiles.json")

    code, out, _ = run_cli("show", "prod")
    assert code == 0
    rows = {k: v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}
    assert rows["App Certificate"] == Secret(CERT).masked()
    assert rows["Secondary App Certificate"] == "not stored"
    assert rows["Customer Secret"] == Secret(CUSTOMER_SECRET).masked()
    assert CERT not in out and CUSTOMER_SECRET not in out

    code, out, _ = run_cli("show", "prod", "--json")
    shown = json.loads(out)
    assert shown["secrets"] == {
        "app_certificate": Secret(CERT).masked(),
        "app_certificate_secondary": None,
        "customer_secret": Secret(CUSTOMER_SECRET).masked(),
    }
    assert shown["app_id"] == APP_ID

    code, out, err = run_cli("remove", "prod")
    assert code == 0 and "removed profile 'prod'" in err
    assert memory_keyring.entries == {}
    code, out, err = run_cli("list")
    assert (code, out) == (0, "")
    assert "no profiles yet" in err


def test_existing_name_needs_replace(
    config_dir: Path, memory_keyring: MemoryKeyring, clean_env: pytest.MonkeyPatch
) -> None:
    clean_env.setenv("AGORA_APP_CERTIFICATE", CERT)
    assert run_cli("add", "prod", "--app-id", APP_ID)[0] == 0
    clean_env.setenv("AGORA_APP_CERTIFICATE", CERT2)
    code, _, err = run_cli("add", "prod", "--app-id", OTHER_APP_ID)
    assert code == 2
    assert "--replace" in one_error_line(err)
    assert memory_keyring.entries[(SERVICE, "prod/app_certificate")] == CERT

    assert run_cli("add", "prod", "--app-id", OTHER_APP_ID, "--replace")[0] == 0
    assert memory_keyring.entries[(SERVICE, "prod/app_certificate")] == CERT2
    assert ProfileStore().get("prod").app_id == OTHER_APP_ID


@pytest.mark.parametrize(
    ("argv", "env", "field"),
    [
        (["add", "prod", "--app-id", APP_ID[:-2]], {}, "App ID"),
        (["add", "a/b", "--app-id", APP_ID], {}, "profile name"),
        (
            ["add", "prod", "--app-id", APP_ID],
            {"AGORA_APP_CERTIFICATE": "nothex"},
            "App Certificate",
        ),
        (["add", "prod"], {}, "--app-id"),
        (["add", "prod", "--app-id", APP_ID, "--certificate", "x"], {}, "unrecognized"),
        (["show", "nope"], {}, "no profile named 'nope'"),
        (["remove", "nope"], {}, "no profile named 'nope'"),
        ([], {}, "ACTION"),
    ],
)
def test_invalid_input_exits_2_with_one_line(
    config_dir: Path,
    memory_keyring: MemoryKeyring,
    clean_env: pytest.MonkeyPatch,
    argv: list[str],
    env: dict[str, str],
    field: str,
) -> None:
    for name, value in env.items():
        clean_env.setenv(name, value)
    code, out, err = run_cli(*argv)
    assert code == 2
    assert field in one_error_line(err)
    assert out == ""
    assert CERT not in err and "nothex" not in err
    assert not config_dir.exists()
    assert memory_keyring.entries == {}


def test_secrets_are_asked_for_without_echo_on_a_terminal(
    config_dir: Path,
    memory_keyring: MemoryKeyring,
    clean_env: pytest.MonkeyPatch,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[str, bool]] = []

    def fake_prompt(label: str, *, secret: bool) -> str:
        asked.append((label, secret))
        return CERT if "Certificate" in label else CUSTOMER_SECRET

    monkeypatch.setattr(profile_cli, "tty_prompt", lambda: fake_prompt)
    code, _, err = run_cli("add", "prod", "--app-id", APP_ID, "--customer-id", CUSTOMER_ID)
    assert code == 0, err
    assert [secret for _, secret in asked] == [True, True]
    assert memory_keyring.entries[(SERVICE, "prod/customer_secret")] == CUSTOMER_SECRET


PTY_SHIM = """
import os, sys
import keyring
from agora_desk.secrets.testing import MemoryKeyring
from agora_desk.cli.main import main
backend = MemoryKeyring()
keyring.set_keyring(backend)
code = main(["profile", *sys.argv[1:]])
stored = backend.entries.get(("agora-desk", "tty/app_certificate"))
print("stored:", stored == os.environ["EXPECTED"], "code:", code)
"""


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_prompt_on_a_real_terminal_does_not_echo(tmp_path: Path) -> None:
    import select
    import subprocess

    try:
        master, slave = os.openpty()
    except OSError as exc:  # e.g. a chroot or container without /dev/pts
        pytest.skip(f"no pseudo-terminal here: {exc}")
    env = base_env(PYTHONPATH=str(ROOT), EXPECTED=CERT)
    env["AGORA_DESK_CONFIG_DIR"] = str(tmp_path / "cfg")
    # A new session has no controlling terminal, so getpass uses this pty, never
    # the terminal pytest itself may be running in.
    proc = subprocess.Popen(
        [sys.executable, "-c", PTY_SHIM, "add", "tty", "--app-id", APP_ID, "--customer-id", "c"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    seen = b""
    pos = 0  # end of the last marker found; the next one must come after it

    def read_until(marker: bytes | None, seconds: float = 20) -> None:
        """Read until ``marker`` follows the previous one (None: until the child closes the pty).

        Markers are whole prompts, never a newline: with PYTHONUNBUFFERED=1 the
        output arrives in other chunks, and a newline seen earlier must not count.
        """
        nonlocal seen, pos
        deadline = time.monotonic() + seconds
        while True:
            if marker is not None and (found := seen.find(marker, pos)) >= 0:
                pos = found + len(marker)
                return
            assert time.monotonic() < deadline, f"no {marker!r} within {seconds} s: {seen!r}"
            ready, _, _ = select.select([master], [], [], 0.2)
            if not ready:
                continue
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                chunk = b""
            if not chunk:
                assert marker is None, f"the terminal closed before {marker!r}: {seen!r}"
                return
            seen += chunk

    try:
        read_until(b"App Certificate for profile 'tty', empty to skip (not shown): ")
        os.write(master, CERT.encode() + b"\n")
        read_until(b"Customer Secret for profile 'tty', empty to skip (not shown): ")
        os.write(master, b"\n")  # skip
        read_until(None)  # everything, up to the child's exit
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    assert b"stored: True code: 0" in seen, seen
    assert CERT.encode() not in seen  # typed blind
    assert b"not shown" in seen


def test_without_terminal_or_env_the_profile_has_no_certificate(
    config_dir: Path, memory_keyring: MemoryKeyring, clean_env: pytest.MonkeyPatch
) -> None:
    clean_env.setenv("AGORA_CUSTOMER_SECRET", CUSTOMER_SECRET)
    code, _, err = run_cli("add", "prod", "--app-id", APP_ID)
    assert code == 0
    assert "no App Certificate saved" in err
    assert "the Customer Secret is not saved" in err  # no --customer-id to go with it
    assert memory_keyring.entries == {}


def test_keyring_unavailable_exits_1_and_writes_nothing(
    config_dir: Path, clean_env: pytest.MonkeyPatch
) -> None:
    clean_env.setenv("AGORA_APP_CERTIFICATE", CERT)
    with use_keyring(fail.Keyring()):
        code, out, err = run_cli("add", "prod", "--app-id", APP_ID)
    assert code == 1
    line = one_error_line(err)
    assert "OS keyring unavailable" in line
    assert "gnome-keyring" in line  # what to install or start
    assert "Nothing was changed" in line
    assert CERT not in err and out == ""
    assert not config_dir.exists()


def test_keyring_unavailable_leaves_an_existing_file_alone(
    config_dir: Path, clean_env: pytest.MonkeyPatch
) -> None:
    ProfileStore(secrets=KeyringStore(MemoryKeyring())).add(Profile("old", APP_ID))
    before = tree(config_dir)
    clean_env.setenv("AGORA_APP_CERTIFICATE", CERT)
    with use_keyring(fail.Keyring()):
        assert run_cli("add", "prod", "--app-id", APP_ID)[0] == 1
        assert run_cli("remove", "old")[0] == 1
        assert run_cli("list")[0] == 0  # listing needs no keyring
    assert tree(config_dir) == before


def test_corrupt_file_exits_1_naming_the_file(
    config_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "profiles.json").write_text("{ not json")
    code, _, err = run_cli("list")
    assert code == 1
    line = one_error_line(err)
    assert str(config_dir / "profiles.json") in line and "not valid JSON" in line
    assert (config_dir / "profiles.json").read_text() == "{ not json"


# -- in a separate process, as the entry point runs --------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="D-Bus is a Linux/BSD matter")
def test_subprocess_without_dbus_exits_1_with_the_reason(tmp_path: Path) -> None:
    env = base_env(
        AGORA_DESK_CONFIG_DIR=str(tmp_path / "cfg"),
        AGORA_APP_CERTIFICATE=CERT,
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "home" / "data"),
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    result = run_cli_subprocess("add", "prod", "--app-id", APP_ID, env=env)
    assert result.returncode == 1, result.stderr
    line = one_error_line(result.stderr)
    assert "DBUS_SESSION_BUS_ADDRESS is not set" in line
    assert "dbus-run-session" in line and "gnome-keyring-daemon --unlock" in line
    assert CERT not in result.stderr + result.stdout
    assert files_containing(tmp_path, secret_forms(CERT)) == []
    assert not (tmp_path / "cfg").exists()


def test_subprocess_with_the_fail_backend_configured(tmp_path: Path) -> None:
    env = base_env(
        AGORA_DESK_CONFIG_DIR=str(tmp_path / "cfg"),
        AGORA_APP_CERTIFICATE=CERT,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    result = run_cli_subprocess("add", "prod", "--app-id", APP_ID, env=env)
    assert result.returncode == 1, result.stderr
    line = one_error_line(result.stderr)
    assert "PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring" in line
    assert not (tmp_path / "cfg").exists()


def test_subprocess_refuses_the_plaintext_backend(tmp_path: Path) -> None:
    pytest.importorskip("keyrings.alt", reason="keyrings.alt not installed")
    env = base_env(
        AGORA_DESK_CONFIG_DIR=str(tmp_path / "cfg"),
        AGORA_APP_CERTIFICATE=CERT,
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "home" / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "home" / "config"),
    )
    result = run_cli_subprocess("add", "prod", "--app-id", APP_ID, env=env)
    assert result.returncode == 1, result.stderr
    assert "PlaintextKeyring" in one_error_line(result.stderr)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


# -- the whole life of two profiles, then a search of the disk for the secrets ------------


@pytest.fixture(params=["memory", pytest.param("secret_service", marks=pytest.mark.secret_service)])
def lifecycle_keyring(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "memory":
        with use_keyring(MemoryKeyring()):
            yield "memory"
        return
    reason = secret_service_usable()
    if reason:
        pytest.skip(reason)
    # use_keyring restores whatever was current; inside, keyring detects afresh.
    with use_keyring(fail.Keyring()):
        keyring.core.init_backend()
        yield "secret_service"


def test_lifecycle_leaves_no_secret_on_disk(
    tmp_path: Path, clean_env: pytest.MonkeyPatch, lifecycle_keyring: str
) -> None:
    keyring_files = os.environ.get("XDG_DATA_HOME")  # the daemon's, before we move HOME
    home = tmp_path / "home"
    for sub in ("", ".config", ".local/share", ".cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    clean_env.setenv("HOME", str(home))
    clean_env.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    clean_env.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    clean_env.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    # The default location, as a real user would have it (no AGORA_DESK_CONFIG_DIR).
    config_file = ProfileStore().config_path
    assert str(config_file).startswith(str(home))

    clean_env.setenv("AGORA_APP_CERTIFICATE", CERT)
    clean_env.setenv("AGORA_CUSTOMER_SECRET", CUSTOMER_SECRET)
    assert run_cli("add", "prod", "--app-id", APP_ID, "--customer-id", CUSTOMER_ID)[0] == 0
    clean_env.delenv("AGORA_CUSTOMER_SECRET")
    assert run_cli("add", "dev", "--app-id", OTHER_APP_ID)[0] == 0

    code, out, _ = run_cli("list", "--json")
    assert code == 0
    assert [p["name"] for p in json.loads(out)["profiles"]] == ["dev", "prod"]
    code, out, _ = run_cli("show", "prod", "--json")
    assert json.loads(out)["secrets"]["customer_secret"] == Secret(CUSTOMER_SECRET).masked()
    if lifecycle_keyring == "secret_service":
        assert "SecretService" in json.loads(out)["secret_store"]

    # Update: a new certificate for dev.
    clean_env.setenv("AGORA_APP_CERTIFICATE", CERT2)
    assert run_cli("add", "dev", "--app-id", OTHER_APP_ID, "--replace")[0] == 0
    assert ProfileStore().app_certificate("dev") == Secret(CERT2)
    clean_env.delenv("AGORA_APP_CERTIFICATE")

    if lifecycle_keyring == "secret_service":
        # Another process sees the same profile and secrets: they really are in the keyring.
        result = run_cli_subprocess("show", "prod", "--json", env=dict(os.environ))
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["secrets"]["app_certificate"] == Secret(CERT).masked()

    needles = secret_forms(CERT, CERT2, CUSTOMER_SECRET)
    assert files_containing(home, needles) == []
    if lifecycle_keyring == "secret_service" and keyring_files:
        # The throwaway gnome-keyring's own files hold the secrets encrypted only.
        assert list(Path(keyring_files).rglob("*.keyring"))
        assert files_containing(Path(keyring_files), needles) == []
    assert config_file.exists()

    assert run_cli("remove", "prod")[0] == 0
    assert run_cli("remove", "dev")[0] == 0
    assert ProfileStore().names() == []
    for kind in ("app_certificate", "customer_secret"):
        for name in ("prod", "dev"):
            assert keyring.get_password(SERVICE, f"{name}/{kind}") is None
    assert files_containing(home, needles) == []
