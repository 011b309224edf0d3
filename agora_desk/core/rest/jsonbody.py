"""JSON bodies as typed by a user: located errors, deep merge."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from agora_desk.core.errors import InputError
from agora_desk.core.i18n import _
from agora_desk.core.jsontext import problem_text


@dataclass(frozen=True)
class JsonProblem:
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return _("invalid JSON at line {line}, column {column}: {message}").format(
            line=self.line, column=self.column, message=self.message
        )


def parse_json_text(text: str) -> tuple[Any, JsonProblem | None]:
    """``(value, None)``, or ``(None, problem)``; empty text is "no body"."""
    if not text.strip():
        return None, None
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, JsonProblem(exc.lineno, exc.colno, problem_text(exc.msg))
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
