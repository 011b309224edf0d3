"""zlib compression of small buffers without re-allocating zlib's state.

``zlib.compress`` allocates and zero-fills about 256 KiB of deflate state
for every call; for a 200-byte token that allocation is most of the cost of
building it. Here one deflate stream per thread is initialised once with
the library defaults (level 6, 32 KiB window, memLevel 8) and reset between
tokens with ``deflateReset``, which zlib documents as equivalent to
``deflateEnd`` + ``deflateInit`` without freeing the state. Same library,
same parameters, so the bytes are the same as ``zlib.compress``.

That equivalence is checked, not assumed: the fast path is used only when
the C library ctypes finds is the one Python's zlib runs, and when it
reproduces ``zlib.compress`` on sample inputs. Anywhere else (no libz on
the search path, Windows builds with a static zlib) :func:`compress` is
``zlib.compress``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
import zlib
from collections.abc import Callable

Z_FINISH = 4
Z_STREAM_END = 1
Z_DEFLATED = 8
Z_DEFAULT_STRATEGY = 0
_OUT_SIZE = 1 << 16  # tokens are far smaller; larger input falls back


class _ZStream(ctypes.Structure):
    _fields_ = [
        # c_char_p: assigning a bytes object points zlib at its buffer (read only).
        ("next_in", ctypes.c_char_p),
        ("avail_in", ctypes.c_uint),
        ("total_in", ctypes.c_ulong),
        ("next_out", ctypes.c_void_p),
        ("avail_out", ctypes.c_uint),
        ("total_out", ctypes.c_ulong),
        ("msg", ctypes.c_char_p),
        ("state", ctypes.c_void_p),
        ("zalloc", ctypes.c_void_p),
        ("zfree", ctypes.c_void_p),
        ("opaque", ctypes.c_void_p),
        ("data_type", ctypes.c_int),
        ("adler", ctypes.c_ulong),
        ("reserved", ctypes.c_ulong),
    ]


class _Deflater:
    """One reusable deflate stream (not thread-safe: one per thread)."""

    def __init__(self, lib: ctypes.CDLL) -> None:
        self._lib = lib
        self._stream = _ZStream()
        self._out = ctypes.create_string_buffer(_OUT_SIZE)
        self._out_addr = ctypes.addressof(self._out)
        version = lib.zlibVersion()
        rc = lib.deflateInit2_(
            ctypes.byref(self._stream),
            zlib.Z_DEFAULT_COMPRESSION,
            Z_DEFLATED,
            zlib.MAX_WBITS,
            zlib.DEF_MEM_LEVEL,
            Z_DEFAULT_STRATEGY,
            version,
            ctypes.sizeof(_ZStream),
        )
        if rc != 0:
            raise OSError(f"deflateInit2_ failed ({rc})")
        self._deflate = lib.deflate
        self._reset = lib.deflateReset
        self._ref = ctypes.byref(self._stream)

    def compress(self, data: bytes) -> bytes:
        if len(data) > _OUT_SIZE // 2:
            return zlib.compress(data)
        s = self._stream
        s.next_in = data
        s.avail_in = len(data)
        s.next_out = self._out_addr
        s.avail_out = _OUT_SIZE
        rc = self._deflate(self._ref, Z_FINISH)
        n = s.total_out
        self._reset(self._ref)
        if rc != Z_STREAM_END:
            return zlib.compress(data)
        # string_at copies n bytes; .raw would copy the whole 64 KiB buffer first.
        return ctypes.string_at(self._out_addr, n)

    def __del__(self) -> None:
        try:
            self._lib.deflateEnd(self._ref)
        except Exception:  # noqa: S110 - interpreter shutdown
            pass


def _load() -> ctypes.CDLL | None:
    if os.environ.get("AGORA_DESK_PLAIN_ZLIB"):
        return None
    name = ctypes.util.find_library("z")
    candidates = [name] if name else []
    candidates.append("libz.so.1")
    for candidate in candidates:
        try:
            lib = ctypes.CDLL(candidate)
        except OSError:
            continue
        lib.zlibVersion.restype = ctypes.c_char_p
        if lib.zlibVersion().decode() != zlib.ZLIB_RUNTIME_VERSION:
            return None
        lib.deflateInit2_.argtypes = [
            ctypes.c_void_p,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_int,
        ]
        lib.deflate.argtypes = [ctypes.c_void_p, ctypes.c_int]
        lib.deflateReset.argtypes = [ctypes.c_void_p]
        lib.deflateEnd.argtypes = [ctypes.c_void_p]
        return lib
    return None


_SAMPLES = (
    b"",
    b"a",
    bytes(range(256)) * 3,
    b"007 token content " * 40,
    bytes((i * 7919) % 251 for i in range(600)),
)

_local = threading.local()
_lib: ctypes.CDLL | None = None
_checked = False
_lock = threading.Lock()


def _init() -> None:
    global _lib, _checked
    with _lock:
        if _checked:
            return
        lib = _load()
        if lib is not None:
            try:
                probe = _Deflater(lib)
                if all(probe.compress(s) == zlib.compress(s) for s in _SAMPLES):
                    _lib = lib
            except OSError:
                _lib = None
        _checked = True


def _fast(data: bytes) -> bytes:
    try:
        deflater = _local.deflater
    except AttributeError:
        assert _lib is not None
        deflater = _local.deflater = _Deflater(_lib)
    result: bytes = deflater.compress(data)
    return result


def compress_function() -> Callable[[bytes], bytes]:
    """The fastest compressor that is byte-identical to ``zlib.compress``."""
    _init()
    return _fast if _lib is not None else zlib.compress


def compress(data: bytes) -> bytes:
    if not _checked:
        _init()
    return _fast(data) if _lib is not None else zlib.compress(data)


def accelerated() -> bool:
    _init()
    return _lib is not None
