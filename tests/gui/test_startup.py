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


def _child(script: str, *args: str, **env: str) -> str:
    """What ``script`` prints, run offscreen in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout


def test_the_test_request_tab_imports_httpx_off_the_gui_thread(tmp_path: Path) -> None:
    out = _child(PRELOAD, str(ROOT / "tests"), str(tmp_path))
    assert out.strip() == "preload-transport"


FIRST_FRAME = r"""
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
config = Path(sys.argv[2])
os.environ["AGORA_DESK_CONFIG_DIR"] = str(config)
from PySide6 import QtCore, QtWidgets
from agora_desk.secrets.profiles import Profile, ProfileStore
from agora_desk.secrets.store import SessionStore
# A saved profile, so the picker is filled (with tooltips) as a person's would be.
ProfileStore(config / "profiles.json", secrets=SessionStore()).add(
    Profile("demo", "0123456789abcdef0123456789abcdef")
)
from agora_desk.gui import main_window
painted = main_window.MainWindow.paintEvent

def first_paint(self, event):
    if not self._painted:
        built = [name for name in ("Qt", "QStyle") if name in vars(QtCore) or name in vars(QtWidgets)]
        print("built at the first frame:", built, flush=True)
        os._exit(0)
    painted(self, event)

main_window.MainWindow.paintEvent = first_paint
from agora_desk.gui.app import run
run([])
"""


def test_the_first_frame_builds_neither_qt_nor_qstyle(tmp_path: Path) -> None:
    # PySide builds every enum of a class on its first touch: Qt's namespace and
    # QStyle's cost a bare window's start-up a fifth more. Nothing on the first
    # frame needs them (the tabs, built one frame later, do).
    out = _child(
        FIRST_FRAME, str(ROOT), str(tmp_path / "agora-desk"), XDG_CONFIG_HOME=str(tmp_path)
    )
    assert out.strip() == "built at the first frame: []"
