"""The command line in Simplified Chinese when the system asks for it, English otherwise."""

from __future__ import annotations

import argparse
import json
import re
import signal
import socket
import time
from pathlib import Path

import pytest
from _cli_process import CliProcess
from _inspect_helpers import rtc_token
from _server_helpers import call
from babel.messages.extract import extract_python
from credentials import APP_ID, CERT

from agora_desk.cli import argparse_text, main
from agora_desk.core import i18n

ZH = {"LANG": "zh_CN.UTF-8"}


def test_our_catalogue_has_every_message_of_this_pythons_argparse() -> None:
    with open(argparse.__file__, "rb") as source:
        found = {
            message if isinstance(message, str) else message[0]
            for _, _, message, _ in extract_python(source, {"_": None, "ngettext": (1, 2)}, [], {})
            if message is not None and message != (None, None)
        }
    ours = {*argparse_text.ARGPARSE_MESSAGES, *argparse_text.DEVELOPER_MESSAGES}
    ours |= {pair[0] for pair in argparse_text.PLURAL_MESSAGES}
    assert found - ours == set()


def test_help_follows_lang(cli: CliProcess) -> None:
    zh = cli.run("--help", env=cli.env(**ZH))
    assert zh.returncode == 0, zh.stderr
    assert zh.stdout.startswith("用法：agora-desk [-h]")
    assert "\n选项:\n" in zh.stdout
    assert "显示此帮助信息并退出" in zh.stdout
    assert "解析、校验并诊断任意声网 Token" in zh.stdout
    assert "--version" in zh.stdout  # option names stay
    en = cli.run("--help", env=cli.env(LANG="C"))
    assert en.stdout.startswith("usage: agora-desk [-h]")
    assert "show this help message and exit" in en.stdout
    assert "decode, verify and diagnose any Agora token" in en.stdout
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in en.stdout)
    us = cli.run("--help", env=cli.env(LANG="en_US.UTF-8", LANGUAGE="en_US"))
    assert us.stdout == en.stdout


def test_a_usage_error_is_chinese_and_still_hides_values(cli: CliProcess) -> None:
    result = cli.run("decode", "--nope=s3cret-value", "x", env=cli.env(**ZH))
    assert result.returncode == 2
    assert result.stderr == "agora-desk：错误：无法识别的参数：--nope；此处不重复显示其值\n"
    assert "s3cret" not in result.stderr


def test_a_missing_option_value_gets_its_hint_in_chinese(cli: CliProcess) -> None:
    result = cli.run("rtc", "--channel", env=cli.env(**ZH))
    assert result.returncode == 2
    assert "参数 --channel：需要一个参数值" in result.stderr
    assert "（值以“-”开头时，请写成 --channel=VALUE）" in result.stderr
    english = cli.run("rtc", "--channel", env=cli.env(LANG="C"))
    assert "expected one argument (for a value that starts with '-', write --channel=VALUE)" in (
        english.stderr
    )


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize(
    ("command", "chinese", "options", "english"),
    [
        (
            "rtc",
            (
                "生成 RTC Token。标准输出只输出 Token；警告输出到标准错误。",
                "频道名（以 - 开头的名称请写成 --channel=-x）",
                "App 证书来自 --profile（系统密钥环）",
            ),
            ("--channel", "--uid", "--account", "--expire", "--profile", "--json"),
            "Build an RTC token. Prints the token alone on stdout",
        ),
        (
            "request",
            ("用声网 RESTful API 的某种认证方式发送请求", "预设选项", "连接失败时"),
            ("--preset", "--auth", "--base-url", "--failover", "--curl", "--json"),
            "Send a request to Agora's REST API with one of its authentication schemes",
        ),
    ],
)
def test_help_is_chinese_and_keeps_option_names(
    cli: CliProcess, command: str, chinese: tuple[str, ...], options: tuple[str, ...], english: str
) -> None:
    zh = cli.run(command, "--help", env=cli.env(**ZH))
    assert zh.returncode == 0, zh.stderr
    unwrapped = "".join(zh.stdout.split())  # a Chinese line may break between two characters
    for text in chinese:
        assert "".join(text.split()) in unwrapped
    for option in options:
        assert option in zh.stdout
    en = cli.run(command, "--help", env=cli.env(LANG="C"))
    assert english in en.stdout
    assert not _cjk(en.stdout)


