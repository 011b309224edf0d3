"""Issue 18, point 5: in Chinese, no English sentence is left anywhere in the window.

Every tab and dialog is opened, then every text a person can see is read
through the same list the language switch uses
(:func:`agora_desk.gui.text_slots.text_slots`): labels, buttons, tool tips,
placeholders, combo items, tab titles, headers, menu entries, the status bar;
the strict walk also reads every row of the item views (the Inspect tree, the
checks) after the tabs were used the way people use them: a token generated, a
Basic header made, a token decoded, a request that fails. An English word
outside a short allow-list (product and protocol names, option names, code,
the test's own data) fails the test with the widget that shows it.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from _gui_helpers import add_demo_profile, generate, make_context, make_store
from _inspect_helpers import rtc_token
from _rest_server import refused_url
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

from agora_desk.core import i18n, rest
from agora_desk.gui.text_slots import text_slots
from agora_desk.gui.translation import apply_language, recipe_of, translate

pytestmark = pytest.mark.gui

# Names that stay as they are in Agora's Chinese documentation and on the
# wire: products, protocols, header and field names. Compared case-insensitively.
ALLOWED_WORDS = frozenset(
    """
    agora desk app id ids rtc rtm token tokens rest restful api url urls json http https
    basic curl uuid sid qr ca pem uid uids utc unix chat apaas fpa convoai stt ai fcdn
    streaming ctrl alt shift enter return esc tab del ms kb kib mb org cn ap na eu ok sdk
    ssl tls cors authorization bearer accesstoken md5 wi fi web android
    english
    """.split()
)
# Lower-case words that are names of API operations and fields as Agora's Chinese
# docs keep them ("join 返回的 agent_id"); case-sensitive, so a "Start" button still fails.
ALLOWED_CODE_WORDS = frozenset(
    "join leave acquire start stop query update salt origin user issue individual mix pong".split()
)
# Phrases kept as they are (none at the moment: 用户名 is the Chinese docs' user account).
ALLOWED_PHRASES: tuple[str, ...] = ()
# HTTP methods, as every REST tool shows them, and the presets' names (--preset values).
HTTP_METHODS = frozenset("GET POST PUT PATCH DELETE HEAD".split())
_PRESET_NAME = re.compile(
    "|".join(
        rf"(?<![\w-]){re.escape(name)}(?![\w-])" for name in sorted(rest.PRESETS, key=len)[::-1]
    )
)
# The test's own data on screen: the profile and customer names, the test keyring's name.
TEST_DATA = ("demo-customer", "testing MemoryKeyring", "demo")

# Code and names that are not prose: {placeholders}, $VARIABLES, --options,
# snake_case / camelCase identifiers, URLs and paths, MIME types, markup, hex.
_CODE = re.compile(
    r"""
      \{[^{}]*\}                      # a placeholder left for a value
    | <[^<>]+>                        # markup, <this value>
    | \$[A-Z_][A-Z0-9_]*              # $AGORA_TOKEN
    | \b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b # HTTPS_PROXY, AGORA_APP_CERTIFICATE
    | --?[a-z][a-z0-9-]*              # --expire, -h
    | https?://\S+ | wss?://\S+       # URLs
    | (?<![\w/])/[\w./{}?=&-]+        # /dev/v1/projects
    | \b\w+/[\w.+-]+                   # application/json
    | \b\w+\.\w+(?:\.\w+)*\b          # api.agora.io, file.pem
    | \b[a-z]+(?:_[a-z0-9]+)+\b       # snake_case: enable_rtm, agent_id
    | \b[a-z]+[A-Z]\w*\b              # camelCase: resourceId
    | \b[A-Z][a-z]+(?:-[A-Z][a-z]+)+\b # Content-Type, X-Agora-Desk-Key
    | \b[0-9a-f]{8,}\b                # hex
    | \b[a-z]{2}(?:-[a-z]+)+-\d+\b     # a region: us-west-1, ap-southeast-1
    | \b\w*\d\w*\b                    # anything with a digit: 007, us-west-1
    """,
    re.VERBOSE,
)
_WORD = re.compile(r"[A-Za-z]{2,}")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# In a translated text, what is quoted verbatim (an error string the app showed).
_QUOTED = re.compile(r"“[ -~]*”|‘[ -~]*’")


def english_words(text: str) -> list[str]:
    """The English words in ``text`` that a Chinese reader should not have to read."""
    if _CJK.search(text):
        text = _QUOTED.sub(" ", text)
    for phrase in ALLOWED_PHRASES:
        text = text.replace(phrase, " ")
    stripped = _CODE.sub(" ", _PRESET_NAME.sub(" ", text.replace("&", "")))
    return [
        w
        for w in _WORD.findall(stripped)
        if w.lower() not in ALLOWED_WORDS and w not in ALLOWED_CODE_WORDS | HTTP_METHODS
    ]


def test_the_detector_finds_english_and_lets_names_and_code_pass() -> None:
    assert english_words("Copy") == ["Copy"]
    assert english_words("复制 (&C)") == []
    assert english_words("App 证书为空：请输入 App ID") == []
    assert english_words("Token 服务器运行于 http://127.0.0.1:8082") == []
    assert english_words("发送 {token} 与 enable_rtm、$AGORA_TOKEN、--expire") == []
    assert english_words("RTC Token 已过期 expired") == ["expired"]
    assert english_words("/dev/v1/projects （自动填入 {app_id}）") == []
    assert english_words("可选：App 收到的错误（“dynamic key expired”、401…）") == []
    assert english_words("Start") == ["Start"]
    assert english_words("<b>agora-desk 0.1.0</b><br>生成") == []


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    apply_language("zh_CN")
    yield
    apply_language(i18n.SYSTEM)


GUI = Path(__file__).resolve().parents[2] / "agora_desk" / "gui"


def _untranslated_literals() -> frozenset[str]:
    """Sentences written in agora_desk/gui that do not go through translate().

    A text on screen containing one was put there by the window without a
    translation: the window's own words too, though no translate() made them.
    """
    found = set()
    for path in GUI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inside: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in (
                "translate",
                "QT_TRANSLATE_NOOP",
            ):
                inside.update(id(n) for n in ast.walk(node))
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body:
                first = node.body[0]
                if isinstance(first, ast.Expr):
                    inside.add(id(first.value))  # a docstring
        for node in ast.walk(tree):
            if id(node) in inside or not isinstance(node, ast.Constant):
                continue
            if isinstance(node.value, str):
                for piece in re.split(r"[{}]", node.value):
                    if len(english_words(piece)) >= 2:
                        found.add(piece.strip())
    return frozenset(found)


class Found:
    """English on screen: in the window's own words, and in what it shows from elsewhere."""

    literals = _untranslated_literals()

    def __init__(self) -> None:
        self.window: list[str] = []  # a template of ours (translate()) still in English
        self.shown: list[str] = []  # anything on screen, whoever made it (core, data)

    def walk(self, widget: QWidget, skip: Callable[[str], bool] = lambda _text: False) -> None:
        for slot in text_slots(widget):
            text = slot.get()
            if not text or skip(text):
                continue
            words = english_words(text)
            if words:
                self.shown.append(f"{slot.describe()}: {text!r} ({', '.join(words)})")
                literal = next((lit for lit in self.literals if lit in text), None)
                if literal is not None:
                    self.window.append(f"{slot.describe()}: {text!r} (not translated: {literal!r})")
            recipe = recipe_of(text)
            if recipe is not None:
                template = translate(recipe.context, recipe.source, recipe.disambiguation, recipe.n)
                words = english_words(template)
                if words:
                    self.window.append(f"{slot.describe()}: {template!r} ({', '.join(words)})")


