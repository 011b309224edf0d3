from __future__ import annotations

import base64

import pytest

from agora_desk.core import basic
from agora_desk.core.errors import InputError
from agora_desk.core.secret import Secret


def test_build_and_parse_round_trip() -> None:
    header = basic.build_header("cid", Secret("s3cr:et"))
    assert header.reveal() == "Basic " + base64.b64encode(b"cid:s3cr:et").decode()
    assert "s3cr" not in repr(header) and "s3cr" not in str(header)
    cred = basic.parse_header("Authorization: " + header.reveal())
    assert cred.customer_id == "cid"
    assert cred.customer_secret.reveal() == "s3cr:et"  # the secret may contain ':'
    assert "s3cr" not in repr(cred)


@pytest.mark.parametrize(
    ("cid", "secret", "message"),
    [
        ("", "x", "Customer ID: is empty"),
        ("a:b", "x", "contains ':'"),
        ("cid", " x", "whitespace"),
        ("cid", '"x"', "quotes"),
        ("cid", "x\ty", "a tab at position 2"),
    ],
)
def test_bad_parts(cid: str, secret: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        basic.build_header(cid, Secret(secret))


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("Bearer abc", "does not start with 'Basic '"),
        ("Basic", "no credential"),
        ("Basic !!!", "not valid base64"),
        ("Basic " + base64.b64encode(b"nocolon").decode(), "no ':'"),
        ("Basic " + base64.b64encode(b"\xff\xfe:x").decode(), "not UTF-8"),
    ],
)
def test_parse_errors(header: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        basic.parse_header(header)


def test_secret_type_masks() -> None:
    s = Secret("abcdefgh1234")
    assert s.masked().endswith("1234") and "abcd" not in s.masked()
    assert f"{s}" == s.masked()
    with pytest.raises(TypeError):
        import pickle

        pickle.dumps(s)


def test_header_forms_for_a_raw_request_and_for_curl() -> None:
    header = basic.build_header("cid", Secret("it's"))
    line = basic.authorization_line(header).reveal()
    assert line == "Authorization: " + header.reveal()
    assert basic.parse_header(line).customer_secret == Secret("it's")
    command = basic.curl_with_header(header, "https://api.agora.io/dev/v1/projects")
    import shlex

    # A shell reads it back as curl, -H, the exact header line, the URL.
    assert shlex.split(command.reveal()) == [
        "curl",
        "-H",
        line,
        "https://api.agora.io/dev/v1/projects",
    ]
    assert "it's" not in repr(command)


def test_compare_with_saved_credentials() -> None:
    decoded = basic.parse_header(basic.build_header("cid", Secret("s1")).reveal())
    assert basic.compare(decoded, "cid", Secret("s1")) is basic.Match.SAME
    assert basic.compare(decoded, "cid", Secret("s2")) is basic.Match.OTHER_SECRET
    assert basic.compare(decoded, "other", Secret("s1")) is basic.Match.OTHER_ID
    assert basic.compare(decoded, "cid", None) is basic.Match.ID_ONLY
