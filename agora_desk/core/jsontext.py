"""The one JSON serializer for what agora-desk prints or saves.

Text stays readable (CJK as itself, not ``\\uXXXX``). Wire strings keep bytes
that are not UTF-8 as lone surrogates (``surrogateescape``); those are
written as ``\\udcXX`` escapes, so the text is valid UTF-8 and valid JSON,
and ``json.loads`` gives the same value back.
"""

from __future__ import annotations

import json
import re

# json.dumps escapes C0 controls but writes C1 controls (U+009B is a CSI on some
# terminals) and bidirectional overrides as they are; inside a JSON string a
# \uXXXX escape is the same value, and nothing reorders or drives a terminal.
# (The one list of these characters; the terminal output adds the C0 controls.)
UNSAFE_CHARS = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{UNSAFE_CHARS}]")


def dumps(obj: object) -> str:
    """One line, no trailing newline."""
    text = json.dumps(obj, ensure_ascii=False)
    text = _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
