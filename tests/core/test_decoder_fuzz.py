"""Fuzzing the decoder: whatever is pasted, only the core's typed errors come out.

The Inspect tab shows ``str(error)`` as a one-line reason for any
:class:`AgoraDeskError`; anything else would be an exception dialog (or a
traceback from the CLI). Mutations start from real tokens so that they get
past the base64 and zlib layers into the field parsers.
"""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

from _inspect_helpers import expect, token_006, token_with_unknown_service
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from vectors import all_cases

from agora_desk.core.checks import Expectations
from agora_desk.core.decode import parse_any
from agora_desk.core.decoded import to_tree
from agora_desk.core.diagnostics import diagnose
from agora_desk.core.errors import AgoraDeskError
from agora_desk.core.formats import v005

REAL = [case["token"] for case in all_cases()]
# Hand-built tokens add shapes the vectors lack (an unknown service, 005).
BUILT = [
    token_with_unknown_service(42),
    token_006(),
    v005.build(1, "a" * 32, "b" * 32, "demo", 5, unix_ts=1, random=2, expired_ts=3),
]
SEEDS = REAL + BUILT

FUZZ = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

EXPECT = expect(
    certificate="0123456789abcdef0123456789abcdef", channel="demo", uid="42", app_id="x" * 32, now=0
)


def survives(text: str, expect: Expectations = EXPECT) -> None:
    """The invariant: a DecodedToken that renders, or an AgoraDeskError with a message."""
    try:
        parse_any(text)
        decoded = diagnose(text, expect)
    except AgoraDeskError as exc:
        assert str(exc).strip(), "a typed error must carry a reason"
        return
    # What the tab and `decode --json` do with a result must not fail either.
    tree = to_tree(decoded)
    for node in tree.children:
        node.text(expect.now)
    json.dumps(decoded.to_json())


# -- mutations of the text --------------------------------------------------------------

edit = st.tuples(
    st.sampled_from(["flip", "insert", "delete"]),
    st.floats(min_value=0, max_value=1, allow_nan=False),
    st.sampled_from([*"AZaz09+/=-_%\"' \n", "\x00", "é", "中"]),
)


def apply_text_edits(text: str, edits: list[tuple[str, float, str]]) -> str:
    chars = list(text)
    for kind, where, ch in edits:
        pos = min(int(where * len(chars)), max(len(chars) - 1, 0))
        if kind == "insert":
            chars.insert(pos, ch)
        elif chars and kind == "flip":
            chars[pos] = ch
        elif chars:
            del chars[pos]
    return "".join(chars)


@FUZZ
@given(st.sampled_from(SEEDS), st.lists(edit, min_size=1, max_size=6))
def test_edited_token_text(token: str, edits: list[tuple[str, float, str]]) -> None:
    survives(apply_text_edits(token, edits))


@FUZZ
@given(st.sampled_from(SEEDS), st.integers(min_value=0, max_value=600))
def test_truncated_token_text(token: str, keep: int) -> None:
    survives(token[:keep])


# -- mutations of the bytes inside ---------------------------------------------------------

byte_edit = st.tuples(
    st.sampled_from(["flip", "insert", "delete", "max_u16"]),
    st.floats(min_value=0, max_value=1, allow_nan=False),
    st.integers(min_value=0, max_value=255),
)


def apply_byte_edits(data: bytes, edits: list[tuple[str, float, int]]) -> bytes:
    buf = bytearray(data)
    for kind, where, value in edits:
        pos = min(int(where * len(buf)), max(len(buf) - 1, 0))
        if kind == "insert":
            buf.insert(pos, value)
        elif buf and kind == "flip":
            buf[pos] = value
        elif buf and kind == "delete":
            del buf[pos]
        elif len(buf) > pos + 1:
            buf[pos : pos + 2] = b"\xff\xff"  # a length or count that runs past the end
    return bytes(buf)


def reencode(token: str, mutate: Any) -> str:
    """Apply ``mutate`` to the bytes under the token's base64 (and zlib for 007)."""
    if token.startswith("007"):
        content = zlib.decompress(base64.b64decode(token[3:]))
        return "007" + base64.b64encode(zlib.compress(mutate(content))).decode()
    if token.startswith("006"):
        head = token[:35]
        return head + base64.b64encode(mutate(base64.b64decode(token[35:]))).decode()
    return token[:3] + base64.b64encode(mutate(base64.b64decode(token[3:]))).decode()


@FUZZ
@given(st.sampled_from(SEEDS), st.lists(byte_edit, min_size=1, max_size=6))
def test_edited_content_recompressed(token: str, edits: list[tuple[str, float, int]]) -> None:
    survives(reencode(token, lambda content: apply_byte_edits(content, edits)))


@FUZZ
@given(st.sampled_from(SEEDS), st.integers(min_value=0, max_value=400))
def test_truncated_content_recompressed(token: str, keep: int) -> None:
    survives(reencode(token, lambda content: content[:keep]))


@FUZZ
@given(st.sampled_from(REAL or ["007"]), st.binary(min_size=1, max_size=64))
def test_appended_service_bytes(token: str, tail: bytes) -> None:
    # Unknown services, extra bytes and half services after the last one.
    survives(reencode(token, lambda content: content + tail))


def test_every_vector_survives_every_truncation_of_its_content() -> None:
    # Exhaustive and cheap: every cut point of every real token's content.
    for token in REAL[:40]:
        if token.startswith("007"):
            content = zlib.decompress(base64.b64decode(token[3:]))
            for cut in range(len(content)):
                survives("007" + base64.b64encode(zlib.compress(content[:cut])).decode())


# -- random input -------------------------------------------------------------------------


@FUZZ
@given(st.sampled_from(["007", "006", "005", "004", "003", ""]), st.binary(max_size=300))
def test_random_bytes_under_a_version_prefix(prefix: str, data: bytes) -> None:
    survives(prefix + base64.b64encode(data).decode())
    survives(prefix + base64.b64encode(zlib.compress(data)).decode())
    if prefix == "006":
        survives(prefix + "a" * 32 + base64.b64encode(data).decode())


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_as_text(data: bytes) -> None:
    survives(data.decode("latin-1"))
    survives(data.decode("utf-8", "replace"))


@FUZZ
@given(
    st.sampled_from(["", "007", "006", "005", "004", "1:", '"', "agora token=", "%30%30%37"]),
    st.text(max_size=200),
)
@example("1:", "a" * 32 + ":" + "9" * 5000 + ":" + "b" * 32)
@example("004", "a" * 40 + "b" * 32 + "9" * 10 + "c" * 8 + "9" * 10)
@example("", "%ZZ%")
def test_random_text(prefix: str, text: str) -> None:
    survives(prefix + text)


@FUZZ
@given(
    st.sampled_from(SEEDS),
    st.one_of(st.none(), st.text(max_size=40)),
    st.one_of(st.none(), st.text(max_size=40)),
    st.one_of(st.none(), st.text(max_size=12)),
    st.one_of(st.none(), st.integers(min_value=0, max_value=2**32)),
)
@example(BUILT[2], "b" * 32, "demo", "²", 0)
@example(BUILT[2], "b" * 32, "demo", "99999999999", 0)
def test_random_expectations(
    token: str, certificate: str | None, channel: str | None, uid: str | None, now: int | None
) -> None:
    # What a person types into the certificate / channel / uid fields.
    survives(token, expect(certificate=certificate, channel=channel, uid=uid, now=now))
