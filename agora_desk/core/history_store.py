"""A bounded list of entries in a JSON file: the storage rule every history follows.

``{"version": 1, "entries": [...]}``, newest first, at most ``limit`` entries,
written atomically (:func:`agora_desk.core.atomic.write_text_atomic`, mode
0600). What is read is never lost in silence: a file that is not such a list,
or holds entries that cannot be read, is kept beside it as ``NAME.damaged``
(the readable entries stay in use) and :meth:`HistoryStore.load` says so in
a sentence for people. Entries hold no secret; the callers make sure of that
before they hand them over.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Generic, TypeVar

from agora_desk.core.atomic import write_text_atomic
from agora_desk.core.errors import AgoraDeskError

VERSION: Final = 1
T = TypeVar("T")


class HistoryFileError(AgoraDeskError):
    """A history file cannot be written; the message says which and why."""


@dataclass(frozen=True)
class Loaded(Generic[T]):
    entries: list[T]
    problem: str = ""  # empty when the file read cleanly (or did not exist)


@dataclass(frozen=True)
class HistoryStore(Generic[T]):
    path: Path
    what: str  # "the RTC token history": the subject of every message
    limit: int
    to_json: Callable[[T], Mapping[str, Any]]
    from_json: Callable[[Mapping[str, Any]], T]  # raises ValueError/TypeError/KeyError

    def load(self) -> Loaded[T]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Loaded([])
        except OSError as exc:
            return Loaded([], f"Could not read {self.what} ({self.path}): {exc.strerror or exc}")
        except UnicodeDecodeError:
            return self._damaged([], "it is not UTF-8 text")
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError):
            return self._damaged([], "it is not valid JSON")
        raw = doc.get("entries") if isinstance(doc, dict) else None
        if not isinstance(raw, list):
            return self._damaged([], "it holds no list of entries")
        entries: list[T] = []
        unreadable = 0
        for item in raw:
            try:
                if not isinstance(item, dict):
                    raise TypeError("not an object")
                entries.append(self.from_json(item))
            except (ValueError, TypeError, KeyError, OverflowError):
                unreadable += 1
        if unreadable:
            return self._damaged(entries[: self.limit], f"{unreadable} entries could not be read")
        return Loaded(entries[: self.limit])

    def save(self, entries: Sequence[T]) -> None:
        doc = {"version": VERSION, "entries": [self.to_json(e) for e in entries[: self.limit]]}
        try:
            write_text_atomic(self.path, json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise HistoryFileError(
                f"Could not save {self.what} ({self.path}): {exc.strerror or exc}"
            ) from None

    @property
    def damaged_path(self) -> Path:
        return self.path.with_name(self.path.name + ".damaged")

    def _damaged(self, entries: list[T], why: str) -> Loaded[T]:
        """Keep the file's bytes beside it, so the next save cannot destroy them."""
        try:
            os.replace(self.path, self.damaged_path)
        except OSError as exc:
            return Loaded(
                entries,
                f"{self.what.capitalize()} ({self.path}) is damaged ({why}) and could not "
                f"be moved aside: {exc.strerror or exc}",
            )
        kept = f"{len(entries)} readable entries kept; " if entries else ""
        return Loaded(
            entries,
            f"{self.what.capitalize()} was damaged ({why}): {kept}the file was saved as "
            f"{self.damaged_path}",
        )
