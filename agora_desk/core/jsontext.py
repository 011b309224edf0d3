"""The one JSON serializer for what agora-desk prints or saves, and the words for what
Python's json reader finds wrong.

Text stays readable (CJK as itself, not ``\\uXXXX``). Wire strings keep bytes
that are not UTF-8 as lone surrogates (``surrogateescape``); those are
written as ``\\udcXX`` escapes, so the text is valid UTF-8 and valid JSON,
and ``json.loads`` gives the same value back.
"""

from __future__ import annotations

import json
import re

from agora_desk.core.i18n import N_, Translated

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


# Python's json module says what is wrong in these words (its "msg"); shown translated.
_JSON_MESSAGES = Translated(
    {
        "Expecting value": N_("a value is expected here"),
        "Expecting property name enclosed in double quotes": N_(
            "a property name in double quotes is expected here"
        ),
        "Expecting ':' delimiter": N_("':' is expected here"),
        "Expecting ',' delimiter": N_("',' is expected here"),
        "Unterminated string starting at": N_("a string starts here and is never closed"),
        "Invalid control character at": N_("a control character (a line break?) inside a string"),
        "Invalid \\escape": N_("an invalid \\ escape"),
        "Invalid \\uXXXX escape": N_("an invalid \\uXXXX escape"),
        "Extra data": N_("more text after the JSON value"),
    }
)


def problem_text(msg: str) -> str:
    """What :class:`json.JSONDecodeError`'s ``msg`` says, in the active language."""
    return _JSON_MESSAGES[msg] if msg in _JSON_MESSAGES else msg
