"""core/history_store.py: bounded, atomic, and a damaged file is kept and named, never dropped."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from agora_desk.core.history_store import HistoryFileError, HistoryStore


def _store(path: Path, limit: int = 3) -> HistoryStore[int]:
    def read(data: Mapping[str, Any]) -> int:
        return int(data["n"])

    return HistoryStore(path, "the test history", limit, lambda n: {"n": n}, read)


def test_round_trip_newest_first_and_bounded(tmp_path: Path) -> None:
    store = _store(tmp_path / "h.json")
    assert store.load().entries == [] and store.load().problem == ""
    store.save([5, 4, 3, 2, 1])
    loaded = store.load()
    assert loaded.entries == [5, 4, 3] and loaded.problem == ""
    assert json.loads((tmp_path / "h.json").read_text())["version"] == 1


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (b"\xff\xfe not text", "not UTF-8"),
        (b"{not json", "not valid JSON"),
        (b'{"entries": 3}', "no list of entries"),
    ],
)
def test_an_unreadable_file_is_moved_aside_and_named(tmp_path: Path, text: bytes, why: str) -> None:
    path = tmp_path / "h.json"
    path.write_bytes(text)
    loaded = _store(path).load()
    assert loaded.entries == [] and why in loaded.problem
    assert str(path) + ".damaged" in loaded.problem
    assert (tmp_path / "h.json.damaged").read_bytes() == text and not path.exists()


def test_readable_entries_stay_when_some_are_damaged(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    path.write_text(json.dumps({"version": 1, "entries": [{"n": 1}, {"x": 0}, "two", {"n": 3}]}))
    loaded = _store(path).load()
    assert loaded.entries == [1, 3]
    assert "2 entries could not be read" in loaded.problem and "2 readable" in loaded.problem
    assert (tmp_path / "h.json.damaged").exists()


def test_a_write_failure_says_which_history(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(HistoryFileError, match="the test history"):
        _store(blocker / "h.json").save([1])
