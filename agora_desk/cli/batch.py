"""``--uid-range`` at full speed: process-level tricks kept apart from the command.

Every line equals ``builders.build_rtc`` for its uid (tests/cli/test_tokens.py
checks a sample of a parallel run); only how the lines are made differs.
"""

from __future__ import annotations

from typing import Any

from agora_desk.cli import common
from agora_desk.core import builders
from agora_desk.core.credentials import Credentials


def write_csv(
    out: Any, creds: Credentials, req: builders.RtcRequest, uids: range, stamp: builders.Stamp
) -> None:
    """``uid,token`` lines for ``uids``, in order, on ``out``."""
    _keep_freed_heap()
    workers = _worker_count(len(uids))
    if workers > 1:
        _write_parallel(out, creds, req, uids, stamp, workers)
    else:
        out.write(csv_chunk(creds, req, uids, stamp))


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
    import os

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
    uids: range,
    stamp: builders.Stamp,
    workers: int,
) -> None:
    """Split the range over forked processes; this process signs the first part.

    Tokens are independent, so a batch scales with cores. Each child writes
    its part to an unlinked temporary file, copied out in order once this
    process has written its own part: no pipe for a child to block on, no
    pickling. The children are forked, so the certificate reaches them
    through memory, never argv or a pipe.
    """
    import os
    import shutil
    import tempfile

    size = -(-len(uids) // workers)
    parts = [uids[i : i + size] for i in range(0, len(uids), size)]
    children: list[tuple[int, Any]] = []
    out.flush()
    try:
        for part in parts[1:]:
            spool = tempfile.TemporaryFile()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child's exit code is checked below
                code = 1
                try:
                    spool.write(csv_chunk(creds, req, part, stamp).encode("ascii"))
                    spool.flush()
                    code = 0
                finally:
                    os._exit(code)
            children.append((pid, spool))
        out.write(csv_chunk(creds, req, parts[0], stamp))
        out.flush()
        for pid, spool in children:
            _, status = os.waitpid(pid, 0)
            if status != 0:
                raise common.EnvironmentProblem(
                    "a worker process failed while signing its part of --uid-range"
                )
            spool.seek(0)
            shutil.copyfileobj(spool, out.buffer, 1 << 20)
        out.buffer.flush()
    finally:
        for _, spool in children:
            spool.close()
