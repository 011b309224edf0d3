"""The window's translations: catalogues in step with the sources, loaded at start, switched live."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from agora_desk.core import i18n
from agora_desk.core.i18n import Language
from agora_desk.gui.translation import (
    CATALOGUE_DIR,
    LANGUAGE_CHOICES,
    apply_language,
    catalogue_path,
    choice_label,
    retranslated,
    translate,
)

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "translations.py"
GUI = ROOT / "agora_desk" / "gui"
CATALOGUES = sorted(CATALOGUE_DIR.glob("agora_desk_*.ts"))


def _script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120
    )


def _messages(ts: Path) -> Iterator[tuple[str, str, ET.Element]]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message.findtext("source", ""), message


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


# -- the catalogues ------------------------------------------------------------


def test_there_is_a_simplified_chinese_catalogue_and_its_compiled_file() -> None:
    assert [ts.stem for ts in CATALOGUES] == ["agora_desk_en", "agora_desk_zh_CN"]
    assert catalogue_path("zh_CN").is_file()


def test_catalogues_are_up_to_date_complete_and_compiled() -> None:
    result = _script("check")
    assert result.returncode == 0, result.stderr


def test_the_check_fails_on_a_source_string_without_an_entry(tmp_path: Path) -> None:
    shutil.copytree(GUI, tmp_path / "agora_desk" / "gui", ignore=shutil.ignore_patterns("*.pyc"))
    extra = tmp_path / "agora_desk" / "gui" / "brand_new.py"
    extra.write_text(
        "from agora_desk.gui.translation import translate\n\n"
        'TEXT = translate("BrandNew", "A sentence nobody translated yet")\n',
        encoding="utf-8",
    )
    result = _script("--root", str(tmp_path), "check")
    assert result.returncode == 1
    assert "A sentence nobody translated yet" in result.stderr
    assert "is not up to date with the sources: run extract" in result.stderr


def test_the_check_fails_when_the_compiled_catalogue_is_stale(tmp_path: Path) -> None:
    shutil.copytree(GUI, tmp_path / "agora_desk" / "gui", ignore=shutil.ignore_patterns("*.pyc"))
    ts = tmp_path / "agora_desk" / "gui" / "translations" / "agora_desk_zh_CN.ts"
    text = ts.read_text(encoding="utf-8")
    ts.write_text(
        text.replace("<translation>设置</translation>", "<translation>選項</translation>", 1)
    )
    result = _script("--root", str(tmp_path), "check")
    assert result.returncode == 1
    assert "agora_desk_zh_CN.qm does not match agora_desk_zh_CN.ts" in result.stderr


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_TAG = re.compile(r"</?(?:b|i|u|br|p|a|span|small|tt|code)\b[^>]*>")
_MNEMONIC = re.compile(r"&([^&\s])")


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.stem)
def test_translations_keep_placeholders_markup_and_mnemonics(ts: Path) -> None:
    for context, source, message in _messages(ts):
        for text in _translations(message):
            where = f"{context}: {source!r} -> {text!r}"
            assert sorted(_PLACEHOLDER.findall(text)) == sorted(_PLACEHOLDER.findall(source)), where
            assert ("%n" in text) == ("%n" in source), where
            assert sorted(_TAG.findall(text)) == sorted(_TAG.findall(source)), where
            wanted = _MNEMONIC.findall(source.replace("&&", ""))
            if wanted:
                found = _MNEMONIC.findall(text.replace("&&", ""))
                assert [c.lower() for c in found] == [c.lower() for c in wanted], where


def _calls(tree: ast.AST, names: set[str]) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in names:
                yield node


def test_every_translated_string_is_a_literal_lupdate_can_read() -> None:
    """lupdate silently skips a call it cannot read: an f-string, a joined string, a
    variable context, or a plural count that is not a number literal."""
    bad = []
    for path in sorted(GUI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _calls(tree, {"translate", "QT_TRANSLATE_NOOP"}):
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            if path.name == "translation.py":
                continue  # the definitions and the re-translation pass arguments on
            args = call.args
            if len(args) < 2 or not (
                isinstance(args[0], ast.Constant) and isinstance(args[0].value, str)
            ):
                bad.append(f"{where}: the context must be a string literal")
                continue
            source = args[1]
            if isinstance(source, ast.Constant):
                text = source.value
                if "%n" in text and not (
                    len(args) == 4 and isinstance(args[3], ast.Constant) and args[3].value == 0
                ):
                    bad.append(f"{where}: a plural takes 0 as 4th argument, then .counted(n)")
            elif not isinstance(source, (ast.Name, ast.Attribute, ast.Subscript)):
                # A name is a string marked with QT_TRANSLATE_NOOP elsewhere.
                bad.append(f"{where}: {ast.unparse(source)} is not a literal")
            if call.keywords:
                bad.append(f"{where}: keyword arguments hide the call from lupdate")
    assert bad == []


# -- loading -------------------------------------------------------------------


@pytest.fixture
def english_after(qapp: Any) -> Iterator[None]:
    yield
    apply_language(i18n.SYSTEM)


def test_chinese_loads_ours_and_qts_own_catalogue(english_after: None) -> None:
    assert translate("Tabs", "RTC token") == "RTC token"
    assert apply_language("zh_CN") is Language.SIMPLIFIED_CHINESE
    assert i18n.active_language() is Language.SIMPLIFIED_CHINESE  # the core agrees
    assert translate("Tabs", "Test request") == "测试请求"
    # Qt's standard buttons come from PySide6's qtbase_zh_CN.qm.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert apply_language("en") is Language.ENGLISH
    assert translate("Tabs", "Test request") == "Test request"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_the_system_choice_follows_the_locale(
    english_after: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert apply_language("system") is Language.SIMPLIFIED_CHINESE
    assert translate("Tabs", "Inspect") == "检查"
    assert choice_label("system") == "跟随系统（简体中文）"


def test_a_damaged_choice_follows_the_system(english_after: None) -> None:
    assert apply_language("klingon") is Language.ENGLISH
    assert translate("Tabs", "Inspect") == "Inspect"


def test_settings_offer_system_english_and_chinese_each_named_in_itself(
    english_after: None,
) -> None:
    assert LANGUAGE_CHOICES == ("system", "en", "zh_CN")
    apply_language("zh_CN")
    assert [choice_label(c) for c in LANGUAGE_CHOICES][1:] == ["English", "简体中文"]


def test_formatted_and_plural_strings_are_made_again_in_the_new_language(
    english_after: None,
) -> None:
    made = translate("ResultBox", "✓ Copied · cleared in {seconds} s").format(seconds=29)
    assert made == "✓ Copied · cleared in 29 s"
    apply_language("zh_CN")
    assert retranslated(made) == "✓ 已复制 · 29 秒后清除"
    assert retranslated("typed by a person") is None


# -- switching in Settings -----------------------------------------------------


def _settings_dialog(window: Any) -> Any:
    from agora_desk.gui.settings_dialog import SettingsDialog

    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    return dialog


def test_choosing_chinese_in_settings_translates_the_open_window_and_keeps_typed_values(
    qtbot: Any, tmp_path: Path, english_after: None
) -> None:
    from _gui_helpers import make_context

    from agora_desk.gui.main_window import MainWindow
    from agora_desk.gui.rtc_tab import RtcTab

    context = make_context(tmp_path)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    rtc = window.show_tab("rtc")
    assert isinstance(rtc, RtcTab)
    rtc.channel.setText("my typed channel")
    assert window.tabs.tabText(4) == "Test request"

    dialog = _settings_dialog(window)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.accept()

    assert context.settings.get("language") == "zh_CN"
    assert window.tabs.tabText(4) == "测试请求"
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert window.profiles_action.text() == "配置(&P)…"
    assert rtc.channel.text() == "my typed channel"
    assert window.statusBar().currentMessage() == "设置已保存"

    dialog = _settings_dialog(window)
    assert dialog.windowTitle() == "设置"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert window.tabs.tabText(4) == "Test request"
    assert window.menuBar().actions()[0].text() == "&File"
    assert rtc.channel.text() == "my typed channel"
    window.close()


def test_the_real_program_starts_in_the_system_language(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "zh_CN.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-m", "agora_desk", "--smoke-test"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "language zh_CN: RTC Token, RTM Token, 更多 Token, Basic 凭证, 测试请求" in result.stderr
    assert "Traceback" not in result.stderr, result.stderr
