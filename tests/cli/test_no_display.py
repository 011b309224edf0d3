"""Without a display, `agora-desk` says so in one line and exits 2, before Qt is loaded."""

from __future__ import annotations

import subprocess
import sys

import pytest
from _cli_process import ROOT, CliProcess

from agora_desk.cli.main import DISPLAY_VARIABLES, no_display

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the display check is for Linux only"
)


def _headless_env(cli: CliProcess) -> dict[str, str]:
    env = cli.env()
    for name in DISPLAY_VARIABLES:
        env.pop(name, None)
    return env


@linux_only
@pytest.mark.parametrize("args", [[], ["--smoke-test"]])
def test_the_window_without_a_display_is_one_line_and_exit_2(
    cli: CliProcess, args: list[str]
) -> None:
    result = cli.run(*args, env=_headless_env(cli))
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("agora-desk: error: no display")
    for advice in ("desktop session", "xvfb-run agora-desk", "agora-desk --help"):
        assert advice in lines[0]


@linux_only
def test_qt_is_never_loaded_without_a_display(cli: CliProcess) -> None:
    # Qt would pick a platform plugin and abort (exit 134); the check runs first.
    probe = (
        "import sys\n"
        "from agora_desk.cli.main import main\n"
        "code = main([])\n"
        "print(code, sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env=_headless_env(cli),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split(" ", 1) == ["2", "[]\n"], result.stdout + result.stderr


def test_the_command_line_needs_no_display(cli: CliProcess) -> None:
    result = cli.run("decode", "--help", env=_headless_env(cli))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ""}, "linux", True),  # empty counts as unset
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_when_there_is_no_display(environ: dict[str, str], platform: str, expected: bool) -> None:
    assert no_display(environ, platform) is expected