def test_a_validation_error_is_chinese(cli: CliProcess) -> None:
    env = cli.env(**ZH, AGORA_APP_CERTIFICATE=CERT)
    bad_id = cli.run("rtc", "--app-id", APP_ID[:-1], "--channel", "demo", env=env)
    assert bad_id.returncode == 2
    assert bad_id.stderr == "agora-desk：错误：App ID: 必须是 32 个十六进制字符，实际为 31 个\n"
    bad_uid = cli.run("rtc", "--app-id", APP_ID, "--channel", "demo", "--uid", "-1", env=env)
    assert bad_uid.returncode == 2
    assert "不是整数" in bad_uid.stderr or "超出范围" in bad_uid.stderr, bad_uid.stderr
    english = cli.run("rtc", "--app-id", APP_ID[:-1], "--channel", "demo",
                      env=cli.env(LANG="C", AGORA_APP_CERTIFICATE=CERT))  # fmt: skip
    assert (
        english.stderr == "agora-desk: error: App ID: must be 32 hexadecimal characters, got 31\n"
    )


def test_decode_speaks_chinese_to_people_and_english_to_scripts(cli: CliProcess) -> None:
    token = rtc_token(issued_at=int(time.time()), expire=600)
    env = cli.env(**ZH, AGORA_APP_CERTIFICATE=CERT)
    human = cli.run("decode", "--channel", "other", "--uid", "42", token, env=env)
    assert human.returncode == 1
    first = human.stdout.splitlines()[0]
    assert first == "会被拒绝：为频道 'demo' 生成，而不是 'other' → 错误 110"
    assert "  [FAIL] 频道：为频道 'demo' 生成，而不是 'other'" in human.stdout
    scripted = cli.run("decode", "--channel", "other", "--uid", "42", "--json", token, env=env)
    assert scripted.returncode == 1
    data = json.loads(scripted.stdout)
    assert not _cjk(scripted.stdout)
    assert (
        data["verdict"]["summary"] == "Rejected: built for channel 'demo', not 'other' → error 110"
    )
    assert {c["name"] for c in data["checks"]} >= {"channel", "uid", "signature"}
    # The English run prints what it always printed.
    english = cli.run("decode", "--channel", "other", "--uid", "42", token,
                      env=cli.env(LANG="C", AGORA_APP_CERTIFICATE=CERT))  # fmt: skip
    assert english.stdout.splitlines()[0] == data["verdict"]["summary"]


def test_a_missing_certificate_is_explained_in_chinese(cli: CliProcess) -> None:
    result = cli.run("rtc", "--app-id", APP_ID, "--channel", "demo", env=cli.env(**ZH))
    assert result.returncode == 2
    assert result.stderr.startswith("agora-desk：错误：App 证书: 未提供：请")
    assert "AGORA_APP_CERTIFICATE" in result.stderr


def test_a_request_validation_error_is_chinese(cli: CliProcess) -> None:
    zh = cli.run("request", "--timeout", "soon", "GET", "/dev/v1/projects", env=cli.env(**ZH))
    assert zh.returncode == 2
    assert zh.stderr == "agora-desk：错误：--timeout: 'soon' 不是秒数\n"
    en = cli.run("request", "--timeout", "soon", "GET", "/dev/v1/projects",
                 env=cli.env(LANG="C"))  # fmt: skip
    assert en.stderr == "agora-desk: error: --timeout: 'soon' is not a number of seconds\n"


def test_a_rest_core_error_is_chinese(cli: CliProcess) -> None:
    """Made in core/rest (the environment table), not in the CLI."""
    zh = cli.run("request", "--env", "mars", "GET", "/dev/v1/projects", env=cli.env(**ZH))
    assert zh.returncode == 2
    assert zh.stderr.startswith("agora-desk：错误：--env: 'mars' 不是环境名；请使用 production")
    en = cli.run("request", "--env", "mars", "GET", "/dev/v1/projects", env=cli.env(LANG="C"))
    assert en.stderr.startswith("agora-desk: error: --env: 'mars' is not an environment; use ")


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def test_a_transport_error_is_chinese_for_people_and_english_in_json(cli: CliProcess) -> None:
    url = f"https://127.0.0.1:{_closed_port()}"
    zh = cli.run("request", "--base-url", url, "GET", "/x", env=cli.env(**ZH))
    assert zh.returncode == 1
    assert "拒绝了连接" in zh.stderr
    assert "连接被拒绝：该主机和端口上没有服务在监听" in zh.stderr
    scripted = cli.run("request", "--json", "--base-url", url, "GET", "/x", env=cli.env(**ZH))
    data = json.loads(scripted.stdout)
    assert data["kind"] == "refused"
    assert data["error"].endswith("refused the connection")
    assert data["explanation"].startswith("Connection refused: nothing listens")
    assert not _cjk(scripted.stdout)


