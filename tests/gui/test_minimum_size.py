"""The window at its minimum size (issue 17): the Inspect checks stay readable beside the tree."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import Any

import pytest
from _gui_helpers import add_demo_profile, make_context, make_store
from _inspect_helpers import rtc_token

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtWidgets import QScrollArea, QSplitter

from agora_desk.gui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_inspect_checks_keep_their_share_at_the_minimum_size(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = make_store(tmp_path)
    add_demo_profile(store)
    window = MainWindow(make_context(tmp_path, store))
    qtbot.addWidget(window)
    window.resize(1180, 780)  # as the window opens, then made as small as it goes
    window.show()
    inspect = window.show_tab("inspect")
    inspect.token_edit.setPlainText(rtc_token())
    qtbot.wait(200)
    window.resize(window.minimumSizeHint())
    qtbot.waitUntil(lambda: inspect.summary_label.text() != "", timeout=5000)
    checks = inspect.checks
    splitter = checks.parentWidget()
    assert isinstance(splitter, QSplitter)
    qtbot.waitUntil(lambda: splitter.width() <= window.width(), timeout=2000)
    # The issue: the buttons under the tree held it ~700 px wide and squeezed the
    # checks into a strip that clipped their text; now they get their 2:5 share.
    assert checks.width() >= 0.3 * splitter.width(), (checks.width(), splitter.width())
    # Nothing of the page runs past the window's right edge.
    page = inspect.compare_button.parentWidget()
    right = page.mapTo(window, page.rect().topRight()).x()
    assert right <= window.width()
    window.close()


def _smallest_window(qtbot, tmp_path: Path, key: str) -> tuple[MainWindow, Any]:  # type: ignore[no-untyped-def]
    """The window showing tab ``key``, made as small as it goes (as a person would drag it)."""
    store = make_store(tmp_path)
    add_demo_profile(store)
    window = MainWindow(make_context(tmp_path, store))
    qtbot.addWidget(window)
    window.resize(1180, 780)
    window.show()
    window.profile_picker.setCurrentIndex(window.profile_picker.findData("demo"))
    tab = window.show_tab(key)
    qtbot.wait(100)
    window.resize(window.minimumSizeHint())
    qtbot.waitUntil(lambda: window.size() == window.minimumSizeHint(), timeout=2000)
    return window, tab


def test_the_inspect_tree_keeps_its_rows_at_the_minimum_size(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, inspect = _smallest_window(qtbot, tmp_path, "inspect")
    inspect.token_edit.setPlainText(rtc_token())
    qtbot.waitUntil(lambda: inspect.model.rowCount() > 0, timeout=5000)
    qtbot.waitUntil(lambda: inspect.timeline.isVisible(), timeout=2000)
    view = inspect.tree_view
    qtbot.wait(200)
    row = view.sizeHintForRow(0)
    # The issue: the timeline under the tree left it ~3 rows; now it scrolls instead.
    assert view.viewport().height() // row >= 6, (view.viewport().height(), row)
    window.close()


def test_the_inspect_splitters_are_remembered(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = make_store(tmp_path)
    window = MainWindow(make_context(tmp_path, store))
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    inspect = window.show_tab("inspect")
    inspect.token_edit.setPlainText(rtc_token())
    qtbot.waitUntil(lambda: inspect.timeline_scroll.isVisible(), timeout=5000)
    splitter = inspect.page_splitter
    top = splitter.sizes()[0]
    # The person drags the handle up: the input side scrolls, the results get the room.
    splitter.moveSplitter(top // 2, 1)
    moved = splitter.sizes()
    assert moved[0] < top
    window.close()
    again = MainWindow(make_context(tmp_path, store))
    qtbot.addWidget(again)
    again.show()
    restored = again.show_tab("inspect").page_splitter
    # Where the handle was left, not the initial split (the input side's full height).
    qtbot.waitUntil(lambda: abs(restored.sizes()[0] - moved[0]) <= 2, timeout=3000)
    again.close()


@pytest.mark.parametrize("key", ["rtc", "rtm", "shapes", "basic"])
def test_copy_is_in_view_without_scrolling_sideways(qtbot, tmp_path: Path, key: str) -> None:  # type: ignore[no-untyped-def]
    window, tab = _smallest_window(qtbot, tmp_path, key)
    box = tab.result
    box.set_text("007" + "A" * 200)
    qtbot.wait(100)
    area = next(
        a for a in tab.findChildren(QScrollArea) if a.widget() and a.widget().isAncestorOf(box)
    )
    viewport = area.viewport()
    for button in (box.copy_button, *tab.result_actions):
        left = button.mapTo(viewport, button.rect().topLeft()).x()
        right = button.mapTo(viewport, button.rect().topRight()).x()
        # The issue: the row of result buttons was wider than the column, Copy last,
        # so reaching it took a sideways scroll (the column may scroll down, never across).
        assert 0 <= left and right < viewport.width(), (
            button.text(),
            left,
            right,
            viewport.width(),
        )
    window.close()
