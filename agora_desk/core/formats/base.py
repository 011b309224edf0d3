"""What a token format provides: one small record of its functions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from agora_desk.core.checks import Expectations, Findings
from agora_desk.core.decoded import DecodedToken

T = TypeVar("T")


@dataclass(frozen=True)
class TokenFormat(Generic[T]):
    """A format's entry in the registry; ``T`` is its parsed token type."""

    version: str  # the prefix, or a name ("signaling", "001-004")
    # Where the base64 part starts (to repair lost '=' padding); None: not base64.
    base64_from: int | None
    claims: Callable[[str], bool]  # is the (cleaned) text meant to be this format?
    parse: Callable[[str], T]  # raises TokenFormatError
    describe: Callable[[T], DecodedToken]  # a fresh model, never shared
    # (token, expectations, now): every check but the signature, which needs no certificate
    check: Callable[[T, Expectations, int], Findings]
    # (token, expectations): the signature against ``expectations.certificate`` alone, so a
    # search over saved certificates runs only this per candidate
    signature: Callable[[T, Expectations], Findings]
    # Of the base64-decoded bytes, how many the token itself uses (None: not a whole token),
    # so text pasted after a token is told apart from a token cut short. None: not known.
    content_length: Callable[[bytes], int | None] | None = None


def prefixed(
    version: str,
    parse: Callable[[str], T],
    describe: Callable[[T], DecodedToken],
    check: Callable[[T, Expectations, int], Findings],
    signature: Callable[[T, Expectations], Findings],
    *,
    base64_from: int | None = None,
    content_length: Callable[[bytes], int | None] | None = None,
) -> TokenFormat[T]:
    """A format whose tokens start with ``version``; base64 follows it unless told otherwise."""
    return TokenFormat(
        version=version,
        base64_from=len(version) if base64_from is None else base64_from,
        claims=lambda token: token.startswith(version),
        parse=parse,
        describe=describe,
        check=check,
        signature=signature,
        content_length=content_length,
    )
