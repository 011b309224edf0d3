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
from agora_desk.core.errors import AgoraDeskError, os_reason
from agora_desk.core.i18n import _, ngettext

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
            problem = _("Could not read {what} ({path}): {reason}")
            return Loaded([], problem.format(what=self.what, path=self.path, reason=os_reason(exc)))
        except UnicodeDecodeError:
            return self._damaged([], _("it is not UTF-8 text"))
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError):
            return self._damaged([], _("it is not valid JSON"))
        raw = doc.get("entries") if isinstance(doc, dict) else None
        if not isinstance(raw, list):
            return self._damaged([], _("it holds no list of entries"))
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
            why = ngettext(
                "{count} entry could not be read", "{count} entries could not be read", unreadable
            )
            return self._damaged(entries[: self.limit], why.format(count=unreadable))
        return Loaded(entries[: self.limit])

    def save(self, entries: Sequence[T]) -> None:
        doc = {"version": VERSION, "entries": [self.to_json(e) for e in entries[: self.limit]]}
        try:
            write_text_atomic(self.path, json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
        except OSError as exc:
            problem = _("Could not save {what} ({path}): {reason}")
            raise HistoryFileError(
                problem.format(what=self.what, path=self.path, reason=os_reason(exc))
            ) from None

    @property
    def damaged_path(self) -> Path:
        return self.path.with_name(self.path.name + ".damaged")

    def _damaged(self, entries: list[T], why: str) -> Loaded[T]:
        """Keep the file's bytes beside it, so the next save cannot destroy them."""
        try:
            os.replace(self.path, self.damaged_path)
        except OSError as exc:
            problem = _("{what} ({path}) is damaged ({why}) and could not be moved aside: {reason}")
            return Loaded(
                entries,
                problem.format(
                    what=_capital(self.what), path=self.path, why=why, reason=os_reason(exc)
                ),
            )
        if entries:
            problem = ngettext(
                "{what} was damaged ({why}): {count} readable entry kept; "
                "the file was saved as {path}",
                "{what} was damaged ({why}): {count} readable entries kept; "
                "the file was saved as {path}",
                len(entries),
            )
        else:
            problem = _("{what} was damaged ({why}): the file was saved as {path}")
        return Loaded(
            entries,
            problem.format(
                what=_capital(self.what), why=why, count=len(entries), path=self.damaged_path
            ),
        )


def _capital(text: str) -> str:
    """The subject at a sentence's start ("the RTC token history" -> "The ...")."""
    return text[:1].upper() + text[1:]
