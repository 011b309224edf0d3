"""What every tab shares: the current profile, credentials, settings,
the clipboard guard and the one channel for user-facing errors.

Tabs receive an :class:`AppContext` and never talk to the keyring, QSettings
or the clipboard directly, so that the rules (keyring off the GUI thread,
no secret in QSettings, clipboard cleared after a timeout) live in one place.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QByteArray, QMimeData, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import AgoraDeskError
from agora_desk.core.secret import Secret
from agora_desk.gui.jobs import Job, run_job
from agora_desk.gui.translation import translate
from agora_desk.secrets.fields import APP_CERTIFICATE as APP_CERTIFICATE  # re-exported for tabs
from agora_desk.secrets.fields import APP_CERTIFICATE_SECONDARY as APP_CERTIFICATE_SECONDARY
from agora_desk.secrets.fields import CUSTOMER_SECRET as CUSTOMER_SECRET
from agora_desk.secrets.profiles import Profile, ProfileStore

# One definition of the credential kinds and of the credentials record, shared
# with the CLI's resolver: a tab gets the same shape a command gets.


class AppSettings:
    """Typed QSettings access. Only non-secret preferences are ever stored."""

    DEFAULTS: ClassVar[dict[str, Any]] = {
        "clipboard_timeout_s": 30,
        "default_expire_s": 3600,
        "default_privilege_expire_s": 3600,
        "rest_base_url": "https://api.agora.io",
        "rest_ca_file": "",
        "rest_timeout_s": 15,
        "last_profile": "",
        "server_port": 8082,
        # "system" (follow the locale), or a language code: "en", "zh_CN".
        "language": "system",
    }

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings or QSettings("agora-desk", "agora-desk")

    def get(self, key: str) -> Any:
        default = self.DEFAULTS[key]
        value = self.qsettings.value(key, default)
        try:
            return type(default)(value)
        except (TypeError, ValueError):
            return default

    def set(self, key: str, value: Any) -> None:
        if key not in self.DEFAULTS:
            raise KeyError(f"unknown setting {key!r}")
        self.qsettings.setValue(key, value)

    @property
    def clipboard_timeout_s(self) -> int:
        return int(self.get("clipboard_timeout_s"))


# Asks clipboard managers and history not to keep a copy: KDE Klipper (and
# others following it), macOS pasteboard managers, the Windows clipboard
# history and cloud clipboard. Qt writes each format as given.
SECRET_HINTS: dict[str, bytes] = {
    "x-kde-passwordManagerHint": b"secret",
    "application/x-nspasteboard-concealed-type": b"secret",
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"1",
    'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': b"\x00\x00\x00\x00",
    'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"': b"\x00\x00\x00\x00",
}


class ClipboardGuard(QObject):
    """Copies text; a secret is marked for clipboard managers and cleared after a timeout.

    The clipboard is only cleared while it still holds what we put there, so a
    copy the person made since is never lost. ``ticked`` gives the seconds left
    once a second; ``finished(cleared)`` ends the countdown.
    """

    cleared = Signal()
    ticked = Signal(int)  # seconds until the clipboard is cleared
    finished = Signal(bool)  # True: cleared by us; False: something else replaced it

    def __init__(self, timeout_s: Callable[[], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_s = timeout_s
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_if_ours)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._ticked)
        self._deadline = 0.0
        self._copied: str | None = None

    def copy(self, text: str, *, secret: bool = True) -> None:
        mime = QMimeData()
        mime.setText(text)
        if secret:
            for kind, value in SECRET_HINTS.items():
                mime.setData(kind, QByteArray(value))
        QGuiApplication.clipboard().setMimeData(mime)
        # A secret is cleared on quit even when the timeout is "never".
        self._copied = text if secret else None
        timeout = self._timeout_s()
        if secret and timeout > 0:
            self._deadline = time.monotonic() + timeout
            self._timer.start(timeout * 1000)
            self._tick.start()
            self.ticked.emit(timeout)
        else:
            self._stop()

    def remaining_s(self) -> int | None:
        """Seconds until the clipboard is cleared; None when nothing is pending."""
        if not self._timer.isActive():
            return None
        return max(0, math.ceil(self._deadline - time.monotonic()))

    def clear_if_ours(self) -> None:
        clipboard = QGuiApplication.clipboard()
        ours = self._copied is not None and clipboard.text() == self._copied
        if ours:
            clipboard.clear()
            self.cleared.emit()
        pending = self._timer.isActive() or self._tick.isActive()
        self._copied = None
        self._stop()
        if pending or ours:
            self.finished.emit(ours)

    def _ticked(self) -> None:
        left = self.remaining_s()
        if left is not None:
            if self._copied is not None and QGuiApplication.clipboard().text() != self._copied:
                self.clear_if_ours()  # replaced meanwhile: nothing of ours to clear
            else:
                self.ticked.emit(left)

    def _stop(self) -> None:
        self._timer.stop()
        self._tick.stop()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def holds(self, text: str) -> bool:
        """True while ``text`` is the secret copy waiting to be cleared."""
        return self._copied is not None and self._copied == text


class Route(str, Enum):
    """Where a result can be sent on to (the window opens that tab with it)."""

    INSPECT = "inspect"
    REQUEST = "request"


class AppContext(QObject):
    profileChanged = Signal(object)  # the new Profile, or None
    profilesChanged = Signal()  # a profile was added, edited or removed
    errorReported = Signal(str, str)  # title, message (already free of secrets)
    statusMessage = Signal(str, int)  # text, timeout ms
    serverChanged = Signal(str)  # the token server's URL while it runs, "" once it stops
    tokenRouted = Signal(object, str)  # Route, the token (in memory only; never saved)
    # A core.rebuild request (inputs only, never a secret) and the App ID it was made for.
    rebuildRouted = Signal(object, str)
    profilesRequested = Signal()  # a tab asks the window to open the Profiles dialog

    def __init__(
        self,
        profiles: ProfileStore,
        settings: AppSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.profiles = profiles
        self.settings = settings or AppSettings()
        self.clipboard = ClipboardGuard(lambda: self.settings.clipboard_timeout_s, self)
        self._profile: Profile | None = None
        # Secrets typed "for this session only" (no keyring, or not saved).
        self.session_secrets: dict[str, Secret] = {}
        self.session_ids: dict[str, str] = {}

    def config_file(self, name: str) -> Path:
        """A file of the app's own (histories): beside the profiles, in one folder."""
        return self.profiles.config_path.parent / name

    # -- profile ------------------------------------------------------------
    def profile(self) -> Profile | None:
        return self._profile

    def saved_profile(self, name: str) -> Profile | None:
        """The saved profile called ``name``; None if it is gone or the file cannot be read."""
        try:
            return self.profiles.get(name)
        except AgoraDeskError:
            return None

    def set_profile(self, profile: Profile | None) -> None:
        self._profile = profile
        if profile is not None:
            self.settings.set("last_profile", profile.name)
        self.profileChanged.emit(profile)

    # -- credentials ----------------------------------------------------------
    def credentials_async(
        self,
        need: set[str],
        on_done: Callable[[Credentials], None],
        on_error: Callable[[BaseException], None],
    ) -> Job:
        """Resolve credentials off the GUI thread (a keyring unlock prompt may block).

        ``need`` holds APP_CERTIFICATE, APP_CERTIFICATE_SECONDARY and/or
        CUSTOMER_SECRET. Without a profile, the values typed for this session
        are used.
        """
        profile = self._profile
        # Values typed "for this session" stand in for a profile; with a
        # profile selected, its own App ID and keyring secrets are used.
        session = dict(self.session_secrets) if profile is None else {}
        ids = dict(self.session_ids) if profile is None else {}
        store = self.profiles

        def work(job: Job) -> Credentials:
            name = profile.name if profile is not None else None
            cert = session.get(APP_CERTIFICATE)
            secret = session.get(CUSTOMER_SECRET)
            secondary = None
            if name is not None:
                if APP_CERTIFICATE in need:
                    cert = store.app_certificate(name)
                if APP_CERTIFICATE_SECONDARY in need:
                    secondary = store.secret(name, APP_CERTIFICATE_SECONDARY)
                if CUSTOMER_SECRET in need:
                    secret = store.customer_secret(name)
            return Credentials(
                profile=name,
                app_id=profile.app_id if profile is not None else ids.get("app_id", ""),
                app_certificate=cert,
                customer_id=profile.customer_id
                if profile is not None
                else ids.get("customer_id", ""),
                customer_secret=secret,
                app_certificate_secondary=secondary,
            )

        return run_job(work, on_done, on_error)

    # -- user-facing output ---------------------------------------------------
    def copy(self, text: str, *, secret: bool = True) -> None:
        """Copy; tokens and secrets (``secret=True``) are cleared after the timeout."""
        self.clipboard.copy(text, secret=secret)
        if secret and self.settings.clipboard_timeout_s > 0:
            self.status(
                translate("AppContext", "Copied; the clipboard is cleared in {seconds} s").format(
                    seconds=self.settings.clipboard_timeout_s
                )
            )
        else:
            self.status(translate("AppContext", "Copied"))

    def report_error(self, title: str, message: str) -> None:
        """The one channel for errors a user must see (the window shows them)."""
        self.errorReported.emit(title, message)

    def status(self, message: str, timeout_ms: int = 4000) -> None:
        self.statusMessage.emit(message, timeout_ms)


def storage_of(context: AppContext) -> tuple[str, bool]:
    """Where the profiles' secrets live, for people, and whether that survives a restart."""
    secrets = context.profiles.secrets
    return secrets.description, secrets.is_persistent
