"""The core's translation layer: which language, lookups, and catalogues that are complete."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from agora_desk.core import i18n
from agora_desk.core.i18n import Language

ROOT = Path(__file__).resolve().parents[2]
ZH = Language.SIMPLIFIED_CHINESE
EN = Language.ENGLISH


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_tool"] = module
    spec.loader.exec_module(module)
    return module


tool = _tool()


# -- which language -------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, ZH),
        ({"LANG": "zh_CN"}, ZH),
        ({"LANG": "zh_CN.GB18030"}, ZH),
        ({"LANG": "zh.UTF-8"}, ZH),
        ({"LANG": "zh_SG.UTF-8"}, ZH),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_Hans:en"}, ZH),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh-Hans-CN"}, ZH),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "fr:zh_CN"}, ZH),  # no French: the next one
        ({"LANG": "zh_CN.UTF-8", "LANGUAGE": "en"}, EN),
        ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, EN),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, ZH),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, ZH),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, EN),
        # As GNU gettext: LANGUAGE counts only when the locale is not C.
        ({"LANG": "C.UTF-8", "LANGUAGE": "zh_CN"}, EN),
        ({"LANGUAGE": "zh_CN"}, EN),
        ({"LANG": "zh_TW.UTF-8"}, EN),  # Traditional: no catalogue, English
        ({"LANG": "zh_HK.UTF-8"}, EN),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_Hant"}, EN),
        ({"LANG": "de_DE.UTF-8"}, EN),
        ({"LANG": "POSIX"}, EN),
        ({}, EN),
    ],
)
def test_system_language(environ: dict[str, str], expected: Language) -> None:
    assert i18n.system_language(environ) is expected


def test_set_language_overrides_the_system_until_system_is_chosen_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert i18n.active_language() is ZH
    assert i18n.set_language("en") is EN
    assert i18n._("show this help message and exit") == "show this help message and exit"
    assert i18n.set_language("system") is ZH
    assert i18n._("show this help message and exit") == "显示此帮助信息并退出"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert i18n.active_language() is ZH  # the environment is read once ...
    assert i18n.set_language("system") is EN  # ... and again when "system" is chosen
    assert i18n.set_language("zh_CN") is ZH
    assert i18n.set_language(EN) is EN


def test_set_language_refuses_a_language_without_a_catalogue() -> None:
    with pytest.raises(ValueError, match="fr"):
        i18n.set_language("fr")
    assert i18n.active_language() is EN


def test_native_names() -> None:
    assert [lang.native_name for lang in Language] == ["English", "简体中文"]


def test_plurals_and_deferred_strings() -> None:
    pair = ("expected %s argument", "expected %s arguments")
    assert i18n.N_plural(*pair) == pair
    assert i18n.N_("usage: ") == "usage: "  # marks only
    assert [i18n.ngettext(*pair, n) for n in (1, 2)] == list(pair)
    i18n.set_language("zh_CN")
    assert i18n.ngettext(*pair, 1) == i18n.ngettext(*pair, 5) == "需要 %s 个参数"
    assert i18n._("usage: ") == "用法："
    assert i18n._("") == ""  # not the catalogue header


def test_english_is_the_source_text_even_without_a_catalogue(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    monkeypatch.setattr(i18n, "_catalogues", {})
    i18n.set_language("zh_CN")
    assert i18n._("usage: ") == "usage: "


# -- the catalogues ---------------------------------------------------------------


@pytest.fixture(scope="module")
def template() -> object:
    """The strings extracted from the package (seconds of work: once per module)."""
    return tool.extract()


def test_every_catalogue_is_complete_current_and_compiled(template: object) -> None:
    assert tool.languages() == ["zh_CN"]
    assert tool.problems("zh_CN", template) == []


def test_no_marked_string_is_built_at_run_time(tmp_path: Path) -> None:
    assert list(tool.built_strings()) == []
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text(
        'from agora_desk.core.i18n import _\nx = _(f"Channel {c}")\ny = _("a " + "b")\nz = _("ok")\n'
    )
    assert [line.split(": ")[0] for line in tool.built_strings(tmp_path / "pkg")] == [
        "pkg/m.py:2",
        "pkg/m.py:3",
    ]


@pytest.fixture
def copy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The catalogues copied aside, for the checker to find damage in."""
    shutil.copytree(tool.LOCALE_DIR, tmp_path / "locale")
    monkeypatch.setattr(tool, "LOCALE_DIR", tmp_path / "locale")
    return tool.po_path("zh_CN")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_check_finds_a_missing_entry(copy: Path, template: object) -> None:
    _edit(copy, 'msgid "usage: "', 'msgid "usage:: "')
    found = tool.problems("zh_CN", template)
    assert any("no entry for 'usage: '" in p for p in found)
    assert any("obsolete entry 'usage:: '" in p for p in found)


def test_the_check_finds_a_dropped_placeholder(copy: Path, template: object) -> None:
    _edit(copy, "参数 %(argument_name)s", "参数")
    tool.compile_all()
    (problem,) = tool.problems("zh_CN", template)
    assert "placeholders differ" in problem and "argument_name" in problem


def test_the_check_finds_an_untranslated_entry_and_a_stale_mo(copy: Path, template: object) -> None:
    _edit(copy, 'msgstr "用法："', 'msgstr ""')
    found = tool.problems("zh_CN", template)
    assert "zh_CN: 'usage: ' is not translated" in found
    assert any("is not compiled from the .po" in p for p in found)


