"""The menu bar: every command of the window reachable by keyboard, with its shortcut.

File, Edit, View (one entry per tab, Ctrl+1…n), Tools, Help (the shortcuts
list and About). The window passes what each command does; this module only
lays them out, so the shortcuts list shown to people is built from the same
actions that carry the shortcuts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets import COPY_SHORTCUT

# Shortcuts that belong to widgets rather than menu entries, for the list.
WIDGET_SHORTCUTS: tuple[tuple[str, str], ...] = (
    (
        "Ctrl+Return",
        QT_TRANSLATE_NOOP("Menus", "Run the current tab's main action (Generate, Send, Start)"),
    ),
    (COPY_SHORTCUT, QT_TRANSLATE_NOOP("Menus", "Copy the result of the current tab")),
    (
        QT_TRANSLATE_NOOP("Menus", "Alt+underlined letter"),
        QT_TRANSLATE_NOOP("Menus", "Go to that field or button"),
    ),
)


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
        action.setShortcut(QKeySequence(shortcut))
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


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut, read from the actions themselves."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Menus", "Keyboard shortcuts"))
        rows = [
            (action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
             _plain(action.text()))
            for action in actions
            if not action.shortcut().isEmpty()
        ] + [
            (translate("Menus", keys), translate("Menus", does)) for keys, does in WIDGET_SHORTCUTS
        ]  # fmt: skip
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels(
            [translate("Menus", "Keys"), translate("Menus", "Does")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, does) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(does))
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def rows(self) -> list[tuple[str, str]]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1)) for r in range(self.table.rowCount())]


def _plain(text: str) -> str:
    """A menu text without its mnemonic: "&Quit" -> "Quit", "退出(&Q)" -> "退出"."""
    if text.endswith(")") and "(&" in text:
        text = text[: text.rindex("(&")]
    return text.replace("&", "")


def about_text() -> str:
    from agora_desk import __version__

    return translate(
        "Menus",
        "<b>agora-desk {version}</b><br>"
        "Agora tokens, REST credentials and test requests on your desktop.<br>"
        "Secrets stay in the OS keyring; copies are cleared from the clipboard.",
    ).format(version=__version__)


def show_about(parent: QWidget) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("Menus", "About agora-desk"))
    label = QLabel(about_text(), dialog)
    label.setWordWrap(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(buttons)
    dialog.open()
    return dialog
