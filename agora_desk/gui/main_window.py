"""The main window: profile picker, the tabs (each built on first view), status bar.

The tabs are listed in :data:`agora_desk.gui.tabs.TABS`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agora_desk.core.errors import AgoraDeskError
from agora_desk.gui.context import AppContext, Route, storage_of
from agora_desk.gui.jobs import Job, run_job
from agora_desk.gui.menus import Commands, build_menu_bar
from agora_desk.gui.reporting import failure_message
from agora_desk.gui.tabs import PROFILES_TITLE, TABS, Tab, TabPage, TabSpec, tab_title
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, apply_language, translate
from agora_desk.gui.widgets import Level, MessageLabel, ServerIndicator
from agora_desk.secrets.profiles import Profile

log = logging.getLogger(__name__)

GEOMETRY_KEY = "window/geometry"
TAB_KEY = "window/tab"
NO_PROFILE = QT_TRANSLATE_NOOP("MainWindow", "(none: type credentials)")
ICON_SIZES = (16, 32, 48, 64, 128)
# How often, and how long at most, the first tab waits for the window to be on screen.
FIRST_TAB_POLL_MS = 10
FRAME_MS = 16
FIRST_TAB_WAIT_S = 2.0
# Qt.ItemDataRole.ToolTipRole. Nothing on the first frame names Qt's namespace: PySide
# builds all of its ~90 enums on first touch, a sizeable part of a bare window's start-up
# (tests/gui/test_startup.py checks the frame is painted before).
TOOLTIP_ROLE = 3


def app_icon() -> QIcon:
    """The application icon; empty if the resources module or files are missing."""
    icon = QIcon()
    try:
        from agora_desk import resources
    except ImportError:
        return icon
    try:
        # Rendered PNGs only: window managers take 16-128 px, and the SVG would
        # load the Qt SVG plugin at start for nothing.
        for size in ICON_SIZES:
            icon.addFile(str(resources.icon_png_path(size)), QSize(size, size))
    except (OSError, ValueError) as exc:
        log.warning("app icon not found: %s", exc)
    return icon


class MainWindow(QMainWindow):
    # Once: the first frame is on screen (or the window stopped waiting for it);
    # emitted just before the first tab is built. What the frame does not need
    # waits for this (app.run installs the indicator style here).
    frameShown = Signal()

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        tabs: Sequence[TabSpec] = TABS,
    ) -> None:
        super().__init__(parent)
        self.context = context
        # The icon is application-wide (app.run sets it once).
        self.setWindowTitle("agora-desk")
        self._profiles: dict[str, Profile] = {}
        self._profiles_dialog: QWidget | None = None
        self._keyring_job: Job | None = None
        context.profileChanged.connect(self._profile_changed)

        toolbar = self.addToolBar(translate("MainWindow", "Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        # Its actions have no icons: the tool bar shows their text.
        picker_label = QLabel(translate("MainWindow", "Pr&ofile: "), self)
        self.profile_picker = QComboBox(self)
        self.profile_picker.setMinimumContentsLength(24)
        self.profile_picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.profile_picker.setToolTip(
            translate("MainWindow", "The saved profile whose credentials the tabs use")
        )
        picker_label.setBuddy(self.profile_picker)
        toolbar.addWidget(picker_label)
        toolbar.addWidget(self.profile_picker)
        self.shortcut_actions = build_menu_bar(
            self,
            [tab_title(spec.title) for spec in tabs],
            Commands(
                quit=self.close,
                settings=self.open_settings,
                profiles=self.open_profiles,
                inspect_clipboard=self.inspect_clipboard,
                show_tab=self.tabs_show_index,
                shortcuts=self.show_shortcuts,
                about=self.show_about,
            ),
        )
        actions = {a.objectName(): a for a in self.shortcut_actions}
        self.profiles_action = actions["profiles"]
        self.settings_action = actions["settings"]
        self.profiles_action.setToolTip(translate("MainWindow", "Add, edit or remove profiles"))
        toolbar.addAction(self.profiles_action)
        toolbar.addAction(self.settings_action)

        self.banner = QFrame(self)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner_layout = QHBoxLayout(self.banner)
        self.banner_label = MessageLabel(self.banner)
        banner_layout.addWidget(self.banner_label, 1)
        self.banner_dismiss = QToolButton(self.banner)
        self.banner_dismiss.setText("✕")
        self.banner_dismiss.setToolTip(
            translate("MainWindow", "Hide this notice (secrets still stay in memory only)")
        )
        self.banner_dismiss.setAutoRaise(True)
        self.banner_dismiss.clicked.connect(self.banner.hide)
        dismiss_column = QVBoxLayout()  # the ✕ at the top of a wrapped notice
        dismiss_column.addWidget(self.banner_dismiss)
        dismiss_column.addStretch(1)
        banner_layout.addLayout(dismiss_column)
        self.banner.hide()
        self._session_only = False

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.pages: list[TabPage] = []
        for spec in tabs:
            page = TabPage(spec, self.tabs)
            self.tabs.addTab(page, tab_title(spec.title))
            self.pages.append(page)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.error_box = QWidget(self)
        error_layout = QHBoxLayout(self.error_box)
        error_layout.setContentsMargins(0, 0, 0, 0)
        self.error_label = MessageLabel(self.error_box)
        dismiss = QToolButton(self.error_box)
        dismiss.setText("✕")
        dismiss.setToolTip(translate("MainWindow", "Dismiss this message"))
        dismiss.setAutoRaise(True)
        dismiss.clicked.connect(self.clear_error)
        error_layout.addWidget(self.error_label, 1)
        error_layout.addWidget(dismiss)
        self.error_box.hide()
        self.statusBar().addPermanentWidget(self.error_box, 1)
        # Errors belong to the tab they happened on (its key; "" for the window).
        self._errors: dict[str, str] = {}
        self.server_indicator = ServerIndicator(
            lambda: self.show_tab("server"), self.stop_server, self
        )
        self.statusBar().addPermanentWidget(self.server_indicator)
        context.serverChanged.connect(self.server_indicator.set_url)
        context.tokenRouted.connect(self.route_token)
        context.rebuildRouted.connect(self.route_rebuild)
        context.profilesRequested.connect(self.open_profiles)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.activated.connect(self.default_action)

        context.errorReported.connect(self.show_error)
        context.statusMessage.connect(self.statusBar().showMessage)
        context.profilesChanged.connect(self.reload_profiles)
        self.profile_picker.currentIndexChanged.connect(self._picker_changed)

        self.reload_profiles(restore=True)
        self._restore_state()
        self.tabs.currentChanged.connect(self._tab_changed)
        # The first tab is filled in once the window frame is on screen (see
        # _build_first_tab); anything that needs a tab earlier builds it on demand.
        self._first_tab_deadline = time.monotonic() + FIRST_TAB_WAIT_S
        self._first_tab_pending = True
        self._painted = False
        QTimer.singleShot(0, self._build_first_tab)
        _unused, persistent = storage_of(context)
        if not persistent:
            self.set_session_only(translate("MainWindow", "secrets are kept in memory only"))

    # -- tabs --------------------------------------------------------------------

    def _build_first_tab(self) -> None:
        """Fill the current tab once the first frame is on screen, or at once when not shown.

        Building the form before the first paint would make the person wait for
        both; a window that is never painted (not shown, a test) builds on the
        first turn of the event loop, and one that waits too long builds anyway.
        A painted window builds from :meth:`_frame_painted`, not from here.
        """
        if not self._first_tab_pending or self._painted:
            return
        if not self.isVisible() or time.monotonic() > self._first_tab_deadline:
            self._fill_first_tab()
        else:
            QTimer.singleShot(FIRST_TAB_POLL_MS, self._build_first_tab)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # The window is painted first; its tool bar, menus and tab bar follow in
            # this same pass. The frame is complete when the event loop turns again.
            QTimer.singleShot(0, self._frame_painted)

    def _frame_painted(self) -> None:
        # One frame later: the compositor shows the frame before the form is built.
        QTimer.singleShot(FRAME_MS, self._fill_first_tab)

    def _fill_first_tab(self) -> None:
        if self._first_tab_pending:
            self._first_tab_pending = False
            self.frameShown.emit()
            self._ensure_built(self.tabs.currentIndex())

    def _ensure_built(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, TabPage):
            page.build(self.context)

    def page(self, key: str) -> TabPage | None:
        return next((p for p in self.pages if p.spec.key == key), None)

    def show_tab(self, key: str) -> Tab | None:
        page = self.page(key)
        if page is None:
            return None
        self.tabs.setCurrentWidget(page)
        page.build(self.context)
        return page.tab

    def tabs_show_index(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.show_tab(self.pages[index].spec.key)

    def inspect_clipboard(self) -> None:
        from agora_desk.gui.inspect.tab import InspectTab

        tab = self.show_tab("inspect")
        if isinstance(tab, InspectTab):
            tab.paste_from_clipboard()

    def show_about(self) -> None:
        from agora_desk.gui.help_dialogs import show_about

        show_about(self)

    def show_shortcuts(self) -> None:
        from agora_desk.gui.help_dialogs import ShortcutsDialog

        dialog = ShortcutsDialog(self.shortcut_actions, self)
        from PySide6.QtCore import Qt

        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def built_tabs(self) -> list[str]:
        return [p.spec.key for p in self.pages if p.built]

    def current_tab(self) -> Tab | None:
        page = self.tabs.currentWidget()
        if not isinstance(page, TabPage):
            return None
        page.build(self.context)
        return page.tab

    def default_action(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.default_action()

    # -- profiles ----------------------------------------------------------------

    def reload_profiles(self, restore: bool = False) -> None:
        """Refill the picker from the store; keep (or, at start, restore) the selection."""
        try:
            profiles = self.context.profiles.list()
        except AgoraDeskError as exc:
            self.context.report_error(PROFILES_TITLE, str(exc))
            profiles = []
        current = self.context.profile()
        wanted = current.name if current is not None else None
        if restore and wanted is None:
            wanted = self.context.settings.get("last_profile") or None
        self._profiles = {p.name: p for p in profiles}
        picker = self.profile_picker
        picker.blockSignals(True)
        try:
            picker.clear()
            picker.addItem(translate("MainWindow", NO_PROFILE), None)
            for profile in profiles:
                picker.addItem(profile.name, profile.name)
                picker.setItemData(
                    picker.count() - 1,
                    translate("MainWindow", "App ID {app_id}").format(app_id=profile.app_id),
                    TOOLTIP_ROLE,
                )
            index = picker.findData(wanted) if wanted in self._profiles else 0
            picker.setCurrentIndex(max(index, 0))
        finally:
            picker.blockSignals(False)
        selected = self._profiles.get(wanted) if wanted is not None else None
        if selected != current:
            # Removed, or edited (a new App ID): the tabs must hear of it.
            self._select(selected)

    def _picker_changed(self, index: int) -> None:
        name = self.profile_picker.itemData(index)
        self._select(self._profiles.get(name) if name is not None else None)

    def _select(self, profile: Profile | None) -> None:
        self.context.set_profile(profile)
        if profile is None:
            self.context.settings.set("last_profile", "")

    def _profile_changed(self, profile: Profile | None) -> None:
        name = profile.name if profile is not None else None
        # A tab may choose the profile too (Regenerate uses its entry's): the picker shows it.
        index = self.profile_picker.findData(name) if name is not None else 0
        if index >= 0 and index != self.profile_picker.currentIndex():
            self.profile_picker.blockSignals(True)
            self.profile_picker.setCurrentIndex(index)
            self.profile_picker.blockSignals(False)
        self.setWindowTitle(
            translate("MainWindow", "agora-desk — {profile}").format(profile=name)
            if name
            else "agora-desk"
        )

    def open_profiles(self) -> None:
        from agora_desk.gui.profiles_dialog import ProfilesDialog

        dialog = ProfilesDialog(self.context, self)
        self._profiles_dialog = dialog
        dialog.open()

    def open_settings(self) -> None:
        from agora_desk.gui.settings_dialog import SettingsDialog

        settings = self.context.settings
        before = settings.get("language")

        def saved() -> None:
            if settings.get("language") != before:
                self.change_language(str(settings.get("language")))
            self.context.status(translate("MainWindow", "Settings saved"))

        dialog = SettingsDialog(settings, self)
        dialog.accepted.connect(saved)
        dialog.open()

    def change_language(self, choice: str) -> None:
        """Show everything open in ``choice`` now; what is typed stays as it is."""
        from PySide6.QtWidgets import QApplication

        from agora_desk.gui.text_slots import retranslate

        apply_language(choice)
        for window in QApplication.topLevelWidgets():
            retranslate(window)

    # -- keyring -----------------------------------------------------------------

    def probe_keyring(self) -> Job | None:
        """Check the keyring off the GUI thread; without one, switch to session-only."""
        check = self.context.profiles.secrets.check

        def failed(exc: BaseException) -> None:
            self.use_session_store(
                failure_message(exc, translate("MainWindow", "checking the keyring"))
            )

        self._keyring_job = run_job(lambda job: check(), None, failed)
        return self._keyring_job

    def use_session_store(self, reason: str) -> None:
        """Keep profiles' secrets in memory for this session: never in a file."""
        from agora_desk.secrets.profiles import ProfileStore
        from agora_desk.secrets.store import SessionStore

        current = self.context.profiles
        path = current.config_path
        self.context.profiles = ProfileStore(path, secrets=SessionStore())
        self.set_session_only(reason)
        # The tabs say where secrets come from: tell them again.
        self.context.set_profile(self.context.profile())
        self.context.profilesChanged.emit()

    def set_session_only(self, reason: str) -> None:
        self.banner_label.set_message(
            Level.WARNING,
            translate(
                "MainWindow",
                "Session only — no keyring. Secrets you enter are kept in memory until "
                "agora-desk closes, never written to a file. Why: {reason}",
            ).format(reason=reason),
        )
        self.banner.show()
        self._session_only = True

    @property
    def session_only(self) -> bool:
        return self._session_only

    # -- messages ----------------------------------------------------------------

    def show_error(self, title: str, message: str) -> None:
        """Shown on the tab it concerns (by its title, else the current one) until dismissed."""
        page = next((p for p in self.pages if p.spec.title == title), None)
        if page is None:
            current = self.tabs.currentWidget()
            page = current if isinstance(current, TabPage) else None
        self._errors[page.spec.key if page is not None else ""] = translate(
            "MainWindow", "{title}: {message}"
        ).format(title=tab_title(title), message=message)
        self._show_tab_messages()

    def clear_error(self) -> None:
        self._errors.pop(self._current_key(), None)
        self._errors.pop("", None)
        self._show_tab_messages()

    def _current_key(self) -> str:
        page = self.tabs.currentWidget()
        return page.spec.key if isinstance(page, TabPage) else ""

    def _show_tab_messages(self) -> None:
        text = self._errors.get(self._current_key()) or self._errors.get("")
        if text:
            self.error_label.set_message(Level.ERROR, text)
            self.error_box.show()
        else:
            self.error_label.clear_message()
            self.error_box.hide()

    def _tab_changed(self, index: int) -> None:
        self._ensure_built(index)
        self.statusBar().clearMessage()  # "RTC token: generated" is about the RTC tab
        self._show_tab_messages()

    def route_token(self, route: Route, token: str) -> None:
        """A result sent on from another tab: open the tab it goes to, filled in."""
        if route is Route.INSPECT:
            from agora_desk.gui.inspect.tab import InspectTab

            inspect = self.show_tab("inspect")
            if isinstance(inspect, InspectTab):
                inspect.show_inspect()
                inspect.set_text(token)
        elif route is Route.REQUEST:
            from agora_desk.core.rest import AuthScheme
            from agora_desk.gui.request.form import PASTE
            from agora_desk.gui.request.tab import RequestTab

            request = self.show_tab("request")
            if isinstance(request, RequestTab):
                request.form.set_scheme(AuthScheme.TOKEN)
                request.form.set_token_source(PASTE)
                request.form.token_field.setText(token)

    def route_rebuild(self, request: object, app_id: str) -> None:
        """Inspect's Rebuild: the generator that makes ``request``, filled in."""
        from agora_desk.core.builders import RtcRequest, RtmRequest
        from agora_desk.gui.generator_tab import GeneratorTab

        if isinstance(request, RtcRequest):
            key = "rtc"
        elif isinstance(request, RtmRequest):
            key = "rtm"
        else:
            key = "shapes"
        tab = self.show_tab(key)
        if isinstance(tab, GeneratorTab):
            tab.rebuild(request, app_id)

    def stop_server(self) -> None:
        from agora_desk.gui.server_tab import ServerTab

        page = self.page("server")
        if page is not None and isinstance(page.tab, ServerTab):
            page.tab.stop()

    # -- state -------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self.context.settings.qsettings
        geometry = settings.value(GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1100, 760)
        key = settings.value(TAB_KEY, "")
        page = self.page(str(key)) if key else None
        if page is not None:
            self.tabs.setCurrentWidget(page)

    def save_state(self) -> None:
        settings = self.context.settings.qsettings
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        page = self.tabs.currentWidget()
        if isinstance(page, TabPage):
            settings.setValue(TAB_KEY, page.spec.key)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        for page in self.pages:
            if page.tab is not None:
                try:
                    page.tab.shutdown()
                except Exception as exc:
                    # One tab failing to stop must not keep the others running.
                    # The type only: the message could quote a token.
                    log.error(
                        "shutdown of the %s tab failed: %s", page.spec.title, type(exc).__name__
                    )
        if self._keyring_job is not None:
            self._keyring_job.cancel()
        # A token or secret copied a moment ago must not outlive the window.
        self.context.clipboard.clear_if_ours()
        self.context.settings.qsettings.sync()  # the tabs saved their forms above
        super().closeEvent(event)
