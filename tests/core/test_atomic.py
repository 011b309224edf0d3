"""Atomic file replacement: whole old or whole new text, private folders, no stray temp files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from agora_desk.core import atomic


def test_creates_private_parents_and_replaces(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "file.json"
    atomic.write_text_atomic(path, "one\n")
    atomic.write_text_atomic(path, "two ✓\n")
    assert path.read_text(encoding="utf-8") == "two ✓\n"
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.listdir(path.parent) == ["file.json"]


def test_a_failed_write_keeps_the_old_text_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "file.json"
    atomic.write_text_atomic(path, "old\n")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space"):
        atomic.write_text_atomic(path, "new\n")
    assert path.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["file.json"]


def test_text_that_cannot_be_encoded_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "file.json"
    atomic.write_text_atomic(path, "old\n")
    with pytest.raises(UnicodeEncodeError):
        atomic.write_text_atomic(path, "\udcff")
    assert path.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["file.json"]


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "profiles.json"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "config" / "profiles.json"
    link.parent.mkdir()
    link.symlink_to(real)
    atomic.write_text_atomic(link, "new\n")
    assert link.is_symlink() and real.read_text() == "new\n"
    assert sorted(os.listdir(real.parent)) == ["profiles.json"]


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere" / "profiles.json"
    link = tmp_path / "profiles.json"
    link.symlink_to(real)
    atomic.write_text_atomic(link, "new\n")
    assert link.is_symlink() and real.read_text() == "new\n"
