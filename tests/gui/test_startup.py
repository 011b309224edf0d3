"""What the window defers: the first tab's form until the frame is painted, httpx off the GUI thread."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject

from agora_desk.gui.context import AppContext
from agora_desk.gui.main_window import MainWindow
from agora_desk.gui.tabs import TabPage

ROOT = Path(__file__).resolve().parents[2]


class _Paints(QObject):
    def __init__(self, order: list[str]) -> None:
        super().__init__()
        self.order = order

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.order.append("paint")
        return False


def test_the_first_tab_is_built_after_the_frame_is_painted(
    qtbot, context: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    order: list[str] = []
    build = TabPage.build

    def recording(page: TabPage, ctx: AppContext) -> None:
        if not page.built:
            order.append(f"build {page.spec.key}")
        build(page, ctx)

    monkeypatch.setattr(TabPage, "build", recording)
    window = MainWindow(context)
    qtbot.addWidget(window)
    paints = _Paints(order)
    window.installEventFilter(paints)
    window.show()
    qtbot.waitUntil(lambda: window.built_tabs() == ["rtc"])
    assert order.index("paint") < order.index("build rtc"), order


def test_a_window_never_shown_still_builds_its_first_tab(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(context)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.built_tabs() == ["rtc"])
    assert not window._painted


PRELOAD = r"""
import sys, threading, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
imported_on = []
sys.addaudithook(
    lambda event, args: imported_on.append(threading.current_thread().name)
    if event == "import" and args[0] == "httpx" else None
)
from PySide6.QtWidgets import QApplication
app = QApplication([])
from _gui_helpers import make_context
from agora_desk.gui.request.tab import RequestTab
tab = RequestTab(make_context(Path(sys.argv[2])), history_path=Path(sys.argv[2]) / "h.json")
deadline = time.monotonic() + 60
while "httpx" not in sys.modules or not imported_on:
    app.processEvents()
    time.sleep(0.01)
    assert time.monotonic() < deadline, "httpx was never imported"
print(imported_on[0])
"""


def test_the_test_request_tab_imports_httpx_off_the_gui_thread(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", PRELOAD, str(ROOT / "tests"), str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert out.strip() == "preload-transport"
