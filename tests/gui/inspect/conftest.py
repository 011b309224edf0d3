"""Fixtures the Inspect tests share; each test module brings its own ``context``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from _inspect_helpers import ISSUED
from pytestqt.qtbot import QtBot

from agora_desk.gui.context import AppContext
from agora_desk.gui.inspect.tab import InspectTab

NOW = ISSUED + 60  # the tab's clock: a minute after the test tokens were issued


@pytest.fixture
def tab(qtbot: QtBot, context: AppContext) -> Iterator[InspectTab]:
    widget = InspectTab(context)
    widget.clock = lambda: NOW
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    yield widget
    widget.shutdown()
