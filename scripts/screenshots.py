#!/usr/bin/env python3
"""Screenshots of the window for the README: docs/screenshots/<name>.png.

    .venv/bin/python scripts/screenshots.py [--out DIR] [--language zh_CN]

Starts the real window on X11 (under ``xvfb-run -a`` when there is no
DISPLAY), with a made-up profile over an in-memory keyring (never a real
secret, never the person's keyring or settings), fills each form, generates
with a fixed issue time and salt, and grabs: rtc, rtm, basic, profiles,
settings, rtc-dark (the same RTC form under a dark colour scheme),
rtc-minimum and inspect-minimum (the window at its minimum size) and
session-only (the banner shown when no keyring works). With ``pngquant`` on
PATH (Debian: ``apt install pngquant``) each picture is then reduced to a
palette PNG, about a third of the size, so the README's pictures stay small.
``--language zh_CN`` takes the window in that language instead (tabs,
profiles, settings) into docs/screenshots/zh_CN/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docs" / "screenshots"
SIZE = (1180, 780)

# Made up for the pictures; not any real project's credentials.
DEMO_APP_ID = "5f2c9a0e7d3b4c1a8e6f0b2d4c6a8e0f"
DEMO_CERTIFICATE = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
DEMO_CUSTOMER_ID = "demo-customer-7f3e"
DEMO_CUSTOMER_SECRET = "demo-secret-not-real-0042"  # noqa: S105 - made up


def _reexec_under_xvfb(argv: list[str]) -> int:
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        sys.stderr.write("screenshots: no DISPLAY and no xvfb-run; install xvfb\n")
        return 2
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    command = [xvfb, "-a", "-s", "-screen 0 1600x1200x24", sys.executable, __file__, *argv]
    return subprocess.call(command, env=env)  # noqa: S603 - our own script, fixed args


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--language", default="en", help="the window's language: en, zh_CN")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        return _reexec_under_xvfb(argv)
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="agora-desk-shots-") as tmp:
        out = args.out or (DEFAULT_OUT if args.language == "en" else DEFAULT_OUT / args.language)
        return _shoot(Path(tmp), out, args.language)


def _shoot(tmp: Path, out: Path, language: str = "en") -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from agora_desk.core.builders import Stamp
    from agora_desk.core.secret import Secret
    from agora_desk.gui.context import AppContext, AppSettings
    from agora_desk.gui.indicator_style import IndicatorStyle
    from agora_desk.gui.main_window import MainWindow
    from agora_desk.gui.settings_dialog import SettingsDialog
    from agora_desk.gui.translation import apply_language
    from agora_desk.secrets.keyring_store import KeyringStore
    from agora_desk.secrets.profiles import Profile, ProfileStore
    from agora_desk.secrets.store import SessionStore
    from agora_desk.secrets.testing import MemoryKeyring

    app = QApplication([sys.argv[0]])
    app.setStyle(IndicatorStyle())
    app.setApplicationName("agora-desk")
    apply_language(language)
    out.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 300, until: Callable[[], bool] | None = None) -> None:
        deadline = time.monotonic() + ms / 1000
        while time.monotonic() < deadline or (until is not None and not until()):
            app.processEvents()
            time.sleep(0.01)
            if time.monotonic() > deadline + 10:
                raise RuntimeError("timed out waiting for the window")

    def save(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise RuntimeError(f"could not write {path}")
        _optimise(path)
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    store = ProfileStore(tmp / "profiles.json", secrets=KeyringStore(backend=MemoryKeyring()))
    store.add(
        Profile(
            "demo-project",
            DEMO_APP_ID,
            DEMO_CUSTOMER_ID,
            notes="made-up values for the screenshots",
        ),
        app_certificate=Secret(DEMO_CERTIFICATE),
        customer_secret=Secret(DEMO_CUSTOMER_SECRET),
    )
    store.add(Profile("staging", "0123456789abcdef0123456789abcdef"))
    settings = AppSettings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    context = AppContext(profiles=store, settings=settings)
    window = MainWindow(context)
    window.resize(*SIZE)
    window.show()
    settle(500)
    window.profile_picker.setCurrentIndex(window.profile_picker.findData("demo-project"))
    stamp = Stamp(issued_at=int(time.time()), salt=48151623)

    rtc = window.show_tab("rtc")
    rtc.stamp = stamp
    rtc.channel.setText("demo-channel")
    rtc.user.setText("1234")
    rtc.rtm_user.setText("alice")
    rtc.generate()
    settle(until=lambda: rtc.output is not None)
    save(window, "rtc")

    rtm = window.show_tab("rtm")
    rtm.stamp = stamp
    rtm.user_id.setText("alice")
    rtm.expiry.set_seconds(86400)
    rtm.generate()
    settle(until=lambda: rtm.output is not None)
    save(window, "rtm")

    _shoot_shapes(window, stamp, settle, save)

    basic = window.show_tab("basic")
    basic.generate()
    settle(until=lambda: basic.output is not None)
    basic.header.setText(basic.output.text)
    save(window, "basic")

    window.open_profiles()
    dialog = window._profiles_dialog
    settle(500)
    save(dialog, "profiles")
    dialog.close()

    window.open_settings()
    settings_dialog = window.findChild(SettingsDialog)
    save(settings_dialog, "settings")
    settings_dialog.close()

    _shoot_other_tabs(window, context, rtc, settle, save)
    if language != "en":
        window.close()
        return 0  # the variants below are about layout and colour, shown once

    # The same RTC form with the Advanced section and a warning a tester may
    # hit, in a dark scheme.
    window.show_tab("rtc")
    rtc.channel.setText("Demo channel/2026")
    rtc.advanced.setChecked(True)
    for key, seconds in (("join", "3600"), ("audio", "600"), ("video", "600"), ("data", "0")):
        rtc.privilege_fields[key].setText(seconds)
    rtc.generate()
    settle(until=lambda: rtc.output is not None)
    light = app.palette()
    app.setPalette(_dark_palette())
    settle(500)
    save(window, "rtc-dark")
    app.setPalette(light)
    settle(300)

    # The smallest the window gets: the forms scroll, Generate stays in view.
    smallest = window.minimumSizeHint()
    window.resize(smallest)
    settle(500)
    save(window, "rtc-minimum")
    inspect = window.show_tab("inspect")
    inspect.set_text(rtc.output.text)
    save(window, "inspect-minimum")
    window.resize(*SIZE)
    window.show_tab("rtc")
    settle(300)

    # What the window looks like when no keyring works: typed, session-only credentials.
    session_store = ProfileStore(tmp / "profiles-session.json", secrets=SessionStore())
    session_context = AppContext(profiles=session_store, settings=settings)
    session_window = MainWindow(session_context)
    session_window.set_session_only(
        "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so no Secret Service "
        "(GNOME Keyring, KWallet) can be reached"
    )
    session_window.resize(*SIZE)
    session_window.show()
    session_rtc = session_window.show_tab("rtc")
    session_rtc.credentials.id_field.setText(DEMO_APP_ID)
    session_rtc.credentials.secret_field.setText(DEMO_CERTIFICATE[:20] + "xyz")
    session_rtc.channel.setText("demo-channel")
    session_rtc.user.setText("99999999999")
    save(session_window, "session-only")

    for w in (window, session_window):
        w.close()
    return 0


def _optimise(path: Path) -> None:
    """A palette PNG with the same look (pngquant), when pngquant is installed."""
    pngquant = shutil.which("pngquant")
    if pngquant is None:
        return
    subprocess.run(  # noqa: S603 - a fixed tool on our own output file
        [pngquant, "--force", "--skip-if-larger", "--strip", "--quality", "80-98",
         "--output", str(path), "--", str(path)],
        check=False,
    )  # fmt: skip


def _shoot_shapes(window: Any, stamp: Any, settle: Any, save: Any) -> None:
    """More tokens: RTM2 with its permissions editor, and the free composer."""
    from agora_desk.gui.shapes.composer import ComposerForm
    from agora_desk.gui.shapes.forms import Rtm2Form

    shapes_tab = window.show_tab("shapes")
    shapes_tab.stamp = stamp
    rtm2 = shapes_tab.pick(Rtm2Form)
    rtm2.user_id.setText("alice")
    rtm2.editor.add_row(0, 0, ["lobby", "news"])
    rtm2.editor.add_row(0, 1, ["lobby"])
    rtm2.editor.add_row(4, 0, ["bob"])
    shapes_tab.generate()
    settle(until=lambda: shapes_tab.output is not None)
    save(window, "shapes-rtm2")

    composer = shapes_tab.pick(ComposerForm)
    rtc = composer.add_service(1)
    rtc.fields["channel_name"].setText("demo-channel")
    rtc.fields["uid"].setText("1001")
    composer.add_service(9)
    shapes_tab.generate()
    settle(until=lambda: shapes_tab.output is not None)
    save(window, "shapes-compose")


def _shoot_other_tabs(window: Any, context: Any, rtc: Any, settle: Any, save: Any) -> None:
    """Inspect, Test request and Token server, each doing its job against loopback."""
    import json
    import threading
    import urllib.request
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    # Inspect: the RTC token just generated, checked for a channel and uid.
    token = rtc.output.text
    inspect = window.show_tab("inspect")
    inspect.channel_edit.setText("demo-channel")
    inspect.uid_edit.setText("1234")
    inspect.token_edit.setPlainText(token)
    settle(800)
    save(window, "inspect")

    # Test request: the Conversational AI join preset against a local stand-in
    # for api.agora.io (plain http is allowed for loopback only).
    class Answer(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = json.dumps(
                {
                    "agent_id": "1NT29X10YHxxxxWJOXLYHNYB",
                    "create_ts": 1737111452,
                    "status": "RUNNING",
                }
            )
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args: object) -> None:
            pass

    fake = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    threading.Thread(target=fake.serve_forever, daemon=True).start()
    context.settings.set("rest_base_url", f"http://127.0.0.1:{fake.server_address[1]}")
    request = window.show_tab("request")
    from agora_desk.core.rest.params import Field

    request.form.set_preset("convoai-join")
    # Typed into the fields, as a person would: the body follows them.
    request.form.edits[Field.CHANNEL].setText("demo-channel")
    request.form.edits[Field.AGENT_UID].setText("1001")
    request.form.edits[Field.REMOTE_UID].setText("1234")
    request.form.flags[Field.ENABLE_RTM].setChecked(True)
    settle(300)
    request.send()
    settle(1500, until=lambda: request.state.value == "idle")
    save(window, "request")
    fake.shutdown()

    # Token server: started for the demo profile, two requests in its log.
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = window.show_tab("server")
    server.port_spin.setValue(port)
    server.start()
    settle(2000, until=lambda: server.state.value == "running")
    for path in ("/rtc/demo-channel/publisher/uid/1234/", "/rtm/alice/", "/rtc/demo/admin/uid/1/"):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5).read()
        except OSError:
            pass  # the bad role answers 400: it shows in the log as such
    # POST /fetch_rtc_token: a sample with a JSON body.
    routes = [sample.route for sample in server.endpoints.samples]
    server.endpoints.table.selectRow(routes.index("/fetch_rtc_token"))
    settle(800)
    save(window, "server")
    server.shutdown()


def _dark_palette() -> object:
    """What a dark desktop theme hands Qt: the Fusion style's usual dark palette."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2b2b"),
        (roles.WindowText, "#e6e6e6"),
        (roles.Base, "#1e1e1e"),
        (roles.AlternateBase, "#2f2f2f"),
        (roles.Text, "#e6e6e6"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#e6e6e6"),
        (roles.Highlight, "#3d6fb4"),
        (roles.HighlightedText, "#ffffff"),
        (roles.PlaceholderText, "#8c8c8c"),
        (roles.ToolTipBase, "#2b2b2b"),
        (roles.ToolTipText, "#e6e6e6"),
        (roles.Light, "#4a4a4a"),
        (roles.Midlight, "#3a3a3a"),
        (roles.Mid, "#2a2a2a"),
        (roles.Dark, "#1a1a1a"),
        (roles.Shadow, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    return palette


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
