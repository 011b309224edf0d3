"""Each error class names its own exit status; the CLI uses it (docs/cli.md: 0 / 1 / 2)."""

from __future__ import annotations

import argparse
import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from agora_desk.cli.common import EnvironmentProblem, run_command
from agora_desk.core.errors import AgoraDeskError, ExitStatus, InputError, TokenFormatError
from agora_desk.secrets.errors import (
    ConfigError,
    KeyringLocked,
    NoKeyringBackend,
    ProfileExists,
    ProfileNotFound,
)
from agora_desk.server.runner import PortInUse


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (InputError("uid", "is bad"), ExitStatus.INVALID),
        (TokenFormatError("not a token"), ExitStatus.INVALID),
        (ProfileNotFound("x", []), ExitStatus.INVALID),
        (ProfileExists("x"), ExitStatus.INVALID),
        (PortInUse("127.0.0.1", 8082), ExitStatus.INVALID),
        (KeyringLocked("locked", "unlock it"), ExitStatus.CHECK_FAILED),
        (NoKeyringBackend("none", "install one"), ExitStatus.CHECK_FAILED),
        (ConfigError(Path("/x/profiles.json"), "damaged", True), ExitStatus.CHECK_FAILED),
        (EnvironmentProblem("no keyring"), ExitStatus.CHECK_FAILED),
    ],
)
def test_run_command_exits_with_the_error_class_status(
    error: AgoraDeskError, status: ExitStatus
) -> None:
    def command(args: argparse.Namespace) -> int:
        raise error

    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        code = run_command(command, argparse.Namespace())
    assert code == status == type(error).exit_code
    assert err.getvalue() == f"agora-desk: error: {error}\n"


def test_interrupt_is_130() -> None:
    def command(args: argparse.Namespace) -> int:
        raise KeyboardInterrupt

    with redirect_stderr(io.StringIO()):
        assert run_command(command, argparse.Namespace()) == ExitStatus.INTERRUPTED == 130
