"""Tokens handled whole: double-click selects all of it, copies are marked and cleared."""

from __future__ import annotations

from pathlib import Path

import pytest
from _gui_helpers import make_context

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from agora_desk.gui.context import SECRET_HINTS
from agora_desk.gui.main_window import MainWindow
from agora_desk.gui.widgets import ResultBox

pytestmark = pytest.mark.gui
TOKEN = "007eJxTYBAw/8+f+FOPrefix+Slash/Equals==abc"


def test_double_click_selects_the_whole_token(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = ResultBox(lambda text: None)
    qtbot.addWidget(box)
    box.resize(900, 200)
    box.show()
    box.set_text(TOKEN)
    edit = box.text_box
    # Past the first "/" and "+": Qt's own word selection would stop there.
    cursor = edit.textCursor()
    cursor.setPosition(TOKEN.index("Slash") + 2)
    point = edit.cursorRect(cursor).center()
    qtbot.mouseDClick(edit.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert edit.textCursor().selectedText() == TOKEN


def test_copy_is_marked_for_clipboard_managers(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = make_context(tmp_path)
    context.copy(TOKEN, secret=True)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == TOKEN
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"
    assert "x-kde-passwordManagerHint" in SECRET_HINTS
    context.copy("not a secret", secret=False)
    assert not QGuiApplication.clipboard().mimeData().hasFormat("x-kde-passwordManagerHint")


def test_copy_shows_a_countdown_and_then_that_it_cleared(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = make_context(tmp_path, clipboard_timeout_s=30)
    box = ResultBox(lambda text: context.copy(text), clipboard=context.clipboard)
    qtbot.addWidget(box)
    box.show()
    box.set_text(TOKEN)
    box.copy_button.click()
    assert box.copy_state.text() == "✓ Copied · cleared in 30 s"
    context.clipboard._ticked()  # what the one-second timer does
    assert box.copy_state.text().startswith("✓ Copied · cleared in ")
    context.clipboard.clear_if_ours()  # the timeout
    assert box.copy_state.text() == "✓ Clipboard cleared"
    assert QGuiApplication.clipboard().text() == ""


def test_a_later_copy_by_the_person_is_never_cleared(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = make_context(tmp_path, clipboard_timeout_s=30)
    box = ResultBox(lambda text: context.copy(text), clipboard=context.clipboard)
    qtbot.addWidget(box)
    box.set_text(TOKEN)
    box.copy_button.click()
    QGuiApplication.clipboard().setText("the person's own text")
    context.clipboard.clear_if_ours()
    assert QGuiApplication.clipboard().text() == "the person's own text"
    assert box.copy_state.text() == "Clipboard holds something else now"


def test_quitting_clears_a_copied_token(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = make_context(tmp_path, clipboard_timeout_s=0)  # even with "never"
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    context.copy(TOKEN, secret=True)
    window.close()
    assert QGuiApplication.clipboard().text() == ""


def test_the_result_box_is_not_an_invisible_tab_stop(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = ResultBox(lambda text: None)
    qtbot.addWidget(box)
    assert not box.text_box.focusPolicy() & Qt.FocusPolicy.TabFocus
