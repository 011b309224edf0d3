"""Recent requests: a list with Replay / Load / Clear, over a :class:`HistoryList`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from agora_desk.core import rest
from agora_desk.core.history_store import HistoryStore
from agora_desk.gui.history_list import HistoryList
from agora_desk.gui.translation import translate


class HistoryPanel(QGroupBox):
    """``replay`` / ``load`` carry the chosen entry; the tab fills the form from it."""

    replay = Signal(object)
    load = Signal(object)

    def __init__(
        self, store: HistoryStore[rest.HistoryEntry], report: Callable[[str], None]
    ) -> None:
        super().__init__(
            translate(
                "HistoryPanel", "History (no secrets kept; replay rebuilds them from the profile)"
            )
        )
        self.store = store
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.replay_button = QPushButton(translate("HistoryPanel", "&Replay"))
        self.load_button = QPushButton(translate("HistoryPanel", "Load into form"))
        self.clear_button = QPushButton(translate("HistoryPanel", "Clear history"))
        for w in (self.replay_button, self.load_button, self.clear_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.replay_button.clicked.connect(lambda: self._emit(self.replay))
        self.load_button.clicked.connect(lambda: self._emit(self.load))
        self.list.itemDoubleClicked.connect(lambda _item: self._emit(self.load))
        self.clear_button.clicked.connect(self.clear)
        self.history = HistoryList(store, report, self._refresh)
        self._refresh()

    @property
    def entries(self) -> list[rest.HistoryEntry]:
        return self.history.entries

    def _refresh(self) -> None:
        self.list.clear()
        for entry in self.entries:
            item = QListWidgetItem(entry.title)
            item.setToolTip(f"{entry.method} {entry.base_url}{entry.path} ({entry.scheme})")
            self.list.addItem(item)

    def language_changed(self) -> None:
        """The entries' titles (made by the core) in the new language; the selection stays."""
        for i, entry in enumerate(self.entries[: self.list.count()]):
            item = self.list.item(i)
            if item is not None:
                item.setText(entry.title)

    def add(self, entry: rest.HistoryEntry) -> None:
        self.history.add(entry)

    def clear(self) -> None:
        self.history.clear()

    def selected(self) -> rest.HistoryEntry | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _emit(self, signal: SignalInstance) -> None:
        entry = self.selected()
        if entry is not None:
            signal.emit(entry)
