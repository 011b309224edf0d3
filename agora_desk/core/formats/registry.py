"""The registry of token formats: which format claims a token (see the package docstring)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from agora_desk.core.checks import Expectations, Findings
from agora_desk.core.decoded import DecodedToken
from agora_desk.core.formats import older, signaling, v005, v006, v007_checks
from agora_desk.core.formats.base import TokenFormat

T = TypeVar("T")

# Order matters only where prefixes overlap: none do.
FORMATS: tuple[TokenFormat[Any], ...] = (
    v007_checks.FORMAT,
    v006.FORMAT,
    v005.FORMAT,
    older.FORMAT,
    signaling.FORMAT,
)


def format_for(token: str) -> TokenFormat[Any] | None:
    for fmt in FORMATS:
        if fmt.claims(token):
            return fmt
    return None


@dataclass(frozen=True, init=False)
class Parsed(Generic[T]):
    """A parsed token with its format, and its model as decoding alone found it."""

    format: TokenFormat[T]
    token: T
    decoded: DecodedToken

    def __init__(self, format: TokenFormat[T], token: T, decoded: DecodedToken) -> None:
        stored = self.__dict__  # one per decode: see decoded.Check
        stored["format"] = format
        stored["token"] = token
        stored["decoded"] = decoded

    def checks_but_signature(self, expect: Expectations, now: int) -> Findings:
        return self.format.check(self.token, expect, now)

    def signature(self, expect: Expectations) -> Findings:
        """The signature check alone (cheap: one candidate certificate of a search)."""
        return self.format.signature(self.token, expect)
