"""Text from a server, made safe for a terminal: control characters shown, never obeyed.

A response body may hold ANSI/OSC escape sequences (set the window title,
clear the screen, hide text), C1 controls (U+009B is a CSI on some
terminals) or bidirectional overrides that reorder what is read. They are
written as visible ``\\xNN`` / ``\\uNNNN`` escapes; line breaks and tabs stay.
"""

from __future__ import annotations

import re
from typing import Final

from agora_desk.core.jsontext import UNSAFE_CHARS

_UNSAFE: Final = re.compile(f"[\x00-\x08\x0b-\x1f{UNSAFE_CHARS}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    return _UNSAFE.sub(_escape, text)
