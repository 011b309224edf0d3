"""Content-Encoding undone here, in bounded steps, so no answer can inflate memory.

httpx inflates a whole network chunk at once, per layer: ``gzip, gzip``
turns 2 KB into gigabytes before the caller sees a byte. Here every layer
hands on at most ``step`` bytes per call (zlib's ``max_length``); what it
could not yet hand on stays as compressed input, so memory is bounded by
the number of layers times ``step``, whatever the ratio.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Final

STEP: Final = 64 * 1024
# Content-Encoding names and the zlib window bits that read them.
_WBITS: Final = {"gzip": 31, "x-gzip": 31, "deflate": 15}
MAX_LAYERS: Final = 4


class DecodingError(Exception):
    """The body does not decode the way its Content-Encoding says."""


class _Layer:
    def __init__(self, name: str) -> None:
        self.name = name
        self.raw_deflate = False
        self.z = zlib.decompressobj(_WBITS[name])
        self.started = False

    def decompress(self, data: bytes, room: int) -> bytes:
        try:
            out = self.z.decompress(data, room)
        except zlib.error as exc:
            if self.name == "deflate" and not self.started and not self.raw_deflate:
                # "deflate" is often sent without its zlib header (raw deflate).
                self.raw_deflate = True
                self.z = zlib.decompressobj(-15)
                return self.decompress(data, room)
            raise DecodingError(f"the {self.name} body is damaged ({exc})") from None
        self.started = True
        return out

    @property
    def tail(self) -> bytes:
        return self.z.unconsumed_tail


def layers_of(content_encoding: str) -> list[str] | None:
    """Encodings to undo, outermost first; None when one of them cannot be decoded here."""
    names = [n.strip().lower() for n in content_encoding.split(",") if n.strip()]
    names = [n for n in names if n != "identity"]
    if len(names) > MAX_LAYERS or any(n not in _WBITS for n in names):
        return None
    return list(reversed(names))


class Decoder:
    """Feed raw chunks, get decoded pieces of at most ``step`` bytes each."""

    def __init__(self, layers: list[str], step: int = STEP) -> None:
        self.layers = [_Layer(n) for n in layers]
        self.step = step

    def feed(self, data: bytes) -> Iterator[bytes]:
        yield from self._push(0, data)

    def _push(self, level: int, data: bytes) -> Iterator[bytes]:
        if level == len(self.layers):
            if data:
                yield data
            return
        layer = self.layers[level]
        pending = data
        while True:
            out = layer.decompress(pending, self.step)
            pending = layer.tail
            if out:
                yield from self._push(level + 1, out)
            if not out and not pending:
                return
