"""gui/qt.py: the workarounds for the Qt binding and its platforms."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import qWarning

from agora_desk.gui.qt import OFFSCREEN_SIZE_HINTS, quiet_offscreen_size_hints

pytestmark = pytest.mark.gui


def test_only_the_offscreen_size_hints_line_is_dropped(qtlog: Any) -> None:
    # Chained in front of pytest-qt's capture, which stands in for Qt's own output here.
    quiet_offscreen_size_hints()
    qWarning(OFFSCREEN_SIZE_HINTS)
    qWarning("a real problem")
    qWarning(OFFSCREEN_SIZE_HINTS + " and more")
    assert [r.message for r in qtlog.records] == [
        "a real problem",
        OFFSCREEN_SIZE_HINTS + " and more",
    ]
