"""Everything by keyboard: menus and shortcuts, one owner per Alt+letter, visible Tab stops."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from _gui_helpers import add_demo_profile, make_context, make_store, rtc_form_order

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from agora_desk.gui.help_dialogs import ShortcutsDialog
from agora_desk.gui.main_window import MainWindow
from agora_desk.gui.profiles_dialog import ProfilesDialog
from agora_desk.gui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui
_MNEMONIC = re.compile(r"&([^&])")


def _letter(text: str) -> str | None:
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter → the visible labels, buttons, group boxes, menus and tabs that claim it."""
    found: dict[str, list[str]] = defaultdict(list)

    def claim(text: str) -> None:
        letter = _letter(text)
        if letter is not None:
            found[letter].append(text)

    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            claim(widget.text())
        elif isinstance(widget, QAbstractButton):
            claim(widget.text())
        elif isinstance(widget, QGroupBox):
            claim(widget.title())
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                claim(widget.tabText(i))
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            claim(action.text())
    return found


def collisions(root: QWidget) -> dict[str, list[str]]:
    return {k: v for k, v in mnemonics(root).items() if len(v) > 1}


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    store = make_store(tmp_path)
    add_demo_profile(store)
    win = MainWindow(make_context(tmp_path, store))
    qtbot.addWidget(win)
    win.show()
    return win


def test_no_mnemonic_twice_on_any_tab(window: MainWindow) -> None:
    from agora_desk.gui.rtc_tab import RtcTab

    for page in window.pages:
        tab = window.show_tab(page.spec.key)
        if isinstance(tab, RtcTab):
            tab.advanced.setChecked(True)  # its four fields have mnemonics too
        for profile in (None, "demo"):  # typed credentials, then a profile
            window.profile_picker.setCurrentIndex(window.profile_picker.findData(profile))
            QApplication.processEvents()
            assert collisions(window) == {}, (page.spec.key, profile)


def test_no_mnemonic_twice_in_any_dialog(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialogs = [
        ProfilesDialog(window.context, window),
        SettingsDialog(window.context.settings, window),
        ShortcutsDialog(window.shortcut_actions, window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert collisions(dialog) == {}, dialog.windowTitle()
    profiles = dialogs[0]
    assert isinstance(profiles, ProfilesDialog)
    profiles.start_new()
    assert collisions(profiles) == {}


def test_menu_bar_reaches_every_window_command(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Tools", "&Help"]
    keys = {a.shortcut().toString() for a in window.shortcut_actions}
    assert {"Ctrl+Q", "Ctrl+,", "Ctrl+Shift+P", "F1"} <= keys
    assert {f"Ctrl+{n}" for n in range(1, len(window.pages) + 1)} <= keys


def test_ctrl_number_switches_tabs(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    inspect = window.pages.index(window.page("inspect"))  # type: ignore[arg-type]
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + inspect), Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.page("inspect")
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.page("rtc")


def test_ctrl_q_closes_the_window(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_shortcuts_list_names_every_shortcut(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = ShortcutsDialog(window.shortcut_actions, window)
    qtbot.addWidget(dialog)
    rows = dict(dialog.rows())
    assert rows["Ctrl+,"] == "Settings…"
    assert rows["Ctrl+Q"] == "Quit"
    assert "Ctrl+Return" in rows


def test_no_invisible_tab_stops(window: MainWindow) -> None:
    """Scroll areas and read-only text boxes are not Tab stops: their focus cannot be seen."""
    for page in window.pages:
        window.show_tab(page.spec.key)
        QApplication.processEvents()
        for widget in window.findChildren(QAbstractScrollArea):
            if not widget.isVisibleTo(window):
                continue
            tab_stop = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            if isinstance(widget, QScrollArea):
                assert not tab_stop, (page.spec.key, "scroll area")
            elif isinstance(widget, QPlainTextEdit) and widget.isReadOnly() and tab_stop:
                # Reached by Tab only with a caret to show where the focus is.
                flags = widget.textInteractionFlags()
                assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard, page.spec.key


def test_rtc_tab_order_follows_the_form(window: MainWindow) -> None:
    from agora_desk.gui.rtc_tab import RtcTab

    tab = window.show_tab("rtc")
    assert isinstance(tab, RtcTab)
    QApplication.processEvents()
    order = [
        tab.credentials.id_field.edit,
        tab.credentials.secret_field.edit,
        *rtc_form_order(tab),
    ]
    window.profile_picker.setCurrentIndex(0)  # typed credentials: their fields come first
    QApplication.processEvents()
    walked = []
    widget: QWidget = order[0]
    for _ in range(60):
        walked.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible()
                   and widget.isEnabled()):  # fmt: skip
            widget = widget.nextInFocusChain()
        if widget is order[0]:
            break
    positions = [walked.index(w) for w in order if w in walked]
    assert len(positions) == len(order), [type(w).__name__ for w in order if w not in walked]
    assert positions == sorted(positions)
