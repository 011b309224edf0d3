"""Run blocking work (keyring, network, big decodes) off the GUI thread.

Views never call keyring or HTTP directly: they hand a callable to
:func:`run_job` and get the result (or the exception) back on the GUI
thread through a Qt signal. This is Vorta's views/jobs split in small.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Job(QObject):
    """Handle of one running job. ``finished`` carries the result, ``failed`` the exception."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.cancelled = threading.Event()
        self.done = False

    def cancel(self) -> None:
        """Ask the job to stop; its callbacks are not called after this."""
        self.cancelled.set()

    def release(self) -> None:
        """The work has returned and nothing more will be delivered: let the job go."""
        self.done = True
        _live_jobs.discard(self)


class _Runnable(QRunnable):
    def __init__(self, job: Job, fn: Callable[[Job], Any]) -> None:
        super().__init__()
        self.job = job
        self.fn = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.job)
        except BaseException as exc:
            signal, value = self.job.failed, exc
        else:
            signal, value = self.job.finished, result
        if self.job.cancelled.is_set():
            # Released here, not through a signal: a cancelled job delivers
            # nothing, and at quit its QObject may already be gone. Without
            # this it would stay in _live_jobs (with its closures) for good.
            self.job.release()
        else:
            signal.emit(value)


_live_jobs: set[Job] = set()


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def run_job(
    fn: Callable[[Job], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> Job:
    """Start ``fn(job)`` in the thread pool; callbacks run on the GUI thread.

    ``fn`` may poll ``job.cancelled`` to stop early.
    """
    job = Job()
    _live_jobs.add(job)

    # Checked again on delivery: the result may already be queued to this
    # thread when cancel() runs, and a cancelled job's callbacks must not run.
    if on_done is not None:
        done = on_done
        job.finished.connect(lambda result: None if job.cancelled.is_set() else done(result))
    if on_error is not None:
        error = on_error
        job.failed.connect(lambda exc: None if job.cancelled.is_set() else error(exc))
    job.finished.connect(job.release)
    job.failed.connect(job.release)
    pool().start(_Runnable(job, fn))
    return job
