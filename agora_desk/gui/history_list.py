"""What a history widget shows, and its file: loaded once, then add / clear / save.

The storage rule (bounded, atomic, a damaged file kept and named) is
:class:`agora_desk.core.history_store.HistoryStore`'s; the request history
panel and each generator's history row show one of these.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from agora_desk.core.history_store import HistoryFileError, HistoryStore

T = TypeVar("T")


class HistoryList(Generic[T]):
    """Newest first, at most the store's limit; a file problem goes to ``report``."""

    def __init__(
        self,
        store: HistoryStore[T],
        report: Callable[[str], None],
        changed: Callable[[], None],
    ) -> None:
        self.store = store
        self._report = report
        self._changed = changed
        loaded = store.load()
        self.entries: list[T] = loaded.entries
        if loaded.problem:
            report(loaded.problem)

    def add(self, entry: T) -> None:
        self.entries.insert(0, entry)
        del self.entries[self.store.limit :]
        self._save()

    def clear(self) -> None:
        self.entries = []
        self._save()

    def _save(self) -> None:
        self._changed()
        try:
            self.store.save(self.entries)
        except HistoryFileError as exc:
            self._report(str(exc))
