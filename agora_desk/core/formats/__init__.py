"""Token formats: one module per format, behind one protocol and a registry.

Each format module (:mod:`.v007`, :mod:`.v006`, :mod:`.v005`, :mod:`.older`,
:mod:`.signaling`) holds its parse, build, verify, description (the neutral
:class:`~agora_desk.core.decoded.DecodedToken`) and checks, and exports a
``FORMAT`` (a :class:`~agora_desk.core.formats.base.TokenFormat`). Dispatch goes through
:data:`FORMATS`; nothing outside a format asks which class a token is.
"""

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


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """A parsed token with its format, and its model as decoding alone found it."""

    format: TokenFormat[T]
    token: T
    decoded: DecodedToken

    def check(self, expect: Expectations, now: int) -> Findings:
        return self.format.check(self.token, expect, now)
