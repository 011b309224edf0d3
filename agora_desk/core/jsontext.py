"""The one JSON serializer for what agora-desk prints or saves.

Text stays readable (CJK as itself, not ``\\uXXXX``). Wire strings keep bytes
that are not UTF-8 as lone surrogates (``surrogateescape``); those are
written as ``\\udcXX`` escapes, so the text is valid UTF-8 and valid JSON,
and ``json.loads`` gives the same value back.
"""

from __future__ import annotations

import json


def dumps(obj: object) -> str:
    """One line, no trailing newline."""
    text = json.dumps(obj, ensure_ascii=False)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
