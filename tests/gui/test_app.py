"""Starting the window: exception hook with redaction, session-only fallback, --smoke-test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
import sys
from pathlib import Path

import pytest
from _gui_helpers import APP_ID, CERT, CUSTOMER_SECRET, WAIT_MS

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from agora_desk.core.basic import build_header
from agora_desk.core.builders import RtcRequest, build_rtc, build_rtc_legacy
from agora_desk.core.credentials import Credentials
from agora_desk.core.secret import Secret
from agora_desk.gui.app import ExceptionHook, make_profile_store
from agora_desk.gui.qt import OFFSCREEN_SIZE_HINTS
from agora_desk.secrets.keyring_store import KeyringStore
from agora_desk.secrets.store import SessionStore

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
TOKEN_007 = build_rtc(Credentials(APP_ID, Secret(CERT)), RtcRequest("demo", uid=42)).token
TOKEN_006 = build_rtc_legacy(Credentials(APP_ID, Secret(CERT)), RtcRequest("demo", uid=42)).token
HEADER = build_header("customer", Secret(CUSTOMER_SECRET)).reveal()


@pytest.mark.qt_no_exception_capture
def test_exception_hook_shows_a_redacted_dialog_and_the_app_keeps_running(qtbot, capfd) -> None:  # type: ignore[no-untyped-def]
    hook = ExceptionHook(known_secrets=lambda: ["typed-secret-value"]).install()
    try:

        def boom() -> None:
            raise RuntimeError(
                f"failed with {TOKEN_007} for {CERT} / {HEADER} / typed-secret-value"
            )

        QTimer.singleShot(0, boom)
        qtbot.waitUntil(lambda: hook.dialog is not None, timeout=WAIT_MS)
        dialog = hook.dialog
        assert dialog is not None and dialog.isVisible()
        shown = dialog.text() + dialog.informativeText() + dialog.detailedText()
        assert "RuntimeError" in shown and "boom" in dialog.detailedText()
        for secret in (TOKEN_007, CERT, HEADER.split()[1], "typed-secret-value"):
            assert secret not in shown
        assert "<redacted token>" in shown and "<redacted secret>" in shown
        printed = capfd.readouterr().err
        assert "RuntimeError" in printed and CERT not in printed and TOKEN_007 not in printed

        # The event loop keeps going: another slot runs, a widget still works ...
        clicks: list[bool] = []
        button = QPushButton("still here")
        qtbot.addWidget(button)
        button.clicked.connect(lambda: clicks.append(True))
        QTimer.singleShot(0, button.click)
        qtbot.waitUntil(lambda: bool(clicks), timeout=WAIT_MS)
        # ... and a second error joins the open dialog instead of a new window.
        QTimer.singleShot(0, boom)
        qtbot.waitUntil(lambda: hook.count == 2, timeout=WAIT_MS)
        assert hook.dialog is dialog
        assert "1 earlier" in dialog.informativeText()
        dialog.close()
        qtbot.waitUntil(lambda: hook.dialog is None, timeout=WAIT_MS)
    finally:
        hook.uninstall()
    assert sys.excepthook is not hook


def test_bad_keyring_setting_falls_back_to_session_only(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AGORA_DESK_KEYRING_TIMEOUT", "soon")
    store, problem = make_profile_store()
    assert isinstance(store.secrets, SessionStore)
    assert problem is not None and "AGORA_DESK_KEYRING_TIMEOUT" in problem


def test_default_store_uses_the_os_keyring(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("AGORA_DESK_KEYRING_TIMEOUT", raising=False)
    store, problem = make_profile_store()
    assert problem is None
    assert isinstance(store.secrets, KeyringStore)


@pytest.mark.parametrize("keyring", ["keyring", "no D-Bus"])
def test_smoke_test_through_the_real_entry_point(tmp_path: Path, keyring: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if keyring == "no D-Bus":  # the keyring check fails while the window closes
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    result = subprocess.run(
        [sys.executable, "-m", "agora_desk", "--smoke-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "opened RTC token, RTM token, More tokens, Basic credential" in result.stderr
    assert "FAILED" not in result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert OFFSCREEN_SIZE_HINTS not in result.stderr
    # The smoke test leaves the person's settings alone.
    config = Path(os.environ["XDG_CONFIG_HOME"])
    assert not (config / "agora-desk" / "agora-desk.conf").exists()
