"""Decode anything a person pastes into a :class:`DecodedToken`.

Cleaning (whitespace, quotes, ``agora token=`` prefixes, URL-encoding) is
done first and each step is reported, because a stray quote in a config
file is the most common reason a genuine token is rejected.
"""

from __future__ import annotations

import re
import urllib.parse
from typing import Any

from agora_desk.core import damage
from agora_desk.core.errors import TokenFormatError
from agora_desk.core.formats.base import TokenFormat
from agora_desk.core.formats.registry import Parsed, format_for
from agora_desk.core.i18n import _
from agora_desk.core.validation import QUOTES, looks_secret

_PREFIX = re.compile(
    r"^(?:authorization\s*:\s*)?(?:agora\s+token\s*=|x-agora-token\s*:|token\s*[=:])\s*",
    re.IGNORECASE,
)
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_LINE_BREAKS = re.compile(r"[\r\n\t]+")
_URL_SAFE = str.maketrans("-_", "+/")
# Zero-width spaces and joiners, a word joiner, a soft hyphen, a byte-order mark: chat
# apps and editors add them, and no screen shows them.
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\u00ad\ufeff]+")
# A paste that is a clean token already, the usual case: nothing below would change it (it
# starts with a digit, so no prefix; only base64 characters, so nothing invisible and no
# quote, space, '%', '-', '_').
_CLEAN = re.compile(r"[0-9][0-9A-Za-z+/=]*")


def clean_paste(text: str) -> tuple[str, list[str]]:
    """Strip paste artefacts; return the token and one note per change."""
    if _CLEAN.fullmatch(text):
        return text, []
    notes: list[str] = []
    token = _INVISIBLE.sub("", text)
    if token != text:
        notes.append(_("removed invisible characters (zero-width spaces, a byte-order mark)"))
    for _attempt in range(4):  # artefacts nest: '"token=007..."\n'
        before = token
        stripped = token.strip()
        if stripped != token:
            notes.append(_("removed whitespace around the token"))
            token = stripped
        if len(token) >= 2 and token[0] in QUOTES and token[-1] in QUOTES:
            notes.append(
                _("removed the quotes ({first}…{last}) around the token").format(
                    first=token[0], last=token[-1]
                )
            )
            token = token[1:-1]
        match = _PREFIX.match(token)
        if match:
            notes.append(_("removed the prefix {prefix!r}").format(prefix=match.group(0).strip()))
            token = token[match.end() :]
        if "%" in token and _PERCENT_ESCAPE.search(token):
            unquoted = urllib.parse.unquote(token)
            if unquoted != token:
                notes.append(_("decoded URL-encoding (%2B, %2F, %3D ...) in the token"))
                token = unquoted
        if token == before:
            break
    inner_ws = _LINE_BREAKS.sub("", token)
    if inner_ws != token:
        notes.append(_("removed line breaks inside the token"))
        token = inner_ws
    if " " in token and not token.startswith(("007", "006", "005")):
        notes.append(_("removed spaces inside the token"))
        token = token.replace(" ", "")
    if token[:3] in ("007", "006", "005") and ("-" in token or "_" in token):
        # URL-safe base64 from a mangled copy; map back to the standard alphabet.
        notes.append(_("converted URL-safe base64 (- and _) back to + and /"))
        token = token.translate(_URL_SAFE)
    return token, notes


def _pad(body: str, notes: list[str]) -> str:
    missing = -len(body) % 4
    if missing and missing < 3:
        notes.append(_("added {missing} missing '=' padding character(s)").format(missing=missing))
        return body + "=" * missing
    return body


def parse_any(text: str) -> Parsed[Any]:
    """Clean, detect the format and parse. Raises :class:`TokenFormatError`."""
    token, notes = clean_paste(text)
    if not token:
        raise TokenFormatError(_("empty input: paste a token"))
    fmt = format_for(token)
    if fmt is None:
        token, notes, fmt = _embedded(text, token)
    if "\\/" in token:  # a token copied out of a JSON string
        token = token.replace("\\/", "/")
        notes.append(_("replaced JSON-escaped \\/ with /"))
    as_pasted, noted_before_padding = token, len(notes)
    if fmt.base64_from is not None and (len(token) - fmt.base64_from) % 4:
        token = token[: fmt.base64_from] + _pad(token[fmt.base64_from :], notes)
    try:
        obj = fmt.parse(token)
    except TokenFormatError as exc:
        obj, token, notes = _repair(
            fmt, (as_pasted, notes[:noted_before_padding]), (token, notes), exc
        )
        repaired = True
    else:
        repaired = False
    decoded = fmt.describe(obj)
    decoded.token = token
    decoded.cleaned = notes
    if notes:
        decoded.warnings[:0] = notes
    if repaired or notes:
        decoded.repaired = token
    return Parsed(fmt, obj, decoded)


