"""Test helpers: an in-memory keyring backend that can also misbehave on cue.

For tests only (this module imports ``keyring``). Use it with
``keyring.set_keyring(MemoryKeyring())`` and restore the previous backend
afterwards, or pass it to ``KeyringStore(backend=...)`` directly.
"""

from __future__ import annotations

import threading

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """A dict pretending to be a secure keyring.

    ``fail`` maps an operation ("get", "set", "delete", or "set:USER" for one
    entry) to an exception to raise instead. ``hold``, while not set, makes
    every call wait for it: a stand-in for a hung daemon or an open prompt.
    """

    # Passes KeyringStore's "recommended backend" check ...
    priority = 1.0
    # ... but keyring's auto-detection must never pick it in a real process
    # that happens to have imported this module.
    viable = False

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}
        self.fail: dict[str, BaseException] = {}
        self.hold: threading.Event | None = None
        self.calls: list[tuple[str, str, str]] = []
        self._lock = threading.Lock()

    def _enter(self, op: str, service: str, username: str) -> None:
        with self._lock:
            self.calls.append((op, service, username))
        if self.hold is not None:
            self.hold.wait()
        error = self.fail.get(f"{op}:{username}") or self.fail.get(op)
        if error is not None:
            raise error

    def get_password(self, service: str, username: str) -> str | None:
        self._enter("get", service, username)
        with self._lock:
            return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._enter("set", service, username)
        with self._lock:
            self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._enter("delete", service, username)
        with self._lock:
            if self.entries.pop((service, username), None) is None:
                raise PasswordDeleteError("No such password!")

    def __repr__(self) -> str:
        return f"MemoryKeyring({len(self.entries)} entries)"
