"""The RTC token tab (pytest-qt, offscreen): the form builds exactly what the core builds."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
import time
from collections.abc import Callable
from pathlib import Path

import keyring.errors
import pytest
from _gui_helpers import (
    APP_ID,
    CERT,
    STAMP,
    WAIT_MS,
    Errors,
    SlowProfiles,
    Ticker,
    add_demo_profile,
    generate,
    make_context,
    make_store,
    rtc_form_order,
    type_credentials,
)

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from agora_desk.core import timefmt
from agora_desk.core.builders import (
    RtcRequest,
    Stamp,
    build_rtc,
    build_rtc_legacy,
)
from agora_desk.core.credentials import Credentials
from agora_desk.core.formats import v007
from agora_desk.core.secret import Secret
from agora_desk.gui.rtc_tab import RtcTab
from agora_desk.secrets.errors import KeyringLocked
from agora_desk.secrets.profiles import Profile
from agora_desk.secrets.testing import MemoryKeyring

pytestmark = pytest.mark.gui
CREDS = Credentials(APP_ID, Secret(CERT))


@pytest.fixture
def tab(open_tab) -> RtcTab:  # type: ignore[no-untyped-def]
    return open_tab(RtcTab)  # type: ignore[no-any-return]


# -- the token equals the core's ------------------------------------------------


def _uid(t: RtcTab) -> None:
    t.channel.setText("demo")
    t.user.setText("42")


def _uid_zero(t: RtcTab) -> None:
    t.channel.setText("demo")


def _account_subscriber_24h(t: RtcTab) -> None:
    t.channel.setText("demo")
    t.who.by_account.setChecked(True)
    t.user.setText("alice")
    t.role.setCurrentIndex(t.role.findData("subscriber"))
    t.expiry.set_seconds(86400)


def _custom_expiries(t: RtcTab) -> None:
    t.channel.setText("demo")
    t.user.setText("7")
    t.expiry.set_custom_text("600")
    t.privilege_expiry.set_custom_text("300")


def _advanced(t: RtcTab) -> None:
    t.channel.setText("demo")
    t.user.setText("2882341273")
    t.advanced.setChecked(True)
    for key, value in (("join", "3600"), ("audio", "600"), ("video", "600"), ("data", "0")):
        t.privilege_fields[key].setText(value)


def _rtc_rtm(t: RtcTab) -> None:
    t.channel.setText("demo")
    t.user.setText("42")
    t.rtm_user.setText("alice")


def _legacy(t: RtcTab) -> None:
    _uid(t)
    t.legacy.setChecked(True)


def _legacy_ignores_rtm(t: RtcTab) -> None:
    _rtc_rtm(t)
    t.legacy.setChecked(True)


CASES: dict[str, tuple[Callable[[RtcTab], None], RtcRequest, bool]] = {
    "uid publisher": (_uid, RtcRequest("demo", uid=42), False),
    "uid 0": (_uid_zero, RtcRequest("demo"), False),
    "account subscriber 24 h": (
        _account_subscriber_24h,
        RtcRequest("demo", account="alice", role="subscriber", expire=86400),
        False,
    ),
    "custom expiries": (
        _custom_expiries,
        RtcRequest("demo", uid=7, expire=600, privilege_expire=300),
        False,
    ),
    "four privileges": (
        _advanced,
        RtcRequest(
            "demo",
            uid=2882341273,
            join_expire=3600,
            audio_expire=600,
            video_expire=600,
            data_expire=0,
        ),
        False,
    ),
    "rtc + rtm": (_rtc_rtm, RtcRequest("demo", uid=42, rtm_user_id="alice"), False),
    "006": (_legacy, RtcRequest("demo", uid=42), True),
    "006 drops the RTM user": (_legacy_ignores_rtm, RtcRequest("demo", uid=42), True),
}


@pytest.mark.parametrize("case", list(CASES))
def test_token_equals_core_build(qtbot, tab: RtcTab, case: str) -> None:  # type: ignore[no-untyped-def]
    fill, request, legacy = CASES[case]
    tab.stamp = STAMP
    type_credentials(tab)
    fill(tab)
    token = generate(qtbot, tab)
    builder = build_rtc_legacy if legacy else build_rtc
    assert token == builder(CREDS, request, STAMP).token
    assert token.startswith("006" if legacy else "007")


def test_real_salt_and_time_build_the_same_content(qtbot, tab: RtcTab) -> None:  # type: ignore[no-untyped-def]
    """Without a fixed stamp: same content as the core, fresh salt and current time."""
    type_credentials(tab)
    _rtc_rtm(tab)
    before = int(time.time())
    token = generate(qtbot, tab)
    parsed = v007.parse(token)
    assert before <= parsed.issued_at <= int(time.time())
    expected = v007.parse(
        build_rtc(
            CREDS,
            RtcRequest("demo", uid=42, rtm_user_id="alice"),
            Stamp(issued_at=parsed.issued_at, salt=parsed.salt),
        ).token
    )
    assert parsed == expected
    assert v007.verify(parsed, CERT)


def test_profile_certificate_comes_from_the_keyring(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = make_store(tmp_path)
    profile = add_demo_profile(store)
    context = make_context(tmp_path, store)
    context.set_profile(profile)
    tab = RtcTab(context)
    qtbot.addWidget(tab)
    assert tab.credentials.typed.isHidden()
    assert "demo" in tab.credentials.summary.text()
    tab.stamp = STAMP
    _uid(tab)
    assert generate(qtbot, tab) == build_rtc(CREDS, RtcRequest("demo", uid=42), STAMP).token


# -- validation --------------------------------------------------------------------


def test_bad_app_id_names_the_character_and_position(tab: RtcTab) -> None:
    type_credentials(tab, ident="0123g56789abcdef0123456789abcdef")
    tab.channel.setText("demo")
    message = tab.credentials.id_field.message
    assert message.level == "error"
    assert message.message == "'g' at position 5 is not a hexadecimal digit (0-9, a-f)"
    assert not tab.generate_button.isEnabled()
    type_credentials(tab)
    assert tab.credentials.id_field.message.isHidden()
    assert tab.generate_button.isEnabled()


def test_bad_certificate_message_does_not_quote_the_secret(tab: RtcTab) -> None:
    type_credentials(tab, secret="fedzba9876543210fedcba9876543210")
    message = tab.credentials.secret_field.message.message
    assert message == "the character at position 4 is not a hexadecimal digit (0-9, a-f)"
    assert not tab.generate_button.isEnabled()


def test_uid_out_of_range(tab: RtcTab) -> None:
    type_credentials(tab)
    tab.channel.setText("demo")
    tab.user.setText("4294967296")
    assert tab.user.message.level == "error"
    assert tab.user.message.message == (
        "4294967296 is out of range: a uid is 0 to 4294967295 (0 = any user)"
    )
    assert not tab.generate_button.isEnabled()
    tab.user.setText("4294967295")
    assert not tab.user.has_error
    assert tab.generate_button.isEnabled()


def test_uid_that_is_not_a_number_points_to_the_account_option(tab: RtcTab) -> None:
    tab.user.setText("alice")
    assert "choose “User account”" in tab.user.message.message
    assert "--account" not in tab.user.message.message


def test_negative_expiry(tab: RtcTab) -> None:
    type_credentials(tab)
    tab.channel.setText("demo")
    tab.expiry.set_custom_text("-5")
    assert tab.expiry.message.level == "error"
    assert tab.expiry.message.message == "-5 is negative; give a number of seconds, 0 or more"
    assert not tab.generate_button.isEnabled()


def test_negative_privilege_in_the_advanced_section(tab: RtcTab) -> None:
    type_credentials(tab)
    tab.channel.setText("demo")
    tab.advanced.setChecked(True)
    tab.privilege_fields["audio"].setText("-1")
    assert tab.privilege_fields["audio"].message.message == (
        "-1 is negative; give a number of seconds, 0 or more"
    )
    assert not tab.generate_button.isEnabled()
    assert not tab.role.isEnabled()


def test_channel_too_long_is_a_warning_beside_the_result(qtbot, tab: RtcTab) -> None:  # type: ignore[no-untyped-def]
    type_credentials(tab)
    tab.channel.setText("c" * 70)
    assert not tab.channel.has_error  # still builds: a tester may need exactly this token
    generate(qtbot, tab)
    assert tab.warnings.isVisible()
    assert tab.warnings.messages() == [
        "channel: is 70 bytes; the SDKs accept a channel name of at most 63"
    ]
    tab.channel.setText("short")
    assert tab.warnings.isHidden()


def test_expiry_over_24_hours_and_null_rtm_user_warn(qtbot, tab: RtcTab) -> None:  # type: ignore[no-untyped-def]
    type_credentials(tab)
    tab.channel.setText("demo")
    tab.expiry.set_custom_text("90000")
    tab.rtm_user.setText("null")
    generate(qtbot, tab)
    messages = tab.warnings.messages()
    assert any(m.startswith("expire: 90000 s is more than Agora's maximum") for m in messages)
    assert "RTM user ID: is 'null', which Signaling rejects as a user ID" in messages


def test_empty_fields_are_errors_only_after_generate(qtbot, tab: RtcTab) -> None:  # type: ignore[no-untyped-def]
    tab.who.by_account.setChecked(True)
    assert tab.user.text() == ""
    assert tab.user.message.isHidden()
    assert tab.credentials.id_field.message.isHidden()
    tab.generate_button.click()
    assert tab.output is None
    assert tab.user.message.message == "is empty; for 'any user' use uid 0 instead"
    assert tab.credentials.id_field.message.message.startswith("is empty")
    assert not tab.generate_button.isEnabled()


def test_legacy_disables_the_rtm_user(tab: RtcTab) -> None:
    assert tab.rtm_user.isEnabled()
    tab.legacy.setChecked(True)
    assert not tab.rtm_user.isEnabled()


# -- result, expiry, copy ------------------------------------------------------------


def test_changing_the_form_clears_the_result(qtbot, tab: RtcTab) -> None:  # type: ignore[no-untyped-def]
    type_credentials(tab)
    _uid(tab)
    generate(qtbot, tab)
    assert tab.result.text()
    tab.channel.setText("other")
    assert tab.output is None
    assert tab.result.text() == ""
    assert not tab.result.copy_button.isEnabled()


def test_expiry_shows_absolute_time_and_a_live_countdown(qtbot, tab: RtcTab) -> None:  # type: ignore[no-untyped-def]
    issued = int(time.time())
    tab.stamp = Stamp(issued_at=issued, salt=1)
    type_credentials(tab)
    _custom_expiries(tab)  # token 600 s, privileges 300 s
    generate(qtbot, tab)
    display = tab.expiry_display
    rows = display.texts()
    assert len(rows) == 2
    assert timefmt.local(issued + 600) in rows[0]  # local time first
    assert timefmt.local(issued + 300) in rows[1]
    assert display.ticking
    clock = [float(issued + 600 - 5)]
    display.now = lambda: clock[0]
    qtbot.waitUntil(lambda: "| in 5 s" in display.texts()[0], timeout=3000)
    clock[0] = issued + 600 + 61
    qtbot.waitUntil(lambda: "| expired 1 min 1 s ago" in display.texts()[0], timeout=3000)


def test_copy_then_the_clipboard_is_cleared(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = make_context(tmp_path, clipboard_timeout_s=1)
    tab = RtcTab(context)
    qtbot.addWidget(tab)
    type_credentials(tab)
    _uid(tab)
    token = generate(qtbot, tab)
    clipboard = QGuiApplication.clipboard()
    tab.result.copy_button.click()
    assert clipboard.text() == token
    qtbot.waitUntil(lambda: clipboard.text() != token, timeout=4000)
    assert clipboard.text() == ""


def test_copy_shortcut(qtbot, tab: RtcTab) -> None:  # type: ignore[no-untyped-def]
    type_credentials(tab)
    _uid(tab)
    token = generate(qtbot, tab)
    QGuiApplication.clipboard().setText("something else")
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=WAIT_MS)
    qtbot.keyClick(
        tab.result.text_box,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QGuiApplication.clipboard().text() == token


# -- the keyring is read off the GUI thread -----------------------------------------------


def test_keyring_read_runs_off_the_gui_thread(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = SlowProfiles()
    context = make_context(tmp_path, store)
    context.set_profile(Profile("slow", APP_ID))
    tab = RtcTab(context)
    qtbot.addWidget(tab)
    tab.stamp = STAMP
    _uid(tab)
    ticker = Ticker()
    try:
        tab.generate_button.click()
        assert tab.busy
        assert "keyring" in tab.status_label.message
        # The keyring is "stuck on an unlock prompt", yet the window keeps working.
        qtbot.waitUntil(lambda: ticker.ticks >= 10, timeout=WAIT_MS)
        assert tab.output is None
        assert not tab.generate_button.isEnabled()
        assert not tab.form.isEnabled()
        store.gate.set()
        qtbot.waitUntil(lambda: tab.output is not None, timeout=WAIT_MS)
    finally:
        store.gate.set()
        ticker.stop()
    assert store.threads and threading.get_ident() not in store.threads
    assert tab.output.text == build_rtc(CREDS, RtcRequest("demo", uid=42), STAMP).token
    assert tab.form.isEnabled()


def test_profile_without_certificate(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = make_store(tmp_path)
    store.add(Profile("nocert", APP_ID))
    context = make_context(tmp_path, store)
    errors = Errors(context)
    context.set_profile(store.get("nocert"))
    tab = RtcTab(context)
    qtbot.addWidget(tab)
    _uid(tab)
    tab.generate_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_MS)
    assert errors == [
        ("RTC token", "profile 'nocert' has no App Certificate saved; add it in Profiles…")
    ]
    assert tab.status_label.level == "error"
    assert tab.output is None
    assert not tab.busy


def test_keyring_error_is_reported_with_its_message(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    backend = MemoryKeyring()
    store = make_store(tmp_path, backend)
    profile = add_demo_profile(store)
    backend.fail["get"] = keyring.errors.KeyringLocked("Keyring is locked")
    with pytest.raises(KeyringLocked) as expected:
        store.app_certificate("demo")
    context = make_context(tmp_path, store)
    errors = Errors(context)
    context.set_profile(profile)
    tab = RtcTab(context)
    qtbot.addWidget(tab)
    _uid(tab)
    tab.generate_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_MS)
    assert errors == [("RTC token", str(expected.value))]
    assert tab.output is None
    assert tab.generate_button.isEnabled()


# -- keyboard and labels ----------------------------------------------------------------


def test_every_mnemonic_label_has_a_buddy(tab: RtcTab) -> None:
    labels = [label for label in tab.findChildren(QLabel) if "&" in label.text()]
    assert len(labels) >= 8
    for label in labels:
        assert label.buddy() is not None, label.text()


def test_tab_order_follows_the_form(qtbot, tab: RtcTab) -> None:  # type: ignore[no-untyped-def]
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=WAIT_MS)
    type_credentials(tab)
    tab.channel.edit.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(20):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if seen[-1] is tab.generate_button:
            break
    expected = rtc_form_order(tab)
    assert [w for w in seen if w in expected] == expected


def test_advanced_fields_come_after_the_check_box_in_tab_order(qtbot, tab: RtcTab) -> None:  # type: ignore[no-untyped-def]
    assert tab.privilege_fields == {}  # built when the section first opens
    tab.advanced.setChecked(True)
    fields = [tab.privilege_fields[k].edit for k in ("join", "audio", "video", "data")]
    assert all(f.isVisible() for f in fields)
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=WAIT_MS)
    tab.advanced.setFocus()
    seen = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [*fields, tab.generate_button]


def test_rtm_user_with_006_legacy_is_not_dropped_silently(tab: RtcTab) -> None:
    from agora_desk.gui.rtc_tab import LEGACY_DROPS_RTM

    type_credentials(tab)
    tab.rtm_user.setText("alice")
    tab.legacy.setChecked(True)
    assert tab.rtm_user.message.message == LEGACY_DROPS_RTM
    assert not tab.rtm_user.isEnabled()
    tab.legacy.setChecked(False)
    assert tab.rtm_user.message.message == ""
