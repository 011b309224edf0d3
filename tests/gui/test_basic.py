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


def test_profile_without_customer_id_is_said_before_generate(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = make_store(tmp_path)
    store.add(Profile("app-only", APP_ID))
    context = make_context(tmp_path, store)
    context.set_profile(store.get("app-only"))
    tab = BasicTab(context)
    qtbot.addWidget(tab)
    tab.show()
    panel = tab.credentials
    # Before any Generate: the reason, the way to fix it, and no Generate to fail.
    assert panel.missing_row.isVisible()
    assert panel.missing_message.level == "warning"
    assert "“app-only” has no Customer ID" in panel.missing_message.message
    assert not tab.generate_button.isEnabled()
    errors = Errors(context)
    tab.default_action()  # Ctrl+Enter: nothing runs, nothing new is said
    assert not tab.busy and errors == [] and tab.status_label.message == ""
    with qtbot.waitSignal(context.profilesRequested, timeout=WAIT_MS):
        panel.open_profiles_button.click()
    # Fixed in Profiles (the window re-selects the saved profile): the notice goes.
    store.update("app-only", customer_id=CUSTOMER_ID, customer_secret=Secret(CUSTOMER_SECRET))
    context.set_profile(store.get("app-only"))
    assert panel.missing_row.isHidden()
    assert tab.generate_button.isEnabled()
    assert generate(qtbot, tab) == HEADER


def test_the_window_opens_profiles_when_a_tab_asks(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from agora_desk.gui.main_window import MainWindow
    from agora_desk.gui.profiles_dialog import ProfilesDialog

    store = make_store(tmp_path)
    store.add(Profile("app-only", APP_ID))
    context = make_context(tmp_path, store)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.profile_picker.setCurrentIndex(window.profile_picker.findData("app-only"))
    tab = window.show_tab("basic")
    tab.credentials.open_profiles_button.click()
    qtbot.waitUntil(
        lambda: any(isinstance(w, ProfilesDialog) and w.isVisible() for w in window.children()),
        timeout=WAIT_MS,
    )
    for w in window.children():
        if isinstance(w, ProfilesDialog):
            w.reject()
    window.close()


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


# -- other forms of the header ---------------------------------------------------------


def test_copy_as_authorization_line_and_curl_are_secret_copies(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shlex

    from agora_desk.gui.context import SECRET_HINTS

    context = make_context(tmp_path, clipboard_timeout_s=1, rest_base_url="https://rest.test")
    tab = BasicTab(context)
    qtbot.addWidget(tab)
    line_button, curl_button = tab.copy_forms
    assert not line_button.isEnabled() and not curl_button.isEnabled()
    type_customer(tab)
    header = generate(qtbot, tab)
    clipboard = QGuiApplication.clipboard()
    line_button.click()
    assert clipboard.text() == f"Authorization: {header}"
    mime = clipboard.mimeData()
    for kind, value in SECRET_HINTS.items():
        if kind in mime.formats():
            assert bytes(mime.data(kind).data()) == value
    assert "x-kde-passwordManagerHint" in mime.formats()
    assert tab.result.copy_state.text().startswith("✓ Copied")
    curl_button.click()
    assert shlex.split(clipboard.text()) == [
        "curl",
        "-H",
        f"Authorization: {header}",
        "https://rest.test/dev/v1/projects",
    ]
    # Cleared like every secret copy, and the box says so.
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=4000)
    qtbot.waitUntil(lambda: tab.result.copy_state.text() == "✓ Clipboard cleared", timeout=2000)
    # A new input clears the result: nothing left to copy in another form.
    tab.credentials.id_field.setText("other-id")
    assert not line_button.isEnabled() and not curl_button.isEnabled()


# -- does a pasted header match the profile? ---------------------------------------------


def _profile_tab(qtbot, tmp_path: Path, **profile: str) -> BasicTab:  # type: ignore[no-untyped-def]
    store = make_store(tmp_path)
    context = make_context(tmp_path, store)
    context.set_profile(add_demo_profile(store, **profile))
    tab = BasicTab(context)
    qtbot.addWidget(tab)
    return tab


def _match_after(qtbot, tab: BasicTab, header: str) -> str:  # type: ignore[no-untyped-def]
    tab.header.setText(header)
    qtbot.waitUntil(lambda: "Comparing" not in tab.match.message, timeout=WAIT_MS)
    return tab.match.message


def test_a_pasted_header_of_the_profile_matches(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = _profile_tab(qtbot, tmp_path)
    message = _match_after(qtbot, tab, HEADER)
    assert message == "✓ Matches profile “demo”: same Customer ID and Customer Secret."
    assert tab.match.level == "info"
    assert CUSTOMER_SECRET not in message


def test_a_pasted_header_with_another_secret_says_so_without_showing_either(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    tab = _profile_tab(qtbot, tmp_path)
    other = build_header(CUSTOMER_ID, Secret("an-older-secret-1234")).reveal()
    message = _match_after(qtbot, tab, other)
    assert tab.match.level == "warning"
    assert message.startswith("Same Customer ID as profile “demo”, but a different Customer Secret")
    assert CUSTOMER_SECRET not in message and "an-older-secret-1234" not in message


def test_a_pasted_header_of_another_account(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = _profile_tab(qtbot, tmp_path)
    other = build_header("someone-else", Secret(CUSTOMER_SECRET)).reveal()
    tab.header.setText(other)
    # Known from the profile alone: no keyring read needed, said at once.
    assert (
        tab.match.message
        == f"Not profile “demo”’s: its Customer ID ({CUSTOMER_ID}) is another one."
    )
    tab.header.setText("")
    assert tab.match.message == ""


def test_a_pasted_header_compares_with_typed_credentials(qtbot, tab: BasicTab) -> None:  # type: ignore[no-untyped-def]
    tab.header.setText(HEADER)
    assert tab.match.message == ""  # nothing to compare with yet
    type_customer(tab)
    assert tab.match.message.startswith("✓ Matches the typed credentials")
    tab.credentials.secret_field.setText("changed-secret-5555")
    assert "different Customer Secret" in tab.match.message
