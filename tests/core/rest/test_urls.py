"""URL rules: HTTPS only, loopback HTTP, joining base URL and path."""

from __future__ import annotations

import pytest

from agora_desk.core import rest
from agora_desk.core.errors import InputError

# -- URL rules ---------------------------------------------------------------


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "[::1]", "api.localhost"]
)
def test_http_allowed_for_loopback(host: str) -> None:
    assert rest.check_base_url(f"http://{host}:8080") == []


@pytest.mark.parametrize(
    "url",
    [
        "http://api.agora.io",
        "http://10.0.0.1",
        "http://128.0.0.1",
        "http://[::2]",
        "http://localhost.example.com",
    ],
)
def test_http_refused_elsewhere(url: str) -> None:
    issues = rest.check_base_url(url)
    assert issues and "HTTPS only" in issues[0].message


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("", "empty"),
        ("api.agora.io", "no scheme"),
        ("ftp://api.agora.io", "not supported"),
        ("https://user:pw@api.agora.io", "password"),
        ("https://api.agora.io/#x", "fragment"),
        ("https://api.agora.io?x=1", "query"),
        ("https://api.agora.io:99999", "valid URL"),
    ],
)
def test_bad_base_urls_are_named(url: str, words: str) -> None:
    issues = rest.check_base_url(url)
    assert issues and words in issues[0].message


def test_join_url_keeps_prefix_and_query() -> None:
    assert rest.join_url("https://proxy.example/agora/", "dev/v1/projects?x=1") == (
        "https://proxy.example/agora/dev/v1/projects?x=1"
    )
    with pytest.raises(InputError, match="full URL"):
        rest.join_url("https://api.agora.io", "https://evil.example/x")


def test_same_origin() -> None:
    assert rest.same_origin("https://a.io/x", "https://a.io:443/y")
    assert not rest.same_origin("https://a.io", "https://b.io")
    assert not rest.same_origin("https://127.0.0.1:1", "https://127.0.0.1:2")
    assert not rest.same_origin("https://127.0.0.1", "http://127.0.0.1")


def test_environments_and_the_failover_order() -> None:
    from agora_desk.core.rest.environments import ENVIRONMENTS, failover_order, get_environment

    assert get_environment("production").base_url == "https://api.agora.io"
    assert get_environment("china").base_url == "https://api.sd-rtn.com"
    assert get_environment("eu-west-1-china").base_url == "https://api-eu-west-1.sd-rtn.com"
    assert len(ENVIRONMENTS) == 2 + 2 * 8 + 1
    with pytest.raises(InputError, match="--env"):
        get_environment("mars")
    assert failover_order("https://api.agora.io") == [
        ("https://api.agora.io", 0.0),
        ("https://api.agora.io", 1.0),
        ("https://api.sd-rtn.com", 3.0),
        ("https://api-us-west-1.agora.io", 6.0),
    ]
    assert failover_order("https://api-cn-north-1.sd-rtn.com")[2:] == [
        ("https://api-cn-north-1.agora.io", 3.0),
        ("https://api-us-west-1.sd-rtn.com", 6.0),
    ]
    assert failover_order("https://proxy.example/agora") == [
        ("https://proxy.example/agora", 0.0),
        ("https://proxy.example/agora", 1.0),
    ]
