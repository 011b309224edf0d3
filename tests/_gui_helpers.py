"""Helpers for the window / form tests (tests/test_gui_{app,main_window,rtc,rtm,basic,...}.py).

Imported explicitly (``from _gui_helpers import ...``). Every context is
built over a temporary QSettings file and either a ProfileStore over an
in-memory keyring or a small fake store, never the developer's own.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSettings, QTimer

from agora_desk.core.builders import Stamp
from agora_desk.core.secret import Secret
from agora_desk.gui.context import AppContext, AppSettings
from agora_desk.secrets.keyring_store import KeyringStore
from agora_desk.secrets.profiles import Profile, ProfileStore
from agora_desk.secrets.testing import MemoryKeyring

APP_ID = "0123456789abcdef0123456789abcdef"
CERT = "fedcba9876543210fedcba9876543210"
OTHER_APP_ID = "00112233445566778899aabbccddeeff"
OTHER_CERT = "ffeeddccbbaa99887766554433221100"
CUSTOMER_ID = "demo-customer"
CUSTOMER_SECRET = "s3cret-value-for-tests-1234"
STAMP = Stamp(issued_at=1_700_000_000, salt=424242)
WAIT_MS = 5000


def make_settings(tmp_path: Path, **values: Any) -> AppSettings:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    for key, value in values.items():
        settings.set(key, value)
    return settings


def make_store(tmp_path: Path, keyring: MemoryKeyring | None = None) -> ProfileStore:
    backend = keyring if keyring is not None else MemoryKeyring()
    return ProfileStore(tmp_path / "profiles.json", secrets=KeyringStore(backend=backend))


def add_demo_profile(store: ProfileStore, name: str = "demo", **kwargs: Any) -> Profile:
    profile = Profile(name, kwargs.pop("app_id", APP_ID), kwargs.pop("customer_id", CUSTOMER_ID))
    store.add(
        profile,
        app_certificate=Secret(kwargs.pop("cert", CERT)),
        customer_secret=Secret(kwargs.pop("customer_secret", CUSTOMER_SECRET)),
    )
    return profile


# Every context a test made; tests/gui/conftest.py releases them after each test.
CONTEXTS: list[AppContext] = []


def make_context(tmp_path: Path, store: Any = None, **settings: Any) -> AppContext:
    if store is not None and not hasattr(store, "config_path"):
        store.config_path = tmp_path / "profiles.json"  # a fake: histories go beside it
    context = AppContext(
        profiles=store if store is not None else make_store(tmp_path),
        settings=make_settings(tmp_path, **settings),
    )
    CONTEXTS.append(context)
    return context


def release_contexts() -> None:
    """Stop each context's clipboard countdown, here on the GUI thread.

    A context the test dropped may be freed by the garbage collector on
    whatever thread a collection runs (a request or keyring worker); Qt cannot
    unregister a running timer from there, and the next event-loop turn fires
    the clipboard countdown on freed memory: a segfault, as after a test that
    copied a secret. The context itself stays: a window the test closed may
    still finish building a tab with it.
    """
    while CONTEXTS:
        context = CONTEXTS.pop()
        if shiboken6.isValid(context):
            context.clipboard.clear_if_ours()


def type_credentials(tab: Any, ident: str = APP_ID, secret: str = CERT) -> None:
    """Type credentials into a generator tab's panel (no profile selected)."""
    tab.credentials.id_field.setText(ident)
    tab.credentials.secret_field.setText(secret)


def generate(qtbot: Any, tab: Any) -> str:
    """Click Generate (it must be enabled) and wait for the result text."""
    assert tab.generate_button.isEnabled(), tab.status_label.message
    tab.generate_button.click()
    qtbot.waitUntil(lambda: tab.output is not None, timeout=WAIT_MS)
    assert tab.output is not None
    return str(tab.output.text)


class Errors(list[tuple[str, str]]):
    """Every (title, message) the context reported."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        context.errorReported.connect(lambda title, message: self.append((title, message)))

    def text(self) -> str:
        return "\n".join(f"{t}: {m}" for t, m in self)


class KeyringLike:
    """What a fake profile store offers as its ``secrets``: a persistent keyring that works."""

    description = "the OS keyring"
    is_persistent = True

    def check(self) -> None:
        pass


class SlowProfiles:
    """A store whose keyring answers only when ``gate`` is set (an open unlock prompt).

    Records the thread of each secret read: it must never be the GUI thread.
    """

    def __init__(self, cert: str = CERT, customer_secret: str = CUSTOMER_SECRET) -> None:
        self.gate = threading.Event()
        self.cert = cert
        self.customer = customer_secret
        self.threads: list[int] = []
        self.secrets = KeyringLike()

    def _wait(self) -> None:
        self.threads.append(threading.get_ident())
        assert self.gate.wait(10), "the test never opened the gate"

    def app_certificate(self, name: str) -> Secret | None:
        self._wait()
        return Secret(self.cert)

    def customer_secret(self, name: str) -> Secret | None:
        self._wait()
        return Secret(self.customer)

    def list(self) -> list[Profile]:
        return [Profile("slow", APP_ID, CUSTOMER_ID)]


class Ticker:
    """Counts timer ticks: proof that the GUI thread's event loop keeps turning."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.ticks = 0
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(interval_ms)

    def _tick(self) -> None:
        self.ticks += 1

    def stop(self) -> None:
        self.timer.stop()


def rtc_form_order(tab: Any) -> list[Any]:
    """The RTC form's fields in the Tab order a person expects (one list for both order tests)."""
    return [
        tab.channel.edit,
        tab.who.by_uid,
        tab.user.edit,
        tab.role,
        tab.expiry.combo,
        tab.privilege_expiry.combo,
        tab.rtm_user.edit,
        tab.legacy,
        tab.advanced,
        tab.generate_button,
    ]
