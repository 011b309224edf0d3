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
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("AGORA_DESK_CONFIG_DIR", str(home / "config" / "agora-desk"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
