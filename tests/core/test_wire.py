from __future__ import annotations

import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agora_desk.core.errors import TokenFormatError, TruncatedError
from agora_desk.core.wire import (
    Reader,
    pack_map_str,
    pack_map_u32,
    pack_string,
    pack_text,
    pack_u16,
    pack_u32,
    text,
    wire,
)


def test_little_endian() -> None:
    assert pack_u16(0x0102) == b"\x02\x01"
    assert pack_u32(0x01020304) == b"\x04\x03\x02\x01"


def test_string_length_is_checked_both_ways() -> None:
    with pytest.raises(ValueError, match="65535"):
        pack_string(b"x" * 65536)
    with pytest.raises(TruncatedError, match="needs 5 byte"):
        Reader(b"\x05\x00abc").string()


def test_map_keys_ascending() -> None:
    assert (
        pack_map_u32({3: 1, 1: 2})
        == b"\x02\x00" + b"\x01\x00\x02\x00\x00\x00" + b"\x03\x00\x01\x00\x00\x00"
    )


@given(st.dictionaries(st.integers(0, 65535), st.integers(0, 2**32 - 1)))
def test_map_u32_round_trip(m: dict[int, int]) -> None:
    r = Reader(pack_map_u32(m))
    assert r.map_u32() == m
    r.expect_end()


@given(st.dictionaries(st.integers(0, 65535), st.binary(max_size=20), max_size=5))
def test_map_str_round_trip(m: dict[int, bytes]) -> None:
    assert Reader(pack_map_str(m)).map_str() == m


def test_map_count_past_end() -> None:
    with pytest.raises(TruncatedError, match="key"):
        Reader(b"\x09\x00\x01\x00\x02\x00\x00\x00").map_u32("privileges")


def test_trailing_bytes() -> None:
    r = Reader(b"\x01\x00\xff")
    r.u16()
    with pytest.raises(TokenFormatError, match="1 unexpected byte"):
        r.expect_end()


def test_a_template_names_the_field_only_when_a_read_fails() -> None:
    # Decoding passes "the type of service {} of {}" with its numbers; the
    # text is the same as an f-string would give, built only on failure.
    reader = Reader(b"\x01")
    with pytest.raises(TruncatedError) as cut:
        reader.u16("the type of service {} of {}", 3, 7)
    assert str(cut.value) == (
        "token is cut short: the type of service 3 of 7 needs 2 bytes at offset 0, only 1 left"
    )
    with pytest.raises(TruncatedError, match=r"the length of the \{odd\} name needs 2"):
        Reader(b"").string("the {} name", "{odd}")
    with pytest.raises(TruncatedError, match=r"the value of key 1 in the RTC map needs 4"):
        Reader(b"\x01\x00\x01\x00\x00").map_u32("the {} map", "RTC")
    assert Reader(b"\x02\x00\x07\x00").u16("the {} count", "unused") == 2


@given(st.text(max_size=40) | st.binary(max_size=40).map(text))
def test_pack_text_is_pack_string_of_wire(value: str) -> None:
    assert pack_text(value) == pack_string(wire(value))


def test_pack_text_length_is_checked() -> None:
    with pytest.raises(ValueError, match="65536 bytes is longer than 65535"):
        pack_text("é" * 32768)


_FOUR = struct.Struct("<IIIH")
_NAMES = ("issued_at", "expire", "salt", "the service count")


def _one_by_one(reader: Reader) -> tuple[int, ...]:
    return (reader.u32("issued_at"), reader.u32("expire"), reader.u32("salt"),
            reader.u16("the service count"))  # fmt: skip


@given(st.binary(max_size=16))
def test_numbers_read_as_the_separate_reads_do(data: bytes) -> None:
    """Same values and offset, or the same message naming the first missing field."""
    together, apart = Reader(data, "the 007 token"), Reader(data, "the 007 token")
    try:
        expected: tuple[int, ...] | str = _one_by_one(apart)
    except TruncatedError as exc:
        expected = str(exc)
    try:
        got: tuple[int, ...] | str = together.numbers(_FOUR, _NAMES)
    except TruncatedError as exc:
        got = str(exc)
    assert got == expected
    assert together.offset == apart.offset


@given(st.binary(max_size=12))
def test_string_text_reads_as_text_of_string(data: bytes) -> None:
    """Same text and offset, or the same message, as text(reader.string(...))."""
    together, apart = Reader(data, "the 007 token"), Reader(data, "the 007 token")
    try:
        expected = text(apart.string("the {} uid", "RTC"))
    except TruncatedError as exc:
        expected = str(exc)
    try:
        got = together.string_text("the {} uid", "RTC")
    except TruncatedError as exc:
        got = str(exc)
    assert got == expected
    assert together.offset == apart.offset
