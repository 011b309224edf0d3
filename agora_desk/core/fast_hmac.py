"""Speed-only: HMAC-SHA256 from two ``hashlib`` hashes.

The plain path is ``hmac.digest(key, msg, "sha256")``. OpenSSL's one-shot HMAC
sets up and frees a MAC context on every call, which on a token's few hundred
bytes costs more than the two hashes: inside a diagnosis it measured ~5 µs a
call against ~2 µs here, and a diagnosis with a certificate makes three (one
more set per saved certificate a signer search tries). Token building in hot
loops (:mod:`agora_desk.core.batch`) and the 007 signature check use it;
``tests/core/test_fast_hmac.py`` proves it gives ``hmac.digest``'s bytes.
"""

from __future__ import annotations

import hashlib

_IPAD = bytes(x ^ 0x36 for x in range(256))
_OPAD = bytes(x ^ 0x5C for x in range(256))
_sha256 = hashlib.sha256


def hmac_sha256(key: bytes, msg: bytes) -> bytes:
    """HMAC-SHA256 (RFC 2104) for keys of at most 64 bytes (a token's keys are 4 or 32)."""
    padded = key.ljust(64, b"\0")
    inner = _sha256(padded.translate(_IPAD) + msg).digest()
    return _sha256(padded.translate(_OPAD) + inner).digest()


def pads(key: bytes) -> tuple[bytes, bytes]:
    """The inner and outer pads of ``key``: for many messages signed with one key."""
    padded = key.ljust(64, b"\0")
    return padded.translate(_IPAD), padded.translate(_OPAD)


def hmac_padded(inner_pad: bytes, outer_pad: bytes, msg: bytes) -> bytes:
    """:func:`hmac_sha256` with the key's :func:`pads` made beforehand."""
    return _sha256(outer_pad + _sha256(inner_pad + msg).digest()).digest()