def _without_test_data(text: str) -> str:
    for data in TEST_DATA:
        text = text.replace(data, " ")
    return text


# What a tab shows as data, not as words: a token, a Basic header, JSON, a curl command,
# an HTTP request as sent (method, URL, header lines).
_DATA = re.compile(
    r"0\d\d[A-Za-z0-9+/=_-]{20,}|Basic [A-Za-z0-9+/=]+|[{\[].*|curl .*|[A-Z]+ https://\S+(\n.*)?",
    re.DOTALL,
)


def _is_data(text: str) -> bool:
    return _CJK.search(text) is None and _DATA.fullmatch(text.strip()) is not None


def _model_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    """(where, text) for every row of an item view's model: its display text and tool tip."""
    model = view.model()
    name = type(view).__name__
    parents = [QModelIndex()]
    while parents:
        parent = parents.pop()
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield f"{name} row {row}, column {column} ({role.name})", value
            first = model.index(row, 0, parent)
            if model.rowCount(first) > 0:
                parents.append(first)


def strict_walk(widget: QWidget) -> list[str]:
    """Every English sentence on screen, whoever made it (the window, the core, a server)."""
    shown = [(slot.describe(), slot.get()) for slot in text_slots(widget)]
    for view in widget.findChildren(QAbstractItemView):
        if view.model() is not None and not isinstance(
            # Their items and headers are text slots already.
            view,
            (QTableWidget, QTreeWidget, QListWidget, QHeaderView),
        ):
            shown.extend(_model_texts(view))
    found = []
    for where, text in shown:
        if not text or _is_data(text):
            continue
        words = english_words(_without_test_data(text))
        if words:
            found.append(f"{where}: {text!r} ({', '.join(words)})")
    return sorted(set(found))


