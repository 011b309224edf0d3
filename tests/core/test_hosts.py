"""The one "this machine only" rule shared by the REST client, the token server and the window."""

from __future__ import annotations

import pytest

from agora_desk.core.hosts import ip_literal, is_loopback_host, is_unspecified_address


@pytest.mark.parametrize(
    "host",
    ["localhost", "LOCALHOST.", "app.localhost", "127.0.0.1", "127.8.9.10", "::1", "[::1]",
     " 127.0.0.1 ", "::ffff:127.0.0.1", "::1%lo"],
)  # fmt: skip
def test_loopback(host: str) -> None:
    assert is_loopback_host(host)


@pytest.mark.parametrize(
    "host",
    ["", "example.com", "localhost.example.com", "10.0.0.1", "0.0.0.0", "::", "::ffff:10.0.0.1",
     "127.0.0.1.nip.io", "[::1"],
)  # fmt: skip
def test_not_loopback(host: str) -> None:
    assert not is_loopback_host(host)


def test_unspecified() -> None:
    assert is_unspecified_address("0.0.0.0") and is_unspecified_address("::")
    assert not is_unspecified_address("127.0.0.1") and not is_unspecified_address("localhost")


def test_ip_literal() -> None:
    assert str(ip_literal("[fe80::1%eth0]")) == "fe80::1"
    assert ip_literal("example.com") is None