@pytest.mark.parametrize(
    ("text", "named", "positional"),
    [
        ("Channel {channel} and {uid}", {"{channel}", "{uid}"}, ()),
        ("%(prog)s: %s and %r, 100%%", {"%(prog)s"}, ("%s", "%r")),
        ("{count:,} bytes", {"{count:,}"}, ()),
        ("plain", set(), ()),
    ],
)
def test_placeholders(text: str, named: set[str], positional: tuple[str, ...]) -> None:
    assert tool.placeholders(text) == (frozenset(named), positional)


def test_speaking_fixes_the_language_for_a_block_and_this_thread_only() -> None:
    import threading

    i18n.set_language("zh_CN")
    with i18n.speaking(EN):
        assert i18n._("usage: ") == "usage: "
        seen: list[str] = []
        worker = threading.Thread(target=lambda: seen.append(i18n._("usage: ")))
        worker.start()
        worker.join()
        assert seen == ["用法："]  # another thread keeps the chosen language
    assert i18n._("usage: ") == "用法："


def test_a_translated_table_reads_in_the_active_language() -> None:
    table = i18n.Translated({"id": i18n.N_("usage: ")})
    assert dict(table) == {"id": "usage: "} and len(table) == 1
    i18n.set_language("zh_CN")
    assert table["id"] == "用法："


def test_rest_descriptions_json_problems_and_failures_come_in_chinese() -> None:
    from agora_desk.core import rest
    from agora_desk.core.rest.jsonbody import parse_json_text
    from agora_desk.core.rest.model import FailureKind
    from agora_desk.core.rest.tokens import channel_plan, convoai_plan
    from agora_desk.core.rest.view import json_tree

    params = rest.PresetParams(channel="demo", agent_uid="1001", enable_rtm=True)
    english = channel_plan(params).describe()
    assert english == "RTC token for channel 'demo', uid 1001 + RTM login for '1001'"
    assert str(parse_json_text('{"a" 1}')[1]) == (
        "invalid JSON at line 1, column 6: ':' is expected here"
    )
    i18n.set_language("zh_CN")
    assert (
        channel_plan(params).describe() == "频道 'demo'、uid 1001 的 RTC Token + '1001' 的 RTM 登录"
    )
    assert (
        convoai_plan(params)
        .describe()
        .startswith("频道 'demo'、uid 1001 的对话式 AI 引擎智能体 Token")
    )
    assert str(parse_json_text("[" * 100_000)[1]) == "JSON 无效，第 1 行第 1 列：嵌套层级过深"
    assert str(parse_json_text('{"a" 1}')[1]) == "JSON 无效，第 1 行第 6 列：此处应为 ':'"
    assert FailureKind.REFUSED.label == "被拒绝"
    assert json_tree(list(range(5000)), "body").children[-1].value == "另有 3001 项未显示"
    assert json_tree({str(k): k for k in range(5000)}).children[-1].value == "更多内容未显示"


def test_basic_credential_problems_come_in_chinese() -> None:
    from agora_desk.core.basic import check_customer_id, parse_header
    from agora_desk.core.errors import InputError

    i18n.set_language("zh_CN")
    with pytest.raises(InputError) as bad:
        parse_header("Basic ###")
    assert bad.value.problem == "'Basic' 之后的部分不是有效的 base64"
    with pytest.raises(InputError) as other:
        parse_header("Bearer x")
    assert other.value.problem == "不是以 'Basic ' 开头（声网 Basic 认证的方案名）"
    assert [i.message for i in check_customer_id("x y")] == ["第 2 个字符是空格，不允许使用"]
    assert [i.message for i in check_customer_id("")] == ["为空；请从声网控制台 → RESTful API 复制"]


def test_a_time_as_the_window_writes_it_takes_chinese_parentheses() -> None:
    from agora_desk.core import timefmt

    ts, now = 1_800_000_000, 1_800_000_000 - 3600
    local = timefmt.local(ts)
    assert timefmt.local_first(ts, now) == f"{local} (expires in 1 h)"
    with i18n.speaking(Language.SIMPLIFIED_CHINESE):
        assert timefmt.local_first(ts, now) == f"{local}（1 小时后过期）"


def test_a_composed_template_says_what_its_pieces_say() -> None:
    # The outer template's literal braces stay literal; a part's placeholders stay open.
    outer = "{{x}} {verb}: {details} {{"
    whole = i18n.composed(outer, verb=i18n.literal("ends {soon}"), details="{a!r}, {b}")
    assert whole.format(a="{q}", b=1) == "{x} ends {soon}: '{q}', 1 {"
    assert whole.format(a="{q}", b=1) == outer.format(
        verb="ends {soon}", details="{a!r}, {b}".format(a="{q}", b=1)
    )


@pytest.mark.parametrize(
    "template",
    [
        "{b} in {a!r}, 100% {{sure}}",
        "only {a!s}",
        "no placeholder, 5%",
        "{a:>6} has a format spec",
        "{c} is not a field",
    ],
)
def test_a_filler_fills_as_format_does(template: str) -> None:
    fields = ("a", "b")
    values: tuple[object, ...] = ("x'y", 7)
    fill = i18n.filler(template, fields)
    if "{c}" in template:
        with pytest.raises(KeyError):
            fill(values)
    else:
        assert fill(values) == template.format(a="x'y", b=7)
