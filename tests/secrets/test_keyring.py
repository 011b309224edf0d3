"""KeyringStore / SessionStore with in-memory and deliberately bad backends."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.core
import keyring.errors
import pytest
from credentials import CERT, CUSTOMER_SECRET
from keyring.backends import chainer, fail, null
from keyring.compat import properties
from secrets_fixtures import (
    use_keyring,
)

from agora_desk.core.errors import AgoraDeskError, InputError
from agora_desk.core.secret import Secret
from agora_desk.secrets import (
    DBusUnavailable,
    KeyringFailure,
    KeyringLocked,
    KeyringStore,
    KeyringTimeout,
    KeyringUnavailable,
    KeyringUnlockDismissed,
    NoKeyringBackend,
    SecretStore,
    SessionStore,
    keyring_store,
)
from agora_desk.secrets.keyring_store import SERVICE, choose_backend, refusal_reason
from agora_desk.secrets.testing import MemoryKeyring


class FileishKeyring(keyring.backend.KeyringBackend):
    """Stands in for any low-priority, file-backed backend (keyrings.alt style)."""

    priority = 0.5
    viable = False  # never chosen by keyring's own detection in this process

    def __init__(self) -> None:
        super().__init__()
        self.written: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.written.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.written[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.written.pop((service, username), None)


class BrokenPriorityKeyring(FileishKeyring):
    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("needs a daemon that is not running")


def make_chain(*members: keyring.backend.KeyringBackend) -> chainer.ChainerBackend:
    class Chain(chainer.ChainerBackend):
        viable = False
        backends = list(members)  # noqa: RUF012 - stands in for the computed list

    return Chain()


# -- the happy path -------------------------------------------------------------


def test_round_trip_uses_service_and_profile_slash_kind(memory_keyring: MemoryKeyring) -> None:
    store = KeyringStore()
    assert isinstance(store, SecretStore)
    assert store.get("prod", "app_certificate") is None

    store.set("prod", "app_certificate", Secret(CERT))
    assert memory_keyring.entries == {(SERVICE, "prod/app_certificate"): CERT}
    got = store.get("prod", "app_certificate")
    assert isinstance(got, Secret)
    assert got.reveal() == CERT
    assert store.get("prod", "customer_secret") is None
    assert store.is_persistent
    assert "MemoryKeyring" in store.description

    store.delete("prod", "app_certificate")
    assert memory_keyring.entries == {}
    store.delete("prod", "app_certificate")  # deleting nothing is fine


def test_an_explicit_backend_wins_over_keyrings_choice(memory_keyring: MemoryKeyring) -> None:
    mine = MemoryKeyring()
    KeyringStore(mine).set("a", "customer_secret", Secret(CUSTOMER_SECRET))
    assert mine.entries and not memory_keyring.entries


def test_bad_names_and_kinds_are_rejected_before_the_keyring(
    memory_keyring: MemoryKeyring,
) -> None:
    store = KeyringStore()
    with pytest.raises(InputError, match="slash"):
        store.set("a/b", "app_certificate", Secret(CERT))
    with pytest.raises(ValueError, match="unknown secret kind"):
        store.get("a", "password")
    with pytest.raises(InputError, match="empty"):
        store.set("a", "app_certificate", Secret(""))
    assert memory_keyring.calls == []


def test_delete_that_fails_while_the_entry_stays_is_an_error(
    memory_keyring: MemoryKeyring,
) -> None:
    store = KeyringStore()
    store.set("a", "app_certificate", Secret(CERT))
    memory_keyring.fail["delete"] = keyring.errors.PasswordDeleteError("access denied")
    with pytest.raises(KeyringFailure):
        store.delete("a", "app_certificate")
    assert store.get("a", "app_certificate") == Secret(CERT)


def test_memory_keyring_is_never_picked_by_keyring_detection() -> None:
    detected = {type(k) for k in keyring.backend.get_all_keyring()}
    assert MemoryKeyring not in detected
    assert FileishKeyring not in detected


# -- refusing backends that are not a real keyring ------------------------------


@pytest.mark.parametrize(
    ("backend", "why"),
    [
        (fail.Keyring(), "no backend found"),
        (null.Keyring(), "stores nothing"),
        (FileishKeyring(), "priority 0.5"),
        (BrokenPriorityKeyring(), "needs a daemon that is not running"),
    ],
)
def test_refused_backends(backend: keyring.backend.KeyringBackend, why: str) -> None:
    reason = refusal_reason(backend)
    assert reason is not None and why in reason
    store = KeyringStore(backend)
    with pytest.raises(KeyringUnavailable) as caught:
        store.set("prod", "app_certificate", Secret(CERT))
    assert why in str(caught.value)
    assert CERT not in str(caught.value)
    if isinstance(backend, FileishKeyring):
        assert backend.written == {}  # refused before anything was written


def test_plaintext_keyring_from_keyrings_alt_is_refused(
    tmp_path: Path, clean_env: pytest.MonkeyPatch
) -> None:
    file_backends = pytest.importorskip("keyrings.alt.file", reason="keyrings.alt not installed")
    clean_env.setenv("HOME", str(tmp_path))
    clean_env.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    plaintext = file_backends.PlaintextKeyring()
    reason = refusal_reason(plaintext)
    assert reason is not None and "keyrings.alt" in reason

    with use_keyring(plaintext), pytest.raises(NoKeyringBackend) as caught:
        KeyringStore().set("prod", "app_certificate", Secret(CERT))
    assert "PlaintextKeyring" in str(caught.value)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_chain_is_opened_up_and_its_plaintext_member_skipped() -> None:
    good = MemoryKeyring()
    bad = FileishKeyring()
    assert choose_backend(make_chain(bad, good)) is good

    store = KeyringStore(make_chain(bad))
    with pytest.raises(NoKeyringBackend, match=r"priority 0\.5"):
        store.set("prod", "app_certificate", Secret(CERT))
    assert bad.written == {}


def test_no_dbus_names_the_missing_bus(
    clean_env: pytest.MonkeyPatch, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    clean_env.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    with use_keyring(fail.Keyring()), pytest.raises(DBusUnavailable) as caught:
        KeyringStore().check()
    message = str(caught.value)
    assert "DBUS_SESSION_BUS_ADDRESS" in message
    assert "gnome-keyring-daemon" in message  # what to do on a server
    assert "session only" in message  # and what works without a keyring
    assert "\n" not in message


def test_configured_fail_backend_names_the_variable(
    clean_env: pytest.MonkeyPatch,
) -> None:
    clean_env.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    with use_keyring(fail.Keyring()), pytest.raises(NoKeyringBackend) as caught:
        KeyringStore().check()
    assert "PYTHON_KEYRING_BACKEND" in str(caught.value)


def test_linux_with_a_bus_but_no_secret_service_says_install(
    clean_env: pytest.MonkeyPatch, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setattr(
        "agora_desk.secrets.keyring_store._secret_service_problem",
        lambda: "The Secret Service daemon is neither running nor activatable",
    )
    clean_env.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
    with use_keyring(fail.Keyring()), pytest.raises(NoKeyringBackend) as caught:
        KeyringStore().check()
    message = str(caught.value)
    assert "neither running nor activatable" in message
    assert "apt install gnome-keyring" in message


# -- choosing the platform's backend without keyring's search -------------------


@pytest.fixture
def nothing_chosen(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[pytest.MonkeyPatch]:
    """No backend set in this process, in the environment or in keyring's config file."""
    clean_env.setattr(keyring.core, "_keyring_backend", None)
    clean_env.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    clean_env.setenv("HOME", str(tmp_path))
    yield clean_env


