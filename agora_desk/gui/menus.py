"""The menu bar: every command of the window reachable by keyboard, with its shortcut.

File, Edit, View (one entry per tab, Ctrl+1…n), Tools, Help (the shortcuts
list and About). The window passes what each command does; this module only
lays them out, so the shortcuts list shown to people is built from the same
actions that carry the shortcuts (gui/help_dialogs.py: that list and About,
imported when first opened).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QMenu, QPlainTextEdit

from agora_desk.gui.translation import translate


@dataclass(frozen=True)
class Commands:
    """What the menu entries do; the window supplies them."""

    quit: Callable[[], object]
    settings: Callable[[], object]
    profiles: Callable[[], object]
    inspect_clipboard: Callable[[], object]
    show_tab: Callable[[int], object]
    shortcuts: Callable[[], object]
    about: Callable[[], object]


def _action(
    menu: QMenu, name: str, text: str, slot: Callable[[], object], shortcut: str = ""
) -> QAction:
    """An entry; ``name`` (its objectName) finds it whatever language its text is in."""
    action = menu.addAction(text)
    action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: slot())
    if shortcut:
        # The list form: setShortcut()'s overloads make PySide build Qt's namespace,
        # which the first frame does without (see main_window.TOOLTIP_ROLE).
        action.setShortcuts([QKeySequence(shortcut)])
    return action


def _on_focus(method: str) -> Callable[[], None]:
    """An Edit command applied to the focused text field, if it has one."""

    def run() -> None:
        widget = QApplication.focusWidget()
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            getattr(widget, method)()

    return run


def _show(do: Commands, index: int) -> Callable[[], object]:
    return lambda: do.show_tab(index)


def build_menu_bar(window: QMainWindow, tabs: Sequence[str], do: Commands) -> list[QAction]:
    """Fill ``window``'s menu bar; returns every action with a shortcut (for the list)."""
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("Menus", "&File"))
    quit_action = _action(file_menu, "quit", translate("Menus", "&Quit"), do.quit, "Ctrl+Q")

    def key(standard: QKeySequence.StandardKey) -> str:
        return QKeySequence(standard).toString()

    edit_menu = bar.addMenu(translate("Menus", "&Edit"))
    edit = [
        _action(edit_menu, "cut", translate("Menus", "Cu&t"), _on_focus("cut"), key(QKeySequence.StandardKey.Cut)),
        _action(edit_menu, "copy", translate("Menus", "&Copy"), _on_focus("copy"), key(QKeySequence.StandardKey.Copy)),
        _action(edit_menu, "paste", translate("Menus", "&Paste"), _on_focus("paste"), key(QKeySequence.StandardKey.Paste)),
        _action(edit_menu, "select-all", translate("Menus", "Select &all"), _on_focus("selectAll"),
                key(QKeySequence.StandardKey.SelectAll)),
    ]  # fmt: skip
    edit_menu.addSeparator()
    settings = _action(
        edit_menu, "settings", translate("Menus", "&Settings…"), do.settings, "Ctrl+,"
    )

    view_menu = bar.addMenu(translate("Menus", "&View"))
    views = []
    for n, title in enumerate(tabs):
        shortcut = f"Ctrl+{n + 1}" if n < 9 else ""
        text = translate("Menus", "&{number} {tab}").format(number=n + 1, tab=title)
        views.append(_action(view_menu, f"view-{n + 1}", text, _show(do, n), shortcut))

    tools_menu = bar.addMenu(translate("Menus", "&Tools"))
    profiles = _action(
        tools_menu, "profiles", translate("Menus", "&Profiles…"), do.profiles, "Ctrl+Shift+P"
    )
    inspect = _action(
        tools_menu,
        "inspect-clipboard",
        translate("Menus", "&Inspect the clipboard"),
        do.inspect_clipboard,
        "Ctrl+Shift+I",
    )

    help_menu = bar.addMenu(translate("Menus", "&Help"))
    shortcuts = _action(
        help_menu, "shortcuts", translate("Menus", "&Keyboard shortcuts"), do.shortcuts, "F1"
    )
    _action(help_menu, "about", translate("Menus", "&About agora-desk"), do.about)
    return [quit_action, *edit, settings, *views, profiles, inspect, shortcuts]
