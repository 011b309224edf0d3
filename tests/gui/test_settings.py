"""The Settings dialog (pytest-qt, offscreen) and tabs following its defaults."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from _gui_helpers import make_context, make_settings

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtWidgets import QDialogButtonBox

from agora_desk.core.rest import check_base_url
from agora_desk.gui.context import AppSettings
from agora_desk.gui.prompts import Unsaved
from agora_desk.gui.rtc_tab import RtcTab
from agora_desk.gui.rtm_tab import RtmTab
from agora_desk.gui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return make_settings(tmp_path)


@pytest.fixture
def dialog(qtbot, settings: AppSettings) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dlg = SettingsDialog(settings)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def ok_button(dialog: SettingsDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_shows_and_saves_the_settings(
    dialog: SettingsDialog, settings: AppSettings, tmp_path: Path
) -> None:
    assert dialog.clipboard_timeout.value() == 30
    assert dialog.default_expire.seconds() == 3600
    assert dialog.rest_base_url.text() == "https://api.agora.io"
    dialog.clipboard_timeout.setValue(5)
    dialog.default_expire.set_seconds(86400)
    dialog.default_privilege_expire.set_custom_text("600")
    dialog.rest_base_url.setText("https://api.example.test/v1/")
    dialog.rest_timeout.setValue(42)
    ok_button(dialog).click()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert settings.get("clipboard_timeout_s") == 5
    assert settings.get("default_expire_s") == 86400
    assert settings.get("default_privilege_expire_s") == 600
    assert settings.get("rest_base_url") == "https://api.example.test/v1"
    assert settings.get("rest_timeout_s") == 42
    # Written to the settings file at once, and nothing but preferences.
    text = (tmp_path / "settings.ini").read_text()
    assert "clipboard_timeout_s=5" in text


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("", "is empty; Agora's REST API is at https://api.agora.io"),
        ("ftp://api.agora.io", "scheme 'ftp' is not supported; use https://"),
        ("api.agora.io", "'api.agora.io' has no scheme; write https://api.agora.io"),
        ("http://api.agora.io", None),
        ("https://api.agora.io/?x=1", None),
    ],
)
def test_bad_base_url(dialog: SettingsDialog, url: str, problem: str | None) -> None:
    """The REST core's rules and words, as in the Test request tab and the CLI."""
    (issue,) = check_base_url(url)
    if problem is not None:
        assert issue.message == problem
    dialog.rest_base_url.setText(url)
    assert dialog.rest_base_url.message.level == "error"
    assert dialog.rest_base_url.message.message == issue.message
    assert not ok_button(dialog).isEnabled()


def test_local_http_is_allowed(dialog: SettingsDialog) -> None:
    dialog.rest_base_url.setText("http://127.0.0.1:8080")
    assert dialog.rest_base_url.message.isHidden()
    assert ok_button(dialog).isEnabled()


def test_bad_expiry_and_missing_ca_file_block_ok(
    dialog: SettingsDialog, settings: AppSettings, tmp_path: Path
) -> None:
    dialog.default_expire.set_custom_text("-3")
    assert (
        dialog.default_expire.message.message
        == "-3 is negative; give a number of seconds, 0 or more"
    )
    assert not ok_button(dialog).isEnabled()
    dialog.default_expire.set_seconds(3600)
    dialog.rest_ca_file.setText(str(tmp_path / "missing.pem"))
    assert dialog.rest_ca_file.message.message == "no such file"
    assert not ok_button(dialog).isEnabled()
    dialog.accept()  # e.g. Enter: refused with a message, nothing saved
    assert dialog.status.level == "error"
    assert settings.get("rest_ca_file") == ""
    pem = tmp_path / "ca.pem"
    pem.write_text("-----BEGIN CERTIFICATE-----\n")
    dialog.rest_ca_file.setText(str(pem))
    assert ok_button(dialog).isEnabled()


def test_restore_defaults(dialog: SettingsDialog) -> None:
    dialog.clipboard_timeout.setValue(0)
    dialog.rest_base_url.setText("https://elsewhere.test")
    dialog.restore_defaults()
    assert dialog.clipboard_timeout.value() == 30
    assert dialog.rest_base_url.text() == "https://api.agora.io"


def test_tabs_follow_new_default_expiries(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = make_context(tmp_path)
    rtc, rtm = RtcTab(context), RtmTab(context)
    for tab in (rtc, rtm):
        qtbot.addWidget(tab)
    rtm.expiry.set_custom_text("60")  # chosen by hand: kept
    context.settings.set("default_expire_s", 86400)
    context.settings.set("default_privilege_expire_s", 600)
    rtc.show()
    rtm.show()
    assert rtc.expiry.seconds() == 86400
    assert rtc.privilege_expiry.seconds() == 600
    assert rtm.expiry.seconds() == 60


# -- no lost work ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "saved", "open_after"),
    [(Unsaved.SAVE, 90, False), (Unsaved.DISCARD, 30, False), (Unsaved.CANCEL, 30, True)],
)
def test_unsaved_settings_ask_before_closing(
    qtbot, tmp_path: Path, answer: Unsaved, saved: int, open_after: bool
) -> None:  # type: ignore[no-untyped-def]
    settings = make_settings(tmp_path)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    asked: list[str] = []
    dialog.ask_unsaved = lambda what: asked.append(what) or answer  # type: ignore[func-returns-value]
    dialog.clipboard_timeout.setValue(90)
    dialog.reject()
    assert asked == ["the settings"]
    assert settings.clipboard_timeout_s == saved
    assert dialog.isVisible() is open_after


def test_unchanged_settings_close_without_a_question(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(make_settings(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ask_unsaved = lambda what: pytest.fail("asked")  # type: ignore[assignment]
    dialog.reject()
    assert not dialog.isVisible()
