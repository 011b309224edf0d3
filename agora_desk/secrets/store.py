"""Where secrets live: the :class:`SecretStore` interface and the in-memory store.

A store holds at most one secret per (profile, kind). The profile layer
talks only to this interface, so the window can swap the OS keyring for a
:class:`SessionStore` when the person chooses "this session only".
"""

from __future__ import annotations

import threading
from typing import Protocol, runtime_checkable

from agora_desk.core.i18n import _
from agora_desk.core.secret import Secret
from agora_desk.secrets.fields import Kind, check_kind, validate_profile_name


@runtime_checkable
class SecretStore(Protocol):
    """Secrets by (profile name, kind). Implementations raise
    :class:`~agora_desk.secrets.errors.KeyringUnavailable` subclasses when the
    store cannot be used, never return a half-result."""

    @property
    def description(self) -> str:
        """For people: where the secrets go ("OS keyring (SecretService Keyring)")."""
        ...

    @property
    def is_persistent(self) -> bool:
        """False when secrets are gone at the end of the process."""
        ...

    def check(self) -> None:
        """Raise ``KeyringUnavailable`` if the store cannot be used at all.

        Cheap enough to call before asking someone to type a secret; a locked
        keyring may still only show up on the first real call.
        """
        ...

    def get(self, profile: str, kind: str) -> Secret | None: ...

    def set(self, profile: str, kind: str, secret: Secret) -> None: ...

    def delete(self, profile: str, kind: str) -> None:
        """Removes the entry; no error when there was none."""
        ...


class SessionStore:
    """Secrets kept in this process only: the "no keyring" mode of the window."""

    def __init__(self) -> None:
        self._data: dict[tuple[str, Kind], Secret] = {}
        # The window reads from worker threads as well as the GUI thread.
        self._lock = threading.Lock()

    @property
    def description(self) -> str:
        return _("this session only (not saved; gone when agora-desk closes)")

    @property
    def is_persistent(self) -> bool:
        return False

    def check(self) -> None:
        return None

    def get(self, profile: str, kind: str) -> Secret | None:
        key = (validate_profile_name(profile), check_kind(kind))
        with self._lock:
            return self._data.get(key)

    def set(self, profile: str, kind: str, secret: Secret) -> None:
        key = (validate_profile_name(profile), check_kind(kind))
        with self._lock:
            self._data[key] = secret

    def delete(self, profile: str, kind: str) -> None:
        key = (validate_profile_name(profile), check_kind(kind))
        with self._lock:
            self._data.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def __repr__(self) -> str:
        # Counts only: the keys name profiles, the values are secrets.
        return f"SessionStore({len(self._data)} secrets)"
