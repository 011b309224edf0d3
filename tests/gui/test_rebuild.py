"""Inspect's "Rebuild with these inputs": the right generator, filled in, makes the same token again."""

from __future__ import annotations

from pathlib import Path

import pytest
from _gui_helpers import (
    APP_ID,
    CERT,
    OTHER_APP_ID,
    STAMP,
    add_demo_profile,
    generate,
    make_context,
    make_store,
    type_credentials,
)

pytest.importorskip("PySide6.QtWidgets")

from agora_desk.core import shapes
from agora_desk.core.builders import RtcRequest, RtmRequest, build_rtc, build_rtc_legacy
from agora_desk.core.compose import ComposeRequest
from agora_desk.core.credentials import Credentials
from agora_desk.core.rebuild import Request, rebuild_request
from agora_desk.core.secret import Secret
from agora_desk.gui.inspect.tab import InspectTab
from agora_desk.gui.main_window import MainWindow
from agora_desk.gui.rtc_tab import RtcTab
from agora_desk.gui.rtm_tab import RtmTab
from agora_desk.gui.shapes.composer import ComposerForm
from agora_desk.gui.shapes.forms import ConvoAiForm
from agora_desk.gui.shapes.tab import ShapesTab

pytestmark = pytest.mark.gui
CREDS = Credentials(APP_ID, Secret(CERT))


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(make_context(tmp_path))
    qtbot.addWidget(win)
    win.show()
    return win


def _inspect(window: MainWindow, token: str) -> InspectTab:
    inspect = window.show_tab("inspect")
    assert isinstance(inspect, InspectTab)
    inspect.set_text(token)
    assert inspect.decoded is not None, inspect.error_message
    return inspect


def _rebuild_generate_inspect(qtbot, window: MainWindow, token: str) -> tuple[object, Request]:  # type: ignore[no-untyped-def]
    """Decode, Rebuild, Generate with the same (typed) certificate, decode again."""
    inspect = _inspect(window, token)
    before = rebuild_request(inspect.decoded)
    assert inspect.rebuild_button.isEnabled(), inspect.rebuild_button.reason
    inspect.rebuild_button.click()
    tab = window.current_tab()
    assert tab is not inspect
    type_credentials(tab)  # the App ID is the token's already; the certificate is typed once
    again = generate(qtbot, tab)
    assert again != token  # a fresh salt and issue time
    after = rebuild_request(_inspect(window, again).decoded)
    assert after == before
    return tab, after  # type: ignore[return-value]


def test_rtc_token_rebuilds_in_the_rtc_tab(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    request = RtcRequest(
        "room-7", account="alice", role="subscriber", expire=7200, privilege_expire=600
    )
    token = build_rtc(CREDS, request, STAMP).token
    tab, after = _rebuild_generate_inspect(qtbot, window, token)
    assert isinstance(tab, RtcTab) and after == request
    assert tab.channel.text() == "room-7" and tab.who.is_account and tab.user.text() == "alice"
    assert tab.role.currentData() == "subscriber"
    assert tab.expiry.seconds() == 7200 and tab.privilege_expiry.seconds() == 600


def test_separate_privileges_and_rtm_rebuild(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    request = RtcRequest(
        "c", uid=42, join_expire=100, audio_expire=200, video_expire=300, data_expire=400,
        rtm_user_id="bob",
    )  # fmt: skip
    tab, after = _rebuild_generate_inspect(qtbot, window, build_rtc(CREDS, request, STAMP).token)
    assert isinstance(tab, RtcTab) and after == request
    assert tab.advanced.isChecked() and tab.privilege_fields["video"].text() == "300"
    assert tab.rtm_user.text() == "bob"


def test_rtm_token_rebuilds_in_the_rtm_tab(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from agora_desk.core.builders import build_rtm

    request = RtmRequest("carol", 1800)
    tab, after = _rebuild_generate_inspect(qtbot, window, build_rtm(CREDS, request, STAMP).token)
    assert isinstance(tab, RtmTab) and after == request and tab.user_id.text() == "carol"


def test_shapes_rebuild_in_their_own_form(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    request = shapes.ConvoAiRequest(RtcRequest("agents", uid=1001, expire=600, rtm_expire=60))
    token = shapes.build(CREDS, request, STAMP).token
    tab, after = _rebuild_generate_inspect(qtbot, window, token)
    assert isinstance(tab, ShapesTab) and isinstance(tab.current, ConvoAiForm)
    assert after == request and tab.current.rtm_expiry.seconds("x") == 60
    for other in (
        shapes.Rtm2Request("dave", {0: {0: ["lobby", "news"]}, 4: {1: ["erin"]}}, 900),
        shapes.ApaasRoomUserRequest("room", "user", 2, 3600),
        shapes.ChatUserRequest("frank", 300),
    ):
        _tab, after = _rebuild_generate_inspect(
            qtbot, window, shapes.build(CREDS, other, STAMP).token
        )
        assert after == other


def test_any_other_token_rebuilds_in_the_composer(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    odd = RtcRequest("demo", uid=3, rtm_user_id="u", rtm_expire=60)  # no RTC-tab field for it
    tab, after = _rebuild_generate_inspect(qtbot, window, build_rtc(CREDS, odd, STAMP).token)
    assert isinstance(tab, ShapesTab) and isinstance(tab.current, ComposerForm)
    assert isinstance(after, ComposeRequest) and len(tab.current.editors) == 2


def test_the_app_id_comes_along_and_a_different_profile_is_named(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = make_store(tmp_path)
    add_demo_profile(store, app_id=OTHER_APP_ID)
    window = MainWindow(make_context(tmp_path, store))
    qtbot.addWidget(window)
    window.show()
    token = build_rtc(CREDS, RtcRequest("demo", uid=5), STAMP).token
    if window.context.profile() is None:
        window.context.set_profile(store.get("demo"))
    _inspect(window, token).rebuild_button.click()
    tab = window.current_tab()
    assert isinstance(tab, RtcTab)
    message = tab.status_label.message
    assert APP_ID in message and "demo" in message and "profile" in message
    window.context.set_profile(None)
    _inspect(window, token).rebuild_button.click()
    assert tab.credentials.id_field.text() == APP_ID  # typed credentials: the token's App ID


def test_off_with_a_reason_for_what_cannot_be_rebuilt(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    inspect = window.show_tab("inspect")
    assert isinstance(inspect, InspectTab)
    button = inspect.rebuild_button
    assert not button.isEnabled() and "decodes" in button.toolTip()  # nothing pasted yet
    legacy = build_rtc_legacy(CREDS, RtcRequest("demo", uid=1), STAMP).token
    inspect.set_text(legacy)
    assert inspect.decoded is not None
    assert not button.isEnabled() and "006" in button.toolTip()
    good = build_rtc(CREDS, RtcRequest("demo"), STAMP).token
    inspect.set_text(good[:40])  # damaged: it does not decode
    assert inspect.decoded is None and not button.isEnabled()
    inspect.set_text(good)
    assert button.isEnabled()
    inspect.set_text("")
    assert not button.isEnabled()
