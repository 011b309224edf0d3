"""Secrets and saved profiles, without Qt.

* :class:`SecretStore` - where secrets live: :class:`KeyringStore` (the OS
  keyring; refuses plaintext and null backends) or :class:`SessionStore`
  (this process only).
* :class:`ProfileStore` - named profiles (App ID, Customer ID) in a JSON
  file that never holds a secret, their secrets in a :class:`SecretStore`.
* :func:`load_credentials` - what a command uses: option → profile →
  environment → prompt.

Importing this package does not import ``keyring``; that happens on the
first keyring call.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Names are loaded on first use (PEP 562): the window and the CLI import
# agora_desk.secrets.fields at start-up and should not pay for the rest.
_WHERE = {
    "ConfigError": "errors",
    "DBusUnavailable": "errors",
    "KeyringFailure": "errors",
    "KeyringLocked": "errors",
    "KeyringTimeout": "errors",
    "KeyringUnavailable": "errors",
    "KeyringUnlockDismissed": "errors",
    "NoKeyringBackend": "errors",
    "ProfileExists": "errors",
    "ProfileNotFound": "errors",
    "APP_CERTIFICATE": "fields",
    "CUSTOMER_SECRET": "fields",
    "KINDS": "fields",
    "Kind": "fields",
    "KeyringStore": "keyring_store",
    "Profile": "profiles",
    "ProfileStore": "profiles",
    "default_config_dir": "profiles",
    "default_config_path": "profiles",
    "load_credentials": "resolve",
    "SecretStore": "store",
    "SessionStore": "store",
}

if TYPE_CHECKING:
    from agora_desk.secrets.errors import (
        ConfigError,
        DBusUnavailable,
        KeyringFailure,
        KeyringLocked,
        KeyringTimeout,
        KeyringUnavailable,
        KeyringUnlockDismissed,
        NoKeyringBackend,
        ProfileExists,
        ProfileNotFound,
    )
    from agora_desk.secrets.fields import APP_CERTIFICATE, CUSTOMER_SECRET, KINDS, Kind
    from agora_desk.secrets.keyring_store import KeyringStore
    from agora_desk.secrets.profiles import (
        Profile,
        ProfileStore,
        default_config_dir,
        default_config_path,
    )
    from agora_desk.secrets.resolve import load_credentials
    from agora_desk.secrets.store import SecretStore, SessionStore


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'agora_desk.secrets' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"agora_desk.secrets.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "APP_CERTIFICATE",
    "CUSTOMER_SECRET",
    "KINDS",
    "ConfigError",
    "DBusUnavailable",
    "KeyringFailure",
    "KeyringLocked",
    "KeyringStore",
    "KeyringTimeout",
    "KeyringUnavailable",
    "KeyringUnlockDismissed",
    "Kind",
    "NoKeyringBackend",
    "Profile",
    "ProfileExists",
    "ProfileNotFound",
    "ProfileStore",
    "SecretStore",
    "SessionStore",
    "default_config_dir",
    "default_config_path",
    "load_credentials",
]
