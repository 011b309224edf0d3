"""The set-up scripts: what they install, and how they decide what is missing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETUP = ROOT / "scripts" / "_setup.sh"


def _bash(script: str) -> list[str]:
    result = subprocess.run(
        ["bash", "-c", f"SETUP_NAME=test; . {SETUP}; {script}"],
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_app_list_has_python_venv_and_the_qt_runtime() -> None:
    app = _bash('printf "%s\\n" "${APP_DEBIAN_PACKAGES[@]}"')
    # python3-venv: a stock Ubuntu lacks it, and `python3 -m venv` fails without it.
    assert {"python3", "python3-venv", "libegl1", "libxkbcommon0", "libxcb-cursor0"} <= set(app)
    assert len(app) == len(set(app))


def test_the_test_list_adds_what_the_tests_and_the_bundle_use() -> None:
    app = set(_bash('printf "%s\\n" "${APP_DEBIAN_PACKAGES[@]}"'))
    test = _bash('printf "%s\\n" "${TEST_DEBIAN_PACKAGES[@]}"')
    wanted = {"xvfb", "gnome-keyring", "dbus", "desktop-file-utils", "appstream", "binutils"}
    assert wanted <= set(test)
    assert not app & set(test), "each package is listed once"


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="not a Debian system")
def test_missing_packages_are_neither_installed_nor_provided() -> None:
    installed = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Package}\\n", "bash"], capture_output=True, text=True
    ).stdout.split()
    assert installed == ["bash"]
    # bash is installed; a name no package has is missing.
    assert _bash("missing_debian_packages bash no-such-package-agora-desk") == [
        "no-such-package-agora-desk"
    ]
    # A name an installed package Provides counts as installed (Ubuntu 24.04's
    # libglib2.0-0t64 provides libglib2.0-0).
    listing = subprocess.run(
        ["dpkg-query", "-W", "-f", "${db:Status-Status}|${Provides}\n"],
        capture_output=True, text=True,
    ).stdout  # fmt: skip
    provided = [
        line.split("|", 1)[1].split(",")[0].split("(")[0].strip()
        for line in listing.splitlines()
        if line.startswith("installed|") and line.split("|", 1)[1].strip()
    ]
    if provided:
        assert _bash(f"missing_debian_packages {provided[0]}") == []


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "exec scripts/test" in ci
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    commands = [line.split("#")[0].strip() for line in readme[:5] if line.startswith("    ")]
    assert commands == ["scripts/start", "scripts/test"]
