"""JSON bodies typed by a user."""

from __future__ import annotations

import pytest

from agora_desk.core import rest
from agora_desk.core.errors import InputError

# -- JSON bodies -------------------------------------------------------------------


def test_invalid_json_is_located() -> None:
    value, problem = rest.parse_json_text('{"a": 1,\n "b": }')
    assert value is None and problem is not None
    assert (problem.line, problem.column) == (2, 7)
    assert rest.parse_json_text("  ") == (None, None)
    with pytest.raises(InputError, match="line 1"):
        rest.parse_body("{nope")


def test_merge_is_deep() -> None:
    base = {"a": {"b": 1, "c": [1]}, "d": 1}
    assert rest.merge(base, {"a": {"c": [2]}, "e": 3}) == {"a": {"b": 1, "c": [2]}, "d": 1, "e": 3}
