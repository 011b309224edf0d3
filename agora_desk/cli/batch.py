"""``--uid-range`` at full speed and in flat memory: kept apart from the command.

Every line equals ``builders.build_rtc`` for its uid (tests/cli/test_tokens.py
checks a sample of a parallel run); only how the lines are made differs.
Lines are made and written in chunks, so the first appears at once and
memory stays flat however long the range (at most :data:`MAX_TOKENS`).
"""

from __future__ import annotations

import os
from typing import Any, BinaryIO, Final

from agora_desk.cli import common
from agora_desk.core import builders
from agora_desk.core.credentials import Credentials

# The longest --uid-range one run makes (documented): 10 million lines, about
# 1.7 GB of output; split larger ranges over several runs.
MAX_TOKENS: Final = 10_000_000
# Tokens made and held at once (about 200 bytes each) ...
CHUNK: Final = 5_000
# ... and in the first chunk, so the first line is out within milliseconds.
FIRST_CHUNK: Final = 100


def write_csv(
    out: Any, creds: Credentials, req: builders.RtcRequest, uids: range, stamp: builders.Stamp
) -> None:
    """``uid,token`` lines for ``uids``, in order, on ``out``, a chunk at a time."""
    _keep_freed_heap()
    chunks = _chunks(uids)
    workers = _worker_count(len(uids))
    if workers > 1:
        _write_parallel(out, creds, req, chunks, stamp, workers)
        return
    for chunk in chunks:
        out.write(csv_chunk(creds, req, chunk, stamp))
        out.flush()


def _chunks(uids: range) -> list[range]:
    head = uids[:FIRST_CHUNK]
    rest = uids[FIRST_CHUNK:]
    return [head] + [rest[i : i + CHUNK] for i in range(0, len(rest), CHUNK)]


# Below this many tokens, starting worker processes costs more than it saves.
PARALLEL_MIN_TOKENS = 20_000
M_TRIM_THRESHOLD = -1  # glibc's mallopt parameter


def _keep_freed_heap() -> None:
    """Let glibc keep freed heap pages for the rest of this (short) process.

    zlib.compress allocates ~256 KiB of deflate state per call and frees it.
    In a signing loop nothing else sits above it on the heap, so every free()
    trims the heap top back to the OS and the next call faults the pages in
    again: measured, 0.42 s of system time for 50 000 tokens, as much as the
    signing. A higher trim threshold keeps them. glibc only; elsewhere nothing.
    """
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(M_TRIM_THRESHOLD, 64 << 20)


def _worker_count(n: int) -> int:
    if n < PARALLEL_MIN_TOKENS or not hasattr(os, "fork"):
        return 1
    return min(os.cpu_count() or 1, 8)


def csv_chunk(
    creds: Credentials, req: builders.RtcRequest, uids: range, stamp: builders.Stamp
) -> str:
    _, tokens = builders.build_rtc_batch(creds, req, uids, stamp)
    return "".join([f"{uid},{token}\n" for uid, token in tokens])


def _write_parallel(
    out: Any,
    creds: Credentials,
    req: builders.RtcRequest,
    chunks: list[range],
    stamp: builders.Stamp,
    workers: int,
) -> None:
    """Deal the chunks round-robin to forked processes; this process writes them in order.

    Worker ``w`` makes chunks ``w, w + workers, ...`` and sends each, length
    first, down its own pipe; this process makes the chunks ``0, workers, ...``
    itself and copies the others' as their turn comes. A worker runs at most
    one chunk ahead (it blocks on its pipe), so memory is a few chunks however
    long the range. The children are forked, so the certificate reaches them
    through memory, never argv or a pipe. When the reader goes away (``| head``)
    the pipes close and the workers stop.
    """
    out.flush()
    sources: list[BinaryIO] = []
    pids: list[int] = []
    try:
        for worker in range(1, workers):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child's exit code is checked below
                os.close(read_end)
                for source in sources:
                    source.close()
                _work(write_end, creds, req, chunks[worker::workers], stamp)
            os.close(write_end)
            sources.append(os.fdopen(read_end, "rb"))
            pids.append(pid)
        for index, chunk in enumerate(chunks):
            worker = index % workers
            if worker == 0:
                out.write(csv_chunk(creds, req, chunk, stamp))
                out.flush()
                continue
            source = sources[worker - 1]
            size = int.from_bytes(_read_exact(source, 8), "big")
            out.buffer.write(_read_exact(source, size))
            out.buffer.flush()
    finally:
        for source in sources:
            source.close()  # a worker still writing gets EPIPE and stops
        failed = [pid for pid in pids if os.waitpid(pid, 0)[1] != 0]
    if failed:
        raise common.EnvironmentProblem(
            "a worker process failed while signing its part of --uid-range"
        )


def _work(
    fd: int,
    creds: Credentials,
    req: builders.RtcRequest,
    chunks: list[range],
    stamp: builders.Stamp,
) -> None:  # pragma: no cover - runs in a forked child
    code = 1
    try:
        with os.fdopen(fd, "wb") as sink:
            for chunk in chunks:
                data = csv_chunk(creds, req, chunk, stamp).encode("ascii")
                sink.write(len(data).to_bytes(8, "big") + data)
                sink.flush()
        code = 0
    except BrokenPipeError:
        code = 0  # the reader stopped early (| head): not a failure
    finally:
        os._exit(code)


def _read_exact(source: BinaryIO, size: int) -> bytes:
    data = source.read(size)
    if len(data) != size:
        raise common.EnvironmentProblem(
            "a worker process stopped while signing its part of --uid-range"
        )
    return data
