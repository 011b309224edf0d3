"""Errors of the secrets and profiles layer.

Each keyring error carries ``reason`` (what went wrong) and ``hint`` (what
the person can do about it) separately, so the window can lay them out and
the CLI can print them on one line. None of them ever holds a secret value:
they are built from fixed text, backend names and scrubbed library messages.
"""

from __future__ import annotations

from pathlib import Path

from agora_desk.core.errors import AgoraDeskError, ExitStatus, InputError
from agora_desk.core.i18n import N_, _

# Shown wherever "no keyring" is the answer: what works without one.
WITHOUT_KEYRING = N_(
    "without a keyring, pass the secrets in AGORA_APP_CERTIFICATE / AGORA_CUSTOMER_SECRET for each command, or keep them for this session only in the window"
)
HEADLESS_KEYRING = N_(
    "on a server or in CI, start one in a D-Bus session: dbus-run-session -- sh -c 'echo -n PASSWORD | gnome-keyring-daemon --unlock --components=secrets; agora-desk ...'"
)


class KeyringUnavailable(AgoraDeskError):
    """The OS keyring cannot be used right now; nothing was read or written."""

    exit_code = ExitStatus.CHECK_FAILED  # the input was fine

    def __init__(self, reason: str, hint: str) -> None:
        self.reason = reason
        self.hint = hint
        shown = _(hint)
        super().__init__(
            _("OS keyring unavailable: {reason}. {hint}.").format(
                reason=reason, hint=shown[:1].upper() + shown[1:]
            )
        )


class NoKeyringBackend(KeyringUnavailable):
    """No secure backend: none installed, or only a plaintext/null one."""


class DBusUnavailable(NoKeyringBackend):
    """Linux/BSD without a D-Bus session bus, so no Secret Service to talk to."""


class KeyringLocked(KeyringUnavailable):
    """The keyring is locked and was not unlocked."""


class KeyringUnlockDismissed(KeyringLocked):
    """The unlock (or create-keyring) prompt was dismissed or could not be shown."""


class KeyringTimeout(KeyringUnavailable):
    """The keyring did not answer within the deadline."""


class KeyringFailure(KeyringUnavailable):
    """The backend failed in a way we have no better name for."""


class ConfigError(AgoraDeskError):
    """The profiles file cannot be read or written. Names the file and the problem."""

    exit_code = ExitStatus.CHECK_FAILED

    def __init__(self, path: Path, problem: str, corrupt: bool = False) -> None:
        self.path = path
        self.problem = problem
        # True when the content is bad (rather than, say, permissions).
        self.corrupt = corrupt
        what = _("damaged profiles file") if corrupt else _("profiles file")
        super().__init__(
            _("{what} {path}: {problem}").format(what=what, path=path, problem=problem)
        )


class ProfileNotFound(InputError):
    """No profile of that name (an input error: exit 2 in the CLI)."""

    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        listing = (
            ", ".join(known) if known else _("none yet; add one with 'agora-desk profile add'")
        )
        super().__init__(
            "profile",
            _("no profile named {name!r} (known: {listing})").format(name=name, listing=listing),
        )


class ProfileExists(InputError):
    """``add`` of an existing name without ``replace``."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            "profile",
            _(
                "{name!r} already exists; use --replace to overwrite it, or pick another name"
            ).format(name=name),
        )
