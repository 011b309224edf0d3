"""gui/jobs.py: every job is released when its work returns, cancelled or not."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from _gui_helpers import WAIT_MS

from agora_desk.gui import jobs


def _until_cancelled(job: jobs.Job) -> str:
    assert job.cancelled.wait(WAIT_MS / 1000), "the test never cancelled the job"
    return "late"


def _fails_when_cancelled(job: jobs.Job) -> str:
    _until_cancelled(job)
    raise OSError("keyring went away")


def _fails(job: jobs.Job) -> str:
    raise OSError("keyring went away")


@pytest.mark.parametrize(
    "work", [_until_cancelled, _fails_when_cancelled], ids=["returns", "raises"]
)
def test_a_cancelled_job_is_released_without_calling_back(qtbot: Any, work: Any) -> None:
    called: list[object] = []
    job = jobs.run_job(work, called.append, called.append)
    assert job in jobs._live_jobs
    job.cancel()
    qtbot.waitUntil(lambda: job.done, timeout=WAIT_MS)
    assert job not in jobs._live_jobs
    assert called == []


def test_a_finished_and_a_failed_job_are_released_after_their_callbacks(qtbot: Any) -> None:
    seen: list[tuple[str, object, bool]] = []
    ok = jobs.run_job(lambda job: 42, lambda r: seen.append(("done", r, ok in jobs._live_jobs)))
    bad = jobs.run_job(_fails, on_error=lambda e: seen.append(("error", e, bad in jobs._live_jobs)))
    qtbot.waitUntil(lambda: ok.done and bad.done, timeout=WAIT_MS)
    assert sorted((kind, live) for kind, _, live in seen) == [("done", True), ("error", True)]
    assert not {ok, bad} & jobs._live_jobs


def test_the_work_runs_off_the_gui_thread(qtbot: Any) -> None:
    where: list[threading.Thread] = []
    job = jobs.run_job(lambda job: where.append(threading.current_thread()))
    qtbot.waitUntil(lambda: job.done, timeout=WAIT_MS)
    assert where and where[0] is not threading.main_thread()