class Ranked(FileishKeyring):
    priority = 3


class RankedHigher(FileishKeyring):
    priority = 5.1  # KWallet's in a KDE session, above the Secret Service's 5


def test_the_best_usable_platform_backend_is_chosen_and_kept_as_keyrings(
    nothing_chosen: pytest.MonkeyPatch,
) -> None:
    nothing_chosen.setattr(
        keyring_store,
        "_platform_backends",
        lambda: [Ranked, BrokenPriorityKeyring, RankedHigher, FileishKeyring],
    )
    chosen = choose_backend()
    assert type(chosen) is RankedHigher
    assert keyring.get_keyring() is chosen  # later stores (and keyring itself) reuse it
    assert KeyringStore().backend_name is None  # nothing chosen before first use
    store = KeyringStore()
    store.check()
    assert store.backend_name == chosen.name


def test_with_no_usable_platform_backend_keyring_searches(
    nothing_chosen: pytest.MonkeyPatch,
) -> None:
    nothing_chosen.setattr(
        keyring_store, "_platform_backends", lambda: [BrokenPriorityKeyring, FileishKeyring]
    )
    found = MemoryKeyring()  # what keyring's search finds, e.g. a plugin's backend
    nothing_chosen.setattr(keyring, "get_keyring", lambda: found)
    assert choose_backend() is found


