"""The Help menu's dialogs: the keyboard shortcuts list and About.

Apart from the menus because the window's first frame needs neither: their
widget classes (tables, headers, button boxes) are loaded when one first opens.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate
from agora_desk.gui.widgets.result_box import COPY_SHORTCUT

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


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut, read from the actions themselves."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Menus", "Keyboard shortcuts"))
        self._actions = [action for action in actions if not action.shortcut().isEmpty()]
        rows = [
            (action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
             _plain(action.text()))
            for action in self._actions
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

    def language_changed(self) -> None:
        """The actions' texts again (retranslated before this is called)."""
        for row, action in enumerate(self._actions):
            item = self.table.item(row, 1)
            if item is not None:
                item.setText(_plain(action.text()))

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
