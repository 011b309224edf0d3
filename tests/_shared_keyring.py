"""A keyring backend that several test processes share: a JSON file under a lock.

For tests of the profile store under real parallel processes, where the
question is whether the store loses profiles, not how fast gnome-keyring
answers 20 clients on a loaded CI machine. Select it in a child with
``PYTHON_KEYRING_BACKEND=_shared_keyring.SharedFileKeyring``, tests/ on
``PYTHONPATH`` and ``AGORA_TEST_KEYRING_FILE`` naming the file. Test use only:
it keeps secrets in plain text.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.compat import properties

FILE_ENV = "AGORA_TEST_KEYRING_FILE"


class SharedFileKeyring(KeyringBackend):
    @properties.classproperty
    def priority(cls) -> float:
        # Every imported backend class is a candidate when keyring picks one:
        # this one only where a test chose it.
        if FILE_ENV not in os.environ:
            raise RuntimeError(f"{FILE_ENV} is not set")
        return 1

    @property
    def _path(self) -> Path:
        return Path(os.environ[FILE_ENV])

    @contextlib.contextmanager
    def _entries(self) -> Iterator[dict[str, str]]:
        with open(self._path.with_suffix(".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                entries = json.loads(self._path.read_text()) if self._path.exists() else {}
                before = dict(entries)
                yield entries
                if entries != before:
                    self._path.write_text(json.dumps(entries))
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def get_password(self, service: str, username: str) -> str | None:
        with self._entries() as entries:
            return entries.get(f"{service}\0{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._entries() as entries:
            entries[f"{service}\0{username}"] = password

    def delete_password(self, service: str, username: str) -> None:
        import keyring.errors

        with self._entries() as entries:
            if entries.pop(f"{service}\0{username}", None) is None:
                raise keyring.errors.PasswordDeleteError(username)


def shared_keyring_env(path: Path, tests_dir: Path) -> dict[str, str]:
    """The environment entries that make a child use the shared file at ``path``."""
    return {
        "PYTHON_KEYRING_BACKEND": "_shared_keyring.SharedFileKeyring",
        FILE_ENV: str(path),
        "PYTHONPATH": os.pathsep.join((str(tests_dir.parent), str(tests_dir))),
    }


def entries_in(path: Path) -> dict[str, str]:
    return json.loads(path.read_text()) if path.exists() else {}
