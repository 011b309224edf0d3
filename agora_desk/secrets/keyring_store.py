"""Secrets in the OS keyring, through the ``keyring`` package.

Two rules shape this module:

* Only a real keyring is good enough. ``keyring`` happily "works" with a
  backend that writes secrets to a plain file (keyrings.alt) or drops them
  (null), or that fails every call; we refuse those and say so, rather than
  store an App Certificate where any process can read it. We never fall back
  to a file ourselves either.
* A keyring call can block indefinitely (a hung daemon, an unlock prompt
  nobody answers), so every call runs in a worker thread with a deadline.

``keyring`` is imported inside functions: importing it costs ~65 ms, and
most CLI commands never need it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, TypeVar

from agora_desk.core.errors import InputError, exception_chain
from agora_desk.core.i18n import _
from agora_desk.core.secret import Secret
from agora_desk.secrets.errors import (
    HEADLESS_KEYRING,
    WITHOUT_KEYRING,
    DBusUnavailable,
    KeyringFailure,
    KeyringLocked,
    KeyringTimeout,
    KeyringUnavailable,
    KeyringUnlockDismissed,
    NoKeyringBackend,
)
from agora_desk.secrets.fields import LABELS, check_kind, validate_profile_name

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

T = TypeVar("T")

SERVICE: Final = "agora-desk"
DEFAULT_TIMEOUT: Final = 10.0
TIMEOUT_ENV: Final = "AGORA_DESK_KEYRING_TIMEOUT"

_DBUS_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly")
_UNLOCK_HINT = (
    "unlock it (log in to the desktop session, or unlock 'Login' in Passwords and Keys / "
    "Seahorse or KWallet Manager; on macOS, unlock the login keychain in Keychain Access) "
    "and try again; on a headless machine: echo -n PASSWORD | gnome-keyring-daemon "
    "--replace --unlock --components=secrets"
)
# Library messages are quoted in ours; keep them short and on one line.
_MAX_QUOTED = 200


class KeyringStore:
    """:class:`~agora_desk.secrets.store.SecretStore` over the OS keyring.

    ``backend`` pins a backend (tests, or the window's settings); by default
    the one ``keyring`` detects is used, and checked on first use.
    """

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        service: str = SERVICE,
        timeout: float | None = None,
    ) -> None:
        self._given = backend
        self._service = service
        self._timeout = _timeout_from_env() if timeout is None else timeout
        self._resolved: KeyringBackend | None = None
        self._lock = threading.Lock()

    @property
    def description(self) -> str:
        name = self.backend_name
        return _("OS keyring ({name})").format(name=name) if name else _("OS keyring")

    @property
    def is_persistent(self) -> bool:
        return True

    @property
    def backend_name(self) -> str | None:
        """The backend in use, once :meth:`check` or a call has chosen it."""
        return None if self._resolved is None else str(self._resolved.name)

    @property
    def timeout(self) -> float:
        return self._timeout

    def check(self) -> None:
        """Choose and vet the backend; raises :class:`KeyringUnavailable` if none fits.

        Does not unlock anything: a locked keyring shows up on first use.
        """
        self._call("opening the keyring", lambda backend: None)

    def get(self, profile: str, kind: str) -> Secret | None:
        user = self._user(profile, kind)
        value = self._call(
            f"reading the {LABELS[kind]} of profile {profile!r}",
            lambda backend: backend.get_password(self._service, user),
        )
        # An empty entry is no secret; callers treat both the same.
        return Secret(value) if value else None

    def set(self, profile: str, kind: str, secret: Secret) -> None:
        user = self._user(profile, kind)
        if not secret:
            raise InputError(LABELS[kind], "is empty; nothing to store")
        self._call(
            f"storing the {LABELS[kind]} of profile {profile!r}",
            lambda backend: backend.set_password(self._service, user, secret.reveal()),
            secret,
        )

    def delete(self, profile: str, kind: str) -> None:
        user = self._user(profile, kind)

        def delete(backend: KeyringBackend) -> None:
            from keyring.errors import PasswordDeleteError

            try:
                backend.delete_password(self._service, user)
            except PasswordDeleteError:
                # Backends raise this both for "no such entry", which is
                # fine, and for real failures; only a read tells them apart.
                if backend.get_password(self._service, user) is not None:
                    raise

        self._call(f"deleting the {LABELS[kind]} of profile {profile!r}", delete)

    def __repr__(self) -> str:
        return f"KeyringStore(service={self._service!r}, backend={self.backend_name!r})"

    # -- internals -------------------------------------------------------------

    @staticmethod
    def _user(profile: str, kind: str) -> str:
        return f"{validate_profile_name(profile)}/{check_kind(kind)}"

    def _backend(self) -> KeyringBackend:
        with self._lock:
            if self._resolved is None:
                self._resolved = choose_backend(self._given)
            return self._resolved

    def _call(
        self, action: str, fn: Callable[[KeyringBackend], T], secret: Secret | None = None
    ) -> T:
        try:
            return run_with_deadline(lambda: fn(self._backend()), self._timeout, action)
        except KeyringUnavailable:
            raise
        except Exception as exc:
            error = translate_error(exc, action, secret)
            # Keep the original for debugging unless its text holds the secret.
            leaks = secret is not None and any(
                _contains_secret(str(e), secret) for e in exception_chain(exc)
            )
            raise error from (None if leaks else exc)


def run_with_deadline(fn: Callable[[], T], timeout: float, action: str) -> T:
    """Run ``fn`` in a daemon thread; raise :class:`KeyringTimeout` after ``timeout`` s.

    A daemon thread, not an executor: a call stuck in D-Bus cannot be
    cancelled, and it must not keep the process alive at exit.
    """
    done = threading.Event()
    box: dict[str, object] = {}

    def runner() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=runner, name="agora-desk-keyring", daemon=True).start()
    if not done.wait(timeout):
        raise KeyringTimeout(
            f"the keyring did not answer within {timeout:g} s while {action}",
            "if an unlock prompt is open, answer it and try again; otherwise the keyring "
            "daemon may be hung (restart it, or log out and back in); "
            f"set {TIMEOUT_ENV}=SECONDS to wait longer",
        )
    error = box.get("error")
    if isinstance(error, BaseException):
        raise error
    return box["value"]  # type: ignore[return-value]


def refusal_reason(backend: KeyringBackend) -> str | None:
    """Why ``backend`` is not good enough for secrets, or None if it is."""
    cls = type(backend)
    module = cls.__module__
    if module == "keyrings.alt" or module.startswith("keyrings.alt."):
        return "keeps secrets in a file, unencrypted or weakly protected (keyrings.alt)"
    if module == "keyring.backends.fail":
        return "keyring's placeholder for 'no backend found'"
    if module == "keyring.backends.null":
        return "stores nothing"
    if module == "keyring.backends.chainer":
        return "a chain with no usable backend in it"
    try:
        priority = float(cls.priority)
    except Exception as exc:
        return f"not usable here: {_quote(str(exc))}"
    if priority < 1:
        return f"priority {priority:g}, below the 1 that keyring requires to recommend a backend"
    return None


def choose_backend(given: KeyringBackend | None = None) -> KeyringBackend:
    """The backend to use: ``given`` or keyring's choice, if it passes :func:`refusal_reason`.

    keyring's "chainer" (several backends at once) is opened up and its best
    acceptable member used: a chain may contain a plaintext file backend.
    """
    from keyring.backends.chainer import ChainerBackend

    backend = given if given is not None else _default_backend()
    candidates = list(backend.backends) if isinstance(backend, ChainerBackend) else [backend]
    refused = []
    for candidate in candidates:
        why = refusal_reason(candidate)
        if why is None:
            return candidate
        refused.append(f"{_backend_label(candidate)}: {why}")
    if given is not None:
        # Pinned by the caller: the environment has nothing to do with it.
        raise NoKeyringBackend(
            f"the keyring backend given is refused ({'; '.join(refused) or 'an empty chain'})",
            "choose a secure backend; " + WITHOUT_KEYRING,
        )
    raise _no_backend_error(refused)


def _default_backend() -> KeyringBackend:
    """The backend keyring would choose, without its search when the user chose none.

    keyring's search loads the entry points of every installed package and
    imports all its backends, the macOS one included, which on Linux runs
    ldconfig and gcc looking for a Security framework: about 0.3 s of CPU in
    every process that opens the keyring. So unless a backend is chosen (by
    PYTHON_KEYRING_BACKEND, keyring's keyringrc.cfg, or keyring.set_keyring()
    in this process: keyring's own rules then apply), the platform's own
    backends are ranked by keyring's priorities, and keyring searches only
    when none of them is acceptable (its choice then explains the refusal).
    A keyring plugin from another package is used when chosen that way. The
    choice is then set as keyring's, which is where keyring keeps its own.
    """
    import keyring
    import keyring.core

    # keyring has no public "is a backend set?": get_keyring() searches when none is.
    if keyring.core._keyring_backend is not None or _backend_configured():
        return keyring.get_keyring()
    ranked = []
    for cls in _platform_backends():
        # A backend says "not usable here" by raising; keyring's search skips it too.
        with contextlib.suppress(Exception):
            ranked.append((float(cls.priority), cls))
    for _priority, cls in sorted(ranked, key=lambda pair: pair[0], reverse=True):
        backend = cls()
        if refusal_reason(backend) is None:
            keyring.set_keyring(backend)
            return backend
    return keyring.get_keyring()


def _backend_configured() -> bool:
    """Whether the environment or keyring's config file names a backend (keyring reads both)."""
    from keyring.util import platform_

    return "PYTHON_KEYRING_BACKEND" in os.environ or bool(
        (platform_.config_root() / "keyringrc.cfg").exists()
    )


def _platform_backends() -> list[type[KeyringBackend]]:
    """keyring's own backends for this platform (the ones its search can find here)."""
    if sys.platform == "darwin":
        from keyring.backends import macOS

        return [macOS.Keyring]
    if sys.platform == "win32":
        from keyring.backends import Windows

        return [Windows.WinVaultKeyring]
    from keyring.backends import SecretService, kwallet, libsecret

    return [
        SecretService.Keyring,
        kwallet.DBusKeyring,
        kwallet.DBusKeyringKWallet4,
        libsecret.Keyring,
    ]


def _no_backend_error(refused: list[str]) -> KeyringUnavailable:
    env_backend = os.environ.get("PYTHON_KEYRING_BACKEND")
    # keyring's "fail" placeholder only restates "none found"; name the others.
    named = [r for r in refused if not r.startswith("keyring.backends.fail.")]
    found = "; ".join(named) if named else "none was found"
    if env_backend:
        return NoKeyringBackend(
            f"PYTHON_KEYRING_BACKEND={env_backend} selects a backend agora-desk will not use "
            f"({found})",
            "unset PYTHON_KEYRING_BACKEND to use the system keyring; " + WITHOUT_KEYRING,
        )
    if sys.platform.startswith(_DBUS_PLATFORMS):
        if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
            return DBusUnavailable(
                "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so no Secret "
                "Service (GNOME Keyring, KWallet) can be reached"
                + (f"; refused: {found}" if named else ""),
                "run agora-desk in a desktop session; " + HEADLESS_KEYRING + "; " + WITHOUT_KEYRING,
            )
        details = [d for d in (_secret_service_problem(), *named) if d]
        return NoKeyringBackend(
            f"no secure keyring backend ({'; '.join(details) or found})",
            "install and start a Secret Service: gnome-keyring (apt install gnome-keyring) or "
            "KWallet; " + HEADLESS_KEYRING + "; " + WITHOUT_KEYRING,
        )
    return NoKeyringBackend(
        f"no secure keyring backend ({found})",
        "the macOS Keychain / Windows Credential Manager should be available: check "
        "keyring's configuration (python -m keyring diagnose); " + WITHOUT_KEYRING,
    )


def _secret_service_problem() -> str | None:
    """Why the Secret Service backend is not viable, in keyring's words."""
    try:
        from keyring.backends import SecretService

        SecretService.Keyring.priority  # noqa: B018 - raises RuntimeError with the reason
    except Exception as exc:
        return _quote(str(exc))
    return None


def translate_error(exc: BaseException, action: str, secret: Secret | None) -> KeyringUnavailable:
    """A typed, secret-free error for whatever a backend raised while doing ``action``."""
    from keyring.errors import InitError, NoKeyringError, PasswordSetError
    from keyring.errors import KeyringLocked as LibKeyringLocked

    names = {type(e).__name__ for e in exception_chain(exc)}
    message = _quote(_scrub(str(exc), secret))
    if "PromptDismissedException" in names:
        return KeyringUnlockDismissed(
            f"while {action}, the keyring asked to be unlocked (or to create a keyring) and "
            "the prompt was dismissed or could not be shown",
            _UNLOCK_HINT,
        )
    if isinstance(exc, LibKeyringLocked) or "LockedException" in names:
        return KeyringLocked(
            f"the keyring is locked and was not unlocked while {action} (the unlock prompt "
            "was refused, dismissed or could not be shown)",
            _UNLOCK_HINT,
        )
    if isinstance(exc, NoKeyringError):
        return NoKeyringBackend(f"no keyring backend while {action}", WITHOUT_KEYRING)
    if isinstance(exc, InitError) or "SecretServiceNotAvailableException" in names:
        return KeyringFailure(
            f"could not open the keyring while {action}: {message}",
            "check that the keyring service is running (gnome-keyring-daemon / kwalletd); "
            + WITHOUT_KEYRING,
        )
    if isinstance(exc, PasswordSetError):
        return KeyringFailure(
            f"the keyring refused {action}: {message}", "nothing was saved; " + WITHOUT_KEYRING
        )
    if isinstance(exc, OSError) or "DBusErrorResponse" in names:
        return KeyringFailure(
            f"cannot talk to the keyring service while {action}: {message}",
            "check that the keyring service is running (gnome-keyring-daemon / kwalletd)",
        )
    return KeyringFailure(
        f"{action} failed: {type(exc).__name__}: {message}",
        "try again; if it keeps failing, run: python -m keyring diagnose",
    )


def _timeout_from_env() -> float:
    raw = os.environ.get(TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        raise InputError(TIMEOUT_ENV, f"{raw!r} is not a number of seconds") from None
    if not 0 < value <= 3600:
        raise InputError(TIMEOUT_ENV, f"{raw} is out of range; give 0 < seconds <= 3600")
    return value


def _backend_label(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _contains_secret(text: str, secret: Secret) -> bool:
    value = secret.reveal()
    return bool(value) and value in text


def _scrub(text: str, secret: Secret | None) -> str:
    if secret is not None and _contains_secret(text, secret):
        text = text.replace(secret.reveal(), "<secret>")
    return text


def _quote(text: str) -> str:
    text = " ".join(text.split()) or "no details"
    return text if len(text) <= _MAX_QUOTED else text[: _MAX_QUOTED - 1] + "…"
