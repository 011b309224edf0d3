"""Keeping credentials out of what is shown, logged or saved: the one home of those rules.

Two kinds of knowledge meet here. *Patterns* recognise a credential nobody
told us about (a token in a traceback, a 32-hex certificate in a log line,
the value after ``Basic``); *known* secrets are the ones this request or
session carries, replaced wherever they occur. Headers and JSON keys named
like credentials are hidden whatever their value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, Final

from agora_desk.core.secret import Secret

REDACTED: Final = "<redacted>"

# A token: 005/006/007 and at least 16 characters of (URL-safe) base64.
# The look-behind keeps "x007..." inside a longer word from matching; after a
# "/" it matches, so a token in a URL path is caught.
TOKEN_RE: Final = re.compile(r"(?<![A-Za-z0-9+])00[5-7][A-Za-z0-9+/=_-]{16,}")
# An App ID or an App Certificate: exactly 32 hex digits.
HEX32_RE: Final = re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{32}(?![0-9A-Fa-f])")
# The credential after an HTTP auth scheme name ("Basic abc=", "Bearer x.y").
SCHEME_VALUE_RE: Final = re.compile(r"(?i)\b(basic|bearer)(\s+)[A-Za-z0-9+/=._~-]{4,}")

# Headers whose value is a credential whoever typed them.
SENSITIVE_HEADERS: Final = frozenset(
    {"authorization", "proxy-authorization", "x-agora-token", "cookie", "set-cookie"}
)
# JSON keys whose values are credentials (an LLM api_key in a ConvoAI body,
# the agent's join token, a recorder's storage secret ...).
SENSITIVE_KEYS: Final = frozenset(
    {
        "token",
        "api_key",
        "apikey",
        "key",
        "secret",
        "secretkey",
        "password",
        "access_token",
        "accesskey",
        "authorization",
    }
)
# Known secrets shorter than this match ordinary text by accident.
MIN_SCAN_LENGTH: Final = 8


def _revealed(secrets: Iterable[Secret | str]) -> list[str]:
    return [s.reveal() if isinstance(s, Secret) else s for s in secrets]


def redact_text(text: str, known: Iterable[Secret | str] = ()) -> str:
    """``text`` without known secrets, tokens, Basic/Bearer credentials and 32-hex strings.

    Tokens go before hex strings: a 006 token contains a 32-hex App ID that
    the hex pattern would otherwise cut out of its middle.
    """
    for secret in sorted((s for s in _revealed(known) if len(s) >= 4), key=len, reverse=True):
        text = text.replace(secret, "<redacted secret>")
    text = TOKEN_RE.sub("<redacted token>", text)
    text = SCHEME_VALUE_RE.sub(r"\1\2<redacted>", text)
    return HEX32_RE.sub("<redacted hex>", text)


def abbreviate_secrets(text: str) -> str:
    """Tokens and 32-hex strings cut to their first six characters: enough to tell them apart."""

    def cut(match: re.Match[str]) -> str:
        return match.group(0)[:6] + "…"

    return HEX32_RE.sub(cut, TOKEN_RE.sub(cut, text))


def scrub(text: str, secrets: Iterable[Secret | str]) -> str:
    """Every occurrence of a known secret in ``text`` replaced by :data:`REDACTED`."""
    for value in sorted(_revealed(secrets), key=len, reverse=True):
        if value and len(value) >= 4:
            text = text.replace(value, REDACTED)
    return text


def redact_header(name: str, value: str | Secret) -> str:
    """What logs, ``--json`` and the window show for a header: the scheme, never the credential."""
    lower = name.strip().lower()
    text = value.reveal() if isinstance(value, Secret) else value
    if lower in ("authorization", "proxy-authorization"):
        scheme, sep, _ = text.partition(" ")
        if scheme.lower() == "agora":
            return f"agora token={REDACTED}"
        return f"{scheme} {REDACTED}" if sep else REDACTED
    if isinstance(value, Secret) or lower in SENSITIVE_HEADERS:
        return REDACTED
    return text


def redacted_headers(headers: Iterable[tuple[str, str | Secret]]) -> dict[str, str]:
    return {name: redact_header(name, value) for name, value in headers}


def is_sensitive_key(key: str) -> bool:
    return key.lower().replace("-", "_") in SENSITIVE_KEYS


def redact_json(value: Any, secrets: Iterable[Secret | str] = ()) -> Any:
    """A copy with credential-named keys and strings holding a known secret replaced."""
    known = [s for s in _revealed(secrets) if len(s) >= MIN_SCAN_LENGTH]

    def walk(v: Any) -> Any:
        if isinstance(v, dict):
            return {
                k: (REDACTED if is_sensitive_key(str(k)) and v2 not in ("", None) else walk(v2))
                for k, v2 in v.items()
            }
        if isinstance(v, list):
            return [walk(x) for x in v]
        if isinstance(v, str):
            return REDACTED if any(s in v for s in known) else v
        return v

    return walk(value)


def secret_items(value: Any) -> list[tuple[str, str]]:
    """``(key, value)`` of the non-empty strings under credential-named keys of a JSON value."""
    found: list[tuple[str, str]] = []

    def walk(v: Any) -> None:
        if isinstance(v, dict):
            for k, v2 in v.items():
                if is_sensitive_key(str(k)) and isinstance(v2, str) and v2:
                    found.append((str(k), v2))
                else:
                    walk(v2)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(value)
    return found


def json_secrets(value: Any) -> list[str]:
    """The secret values of :func:`secret_items` (tokens, api keys …)."""
    return [v for _, v in secret_items(value)]


def holds_secret(body: bytes, known: Iterable[Secret | str] = ()) -> bool:
    """True when a body carries a credential: a known secret, a token, or a credential-named key."""
    text = body.decode("utf-8", "replace")
    if any(len(s) >= MIN_SCAN_LENGTH and s in text for s in _revealed(known)):
        return True
    if TOKEN_RE.search(text):
        return True
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return bool(json_secrets(value))
