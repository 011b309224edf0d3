"""AppContext: whose credentials a tab gets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from agora_desk.core.credentials import Credentials
from agora_desk.core.secret import Secret
from agora_desk.gui.context import APP_CERTIFICATE
from tests._gui_helpers import add_demo_profile, make_context, make_store

TYPED_ID = "aaaabbbbccccddddeeeeffff00001111"
TYPED_CERT = "1111000022223333444455556666aaaa"


def _resolve(qtbot: Any, context: Any) -> Credentials:
    got: list[Credentials] = []
    errors: list[BaseException] = []
    context.credentials_async({APP_CERTIFICATE}, got.append, errors.append)
    qtbot.waitUntil(lambda: bool(got or errors), timeout=5000)
    assert not errors
    return got[0]


def test_typed_values_only_without_a_profile(qtbot: Any, tmp_path: Path) -> None:
    store = make_store(tmp_path)
    profile = add_demo_profile(store)
    context = make_context(tmp_path, store)
    context.session_ids["app_id"] = TYPED_ID
    context.session_secrets[APP_CERTIFICATE] = Secret(TYPED_CERT)

    creds = _resolve(qtbot, context)
    assert (creds.profile, creds.app_id, creds.app_certificate) == (
        None,
        TYPED_ID,
        Secret(TYPED_CERT),
    )

    context.set_profile(profile)
    creds = _resolve(qtbot, context)
    assert creds.profile == profile.name
    assert creds.app_id == profile.app_id
    assert creds.app_certificate == store.app_certificate(profile.name)
    assert creds.app_certificate != Secret(TYPED_CERT)

    context.set_profile(None)  # the typed values are still there for the next build
    assert _resolve(qtbot, context).app_id == TYPED_ID


def test_a_cancelled_job_never_calls_back_even_if_already_finished(qtbot: Any) -> None:
    import threading

    from agora_desk.gui.jobs import run_job

    finished = threading.Event()
    results: list[object] = []

    def work(job: Any) -> str:
        finished.set()
        return "late"

    job = run_job(work, results.append, results.append)
    assert finished.wait(5)
    time_for_the_signal = 0.05
    threading.Event().wait(time_for_the_signal)  # the result is queued, not yet delivered
    job.cancel()
    qtbot.wait(100)
    assert results == []
