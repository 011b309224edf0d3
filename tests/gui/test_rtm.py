"""The RTM token tab (pytest-qt, offscreen)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from _gui_helpers import (
    APP_ID,
    CERT,
    OTHER_CERT,
    STAMP,
    add_demo_profile,
    generate,
    make_context,
    make_store,
    type_credentials,
)

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtGui import QGuiApplication

from agora_desk.core.builders import RtmRequest, build_rtm, build_rtm_legacy
from agora_desk.core.credentials import Credentials
from agora_desk.core.formats import v006, v007
from agora_desk.core.formats.v007 import RtmService
from agora_desk.core.secret import Secret
from agora_desk.gui.context import AppContext
from agora_desk.gui.rtm_tab import RtmTab

pytestmark = pytest.mark.gui
CREDS = Credentials(APP_ID, Secret(CERT))


@pytest.fixture
def tab(open_tab) -> RtmTab:  # type: ignore[no-untyped-def]
    return open_tab(RtmTab)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("expire", "legacy"), [(3600, False), (86400, False), (600, False), (3600, True)]
)
def test_token_equals_core_build(qtbot, tab: RtmTab, expire: int, legacy: bool) -> None:  # type: ignore[no-untyped-def]
    tab.stamp = STAMP
    type_credentials(tab)
    tab.user_id.setText("alice")
    tab.expiry.set_seconds(expire)
    tab.legacy.setChecked(legacy)
    token = generate(qtbot, tab)
    builder = build_rtm_legacy if legacy else build_rtm
    assert token == builder(CREDS, RtmRequest("alice", expire), STAMP).token


def test_real_salt_and_time(qtbot, tab: RtmTab) -> None:  # type: ignore[no-untyped-def]
    type_credentials(tab)
    tab.user_id.setText("bob")
    parsed = v007.parse(generate(qtbot, tab))
    assert v007.verify(parsed, CERT)
    (service,) = parsed.services
    assert isinstance(service, RtmService)
    assert service.user_id == "bob"
    assert service.privileges == {RtmService.LOGIN: 3600}
    assert parsed.expire == 3600


def test_legacy_token_is_006(qtbot, tab: RtmTab) -> None:  # type: ignore[no-untyped-def]
    type_credentials(tab)
    tab.user_id.setText("bob")
    tab.legacy.setChecked(True)
    token = generate(qtbot, tab)
    parsed = v006.parse(token)
    assert parsed.app_id == APP_ID
    assert v006.verify(parsed, CERT, "bob", "")


def test_profile(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = make_store(tmp_path)
    context = make_context(tmp_path, store)
    context.set_profile(add_demo_profile(store))
    tab = RtmTab(context)
    qtbot.addWidget(tab)
    tab.stamp = STAMP
    tab.user_id.setText("alice")
    assert generate(qtbot, tab) == build_rtm(CREDS, RtmRequest("alice"), STAMP).token


def test_empty_user_id(tab: RtmTab) -> None:
    type_credentials(tab)
    assert tab.user_id.message.isHidden()
    tab.generate_button.click()
    assert tab.output is None
    assert tab.user_id.message.level == "error"
    assert tab.user_id.message.message == "is empty"
    assert not tab.generate_button.isEnabled()
    tab.user_id.setText("alice")
    assert tab.generate_button.isEnabled()


def test_negative_and_non_numeric_expiry(tab: RtmTab) -> None:
    type_credentials(tab)
    tab.user_id.setText("alice")
    tab.expiry.set_custom_text("-60")
    assert tab.expiry.message.message == "-60 is negative; give a number of seconds, 0 or more"
    assert not tab.generate_button.isEnabled()
    tab.expiry.set_custom_text("1h")
    assert tab.expiry.message.message == "'1h' is not a whole number of seconds"
    tab.expiry.set_custom_text("7200")
    assert tab.expiry.message.isHidden()
    assert tab.expiry.hint.text() == "= 2 h"
    assert tab.generate_button.isEnabled()


def test_long_user_id_warns_beside_the_result(qtbot, tab: RtmTab) -> None:  # type: ignore[no-untyped-def]
    type_credentials(tab)
    tab.user_id.setText("u" * 65)
    generate(qtbot, tab)
    assert tab.warnings.messages() == [
        "user ID: is 65 bytes; Signaling accepts user IDs of at most 64"
    ]


def test_copy_then_the_clipboard_is_cleared(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = RtmTab(make_context(tmp_path, clipboard_timeout_s=1))
    qtbot.addWidget(tab)
    type_credentials(tab)
    tab.user_id.setText("alice")
    token = generate(qtbot, tab)
    clipboard = QGuiApplication.clipboard()
    tab.result.copy()
    assert clipboard.text() == token
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=4000)


def test_typed_credentials_are_shared_with_other_tabs(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    first = RtmTab(context)
    second = RtmTab(context)
    for widget in (first, second):
        qtbot.addWidget(widget)
    type_credentials(first)
    writes: list[dict[str, str]] = []
    second.credentials.changed.connect(
        lambda: writes.append({k: v.reveal() for k, v in context.session_secrets.items()})
    )
    second.show()
    assert second.credentials.id_field.text() == APP_ID
    assert second.credentials.secret_field.text() == CERT
    assert context.session_secrets["app_certificate"].reveal() == CERT
    # Loading did not pass through a state with the certificate dropped.
    assert writes == [{"app_certificate": CERT}]
    # Edited in the second tab: the first shows it when it is shown again.
    second.credentials.secret_field.setText(OTHER_CERT)
    first.hide()
    first.show()
    assert first.credentials.secret_field.text() == OTHER_CERT
