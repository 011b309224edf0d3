"""Shared test set-up: isolation from the developer's real config and environment."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt tests run without a display unless a test starts Xvfb itself.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No test reads the developer's credentials, profiles or QSettings."""
    for name in list(os.environ):
        if name.startswith("AGORA_") and name != "AGORA_DESK_PLAIN_ZLIB":
            monkeypatch.delenv(name)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("AGORA_DESK_CONFIG_DIR", str(home / "config" / "agora-desk"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
