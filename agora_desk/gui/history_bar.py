"""A generator's recent Generates in one row: pick one, Regenerate, or Clear history.

Entries are :class:`agora_desk.core.token_history.HistoryEntry` (inputs, time,
profile: never the token or a secret), kept in their file by the core's
:class:`~agora_desk.core.history_store.HistoryStore`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from agora_desk.core.history_store import HistoryStore
from agora_desk.core.token_history import HistoryEntry
from agora_desk.gui.history_list import HistoryList
from agora_desk.gui.translation import translate


class HistoryBar(QWidget):
    """``regenerate`` carries the chosen entry; the tab fills its form from it."""

    regenerate = Signal(object)

    def __init__(
        self,
        store: HistoryStore[HistoryEntry],
        report: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(translate("HistoryBar", "Histor&y:"), self)
        self.combo = QComboBox(self)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(12)
        self.combo.setToolTip(
            translate(
                "HistoryBar", "What each Generate was made of: no token and no secret is kept"
            )
        )
        label.setBuddy(self.combo)
        self.regenerate_button = QPushButton(translate("HistoryBar", "Regenerate"), self)
        self.regenerate_button.setToolTip(
            translate("HistoryBar", "Fill the form with these inputs and sign a fresh token")
        )
        self.clear_button = QPushButton(translate("HistoryBar", "Clear history"), self)
        row.addWidget(label)
        row.addWidget(self.combo, 1)
        row.addWidget(self.regenerate_button)
        row.addWidget(self.clear_button)
        self.regenerate_button.clicked.connect(self._regenerate)
        self.clear_button.clicked.connect(self.clear)
        self.history = HistoryList(store, report, self._refresh)
        self._refresh()

    @property
    def entries(self) -> list[HistoryEntry]:
        return self.history.entries

    def add(self, entry: HistoryEntry) -> None:
        self.history.add(entry)

    def clear(self) -> None:
        self.history.clear()

    def _refresh(self) -> None:
        self.combo.clear()
        for entry in self.entries:
            self.combo.addItem(entry.title)
        if not self.entries:
            self.combo.addItem(translate("HistoryBar", "(empty: each Generate is listed here)"))
        for widget in (self.combo, self.regenerate_button, self.clear_button):
            widget.setEnabled(bool(self.entries))

    def language_changed(self) -> None:
        """The entries' titles (made by the core) in the new language; the choice stays."""
        for i, entry in enumerate(self.entries[: self.combo.count()]):
            self.combo.setItemText(i, entry.title)

    def _regenerate(self) -> None:
        index = self.combo.currentIndex()
        if 0 <= index < len(self.entries):
            self.regenerate.emit(self.entries[index])
