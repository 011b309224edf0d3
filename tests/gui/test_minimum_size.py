"""The window at its minimum size (issue 17): the Inspect checks stay readable beside the tree."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from _gui_helpers import add_demo_profile, make_context, make_store
from _inspect_helpers import rtc_token

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtWidgets import QSplitter

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
