"""load_credentials: option → profile → environment → prompt."""

from __future__ import annotations

from pathlib import Path

import pytest
from credentials import APP_ID, CERT, CUSTOMER_ID, CUSTOMER_SECRET
from secrets_fixtures import CERT2, run_python

from agora_desk.core.errors import InputError
from agora_desk.core.secret import Secret
from agora_desk.secrets import (
    KeyringUnavailable,
    Profile,
    ProfileNotFound,
    ProfileStore,
    load_credentials,
)
from agora_desk.secrets.testing import MemoryKeyring

OTHER_APP_ID = "abcdefabcdefabcdefabcdefabcdef12"


class Asked:
    def __init__(self, answers: dict[str, str]) -> None:
        self.answers = answers
        self.questions: list[tuple[str, bool]] = []

    def __call__(self, label: str, *, secret: bool) -> str:
        self.questions.append((label, secret))
        return self.answers.get(label, "")


@pytest.fixture
def warnings() -> list[str]:
    return []


@pytest.fixture
def prod(config_dir: Path, memory_keyring: MemoryKeyring) -> ProfileStore:
    store = ProfileStore()
    store.add(Profile("prod", APP_ID, CUSTOMER_ID), Secret(CERT), Secret(CUSTOMER_SECRET))
    store.add(Profile("bare", OTHER_APP_ID))
    return store


def test_from_the_environment(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("AGORA_APP_ID", APP_ID)
    clean_env.setenv("AGORA_APP_CERTIFICATE", CERT)
    creds = load_credentials(None, need={"app_id", "app_certificate"}, prompt=False)
    assert creds.app_id == APP_ID
    assert creds.app_certificate == Secret(CERT)
    assert creds.customer_secret is None  # not asked for
    assert creds.profile is None


def test_from_a_profile(prod: ProfileStore, clean_env: pytest.MonkeyPatch) -> None:
    # The profile wins over the environment.
    clean_env.setenv("AGORA_APP_CERTIFICATE", CERT2)
    creds = load_credentials(
        "prod",
        need={"app_id", "app_certificate", "customer_id", "customer_secret"},
        profiles=prod,
        prompt=False,
    )
    assert (creds.app_id, creds.customer_id, creds.profile) == (APP_ID, CUSTOMER_ID, "prod")
    assert creds.app_certificate == Secret(CERT)
    assert creds.customer_secret == Secret(CUSTOMER_SECRET)


def test_default_profile_store_is_used(prod: ProfileStore) -> None:
    creds = load_credentials("prod", need={"app_certificate"}, prompt=False)
    assert creds.app_certificate == Secret(CERT)


def test_option_overrides_the_profile_with_a_warning(
    prod: ProfileStore, warnings: list[str]
) -> None:
    creds = load_credentials(
        "prod", need={"app_id"}, app_id=OTHER_APP_ID, profiles=prod, warn=warnings.append
    )
    assert creds.app_id == OTHER_APP_ID
    assert len(warnings) == 1 and "--app-id" in warnings[0] and "differs" in warnings[0]
    warnings.clear()
    load_credentials("prod", need={"app_id"}, app_id=APP_ID, profiles=prod, warn=warnings.append)
    assert warnings == []


def test_profile_without_the_secret_falls_back_to_env_with_a_warning(
    prod: ProfileStore, clean_env: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    clean_env.setenv("AGORA_APP_CERTIFICATE", CERT2)
    creds = load_credentials(
        "bare", need={"app_certificate"}, profiles=prod, prompt=False, warn=warnings.append
    )
    assert creds.app_certificate == Secret(CERT2)
    assert warnings == ["profile 'bare' has no App Certificate; using AGORA_APP_CERTIFICATE"]


def test_missing_needed_field_says_where_it_could_come_from(clean_env: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError) as caught:
        load_credentials(None, need={"app_id", "app_certificate"}, prompt=False)
    assert caught.value.field == "App ID"
    for hint in ("--app-id", "--profile", "AGORA_APP_ID"):
        assert hint in caught.value.problem


def test_wanted_fields_are_optional_and_never_prompted(clean_env: pytest.MonkeyPatch) -> None:
    asked = Asked({"App Certificate": CERT})
    creds = load_credentials(None, need=(), want={"app_certificate"}, prompt=asked)
    assert creds.app_certificate is None
    assert asked.questions == []


def test_prompt_only_for_what_is_missing_and_secrets_without_echo(
    clean_env: pytest.MonkeyPatch,
) -> None:
    clean_env.setenv("AGORA_APP_ID", APP_ID)
    asked = Asked({"App Certificate": CERT, "Customer ID": CUSTOMER_ID})
    creds = load_credentials(None, need={"app_id", "app_certificate", "customer_id"}, prompt=asked)
    assert asked.questions == [("App Certificate", True), ("Customer ID", False)]
    assert creds.app_certificate == Secret(CERT)
    assert creds.customer_id == CUSTOMER_ID


def test_no_prompt_without_a_terminal(clean_env: pytest.MonkeyPatch) -> None:
    # Under pytest stdin is not a TTY, so the default (prompt=True) must not ask.
    with pytest.raises(InputError, match="App Certificate"):
        load_credentials(None, need={"app_certificate"})


def test_values_are_validated_wherever_they_come_from(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("AGORA_APP_ID", APP_ID + " ")
    with pytest.raises(InputError, match="trailing whitespace"):
        load_credentials(None, need={"app_id"}, prompt=False)
    clean_env.setenv("AGORA_APP_ID", APP_ID)
    clean_env.setenv("AGORA_APP_CERTIFICATE", "x" * 32)
    with pytest.raises(InputError) as caught:
        load_credentials(None, need={"app_certificate"}, prompt=False)
    assert "x" * 32 not in str(caught.value) and "'x'" not in str(caught.value)
    with pytest.raises(InputError, match="is empty"):
        load_credentials(None, need={"app_id"}, app_id="", prompt=False)


def test_unknown_profile(prod: ProfileStore) -> None:
    with pytest.raises(ProfileNotFound, match="known: bare, prod"):
        load_credentials("nope", need={"app_id"}, profiles=prod)


def test_unknown_field_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown credential fields"):
        load_credentials(None, need={"password"})


def test_keyring_trouble_with_a_profile_is_reported(
    prod: ProfileStore, memory_keyring: MemoryKeyring, clean_env: pytest.MonkeyPatch
) -> None:
    import keyring.errors

    clean_env.setenv("AGORA_APP_CERTIFICATE", CERT2)
    memory_keyring.fail["get"] = keyring.errors.KeyringLocked("locked")
    # No silent fallback to the environment: the profile was asked for.
    with pytest.raises(KeyringUnavailable):
        load_credentials("prod", need={"app_certificate"}, profiles=prod, prompt=False)


def test_no_keyring_import_unless_a_profile_is_used() -> None:
    code = (
        "import sys, os\n"
        "os.environ['AGORA_APP_ID'] = '0123456789abcdef0123456789abcdef'\n"
        "from agora_desk.secrets import load_credentials\n"
        "import agora_desk.cli.profile\n"
        "load_credentials(None, need={'app_id'}, prompt=False)\n"
        "heavy = [m for m in ('keyring', 'platformdirs', 'secretstorage', 'PySide6')"
        " if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
