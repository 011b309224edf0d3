"""How a failure reaches the person: our typed errors as messages, bugs to the exception hook."""

from __future__ import annotations

import sys

from agora_desk.core.errors import AgoraDeskError
from agora_desk.gui.translation import translate


def report_unexpected(exc: BaseException) -> None:
    """Hand an unexpected exception to the exception hook (it shows the dialog)."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


def error_message(exc: BaseException) -> str | None:
    """The message of one of our typed errors (written to be shown); None for a bug."""
    return str(exc) if isinstance(exc, AgoraDeskError) else None


def failure_message(exc: BaseException, doing: str) -> str:
    """What to tell the person about a failed job; a bug also goes to the exception hook."""
    message = error_message(exc)
    if message is None:
        report_unexpected(exc)
        message = translate("Reporting", "{doing} failed unexpectedly ({error})").format(
            doing=doing, error=type(exc).__name__
        )
    return message
