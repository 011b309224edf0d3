"""Shared fixtures of the token-server tests. Traffic goes to 127.0.0.1 only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from _server_helpers import serving

from agora_desk.server.runner import ServerHandle


@pytest.fixture(scope="module")
def server() -> Iterator[ServerHandle]:
    """One server (default expiry 3600 s) per test module."""
    with serving(default_expire=3600) as handle:
        yield handle
