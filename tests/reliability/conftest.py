"""The reliability suite: the attacks of issue 16, run on every CI run, on loopback only.

Each test is bounded (the whole folder stays well under 60 s); a failure
means a regression in how the token server, the CLI or the profile store
stands up to hostile input or concurrency.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from _cli_process import CliProcess
from secrets_fixtures import clean_env, config_dir, memory_keyring  # noqa: F401 - fixtures


@pytest.fixture
def cli(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CliProcess]:
    runner = CliProcess(tmp_path_factory.mktemp("cli-home"))
    try:
        yield runner
    finally:
        runner.cleanup()