def test_chinese_rtc_help_fits_an_80_column_terminal(cli: CliProcess) -> None:
    """argparse counts a Chinese character as one column; a terminal shows it in two."""
    zh = cli.run("rtc", "--help", env=cli.env(**ZH, COLUMNS="80"))
    assert zh.returncode == 0, zh.stderr
    widths = {line: argparse_text.display_width(line) for line in zh.stdout.splitlines()}
    assert max(widths.values()) <= 80, [line for line, w in widths.items() if w > 80]
    # The wrapped usage lines start under the first option, after the wide prefix.
    usage = zh.stdout.split("\n\n")[0].splitlines()
    assert usage[0].startswith("用法：agora-desk rtc [-h]")
    first_option = argparse_text.display_width(usage[0][: usage[0].index("[-h]")])
    assert all(line[:first_option].isspace() and line[first_option] == "[" for line in usage[1:])
    # Nothing is lost to the wrapping: the same words, only the line breaks differ.
    assert "".join(zh.stdout.split()).count("AGORA_APP_CERTIFICATE_SECONDARY") == 1


@pytest.mark.parametrize("command", sorted(main.COMMANDS))
def test_every_chinese_help_fits_60_columns(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    i18n.set_language("zh_CN")
    with pytest.raises(SystemExit):
        main.build_parser(command).parse_args([command, "--help"])
    shown = capsys.readouterr().out
    assert _cjk(shown)
    too_wide = [line for line in shown.splitlines() if argparse_text.display_width(line) > 60]
    assert too_wide == []


def test_wrap_measures_columns_and_keeps_chinese_punctuation_off_a_line_start() -> None:
    wrap = argparse_text.wrap
    assert argparse_text.display_width("频道 ab") == 7
    assert wrap("频道名（可选）。", 6) == ["频道名", "（可", "选）。"]
    lines = wrap("一二三四五，六七", 10)
    assert lines == ["一二三四", "五，六七"]  # the comma stays with the character before it
    assert wrap("（注意）文本", 4) == ["（注", "意）", "文本"]
    assert wrap("use --channel=NAME here", 10) == ["use", "--channel=", "NAME here"]
    assert wrap("令牌 Token 令牌", 8) == ["令牌", "Token 令", "牌"]
    assert all(argparse_text.display_width(x) <= 7 for x in wrap("很长的中文句子没有空格" * 3, 7))


# ASCII punctuation touching a Chinese character: "频道: 为", "'demo', uid" before "的".
_ASCII_BESIDE_CHINESE = re.compile(r"[\u4e00-\u9fff] ?[,:;()]|[,:;()] ?[\u4e00-\u9fff]|', ")


def test_the_chinese_verdict_checks_and_report_use_chinese_punctuation(cli: CliProcess) -> None:
    token = rtc_token(issued_at=int(time.time()), expire=600)
    env = cli.env(**ZH, AGORA_APP_CERTIFICATE=CERT)
    valid = cli.run("decode", "--channel", "demo", "--uid", "42", token, env=env)
    assert valid.returncode == 0, valid.stderr
    lines = valid.stdout.splitlines()
    assert lines[0].startswith("有效的频道 'demo'、uid 42 的 RTC 主播 Token；")
    assert "  [ok  ] 频道：为频道 'demo' 生成" in lines
    assert "版本：007（AccessToken2）" in lines
    report = cli.run("decode", "--report", "--channel", "other", token, env=env)
    assert report.returncode == 1
    assert "  [FAIL] 频道：为频道 'demo' 生成，而不是 'other'" in report.stdout
    assert "服务 1 RTC：channel_name 'demo', uid '42'" in report.stdout  # field names are code
    for text in (valid.stdout, report.stdout.replace("channel_name 'demo', uid", "")):
        assert [line for line in text.splitlines() if _ASCII_BESIDE_CHINESE.search(line)] == []
    # English prints what it always printed.
    english = cli.run("decode", "--channel", "demo", "--uid", "42", token,
                      env=cli.env(LANG="C", AGORA_APP_CERTIFICATE=CERT))  # fmt: skip
    assert english.stdout.startswith("Valid RTC publisher token for channel 'demo', uid 42; ")
    assert "  [ok  ] channel: built for channel 'demo'" in english.stdout.splitlines()
    assert "version: 007 (AccessToken2)" in english.stdout.splitlines()


def test_a_bad_role_is_chinese_for_people(cli: CliProcess) -> None:
    env = cli.env(**ZH, AGORA_APP_CERTIFICATE=CERT)
    zh = cli.run("rtc", "--app-id", APP_ID, "--channel", "demo", "--role", "boss", env=env)
    assert zh.returncode == 2
    assert zh.stderr == (
        "agora-desk：错误：role: 'boss' 不是角色；请使用 publisher（1，主播）或 subscriber（2，观众）\n"
    )


@pytest.mark.parametrize(
    ("spec", "chinese"),
    [
        ('{"services": [{"type": "nope"}]}', "services[0].type: 'nope' 不是服务类型（1 RTC, 2 RTM"),
        ('{"services": []}', "services: 为空；Token 至少需要一个服务"),
        ('{"services": [{"type": "rtc", "foo": 1}]}', "services[0].foo: 不是 RTC 的字段（"),
        (
            '{"services": [{"type": "rtm2", "permissions": {"x": {}}}]}',
            "services[0].permissions: 'x' 不是资源类型（0 messageChannels",
        ),
    ],
)
def test_compose_and_permission_errors_are_chinese(
    cli: CliProcess, spec: str, chinese: str
) -> None:
    env = cli.env(**ZH, AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)
    result = cli.run("compose", "-", env=env, input=spec)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("agora-desk：错误：" + chinese), result.stderr


def test_a_token_cut_short_inside_its_fields_is_explained_in_chinese(cli: CliProcess) -> None:
    zh = cli.run("decode", "005abc", env=cli.env(**ZH))
    assert zh.returncode == 2
    assert "005 密钥被截断：签名的长度需要偏移 2 处的 2 个字节，只剩 0 个" in zh.stderr, zh.stderr
    en = cli.run("decode", "005abc", env=cli.env(LANG="C"))
    assert (
        "the 005 key is cut short: the length of the signature needs 2 bytes at offset 2, "
        "only 0 left" in en.stderr
    ), en.stderr


def test_a_damaged_profiles_file_is_explained_in_chinese(cli: CliProcess) -> None:
    cli.config_dir.mkdir(parents=True, exist_ok=True)
    (cli.config_dir / "profiles.json").write_text('{"profiles": {"a": }', encoding="utf-8")
    zh = cli.run("profile", "list", env=cli.env(**ZH))
    assert zh.returncode == 1
    assert "不是有效的 JSON：第 1 行第 20 列（此处应为一个值）。未做任何更改" in zh.stderr, (
        zh.stderr
    )


def test_a_missing_customer_secret_is_explained_in_chinese(cli: CliProcess) -> None:
    zh = cli.run("basic", "--customer-id", "someone", env=cli.env(**ZH), input="")
    assert zh.returncode == 2
    assert zh.stderr.startswith("agora-desk：错误：客户密钥"), zh.stderr


def test_the_token_servers_answers_stay_english_under_a_chinese_desktop(cli: CliProcess) -> None:
    """The app under test reads them, and its developers search for them (docs/cli.md)."""
    env = cli.env(**ZH, AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)
    proc = cli.start("serve", "--port", "0", env=env)
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        role = call(url, "POST", "/fetch_rtc_token", {"channel": "demo", "uid": 5, "role": "boss"})
        uid = call(url, "GET", "/rtc/demo/publisher/uid/99999999999/")
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert role.status == 400
    assert role.json()["error"] == (
        "role: 'boss' is not a role; use publisher (1) or subscriber (2)"
    )
    assert uid.json()["error"].startswith("uid: 99999999999 is out of range: a uid is 0 to ")
    assert "role: 'boss' is not a role" in err  # the log line shows what the app got
    assert "Token 服务器已停止" in err  # what people read stays Chinese


def test_a_file_that_cannot_be_read_is_explained_in_chinese(
    cli: CliProcess, tmp_path: Path
) -> None:
    """The C library's English reason (Python reads it in the C locale) comes translated."""
    missing = str(tmp_path / "spec.json")
    env = cli.env(**ZH, AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=CERT)
    zh = cli.run("compose", missing, env=env)
    assert zh.returncode == 2
    assert zh.stderr == f"agora-desk：错误：SPEC: 无法读取 {missing!r}：没有那个文件或目录\n"
    folder = cli.run("compose", str(tmp_path), env=env)
    assert folder.stderr.endswith("：是一个目录\n"), folder.stderr
    en = cli.run("compose", missing, env=cli.env(LANG="C", AGORA_APP_ID=APP_ID))
    assert (
        en.stderr
        == f"agora-desk: error: SPEC: cannot read {missing!r}: No such file or directory\n"
    )
