"""The command line in Simplified Chinese when the system asks for it, English otherwise."""

from __future__ import annotations

import argparse

from _cli_process import CliProcess
from babel.messages.extract import extract_python

from agora_desk.cli import argparse_text

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
    assert result.stderr.startswith("agora-desk: ")
    assert "无法识别的参数：--nope；此处不重复显示其值" in result.stderr
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