def _repair(
    fmt: TokenFormat[Any],
    as_pasted: tuple[str, list[str]],
    padded: tuple[str, list[str]],
    problem: TokenFormatError,
) -> tuple[Any, str, list[str]]:
    """Undo paste damage that shows only once parsing fails, or raise the plain reason."""
    token, notes = padded
    attempts: list[tuple[str, list[str]]] = []
    split = damage.split_trailing(fmt, as_pasted[0])
    if split is not None:
        # Text after a whole token, not a token cut short: no '=' padding was missing.
        attempts.append((split[0], [*as_pasted[1], damage.trailing_note(split[1])]))
    fixed, repairs = damage.repair(token)
    if repairs and fixed != token:
        attempts.append((fixed, [*notes, *repairs]))
        # Not '+' after all: spaces from a wrapped line.
        attempts.append((token.replace(" ", ""), [*notes, _("removed spaces inside the token")]))
    for candidate, candidate_notes in attempts:
        try:
            return fmt.parse(candidate), candidate, candidate_notes
        except TokenFormatError:
            continue
    raise _damaged(fmt.version, token, problem) from None


def _damaged(version: str, token: str, exc: TokenFormatError) -> TokenFormatError:
    if version == "007":
        return damage.explain_007(token, exc)
    if version == "006":
        return damage.explain_006(token, exc)
    return exc


# A token inside other text (a JSON line, a line of code, a URL's query): 007's base64
# begins with zlib's header byte ('e'); 006 goes on with a 32-character hex App ID.
_EMBEDDED = re.compile(
    r"(?<![A-Za-z0-9+/])(?:007e|006[0-9a-fA-F]{32})(?:[A-Za-z0-9+/=]|%[0-9A-Fa-f]{2}|\\/)+"
)


def _embedded(text: str, token: str) -> tuple[str, list[str], TokenFormat[Any]]:
    found = _EMBEDDED.search(text)
    if found is not None:
        inner, notes = clean_paste(found.group(0))
        fmt = format_for(inner)
        if fmt is not None:
            # Counts, not the text itself: the lines around a token may hold a certificate.
            note = _(
                "took the token out of the text around it (characters before it: {before}, after it: {after})"
            ).format(before=found.start(), after=len(text) - found.end())
            return inner, [note, *notes], fmt
    raise TokenFormatError(_guess(token, text))


_LONG_HEX = re.compile(r"[0-9a-fA-F]{16,}")


def _guess(token: str, original: str) -> str:
    if original.strip().lower().startswith("basic ") or token.lower().startswith(
        "authorization:basic"
    ):
        return _(
            "this is a Basic credential header, not a token: use the Basic credential tab or 'agora-desk basic --decode'"
        )
    if token.count(".") == 2 and token.startswith("eyJ"):
        return _("this looks like a JWT, not an Agora token (Agora tokens start with 007 or 006)")
    if re.fullmatch(r"[0-9a-fA-F]{32}", token):
        return _("this is a 32-character hex string: an App ID or App Certificate, not a token")
    if re.match(r"^0\d\d", token):
        return _("unknown token version {token!r} (known: 007, 006, 005 and older)").format(
            token=token[:3]
        )
    if looks_secret(token) or _LONG_HEX.search(token):
        # A certificate with a character missing or added is still most of a secret.
        return _(
            "not an Agora token: it holds a long hex run, like an App ID or App Certificate (not shown); Agora tokens start with 007 or 006"
        )
    shown = original.strip()
    preview = shown[:12] + ("…" if len(shown) > 12 else "")
    return _(
        "not an Agora token: it starts with {preview!r}; Agora tokens start with 007 or 006"
    ).format(preview=preview)