def _open_everything(qtbot: Any, tmp_path: Path, *, profile: bool) -> tuple[Any, list[QWidget]]:
    from agora_desk.gui.help_dialogs import ShortcutsDialog, show_about
    from agora_desk.gui.main_window import MainWindow
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


def _everything(qtbot: Any, tmp_path: Path, *, profile: bool, switch: bool = False) -> Found:
    window, dialogs = _open_everything(qtbot, tmp_path, profile=profile)
    try:
        if switch:
            _hold_timers(window)
            window.change_language("zh_CN")
        found = Found()
        for widget in (window, *dialogs):
            found.walk(widget)
    finally:
        _close(window, dialogs)
    return found


@pytest.mark.parametrize("profile", [False, True], ids=["typed credentials", "a profile"])
def test_the_windows_own_words_are_all_translated(
    qtbot: Any, tmp_path: Path, chinese: None, profile: bool
) -> None:
    found = _everything(qtbot, tmp_path, profile=profile)
    assert found.window == [], "\n".join(found.window)


def test_switching_in_place_translates_the_windows_own_words(
    qtbot: Any, tmp_path: Path, qapp: Any
) -> None:
    try:
        found = _everything(qtbot, tmp_path, profile=True, switch=True)
    finally:
        apply_language(i18n.SYSTEM)
    assert found.window == [], "\n".join(found.window)


def _tab(window: Any, key: str) -> Any:
    window.show_tab(key)
    return next(page.tab for page in window.pages if page.spec.key == key)


def _use_every_tab(qtbot: Any, window: Any) -> None:
    """What people do first: generate, make a header, decode a pasted token, send a request."""
    rtc = _tab(window, "rtc")
    rtc.channel.setText("demo")
    generate(qtbot, rtc)
    rtm = _tab(window, "rtm")
    rtm.user_id.setText("demo")
    generate(qtbot, rtm)
    generate(qtbot, _tab(window, "basic"))
    inspect = _tab(window, "inspect")
    inspect.token_edit.setPlainText(rtc_token(channel="demo"))  # expired long ago: checks fail
    inspect.default_action()
    qtbot.waitUntil(lambda: not inspect.model.is_empty(), timeout=10_000)
    request = _tab(window, "request")
    request.form.set_preset("projects")
    request.form.base_url_edit.setText(refused_url())  # nothing listens: a transport error
    request.send_button.click()
    qtbot.waitUntil(lambda: request.state == "idle" and bool(request.last_error), timeout=15_000)
    qtbot.wait(200)  # the checks and status lines that follow a result


def _hold_timers(window: QWidget) -> None:
    """Stop the window's running timers: what a switch must redo, it redoes at once.

    A widget that rewrites its text every second (the countdown beside a generated
    token) would otherwise hide, one run in a few, that it never redoes it on a switch.
    """
    for timer in window.findChildren(QTimer):
        timer.stop()


@pytest.mark.parametrize("switch", [False, True], ids=["started in Chinese", "switched live"])
def test_nothing_on_screen_is_english_after_using_every_tab(
    qtbot: Any, tmp_path: Path, qapp: Any, switch: bool
) -> None:
    """The strict walk: the core's messages, verdicts, server routes and Qt's own texts too.

    Switched live: used in English, then Settings → 简体中文, so what the core made
    before the switch must have been made again.
    """
    apply_language(i18n.SYSTEM if switch else "zh_CN")
    window, dialogs = _open_everything(qtbot, tmp_path, profile=True)
    try:
        _use_every_tab(qtbot, window)
        if switch:
            _hold_timers(window)
            window.change_language("zh_CN")
            qtbot.wait(50)  # Qt's LanguageChange events (its own buttons) are posted, not sent
        found = [line for widget in (window, *dialogs) for line in strict_walk(widget)]
    finally:
        _close(window, dialogs)
        apply_language(i18n.SYSTEM)
    assert found == [], "\n".join(found)
