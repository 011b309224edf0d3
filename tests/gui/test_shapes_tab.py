"""The "More tokens" tab (pytest-qt, offscreen): every shape's token equals the core's."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from _gui_helpers import (
    APP_ID,
    CERT,
    STAMP,
    add_demo_profile,
    generate,
    make_context,
    make_store,
    type_credentials,
)

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtGui import QGuiApplication

from agora_desk.core import compose, shapes
from agora_desk.core.builders import RtcRequest
from agora_desk.core.credentials import Credentials
from agora_desk.core.formats import v007
from agora_desk.core.formats.v007_services import ApaasService, RtcService, RtmService
from agora_desk.core.secret import Secret
from agora_desk.gui.shapes.composer import ComposerForm
from agora_desk.gui.shapes.forms import (
    ApaasAppForm,
    ApaasRoomUserForm,
    ApaasUserForm,
    ChatAppForm,
    ChatUserForm,
    ConvoAiForm,
    FpaForm,
    Rtm2Form,
    SttForm,
)
from agora_desk.gui.shapes.tab import ShapesTab

pytestmark = pytest.mark.gui
CREDS = Credentials(APP_ID, Secret(CERT))


@pytest.fixture
def tab(open_tab: Any) -> ShapesTab:
    widget: ShapesTab = open_tab(ShapesTab)
    widget.stamp = STAMP
    type_credentials(widget)
    return widget


def expected(shape: shapes.Shape) -> str:
    return shapes.build(CREDS, shape, STAMP).token


def test_chat_user_and_app(qtbot: Any, tab: ShapesTab) -> None:
    form = tab.pick(ChatUserForm)
    assert isinstance(form, ChatUserForm)
    form.user.setText("alice")
    tab.expiry.set_seconds(600)
    assert generate(qtbot, tab) == expected(shapes.ChatUserRequest("alice", 600))
    tab.pick(ChatAppForm)
    assert tab.output is None  # a new shape clears the old result
    assert generate(qtbot, tab) == expected(shapes.ChatAppRequest(600))


def test_apaas_shapes(qtbot: Any, tab: ShapesTab) -> None:
    form = tab.pick(ApaasRoomUserForm)
    assert isinstance(form, ApaasRoomUserForm)
    form.room_uuid.setText("room-1")
    form.user_uuid.setText("user-1")
    form.role.setText("2")
    token = generate(qtbot, tab)
    assert token == expected(shapes.ApaasRoomUserRequest("room-1", "user-1", 2, 3600))
    chat = next(s for s in v007.parse(token).services if s.NAME == "Chat")
    assert chat.user_id == hashlib.md5(b"user-1").hexdigest()  # type: ignore[attr-defined]
    user = tab.pick(ApaasUserForm)
    assert isinstance(user, ApaasUserForm)
    user.user.setText("user-1")
    assert generate(qtbot, tab) == expected(shapes.ApaasUserRequest("user-1", 3600))
    tab.pick(ApaasAppForm)
    assert generate(qtbot, tab) == expected(shapes.ApaasAppRequest(3600))


def test_apaas_role_must_be_a_number(qtbot: Any, tab: ShapesTab) -> None:
    form = tab.pick(ApaasRoomUserForm)
    assert isinstance(form, ApaasRoomUserForm)
    form.room_uuid.setText("r")
    form.user_uuid.setText("u")
    form.role.setText("teacher")
    assert form.role.has_error and "whole number" in form.role.message.text()
    assert not tab.generate_button.isEnabled()
    form.role.setText("1")
    assert not form.role.has_error and tab.generate_button.isEnabled()


def test_fpa_follows_the_official_24_hours(qtbot: Any, tab: ShapesTab) -> None:
    tab.pick(FpaForm)
    assert tab.expiry.seconds() == 86400
    token = generate(qtbot, tab)
    assert token == expected(shapes.FpaRequest())
    assert tab.expiry_display.texts()[1].startswith("no time limit")  # FPA login 0
    tab.pick(ChatAppForm)
    assert tab.expiry.seconds() == 3600  # back to the Settings default


def test_rtm2_permissions_editor(qtbot: Any, tab: ShapesTab) -> None:
    form = tab.pick(Rtm2Form)
    assert isinstance(form, Rtm2Form)
    form.user_id.setText("bob")
    form.editor.add_button.click()
    first = form.editor.rows[0]
    first.names.setText("lobby, news")
    second = form.editor.add_row(4, 1, ["carol"])
    third = form.editor.add_row(0, 0, ["lobby", "extra"])  # joins the first row's pair
    permissions = {0: {0: ["lobby", "news", "extra"]}, 4: {1: ["carol"]}}
    assert form.editor.permissions() == permissions
    token = generate(qtbot, tab)
    assert token == expected(shapes.Rtm2Request("bob", permissions, 3600))
    third.remove.click()
    second.remove.click()
    qtbot.waitUntil(lambda: len(form.editor.rows) == 1)
    assert form.editor.permissions() == {0: {0: ["lobby", "news"]}}
    assert tab.output is None


@pytest.mark.parametrize(
    ("form_cls", "request_cls"),
    [(ConvoAiForm, shapes.ConvoAiRequest), (SttForm, shapes.SttRequest)],
)
def test_agents(qtbot: Any, tab: ShapesTab, form_cls: Any, request_cls: Any) -> None:
    form = tab.pick(form_cls)
    form.channel.setText("room")
    form.who.by_account.setChecked(True)
    assert form.user.text() == ""
    form.user.setText("agent")
    form.role.setCurrentIndex(1)  # subscriber
    form.rtm_expiry.set_seconds(86400)
    token = generate(qtbot, tab)
    rtc = RtcRequest(channel="room", account="agent", role="subscriber", rtm_expire=86400)
    assert token == expected(request_cls(rtc))
    services = v007.parse(token).services
    assert [s.NAME for s in services] == ["RTC", "RTM", request_cls.SERVICE.NAME]
    assert isinstance(services[1], RtmService) and services[1].user_id == "agent"


def test_agent_uid_errors_sit_beside_the_field(qtbot: Any, tab: ShapesTab) -> None:
    form = tab.pick(ConvoAiForm)
    assert isinstance(form, ConvoAiForm)
    form.channel.setText("room")
    form.user.setText("99999999999")
    assert form.user.has_error and "out of range" in form.user.message.text()
    assert not tab.generate_button.isEnabled()


def test_warnings_show_beside_the_result(qtbot: Any, tab: ShapesTab) -> None:
    form = tab.pick(ChatUserForm)
    assert isinstance(form, ChatUserForm)
    form.user.setText("null")
    generate(qtbot, tab)
    assert any("null" in m for m in tab.warnings.messages())


def test_composer_equals_compose(qtbot: Any, tab: ShapesTab) -> None:
    form = tab.pick(ComposerForm)
    assert isinstance(form, ComposerForm)
    rtc = form.add_service(1)
    rtc.fields["channel_name"].setText("room")
    rtc.fields["uid"].setText("42")
    rtc.privileges[2][0].setChecked(False)  # no publishAudioStream
    rtc.privileges[1][1].setText("600")
    apaas = form.add_service(7)
    apaas.fields["user_uuid"].setText("u")
    form.add_service(9)
    token = generate(qtbot, tab)
    spec = {
        "expire": 3600,
        "services": [
            {
                "type": 1,
                "channel_name": "room",
                "uid": "42",
                "privileges": {"1": 600, "3": 3600, "4": 3600},
            },
            {
                "type": 7,
                "room_uuid": "",
                "user_uuid": "u",
                "role": -1,
                "privileges": {"1": 3600, "2": 3600, "3": 3600},
            },
            {"type": 9},
        ],
    }
    assert token == expected(compose.parse_compose(spec).request)
    rtc_service, apaas_service, _ = v007.parse(token).services
    assert isinstance(rtc_service, RtcService) and isinstance(apaas_service, ApaasService)
    assert rtc_service.privileges == {1: 600, 3: 3600, 4: 3600}


def test_composer_errors_name_the_service(qtbot: Any, tab: ShapesTab) -> None:
    form = tab.pick(ComposerForm)
    assert isinstance(form, ComposerForm)
    tab.generate_button.click()  # nothing added
    assert "services" in tab.form_message.text() and "empty" in tab.form_message.text()
    editor = form.add_service(7)
    editor.fields["role"].setText("boss")
    assert editor.fields["role"].has_error
    assert not tab.generate_button.isEnabled()
    editor.fields["role"].setText("3")
    rtm2 = form.add_service(8)
    rtm2.permissions.add_row(0, 0, ["中" * 30000])  # type: ignore[union-attr]  # 90 000 bytes
    assert "65535" in rtm2.permissions.message.text()  # type: ignore[union-attr]
    rtm2.removed.emit(rtm2)
    qtbot.waitUntil(lambda: len(form.editors) == 1)
    assert tab.generate_button.isEnabled()


def test_copy_and_profile(qtbot: Any, tmp_path: Path, open_tab: Any) -> None:
    store = make_store(tmp_path)
    profile = add_demo_profile(store)
    context = make_context(tmp_path, store)
    context.set_profile(profile)
    tab: ShapesTab = open_tab(ShapesTab, context)
    tab.stamp = STAMP
    tab.pick(ChatAppForm)
    token = generate(qtbot, tab)
    assert token == expected(shapes.ChatAppRequest(3600))
    assert "profile “demo”" in tab.details.text()
    tab.result.copy()
    assert QGuiApplication.clipboard().text() == token
    assert tab.expiry_display.ticking
