"""The Basic credential tab (pytest-qt, offscreen): header out, and back in."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import base64
import threading
from pathlib import Path

import pytest
from _gui_helpers import (
    APP_ID,
    CUSTOMER_ID,
    CUSTOMER_SECRET,
    WAIT_MS,
    Errors,
    SlowProfiles,
    Ticker,
    add_demo_profile,
    generate,
    make_context,
    make_store,
    type_credentials,
)

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from agora_desk.core.basic import build_header
from agora_desk.core.secret import Secret
from agora_desk.gui.basic_tab import BasicTab
from agora_desk.secrets.profiles import Profile

pytestmark = pytest.mark.gui
HEADER = build_header(CUSTOMER_ID, Secret(CUSTOMER_SECRET)).reveal()


@pytest.fixture
def tab(open_tab) -> BasicTab:  # type: ignore[no-untyped-def]
    return open_tab(BasicTab)  # type: ignore[no-any-return]


def type_customer(tab: BasicTab, cid: str = CUSTOMER_ID, secret: str = CUSTOMER_SECRET) -> None:
    type_credentials(tab, cid, secret)


def test_typed_credentials_build_the_core_header(qtbot, tab: BasicTab) -> None:  # type: ignore[no-untyped-def]
    type_customer(tab)
    header = generate(qtbot, tab)
    assert header == HEADER
    raw = base64.b64decode(header.removeprefix("Basic "))
    assert raw.decode() == f"{CUSTOMER_ID}:{CUSTOMER_SECRET}"


def test_profile_secret_is_read_off_the_gui_thread(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = SlowProfiles()
    context = make_context(tmp_path, store)
    context.set_profile(Profile("slow", APP_ID, CUSTOMER_ID))
    tab = BasicTab(context)
    qtbot.addWidget(tab)
    ticker = Ticker()
    try:
        tab.generate_button.click()
        assert tab.busy
        qtbot.waitUntil(lambda: ticker.ticks >= 10, timeout=WAIT_MS)
        assert tab.output is None
        store.gate.set()
        qtbot.waitUntil(lambda: tab.output is not None, timeout=WAIT_MS)
    finally:
        store.gate.set()
        ticker.stop()
    assert threading.get_ident() not in store.threads
    assert tab.output.text == HEADER


def test_profile_with_keyring(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = make_store(tmp_path)
    context = make_context(tmp_path, store)
    context.set_profile(add_demo_profile(store))
    tab = BasicTab(context)
    qtbot.addWidget(tab)
    assert CUSTOMER_ID in tab.credentials.summary.text()
    assert generate(qtbot, tab) == HEADER


def test_profile_without_customer_id(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = make_store(tmp_path)
    store.add(Profile("app-only", APP_ID))
    context = make_context(tmp_path, store)
    errors = Errors(context)
    context.set_profile(store.get("app-only"))
    tab = BasicTab(context)
    qtbot.addWidget(tab)
    tab.generate_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_MS)
    assert errors == [
        ("Basic credential", "profile 'app-only' has no Customer ID; add it in Profiles…")
    ]


@pytest.mark.parametrize(
    ("cid", "secret", "field", "message"),
    [
        (
            "id:with:colon",
            CUSTOMER_SECRET,
            "id",
            "contains ':', which would split the Basic credential",
        ),
        (
            " padded",
            CUSTOMER_SECRET,
            "id",
            "has whitespace around it (from a paste?): Agora will answer 401",
        ),
        (CUSTOMER_ID, "has space", "secret", "a space at position 4 is not allowed"),
    ],
)
def test_validation(tab: BasicTab, cid: str, secret: str, field: str, message: str) -> None:
    type_customer(tab, cid, secret)
    target = tab.credentials.id_field if field == "id" else tab.credentials.secret_field
    assert target.message.level == "error"
    assert target.message.message == message
    assert not tab.generate_button.isEnabled()


def test_copy_then_the_clipboard_is_cleared(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = BasicTab(make_context(tmp_path, clipboard_timeout_s=1))
    qtbot.addWidget(tab)
    type_customer(tab)
    header = generate(qtbot, tab)
    clipboard = QGuiApplication.clipboard()
    tab.result.copy_button.click()
    assert clipboard.text() == header
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=4000)


def test_clipboard_changed_by_someone_else_is_left_alone(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = BasicTab(make_context(tmp_path, clipboard_timeout_s=1))
    qtbot.addWidget(tab)
    type_customer(tab)
    generate(qtbot, tab)
    clipboard = QGuiApplication.clipboard()
    tab.result.copy()
    clipboard.setText("copied later by the user")
    qtbot.wait(1500)
    assert clipboard.text() == "copied later by the user"


# -- reading a header -----------------------------------------------------------------


def test_pasted_header_shows_the_customer_id_and_hides_the_secret(tab: BasicTab) -> None:
    assert tab.header.edit.echoMode() == QLineEdit.EchoMode.Password
    tab.header.setText(f"Authorization: {HEADER}")
    assert tab.header.message.isHidden()
    assert tab.decoded_id.text() == CUSTOMER_ID
    shown = tab.decoded_secret.text()
    assert CUSTOMER_SECRET not in shown
    assert shown.endswith(CUSTOMER_SECRET[-4:]) and "•" in shown
    assert not tab.secret_revealed
    tab.reveal_button.click()
    assert tab.secret_revealed
    assert tab.decoded_secret.text() == CUSTOMER_SECRET
    tab.reveal_button.click()
    assert CUSTOMER_SECRET not in tab.decoded_secret.text()


def test_a_new_paste_hides_the_secret_again(tab: BasicTab) -> None:
    tab.header.setText(HEADER)
    tab.reveal_button.click()
    other = build_header("someone", Secret("other-secret-9876")).reveal()
    tab.header.setText(other)
    assert tab.decoded_id.text() == "someone"
    assert "other-secret-9876" not in tab.decoded_secret.text()
    assert not tab.secret_revealed


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Bearer abc", "does not start with 'Basic ' (the scheme of Agora's Basic auth)"),
        ("Basic", "has no credential after 'Basic'"),
        ("Basic !!!", "the part after 'Basic' is not valid base64"),
        (
            "Basic " + base64.b64encode(b"no-colon").decode(),
            "the decoded credential has no ':' between Customer ID and secret",
        ),
    ],
)
def test_bad_header_messages(tab: BasicTab, text: str, message: str) -> None:
    tab.header.setText(text)
    assert tab.header.message.level == "error"
    assert tab.header.message.message == message
    assert tab.decoded_id.text() == ""
    assert not tab.reveal_button.isEnabled()
