"""Little-endian wire primitives shared by every token format.

Packing is a set of plain functions over precompiled ``struct.Struct``
objects (builders call them in hot loops); unpacking goes through
:class:`Reader`, which checks every length against the bytes left so that
a corrupt token becomes a :class:`TruncatedError`, never an IndexError or a
silently short field.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from typing import NoReturn

from agora_desk.core.errors import TokenFormatError, TruncatedError

_U16 = struct.Struct("<H")
_I16 = struct.Struct("<h")
_U32 = struct.Struct("<I")
_U16U32 = struct.Struct("<HI")

U16_MAX = 0xFFFF
U32_MAX = 0xFFFFFFFF

pack_u16 = _U16.pack
pack_i16 = _I16.pack
pack_u32 = _U32.pack


def pack_string(data: bytes) -> bytes:
    """``u16`` length + bytes. Raises ValueError past 65 535 bytes."""
    if len(data) > U16_MAX:
        raise ValueError(f"string of {len(data)} bytes is longer than 65535")
    return _U16.pack(len(data)) + data


def pack_map_u32(items: Mapping[int, int]) -> bytes:
    """``u16`` count + (``u16`` key, ``u32`` value) pairs, keys ascending."""
    parts = [_U16.pack(len(items))]
    parts.extend(_U16U32.pack(k, items[k]) for k in sorted(items))
    return b"".join(parts)


def pack_map_str(items: Mapping[int, bytes]) -> bytes:
    """``u16`` count + (``u16`` key, ``string`` value) pairs, keys ascending."""
    parts = [_U16.pack(len(items))]
    for k in sorted(items):
        parts.append(_U16.pack(k))
        parts.append(pack_string(items[k]))
    return b"".join(parts)


class Reader:
    """Sequential reader over a byte string; every read is bounds-checked."""

    __slots__ = ("_data", "_pos", "context")

    def __init__(self, data: bytes, context: str = "token") -> None:
        self._data = data
        self._pos = 0
        self.context = context

    @property
    def offset(self) -> int:
        return self._pos

    def _short(self, n: int, what: str) -> NoReturn:
        raise TruncatedError(
            f"{self.context} is cut short: {what} needs {n} byte(s) at offset "
            f"{self._pos}, only {len(self._data) - self._pos} left"
        )

    # Each read checks the bounds once and builds its error text only when it
    # fails: decoding runs on every keystroke in the Inspect tab. A ``what``
    # with ``args`` is a str.format template, filled in only for that text.

    def u16(self, what: str = "a 16-bit number", *args: object) -> int:
        pos = self._pos
        if pos + 2 > len(self._data):
            self._short(2, _named(what, args))
        self._pos = pos + 2
        return int(_U16.unpack_from(self._data, pos)[0])

    def i16(self, what: str = "a 16-bit number", *args: object) -> int:
        pos = self._pos
        if pos + 2 > len(self._data):
            self._short(2, _named(what, args))
        self._pos = pos + 2
        return int(_I16.unpack_from(self._data, pos)[0])

    def u32(self, what: str = "a 32-bit number", *args: object) -> int:
        pos = self._pos
        if pos + 4 > len(self._data):
            self._short(4, _named(what, args))
        self._pos = pos + 4
        return int(_U32.unpack_from(self._data, pos)[0])

    def string(self, what: str = "a string", *args: object) -> bytes:
        data, pos = self._data, self._pos
        if pos + 2 > len(data):
            self._short(2, "the length of " + _named(what, args))
        n = _U16.unpack_from(data, pos)[0]
        self._pos = start = pos + 2
        if start + n > len(data):
            self._short(n, f"{_named(what, args)} ({n} bytes)")
        self._pos = start + n
        return data[start : start + n]

    def map_u32(self, what: str = "a map", *args: object) -> dict[int, int]:
        data, pos = self._data, self._pos
        if pos + 2 > len(data):
            self._short(2, "the entry count of " + _named(what, args))
        count = _U16.unpack_from(data, pos)[0]
        self._pos = pos = pos + 2
        end = pos + 6 * count
        if end <= len(data):
            self._pos = end
            return dict(_U16U32.iter_unpack(data[pos:end]))
        # Cut short: read entry by entry to name the one that is missing.
        what = _named(what, args)
        result: dict[int, int] = {}
        for _ in range(count):
            key = self.u16("a key of " + what)
            result[key] = self.u32(f"the value of key {key} in {what}")
        return result

    def map_str(self, what: str = "a map", *args: object) -> dict[int, bytes]:
        what = _named(what, args)
        count = self.u16("the entry count of " + what)
        result: dict[int, bytes] = {}
        for _ in range(count):
            key = self.u16("a key of " + what)
            result[key] = self.string("the value of key {} in {}", key, what)
        return result

    def rest(self) -> bytes:
        chunk = self._data[self._pos :]
        self._pos = len(self._data)
        return chunk

    def expect_end(self) -> None:
        if self._pos != len(self._data):
            raise TokenFormatError(
                f"{self.context} has {len(self._data) - self._pos} unexpected byte(s) "
                f"after its last field (offset {self._pos})"
            )


def _named(what: str, args: tuple[object, ...]) -> str:
    return what.format(*args) if args else what


def text(data: bytes) -> str:
    """Decode a wire string for display/model use, keeping invalid bytes.

    ``surrogateescape`` keeps the exact bytes so that re-encoding gives the
    signed bytes back; :func:`is_clean_text` tells whether that happened.
    """
    return data.decode("utf-8", "surrogateescape")


def wire(value: str) -> bytes:
    """Inverse of :func:`text`."""
    return value.encode("utf-8", "surrogateescape")


def is_clean_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
