"""Fixtures and helpers shared by the secrets / profile tests.

The fixtures reach tests/secrets/ and tests/cli/ through their conftest.py;
the helpers are imported by name (``from secrets_fixtures import ...``).
"""

from __future__ import annotations

import base64
import contextlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest
from credentials import CUSTOMER_ID, CUSTOMER_SECRET, OTHER_CERT

from agora_desk.secrets.testing import MemoryKeyring

ROOT = Path(__file__).resolve().parent.parent
WRAPPER = ROOT / "scripts" / "keyring-session.sh"

CERT2 = OTHER_CERT  # a second certificate, for "replace" and "wrong secret" cases

ENV_VARS = (
    "AGORA_APP_ID",
    "AGORA_APP_CERTIFICATE",
    "AGORA_CUSTOMER_ID",
    "AGORA_CUSTOMER_SECRET",
    "AGORA_DESK_CONFIG_DIR",
    "AGORA_DESK_KEYRING_TIMEOUT",
    "PYTHON_KEYRING_BACKEND",
)

# `agora-desk profile ARGS` in a fresh interpreter, through the real entry point.
CLI_SHIM = (
    "import sys\n"
    "from agora_desk.cli.main import main\n"
    "raise SystemExit(main(['profile', *sys.argv[1:]]))\n"
)


@contextlib.contextmanager
def use_keyring(backend: keyring.backend.KeyringBackend) -> Iterator[None]:
    """Make ``backend`` keyring's current one, and put the previous one back."""
    previous = keyring.core._keyring_backend
    keyring.set_keyring(backend)
    try:
        yield
    finally:
        keyring.core._keyring_backend = previous


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture
def config_dir(tmp_path: Path, clean_env: pytest.MonkeyPatch) -> Path:
    """An empty, not yet created, config dir that the default ProfileStore uses."""
    path = tmp_path / "config" / "agora-desk"
    clean_env.setenv("AGORA_DESK_CONFIG_DIR", str(path))
    return path


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    with use_keyring(backend):
        yield backend


def run_cli(*argv: str) -> tuple[int, str, str]:
    """``agora-desk profile ARGV`` in-process: (exit code, stdout, stderr)."""
    from agora_desk.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["profile", *argv])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def run_cli_subprocess(
    *argv: str, env: dict[str, str], timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    full_env = {"PYTHONPATH": str(ROOT), **env}
    return subprocess.run(
        [sys.executable, "-c", CLI_SHIM, *argv],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def run_python(script: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``script`` in a fresh interpreter: this checkout on the path, no AGORA_* from outside."""
    return subprocess.run(
        [sys.executable, "-c", script],
        env=base_env(PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def base_env(**extra: str) -> dict[str, str]:
    """A minimal environment for child processes: no AGORA_* leaking in from outside."""
    env = {k: v for k, v in os.environ.items() if k not in ENV_VARS}
    env.update(extra)
    return env


def secret_service_usable() -> str | None:
    """None if the throwaway Secret Service of scripts/keyring-session.sh is here,
    else the reason to skip."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset); run under " + str(WRAPPER)
    if os.environ.get("AGORA_DESK_THROWAWAY_KEYRING") != "1":
        return (
            "not inside scripts/keyring-session.sh (AGORA_DESK_THROWAWAY_KEYRING unset): "
            "these tests write to the session keyring and will not touch a real one"
        )
    try:
        from keyring.backends import SecretService

        SecretService.Keyring.priority  # raises when not usable
    except Exception as exc:
        return f"Secret Service backend not usable: {exc}"
    return None


def session_tools_missing() -> str | None:
    for tool in ("dbus-run-session", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            return f"{tool} not installed (apt install gnome-keyring dbus-x11)"
    return None


def secret_forms(*secrets: str) -> list[bytes]:
    """The byte strings that would betray a secret on disk: plain, UTF-16, base64."""
    forms: list[bytes] = []
    for secret in secrets:
        raw = secret.encode()
        forms += [raw, secret.encode("utf-16-le"), base64.b64encode(raw)]
        forms.append(base64.urlsafe_b64encode(raw))
    # The Basic header a careless implementation might cache.
    forms.append(base64.b64encode(f"{CUSTOMER_ID}:{CUSTOMER_SECRET}".encode()))
    return forms


def files_containing(root: Path, needles: list[bytes]) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            hits += [f"{path}: {needle!r}" for needle in needles if needle in data]
    return hits
