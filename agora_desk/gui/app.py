"""Start the window: the QApplication, the profile store, the context and the exception hook.

``run(argv)`` is what ``agora-desk`` (no subcommand) and ``python -m agora_desk``
call. ``--smoke-test`` opens the window, builds every tab, and exits after
about a second: 0 when every tab opened and nothing raised, 1
otherwise. The packaged bundle is tested with it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from agora_desk.core.errors import AgoraDeskError
from agora_desk.core.redact import redact_text
from agora_desk.gui.translation import translate

if TYPE_CHECKING:
    import tempfile

    from PySide6.QtWidgets import QMessageBox

    from agora_desk.core.i18n import Language
    from agora_desk.gui.main_window import MainWindow
    from agora_desk.secrets.profiles import ProfileStore

SMOKE_TEST = "--smoke-test"
SMOKE_TEST_MS = 1000
KEYRING_PROBE_DELAY_MS = 300


class ExceptionHook:
    """``sys.excepthook`` for the window: a dialog with redacted details, and carry on.

    PySide6 reports an exception raised in a slot through ``sys.excepthook``
    and then returns to the event loop, so showing a dialog here is all it
    takes to keep the app running. ``known_secrets`` supplies secrets typed
    this session, which no pattern could recognise.
    """

    def __init__(
        self,
        parent: Callable[[], QWidget | None] = lambda: None,
        known_secrets: Callable[[], Iterable[str]] = tuple,
    ) -> None:
        self._parent = parent
        self._known = known_secrets
        self._previous: Any = None
        self.dialog: QMessageBox | None = None
        self.count = 0

    def install(self) -> ExceptionHook:
        self._previous = sys.excepthook
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous or sys.__excepthook__

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            import traceback

            known = [str(s) for s in self._known()]
            details = redact_text("".join(traceback.format_exception(exc_type, exc, tb)), known)
            summary = redact_text(f"{exc_type.__name__}: {exc}", known)
            self.count += 1
            sys.stderr.write(details)
            self._show(summary, details)
        except Exception:
            # The hook itself failed: fall back to printing, never to a loop.
            sys.__excepthook__(exc_type, exc, tb)

    def _show(self, summary: str, details: str) -> None:
        if QApplication.instance() is None:
            return
        if self.dialog is not None:
            # One dialog collects a burst of errors instead of a pile of windows.
            self.dialog.setInformativeText(
                translate("ExceptionHook", "{summary}\n(and {count} earlier)").format(
                    summary=summary, count=self.count - 1
                )
            )
            self.dialog.setDetailedText(self.dialog.detailedText() + "\n" + details)
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self._parent())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(translate("ExceptionHook", "agora-desk: unexpected error"))
        box.setText(
            translate(
                "ExceptionHook",
                "Something went wrong inside agora-desk. The window keeps running, but the "
                "last action may not have finished. Secrets are removed from the details below.",
            )
        )
        box.setInformativeText(summary)
        box.setDetailedText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._dialog_closed)
        self.dialog = box
        box.show()

    def _dialog_closed(self) -> None:
        self.dialog = None


def make_profile_store() -> tuple[ProfileStore, str | None]:
    """The store over the OS keyring; a session store (and the reason) if it cannot be set up.

    Whether the keyring actually works is checked after the window is shown,
    off the GUI thread (:meth:`MainWindow.probe_keyring`).
    """
    from agora_desk.secrets.profiles import ProfileStore

    try:
        from agora_desk.secrets.keyring_store import KeyringStore

        return ProfileStore(secrets=KeyringStore()), None
    except AgoraDeskError as exc:  # e.g. a bad AGORA_DESK_KEYRING_TIMEOUT
        from agora_desk.secrets.store import SessionStore

        return ProfileStore(secrets=SessionStore()), str(exc)


def run(argv: list[str]) -> int:
    from agora_desk.gui.context import AppContext, AppSettings
    from agora_desk.gui.main_window import MainWindow, app_icon
    from agora_desk.gui.translation import apply_language

    smoke = SMOKE_TEST in argv
    qt_args = [a for a in argv if a != SMOKE_TEST]
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "agora-desk", *qt_args])
    assert isinstance(app, QApplication)
    if app.platformName() == "offscreen":
        from agora_desk.gui.qt import quiet_offscreen_size_hints

        quiet_offscreen_size_hints()
    app.setApplicationName("agora-desk")
    app.setOrganizationName("agora-desk")
    try:
        from agora_desk.resources import APP_ID

        app.setDesktopFileName(APP_ID)
    except ImportError:
        pass
    app.setWindowIcon(app_icon())

    scratch: tempfile.TemporaryDirectory[str] | None = None
    if smoke:
        import tempfile

        from PySide6.QtCore import QSettings

        # A smoke test leaves the person's settings (window geometry...) alone.
        scratch = tempfile.TemporaryDirectory(prefix="agora-desk-smoke-")
        qsettings = QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
        settings = AppSettings(qsettings)
    else:
        settings = AppSettings()
    # Before any window exists: every string is made in this language.
    language = apply_language(str(settings.get("language")))
    store, problem = make_profile_store()
    context = AppContext(profiles=store, settings=settings)
    window = MainWindow(context)
    window.frameShown.connect(lambda: _install_indicator_style(app))
    hook = ExceptionHook(
        parent=lambda: window,
        known_secrets=lambda: (s.reveal() for s in context.session_secrets.values()),
    ).install()
    try:
        window.show()
        if problem is not None:
            window.set_session_only(problem)
        else:
            # Nothing needs the keyring before the window is up; checking it
            # then keeps its import and D-Bus round trip off the first paint.
            QTimer.singleShot(KEYRING_PROBE_DELAY_MS, window.probe_keyring)
        if smoke:
            _schedule_smoke_test(app, window, hook, language)
        return app.exec()
    finally:
        hook.uninstall()
        if scratch is not None:
            scratch.cleanup()


def _install_indicator_style(app: QApplication) -> None:
    from agora_desk.gui.indicator_style import install_indicator_style

    install_indicator_style(app)


def _schedule_smoke_test(
    app: QApplication, window: MainWindow, hook: ExceptionHook, language: Language
) -> None:
    from agora_desk.gui.context import storage_of

    def visit_tabs() -> None:
        for page in window.pages:
            window.tabs.setCurrentWidget(page)
        window.tabs.setCurrentIndex(0)

    def finish() -> None:
        problems = [f"{p.spec.title}: {p.problem}" for p in window.pages if p.problem]
        if hook.count:
            problems.append(f"{hook.count} unexpected exception(s)")
        opened = ", ".join(p.spec.title for p in window.pages if p.tab is not None)
        sys.stderr.write(f"agora-desk smoke test: opened {opened}\n")
        shown = ", ".join(window.tabs.tabText(i) for i in range(window.tabs.count()))
        sys.stderr.write(f"agora-desk smoke test: language {language.value}: {shown}\n")
        # Informational: a bundle missing a keyring backend shows up here.
        where, persistent = storage_of(window.context)
        keyring = where if persistent else f"session only ({window.banner_label.message})"
        sys.stderr.write(f"agora-desk smoke test: secrets go to {keyring}\n")
        for problem in problems:
            sys.stderr.write(f"agora-desk smoke test: FAILED: {problem}\n")
        window.close()
        app.exit(1 if problems else 0)

    QTimer.singleShot(50, visit_tabs)
    QTimer.singleShot(SMOKE_TEST_MS, finish)
