"""Window start-up: agora-desk against a bare PySide6 window with five empty tabs.

Both are started the same way, as a fresh interpreter running one small
script: it creates the QApplication and a 1 ms timer, then either runs
agora-desk's real entry point (``agora_desk.cli.main.main([])``: profile
store, context, main window with the RTC tab built) or shows a QMainWindow
whose QTabWidget holds five empty QWidgets. Once a window is exposed (the
timer polls ``QWindow.isExposed()``), a zero-time timer fires after the events
pending then are processed; the child prints its resident memory (VmRSS) and
exits at once.

Measured per run: wall time from spawning the process to that line, and the
RSS at that moment. Runs alternate between the two sides so machine load
hits both alike; the figures are medians. Targets: both ratios <= 1.5x.

    .venv/bin/python benchmarks/gui_startup.py [--runs 9] [--platform offscreen|xcb]

``xcb`` needs a display; without one the script re-runs itself under
``xvfb-run -a``. Settings, profiles and the keyring probe use a throwaway
config dir, never the person's own. Bytecode is cached (in a throwaway dir)
as it is for an installed app, even when PYTHONDONTWRITEBYTECODE is set.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

app = QApplication([sys.argv[0]])


def rss_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def report():
    sys.stdout.write(f"READY {rss_kib()}\n")
    sys.stdout.flush()
    os._exit(0)


# Polled, not an application-wide event filter: a Python filter sees every
# event, and a window with more widgets has far more events, so the filter
# itself would make the larger window look slower.
def check_exposed():
    if any(window.isExposed() for window in QGuiApplication.topLevelWindows()):
        poll.stop()
        QTimer.singleShot(0, report)  # after the events pending at that point


poll = QTimer()
poll.setInterval(1)
poll.timeout.connect(check_exposed)
poll.start()

if sys.argv[1] == "agora-desk":
    from agora_desk.cli.main import main

    main([])
else:
    from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

    window = QMainWindow()
    tabs = QTabWidget(window)
    for number in range(1, 6):
        tabs.addTab(QWidget(), f"Tab {number}")
    window.setCentralWidget(tabs)
    window.resize(1100, 760)
    window.show()
    app.exec()
"""

SIDES = ("agora-desk", "bare")


def one_run(side: str, env: dict[str, str]) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, side],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    _out, err = proc.communicate(timeout=60)
    if not line.startswith("READY "):
        raise SystemExit(f"{side}: no window (exit {proc.returncode}):\n{err}")
    return elapsed, int(line.split()[1])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--platform", choices=("offscreen", "xcb"), default="offscreen")
    args = parser.parse_args(argv)
    if args.platform == "xcb" and not os.environ.get("DISPLAY"):
        xvfb = shutil.which("xvfb-run")
        if xvfb is None:
            raise SystemExit("--platform xcb needs a DISPLAY or xvfb-run")
        command = [xvfb, "-a", sys.executable, __file__, *argv]
        return subprocess.call(command)

    with tempfile.TemporaryDirectory(prefix="agora-desk-bench-") as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM=args.platform, PYTHONPATH=str(ROOT))
        # An installed agora-desk runs from compiled bytecode; so does this one
        # (cached by the warm-up run in a throwaway dir, not in the checkout).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        env["AGORA_DESK_CONFIG_DIR"] = str(Path(tmp) / "config" / "agora-desk")
        for side in SIDES:  # warm the file cache for both
            one_run(side, env)
        times: dict[str, list[float]] = {side: [] for side in SIDES}
        memory: dict[str, list[int]] = {side: [] for side in SIDES}
        for _ in range(args.runs):
            for side in SIDES:
                elapsed, rss = one_run(side, env)
                times[side].append(elapsed)
                memory[side].append(rss)

    print(f"platform {args.platform}, {args.runs} runs each (medians)")
    for side in SIDES:
        print(
            f"  {side:11s} visible after {statistics.median(times[side]) * 1000:6.0f} ms, "
            f"RSS {statistics.median(memory[side]) / 1024:6.1f} MiB"
        )
    time_ratio = statistics.median(times["agora-desk"]) / statistics.median(times["bare"])
    rss_ratio = statistics.median(memory["agora-desk"]) / statistics.median(memory["bare"])
    for what, ratio in (("time to visible", time_ratio), ("memory after start", rss_ratio)):
        verdict = "met" if ratio <= 1.5 else "MISSED"
        print(f"{what}: ratio {ratio:.2f}x (target <= 1.5x: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
