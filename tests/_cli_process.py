"""``agora-desk`` as a real process, with an environment isolated from the developer's.

The ``cli`` fixture (tests/cli/conftest.py) hands tests a :class:`CliProcess`;
other folders may construct one directly.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 60.0


class CliProcess:
    """Runs ``python -m agora_desk ARGS`` with no AGORA_* from outside and a private config dir."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.config_dir = home / "config" / "agora-desk"
        self.children: list[subprocess.Popen[str]] = []

    def env(self, **extra: str) -> dict[str, str]:
        """The child's environment: ours without AGORA_* credentials, plus ``extra``."""
        env = {
            k: v
            for k, v in os.environ.items()
            if not (k.startswith("AGORA_") and not k.startswith("AGORA_DESK_"))
        }
        env.update(
            PYTHONPATH=str(ROOT),
            AGORA_DESK_CONFIG_DIR=str(self.config_dir),
            XDG_CONFIG_HOME=str(self.home / "config"),
            PYTHONUNBUFFERED="1",
        )
        env.update(extra)
        return env

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "agora_desk", *args]

    def run(
        self,
        *args: str,
        env: Mapping[str, str] | None = None,
        input: str | bytes | None = None,
        timeout: float = TIMEOUT_S,
    ) -> subprocess.CompletedProcess[str]:
        """Run to the end; text output (bytes ``input`` is decoded by the child, not us)."""
        stdin = None if input is not None else subprocess.DEVNULL
        if isinstance(input, bytes):
            result = subprocess.run(
                self.command(*args), cwd=ROOT, env=dict(env or self.env()), input=input,
                capture_output=True, timeout=timeout, check=False,
            )  # fmt: skip
            return subprocess.CompletedProcess(
                result.args,
                result.returncode,
                result.stdout.decode("utf-8", "replace"),
                result.stderr.decode("utf-8", "replace"),
            )
        return subprocess.run(
            self.command(*args), cwd=ROOT, env=dict(env or self.env()), input=input, stdin=stdin,
            capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip

    def start(self, *args: str, env: Mapping[str, str] | None = None) -> subprocess.Popen[str]:
        """Start in the background; killed at the end of the test if still running."""
        child = subprocess.Popen(
            self.command(*args), cwd=ROOT, env=dict(env or self.env()), stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.children.append(child)
        return child

    def cleanup(self) -> None:
        for child in self.children:
            if child.poll() is None:
                child.kill()
            child.communicate()
