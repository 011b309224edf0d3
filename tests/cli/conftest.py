"""Shared fixtures of the CLI tests: the real ``agora-desk`` process, keyrings, config dirs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _cli_process import CliProcess
from secrets_fixtures import clean_env, config_dir, memory_keyring  # noqa: F401 - fixtures


@pytest.fixture
def cli(tmp_path: Path) -> Iterator[CliProcess]:
    """``agora-desk`` as a real process with an isolated environment and config dir."""
    runner = CliProcess(tmp_path / "cli-home")
    try:
        yield runner
    finally:
        runner.cleanup()
