"""Typed errors. Every message is written for the person who has to act on it."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from enum import IntEnum
from typing import ClassVar

from agora_desk.core.i18n import N_, Translated


class ExitStatus(IntEnum):
    """The CLI's exit statuses (``docs/cli.md``); each error class names its own."""

    OK = 0
    # The command ran but a requested check failed, or something outside the
    # input is in the way (no keyring, a damaged profiles file).
    CHECK_FAILED = 1
    # Invalid input or usage: the command did not run.
    INVALID = 2
    INTERRUPTED = 130  # Ctrl+C, as shells report SIGINT


class AgoraDeskError(Exception):
    """Base of every error agora-desk raises on purpose."""

    exit_code: ClassVar[ExitStatus] = ExitStatus.INVALID


class InputError(AgoraDeskError, ValueError):
    """A value the user gave cannot be used (bad App ID, uid out of range ...)."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


class TokenFormatError(AgoraDeskError, ValueError):
    """The bytes are not a well-formed token of the version they claim to be."""


class TruncatedError(TokenFormatError):
    """A length or fixed-size field runs past the end of the data."""


def exception_chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and its causes/contexts, each once (chains can loop)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


# What the C library says for the errors files and folders give (Python reads its English
# text: the process runs in the C locale for messages), in the active language.
_OS_REASONS = Translated(
    {
        errno.ENOENT: N_("No such file or directory"),
        errno.EACCES: N_("Permission denied"),
        errno.EPERM: N_("Operation not permitted"),
        errno.EISDIR: N_("Is a directory"),
        errno.ENOTDIR: N_("Not a directory"),
        errno.EEXIST: N_("File exists"),
        errno.ENOSPC: N_("No space left on device"),
        errno.EROFS: N_("Read-only file system"),
        errno.ENAMETOOLONG: N_("File name too long"),
        errno.ELOOP: N_("Too many levels of symbolic links"),
        errno.EIO: N_("Input/output error"),
        errno.EBUSY: N_("Device or resource busy"),
    }
)


def os_reason(exc: OSError) -> str:
    """Why a file or folder could not be used ("No such file or directory"), for a message."""
    if exc.errno is not None and exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    return exc.strerror or str(exc)
