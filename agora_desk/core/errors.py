"""Typed errors. Every message is written for the person who has to act on it."""

from __future__ import annotations

from collections.abc import Iterator


class AgoraDeskError(Exception):
    """Base of every error agora-desk raises on purpose."""


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


class UnsupportedTokenError(TokenFormatError):
    """A recognised but unsupported version (we can name it, not decode it)."""

    def __init__(self, version: str, message: str) -> None:
        self.version = version
        super().__init__(message)


def exception_chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and its causes/contexts, each once (chains can loop)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__
