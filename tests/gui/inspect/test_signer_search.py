"""Inspect with no profile selected searches the saved profiles of the token's App ID.

The same rule as ``agora-desk decode`` without ``--profile``: every saved
profile whose App ID is the token's is tried with both its certificates,
read off the GUI thread, and the verdict names the one that signed it.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from _gui_helpers import make_context, make_store
from _inspect_helpers import APP_ID, CERT, ISSUED, OTHER_CERT, rtc_token
from credentials import OTHER_APP_ID
from pytestqt.qtbot import QtBot

from agora_desk.core.decoded import CheckName, SignedBy
from agora_desk.core.secret import Secret
from agora_desk.gui.context import AppContext
from agora_desk.gui.inspect.checks import CheckRow
from agora_desk.gui.inspect.tab import InspectTab
from agora_desk.secrets.profiles import Profile, ProfileStore
from agora_desk.secrets.testing import MemoryKeyring

pytestmark = pytest.mark.gui

UNRELATED_CERT = "abcdef0123456789abcdef0123456789"


class SlowKeyring(MemoryKeyring):
    """A keyring whose reads wait for ``release`` (an unlock prompt), recording their thread."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.release.set()
        self.threads: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.threads.append(threading.current_thread().name)
        self.release.wait(10)
        return super().get_password(service, username)


@pytest.fixture
def keyring() -> SlowKeyring:
    return SlowKeyring()


@pytest.fixture
def store(tmp_path: Path, keyring: SlowKeyring) -> ProfileStore:
    store = make_store(tmp_path, keyring)
    store.add(Profile("staging", APP_ID), Secret(UNRELATED_CERT))
    store.add(
        Profile("production", APP_ID),
        Secret(UNRELATED_CERT),
        app_certificate_secondary=Secret(OTHER_CERT),
    )
    store.add(Profile("elsewhere", OTHER_APP_ID), Secret(CERT))
    return store


@pytest.fixture
def context(qapp: object, tmp_path: Path, store: ProfileStore) -> AppContext:
    return make_context(tmp_path, store)


def signature(tab: InspectTab) -> CheckRow:
    return next(r for r in tab.rows if r.name == "signature")


def test_the_saved_profile_that_signed_it_is_named(
    tab: InspectTab, qtbot: QtBot, keyring: SlowKeyring
) -> None:
    tab.set_text(rtc_token(certificate=OTHER_CERT))
    qtbot.waitUntil(lambda: tab.decoded is not None and tab.decoded.signature_valid is True)
    assert tab.decoded is not None
    assert tab.decoded.signed_by == SignedBy("production", "secondary")
    assert "Signed with the secondary certificate of profile 'production'." in (
        tab.checks.verdict_label.text()
    )
    assert signature(tab).state == "ok"
    # Only the profiles of the token's App ID were read, and never on the GUI thread.
    assert keyring.threads and threading.main_thread().name not in keyring.threads


def test_no_saved_certificate_signed_it(tab: InspectTab, qtbot: QtBot) -> None:
    tab.set_text(rtc_token(certificate="00000000000000000000000000000000"))
    qtbot.waitUntil(lambda: tab.decoded is not None and tab.decoded.signature_valid is False)
    sig = signature(tab)
    assert sig.state == "error"
    assert "staging (primary)" in sig.detail and "production (secondary)" in sig.detail
    assert "elsewhere" not in sig.detail


def test_reading_the_keyring_shows_progress_and_never_blocks(
    tab: InspectTab, qtbot: QtBot, keyring: SlowKeyring
) -> None:
    keyring.release.clear()
    tab.set_text(rtc_token(certificate=OTHER_CERT))  # returns: the read waits on its thread
    qtbot.waitUntil(
        lambda: "reading the App Certificates of saved profile" in signature(tab).detail
    )
    assert "'production'" in signature(tab).detail and "'staging'" in signature(tab).detail
    keyring.release.set()
    qtbot.waitUntil(lambda: tab.decoded is not None and tab.decoded.signature_valid is True)


def test_a_token_of_no_saved_profile_says_so(tab: InspectTab, qtbot: QtBot) -> None:
    from agora_desk.core.formats import v007
    from agora_desk.core.formats.v007 import RtcService

    token = v007.build(
        "11112222333344445555666677778888",
        CERT,
        [RtcService(privileges={1: 3600}, channel_name="demo", uid="42")],
        expire=3600,
        issued_at=ISSUED,
        salt=1,
    )
    tab.set_text(token)
    qtbot.waitUntil(lambda: tab.decoded is not None)
    texts = [r.text for r in tab.rows]
    assert any(
        "no saved profile has App ID 11112222333344445555666677778888" in t for t in texts
    ), texts


def test_a_selected_profile_of_another_app_id_names_the_right_one(
    tab: InspectTab, context: AppContext, store: ProfileStore, qtbot: QtBot
) -> None:
    context.set_profile(store.get("elsewhere"))
    tab.set_text(rtc_token())
    qtbot.waitUntil(lambda: tab.decoded is not None and bool(tab.decoded.failed_checks))
    assert tab.decoded is not None
    first = tab.decoded.checks[0]
    assert first.name is CheckName.APP_ID and first.failed
    assert "saved profile 'production', 'staging'" in first.detail
    assert "Select profile 'production'" in first.fix
    # The selected profile's certificate is the one meant: other profiles' are not tried.
    assert tab.decoded.signed_by is None
