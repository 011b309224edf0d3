"""`agora-desk` entry point: with no subcommand it opens the window.

Each subcommand lives in its own module exposing ``register(subparsers)``;
the module is imported only when the command line names it, so that
``agora-desk rtc`` starts without loading Qt, keyring or HTTP libraries.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from agora_desk import __version__
from agora_desk.cli import argparse_text
from agora_desk.core.errors import ExitStatus
from agora_desk.core.i18n import N_, _

# subcommand -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "rtc": ("agora_desk.cli.tokens", N_("build an RTC token (007; --legacy for 006)")),
    "rtm": ("agora_desk.cli.tokens", N_("build an RTM (Signaling) token; --permissions for RTM2")),
    "chat": ("agora_desk.cli.chat", N_("build a Chat token (user or app)")),
    "apaas": ("agora_desk.cli.apaas", N_("build an APaaS (Flexible Classroom) token")),
    "fpa": ("agora_desk.cli.fpa", N_("build an FPA (Full-path Acceleration) token")),
    "convoai": (
        "agora_desk.cli.convoai",
        N_("build a Conversational AI token (RTC + RTM + ConvoAI)"),
    ),
    "stt": ("agora_desk.cli.stt", N_("build a Real-time STT token (RTC + RTM + STT)")),
    "compose": ("agora_desk.cli.compose", N_("build a token with any list of services")),
    "basic": ("agora_desk.cli.basic", N_("build a Basic credential header, or --decode one")),
    "decode": ("agora_desk.cli.decode", N_("decode, verify and diagnose any Agora token")),
    "request": ("agora_desk.cli.request", N_("send a test request to an Agora REST API")),
    "serve": ("agora_desk.cli.serve", N_("run a local token server for app testing")),
    "profile": ("agora_desk.cli.profile", N_("list / add / show / remove saved profiles")),
}


class ArgumentParser(argparse.ArgumentParser):
    """argparse that exits 2 with one line, not the usage block plus a line.

    Its help is laid out in terminal columns (:class:`argparse_text.HelpFormatter`).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse_text.HelpFormatter)
        super().__init__(*args, **kwargs)

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> Any:
        # Python < 3.12 drops "--" from ``--opt=--`` and hands the option an
        # empty list; the value the user typed is "--".
        if arg_strings == ["--"] and action.nargs is None and action.option_strings:
            value = self._get_value(action, "--")
            self._check_value(action, value)
            return value
        return super()._get_values(action, arg_strings)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            # Never echo the values: someone may have typed a secret after an
            # option that does not exist (e.g. --certificate <secret>).
            names = [a.split("=", 1)[0] for a in extras if a.startswith("-")]
            shown = " ".join(names) if names else _("(values not shown)")
            self.error(
                _("unrecognized arguments: {names}; values are not repeated here").format(
                    names=shown
                )
            )
        return parsed

    def error(self, message: str) -> None:  # type: ignore[override]
        if message.endswith(_("expected one argument")):
            option = _OPTION.search(message)
            if option is not None:
                message += _(" (for a value that starts with '-', write {option}=VALUE)").format(
                    option=option.group(0).split("/")[-1]
                )
        from agora_desk.cli.common import error

        error(message)
        raise SystemExit(2)


# The option an argparse error names ("argument -c/--channel: ..."), in any language.
_OPTION = re.compile(r"-[-\w]+(?:/-[-\w]+)*")


def build_parser(only: str | None = None) -> ArgumentParser:
    """The parser, with the full options of ``only`` (the command being run)."""
    argparse_text.install()
    parser = ArgumentParser(
        prog="agora-desk",
        description=_(
            "Build, inspect and test Agora tokens and REST credentials. "
            "With no command, opens the window."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"agora-desk {__version__}",
        help=_("show program's version number and exit"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    # Only the named command's module is imported; --help and --version need none.
    wanted = [only] if only is not None else []
    for module_name in dict.fromkeys(COMMANDS[name][0] for name in wanted):
        importlib.import_module(module_name).register(sub)
    for name, (_module, help_text) in COMMANDS.items():
        if name not in sub.choices:
            # Listed in --help without importing its module (start-up speed).
            sub.add_parser(name, help=_(help_text), add_help=False)
    return parser


def _safe_output() -> None:
    """stdout/stderr never raise on a character the locale cannot encode (C, ASCII, Latin-1).

    A channel name in Chinese decoded in an ASCII terminal prints as ``\\u4e2d``
    instead of ending the command with a UnicodeEncodeError.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or unusual stream: leave it
                pass


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _safe_output()
    command = next((a for a in args_list if not a.startswith("-")), None)
    if not args_list or (
        command is None and not any(a in ("-h", "--help", "--version") for a in args_list)
    ):
        return _run_gui(args_list)
    only = command if command in COMMANDS else None
    parser = build_parser(only)
    args = parser.parse_args(args_list)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    from agora_desk.cli.common import run_command

    return run_command(func, args)


# What Qt needs to find a display on Linux: without any of these it aborts
# (exit 134) with a hint about libxcb-cursor0 that sends people the wrong way.
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
NO_DISPLAY = N_(
    "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set): "
    "run agora-desk in a desktop session, or as 'xvfb-run agora-desk', "
    "or use the command-line commands (agora-desk --help)"
)


def no_display(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """True when the window cannot open: Linux, no display, no Qt platform chosen."""
    if not platform.startswith("linux"):
        return False  # Windows and macOS always have their own platform
    return not any(environ.get(name) for name in DISPLAY_VARIABLES)


def _run_gui(argv: list[str]) -> int:
    # Before Qt is even imported: it would pick a platform and abort.
    if no_display(os.environ):
        from agora_desk.cli.common import error

        error(_(NO_DISPLAY))
        return ExitStatus.INVALID
    from agora_desk.gui.app import run

    return run(argv)


if __name__ == "__main__":
    raise SystemExit(main())
