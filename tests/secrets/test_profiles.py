"""ProfileStore: the JSON file, its secrets in a store, and what happens on failure."""

from __future__ import annotations

import json
import os
import stat
import sys
import threading
from pathlib import Path

import keyring.errors
import pytest
from credentials import APP_ID, CERT, CUSTOMER_ID, CUSTOMER_SECRET
from secrets_fixtures import (
    CERT2,
)

from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import InputError
from agora_desk.core.secret import Secret
from agora_desk.secrets import (
    ConfigError,
    KeyringFailure,
    KeyringLocked,
    KeyringStore,
    Profile,
    ProfileExists,
    ProfileNotFound,
    ProfileStore,
    SessionStore,
    default_config_path,
)
from agora_desk.secrets import profiles as profiles_module
from agora_desk.secrets.keyring_store import SERVICE
from agora_desk.secrets.testing import MemoryKeyring

OTHER_APP_ID = "abcdefabcdefabcdefabcdefabcdef12"


def entries(kr: MemoryKeyring) -> dict[str, str]:
    return {user: value for (service, user), value in kr.entries.items() if service == SERVICE}


def dir_snapshot(path: Path) -> dict[str, bytes]:
    if not path.exists():
        return {}
    return {str(p.relative_to(path)): p.read_bytes() for p in path.rglob("*") if p.is_file()}


@pytest.fixture
def store(config_dir: Path, memory_keyring: MemoryKeyring) -> ProfileStore:
    return ProfileStore()


# -- the ordinary life of a profile -------------------------------------------------


