"""Issue 18, point 5: in Chinese, no English sentence is left anywhere in the window.

Every tab and dialog is opened (and the tabs used once: a token generated,
one inspected), then every text a person can see is read through the same
list the language switch uses (:func:`agora_desk.gui.text_slots.text_slots`):
labels, buttons, tool tips, placeholders, combo items, tab titles, headers,
menu entries, the status bar. An English word outside a short allow-list
(product and protocol names, option names, code) fails the test with the
widget that shows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _gui_helpers import WAIT_MS, add_demo_profile, make_context, make_store
from PySide6.QtWidgets import QApplication, QWidget

from agora_desk.core import i18n
from agora_desk.gui.text_slots import text_slots
from agora_desk.gui.translation import apply_language

pytestmark = pytest.mark.gui

# Names that stay as they are in Agora's Chinese documentation and on the
# wire: products, protocols, units of code. Compared case-insensitively.
ALLOWED_WORDS = frozenset(
    """
    agora desk app id ids rtc rtm token tokens rest restful api url urls json http https
    basic curl uuid sid qr ca pem uid uids utc unix chat apaas fpa convoai stt ai
    ctrl alt shift enter return esc tab del ms kb mb org cn ap na eu mix web individual
    ok sdk pc ios android macos windows linux ssl tls mime get post put patch delete
    """.split()
)

# Code and names that are not prose: {placeholders}, $VARIABLES, --options,
# snake_case / camelCase identifiers, URLs and paths, e-mail-like ids, hex.
_CODE = re.compile(
    r"""
      \{[^{}]*\}                      # a placeholder left for a value
    | \$[A-Z_][A-Z0-9_]*              # $AGORA_TOKEN
    | --?[a-z][a-z0-9-]*              # --expire, -h
    | https?://\S+ | wss?://\S+       # URLs
    | (?<![\w/])/[\w./{}?=&-]+        # /dev/v1/projects
    | \b\w+\.\w+(?:\.\w+)*\b          # api.agora.io, file.pem, Content-Type.json
    | \b[a-z]+(?:_[a-z0-9]+)+\b       # snake_case: enable_rtm, agent_id
    | \b[a-z]+[A-Z]\w*\b              # camelCase: resourceId
    | \b[A-Z][a-z]+-[A-Z][a-z]+\b     # Content-Type, X-Request-Id pieces
    | \b[0-9a-f]{8,}\b                # hex
    | \b\w*\d\w*\b                    # anything with a digit: 007, x-agora-uid2
    """,
    re.VERBOSE,
)
_WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    """The English words in ``text`` that a Chinese reader should not have to read."""
    stripped = _CODE.sub(" ", text.replace("&", ""))
    return [w for w in _WORD.findall(stripped) if w.lower() not in ALLOWED_WORDS]


def test_the_detector_finds_english_and_lets_names_and_code_pass() -> None:
    assert english_words("Copy") == ["Copy"]
    assert english_words("复制 (&C)") == []
    assert english_words("App 证书为空：请输入 App ID") == []
    assert english_words("Token 服务器运行于 http://127.0.0.1:8082") == []
    assert english_words("发送 {token} 与 enable_rtm、$AGORA_TOKEN、--expire") == []
    assert english_words("RTC Token 已过期 expired") == ["expired"]
    assert english_words("/dev/v1/projects （自动填入 {app_id}）") == []


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    apply_language("zh_CN")
    yield
    apply_language(i18n.SYSTEM)


def _english_on(widget: QWidget) -> list[str]:
    found = []
    for slot in text_slots(widget):
        text = slot.get()
        words = english_words(text) if text else []
        if words:
            found.append(f"{slot.describe()}: {text!r} ({', '.join(words)})")
    return found


def _open_everything(qtbot: Any, tmp_path: Path, *, profile: bool) -> tuple[Any, list[QWidget]]:
    from agora_desk.gui.main_window import MainWindow
    from agora_desk.gui.menus import ShortcutsDialog, show_about
    from agora_desk.gui.profiles_dialog import ProfilesDialog
    from agora_desk.gui.settings_dialog import SettingsDialog

    store = make_store(tmp_path)
    if profile:
        add_demo_profile(store)
    context = make_context(tmp_path, store)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    if profile:
        window.profile_picker.setCurrentIndex(1)
    for page in window.pages:
        window.show_tab(page.spec.key)
        assert page.tab is not None, page.problem
    dialogs: list[QWidget] = [
        SettingsDialog(context.settings, window),
        ProfilesDialog(context, window),
        ShortcutsDialog(window.shortcut_actions, window),
        show_about(window),
    ]
    return window, dialogs


def _close(window: Any, dialogs: list[QWidget]) -> None:
    for dialog in dialogs:
        dialog.close()
    window.close()


@pytest.mark.parametrize("profile", [False, True], ids=["typed credentials", "a profile"])
def test_no_english_left_in_any_tab_or_dialog(
    qtbot: Any, tmp_path: Path, chinese: None, profile: bool
) -> None:
    window, dialogs = _open_everything(qtbot, tmp_path, profile=profile)
    found = _english_on(window)
    for dialog in dialogs:
        found += _english_on(dialog)
    _close(window, dialogs)
    assert found == [], "\n".join(found)


def test_no_english_after_generating_and_inspecting(
    qtbot: Any, tmp_path: Path, chinese: None
) -> None:
    from _gui_helpers import generate, type_credentials

    from agora_desk.gui.inspect.tab import InspectTab
    from agora_desk.gui.rtc_tab import RtcTab

    window, dialogs = _open_everything(qtbot, tmp_path, profile=False)
    rtc = window.show_tab("rtc")
    assert isinstance(rtc, RtcTab)
    type_credentials(rtc)
    rtc.channel.setText("demo")
    token = generate(qtbot, rtc)
    inspect = window.show_tab("inspect")
    assert isinstance(inspect, InspectTab)
    inspect.set_text(token)
    qtbot.waitUntil(lambda: bool(inspect.verdict_text()), timeout=WAIT_MS)
    found = [
        line
        for line in _english_on(window)
        # The token itself, shown where it was made and where it is read.
        if token not in line
    ]
    _close(window, dialogs)
    assert found == [], "\n".join(found)


def test_switching_to_chinese_in_place_leaves_no_english_either(
    qtbot: Any, tmp_path: Path, qapp: Any
) -> None:
    window, dialogs = _open_everything(qtbot, tmp_path, profile=False)
    try:
        window.change_language("zh_CN")
        found = _english_on(window)
        for dialog in dialogs:
            found += _english_on(dialog)
    finally:
        apply_language(i18n.SYSTEM)
        _close(window, dialogs)
    assert QApplication.instance() is qapp
    assert found == [], "\n".join(found)
