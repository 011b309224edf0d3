"""The Profiles dialog (pytest-qt, offscreen): add / edit / remove, keyring off the GUI thread."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections.abc import Iterator
from pathlib import Path

import keyring.errors
import pytest
from _gui_helpers import (
    APP_ID,
    CERT,
    CUSTOMER_ID,
    CUSTOMER_SECRET,
    OTHER_APP_ID,
    OTHER_CERT,
    WAIT_MS,
    Errors,
    Ticker,
    add_demo_profile,
    make_context,
    make_store,
)

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QEvent, QThreadPool
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from shiboken6 import isValid

from agora_desk.gui.context import AppContext
from agora_desk.gui.profiles_dialog import ProfilesDialog
from agora_desk.gui.prompts import Unsaved
from agora_desk.secrets.errors import KeyringFailure
from agora_desk.secrets.keyring_store import SERVICE
from agora_desk.secrets.profiles import Profile, ProfileStore
from agora_desk.secrets.store import SessionStore
from agora_desk.secrets.testing import MemoryKeyring

pytestmark = pytest.mark.gui


@pytest.fixture
def backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def store(tmp_path: Path, backend: MemoryKeyring) -> ProfileStore:
    return make_store(tmp_path, backend)


@pytest.fixture
def context(tmp_path: Path, store: ProfileStore) -> AppContext:
    return make_context(tmp_path, store)


@pytest.fixture
def dialog(qtbot, context: AppContext) -> Iterator[ProfilesDialog]:  # type: ignore[no-untyped-def]
    dlg = ProfilesDialog(context)
    # Closing at the end of a test drops what it typed (the real box would block).
    dlg.ask_unsaved = lambda what: Unsaved.DISCARD
    qtbot.addWidget(dlg)
    dlg.show()
    yield dlg


def wait_idle(qtbot, dialog: ProfilesDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)


def fill(dialog: ProfilesDialog, name: str = "demo", cert: str = CERT) -> None:
    dialog.name.setText(name)
    dialog.app_id.setText(APP_ID)
    dialog.app_certificate.setText(cert)
    dialog.customer_id.setText(CUSTOMER_ID)
    dialog.customer_secret.setText(CUSTOMER_SECRET)


def test_add_saves_the_profile_and_its_secrets(
    qtbot, dialog: ProfilesDialog, store: ProfileStore, backend: MemoryKeyring, context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    changed: list[bool] = []
    context.profilesChanged.connect(lambda: changed.append(True))
    assert dialog.app_certificate.edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.customer_secret.edit.echoMode() == QLineEdit.EchoMode.Password
    fill(dialog)
    dialog.save_button.click()
    wait_idle(qtbot, dialog)
    assert store.get("demo") == Profile("demo", APP_ID, CUSTOMER_ID)
    assert store.app_certificate("demo").reveal() == CERT
    assert store.customer_secret("demo").reveal() == CUSTOMER_SECRET
    assert (SERVICE, "demo/app_certificate") in backend.entries
    assert changed
    # The secret fields are emptied once saved; the list shows the new profile.
    assert dialog.app_certificate.text() == ""
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == ["demo"]
    qtbot.waitUntil(
        lambda: "stored:" in dialog.secret_rows["app_certificate"].state.text(), timeout=WAIT_MS
    )
    assert CERT not in dialog.secret_rows["app_certificate"].state.text()
    file_text = store.config_path.read_text()
    assert CERT not in file_text and CUSTOMER_SECRET not in file_text


def test_show_hide_toggles_the_password_field(dialog: ProfilesDialog) -> None:
    field = dialog.app_certificate
    assert field.reveal_button is not None
    field.reveal_button.click()
    assert field.edit.echoMode() == QLineEdit.EchoMode.Normal
    assert field.reveal_button.text() == "Hide"
    field.reveal_button.click()
    assert field.edit.echoMode() == QLineEdit.EchoMode.Password


def test_edit_keeps_a_secret_left_empty_and_can_remove_one(
    qtbot, dialog: ProfilesDialog, store: ProfileStore
) -> None:  # type: ignore[no-untyped-def]
    add_demo_profile(store)
    dialog.reload(select="demo")
    qtbot.waitUntil(
        lambda: dialog.secret_rows["customer_secret"].remove.isEnabled(), timeout=WAIT_MS
    )
    assert dialog.name.edit.isReadOnly()
    assert dialog.app_certificate.edit.placeholderText() == "leave empty to keep the stored one"
    dialog.app_id.setText(OTHER_APP_ID)
    dialog.secret_rows["customer_secret"].remove.setChecked(True)
    dialog.save_button.click()
    wait_idle(qtbot, dialog)
    assert store.get("demo").app_id == OTHER_APP_ID
    assert store.app_certificate("demo").reveal() == CERT
    assert store.customer_secret("demo") is None


def test_remove_after_confirmation(
    qtbot, dialog: ProfilesDialog, store: ProfileStore, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    add_demo_profile(store)
    dialog.reload(select="demo")
    dialog.confirm = lambda text: False
    dialog.remove_button.click()
    assert "demo" in store
    dialog.confirm = lambda text: "demo" in text
    dialog.remove_button.click()
    wait_idle(qtbot, dialog)
    assert "demo" not in store
    assert store.app_certificate is not None and store.list() == []
    assert dialog.list.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "a/b", "'a/b' contains a slash; use letters, digits, '-', '_', '.'"),
        (
            "app_id",
            "0123456789abcdef0123456789abcdeg",
            "'g' at position 32 is not a hexadecimal digit (0-9, a-f)",
        ),
        (
            "app_certificate",
            "xyz",
            "the character at position 1 is not a hexadecimal digit (0-9, a-f)",
        ),
        ("customer_id", "a:b", "contains ':', which would split the Basic credential"),
        ("customer_secret", "two words", "a space at position 4 is not allowed"),
    ],
)
def test_validation_messages(dialog: ProfilesDialog, field: str, value: str, message: str) -> None:
    fill(dialog)
    widget = getattr(dialog, field)
    widget.setText(value)
    assert widget.message.level == "error"
    assert widget.message.message == message
    assert not dialog.save_button.isEnabled()


def test_empty_required_fields_are_named_on_save(
    dialog: ProfilesDialog, store: ProfileStore
) -> None:
    assert dialog.name.message.isHidden()
    dialog.save_button.click()
    assert dialog.name.message.message == "is empty"
    assert dialog.app_id.message.message.startswith("is empty")
    assert dialog.status.level == "error"
    assert store.list() == []


def test_existing_name_is_reported(
    qtbot, dialog: ProfilesDialog, store: ProfileStore, context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    errors = Errors(context)
    add_demo_profile(store)
    dialog.start_new()
    fill(dialog)
    dialog.save_button.click()
    wait_idle(qtbot, dialog)
    assert "already exists" in dialog.name.message.message
    assert errors and errors[0][0] == "Profiles"


def test_keyring_calls_run_off_the_gui_thread(
    qtbot, dialog: ProfilesDialog, store: ProfileStore, backend: MemoryKeyring
) -> None:  # type: ignore[no-untyped-def]
    threads: list[int] = []
    original = backend.set_password

    def record(service: str, username: str, password: str) -> None:
        threads.append(threading.get_ident())
        original(service, username, password)

    backend.set_password = record  # type: ignore[method-assign]
    backend.hold = threading.Event()  # the keyring waits on an unlock prompt
    ticker = Ticker()
    try:
        fill(dialog)
        dialog.save_button.click()
        assert dialog.busy
        assert "keyring" in dialog.status.message
        qtbot.waitUntil(lambda: ticker.ticks >= 10, timeout=WAIT_MS)
        assert not dialog.form_widget.isEnabled()
        assert not dialog.save_button.isEnabled()
        backend.hold.set()
        wait_idle(qtbot, dialog)
    finally:
        backend.hold.set()
        ticker.stop()
    assert threads and threading.get_ident() not in threads
    assert store.app_certificate("demo").reveal() == CERT
    assert dialog.form_widget.isEnabled()


@pytest.mark.parametrize("gone", ["closed", "deleted"])
def test_closing_while_the_keyring_is_read_leaves_nothing_to_update(
    qtbot, context: AppContext, store: ProfileStore, backend: MemoryKeyring, gone: str
) -> None:  # type: ignore[no-untyped-def]
    # Closing Profiles while it says "checking…" (or its window deleting it):
    # the keyring answers after the dialog and its labels are deleted, and
    # nothing may touch them then.
    add_demo_profile(store)
    backend.hold = threading.Event()  # the read behind "checking…" hangs
    dlg = ProfilesDialog(context)
    try:
        dlg.show()
        assert dlg.secret_rows["app_certificate"].state.text() == "checking…"
        if gone == "closed":
            dlg.close()  # WA_DeleteOnClose
        else:
            dlg.deleteLater()  # e.g. with its parent window: no close, no done()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not isValid(dlg)
    finally:
        backend.hold.set()
    assert QThreadPool.globalInstance().waitForDone(WAIT_MS)
    # The job's result is queued by now: deliver it (an exception in its
    # callback fails this test through pytest-qt's exception capture).
    QApplication.sendPostedEvents()
    assert ("get", SERVICE, "demo/app_certificate") in backend.calls


def test_keyring_error_shows_the_typed_message(
    qtbot, dialog: ProfilesDialog, store: ProfileStore, backend: MemoryKeyring, context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    errors = Errors(context)
    backend.fail["set"] = keyring.errors.PasswordSetError("the daemon said no")
    with pytest.raises(KeyringFailure) as expected:
        store.add(Profile("probe", APP_ID), app_certificate=_secret(CERT))
    fill(dialog)
    dialog.save_button.click()
    wait_idle(qtbot, dialog)
    message = str(expected.value).replace("'probe'", "'demo'")
    assert errors == [("Profiles", message)]
    assert dialog.status.message == message
    assert "demo" not in store  # nothing half-saved


def test_session_only_state_is_visible(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = ProfileStore(tmp_path / "profiles.json", secrets=SessionStore())
    context = make_context(tmp_path, store)
    dialog = ProfilesDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.session_only
    assert dialog.storage.level == "warning"
    assert dialog.storage.message.startswith("Session only — no keyring")
    fill(dialog)
    dialog.save_button.click()
    wait_idle(qtbot, dialog)
    assert store.app_certificate("demo").reveal() == CERT
    assert CERT not in store.config_path.read_text()


def test_broken_profiles_file_can_be_moved_aside(
    qtbot, tmp_path: Path, context: AppContext, store: ProfileStore
) -> None:  # type: ignore[no-untyped-def]
    store.config_path.write_text("{not json")
    dialog = ProfilesDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.status.level == "error"
    assert "not valid JSON" in dialog.status.message
    assert dialog.set_aside_button.isVisible()
    dialog.set_aside_button.click()
    wait_idle(qtbot, dialog)
    assert not store.config_path.exists()
    assert list(tmp_path.glob("profiles.json.corrupt-*"))
    assert dialog.set_aside_button.isHidden()


def test_labels_have_buddies(dialog: ProfilesDialog) -> None:
    labels = [label for label in dialog.findChildren(QLabel) if "&" in label.text()]
    assert len(labels) == 7  # name, App ID, three secrets, Customer ID, notes
    assert all(label.buddy() is not None for label in labels)


def _secret(value: str):  # type: ignore[no-untyped-def]
    from agora_desk.core.secret import Secret

    return Secret(value)


def test_dialog_saves_and_removes_the_secondary(
    qtbot, dialog: ProfilesDialog, store: ProfileStore, backend: MemoryKeyring
) -> None:  # type: ignore[no-untyped-def]
    dialog.start_new()
    dialog.name.setText("demo")
    dialog.app_id.setText(APP_ID)
    dialog.app_certificate.setText(CERT)
    dialog.app_certificate_secondary.setText("not hex")
    assert dialog.app_certificate_secondary.has_error
    assert not dialog.save_button.isEnabled()
    dialog.app_certificate_secondary.setText(OTHER_CERT)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "demo" in store, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert backend.entries[(SERVICE, "demo/app_certificate_secondary")] == OTHER_CERT
    assert OTHER_CERT not in store.config_path.read_text()
    row = next(r for r in dialog._secret_rows if r.kind == "app_certificate_secondary")
    qtbot.waitUntil(lambda: row.remove.isEnabled(), timeout=WAIT_MS)
    assert OTHER_CERT not in row.state.text()
    row.remove.setChecked(True)
    dialog.save_button.click()
    qtbot.waitUntil(
        lambda: store.secret("demo", "app_certificate_secondary") is None, timeout=WAIT_MS
    )
    assert store.app_certificate("demo") == _secret(CERT)


# -- no lost work ---------------------------------------------------------------


class Asked(list[str]):
    """Stands in for the Save / Discard / Cancel box: records the question, gives ``answer``."""

    def __init__(self, answer: Unsaved) -> None:
        super().__init__()
        self.answer = answer

    def __call__(self, what: str) -> Unsaved:
        self.append(what)
        return self.answer


def test_close_with_a_typed_certificate_asks_and_cancel_keeps_it(
    qtbot, dialog: ProfilesDialog, store: ProfileStore
) -> None:  # type: ignore[no-untyped-def]
    add_demo_profile(store)
    dialog.reload(select="demo")
    wait_idle(qtbot, dialog)
    dialog.show()
    dialog.app_certificate.setText(OTHER_CERT)
    dialog.ask_unsaved = asked = Asked(Unsaved.CANCEL)
    dialog.reject()
    assert asked == ["profile “demo”"]
    assert dialog.isVisible() and dialog.app_certificate.text() == OTHER_CERT


def test_switching_profile_with_edits_can_save_them(
    qtbot, dialog: ProfilesDialog, store: ProfileStore
) -> None:  # type: ignore[no-untyped-def]
    add_demo_profile(store)
    add_demo_profile(store, "second", app_id=OTHER_APP_ID, cert=OTHER_CERT)
    dialog.reload(select="demo")
    wait_idle(qtbot, dialog)
    dialog.notes.setPlainText("edited")
    dialog.ask_unsaved = asked = Asked(Unsaved.SAVE)
    dialog.list.setCurrentRow(1)  # "second"
    wait_idle(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog._editing == "second", timeout=5000)
    assert asked == ["profile “demo”"]
    assert store.get("demo").notes == "edited"
    assert dialog.name.text() == "second"


def test_switching_with_cancel_stays_and_discard_drops(
    qtbot, dialog: ProfilesDialog, store: ProfileStore
) -> None:  # type: ignore[no-untyped-def]
    add_demo_profile(store)
    add_demo_profile(store, "second", app_id=OTHER_APP_ID, cert=OTHER_CERT)
    dialog.reload(select="demo")
    wait_idle(qtbot, dialog)
    dialog.customer_id.setText("changed-id")
    dialog.ask_unsaved = Asked(Unsaved.CANCEL)
    dialog.list.setCurrentRow(1)
    assert dialog.name.text() == "demo" and dialog.customer_id.text() == "changed-id"
    assert dialog.list.currentItem().text() == "demo"
    dialog.ask_unsaved = Asked(Unsaved.DISCARD)
    dialog.list.setCurrentRow(1)
    assert dialog.name.text() == "second"
    assert store.get("demo").customer_id != "changed-id"


def test_no_question_without_edits(qtbot, dialog: ProfilesDialog, store: ProfileStore) -> None:  # type: ignore[no-untyped-def]
    add_demo_profile(store)
    dialog.reload(select="demo")
    wait_idle(qtbot, dialog)
    dialog.ask_unsaved = asked = Asked(Unsaved.CANCEL)
    dialog.new_button.click()
    assert asked == [] and dialog._editing is None


def test_the_first_saved_profile_becomes_the_selected_one(
    qtbot, dialog: ProfilesDialog, context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    assert context.profile() is None
    dialog.name.setText("first")
    dialog.app_id.setText(APP_ID)
    dialog.save_button.click()
    wait_idle(qtbot, dialog)
    profile = context.profile()
    assert profile is not None and profile.name == "first"


def test_a_new_profile_shows_no_remove_boxes(dialog: ProfilesDialog) -> None:
    dialog.start_new()
    assert not dialog.secret_rows["app_certificate"].remove.isVisibleTo(dialog)
    assert not dialog.secret_rows["customer_secret"].remove.isVisibleTo(dialog)