@pytest.mark.parametrize("how", ["PYTHON_KEYRING_BACKEND", "keyringrc.cfg", "set_keyring"])
def test_a_backend_chosen_for_keyring_is_keyrings_to_use(
    nothing_chosen: pytest.MonkeyPatch, tmp_path: Path, how: str
) -> None:
    ranked: list[str] = []

    def platform_backends() -> list[type[keyring.backend.KeyringBackend]]:
        ranked.append("asked")
        return [RankedHigher]

    nothing_chosen.setattr(keyring_store, "_platform_backends", platform_backends)
    if how == "PYTHON_KEYRING_BACKEND":
        nothing_chosen.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    elif how == "keyringrc.cfg":
        config = tmp_path / "config" / "python_keyring" / "keyringrc.cfg"
        config.parent.mkdir(parents=True)
        config.write_text("[backend]\ndefault-keyring=keyring.backends.null.Keyring\n")
    else:
        keyring.set_keyring(null.Keyring())  # the fixture puts keyring's previous one back
    with pytest.raises(NoKeyringBackend, match="stores nothing"):
        KeyringStore().check()
    assert ranked == []


# -- mapping failures to typed errors --------------------------------------------


def test_locked_keyring(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.fail["get"] = keyring.errors.KeyringLocked("Failed to unlock the collection!")
    with pytest.raises(KeyringLocked) as caught:
        KeyringStore().get("prod", "app_certificate")
    assert not isinstance(caught.value, KeyringUnlockDismissed)
    assert "locked" in caught.value.reason
    assert "unlock" in caught.value.hint.lower()


def test_dismissed_prompt(memory_keyring: MemoryKeyring) -> None:
    secretstorage = pytest.importorskip("secretstorage")
    dismissed = secretstorage.exceptions.PromptDismissedException("Prompt dismissed.")
    # What keyring's SecretService backend raises when the create/unlock prompt is dismissed.
    try:
        raise keyring.errors.InitError("Failed to create the collection") from dismissed
    except keyring.errors.InitError as exc:
        memory_keyring.fail["set"] = exc
    with pytest.raises(KeyringUnlockDismissed) as caught:
        KeyringStore().set("prod", "app_certificate", Secret(CERT))
    assert "dismissed" in str(caught.value)
    assert isinstance(caught.value, KeyringLocked)


def test_failure_messages_never_carry_the_secret(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.fail["set"] = keyring.errors.PasswordSetError(f"cannot store {CERT!r}")
    with pytest.raises(KeyringFailure) as caught:
        KeyringStore().set("prod", "app_certificate", Secret(CERT))
    assert CERT not in str(caught.value)
    assert "<secret>" in str(caught.value)
    # The original exception held the secret, so it is not chained either.
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__


def test_transport_errors_are_typed_and_keep_their_cause(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.fail["get"] = ConnectionRefusedError("connection refused")
    with pytest.raises(KeyringFailure, match="cannot talk to the keyring service") as caught:
        KeyringStore().get("prod", "app_certificate")
    assert isinstance(caught.value.__cause__, ConnectionRefusedError)
    assert isinstance(caught.value, AgoraDeskError)


def test_unexpected_backend_errors_are_typed_too(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.fail["get"] = RuntimeError("kaboom")
    with pytest.raises(KeyringFailure, match="kaboom"):
        KeyringStore().get("prod", "app_certificate")


def test_a_hung_keyring_times_out(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.hold = threading.Event()
    store = KeyringStore(timeout=0.2)
    started = time.monotonic()
    try:
        with pytest.raises(KeyringTimeout) as caught:
            store.get("prod", "app_certificate")
    finally:
        memory_keyring.hold.set()  # let the worker thread finish
    assert time.monotonic() - started < 2
    assert "0.2 s" in str(caught.value)
    assert "AGORA_DESK_KEYRING_TIMEOUT" in str(caught.value)


def test_timeout_from_environment(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("AGORA_DESK_KEYRING_TIMEOUT", "2.5")
    assert KeyringStore().timeout == 2.5
    clean_env.setenv("AGORA_DESK_KEYRING_TIMEOUT", "soon")
    with pytest.raises(InputError, match="AGORA_DESK_KEYRING_TIMEOUT"):
        KeyringStore()
    clean_env.setenv("AGORA_DESK_KEYRING_TIMEOUT", "0")
    with pytest.raises(InputError, match="out of range"):
        KeyringStore()


# -- SessionStore -----------------------------------------------------------------


def test_session_store() -> None:
    store = SessionStore()
    assert isinstance(store, SecretStore)
    assert not store.is_persistent
    assert "session" in store.description
    store.check()
    store.set("prod", "customer_secret", Secret(CUSTOMER_SECRET))
    assert store.get("prod", "customer_secret") == Secret(CUSTOMER_SECRET)
    assert CUSTOMER_SECRET not in repr(store)
    store.delete("prod", "customer_secret")
    store.delete("prod", "customer_secret")
    assert store.get("prod", "customer_secret") is None
    with pytest.raises(InputError):
        store.get("a/b", "customer_secret")
