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
from agora_desk.secrets.resolve import Credentials, load_credentials
from agora_desk.secrets.store import SecretStore, SessionStore

__all__ = [
    "APP_CERTIFICATE",
    "CUSTOMER_SECRET",
    "KINDS",
    "ConfigError",
    "Credentials",
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