def test_add_get_list_and_the_file_holds_no_secret(
    store: ProfileStore, config_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    assert store.config_path == config_dir / "profiles.json"
    assert store.list() == []
    prod = Profile("prod", APP_ID, CUSTOMER_ID, notes="production")
    store.add(prod, Secret(CERT), Secret(CUSTOMER_SECRET))
    store.add(Profile("Dev", OTHER_APP_ID))

    assert store.list() == [Profile("Dev", OTHER_APP_ID), prod]  # case-insensitive order
    assert store.names() == ["Dev", "prod"]
    assert store.get("prod") == prod
    assert "prod" in store and "nope" not in store
    assert store.app_certificate("prod") == Secret(CERT)
    assert store.customer_secret("prod") == Secret(CUSTOMER_SECRET)
    assert store.app_certificate("Dev") is None
    assert entries(memory_keyring) == {
        "prod/app_certificate": CERT,
        "prod/customer_secret": CUSTOMER_SECRET,
    }

    text = store.config_path.read_text()
    assert CERT not in text and CUSTOMER_SECRET not in text
    doc = json.loads(text)
    assert doc == {
        "version": 1,
        "profiles": {
            "prod": {"app_id": APP_ID, "customer_id": CUSTOMER_ID, "notes": "production"},
            "Dev": {"app_id": OTHER_APP_ID, "customer_id": "", "notes": ""},
        },
        # Which secrets were saved for which name (names only): how orphans are found.
        "keyring": {"prod": ["app_certificate", "customer_secret"]},
    }
    if os.name == "posix":
        assert stat.S_IMODE(store.config_path.stat().st_mode) == 0o600
    # Atomic writes leave no temporary files behind.
    assert sorted(p.name for p in config_dir.iterdir()) == ["profiles.json"]


def test_stored_secrets_are_masked(store: ProfileStore) -> None:
    store.add(Profile("prod", APP_ID, CUSTOMER_ID), Secret(CERT))
    shown = store.stored_secrets("prod")
    assert shown == {
        "app_certificate": Secret(CERT).masked(),
        "app_certificate_secondary": None,
        "customer_secret": None,
    }
    assert shown["app_certificate"].endswith(CERT[-4:])
    assert CERT not in str(shown)


def test_add_existing_needs_replace_and_replace_is_complete(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    store.add(Profile("prod", APP_ID, CUSTOMER_ID), Secret(CERT), Secret(CUSTOMER_SECRET))
    with pytest.raises(ProfileExists, match="--replace"):
        store.add(Profile("prod", OTHER_APP_ID), Secret(CERT2))
    assert store.get("prod").app_id == APP_ID
    assert store.app_certificate("prod") == Secret(CERT)

    store.add(Profile("prod", OTHER_APP_ID), Secret(CERT2), replace=True)
    assert store.get("prod") == Profile("prod", OTHER_APP_ID)
    assert entries(memory_keyring) == {"prod/app_certificate": CERT2}


def test_update_changes_only_what_is_named(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    store.add(Profile("prod", APP_ID, CUSTOMER_ID), Secret(CERT), Secret(CUSTOMER_SECRET))
    updated = store.update("prod", notes="moved to EU", app_certificate=Secret(CERT2))
    assert updated == Profile("prod", APP_ID, CUSTOMER_ID, "moved to EU")
    assert store.get("prod") == updated
    assert entries(memory_keyring) == {
        "prod/app_certificate": CERT2,
        "prod/customer_secret": CUSTOMER_SECRET,
    }
    store.update("prod", customer_id="", remove_secrets=["customer_secret"])
    assert store.get("prod").customer_id == ""
    assert entries(memory_keyring) == {"prod/app_certificate": CERT2}
    with pytest.raises(InputError, match="both given and removed"):
        store.update("prod", app_certificate=Secret(CERT), remove_secrets=["app_certificate"])
    with pytest.raises(ProfileNotFound):
        store.update("nope", notes="x")


def test_remove_takes_the_keyring_entries_along(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    store.add(Profile("prod", APP_ID, CUSTOMER_ID), Secret(CERT), Secret(CUSTOMER_SECRET))
    store.add(Profile("dev", OTHER_APP_ID), Secret(CERT2))
    store.remove("prod")
    assert store.names() == ["dev"]
    assert entries(memory_keyring) == {"dev/app_certificate": CERT2}
    with pytest.raises(ProfileNotFound, match="known: dev"):
        store.remove("prod")


def test_stale_keyring_entries_of_a_new_name_are_cleared(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    # Left over from a crash or an older version: must not resurface.
    memory_keyring.entries[(SERVICE, "prod/customer_secret")] = "old"
    store.add(Profile("prod", APP_ID), Secret(CERT))
    assert store.customer_secret("prod") is None


def test_session_store_instead_of_keyring(config_dir: Path) -> None:
    session = SessionStore()
    store = ProfileStore(secrets=session)
    store.add(Profile("prod", APP_ID), Secret(CERT))
    assert session.get("prod", "app_certificate") == Secret(CERT)
    assert CERT not in store.config_path.read_text()


def test_listing_does_not_need_the_keyring(config_dir: Path) -> None:
    ProfileStore(secrets=SessionStore()).add(Profile("prod", APP_ID))
    store = ProfileStore()  # would build a KeyringStore only on first secret access
    assert store.names() == ["prod"]
    assert store._secrets is None


def test_default_secret_store_is_the_keyring(config_dir: Path) -> None:
    assert isinstance(ProfileStore().secrets, KeyringStore)


def test_default_config_path(tmp_path: Path, clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("AGORA_DESK_CONFIG_DIR", str(tmp_path / "portable"))
    assert default_config_path() == tmp_path / "portable" / "profiles.json"
    clean_env.delenv("AGORA_DESK_CONFIG_DIR")
    if sys.platform.startswith("linux"):
        clean_env.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
        assert default_config_path() == tmp_path / "xdg" / "agora-desk" / "profiles.json"


# -- validation: nothing is written for bad input -------------------------------------


@pytest.mark.parametrize(
    ("profile", "field"),
    [
        (Profile("", APP_ID), "profile name"),
        (Profile("a/b", APP_ID), "profile name"),
        (Profile(" prod", APP_ID), "profile name"),
        (Profile("x" * 65, APP_ID), "profile name"),
        (Profile("tab\there", APP_ID), "profile name"),
        (Profile("prod", APP_ID[:-1]), "App ID"),
        (Profile("prod", APP_ID[:-1] + "g"), "App ID"),
        (Profile("prod", APP_ID, "id:with-colon"), "Customer ID"),
        (Profile("prod", APP_ID, "id with space"), "Customer ID"),
    ],
)
def test_invalid_profiles_write_nothing(
    store: ProfileStore,
    config_dir: Path,
    memory_keyring: MemoryKeyring,
    profile: Profile,
    field: str,
) -> None:
    with pytest.raises(InputError) as caught:
        store.add(profile, Secret(CERT))
    assert caught.value.field == field
    assert not config_dir.exists()
    assert memory_keyring.calls == []


@pytest.mark.parametrize(
    ("certificate", "customer_secret", "field", "problem"),
    [
        (CERT[:-1], None, "App Certificate", "got 31"),
        (CERT[:-1] + "z", None, "App Certificate", "position 32"),
        (APP_ID, None, "App Certificate", "same as the App ID"),
        (None, "two words", "Customer Secret", "a space at position 4"),
        (None, " padded", "Customer Secret", "whitespace"),
    ],
)
def test_invalid_secrets_write_nothing_and_are_not_echoed(
    store: ProfileStore,
    config_dir: Path,
    memory_keyring: MemoryKeyring,
    certificate: str | None,
    customer_secret: str | None,
    field: str,
    problem: str,
) -> None:
    with pytest.raises(InputError) as caught:
        store.add(
            Profile("prod", APP_ID, CUSTOMER_ID),
            Secret(certificate) if certificate else None,
            Secret(customer_secret) if customer_secret else None,
        )
    assert caught.value.field == field
    assert problem in str(caught.value)
    for value in (certificate, customer_secret):
        if value and value != APP_ID:
            assert value not in str(caught.value)
    assert "'z'" not in str(caught.value)  # not even the offending character
    assert not config_dir.exists()
    assert memory_keyring.calls == []


def test_a_secret_pasted_into_the_notes_is_refused(
    store: ProfileStore, config_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    with pytest.raises(InputError, match="non-secret field") as caught:
        store.add(Profile("prod", APP_ID, notes=f"cert is {CERT}"), Secret(CERT))
    assert CERT not in str(caught.value)
    assert not config_dir.exists()
    assert entries(memory_keyring) == {}


# -- failures half-way: roll back ---------------------------------------------------


def test_keyring_failure_on_the_second_secret_rolls_back_the_first(
    store: ProfileStore, config_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.fail["set:prod/customer_secret"] = keyring.errors.PasswordSetError("denied")
    with pytest.raises(KeyringFailure):
        store.add(Profile("prod", APP_ID, CUSTOMER_ID), Secret(CERT), Secret(CUSTOMER_SECRET))
    assert entries(memory_keyring) == {}
    assert not config_dir.exists()


def test_file_write_failure_restores_the_previous_secrets(
    store: ProfileStore,
    config_dir: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.add(Profile("prod", APP_ID, CUSTOMER_ID), Secret(CERT), Secret(CUSTOMER_SECRET))
    before = dir_snapshot(config_dir)

    def disk_full(path: Path, text: str) -> None:
        raise ConfigError(path, "cannot write it: No space left on device")

    monkeypatch.setattr(profiles_module, "write_doc", disk_full)
    with pytest.raises(ConfigError, match="No space left"):
        store.add(Profile("prod", OTHER_APP_ID), Secret(CERT2), replace=True)
    with pytest.raises(ConfigError):
        store.remove("prod")
    assert entries(memory_keyring) == {
        "prod/app_certificate": CERT,
        "prod/customer_secret": CUSTOMER_SECRET,
    }
    assert dir_snapshot(config_dir) == before


def test_remove_with_a_failing_keyring_changes_nothing(
    store: ProfileStore, config_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store.add(Profile("prod", APP_ID, CUSTOMER_ID), Secret(CERT), Secret(CUSTOMER_SECRET))
    before = dir_snapshot(config_dir)
    memory_keyring.fail["delete:prod/customer_secret"] = keyring.errors.KeyringLocked("locked")
    with pytest.raises(KeyringLocked):
        store.remove("prod")
    assert dir_snapshot(config_dir) == before
    assert store.app_certificate("prod") == Secret(CERT)
    assert store.customer_secret("prod") == Secret(CUSTOMER_SECRET)


# -- a damaged or foreign file ----------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'{"version": 1, "profiles": {"prod": {"app_id": "x",}}}', "not valid JSON at line 1"),
        (b"\xff\xfe garbage", "not UTF-8"),
        (b"[1, 2]", "top level is not a JSON object"),
        (b'{"profiles": []}', "'profiles' is not a JSON object"),
        (b'{"profiles": {"prod": {"customer_id": ""}}}', "has no 'app_id'"),
        (b'{"profiles": {"prod": {"app_id": 5}}}', "'app_id' is not a string"),
        (b'{"profiles": {"a/b": {"app_id": "x"}}}', "contains a slash"),
        (b'{"version": "one", "profiles": {}}', "'version'"),
        (
            b'{"profiles": {"prod": {"app_id": "a"}, "prod": {"app_id": "b"}}}',
            "'prod' appears twice",
        ),
    ],
)
def test_corrupt_file_is_reported_and_never_overwritten(
    store: ProfileStore,
    config_dir: Path,
    memory_keyring: MemoryKeyring,
    content: bytes,
    problem: str,
) -> None:
    config_dir.mkdir(parents=True)
    store.config_path.write_bytes(content)

    with pytest.raises(ConfigError) as caught:
        store.list()
    assert caught.value.corrupt
    assert problem in str(caught.value)
    assert str(store.config_path) in str(caught.value)
    with pytest.raises(ConfigError):
        store.add(Profile("new", APP_ID), Secret(CERT))
    assert memory_keyring.calls == []  # refused before the keyring was touched
    assert store.config_path.read_bytes() == content

    backup = store.set_aside_corrupt_file()
    assert backup is not None and backup.name.startswith("profiles.json.corrupt-")
    assert backup.read_bytes() == content
    store.add(Profile("new", APP_ID), Secret(CERT))
    assert store.names() == ["new"]
    assert backup.read_bytes() == content
    assert store.set_aside_corrupt_file() is None


def test_empty_file_means_no_profiles(store: ProfileStore, config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    store.config_path.write_text("\n")
    assert store.list() == []


def test_unknown_keys_survive_an_update(store: ProfileStore, config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    store.config_path.write_text(
        json.dumps(
            {
                "version": 1,
                "ui": {"sort": "name"},
                "profiles": {"prod": {"app_id": APP_ID, "region": "eu"}},
            }
        )
    )
    store.update("prod", notes="hi")
    doc = json.loads(store.config_path.read_text())
    assert doc["ui"] == {"sort": "name"}
    assert doc["profiles"]["prod"] == {
        "app_id": APP_ID,
        "region": "eu",
        "customer_id": "",
        "notes": "hi",
    }


def test_a_newer_format_is_read_but_not_rewritten(
    store: ProfileStore, config_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    config_dir.mkdir(parents=True)
    content = json.dumps({"version": 2, "profiles": {"prod": {"app_id": APP_ID}}})
    store.config_path.write_text(content)
    assert store.names() == ["prod"]
    with pytest.raises(ConfigError, match="newer agora-desk"):
        store.add(Profile("dev", APP_ID))
    assert store.config_path.read_text() == content
    assert memory_keyring.calls == []


# -- two writers ---------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="the advisory lock uses fcntl")
def test_a_second_writer_waits_for_the_first(
    config_dir: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    ProfileStore(secrets=SessionStore()).add(Profile("seed", APP_ID))  # creates the dir
    memory_keyring.hold = threading.Event()  # the first writer sits in a keyring call
    slow = ProfileStore()
    first = threading.Thread(target=slow.add, args=(Profile("one", APP_ID), Secret(CERT)))
    first.start()
    try:
        while not memory_keyring.calls:  # wait until it holds the lock
            threading.Event().wait(0.01)
        monkeypatch.setattr(profiles_module, "LOCK_TIMEOUT", 0.3)
        with pytest.raises(ConfigError, match="another agora-desk is changing"):
            ProfileStore(secrets=SessionStore()).add(Profile("two", APP_ID))
    finally:
        memory_keyring.hold.set()
        first.join(10)
    ProfileStore(secrets=SessionStore()).add(Profile("two", APP_ID))
    assert ProfileStore().names() == ["one", "seed", "two"]


# -- reprs ------------------------------------------------------------------------------------


def test_reprs_hold_no_secret(store: ProfileStore) -> None:
    creds = Credentials(APP_ID, Secret(CERT), CUSTOMER_ID, Secret(CUSTOMER_SECRET), "prod")
    for text in (repr(creds), str(creds), repr(store.secrets), repr(Profile("p", APP_ID))):
        assert CERT not in text and CUSTOMER_SECRET not in text
    assert CERT[-4:] in repr(creds)  # masked, last 4 shown
