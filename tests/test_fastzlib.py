"""The reusable deflate stream gives exactly zlib.compress's bytes."""

from __future__ import annotations

import threading
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from agora_desk.core import fastzlib


def test_accelerated_on_linux_with_system_zlib() -> None:
    # This machine's Python links the system libz: the fast path must be active,
    # or the benchmark would measure the fallback.
    assert fastzlib.accelerated()


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=5000))
def test_identical_to_zlib(data: bytes) -> None:
    assert fastzlib.compress(data) == zlib.compress(data)


def test_large_input_falls_back_correctly() -> None:
    data = bytes(range(256)) * 1000
    assert fastzlib.compress(data) == zlib.compress(data)


def test_threads_get_their_own_stream() -> None:
    errors: list[int] = []

    def work(seed: int) -> None:
        for i in range(300):
            data = bytes((seed * 31 + i * j) % 256 for j in range(200))
            if fastzlib.compress(data) != zlib.compress(data):
                errors.append(seed)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
