"""JSON bodies as typed by a user: located errors, deep merge."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from agora_desk.core.errors import InputError
from agora_desk.core.i18n import N_, Translated, _


@dataclass(frozen=True)
class JsonProblem:
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return _("invalid JSON at line {line}, column {column}: {message}").format(
            line=self.line, column=self.column, message=self.message
        )


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


def parse_json_text(text: str) -> tuple[Any, JsonProblem | None]:
    """``(value, None)``, or ``(None, problem)``; empty text is "no body"."""
    if not text.strip():
        return None, None
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        message = _JSON_MESSAGES[exc.msg] if exc.msg in _JSON_MESSAGES else exc.msg
        return None, JsonProblem(exc.lineno, exc.colno, message)
    except RecursionError:
        return None, JsonProblem(1, 1, _("nested too deeply"))
    except ValueError:  # int() of over 4,300 digits
        return None, JsonProblem(1, 1, _("a number has thousands of digits"))


def parse_body(text: str, field: str = "body") -> Any:
    value, problem = parse_json_text(text)
    if problem is not None:
        raise InputError(field, str(problem))
    return value


def merge(base: Any, over: Any) -> Any:
    """Deep merge of JSON objects: ``over`` wins; lists and scalars are replaced."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    return over


def pretty(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)
