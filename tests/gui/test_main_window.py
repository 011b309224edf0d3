"""The main window (pytest-qt, offscreen): lazy tabs, profile picker, shortcuts, state."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _gui_helpers import (
    APP_ID,
    CERT,
    OTHER_APP_ID,
    OTHER_CERT,
    STAMP,
    WAIT_MS,
    add_demo_profile,
    make_context,
    make_store,
)

pytest.importorskip("PySide6.QtWidgets")

from keyring.backends import null
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from agora_desk.core.builders import RtcRequest, build_rtc
from agora_desk.core.credentials import Credentials
from agora_desk.core.secret import Secret
from agora_desk.gui.context import AppContext
from agora_desk.gui.main_window import MainWindow
from agora_desk.gui.tabs import TABS, TabPage, TabSpec
from agora_desk.secrets.keyring_store import KeyringStore
from agora_desk.secrets.profiles import Profile, ProfileStore
from agora_desk.secrets.store import SessionStore

pytestmark = pytest.mark.gui

# Tabs defined here, built through the registry like the real ones.
EVENTS: list[str] = []


class FakeTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        EVENTS.append("built")

    def default_action(self) -> None:
        EVENTS.append("default action")

    def shutdown(self) -> None:
        EVENTS.append("shutdown")


class BrokenTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        raise RuntimeError("this tab is broken")


FAKE = TabSpec("fake", "Fake", FakeTab)
OTHER = TabSpec("other", "Other", FakeTab)
BROKEN = TabSpec("broken", "Broken", BrokenTab)


@pytest.fixture(autouse=True)
def _events() -> None:
    EVENTS.clear()


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    store = make_store(tmp_path)
    add_demo_profile(store)
    add_demo_profile(store, "second", app_id=OTHER_APP_ID, cert=OTHER_CERT)
    return store


@pytest.fixture
def context(tmp_path: Path, store: ProfileStore) -> AppContext:
    return make_context(tmp_path, store)


@pytest.fixture
def window(qtbot, context: AppContext) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def test_registry_names_every_tab() -> None:
    assert [s.title for s in TABS] == [
        "RTC token",
        "RTM token",
        "More tokens",
        "Basic credential",
        "Test request",
        "Inspect",
        "Token server",
    ]
    assert len({s.key for s in TABS}) == len(TABS)


def test_only_the_visible_tab_is_built(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[:4] == ["RTC token", "RTM token", "More tokens", "Basic credential"]
    qtbot.waitUntil(lambda: window.built_tabs() == ["rtc"])  # once the frame is painted
    window.show_tab("basic")
    assert window.built_tabs() == ["rtc", "basic"]
    assert type(window.current_tab()).__name__ == "BasicTab"


def test_tabs_are_built_when_first_shown(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(context, tabs=[FAKE, OTHER])
    qtbot.addWidget(win)
    assert [win.tabs.tabText(i) for i in range(win.tabs.count())] == ["Fake", "Other"]
    assert EVENTS == []  # the first tab is filled after the frame paints
    qtbot.waitUntil(lambda: EVENTS == ["built"])  # Fake only: Other is not shown yet


def test_a_broken_tab_shows_a_message_and_the_others_work(
    qtbot, context: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, v, tb: seen.append(v))
    win = MainWindow(context, tabs=[BROKEN, FAKE])
    qtbot.addWidget(win)
    page = win.page("broken")
    assert isinstance(page, TabPage)
    qtbot.waitUntil(lambda: page.built)
    assert page.tab is None
    assert "could not be opened (RuntimeError)" in (page.problem or "")
    assert [str(e) for e in seen] == ["this tab is broken"]
    assert any("could not be opened" in label.text() for label in page.findChildren(QLabel))
    win.show_tab("fake")
    assert EVENTS == ["built"]


def test_ctrl_enter_runs_the_current_tab_default_action(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(context, tabs=[FAKE])
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=WAIT_MS)
    qtbot.keyClick(win.current_tab(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert EVENTS == ["built", "default action"]


def test_ctrl_enter_generates_an_rtc_token(qtbot, window: MainWindow, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    window.profile_picker.setCurrentIndex(window.profile_picker.findData("demo"))
    rtc = window.current_tab()
    rtc.stamp = STAMP
    rtc.channel.setText("demo")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    qtbot.keyClick(rtc.channel.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: rtc.output is not None, timeout=WAIT_MS)
    assert (
        rtc.output.text
        == build_rtc(Credentials(APP_ID, Secret(CERT)), RtcRequest("demo"), STAMP).token
    )


def test_shutdown_is_called_on_close(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(context, tabs=[FAKE, OTHER])
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: EVENTS == ["built"])
    win.close()
    assert EVENTS == ["built", "shutdown"]  # Other was never built: nothing to stop


def test_geometry_and_tab_are_kept_in_qsettings(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    win.resize(720, 520)  # within the offscreen 800x600 screen
    win.show_tab("rtm")
    win.close()
    settings = context.settings.qsettings
    assert settings.value("window/tab") == "rtm"
    again = MainWindow(context)
    qtbot.addWidget(again)
    assert (again.size().width(), again.size().height()) == (720, 520)
    qtbot.waitUntil(lambda: again.built_tabs() == ["rtm"])
    # Nothing secret is written: the keys are the known preferences plus window state.
    keys = {k for k in settings.allKeys() if not k.startswith(("forms/", "splitters/"))}
    assert keys <= {"window/geometry", "window/tab", "last_profile"}
    assert {k for k in settings.allKeys() if k.startswith("forms/")} == {
        "forms/RtmTab/user_id",
        "forms/RtmTab/expiry",
        "forms/RtmTab/legacy",
    }


# -- profiles --------------------------------------------------------------------------


def test_picker_lists_profiles_and_selects(window: MainWindow, context: AppContext) -> None:
    picker = window.profile_picker
    assert [picker.itemText(i) for i in range(picker.count())][1:] == ["demo", "second"]
    assert context.profile() is None
    picker.setCurrentIndex(picker.findData("second"))
    assert context.profile() == Profile("second", OTHER_APP_ID, "demo-customer")
    assert window.windowTitle() == "agora-desk — second"
    assert context.settings.get("last_profile") == "second"


def test_last_profile_is_restored(qtbot, tmp_path: Path, store: ProfileStore) -> None:  # type: ignore[no-untyped-def]
    context = make_context(tmp_path, store, last_profile="second")
    win = MainWindow(context)
    qtbot.addWidget(win)
    assert win.profile_picker.currentData() == "second"
    assert context.profile().name == "second"


def test_removed_profile_is_deselected(
    window: MainWindow, context: AppContext, store: ProfileStore
) -> None:
    window.profile_picker.setCurrentIndex(window.profile_picker.findData("second"))
    store.remove("second")
    context.profilesChanged.emit()
    assert context.profile() is None
    assert window.profile_picker.currentIndex() == 0


def test_edited_profile_reaches_the_tabs(
    window: MainWindow, context: AppContext, store: ProfileStore
) -> None:
    window.profile_picker.setCurrentIndex(window.profile_picker.findData("second"))
    store.update("second", app_id=APP_ID)
    context.profilesChanged.emit()
    assert context.profile().app_id == APP_ID
    assert APP_ID in window.current_tab().credentials.summary.text()


def test_typed_credentials_do_not_override_a_profile(
    qtbot, window: MainWindow, context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    rtc = window.current_tab()
    rtc.stamp = STAMP
    rtc.credentials.id_field.setText(OTHER_APP_ID)
    rtc.credentials.secret_field.setText(OTHER_CERT)
    rtc.channel.setText("demo")
    window.profile_picker.setCurrentIndex(window.profile_picker.findData("demo"))
    rtc.generate()
    qtbot.waitUntil(lambda: rtc.output is not None, timeout=WAIT_MS)
    assert (
        rtc.output.text
        == build_rtc(Credentials(APP_ID, Secret(CERT)), RtcRequest("demo"), STAMP).token
    )
    # Back to "no profile": the typed values are there again.
    window.profile_picker.setCurrentIndex(0)
    assert rtc.credentials.id_field.text() == OTHER_APP_ID
    assert rtc.credentials.secret_field.text() == OTHER_CERT
    rtc.generate()
    qtbot.waitUntil(lambda: rtc.output is not None, timeout=WAIT_MS)
    expected = build_rtc(Credentials(OTHER_APP_ID, Secret(OTHER_CERT)), RtcRequest("demo"), STAMP)
    assert rtc.output.text == expected.token


# -- messages and keyring -----------------------------------------------------------------


def test_errors_and_status_messages_reach_the_status_bar(
    window: MainWindow, context: AppContext
) -> None:
    assert window.error_box.isHidden()
    context.report_error("Profiles", "the keyring is locked")
    assert window.error_box.isVisible()
    assert window.error_label.message == "Profiles: the keyring is locked"
    assert window.error_label.level == "error"
    window.clear_error()
    assert window.error_box.isHidden()
    context.status("Copied")
    assert window.statusBar().currentMessage() == "Copied"


def test_no_keyring_means_session_only(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = ProfileStore(tmp_path / "profiles.json", secrets=KeyringStore(backend=null.Keyring()))
    context = make_context(tmp_path, store)
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    assert not win.session_only
    win.probe_keyring()
    qtbot.waitUntil(lambda: win.session_only, timeout=WAIT_MS)
    assert win.banner.isVisible()
    text = win.banner_label.message
    assert text.startswith("Session only — no keyring.")
    assert "stores nothing" in text  # keyring's null backend, named by the secrets layer
    assert isinstance(context.profiles.secrets, SessionStore)
    # Profiles still work, with their secrets in memory only.
    context.profiles.add(Profile("mem", APP_ID), app_certificate=_secret(CERT))
    assert context.profiles.app_certificate("mem").reveal() == CERT
    assert CERT not in (tmp_path / "profiles.json").read_text()
    # The banner can be dismissed; the typed-credentials note no longer sends to the keyring.
    win.banner_dismiss.click()
    assert not win.banner.isVisible() and win.session_only
    from agora_desk.gui.rtc_tab import RtcTab

    rtc = win.show_tab("rtc")
    assert isinstance(rtc, RtcTab)
    assert "no keyring" in rtc.credentials.note.text()


def test_working_keyring_shows_no_banner(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    job = window.probe_keyring()
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=WAIT_MS)
    assert not window.session_only


def test_session_store_at_start_shows_the_banner(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = ProfileStore(tmp_path / "p.json", secrets=SessionStore())
    win = MainWindow(make_context(tmp_path, store))
    qtbot.addWidget(win)
    win.show()
    assert win.session_only


def _secret(value: str) -> Any:
    from agora_desk.core.secret import Secret

    return Secret(value)


def test_an_error_stays_on_the_tab_it_happened_on(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_tab("rtc")
    window.context.report_error("RTC token", "App Certificate is empty")
    assert window.error_box.isVisibleTo(window)
    window.show_tab("rtm")
    assert not window.error_box.isVisibleTo(window)
    window.show_tab("rtc")
    assert "App Certificate is empty" in window.error_label.message
    window.clear_error()
    assert not window.error_box.isVisibleTo(window)
