"""Shared test set-up: isolation from the developer's real config and environment."""

from __future__ import annotations

import os

import pytest

# Qt tests run without a display unless a test starts Xvfb itself.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No test reads the developer's credentials, profiles or QSettings."""
    # Credentials only: AGORA_DESK_* settings (e.g. the throwaway-keyring
    # marker set by scripts/keyring-session.sh) must reach the tests.
    for name in list(os.environ):
        if name.startswith("AGORA_") and not name.startswith("AGORA_DESK_"):
            monkeypatch.delenv(name)
    # English unless a test asks for a language: the messages tests compare are English,
    # whatever language the developer's desktop speaks (children inherit this too).
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if name in ("LANGUAGE", "LC_MESSAGES") or not value.startswith(("C", "POSIX", "en")):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", os.environ.get("LANG") or "C.UTF-8")
    from agora_desk.core import i18n

    monkeypatch.setattr(i18n, "_override", None)
    monkeypatch.setattr(i18n, "_system", None)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("AGORA_DESK_CONFIG_DIR", str(home / "config" / "agora-desk"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


# -- the suite leaves the environment it runs from as it found it --------------
#
# A test that installs into this interpreter's environment (e.g. `pip install
# --prefix` with sys.executable, which first uninstalls agora-desk from it)
# breaks the developer's venv; the run fails when that happened.

_ENVIRONMENT: pytest.StashKey[tuple[frozenset[str], frozenset[str]]] = pytest.StashKey()


def _environment() -> tuple[frozenset[str], frozenset[str]]:
    """(installed distributions with versions, agora-desk commands beside this interpreter)."""
    import importlib.metadata
    import sys
    from pathlib import Path

    dists = frozenset(
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    commands = frozenset(p.name for p in Path(sys.executable).parent.glob("agora-desk*"))
    return dists, commands


def pytest_sessionstart(session: pytest.Session) -> None:
    session.stash[_ENVIRONMENT] = _environment()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    before = session.stash.get(_ENVIRONMENT, None)
    if before is None:
        return
    after = _environment()
    changes = [
        f"{what} {'removed' if item in old else 'added'}: {item}"
        for what, old, new in zip(("package", "command"), before, after, strict=True)
        for item in sorted(old ^ new)
    ]
    if changes:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = "\nthe tests changed the environment they ran from:\n  " + "\n  ".join(changes)
        if reporter is not None:
            reporter.write_line(message, red=True)
        else:
            print(message)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
