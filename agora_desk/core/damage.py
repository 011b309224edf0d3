"""Damaged tokens: read what the bytes allow, and say it in words a person can act on.

A token copied from a chat, a log or a JSON file arrives cut short, with
``\\/`` for ``/``, ``%2B`` or a space for ``+``, or with line breaks. The
first sentence never names a library ("zlib", "offset"): it says what is
wrong with the *copy* and what to do.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
import zlib
from typing import TYPE_CHECKING, Any

from agora_desk.core.decoded import Node, TimeKind
from agora_desk.core.errors import TokenFormatError
from agora_desk.core.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from agora_desk.core.formats.base import TokenFormat


class DamagedTokenError(TokenFormatError):
    """A token of a known version that cannot be decoded in full; ``partial`` is what could."""

    def __init__(self, message: str, partial: dict[str, Any]) -> None:
        self.partial = partial
        super().__init__(message)


def partial_tree(partial: dict[str, Any]) -> Node | None:
    """What a damaged token still shows (often the App ID: enough to find the project),
    as rows for the Inspect tree and decode's text; None when it shows nothing."""
    root = Node(_("what the token still shows:"))
    version, app_id = partial.get("version"), partial.get("app_id")
    if version is not None:
        root.add(_("version"), version, copy=str(version))
    if app_id is not None:
        root.add(_("App ID"), app_id, copy=str(app_id))
    issued_at = partial.get("issued_at")
    if isinstance(issued_at, int) and issued_at:
        root.add(_("issued at"), copy=str(issued_at), timestamp=issued_at, time_kind=TimeKind.START)
    expire = partial.get("expire")
    if isinstance(expire, int):
        root.add(_("expire"), _("{seconds} s").format(seconds=expire), copy=str(expire))
    return root if root.children else None


def repair(token: str) -> tuple[str, list[str]]:
    """Undo paste damage that only shows once the token fails to parse: '+' lost to spaces."""
    notes: list[str] = []
    if token[:3] in ("007", "006", "005") and " " in token.strip():
        token = token.strip().replace(" ", "+")
        notes.append(
            _("put back '+' where the copy had spaces (URL form decoding turns + into a space)")
        )
    return token, notes


_BASE64_RUN = re.compile(r"[A-Za-z0-9+/]*")


def split_trailing(fmt: TokenFormat[Any], token: str) -> tuple[str, str] | None:
    """``(token, extra)`` when the token's data ends before the text does: a full stop, a
    quote or a word pasted after it. None when the text does not hold a whole token."""
    if fmt.base64_from is None or fmt.content_length is None:
        return None
    start = fmt.base64_from
    body = token[start:]
    run = _BASE64_RUN.match(body)
    assert run is not None  # the pattern matches the empty string
    digits = run.group(0)
    if len(digits) % 4 == 1:
        digits = digits[:-1]  # a lone last character holds no whole byte
    raw = base64.b64decode(digits + "=" * (-len(digits) % 4))
    used = fmt.content_length(raw)
    if used is None:
        return None
    canonical = base64.b64encode(raw[:used]).decode("ascii")
    end = len(canonical.rstrip("="))
    if not body.startswith(canonical[:end]):
        return None  # not encoded the way builders encode: do not guess
    while end < len(canonical) and body[end : end + 1] == "=":
        end += 1
    if start + end >= len(token):
        return None
    return token[: start + end], token[start + end :]


def trailing_note(extra: str) -> str:
    shown = extra if len(extra) <= 24 else extra[:20] + "…"
    return ngettext(
        "removed {count} character after the end of the token ({extra!r}): the app must send the token without it",
        "removed {count} characters after the end of the token ({extra!r}): the app must send the token without them",
        len(extra),
    ).format(count=len(extra), extra=shown)


def _cut_off(length: int) -> str:
    return _("the token is cut off after {length} characters — copy it again in full").format(
        length=length
    )


def _read_007_head(content: bytes) -> dict[str, Any]:
    out: dict[str, Any] = {}
    try:
        (sig_len,) = struct.unpack_from("<H", content, 0)
        pos = 2 + sig_len
        (app_len,) = struct.unpack_from("<H", content, pos)
        app = content[pos + 2 : pos + 2 + app_len]
        if len(app) == app_len:
            out["app_id"] = app.decode("ascii", "replace")
        pos += 2 + app_len
        for key in ("issued_at", "expire", "salt"):
            (out[key],) = struct.unpack_from("<I", content, pos)
            pos += 4
    except struct.error:
        pass
    return out


def _shortened(token: str) -> bool:
    return "…" in token or "..." in token


_SHORTENED = N_(
    "the token was shortened with '…' or '...' (as logs and chat previews show tokens): copy the whole token, not its preview"
)


def explain_007(token: str, problem: TokenFormatError) -> DamagedTokenError:
    """The plain reason a 007 token failed, with whatever its bytes still give."""
    partial: dict[str, Any] = {"version": "007"}
    if _shortened(token):
        return DamagedTokenError(_(_SHORTENED), partial)
    body = token[3:]
    usable = body[: len(body) - len(body) % 4]
    try:
        raw = base64.b64decode(usable, validate=True)
    except (binascii.Error, ValueError):
        return DamagedTokenError(
            _(
                "the token has characters that are not part of a token (a 007 token is letters, digits, + / and =): copy it again, without surrounding text"
            ),
            partial,
        )
    inflater = zlib.decompressobj()
    try:
        content = inflater.decompress(raw, 1 << 20)
    except zlib.error:
        return DamagedTokenError(
            _(
                "the token is damaged: part of it was changed (a character edited or lost in the middle) — copy it again in full"
            ),
            partial,
        )
    partial.update(_read_007_head(content))
    if inflater.unconsumed_tail:
        return DamagedTokenError(
            _(
                "this unpacks to more than 1 MiB, far more than any real token: it is not an Agora token (or was built to be hostile)"
            ),
            partial,
        )
    if not inflater.eof or len(body) % 4 == 1:
        return DamagedTokenError(_cut_off(len(token)), partial)
    partial["detail"] = str(problem)
    return DamagedTokenError(
        _(
            "the token's contents are inconsistent: it was edited or not made by an Agora builder — copy it again in full, or build a new one"
        ),
        partial,
    )


_BASE64 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")


def explain_006(token: str, problem: TokenFormatError) -> DamagedTokenError:
    partial: dict[str, Any] = {"version": "006"}
    if len(token) >= 35:
        partial["app_id"] = token[3:35]
    if _shortened(token):
        return DamagedTokenError(_(_SHORTENED), partial)
    if not _BASE64.issuperset(token[35:]):
        return DamagedTokenError(
            _(
                "the token has characters that are not part of a token (after its App ID a 006 token is letters, digits, + / and =): copy it again, without surrounding text"
            ),
            partial,
        )
    if len(token) < 35 or "cut short" in str(problem) or (len(token) - 35) % 4 == 1:
        return DamagedTokenError(_cut_off(len(token)), partial)
    return DamagedTokenError(
        _("the token is damaged: part of it was changed — copy it again in full"), partial
    )
