"""What every subcommand shares: one error channel, exit codes, credentials.

Exit codes (docs/cli.md): 0 success, 1 the command ran but a requested
check failed, 2 invalid input or usage. Errors are one line on stderr,
``agora-desk: error: <field>: <problem>``, never a traceback.
"""

from __future__ import annotations

import argparse
import codecs
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any

from agora_desk.core import i18n, jsontext
from agora_desk.core.credentials import Credentials
from agora_desk.core.errors import AgoraDeskError, ExitStatus, InputError
from agora_desk.core.i18n import _

EXIT_OK = ExitStatus.OK
EXIT_CHECK_FAILED = ExitStatus.CHECK_FAILED
EXIT_INVALID = ExitStatus.INVALID


class EnvironmentProblem(AgoraDeskError):
    """Something outside the input is missing (e.g. no keyring) (exit 1)."""

    exit_code = ExitStatus.CHECK_FAILED


def error(message: str) -> None:
    sys.stderr.write(_("agora-desk: error: {message}").format(message=_one_line(message)) + "\n")


def warn(message: str) -> None:
    sys.stderr.write(_("agora-desk: warning: {message}").format(message=_one_line(message)) + "\n")


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


def run_command(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    json_mode = bool(getattr(args, "json", False))
    try:
        if json_mode:
            # What scripts read stays English, its keys and its values ("detail", "error").
            with i18n.speaking(i18n.Language.ENGLISH):
                return func(args)
        return func(args)
    except AgoraDeskError as exc:
        code = exc.exit_code
        if json_mode and code == EXIT_INVALID:
            print_json({"error": _one_line(str(exc))})
        error(str(exc))
        return code
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        # `agora-desk rtc --uid-range ... | head` closes the pipe early: not an error.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK
    except Exception as exc:
        error(
            _("unexpected {name}: {error} (please report this)").format(
                name=type(exc).__name__, error=exc
            )
        )
        return EXIT_INVALID


# More than any token, header or request body; stdin beyond it is a mistake.
STDIN_MAX_BYTES = 4 * 1024 * 1024


def read_stdin_text(field: str, *, strict: bool = True) -> str:
    """stdin as text, whatever the locale; ``strict``: invalid bytes are an error naming
    ``field``, otherwise they survive as surrogates (to be shown as \\xNN).

    Read as bytes: a strict UTF-8 or C locale would otherwise turn one bad
    byte into a UnicodeDecodeError, and an ASCII one refuse any non-ASCII.
    UTF-8 with or without a byte-order mark; UTF-16 when it starts with one,
    which is what Windows PowerShell's ``>`` writes.
    """
    stream = sys.stdin
    if stream is None:
        raise InputError(field, _("stdin is closed; pipe the value in"))
    buffer = getattr(stream, "buffer", None)
    raw = buffer.read(STDIN_MAX_BYTES + 1) if buffer is not None else stream.read().encode()
    if len(raw) > STDIN_MAX_BYTES:
        raise InputError(
            field,
            _("stdin holds more than {value} MiB").format(value=STDIN_MAX_BYTES // (1024 * 1024)),
        )
    utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    try:
        return raw.decode(
            "utf-16" if utf16 else "utf-8-sig", "strict" if strict else "surrogateescape"
        )
    except UnicodeDecodeError as exc:
        problem = (
            _(
                "stdin starts as UTF-16 text but is not whole UTF-16 (byte 0x{raw:02x} at offset {start})"
            )
            if utf16
            else _("stdin is not UTF-8 text (byte 0x{raw:02x} at offset {start})")
        )
        raise InputError(field, problem.format(raw=raw[exc.start], start=exc.start)) from None


def print_json(obj: Any) -> None:
    sys.stdout.write(jsontext.dumps(obj) + "\n")


def print_warnings(messages: Iterable[object]) -> None:
    for message in messages:
        warn(str(message))


def parse_int_option(value: str | None, option: str) -> int | None:
    """Seconds / timestamps / salts: whole numbers with errors naming the option."""
    if value is None:
        return None
    from agora_desk.core.validation import parse_seconds

    return parse_seconds(value, option)


def add_profile_options(parser: argparse.ArgumentParser, *, customer: bool = False) -> None:
    group = parser.add_argument_group(_("credentials"))
    group.add_argument(
        "--profile", metavar="P", help=_("use a saved profile (secrets from the OS keyring)")
    )
    if customer:
        group.add_argument("--customer-id", metavar="ID", help=_("Customer ID (not secret)"))
    else:
        group.add_argument("--app-id", metavar="ID", help=_("App ID (not secret)"))


def credentials_help(customer: bool = False) -> str:
    if customer:
        return _(
            "The Customer Secret comes from --profile (OS keyring), AGORA_CUSTOMER_SECRET, or a no-echo prompt; no option takes it as a value."
        )
    return _(
        "The App Certificate comes from --profile (OS keyring), AGORA_APP_CERTIFICATE, or a no-echo prompt; no option takes it as a value."
    )


def load(args: argparse.Namespace, need: set[str]) -> Credentials:
    """Resolve credentials: --profile → environment → no-echo prompt.

    ``need`` names what must be found: "app_id", "app_certificate",
    "customer_id", "customer_secret". Options given on the command line
    (--app-id, --customer-id) override the profile, with a warning when they differ.
    """
    from agora_desk.secrets.resolve import load_credentials

    creds = load_credentials(
        getattr(args, "profile", None),
        need=need,
        app_id=getattr(args, "app_id", None),
        customer_id=getattr(args, "customer_id", None),
        warn=warn,
    )
    return creds
