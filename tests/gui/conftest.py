"""Fixtures the window and form tests share: a context over throwaway settings and profiles."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from _gui_helpers import make_context, release_contexts

from agora_desk.gui.context import AppContext
from agora_desk.gui.qt import quiet_offscreen_size_hints

T = TypeVar("T")

# As the app does on the offscreen platform; installed before pytest-qt's per-test
# capture, which hands messages back to it after each test (e.g. while widgets close).
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    quiet_offscreen_size_hints()


@pytest.fixture(autouse=True)
def _contexts_released() -> Iterator[None]:
    """No clipboard countdown outlives its test (see release_contexts)."""
    yield
    release_contexts()


@pytest.fixture
def context(tmp_path: Path) -> AppContext:
    return make_context(tmp_path)


@pytest.fixture
def open_tab(qtbot: Any, context: AppContext) -> Iterator[Callable[..., Any]]:
    """``open_tab(TabClass)``: the tab over ``context``, shown; shut down after the test."""
    opened: list[Any] = []

    def open_(cls: Callable[[AppContext], T], over: AppContext | None = None) -> T:
        widget = cls(over if over is not None else context)
        qtbot.addWidget(widget)
        widget.show()  # type: ignore[attr-defined]
        opened.append(widget)
        return widget

    yield open_
    for widget in opened:
        widget.shutdown()


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box a test did not answer would wait for a click forever: it answers
    Discard (unsaved edits) and clicks nothing (a confirmation is cancelled)."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Discard)


@pytest.fixture(scope="session", autouse=True)
def _window_language(qapp: Any) -> None:
    """The window's catalogues as app.run installs them (English here: its plural forms)."""
    from agora_desk.core.i18n import SYSTEM
    from agora_desk.gui.translation import apply_language

    apply_language(SYSTEM)
