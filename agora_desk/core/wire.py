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
from agora_desk.core.i18n import _, ngettext

_U16 = struct.Struct("<H")
_I16 = struct.Struct("<h")
_U32 = struct.Struct("<I")
_U16U32 = struct.Struct("<HI")

U16_MAX = 0xFFFF
U32_MAX = 0xFFFFFFFF

pack_u16 = _U16.pack
pack_i16 = _I16.pack
pack_u32 = _U32.pack


# How text fields are written: UTF-8, with the bytes of a decoded invalid sequence kept
# (see text() and wire()).
_ENCODING, _ERRORS = "utf-8", "surrogateescape"


def _too_long(size: int) -> ValueError:
    return ValueError(f"string of {size} bytes is longer than 65535")


def pack_string(data: bytes) -> bytes:
    """``u16`` length + bytes. Raises ValueError past 65 535 bytes."""
    if len(data) > U16_MAX:
        raise _too_long(len(data))
    return _U16.pack(len(data)) + data


def pack_text(value: str) -> bytes:
    """``pack_string(wire(value))`` in one call: the builders pack every text field so."""
    data = value.encode(_ENCODING, _ERRORS)
    if len(data) > U16_MAX:
        raise _too_long(len(data))
    return _U16.pack(len(data)) + data


def pack_map_u32(items: Mapping[int, int]) -> bytes:
    """``u16`` count + (``u16`` key, ``u32`` value) pairs, keys ascending."""
    keys = sorted(items)
    # map() over the struct's pack: no Python frame per pair (builders pack one per token).
    return _U16.pack(len(keys)) + b"".join(map(_U16U32.pack, keys, map(items.__getitem__, keys)))


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

    def _short(self, n: int, what: str, *args: object) -> NoReturn:
        left = len(self._data) - self._pos
        raise TruncatedError(
            ngettext(
                "{context} is cut short: {what} needs {count} byte at offset {offset}, "
                "only {left} left",
                "{context} is cut short: {what} needs {count} bytes at offset {offset}, "
                "only {left} left",
                n,
            ).format(
                context=_(self.context),
                what=_named(what, args),
                count=n,
                offset=self._pos,
                left=left,
            )
        )

    # Each read checks the bounds once and builds its error text only when it
    # fails: decoding runs on every keystroke in the Inspect tab. A ``what``
    # with ``args`` is a str.format template, filled in only for that text (and
    # translated then: scripts/i18n.py extracts these calls' first argument).

    def u16(self, what: str = "a 16-bit number", *args: object) -> int:
        pos = self._pos
        if pos + 2 > len(self._data):
            self._short(2, what, *args)
        self._pos = pos + 2
        return int(_U16.unpack_from(self._data, pos)[0])

    def i16(self, what: str = "a 16-bit number", *args: object) -> int:
        pos = self._pos
        if pos + 2 > len(self._data):
            self._short(2, what, *args)
        self._pos = pos + 2
        return int(_I16.unpack_from(self._data, pos)[0])

    def u32(self, what: str = "a 32-bit number", *args: object) -> int:
        pos = self._pos
        if pos + 4 > len(self._data):
            self._short(4, what, *args)
        self._pos = pos + 4
        return int(_U32.unpack_from(self._data, pos)[0])

    def numbers(self, layout: struct.Struct, whats: tuple[str, ...]) -> tuple[int, ...]:
        """Consecutive numbers in one read: ``layout`` of ``H``, ``h`` and ``I`` codes
        (after ``<``), ``whats`` their names (marked with ``N_``).

        One unpack instead of a call per field; when the bytes run out, the fields are
        read one by one so the message names the first missing one, as separate reads do.
        """
        pos = self._pos
        if pos + layout.size <= len(self._data):
            self._pos = pos + layout.size
            return layout.unpack_from(self._data, pos)
        reads = {"H": self.u16, "h": self.i16, "I": self.u32}
        return tuple(reads[code](what) for code, what in zip(layout.format[1:], whats, strict=True))

    def string(self, what: str = "a string", *args: object) -> bytes:
        data, pos = self._data, self._pos
        if pos + 2 > len(data):
            self._short(2, "the length of {}", _Name(what, args))
        n = _U16.unpack_from(data, pos)[0]
        self._pos = start = pos + 2
        if start + n > len(data):
            self._short(n, what, *args)
        self._pos = start + n
        return data[start : start + n]

    def string_text(self, what: str = "a string", *args: object) -> str:
        """:meth:`string` decoded as :func:`text` does, in one call (a field per read)."""
        data, pos = self._data, self._pos
        if pos + 2 > len(data):
            self._short(2, "the length of {}", _Name(what, args))
        end = pos + 2 + _U16.unpack_from(data, pos)[0]
        if end > len(data):
            self._pos = pos + 2
            self._short(end - pos - 2, what, *args)
        self._pos = end
        return data[pos + 2 : end].decode(_ENCODING, _ERRORS)

    def map_u32(self, what: str = "a map", *args: object) -> dict[int, int]:
        data, pos = self._data, self._pos
        if pos + 2 > len(data):
            self._short(2, "the entry count of {}", _Name(what, args))
        count = _U16.unpack_from(data, pos)[0]
        self._pos = pos = pos + 2
        end = pos + 6 * count
        if end <= len(data):
            self._pos = end
            return dict(_U16U32.iter_unpack(data[pos:end]))
        # Cut short: read entry by entry to name the one that is missing.
        name = _Name(what, args)
        result: dict[int, int] = {}
        for _unused in range(count):
            key = self.u16("a key of {}", name)
            result[key] = self.u32("the value of key {} in {}", key, name)
        return result

    def map_str(self, what: str = "a map", *args: object) -> dict[int, bytes]:
        name = _Name(what, args)
        count = self.u16("the entry count of {}", name)
        result: dict[int, bytes] = {}
        for _unused in range(count):
            key = self.u16("a key of {}", name)
            result[key] = self.string("the value of key {} in {}", key, name)
        return result

    def rest(self) -> bytes:
        chunk = self._data[self._pos :]
        self._pos = len(self._data)
        return chunk

    def expect_end(self) -> None:
        extra = len(self._data) - self._pos
        if extra:
            raise TokenFormatError(
                ngettext(
                    "{context} has {count} unexpected byte after its last field (offset {offset})",
                    "{context} has {count} unexpected bytes after its last field (offset {offset})",
                    extra,
                ).format(context=_(self.context), count=extra, offset=self._pos)
            )


def _named(what: str, args: tuple[object, ...]) -> str:
    """A field's name in the active language, its template filled in."""
    text = _(what)
    return text.format(*args) if args else text


class _Name:
    """A field's name, written (and translated) only if a message shows it."""

    __slots__ = ("args", "what")

    def __init__(self, what: str, args: tuple[object, ...]) -> None:
        self.what, self.args = what, args

    def __format__(self, spec: str) -> str:
        return _named(self.what, self.args)


def text(data: bytes) -> str:
    """Decode a wire string for display/model use, keeping invalid bytes.

    ``surrogateescape`` keeps the exact bytes so that re-encoding gives the
    signed bytes back; :func:`is_clean_text` tells whether that happened.
    """
    return data.decode(_ENCODING, _ERRORS)


def wire(value: str) -> bytes:
    """Inverse of :func:`text`."""
    return value.encode(_ENCODING, _ERRORS)


def is_clean_text(value: str) -> bool:
    if value.isascii():  # the common case: no encoding needed
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
