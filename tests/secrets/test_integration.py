"""Against a real Secret Service (gnome-keyring), never the developer's own.

Two kinds of test, all marked ``secret_service``:

* those that use the session keyring run only inside
  ``scripts/keyring-session.sh`` (which marks its throwaway keyring with
  AGORA_DESK_THROWAWAY_KEYRING=1), and skip elsewhere with the reason;
* those that need a keyring in a particular bad state (locked, never
  created, hung) start their own private D-Bus session in a child process,
  so they only need dbus-run-session and gnome-keyring-daemon installed.

Run them all with:
    scripts/keyring-session.sh .venv/bin/python -m pytest tests/secrets -m secret_service
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from credentials import APP_ID, CERT, CUSTOMER_ID, CUSTOMER_SECRET
from keyring.backends import fail
from secrets_fixtures import (
    CLI_SHIM,
    ROOT,
    WRAPPER,
    base_env,
    files_containing,
    run_python,
    secret_forms,
    secret_service_usable,
    session_tools_missing,
    use_keyring,
)

from agora_desk.core.secret import Secret
from agora_desk.secrets import KeyringStore, Profile, ProfileStore
from agora_desk.secrets.keyring_store import SERVICE, choose_backend

pytestmark = pytest.mark.secret_service


@pytest.fixture
def real_keyring() -> Iterator[None]:
    reason = secret_service_usable()
    if reason:
        pytest.skip(reason)
    # Detect afresh (another test may have pinned a backend); restore afterwards.
    with use_keyring(fail.Keyring()):
        keyring.core.init_backend()
        yield


@pytest.fixture
def own_session_tools() -> None:
    reason = session_tools_missing()
    if reason:
        pytest.skip(reason)


def secret_service_items(attributes: dict[str, str]) -> list[tuple[str, bytes]]:
    import secretstorage

    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        return [
            (item.get_label(), item.get_secret()) for item in collection.search_items(attributes)
        ]
    finally:
        connection.close()


# -- the session keyring of scripts/keyring-session.sh -----------------------------------


def test_round_trip_lands_in_the_secret_service(real_keyring: None) -> None:
    backend = choose_backend()
    assert type(backend).__module__ == "keyring.backends.SecretService"
    store = KeyringStore()
    store.set("itest", "app_certificate", Secret(CERT))
    try:
        assert "SecretService" in store.description
        assert store.get("itest", "app_certificate") == Secret(CERT)
        items = secret_service_items({"service": SERVICE, "username": "itest/app_certificate"})
        assert [secret for _, secret in items] == [CERT.encode()]
    finally:
        store.delete("itest", "app_certificate")
    assert store.get("itest", "app_certificate") is None
    assert secret_service_items({"service": SERVICE, "username": "itest/app_certificate"}) == []
    store.delete("itest", "app_certificate")  # already gone: fine


def test_profiles_with_the_real_keyring(real_keyring: None, config_dir: Path) -> None:
    store = ProfileStore()
    store.add(Profile("itest", APP_ID, CUSTOMER_ID), Secret(CERT), Secret(CUSTOMER_SECRET))
    try:
        fresh = ProfileStore()  # nothing cached between the two
        assert fresh.app_certificate("itest") == Secret(CERT)
        assert fresh.stored_secrets("itest")["customer_secret"] == Secret(CUSTOMER_SECRET).masked()
        assert files_containing(config_dir, secret_forms(CERT, CUSTOMER_SECRET)) == []
    finally:
        store.remove("itest")
    assert secret_service_items({"service": SERVICE, "username": "itest/customer_secret"}) == []


CHOICE = textwrap.dedent(
    """
    import json, sys
    from agora_desk.secrets import KeyringStore

    store = KeyringStore()
    store.check()
    modules = sorted(name for name in sys.modules if name.startswith("keyring.backends."))
    print(json.dumps({"backend": store.backend_name, "modules": modules}))
    """
)


def test_a_process_opens_the_secret_service_without_keyrings_search(real_keyring: None) -> None:
    result = run_python(CHOICE)
    assert result.returncode == 0, result.stderr
    chosen = last_json(result)
    assert chosen["backend"] == "SecretService Keyring"
    # keyring's search imports every backend it has, and its macOS one runs
    # ldconfig and gcc on Linux: the cost this process no longer pays.
    assert "keyring.backends.macOS" not in chosen["modules"], chosen["modules"]


# -- keyrings in bad states, each in a private D-Bus session --------------------------------


def run_in_own_session(
    tmp_path: Path, script: str, *args: str, unlocked: bool = True, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a fresh D-Bus session: with the wrapper's unlocked
    keyring, or (``unlocked=False``) with none, so gnome-keyring is D-Bus
    activated without a login keyring."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    # A runtime dir of its own too: gnome-keyring looks there for a running
    # daemon (the wrapper's, under keyring-session.sh) and would defer to it.
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    child_env = base_env(
        XDG_RUNTIME_DIR=str(runtime),
        PYTHONPATH=str(ROOT),
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        AGORA_DESK_CONFIG_DIR=str(tmp_path / "cfg"),
        **env,
    )
    for name in (
        "DBUS_SESSION_BUS_ADDRESS",
        "AGORA_DESK_THROWAWAY_KEYRING",
        "GNOME_KEYRING_CONTROL",
    ):
        child_env.pop(name, None)
    python = [sys.executable, "-c", script, *args]
    command = [str(WRAPPER), *python] if unlocked else ["dbus-run-session", "--", *python]
    return subprocess.run(
        command,
        env=child_env,
        capture_output=True,
        text=True,
        timeout=90,
        stdin=subprocess.DEVNULL,
        check=False,
    )


OUTCOME = textwrap.dedent(
    """
    import json, sys
    from agora_desk.core.secret import Secret
    from agora_desk.secrets import KeyringStore

    def outcome(call):
        try:
            call()
        except Exception as exc:
            print(json.dumps({"error": type(exc).__name__, "message": str(exc)}))
        else:
            print(json.dumps({"error": None}))
    """
)


def last_json(result: subprocess.CompletedProcess[str]) -> dict[str, object]:
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, f"no result; stdout={result.stdout!r} stderr={result.stderr!r}"
    return json.loads(lines[-1])  # type: ignore[no-any-return]


def test_locked_keyring(tmp_path: Path, own_session_tools: None) -> None:
    script = OUTCOME + textwrap.dedent(
        f"""
        import secretstorage
        store = KeyringStore()
        store.set("prod", "app_certificate", Secret({CERT!r}))
        connection = secretstorage.dbus_init()
        secretstorage.get_default_collection(connection).lock()
        # Headless: the unlock prompt cannot be shown, as if refused.
        outcome(lambda: store.get("prod", "app_certificate"))
        """
    )
    result = run_in_own_session(tmp_path, script)
    got = last_json(result)
    assert got["error"] == "KeyringLocked", result.stderr
    assert "locked" in str(got["message"]) and "unlock" in str(got["message"]).lower()
    assert CERT not in result.stdout + result.stderr


def test_no_keyring_yet_and_the_prompt_cannot_be_shown(
    tmp_path: Path, own_session_tools: None
) -> None:
    result = run_in_own_session(
        tmp_path, CLI_SHIM, "add", "prod", "--app-id", APP_ID,
        unlocked=False, AGORA_APP_CERTIFICATE=CERT,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("agora-desk:")]
    assert len(errors) == 1 and errors[0].startswith("agora-desk: error: OS keyring unavailable")
    assert "dismissed or could not be shown" in errors[0]
    assert "Traceback" not in result.stderr and CERT not in result.stderr
    assert not (tmp_path / "cfg").exists()
    assert files_containing(tmp_path, secret_forms(CERT)) == []


def test_hung_keyring_daemon_times_out(tmp_path: Path, own_session_tools: None) -> None:
    script = OUTCOME + textwrap.dedent(
        """
        import os, signal, time
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        # Start the daemon and let keyring pick its backend while it answers, with
        # all the time a loaded machine needs; only the hung read has 1 s.
        KeyringStore(timeout=60.0).check()
        store = KeyringStore(timeout=1.0)
        with open_dbus_connection("SESSION") as bus:
            reply = bus.send_and_get_reply(
                message_bus.GetConnectionUnixProcessID("org.freedesktop.secrets")
            )
        daemon = reply.body[0]  # this session's own gnome-keyring-daemon
        os.kill(daemon, signal.SIGSTOP)
        try:
            started = time.monotonic()
            outcome(lambda: store.get("prod", "app_certificate"))
            print(json.dumps({"elapsed": time.monotonic() - started}))
        finally:
            os.kill(daemon, signal.SIGCONT)
        """
    )
    result = run_in_own_session(tmp_path, script)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 2, result.stdout + result.stderr
    assert lines[0]["error"] == "KeyringTimeout", result.stderr
    assert "did not answer within 1 s" in lines[0]["message"]
    assert lines[1]["elapsed"] < 5
